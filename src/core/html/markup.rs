//! HTML text, the little a static page needs: every text and attribute value goes through [`escape`],
//! so nothing from a data file is ever read as markup.

/// `&`, `<`, `>`, `"` and `'` as entities; control characters other than tab and line breaks left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7F}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `<tag attrs>text</tag>` with the text escaped; `attrs` are written as given (built with [`attr`]).
pub fn el(tag: &str, attrs: &str, text: &str) -> String {
    format!("<{tag}{attrs}>{}</{tag}>", escape(text))
}

/// ` name="value"` with the value escaped.
pub fn attr(name: &str, value: &str) -> String {
    format!(" {name}=\"{}\"", escape(value))
}

/// A link to another static page.
pub fn link(href: &str, class: &str, text: &str) -> String {
    let class = if class.is_empty() { String::new() } else { attr("class", class) };
    format!("<a{}{class}>{}</a>", attr("href", href), escape(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_data_is_never_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\nd"), "abc\nd");
        assert_eq!(el("p", &attr("class", "a\"b"), "1 < 2"), "<p class=\"a&quot;b\">1 &lt; 2</p>");
        assert_eq!(link("publik-pk-x.html", "", "X & Y"), "<a href=\"publik-pk-x.html\">X &amp; Y</a>");
    }
}
