//! Keyed notifications, so a keystroke wakes only the part of the editor it changed.
//!
//! Leptos re-checks every effect downstream of a changed memo. With one memo for the whole agreement,
//! typing one character woke the effects of all 59 indicator rows and every field's validation
//! message (~15 ms for the Sekretaris PK, see the README's benchmark). Here each part tracks its own
//! key, and one effect per source compares the old and new values and notifies only the keys whose
//! data changed. No state is copied: parts still read the data from the memos, untracked.

use leptos::prelude::*;
use std::collections::HashMap;
use std::hash::Hash;

/// A trigger per key.
pub struct Keyed<K: Send + Sync + 'static> {
    triggers: StoredValue<HashMap<K, ArcTrigger>>,
}

impl<K: Send + Sync + 'static> Clone for Keyed<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Send + Sync + 'static> Copy for Keyed<K> {}

impl<K: Hash + Eq + Clone + Send + Sync + 'static> Keyed<K> {
    pub fn new() -> Self {
        Keyed { triggers: StoredValue::new(HashMap::new()) }
    }

    /// Makes the running memo or effect depend on `key` (only).
    pub fn track(&self, key: &K) {
        let trigger =
            self.triggers.try_update_value(|m| m.entry(key.clone()).or_insert_with(ArcTrigger::new).clone());
        if let Some(t) = trigger {
            t.track();
        }
    }

    pub fn notify(&self, key: &K) {
        if let Some(t) = self.triggers.with_value(|m| m.get(key).cloned()) {
            t.notify();
        }
    }

    /// Watches `source` and notifies the keys `changed` reports between its previous and new value.
    pub fn follow<T: Clone + Send + Sync + 'static>(
        self,
        source: impl Fn() -> T + 'static,
        changed: impl Fn(&T, &T) -> Vec<K> + 'static,
    ) {
        Effect::new(move |previous: Option<T>| {
            let now = source();
            if let Some(before) = &previous {
                for key in changed(before, &now) {
                    self.notify(&key);
                }
            }
            now
        });
    }
}
