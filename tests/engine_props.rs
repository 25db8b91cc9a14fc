//! Property tests: arbitrary strings (from a tiny deterministic generator over an alphabet of quote
//! marks, emoji, ZWJ sequences, CJK, RTL, combining marks and control characters) never make the
//! engine panic, and every span it returns is inside the text, on char boundaries and sorted.

use sayso::engine::{analyze, Analysis, Span};

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ",",
    ".",
    ":",
    "—",
    "(",
    ")",
    "said",
    "says",
    "told",
    "according to",
    "he",
    "she",
    "He",
    "the",
    "Mr.",
    "President",
    "Anna",
    "Smith",
    "Volodymyr",
    "Zelensky’s",
    "Kremlin",
    "officials",
    "that",
    "warned",
    "🗳️",
    "👨🏻‍🚒",
    "€",
    "£2.26 billion",
    "北京",
    "中文",
    "שלום",
    "مرحبا",
    "\u{202e}",
    "\u{200d}",
    "e\u{301}",
    "\u{0}",
    "\u{7}",
    "\t",
    "\r",
    "A",
    "b",
    "Zoë",
    "ǅ",
    "İ",
    "ß",
    "'s",
    "’90s",
    "?",
    "!",
];

fn random_text(rng: &mut Rng, len: usize) -> String {
    let mut s = String::new();
    for _ in 0..len {
        match rng.below(10) {
            0 => s.push(char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('x')),
            _ => s.push_str(PIECES[rng.below(PIECES.len())]),
        }
    }
    s
}

fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} {s:?} out of range in {text:?}"
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} {s:?} off char boundary in {text:?}"
    );
}

fn check(text: &str, a: &Analysis) {
    for w in a.quotes.windows(2) {
        assert!(
            w[0].span.start <= w[1].span.start,
            "quotes unsorted in {text:?}"
        );
    }
    for w in a.people.windows(2) {
        assert!(
            w[0].span.start <= w[1].span.start,
            "people unsorted in {text:?}"
        );
    }
    for w in a.figures.windows(2) {
        assert!(
            w[0].span.start <= w[1].span.start,
            "figures unsorted in {text:?}"
        );
    }
    for q in &a.quotes {
        check_span(text, q.span, "quote");
        assert!(!q.span.is_empty(), "empty quote in {text:?}");
        if let Some(m) = q.speaker_mention {
            check_span(text, m, "speaker mention");
        }
        if let Some(c) = q.cue {
            check_span(text, c, "cue");
        }
        if let Some(id) = q.speaker_id {
            assert!(id < a.speakers.len(), "dangling speaker id in {text:?}");
        }
    }
    for p in &a.people {
        check_span(text, p.span, "person");
    }
    for (i, s) in a.speakers.iter().enumerate() {
        assert_eq!(s.id, i);
        for m in &s.mentions {
            check_span(text, *m, "speaker mention");
        }
    }
    for f in &a.figures {
        check_span(text, f.span, "figure");
    }
}

#[test]
fn arbitrary_strings_never_panic_and_spans_are_valid() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3000 {
        let len = 1 + rng.below(if round % 10 == 0 { 400 } else { 60 });
        let text = random_text(&mut rng, len);
        let a = analyze(&text);
        check(&text, &a);
        // deterministic
        assert_eq!(a, analyze(&text));
    }
}

#[test]
fn pathological_inputs() {
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("stray quotes", "\"".repeat(2001)),
        ("curly strays", "“”’‘«»„".repeat(300)),
        ("nested quotes", "“a ‘b “c ‘d “e ".repeat(100)),
        ("no punctuation", "word ".repeat(20_000)),
        (
            "capitalised words",
            "Anna Smith Kremlin President ".repeat(5_000),
        ),
        (
            "cue storm",
            "said he said she said according to ".repeat(2_000),
        ),
        (
            "control chars",
            (0u8..32).map(char::from).collect::<String>().repeat(50),
        ),
        ("emoji zwj", "👨🏻‍🚒🗳️ said “🇺🇦” ".repeat(500)),
        (
            "rtl cjk",
            "\u{202e}שלום 北京 said “中文”\u{202c} ".repeat(500),
        ),
        ("combining only", "\u{301}\u{302}\u{303}".repeat(500)),
    ];
    for (name, text) in &cases {
        let a = analyze(text);
        check(text, &a);
        eprintln!("{name}: {} quotes", a.quotes.len());
    }
}
