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
    /// A reporting verb that attributes a quotation but otherwise takes a plain object ("“Denver,”
    /// he answered" / "he answered a question"): no reported clause after it.
    pub const CUE_QUOTE_ONLY: Flags = Flags(1 << 11);
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

/// A tiny, fast, deterministic hasher for short words and indexes (FxHash-style: one multiply per
/// eight bytes; the name is historical). Nothing iterates over the maps that use it, so the hash
/// function never shows in results.
#[derive(Default)]
pub struct Fnv(u64);

impl Fnv {
    #[inline]
    fn mix(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fnv {
    #[inline]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // the 1..=7 bytes little-endian, zero-padded (as the packed words are built)
            self.mix(pack(rest)[0]);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.mix(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.mix(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.mix(i as u64);
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

/// Calls `add` with every listed word and one of its flags, list by list (a word in several lists
/// comes several times).
fn for_each_entry(mut add: impl FnMut(&'static str, Flags)) {
    for line in data_lines(CUE_VERBS) {
        let (extra, rest) = if let Some(r) = line.strip_prefix('~') {
            (Some(Flags::CUE_WEAK), r)
        } else if let Some(r) = line.strip_prefix('"') {
            (Some(Flags::CUE_QUOTE_ONLY), r)
        } else {
            (None, line)
        };
        for w in rest.split_whitespace() {
            add(w, Flags::CUE);
            if let Some(f) = extra {
                add(w, f);
            }
        }
    }
    for line in data_lines(TITLES) {
        for w in line.split_whitespace() {
            add(w, Flags::TITLE);
        }
    }
    for line in data_lines(NONPERSON) {
        for w in line.split_whitespace() {
            add(w, Flags::NONPERSON);
        }
    }
    for w in data_lines(FIRST_MALE) {
        add(w, Flags::FIRST_MALE);
    }
    for w in data_lines(FIRST_FEMALE) {
        add(w, Flags::FIRST_FEMALE);
    }
    for line in data_lines(FIRST_EXTRA) {
        let mut it = line.split_whitespace();
        if let (Some(w), Some(g)) = (it.next(), it.next()) {
            add(
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
        add(w, Flags::SURNAME);
    }
    for line in data_lines(ROLE_NOUNS) {
        let mut it = line.split_whitespace();
        let f = match it.next() {
            Some("c") => Flags::ROLE_COLLECTIVE,
            _ => Flags::ROLE_PERSON,
        };
        for w in it {
            add(w, f);
        }
    }
    for w in data_lines(COMMON_WORDS) {
        add(w, Flags::COMMON);
    }
    for w in data_lines(PLACES) {
        add(w, Flags::PLACE);
    }
}

fn build() -> Table {
    let mut t = Table::default();
    for_each_entry(|w, f| add(&mut t, w, f));
    t
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// Longest key held by the packed fast table; longer keys go to the hash map.
pub(crate) const PACK: usize = 16;

/// The words of at most [`PACK`] bytes, zero-padded into two `u64`s, in an open-addressing table
/// (a zero key marks an empty slot; words never contain a NUL byte), with a one-bit-per-hash
/// filter in front.
///
/// Every token of a text is looked up, and most words of news are in no list: the filter (32 KB,
/// first-level cache size) answers for nearly all of those without touching the table (15,636
/// words in 32,768 slots of 24 bytes: 786 KB, which no first- or second-level cache holds). A key
/// and its flags share a slot, so a listed word costs one cache line (they were two arrays).
struct Packed {
    slots: Vec<Slot>,
    mask: usize,
    filter: Vec<u64>,
}

/// One slot of [`Packed`]: a packed key (zero when empty) and its flags.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: [u64; 2],
    flags: Flags,
}

/// Bits of the filter: 2^18 (32 KB); with 15,636 short words set, one unlisted word in 17
/// passes it.
const FILTER_BITS: u32 = 18;

/// Packs the first [`PACK`] bytes, little-endian, zero-padded.
#[inline]
fn pack(bytes: &[u8]) -> [u64; 2] {
    // overlapping fixed-size reads (the overlap holds the same bytes), no per-byte loop
    let read8 = |at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let read4 = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|s| <[u8; 4]>::try_from(s).ok())
            .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
    };
    let byte = |at: usize| bytes.get(at).map_or(0, |&b| u64::from(b));
    let n = bytes.len();
    match n {
        0 => [0, 0],
        1..=3 => [
            byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1)),
            0,
        ],
        4..=7 => [read4(0) | read4(n - 4) << (8 * (n - 4)), 0],
        8 => [read8(0), 0],
        9..=PACK => [read8(0), read8(n - 8) >> (8 * (PACK - n))],
        _ => pack(bytes.get(..PACK).unwrap_or_default()),
    }
}

/// The hash of a packed key.
#[inline]
fn hash_of(k: [u64; 2]) -> u64 {
    (k[0] ^ k[1].rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The first slot to probe for hash `h` (its middle bits).
#[inline]
fn slot_of(h: u64, mask: usize) -> usize {
    (h >> 32) as usize & mask
}

/// The filter word and bit of hash `h`: its top 18 bits (the slot takes the bits from 32 up, so
/// for the 2^15 slots of today's lists the two share one bit).
#[inline]
fn filter_bit(h: u64) -> (usize, u64) {
    let b = h >> (64 - FILTER_BITS);
    ((b >> 6) as usize, 1u64 << (b & 63))
}

/// Whether a word goes to the packed table (else to [`long_table`]).
fn packable(w: &[u8]) -> bool {
    !w.is_empty() && w.len() <= PACK && !w.contains(&0)
}

/// The packed table and the hash map of the longer words, built together in one pass over the
/// word lists (flags of a repeated word merged): the same contents as splitting the merged map,
/// without building it.
fn tables() -> &'static (Packed, Table) {
    static TABLES: OnceLock<(Packed, Table)> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut words: Vec<(&'static str, Flags)> = Vec::with_capacity(16_384);
        for_each_entry(|w, f| words.push((w, f)));
        // load factor between 0.33 and 0.67: short probe runs in a table half the size of one
        // at most half full
        let n = (words.len() + words.len() / 2).next_power_of_two().max(16);
        let mut p = Packed {
            slots: vec![Slot::default(); n],
            mask: n - 1,
            filter: vec![0; 1 << (FILTER_BITS - 6)],
        };
        let mut long = Table::default();
        for (w, f) in words {
            let w = w.as_bytes();
            if !packable(w) {
                let e = long.entry(w).or_default();
                e.0 |= f.0;
                continue;
            }
            let k = pack(w);
            let h = hash_of(k);
            let (fw, fb) = filter_bit(h);
            if let Some(x) = p.filter.get_mut(fw) {
                *x |= fb;
            }
            let mut i = slot_of(h, p.mask);
            while p
                .slots
                .get(i)
                .is_some_and(|s| s.key != [0, 0] && s.key != k)
            {
                i = (i + 1) & p.mask;
            }
            if let Some(slot) = p.slots.get_mut(i) {
                slot.key = k;
                slot.flags.0 |= f.0;
            }
        }
        (p, long)
    })
}

fn packed() -> &'static Packed {
    &tables().0
}

/// The words that the packed table does not hold (longer than [`PACK`] bytes).
fn long_table() -> &'static Table {
    &tables().1
}

/// Flags of a packed non-empty key.
fn lookup_packed(k: [u64; 2]) -> Flags {
    let p = packed();
    let h = hash_of(k);
    let (fw, fb) = filter_bit(h);
    if p.filter.get(fw).is_none_or(|x| x & fb == 0) {
        return Flags::default();
    }
    let mut i = slot_of(h, p.mask);
    loop {
        match p.slots.get(i) {
            Some(s) if s.key == k => return s.flags,
            Some(s) if s.key != [0, 0] => i = (i + 1) & p.mask,
            _ => return Flags::default(),
        }
    }
}

/// Flags of a lowercase word (empty when the word is in no list).
pub fn lookup(lower: &str) -> Flags {
    let b = lower.as_bytes();
    if packable(b) {
        return lookup_packed(pack(b));
    }
    long_table().get(b).copied().unwrap_or_default()
}

/// ASCII-lowercases a packed word of ASCII bytes (zero padding stays zero).
fn lower_packed(x: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    let ge_a = x.wrapping_add(LO * (0x80 - u64::from(b'A')));
    let gt_z = x.wrapping_add(LO * (0x80 - u64::from(b'Z') - 1));
    x | (((ge_a & !gt_z) & (LO * 0x80)) >> 2)
}

/// Lowercases an ASCII word into `buf` and looks it up; words that are not ASCII or longer than the
/// buffer get empty flags. A trailing `.` is ignored ("Sen." looks up "sen").
pub fn lookup_word(word: &str, buf: &mut [u8; 32]) -> Flags {
    let bytes = match word.as_bytes() {
        [rest @ .., b'.'] => rest,
        b => b,
    };
    if bytes.is_empty() || bytes.len() > buf.len() {
        return Flags::default();
    }
    if bytes.len() <= PACK {
        let [a, b] = pack(bytes);
        if (a | b) & 0x8080_8080_8080_8080 != 0 {
            return Flags::default();
        }
        // a NUL byte would be taken for padding: leave such words to the slow path
        // (high bit of each nonzero byte, compared with the high bits of the first `len` bytes;
        // no popcount, which baseline x86-64 lacks)
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        let first = |n: usize| match n {
            0 => 0,
            1..=7 => (1u64 << (8 * n)) - 1,
            _ => u64::MAX,
        };
        let n = bytes.len();
        let nonzero_a = a.wrapping_add(LOW7) & !LOW7;
        let nonzero_b = b.wrapping_add(LOW7) & !LOW7;
        if nonzero_a == !LOW7 & first(n) && nonzero_b == !LOW7 & first(n.saturating_sub(8)) {
            return lookup_alnum_packed(a, b);
        }
    }
    lookup_word_slow(bytes, buf)
}

/// [`lookup_word`] for a word of ASCII letters and digits only (the tokenizer's usual case): no
/// trailing period, other script or NUL byte to look for.
#[inline]
pub(crate) fn lookup_alnum(word: &str, buf: &mut [u8; 32]) -> Flags {
    let bytes = word.as_bytes();
    debug_assert!(bytes.iter().all(u8::is_ascii_alphanumeric));
    if bytes.is_empty() || bytes.len() > PACK {
        return lookup_word(word, buf);
    }
    let [a, b] = pack(bytes);
    lookup_alnum_packed(a, b)
}

/// The flags of a word of 1 to [`PACK`] ASCII bytes without NUL given packed (its bytes
/// little-endian, zero-padded: what `pack` makes of it, or what the tokenizer builds while
/// scanning), in any ASCII case.
#[inline]
pub(crate) fn lookup_alnum_packed(a: u64, b: u64) -> Flags {
    lookup_packed([lower_packed(a), lower_packed(b)])
}

fn lookup_word_slow(bytes: &[u8], buf: &mut [u8; 32]) -> Flags {
    for (dst, src) in buf.iter_mut().zip(bytes) {
        if !src.is_ascii() {
            return Flags::default();
        }
        *dst = src.to_ascii_lowercase();
    }
    match buf.get(..bytes.len()) {
        Some(b) if packable(b) => lookup_packed(pack(b)),
        Some(b) => long_table().get(b).copied().unwrap_or_default(),
        None => Flags::default(),
    }
}

/// Calls `f` with `w.to_ascii_lowercase()`, built on the stack for words of up to 32 bytes (ASCII
/// lowercasing keeps UTF-8 valid and byte offsets unchanged).
#[inline]
pub fn with_ascii_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if let Some(dst) = buf.get_mut(..w.len()) {
        dst.copy_from_slice(w.as_bytes());
        dst.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(dst) {
            return f(lower);
        }
    }
    f(&w.to_ascii_lowercase())
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
            ("quote-only cue", "answered", Flags::CUE_QUOTE_ONLY, true),
            ("quote-only cue is a cue", "answered", Flags::CUE, true),
            (
                "a verb of saying reports a clause",
                "said",
                Flags::CUE_QUOTE_ONLY,
                false,
            ),
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
    fn hasher_tail_is_the_little_endian_bytes() {
        // `Fnv::write` packs the last 1..=7 bytes with `pack`; the value must be the bytes
        // little-endian, zero-padded (what a byte loop builds)
        let data = b"abcdefgHIJKLMN\xff\x01";
        for start in 0..data.len() {
            for len in 1..=7 {
                let Some(rest) = data.get(start..start + len) else {
                    continue;
                };
                let mut want = 0u64;
                for (n, &b) in rest.iter().enumerate() {
                    want |= u64::from(b) << (8 * n);
                }
                assert_eq!(pack(rest)[0], want, "{rest:?}");
            }
        }
    }

    #[test]
    fn lookup_word_lowercases_and_strips_period() {
        let mut b = [0u8; 32];
        assert!(lookup_word("Sen.", &mut b).has(Flags::TITLE));
        assert!(lookup_word("SAID", &mut b).has(Flags::CUE));
        assert!(lookup_word("Zelenskyё", &mut b).is_empty());
        assert!(lookup_word("", &mut b).is_empty());
    }

    #[test]
    fn packed_table_agrees_with_hash_map() {
        // every listed word, in any ASCII case, finds exactly its flags through the fast path
        let mut b = [0u8; 32];
        // built from the lists directly, the packed and long tables hold the merged map's words
        let in_packed = packed().slots.iter().filter(|s| s.key != [0, 0]).count();
        assert_eq!(in_packed + long_table().len(), table().len());
        for (w, f) in table() {
            let s = std::str::from_utf8(w).unwrap_or("");
            assert_eq!(lookup(s), *f, "lookup {s}");
            if s.is_ascii() && s.len() <= 32 {
                assert_eq!(
                    lookup_word(&s.to_ascii_uppercase(), &mut b),
                    *f,
                    "upper {s}"
                );
            }
        }
        let cases: &[(&str, &str, bool)] = &[
            ("mixed case", "SaId", true),
            ("not a word", "saidx", false),
            ("prefix of a word", "sai", false),
            ("inner NUL", "sa\0id", false),
            ("17 bytes", "abcdefghijklmnopq", false),
            ("16 bytes", "ABCDEFGHIJKLMNOP", false),
            ("punctuation near letters", "[@`{", false),
        ];
        for (name, w, want) in cases {
            assert_eq!(lookup_word(w, &mut b).has(Flags::CUE), *want, "case {name}");
        }
        let long = "abcdefghijklmnopqrstu";
        for n in 0..=long.len() {
            let w = long.get(..n).unwrap_or("");
            let mut b = [0u8; PACK];
            for (d, s) in b.iter_mut().zip(w.bytes()) {
                *d = s;
            }
            let (lo, hi) = b.split_at(8);
            let lo = u64::from_le_bytes(lo.try_into().unwrap_or_default());
            let hi = u64::from_le_bytes(hi.try_into().unwrap_or_default());
            assert_eq!(pack(w.as_bytes()), [lo, hi], "pack {n}");
        }
        for c in 0u8..128 {
            let x = u64::from(c) | (u64::from(c) << 56);
            let l = u64::from(c.to_ascii_lowercase());
            assert_eq!(lower_packed(x), l | (l << 56), "byte {c}");
        }
    }
}
