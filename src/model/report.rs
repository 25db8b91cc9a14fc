//! The engine's analysis as the documented JSON report, offsets in Unicode code points: what
//! `sayso-cli analyze` prints per article and what the browser API `sayso.analyze(text)` returns.
//!
//! ```
//! use sayso::model::report::report;
//! let text = "🗳️ “We’re ready for the vote,” Ana Ruiz said. It cost £3 million.";
//! let r = report(None, text, &sayso::engine::analyze(text));
//! let q = &r.quotes[0];
//! assert_eq!(q.text, "We’re ready for the vote,");
//! assert_eq!(q.start, 4, "code points: the emoji and its selector (2), a space, “");
//! assert_eq!(text.chars().skip(q.start).take(q.end - q.start).collect::<String>(), q.text);
//! assert_eq!(q.speaker.as_deref(), Some("Ana Ruiz"));
//! let f = r.figures.iter().find(|f| f.kind == "money").unwrap();
//! assert_eq!(f.value, serde_json::json!(3_000_000.0));
//! assert_eq!(f.unit.as_deref(), Some("GBP"));
//! ```

use crate::engine::Analysis;
use crate::model::offsets::TextIndex;
use serde::Serialize;
use serde_json::Value;

/// Byte offset → Unicode code point offset, through the app's one conversion module. Engine spans
/// are on char boundaries; an offset that is not (never expected) maps to the end of the text.
struct CpIndex(TextIndex);

impl CpIndex {
    /// Indexes `text`.
    fn new(text: &str) -> Self {
        CpIndex(TextIndex::new(text))
    }

    /// The code point offset of byte offset `b`.
    fn byte_to_cp(&self, b: usize) -> usize {
        self.0.byte_to_cp(b).unwrap_or_else(|| self.0.len_cp())
    }
}

fn slice(text: &str, s: usize, e: usize) -> &str {
    text.get(s..e).unwrap_or("")
}

/// A figure's normalised value as JSON: a number when it parses as one, else its string (dates).
fn figure_value(v: &Option<String>) -> Value {
    match v {
        None => Value::Null,
        Some(s) => match s.parse::<f64>() {
            Ok(f) if f.is_finite() => serde_json::Number::from_f64(f)
                .map_or_else(|| Value::String(s.clone()), Value::Number),
            _ => Value::String(s.clone()),
        },
    }
}

/// One analysed article, fields in the documented order.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The input line's id (absent in the browser API, which has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Value>,
    pub speakers: Vec<OutSpeaker>,
    pub people: Vec<OutPerson>,
    pub quotes: Vec<OutQuote>,
    pub figures: Vec<OutFigure>,
}

#[derive(Debug, Serialize)]
pub struct OutSpan {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize)]
pub struct OutSpeaker {
    pub id: usize,
    pub name: String,
    pub role: Option<String>,
    pub organisation: bool,
    pub mentions: Vec<OutSpan>,
}

#[derive(Debug, Serialize)]
pub struct OutPerson {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub name: String,
    pub speaker: bool,
}

#[derive(Debug, Serialize)]
pub struct OutQuote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: &'static str,
    pub speaker: Option<String>,
    pub speaker_id: Option<usize>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    pub attribution: usize,
}

#[derive(Debug, Serialize)]
pub struct OutFigure {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: &'static str,
    pub value: Value,
    pub unit: Option<String>,
}

/// The report of analysis `a` of `text`, offsets in code points.
pub fn report(id: Option<Value>, text: &str, a: &Analysis) -> Report {
    let ix = CpIndex::new(text);
    let cp = |b: usize| ix.byte_to_cp(b);
    let speakers = a
        .speakers
        .iter()
        .map(|s| OutSpeaker {
            id: s.id,
            name: s.name.clone(),
            role: s.role.clone(),
            organisation: s.organisation,
            mentions: s
                .mentions
                .iter()
                .map(|m| OutSpan {
                    start: cp(m.start),
                    end: cp(m.end),
                })
                .collect(),
        })
        .collect();
    let people = a
        .people
        .iter()
        .map(|p| OutPerson {
            start: cp(p.span.start),
            end: cp(p.span.end),
            text: slice(text, p.span.start, p.span.end).to_string(),
            name: p.name.clone(),
            speaker: p.speaker,
        })
        .collect();
    let quotes = a
        .quotes
        .iter()
        .map(|q| OutQuote {
            start: cp(q.span.start),
            end: cp(q.span.end),
            text: slice(text, q.span.start, q.span.end).to_string(),
            kind: q.kind.as_str(),
            speaker: q
                .speaker_id
                .and_then(|i| a.speakers.get(i))
                .map(|s| s.name.clone()),
            speaker_id: q.speaker_id,
            speaker_start: q.speaker_mention.map(|m| cp(m.start)),
            speaker_end: q.speaker_mention.map(|m| cp(m.end)),
            cue_start: q.cue.map(|c| cp(c.start)),
            cue_end: q.cue.map(|c| cp(c.end)),
            attribution: q.attribution,
        })
        .collect();
    let figures = a
        .figures
        .iter()
        .map(|f| OutFigure {
            start: cp(f.span.start),
            end: cp(f.span.end),
            text: slice(text, f.span.start, f.span.end).to_string(),
            kind: f.kind.as_str(),
            value: figure_value(&f.value),
            unit: f.unit.clone(),
        })
        .collect();
    Report {
        id,
        speakers,
        people,
        quotes,
        figures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp_index_round_trip() {
        let text = "a€🗳️b👨🏻‍🚒c";
        let ix = CpIndex::new(text);
        for (cpi, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.byte_to_cp(b), cpi);
        }
        assert_eq!(ix.byte_to_cp(text.len()), text.chars().count());
    }

    #[test]
    fn cp_index_matches_char_counts_on_random_text() {
        let alphabet = [
            "a",
            "€",
            "🗳️",
            "👨🏻‍🚒",
            "北",
            "\u{301}",
            "ש",
            "\n",
            "\u{0}",
            "\"",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..40 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            let ix = CpIndex::new(&text);
            for b in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                assert_eq!(ix.byte_to_cp(b), text[..b].chars().count());
            }
        }
    }

    #[test]
    fn figure_values() {
        assert_eq!(
            figure_value(&Some("2260000000".into())),
            serde_json::json!(2260000000.0)
        );
        assert_eq!(
            figure_value(&Some("2022-02-24".into())),
            serde_json::json!("2022-02-24")
        );
        assert_eq!(figure_value(&None), Value::Null);
    }
}
