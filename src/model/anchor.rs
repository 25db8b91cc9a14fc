//! Re-anchoring: finding an annotation's passage again by its quote when the text has changed.
//!
//! An annotation remembers its passage as a W3C `TextQuoteSelector` (`exact`, with some
//! `prefix` and `suffix` context) and, usually, a position hint (its old start, in code points).
//! [`Anchorer::locate`] looks for the passage in this order:
//!
//! 1. **At the hint**: `exact` is still there → [`Anchor::Exact`].
//! 2. **Exact matches elsewhere**, ranked by how much of `prefix`/`suffix` they keep, then by
//!    distance to the hint → [`Anchor::Moved`] (or `Exact` when there was no hint to move from).
//!    Several equally good matches and no hint to choose between them → orphan: sayso never
//!    guesses between look-alikes.
//! 3. **Approximate matches**: a bit-parallel edit distance over chars (Myers 1999 / Hyyrö 2003;
//!    one 64-bit word per column for quotes of up to 64 chars, blocks of 64 rows for longer ones),
//!    first in a window around the hint, then over the whole text. A match must score at least
//!    [`MIN_SCORE`] (`1 - edits / quote length`) and beat any other candidate by [`MARGIN`]; it
//!    is returned as [`Anchor::Fuzzy`] with its score.
//! 4. Otherwise [`Anchor::Orphan`]: kept by the caller, listed apart, never placed.
//!
//! **Cost** for a text of `n` chars and a quote of `m` chars: building the [`Anchorer`] is O(n)
//! once per text; steps 1–2 are O(n) (a substring search, at most [`MAX_EXACT_CANDIDATES`]
//! candidates scored in O(context) each); step 3 is O(n · ⌈m/64⌉) word operations, plus
//! O(m · ⌈m/64⌉) per candidate to find its start. Quotes shorter than [`MIN_FUZZY_CHARS`] or longer
//! than [`MAX_FUZZY_CHARS`] skip step 3, so the work per annotation is bounded by
//! O(n · 32). Measured on a 1 MB text in an optimised native build: under 1 ms for a quote found
//! exactly; for one that needs the whole-text approximate pass (an orphan, or an edited quote
//! that moved far), about 6 ms for quotes up to 64 chars, 20 ms at 200 chars, 60 ms at 1000.
//!
//! ```
//! use sayso::model::anchor::{Anchorer, Quote};
//! use sayso::model::annotation::Anchor;
//! let anchorer = Anchorer::new("New intro. The minister said the plan would cost too much.");
//! let quote = Quote { exact: "the plan would cost too much", prefix: "said ", suffix: ".", hint: Some(18) };
//! let found = anchorer.locate(&quote);
//! assert_eq!((found.start, found.anchor), (29, Anchor::Moved));
//! // An edited quote is found approximately, with its score.
//! let edited = Quote { exact: "the plan will cost too much", ..quote };
//! let found = anchorer.locate(&edited);
//! assert!(matches!(found.anchor, Anchor::Fuzzy { score } if score > 0.85));
//! assert_eq!(anchorer.slice(found.start, found.end), Some("the plan would cost too much"));
//! ```

use crate::model::annotation::Anchor;
use crate::model::offsets::TextIndex;
use std::collections::HashMap;

/// Lowest similarity (`1 - edits / quote length`) an approximate match may have.
pub const MIN_SCORE: f32 = 0.8;
/// How much better (in similarity) the best approximate match must be than the next one.
pub const MARGIN: f32 = 0.05;
/// Quotes shorter than this (in chars) are only matched exactly: a fuzzy match of a few letters
/// means nothing.
pub const MIN_FUZZY_CHARS: usize = 8;
/// Quotes longer than this (in chars) are only matched exactly (bounds the work per annotation).
pub const MAX_FUZZY_CHARS: usize = 2048;
/// Exact occurrences scored at most (a quote found more often than this is too common to place).
pub const MAX_EXACT_CANDIDATES: usize = 512;
/// Approximate-match regions kept at most; more means the quote is not distinctive.
const MAX_REGIONS: usize = 256;

/// What is known of an annotation's passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote<'a> {
    /// The passage itself.
    pub exact: &'a str,
    /// Text just before it (may be empty).
    pub prefix: &'a str,
    /// Text just after it (may be empty).
    pub suffix: &'a str,
    /// Where it started, in code points, when known.
    pub hint: Option<usize>,
}

/// Where a quote was found, in code points, and how.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// First code point (for an orphan: the hint, clamped to the text).
    pub start: usize,
    /// One past the last code point (for an orphan: equal to `start`).
    pub end: usize,
    /// How it was found.
    pub anchor: Anchor,
}

/// A text prepared for re-anchoring many quotes: its chars and offset index, built once.
#[derive(Debug, Clone)]
pub struct Anchorer<'t> {
    text: &'t str,
    index: TextIndex,
    chars: Vec<char>,
}

impl<'t> Anchorer<'t> {
    /// Prepares `text` (O(n)).
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            index: TextIndex::new(text),
            chars: text.chars().collect(),
        }
    }

    /// The text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The offset index of the text.
    pub fn index(&self) -> &TextIndex {
        &self.index
    }

    /// Length of the text in code points.
    pub fn len_cp(&self) -> usize {
        self.chars.len()
    }

    /// The text between two code point offsets; `None` when out of range or reversed.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        let a = self.index.cp_to_byte(start)?;
        let b = self.index.cp_to_byte(end)?;
        self.text.get(a..b)
    }

    /// Finds `quote` in the text (see the module docs for the order of the steps and their cost).
    pub fn locate(&self, quote: &Quote) -> Placement {
        let pattern: Vec<char> = quote.exact.chars().collect();
        let m = pattern.len();
        let orphan = {
            let at = quote.hint.unwrap_or(0).min(self.len_cp());
            Placement {
                start: at,
                end: at,
                anchor: Anchor::Orphan,
            }
        };
        if m == 0 {
            return orphan;
        }
        // A hint past the end (a position from an older, longer text) is only a direction.
        let quote = &Quote {
            hint: quote.hint.map(|h| h.min(self.len_cp())),
            ..*quote
        };
        if let Some(hint) = quote.hint {
            if self.slice(hint, hint + m) == Some(quote.exact) {
                return Placement {
                    start: hint,
                    end: hint + m,
                    anchor: Anchor::Exact,
                };
            }
        }
        if let Some(found) = self.exact_elsewhere(quote, m) {
            return found;
        }
        if !(MIN_FUZZY_CHARS..=MAX_FUZZY_CHARS).contains(&m) {
            return orphan;
        }
        let pattern = Pattern::new(&pattern);
        if let Some(hint) = quote.hint {
            let reach = (4 * m).max(2_000);
            let lo = hint.saturating_sub(reach).min(self.len_cp());
            let hi = (hint + m + reach).min(self.len_cp());
            if lo > 0 || hi < self.len_cp() {
                if let Some(found) = self.fuzzy(quote, &pattern, lo, hi) {
                    return found;
                }
            }
        }
        self.fuzzy(quote, &pattern, 0, self.len_cp())
            .unwrap_or(orphan)
    }

    /// Step 2: exact occurrences, ranked by context then distance to the hint.
    fn exact_elsewhere(&self, quote: &Quote, m: usize) -> Option<Placement> {
        // (context score, distance to hint, start)
        let mut best: Option<(f32, usize, usize)> = None;
        let mut tied = false;
        for (count, (byte, _)) in self.text.match_indices(quote.exact).enumerate() {
            if count >= MAX_EXACT_CANDIDATES {
                return None;
            }
            let Some(start) = self.index.byte_to_cp(byte) else {
                continue;
            };
            let ctx = self.context_score(quote, start, start + m);
            let dist = quote.hint.map_or(0, |h| h.abs_diff(start));
            match best {
                None => best = Some((ctx, dist, start)),
                Some((b_ctx, b_dist, _)) => {
                    if ctx > b_ctx || (ctx == b_ctx && dist < b_dist) {
                        tied = ctx == b_ctx && quote.hint.is_none();
                        best = Some((ctx, dist, start));
                    } else if ctx == b_ctx && dist == b_dist {
                        tied = true;
                    }
                }
            }
        }
        let (_, _, start) = best?;
        if tied && quote.hint.is_none() {
            return None;
        }
        let anchor = if quote.hint.is_some() {
            Anchor::Moved
        } else {
            Anchor::Exact
        };
        Some(Placement {
            start,
            end: start + m,
            anchor,
        })
    }

    /// Step 3 over the chars `lo..hi`.
    fn fuzzy(&self, quote: &Quote, pattern: &Pattern, lo: usize, hi: usize) -> Option<Placement> {
        let m = pattern.len;
        let max_k = ((m as f32) * (1.0 - MIN_SCORE)).floor() as usize;
        let window = self.chars.get(lo..hi)?;
        // Regions of nearby end columns whose distance is within max_k: (end, k).
        let mut regions: Vec<(usize, usize)> = Vec::new();
        let mut last_end = usize::MAX;
        let mut overflow = false;
        pattern.search(window, false, |j, k| {
            if k > max_k {
                return;
            }
            let same = last_end != usize::MAX && j - last_end <= m / 2 + 1;
            last_end = j;
            if same {
                if let Some(region) = regions.last_mut() {
                    if k < region.1 {
                        *region = (j, k);
                    }
                }
            } else if regions.len() < MAX_REGIONS {
                regions.push((j, k));
            } else {
                overflow = true;
            }
        });
        if overflow || regions.is_empty() {
            return None;
        }
        regions.sort_by_key(|&(j, k)| (k, j));
        let best = regions[0];
        let (start, k) = self.match_start(pattern, lo + best.0, max_k, lo);
        let score = 1.0 - k as f32 / m as f32;
        if score < MIN_SCORE {
            return None;
        }
        if let Some(&(j2, k2)) = regions.get(1) {
            let second = 1.0 - k2 as f32 / m as f32;
            if score - second < MARGIN {
                // Too close to call on edits alone: the context must tell them apart.
                let (start2, _) = self.match_start(pattern, lo + j2, max_k, lo);
                let ctx = self.context_score(quote, start, lo + best.0 + 1);
                let ctx2 = self.context_score(quote, start2, lo + j2 + 1);
                if ctx - ctx2 < 0.5 {
                    return None;
                }
            }
        }
        Some(Placement {
            start,
            end: lo + best.0 + 1,
            anchor: Anchor::Fuzzy { score },
        })
    }

    /// The start of the best match of `pattern` ending at char `end` (inclusive), found by
    /// matching the reversed pattern leftwards from `end`; returns (start, edits).
    fn match_start(
        &self,
        pattern: &Pattern,
        end: usize,
        max_k: usize,
        lo: usize,
    ) -> (usize, usize) {
        let from = (end + 1).saturating_sub(pattern.len + max_k).max(lo);
        let reversed: Vec<char> = self
            .chars
            .get(from..=end)
            .unwrap_or_default()
            .iter()
            .rev()
            .copied()
            .collect();
        let mut best = (end + 1, usize::MAX);
        pattern.reversed().search(&reversed, true, |j, k| {
            let start = end - j;
            let len = j + 1;
            let better = k < best.1
                || (k == best.1
                    && len.abs_diff(pattern.len) < (end + 1 - best.0).abs_diff(pattern.len));
            if better {
                best = (start, k);
            }
        });
        best
    }

    /// How much of the quote's prefix and suffix surround `start..end` (0–1).
    fn context_score(&self, quote: &Quote, start: usize, end: usize) -> f32 {
        let mut total = 0.0;
        let mut parts = 0.0;
        if !quote.prefix.is_empty() {
            let before = self.chars.get(..start).unwrap_or_default().iter().rev();
            let same = before
                .zip(quote.prefix.chars().rev())
                .take_while(|(a, b)| *a == b)
                .count();
            total += same as f32 / quote.prefix.chars().count() as f32;
            parts += 1.0;
        }
        if !quote.suffix.is_empty() {
            let after = self.chars.get(end..).unwrap_or_default().iter();
            let same = after
                .zip(quote.suffix.chars())
                .take_while(|(a, b)| *a == b)
                .count();
            total += same as f32 / quote.suffix.chars().count() as f32;
            parts += 1.0;
        }
        if parts > 0.0 {
            total / parts
        } else {
            0.0
        }
    }
}

/// A pattern prepared for bit-parallel matching: for each char, the rows where it occurs, as
/// bit masks of 64 rows per block.
#[derive(Debug, Clone)]
pub struct Pattern {
    chars: Vec<char>,
    len: usize,
    blocks: usize,
    ascii: Vec<u64>,
    other: HashMap<char, Vec<u64>>,
}

impl Pattern {
    /// Prepares `chars` (O(m)).
    pub fn new(chars: &[char]) -> Self {
        let len = chars.len();
        let blocks = len.div_ceil(64).max(1);
        let mut ascii = vec![0u64; 128 * blocks];
        let mut other: HashMap<char, Vec<u64>> = HashMap::new();
        for (row, &c) in chars.iter().enumerate() {
            let (block, bit) = (row / 64, 1u64 << (row % 64));
            if c.is_ascii() {
                if let Some(mask) = ascii.get_mut(block * 128 + c as usize) {
                    *mask |= bit;
                }
            } else if let Some(mask) = other
                .entry(c)
                .or_insert_with(|| vec![0; blocks])
                .get_mut(block)
            {
                *mask |= bit;
            }
        }
        Self {
            chars: chars.to_vec(),
            len,
            blocks,
            ascii,
            other,
        }
    }

    /// Length in chars.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the pattern is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn reversed(&self) -> Self {
        let chars: Vec<char> = self.chars.iter().rev().copied().collect();
        Self::new(&chars)
    }

    fn eq(&self, c: char, block: usize) -> u64 {
        if c.is_ascii() {
            self.ascii
                .get(block * 128 + c as usize)
                .copied()
                .unwrap_or(0)
        } else {
            self.other
                .get(&c)
                .and_then(|masks| masks.get(block))
                .copied()
                .unwrap_or(0)
        }
    }

    /// Runs the edit-distance automaton over `text`, calling `on_column(j, k)` after each char
    /// `j` with the edit distance `k` of the pattern against:
    /// - `anchored == false`: the best substring of `text` ending at `j` (semi-global search);
    /// - `anchored == true`: `text[..=j]` (both starts fixed).
    ///
    /// O(|text| · ⌈m/64⌉); one word per column when `m <= 64`.
    pub fn search(&self, text: &[char], anchored: bool, on_column: impl FnMut(usize, usize)) {
        if self.len == 0 {
            return;
        }
        if self.blocks == 1 {
            self.search_word(text, anchored, on_column);
        } else {
            self.search_blocks(text, anchored, on_column);
        }
    }

    /// The fast path: the whole pattern in one 64-bit word.
    fn search_word(&self, text: &[char], anchored: bool, mut on_column: impl FnMut(usize, usize)) {
        let last = 1u64 << (self.len - 1);
        let (mut pv, mut mv) = (!0u64, 0u64);
        let mut score = self.len;
        for (j, &c) in text.iter().enumerate() {
            let (ph, mh) = step(&mut pv, &mut mv, self.eq(c, 0), i8::from(anchored));
            if ph & last != 0 {
                score += 1;
            } else if mh & last != 0 {
                score -= 1;
            }
            on_column(j, score);
        }
    }

    /// The blocked version: ⌈m/64⌉ words per column, the horizontal delta carried down.
    fn search_blocks(
        &self,
        text: &[char],
        anchored: bool,
        mut on_column: impl FnMut(usize, usize),
    ) {
        const HIGH: u64 = 1 << 63;
        let last_block = self.blocks - 1;
        let last = 1u64 << ((self.len - 1) % 64);
        let mut pv = vec![!0u64; self.blocks];
        let mut mv = vec![0u64; self.blocks];
        let mut score = self.len;
        for (j, &c) in text.iter().enumerate() {
            let mut hin = i8::from(anchored);
            for (block, (pv, mv)) in pv.iter_mut().zip(mv.iter_mut()).enumerate() {
                let (ph, mh) = step(pv, mv, self.eq(c, block), hin);
                if block == last_block {
                    if ph & last != 0 {
                        score += 1;
                    } else if mh & last != 0 {
                        score -= 1;
                    }
                } else {
                    hin = if ph & HIGH != 0 {
                        1
                    } else if mh & HIGH != 0 {
                        -1
                    } else {
                        0
                    };
                }
            }
            on_column(j, score);
        }
    }
}

/// One block of one column of Myers' automaton: updates the vertical deltas `pv`/`mv` for the
/// text char whose match mask is `eq`, given the horizontal delta `hin` entering the block's top
/// row; returns the horizontal deltas (+, -) of the block's rows before shifting.
fn step(pv: &mut u64, mv: &mut u64, eq: u64, hin: i8) -> (u64, u64) {
    let hin_neg = u64::from(hin < 0);
    let xv = eq | *mv;
    let eq = eq | hin_neg;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let ph = *mv | !(xh | *pv);
    let mh = *pv & xh;
    let ph_in = (ph << 1) | u64::from(hin > 0);
    let mh_in = (mh << 1) | hin_neg;
    *pv = mh_in | !(xv | ph_in);
    *mv = ph_in & xv;
    (ph, mh)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Naive oracle: the last row of the edit-distance table, semi-global or anchored.
    fn oracle(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
        let m = pattern.len();
        let mut col: Vec<usize> = (0..=m).collect();
        let mut out = Vec::new();
        for (j, &c) in text.iter().enumerate() {
            let mut next = vec![if anchored { j + 1 } else { 0 }; m + 1];
            for i in 1..=m {
                let sub = col[i - 1] + usize::from(pattern[i - 1] != c);
                next[i] = sub.min(col[i] + 1).min(next[i - 1] + 1);
            }
            out.push(next[m]);
            col = next;
        }
        out
    }

    fn automaton(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
        let mut out = Vec::new();
        Pattern::new(pattern).search(text, anchored, |_, k| out.push(k));
        out
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn automaton_matches_the_oracle_on_random_inputs() {
        let alphabet = ['a', 'b', 'c', '€', '新', '🗳'];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..400 {
            let m = 1 + rng.below(if round % 4 == 0 { 200 } else { 70 });
            let n = rng.below(260);
            let pattern: Vec<char> = (0..m).map(|_| alphabet[rng.below(3 + round % 4)]).collect();
            let text: Vec<char> = (0..n).map(|_| alphabet[rng.below(3 + round % 4)]).collect();
            for anchored in [false, true] {
                assert_eq!(
                    automaton(&pattern, &text, anchored),
                    oracle(&pattern, &text, anchored),
                    "m={m} n={n} anchored={anchored}"
                );
            }
        }
    }

    #[test]
    fn block_boundaries_table() {
        for m in [63, 64, 65, 127, 128, 129] {
            let pattern: Vec<char> = "abcdefghij".chars().cycle().take(m).collect();
            let mut text: Vec<char> = "xyz".chars().collect();
            text.extend(&pattern);
            text[3 + m / 2] = 'Z';
            text.extend("tail".chars());
            for anchored in [false, true] {
                assert_eq!(
                    automaton(&pattern, &text, anchored),
                    oracle(&pattern, &text, anchored),
                    "m={m} anchored={anchored}"
                );
            }
        }
    }

    const TEXT: &str = "Opening line. The minister said the plan would cost far too much money. \
                        Later, critics said the plan would cost far too little.";

    fn quote<'a>(exact: &'a str, hint: Option<usize>) -> Quote<'a> {
        Quote {
            exact,
            prefix: "",
            suffix: "",
            hint,
        }
    }

    #[test]
    fn locate_table() {
        let anchorer = Anchorer::new(TEXT);
        let at = |s: &str| TEXT.find(s).unwrap();
        let cases: [(&str, Quote, Option<&str>, &str); 7] = [
            (
                "unchanged: exact at hint",
                quote("The minister", Some(at("The minister"))),
                Some("The minister"),
                "exact",
            ),
            (
                "moved: hint is off",
                quote("The minister", Some(0)),
                Some("The minister"),
                "moved",
            ),
            (
                "no hint, unique: exact",
                quote("critics", None),
                Some("critics"),
                "exact",
            ),
            (
                "no hint, two equal matches, no context: orphan",
                quote("the plan would cost far too", None),
                None,
                "orphan",
            ),
            (
                "context picks the second of two equal matches",
                Quote {
                    prefix: "critics said ",
                    ..quote("the plan would cost far too", None)
                },
                Some("the plan would cost far too"),
                "exact",
            ),
            (
                "fuzzy: a word changed",
                quote("the plan will cost far too much money", Some(30)),
                Some("the plan would cost far too much money"),
                "fuzzy",
            ),
            (
                "deleted: orphan",
                quote("an entirely different sentence", Some(30)),
                None,
                "orphan",
            ),
        ];
        for (name, q, want, kind) in cases {
            let found = anchorer.locate(&q);
            let got_kind = match found.anchor {
                Anchor::Exact => "exact",
                Anchor::Moved => "moved",
                Anchor::Fuzzy { .. } => "fuzzy",
                Anchor::Orphan => "orphan",
            };
            assert_eq!(got_kind, kind, "case {name}: {found:?}");
            if let Some(want) = want {
                assert_eq!(
                    anchorer.slice(found.start, found.end),
                    Some(want),
                    "case {name}"
                );
            }
        }
    }

    #[test]
    fn context_prefers_the_right_twin() {
        let anchorer = Anchorer::new(TEXT);
        let q = Quote {
            exact: "the plan would cost far too",
            prefix: "The minister said ",
            suffix: " much",
            hint: None,
        };
        let found = anchorer.locate(&q);
        assert_eq!(found.start, TEXT.find("the plan").unwrap());
    }

    /// Plain edit distance between two char slices (the oracle for fuzzy results).
    fn distance(a: &[char], b: &[char]) -> usize {
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != cb)).min(cur + 1).min(row[j] + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }

    #[test]
    fn located_passages_keep_their_promise() {
        let words = [
            "the", "plan", "said", "€", "新闻", "🗳", "e\u{301}", " ", ", ", "minister", "cost",
        ];
        let mut rng = Rng(0x51_7cc1_b727_220a);
        for round in 0..300 {
            let text: String = (0..rng.below(120))
                .map(|_| words[rng.below(words.len())])
                .collect();
            let chars: Vec<char> = text.chars().collect();
            let anchorer = Anchorer::new(&text);
            // A quote from the text, maybe edited, with a hint that may be anywhere.
            let start = rng.below(chars.len() + 1);
            let end = (start + rng.below(40)).min(chars.len());
            let mut quote: Vec<char> = chars[start..end].to_vec();
            for _ in 0..rng.below(3) {
                if !quote.is_empty() {
                    let i = rng.below(quote.len());
                    quote[i] = 'x';
                }
            }
            let exact: String = quote.iter().collect();
            let hint = (rng.below(3) > 0).then(|| rng.below(chars.len() + 10));
            let q = Quote {
                exact: &exact,
                prefix: "",
                suffix: "",
                hint,
            };
            let found = anchorer.locate(&q);
            assert!(
                found.start <= found.end && found.end <= chars.len(),
                "round {round}"
            );
            let got: Vec<char> = chars[found.start..found.end].to_vec();
            match found.anchor {
                Anchor::Exact | Anchor::Moved => assert_eq!(got, quote, "round {round}"),
                Anchor::Fuzzy { score } => {
                    let k = distance(&got, &quote);
                    assert!(score >= MIN_SCORE, "round {round}");
                    assert!(
                        (1.0 - k as f32 / quote.len() as f32 - score).abs() < 1e-6,
                        "round {round}: {k} edits, score {score}"
                    );
                }
                Anchor::Orphan => assert_eq!(found.start, found.end),
            }
        }
    }

    #[test]
    fn regression_table() {
        let anchorer = Anchorer::new("short text");
        let cases = [
            (
                "REGRESSION: a hint far past the end does not overflow",
                Quote {
                    hint: Some(usize::MAX),
                    ..quote("text", None)
                },
                Anchor::Moved,
            ),
            (
                "REGRESSION: an empty quote is an orphan, not an empty match",
                quote("", Some(0)),
                Anchor::Orphan,
            ),
            (
                "REGRESSION: a quote longer than the text is an orphan",
                quote("short text and more text after it", Some(0)),
                Anchor::Orphan,
            ),
            (
                "REGRESSION: a hint off by one finds the quote next to it",
                quote("text", Some(7)),
                Anchor::Moved,
            ),
        ];
        for (name, q, want) in cases {
            assert_eq!(anchorer.locate(&q).anchor, want, "case {name}");
        }
        let emoji = Anchorer::new("🗳️ vote 🗳️");
        assert_eq!(
            emoji.locate(&quote("vote", Some(1))).start,
            3,
            "REGRESSION: moved by code points, not bytes"
        );
    }
}
