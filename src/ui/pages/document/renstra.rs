//! On a head-of-office PK's page (staff only, never printed): the Renstra's IKU of the year this PK
//! does not carry, or carries with a weaker target (`core::rollup::iku`), each with a link to the place
//! in the editor to add or raise it; a note when no Renstra covers the year.

use crate::core::i18n::{fill, Msg};
use crate::core::model::element::ElementId;
use crate::core::model::Agreement;
use crate::core::rollup::iku::{self, IkuState, PkAgainstRenstra};
use crate::core::route::{with_focus, Page, Route};
use crate::ui::services::{Document, Language};
use leptos::prelude::*;
use std::sync::Arc;

/// The IKU flags of the agreement (nothing when the workspace holds no Renstra or the PK is not the
/// head of its office).
#[component]
pub fn RenstraFlags(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let checked = Memo::new(move |_| {
        let a = agreement.get()?;
        doc.ws.with(|ws| (!ws.renstra.is_empty()).then(|| iku::check(ws, &a)))
    });
    move || {
        let lang = i18n.lang.get();
        let a = agreement.get()?;
        let year = a.year.to_string();
        match checked.get()? {
            PkAgainstRenstra::NotHead => None,
            PkAgainstRenstra::NotCovered => Some(
                view! { <p class="note no-print" id="renstra-note">{fill(Msg::RenstraNotCovered.text(lang), &[("year", &year)])}</p> }
                    .into_any(),
            ),
            c @ PkAgainstRenstra::Checked { .. } => {
                let PkAgainstRenstra::Checked { iku, .. } = &c else { return None };
                if c.flags().next().is_none() {
                    let text = fill(Msg::RenstraAllCarried.text(lang), &[("n", &iku.len().to_string()), ("year", &year)]);
                    return Some(view! { <p class="note no-print" id="renstra-ok">{text}</p> }.into_any());
                }
                let editor = Route::staff(Page::Agreement { id: a.id.clone(), edit: true }).href();
                // A missing IKU is added to the last sasaran (or as a new one).
                let add_at = a
                    .objectives
                    .last()
                    .map_or(ElementId::AddObjective, |o| ElementId::AddIndicator(o.id.clone()));
                let items = c
                    .flags()
                    .map(|f| {
                        let base = [("number", f.number.as_str()), ("text", f.text.as_str())];
                        let target = f.target.display(lang);
                        let (text, href, fix) = match &f.state {
                            IkuState::Missing => (
                                fill(Msg::RenstraFlagMissing.text(lang), &[base[0], base[1], ("target", &target)]),
                                with_focus(&editor, &add_at),
                                Msg::RenstraFixAdd,
                            ),
                            IkuState::Weaker { indicator, target: pk, comparable, .. } => (
                                fill(
                                    if *comparable { Msg::RenstraFlagWeaker } else { Msg::RenstraFlagOther }.text(lang),
                                    &[base[0], base[1], ("pk", &pk.display(lang)), ("target", &target)],
                                ),
                                with_focus(&editor, &ElementId::Target(indicator.clone())),
                                Msg::RenstraFixRaise,
                            ),
                            IkuState::Carried { .. } => return None,
                        };
                        Some(view! { <li>{text}" "<a href=href class="fix">{fix.text(lang)}</a></li> })
                    })
                    .collect_view();
                Some(
                    view! {
                        <section class="open-problems no-print" id="renstra-flags" aria-labelledby="renstra-flags-title">
                            <h2 id="renstra-flags-title">{Msg::RenstraFlagsTitle.text(lang)}</h2>
                            <ul>{items}</ul>
                        </section>
                    }
                    .into_any(),
                )
            }
        }
    }
}
