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
    let mut anns = Vec::new();
    let mut push = |kind: AnnotationKind, span: engine::Span, fill: &dyn Fn(&mut Annotation)| {
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
        let mut a = Annotation {
            id: format!("{}{start}-{end}", &kind.as_str()[..1]),
            kind,
            status: Status::Suggested,
            start,
            end,
            exact: exact.to_owned(),
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
        fill(&mut a);
        anns.push(a);
    };
    for (i, s) in analysis.speakers.iter().enumerate() {
        let id = speakers.get(i).map(|sp| sp.id.clone());
        for &m in &s.mentions {
            push(AnnotationKind::Speaker, m, &|a| a.speaker_id = id.clone());
        }
    }
    for q in &analysis.quotes {
        let id = q
            .speaker_id
            .and_then(|i| speakers.get(i))
            .map(|s| s.id.clone());
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
    dedup_ids(&mut anns, |a, id| a.id = id);
    (speakers, anns)
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
    let mut seen = HashSet::new();
    for a in anns.iter_mut() {
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
    let mut out: Vec<Rc<Annotation>> = decided.into_iter().cloned().collect();
    let ids: HashSet<String> = out.iter().map(|a| a.id.clone()).collect();
    out.extend(
        fresh
            .into_iter()
            .filter(|a| !taken.contains(&(a.kind, a.start, a.end)))
            .map(|mut a| {
                if ids.contains(&a.id) {
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
