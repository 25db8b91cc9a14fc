//! Every malformed input gets a named case with the exact message the user sees, and changes
//! nothing.
#![allow(clippy::unwrap_used)]

use sayso::model::import::{import, ImportError, MAX_IMPORT_BYTES};
use sayso::model::{w3c, Document};
use std::time::Instant;

fn article() -> Document {
    Document::new("Title\nThe mayor said “we will build”.", None, 1.0)
}

/// One annotation with the given target, as JSON text.
fn with_target(target: &str) -> String {
    format!(r#"{{"type": "Annotation", "bodyValue": "n", "target": {target}}}"#)
}

#[test]
fn malformed_inputs_table() {
    let len = article().length;
    let bundle_past_end = {
        let mut doc = article();
        doc.annotations.push(
            sayso::model::annotation::Annotation::manual(
                "q1",
                sayso::model::annotation::AnnotationKind::Quote,
                21,
                36,
                "“we will build”",
                1.0,
            )
            .into(),
        );
        let mut value = w3c::export_bundle(&doc);
        value["first"]["items"][0]["target"]["selector"][1]["end"] = 999.into();
        value.to_string()
    };
    let nested = format!("{}{}", "[".repeat(300), "]".repeat(300));
    let cases: Vec<(&str, String, bool, String)> = vec![
        ("empty file", String::new(), true, "the file is empty: there are no annotations in it".into()),
        ("white space only", " \n\t ".into(), true, "the file is empty: there are no annotations in it".into()),
        (
            "invalid json: missing comma",
            "{\n  \"type\": \"Annotation\"\n  \"target\": \"x\"\n}".into(),
            true,
            "the file is not valid JSON: expected `,` or `}` at line 3, column 3".into(),
        ),
        (
            "invalid json: cut short",
            r#"{"type": "Annotation", "target": {"#.into(),
            true,
            "the file is not valid JSON: EOF while parsing an object at line 1, column 34".into(),
        ),
        (
            "invalid json: nested too deep",
            nested,
            true,
            "the file is not valid JSON: recursion limit exceeded at line 1, column 128".into(),
        ),
        (
            "another format: csv",
            "speaker,kind,quote\nKeir,direct,hello\n".into(),
            true,
            "the file is not JSON but a CSV table: sayso imports W3C Web Annotation JSON files".into(),
        ),
        (
            "another format: html",
            "<!DOCTYPE html>\n<html><body><p>News</p></body></html>".into(),
            true,
            "the file is not JSON but an HTML page: sayso imports W3C Web Annotation JSON files".into(),
        ),
        (
            "another format: xml",
            "<?xml version=\"1.0\"?><feed/>".into(),
            true,
            "the file is not JSON but an XML or HTML document: sayso imports W3C Web Annotation JSON files".into(),
        ),
        (
            "another format: json lines",
            "{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2, \"text\": \"b\"}\n".into(),
            true,
            "the file is not JSON but JSON Lines (one record per line, like sayso's command-line output): sayso imports W3C Web Annotation JSON files".into(),
        ),
        (
            "another format: a semicolon table (European Excel)",
            "name;role\nSam;leader\n".into(),
            true,
            "the file is not JSON but a CSV table: sayso imports W3C Web Annotation JSON files".into(),
        ),
        (
            "REGRESSION: one line of prose with commas is text, not a table",
            "Hello, world, this is prose.".into(),
            true,
            "the file is not JSON but plain text: sayso imports W3C Web Annotation JSON files".into(),
        ),
        (
            "another format: plain text",
            "Just an article text.".into(),
            true,
            "the file is not JSON but plain text: sayso imports W3C Web Annotation JSON files".into(),
        ),
        (
            "wrong shape: a number",
            "42".into(),
            true,
            "the file is JSON but not W3C annotations: 42 (expected an Annotation, an array of them or an AnnotationCollection)".into(),
        ),
        (
            "wrong shape: an object of something else",
            r#"{"name": "x", "version": 2}"#.into(),
            true,
            "the file is JSON but not W3C annotations: an object with keys name, version (expected an Annotation, an array of them or an AnnotationCollection)".into(),
        ),
        (
            "wrong shape: empty object",
            "{}".into(),
            true,
            "the file is JSON but not W3C annotations: an empty object".into(),
        ),
        (
            "wrong shape: collection pages not included",
            r#"{"type": "AnnotationCollection", "first": "http://example.org/page1"}"#.into(),
            true,
            "the file is JSON but not W3C annotations: a collection whose annotations are not in the file (first is a link to http://example.org/page1)".into(),
        ),
        (
            "wrong type: negative start in the third item",
            format!(
                "[{}, {}, {}]",
                with_target(r#""urn:x""#),
                with_target(r#""urn:x""#),
                with_target(r#"{"selector": [{"type": "TextPositionSelector", "start": -5, "end": 3}]}"#)
            ),
            true,
            "item 3: target.selector[0].start is -5, expected a non-negative integer".into(),
        ),
        (
            "wrong type: fractional end",
            with_target(r#"{"selector": {"type": "TextPositionSelector", "start": 1, "end": 3.5}}"#),
            true,
            "item 1: target.selector.end is 3.5, expected a non-negative integer".into(),
        ),
        (
            "wrong type: exact is a number",
            with_target(r#"{"selector": {"type": "TextQuoteSelector", "exact": 5}}"#),
            true,
            "item 1: target.selector.exact is 5, expected a string".into(),
        ),
        (
            "wrong type: selector inside refinedBy",
            with_target(r#"{"selector": {"type": "FragmentSelector", "refinedBy": {"type": "TextQuoteSelector", "exact": "x", "prefix": []}}}"#),
            true,
            "item 1: target.selector.refinedBy.prefix is an array, expected a string".into(),
        ),
        (
            "wrong type: target is a number",
            with_target("7"),
            true,
            "item 1: target is 7, expected an object, a string or an array".into(),
        ),
        (
            "wrong type: body is a number",
            r#"{"type": "Annotation", "body": 7, "target": "urn:x"}"#.into(),
            true,
            "item 1: body is 7, expected an object, a string or an array".into(),
        ),
        (
            "wrong type: created is not a date",
            r#"{"type": "Annotation", "created": "yesterday", "target": "urn:x"}"#.into(),
            true,
            "item 1: created is \"yesterday\", expected an ISO 8601 date-time".into(),
        ),
        (
            "wrong type: unknown status",
            r#"{"type": "Annotation", "sayso:status": "maybe", "target": "urn:x"}"#.into(),
            true,
            "item 1: sayso:status is \"maybe\", expected \"suggested\", \"confirmed\" or \"rejected\"".into(),
        ),
        (
            "wrong type: bundle text is not a string",
            r#"{"type": "AnnotationCollection", "sayso:format": 1, "sayso:text": 5}"#.into(),
            true,
            "the collection: sayso:text is 5, expected a string".into(),
        ),
        (
            "wrong item: not an object",
            "[1]".into(),
            true,
            "item 1: is 1, expected an annotation object".into(),
        ),
        (
            "wrong item: another type",
            r#"[{"type": "Person", "name": "x"}]"#.into(),
            true,
            "item 1: has type \"Person\", expected \"Annotation\"".into(),
        ),
        (
            "missing target",
            r#"{"type": "Annotation", "bodyValue": "x"}"#.into(),
            true,
            "item 1: has no target (a W3C annotation must say what it annotates)".into(),
        ),
        (
            "quote selector without exact",
            with_target(r#"{"selector": {"type": "TextQuoteSelector", "prefix": "a"}}"#),
            true,
            "item 1: target.selector.exact is missing (a TextQuoteSelector needs the quoted text)".into(),
        ),
        (
            "position selector without end",
            with_target(r#"{"selector": {"type": "TextPositionSelector", "start": 1}}"#),
            true,
            "item 1: target.selector.end is missing (a TextPositionSelector needs start and end)".into(),
        ),
        (
            "start after end",
            with_target(r#"{"selector": {"type": "TextPositionSelector", "start": 9, "end": 3}}"#),
            true,
            "item 1: target.selector starts at 9, after its end 3".into(),
        ),
        (
            "offsets out of range: position only",
            with_target(r#"{"selector": {"type": "TextPositionSelector", "start": 10, "end": 900}}"#),
            true,
            format!("item 1: target.selector.end is 900, past the end of the text ({len} code points)"),
        ),
        (
            "offsets out of range: a bundle's position past its own text",
            bundle_past_end,
            false,
            format!("item 1: target.selector[1].end is 999, past the end of the text ({len} code points)"),
        ),
        (
            "newer format",
            r#"{"type": "AnnotationCollection", "sayso:format": 2}"#.into(),
            true,
            "the file was written by a newer version of sayso (format 2; this one reads up to 1)".into(),
        ),
        (
            "collection without an open article",
            r#"[{"type": "Annotation", "target": "urn:x"}]"#.into(),
            false,
            "these annotations need their article: open the article first, or import a bundle that includes its text".into(),
        ),
        // REGRESSION group: each guards a mistake that was easy to make.
        (
            "REGRESSION: broken JSON with commas is invalid JSON, not a CSV table",
            r#"{"a": 1,}"#.into(),
            true,
            "the file is not valid JSON: trailing comma at line 1, column 9".into(),
        ),
        (
            "REGRESSION: line numbers count leading blank lines",
            "\n\n  {oops".into(),
            true,
            "the file is not valid JSON: key must be a string at line 3, column 4".into(),
        ),
        (
            "REGRESSION: u64::MAX offsets do not overflow",
            with_target(r#"{"selector": {"type": "TextPositionSelector", "start": 18446744073709551615, "end": 18446744073709551615}}"#),
            true,
            format!("item 1: target.selector.end is 18446744073709551615, past the end of the text ({len} code points)"),
        ),
        (
            "REGRESSION: a byte-order mark before broken JSON",
            "\u{feff}[1,".into(),
            true,
            "the file is not valid JSON: EOF while parsing a value at line 1, column 3".into(),
        ),
        (
            "REGRESSION: columns count characters, not bytes",
            r#"{"a": "新闻" x}"#.into(),
            true,
            "the file is not valid JSON: expected `,` or `}` at line 1, column 12".into(),
        ),
    ];
    let doc = article();
    for (name, input, open, want) in cases {
        let before = doc.clone();
        let got = import(&input, open.then_some(&doc), 2.0)
            .map(|o| o.summary())
            .unwrap_err()
            .to_string();
        assert_eq!(got, want, "case {name}");
        assert_eq!(doc, before, "case {name} changed the document");
    }
}

#[test]
fn a_50_mb_file_fails_fast_with_a_message() {
    let huge = format!("[{}]", " ".repeat(50 * 1024 * 1024));
    let started = Instant::now();
    let err = import(&huge, Some(&article()), 1.0).unwrap_err();
    assert!(
        started.elapsed().as_millis() < 50,
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(
        err.to_string(),
        "the file is 50.0 MB: too large to import (sayso imports files up to 20 MB)"
    );
    assert!(matches!(err, ImportError::TooLarge { .. }));
    // Just under the limit is read (and here found empty of annotations).
    let under = format!("[{}]", " ".repeat(MAX_IMPORT_BYTES - 2));
    assert_eq!(import(&under, Some(&article()), 1.0).unwrap().added, 0);
}
