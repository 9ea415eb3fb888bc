//! Import: choose or drop one or more files, see a preview of what each PK would do, choose per PK or
//! for all, confirm once. Nothing is written before the confirmation, and nothing at all when the result
//! would not fit in storage. The import is one undoable step.

mod apply;
pub(crate) mod preview;
mod read;

use read::{file_list, read_files, Source};

use crate::core::backup::{Occasion, Point};
use crate::core::i18n::{fill, Msg};
use crate::core::io::diff::{classify, Status};
use crate::core::io::file::{FileError, FileMeta, MAX_FILE_BYTES};
use crate::core::io::merge::{Choice, Incoming};
use crate::core::io::problem::Problem;
use crate::core::model::{Agreement, AgreementId, Origin};
use crate::store::StoreError;
use crate::ui::services::{browser, clock};
use crate::ui::services::{Backup, Document, Language, NoticeKind, Notices, Persistence};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// One chosen file: refused with a reason, or read.
#[derive(Clone, Debug)]
pub struct FileResult {
    pub name: String,
    pub outcome: Result<(FileMeta, Vec<Problem>), FileError>,
    /// The titles of the file's PKs, by position (to name them in its warnings).
    pub titles: Vec<String>,
}

/// Where an incoming PK's superior is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParentNote {
    /// It has none.
    None,
    /// In the user's data (its title).
    Here(String),
    /// In the same import.
    InImport(String),
    /// Neither here nor in the import.
    Missing,
}

/// One incoming PK.
#[derive(Clone, Debug)]
pub struct Item {
    pub file: usize,
    pub agreement: Agreement,
    pub status: Status,
    pub choice: Choice,
    pub origin: Origin,
    /// Characters it takes in storage, and those of the PK here it would replace (for the estimate).
    pub size: usize,
    pub local_size: usize,
    pub parent: ParentNote,
    /// The file's signed versions compared with those here.
    pub signature: crate::core::io::signature::Signature,
    /// With `Merge`: measurement places entered on both sides where the file's value is taken.
    pub take: Vec<crate::core::io::diff::DiffPlace>,
    /// The PK here is as it arrived (`merge::Incoming::unchanged_here`).
    pub unchanged_here: bool,
}

/// Bytes of an agreement's compact JSON (counted while serialising, without building the text).
fn stored_size(a: &Agreement) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    serde_json::to_writer(&mut count, a).map(|_| count.0).unwrap_or(0)
}

/// Where the superior of `a` is: in the user's data, in this import, or nowhere.
fn parent_note(
    ws: &crate::core::model::Workspace,
    incoming: &HashMap<&AgreementId, String>,
    a: &Agreement,
) -> ParentNote {
    let Some(parent) = &a.parent else { return ParentNote::None };
    if let Some(p) = ws.agreement(parent) {
        return ParentNote::Here(p.title().to_string());
    }
    match incoming.get(parent) {
        Some(title) => ParentNote::InImport(title.clone()),
        None => ParentNote::Missing,
    }
}

/// The import being previewed.
#[derive(Clone, Debug, Default)]
pub struct Session {
    pub files: Vec<FileResult>,
    pub items: Vec<Item>,
    /// A restore point being restored (read like a file), rather than files chosen by the user.
    pub restore: Option<Point>,
    /// The first letterhead found in the files (taken only when the workspace has none).
    pub letterhead: crate::core::model::letterhead::Letterhead,
    /// Offices the files name that are not listed here, each with whether to add it.
    pub offices: Vec<(crate::core::model::offices::Office, bool)>,
    /// (Version 6) the reviews the files carry that are not held here (each once): all kept.
    pub reviews: Vec<crate::core::model::reviews::Review>,
}

/// The import section of the Data page.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let saving = expect_context::<Persistence>();
    let session = RwSignal::new(None::<Session>);
    // (file, agreements read, agreements in it) while a file is read; (file, _, 0) while its text is
    // received and split.
    let progress = RwSignal::new(None::<(String, usize, usize)>);
    let dragging = RwSignal::new(false);
    let open = Memo::new(move |_| session.with(Option::is_some));
    let backup = expect_context::<Backup>();
    let start = move |files: Vec<Source>, restore: Option<Point>| {
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let started = browser::measure_start("kinerja:import");
            let results = read_files(files, progress).await;
            // The last check of a large file and the comparison with the workspace each get their own turn.
            browser::pause().await;
            let now = clock::now().stamp();
            let mut s = Session { restore, ..Session::default() };
            let restoring = s.restore.is_some();
            let mut incoming: Vec<(usize, Agreement, Origin)> = Vec::new();
            let mut sizes: Vec<Option<usize>> = Vec::new();
            let mut named = crate::core::model::offices::Offices::default();
            let mut names: Vec<String> = Vec::new();
            let mut reviews = crate::core::model::reviews::Reviews::default();
            for (index, (name, result, measured)) in results.into_iter().enumerate() {
                match result {
                    Ok(loaded) => {
                        if s.letterhead.is_empty() {
                            s.letterhead = loaded.workspace.letterhead.clone();
                        }
                        let origin = Origin {
                            file: name.clone(),
                            office: loaded.meta.source.office.clone(),
                            exported_at: loaded.meta.exported_at.clone().unwrap_or_default(),
                            imported_at: now.clone(),
                            received: String::new(),
                            quarters: Default::default(),
                        };
                        let titles =
                            loaded.workspace.agreements.iter().map(|a| a.title().to_string()).collect();
                        named.list.extend(loaded.workspace.settings.offices.list.iter().cloned());
                        reviews.merge(loaded.workspace.settings.reviews.all());
                        names.push(loaded.meta.source.office.clone());
                        names.extend(loaded.workspace.agreements.iter().map(|a| a.office.clone()));
                        let warnings = doc.ws.with_untracked(|ws| {
                            crate::core::io::file::warnings_here(
                                loaded.warnings,
                                &loaded.workspace.agreements,
                                ws,
                            )
                        });
                        for (k, a) in loaded.workspace.agreements.into_iter().enumerate() {
                            sizes.push(measured.get(k).copied());
                            incoming.push((index, std::sync::Arc::unwrap_or_clone(a), origin.clone()));
                        }
                        s.files.push(FileResult { name, outcome: Ok((loaded.meta, warnings)), titles });
                    }
                    Err(e) => s.files.push(FileResult { name, outcome: Err(e), titles: Vec::new() }),
                }
            }
            // A restore point brings back PKs, not offices.
            if !restoring {
                s.offices = doc.ws.with_untracked(|ws| {
                    let offered = ws.settings.offices.offered(&named, names.iter().map(String::as_str));
                    offered.into_iter().map(|o| (o, true)).collect()
                });
            }
            s.reviews = doc.ws.with_untracked(|ws| {
                ws.settings.reviews.new_in(reviews.all()).into_iter().cloned().collect()
            });
            let builtin = crate::core::seed::workspace().ok();
            s.items = doc.ws.with_untracked(|ws| {
                let all: Vec<&Agreement> = incoming.iter().map(|(_, a, _)| a).collect();
                let shrink = crate::core::io::stored::Shrink::sample(&all);
                let statuses = classify(ws, &all, builtin.as_ref());
                let titles: HashMap<&AgreementId, String> =
                    incoming.iter().map(|(_, a, _)| (&a.id, a.title().to_string())).collect();
                let parents: Vec<ParentNote> =
                    incoming.iter().map(|(_, a, _)| parent_note(ws, &titles, a)).collect();
                incoming
                    .into_iter()
                    .zip(statuses)
                    .zip(parents)
                    .zip(sizes)
                    .map(|((((file, agreement, origin), status), parent), measured)| {
                        let local_size = ws
                            .agreement(&agreement.id)
                            .map(|a| {
                                crate::store::stored_chars(&a.id)
                                    .unwrap_or_else(|| shrink.estimate(stored_size(a)))
                            })
                            .unwrap_or(0);
                        let signature =
                            crate::core::io::signature::compare(ws.agreement(&agreement.id), &agreement);
                        // A restore point takes back every PK that differs, where the PK allows it.
                        let choice = if restoring
                            && status.differs()
                            && Choice::options(&status).contains(&Choice::Replace)
                        {
                            Choice::Replace
                        } else {
                            Choice::default_for(&status)
                        };
                        // Only a PK that differs is looked at (a fingerprint each).
                        let mine = ws.agreement(&agreement.id).filter(|_| status.differs());
                        let unchanged_here =
                            mine.is_some_and(|m| crate::core::io::diff::unchanged_here(m, builtin.as_ref()));
                        // A later file from the office this PK came from, and a quarter returned from here
                        // and sent again: their corrected figures are taken.
                        let mut take = mine
                            .filter(|_| unchanged_here)
                            .map(|mine| {
                                crate::core::io::diff::taken_by_default(
                                    mine,
                                    &origin.office,
                                    &origin.exported_at,
                                    status.differences(),
                                )
                            })
                            .unwrap_or_default();
                        if choice == Choice::Merge {
                            for p in crate::core::io::merge::returned_places(ws, &status, &agreement.id) {
                                if !take.contains(&p) {
                                    take.push(p);
                                }
                            }
                        }
                        Item {
                            file,
                            take,
                            unchanged_here,
                            choice,
                            size: shrink.estimate(measured.unwrap_or_else(|| stored_size(&agreement)))
                                + crate::store::agreement_key(&agreement.id).len(),
                            local_size,
                            agreement,
                            status,
                            origin,
                            parent,
                            signature,
                        }
                    })
                    .collect()
            });
            browser::measure_end("kinerja:import", started);
            session.set(Some(s));
            if restoring {
                browser::focus_and_show("restore-preview");
            }
        });
    };
    // A restore point chosen on this page comes through the same preview as a file.
    Effect::new(move |_| {
        if let Some(r) = backup.take_restoring() {
            let name = fill(
                i18n.t_now(Msg::PointName),
                &[("time", &clock::time_text(&r.point.at, i18n.lang.get_untracked()))],
            );
            start(vec![Source::Text { name, text: r.text }], Some(r.point));
        }
    });
    let on_pick = move |e: leptos::ev::Event| {
        let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            start(file_list(input.files()), None);
            input.set_value("");
        }
    };
    let on_drop = move |e: web_sys::DragEvent| {
        e.prevent_default();
        e.stop_propagation();
        dragging.set(false);
        start(file_list(e.data_transfer().and_then(|d| d.files())), None);
    };
    // (PKs done, PKs in all) while a confirmed import is merged and saved.
    let applying = RwSignal::new(None::<(usize, usize)>);
    let confirm = move || {
        if applying.get_untracked().is_some() {
            return;
        }
        let items: Vec<Incoming> = session.with_untracked(|s| {
            s.iter()
                .flat_map(|s| &s.items)
                .map(|i| Incoming {
                    agreement: i.agreement.clone(),
                    origin: i.origin.clone(),
                    choice: i.choice,
                    take: i.take.clone(),
                    unchanged_here: i.unchanged_here,
                })
                .collect()
        });
        let offices: Vec<crate::core::model::offices::Office> = session.with_untracked(|s| {
            s.iter().flat_map(|s| &s.offices).filter(|(_, add)| *add).map(|(o, _)| o.clone()).collect()
        });
        let reviews: Vec<crate::core::model::reviews::Review> =
            session.with_untracked(|s| s.iter().flat_map(|s| s.reviews.iter().cloned()).collect());
        if items.is_empty() && offices.is_empty() && reviews.is_empty() {
            return;
        }
        // What is here now is kept first as a restore point (skipped quietly when there is no room).
        let (label, restore) = session.with_untracked(|s| {
            let s = s.as_ref();
            match s.and_then(|s| s.restore.clone()) {
                Some(p) => {
                    let when = clock::time_text(&p.at, i18n.lang.get_untracked());
                    backup.keep_now(Occasion::Restore, &when);
                    (Msg::RestorePointAction, true)
                }
                None => {
                    let names: Vec<&str> = s.iter().flat_map(|s| &s.files).map(|f| f.name.as_str()).collect();
                    backup.keep_now(Occasion::Import, &names.join(", "));
                    (Msg::ImportAction, false)
                }
            }
        });
        let letterhead =
            session.with_untracked(|s| s.as_ref().map(|s| s.letterhead.clone()).unwrap_or_default());
        leptos::task::spawn_local(async move {
            let adding = offices.len();
            let reviewed = reviews.len();
            match apply::apply(doc, saving, label, items, letterhead, (offices, reviews), applying).await {
                Ok(_) if restore => {
                    session.set(None);
                    notices.notify(NoticeKind::Success, i18n.t_now(Msg::PointRestored).to_string());
                }
                Ok(report) if report.changed() == 0 && reviewed > 0 => {
                    session.set(None);
                    let mut said = fill(i18n.t_now(Msg::ImportReviewsAdded), &[("n", &reviewed.to_string())]);
                    if adding > 0 {
                        said.push(' ');
                        said.push_str(&fill(
                            i18n.t_now(Msg::ImportOfficesAdded),
                            &[("n", &adding.to_string())],
                        ));
                    }
                    notices.notify(NoticeKind::Success, said);
                }
                Ok(report) if report.changed() + report.kept == 0 => {
                    session.set(None);
                    let n = adding.to_string();
                    notices
                        .notify(NoticeKind::Success, fill(i18n.t_now(Msg::ImportOfficesAdded), &[("n", &n)]));
                }
                Ok(report) => {
                    session.set(None);
                    notices.notify(
                        NoticeKind::Success,
                        fill(
                            i18n.t_now(Msg::ImportDone),
                            &[
                                ("added", &report.added.to_string()),
                                ("replaced", &report.replaced.to_string()),
                                ("merged", &report.merged.to_string()),
                                ("copies", &report.copies.to_string()),
                                ("kept", &report.kept.to_string()),
                            ],
                        ),
                    );
                }
                Err(e) => {
                    let msg = match e {
                        StoreError::Full => Msg::ImportTooBig,
                        StoreError::ChangedElsewhere => Msg::SaveFailedElsewhereShort,
                        StoreError::Unavailable => Msg::SaveFailedUnavailable,
                    };
                    notices.notify(NoticeKind::Error, i18n.t_now(msg).to_string());
                }
            }
        });
    };
    view! {
        <section aria-labelledby="import-title">
            <h2 id="import-title">{move || i18n.t(Msg::ImportTitle)}</h2>
            <p>{move || fill(i18n.t(Msg::ImportHint), &[("limit", &crate::core::format::bytes(MAX_FILE_BYTES as u64, i18n.lang.get()))])}</p>
            <div class="drop-zone" id="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |e: web_sys::DragEvent| { e.prevent_default(); e.stop_propagation(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <p>{move || i18n.t(Msg::DropHere)}</p>
                <label class="button-link primary" for="import-files">{move || i18n.t(Msg::ChooseFiles)}</label>
                <input type="file" id="import-files" class="visually-hidden" multiple accept=".json,application/json" on:change=on_pick/>
                <p class="import-progress" id="import-progress" role="status">{move || progress.get().map(|(file, done, total)| {
                    let lang = i18n.lang.get();
                    if total == 0 {
                        return fill(i18n.t(Msg::ImportReading), &[("file", &file)]);
                    }
                    fill(i18n.t(Msg::ImportProgress), &[("file", &file), ("done", &crate::core::format::number(done.into(), lang)), ("total", &crate::core::format::number(total.into(), lang))])
                })}</p>
            </div>
            {move || session.with(|s| s.as_ref().and_then(|s| s.restore.clone())).map(|p| view! {
                <p class="notice-inline" id="restore-preview" tabindex="-1">
                    {move || fill(i18n.t(Msg::PointPreview), &[("time", &clock::time_text(&p.at, i18n.lang.get()))])}
                </p>
            })}
            // Built once per file choice: not re-created (nor the session cloned) on every choice in it.
            <Show when=move || open.get()>
                <preview::Preview session applying confirm=Callback::new(move |_| confirm())/>
            </Show>
        </section>
    }
}
