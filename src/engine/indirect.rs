//! Content spans of reported speech: the clause after a cue (`X said (that) …`, `X told reporters …`),
//! the clause before it (`…, X said.`), and `according to X, …` / `…, according to X.`.
//! Spans are token ranges `[start, end)` within one sentence, terminal punctuation excluded; a
//! quotation that runs past the sentence end extends the clause to its closing mark.
//!
//! ```
//! use sayso::engine::{indirect::content_right, segment::tokenize};
//! let text = "Smith told reporters on Monday that the talks had failed.";
//! let doc = tokenize(text);
//! let cue = doc.first_at_or_after(text.find("told").unwrap());
//! let (a, b) = content_right(&doc, cue, &[]).unwrap();
//! assert_eq!(&text[doc.tokens[a].start()..doc.tokens[b - 1].end()], "that the talks had failed");
//! ```

use super::lexicon::{with_ascii_lower, Flags};
use super::people::word_in;
use super::quotes::Region;
use super::segment::{Doc, Kind};
use std::cell::Cell;

/// Whether token `i` is a lowercase adverb or auxiliary that may sit between a subject and its cue.
pub fn is_filler(doc: &Doc<'_>, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    if t.kind != Kind::Word || t.cap {
        return false;
    }
    let w = doc.word(i);
    word_in!(
        w,
        "also"
            | "later"
            | "has"
            | "had"
            | "have"
            | "then"
            | "previously"
            | "recently"
            | "once"
            | "again"
            | "already"
            | "reportedly"
            | "publicly"
            | "privately"
            | "initially"
            | "further"
            | "often"
            | "never"
            | "always"
            | "would"
            | "will"
            | "could"
            | "may"
            | "might"
            | "is"
            | "was"
            | "been"
            | "not"
            | "did"
            | "does"
            | "do"
            | "should"
            | "must"
            | "can"
            | "just"
            | "still"
            | "even"
            | "first"
            | "repeatedly"
            | "now"
            | "today"
            | "yesterday"
            | "tonight"
            | "earlier"
            | "ultimately"
            | "simply"
            | "frequently"
            | "famously"
            | "separately"
            | "subsequently"
            | "directly"
            | "openly"
            | "explicitly"
            | "specifically"
            | "has-been"
            | "n't"
            | "are"
            | "were"
            | "be"
            | "being"
            | "shall"
            | "had-been"
            | "too"
            | "in-turn"
    ) || (w.len() > 4
        && w.ends_with("ly")
        && !t.flags.has(Flags::CUE)
        && !matches!(
            w,
            "only" | "early" | "family" | "daily" | "weekly" | "likely" | "july" | "italy" | "ally"
        ))
}

fn is_weekday_or_time(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.word(i);
    is_weekday(w)
        || matches!(
            w,
            "today"
                | "yesterday"
                | "tonight"
                | "earlier"
                | "later"
                | "recently"
                | "publicly"
                | "privately"
                | "again"
                | "also"
                | "repeatedly"
                | "Thanksgiving"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
        )
}

/// A day of the week.
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// A word that "last", "this" or "next" makes a time adverbial of ("last week", "this spring",
/// "next Monday").
pub fn is_time_noun(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "week"
                | "month"
                | "year"
                | "night"
                | "weekend"
                | "spring"
                | "summer"
                | "fall"
                | "winter"
        )
}

const MEDIUM: &[&str] = &[
    "statement",
    "interview",
    "tweet",
    "post",
    "speech",
    "letter",
    "email",
    "e-mail",
    "memo",
    "release",
    "video",
    "Twitter",
    "Facebook",
    "X",
    "Instagram",
    "television",
    "radio",
    "TV",
    "media",
    "conference",
    "call",
    "message",
    "briefing",
    "op-ed",
    "column",
    "report",
    "appearance",
    "podcast",
    "rally",
    "debate",
    "hearing",
    "remarks",
    "filing",
    "blog",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "evening",
    "afternoon",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "weekend",
    "day",
];

/// Skips adverbials right after a cue ("on Monday", "in a statement", "last week"); returns the
/// first token after them.
pub fn skip_adverbials(doc: &Doc<'_>, mut k: usize, sent: u32) -> usize {
    for _ in 0..4 {
        let Some(t) = doc.tokens.get(k) else { return k };
        if t.sent != sent {
            return k;
        }
        let w = doc.word(k);
        if is_weekday_or_time(doc, k)
            || (is_filler(doc, k)
                && !matches!(
                    w,
                    "is" | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "had"
                        | "have"
                        | "would"
                        | "will"
                        | "could"
                        | "should"
                        | "can"
                        | "may"
                        | "might"
                        | "must"
                        | "did"
                        | "does"
                        | "do"
                        | "not"
                        | "be"
                        | "been"
                        | "being"
                ))
        {
            k += 1;
            continue;
        }
        // "As the mayor mentioned above, …": a pointer back to earlier text, then the clause
        if matches!(w, "above" | "below")
            && doc.tokens.get(k + 1).is_none_or(|n| {
                n.sent != sent || matches!(doc.ch(k + 1), Some(',' | '.' | ';' | ':'))
            })
        {
            k += 1;
            continue;
        }
        if matches!(w, "last" | "this" | "next")
            && doc
                .tokens
                .get(k + 1)
                .is_some_and(|n| is_time_noun(doc.word(k + 1)) && n.sent == sent)
        {
            k += 2;
            continue;
        }
        if matches!(w, "in" | "on" | "during" | "at" | "via" | "over") {
            // a short prepositional phrase ending in a medium or time word
            let mut j = k + 1;
            let mut hit = None;
            while j < k + 6 {
                let Some(tj) = doc.tokens.get(j) else { break };
                if tj.sent != sent
                    || tj.kind == Kind::Quote
                    || (tj.kind == Kind::Punct && !doc.is_punct(j, '-'))
                {
                    break;
                }
                if MEDIUM.contains(&doc.word(j)) {
                    hit = Some(j);
                }
                j += 1;
            }
            if let Some(h) = hit {
                k = h + 1;
                // "in an interview with Radio Nord" → skip "with" + capitalised words
                if doc.word(k) == "with" {
                    let mut m = k + 1;
                    while doc.tokens.get(m).is_some_and(|x| {
                        (x.cap || matches!(doc.word(m), "the" | "'s" | "’s")) && x.sent == sent
                    }) {
                        m += 1;
                    }
                    if m > k + 1 {
                        k = m;
                    }
                }
                continue;
            }
        }
        return k;
    }
    k
}

/// The first token after a place named right after a sentence-final attribution ("…, Varga said
/// in Lyon.", "…, she told a rally at the State Fair."): a preposition of place and up to five
/// words, with a capital, before the sentence's end or a comma; `None` when token `k` starts no
/// such place.
pub fn place_end(doc: &Doc<'_>, k: usize, sent: u32) -> Option<usize> {
    let prep = doc.word(k);
    if !matches!(prep, "in" | "at" | "from" | "outside" | "near") {
        return None;
    }
    // after "at", "outside" or "near" a common noun after a determiner is a place too ("at the
    // harbour", "near the old pier"); after "in" and "from" only a name is ("believe in the
    // dream" names no place)
    let common = matches!(prep, "at" | "outside" | "near")
        && matches!(
            doc.word(k + 1),
            "the" | "a" | "an" | "their" | "his" | "her"
        );
    let mut named = false;
    let mut nouns = 0;
    for j in k + 1..k + 7 {
        let Some(t) = doc.tokens.get(j) else {
            return (named || nouns > 0).then_some(j);
        };
        if t.sent != sent || matches!(doc.ch(j), Some('.' | '!' | '?' | ',' | ';')) {
            return (named || nouns > 0).then_some(j);
        }
        if t.kind != Kind::Word {
            return None;
        }
        let w = doc.word(j);
        if t.cap {
            named = true;
        } else if matches!(w, "the" | "a" | "of") || (j == k + 1 && common) {
        } else if common && nouns < 3 && !t.flags.has(Flags::CUE) && !is_clause_word(w) {
            nouns += 1;
        } else {
            return None;
        }
    }
    None
}

/// Words that start or carry a clause, never part of a place's noun phrase ("at the harbour
/// that …", "near the pier and she …").
fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "where"
            | "when"
            | "and"
            | "or"
            | "but"
            | "because"
            | "if"
            | "as"
            | "to"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
    ) || is_auxiliary(w)
}

/// Listeners named after a tell-verb (`told reporters`, `told him`).
pub fn is_object_pronoun(w: &str) -> bool {
    matches!(
        w,
        "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "you"
            | "reporters"
            | "journalists"
            | "supporters"
            | "lawmakers"
            | "voters"
            | "listeners"
            | "viewers"
            | "readers"
            | "members"
            | "senators"
            | "delegates"
            | "donors"
            | "crowds"
            | "audiences"
            | "students"
            | "officials"
            | "colleagues"
    )
}

/// Cue verbs whose first object is the listener (`told reporters …`, `urged them …`).
pub fn takes_object(cue: &str) -> bool {
    matches!(
        cue,
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "informed"
            | "informs"
            | "reminded"
            | "reminds"
            | "accused"
            | "accuses"
            | "accusing"
            | "assured"
            | "assures"
            | "warned"
            | "warns"
            | "warning"
            | "urged"
            | "urges"
            | "urging"
            | "asked"
            | "asks"
            | "asking"
            | "advised"
            | "reassured"
            | "promised"
            | "promises"
            | "convinced"
            | "thanked"
            | "pressed"
            | "pressured"
    )
}

/// Last token index (exclusive) of the sentence containing token `i`, terminal punctuation and
/// closing quotes/brackets excluded.
pub fn sentence_end(doc: &Doc<'_>, i: usize) -> usize {
    let (_, mut j) = doc.sentence_bounds(i);
    let floor = j.saturating_sub(8).max(i);
    while j > floor {
        let k = j - 1;
        let trail = doc
            .tokens
            .get(k)
            .is_some_and(|t| matches!(t.kind, Kind::Punct | Kind::Quote))
            && matches!(
                doc.ch(k),
                Some(
                    '.' | '!'
                        | '?'
                        | ','
                        | ';'
                        | ':'
                        | ')'
                        | ']'
                        | '"'
                        | '”'
                        | '’'
                        | '\''
                        | '»'
                        | '—'
                        | '–'
                )
            );
        if trail {
            j = k;
        } else {
            break;
        }
    }
    j.max(i)
}

/// First token of the sentence containing token `i`.
pub fn sentence_start(doc: &Doc<'_>, i: usize) -> usize {
    doc.sentence_bounds(i).0.min(i)
}

/// Index of the region whose opening mark is the last one before token `j` (regions are sorted).
fn region_before(regions: &[Region], j: usize) -> Option<&Region> {
    let n = regions.partition_point(|r| r.open_tok < j);
    n.checked_sub(1).and_then(|k| regions.get(k))
}

/// Whether token `j` lies strictly inside a closed region.
pub fn inside_region(regions: &[Region], j: usize) -> bool {
    region_before(regions, j).is_some_and(|r| r.close_tok.is_some_and(|c| j < c))
}

/// Extends `end` (exclusive token index) to the closing mark of a region that opens inside
/// `[start, end)` and closes after it, within the same paragraph or a continued one.
pub fn extend_over_regions(regions: &[Region], start: usize, end: usize) -> usize {
    let mut e = end;
    let first = regions.partition_point(|r| r.open_tok < start);
    for r in regions.get(first..).unwrap_or(&[]) {
        if r.open_tok >= e {
            break;
        }
        if let Some(c) = r.close_tok {
            if c + 1 > e && c < e + 400 {
                e = c + 1;
            }
        }
    }
    e
}

/// Cue verbs whose content may be an infinitive (`promised to …`, `urged X to …`), in any form.
fn is_intent_cue(w: &str) -> bool {
    const STEMS: &[&str] = &[
        "promis",
        "vow",
        "pledg",
        "want",
        "seek",
        "intend",
        "decid",
        "threaten",
        "urg",
        "ask",
        "plead",
        "hop",
        "expect",
        "demand",
        "request",
        "propos",
        "agree",
        "call",
        "appeal",
        "press",
        "order",
        "advis",
        "recommend",
        "warn",
        "tell",
        "told",
        "remind",
        "refus",
        "point",
    ];
    STEMS.iter().any(|s| w.starts_with(s)) || matches!(w, "beg" | "begs" | "begged" | "begging")
}

/// The reported clause after the cue at token `cue`: `[start, end)` token indices.
pub fn content_right(doc: &Doc<'_>, cue: usize, regions: &[Region]) -> Option<(usize, usize)> {
    let sent = doc.tokens.get(cue)?.sent;
    let cue_word = doc.word(cue);
    let mut k = cue + 1;
    // a particle belongs to the cue: "pointed out", "fired back", "called on", "pointed to"
    let particle = match doc.word(k) {
        "out" | "up" | "back" | "down" | "off" => true,
        "on" => cue_word.starts_with("call"),
        "to" => cue_word.starts_with("point"),
        "for" => cue_word.starts_with("call"),
        // "warned of a “long” winter", "complained of …", "boasted of …"
        "of" => ["warn", "complain", "boast"]
            .iter()
            .any(|v| cue_word.starts_with(v)),

        "against" => {
            cue_word.starts_with("rail")
                || cue_word.starts_with("warn")
                || cue_word.starts_with("argu")
        }
        _ => false,
    };
    // (what is warned of is the content, not a listener: "warned of a new war")
    let of_particle = particle && doc.word(k) == "of";
    if particle && doc.tokens.get(k).is_some_and(|t| t.sent == sent) {
        k += 1;
    }
    let mut k = skip_adverbials(doc, k, sent);
    let ask = cue_word.starts_with("ask");
    // "asked several times whether …", "asked reporters in Iowa why …": the question starts the
    // content
    let question = ask
        .then(|| {
            (k..k + 8)
                .take_while(|&j| {
                    doc.tokens
                        .get(j)
                        .is_some_and(|t| t.sent == sent && t.kind == Kind::Word)
                })
                .find(|&j| {
                    matches!(
                        doc.word(j),
                        "whether"
                            | "if"
                            | "why"
                            | "how"
                            | "what"
                            | "which"
                            | "who"
                            | "when"
                            | "where"
                    )
                })
        })
        .flatten();
    let object_start = k;
    // "accused X of …", "urged X to …", "thanked X for …": the object belongs to the content
    let keeps_object = cue_word.starts_with("accus")
        || cue_word.starts_with("urg")
        || cue_word.starts_with("thank");
    if let Some(q) = question {
        k = q;
    } else if takes_object(cue_word) && !keeps_object && !of_particle {
        // object: a pronoun, "reporters", a name or "the X" (up to 5 tokens), before the clause
        let w = doc.word(k);
        if is_object_pronoun(w) {
            k += 1;
        } else {
            let mut j = k;
            let mut saw = false;
            while j < k + 5 {
                let Some(t) = doc.tokens.get(j) else { break };
                // the period of an abbreviated title: "told Sen. Tom Reyes that …"
                let title_period =
                    saw && doc.abbrev_period(j - 1) && doc.tokens.get(j - 1).is_some_and(|p| p.cap);
                if title_period && t.sent == sent {
                    j += 1;
                    continue;
                }
                if t.sent != sent || t.kind != Kind::Word {
                    break;
                }
                let wj = doc.word(j);
                if matches!(wj, "that" | "to" | "of" | "for" | "as" | "about" | "on") {
                    break;
                }
                let det = matches!(wj, "the" | "a" | "an" | "his" | "her" | "their" | "its");
                if det && saw {
                    break;
                }
                let stop = matches!(
                    wj,
                    "in" | "with"
                        | "at"
                        | "by"
                        | "is"
                        | "was"
                        | "were"
                        | "are"
                        | "would"
                        | "will"
                        | "had"
                        | "has"
                        | "have"
                        | "he"
                        | "she"
                        | "they"
                        | "it"
                        | "we"
                        | "i"
                        | "there"
                        | "this"
                        | "if"
                        | "not"
                        | "should"
                        | "could"
                        | "must"
                        | "can"
                );
                if stop {
                    break;
                }
                if t.cap
                    || det
                    || t.flags.has(Flags::ROLE_PERSON | Flags::ROLE_COLLECTIVE)
                    || (saw && j < k + 4 && !t.flags.has(Flags::CUE))
                {
                    saw = true;
                    j += 1;
                    continue;
                }
                break;
            }
            if saw && j > k {
                k = j;
            }
        }
        k = skip_adverbials(doc, k, sent);
        // "asked the committee to …": the one asked belongs to the request
        if ask && k > object_start && doc.word(k) == "to" {
            k = object_start;
        }
        // "told the council meeting on Friday that …", "told Radio Nord’s “Harbour Hour” that …" (a
        // quoted title in the listener)
        let mut j = k;
        while j < k + 10 {
            let Some(tj) = doc.tokens.get(j) else { break };
            // (over an apposition to the listener and a channel's number too: "told Sen. Tom
            // Reyes, chairman of the committee, that …", "told Fox 35 that …")
            if tj.sent != sent
                || !(matches!(tj.kind, Kind::Word | Kind::Quote | Kind::Number)
                    || doc.is_punct(j, ','))
                || tj.flags.has(Flags::CUE)
            {
                break;
            }
            if doc.word(j) == "that" {
                k = j;
                break;
            }
            j += 1;
        }
    }
    // "said instead that …", "added, however, that …": adverbs before the complementiser
    {
        let mut j = k;
        while j < k + 5
            && (doc.is_punct(j, ',')
                || matches!(
                    doc.word(j),
                    "instead"
                        | "only"
                        | "however"
                        | "afterward"
                        | "afterwards"
                        | "too"
                        | "again"
                        | "later"
                        | "then"
                        | "now"
                        | "also"
                        | "further"
                        | "once"
                        | "though"
                        | "still"
                        | "moreover"
                        | "nonetheless"
                        | "nevertheless"
                        | "meanwhile"
                        | "earlier"
                        | "today"
                        | "yesterday"
                )
                || (is_filler(doc, j) && doc.word(j).ends_with("ly")))
            && doc.tokens.get(j).is_some_and(|t| t.sent == sent)
        {
            j += 1;
        }
        if j > k && doc.word(j) == "that" {
            k = j;
        }
    }
    // "declared in a long quarrel with X that …": start at "that"
    if matches!(
        doc.word(k),
        "in" | "at"
            | "as"
            | "of"
            | "about"
            | "on"
            | "during"
            | "after"
            | "before"
            | "to"
            | "with"
            | "for"
            | "over"
            | "from"
            | "when"
            | "while"
    ) {
        let mut j = k + 1;
        while j < k + 12 {
            let Some(tj) = doc.tokens.get(j) else { break };
            if tj.sent != sent || tj.kind == Kind::Quote || doc.is_punct(j, ';') {
                break;
            }
            if doc.word(j) == "that" {
                k = j;
                break;
            }
            j += 1;
        }
    }
    while doc.is_punct(k, ',') || doc.is_punct(k, ':') || doc.is_punct(k, '—') {
        k += 1;
    }
    let t = doc.tokens.get(k)?;
    if t.sent != sent {
        return None;
    }
    if doc
        .tokens
        .get(k)
        .is_some_and(|t| t.kind == Kind::Word && t.flags.has(Flags::CUE))
        && doc.word(k).ends_with("ing")
    {
        // "continued, saying that …": the participle has its own clause
        return None;
    }
    // a prepositional phrase is not reported content ("said on CNN", "wrote in an analysis")
    let first = doc.word(k);
    // a coordinated verb is no content: "yelled and waved a scarf", "planning and building"
    if matches!(first, "and" | "or" | "nor") {
        return None;
    }
    // "said as he launched …", "responded as if …": a clause of time or manner, unless the
    // verb names something as something ("described X as …", "what he characterized as …")
    const AS_VERBS: &[&str] = &[
        "describ",
        "characteriz",
        "characteris",
        "recogniz",
        "recognis",
        "highlight",
        "claim",
        "intend",
        "label",
        "brand",
        "portray",
        "cast",
        "view",
        "regard",
        "dismiss",
        "cite",
        "criticiz",
        "criticis",
        "depict",
        "hail",
        "tout",
        "praise",
        "denounc",
        "condemn",
    ];
    if first == "as" && !AS_VERBS.iter().any(|v| cue_word.starts_with(v)) {
        return None;
    }
    if matches!(
        first,
        "in" | "on"
            | "at"
            | "during"
            | "by"
            | "with"
            | "after"
            | "before"
            | "from"
            | "for"
            | "while"
            | "when"
            | "about"
            | "into"
            | "over"
            | "through"
            | "without"
            | "outside"
            | "inside"
    ) || (first == "to" && !is_intent_cue(cue_word))
        || (first == "of" && !cue_word.starts_with("accus"))
    {
        return None;
    }

    let end = sentence_end(doc, k).min(k + 120);
    let end = reported_clause_end(doc, regions, k, end);
    let end = extend_over_regions(regions, k, end);
    let end = relative_clause_end(doc, regions, cue, k, end);
    let words = doc
        .tokens
        .get(k..end)?
        .iter()
        .filter(|t| t.kind == Kind::Word || t.kind == Kind::Number)
        .count();
    if words < 2 {
        return None;
    }
    Some((k, end))
}

/// Where the content `[start, end)` of a cue in a relative clause on the sentence's subject ends:
/// before the main clause's verb. "Residents who say the river is too dirty were split" reports
/// "the river is too dirty"; "Teachers who wanted to join the strike could lose pay" reports "to
/// join the strike". The main verb is taken to be the last auxiliary or modal after a word of
/// the content; a content that is a clause needs one of its own before it, so that "Officials met
/// voters who say the river is dirty" keeps "the river is dirty".
fn relative_clause_end(
    doc: &Doc<'_>,
    regions: &[Region],
    cue: usize,
    start: usize,
    end: usize,
) -> usize {
    // "who say", "who first revealed", "that has argued"
    let mut r = cue;
    while r > 0 && r + 2 >= cue && {
        let w = doc.word(r - 1);
        matches!(
            w,
            "has" | "have" | "had" | "also" | "first" | "later" | "once" | "often"
        ) || (w.ends_with("ly") && w.len() > 3)
    } {
        r -= 1;
    }
    let Some(rel) = r.checked_sub(1) else {
        return end;
    };
    if !on_subject(doc, rel) {
        return end;
    }
    let candidates: Vec<usize> = (start + 1..end)
        .filter(|&j| {
            is_auxiliary(doc.word(j))
                && doc.tokens.get(j - 1).is_some_and(|t| {
                    matches!(t.kind, Kind::Word | Kind::Number)
                        && !matches!(doc.word(j - 1), "and" | "or" | "but" | "that" | "who")
                })
                && !inside_region(regions, j)
        })
        .collect();
    // a reporting verb of the main clause ("Groups who want X said …") ends the content first
    let main_cue = (start + 1..end).find(|&j| {
        finite_cue(doc.word(j))
            && doc
                .tokens
                .get(j)
                .is_some_and(|t| !t.cap && t.flags.has(Flags::CUE))
            && doc
                .tokens
                .get(j - 1)
                .is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Number))
            && !inside_region(regions, j)
    });
    let infinitive = doc.word(start) == "to";
    match (main_cue, candidates.as_slice()) {
        (Some(c), _) => c,
        (None, [.., last]) if infinitive || candidates.len() >= 2 => *last,
        _ => end,
    }
}

/// Whether token `rel` is a relative pronoun ("who", "which", "that" after a word) on the
/// sentence's subject: the words from the sentence start to it are a short run with no verb,
/// pronoun or punctuation ("Residents who …", "The council member who …").
pub fn on_subject(doc: &Doc<'_>, rel: usize) -> bool {
    let (s0, _) = doc.sentence_bounds(rel);
    let relative = match doc.word(rel) {
        "who" | "which" => true,
        "that" => {
            rel > s0
                && doc
                    .tokens
                    .get(rel - 1)
                    .is_some_and(|t| t.kind == Kind::Word)
        }
        _ => false,
    };
    if !relative || rel <= s0 || rel - s0 > 8 {
        return false;
    }
    // not an opening phrase or clause: "In a move that …, X said", "Like owners who …"
    const OPENERS: &[&str] = &[
        "in", "on", "at", "to", "for", "with", "like", "unlike", "as", "if", "when", "while",
        "though", "although", "because", "since", "after", "before", "given", "around", "among",
        "from", "by", "of", "about", "despite", "during", "so", "and", "but",
    ];
    let w0 = doc.word(s0);
    let opener = doc.tokens.get(s0).is_some_and(|t| t.flags.has(Flags::CUE))
        || OPENERS.iter().any(|o| o.eq_ignore_ascii_case(w0))
        || w0.ends_with("ing");
    !opener
        && (s0..rel).all(|j| {
            let w = doc.word(j);
            doc.tokens.get(j).is_some_and(|t| {
                (t.kind == Kind::Word || t.kind == Kind::Number)
                    && !t.flags.has(Flags::CUE)
                    && !is_auxiliary(w)
                    && !w.ends_with("ed")
                    && !matches!(
                        w,
                        "he" | "He"
                            | "she"
                            | "She"
                            | "they"
                            | "They"
                            | "we"
                            | "We"
                            | "I"
                            | "it"
                            | "It"
                            | "you"
                            | "You"
                            | "there"
                            | "There"
                    )
            })
        })
}

/// An auxiliary or modal verb form, finite: "is", "had", "would", "did", ….
pub fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
    )
}

/// Where a reported clause after its cue ends: [`clause_cut`] (coordinated clauses, relative
/// clauses, dashes), then [`comment_end`]. A clause before its attribution (`…, X said.`) is not
/// cut: it runs to the comma before the source.
pub fn reported_clause_end(doc: &Doc<'_>, regions: &[Region], start: usize, end: usize) -> usize {
    comment_end(doc, regions, start, clause_cut(doc, regions, start, end))
}

/// Where a reported clause `[start, end)` with no quotation marks ends before a comment added
/// after a comma ([`comment_cut`]); a clause with a quotation keeps `end`.
pub fn comment_end(doc: &Doc<'_>, regions: &[Region], start: usize, end: usize) -> usize {
    let at = doc.tokens.get(start).map_or(0, |t| t.start());
    let first = regions.partition_point(|r| r.outer.end <= at);
    let quoted = regions.get(first).is_some_and(|r| r.open_tok < end);
    if quoted {
        return end;
    }
    comment_cut(doc, start, end).unwrap_or(end)
}

/// Cuts a reported clause before a coordinated new clause outside quotation marks: `, but …`,
/// `, while …`, `, and he …`, `, and said …`, `but did …`, `; …`.
pub fn clause_cut(doc: &Doc<'_>, regions: &[Region], start: usize, end: usize) -> usize {
    // the first region opening at or after token `j`, moved along with `j` (one search per
    // clause instead of one per test)
    let next_region = Cell::new(regions.partition_point(|r| r.open_tok < start + 2));
    let first_at = |j: usize| {
        let mut i = next_region.get();
        while regions.get(i).is_some_and(|r| r.open_tok < j) {
            i += 1;
        }
        next_region.set(i);
        i
    };
    // `inside_region(regions, j)`
    let inside = |j: usize| {
        first_at(j)
            .checked_sub(1)
            .and_then(|p| regions.get(p))
            .is_some_and(|r| r.close_tok.is_some_and(|c| j < c))
    };
    let mut j = start + 2;
    while j < end {
        let comma_before = comma_before(doc, j);
        // a day right after a closing quotation mark dates the attribution, not the quotation:
        // `described him as a “careful worker” Tuesday, days after …`
        if doc.tokens.get(j - 1).is_some_and(|t| t.kind == Kind::Quote)
            && is_weekday(doc.word(j))
            && inside(j - 2)
            && !is_auxiliary(doc.word(j + 1))
        {
            return j;
        }
        // without a comma before, only a semicolon, a dash, "but", "and", "before" or "after" can
        // cut: other tokens are passed on their kind (and a word on its text) alone
        if !comma_before {
            let pass = match doc.tokens.get(j).map(|t| t.kind) {
                Some(Kind::Word) => !matches!(doc.word(j), "but" | "and" | "before" | "after"),
                Some(Kind::Punct | Kind::Quote) => false,
                Some(Kind::Number) | None => true,
            };
            if pass {
                j += 1;
                continue;
            }
        }
        let w = doc.word(j);
        // the next word is looked at only after "and" / "but"
        let next = || doc.word(j + 1);
        let next_cue = || {
            doc.tokens
                .get(j + 1)
                .is_some_and(|t| t.kind == Kind::Word && t.flags.has(Flags::CUE) && !t.cap)
        };
        // a relative clause or apposition only ends the content when nothing follows it
        let quote_after = || regions.get(first_at(j)).is_some_and(|r| r.open_tok < end);
        let trailing = |c: char| !(j + 1..end).any(|m| doc.is_punct(m, c)) && !quote_after();
        let before_comma = (comma_before
            && matches!(
                w,
                "but"
                    | "while"
                    | "whereas"
                    | "although"
                    | "though"
                    | "before"
                    | "after"
                    | "according"
            ))
            || (comma_before && matches!(w, "which" | "who" | "where") && trailing(','))
            || (comma_before
                && (w == "a" || w == "an")
                && j + 2 < end
                && !doc.tokens.get(j + 2).is_some_and(|t| t.kind == Kind::Quote)
                && trailing(','))
            // ", adding …", and ", said he would …": a new attribution (of the sentence's
            // subject) starts after the comma
            || (comma_before
                && (w.ends_with("ing") || (finite_cue(w) && next() != "to"))
                && doc
                    .tokens
                    .get(j)
                    .is_some_and(|t| !t.cap && t.kind == Kind::Word && t.flags.has(Flags::CUE)))
            || (comma_before
                && w == "and"
                && (matches!(
                    next(),
                    "he" | "she" | "they" | "it" | "we" | "also" | "then" | "now" | "so"
                ) || next_cue()
                    || new_subject(doc, j + 1)));
        // a dash that closes an aside opened by another ("board - including the chair - backed")
        // cuts nothing
        let opening = |c: char| (start..j).filter(|&m| doc.is_punct(m, c)).count() % 2 == 0;
        let here = doc.is_punct(j, ';')
            || (doc.is_punct(j, '—') && trailing('—') && opening('—'))
            || (doc.is_punct(j, '–') && trailing('–') && opening('–'))
            // a hyphen with a space before it is a dash: "approach - working with …" (a hyphen
            // inside a word is part of the word's token)
            || (doc.is_punct(j, '-')
                && trailing('-')
                && opening('-')
                && doc
                    .tokens
                    .get(j - 1)
                    .zip(doc.tokens.get(j))
                    .is_some_and(|(p, t)| p.end() < t.start()))
            || (w == "but"
                && (next_cue()
                    || matches!(
                        next(),
                        "did" | "didn't" | "also" | "added" | "declined" | "would" | "then"
                    )))
            || (w == "and"
                && (next_cue() || counted_subject_cue(doc, j + 1) || named_subject_cue(doc, j + 1)))
            // "… before claiming that …": the participle is a new attribution
            || (matches!(w, "before" | "after")
                && next().ends_with("ing")
                && doc
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| t.flags.has(Flags::CUE) && !t.flags.has(Flags::CUE_WEAK)));
        let cut_at = if before_comma {
            Some(j - 1)
        } else if here {
            Some(j)
        } else {
            None
        };
        if let Some(c) = cut_at {
            if !inside(j) {
                return c;
            }
        }
        j += 1;
    }
    end
}

/// Whether a new attribution starts at token `k` after "and": a count or a determiner, up to
/// three more words, then a reporting verb ("… and 12 percent said …", "… and most residents
/// told …"); a plain noun after "and" is a coordinated noun ("the mayor and council agreed").
fn counted_subject_cue(doc: &Doc<'_>, k: usize) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    let opens = t.kind == Kind::Number
        || matches!(
            doc.word(k),
            "the" | "a" | "an" | "many" | "most" | "some" | "other" | "several" | "few" | "half"
        );
    opens
        && (k + 1..k + 5).any(|v| {
            doc.tokens.get(v).is_some_and(|c| {
                c.kind == Kind::Word
                    && !c.cap
                    && c.flags.has(Flags::CUE)
                    && !c.flags.has(Flags::CUE_WEAK)
            }) && (k + 1..v).all(|m| {
                doc.tokens.get(m).is_some_and(|x| {
                    matches!(x.kind, Kind::Word | Kind::Number) && !x.flags.has(Flags::CUE)
                }) || doc.is_punct(m, '%')
            })
        })
}

/// Whether a new attribution starts at token `k` after "and": one to three capitalised words
/// and a reporting verb ("… and Tom Reyes says …", "… and Trump vowed …").
fn named_subject_cue(doc: &Doc<'_>, k: usize) -> bool {
    let cap = |m: usize| {
        doc.tokens
            .get(m)
            .is_some_and(|t| t.kind == Kind::Word && t.cap && !t.flags.has(Flags::CUE))
    };
    cap(k)
        && (k + 1..k + 4).any(|v| {
            doc.tokens.get(v).is_some_and(|c| {
                c.kind == Kind::Word
                    && !c.cap
                    && c.flags.has(Flags::CUE)
                    && !c.flags.has(Flags::CUE_WEAK)
            }) && (k..v).all(cap)
        })
}

/// Whether a new clause with its own subject starts at token `k` after ", and": a possessive,
/// one or two words, then a finite auxiliary ("and her office has since moved …", "and their
/// council would …"), or a determiner or quantifier, up to two words, then an auxiliary, a
/// negated verb or a past tense ("and those voters backed …").
fn new_subject(doc: &Doc<'_>, k: usize) -> bool {
    // (not "and most recently defended …": an adverb)
    let det = matches!(
        doc.word(k),
        "those" | "these" | "both" | "most" | "many" | "some" | "few"
    ) && !doc.word(k + 1).ends_with("ly");
    let verb_at = |v: usize| {
        let w = doc.word(v);
        is_auxiliary(w) || (det && (w.ends_with("n't") || (w.len() > 4 && w.ends_with("ed"))))
    };
    (det || matches!(doc.word(k), "her" | "his" | "their" | "its" | "our"))
        && (k + 1 + usize::from(!det)..k + 4).any(|v| {
            verb_at(v)
                && (k + 1..v).all(|m| {
                    doc.tokens
                        .get(m)
                        .is_some_and(|t| t.kind == Kind::Word && !t.flags.has(Flags::CUE))
                })
        })
}

/// A finite speech verb that opens a new attribution after a comma (", said he would …",
/// ", added that …"); reporting verbs that also serve as participles of description ("called",
/// "described") are left out: ", called a disaster by critics," is an apposition.
fn finite_cue(w: &str) -> bool {
    const STEMS: &[&str] = &[
        "add",
        "argue",
        "insist",
        "warn",
        "note",
        "explain",
        "stress",
        "counter",
        "repl",
        "acknowledge",
        "concede",
        "contend",
        "maintain",
    ];
    matches!(w, "said" | "says" | "told" | "tells" | "wrote" | "writes")
        || ((w.ends_with("ed") || w.ends_with('s'))
            && STEMS.iter().any(|s| w.starts_with(s))
            && !w.ends_with("ing"))
}

/// Whether a comma comes right before token `j`, or before the closing quotation mark right
/// before it ("“…,” adding that …").
pub fn comma_before(doc: &Doc<'_>, j: usize) -> bool {
    j > 0
        && (doc.is_punct(j - 1, ',')
            || (j > 1
                && doc.tokens.get(j - 1).is_some_and(|t| t.kind == Kind::Quote)
                && doc.is_punct(j - 2, ',')))
}

/// Lower-case conjunctions that open a subordinate clause (`if`, `while`, `because`, …): a clause
/// that starts with one has its main clause after the next comma.
pub fn is_subordinating_conjunction(w: &str) -> bool {
    matches!(
        w,
        "if" | "when"
            | "although"
            | "though"
            | "while"
            | "because"
            | "as"
            | "after"
            | "before"
            | "since"
            | "unless"
            | "once"
            | "even"
            | "until"
    )
}

/// Where a reported clause without quotation marks ends before a comment added after a comma:
/// a relative clause (`, which …`, `, who …`), a comparison (`, compared with …`, `, well above …`,
/// `, down from …`), a coordinated clause with its own subject (`, and the city …`), a new
/// subject after a comma (`, the city …`, `, he …`) unless the clause opens with a subordinate
/// clause or phrase, or a spaced dash.
fn comment_cut(doc: &Doc<'_>, s: usize, e: usize) -> Option<usize> {
    // a clause opening with a subordinate clause or phrase has its main clause after the comma:
    // "if elected, he would …", "that after the vote, the party …"
    let sub = |w: &str| {
        with_ascii_lower(w, |w| {
            is_subordinating_conjunction(w)
                || matches!(
                    w,
                    "whether"
                        | "despite"
                        | "given"
                        | "in"
                        | "at"
                        | "on"
                        | "during"
                        | "for"
                        | "by"
                        | "with"
                        | "without"
                        | "under"
                        | "amid"
                        | "like"
                        | "from"
                        | "to"
                )
        })
    };
    // (looked at only when a new subject follows a comma)
    let fronted = || sub(doc.word(s)) || (doc.word(s) == "that" && sub(doc.word(s + 1)));
    (s + 3..e)
        .find(|&j| {
            // a spaced dash opens an aside: "… the permit - and the crowd …"
            if matches!(doc.ch(j - 1), Some('—' | '–' | '-'))
                && doc
                    .tokens
                    .get(j - 2)
                    .zip(doc.tokens.get(j - 1))
                    .is_some_and(|(a, b)| a.end() < b.start())
            {
                return true;
            }
            if !doc.is_punct(j - 1, ',') {
                return false;
            }
            let next = doc.tokens.get(j + 1);
            match doc.word(j) {
                // (not an aside that a comma closes before the clause's verb: "a review of
                // fares, which rose 12% last year, would be published")
                "which" | "who" | "whose" => !aside_before_verb(doc, j, e),
                "compared" | "well" | "just" => true,
                "down" | "up" => doc.word(j + 1) == "from",
                // a new clause or an added phrase: ", the city has …", ", he added …"
                "the" | "a" | "an" | "he" | "she" | "they" | "it" | "we" | "I" => !fronted(),
                "and" => {
                    next.is_some_and(|t| t.cap && t.kind == Kind::Word)
                        || matches!(
                            doc.word(j + 1),
                            "the"
                                | "he"
                                | "she"
                                | "they"
                                | "it"
                                | "we"
                                | "a"
                                | "an"
                                | "his"
                                | "her"
                                | "their"
                        )
                }
                _ => false,
            }
        })
        .map(|j| j - 1)
}

/// Whether the relative clause opened at token `rel` (after a comma) is an aside that a comma
/// closes before `e`, with an auxiliary right after that comma: the clause it interrupts goes on
/// ("…, which rose 12% last year, would be published …").
fn aside_before_verb(doc: &Doc<'_>, rel: usize, e: usize) -> bool {
    (rel + 2..e.min(rel + 40))
        .find(|&k| doc.is_punct(k, ','))
        .is_some_and(|k| is_auxiliary(doc.word(k + 1)))
}

/// The clause before a sentence-final attribution (`…, X said.`): `[start, end)` token indices,
/// where `comma` is the token index of the comma that ends the clause (at least three words).
pub fn content_left(doc: &Doc<'_>, comma: usize) -> Option<(usize, usize)> {
    content_left_of(doc, comma, 3)
}

/// [`content_left`] with at least `min_words` words: the first part of a sentence that an
/// attribution interrupts (`The council, the mayor said, will …`) may be one word.
pub fn content_left_of(doc: &Doc<'_>, comma: usize, min_words: usize) -> Option<(usize, usize)> {
    let start = sentence_start(doc, comma);
    let mut s = start;
    while doc
        .tokens
        .get(s)
        .is_some_and(|t| t.kind == Kind::Quote || t.kind == Kind::Punct)
        && s < comma
    {
        s += 1;
    }
    let mut e = comma;
    while e > s
        && doc
            .tokens
            .get(e - 1)
            .is_some_and(|t| t.kind == Kind::Quote || doc.is_punct(e - 1, ','))
    {
        e -= 1;
    }
    // an opening mark whose closing mark is inside the content belongs to it: `“We will
    // rebuild” was her slogan, Varga said`
    let marks = (s..e)
        .filter(|&j| doc.tokens.get(j).is_some_and(|t| t.kind == Kind::Quote))
        .count();
    if marks % 2 == 1 && s > start && doc.tokens.get(s - 1).is_some_and(|t| t.kind == Kind::Quote) {
        s -= 1;
    }
    let words = doc
        .tokens
        .get(s..e)?
        .iter()
        .filter(|t| t.kind == Kind::Word || t.kind == Kind::Number)
        .count();
    if words < min_words {
        return None;
    }
    Some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::tokenize;

    fn right(text: &str, cue: &str) -> Option<String> {
        let doc = tokenize(text);
        let c = doc.first_at_or_after(text.find(cue)?);
        let (a, b) = content_right(&doc, c, &[])?;
        Some(text[doc.tokens[a].start()..doc.tokens[b - 1].end()].to_string())
    }

    #[test]
    fn content_right_table() {
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            (
                "said that",
                "Lee said that prices would rise.",
                "said",
                Some("that prices would rise"),
            ),
            (
                "said bare",
                "Lee said prices would rise.",
                "said",
                Some("prices would rise"),
            ),
            (
                "told object",
                "Lee told the BBC the deal was dead.",
                "told",
                Some("the deal was dead"),
            ),
            (
                "weekday skipped",
                "Lee said Monday that it was over.",
                "said",
                Some("that it was over"),
            ),
            (
                "statement skipped",
                "Lee said in a statement that it was over.",
                "said",
                Some("that it was over"),
            ),
            ("too short", "Lee said so.", "said", None),
            (
                "particle out",
                "Lee pointed out that prices rose.",
                "pointed",
                Some("that prices rose"),
            ),
            (
                "called for",
                "Lee called for a halt to imports.",
                "called",
                Some("a halt to imports"),
            ),
            (
                "accused keeps object",
                "Lee accused the board of lying.",
                "accused",
                Some("the board of lying"),
            ),
            (
                "comment after a comma",
                "Lee said the vote was close, compared with last year.",
                "said",
                Some("the vote was close"),
            ),
        ];
        for (name, text, cue, want) in cases {
            assert_eq!(right(text, cue).as_deref(), *want, "case {name}");
        }
    }

    #[test]
    fn content_left_basic() {
        let text = "Prices will rise next year, Lee said.";
        let doc = tokenize(text);
        let comma = doc.first_at_or_after(text.find(',').unwrap());
        let (a, b) = content_left(&doc, comma).unwrap();
        assert_eq!(
            &text[doc.tokens[a].start()..doc.tokens[b - 1].end()],
            "Prices will rise next year"
        );
    }
}
