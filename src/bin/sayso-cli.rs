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
use serde_json::{json, Map, Value};
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

/// Byte offset → Unicode code point offset, built once per text. The one place where offsets are
/// converted; the app will swap this for `model::offsets::TextIndex`.
struct CpIndex {
    /// Code point count before each byte position (valid at char boundaries).
    cp_at_byte: Vec<u32>,
}

impl CpIndex {
    fn new(text: &str) -> Self {
        let mut cp_at_byte = vec![0u32; text.len() + 1];
        let mut cp = 0u32;
        for (b, c) in text.char_indices() {
            for k in 0..c.len_utf8() {
                if let Some(slot) = cp_at_byte.get_mut(b + k) {
                    *slot = cp;
                }
            }
            cp += 1;
        }
        if let Some(last) = cp_at_byte.last_mut() {
            *last = cp;
        }
        CpIndex { cp_at_byte }
    }

    fn byte_to_cp(&self, b: usize) -> usize {
        self.cp_at_byte
            .get(b)
            .or(self.cp_at_byte.last())
            .copied()
            .unwrap_or(0) as usize
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

fn to_json(id: Value, text: &str, a: &Analysis) -> Value {
    let ix = CpIndex::new(text);
    let cp = |b: usize| ix.byte_to_cp(b);
    let speakers: Vec<Value> = a
        .speakers
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "name": s.name,
                "role": s.role,
                "organisation": s.organisation,
                "mentions": s.mentions.iter().map(|m| json!({"start": cp(m.start), "end": cp(m.end)})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let people: Vec<Value> = a
        .people
        .iter()
        .map(|p| {
            json!({"start": cp(p.span.start), "end": cp(p.span.end), "text": slice(text, p.span.start, p.span.end),
                   "name": p.name, "speaker": p.speaker})
        })
        .collect();
    let quotes: Vec<Value> = a
        .quotes
        .iter()
        .map(|q| {
            let sp = q.speaker_id.and_then(|i| a.speakers.get(i));
            json!({
                "start": cp(q.span.start), "end": cp(q.span.end), "text": slice(text, q.span.start, q.span.end),
                "kind": q.kind.as_str(),
                "speaker": sp.map(|s| s.name.clone()),
                "speaker_id": q.speaker_id,
                "speaker_start": q.speaker_mention.map(|m| cp(m.start)),
                "speaker_end": q.speaker_mention.map(|m| cp(m.end)),
                "cue_start": q.cue.map(|c| cp(c.start)),
                "cue_end": q.cue.map(|c| cp(c.end)),
                "attribution": q.attribution,
            })
        })
        .collect();
    let figures: Vec<Value> = a
        .figures
        .iter()
        .map(|f| {
            json!({"start": cp(f.span.start), "end": cp(f.span.end), "text": slice(text, f.span.start, f.span.end),
                   "kind": f.kind.as_str(), "value": figure_value(&f.value), "unit": f.unit})
        })
        .collect();
    let mut m = Map::new();
    m.insert("id".into(), id);
    m.insert("speakers".into(), Value::Array(speakers));
    m.insert("people".into(), Value::Array(people));
    m.insert("quotes".into(), Value::Array(quotes));
    m.insert("figures".into(), Value::Array(figures));
    Value::Object(m)
}

fn analyze_line(line: &str, lineno: usize) -> Result<Value, (Value, String)> {
    let v: Value = serde_json::from_str(line)
        .map_err(|e| (Value::Null, format!("line {lineno}: invalid json: {e}")))?;
    let id = v.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = v.get("text").and_then(Value::as_str) else {
        return Err((id, format!("line {lineno}: missing string field \"text\"")));
    };
    Ok(to_json(id, text, &analyze(text)))
}

fn run_jsonl(input: impl BufRead, out: &mut impl Write) -> io::Result<bool> {
    let mut ok = true;
    for (i, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v = match analyze_line(&line, i + 1) {
            Ok(v) => v,
            Err((id, msg)) => {
                ok = false;
                json!({"id": id, "error": msg})
            }
        };
        serde_json::to_writer(&mut *out, &v)?;
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
    fn bad_line_gives_error_and_continues() {
        let input = "{\"id\": 1, \"text\": \"He said “yes, we will go now,” and left.\"}\nnot json\n{\"id\": 3}\n";
        let mut out = Vec::new();
        let ok = run_jsonl(input.as_bytes(), &mut out).unwrap();
        assert!(!ok);
        let lines: Vec<Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
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
            json!(2260000000.0)
        );
        assert_eq!(
            figure_value(&Some("2022-02-24".into())),
            json!("2022-02-24")
        );
        assert_eq!(figure_value(&None), Value::Null);
    }
}
