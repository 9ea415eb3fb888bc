//! The smallest Leptos page (one paragraph), built by `make bench` with the app's own release settings:
//! Kinerja's first render is reported as a ratio to this page's start in the same run, so the
//! machine's speed cancels out.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p id="trivial">"Kinerja"</p> });
}
