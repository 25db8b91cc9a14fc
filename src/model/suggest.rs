//! From the engine's findings to annotations: suggestions, and merging a new run of the engine
//! with what the user already decided.
//!
//! This is where engine byte spans become saved code point offsets (through
//! [`crate::model::offsets::TextIndex`], the one conversion module).
//!
//! ```
//! use sayso::model::suggest::suggestions;
//! use sayso::model::annotation::AnnotationKind;
//! let text = "“Prices will fall,” Finance Minister Rosa Diaz said on Monday.";
//! let (speakers, anns) = suggestions(text, &sayso::engine::analyze(text), 1.0);
//! assert_eq!(speakers[0].name, "Rosa Diaz");
//! let quote = anns.iter().find(|a| a.kind == AnnotationKind::Quote).unwrap();
//! assert_eq!(quote.speaker_id.as_deref(), Some(speakers[0].id.as_str()));
//! assert_eq!(quote.exact, "Prices will fall,");
//! ```

use crate::engine::{self, Analysis};
use crate::model::annotation::{
    Anchor, Annotation, AnnotationKind, FigureInfo, FigureKind, Origin, QuoteKind, Speaker, Status,
};
use crate::model::offsets::TextIndex;
use std::collections::HashSet;
use std::rc::Rc;

/// Version of the engine recorded with its suggestions.
pub const ENGINE_VERSION: &str = concat!("sayso-engine/", env!("CARGO_PKG_VERSION"));

/// A speaker id derived from the name, stable across runs of the engine: `sp:keir-starmer`.
///
/// ```
/// assert_eq!(sayso::model::suggest::speaker_id("Keir Starmer"), "sp:keir-starmer");
/// assert_eq!(sayso::model::suggest::speaker_id("Zelensky’s  Office!"), "sp:zelensky-s-office");
/// ```
pub fn speaker_id(name: &str) -> String {
    let mut slug = String::from("sp:");
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && slug.len() > 3 {
                slug.push('-');
            }
            slug.push(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    slug
}

fn figure_kind(kind: engine::FigureKind) -> FigureKind {
    match kind {
        engine::FigureKind::Money => FigureKind::Money,
        engine::FigureKind::Percent => FigureKind::Percent,
        engine::FigureKind::Number => FigureKind::Number,
        engine::FigureKind::Ordinal => FigureKind::Ordinal,
        engine::FigureKind::Quantity => FigureKind::Quantity,
        engine::FigureKind::Date => FigureKind::Date,
        engine::FigureKind::Time => FigureKind::Time,
        engine::FigureKind::Duration => FigureKind::Duration,
    }
}

fn quote_kind(kind: engine::QuoteKind) -> QuoteKind {
    match kind {
        engine::QuoteKind::Direct => QuoteKind::Direct,
        engine::QuoteKind::Mixed => QuoteKind::Mixed,
        engine::QuoteKind::Indirect => QuoteKind::Indirect,
    }
}

/// Turns an analysis of `text` into speakers and suggested annotations, sorted by start.
pub fn suggestions(text: &str, analysis: &Analysis, now: f64) -> (Vec<Speaker>, Vec<Annotation>) {
    let index = TextIndex::new(text);
    let speakers: Vec<Speaker> = analysis
        .speakers
        .iter()
        .map(|s| Speaker {
            id: speaker_id(&s.name),
            name: s.name.clone(),
            role: s.role.clone(),
            organisation: s.organisation,
        })
        .collect();
    // Where each suggestion is and what it comes from, sorted before any annotation is made
    // (moving these small records is cheaper than moving annotations). The order is the one
    // [`sort`] gives: the id it ends with is made of kind, start and end, so records equal in
    // those keep their order, as they would.
    let mut found: Vec<Found> = Vec::new();
    let mut add = |kind: AnnotationKind, span: engine::Span, source: Source| {
        let (Some(start), Some(end)) = (index.byte_to_cp(span.start), index.byte_to_cp(span.end))
        else {
            return;
        };
        if start < end && text.get(span.start..span.end).is_some() {
            found.push(Found {
                start,
                end,
                kind,
                span,
                source,
            });
        }
    };
    for (i, s) in analysis.speakers.iter().enumerate() {
        for &m in &s.mentions {
            add(AnnotationKind::Speaker, m, Source::Speaker(i));
        }
    }
    for (i, q) in analysis.quotes.iter().enumerate() {
        add(AnnotationKind::Quote, q.span, Source::Quote(i));
    }
    for (i, f) in analysis.figures.iter().enumerate() {
        add(AnnotationKind::Figure, f.span, Source::Figure(i));
    }
    found.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.kind.cmp(&b.kind))
    });
    let speaker_of = |i: Option<usize>| i.and_then(|i| speakers.get(i)).map(|s| s.id.clone());
    let mut anns: Vec<Annotation> = found
        .into_iter()
        .map(|f| {
            let (start, end, kind) = (f.start, f.end, f.kind);
            let mut a = Annotation {
                id: format!("{}{start}-{end}", &kind.as_str()[..1]),
                kind,
                status: Status::Suggested,
                start,
                end,
                exact: text
                    .get(f.span.start..f.span.end)
                    .unwrap_or_default()
                    .to_owned(),
                speaker_id: None,
                quote_kind: None,
                figure: None,
                note: None,
                origin: Origin::Auto {
                    engine: ENGINE_VERSION.to_owned(),
                },
                edited: false,
                anchor: Anchor::Exact,
                created: now,
                modified: now,
            };
            match f.source {
                Source::Speaker(i) => a.speaker_id = speaker_of(Some(i)),
                Source::Quote(i) => {
                    if let Some(q) = analysis.quotes.get(i) {
                        a.speaker_id = speaker_of(q.speaker_id);
                        a.quote_kind = Some(quote_kind(q.kind));
                    }
                }
                Source::Figure(i) => {
                    if let Some(f) = analysis.figures.get(i) {
                        a.figure = Some(FigureInfo {
                            kind: figure_kind(f.kind),
                            value: f.value.clone(),
                            unit: f.unit.clone(),
                        });
                    }
                }
            }
            a
        })
        .collect();
    dedup_ids(&mut anns, |a, id| a.id = id);
    (speakers, anns)
}

/// What a suggestion comes from: an index into the analysis' speakers, quotes or figures.
#[derive(Clone, Copy)]
enum Source {
    Speaker(usize),
    Quote(usize),
    Figure(usize),
}

/// A suggestion before it is an annotation: code points, kind, byte span and source.
struct Found {
    start: usize,
    end: usize,
    kind: AnnotationKind,
    span: engine::Span,
    source: Source,
}

/// Sorts annotations by start, longer first, then kind and id.
pub fn sort<A: std::borrow::Borrow<Annotation>>(anns: &mut [A]) {
    anns.sort_by(|a, b| {
        let (a, b) = (a.borrow(), b.borrow());
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.kind.cmp(&b.kind))
            .then(a.id.cmp(&b.id))
    });
}

/// Gives every annotation an id of its own (`x`, `x.2`, `x.3`, …); `rename` sets a new id.
fn dedup_ids<A: std::borrow::Borrow<Annotation>>(anns: &mut [A], rename: impl Fn(&mut A, String)) {
    // Most lists have no duplicate: look for the first one without copying any id.
    let first = {
        let mut seen = HashSet::with_capacity(anns.len());
        anns.iter()
            .position(|a| !seen.insert(a.borrow().id.as_str()))
    };
    let Some(first) = first else {
        return;
    };
    let mut seen: HashSet<String> = anns[..first]
        .iter()
        .map(|a| a.borrow().id.clone())
        .collect();
    for a in anns[first..].iter_mut() {
        let base = a.borrow().id.clone();
        if seen.insert(base.clone()) {
            continue;
        }
        let mut n = 1;
        let id = loop {
            n += 1;
            let id = format!("{base}.{n}");
            if seen.insert(id.clone()) {
                break id;
            }
        };
        rename(a, id);
    }
}

/// Merges a new run of the engine into the existing annotations: every decided annotation
/// (confirmed, rejected, edited, manual or imported) is kept as it is; untouched suggestions are
/// replaced by the fresh ones; a fresh suggestion at the place of a decided annotation of the
/// same kind is dropped (the user already decided there).
///
/// ```
/// use sayso::model::suggest::merge;
/// use sayso::model::annotation::{Annotation, AnnotationKind, Status};
/// let mut rejected = Annotation::manual("f0-2", AnnotationKind::Figure, 0, 2, "14", 1.0);
/// rejected.status = Status::Rejected;
/// let fresh = vec![Annotation { status: Status::Suggested, ..rejected.clone() }];
/// let merged = merge(&[std::rc::Rc::new(rejected.clone())], fresh);
/// assert_eq!(merged, vec![std::rc::Rc::new(rejected)]);
/// ```
pub fn merge(existing: &[Rc<Annotation>], fresh: Vec<Annotation>) -> Vec<Rc<Annotation>> {
    let decided: Vec<&Rc<Annotation>> = existing.iter().filter(|a| a.is_decided()).collect();
    let taken: HashSet<(AnnotationKind, usize, usize)> =
        decided.iter().map(|a| (a.kind, a.start, a.end)).collect();
    let ids: HashSet<&str> = decided.iter().map(|a| a.id.as_str()).collect();
    let mut out: Vec<Rc<Annotation>> = Vec::with_capacity(decided.len() + fresh.len());
    out.extend(decided.iter().map(|a| Rc::clone(a)));
    out.extend(
        fresh
            .into_iter()
            .filter(|a| !taken.contains(&(a.kind, a.start, a.end)))
            .map(|mut a| {
                if ids.contains(a.id.as_str()) {
                    a.id.push_str(".r");
                }
                Rc::new(a)
            }),
    );
    sort(&mut out);
    dedup_ids(&mut out, |a, id| Rc::make_mut(a).id = id);
    out
}

/// Merges the engine's speakers into the existing ones (by id), keeping the user's renames.
pub fn merge_speakers(existing: &[Speaker], fresh: Vec<Speaker>) -> Vec<Speaker> {
    let mut out = existing.to_vec();
    for s in fresh {
        if !out.iter().any(|e| e.id == s.id) {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Title\n“We will win,” said Mayor Ana Ruiz. Ruiz said 14 posts cost £2 million.\n🗳️ “Vote early and often,” she added.";

    #[test]
    fn suggestions_use_code_points_and_link_speakers() {
        let (speakers, anns) = suggestions(TEXT, &engine::analyze(TEXT), 1.0);
        assert!(
            speakers.iter().any(|s| s.name == "Ana Ruiz"),
            "{speakers:?}"
        );
        for a in &anns {
            let exact: String = TEXT.chars().skip(a.start).take(a.end - a.start).collect();
            assert_eq!(exact, a.exact, "{a:?}");
            assert_eq!(a.status, Status::Suggested);
        }
        let ids: HashSet<&str> = anns.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), anns.len(), "ids are unique");
        assert!(anns.windows(2).all(|w| w[0].start <= w[1].start), "sorted");
        let vote = anns
            .iter()
            .find(|a| a.exact.contains("Vote"))
            .expect("the quote after the emoji");
        assert!(vote.start > TEXT[..TEXT.find('🗳').unwrap()].chars().count() - 1);
    }

    /// The straightforward way, kept as the reference: every annotation made in the analysis'
    /// order, then [`sort`], then ids made unique one by one against all the ids before.
    fn naive(text: &str, analysis: &Analysis, now: f64) -> Vec<Annotation> {
        let index = TextIndex::new(text);
        let speaker_ids: Vec<String> = analysis
            .speakers
            .iter()
            .map(|s| speaker_id(&s.name))
            .collect();
        let mut anns = Vec::new();
        let mut push =
            |kind: AnnotationKind, span: engine::Span, fill: &dyn Fn(&mut Annotation)| {
                let (Some(start), Some(end), Some(exact)) = (
                    index.byte_to_cp(span.start),
                    index.byte_to_cp(span.end),
                    text.get(span.start..span.end),
                ) else {
                    return;
                };
                if start >= end {
                    return;
                }
                let mut a = Annotation::manual(
                    &format!("{}{start}-{end}", &kind.as_str()[..1]),
                    kind,
                    start,
                    end,
                    exact,
                    now,
                );
                a.status = Status::Suggested;
                a.origin = Origin::Auto {
                    engine: ENGINE_VERSION.to_owned(),
                };
                fill(&mut a);
                anns.push(a);
            };
        for (i, s) in analysis.speakers.iter().enumerate() {
            for &m in &s.mentions {
                push(AnnotationKind::Speaker, m, &|a| {
                    a.speaker_id = speaker_ids.get(i).cloned()
                });
            }
        }
        for q in &analysis.quotes {
            let id = q.speaker_id.and_then(|i| speaker_ids.get(i)).cloned();
            push(AnnotationKind::Quote, q.span, &|a| {
                a.speaker_id = id.clone();
                a.quote_kind = Some(quote_kind(q.kind));
            });
        }
        for f in &analysis.figures {
            push(AnnotationKind::Figure, f.span, &|a| {
                a.figure = Some(FigureInfo {
                    kind: figure_kind(f.kind),
                    value: f.value.clone(),
                    unit: f.unit.clone(),
                });
            });
        }
        sort(&mut anns);
        let mut seen = HashSet::new();
        for a in &mut anns {
            let base = a.id.clone();
            let mut n = 1;
            while !seen.insert(a.id.clone()) {
                n += 1;
                a.id = format!("{base}.{n}");
            }
        }
        anns
    }

    #[test]
    fn suggestions_match_the_naive_reference() {
        let sample = include_str!("../assets/sample-article.txt");
        let long: String = (0..40).map(|i| format!("{TEXT} {i}\n")).collect();
        for text in [TEXT, sample, long.as_str(), "", "No findings here."] {
            let analysis = engine::analyze(text);
            assert_eq!(
                suggestions(text, &analysis, 2.0).1,
                naive(text, &analysis, 2.0)
            );
        }
        // Findings on the same span twice (ids `x`, `x.2`, `x.3`), spans inside a character and
        // reversed or empty spans (dropped), in an order the engine does not give.
        let text = "Title\n“We will win,” said Mayor Ana Ruiz. Ruiz said 14 posts cost €2 million.";
        let mut analysis = engine::analyze(text);
        assert!(!analysis.figures.is_empty() && !analysis.quotes.is_empty());
        let figure = analysis.figures[0].clone();
        analysis.figures.insert(0, figure.clone());
        analysis.figures.push(figure.clone());
        let euro = text.find('€').unwrap();
        for (start, end) in [(euro + 1, euro + 4), (9, 9), (12, 10), (0, 5)] {
            let mut f = figure.clone();
            f.span = engine::Span { start, end };
            analysis.figures.insert(1, f);
        }
        let quote = analysis.quotes[0].clone();
        analysis.quotes.push(quote);
        analysis.quotes.reverse();
        let fresh = suggestions(text, &analysis, 2.0).1;
        assert_eq!(fresh, naive(text, &analysis, 2.0));
        assert!(fresh.iter().any(|a| a.id.ends_with(".3")), "{fresh:?}");
    }

    #[test]
    fn rerun_keeps_decisions_and_replaces_untouched_suggestions() {
        let (_, first) = suggestions(TEXT, &engine::analyze(TEXT), 1.0);
        let mut existing = first.clone();
        existing[0].status = Status::Confirmed;
        existing[1].status = Status::Rejected;
        existing[2].note = Some("check".into());
        existing[2].edited = true;
        existing.push(Annotation::manual(
            "m1",
            AnnotationKind::Note,
            0,
            5,
            "Title",
            2.0,
        ));
        let (_, second) = suggestions(TEXT, &engine::analyze(TEXT), 3.0);
        let existing: Vec<Rc<Annotation>> = existing.into_iter().map(Rc::new).collect();
        let merged = merge(&existing, second);
        for kept in existing.iter().filter(|a| a.is_decided()) {
            assert!(merged.contains(kept), "lost {kept:?}");
        }
        assert_eq!(
            merged.len(),
            first.len() + 1,
            "no duplicates at decided places"
        );
        let rejected = &existing[1];
        assert_eq!(
            merged
                .iter()
                .filter(
                    |a| (a.kind, a.start, a.end) == (rejected.kind, rejected.start, rejected.end)
                )
                .count(),
            1
        );
    }
}
