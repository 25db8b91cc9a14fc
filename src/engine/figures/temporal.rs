//! Dates, times and durations: atoms (`February 24, 2022`, `Friday`, `3 p.m.`, `three years ago`,
//! `last week`, `the 1990s`) chained through connectors (`Friday at 3 p.m.`, `from May to June`).
//!
//! ```
//! use sayso::engine::figures::find_figures;
//! use sayso::engine::FigureKind;
//! let text = "They met on Friday at 3 p.m. and left three years ago.";
//! let f = find_figures(text);
//! assert_eq!(&text[f[0].span.start..f[0].span.end], "Friday at 3 p.m.");
//! assert_eq!(f[0].kind, FigureKind::Time);
//! assert_eq!(&text[f[1].span.start..f[1].span.end], "three years ago");
//! assert_eq!(f[1].kind, FigureKind::Date);
//! ```

use super::lexicon::Class;
use super::number::{digits_value, fmt_value, parse_number, push_digits};
use super::token::Tk;
use super::{Cx, Hit};
use crate::engine::FigureKind;

/// What an atom is, for chaining and for the kind of the whole chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Year,
    MonthDay,
    Month,
    Wday,
    Rel,
    Dayref,
    Time,
    Daypart,
    Duration,
    Numeric,
    Holiday,
    Bare,
    /// A relative period longer than a day (`next year`, `this week`): not joined to a clock time.
    Wide,
}

#[derive(Debug, Clone)]
pub(super) struct Atom {
    start: usize,
    pub(super) end: usize,
    cat: Cat,
    value: Option<String>,
}

/// An atom over tokens `start..end`.
fn span_atom(start: usize, end: usize, cat: Cat, value: Option<String>) -> Option<Atom> {
    Some(Atom {
        start,
        end,
        cat,
        value,
    })
}

/// An atom with no value of its own (its value comes from the expression it joins).
fn plain(start: usize, end: usize, cat: Cat) -> Option<Atom> {
    span_atom(start, end, cat, None)
}

/// Words that may open a temporal span, longest first: the reference table of
/// [`prefixes_ending`], which the scanner uses (grouped by last word).
#[cfg(test)]
const PREFIXES: &[&[&str]] = &[
    &["no", "later", "than"],
    &["as", "early", "as"],
    &["as", "late", "as"],
    &["the", "end", "of"],
    &["the", "start", "of"],
    &["the", "beginning", "of"],
    &["the", "middle", "of"],
    &["later", "than"],
    &["earlier", "than"],
    &["end", "of"],
    &["start", "of"],
    &["beginning", "of"],
    &["middle", "of"],
    &["more", "than"],
    &["beginning", "on"],
    &["starting", "on"],
    &["less", "than"],
    &["later"],
    &["earlier"],
    &["from"],
    &["through"],
    &["thru"],
    &["between"],
    &["since"],
    &["until"],
    &["till"],
    &["before"],
    &["after"],
    &["by"],
    &["throughout"],
    &["within"],
    &["around"],
    &["circa"],
    &["beginning"],
    &["starting"],
    &["early"],
    &["late"],
    &["mid"],
    &["the"],
];

/// [`PREFIXES`] ending in the word `last` (ASCII lower case), in table order.
fn prefixes_ending(last: &[u8]) -> &'static [&'static [&'static str]] {
    match last {
        b"than" => &[
            &["no", "later", "than"],
            &["later", "than"],
            &["earlier", "than"],
            &["more", "than"],
            &["less", "than"],
        ],
        b"as" => &[&["as", "early", "as"], &["as", "late", "as"]],
        b"of" => &[
            &["the", "end", "of"],
            &["the", "start", "of"],
            &["the", "beginning", "of"],
            &["the", "middle", "of"],
            &["end", "of"],
            &["start", "of"],
            &["beginning", "of"],
            &["middle", "of"],
        ],
        b"on" => &[&["beginning", "on"], &["starting", "on"]],
        b"later" => &[&["later"]],
        b"earlier" => &[&["earlier"]],
        b"from" => &[&["from"]],
        b"through" => &[&["through"]],
        b"thru" => &[&["thru"]],
        b"between" => &[&["between"]],
        b"since" => &[&["since"]],
        b"until" => &[&["until"]],
        b"till" => &[&["till"]],
        b"before" => &[&["before"]],
        b"after" => &[&["after"]],
        b"by" => &[&["by"]],
        b"throughout" => &[&["throughout"]],
        b"within" => &[&["within"]],
        b"around" => &[&["around"]],
        b"circa" => &[&["circa"]],
        b"beginning" => &[&["beginning"]],
        b"starting" => &[&["starting"]],
        b"early" => &[&["early"]],
        b"late" => &[&["late"]],
        b"mid" => &[&["mid"]],
        b"the" => &[&["the"]],
        _ => &[],
    }
}

fn month_of(cx: &Cx, i: usize) -> Option<u32> {
    cx.class(i, Class::Month).and_then(|v| v.parse().ok())
}

/// A month word that is really a month here (not "may" the verb, "mar" the verb, "march" the walk).
fn month_ok(cx: &Cx, i: usize) -> Option<u32> {
    let m = month_of(cx, i)?;
    let t = cx.tok(i)?;
    let w = cx.s(i);
    let next_num = cx.tok(i + 1).is_some_and(|n| n.tk == Tk::Num)
        || (cx.sym(i + 1, '.') && cx.glued(i + 1) && cx.num_tok(i + 2))
        || cx.is(i + 1, Class::Ord)
        || (cx.sym(i + 1, ',')
            && (year_at(cx, i + 2).is_some()
                || (cx.num_tok(i + 2) && cx.glued(i + 3) && cx.is_word(i + 3))))
        || (cx.word_is(i + 1, "the") && (cx.num_tok(i + 2) || cx.is(i + 2, Class::Ord)));
    // "mid-March", "early-May"
    let glued_prefix = i > 1
        && cx.sym(i.wrapping_sub(1), '-')
        && cx.glued(i)
        && cx.glued(i.wrapping_sub(1))
        && cx
            .word_among(i.wrapping_sub(2), &["mid", "early", "late"])
            .is_some();
    let prev_ctx = glued_prefix
        || i > 0
            && [
                "in", "of", "since", "until", "till", "by", "from", "early", "late", "mid", "last",
                "next", "this", "through", "to", "during", "before", "after", "between", "and",
                "or",
            ]
            .iter()
            .any(|p| cx.word_is(i.wrapping_sub(1), p))
        || cx.num_tok(i.wrapping_sub(1));
    let ambiguous = w.eq_ignore_ascii_case("may")
        || w.eq_ignore_ascii_case("march")
        || w.eq_ignore_ascii_case("mar")
        || w.eq_ignore_ascii_case("jan")
        || w.eq_ignore_ascii_case("jun")
        || w.eq_ignore_ascii_case("dec")
        || w.eq_ignore_ascii_case("sep")
        || w.eq_ignore_ascii_case("oct")
        || w.eq_ignore_ascii_case("aug")
        || w.eq_ignore_ascii_case("apr")
        || w.eq_ignore_ascii_case("feb")
        || w.eq_ignore_ascii_case("nov")
        || w.eq_ignore_ascii_case("jul")
        || w.eq_ignore_ascii_case("sept");
    if ambiguous {
        if next_num || (prev_ctx && (t.cap || w.len() > 3)) {
            return Some(m);
        }
        // lower-case "in may", "since dec", "in the april" ending a clause
        let opener = |k: usize| {
            ["in", "since", "until", "till", "during"]
                .iter()
                .any(|p| cx.word_is(k, p))
        };
        let p1 = i.wrapping_sub(1);
        let framed =
            i > 0 && (opener(p1) || (i > 1 && cx.word_is(p1, "the") && opener(i.wrapping_sub(2))));
        let clause_end = cx.tok(i + 1).is_none_or(|n| {
            (n.tk == Tk::Sym && !matches!(n.ch, '-' | '/' | '\'' | '’')) || n.nl_before
        });
        if framed && clause_end {
            return Some(m);
        }
        // a capitalised month alone on its line: "March"
        if t.cap && t.nl_before && clause_end {
            let alone = cx.tok(i + 1).is_none_or(|n| n.nl_before)
                || (cx.sym(i + 1, '.') && cx.tok(i + 2).is_none_or(|n| n.nl_before));
            if alone {
                return Some(m);
            }
        }
        if w.len() == 3 && t.cap && cx.glued(i + 1) && (cx.sym(i + 1, '/') || cx.sym(i + 1, '-')) {
            return Some(m);
        }
        return None;
    }
    let the_in = cx.word_is(i.wrapping_sub(1), "the") && cx.word_is(i.wrapping_sub(2), "in");
    if t.cap || next_num || prev_ctx || the_in {
        Some(m)
    } else {
        None
    }
}

fn wday_ok(cx: &Cx, i: usize) -> Option<u32> {
    let d: u32 = cx.class(i, Class::Wday).and_then(|v| v.parse().ok())?;
    let t = cx.tok(i)?;
    let w = cx.s(i);
    let unambiguous = ["thu", "thur", "thurs", "tue", "tues", "fri"]
        .iter()
        .any(|a| w.eq_ignore_ascii_case(a));
    let dated_after = cx.num_tok(i + 1)
        || (cx.word_is(i + 1, "the") && (cx.num_tok(i + 2) || cx.is(i + 2, Class::Ord)));
    // a lone lower-case "thu", "fri." (not "sat", "sun", "wed", "mon": words or names)
    let lone = cx.tok(i + 1).is_none_or(|n| n.tk == Tk::Sym || n.nl_before)
        && (i == 0 || cx.tok(i).is_some_and(|t| t.nl_before) || !cx.is_word(i.wrapping_sub(1)));
    if w.len() <= 4 && !(unambiguous && (t.cap || dated_after || lone)) {
        // abbreviations: "Sat", "Sun", "Wed", "Mon" need a capital and a date or comma nearby
        let k = if cx.sym(i + 1, ',') || cx.sym(i + 1, '.') {
            i + 2
        } else {
            i + 1
        };
        let numeric_after = cx.num_tok(k);
        if !(t.cap && (numeric_after || month_of(cx, k).is_some())) {
            return None;
        }
    }
    Some(d)
}

fn int_val(cx: &Cx, i: usize) -> Option<u32> {
    let t = cx.tok(i)?;
    if t.tk != Tk::Num || t.comma || t.decimal || t.end - t.start > 4 {
        return None;
    }
    // at most four ASCII digits (what `str::parse` would accept here), no overflow
    let s = cx.s(i).as_bytes();
    if s.is_empty() {
        return None;
    }
    s.iter().try_fold(0u32, |v, &b| {
        b.is_ascii_digit().then(|| v * 10 + u32::from(b - b'0'))
    })
}

/// A year: 4 digits 1000–2199, or an apostrophe two-digit year (`'22`).
fn year_at(cx: &Cx, i: usize) -> Option<(usize, u32)> {
    let t = cx.tok(i)?;
    if t.tk == Tk::Num && t.end - t.start == 4 {
        let y = int_val(cx, i)?;
        if (1000..=2199).contains(&y) && !(cx.glued(i + 1) && cx.is_word(i + 1)) {
            return Some((i + 1, y));
        }
    }
    None
}

/// Day of month after a month: `24`, `24th`, `the 9th`, `ninth`.
fn day_at(cx: &Cx, i: usize) -> Option<(usize, u32)> {
    let j = if cx.word_is(i, "the") { i + 1 } else { i };
    if let Some(d) = int_val(cx, j) {
        if (1..=31).contains(&d) && cx.s(j).len() <= 2 {
            let mut e = j + 1;
            if cx.glued(e) && cx.is_word(e) {
                let w = cx.s(e).to_ascii_lowercase();
                if matches!(w.as_str(), "st" | "nd" | "rd" | "th") {
                    e += 1;
                } else if month_of(cx, e).is_none() || cx.s(e).len() < 3 {
                    // "14april" keeps its glued month
                    return None;
                }
            }
            return Some((e, d));
        }
        return None;
    }
    if cx.is(j, Class::Ord) || cx.is(j, Class::Tens) || cx.is(j, Class::Unit) {
        let p = parse_number(cx, j)?;
        let cardinal_before_month = !p.ordinal && month_of(cx, p.end).is_some();
        if (p.ordinal || cardinal_before_month)
            && p.value >= 1.0
            && p.value <= 31.0
            && p.value.fract() == 0.0
        {
            return Some((p.end, p.value as u32));
        }
    }
    None
}

fn opt_year(cx: &Cx, e: usize) -> (usize, Option<u32>) {
    let k = if cx.sym(e, ',') || cx.word_is(e, "of") {
        e + 1
    } else {
        e
    };
    if let Some((ye, y)) = year_at(cx, k) {
        return (ye, Some(y));
    }
    // year in words: "nineteen eighty six", "two thousand and nine"
    if cx.is(k, Class::Unit) || cx.is(k, Class::Tens) {
        if let Some(y) = words_year(cx, k) {
            return y;
        }
    }
    (e, None)
}

fn words_year(cx: &Cx, k: usize) -> Option<(usize, Option<u32>)> {
    let hi: f64 = cx.class(k, Class::Unit).and_then(|v| v.parse().ok())?;
    if (10.0..=20.0).contains(&hi) && (cx.is(k + 1, Class::Tens) || cx.is(k + 1, Class::Unit)) {
        let p = parse_number(cx, k + 1)?;
        if p.value < 100.0 && p.value >= 10.0 {
            return Some((p.end, Some((hi * 100.0 + p.value) as u32)));
        }
    }
    let p = parse_number(cx, k)?;
    if (1000.0..2200.0).contains(&p.value) && !p.ordinal {
        return Some((p.end, Some(p.value as u32)));
    }
    None
}

fn ymd(y: Option<u32>, m: u32, d: Option<u32>) -> String {
    let mut s = String::with_capacity(10);
    match y {
        Some(y) => push_digits(&mut s, u64::from(y), 4),
        None => s.push_str("XXXX"),
    }
    s.push('-');
    push_digits(&mut s, u64::from(m), 2);
    if let Some(d) = d {
        s.push('-');
        push_digits(&mut s, u64::from(d), 2);
    }
    s
}

/// `year4(y)` without the formatting machinery.
fn year4(y: u32) -> String {
    let mut s = String::with_capacity(4);
    push_digits(&mut s, u64::from(y), 4);
    s
}

/// `hhmm(h, m)` without the formatting machinery.
fn hhmm(h: u32, m: u32) -> String {
    let mut s = String::with_capacity(6);
    s.push('T');
    push_digits(&mut s, u64::from(h), 2);
    s.push(':');
    push_digits(&mut s, u64::from(m), 2);
    s
}

/// `month_only(m)` without the formatting machinery.
fn month_only(m: u32) -> String {
    let mut s = String::with_capacity(7);
    s.push_str("XXXX-");
    push_digits(&mut s, u64::from(m), 2);
    s
}

/// A month written short enough that a following `.` is its abbreviation dot (`Sept.`, not `July.`).
fn abbrev_dot_ok(cx: &Cx, i: usize) -> bool {
    let w = cx.s(i);
    w.len() <= 4
        && !["may", "june", "july"]
            .iter()
            .any(|m| w.eq_ignore_ascii_case(m))
}

/// Month-led: `February 24, 2022`, `Oct 2020`, `Nov/2`, `May`.
fn month_led(cx: &Cx, i: usize) -> Option<Atom> {
    let m = month_ok(cx, i)?;
    let mut e = i + 1;
    if cx.glued(e) && (cx.sym(e, '/') || cx.sym(e, '-') || cx.sym(e, '.')) && cx.glued(e + 1) {
        if let Some(v) = int_val(cx, e + 1) {
            let (d, y) = if v > 31 {
                (None, Some(v))
            } else {
                (Some(v), None)
            };
            return span_atom(i, e + 2, Cat::MonthDay, Some(ymd(y, m, d)));
        }
    }
    if cx.sym(e, '.') && cx.glued(e) && abbrev_dot_ok(cx, i) {
        e += 1; // "Feb."
    }
    let day = day_at(cx, e).or_else(|| {
        // "March, 3rd"
        if cx.sym(e, ',') && cx.glued(e + 2) && cx.is_word(e + 2) {
            day_at(cx, e + 1)
        } else {
            None
        }
    });
    if let Some((de, d)) = day {
        let (ye, y) = opt_year(cx, de);
        return span_atom(i, ye, Cat::MonthDay, Some(ymd(y, m, Some(d))));
    }
    let (ye, y) = opt_year(cx, e);
    if y.is_some() && (ye > e) {
        return span_atom(i, ye, Cat::MonthDay, Some(ymd(y, m, None)));
    }
    span_atom(i, e, Cat::Month, Some(month_only(m)))
}

/// Weekday-led: `Friday`, `Wed 13th`, `Monday, February 24`.
fn wday_led(cx: &Cx, i: usize) -> Option<Atom> {
    let d = wday_ok(cx, i)?;
    let mut v = String::with_capacity(10);
    v.push_str("XXXX-WXX-");
    push_digits(&mut v, u64::from(d), 1);
    let v = Some(v);
    let k = if cx.sym(i + 1, ',') { i + 2 } else { i + 1 };
    if month_of(cx, k).is_some() {
        if let Some(a) = month_led(cx, k) {
            if a.cat == Cat::MonthDay {
                return span_atom(i, a.end, Cat::MonthDay, a.value);
            }
        }
    }
    if let Some(a) = numeric_date(cx, k) {
        return span_atom(i, a.end, Cat::MonthDay, a.value);
    }
    if let Some(a) = day_month(cx, k) {
        return span_atom(i, a.end, Cat::MonthDay, a.value);
    }
    if k == i + 1 {
        if let Some((de, _)) = day_at(cx, k) {
            let clock_or_code = cx.sym(de, ':')
                || cx.is(de, Class::Ampm)
                || (cx.glued(de) && cx.is_word(de))
                || cx.sym(de, '-')
                || cx.word_is(de, "oclock")
                || cx.word_is(de, "o");
            if !clock_or_code {
                return span_atom(i, de, Cat::MonthDay, v);
            }
        }
    }
    span_atom(i, i + 1, Cat::Wday, v)
}

/// Day-led: `24 Feb 2022`, `24th of May`, `ninth of March, 1987`.
fn day_month(cx: &Cx, i: usize) -> Option<Atom> {
    let (de, d) = day_at(cx, i)?;
    // "31-Oct-74", "12-Jan-2021"
    if cx.sym(de, '-') && cx.glued(de) && cx.glued(de + 1) && cx.num_tok(i) {
        let m = month_of(cx, de + 1)?;
        let mut e = de + 2;
        let mut y = None;
        if cx.sym(e, '-') && cx.glued(e) && cx.glued(e + 1) {
            let l = cx.s(e + 1).len();
            if let Some(v) = int_val(cx, e + 1).filter(|_| l == 2 || l == 4) {
                y = Some(if l == 2 {
                    if v > 50 {
                        1900 + v
                    } else {
                        2000 + v
                    }
                } else {
                    v
                });
                e += 2;
            }
        }
        return span_atom(i, e, Cat::MonthDay, Some(ymd(y, m, Some(d))));
    }
    let k = if cx.word_is(de, "of") { de + 1 } else { de };
    // a day in words needs an unambiguous month ("one may wonder" is not a date)
    let m = if cx.num_tok(i) || cx.num_tok(i + 1) {
        month_of(cx, k)?
    } else {
        month_ok(cx, k)?
    };
    let mut e = k + 1;
    if cx.sym(e, '.') && cx.glued(e) && abbrev_dot_ok(cx, k) {
        e += 1;
    }
    let (ye, y) = opt_year(cx, e);
    span_atom(i, ye, Cat::MonthDay, Some(ymd(y, m, Some(d))))
}

/// `2022-02-24`, `24/12/2022`, `10/25`, `2/29`.
pub(super) fn numeric_date(cx: &Cx, i: usize) -> Option<Atom> {
    let a = cx.tok(i)?;
    if a.tk != Tk::Num || a.comma || a.decimal {
        return None;
    }
    let sep = cx.tok(i + 1)?;
    if sep.tk != Tk::Sym
        || !matches!(sep.ch, '/' | '-' | '.')
        || !cx.glued(i + 1)
        || !cx.glued(i + 2)
    {
        return None;
    }
    // "2019/aug/01", "2020/Sep/23"
    if let Some(m) = month_of(cx, i + 2) {
        let y = int_val(cx, i).filter(|y| (1000..=2199).contains(y))?;
        if cx.sym(i + 3, sep.ch) && cx.glued(i + 3) && cx.glued(i + 4) {
            let d = int_val(cx, i + 4).filter(|d| (1..=31).contains(d))?;
            return span_atom(i, i + 5, Cat::Numeric, Some(ymd(Some(y), m, Some(d))));
        }
        return None;
    }
    let b = int_val(cx, i + 2)?;
    let av = int_val(cx, i)?;
    let alen = a.end - a.start;
    let blen = cx.s(i + 2).len();
    let third = if cx.sym(i + 3, sep.ch) && cx.glued(i + 3) && cx.glued(i + 4) {
        int_val(cx, i + 4)
    } else {
        None
    };
    if let Some(c) = third {
        let clen = cx.s(i + 4).len();
        if alen == 4 && (1..=12).contains(&b) && (1..=31).contains(&c) {
            return span_atom(i, i + 5, Cat::Numeric, Some(ymd(Some(av), b, Some(c))));
        }
        if alen <= 2 && blen <= 2 && (clen == 4 || clen == 2) && av >= 1 && b >= 1 {
            let y = if clen == 2 { 2000 + c } else { c };
            let (m, d) = if av <= 12 && b <= 31 {
                (av, b)
            } else if b <= 12 && av <= 31 {
                (b, av)
            } else {
                return None;
            };
            return span_atom(i, i + 5, Cat::Numeric, Some(ymd(Some(y), m, Some(d))));
        }
        return None;
    }
    if sep.ch == '.' {
        return None;
    }
    if alen == 4
        && (1000..=2199).contains(&av)
        && blen <= 2
        && (1..=12).contains(&b)
        && sep.ch != '-'
    {
        return span_atom(i, i + 3, Cat::Numeric, Some(ymd(Some(av), b, None)));
    }
    if sep.ch == '/' && alen <= 2 && blen <= 2 && av >= 1 && b >= 1 {
        // a fraction before a unit is not a date: "1/4 hour"
        if cx.is(i + 3, Class::Tunit) || cx.is(i + 3, Class::Qty) || cx.word_is(i + 3, "of") {
            return None;
        }
        let (m, d) = if av <= 12 && b <= 31 {
            (av, b)
        } else if b <= 12 && av <= 31 {
            (b, av)
        } else {
            return None;
        };
        return span_atom(i, i + 3, Cat::Numeric, Some(ymd(None, m, Some(d))));
    }
    None
}

/// `15:30`, `8:00:31am`, `3 p.m.`, `8am`, `7 o'clock`.
fn clock(cx: &Cx, i: usize, bare_ok: bool) -> Option<Atom> {
    let t = cx.tok(i)?;
    if t.tk == Tk::Num && t.decimal && !t.comma {
        // "3.30pm", "8.10 pm"
        let (h, m) = cx.s(i).split_once('.')?;
        let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        if h > 24 || m > 59 || cx.s(i).len() - h.to_string().len() != 3 {
            return None;
        }
        let Some(ap) = cx.class(i + 1, Class::Ampm) else {
            // "at 17.30" only where a time is expected
            let unit_after = cx.is(i + 1, Class::Qty)
                || cx.is(i + 1, Class::Cur)
                || cx.is(i + 1, Class::Pct)
                || cx.is(i + 1, Class::Mag);
            if bare_ok && !unit_after && !cx.sym(i + 1, '%') {
                let e = tz(cx, i + 1);
                return span_atom(i, e, Cat::Time, Some(hhmm(h, m)));
            }
            return None;
        };
        if h > 12 {
            return None;
        }
        let hour = if ap == "pm" && h < 12 {
            h + 12
        } else if ap == "am" && h == 12 {
            0
        } else {
            h
        };
        let e = tz(cx, i + 2);
        return span_atom(i, e, Cat::Time, Some(hhmm(hour, m)));
    }
    let h = int_val(cx, i)?;
    if cx.glued(i + 1) && cx.word_is(i + 1, "h") && h <= 24 {
        // "9h30", "13h", "8h00"
        let (e, m) = if cx.glued(i + 2) && cx.s(i + 2).len() == 2 {
            (i + 3, int_val(cx, i + 2)?)
        } else {
            (i + 2, 0)
        };
        if m > 59 || (cx.glued(e) && cx.is_word(e)) {
            return None;
        }
        let e = tz(cx, e);
        return span_atom(i, e, Cat::Time, Some(hhmm(h, m)));
    }
    // "1025 a.m.", "815 in the evening"
    let daypart_after = |e: usize| {
        (cx.word_is(e, "in") && cx.word_is(e + 1, "the") && cx.is(e + 2, Class::Daypart))
            || (cx.word_is(e, "at") && cx.word_is(e + 1, "night"))
    };
    let len = cx.s(i).len();
    // military time: "1430 GMT", "at 0730", "0730-0930"
    if len == 4 && !cx.tok(i).is_some_and(|t| t.comma || t.decimal) {
        let (hh, mm) = (h / 100, h % 100);
        let zoned =
            !cx.glued(i + 1) && cx.is(i + 1, Class::Tz) && cx.tok(i + 1).is_some_and(|t| t.upper);
        let zero_led = cx.s(i).starts_with('0')
            && ((cx.sym(i + 1, '-')
                && cx.glued(i + 1)
                && cx.glued(i + 2)
                && cx.num_tok(i + 2)
                && cx.s(i + 2).len() == 4)
                || (i > 0
                    && cx.sym(i.wrapping_sub(1), '-')
                    && cx.glued(i)
                    && cx.num_tok(i.wrapping_sub(2))
                    && cx.s(i.wrapping_sub(2)).len() == 4)
                || (i > 0
                    && cx
                        .word_among(
                            i - 1,
                            &[
                                "at", "around", "by", "until", "till", "from", "before", "after",
                                "between",
                            ],
                        )
                        .is_some()
                    && !cx.num_tok(i + 1)));
        if hh <= 23 && mm <= 59 && (zero_led || zoned) {
            let e = tz(cx, i + 1);
            return span_atom(i, e, Cat::Time, Some(hhmm(hh, mm)));
        }
    }
    if (len == 3 || len == 4) && !cx.glued(i + 1) {
        let (hh, mm) = (h / 100, h % 100);
        let ap = cx.class(i + 1, Class::Ampm);
        let at_before = i > 0
            && cx
                .word_among(
                    i - 1,
                    &[
                        "at", "around", "by", "until", "till", "from", "before", "after",
                    ],
                )
                .is_some();
        if (1..=12).contains(&hh)
            && mm <= 59
            && (ap.is_some() || (at_before && daypart_after(i + 1)))
        {
            let hour = match ap {
                Some("pm") if hh < 12 => hh + 12,
                Some("am") if hh == 12 => 0,
                _ => hh,
            };
            let e = if ap.is_some() { i + 2 } else { i + 1 };
            let e = tz(cx, e);
            return span_atom(i, e, Cat::Time, Some(hhmm(hour, mm)));
        }
    }
    if cx.s(i).len() > 2 || h > 24 {
        return None;
    }
    let mut e = i + 1;
    let mut min = 0;
    let mut has_min = false;
    if cx.sym(e, ':') && cx.glued(e) && cx.glued(e + 1) && cx.s(e + 1).len() == 2 {
        let m = int_val(cx, e + 1)?;
        if m > 59 {
            return None;
        }
        min = m;
        has_min = true;
        e += 2;
        if cx.sym(e, ':') && cx.glued(e) && cx.glued(e + 1) && cx.s(e + 1).len() == 2 {
            e += 2;
        }
    } else if cx.sym(e, '.')
        && cx.glued(e)
        && cx.glued(e + 1)
        && cx.s(e + 1).len() == 2
        && cx.is(e + 2, Class::Ampm)
    {
        min = int_val(cx, e + 1)?;
        has_min = true;
        e += 2;
    }
    let mut hour = h;
    let mut bare = false;
    // "9.am": a stray dot between the hour and am/pm
    if !has_min
        && cx.sym(e, '.')
        && cx.glued(e)
        && cx.glued(e + 1)
        && cx.is(e + 1, Class::Ampm)
        && !cx.tok(e + 1).is_some_and(|t| t.cap)
    {
        e += 1;
    }
    let ampm = cx
        .class(e, Class::Ampm)
        .map(|ap| (e + 1, ap))
        .or_else(|| spaced_ampm(cx, e));
    if let Some((ae, ap)) = ampm {
        if h > 12 {
            return None;
        }
        if ap == "pm" && h < 12 {
            hour += 12;
        }
        if ap == "am" && h == 12 {
            hour = 0;
        }
        e = ae;
    } else if cx.word_is(e, "o")
        && (cx.sym(e + 1, '\'') || cx.sym(e + 1, '’'))
        && cx.word_is(e + 2, "clock")
    {
        e += 3;
    } else if cx.word_is(e, "oclock") {
        e += 1;
        if let Some(ap) = cx.class(e, Class::Ampm) {
            if ap == "pm" && hour < 12 {
                hour += 12;
            }
            e += 1;
        }
    } else if (has_min || (h <= 12 && (bare_ok || cx.word_is(e + 1, "to") || cx.sym(e + 1, '-'))))
        && cx.glued(e)
        && (cx.word_is(e, "a") || cx.word_is(e, "p"))
        && !(cx.glued(e + 1)
            && cx
                .tok(e + 1)
                .is_some_and(|t| t.tk != Tk::Sym || t.ch != '.'))
    {
        // "3:18a", "3:20p"
        if cx.word_is(e, "p") && hour < 12 {
            hour += 12;
        }
        e += 1;
    } else if !has_min && h <= 12 && (daypart_after(e) || (cx.glued(e) && cx.word_is(e, "ish"))) {
        // "3 in the morning", "11 at night", "11ish"
        if cx.word_is(e, "ish") {
            e += 1;
        }
    } else if !has_min {
        if !bare_ok {
            return None;
        }
        bare = true;
        // bare hour after "at", "from", "to": not a count ("at 6 people")
        if cx.is_word(e)
            && !cx.is(e, Class::Func)
            && !cx.is(e, Class::Daypart)
            && !cx.is(e, Class::Dayref)
            && !cx.is(e, Class::Wday)
            && !cx.is(e, Class::Rel)
        {
            return None;
        }
        if cx.sym(e, '%') {
            return None;
        }
    }
    if cx.glued(e) && cx.is_word(e) {
        return None;
    }
    let e = tz(cx, e);
    span_atom(
        i,
        e,
        if bare { Cat::Bare } else { Cat::Time },
        Some(hhmm(hour, min)),
    )
}

/// `a m`, `p m`, `p . m .`: am/pm spelt apart (speech transcripts, tokenized text); returns
/// the end and `am`/`pm`.
fn spaced_ampm(cx: &Cx, e: usize) -> Option<(usize, &'static str)> {
    let ap = if cx.word_is(e, "a") {
        "am"
    } else if cx.word_is(e, "p") {
        "pm"
    } else {
        return None;
    };
    let mut k = e + 1;
    let dotted = cx.sym(k, '.');
    if dotted {
        k += 1;
    }
    if !cx.word_is(k, "m") || cx.glued(k + 1) && cx.is_word(k + 1) {
        return None;
    }
    k += 1;
    if dotted && cx.sym(k, '.') {
        k += 1;
    }
    Some((k, ap))
}

/// A time zone after a clock time: `3pm GMT`, `9h30 CST`.
fn tz(cx: &Cx, e: usize) -> usize {
    // lower case only for zones that are not words or short codes: "9h30 pst"
    let lower_ok = cx.s(e).len() == 3 && !cx.word_is(e, "est");
    if cx.tok(e).is_some_and(|t| t.upper || lower_ok) && cx.is(e, Class::Tz) {
        e + 1
    } else {
        e
    }
}

fn tunit_letter(cx: &Cx, i: usize) -> Option<&'static str> {
    cx.class(i, Class::Tunit)
}

fn dur_value(n: f64, letter: &str) -> Option<String> {
    let (pre, num, post) = match letter {
        "S" => ("PT", fmt_value(n), "S"),
        "M" => ("PT", fmt_value(n), "M"),
        "H" => ("PT", fmt_value(n), "H"),
        "D" => ("P", fmt_value(n), "D"),
        "W" => ("P", fmt_value(n), "W"),
        "MO" => ("P", fmt_value(n), "M"),
        "Q" => ("P", fmt_value(n * 3.0), "M"),
        "Y" => ("P", fmt_value(n), "Y"),
        "DE" => ("P", fmt_value(n * 10.0), "Y"),
        "CE" => ("P", fmt_value(n * 100.0), "Y"),
        _ => return None,
    };
    Some([pre, num.as_str(), post].concat())
}

/// Number-led: durations (`three years`, `an hour`), `three years ago`, day-month, clock times,
/// numeric dates, years and decades.
fn number_led(cx: &Cx, i: usize, bare_ok: bool) -> Option<Atom> {
    let t = cx.tok(i)?;
    if t.tk == Tk::Num {
        if let Some(a) = numeric_date(cx, i) {
            return Some(a);
        }
        if let Some(a) = day_month(cx, i) {
            return Some(a);
        }
        if let Some(a) = clock(cx, i, bare_ok) {
            return Some(a);
        }
        if let Some((ye, y)) = year_at(cx, i) {
            if !cx.sym(ye, '%')
                && !cx.is(ye, Class::Tunit)
                && !cx.is(ye, Class::Qty)
                && !cx.is(ye, Class::Cur)
                && !cx.is(ye, Class::Mag)
                && !cx.is(ye, Class::Pct)
                && !cx.identifier_before(i)
                && !(cx.sym(ye, '-')
                    && cx.glued(ye)
                    && cx.tok(ye + 1).is_some_and(|n| n.tk == Tk::Num)
                    && year_at(cx, ye + 1).is_none()
                    && cx.s(ye + 1).len() != 2)
            {
                // "2023-24", "2019/20", "2019-21": a season, fiscal year or span over years
                if (cx.sym(ye, '-') || cx.sym(ye, '/') || cx.sym(ye, '–'))
                    && cx.glued(ye)
                    && cx.glued(ye + 1)
                    && cx.num_tok(ye + 1)
                    && cx.s(ye + 1).len() == 2
                    && int_val(cx, ye + 1).is_some_and(|v| v > y % 100)
                    && !(cx.glued(ye + 2) && (cx.is_word(ye + 2) || cx.num_tok(ye + 2)))
                    && !(cx.glued(ye + 2) && (cx.sym(ye + 2, '-') || cx.sym(ye + 2, '/')))
                {
                    let mut v = year4(y);
                    v.push('/');
                    v.push_str(&year4(y / 100 * 100 + int_val(cx, ye + 1).unwrap_or(0)));
                    return span_atom(i, ye + 2, Cat::Year, Some(v));
                }
                return span_atom(i, era(cx, ye), Cat::Year, Some(year4(y)));
            }
        }
        // "14 AD", "300 B.C."
        if let Some(y) = int_val(cx, i) {
            let e = era(cx, i + 1);
            if e > i + 1 {
                return span_atom(i, e, Cat::Year, Some(year4(y)));
            }
        }
        // decades: 1990s, 90s
        if cx.glued(i + 1) && cx.word_is(i + 1, "s") {
            let v = int_val(cx, i)?;
            let l = cx.s(i).len();
            if (l == 4 && v % 10 == 0 && (1000..2200).contains(&v)) || (l == 2 && v % 10 == 0) {
                let start = if i > 0
                    && cx.glued(i)
                    && (cx.sym(i.wrapping_sub(1), '\'') || cx.sym(i.wrapping_sub(1), '’'))
                {
                    i.wrapping_sub(1)
                } else {
                    i
                };
                return Some(Atom {
                    start,
                    end: i + 2,
                    cat: Cat::Year,
                    value: Some(format!("{v}s")),
                });
            }
        }
    }
    // (digits were tried above)
    if t.tk != Tk::Num {
        if let Some(a) = day_month(cx, i) {
            return Some(a);
        }
    }
    // durations
    // "a quarter of the staff" is a fraction; "a quarter of an hour" a duration
    // ("fell by a quarter" is a share too)
    let share = cx.word_is(i + 1, "quarter")
        && (cx.word_is(i + 2, "of") || cx.word_is(i.wrapping_sub(1), "by"))
        && !((cx.word_is(i + 3, "a") || cx.word_is(i + 3, "an")) && cx.is(i + 4, Class::Tunit));
    let quarter_of = (cx.word_is(i, "a") || cx.word_is(i, "an"))
        && cx.word_is(i + 1, "quarter")
        && cx.word_is(i + 2, "of")
        && (cx.word_is(i + 3, "a") || cx.word_is(i + 3, "an"))
        && cx.is(i + 4, Class::Tunit);
    let (n, j) = if quarter_of {
        (0.25, i + 4)
    } else if (cx.word_is(i, "a") || cx.word_is(i, "an"))
        && cx.is(i + 1, Class::Tunit)
        && !cx.is(i + 2, Class::Mag)
        && !share
        // "a months-long dispute": the plural unit is an adjective's, no duration of one
        && !(cx.s(i + 1).len() > 2 && cx.s(i + 1).ends_with('s'))
    {
        // "once a year", "twice a week": a frequency
        if i > 0
            && cx
                .word_among(i.wrapping_sub(1), &["once", "twice", "thrice", "one"])
                .is_some()
        {
            return plain(i.wrapping_sub(1), i + 2, Cat::Rel);
        }
        (1.0, i + 1)
    } else if cx.word_is(i, "half") && cx.is(i + 1, Class::Tunit) {
        (0.5, i + 1)
    } else if cx.word_is(i, "a")
        && (cx.word_is(i + 1, "couple") || cx.word_is(i + 1, "few") || cx.word_is(i + 1, "pair"))
    {
        let j = if cx.word_is(i + 2, "of") {
            i + 3
        } else {
            i + 2
        };
        (if cx.word_is(i + 1, "few") { 3.0 } else { 2.0 }, j)
    } else if cx.word_is(i, "couple") || cx.word_is(i, "few") || cx.word_is(i, "several") {
        let j = if cx.word_is(i + 1, "of") {
            i + 2
        } else {
            i + 1
        };
        (if cx.word_is(i, "couple") { 2.0 } else { 3.0 }, j)
    } else {
        let p = parse_number(cx, i)?;
        if p.ordinal {
            return ordinal_led(cx, i);
        }
        let mut j = p.end;
        if cx.sym(j, '-') && cx.glued(j) && cx.glued(j + 1) {
            j += 1;
        }
        // "three-quarters of an hour"
        if p.fraction && cx.word_is(j, "of") {
            j += 1;
            if cx.word_is(j, "a") || cx.word_is(j, "an") {
                j += 1;
            }
        }
        // "two upcoming days", "7 past years"
        if cx.is(j, Class::Rel)
            && cx.is(j + 1, Class::Tunit)
            && !cx.word_is(j, "every")
            && !cx.word_is(j, "this")
            && (cx.s(j + 1).ends_with('s')
                || p.value == 1.0
                || !(cx.word_is(j, "next") || cx.word_is(j, "last")))
        {
            return plain(i, j + 2, Cat::Rel);
        }
        // "three Fridays from now"
        if cx.is(j, Class::Wday)
            && (cx.is(j + 1, Class::Ago) || (cx.word_is(j + 1, "from") && cx.word_is(j + 2, "now")))
        {
            let e = if cx.word_is(j + 1, "from") {
                j + 3
            } else {
                j + 2
            };
            return plain(i, e, Cat::Rel);
        }
        if cx.word_is(j, "more")
            || cx.word_is(j, "extra")
            || cx.word_is(j, "additional")
            || cx.word_is(j, "full")
            || cx.word_is(j, "whole")
            || cx.word_is(j, "straight")
            || cx.word_is(j, "consecutive")
        {
            j += 1;
        }
        (p.value, j)
    };
    let letter = tunit_letter(cx, j)?;
    if letter == "WE" {
        return None;
    }
    // "four night buses": a singular "night" after a count is an adjective
    if letter == "N" && n > 1.0 && !cx.s(j).ends_with('s') && !cx.sym(j.wrapping_sub(1), '-') {
        return None;
    }
    let mut e = j + 1;
    // "ten-year-old", "6 years old" are ages (quantities)
    if cx.word_is(e, "old")
        || (cx.sym(e, '-') && cx.glued(e) && cx.word_is(e + 1, "old"))
        || (cx.word_is(e, "of") && cx.word_is(e + 1, "age"))
    {
        return None;
    }
    // "2 hours and a half", "3 years 2 months 9 days"
    if cx.word_is(e, "and")
        && cx.word_is(e + 1, "a")
        && (cx.word_is(e + 2, "half") || cx.word_is(e + 2, "quarter"))
    {
        e += 3;
    } else if cx.word_is(e, "and") && cx.word_is(e + 1, "half") {
        e += 2;
    } else {
        for _ in 0..4 {
            let k = if cx.word_is(e, "and") || cx.sym(e, ',') {
                e + 1
            } else {
                e
            };
            let Some(p2) = parse_number(cx, k) else { break };
            if p2.ordinal || tunit_letter(cx, p2.end).is_none_or(|l| l == "WE") {
                break;
            }
            e = p2.end + 1;
        }
    }
    // "3 hours twenty", "1 hour forty": minutes after hours
    if e == j + 1 && matches!(letter, "H" | "M") {
        if let Some(p2) = parse_number(cx, e) {
            let plain = !p2.ordinal
                && !p2.mag
                && p2.value >= 1.0
                && p2.value < 60.0
                && p2.value.fract() == 0.0;
            if plain
                && cx
                    .tok(p2.end)
                    .is_none_or(|t| t.tk != Tk::Word || t.nl_before)
                && cx.tok(e).is_some_and(|t| !t.nl_before)
            {
                e = p2.end;
            }
        }
    }
    let dur = dur_value(n, letter);
    if let Some(dir) = cx.class(e, Class::Ago) {
        // "three years ago" is -P3Y from the reference date, "two days later" +P2D
        let sign = if dir == "past" { '-' } else { '+' };
        let value = if e == j + 1 {
            dur.map(|d| {
                let mut v = String::with_capacity(d.len() + 1);
                v.push(sign);
                v.push_str(&d);
                v
            })
        } else {
            None
        };
        return Some(Atom {
            start: i,
            end: e + 1,
            cat: Cat::Rel,
            value,
        });
    }
    if cx.word_is(e, "from") && (cx.word_is(e + 1, "now") || cx.word_is(e + 1, "today")) {
        let value = if e == j + 1 {
            dur.map(|d| ["+", d.as_str()].concat())
        } else {
            None
        };
        return Some(Atom {
            start: i,
            end: e + 2,
            cat: Cat::Rel,
            value,
        });
    }
    let value = if e == j + 1 { dur } else { None };
    Some(Atom {
        start: i,
        end: e,
        cat: Cat::Duration,
        value,
    })
}

/// `last week`, `next Monday`, `this morning`, `the past three years`, `every day`.
fn rel_led(cx: &Cx, i: usize) -> Option<Atom> {
    let r = cx.class(i, Class::Rel)?;
    let mut j = i + 1;
    if cx.is(j, Class::Rel) && !cx.word_is(j, "every") {
        j += 1; // "this past Monday", "this coming week"
    }
    // "this week-end"
    if cx.word_is(j, "week")
        && cx.sym(j + 1, '-')
        && cx.glued(j + 1)
        && cx.word_is(j + 2, "end")
        && cx.glued(j + 2)
    {
        return plain(i, j + 3, Cat::Wide);
    }
    // "next 8/23", "next 9th of October", "last Lunar New Year"
    if j == i + 1 {
        let dated = numeric_date(cx, j).or_else(|| day_month(cx, j));
        let named = if cx.is(j, Class::Holiday) || cx.is(j, Class::Hpre) {
            named_led(cx, j)
        } else {
            None
        };
        if let Some(a) = dated.or(named) {
            return plain(i, a.end, Cat::Rel);
        }
    }
    if let Some(p) = parse_number(cx, j) {
        if !p.ordinal {
            j = p.end;
        }
    } else if cx.word_is(j, "couple") || cx.word_is(j, "few") || cx.word_is(j, "several") {
        j += if cx.word_is(j + 1, "of") { 2 } else { 1 };
    }
    let qualifier = cx
        .word_among(
            j,
            &[
                "working",
                "business",
                "calendar",
                "school",
                "fiscal",
                "financial",
            ],
        )
        .is_some();
    if qualifier && cx.is(j + 1, Class::Tunit) {
        j += 1;
    }
    let month =
        month_of(cx, j).is_some() && (cx.tok(j).is_some_and(|t| t.cap) || cx.s(j).len() > 3);
    let wide = cx
        .class(j, Class::Tunit)
        .is_some_and(|l| !matches!(l, "D" | "N" | "H" | "M" | "S"));
    let cat = if wide {
        Cat::Wide
    } else if j == i + 1 && cx.word_among(j, &["night", "nights"]).is_some() {
        // "last night": a part of a day
        Cat::Daypart
    } else if cx.is(j, Class::Tunit)
        || cx.class(j, Class::Wday).is_some()
        || month
        || cx.is(j, Class::Season)
        || cx.is(j, Class::Holiday)
    {
        Cat::Rel
    } else if cx.is(j, Class::Daypart) && j == i + 1 {
        Cat::Daypart
    } else {
        return None;
    };
    let _ = r;
    Some(Atom {
        start: i,
        end: j + 1,
        cat,
        value: None,
    })
}

/// `today`, `tomorrow`, `tonight`, `the day after tomorrow`, `now` after `from`/`until`.
fn dayref_led(cx: &Cx, i: usize, chained: bool) -> Option<Atom> {
    let v: i32 = cx.class(i, Class::Dayref).and_then(|v| v.parse().ok())?;
    // "at the moment", "at present", "at the present time": the present, an idiom with its `at`
    if cx.word_is(i, "moment") || cx.word_is(i, "present") {
        let the = cx.word_is(i.wrapping_sub(1), "the");
        let at = i.wrapping_sub(1 + usize::from(the));
        // not "at the moment of impact", "at present-day prices"
        let moment = cx.word_is(i, "moment") && the && !cx.word_is(i + 1, "of");
        if cx.glued(i + 1) && cx.sym(i + 1, '-') {
            return None;
        }
        let present = cx.word_is(i, "present")
            && (if the {
                cx.word_is(i + 1, "time")
            } else {
                !cx.is_word(i + 1) || cx.is(i + 1, Class::Func)
            });
        if i > usize::from(the) && cx.word_is(at, "at") && (moment || present) {
            let end = if the && cx.word_is(i, "present") {
                i + 2
            } else {
                i + 1
            };
            return plain(at, end, Cat::Dayref);
        }
        return None;
    }
    if cx.word_is(i, "now") {
        // "from now", "until now", "right now"; "and now"/"to now" only inside a range
        let p = i.wrapping_sub(1);
        let ok = cx
            .word_among(
                p,
                &["from", "until", "till", "since", "right", "just", "between"],
            )
            .is_some()
            || (chained && (cx.word_is(p, "and") || cx.word_is(p, "to")));
        if !ok {
            return None;
        }
    }
    let cat = if cx.word_is(i, "tonight") {
        Cat::Daypart
    } else {
        Cat::Dayref
    };
    let _ = v;
    // "right now", "just now"
    let start = if cx.word_is(i, "now")
        && (cx.word_is(i.wrapping_sub(1), "right") || cx.word_is(i.wrapping_sub(1), "just"))
    {
        i.wrapping_sub(1)
    } else {
        i
    };
    Some(Atom {
        start,
        end: i + 1,
        cat,
        value: None,
    })
}

/// An era after a year: `AD`, `BC`, `BCE`, `CE`, `A.D.`, `B.C.`; returns the end.
fn era(cx: &Cx, e: usize) -> usize {
    let upper = cx.tok(e).is_some_and(|t| t.upper);
    if upper && cx.word_among(e, &["ad", "bc", "bce", "ce"]).is_some() {
        return e + 1;
    }
    // "A.D." / "a.d." / "B.C."
    let dotted = (cx.word_is(e, "a") && cx.word_is(e + 2, "d"))
        || (cx.word_is(e, "b") && cx.word_is(e + 2, "c"));
    if dotted && cx.sym(e + 1, '.') && cx.glued(e + 1) && cx.glued(e + 2) {
        return if cx.sym(e + 3, '.') && cx.glued(e + 3) {
            e + 4
        } else {
            e + 3
        };
    }
    e
}

/// `noon`, `midnight`, and `morning`/`evening`/`night` after `in the`, `at`, `this`.
fn daypart_led(cx: &Cx, i: usize, chained: bool) -> Option<Atom> {
    cx.class(i, Class::Daypart)?;
    let w = cx.s(i);
    if w.eq_ignore_ascii_case("noon")
        || w.eq_ignore_ascii_case("midnight")
        || w.eq_ignore_ascii_case("midday")
        || chained
        || (cx.word_is(i + 1, "of") && (cx.word_is(i + 2, "the") || month_of(cx, i + 2).is_some()))
    {
        return plain(i, i + 1, Cat::Daypart);
    }
    if i >= 2
        && cx.word_is(i.wrapping_sub(1), "the")
        && (cx.word_is(i.wrapping_sub(2), "in")
            || cx.word_is(i.wrapping_sub(2), "during")
            || cx.word_is(i.wrapping_sub(2), "early")
            || cx.word_is(i.wrapping_sub(2), "late")
            || cx.word_is(i.wrapping_sub(2), "overnight"))
    {
        return plain(i.wrapping_sub(2), i + 1, Cat::Daypart);
    }
    if i >= 1
        && (cx.word_is(i.wrapping_sub(1), "early")
            || cx.word_is(i.wrapping_sub(1), "late")
            || cx.word_is(i.wrapping_sub(1), "mid"))
    {
        return plain(i.wrapping_sub(1), i + 1, Cat::Daypart);
    }
    // meals: "before lunch", "at dinner"
    let meal = [
        "lunch",
        "lunchtime",
        "breakfast",
        "dinner",
        "dinnertime",
        "supper",
    ]
    .iter()
    .any(|m| w.eq_ignore_ascii_case(m));
    if meal
        && [
            "at", "before", "after", "by", "until", "till", "during", "over",
        ]
        .iter()
        .any(|p| cx.word_is(i.wrapping_sub(1), p))
    {
        return plain(i.wrapping_sub(1), i + 1, Cat::Daypart);
    }
    if meal && !chained {
        return None;
    }
    if i >= 1
        && (cx.word_is(i.wrapping_sub(1), "at") || cx.word_is(i.wrapping_sub(1), "overnight"))
        && w.eq_ignore_ascii_case("night")
    {
        return plain(i.wrapping_sub(1), i + 1, Cat::Daypart);
    }
    None
}

/// Holidays of several words; the first word is in the lexicon (`hpre`) so that it opens a scan.
/// Words are compared as the tokenizer splits them (`b'av` is `b`, `av`).
const HOLIDAY_PHRASES: &[&[&str]] = &[
    &["guy", "fawkes", "night"],
    &["bonfire", "night"],
    &["burns", "night"],
    &["simchat", "torah"],
    &["tisha", "b", "av"],
    &["tisha", "bav"],
    &["lag", "b", "omer"],
    &["lag", "baomer"],
    &["tu", "bishvat"],
    &["tu", "b", "shvat"],
    &["shemini", "atzeret"],
    &["laylat", "al", "qadr"],
    &["isra", "and", "mi", "raj"],
    &["isra", "wal", "mi", "raj"],
    &["islamic", "new", "year"],
    &["hijri", "new", "year"],
    &["dragon", "boat", "festival"],
    &["lantern", "festival"],
    &["mid", "autumn", "festival"],
    &["cinco", "de", "mayo"],
    &["holy", "week"],
    &["maundy", "thursday"],
    &["shrove", "tuesday"],
    &["mothering", "sunday"],
    &["super", "tuesday"],
    &["cyber", "monday"],
    &["ash", "wednesday"],
    &["holy", "thursday"],
    &["holy", "saturday"],
    &["whit", "sunday"],
    &["whit", "monday"],
    &["lazarus", "saturday"],
    &["clean", "monday"],
    &["earth", "hour"],
    &["bakr", "id"],
    &["bakri", "id"],
    &["jumu", "atul", "wida"],
    &["jamat", "ul", "vida"],
    &["jamshedi", "navroz"],
    &["parsi", "new", "year"],
    &["chhoti", "holi"],
    &["krishna", "janmashtami"],
    // English names of religious feasts
    &["sacrifice", "feast"],
    &["feast", "of", "sacrifice"],
    &["feast", "of", "the", "sacrifice"],
    &["feast", "of", "tabernacles"],
    &["feast", "of", "booths"],
    &["feast", "of", "ingathering"],
    &["feast", "of", "the", "ingathering"],
    &["feast", "of", "weeks"],
    &["feast", "of", "lots"],
    &["feast", "of", "the", "assumption"],
];

/// A holiday of several words at `i` (see [`HOLIDAY_PHRASES`]); returns its end.
fn holiday_phrase(cx: &Cx, i: usize) -> Option<usize> {
    let len = cx.s(i).len();
    'phrases: for p in HOLIDAY_PHRASES {
        if !p
            .first()
            .is_some_and(|w| w.len() == len && cx.word_is(i, w))
        {
            continue;
        }
        let mut k = i + 1;
        for w in p.iter().skip(1) {
            // glued apostrophes and hyphens inside a name: "b'av", "al-qadr", "mid-autumn"
            if cx.glued(k)
                && (cx.sym(k, '\'') || cx.sym(k, '’') || cx.sym(k, '-'))
                && cx.glued(k + 1)
            {
                k += 1;
            }
            if !cx.word_is(k, w) || cx.tok(k).is_some_and(|t| t.nl_before) {
                continue 'phrases;
            }
            k += 1;
        }
        return Some(k);
    }
    None
}

/// A holiday named by a suffix word (`Buddha Purnima`, `Ganesh Chaturthi`, `Durga Puja`): the
/// one to three name words before it; returns the start.
fn holiday_suffix_start(cx: &Cx, i: usize) -> Option<usize> {
    let cap = cx.tok(i)?.cap;
    let mut s = i;
    while s > 0 && i - s < 3 {
        let k = s - 1;
        let Some(t) = cx.tok(k) else { break };
        let name_word = t.tk == Tk::Word
            && !cx.tok(s).is_some_and(|n| n.nl_before)
            && (t.entries().is_empty() || cx.is(k, Class::Hpre) || cx.is(k, Class::Holiday))
            && (t.cap || !cap)
            && !cx.s(k).ends_with("ed");
        if !name_word {
            break;
        }
        s = k;
    }
    (s < i).then_some(s)
}

/// `Martin Luther King Day`, `King's Day`, `International Nurses' Day`, `World AIDS Day`,
/// `Heritage Day 2019`: capitalised words before `Day`; returns the start.
fn day_named_start(cx: &Cx, i: usize) -> Option<usize> {
    let day_cap = cx.tok(i)?.cap;
    // not "Day-Lewis", "Day 3"
    if (cx.sym(i + 1, '-') && cx.glued(i + 1))
        || (cx.num_tok(i + 1) && year_at(cx, i + 1).is_none())
    {
        return None;
    }
    let mut k = i.checked_sub(1)?;
    let mut possessive = false;
    if cx.sym(k, '\'') || cx.sym(k, '’') {
        possessive = true;
        k = k.checked_sub(1)?;
    } else if cx.word_is(k, "s") && k >= 1 && (cx.sym(k - 1, '\'') || cx.sym(k - 1, '’')) {
        possessive = true;
        k = k.checked_sub(2)?;
    }
    let mut s = i;
    let mut words = 0;
    let mut j = k;
    while let Some(t) = cx.tok(j) {
        let abbrev_dot = cx
            .word_among(j.wrapping_sub(1), &["jr", "sr", "st"])
            .is_some();
        if t.tk == Tk::Sym && t.ch == '.' && j > 0 && cx.glued(j) && abbrev_dot {
            // "Jr. Day", "St. Patrick's Day"
            j = j.saturating_sub(1);
            continue;
        }
        let ok = t.tk == Tk::Word
            && t.cap
            && !cx.is(j, Class::Func)
            && !cx.is(j, Class::Rel)
            && !cx.is(j, Class::Ord);
        if !ok || words >= 4 {
            break;
        }
        words += 1;
        s = j;
        if j == 0 || t.nl_before {
            break;
        }
        j -= 1;
    }
    if words == 0 {
        return None;
    }
    let opener = cx
        .word_among(s, &["world", "international", "national", "global"])
        .is_some();
    let year_after = year_at(cx, i + 1).is_some();
    let ok = if day_cap {
        possessive || opener || words >= 2 || year_after
    } else {
        words >= 3
    };
    ok.then_some(s)
}

/// Whether [`named_led`] may match at `i`: every branch of it starts with one of these words
/// or classes (a cheap test: most words it is tried on are none of them).
#[inline]
fn may_name(cx: &Cx, i: usize) -> bool {
    const NAMED: u32 = Class::Hpre.bit() | Class::Holiday.bit() | Class::Season.bit();
    cx.tok(i).is_some_and(|t| {
        t.is_any(NAMED)
            || match t.end - t.start {
                1 => cx.word_is(i, "q") || cx.word_is(i, "h"),
                3 => {
                    cx.word_is(i, "day")
                        || cx.word_is(i, "new")
                        || (t.upper && cx.word_among(i, &["eod", "eom", "eoq", "eoy"]).is_some())
                }
                4 => cx.word_is(i, "same") || cx.word_is(i, "year"),
                _ => false,
            }
    })
}

/// `Christmas`, `Christmas Eve`, `Easter 2016`, `New Year's Day`, `Q1`, `summer 2020`.
fn named_led(cx: &Cx, i: usize) -> Option<Atom> {
    if !may_name(cx, i) {
        return None;
    }
    // "the same day", "the same year"
    if cx.word_is(i, "same")
        && cx.word_is(i.wrapping_sub(1), "the")
        && cx
            .class(i + 1, Class::Tunit)
            .is_some_and(|l| matches!(l, "D" | "W" | "MO" | "Y" | "N" | "WE"))
    {
        return plain(i, i + 2, Cat::Rel);
    }
    // "year to date" (finance)
    if cx.word_is(i, "year") && cx.word_is(i + 1, "to") && cx.word_is(i + 2, "date") {
        return plain(i, i + 3, Cat::Rel);
    }
    // "by EOD", "the EOY": end of day / month / quarter / year
    if cx.tok(i).is_some_and(|t| t.upper)
        && cx.word_among(i, &["eod", "eom", "eoq", "eoy"]).is_some()
    {
        return plain(i, i + 1, Cat::Rel);
    }
    if cx.is(i, Class::Hpre) {
        if let Some(e) = holiday_phrase(cx, i) {
            let (ye, _) = opt_year(cx, e);
            return plain(i, ye, Cat::Holiday);
        }
        // "Yom Kippur", "Yom HaShoah": `yom` is Hebrew for day
        if cx.word_is(i, "yom")
            && cx.is_word(i + 1)
            && !cx.is(i + 1, Class::Func)
            && cx
                .tok(i + 1)
                .is_some_and(|t| t.cap || !cx.tok(i).is_some_and(|y| y.cap))
        {
            let (ye, _) = opt_year(cx, i + 2);
            return plain(i, ye, Cat::Holiday);
        }
    }
    if cx.word_is(i, "day") {
        if let Some(s) = day_named_start(cx, i) {
            let (ye, _) = opt_year(cx, i + 1);
            return plain(s, ye, Cat::Holiday);
        }
    }
    if cx.class(i, Class::Holiday) == Some("sfx") {
        let s = holiday_suffix_start(cx, i)?;
        let (ye, _) = opt_year(cx, i + 1);
        return plain(s, ye, Cat::Holiday);
    }
    // Holidays whose names are also everyday words ("the bank lent", "the advent of radio",
    // "an epiphany") count only when capitalised.
    if cx.is(i, Class::Holiday)
        && cx.word_among(i, &["lent", "advent", "epiphany"]).is_some()
        && !cx.tok(i).is_some_and(|t| t.cap)
        && !matches!(opt_year(cx, i + 1), (ye, Some(_)) if cx.tok(ye).is_none_or(|t| t.tk == Tk::Sym))
    {
        return None;
    }
    if cx.is(i, Class::Holiday) {
        let mut e = i + 1;
        // "Eid al-Fitr", "Eid ul-Adha"
        let mut guard = 0;
        while guard < 4 {
            guard += 1;
            let k = if cx.word_is(e, "al")
                || cx.word_is(e, "ul")
                || cx.word_is(e, "el")
                || (cx.word_is(e, "an") && cx.sym(e + 1, '-'))
            {
                if cx.sym(e + 1, '-') {
                    e + 2
                } else {
                    e + 1
                }
            } else {
                e
            };
            if cx.is(k, Class::Holiday) {
                e = k + 1;
            } else if k == e + 2 && cx.glued(k) && cx.is_word(k) && !cx.is(k, Class::Func) {
                // "Mawlid an-Nabi": an Arabic article and a name, hyphenated
                e = k + 1;
            } else {
                break;
            }
        }
        if cx.word_is(e, "day")
            || cx.word_is(e, "eve")
            || cx.word_is(e, "sunday")
            || cx.word_is(e, "monday")
        {
            e += 1;
        }
        let (mut ye, _) = opt_year(cx, e);
        if cx.word_is(ye, "weekend") {
            ye += 1;
        }
        return plain(i, ye, Cat::Holiday);
    }
    if cx.is(i, Class::Hpre) && !cx.word_is(i, "new") {
        let mut e = i + 1;
        if (cx.sym(e, '\'') || cx.sym(e, '’')) && cx.word_is(e + 1, "s") {
            e += 2;
        }
        // "a good day", "a black day for the town": an everyday adjective before a lower-case
        // "day" names no holiday (Good Friday and Black Friday keep theirs)
        let everyday = cx.tok(i).is_some_and(|t| !t.cap)
            && cx
                .word_among(i, &["good", "black", "holy", "clean", "super"])
                .is_some();
        let named = (cx.word_is(e, "day") && !everyday)
            || cx.word_is(e, "friday")
            || cx.word_is(e, "sunday")
            || cx.word_is(e, "monday")
            || cx.word_is(e, "eve");
        if named || cx.is(e, Class::Holiday) {
            let e = if cx.is(e, Class::Holiday)
                && (cx.word_is(e + 1, "day") || cx.word_is(e + 1, "eve"))
            {
                e + 2
            } else {
                e + 1
            };
            let (mut ye, _) = opt_year(cx, e);
            if cx.word_is(ye, "weekend") {
                ye += 1;
            }
            return plain(i, ye, Cat::Holiday);
        }
        if cx.word_is(e, "new") && (cx.word_is(e + 1, "year") || cx.word_is(e + 1, "years")) {
            return plain(i, e + 2, Cat::Holiday);
        }
        return None;
    }
    let apostrophe_s = |k: usize| (cx.sym(k, '\'') || cx.sym(k, '’')) && cx.word_is(k + 1, "s");
    if cx.word_is(i, "new")
        && cx.word_is(i + 1, "year")
        && (cx.tok(i).is_some_and(|t| t.cap)
            || (apostrophe_s(i + 2) && (cx.word_is(i + 4, "day") || cx.word_is(i + 4, "eve"))))
    {
        let mut e = i + 2;
        if (cx.sym(e, '\'') || cx.sym(e, '’')) && cx.word_is(e + 1, "s") {
            e += 2;
        }
        if cx.word_is(e, "day") || cx.word_is(e, "eve") {
            e += 1;
        }
        return plain(i, e, Cat::Holiday);
    }
    if cx.is(i, Class::Season) {
        let (ye, y) = opt_year(cx, i + 1);
        if y.is_some() {
            return plain(i, ye, Cat::MonthDay);
        }
        // "in the summer", "throughout the whole winter", "during spring"; not "the fall of Rome"
        let p1 = i.wrapping_sub(1);
        let p2 = i.wrapping_sub(2);
        let p3 = i.wrapping_sub(3);
        let opener = |k: usize| {
            cx.word_among(
                k,
                &[
                    "in",
                    "during",
                    "over",
                    "throughout",
                    "through",
                    "until",
                    "since",
                    "all",
                ],
            )
            .is_some()
        };
        let whole = cx.word_is(p1, "whole") || cx.word_is(p1, "entire");
        let framed = (cx.word_is(p1, "the") && opener(p2))
            || (whole && cx.word_is(p2, "the") && opener(p3))
            || (opener(p1) && !cx.word_is(i, "fall") && !cx.word_is(i, "spring"));
        let of_after = cx.word_is(i + 1, "of");
        if framed && !of_after && !(cx.glued(i + 1) && cx.is_word(i + 1)) {
            return plain(i, i + 1, Cat::MonthDay);
        }
        return None;
    }
    if (cx.word_is(i, "q") || cx.word_is(i, "h")) && cx.glued(i + 1) {
        let q = int_val(cx, i + 1)?;
        let max = if cx.word_is(i, "q") { 4 } else { 2 };
        if (1..=max).contains(&q)
            && cx.s(i + 1).len() == 1
            && !(cx.glued(i + 2) && cx.is_word(i + 2))
        {
            let (ye, _) = opt_year(cx, i + 2);
            return plain(i, ye, Cat::MonthDay);
        }
    }
    None
}

/// `first quarter`, `the second week of May`, `the first Monday of next month`.
fn ordinal_led(cx: &Cx, i: usize) -> Option<Atom> {
    let p = parse_number(cx, i)?;
    if !p.ordinal {
        return None;
    }
    let mut j = p.end;
    // "the first half of 2023", "the second half of this year"
    if cx.word_is(j, "half") && (1.0..=2.0).contains(&p.value) && cx.word_is(j + 1, "of") {
        let k = j + 2;
        let period = year_at(cx, k).is_some()
            || (cx.word_among(k, &["the", "this", "next", "last"]).is_some()
                && cx.is(k + 1, Class::Tunit))
            || (cx.is(k, Class::Rel) && cx.is(k + 1, Class::Tunit));
        if period {
            return plain(i, j + 1, Cat::MonthDay);
        }
    }
    if let Some(p2) = parse_number(cx, j) {
        if !p2.ordinal {
            j = p2.end;
        }
    }
    if !(cx.is(j, Class::Tunit) || cx.is(j, Class::Wday)) || cx.word_is(j, "second") {
        return None;
    }
    plain(i, j + 1, Cat::MonthDay)
}

/// An hour 1–12 (or 0–23 in digits) at `i`: its value and end.
fn hour_at(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    if cx.word_is(i, "noon") || cx.word_is(i, "midday") {
        return Some((12, i + 1));
    }
    if cx.word_is(i, "midnight") {
        return Some((0, i + 1));
    }
    let p = parse_number(cx, i)?;
    if p.ordinal || p.mag || p.fraction || p.value.fract() != 0.0 {
        return None;
    }
    // "7:30" is a clock of its own
    if cx.glued(p.end) && (cx.sym(p.end, ':') || cx.sym(p.end, '.')) && cx.num_tok(p.end + 1) {
        return None;
    }
    let h = p.value as u32;
    let max = if p.words { 12 } else { 23 };
    (h <= max && (h >= 1 || !p.words)).then_some((h, p.end))
}

/// `ten past nine`, `half past 6`, `a quarter to five`, `25 past 4pm`.
fn past_to(cx: &Cx, i: usize) -> Option<Atom> {
    // minutes
    let mut named_m = true;
    let (m, mut k) = if cx.word_is(i, "half") {
        (30, i + 1)
    } else if cx.word_is(i, "quarter") {
        (15, i + 1)
    } else if cx.word_is(i, "a") && cx.word_is(i + 1, "quarter") {
        (15, i + 2)
    } else {
        let p = parse_number(cx, i)?;
        if p.ordinal || p.mag || p.fraction || p.value.fract() != 0.0 || p.value < 1.0 {
            return None;
        }
        if p.value > 59.0 || (!p.words && cx.s(i).len() > 2) {
            return None;
        }
        named_m = p.words && matches!(p.value as u32, 5 | 10 | 20 | 25);
        (p.value as u32, p.end)
    };
    if cx.word_is(k, "minutes") || cx.word_is(k, "mins") || cx.word_is(k, "minute") {
        named_m = true;
        k += 1;
    }
    let past = cx.word_is(k, "past") || cx.word_is(k, "after");
    let to = cx.word_is(k, "to");
    if !past && !to {
        return None;
    }
    // "from ten to twelve" is a range; "ten to twelve" a clock only with a usual minute count
    let ranged = i > 0 && (cx.word_is(i - 1, "from") || cx.word_is(i - 1, "between"));
    if to && (ranged || !named_m) {
        return None;
    }
    if cx.word_is(k, "after") && !cx.is(k + 2, Class::Ampm) && !cx.glued(k + 2) {
        return None;
    }
    let (h, mut e) = hour_at(cx, k + 1)?;
    if to && m > 30 {
        return None;
    }
    let mut hour = h;
    let ampm = cx.class(e, Class::Ampm);
    if let Some(ap) = ampm {
        if h > 12 {
            return None;
        }
        if ap == "pm" && h < 12 {
            hour += 12;
        }
        e += 1;
    } else if cx.glued(e) && cx.is_word(e) {
        return None;
    }
    let oclock = cx.word_is(e, "oclock")
        || (cx.word_is(e, "o")
            && (cx.sym(e + 1, '\'') || cx.sym(e + 1, '’'))
            && cx.word_is(e + 2, "clock"));
    let daypart_after =
        (cx.word_is(e, "in") && cx.word_is(e + 1, "the") && cx.is(e + 2, Class::Daypart))
            || (cx.word_is(e, "at") && cx.word_is(e + 1, "night"))
            || cx.is(e, Class::Dayref);
    let named =
        cx.word_is(k + 1, "noon") || cx.word_is(k + 1, "midnight") || cx.word_is(k + 1, "midday");
    let at_before = i > 0
        && cx
            .word_among(
                i - 1,
                &[
                    "at", "by", "until", "till", "from", "around", "about", "before", "after",
                    "since",
                ],
            )
            .is_some();
    // "ten to twelve people", "5 after 2 years": only a clock when something says so
    let clocky = ampm.is_some() || oclock || daypart_after || named || at_before;
    let words_or_half = cx.is_word(i) && cx.is_word(k + 1);
    if !(clocky || (past && words_or_half)) {
        return None;
    }
    if cx.is(e, Class::Tunit) || cx.is(e, Class::Qty) || cx.is(e, Class::Cur) {
        return None;
    }
    if oclock {
        e += if cx.word_is(e, "oclock") { 1 } else { 3 };
    }
    let (hh, mm) = if past {
        (hour, m)
    } else {
        ((hour + 23) % 24, 60 - m)
    };
    let e = tz(cx, e);
    span_atom(i, e, Cat::Time, Some(hhmm(hh, mm)))
}

/// An atom that counts only when the chain goes on: a bare hour (`4` in `4 to 5pm`) or a bare
/// ordinal day (`21st` in `from 21st to the 23rd of October`).
fn weak_atom(cx: &Cx, i: usize) -> Option<Atom> {
    let t = cx.tok(i)?;
    if t.tk == Tk::Num {
        if let Some(a) = clock(cx, i, true) {
            return Some(a);
        }
    }
    let p = parse_number(cx, i)?;
    if p.ordinal && p.value >= 1.0 && p.value <= 31.0 {
        return plain(i, p.end, Cat::MonthDay);
    }
    if p.words && !p.ordinal && p.value >= 1.0 && p.value <= 12.0 && p.value.fract() == 0.0 {
        if cx.word_is(p.end, "oclock") {
            return plain(i, p.end + 1, Cat::Time);
        }
        if cx.word_is(p.end, "o")
            && (cx.sym(p.end + 1, '\'') || cx.sym(p.end + 1, '’'))
            && cx.word_is(p.end + 2, "clock")
        {
            return plain(i, p.end + 3, Cat::Time);
        }
        // "five forty", "four fifteen"
        if let Some(m) = parse_number(cx, p.end) {
            if m.words && !m.ordinal && (10.0..60.0).contains(&m.value) && m.value.fract() == 0.0 {
                return plain(i, m.end, Cat::Time);
            }
        }
        return plain(i, p.end, Cat::Bare);
    }
    None
}

/// One atom at token `i`. `chained` allows bare day parts and (with `bare_ok`) bare hours.
/// Token `i` opens a tally after a verb of voting or scoring: two counts joined by a hyphen
/// ("voted 7-2", "won 3-1", "passed 5-4").
fn tally(cx: &Cx, i: usize) -> bool {
    cx.sym(i + 1, '-')
        && cx.glued(i + 1)
        && cx.glued(i + 2)
        && cx.tok(i + 2).is_some_and(|t| t.tk == Tk::Num)
        && i > 0
        && cx
            .word_among(
                i - 1,
                &[
                    "voted", "vote", "votes", "won", "win", "wins", "lost", "lose", "loses",
                    "beat", "beats", "passed", "approved", "rejected", "defeated", "leads", "led",
                    "trailed",
                ],
            )
            .is_some()
}

fn atom(cx: &Cx, i: usize, chained: bool, bare_ok: bool) -> Option<Atom> {
    let t = cx.tok(i)?;
    if matches!(t.tk, Tk::Num | Tk::Word) {
        if let Some(a) = past_to(cx, i) {
            return Some(a);
        }
    }
    match t.tk {
        Tk::Num => number_led(cx, i, bare_ok),
        Tk::Word => {
            // a word that is only a holiday word (or also a function word: "new", "same") opens
            // nothing but a holiday name: none of the words tested below is one
            if t.is(Class::Hpre) && !t.is_any(!(Class::Hpre.bit() | Class::Func.bit())) {
                return named_led(cx, i);
            }
            if t.entries().is_empty() {
                return if t.end - t.start == 1 {
                    named_led(cx, i)
                } else {
                    None
                };
            }
            if cx.is(i, Class::Month) {
                if let Some(a) = month_led(cx, i) {
                    return Some(a);
                }
            }
            if cx.is(i, Class::Wday) {
                if let Some(a) = wday_led(cx, i) {
                    return Some(a);
                }
            }
            if cx.is(i, Class::Rel) {
                if let Some(a) = rel_led(cx, i) {
                    return Some(a);
                }
            }
            if cx.is(i, Class::Dayref) {
                return dayref_led(cx, i, chained);
            }
            // "at the minute" (British): the present
            if cx.word_is(i, "minute")
                && i >= 2
                && cx.word_is(i - 1, "the")
                && cx.word_is(i - 2, "at")
                && (!cx.is_word(i + 1) || cx.is(i + 1, Class::Func))
                && !cx.word_is(i + 1, "of")
            {
                return plain(i - 2, i + 1, Cat::Dayref);
            }
            // "the weekend", "any weekend", "the week of", "end of year"
            let the_of = i > 0
                && cx.word_is(i.wrapping_sub(1), "the")
                && cx.word_is(i + 1, "of")
                && cx.is(i, Class::Tunit)
                && !cx.word_is(i, "second")
                && !(cx.word_is(i, "year") && year_at(cx, i + 2).is_some());
            if the_of
                || (cx.word_is(i, "weekend")
                    && i > 0
                    && (cx.word_is(i.wrapping_sub(1), "the")
                        || cx.word_is(i.wrapping_sub(1), "any")))
            {
                return plain(i.wrapping_sub(1), i + 1, Cat::Rel);
            }
            // "week 10"
            if cx.word_is(i, "week")
                && int_val(cx, i + 1).is_some_and(|w| (1..=53).contains(&w))
                && cx.s(i + 1).len() <= 2
            {
                return plain(i, i + 2, Cat::Rel);
            }
            if cx.word_is(i, "day")
                && (cx.word_is(i + 1, "before") || cx.word_is(i + 1, "after"))
                && cx.is(i + 2, Class::Dayref)
            {
                return plain(i, i + 3, Cat::Dayref);
            }
            if cx.word_is(i, "year") {
                if let Some((ye, y)) = year_at(cx, i + 1) {
                    let start = if i > 0
                        && cx
                            .word_among(
                                i.wrapping_sub(1),
                                &[
                                    "calendar",
                                    "fiscal",
                                    "financial",
                                    "school",
                                    "academic",
                                    "tax",
                                ],
                            )
                            .is_some()
                    {
                        i.wrapping_sub(1)
                    } else {
                        i
                    };
                    return Some(Atom {
                        start,
                        end: ye,
                        cat: Cat::Year,
                        value: Some(year4(y)),
                    });
                }
            }
            if cx.is(i, Class::Tunit)
                && i >= 2
                && cx.word_is(i.wrapping_sub(1), "the")
                && (cx.word_is(i.wrapping_sub(2), "of") || cx.word_is(i.wrapping_sub(2), "by"))
                && !cx.word_is(i, "second")
            {
                return plain(i.wrapping_sub(1), i + 1, Cat::Rel);
            }
            // "for the month", "during the week", "all week"
            let whole = cx
                .word_among(
                    i,
                    &[
                        "week",
                        "month",
                        "year",
                        "fortnight",
                        "weekend",
                        "day",
                        "night",
                    ],
                )
                .is_some();
            if whole {
                let p1 = i.wrapping_sub(1);
                let p2 = i.wrapping_sub(2);
                if cx.word_is(p1, "all") {
                    return plain(p1, i + 1, Cat::Rel);
                }
                let opener = cx
                    .word_among(p2, &["for", "during", "over", "throughout"])
                    .is_some();
                if cx.word_is(p1, "the") && opener && !cx.is_word(i + 1) {
                    return plain(p1, i + 1, Cat::Rel);
                }
            }
            // "end of year", "start of month"
            if cx.is(i, Class::Tunit)
                && i >= 2
                && cx.word_is(i.wrapping_sub(1), "of")
                && cx
                    .word_among(i.wrapping_sub(2), &["end", "start", "beginning", "middle"])
                    .is_some()
                && !cx.word_is(i, "second")
            {
                return plain(i, i + 1, Cat::Rel);
            }
            if cx.is(i, Class::Daypart) {
                return daypart_led(cx, i, chained);
            }
            // "daily", "weekly", "bi-monthly"
            if let Some(v) = cx.class(i, Class::Freq) {
                let start = if cx.word_is(i.wrapping_sub(2), "bi")
                    && cx.sym(i.wrapping_sub(1), '-')
                    && cx.glued(i)
                {
                    i.wrapping_sub(2)
                } else {
                    i
                };
                return Some(Atom {
                    start,
                    end: i + 1,
                    cat: Cat::Rel,
                    value: Some(v.to_string()),
                });
            }
            if let Some(a) = named_led(cx, i) {
                return Some(a);
            }
            if cx.is(i, Class::Ord) {
                if let Some(a) = ordinal_led(cx, i).or_else(|| day_month(cx, i)) {
                    return Some(a);
                }
            }
            // "at five am", "eleven forty pm"
            if cx.is(i, Class::Unit) || cx.is(i, Class::Tens) {
                if let Some(p) = parse_number(cx, i) {
                    let h = p.value;
                    let mut e = p.end;
                    if let Some(m) = parse_number(cx, e)
                        .filter(|m| m.words && !m.ordinal && (10.0..60.0).contains(&m.value))
                    {
                        e = m.end;
                    }
                    let at_clock =
                        e > p.end && cx.word_is(i.wrapping_sub(1), "at") && !cx.is_word(e);
                    if p.words
                        && !p.ordinal
                        && (1.0..=12.0).contains(&h)
                        && h.fract() == 0.0
                        && at_clock
                    {
                        return plain(i, e, Cat::Time);
                    }
                    if p.words
                        && !p.ordinal
                        && (1.0..=12.0).contains(&h)
                        && h.fract() == 0.0
                        && cx.is(e, Class::Ampm)
                    {
                        return plain(i, e + 1, Cat::Time);
                    }
                }
            }
            if cx.is(i, Class::Unit)
                || cx.is(i, Class::Tens)
                || cx.is(i, Class::Mag)
                || cx.is(i, Class::Frac)
                || cx.is(i, Class::Func)
                || cx.word_is(i, "couple")
            {
                if let Some(a) = number_led(cx, i, false) {
                    if a.cat != Cat::Year && a.cat != Cat::Numeric {
                        return Some(a);
                    }
                }
            }
            if bare_ok && chained {
                return weak_atom(cx, i);
            }
            None
        }
        _ => {
            if (t.ch == '\'' || t.ch == '’') && cx.glued(i + 1) {
                let a = number_led(cx, i + 1, false)?;
                if a.cat == Cat::Year && a.start == i {
                    return Some(a);
                }
            }
            None
        }
    }
}

/// The categories of a chain's atoms: at most 17 (one plus the chain's 16 steps), kept on the
/// stack.
struct Cats {
    buf: [Cat; 18],
    lo: usize,
    hi: usize,
}

impl Cats {
    fn new(first: Cat) -> Self {
        let mut buf = [Cat::Bare; 18];
        buf[0] = first;
        Cats { buf, lo: 0, hi: 1 }
    }
    fn as_slice(&self) -> &[Cat] {
        self.buf.get(self.lo..self.hi).unwrap_or(&[])
    }
    fn len(&self) -> usize {
        self.hi - self.lo
    }
    fn last(&self) -> Option<&Cat> {
        self.as_slice().last()
    }
    fn get(&self, k: usize) -> Option<&Cat> {
        self.as_slice().get(k)
    }
    fn iter(&self) -> std::slice::Iter<'_, Cat> {
        self.as_slice().iter()
    }
    fn push(&mut self, c: Cat) {
        if let Some(slot) = self.buf.get_mut(self.hi) {
            *slot = c;
            self.hi += 1;
        }
    }
    fn remove_first(&mut self) {
        if self.lo < self.hi {
            self.lo += 1;
        }
    }
}

const CONNECTORS: &[&str] = &[
    "at",
    "on",
    "of",
    "the",
    "in",
    "from",
    "to",
    "through",
    "thru",
    "till",
    "until",
    "around",
    "about",
    "by",
    "before",
    "after",
    "for",
    "between",
    "past",
    "starting",
    "beginning",
    "since",
];
const RANGE_WORDS: &[&str] = &[
    "to",
    "through",
    "thru",
    "till",
    "until",
    "and",
    "from",
    "at",
    "around",
    "about",
    "by",
    "before",
    "after",
    "between",
    "past",
    "starting",
    "beginning",
];

/// Tries a temporal expression at token `i` (not starting before token `floor`).
pub(super) fn at(cx: &Cx, i: usize, floor: usize) -> Option<Hit> {
    // "voted 7-2 on Tuesday", "won 3-1": a tally is two counts, no clock or calendar range
    if tally(cx, i) {
        return None;
    }
    let (mut first, weak) = match atom(cx, i, false, false) {
        Some(a) => (a, false),
        None => (weak_atom(cx, i)?, true),
    };
    if first.start < floor {
        return None;
    }
    let mut start = first.start;
    let mut end = first.end;
    let mut cats = Cats::new(first.cat);
    let value = first.value.take();
    if first.cat == Cat::Holiday {
        start = holiday_prefix(cx, start, floor);
    }
    // prefixes
    start = prefix(cx, start, floor);
    let mut between = cx.word_is(start, "between");
    // chain
    let mut guard = 0;
    loop {
        guard += 1;
        if guard > 16 {
            break;
        }
        let mut k = end;
        if cx.tok(k).is_some_and(|t| t.nl_before) {
            break;
        }
        let comma = cx.sym(k, ',');
        if comma {
            k += 1;
        }
        let mut bare_ok = false;
        let mut ranged = false;
        let mut nconn = 0;
        // "next year's third quarter"
        let prev_cat = cats.last().copied().unwrap_or(Cat::Bare);
        if !comma
            && (cx.sym(k, '\'') || cx.sym(k, '’'))
            && cx.glued(k)
            && cx.word_is(k + 1, "s")
            && matches!(prev_cat, Cat::Wide | Cat::Rel | Cat::Year)
            && cx.is(k + 2, Class::Ord)
        {
            k += 2;
            nconn += 1;
        }
        // "daily until March": a frequency does not join the date that bounds it
        if cats.len() == 1 && cx.is(end.wrapping_sub(1), Class::Freq) {
            break;
        }
        while nconn < 2 {
            let is_dash = cx.sym(k, '-') || cx.sym(k, '–') || cx.sym(k, '—') || cx.sym(k, '@');
            if is_dash {
                bare_ok = true;
                ranged = true;
                k += 1;
                nconn += 1;
                continue;
            }
            // "later than 9", "no later than Friday"
            if (cx.word_is(k, "later") || cx.word_is(k, "earlier")) && cx.word_is(k + 1, "than") {
                bare_ok = true;
                ranged = true;
                k += 2;
                nconn += 1;
                continue;
            }
            if cx.word_is(k, "between") {
                between = true;
            }
            let known = cx
                .tok(k)
                .is_some_and(|t| t.tk == Tk::Word && !t.entries().is_empty())
                || cx.word_is(k, "starting")
                || cx.word_is(k, "beginning")
                || cx.word_is(k, "thru");
            let Some(w) = known.then(|| cx.word_among(k, CONNECTORS)).flatten() else {
                if between && cx.word_is(k, "and") {
                    bare_ok = true;
                    ranged = true;
                    k += 1;
                    nconn += 1;
                    continue;
                }
                break;
            };
            if comma && !matches!(w, "at" | "from" | "between") {
                break;
            }
            if RANGE_WORDS.contains(&w) {
                bare_ok = true;
                ranged = true;
            }
            k += 1;
            nconn += 1;
        }
        // "... and the end of 2011"
        if cx
            .word_among(k, &["end", "beginning", "start", "middle"])
            .is_some()
            && cx.word_is(k + 1, "of")
        {
            k += 2;
            if cx.word_is(k, "the") {
                k += 1;
            }
        }
        if k == end && cx.tok(k).is_some_and(|t| t.nl_before) {
            break;
        }
        let prev = cats.last().copied().unwrap_or(Cat::Bare);
        // "Tuesday 2-6": a bare hour range right after a day
        let day_range = nconn == 0
            && matches!(prev, Cat::Wday | Cat::Dayref | Cat::MonthDay | Cat::Rel)
            && cx.num_tok(k)
            && cx.sym(k + 1, '-')
            && cx.glued(k + 1)
            && cx.num_tok(k + 2);
        let bare = bare_ok || matches!(prev, Cat::Time | Cat::Bare) || day_range;
        let next = atom(cx, k, true, bare).or_else(|| {
            // "the week of the 24th": a day of the month after "of the"
            if cx.word_is(k.wrapping_sub(1), "the") && cx.word_is(k.wrapping_sub(2), "of") {
                return weak_atom(cx, k).filter(|a| a.cat == Cat::MonthDay && cx.num_tok(a.start));
            }
            // "Saturday early morning"
            if cx.word_is(k, "early") || cx.word_is(k, "late") {
                atom(cx, k + 1, true, bare)
                    .filter(|a| cx.is(a.start, Class::Daypart))
                    .map(|a| Atom { start: k, ..a })
            } else if cx.word_is(k, "right") || cx.word_is(k, "just") {
                // "from right now"
                atom(cx, k + 1, true, bare).filter(|a| a.start == k)
            } else {
                None
            }
        });
        let Some(next) = next else {
            break;
        };
        if next.start < end || next.end <= k {
            break;
        }
        // keep lists apart: "Friday, Saturday", "2014, 2015"
        let via_of = nconn > 0 && cx.word_is(end + usize::from(comma), "of");
        if !ranged
            && !via_of
            && (next.cat == prev
                || (comma
                    && nconn == 0
                    && !matches!(
                        next.cat,
                        Cat::Year | Cat::MonthDay | Cat::Numeric | Cat::Time
                    )))
            && !(prev == Cat::Wday && next.cat == Cat::MonthDay)
        {
            break;
        }
        // after a bare comma a date joins only what it completes: "Friday, February 24",
        // "tomorrow, 17/09/22"; not a second date of a list ("10/14, 16 of Oct")
        if comma
            && nconn == 0
            && matches!(next.cat, Cat::MonthDay | Cat::Numeric)
            && !matches!(prev, Cat::Wday | Cat::Dayref | Cat::Holiday | Cat::Rel)
        {
            break;
        }
        let clockish = |c: Cat| matches!(c, Cat::Time | Cat::Daypart | Cat::Bare);
        let anchored = cats
            .iter()
            .any(|c| matches!(c, Cat::Wday | Cat::MonthDay | Cat::Rel | Cat::Dayref));
        if (prev == Cat::Wide && clockish(next.cat))
            || (next.cat == Cat::Wide && clockish(prev) && !anchored)
        {
            break;
        }
        let via_in = nconn > 0 && cx.word_is(k.wrapping_sub(1), "in");
        if next.cat == Cat::Duration && prev != Cat::Duration && !ranged && !via_in {
            break;
        }
        if weak && cats.len() == 1 {
            let ok = match prev {
                Cat::Time | Cat::Bare => {
                    (matches!(next.cat, Cat::Time | Cat::Daypart | Cat::Dayref | Cat::Bare)
                        && (ranged
                            || next.start + 3 == next.end
                            || (nconn == 0
                                && (next.cat == Cat::Dayref
                                    || cx
                                        .word_among(next.start, &["noon", "midnight", "tonight"])
                                        .is_some()))))
                        || (next.cat == Cat::MonthDay && ranged && first.end == first.start + 1)
                        || (matches!(next.cat, Cat::Wide | Cat::Month)
                            && first.end == first.start + 1
                            && cx.word_is(end, "of"))
                }
                _ => {
                    matches!(next.cat, Cat::MonthDay | Cat::Month | Cat::Rel | Cat::Wide) && !comma
                }
            };
            if !ok {
                break;
            }
        }
        if prev == Cat::Duration && !ranged {
            break;
        }
        // "October 21-22", "June 4 to 6": a bare number closing a range after a day of a
        // month is another day, not an hour
        let day_closer = prev == Cat::MonthDay
            && next.cat == Cat::Bare
            && next.end == next.start + 1
            && cx.num_tok(next.start)
            && int_val(cx, next.start).is_some_and(|d| (1..=31).contains(&d))
            && (cx.sym(next.start.wrapping_sub(1), '-')
                || cx.sym(next.start.wrapping_sub(1), '–')
                || cx
                    .word_among(
                        next.start.wrapping_sub(1),
                        &["to", "through", "thru", "till", "until"],
                    )
                    .is_some());
        // "2019-21": two digits closing a range after a year are a year
        let year_closer = prev == Cat::Year
            && next.cat == Cat::Bare
            && next.end == next.start + 1
            && cx.num_tok(next.start)
            && cx.s(next.start).len() == 2
            && cx.sym(next.start.wrapping_sub(1), '-');
        end = next.end;
        cats.push(if day_closer {
            Cat::MonthDay
        } else if year_closer {
            Cat::Year
        } else {
            next.cat
        });
    }
    // a bare ordinal day after "on" is a date: "on the 29th"
    let on_day = first.cat == Cat::MonthDay
        && cx.num_tok(first.start)
        && (cx.word_is(first.start.wrapping_sub(1), "on")
            || (cx.word_is(first.start.wrapping_sub(1), "the")
                && cx.word_is(first.start.wrapping_sub(2), "on")));
    if weak && cats.len() == 1 && !on_day {
        return None;
    }
    // "from 2014" with nothing after it is a starting point: "from" is left out like "since"
    // would not be ("from 2011 to 2016" keeps it)
    if cats.len() == 1
        && start < first.start
        && cx.word_is(start, "from")
        && start + 1 == first.start
    {
        start += 1;
    }
    // "Monday after next", "the week after next"; open ranges "3/1/2019 and later", "6 pm or later"
    let after_next = cx.word_is(end, "after") && cx.word_is(end + 1, "next");
    let open_range = (cx.word_is(end, "and") || cx.word_is(end, "or"))
        && cx
            .word_among(end + 1, &["later", "after", "earlier", "before", "sooner"])
            .is_some()
        && cx
            .tok(end + 2)
            .is_none_or(|t| t.tk == Tk::Sym || t.nl_before);
    if after_next || open_range {
        end += 2;
    } else if cx.word_is(end, "onwards") || cx.word_is(end, "onward") {
        end += 1;
    }
    // only bare hours ("two to four riders") is not a time
    // bare hours only ("two to four riders", a "3-1" score) are not a time, unless a range word
    // opens them ("from 5 to 6")
    let opened = start < first.start && (cx.word_is(start, "from") || cx.word_is(start, "between"));
    // nor a range of amounts: "between 5 and 10 per cent", "from 3 to 4 million"
    let unit_after = cx.is(end, Class::Pct)
        || cx.is(end, Class::Qty)
        || cx.is(end, Class::Cur)
        || cx.is(end, Class::Mag)
        || cx.sym(end, '%')
        || (cx.word_is(end, "per") && cx.word_is(end + 1, "cent"));
    if cats.iter().all(|c| *c == Cat::Bare) && (cx.is_word(first.start) || !opened || unit_after) {
        return None;
    }
    // "won 3-1 on Sunday", "beat Leeds 3-1 on Sunday": a score before a day, not hours
    let result_word = |k: usize| {
        cx.word_among(
            k,
            &[
                "won", "lost", "beat", "defeated", "drew", "led", "trailed", "victory", "win",
                "defeat", "draw", "loss", "score",
            ],
        )
        .is_some()
    };
    let before = first.start.wrapping_sub(1);
    if first.cat == Cat::Bare
        && (result_word(before)
            || (cx.tok(before).is_some_and(|t| t.cap) && result_word(before.wrapping_sub(1))))
    {
        return None;
    }
    if weak && matches!(first.cat, Cat::Time | Cat::Bare) && cats.get(1) == Some(&Cat::MonthDay) {
        cats.remove_first();
    }
    // "Thu.", "on Fri.": the dot of an abbreviated weekday ending the expression
    if cx.sym(end, '.')
        && cx.glued(end)
        && cx
            .word_among(
                end.wrapping_sub(1),
                &[
                    "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat",
                    "sun",
                ],
            )
            .is_some()
    {
        end += 1;
    }
    let mut value = if cats.len() == 1 { value } else { None };
    // "in two weeks", "within 8 minutes": a duration after `in`/`within` is the point in time it
    // leads to (`+P2W`), not a length of time
    let all_dur = cats.iter().all(|c| *c == Cat::Duration);
    let point = all_dur
        && start == first.start
        && ((start > floor && cx.word_is(start.wrapping_sub(1), "in"))
            || (start > floor + 1
                && cx.word_is(start.wrapping_sub(1), "about")
                && cx.word_is(start.wrapping_sub(2), "in")));
    let point = point || (all_dur && cx.word_is(start, "within"));
    if point && !cx.word_is(start, "within") {
        start = if cx.word_is(start.wrapping_sub(1), "in") {
            start.wrapping_sub(1)
        } else {
            start.wrapping_sub(2)
        };
        value = value.map(|v| ["+", v.as_str()].concat());
    }
    let kind = if cats
        .iter()
        .any(|c| matches!(c, Cat::Time | Cat::Daypart | Cat::Bare))
        && cats.len() > usize::from(weak)
    {
        FigureKind::Time
    } else if all_dur && !point {
        FigureKind::Duration
    } else if cats.len() == 1
        && first.cat == Cat::Dayref
        && cx
            .word_among(
                end.wrapping_sub(1),
                &["now", "moment", "present", "time", "minute"],
            )
            .is_some()
    {
        // "right now", "until now": the present moment
        FigureKind::Time
    } else if (point || (cats.len() == 1 && first.cat == Cat::Rel)) && sub_day(cx, start, end) {
        // "in 9 minutes", "the last 2 minutes", "40 minutes later", "next hour": a relative
        // point or period shorter than a day is a time
        FigureKind::Time
    } else {
        FigureKind::Date
    };
    Some(Hit {
        start,
        end,
        kind,
        value,
        unit: None,
    })
}

/// The time units in tokens `a..b` are all shorter than a day (and there is one).
fn sub_day(cx: &Cx, a: usize, b: usize) -> bool {
    let mut any = false;
    for k in a..b {
        // "three-quarters of an hour": the unit is the hour
        let share = cx.word_is(k + 1, "of")
            && (cx.word_is(k + 2, "a") || cx.word_is(k + 2, "an"))
            && cx.is(k + 3, Class::Tunit);
        if let Some(l) = cx.class(k, Class::Tunit).filter(|_| !share) {
            if !matches!(l, "H" | "M" | "S") {
                return false;
            }
            any = true;
        }
    }
    any
}

/// `the` before a relative period is its determiner, not part of it: "(the) next quarter",
/// "(the) past three years", "(the) 5 coming minutes", "(the) same week", "(the) year 1998".
/// It stays before an ordinal period of something ("the last week of June").
fn the_excluded(cx: &Cx, s: usize) -> bool {
    let rel = |k: usize| {
        (cx.is(k, Class::Rel) || cx.word_is(k, "same"))
            && cx
                .word_among(k, &["this", "current", "every", "each"])
                .is_none()
    };
    if rel(s) {
        // "the last week of June", "the next day": the period of something named after it
        return !(cx.is(s + 1, Class::Tunit) && cx.word_is(s + 2, "of"));
    }
    // "the 2024 election": a year as a modifier ("the 1990s" keeps it)
    if year_at(cx, s).is_some() && !(cx.glued(s + 1) && cx.word_is(s + 1, "s")) {
        return true;
    }
    if let Some(p) = parse_number(cx, s) {
        // "the 24-hour deadline": a length used as an adjective
        let adjective = cx.sym(p.end, '-') && cx.glued(p.end) && cx.is(p.end + 1, Class::Tunit);
        return !p.ordinal && (adjective || rel(p.end) && cx.is(p.end + 1, Class::Tunit));
    }
    let k = if cx
        .word_among(s, &["calendar", "fiscal", "financial", "school"])
        .is_some()
    {
        s + 1
    } else {
        s
    };
    (cx.word_is(k, "year") || cx.word_is(k, "week")) && cx.num_tok(k + 1)
}

/// Extends a holiday left over `St.`/`Saint` and `next`/`last`/`this`: `next St. Patrick's Day`.
fn holiday_prefix(cx: &Cx, start: usize, floor: usize) -> usize {
    let mut s = start;
    let p = s.wrapping_sub(1);
    if s > floor && (cx.word_is(p, "saint") || cx.word_is(p, "st")) {
        s = p;
    } else if s > floor + 1 && cx.sym(p, '.') && cx.glued(p) && cx.word_is(p.wrapping_sub(1), "st")
    {
        s = p.wrapping_sub(1);
    }
    // "Orthodox Easter"
    let p = s.wrapping_sub(1);
    if s > floor && cx.word_is(p, "orthodox") {
        s = p;
    }
    // "the Day of Ashura", "the Feast of Purim": a holiday named as its day or feast
    let p = s.wrapping_sub(1);
    if s > floor + 1
        && cx.word_is(p, "of")
        && cx
            .word_among(
                p.wrapping_sub(1),
                &["day", "feast", "festival", "night", "eve", "weekend"],
            )
            .is_some()
    {
        s = p.wrapping_sub(1);
    }
    let p = s.wrapping_sub(1);
    if s > floor && cx.word_among(p, &["next", "last", "this"]).is_some() {
        s = p;
    }
    s
}

/// A temporal prefix other than `the` ends right before token `b`: "before (the year 2019)",
/// "the end of (the following month)".
fn prefix_before(cx: &Cx, b: usize, floor: usize) -> bool {
    let w = b.wrapping_sub(1);
    if b <= floor || !cx.is_word(w) {
        return false;
    }
    let mut lower = [0u8; 10];
    let before = cx.s(w).as_bytes();
    let Some(buf) = lower.get_mut(..before.len()) else {
        return false;
    };
    buf.copy_from_slice(before);
    buf.make_ascii_lowercase();
    prefixes_ending(buf).iter().any(|p| {
        *p != ["the"] && p.len() <= b - floor && {
            let a = b - p.len();
            p.iter().enumerate().all(|(k, x)| cx.word_is(a + k, x))
        }
    })
}

/// Extends `start` left over a temporal prefix (`since`, `the end of`, `as early as`).
fn prefix(cx: &Cx, start: usize, floor: usize) -> usize {
    let mut s = start;
    for _ in 0..2 {
        let mut moved = false;
        // every prefix ends in a lexicon word or one of a few others: skip the table otherwise
        let maybe = s > floor
            && cx.is_word(s.wrapping_sub(1))
            && (cx
                .tok(s.wrapping_sub(1))
                .is_some_and(|t| !t.entries().is_empty())
                || cx
                    .word_among(
                        s.wrapping_sub(1),
                        &[
                            "thru",
                            "throughout",
                            "circa",
                            "beginning",
                            "starting",
                            "early",
                            "late",
                            "mid",
                        ],
                    )
                    .is_some());
        // no prefix crosses a line break before the figure
        let maybe = maybe && !cx.tok(s).is_some_and(|t| t.nl_before);
        // the word before the figure, which every prefix must end with: it rejects most of them
        let before = if maybe {
            cx.s(s.wrapping_sub(1)).as_bytes()
        } else {
            b""
        };
        let mut lower = [0u8; 10];
        let candidates = match lower.get_mut(..before.len()) {
            Some(buf) if maybe => {
                buf.copy_from_slice(before);
                buf.make_ascii_lowercase();
                prefixes_ending(buf)
            }
            _ => &[],
        };
        for p in candidates {
            let n = p.len();
            if s < floor + n || s < n {
                continue;
            }
            let b = s - n;
            if p.iter().enumerate().all(|(k, w)| cx.word_is(b + k, w)) {
                if *p == ["the"]
                    && (cx.word_is(s, "the")
                        || (the_excluded(cx, s) && !prefix_before(cx, b, floor)))
                {
                    continue;
                }
                s = b;
                moved = true;
                break;
            }
        }
        // "mid-2020", "pre-war" style glued prefixes
        if !moved
            && s >= floor + 2
            && cx.sym(s.wrapping_sub(1), '-')
            && cx.glued(s.wrapping_sub(1))
            && cx.glued(s)
            && (cx.word_is(s.wrapping_sub(2), "mid")
                || cx.word_is(s.wrapping_sub(2), "early")
                || cx.word_is(s.wrapping_sub(2), "late"))
        {
            s -= 2;
            moved = true;
        }
        if !moved {
            break;
        }
    }
    let _ = digits_value;
    s
}

#[cfg(test)]
mod prefix_tests {
    use super::{prefixes_ending, PREFIXES};

    #[test]
    fn prefix_groups_follow_the_table() {
        let mut lasts: Vec<&str> = PREFIXES.iter().filter_map(|p| p.last().copied()).collect();
        lasts.sort_unstable();
        lasts.dedup();
        for last in lasts {
            assert!(last.len() <= 10, "{last}");
            let want: Vec<&[&str]> = PREFIXES
                .iter()
                .copied()
                .filter(|p| p.last() == Some(&last))
                .collect();
            assert_eq!(prefixes_ending(last.as_bytes()), &want[..], "{last}");
        }
        assert!(prefixes_ending(b"in").is_empty());
    }
}
