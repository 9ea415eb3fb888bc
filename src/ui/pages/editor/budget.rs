//! Program/Anggaran lines: program text and a Rupiah amount that accepts `10.252.187.000`,
//! `10252187000` or `Rp 10.252.187.000` and explains what it cannot read.

use super::context::expect_edit;
use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::model::check::Place;
use crate::core::model::element::ElementId;
use crate::core::model::Amount;
use crate::core::typed::FieldValue;
use crate::ui::services::{Drafts, Language, NoticeKind, Notices, Typing};
use crate::ui::widgets::TextField;
use leptos::prelude::*;

/// The budget editor.
#[component]
pub fn Budget() -> impl IntoView {
    let ctx = expect_edit();
    let i18n = expect_context::<Language>();
    let count = Memo::new(move |_| ctx.with(|a| a.budget.len()));
    let total = move || format::rupiah(ctx.with(|a| a.total_budget()), i18n.lang.get());
    view! {
        <section class="editor-section" aria-labelledby="budget-title">
            <h2 id="budget-title">{move || i18n.t(Msg::BudgetTitle)}</h2>
            <ol class="budget-lines" id="budget-lines">
                <For each=move || 0..count.get() key=|i| *i let:index>
                    <BudgetLineRow index/>
                </For>
            </ol>
            <p class="budget-total">{move || i18n.t(Msg::TotalBudget)}": " <strong id="budget-total">{total}</strong></p>
            <button type="button" id=ElementId::AddBudgetLine.to_string() on:click=move |_| {
                ctx.edit(Msg::AddBudgetLine, None, |a| { a.add_budget_line(); true });
            }>{move || i18n.t(Msg::AddBudgetLine)}</button>
        </section>
    }
}

/// One program line.
#[component]
fn BudgetLineRow(index: usize) -> impl IntoView {
    let ctx = expect_edit();
    let i18n = expect_context::<Language>();
    let notices = expect_context::<Notices>();
    let unsaved = expect_context::<Drafts>();
    let line = Memo::new(move |_| ctx.with(|a| a.budget.get(index).cloned()));
    let amount_id = ElementId::Amount(index);
    // What the user is typing, as typed, while the field has focus (the stored amount is shown formatted
    // once it loses it); text that is not an amount is kept as an app-wide draft until fixed or discarded.
    let typing = RwSignal::new(None::<String>);
    let invalid = {
        let amount_id = amount_id.clone();
        Memo::new(move |_| unsaved.draft_text(&ctx.id.get_value(), &amount_id))
    };
    let amount_text = Signal::derive(move || match invalid.get().or_else(|| typing.get()) {
        Some(text) => text,
        None => {
            let lang = i18n.lang.get();
            line.with(|l| l.as_ref().map(|l| l.amount.input_text(lang)).unwrap_or_default())
        }
    });
    let amount_issue = Signal::derive(move || {
        let lang = i18n.lang.get();
        match invalid.get().map(|t| Amount::parse(&t)) {
            Some(Err(e)) => Some(crate::core::text::amount_error(e, lang)),
            _ => ctx.issue_at(&Place::Amount(index)),
        }
    });
    let amount_hint = Signal::derive(move || {
        let lang = i18n.lang.get();
        line.with(|l| match l.as_ref().map(|l| &l.amount) {
            Some(Amount::Value(v)) => {
                Some(fill(Msg::AmountReadAs.text(lang), &[("amount", &format::rupiah(*v, lang))]))
            }
            Some(Amount::Dash) => Some(Msg::AmountDash.text(lang).to_string()),
            _ => Some(Msg::AmountBlank.text(lang).to_string()),
        })
    });
    // Committed only when the whole text is an amount (core::typed): `Rp 1,5` on the way to `Rp 1,5 M`
    // is kept as unsaved text, and discarding it puts back the amount from before the typing.
    let session: Typing = StoredValue::new(Default::default());
    let on_amount = {
        let amount_id = amount_id.clone();
        Callback::new(move |v: String| {
            let stored = line.with_untracked(|l| l.as_ref().map(|l| l.amount.clone()).unwrap_or_default());
            let before = FieldValue::Amount { line: index, amount: stored };
            let parsed = Amount::parse(&v);
            let id = ctx.id.get_value();
            if let Some(amount) =
                unsaved.keystroke(session, id, amount_id.clone(), Msg::ColBudget, v.clone(), before, parsed)
            {
                typing.set(Some(v));
                ctx.edit(Msg::ChangeAmount, ctx.group(&amount_id), |a| a.set_amount(index, amount));
            }
        })
    };
    let clear_amount_id = amount_id.clone();
    let act = move |label: Msg, f: fn(&mut crate::core::model::Agreement, usize) -> bool| {
        let amount_id = clear_amount_id.clone();
        move |_| {
            typing.set(None);
            unsaved.clear_draft(&ctx.id.get_value(), &amount_id);
            ctx.edit(label, None, |a| f(a, index));
        }
    };
    // Deleting says so and keeps keyboard focus in the list: the line that moves up into this place,
    // else the previous line, else "add line".
    let delete = {
        let amount_id = amount_id.clone();
        move |_| {
            let len =
                ctx.agreement.with_untracked(|a| a.as_ref().map(|a| a.budget.len()).unwrap_or_default());
            let focus = if index + 1 < len {
                ElementId::Program(index)
            } else if index > 0 {
                ElementId::Program(index - 1)
            } else {
                ElementId::AddBudgetLine
            };
            typing.set(None);
            unsaved.clear_draft(&ctx.id.get_value(), &amount_id);
            if ctx.edit(Msg::DeleteBudgetLine, None, |a| a.delete_budget_line(index)) {
                notices.notify(
                    NoticeKind::Info,
                    fill(i18n.t_now(Msg::BudgetLineDeleted), &[("n", &(index + 1).to_string())]),
                );
                super::indicator_row::refocus(focus);
            }
        }
    };
    view! {
        <li class="budget-line" on:focusout=move |_| typing.set(None)>
            <span class="num" aria-hidden="true">{index + 1}</span>
            <TextField id=ElementId::Program(index) label=Msg::ColProgram
                value=Signal::derive(move || line.with(|l| l.as_ref().map(|l| l.program.clone()).unwrap_or_default()))
                issue=Signal::derive(move || ctx.issue_at(&Place::Program(index)))
                on_input=Callback::new(move |v: String| {
                    ctx.edit(Msg::ChangeProgram, ctx.group(&ElementId::Program(index)), |a| a.set_program(index, &v));
                })/>
            <TextField id=amount_id label=Msg::ColBudget value=amount_text issue=amount_issue
                hint=amount_hint on_input=on_amount on_blur=Callback::new(move |()| session.update_value(|s| s.end()))
                placeholder=Signal::derive(move || format::number(10_252_187_000_i64.into(), i18n.lang.get()))/>
            <div class="row-actions">
                <button type="button" class="small icon" title=move || i18n.t(Msg::MoveUp) aria-label=move || i18n.t(Msg::MoveUp)
                    on:click=act(Msg::MoveBudgetLine, |a, i| a.move_budget_line(i, -1))>"↑"</button>
                <button type="button" class="small icon" title=move || i18n.t(Msg::MoveDown) aria-label=move || i18n.t(Msg::MoveDown)
                    on:click=act(Msg::MoveBudgetLine, |a, i| a.move_budget_line(i, 1))>"↓"</button>
                <button type="button" class="small icon" title=move || i18n.t(Msg::DeleteBudgetLine) aria-label=move || i18n.t(Msg::DeleteBudgetLine)
                    on:click=delete>"✕"</button>
            </div>
        </li>
    }
}
