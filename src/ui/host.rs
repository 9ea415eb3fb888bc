//! The page in `<main>`, and taking a page down when it is left. A page is drawn under an owner of its
//! own, so leaving it does not dispose it at once: it is taken off the screen in the same frame, and its
//! lists are taken down afterwards a step at a time, the last step first, then the rest of it. Taken down
//! in one go, a rollup of 120 cards costs the switch a frame and a national one (5 520) holds the page
//! for half a second.

use crate::ui::services::browser;
use leptos::prelude::*;
use leptos::tachys::view::{any_view::AnyViewState, Mountable, Render};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// One page's life: whether it was left, and the lists drawn in steps on it (to be taken down the same
/// way). Provided to everything on the page.
#[derive(Clone, Default)]
pub struct PageLife(Arc<LifeInner>);

#[derive(Default)]
struct LifeInner {
    left: AtomicBool,
    lists: Mutex<Vec<Arc<[RwSignal<bool>]>>>,
}

impl PageLife {
    /// The page this code runs on, if it is drawn by the host.
    pub fn current() -> Option<PageLife> {
        use_context::<PageLife>()
    }

    /// Whether the page was left: work for it stops.
    pub fn is_left(&self) -> bool {
        self.0.left.load(Ordering::Relaxed)
    }

    /// A list drawn in steps (one signal per step, set once the step is drawn).
    pub fn register(&self, steps: Arc<[RwSignal<bool>]>) {
        if let Ok(mut lists) = self.0.lists.lock() {
            // A list drawn again leaves its old steps behind, already disposed.
            lists.retain(|l| l.first().is_some_and(|s| s.try_get_untracked().is_some()));
            lists.push(steps);
        }
    }

    fn take_lists(&self) -> Vec<Arc<[RwSignal<bool>]>> {
        self.0.lists.lock().map(|mut l| std::mem::take(&mut *l)).unwrap_or_default()
    }
}

/// Work done again on every change of what it reads, in steps: each start makes the run under way
/// stale, and a run also stops once its page is left or gone.
#[derive(Clone)]
pub struct Runs {
    latest: StoredValue<u64>,
    life: Option<PageLife>,
}

/// One run of [`Runs`].
pub struct Run {
    runs: Runs,
    number: u64,
}

impl Runs {
    /// For the page this code runs on.
    pub fn new() -> Runs {
        Runs { latest: StoredValue::new(0), life: PageLife::current() }
    }

    /// A new run; the one under way is stale from now on.
    pub fn start(&self) -> Run {
        let number = self.latest.get_value() + 1;
        self.latest.set_value(number);
        Run { runs: self.clone(), number }
    }
}

impl Run {
    /// Whether this run should stop: a newer one started, or its page was left or is gone.
    pub fn stopped(&self) -> bool {
        self.runs.life.as_ref().is_some_and(PageLife::is_left)
            || self.runs.latest.try_get_value() != Some(self.number)
    }
}

struct Shown {
    owner: Owner,
    life: PageLife,
    state: AnyViewState,
}

/// Draws `draw` in `main` each time `track` reads a change, each page under its own owner (a child of
/// the app's, so that it sees the app's context); the page before is taken down in steps.
pub fn host(
    main: NodeRef<leptos::html::Main>,
    track: impl Fn() + 'static,
    draw: impl Fn() -> AnyView + 'static,
) {
    let Some(shell) = Owner::current() else { return };
    let shown: StoredValue<Option<Shown>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        track();
        let Some(parent) = main.get() else { return };
        let owner = shell.child();
        let life = PageLife::default();
        let mut state = owner.with(|| {
            provide_context(life.clone());
            untrack(|| draw().build())
        });
        if let Some(old) = shown.try_update_value(Option::take).flatten() {
            take_down(old);
        }
        state.mount(&parent, None);
        shown.set_value(Some(Shown { owner, life, state }));
    });
}

/// Off the screen now; then its lists' steps undone one after another, each after a pause (every card
/// of a step disposed and taken out of the detached page), then the rest of the page.
fn take_down(mut old: Shown) {
    old.state.unmount();
    old.life.0.left.store(true, Ordering::Relaxed);
    leptos::task::spawn_local(async move {
        for list in old.life.take_lists() {
            for step in list.iter().skip(1).rev() {
                if step.try_get_untracked() == Some(true) {
                    browser::pause().await;
                    let _ = step.try_set(false);
                }
            }
        }
        browser::pause().await;
        let Shown { owner, state, .. } = old;
        drop(state);
        drop(owner);
    });
}
