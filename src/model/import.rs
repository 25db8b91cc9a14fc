//! Import of W3C Web Annotations: sayso's own bundle and collection, and plain annotations from
//! other tools (Hypothesis, Recogito, doccano exports converted to W3C…).
//!
//! [`import`] reads the JSON, checks it completely, anchors every annotation in the target text
//! and merges it with what is there, and returns the resulting [`Document`] in one
//! [`ImportOutcome`], so the UI applies it as one undoable step, or an [`ImportError`] that
//! names what is wrong and where, and then nothing changes.
//!
//! - **Which document**: a bundle (with `sayso:text`) opens as a new document, or merges onto the
//!   open one when their text hashes agree; a collection or plain annotations go onto the open
//!   document ([`ImportError::NoDocument`] when none is open).
//! - **Offsets**: for each annotation, its `TextPositionSelector` is read as code points, then
//!   UTF-16 code units (JavaScript tools), then UTF-8 bytes: the first reading that reproduces the
//!   `TextQuoteSelector`'s `exact` wins. When none does (the text changed), the quote is looked
//!   for ([`crate::model::anchor`]). Selectors may sit in an array, in `refinedBy`, or in the
//!   first of several targets.
//! - **Outcome**: each annotation ends [`Anchor::Exact`], `Moved`, `Fuzzy { score }` or
//!   `Orphan`. Orphans are added to the document with `anchor: Orphan` (their `start == end`,
//!   clamped to the text) and listed in [`ImportOutcome::orphans`]: never dropped, never placed.
//! - **Merging**: an annotation equal to an existing one (same kind, span, body and status) is
//!   skipped as a duplicate; one with the same kind and span but another body or status is not
//!   added and is reported as a [`Conflict`]. Speakers are matched by id and name, then by name.
//! - **Text stays text**: notes and names are kept verbatim (`<script>` included); the UI renders
//!   them as text, never as HTML.
//!
//! ```
//! use sayso::model::{import::import, w3c, Document};
//! use sayso::model::annotation::{Anchor, Annotation, AnnotationKind};
//! let mut doc = Document::new("Vote 🗳\nThe mayor said “we will build”.", None, 1.0);
//! doc.annotations.push(Annotation::manual("q1", AnnotationKind::Quote, 22, 37, "“we will build”", 1.0).into());
//! let file = w3c::to_pretty(&w3c::export_bundle(&doc));
//! let outcome = import(&file, None, 2.0).unwrap();
//! assert_eq!(outcome.document, doc);
//! assert!(outcome.new_document);
//! // A JavaScript tool's UTF-16 offsets are recognised by the quote they reproduce.
//! let js = r#"{"type": "Annotation", "body": "Key line", "target": {"selector": [
//!     {"type": "TextQuoteSelector", "exact": "we will build"},
//!     {"type": "TextPositionSelector", "start": 24, "end": 37}]}}"#;
//! let outcome = import(js, Some(&doc), 3.0).unwrap();
//! let added = outcome.document.annotations.iter().find(|a| a.note.as_deref() == Some("Key line")).unwrap();
//! assert_eq!((added.start, added.end, added.anchor), (23, 36, Anchor::Exact));
//! assert!(import("not json", Some(&doc), 3.0).unwrap_err().to_string().contains("not JSON"));
//! ```

use crate::model::anchor::{Anchorer, Placement, Quote};
use crate::model::annotation::{
    Anchor, Annotation, AnnotationKind, FigureInfo, Origin, QuoteKind, Speaker, Status,
};
use crate::model::w3c::{parse_iso8601, FORMAT_VERSION};
use crate::model::{text, Document, Millis};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Largest file imported: 20 MB (checked before anything is parsed).
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// Why an import was refused. Messages are shown to the user as they are; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`].
    #[error("the file is {size}: too large to import (sayso imports files up to 20 MB)")]
    TooLarge {
        /// Human-readable size.
        size: String,
    },
    /// Nothing but white space.
    #[error("the file is empty: there are no annotations in it")]
    Empty,
    /// Recognisably another format.
    #[error("the file is not JSON but {format}: sayso imports W3C Web Annotation JSON files")]
    OtherFormat {
        /// What it looks like ("a CSV table", "an HTML page"…).
        format: &'static str,
    },
    /// Broken JSON.
    #[error("the file is not valid JSON: {reason} at line {line}, column {column}")]
    InvalidJson {
        /// What the parser found.
        reason: String,
        /// Line of the error (from 1).
        line: usize,
        /// Column of the error (from 1).
        column: usize,
    },
    /// JSON, but not annotations.
    #[error("the file is JSON but not W3C annotations: {found}")]
    WrongShape {
        /// What was found instead.
        found: String,
    },
    /// A field of the wrong type or value.
    #[error("{at}: {field} is {found}, expected {expected}")]
    WrongType {
        /// `item 3` (counted from 1) or `the collection`.
        at: String,
        /// Path of the field in the item (`target.selector[0].start`).
        field: String,
        /// The value found, shortened.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// An offset past the end of the text it claims to point into.
    #[error("{at}: {field} is {value}, past the end of the text ({len} code points)")]
    OutOfRange {
        /// `item 3`.
        at: String,
        /// Path of the field.
        field: String,
        /// The offset.
        value: u64,
        /// Length of the text in code points.
        len: usize,
    },
    /// Another problem with an item, described.
    #[error("{at}: {problem}")]
    Invalid {
        /// `item 3` or `the collection`.
        at: String,
        /// What is wrong.
        problem: String,
    },
    /// Written by a newer sayso.
    #[error("the file was written by a newer version of sayso (format {found}; this one reads up to {FORMAT_VERSION})")]
    TooNew {
        /// Format version found.
        found: u64,
    },
    /// Annotations without their text, and no document open to put them on.
    #[error("these annotations need their article: open the article first, or import a bundle that includes its text")]
    NoDocument,
}

/// What the file was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    /// sayso's bundle: annotations and the article text.
    Bundle,
    /// sayso's collection: annotations only.
    Collection,
    /// W3C annotations from another tool.
    Annotations,
}

/// An imported annotation that was not added because one with the same kind and span but a
/// different body or status is already there.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Id of the annotation already in the document (kept).
    pub existing_id: String,
    /// The imported annotation (not added), anchored in the document's text.
    pub incoming: Annotation,
    /// What differs: `"status"`, `"speaker"`, `"quote kind"`, `"figure"`, `"note"`.
    pub fields: Vec<&'static str>,
}

/// The result of an import, to apply as one undoable step.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    /// The document after the import: the open one with the new annotations merged in, or a new
    /// one (see [`Self::new_document`]).
    pub document: Document,
    /// Whether [`Self::document`] is a new document (from a bundle whose text is not the open
    /// one's): the UI asks before replacing anything.
    pub new_document: bool,
    /// What the file was.
    pub kind: ImportKind,
    /// Whether the file was made on another version of the text (its recorded hash differs).
    pub text_changed: bool,
    /// The title of the document the file was made on, when it says (sayso's files do): for a
    /// message such as "made on another version of …".
    pub made_for: Option<String>,
    /// Annotations added (orphans included).
    pub added: usize,
    /// Of those, found at their recorded position.
    pub exact: usize,
    /// Of those, found elsewhere with the same text.
    pub moved: usize,
    /// Of those, found approximately.
    pub fuzzy: usize,
    /// Ids (in [`Self::document`]) of the added annotations that could not be placed.
    pub orphans: Vec<String>,
    /// Annotations skipped because they were already there.
    pub duplicates: usize,
    /// Annotations not added because they contradict one that is there.
    pub conflicts: Vec<Conflict>,
    /// Speakers added to the document.
    pub speakers_added: usize,
}

impl ImportOutcome {
    /// One line for the user: `3 annotations added (2 exact, 1 fuzzy), 1 orphan, 4 duplicates skipped`.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut how = Vec::new();
        for (n, word) in [
            (self.exact, "exact"),
            (self.moved, "moved"),
            (self.fuzzy, "fuzzy"),
        ] {
            if n > 0 {
                how.push(format!("{n} {word}"));
            }
        }
        let mut parts = vec![plural(self.added, "annotation") + " added"];
        if !how.is_empty() {
            parts[0] = format!("{} ({})", parts[0], how.join(", "));
        }
        if !self.orphans.is_empty() {
            parts.push(plural(self.orphans.len(), "orphan"));
        }
        if self.duplicates > 0 {
            parts.push(plural(self.duplicates, "duplicate") + " skipped");
        }
        if !self.conflicts.is_empty() {
            parts.push(plural(self.conflicts.len(), "conflict"));
        }
        parts.join(", ")
    }
}

/// Imports `json` (see the module docs) onto `current`, the open document if any, at time `now`.
pub fn import(
    json: &str,
    current: Option<&Document>,
    now: Millis,
) -> Result<ImportOutcome, ImportError> {
    if json.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size: format!("{:.1} MB", json.len() as f64 / (1024.0 * 1024.0)),
        });
    }
    let value = parse_json(json)?;
    let file = classify(&value)?;
    let ours = file.top.is_some_and(|t| t.contains_key("sayso:format"));
    let top_at = "the collection".to_owned();
    if let Some(top) = file.top {
        if let Some(found) = get_u64(top, "sayso:format", &top_at, "sayso:format")? {
            if found > FORMAT_VERSION {
                return Err(ImportError::TooNew { found });
            }
        }
    }
    let recorded = match file.top {
        Some(top) if ours => Some(recorded_document(top, &top_at)?),
        _ => None,
    };
    let bundle_text = match file.top {
        Some(top) if ours => get_str(top, "sayso:text", &top_at, "sayso:text")?,
        _ => None,
    };
    let items: Vec<Incoming> = file
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| parse_item(item, &format!("item {}", i + 1), ours))
        .collect::<Result<_, _>>()?;
    let speakers = match file.top {
        Some(top) if ours => parse_speakers(top, &top_at)?,
        _ => Vec::new(),
    };

    // The document the annotations go onto.
    let (base, new_document, kind) = match (bundle_text, current) {
        (Some(raw), current) => {
            let normalized = text::normalize(raw);
            let hash = text::text_hash(&normalized);
            match current {
                Some(doc) if doc.text_hash == hash => (doc.clone(), false, ImportKind::Bundle),
                _ => {
                    let rec = recorded.clone().unwrap_or_default();
                    let mut doc =
                        Document::new(&normalized, rec.source, rec.created.unwrap_or(now));
                    if let Some(title) = rec.title {
                        doc.title = title;
                    }
                    doc.modified = rec.modified.unwrap_or(now);
                    (doc, true, ImportKind::Bundle)
                }
            }
        }
        (None, Some(doc)) => {
            let kind = if ours {
                ImportKind::Collection
            } else {
                ImportKind::Annotations
            };
            (doc.clone(), false, kind)
        }
        (None, None) => return Err(ImportError::NoDocument),
    };
    let recorded_hash = recorded.as_ref().and_then(|r| r.text_hash.clone());
    let same_text = ours && recorded_hash.as_deref() == Some(base.text_hash.as_str());
    let text_changed = recorded_hash.is_some_and(|h| h != base.text_hash);
    let made_for = recorded.and_then(|r| r.title);

    let mut outcome = merge(
        base,
        new_document,
        kind,
        text_changed,
        same_text,
        items,
        speakers,
        now,
    )?;
    outcome.made_for = made_for;
    Ok(outcome)
}

/// Parses JSON after the size check, telling another format from broken JSON.
fn parse_json(json: &str) -> Result<Value, ImportError> {
    let trimmed = json.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    let looks_json = trimmed.starts_with('{') || trimmed.starts_with('[');
    match serde_json::from_str::<Value>(trimmed) {
        Ok(value) => Ok(value),
        Err(_) if !looks_json => Err(ImportError::OtherFormat {
            format: sniff(trimmed),
        }),
        Err(_) if is_json_lines(trimmed) => Err(ImportError::OtherFormat {
            format: "JSON Lines (one record per line, like sayso's command-line output)",
        }),
        Err(e) => {
            let full = e.to_string();
            let reason = full
                .rsplit_once(" at line ")
                .map_or(full.as_str(), |(reason, _)| reason)
                .to_owned();
            // Line and column in the file as given (leading white space was trimmed above; a
            // byte-order mark is invisible, so it does not count), the column in characters.
            let body = json.strip_prefix('\u{feff}').unwrap_or(json);
            let skipped = &body[..body.len() - body.trim_start().len()];
            let extra_lines = skipped.matches('\n').count();
            let line_text = trimmed
                .split('\n')
                .nth(e.line().saturating_sub(1))
                .unwrap_or("");
            let mut byte_col = e.column().min(line_text.len());
            while !line_text.is_char_boundary(byte_col) {
                byte_col -= 1;
            }
            let mut column = line_text[..byte_col].chars().count().max(1);
            if e.line() == 1 {
                column += skipped.rsplit('\n').next().map_or(0, |l| l.chars().count());
            }
            Err(ImportError::InvalidJson {
                reason,
                line: e.line() + extra_lines,
                column,
            })
        }
    }
}

/// Whether every non-blank line is JSON on its own (and there are several).
fn is_json_lines(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.len() > 1
        && lines
            .iter()
            .all(|l| serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok())
}

/// What a non-JSON text looks like.
fn sniff(text: &str) -> &'static str {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let mut lines = head.lines().filter(|l| !l.trim().is_empty());
    let (first, second) = (lines.next().unwrap_or_default(), lines.next());
    // A table: the first two lines have the same number of separators.
    let table = second.is_some_and(|second| {
        [',', ';', '\t'].iter().any(|&sep| {
            let n = first.matches(sep).count();
            n > 0 && n == second.matches(sep).count()
        })
    });
    if head.starts_with("<!doctype html") || head.contains("<html") || head.contains("<body") {
        "an HTML page"
    } else if head.starts_with('<') {
        "an XML or HTML document"
    } else if head.starts_with("%pdf") {
        "a PDF"
    } else if table {
        "a CSV table"
    } else {
        "plain text"
    }
}

/// The top of a file: its items, and the object that held them (for a collection).
struct File<'v> {
    top: Option<&'v Map<String, Value>>,
    items: Vec<&'v Value>,
}

fn types(map: &Map<String, Value>) -> Vec<&str> {
    match map.get("type").or_else(|| map.get("@type")) {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn has_type(map: &Map<String, Value>, name: &str) -> bool {
    types(map).iter().any(|t| {
        *t == name || t.strip_prefix("oa:") == Some(name) || t.strip_prefix("as:") == Some(name)
    })
}

fn classify(value: &Value) -> Result<File<'_>, ImportError> {
    match value {
        Value::Array(list) => Ok(File {
            top: None,
            items: list.iter().collect(),
        }),
        Value::Object(map) => {
            if has_type(map, "AnnotationCollection") || map.contains_key("sayso:format") {
                let page = match map.get("first") {
                    Some(Value::Object(page)) => Some(page),
                    Some(Value::String(link)) => {
                        return Err(ImportError::WrongShape {
                            found: format!(
                                "a collection whose annotations are not in the file (first is a link to {})",
                                shorten(link)
                            ),
                        })
                    }
                    _ => None,
                };
                let items = page
                    .and_then(|p| p.get("items"))
                    .or_else(|| map.get("items"));
                match items {
                    Some(Value::Array(list)) => Ok(File {
                        top: Some(map),
                        items: list.iter().collect(),
                    }),
                    None => Ok(File {
                        top: Some(map),
                        items: Vec::new(),
                    }),
                    Some(other) => Err(wrong_type(
                        "the collection",
                        "first.items",
                        other,
                        "an array of annotations",
                    )),
                }
            } else if has_type(map, "AnnotationPage") {
                match map.get("items") {
                    Some(Value::Array(list)) => Ok(File {
                        top: None,
                        items: list.iter().collect(),
                    }),
                    Some(other) => Err(wrong_type(
                        "the page",
                        "items",
                        other,
                        "an array of annotations",
                    )),
                    None => Ok(File {
                        top: None,
                        items: Vec::new(),
                    }),
                }
            } else if has_type(map, "Annotation") || map.contains_key("target") {
                Ok(File {
                    top: None,
                    items: vec![value],
                })
            } else if let Some(Value::Array(rows)) = map.get("rows") {
                // A Hypothesis search result: {"total": n, "rows": [...]}.
                Ok(File {
                    top: None,
                    items: rows.iter().collect(),
                })
            } else {
                let keys: Vec<&str> = map.keys().take(8).map(String::as_str).collect();
                Err(ImportError::WrongShape {
                    found: if keys.is_empty() {
                        "an empty object".to_owned()
                    } else {
                        format!(
                            "an object with keys {} (expected an Annotation, an array of them or an AnnotationCollection)",
                            keys.join(", ")
                        )
                    },
                })
            }
        }
        other => Err(ImportError::WrongShape {
            found: format!(
                "{} (expected an Annotation, an array of them or an AnnotationCollection)",
                describe(other)
            ),
        }),
    }
}

/// A short description of a JSON value for messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("\"{}\"", shorten(s)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_owned()
    }
}

fn wrong_type(at: &str, field: &str, found: &Value, expected: &str) -> ImportError {
    ImportError::WrongType {
        at: at.to_owned(),
        field: field.to_owned(),
        found: describe(found),
        expected: expected.to_owned(),
    }
}

fn get_str<'v>(
    map: &'v Map<String, Value>,
    key: &str,
    at: &str,
    field: &str,
) -> Result<Option<&'v str>, ImportError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(wrong_type(at, field, other, "a string")),
    }
}

fn get_u64(
    map: &Map<String, Value>,
    key: &str,
    at: &str,
    field: &str,
) -> Result<Option<u64>, ImportError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .map(Some)
            .ok_or_else(|| wrong_type(at, field, v, "a non-negative integer")),
    }
}

fn get_bool(
    map: &Map<String, Value>,
    key: &str,
    at: &str,
    field: &str,
) -> Result<Option<bool>, ImportError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(wrong_type(at, field, other, "true or false")),
    }
}

fn get_time(
    map: &Map<String, Value>,
    key: &str,
    at: &str,
    field: &str,
) -> Result<Option<f64>, ImportError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v @ Value::String(s)) => parse_iso8601(s)
            .map(Some)
            .ok_or_else(|| wrong_type(at, field, v, "an ISO 8601 date-time")),
        Some(other) => Err(wrong_type(at, field, other, "an ISO 8601 date-time")),
    }
}

/// What sayso's collection records of its document.
#[derive(Debug, Clone, Default)]
struct Recorded {
    title: Option<String>,
    source: Option<String>,
    text_hash: Option<String>,
    created: Option<f64>,
    modified: Option<f64>,
}

fn recorded_document(top: &Map<String, Value>, at: &str) -> Result<Recorded, ImportError> {
    let doc = match top.get("sayso:document") {
        None | Some(Value::Null) => return Ok(Recorded::default()),
        Some(Value::Object(doc)) => doc,
        Some(other) => return Err(wrong_type(at, "sayso:document", other, "an object")),
    };
    let field = |k: &str| format!("sayso:document.{k}");
    Ok(Recorded {
        title: get_str(doc, "title", at, &field("title"))?.map(str::to_owned),
        source: get_str(doc, "source", at, &field("source"))?.map(str::to_owned),
        text_hash: get_str(doc, "textHash", at, &field("textHash"))?.map(str::to_owned),
        created: get_time(doc, "created", at, &field("created"))?,
        modified: get_time(doc, "modified", at, &field("modified"))?,
    })
}

fn parse_speakers(top: &Map<String, Value>, at: &str) -> Result<Vec<Speaker>, ImportError> {
    let list = match top.get("sayso:speakers") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(list)) => list,
        Some(other) => return Err(wrong_type(at, "sayso:speakers", other, "an array")),
    };
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let field = |k: &str| format!("sayso:speakers[{i}].{k}");
            let Value::Object(m) = v else {
                return Err(wrong_type(
                    at,
                    &format!("sayso:speakers[{i}]"),
                    v,
                    "a speaker object",
                ));
            };
            let id = get_str(m, "id", at, &field("id"))?.ok_or_else(|| ImportError::Invalid {
                at: at.to_owned(),
                problem: format!("{} is missing", field("id")),
            })?;
            Ok(Speaker {
                id: id.to_owned(),
                name: get_str(m, "name", at, &field("name"))?
                    .unwrap_or(id)
                    .to_owned(),
                role: get_str(m, "role", at, &field("role"))?.map(str::to_owned),
                organisation: get_bool(m, "organisation", at, &field("organisation"))?
                    .unwrap_or(false),
            })
        })
        .collect()
}

/// A `TextQuoteSelector`.
#[derive(Debug, Clone, Default)]
struct QuoteSel {
    exact: String,
    prefix: String,
    suffix: String,
}

/// A `TextPositionSelector`, with the path of its `end` for messages.
#[derive(Debug, Clone)]
struct PositionSel {
    start: u64,
    end: u64,
    field: String,
}

/// A speaker named by an imported annotation.
#[derive(Debug, Clone, Default)]
struct SpeakerRef {
    id: Option<String>,
    name: Option<String>,
}

/// One item, read and checked, not yet anchored.
#[derive(Debug, Clone)]
struct Incoming {
    at: String,
    id: Option<String>,
    kind: AnnotationKind,
    status: Status,
    quote: Option<QuoteSel>,
    position: Option<PositionSel>,
    note: Option<String>,
    speaker: Option<SpeakerRef>,
    quote_kind: Option<QuoteKind>,
    figure: Option<FigureInfo>,
    origin: Option<Origin>,
    edited: bool,
    created: Option<f64>,
    modified: Option<f64>,
}

fn parse_item(value: &Value, at: &str, ours: bool) -> Result<Incoming, ImportError> {
    let Value::Object(m) = value else {
        return Err(ImportError::Invalid {
            at: at.to_owned(),
            problem: format!("is {}, expected an annotation object", describe(value)),
        });
    };
    let item_types = types(m);
    if !item_types.is_empty() && !has_type(m, "Annotation") {
        return Err(ImportError::Invalid {
            at: at.to_owned(),
            problem: format!(
                "has type \"{}\", expected \"Annotation\"",
                shorten(item_types[0])
            ),
        });
    }
    let (quote, position) = target_selectors(m, at)?;
    let mut bodies = Bodies::default();
    match m.get("bodyValue") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => bodies.notes.push(s.clone()),
        Some(other) => return Err(wrong_type(at, "bodyValue", other, "a string")),
    }
    if let Some(body) = m.get("body") {
        bodies.collect(body, "body", at)?;
    }
    // Hypothesis keeps the note in `text` (empty for a plain highlight).
    if let Some(s) = get_str(m, "text", at, "text")?.filter(|s| !s.is_empty()) {
        bodies.notes.push(s.to_owned());
    }
    let kind = bodies.kind.unwrap_or(AnnotationKind::Note);
    // A tag names a speaker only on quotes and speaker mentions, or when sayso says so.
    let speaker = bodies.speaker.clone().filter(|r| {
        r.id.is_some() || matches!(kind, AnnotationKind::Quote | AnnotationKind::Speaker)
    });
    let status = match m.get("sayso:status") {
        None | Some(Value::Null) => Status::Confirmed,
        Some(v) => serde_json::from_value(v.clone()).map_err(|_| {
            wrong_type(
                at,
                "sayso:status",
                v,
                "\"suggested\", \"confirmed\" or \"rejected\"",
            )
        })?,
    };
    let quote_kind = match m.get("sayso:quoteKind") {
        None | Some(Value::Null) => None,
        Some(v) => Some(serde_json::from_value(v.clone()).map_err(|_| {
            wrong_type(
                at,
                "sayso:quoteKind",
                v,
                "\"direct\", \"mixed\" or \"indirect\"",
            )
        })?),
    };
    let figure =
        match m.get("sayso:figure") {
            None | Some(Value::Null) => None,
            Some(v) => Some(serde_json::from_value(v.clone()).map_err(|_| {
                wrong_type(at, "sayso:figure", v, "a figure object with a known kind")
            })?),
        };
    let origin = match m.get("sayso:origin") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            serde_json::from_value(v.clone())
                .map_err(|_| wrong_type(at, "sayso:origin", v, "an origin object"))?,
        ),
    };
    let id = match get_str(m, "sayso:id", at, "sayso:id")? {
        Some(id) => Some(id.to_owned()),
        None => get_str(m, "id", at, "id")?.map(str::to_owned),
    };
    let origin = origin.or_else(|| {
        (!ours).then(|| Origin::Imported {
            from: foreign_generator(m),
        })
    });
    let modified = match get_time(m, "modified", at, "modified")? {
        Some(t) => Some(t),
        None => get_time(m, "updated", at, "updated")?,
    };
    let note = (!bodies.notes.is_empty()).then(|| bodies.notes.join("\n\n"));
    Ok(Incoming {
        at: at.to_owned(),
        id,
        kind,
        status,
        quote,
        position,
        note,
        speaker,
        quote_kind,
        figure,
        origin,
        edited: get_bool(m, "sayso:edited", at, "sayso:edited")?.unwrap_or(false),
        created: get_time(m, "created", at, "created")?,
        modified,
    })
}

/// Who made a foreign annotation, for its `Origin::Imported`.
fn foreign_generator(m: &Map<String, Value>) -> String {
    let name = |v: Option<&Value>| match v {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => o
            .get("name")
            .or_else(|| o.get("id"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        _ => None,
    };
    if let Some(n) = name(m.get("generator")) {
        return shorten(&n);
    }
    let hypothesis = m
        .get("user")
        .and_then(Value::as_str)
        .is_some_and(|u| u.contains("hypothes.is"))
        || m.get("id")
            .and_then(Value::as_str)
            .is_some_and(|u| u.contains("hypothes.is"))
        || m.contains_key("uri") && m.contains_key("user");
    if hypothesis {
        "Hypothesis".to_owned()
    } else {
        "W3C annotation".to_owned()
    }
}

fn target_selectors(
    m: &Map<String, Value>,
    at: &str,
) -> Result<(Option<QuoteSel>, Option<PositionSel>), ImportError> {
    let mut found = (None, None);
    match m.get("target") {
        None | Some(Value::Null) => {
            return Err(ImportError::Invalid {
                at: at.to_owned(),
                problem: "has no target (a W3C annotation must say what it annotates)".to_owned(),
            })
        }
        Some(Value::String(_)) => {}
        Some(Value::Object(t)) => {
            if let Some(sel) = t.get("selector") {
                collect_selectors(sel, "target.selector", at, &mut found)?;
            }
        }
        Some(Value::Array(list)) => {
            for (i, t) in list.iter().enumerate() {
                match t {
                    Value::String(_) => {}
                    Value::Object(t) => {
                        if let Some(sel) = t.get("selector") {
                            collect_selectors(
                                sel,
                                &format!("target[{i}].selector"),
                                at,
                                &mut found,
                            )?;
                        }
                    }
                    other => {
                        return Err(wrong_type(
                            at,
                            &format!("target[{i}]"),
                            other,
                            "an object or a string",
                        ))
                    }
                }
                if found.0.is_some() || found.1.is_some() {
                    break;
                }
            }
        }
        Some(other) => {
            return Err(wrong_type(
                at,
                "target",
                other,
                "an object, a string or an array",
            ))
        }
    }
    Ok(found)
}

fn collect_selectors(
    sel: &Value,
    path: &str,
    at: &str,
    found: &mut (Option<QuoteSel>, Option<PositionSel>),
) -> Result<(), ImportError> {
    match sel {
        Value::Array(list) => {
            for (i, s) in list.iter().enumerate() {
                collect_selectors(s, &format!("{path}[{i}]"), at, found)?;
            }
        }
        Value::String(_) => {}
        Value::Object(s) => {
            if has_type(s, "TextQuoteSelector") {
                let field = |k: &str| format!("{path}.{k}");
                let exact = get_str(s, "exact", at, &field("exact"))?.ok_or_else(|| {
                    ImportError::Invalid {
                        at: at.to_owned(),
                        problem: format!(
                            "{} is missing (a TextQuoteSelector needs the quoted text)",
                            field("exact")
                        ),
                    }
                })?;
                let quote = QuoteSel {
                    exact: text::normalize(exact),
                    prefix: text::normalize(
                        get_str(s, "prefix", at, &field("prefix"))?.unwrap_or_default(),
                    ),
                    suffix: text::normalize(
                        get_str(s, "suffix", at, &field("suffix"))?.unwrap_or_default(),
                    ),
                };
                found.0.get_or_insert(quote);
            } else if has_type(s, "TextPositionSelector") {
                let field = |k: &str| format!("{path}.{k}");
                let offset = |k: &str| -> Result<u64, ImportError> {
                    match s.get(k) {
                        Some(v) => v
                            .as_u64()
                            .ok_or_else(|| wrong_type(at, &field(k), v, "a non-negative integer")),
                        None => Err(ImportError::Invalid {
                            at: at.to_owned(),
                            problem: format!(
                                "{} is missing (a TextPositionSelector needs start and end)",
                                field(k)
                            ),
                        }),
                    }
                };
                let (start, end) = (offset("start")?, offset("end")?);
                if start > end {
                    return Err(ImportError::Invalid {
                        at: at.to_owned(),
                        problem: format!("{path} starts at {start}, after its end {end}"),
                    });
                }
                found.1.get_or_insert(PositionSel {
                    start,
                    end,
                    field: field("end"),
                });
            }
            if let Some(refined) = s.get("refinedBy") {
                collect_selectors(refined, &format!("{path}.refinedBy"), at, found)?;
            }
        }
        other => {
            return Err(wrong_type(
                at,
                path,
                other,
                "a selector object or an array of them",
            ))
        }
    }
    Ok(())
}

/// What the bodies of an item say.
#[derive(Debug, Default)]
struct Bodies {
    kind: Option<AnnotationKind>,
    notes: Vec<String>,
    speaker: Option<SpeakerRef>,
}

impl Bodies {
    fn collect(&mut self, body: &Value, path: &str, at: &str) -> Result<(), ImportError> {
        match body {
            Value::Null => {}
            Value::String(iri) => self.notes.push(iri.clone()),
            Value::Array(list) => {
                for (i, b) in list.iter().enumerate() {
                    self.collect(b, &format!("{path}[{i}]"), at)?;
                }
            }
            Value::Object(b) => self.one(b, path, at)?,
            other => {
                return Err(wrong_type(
                    at,
                    path,
                    other,
                    "an object, a string or an array",
                ))
            }
        }
        Ok(())
    }

    fn one(&mut self, b: &Map<String, Value>, path: &str, at: &str) -> Result<(), ImportError> {
        if has_type(b, "Choice") {
            if let Some(Value::Array(items)) = b.get("items") {
                if let Some(first) = items.first() {
                    self.collect(first, &format!("{path}.items[0]"), at)?;
                }
            }
            return Ok(());
        }
        let value = get_str(b, "value", at, &format!("{path}.value"))?;
        let purposes: Vec<&str> = match b.get("purpose") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(p)) => vec![p.as_str()],
            Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
            Some(other) => {
                return Err(wrong_type(
                    at,
                    &format!("{path}.purpose"),
                    other,
                    "a string",
                ))
            }
        };
        let has = |p: &str| {
            purposes
                .iter()
                .any(|q| *q == p || q.strip_prefix("oa:") == Some(p))
        };
        let speaker_id = get_str(b, "sayso:speaker", at, &format!("{path}.sayso:speaker"))?;
        if has("classifying") {
            let kind = match value {
                Some("speaker") => Some(AnnotationKind::Speaker),
                Some("quote") => Some(AnnotationKind::Quote),
                Some("figure") => Some(AnnotationKind::Figure),
                Some("note") => Some(AnnotationKind::Note),
                _ => None,
            };
            if self.kind.is_none() {
                self.kind = kind;
            }
        } else if has("tagging") || has("identifying") {
            if self.speaker.is_none() {
                self.speaker = Some(SpeakerRef {
                    id: speaker_id.map(str::to_owned),
                    name: value.map(str::to_owned),
                });
            }
        } else if let Some(v) = value {
            self.notes.push(v.to_owned());
        } else if let Some(source) = get_str(b, "source", at, &format!("{path}.source"))? {
            self.notes.push(source.to_owned());
        } else if let Some(Value::String(id)) = b.get("id") {
            self.notes.push(id.clone());
        }
        Ok(())
    }
}

/// The speakers of the resulting document, and how imported speaker ids map onto them.
struct SpeakerBook {
    speakers: Vec<Speaker>,
    map: HashMap<String, String>,
    by_name: bool,
    added: usize,
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl SpeakerBook {
    fn free_id(&self, wanted: &str) -> String {
        let taken = |id: &str| self.speakers.iter().any(|s| s.id == id);
        if !taken(wanted) {
            return wanted.to_owned();
        }
        (2..)
            .map(|n| format!("{wanted}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or_else(|| wanted.to_owned())
    }

    fn adopt(&mut self, incoming: &Speaker) {
        let known = self
            .speakers
            .iter()
            .find(|s| s.id == incoming.id && same_name(&s.name, &incoming.name))
            .or_else(|| {
                self.by_name
                    .then(|| {
                        self.speakers
                            .iter()
                            .find(|s| same_name(&s.name, &incoming.name))
                    })
                    .flatten()
            })
            .map(|s| s.id.clone());
        let id = match known {
            Some(id) => id,
            None => {
                let id = self.free_id(&incoming.id);
                self.speakers.push(Speaker {
                    id: id.clone(),
                    ..incoming.clone()
                });
                self.added += 1;
                id
            }
        };
        self.map.insert(incoming.id.clone(), id);
    }

    fn resolve(&mut self, r: &SpeakerRef) -> Option<String> {
        if let Some(id) = r.id.as_ref().and_then(|id| self.map.get(id)) {
            return Some(id.clone());
        }
        let name = r.name.as_deref().filter(|n| !n.trim().is_empty());
        if let Some(name) = name {
            if let Some(s) = self.speakers.iter().find(|s| same_name(&s.name, name)) {
                return Some(s.id.clone());
            }
        }
        let name = name.or(r.id.as_deref())?;
        let wanted =
            r.id.clone()
                .unwrap_or_else(|| format!("s-{}", self.speakers.len() + 1));
        let speaker = Speaker {
            id: wanted,
            name: name.to_owned(),
            role: None,
            organisation: false,
        };
        self.adopt(&speaker);
        self.map.get(&speaker.id).cloned()
    }
}

/// What two annotations with the same kind and span differ in.
fn differences(a: &Annotation, b: &Annotation) -> Vec<&'static str> {
    let mut out = Vec::new();
    if a.status != b.status {
        out.push("status");
    }
    if a.speaker_id != b.speaker_id {
        out.push("speaker");
    }
    if a.quote_kind != b.quote_kind {
        out.push("quote kind");
    }
    if a.figure != b.figure {
        out.push("figure");
    }
    if a.note != b.note {
        out.push("note");
    }
    out
}

/// Anchors one item in the target text.
fn place(
    anchorer: &Anchorer,
    inc: &Incoming,
    same_text: bool,
) -> Result<(Placement, String), ImportError> {
    let len = anchorer.len_cp();
    let to_usize = |v: u64| usize::try_from(v).unwrap_or(usize::MAX);
    let out_of_range = |p: &PositionSel| ImportError::OutOfRange {
        at: inc.at.clone(),
        field: p.field.clone(),
        value: p.end,
        len,
    };
    let found = |start: usize, end: usize, anchor: Anchor| Placement { start, end, anchor };
    match (&inc.quote, &inc.position) {
        (Some(q), position) => {
            if let Some(p) = position {
                let (s, e) = (to_usize(p.start), to_usize(p.end));
                if same_text && e > len {
                    return Err(out_of_range(p));
                }
                let index = anchorer.index();
                let readings = [
                    Some((s, e)),
                    index.utf16_to_cp(s).zip(index.utf16_to_cp(e)),
                    index.byte_to_cp(s).zip(index.byte_to_cp(e)),
                ];
                for (cs, ce) in readings.into_iter().flatten() {
                    if anchorer.slice(cs, ce) == Some(q.exact.as_str()) {
                        return Ok((found(cs, ce, Anchor::Exact), q.exact.clone()));
                    }
                }
            }
            let quote = Quote {
                exact: &q.exact,
                prefix: &q.prefix,
                suffix: &q.suffix,
                hint: position.as_ref().map(|p| to_usize(p.start)),
            };
            let placed = anchorer.locate(&quote);
            let exact = match placed.anchor {
                Anchor::Fuzzy { .. } => anchorer
                    .slice(placed.start, placed.end)
                    .unwrap_or(&q.exact)
                    .to_owned(),
                _ => q.exact.clone(),
            };
            Ok((placed, exact))
        }
        (None, Some(p)) => {
            let (s, e) = (to_usize(p.start), to_usize(p.end));
            match anchorer.slice(s, e) {
                Some(exact) if e <= len => Ok((found(s, e, Anchor::Exact), exact.to_owned())),
                _ => Err(out_of_range(p)),
            }
        }
        (None, None) => Ok((found(0, 0, Anchor::Orphan), String::new())),
    }
}

#[allow(clippy::too_many_arguments)]
fn merge(
    mut doc: Document,
    new_document: bool,
    kind: ImportKind,
    text_changed: bool,
    same_text: bool,
    items: Vec<Incoming>,
    speakers: Vec<Speaker>,
    now: Millis,
) -> Result<ImportOutcome, ImportError> {
    let text = doc.text.clone();
    let anchorer = Anchorer::new(&text);
    let mut book = SpeakerBook {
        speakers: std::mem::take(&mut doc.speakers),
        map: HashMap::new(),
        by_name: !new_document,
        added: 0,
    };
    for s in &speakers {
        book.adopt(s);
    }
    let existing = std::mem::take(&mut doc.annotations);
    let mut used: HashSet<String> = existing.iter().map(|a| a.id.clone()).collect();
    let mut replaced: HashSet<String> = HashSet::new();
    // Existing annotations by what makes a twin: kind and span (placed) or kind and text (orphans).
    let mut by_span: HashMap<(AnnotationKind, usize, usize), Vec<&Annotation>> = HashMap::new();
    let mut by_text: HashMap<(AnnotationKind, &str), Vec<&Annotation>> = HashMap::new();
    for e in &existing {
        if e.anchor == Anchor::Orphan {
            by_text
                .entry((e.kind, e.exact.as_str()))
                .or_default()
                .push(e);
        } else {
            by_span.entry((e.kind, e.start, e.end)).or_default().push(e);
        }
    }
    let mut outcome = ImportOutcome {
        document: Document::new("", None, now),
        new_document,
        kind,
        text_changed,
        made_for: None,
        added: 0,
        exact: 0,
        moved: 0,
        fuzzy: 0,
        orphans: Vec::new(),
        duplicates: 0,
        conflicts: Vec::new(),
        speakers_added: 0,
    };
    let mut added: Vec<Annotation> = Vec::new();
    for (n, inc) in items.iter().enumerate() {
        let (placed, exact) = place(&anchorer, inc, same_text)?;
        let speaker_id = inc.speaker.as_ref().and_then(|r| book.resolve(r));
        let wanted = inc
            .id
            .clone()
            .unwrap_or_else(|| format!("import-{}", n + 1));
        let id = if used.contains(&wanted) {
            (2..)
                .map(|k| format!("{wanted}-{k}"))
                .find(|id| !used.contains(id))
                .unwrap_or(wanted)
        } else {
            wanted
        };
        let created = inc.created.unwrap_or(now);
        let mut annotation = Annotation {
            id,
            kind: inc.kind,
            status: inc.status,
            start: placed.start,
            end: placed.end,
            exact,
            speaker_id,
            quote_kind: inc.quote_kind,
            figure: inc.figure.clone(),
            note: inc.note.clone(),
            origin: inc.origin.clone().unwrap_or(Origin::Imported {
                from: "W3C annotation".to_owned(),
            }),
            edited: inc.edited,
            anchor: placed.anchor,
            created,
            modified: inc.modified.unwrap_or(created),
        };
        let orphan = annotation.anchor == Anchor::Orphan;
        let exact_key = annotation.exact.clone();
        let twins = if orphan {
            by_text.get(&(annotation.kind, exact_key.as_str()))
        } else {
            by_span.get(&(annotation.kind, annotation.start, annotation.end))
        };
        let mut twins = twins.into_iter().flatten().peekable();
        // An untouched engine suggestion gives way to a decision from the file (the user's
        // accept or reject travels with the export): the file's annotation takes its place.
        let undecided_twin = twins
            .peek()
            .filter(|t| {
                !t.is_decided()
                    && annotation.is_decided()
                    && !differences(t, &annotation).is_empty()
            })
            .map(|t| t.id.clone());
        if let Some(twin_id) = undecided_twin {
            annotation.id = twin_id.clone();
            replaced.insert(twin_id);
        } else if let Some(first) = twins.next() {
            let fields = differences(first, &annotation);
            if fields.is_empty() || twins.any(|t| differences(t, &annotation).is_empty()) {
                outcome.duplicates += 1;
            } else {
                outcome.conflicts.push(Conflict {
                    existing_id: first.id.clone(),
                    incoming: annotation,
                    fields,
                });
            }
            continue;
        }
        match annotation.anchor {
            Anchor::Exact => outcome.exact += 1,
            Anchor::Moved => outcome.moved += 1,
            Anchor::Fuzzy { .. } => outcome.fuzzy += 1,
            Anchor::Orphan => outcome.orphans.push(annotation.id.clone()),
        }
        used.insert(annotation.id.clone());
        added.push(annotation);
    }
    outcome.added = added.len();
    outcome.speakers_added = book.added;
    let mut annotations = existing;
    annotations.retain(|a| !replaced.contains(&a.id));
    annotations.extend(added.into_iter().map(Rc::new));
    annotations.sort_by_key(|a| a.start);
    doc.annotations = annotations;
    doc.speakers = book.speakers;
    if !new_document && (outcome.added > 0 || outcome.speakers_added > 0) {
        doc.modified = now;
    }
    outcome.document = doc;
    Ok(outcome)
}
