//! The planner's overview filter: only the PKs that need work. One signal for Beranda, Rekapitulasi
//! and Pohon kinerja: set on one page, it holds on the others until it is cleared.

use leptos::prelude::*;

/// Whether only the PKs that need work are listed ([`crate::core::model::status::Status::needs_work`]).
#[derive(Clone, Copy)]
pub struct OnlyWork(pub RwSignal<bool>);

pub fn provide_only_work() {
    provide_context(OnlyWork(RwSignal::new(false)));
}
