//! Export to the W3C Web Annotation Data Model: an `AnnotationCollection` of the document's
//! annotations, and a **bundle** (the same plus the article text).
//!
//! Every annotation becomes a W3C `Annotation` with:
//! - `motivation`: `identifying` (speaker mentions), `classifying` (quotes, figures),
//!   `commenting` (notes);
//! - a `TextualBody` with `purpose: "classifying"` and value `speaker`/`quote`/`figure`/`note`;
//!   the user's note as a `commenting` body; a quote's speaker as a `tagging` body (a speaker
//!   mention's as an `identifying` body) whose value is the speaker's name;
//! - a target with a `TextQuoteSelector` (`exact`, and [`CONTEXT_CHARS`] code points of `prefix`
//!   and `suffix`, snapped inwards to grapheme boundaries) and a `TextPositionSelector` (`start`,
//!   `end` in **code points**);
//! - `created`/`modified` in ISO 8601 (UTC, millisecond precision), `creator` and `generator`.
//!
//! What W3C has no term for goes under `sayso:` keys (an undefined prefix in JSON-LD reads as an
//! absolute IRI, so the document stays valid): `sayso:id`, `sayso:status`, `sayso:origin`,
//! `sayso:edited`, `sayso:quoteKind`, `sayso:figure` (kind, value, unit), `sayso:speaker` (the
//! speaker's id, on the speaker body) and `sayso:speakerAnnotation` (the id of the first speaker
//! mention of that speaker). The collection records `sayso:document` (id, title, source, text
//! hash, length, times) and `sayso:speakers`; a bundle adds `sayso:text`.
//!
//! Output is deterministic: the same document always gives the same JSON (keys sorted, items in
//! the document's order), so a golden file can hold it.
//!
//! ```
//! use sayso::model::{w3c, Document};
//! use sayso::model::annotation::{Annotation, AnnotationKind};
//! let mut doc = Document::new("Title\nShe said “no”.", None, 0.0);
//! doc.annotations.push(Annotation::manual("q1", AnnotationKind::Quote, 15, 19, "“no”", 0.0).into());
//! let out = w3c::export_collection(&doc);
//! assert_eq!(out["type"], "AnnotationCollection");
//! let item = &out["first"]["items"][0];
//! assert_eq!(item["motivation"], "classifying");
//! assert_eq!(item["body"][0]["value"], "quote");
//! assert_eq!(item["target"]["selector"][0]["prefix"], "Title\nShe said ");
//! assert_eq!(item["target"]["selector"][1]["start"], 15);
//! assert_eq!(item["created"], "1970-01-01T00:00:00.000Z");
//! assert!(w3c::export_bundle(&doc)["sayso:text"].is_string());
//! ```

use crate::model::annotation::{Annotation, AnnotationKind, Origin, Speaker};
use crate::model::offsets::TextIndex;
use crate::model::Document;
use serde_json::{json, Map, Value};
use unicode_segmentation::GraphemeCursor;

/// The JSON-LD context of the Web Annotation Data Model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Version of sayso's extension of the format, in `sayso:format`.
pub const FORMAT_VERSION: u64 = 1;
/// Code points of context kept on each side of a quote (before grapheme snapping).
pub const CONTEXT_CHARS: usize = 32;
/// The name written in `generator`, and recognised on import.
pub const GENERATOR_NAME: &str = "sayso";

/// The W3C `AnnotationCollection` of `doc`'s annotations (without the article text).
pub fn export_collection(doc: &Document) -> Value {
    export(doc, false)
}

/// [`export_collection`] plus the article text (`sayso:text`), so that a receiver without the
/// article can open it.
pub fn export_bundle(doc: &Document) -> Value {
    export(doc, true)
}

/// Pretty-printed JSON of an export, as written to a file.
pub fn to_pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A file name for an export of `doc`: the title as a lowercase ASCII slug (at most 60
/// characters; `article` when nothing is left), then `.` and `what`.
///
/// ```
/// use sayso::model::{w3c::file_name, Document};
/// let doc = Document::new("Zelensky: “Stand firm” — Ukraine 🇺🇦\nBody", None, 0.0);
/// assert_eq!(file_name(&doc, "annotations.jsonld"), "zelensky-stand-firm-ukraine.annotations.jsonld");
/// assert_eq!(file_name(&Document::new("新闻", None, 0.0), "csv"), "article.csv");
/// ```
pub fn file_name(doc: &Document, what: &str) -> String {
    let mut slug = String::new();
    for c in doc.title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "article" } else { slug };
    format!("{slug}.{what}")
}

fn export(doc: &Document, with_text: bool) -> Value {
    let index = TextIndex::new(&doc.text);
    let source = target_source(doc);
    let items: Vec<Value> = doc
        .annotations
        .iter()
        .map(|a| item(doc, &index, &source, a))
        .collect();
    let mut document = Map::new();
    document.insert("id".into(), json!(doc.id));
    document.insert("title".into(), json!(doc.title));
    if let Some(src) = &doc.source {
        document.insert("source".into(), json!(src));
    }
    document.insert("textHash".into(), json!(doc.text_hash));
    document.insert("length".into(), json!(doc.length));
    document.insert("created".into(), json!(format_iso8601(doc.created)));
    document.insert("modified".into(), json!(format_iso8601(doc.modified)));
    let speakers: Vec<Value> = doc.speakers.iter().map(speaker_json).collect();
    let mut out = Map::new();
    out.insert("@context".into(), json!(CONTEXT));
    out.insert("id".into(), json!(format!("urn:sayso:{}", doc.id)));
    out.insert("type".into(), json!("AnnotationCollection"));
    out.insert("label".into(), json!(doc.title));
    out.insert("total".into(), json!(items.len()));
    out.insert("generator".into(), generator());
    out.insert("created".into(), json!(format_iso8601(doc.created)));
    out.insert("modified".into(), json!(format_iso8601(doc.modified)));
    out.insert("sayso:format".into(), json!(FORMAT_VERSION));
    out.insert("sayso:document".into(), Value::Object(document));
    out.insert("sayso:speakers".into(), Value::Array(speakers));
    if with_text {
        out.insert("sayso:text".into(), json!(&*doc.text));
    }
    out.insert(
        "first".into(),
        json!({ "type": "AnnotationPage", "startIndex": 0, "items": items }),
    );
    Value::Object(out)
}

fn generator() -> Value {
    json!({ "id": "urn:sayso:app", "type": "Software", "name": GENERATOR_NAME })
}

/// The `source` of every target: the document's URL when it has one, else its content id.
fn target_source(doc: &Document) -> String {
    match &doc.source {
        Some(src) if src.starts_with("http://") || src.starts_with("https://") => src.clone(),
        _ => format!("urn:sayso:{}", doc.id),
    }
}

fn speaker_json(s: &Speaker) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(s.id));
    m.insert("name".into(), json!(s.name));
    if let Some(role) = &s.role {
        m.insert("role".into(), json!(role));
    }
    m.insert("organisation".into(), json!(s.organisation));
    Value::Object(m)
}

fn textual_body(purpose: &str, value: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("type".into(), json!("TextualBody"));
    m.insert("purpose".into(), json!(purpose));
    m.insert("value".into(), json!(value));
    m
}

fn item(doc: &Document, index: &TextIndex, source: &str, a: &Annotation) -> Value {
    let motivation = match a.kind {
        AnnotationKind::Speaker => "identifying",
        AnnotationKind::Quote | AnnotationKind::Figure => "classifying",
        AnnotationKind::Note => "commenting",
    };
    let mut bodies = vec![Value::Object(textual_body("classifying", a.kind.as_str()))];
    if let Some(speaker_id) = &a.speaker_id {
        let speaker = doc.speakers.iter().find(|s| &s.id == speaker_id);
        let purpose = if a.kind == AnnotationKind::Speaker {
            "identifying"
        } else {
            "tagging"
        };
        let name = speaker.map_or(speaker_id.as_str(), |s| s.name.as_str());
        let mut body = textual_body(purpose, name);
        body.insert("sayso:speaker".into(), json!(speaker_id));
        if let Some(mention) = doc.annotations.iter().find(|m| {
            m.kind == AnnotationKind::Speaker && m.speaker_id.as_ref() == Some(speaker_id)
        }) {
            body.insert("sayso:speakerAnnotation".into(), json!(mention.id));
        }
        bodies.push(Value::Object(body));
    }
    if let Some(note) = &a.note {
        let mut body = textual_body("commenting", note);
        body.insert("format".into(), json!("text/plain"));
        bodies.push(Value::Object(body));
    }
    // Offsets past the end (only a damaged document has them) are clamped, so that the file
    // stays importable and the annotation is found again by its quote.
    let start = a.start.min(index.len_cp());
    let end = a.end.clamp(start, index.len_cp());
    let (prefix, suffix) = quote_context(&doc.text, index, start, end);
    let selectors = json!([
        { "type": "TextQuoteSelector", "exact": a.exact, "prefix": prefix, "suffix": suffix },
        { "type": "TextPositionSelector", "start": start, "end": end },
    ]);
    let mut m = Map::new();
    m.insert("id".into(), json!(format!("urn:sayso:{}:{}", doc.id, a.id)));
    m.insert("type".into(), json!("Annotation"));
    m.insert("motivation".into(), json!(motivation));
    m.insert("created".into(), json!(format_iso8601(a.created)));
    m.insert("modified".into(), json!(format_iso8601(a.modified)));
    m.insert("creator".into(), creator(&a.origin));
    m.insert("generator".into(), generator());
    m.insert("body".into(), Value::Array(bodies));
    m.insert(
        "target".into(),
        json!({ "source": source, "selector": selectors }),
    );
    m.insert("sayso:id".into(), json!(a.id));
    m.insert("sayso:status".into(), json!(a.status));
    m.insert("sayso:origin".into(), json!(a.origin));
    m.insert("sayso:edited".into(), json!(a.edited));
    if let Some(kind) = a.quote_kind {
        m.insert("sayso:quoteKind".into(), json!(kind));
    }
    if let Some(figure) = &a.figure {
        m.insert("sayso:figure".into(), json!(figure));
    }
    Value::Object(m)
}

fn creator(origin: &Origin) -> Value {
    match origin {
        Origin::Auto { engine } => {
            json!({ "type": "Software", "name": format!("sayso engine {engine}") })
        }
        Origin::Manual => json!({ "type": "Person", "name": "sayso user" }),
        Origin::Imported { from } => json!({ "type": "Software", "name": from }),
    }
}

/// The `prefix` and `suffix` of the passage `start..end` (code points) of `text`: up to
/// [`CONTEXT_CHARS`] code points on each side, shortened so that they do not cut a grapheme
/// cluster (an emoji with its modifiers, a letter with its combining marks) at their outer end.
///
/// ```
/// use sayso::model::{offsets::TextIndex, w3c::quote_context};
/// let text = "👨🏻‍🚒 said it";
/// let index = TextIndex::new(text);
/// // 3 code points before "it" would cut nothing; 32 reach into the firefighter, whole.
/// assert_eq!(quote_context(text, &index, 10, 12), ("👨🏻‍🚒 said ".to_owned(), String::new()));
/// ```
pub fn quote_context(text: &str, index: &TextIndex, start: usize, end: usize) -> (String, String) {
    let len = index.len_cp();
    let (Some(sb), Some(eb)) = (
        index.cp_to_byte(start.min(len)),
        index.cp_to_byte(end.min(len)),
    ) else {
        return (String::new(), String::new());
    };
    let pb = index
        .cp_to_byte(start.min(len).saturating_sub(CONTEXT_CHARS))
        .unwrap_or(sb);
    let qb = index
        .cp_to_byte((end.min(len) + CONTEXT_CHARS).min(len))
        .unwrap_or(eb);
    let pb = snap(text, pb, true).min(sb);
    let qb = snap(text, qb, false).max(eb);
    let prefix = text.get(pb..sb).unwrap_or_default().to_owned();
    let suffix = text.get(eb..qb).unwrap_or_default().to_owned();
    (prefix, suffix)
}

/// Moves a byte offset to a grapheme boundary: forwards (`up`) or backwards.
fn snap(text: &str, at: usize, up: bool) -> usize {
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) | Err(_) => at,
        Ok(false) => {
            let moved = if up {
                cursor.next_boundary(text, 0)
            } else {
                cursor.prev_boundary(text, 0)
            };
            match moved {
                Ok(Some(b)) => b,
                _ => at,
            }
        }
    }
}

/// Formats epoch milliseconds as ISO 8601 in UTC with milliseconds: `2024-03-01T12:00:00.000Z`.
///
/// ```
/// use sayso::model::w3c::{format_iso8601, parse_iso8601};
/// assert_eq!(format_iso8601(1_709_294_400_123.0), "2024-03-01T12:00:00.123Z");
/// assert_eq!(parse_iso8601("2024-03-01T12:00:00.123Z"), Some(1_709_294_400_123.0));
/// assert_eq!(parse_iso8601("2024-03-01T13:00:00.123+01:00"), Some(1_709_294_400_123.0));
/// assert_eq!(parse_iso8601("yesterday"), None);
/// ```
pub fn format_iso8601(millis: f64) -> String {
    let total = millis.round() as i64;
    let ms = total.rem_euclid(1000);
    let secs = total.div_euclid(1000);
    let day_secs = secs.rem_euclid(86_400);
    let date = crate::model::format_date((secs.div_euclid(86_400) * 86_400_000) as f64);
    format!(
        "{date}T{:02}:{:02}:{:02}.{ms:03}Z",
        day_secs / 3600,
        day_secs / 60 % 60,
        day_secs % 60
    )
}

/// Parses an ISO 8601 date or date-time (`YYYY-MM-DD`, optional `THH:MM[:SS[.fff…]]`, optional
/// `Z` or `±HH:MM`/`±HHMM`; no zone means UTC) into epoch milliseconds; `None` when it is not one.
pub fn parse_iso8601(s: &str) -> Option<f64> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = s.get(from..from + len)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let year = num(0, 4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (month, day) = (num(5, 2)?, num(8, 2)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut millis = days_from_civil(year, month, day) * 86_400_000;
    let mut at = 10;
    if matches!(b.get(at), Some(b'T' | b't' | b' ')) {
        let (h, mi) = (num(at + 1, 2)?, num(at + 4, 2)?);
        if b.get(at + 3) != Some(&b':') || h > 24 || mi > 59 {
            return None;
        }
        millis += (h * 3600 + mi * 60) * 1000;
        at += 6;
        if b.get(at) == Some(&b':') {
            let sec = num(at + 1, 2)?;
            if sec > 60 {
                return None;
            }
            millis += sec * 1000;
            at += 3;
            if b.get(at) == Some(&b'.') {
                let digits = s
                    .get(at + 1..)?
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count();
                if digits == 0 {
                    return None;
                }
                let frac: String = s
                    .get(at + 1..at + 1 + digits)?
                    .chars()
                    .chain("000".chars())
                    .take(3)
                    .collect();
                millis += frac.parse::<i64>().ok()?;
                at += 1 + digits;
            }
        }
        match b.get(at) {
            None => {}
            Some(b'Z' | b'z') if at + 1 == b.len() => {}
            Some(sign @ (b'+' | b'-')) => {
                let oh = num(at + 1, 2)?;
                let om = match b.len() - at {
                    6 if b.get(at + 3) == Some(&b':') => num(at + 4, 2)?,
                    5 => num(at + 3, 2)?,
                    3 => 0,
                    _ => return None,
                };
                let offset = (oh * 60 + om) * 60_000;
                millis += if *sign == b'+' { -offset } else { offset };
            }
            _ => return None,
        }
    } else if at != b.len() {
        return None;
    }
    Some(millis as f64)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_table() {
        let cases = [
            ("epoch", "1970-01-01T00:00:00.000Z", Some(0.0)),
            ("date only", "2000-02-29", Some(951_782_400_000.0)),
            ("no seconds", "2000-02-29T01:02Z", Some(951_786_120_000.0)),
            (
                "micro seconds, +00:00 (hypothesis)",
                "2024-03-01T12:00:00.123456+00:00",
                Some(1_709_294_400_123.0),
            ),
            (
                "negative offset",
                "2024-03-01T07:00:00-0500",
                Some(1_709_294_400_000.0),
            ),
            ("before epoch", "1969-12-31T23:59:59.999Z", Some(-1.0)),
            ("garbage", "soon", None),
            ("bad month", "2024-13-01", None),
            ("trailing junk", "2024-03-01T12:00:00Zjunk", None),
            ("empty fraction", "2024-03-01T12:00:00.Z", None),
        ];
        for (name, text, want) in cases {
            assert_eq!(parse_iso8601(text), want, "case {name}");
        }
    }

    #[test]
    fn iso8601_round_trips_whole_milliseconds() {
        let mut ms = -86_400_000.0 * 800.0;
        while ms < 4_102_444_800_000.0 {
            assert_eq!(parse_iso8601(&format_iso8601(ms)), Some(ms), "{ms}");
            ms += 7_777_777_777.0;
        }
    }

    #[test]
    fn context_is_snapped_to_graphemes() {
        // A ZWJ firefighter (4 code points) on each side, 30 code points away from the quote.
        let text = format!("👨🏻‍🚒{}QUOTE{}👨🏻‍🚒", "a".repeat(30), "b".repeat(30));
        let index = TextIndex::new(&text);
        let start = text.chars().position(|c| c == 'Q').unwrap();
        let (prefix, suffix) = quote_context(&text, &index, start, start + 5);
        // 32 code points back lands inside the 4-code-point firefighter: the prefix skips it.
        assert_eq!(prefix, "a".repeat(30));
        assert_eq!(suffix, "b".repeat(30));
        let (short_prefix, _) = quote_context("x y", &TextIndex::new("x y"), 2, 3);
        assert_eq!(short_prefix, "x ");
    }
}
