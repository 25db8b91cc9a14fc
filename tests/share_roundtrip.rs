//! Round trips, property-tested over generated documents: export → import gives the identical
//! document, by file (bundle), onto the open document (collection) and by share link; and a
//! second import of the same file adds nothing.
#![allow(clippy::unwrap_used)]

mod share_support;

use sayso::model::annotation::{Anchor, Annotation, AnnotationKind};
use sayso::model::import::{import, ImportKind};
use sayso::model::{share, w3c, Document};
use share_support::{check_invariants, document, Rng};

const CASES: u64 = 300;

#[test]
fn bundle_round_trip_gives_the_identical_document() {
    for seed in 1..=CASES {
        let doc = document(&mut Rng(seed * 0x9e37_79b9));
        let file = w3c::to_pretty(&w3c::export_bundle(&doc));
        let outcome = import(&file, None, 9e12).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert_eq!(outcome.document, doc, "seed {seed}");
        assert!(outcome.new_document && outcome.kind == ImportKind::Bundle);
        assert_eq!(outcome.added, doc.annotations.len(), "seed {seed}");
        assert_eq!(outcome.exact, doc.annotations.len(), "seed {seed}");
        assert!(!outcome.text_changed);
        check_invariants(&outcome.document);
    }
}

#[test]
fn collection_onto_the_bare_article_restores_annotations_and_speakers() {
    for seed in 1..=CASES {
        let doc = document(&mut Rng(seed * 0x2545_f491));
        let file = w3c::to_pretty(&w3c::export_collection(&doc));
        let bare = Document::new(&doc.text, doc.source.clone(), doc.created);
        let outcome =
            import(&file, Some(&bare), 9e12).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert_eq!(outcome.kind, ImportKind::Collection);
        assert!(!outcome.new_document);
        assert_eq!(outcome.document.annotations, doc.annotations, "seed {seed}");
        assert_eq!(outcome.document.speakers, doc.speakers, "seed {seed}");
    }
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    for seed in 1..=CASES {
        let doc = document(&mut Rng(seed * 0x1234_5677));
        for file in [w3c::export_collection(&doc), w3c::export_bundle(&doc)] {
            let outcome = import(&file.to_string(), Some(&doc), 9e12).unwrap();
            assert_eq!(outcome.document, doc, "seed {seed}");
            assert_eq!(outcome.added, 0);
            assert_eq!(outcome.duplicates, doc.annotations.len(), "seed {seed}");
            assert!(outcome.conflicts.is_empty());
        }
    }
}

#[test]
fn share_link_round_trip_gives_the_identical_document() {
    for seed in 1..=CASES / 3 {
        let doc = document(&mut Rng(seed * 0x7f4a_7c15));
        let fragment = share::encode_fragment(&doc).unwrap();
        assert!(fragment.len() <= share::MAX_FRAGMENT_BYTES);
        let outcome = share::open_fragment(&fragment, 9e12).unwrap();
        assert_eq!(outcome.document, doc, "seed {seed}");
    }
}

#[test]
fn export_is_deterministic() {
    let doc = document(&mut Rng(42));
    assert_eq!(
        w3c::to_pretty(&w3c::export_bundle(&doc)),
        w3c::to_pretty(&w3c::export_bundle(&doc.clone()))
    );
}

#[test]
fn orphans_survive_a_round_trip_as_orphans() {
    let mut doc = Document::new("Title\nA text that lost its quote.", None, 0.0);
    let mut orphan = Annotation::manual(
        "o1",
        AnnotationKind::Quote,
        6,
        6,
        "a passage that is gone",
        0.0,
    );
    orphan.anchor = Anchor::Orphan;
    doc.annotations.push(orphan.into());
    let outcome = import(&w3c::export_bundle(&doc).to_string(), None, 1.0).unwrap();
    assert_eq!(outcome.document, doc);
    assert_eq!(outcome.orphans, ["o1"]);
}

#[test]
fn markup_in_notes_and_names_round_trips_verbatim_as_text() {
    let mut doc = Document::new("Title\n<p>Markup</p> in the text & more.", None, 0.0);
    doc.speakers.push(sayso::model::annotation::Speaker {
        id: "s1".into(),
        name: "<script>alert(\"name\")</script>".into(),
        role: Some("<img src=x onerror=alert(1)>".into()),
        organisation: false,
    });
    let mut a = Annotation::manual("n1", AnnotationKind::Quote, 6, 19, "<p>Markup</p>", 0.0);
    a.note = Some("</textarea><script>alert('note')</script>&amp;".into());
    a.speaker_id = Some("s1".into());
    doc.annotations.push(a.into());
    let file = w3c::to_pretty(&w3c::export_bundle(&doc));
    let back = import(&file, None, 1.0).unwrap().document;
    assert_eq!(back, doc);
    assert_eq!(
        back.annotations[0].note.as_deref(),
        Some("</textarea><script>alert('note')</script>&amp;")
    );
    assert_eq!(back.speakers[0].name, "<script>alert(\"name\")</script>");
}

#[test]
fn regression_offsets_past_the_end_still_export_and_import() {
    let mut doc = Document::new("Title\nShort.", None, 0.0);
    doc.annotations
        .push(Annotation::manual("x", AnnotationKind::Note, 50, 60, "Short", 0.0).into());
    let outcome = import(&w3c::export_bundle(&doc).to_string(), None, 1.0).unwrap();
    let a = &outcome.document.annotations[0];
    assert_eq!((a.start, a.end, a.anchor), (6, 11, Anchor::Moved));
}
