//! The page around a static page's content: the build's own `<head>` (its Content-Security-Policy, style
//! sheets and, when the app takes over, its scripts), a real title and description, `lang="id"`, and the
//! public view's header and footer.

use super::markup::{attr, el, escape, link};
use super::LANG;
use crate::core::i18n::{fill, Msg};

/// What every static page of a build shares: the head of the build's `index.html`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shell {
    head: Vec<String>,
}

impl Shell {
    /// The head of the build's `index.html` without its title and description (each page has its own)
    /// and without its preload hints, so a page's text and style arrive first on a slow link. With `app`
    /// the app's scripts stay (deferred: the page is read before they run) and the app takes over the
    /// page once it has loaded; without it the page is plain HTML.
    pub fn from_index(index: &str, app: bool) -> Shell {
        let start = index.find("<head>").map(|i| i + "<head>".len()).unwrap_or(0);
        let end = index[start..].find("</head>").map(|i| start + i).unwrap_or(index.len());
        let head = tags(&index[start..end])
            .into_iter()
            .filter(|t| !t.starts_with("<title") && !t.starts_with("<!--"))
            .filter(|t| !(t.starts_with("<meta") && t.contains("name=\"description\"")))
            .filter(|t| !(t.starts_with("<link") && t.contains("preload")))
            .filter(|t| app || !t.starts_with("<script"))
            // The rescue message's script is read in the page's order instead of blocking its text.
            .map(|t| match t.strip_prefix("<script src=") {
                Some(rest) => format!("<script defer src={rest}"),
                None => t,
            })
            .collect();
        Shell { head }
    }
}

/// The head's elements, one string each (a `<script>` with its end tag, a comment whole).
fn tags(head: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = head.trim_start();
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<script") {
            rest.find("</script>").map(|i| i + "</script>".len())
        } else if rest.starts_with("<title") {
            rest.find("</title>").map(|i| i + "</title>".len())
        } else {
            rest.find('>').map(|i| i + 1)
        };
        let end = end.unwrap_or(rest.len());
        // As the browser serializes it (`outerHTML`, the publish download's head): one space between
        // attributes, no `/` closing a void element. So the build and the download write the same pages.
        let tag = rest[..end].split_whitespace().collect::<Vec<_>>().join(" ");
        let tag = match tag.strip_suffix("/>") {
            Some(open) if !tag.starts_with("<!--") => format!("{}>", open.trim_end()),
            _ => tag,
        };
        out.push(tag);
        rest = &rest[end..];
    }
    out
}

/// What a page says about itself.
pub struct Meta<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// When the data was published (ISO), said in the footer.
    pub published_at: Option<&'a str>,
}

/// A whole static page: `content` is the page's `<main>` content.
pub fn page(shell: &Shell, meta: &Meta, content: &str) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n");
    for tag in &shell.head {
        out.push_str("  ");
        out.push_str(tag);
        out.push('\n');
    }
    out.push_str(&format!("  {}\n", el("title", "", meta.title)));
    out.push_str(&format!("  <meta name=\"description\"{}>\n", attr("content", meta.description)));
    out.push_str("</head>\n<body>\n<div id=\"static-page\" class=\"static-page\">\n");
    out.push_str("<header class=\"static-header no-print\">\n  <p class=\"static-site\">");
    out.push_str(&link("publik.html", "static-home", Msg::DocumentTitle.text(LANG)));
    out.push_str(&format!(
        " <span class=\"badge\">{}</span></p>\n</header>\n",
        escape(Msg::PublicBadge.text(LANG))
    ));
    out.push_str("<main class=\"page static-main\" id=\"static-main\">\n");
    out.push_str(content);
    out.push_str("</main>\n<footer class=\"static-footer no-print\">\n");
    out.push_str(&format!("  {}\n", el("p", "", Msg::PublicFooter.text(LANG))));
    if let Some(at) = meta.published_at.filter(|s| s.len() >= 10) {
        let day = crate::core::format::day(&at[..10], LANG);
        out.push_str(&format!("  {}\n", el("p", "", &fill(Msg::PublishedAt.text(LANG), &[("date", &day)]))));
    }
    out.push_str("</footer>\n</div>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<!DOCTYPE html><html lang="id"><head>
<meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <!-- First, and under a fixed name -->
  <script src="./rescue.js"></script>
  <meta name="description" content="Perjanjian Kinerja KPU">
  <title>Kinerja — Perjanjian Kinerja</title>
<link rel="modulepreload" href="./kinerja-1.js" crossorigin="anonymous" integrity="sha384-x"><link rel="preload" href="./kinerja-1_bg.wasm" as="fetch" type="application/wasm">
<link rel="stylesheet" href="./main-2.css" integrity="sha384-y"/>
<script type="module" src="./boot-3.js"></script></head><body><noscript>x</noscript></body></html>"#;

    #[test]
    fn a_page_keeps_the_builds_head_with_its_own_title() {
        let shell = Shell::from_index(INDEX, true);
        let meta = Meta {
            title: "PK <1>",
            description: "Tentang \"PK\"",
            published_at: Some("2026-12-05T09:00:00+09:00"),
        };
        let html = page(&shell, &meta, "<h1>X</h1>");
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n  <meta charset=\"utf-8\">\n"),
            "{html}"
        );
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("<script defer src=\"./rescue.js\"></script>"), "{html}");
        assert!(html.contains("<script type=\"module\" src=\"./boot-3.js\"></script>"));
        assert!(html.contains("<link rel=\"stylesheet\" href=\"./main-2.css\" integrity=\"sha384-y\">"));
        assert!(!html.contains("preload"), "{html}");
        assert!(!html.contains("Perjanjian Kinerja KPU\""), "the build's description is replaced");
        assert_eq!(html.matches("<title>").count(), 1);
        assert!(html.contains("<title>PK &lt;1&gt;</title>"));
        assert!(html.contains("<meta name=\"description\" content=\"Tentang &quot;PK&quot;\">"));
        assert!(html.contains("<main class=\"page static-main\" id=\"static-main\">\n<h1>X</h1></main>"));
        assert!(html.contains("Dipublikasikan 5 Desember 2026"), "{html}");
        assert!(!html.contains("<noscript>"));

        let plain = page(&Shell::from_index(INDEX, false), &meta, "");
        assert!(!plain.contains("<script"), "{plain}");
        assert!(plain.contains("main-2.css"));
    }
}
