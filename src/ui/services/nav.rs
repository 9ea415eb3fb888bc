//! Where the user is: the route (from the URL hash, or the static page the app took over), and whether that is the public, read-only view.

use crate::core::route::Route;
use leptos::prelude::*;

/// The current route. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Nav {
    pub route: RwSignal<Route>,
}

/// The route of the page's URL, provided to the component tree.
pub fn provide_nav() -> Nav {
    let nav = Nav { route: RwSignal::new(super::browser::route()) };
    provide_context(nav);
    nav
}

impl Nav {
    /// The public view: nothing is changed or written.
    pub fn read_only(&self) -> bool {
        self.route.with_untracked(|r| r.public)
    }
}
