//! For the tests: a .docx read back as any reader would, with no help from the writer. The ZIP's
//! central directory, each local header checked against it, each entry inflated and its CRC-32 and size
//! checked; XML checked for well-formedness; the text of paragraphs and table cells.

/// The entries of a ZIP archive, in the order of its central directory.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]) as usize;
    let u32at = |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let end = bytes.len() - 22;
    assert_eq!(u32at(end), 0x0605_4B50, "end of central directory");
    let count = u16at(end + 10);
    let mut at = u32at(end + 16) as usize;
    assert_eq!(at + u32at(end + 12) as usize, end, "the directory ends where the end record starts");
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(u32at(at), 0x0201_4B50, "a central directory record");
        let method = u16at(at + 10);
        let crc = u32at(at + 16);
        let packed = u32at(at + 20) as usize;
        let size = u32at(at + 24) as usize;
        let name_len = u16at(at + 28);
        let skip = name_len + u16at(at + 30) + u16at(at + 32);
        let local = u32at(at + 42) as usize;
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32at(local), 0x0403_4B50, "local header of {name}");
        // The local header repeats what the directory says.
        assert_eq!(bytes[local + 4..local + 30], bytes[at + 6..at + 32], "{name}: local and central headers");
        let data = local + 30 + u16at(local + 26) + u16at(local + 28);
        let raw = &bytes[data..data + packed];
        let plain = match method {
            0 => raw.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec(raw).expect("inflates"),
            m => panic!("{name}: method {m}"),
        };
        assert_eq!(plain.len(), size, "{name}: size");
        assert_eq!(super::zip::crc32(&plain), crc, "{name}: CRC-32");
        out.push((name, plain));
        at += 46 + skip;
    }
    out
}

/// A part of the archive as text.
pub fn part(entries: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, bytes) = entries.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(bytes.clone()).expect("UTF-8")
}

#[derive(Debug, PartialEq)]
pub enum Event {
    /// An element's name and attributes (entities resolved).
    Open(String, Vec<(String, String)>),
    Close(String),
    Text(String),
}

/// The XML's elements and texts (entities resolved), checking on the way that it is well-formed: one
/// root, tags that close in order, quoted attributes, `&` only in entities, no `<` in text.
pub fn events(xml: &str) -> Result<Vec<Event>, String> {
    let body = match xml.strip_prefix("<?xml") {
        Some(rest) => &rest[rest.find("?>").ok_or("unfinished declaration")? + 2..],
        None => xml,
    };
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix('<') {
            let close = tag.find('>').ok_or("unclosed tag")?;
            let inner = &tag[..close];
            rest = &tag[close + 1..];
            if let Some(name) = inner.strip_prefix('/') {
                let open = stack.pop().ok_or_else(|| format!("</{name}> closes nothing"))?;
                if open != name.trim() {
                    return Err(format!("<{open}> closed by </{name}>"));
                }
                out.push(Event::Close(open));
                continue;
            }
            let empty = inner.ends_with('/');
            let inner = inner.trim_end_matches('/');
            let name: String = inner.chars().take_while(|c| !c.is_whitespace()).collect();
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || ":_-.".contains(c)) {
                return Err(format!("bad tag name in <{inner}>"));
            }
            let attrs = attributes(&inner[name.len()..])?;
            if stack.is_empty() {
                roots += 1;
            }
            out.push(Event::Open(name.clone(), attrs));
            if empty {
                out.push(Event::Close(name));
            } else {
                stack.push(name);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = unescape(&rest[..end])?;
            if stack.is_empty() && !text.trim().is_empty() {
                return Err(format!("text outside the root: {text}"));
            }
            if !text.is_empty() {
                out.push(Event::Text(text));
            }
            rest = &rest[end..];
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed: {stack:?}"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(out)
}

fn attributes(mut text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    loop {
        text = text.trim_start();
        if text.is_empty() {
            return Ok(out);
        }
        let eq = text.find('=').ok_or_else(|| format!("attribute without value: {text}"))?;
        let quote = text[eq + 1..].chars().next().filter(|c| *c == '"' || *c == '\'').ok_or("unquoted")?;
        let value = &text[eq + 2..];
        let end = value.find(quote).ok_or("unfinished attribute")?;
        if value[..end].contains('<') {
            return Err("< in an attribute".into());
        }
        out.push((text[..eq].trim().to_string(), unescape(&value[..end])?));
        text = &value[end + 1..];
    }
}

fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';').ok_or("& without ;")? + at;
        out.push_str(match &rest[at + 1..end] {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            other => return Err(format!("unknown entity &{other};")),
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The text of each paragraph (`w:p`) in order, line breaks as `\n`; table cells' paragraphs included.
pub fn paragraphs(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut in_text = false;
    for e in events(xml).expect("well-formed") {
        match e {
            Event::Open(n, _) if n == "w:p" => current = Some(String::new()),
            Event::Close(n) if n == "w:p" => out.extend(current.take()),
            Event::Open(n, _) if n == "w:t" => in_text = true,
            Event::Close(n) if n == "w:t" => in_text = false,
            Event::Open(n, _) if n == "w:br" => current.iter_mut().for_each(|c| c.push('\n')),
            Event::Text(t) if in_text => current.iter_mut().for_each(|c| c.push_str(&t)),
            _ => {}
        }
    }
    out
}

/// A table cell read back: its text (paragraphs joined by `\n`), its merge down (`"restart"`,
/// `"continue"` or `""`) and its span.
pub type CellText = (String, &'static str, usize);

/// The tables, each its rows, each row its cells.
pub fn tables(xml: &str) -> Vec<Vec<Vec<CellText>>> {
    let mut tables = Vec::new();
    let (mut rows, mut cells) = (Vec::new(), Vec::new());
    let mut cell: Option<(Vec<String>, &'static str, usize)> = None;
    let mut in_text = false;
    let value = |attrs: &[(String, String)]| attrs.iter().find(|(k, _)| k == "w:val").map(|(_, v)| v.clone());
    for e in events(xml).expect("well-formed") {
        match e {
            Event::Open(n, attrs) => match n.as_str() {
                "w:tbl" => rows = Vec::new(),
                "w:tr" => cells = Vec::new(),
                "w:tc" => cell = Some((Vec::new(), "", 1)),
                "w:p" => cell.iter_mut().for_each(|c| c.0.push(String::new())),
                "w:t" => in_text = true,
                "w:vMerge" => {
                    let merge =
                        if value(&attrs).as_deref() == Some("restart") { "restart" } else { "continue" };
                    cell.iter_mut().for_each(|c| c.1 = merge);
                }
                "w:gridSpan" => {
                    let span = value(&attrs).and_then(|v| v.parse().ok()).unwrap_or(1);
                    cell.iter_mut().for_each(|c| c.2 = span);
                }
                _ => {}
            },
            Event::Close(n) => match n.as_str() {
                "w:tbl" => tables.push(std::mem::take(&mut rows)),
                "w:tr" => rows.push(std::mem::take(&mut cells)),
                "w:tc" => cells.extend(cell.take().map(|(p, m, s)| (p.join("\n"), m, s))),
                "w:t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(p) = cell.as_mut().and_then(|c| c.0.last_mut()) {
                    p.push_str(&t);
                }
            }
            _ => {}
        }
    }
    tables
}
