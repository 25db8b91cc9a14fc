//! Document text: normalisation, content ids, title and paragraphs.
//!
//! Normalisation only turns `\r\n` and lone `\r` into `\n` (no NFC/NFKC: it would move offsets).
//!
//! ```
//! use sayso::model::text::{normalize, doc_id, split_title};
//! let text = normalize("Title\r\nFirst paragraph.\rSecond.");
//! assert_eq!(text, "Title\nFirst paragraph.\nSecond.");
//! assert_eq!(doc_id(&text), doc_id("Title\nFirst paragraph.\nSecond."));
//! assert_eq!(split_title(&text).0, "Title");
//! ```

/// Replaces `\r\n` and lone `\r` with `\n`; leaves every other character as it is.
pub fn normalize(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// FNV-1a, 64 bits, over the UTF-8 bytes of `text`.
pub fn fnv1a64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The hash recorded with a document: `fnv1a64:` and 16 hex digits.
pub fn text_hash(normalized: &str) -> String {
    format!("fnv1a64:{:016x}", fnv1a64(normalized))
}

/// The id of a document: derived from its normalised text, so the same text opened twice is one
/// document.
pub fn doc_id(normalized: &str) -> String {
    format!("d{:016x}", fnv1a64(normalized))
}

/// Longest title kept, in characters; longer first lines are cut with an ellipsis.
pub const MAX_TITLE_CHARS: usize = 140;

/// Splits a normalised text into its title (first non-blank line, Markdown heading marks
/// removed, cut to [`MAX_TITLE_CHARS`]) and the byte offset where the body starts.
///
/// ```
/// use sayso::model::text::split_title;
/// assert_eq!(split_title("\n# Hello\nBody"), ("Hello".to_owned(), 9));
/// assert_eq!(split_title(""), (String::new(), 0));
/// ```
pub fn split_title(text: &str) -> (String, usize) {
    let mut offset = 0;
    for line in text.split('\n') {
        let next = offset + line.len() + 1;
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let title = trimmed.trim_start_matches('#').trim();
            return (short_to(title, MAX_TITLE_CHARS), next.min(text.len()));
        }
        offset = next;
    }
    (String::new(), text.len())
}

/// The first `max` characters of a text, with an ellipsis when cut.
///
/// ```
/// use sayso::model::text::short_to;
/// assert_eq!(short_to("abcdef", 3), "abc…");
/// assert_eq!(short_to("ab c", 3), "ab…");
/// assert_eq!(short_to("ab", 3), "ab");
/// ```
pub fn short_to(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_owned(),
    }
}

/// The first 40 characters of a text, with an ellipsis when cut (for labels and lists).
pub fn short(text: &str) -> String {
    short_to(text, 40)
}

/// A paragraph of a document: a non-blank line, as a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// First byte of the line.
    pub start: usize,
    /// One past the last byte of the line (the `\n` excluded).
    pub end: usize,
}

/// The non-blank lines of `text` from byte `from` on, as byte ranges.
///
/// ```
/// use sayso::model::text::{paragraphs, Paragraph};
/// let text = "T\nOne.\n\n  \nTwo.";
/// assert_eq!(paragraphs(text, 2), vec![Paragraph { start: 2, end: 6 }, Paragraph { start: 11, end: 15 }]);
/// ```
pub fn paragraphs(text: &str, from: usize) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        if start >= from && !line.trim().is_empty() {
            out.push(Paragraph {
                start,
                end: start + line.len(),
            });
        }
    }
    out
}

/// Number of Unicode code points in `text` (the unit of every saved offset and length).
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Every occurrence of `phrase` in `text` that starts and ends on word boundaries, as code point
/// ranges, in order, not overlapping. Case-sensitive (names are). An empty phrase has none.
///
/// ```
/// use sayso::model::text::occurrences;
/// let text = "Rutte met Zelensky. Rutteson did not. “Rutte,” he said — Rutte’s view.";
/// assert_eq!(occurrences(text, "Rutte"), vec![(0, 5), (39, 44), (57, 62)]);
/// assert!(occurrences(text, "").is_empty());
/// ```
pub fn occurrences(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return Vec::new();
    }
    let index = crate::model::offsets::TextIndex::new(text);
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find(phrase)) {
        let start = from + found;
        let end = start + phrase.len();
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        let after = text.get(end..).and_then(|s| s.chars().next());
        let first_is_word = is_word(phrase.chars().next());
        let last_is_word = is_word(phrase.chars().next_back());
        let bounded = !(first_is_word && is_word(before) || last_is_word && is_word(after));
        if bounded {
            if let (Some(s), Some(e)) = (index.byte_to_cp(start), index.byte_to_cp(end)) {
                out.push((s, e));
            }
            from = end;
        } else {
            from = start + phrase.chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_table() {
        let cases = [
            ("unix newlines untouched", "a\nb", "a\nb"),
            ("windows newlines", "a\r\nb\r\n", "a\nb\n"),
            ("old mac newlines", "a\rb", "a\nb"),
            ("mixed", "a\r\r\nb", "a\n\nb"),
            ("no NFC: combining mark kept", "e\u{301}\r\n", "e\u{301}\n"),
            ("empty", "", ""),
        ];
        for (name, input, want) in cases {
            assert_eq!(normalize(input), want, "case {name}");
        }
    }

    #[test]
    fn ids_depend_on_text_only() {
        assert_eq!(doc_id("same"), doc_id("same"));
        assert_ne!(doc_id("same"), doc_id("other"));
        assert_eq!(doc_id("x").len(), 17);
        assert!(text_hash("x").starts_with("fnv1a64:"));
        // FNV-1a test vector.
        assert_eq!(fnv1a64("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn title_is_first_nonblank_line_and_cut() {
        let long = "x".repeat(300);
        let (title, body) = split_title(&long);
        assert_eq!(title.chars().count(), MAX_TITLE_CHARS + 1);
        assert!(title.ends_with('…'));
        assert_eq!(body, 300);
        assert_eq!(
            split_title("  \n\n Zelensky speaks \nbody").0,
            "Zelensky speaks"
        );
    }

    #[test]
    fn paragraphs_skip_blank_lines_and_keep_offsets() {
        let text = "Title\nfirst 🗳️\n\nsecond";
        let paras = paragraphs(text, split_title(text).1);
        let got: Vec<&str> = paras.iter().map(|p| &text[p.start..p.end]).collect();
        assert_eq!(got, ["first 🗳️", "second"]);
    }
}
