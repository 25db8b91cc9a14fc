//! The one place where text offsets change unit.
//!
//! - the engine speaks UTF-8 **bytes** (`&text[start..end]`);
//! - everything saved or exported speaks Unicode **code points** (the W3C Web Annotation rule);
//! - the DOM speaks **UTF-16** code units.
//!
//! [`TextIndex`] is built once per text (O(n), one checkpoint every 64 code points) and answers
//! each conversion in O(log n + 64). Offsets that fall inside a character (a byte inside a
//! multi-byte character, a UTF-16 offset between two surrogates) are answered with `None` by the
//! checked conversions, so a bad offset is never silently moved.
//!
//! ```
//! use sayso::model::offsets::TextIndex;
//! let text = "€1 🗳️ x";
//! let index = TextIndex::new(text);
//! let byte = text.find('x').unwrap();          // 11 bytes
//! let cp = index.byte_to_cp(byte).unwrap();      // 6 code points
//! assert_eq!(cp, 6);
//! assert_eq!(index.cp_to_utf16(cp), Some(7));    // 🗳 is two UTF-16 units
//! assert_eq!(index.utf16_to_cp(7), Some(6));
//! assert_eq!(index.cp_to_byte(6), Some(byte));
//! assert_eq!(index.byte_to_cp(1), None);         // inside €
//! ```

const BLOCK: usize = 64;

/// Offsets of one text in the three units, with checkpoints for fast conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextIndex {
    text: std::rc::Rc<str>,
    ascii: bool,
    len_cp: usize,
    len_utf16: usize,
    /// Byte offset of code point `k * BLOCK`.
    block_byte: Vec<usize>,
    /// UTF-16 offset of code point `k * BLOCK`.
    block_utf16: Vec<usize>,
}

impl TextIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let ascii = text.is_ascii();
        let mut block_byte = Vec::new();
        let mut block_utf16 = Vec::new();
        let mut cp = 0;
        let mut utf16 = 0;
        if ascii {
            cp = text.len();
            utf16 = text.len();
        } else {
            for (byte, c) in text.char_indices() {
                if cp % BLOCK == 0 {
                    block_byte.push(byte);
                    block_utf16.push(utf16);
                }
                cp += 1;
                utf16 += c.len_utf16();
            }
        }
        Self {
            text: std::rc::Rc::from(text),
            ascii,
            len_cp: cp,
            len_utf16: utf16,
            block_byte,
            block_utf16,
        }
    }

    /// Length of the text in code points.
    pub fn len_cp(&self) -> usize {
        self.len_cp
    }

    /// Length of the text in UTF-16 code units.
    pub fn len_utf16(&self) -> usize {
        self.len_utf16
    }

    /// Byte offset → code point offset; `None` when out of range or inside a character.
    pub fn byte_to_cp(&self, byte: usize) -> Option<usize> {
        if self.ascii {
            return (byte <= self.text.len()).then_some(byte);
        }
        if byte == self.text.len() {
            return Some(self.len_cp);
        }
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let block = self
            .block_byte
            .partition_point(|&b| b <= byte)
            .checked_sub(1)?;
        let start = *self.block_byte.get(block)?;
        let within = self.text.get(start..byte)?.chars().count();
        Some(block * BLOCK + within)
    }

    /// Code point offset → byte offset; `None` when out of range.
    pub fn cp_to_byte(&self, cp: usize) -> Option<usize> {
        if self.ascii {
            return (cp <= self.text.len()).then_some(cp);
        }
        if cp == self.len_cp {
            return Some(self.text.len());
        }
        let start = *self.block_byte.get(cp / BLOCK)?;
        let skip = cp % BLOCK;
        let rest = self.text.get(start..)?;
        rest.char_indices().nth(skip).map(|(i, _)| start + i)
    }

    /// Code point offset → UTF-16 offset; `None` when out of range.
    pub fn cp_to_utf16(&self, cp: usize) -> Option<usize> {
        if self.ascii {
            return (cp <= self.text.len()).then_some(cp);
        }
        if cp == self.len_cp {
            return Some(self.len_utf16);
        }
        let start = *self.block_byte.get(cp / BLOCK)?;
        let base = *self.block_utf16.get(cp / BLOCK)?;
        let rest = self.text.get(start..)?;
        let units: usize = rest.chars().take(cp % BLOCK).map(char::len_utf16).sum();
        Some(base + units)
    }

    /// UTF-16 offset → code point offset; `None` when out of range or between two surrogates.
    pub fn utf16_to_cp(&self, utf16: usize) -> Option<usize> {
        if self.ascii {
            return (utf16 <= self.text.len()).then_some(utf16);
        }
        if utf16 == self.len_utf16 {
            return Some(self.len_cp);
        }
        if utf16 > self.len_utf16 {
            return None;
        }
        let block = self
            .block_utf16
            .partition_point(|&u| u <= utf16)
            .checked_sub(1)?;
        let mut unit = *self.block_utf16.get(block)?;
        let start = *self.block_byte.get(block)?;
        let mut cp = block * BLOCK;
        for c in self.text.get(start..)?.chars() {
            if unit == utf16 {
                return Some(cp);
            }
            if unit > utf16 {
                return None;
            }
            unit += c.len_utf16();
            cp += 1;
        }
        (unit == utf16).then_some(cp)
    }

    /// Widens a code point range to whole grapheme clusters (a selection that ends inside
    /// `👨🏻‍🚒` or between `e` and its combining accent takes the whole cluster); `None` when
    /// out of range.
    ///
    /// ```
    /// use sayso::model::offsets::TextIndex;
    /// let index = TextIndex::new("a👨🏻‍🚒b e\u{301}t");
    /// assert_eq!(index.snap_to_graphemes(2, 3), Some((1, 5)));   // inside the firefighter
    /// assert_eq!(index.snap_to_graphemes(4, 5), Some((1, 5)));   // after its zero-width joiner
    /// assert_eq!(index.snap_to_graphemes(7, 8), Some((7, 9)));   // e without its accent
    /// assert_eq!(index.snap_to_graphemes(0, 1), Some((0, 1)));
    /// ```
    pub fn snap_to_graphemes(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        use unicode_segmentation::GraphemeCursor;
        let text: &str = &self.text;
        let (bs, be) = (self.cp_to_byte(start)?, self.cp_to_byte(end)?);
        let mut cursor = GraphemeCursor::new(bs, text.len(), true);
        let bs = match cursor.is_boundary(text, 0) {
            Ok(true) => bs,
            _ => cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0),
        };
        let mut cursor = GraphemeCursor::new(be, text.len(), true);
        let be = match cursor.is_boundary(text, 0) {
            Ok(true) => be,
            _ => cursor
                .next_boundary(text, 0)
                .ok()
                .flatten()
                .unwrap_or(text.len()),
        };
        Some((self.byte_to_cp(bs)?, self.byte_to_cp(be)?))
    }

    /// Widens a code point range to whole words: an end that falls inside a word (by Unicode
    /// word boundaries, UAX #29) moves to that word's edge; ends between words, and ranges inside
    /// text with no letters or digits, stay. Grapheme clusters are whole first
    /// ([`Self::snap_to_graphemes`]).
    ///
    /// ```
    /// use sayso::model::offsets::TextIndex;
    /// let index = TextIndex::new("met with UK Prime Minister, e\u{301}tude 新闻");
    /// assert_eq!(index.snap_to_words(4, 19), Some((4, 26)));  // "with UK Prime M" → "…Minister"
    /// assert_eq!(index.snap_to_words(5, 8), Some((4, 8)));    // "ith" → "with"
    /// assert_eq!(index.snap_to_words(4, 8), Some((4, 8)));    // already whole
    /// assert_eq!(index.snap_to_words(30, 32), Some((28, 34))); // inside "étude" (e + accent)
    /// assert_eq!(index.snap_to_words(35, 36), Some((35, 36))); // one ideograph is a word
    /// ```
    pub fn snap_to_words(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        use unicode_segmentation::UnicodeSegmentation;
        let (start, end) = self.snap_to_graphemes(start, end)?;
        let text: &str = &self.text;
        let (bs, be) = (self.cp_to_byte(start)?, self.cp_to_byte(end)?);
        // Only the line around the range is segmented.
        let from = text.get(..bs)?.rfind('\n').map_or(0, |i| i + 1);
        let to = text.get(be..)?.find('\n').map_or(text.len(), |i| be + i);
        let (mut s, mut e) = (bs, be);
        for (i, word) in text.get(from..to)?.split_word_bound_indices() {
            let (ws, we) = (from + i, from + i + word.len());
            if !word.chars().any(char::is_alphanumeric) {
                continue;
            }
            if ws < bs && bs < we {
                s = ws;
            }
            if ws < be && be < we {
                e = we;
            }
        }
        Some((self.byte_to_cp(s)?, self.byte_to_cp(e)?))
    }

    /// UTF-16 offset → byte offset (for the DOM side); `None` as in [`Self::utf16_to_cp`].
    pub fn utf16_to_byte(&self, utf16: usize) -> Option<usize> {
        self.utf16_to_cp(utf16).and_then(|cp| self.cp_to_byte(cp))
    }

    /// Byte offset → UTF-16 offset (for the DOM side); `None` as in [`Self::byte_to_cp`].
    pub fn byte_to_utf16(&self, byte: usize) -> Option<usize> {
        self.byte_to_cp(byte).and_then(|cp| self.cp_to_utf16(cp))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Naive oracle: the offsets of every char boundary in all three units.
    fn boundaries(text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut u16s = 0;
        for (cp, (byte, c)) in text.char_indices().enumerate() {
            out.push((byte, cp, u16s));
            u16s += c.len_utf16();
        }
        out.push((text.len(), text.chars().count(), u16s));
        out
    }

    fn check(text: &str) {
        let index = TextIndex::new(text);
        for (byte, cp, u16s) in boundaries(text) {
            assert_eq!(index.byte_to_cp(byte), Some(cp), "byte {byte} in {text:?}");
            assert_eq!(index.cp_to_byte(cp), Some(byte), "cp {cp} in {text:?}");
            assert_eq!(index.cp_to_utf16(cp), Some(u16s), "cp {cp} in {text:?}");
            assert_eq!(index.utf16_to_cp(u16s), Some(cp), "u16 {u16s} in {text:?}");
        }
        for byte in 0..text.len() {
            if !text.is_char_boundary(byte) {
                assert_eq!(index.byte_to_cp(byte), None);
            }
        }
        assert_eq!(index.byte_to_cp(text.len() + 1), None);
        assert_eq!(index.cp_to_byte(index.len_cp() + 1), None);
        assert_eq!(index.utf16_to_cp(index.len_utf16() + 1), None);
    }

    #[test]
    fn multibyte_table() {
        let cases = [
            ("empty", ""),
            ("ascii", "plain ascii text"),
            ("euro", "€2.26 billion"),
            ("emoji with variation selector", "vote 🗳️ now"),
            ("zwj family with skin tone", "👨🏻‍🚒 firefighter"),
            ("cjk", "新闻报道说"),
            ("combining marks", "e\u{301}e\u{301}\u{302}"),
            ("rtl", "قال الرئيس"),
        ];
        for (_, text) in cases {
            check(text);
        }
    }

    #[test]
    fn long_texts_cross_many_blocks() {
        let text: String = ["a", "€", "🗳️", "新", "e\u{301}", "👨🏻‍🚒", " "]
            .iter()
            .cycle()
            .take(2_000)
            .copied()
            .collect();
        check(&text);
    }

    #[test]
    fn pseudo_random_texts_round_trip() {
        const ALPHABET: &[char] = &[
            'a', ' ', '€', '🗳', '\u{fe0f}', '新', '\u{301}', '\u{200d}', 'ق', '\n', '"',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in [1, 5, 63, 64, 65, 200, 1000] {
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ALPHABET[(seed % ALPHABET.len() as u64) as usize]
                })
                .collect();
            check(&text);
        }
    }

    #[test]
    fn utf16_inside_a_surrogate_pair_is_rejected() {
        let index = TextIndex::new("a🗳b");
        assert_eq!(index.utf16_to_cp(2), None);
        assert_eq!(index.utf16_to_cp(3), Some(2));
    }
}
