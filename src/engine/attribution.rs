//! Attribution: links quotes to sources and cues.
//!
//! Direct quotes are attributed by the words around their marks, in order of reliability:
//! quote–cue–speaker and quote–speaker–cue after the closing mark (`"…," said Black`, `"…," he
//! warned`), speaker–cue before the opening mark with a colon or comma (`Starmer said: "…"`), the
//! second half of a split quote (`"X," he said, "Y."`), continued and floating quotes (an
//! all-quote paragraph inherits the last speaker). Reported speech is found from the remaining cue
//! verbs (see [`super::indirect`]): `X said (that) …`, `…, X said.`, `according to X, …`. Sources are
//! person names (with appositions and titles between name and verb), pronouns and descriptions
//! resolved by [`super::coref`], or organisations and collectives (`the Kremlin`, `officials`).
//!
//! ```
//! use sayso::engine::analyze;
//! let text = "“We will not give up,” Anna Kowalska said. She added that talks would go on.";
//! let a = analyze(text);
//! assert_eq!(a.quotes.len(), 2);
//! assert_eq!(&text[a.quotes[0].span.start..a.quotes[0].span.end], "We will not give up,");
//! assert_eq!(a.speakers[0].name, "Anna Kowalska");
//! assert_eq!(a.quotes[1].speaker_id, Some(0));
//! ```

use super::coref::{resolve_description, resolve_pronoun};
use super::indirect::{
    clause_cut, comma_before, comment_end, content_left, content_left_of, content_right,
    extend_over_regions, inside_region, is_auxiliary, is_filler, is_object_pronoun,
    is_subordinating_conjunction, is_time_noun, is_weekday, on_subject, place_end,
    reported_clause_end, sentence_end, sentence_start, skip_adverbials, takes_object,
};
use super::lexicon::Flags;
use super::lexicon::FnvMap;
use super::people::{role_head_before, strip_possessive, Entity, Mention, MentionKind, People};
use super::quotes::Region;
use super::segment::{Doc, Kind};
use super::{QuoteKind, Span};
use std::cell::Cell;
use std::collections::BTreeSet;

/// Entity index of a source whose referent is unknown (an unresolved pronoun).
pub const UNRESOLVED: usize = usize::MAX;

/// A resolved source mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The mention as written ("he", "Mark Rutte", "the Kremlin").
    pub span: Span,
    /// Entity index in [`People::entities`].
    pub entity: usize,
    /// First token of the mention.
    pub tok_start: usize,
    /// One past the last token of the mention.
    pub tok_end: usize,
}

impl Source {
    /// The source a name mention gives: its span, entity and tokens.
    fn of(m: &Mention) -> Source {
        Source {
            span: m.span,
            entity: m.entity,
            tok_start: m.tok_start,
            tok_end: m.tok_end,
        }
    }
}

/// A quote before conversion to the public type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawQuote {
    /// Content span.
    pub span: Span,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// Source, if found.
    pub source: Option<Source>,
    /// Cue span, if any.
    pub cue: Option<Span>,
    /// Attribution group.
    pub attribution: usize,
}

/// Quotes found so far, with an index by start offset for overlap queries in `O(log n)`.
#[derive(Default)]
pub struct QuoteList {
    list: Vec<RawQuote>,
    /// `(start, index)` of the quotes, in sorted runs: quotes mostly arrive in order of start
    /// within a pass (regions, cues, leftover quotations), and each pass fills a run.
    runs: [Vec<(usize, usize)>; RUNS],
    /// `(start, index)` of the quotes that fit no run.
    late: BTreeSet<(usize, usize)>,
}

/// Number of sorted runs of [`QuoteList`] (queries look at each non-empty one).
const RUNS: usize = 4;

/// Position in the sorted `run` of the first key starting at or after `s`.
fn first_from(run: &[(usize, usize)], s: usize) -> usize {
    run.partition_point(|&(start, _)| start < s)
}

/// Position in the sorted `run` of the first key at or after `lo` starting at or after `e`:
/// a galloping search (spans hold few quotes).
fn first_from_after(run: &[(usize, usize)], lo: usize, e: usize) -> usize {
    let mut step = 1;
    let mut base = lo;
    loop {
        match run.get(base + step - 1) {
            Some(&(start, _)) if start < e => {
                base += step;
                step *= 2;
            }
            _ => break,
        }
    }
    // the answer lies in [base, base + step - 1]
    let end = (base + step - 1).min(run.len());
    base + first_from(run.get(base..end).unwrap_or(&[]), e)
}

/// Up to `N` keys, largest first.
struct Nearest<const N: usize> {
    keys: [(usize, usize); N],
    len: usize,
}

impl<const N: usize> Nearest<N> {
    fn new() -> Self {
        Nearest {
            keys: [(0, 0); N],
            len: 0,
        }
    }
    /// Offers the keys of a descending sequence; stops at the first one too small to be kept.
    fn offer(&mut self, desc: impl Iterator<Item = (usize, usize)>) {
        for key in desc {
            if self.len == N && self.keys.last().is_some_and(|&last| key <= last) {
                return;
            }
            // insertion into the descending array (the smallest falls off when full)
            let mut k = self.len.min(N.saturating_sub(1));
            if self.len < N {
                self.len += 1;
            }
            while k > 0 && self.keys.get(k - 1).is_some_and(|&p| p < key) {
                if let Some(v) = self.keys.get(k - 1).copied() {
                    if let Some(slot) = self.keys.get_mut(k) {
                        *slot = v;
                    }
                }
                k -= 1;
            }
            if let Some(slot) = self.keys.get_mut(k) {
                *slot = key;
            }
        }
    }
    fn keys(&self) -> &[(usize, usize)] {
        self.keys.get(..self.len).unwrap_or(&[])
    }
}

impl QuoteList {
    /// An empty list with room for the quotes of a text of `tokens` tokens (news has about one
    /// per 57 tokens: room for one per 40, rarely regrown).
    fn with_capacity(tokens: usize) -> Self {
        let cap = tokens / 40 + 4;
        QuoteList {
            list: Vec::with_capacity(cap),
            runs: std::array::from_fn(|r| Vec::with_capacity(if r == 0 { cap } else { 0 })),
            late: BTreeSet::new(),
        }
    }
    fn push(&mut self, q: RawQuote) {
        let key = (q.span.start, self.list.len());
        match self
            .runs
            .iter_mut()
            .find(|run| run.last().is_none_or(|&last| last < key))
        {
            Some(run) => run.push(key),
            None => {
                self.late.insert(key);
            }
        }
        self.list.push(q);
    }
    fn get(&self, i: usize) -> Option<&RawQuote> {
        self.list.get(i)
    }
    fn len(&self) -> usize {
        self.list.len()
    }
    /// The `N` nearest keys of quotes starting before `s`, nearest first.
    fn before<const N: usize>(&self, s: usize) -> Nearest<N> {
        let mut near = Nearest::new();
        for run in self.runs.iter().filter(|r| !r.is_empty()) {
            let lo = first_from(run, s);
            near.offer(run.get(..lo).unwrap_or(&[]).iter().rev().copied());
        }
        if !self.late.is_empty() {
            near.offer(self.late.range(..(s, 0)).rev().copied());
        }
        near
    }
    /// Calls `f` with the index of every quote overlapping `[s, e)` (earlier ones checked a few
    /// deep), in no particular order, until it returns `true`; returns whether one did.
    fn any_overlapping(&self, s: usize, e: usize, mut f: impl FnMut(usize) -> bool) -> bool {
        let mut near = Nearest::<4>::new();
        for run in self.runs.iter().filter(|r| !r.is_empty()) {
            let lo = first_from(run, s);
            let hi = first_from_after(run, lo, e);
            for &(_, i) in run.get(lo..hi).unwrap_or(&[]) {
                if f(i) {
                    return true;
                }
            }
            near.offer(run.get(..lo).unwrap_or(&[]).iter().rev().copied());
        }
        if !self.late.is_empty() {
            for &(_, i) in self.late.range((s, 0)..(e.max(s), 0)) {
                if f(i) {
                    return true;
                }
            }
            near.offer(self.late.range(..(s, 0)).rev().copied());
        }
        for &(_, i) in near.keys() {
            if self.list.get(i).is_some_and(|q| q.span.end > s) && f(i) {
                return true;
            }
        }
        false
    }
    /// The nearest earlier quote (ending at or before `s`) that has a source, looking a few back.
    fn previous_with_source(&self, s: usize) -> Option<&RawQuote> {
        let near = self.before::<6>(s);
        near.keys()
            .iter()
            .filter_map(|&(_, i)| self.list.get(i))
            .filter(|q| q.span.end <= s && q.source.is_some())
            .max_by_key(|q| q.span.end)
    }
}

/// Working state of attribution over one text.
pub struct Attributor<'d, 'a> {
    doc: &'d Doc<'a>,
    /// People; organisations and collectives found as sources are appended.
    pub people: People,
    /// Pronoun, description and organisation mentions used as sources.
    pub extra_mentions: Vec<Mention>,
    /// Where the last lookup of a name mention by token ended ([`Attributor::mention_from`]).
    cursor: Cell<usize>,
    org_keys: FnvMap<String, usize>,
    /// Scratch for [`Attributor::org_source`]'s lowercased key.
    key_buf: String,
    next_attr: usize,
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "a"
            | "A"
            | "an"
            | "An"
            | "his"
            | "her"
            | "their"
            | "its"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "this"
            | "This"
            | "that"
            | "these"
            | "those"
            | "some"
            | "Some"
            | "many"
            | "Many"
            | "several"
            | "Several"
            | "two"
            | "three"
            | "other"
            | "one"
            | "One"
            | "both"
            | "Both"
            | "most"
            | "Most"
    )
}

fn is_function_cap(w: &str) -> bool {
    matches!(
        w,
        "It" | "This"
            | "While"
            | "However"
            | "Although"
            | "After"
            | "Before"
            | "Since"
            | "Because"
            | "Despite"
            | "Following"
            | "Meanwhile"
            | "With"
            | "Without"
            | "During"
            | "Though"
            | "Even"
            | "Only"
            | "Just"
            | "Like"
            | "Unlike"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Today"
            | "Yesterday"
            | "Asked"
            | "Speaking"
            | "Later"
            | "Earlier"
            | "Instead"
            | "Indeed"
            | "That"
            | "There"
            | "These"
            | "Those"
            | "They"
            | "We"
            | "I"
            | "You"
            | "He"
            | "She"
            | "But"
            | "And"
            | "So"
            | "Yet"
            | "Or"
            | "If"
            | "When"
            | "What"
            | "Who"
            | "Which"
            | "A"
            | "An"
            | "The"
            | "In"
            | "On"
            | "At"
            | "As"
            | "For"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "No"
            | "Now"
            | "Then"
            | "Here"
            | "Still"
            | "Also"
    )
}

impl<'d, 'a> Attributor<'d, 'a> {
    /// Prepares attribution over `doc` with the people found in it.
    pub fn new(doc: &'d Doc<'a>, people: People) -> Self {
        Attributor {
            doc,
            people,
            extra_mentions: Vec::new(),
            cursor: Cell::new(0),
            org_keys: FnvMap::default(),
            key_buf: String::new(),
            next_attr: 0,
        }
    }

    /// Index of the first name mention whose `key` (its first or its last token) is `k` or more.
    /// The mentions are in text order and do not overlap, so both keys increase along them; the
    /// search gallops out from where the last one ended, as lookups follow the cues through the
    /// text (a few nearby mentions touched instead of a map over the whole text).
    fn mention_from(&self, k: usize, key: impl Fn(&Mention) -> usize) -> usize {
        let ms = &self.people.mentions;
        let n = ms.len();
        let c = self.cursor.get().min(n);
        let below = |i: usize| ms.get(i).is_some_and(|m| key(m) < k);
        let (mut lo, mut hi) = if below(c) {
            // the answer is after `c`
            let (mut lo, mut step) = (c + 1, 1);
            loop {
                let probe = c + step;
                if probe >= n || !below(probe) {
                    break (lo, probe.min(n));
                }
                lo = probe + 1;
                step *= 2;
            }
        } else {
            // the answer is `c` or before it
            let (mut hi, mut step) = (c, 1);
            loop {
                if step > c {
                    break (0, hi);
                }
                let probe = c - step;
                if below(probe) {
                    break (probe + 1, hi);
                }
                hi = probe;
                step *= 2;
            }
        };
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if below(mid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        self.cursor.set(lo);
        lo
    }

    /// The name mention starting at token `k`.
    fn name_starting(&self, k: usize) -> Option<usize> {
        let i = self.mention_from(k, |m| m.tok_start);
        self.people
            .mentions
            .get(i)
            .is_some_and(|m| m.tok_start == k)
            .then_some(i)
    }

    /// The name mention whose last token is `k`.
    fn name_ending(&self, k: usize) -> Option<usize> {
        let i = self.mention_from(k, |m| m.tok_end.saturating_sub(1));
        self.people
            .mentions
            .get(i)
            .is_some_and(|m| m.tok_end.saturating_sub(1) == k)
            .then_some(i)
    }

    fn new_attr(&mut self) -> usize {
        self.next_attr += 1;
        self.next_attr - 1
    }

    fn span_of(&self, a: usize, b: usize) -> Option<Span> {
        let s = self.doc.tokens.get(a)?.start();
        let last = self.doc.tokens.get(b.checked_sub(1)?)?;
        let e = last.start() + strip_possessive(self.doc.text(last)).len();
        (e > s).then_some(Span::new(s, e))
    }

    fn org_source(&mut self, a: usize, b: usize, person_like: bool) -> Option<Source> {
        let span = self.span_of(a, b)?;
        let text = self.doc.src.get(span.start..span.end)?;
        let name = text
            .strip_prefix("the ")
            .or_else(|| text.strip_prefix("The "))
            .unwrap_or(text);
        // the key is lowercased into a buffer kept between calls: most sources are looked up
        // again, and only a new one needs its own strings
        let mut key = std::mem::take(&mut self.key_buf);
        key.clear();
        if name.is_ascii() {
            key.extend(name.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            key.push_str(&name.to_lowercase());
        }
        let found = self.org_keys.get(key.as_str()).copied();
        let entity = match found {
            Some(e) => {
                self.key_buf = key;
                e
            }
            None => {
                self.people.entities.push(Entity {
                    name: name.to_string(),
                    role: None,
                    gender: Default::default(),
                    org: !person_like,
                    key: key.clone(),
                    words: 0,
                });
                let e = self.people.entities.len() - 1;
                self.org_keys.insert(key, e);
                e
            }
        };
        self.extra_mentions.push(Mention {
            span,
            tok_start: a,
            tok_end: b,
            entity,
            kind: MentionKind::Org,
        });
        Some(Source {
            span,
            entity,
            tok_start: a,
            tok_end: b,
        })
    }

    fn pronoun_source(&mut self, k: usize) -> Option<Source> {
        let t = *self.doc.tokens.get(k)?;
        let span = Span::new(t.start(), t.end());
        let Some(entity) = resolve_pronoun(self.doc, &self.people, k) else {
            // the mention is still reported; the speaker stays unknown
            return Some(Source {
                span,
                entity: UNRESOLVED,
                tok_start: k,
                tok_end: k + 1,
            });
        };
        self.extra_mentions.push(Mention {
            span,
            tok_start: k,
            tok_end: k + 1,
            entity,
            kind: MentionKind::Pronoun,
        });
        Some(Source {
            span,
            entity,
            tok_start: k,
            tok_end: k + 1,
        })
    }

    /// "Residents of Aberporth said", "Supporters of Anna Novak said", "the mayor of Leeds
    /// said": a role or collective noun, then "of"/"in"/"for"/"at"/"from" and a name or
    /// capitalised run ending at token `k`. The whole noun phrase is the source, not the name.
    fn head_of_name(&mut self, k: usize) -> Option<Source> {
        let doc = self.doc;
        let t = doc.tokens.get(k)?;
        if t.kind != Kind::Word || t.flags.has(Flags::CUE) {
            return None;
        }
        let sent = t.sent;
        // the start of the name, of the capitalised run, or of a lowercase noun phrase back to
        // its determiner ("workers at the German plants", "the head of the agency")
        let s = match self.name_ending(k) {
            Some(mi) => self.people.mentions.get(mi)?.tok_start,
            None if !t.cap => {
                let a = modifiers_from(doc, k, sent, 4, true);
                if !is_determiner(doc.word(a)) {
                    return None;
                }
                a
            }
            None => {
                let mut a = k;
                while a > 0
                    && k - a < 6
                    && doc
                        .tokens
                        .get(a - 1)
                        .is_some_and(|p| p.sent == sent && p.kind == Kind::Word && p.cap)
                {
                    a -= 1;
                }
                a
            }
        };
        let (h, roles) = role_head_before(doc, s)?;
        let ht = doc.tokens.get(h)?;
        if ht.sent != sent || ht.flags.has(Flags::CUE) {
            return None;
        }
        // a capitalised head inside the sentence names something ("Allied Teachers of
        // Ontario", "Joint Chiefs of Staff"): the capitalised run is the source
        let sentence_initial = h == 0 || doc.tokens.get(h - 1).is_none_or(|p| p.sent != sent);
        if ht.cap && !sentence_initial {
            return None;
        }
        let person = roles.has(Flags::ROLE_PERSON);
        if self.name_ending(h).is_some() {
            return None;
        }
        // back over a determiner and modifiers: "the former mayor of Leeds"
        let a = modifiers_from(doc, h, sent, 3, false);
        self.org_source(a, k + 1, person)
    }

    /// The noun phrase ending at token `k` as a source.
    fn np_ending_at(&mut self, k: usize) -> Option<Source> {
        let doc = self.doc;
        let t = *doc.tokens.get(k)?;
        // "six in 10 said", "47 percent said", "a majority said"
        let numeric = t.kind == Kind::Number
            || matches!(
                doc.word(k),
                "percent" | "majority" | "minority" | "half" | "%"
            );
        // "Tom Reyes, 30, of Leeds, said": an age set off after a name is the name's apposition
        if t.kind == Kind::Number && k >= 2 && doc.is_punct(k - 1, ',') {
            if let Some(mi) = self.name_ending(k - 2) {
                return self.people.mentions.get(mi).map(Source::of);
            }
        }
        if numeric && k > 0 {
            let mut a = k;
            while a > 0 && k - a < 5 {
                let p = doc.tokens.get(a - 1)?;
                // ("… and 12 percent said": the conjunction is no part of the source)
                let part = p.kind == Kind::Number
                    || (p.kind == Kind::Word
                        && !p.cap
                        && !p.flags.has(Flags::CUE)
                        && !matches!(doc.word(a - 1), "and" | "or" | "but" | "while"));
                if p.sent != t.sent || !part {
                    break;
                }
                a -= 1;
            }
            return self.org_source(a, k + 1, false);
        }
        if t.kind != Kind::Word {
            return None;
        }
        if let Some(src) = self.head_of_name(k) {
            return Some(src);
        }
        if let Some(mi) = self.name_ending(k) {
            return self.people.mentions.get(mi).map(Source::of);
        }
        let w = doc.word(k);
        // "he", and "he’s" in "he’s predicting …"
        if matches!(
            strip_possessive(w),
            "he" | "she" | "He" | "She" | "they" | "They" | "we" | "We" | "I"
        ) {
            return self.pronoun_source(k);
        }
        // "“…,” it stated", "it reads": a document or body, reported as the mention alone
        // (before a verb of saying or writing only: "it raises the question" reports nothing)
        let says = || {
            matches!(
                doc.word(k + 1),
                "said"
                    | "says"
                    | "stated"
                    | "states"
                    | "read"
                    | "reads"
                    | "added"
                    | "adds"
                    | "wrote"
                    | "writes"
                    | "noted"
                    | "notes"
                    | "warned"
                    | "warns"
                    | "concluded"
                    | "concludes"
                    | "continued"
                    | "continues"
            )
        };
        if matches!(w, "it" | "It") && says() {
            return Some(Source {
                span: Span::new(t.start(), t.end()),
                entity: UNRESOLVED,
                tok_start: k,
                tok_end: k + 1,
            });
        }
        if t.cap {
            if is_function_cap(w) || t.flags.has(Flags::CUE) {
                return None;
            }
            // organisation run: capitalised words (and "of") back to a determiner
            let mut a = k;
            while a > 0 {
                let p = doc.tokens.get(a - 1)?;
                let pw = doc.word(a - 1);
                if p.sent != t.sent {
                    break;
                }
                if p.kind == Kind::Word
                    && (p.cap && !is_function_cap(pw)
                        || pw == "of" && a >= 2 && doc.tokens.get(a - 2).is_some_and(|x| x.cap))
                {
                    a -= 1;
                } else {
                    break;
                }
            }
            if a > 0 && matches!(doc.word(a - 1), "the" | "The") {
                a -= 1;
            }
            if a == k && self.name_starting(k).is_some() {
                return None;
            }
            // "Anna Novak of the Green Party said", "Anna Novak of Reuters said": the person
            // named before "of" speaks, not the organisation
            let person_of = if a >= 2 && matches!(doc.word(a - 1), "of" | "from" | "at") {
                self.name_ending(a - 2)
            } else {
                self.name_starting(a).filter(|&mi| {
                    self.people
                        .mentions
                        .get(mi)
                        .is_some_and(|m| m.tok_end < k && doc.word(m.tok_end) == "of")
                })
            };
            // (its tokens reach the organisation's last word: the subject is the whole phrase)
            if let Some(m) = person_of.and_then(|mi| self.people.mentions.get(mi)) {
                return Some(Source {
                    tok_end: k + 1,
                    ..Source::of(m)
                });
            }
            return self.org_source(a, k + 1, false);
        }
        let lower_head = w.strip_suffix('s').unwrap_or(w);
        let mut buf = [0u8; 32];
        let hf = t.flags;
        let hf2 = super::lexicon::lookup_word(lower_head, &mut buf);
        let person_role = hf.has(Flags::ROLE_PERSON)
            || hf2.has(Flags::ROLE_PERSON)
            || hf.has(Flags::TITLE) && !hf.has(Flags::NONPERSON);
        let collective = hf.has(Flags::ROLE_COLLECTIVE) || hf2.has(Flags::ROLE_COLLECTIVE);
        let plural_head = w.len() > 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("ics")
            && !is_filler(doc, k);
        let quantifier = matches!(
            w,
            "some" | "others" | "many" | "several" | "most" | "few" | "another" | "both"
        );
        if quantifier {
            return self.org_source(k, k + 1, false);
        }
        // "one person tweeted", "the document states": a lowercase head after a nearby determiner
        // (up to three modifiers: "the wealthy local hotel owner says")
        let det_near = (1..=4).any(|d| {
            k >= d
                && matches!(
                    doc.word(k - d),
                    "the"
                        | "The"
                        | "a"
                        | "A"
                        | "an"
                        | "An"
                        | "one"
                        | "One"
                        | "another"
                        | "each"
                        | "every"
                )
                && (k - d + 1..k).all(|j| {
                    doc.tokens.get(j).is_some_and(|x| {
                        x.kind == Kind::Word && !x.flags.has(Flags::CUE) && !is_filler(doc, j)
                    })
                })
        });
        let loose_head = det_near
            && w.len() >= 3
            && !is_function_word(w)
            && w.chars().all(char::is_alphabetic)
            && !is_filler(doc, k)
            && !hf.has(Flags::CUE)
            && !matches!(
                w,
                "who"
                    | "that"
                    | "which"
                    | "what"
                    | "there"
                    | "this"
                    | "these"
                    | "those"
                    | "it"
                    | "one"
                    | "time"
                    | "way"
                    | "day"
                    | "year"
                    | "week"
            );
        if !person_role && !collective && !plural_head && !loose_head {
            return None;
        }
        // extend left over modifiers to a determiner, a possessive or capitalised words
        let mut a = k;
        let mut mods: Vec<&str> = Vec::new();
        let mut det = None;
        // the first of two coordinated roles and its modifiers
        let mut first_head: Option<&str> = None;
        let mut first_mods: Vec<&str> = Vec::new();
        while a > 0 && k - a < 6 {
            let Some(p) = doc.tokens.get(a - 1) else {
                break;
            };
            if p.sent != t.sent || p.kind != Kind::Word {
                break;
            }
            let pw = doc.word(a - 1);
            if is_determiner(pw) {
                det = Some(pw);
                a -= 1;
                break;
            }
            // "The front-runner and former governor said": two roles of one person, one
            // determiner before both
            let role_before = || {
                a >= 2
                    && doc.tokens.get(a - 2).is_some_and(|r| {
                        r.sent == t.sent
                            && r.kind == Kind::Word
                            && !r.cap
                            && r.flags.has(Flags::ROLE_PERSON)
                    })
            };
            if pw == "and" && person_role && first_head.is_none() && role_before() {
                // (each role with its own modifiers tells whom the description names)
                first_head = Some(doc.word(a - 2));
                a -= 1;
                continue;
            }
            if p.flags.has(Flags::CUE) && !p.cap
                || is_filler(doc, a - 1)
                || matches!(
                    pw,
                    "and"
                        | "or"
                        | "to"
                        | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "by"
                        | "for"
                        | "with"
                        | "that"
                        | "who"
                        | "which"
                        | "whom"
                )
            {
                break;
            }
            if p.cap {
                if first_head.is_some() {
                    first_mods.push(pw);
                } else {
                    mods.push(pw);
                }
            }
            a -= 1;
        }
        let plural = w.ends_with('s') && !w.ends_with("ss") && !hf.has(Flags::ROLE_PERSON);
        if person_role && !plural && matches!(det, Some("the" | "The")) {
            let cap_mods: Vec<&str> = mods.iter().map(|m| strip_possessive(m)).collect();
            let first = || {
                let head = first_head?;
                let mods: Vec<&str> = first_mods.iter().map(|m| strip_possessive(m)).collect();
                resolve_description(doc, &self.people, a, &mods, head)
            };
            let found = resolve_description(doc, &self.people, a, &cap_mods, lower_head);
            if let Some(entity) = found.or_else(first) {
                let span = self.span_of(a, k + 1)?;
                self.extra_mentions.push(Mention {
                    span,
                    tok_start: a,
                    tok_end: k + 1,
                    entity,
                    kind: MentionKind::Description,
                });
                return Some(Source {
                    span,
                    entity,
                    tok_start: a,
                    tok_end: k + 1,
                });
            }
        }
        // a bare singular noun ("spokesman said") is rare; require a determiner, except for
        // collectives that take no article ("police said", "according to police")
        let bare_collective = collective && matches!(w, "police" | "staff" | "personnel");
        if det.is_none() && mods.is_empty() && !plural && !bare_collective {
            return None;
        }
        self.org_source(a, k + 1, person_role)
    }

    /// The subject left of the cue at token `c` (skipping adverbs, auxiliaries and appositions).
    fn subject_left(&mut self, c: usize) -> Option<Source> {
        let doc = self.doc;
        let sent = doc.tokens.get(c)?.sent;
        let mut k = c.checked_sub(1)?;
        for _ in 0..5 {
            let t = doc.tokens.get(k)?;
            if t.sent != sent && !(t.kind == Kind::Quote) {
                return None;
            }
            if is_filler(doc, k)
                || is_weekday(doc.word(k))
                // "Reyes however said …"
                || matches!(doc.word(k), "however" | "meanwhile" | "instead")
            {
                if matches!(doc.word(k.checked_sub(1)?), "on" | "late" | "early")
                    && doc.tokens.get(k)?.cap
                {
                    k = k.checked_sub(2)?;
                } else {
                    k = k.checked_sub(1)?;
                }
                continue;
            }
            // "Varga last week said …", "the council this month said …"
            if k > 0
                && matches!(doc.word(k - 1), "last" | "this" | "next")
                && is_time_noun(doc.word(k))
            {
                k = k.checked_sub(2)?;
                continue;
            }
            break;
        }
        let dash = |k: usize| doc.is_punct(k, '—') || doc.is_punct(k, '–') || doc.is_punct(k, '-');
        if doc.is_punct(k, ',') || doc.is_punct(k, ')') || dash(k) {
            // apposition: NAME, a former aide, said / NAME (R-Texas) said / NAME – who … – said
            let close = doc.ch(k);
            let open = match close {
                Some(')') => '(',
                Some(c @ ('—' | '–' | '-')) => c,
                _ => ',',
            };
            let mut j = k;
            let lo = k.saturating_sub(25);
            while j > lo {
                j -= 1;
                let tj = doc.tokens.get(j)?;
                let apostrophe = tj.kind == Kind::Quote
                    && matches!(doc.ch(j), Some('\'' | '’'))
                    && j > 0
                    && doc.tokens.get(j - 1).is_some_and(|p| p.end() == tj.start());
                if tj.sent != sent || (tj.kind == Kind::Quote && !apostrophe) {
                    return None;
                }
                if doc.is_punct(j, open) {
                    // "Ann Holm (D-Vt.), chair of …, said": skip the parenthesis
                    let mut j = j;
                    if open == ',' && j >= 2 && doc.is_punct(j - 1, ')') {
                        let mut m = j - 1;
                        while m > 0 && j - m < 10 && !doc.is_punct(m, '(') {
                            m -= 1;
                        }
                        if doc.is_punct(m, '(') {
                            j = m;
                        }
                    }
                    let inner = k - j - 1;
                    if inner == 0 || j == 0 {
                        return None;
                    }
                    // "The mayor of Leeds, Judith Blake, said": a description before and a name
                    // alone in the commas; the name speaks
                    if open == ',' && self.name_ending(j - 1).is_none() {
                        if let Some(m) = self
                            .name_starting(j + 1)
                            .and_then(|mi| self.people.mentions.get(mi))
                            .filter(|m| m.tok_end == k)
                        {
                            return Some(Source::of(m));
                        }
                    }
                    if let Some(src) = self.np_ending_at(j - 1).filter(|s| s.tok_end == j) {
                        return Some(src);
                    }
                    if open != ',' {
                        return None;
                    }
                    // several commas inside the apposition: keep looking for a name before one
                    if self.name_ending(j - 1).is_some() {
                        return None;
                    }
                }
            }
            return None;
        }
        // "people familiar with the talks said", "someone close to the mayor said": the head
        // before "familiar with" / "close to" speaks
        if let Some(h) = (k.saturating_sub(8)..k).find(|&j| {
            j > 0
                // (lengths first: this runs for every subject looked for)
                && doc
                    .tokens
                    .get(j)
                    .is_some_and(|t| matches!(t.end() - t.start(), 5 | 8))
                && matches!(
                    (doc.word(j), doc.word(j + 1)),
                    ("familiar", "with") | ("close", "to")
                )
                && doc.tokens.get(j - 1).is_some_and(|t| {
                    t.sent == sent && t.flags.has(Flags::ROLE_PERSON | Flags::ROLE_COLLECTIVE)
                })
                && (j + 2..=k).all(|m| {
                    doc.tokens
                        .get(m)
                        .is_some_and(|t| t.sent == sent && t.kind == Kind::Word)
                })
        }) {
            return self
                .np_ending_at(h - 1)
                .or_else(|| self.org_source(h - 1, h, false));
        }
        // "Varga, who says …" / "the senator who says …"
        if doc.word(k) == "who" && k > 0 {
            let b = if doc.is_punct(k - 1, ',') {
                k.checked_sub(2)?
            } else {
                k - 1
            };
            return self.np_ending_at(b);
        }
        // "Residents who say the river is dirty said …": the antecedent of a relative clause on
        // the sentence's subject
        // ("who" only: "that" also opens a noun's clause, "The idea that …"; and no comma or
        // quotation between, which would leave the relative clause)
        let s0 = doc.sentence_bounds(c).0.max(k.saturating_sub(20));
        let rel = (s0 + 1..k)
            .rev()
            .take_while(|&r| {
                doc.tokens
                    .get(r)
                    .is_some_and(|t| t.kind == Kind::Word || t.kind == Kind::Number)
            })
            .find(|&r| doc.word(r) == "who" && on_subject(doc, r));
        if let Some(r) = rel {
            if let Some(src) = self.np_ending_at(r - 1) {
                return Some(src);
            }
        }
        self.np_ending_at(k)
    }

    /// The subject right of the cue at token `c` (inverted: `said Black`, `said the Kremlin`).
    fn subject_right(&mut self, c: usize) -> Option<Source> {
        let doc = self.doc;
        let sent = doc.tokens.get(c)?.sent;
        let k = c + 1;
        let t = *doc.tokens.get(k)?;
        if t.sent != sent || t.kind != Kind::Word {
            return None;
        }
        if let Some(mi) = self.name_starting(k) {
            return self.people.mentions.get(mi).map(Source::of);
        }
        let w = doc.word(k);
        if matches!(w, "he" | "she") {
            return self.pronoun_source(k);
        }
        // "the Kremlin", "a spokesman for X", "officials", "lobbyist Tom Hale"
        let mut j = k;
        while j < k + 6 {
            let Some(tj) = doc.tokens.get(j) else { break };
            if tj.sent != sent || tj.kind != Kind::Word {
                break;
            }
            if let Some(mi) = self.name_starting(j) {
                if j > k {
                    return self.people.mentions.get(mi).map(Source::of);
                }
            }
            j += 1;
        }
        // the longest NP that ends before a non-word
        let mut best = None;
        let mut e = k;
        let det_start =
            is_determiner(doc.word(k)) || matches!(doc.word(k), "one" | "another" | "each");
        if matches!(
            doc.word(k),
            "another" | "others" | "many" | "some" | "several"
        ) && !doc
            .tokens
            .get(k + 1)
            .is_some_and(|x| x.kind == Kind::Word && x.sent == sent)
        {
            return self.org_source(k, k + 1, false);
        }
        while e < j {
            let nx_word = doc.tokens.get(e + 1).is_some_and(|x| {
                let stop = matches!(
                    doc.word(e + 1),
                    "who"
                        | "that"
                        | "which"
                        | "to"
                        | "of"
                        | "for"
                        | "in"
                        | "on"
                        | "at"
                        | "with"
                        | "close"
                        | "familiar"
                        | "said"
                        | "says"
                );
                x.kind == Kind::Word
                    && x.sent == sent
                    && !stop
                    && (x.cap
                        || x.flags.has(Flags::ROLE_PERSON | Flags::ROLE_COLLECTIVE)
                        || (det_start && e < k + 3 && !x.flags.has(Flags::CUE)))
            });
            if !nx_word {
                best = Some(e);
                break;
            }
            e += 1;
        }
        let e = best?;
        let w0 = doc.word(k);
        if !(is_determiner(w0)
            || doc.tokens.get(k).is_some_and(|x| x.cap)
            || doc
                .tokens
                .get(e)
                .is_some_and(|x| x.flags.has(Flags::ROLE_COLLECTIVE)))
        {
            return None;
        }
        self.np_ending_at(e).filter(|s| s.tok_start >= k)
    }

    /// Nearest earlier person-name mention in the same sentence (participial cues: `…, warning, "…"`).
    fn sentence_subject(&mut self, c: usize) -> Option<Source> {
        let sent = self.doc.tokens.get(c)?.sent;
        let first = sentence_start(self.doc, c);
        let mut f = first;
        while f < c && self.doc.tokens.get(f).is_some_and(|t| t.kind != Kind::Word) {
            f += 1;
        }
        // past an opening adverbial ("In April, the company …", "On Monday, he …")
        let intro_comma = (f + 1..(f + 12).min(c)).find(|&j| self.doc.is_punct(j, ','));
        // "Like Hale, Varga …", "Here in Ostrava, Varga …": a name after an opening
        // prepositional phrase (whose own names are then passed over)
        let prep_intro = intro_comma.is_some_and(|j| {
            matches!(
                self.doc.word(f),
                "Like"
                    | "Unlike"
                    | "After"
                    | "Before"
                    | "Despite"
                    | "Besides"
                    | "Beyond"
                    | "Here"
                    | "In"
                    | "On"
                    | "At"
                    | "During"
                    | "From"
                    | "Outside"
                    | "Inside"
                    | "Throughout"
            ) && self.name_starting(j + 1).is_some()
                && (f..j).all(|i| {
                    self.doc
                        .tokens
                        .get(i)
                        .is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Number | Kind::Punct))
                })
        });
        let intro_comma = intro_comma.filter(|&j| prep_intro || j < f + 7);
        if let Some(j) = intro_comma.filter(|&j| {
            (f..j).all(|i| {
                self.doc
                    .tokens
                    .get(i)
                    .is_some_and(|t| t.kind == Kind::Word || t.kind == Kind::Number)
            }) && (is_determiner(self.doc.word(j + 1))
                || matches!(self.doc.word(j + 1), "he" | "she")
                || prep_intro)
        }) {
            f = j + 1;
        }
        if f < c && matches!(self.doc.word(f), "He" | "She" | "he" | "she") {
            return self.pronoun_source(f);
        }
        let end = self.people.mentions.partition_point(|m| m.tok_start < c);
        let from = if prep_intro { f } else { first };
        let begin = self.people.mentions.partition_point(|m| m.tok_start < from);
        let m = self.people.mentions.get(begin..end).and_then(|ms| {
            ms.iter().find(|m| {
                self.doc
                    .tokens
                    .get(m.tok_start)
                    .is_some_and(|t| t.sent == sent)
            })
        });
        if let Some(m) = m {
            return Some(Source::of(m));
        }
        // no name: a description that opens the sentence ("The minister hit back, accusing …")
        if f < c && is_determiner(self.doc.word(f)) {
            // the noun phrase runs to the word before the first verb-like word ("The central
            // bank held …", "The regional health board opened …")
            if let Some(v) = (f + 2..(f + 5).min(c)).find(|&v| {
                self.doc
                    .tokens
                    .get(v)
                    .is_some_and(|t| t.kind == Kind::Word && !t.cap && t.sent == sent)
                    && verb_like(self.doc.word(v))
            }) {
                if (f + 1..v).all(|k| {
                    self.doc.tokens.get(k).is_some_and(|t| {
                        t.kind == Kind::Word && !t.cap && !verb_like(self.doc.word(k))
                    })
                }) {
                    if let Some(src) = self.np_ending_at(v - 1).filter(|s| s.tok_start == f) {
                        return Some(src);
                    }
                }
            }
            for k in f + 1..(f + 4).min(c) {
                let next_lower = self
                    .doc
                    .tokens
                    .get(k + 1)
                    .is_some_and(|t| t.kind == Kind::Word && !t.cap && t.sent == sent);
                if !next_lower {
                    continue;
                }
                // a role or collective noun right after the first head ends the noun phrase:
                // "the ferry company cut …"
                let role_next = k + 1 < c
                    && self.doc.tokens.get(k + 1).is_some_and(|t| {
                        t.flags.has(Flags::ROLE_PERSON) || t.flags.has(Flags::ROLE_COLLECTIVE)
                    });
                let head = if role_next { k + 1 } else { k };
                return self.np_ending_at(head).filter(|s| s.tok_start == f);
            }
        }
        None
    }

    /// The subject of a verb coordinated after a first cue, when the sentence opens with a
    /// capitalised name that is no person's: an organisation ("Northern Power said …, but warned
    /// …"). Only for a coordinated verb: elsewhere a capitalised opening is often a label
    /// ("Transcript as follows: …").
    fn opening_org(&mut self, c: usize) -> Option<Source> {
        let doc = self.doc;
        let sent = doc.tokens.get(c)?.sent;
        let f = sentence_start(doc, c);
        if !doc
            .tokens
            .get(f)
            .is_some_and(|t| t.kind == Kind::Word && t.cap)
        {
            return None;
        }
        let mut e = f;
        while e + 1 < c
            && doc
                .tokens
                .get(e + 1)
                .is_some_and(|t| t.kind == Kind::Word && t.cap && t.sent == sent)
        {
            e += 1;
        }
        // the name is followed by a cue of its own: "Northern Power said"
        if !doc
            .tokens
            .get(e + 1)
            .is_some_and(|t| t.flags.has(Flags::CUE))
        {
            return None;
        }
        self.np_ending_at(e).filter(|s| {
            s.tok_start == f && self.people.entities.get(s.entity).is_some_and(|x| x.org)
        })
    }

    /// The words after an inverted cue up to the clause end (`said a harbour veteran.`), as a
    /// source of unknown identity.
    fn np_after(&self, a: usize) -> Option<Source> {
        let doc = self.doc;
        let sent = doc.tokens.get(a)?.sent;
        let mut b = a;
        while b < a + 10 {
            let Some(t) = doc.tokens.get(b) else { break };
            let abbrev_dot = doc.is_punct(b, '.')
                && doc
                    .tokens
                    .get(b + 1)
                    .is_some_and(|n| n.sent == sent && n.cap);
            if t.sent != sent
                || !(t.kind == Kind::Word || t.kind == Kind::Number || abbrev_dot)
                || (b > a && t.flags.has(Flags::CUE) && !t.cap)
            {
                break;
            }
            b += 1;
        }
        let ends = doc.tokens.get(b).is_none_or(|t| {
            t.sent != sent || matches!(doc.ch(b), Some('.' | ',' | ';' | '!' | '?'))
        });
        if b == a || !ends {
            return None;
        }
        let span = self.span_of(a, b)?;
        Some(Source {
            span,
            entity: UNRESOLVED,
            tok_start: a,
            tok_end: b,
        })
    }

    /// Whether a source is a person-name mention.
    fn is_name(&self, s: &Source) -> bool {
        self.name_starting(s.tok_start).is_some()
    }

    /// The first token of the subject that source `src` of the cue at `c` stands for: its own
    /// first token, or for a name taken from its apposition ("his spokesman, Tom Hale,
    /// said", see [`Attributor::subject_left`]) the first token of the description before it.
    fn subject_head_start(&self, src: &Source, c: usize) -> usize {
        let doc = self.doc;
        let s = src.tok_start;
        let apposed = c > 0
            && doc.is_punct(c - 1, ',')
            && src.tok_end + 1 == c
            && s >= 2
            && doc.is_punct(s - 1, ',')
            && self.is_name(src)
            && self.name_ending(s - 2).is_none();
        if !apposed {
            // "…, Ms. Varga said.": a title before the name (its period included) belongs to the
            // subject
            let mut h = s;
            for _ in 0..3 {
                let title = |j: usize| {
                    doc.tokens
                        .get(j)
                        .is_some_and(|t| t.kind == Kind::Word && t.cap && t.flags.has(Flags::TITLE))
                };
                if h >= 2 && doc.is_punct(h - 1, '.') && title(h - 2) {
                    h -= 2;
                } else if h >= 1 && title(h - 1) {
                    h -= 1;
                } else {
                    break;
                }
            }
            return h;
        }
        let sent = doc.tokens.get(s).map_or(0, |t| t.sent);
        // back over the description to the comma, quotation mark or sentence start before it
        let mut h = s - 1;
        while h > 0 && s - h < 16 {
            let Some(t) = doc.tokens.get(h - 1) else {
                break;
            };
            if t.sent != sent || t.kind == Kind::Quote || doc.is_punct(h - 1, ',') {
                break;
            }
            h -= 1;
        }
        h
    }

    /// Source of a cue in either direction.
    fn source_of(&mut self, c: usize) -> Option<Source> {
        if self.doc.word(c) == "according" {
            return self.subject_right(c + 1);
        }
        // after a participle ("…, accusing her rival of …") the noun phrase is its object, and
        // the clause before the comma is no apposition: the sentence's subject speaks (also
        // after a quotation's comma: "“…,” adding that …")
        let participle = comma_before(self.doc, c) && self.doc.word(c).ends_with("ing");
        if participle {
            return self.sentence_subject(c).or_else(|| self.subject_left(c));
        }
        if let Some(s) = self.subject_left(c) {
            return Some(s);
        }
        self.subject_right(c)
    }
}

/// The first token of the modifiers before token `k` in sentence `sent`, back to and including a
/// determiner: at most `max` words that are no cue and no function word (capitalised ones only
/// when `caps`).
fn modifiers_from(doc: &Doc<'_>, k: usize, sent: u32, max: usize, caps: bool) -> usize {
    let mut a = k;
    while a > 0 && k - a < max {
        let Some(p) = doc.tokens.get(a - 1) else {
            break;
        };
        let pw = doc.word(a - 1);
        let det = is_determiner(pw);
        let modifier = p.kind == Kind::Word
            && p.sent == sent
            && !p.flags.has(Flags::CUE)
            && (det || !is_function_word(pw) && (caps || !p.cap));
        if !modifier {
            break;
        }
        a -= 1;
        if det {
            break;
        }
    }
    a
}

/// Cue forms that are also common nouns ("a note", "Treasury notes", "his claims").
fn noun_like(w: &str) -> bool {
    matches!(
        w,
        "note"
            | "notes"
            | "report"
            | "reports"
            | "claim"
            | "claims"
            | "call"
            | "calls"
            | "comment"
            | "comments"
            | "post"
            | "posts"
            | "charge"
            | "charges"
            | "order"
            | "orders"
            | "question"
            | "questions"
            | "demand"
            | "demands"
            | "request"
            | "requests"
            | "estimate"
            | "estimates"
            | "fear"
            | "fears"
            | "hope"
            | "hopes"
            | "signal"
            | "signals"
            | "point"
            | "points"
            | "echo"
            | "echoes"
            | "counter"
            | "show"
            | "shows"
            | "find"
            | "finds"
            | "state"
            | "states"
            | "blog"
            | "label"
            | "brand"
            | "welcome"
            | "praise"
            | "blame"
            | "tweet"
            | "tweets"
            | "promise"
            | "promises"
            | "pledge"
            | "pledges"
            | "threat"
            | "remarks"
            | "warning"
            | "reply"
            | "replies"
            | "response"
            | "answer"
            | "appeal"
            | "appeals"
            | "plea"
            | "dispute"
            | "disputes"
            | "contest"
            | "cry"
            | "cries"
            | "support"
            | "supports"
            | "attack"
            | "attacks"
            | "reporting"
            | "plan"
            | "plans"
            | "push"
            | "press"
            | "feel"
            | "joke"
            | "jokes"
            | "vow"
            | "vows"
            | "worry"
            | "worries"
            | "concern"
            | "concerns"
            | "remark"
    )
}

fn is_cue(doc: &Doc<'_>, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    if t.kind != Kind::Word || !t.flags.has(Flags::CUE) {
        return false;
    }
    let w = doc.word(i);
    // capitalised: "According to", or a past tense opening the sentence before its speaker
    // ("Said Anna Novak, …", "Added Jensen: …")
    if t.cap
        && w != "According"
        && !((w == "Said" || w.ends_with("ed"))
            && sentence_start(doc, i) == i
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == Kind::Word && n.cap))
    {
        return false;
    }
    // the word before, sliced once ("" at the text start, as `doc.word` gives)
    let prev = if i > 0 { doc.word(i - 1) } else { "" };
    // noun uses: "the claims", "his comments", "a call"
    if i > 0 && is_determiner(prev) && !matches!(prev, "that") {
        return false;
    }
    // naming participles: "a group called …", "a new firm dubbed …"
    if matches!(w, "called" | "dubbed" | "labeled" | "labelled" | "branded")
        && (1..=3).any(|d| {
            i >= d
                && matches!(doc.word(i - d), "a" | "an" | "A" | "An" | "another")
                && (i - d + 1..i).all(|j| {
                    doc.tokens
                        .get(j)
                        .is_some_and(|t| t.kind == Kind::Word && !is_filler(doc, j))
                })
        })
        && doc
            .tokens
            .get(i - 1)
            .is_some_and(|p| !p.cap && !p.flags.has(Flags::ROLE_PERSON) && !is_filler(doc, i - 1))
    {
        return false;
    }
    if i > 0
        && (prev == "to" || matches!(prev, "and" | "or") && noun_like(w))
        && !w.ends_with("ed")
        && !matches!(w, "said" | "told")
    {
        return false;
    }
    true
}

/// Whether token `j` can sit before a name inside a noun phrase (titles, roles, determiners).
fn is_np_prefix(doc: &Doc<'_>, j: usize) -> bool {
    doc.tokens.get(j).is_some_and(|t| {
        t.kind == Kind::Word
            && !t.flags.has(Flags::CUE)
            && !matches!(doc.word(j), "who" | "which" | "that" | "and" | "but")
            || doc.is_punct(j, '.')
    })
}

/// Titles, roles, determiners and capitalised words only ("that" is a complementiser here:
/// `“…” that he agrees` starts a clause, not a source).
fn is_strict_np_prefix(doc: &Doc<'_>, j: usize) -> bool {
    doc.tokens.get(j).is_some_and(|t| {
        t.kind == Kind::Word
            && doc.word(j) != "that"
            && (t.cap
                || is_determiner(doc.word(j))
                || t.flags
                    .has(Flags::TITLE | Flags::ROLE_PERSON | Flags::ROLE_COLLECTIVE))
            || doc.is_punct(j, '.')
    })
}

/// Conjunctions, prepositions and other closed-class words that never head a noun phrase.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "into"
            | "about"
            | "as"
            | "than"
            | "then"
            | "so"
            | "if"
            | "because"
            | "while"
            | "when"
            | "where"
            | "after"
            | "before"
            | "since"
            | "until"
            | "over"
            | "under"
            | "between"
            | "against"
            | "through"
            | "during"
            | "without"
            | "within"
            | "also"
            | "not"
            | "only"
            | "just"
            | "very"
            | "more"
            | "most"
            | "less"
            | "such"
            | "same"
            | "other"
            | "own"
            | "all"
            | "any"
            | "each"
            | "both"
            | "few"
            | "many"
            | "much"
            | "some"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "your"
            | "my"
            | "him"
            | "them"
            | "us"
            | "me"
            | "you"
            | "she"
            | "he"
            | "they"
            | "we"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
    )
}

/// Whether the quote opening at token `open` is introduced by a cue and a comma or colon
/// (`… but added, “…”`, `When someone shouted, “…”`): it is then a quotation of its own.
fn introduced_by_cue(doc: &Doc<'_>, open: usize) -> bool {
    open > 1
        && (doc.is_punct(open - 1, ',') || doc.is_punct(open - 1, ':'))
        && (open.saturating_sub(3)..open - 1).any(|j| is_cue(doc, j))
}

/// Whether the quote of `r` is a sentence of its own after a colon or comma: it starts with a
/// capital letter (`… explained it this way: "It is like …"`, `… the night before, “If we …”`).
fn independent_quote(doc: &Doc<'_>, r: &Region) -> bool {
    let open = r.open_tok;
    open > 0
        && (doc.is_punct(open - 1, ':') || doc.is_punct(open - 1, ','))
        && doc
            .src
            .get(r.content.start..r.content.end)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
}

/// Where a mixed quote embedded in its sentence starts: at the reported clause of the nearest
/// cue before the quote (`Although X admitted that he had “…,” he said`), else at the sentence start.
fn embedded_start(
    doc: &Doc<'_>,
    regions: &[Region],
    in_quote: &[bool],
    sent_first: usize,
    open: usize,
) -> usize {
    let lo = sent_first.max(open.saturating_sub(40));
    (lo..open)
        .rev()
        .find(|&j| is_cue(doc, j) && !in_quote.get(j).copied().unwrap_or(false))
        .and_then(|c| content_right(doc, c, regions))
        .map(|(s, _)| s)
        .filter(|&s| s <= open && s > sent_first)
        .unwrap_or(sent_first)
}

/// Whether region `r` is a whole sentence: it opens the sentence and its content ends with a
/// terminal mark right before the closing mark, which ends the sentence (`“That is unacceptable.”`).
fn whole_sentence(doc: &Doc<'_>, r: &Region) -> bool {
    let Some(close) = r.close_tok else {
        return false;
    };
    let starts = sentence_start(doc, r.open_tok) == r.open_tok;
    let terminal = close > 0 && matches!(doc.ch(close - 1), Some('.' | '!' | '?'));
    let sent = doc.tokens.get(close).map_or(0, |t| t.sent);
    let ends = doc.tokens.get(close + 1).is_none_or(|t| t.sent != sent);
    starts && terminal && ends
}

/// Cue verbs that attribute only a clause, never a bare object (`knew the area`, `fired his aide`).
fn needs_clause(w: &str) -> bool {
    matches!(
        w,
        "found"
            | "finding"
            | "felt"
            | "feel"
            | "feels"
            | "knew"
            | "know"
            | "knows"
            | "maintain"
            | "maintains"
            | "maintained"
            | "continued"
            | "continues"
            | "shot"
            | "shoot"
            | "shoots"
            | "shooting"
            | "fired"
            | "fire"
            | "fires"
            | "firing"
            // acts with an object that are not speech: "wrote a book", "sought the nomination",
            // "endorsed Varga", "offered a deal", "pledged $5 million", "decided to run",
            | "write"
            | "writes"
            | "wrote"
            | "writing"
            | "seek"
            | "seeks"
            | "sought"
            | "seeking"
            | "endorse"
            | "endorses"
            | "endorsed"
            | "endorsing"
            | "offer"
            | "offers"
            | "offered"
            | "offering"
            | "pledge"
            | "pledges"
            | "pledged"
            | "pledging"
            | "consider"
            | "considers"
            | "considered"
            | "considering"
            | "decide"
            | "decides"
            | "decided"
            | "deciding"
            // "added 292,000 jobs", "added a second line"
            | "add"
            | "adds"
            | "added"
            | "adding"
    )
}

/// Participles that stay cues after a form of "be": a passive of a tell-verb names the listener
/// ("was told that …", "is expected to …") and adjectival participles state a stance ("is
/// convinced that …").
fn passive_keeps_cue(w: &str) -> bool {
    matches!(
        w,
        "expected"
            | "asked"
            | "told"
            | "announced"
            | "assured"
            | "described"
            | "recognized"
            | "informed"
            | "reminded"
            | "warned"
            | "urged"
            | "worried"
            | "convinced"
            | "concerned"
            | "determined"
            | "pleased"
            | "disappointed"
            | "surprised"
            | "frustrated"
            | "committed"
            | "intended"
    )
}

/// "who asked not to be named", "requested anonymity", "asked to remain anonymous": a source's
/// request not to be named is not what it reports (the content starts at token `s`).
fn asks_anonymity(doc: &Doc<'_>, s: usize) -> bool {
    let w = |i: usize| doc.word(s + i);
    w(0) == "anonymity"
        || (w(0) == "not" && w(1) == "to" && w(2) == "be")
        || (w(0) == "to" && matches!(w(1), "remain" | "stay") && w(2) == "anonymous")
}

/// A word that reads as a finite verb after a noun phrase: an auxiliary, a regular past tense
/// or a common irregular one ("The central bank held …").
fn verb_like(w: &str) -> bool {
    is_auxiliary(w)
        || (w.len() > 4 && w.ends_with("ed"))
        || matches!(
            w,
            "held"
                | "said"
                | "told"
                | "made"
                | "took"
                | "gave"
                | "went"
                | "came"
                | "met"
                | "kept"
                | "left"
                | "won"
                | "lost"
                | "set"
                | "cut"
                | "put"
                | "sent"
                | "saw"
                | "ran"
                | "got"
                | "hit"
                | "began"
                | "spoke"
                | "wrote"
                | "paid"
                | "sold"
                | "bought"
                | "brought"
                | "thought"
                | "felt"
                | "found"
                | "stood"
                | "fell"
                | "rose"
                | "says"
        )
}

/// Whether the content `[s, e)` only points back to something said before ("echoed the
/// sentiment", "repeated those claims", "shared his concerns"): a determiner or possessive and one
/// noun of saying or thinking, which report nothing new, with nothing after it but adverbials
/// ("… those claims on Friday").
fn points_back(doc: &Doc<'_>, s: usize, e: usize) -> bool {
    let sent = doc.tokens.get(s).map_or(0, |t| t.sent);
    e >= s + 2
        && (e == s + 2 || skip_adverbials(doc, s + 2, sent) >= e)
        && matches!(
            doc.word(s),
            "the" | "that" | "this" | "these" | "those" | "his" | "her" | "their" | "its"
        )
        && matches!(
            doc.word(s + 1),
            "sentiment"
                | "sentiments"
                | "view"
                | "views"
                | "remark"
                | "remarks"
                | "comment"
                | "comments"
                | "point"
                | "claim"
                | "claims"
                | "concern"
                | "concerns"
                | "message"
                | "call"
                | "calls"
                | "criticism"
                | "position"
                | "argument"
                | "assessment"
                | "figure"
                | "figures"
                | "account"
                | "characterization"
                | "characterisation"
        )
}

/// Whether the words `[s, e)` that open a sentence before "after" or "before" only measure time
/// ("One month", "Shortly", "Two days", or nothing): the phrase is fronted, and the sentence's
/// subject comes after it.
fn fronted_time(doc: &Doc<'_>, s: usize, e: usize) -> bool {
    const MEASURES: &[&str] = &[
        "a", "one", "two", "three", "few", "several", "just", "shortly", "soon", "long", "only",
        "even", "moments", "minutes", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years",
    ];
    e <= s + 3
        && (s..e).all(|j| {
            doc.tokens.get(j).is_some_and(|t| t.kind == Kind::Number)
                || MEASURES.iter().any(|m| doc.word(j).eq_ignore_ascii_case(m))
        })
}

/// Whether the cue at `c` is a passive participle after a form of "be" (`is considered …`, `was
/// also endorsed …`, `had been stated`): the subject is not the source.
fn is_passive(doc: &Doc<'_>, c: usize) -> bool {
    let w = doc.word(c);
    // "Told of the ruling, she said …": something was put to the subject ("Asked whether …"
    // has its own path in `attribute`)
    if matches!(
        w,
        "Pressed" | "Questioned" | "Challenged" | "Told" | "Informed"
    ) && sentence_start(doc, c) == c
    {
        return true;
    }
    // "is expected to …" / "… that …" reports an expectation; "is expected any day now" none
    let keeps_cue =
        passive_keeps_cue(w) && (w != "expected" || matches!(doc.word(c + 1), "to" | "that"));
    let participle = (w.ends_with("ed")
        || matches!(
            w,
            "written" | "known" | "thought" | "shown" | "seen" | "heard" | "given" | "sought"
        ))
        && !keeps_cue;
    if !participle {
        return false;
    }
    let mut j = c;
    // up to two adverbs between the auxiliary and the participle
    for _ in 0..3 {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        let pw = doc.word(p);
        if matches!(pw, "is" | "are" | "was" | "were" | "be" | "been" | "being") {
            return doc.tokens.get(p).is_some_and(|t| t.kind == Kind::Word);
        }
        let adverb = matches!(
            pw,
            "also" | "not" | "never" | "widely" | "already" | "then" | "now" | "still" | "long"
        ) || (pw.len() > 4 && pw.ends_with("ly"));
        if !adverb {
            return false;
        }
        j = p;
    }
    false
}

/// Whether token `j` can be an unlisted verb of attribution: a lower-case past tense ("barked").
fn loose_past(doc: &Doc<'_>, j: usize) -> bool {
    doc.tokens.get(j).is_some_and(|t| {
        let w = doc.word(j);
        t.kind == Kind::Word
            && !t.cap
            && w.len() > 4
            && w.ends_with("ed")
            && w.bytes().all(|b| b.is_ascii_lowercase())
    })
}

/// The verb of an attribution right after a quotation that ends on a comma, when it is no listed
/// cue: a lower-case past tense after the speaker ("Varga barked", "the crowd roared") or
/// before a name ("groaned Varga"). `k` is the first token after the closing mark.
fn loose_cue(doc: &Doc<'_>, at: &mut Attributor<'_, '_>, k: usize) -> Option<usize> {
    let past = |j: usize| loose_past(doc, j);
    let first = doc.tokens.get(k)?;
    if first.kind != Kind::Word {
        return None;
    }
    // inverted: "groaned Varga"
    if past(k) {
        return at.name_starting(k + 1).map(|_| k);
    }
    // a name: "Varga barked", "Mayor Ines Varga snapped"
    if let Some(m) = at
        .name_starting(k)
        .and_then(|mi| at.people.mentions.get(mi))
    {
        let e = m.tok_end;
        return past(e).then_some(e);
    }
    // a pronoun or a short noun phrase: "she snapped", "the crowd roared"
    if matches!(doc.word(k), "he" | "she" | "they" | "He" | "She" | "They") {
        return past(k + 1).then_some(k + 1);
    }
    if !is_determiner(doc.word(k)) {
        return None;
    }
    (k + 1..k + 4)
        .take_while(|&j| {
            doc.tokens
                .get(j)
                .is_some_and(|t| t.kind == Kind::Word && !t.flags.has(Flags::CUE))
        })
        .find(|&j| j > k + 1 && past(j))
}

/// Conjunctions that open a subordinate clause before the main clause (`While X said …, Y …`).
fn is_subordinator(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    is_subordinating_conjunction(&w) || w == "whereas"
}

/// Where the reported clause `[s, e)` of the cue at `c` ends when the cue sits in a fronted
/// subordinate clause (`Although Lind has criticized the plan for X, the council …`) or in a relative
/// clause (`Lind, who has argued that X, voted …`): the comma that closes
/// that clause ends the content, since the main clause follows it.
fn subordinate_end(doc: &Doc<'_>, regions: &[Region], c: usize, s: usize, e: usize) -> usize {
    let first = sentence_start(doc, c);
    let mut k = first;
    // (a few opening marks at most: the scan stays bounded in a sentence of punctuation)
    while k < c.min(first + 4)
        && doc
            .tokens
            .get(k)
            .is_some_and(|t| t.kind != Kind::Word && t.kind != Kind::Number)
    {
        k += 1;
    }
    if matches!(doc.word(k), "But" | "And" | "Yet" | "So") {
        k += 1;
    }
    let fronted = k < c && is_subordinator(doc.word(k));
    // ", who …" / ", which …" with no comma between it and the cue
    let relative = (first..c)
        .rev()
        .take(40)
        .take_while(|&j| !doc.is_punct(j, ','))
        .any(|j| {
            matches!(doc.word(j), "who" | "which" | "whose") && j > 0 && doc.is_punct(j - 1, ',')
        });
    // "Like other owners who say the season was good, X …": a relative clause in an opening
    // phrase
    let in_opening = k < c
        && matches!(
            doc.word(k),
            "Like" | "Unlike" | "Among" | "Despite" | "With" | "For" | "Of" | "To" | "In"
        )
        && (k + 1..c)
            .take_while(|&j| !doc.is_punct(j, ','))
            .any(|j| matches!(doc.word(j), "who" | "which" | "that"));
    if !(fronted || relative || in_opening) {
        return e;
    }
    // the first comma outside quotation marks, or one right before a closing mark (`had
    // “been friends for years,” she …`)
    (s + 1..e)
        .find(|&j| {
            doc.is_punct(j, ',')
                && (!inside_region(regions, j)
                    || doc.tokens.get(j + 1).is_some_and(|t| t.kind == Kind::Quote))
        })
        .map_or(e, |j| if inside_region(regions, j) { j + 1 } else { j })
}

/// Whether tokens `[s, e)` look like a clause: a complementiser, wh-word or subject pronoun first,
/// or an auxiliary among the first ten words.
fn clause_like(doc: &Doc<'_>, s: usize, e: usize) -> bool {
    let first = doc.word(s).to_ascii_lowercase();
    // a pronoun with its verb contracted ("it's", "they’re", "we'll") is the pronoun
    let first = first.split(['\'', '’']).next().unwrap_or("");
    if matches!(
        first,
        "that"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "there"
            | "this"
            | "these"
            | "those"
            | "whether"
            | "if"
            | "how"
            | "what"
            | "why"
            | "when"
            | "where"
            | "who"
    ) {
        return true;
    }
    (s + 1..e.min(s + 10)).any(|j| {
        is_auxiliary(doc.word(j))
            || matches!(
                doc.word(j),
                "isn't" | "wasn't" | "won't" | "didn't" | "doesn't" | "can't" | "hasn't"
            )
    })
}

/// Whether a cue follows the closing mark of `r` in the same sentence (`“…,” John Carter said.`).
fn has_own_cue(doc: &Doc<'_>, r: &Region) -> bool {
    let Some(close) = r.close_tok else {
        return false;
    };
    let sent = doc.tokens.get(close).map_or(0, |t| t.sent);
    let mut k = close + 1;
    while doc.is_punct(k, ',') {
        k += 1;
    }
    (k..k + 8)
        .take_while(|&j| {
            doc.tokens
                .get(j)
                .is_some_and(|t| t.sent == sent && t.kind != Kind::Quote)
        })
        .any(|j| is_cue(doc, j))
}

fn is_according(doc: &Doc<'_>, i: usize) -> bool {
    // length first: most tokens are rejected without slicing the text
    doc.tokens.get(i).is_some_and(|t| t.end() - t.start() == 9)
        && matches!(doc.word(i), "according" | "According")
        && doc.word(i + 1) == "to"
}

/// Runs attribution; returns quotes (unsorted) and the attributor with its entities and mentions.
pub fn attribute<'d, 'a>(
    doc: &'d Doc<'a>,
    regions: &[Region],
    people: People,
) -> (Vec<RawQuote>, Attributor<'d, 'a>) {
    let mut at = Attributor::new(doc, people);
    let n = doc.tokens.len();
    let mut in_quote = vec![false; n];
    for r in regions {
        let end = r
            .close_tok
            .unwrap_or_else(|| doc.first_at_or_after(r.outer.end))
            .min(n);
        for f in in_quote.iter_mut().take(end).skip(r.open_tok) {
            *f = true;
        }
    }
    let mut used_cue = vec![false; n];
    let mut out = QuoteList::with_capacity(n);
    // per region: Some(index into out) when attributed
    let mut region_quote: Vec<Option<usize>> = vec![None; regions.len()];
    let mut last_src: Option<(Source, u32, usize)> = None; // (source, para, attribution)

    for (ri, r) in regions.iter().enumerate() {
        let open = r.open_tok;
        let para = doc.tokens.get(open).map_or(0, |t| t.para);
        let sent_first = sentence_start(doc, open);
        let clause_initial = open == sent_first
            || doc
                .tokens
                .get(open.wrapping_sub(1))
                .is_none_or(|p| p.para != para)
            || matches!(
                doc.ch(open.wrapping_sub(1)),
                Some(':' | '—' | '(' | '.' | '!' | '?')
            );
        let mut found: Option<(Option<Source>, Option<usize>, QuoteKind, Span)> = None;
        // split continuation: previous region in this paragraph was attributed and only
        // ", he said," lies between
        if let Some(prev) = ri.checked_sub(1).and_then(|p| regions.get(p)) {
            if let (Some(pc), Some(Some(pq))) = (prev.close_tok, region_quote.get(ri - 1)) {
                let same_para = doc.tokens.get(pc).is_some_and(|t| t.para == para);
                if same_para
                    && open > pc
                    && open - pc <= 12
                    && (open == pc + 1
                        || doc.is_punct(open - 1, ',')
                        || doc.is_punct(open - 1, ':')
                        || doc.is_punct(open - 1, '.'))
                {
                    if let Some(q) = out.get(*pq).copied() {
                        let between_has_cue = (pc + 1..open)
                            .any(|k| used_cue.get(k).copied().unwrap_or(false) || is_cue(doc, k));
                        if between_has_cue
                            && q.kind == QuoteKind::Direct
                            && !(doc.is_punct(open - 1, '.') && has_own_cue(doc, r))
                        {
                            out.push(RawQuote {
                                span: r.content,
                                kind: QuoteKind::Direct,
                                ..q
                            });
                            region_quote[ri] = Some(out.len() - 1);
                            continue;
                        }
                    }
                }
            }
        }
        // post pattern
        if let Some(close) = r.close_tok {
            let mut k = close + 1;
            // the second apostrophe of a '' closing mark
            if doc.is_punct(k, '\'')
                && doc
                    .tokens
                    .get(close)
                    .zip(doc.tokens.get(k))
                    .is_some_and(|(a, b)| a.end() == b.start())
            {
                k += 1;
            }
            while doc.is_punct(k, ',') || doc.is_punct(k, '—') || doc.is_punct(k, '–') {
                k += 1;
            }
            let close_sent = doc.tokens.get(close).map_or(0, |t| t.sent);
            // an exclamation or a question goes on with its attribution even when a capital
            // follows ("“Perpetual motion!” Rep. Ines Varga said")
            // (a quotation that opens its sentence: one after a cue has its speaker before it,
            // "X responds with, “Why now?” Y writes back")
            let exclaimed = close > 0
                && (doc.is_punct(close - 1, '!') || doc.is_punct(close - 1, '?'))
                && sentence_start(doc, open) == open;
            let same = doc.tokens.get(k).is_some_and(|t| {
                t.para == para && (t.sent == close_sent || !t.cap || exclaimed || is_cue(doc, k))
            });
            if same {
                let mut c = k;
                let lim = k + 14;
                let mut cue = None;
                // inside brackets a period is an abbreviation: "Rep. X (R-Fla.) said"
                let mut bracket = false;
                while c < lim {
                    let Some(t) = doc.tokens.get(c) else { break };
                    if doc.is_punct(c, '(') {
                        bracket = true;
                    } else if doc.is_punct(c, ')') {
                        bracket = false;
                    }
                    let abbrev_dot = doc.is_punct(c, '.')
                        && c > 0
                        && (bracket
                            || doc.tokens.get(c - 1).is_some_and(|p| {
                                p.end() == t.start()
                                    && p.kind == Kind::Word
                                    && (p.flags.has(Flags::TITLE) || p.end() - p.start() == 1)
                            }));
                    if !abbrev_dot
                        && (t.para != para
                            || t.kind == Kind::Quote
                            || matches!(doc.ch(c), Some('.' | '!' | '?' | ';')))
                    {
                        break;
                    }
                    // (a participle right after the quotation opens a new clause of the same
                    // speaker, "“…,” adding that …": it names no speaker after it)
                    if c == k && doc.word(c).ends_with("ing") {
                        break;
                    }
                    if is_cue(doc, c) || is_according(doc, c) {
                        cue = Some(c);
                        break;
                    }
                    c += 1;
                }
                // a quotation that ends on a comma, "?" or "!" goes on with its attribution:
                // a past tense next to the speaker is then the cue ("“Go home,” Varga barked")
                if cue.is_none()
                    && close > 0
                    && (doc.is_punct(close - 1, ',')
                        || doc.is_punct(close - 1, '?')
                        || doc.is_punct(close - 1, '!'))
                {
                    cue = loose_cue(doc, &mut at, k);
                }
                if let Some(c) = cue {
                    let src = if is_according(doc, c) {
                        at.subject_right(c + 1)
                    } else if c == k {
                        at.subject_right(c)
                    } else {
                        at.subject_left(c).filter(|s| {
                            let name = at.is_name(s);
                            // a name in apposition after a description: "the diocese
                            // spokesman, Marco Ferri, told" (words of a noun phrase with
                            // a role word before the comma: "of" but no other function word)
                            let head = k..s.tok_start.saturating_sub(1);
                            let apposed = name
                                && s.tok_start > k + 1
                                && head.len() <= 8
                                && doc.is_punct(s.tok_start - 1, ',')
                                && is_strict_np_prefix(doc, k)
                                && (head.len() <= 3
                                    || head.clone().any(|j| {
                                        doc.tokens.get(j).is_some_and(|t| {
                                            t.flags.has(
                                                Flags::TITLE
                                                    | Flags::ROLE_PERSON
                                                    | Flags::ROLE_COLLECTIVE,
                                            )
                                        })
                                    }))
                                && head.clone().all(|j| {
                                    is_strict_np_prefix(doc, j)
                                        || doc.tokens.get(j).is_some_and(|t| {
                                            t.kind == Kind::Word
                                                && !t.flags.has(Flags::CUE)
                                                && (doc.word(j) == "of"
                                                    || !is_function_word(doc.word(j)))
                                        })
                                });
                            s.tok_start >= k
                                && (apposed
                                    || (k..s.tok_start).all(|j| {
                                        if name {
                                            is_np_prefix(doc, j)
                                        } else {
                                            is_strict_np_prefix(doc, j)
                                        }
                                    }))
                        })
                    };
                    // `“…,” said a harbour veteran.`: the words after the cue are the source even
                    // when they are no known name or description
                    let comma_end = doc
                        .src
                        .get(..r.content.end)
                        .is_some_and(|x| x.ends_with(','));
                    let src = match src {
                        None if c == k && comma_end && !is_according(doc, c) => at.np_after(c + 1),
                        s => s,
                    };
                    if src.is_some() {
                        used_cue[c] = true;
                        // `“…,” X said, according to Y.`: the quote and its attribution are
                        // together the content of the outer attribution
                        let sent_c = doc.tokens.get(c).map_or(0, |t| t.sent);
                        let outer = (c + 1..c + 14)
                            .take_while(|&j| {
                                doc.tokens.get(j).is_some_and(|t| {
                                    t.sent == sent_c && t.kind != Kind::Quote && t.para == para
                                })
                            })
                            .find(|&j| doc.is_punct(j, ',') && is_according(doc, j + 1))
                            .filter(|_| !is_according(doc, c))
                            .and_then(|j| doc.tokens.get(j - 1));
                        if let (true, Some(last)) = (clause_initial, outer) {
                            let span = Span::new(r.content.start, last.end());
                            found = Some((src, Some(c), QuoteKind::Mixed, span));
                        } else if clause_initial
                            || introduced_by_cue(doc, open)
                            || independent_quote(doc, r)
                        {
                            found = Some((src, Some(c), QuoteKind::Direct, r.content));
                        } else {
                            let start = embedded_start(doc, regions, &in_quote, sent_first, open);
                            if start == sent_first
                                && content_right(doc, c, regions).is_some_and(|(cs, _)| cs > c)
                            {
                                // an embedded quotation before a cue with its own clause is no
                                // content of it: `on “Harbour Hour,” Rep. X said the plan …`
                                used_cue[c] = false;
                            } else if let Some(t0) = doc.tokens.get(start) {
                                let span = Span::new(t0.start(), r.content.end);
                                found = Some((src, Some(c), QuoteKind::Mixed, span));
                            }
                        }
                    }
                }
            }
        }
        // pre pattern: SPEAKER CUE[:|,] "…"
        if found.is_none() && open > 0 {
            let mut k = open - 1;
            let intro = doc.is_punct(k, ':') || doc.is_punct(k, ',') || doc.is_punct(k, '—');
            // "Reporter X says:" ending the previous paragraph
            let colon_para =
                doc.is_punct(k, ':') && doc.tokens.get(k).is_some_and(|t| t.para + 1 == para);
            if intro {
                k = k.saturating_sub(1);
            }
            let lo = open.saturating_sub(if intro { 30 } else { 3 });
            let mut c = k;
            let mut cue = None;
            while c >= lo && c > 0 {
                let Some(t) = doc.tokens.get(c) else { break };
                if (t.para != para && !colon_para)
                    || t.kind == Kind::Quote
                    || matches!(doc.ch(c), Some('.' | '!' | '?' | ';'))
                {
                    break;
                }
                if is_cue(doc, c) || is_according(doc, c) {
                    cue = Some(c);
                    break;
                }
                c -= 1;
            }
            // "Varga resisted: “…”": an unlisted past tense right after its speaker and before
            // the colon
            if cue.is_none() && doc.is_punct(open - 1, ':') && open >= 3 {
                let v = open - 2;
                let speaker_before = at.name_ending(v - 1).is_some()
                    || matches!(doc.word(v - 1), "he" | "she" | "He" | "She");
                if speaker_before && loose_past(doc, v) {
                    cue = Some(v);
                }
            }
            if let Some(c) = cue {
                // a verb that only ever introduces a quotation needs no mark before it:
                // `the crowd chanted “…”`
                if !used_cue[c] && (intro || bare_quote_cue(doc, c, open)) {
                    let src = at
                        .source_of(c)
                        .or_else(|| at.sentence_subject(c))
                        .or_else(|| last_src.filter(|l| l.1 + 1 >= para).map(|l| l.0));
                    used_cue[c] = true;
                    // words between the cue and the colon make it a mixed quote: `adds that X: "…"`
                    let between = content_right(doc, c, regions)
                        .map(|(s, _)| s)
                        .filter(|&s| s < open);
                    let words = between.map_or(0, |s| {
                        (s..open)
                            .filter(|&j| doc.tokens.get(j).is_some_and(|t| t.kind == Kind::Word))
                            .count()
                    });
                    match between.and_then(|s| at.span_of(s, open)) {
                        Some(sp)
                            if words >= 2
                                && !is_according(doc, c)
                                && (!independent_quote(doc, r)
                                    || (!colon_para
                                        && between.is_some_and(|s| doc.word(s) == "that"))) =>
                        {
                            found = Some((
                                src,
                                Some(c),
                                QuoteKind::Mixed,
                                Span::new(sp.start, r.content.end),
                            ));
                        }
                        _ => found = Some((src, Some(c), QuoteKind::Direct, r.content)),
                    }
                }
            } else if doc.is_punct(open - 1, ':') && independent_quote(doc, r) {
                // "Mayor X issued a brief message: “…”", "X has since regretted the delay: “…”":
                // a sentence whose subject opens it introduces the quotation with its colon
                let colon = open - 1;
                let first = sentence_start(doc, colon);
                let subject = at
                    .sentence_subject(colon)
                    .filter(|s| s.tok_start <= first + 3 && s.tok_end < colon)
                    .filter(|s| {
                        doc.tokens
                            .get(s.tok_end)
                            .is_some_and(|t| t.kind == Kind::Word && !t.cap)
                    });
                if let Some(src) = subject {
                    found = Some((Some(src), None, QuoteKind::Direct, r.content));
                }
            }
        }
        // continued paragraph
        if found.is_none() && r.continued {
            if let Some(Some(pq)) = ri.checked_sub(1).and_then(|p| region_quote.get(p)) {
                if let Some(q) = out.get(*pq).copied() {
                    out.push(RawQuote {
                        span: r.content,
                        kind: QuoteKind::Direct,
                        ..q
                    });
                    region_quote[ri] = Some(out.len() - 1);
                    continue;
                }
            }
        }
        // floating: the paragraph is the quote
        let para_first = open == 0 || doc.tokens.get(open - 1).is_none_or(|p| p.para != para);
        if found.is_none() && para_first && r.words >= 3 {
            if let Some((s, lp, attr)) = last_src {
                if para.saturating_sub(lp) <= 1 {
                    out.push(RawQuote {
                        span: r.content,
                        kind: QuoteKind::Direct,
                        source: Some(s),
                        cue: None,
                        attribution: attr,
                    });
                    region_quote[ri] = Some(out.len() - 1);
                    last_src = Some((s, para, attr));
                    continue;
                }
            }
        }
        if let Some((src, cue, mut kind, mut span)) = found {
            // `said: "Q" before the incident`: the sentence goes on after the quote, so it is mixed
            // (not after a verb that only introduces quotations: `chanted “…” after the vote`)
            if kind == QuoteKind::Direct && !cue.is_some_and(|c| bare_quote_cue(doc, c, r.open_tok))
            {
                if let Some(close) = r.close_tok {
                    let ends_punct = doc
                        .src
                        .get(..r.content.end)
                        .and_then(|x| x.chars().next_back())
                        .is_some_and(|ch| matches!(ch, '.' | ',' | '!' | '?' | ';' | ':'));
                    let nx = doc.tokens.get(close + 1);
                    let continues = nx.is_some_and(|t| {
                        t.kind == Kind::Word
                            && !t.cap
                            && t.sent == doc.tokens.get(close).map_or(u32::MAX, |c| c.sent)
                            && !t.flags.has(Flags::CUE)
                            && !matches!(
                                doc.word(close + 1),
                                "he" | "she" | "they" | "it" | "we" | "i"
                            )
                    });
                    if !ends_punct && continues {
                        let e = clause_cut(
                            doc,
                            regions,
                            close + 1,
                            sentence_end(doc, close + 1).min(close + 120),
                        );
                        if let Some(sp) = at.span_of(close + 1, e) {
                            span = Span::new(span.start, sp.end);
                            kind = QuoteKind::Mixed;
                        }
                    }
                }
            }
            let attribution = at.new_attr();
            let cue_span = cue.and_then(|c| {
                if is_according(doc, c) {
                    at.span_of(c, c + 2)
                } else {
                    at.span_of(c, c + 1)
                }
            });
            out.push(RawQuote {
                span,
                kind,
                source: src,
                cue: cue_span,
                attribution,
            });
            region_quote[ri] = Some(out.len() - 1);
            if let Some(s) = src {
                last_src = Some((s, para, attribution));
            }
        }
    }

    // reported speech from remaining cues
    let mut i = 0;
    // the comma after the last attribution that closed a clause (`…, the mayor said,`) and its
    // source: a participle or coordinated cue right after it (`adding that …`, `but added that …`)
    // has the same speaker
    let mut chained: Option<(usize, Source)> = None;
    while i < n {
        if in_quote.get(i).copied().unwrap_or(false) || used_cue.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        // only a cue word, "according" (9 bytes) or "Asked" (5) goes on: reject the others on
        // their token alone
        if doc.tokens.get(i).is_none_or(|t| {
            t.kind != Kind::Word
                || (!t.flags.has(Flags::CUE)
                    && t.end() - t.start() != 9
                    && t.end() - t.start() != 5)
        }) {
            i += 1;
            continue;
        }
        // "Asked whether …, she said": the question is reported content
        if doc.word(i) == "Asked" && sentence_start(doc, i) == i {
            let sent = doc.tokens.get(i).map_or(0, |t| t.sent);
            let mut s = i + 1;
            if doc.word(s) == "by" {
                while doc.tokens.get(s).is_some_and(|t| t.sent == sent)
                    && s < i + 10
                    && !matches!(
                        doc.word(s),
                        "whether" | "if" | "what" | "about" | "how" | "why" | "who" | "when" | "to"
                    )
                {
                    s += 1;
                }
            }
            let mut e = s;
            while doc.tokens.get(e).is_some_and(|t| t.sent == sent)
                && !doc.is_punct(e, ',')
                && e < s + 60
            {
                e += 1;
            }
            // (a topic or a request is no question: "Asked about the ferry, …", "Asked to
            // comment, …")
            let topic = matches!(doc.word(s), "about" | "to" | "for" | "on");
            if e > s + 1 && doc.is_punct(e, ',') && !topic {
                let cue = at.span_of(i, i + 1);
                let e = comment_end(doc, regions, s, e);
                push_clause(&mut at, &mut out, regions, (s, e), None, cue, None);
            }
            i += 1;
            continue;
        }
        let according = is_according(doc, i);
        if !according && !is_cue(doc, i) {
            i += 1;
            continue;
        }
        let c = i;
        i += 1;
        let sent = doc.tokens.get(c).map_or(0, |t| t.sent);
        if according {
            // "According to a Congressional Budget Office analysis released Monday, …": at a
            // sentence start, the words up to the comma are the source when no shorter noun
            // phrase ends at it
            let first = at.subject_right(c + 1);
            // (the run of words to the sentence's end, looked for only when it can serve)
            let to_end = if first.is_none() && sentence_start(doc, c) != c {
                words_to_sentence_end(doc, c + 2)
            } else {
                None
            };
            let src = match first {
                Some(s) if doc.is_punct(s.tok_end, ',') || sentence_start(doc, c) != c => Some(s),
                // "…, according to the Associated Press.", "…, according to his Instagram
                // account.", "… according to a fresh survey published Friday.": after the sentence
                // start, the words up to the sentence's end are the source when no noun phrase
                // was found
                None if to_end.is_some() => to_end.and_then(|e| at.org_source(c + 2, e, false)),
                _ => {
                    let comma = (c + 3..c + 16)
                        .take_while(|&j| {
                            doc.tokens.get(j).is_some_and(|t| {
                                t.sent == sent && (t.kind == Kind::Word || t.kind == Kind::Number)
                                    || doc.is_punct(j, ',')
                            })
                        })
                        .find(|&j| doc.is_punct(j, ','));
                    comma.and_then(|e| at.org_source(c + 2, e, false)).or(first)
                }
            };
            let Some(src) = src else {
                continue;
            };
            let after = src.tok_end;
            // "Since May, according to X, prices have risen": two fragments of one statement
            if c > 0
                && doc.is_punct(c - 1, ',')
                && !apposition_after(doc, after + 1)
                && push_interrupted(&mut at, &mut out, regions, c - 1, after, src, c..c + 2)
            {
                continue;
            }
            // "…, according to X, a research group.": the words after the source describe it;
            // the content is the clause before
            let mid_sentence = c > 0 && doc.is_punct(c - 1, ',') && sentence_start(doc, c) + 3 < c;
            let content = if doc.is_punct(after, ',')
                && doc.tokens.get(after + 1).is_some_and(|t| t.sent == sent)
                && !mid_sentence
            {
                let s = after + 1;
                let e = extend_over_regions(regions, s, sentence_end(doc, s));
                let e = comment_end(doc, regions, s, e);
                (e > s + 1).then_some((s, e))
            } else if c > 0 && doc.is_punct(c - 1, ',') {
                content_left(doc, c - 1)
            } else if c > 0 && sentence_start(doc, c) < c {
                // "Varga leads by 40 seats according to figures from …"
                content_left(doc, c)
            } else {
                None
            };
            if let Some((s, e)) = content {
                let cue = at.span_of(c, c + 2);
                push_clause(&mut at, &mut out, regions, (s, e), Some(src), cue, None);
            }
            continue;
        }
        let word = doc.word(c);
        // a passive participle ("is considered a battleground", "was endorsed by …"): its
        // subject is not a source
        if is_passive(doc, c) {
            continue;
        }
        // "he answered a question": no reported clause after it (the words before it may be one)
        let quote_only = doc
            .tokens
            .get(c)
            .is_some_and(|t| t.flags.has(Flags::CUE_QUOTE_ONLY));
        let participle = word.ends_with("ing")
            && c > 0
            && (doc.is_punct(c - 1, ',')
                || sentence_start(doc, c) == c
                // "… before claiming that …": the sentence's subject claims
                // (not "After announcing …, X said", "Two weeks after announcing …, X said": a
                // fronted clause)
                || (matches!(doc.word(c - 1), "before" | "after")
                    && !fronted_time(doc, sentence_start(doc, c), c - 1))
                // "… responded by saying …": the sentence's subject says it
                || (doc.word(c - 1) == "by" && c >= 2 && !doc.is_punct(c - 2, ',')));
        let after_break = c > 0
            && (doc.is_punct(c - 1, ',')
                || doc.tokens.get(c - 1).is_some_and(|t| t.kind == Kind::Quote));
        let right_name = if after_break {
            at.subject_right(c).filter(|s| {
                let a = skip_adverbials(doc, s.tok_end, sent);
                at.is_name(s)
                    && doc.tokens.get(a).is_none_or(|t| {
                        t.sent != sent
                            || matches!(doc.ch(a), Some('.' | ',' | ';' | '!' | '?' | '('))
                    })
            })
        } else {
            None
        };
        let chain = chained
            .filter(|&(k, _)| {
                k + 1 == c || (k + 2 == c && matches!(doc.word(c - 1), "and" | "but"))
            })
            .map(|(_, s)| s);
        let (src, inverted) = if chain.is_some() {
            (chain, false)
        } else if participle {
            (at.sentence_subject(c), false)
        } else if right_name.is_some() {
            (right_name, true)
        } else {
            match at.subject_left(c) {
                Some(s) => (Some(s), false),
                // a coordinated verb ("slammed the plan and accused X of …") shares the subject
                None if c > 0 && matches!(doc.word(c - 1), "and" | "but" | "then") => {
                    (at.sentence_subject(c).or_else(|| at.opening_org(c)), false)
                }
                None => match at.subject_right(c) {
                    Some(s) => (Some(s), true),
                    None if c > 0 && matches!(doc.word(c - 1), "and" | "but" | "then") => {
                        (at.sentence_subject(c).or_else(|| at.opening_org(c)), false)
                    }
                    None => (None, false),
                },
            }
        };
        let Some(src) = src else { continue };
        // "Mary Brewer, a former governor, calls …": a name and its apposition before the cue
        let apposed_name = !inverted && c > 0 && doc.is_punct(c - 1, ',') && at.is_name(&src);
        if noun_like(word)
            && (at.people.entities.get(src.entity).is_some_and(|e| e.org)
                || (src.tok_end != c && !apposed_name)
                || inverted)
        {
            continue;
        }
        // a possessive before a cue form is a noun phrase ("Varga’s claims"), a pronoun with a
        // contracted auxiliary is a subject ("He’s predicting …")
        if c > 0
            && (doc.word(c - 1).ends_with("'s") || doc.word(c - 1).ends_with("’s"))
            && !matches!(
                strip_possessive(doc.word(c - 1)),
                "he" | "she" | "He" | "She" | "it" | "It"
            )
        {
            continue;
        }
        // sentence-final attribution: "…, X said." / "…, said X."
        let after = if inverted { src.tok_end } else { c + 1 };
        let mut after = skip_adverbials(doc, after, sent);
        // "…, Hale told reporters.": the listener does not stop a sentence-final attribution
        if !inverted && takes_object(word) && is_object_pronoun(doc.word(after)) {
            after = skip_adverbials(doc, after + 1, sent);
        }
        // "…, Varga said Tuesday in Lyon."
        if let Some(e) = place_end(doc, after, sent) {
            after = e;
        }
        let at_end = doc.tokens.get(after).is_none_or(|t| {
            t.sent != sent || matches!(doc.ch(after), Some('.' | '!' | '?' | ',' | ';'))
        });
        let before = if inverted {
            c
        } else {
            at.subject_head_start(&src, c)
        };
        let comma_before = before > 0
            && (doc.is_punct(before - 1, ',')
                || doc
                    .tokens
                    .get(before - 1)
                    .is_some_and(|t| t.kind == Kind::Quote));
        // an attribution inside the sentence ("The council, the mayor said, will cut fares."): the
        // words before and after it are two fragments of one reported statement
        // (not after an inverted "said X,": what follows the name describes it)
        if at_end
            && comma_before
            && !inverted
            && push_interrupted(&mut at, &mut out, regions, before - 1, after, src, c..c + 1)
        {
            continue;
        }
        if at_end && comma_before && doc.is_punct(after, ',') {
            chained = Some((after, src));
        }
        let content = if at_end && comma_before {
            content_left(doc, before - 1)
        } else if !inverted && !quote_only {
            // perception and stance verbs report only a clause: "found that …", not "found itself"
            content_right(doc, c, regions)
                .filter(|&(s, e)| {
                    !needs_clause(word)
                        || clause_like(doc, s, e)
                        // a promise reports what is promised: "pledged to oppose the plan"
                        || (word.starts_with("pledg") && doc.word(s) == "to")
                })
                .filter(|&(s, e)| !asks_anonymity(doc, s) && !points_back(doc, s, e))
                .map(|(s, e)| (s, subordinate_end(doc, regions, c, s, e)))
        } else {
            None
        };
        let Some((s, e)) = content else { continue };
        let cue = at.span_of(c, c + 1);
        push_clause(&mut at, &mut out, regions, (s, e), Some(src), cue, None);
    }

    // "Dana Kerr: I'd back the pier.": a sentence that opens with a name and a colon (a
    // headline, a line of a transcript) gives what follows, up to the next such label or the
    // paragraph end, as that person's words
    // (the name's source and the colon's token; a bracket may come between: "Rep. Ann Holm
    // (D-Vt.): …")
    let name_label = |at: &Attributor<'_, '_>, k: usize| {
        // (after titles: capitalised words and abbreviation periods, "Rep. Ann Holm")
        let title = |j: usize| {
            doc.is_punct(j, '.')
                || doc
                    .tokens
                    .get(j)
                    .is_some_and(|t| t.kind == Kind::Word && t.cap)
        };
        let src = (k..k + 5)
            .take_while(|&j| j == k || title(j - 1))
            .find_map(|j| at.name_starting(j))
            .and_then(|m| at.people.mentions.get(m))
            .map(Source::of)?;
        let mut colon = src.tok_end;
        if doc.is_punct(colon, '(') {
            colon = (colon + 1..colon + 8).find(|&j| doc.is_punct(j, ')'))? + 1;
        }
        doc.is_punct(colon, ':').then_some((src, colon))
    };
    for (si, &(k, _)) in doc.sents.iter().enumerate() {
        let Some((src, colon)) = name_label(&at, k) else {
            continue;
        };
        let para = doc.tokens.get(k).map_or(0, |t| t.para);
        let s = colon + 1;
        // the next sentence of the paragraph that opens with a label, or the paragraph end
        let mut end = s;
        for &(a, b) in doc.sents.get(si + 1..).unwrap_or(&[]) {
            // (a label of one to three capitalised words, whether or not taken for a name)
            let labelled = (1..=3).any(|m| {
                doc.is_punct(a + m, ':')
                    && (a..a + m).all(|j| {
                        doc.tokens
                            .get(j)
                            .is_some_and(|t| t.kind == Kind::Word && t.cap)
                    })
            });
            if doc.tokens.get(a).is_none_or(|t| t.para != para) || labelled {
                break;
            }
            end = b;
        }
        let mut e = end.max(doc.sents.get(si).map_or(s, |&(_, b)| b));
        while e > s
            && doc.tokens.get(e - 1).is_some_and(|t| {
                (t.kind == Kind::Punct || t.kind == Kind::Quote)
                    && matches!(
                        doc.ch(e - 1),
                        Some('.' | '!' | '?' | ',' | ';' | ':' | '”' | '’' | '"' | '\'')
                    )
            })
        {
            e -= 1;
        }
        if speech_after_colon(doc, regions, s, e) {
            let cue = at.span_of(colon, colon + 1);
            push_clause(&mut at, &mut out, regions, (s, e), Some(src), cue, None);
        }
    }

    // leftover quotes: a clause-initial long quote is direct; an embedded one makes its sentence mixed
    for (ri, r) in regions.iter().enumerate() {
        let whole = whole_sentence(doc, r);
        if region_quote.get(ri).copied().flatten().is_some()
            || (r.words < 4 && !(whole && r.words >= 2))
            || r.single
        {
            continue;
        }
        if out.any_overlapping(r.content.start, r.content.end, |_| true) {
            continue;
        }
        let open = r.open_tok;
        let para = doc.tokens.get(open).map_or(0, |t| t.para);
        let sent_first = sentence_start(doc, open);
        let clause_initial = open == sent_first
            || doc
                .tokens
                .get(open.wrapping_sub(1))
                .is_none_or(|p| p.para != para)
            || matches!(
                doc.ch(open.wrapping_sub(1)),
                Some(':' | '—' | '(' | '.' | '!' | '?')
            );
        let prev = out
            .previous_with_source(r.content.start)
            .and_then(|q| q.source.map(|s| (s, q.attribution)));
        let mut src = prev.filter(|(s, _)| {
            doc.tokens
                .get(s.tok_start)
                .is_some_and(|t| para.saturating_sub(t.para) <= 2)
        });
        // a cue earlier in the same sentence names the speaker better than the previous quote
        let lo = sent_first.max(open.saturating_sub(40));
        if let Some(c) = (lo..open)
            .rev()
            .find(|&j| is_cue(doc, j) && !in_quote.get(j).copied().unwrap_or(false))
        {
            if let Some(sc) = at.source_of(c).or_else(|| at.sentence_subject(c)) {
                src = Some((sc, at.new_attr()));
            }
        }
        let attribution = match src {
            Some((_, a)) => a,
            None => at.new_attr(),
        };
        let intro = open > 0 && (doc.is_punct(open - 1, ',') || doc.is_punct(open - 1, ':'));
        if r.close_tok.is_some_and(|c| by_author(doc, c)) {
            continue;
        }
        let (span, kind) = if clause_initial || (intro && r.words >= 4) {
            if r.words < 5 && !intro && !(whole && src.is_some()) {
                continue;
            }
            // a title used before a noun: `“Harbour Lights” star Ana Reyes`
            if title_case(doc, r)
                && r.close_tok.is_some_and(|c| {
                    doc.tokens
                        .get(c + 1)
                        .is_some_and(|t| t.kind == Kind::Word && !t.cap && !t.flags.has(Flags::CUE))
                })
            {
                continue;
            }
            (r.content, QuoteKind::Direct)
        } else {
            // an embedded quotation with no cue and no speaker nearby is a scare quote or a title
            if src.is_none() {
                continue;
            }
            // start after an embedded ", he said," if any, else at the sentence start
            let mut s = sent_first;
            let lo = sent_first.max(open.saturating_sub(40));
            for k in lo..open {
                if doc.is_punct(k, ',') && (k + 1..open).any(|j| is_cue(doc, j)) && k + 4 >= open {
                    s = k + 1;
                }
                if (doc.is_punct(k, ',') || doc.is_punct(k, ':'))
                    && k > sent_first
                    && is_cue(doc, k - 1)
                {
                    s = k + 1;
                }
            }
            // the nearest cue before the quote starts the reported clause: "Holm said that X is “…”"
            if let Some(c) = (lo..open)
                .rev()
                .find(|&j| is_cue(doc, j) && !in_quote.get(j).copied().unwrap_or(false))
            {
                if let Some((cs, _)) = content_right(doc, c, regions) {
                    if cs <= open && cs > s {
                        s = cs;
                    }
                }
            }
            // a complementiser before the quotation starts the reported clause: "He anticipated
            // that …", "her remark that “…”"
            if let Some(j) = (s + 1..open).find(|&j| {
                doc.word(j) == "that"
                    && doc
                        .tokens
                        .get(j - 1)
                        .is_some_and(|p| p.kind == Kind::Word || doc.is_punct(j - 1, ','))
            }) {
                s = j;
            } else if s == sent_first {
                // no cue: the reported part starts after the last past-tense verb before the
                // quotation ("She summed up the budget as “…”", "He cautioned about the cost of “…”")
                if let Some(v) = (s + 1..open).rev().find(|&j| {
                    let w = doc.word(j);
                    w.len() >= 5 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase())
                }) {
                    let mut n = v + 1;
                    if matches!(
                        doc.word(n),
                        "up" | "to" | "about" | "of" | "on" | "out" | "for" | "with"
                    ) {
                        n += 1;
                    }
                    if n < open {
                        s = n;
                    }
                }
            }
            let e = extend_over_regions(
                regions,
                open,
                sentence_end(doc, open).max(open + 1).min(open + 120),
            );
            match at.span_of(s, e) {
                Some(sp) if sp.end >= r.content.end => (sp, QuoteKind::Mixed),
                _ => (r.content, QuoteKind::Direct),
            }
        };
        if out.any_overlapping(span.start, span.end, |_| true) {
            continue;
        }
        out.push(RawQuote {
            span,
            kind,
            source: src.map(|s| s.0),
            cue: None,
            attribution,
        });
    }
    (out.list, at)
}

/// Whether the cue at `c` stands right before the opening mark at `open` and only ever
/// introduces quotations (`the crowd chanted “…”`): it needs no comma or colon before the
/// quotation, and what follows the quotation is no part of it.
fn bare_quote_cue(doc: &Doc<'_>, c: usize, open: usize) -> bool {
    c + 1 == open
        && doc
            .tokens
            .get(c)
            .is_some_and(|t| t.flags.has(Flags::CUE_QUOTE_ONLY))
}

/// The end of a run of words and numbers from token `a` when it reaches its sentence's end (a
/// period, or the next sentence) within a dozen tokens; `None` when something else stops it.
fn words_to_sentence_end(doc: &Doc<'_>, a: usize) -> Option<usize> {
    let sent = doc.tokens.get(a)?.sent;
    (a + 1..a + 12).find_map(|j| match doc.tokens.get(j) {
        None => Some(Some(j)),
        Some(t) if t.sent != sent || doc.is_punct(j, '.') => Some(Some(j)),
        Some(t) if t.kind == Kind::Word || t.kind == Kind::Number => None,
        Some(_) => Some(None),
    })?
}

/// Whether a byline follows the quotation that closes at token `close`, which is then a work's
/// title: `“Harbour Lights,” by Ana Reyes`, `“…,” by the Gazette’s Tom Reyes`.
/// The title ends on a comma (inside or after the marks) and the byline names a person or a
/// publication's person: "by the United States" after a clause is a passive's agent.
fn by_author(doc: &Doc<'_>, close: usize) -> bool {
    let mut k = close + 1;
    let comma_in = close > 0 && doc.is_punct(close - 1, ',');
    if doc.is_punct(k, ',') {
        k += 1;
    } else if !comma_in {
        return false;
    }
    if doc.word(k) != "by" {
        return false;
    }
    k += 1;
    let the = doc.word(k) == "the";
    if the {
        k += 1;
    }
    doc.tokens.get(k).is_some_and(|t| {
        t.kind == Kind::Word
            && t.cap
            && (!the || doc.word(k).ends_with("’s") || doc.word(k).ends_with("'s"))
    })
}

/// Whether the words of region `r` are a title: every word but short function words starts with
/// a capital (`“Harbour Lights”`, `“Meet the Press”`).
fn title_case(doc: &Doc<'_>, r: &Region) -> bool {
    let Some(close) = r.close_tok else {
        return false;
    };
    let mut caps = 0;
    for j in r.open_tok + 1..close {
        let Some(t) = doc.tokens.get(j) else {
            return false;
        };
        if t.kind != Kind::Word {
            continue;
        }
        if t.cap {
            caps += 1;
        } else if !matches!(
            doc.word(j),
            "a" | "an" | "the" | "of" | "and" | "or" | "in" | "on" | "to" | "for" | "is" | "at"
        ) {
            return false;
        }
    }
    caps >= 2
}

/// Whether the words from token `k` go on with the statement an attribution interrupted (`…, he
/// said, will cut fares`) rather than add to the attribution: not a participle (`adding that …`,
/// `citing …`), a relative clause, an apposition or `according to`, and no cue of their own near
/// the start (`but added that …`).
fn continues_report(doc: &Doc<'_>, k: usize) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    let sent = t.sent;
    if t.kind != Kind::Word && t.kind != Kind::Quote {
        return false;
    }
    let w = doc.word(k);
    // ("not only …, she said, but also …" goes on with the statement)
    if w == "but" && doc.word(k + 1) == "also" {
        return true;
    }
    if t.kind == Kind::Word
        && (w.ends_with("ing")
            || matches!(
                w,
                "according"
                    | "as"
                    | "who"
                    | "whom"
                    | "whose"
                    | "which"
                    | "where"
                    | "though"
                    // the writer's own clause after a contrast: "…, according to X, but his
                    // lead is narrowing"
                    | "but"
                    | "although"
                    | "whereas"
                    | "yet"
                    // an apposition summing up the statement: "…, Varga said, a plan that …"
                    | "a"
                    | "an"
                    | "another"
            ))
    {
        return false;
    }
    // a noun phrase opened by a determiner is the next clause's subject, even when a cue form
    // is its noun ("the brief mention of the ferry could …")
    if matches!(
        w,
        "the" | "this" | "that" | "these" | "those" | "his" | "her" | "its" | "their" | "our"
    ) {
        return true;
    }
    !(k..k + 3).any(|j| doc.tokens.get(j).is_some_and(|t| t.sent == sent) && is_cue(doc, j))
}

/// Whether the words from token `k` to the sentence end describe the source before them ("…,
/// according to Karl Jensen, the harbour master.") rather than go on with the statement: they open
/// with a determiner, a possessive pronoun or a possessive name and hold no verb form (an
/// auxiliary, a negation, an -ed word).
fn apposition_after(doc: &Doc<'_>, k: usize) -> bool {
    // a determiner, or a possessive name ("Mr. Netanyahu's former adviser")
    let opens_np = matches!(
        doc.word(k),
        "the" | "a" | "an" | "another" | "his" | "her" | "its" | "their" | "our"
    ) || (k..k + 4).any(|j| {
        doc.tokens.get(j).is_some_and(|t| t.cap)
            && matches!(doc.bytes(j), [.., b'\'', b's'] | [.., 0x99, b's'])
    });
    if !opens_np {
        return false;
    }
    !has_verb_form(doc, k, sentence_end(doc, k))
}

/// Whether tokens `[s, e)` hold a lowercase verb form that shows a clause: an auxiliary or modal,
/// a negated one ("don't") or an -ed word.
fn has_verb_form(doc: &Doc<'_>, s: usize, e: usize) -> bool {
    (s..e).any(|j| {
        let w = doc.word(j);
        doc.tokens
            .get(j)
            .is_some_and(|t| t.kind == Kind::Word && !t.cap)
            && (is_auxiliary(w)
                || w == "be"
                || w.ends_with("n't")
                || w.ends_with("n’t")
                || (w.len() > 4 && w.ends_with("ed")))
    })
}

/// Whether the words `[s, e)` after "Name:" at a sentence start are that person's words (a
/// headline "Dana Kerr: I'd back the pier", a transcript line) rather than a title ("Anna
/// Novak: a life in pictures"): three words or more, opening with a capital or a quotation mark,
/// with a quotation, a verb form or a first- or second-person pronoun.
fn speech_after_colon(doc: &Doc<'_>, regions: &[Region], s: usize, e: usize) -> bool {
    let Some(first) = doc.tokens.get(s) else {
        return false;
    };
    let words = (s..e)
        .filter(|&j| doc.tokens.get(j).is_some_and(|t| t.kind == Kind::Word))
        .count();
    if words < 3 || !(first.cap || first.kind == Kind::Quote) {
        return false;
    }
    let quoted = regions
        .get(regions.partition_point(|r| r.open_tok < s))
        .is_some_and(|r| r.open_tok < e);
    let person = (s..e).any(|j| {
        matches!(
            strip_possessive(doc.word(j)),
            "I" | "I'm"
                | "I’m"
                | "I'd"
                | "I’d"
                | "I'll"
                | "I’ll"
                | "I've"
                | "I’ve"
                | "We"
                | "we"
                | "You"
                | "you"
                | "my"
                | "My"
                | "our"
                | "Our"
                | "me"
                | "us"
        )
    });
    quoted || person || has_verb_form(doc, s, e)
}

/// A statement that an attribution interrupts: `comma` is the token of the comma before the
/// attribution and `after` the token right after it. When that is a comma and the sentence goes
/// on with the statement ([`continues_report`]), pushes the words before (unless a lone
/// connective: "But, he said, …") and after it as two fragments of one attribution, with the cue
/// of tokens `cue`, and returns true.
fn push_interrupted(
    at: &mut Attributor<'_, '_>,
    out: &mut QuoteList,
    regions: &[Region],
    comma: usize,
    after: usize,
    src: Source,
    cue: std::ops::Range<usize>,
) -> bool {
    let doc = at.doc;
    if !doc.is_punct(after, ',') || !continues_report(doc, after + 1) {
        return false;
    }
    let s = after + 1;
    let e = extend_over_regions(regions, s, sentence_end(doc, s));
    let e = reported_clause_end(doc, regions, s, e);
    let Some((ls, le)) = content_left_of(doc, comma, 1).filter(|_| e > s + 1) else {
        return false;
    };
    let cue = at.span_of(cue.start, cue.end);
    let connective = match le - ls {
        1 => matches!(
            doc.word(ls),
            "But"
                | "And"
                | "So"
                | "Yet"
                | "Or"
                | "However"
                | "Still"
                | "Then"
                | "Yes"
                | "No"
                | "Well"
                | "Meanwhile"
                | "Moreover"
                | "Instead"
                | "Overall"
                | "Also"
                | "Separately"
        ),
        // "In addition, according to the department, nearly …"
        2 => matches!(
            (doc.word(ls), doc.word(ls + 1)),
            (
                "In",
                "addition" | "fact" | "turn" | "total" | "short" | "contrast"
            ) | ("By", "contrast")
                | ("Of", "course")
                | ("As", "well")
        ),
        _ => false,
    };
    let attr = if connective {
        None
    } else {
        push_clause(at, out, regions, (ls, le), Some(src), cue, None)
    };
    push_clause(at, out, regions, (s, e), Some(src), cue, attr);
    true
}

/// Whether region `r`, which opens a reported clause, is a whole utterance that the sentence
/// goes on after (`shouted “Save the pier!” as the mayor left`, `said “We will win” and left`):
/// it opens with a capital and ends on a terminal mark, or (with no comma before its closing
/// mark) a conjunction follows it. Then the quotation alone is what was said.
fn utterance_then_more(doc: &Doc<'_>, r: &Region) -> bool {
    let Some(close) = r.close_tok else {
        return false;
    };
    let capital = doc
        .src
        .get(r.content.start..r.content.end)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase);
    if !capital || close <= r.open_tok + 1 {
        return false;
    }
    match doc.ch(close - 1) {
        Some('.' | '!' | '?') => true,
        // a comma inside the marks: the reported sentence goes on ("…,” and ticket sales rose)
        Some(',') => false,
        _ => matches!(
            doc.word(close + 1),
            "and" | "as" | "before" | "after" | "while" | "when" | "until"
        ),
    }
}

/// Pushes the reported clause of tokens `[s, e)` as a quote of `src` (direct when it is exactly
/// one quotation, mixed when it holds one), in attribution `attr` or a new one; a clause that
/// repeats a quote already found is trimmed before it or dropped. Returns the attribution, or
/// `None` when nothing was pushed.
fn push_clause(
    at: &mut Attributor<'_, '_>,
    out: &mut QuoteList,
    regions: &[Region],
    (s, e): (usize, usize),
    src: Option<Source>,
    cue: Option<Span>,
    attr: Option<usize>,
) -> Option<usize> {
    let doc = at.doc;
    let span = at.span_of(s, e)?;
    // a clause that is exactly one quotation is direct
    let mut kind = QuoteKind::Indirect;
    let mut span = span;
    let first_region = regions.partition_point(|r| r.outer.end <= span.start);
    for r in regions.get(first_region..).unwrap_or(&[]) {
        if r.outer.start >= span.end {
            break;
        }
        if r.outer.start <= span.start + 1
            && r.outer.end > span.start
            && (r.outer.end + 2 >= span.end || utterance_then_more(doc, r))
        {
            kind = QuoteKind::Direct;
            span = r.content;
            break;
        }
        // a quotation opening inside the clause, or opening it and closing inside it
        if (r.outer.start >= span.start && r.outer.start < span.end)
            || (r.outer.start < span.start && r.outer.end < span.end)
        {
            kind = QuoteKind::Mixed;
        }
    }
    // do not duplicate a quote already found
    // (one walk over the overlapping quotes: whether one is a duplicate, and the first start
    // inside the span)
    let mut duplicate = false;
    let mut first: Option<usize> = None;
    // whether a quote inside the span has its source or cue inside it too (`His manager says it
    // is …, according to X`): the words before that quote are its attribution, not content
    let mut attributed_inside = false;
    out.any_overlapping(span.start, span.end, |i| {
        if let Some(q) = out.get(i) {
            duplicate |= q.kind != QuoteKind::Indirect || kind == QuoteKind::Indirect;
            if q.span.start >= span.start {
                first = Some(first.map_or(q.span.start, |f| f.min(q.span.start)));
                let inside = |x: Span| x.start >= span.start && x.end <= q.span.start;
                attributed_inside |=
                    q.cue.is_some_and(inside) || q.source.is_some_and(|s| inside(s.span));
            }
        }
        false
    });
    if duplicate {
        // trim an indirect clause that starts before an existing quote
        match first {
            Some(f) if f > span.start + 20 && kind == QuoteKind::Indirect && !attributed_inside => {
                let text = doc.src.get(span.start..f).unwrap_or("");
                let trimmed = text.trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ',' | '“' | '"' | '—' | ':')
                });
                span = Span::new(span.start, span.start + trimmed.len());
            }
            _ => return None,
        }
    }
    let attribution = attr.unwrap_or_else(|| at.new_attr());
    out.push(RawQuote {
        span,
        kind,
        source: src,
        cue,
        attribution,
    });
    Some(attribution)
}

#[cfg(test)]
mod tests {
    use crate::engine::{analyze, QuoteKind};

    struct Case {
        name: &'static str,
        text: &'static str,
        quote: &'static str,
        kind: QuoteKind,
        speaker: Option<&'static str>,
    }

    fn check(c: &Case) {
        let a = analyze(c.text);
        let q = a
            .quotes
            .iter()
            .find(|q| &c.text[q.span.start..q.span.end] == c.quote)
            .unwrap_or_else(|| {
                panic!(
                    "case {}: quote {:?} not found in {:?}",
                    c.name,
                    c.quote,
                    a.quotes
                        .iter()
                        .map(|q| &c.text[q.span.start..q.span.end])
                        .collect::<Vec<_>>()
                )
            });
        assert_eq!(q.kind, c.kind, "case {}: kind", c.name);
        let sp = q
            .speaker_id
            .and_then(|i| a.speakers.get(i))
            .map(|s| s.name.as_str());
        assert_eq!(sp, c.speaker, "case {}: speaker", c.name);
    }

    #[test]
    fn constructions() {
        use QuoteKind::*;
        let cases = [
            Case {
                name: "quote-cue-speaker",
                text: "“The bridge is safe,” said Tomas Lindqvist.",
                quote: "The bridge is safe,",
                kind: Direct,
                speaker: Some("Tomas Lindqvist"),
            },
            Case {
                name: "quote-speaker-cue",
                text: "“The bridge is safe,” Tomas Lindqvist said.",
                quote: "The bridge is safe,",
                kind: Direct,
                speaker: Some("Tomas Lindqvist"),
            },
            Case {
                name: "speaker-cue-colon",
                text: "Tomas Lindqvist said: “The bridge is safe.”",
                quote: "The bridge is safe.",
                kind: Direct,
                speaker: Some("Tomas Lindqvist"),
            },
            Case {
                name: "speaker-cue-comma",
                text: "Tomas Lindqvist said, “The bridge is safe.”",
                quote: "The bridge is safe.",
                kind: Direct,
                speaker: Some("Tomas Lindqvist"),
            },
            Case {
                name: "pronoun speaker",
                text: "Mayor Jane Holt opened the bridge. “It is safe,” she said.",
                quote: "It is safe,",
                kind: Direct,
                speaker: Some("Jane Holt"),
            },
            Case {
                name: "split quote second half",
                text: "“It is safe,” Jane Holt said, “and it is beautiful.”",
                quote: "and it is beautiful.",
                kind: Direct,
                speaker: Some("Jane Holt"),
            },
            Case {
                name: "apposition",
                text: "Jane Holt, the city's mayor, said: “It is safe.”",
                quote: "It is safe.",
                kind: Direct,
                speaker: Some("Jane Holt"),
            },
            Case {
                name: "title before name",
                text: "City Mayor Jane Holt said: “It is safe.”",
                quote: "It is safe.",
                kind: Direct,
                speaker: Some("Jane Holt"),
            },
            Case {
                name: "organisation",
                text: "“We reject the claims,” the Kremlin said.",
                quote: "We reject the claims,",
                kind: Direct,
                speaker: Some("Kremlin"),
            },
            Case {
                name: "collective",
                text: "The bridge will reopen on Monday, officials said.",
                quote: "The bridge will reopen on Monday",
                kind: Indirect,
                speaker: Some("officials"),
            },
            Case {
                name: "indirect that",
                text: "Jane Holt said that the bridge would reopen soon.",
                quote: "that the bridge would reopen soon",
                kind: Indirect,
                speaker: Some("Jane Holt"),
            },
            Case {
                name: "indirect told",
                text: "Jane Holt told reporters the bridge would reopen soon.",
                quote: "the bridge would reopen soon",
                kind: Indirect,
                speaker: Some("Jane Holt"),
            },
            Case {
                name: "according to first",
                text: "According to Jane Holt, the bridge will reopen soon.",
                quote: "the bridge will reopen soon",
                kind: Indirect,
                speaker: Some("Jane Holt"),
            },
            Case {
                name: "according to last",
                text: "The bridge will reopen soon, according to Jane Holt.",
                quote: "The bridge will reopen soon",
                kind: Indirect,
                speaker: Some("Jane Holt"),
            },
            Case {
                name: "mixed",
                text: "Jane Holt said the bridge was “perfectly safe” for cars.",
                quote: "the bridge was “perfectly safe” for cars",
                kind: Mixed,
                speaker: Some("Jane Holt"),
            },
            Case {
                name: "floating quote",
                text: "Jane Holt said: “It is safe.”\n“We checked every bolt twice over.”",
                quote: "We checked every bolt twice over.",
                kind: Direct,
                speaker: Some("Jane Holt"),
            },
            Case {
                name: "description",
                text: "Ukrainian President Petro Vasylenko visited. “We are grateful,” the Ukrainian leader said.",
                quote: "We are grateful,",
                kind: Direct,
                speaker: Some("Petro Vasylenko"),
            },
            Case {
                name: "straight quotes",
                text: "\"The bridge is safe,\" said Tomas Lindqvist.",
                quote: "The bridge is safe,",
                kind: Direct,
                speaker: Some("Tomas Lindqvist"),
            },
        ];
        for c in &cases {
            check(c);
        }
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        let text = "The so-called “woke” agenda was discussed on “Meet the Press” yesterday.";
        let a = analyze(text);
        assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    }
}

#[cfg(test)]
mod quote_list_tests {
    use super::{QuoteList, RawQuote, Source};
    use crate::engine::{QuoteKind, Span};
    use std::collections::BTreeSet;

    /// The former index: one `BTreeSet` of `(start, index)`.
    fn reference_overlapping(list: &[RawQuote], s: usize, e: usize) -> Vec<usize> {
        let set: BTreeSet<(usize, usize)> = list
            .iter()
            .enumerate()
            .map(|(i, q)| (q.span.start, i))
            .collect();
        let mut v: Vec<usize> = set.range((s, 0)..(e, 0)).map(|&(_, i)| i).collect();
        v.extend(
            set.range(..(s, 0))
                .rev()
                .take(4)
                .map(|&(_, i)| i)
                .filter(|&i| list.get(i).is_some_and(|q| q.span.end > s)),
        );
        v.sort_unstable();
        v
    }

    fn reference_previous(list: &[RawQuote], s: usize) -> Option<RawQuote> {
        let set: BTreeSet<(usize, usize)> = list
            .iter()
            .enumerate()
            .map(|(i, q)| (q.span.start, i))
            .collect();
        set.range(..(s, 0))
            .rev()
            .take(6)
            .filter_map(|&(_, i)| list.get(i))
            .filter(|q| q.span.end <= s && q.source.is_some())
            .max_by_key(|q| q.span.end)
            .copied()
    }

    #[test]
    fn runs_match_a_single_ordered_set() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |m: u64| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % m
        };
        for round in 0..300 {
            let mut out = QuoteList::default();
            let passes = 1 + next(7);
            let mut list = Vec::new();
            for _ in 0..passes {
                // each pass mostly in order, sometimes not
                let mut pos = next(50) as usize;
                for _ in 0..next(40) {
                    pos = if next(8) == 0 {
                        next(2000) as usize
                    } else {
                        pos + next(60) as usize
                    };
                    let len = next(80) as usize;
                    let source = (next(2) == 0).then_some(Source {
                        span: Span::new(0, 1),
                        entity: 0,
                        tok_start: 0,
                        tok_end: 1,
                    });
                    let q = RawQuote {
                        span: Span::new(pos, pos + len),
                        kind: QuoteKind::Direct,
                        source,
                        cue: None,
                        attribution: round,
                    };
                    out.push(q);
                    list.push(q);
                    for _ in 0..4 {
                        let s = next(2200) as usize;
                        let e = s + next(150) as usize;
                        let mut got = Vec::new();
                        out.any_overlapping(s, e, |i| {
                            got.push(i);
                            false
                        });
                        got.sort_unstable();
                        assert_eq!(got, reference_overlapping(&list, s, e));
                        assert_eq!(out.any_overlapping(s, e, |_| true), !got.is_empty());
                        assert_eq!(
                            out.previous_with_source(s).copied(),
                            reference_previous(&list, s)
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod mention_lookup_tests {
    use super::Attributor;
    use crate::engine::people::find_people;
    use crate::engine::segment::tokenize;

    /// The cursor lookups give what a scan of all mentions gives, in any order of queries.
    #[test]
    fn cursor_lookups_match_a_scan() {
        let text = "Anna Kowalski met Tom Berg and Mr. Lee. “We agree,” said Kowalski. \
                    Berg, 54, told reporters that Dr. Maria Lopez and John Smith’s aide left. \
                    Smith said Lopez would stay. Later, Anna Kowalski said Lee agreed.";
        let doc = tokenize(text);
        let people = find_people(&doc);
        assert!(people.mentions.len() >= 6, "{:?}", people.mentions);
        let scan_start = |k: usize| people.mentions.iter().position(|m| m.tok_start == k);
        let scan_end = |k: usize| {
            people
                .mentions
                .iter()
                .position(|m| m.tok_end.saturating_sub(1) == k)
        };
        let (want_start, want_end): (Vec<_>, Vec<_>) = (0..doc.tokens.len() + 2)
            .map(|k| (scan_start(k), scan_end(k)))
            .unzip();
        let at = Attributor::new(&doc, people.clone());
        let n = doc.tokens.len() + 2;
        // forwards, backwards, and jumping about
        let order: Vec<usize> = (0..n)
            .chain((0..n).rev())
            .chain((0..n).map(|i| (i * 7919) % n))
            .collect();
        for &k in &order {
            assert_eq!(at.name_starting(k), want_start[k], "start {k}");
            assert_eq!(at.name_ending(k), want_end[k], "end {k}");
        }
    }
}
