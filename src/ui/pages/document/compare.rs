//! On a signed version's page: which version it is, and what changed between it and another version
//! (the import preview's differences: sasaran, indicators, targets, budget, parties).

use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::io::diff::differences;
use crate::core::model::Agreement;
use crate::core::route::{Page, Route};
use crate::core::text::diff_place;
use crate::core::text::life::version_name;
use crate::ui::services::{Language, Nav};
use leptos::prelude::*;
use std::sync::Arc;

/// What another version is compared with: a signed version, or the Perubahan being prepared.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Other {
    Version(u32),
    Draft,
}

/// The note above a signed version, and its comparison with another version.
#[component]
pub fn VersionNote(live: Memo<Option<Arc<Agreement>>>, number: u32) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let public = move || nav.route.with(|r| r.public);
    let default = if number > 0 { Other::Version(number - 1) } else { Other::Version(1) };
    let other = RwSignal::new(default);
    let choices = move || {
        live.with(|a| {
            let Some(a) = a.as_ref() else { return Vec::new() };
            let mut out: Vec<Other> = a
                .life
                .line()
                .iter()
                .map(|v| Other::Version(v.number))
                .filter(|o| *o != Other::Version(number))
                .collect();
            if a.life.revising.is_some() {
                out.push(Other::Draft);
            }
            out
        })
    };
    let name = move |o: Other| match o {
        Other::Version(n) => version_name(n, i18n.lang.get()),
        Other::Draft => i18n.t(Msg::CompareCurrentDraft).to_string(),
    };
    let diffs = move || {
        let lang = i18n.lang.get();
        let o = other.get();
        live.with(|a| {
            let a = a.as_ref()?;
            let this = a.as_version(number)?;
            let that = match o {
                Other::Version(n) => a.as_version(n)?,
                Other::Draft if a.life.revising.is_some() => Agreement::clone(a),
                Other::Draft => return None,
            };
            // Older first, so the list reads "from → to".
            let older_first = matches!(o, Other::Version(n) if n < number);
            let (from, to) = if older_first { (&that, &this) } else { (&this, &that) };
            let list: Vec<_> = differences(from, to).into_iter().filter(|d| d.place.is_content()).collect();
            let (from_name, to_name) = if older_first { (name(o), version_name(number, lang)) } else { (version_name(number, lang), name(o)) };
            Some(view! {
                <h3 id="compare-title">{fill(Msg::CompareTitle.text(lang), &[("from", &from_name), ("to", &to_name)])}</h3>
                {if list.is_empty() {
                    view! { <p id="compare-none">{Msg::CompareNone.text(lang)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="differences" id="compare-list">
                            {list.into_iter().map(|d| view! {
                                <li><strong>{diff_place(&d.place, lang)}</strong>": "
                                    <del>{d.mine.unwrap_or_else(|| "—".into())}</del>" → "<ins>{d.theirs.unwrap_or_else(|| "—".into())}</ins></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            })
        })
    };
    let back = move || {
        live.with(|a| {
            a.as_ref().map(|a| {
                Route { public: public(), page: Page::Agreement { id: a.id.clone(), edit: false } }.href()
            })
        })
    };
    view! {
        <section class="version-note no-print" id="version-note" aria-labelledby="version-note-title">
            <h2 id="version-note-title">{move || {
                let lang = i18n.lang.get();
                let signed = live.with(|a| a.as_ref().and_then(|a| a.version(number)).map(|v| format::day(&v.signed_on, lang))).unwrap_or_default();
                fill(Msg::VersionPageNote.text(lang), &[("version", &version_name(number, lang)), ("date", &signed)])
            }}</h2>
            <p><a class="button-link" id="back-to-current" href=back>{move || i18n.t(Msg::BackToCurrent)}</a></p>
            <Show when=move || !choices().is_empty()>
                <label for="compare-with">{move || i18n.t(Msg::CompareWith)}</label>
                <select id="compare-with" on:change=move |e| {
                    let v = event_target_value(&e);
                    other.set(if v == "draft" { Other::Draft } else { v.parse().map(Other::Version).unwrap_or(default) });
                }>
                    {move || choices().into_iter().map(|o| {
                        let value = match o { Other::Version(n) => n.to_string(), Other::Draft => "draft".into() };
                        view! { <option value=value selected=move || other.get() == o>{name(o)}</option> }
                    }).collect_view()}
                </select>
                {diffs}
            </Show>
        </section>
    }
}
