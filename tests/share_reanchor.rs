//! Re-anchoring on import: an export made on one version of an article, imported onto another.
#![allow(clippy::unwrap_used)]

mod share_support;

use sayso::model::annotation::{Anchor, Annotation, AnnotationKind};
use sayso::model::import::{import, ImportOutcome};
use sayso::model::offsets::TextIndex;
use sayso::model::{w3c, Document};
use share_support::{check_invariants, span, Rng};
use std::time::Instant;

const V1: &str = "Council approves new bridge 🗳️\n\
The city council voted on Tuesday to build a new bridge over the river. \
“This bridge will connect two halves of our city,” said the mayor, Ana Ruiz. \
The project will cost €48 million and take three years.\n\
Critics said the money would be better spent on buses. \
“We need buses, not bridges,” said Tom Okafor of the transport union.";

const Q1: &str = "“This bridge will connect two halves of our city,”";
const Q2: &str = "“We need buses, not bridges,”";

fn annotated(text: &str) -> Document {
    let mut doc = Document::new(text, None, 1.0);
    for (id, kind, needle) in [
        ("q1", AnnotationKind::Quote, Q1),
        ("s1", AnnotationKind::Speaker, "Ana Ruiz"),
        ("f1", AnnotationKind::Figure, "€48 million"),
        ("n1", AnnotationKind::Note, "three years"),
        ("q2", AnnotationKind::Quote, Q2),
    ] {
        let (s, e) = span(text, needle);
        doc.annotations
            .push(Annotation::manual(id, kind, s, e, needle, 1.0).into());
    }
    doc
}

/// Exports the annotations of V1 and imports them onto `v2`.
fn reimport(v2: &str) -> ImportOutcome {
    let file = w3c::export_collection(&annotated(V1)).to_string();
    let outcome = import(&file, Some(&Document::new(v2, None, 2.0)), 3.0).unwrap();
    check_invariants(&outcome.document);
    outcome
}

fn anchor_of(outcome: &ImportOutcome, id: &str) -> (Anchor, String) {
    let a = outcome
        .document
        .annotations
        .iter()
        .find(|a| a.id == id)
        .unwrap();
    (a.anchor, a.exact.clone())
}

#[test]
fn text_unchanged_everything_exact() {
    let outcome = reimport(V1);
    assert!(!outcome.text_changed);
    assert_eq!((outcome.exact, outcome.added), (5, 5));
    assert_eq!(outcome.document.annotations, annotated(V1).annotations);
}

#[test]
fn words_inserted_before_move_every_annotation() {
    let v2 = V1.replace(
        "The city council",
        "After months of debate, the city council",
    );
    let outcome = reimport(&v2);
    assert!(outcome.text_changed);
    assert_eq!(
        outcome.made_for.as_deref(),
        Some("Council approves new bridge 🗳️")
    );
    assert_eq!((outcome.moved, outcome.added), (5, 5));
    for (id, needle) in [("q1", Q1), ("f1", "€48 million"), ("q2", Q2)] {
        let a = outcome
            .document
            .annotations
            .iter()
            .find(|a| a.id == id)
            .unwrap();
        assert_eq!((a.start, a.end), span(&v2, needle), "{id}");
        assert_eq!(a.anchor, Anchor::Moved);
    }
}

#[test]
fn quote_edited_slightly_is_fuzzy_with_its_score() {
    let edited = "“This bridge will connect both halves of our city,”";
    let v2 = V1.replace(Q1, edited);
    let outcome = reimport(&v2);
    let (anchor, exact) = anchor_of(&outcome, "q1");
    match anchor {
        Anchor::Fuzzy { score } => assert!((0.9..1.0).contains(&score), "score {score}"),
        other => panic!("expected fuzzy, got {other:?}"),
    }
    assert_eq!(exact, edited, "the annotation now marks the edited passage");
    assert_eq!(outcome.fuzzy, 1);
    assert_eq!(anchor_of(&outcome, "q2").0, Anchor::Moved);
}

#[test]
fn quote_deleted_becomes_an_orphan_that_is_kept() {
    let v2 = V1.replace(
        &format!(" {Q2} said Tom Okafor of the transport union."),
        "",
    );
    let outcome = reimport(&v2);
    assert_eq!(outcome.orphans, ["q2"]);
    let (anchor, exact) = anchor_of(&outcome, "q2");
    assert_eq!((anchor, exact.as_str()), (Anchor::Orphan, Q2));
    assert_eq!(outcome.added, 5, "the orphan is added, not dropped");
    assert!(
        outcome.summary().contains("1 orphan"),
        "{}",
        outcome.summary()
    );
}

#[test]
fn a_lookalike_elsewhere_is_not_matched_below_the_score() {
    let v2 = V1.replace(Q2, "“We want trams, not roads,”");
    let outcome = reimport(&v2);
    assert_eq!(anchor_of(&outcome, "q2").0, Anchor::Orphan);
    // Two lookalikes, each one edit away and each keeping half of the context: not guessed.
    let twins = V1.replace(
        Q2,
        "“We need buses, not bridge,” one said. “We need buses, not bridged,”",
    );
    assert_eq!(anchor_of(&reimport(&twins), "q2").0, Anchor::Orphan);
    // The same lookalike alone is close enough: found, with its score.
    let single = V1.replace(Q2, "“We need buses, not bridged,”");
    assert!(
        matches!(anchor_of(&reimport(&single), "q2").0, Anchor::Fuzzy { score } if score > 0.95)
    );
}

/// A plain W3C annotation as a JavaScript tool writes it, with the given offsets.
fn foreign(exact: &str, start: usize, end: usize) -> String {
    format!(
        r#"{{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
            "body": {{"type": "TextualBody", "value": "from js", "purpose": "commenting"}},
            "target": {{"source": "https://example.org/a", "selector": [
              {{"type": "TextPositionSelector", "start": {start}, "end": {end}}},
              {{"type": "TextQuoteSelector", "exact": "{exact}"}}]}}}}"#
    )
}

#[test]
fn offset_units_are_detected_per_annotation() {
    let doc = Document::new(V1, None, 1.0);
    let index = TextIndex::new(&doc.text);
    let (s, e) = span(&doc.text, "Ana Ruiz");
    let cases = [
        ("code points", s, e),
        (
            "utf-16 from a js tool",
            index.cp_to_utf16(s).unwrap(),
            index.cp_to_utf16(e).unwrap(),
        ),
        (
            "utf-8 bytes",
            index.cp_to_byte(s).unwrap(),
            index.cp_to_byte(e).unwrap(),
        ),
    ];
    // The emoji in the title and the curly quotes make the three units differ.
    assert!(cases[0].1 != cases[1].1 && cases[1].1 != cases[2].1);
    for (name, start, end) in cases {
        let outcome = import(&foreign("Ana Ruiz", start, end), Some(&doc), 2.0).unwrap();
        let a = &outcome.document.annotations[0];
        assert_eq!(
            (a.start, a.end, a.anchor),
            (s, e, Anchor::Exact),
            "case {name}"
        );
        assert_eq!(a.note.as_deref(), Some("from js"), "case {name}");
    }
}

#[test]
fn utf16_offsets_on_a_changed_text_fall_back_to_the_quote() {
    let v2 = V1.replace("Council approves", "Breaking: council approves");
    let doc = Document::new(&v2, None, 1.0);
    let old = TextIndex::new(V1);
    let (s, e) = span(V1, "€48 million");
    let json = foreign(
        "€48 million",
        old.cp_to_utf16(s).unwrap(),
        old.cp_to_utf16(e).unwrap(),
    );
    let outcome = import(&json, Some(&doc), 2.0).unwrap();
    let a = &outcome.document.annotations[0];
    assert_eq!((a.start, a.end), span(&v2, "€48 million"));
    assert_eq!(a.anchor, Anchor::Moved);
}

/// Deterministic filler text of about `bytes` bytes, with no repeated long phrases.
fn big_text(bytes: usize, rng: &mut Rng) -> String {
    const WORDS: &[&str] = &[
        "river", "council", "bridge", "budget", "mayor", "said", "would", "cost", "years", "the",
        "of", "and", "new", "vote", "tram", "bus", "city", "union", "plan", "money", "€", "新闻",
        "naïve", "🗳️", "Ruiz", "Okafor", "Tuesday", "spent", "better", "halves", "connect",
    ];
    let mut out = String::with_capacity(bytes + 64);
    let mut n = 0u64;
    while out.len() < bytes {
        out.push_str(WORDS[rng.below(WORDS.len())]);
        n += 1;
        out.push_str(if n.is_multiple_of(97) { ".\n" } else { " " });
    }
    out
}

#[test]
fn reanchoring_a_megabyte_text_is_fast() {
    let mut rng = Rng(0x1_0000_0001);
    let v1 = big_text(1_000_000, &mut rng);
    let mut doc = Document::new(&v1, None, 1.0);
    let chars: Vec<char> = doc.text.chars().collect();
    let len = chars.len();
    for i in 0..200 {
        let start = (i * (len / 200) + 17).min(len - 80);
        let end = start + 40 + (i % 40);
        let exact: String = chars[start..end].iter().collect();
        doc.annotations.push(
            Annotation::manual(
                &format!("a{i}"),
                AnnotationKind::Quote,
                start,
                end,
                &exact,
                1.0,
            )
            .into(),
        );
    }
    let file = w3c::export_collection(&doc).to_string();
    // v2: a sentence inserted before every tenth quote; quote 10 edited by one char; quote 20
    // deleted.
    let inserts: Vec<usize> = doc
        .annotations
        .iter()
        .skip(5)
        .step_by(10)
        .map(|a| a.start)
        .collect();
    let mut v2: String = String::with_capacity(v1.len() + 10_000);
    let a10 = &doc.annotations[10];
    let a20 = &doc.annotations[20];
    for (i, c) in chars.iter().enumerate() {
        if inserts.contains(&i) {
            v2.push_str("An inserted sentence. ");
        }
        if i == a10.start + 5 {
            v2.push('X');
            continue;
        }
        if (a20.start..a20.end).contains(&i) {
            continue;
        }
        v2.push(*c);
    }
    let current = Document::new(&v2, None, 2.0);
    let started = Instant::now();
    let outcome = import(&file, Some(&current), 3.0).unwrap();
    let took = started.elapsed();
    check_invariants(&outcome.document);
    assert_eq!(outcome.added, 200);
    assert_eq!(outcome.orphans, ["a20"]);
    assert!(matches!(anchor_of(&outcome, "a10").0, Anchor::Fuzzy { .. }));
    assert_eq!(outcome.moved + outcome.exact, 198);
    // Generous for unoptimised test builds; an optimised build takes a fraction of this.
    assert!(
        took.as_secs_f64() < 20.0,
        "re-anchoring 200 annotations in 1 MB took {took:?}"
    );
    eprintln!("re-anchoring 200 annotations in a 1 MB text took {took:?}");
}

#[test]
fn windows_line_endings_in_a_quote_still_match() {
    let doc = Document::new("Title\nFirst line.\nSecond line.", None, 1.0);
    let json = r#"{"type": "Annotation", "target": {"selector": [
        {"type": "TextQuoteSelector", "exact": "line.\r\nSecond"},
        {"type": "TextPositionSelector", "start": 12, "end": 25}]}}"#;
    let outcome = import(json, Some(&doc), 2.0).unwrap();
    let a = &outcome.document.annotations[0];
    assert_eq!((a.start, a.end), span(&doc.text, "line.\nSecond"));
    assert_eq!(a.exact, "line.\nSecond");
}
