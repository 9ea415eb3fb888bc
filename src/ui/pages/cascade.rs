//! "Turunkan": create a lower PK from a higher one, choosing which sasaran and indicators it carries.

use crate::core::i18n::{fill, Msg};
use crate::core::model::{Agreement, AgreementId, IndicatorId, Party};
use crate::core::route::{Page, Route};
use crate::ui::common::NotFound;
use crate::ui::services::browser;
use crate::ui::services::{Document, Language, NoticeKind, Notices};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// `#/pk/<id>/turunkan`.
#[component]
pub fn CascadePage(id: AgreementId) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let lookup = id.clone();
    let parent: Memo<Option<Arc<Agreement>>> =
        Memo::new(move |_| doc.ws.with(|ws| ws.agreements.iter().find(|a| a.id == lookup).cloned()));
    // Which children already carry each parent indicator.
    let carried_by = Memo::new(move |_| {
        let id = parent.with(|p| p.as_ref().map(|p| p.id.clone()));
        doc.ws.with(|ws| {
            let mut map: HashMap<IndicatorId, Vec<String>> = HashMap::new();
            if let Some(id) = id {
                for child in ws.children(&id) {
                    for (_, i) in child.indicators() {
                        if let Some(link) = &i.parent {
                            map.entry(link.id.clone()).or_default().push(child.title().to_string());
                        }
                    }
                }
            }
            map
        })
    });
    let picked = RwSignal::new(HashSet::<IndicatorId>::new());
    let name = RwSignal::new(String::new());
    let position = RwSignal::new(String::new());
    let all_ids = move || {
        parent.with(|p| {
            p.as_ref()
                .map(|p| p.indicators().map(|(_, i)| i.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    // Set once the user tried to create without naming the new PK's First Party.
    let tried = RwSignal::new(false);
    let missing = move |s: RwSignal<String>| tried.get() && s.with(|v| v.trim().is_empty());
    let create = move |_| {
        let Some(parent_id) = parent.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) else { return };
        let blank = |s: RwSignal<String>| s.with_untracked(|v| v.trim().is_empty());
        if blank(name) || blank(position) {
            tried.set(true);
            browser::focus(if blank(name) { "cascade-name" } else { "cascade-position" });
            return;
        }
        // Keep the parent's order.
        let chosen: Vec<IndicatorId> =
            picked.with_untracked(|set| all_ids().into_iter().filter(|i| set.contains(i)).collect());
        let party = Party {
            name: name.get_untracked().trim().to_string(),
            position: position.get_untracked().trim().to_string(),
        };
        let new = doc.with_ids(|gen| {
            doc.change(Msg::CascadeAction, None, |ws| ws.cascade_from(&parent_id, &chosen, party, gen))
        });
        if let Some(new) = new {
            let href = Route::staff(Page::Agreement { id: new, edit: true }).href();
            notices.go_and_notify(&href, NoticeKind::Success, i18n.t_now(Msg::CascadeCreated).to_string());
        }
    };
    view! {
        <Show when=move || parent.with(Option::is_some) fallback=|| view! { <NotFound/> }>
            <section class="page cascade-page" aria-labelledby="cascade-title">
                <div class="toolbar">
                    <a class="button-link" href=move || parent.with(|p| p.as_ref().map(|p| Route::staff(Page::Agreement { id: p.id.clone(), edit: false }).href()))>
                        {move || i18n.t(Msg::BackToDocument)}
                    </a>
                </div>
                <h1 id="cascade-title">{move || fill(i18n.t(Msg::CascadeTitle), &[("title", &parent.with(|p| p.as_ref().map(|p| p.title().to_string()).unwrap_or_default()))])}</h1>
                <p>{move || fill(i18n.t(Msg::CascadeIntro), &[
                    ("name", &parent.with(|p| p.as_ref().map(|p| p.first_party.name.clone()).unwrap_or_default())),
                    ("position", &parent.with(|p| p.as_ref().map(|p| p.first_party.position.clone()).unwrap_or_default())),
                ])}</p>
                <fieldset class="form-grid">
                    <legend>{move || i18n.t(Msg::FirstPartyLong)}</legend>
                    <RequiredField id="cascade-name" label=Msg::Name value=name missing=Signal::derive(move || missing(name))/>
                    <RequiredField id="cascade-position" label=Msg::Position value=position
                        missing=Signal::derive(move || missing(position))/>
                </fieldset>
                <h2>{move || i18n.t(Msg::CascadePick)}</h2>
                <p class="toolbar">
                    <button type="button" id="pick-all" on:click=move |_| picked.set(all_ids().into_iter().collect())>{move || i18n.t(Msg::PickAll)}</button>
                    <button type="button" id="pick-none" on:click=move |_| picked.set(HashSet::new())>{move || i18n.t(Msg::PickNone)}</button>
                </p>
                <ol class="pick-list" id="pick-list">
                    {move || parent.get().map(|p| p.objectives.iter().enumerate().map(|(n, o)| {
                        let ids: Vec<IndicatorId> = o.indicators.iter().map(|i| i.id.clone()).collect();
                        let group_ids = ids.clone();
                        let all = move || picked.with(|s| !group_ids.is_empty() && group_ids.iter().all(|i| s.contains(i)));
                        let some_ids = ids.clone();
                        let some = move || picked.with(|s| some_ids.iter().any(|i| s.contains(i)));
                        let toggle_ids = ids.clone();
                        let toggle_group = move |_| {
                            let select = !picked.with_untracked(|s| toggle_ids.iter().all(|i| s.contains(i)));
                            picked.update(|s| for i in &toggle_ids { if select { s.insert(i.clone()); } else { s.remove(i); } });
                        };
                        let group_id = format!("pick-objective-{}", n + 1);
                        view! {
                            <li class="pick-objective">
                                <label class="pick-objective-label">
                                    <input type="checkbox" id=group_id prop:checked=all.clone() prop:indeterminate=move || some() && !all() on:change=toggle_group/>
                                    <span>{format!("{}. {}", n + 1, o.text)}</span>
                                </label>
                                <ul>
                                    {o.indicators.iter().map(|i| {
                                        let iid = i.id.clone();
                                        let check_id = iid.clone();
                                        let carried = carried_by.with_untracked(|m| m.get(&i.id).cloned()).unwrap_or_default();
                                        view! {
                                            <li>
                                                <label>
                                                    <input type="checkbox" class="pick-indicator" data-indicator=i.id.0.clone()
                                                        prop:checked=move || picked.with(|s| s.contains(&check_id))
                                                        on:change=move |_| picked.update(|s| if !s.remove(&iid) { s.insert(iid.clone()); })/>
                                                    <span>{i.text.clone()}</span>
                                                    <span class="target-chip">{chip_text(&i.target.display(i18n.lang.get_untracked()))}</span>
                                                </label>
                                                {(!carried.is_empty()).then(|| view! {
                                                    <span class="carried">{move || fill(i18n.t(Msg::AlreadyCarried), &[("by", &carried.join(", "))])}</span>
                                                })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </li>
                        }
                    }).collect_view())}
                </ol>
                <Show when=move || missing(name) || missing(position)>
                    <p class="notice error" id="cascade-needs-party" role="alert">{move || i18n.t(Msg::CascadeNeedsParty)}</p>
                </Show>
                <p class="cascade-count">{move || fill(i18n.t(Msg::PickedCount), &[("n", &picked.with(|s| s.len()).to_string())])}</p>
                <button type="button" id="cascade-create" class="primary" disabled=move || picked.with(|s| s.is_empty()) on:click=create>
                    {move || i18n.t(Msg::CascadeCreate)}
                </button>
            </section>
        </Show>
    }
}

/// A target as a chip: a line may break after a slash (`12 Satker (Provinsi/Kabupaten/Kota)` on a phone).
fn chip_text(target: &str) -> String {
    target.replace('/', "/\u{200B}")
}

/// A text field the new PK needs, with "not filled in" once the user tried to go on without it.
#[component]
fn RequiredField(
    id: &'static str,
    label: Msg,
    value: RwSignal<String>,
    missing: Signal<bool>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let msg_id = format!("{id}-msg");
    let described = msg_id.clone();
    view! {
        <div class="field" class:has-issue=move || missing.get()>
            <label for=id>{move || i18n.t(label)}</label>
            <input id=id type="text" required aria-invalid=move || missing.get().then_some("true")
                aria-describedby=move || missing.get().then(|| described.clone())
                prop:value=move || value.get() on:input:target=move |e| value.set(e.target().value())/>
            <Show when=move || missing.get()>
                <p class="issue" id=msg_id.clone()>{move || i18n.t(Msg::IssueEmpty)}</p>
            </Show>
        </div>
    }
}
