//! Long lists drawn in steps ([`crate::core::steps`]): the first screen at once, then a step more after
//! each pause, so that a page shows within a frame and a national year (5 520 PKs: over a second to
//! draw at once) never holds the page for long. A list longer than
//! [`crate::core::steps::READER_PACED_OVER`] is drawn as its reader goes: a step more whenever the end
//! of the page comes within two screens, or when asked for ([`MoreShown`]). A step is drawn once; the
//! list is drawn again only when its caller rebuilds it. A change that reaches every item is passed on
//! the same way, one group after another.

use crate::core::format;
use crate::core::i18n::{fill, Msg};
use crate::core::steps::{paced_by_reader, StepPlan};
use crate::ui::host::{PageLife, Runs};
use crate::ui::services::browser;
use crate::ui::services::Language;
use leptos::prelude::*;
use std::sync::Arc;

/// How often a list drawn as its reader goes looks whether the end of the page came near.
const READER_POLL_MS: i32 = 100;

/// The steps of a list being drawn ([`StepPlan`]): the first at once, each next one after a pause (or,
/// for a long list, when its reader gets near it), until the list is complete or gone. Each step has
/// its own signal, so reaching one wakes only its entries.
#[derive(Clone)]
pub struct ListSteps {
    reached: Arc<[RwSignal<bool>]>,
    plan: StepPlan,
    count: usize,
    /// How many steps are reached.
    done: RwSignal<usize>,
    /// Drawn whole, a step after each pause: a short list, or a long one its reader asked to see whole.
    whole: RwSignal<bool>,
    /// Drawn as its reader goes (until asked to be drawn whole).
    paced: bool,
}

impl ListSteps {
    /// Starts drawing a list of `count` entries cut by `plan`; a long list as its reader goes.
    pub fn new(count: usize, plan: StepPlan) -> ListSteps {
        ListSteps::start(count, plan, !paced_by_reader(count))
    }

    /// The same, always drawn whole (lists of lines, quick to draw).
    pub fn whole(count: usize, plan: StepPlan) -> ListSteps {
        ListSteps::start(count, plan, true)
    }

    fn start(count: usize, plan: StepPlan, whole: bool) -> ListSteps {
        let reached: Arc<[RwSignal<bool>]> = (0..plan.steps(count)).map(|s| RwSignal::new(s == 0)).collect();
        let life = PageLife::current();
        if let Some(life) = &life {
            life.register(reached.clone());
        }
        let steps = ListSteps {
            reached,
            plan,
            count,
            done: RwSignal::new(1),
            whole: RwSignal::new(whole),
            paced: !whole,
        };
        if steps.reached.len() > 1 {
            let driver = steps.clone();
            leptos::task::spawn_local(async move {
                loop {
                    browser::pause().await;
                    // Stops when the page was left (it is being taken down) or the list is gone (its
                    // signals went with it).
                    if life.as_ref().is_some_and(PageLife::is_left) {
                        return;
                    }
                    let Some(whole) = driver.whole.try_get_untracked() else { return };
                    if !whole && !browser::near_page_end() {
                        browser::sleep(READER_POLL_MS).await;
                        continue;
                    }
                    if !driver.reach_next() {
                        return;
                    }
                }
            });
        }
        steps
    }

    /// Draws the next step; `false` once the list is complete or gone.
    pub fn reach_next(&self) -> bool {
        let Some(k) = self.done.try_get_untracked() else { return false };
        let Some(step) = self.reached.get(k) else { return false };
        if step.try_set(true).is_some() || self.done.try_set(k + 1).is_some() {
            return false;
        }
        k + 1 < self.reached.len()
    }

    /// How many entries are drawn, followed: for a list whose entries a keyed `For` draws (the first
    /// [`ListSteps::drawn`] of them), so that a change of one entry redraws that entry alone.
    pub fn drawn(&self) -> usize {
        self.done.try_get().map_or(0, |done| self.plan.shown(done, self.count))
    }

    /// How many entries are drawn (`None` once the list is gone).
    pub fn shown(&self) -> Option<usize> {
        self.done.try_get_untracked().map(|done| self.plan.shown(done, self.count))
    }

    /// Entry `index` that follows `source` through its own `item` ([`follow_drawn`]): drawn by `draw`
    /// once its step is reached, with the value `source` has then.
    pub fn entry_following<T, V>(
        &self,
        index: usize,
        source: RwSignal<T>,
        item: RwSignal<T>,
        draw: impl Fn() -> V + Send + Sync + 'static,
    ) -> impl IntoView
    where
        T: Clone + PartialEq + Send + Sync + 'static,
        V: IntoView + 'static,
    {
        self.entry(index, move || {
            let now = source.get_untracked();
            if item.get_untracked() != now {
                item.set(now);
            }
            draw()
        })
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

/// One list's steps are the same steps (for a `Memo` that starts them when the list's length changes).
impl PartialEq for ListSteps {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.reached, &other.reached)
    }
}

/// The words under a list drawn as its reader goes, by what it lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShownWords {
    of: Msg,
    all: Msg,
    on_scroll: Msg,
    more: Msg,
    every: Msg,
}

/// A list of PKs (Beranda, Rekapitulasi, Capaian).
pub const SHOWN_PKS: ShownWords = ShownWords {
    of: Msg::ShownOf,
    all: Msg::ShownAll,
    on_scroll: Msg::ShownOnScroll,
    more: Msg::ShowMoreRows,
    every: Msg::ShowAll,
};

/// A list of offices (Pemantauan).
pub const SHOWN_OFFICES: ShownWords = ShownWords {
    of: Msg::ShownOfOffices,
    all: Msg::ShownAllOffices,
    on_scroll: Msg::ShownOnScrollOffices,
    more: Msg::ShowMoreOffices,
    every: Msg::ShowAllOffices,
};

/// Under a list drawn as its reader goes (the list's [`ListSteps`] put in `list`): how much of it is shown,
/// and buttons to show the next step or the whole list, until it is whole. Keyboard focus moves to the
/// line when the buttons go (the whole list asked for, or its last step shown).
#[component]
pub fn MoreShown(
    list: RwSignal<Option<ListSteps>>,
    id: &'static str,
    #[prop(default = SHOWN_PKS)] words: ShownWords,
) -> impl IntoView {
    let i18n = expect_context::<Language>();
    let line = format!("{id}-line");
    move || {
        let steps = list.get().filter(|s| s.paced)?;
        let (done, whole, count, plan) = (steps.done, steps.whole, steps.count, steps.plan);
        let shown = move || plan.shown(done.get(), count);
        let number = move |n: usize| format::number(n.into(), i18n.lang.get());
        let complete = move || shown() >= count;
        // Nothing left to ask for: the whole list is asked for, or drawn.
        let settled = move || whole.get() || complete();
        let (next, to_line, all_line) = (steps.clone(), line.clone(), line.clone());
        Some(view! {
            <div class="more-shown" id=id>
                <p id=line.clone() tabindex="-1">
                    {move || if complete() {
                        fill(i18n.t(words.all), &[("total", &number(count))])
                    } else {
                        fill(i18n.t(words.of), &[("shown", &number(shown())), ("total", &number(count))])
                    }}
                    // Not printed: paper does not scroll.
                    <span class="no-print" hidden=settled>" "{move || i18n.t(words.on_scroll)}</span>
                </p>
                <p class="toolbar no-print" hidden=settled>
                    <button type="button" class="more-next" on:click=move |_| {
                        if !next.reach_next() {
                            browser::focus(&to_line);
                        }
                    }>
                        {move || fill(i18n.t(words.more), &[("n", &number(plan.size.min(count - shown()))), ("total", &number(count))])}
                    </button>
                    <button type="button" class="more-all" on:click=move |_| {
                        whole.set(true);
                        browser::focus(&all_line);
                    }>
                        {move || fill(i18n.t(words.every), &[("total", &number(count))])}
                    </button>
                </p>
            </div>
        })
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
    let steps = ListSteps::whole(groups.len(), StepPlan { first: 1, size: 1 });
    groups
        .into_iter()
        .enumerate()
        .map(move |(i, group)| {
            let draw = draw.clone();
            steps.entry(i, move || draw(group.clone()))
        })
        .collect_view()
}

/// Passes each change of `source` on to the entries of a list drawn in `steps` (`items`, one signal per
/// entry), `per_pause` entries at a time with a pause between: from the entry `in_view()` answers (where
/// the reader is) down to the last one drawn, then the ones above it. The entries start with the value
/// shown, so only changes are passed on. Only entries drawn are followed: an entry drawn later takes the
/// value of `source` as it is drawn ([`ListSteps::entry_following`]). A newer change, the page left, or the
/// entries gone with their list, stops the one under way. The items stay in place while they follow (and
/// the reader's scroll position with them).
pub fn follow_drawn<T>(
    source: RwSignal<T>,
    items: Arc<[RwSignal<T>]>,
    steps: ListSteps,
    per_pause: usize,
    in_view: impl Fn() -> usize + Clone + Send + Sync + 'static,
) where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let runs = Runs::new();
    Effect::new(move |before: Option<()>| {
        let value = source.get();
        if before.is_none() {
            return;
        }
        let (run, items, steps, in_view) = (runs.start(), items.clone(), steps.clone(), in_view.clone());
        leptos::task::spawn_local(async move {
            let first = in_view();
            let mut started = false;
            for (from, to) in [(first, usize::MAX), (0, first)] {
                let mut next = from;
                loop {
                    let Some(drawn) = steps.shown() else { return };
                    let end = drawn.min(to).min(next + per_pause.max(1)).min(items.len());
                    if next >= end {
                        break;
                    }
                    if started {
                        browser::pause().await;
                        if run.stopped() {
                            return;
                        }
                    }
                    started = true;
                    for item in &items[next..end] {
                        if item.try_get_untracked().is_some_and(|v| v != value)
                            && item.try_set(value.clone()).is_some()
                        {
                            return;
                        }
                    }
                    next = end;
                }
            }
        });
    });
}
