//! What the pages share: the app state (`state`, the one workspace signal), small browser wrappers,
//! downloads, the public view's published data and its context, and the service worker.

pub mod browser;
pub mod clock;
pub mod export;
pub mod offline;
pub mod picture;
pub mod published;
pub mod state;
