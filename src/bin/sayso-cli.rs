//! sayso's native command-line analyser: the same engine as the browser app, for batch use and
//! evaluation.
//!
//! ```text
//! sayso-cli analyze < articles.jsonl > annotations.jsonl   # lines {"id", "text", ...}
//! sayso-cli analyze ARTICLE.txt                            # one plain-text article
//! ```
//! Output: one JSON line per input, in order, offsets in Unicode code points (half-open). A bad
//! input line gives `{"id", "error"}`; the others go on and the exit code is 1 at the end.

use sayso::engine::analyze;
use sayso::model::report::{report, Report};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

/// An error line for a malformed input line.
#[derive(Serialize)]
struct OutError {
    id: Value,
    error: String,
}

fn analyze_line(line: &str, lineno: usize) -> Result<Report, (Value, String)> {
    let v: Value = serde_json::from_str(line)
        .map_err(|e| (Value::Null, format!("line {lineno}: invalid json: {e}")))?;
    let id = v.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = v.get("text").and_then(Value::as_str) else {
        return Err((id, format!("line {lineno}: missing string field \"text\"")));
    };
    Ok(report(Some(id), text, &analyze(text)))
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
                let v = report(Some(Value::String(path.clone())), &text, &analyze(&text));
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
}
