//! sayso's native command-line analyser: the same engine as the browser app, for batch use and
//! evaluation.
//!
//! ```text
//! sayso-cli analyze < articles.jsonl > annotations.jsonl   # lines {"id", "text", ...}
//! sayso-cli analyze ARTICLE.txt                            # one plain-text article
//! ```
//! Output: one JSON line per input, in order, offsets in Unicode code points (half-open). A bad
//! input line gives `{"id", "error"}`; the others go on and the exit code is 1 at the end.

use sayso::engine::{analyze, Analysis};
use sayso::model::offsets::TextIndex;
use serde::Serialize;
use serde_json::Value;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

/// Byte offset → Unicode code point offset, through the app's one conversion module. Engine spans
/// are on char boundaries; an offset that is not (never expected) maps to the end of the text.
struct CpIndex(TextIndex);

impl CpIndex {
    fn new(text: &str) -> Self {
        CpIndex(TextIndex::new(text))
    }

    fn byte_to_cp(&self, b: usize) -> usize {
        self.0.byte_to_cp(b).unwrap_or_else(|| self.0.len_cp())
    }
}

fn slice(text: &str, s: usize, e: usize) -> &str {
    text.get(s..e).unwrap_or("")
}

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

/// One output line, fields in the documented order.
#[derive(Serialize)]
struct OutDoc {
    id: Value,
    speakers: Vec<OutSpeaker>,
    people: Vec<OutPerson>,
    quotes: Vec<OutQuote>,
    figures: Vec<OutFigure>,
}

#[derive(Serialize)]
struct OutSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct OutSpeaker {
    id: usize,
    name: String,
    role: Option<String>,
    organisation: bool,
    mentions: Vec<OutSpan>,
}

#[derive(Serialize)]
struct OutPerson {
    start: usize,
    end: usize,
    text: String,
    name: String,
    speaker: bool,
}

#[derive(Serialize)]
struct OutQuote {
    start: usize,
    end: usize,
    text: String,
    kind: &'static str,
    speaker: Option<String>,
    speaker_id: Option<usize>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    attribution: usize,
}

#[derive(Serialize)]
struct OutFigure {
    start: usize,
    end: usize,
    text: String,
    kind: &'static str,
    value: Value,
    unit: Option<String>,
}

/// An error line for a malformed input line.
#[derive(Serialize)]
struct OutError {
    id: Value,
    error: String,
}

fn to_json(id: Value, text: &str, a: &Analysis) -> OutDoc {
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
    OutDoc {
        id,
        speakers,
        people,
        quotes,
        figures,
    }
}

fn analyze_line(line: &str, lineno: usize) -> Result<OutDoc, (Value, String)> {
    let v: Value = serde_json::from_str(line)
        .map_err(|e| (Value::Null, format!("line {lineno}: invalid json: {e}")))?;
    let id = v.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = v.get("text").and_then(Value::as_str) else {
        return Err((id, format!("line {lineno}: missing string field \"text\"")));
    };
    Ok(to_json(id, text, &analyze(text)))
}

fn run_jsonl(mut input: impl BufRead, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    let mut buf = Vec::new();
    let mut i = 0;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        i += 1;
        let line = match std::str::from_utf8(&buf) {
            Ok(l) => l,
            Err(e) => {
                ok = false;
                let err = OutError {
                    id: Value::Null,
                    error: format!("line {i}: invalid utf-8: {e}"),
                };
                serde_json::to_writer(&mut *out, &err)?;
                out.write_all(b"\n")?;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match analyze_line(line, i) {
            Ok(doc) => serde_json::to_writer(&mut *out, &doc)?,
            Err((id, error)) => {
                ok = false;
                serde_json::to_writer(&mut *out, &OutError { id, error })?;
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(ok)
}

fn usage() -> ExitCode {
    eprintln!("usage: sayso-cli analyze [FILE.txt] < in.jsonl > out.jsonl");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("analyze") {
        return usage();
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match args.get(1) {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => {
                let v = to_json(Value::String(path.clone()), &text, &analyze(&text));
                serde_json::to_writer(&mut out, &v)
                    .map_err(io::Error::from)
                    .and_then(|_| out.write_all(b"\n"))
                    .map(|_| true)
            }
            Err(e) => {
                eprintln!("sayso-cli: cannot read {path}: {e}");
                return ExitCode::from(1);
            }
        },
        None => run_jsonl(io::stdin().lock(), &mut out),
    };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(true), Ok(())) => ExitCode::SUCCESS,
        (Ok(false), Ok(())) => ExitCode::from(1),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("sayso-cli: {e}");
            ExitCode::from(1)
        }
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

    /// Runs the JSONL command on `input`: whether every line was good, and the output lines.
    fn run_lines(input: &[u8]) -> (bool, Vec<Value>) {
        let mut out = Vec::new();
        let ok = run_jsonl(input, &mut out).unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (ok, lines)
    }

    #[test]
    fn invalid_utf8_line_gives_error() {
        let mut input = b"{\"id\": 1, \"text\": \"ok\"}\n".to_vec();
        input.extend_from_slice(b"\xff\xfe\n{\"id\": 3, \"text\": \"fine\"}\n");
        let (ok, lines) = run_lines(&input);
        assert!(!ok);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].get("error").is_some());
        assert_eq!(lines[2]["id"], 3);
    }

    #[test]
    fn bad_line_gives_error_and_continues() {
        let input = "{\"id\": 1, \"text\": \"He said “yes, we will go now,” and left.\"}\nnot json\n{\"id\": 3}\n";
        let (ok, lines) = run_lines(input.as_bytes());
        assert!(!ok);
        assert_eq!(lines.len(), 3);
        assert!(lines[0].get("quotes").is_some());
        assert!(lines[1].get("error").is_some());
        assert_eq!(lines[2]["id"], 3);
        assert!(lines[2].get("error").is_some());
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
