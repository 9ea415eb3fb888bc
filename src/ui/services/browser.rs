//! Small wrappers over browser APIs (randomness, downloads, files, the URL hash).
//! None of them panics: failures come back as values for the UI to report.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Runs `f` and records its duration as a `performance.measure` entry named `name` (read by the
/// benchmark; negligible cost otherwise).
pub fn measure<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let started = measure_start(name);
    let result = f();
    measure_end(name, started);
    result
}

/// Starts a measurement that spans an `await` (see [`measure`]).
pub fn measure_start(name: &str) -> String {
    let start = format!("{name}:start:{}", random_token(6));
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&start);
    }
    start
}

/// Ends a measurement begun with [`measure_start`].
pub fn measure_end(name: &str, start: String) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
}

/// Drops a measurement begun with [`measure_start`] whose work was stopped (its mark would stay behind).
pub fn measure_drop(start: String) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.clear_marks_with_mark_name(&start);
    }
}

/// A short random string (base 36), from `crypto.getRandomValues` where available.
pub fn random_token(len: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut bytes = vec![0u8; len];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| ALPHABET[(*b as usize) % ALPHABET.len()] as char).collect()
}

/// Offers `content` as a file download.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    download_part(file_name, mime, &JsValue::from_str(content))
}

/// [`download`] for bytes (a .docx).
pub fn download_bytes(file_name: &str, mime: &str, content: &[u8]) -> Result<(), String> {
    download_part(file_name, mime, &js_sys::Uint8Array::from(content))
}

/// Offers a file of one part (a string or bytes) as a download.
fn download_part(file_name: &str, mime: &str, part: &JsValue) -> Result<(), String> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // `new Blob(parts, options)`: web-sys names one binding per kind of part; JavaScript takes any.
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(describe)?.dyn_into().map_err(|_| "no anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_attribute("hidden", "").map_err(describe)?;
    let body = document.body().ok_or("no body")?;
    body.append_child(&anchor).map_err(describe)?;
    anchor.click();
    anchor.remove();
    // Revoke later: some browsers read the blob after click() returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Lets the browser draw and handle input before the next step of a long task.
pub async fn pause() {
    sleep(0).await;
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The index of the first child of element `id` that reaches into the view (0 when none does or there is
/// no such element): where a reader of a long list is.
pub fn first_child_in_view(id: &str) -> usize {
    let Some(list) = element(id) else { return 0 };
    let children = list.children();
    // Children are in document order, so their bottoms grow: the first one below the view's top.
    let (mut low, mut high) = (0, children.length());
    while low < high {
        let mid = (low + high) / 2;
        match children.item(mid) {
            Some(child) if child.get_bounding_client_rect().bottom() <= 0.0 => low = mid + 1,
            _ => high = mid,
        }
    }
    low as usize
}

/// Whether the end of the page is less than two screens below what is in view.
pub fn near_page_end() -> bool {
    let Some(w) = web_sys::window() else { return true };
    let Some(root) = w.document().and_then(|d| d.document_element()) else { return true };
    let view = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let below = f64::from(root.scroll_height()) - w.scroll_y().unwrap_or(0.0) - view;
    below < 2.0 * view
}

/// Reads a chosen or dropped file as text, 4 MB at a time with a pause between (a national file is
/// 45 MB: taken as one string it held the page for a quarter of a second). Invalid UTF-8 becomes U+FFFD,
/// as the browser's own decoding does.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let bytes = read_bytes(file).await?;
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Reads a chosen or dropped file's bytes, 4 MB at a time with a pause between.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    const PART: f64 = 4.0 * 1024.0 * 1024.0;
    let size = file.size();
    let mut bytes: Vec<u8> = Vec::with_capacity(size as usize);
    let mut at = 0.0;
    while at < size {
        let end = (at + PART).min(size);
        let part = file.slice_with_f64_and_f64(at, end).map_err(describe)?;
        let buffer = JsFuture::from(part.array_buffer()).await.map_err(describe)?;
        let array = js_sys::Uint8Array::new(&buffer);
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
        at = end;
    }
    Ok(bytes)
}

/// Fetches a same-origin file as text (the published data of the public view).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// The URL hash (`#/pk/x`), or an empty string.
pub fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The route of the page's address: its hash, or with none, the static public page the app took over
/// (`publik-pk-<id>.html`, `core::route::Route::locate`).
pub fn route() -> crate::core::route::Route {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    crate::core::route::Route::locate(&path, &hash())
}

/// The page's markup as it is now (its head is the build's: CSP, style sheets, scripts).
pub fn page_html() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|e| e.outer_html())
        .unwrap_or_default()
}

/// Navigates within the app by changing the hash.
pub fn go(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(href.trim_start_matches('#'));
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Sets (`None`: removes) the words printed at the top of every page: `--print-mark` on the root element,
/// which the `@page` margin box of `style/print.css` shows (CSSOM, allowed by the page's
/// Content-Security-Policy, unlike a style attribute).
pub fn set_print_mark(text: Option<&str>) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(style) = root.map(|r| r.style()) else { return };
    let _ = match text {
        Some(t) => style.set_property("--print-mark", &css_string(t)),
        None => style.remove_property("--print-mark").map(|_| ()),
    };
}

/// Text as a CSS string literal.
fn css_string(text: &str) -> String {
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '"' => "\\\"".to_string(),
            '\\' => "\\\\".to_string(),
            '\n' | '\r' => " ".to_string(),
            c => c.to_string(),
        })
        .collect();
    format!("\"{escaped}\"")
}

/// Sets `<html lang>` and the document title.
pub fn set_document_lang(code: &str, title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", code);
        }
        doc.set_title(title);
    }
}

/// The element with this id, if present.
fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id))
}

/// Moves keyboard focus to the element with this id, if present.
pub fn focus(id: &str) {
    if let Some(el) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// A new page is on screen: scroll to the top and move keyboard focus to its first heading (made
/// focusable for this), or to `fallback` when the page has none.
pub fn focus_page_heading(fallback: &str) {
    let Some(window) = web_sys::window() else { return };
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let heading = window.document().and_then(|d| d.query_selector("main h1").ok().flatten());
    match heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(h) => {
            if !h.has_attribute("tabindex") {
                let _ = h.set_attribute("tabindex", "-1");
            }
            let _ = h.focus();
        }
        None => focus(fallback),
    }
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// Whether the focus is on the element with this id.
pub fn focus_is_on(id: &str) -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|a| a.id() == id)
}

/// Focuses an element and scrolls it to the middle of the screen.
pub fn focus_and_show(id: &str) {
    if let Some(el) = element(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

fn describe(e: JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "unknown error".into())
}
