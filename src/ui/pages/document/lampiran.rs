//! The lampiran: `No | Sasaran Kegiatan | Indikator Kinerja | Target` (each sasaran's cells spanning its
//! indicators) and the Program/Anggaran table, then place, date and signatures.

use super::signatures::Signatures;
use crate::core::i18n::Msg;
use crate::core::model::{Agreement, Objective};
use crate::core::text::printed;
use crate::ui::common::column_heads;
use crate::ui::services::Language;
use leptos::prelude::*;
use std::sync::Arc;

/// Page two of the document.
#[component]
pub fn Lampiran(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let get = move |f: fn(&Agreement) -> String| agreement.with(|a| a.as_deref().map(f).unwrap_or_default());
    view! {
        <section class="sheet lampiran" aria-labelledby="lampiran-title">
            <header class="sheet-title">
                <h1 id="lampiran-title">
                    {move || {
                        let lang = i18n.lang.get();
                        agreement.with(|a| a.as_deref().map(|a| printed::heading(a, lang)).unwrap_or_default())
                    }}
                    <br/>
                    {move || get(|a| a.unit.to_uppercase())}
                </h1>
            </header>
            <table class="facts">
                <tbody>
                    <tr>
                        <th scope="row">{move || i18n.t(Msg::UnitLong)}</th>
                        <td class="colon">":"</td>
                        <td>{move || get(|a| a.unit.clone())}</td>
                    </tr>
                    <tr>
                        <th scope="row">{move || i18n.t(Msg::Year)}</th>
                        <td class="colon">":"</td>
                        <td>{move || get(|a| a.year.to_string())}</td>
                    </tr>
                </tbody>
            </table>
            <table class="pk-table" id="pk-table">
                <caption class="visually-hidden">{move || i18n.t(Msg::IndicatorTableCaption)}</caption>
                <thead>
                    <tr>
                        {column_heads(&[(Msg::ColNo, "col-no"), (Msg::ColObjective, ""), (Msg::ColIndicator, ""), (Msg::ColTarget, "col-target")])}
                    </tr>
                    <tr class="col-numbers" aria-hidden="true">
                        <td>"1"</td><td>"2"</td><td>"3"</td><td>"4"</td>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let lang = i18n.lang.get();
                        agreement.with(|a| {
                            a.as_deref()
                                .map(|a| a.objectives.iter().enumerate().map(|(n, o)| objective_rows(n + 1, o, lang)).collect_view())
                        })
                    }}
                </tbody>
            </table>
            <div class="closing">
                <BudgetTable agreement/>
                <Signatures agreement/>
            </div>
        </section>
    }
}

/// The rows of one sasaran: number and text span all its indicators.
fn objective_rows(number: usize, o: &Objective, lang: crate::core::i18n::Lang) -> impl IntoView {
    let span = o.indicators.len().max(1).to_string();
    let first = o.indicators.first();
    let rest: Vec<_> = o.indicators.iter().skip(1).cloned().collect();
    let cell = |i: Option<&crate::core::model::Indicator>| {
        (i.map(|i| i.text.clone()).unwrap_or_default(), i.map(|i| i.target.display(lang)).unwrap_or_default())
    };
    let (text, target) = cell(first);
    // The phone layout shows each target under its indicator, labelled.
    let label = Msg::ColTarget.text(lang);
    view! {
        <tr class="objective-start" data-objective=o.id.0.clone()>
            <td class="col-no" rowspan=span.clone()>{number}</td>
            <th scope="rowgroup" class="objective" rowspan=span>{o.text.clone()}</th>
            <td class="indicator">{text}</td>
            <td class="target" data-label=label>{target}</td>
        </tr>
        {rest
            .into_iter()
            .map(|i| {
                view! {
                    <tr>
                        <td class="indicator">{i.text.clone()}</td>
                        <td class="target" data-label=label>{i.target.display(lang)}</td>
                    </tr>
                }
            })
            .collect_view()}
    }
}

/// `No | Program | Anggaran`, amounts as printed (`Rp 10.252.187.000`, `-` or blank), then *Jumlah*.
#[component]
fn BudgetTable(agreement: Memo<Option<Arc<Agreement>>>) -> impl IntoView {
    let i18n = expect_context::<Language>();
    view! {
        <table class="budget-table" id="budget-table">
            <caption class="visually-hidden">{move || i18n.t(Msg::BudgetTableCaption)}</caption>
            <thead>
                <tr>{column_heads(&[(Msg::ColNo, "col-no"), (Msg::ColProgram, ""), (Msg::ColBudget, "money")])}</tr>
            </thead>
            <tbody>
                {move || {
                    let lang = i18n.lang.get();
                    agreement.with(|a| {
                        a.as_deref().map(|a| {
                            a.budget
                                .iter()
                                .enumerate()
                                .map(|(n, b)| {
                                    view! {
                                        <tr>
                                            <td class="col-no">{n + 1}</td>
                                            <td>{b.program.clone()}</td>
                                            <td class="money">{b.amount.display(lang)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    })
                }}
            </tbody>
            {move || {
                let lang = i18n.lang.get();
                agreement.with(|a| a.as_deref().and_then(|a| printed::budget_total(a, lang))).map(|total| view! {
                    <tfoot>
                        <tr class="budget-total" id="budget-jumlah">
                            <td class="col-no"></td>
                            <th scope="row">{Msg::BudgetTotal.text(lang)}</th>
                            <td class="money">{total}</td>
                        </tr>
                    </tfoot>
                })
            }}
        </table>
    }
}
