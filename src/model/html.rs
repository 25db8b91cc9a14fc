//! HTML to readable text: tags stripped, paragraphs kept, entities decoded, scripts and styles
//! dropped.
//!
//! A small forgiving scanner, not a full HTML parser: it never fails and runs in one pass.
//! Block elements (`p`, `div`, `h1`…`h6`, `li`, `br`, `blockquote`, `tr`, …) end a paragraph;
//! white space inside a paragraph collapses to one space except inside `<pre>`; the text of
//! `script`, `style`, `noscript`, `template`, `svg`, `head` and comments is dropped. When the
//! page has a `<title>` but no `<h1>`, the title becomes the first line.
//!
//! ```
//! use sayso::model::html::html_to_text;
//! let html = "<html><head><title>T</title><style>p{}</style></head>\
//!             <body><h1>Big &amp; bold</h1><p>One&nbsp;&ldquo;two&rdquo;</p>\
//!             <script>alert(1)</script><p>Three<br>Four</p></body></html>";
//! assert_eq!(html_to_text(html), "Big & bold\nOne\u{a0}“two”\nThree\nFour");
//! ```

const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas",
];
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Converts an HTML page or fragment to text: one paragraph a line.
pub fn html_to_text(html: &str) -> String {
    let mut out = Builder::default();
    let mut title = String::new();
    let mut saw_h1 = false;
    let mut dropped_until: Option<String> = None;
    let mut in_title = false;
    let mut pre_depth = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(
                rest,
                &mut out,
                &mut title,
                in_title,
                pre_depth,
                &dropped_until,
            );
            break;
        };
        push_text(
            &rest[..lt],
            &mut out,
            &mut title,
            in_title,
            pre_depth,
            &dropped_until,
        );
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(tag) = parse_tag(rest) else {
            // A lone `<` is text.
            push_text(
                "<",
                &mut out,
                &mut title,
                in_title,
                pre_depth,
                &dropped_until,
            );
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        let name = tag.name.as_str();
        if let Some(open) = &dropped_until {
            // `</head>` may be left out: the body's first block ends the head.
            let head_ended =
                open == "head" && !tag.closing && BLOCKS.contains(&name) && name != "html";
            if (tag.closing && name == open) || head_ended {
                dropped_until = None;
            }
            if head_ended {
                if name == "h1" {
                    saw_h1 = true;
                }
                out.end_paragraph();
                continue;
            }
            if name == "title" {
                in_title = !tag.closing;
            }
            continue;
        }
        if name == "title" {
            in_title = !tag.closing;
            continue;
        }
        if !tag.closing && !tag.self_closing && DROPPED.contains(&name) {
            dropped_until = Some(tag.name.clone());
            continue;
        }
        if name == "h1" {
            saw_h1 = true;
        }
        if name == "pre" {
            pre_depth = if tag.closing {
                pre_depth.saturating_sub(1)
            } else {
                pre_depth + 1
            };
        }
        if BLOCKS.contains(&name) {
            out.end_paragraph();
        }
    }
    out.end_paragraph();
    let title = collapse(&title);
    let body = out.paragraphs.join("\n");
    if !saw_h1 && !title.is_empty() && out.paragraphs.first() != Some(&title) {
        if body.is_empty() {
            return title;
        }
        return format!("{title}\n{body}");
    }
    body
}

#[derive(Default)]
struct Builder {
    paragraphs: Vec<String>,
    current: String,
}

impl Builder {
    fn end_paragraph(&mut self) {
        let para = std::mem::take(&mut self.current);
        for line in para.split('\n') {
            let line = line.trim_matches(|c: char| c.is_ascii_whitespace());
            if !line.is_empty() {
                self.paragraphs.push(line.to_owned());
            }
        }
    }
}

fn push_text(
    raw: &str,
    out: &mut Builder,
    title: &mut String,
    in_title: bool,
    pre_depth: usize,
    dropped: &Option<String>,
) {
    if raw.is_empty() {
        return;
    }
    if in_title {
        title.push_str(&decode_entities(raw));
        return;
    }
    if dropped.is_some() {
        return;
    }
    let text = decode_entities(raw);
    if pre_depth > 0 {
        out.current.push_str(&text);
        return;
    }
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            if !out.current.is_empty() && !out.current.ends_with(' ') {
                out.current.push(' ');
            }
        } else {
            out.current.push(c);
        }
    }
}

fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// Bytes of the whole tag, `<` to `>` included.
    len: usize,
}

/// Parses a tag at the start of `s` (which starts with `<`); `None` when it is not a tag.
fn parse_tag(s: &str) -> Option<Tag> {
    let body = s.get(1..)?;
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let first = body.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '!' || first == '?') {
        return None;
    }
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '!' || c == '?'))
        .unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    // Find the closing `>` outside quoted attribute values.
    let mut quote: Option<char> = None;
    for (i, c) in body.char_indices().skip(name_len) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                let self_closing = body[..i].ends_with('/');
                let prefix = if closing { 2 } else { 1 };
                return Some(Tag {
                    name,
                    closing,
                    self_closing,
                    len: prefix + i + 1,
                });
            }
            (None, _) => {}
        }
    }
    // Unterminated tag: swallow the rest.
    Some(Tag {
        name,
        closing,
        self_closing: false,
        len: s.len(),
    })
}

/// Decodes HTML character references: the common named ones, `&#NNN;` and `&#xHHH;`.
/// Unknown or malformed references stay as written.
///
/// ```
/// use sayso::model::html::decode_entities;
/// assert_eq!(decode_entities("&pound;2 &#8364;3 &#x1F5F3; &bogus; &amp"), "£2 €3 🗳 &bogus; &amp");
/// ```
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| decode_one(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_one(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return match code {
            0 => Some('\u{fffd}'),
            _ => char::from_u32(code),
        };
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// Named character references decoded (the ones news pages use; unknown names stay as written).
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("pound", '£'),
    ("euro", '€'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("dollar", '$'),
    ("percnt", '%'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("times", '×'),
    ("divide", '÷'),
    ("middot", '·'),
    ("bull", '•'),
    ("sect", '§'),
    ("para", '¶'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("plusmn", '±'),
    ("minus", '−'),
    ("prime", '′'),
    ("Prime", '″'),
    ("shy", '\u{ad}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("ccedil", 'ç'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("iacute", 'í'),
    ("iuml", 'ï'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("szlig", 'ß'),
    ("uacute", 'ú'),
    ("uuml", 'ü'),
    ("Eacute", 'É'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("Auml", 'Ä'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_to_text_table() {
        let cases = [
            ("plain text passes", "hello world", "hello world"),
            ("paragraphs kept", "<p>a</p><p>b</p>", "a\nb"),
            (
                "inline tags joined",
                "<p>a <b>bold</b> <i>move</i></p>",
                "a bold move",
            ),
            ("whitespace collapsed", "<p>a\n   b\t c</p>", "a b c"),
            ("pre keeps lines", "<pre>a\n  b</pre>", "a\nb"),
            (
                "script dropped",
                "<p>x</p><script>if (a < b) {}</script><p>y</p>",
                "x\ny",
            ),
            ("style dropped", "<style>p > a {}</style>z", "z"),
            ("comment dropped", "a<!-- <p>hidden</p> -->b", "ab"),
            ("unterminated comment", "a<!-- b", "a"),
            ("lone less-than", "1 < 2", "1 < 2"),
            ("attribute with >", "<a title=\"x>y\">link</a>", "link"),
            (
                "title prepended without h1",
                "<title>T</title><p>body</p>",
                "T\nbody",
            ),
            (
                "h1 wins over title",
                "<title>T</title><h1>H</h1><p>b</p>",
                "H\nb",
            ),
            (
                "list items",
                "<ul><li>one</li><li>two</li></ul>",
                "one\ntwo",
            ),
            (
                "entities in text",
                "<p>&quot;Hi&quot; &amp; &#39;bye&#39;</p>",
                "\"Hi\" & 'bye'",
            ),
            ("uppercase tags", "<P>A</P><BR>B", "A\nB"),
            ("self-closing br", "a<br/>b", "a\nb"),
            ("doctype", "<!DOCTYPE html><p>x</p>", "x"),
            (
                "head without its end tag",
                "<head><title>T</title><body><p>b</p>",
                "T\nb",
            ),
            ("empty", "", ""),
        ];
        for (name, input, want) in cases {
            assert_eq!(html_to_text(input), want, "case {name}");
        }
    }

    #[test]
    fn entity_edge_cases() {
        assert_eq!(decode_entities("&#0;"), "\u{fffd}");
        assert_eq!(decode_entities("&#xD800;"), "&#xD800;");
        assert_eq!(decode_entities("& alone"), "& alone");
        assert_eq!(
            decode_entities("&verylongnamethatisnotanentity;"),
            "&verylongnamethatisnotanentity;"
        );
        assert_eq!(decode_entities("€&euro;"), "€€");
    }

    #[test]
    fn never_panics_on_broken_markup() {
        for input in [
            "<",
            "</",
            "<a",
            "<a href='",
            "<<<>>>",
            "<p>é<",
            "&#",
            "&#x;",
            "<script>",
            "</script>",
            "<😀>",
        ] {
            let _ = html_to_text(input);
        }
    }
}
