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

use super::lexicon::Flags;
use super::lexicon::FnvMap;
use super::segment::{Doc, Kind};
use super::Span;

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
    matches!(
        w.trim_end_matches('.').to_ascii_lowercase().as_str(),
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
}

/// Strips a possessive `’s` / `'s` (or a bare trailing apostrophe) from a word.
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(w)
}

fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
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
    /// Whether the core starts the sentence.
    sent_initial: bool,
    /// Whether a determiner or a place prefix ("the", "San", "Fort") rules out a name.
    determined: bool,
}

fn scan_runs(doc: &Doc<'_>) -> Vec<Run> {
    let toks = &doc.tokens;
    let n = toks.len();
    let mut runs = Vec::new();
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
            let prev_word = doc.word(end - 1);
            if is_possessive(prev_word) {
                break;
            }
            let Some(nx) = toks.get(end) else { break };
            if nx.para != t.para {
                break;
            }
            if nx.kind == Kind::Word
                && nx.cap
                && nx.start <= toks.get(end - 1).map_or(0, |p| p.end) + 1
            {
                end += 1;
                continue;
            }
            if nx.kind == Kind::Word
                && is_particle(doc.word(end))
                && toks
                    .get(end + 1)
                    .is_some_and(|a| a.kind == Kind::Word && a.cap)
            {
                end += 2;
                continue;
            }
            // initial or abbreviation period: "J. Smith", "Sen. Smith", "Jr."
            if doc.is_punct(end, '.') {
                let pw = prev_word;
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
        // strip leading titles / non-person words
        let mut core = start;
        let mut titled = false;
        while core < end {
            let Some(ct) = toks.get(core) else { break };
            if ct.kind != Kind::Word {
                core += 1;
                continue;
            }
            let w = doc.word(core);
            let f = ct.flags;
            let before_more = core + 1 < end;
            let royal = matches!(
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
            );
            let title_next = royal
                || toks
                    .get(core + 1)
                    .is_some_and(|x| x.flags.has(Flags::TITLE));
            if f.has(Flags::TITLE) && before_more && (!f.has(Flags::FIRST) || title_next) {
                titled = true;
                core += 1;
            } else if (f.has(Flags::NONPERSON) || is_possessive(w) || w.len() <= 1 || is_acronym(w))
                && before_more
                && !f.has(Flags::FIRST)
            {
                core += 1;
            } else {
                break;
            }
        }
        // a lowercase role word just before: "spokeswoman Maria Zakharova", "lobbyist Charlie Black"
        if !titled && start > 0 {
            if let Some(p) = toks.get(start - 1) {
                if p.kind == Kind::Word
                    && !p.cap
                    && p.flags.has(Flags::TITLE) | p.flags.has(Flags::ROLE_PERSON)
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
        let nonperson = (core..end).any(|k| {
            toks.get(k).is_some_and(|x| {
                x.kind == Kind::Word
                    && x.flags.has(Flags::NONPERSON)
                    && !(k == core && multi && x.flags.has(Flags::FIRST))
            })
        });
        // "the Renaissance", "the Earth's", "the Good Witch": a determiner before the run means no name
        // a role word inside the run before a first name: "Baptist Pastor Stephen Jones"
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
                let part = x.kind != Kind::Word
                    || !(x.flags.has(
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
        let determined = (start > 0
            && matches!(doc.word(start - 1), "the" | "The")
            && core == start
            && !core_first)
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
                }));
        let nonperson = nonperson || determined;
        runs.push(Run {
            start,
            end,
            core,
            titled,
            nonperson,
            sent_initial,
            determined,
        });
        i = end;
    }
    runs
}

fn core_words<'a>(doc: &Doc<'a>, r: &Run) -> Vec<&'a str> {
    (r.core..r.end)
        .filter(|&k| doc.tokens.get(k).is_some_and(|t| t.kind == Kind::Word))
        .map(|k| strip_possessive(doc.word(k)))
        .collect()
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
            .is_some_and(|t| t.kind == Kind::Number && t.end - t.start <= 3)
        && doc.is_punct(end + 2, ',')
}

/// Capitalised then lowercase letters ("Durrani", "O'Neill", "al-Zawahiri"), not all capitals.
fn name_shaped(w: &str) -> bool {
    let w = strip_possessive(w);
    let mut cs = w.chars();
    let first_upper = cs.next().is_some_and(char::is_uppercase);
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    first_upper
        && letters >= 2
        && w.chars().skip(1).any(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
}

/// A lowercase word after a single capitalised word that suggests a person subject.
fn followed_by_verb(doc: &Doc<'_>, end: usize) -> bool {
    let Some(t) = doc.tokens.get(end) else {
        return false;
    };
    if t.kind != Kind::Word || t.cap {
        return false;
    }
    let w = doc.word(end);
    const VERBS: &[&str] = &[
        "was", "is", "has", "had", "will", "would", "said", "says", "told", "can", "could", "did",
        "does", "also", "who", "himself", "herself", "isn't", "wasn't", "hasn't", "didn't",
        "doesn't", "won't", "took", "sought", "died", "went", "made", "came", "gave", "got",
        "became", "began", "wrote", "won", "lost", "left", "met", "saw", "thought", "knew",
        "found", "felt", "kept", "led", "ran", "spoke", "sang", "sat", "stood", "tried", "married",
        "later", "then", "soon", "never", "once", "still",
    ];
    VERBS.contains(&w) || (w.len() > 4 && w.ends_with("ed"))
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
        "ive", "able", "ers", "ists",
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

fn gender_of(doc: &Doc<'_>, r: &Run, words: &[&str]) -> Gender {
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
    if words.len() >= 2 {
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

fn role_of(doc: &Doc<'_>, r: &Run) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    for k in r.start..r.core {
        let w = doc.word(k);
        if doc.tokens.get(k).is_some_and(|t| t.kind == Kind::Word) && !is_honorific(w) {
            words.push(w);
        }
    }
    if words.is_empty() {
        if r.start > 0
            && doc.tokens.get(r.start - 1).is_some_and(|p| {
                p.kind == Kind::Word && !p.cap && p.flags.has(Flags::TITLE | Flags::ROLE_PERSON)
            })
        {
            return Some(doc.word(r.start - 1).to_string());
        }
        return None;
    }
    Some(words.join(" "))
}

/// Finds person-name mentions and merges them into entities.
pub fn find_people(doc: &Doc<'_>) -> People {
    let runs = scan_runs(doc);
    let mut people = People::default();
    let mut by_key: FnvMap<String, usize> = FnvMap::default();
    let mut by_first: FnvMap<String, usize> = FnvMap::default();
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
        let words = core_words(doc, r);
        let (core, end) = if words.len() > 4 {
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
        let strong = first.has(Flags::FIRST)
            || r.titled
            || followed_by_cue(doc, r.end)
            || followed_by_age(doc, r.end);
        let shaped = (core..end).all(|k| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.kind != Kind::Word || name_shaped(doc.word(k)))
        });
        let any_name = (core..end).any(|k| {
            doc.tokens
                .get(k)
                .is_some_and(|t| t.flags.has(Flags::FIRST | Flags::SURNAME))
        });
        let weak = (last.has(Flags::SURNAME) || (shaped && any_name && words.len() <= 3))
            && !r.sent_initial;
        if strong || weak {
            accepted[ri] = Some((core, end));
        }
    }
    for (ri, r) in runs.iter().enumerate() {
        if let Some((core, end)) = accepted.get(ri).copied().flatten() {
            let sub = Run { core, end, ..*r };
            let words = core_words(doc, &sub);
            let key = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
            let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
            let name = words.join(" ");
            let id = match by_key.get(&key) {
                Some(&id) => {
                    if let Some(e) = people.entities.get_mut(id) {
                        if words.len() > e.words {
                            e.name = name;
                            e.words = words.len();
                        }
                    }
                    id
                }
                None => {
                    people.entities.push(Entity {
                        name,
                        role: role_of(doc, &sub),
                        gender: gender_of(doc, &sub, &words),
                        org: false,
                        key: key.clone(),
                        words: words.len(),
                    });
                    let id = people.entities.len() - 1;
                    by_key.insert(key, id);
                    id
                }
            };
            if let Some(e) = people.entities.get_mut(id) {
                if e.role.is_none() {
                    e.role = role_of(doc, &sub);
                }
                if e.gender == Gender::Unknown {
                    e.gender = gender_of(doc, &sub, &words);
                }
            }
            by_first.entry(first).or_insert(id);
            push_mention(doc, &mut people, core, end, id);
        }
    }
    // pass 2: single words
    for (ri, r) in runs.iter().enumerate() {
        if accepted.get(ri).copied().flatten().is_some() {
            continue;
        }
        if r.determined {
            continue;
        }
        // each word of the core may be a single-word mention ("Zelensky Calls for ...")
        for k in r.core..r.end {
            let Some(t) = doc.tokens.get(k) else { continue };
            if t.kind != Kind::Word {
                continue;
            }
            let w = strip_possessive(doc.word(k));
            let f = t.flags;
            if f.has(Flags::NONPERSON) && !f.has(Flags::FIRST | Flags::SURNAME) {
                continue;
            }
            if w.chars().count() < 2
                || w.chars().all(|c| c.is_uppercase())
                    && w.len() <= 4
                    && !by_key.contains_key(&w.to_lowercase())
            {
                continue;
            }
            let lower = w.to_lowercase();
            let known = by_key.get(&lower).or_else(|| by_first.get(&lower)).copied();
            let sent_initial = k == r.start && r.sent_initial;
            let np = f.has(Flags::NONPERSON) || f.has(Flags::TITLE) && !f.has(Flags::SURNAME);
            let id = if let Some(id) = known {
                Some(id)
            } else if np {
                None
            } else if (r.titled && k == r.core && r.end - r.core == 1)
                || (k + 1 == r.end && r.end - r.core == 1 && followed_by_cue(doc, r.end))
                || (r.end - r.core == 1
                    && !sent_initial
                    && f.has(Flags::SURNAME)
                    && !f.has(Flags::FIRST))
                || (r.end - r.core == 1
                    && f.has(Flags::SURNAME | Flags::FIRST)
                    && followed_by_verb(doc, r.end)
                    && name_shaped(w))
                || (r.end - r.core == 1
                    && f.is_empty()
                    && name_shaped(w)
                    && !(sent_initial && word_like(&lower))
                    && (followed_by_verb(doc, r.end)
                        || (doc.is_punct(r.end, ',') && doc.word(r.end + 1) == "who")))
                || (r.end - r.core == 1
                    && f.is_empty()
                    && !sent_initial
                    && name_shaped(w)
                    && doc.word(k).len() != w.len()
                    && doc
                        .tokens
                        .get(k + 1)
                        .is_some_and(|n| n.kind == Kind::Word && !n.cap))
                || (r.end - r.core == 1
                    && f.has(Flags::FIRST)
                    && !common_word(&lower)
                    && name_shaped(w)
                    && (!sent_initial || lone(doc, r.end)))
            {
                people.entities.push(Entity {
                    name: w.to_string(),
                    role: role_of(doc, r),
                    gender: gender_of(doc, r, &[w]),
                    org: false,
                    key: lower.clone(),
                    words: 1,
                });
                let id = people.entities.len() - 1;
                by_key.insert(lower, id);
                Some(id)
            } else {
                None
            };
            if let Some(id) = id {
                push_mention(doc, &mut people, k, k + 1, id);
            }
        }
    }
    people.mentions.sort_by_key(|m| m.span.start);
    people
}

fn push_mention(doc: &Doc<'_>, people: &mut People, core: usize, end: usize, entity: usize) {
    let (Some(a), Some(b)) = (doc.tokens.get(core), doc.tokens.get(end.saturating_sub(1))) else {
        return;
    };
    let last = doc.text(b);
    let trimmed = strip_possessive(last);
    let span = Span::new(a.start, b.start + trimmed.len());
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
        ];
        for (name, text, want) in cases {
            assert_eq!(names(text), *want, "case {name}");
        }
    }
}
