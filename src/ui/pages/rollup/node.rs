//! One PK in the rollup tree: its budget per program against its children's, and its coverage.

use super::coverage::Coverage;
use crate::core::format;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::links::first_positions;
use crate::core::model::AgreementId;
use crate::core::model::Amount;
use crate::core::rollup::{BudgetStatus, NodeRollup, ProgramCheck, Rollup};
use crate::core::route::{Page, Route};
use crate::core::steps::StepPlan;
use crate::ui::batches::ListSteps;
use crate::ui::common::name_or_placeholder;
use crate::ui::common::TableScroll;
use crate::ui::services::{Document, Language, Nav};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// "consistent", "Rp X under-allocated" or "Rp X over-allocated".
pub fn status_text(p: &ProgramCheck, lang: Lang) -> String {
    let amount = format::rupiah(p.difference.abs(), lang);
    match p.status {
        BudgetStatus::Consistent => Msg::StatusConsistent.text(lang).to_string(),
        BudgetStatus::UnderAllocated => fill(Msg::StatusUnder.text(lang), &[("amount", &amount)]),
        BudgetStatus::OverAllocated => fill(Msg::StatusOver.text(lang), &[("amount", &amount)]),
    }
}

/// An amount as printed, with "-" and blank made visible.
pub fn printed(a: &Amount, lang: Lang) -> String {
    match a {
        Amount::Blank => Msg::AmountEmptyCell.text(lang).to_string(),
        other => other.display(lang),
    }
}

/// The tree's shape: each PK with its depth and its children, in order. It changes only when PKs are
/// added, removed or moved, so the tree is rebuilt only then.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shape(Vec<(AgreementId, usize, Vec<AgreementId>)>);

impl Shape {
    pub fn of(r: &Rollup) -> Shape {
        Shape(r.nodes.iter().map(|n| (n.id.clone(), n.depth, n.children.clone())).collect())
    }
}

/// The cards of the first screen at once (below the summary: one at 1280 × 900, none at 360 px), then a
/// step of cards after each pause (a province year has 120, about half a millisecond each in the
/// browser; a national year 5 520).
const STEPS: StepPlan = StepPlan { first: 2, size: 24 };

/// The nested tree of nodes, drawn in steps in pre-order (put in `more`); each card follows only its own
/// node of the rollup (keyed by PK), so one changed figure redraws one card.
pub fn tree(
    shape: Memo<Shape>,
    result: RwSignal<Option<Rollup>>,
    more: RwSignal<Option<ListSteps>>,
) -> impl IntoView {
    move || {
        let shape = Arc::new(shape.get());
        let at = Arc::new(first_positions(shape.0.iter().map(|n| n.0.clone())));
        let steps = ListSteps::new(shape.0.len(), STEPS);
        more.set(Some(steps.clone()));
        let roots = shape.0.iter().enumerate().filter(|(_, n)| n.1 == 0).map(|(i, _)| i);
        roots.map(|i| node_view(&shape, &at, i, result, &steps)).collect_view()
    }
}

fn node_view(
    shape: &Arc<Shape>,
    at: &Arc<HashMap<AgreementId, usize>>,
    index: usize,
    result: RwSignal<Option<Rollup>>,
    steps: &ListSteps,
) -> AnyView {
    let (shape, at, inner) = (shape.clone(), at.clone(), steps.clone());
    steps
        .entry(index, move || {
            let (id, depth, children) = &shape.0[index];
            let kids = children.iter().filter_map(|c| at.get(c).copied());
            let child_views = kids.map(|i| node_view(&shape, &at, i, result, &inner)).collect_view();
            let lookup = id.clone();
            // Compared with the node it holds, cloned only when it changed (most do not after one edit).
            let node: Memo<Option<NodeRollup>> = Memo::new_owning(move |old: Option<Option<NodeRollup>>| {
                result.with(|r| match (old, r.as_ref().and_then(|r| r.node(&lookup))) {
                    (Some(old), new) if old.as_ref() == new => (old, false),
                    (_, new) => (new.cloned(), true),
                })
            });
            view! {
                <li class=format!("node depth-{}", (*depth).min(4)) data-id=id.0.clone()>
                    {move || node.get().map(|node| view! { <NodeCard node/> })}
                    <ul>{child_views}</ul>
                </li>
            }
        })
        .into_any()
}

#[component]
fn NodeCard(node: NodeRollup) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let nav = expect_context::<Nav>();
    let doc = expect_context::<Document>();
    let public = nav.route.with_untracked(|r| r.public);
    let id = node.id.clone();
    // The PK's own words stay live (so the card need not be rebuilt on every change of the workspace).
    let info_id = id.clone();
    let info = Memo::new(move |_| {
        doc.agreement(&info_id)
            .map(|a| (a.title().to_string(), a.first_party.name.clone(), (!public).then(|| a.status())))
            .unwrap_or_default()
    });
    let status = move || info.with(|i| i.2.clone());
    let settled = move || status().is_some_and(|s| !s.needs_work());
    let title = move || info.with(|i| i.0.clone());
    let name = move || info.with(|i| i.1.clone());
    let year = untrack(|| doc.agreement(&id)).map(|a| a.year).unwrap_or_default();
    let doc = Route { public, page: Page::Agreement { id: id.clone(), edit: false } }.href();
    let subtree = Route { public, page: Page::Rollup { year: Some(year), root: Some(id.clone()) } }.href();
    let flagged = node.budget_flags().count() > 0
        || node.not_cascaded().count() > 0
        || !node.orphans.is_empty()
        || node.target_differences().count() > 0;
    let leaf = node.is_leaf();
    let budget_node = node.clone();
    view! {
        <article class="pk-card rollup-card" class:flagged=flagged class:settled=settled>
            <h3 class="pk-card-title"><a href=doc>{title}</a></h3>
            {move || status().map(|s| view! {
                <p class="pk-status" class:needs-work=s.needs_work()>
                    {move || i18n.t(Msg::StatusLabel)}": "{crate::core::text::life::status_line(&s, i18n.lang.get())}
                </p>
            })}
            <p class="pk-card-parties">{move || name_or_placeholder(&name(), i18n.lang.get())}
                {(!leaf).then(|| view! { " · " <a href=subtree.clone() class="subtree-link">{move || i18n.t(Msg::RollupThisSubtree)}</a> })}
            </p>
            {move || budget_table(&budget_node, i18n.lang.get())}
            {(!leaf).then(|| view! { <Coverage node=node.clone()/> })}
        </article>
    }
}

fn budget_table(node: &NodeRollup, lang: Lang) -> impl IntoView {
    let t = move |m: Msg| m.text(lang);
    if node.is_leaf() {
        let rows = node
            .own_budget
            .iter()
            .map(|(p, a)| {
                view! {
                    <tr><td>{p.clone()}</td><td class="money">{printed(a, lang)}</td></tr>
                }
            })
            .collect_view();
        return view! {
            <TableScroll label=t(Msg::BudgetTableCaption).to_string()>
                <table class="rollup-budget leaf">
                    <thead><tr><th scope="col">{t(Msg::ColProgram)}</th><th scope="col" class="money">{t(Msg::ColBudget)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
            <p class="hint">{t(Msg::LeafNotChecked)}</p>
        }
        .into_any();
    }
    let rows = node.programs.iter().map(|p| {
        let ok = p.status == BudgetStatus::Consistent;
        let parts = p.children.iter().map(|(_, a)| printed(a, lang)).collect::<Vec<_>>().join(" + ");
        view! {
            <tr class:flagged=!ok>
                <th scope="row">{p.program.clone()}</th>
                <td class="money">{printed(&p.own, lang)}</td>
                <td class="money" title=parts>{format::rupiah(p.children_sum, lang)}</td>
                <td class="money">{if ok { String::new() } else { format::rupiah_signed(p.difference, lang) }}</td>
                <td class=if ok { "status ok" } else { "status flag" }>{status_text(p, lang)}</td>
                <td class="picture">{crate::ui::charts::budget_bar(p.own.for_sum(), p.children_sum, lang)}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <TableScroll label=t(Msg::BudgetTableCaption).to_string()>
            <table class="rollup-budget">
                <caption class="visually-hidden">{t(Msg::BudgetTableCaption)}</caption>
                <thead><tr>
                    <th scope="col">{t(Msg::ColProgram)}</th>
                    <th scope="col" class="money">{t(Msg::ColOwnBudget)}</th>
                    <th scope="col" class="money">{t(Msg::ColChildrenBudget)}</th>
                    <th scope="col" class="money">{t(Msg::ColDifference)}</th>
                    <th scope="col">{t(Msg::ColStatus)}</th>
                    <th scope="col">{t(Msg::ColBudgetPicture)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
    .into_any()
}
