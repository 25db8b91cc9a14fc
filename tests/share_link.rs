//! Share links: every way a link can be wrong gets a named case and its message.
#![allow(clippy::unwrap_used)]

mod share_support;

use sayso::model::annotation::{Annotation, AnnotationKind};
use sayso::model::share::{
    base64url_encode, decode_fragment, encode_fragment, open_fragment, ShareError,
    MAX_FRAGMENT_BYTES,
};
use sayso::model::{w3c, Document};
use share_support::{document, Rng};

fn fragment_of(content: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(content, 9);
    format!("#sayso=v1.{}", base64url_encode(&packed))
}

fn small_doc() -> Document {
    let mut doc = Document::new("Title 🗳️\nThe mayor said “we will build”.", None, 1.0);
    let (s, e) = share_support::span(&doc.text, "“we will build”");
    doc.annotations
        .push(Annotation::manual("q1", AnnotationKind::Quote, s, e, "“we will build”", 1.0).into());
    doc
}

#[test]
fn round_trip_through_a_whole_url() {
    let doc = small_doc();
    let fragment = encode_fragment(&doc).unwrap();
    let url = format!("https://sayso.example/app/index.html{fragment}");
    let outcome = open_fragment(&url, 2.0).unwrap();
    assert_eq!(outcome.document, doc);
    assert!(outcome.new_document);
    // Without the '#', too.
    assert_eq!(open_fragment(&fragment[1..], 2.0).unwrap().document, doc);
    // Only URL-safe characters.
    assert!(fragment[1..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b)));
}

#[test]
fn broken_links_table() {
    let good = encode_fragment(&small_doc()).unwrap();
    let mut flipped: Vec<char> = good.chars().collect();
    let middle = flipped.len() / 2;
    flipped[middle] = if flipped[middle] == 'A' { 'B' } else { 'A' };
    let flipped: String = flipped.into_iter().collect();
    let collection = w3c::export_collection(&small_doc()).to_string();
    let impossible = (1..=4)
        .map(|k| good.len() - k)
        .find(|l| (l - "#sayso=v1.".len()) % 4 == 1)
        .unwrap();
    let bomb = fragment_of(&vec![b' '; 20 * 1024 * 1024]);
    assert!(
        bomb.len() < MAX_FRAGMENT_BYTES,
        "the bomb fits in a link: {}",
        bomb.len()
    );
    let cases: Vec<(&str, String, &str)> = vec![
        ("no fragment", "https://sayso.example/".into(), "the link holds no sayso share (no #sayso= in its fragment)"),
        ("another app's fragment", "#section-2".into(), "the link holds no sayso share (no #sayso= in its fragment)"),
        (
            "wrong version",
            good.replace("v1.", "v9."),
            "the share link is of an unknown version (v9); this version of sayso opens v1 links",
        ),
        ("no version", "#sayso=eJzLSM3JyQcABiwCFQ".into(), "the share link is of an unknown version (eJzLSM3J); this version of sayso opens v1 links"),
        ("cut after the version", "#sayso=v1".into(), "the share link is incomplete: it was cut short when copied; ask for the whole link"),
        ("empty data", "#sayso=v1.".into(), "the share link is incomplete: it was cut short when copied; ask for the whole link"),
        (
            "truncated by a few characters",
            good[..good.len() - 10].into(),
            "the share link is incomplete: it was cut short when copied; ask for the whole link",
        ),
        (
            "truncated to an impossible base64 length",
            good[..impossible].into(),
            "the share link is incomplete: it was cut short when copied; ask for the whole link",
        ),
        (
            "garbage characters",
            "#sayso=v1.abc$%^&*".into(),
            "the share link is damaged: it contains '$' at position 4, which a link never has",
        ),
        (
            "percent-encoded by a mail client",
            good.replacen("v1.", "v1.%20", 1),
            "the share link is damaged: it contains '%' at position 1, which a link never has",
        ),
        ("one character changed", flipped, "the share link is damaged: "),
        ("not zlib at all", "#sayso=v1.AAAAAAAA".into(), "the share link is damaged: its compressed data is invalid"),
        (
            "oversized",
            format!("#sayso=v1.{}", "A".repeat(MAX_FRAGMENT_BYTES + 10)),
            "the share link is 33 KB, over the 32 KB sayso opens: ask for a bundle file instead",
        ),
        ("decompression bomb", bomb, "the share link unpacks to more than 8 MB: refused"),
        ("not utf-8", fragment_of(&[0xff, 0xfe, 0x00]), "the share link is damaged: its content is not UTF-8 text"),
        (
            "content is not JSON",
            fragment_of(b"hello, world"),
            "the share link's content could not be opened: the file is not JSON but plain text: sayso imports W3C Web Annotation JSON files",
        ),
        (
            "content has no article text",
            fragment_of(collection.as_bytes()),
            "the share link's content could not be opened: these annotations need their article: open the article first, or import a bundle that includes its text",
        ),
    ];
    for (name, link, want) in cases {
        let got = open_fragment(&link, 1.0)
            .map(|o| o.summary())
            .unwrap_err()
            .to_string();
        assert!(got.starts_with(want), "case {name}: {got}");
    }
}

#[test]
fn a_document_too_large_for_a_link_says_to_use_a_file() {
    // Text that does not compress: pseudo-random letters.
    let mut rng = Rng(3);
    let text: String = (0..60_000)
        .map(|_| char::from(b'a' + rng.below(26) as u8))
        .collect();
    let doc = Document::new(&text, None, 1.0);
    let err = encode_fragment(&doc).unwrap_err();
    assert!(matches!(err, ShareError::TooLarge { .. }));
    let message = err.to_string();
    assert!(message.contains("export a bundle file"), "{message}");
    assert!(message.contains("over the 32 KB"), "{message}");
}

#[test]
fn typical_documents_fit_in_a_link() {
    for seed in 1..20 {
        let doc = document(&mut Rng(seed));
        let fragment = encode_fragment(&doc).unwrap();
        assert_eq!(
            decode_fragment(&fragment).unwrap(),
            w3c::export_bundle(&doc).to_string()
        );
    }
}
