//! On Data: *Publikasikan ke situs web*. The office chooses what the public sees (a year, every PK of it
//! or one PK with those below it, with or without realisasi), sees what that holds, and downloads the one
//! file the webmaster uploads as `data/index.json` (`core::io::publish`).

use crate::core::i18n::{fill, Msg};
use crate::core::io::publish::{self, Choice, FILE_NAME};
use crate::core::model::{AgreementId, Workspace};
use crate::ui::services::export::Downloads;
use crate::ui::services::{clock, Document, Language, NoticeKind, Notices};
use leptos::prelude::*;

/// What a choice publishes, in numbers and names (the core's outline, with titles).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
struct Summary {
    agreements: usize,
    signed: usize,
    drafts: Vec<String>,
    paper: Vec<String>,
    revising: Vec<String>,
    untrusted: Vec<String>,
}

fn summary(ws: &Workspace, choice: &Choice) -> Summary {
    let o = publish::outline(ws, choice);
    let titles = |ids: &[AgreementId]| -> Vec<String> {
        ids.iter().filter_map(|id| ws.agreement(id)).map(|a| a.title().to_string()).collect()
    };
    Summary {
        agreements: o.ids.len(),
        signed: o.signed,
        drafts: titles(&o.drafts),
        paper: titles(&o.paper),
        revising: titles(&o.revising),
        untrusted: titles(&o.untrusted),
    }
}

/// The publishing section of the Data page.
#[component]
pub fn PublishPanel() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let notices = expect_context::<Notices>();
    let downloads = Downloads::here();
    let years = Memo::new(move |_| doc.ws.with(Workspace::years));
    let chosen_year = RwSignal::new(None::<i32>);
    let year = Memo::new(move |_| chosen_year.get().or_else(|| years.with(|y| y.first().copied())));
    let root = RwSignal::new(None::<AgreementId>);
    let realisasi = RwSignal::new(true);
    let open = RwSignal::new(false);
    let choice = Memo::new(move |_| {
        year.get().map(|year| Choice { year, root: root.get(), realisasi: realisasi.get() })
    });
    let pks = Memo::new(move |_| {
        let y = year.get();
        doc.ws.with(|ws| {
            ws.agreements
                .iter()
                .filter(|a| Some(a.year) == y)
                .map(|a| (a.id.clone(), a.title().to_string()))
                .collect::<Vec<_>>()
        })
    });
    let summary = Memo::new(move |_| {
        choice.with(|c| c.as_ref().map(|c| doc.ws.with(|ws| summary(ws, c)))).unwrap_or_default()
    });
    let download = move |_| {
        let Some(choice) = choice.get_untracked() else { return };
        let now = clock::now().stamp();
        match doc.ws.with_untracked(|ws| publish::publish(ws, &choice, &now)) {
            Ok(published) => downloads.offer(FILE_NAME, "application/json", &published.text),
            Err(publish::PublishError::Nothing) => {
                notices.notify(NoticeKind::Error, i18n.t_now(Msg::PublishNothing).to_string())
            }
            Err(publish::PublishError::Unreadable(_)) => {
                notices.notify(NoticeKind::Error, i18n.t_now(Msg::PublishFailed).to_string())
            }
        }
    };
    // The same file with its static pages (core::html), in the head of this running build: as `make dist`.
    let pages = move |_| {
        let Some(choice) = choice.get_untracked() else { return };
        let now = clock::now().stamp();
        let shell = crate::core::html::Shell::from_index(&crate::ui::services::browser::page_html(), true);
        let zip = doc
            .ws
            .with_untracked(|ws| publish::publish(ws, &choice, &now))
            .ok()
            .and_then(|published| crate::core::html::site_zip(&published.text, &shell));
        match zip {
            Some(bytes) => downloads.offer_bytes("kinerja-publik.zip", "application/zip", &bytes),
            None => notices.notify(NoticeKind::Error, i18n.t_now(Msg::PublishFailed).to_string()),
        }
    };
    let lines = move || {
        let lang = i18n.lang.get();
        let s = summary.get();
        if s.agreements == 0 {
            return view! { <p id="publish-summary">{Msg::PublishNothing.text(lang)}</p> }.into_any();
        }
        let with = if realisasi.get() { Msg::PublishWithRealisasi } else { Msg::PublishWithoutRealisasi };
        let head = fill(
            Msg::PublishSummary.text(lang),
            &[
                ("n", &s.agreements.to_string()),
                ("signed", &s.signed.to_string()),
                ("realisasi", with.text(lang)),
            ],
        );
        let named = |msg: Msg, names: &[String], id: &'static str| {
            (!names.is_empty()).then(|| {
                view! { <li id=id>{fill(msg.text(lang), &[("names", &names.join("; "))])}</li> }
            })
        };
        view! {
            <p id="publish-summary">{head}</p>
            <ul class="publish-notes">
                {named(Msg::PublishDrafts, &s.drafts, "publish-drafts")}
                {named(Msg::PublishPaper, &s.paper, "publish-paper")}
                {named(Msg::PublishRevising, &s.revising, "publish-revising")}
                {named(Msg::PublishUntrusted, &s.untrusted, "publish-untrusted")}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="publish-title">
            <h2 id="publish-title">{move || i18n.t(Msg::PublishTitle)}</h2>
            <p>{move || i18n.t(Msg::PublishHint)}</p>
            // Drawn only while open: a national year's list of PKs and its summary cost nothing on Data
            // (an import, a band edited) until the office publishes.
            <details id="publish-choose" on:toggle=move |e| {
                open.set(event_target::<web_sys::HtmlDetailsElement>(&e).open());
            }>
            <summary>{move || i18n.t(Msg::PublishChoose)}</summary>
            <Show when=move || open.get()>
            <div class="form-grid">
                <div class="field">
                    <label for="publish-year">{move || i18n.t(Msg::PublishYear)}</label>
                    <select id="publish-year" prop:value=move || year.get().map(|y| y.to_string()).unwrap_or_default()
                        on:change=move |e| {
                            chosen_year.set(event_target_value(&e).parse().ok());
                            root.set(None);
                        }>
                        {move || years.get().into_iter().map(|y| view! { <option value=y.to_string()>{y.to_string()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="publish-root">{move || i18n.t(Msg::PublishWhich)}</label>
                    <select id="publish-root" prop:value=move || root.get().map(|r| r.0).unwrap_or_default()
                        on:change=move |e| {
                            let v = event_target_value(&e);
                            root.set((!v.is_empty()).then_some(AgreementId(v)));
                        }>
                        <option value="">{move || i18n.t(Msg::PublishAll)}</option>
                        {move || pks.get().into_iter().map(|(id, title)| {
                            let text = fill(i18n.t(Msg::PublishSubtree), &[("title", &title)]);
                            view! { <option value=id.0>{text}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <p class="check">
                <label>
                    <input type="checkbox" id="publish-realisasi" prop:checked=move || realisasi.get()
                        on:change=move |e| realisasi.set(event_target_checked(&e))/>
                    " " {move || i18n.t(Msg::PublishRealisasi)}
                </label>
            </p>
            // A setting of the data (kept, undone, carried in its files), published with it.
            <p class="check">
                <label>
                    <input type="checkbox" id="publish-monitor" aria-describedby="publish-monitor-hint"
                        prop:checked=move || doc.ws.with(|ws| ws.settings.monitor_public)
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            doc.change(Msg::MonitorPublicChanged, None, |ws| ws.set_monitor_public(on));
                        }/>
                    " " {move || i18n.t(Msg::MonitorPublic)}
                </label>
            </p>
            <p class="hint" id="publish-monitor-hint">{move || i18n.t(Msg::MonitorPublicHint)}</p>
            <div id="publish-what" aria-live="polite">{lines}</div>
            <p class="toolbar">
                <button type="button" id="publish-download" class="primary" disabled=move || summary.with(|s| s.agreements == 0)
                    on:click=download>{move || i18n.t(Msg::PublishDownload)}</button>
            </p>
            <p>{move || i18n.t(Msg::PublishPagesHint)}</p>
            <p class="toolbar">
                <button type="button" id="publish-pages" disabled=move || summary.with(|s| s.agreements == 0)
                    on:click=pages>{move || i18n.t(Msg::PublishPagesDownload)}</button>
            </p>
            </Show>
            </details>
            <h3>{move || i18n.t(Msg::PublishStepsTitle)}</h3>
            <ol class="publish-steps" id="publish-steps">
                <li>{move || i18n.t(Msg::PublishStep1)}</li>
                <li>{move || i18n.t(Msg::PublishStep2)}</li>
                <li>{move || i18n.t(Msg::PublishStep3)}</li>
                <li>{move || i18n.t(Msg::PublishStep4)}</li>
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{summary, Choice};
    use crate::core::model::AgreementId;

    #[test]
    fn the_summary_counts_the_chosen_pks_and_names_the_drafts() {
        let mut ws = crate::core::seed::workspace().unwrap();
        let all = summary(&ws, &Choice { year: 2024, root: None, realisasi: true });
        // The built-in PKs are typed copies of documents signed on paper, as the public view says.
        assert_eq!((all.agreements, all.signed, all.drafts.len(), all.paper.len()), (10, 0, 0, 10));
        std::sync::Arc::make_mut(&mut ws.agreements[0]).transcribed_from.clear();
        let all = summary(&ws, &Choice { year: 2024, root: None, realisasi: true });
        assert_eq!((all.drafts.len(), all.paper.len()), (1, 9));
        let root = AgreementId("kpu-maluku-2024-kabag-perencanaan-data-informasi".into());
        let some = summary(&ws, &Choice { year: 2024, root: Some(root), realisasi: false });
        assert_eq!(some.agreements, 3);
        assert!(some.revising.is_empty() && some.untrusted.is_empty());
        assert_eq!(summary(&ws, &Choice { year: 2025, root: None, realisasi: true }).agreements, 0);
    }
}
