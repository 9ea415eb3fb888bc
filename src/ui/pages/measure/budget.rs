//! The realisasi anggaran of the quarter, per program: the amount spent to date and its share.

use super::edit;
use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::measure::table::Table;
use crate::core::measure::Quarter;
use crate::core::model::element::ElementId;
use crate::core::model::{Agreement, AgreementId, Amount};
use crate::core::text;
use crate::core::typed::FieldValue;
use crate::ui::services::{Document, Drafts, Language, Typing};
use crate::ui::widgets::TextField;
use leptos::prelude::*;
use std::sync::Arc;

/// The realisasi anggaran of the quarter, per program, with what was spent to date and its share.
#[component]
pub(super) fn BudgetActual(
    agreement: Memo<Option<Arc<Agreement>>>,
    owner: StoredValue<AgreementId>,
    measured: Memo<Option<Table>>,
    quarter: RwSignal<Quarter>,
    /// The quarter was accepted by a review: read-only.
    locked: Signal<bool>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let count = Memo::new(move |_| agreement.with(|a| a.as_ref().map(|a| a.budget.len()).unwrap_or(0)));
    view! {
        <section class="measure-budget" aria-labelledby="measure-budget-title">
            <h2 id="measure-budget-title">{move || i18n.t(Msg::BudgetActualTitle)}</h2>
            <ol class="budget-lines">
                <For each=move || 0..count.get() key=|i| *i let:index>
                    <BudgetActualLine agreement owner measured quarter index locked/>
                </For>
            </ol>
        </section>
    }
}

#[component]
pub(super) fn BudgetActualLine(
    agreement: Memo<Option<Arc<Agreement>>>,
    owner: StoredValue<AgreementId>,
    measured: Memo<Option<Table>>,
    quarter: RwSignal<Quarter>,
    index: usize,
    locked: Signal<bool>,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let doc = expect_context::<Document>();
    let unsaved = expect_context::<Drafts>();
    let line = Memo::new(move |_| agreement.with(|a| a.as_ref().and_then(|a| a.budget.get(index).cloned())));
    let agreement_id = move || owner.get_value();
    let element = move || ElementId::BudgetActual(index, quarter.get());
    let invalid = Memo::new(move |_| unsaved.draft_text(&agreement_id(), &element()));
    // What the user is typing, as typed, while the field has focus: the stored amount is shown formatted
    // only once it loses it (`1000` shown back as `1.000` mid-typing became `1.0000`, read as 1).
    let typing = RwSignal::new(None::<String>);
    let session: Typing = StoredValue::new(Default::default());
    let value = Signal::derive(move || {
        let lang = i18n.lang.get();
        let q = quarter.get();
        invalid.get().or_else(|| typing.get()).unwrap_or_else(|| {
            line.with(|l| l.as_ref().map(|l| l.actual[q.index()].input_text(lang)).unwrap_or_default())
        })
    });
    let issue = Signal::derive(move || {
        let lang = i18n.lang.get();
        invalid.get().and_then(|t| Amount::parse(&t).err()).map(|e| text::amount_error(e, lang))
    });
    let summary = move || {
        let lang = i18n.lang.get();
        let q = text::quarter(quarter.get(), lang);
        measured.with(|t| {
            let b = t.as_ref()?.budget.get(index)?;
            let from_below =
                if b.from_below { format!(" ({})", Msg::BudgetFromBelow.text(lang)) } else { String::new() };
            let differs = (!b.differs.is_empty()).then(|| {
                let quarters: Vec<String> = b.differs.iter().map(|q| text::quarter(*q, lang)).collect();
                let below = b.children_spent.map(|s| format::rupiah(s, lang)).unwrap_or_default();
                format!(
                    " {}",
                    fill(
                        Msg::BudgetDiffersBelow.text(lang),
                        &[("quarters", &quarters.join(", ")), ("below", &below)]
                    )
                )
            });
            Some(format!(
                "{}: {}{from_below} · {}: {}{}",
                fill(Msg::ColSpentToDate.text(lang), &[("quarter", &q)]),
                text::spent_to_date(b, quarter.get(), lang, "—"),
                Msg::ColAbsorption.text(lang),
                b.percent.map(|p| format::percent2(p, lang)).unwrap_or_else(|| "—".into()),
                differs.unwrap_or_default(),
            ))
        })
    };
    let on_input = Callback::new(move |v: String| {
        let (q, id) = (quarter.get_untracked(), agreement_id());
        let el = element();
        let stored =
            line.with_untracked(|l| l.as_ref().map(|l| l.actual[q.index()].clone()).unwrap_or_default());
        let before = FieldValue::BudgetActual { line: index, quarter: q, amount: stored };
        let parsed = Amount::parse(&v);
        if let Some(amount) = unsaved.keystroke(
            session,
            id.clone(),
            el.clone(),
            Msg::BudgetActualTitle,
            v.clone(),
            before,
            parsed,
        ) {
            typing.set(Some(v));
            edit(doc, &id, Some(el.key_in(&id)), |a| a.set_budget_actual(index, q, amount));
        }
    });
    let on_blur = Callback::new(move |()| {
        typing.set(None);
        session.update_value(|s| s.end());
    });
    view! {
        <li class="budget-actual">
            <p class="program"><strong>{move || line.with(|l| l.as_ref().map(|l| l.program.clone()).unwrap_or_default())}</strong>
                " — "{move || line.with(|l| l.as_ref().map(|l| l.amount.display(i18n.lang.get())).unwrap_or_default())}</p>
            {move || {
                let id = element();
                view! { <TextField id label=Msg::BudgetActualQuarter value issue on_input on_blur readonly=locked/> }
            }}
            <p class="hint budget-actual-summary">{summary}</p>
        </li>
    }
}
