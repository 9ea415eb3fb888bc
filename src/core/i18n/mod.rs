//! UI language and every UI string, Indonesian first.
//!
//! Each message is declared once with both translations; the `messages!` macro makes a missing
//! translation a compile error, and the tests below check that no text is empty and that both
//! languages use the same `{placeholders}`.

use serde::{Deserialize, Serialize};

/// The language of the interface. Data (indicator texts, names) is shown as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// Bahasa Indonesia (default).
    #[default]
    #[serde(rename = "id")]
    Id,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 code, for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }
}

/// Replaces `{name}` placeholders in a translated template. `{name|one|many}` picks a word by the
/// number given for `name` (English plurals: `{n} {n|objective|objectives}`); Indonesian needs none.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            rest = &rest[start..];
            break;
        };
        let inner = &after[..end];
        let mut parts = inner.split('|');
        let name = parts.next().unwrap_or_default();
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => match (parts.next(), parts.next()) {
                (Some(one), Some(many)) => out.push_str(if value.trim() == "1" { one } else { many }),
                _ => out.push_str(value),
            },
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

macro_rules! messages {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A UI message. `Msg::X.text(lang)` gives its text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every message, for the completeness tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The message's name (`ChangeTarget`): stable, for undo steps that survive a reload.
            pub fn key(self) -> &'static str {
                match self { $(Msg::$key => stringify!($key),)* }
            }

            /// The message with this name, if any.
            pub fn from_key(key: &str) -> Option<Msg> {
                Msg::ALL.iter().copied().find(|m| m.key() == key)
            }

            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Id => match self { $(Msg::$key => $id,)* },
                    Lang::En => match self { $(Msg::$key => $en,)* },
                }
            }
        }
    };
}

include!("messages.rs");

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end) => {
                    out.insert(after[..end].split('|').next().unwrap_or_default().to_string());
                    rest = &after[end + 1..];
                }
                None => break,
            }
        }
        out
    }

    #[test]
    fn every_message_has_both_languages_and_same_placeholders() {
        for m in Msg::ALL {
            let id = m.text(Lang::Id);
            let en = m.text(Lang::En);
            assert!(!id.trim().is_empty(), "{m:?} has no Indonesian text");
            assert!(!en.trim().is_empty(), "{m:?} has no English text");
            assert_eq!(placeholders(id), placeholders(en), "{m:?}: placeholders differ");
        }
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("{a} dari {b}", &[("a", "3"), ("b", "10")]), "3 dari 10");
        assert_eq!(fill("{a} {x}", &[("a", "{x}")]), "{x} {x}", "a value is never read as a template");
    }

    #[test]
    fn english_plurals_follow_the_number() {
        let t = "{n} {n|objective|objectives}, {i} {i|indicator|indicators}";
        assert_eq!(fill(t, &[("n", "1"), ("i", "2")]), "1 objective, 2 indicators");
        assert_eq!(fill(t, &[("n", "0"), ("i", "1")]), "0 objectives, 1 indicator");
        assert_eq!(
            fill(Msg::ContentsCount.text(Lang::En), &[("s", "1"), ("i", "1")]),
            "1 objective, 1 indicator"
        );
        assert_eq!(
            fill(Msg::ContentsCount.text(Lang::Id), &[("s", "1"), ("i", "3")]),
            "1 sasaran, 3 indikator"
        );
        let summary = fill(
            Msg::CoverageSummary.text(Lang::En),
            &[("missing", "0"), ("orphans", "0"), ("targets", "1"), ("unconfirmed", "0")],
        );
        assert!(summary.contains("1 differing target,"), "{summary}");
    }

    #[test]
    fn english_says_agreement_not_pk() {
        for m in Msg::ALL {
            let en = m.text(Lang::En);
            assert!(!en.contains("superior's PK"), "{m:?}: {en}");
        }
    }

    #[test]
    fn message_keys_round_trip() {
        assert_eq!(Msg::ChangeTarget.key(), "ChangeTarget");
        for m in Msg::ALL {
            assert_eq!(Msg::from_key(m.key()), Some(*m));
        }
        assert_eq!(Msg::from_key("NoSuchMessage"), None);
    }

    #[test]
    fn language_codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
