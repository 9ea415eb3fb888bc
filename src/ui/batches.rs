//! Long lists drawn in steps ([`crate::core::steps`]): the first screen at once, a step more after each
//! pause, so that a page shows within a frame and a national year (5 520 PKs: over a second to draw at
//! once) never holds the page for long. A step is drawn once; the list is drawn again only when its
//! caller rebuilds it. A change that reaches every item is passed on the same way, one group after
//! another.

use crate::core::steps::StepPlan;
use crate::ui::host::{PageLife, Runs};
use crate::ui::services::browser;
use leptos::prelude::*;
use std::sync::Arc;

/// The steps of a list being drawn ([`StepPlan`]): the first at once, each next one after a pause,
/// until the list is complete or gone. Each step has its own signal, so reaching one wakes only its
/// entries.
#[derive(Clone)]
pub struct Steps {
    reached: Arc<[RwSignal<bool>]>,
    plan: StepPlan,
}

impl Steps {
    /// Starts drawing a list of `count` entries cut by `plan`.
    pub fn new(count: usize, plan: StepPlan) -> Steps {
        let reached: Arc<[RwSignal<bool>]> = (0..plan.steps(count)).map(|s| RwSignal::new(s == 0)).collect();
        let life = PageLife::current();
        if let Some(life) = &life {
            life.register(reached.clone());
        }
        if reached.len() > 1 {
            let next = reached.clone();
            leptos::task::spawn_local(async move {
                for step in next.iter().skip(1) {
                    browser::pause().await;
                    // Stops when the page was left (it is being taken down) or the list is gone (its
                    // signals went with it).
                    if life.as_ref().is_some_and(PageLife::is_left) || step.try_set(true).is_some() {
                        return;
                    }
                }
            });
        }
        Steps { reached, plan }
    }

    /// Entry `index`, drawn by `draw` once its step is reached.
    pub fn entry<V>(&self, index: usize, draw: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView
    where
        V: IntoView + 'static,
    {
        let reached = self.reached[self.plan.step_of(index).min(self.reached.len() - 1)];
        move || reached.get().then(&draw)
    }
}

/// Draws each of `groups` with `draw`, in order, one more after each pause.
pub fn in_batches<G, V>(
    groups: Vec<G>,
    draw: impl Fn(G) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    G: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let steps = Steps::new(groups.len(), StepPlan { first: 1, size: 1 });
    groups
        .into_iter()
        .enumerate()
        .map(move |(i, group)| {
            let draw = draw.clone();
            steps.entry(i, move || draw(group.clone()))
        })
        .collect_view()
}

/// Passes each change of `source` on to `groups` in turn, the first at once and each next one after a
/// pause; the groups start with the value shown, so only changes are passed on. A newer change, the
/// page left, or the groups gone with their list, stops the one under way. The items stay in place
/// while they follow (and the reader's scroll position with them).
pub fn follow_in_steps<T>(source: RwSignal<T>, groups: Vec<RwSignal<T>>)
where
    T: Clone + Send + Sync + 'static,
{
    let runs = Runs::new();
    Effect::new(move |before: Option<()>| {
        let value = source.get();
        if before.is_none() {
            return;
        }
        let (run, groups) = (runs.start(), groups.clone());
        leptos::task::spawn_local(async move {
            for (n, group) in groups.into_iter().enumerate() {
                if n > 0 {
                    browser::pause().await;
                }
                if run.stopped() || group.try_set(value.clone()).is_some() {
                    return;
                }
            }
        });
    });
}
