//! A quarter's realisasi pasted from Excel on the realisasi page: a preview of what matches which
//! indicator and of every line not taken, then one undo step.

use crate::core::i18n::{fill, Msg};
use crate::core::io::paste_actuals::{self, PastedActuals, Unmatched};
use crate::core::measure::Quarter;
use crate::core::model::{Agreement, AgreementId};
use crate::core::text;
use crate::ui::services::{Document, Language, NoticeKind, Notices};
use leptos::prelude::*;
use std::sync::Arc;

/// The text area, the preview and "apply to TW n".
#[component]
pub fn PasteActuals(
    agreement: Memo<Option<Arc<Agreement>>>,
    owner: StoredValue<AgreementId>,
    quarter: RwSignal<Quarter>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let text = RwSignal::new(String::new());
    let parsed: Memo<PastedActuals> = Memo::new(move |_| {
        text.with(|t| agreement.with(|a| a.as_ref().map(|a| paste_actuals::read(t, a)).unwrap_or_default()))
    });
    let count = move || parsed.with(|p| p.rows.len());
    let apply = move |_| {
        let rows: Vec<_> = parsed.with_untracked(|p| {
            p.rows
                .iter()
                .map(|r| (r.indicator.clone(), r.value.clone(), r.note.clone(), r.evidence.clone()))
                .collect()
        });
        if rows.is_empty() {
            return;
        }
        let q = quarter.get_untracked();
        let id = owner.get_value();
        let changed = doc.change(Msg::PasteActualsStep, None, |ws| {
            ws.agreement_mut(&id).map(|a| a.set_reports(q, &rows)).unwrap_or(0)
        });
        text.set(String::new());
        let lang = i18n.lang.get_untracked();
        notices.notify(
            NoticeKind::Success,
            fill(
                Msg::PasteActualsDone.text(lang),
                &[("n", &changed.to_string()), ("quarter", &text::quarter(q, lang))],
            ),
        );
    };
    let reason = move |r: Unmatched| {
        match r {
            Unmatched::Header => Msg::PasteActualsHeader,
            Unmatched::NoIndicator => Msg::PasteActualsNoIndicator,
            Unmatched::NoValue => Msg::PasteActualsNoValue,
            Unmatched::Twice => Msg::PasteActualsTwice,
        }
        .text(i18n.lang.get())
    };
    view! {
        <details class="paste-panel paste-actuals no-print" id="paste-actuals">
            <summary>{move || fill(i18n.t(Msg::PasteActualsTitle), &[("quarter", &text::quarter(quarter.get(), i18n.lang.get()))])}</summary>
            <p class="hint" id="paste-actuals-hint">{move || i18n.t(Msg::PasteActualsHint)}</p>
            <label for="paste-actuals-input" class="visually-hidden">{move || i18n.t(Msg::PasteActualsLabel)}</label>
            <textarea id="paste-actuals-input" rows="4" aria-describedby="paste-actuals-hint" prop:value=move || text.get()
                on:input:target=move |e| text.set(e.target().value())></textarea>
            <Show when=move || !text.with(|t| t.trim().is_empty())>
                <div class="paste-preview" id="paste-actuals-preview" aria-live="polite">
                    <p class="paste-summary">{move || fill(i18n.t(Msg::PasteActualsPreview), &[("n", &count().to_string())])}</p>
                    <table class="preview-table">
                        <thead><tr>
                            {crate::ui::common::column_heads(&[(Msg::ColIndicator, ""), (Msg::ColActual, ""), (Msg::ColNote, ""), (Msg::ColEvidence, "")])}
                        </tr></thead>
                        <tbody>
                            {move || {
                                let rows = parsed.get().rows;
                                let words: Vec<String> = agreement.with(|a| {
                                    rows.iter()
                                        .map(|r| a.as_ref().and_then(|a| a.find_indicator(&r.indicator)).map(|i| i.text.clone()).unwrap_or_default())
                                        .collect()
                                });
                                rows.into_iter().zip(words).map(|(r, words)| view! {
                                    <tr><td>{format!("{} {words}", r.number)}</td><td>{r.value}</td><td>{r.note}</td><td>{r.evidence}</td></tr>
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                    <Show when=move || parsed.with(|p| p.problems().count() > 0)>
                        <div class="paste-skipped" id="paste-actuals-skipped">
                            <p><strong>{move || i18n.t(Msg::PasteActualsNotTaken)}</strong></p>
                            <ul>
                                {move || {
                                    let lang = i18n.lang.get();
                                    parsed.get().problems().map(|s| {
                                        let line = fill(Msg::PasteLine.text(lang), &[("line", &s.line.to_string())]);
                                        view! { <li><span class="line-no">{line}</span>" " <code>{s.text.clone()}</code>" — "{reason(s.reason)}</li> }
                                    }).collect_view()
                                }}
                            </ul>
                        </div>
                    </Show>
                    <button type="button" id="paste-actuals-apply" class="primary" disabled=move || count() == 0 on:click=apply>
                        {move || fill(i18n.t(Msg::PasteActualsApply), &[("n", &count().to_string()), ("quarter", &text::quarter(quarter.get(), i18n.lang.get()))])}
                    </button>
                    " "
                    <button type="button" on:click=move |_| text.set(String::new())>{move || i18n.t(Msg::Cancel)}</button>
                </div>
            </Show>
        </details>
    }
}
