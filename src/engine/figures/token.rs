//! The figures tokenizer: one linear pass that splits text into numbers, words and symbols, and
//! looks each short ASCII word up in the lexicon once.
//!
//! ```
//! use sayso::engine::figures::token::{tokenize, Tk};
//! let text = "£2.26 billion, on Friday";
//! let toks = tokenize(text);
//! let kinds: Vec<Tk> = toks.iter().map(|t| t.tk).collect();
//! assert_eq!(kinds, [Tk::Sym, Tk::Num, Tk::Word, Tk::Sym, Tk::Word, Tk::Word]);
//! assert_eq!(&text[toks[1].start..toks[1].end], "2.26");
//! ```

use super::lexicon::{lexicon, Class, Entry, Key, MAX_WORD};
use crate::engine::segment::is_alpha;

/// Token type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tk {
    /// Digits, with `,` (or no-break space) thousands groups and one decimal part (`2,300`,
    /// `1.5`, `.75`).
    Num,
    /// Letters (ASCII or any alphabetic character); `a.m.`/`p.m.` are one word.
    Word,
    /// Any other single character that is not white space.
    Sym,
    /// Digit runs that are identifiers or versions (`1.2.3`).
    Ident,
}

/// A token: byte offsets on char boundaries plus what the scanners need to know.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Token type.
    pub tk: Tk,
    /// For symbols: the character.
    pub ch: char,
    /// Lexicon meanings (words only), see [`Tok::entries`].
    lex: &'static [Entry],
    /// One bit per [`Class`] of `lex` (`1 << class`), so that class tests need no scan.
    classes: u32,
    /// White space precedes this token.
    pub space_before: bool,
    /// A line break precedes this token.
    pub nl_before: bool,
    /// Word starts with an upper-case ASCII letter.
    pub cap: bool,
    /// Word of two or more letters, all upper case.
    pub upper: bool,
    /// Number contains a `,` group.
    pub comma: bool,
    /// Number contains a decimal point.
    pub decimal: bool,
}

impl Tok {
    /// All lexicon meanings of this word (empty for non-words and unknown words).
    #[inline]
    pub fn entries(&self) -> &'static [Entry] {
        self.lex
    }
    /// The value of this word's meaning of class `c`, if it has one.
    #[inline]
    pub fn class(&self, c: Class) -> Option<&'static str> {
        if !self.is(c) {
            return None;
        }
        self.lex.iter().find(|e| e.class == c).map(|e| e.value)
    }
    /// Whether the word has a meaning of class `c`.
    #[inline]
    pub fn is(&self, c: Class) -> bool {
        self.classes & c.bit() != 0
    }
    /// Whether the word has a meaning of any class in `mask` (an OR of [`Class::bit`]s).
    #[inline]
    pub fn is_any(&self, mask: u32) -> bool {
        self.classes & mask != 0
    }
}

impl Tok {
    /// An empty symbol token at `start`, with what precedes it.
    #[inline]
    fn blank(start: usize, space_before: bool, nl_before: bool) -> Self {
        Tok {
            start,
            end: start,
            tk: Tk::Sym,
            ch: ' ',
            lex: &[],
            classes: 0,
            space_before,
            nl_before,
            cap: false,
            upper: false,
            comma: false,
            decimal: false,
        }
    }
}

/// The class bits of a word's meanings.
fn class_mask(lex: &[Entry]) -> u32 {
    lex.iter().fold(0, |m, e| m | e.class.bit())
}

/// Number of leading ASCII letters in 8 little-endian bytes (SWAR, no branches per byte).
#[inline]
fn leading_letters(chunk: u64) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    let y = (chunk | 0x2020_2020_2020_2020) & 0x7f7f_7f7f_7f7f_7f7f;
    let at_least_a = y.wrapping_add(0x1f1f_1f1f_1f1f_1f1f); // high bit: y >= b'a'
    let past_z = y.wrapping_add(0x0505_0505_0505_0505); // high bit: y > b'z'
    let letter = at_least_a & !past_z & !chunk & HI;
    ((!letter & HI).trailing_zeros() / 8) as usize
}

/// Scans ASCII letters from `i`, building the packed lexicon key of the first 16; returns the
/// end of the run and whether any of its letters is lower case.
#[inline]
fn scan_letters(bytes: &[u8], mut i: usize, key: &mut Key) -> (usize, bool) {
    const HI: u64 = 0x8080_8080_8080_8080;
    let start = i;
    let mut lower = 0u64;
    loop {
        let chunk = bytes
            .get(i..i + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map(u64::from_le_bytes);
        let Some(chunk) = chunk else {
            while let Some(&b) = bytes.get(i) {
                if !b.is_ascii_alphabetic() {
                    break;
                }
                lower |= u64::from(b.is_ascii_lowercase());
                key.push(i - start, b);
                i += 1;
            }
            return (i, lower != 0);
        };
        let k = leading_letters(chunk);
        let len = i - start;
        let keep = if k == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * k)) - 1
        };
        // a letter is lower case when its 0x20 bit is set: moved up to the byte's high bit
        lower |= (chunk << 2) & HI & keep;
        let part = (chunk | 0x2020_2020_2020_2020) & keep;
        if len == 0 {
            key.0 = part;
        } else if len == 8 {
            key.1 = part;
        }
        i += k;
        if k < 8 {
            return (i, lower != 0);
        }
    }
}

#[inline]
fn is_digit(b: Option<&u8>) -> bool {
    matches!(b, Some(b'0'..=b'9'))
}

/// Splits `text` into tokens in one pass (white space is dropped, recorded as flags).
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    tokenize_into(text, &mut toks);
    toks
}

/// Like [`tokenize`], reusing `toks` (cleared first) so a caller going paragraph by paragraph
/// allocates once.
pub fn tokenize_into(text: &str, toks: &mut Vec<Tok>) {
    tokenize_impl::<true>(text, toks);
}

/// The tokenizer; `FAST` enables the fast paths for plain words and punctuation (the tests check
/// that they change nothing).
fn tokenize_impl<const FAST: bool>(text: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    let lex = lexicon();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut space = true;
    let mut nl = true;
    while i < n {
        let b = bytes[i];
        // fast paths: a word of at most fifteen ASCII letters followed by ASCII that is not `.`
        // or `:` (so neither a URL, a.m./p.m. nor a word going on in non-ASCII letters), and a
        // punctuation sign, are exactly what the general path below makes of them
        if FAST && b.is_ascii_alphabetic() {
            if let Some((chunk, rest)) = bytes.get(i..i + 16).map(|s| s.split_at(8)) {
                const HI: u64 = 0x8080_8080_8080_8080;
                const LOW: u64 = 0x2020_2020_2020_2020;
                let lo = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
                let hi = u64::from_le_bytes(<[u8; 8]>::try_from(rest).unwrap_or([0; 8]));
                let k = leading_letters(lo);
                let (len, key, lower) = if k < 8 {
                    let keep = (1u64 << (8 * k)) - 1;
                    (k, Key((lo | LOW) & keep, 0), (lo << 2) & HI & keep)
                } else {
                    let k2 = leading_letters(hi);
                    let keep = if k2 < 8 { (1u64 << (8 * k2)) - 1 } else { 0 };
                    let lower = ((lo << 2) & HI) | ((hi << 2) & HI & keep);
                    (8 + k2, Key(lo | LOW, (hi | LOW) & keep), lower)
                };
                let next = bytes.get(i + len).copied().unwrap_or(0x80);
                if len < 16 && next < 0x80 && next != b'.' && next != b':' {
                    let (lex, classes) = lex.lookup_key_classes(key);
                    let cap = b.is_ascii_uppercase();
                    toks.push(Tok {
                        end: i + len,
                        tk: Tk::Word,
                        lex,
                        classes,
                        cap,
                        // no lower-case letter: no 0x20 bit (moved up to the high bit)
                        upper: cap && len >= 2 && lower == 0,
                        ..Tok::blank(i, space, nl)
                    });
                    i += len;
                    nl = false;
                    space = next == b' ';
                    i += usize::from(space);
                    continue;
                }
            }
        }
        if FAST && b > b' ' && b < 0x80 && !b.is_ascii_alphanumeric() && b != b'.' {
            toks.push(Tok {
                end: i + 1,
                ch: b as char,
                ..Tok::blank(i, space, nl)
            });
            i += 1;
            nl = false;
            space = bytes.get(i) == Some(&b' ');
            i += usize::from(space);
            continue;
        }
        // (letters are tested first below: most tokens are words)
        if !b.is_ascii_alphabetic() {
            if b == b' ' || b == b'\t' || b == b'\r' {
                space = true;
                i += 1;
                continue;
            }
            if b == b'\n' {
                space = true;
                nl = true;
                i += 1;
                continue;
            }
        }
        let start = i;
        let mut tok = Tok::blank(start, space, nl);
        let prev_alnum = || start > 0 && bytes[start - 1].is_ascii_alphanumeric();
        if b.is_ascii_alphabetic() {
            let mut key = Key(0, 0);
            let lower;
            (i, lower) = scan_letters(bytes, i, &mut key);
            let ascii_end = i;
            // non-ASCII letters continue the word
            while i < n && bytes[i] >= 0x80 {
                match text.get(i..).and_then(|s| s.chars().next()) {
                    Some(c) if is_alpha(c) => {
                        i += c.len_utf8();
                        while i < n && bytes[i].is_ascii_alphabetic() {
                            i += 1;
                        }
                    }
                    _ => break,
                }
            }
            tok.tk = Tk::Word;
            // URLs and e-mail-like runs are one identifier: nothing in them is a figure
            let w = &bytes[start..i];
            let url = match bytes.get(i) {
                Some(b':') => {
                    bytes.get(i..i + 3) == Some(b"://".as_slice())
                        && (w.eq_ignore_ascii_case(b"http") || w.eq_ignore_ascii_case(b"https"))
                }
                Some(b'.') => w.eq_ignore_ascii_case(b"www"),
                _ => false,
            };
            if url {
                while i < n && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                // stop on a char boundary
                while i < n && !text.is_char_boundary(i) {
                    i += 1;
                }
                tok.tk = Tk::Ident;
                tok.end = i;
                toks.push(tok);
                space = false;
                nl = false;
                continue;
            }
            // a.m. / p.m.
            if i - start == 1
                && matches!(b | 0x20, b'a' | b'p')
                && i + 1 < n
                && bytes[i] == b'.'
                && (bytes[i + 1] | 0x20) == b'm'
                && !bytes.get(i + 2).is_some_and(|c| c.is_ascii_alphabetic())
            {
                i += 2;
                if bytes.get(i) == Some(&b'.') {
                    i += 1;
                }
            }
            let word = &bytes[start..i];
            if i != ascii_end {
                // a.m. / p.m. or a word with non-ASCII letters
                let k = if word.len() == 4 && word[1] == b'.' {
                    word.get(..3)
                } else {
                    Some(word)
                };
                tok.lex = k.map_or(&[], |k| lex.lookup(k));
                tok.classes = class_mask(tok.lex);
            } else if word.len() <= MAX_WORD {
                (tok.lex, tok.classes) = lex.lookup_key_classes(key);
            }
            tok.cap = b.is_ascii_uppercase();
            tok.upper = tok.cap
                && word.len() >= 2
                && !lower
                && word
                    .get(ascii_end - start..)
                    .is_some_and(|rest| rest.iter().all(|c| !c.is_ascii_lowercase()));
        } else if b.is_ascii_digit() || (b == b'.' && is_digit(bytes.get(i + 1)) && !prev_alnum()) {
            tok.tk = Tk::Num;
            if b == b'.' {
                tok.decimal = true;
                i += 1;
            }
            while i < n && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if !tok.decimal && i - start <= 2 {
                // Indian grouping: "1,00,000", "12,34,567" (two-digit groups, then a
                // three-digit one)
                let mut k = i;
                let mut pairs = 0;
                // bounded: a run that is not Indian grouping is rescanned from each of its
                // numbers, so the look-ahead must stay short (crores of crores fit in six)
                while pairs < 6
                    && bytes.get(k) == Some(&b',')
                    && is_digit(bytes.get(k + 1))
                    && is_digit(bytes.get(k + 2))
                    && bytes.get(k + 3) == Some(&b',')
                {
                    k += 3;
                    pairs += 1;
                }
                let last = bytes.get(k) == Some(&b',')
                    && bytes
                        .get(k + 1..k + 4)
                        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                    && !is_digit(bytes.get(k + 4));
                if pairs > 0 && last {
                    tok.comma = true;
                    i = k + 4;
                }
            }
            if !tok.decimal {
                // thousands groups: ",ddd" (or a no-break / thin space, "40 000") not followed
                // by another digit
                loop {
                    let sep = match bytes.get(i..i + 3) {
                        _ if bytes.get(i) == Some(&b',') => 1,
                        Some([0xc2, 0xa0, _]) => 2,
                        Some([0xe2, 0x80, 0xaf | 0x89]) => 3,
                        _ => break,
                    };
                    let g = i + sep;
                    let three = bytes
                        .get(g..g + 3)
                        .is_some_and(|d| d.iter().all(u8::is_ascii_digit));
                    if !three || is_digit(bytes.get(g + 3)) {
                        break;
                    }
                    tok.comma = true;
                    i = g + 3;
                }
                if i + 1 < n && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                    tok.decimal = true;
                    i += 1;
                    while i < n && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                }
            }
            // a second decimal point makes a version or identifier: swallow the whole run
            if i + 1 < n && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                tok.tk = Tk::Ident;
                while i < n && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                if i > start && bytes[i - 1] == b'.' {
                    i -= 1;
                }
            }
        } else if b < 0x80 {
            tok.ch = b as char;
            i += 1;
        } else {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) => {
                    i += c.len_utf8();
                    if is_alpha(c) {
                        tok.tk = Tk::Word;
                        while i < n {
                            if bytes[i].is_ascii_alphabetic() {
                                i += 1;
                                continue;
                            }
                            if bytes[i] < 0x80 {
                                break;
                            }
                            match text.get(i..).and_then(|s| s.chars().next()) {
                                Some(c) if is_alpha(c) => i += c.len_utf8(),
                                _ => break,
                            }
                        }
                    } else if c.is_whitespace() {
                        space = true;
                        continue;
                    } else {
                        tok.ch = c;
                    }
                }
                None => {
                    // not on a char boundary: cannot happen for a &str walked char by char
                    i += 1;
                    continue;
                }
            }
        }
        tok.end = i;
        toks.push(tok);
        nl = false;
        // the usual single space after a token
        space = bytes.get(i) == Some(&b' ');
        i += usize::from(space);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_change_nothing() {
        let pieces = [
            "a",
            "Ab",
            "ABC",
            "word",
            "Words",
            "WORDS",
            "abcdefg",
            "abcdefgh",
            "Abcdefghijklmno",
            "abcdefghijklmnop",
            "ABCDEFGHIJKLMNOPQ",
            "café",
            "é",
            "5",
            "2,500",
            "1.5",
            ".75",
            " ",
            "  ",
            "\n",
            "\t",
            ",",
            ".",
            ":",
            "'",
            "’",
            "$",
            "£",
            "-",
            "http://x.org/a",
            "www.x",
            "a.m.",
            "P.M",
            "am",
            "x",
            "!",
            "(",
            ")",
            "\u{a0}",
            "2\u{a0}000",
            "1.2.3",
        ];
        for text in crate::engine::random_texts(&pieces, 4000, 24, 0x51_7cc1_b727_220a) {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            tokenize_impl::<true>(&text, &mut fast);
            tokenize_impl::<false>(&text, &mut slow);
            assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{text:?}");
        }
    }

    #[test]
    fn swar_letter_scan_matches_the_byte_loop() {
        let texts = [
            "abcdefgh ijk",
            "Abcdefghijklmnopqrstu,",
            "a",
            "xyz@[`{",
            "AZaz09",
            "héllo",
            "ab\u{0}cd",
        ];
        for t in texts {
            let bytes = t.as_bytes();
            for start in 0..bytes.len() {
                if !bytes[start].is_ascii_alphabetic() {
                    continue;
                }
                let mut key = Key(0, 0);
                let (end, lower) = scan_letters(bytes, start, &mut key);
                let mut want_end = start;
                while want_end < bytes.len() && bytes[want_end].is_ascii_alphabetic() {
                    want_end += 1;
                }
                assert_eq!(end, want_end, "{t:?} from {start}");
                let want_lower = bytes[start..end].iter().any(u8::is_ascii_lowercase);
                assert_eq!(lower, want_lower, "{t:?} from {start}");
                if end - start <= MAX_WORD {
                    assert_eq!(Some(key), Key::of(&bytes[start..end]), "{t:?} from {start}");
                }
            }
        }
    }
}
