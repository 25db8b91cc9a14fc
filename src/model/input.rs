//! Turning what the user gives (a file's bytes, pasted text) into an article text, or a clear
//! error that names what is wrong.
//!
//! ```
//! use sayso::model::input::{text_from_file, InputError};
//! assert_eq!(text_from_file("a.txt", "", b"Title\r\nBody").unwrap(), "Title\nBody");
//! assert_eq!(text_from_file("a.html", "", b"<h1>T</h1><p>B</p>").unwrap(), "T\nB");
//! assert!(matches!(text_from_file("a.pdf", "application/pdf", b"%PDF"), Err(InputError::Unsupported { .. })));
//! ```

use crate::model::html::html_to_text;
use crate::model::text::normalize;

/// Largest file sayso opens: 20 MB.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Why an input was not opened. Messages are shown to the user as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// Nothing but white space.
    #[error("{what} is empty: there is no text to open")]
    Empty {
        /// "the pasted text" or "file 'x.txt'".
        what: String,
    },
    /// Over [`MAX_FILE_BYTES`].
    #[error("file '{name}' is {size} — too large (sayso opens files up to 20 MB)")]
    TooLarge {
        /// File name.
        name: String,
        /// Human-readable size.
        size: String,
    },
    /// Not a text, Markdown or HTML file.
    #[error("file '{name}' is not a text file: sayso opens .txt, .md and .html files")]
    Unsupported {
        /// File name.
        name: String,
    },
    /// Contains NUL bytes or other signs of binary content.
    #[error("file '{name}' looks binary, not text (it contains NUL or control bytes)")]
    Binary {
        /// File name.
        name: String,
    },
    /// Not valid UTF-8 (or UTF-16 with a byte-order mark).
    #[error("file '{name}' is not valid UTF-8 text (invalid byte at offset {at}); save it as UTF-8 and try again")]
    InvalidUtf8 {
        /// File name.
        name: String,
        /// Byte offset of the first invalid byte.
        at: usize,
    },
    /// The browser could not read the file.
    #[error("file '{name}' could not be read: {reason}")]
    Unreadable {
        /// File name.
        name: String,
        /// What the browser said.
        reason: String,
    },
}

/// What kind of text a file holds, judged by its name and MIME type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text or Markdown: kept as it is.
    Text,
    /// HTML: converted to its readable text.
    Html,
}

/// Judges a file by its extension, then its MIME type; `None` when sayso does not open it.
///
/// ```
/// use sayso::model::input::{file_kind, FileKind};
/// assert_eq!(file_kind("Story.HTM", ""), Some(FileKind::Html));
/// assert_eq!(file_kind("notes", "text/plain"), Some(FileKind::Text));
/// assert_eq!(file_kind("photo.png", "image/png"), None);
/// ```
pub fn file_kind(name: &str, mime: &str) -> Option<FileKind> {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "txt" | "text" | "md" | "markdown" => return Some(FileKind::Text),
        "html" | "htm" | "xhtml" => return Some(FileKind::Html),
        _ => {}
    }
    let mime = mime.to_ascii_lowercase();
    if mime.starts_with("text/html") || mime.starts_with("application/xhtml") {
        Some(FileKind::Html)
    } else if mime.starts_with("text/") {
        Some(FileKind::Text)
    } else {
        None
    }
}

/// Formats a byte count for messages: `20.5 MB`, `12 KB`, `7 bytes`.
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Checks a file before reading it: its kind and size.
pub fn check_file(name: &str, mime: &str, size: u64) -> Result<FileKind, InputError> {
    let kind = file_kind(name, mime).ok_or_else(|| InputError::Unsupported {
        name: name.to_owned(),
    })?;
    if size > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            name: name.to_owned(),
            size: human_size(size),
        });
    }
    Ok(kind)
}

/// Decodes a file's bytes into a normalised article text.
pub fn text_from_file(name: &str, mime: &str, bytes: &[u8]) -> Result<String, InputError> {
    let kind = check_file(name, mime, bytes.len() as u64)?;
    let decoded = decode(name, bytes)?;
    let text = match kind {
        FileKind::Text => normalize(&decoded),
        FileKind::Html => html_to_text(&normalize(&decoded)),
    };
    non_empty(text, &format!("file '{name}'"))
}

/// Checks pasted text and normalises it.
///
/// ```
/// use sayso::model::input::text_from_paste;
/// assert!(text_from_paste(" \n\t").is_err());
/// assert_eq!(text_from_paste("T\r\nx").unwrap(), "T\nx");
/// ```
pub fn text_from_paste(text: &str) -> Result<String, InputError> {
    non_empty(normalize(text), "the pasted text")
}

fn non_empty(text: String, what: &str) -> Result<String, InputError> {
    if text.trim().is_empty() {
        Err(InputError::Empty {
            what: what.to_owned(),
        })
    } else {
        Ok(text)
    }
}

fn decode(name: &str, bytes: &[u8]) -> Result<String, InputError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(name, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(name, rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(InputError::Binary {
            name: name.to_owned(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => Err(InputError::InvalidUtf8 {
            name: name.to_owned(),
            at: err.valid_up_to(),
        }),
    }
}

fn decode_utf16(name: &str, bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFF,
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok('\0') => {
                return Err(InputError::Binary {
                    name: name.to_owned(),
                })
            }
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(InputError::InvalidUtf8 {
                    name: name.to_owned(),
                    at: 2 + 2 * i,
                })
            }
        }
    }
    Ok(out)
}

/// NUL anywhere, or more than 1 % of C0 control bytes other than tab, newline, carriage
/// return and form feed, in the first 64 KB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 100 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_table() {
        let ok: &[(&str, &str, &[u8], &str)] = &[
            ("txt", "a.txt", b"T\nbody", "T\nbody"),
            ("bom stripped", "a.txt", b"\xEF\xBB\xBFT", "T"),
            ("markdown kept as text", "a.md", b"# T\n*x*", "# T\n*x*"),
            ("crlf normalised", "a.txt", b"a\r\nb", "a\nb"),
            ("utf-16 le with bom", "a.txt", b"\xFF\xFEh\0i\0", "hi"),
            ("utf-16 be with bom", "a.txt", b"\xFE\xFF\0h\0i", "hi"),
            ("html", "a.html", b"<p>x &amp; y</p>", "x & y"),
            ("text mime without extension", "story", b"plain", "plain"),
            ("emoji and cjk", "a.txt", "👨🏻‍🚒 新闻".as_bytes(), "👨🏻‍🚒 新闻"),
        ];
        for (case, name, bytes, want) in ok {
            let mime = if *name == "story" { "text/plain" } else { "" };
            assert_eq!(
                text_from_file(name, mime, bytes).as_deref(),
                Ok(*want),
                "case {case}"
            );
        }
    }

    #[test]
    fn bad_files_get_named_errors() {
        let err =
            |name: &str, mime: &str, bytes: &[u8]| text_from_file(name, mime, bytes).unwrap_err();
        assert!(matches!(
            err("a.png", "image/png", b"\x89PNG"),
            InputError::Unsupported { .. }
        ));
        assert!(matches!(
            err("a.txt", "", b"ab\0cd"),
            InputError::Binary { .. }
        ));
        assert!(matches!(
            err("a.txt", "", b"\x01\x02\x03\x04ab"),
            InputError::Binary { .. }
        ));
        assert_eq!(
            err("a.txt", "", b"ok\xFFno"),
            InputError::InvalidUtf8 {
                name: "a.txt".into(),
                at: 2
            }
        );
        assert!(matches!(
            err("a.txt", "", b"  \n "),
            InputError::Empty { .. }
        ));
        assert!(matches!(
            err("a.html", "", b"<script>x</script>"),
            InputError::Empty { .. }
        ));
        assert!(matches!(
            err("a.txt", "", b"\xFF\xFE\x00\xD8"),
            InputError::InvalidUtf8 { .. }
        ));
        let msg = err("a.txt", "", b"ok\xFFno").to_string();
        assert!(msg.contains("a.txt") && msg.contains("UTF-8"), "{msg}");
    }

    #[test]
    fn size_is_checked_before_reading() {
        let e = check_file("big.txt", "", MAX_FILE_BYTES + 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "file 'big.txt' is 20.0 MB — too large (sayso opens files up to 20 MB)"
        );
        assert!(check_file("ok.txt", "", MAX_FILE_BYTES).is_ok());
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human_size(7), "7 bytes");
        assert_eq!(human_size(12 * 1024), "12 KB");
        assert_eq!(human_size(25 * 1024 * 1024), "25.0 MB");
    }
}
