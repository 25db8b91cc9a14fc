//! The analysis engine: quotes, speakers, people and figures found in a news text.
//!
//! [`analyze`] is a pure, infallible, deterministic function of the text, linear in its length.
//! Stages, one module each: [`segment`] (tokens, sentences, paragraphs) → [`quotes`] (quotation-mark
//! pairing) → [`people`] (person names) → [`attribution`] (sources and cues, with [`coref`] for
//! pronouns and descriptions and [`indirect`] for reported speech) → [`figures`]. All spans are
//! UTF-8 byte ranges on char boundaries (see [`Span`]); all lists are sorted by start.
//!
//! ```
//! use sayso::engine::{analyze, QuoteKind};
//! let text = "“Prices will fall,” Finance Minister Rosa Diaz said on Monday.";
//! let a = analyze(text);
//! assert_eq!(a.quotes.len(), 1);
//! let q = &a.quotes[0];
//! assert_eq!(&text[q.span.start..q.span.end], "Prices will fall,");
//! assert_eq!(q.kind, QuoteKind::Direct);
//! assert_eq!(a.speakers[q.speaker_id.unwrap()].name, "Rosa Diaz");
//! assert_eq!(a.speakers[0].role.as_deref(), Some("Finance Minister"));
//! ```

pub mod attribution;
pub mod coref;
pub mod figures;
pub mod indirect;
pub mod lexicon;
pub mod people;
pub mod quotes;
pub mod segment;
mod types;
pub use types::*;

/// `count` deterministic random texts of 1 to `max_pieces` of `pieces` each (xorshift from
/// `seed`), for tests that check two code paths agree.
#[cfg(test)]
pub(crate) fn random_texts(
    pieces: &[&str],
    count: usize,
    max_pieces: u64,
    seed: u64,
) -> Vec<String> {
    let mut x = seed;
    (0..count)
        .map(|_| {
            let mut t = String::new();
            for _ in 0..1 + x % max_pieces {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push_str(
                    pieces
                        .get((x % pieces.len() as u64) as usize)
                        .unwrap_or(&""),
                );
            }
            t
        })
        .collect()
}

use people::MentionKind;

/// Bytes analysed as one block. A longer text is cut at paragraph breaks into blocks of about this
/// size, each analysed on its own and then merged ([`analyze`]): every stage of a block then works
/// in the processor's cache, so the time grows with the text's length and no faster (a 20 MB text
/// analysed whole took 14.7 times as long as a 2 MB one, in blocks 10.2). Articles are far shorter
/// than this and are analysed whole.
pub const BLOCK: usize = 1 << 18;

/// Analyses a text: speakers, person mentions, quotes and figures.
///
/// A text longer than [`BLOCK`] is analysed block by block, cut at paragraph breaks that no quote
/// runs across (see [`block_end`]); speakers of the same name and kind in different blocks are one
/// speaker, and a person quoted in one block is flagged as quoted in every block. What a block
/// cannot see of the others: a pronoun at the top of a block is not resolved to a name in the
/// block before, and a name accepted in one block is not thereby a name in the others.
pub fn analyze(text: &str) -> Analysis {
    if text.len() <= BLOCK {
        return analyze_whole(text);
    }
    let mut out = Analysis::default();
    // name -> index in out.speakers of the person [0] and the organisation [1] of that name
    let mut speaker_of: lexicon::FnvMap<String, [Option<usize>; 2]> = lexicon::FnvMap::default();
    let mut start = 0;
    let mut attribution_base = 0;
    while start < text.len() {
        let end = block_end(text, start);
        let Some(block) = text.get(start..end) else {
            break;
        };
        let a = analyze_whole(block);
        let shift = |s: Span| Span::new(s.start + start, s.end + start);
        // this block's speaker ids -> merged ids
        let ids: Vec<usize> = a
            .speakers
            .into_iter()
            .map(|sp| {
                let next = out.speakers.len();
                let [person, org] = speaker_of.entry(sp.name.clone()).or_default();
                let id = *if sp.organisation { org } else { person }.get_or_insert(next);
                if id == next {
                    out.speakers.push(Speaker {
                        id,
                        name: sp.name.clone(),
                        role: None,
                        mentions: Vec::new(),
                        organisation: sp.organisation,
                    });
                }
                if let Some(merged) = out.speakers.get_mut(id) {
                    if merged.role.is_none() {
                        merged.role = sp.role;
                    }
                    merged.mentions.extend(sp.mentions.into_iter().map(shift));
                }
                id
            })
            .collect();
        let next_base = a
            .quotes
            .iter()
            .map(|q| attribution_base + q.attribution + 1)
            .max()
            .unwrap_or(attribution_base);
        out.quotes.extend(a.quotes.into_iter().map(|q| Quote {
            span: shift(q.span),
            speaker_id: q.speaker_id.and_then(|i| ids.get(i).copied()),
            speaker_mention: q.speaker_mention.map(shift),
            cue: q.cue.map(shift),
            attribution: attribution_base + q.attribution,
            ..q
        }));
        attribution_base = next_base;
        out.people
            .extend(a.people.into_iter().map(|p| PersonMention {
                span: shift(p.span),
                ..p
            }));
        out.figures.extend(a.figures.into_iter().map(|f| Figure {
            span: shift(f.span),
            ..f
        }));
        start = end;
    }
    // a person quoted in any block is quoted, and their mentions in other blocks are theirs
    for p in &mut out.people {
        if let Some(&[Some(id), _]) = speaker_of.get(p.name.as_str()) {
            p.speaker = true;
            if let Some(s) = out.speakers.get_mut(id) {
                s.mentions.push(p.span);
            }
        }
    }
    for s in &mut out.speakers {
        s.mentions.sort_unstable();
        s.mentions.dedup();
    }
    out
}

/// Where the block that starts at `start` ends: at the first line break at least [`BLOCK`] bytes
/// on whose next line (blank lines passed over) does not open with a quotation mark, so that no
/// multi-paragraph quotation and no floating quote (a paragraph of quotation after its attributed
/// one) is cut from what it continues; else the end of the text.
pub fn block_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start + BLOCK;
    while let Some(k) = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
    {
        let cut = at + k + 1;
        // '\n' is never inside a multi-byte char: `cut` is a char boundary
        let next = text.get(cut..).unwrap_or("").trim_start();
        match next.chars().next() {
            None => return text.len(),
            Some(c) if !segment::is_quote_char(c) => return cut,
            Some(_) => at = cut,
        }
    }
    text.len()
}

/// Analyses the whole text as one block, whatever its length: what [`analyze`] does for a text up
/// to [`BLOCK`] bytes. Beyond that its time grows faster than the text (it leaves the cache); the
/// tests compare it with the block-wise analysis.
pub fn analyze_whole(text: &str) -> Analysis {
    let doc = segment::tokenize(text);
    let regions = quotes::find_regions(&doc);
    let found = people::find_people(&doc);
    let (raw, at) = attribution::attribute(&doc, &regions, found);
    let mut people = at.people;
    let extra = at.extra_mentions;

    // speakers: entities with at least one attributed quote, in order of first mention
    let n_ent = people.entities.len();
    let mut quoted = vec![false; n_ent];
    for q in &raw {
        if let Some(s) = q.source {
            if let Some(f) = quoted.get_mut(s.entity) {
                *f = true;
            }
        }
    }
    // (mention lists only for the quoted: nothing else reads them)
    let mut mentions_of: Vec<Vec<Span>> = vec![Vec::new(); n_ent];
    for m in people.mentions.iter().chain(extra.iter()) {
        if quoted.get(m.entity).copied().unwrap_or(false) {
            if let Some(v) = mentions_of.get_mut(m.entity) {
                v.push(m.span);
            }
        }
    }
    for v in &mut mentions_of {
        v.sort();
        v.dedup();
    }
    let mut order: Vec<usize> = (0..n_ent)
        .filter(|&e| quoted.get(e).copied().unwrap_or(false))
        .collect();
    order.sort_by_key(|&e| {
        mentions_of
            .get(e)
            .and_then(|v| v.first())
            .map_or(usize::MAX, |s| s.start)
    });

    // people: names plus resolved pronouns/descriptions
    let mut people_out: Vec<PersonMention> = people
        .mentions
        .iter()
        .chain(
            extra
                .iter()
                .filter(|m| matches!(m.kind, MentionKind::Pronoun | MentionKind::Description)),
        )
        .filter_map(|m| {
            let e = people.entities.get(m.entity)?;
            if e.org {
                return None;
            }
            Some(PersonMention {
                span: m.span,
                name: e.name.clone(),
                speaker: quoted.get(m.entity).copied().unwrap_or(false),
            })
        })
        .collect();
    people_out.sort_by_key(|p| (p.span.start, p.span.end));
    people_out.dedup_by_key(|p| p.span);

    // the speakers take their entity's strings and mention list (read above, not after)
    let mut speaker_id = vec![None; n_ent];
    let mut speakers = Vec::with_capacity(order.len());
    for (id, &e) in order.iter().enumerate() {
        if let Some(slot) = speaker_id.get_mut(e) {
            *slot = Some(id);
        }
        let ent = people
            .entities
            .get_mut(e)
            .map(std::mem::take)
            .unwrap_or_default();
        speakers.push(Speaker {
            id,
            name: ent.name,
            role: ent.role,
            mentions: mentions_of
                .get_mut(e)
                .map(std::mem::take)
                .unwrap_or_default(),
            organisation: ent.org,
        });
    }

    let mut quotes: Vec<Quote> = raw
        .iter()
        .filter(|q| {
            q.span.start < q.span.end
                && text.is_char_boundary(q.span.start)
                && text.is_char_boundary(q.span.end)
                && q.span.end <= text.len()
        })
        .map(|q| Quote {
            span: q.span,
            kind: q.kind,
            speaker_id: q
                .source
                .and_then(|s| speaker_id.get(s.entity).copied().flatten()),
            speaker_mention: q.source.map(|s| s.span),
            cue: q.cue,
            attribution: q.attribution,
        })
        .collect();
    quotes.sort_by_key(|q| (q.span.start, q.span.end));

    let mut figures = figures::find_figures(text);
    figures.sort_by_key(|f| (f.span.start, f.span.end));

    Analysis {
        speakers,
        people: people_out,
        quotes,
        figures,
    }
}
