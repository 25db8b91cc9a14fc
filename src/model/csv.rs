//! CSV exports for spreadsheets: quotes, figures and speakers, one table each.
//!
//! RFC 4180: fields separated by commas, records by CRLF, a header row first; a field with a
//! comma, a double quote or a line break is quoted, its quotes doubled. The text is UTF-8 and
//! starts with a byte-order mark, which Excel needs to read UTF-8. Rejected annotations are left
//! out.
//!
//! **Formula injection guard**: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`,
//! a tab or a carriage return as a formula, so such a cell gets a leading `'` (OWASP's advice),
//! unless it is a plain number such as `-3.5`.
//!
//! Paragraphs are numbered from 1 after the title (the title line is paragraph 0).
//!
//! ```
//! use sayso::model::{csv, Document};
//! use sayso::model::annotation::{Annotation, AnnotationKind};
//! let mut doc = Document::new("Title\n=Sums, \"quoted\" here.", None, 0.0);
//! doc.annotations.push(Annotation::manual("n", AnnotationKind::Quote, 6, 26, "=Sums, \"quoted\" here", 0.0).into());
//! let table = csv::quotes_csv(&doc);
//! assert_eq!(table, "\u{feff}speaker,kind,quote,paragraph,status\r\n,direct,\"'=Sums, \"\"quoted\"\" here\",1,confirmed\r\n");
//! ```

use crate::model::annotation::{Anchor, Annotation, AnnotationKind, Status};
use crate::model::offsets::TextIndex;
use crate::model::text::{paragraphs, split_title, Paragraph};
use crate::model::Document;
use std::borrow::Cow;
use std::rc::Rc;
use unicode_segmentation::UnicodeSegmentation;

/// The byte-order mark every table starts with.
pub const BOM: &str = "\u{feff}";

/// One field, guarded against formula injection and quoted when needed.
///
/// ```
/// use sayso::model::csv::cell;
/// assert_eq!(cell("plain"), "plain");
/// assert_eq!(cell("a,b"), "\"a,b\"");
/// assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
/// assert_eq!(cell("@cmd"), "'@cmd");
/// assert_eq!(cell("-3.5"), "-3.5");
/// ```
pub fn cell(value: &str) -> Cow<'_, str> {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(value);
    let guarded: Cow<str> = if risky {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", guarded.replace('"', "\"\"")))
    } else {
        guarded
    }
}

/// `-3.5`, `+12`, `1e3`: a number a spreadsheet reads as a number, never as a formula.
fn is_plain_number(value: &str) -> bool {
    let body = value.strip_prefix(['-', '+']).unwrap_or(value);
    !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E'))
        && value.parse::<f64>().is_ok()
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = String::from(BOM);
    let mut line = |fields: Vec<Cow<str>>| {
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    };
    line(header.iter().map(|h| cell(h)).collect());
    for row in &rows {
        line(row.iter().map(|f| cell(f)).collect());
    }
    out
}

/// Locates annotations in the text: byte offsets and paragraph numbers.
struct Places<'d> {
    text: &'d str,
    index: TextIndex,
    paragraphs: Vec<Paragraph>,
}

impl<'d> Places<'d> {
    fn new(doc: &'d Document) -> Self {
        let text: &str = &doc.text;
        Self {
            text,
            index: TextIndex::new(text),
            paragraphs: paragraphs(text, split_title(text).1),
        }
    }

    /// The annotation's byte range, when it is placed in the text.
    fn bytes(&self, a: &Annotation) -> Option<(usize, usize)> {
        if a.anchor == Anchor::Orphan {
            return None;
        }
        Some((
            self.index.cp_to_byte(a.start)?,
            self.index.cp_to_byte(a.end)?,
        ))
    }

    /// Paragraph number (from 1; 0 for the title), empty for an orphan.
    fn paragraph(&self, a: &Annotation) -> String {
        let Some((start, _)) = self.bytes(a) else {
            return String::new();
        };
        self.paragraphs
            .iter()
            .position(|p| (p.start..=p.end).contains(&start))
            .map_or_else(|| "0".to_owned(), |n| (n + 1).to_string())
    }

    /// The sentence (UAX #29) holding the annotation, trimmed; empty for an orphan.
    fn sentence(&self, a: &Annotation) -> String {
        let Some((start, end)) = self.bytes(a) else {
            return String::new();
        };
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[end..]
            .find('\n')
            .map_or(self.text.len(), |i| end + i);
        let line = &self.text[line_start..line_end];
        let (mut from, mut to) = (line.len(), 0);
        for (at, sentence) in line.split_sentence_bound_indices() {
            let (s, e) = (line_start + at, line_start + at + sentence.len());
            if e > start && s < end.max(start + 1) {
                from = from.min(at);
                to = to.max(at + sentence.len());
            }
        }
        line.get(from..to).unwrap_or(line).trim().to_owned()
    }
}

fn kept(a: &Annotation, kind: AnnotationKind) -> bool {
    a.kind == kind && a.status != Status::Rejected
}

fn speaker_name(doc: &Document, a: &Annotation) -> String {
    a.speaker_id
        .as_ref()
        .map(|id| {
            doc.speakers
                .iter()
                .find(|s| &s.id == id)
                .map_or_else(|| id.clone(), |s| s.name.clone())
        })
        .unwrap_or_default()
}

fn status(a: &Annotation) -> String {
    match a.status {
        Status::Suggested => "suggested",
        Status::Confirmed => "confirmed",
        Status::Rejected => "rejected",
    }
    .to_owned()
}

/// The three tables with their file names (`<title>.quotes.csv`, `.figures.csv`,
/// `.speakers.csv`), for the export button.
///
/// ```
/// let doc = sayso::model::Document::new("Budget day\nText.", None, 0.0);
/// let names: Vec<String> = sayso::model::csv::tables(&doc).into_iter().map(|(name, _)| name).collect();
/// assert_eq!(names, ["budget-day.quotes.csv", "budget-day.figures.csv", "budget-day.speakers.csv"]);
/// ```
pub fn tables(doc: &Document) -> Vec<(String, String)> {
    let name = |what: &str| crate::model::w3c::file_name(doc, what);
    vec![
        (name("quotes.csv"), quotes_csv(doc)),
        (name("figures.csv"), figures_csv(doc)),
        (name("speakers.csv"), speakers_csv(doc)),
    ]
}

/// Quotes: `speaker,kind,quote,paragraph,status`.
pub fn quotes_csv(doc: &Document) -> String {
    let places = Places::new(doc);
    let rows = doc
        .annotations
        .iter()
        .filter(|a| kept(a.as_ref(), AnnotationKind::Quote))
        .map(|a| {
            let kind = a.quote_kind.map_or("", |k| match k {
                crate::model::annotation::QuoteKind::Direct => "direct",
                crate::model::annotation::QuoteKind::Mixed => "mixed",
                crate::model::annotation::QuoteKind::Indirect => "indirect",
            });
            vec![
                speaker_name(doc, a),
                kind.to_owned(),
                a.exact.clone(),
                places.paragraph(a),
                status(a),
            ]
        })
        .collect();
    table(&["speaker", "kind", "quote", "paragraph", "status"], rows)
}

/// Figures: `text,kind,value,unit,sentence,status`.
pub fn figures_csv(doc: &Document) -> String {
    let places = Places::new(doc);
    let rows = doc
        .annotations
        .iter()
        .filter(|a| kept(a.as_ref(), AnnotationKind::Figure))
        .map(|a| {
            let figure = a.figure.clone().unwrap_or_default();
            let kind = serde_json::to_value(figure.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            vec![
                a.exact.clone(),
                kind,
                figure.value.unwrap_or_default(),
                figure.unit.unwrap_or_default(),
                places.sentence(a),
                status(a),
            ]
        })
        .collect();
    table(
        &["text", "kind", "value", "unit", "sentence", "status"],
        rows,
    )
}

/// Speakers: `name,role,quotes,words` (the number of their quotes, and of words in them).
pub fn speakers_csv(doc: &Document) -> String {
    let rows = doc
        .speakers
        .iter()
        .map(|s| {
            let quotes: Vec<&Rc<Annotation>> = doc
                .annotations
                .iter()
                .filter(|a| {
                    kept(a.as_ref(), AnnotationKind::Quote) && a.speaker_id.as_ref() == Some(&s.id)
                })
                .collect();
            let words: usize = quotes.iter().map(|a| a.exact.unicode_words().count()).sum();
            vec![
                s.name.clone(),
                s.role.clone().unwrap_or_default(),
                quotes.len().to_string(),
                words.to_string(),
            ]
        })
        .collect();
    table(&["name", "role", "quotes", "words"], rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{FigureInfo, FigureKind, Speaker};

    /// A minimal RFC 4180 reader (the oracle): records of fields.
    fn parse(csv: &str) -> Vec<Vec<String>> {
        let csv = csv.strip_prefix(BOM).unwrap();
        let mut rows = vec![];
        let mut row = vec![];
        let mut field = String::new();
        let mut chars = csv.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'));
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(field.is_empty() && row.is_empty(), "table ends with CRLF");
        rows
    }

    fn doc() -> Document {
        let text = "Budget 🗳️ day\n\nThe minister said “we will spend £2.5bn, not a penny more”. Critics disagreed.\n\
                    A second paragraph: prices rose 3.5% in May. Nobody was surprised.";
        let mut doc = Document::new(text, None, 0.0);
        doc.speakers.push(Speaker {
            id: "s1".into(),
            name: "Jane \"JJ\" Doe, MP".into(),
            role: Some("=Minister".into()),
            organisation: false,
        });
        let find = |s: &str| {
            let b = text.find(s).unwrap();
            (
                text[..b].chars().count(),
                text[..b].chars().count() + s.chars().count(),
            )
        };
        let (s, e) = find("“we will spend £2.5bn, not a penny more”");
        let mut q =
            Annotation::manual("q1", AnnotationKind::Quote, s, e, &text_of(text, s, e), 0.0);
        q.speaker_id = Some("s1".into());
        doc.annotations.push(Rc::new(q));
        let (s, e) = find("3.5%");
        let mut f = Annotation::manual("f1", AnnotationKind::Figure, s, e, "3.5%", 0.0);
        f.figure = Some(FigureInfo {
            kind: FigureKind::Percent,
            value: Some("3.5".into()),
            unit: Some("%".into()),
        });
        doc.annotations.push(Rc::new(f));
        let mut rejected = Annotation::manual("q2", AnnotationKind::Quote, 0, 6, "Budget", 0.0);
        rejected.status = Status::Rejected;
        doc.annotations.push(Rc::new(rejected));
        doc
    }

    fn text_of(text: &str, s: usize, e: usize) -> String {
        text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn quotes_table() {
        let rows = parse(&quotes_csv(&doc()));
        assert_eq!(
            rows,
            [
                vec!["speaker", "kind", "quote", "paragraph", "status"],
                vec![
                    "Jane \"JJ\" Doe, MP",
                    "direct",
                    "“we will spend £2.5bn, not a penny more”",
                    "1",
                    "confirmed"
                ],
            ]
        );
    }

    #[test]
    fn figures_table_gives_the_sentence() {
        let rows = parse(&figures_csv(&doc()));
        assert_eq!(
            rows[1],
            [
                "3.5%",
                "percent",
                "3.5",
                "%",
                "A second paragraph: prices rose 3.5% in May.",
                "confirmed"
            ]
        );
    }

    #[test]
    fn speakers_table_counts_quotes_and_words_and_guards_formulas() {
        let rows = parse(&speakers_csv(&doc()));
        assert_eq!(rows[1], ["Jane \"JJ\" Doe, MP", "'=Minister", "1", "8"]);
    }

    #[test]
    fn cell_guard_table() {
        let cases = [
            ("equals", "=1+1", "'=1+1"),
            ("plus", "+SUM(A1)", "'+SUM(A1)"),
            ("minus word", "-cmd", "'-cmd"),
            ("at", "@SUM(A1)", "'@SUM(A1)"),
            ("tab", "\tx", "'\tx"),
            ("carriage return", "\rx", "\"'\rx\""),
            ("negative number kept", "-12.5", "-12.5"),
            ("plus number kept", "+3", "+3"),
            ("plain", "abc", "abc"),
            ("newline quoted", "a\nb", "\"a\nb\""),
            ("empty", "", ""),
            ("REGRESSION: dash-dash is not a number", "--1", "'--1"),
        ];
        for (name, value, want) in cases {
            assert_eq!(cell(value), want, "case {name}");
        }
    }
}
