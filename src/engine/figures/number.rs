//! Cardinal and ordinal numbers in digits and words, with magnitudes, and value formatting.
//!
//! ```
//! use sayso::engine::figures::number::fmt_value;
//! assert_eq!(fmt_value(2.26e9), "2260000000");
//! assert_eq!(fmt_value(0.15), "0.15");
//! ```

use super::lexicon::Class;
use super::token::Tk;
use super::Cx;

/// A parsed number: where it ends and what it is worth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumP {
    /// Token index one past the number.
    pub end: usize,
    /// Its value.
    pub value: f64,
    /// Written as an ordinal (`21st`, `third`).
    pub ordinal: bool,
    /// Written (at least partly) in words.
    pub words: bool,
    /// A single digits token with no magnitude, suffix or sign.
    pub simple: bool,
    /// A glued `m` made it millions (`5m`), which may instead mean metres.
    pub glued_m: bool,
    /// A magnitude word or suffix was applied.
    pub mag: bool,
    /// A fraction (`two-thirds`, `half a`).
    pub fraction: bool,
}

impl NumP {
    /// A number ending before token `end`, with every flag off.
    pub fn new(end: usize, value: f64) -> Self {
        Self {
            end,
            value,
            ordinal: false,
            words: false,
            simple: false,
            glued_m: false,
            mag: false,
            fraction: false,
        }
    }
}

/// Formats a value: integers without a decimal point, others with up to six decimals.
pub fn fmt_value(v: f64) -> String {
    if !v.is_finite() {
        return String::from("0");
    }
    let r = v.round();
    if (v - r).abs() <= 1e-9 * v.abs().max(1.0) && r.abs() < 9e15 {
        return (r as i64).to_string();
    }
    if let Some(s) = fmt_fixed6(v) {
        return s;
    }
    fmt_fixed6_slow(v)
}

/// `format!("{v:.6}")` with trailing zeros and point trimmed: the reference for [`fmt_value`].
fn fmt_fixed6_slow(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0');
    s.trim_end_matches('.').to_string()
}

/// Fast path of [`fmt_fixed6_slow`] for moderate values whose sixth decimal is unambiguous:
/// `|v|·10⁶ < 2⁴³`, so the product's rounding error (≤ 2⁻¹⁰) cannot move it across a
/// half-unit when it lies at least 0.01 away from one.
fn fmt_fixed6(v: f64) -> Option<String> {
    let a = v.abs();
    let p = a * 1e6;
    if p >= 8_796_093_022_208.0 {
        return None;
    }
    let m = p.round();
    if (p - m).abs() > 0.49 {
        return None;
    }
    let m = m as u64;
    let int = m / 1_000_000;
    let mut frac = m % 1_000_000;
    let mut s = String::with_capacity(24);
    if v.is_sign_negative() {
        s.push('-');
    }
    push_digits(&mut s, int, 1);
    if frac != 0 {
        let mut digits = 6;
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        s.push('.');
        push_digits(&mut s, frac, digits);
    }
    Some(s)
}

/// Appends `n` in decimal, zero-padded to at least `width` digits (`width` ≤ 20).
pub(crate) fn push_digits(s: &mut String, mut n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut k = buf.len();
    while n > 0 && k > 0 {
        k -= 1;
        if let Some(d) = buf.get_mut(k) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
    }
    let k = k.min(buf.len().saturating_sub(width));
    for &d in buf.get(k..).unwrap_or(&[]) {
        s.push(char::from(d));
    }
}

/// Value of a digits token (`2,300`, `1.5`, `.75`); 0 when unreadable.
pub fn digits_value(s: &str) -> f64 {
    // the digits and points, copied into a stack buffer (a heap one for very long runs)
    let mut stack = [0u8; 64];
    let mut heap = Vec::new();
    let mut n = 0;
    for &b in s.as_bytes() {
        if b.is_ascii_digit() || b == b'.' {
            match stack.get_mut(n) {
                Some(d) => *d = b,
                None => {
                    if heap.is_empty() {
                        heap.extend_from_slice(&stack);
                    }
                    heap.push(b);
                }
            }
            n += 1;
        }
    }
    let kept = if heap.is_empty() {
        stack.get(..n).unwrap_or(&[])
    } else {
        &heap[..]
    };
    std::str::from_utf8(kept)
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .unwrap_or(0.0)
}

fn ord_suffix(w: &[u8]) -> bool {
    w.len() == 2
        && matches!(
            [w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase()],
            [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
        )
}

/// Magnitude words that may follow digits after a space (`1.5 million`, `5 bn`); `k`, `m`, `b`
/// only when glued.
fn spaced_mag(w: &[u8]) -> bool {
    w.len() > 1
}

fn mag_of(cx: &Cx, i: usize) -> Option<f64> {
    cx.class(i, Class::Mag).and_then(|v| v.parse::<f64>().ok())
}

fn word_num(cx: &Cx, i: usize, c: Class) -> Option<f64> {
    cx.class(i, c).and_then(|v| v.parse::<f64>().ok())
}

/// Parses a number starting at token `i` (digits or words).
pub fn parse_number(cx: &Cx, i: usize) -> Option<NumP> {
    // a pure function of the tokens: computed once per token and line
    let Some(memo) = cx.num_memo(i) else {
        return parse_number_once(cx, i);
    };
    if let Some(r) = memo.get() {
        return r;
    }
    let r = parse_number_once(cx, i);
    memo.set(Some(r));
    r
}

fn parse_number_once(cx: &Cx, i: usize) -> Option<NumP> {
    let t = cx.tok(i)?;
    if t.tk == Tk::Num {
        return parse_digits(cx, i);
    }
    if t.tk != Tk::Word {
        return None;
    }
    parse_words(cx, i)
}

fn parse_digits(cx: &Cx, i: usize) -> Option<NumP> {
    let t = cx.tok(i)?;
    let mut p = NumP {
        simple: true,
        ..NumP::new(i + 1, digits_value(cx.s(i)))
    };
    let _ = t;
    let j = i + 1;
    // "1/4 hour", "3/4h", "3/4 gallon": a fraction before a unit
    if cx.sym(j, '/') && cx.glued(j) && cx.glued(j + 1) && cx.num_tok(j + 1) {
        let den = digits_value(cx.s(j + 1));
        let unit_next =
            cx.is(j + 2, Class::Tunit) || cx.is(j + 2, Class::Qty) || cx.word_is(j + 2, "of");
        if (2.0..=16.0).contains(&den)
            && p.value < den
            && unit_next
            && !cx.tok(i).is_some_and(|t| t.decimal)
        {
            p.value /= den;
            p.end = j + 2;
            p.simple = false;
            p.fraction = true;
            return Some(p);
        }
    }
    if let Some((end, v)) = scientific(cx, i, p.value) {
        p.value = v;
        p.end = end;
        p.simple = false;
        return Some(p);
    }
    if cx.glued(j) && cx.is_word(j) {
        let w = cx.s(j).as_bytes();
        if ord_suffix(w) {
            p.ordinal = true;
            p.simple = false;
            p.end = j + 1;
            return Some(p);
        }
        if let Some(m) = mag_of(cx, j) {
            if m >= 1000.0 {
                p.value *= m;
                p.glued_m = w.eq_ignore_ascii_case(b"m");
                p.mag = true;
                p.simple = false;
                p.end = j + 1;
            }
        }
        return Some(p);
    }
    // "7 654 321", "40 000": thousands groups split by plain spaces (not a list of numbers,
    // a phone number or a leading-zero code)
    if let Some((end, v)) = spaced_groups(cx, i) {
        p.value = v;
        p.end = end;
        p.simple = false;
        return Some(p);
    }
    if cx.is_word(j) && !cx.glued(j) {
        if let Some(m) = mag_of(cx, j) {
            if spaced_mag(cx.s(j).as_bytes()) {
                p.value *= m;
                p.mag = true;
                p.simple = false;
                p.end = j + 1;
                // "1.5 million" may be followed by nothing more; "3 hundred thousand"
                if let Some(m2) = mag_of(cx, j + 1) {
                    if m2 > m && cx.s(j + 1).len() > 1 {
                        p.value *= m2;
                        p.end = j + 2;
                    }
                }
                // "6 thousand 2 hundred": a smaller digits-and-magnitude group follows
                if cx.num_tok(p.end) && !cx.glued(p.end) {
                    let step = mag_of(cx, p.end.wrapping_sub(1)).unwrap_or(m);
                    if let Some(m2) = mag_of(cx, p.end + 1).filter(|m2| *m2 < step) {
                        let v2 = digits_value(cx.s(p.end));
                        if spaced_mag(cx.s(p.end + 1).as_bytes()) && v2 * m2 < step && v2 >= 1.0 {
                            p.value += v2 * m2;
                            p.end += 2;
                        }
                    }
                }
                // "7 million and a half"
                if cx.word_is(p.end, "and")
                    && (cx.word_is(p.end + 1, "a") || cx.word_is(p.end + 1, "an"))
                    && (cx.word_is(p.end + 2, "half") || cx.word_is(p.end + 2, "quarter"))
                    && !cx.is(p.end + 3, Class::Mag)
                {
                    let step = mag_of(cx, p.end.wrapping_sub(1)).unwrap_or(m);
                    let f = if cx.word_is(p.end + 2, "half") {
                        0.5
                    } else {
                        0.25
                    };
                    p.value += f * step;
                    p.end += 3;
                }
                // "6 hundred and 45", "9 thousand and one"
                if cx.word_is(p.end, "and") && !cx.tok(i).is_some_and(|t| t.decimal) {
                    if let Some(rest) = parse_number(cx, p.end + 1) {
                        let step = mag_of(cx, p.end.wrapping_sub(1)).unwrap_or(m);
                        if !rest.ordinal
                            && !rest.mag
                            && rest.value >= 1.0
                            && rest.value < step
                            && rest.value.fract() == 0.0
                        {
                            p.value += rest.value;
                            p.end = rest.end;
                        }
                    }
                }
            }
        } else if cx.word_is(j, "and")
            && (cx.word_is(j + 1, "a") || cx.word_is(j + 1, "an"))
            && cx.word_is(j + 2, "half")
        {
            p.value += 0.5;
            p.simple = false;
            p.end = j + 3;
            // "2 and a half million"
            if let Some(m) = mag_of(cx, p.end).filter(|m| *m >= 1000.0 && cx.s(p.end).len() > 2) {
                p.value *= m;
                p.mag = true;
                p.end += 1;
            }
        }
    }
    Some(p)
}

/// Scientific notation glued to the digits at `i`: `1.2e13`, `-12e-1`, `1.3x10^6`, `2.5^-1`.
/// Returns the end and the value.
pub(super) fn scientific(cx: &Cx, i: usize, base: f64) -> Option<(usize, f64)> {
    let j = i + 1;
    if !cx.glued(j) {
        return None;
    }
    // the exponent: optional signs, then at most three digits, all glued
    let exponent = |mut k: usize| -> Option<(usize, f64)> {
        let mut neg = false;
        let mut signs = 0;
        while (cx.sym(k, '-') || cx.sym(k, '+')) && cx.glued(k) && signs < 2 {
            neg ^= cx.sym(k, '-');
            signs += 1;
            k += 1;
        }
        let t = cx.tok(k)?;
        if t.tk != Tk::Num || !cx.glued(k) || t.decimal || t.comma || t.end - t.start > 3 {
            return None;
        }
        if cx.glued(k + 1) && (cx.is_word(k + 1) || cx.num_tok(k + 1)) {
            return None;
        }
        let e = digits_value(cx.s(k));
        Some((k + 1, if neg { -e } else { e }))
    };
    if cx.word_is(j, "e") {
        let (end, e) = exponent(j + 1)?;
        return Some((end, base * 10f64.powf(e)));
    }
    if cx.sym(j, '^') {
        let (end, e) = exponent(j + 1)?;
        return Some((end, base.powf(e)));
    }
    if cx.word_is(j, "x") && cx.s(j + 1) == "10" && cx.glued(j + 1) && cx.sym(j + 2, '^') {
        let (end, e) = exponent(j + 3)?;
        return Some((end, base * 10f64.powf(e)));
    }
    None
}

/// Digit groups split by single spaces: a first group of 1–3 digits (not starting with 0), then
/// groups of exactly three, and nothing numeric after. Returns the end and the value.
fn spaced_groups(cx: &Cx, i: usize) -> Option<(usize, f64)> {
    let plain = |k: usize| {
        cx.tok(k)
            .is_some_and(|t| t.tk == Tk::Num && !t.comma && !t.nl_before)
    };
    let first = cx.s(i);
    if !cx.tok(i).is_some_and(|t| t.tk == Tk::Num && !t.comma)
        || cx.tok(i).is_some_and(|t| t.decimal)
        || first.len() > 3
        || first.starts_with('0')
        || !plain(i + 1)
        || cx.glued(i + 1)
        || (i > 0 && (cx.num_tok(i - 1) || cx.sym(i - 1, ',') || cx.sym(i - 1, '-')))
    {
        return None;
    }
    let mut v = digits_value(first);
    let mut k = i + 1;
    let mut groups = 0;
    while plain(k) && !cx.glued(k) && groups < 6 {
        let g = cx.s(k);
        let int_part = g.split('.').next().unwrap_or("");
        if int_part.len() != 3 {
            return None;
        }
        v = v * 1000.0 + digits_value(g);
        k += 1;
        groups += 1;
        if g.contains('.') {
            break;
        }
    }
    // "555 123 4567": a phone number, not one amount
    if cx.num_tok(k)
        || (cx.sym(k, '-') && cx.num_tok(k + 1))
        || groups == 0
        || (cx.glued(k) && cx.is_word(k))
    {
        return None;
    }
    Some((k, v))
}

fn parse_words(cx: &Cx, i: usize) -> Option<NumP> {
    // every number in words starts with "a"/"an" or a word of one of these classes ("half" and
    // "quarter" are fractions): others are rejected before the checks below
    const START: u32 = Class::Unit.bit()
        | Class::Tens.bit()
        | Class::Mag.bit()
        | Class::Ord.bit()
        | Class::Frac.bit();
    if !cx.tok(i)?.is_any(START) && !cx.word_is(i, "a") && !cx.word_is(i, "an") {
        return None;
    }
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut any = false;
    let mut ordinal = false;
    let mut fraction = false;
    let mut mag = false;
    let mut end = i;
    let mut j = i;
    // "half litre", "quarter-litre": a fraction right before a unit
    if cx.word_is(i, "half") || cx.word_is(i, "quarter") {
        let k = if cx.sym(i + 1, '-') && cx.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        if cx.is(k, Class::Qty) || cx.is(k, Class::Cur) {
            let v = if cx.word_is(i, "half") { 0.5 } else { 0.25 };
            return Some(NumP {
                words: true,
                fraction: true,
                ..NumP::new(k, v)
            });
        }
    }
    // "a quarter million", "a half billion"
    if (cx.word_is(i, "a") || cx.word_is(i, "an"))
        && (cx.word_is(i + 1, "quarter") || cx.word_is(i + 1, "half"))
    {
        if let Some(m) = mag_of(cx, i + 2).filter(|m| *m >= 1000.0 && cx.s(i + 2).len() > 2) {
            let v = if cx.word_is(i + 1, "half") { 0.5 } else { 0.25 };
            return Some(NumP {
                words: true,
                mag: true,
                fraction: true,
                ..NumP::new(i + 3, v * m)
            });
        }
    }
    // "a fifth of", "a third of", "a quarter of": a fraction, not an ordinal or a period; also
    // "cut by a third since 2019" (not "by a third party")
    let by_fraction = || {
        cx.word_is(i.wrapping_sub(1), "by")
            && [
                "since", "in", "from", "to", "on", "over", "at", "last", "this", "and", "but",
                "or", "compared", "while", "after", "before", "between", "than", "for", "during",
            ]
            .iter()
            .any(|w| cx.word_is(i + 2, w))
    };
    if (cx.word_is(i, "a") || cx.word_is(i, "an"))
        && (cx.word_is(i + 2, "of")
            || cx.tok(i + 2).is_none_or(|t| t.tk == Tk::Sym)
            || by_fraction())
    {
        let d = if cx.word_is(i + 1, "quarter") {
            Some(4.0)
        } else {
            word_num(cx, i + 1, Class::Ord).filter(|d| *d >= 3.0)
        };
        if let Some(d) = d {
            return Some(NumP {
                words: true,
                fraction: true,
                ..NumP::new(i + 2, 1.0 / d)
            });
        }
    }
    // "a couple of", "a pair of"
    if (cx.word_is(i, "a") || cx.word_is(i, "an"))
        && (cx.word_is(i + 1, "couple") || cx.word_is(i + 1, "pair"))
    {
        let end = if cx.word_is(i + 2, "of") {
            i + 3
        } else {
            i + 2
        };
        return Some(NumP {
            words: true,
            ..NumP::new(end, 2.0)
        });
    }
    // "a hundred", "a dozen", "half a million"
    if cx.word_is(i, "a") || cx.word_is(i, "an") {
        let m = mag_of(cx, i + 1)?;
        if cx.s(i + 1).len() < 3 {
            return None;
        }
        let _ = m;
        current = 1.0;
        any = true;
        j = i + 1;
    } else if (cx.word_is(i, "half") || cx.word_is(i, "quarter"))
        && mag_of(cx, i + 1).is_some_and(|m| m >= 1000.0)
        && cx.s(i + 1).len() > 2
    {
        let share = if cx.word_is(i, "half") { 0.5 } else { 0.25 };
        let m = mag_of(cx, i + 1).unwrap_or(1.0) * share / 0.5;
        return Some(NumP {
            words: true,
            mag: true,
            fraction: true,
            ..NumP::new(i + 2, 0.5 * m)
        });
    } else if cx.word_is(i, "half") && (cx.word_is(i + 1, "a") || cx.word_is(i + 1, "an")) {
        if let Some(m) = mag_of(cx, i + 2) {
            if cx.s(i + 2).len() > 2 {
                return Some(NumP {
                    words: true,
                    mag: true,
                    fraction: true,
                    ..NumP::new(i + 3, 0.5 * m)
                });
            }
        }
        return Some(NumP {
            words: true,
            fraction: true,
            ..NumP::new(i + 2, 0.5)
        });
    }
    let mut n_steps = 0usize;
    while let Some(t) = cx.tok(j) {
        if t.tk == Tk::Sym
            && matches!(t.ch, '-' | '‐' | '–' | '—')
            && any
            && cx.glued(j)
            && cx.glued(j + 1)
        {
            // twenty-one, two-thirds
            j += 1;
            continue;
        }
        if t.tk != Tk::Word {
            break;
        }
        if any && cx.word_is(j, "and") {
            let art = usize::from(cx.word_is(j + 1, "a") || cx.word_is(j + 1, "an"));
            let ord_den = art == 1
                && word_num(cx, j + 2, Class::Ord).is_some_and(|v| (3.0..10.0).contains(&v));
            if cx.is(j + 1 + art, Class::Frac) || ord_den {
                let d = word_num(cx, j + 1 + art, Class::Frac)
                    .or_else(|| word_num(cx, j + 2, Class::Ord))
                    .unwrap_or(2.0);
                current += 1.0 / d;
                fraction = true;
                j += 2 + art;
                end = j;
                // "two and a half million": the magnitude scales the whole mixed number
                if let Some(m) = mag_of(cx, j).filter(|m| *m >= 1000.0 && cx.s(j).len() > 2) {
                    current *= m;
                    mag = true;
                    j += 1;
                    end = j;
                }
                break;
            }
            // "five and one fourth": one and an ordinal word is a fraction
            let one_ord = word_num(cx, j + 1, Class::Unit) == Some(1.0)
                && word_num(cx, j + 2, Class::Ord).is_some_and(|v| (3.0..=20.0).contains(&v));
            if (cx.is(j + 1, Class::Unit) && cx.is(j + 2, Class::Frac) || one_ord) && total == 0.0 {
                let d = word_num(cx, j + 2, Class::Frac)
                    .or_else(|| word_num(cx, j + 2, Class::Ord))
                    .unwrap_or(2.0);
                let v = word_num(cx, j + 1, Class::Unit).unwrap_or(1.0);
                current += v / d;
                fraction = true;
                j += 3;
                end = j;
                break;
            }
            if cx.is(j + 1, Class::Unit) || cx.is(j + 1, Class::Tens) {
                j += 1;
                continue;
            }
            break;
        }
        // "four point one", "nought point nought seven"
        if any && cx.word_is(j, "point") && cx.is(j + 1, Class::Unit) {
            let mut k = j + 1;
            let mut scale = 0.1;
            let mut frac_part = 0.0;
            while let Some(d) = word_num(cx, k, Class::Unit) {
                if d > 9.0 || k > j + 12 {
                    break;
                }
                frac_part += d * scale;
                scale /= 10.0;
                k += 1;
            }
            current += frac_part;
            j = k;
            end = j;
            if let Some(m) = mag_of(cx, j).filter(|m| *m >= 1000.0 && cx.s(j).len() > 2) {
                current *= m;
                mag = true;
                j += 1;
                end = j;
            }
            break;
        }
        let low = current % 100.0;
        if let Some(v) = word_num(cx, j, Class::Unit) {
            let ok = low == 0.0 || (low >= 20.0 && low % 10.0 == 0.0 && v < 10.0);
            let more = cx.is(j + 1, Class::Mag)
                || cx.is(j + 1, Class::Qty)
                || cx.is(j + 1, Class::Cur)
                || cx.is(j + 1, Class::Tunit)
                || cx.is(j + 1, Class::Ord)
                || cx.is(j + 1, Class::Frac)
                || cx.sym(j + 1, '-');
            if !ok || (cx.word_is(j, "one") && !any && !more && lone_one_is_pronoun(cx, j)) {
                break;
            }
            current += v;
        } else if let Some(v) = word_num(cx, j, Class::Tens) {
            if low != 0.0 {
                break;
            }
            current += v;
        } else if let Some(m) = mag_of(cx, j) {
            if cx.s(j).len() < 3 {
                break;
            }
            mag = true;
            if m == 100.0 {
                let l = current % 1000.0;
                if l > 0.0 && l < 100.0 {
                    current += l * 99.0;
                } else if !any {
                    current = 100.0;
                } else {
                    break;
                }
            } else if m == 12.0 {
                current = current.max(1.0) * 12.0;
            } else if current > 0.0 {
                total += current * m;
                current = 0.0;
            } else if any && total > 0.0 && m >= 1000.0 {
                total *= m; // "five thousand millions"
            } else if !any {
                total = m;
            } else {
                break;
            }
        } else if let Some(v) = word_num(cx, j, Class::Ord) {
            let ok = if v < 10.0 {
                low == 0.0 || (low >= 20.0 && low % 10.0 == 0.0)
            } else if v < 100.0 {
                low == 0.0
            } else {
                true
            };
            // "one fifth", "one third": a fraction, not an ordinal
            if any && total == 0.0 && current == 1.0 && (3.0..10.0).contains(&v) {
                current = 1.0 / v;
                fraction = true;
                j += 1;
                end = j;
                break;
            }
            if !ok {
                break;
            }
            if v >= 100.0 {
                current = current.max(1.0) * v;
            } else {
                current += v;
            }
            ordinal = true;
            j += 1;
            end = j;
            break;
        } else if let Some(d) = word_num(cx, j, Class::Frac) {
            // "three quarters" of a year stays a count of quarters unless a quantity follows
            let time_unit = cx.is(j, Class::Tunit)
                && !(cx.word_is(j + 1, "of")
                    || cx.is(j + 1, Class::Mag)
                    || cx.is(j + 1, Class::Cur)
                    || cx.is(j + 1, Class::Qty));
            if any && current > 0.0 && !cx.word_is(j, "half") && !time_unit {
                current /= d;
                fraction = true;
                j += 1;
                end = j;
                // "two fifths of a million"
                let of_a = cx.word_is(j, "of")
                    && (cx.word_is(j + 1, "a") || cx.word_is(j + 1, "an"))
                    && mag_of(cx, j + 2).is_some_and(|m| m >= 1000.0 && cx.s(j + 2).len() > 2);
                if of_a {
                    j += 2;
                }
                // "four fifths billion"
                if let Some(m) = mag_of(cx, j).filter(|m| *m >= 1000.0 && cx.s(j).len() > 2) {
                    current *= m;
                    mag = true;
                    j += 1;
                    end = j;
                }
            }
            break;
        } else {
            break;
        }
        any = true;
        j += 1;
        end = j;
        n_steps += 1;
        if n_steps > 64 {
            break;
        }
    }
    if !any && !ordinal {
        return None;
    }
    Some(NumP {
        ordinal,
        words: true,
        mag,
        fraction,
        ..NumP::new(end, total + current)
    })
}

/// `one` used as a pronoun: "no one", "the one", "one of".
fn lone_one_is_pronoun(cx: &Cx, j: usize) -> bool {
    if cx.word_is(j + 1, "of") || cx.word_is(j + 1, "another") {
        return true;
    }
    if j == 0 {
        return false;
    }
    [
        "no", "the", "any", "every", "each", "this", "that", "which", "someone", "anyone",
    ]
    .iter()
    .any(|w| cx.word_is(j.wrapping_sub(1), w))
}

#[cfg(test)]
mod fmt_tests {
    use super::{fmt_fixed6_slow, fmt_value};

    #[test]
    fn fast_format_matches_reference() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            x.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        let fixed = [
            0.5,
            -0.5,
            1e-7,
            -1e-7,
            4.5e-7,
            5e-7,
            5.5e-7,
            0.0000015,
            0.1,
            0.2,
            0.3,
            2.675,
            1.0005,
            123456.7890125,
            8.796e6,
            8.797e6,
            1e5 + 0.25,
            -3.24159265,
            0.333333333,
            2.0 / 3.0,
        ];
        for v in fixed {
            assert_eq!(fmt_value(v), fmt_fixed6_slow(v), "{v}");
        }
        for _ in 0..200_000 {
            let r = next();
            let scale = 10f64.powi((r % 17) as i32 - 8);
            let v = (next() % 100_000_000) as f64 * scale / 7.0;
            let v = if r & (1 << 40) != 0 { -v } else { v };
            let r6 = (v * 1e6).round() / 1e6;
            for w in [v, r6, r6 + 5e-7, r6 - 5e-7] {
                let r = w.round();
                if (w - r).abs() <= 1e-9 * w.abs().max(1.0) && r.abs() < 9e15 {
                    continue;
                }
                assert_eq!(fmt_value(w), fmt_fixed6_slow(w), "{w}");
            }
        }
    }
}
