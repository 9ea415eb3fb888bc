//! One indicator in the editor: text, target with live feedback, moves, and the difference with the
//! parent indicator it carries.

use super::context::expect_edit;
use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::model::check::Place;
use crate::core::model::element::ElementId;
use crate::core::model::{IndicatorId, Objective};
use crate::core::text;
use crate::core::typed::{self, FieldValue};
use crate::ui::services::browser;
use crate::ui::services::{Document, Drafts, Language, NoticeKind, Notices, Typing};
use crate::ui::widgets::TextField;
use leptos::prelude::*;

/// Alt+↑/↓ move the row; returns the move or 0.
pub fn move_key(e: &web_sys::KeyboardEvent) -> isize {
    if !e.alt_key() {
        return 0;
    }
    match e.key().as_str() {
        "ArrowUp" => -1,
        "ArrowDown" => 1,
        _ => 0,
    }
}

/// Keeps focus on `element` after the row moved (the DOM node may have been re-created).
pub fn refocus(element: ElementId) {
    request_animation_frame(move || browser::focus(&element.to_string()));
}

/// The editor row of one indicator.
#[component]
pub fn IndicatorRow(
    id: IndicatorId,
    /// The sasaran holding it, and the sasaran's position.
    objective: Memo<Option<(usize, Objective)>>,
) -> impl IntoView {
    let ctx = expect_edit();
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let unsaved = expect_context::<Drafts>();
    let key = id.0.clone();
    let iid = StoredValue::new(id);
    let data = Memo::new(move |_| {
        let id = iid.get_value();
        objective.with(|o| {
            let (oi, o) = o.as_ref()?;
            o.indicators.iter().position(|i| i.id == id).map(|ii| (*oi, ii, o.indicators[ii].clone()))
        })
    });
    let text =
        Signal::derive(move || data.with(|d| d.as_ref().map(|d| d.2.text.clone()).unwrap_or_default()));
    let target_id = ElementId::Target(iid.get_value());
    // A target whose number is half typed (`82,` on the way to `82,5%`) is kept as unsaved text until
    // its whole text is understood (core::typed); discarding it puts back the target from before.
    let target_draft = {
        let target_id = target_id.clone();
        Memo::new(move |_| unsaved.draft_text(&ctx.id.get_value(), &target_id))
    };
    let session: Typing = StoredValue::new(Default::default());
    let target = Signal::derive(move || {
        target_draft.get().unwrap_or_else(|| {
            data.with(|d| d.as_ref().map(|d| d.2.target.text().to_string()).unwrap_or_default())
        })
    });
    let on_target = {
        let target_id = target_id.clone();
        Callback::new(move |v: String| {
            let id = iid.get_value();
            let stored = data
                .with_untracked(|d| d.as_ref().map(|d| d.2.target.text().to_string()).unwrap_or_default());
            let before = FieldValue::Target { indicator: id.clone(), text: stored };
            let parsed = typed::target(&v);
            let element = target_id.clone();
            if unsaved
                .keystroke(session, ctx.id.get_value(), element, Msg::ColTarget, v.clone(), before, parsed)
                .is_some()
            {
                ctx.edit(Msg::ChangeTarget, ctx.group(&ElementId::Target(id.clone())), |a| {
                    a.set_target(&id, &v)
                });
            }
        })
    };
    let number =
        move || data.with(|d| d.as_ref().map(|(o, i, _)| format!("{}.{}", o + 1, i + 1)).unwrap_or_default());
    let text_id = ElementId::IndicatorText(iid.get_value());
    let mover = {
        let (text_id, target_id) = (text_id.clone(), target_id.clone());
        move |field_is_target: bool| {
            let focus = if field_is_target { target_id.clone() } else { text_id.clone() };
            Callback::new(move |e: web_sys::KeyboardEvent| {
                let delta = move_key(&e);
                if delta != 0 {
                    e.prevent_default();
                    let id = iid.get_value();
                    if ctx.edit(Msg::MoveIndicator, None, |a| a.move_indicator(&id, delta)) {
                        refocus(focus.clone());
                    }
                }
            })
        }
    };
    let feedback = move || {
        let lang = i18n.lang.get();
        data.with(|d| {
            let t = &d.as_ref()?.2.target;
            if t.text().trim().is_empty() {
                return None;
            }
            Some(match t.quantity() {
                Some(q) if q.is_percent() => {
                    fill(Msg::TargetPercent.text(lang), &[("value", &format::percent(q.value, lang))])
                }
                Some(q) if q.unit.is_empty() => {
                    fill(Msg::TargetNumber.text(lang), &[("value", &format::number(q.value, lang))])
                }
                Some(q) => fill(
                    Msg::TargetCount.text(lang),
                    &[("value", &format::number(q.value, lang)), ("unit", &q.unit)],
                ),
                None if t.is_negative() => Msg::TargetNegative.text(lang).to_string(),
                None => Msg::TargetText.text(lang).to_string(),
            })
        })
    };
    let linked = move || data.with(|d| d.as_ref().and_then(|d| d.2.parent.clone()));
    let button = move |label: Msg,
                       glyph: &'static str,
                       action: fn(&mut crate::core::model::Agreement, &IndicatorId) -> bool,
                       focus: Option<ElementId>| {
        view! {
            <button type="button" class="small icon" title=move || i18n.t(label) aria-label=move || i18n.t(label)
                on:click=move |_| {
                    let id = iid.get_value();
                    if ctx.edit(label, None, |a| action(a, &id)) {
                        if let Some(f) = focus.clone() { refocus(f) }
                    }
                }>{glyph}</button>
        }
    };
    // Deleting says so and keeps keyboard focus in the sasaran: the next indicator, else the previous,
    // else "add indicator".
    let delete = move |_| {
        let id = iid.get_value();
        let found = objective.with_untracked(|o| {
            let (oi, o) = o.as_ref()?;
            let at = o.indicators.iter().position(|i| i.id == id)?;
            let next =
                o.indicators.get(at + 1).or_else(|| at.checked_sub(1).and_then(|p| o.indicators.get(p)));
            let focus = next
                .map(|i| ElementId::IndicatorText(i.id.clone()))
                .unwrap_or_else(|| ElementId::AddIndicator(o.id.clone()));
            Some((format!("{}.{}", oi + 1, at + 1), focus))
        });
        if let Some((number, focus)) = found {
            if ctx.edit(Msg::DeleteIndicator, None, |a| a.delete_indicator(&id)) {
                unsaved.clear_draft(&ctx.id.get_value(), &ElementId::Target(id.clone()));
                notices.notify(NoticeKind::Info, fill(i18n.t_now(Msg::IndicatorDeleted), &[("n", &number)]));
                refocus(focus);
            }
        }
    };
    view! {
        <li class="indicator-row" data-indicator=key.clone()>
            <span class="num" aria-hidden="true">{number}</span>
            <TextField id=text_id.clone() label=Msg::IndicatorText hide_label=true multiline=true value=text
                issue=Signal::derive(move || ctx.issue_at(&Place::IndicatorText(iid.get_value())))
                on_keydown=mover(false)
                on_input=Callback::new(move |v: String| {
                    let id = iid.get_value();
                    ctx.edit(Msg::ChangeIndicator, ctx.group(&ElementId::IndicatorText(id.clone())), |a| a.set_indicator_text(&id, &v));
                })/>
            <TextField id=target_id.clone() label=Msg::ColTarget hide_label=true value=target
                issue=Signal::derive(move || match target_draft.get() {
                    Some(text) => typed::target(&text).err().map(|e| text::typed_error(e, i18n.lang.get())),
                    None => ctx.issue_at(&Place::Target(iid.get_value())),
                })
                hint=Signal::derive(feedback)
                on_keydown=mover(true)
                on_input=on_target
                on_blur=Callback::new(move |()| session.update_value(|s| s.end()))/>
            <div class="row-actions">
                {button(Msg::MoveUp, "↑", |a, id| a.move_indicator(id, -1), Some(text_id.clone()))}
                {button(Msg::MoveDown, "↓", |a, id| a.move_indicator(id, 1), Some(text_id.clone()))}
                <button type="button" class="small icon delete-indicator" title=move || i18n.t(Msg::DeleteIndicator)
                    aria-label=move || i18n.t(Msg::DeleteIndicator) on:click=delete>"✕"</button>
            </div>
            {move || linked().map(|link| view! {
                <p class="linked" title=link.text.clone()>{move || i18n.t(Msg::LinkedToParent)}</p>
            })}
            <ParentDifference id=iid/>
        </li>
    }
}

/// Shown when the parent indicator's text changed since linking (or the parent indicator is gone).
#[component]
fn ParentDifference(id: StoredValue<IndicatorId>) -> impl IntoView {
    let ctx = expect_edit();
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let change = Memo::new(move |_| {
        let id = id.get_value();
        ctx.change_keys.track(&id);
        ctx.changes.with_untracked(|c| c.iter().find(|c| c.indicator == id).cloned())
    });
    let act = move |label: Msg,
                    f: fn(
        &mut crate::core::model::Workspace,
        &crate::core::model::AgreementId,
        &IndicatorId,
    ) -> bool| {
        move |_| {
            let (aid, iid) = (ctx.id.get_value(), id.get_value());
            doc.change(label, None, |ws| f(ws, &aid, &iid));
        }
    };
    move || {
        change.get().map(|c| match c.now {
            Some(now) => view! {
                <div class="parent-diff" role="status">
                    <p>{move || i18n.t(Msg::ParentTextChanged)}</p>
                    <p class="diff"><del>{c.was.clone()}</del><ins>{now.clone()}</ins></p>
                    <button type="button" class="small take-parent" on:click=act(Msg::TakeParentText, |ws, a, i| ws.take_parent_text(a, i))>
                        {move || i18n.t(Msg::TakeParentText)}
                    </button>
                    <button type="button" class="small keep-own" on:click=act(Msg::KeepOwnText, |ws, a, i| ws.keep_own_text(a, i))>
                        {move || i18n.t(Msg::KeepOwnText)}
                    </button>
                </div>
            }
            .into_any(),
            None => view! {
                <div class="parent-diff" role="status">
                    <p>{move || i18n.t(Msg::ParentIndicatorGone)}</p>
                    <button type="button" class="small" on:click=act(Msg::Unlink, |ws, a, i| ws.unlink_indicator(a, i))>
                        {move || i18n.t(Msg::Unlink)}
                    </button>
                </div>
            }
            .into_any(),
        })
    }
}
