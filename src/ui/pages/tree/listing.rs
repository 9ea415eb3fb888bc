//! The tree as nested lists, for screen readers and for copying.

use crate::core::model::AgreementId;
use crate::core::route::{Page, Route};
use crate::core::tree_chart::Node;
use leptos::prelude::*;

/// One PK as the nested list shows it.
#[derive(Clone, PartialEq)]
pub struct Entry {
    id: AgreementId,
    parent: Option<AgreementId>,
    title: String,
    name: String,
    budget: String,
    marks: Vec<String>,
}

impl Entry {
    pub fn of(n: &Node) -> Entry {
        Entry {
            id: n.id.clone(),
            parent: n.parent.clone(),
            title: n.title.join(" "),
            name: n.name.clone(),
            budget: n.budget.clone(),
            marks: n.marks.iter().map(|m| m.text.clone()).collect(),
        }
    }
}

/// The tree as nested lists: each PK with a link, its name, budget and marks.
pub fn text_list(entries: &[Entry], parent: Option<&AgreementId>, public: bool) -> AnyView {
    let kids: Vec<&Entry> = entries.iter().filter(|n| n.parent.as_ref() == parent).collect();
    if kids.is_empty() {
        return ().into_any();
    }
    view! {
        <ul>
            {kids.into_iter().map(|n| {
                let href = Route { public, page: Page::Agreement { id: n.id.clone(), edit: false } }.href();
                let marks = n.marks.clone();
                view! {
                    <li data-id=n.id.0.clone()>
                        <a href=href>{n.title.clone()}</a>", "{n.name.clone()}". "{n.budget.clone()}
                        {(!marks.is_empty()).then(|| view! { <ul class="marks">{marks.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> })}
                        {text_list(entries, Some(&n.id), public)}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
