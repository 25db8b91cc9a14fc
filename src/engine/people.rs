//! Person-name recognition: capitalised runs judged by a first-name list, a surname list, titles and
//! honorifics, non-person words (countries, months, institutions), context (a cue verb after the run,
//! a role word before it) and earlier mentions; mentions of one person are merged by surname.
//!
//! ```
//! use sayso::engine::{people::find_people, segment::tokenize};
//! let text = "UK Prime Minister Sir Keir Starmer met Lisa Brown on Monday. Starmer said little.";
//! let doc = tokenize(text);
//! let people = find_people(&doc);
//! let names: Vec<&str> = people.entities.iter().map(|e| e.name.as_str()).collect();
//! assert_eq!(names, ["Keir Starmer", "Lisa Brown"]);
//! assert_eq!(people.entities[0].role.as_deref(), Some("UK Prime Minister"));
//! assert_eq!(people.mentions.len(), 3);
//! ```

use super::lexicon::lookup_word;
use super::lexicon::with_ascii_lower;
use super::lexicon::Flags;
use super::lexicon::FnvMap;
use super::segment::{Doc, Kind, Token};
use super::Span;
use std::borrow::Cow;

/// A letter's place in the alphabet, ASCII case folded; 26 for any other byte.
const fn first_slot(c: u8) -> usize {
    let l = c | 0x20;
    if l >= b'a' && l <= b'z' {
        (l - b'a') as usize
    } else {
        26
    }
}

/// Whether `w` has a first letter and byte length of `mask` ([`KeyFilter`]).
#[inline]
fn may_be_in(mask: &[u32; 27], w: &str) -> bool {
    let b = w.as_bytes();
    b.first().is_some_and(|&c| {
        mask.get(first_slot(c))
            .is_some_and(|m| m >> b.len().min(31) & 1 != 0)
    })
}

/// The prefilter of [`word_in!`]: for each pair of first and last letter (ASCII case folded;
/// any other byte shares slot 26), the set of byte lengths (31 standing for 31 or more) of the
/// listed words.
pub(crate) const fn pair_mask(words: &[&str]) -> [u32; 27 * 27] {
    let mut m = [0u32; 27 * 27];
    let mut i = 0;
    while i < words.len() {
        let b = words[i].as_bytes();
        if !b.is_empty() {
            let l = if b.len() > 31 { 31 } else { b.len() };
            m[first_slot(b[0]) * 27 + first_slot(b[b.len() - 1])] |= 1 << l;
        }
        i += 1;
    }
    m
}

/// Whether `w` can be one of the words of a [`pair_mask`] (no false negatives).
#[inline]
pub(crate) fn may_be_in_pairs(mask: &[u32; 27 * 27], w: &str) -> bool {
    let b = w.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => mask
            .get(first_slot(f) * 27 + first_slot(l))
            .is_some_and(|m| m >> b.len().min(31) & 1 != 0),
        _ => false,
    }
}

/// `matches!(w, "a" | "b" | …)` behind a cheap exact prefilter ([`may_be_in_pairs`]): most words
/// are rejected on their first and last letters and length, without comparing strings.
macro_rules! word_in {
    ($w:expr, $($s:literal)|+ $(,)?) => {{
        const MASK: [u32; 27 * 27] = $crate::engine::people::pair_mask(&[$($s),+]);
        let w: &str = $w;
        $crate::engine::people::may_be_in_pairs(&MASK, w) && matches!(w, $($s)|+)
    }};
}
pub(crate) use word_in;

/// Grammatical gender known for a person, used by pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    /// Not known.
    #[default]
    Unknown,
    /// Referred to as "he".
    Male,
    /// Referred to as "she".
    Female,
}

/// One person (or, for speakers added later, an organisation).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entity {
    /// Canonical name: the fullest form seen, titles stripped.
    pub name: String,
    /// Role or title words seen before the name.
    pub role: Option<String>,
    /// Gender from first name, honorific or pronouns.
    pub gender: Gender,
    /// Whether this is an organisation or collective.
    pub org: bool,
    /// Lowercased last word of the name, used to merge mentions.
    pub key: String,
    /// Number of words in the canonical name.
    pub words: usize,
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A name ("Zelensky", "Volodymyr Zelensky").
    Name,
    /// A personal pronoun ("he").
    Pronoun,
    /// A description ("the Ukrainian leader").
    Description,
    /// An organisation or collective named as a source ("the Kremlin", "officials").
    Org,
}

/// One mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The mention text span (possessive `’s` excluded).
    pub span: Span,
    /// First token.
    pub tok_start: usize,
    /// One past the last token.
    pub tok_end: usize,
    /// Index into [`People::entities`].
    pub entity: usize,
    /// Name, pronoun, description or organisation.
    pub kind: MentionKind,
}

/// People found in a text.
#[derive(Debug, Clone, Default)]
pub struct People {
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
    /// Name mentions in text order.
    pub mentions: Vec<Mention>,
}

fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "van"
            | "von"
            | "bin"
            | "al"
            | "der"
            | "del"
            | "la"
            | "le"
            | "du"
            | "ter"
            | "dos"
            | "di"
            | "ibn"
            | "el"
    )
}

fn is_honorific(w: &str) -> bool {
    with_ascii_lower(w.trim_end_matches('.'), |l| {
        matches!(
            l,
            "mr" | "mrs"
                | "ms"
                | "miss"
                | "mx"
                | "dr"
                | "sir"
                | "dame"
                | "lord"
                | "lady"
                | "prof"
                | "rev"
        )
    })
}

/// Strips a possessive `’s` / `'s` (or a bare trailing apostrophe) from a word.
pub fn strip_possessive(w: &str) -> &str {
    // every suffix below ends in `s`, `'` or the last byte of `’`: other words return at once
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return w;
    }
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(w)
}

fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
}

/// A possessive written apart, as in web text: "Buffett 's plan" (token `k` is the name).
fn split_possessive(doc: &Doc<'_>, k: usize) -> bool {
    matches!(doc.ch(k + 1), Some('\'' | '’'))
        && matches!(doc.word(k + 2), "s" | "S")
        && doc.tokens.get(k + 2).is_some_and(|t| t.kind == Kind::Word)
}

/// A word that starts a capitalised run without belonging to a name: a greeting anywhere; at a
/// sentence start a common word, an "-ly" adverb, a function word that is also a first name ("In",
/// "So"), an adjective that is also a surname ("Best", "Good") or a reporting verb that puts its
/// speaker after it ("Said Anna Novak, …").
fn strip_starter(doc: &Doc<'_>, k: usize, at_start: bool) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    let w = doc.word(k);
    let f = t.flags;
    if is_greeting(w) && !f.has(Flags::FIRST | Flags::SURNAME) {
        return true;
    }
    if !at_start {
        return false;
    }
    (!f.has(Flags::FIRST | Flags::SURNAME)
        && (is_common(doc, k) || (w.len() > 5 && w.ends_with("ly")) || f.has(Flags::CUE)))
        || (f.has(Flags::NONPERSON) && matches!(w, "In" | "An" | "So" | "See" | "Son" | "Man"))
        || matches!(
            w,
            "Best"
                | "Good"
                | "Great"
                | "Top"
                | "Worst"
                | "Cheap"
                | "Nice"
                | "Happy"
                | "Free"
                | "Fresh"
                | "Hot"
                | "Bad"
                | "Poor"
                | "Fine"
                | "Real"
        )
}

/// Lowercase nouns for people that often stand just before a name: "artist Gunnar Lindqvist",
/// "actress Ines Moreau", "his wife Maria".
fn person_noun(w: &str) -> bool {
    matches!(
        w,
        "artist"
            | "singer"
            | "actor"
            | "actress"
            | "painter"
            | "poet"
            | "novelist"
            | "playwright"
            | "composer"
            | "musician"
            | "guitarist"
            | "drummer"
            | "rapper"
            | "comedian"
            | "filmmaker"
            | "photographer"
            | "architect"
            | "designer"
            | "historian"
            | "philosopher"
            | "physicist"
            | "chemist"
            | "engineer"
            | "inventor"
            | "entrepreneur"
            | "investor"
            | "banker"
            | "player"
            | "coach"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "quarterback"
            | "pitcher"
            | "footballer"
            | "cricketer"
            | "boxer"
            | "golfer"
            | "teammate"
            | "doctor"
            | "nurse"
            | "teacher"
            | "student"
            | "priest"
            | "pharaoh"
            | "emperor"
            | "colleague"
            | "friend"
            | "boyfriend"
            | "girlfriend"
            | "uncle"
            | "aunt"
            | "cousin"
            | "nephew"
            | "niece"
            | "grandson"
            | "granddaughter"
            | "grandmother"
            | "grandfather"
            | "suspect"
            | "victim"
            | "defendant"
            | "plaintiff"
            | "co-founder"
            | "cofounder"
            | "economist"
            | "sociologist"
            | "psychologist"
            | "researcher"
            | "scientist"
            | "professor"
            | "director"
    )
}

/// Greeting or thanks words before a name ("Hi David", "Thanks Don").
fn is_greeting(w: &str) -> bool {
    matches!(
        w,
        "Hi" | "Hello" | "Hey" | "Dear" | "Thanks" | "Thank" | "thanks" | "Congratulations"
    )
}

/// A regnal number after a name: "Henry I", "Louis XIV".
fn is_roman(w: &str) -> bool {
    matches!(
        w,
        "I" | "II"
            | "III"
            | "IV"
            | "V"
            | "VI"
            | "VII"
            | "VIII"
            | "IX"
            | "X"
            | "XI"
            | "XII"
            | "XIII"
            | "XIV"
            | "XV"
            | "XVI"
    )
}

/// A regnal number at token `k` after a name: "I" only before punctuation, "and" or "of" and after
/// a name-like word ("Charles I and", not "In Nairobi I did").
fn regnal_at(doc: &Doc<'_>, k: usize) -> bool {
    let w = doc.word(k);
    if !is_roman(w) || k == 0 {
        return false;
    }
    let prev_ok = doc.tokens.get(k - 1).is_some_and(|p| {
        p.kind == Kind::Word
            && !p.flags.has(Flags::NONPERSON | Flags::PLACE | Flags::COMMON)
            && name_shaped(doc.word(k - 1))
            && doc.word(k - 1).len() >= 3
    });
    prev_ok
        && (w != "I"
            || doc.tokens.get(k + 1).is_none_or(|n| n.kind != Kind::Word)
            || matches!(doc.word(k + 1), "and" | "of"))
}

/// An Arabic article or name particle joined by a hyphen: "al-Zawahiri", "el-Sisi".
fn is_hyphen_particle(w: &str) -> bool {
    // every prefix below ends in a hyphen at byte 2 or 3
    let b = w.as_bytes();
    if b.get(2) != Some(&b'-') && b.get(3) != Some(&b'-') {
        return false;
    }
    [
        "al-", "el-", "ad-", "as-", "ash-", "ar-", "an-", "az-", "at-",
    ]
    .iter()
    .any(|p| {
        w.strip_prefix(p)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// Whether token `k` is a common English word, or the plural of one, and no name.
fn is_common(doc: &Doc<'_>, k: usize) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    if t.kind != Kind::Word || t.flags.has(Flags::FIRST | Flags::SURNAME) {
        return false;
    }
    if t.flags.has(Flags::COMMON) {
        return true;
    }
    let w = strip_possessive(doc.word(k));
    if !t.flags.is_empty() || w.len() < 4 || w.ends_with("ss") {
        return false;
    }
    let mut buf = [0u8; 32];
    w.strip_suffix('s')
        .or_else(|| w.strip_suffix('S'))
        .is_some_and(|stem| lookup_word(stem, &mut buf).has(Flags::COMMON))
}

/// An all-capitals word of 4+ letters in a sentence that also has lowercase words ("SCALIA filed").
fn caps_word(doc: &Doc<'_>, k: usize) -> bool {
    let w = strip_possessive(doc.word(k));
    // (the all-capitals test first: it fails at the first or second letter of most words)
    if w.as_bytes()
        .first()
        .is_some_and(|&c| c.is_ascii_lowercase())
    {
        return false;
    }
    if !w.chars().all(|c| c.is_uppercase() || c == '-') || w.chars().count() < 4 {
        return false;
    }
    let (a, b) = doc.sentence_bounds(k);
    let lo = a.max(k.saturating_sub(12));
    let hi = b.min(k + 12);
    (lo..hi).any(|j| {
        doc.tokens
            .get(j)
            .is_some_and(|t| t.kind == Kind::Word && !t.cap && doc.word(j).len() > 2)
    })
}

/// Name-shaped, or an all-capitals first name or surname in mixed-case text ("KENNEDY").
fn shaped_at(doc: &Doc<'_>, k: usize) -> bool {
    let w = doc.word(k);
    name_shaped(w)
        || (caps_word(doc, k)
            && !(k > 0 && doc.is_punct(k - 1, '('))
            && doc
                .tokens
                .get(k)
                .is_some_and(|t| t.flags.has(Flags::FIRST | Flags::SURNAME)))
}

/// An all-capitals word that looks like a surname rather than an acronym: 5+ letters, at least two
/// vowels, in mixed-case text, with another all-capitals name in the sentence ("SCALIA filed …,
/// in which THOMAS joined").
fn caps_name(doc: &Doc<'_>, k: usize) -> bool {
    let w = strip_possessive(doc.word(k));
    // (the word's own tests first, the window only when they pass)
    if w.len() < 5 || !w.bytes().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let vowels = w
        .bytes()
        .filter(|c| matches!(c, b'A' | b'E' | b'I' | b'O' | b'U'))
        .count();
    if vowels < 2 {
        return false;
    }
    let (lo, hi) = doc.sentence_bounds(k);
    // another all-capitals first name or surname nearby: a list of names, not a news outlet
    let named_caps = (lo.max(k.saturating_sub(20))..hi.min(k + 20)).any(|j| {
        j != k
            && doc
                .tokens
                .get(j)
                .is_some_and(|t| t.flags.has(Flags::FIRST | Flags::SURNAME))
            && caps_word(doc, j)
    });
    named_caps && caps_word(doc, k)
}

/// Words that make an unknown capitalised word a plain word, place or thing rather than a name.
fn not_name_word(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens.get(k).is_none_or(|t| {
        t.kind != Kind::Word
            || t.flags.has(Flags::NONPERSON | Flags::PLACE | Flags::TITLE)
            || is_common(doc, k)
    })
}

/// An adjective of place or scope that opens the names of companies and bodies ("Northern",
/// "National", "British"), unlike the function words that also open runs ("But Hale’s …").
fn place_adjective(w: &str) -> bool {
    matches!(
        w,
        "National" | "Central" | "United" | "Royal" | "Federal" | "Regional" | "International"
    ) || (w.len() > 4
        && (w.ends_with("ern")
            || w.ends_with("ish")
            || w.ends_with("ese")
            || w.ends_with("ian")
            || w.ends_with("can")))
}

/// A capitalised verb in the present tense inside a title-case headline ("Senator Backs Ferry
/// Plan", "Anna Novak Warns of Delays"): it ends the run before it, as a name never goes on
/// with one. A reporting verb's form or a verb headlines use, never a listed first name or
/// surname ("Burns" and "Woods" are names).
fn headline_verb(doc: &Doc<'_>, k: usize) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    // (the last byte first: every such form ends in "s")
    if doc.bytes(k).last() != Some(&b's') || t.flags.has(Flags::FIRST | Flags::SURNAME) {
        return false;
    }
    let w = doc.word(k);
    (t.flags.has(Flags::CUE) && !t.flags.has(Flags::CUE_WEAK))
        // any unlisted "-s" word of a title-case headline ("Judge Blocks Plan …")
        || (t.flags.is_empty()
            && w.len() > 3
            && !w.ends_with("ss")
            && !is_possessive(w)
            && title_case_line(doc, k))
        || matches!(
            w,
            "Backs"
                | "Defends"
                | "Slams"
                | "Blasts"
                | "Rejects"
                | "Wins"
                | "Loses"
                | "Faces"
                | "Seeks"
                | "Eyes"
                | "Plans"
                | "Launches"
                | "Unveils"
                | "Quits"
                | "Resigns"
                | "Admits"
                | "Pledges"
                | "Vows"
                | "Denies"
                | "Accuses"
                | "Joins"
                | "Meets"
                | "Visits"
                | "Signs"
                | "Bans"
                | "Cuts"
                | "Raises"
                | "Sues"
                | "Hails"
                | "Praises"
                | "Criticises"
                | "Criticizes"
        )
}

/// A capitalised run, before judging.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// All tokens of the run.
    start: usize,
    end: usize,
    /// First token of the name core (after titles).
    core: usize,
    /// Whether a title or role precedes the core (inside the run or just before it).
    titled: bool,
    /// Whether the core contains a non-person word.
    nonperson: bool,
    /// Whether the core ends in a surname that is also a non-person word ("Tom Hall"): alone,
    /// that word is not taken for the person ("Hall" may be a building).
    place_surname: bool,
    /// Whether the core starts the sentence.
    sent_initial: bool,
    /// Whether a determiner or a place prefix ("the", "San", "Fort") rules out a name.
    determined: bool,
}

fn scan_runs(doc: &Doc<'_>) -> Vec<Run> {
    let toks = &doc.tokens;
    let n = toks.len();
    // news has about one capitalised run per 8 tokens: room for one per 6, rarely regrown
    let mut runs = Vec::with_capacity(n / 6 + 4);
    let mut i = 0;
    while i < n {
        let Some(t) = toks.get(i) else { break };
        if !(t.kind == Kind::Word && t.cap) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            // (the possessive test on the last byte first, the word only when it can be one)
            if matches!(doc.bytes(end - 1).last(), Some(b's' | b'\'' | 0x99))
                && is_possessive(doc.word(end - 1))
            {
                break;
            }
            let Some(nx) = toks.get(end) else { break };
            if nx.para != t.para {
                break;
            }
            if nx.kind == Kind::Word
                && nx.cap
                && nx.start() <= toks.get(end - 1).map_or(0, |p| p.end()) + 1
                && !headline_verb(doc, end)
            {
                end += 1;
                continue;
            }
            // "Ayman al-Zawahiri": a hyphenated Arabic article continues a name
            if nx.kind == Kind::Word
                && !nx.cap
                && {
                    // (the hyphen of every prefix is byte 2 or 3)
                    let b = doc.bytes(end);
                    b.get(2) == Some(&b'-') || b.get(3) == Some(&b'-')
                }
                && is_hyphen_particle(doc.word(end))
            {
                end += 1;
                continue;
            }
            // (the capitalised word after first: most lowercase words are followed by another)
            if nx.kind == Kind::Word
                && toks
                    .get(end + 1)
                    .is_some_and(|a| a.kind == Kind::Word && a.cap)
                && is_particle(doc.word(end))
            {
                end += 2;
                continue;
            }
            // initial or abbreviation period: "J. Smith", "Sen. Smith", "Jr."
            if doc.is_punct(end, '.') {
                let pw = doc.word(end - 1);
                let short = pw.chars().count() == 1
                    || toks
                        .get(end - 1)
                        .is_some_and(|p| p.flags.has(Flags::TITLE) && pw.len() <= 4);
                if short
                    && toks
                        .get(end + 1)
                        .is_some_and(|a| a.kind == Kind::Word && a.cap)
                {
                    end += 2;
                    continue;
                }
            }
            break;
        }
        // "The Hank Vance I know": a trailing pronoun "I" is not part of the name
        if end - start >= 2 && doc.word(end - 1) == "I" && !regnal_at(doc, end - 1) {
            end -= 1;
        }
        // strip leading titles / non-person words
        let mut core = start;
        let mut titled = false;
        let at_start = start == 0
            || toks.get(start - 1).is_none_or(|p| {
                p.sent != t.sent
                    || (p.kind == Kind::Quote
                        && (start < 2 || toks.get(start - 2).is_none_or(|q| q.sent != t.sent)))
            });
        while core < end {
            let Some(ct) = toks.get(core) else { break };
            if ct.kind != Kind::Word {
                core += 1;
                continue;
            }
            let w = doc.word(core);
            let f = ct.flags;
            let before_more = core + 1 < end;
            // (the tests are pure: each runs only when the decision needs it; a run's last word
            // is never stripped)
            let royal = || {
                matches!(
                    w,
                    "King"
                        | "Queen"
                        | "Prince"
                        | "Princess"
                        | "Pope"
                        | "Judge"
                        | "General"
                        | "Major"
                        | "Bishop"
                        | "Sister"
                        | "Brother"
                        | "Father"
                        | "President"
                        | "Senator"
                        | "Saint"
                )
            };
            let title_next = || {
                royal()
                    || toks
                        .get(core + 1)
                        .is_some_and(|x| x.flags.has(Flags::TITLE))
            };
            let title_compound = || {
                w.contains('-') && {
                    let mut buf = [0u8; 32];
                    w.split('-')
                        .all(|p| lookup_word(p, &mut buf).has(Flags::TITLE))
                }
            };
            if before_more
                && (f.has(Flags::TITLE) || title_compound())
                && (!f.has(Flags::FIRST) || title_next())
            {
                titled = true;
                core += 1;
            } else if before_more
                && (f.has(Flags::NONPERSON) || is_possessive(w) || w.len() <= 1 || is_acronym(w))
                && (!f.has(Flags::FIRST) || (is_acronym(w) && f.has(Flags::NONPERSON)))
            {
                core += 1;
            } else if core == start && before_more && strip_starter(doc, core, at_start) {
                // "Hi David", "Hopefully President Varga", "In Nairobi", "Best Pizza Palace": a
                // greeting, or a sentence-initial common word, function word or adjective
                core += 1;
            } else {
                break;
            }
        }
        // the word before the run (empty at the text start), sliced once for the tests below
        let before = if start > 0 { doc.word(start - 1) } else { "" };
        // a lowercase role word just before: "spokeswoman Maria Zakharova", "lobbyist Charlie Black"
        if !titled && start > 0 {
            if let Some(p) = toks.get(start - 1) {
                if p.kind == Kind::Word
                    && !p.cap
                    && (p.flags.has(Flags::TITLE) | p.flags.has(Flags::ROLE_PERSON)
                        || person_noun(before))
                    && p.para == t.para
                {
                    titled = true;
                }
            }
        }
        let sent = toks.get(start).map_or(0, |x| x.sent);
        let sent_initial = core == start
            && (start == 0
                || toks.get(start - 1).is_none_or(|p| {
                    p.sent != sent
                        || (p.kind == Kind::Quote
                            && (start < 2 || toks.get(start - 2).is_none_or(|q| q.sent != sent)))
                }));
        let multi = end - core >= 2;
        // "Tom Hall", "Mary Park", "Anna Church": a first name, then a surname that is also a
        // place word, is a name of two words; not after "the", "in" or "at" ("the Albert Hall",
        // "in Jackson Park"), not after an opening quotation mark (a title), not in capitals (a
        // dateline)
        let first_surname = |k: usize, x: &Token| {
            k + 1 == end
                && k == core + 1
                && x.flags.has(Flags::SURNAME)
                && !x.flags.has(Flags::PLACE)
                && !matches!(
                    doc.word(core.wrapping_sub(1)),
                    "the" | "The" | "in" | "In" | "at" | "At" | "near"
                )
                && !toks
                    .get(core.wrapping_sub(1))
                    .is_some_and(|p| p.kind == Kind::Quote)
                && !doc.word(k).bytes().all(|b| b.is_ascii_uppercase())
                && toks.get(core).is_some_and(|c| {
                    c.flags.has(Flags::FIRST) && !c.flags.has(Flags::NONPERSON | Flags::PLACE)
                })
        };
        let nonperson = (core..end).any(|k| {
            toks.get(k).is_some_and(|x| {
                x.kind == Kind::Word
                    && x.flags.has(Flags::NONPERSON)
                    && !(k == core && multi && x.flags.has(Flags::FIRST))
                    && !(k > core && regnal_at(doc, k))
                    && !first_surname(k, x)
            })
        });
        let place_surname = !nonperson
            && end > core
            && toks.get(end - 1).is_some_and(|x| {
                x.kind == Kind::Word && x.flags.has(Flags::NONPERSON) && first_surname(end - 1, x)
            });
        // "the Renaissance", "the Earth's", "the Good Fairy": a determiner before the run means no name
        // a role word inside the run before a first name: "Methodist Pastor Karl Jensen"
        if let Some(l) = (core..end).rev().find(|&k| {
            toks.get(k).is_some_and(|x| {
                x.kind == Kind::Word && x.flags.has(Flags::TITLE) && !x.flags.has(Flags::FIRST)
            }) && toks.get(k + 1).is_some_and(|x| x.flags.has(Flags::FIRST))
        }) {
            if l + 1 < end && l >= core {
                core = l + 1;
                titled = true;
            }
        }
        // a first name starts the name; trailing capitalised role or company words are not part of it
        if toks.get(core).is_some_and(|x| x.flags.has(Flags::FIRST)) {
            let mut e = core + 1;
            let mut words = 1;
            while e < end && words < 4 {
                let Some(x) = toks.get(e) else { break };
                // "Marine Le Goff": a word after a particle belongs to the name
                let plain = words >= 2
                    && !with_ascii_lower(doc.word(e - 1), is_particle)
                    && x.kind == Kind::Word
                    && !x.flags.has(Flags::FIRST | Flags::SURNAME)
                    && (x.flags.has(Flags::COMMON) || with_ascii_lower(doc.word(e), word_like));
                let part = x.kind != Kind::Word
                    || !(plain
                        || x.flags.has(
                            Flags::NONPERSON
                                | Flags::TITLE
                                | Flags::ROLE_PERSON
                                | Flags::ROLE_COLLECTIVE,
                        ));
                if !part {
                    break;
                }
                if x.kind == Kind::Word {
                    words += 1;
                }
                e += 1;
            }
            if words >= 2 && e < end {
                end = e;
            }
        }
        let core_first = toks.get(core).is_some_and(|x| x.flags.has(Flags::FIRST));
        let determined = (start > 0 && core == start && !core_first && matches!(before, "the" | "The"))
                || (!titled
                    && (start..core).any(|k| {
                        matches!(
                            doc.word(k),
                            "The"
                                | "San"
                                | "Los"
                                | "Las"
                                | "New"
                                | "Fort"
                                | "Port"
                                | "Saint"
                                | "St"
                                | "Mount"
                                | "Lake"
                                | "El"
                                | "Santa"
                        )
                    }))
                // "Northern Power said", "National Grid": a non-person word right before a lone
                // surname that is no first name names a company or a place
                || (!titled
                    && !core_first
                    && core > start
                    && core + 1 == end
                    && toks
                        .get(core - 1)
                        .is_some_and(|p| p.flags.has(Flags::NONPERSON) && p.cap)
                    && place_adjective(doc.word(core - 1))
                    && toks.get(core).is_some_and(|c| c.flags.has(Flags::SURNAME)));
        // "the band Velvet Echo", "the company Okta": a lowercase thing noun just before the run
        let thing_before = || {
            start > 0
                && toks
                    .get(start - 1)
                    .is_some_and(|p| p.kind == Kind::Word && !p.cap)
                && matches!(
                    before,
                    "band"
                        | "company"
                        | "firm"
                        | "label"
                        | "brand"
                        | "newspaper"
                        | "magazine"
                        | "website"
                        | "app"
                        | "channel"
                        | "network"
                        | "team"
                        | "club"
                        | "airline"
                        | "bank"
                        | "retailer"
                        | "startup"
                        | "chain"
                        | "restaurant"
                        | "hotel"
                        | "store"
                        | "album"
                        | "song"
                        | "film"
                        | "movie"
                        | "novel"
                        | "game"
                        | "ship"
                        | "city"
                        | "town"
                        | "village"
                        | "province"
                        | "region"
                        | "river"
                        | "island"
                        | "district"
                        | "county"
                        | "party"
                        | "hurricane"
                        | "storm"
                        | "operation"
                )
        };
        // "Farid Rahimi, 31, Castle Bromwich": a run after an age is a place
        let after_age = || {
            start >= 3
                && doc.is_punct(start - 1, ',')
                && toks
                    .get(start - 2)
                    .is_some_and(|p| p.kind == Kind::Number && p.end() - p.start() <= 3)
                && doc.is_punct(start - 3, ',')
        };
        // "Hurricane Odessa", "Operation Blue Harbour"
        // (the word may have been stripped from the core: "Storm Elin" at a sentence start)
        let event = || {
            (start..=core).any(|j| {
                matches!(
                    doc.word(j),
                    "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "Tropical" | "Operation"
                )
            })
        };
        // (pure tests, evaluated only as far as the answer needs them)
        let determined = determined || (!titled && thing_before()) || after_age() || event();
        let nonperson = nonperson || determined;
        runs.push(Run {
            start,
            end,
            core,
            titled,
            nonperson,
            place_surname,
            sent_initial,
            determined,
        });
        i = end;
    }
    runs
}

fn core_words<'a>(doc: &Doc<'a>, r: &Run) -> Vec<&'a str> {
    core_word_iter(doc, r).collect()
}

fn core_word_iter<'a, 'd>(doc: &'d Doc<'a>, r: &Run) -> impl Iterator<Item = &'a str> + 'd
where
    'a: 'd,
{
    (r.core..r.end)
        .filter(|&k| doc.tokens.get(k).is_some_and(|t| t.kind == Kind::Word))
        .map(|k| strip_possessive(doc.word(k)))
}

/// `w.to_lowercase()`, written into `buf` (cleared first); ASCII words are lowered in place.
fn lower_into(w: &str, buf: &mut String) {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&w.to_lowercase());
    }
}

/// `core_words(doc, r).join(" ")` as a slice of the text, when the core is words without
/// possessives one space apart (else `None`).
fn core_name_plain<'a>(doc: &Doc<'a>, r: &Run) -> Option<&'a str> {
    let mut last_end: Option<usize> = None;
    for k in r.core..r.end {
        let t = doc.tokens.get(k)?;
        if t.kind != Kind::Word {
            return None;
        }
        let w = doc.text(t);
        if strip_possessive(w).len() != w.len() {
            return None;
        }
        if let Some(e) = last_end {
            if t.start() != e + 1 || doc.src.as_bytes().get(e) != Some(&b' ') {
                return None;
            }
        }
        last_end = Some(t.end());
    }
    doc.src.get(doc.tokens.get(r.core)?.start()..last_end?)
}

/// `core_words(doc, r).join(" ")`, written into `buf` (cleared first).
fn core_name_into(doc: &Doc<'_>, r: &Run, buf: &mut String) {
    buf.clear();
    for (k, w) in core_word_iter(doc, r).enumerate() {
        if k > 0 {
            buf.push(' ');
        }
        buf.push_str(w);
    }
}

fn followed_by_cue(doc: &Doc<'_>, end: usize) -> bool {
    let mut k = end;
    // skip a short adverb ("also", "later") or auxiliary
    for _ in 0..2 {
        match doc.tokens.get(k) {
            Some(t)
                if t.kind == Kind::Word
                    && t.flags.has(Flags::CUE)
                    && !t.flags.has(Flags::CUE_WEAK)
                    && !t.cap =>
            {
                return !matches!(
                    doc.word(k),
                    "note"
                        | "notes"
                        | "reports"
                        | "claims"
                        | "comments"
                        | "remarks"
                        | "calls"
                        | "states"
                        | "echoes"
                )
            }
            Some(t)
                if t.kind == Kind::Word
                    && !t.cap
                    && matches!(
                        doc.word(k),
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
                    ) =>
            {
                k += 1
            }
            _ => return false,
        }
    }
    false
}

/// An acronym such as "US", "U.S." or "NATO" (capitals and dots only).
fn is_acronym(w: &str) -> bool {
    w.len() <= 6
        && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

/// "Amin Durrani, 19, Toronto": a name followed by an age.
fn followed_by_age(doc: &Doc<'_>, end: usize) -> bool {
    doc.is_punct(end, ',')
        && doc
            .tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == Kind::Number && t.end() - t.start() <= 3)
        && doc.is_punct(end + 2, ',')
}

/// Capitalised then lowercase letters ("Durrani", "O'Neill", "al-Zawahiri"), not all capitals.
fn name_shaped(w: &str) -> bool {
    let w = strip_possessive(w);
    // plain ASCII words (nearly all) in one byte walk; the same tests as the char walk below
    let b = w.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii() && !c.is_ascii_uppercase() => return false,
        None => return false,
        _ => {}
    }
    if b.is_ascii() {
        if b.get(1) == Some(&b'-') {
            return false;
        }
        // the first byte is an uppercase letter: one letter so far
        let mut letters = 1usize;
        let mut lower_after = false;
        let mut apos = false;
        for &c in b.get(1..).unwrap_or_default() {
            if (c | 0x20).wrapping_sub(b'a') < 26 {
                letters += 1;
                lower_after |= c >= b'a';
            } else if c == b'\'' {
                apos = true;
            } else if c != b'-' && c != b'.' {
                return false;
            }
        }
        let contraction = apos
            && ["'d", "'ll", "'re", "'ve", "'m", "n't"]
                .iter()
                .any(|e| w.ends_with(e));
        return !contraction && letters >= 2 && lower_after;
    }
    name_shaped_chars(w)
}

/// [`name_shaped`] of a word without its possessive, by a walk over its chars: the general
/// path (and the reference the ASCII path is tested against).
fn name_shaped_chars(w: &str) -> bool {
    let mut cs = w.chars();
    if !cs.next().is_some_and(char::is_uppercase) {
        return false;
    }
    // "R-Texas", "D-Calif": a party and state, not a name
    if w.get(1..2) == Some("-") {
        return false;
    }
    // one walk over the chars: only letters and name punctuation, two letters or more, a
    // lowercase letter after the first char
    let mut letters = 0usize;
    let mut lower_after = false;
    for (k, c) in w.chars().enumerate() {
        let alpha = c.is_alphabetic();
        if !alpha && !matches!(c, '\'' | '’' | '-' | '.') {
            return false;
        }
        letters += usize::from(alpha);
        lower_after |= k > 0 && c.is_lowercase();
    }
    let contraction = [
        "'d", "’d", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "'m", "’m", "n't", "n’t",
    ]
    .iter()
    .any(|e| w.ends_with(e));
    !contraction && letters >= 2 && lower_after
}

/// A lowercase word after a single capitalised word that suggests a person subject.
/// Verbs and adverbs that follow a name used as a subject (`X was`, `X said`, `X later`).
fn is_verb_after_name(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "is"
            | "has"
            | "had"
            | "will"
            | "would"
            | "said"
            | "says"
            | "told"
            | "can"
            | "could"
            | "did"
            | "does"
            | "also"
            | "who"
            | "himself"
            | "herself"
            | "isn't"
            | "wasn't"
            | "hasn't"
            | "didn't"
            | "doesn't"
            | "won't"
            | "took"
            | "sought"
            | "died"
            | "went"
            | "made"
            | "came"
            | "gave"
            | "got"
            | "became"
            | "began"
            | "wrote"
            | "won"
            | "lost"
            | "left"
            | "met"
            | "saw"
            | "thought"
            | "knew"
            | "found"
            | "felt"
            | "kept"
            | "led"
            | "ran"
            | "spoke"
            | "sang"
            | "sat"
            | "stood"
            | "tried"
            | "married"
            | "held"
            | "fought"
            | "taught"
            | "brought"
            | "built"
            | "fled"
            | "wore"
            | "drove"
            | "rode"
            | "grew"
            | "remains"
            | "remained"
            | "later"
            | "then"
            | "soon"
            | "never"
            | "once"
            | "still"
    )
}

fn followed_by_verb(doc: &Doc<'_>, end: usize) -> bool {
    let Some(t) = doc.tokens.get(end) else {
        return false;
    };
    if t.kind != Kind::Word || t.cap {
        return false;
    }
    let w = doc.word(end);
    if w.len() > 4 && w.ends_with("ly") && !w.ends_with("ply") {
        // "Tiberius reportedly regretted", "Philip next marched"
        let nx = doc.word(end + 1);
        return doc
            .tokens
            .get(end + 1)
            .is_some_and(|n| n.kind == Kind::Word && !n.cap)
            && (is_verb_after_name(nx) || (nx.len() > 4 && nx.ends_with("ed")));
    }
    if w == "next" || w == "first" || w == "finally" {
        let nx = doc.word(end + 1);
        return nx.len() > 4 && nx.ends_with("ed");
    }
    is_verb_after_name(w) || (w.len() > 4 && w.ends_with("ed"))
}

/// A first name standing alone: followed by a comma, colon, line end or a verb.
fn lone(doc: &Doc<'_>, end: usize) -> bool {
    match doc.tokens.get(end) {
        None => true,
        Some(t) => {
            let salute = end >= 2
                && matches!(
                    doc.word(end - 2),
                    "Hi" | "Hello" | "Dear" | "Thanks" | "thanks" | "Hey"
                );
            let and_name = doc.word(end) == "and"
                && doc
                    .tokens
                    .get(end + 1)
                    .is_some_and(|n| n.cap && n.kind == Kind::Word);
            let nx = doc.word(end);
            let present = t.kind == Kind::Word
                && !t.cap
                && nx.len() > 3
                && nx.ends_with('s')
                && !nx.ends_with("ss")
                && !nx.ends_with("us");
            doc.tokens.get(end - 1).is_some_and(|p| p.para != t.para)
                || doc.is_punct(end, ',')
                || doc.is_punct(end, ':')
                || followed_by_verb(doc, end)
                || salute
                || and_name
                || present
        }
    }
}

/// Endings of common English words rather than names ("Highly", "Attached", "Everything").
fn word_like(lower: &str) -> bool {
    [
        "ly", "ed", "ing", "thing", "ies", "ness", "tion", "ment", "ity", "ful", "less", "ous",
        "ive", "able", "ers", "ists", "ism", "ship", "hood", "ence", "ance", "ery", "ory", "ogy",
        "ics", "ium", "sis", "eria", "ary",
    ]
    .iter()
    .any(|e| lower.ends_with(e))
        || matches!(
            lower,
            "neither"
                | "either"
                | "another"
                | "friend"
                | "friends"
                | "nothing"
                | "everything"
                | "anything"
                | "whoever"
                | "whatever"
        )
}

/// First names that are also common capitalised words in running text.
fn common_word(lower: &str) -> bool {
    matches!(
        lower,
        "will"
            | "may"
            | "mark"
            | "bill"
            | "grant"
            | "hope"
            | "joy"
            | "rose"
            | "june"
            | "april"
            | "august"
            | "summer"
            | "faith"
            | "art"
            | "guy"
            | "van"
            | "long"
            | "young"
            | "king"
            | "major"
            | "lane"
            | "hunter"
            | "miles"
            | "chase"
            | "price"
            | "page"
            | "golden"
            | "royal"
            | "sunny"
            | "star"
            | "ray"
            | "dean"
            | "earl"
            | "duke"
            | "rich"
            | "sterling"
            | "don"
            | "sky"
            | "christian"
            | "christmas"
            | "easter"
            | "china"
            | "india"
            | "georgia"
            | "virginia"
            | "carolina"
            | "jordan"
            | "france"
            | "paris"
            | "israel"
            | "in"
            | "an"
            | "so"
            | "le"
            | "la"
            | "lee"
            | "see"
            | "son"
            | "man"
            | "cruz"
            | "dominican"
            | "so-called"
            | "gay"
            | "white"
            | "black"
            | "brown"
            | "green"
            | "gray"
            | "grey"
            | "reed"
            | "cash"
            | "early"
            | "best"
            | "love"
            | "honey"
            | "penny"
            | "angel"
            | "justice"
            | "major-general"
            | "will's"
            | "wednesday"
            | "sunday"
            | "monday"
    )
}

fn gender_of(doc: &Doc<'_>, r: &Run, n_words: usize) -> Gender {
    for k in r.start..r.core {
        let w = doc.word(k).trim_end_matches('.');
        match w {
            "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Father" => return Gender::Male,
            "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess" => {
                return Gender::Female
            }
            _ => {}
        }
    }
    if r.start > 0 {
        match doc.word(r.start - 1) {
            "spokesman" | "congressman" | "businessman" | "chairman" => return Gender::Male,
            "spokeswoman" | "congresswoman" | "businesswoman" | "chairwoman" => {
                return Gender::Female
            }
            _ => {}
        }
    }
    if n_words >= 2 {
        if let Some(t) = doc.tokens.get(r.core) {
            let m = t.flags.has(Flags::FIRST_MALE);
            let f = t.flags.has(Flags::FIRST_FEMALE);
            if m && !f {
                return Gender::Male;
            }
            if f && !m {
                return Gender::Female;
            }
        }
    }
    Gender::Unknown
}

/// A role in apposition after a name that ends at token `end`: "Mark Rutte, NATO Secretary
/// General, said", "Iryna Bondar, a political scientist at Kyiv University." (a determiner is
/// dropped). A phrase of up to eight words with a role word, to the next comma or the sentence end.
fn apposed_role(doc: &Doc<'_>, end: usize) -> Option<String> {
    if !doc.is_punct(end, ',') {
        return None;
    }
    let sent = doc.tokens.get(end)?.sent;
    let mut a = end + 1;
    if matches!(doc.word(a), "a" | "an" | "the") {
        a += 1;
    } else if matches!(
        doc.word(a),
        "is" | "was" | "are" | "were" | "has" | "had" | "will" | "would" | "says" | "said"
    ) {
        // a clause ("Tom Hale, is a well-known lobbyist"), not an apposition
        return None;
    }
    let mut b = a;
    let mut role = false;
    while let Some(t) = doc.tokens.get(b) {
        if t.sent != sent || t.kind == Kind::Quote || b - a > 8 {
            return None;
        }
        if t.kind != Kind::Word {
            if doc.is_punct(b, '.')
                && b + 1 < doc.tokens.len()
                && doc.tokens.get(b + 1)?.sent == sent
            {
                // an abbreviation's period ("Sen.", "U.S.")
                b += 1;
                continue;
            }
            if matches!(doc.ch(b), Some(',' | '.' | ';')) {
                break;
            }
            if !matches!(doc.ch(b), Some('-' | '\'' | '’' | '&')) {
                return None;
            }
        } else {
            if t.flags.has(Flags::CUE) && !t.cap || matches!(doc.word(b), "who" | "which" | "and") {
                return None;
            }
            role |= t.flags.has(Flags::TITLE | Flags::ROLE_PERSON);
        }
        b += 1;
    }
    if !role || b == a {
        return None;
    }
    let s = doc.tokens.get(a)?.start();
    let e = doc.tokens.get(b - 1)?.end();
    doc.src.get(s..e).map(str::to_string)
}

/// Whether token `k` stands in a title-case headline: a line of at most 30 tokens with no
/// period at its end, whose words of four letters or more are all capitalised, three at least
/// ("Council Approves Budget for Parks"): there a listed surname alone ("Parks") is no name.
fn title_case_line(doc: &Doc<'_>, k: usize) -> bool {
    let Some(para) = doc.tokens.get(k).map(|t| t.para) else {
        return false;
    };
    let mut a = k;
    while a > 0 && doc.tokens.get(a - 1).is_some_and(|t| t.para == para) {
        a -= 1;
        if k - a > 30 {
            return false;
        }
    }
    let mut b = k + 1;
    while doc.tokens.get(b).is_some_and(|t| t.para == para) {
        b += 1;
        if b - a > 30 {
            return false;
        }
    }
    if doc.is_punct(b - 1, '.') {
        return false;
    }
    let mut long = 0;
    for j in a..b {
        let Some(t) = doc.tokens.get(j) else {
            return false;
        };
        if t.kind == Kind::Word && t.end() - t.start() >= 4 {
            if !t.cap {
                return false;
            }
            long += 1;
        }
    }
    long >= 3
}

/// A capitalised conjunction or sentence adverb that opens a sentence before a titled name.
fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "But"
            | "And"
            | "So"
            | "Yet"
            | "Or"
            | "Then"
            | "Now"
            | "Still"
            | "Meanwhile"
            | "However"
            | "Also"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "If"
            | "As"
            | "Because"
            | "Although"
            | "Though"
            | "Instead"
            | "Later"
            | "Earlier"
    )
}

fn role_of(doc: &Doc<'_>, r: &Run) -> Option<String> {
    let mut kept: Vec<usize> = Vec::new();
    let mut gap = false;
    for k in r.start..r.core {
        let w = doc.word(k);
        // ("But Councilman Robert Diaz": the conjunction opens the sentence, not the role)
        let opener = kept.is_empty() && k == doc.sentence_bounds(k).0 && opens_clause(w);
        if doc.tokens.get(k).is_some_and(|t| t.kind == Kind::Word) && !is_honorific(w) && !opener {
            gap |= kept
                .last()
                .is_some_and(|&p| p + 1 != k && !doc.is_punct(p + 1, '.'));
            kept.push(k);
        } else if !kept.is_empty() && !doc.is_punct(k, '.') {
            gap = true;
        }
    }
    if let (Some(&a), Some(&b)) = (kept.first(), kept.last()) {
        if gap {
            let words: Vec<&str> = kept.iter().map(|&k| doc.word(k)).collect();
            return Some(words.join(" "));
        }
        // the text as written, with an abbreviation's period: "State Sen." (not "State Sen")
        let b = if doc.abbrev_period(b) { b + 1 } else { b };
        return span_text(doc, a, b);
    }
    // lowercase role words just before the name: "opposition leader", "former prime minister",
    // with nouns that qualify them: "operations director"
    let a = role_words_before(doc, r.start);
    if a == r.start {
        return apposed_role(doc, r.end).or_else(|| role_apposed_before(doc, r));
    }
    span_text(doc, a, r.start - 1)
}

/// The text of tokens `a..=b`.
fn span_text(doc: &Doc<'_>, a: usize, b: usize) -> Option<String> {
    doc.src
        .get(doc.tokens.get(a)?.start()..doc.tokens.get(b)?.end())
        .map(str::to_string)
}

/// The first token of the lowercase role words that end just before token `end` (`end` when
/// there are none): role and title words, and up to two nouns before them that qualify the
/// role ("operations director", "health board chief executive").
fn role_words_before(doc: &Doc<'_>, end: usize) -> usize {
    let mut a = end;
    while a > 0
        && end - a < 4
        && doc.tokens.get(a - 1).is_some_and(|p| {
            p.kind == Kind::Word
                && (!p.cap || doc.sentence_bounds(a - 1).0 == a - 1)
                && p.flags.has(Flags::TITLE | Flags::ROLE_PERSON)
        })
    {
        a -= 1;
    }
    if a == end {
        return end;
    }
    let first = a;
    while a > 0 && first - a < 2 && role_modifier(doc, a - 1) {
        a -= 1;
    }
    a
}

/// Whether token `k` is a lowercase noun that may qualify a role word after it: no function
/// word, determiner, possessive, adverb, past tense, verb of saying or number.
fn role_modifier(doc: &Doc<'_>, k: usize) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    let w = doc.word(k);
    t.kind == Kind::Word
        && !t.cap
        && !t.flags.has(Flags::CUE)
        && w.len() >= 3
        && !w.ends_with("ly")
        // (a past tense: "praised director Sam Whitaker")
        && !w.ends_with("ed")
        && !w.ends_with("’s")
        && !w.ends_with("'s")
        && !w.contains(['’', '\''])
        && !matches!(
            w,
            "the"
                | "and"
                | "for"
                | "from"
                | "with"
                | "who"
                | "whom"
                | "that"
                | "this"
                | "these"
                | "those"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "your"
                | "was"
                | "were"
                | "has"
                | "had"
                | "have"
                | "will"
                | "would"
                | "not"
                | "but"
                | "also"
                | "then"
                | "than"
                | "into"
                | "onto"
                | "about"
                | "after"
                | "before"
                | "when"
                | "while"
                | "where"
                | "because"
                | "since"
                | "until"
                | "are"
                | "new"
                | "against"
                | "among"
                | "amid"
                | "across"
                | "along"
                | "around"
                | "behind"
                | "below"
                | "beside"
                | "between"
                | "beyond"
                | "despite"
                | "during"
                | "except"
                | "inside"
                | "near"
                | "outside"
                | "over"
                | "past"
                | "per"
                | "through"
                | "toward"
                | "towards"
                | "under"
                | "upon"
                | "via"
                | "within"
                | "without"
                | "like"
                | "unlike"
                | "including"
                | "off"
                | "out"
                | "whose"
                | "which"
                | "what"
                | "met"
        )
}

/// An article, a possessive pronoun or a possessive ("the", "His", "the firm’s").
fn is_article_or_possessive(w: &str) -> bool {
    const ARTICLES: &[&str] = &[
        "the", "The", "a", "A", "an", "An", "his", "her", "their", "its", "His", "Her", "Their",
        "Its", "our", "Our",
    ];
    ARTICLES.contains(&w) || w.ends_with("’s") || w.ends_with("'s")
}

/// A role in apposition before the name of run `r`: "The firm’s operations director, Sam
/// Whitaker, said …" gives "operations director" (the words after a determiner or possessive).
fn role_apposed_before(doc: &Doc<'_>, r: &Run) -> Option<String> {
    if r.start < 2 || !doc.is_punct(r.start - 1, ',') {
        return None;
    }
    // the apposition closes: a comma after the name
    if !doc.is_punct(r.end, ',') {
        return None;
    }
    let head = r.start - 2;
    let t = doc.tokens.get(head)?;
    if t.kind != Kind::Word || t.cap || !t.flags.has(Flags::ROLE_PERSON | Flags::TITLE) {
        return None;
    }
    let mut a = role_words_before(doc, head + 1);
    // adjectives after the determiner: "His likely successor"
    while a > 0
        && head + 1 - a < 5
        && doc.tokens.get(a - 1).is_some_and(|t| {
            let w = doc.word(a - 1);
            t.kind == Kind::Word
                && !t.cap
                && !t.flags.has(Flags::CUE)
                && !is_article_or_possessive(w)
                && (role_modifier(doc, a - 1) || w.ends_with("ly"))
        })
    {
        a -= 1;
    }
    // it opens with a determiner or possessive, or starts the sentence
    let before = a.checked_sub(1);
    let opened = before.is_none_or(|p| {
        let w = doc.word(p);
        p < doc.sentence_bounds(head).0 || is_article_or_possessive(w)
    });
    if !opened {
        return None;
    }
    span_text(doc, a, head)
}

/// The first letters and byte lengths of a set of lowercased keys: a plain ASCII word whose pair
/// is missing lowercases to no key of the set (its lowercase form has the same first letter,
/// folded, and length); any other word may.
#[derive(Default)]
struct KeyFilter([u32; 27]);

impl KeyFilter {
    fn add(&mut self, key: &str) {
        let b = key.as_bytes();
        if let Some(m) = b.first().and_then(|&c| self.0.get_mut(first_slot(c))) {
            *m |= 1 << b.len().min(31);
        }
    }
    fn may_hold(&self, w: &str) -> bool {
        !w.is_ascii() || may_be_in(&self.0, w)
    }
}

/// Finds person-name mentions and merges them into entities.
pub fn find_people(doc: &Doc<'_>) -> People {
    let runs = scan_runs(doc);
    // news has about one name mention per 23 tokens and one person per 90: room for one per 16
    // and one per 64, rarely regrown
    let mut people = People {
        entities: Vec::with_capacity(doc.tokens.len() / 64 + 4),
        mentions: Vec::with_capacity(doc.tokens.len() / 16 + 4),
    };
    let mut by_key: FnvMap<String, usize> = FnvMap::default();
    let mut by_first: FnvMap<String, usize> = FnvMap::default();
    // the (first letter, length) pairs of the keys of both maps, to skip lookups
    let mut key_filter = KeyFilter::default();
    // pass 1: multi-word names
    let mut accepted: Vec<Option<(usize, usize)>> = vec![None; runs.len()]; // (core, end) of accepted person runs
    for (ri, r) in runs.iter().enumerate() {
        if r.nonperson
            || (r.core..r.end)
                .filter(|&k| doc.tokens.get(k).is_some_and(|t| t.kind == Kind::Word))
                .count()
                < 2
        {
            continue;
        }
        // the number of core words (`core_words(doc, r).len()`), without collecting them
        let n_words = core_word_iter(doc, r).count();
        let (core, end) = if n_words > 4 {
            // keep the last three words
            let mut c = r.end;
            let mut seen = 0;
            while c > r.core && seen < 3 {
                c -= 1;
                if doc.tokens.get(c).is_some_and(|t| t.kind == Kind::Word) {
                    seen += 1;
                }
            }
            (c, r.end)
        } else {
            (r.core, r.end)
        };
        let first = doc.tokens.get(core).map_or(Flags::default(), |t| t.flags);
        let last = doc
            .tokens
            .get(end.saturating_sub(1))
            .map_or(Flags::default(), |t| t.flags);
        let cue = followed_by_cue(doc, r.end) || preceded_by_cue(doc, r.start);
        // "Thutmose III", "Louis XIV": a name with a regnal number
        let regnal = || {
            let last_word = doc.word(end.saturating_sub(1));
            last_word != "I" && regnal_at(doc, end.saturating_sub(1))
        };
        // "Adnan Z. Amin": a middle initial
        let initial = || {
            (core + 1..end.saturating_sub(1)).any(|k| {
                doc.word(k).chars().count() == 1
                    && doc.word(k).chars().all(char::is_uppercase)
                    && doc.is_punct(k + 1, '.')
            }) && name_shaped(doc.word(core))
        };
        // (the tests are pure: evaluated only as far as the answer needs them)
        let strong = || {
            first.has(Flags::FIRST)
                || r.titled
                || cue
                || regnal()
                || initial()
                || followed_by_age(doc, r.end)
        };
        let shaped = (core..end).all(|k| {
            doc.tokens.get(k).is_some_and(|t| {
                t.kind != Kind::Word
                    || name_shaped(doc.word(k))
                    || (k > core
                        && (regnal_at(doc, k)
                            || is_hyphen_particle(doc.word(k))
                            || is_particle(doc.word(k))))
            })
        });
        // "Li Wen soon impressed", "Mario Antonio, who": a verb or relative clause after the run
        let verb_after = || {
            n_words <= 3
                && shaped
                && (followed_by_verb(doc, r.end)
                    || relative_after(doc, r.end)
                    || by_creator(doc, r.start))
        };
        // "Bin Laden", "De Gaulle", "Osama bin Laden", "Ayman al-Zawahiri": name particles
        let particle = ((matches!(
            doc.word(core),
            "Bin" | "Ibn" | "Abu" | "Van" | "Von" | "De" | "Da" | "Di" | "Del" | "Al" | "El"
        ) && n_words <= 3)
            || (core + 1..end).any(|k| {
                matches!(
                    doc.word(k),
                    "bin" | "ibn" | "al" | "van" | "von" | "de" | "da" | "di" | "der" | "dos"
                ) || is_hyphen_particle(doc.word(k))
            }))
            && shaped;
        // "- Spike Okonjo": a signature after a dash, alone on its line
        let signed = shaped
            && n_words <= 3
            && core > 0
            && matches!(doc.ch(core - 1), Some('-' | '–' | '—'))
            && alone_in_para(doc, core, end);
        // "Tiger Moon", "Garden Shows": a run with a common word is a title or a thing
        if !first.has(Flags::FIRST)
            && !r.titled
            && !cue
            && !particle
            && !signed
            && (core..end).any(|k| is_common(doc, k))
        {
            continue;
        }
        let any_name = (core..end).any(|k| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.flags.has(Flags::FIRST | Flags::SURNAME))
        });
        // at a sentence start, a common word was stripped already: what is left is name-like
        let weak = (last.has(Flags::SURNAME) || (shaped && any_name && n_words <= 3))
            && (!r.sent_initial || (shaped && !is_common(doc, core)));
        if strong() || weak || particle || signed || verb_after() {
            accepted[ri] = Some((core, end));
        }
    }
    // document-level consistency: a word sequence judged a name once is a name everywhere
    // (names are slices of the text when their words stand one space apart, built otherwise)
    let mut seen_names: FnvMap<Cow<'_, str>, ()> = FnvMap::default();
    let mut name_buf = String::new();
    for (ri, r) in runs.iter().enumerate() {
        if let Some((core, end)) = accepted.get(ri).copied().flatten() {
            let sub = Run { core, end, ..*r };
            let name = match core_name_plain(doc, &sub) {
                Some(plain) => Cow::Borrowed(plain),
                None => {
                    core_name_into(doc, &sub, &mut name_buf);
                    if seen_names.contains_key(name_buf.as_str()) {
                        continue;
                    }
                    Cow::Owned(name_buf.clone())
                }
            };
            seen_names.entry(name).or_insert(());
        }
    }
    if !seen_names.is_empty() {
        for (ri, r) in runs.iter().enumerate() {
            if r.determined || accepted.get(ri).copied().flatten().is_some() || r.end - r.core < 2 {
                continue;
            }
            let seen = match core_name_plain(doc, r) {
                Some(plain) => seen_names.contains_key(plain),
                None => {
                    core_name_into(doc, r, &mut name_buf);
                    seen_names.contains_key(name_buf.as_str())
                }
            };
            if seen {
                if let Some(slot) = accepted.get_mut(ri) {
                    *slot = Some((r.core, r.end));
                }
            }
        }
    }
    // entities whose surname is also a non-person word ("Tom Hall"), see below
    let mut place_surnamed: Vec<usize> = Vec::new();
    // lowercased last and first words, in reused buffers (owned copies only for new map keys)
    let mut key_buf = String::new();
    let mut first_buf = String::new();
    for (ri, r) in runs.iter().enumerate() {
        if let Some((core, end)) = accepted.get(ri).copied().flatten() {
            let sub = Run { core, end, ..*r };
            // the first and last core words and their number, without collecting them
            let (mut n_words, mut first_w, mut last_w) = (0usize, "", "");
            for w in core_word_iter(doc, &sub) {
                if n_words == 0 {
                    first_w = w;
                }
                last_w = w;
                n_words += 1;
            }
            lower_into(last_w, &mut key_buf);
            lower_into(first_w, &mut first_buf);
            let key = key_buf.as_str();
            let first = first_buf.as_str();
            // `core_words(doc, &sub).join(" ")`
            let name = |buf: &mut String| match core_name_plain(doc, &sub) {
                Some(plain) => plain.to_string(),
                None => {
                    core_name_into(doc, &sub, buf);
                    buf.clone()
                }
            };
            let id = match by_key.get(key) {
                Some(&id) => {
                    if let Some(e) = people.entities.get_mut(id) {
                        if n_words > e.words {
                            e.name = name(&mut name_buf);
                            e.words = n_words;
                        }
                        // (a new entity has these from the same run already)
                        if e.role.is_none() {
                            e.role = role_of(doc, &sub);
                        }
                        if e.gender == Gender::Unknown {
                            e.gender = gender_of(doc, &sub, n_words);
                        }
                    }
                    id
                }
                None => {
                    people.entities.push(Entity {
                        name: name(&mut name_buf),
                        role: role_of(doc, &sub),
                        gender: gender_of(doc, &sub, n_words),
                        org: false,
                        key: key.to_string(),
                        words: n_words,
                    });
                    let id = people.entities.len() - 1;
                    by_key.insert(key.to_string(), id);
                    key_filter.add(key);
                    if r.place_surname {
                        place_surnamed.push(id);
                    }
                    id
                }
            };
            if !by_first.contains_key(first) {
                by_first.insert(first.to_string(), id);
                key_filter.add(first);
            }
            push_mention(doc, &mut people, core, end, id);
        }
    }
    // pass 2: single words; a second sweep takes words named later in the text ("Zelensky" before
    // "Zelensky said" is a name too)
    let mut taken = vec![false; doc.tokens.len()];
    for m in &people.mentions {
        for k in m.tok_start..m.tok_end {
            if let Some(x) = taken.get_mut(k) {
                *x = true;
            }
        }
    }
    // the lowercased word, in one reused buffer
    let mut lower_buf = String::new();
    let entities_before = people.entities.len();
    for sweep in 0..2 {
        // the second sweep can only find names that the first one added: the maps it looks
        // words up in are otherwise the same, and every word found is taken
        if sweep == 1 && people.entities.len() == entities_before {
            break;
        }
        for (ri, r) in runs.iter().enumerate() {
            if accepted.get(ri).copied().flatten().is_some() || r.determined {
                continue;
            }
            // each word of the core may be a single-word mention ("Zelensky Calls for ...")
            for k in r.core..r.end {
                let Some(t) = doc.tokens.get(k) else { continue };
                if t.kind != Kind::Word || taken.get(k).copied().unwrap_or(true) {
                    continue;
                }
                let w = strip_possessive(doc.word(k));
                let f = t.flags;
                if f.has(Flags::NONPERSON) && !f.has(Flags::FIRST | Flags::SURNAME) {
                    continue;
                }
                // a word that is no known name (by the filter) and that `accept_single` would
                // not take (a core of several words, or the second sweep) changes nothing
                let maybe_known = key_filter.may_hold(w);
                if !maybe_known && (r.end - r.core != 1 || sweep == 1) {
                    continue;
                }
                // (lowered now for the map lookups; for a new name only once it is taken)
                if maybe_known {
                    lower_into(w, &mut lower_buf);
                }
                let titled_here = r.titled && k == r.core && r.end - r.core == 1;
                if w.chars().count() < 2
                    || w.chars().all(|c| c.is_uppercase())
                        && w.len() <= 4
                        && !(maybe_known && by_key.contains_key(lower_buf.as_str()))
                {
                    continue;
                }
                let known = if maybe_known {
                    let lower = lower_buf.as_str();
                    by_key.get(lower).or_else(|| by_first.get(lower)).copied()
                } else {
                    None
                };
                // "Hall" alone after "Tom Hall" may be a building, "Park" a park: such a word
                // is his only with a title ("Mr. Hall")
                if known.is_some_and(|id| place_surnamed.contains(&id))
                    && f.has(Flags::NONPERSON)
                    && !titled_here
                {
                    continue;
                }
                let id = if let Some(id) = known {
                    Some(id)
                } else if sweep == 0 && accept_single(doc, r, k, w, titled_here) {
                    if !maybe_known {
                        lower_into(w, &mut lower_buf);
                    }
                    let lower = lower_buf.as_str();
                    people.entities.push(Entity {
                        name: w.to_string(),
                        role: role_of(doc, r),
                        gender: gender_of(doc, r, 1),
                        org: false,
                        key: lower.to_string(),
                        words: 1,
                    });
                    let id = people.entities.len() - 1;
                    by_key.insert(lower.to_string(), id);
                    key_filter.add(lower);
                    Some(id)
                } else {
                    None
                };
                if let Some(id) = id {
                    push_mention(doc, &mut people, k, k + 1, id);
                    if let Some(x) = taken.get_mut(k) {
                        *x = true;
                    }
                }
            }
        }
    }
    coordinate(doc, &runs, &mut people, &mut taken, &mut by_key);
    // (mentions come mostly in text order already; the stable sort keeps equal keys in place)
    if !people.mentions.is_sorted_by_key(|m| m.span.start) {
        people.mentions.sort_by_key(|m| m.span.start);
    }
    people
}

/// A role or collective noun and "of"/"in"/"for"/"at"/"from" (and "the") before token `start`:
/// "Residents of Aberporth", "the mayor of Leeds" (the speaker is the noun phrase, not the name
/// after it). Gives the noun's token and its role flags (its own, or its singular's).
pub(crate) fn role_head_before(doc: &Doc<'_>, start: usize) -> Option<(usize, Flags)> {
    let s = if start > 0 && matches!(doc.word(start - 1), "the" | "The") {
        start - 1
    } else {
        start
    };
    if s < 2 || !matches!(doc.word(s - 1), "of" | "in" | "for" | "at" | "from") {
        return None;
    }
    let h = s - 2;
    let ht = doc.tokens.get(h)?;
    if ht.kind != Kind::Word {
        return None;
    }
    let hw = doc.word(h);
    let mut buf = [0u8; 32];
    let singular = lookup_word(hw.strip_suffix('s').unwrap_or(hw), &mut buf);
    let roles = Flags::ROLE_PERSON | Flags::ROLE_COLLECTIVE;
    let flags = Flags((ht.flags.0 | singular.0) & roles.0);
    (!flags.is_empty()).then_some((h, flags))
}

/// Judges one capitalised word of a run that was not taken as a multi-word name.
fn accept_single(doc: &Doc<'_>, r: &Run, k: usize, w: &str, titled: bool) -> bool {
    // a test of the lowercased word (`w.to_lowercase()`), lowered only when asked: in a stack
    // buffer for ASCII words
    let lower = |test: fn(&str) -> bool| {
        if w.is_ascii() {
            with_ascii_lower(w, test)
        } else {
            test(&w.to_lowercase())
        }
    };
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    let f = t.flags;
    let names = f.has(Flags::FIRST | Flags::SURNAME);
    let np = f.has(Flags::NONPERSON) || f.has(Flags::TITLE) && !f.has(Flags::SURNAME);
    // "Dr. Little", "spokeswoman Okafor"; a listed word only after an honorific ("Dr. Little", not
    // "the former Virginia senator")
    let honorific = || (r.start..r.core).any(|j| is_honorific(doc.word(j)));
    if titled && (!np || (names && honorific())) {
        return true;
    }
    if np || r.end - r.core != 1 {
        return false;
    }
    let sent_initial = k == r.start && r.sent_initial;
    let shaped = shaped_at(doc, k);
    let common = is_common(doc, k);
    let place = f.has(Flags::PLACE);
    // "Hi David:", "Thanks Don.", a name alone on its line (signatures)
    let greeted = k > 0 && is_greeting(doc.word(k - 1));
    // alone on a line: a first name ("Mark"), or any name after a dash or before a comma
    // ("- Oskarsson", "Rajiv,")
    let marked = || {
        doc.is_punct(r.end, ',')
            || (r.core > 0 && matches!(doc.ch(r.core - 1), Some('-' | '–' | '—')))
    };
    // (pure tests, evaluated only as far as the answer needs them)
    let alone = || alone_in_para(doc, r.core, r.end) && (f.has(Flags::FIRST) || marked());
    if (greeted || alone())
        && shaped
        && !is_greeting(w)
        && !common
        && !place
        && !lower(word_like)
        && !lower(|l| matches!(l, "best" | "regards" | "cheers" | "thanks" | "sincerely"))
    {
        return true;
    }
    if common {
        return false;
    }
    // "Okafor said", not "Reporters said", nor "Residents of Aberporth said"
    if k + 1 == r.end
        && followed_by_cue(doc, r.end)
        && (names || !lower(word_like))
        && !(sent_initial && f.is_empty() && men_plural(w))
        && role_head_before(doc, r.start).is_none()
    {
        return true;
    }
    if place {
        return false;
    }
    // (at a sentence start, "Prices will rise" and "Taxes will fall" are plural nouns)
    let unknown = f.is_empty() && name_shaped(w) && !(sent_initial && plural_of_listed(w));
    let poss = (doc.word(k).len() != w.len() && next_lower(doc, k + 1))
        || (split_possessive(doc, k) && next_lower(doc, k + 3));
    // "Holm: “The ferry stays …”": a speaker's label before a quotation of three words or more
    // (not a field label: `Email: "Ian" <…>`)
    let label = || {
        sent_initial
            && doc.is_punct(r.end, ':')
            && doc
                .tokens
                .get(r.end + 1)
                .is_some_and(|t| t.kind == Kind::Quote)
            && (r.end + 2..r.end + 5)
                .all(|j| doc.tokens.get(j).is_some_and(|t| t.kind == Kind::Word))
    };
    (shaped && preceded_by_cue(doc, r.start))
        || (shaped && !lower(word_like) && label())
        || (!sent_initial
            && f.has(Flags::SURNAME)
            && !f.has(Flags::FIRST)
            && !title_case_line(doc, k))
        || (names && followed_by_verb(doc, r.end) && shaped)
        || (unknown
            && !(sent_initial && lower(word_like))
            && ((followed_by_verb(doc, r.end) && !in_phrase(doc, r.start))
                || relative_after(doc, r.end)))
        || ((unknown || (names && !lower(common_word))) && poss && !lower(word_like))
        || (f.has(Flags::FIRST)
            && !lower(common_word)
            && shaped
            && (!sent_initial || lone(doc, r.end)))
        || (unknown && !sent_initial && person_verb_before(doc, r.start))
        || (f.is_empty() && caps_name(doc, k) && followed_by_verb(doc, r.end))
        || (unknown && by_creator(doc, r.start))
        || (unknown && with_pronoun(doc, r.start, r.end))
        || ((unknown || names) && shaped && and_his(doc, r.end))
}

/// An unlisted word that is the plural of a listed word other than a first name: "Prices"
/// (price, also a surname), "Taxes" (tax), "Churches", and any "-men" ("Fishermen"). Surnames
/// that end in -s are listed themselves ("Evans", "Gates"); "Carmen" is a listed first name.
fn plural_of_listed(w: &str) -> bool {
    let mut buf = [0u8; 32];
    let listed = |stem: &str, buf: &mut [u8; 32]| {
        let f = lookup_word(stem, buf);
        !f.is_empty() && !f.has(Flags::FIRST)
    };
    if men_plural(w) {
        return true;
    }
    let Some(stem) = w.strip_suffix('s') else {
        return false;
    };
    if stem.len() >= 3 && listed(stem, &mut buf) {
        return true;
    }
    // "-es" after a sibilant: tax-es, church-es, wish-es, bus-es
    stem.strip_suffix('e').is_some_and(|st| {
        st.len() >= 2
            && (st.ends_with('x')
                || st.ends_with("ch")
                || st.ends_with("sh")
                || st.ends_with('s')
                || st.ends_with('z'))
            && listed(st, &mut buf)
    })
}

/// "Fishermen", "Firemen", "Congressmen": a plural of "-man" (no listed first name, which
/// "Carmen" is, reaches the tests that ask).
fn men_plural(w: &str) -> bool {
    w.len() >= 6 && w.ends_with("men")
}

/// The token at `k` is a lowercase word.
fn next_lower(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens
        .get(k)
        .is_some_and(|n| n.kind == Kind::Word && !n.cap)
}

/// ", who", ", whose", ", now 31,": a relative clause or an age after a name.
fn relative_after(doc: &Doc<'_>, end: usize) -> bool {
    doc.is_punct(end, ',')
        && (matches!(doc.word(end + 1), "who" | "whose")
            || (doc.word(end + 1) == "now"
                && doc
                    .tokens
                    .get(end + 2)
                    .is_some_and(|t| t.kind == Kind::Number)))
}

/// "…,” said Guilbeault", "according to Okafor": a reporting verb just before the name.
fn preceded_by_cue(doc: &Doc<'_>, start: usize) -> bool {
    if start < 2 {
        return false;
    }
    let Some(p) = doc.tokens.get(start - 1) else {
        return false;
    };
    if p.kind != Kind::Word || p.cap {
        return false;
    }
    let w = doc.word(start - 1);
    if w == "to" && doc.word(start - 2) == "according" {
        return true;
    }
    let inverted = doc
        .tokens
        .get(start - 2)
        .is_some_and(|q| q.kind == Kind::Quote || q.kind == Kind::Punct);
    inverted
        && matches!(
            w,
            "said"
                | "says"
                | "added"
                | "asked"
                | "wrote"
                | "explained"
                | "recalled"
                | "noted"
                | "replied"
                | "continued"
                | "insisted"
                | "argued"
                | "warned"
                | "stressed"
                | "declared"
                | "tweeted"
        )
}

/// Verbs whose object is nearly always a person: "met Okafor", "married Lindqvist".
fn person_verb_before(doc: &Doc<'_>, start: usize) -> bool {
    start > 0
        && matches!(
            doc.word(start - 1),
            "met"
                | "meets"
                | "meeting"
                | "married"
                | "marry"
                | "thanked"
                | "interviewed"
                | "accompanied"
                | "hired"
                | "fired"
                | "endorsed"
                | "nominated"
                | "appointed"
                | "praised"
                | "criticized"
                | "criticised"
                | "accused"
                | "sued"
                | "pardoned"
                | "impeached"
                | "starring"
                | "featuring"
                | "opposite"
                | "divorced"
                | "befriended"
                | "congratulated"
                | "urged"
                | "asked"
        )
}

/// After a preposition ("the old canal to Tarnowo was …"): the word is inside a prepositional
/// phrase, so the verb after it is not its own.
fn in_phrase(doc: &Doc<'_>, start: usize) -> bool {
    start > 0
        && matches!(
            doc.word(start - 1),
            "in" | "at"
                | "from"
                | "to"
                | "of"
                | "near"
                | "into"
                | "across"
                | "through"
                | "around"
                | "outside"
                | "inside"
                | "toward"
                | "towards"
                | "via"
                | "within"
                | "beyond"
                | "onto"
                | "on"
                | "for"
                | "by"
                | "under"
                | "over"
        )
}

/// "directed by Okafor", "paintings by …", "accompanied by …": the maker of a work, or a
/// companion, is a person.
fn by_creator(doc: &Doc<'_>, start: usize) -> bool {
    start >= 2
        && doc.word(start - 1) == "by"
        && matches!(
            doc.word(start - 2),
            "accompanied"
                | "coached"
                | "trained"
                | "raised"
                | "adopted"
                | "invented"
                | "works"
                | "paintings"
                | "painting"
                | "songs"
                | "song"
                | "novels"
                | "novel"
                | "books"
                | "book"
                | "films"
                | "film"
                | "poems"
                | "poem"
                | "scores"
                | "essays"
                | "essay"
                | "letters"
                | "photographs"
                | "sculptures"
                | "sculpture"
                | "plays"
                | "portrait"
                | "portraits"
                | "drawings"
                | "speech"
                | "remarks"
                | "comments"
                | "statement"
                | "tweet"
                | "tweets"
                | "article"
                | "op-ed"
                | "directed"
                | "written"
                | "produced"
                | "painted"
                | "composed"
                | "designed"
                | "illustrated"
                | "edited"
                | "photographed"
                | "narrated"
                | "founded"
                | "co-founded"
                | "authored"
                | "sung"
                | "performed"
                | "played"
                | "portrayed"
                | "voiced"
                | "killed"
                | "murdered"
                | "assassinated"
                | "interviewed"
                | "replaced"
                | "succeeded"
        )
}

/// "between him and Okafor", "Okafor and I": a name coordinated with a personal pronoun.
fn with_pronoun(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    (start >= 2
        && doc.word(start - 1) == "and"
        && matches!(doc.word(start - 2), "him" | "her" | "me" | "you" | "us"))
        || (doc.word(end) == "and" && matches!(doc.word(end + 1), "I" | "me" | "him" | "her"))
}

/// "Georges and his wife": a name coordinated with a possessive pronoun phrase.
fn and_his(doc: &Doc<'_>, end: usize) -> bool {
    doc.word(end) == "and" && matches!(doc.word(end + 1), "his" | "her")
}

/// A run alone in its paragraph (a signature or sign-off line), possibly after a dash and before
/// a comma, colon or period.
fn alone_in_para(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let Some(t) = doc.tokens.get(start) else {
        return false;
    };
    let other = |i: usize| doc.tokens.get(i).is_none_or(|x| x.para != t.para);
    let before = start == 0
        || other(start - 1)
        || (matches!(doc.ch(start - 1), Some('-' | '–' | '—')) && (start < 2 || other(start - 2)));
    let mut e = end;
    if matches!(doc.ch(e), Some(',' | ':' | '.' | '!')) {
        e += 1;
    }
    before && other(e)
}

/// Coordination: unknown names listed with a person are people too ("Cheney, Rumsfeld or
/// Wolfowitz", "KENNEDY, SOUTER and BREYER"). Each run is taken at most once.
fn coordinate(
    doc: &Doc<'_>,
    runs: &[Run],
    people: &mut People,
    taken: &mut [bool],
    by_key: &mut FnvMap<String, usize>,
) {
    let mut work: Vec<(usize, usize)> = people
        .mentions
        .iter()
        .map(|m| (m.tok_start, m.tok_end))
        .collect();
    let is_conj = |i: usize| matches!(doc.word(i), "and" | "or" | "&");
    let free = |taken: &[bool], r: &Run| {
        !r.determined
            && !r.nonperson
            && r.end - r.core <= 3
            && (r.core..r.end).all(|k| !taken.get(k).copied().unwrap_or(true))
    };
    while let Some((a, b)) = work.pop() {
        // (the seed's all-capitals test only when a candidate is not name-shaped)
        let ok = |k: usize| {
            !not_name_word(doc, k)
                && (name_shaped(doc.word(k)) || (caps_word(doc, a) && caps_word(doc, k)))
                && !with_ascii_lower(doc.word(k), word_like)
        };
        // at most one run to the right and one to the left (no allocation per mention)
        let mut cands: [Option<usize>; 2] = [None, None];
        // to the right: ", Rumsfeld," / "and Annan"
        let mut j = b;
        let comma = doc.is_punct(j, ',');
        if comma {
            j += 1;
        }
        let conj = is_conj(j);
        if conj {
            j += 1;
        }
        if comma || conj {
            if let Ok(ri) = runs.binary_search_by_key(&j, |r| r.start) {
                if let Some(r) = runs.get(ri) {
                    let listed = conj
                        || doc.is_punct(r.end, ',')
                        || is_conj(r.end)
                        || doc.is_punct(r.end, '.');
                    if listed && r.core == r.start {
                        cands[0] = Some(ri);
                    }
                }
            }
        }
        // to the left: "Powell and" / "Cheney,"
        if a >= 2 {
            let mut j = a - 1;
            let conj = is_conj(j);
            if conj && j > 0 {
                j -= 1;
            }
            let comma = doc.is_punct(j, ',');
            if comma && j > 0 {
                j -= 1;
            }
            let seed_listed = doc.is_punct(b, ',') || is_conj(b);
            if conj || (comma && seed_listed) {
                if let Ok(ri) = runs.binary_search_by_key(&(j + 1), |r| r.end) {
                    cands[1] = Some(ri);
                }
            }
        }
        for ri in cands.into_iter().flatten() {
            let Some(r) = runs.get(ri) else { continue };
            if !free(taken, r)
                || !(r.core..r.end)
                    .all(|k| doc.tokens.get(k).is_some_and(|t| t.kind != Kind::Word) || ok(k))
            {
                continue;
            }
            let words = core_words(doc, r);
            let key = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
            let id = match by_key.get(&key) {
                Some(&id) => id,
                None => {
                    people.entities.push(Entity {
                        name: words.join(" "),
                        role: None,
                        gender: Gender::Unknown,
                        org: false,
                        key: key.clone(),
                        words: words.len(),
                    });
                    let id = people.entities.len() - 1;
                    by_key.insert(key, id);
                    id
                }
            };
            push_mention(doc, people, r.core, r.end, id);
            for k in r.core..r.end {
                if let Some(x) = taken.get_mut(k) {
                    *x = true;
                }
            }
            work.push((r.core, r.end));
        }
    }
}

fn push_mention(doc: &Doc<'_>, people: &mut People, core: usize, end: usize, entity: usize) {
    let (Some(a), Some(b)) = (doc.tokens.get(core), doc.tokens.get(end.saturating_sub(1))) else {
        return;
    };
    let last = doc.text(b);
    let trimmed = strip_possessive(last);
    let span = Span::new(a.start(), b.start() + trimmed.len());
    people.mentions.push(Mention {
        span,
        tok_start: core,
        tok_end: end,
        entity,
        kind: MentionKind::Name,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::tokenize;

    #[test]
    fn name_shaped_matches_the_char_walk() {
        let words = [
            "",
            "A",
            "Ab",
            "AB",
            "ab",
            "O'Neill",
            "O’Neill",
            "al-Zawahiri",
            "Al-Sisi",
            "R-Texas",
            "D-Calif",
            "J.",
            "Jr.",
            "St.John",
            "McDonald",
            "MACDONALD",
            "Smith's",
            "Smith’s",
            "Smiths'",
            "He'd",
            "They'll",
            "We're",
            "You've",
            "I'm",
            "Don't",
            "Can’t",
            "Ab1",
            "Ab_c",
            "Zoë",
            "Émile",
            "Ångström",
            "Łukasz",
            "Ab-",
            "A-b",
            "Ab.c",
            "A'",
            "X's",
            "Ms",
            "Mr.",
            "Dr",
            "ÉMILE",
            "Ab'd",
            "Abn't",
            "Ab\u{301}c",
        ];
        for w in words {
            assert_eq!(
                name_shaped(w),
                name_shaped_chars(strip_possessive(w)),
                "{w:?}"
            );
        }
    }

    #[test]
    fn word_filters_have_no_false_negatives() {
        const LIST: [&str; 6] = [
            "also",
            "later",
            "has",
            "n't",
            "Über",
            "a-very-long-word-over-31-bytes-long",
        ];
        let pairs = pair_mask(&LIST);
        for w in LIST {
            assert!(may_be_in_pairs(&pairs, w), "{w}");
        }
        assert!(!may_be_in_pairs(&pairs, "the"));
        assert!(!may_be_in_pairs(&pairs, ""));
        assert!(word_in!("later", "also" | "later" | "has"));
        assert!(!word_in!("lateR2", "also" | "later" | "has"));
        let mut f = KeyFilter::default();
        for k in ["smith", "o'neill", "zoë"] {
            f.add(k);
        }
        for w in ["Smith", "SMITH", "smith", "O'Neill", "Zoë", "ZOË"] {
            assert!(f.may_hold(w), "{w}");
        }
        assert!(!f.may_hold("Smyth2"));
        assert!(!f.may_hold("Jones"));
    }

    /// A plain core name is the same string as the joined core words.
    #[test]
    fn plain_core_names_equal_joined_words() {
        let text = "Dr. Maria Lopez met Anna-Lena Kowalski’s aide, J. R. Smith and Jean  Dupont \
                    in New York. Sen. Bob Kasper, Mary O'Neill's son and Ayman al-Zawahiri left.";
        let doc = tokenize(text);
        let mut plain = 0;
        for r in scan_runs(&doc) {
            if let Some(s) = core_name_plain(&doc, &r) {
                assert_eq!(s, core_words(&doc, &r).join(" "));
                plain += 1;
            }
        }
        assert!(plain >= 3, "{plain}");
    }

    fn names(text: &str) -> Vec<String> {
        let d = tokenize(text);
        let p = find_people(&d);
        p.mentions
            .iter()
            .map(|m| text[m.span.start..m.span.end].to_string())
            .collect()
    }

    #[test]
    fn names_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "first name + surname",
                "Yesterday Susan Carter resigned.",
                &["Susan Carter"],
            ),
            (
                "title strips",
                "President Volodymyr Zelensky spoke.",
                &["Volodymyr Zelensky"],
            ),
            (
                "possessive",
                "It was Zelensky’s visit. Volodymyr Zelensky left.",
                &["Zelensky", "Volodymyr Zelensky"],
            ),
            (
                "country not person",
                "France and Germany agreed in March.",
                &[],
            ),
            ("institution not person", "The White House said no.", &[]),
            ("cue verb context", "Yesterday Rutte said it.", &["Rutte"]),
            ("honorific single", "Mr. Okonkwo arrived.", &["Okonkwo"]),
            (
                "lowercase role before",
                "spokeswoman Olga Petrenko said",
                &["Olga Petrenko"],
            ),
            (
                "common word starts a sentence",
                "Analysis showed the plan failed.",
                &[],
            ),
            (
                "greeting",
                "Hi Priyanka, thanks for the note.",
                &["Priyanka"],
            ),
            (
                "cue before the name",
                "“We will rebuild,” said Okonjo.",
                &["Okonjo"],
            ),
            (
                "coordination with a person",
                "Senator Warren, Okafor and Lindqvist attended.",
                &["Warren", "Okafor", "Lindqvist"],
            ),
            (
                "all-caps names in a list",
                "In that case GARCIA, OKAFOR and LINDQVIST joined the opinion.",
                &["GARCIA", "OKAFOR", "LINDQVIST"],
            ),
            (
                "regnal number",
                "Coins from the reign of Louis XIV were found.",
                &["Louis XIV"],
            ),
            (
                "relative clause after a name",
                "Okafor, whose film won, was absent.",
                &["Okafor"],
            ),
            (
                "possessive at sentence start",
                "Okafor’s film won.",
                &["Okafor"],
            ),
            ("contraction is no name", "He'd like more time.", &[]),
            (
                "title of a work",
                "She read Tiger Moon Stories yesterday.",
                &[],
            ),
            ("middle initial", "Adaeze K. Obi spoke.", &["Adaeze K. Obi"]),
            (
                "trailing common word",
                "Is Hank Vance Happy?",
                &["Hank Vance"],
            ),
            (
                "coordinated with a pronoun",
                "The dispute between him and Okafor grew.",
                &["Okafor"],
            ),
            (
                "maker of a work",
                "The film was directed by Tarik Lindqvist. Critics loved Tarik Lindqvist.",
                &["Tarik Lindqvist", "Tarik Lindqvist"],
            ),
            (
                "later mention makes an earlier one",
                "Reporters asked about Okafor. Okafor said nothing.",
                &["Okafor", "Okafor"],
            ),
            (
                "place is no person",
                "Crowds gathered in Nairobi today.",
                &[],
            ),
            (
                "REGRESSION pronoun after a place is no regnal number",
                "In Nairobi I saw crowds.",
                &[],
            ),
            (
                "hyphenated particle",
                "Analysts studied Ayman al-Rashidi closely.",
                &["Ayman al-Rashidi"],
            ),
            (
                "lowercase particle",
                "The raid targeted Osama bin Khalid last year.",
                &["Osama bin Khalid"],
            ),
            (
                "hyphenated title",
                "UN Secretary-General Kwesi Mensah spoke.",
                &["Kwesi Mensah"],
            ),
            (
                "REGRESSION sentence-initial name ending in -ed",
                "Waleed Qureshi, 22, left.",
                &["Waleed Qureshi"],
            ),
            (
                "thing noun before a run",
                "Fans say the band Velvet Echo released a record.",
                &[],
            ),
            (
                "REGRESSION acronym in brackets",
                "The agency (MARIA) is certain.",
                &[],
            ),
            (
                "sentence-initial adjective",
                "Best Pizza Palace in town.",
                &[],
            ),
            (
                "place after an age",
                "Farid Rahimi, 31, Castle Bromwich",
                &["Farid Rahimi"],
            ),
            (
                "REGRESSION year before a name is no age",
                "In 1955, Okafor took up rowing.",
                &["Okafor"],
            ),
            ("storm name", "Hurricane Odessa hit the coast.", &[]),
            (
                "person noun before a name",
                "We met artist Gunnar Lindqvist.",
                &["Gunnar Lindqvist"],
            ),
            (
                "REGRESSION trailing pronoun I",
                "Yesterday Hank Vance I hear was kind.",
                &["Hank Vance"],
            ),
            (
                "REGRESSION function word that is a first name",
                "In Nairobi I saw crowds.",
                &[],
            ),
            (
                "signature after a dash",
                "- Spike Okonjo",
                &["Spike Okonjo"],
            ),
            (
                "all-caps surname before a verb",
                "OKAFOR filed a dissent, in which THOMAS joined.",
                &["OKAFOR", "THOMAS"],
            ),
            (
                "REGRESSION all-caps outlet",
                "Reporters said POLITICO reported on the plan.",
                &[],
            ),
            (
                "REGRESSION first name that is also a word",
                "Christian Lindqvist spoke.",
                &["Christian Lindqvist"],
            ),
            (
                "religious group word",
                "Local Sunni clerics met today.",
                &[],
            ),
            (
                "place inside a prepositional phrase",
                "The old canal to Tarnowo was never finished.",
                &[],
            ),
            (
                "companion after by",
                "She came home, accompanied by Rosalind.",
                &["Rosalind"],
            ),
            (
                "REGRESSION first name that is also in a city name",
                "The seat passed to Mario Antonio, who kept it.",
                &["Mario Antonio"],
            ),
            (
                "REGRESSION role title before a place that is also a surname",
                "The former Virginia senator said so.",
                &[],
            ),
            (
                "REGRESSION party and state after a name",
                "Sen. Owen Bradley, R-Utah, spoke.",
                &["Owen Bradley"],
            ),
            (
                "REGRESSION title before a listed word",
                "Dr. Little was very kind.",
                &["Little"],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(names(text), *want, "case {name}");
        }
    }
}
