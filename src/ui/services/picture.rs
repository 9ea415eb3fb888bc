//! Pictures out of the app: an SVG drawn into a PNG and downloaded; focusing a box of an SVG.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The largest PNG side Chromium draws reliably.
const MAX_SIDE: f64 = 16_000.0;

fn describe(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// Draws `svg` (a standalone SVG of `width` × `height`) at twice its size (less when very large) and
/// downloads it as a PNG named `file_name`; `done` hears whether it worked.
pub fn download_png(
    file_name: String,
    svg: &str,
    width: f64,
    height: f64,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let early = done.clone();
    let result = (|| -> Result<(), String> {
        let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
        let image = web_sys::HtmlImageElement::new().map_err(describe)?;
        let scale = 2.0f64.min(MAX_SIDE / width.max(1.0)).min(MAX_SIDE / height.max(1.0));
        let (w, h) = ((width * scale).ceil(), (height * scale).ceil());
        let failed = done.clone();
        let img = image.clone();
        let onload = Closure::once_into_js(move || {
            let draw = || -> Result<(), String> {
                let canvas: web_sys::HtmlCanvasElement = document
                    .create_element("canvas")
                    .map_err(describe)?
                    .dyn_into()
                    .map_err(|_| "no canvas")?;
                canvas.set_width(w as u32);
                canvas.set_height(h as u32);
                let ctx: web_sys::CanvasRenderingContext2d = canvas
                    .get_context("2d")
                    .map_err(describe)?
                    .ok_or("no 2d context")?
                    .dyn_into()
                    .map_err(|_| "no 2d context")?;
                ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
                    .map_err(describe)?;
                let url = canvas.to_data_url_with_type("image/png").map_err(describe)?;
                let anchor: web_sys::HtmlAnchorElement =
                    document.create_element("a").map_err(describe)?.dyn_into().map_err(|_| "no anchor")?;
                anchor.set_href(&url);
                anchor.set_download(&file_name);
                let body = document.body().ok_or("no body")?;
                body.append_child(&anchor).map_err(describe)?;
                anchor.click();
                anchor.remove();
                Ok(())
            };
            if let Some(done) = done.borrow_mut().take() {
                done(draw());
            }
        });
        let onerror = Closure::once_into_js(move || {
            if let Some(done) = failed.borrow_mut().take() {
                done(Err("the SVG could not be drawn".into()));
            }
        });
        image.set_onload(Some(onload.unchecked_ref()));
        image.set_onerror(Some(onerror.unchecked_ref()));
        image.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg)));
        Ok(())
    })();
    // A failure before the image starts loading is reported like one while drawing it.
    if let Err(e) = result {
        let pending = early.borrow_mut().take();
        if let Some(done) = pending {
            done(Err(e));
        }
    }
}

/// Focuses the element of an SVG whose `data-id` is `id`.
pub fn focus_box(id: &str) {
    let selector = format!("[data-id=\"{}\"]", id.replace('\\', "\\\\").replace('"', "\\\""));
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The `data-id` of the box an event happened in, if any.
pub fn box_of(target: Option<web_sys::EventTarget>) -> Option<String> {
    let el: web_sys::Element = target?.dyn_into().ok()?;
    el.closest("[data-id]").ok().flatten()?.get_attribute("data-id")
}
