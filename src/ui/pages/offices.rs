//! Data → Kantor: this office and the offices it collects from (a hierarchy), the Maluku preset, adding
//! and removing offices, and the list as a file of its own. Every rule is in `core::model::offices`.

use crate::core::i18n::{fill, Msg};
use crate::core::model::offices::{Level, Office, Offices};
use crate::core::text::offices::{level as level_words, office_error};
use crate::ui::services::export::Downloads;
use crate::ui::services::{Document, Language, NoticeKind, Notices};
use leptos::prelude::*;
use std::collections::HashMap;

/// One row of the list as shown: the office, its depth in the hierarchy and its PKs here.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    identity: String,
    office: Office,
    depth: usize,
    agreements: Option<usize>,
}

/// The offices section of Data.
#[component]
pub fn OfficesPanel() -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let downloads = Downloads::here();
    let offices = Memo::new(move |_| doc.ws.with(|ws| (*ws.settings.offices).clone()));
    // PKs per office (by its place in the list), matched tolerantly by name.
    let counts = Memo::new(move |_| {
        doc.ws.with(|ws| {
            let index = ws.settings.offices.index();
            let mut counts: HashMap<usize, usize> = HashMap::new();
            for a in &ws.agreements {
                if let Some(i) = index.find(&a.office) {
                    *counts.entry(i).or_default() += 1;
                }
            }
            counts
        })
    });
    let rows = Memo::new(move |_| {
        offices.with(|o| {
            let places: HashMap<*const Office, usize> =
                o.list.iter().enumerate().map(|(i, x)| (x as *const Office, i)).collect();
            counts.with(|c| {
                o.tree()
                    .into_iter()
                    .map(|(depth, office)| {
                        let at = places.get(&(office as *const Office)).copied().unwrap_or_default();
                        let agreements =
                            (office.level != Level::Unit).then(|| c.get(&at).copied().unwrap_or_default());
                        Row { identity: office.identity(), office: office.clone(), depth, agreements }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let empty = Memo::new(move |_| offices.with(|o| o.list.is_empty()));
    let preset = move |_| {
        doc.change(Msg::OfficesPresetAction, None, |ws| {
            let before = ws.settings.offices.clone();
            let mut next = Offices::maluku();
            // What was listed before stays (added after the preset when it is not in it).
            next.add_all(&before.list);
            if !before.own.is_empty() {
                next.set_own(&before.own);
            }
            *ws.settings.offices = next;
        });
    };
    view! {
        <section aria-labelledby="offices-title" id="offices">
            <h2 id="offices-title">{move || i18n.t(Msg::OfficesTitle)}</h2>
            <p class="hint">{move || i18n.t(Msg::OfficesHint)}</p>
            <Show when=move || empty.get()>
                <p id="offices-empty">{move || i18n.t(Msg::OfficesEmpty)}</p>
                <p><button type="button" id="offices-preset" class="primary" on:click=preset>{move || i18n.t(Msg::OfficesPreset)}</button></p>
            </Show>
            <Show when=move || !empty.get()>
                <OwnOffice offices/>
                <p id="offices-count">{move || fill(i18n.t(Msg::OfficesCount), &[("n", &offices.with(|o| o.list.len()).to_string())])}</p>
                <crate::ui::common::TableScroll label=Signal::derive(move || i18n.t(Msg::OfficesTitle).to_string())>
                    <table class="offices-table" id="offices-table">
                        <thead><tr>
                            {crate::ui::common::column_heads(&[(Msg::OfficesColName, ""), (Msg::OfficesColLevel, ""), (Msg::OfficesColAgreements, "num"), (Msg::OfficesColAction, "")])}
                        </tr></thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| (r.identity.clone(), r.depth, r.agreements, r.office.name.clone()) let:row>
                                <OfficeRow row/>
                            </For>
                        </tbody>
                    </table>
                </crate::ui::common::TableScroll>
            </Show>
            <AddOffice offices/>
            <p class="toolbar">
                <button type="button" id="offices-export" disabled=move || empty.get() on:click=move |_| downloads.offices()>
                    {move || i18n.t(Msg::OfficesExport)}
                </button>
            </p>
            <p class="hint">{move || i18n.t(Msg::OfficesExportHint)}</p>
        </section>
    }
}

/// The workspace's own office, chosen from the list.
#[component]
fn OwnOffice(offices: Memo<Offices>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let choices = Memo::new(move |_| {
        offices.with(|o| {
            o.list.iter().filter(|x| x.level != Level::Unit).map(|x| x.name.clone()).collect::<Vec<_>>()
        })
    });
    let own = Memo::new(move |_| offices.with(|o| o.own.clone()));
    view! {
        <div class="field">
            <label for="office-own">{move || i18n.t(Msg::OfficesOwn)}</label>
            <select id="office-own" prop:value=move || own.get()
                on:change=move |e| {
                    let name = event_target_value(&e);
                    doc.change(Msg::OfficesOwnAction, None, |ws| ws.choose_own_office(&name));
                }>
                <option value="">{move || i18n.t(Msg::OfficesOwnNone)}</option>
                {move || choices.get().into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// One office: its name (indented by its depth), level, PKs here, and a button to remove it.
#[component]
fn OfficeRow(row: Row) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let identity = row.identity.clone();
    let name = row.office.name.clone();
    let remove = move |_| {
        let identity = identity.clone();
        doc.change(Msg::OfficesRemoveAction, None, |ws| {
            let o = &mut ws.settings.offices;
            match o.list.iter().position(|x| x.identity() == identity) {
                Some(i) => o.remove(i),
                None => false,
            }
        });
    };
    let level = row.office.level;
    let depth = format!("office-name depth-{}", row.depth.min(3));
    view! {
        <tr class="office-row" data-level=level.key()>
            <th scope="row" class=depth>{name.clone()}</th>
            <td>{move || level_words(level, i18n.lang.get())}</td>
            <td class="num" data-label=move || i18n.t(Msg::OfficesColAgreements)>{row.agreements.map(|n| n.to_string()).unwrap_or_else(|| "—".into())}</td>
            <td>
                <button type="button" class="small danger" on:click=remove
                    aria-label=move || fill(i18n.t(Msg::OfficesRemoveLabel), &[("name", &name)])>
                    {move || i18n.t(Msg::OfficesRemove)}
                </button>
            </td>
        </tr>
    }
}

/// A new office: its name, level and the office it is under; refused with the reason at the field.
#[component]
fn AddOffice(offices: Memo<Offices>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let notices = expect_context::<Notices>();
    let name = RwSignal::new(String::new());
    let level = RwSignal::new(Level::KabKota);
    // `None`: under this office (the default); `Some("")`: at the top.
    let parent = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<crate::core::model::offices::OfficeError>);
    let parents = Memo::new(move |_| {
        offices.with(|o| {
            o.list.iter().filter(|x| x.level != Level::Unit).map(|x| x.name.clone()).collect::<Vec<_>>()
        })
    });
    // The office a new one goes under by default: this office.
    let own = Memo::new(move |_| offices.with(|o| o.own.clone()));
    let under = move || parent.get().unwrap_or_else(|| own.get());
    let add = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let office = Office::new(&name.get_untracked(), level.get_untracked(), &untrack(under));
        let added = doc.change(Msg::OfficesAddAction, None, |ws| ws.settings.offices.add(office.clone()));
        match added {
            Ok(()) => {
                error.set(None);
                name.set(String::new());
                notices.notify(
                    NoticeKind::Success,
                    fill(i18n.t_now(Msg::OfficesAdded), &[("name", &office.name)]),
                );
            }
            Err(e) => {
                error.set(Some(e));
                crate::ui::services::browser::focus_and_show("office-name");
            }
        }
    };
    view! {
        <form class="add-office" id="add-office" on:submit=add>
            <h3>{move || i18n.t(Msg::OfficesAddTitle)}</h3>
            <div class="field">
                <label for="office-name">{move || i18n.t(Msg::OfficesName)}</label>
                <input type="text" id="office-name" prop:value=move || name.get()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby="office-name-error"
                    on:input=move |e| { name.set(event_target_value(&e)); error.set(None); }/>
                <p class="issue" id="office-name-error" role="alert">
                    {move || error.get().map(|e| office_error(&e, i18n.lang.get()))}
                </p>
            </div>
            <div class="field">
                <label for="office-level">{move || i18n.t(Msg::OfficesColLevel)}</label>
                <select id="office-level" prop:value=move || level.get().key()
                    on:change=move |e| level.set(Level::from_key(&event_target_value(&e)).unwrap_or_default())>
                    {Level::ALL.into_iter().map(|l| view! { <option value=l.key()>{move || level_words(l, i18n.lang.get())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="office-parent">{move || i18n.t(Msg::OfficesUnder)}</label>
                <select id="office-parent" prop:value=under
                    on:change=move |e| parent.set(Some(event_target_value(&e)))>
                    <option value="">{move || i18n.t(Msg::OfficesTop)}</option>
                    {move || parents.get().into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                </select>
            </div>
            <p><button type="submit" id="office-add">{move || i18n.t(Msg::OfficesAdd)}</button></p>
        </form>
    }
}
