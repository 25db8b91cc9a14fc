//! Interop: annotations written by other tools import correctly.
//!
//! - `share_fixtures/w3c_model_examples.json`: an `AnnotationCollection` whose items follow the
//!   shapes of the W3C Web Annotation Data Model's own examples (IRI bodies and targets,
//!   `bodyValue`, `TextualBody` with purposes, `Choice`, multiple targets, creator/generator,
//!   `TextQuoteSelector`, `TextPositionSelector`, `RangeSelector`, `CssSelector`, a
//!   `FragmentSelector` `refinedBy` a `TextQuoteSelector`), pointed at our own article
//!   `share_fixtures/harbour.txt`;
//! - `share_fixtures/hypothesis_export.json`: a Hypothesis API search result (`rows`) whose
//!   targets hold `RangeSelector`, `TextPositionSelector` in UTF-16 units and
//!   `TextQuoteSelector`, plus a page note.
#![allow(clippy::unwrap_used)]

mod share_support;

use sayso::model::annotation::{Anchor, AnnotationKind, Origin, Status};
use sayso::model::import::{import, ImportKind};
use sayso::model::Document;
use share_support::{check_invariants, span};

const ARTICLE: &str = include_str!("share_fixtures/harbour.txt");
const W3C_EXAMPLES: &str = include_str!("share_fixtures/w3c_model_examples.json");
const HYPOTHESIS: &str = include_str!("share_fixtures/hypothesis_export.json");

fn article() -> Document {
    Document::new(
        ARTICLE,
        Some("https://news.example.org/2024/harbour-reopens".into()),
        1.0,
    )
}

#[test]
fn w3c_model_examples_import() {
    let doc = article();
    let outcome = import(W3C_EXAMPLES, Some(&doc), 2.0).unwrap();
    check_invariants(&outcome.document);
    assert_eq!(outcome.kind, ImportKind::Annotations);
    assert_eq!(outcome.added, 14, "every example is kept");
    let by_id = |id: &str| {
        outcome
            .document
            .annotations
            .iter()
            .find(|a| a.id == format!("http://example.org/{id}"))
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    // Text selectors are placed where their text is.
    let placed = [
        ("anno18", "Repairs will cost about £2m"),
        ("anno26", "north wall"),
        ("anno27", "Monday"),
        ("anno32", "Volunteers cleared the quay"),
        ("anno41", "who runs a trawler"),
    ];
    for (id, text) in placed {
        let a = by_id(id);
        assert_eq!((a.start, a.end), span(&doc.text, text), "{id}");
        assert_eq!(a.anchor, Anchor::Exact, "{id}");
        assert_eq!(a.kind, AnnotationKind::Note, "{id}");
        assert_eq!(a.status, Status::Confirmed, "{id}");
    }
    // Targets that are not text in this article (IRIs, CSS, XPath ranges) are orphans, kept.
    assert_eq!(outcome.orphans.len(), 9);
    for id in [
        "anno1", "anno5", "anno6", "anno8", "anno9", "anno10", "anno15", "anno24", "anno31",
    ] {
        assert_eq!(by_id(id).anchor, Anchor::Orphan, "{id}");
    }
    // Bodies become the note, as plain text: HTML is kept verbatim, never interpreted.
    let notes = [
        ("anno1", Some("http://example.org/post1")),
        ("anno5", Some("<p>j'adore !</p>")),
        ("anno6", Some("Comment text")),
        ("anno8", None),
        ("anno9", Some("http://example.org/description1\n\ntag1")),
        ("anno10", Some("http://example.org/note1")),
        ("anno18", Some("A good description of the repairs")),
        ("anno26", Some("Which wall?")),
        ("anno41", Some("A trawler, not a ferry")),
    ];
    for (id, note) in notes {
        assert_eq!(by_id(id).note.as_deref(), note, "{id}");
    }
    // Creator and generator, times.
    let anno15 = by_id("anno15");
    assert_eq!(
        anno15.origin,
        Origin::Imported {
            from: "Code v2.1".into()
        }
    );
    assert_eq!(anno15.created, 1_422_446_400_000.0);
    assert_eq!(anno15.modified, 1_422_522_000_000.0);
    assert_eq!(
        by_id("anno1").origin,
        Origin::Imported {
            from: "W3C annotation".into()
        }
    );
}

#[test]
fn w3c_examples_single_and_array_forms_import() {
    let doc = article();
    let collection: serde_json::Value = serde_json::from_str(W3C_EXAMPLES).unwrap();
    let items = &collection["first"]["items"];
    // An array of annotations.
    let outcome = import(&items.to_string(), Some(&doc), 2.0).unwrap();
    assert_eq!(outcome.added, 14);
    // A single annotation, with its own @context.
    let mut single = items[9].clone();
    single["@context"] = "http://www.w3.org/ns/anno.jsonld".into();
    let outcome = import(&single.to_string(), Some(&doc), 2.0).unwrap();
    assert_eq!((outcome.added, outcome.exact), (1, 1));
    // An AnnotationPage.
    let page = &collection["first"];
    assert_eq!(
        import(&page.to_string(), Some(&doc), 2.0).unwrap().added,
        14
    );
}

#[test]
fn hypothesis_export_with_utf16_positions_imports() {
    let doc = article();
    let outcome = import(HYPOTHESIS, Some(&doc), 2.0).unwrap();
    check_invariants(&outcome.document);
    assert_eq!(outcome.added, 3);
    let by_id = |id: &str| {
        outcome
            .document
            .annotations
            .iter()
            .find(|a| a.id == id)
            .unwrap()
    };
    // UTF-16 positions (the 🌊 in the title is two units) reproduce the quote: exact.
    let cost = by_id("hyp-0001");
    assert_eq!((cost.start, cost.end), span(&doc.text, "about £2m"));
    assert_eq!(cost.anchor, Anchor::Exact);
    assert_eq!(
        cost.note.as_deref(),
        Some("Check the **cost** figure <script>alert(1)</script>"),
        "Hypothesis's text is the note, kept verbatim"
    );
    assert_eq!(
        cost.origin,
        Origin::Imported {
            from: "Hypothesis".into()
        }
    );
    assert_eq!(cost.created, 1_714_644_932_123.0);
    // Positions counted in a page with navigation around the article: found by the quote.
    let quote = by_id("hyp-0002");
    assert_eq!(
        (quote.start, quote.end),
        span(&doc.text, "“We lost a week of fishing,”")
    );
    assert_eq!(quote.anchor, Anchor::Moved);
    // A page note has no selector: kept as an orphan with its text.
    let page_note = by_id("hyp-0003");
    assert_eq!(page_note.anchor, Anchor::Orphan);
    assert_eq!(
        page_note.note.as_deref(),
        Some("A page note: good coverage.")
    );
    assert_eq!(
        outcome.summary(),
        "3 annotations added (1 exact, 1 moved), 1 orphan"
    );
}

#[test]
fn hypothesis_rows_without_the_envelope_import_too() {
    let value: serde_json::Value = serde_json::from_str(HYPOTHESIS).unwrap();
    let rows = value["rows"].to_string();
    let outcome = import(&rows, Some(&article()), 2.0).unwrap();
    assert_eq!(outcome.added, 3);
    let single = value["rows"][0].to_string();
    assert_eq!(import(&single, Some(&article()), 2.0).unwrap().exact, 1);
}
