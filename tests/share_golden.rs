//! The export of the sample article is stable: a golden file holds it.
//!
//! The sample is annotated here by hand (speakers, quotes, figures, a note), so the golden file
//! tests the exchange format, not the engine. After an intended format change, regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test share_golden` and review the diff.
#![allow(clippy::unwrap_used)]

mod share_support;

use sayso::model::annotation::{
    Annotation, AnnotationKind, FigureInfo, FigureKind, Origin, QuoteKind, Speaker, Status,
};
use sayso::model::import::import;
use sayso::model::{csv, w3c, Document};
use serde_json::Value;
use share_support::span;

const SAMPLE: &str = include_str!("../src/assets/sample-article.txt");
const GOLDEN_PATH: &str = "tests/share_fixtures/sample-export.json";
const GOLDEN: &str = include_str!("share_fixtures/sample-export.json");
const T0: f64 = 1_740_787_200_000.0; // 2025-03-01T00:00:00Z

fn annotate(doc: &mut Document, id: &str, kind: AnnotationKind, needle: &str) -> usize {
    let (s, e) = span(&doc.text, needle);
    let mut a = Annotation::manual(id, kind, s, e, needle, T0 + 60_000.0);
    a.status = Status::Suggested;
    a.origin = Origin::Auto {
        engine: "golden".into(),
    };
    doc.annotations.push(a.into());
    doc.annotations.len() - 1
}

/// The sample article with a fixed set of annotations of every kind.
fn sample() -> Document {
    let mut doc = Document::new(SAMPLE, Some("sample".into()), T0);
    doc.modified = T0 + 3_600_000.0;
    for (id, name, role) in [
        ("s1", "Volodymyr Zelensky", Some("President of Ukraine")),
        ("s2", "Donald Trump", Some("US President")),
        ("s3", "Keir Starmer", Some("UK Prime Minister")),
    ] {
        doc.speakers.push(Speaker {
            id: id.into(),
            name: name.into(),
            role: role.map(Into::into),
            organisation: false,
        });
    }
    for (id, needle, speaker) in [
        ("m1", "Volodymyr Zelensky", "s1"),
        ("m2", "Donald Trump", "s2"),
        ("m3", "Sir Keir Starmer", "s3"),
    ] {
        let i = annotate(&mut doc, id, AnnotationKind::Speaker, needle);
        std::rc::Rc::make_mut(&mut doc.annotations[i]).speaker_id = Some(speaker.into());
    }
    for (id, needle, speaker, kind) in [
        (
            "q1",
            "\"stand more firmly on our side\"",
            "s1",
            QuoteKind::Mixed,
        ),
        (
            "q2",
            "\"Make a deal, or we are out.\"",
            "s2",
            QuoteKind::Direct,
        ),
        ("q3", "\"meaningful and warm.\"", "s1", QuoteKind::Mixed),
    ] {
        let i = annotate(&mut doc, id, AnnotationKind::Quote, needle);
        let a = std::rc::Rc::make_mut(&mut doc.annotations[i]);
        a.speaker_id = Some(speaker.into());
        a.quote_kind = Some(kind);
    }
    for (id, needle, kind, value, unit) in [
        (
            "f1",
            "£2.26 billion",
            FigureKind::Money,
            Some("2260000000"),
            Some("GBP"),
        ),
        (
            "f2",
            "$2.8 billion",
            FigureKind::Money,
            Some("2800000000"),
            Some("USD"),
        ),
        ("f3", "14", FigureKind::Number, Some("14"), Some("posts")),
    ] {
        let i = annotate(&mut doc, id, AnnotationKind::Figure, needle);
        std::rc::Rc::make_mut(&mut doc.annotations[i]).figure = Some(FigureInfo {
            kind,
            value: value.map(Into::into),
            unit: unit.map(Into::into),
        });
    }
    // The user's own decisions: a confirmed quote, a rejected suggestion and a note.
    std::rc::Rc::make_mut(&mut doc.annotations[3]).status = Status::Confirmed;
    std::rc::Rc::make_mut(&mut doc.annotations[5]).status = Status::Rejected;
    let i = annotate(
        &mut doc,
        "n1",
        AnnotationKind::Note,
        "Oval Office confrontation",
    );
    let note = std::rc::Rc::make_mut(&mut doc.annotations[i]);
    note.origin = Origin::Manual;
    note.status = Status::Confirmed;
    note.note = Some("Check the transcript <before> publishing & quote it.".into());
    note.modified = T0 + 120_000.0;
    doc.annotations.sort_by_key(|a| a.start);
    doc
}

#[test]
fn sample_export_matches_the_golden_file() {
    let export = w3c::export_collection(&sample());
    let pretty = w3c::to_pretty(&export);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN_PATH, format!("{pretty}\n")).unwrap();
        return;
    }
    let golden: Value = serde_json::from_str(GOLDEN).unwrap();
    assert!(
        export == golden,
        "the export of the sample changed; if intended, run UPDATE_GOLDEN=1 cargo test --test share_golden\n{pretty}"
    );
}

#[test]
fn golden_file_imports_onto_the_sample_as_it_was() {
    let doc = sample();
    let bare = Document::new(SAMPLE, Some("sample".into()), T0);
    let outcome = import(GOLDEN, Some(&bare), T0 + 1.0).unwrap();
    assert_eq!(outcome.document.annotations, doc.annotations);
    assert_eq!(outcome.document.speakers, doc.speakers);
    assert_eq!(outcome.exact, 10);
}

#[test]
fn sample_csv_tables() {
    let doc = sample();
    let quotes = csv::quotes_csv(&doc);
    assert_eq!(
        quotes,
        "\u{feff}speaker,kind,quote,paragraph,status\r\n\
         Volodymyr Zelensky,mixed,\"\"\"stand more firmly on our side\"\"\",1,confirmed\r\n\
         Donald Trump,direct,\"\"\"Make a deal, or we are out.\"\"\",3,suggested\r\n"
    );
    let figures = csv::figures_csv(&doc);
    assert!(figures.starts_with(
        "\u{feff}text,kind,value,unit,sentence,status\r\n£2.26 billion,money,2260000000,GBP,"
    ));
    assert!(figures.contains("14,number,14,posts,\"In a series of 14 posts on X,"));
    assert_eq!(
        csv::speakers_csv(&doc),
        "\u{feff}name,role,quotes,words\r\n\
         Volodymyr Zelensky,President of Ukraine,1,6\r\n\
         Donald Trump,US President,1,7\r\n\
         Keir Starmer,UK Prime Minister,0,0\r\n"
    );
}
