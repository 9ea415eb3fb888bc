//! The lampiran table as an editor: sasaran blocks, each with its indicator rows.

use super::context::expect_edit;
use super::indicator_row::{move_key, refocus, IndicatorRow};
use crate::core::i18n::{fill, Msg};
use crate::core::model::check::Place;
use crate::core::model::element::ElementId;
use crate::core::model::{Objective, ObjectiveId};
use crate::ui::services::{Document, Language, NoticeKind, Notices};
use crate::ui::widgets::TextField;
use leptos::prelude::*;

/// All sasaran, then "add sasaran".
#[component]
pub fn Objectives() -> impl IntoView {
    let ctx = expect_edit();
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let ids = Memo::new(move |_| ctx.with(|a| a.objectives.iter().map(|o| o.id.clone()).collect::<Vec<_>>()));
    let add = move |_| {
        let new = doc.with_ids(|gen| {
            let mut out = None;
            ctx.edit(Msg::AddObjective, None, |a| {
                out = Some(a.add_objective(None, gen));
                true
            });
            out
        });
        if let Some((o, _)) = new {
            refocus(ElementId::ObjectiveText(o));
        }
    };
    view! {
        <section class="editor-section" aria-labelledby="objectives-title">
            <h2 id="objectives-title">{move || i18n.t(Msg::ObjectivesTitle)}</h2>
            <p class="hint">{move || i18n.t(Msg::ObjectivesHint)}</p>
            <ol class="objective-list" id="objective-list">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <ObjectiveBlock id/>
                </For>
            </ol>
            <button type="button" id=ElementId::AddObjective.to_string() on:click=add>{move || i18n.t(Msg::AddObjective)}</button>
        </section>
    }
}

/// One sasaran: its text, moves, delete, its indicators and "add indicator".
#[component]
fn ObjectiveBlock(id: ObjectiveId) -> impl IntoView {
    let ctx = expect_edit();
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let key = id.0.clone();
    let oid = StoredValue::new(id);
    // This sasaran (and its position): it changes only when this sasaran does, so typing elsewhere
    // re-runs nothing below it. Its rows read their indicator from here.
    let data: Memo<Option<(usize, Objective)>> = Memo::new(move |_| {
        let id = oid.get_value();
        ctx.objective_keys.track(&id);
        ctx.agreement.with_untracked(|a| {
            let a = a.as_deref()?;
            a.objectives.iter().position(|o| o.id == id).map(|i| (i, a.objectives[i].clone()))
        })
    });
    let number = move || data.with(|d| d.as_ref().map(|d| d.0 + 1).unwrap_or_default());
    let indicators = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map(|d| d.1.indicators.iter().map(|i| i.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let text_id = ElementId::ObjectiveText(oid.get_value());
    let keydown = {
        let text_id = text_id.clone();
        Callback::new(move |e: web_sys::KeyboardEvent| {
            let delta = move_key(&e);
            if delta != 0 {
                e.prevent_default();
                let id = oid.get_value();
                if ctx.edit(Msg::MoveObjective, None, |a| a.move_objective(&id, delta)) {
                    refocus(text_id.clone());
                }
            }
        })
    };
    let act = move |label: Msg, f: fn(&mut crate::core::model::Agreement, &ObjectiveId) -> bool| {
        move |_| {
            let id = oid.get_value();
            ctx.edit(label, None, |a| f(a, &id));
        }
    };
    let add_indicator = move |_| {
        let id = oid.get_value();
        let new = doc.with_ids(|gen| {
            let mut out = None;
            ctx.edit(Msg::AddIndicator, None, |a| {
                out = a.add_indicator(&id, None, gen);
                out.is_some()
            });
            out
        });
        if let Some(i) = new {
            refocus(ElementId::IndicatorText(i));
        }
    };
    // Deleting says so and keeps keyboard focus in the list: the next sasaran, else the previous, else
    // "add sasaran".
    let delete = move |_| {
        let id = oid.get_value();
        let (number, next) = ctx.agreement.with_untracked(|a| {
            let list = a.as_deref().map(|a| a.objectives.as_slice()).unwrap_or_default();
            let at = list.iter().position(|o| o.id == id).unwrap_or_default();
            let next = list.get(at + 1).or_else(|| at.checked_sub(1).and_then(|p| list.get(p)));
            (at + 1, next.map(|o| ElementId::ObjectiveText(o.id.clone())).unwrap_or(ElementId::AddObjective))
        });
        if ctx.edit(Msg::DeleteObjective, None, |a| a.delete_objective(&id)) {
            notices.notify(
                NoticeKind::Info,
                fill(i18n.t_now(Msg::ObjectiveDeleted), &[("n", &number.to_string())]),
            );
            refocus(next);
        }
    };
    let heading_id = ElementId::ObjectiveHeading(oid.get_value()).to_string();
    let labelled_by = heading_id.clone();
    view! {
        <li class="objective-editor" data-objective=key.clone() aria-labelledby=labelled_by>
            <div class="objective-head">
                <h3 id=heading_id>{move || fill(i18n.t(Msg::ObjectiveNumber), &[("n", &number().to_string())])}</h3>
                <div class="row-actions">
                    <button type="button" class="small icon" title=move || i18n.t(Msg::MoveUp) aria-label=move || i18n.t(Msg::MoveUp)
                        on:click=act(Msg::MoveObjective, |a, id| a.move_objective(id, -1))>"↑"</button>
                    <button type="button" class="small icon" title=move || i18n.t(Msg::MoveDown) aria-label=move || i18n.t(Msg::MoveDown)
                        on:click=act(Msg::MoveObjective, |a, id| a.move_objective(id, 1))>"↓"</button>
                    <button type="button" class="small delete-objective" on:click=delete>
                        {move || i18n.t(Msg::DeleteObjective)}
                    </button>
                </div>
            </div>
            <TextField id=text_id label=Msg::ColObjective multiline=true on_keydown=keydown
                value=Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.1.text.clone()).unwrap_or_default()))
                issue=Signal::derive(move || ctx.issue_at(&Place::Objective(oid.get_value())))
                on_input=Callback::new(move |v: String| {
                    let id = oid.get_value();
                    ctx.edit(Msg::ChangeObjective, ctx.group(&ElementId::ObjectiveText(id.clone())), |a| a.set_objective_text(&id, &v));
                })/>
            <div class="indicator-head" aria-hidden="true">
                <span></span>
                <span>{move || i18n.t(Msg::ColIndicator)}</span>
                <span>{move || i18n.t(Msg::ColTarget)}</span>
                <span></span>
            </div>
            <ol class="indicator-list">
                <For each=move || indicators.get() key=|id| id.clone() let:id>
                    <IndicatorRow id objective=data/>
                </For>
            </ol>
            <button type="button" class="small add-indicator" id=ElementId::AddIndicator(oid.get_value()).to_string() on:click=add_indicator>{move || i18n.t(Msg::AddIndicator)}</button>
        </li>
    }
}
