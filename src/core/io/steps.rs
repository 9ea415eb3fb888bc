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
    let mut s = Splitter::new(text);
    while s.advance(usize::MAX) {}
    s.finish()
}

/// [`split`] a part at a time: one pass over the bytes that can stop after any number of them and go on
/// later (a national file is 45 MB: split at once it held the page for 150 ms).
pub struct Splitter<'a> {
    text: &'a str,
    i: usize,
    depth: usize,
    key_start: Option<(usize, usize)>,
    last_key: Option<(usize, usize)>,
    list: Option<(usize, usize)>,
    items: Vec<&'a str>,
    sizes: Vec<usize>,
    blanks: usize,
    item_start: Option<usize>,
    /// In the list, an item may come next: just after `[` or after a comma (two commas in a row, a
    /// missing or trailing comma are not JSON, and the list's items are read one by one).
    separated: bool,
    failed: bool,
}

impl<'a> Splitter<'a> {
    pub fn new(text: &'a str) -> Splitter<'a> {
        Splitter {
            text,
            i: 0,
            depth: 0,
            key_start: None,
            last_key: None,
            list: None,
            items: Vec::new(),
            sizes: Vec::new(),
            blanks: 0,
            item_start: None,
            separated: false,
            failed: false,
        }
    }

    /// The share of the text gone through, in per mille.
    pub fn per_mille(&self) -> usize {
        (self.i as u64 * 1000 / self.text.len().max(1) as u64) as usize
    }

    /// Goes through about `bytes` more bytes; false when the whole text has been gone through (or the
    /// text cannot be split).
    pub fn advance(&mut self, bytes: usize) -> bool {
        let text = self.text;
        let b = text.as_bytes();
        let stop = self.i.saturating_add(bytes).min(b.len());
        while self.i < stop && !self.failed {
            let i = self.i;
            let in_list = self.list.is_some_and(|(_, end)| end == 0);
            match b[i] {
                b' ' | b'\n' | b'\r' | b'\t' => self.blanks += 1,
                // Only objects may be listed.
                b'"' if self.depth == 2 && in_list => self.failed = true,
                b'"' => {
                    let start = i;
                    let mut j = i + 1;
                    while j < b.len() && b[j] != b'"' {
                        j += if b[j] == b'\\' { 2 } else { 1 };
                    }
                    if self.depth == 1 {
                        self.key_start = Some((start + 1, j));
                    }
                    self.i = j;
                }
                b':' if self.depth == 1 => self.last_key = self.key_start.take(),
                b'{' | b'[' => {
                    self.depth += 1;
                    if self.depth == 2
                        && b[i] == b'['
                        && self.last_key.is_some_and(|(s, e)| &text[s..e] == "agreements")
                    {
                        self.list = Some((i, 0));
                        self.separated = true;
                    } else if self.depth == 3 && in_list && b[i] == b'{' {
                        self.failed |= !self.separated;
                        self.separated = false;
                        self.item_start = Some(i);
                        self.blanks = 0;
                    } else if self.depth == 3 && in_list {
                        self.failed = true;
                    }
                }
                b'}' | b']' => match self.depth.checked_sub(1) {
                    None => self.failed = true,
                    Some(depth) => {
                        self.depth = depth;
                        if depth == 2 && b[i] == b'}' {
                            if let Some(s) = self.item_start.take() {
                                self.items.push(&text[s..=i]);
                                self.sizes.push(i + 1 - s - self.blanks);
                            }
                        }
                        if depth == 1 && b[i] == b']' {
                            if let Some((s, 0)) = self.list {
                                // A comma before `]` (`[{…},]`) is not JSON.
                                self.failed |= self.separated && !self.items.is_empty();
                                self.list = Some((s, i));
                            }
                        }
                        if depth == 1 {
                            self.last_key = None;
                        }
                    }
                },
                b',' if self.depth == 2 && in_list => {
                    self.failed |= self.separated;
                    self.separated = true;
                }
                b',' => {}
                _ if self.depth == 2 && in_list => self.failed = true,
                _ => {}
            }
            self.i += 1;
        }
        !self.failed && self.i < b.len()
    }

    /// The parts, once the whole text has been gone through.
    pub fn finish(self) -> Option<Split<'a>> {
        if self.failed || self.i < self.text.len() {
            return None;
        }
        let (start, end) = self.list.filter(|(_, end)| *end > 0)?;
        let text = self.text;
        Some(Split {
            head: format!("{}[]{}", &text[..start], &text[end + 1..]),
            agreements: self.items,
            sizes: self.sizes,
        })
    }
}

/// A file being read in steps.
pub struct FileReading<'a> {
    text: &'a str,
    head: Loaded,
    items: Vec<&'a str>,
    sizes: Vec<usize>,
    read: Vec<Agreement>,
    ids: super::fast::IdSeen,
    failed: bool,
}

impl<'a> FileReading<'a> {
    /// Starts reading; files of another version or that do not split are read at once.
    pub fn new(text: &'a str) -> Result<FileReading<'a>, Box<Result<Loaded, FileError>>> {
        FileReading::from_split(text, split(text))
    }

    /// Starts reading from a split made beforehand (by a [`Splitter`], in parts).
    pub fn from_split(
        text: &'a str,
        parts: Option<Split<'a>>,
    ) -> Result<FileReading<'a>, Box<Result<Loaded, FileError>>> {
        let Some(parts) = parts else { return Err(Box::new(file::read(text))) };
        match file::read(&parts.head) {
            Ok(head) if head.meta.version == file::VERSION => Ok(FileReading {
                text,
                head,
                items: parts.agreements,
                sizes: parts.sizes,
                read: Vec::new(),
                ids: Default::default(),
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
            // Each agreement's own rules and its ids are checked as it is read; the links at the end.
            match serde_json::from_str::<Agreement>(raw) {
                Ok(a) if super::fast::agreement_ok(&a) && self.ids.all_new(&a) => self.read.push(a),
                _ => {
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
    fn splitting_in_parts_gives_the_same_split() {
        let text = r#"{"format":"kinerja-pk","notes":"a [\"b\"] {c}","agreements":[{"id":"x","o":[{"a":"\\\""}]},{"id":"y"}],"z":1}"#;
        for part in [1, 2, 3, 7, 1000] {
            let mut s = Splitter::new(text);
            let mut rounds = 0;
            while s.advance(part) {
                rounds += 1;
                assert!(s.per_mille() < 1000);
            }
            assert!(part >= text.len() || rounds > 1, "{part}: stopped and went on");
            assert_eq!(s.finish(), split(text), "in parts of {part}");
        }
        assert!(split(text).is_some());
        let mut s = Splitter::new(r#"{"agreements":[1,2]}"#);
        while s.advance(3) {}
        assert_eq!(s.finish(), None, "not a list of objects, found in a later part");
    }

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
        // The commas between the items are JSON's too (found by fuzzing: a comma flipped into a tab
        // read in steps, not at once). Such a list is left to the full reader, which says where.
        assert_eq!(split(r#"{"agreements":[{"a":1}	{"b":2}]}"#), None, "a missing comma");
        assert_eq!(split(r#"{"agreements":[{"a":1},,{"b":2}]}"#), None, "two commas");
        assert_eq!(split(r#"{"agreements":[,{"a":1}]}"#), None, "a leading comma");
        assert_eq!(split(r#"{"agreements":[{"a":1},]}"#), None, "a trailing comma");
        assert_eq!(split(r#"{"agreements":[]}"#).map(|s| s.agreements.len()), Some(0));
        assert_eq!(split(r#"{"agreements":[ {"a":1} , {"b":2} ]}"#).map(|s| s.agreements.len()), Some(2));
    }

    #[test]
    fn reading_in_steps_gives_what_reading_at_once_gives() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/kpu-maluku-2024.json"))
                .unwrap();
        let Ok(mut steps) = FileReading::new(&text) else { panic!("a current file splits") };
        assert_eq!(steps.total(), 10);
        assert!(steps.step(4));
        assert_eq!(steps.done(), 4);
        while steps.step(4) {}
        assert_eq!(steps.finish(), file::read(&text));
        // A problem in one agreement: the same full list of problems as reading at once.
        let broken = text.replacen("\"year\": 2024", "\"year\": 20244", 1);
        let Ok(mut steps) = FileReading::new(&broken) else { panic!("a current file splits") };
        while steps.step(3) {}
        assert_eq!(steps.finish(), file::read(&broken));
        // An id used twice, in two agreements read in different steps: the same problem.
        let ws = crate::core::seed::workspace().unwrap();
        let (first, last) = (&ws.agreements[0].objectives[0].id, &ws.agreements[9].objectives[0].id);
        let twice = text.replacen(&format!("\"{last}\""), &format!("\"{first}\""), 1);
        assert_ne!(twice, text);
        let Ok(mut steps) = FileReading::new(&twice) else { panic!("a current file splits") };
        while steps.step(2) {}
        let at_once = file::read(&twice);
        assert!(matches!(at_once, Err(FileError::Invalid(_))), "{at_once:?}");
        assert_eq!(steps.finish(), at_once);
        // An older version is read at once (it is upgraded first).
        let v3 = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/format-v3-kpu-maluku-2024.json"
        ))
        .unwrap();
        assert!(matches!(FileReading::new(&v3), Err(b) if b.is_ok()));
    }
}
