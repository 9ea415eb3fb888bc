//! Reading what is imported: files the user chose or dropped, or a text already at hand (a restore point),
//! a batch of agreements at a time with the progress shown.

use crate::core::io::file::{self, FileError, MAX_FILE_BYTES};
use crate::core::io::steps::{FileReading, Splitter};
use crate::ui::services::browser;
use leptos::prelude::*;

/// What is read: a file the user chose or dropped, or a text already at hand (a restore point).
pub enum Source {
    File(web_sys::File),
    Text { name: String, text: String },
}

/// Agreements read per step of a large file (about 30 ms each at the national file's size).
const STEP: usize = 150;

/// What reading one file gave: its name, the result, and each agreement's size when it was measured
/// while reading.
type Read = (String, Result<file::Loaded, FileError>, Vec<usize>);

/// Reads the files (size first: a file over the limit is refused without reading it), a batch of
/// agreements at a time, saying how far it is and letting the page breathe between batches.
pub(super) async fn read_files(
    sources: Vec<Source>,
    progress: RwSignal<Option<(String, usize, usize)>>,
) -> Vec<Read> {
    let mut out = Vec::new();
    for source in sources {
        let (name, text) = match source {
            Source::Text { name, text } => (name, text),
            Source::File(f) => {
                let name = f.name();
                let size = f.size() as usize;
                if size > MAX_FILE_BYTES {
                    out.push((name, Err(FileError::TooLarge { bytes: size }), Vec::new()));
                    continue;
                }
                progress.set(Some((name.clone(), 0, 0)));
                match browser::read_text(&f).await {
                    Ok(text) => (name, text),
                    Err(_) => {
                        out.push((name, Err(FileError::NotJson { line: 0, column: 0 }), Vec::new()));
                        continue;
                    }
                }
            }
        };
        // Split 4 MB at a time, then read 150 PKs at a time, each with the progress shown.
        let mut splitter = Splitter::new(&text);
        while splitter.advance(4 << 20) {
            progress.set(Some((name.clone(), splitter.per_mille(), 0)));
            browser::pause().await;
        }
        let (result, sizes) = match FileReading::from_split(&text, splitter.finish()) {
            Ok(mut steps) => {
                let sizes = steps.sizes().to_vec();
                loop {
                    let more = steps.step(STEP);
                    progress.set(Some((name.clone(), steps.done(), steps.total())));
                    browser::pause().await;
                    if !more {
                        break;
                    }
                }
                (steps.finish(), sizes)
            }
            Err(at_once) => (*at_once, Vec::new()),
        };
        out.push((name, result, sizes));
    }
    progress.set(None);
    out
}

pub(super) fn file_list(list: Option<web_sys::FileList>) -> Vec<Source> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).map(Source::File).collect()
}
