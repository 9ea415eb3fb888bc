//! Confirming an import: merging the chosen PKs into the workspace and packing them for storage a batch
//! at a time, the progress shown and the page free in between (a national file of 5 500 PKs held the
//! page for over a second), then one save. Nothing is written before the last step, so leaving the page
//! or a failure in between changes nothing.

use crate::core::i18n::Msg;
use crate::core::io::merge::{self, Incoming, Merging, Report};
use crate::core::model::letterhead::Letterhead;
use crate::store::StoreError;
use crate::ui::services::browser;
use crate::ui::services::persistence::Packed;
use crate::ui::services::{Document, Persistence};
use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;

/// PKs merged or packed between two pauses (about 20 ms each in Chromium on the benchmark machine).
const BATCH: usize = 150;

/// Applies `items` as one undo step called `label`; `progress` holds (PKs done, PKs in all) while it
/// works, each PK counted once.
pub async fn apply(
    doc: Document,
    saving: Persistence,
    label: Msg,
    items: Vec<Incoming>,
    letterhead: Letterhead,
    (offices, reviews): (Vec<crate::core::model::offices::Office>, Vec<crate::core::model::reviews::Review>),
    progress: RwSignal<Option<(usize, usize)>>,
) -> Result<Report, StoreError> {
    let total = items.len().max(1);
    // Merging looks at each PK twice and packing once: three parts of a PK's share.
    let show = |parts: usize| progress.set(Some((parts / 3, total)));
    show(0);
    let before = doc.ws.get_untracked();
    let ids = doc.with_ids(|ids| ids.clone());
    let mut merging = Merging::new(&before, &items, ids);
    while merging.step(BATCH) {
        show(merging.progress().0);
        browser::pause().await;
    }
    let (mut merged, mut report, used) = merging.finish();
    // Only what the import brings needs packing: the others are unchanged.
    let kept: HashSet<*const crate::core::model::Agreement> =
        before.agreements.iter().map(Arc::as_ptr).collect();
    let new: Vec<_> = merged.agreements.iter().filter(|a| !kept.contains(&Arc::as_ptr(a))).cloned().collect();
    let mut packed = Packed::with_capacity(new.len());
    for (n, batch) in new.chunks(BATCH).enumerate() {
        for a in batch {
            packed.pack(a);
        }
        let packed = ((n + 1) * BATCH).min(new.len());
        show(total * 2 + packed * total / new.len());
        browser::pause().await;
    }
    if doc.ws.with_untracked(|ws| *ws == before) {
        doc.with_ids(|ids| *ids = used);
    } else {
        // The workspace changed while this worked (an edit in another page): merged again onto it, at
        // once; the pieces already packed still serve the PKs that did not change.
        (merged, report) = doc.with_ids(|ids| doc.ws.with_untracked(|ws| merge::apply(ws, &items, ids)));
    }
    // The office's letterhead comes with its files when there is none here; one here is never replaced.
    if merged.letterhead.is_empty() {
        merged.letterhead = letterhead;
    }
    // The offices the user kept from the preview join the list (never twice: `add_all` checks).
    merged.settings.offices.add_all(&offices);
    // Every review the files bring is kept, a review held here never twice (`Reviews::merge`).
    merged.settings.reviews.merge(&reviews);
    let saved = saving.import(label, merged, &packed);
    progress.set(None);
    saved.map(|()| report)
}
