//! Shared helpers for the exchange tests: a tiny deterministic PRNG, a generator of documents
//! full of hard text (emoji, ZWJ sequences, CJK, combining marks, RTL), and invariant checks.
#![allow(dead_code, clippy::unwrap_used)]

use sayso::model::annotation::{
    Anchor, Annotation, AnnotationKind, FigureInfo, FigureKind, Origin, QuoteKind, Speaker, Status,
};
use sayso::model::offsets::TextIndex;
use sayso::model::Document;

/// xorshift64: deterministic, seedable, no dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces of text, chosen to be hard for offsets and matching.
pub const PIECES: &[&str] = &[
    "the",
    "minister",
    "said",
    "budget",
    "would",
    "rise",
    "€2.26bn",
    "£40m",
    "42%",
    "🗳️",
    "👨🏻‍🚒",
    "👩‍👩‍👧",
    "🇺🇦",
    "新闻报道说",
    "经济",
    "e\u{301}te\u{301}",
    "Ångström",
    "قال الرئيس",
    "שלום",
    "“",
    "”",
    "\"",
    "'",
    ",",
    ".",
    "—",
    "<b>",
    "&amp;",
    "Ωμέγα",
    "naïve",
    "\u{200d}",
    "x\u{301}\u{302}",
];

pub const NOTES: &[&str] = &[
    "check this",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "",
    "two\nlines",
    "=HYPERLINK(\"http://evil\")",
    "emoji 👨🏻‍🚒 and 新闻",
    "quotes \" and \\ backslash",
];

pub const NAMES: &[&str] = &[
    "Keir Starmer",
    "Ursula von der Leyen",
    "李强",
    "Volodymyr Zelensky",
    "<b>Bold</b> & Co",
    "محمد",
    "Zoë O'Brien-Łukasz",
];

/// A random article text: a title line and some paragraphs.
pub fn text(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..2 + rng.below(4) {
        out.push_str(rng.pick::<&str>(PIECES));
        out.push(' ');
    }
    out.push_str("title");
    for _ in 0..1 + rng.below(5) {
        out.push_str(if rng.chance(50) { "\n" } else { "\n\n" });
        for w in 0..3 + rng.below(40) {
            if w > 0 {
                out.push(' ');
            }
            out.push_str(rng.pick::<&str>(PIECES));
        }
    }
    out
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// A random document with annotations of every kind and status, speakers, figures and notes.
pub fn document(rng: &mut Rng) -> Document {
    let text = text(rng);
    let source = match rng.below(3) {
        0 => None,
        1 => Some("https://example.org/news/story?id=7&x=<y>".to_owned()),
        _ => Some("article 🗳️.txt".to_owned()),
    };
    let created = (rng.below(4_000_000) as f64) * 1_000_000.0 + rng.below(1000) as f64;
    let mut doc = Document::new(&text, source, created);
    doc.modified = created + rng.below(10_000_000) as f64;
    if rng.chance(20) {
        doc.title = "Custom <title> & “co”".to_owned();
    }
    let speakers = rng.below(5);
    for i in 0..speakers {
        doc.speakers.push(Speaker {
            id: format!("s{i}"),
            name: format!("{} {i}", NAMES[i % NAMES.len()]),
            role: rng.chance(50).then(|| "Prime <i>Minister</i>".to_owned()),
            organisation: rng.chance(30),
        });
    }
    let len = doc.length;
    let count = rng.below(14);
    for i in 0..count {
        let kind = *rng.pick(&[
            AnnotationKind::Speaker,
            AnnotationKind::Quote,
            AnnotationKind::Figure,
            AnnotationKind::Note,
        ]);
        let start = rng.below(len + 1);
        let end = (start + rng.below(40)).min(len);
        let mut a = Annotation::manual(
            &format!("a{i}"),
            kind,
            start,
            end,
            &slice(&doc.text, start, end),
            created + i as f64,
        );
        a.status = *rng.pick(&[Status::Suggested, Status::Confirmed, Status::Rejected]);
        if speakers > 0
            && (matches!(kind, AnnotationKind::Quote | AnnotationKind::Speaker) || rng.chance(10))
            && rng.chance(80)
        {
            a.speaker_id = Some(format!("s{}", rng.below(speakers)));
        }
        a.quote_kind = match rng.below(4) {
            0 => None,
            1 => Some(QuoteKind::Direct),
            2 => Some(QuoteKind::Mixed),
            _ => Some(QuoteKind::Indirect),
        };
        a.figure = rng.chance(40).then(|| FigureInfo {
            kind: *rng.pick(&FigureKind::ALL),
            value: rng.chance(70).then(|| "2260000000".to_owned()),
            unit: rng.chance(50).then(|| "GBP".to_owned()),
        });
        a.note = rng.chance(40).then(|| rng.pick(NOTES).to_string());
        a.origin = match rng.below(3) {
            0 => Origin::Manual,
            1 => Origin::Auto {
                engine: "0.3.1".to_owned(),
            },
            _ => Origin::Imported {
                from: "Hypothesis".to_owned(),
            },
        };
        a.edited = rng.chance(30);
        a.modified = a.created + rng.below(5000) as f64;
        doc.annotations.push(a.into());
    }
    doc.annotations.sort_by_key(|a| a.start);
    doc
}

/// What every imported document must satisfy: placed annotations show their `exact` at their
/// offsets; orphans sit at an empty span inside the text; ids are unique.
pub fn check_invariants(doc: &Document) {
    let index = TextIndex::new(&doc.text);
    let mut ids = std::collections::HashSet::new();
    for a in &doc.annotations {
        assert!(ids.insert(a.id.clone()), "duplicate id {}", a.id);
        assert!(a.start <= a.end && a.end <= doc.length, "span of {a:?}");
        if a.anchor == Anchor::Orphan {
            assert_eq!(a.start, a.end, "orphan {a:?} has a span");
        } else {
            let s = index.cp_to_byte(a.start).unwrap();
            let e = index.cp_to_byte(a.end).unwrap();
            assert_eq!(&doc.text[s..e], a.exact, "exact of {}", a.id);
        }
        if let Anchor::Fuzzy { score } = a.anchor {
            assert!((0.0..=1.0).contains(&score));
        }
    }
    assert!(
        doc.annotations.windows(2).all(|w| w[0].start <= w[1].start),
        "sorted by start"
    );
}

/// Finds `needle` in `text` and returns its code point span.
pub fn span(text: &str, needle: &str) -> (usize, usize) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}
