//! The storage codec: one namespaced, versioned envelope around everything sayso saves.
//!
//! Every value under a `sayso:` key is `{"app": "sayso", "schema": N, "data": …}`. Decoding
//! tells apart "not JSON" (corrupt), "JSON of another shape", and "written by a newer sayso", so
//! the caller can keep the original aside instead of overwriting it. Older schemas are brought up
//! to date by [`migrate`], one step per version.
//!
//! ```
//! use sayso::model::{codec, Document};
//! let doc = Document::new("Title\nBody", None, 1.0);
//! let saved = codec::encode(&doc);
//! let back: Document = codec::decode(&saved).unwrap();
//! assert_eq!(back, doc);
//! assert!(matches!(codec::decode::<Document>("{oops"), Err(codec::DecodeError::Corrupt(_))));
//! ```

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

use crate::model::{text, Document};

/// The schema version this build writes. Schema 2 may keep a document's text apart from its
/// entry (see [`doc_entry`]); an older sayso sees "newer" and leaves such entries alone.
pub const SCHEMA_VERSION: u64 = 2;
/// The value of the envelope's `app` field.
pub const APP: &str = "sayso";
/// Prefix of every storage key sayso owns.
pub const NAMESPACE: &str = "sayso:";
/// Key of the settings envelope (which document is open).
pub const SETTINGS_KEY: &str = "sayso:settings";
/// Prefix of document keys: `sayso:doc:<id>`.
pub const DOC_PREFIX: &str = "sayso:doc:";
/// Prefix of text keys: `sayso:text:<id>`, a document's text, written once (see [`doc_entry`]).
pub const TEXT_PREFIX: &str = "sayso:text:";
/// Prefix of keys under which unreadable entries are kept aside.
pub const BACKUP_PREFIX: &str = "sayso:backup:";

/// The key of a document.
pub fn doc_key(id: &str) -> String {
    format!("{DOC_PREFIX}{id}")
}

/// The key of a document's text.
pub fn text_key(id: &str) -> String {
    format!("{TEXT_PREFIX}{id}")
}

/// A document's storage entry: [`Document::for_storage`] without its text, which is written
/// once under [`text_key`] (as [`encode`]`(&*doc.text)`), so that saving an annotation on a long
/// article writes kilobytes, not the article. [`attach_text`] puts it back.
///
/// ```
/// use sayso::model::{codec, Document};
/// let doc = Document::new("Title\nA long body.", None, 1.0);
/// let entry = codec::doc_entry(&doc);
/// let mut back: Document = codec::decode(&entry).unwrap();
/// assert!(codec::text_apart(&back));
/// codec::attach_text(&mut back, &codec::encode(&*doc.text)).unwrap();
/// assert_eq!(back, doc.for_storage());
/// let other = codec::encode("Title\nAnother body.");
/// assert!(codec::attach_text(&mut codec::decode(&entry).unwrap(), &other).is_err());
/// ```
pub fn doc_entry(doc: &Document) -> String {
    let mut stored = doc.for_storage();
    stored.text = std::rc::Rc::from("");
    encode(&stored)
}

/// Whether a decoded entry's text is kept under [`text_key`] (a document is never empty).
pub fn text_apart(doc: &Document) -> bool {
    doc.text.is_empty() && doc.length > 0
}

/// Puts a document's text, read from its [`text_key`] entry, back into the document, after
/// checking that it is the text the entry was written with (its hash and length).
pub fn attach_text(doc: &mut Document, raw: &str) -> Result<(), DecodeError> {
    let text: String = decode(raw)?;
    if text::text_hash(&text) != doc.text_hash || text::char_len(&text) != doc.length {
        return Err(DecodeError::WrongShape(
            "the stored text is not the one this document was written with".into(),
        ));
    }
    doc.text = std::rc::Rc::from(text);
    Ok(())
}

/// The key under which an unreadable value of `key` is kept aside at time `now` (ms).
pub fn backup_key(key: &str, now: f64) -> String {
    format!("{BACKUP_PREFIX}{now:.0}:{key}")
}

/// Settings saved beside the documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Settings {
    /// Id of the document that was open.
    #[serde(default)]
    pub current: Option<String>,
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Not JSON at all.
    #[error("not valid JSON ({0})")]
    Corrupt(String),
    /// JSON, but not what sayso writes.
    #[error("unexpected content ({0})")]
    WrongShape(String),
    /// Written by a newer version of sayso.
    #[error("written by a newer version of sayso (schema {found}, this one reads up to {SCHEMA_VERSION})")]
    TooNew {
        /// Schema found.
        found: u64,
    },
}

/// Wraps `data` in the current envelope and serialises it.
pub fn encode<T: Serialize + ?Sized>(data: &T) -> String {
    let value = json!({ "app": APP, "schema": SCHEMA_VERSION, "data": data });
    value.to_string()
}

/// Parses an envelope, migrates it to [`SCHEMA_VERSION`] and deserialises its data.
pub fn decode<T: DeserializeOwned>(raw: &str) -> Result<T, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let (schema, data) = open_envelope(value)?;
    let data = migrate(data, schema)?;
    serde_json::from_value(data).map_err(|e| DecodeError::WrongShape(e.to_string()))
}

/// Splits an envelope into its schema and data. A bare object without an envelope is schema 0
/// (what a hand-written or pre-envelope entry looks like).
fn open_envelope(value: Value) -> Result<(u64, Value), DecodeError> {
    let Value::Object(mut map) = value else {
        return Err(DecodeError::WrongShape("expected a JSON object".into()));
    };
    if !map.contains_key("app") && !map.contains_key("schema") {
        return Ok((0, Value::Object(map)));
    }
    if map.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(DecodeError::WrongShape(
            "the envelope's app is not \"sayso\"".into(),
        ));
    }
    let schema = map
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| DecodeError::WrongShape("the envelope has no numeric schema".into()))?;
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::TooNew { found: schema });
    }
    let data = map
        .remove("data")
        .ok_or_else(|| DecodeError::WrongShape("the envelope has no data".into()))?;
    Ok((schema, data))
}

/// One migration step: turns data of schema `n` into data of schema `n + 1`.
type Step = fn(Value) -> Result<Value, DecodeError>;

/// `STEPS[n]` migrates schema `n` to `n + 1`.
const STEPS: &[Step] = &[from_0_to_1, from_1_to_2];

/// Brings `data` written with schema `from` up to [`SCHEMA_VERSION`].
pub fn migrate(mut data: Value, from: u64) -> Result<Value, DecodeError> {
    for step in STEPS.iter().skip(from as usize) {
        data = step(data)?;
    }
    Ok(data)
}

/// Schema 0 (a bare document object, as written by hand or by a pre-envelope build) may lack the
/// derived fields `id`, `title`, `text_hash`, `length`, `created` and `modified`: they are
/// computed from `text`.
fn from_0_to_1(data: Value) -> Result<Value, DecodeError> {
    let Value::Object(mut map) = data else {
        return Err(DecodeError::WrongShape("expected a JSON object".into()));
    };
    if let Some(text) = map.get("text").and_then(Value::as_str) {
        let created = map.get("created").and_then(Value::as_f64).unwrap_or(0.0);
        let doc = crate::model::Document::new(text, None, created);
        let derived =
            serde_json::to_value(&doc).map_err(|e| DecodeError::WrongShape(e.to_string()))?;
        if let Value::Object(derived) = derived {
            for (key, value) in derived {
                map.entry(key).or_insert(value);
            }
        }
        map.insert("text".into(), Value::String(doc.text.to_string()));
    }
    Ok(Value::Object(map))
}

/// Schema 2 only adds the option of keeping a document's text apart: schema 1 data is valid as is.
fn from_1_to_2(data: Value) -> Result<Value, DecodeError> {
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn schema_1_entries_keep_their_text_inline_and_read_as_they_are() {
        let doc = Document::new("Old entry\nWritten by sayso 0.2.", None, 4.0);
        let data = serde_json::to_value(&doc).unwrap();
        let raw = json!({ "app": APP, "schema": 1, "data": data }).to_string();
        let back: Document = decode(&raw).unwrap();
        assert!(!text_apart(&back));
        assert_eq!(back, doc);
        // What this build writes keeps the text apart; the text entry is checked against it.
        let mut apart: Document = decode(&doc_entry(&doc)).unwrap();
        assert!(text_apart(&apart));
        assert!(attach_text(&mut apart, "not json").is_err());
        assert!(attach_text(&mut apart, &encode("Old entry\nWritten by sayso 0.3.")).is_err());
        attach_text(&mut apart, &encode(&*doc.text)).unwrap();
        assert_eq!(apart, doc);
    }

    #[test]
    fn round_trip_keeps_every_field() {
        let mut doc = Document::new("Tête 🗳️\nbody “quoted”", Some("file.html".into()), 3.0);
        doc.modified = 9.0;
        let back: Document = decode(&encode(&doc)).unwrap();
        assert_eq!(back, doc);
        let settings = Settings {
            current: Some(doc.id.clone()),
        };
        assert_eq!(decode::<Settings>(&encode(&settings)).unwrap(), settings);
    }

    #[test]
    fn decode_errors_table() {
        let cases = [
            ("not json", "{oops", "not valid JSON"),
            ("empty string", "", "not valid JSON"),
            ("array", "[1,2]", "expected a JSON object"),
            (
                "other app",
                r#"{"app":"x","schema":1,"data":{}}"#,
                "app is not",
            ),
            (
                "schema missing",
                r#"{"app":"sayso","data":{}}"#,
                "no numeric schema",
            ),
            ("data missing", r#"{"app":"sayso","schema":1}"#, "no data"),
            (
                "wrong types",
                r#"{"app":"sayso","schema":1,"data":{"id":5}}"#,
                "unexpected content",
            ),
            (
                "too new",
                r#"{"app":"sayso","schema":99,"data":{}}"#,
                "newer version",
            ),
        ];
        for (name, raw, want) in cases {
            let err = decode::<Document>(raw).unwrap_err().to_string();
            assert!(err.contains(want), "case {name}: {err}");
        }
    }

    #[test]
    fn schema_0_bare_document_is_migrated() {
        let doc: Document = decode(r#"{"text":"Old title\r\nold body","created":7}"#).unwrap();
        assert_eq!(doc.title, "Old title");
        assert_eq!(&*doc.text, "Old title\nold body");
        assert_eq!(doc.id, crate::model::text::doc_id("Old title\nold body"));
        assert_eq!(doc.created, 7.0);
        // Fields that were present are kept as they were.
        let doc: Document = decode(r#"{"text":"T\nb","title":"Kept"}"#).unwrap();
        assert_eq!(doc.title, "Kept");
    }

    #[test]
    fn keys_are_namespaced() {
        assert_eq!(doc_key("d1"), "sayso:doc:d1");
        assert_eq!(
            backup_key("sayso:doc:d1", 12.0),
            "sayso:backup:12:sayso:doc:d1"
        );
        assert!(SETTINGS_KEY.starts_with(NAMESPACE) && DOC_PREFIX.starts_with(NAMESPACE));
    }
}
