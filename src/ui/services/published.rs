//! The public view's data, fetched from the same origin and shown read-only: `data/index.json` is either
//! the published data itself (one Kinerja file, as *Publikasikan ke situs web* on Data downloads it) or a
//! list of Kinerja files next to it (`{"files": [...]}` or `[...]`, as `make dist PUBLISH=…` writes it). While the public view is open the visitor's
//! own workspace is set aside (never written), and it comes back when they leave the public view.

use super::browser;
use super::{Document, Language, Persistence};
use crate::core::io::file;
use crate::core::model::Workspace;
use crate::core::text::file_error;
use crate::store::FullReader;
use leptos::prelude::*;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::Arc;

impl Published {
    pub fn is_ready(&self) -> bool {
        matches!(self, Published::Ready { .. })
    }
}

/// Most files an index may list.
const MAX_FILES: usize = 200;

/// A published file that was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedFile {
    pub office: String,
    pub exported_at: Option<String>,
}

/// The state of the published data.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Published {
    #[default]
    NotLoaded,
    Loading,
    Ready {
        files: Vec<PublishedFile>,
        problems: Vec<(String, String)>,
        /// When `index.json` is the published data itself: when it was published (its `exported_at`).
        published_at: Option<String>,
    },
    /// The index could not be fetched or read.
    Failed(String),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Index {
    Files { files: Vec<String> },
    List(Vec<String>),
}

/// What `data/index.json` holds.
enum IndexJson {
    /// The names of the published files next to it.
    Files(Vec<String>),
    /// The published data itself (*Publikasikan ke situs web*), read with the import's check.
    Data(Box<file::Loaded>),
}

/// Reads `data/index.json`: a list of files, or else a Kinerja file read by `read` (whose error is said
/// when it is neither).
fn read_index(text: &str, read: FullReader) -> Result<IndexJson, file::FileError> {
    match serde_json::from_str::<Index>(text) {
        Ok(Index::Files { files }) | Ok(Index::List(files)) => Ok(IndexJson::Files(files)),
        Err(_) => read(text).map(|loaded| IndexJson::Data(Box::new(loaded))),
    }
}

/// A file name the index may list: a plain name in `data/` ending in `.json` (never a URL or a path).
pub fn safe_name(name: &str) -> bool {
    name.ends_with(".json")
        && name.len() <= 120
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The public view's own state, apart from the app's: the published data, and the visitor's own
/// workspace, set aside while the public view is shown.
#[derive(Clone, Copy)]
pub struct PublicView {
    pub published: RwSignal<Published>,
    /// The published workspace, once loaded.
    data: StoredValue<Workspace>,
    /// The visitor's own workspace while the public view is shown.
    stash: StoredValue<Option<Workspace>>,
    doc: Document,
    saving: Persistence,
    language: Language,
}

/// Creates the public view's state and provides it to the component tree.
pub fn provide_public(doc: Document, saving: Persistence, language: Language) -> PublicView {
    let public = PublicView {
        published: RwSignal::new(Published::default()),
        data: StoredValue::new(Workspace::default()),
        stash: StoredValue::new(None),
        doc,
        saving,
        language,
    };
    provide_context(public);
    public
}

/// The public view's state (provided by `<App/>`).
pub fn expect_public() -> PublicView {
    expect_context::<PublicView>()
}

impl PublicView {
    /// Switches to the public view: keeps the visitor's workspace aside and shows the published data.
    pub fn enter(self) {
        self.saving.flush();
        if self.stash.with_value(Option::is_none) {
            self.stash.set_value(Some(self.doc.ws.get_untracked()));
        }
        match self.published.get_untracked() {
            Published::NotLoaded => {
                self.doc.show(Workspace::default());
                self.published.set(Published::Loading);
                leptos::task::spawn_local(self.load());
            }
            _ => self.doc.show(self.data.get_value()),
        }
    }

    /// Back to the visitor's own workspace.
    pub fn leave(self) {
        if let Some(own) = self.stash.try_update_value(Option::take).flatten() {
            self.doc.show(own);
        }
    }

    async fn load(self) {
        let index = match browser::fetch_text("data/index.json").await {
            Ok(text) => text,
            Err(e) => return self.published.set(Published::Failed(e)),
        };
        // Published files are read with the import's check, whose code is loaded on demand.
        let read = match super::reader::full().await {
            Ok(read) => read,
            Err(_) => {
                let message = self.language.t_now(crate::core::i18n::Msg::PageLoadFailedBody);
                return self.published.set(Published::Failed(message.to_string()));
            }
        };
        let names = match read_index(&index, read) {
            Ok(IndexJson::Files(files)) => files,
            Ok(IndexJson::Data(loaded)) => return self.show_published(*loaded),
            Err(e) => {
                let lang = self.language.lang.get_untracked();
                return self.published.set(Published::Failed(file_error(&e, lang)));
            }
        };
        let mut ws = Workspace::default();
        let mut seen = HashSet::new();
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for name in names.into_iter().take(MAX_FILES) {
            if !safe_name(&name) {
                problems.push((name, String::from("-")));
                continue;
            }
            let lang = self.language.lang.get_untracked();
            match browser::fetch_text(&format!("data/{name}")).await {
                Err(e) => problems.push((name, e)),
                Ok(text) => match read(&text) {
                    Err(e) => problems.push((name, file_error(&e, lang))),
                    Ok(loaded) => {
                        if ws.office.is_empty() {
                            ws.office = loaded.meta.source.office.clone();
                        }
                        for a in loaded.workspace.agreements {
                            if seen.insert(a.id.clone()) {
                                ws.agreements.push(Arc::clone(&a));
                            }
                        }
                        files.push(PublishedFile {
                            office: loaded.meta.source.office,
                            exported_at: loaded.meta.exported_at,
                        });
                    }
                },
            }
        }
        self.data.set_value(ws.clone());
        if self.doc.read_only() {
            self.doc.show(ws);
        }
        self.published.set(Published::Ready { files, problems, published_at: None });
    }

    /// `data/index.json` holds the published data itself.
    fn show_published(self, loaded: file::Loaded) {
        let mut ws = loaded.workspace;
        ws.office = loaded.meta.source.office.clone();
        let at = loaded.meta.exported_at.clone().filter(|d| !d.trim().is_empty());
        self.data.set_value(ws.clone());
        if self.doc.read_only() {
            self.doc.show(ws);
        }
        let file = PublishedFile { office: loaded.meta.source.office, exported_at: None };
        self.published.set(Published::Ready { files: vec![file], problems: Vec::new(), published_at: at });
    }
}

#[cfg(test)]
mod tests {
    use super::{read_index, safe_name, IndexJson};
    use crate::core::io::file;
    use crate::core::io::publish::{publish, Choice};

    #[test]
    fn the_index_is_a_list_of_files_or_the_published_data_itself() {
        for list in [r#"{"files": ["a.json", "b.json"]}"#, r#"["a.json", "b.json"]"#] {
            assert!(
                matches!(read_index(list, file::read), Ok(IndexJson::Files(f)) if f == ["a.json", "b.json"]),
                "{list}"
            );
        }
        let ws = crate::core::seed::workspace().unwrap();
        let choice = Choice { year: 2024, root: None, realisasi: true };
        let published = publish(&ws, &choice, "2026-12-05T09:00:00+09:00").unwrap();
        match read_index(&published.text, file::read) {
            Ok(IndexJson::Data(loaded)) => {
                assert_eq!(loaded.workspace.agreements.len(), 10);
                assert_eq!(loaded.meta.exported_at.as_deref(), Some("2026-12-05T09:00:00+09:00"));
            }
            _ => panic!("the published file is read as the data"),
        }
        for bad in ["", "{}", r#"{"files": 3}"#, r#"{"format": "kinerja-pk", "version": 999}"#, "nonsense"] {
            assert!(read_index(bad, file::read).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_plain_json_names_in_the_data_folder() {
        assert!(safe_name("kpu-maluku-2024.json"));
        assert!(safe_name("KPU_Kota_Ambon.2024.json"));
        for bad in [
            "../secret.json",
            "https://evil.example/x.json",
            "/etc/x.json",
            ".hidden.json",
            "a b.json",
            "x.js",
            "a/b.json",
        ] {
            assert!(!safe_name(bad), "{bad}");
        }
    }
}

/// On the public home page: where the data comes from, or that it is loading or failed.
#[component]
pub fn PublishedInfo() -> impl IntoView {
    use crate::core::i18n::{fill, Msg};
    let i18n = expect_context::<Language>();
    let public = expect_public();
    move || {
        let lang = i18n.lang.get();
        match public.published.get() {
            Published::NotLoaded | Published::Loading => view! {
                <p class="published loading" role="status">{Msg::PublishedLoading.text(lang)}</p>
            }
            .into_any(),
            Published::Failed(e) => view! {
                <p class="published problem" role="alert">{fill(Msg::PublishedFailed.text(lang), &[("reason", &e)])}</p>
            }
            .into_any(),
            Published::Ready { files, problems, published_at } => view! {
                <div class="published" id="published-info">
                    {published_at.map(|d| view! {
                        <p id="published-at">{fill(Msg::PublishedAt.text(lang), &[("date", &super::clock::time_text(&d, lang))])}</p>
                    })}
                    <p>{Msg::PublishedIntro.text(lang)}</p>
                    <ul>
                        // The office and, when the file says, when it was exported: never a file name or an empty date.
                        {files.into_iter().map(|f| {
                            let line = match f.exported_at.as_deref().filter(|d| !d.trim().is_empty()) {
                                Some(d) => fill(Msg::PublishedFile.text(lang), &[("office", &f.office), ("date", &super::clock::time_text(d, lang))]),
                                None => fill(Msg::PublishedFileUndated.text(lang), &[("office", &f.office)]),
                            };
                            view! { <li>{line}</li> }
                        }).collect_view()}
                    </ul>
                    {(!problems.is_empty()).then(|| view! {
                        <ul class="problem">{problems.into_iter().map(|(name, why)| view! {
                            <li>{fill(Msg::PublishedFileFailed.text(lang), &[("file", &name), ("reason", &why)])}</li>
                        }).collect_view()}</ul>
                    })}
                </div>
            }
            .into_any(),
        }
    }
}
