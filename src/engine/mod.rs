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

/// Analyses a text: speakers, person mentions, quotes and figures.
pub fn analyze(text: &str) -> Analysis {
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
