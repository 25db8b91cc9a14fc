//! Word lists compiled into the engine with `include_str!`, merged into one lookup table.
//!
//! Every word maps to a set of [`Flags`]; one hash lookup per token answers all list questions.
//! The lists and their sources are described in `data/SOURCES.md`.
//!
//! ```
//! use sayso::engine::lexicon::{lookup, Flags};
//! assert!(lookup("said").has(Flags::CUE));
//! assert!(lookup("Said").is_empty()); // lookups take lowercase words
//! assert!(lookup("james").has(Flags::FIRST_MALE));
//! assert!(lookup("february").has(Flags::NONPERSON));
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const CUE_VERBS: &str = include_str!("data/cue_verbs.txt");
const TITLES: &str = include_str!("data/titles.txt");
const NONPERSON: &str = include_str!("data/nonperson_words.txt");
const FIRST_MALE: &str = include_str!("data/first_names_male.txt");
const FIRST_FEMALE: &str = include_str!("data/first_names_female.txt");
const FIRST_EXTRA: &str = include_str!("data/first_names_extra.txt");
const SURNAMES: &str = include_str!("data/surnames.txt");
const ROLE_NOUNS: &str = include_str!("data/role_nouns.txt");
const COMMON_WORDS: &str = include_str!("data/common_words.txt");
const PLACES: &str = include_str!("data/places.txt");

/// A small set of list memberships for one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags(pub u16);

impl Flags {
    /// A reporting verb form ("said").
    pub const CUE: Flags = Flags(1);
    /// A weak reporting verb (belief, evaluation, request: "believes", "urged").
    pub const CUE_WEAK: Flags = Flags(1 << 1);
    /// A title, honorific or role word that can precede a name ("President", "Sen").
    pub const TITLE: Flags = Flags(1 << 2);
    /// A capitalised word that is not part of a person's name (months, countries, institutions).
    pub const NONPERSON: Flags = Flags(1 << 3);
    /// A male first name.
    pub const FIRST_MALE: Flags = Flags(1 << 4);
    /// A female first name.
    pub const FIRST_FEMALE: Flags = Flags(1 << 5);
    /// A frequent surname.
    pub const SURNAME: Flags = Flags(1 << 6);
    /// A noun naming a person by role ("leader", "spokeswoman").
    pub const ROLE_PERSON: Flags = Flags(1 << 7);
    /// A noun naming a collective or organisation that can speak ("officials", "ministry").
    pub const ROLE_COLLECTIVE: Flags = Flags(1 << 8);
    /// A common English word that is no name ("analysis", "room"): capitalised, it starts a sentence
    /// or a title, not a person's name.
    pub const COMMON: Flags = Flags(1 << 9);
    /// A place name (city, country, state) that is not also a frequent first name or surname.
    pub const PLACE: Flags = Flags(1 << 10);
    /// Either first-name flag.
    pub const FIRST: Flags = Flags((1 << 4) | (1 << 5));

    /// Whether any flag of `other` is set.
    pub const fn has(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }
    /// Whether no flag is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

/// FNV-1a: a tiny, fast, deterministic hasher for short words.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Table = HashMap<&'static [u8], Flags, BuildHasherDefault<Fnv>>;

/// A `HashMap` with the FNV hasher, for the engine's small per-text maps.
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn add(table: &mut Table, word: &'static str, f: Flags) {
    let e = table.entry(word.as_bytes()).or_default();
    e.0 |= f.0;
}

fn build() -> Table {
    let mut t = Table::default();
    for line in data_lines(CUE_VERBS) {
        let (weak, rest) = match line.strip_prefix('~') {
            Some(r) => (true, r),
            None => (false, line),
        };
        for w in rest.split_whitespace() {
            add(&mut t, w, Flags::CUE);
            if weak {
                add(&mut t, w, Flags::CUE_WEAK);
            }
        }
    }
    for line in data_lines(TITLES) {
        for w in line.split_whitespace() {
            add(&mut t, w, Flags::TITLE);
        }
    }
    for line in data_lines(NONPERSON) {
        for w in line.split_whitespace() {
            add(&mut t, w, Flags::NONPERSON);
        }
    }
    for w in data_lines(FIRST_MALE) {
        add(&mut t, w, Flags::FIRST_MALE);
    }
    for w in data_lines(FIRST_FEMALE) {
        add(&mut t, w, Flags::FIRST_FEMALE);
    }
    for line in data_lines(FIRST_EXTRA) {
        let mut it = line.split_whitespace();
        if let (Some(w), Some(g)) = (it.next(), it.next()) {
            add(
                &mut t,
                w,
                if g == "f" {
                    Flags::FIRST_FEMALE
                } else {
                    Flags::FIRST_MALE
                },
            );
        }
    }
    for w in data_lines(SURNAMES) {
        add(&mut t, w, Flags::SURNAME);
    }
    for line in data_lines(ROLE_NOUNS) {
        let mut it = line.split_whitespace();
        let f = match it.next() {
            Some("c") => Flags::ROLE_COLLECTIVE,
            _ => Flags::ROLE_PERSON,
        };
        for w in it {
            add(&mut t, w, f);
        }
    }
    for w in data_lines(COMMON_WORDS) {
        add(&mut t, w, Flags::COMMON);
    }
    for w in data_lines(PLACES) {
        add(&mut t, w, Flags::PLACE);
    }
    t
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// Flags of a lowercase word (empty when the word is in no list).
pub fn lookup(lower: &str) -> Flags {
    table().get(lower.as_bytes()).copied().unwrap_or_default()
}

/// Lowercases an ASCII word into `buf` and looks it up; words that are not ASCII or longer than the
/// buffer get empty flags. A trailing `.` is ignored ("Sen." looks up "sen").
pub fn lookup_word(word: &str, buf: &mut [u8; 32]) -> Flags {
    let w = word.strip_suffix('.').unwrap_or(word);
    let bytes = w.as_bytes();
    if bytes.is_empty() || bytes.len() > buf.len() {
        return Flags::default();
    }
    for (dst, src) in buf.iter_mut().zip(bytes) {
        if !src.is_ascii() {
            return Flags::default();
        }
        *dst = src.to_ascii_lowercase();
    }
    match buf.get(..bytes.len()) {
        Some(b) => table().get(b).copied().unwrap_or_default(),
        None => Flags::default(),
    }
}

/// Number of distinct words in the merged table (for reports).
pub fn size() -> usize {
    table().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let cases: &[(&str, &str, Flags, bool)] = &[
            ("cue said", "said", Flags::CUE, true),
            ("weak cue believes", "believes", Flags::CUE_WEAK, true),
            ("strong cue is not weak", "said", Flags::CUE_WEAK, false),
            ("title", "president", Flags::TITLE, true),
            ("month", "march", Flags::NONPERSON, true),
            ("female name", "maria", Flags::FIRST_FEMALE, true),
            ("extra male name", "volodymyr", Flags::FIRST_MALE, true),
            ("surname", "smith", Flags::SURNAME, true),
            ("role", "spokeswoman", Flags::ROLE_PERSON, true),
            ("collective", "officials", Flags::ROLE_COLLECTIVE, true),
            ("common word", "analysis", Flags::COMMON, true),
            ("name is not common", "james", Flags::COMMON, false),
            ("place", "nairobi", Flags::PLACE, true),
            ("name is not a place", "maria", Flags::PLACE, false),
        ];
        for (name, w, f, want) in cases {
            assert_eq!(lookup(w).has(*f), *want, "case {name}");
        }
        assert!(size() > 5000);
    }

    #[test]
    fn lookup_word_lowercases_and_strips_period() {
        let mut b = [0u8; 32];
        assert!(lookup_word("Sen.", &mut b).has(Flags::TITLE));
        assert!(lookup_word("SAID", &mut b).has(Flags::CUE));
        assert!(lookup_word("Zelenskyё", &mut b).is_empty());
        assert!(lookup_word("", &mut b).is_empty());
    }
}
