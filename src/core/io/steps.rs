//! Reading a large file in steps, so the page can show progress and stay responsive (a national file of
//! 5 520 PKs takes over a second to read in one go). The text is split once into the file without its
//! agreements and the raw text of each agreement; each step reads a batch of agreements; the last
//! step checks the whole file exactly as [`super::file::read`] does. Anything unusual (another version,
//! a problem, JSON the splitter does not follow) is handed to `file::read`, which lists every problem.

use super::file::{self, FileError, Loaded};
use crate::core::model::Agreement;

/// Where the agreements are in a file's text.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The file with an empty `agreements` list.
    pub head: String,
    pub agreements: Vec<&'a str>,
    /// Each agreement's length without the whitespace between tokens (about what it takes in storage).
    pub sizes: Vec<usize>,
}

/// Splits `text` at its top-level `"agreements"` list; `None` when the text is not a JSON object with
/// such a list of objects (then the full reader takes it).
pub fn split(text: &str) -> Option<Split<'_>> {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    let mut key_start = None;
    let mut last_key: Option<(usize, usize)> = None;
    let mut list: Option<(usize, usize)> = None;
    let mut items = Vec::new();
    let mut sizes = Vec::new();
    let mut blanks = 0usize;
    let mut item_start = None;
    while i < bytes.len() {
        let in_list = list.is_some_and(|(_, end)| end == 0);
        match bytes[i] {
            b' ' | b'\n' | b'\r' | b'\t' => blanks += 1,
            // Only objects may be listed.
            b'"' if depth == 2 && in_list => return None,
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 {
                    key_start = Some((start + 1, i));
                }
            }
            b':' if depth == 1 => last_key = key_start.take(),
            b'{' | b'[' => {
                depth += 1;
                if depth == 2
                    && bytes[i] == b'['
                    && last_key.is_some_and(|(s, e)| &text[s..e] == "agreements")
                {
                    list = Some((i, 0));
                } else if depth == 3 && in_list && bytes[i] == b'{' {
                    item_start = Some(i);
                    blanks = 0;
                } else if depth == 3 && in_list {
                    return None;
                }
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 2 && bytes[i] == b'}' {
                    if let Some(s) = item_start.take() {
                        items.push(&text[s..=i]);
                        sizes.push(i + 1 - s - blanks);
                    }
                }
                if depth == 1 && bytes[i] == b']' {
                    if let Some((s, 0)) = list {
                        list = Some((s, i));
                    }
                }
                if depth == 1 {
                    last_key = None;
                }
            }
            b',' => {}
            _ if depth == 2 && in_list => return None,
            _ => {}
        }
        i += 1;
    }
    let (start, end) = list.filter(|(_, end)| *end > 0)?;
    Some(Split { head: format!("{}[]{}", &text[..start], &text[end + 1..]), agreements: items, sizes })
}

/// A file being read in steps.
pub struct Steps<'a> {
    text: &'a str,
    head: Loaded,
    items: Vec<&'a str>,
    sizes: Vec<usize>,
    read: Vec<Agreement>,
    failed: bool,
}

impl<'a> Steps<'a> {
    /// Starts reading; files of another version or that do not split are read at once.
    pub fn new(text: &'a str) -> Result<Steps<'a>, Box<Result<Loaded, FileError>>> {
        let Some(parts) = split(text) else { return Err(Box::new(file::read(text))) };
        match file::read(&parts.head) {
            Ok(head) if head.meta.version == file::VERSION => Ok(Steps {
                text,
                head,
                items: parts.agreements,
                sizes: parts.sizes,
                read: Vec::new(),
                failed: false,
            }),
            _ => Err(Box::new(file::read(text))),
        }
    }

    pub fn total(&self) -> usize {
        self.items.len()
    }

    /// Each agreement's size without whitespace (for the storage estimate).
    pub fn sizes(&self) -> &[usize] {
        &self.sizes
    }

    pub fn done(&self) -> usize {
        self.read.len()
    }

    /// Reads up to `n` more agreements; false when all are read.
    pub fn step(&mut self, n: usize) -> bool {
        let start = self.read.len();
        for raw in self.items.iter().skip(start).take(n) {
            match serde_json::from_str::<Agreement>(raw) {
                Ok(a) => self.read.push(a),
                Err(_) => {
                    self.failed = true;
                    self.read.push(Agreement::blank(crate::core::model::AgreementId::new(""), 2024, "", ""));
                }
            }
        }
        self.read.len() < self.items.len()
    }

    /// Checks everything read, as `file::read` would, or reads the whole file with it when anything
    /// needs its full list of problems.
    pub fn finish(self) -> Result<Loaded, FileError> {
        if self.failed || self.read.len() != self.items.len() {
            return file::read(self.text);
        }
        file::checked_in_full(self.head, self.read).map_or_else(|| file::read(self.text), Ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_the_agreements_list_only() {
        let text = r#"{"format":"kinerja-pk","notes":"a [\"b\"] {c}","agreements":[{"id":"x","o":[{"a":1}]},{"id":"y"}],"z":{"agreements":[1]}}"#;
        let s = split(text).unwrap();
        assert_eq!(s.agreements, vec![r#"{"id":"x","o":[{"a":1}]}"#, r#"{"id":"y"}"#]);
        assert_eq!(s.sizes, vec![24, 10]);
        assert_eq!(
            split("{\"agreements\": [ {\"id\": \"a b\"} ]}").unwrap().sizes,
            vec![12],
            "spaces in strings count"
        );
        assert_eq!(
            s.head,
            r#"{"format":"kinerja-pk","notes":"a [\"b\"] {c}","agreements":[],"z":{"agreements":[1]}}"#
        );
        assert_eq!(split(r#"{"agreements":[1,2]}"#), None, "not a list of objects");
        assert_eq!(split("[1]"), None);
        assert_eq!(split(r#"{"agreements":[{"a":1}"#), None, "cut short");
    }

    #[test]
    fn reading_in_steps_gives_what_reading_at_once_gives() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/kpu-maluku-2024.json"))
                .unwrap();
        let Ok(mut steps) = Steps::new(&text) else { panic!("a current file splits") };
        assert_eq!(steps.total(), 10);
        assert!(steps.step(4));
        assert_eq!(steps.done(), 4);
        while steps.step(4) {}
        assert_eq!(steps.finish(), file::read(&text));
        // A problem in one agreement: the same full list of problems as reading at once.
        let broken = text.replacen("\"year\": 2024", "\"year\": 20244", 1);
        let Ok(mut steps) = Steps::new(&broken) else { panic!("a current file splits") };
        while steps.step(3) {}
        assert_eq!(steps.finish(), file::read(&broken));
        // An older version is read at once (it is upgraded first).
        let v3 = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/format-v3-kpu-maluku-2024.json"
        ))
        .unwrap();
        assert!(matches!(Steps::new(&v3), Err(b) if b.is_ok()));
    }
}
