//! Merging an import with what is already there: duplicates, conflicts, speakers, ids, and which
//! document a bundle goes to.
#![allow(clippy::unwrap_used)]

mod share_support;

use sayso::model::annotation::{Annotation, AnnotationKind, Speaker, Status};
use sayso::model::import::{import, ImportKind};
use sayso::model::{w3c, Document};
use share_support::{check_invariants, span};

const TEXT: &str =
    "Port strike ends\nDock workers voted to end the strike, said union leader Sam Reyes. \
                    “We got a fair deal,” Reyes said. Ships will sail again on Friday.";

fn base() -> Document {
    let mut doc = Document::new(TEXT, None, 1.0);
    doc.speakers.push(Speaker {
        id: "s1".into(),
        name: "Sam Reyes".into(),
        role: Some("union leader".into()),
        organisation: false,
    });
    let (s, e) = span(TEXT, "“We got a fair deal,”");
    let mut q = Annotation::manual(
        "q1",
        AnnotationKind::Quote,
        s,
        e,
        "“We got a fair deal,”",
        1.0,
    );
    q.speaker_id = Some("s1".into());
    doc.annotations.push(q.into());
    doc
}

#[test]
fn same_span_other_body_is_a_conflict_and_changes_nothing_there() {
    let doc = base();
    let mut theirs = doc.clone();
    std::rc::Rc::make_mut(&mut theirs.annotations[0]).note = Some("their note".into());
    std::rc::Rc::make_mut(&mut theirs.annotations[0]).status = Status::Rejected;
    let outcome = import(
        &w3c::export_collection(&theirs).to_string(),
        Some(&doc),
        5.0,
    )
    .unwrap();
    assert_eq!(outcome.added, 0);
    assert_eq!(outcome.conflicts.len(), 1);
    let conflict = &outcome.conflicts[0];
    assert_eq!(conflict.existing_id, "q1");
    assert_eq!(conflict.fields, ["status", "note"]);
    assert_eq!(conflict.incoming.note.as_deref(), Some("their note"));
    assert_eq!(outcome.document.annotations, doc.annotations);
    assert_eq!(outcome.summary(), "0 annotations added, 1 conflict");
}

#[test]
fn speakers_are_matched_by_name_and_new_ones_added() {
    let doc = base();
    let mut theirs = Document::new(TEXT, None, 1.0);
    theirs.speakers.push(Speaker {
        id: "x9".into(),
        name: "sam reyes".into(),
        role: None,
        organisation: false,
    });
    theirs.speakers.push(Speaker {
        id: "s1".into(),
        name: "Dock Workers Union".into(),
        role: None,
        organisation: true,
    });
    let (s, e) = span(TEXT, "Sam Reyes");
    let mut mention = Annotation::manual("m1", AnnotationKind::Speaker, s, e, "Sam Reyes", 1.0);
    mention.speaker_id = Some("x9".into());
    theirs.annotations.push(mention.into());
    let (s, e) = span(TEXT, "Ships will sail again on Friday.");
    let mut q = Annotation::manual(
        "q1",
        AnnotationKind::Quote,
        s,
        e,
        "Ships will sail again on Friday.",
        1.0,
    );
    q.speaker_id = Some("s1".into());
    theirs.annotations.push(q.into());
    let outcome = import(
        &w3c::export_collection(&theirs).to_string(),
        Some(&doc),
        5.0,
    )
    .unwrap();
    check_invariants(&outcome.document);
    let result = &outcome.document;
    // "sam reyes" is our Sam Reyes; their "s1" is another speaker, so it gets a new id.
    assert_eq!(result.speakers.len(), 2);
    assert_eq!(result.speakers[1].id, "s1-2");
    assert_eq!(result.speakers[1].name, "Dock Workers Union");
    assert_eq!(outcome.speakers_added, 1);
    let m1 = result.annotations.iter().find(|a| a.id == "m1").unwrap();
    assert_eq!(m1.speaker_id.as_deref(), Some("s1"));
    // Their "q1" is another annotation than ours: it gets a new id, and their speaker.
    let theirs_q = result.annotations.iter().find(|a| a.id == "q1-2").unwrap();
    assert_eq!(theirs_q.speaker_id.as_deref(), Some("s1-2"));
    assert_eq!(result.modified, 5.0);
    assert_eq!(outcome.added, 2);
}

#[test]
fn a_bundle_of_the_open_article_merges_and_another_opens_as_new() {
    let doc = base();
    let mut more = doc.clone();
    let (s, e) = span(TEXT, "Friday");
    more.annotations
        .push(Annotation::manual("f1", AnnotationKind::Figure, s, e, "Friday", 2.0).into());
    let bundle = w3c::export_bundle(&more).to_string();
    let outcome = import(&bundle, Some(&doc), 5.0).unwrap();
    assert_eq!(
        (outcome.kind, outcome.new_document),
        (ImportKind::Bundle, false)
    );
    assert_eq!((outcome.added, outcome.duplicates), (1, 1));
    assert_eq!(outcome.document.annotations.len(), 2);
    // With another article open, the bundle is a new document; the open one is untouched.
    let other = Document::new("Another article\nText.", None, 1.0);
    let outcome = import(&bundle, Some(&other), 5.0).unwrap();
    assert!(outcome.new_document);
    assert_eq!(outcome.document, more);
}

#[test]
fn orphans_are_merged_once() {
    let doc = base();
    let json = r#"{"type": "Annotation", "bodyValue": "lost", "target": {"selector":
        {"type": "TextQuoteSelector", "exact": "a sentence that is not in the article"}}}"#;
    let first = import(json, Some(&doc), 5.0).unwrap();
    assert_eq!(first.orphans.len(), 1);
    let again = import(json, Some(&first.document), 6.0).unwrap();
    assert_eq!((again.added, again.duplicates), (0, 1));
    assert_eq!(again.document, first.document);
}

/// REGRESSION: a decision in the file (accepted suggestion) replaces the same, untouched engine
/// suggestion in the open document instead of being reported as a conflict — so "export, clear
/// storage, import" gives back the same highlights and statuses.
#[test]
fn regression_decisions_from_a_file_replace_untouched_suggestions() {
    use sayso::model::annotation::Status;
    use sayso::model::suggest::suggestions;
    let text = "Town hall\n“We will reopen the library in May,” Mayor Ana Ruiz said on Friday.";
    let fresh = || {
        let mut doc = sayso::model::Document::new(text, None, 1.0);
        let (speakers, anns) = suggestions(&doc.text, &sayso::engine::analyze(&doc.text), 1.0);
        doc.speakers = speakers;
        doc.annotations = anns.into_iter().map(std::rc::Rc::new).collect();
        doc
    };
    let mut decided = fresh();
    let quote = decided
        .annotations
        .iter()
        .position(|a| a.kind.as_str() == "quote")
        .unwrap();
    std::rc::Rc::make_mut(&mut decided.annotations[quote]).status = Status::Confirmed;
    let rejected = decided
        .annotations
        .iter()
        .position(|a| a.kind.as_str() == "figure")
        .unwrap();
    std::rc::Rc::make_mut(&mut decided.annotations[rejected]).status = Status::Rejected;
    let file = sayso::model::w3c::to_pretty(&sayso::model::w3c::export_bundle(&decided));

    let outcome = sayso::model::import::import(&file, Some(&fresh()), 2.0).unwrap();
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    let status = |id: &str| {
        outcome
            .document
            .annotations
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.status)
    };
    assert_eq!(
        status(&decided.annotations[quote].id),
        Some(Status::Confirmed)
    );
    assert_eq!(
        status(&decided.annotations[rejected].id),
        Some(Status::Rejected)
    );
    assert_eq!(
        outcome.document.annotations.len(),
        decided.annotations.len(),
        "no duplicates"
    );
}
