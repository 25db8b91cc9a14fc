//! Money, percentages, quantities with units, counts, plain numbers and ordinals.
//!
//! ```
//! use sayso::engine::figures::find_figures;
//! use sayso::engine::FigureKind;
//! let f = find_figures("a £2.26 billion ($2.8 billion) loan");
//! assert_eq!(f.len(), 2);
//! assert_eq!(f[0].kind, FigureKind::Money);
//! assert_eq!(f[0].value.as_deref(), Some("2260000000"));
//! assert_eq!(f[0].unit.as_deref(), Some("GBP"));
//! assert_eq!(f[1].unit.as_deref(), Some("USD"));
//! ```

use super::lexicon::Class;
use super::number::{fmt_value, parse_number, NumP};
use super::token::Tk;
use super::{Cx, Hit};
use crate::engine::FigureKind;

/// Currency symbols and their ISO 4217 codes.
const SYMBOLS: &[(char, &str)] = &[
    ('$', "USD"),
    ('£', "GBP"),
    ('€', "EUR"),
    ('¥', "JPY"),
    ('₹', "INR"),
    ('₽', "RUB"),
    ('₩', "KRW"),
    ('₺', "TRY"),
    ('₴', "UAH"),
    ('₦', "NGN"),
    ('₱', "PHP"),
    ('₪', "ILS"),
    ('₫', "VND"),
    ('฿', "THB"),
    ('₾', "GEL"),
    ('₭', "LAK"),
    ('₿', "BTC"),
    ('₲', "PYG"),
    ('₡', "CRC"),
];

/// Letters glued before `$` and the dollar they name (`US$`, `C$`, `A$`, `HK$`).
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("can", "CAD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("aus", "AUD"),
    ("nz", "NZD"),
    ("hk", "HKD"),
    ("s", "SGD"),
    ("r", "BRL"),
    ("nt", "TWD"),
    ("mx", "MXN"),
];

/// Words naming whose currency a currency word is (`US dollars`, `Canadian dollars`).
const CURRENCY_ADJECTIVES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("american", "USD"),
    ("canadian", "CAD"),
    ("australian", "AUD"),
    ("hong", "HKD"),
    ("singapore", "SGD"),
    ("zealand", "NZD"),
    ("swiss", "CHF"),
    ("indian", "INR"),
    ("pakistani", "PKR"),
    ("japanese", "JPY"),
    ("chinese", "CNY"),
    ("russian", "RUB"),
    ("ukrainian", "UAH"),
    ("mexican", "MXN"),
    ("brazilian", "BRL"),
    ("south", "ZAR"),
    ("turkish", "TRY"),
    ("malaysian", "MYR"),
    ("egyptian", "EGP"),
    ("saudi", "SAR"),
    ("kuwaiti", "KWD"),
    ("taiwan", "TWD"),
    ("british", "GBP"),
    ("finnish", "FIM"),
    ("qatari", "QAR"),
    ("lebanese", "LBP"),
    ("kenyan", "KES"),
    ("nigerian", "NGN"),
    ("israeli", "ILS"),
    ("korean", "KRW"),
    ("philippine", "PHP"),
    ("norwegian", "NOK"),
    ("swedish", "SEK"),
    ("danish", "DKK"),
    ("iranian", "IRR"),
    ("iraqi", "IQD"),
    ("jordanian", "JOD"),
    ("argentine", "ARS"),
    ("chilean", "CLP"),
    ("colombian", "COP"),
];

/// Words before a unit that belong to it (`square kilometres`, `metric tons`).
const UNIT_MODIFIERS: &[&str] = &[
    "square", "sq", "cubic", "metric", "cu", "nautical", "fluid", "fl", "light",
];

/// Unicode vulgar fractions and their values.
const VULGAR: &[(char, f64)] = &[
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

fn vulgar(cx: &Cx, i: usize) -> Option<f64> {
    let t = cx.tok(i)?;
    if t.tk != Tk::Sym {
        return None;
    }
    VULGAR.iter().find(|(c, _)| *c == t.ch).map(|(_, v)| *v)
}

/// Whether a symbol token `c` can start an amount: a currency sign or a vulgar fraction (the
/// only symbols [`single`] accepts at its first token).
#[inline]
pub(super) fn sym_opens(c: char) -> bool {
    if c.is_ascii() {
        return c == '$';
    }
    symbol_code(c).is_some() || VULGAR.iter().any(|(v, _)| *v == c)
}

fn symbol_code(c: char) -> Option<&'static str> {
    SYMBOLS.iter().find(|(s, _)| *s == c).map(|(_, code)| *code)
}

/// What follows a number.
enum Suffix {
    Percent(usize, &'static str),
    Money(usize, String, f64),
    Quantity(usize, String),
}

fn suffix(cx: &Cx, p: &NumP) -> Option<Suffix> {
    let j = p.end;
    let t = cx.tok(j)?;
    if t.nl_before {
        return None;
    }
    // "40C", "104F" (news style): a capital C or F glued to the digits is a temperature where
    // the sentence speaks of one (not "14.7C/ per share", "form 13F")
    if t.tk == Tk::Word && cx.glued(j) && t.cap && !p.words {
        let c = cx.word_is(j, "c");
        if (c || cx.word_is(j, "f"))
            && temperature_context(cx, j)
            && !(cx.glued(j + 1)
                && cx
                    .tok(j + 1)
                    .is_some_and(|n| n.tk != Tk::Sym || n.ch == '-'))
        {
            return Some(Suffix::Quantity(
                j + 1,
                if c { "degC" } else { "degF" }.to_string(),
            ));
        }
    }
    if t.tk == Tk::Sym {
        if t.ch == '%' {
            return Some(Suffix::Percent(j + 1, "%"));
        }
        if t.ch == '¢' {
            return Some(Suffix::Money(j + 1, "USD".to_string(), 0.01));
        }
        if let Some(code) = symbol_code(t.ch) {
            // "7€", "10 $" (not "10 $20")
            if cx.glued(j) || !cx.num_tok(j + 1) {
                return Some(Suffix::Money(j + 1, code.to_string(), 1.0));
            }
        }
        if t.ch == '°' {
            let mut e = j + 1;
            if cx.word_is(e, "c") || cx.word_is(e, "f") || cx.is(e, Class::Qty) {
                e += 1;
            }
            return Some(Suffix::Quantity(e, "deg".to_string()));
        }
        if t.ch == '-' && cx.glued(j) && cx.glued(j + 1) {
            // "four-mile", "5-year-old"
            if cx.tok(j + 1).is_some_and(|n| n.tk == Tk::Word) {
                if let Some(u) = cx.class(j + 1, Class::Qty) {
                    return Some(Suffix::Quantity(j + 2, u.to_string()));
                }
                // "a 12-cent dividend", "a five-dollar bill"
                if let Some(code) = cx.class(j + 1, Class::Cur) {
                    if [
                        "cent", "cents", "dollar", "euro", "pound", "penny", "pence", "yen",
                    ]
                    .iter()
                    .any(|w| cx.word_is(j + 1, w))
                    {
                        return Some(money_word(cx, j + 1, code));
                    }
                }
                if cx.is(j + 1, Class::Tunit) && cx.sym(j + 2, '-') && cx.word_is(j + 3, "old") {
                    return Some(Suffix::Quantity(j + 4, "years old".to_string()));
                }
            }
        }
        return None;
    }
    if t.tk != Tk::Word {
        return None;
    }
    let w = cx.s(j);
    // "15pc" (British and Irish papers) in lower case only: "5 PC games" are computers
    if cx.is(j, Class::Pct) && !(w == "PC" || w == "Pc") {
        if cx.word_is(j, "percentage")
            && (cx.word_is(j + 1, "points") || cx.word_is(j + 1, "point"))
        {
            return Some(Suffix::Percent(j + 2, "percentage points"));
        }
        return Some(Suffix::Percent(j + 1, "%"));
    }
    if cx.word_is(j, "per") && cx.word_is(j + 1, "cent") {
        return Some(Suffix::Percent(j + 2, "%"));
    }
    if cx.word_is(j, "basis") && (cx.word_is(j + 1, "points") || cx.word_is(j + 1, "point")) {
        return Some(Suffix::Percent(j + 2, "basis points"));
    }
    if let Some(code) = cx.class(j, Class::Iso) {
        // "20 USD", "10 rmb" (lower case only for codes that are not English words)
        if t.upper || (w.len() == 3 && !w.eq_ignore_ascii_case("try")) {
            return Some(Suffix::Money(j + 1, code.to_string(), 1.0));
        }
    }
    if let Some(code) = cx.class(j, Class::Cur) {
        // currency names that are also English words count only after digits: "50 real"
        let weak = ["real", "won", "rand", "dong", "lev", "lari", "birr", "taka"]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c));
        if weak && (p.words || p.fraction || t.cap) {
            return None;
        }
        let pounds = w.eq_ignore_ascii_case("pound") || w.eq_ignore_ascii_case("pounds");
        if pounds && (cx.word_is(j + 1, "of") || p.words && !t.cap && cx.word_is(j + 1, "heavier"))
        {
            return Some(Suffix::Quantity(j + 1, "lb".to_string()));
        }
        return Some(money_word(cx, j, code));
    }
    // "US dollars", "Hong Kong dollars"
    let cur_near = cx.is(j + 1, Class::Cur) || cx.is(j + 2, Class::Cur);
    if let Some((_, code)) = CURRENCY_ADJECTIVES
        .iter()
        .filter(|_| cur_near)
        .find(|(a, _)| cx.word_is(j, a))
    {
        let k = if cx.word_is(j + 1, "kong")
            || cx.word_is(j + 1, "african")
            || cx.word_is(j + 1, "arabian")
        {
            j + 2
        } else {
            j + 1
        };
        if let Some(c2) = cx.class(k, Class::Cur) {
            let code = if c2.contains('.') { c2 } else { code };
            return Some(money_word(cx, k, code));
        }
    }
    // ages: "6 years old", "ten-year-old", "9 years of age"
    if cx.is(j, Class::Tunit) && cx.word_is(j + 1, "old") {
        return Some(Suffix::Quantity(j + 2, "years old".to_string()));
    }
    if cx.is(j, Class::Tunit) && cx.word_is(j + 1, "of") && cx.word_is(j + 2, "age") {
        return Some(Suffix::Quantity(j + 3, "years old".to_string()));
    }
    let mut k = j;
    if UNIT_MODIFIERS.iter().any(|m| cx.word_is(k, m)) && cx.is(k + 1, Class::Qty) {
        k += 1;
    }
    if let Some(u) = cx.class(k, Class::Qty) {
        // a lone "in"/"l"/"g"/"t" is a unit only when glued or abbreviated after digits
        let short = cx.s(k).len() <= 2;
        let ends = cx
            .tok(k + 1)
            .is_none_or(|t| t.tk != Tk::Word || t.nl_before)
            || ["and", "or", "to"].iter().any(|w| cx.word_is(k + 1, w));
        if short
            && !cx.glued(k)
            && (cx.word_is(k, "in")
                || cx.word_is(k, "a")
                || ((cx.word_is(k, "l")
                    || cx.word_is(k, "t")
                    || cx.word_is(k, "g")
                    || cx.word_is(k, "m"))
                    && !ends))
        {
            return None;
        }
        if short && cx.tok(k).is_some_and(|t| t.cap && !t.upper) && !cx.glued(k) {
            return None;
        }
        let mut e = k + 1;
        let mut unit = u.to_string();
        // "km2", "m³"
        if cx.glued(e) && (cx.s(e) == "2" || cx.s(e) == "3" || cx.sym(e, '²') || cx.sym(e, '³')) {
            unit.push_str(if cx.s(e) == "2" || cx.sym(e, '²') {
                "2"
            } else {
                "3"
            });
            e += 1;
        }
        if u == "deg" {
            if cx.class(e, Class::Qty) == Some("degC") || cx.word_is(e, "c") {
                unit = "degC".to_string();
                e += 1;
            } else if cx.class(e, Class::Qty) == Some("degF") || cx.word_is(e, "f") {
                unit = "degF".to_string();
                e += 1;
            } else if cx.word_is(e, "below") && cx.word_is(e + 1, "zero") {
                e += 2;
            }
        }
        // "45 deg.", "6 ft.": the dot of an abbreviated unit word (not of a symbol like "kg")
        if e == k + 1
            && cx.sym(e, '.')
            && cx.glued(e)
            && cx
                .word_among(
                    k,
                    &[
                        "deg", "ft", "yd", "yds", "oz", "lb", "lbs", "mi", "gal", "gals", "tbsp",
                        "tsp",
                    ],
                )
                .is_some()
        {
            e += 1;
        }
        if cx.sym(e, '/')
            && cx.glued(e)
            && (cx.word_is(e + 1, "h") || cx.word_is(e + 1, "hr") || cx.word_is(e + 1, "s"))
        {
            unit.push('/');
            unit.push_str(cx.s(e + 1));
            e += 2;
        } else if (cx.word_is(e, "per") && cx.is(e + 1, Class::Tunit))
            || (cx.word_is(e, "an") && cx.word_is(e + 1, "hour"))
        {
            unit.push_str("/h");
            e += 2;
        }
        // "4 ft 11 in", "6 feet 1 inch", "3 lb 4 oz": a second, smaller unit of the same measure
        if matches!(u, "ft" | "lb" | "yd") && cx.num_tok(e) && cx.s(e).len() <= 2 {
            let small = if u == "lb" { "oz" } else { "in" };
            let small_unit = cx.class(e + 1, Class::Qty) == Some(small)
                || (small == "in"
                    && cx.word_is(e + 1, "in")
                    && (!cx.is_word(e + 2)
                        || ["tall", "long", "high", "wide", "deep"]
                            .iter()
                            .any(|w| cx.word_is(e + 2, w))));
            if small_unit && !cx.glued(e) {
                e += 2;
            }
        }
        return Some(Suffix::Quantity(e, unit));
    }
    None
}

/// Words of the last dozen tokens before `j` that speak of a temperature, or a bracketed
/// conversion after it (`40C (104F)`).
pub(super) fn temperature_context(cx: &Cx, j: usize) -> bool {
    const WORDS: &[&str] = &[
        "temperature",
        "temperatures",
        "degrees",
        "heat",
        "heatwave",
        "high",
        "highs",
        "low",
        "lows",
        "hot",
        "hotter",
        "cold",
        "colder",
        "warm",
        "warmer",
        "warming",
        "cool",
        "cooler",
        "mercury",
        "thermometer",
        "fever",
        "freezing",
        "celsius",
        "fahrenheit",
    ];
    if cx.sym(j + 1, '(')
        && cx.num_tok(j + 2)
        && cx.glued(j + 3)
        && cx.tok(j + 3).is_some_and(|t| t.cap)
    {
        return true;
    }
    // the converted value in brackets after the first: "40C (104F)"
    let k = j.wrapping_sub(3);
    if cx.sym(j.wrapping_sub(2), '(')
        && cx.glued(k)
        && (cx.word_is(k, "c") || cx.word_is(k, "f"))
        && cx.tok(k).is_some_and(|t| t.cap)
    {
        return true;
    }
    (j.saturating_sub(12)..j + 8).any(|k| cx.word_among(k, WORDS).is_some())
}

fn money_word(cx: &Cx, j: usize, code: &str) -> Suffix {
    let (code, scale) = match code.split_once('.') {
        Some((c, _)) => (c, 0.01),
        None => (code, 1.0),
    };
    let mut e = j + 1;
    if cx.word_is(e, "sterling") {
        e += 1;
    }
    Suffix::Money(e, code.to_string(), scale)
}

/// A currency written before the amount: `$`, `US$`, `£`, `EUR`, `Rs`. Returns (first token of the
/// amount, ISO code).
fn currency_prefix(cx: &Cx, i: usize) -> Option<(usize, String)> {
    let t = cx.tok(i)?;
    match t.tk {
        Tk::Sym => {
            let code = symbol_code(t.ch)?;
            Some((i + 1, code.to_string()))
        }
        Tk::Word => {
            // "US$", "C$", "US $", "usd$"
            if cx.sym(i + 1, '$') && (cx.glued(i + 1) || t.upper || cx.s(i).len() >= 2) {
                let w = cx.s(i).to_ascii_lowercase();
                if let Some((_, code)) = DOLLAR_PREFIXES.iter().find(|(p, _)| *p == w) {
                    return Some((i + 2, (*code).to_string()));
                }
                if let Some(code) = cx.class(i, Class::Iso) {
                    return Some((i + 2, code.to_string()));
                }
                return None;
            }
            if t.upper {
                if let Some(code) = cx.class(i, Class::Iso) {
                    if cx.tok(i + 1).is_some_and(|n| n.tk == Tk::Num) {
                        return Some((i + 1, code.to_string()));
                    }
                }
            }
            if cx.s(i) == "Rs" {
                let k = if cx.sym(i + 1, '.') { i + 2 } else { i + 1 };
                if cx.tok(k).is_some_and(|n| n.tk == Tk::Num) {
                    return Some((k, "INR".to_string()));
                }
            }
            None
        }
        _ => None,
    }
}

fn number_hit(start: usize, end: usize, kind: FigureKind, value: f64, unit: Option<String>) -> Hit {
    Hit {
        start,
        end,
        kind,
        value: Some(fmt_value(value)),
        unit,
    }
}

/// A ratio or fraction of two numbers: `one in five`, `3 out of 8`, `2 over 7`. The value is
/// the quotient; a count noun after the second number is the unit.
fn ratio(cx: &Cx, h: &Hit) -> Option<Hit> {
    let a: f64 = h.value.as_deref()?.parse().ok()?;
    let (k, over) = if cx.word_is(h.end, "in") {
        (h.end + 1, false)
    } else if cx.word_is(h.end, "out") && cx.word_is(h.end + 1, "of") {
        (h.end + 2, false)
    } else if cx.word_is(h.end, "over") {
        (h.end + 1, true)
    } else {
        return None;
    };
    if cx.tok(k).is_none_or(|t| t.nl_before) {
        return None;
    }
    // "one in 2020" is a year, "two in five minutes" a duration
    if cx.num_tok(k) && cx.s(k).len() == 4 && !cx.tok(k).is_some_and(|t| t.comma) {
        return None;
    }
    let h2 = single(cx, k, k)?;
    if h2.kind != FigureKind::Number || h2.start != k {
        return None;
    }
    if cx.is(h2.end, Class::Tunit) || cx.is(h2.end.wrapping_sub(1), Class::Tunit) {
        return None;
    }
    let b: f64 = h2.value.as_deref()?.parse().ok()?;
    if b == 0.0 || a.fract() != 0.0 || b.fract() != 0.0 || (!over && a > b) {
        return None;
    }
    // "won 3 over 2 rounds": "over" only between plain numbers with nothing counted after
    if over && (h2.unit.is_some() || cx.is_word(h2.end) && !cx.is(h2.end, Class::Func)) {
        return None;
    }
    Some(Hit {
        start: h.start,
        end: h2.end,
        kind: FigureKind::Number,
        value: Some(fmt_value(a / b)),
        unit: h2.unit,
    })
}

/// Length units that combine into one measurement (`4 yds, 2 feet and 9 inches`).
const LENGTH_UNITS: &[&str] = &["km", "m", "cm", "mm", "mi", "ft", "in", "yd"];

/// Tries money, percent, quantity, number or ordinal at token `i`, then joins ranges
/// (`from 30 degrees to 40 degrees`) and compound amounts (`5 feet 10 inches`, `12 dollars 65 cents`).
pub(super) fn at(cx: &Cx, i: usize, floor: usize) -> Option<Hit> {
    let mut h = single(cx, i, floor)?;
    // "second to last", "third-to-last"
    if h.kind == FigureKind::Ordinal {
        let e = h.end;
        if cx.word_is(e, "to")
            && cx.word_is(e + 1, "last")
            && !cx.glued(e)
            && !cx.is(e + 2, Class::Tunit)
        {
            h.end = e + 2;
        } else if cx.sym(e, '-')
            && cx.glued(e)
            && cx.word_is(e + 1, "to")
            && cx.sym(e + 2, '-')
            && cx.word_is(e + 3, "last")
            && cx.glued(e + 3)
        {
            h.end = e + 4;
        }
        return Some(h);
    }
    if h.kind == FigureKind::Number && h.unit.is_none() {
        if let Some(r) = ratio(cx, &h) {
            return Some(r);
        }
        // "thirty-six (36)": a number in words confirmed in digits
        let e = h.end;
        if cx.is_word(e.wrapping_sub(1))
            && cx.sym(e, '(')
            && cx.num_tok(e + 1)
            && cx.sym(e + 2, ')')
            && h.value.as_deref().is_some_and(|v| {
                v.parse::<f64>().ok() == Some(super::number::digits_value(cx.s(e + 1)))
            })
        {
            h.end = e + 3;
            return Some(h);
        }
    }
    if !matches!(
        h.kind,
        FigureKind::Money | FigureKind::Quantity | FigureKind::Percent
    ) {
        return Some(h);
    }
    // "18 dollars 25", "3 euros and 20": a whole amount in words, then its hundredths
    if h.kind == FigureKind::Money && h.start == i && cx.is_word(h.end.wrapping_sub(1)) {
        let k = if cx.word_is(h.end, "and") {
            h.end + 1
        } else {
            h.end
        };
        if let Some(p2) = parse_number(cx, k) {
            let plain = p2.value >= 1.0
                && p2.value < 100.0
                && p2.value.fract() == 0.0
                && !p2.ordinal
                && !p2.mag;
            let ends = cx
                .tok(p2.end)
                .is_none_or(|t| t.tk != Tk::Word || t.nl_before);
            if plain && ends && cx.tok(k).is_some_and(|t| !t.nl_before) {
                let whole = h
                    .value
                    .as_deref()
                    .and_then(|v| v.parse::<f64>().ok())
                    .unwrap_or(0.0);
                h.value = Some(fmt_value(whole + p2.value / 100.0));
                h.end = p2.end;
                return Some(h);
            }
        }
    }
    let opener = h.start > floor
        && (cx.word_is(h.start.wrapping_sub(1), "from")
            || cx.word_is(h.start.wrapping_sub(1), "between"));
    let ranged =
        opener || (h.start < i && (cx.word_is(h.start, "from") || cx.word_is(h.start, "between")));
    for _ in 0..3 {
        let mut k = h.end;
        let mut sep = false;
        if cx.sym(k, ',') {
            k += 1;
        }
        if cx.word_is(k, "and") || (ranged && (cx.word_is(k, "to") || cx.sym(k, '-'))) {
            sep = true;
            k += 1;
        }
        if cx.word_is(k, "about") || cx.word_is(k, "around") {
            k += 1;
        }
        if cx.tok(k).is_none_or(|t| t.nl_before) {
            break;
        }
        let Some(h2) = single(cx, k, k) else { break };
        if h2.kind != h.kind || h2.start != k {
            break;
        }
        let joins = if ranged {
            sep
        } else if h.kind == FigureKind::Quantity {
            let (u1, u2) = (
                h.unit.as_deref().unwrap_or(""),
                h2.unit.as_deref().unwrap_or(""),
            );
            u1 != u2 && LENGTH_UNITS.contains(&u1) && LENGTH_UNITS.contains(&u2)
        } else if h.kind == FigureKind::Money {
            // "12 dollars 65 cents", "4 CAD 7 cents": a hundredth unit after a whole one
            (h.unit == h2.unit || cx.word_is(h2.end.wrapping_sub(1), "cents"))
                && cx
                    .s(h2.end.wrapping_sub(1))
                    .to_ascii_lowercase()
                    .starts_with("cent")
        } else {
            false
        };
        if !joins {
            break;
        }
        h.value = match (h.value.take(), h2.value.as_deref()) {
            (Some(a), Some(b)) if ranged => Some(format!("{a}-{b}")),
            (Some(a), Some(b)) if h.kind == FigureKind::Money => {
                let sum = a.parse::<f64>().unwrap_or(0.0) + b.parse::<f64>().unwrap_or(0.0);
                Some(fmt_value(sum))
            }
            (a, _) => a,
        };
        h.end = h2.end;
        if ranged {
            if opener {
                h.start -= 1;
            }
            break;
        }
    }
    Some(h)
}

fn single(cx: &Cx, i: usize, floor: usize) -> Option<Hit> {
    if let Some((j, mut code)) = currency_prefix(cx, i) {
        let p = parse_number(cx, j)?;
        let mut start = i;
        // "US$40": the letters are glued before the sign
        let spaced_upper =
            i > 0 && cx.tok(i.wrapping_sub(1)).is_some_and(|t| t.upper) && !cx.glued(i);
        // "a us $ 80 million grant", "the c $ 45 million fine": a lower-case prefix apart
        // from the sign after a determiner or preposition (not "gave us $ 5")
        let spaced_lower = i > floor + 1
            && !cx.glued(i)
            && !cx.glued(i.wrapping_sub(1))
            && cx
                .word_among(
                    i.wrapping_sub(2),
                    &[
                        "a", "an", "the", "about", "of", "for", "at", "to", "from", "by", "than",
                        "some", "nearly", "around", "over", "under", "almost", "roughly",
                    ],
                )
                .is_some();
        if cx.sym(i, '$')
            && i > floor
            && (cx.glued(i) || spaced_upper || spaced_lower)
            && cx.is_word(i.wrapping_sub(1))
        {
            let w = cx.s(i.wrapping_sub(1)).to_ascii_lowercase();
            if let Some((_, c)) = DOLLAR_PREFIXES.iter().find(|(p, _)| *p == w) {
                start = i.wrapping_sub(1);
                code = (*c).to_string();
            } else if let Some(c) = cx
                .class(i.wrapping_sub(1), Class::Iso)
                .filter(|_| cx.glued(i))
            {
                // "usd$ 15", "AUD$15"
                start = i.wrapping_sub(1);
                code = c.to_string();
            }
        }
        if p.ordinal {
            return None;
        }
        let mut end = p.end;
        let mut value = p.value;
        // ranges: "$10-15 million", "$10 to $20"
        let k = end;
        if (cx.sym(k, '-') || cx.sym(k, '–') || cx.word_is(k, "to")) && cx.tok(k + 1).is_some() {
            let k2 = if currency_prefix(cx, k + 1).is_some() {
                k + 2
            } else {
                k + 1
            };
            if cx.tok(k2).is_some_and(|t| t.tk == Tk::Num) {
                if let Some(p2) = parse_number(cx, k2) {
                    if !p2.ordinal && (p2.mag || !p.mag) {
                        if p2.mag && !p.mag {
                            value *= p2.value / digits_only(cx, k2);
                        }
                        end = p2.end;
                    }
                }
            }
        }
        // "$5 USD", "£10 sterling"
        if cx.tok(end).is_some_and(|t| t.upper) && cx.class(end, Class::Iso).is_some()
            || cx.word_is(end, "sterling")
        {
            end += 1;
        }
        if start == i
            && i > floor
            && cx.glued(i)
            && cx
                .tok(i.wrapping_sub(1))
                .is_some_and(|t| t.tk == Tk::Sym && t.ch == '-')
        {
            start = i.wrapping_sub(1);
            value = -value;
        }
        return Some(with_range_prefix(
            cx,
            number_hit(start, end, FigureKind::Money, value, Some(code)),
            floor,
        ));
    }
    let t = cx.tok(i)?;
    // "½", "2½"
    if let Some(v) = vulgar(cx, i) {
        let p = NumP {
            fraction: true,
            ..NumP::new(i + 1, v)
        };
        return Some(match suffix(cx, &p) {
            Some(Suffix::Quantity(e, u)) => number_hit(i, e, FigureKind::Quantity, v, Some(u)),
            _ => number_hit(i, i + 1, FigureKind::Number, v, None),
        });
    }
    if t.tk == Tk::Num && !t.decimal && cx.glued(i + 1) && vulgar(cx, i + 1).is_some() {
        let v = super::number::digits_value(cx.s(i)) + vulgar(cx, i + 1).unwrap_or(0.0);
        let p = NumP {
            fraction: true,
            ..NumP::new(i + 2, v)
        };
        return Some(match suffix(cx, &p) {
            Some(Suffix::Quantity(e, u)) => number_hit(i, e, FigureKind::Quantity, v, Some(u)),
            Some(Suffix::Money(e, c, sc)) => number_hit(i, e, FigureKind::Money, v * sc, Some(c)),
            Some(Suffix::Percent(e, u)) => {
                number_hit(i, e, FigureKind::Percent, v, Some(u.to_string()))
            }
            None => number_hit(i, i + 2, FigureKind::Number, v, count_noun(cx, i + 2)),
        });
    }
    // "Rs 20", "Rs. 20": rupees written before the amount
    if t.tk == Tk::Num && i > floor {
        let k = if cx.sym(i - 1, '.') && cx.glued(i - 1) {
            i.wrapping_sub(2)
        } else {
            i - 1
        };
        if k >= floor && (cx.s(k) == "Rs" || cx.s(k) == "rs") {
            if let Some(p) = parse_number(cx, i) {
                return Some(number_hit(
                    k,
                    p.end,
                    FigureKind::Money,
                    p.value,
                    Some("INR".to_string()),
                ));
            }
        }
    }
    if t.tk == Tk::Num && (cx.identifier_before(i) || cx.identifier_after(i)) {
        return None;
    }
    // "a litre", "an ounce", "a dollar"
    if (cx.word_is(i, "a") || cx.word_is(i, "an"))
        && cx.s(i + 1).len() >= 2
        && !["in", "mi", "ha", "am", "pm", "m"]
            .iter()
            .any(|w| cx.word_is(i + 1, w))
    {
        let one = NumP {
            words: true,
            ..NumP::new(i + 1, 1.0)
        };
        if let Some(s) = suffix(cx, &one) {
            let h = match s {
                Suffix::Money(e, c, sc) => number_hit(i, e, FigureKind::Money, sc, Some(c)),
                Suffix::Quantity(e, u) => number_hit(i, e, FigureKind::Quantity, 1.0, Some(u)),
                Suffix::Percent(..) => return None,
            };
            return Some(with_range_prefix(cx, h, floor));
        }
    }
    let p = parse_number(cx, i)?;
    let mut start = i;
    let mut value = p.value;
    // sign
    if i > floor {
        let neg_word =
            cx.word_is(i.wrapping_sub(1), "minus") || cx.word_is(i.wrapping_sub(1), "negative");
        let neg_sym = (cx.sym(i.wrapping_sub(1), '-') || cx.sym(i.wrapping_sub(1), '−'))
            && cx.glued(i)
            && (i == 1
                || !cx.glued(i.wrapping_sub(1))
                || cx
                    .tok(i.wrapping_sub(2))
                    .is_some_and(|t| t.tk == Tk::Sym && t.ch != '-'));
        if neg_word || neg_sym {
            start = i.wrapping_sub(1);
            value = -value;
        }
    }
    if p.ordinal {
        // "we second the motion": a verb after a subject pronoun
        let verb = cx.word_is(i, "second")
            && ["i", "we", "they", "you"]
                .iter()
                .any(|w| cx.word_is(i.wrapping_sub(1), w));
        if verb {
            return None;
        }
        return Some(number_hit(start, p.end, FigureKind::Ordinal, value, None));
    }
    // "age 87", "aged 45"
    if p.simple
        && value < 130.0
        && start == i
        && i > floor
        && (cx.word_is(i.wrapping_sub(1), "age") || cx.word_is(i.wrapping_sub(1), "aged"))
    {
        return Some(number_hit(
            i.wrapping_sub(1),
            p.end,
            FigureKind::Quantity,
            value,
            Some("years old".to_string()),
        ));
    }
    // range with a shared suffix: "10-15%", "between 10 and 15 percent", "2 to 7 g"
    let k = p.end;
    let range_sep = cx.sym(k, '-')
        || cx.sym(k, '–')
        || cx.word_is(k, "to")
        || (cx.word_is(k, "and") && i > 0 && cx.word_is(i.wrapping_sub(1), "between"));
    if range_sep {
        if let Some(p2) = parse_number(cx, k + 1) {
            if !p2.ordinal && p2.end > k + 1 {
                if let Some(s) = suffix(cx, &p2) {
                    let (end, kind, unit, scale) = match s {
                        Suffix::Percent(e, u) => (e, FigureKind::Percent, u.to_string(), 1.0),
                        Suffix::Money(e, c, sc) => (e, FigureKind::Money, c, sc),
                        Suffix::Quantity(e, u) => (e, FigureKind::Quantity, u, 1.0),
                    };
                    let v = if p2.mag && !p.mag {
                        value * (p2.value / digits_only(cx, k + 1))
                    } else {
                        value
                    };
                    let mut h = number_hit(start, end, kind, v * scale, Some(unit));
                    h.value = Some(format!(
                        "{}-{}",
                        fmt_value(v * scale),
                        fmt_value(p2.value * scale)
                    ));
                    return Some(with_range_prefix(cx, h, floor));
                }
            }
        }
    }
    if let Some(s) = suffix(cx, &p) {
        let h = match s {
            Suffix::Percent(e, u) => {
                number_hit(start, e, FigureKind::Percent, value, Some(u.to_string()))
            }
            Suffix::Money(e, c, sc) => number_hit(start, e, FigureKind::Money, value * sc, Some(c)),
            Suffix::Quantity(e, u) => number_hit(start, e, FigureKind::Quantity, value, Some(u)),
        };
        return Some(with_range_prefix(cx, h, floor));
    }
    if p.glued_m {
        // "3m" with no noun after, or "the 100m final": metres
        let article = i > 0
            && (cx.word_is(i.wrapping_sub(1), "a")
                || cx.word_is(i.wrapping_sub(1), "an")
                || cx.word_is(i.wrapping_sub(1), "the"));
        let noun = !article
            && cx
                .tok(p.end)
                .is_some_and(|t| t.tk == Tk::Word && !t.cap && t.entries().is_empty());
        // a capital "M" is millions ("10M"), a small one metres unless a noun follows
        let capital = cx.s(p.end.wrapping_sub(1)) == "M";
        if !noun && !capital {
            return Some(number_hit(
                start,
                p.end,
                FigureKind::Quantity,
                value / 1e6,
                Some("m".to_string()),
            ));
        }
    }
    let unit = count_noun(cx, p.end);
    Some(number_hit(start, p.end, FigureKind::Number, value, unit))
}

/// The value of the digits token at `i` alone (used to rescale a range's first half).
fn digits_only(cx: &Cx, i: usize) -> f64 {
    let v = super::number::digits_value(cx.s(i));
    if v == 0.0 {
        1.0
    } else {
        v
    }
}

/// Comparisons kept in an amount's span: `more than 35 degrees`, `at least $5`.
const COMPARATIVES: &[&[&str]] = &[
    &["no", "more", "than"],
    &["no", "less", "than"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["lower", "than"],
    &["higher", "than"],
    &["greater", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["in", "excess", "of"],
    &["under"],
    &["over"],
    &["above"],
    &["below"],
    &["exceeding"],
];

/// `between X and Y` / `from X to Y`: include the opening word in a range; and comparisons.
fn with_range_prefix(cx: &Cx, mut h: Hit, floor: usize) -> Hit {
    if h.start > floor
        && h.value
            .as_deref()
            .is_some_and(|v| v.contains('-') && !v.starts_with('-'))
        && (cx.word_is(h.start.wrapping_sub(1), "between")
            || cx.word_is(h.start.wrapping_sub(1), "from"))
    {
        h.start -= 1;
        return h;
    }
    if h.kind == FigureKind::Number || h.kind == FigureKind::Ordinal {
        return h;
    }
    let maybe = h.start > floor
        && (cx
            .tok(h.start.wrapping_sub(1))
            .is_some_and(|t| t.tk == Tk::Word && !t.entries().is_empty())
            || ["exceeding", "above", "below"]
                .iter()
                .any(|w| cx.word_is(h.start.wrapping_sub(1), w)));
    for p in COMPARATIVES.iter().filter(|_| maybe) {
        let n = p.len();
        if h.start < floor + n {
            continue;
        }
        let b = h.start - n;
        if cx.tok(h.start).is_some_and(|t| t.nl_before) {
            break;
        }
        if p.iter().enumerate().all(|(k, w)| cx.word_is(b + k, w)) {
            h.start = b;
            break;
        }
    }
    h
}

/// The counted noun after a number: `14 posts` gives "posts"; after one or two modifiers, the
/// plural they qualify (`40,000 rail workers` and `two new surgical centres` count "workers" and
/// "centres").
fn count_noun(cx: &Cx, j: usize) -> Option<String> {
    let lower = |k: usize| {
        cx.tok(k)
            .is_some_and(|t| t.tk == Tk::Word && !t.nl_before && !t.cap)
            && cx.s(k).len() >= 2
            && cx.s(k).bytes().all(|b| b.is_ascii_lowercase())
    };
    // (a word whose only lexicon class opens holiday names is a noun too: "workers")
    let noun = |k: usize| {
        lower(k)
            && cx
                .tok(k)
                .is_some_and(|t| t.entries().is_empty() || !t.is_any(!Class::Hpre.bit()))
    };
    let plural = |k: usize| noun(k) && cx.s(k).ends_with('s') && !cx.s(k).ends_with("ss");
    let modifier = |k: usize| {
        lower(k)
            && cx
                .word_among(
                    k,
                    &[
                        "of", "the", "a", "an", "to", "in", "on", "at", "and", "or", "but", "for",
                        "with", "by", "from", "as", "is", "are", "was", "were", "be", "been",
                        "has", "have", "had", "will", "would", "can", "could", "that", "which",
                        "who", "than",
                    ],
                )
                .is_none()
    };
    if !plural(j) && modifier(j) {
        if let Some(k) = (j + 1..j + 3)
            .take_while(|&k| k == j + 1 || modifier(k - 1))
            .find(|&k| plural(k))
        {
            return Some(cx.s(k).to_string());
        }
    }
    // the word right after the number, when it is a plain lowercase word with no lexicon class
    (lower(j) && cx.tok(j).is_some_and(|t| t.entries().is_empty())).then(|| cx.s(j).to_string())
}
