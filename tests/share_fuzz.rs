//! Import never panics: random JSON built from the format's own vocabulary, random text, and
//! real exports truncated, with fields deleted and types swapped. Whatever comes back is either a
//! clear error or a document that keeps the invariants. The same for share links.
#![allow(clippy::unwrap_used)]

mod share_support;

use sayso::model::import::import;
use sayso::model::{share, w3c, Document};
use serde_json::{json, Map, Value};
use share_support::{check_invariants, document, Rng};

const KEYS: &[&str] = &[
    "type",
    "@type",
    "target",
    "selector",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "body",
    "bodyValue",
    "purpose",
    "value",
    "items",
    "first",
    "refinedBy",
    "sayso:format",
    "sayso:text",
    "sayso:speakers",
    "sayso:document",
    "sayso:status",
    "sayso:origin",
    "sayso:figure",
    "sayso:quoteKind",
    "sayso:speaker",
    "sayso:id",
    "created",
    "modified",
    "updated",
    "id",
    "rows",
    "text",
    "motivation",
    "source",
    "@context",
    "name",
    "textHash",
];
const TYPES: &[&str] = &[
    "Annotation",
    "AnnotationCollection",
    "AnnotationPage",
    "TextQuoteSelector",
    "TextPositionSelector",
    "TextualBody",
    "Choice",
    "RangeSelector",
    "FragmentSelector",
];
const STRINGS: &[&str] = &[
    "",
    "speaker",
    "quote",
    "figure",
    "note",
    "classifying",
    "tagging",
    "commenting",
    "confirmed",
    "rejected",
    "direct",
    "2024-03-01T12:00:00Z",
    "not a date",
    "🗳️",
    "新闻",
    "e\u{301}",
    "the minister",
    "\u{0}",
    "<script>",
    "fnv1a64:0000000000000000",
    "manual",
];

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth == 0 { 5 } else { 8 }) {
        0 => Value::Null,
        1 => json!(rng.chance(50)),
        2 => match rng.below(6) {
            0 => json!(-5),
            1 => json!(u64::MAX),
            2 => json!(1.5),
            3 => json!(1e300),
            _ => json!(rng.below(200)),
        },
        3 => json!(*rng.pick(STRINGS)),
        4 => json!(*rng.pick(TYPES)),
        5 | 6 => {
            let mut m = Map::new();
            if rng.chance(60) {
                m.insert("type".into(), json!(*rng.pick(TYPES)));
            }
            for _ in 0..rng.below(6) {
                m.insert((*rng.pick(KEYS)).to_owned(), random_value(rng, depth - 1));
            }
            Value::Object(m)
        }
        _ => Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth - 1))
                .collect(),
        ),
    }
}

fn sample_doc() -> Document {
    document(&mut Rng(7))
}

/// Imports `json` with and without an open document; returns how many imports succeeded.
fn survive(json: &str, doc: &Document) -> usize {
    let mut ok = 0;
    for current in [None, Some(doc)] {
        match import(json, current, 5.0) {
            Ok(outcome) => {
                check_invariants(&outcome.document);
                ok += 1;
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    ok
}

#[test]
fn random_json_never_panics() {
    let doc = sample_doc();
    let mut rng = Rng(0xdead_beef);
    let mut ok = 0;
    for _ in 0..3000 {
        let value = random_value(&mut rng, 5);
        ok += survive(&value.to_string(), &doc);
    }
    // The generator reaches past the shape checks often enough to exercise anchoring.
    assert!(ok > 100, "only {ok} random values imported");
}

#[test]
fn random_text_never_panics() {
    let doc = sample_doc();
    let mut rng = Rng(0xfeed_f00d);
    let alphabet = [
        '{', '}', '[', ']', '"', ':', ',', '1', '-', 'a', ' ', '\n', '<', '🗳', '\\', 'e', 'n',
    ];
    for _ in 0..3000 {
        let text: String = (0..rng.below(60)).map(|_| *rng.pick(&alphabet)).collect();
        survive(&text, &doc);
    }
}

fn paths(value: &Value, here: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                let mut p = here.clone();
                p.push(json!(k));
                out.push(p.clone());
                paths(v, p, out);
            }
        }
        Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                let mut p = here.clone();
                p.push(json!(i));
                out.push(p.clone());
                paths(v, p, out);
            }
        }
        _ => {}
    }
}

fn at_mut<'v>(value: &'v mut Value, path: &[Value]) -> Option<&'v mut Value> {
    let mut cur = value;
    for step in path {
        cur = match step {
            Value::String(k) => cur.get_mut(k.as_str())?,
            Value::Number(i) => cur.get_mut(i.as_u64()? as usize)?,
            _ => return None,
        };
    }
    Some(cur)
}

#[test]
fn mutated_exports_never_panic() {
    let mut rng = Rng(0x0bad_cafe);
    let mut ok = 0;
    for seed in 0..12 {
        let doc = document(&mut Rng(seed + 100));
        let exports = [w3c::export_bundle(&doc), w3c::export_collection(&doc)];
        for export in exports {
            let mut all = Vec::new();
            paths(&export, Vec::new(), &mut all);
            for _ in 0..80 {
                let mut mutated = export.clone();
                let path = rng.pick(&all).clone();
                let (parent, last) = path.split_at(path.len() - 1);
                if rng.chance(50) {
                    // Delete the field or element.
                    if let Some(parent) = at_mut(&mut mutated, parent) {
                        match (parent, &last[0]) {
                            (Value::Object(m), Value::String(k)) => {
                                m.remove(k);
                            }
                            (Value::Array(a), Value::Number(i)) => {
                                a.remove(i.as_u64().unwrap() as usize);
                            }
                            _ => {}
                        }
                    }
                } else if let Some(slot) = at_mut(&mut mutated, &path) {
                    // Swap its type.
                    *slot = random_value(&mut rng, 2);
                }
                ok += survive(&mutated.to_string(), &doc);
            }
            // Truncated at many points.
            let text = w3c::to_pretty(&export);
            let cuts: Vec<usize> = (0..30).map(|_| rng.below(text.len())).collect();
            for cut in cuts {
                let cut = (0..=cut).rev().find(|&c| text.is_char_boundary(c)).unwrap();
                let err = import(&text[..cut], Some(&doc), 5.0)
                    .unwrap_err()
                    .to_string();
                assert!(err.contains("JSON"), "{err}");
            }
        }
    }
    assert!(ok > 1000, "only {ok} mutated exports imported");
}

#[test]
fn damaged_share_links_never_panic() {
    let doc = document(&mut Rng(99));
    let fragment = share::encode_fragment(&doc).unwrap();
    let mut rng = Rng(0x5eed);
    for _ in 0..1500 {
        let mut bytes: Vec<char> = fragment.chars().collect();
        match rng.below(3) {
            0 => bytes.truncate(rng.below(bytes.len())),
            1 => {
                let i = rng.below(bytes.len());
                bytes[i] = *rng.pick(&['A', 'z', '-', '_', '0', '%', '=', '.', '#', ' ']);
            }
            _ => {
                let i = rng.below(bytes.len());
                bytes.remove(i);
            }
        }
        let damaged: String = bytes.into_iter().collect();
        if let Ok(outcome) = share::open_fragment(&damaged, 1.0) {
            check_invariants(&outcome.document);
        }
    }
}
