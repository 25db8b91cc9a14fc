//! The figures word lists, parsed once from `data/figures/words.txt` into a small hash table.
//!
//! ```
//! use sayso::engine::figures::lexicon::{lexicon, Class};
//! let lex = lexicon();
//! let fourteen = lex.lookup(b"fourteen");
//! assert!(fourteen.iter().any(|e| e.class == Class::Unit && e.value == "14"));
//! assert!(lex.lookup(b"notaword").is_empty());
//! ```

use std::sync::OnceLock;

/// The word-list data file, compiled in (see its header for sources).
pub const WORDS: &str = include_str!("../data/figures/words.txt");

/// Longest word the table holds; longer words are never looked up.
pub const MAX_WORD: usize = 16;

/// What a word means to the figures scanners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Cardinal 0–19.
    Unit,
    /// Cardinal tens 20–90.
    Tens,
    /// Multiplier: hundred, thousand, million, dozen, bn, k.
    Mag,
    /// Fraction denominator: half, thirds, quarters.
    Frac,
    /// Ordinal word: first, twentieth.
    Ord,
    /// Month name; value 1–12.
    Month,
    /// Weekday name; value 1–7 (Monday = 1).
    Wday,
    /// Time unit; value is an ISO 8601 duration designator (S, M, H, D, W, MO, Q, Y, DE, CE, WE).
    Tunit,
    /// today, tomorrow, yesterday; value is the day offset.
    Dayref,
    /// Part of a day; value is a representative hour.
    Daypart,
    /// Named holiday.
    Holiday,
    /// Season.
    Season,
    /// Frequency adverb or adjective (`daily`, `weekly`); value is the period.
    Freq,
    /// Relative modifier: last, next, this, every.
    Rel,
    /// Follows a duration to make a date: ago, later.
    Ago,
    /// Currency word; value is the ISO 4217 code (with `.01` for a hundredth unit).
    Cur,
    /// ISO 4217 code, recognised only in upper case.
    Iso,
    /// Quantity unit; value is its symbol.
    Qty,
    /// Percent word.
    Pct,
    /// am / pm.
    Ampm,
    /// Function word (a capitalised one does not start a name).
    Func,
    /// Time zone after a clock time (upper case only).
    Tz,
    /// Word naming a holiday before `Day`/`Friday`/a holiday word: `Black Friday`, `Labor Day`.
    Hpre,
}

impl Class {
    /// This class's bit in a class mask.
    #[inline]
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }

    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "unit" => Class::Unit,
            "tens" => Class::Tens,
            "mag" => Class::Mag,
            "frac" => Class::Frac,
            "ord" => Class::Ord,
            "month" => Class::Month,
            "wday" => Class::Wday,
            "tunit" => Class::Tunit,
            "dayref" => Class::Dayref,
            "daypart" => Class::Daypart,
            "holiday" => Class::Holiday,
            "season" => Class::Season,
            "freq" => Class::Freq,
            "rel" => Class::Rel,
            "ago" => Class::Ago,
            "cur" => Class::Cur,
            "iso" => Class::Iso,
            "qty" => Class::Qty,
            "pct" => Class::Pct,
            "ampm" => Class::Ampm,
            "func" => Class::Func,
            "tz" => Class::Tz,
            "hpre" => Class::Hpre,
            _ => return None,
        })
    }
}

/// One meaning of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The word, lower case.
    pub word: &'static str,
    /// Its class.
    pub class: Class,
    /// Its value (number, code or symbol), as written in the data file.
    pub value: &'static str,
}

/// The parsed word lists with an open-addressing hash index keyed by the packed word.
#[derive(Debug)]
pub struct Lexicon {
    /// All entries, grouped by word (entries of one word are adjacent).
    entries: Vec<Entry>,
    /// Slots: packed key and `(first entry, count)`; a zero key marks an empty slot.
    slots: Vec<Slot>,
    /// One non-zero 16-bit tag per slot (0 = empty), a small array checked before the slot so
    /// that most unknown words are rejected from L1 cache.
    tags: Vec<u16>,
    mask: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: Key,
    first: u32,
    count: u32,
    /// One bit per class of the word's entries ([`Class::bit`]).
    classes: u32,
}

/// A word of at most [`MAX_WORD`] bytes, lower-cased (`| 0x20`) and packed little-endian into two
/// words; the tokenizer builds it while scanning letters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Key(pub u64, pub u64);

impl Key {
    /// Packs `word` (ASCII letters and dots); `None` when too long or empty.
    pub fn of(word: &[u8]) -> Option<Key> {
        if word.is_empty() || word.len() > MAX_WORD {
            return None;
        }
        let mut k = Key(0, 0);
        for (i, &b) in word.iter().enumerate() {
            k.push(i, b);
        }
        Some(k)
    }
    /// Adds byte `b` at position `i` (< 16).
    #[inline]
    pub fn push(&mut self, i: usize, b: u8) {
        let v = u64::from(b | 0x20);
        if i < 8 {
            self.0 |= v << (8 * i);
        } else if i < 16 {
            self.1 |= v << (8 * (i - 8));
        }
    }
    #[inline]
    fn hash(self) -> u64 {
        (self.0 ^ self.1.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
    #[inline]
    fn slot(h: u64) -> usize {
        (h >> 40) as usize
    }
    #[inline]
    fn tag(h: u64) -> u16 {
        (h as u16) | 1
    }
}

impl Lexicon {
    fn build(data: &'static str) -> Lexicon {
        let mut entries: Vec<Entry> = Vec::new();
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((head, words)) = line.split_once(" = ") else {
                continue;
            };
            let mut head = head.split_whitespace();
            let (Some(class), Some(value)) = (head.next().and_then(Class::parse), head.next())
            else {
                continue;
            };
            for word in words.split_whitespace() {
                if word.len() <= MAX_WORD {
                    entries.push(Entry { word, class, value });
                }
            }
        }
        entries.sort_by(|a, b| a.word.cmp(b.word));
        let mut size = 64;
        while size < entries.len() * 4 {
            size *= 2;
        }
        let mask = size - 1;
        let mut slots = vec![Slot::default(); size];
        let mut tags = vec![0u16; size];
        let mut i = 0;
        while i < entries.len() {
            let mut j = i + 1;
            while j < entries.len() && entries[j].word == entries[i].word {
                j += 1;
            }
            if let Some(key) = Key::of(entries[i].word.as_bytes()) {
                let h = key.hash();
                let mut s = Key::slot(h) & mask;
                while slots[s].key.0 != 0 {
                    s = (s + 1) & mask;
                }
                tags[s] = Key::tag(h);
                slots[s] = Slot {
                    key,
                    first: i as u32,
                    count: (j - i) as u32,
                    classes: entries
                        .get(i..j)
                        .unwrap_or(&[])
                        .iter()
                        .fold(0, |m, e| m | e.class.bit()),
                };
            }
            i = j;
        }
        Lexicon {
            entries,
            slots,
            tags,
            mask,
        }
    }

    /// All meanings of `word` (compared ASCII case-insensitively); empty when unknown.
    pub fn lookup(&self, word: &[u8]) -> &[Entry] {
        match Key::of(word) {
            Some(k) => self.lookup_key(k),
            None => &[],
        }
    }

    /// All meanings of a packed word.
    #[inline]
    pub fn lookup_key(&self, key: Key) -> &[Entry] {
        self.lookup_key_classes(key).0
    }

    /// All meanings of a packed word and the OR of their [`Class::bit`]s.
    #[inline]
    pub fn lookup_key_classes(&self, key: Key) -> (&[Entry], u32) {
        let h = key.hash();
        let tag = Key::tag(h);
        let mut s = Key::slot(h) & self.mask;
        loop {
            let t = self.tags.get(s).copied().unwrap_or(0);
            if t == 0 {
                return (&[], 0);
            }
            if t != tag {
                s = (s + 1) & self.mask;
                continue;
            }
            let Some(slot) = self.slots.get(s) else {
                return (&[], 0);
            };
            if slot.key == key {
                let lo = slot.first as usize;
                return match self.entries.get(lo..lo + slot.count as usize) {
                    Some(e) => (e, slot.classes),
                    None => (&[], 0),
                };
            }
            s = (s + 1) & self.mask;
        }
    }
}

/// The shared lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::build(WORDS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses() {
        for line in WORDS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (head, _) = line.split_once(" = ").expect(line);
            let class = head.split_whitespace().next().expect(line);
            assert!(Class::parse(class).is_some(), "bad class in {line:?}");
        }
    }

    #[test]
    fn stored_class_bits_match_the_entries() {
        let lex = lexicon();
        for e in &lex.entries {
            let key = Key::of(e.word.as_bytes()).expect("short word");
            let (entries, classes) = lex.lookup_key_classes(key);
            assert_eq!(entries, lex.lookup_key(key));
            assert_eq!(classes, entries.iter().fold(0, |m, e| m | e.class.bit()));
            assert!(classes & e.class.bit() != 0, "{}", e.word);
        }
        let unknown = Key::of(b"notaword").expect("short word");
        assert_eq!(lex.lookup_key_classes(unknown), (&[][..], 0));
    }

    #[test]
    fn ambiguous_words_keep_all_meanings() {
        let second = lexicon().lookup(b"Second");
        assert!(second.iter().any(|e| e.class == Class::Ord));
        assert!(second.iter().any(|e| e.class == Class::Tunit));
    }
}
