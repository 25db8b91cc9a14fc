//! A text longer than `engine::BLOCK` is analysed block by block (cut at paragraph breaks) and
//! merged: these tests check that the merge gives what one analysis of the whole text gives where
//! the blocks cannot differ, and that no quotation or speaker is cut at a block's edge.

use sayso::engine::{analyze, analyze_whole, block_end, Analysis, QuoteKind, BLOCK};

/// Self-contained paragraphs (every person named in full in their paragraph), cycling through
/// direct, split, indirect and according-to quotes, figures and unquoted people.
fn paragraphs(bytes: usize) -> String {
    const PEOPLE: &[&str] = &[
        "Ines Varga",
        "Tom Hale",
        "Anna Novak",
        "Karl Jensen",
        "Dan Axel",
        "Rosa Diaz",
    ];
    let mut s = String::with_capacity(bytes + 512);
    let mut i = 0usize;
    while s.len() < bytes {
        let a = PEOPLE
            .get(i % PEOPLE.len())
            .copied()
            .unwrap_or("Ines Varga");
        let b = PEOPLE
            .get((i / PEOPLE.len() + i + 1) % PEOPLE.len())
            .copied()
            .unwrap_or("Tom Hale");
        let para = match i % 5 {
            0 => format!(
                "“The ferry will sail on {} May,” Mayor {a} said on Tuesday.\n",
                1 + i % 28
            ),
            1 => format!(
                "{a} said the harbour would cost £{}.5 million to repair, up {}% on last year.\n",
                2 + i % 9,
                3 + i % 40
            ),
            2 => format!(
                "“We are ready,” {a} said. “The crews have waited {} weeks.”\n",
                2 + i % 11
            ),
            3 => format!("According to {a}, the pier closed in {}.\n", 1990 + i % 30),
            _ => format!("{b} met {a} at the town hall; neither spoke to reporters.\n"),
        };
        s.push_str(&para);
        i += 1;
    }
    s
}

/// A quote as (text, kind, speaker name); a figure as (text, value).
type Quoted = (String, QuoteKind, Option<String>);
type Figured = (String, Option<String>);

/// Each quote as (text, kind, speaker name) and each figure as (text, value), in order.
fn summary(text: &str, a: &Analysis) -> (Vec<Quoted>, Vec<Figured>) {
    let quotes = a
        .quotes
        .iter()
        .map(|q| {
            (
                text[q.span.start..q.span.end].to_string(),
                q.kind,
                q.speaker_id.map(|i| a.speakers[i].name.clone()),
            )
        })
        .collect();
    let figures = a
        .figures
        .iter()
        .map(|f| (text[f.span.start..f.span.end].to_string(), f.value.clone()))
        .collect();
    (quotes, figures)
}

#[test]
fn blocks_agree_with_the_whole_text_on_self_contained_paragraphs() {
    let text = paragraphs(BLOCK * 5 / 2);
    assert!(
        block_end(&text, 0) < text.len(),
        "the text must span several blocks"
    );
    let blocks = analyze(&text);
    let whole = analyze_whole(&text);
    assert!(blocks.quotes.len() > 1000);
    assert_eq!(summary(&text, &blocks), summary(&text, &whole));
    // one speaker per name, as in the whole analysis, with every mention
    let names = |a: &Analysis| {
        let mut v: Vec<(String, usize)> = a
            .speakers
            .iter()
            .map(|s| (s.name.clone(), s.mentions.len()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&blocks), names(&whole));
    assert_eq!(blocks.speakers.len(), 6);
    for (i, s) in blocks.speakers.iter().enumerate() {
        assert_eq!(s.id, i);
        assert!(
            s.mentions.windows(2).all(|w| w[0].start < w[1].start),
            "mentions sorted"
        );
    }
    let people = |a: &Analysis| {
        a.people
            .iter()
            .map(|p| (p.span, p.name.clone(), p.speaker))
            .collect::<Vec<_>>()
    };
    assert_eq!(people(&blocks), people(&whole));
    // fragments of one split quote share an attribution, and no two attributions collide
    let mut ids: Vec<usize> = blocks.quotes.iter().map(|q| q.attribution).collect();
    ids.dedup();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(
        ids.len(),
        n,
        "attribution numbers stay distinct across blocks"
    );
}

#[test]
fn a_block_never_ends_inside_a_multi_paragraph_quotation() {
    // filler up to just before the block size, then a quotation that opens a paragraph, runs on
    // into the next paragraph (which opens with a quotation mark again) and is attributed there
    let mut text = String::new();
    while text.len() < BLOCK - 40 {
        text.push_str("The harbour was quiet and the boats stayed in.\n");
    }
    text.push_str("“The first paragraph of the statement runs past the block’s size.\n");
    text.push_str("“And the second closes it,” Ines Varga said.\n");
    text.push_str("More filler follows the statement.\n");
    let cut = block_end(&text, 0);
    assert!(cut > BLOCK, "the cut comes after the quotation: {cut}");
    assert!(
        text[cut..].starts_with("More filler"),
        "{:?}",
        &text[cut..cut + 20]
    );
    // the quotation reads as in one analysis of the whole text: both fragments, one speaker
    let near = |a: &Analysis| {
        summary(&text, a)
            .0
            .into_iter()
            .filter(|q| !q.0.contains("harbour"))
            .collect::<Vec<_>>()
    };
    let blocks = analyze(&text);
    assert_eq!(near(&blocks), near(&analyze_whole(&text)));
    let second = near(&blocks)
        .into_iter()
        .find(|q| q.0 == "And the second closes it,");
    assert_eq!(second.and_then(|q| q.2).as_deref(), Some("Ines Varga"));
    assert!(near(&blocks)
        .iter()
        .any(|q| q.0.starts_with("The first paragraph")));
}

#[test]
fn speakers_merge_across_blocks_and_quoted_people_are_flagged_everywhere() {
    let mut text = String::from("Karl Jensen opened the meeting.\n");
    while text.len() < BLOCK * 2 + 100 {
        text.push_str("The boats stayed in the harbour all week.\n");
    }
    text.push_str("“The pier must reopen,” Karl Jensen said.\n");
    let a = analyze(&text);
    assert_eq!(a.speakers.len(), 1);
    assert_eq!(a.speakers[0].name, "Karl Jensen");
    // the mention in the first block is the speaker's too, and flagged as quoted
    assert_eq!(a.speakers[0].mentions.first().map(|m| m.start), Some(0));
    assert!(a
        .people
        .iter()
        .filter(|p| p.name == "Karl Jensen")
        .all(|p| p.speaker));
    assert_eq!(
        a.people.iter().filter(|p| p.name == "Karl Jensen").count(),
        2
    );
    let q = &a.quotes[0];
    assert_eq!(&text[q.span.start..q.span.end], "The pier must reopen,");
    assert_eq!(q.speaker_id, Some(0));
    let m = q.speaker_mention.expect("mention");
    assert_eq!(&text[m.start..m.end], "Karl Jensen");
}

#[test]
fn block_ends_are_char_boundaries_and_cover_the_text() {
    // multi-byte text everywhere, lines of every length, some opening with quotation marks
    let mut text = String::new();
    let mut k = 0usize;
    while text.len() < BLOCK * 3 {
        k += 1;
        if k.is_multiple_of(7) {
            text.push('“');
        }
        text.push_str(&"€ été 北京 ".repeat(k % 13));
        text.push('\n');
    }
    let mut start = 0;
    let mut n = 0;
    while start < text.len() {
        let end = block_end(&text, start);
        assert!(end > start && text.is_char_boundary(end));
        assert!(end == text.len() || text[..end].ends_with('\n'));
        assert!(end == text.len() || !text[end..].starts_with('“'));
        start = end;
        n += 1;
    }
    assert!(n >= 3, "{n} blocks");
}
