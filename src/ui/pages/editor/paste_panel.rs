//! Paste rows copied from Word or Excel; see what will be added before adding it.

use super::context::expect_edit;
use crate::core::i18n::{fill, Msg};
use crate::core::io::paste;
use crate::ui::services::{Document, Language, NoticeKind, Notices};
use leptos::prelude::*;

/// A text area for pasted rows, a preview, the lines not understood, and "add".
#[component]
pub fn PastePanel() -> impl IntoView {
    let ctx = expect_edit();
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let text = RwSignal::new(String::new());
    let parsed = Memo::new(move |_| text.with(|t| paste::parse(t)));
    let counts = move || parsed.with(|p| (p.objectives.len(), p.indicator_count()));
    let add = move |_| {
        let rows = parsed.with_untracked(|p| p.rows());
        if rows.is_empty() {
            return;
        }
        let (s, i) = counts();
        doc.with_ids(|gen| ctx.edit(Msg::PasteAdd, None, |a| a.append_objectives(&rows, gen) > 0));
        text.set(String::new());
        notices.notify(
            NoticeKind::Success,
            fill(i18n.t_now(Msg::PasteAdded), &[("s", &s.to_string()), ("i", &i.to_string())]),
        );
    };
    view! {
        <section class="editor-section paste-panel" aria-labelledby="paste-title">
            <h2 id="paste-title">{move || i18n.t(Msg::PasteTitle)}</h2>
            <p class="hint" id="paste-hint">{move || i18n.t(Msg::PasteHint)}</p>
            <label for="paste-input" class="visually-hidden">{move || i18n.t(Msg::PasteTitle)}</label>
            <textarea id="paste-input" rows="4" aria-describedby="paste-hint" prop:value=move || text.get()
                on:input:target=move |e| text.set(e.target().value())></textarea>
            <Show when=move || !text.with(|t| t.trim().is_empty())>
                <div class="paste-preview" id="paste-preview" aria-live="polite">
                    <p class="paste-summary">{move || {
                        let (s, i) = counts();
                        fill(i18n.t(Msg::PastePreview), &[("s", &s.to_string()), ("i", &i.to_string())])
                    }}</p>
                    <table class="preview-table">
                        <thead><tr>
                            {crate::ui::common::column_heads(&[(Msg::ColObjective, ""), (Msg::ColIndicator, ""), (Msg::ColTarget, "")])}
                        </tr></thead>
                        <tbody>
                            {move || parsed.get().objectives.into_iter().flat_map(|o| {
                                let span = o.indicators.len().max(1);
                                let mut rows = Vec::new();
                                let first = o.indicators.first().cloned().unwrap_or_default();
                                rows.push(view! {
                                    <tr><th scope="rowgroup" rowspan=span>{o.text.clone()}</th><td>{first.0}</td><td>{first.1}</td></tr>
                                }.into_any());
                                for (ind, target) in o.indicators.into_iter().skip(1) {
                                    rows.push(view! { <tr><td>{ind}</td><td>{target}</td></tr> }.into_any());
                                }
                                rows
                            }).collect_view()}
                        </tbody>
                    </table>
                    <Show when=move || parsed.with(|p| p.not_understood().count() > 0)>
                        <div class="paste-skipped" id="paste-skipped">
                            <p><strong>{move || i18n.t(Msg::PasteNotUnderstood)}</strong></p>
                            <ul>
                                {move || {
                                    let lang = i18n.lang.get();
                                    parsed.get().not_understood().map(|s| {
                                        let reason = crate::core::text::skip_reason(s.reason, lang);
                                        let line = fill(Msg::PasteLine.text(lang), &[("line", &s.line.to_string())]);
                                        view! { <li><span class="line-no">{line}</span>" " <code>{s.text.clone()}</code>" — "{reason}</li> }
                                    }).collect_view()
                                }}
                            </ul>
                        </div>
                    </Show>
                    <button type="button" id="paste-add" class="primary" disabled=move || counts().0 == 0 on:click=add>
                        {move || { let (s, i) = counts(); fill(i18n.t(Msg::PasteAddButton), &[("s", &s.to_string()), ("i", &i.to_string())]) }}
                    </button>
                    " "
                    <button type="button" on:click=move |_| text.set(String::new())>{move || i18n.t(Msg::Cancel)}</button>
                </div>
            </Show>
        </section>
    }
}
