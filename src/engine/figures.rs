//! Figures: money, percentages, numbers, ordinals, quantities, dates, times and durations, each
//! with a normalised value.
//!
//! One linear pass tokenizes the text ([`token`]); scanners start only at digits, currency signs
//! and lexicon words ([`lexicon`], data in `data/figures/words.txt`) and never rescan: temporal
//! expressions first ([`temporal`]), then amounts ([`amount`]).
//!
//! Span conventions (chosen to match news editing and the Recognizers-Text / Duckling style):
//! - a count is the number alone, its noun the unit: `14 posts` gives "14", unit "posts";
//! - money keeps its sign or code and magnitude: `£2.26 billion`, `US$40 million`, `20 USD`;
//!   a bracketed conversion is a second figure;
//! - ranges and comparisons are one figure: `10-15%`, `between 10 and 15 percent`,
//!   `from 30 degrees to 40 degrees`, `more than $5 billion`;
//! - temporal atoms joined by connectors are one figure (`Friday at 3 p.m.`,
//!   `from May to October`, `the end of 2026`), but lists stay apart (`Friday, Saturday`) and a
//!   period longer than a day is not joined to a clock time (`next year` / `at 6pm`);
//! - ratios are one number, valued as the quotient: `one in five` (0.2), `7 out of 10`;
//! - holidays are dates: single words (`Diwali`), phrases (`Guy Fawkes Night`), names ending in a
//!   festival word (`Ganesh Chaturthi`) and capitalised names before `Day` (`Martin Luther King
//!   Day`, `International Women's Day`);
//! - leading prepositions `on`/`at`/`in`/`for` are left out (and `from` without a second
//!   end: `from 2014`); range openers and `the` are kept,
//!   but `the` before a relative period is left out (`the next quarter`, `the year 1998`); a
//!   duration after `in`/`within` is the point it leads to and keeps the word (`in two weeks`:
//!   a date, `+P2W`; `in 9 minutes`: a time);
//! - relative expressions shorter than a day are times (`the last 5 minutes`, `an hour later`).
//! - values: numbers as plain decimals, money in units of the currency (`2260000000`, `GBP`),
//!   dates ISO-like (`2022-02-24`, `XXXX-02-24`, `XXXX-WXX-5`), times `T15:30`, durations
//!   `P3Y`/`PT2H`, offsets `-P3Y` (ago) / `+P2D` (later); `None` when not normalised.
//!
//! ```
//! use sayso::engine::figures::find_figures;
//! use sayso::engine::FigureKind;
//! let text = "He announced a £2.26 billion ($2.8 billion) loan in a series of 14 posts.";
//! let figures = find_figures(text);
//! let spans: Vec<&str> = figures.iter().map(|f| &text[f.span.start..f.span.end]).collect();
//! assert_eq!(spans, ["£2.26 billion", "$2.8 billion", "14"]);
//! assert_eq!(figures[0].value.as_deref(), Some("2260000000"));
//! assert_eq!(figures[2].kind, FigureKind::Number);
//! assert_eq!(figures[2].unit.as_deref(), Some("posts"));
//! ```

pub mod amount;
pub mod lexicon;
pub mod number;
pub mod temporal;
pub mod token;

use super::{Figure, FigureKind, Span};
use lexicon::Class;
use number::NumP;
use std::cell::Cell;
use token::{tokenize_into, Tk, Tok};

/// A figure found by a scanner, in token indices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    start: usize,
    end: usize,
    kind: FigureKind,
    value: Option<String>,
    unit: Option<String>,
}

/// The scanners' view of one line: its tokens (index 0 is the line's first token; spans are
/// byte offsets in `text`) plus small helpers that never index out of range.
pub struct Cx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// [`number::parse_number`] by token index, filled on first use: the scanners parse the same
    /// number several times (as a clock, a date, an amount), and the result depends on the
    /// tokens alone.
    nums: &'a [Cell<Option<Option<NumP>>>],
}

impl<'a> Cx<'a> {
    /// The view of `toks` (one line's tokens of `text`, see [`token::tokenize`]) with the
    /// number memo `nums` (one empty cell per token).
    pub fn new(text: &'a str, toks: &'a [Tok], nums: &'a [Cell<Option<Option<NumP>>>]) -> Self {
        Cx { text, toks, nums }
    }
    /// The memo slot of token `i`'s number, if `i` is a token.
    #[inline]
    pub(crate) fn num_memo(&self, i: usize) -> Option<&Cell<Option<Option<NumP>>>> {
        self.nums.get(i)
    }
    /// Token `i`, if any.
    #[inline]
    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }
    /// Text of token `i` ("" past the end).
    #[inline]
    pub fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }
    /// Token `i` follows token `i.wrapping_sub(1)` with no space between.
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| !t.space_before)
    }
    /// Token `i` is a word.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.tk == Tk::Word)
    }
    /// Token `i` is a digits token.
    #[inline]
    pub fn num_tok(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.tk == Tk::Num)
    }
    /// Token `i` is the word `w` (ASCII case-insensitive).
    #[inline]
    pub fn word_is(&self, i: usize, w: &str) -> bool {
        // bytes, not a str slice: no char-boundary checks (a token's span is always valid)
        self.toks.get(i).is_some_and(|t| {
            t.tk == Tk::Word
                && t.end - t.start == w.len()
                && self
                    .text
                    .as_bytes()
                    .get(t.start..t.end)
                    .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
        })
    }
    /// The word of `list` that token `i` is (ASCII case-insensitive), if any: [`Cx::word_is`]
    /// for each in turn, with the token read once.
    #[inline]
    pub fn word_among(&self, i: usize, list: &[&'static str]) -> Option<&'static str> {
        let t = self.toks.get(i).filter(|t| t.tk == Tk::Word)?;
        let b = self.text.as_bytes().get(t.start..t.end)?;
        list.iter()
            .copied()
            .find(|w| w.len() == b.len() && b.eq_ignore_ascii_case(w.as_bytes()))
    }
    /// Token `i` is the symbol `c`.
    #[inline]
    pub fn sym(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.tk == Tk::Sym && t.ch == c)
    }
    /// The value of token `i`'s meaning of class `c`.
    #[inline]
    pub fn class(&self, i: usize, c: Class) -> Option<&'static str> {
        self.toks.get(i).and_then(|t| t.class(c))
    }
    /// Whether token `i` has a meaning of class `c`.
    #[inline]
    pub fn is(&self, i: usize, c: Class) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(c))
    }

    /// The digits at `i` belong to a name or code before them: `G7`, `COVID-19`, `F-16`,
    /// `Boeing 737`, `+44`.
    pub fn identifier_before(&self, i: usize) -> bool {
        if i == 0 || !self.num_tok(i) {
            return false;
        }
        let glued = self.glued(i);
        if glued && self.is_word(i.wrapping_sub(1)) {
            // letters glued to digits, except currency codes and quarters
            return !(self.is(i.wrapping_sub(1), Class::Iso)
                || self.word_is(i.wrapping_sub(1), "q")
                || self.word_is(i.wrapping_sub(1), "h"));
        }
        if glued && (self.sym(i.wrapping_sub(1), '+') || self.sym(i.wrapping_sub(1), '#')) {
            return true;
        }
        // the second group of a code whose first group is one: "555-1234", "Boeing 737-800"
        if glued
            && self.sym(i.wrapping_sub(1), '-')
            && self.glued(i.wrapping_sub(1))
            && self.num_tok(i.wrapping_sub(2))
            && (self.identifier_after(i.wrapping_sub(2))
                || self.identifier_before(i.wrapping_sub(2)))
        {
            return true;
        }
        if glued
            && self.sym(i.wrapping_sub(1), '-')
            && self.glued(i.wrapping_sub(1))
            && self.is_word(i.wrapping_sub(2))
        {
            let w = self.tok(i.wrapping_sub(2));
            return w.is_some_and(|w| (w.cap || w.upper) && w.entries().is_empty());
        }
        if !glued && self.is_word(i.wrapping_sub(1)) {
            let w = match self.tok(i.wrapping_sub(1)) {
                Some(w) => w,
                None => return false,
            };
            let t = match self.tok(i) {
                Some(t) => t,
                None => return false,
            };
            if w.cap && w.entries().is_empty() && !t.comma && !t.decimal && !w.nl_before {
                // sentence-initial words are capitalised anyway
                let initial = i < 2
                    || self.tok(i.wrapping_sub(2)).is_some_and(|p| {
                        p.tk == Tk::Sym && matches!(p.ch, '.' | '!' | '?' | '"' | '“' | ':' | '(')
                    });
                return !initial;
            }
        }
        false
    }

    /// The digits at `i` run into letters or digit groups that make a code: `5G`, `3D`,
    /// `555-1234`, `020 7946 0958`.
    pub fn identifier_after(&self, i: usize) -> bool {
        // long digit runs are ids (tweet ids, account numbers), not amounts
        if self
            .tok(i)
            .is_some_and(|t| !t.comma && !t.decimal && t.end - t.start > 12)
        {
            return true;
        }
        let j = i + 1;
        if number::scientific(self, i, 1.0).is_some() {
            return false;
        }
        if self.glued(j) && self.is_word(j) {
            let t = match self.tok(j) {
                Some(t) => t,
                None => return false,
            };
            let w = self.s(j).to_ascii_lowercase();
            // "5G", "3D": one capital letter that is not a magnitude
            if w.len() == 1 && t.cap && !matches!(w.as_str(), "k" | "m" | "b" | "c" | "f") {
                return true;
            }
            // "40C", "104F": temperatures
            let known = !t.entries().is_empty()
                || matches!(
                    w.as_str(),
                    "st" | "nd" | "rd" | "th" | "s" | "o" | "am" | "pm"
                )
                || (t.cap
                    && matches!(w.as_str(), "c" | "f")
                    && amount::temperature_context(self, j));
            return !known;
        }
        if self.glued(j) && self.sym(j, '-') && self.glued(j + 1) && self.num_tok(j + 1) {
            let a = self.s(i).len();
            let b = self.s(j + 1).len();
            // "555-1234" is a phone number, "200-2000 liters" a range
            let unit_after = self.sym(j + 2, '%')
                || self.tok(j + 2).is_some_and(|t| {
                    t.is(Class::Qty) || t.is(Class::Cur) || t.is(Class::Pct) || t.is(Class::Tunit)
                });
            // ("218-212", a vote, is two numbers)
            if a == 3 && b >= 4 && !unit_after {
                return true;
            }
            if self.sym(j + 2, '-') && self.glued(j + 2) && self.num_tok(j + 3) && a != 4 {
                return true;
            }
        }
        false
    }

    /// Digit groups joined by `-` three or more times that are not an ISO date
    /// (`123-12-1234`, `555-123-4567`): returns the token index after the run.
    pub fn code_run(&self, i: usize) -> Option<usize> {
        if !self.num_tok(i)
            || (i > 0
                && self.glued(i)
                && (self.sym(i.wrapping_sub(1), '-') || self.is_word(i.wrapping_sub(1))))
        {
            return None;
        }
        let mut j = i + 1;
        let mut groups = 1;
        while self.sym(j, '-') && self.glued(j) && self.glued(j + 1) && self.num_tok(j + 1) {
            groups += 1;
            j += 2;
        }
        let date = groups == 3 && temporal::numeric_date(self, i).is_some_and(|a| a.end == j);
        (groups >= 3 && !date).then_some(j)
    }

    fn span(&self, h: &Hit) -> Option<Span> {
        let a = self.toks.get(h.start)?;
        let b = self.toks.get(h.end.checked_sub(1)?)?;
        (a.start < b.end).then(|| Span::new(a.start, b.end))
    }
}

/// Whether a scanner may start at this token: digits, symbols that can open an amount, and
/// words the lexicon knows (other than plain function words).
#[inline]
fn trigger(cx: &Cx, i: usize, t: &Tok) -> bool {
    match t.tk {
        Tk::Num => true,
        // the scanners accept only these symbols at their first token: an apostrophe before a
        // year (`’90s`, temporal) and currency signs and vulgar fractions (amount)
        // (an apostrophe opens only a year atom, "’90s": number_led gives a year for digits
        // alone, so one not glued to a digits token opens nothing; most are possessives)
        Tk::Sym => {
            ((t.ch == '\'' || t.ch == '’') && cx.num_tok(i + 1) && cx.glued(i + 1))
                || amount::sym_opens(t.ch)
        }
        Tk::Word => {
            // classes that can open a figure (not "ago", currency words, am/pm, zones, units)
            const CLOSED: u32 = Class::Func.bit()
                | Class::Ago.bit()
                | Class::Cur.bit()
                | Class::Ampm.bit()
                | Class::Tz.bit()
                | Class::Qty.bit()
                | Class::Pct.bit()
                | Class::Iso.bit();
            let opens = t.is_any(!CLOSED) || (t.upper && t.is(Class::Iso));
            if opens {
                return true;
            }
            let len = t.end - t.start;
            if len > 2 {
                // "few hours", "several days" (both function words in the lexicon)
                return t.is(Class::Func)
                    && cx.is(i + 1, Class::Tunit)
                    && (cx.word_is(i, "few") || cx.word_is(i, "several"));
            }
            // "a"/"an" lead a figure only before a word the lexicon knows ("a week", "a dozen",
            // "a litre") or "couple"/"pair"; other single letters may be codes ("Q3")
            if cx.word_is(i, "a") || cx.word_is(i, "an") {
                return cx.tok(i + 1).is_some_and(|n| !n.entries().is_empty())
                    || ["couple", "pair", "metric", "square", "cubic"]
                        .iter()
                        .any(|w| cx.word_is(i + 1, w));
            }
            if len != 1 {
                return false;
            }
            // a letter the lexicon does not know, or knows only as a function word or a unit
            // ("I", "g"), opens only a quarter ("Q3"; "h" is a time unit) or a dollar prefix
            // ("C$5"): the scanners find nothing else at it
            t.is_any(!(Class::Func.bit() | Class::Qty.bit()))
                || cx.word_is(i, "q")
                || (cx.sym(i + 1, '$') && cx.glued(i + 1))
        }
        Tk::Ident => false,
    }
}

/// Bytes tokenized at a time (then on to the line's end): whole lines, few enough tokens to
/// stay in cache.
const CHUNK: usize = 32 * 1024;

/// Finds the figures in `text`: sorted by start, non-overlapping, spans on char boundaries.
///
/// Works line by line (no figure crosses a line break). Tokens never cross a line break either,
/// and a line's first token is the one with `nl_before`: the text is tokenized a chunk of whole
/// lines at a time (reusing the buffers), and each line's tokens (and number memo cells) are
/// scanned as a slice.
pub fn find_figures(text: &str) -> Vec<Figure> {
    // news has about one figure per 200 bytes: room for one per 128, rarely regrown
    let mut out: Vec<Figure> = Vec::with_capacity(text.len() / 128 + 4);
    // about one token per four bytes of a chunk
    let cap = text.len().min(2 * CHUNK) / 4 + 1;
    let mut toks: Vec<Tok> = Vec::with_capacity(cap);
    let mut nums: Vec<Cell<Option<Option<NumP>>>> = Vec::with_capacity(cap);
    let bytes = text.as_bytes();
    let mut base = 0usize;
    while base < text.len() {
        // up to the first line break after CHUNK bytes (a byte search: '\n' is never inside a
        // multi-byte char), or the end of the text
        let end = bytes
            .get(base + CHUNK..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
            .map_or(text.len(), |k| base + CHUNK + k + 1);
        let Some(chunk) = text.get(base..end) else {
            break;
        };
        tokenize_into(chunk, &mut toks);
        nums.clear();
        nums.resize(toks.len(), Cell::new(None));
        let mut lo = 0;
        while lo < toks.len() {
            let hi = toks
                .get(lo + 1..)
                .and_then(|rest| rest.iter().position(|t| t.nl_before))
                .map_or(toks.len(), |k| lo + 1 + k);
            if let (Some(line), Some(memo)) = (toks.get(lo..hi), nums.get(lo..hi)) {
                scan(&Cx::new(chunk, line, memo), base, &mut out);
            }
            lo = hi;
        }
        base = end;
    }
    out
}

/// Scans one line's tokens, pushing figures with spans shifted by `base`.
fn scan(cx: &Cx, base: usize, out: &mut Vec<Figure>) {
    let mut floor = 0usize;
    let mut i = 0usize;
    let n = cx.toks.len();
    while i < n {
        let Some(t) = cx.toks.get(i) else { break };
        if !trigger(cx, i, t) {
            i += 1;
            continue;
        }
        if let Some(e) = cx.code_run(i) {
            i = e;
            floor = e;
            continue;
        }
        let hit = temporal::at(cx, i, floor).or_else(|| amount::at(cx, i, floor));
        match hit {
            Some(h) if h.end > i && h.start >= floor => {
                if let Some(span) = cx.span(&h) {
                    out.push(Figure {
                        span: Span::new(span.start + base, span.end + base),
                        kind: h.kind,
                        value: h.value,
                        unit: h.unit,
                    });
                }
                i = h.end;
                floor = h.end;
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests;
