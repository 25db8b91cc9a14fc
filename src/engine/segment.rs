//! Tokens, sentences and paragraphs: one linear pass over the text.
//!
//! Words keep inner apostrophes, hyphens and abbreviation periods ("Britain’s", "anti-tank",
//! "U.S."); every other non-space character is a one-character punctuation token. A line break
//! starts a new paragraph. Sentences end at `.`, `!` or `?` (plus closing quotes and brackets) before
//! a capital, a digit or an opening quote, unless the word before the period is an abbreviation.
//!
//! ```
//! use sayso::engine::segment::{tokenize, Kind};
//! let doc = tokenize("Mr. Smith said it. \"Yes,\" she said.\nNext");
//! let words: Vec<&str> = doc.tokens.iter().filter(|t| t.kind == Kind::Word).map(|t| doc.text(t)).collect();
//! assert_eq!(words, ["Mr", "Smith", "said", "it", "Yes", "she", "said", "Next"]);
//! assert_eq!(doc.tokens.last().map(|t| (t.para, t.sent)), Some((1, 2)));
//! ```

use super::lexicon::{lookup_alnum, lookup_alnum_packed, lookup_word, Flags, PACK};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with inner apostrophes, hyphens, abbreviation periods).
    Word,
    /// Starts with a digit.
    Number,
    /// A quotation mark or apostrophe-like mark: `"“”‘’'«»„‟‹›`.
    Quote,
    /// Any other non-space character.
    Punct,
}

/// One token; `start..end` is a byte span on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte (see [`Token::start`]); 32 bits keep tokens at 20 bytes (texts are cut at 4 GiB).
    lo: u32,
    /// One past the last byte (see [`Token::end`]).
    hi: u32,
    /// Token class.
    pub kind: Kind,
    /// List memberships of the lowercased word (possessive `'s` stripped); empty for non-words.
    pub flags: Flags,
    /// Whether the first character is uppercase.
    pub cap: bool,
    /// Paragraph number (a line break starts a new one).
    pub para: u32,
    /// Sentence number over the whole text.
    pub sent: u32,
}

impl Token {
    /// A token of `kind` over `start..end` (offsets below 4 GiB, see [`tokenize`]).
    #[inline]
    pub fn new(start: usize, end: usize, kind: Kind, flags: Flags, cap: bool, para: u32) -> Self {
        Token {
            lo: start as u32,
            hi: end as u32,
            kind,
            flags,
            cap,
            para,
            sent: 0,
        }
    }
    /// First byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.lo as usize
    }
    /// One past the last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.hi as usize
    }
}

/// A tokenised text.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The analysed text.
    pub src: &'a str,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Per sentence number: first token and one past the last token.
    pub sents: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    /// The text of a token (empty if the span were ever invalid).
    #[inline]
    pub fn text(&self, t: &Token) -> &'a str {
        self.src.get(t.start()..t.end()).unwrap_or("")
    }
    /// The text of token `i` (empty when out of range).
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map(|t| self.text(t)).unwrap_or("")
    }
    /// First token and one past the last token of the sentence containing token `i`.
    pub fn sentence_bounds(&self, i: usize) -> (usize, usize) {
        self.tokens
            .get(i)
            .and_then(|t| self.sents.get(t.sent as usize))
            .copied()
            .unwrap_or((i, i))
    }
    /// Index of the first token starting at or after byte `b`.
    pub fn first_at_or_after(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < b)
    }
    /// The bytes of token `i` (empty when out of range), for byte tests that need no `&str`.
    #[inline]
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.tokens
            .get(i)
            .and_then(|t| self.src.as_bytes().get(t.start()..t.end()))
            .unwrap_or_default()
    }
    /// Whether token `i` is the punctuation character `c`.
    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        match self.tokens.get(i) {
            // an ASCII mark is the token's first byte (callers pass constants: this folds away)
            Some(t) if (t.kind == Kind::Punct || t.kind == Kind::Quote) && c.is_ascii() => {
                self.src.as_bytes().get(t.start()) == Some(&(c as u8))
            }
            Some(t) if t.kind == Kind::Punct || t.kind == Kind::Quote => {
                // the token starts on a char boundary, so its first char is `c` exactly when its
                // bytes start with the UTF-8 encoding of `c`: no decoding
                let mut enc = [0u8; 4];
                let want = c.encode_utf8(&mut enc).as_bytes();
                self.src
                    .get(t.start()..t.end())
                    .is_some_and(|s| s.as_bytes().starts_with(want))
            }
            _ => false,
        }
    }
    /// Whether token `i` is an abbreviation ("Sen", "Gov", "Mr") with its period right after it:
    /// the token after `i` is that period.
    pub fn abbrev_period(&self, i: usize) -> bool {
        self.is_punct(i + 1, '.')
            && self
                .tokens
                .get(i)
                .zip(self.tokens.get(i + 1))
                .is_some_and(|(t, p)| t.end() == p.start() && is_abbrev(self.word(i)))
    }
    /// The first char of token `i`, if any.
    #[inline]
    pub fn ch(&self, i: usize) -> Option<char> {
        self.tokens
            .get(i)
            .and_then(|t| self.src.get(t.start()..t.end()))
            .and_then(|s| s.chars().next())
    }
}

/// Whether `c` is a quotation mark or apostrophe-like mark.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‟' | '‹' | '›' | '‚'
    )
}

/// `char::is_alphabetic`, answering at once for the Latin-1 signs and the general punctuation that
/// news text is full of (`’`, `“`, `—`, `£`): none of them is alphabetic, and the table search
/// behind `is_alphabetic` is slow for them.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if matches!(c, '\u{a0}'..='\u{a9}' | '\u{ab}'..='\u{b4}' | '\u{b6}'..='\u{b9}' | '\u{bb}'..='\u{bf}' | '\u{2000}'..='\u{206f}')
    {
        return false;
    }
    c.is_alphabetic()
}

/// `char::is_alphanumeric` with the same shortcut for general punctuation (not for Latin-1, which
/// has numerals: `½`, `²`).
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{2000}'..='\u{206f}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

/// Abbreviations after which a period does not end a sentence.
fn is_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Co"
            | "Corp"
            | "No"
            | "vs"
            | "Prof"
            | "Rev"
            | "Capt"
            | "Sgt"
            | "Maj"
            | "Adm"
            | "Mt"
            | "Ft"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Ltd"
            | "Cmdr"
            | "Supt"
    ) || (w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()))
}

/// A char cursor over a text with an ASCII fast path (what `char_indices().peekable()` does,
/// without decoding ASCII bytes as UTF-8 sequences).
struct Cursor<'a> {
    src: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    #[inline]
    fn peek(&self) -> Option<(usize, char)> {
        let b = *self.src.as_bytes().get(self.pos)?;
        if b < 0x80 {
            return Some((self.pos, char::from(b)));
        }
        let c = self.src.get(self.pos..)?.chars().next()?;
        Some((self.pos, c))
    }
    #[inline]
    fn next(&mut self) -> Option<(usize, char)> {
        let r = self.peek()?;
        self.pos += r.1.len_utf8();
        Some(r)
    }
    /// Skips a run of ASCII letters and digits; returns its length.
    #[inline]
    fn skip_ascii_alnum(&mut self) -> usize {
        let start = self.pos;
        let bytes = self.src.as_bytes();
        // eight bytes at a time while they are available
        while let Some(chunk) = bytes
            .get(self.pos..self.pos + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
        {
            let k = leading_ascii_alnum(u64::from_le_bytes(chunk));
            self.pos += k;
            if k < 8 {
                return self.pos - start;
            }
        }
        while self
            .src
            .as_bytes()
            .get(self.pos)
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            self.pos += 1;
        }
        self.pos - start
    }
}

/// Scans the run of ASCII letters and digits that starts at `start`: returns its end and its
/// first 16 bytes packed little-endian, zero-padded (for a run of at most 16 bytes, the packed
/// lexicon key `lookup_alnum` would build).
#[inline]
fn scan_alnum_packed(bytes: &[u8], start: usize) -> (usize, [u64; 2]) {
    let mut pos = start;
    let mut key = [0u64; 2];
    // eight bytes at a time while they are available (every chunk but the last is full, so a
    // chunk starts 0 or 8 bytes into the run while the key is being filled)
    while let Some(chunk) = bytes
        .get(pos..pos + 8)
        .and_then(|s| <[u8; 8]>::try_from(s).ok())
    {
        let x = u64::from_le_bytes(chunk);
        let k = leading_ascii_alnum(x);
        let part = if k >= 8 {
            x
        } else {
            x & ((1u64 << (8 * k)) - 1)
        };
        match pos - start {
            0 => key[0] = part,
            8 => key[1] = part,
            _ => {}
        }
        pos += k;
        if k < 8 {
            return (pos, key);
        }
    }
    while let Some(&b) = bytes.get(pos) {
        if !b.is_ascii_alphanumeric() {
            break;
        }
        let off = pos - start;
        if let Some(w) = key.get_mut(off / 8) {
            *w |= u64::from(b) << (8 * (off % 8));
        }
        pos += 1;
    }
    (pos, key)
}

/// The token at `i` when it is plain ASCII (`b`, its first byte, is printable ASCII): a
/// punctuation mark, or a run of letters and digits that the next byte does not join on to. `None` leaves the token to the general path of [`tokenize`]
/// (joiners, other scripts), which gives the same token for what this one takes. The caller sets
/// the paragraph.
#[inline]
fn ascii_token(src: &str, i: usize, b: u8) -> Option<Token> {
    if !b.is_ascii_alphanumeric() {
        let kind = if is_quote_char(char::from(b)) {
            Kind::Quote
        } else {
            Kind::Punct
        };
        return Some(Token::new(i, i + 1, kind, Flags::default(), false, 0));
    }
    let bytes = src.as_bytes();
    let (end, key) = scan_alnum_packed(bytes, i);
    let number = b.is_ascii_digit();
    // what the general path would join: a number takes `.`, `,` or `:` before a digit
    // ("2,300", "1.5", "10:30"); a word an apostrophe, hyphen or `&`, or a period after one or two
    // letters ("U.S."); anything after a non-ASCII byte is left to it too
    let digit_after = || bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
    let joins = match bytes.get(end) {
        None => false,
        Some(&d) if d >= 0x80 => true,
        Some(b'.' | b',' | b':') if number => digit_after(),
        Some(b'.') => end - i <= 2,
        Some(b'\'' | b'-' | b'&') => !number,
        _ => false,
    };
    if joins {
        return None;
    }
    let upper = b.is_ascii_uppercase();
    let word = src.get(i..end).unwrap_or("");
    let flags = word_flags(word, number, upper, Some(key), &mut [0u8; 32]);
    let kind = if number { Kind::Number } else { Kind::Word };
    Some(Token::new(i, end, kind, flags, upper, 0))
}

/// The lexicon flags of a word token. `key` is its text without a possessive `'s`; `packed` is
/// its packed lexicon key when the word is plain (ASCII letters and digits only, as
/// [`scan_alnum_packed`] builds it), which then needs none of `lookup_word`'s checks (period,
/// other scripts, NUL). Always inlined: called for every word, and an out-of-line call cost 4 %
/// of the whole analysis in instructions.
#[inline(always)]
fn word_flags(
    key: &str,
    number: bool,
    upper: bool,
    packed: Option<[u64; 2]>,
    buf: &mut [u8; 32],
) -> Flags {
    let lookup = |w: &str, buf: &mut [u8; 32]| {
        if packed.is_some() {
            lookup_alnum(w, buf)
        } else {
            lookup_word(w, buf)
        }
    };
    // short lowercase words ("a", "of", "he") are in no list that matters for them
    let flags = match packed {
        _ if number || (!upper && key.len() <= 2) => Flags::default(),
        Some([a, b]) if key.len() <= PACK => lookup_alnum_packed(a, b),
        _ => lookup(key, buf),
    };
    if flags.is_empty() && upper && key.len() > 3 {
        // plural of a non-person word ("Administrations", "Towers")
        if let Some(stem) = key.strip_suffix('s') {
            if lookup(stem, buf).has(Flags::NONPERSON) {
                return Flags::NONPERSON;
            }
        }
    }
    flags
}

/// Number of leading ASCII letters and digits in eight little-endian bytes (SWAR).
#[inline]
fn leading_ascii_alnum(chunk: u64) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    const L: u64 = 0x0101_0101_0101_0101;
    // per byte, the low seven bits: the additions below never carry into the next byte
    let x = chunk & !HI;
    let y = x | (L * 0x20); // ASCII lowercase (for letters)
    let letter = y.wrapping_add(L * (0x80 - 0x61)) & !y.wrapping_add(L * (0x80 - 0x7b));
    let digit = x.wrapping_add(L * (0x80 - 0x30)) & !x.wrapping_add(L * (0x80 - 0x3a));
    let ok = (letter | digit) & !chunk & HI;
    ((!ok & HI).trailing_zeros() / 8) as usize
}

/// Tokenises `src` and assigns paragraphs and sentences.
///
/// Token offsets are 32-bit, so a text over 4 GiB is read up to its last char boundary before
/// 4 GiB (wasm32 memory cannot hold such a text anyway).
pub fn tokenize(src: &str) -> Doc<'_> {
    let src = within_u32(src);
    // news has about one token per 5 bytes (generated text 1 per 4.7): room for 1 per 4, no regrowth
    let mut tokens: Vec<Token> = Vec::with_capacity(src.len() / 4 + 16);
    let mut para: u32 = 0;
    let mut it = Cursor { src, pos: 0 };
    let mut buf = [0u8; 32];
    let mut pending_para = false;
    let bytes = src.as_bytes();
    loop {
        // ASCII white space and control characters, the commonest bytes: skipped undecoded
        match bytes.get(it.pos) {
            None => break,
            Some(b'\n') => {
                pending_para = true;
                it.pos += 1;
                continue;
            }
            Some(&b) if b <= b' ' || b == 0x7f => {
                it.pos += 1;
                continue;
            }
            Some(&b) if b < 0x80 => {
                if let Some(t) = ascii_token(src, it.pos, b) {
                    if pending_para && !tokens.is_empty() {
                        para = para.saturating_add(1);
                    }
                    pending_para = false;
                    it.pos = t.end();
                    tokens.push(Token { para, ..t });
                    continue;
                }
            }
            _ => {}
        }
        let Some((i, c)) = it.next() else { break };
        if c == '\n' || c == '\u{2029}' {
            pending_para = true;
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            continue;
        }
        if !c.is_ascii() && is_symbol(c) {
            // emoji and pictographs carry no words: skip them with their joiners and selectors
            while it.peek().is_some_and(|(_, d)| is_mark(d) || is_symbol(d)) {
                it.next();
            }
            continue;
        }
        if pending_para && !tokens.is_empty() {
            para = para.saturating_add(1);
        }
        pending_para = false;
        let wordish = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            !is_quote_char(c) && is_alnum(c)
        };
        if wordish {
            let number = !is_alpha(c);
            let mut end = i + c.len_utf8();
            let mut has_period = false;
            let mut seg_len = 1usize;
            // only ASCII letters and digits so far (no joiner, period or other script)
            let mut plain = c.is_ascii();
            // an ASCII start: its run of letters and digits in one scan, packed as a lexicon key
            let mut packed_key = [0u64; 2];
            if plain {
                let (e, k) = scan_alnum_packed(src.as_bytes(), i);
                seg_len = e - i;
                end = e;
                it.pos = e;
                packed_key = k;
            }
            while let Some((j, d)) = it.peek() {
                if d.is_ascii_alphanumeric() {
                    seg_len += it.skip_ascii_alnum();
                    end = it.pos;
                    continue;
                }
                if !d.is_ascii() && (is_alnum(d) || is_mark(d)) {
                    end = j + d.len_utf8();
                    seg_len += 1;
                    plain = false;
                    it.next();
                    continue;
                }
                let joiner = if number {
                    matches!(d, '.' | ',' | ':')
                } else {
                    is_inner_joiner(d)
                };
                if joiner {
                    // join only when followed by a letter/digit
                    let after = src.get(j + d.len_utf8()..).and_then(|s| s.chars().next());
                    let ok = match after {
                        Some(a) if number => a.is_ascii_digit(),
                        Some(a) if d == '.' => {
                            // abbreviations only: "U.S", "H.W", "a.m" (short segments on both sides)
                            let after2 = src
                                .get(j + 1 + a.len_utf8()..)
                                .and_then(|s| s.chars().next());
                            seg_len <= 2 && is_alpha(a) && !after2.is_some_and(is_alpha)
                        }
                        Some(a) => is_alnum(a),
                        None => false,
                    };
                    if ok {
                        if d == '.' {
                            has_period = true;
                        }
                        seg_len = 0;
                        end = j + d.len_utf8();
                        plain = false;
                        it.next();
                        continue;
                    }
                    if d == '.' && has_period && !number {
                        // "U.S." keeps its final period
                        end = j + 1;
                        plain = false;
                        it.next();
                    }
                }
                break;
            }
            let text = src.get(i..end).unwrap_or("");
            let key = match text.as_bytes() {
                [.., b'\'', b's'] => text.get(..text.len() - 2),
                [.., 0xe2, 0x80, 0x99, b's'] => text.get(..text.len() - 4),
                _ => None,
            }
            .unwrap_or(text);
            let upper = c.is_uppercase();
            // a plain word is its first run of letters and digits (and has no possessive)
            let flags = word_flags(key, number, upper, plain.then_some(packed_key), &mut buf);
            tokens.push(Token::new(
                i,
                end,
                if number { Kind::Number } else { Kind::Word },
                flags,
                upper,
                para,
            ));
        } else if is_mark(c) {
            // a stray combining mark or joiner: attach to the previous token if adjacent
            if let Some(last) = tokens.last_mut() {
                if last.end() == i {
                    last.hi = (i + c.len_utf8()) as u32;
                    continue;
                }
            }
            tokens.push(Token::new(
                i,
                i + c.len_utf8(),
                Kind::Punct,
                Flags::default(),
                false,
                para,
            ));
        } else {
            let kind = if is_quote_char(c) {
                Kind::Quote
            } else {
                Kind::Punct
            };
            tokens.push(Token::new(
                i,
                i + c.len_utf8(),
                kind,
                Flags::default(),
                false,
                para,
            ));
        }
    }
    let mut doc = Doc {
        src,
        tokens,
        sents: Vec::new(),
    };
    assign_sentences(&mut doc);
    // sentence numbers run from 0 to the last token's: one slot each, no regrowth
    let mut sents: Vec<(usize, usize)> =
        Vec::with_capacity(doc.tokens.last().map_or(0, |t| t.sent as usize + 1));
    for (i, t) in doc.tokens.iter().enumerate() {
        let s = t.sent as usize;
        while sents.len() <= s {
            sents.push((i, i));
        }
        if let Some(b) = sents.get_mut(s) {
            b.1 = i + 1;
        }
    }
    doc.sents = sents;
    doc
}

/// The longest prefix of `src` on a char boundary whose offsets fit in 32 bits.
fn within_u32(src: &str) -> &str {
    let mut cut = src.len().min(u32::MAX as usize);
    while !src.is_char_boundary(cut) {
        cut -= 1;
    }
    src.get(..cut).unwrap_or("")
}

/// Emoji, pictographs, dingbats, arrows and bullets: no token is made for them, so they neither
/// end nor start sentences (`… £2 million. 🗳️ “Vote early,” she added.`).
fn is_symbol(c: char) -> bool {
    matches!(c, '\u{2022}' | '\u{2190}'..='\u{21ff}' | '\u{2300}'..='\u{23ff}' | '\u{2500}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}' | '\u{1f000}'..='\u{1faff}' | '\u{e0020}'..='\u{e007f}')
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}')
}

fn assign_sentences(doc: &mut Doc<'_>) {
    let n = doc.tokens.len();
    let mut sent: u32 = 0;
    let mut i = 0;
    let mut prev_para = 0;
    let bytes = doc.src.as_bytes();
    while i < n {
        let Some(t) = doc.tokens.get_mut(i) else {
            break;
        };
        if t.para != prev_para {
            sent = sent.saturating_add(1);
            prev_para = t.para;
        }
        t.sent = sent;
        let (para, start) = (t.para, t.start());
        // '.', '!' and '?' are ASCII: a token is one exactly when its first byte is
        let c = match bytes.get(start) {
            Some(&b @ (b'.' | b'!' | b'?')) if t.kind == Kind::Punct => Some(char::from(b)),
            _ => None,
        };
        if c.is_some() {
            let prev_abbrev = c == Some('.')
                && i > 0
                && doc.tokens.get(i - 1).is_some_and(|p| {
                    p.kind == Kind::Word && p.end() == start && is_abbrev(doc.word(i - 1))
                });
            // absorb closing quotes/brackets and repeated terminators
            let mut j = i + 1;
            while j < n {
                let Some(t) = doc.tokens.get(j) else { break };
                if t.para != para {
                    break;
                }
                let d = doc
                    .src
                    .get(t.start()..t.end())
                    .and_then(|s| s.chars().next());
                let closing = matches!(d, Some('.' | '!' | '?' | ')' | ']' | '”' | '’' | '»'))
                    || (matches!(d, Some('"' | '\''))
                        && doc
                            .tokens
                            .get(j + 1)
                            .is_none_or(|nx| nx.para != para || nx.start() > t.end()));
                if !closing {
                    break;
                }
                if let Some(tt) = doc.tokens.get_mut(j) {
                    tt.sent = sent;
                }
                j += 1;
            }
            let next_starts = match doc.tokens.get(j) {
                Some(t) if t.para == para => {
                    t.cap
                        || t.kind == Kind::Number
                        || t.kind == Kind::Quote
                        || matches!(doc.ch(j), Some('(' | '[' | '—' | '-'))
                }
                _ => false,
            };
            if next_starts && !prev_abbrev {
                sent = sent.saturating_add(1);
            }
            i = j;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let d = tokenize(s);
        d.tokens.iter().map(|t| d.text(t).to_string()).collect()
    }

    #[test]
    fn a_token_is_twenty_bytes() {
        // four 32-bit fields, the flags and two bytes: the token array is most of the engine's
        // memory, read by every pass
        assert_eq!(std::mem::size_of::<Token>(), 20);
    }

    #[test]
    fn a_text_is_cut_at_the_last_char_boundary_before_4_gib() {
        assert_eq!(within_u32("a€b"), "a€b");
        assert_eq!(within_u32(""), "");
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("possessive kept", "Britain’s plan", &["Britain’s", "plan"]),
            ("abbrev periods", "the U.S. said", &["the", "U.S.", "said"]),
            ("hyphen", "anti-tank missiles", &["anti-tank", "missiles"]),
            ("decade apostrophe", "the ’90s", &["the", "’", "90s"]),
            ("number with comma", "2,300 posts", &["2,300", "posts"]),
            (
                "quote marks split",
                "“Yes,” he",
                &["“", "Yes", ",", "”", "he"],
            ),
            ("emoji skipped", "won. 🗳️ “Vote", &["won", ".", "“", "Vote"]),
            (
                "sentence period not joined",
                "end.Next",
                &["end", ".", "Next"],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(words(text), *want, "case {name}");
        }
    }

    /// The tokenizer as it was before the packed-key scan (`git show base`), kept to check the
    /// fast path against.
    fn reference_tokenize(src: &str) -> Doc<'_> {
        let mut tokens: Vec<Token> = Vec::with_capacity(src.len() / 5 + 1);
        let mut para: u32 = 0;
        let mut it = Cursor { src, pos: 0 };
        let mut buf = [0u8; 32];
        let mut pending_para = false;
        while let Some((i, c)) = it.next() {
            if c == '\n' || c == '\u{2029}' {
                pending_para = true;
                continue;
            }
            if c.is_whitespace() || c.is_control() {
                continue;
            }
            if !c.is_ascii() && is_symbol(c) {
                // emoji and pictographs carry no words: skip them with their joiners and selectors
                while it.peek().is_some_and(|(_, d)| is_mark(d) || is_symbol(d)) {
                    it.next();
                }
                continue;
            }
            if pending_para && !tokens.is_empty() {
                para = para.saturating_add(1);
            }
            pending_para = false;
            let wordish = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                !is_quote_char(c) && is_alnum(c)
            };
            if wordish {
                let number = !is_alpha(c);
                let mut end = i + c.len_utf8();
                let mut has_period = false;
                let mut seg_len = 1usize;
                // only ASCII letters and digits so far (no joiner, period or other script)
                let mut plain = c.is_ascii();
                while let Some((j, d)) = it.peek() {
                    if d.is_ascii_alphanumeric() {
                        seg_len += it.skip_ascii_alnum();
                        end = it.pos;
                        continue;
                    }
                    if !d.is_ascii() && (is_alnum(d) || is_mark(d)) {
                        end = j + d.len_utf8();
                        seg_len += 1;
                        plain = false;
                        it.next();
                        continue;
                    }
                    let joiner = if number {
                        matches!(d, '.' | ',' | ':')
                    } else {
                        is_inner_joiner(d)
                    };
                    if joiner {
                        // join only when followed by a letter/digit
                        let after = src.get(j + d.len_utf8()..).and_then(|s| s.chars().next());
                        let ok = match after {
                            Some(a) if number => a.is_ascii_digit(),
                            Some(a) if d == '.' => {
                                // abbreviations only: "U.S", "H.W", "a.m" (short segments on both sides)
                                let after2 = src
                                    .get(j + 1 + a.len_utf8()..)
                                    .and_then(|s| s.chars().next());
                                seg_len <= 2 && is_alpha(a) && !after2.is_some_and(is_alpha)
                            }
                            Some(a) => is_alnum(a),
                            None => false,
                        };
                        if ok {
                            if d == '.' {
                                has_period = true;
                            }
                            seg_len = 0;
                            end = j + d.len_utf8();
                            plain = false;
                            it.next();
                            continue;
                        }
                        if d == '.' && has_period && !number {
                            // "U.S." keeps its final period
                            end = j + 1;
                            plain = false;
                            it.next();
                        }
                    }
                    break;
                }
                let text = src.get(i..end).unwrap_or("");
                let key = match text.as_bytes() {
                    [.., b'\'', b's'] => text.get(..text.len() - 2),
                    [.., 0xe2, 0x80, 0x99, b's'] => text.get(..text.len() - 4),
                    _ => None,
                }
                .unwrap_or(text);
                let upper = c.is_uppercase();
                // short lowercase words ("a", "of", "he") are in no list that matters for them
                // a plain word needs none of lookup_word's checks (period, other scripts, NUL)
                let lookup = |w: &str, buf: &mut [u8; 32]| {
                    if plain {
                        lookup_alnum(w, buf)
                    } else {
                        lookup_word(w, buf)
                    }
                };
                let mut flags = if number || (!upper && key.len() <= 2) {
                    Flags::default()
                } else {
                    lookup(key, &mut buf)
                };
                if flags.is_empty() && upper && key.len() > 3 {
                    // plural of a non-person word ("Administrations", "Towers")
                    if let Some(stem) = key.strip_suffix('s') {
                        let f = lookup(stem, &mut buf);
                        if f.has(Flags::NONPERSON) {
                            flags = Flags::NONPERSON;
                        }
                    }
                }
                tokens.push(Token::new(
                    i,
                    end,
                    if number { Kind::Number } else { Kind::Word },
                    flags,
                    c.is_uppercase(),
                    para,
                ));
            } else if is_mark(c) {
                // a stray combining mark or joiner: attach to the previous token if adjacent
                if let Some(last) = tokens.last_mut() {
                    if last.end() == i {
                        last.hi = (i + c.len_utf8()) as u32;
                        continue;
                    }
                }
                tokens.push(Token::new(
                    i,
                    i + c.len_utf8(),
                    Kind::Punct,
                    Flags::default(),
                    false,
                    para,
                ));
            } else {
                let kind = if is_quote_char(c) {
                    Kind::Quote
                } else {
                    Kind::Punct
                };
                tokens.push(Token::new(
                    i,
                    i + c.len_utf8(),
                    kind,
                    Flags::default(),
                    false,
                    para,
                ));
            }
        }
        let mut doc = Doc {
            src,
            tokens,
            sents: Vec::new(),
        };
        assign_sentences(&mut doc);
        let mut sents: Vec<(usize, usize)> = Vec::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            let s = t.sent as usize;
            while sents.len() <= s {
                sents.push((i, i));
            }
            if let Some(b) = sents.get_mut(s) {
                b.1 = i + 1;
            }
        }
        doc.sents = sents;
        doc
    }

    #[test]
    fn tokenizer_matches_the_reference() {
        // varied texts: words of every length around 8 and 16 bytes, possessives, joiners,
        // abbreviations, other scripts, marks, emoji, control characters, text ending mid-word
        let pieces = [
            "a",
            "I",
            "Mr",
            "said",
            "Minister",
            "Internationally",
            "internationalisation",
            "abcdefgh",
            "ABCDEFGHIJKLMNOP",
            "abcdefghijklmnopq",
            "Britain’s",
            "Smith's",
            "U.S.",
            "a.m.",
            "anti-tank",
            "AT&T",
            "2,300",
            "3.5",
            "1990s",
            "’90s",
            "Zelenskyy",
            "Kyiv-born",
            "café",
            "Ærø",
            "naïve",
            "e\u{301}",
            "日本",
            "🗳️",
            "Officials",
            "Towers",
            "X1",
            "10",
            "10:30",
            "1,000.5",
            "ab",
            "9am",
            " ",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\t",
            "\u{0}",
            "\u{7f}",
            "\u{a0}",
            "\u{2029}",
            ".",
            ",",
            "“",
            "”",
            "\"",
            "'",
            "—",
            "-",
            "(",
            ")",
            "?",
            "!",
            ":",
            ";",
            "&",
        ];
        let mut texts: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        texts.extend(crate::engine::random_texts(
            &pieces,
            3000,
            12,
            0x9e37_79b9_7f4a_7c15,
        ));
        texts.push(include_str!("../../tests/fixtures/sample_article.txt").to_string());
        for t in &texts {
            let a = tokenize(t);
            let b = reference_tokenize(t);
            assert_eq!(a.tokens, b.tokens, "{t:?}");
            assert_eq!(a.sents, b.sents, "{t:?}");
        }
    }

    #[test]
    fn swar_alnum_run_matches_the_byte_test() {
        for b in 0u8..=255 {
            for pos in 0..8 {
                // `pos` alnum bytes, then `b`
                let mut bytes = [b'a'; 8];
                if let Some(x) = bytes.get_mut(pos) {
                    *x = b;
                }
                let want = if b.is_ascii_alphanumeric() { 8 } else { pos };
                assert_eq!(
                    leading_ascii_alnum(u64::from_le_bytes(bytes)),
                    want,
                    "byte {b} at {pos}"
                );
            }
        }
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "long word",
                "Internationalisation works",
                &["Internationalisation", "works"],
            ),
            (
                "digits and letters",
                "abc123def4567890x.",
                &["abc123def4567890x", "."],
            ),
            (
                "non-ASCII inside",
                "Zelenskyy’s Kyiv-born aide",
                &["Zelenskyy’s", "Kyiv-born", "aide"],
            ),
            ("short tail", "ab", &["ab"]),
        ];
        for (name, text, want) in cases {
            assert_eq!(words(text), *want, "case {name}");
        }
    }

    #[test]
    fn is_punct_compares_whole_chars() {
        // tokens: “ Yes — no ; x – y ” (a dash, a semicolon, an en dash, quote marks)
        let d = tokenize("“Yes — no; x – y”");
        let cases: &[(&str, usize, char, bool)] = &[
            ("opening quote", 0, '“', true),
            ("closing quote is another char", 0, '”', false),
            ("em dash", 2, '—', true),
            ("em dash is not en dash", 2, '–', false),
            ("semicolon", 4, ';', true),
            ("word is not punct", 1, 'Y', false),
            ("en dash", 6, '–', true),
            ("closing quote", 8, '”', true),
            ("out of range", 99, ';', false),
        ];
        for (name, i, c, want) in cases {
            assert_eq!(d.is_punct(*i, *c), *want, "case {name}");
        }
    }

    #[test]
    fn char_class_shortcuts_match_std() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn sentences() {
        let d = tokenize("Mr. Smith left. He said “Go.” Then J. Doe came.");
        let sents: Vec<u32> = d.tokens.iter().map(|t| t.sent).collect();
        assert_eq!(sents.first(), Some(&0));
        assert_eq!(sents.last(), Some(&2));
    }
}
