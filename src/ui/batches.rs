//! Long lists drawn a batch at a time: the first batch at once, each next one after a pause, so that a
//! national year (552 offices, 5 520 PKs: over a second to draw at once) never holds the page for
//! long. A batch is drawn once; the list is drawn again only when its caller rebuilds it. A change that
//! reaches every item is passed on the same way, one group after another.

use crate::ui::services::browser;
use leptos::prelude::*;

/// Draws each of `groups` with `draw`, in order, one more after each pause.
pub fn in_batches<G, V>(
    groups: Vec<G>,
    draw: impl Fn(G) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    G: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let drawn = RwSignal::new(1usize);
    let count = groups.len();
    if count > 1 {
        leptos::task::spawn_local(async move {
            loop {
                browser::pause().await;
                // Stops when the list is gone (the signal went with it) or complete.
                match drawn.try_update(|d| {
                    *d += 1;
                    *d
                }) {
                    Some(d) if d < count => {}
                    _ => break,
                }
            }
        });
    }
    groups
        .into_iter()
        .enumerate()
        .map(move |(i, group)| {
            let shown = Memo::new(move |_| drawn.get() > i);
            let draw = draw.clone();
            move || shown.get().then(|| draw(group.clone()))
        })
        .collect_view()
}

/// Passes each change of `source` on to `groups` in turn, the first at once and each next one after a
/// pause; the groups start with the value shown, so only changes are passed on. A newer change, or the
/// groups gone with their list, stops the one under way. The items stay in place while they follow (and
/// the reader's scroll position with them).
pub fn follow_in_steps<T>(source: RwSignal<T>, groups: Vec<RwSignal<T>>)
where
    T: Clone + Send + Sync + 'static,
{
    let run = StoredValue::new(0u64);
    Effect::new(move |before: Option<()>| {
        let value = source.get();
        if before.is_none() {
            return;
        }
        let generation = run.get_value() + 1;
        run.set_value(generation);
        let groups = groups.clone();
        leptos::task::spawn_local(async move {
            for (n, group) in groups.into_iter().enumerate() {
                if n > 0 {
                    browser::pause().await;
                }
                if run.try_get_value() != Some(generation) || group.try_set(value.clone()).is_some() {
                    return;
                }
            }
        });
    });
}
