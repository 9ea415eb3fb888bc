//! Routes live in the URL hash (`#/pk/<id>`), so deep links work on any static host, under any
//! sub-path, with no server rewrite rules. Pure: parsing and formatting are tested natively.
//!
//! | hash                         | page                                      |
//! |------------------------------|-------------------------------------------|
//! | `#/` or `#/tahun/2024`       | the cascade of a year                     |
//! | `#/pk/<id>`                  | one agreement as a document               |
//! | `#/pk/<id>/ubah`             | the same agreement in the editor          |
//! | `#/pk/<id>/versi/<n>`        | a signed version (0 = original), compared with another |
//! | `#/pk/<id>/turunkan`         | create a lower PK from this one (cascade) |
//! | `#/pk/<id>/realisasi`        | enter the Rencana Aksi and realisasi of a PK |
//! | `#/pk/<id>/lkj`              | the PK's LKj table (capaian), printable   |
//! | `#/capaian/2024[/<id>]`      | capaian of a year (or a subtree), every level |
//! | `#/rollup/2024`              | the rollup of a year                      |
//! | `#/pohon/2024[/<id>]`        | the pohon kinerja (tree) of a year or a subtree |
//! | `#/rollup/2024/<id>`         | the rollup of one PK and its subtree      |
//! | `#/data`                     | import, export and storage                |
//! | `#/renstra`                  | the offices' Renstra and IKU              |
//! | `#/publik/...`               | the same pages, read-only, from published files |
//!
//! Publishing also writes the public pages as static HTML files next to `index.html` (`core::html`):
//! `publik.html` (the list), `publik-pk-<id>.html` (a PK as its document), `publik-lkj-<id>.html` (its
//! LKj table). The app loaded on one of them shows the same page: with no hash, the route is read from
//! the file's name ([`Route::locate`]); every hash route keeps working as before.

use crate::core::model::element::ElementId;
use crate::core::model::AgreementId;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home {
        year: Option<i32>,
    },
    Agreement {
        id: AgreementId,
        edit: bool,
    },
    Cascade {
        id: AgreementId,
    },
    /// A signed version of an agreement (0: as first signed; n: Perubahan ke-n).
    Version {
        id: AgreementId,
        number: u32,
    },
    /// Entering the Rencana Aksi and the realisasi (staff only).
    Measure {
        id: AgreementId,
    },
    /// The LKj table of one PK.
    Lkj {
        id: AgreementId,
    },
    /// Capaian through the cascade.
    Capaian {
        year: Option<i32>,
        root: Option<AgreementId>,
    },
    Rollup {
        year: Option<i32>,
        root: Option<AgreementId>,
    },
    /// The pohon kinerja.
    Tree {
        year: Option<i32>,
        root: Option<AgreementId>,
    },
    Data,
    /// The offices' Renstra and IKU (staff only).
    Renstra,
    /// The monitoring grid of a year (staff only).
    Monitor {
        year: Option<i32>,
    },
    NotFound,
}

/// A page, and whether it is the public (read-only) view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub public: bool,
    pub page: Page,
}

impl Route {
    pub fn staff(page: Page) -> Self {
        Route { public: false, page }
    }

    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let mut parts: Vec<String> = path.split('/').filter(|p| !p.is_empty()).map(decode).collect();
        let public = parts.first().is_some_and(|p| p == "publik");
        if public {
            parts.remove(0);
        }
        let year = |s: &str| s.parse::<i32>().ok().filter(|y| crate::core::model::YEARS.contains(y));
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let page = match parts.as_slice() {
            [] => Page::Home { year: None },
            ["tahun", y] => match year(y) {
                Some(y) => Page::Home { year: Some(y) },
                None => Page::NotFound,
            },
            ["pk", id] => Page::Agreement { id: AgreementId::new(*id), edit: false },
            ["pk", id, "ubah"] if !public => Page::Agreement { id: AgreementId::new(*id), edit: true },
            ["pk", id, "versi", n] => match n.parse::<u32>() {
                Ok(number) if number < 1000 => Page::Version { id: AgreementId::new(*id), number },
                _ => Page::NotFound,
            },
            ["pk", id, "turunkan"] if !public => Page::Cascade { id: AgreementId::new(*id) },
            ["pk", id, "realisasi"] if !public => Page::Measure { id: AgreementId::new(*id) },
            ["pk", id, "lkj"] => Page::Lkj { id: AgreementId::new(*id) },
            ["capaian"] => Page::Capaian { year: None, root: None },
            ["capaian", y] => match year(y) {
                Some(y) => Page::Capaian { year: Some(y), root: None },
                None => Page::NotFound,
            },
            ["capaian", y, id] => match year(y) {
                Some(y) => Page::Capaian { year: Some(y), root: Some(AgreementId::new(*id)) },
                None => Page::NotFound,
            },
            ["rollup"] => Page::Rollup { year: None, root: None },
            ["rollup", y] => match year(y) {
                Some(y) => Page::Rollup { year: Some(y), root: None },
                None => Page::NotFound,
            },
            ["rollup", y, id] => match year(y) {
                Some(y) => Page::Rollup { year: Some(y), root: Some(AgreementId::new(*id)) },
                None => Page::NotFound,
            },
            ["pohon"] => Page::Tree { year: None, root: None },
            ["pohon", y] => match year(y) {
                Some(y) => Page::Tree { year: Some(y), root: None },
                None => Page::NotFound,
            },
            ["pohon", y, id] => match year(y) {
                Some(y) => Page::Tree { year: Some(y), root: Some(AgreementId::new(*id)) },
                None => Page::NotFound,
            },
            ["data"] if !public => Page::Data,
            ["renstra"] if !public => Page::Renstra,
            // In the public view too: the page says so when the published data does not show the grid.
            ["pemantauan"] => Page::Monitor { year: None },
            ["pemantauan", y] => match year(y) {
                Some(y) => Page::Monitor { year: Some(y) },
                None => Page::NotFound,
            },
            _ => Page::NotFound,
        };
        Route { public, page }
    }

    /// The hash for this route, starting with `#/`.
    pub fn href(&self) -> String {
        let prefix = if self.public { "#/publik" } else { "#" };
        let path = match &self.page {
            Page::Home { year: None } => "/".to_string(),
            Page::Home { year: Some(y) } => format!("/tahun/{y}"),
            Page::Agreement { id, edit: false } => format!("/pk/{}", encode(id.as_str())),
            Page::Agreement { id, edit: true } => format!("/pk/{}/ubah", encode(id.as_str())),
            Page::Cascade { id } => format!("/pk/{}/turunkan", encode(id.as_str())),
            Page::Version { id, number } => format!("/pk/{}/versi/{number}", encode(id.as_str())),
            Page::Measure { id } => format!("/pk/{}/realisasi", encode(id.as_str())),
            Page::Lkj { id } => format!("/pk/{}/lkj", encode(id.as_str())),
            Page::Capaian { year: None, .. } => "/capaian".to_string(),
            Page::Capaian { year: Some(y), root: None } => format!("/capaian/{y}"),
            Page::Capaian { year: Some(y), root: Some(id) } => {
                format!("/capaian/{y}/{}", encode(id.as_str()))
            }
            Page::Rollup { year: None, .. } => "/rollup".to_string(),
            Page::Rollup { year: Some(y), root: None } => format!("/rollup/{y}"),
            Page::Rollup { year: Some(y), root: Some(id) } => format!("/rollup/{y}/{}", encode(id.as_str())),
            Page::Tree { year: None, .. } => "/pohon".to_string(),
            Page::Tree { year: Some(y), root: None } => format!("/pohon/{y}"),
            Page::Tree { year: Some(y), root: Some(id) } => format!("/pohon/{y}/{}", encode(id.as_str())),
            Page::Data => "/data".to_string(),
            Page::Renstra => "/renstra".to_string(),
            Page::Monitor { year: None } => "/pemantauan".to_string(),
            Page::Monitor { year: Some(y) } => format!("/pemantauan/{y}"),
            Page::NotFound => "/".to_string(),
        };
        if self.public && path == "/" {
            return "#/publik".to_string();
        }
        format!("{prefix}{path}")
    }

    /// The static file of the public view's page, when it has one (`publik-pk-<id>.html`).
    pub fn static_file(&self) -> Option<String> {
        if !self.public {
            return None;
        }
        match &self.page {
            Page::Home { year: None } => Some("publik.html".to_string()),
            Page::Agreement { id, edit: false } => Some(format!("publik-pk-{}.html", file_part(id.as_str()))),
            Page::Lkj { id } => Some(format!("publik-lkj-{}.html", file_part(id.as_str()))),
            _ => None,
        }
    }

    /// The route of a static page's file name (the last part of a path), if it is one.
    pub fn of_static_file(path: &str) -> Option<Route> {
        let name = path.rsplit('/').next().unwrap_or_default();
        let stem = name.strip_suffix(".html")?;
        let page = if stem == "publik" {
            Page::Home { year: None }
        } else if let Some(id) = stem.strip_prefix("publik-pk-") {
            Page::Agreement { id: AgreementId::new(from_file_part(id)?), edit: false }
        } else if let Some(id) = stem.strip_prefix("publik-lkj-") {
            Page::Lkj { id: AgreementId::new(from_file_part(id)?) }
        } else if stem.starts_with("publik-kantor") {
            Page::Home { year: None }
        } else {
            return None;
        };
        Some(Route { public: true, page })
    }

    /// The route of the page's address: its hash, or when it has none, the static page it is
    /// (`publik-pk-<id>.html`), so the app takes over a static page on the same address.
    pub fn locate(path: &str, hash: &str) -> Route {
        let bare = hash.trim_start_matches('#').is_empty();
        match Route::of_static_file(path) {
            Some(route) if bare => route,
            _ => Route::parse(hash),
        }
    }
}

/// An id as part of a file name: letters, digits, `-` and `.` kept, every other byte `_XX` (hex).
pub fn file_part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' => out.push(b as char),
            _ => out.push_str(&format!("_{b:02X}")),
        }
    }
    out
}

/// Reverses [`file_part`]; `None` for a name it cannot have made.
pub fn from_file_part(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'_' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.is_empty())
}

/// A link that also asks the page to focus (and scroll to) an element: `#/pk/x/ubah?fokus=<element id>`.
pub fn with_focus(href: &str, element: &ElementId) -> String {
    format!("{href}?fokus={}", encode(&element.to_string()))
}

/// The element a link asked to focus, if any (and if it names one).
pub fn focus_of(hash: &str) -> Option<ElementId> {
    let (_, query) = hash.split_once('?')?;
    query.split('&').find_map(|kv| kv.strip_prefix("fokus=")).map(decode).and_then(|s| ElementId::parse(&s))
}

/// Percent-encodes everything except unreserved characters, so any id survives in a path segment.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Reverses [`encode`]; malformed escapes are kept as written.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::model::testing::aid;

    #[test]
    fn parses_every_page() {
        assert_eq!(Route::parse("#/renstra"), Route::staff(Page::Renstra));
        assert_eq!(Route::parse("#/publik/renstra").page, Page::NotFound);
        assert_eq!(Route::staff(Page::Renstra).href(), "#/renstra");
        assert_eq!(Route::parse(""), Route::staff(Page::Home { year: None }));
        assert_eq!(Route::parse("#/"), Route::staff(Page::Home { year: None }));
        assert_eq!(Route::parse("#/tahun/2024"), Route::staff(Page::Home { year: Some(2024) }));
        assert_eq!(Route::parse("#/pk/abc"), Route::staff(Page::Agreement { id: aid("abc"), edit: false }));
        assert_eq!(
            Route::parse("#/publik/pk/abc/versi/1"),
            Route { public: true, page: Page::Version { id: aid("abc"), number: 1 } }
        );
        assert_eq!(Route::parse("#/pk/abc/versi/x").page, Page::NotFound);
        assert_eq!(
            Route::parse("#/publik/pohon/2024"),
            Route { public: true, page: Page::Tree { year: Some(2024), root: None } }
        );
        assert_eq!(
            Route::staff(Page::Tree { year: Some(2024), root: Some(aid("x")) }).href(),
            "#/pohon/2024/x"
        );
        assert_eq!(Route::staff(Page::Version { id: aid("a b"), number: 2 }).href(), "#/pk/a%20b/versi/2");
        assert_eq!(
            Route::parse("#/pk/abc/ubah"),
            Route::staff(Page::Agreement { id: aid("abc"), edit: true })
        );
        assert_eq!(
            Route::parse("#/rollup/2024"),
            Route::staff(Page::Rollup { year: Some(2024), root: None })
        );
        assert_eq!(
            Route::parse("#/rollup/2024/abc"),
            Route::staff(Page::Rollup { year: Some(2024), root: Some(aid("abc")) })
        );
        assert_eq!(Route::parse("#/data"), Route::staff(Page::Data));
        assert_eq!(Route::parse("#/pemantauan/2024"), Route::staff(Page::Monitor { year: Some(2024) }));
        assert_eq!(Route::staff(Page::Monitor { year: None }).href(), "#/pemantauan");
        assert_eq!(
            Route::parse("#/publik/pemantauan/2024"),
            Route { public: true, page: Page::Monitor { year: Some(2024) } }
        );
        assert_eq!(Route { public: true, page: Page::Monitor { year: None } }.href(), "#/publik/pemantauan");
        assert_eq!(Route::parse("#/pk/abc/turunkan"), Route::staff(Page::Cascade { id: aid("abc") }));
        assert_eq!(Route::parse("#/pk/abc/realisasi"), Route::staff(Page::Measure { id: aid("abc") }));
        assert_eq!(Route::parse("#/pk/abc/lkj"), Route::staff(Page::Lkj { id: aid("abc") }));
        assert_eq!(
            Route::parse("#/capaian/2024/abc"),
            Route::staff(Page::Capaian { year: Some(2024), root: Some(aid("abc")) })
        );
        assert_eq!(Route::parse("#/capaian"), Route::staff(Page::Capaian { year: None, root: None }));
        assert_eq!(Route::staff(Page::Cascade { id: aid("a b") }).href(), "#/pk/a%20b/turunkan");
        assert_eq!(Route::parse("#/nothing/here"), Route::staff(Page::NotFound));
        assert_eq!(Route::parse("#/tahun/abc"), Route::staff(Page::NotFound));
    }

    #[test]
    fn public_routes_are_read_only() {
        let r = Route::parse("#/publik/pk/abc");
        assert!(r.public);
        assert_eq!(r.page, Page::Agreement { id: aid("abc"), edit: false });
        assert_eq!(Route::parse("#/publik/pk/abc/ubah").page, Page::NotFound);
        assert_eq!(Route::parse("#/publik/data").page, Page::NotFound);
        assert_eq!(Route::parse("#/publik/pk/abc/turunkan").page, Page::NotFound);
        assert_eq!(
            Route::parse("#/publik/pk/abc/realisasi").page,
            Page::NotFound,
            "entering realisasi is for staff"
        );
        assert_eq!(Route::parse("#/publik/pk/abc/lkj").page, Page::Lkj { id: aid("abc") });
        assert_eq!(
            Route::parse("#/publik/capaian/2024").page,
            Page::Capaian { year: Some(2024), root: None }
        );
        assert_eq!(Route::parse("#/publik"), Route { public: true, page: Page::Home { year: None } });
    }

    #[test]
    fn href_and_parse_round_trip_for_any_id() {
        let ids = ["kpu-maluku-2024-sekretaris", "a/b c?d#e%f", "ümlaut-ä", "%é"];
        for raw in ids {
            for public in [false, true] {
                let route = Route { public, page: Page::Agreement { id: aid(raw), edit: false } };
                assert_eq!(Route::parse(&route.href()), route, "{raw:?} -> {}", route.href());
            }
            let r = Route::staff(Page::Rollup { year: Some(2024), root: Some(aid(raw)) });
            assert_eq!(Route::parse(&r.href()), r);
            for page in [
                Page::Measure { id: aid(raw) },
                Page::Lkj { id: aid(raw) },
                Page::Capaian { year: Some(2024), root: Some(aid(raw)) },
            ] {
                assert_eq!(Route::parse(&Route::staff(page.clone()).href()), Route::staff(page));
            }
        }
        assert_eq!(Route::staff(Page::Home { year: None }).href(), "#/");
        assert_eq!(Route { public: true, page: Page::Home { year: None } }.href(), "#/publik");
    }

    #[test]
    fn focus_requests_ride_along_with_any_route() {
        let href = with_focus(
            &Route::staff(Page::Agreement { id: aid("a/b"), edit: true }).href(),
            &ElementId::Target(crate::core::model::IndicatorId::new("x/1")),
        );
        assert!(href.ends_with("?fokus=ind-x%2F1-target"), "{href}");
        assert_eq!(Route::parse(&href), Route::staff(Page::Agreement { id: aid("a/b"), edit: true }));
        assert_eq!(focus_of(&href), Some(ElementId::Target(crate::core::model::IndicatorId::new("x/1"))));
        assert_eq!(focus_of("#/pk/a/ubah"), None);
    }

    #[test]
    fn static_pages_and_routes_agree() {
        for raw in ["kpu-maluku-2024-sekretaris", "a/b c?d#e%f_g", "ümlaut-ä"] {
            for page in [Page::Agreement { id: aid(raw), edit: false }, Page::Lkj { id: aid(raw) }] {
                let route = Route { public: true, page };
                let file = route.static_file().unwrap();
                assert!(file.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b)), "{file}");
                assert_eq!(Route::of_static_file(&format!("/kinerja/{file}")), Some(route.clone()));
                // With no hash the file's page; a hash wins (links inside the app).
                assert_eq!(Route::locate(&format!("/kinerja/{file}"), ""), route);
                assert_eq!(Route::locate(&format!("/{file}"), "#"), route);
                assert_eq!(
                    Route::locate(&format!("/{file}"), "#/publik/rollup/2024"),
                    Route::parse("#/publik/rollup/2024")
                );
            }
        }
        assert_eq!(Route::staff(Page::Agreement { id: aid("x"), edit: false }).static_file(), None);
        let list = Route { public: true, page: Page::Home { year: None } };
        assert_eq!(list.static_file().as_deref(), Some("publik.html"));
        assert_eq!(
            Route::of_static_file("publik-pk-a_2Fb.html").unwrap().page,
            Page::Agreement { id: aid("a/b"), edit: false }
        );
        assert_eq!(Route::of_static_file("publik-pk-a_zz.html"), None);
        assert_eq!(Route::locate("/kinerja/", ""), Route::parse(""));
        assert_eq!(Route::locate("/kinerja/index.html", "#/pk/x"), Route::parse("#/pk/x"));
    }

    #[test]
    fn decode_keeps_malformed_escapes() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("a%2Fb"), "a/b");
        assert_eq!(decode("%\u{e9}x"), "%\u{e9}x", "no panic on a multi-byte character after %");
    }
}
