//! What sayso saves and exports: documents, their metadata, and the versioned storage codec.
//!
//! Pure Rust: no browser types. Offsets saved here are Unicode code points (see [`offsets`]).
//!
//! ```
//! use sayso::model::Document;
//! let doc = Document::new("Title\nBody text.", None, 1_700_000_000_000.0);
//! assert_eq!(doc.title, "Title");
//! assert_eq!(doc.length, 16);
//! assert_eq!(doc.meta().id, doc.id);
//! ```

pub mod anchor;
pub mod annotation;
pub mod codec;
pub mod csv;
pub mod history;
pub mod html;
pub mod import;
pub mod input;
pub mod offsets;
pub mod report;
pub mod share;
pub mod spans;
pub mod suggest;
pub mod text;
pub mod w3c;

use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Milliseconds since the Unix epoch (what `Date.now()` gives in the browser).
pub type Millis = f64;

/// One article in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Content id: [`text::doc_id`] of the normalised text.
    pub id: String,
    /// First line of the text.
    pub title: String,
    /// The normalised text (see [`text::normalize`]).
    pub text: Rc<str>,
    /// [`text::text_hash`] of the text, recorded so that exports can tell a changed text.
    pub text_hash: String,
    /// Length of the text in code points.
    pub length: usize,
    /// Where the text came from, when known (a URL or a file name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When the document was first opened.
    pub created: Millis,
    /// When the document last changed.
    pub modified: Millis,
    /// Speakers of the document (from the engine or the user).
    #[serde(default)]
    pub speakers: Vec<annotation::Speaker>,
    /// Annotations, sorted by start. Each is shared (`Rc`), so the next state of a document
    /// copies pointers, not annotations; change one with `Rc::make_mut`.
    #[serde(default)]
    pub annotations: Vec<Rc<annotation::Annotation>>,
    /// Version of the engine whose suggestions the document holds (`None`: not analysed yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
    /// Undo and redo stacks.
    #[serde(default)]
    pub history: history::History,
}

impl Document {
    /// Builds a document from a text, which is normalised here.
    pub fn new(text: &str, source: Option<String>, now: Millis) -> Self {
        let text = text::normalize(text);
        let (title, _) = text::split_title(&text);
        Self {
            id: text::doc_id(&text),
            title,
            text_hash: text::text_hash(&text),
            length: text::char_len(&text),
            text: Rc::from(text),
            source,
            created: now,
            modified: now,
            speakers: Vec::new(),
            annotations: Vec::new(),
            engine: None,
            history: history::History::default(),
        }
    }

    /// What is written to local storage: everything but the engine's untouched suggestions,
    /// which are derived data (the engine is deterministic: running it again on load gives them
    /// back with the same ids). Keeps a long article's entry small enough for local storage.
    ///
    /// ```
    /// use sayso::model::Document;
    /// let mut doc = Document::new("T\n“Hi there, friends,” Ana Ruiz said.", None, 0.0);
    /// let (speakers, anns) = sayso::model::suggest::suggestions(&doc.text, &sayso::engine::analyze(&doc.text), 0.0);
    /// doc.speakers = speakers;
    /// doc.annotations = anns.into_iter().map(std::rc::Rc::new).collect();
    /// doc.engine = Some(sayso::model::suggest::ENGINE_VERSION.into());
    /// let stored = doc.for_storage();
    /// assert!(stored.annotations.is_empty());
    /// assert_eq!(stored.engine, None, "so it is analysed again when opened");
    /// ```
    pub fn for_storage(&self) -> Self {
        Self {
            annotations: self
                .annotations
                .iter()
                .filter(|a| a.is_decided())
                .cloned()
                .collect(),
            engine: None,
            ..self.clone()
        }
    }

    /// What the library list shows of this document.
    pub fn meta(&self) -> DocMeta {
        DocMeta {
            id: self.id.clone(),
            title: self.title.clone(),
            created: self.created,
            modified: self.modified,
            length: self.length,
        }
    }
}

/// A document's entry in the library list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// First opened.
    pub created: Millis,
    /// Last changed.
    pub modified: Millis,
    /// Length in code points.
    pub length: usize,
}

/// Formats epoch milliseconds as a UTC calendar date, `YYYY-MM-DD`.
///
/// ```
/// assert_eq!(sayso::model::format_date(0.0), "1970-01-01");
/// assert_eq!(sayso::model::format_date(1_709_251_200_000.0), "2024-03-01");
/// ```
pub fn format_date(millis: Millis) -> String {
    let days = (millis / 86_400_000.0).floor() as i64;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Formats a length in code points for the library list: `840 chars`, `12.3k chars`.
///
/// ```
/// assert_eq!(sayso::model::format_length(840), "840 chars");
/// assert_eq!(sayso::model::format_length(12_345), "12.3k chars");
/// ```
pub fn format_length(chars: usize) -> String {
    if chars < 1000 {
        format!("{chars} chars")
    } else {
        format!("{:.1}k chars", chars as f64 / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_document_normalises_and_measures_in_code_points() {
        let doc = Document::new("Tête\r\n🗳️ vote", Some("a.txt".into()), 5.0);
        assert_eq!(&*doc.text, "Tête\n🗳️ vote");
        assert_eq!(doc.length, 12);
        assert_eq!(doc.id, text::doc_id("Tête\n🗳️ vote"));
        assert_eq!((doc.created, doc.modified), (5.0, 5.0));
    }

    #[test]
    fn dates_table() {
        let cases = [
            ("epoch", 0.0, "1970-01-01"),
            ("leap day", 951_782_400_000.0, "2000-02-29"),
            ("before epoch", -86_400_000.0, "1969-12-31"),
            ("end of day", 86_399_999.0, "1970-01-01"),
        ];
        for (name, ms, want) in cases {
            assert_eq!(format_date(ms), want, "case {name}");
        }
    }
}
