//! Messages to the user: each shown until dismissed (errors) or for a few seconds, about one page or
//! about the whole app.

use super::browser;
use super::nav::Nav;
use crate::core::route::Route;
use leptos::prelude::*;

/// How a notice looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Error,
}

/// A message to the user, shown until dismissed (errors) or for a few seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    /// The page (route href) it is about; it goes when the user leaves that page. `None`: about the
    /// whole app (saving failed, another tab), shown on every page.
    pub page: Option<String>,
    /// Notices with the same key replace each other instead of piling up (two downloads).
    pub key: Option<&'static str>,
}

/// The notices shown. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Notices {
    /// The notices shown, oldest first (read-only: the methods below change them).
    pub list: ReadSignal<Vec<Notice>>,
    write: WriteSignal<Vec<Notice>>,
    next: StoredValue<u64>,
    nav: Nav,
}

/// No notices yet, provided to the component tree.
pub fn provide_notices(nav: Nav) -> Notices {
    let (list, write) = signal(Vec::new());
    let notices = Notices { list, write, next: StoredValue::new(0), nav };
    provide_context(notices);
    notices
}

impl Notices {
    /// Shows a notice about the current page; info and success disappear after a while, errors stay
    /// until dismissed or until the user leaves the page.
    pub fn notify(&self, kind: NoticeKind, text: String) {
        let page = self.nav.route.with_untracked(Route::href);
        self.push(kind, text, Some(page), None);
    }

    /// The same, replacing an earlier notice with the same key (a second download replaces the first).
    pub fn notify_keyed(&self, key: &'static str, kind: NoticeKind, text: String) {
        let page = self.nav.route.with_untracked(Route::href);
        self.push(kind, text, Some(page), Some(key));
    }

    /// A notice about the whole app (saving failed, another tab saved): it stays across pages.
    pub fn notify_global(&self, kind: NoticeKind, text: String) {
        self.push(kind, text, None, None);
    }

    /// Goes to `href` and shows a notice there (not on the page being left).
    pub fn go_and_notify(&self, href: &str, kind: NoticeKind, text: String) {
        let page = Route::parse(href).href();
        self.push(kind, text, Some(page), None);
        browser::go(href);
    }

    fn push(&self, kind: NoticeKind, text: String, page: Option<String>, key: Option<&'static str>) {
        let id = self
            .next
            .try_update_value(|n| {
                *n += 1;
                *n
            })
            .unwrap_or_default();
        self.write.update(|n| {
            if key.is_some() {
                n.retain(|x| x.key != key);
            }
            // A success on a page ends the errors that came before it there (the same action tried
            // again, now done): an old error must not stand beside the news that it worked.
            if kind == NoticeKind::Success && page.is_some() {
                n.retain(|x| !(x.kind == NoticeKind::Error && x.page == page));
            }
            n.push(Notice { id, kind, text, page, key })
        });
        if kind != NoticeKind::Error {
            let write = self.write;
            set_timeout(
                move || {
                    write.try_update(|n| n.retain(|x| x.id != id));
                },
                std::time::Duration::from_millis(6000),
            );
        }
    }

    /// The user moved to another page: notices about other pages go.
    pub fn page_changed(&self) {
        let here = self.nav.route.with_untracked(Route::href);
        let stale =
            self.list.with_untracked(|n| n.iter().any(|x| x.page.as_ref().is_some_and(|p| *p != here)));
        if stale {
            self.write.update(|n| n.retain(|x| x.page.as_ref().is_none_or(|p| *p == here)));
        }
    }

    pub fn dismiss(&self, id: u64) {
        self.write.update(|n| n.retain(|x| x.id != id));
    }
}
