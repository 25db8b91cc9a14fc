//! Table tests for `find_figures`: one named case per construction, a REGRESSION group, the
//! sample article, a property test over arbitrary strings and pathological inputs.
//! All sentences are written for these tests.

use super::find_figures;
use crate::engine::{Figure, FigureKind as K};

/// One expectation: in `text`, a figure covers exactly `span`, of `kind`, with `value` and `unit`
/// (`None` in the table means "not checked" for value, "no unit" for unit is `Some("")`).
struct Case {
    name: &'static str,
    text: &'static str,
    span: &'static str,
    kind: K,
    value: Option<&'static str>,
    unit: Option<&'static str>,
}

const fn c(
    name: &'static str,
    text: &'static str,
    span: &'static str,
    kind: K,
    value: Option<&'static str>,
    unit: Option<&'static str>,
) -> Case {
    Case {
        name,
        text,
        span,
        kind,
        value,
        unit,
    }
}

fn show(text: &str, figs: &[Figure]) -> String {
    figs.iter()
        .map(|f| {
            format!(
                "{:?}/{:?}/{:?}/{:?}",
                &text[f.span.start..f.span.end],
                f.kind,
                f.value,
                f.unit
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn run(cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let figs = find_figures(case.text);
        let Some(at) = case.text.find(case.span) else {
            failures.push(format!(
                "{}: span {:?} is not in the text",
                case.name, case.span
            ));
            continue;
        };
        let want = (at, at + case.span.len());
        let found = figs.iter().find(|f| (f.span.start, f.span.end) == want);
        let ok = found.is_some_and(|f| {
            f.kind == case.kind
                && case.value.is_none_or(|v| f.value.as_deref() == Some(v))
                && case
                    .unit
                    .is_none_or(|u| f.unit.as_deref().unwrap_or("") == u)
        });
        if !ok {
            failures.push(format!(
                "{}: wanted {:?} as {:?} value {:?} unit {:?}; got [{}]",
                case.name,
                case.span,
                case.kind,
                case.value,
                case.unit,
                show(case.text, &figs)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Texts in which the given substring must not be (part of) any figure.
fn run_absent(cases: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (name, text, part) in cases {
        let figs = find_figures(text);
        let Some(at) = text.find(part) else {
            failures.push(format!("{name}: {part:?} not in text"));
            continue;
        };
        let (a, b) = (at, at + part.len());
        if figs.iter().any(|f| f.span.start < b && a < f.span.end) {
            failures.push(format!(
                "{name}: {part:?} was taken as a figure: [{}]",
                show(text, &figs)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn money() {
    run(&[
        // a lower-case dollar prefix apart from the sign, after a determiner (tokenized text)
        c(
            "spaced_lower_prefix",
            "the board approved a c $ 45 million buyback .",
            "c $ 45 million",
            K::Money,
            Some("45000000"),
            Some("CAD"),
        ),
        c(
            "spaced_us_pronoun",
            "they gave us $ 5 each .",
            "$ 5",
            K::Money,
            Some("5"),
            Some("USD"),
        ),
        // LE (livre égyptienne), the Egyptian pound in upper case
        c(
            "egyptian_le",
            "A kilo of rice now costs 42 LE in Cairo.",
            "42 LE",
            K::Money,
            Some("42"),
            Some("EGP"),
        ),
        c(
            "code_then_cents",
            "The fee is 4 CAD 7 cents per unit.",
            "4 CAD 7 cents",
            K::Money,
            Some("4.07"),
            Some("CAD"),
        ),
        c(
            "hyphenated_cents",
            "The firm declared a 15-cent-a-share payout.",
            "15-cent",
            K::Money,
            Some("0.15"),
            Some("USD"),
        ),
        c(
            "former_currency_with_adjective",
            "The mill was valued at 65 million Finnish markka in 1996.",
            "65 million Finnish markka",
            K::Money,
            Some("65000000"),
            Some("FIM"),
        ),
        c(
            "pound_billion",
            "The deal is worth £2.26 billion over five years.",
            "£2.26 billion",
            K::Money,
            Some("2260000000"),
            Some("GBP"),
        ),
        c(
            "dollar_in_parens",
            "a £2.26 billion ($2.8 billion) loan",
            "$2.8 billion",
            K::Money,
            Some("2800000000"),
            Some("USD"),
        ),
        c(
            "glued_m",
            "The charity raised $5m last year.",
            "$5m",
            K::Money,
            Some("5000000"),
            Some("USD"),
        ),
        c(
            "glued_bn",
            "Profits reached £1.5bn in the spring.",
            "£1.5bn",
            K::Money,
            Some("1500000000"),
            Some("GBP"),
        ),
        c(
            "glued_k",
            "She was paid $300k for the role.",
            "$300k",
            K::Money,
            Some("300000"),
            Some("USD"),
        ),
        c(
            "euro_sign",
            "Tickets cost €45 each.",
            "€45",
            K::Money,
            Some("45"),
            Some("EUR"),
        ),
        c(
            "yen_sign",
            "The yen price was ¥12,000.",
            "¥12,000",
            K::Money,
            Some("12000"),
            Some("JPY"),
        ),
        c(
            "us_dollar_prefix",
            "It cost US$40 million to build.",
            "US$40 million",
            K::Money,
            Some("40000000"),
            Some("USD"),
        ),
        c(
            "canadian_prefix",
            "A grant of C$2.5 million was approved.",
            "C$2.5 million",
            K::Money,
            Some("2500000"),
            Some("CAD"),
        ),
        c(
            "australian_prefix",
            "They paid A$300 for the permit.",
            "A$300",
            K::Money,
            Some("300"),
            Some("AUD"),
        ),
        c(
            "iso_before",
            "The bond raised EUR 500 million.",
            "EUR 500 million",
            K::Money,
            Some("500000000"),
            Some("EUR"),
        ),
        c(
            "iso_glued",
            "Fees of GBP3.50 apply.",
            "GBP3.50",
            K::Money,
            Some("3.5"),
            Some("GBP"),
        ),
        c(
            "iso_after",
            "The fund holds 20 million USD in cash.",
            "20 million USD",
            K::Money,
            Some("20000000"),
            Some("USD"),
        ),
        c(
            "dollars_word",
            "He owed them 50 dollars.",
            "50 dollars",
            K::Money,
            Some("50"),
            Some("USD"),
        ),
        c(
            "euros_words",
            "Fines reach ten thousand euros.",
            "ten thousand euros",
            K::Money,
            Some("10000"),
            Some("EUR"),
        ),
        c(
            "pounds_word",
            "The ticket was 12 pounds at the door.",
            "12 pounds",
            K::Money,
            Some("12"),
            Some("GBP"),
        ),
        c(
            "cents",
            "Stamps rose by 5 cents.",
            "5 cents",
            K::Money,
            Some("0.05"),
            Some("USD"),
        ),
        c(
            "us_dollars",
            "Exports were worth 3 billion US dollars.",
            "3 billion US dollars",
            K::Money,
            Some("3000000000"),
            Some("USD"),
        ),
        c(
            "dollar_range",
            "Estimates ran from $10 to $20 million.",
            "$10 to $20 million",
            K::Money,
            None,
            Some("USD"),
        ),
        c(
            "negative_money",
            "The account showed -$40 at month end.",
            "-$40",
            K::Money,
            Some("-40"),
            Some("USD"),
        ),
        c(
            "more_than_money",
            "Damage exceeded more than $5 billion.",
            "more than $5 billion",
            K::Money,
            Some("5000000000"),
            Some("USD"),
        ),
    ]);
}

#[test]
fn percent() {
    run(&[
        c(
            "pc_glued",
            "House prices saw a 15pc rise last year.",
            "15pc",
            K::Percent,
            Some("15"),
            None,
        ),
        c(
            "pc_upper_is_computer",
            "The shop sold 40 PC games.",
            "40",
            K::Number,
            None,
            None,
        ),
        // a bare range before "per cent" is an amount, not hours
        c(
            "between_range_per_cent",
            "Prices rose by between 5 and 10 per cent last year.",
            "between 5 and 10 per cent",
            K::Percent,
            None,
            None,
        ),
        c(
            "sign",
            "Inflation fell to 4.5% in March.",
            "4.5%",
            K::Percent,
            Some("4.5"),
            Some("%"),
        ),
        c(
            "per_cent",
            "Turnout was 61 per cent.",
            "61 per cent",
            K::Percent,
            Some("61"),
            Some("%"),
        ),
        c(
            "percent_word",
            "Sales rose 12 percent.",
            "12 percent",
            K::Percent,
            Some("12"),
            Some("%"),
        ),
        c(
            "points",
            "Rates went up by 0.25 percentage points.",
            "0.25 percentage points",
            K::Percent,
            Some("0.25"),
            Some("percentage points"),
        ),
        c(
            "range_dash",
            "Analysts expect a 10-15% cut.",
            "10-15%",
            K::Percent,
            Some("10-15"),
            Some("%"),
        ),
        c(
            "range_between",
            "Support is between 10 and 15 percent.",
            "between 10 and 15 percent",
            K::Percent,
            Some("10-15"),
            Some("%"),
        ),
        c(
            "words",
            "Nearly fifty percent of voters agreed.",
            "fifty percent",
            K::Percent,
            Some("50"),
            Some("%"),
        ),
    ]);
}

#[test]
fn numbers() {
    run(&[
        // mixed numbers and fractions of magnitudes
        c(
            "and_a_half_million",
            "Two and a half million people fled the region.",
            "Two and a half million",
            K::Number,
            Some("2500000"),
            None,
        ),
        c(
            "digits_and_a_half_million",
            "Some 2 and a half million tonnes of grain are stuck.",
            "2 and a half million tonnes",
            K::Quantity,
            Some("2500000"),
            None,
        ),
        c(
            "and_one_fourth",
            "The ratio came to five and one fourth.",
            "five and one fourth",
            K::Number,
            Some("5.25"),
            None,
        ),
        c(
            "fifths_of_a_million",
            "Nearly two fifths of a million homes lost power.",
            "two fifths of a million",
            K::Number,
            None,
            None,
        ),
        c(
            "thirds_of_voters",
            "Two thirds of voters backed the plan.",
            "Two thirds",
            K::Number,
            None,
            None,
        ),
        // "a fifth of", "a quarter of": fractions, not ordinals or periods
        c(
            "a_fifth_of",
            "A fifth of voters stayed home.",
            "A fifth",
            K::Number,
            Some("0.2"),
            None,
        ),
        c(
            "a_quarter_of",
            "A quarter of the staff were laid off.",
            "A quarter",
            K::Number,
            Some("0.25"),
            None,
        ),
        c(
            "a_fifth_term_ordinal",
            "She won a fifth term in office.",
            "fifth",
            K::Ordinal,
            None,
            None,
        ),
        c(
            "words_confirmed_in_digits",
            "The lease runs for thirty-six (36) months.",
            "thirty-six (36)",
            K::Number,
            Some("36"),
            None,
        ),
        c(
            "crore_abbreviation",
            "The state spent Rs 300 cr on roads.",
            "Rs 300 cr",
            K::Money,
            Some("3000000000"),
            Some("INR"),
        ),
        c(
            "scientific_notation",
            "The star is 1.3x10^6 km away, or 1.2e13 in other units.",
            "1.2e13",
            K::Number,
            Some("12000000000000"),
            None,
        ),
        c(
            "ratio_one_in_five",
            "One in five adults now works from home.",
            "One in five",
            K::Number,
            Some("0.2"),
            Some("adults"),
        ),
        c(
            "ratio_out_of",
            "Seven out of 10 voters backed the plan.",
            "Seven out of 10",
            K::Number,
            Some("0.7"),
            Some("voters"),
        ),
        c(
            "spaced_thousands",
            "The fund holds 7 654 321 shares.",
            "7 654 321",
            K::Number,
            Some("7654321"),
            Some("shares"),
        ),
        c(
            "indian_grouping",
            "The scheme paid 12,34,567 families.",
            "12,34,567",
            K::Number,
            Some("1234567"),
            Some("families"),
        ),
        c(
            "digits_with_two_magnitudes",
            "He counted 6 thousand 2 hundred votes.",
            "6 thousand 2 hundred",
            K::Number,
            Some("6200"),
            Some("votes"),
        ),
        c(
            "million_and_a_half",
            "The region has 7 million and a half residents.",
            "7 million and a half",
            K::Number,
            Some("7500000"),
            Some("residents"),
        ),
        c(
            "word",
            "There were fourteen candidates.",
            "fourteen",
            K::Number,
            Some("14"),
            Some("candidates"),
        ),
        c(
            "compound_words",
            "The survey asked three hundred and twelve families.",
            "three hundred and twelve",
            K::Number,
            Some("312"),
            Some("families"),
        ),
        c(
            "hyphenated",
            "Some twenty-one ships sailed.",
            "twenty-one",
            K::Number,
            Some("21"),
            Some("ships"),
        ),
        c(
            "thousands_comma",
            "About 2,300 people attended.",
            "2,300",
            K::Number,
            Some("2300"),
            Some("people"),
        ),
        c(
            "glued_m_count",
            "The video reached 1.5m viewers.",
            "1.5m",
            K::Number,
            Some("1500000"),
            Some("viewers"),
        ),
        c(
            "million_word",
            "The city has 1.5 million residents.",
            "1.5 million",
            K::Number,
            Some("1500000"),
            Some("residents"),
        ),
        c(
            "a_dozen",
            "A dozen officers arrived.",
            "A dozen",
            K::Number,
            Some("12"),
            Some("officers"),
        ),
        c(
            "two_thirds",
            "Roughly two-thirds of members voted.",
            "two-thirds",
            K::Number,
            Some("0.666667"),
            None,
        ),
        c(
            "half_a_million",
            "Half a million people marched.",
            "Half a million",
            K::Number,
            Some("500000"),
            Some("people"),
        ),
        c(
            "decimal",
            "The index closed at 7,512.4 on the day.",
            "7,512.4",
            K::Number,
            Some("7512.4"),
            None,
        ),
        c(
            "minus_word",
            "The reading was minus 12 overnight.",
            "minus 12",
            K::Number,
            Some("-12"),
            None,
        ),
        c(
            "and_a_half",
            "It took two and a half rounds.",
            "two and a half",
            K::Number,
            Some("2.5"),
            Some("rounds"),
        ),
    ]);
}

#[test]
fn ordinals() {
    run(&[
        c(
            "second_to_last",
            "He finished second to last in the race.",
            "second to last",
            K::Ordinal,
            Some("2"),
            None,
        ),
        c(
            "third_to_last_hyphenated",
            "It was the third-to-last stage.",
            "third-to-last",
            K::Ordinal,
            Some("3"),
            None,
        ),
        c(
            "em_dash_compound",
            "It was the thirty—first attempt.",
            "thirty—first",
            K::Ordinal,
            Some("31"),
            None,
        ),
        c(
            "word",
            "It was the third attempt.",
            "third",
            K::Ordinal,
            Some("3"),
            None,
        ),
        c(
            "digits",
            "She finished 21st in the race.",
            "21st",
            K::Ordinal,
            Some("21"),
            None,
        ),
        c(
            "hyphenated",
            "She came twenty-first in the race.",
            "twenty-first",
            K::Ordinal,
            Some("21"),
            None,
        ),
        c(
            "hundredth",
            "They marked the one hundredth anniversary.",
            "one hundredth",
            K::Ordinal,
            Some("100"),
            None,
        ),
    ]);
}

#[test]
fn quantities_and_counts() {
    run(&[
        // temperatures with C/F glued, where the sentence speaks of a temperature
        c(
            "glued_celsius",
            "Temperatures reached 40C (104F) in Seville.",
            "40C",
            K::Quantity,
            Some("40"),
            Some("degC"),
        ),
        c(
            "glued_fahrenheit_bracketed",
            "Temperatures reached 40C (104F) in Seville.",
            "104F",
            K::Quantity,
            Some("104"),
            Some("degF"),
        ),
        c(
            "glued_celsius_warming",
            "Leaders backed a 1.5C limit on global warming.",
            "1.5C",
            K::Quantity,
            None,
            Some("degC"),
        ),
        // the dot of an abbreviated unit word belongs to it; a symbol takes none
        c(
            "deg_dot",
            "Overnight it fell to 12 deg. in the valley.",
            "12 deg.",
            K::Quantity,
            None,
            Some("deg"),
        ),
        c(
            "kg_symbol_no_dot",
            "The parcel weighed 5 kg.",
            "5 kg",
            K::Quantity,
            None,
            Some("kg"),
        ),
        c(
            "feet_and_inches",
            "The forward is 6 ft 2 in tall.",
            "6 ft 2 in",
            K::Quantity,
            None,
            Some("ft"),
        ),
        c(
            "misspelt_fahrenheit",
            "It hit 97.3 degrees farenheit at dawn.",
            "97.3 degrees farenheit",
            K::Quantity,
            Some("97.3"),
            Some("degF"),
        ),
        c(
            "km",
            "The convoy stretched 5 km along the road.",
            "5 km",
            K::Quantity,
            Some("5"),
            Some("km"),
        ),
        c(
            "degrees",
            "Temperatures hit 30 degrees on Tuesday.",
            "30 degrees",
            K::Quantity,
            Some("30"),
            Some("deg"),
        ),
        c(
            "degrees_celsius",
            "Water boils at 100 degrees Celsius.",
            "100 degrees Celsius",
            K::Quantity,
            Some("100"),
            Some("degC"),
        ),
        c(
            "degree_sign",
            "It was 98.6°F in the shade.",
            "98.6°F",
            K::Quantity,
            Some("98.6"),
            Some("deg"),
        ),
        c(
            "kg",
            "The parcel weighed 10 kg.",
            "10 kg",
            K::Quantity,
            Some("10"),
            Some("kg"),
        ),
        c(
            "feet",
            "The wall is 6 feet high.",
            "6 feet",
            K::Quantity,
            Some("6"),
            Some("ft"),
        ),
        c(
            "miles",
            "He ran 3 miles before work.",
            "3 miles",
            K::Quantity,
            Some("3"),
            Some("mi"),
        ),
        c(
            "glued_unit",
            "Add 500g of flour.",
            "500g",
            K::Quantity,
            Some("500"),
            Some("g"),
        ),
        c(
            "square_km",
            "The fire burned 40 square kilometres.",
            "40 square kilometres",
            K::Quantity,
            Some("40"),
            Some("km"),
        ),
        c(
            "adjectival",
            "It was a four-mile walk.",
            "four-mile",
            K::Quantity,
            Some("4"),
            Some("mi"),
        ),
        c(
            "age",
            "A 45-year-old man was arrested.",
            "45-year-old",
            K::Quantity,
            Some("45"),
            Some("years old"),
        ),
        c(
            "pounds_of",
            "She bought six pounds of apples.",
            "six pounds",
            K::Quantity,
            Some("6"),
            Some("lb"),
        ),
        c(
            "compound_length",
            "He stands 5 feet 10 inches tall.",
            "5 feet 10 inches",
            K::Quantity,
            Some("5"),
            Some("ft"),
        ),
        c(
            "count_posts",
            "In a series of 14 posts on X, he spoke.",
            "14",
            K::Number,
            Some("14"),
            Some("posts"),
        ),
        c(
            "count_words",
            "Nine judges heard the case.",
            "Nine",
            K::Number,
            Some("9"),
            Some("judges"),
        ),
        c(
            "metres_glued_m",
            "He won the 100m final.",
            "100m",
            K::Quantity,
            Some("100"),
            Some("m"),
        ),
    ]);
}

#[test]
fn dates() {
    run(&[
        // "from" without a second end is left out; a range keeps it
        c(
            "from_alone",
            "The rules apply from 2014 onwards in law.",
            "2014 onwards",
            K::Date,
            None,
            None,
        ),
        c(
            "from_range_kept",
            "The rules applied from 2011 to 2016.",
            "from 2011 to 2016",
            K::Date,
            None,
            None,
        ),
        c(
            "recent_weeks",
            "Fighting has intensified in recent weeks.",
            "recent weeks",
            K::Date,
            None,
            None,
        ),
        c(
            "the_hyphen_length",
            "Rebels ignored the 48-hour deadline.",
            "48-hour",
            K::Duration,
            Some("PT48H"),
            None,
        ),
        c(
            "mid_march_hyphen",
            "The plant has been shut since mid-March.",
            "since mid-March",
            K::Date,
            None,
            None,
        ),
        // halves of a year, seasons over two years, year ranges, years as modifiers
        c(
            "first_half_of_year",
            "Profits doubled in the first half of 2023.",
            "the first half of 2023",
            K::Date,
            None,
            None,
        ),
        c(
            "second_half_of_this_year",
            "Hiring is planned for the second half of this year.",
            "the second half of this year",
            K::Date,
            None,
            None,
        ),
        c(
            "season_two_years",
            "He scored 30 goals in the 2023-24 season.",
            "2023-24",
            K::Date,
            Some("2023/2024"),
            None,
        ),
        c(
            "year_range_two_digits",
            "The drought of 2019-21 hit farmers hard.",
            "2019-21",
            K::Date,
            None,
            None,
        ),
        c(
            "the_year_modifier",
            "Both ran in the 2024 election.",
            "2024",
            K::Date,
            Some("2024"),
            None,
        ),
        c(
            "the_decade_kept",
            "Rates were higher in the 1990s.",
            "the 1990s",
            K::Date,
            None,
            None,
        ),
        c(
            "weekday_abbrev_dot",
            "The hearing resumes on Thu. with new witnesses.",
            "Thu.",
            K::Date,
            None,
            None,
        ),
        // a bare number closing a range after a day of a month is a day
        c(
            "day_range_dash",
            "The summit takes place on October 21-22 in Seoul.",
            "October 21-22",
            K::Date,
            None,
            None,
        ),
        c(
            "day_range_to",
            "Voting runs from July 13 to 15.",
            "from July 13 to 15",
            K::Date,
            None,
            None,
        ),
        // holidays: more names, English names of feasts, "the Day of X", a rite before it
        c(
            "ash_wednesday",
            "Services were held on Ash Wednesday 2019 across the city.",
            "Ash Wednesday 2019",
            K::Date,
            None,
            None,
        ),
        c(
            "feast_of_tabernacles",
            "Pilgrims came for the Feast of Tabernacles in 2022.",
            "the Feast of Tabernacles in 2022",
            K::Date,
            None,
            None,
        ),
        c(
            "day_of_holiday",
            "Crowds gathered on the Day of Ashura.",
            "the Day of Ashura",
            K::Date,
            None,
            None,
        ),
        c(
            "orthodox_rite",
            "Churches open early on Orthodox Clean Monday.",
            "Orthodox Clean Monday",
            K::Date,
            None,
            None,
        ),
        c(
            "bakr_id",
            "Markets were busy before Bakr Id 2021.",
            "before Bakr Id 2021",
            K::Date,
            None,
            None,
        ),
        c(
            "diwas_suffix",
            "The city marked Vijay Diwas with a parade.",
            "Vijay Diwas",
            K::Date,
            None,
            None,
        ),
        c(
            "weekend_of_holiday",
            "Traffic peaked on the weekend of Thanksgiving 2023.",
            "the weekend of Thanksgiving 2023",
            K::Date,
            None,
            None,
        ),
        c(
            "koningsdag",
            "Amsterdam turned orange for Koningsdag 2023.",
            "Koningsdag 2023",
            K::Date,
            None,
            None,
        ),
        c(
            "lowercase_lent_year",
            "fasting rules for lent 2024.",
            "lent 2024",
            K::Date,
            None,
            None,
        ),
        c(
            "lunar_new_years",
            "Sales peaked during last Lunar New Years, shops said.",
            "last Lunar New Years",
            K::Date,
            None,
            None,
        ),
        c(
            "possessive_quarter",
            "Profits should recover in next year's third quarter.",
            "next year's third quarter",
            K::Date,
            None,
            None,
        ),
        c(
            "day_month_year_dashed",
            "The filing is dated 31-Oct-74 in the archive.",
            "31-Oct-74",
            K::Date,
            Some("1974-10-31"),
            None,
        ),
        c(
            "holiday_arabic_article",
            "Offices close for Mawlid an-Nabi, the ministry said.",
            "Mawlid an-Nabi",
            K::Date,
            None,
            None,
        ),
        c(
            "same_year",
            "Both firms collapsed in the same year, records show.",
            "same year",
            K::Date,
            None,
            None,
        ),
        // "the" before a relative period is its determiner and stays out
        c(
            "the_next_quarter",
            "Profits should recover in the next quarter.",
            "next quarter",
            K::Date,
            None,
            None,
        ),
        c(
            "the_coming_years",
            "Costs will rise over the three coming years.",
            "three coming years",
            K::Date,
            None,
            None,
        ),
        c(
            "the_year_number",
            "The law was passed in the year 1998.",
            "year 1998",
            K::Date,
            None,
            None,
        ),
        c(
            "the_fiscal_year_number",
            "Revenue grew in the fiscal year 2023.",
            "fiscal year 2023",
            K::Date,
            None,
            None,
        ),
        // kept: an ordinal period of something, and after another prefix
        c(
            "the_last_week_of",
            "The vote is set for the last week of June.",
            "the last week of June",
            K::Date,
            None,
            None,
        ),
        c(
            "before_the_year",
            "No elections are due before the year 2030.",
            "before the year 2030",
            K::Date,
            None,
            None,
        ),
        c(
            "end_of_the_following_month",
            "Talks resume at the end of the following month.",
            "the end of the following month",
            K::Date,
            None,
            None,
        ),
        c(
            "season_after_in_the",
            "The works will continue through the summer.",
            "through the summer",
            K::Date,
            None,
            None,
        ),
        c(
            "year_to_date",
            "The index has gained 6% for the year to date.",
            "the year to date",
            K::Date,
            None,
            None,
        ),
        c(
            "end_of_day_abbreviation",
            "Staff must reply by EOD, the memo said.",
            "by EOD",
            K::Date,
            None,
            None,
        ),
        c(
            "lower_case_month_after_in",
            "the shop reopens in may.",
            "may",
            K::Date,
            Some("XXXX-05"),
            None,
        ),
        c(
            "holiday_day_of_a_name",
            "Banks close on Martin Luther King Day, the union said.",
            "Martin Luther King Day",
            K::Date,
            None,
            None,
        ),
        c(
            "holiday_possessive_day",
            "Crowds filled the square on International Women's Day.",
            "International Women's Day",
            K::Date,
            None,
            None,
        ),
        c(
            "holiday_day_and_year",
            "The ceremony was moved to Remembrance Day 2019.",
            "Remembrance Day 2019",
            K::Date,
            None,
            None,
        ),
        c(
            "holiday_suffix_word",
            "Markets were shut for Ganesh Chaturthi, traders said.",
            "Ganesh Chaturthi",
            K::Date,
            None,
            None,
        ),
        c(
            "holiday_phrase",
            "Fireworks lit the sky on Guy Fawkes Night.",
            "Guy Fawkes Night",
            K::Date,
            None,
            None,
        ),
        c(
            "holiday_hebrew_yom",
            "Sirens sounded across Israel on Yom HaShoah.",
            "Yom HaShoah",
            K::Date,
            None,
            None,
        ),
        c(
            "holiday_next_saint",
            "The parade returns next St. Patrick's Day.",
            "next St. Patrick's Day",
            K::Date,
            None,
            None,
        ),
        c(
            "month_day_year",
            "The invasion began on February 24, 2022, before dawn.",
            "February 24, 2022",
            K::Date,
            Some("2022-02-24"),
            None,
        ),
        c(
            "day_month",
            "The talks resume on 24 Feb in Geneva.",
            "24 Feb",
            K::Date,
            Some("XXXX-02-24"),
            None,
        ),
        c(
            "day_of_month",
            "Polls close on the 5th of May.",
            "the 5th of May",
            K::Date,
            Some("XXXX-05-05"),
            None,
        ),
        c(
            "weekday",
            "The leaders met on Friday.",
            "Friday",
            K::Date,
            Some("XXXX-WXX-5"),
            None,
        ),
        c(
            "weekday_date",
            "It opens on Monday, March 3, 2025.",
            "Monday, March 3, 2025",
            K::Date,
            Some("2025-03-03"),
            None,
        ),
        c(
            "last_week",
            "Prices fell last week.",
            "last week",
            K::Date,
            None,
            None,
        ),
        c(
            "next_month",
            "The vote is next month.",
            "next month",
            K::Date,
            None,
            None,
        ),
        c(
            "ago",
            "He left three years ago.",
            "three years ago",
            K::Date,
            Some("-P3Y"),
            None,
        ),
        c(
            "year",
            "The law passed in 2022.",
            "2022",
            K::Date,
            Some("2022"),
            None,
        ),
        c(
            "decade",
            "Crime peaked in the 1990s.",
            "the 1990s",
            K::Date,
            Some("1990s"),
            None,
        ),
        c(
            "month_year",
            "Output dropped in October 2020.",
            "October 2020",
            K::Date,
            Some("2020-10"),
            None,
        ),
        c(
            "iso",
            "The filing is dated 2023-11-05.",
            "2023-11-05",
            K::Date,
            Some("2023-11-05"),
            None,
        ),
        c(
            "slash",
            "The form was signed 12/25/2021.",
            "12/25/2021",
            K::Date,
            Some("2021-12-25"),
            None,
        ),
        c(
            "yesterday",
            "Officials confirmed it yesterday.",
            "yesterday",
            K::Date,
            None,
            None,
        ),
        c(
            "since_year",
            "Rates have risen since 2019.",
            "since 2019",
            K::Date,
            None,
            None,
        ),
        c(
            "from_to",
            "The show runs from May to October.",
            "from May to October",
            K::Date,
            None,
            None,
        ),
        c(
            "holiday",
            "Shops shut on Christmas Day.",
            "Christmas Day",
            K::Date,
            None,
            None,
        ),
        c(
            "end_of_year",
            "It will be ready by the end of 2026.",
            "by the end of 2026",
            K::Date,
            None,
            None,
        ),
        c(
            "quarter",
            "Growth slowed in Q3 2024.",
            "Q3 2024",
            K::Date,
            None,
            None,
        ),
        c(
            "this_past",
            "Sales slipped this past weekend.",
            "this past weekend",
            K::Date,
            None,
            None,
        ),
        c(
            "mid_decade",
            "Plans stalled in the mid-1990s.",
            "the mid-1990s",
            K::Date,
            None,
            None,
        ),
    ]);
}

#[test]
fn times() {
    run(&[
        // am/pm spelt apart (transcripts, tokenized text)
        c(
            "spaced_pm",
            "polls shut at 9:45 p m in the east",
            "9:45 p m",
            K::Time,
            Some("T21:45"),
            None,
        ),
        c(
            "spaced_dotted_am",
            "the raid began at 4 a . m . on monday",
            "4 a . m . on monday",
            K::Time,
            None,
            None,
        ),
        // the present as an idiom with its "at"
        c(
            "at_the_moment",
            "There are no talks planned at the moment, he said.",
            "at the moment",
            K::Time,
            None,
            None,
        ),
        c(
            "at_present",
            "At present, the border is closed.",
            "At present",
            K::Time,
            None,
            None,
        ),
        c(
            "at_the_minute",
            "Prices are too high at the minute, she said.",
            "at the minute",
            K::Time,
            None,
            None,
        ),
        c(
            "at_the_present_time",
            "We cannot comment at the present time.",
            "at the present time",
            K::Time,
            None,
            None,
        ),
        // military time: zero-led four digits after "at"/in a range, or before a time zone
        c(
            "military_zone",
            "The strike began at 1430 GMT on Monday.",
            "1430 GMT on Monday",
            K::Time,
            None,
            None,
        ),
        c(
            "military_range",
            "The road is closed between 0600-0930, police said.",
            "between 0600-0930",
            K::Time,
            None,
            None,
        ),
        c(
            "military_at",
            "Troops moved in at 0500, witnesses said.",
            "0500",
            K::Time,
            Some("T05:00"),
            None,
        ),
        // a day of the month after "of the" joins the period before it
        c(
            "week_of_the_day",
            "The hearing was pushed to the week of the 24th.",
            "the week of the 24th",
            K::Date,
            None,
            None,
        ),
        c(
            "stray_dot_before_am",
            "doors open at 9.am for members.",
            "9.am",
            K::Time,
            Some("T09:00"),
            None,
        ),
        c(
            "lower_case_zone",
            "The call is on Monday 9h30 pst for all staff.",
            "Monday 9h30 pst",
            K::Time,
            None,
            None,
        ),
        c(
            "minutes_past_hour",
            "The blast was heard at ten past nine on the quay.",
            "ten past nine",
            K::Time,
            Some("T09:10"),
            None,
        ),
        c(
            "half_past",
            "Voting starts at half past six, officials said.",
            "half past six",
            K::Time,
            Some("T06:30"),
            None,
        ),
        c(
            "quarter_to_pm",
            "The train left at a quarter to five p.m. sharp.",
            "a quarter to five p.m.",
            K::Time,
            Some("T16:45"),
            None,
        ),
        c(
            "digits_clock_without_colon",
            "The alarm went off at 1025 a.m. in the depot.",
            "1025 a.m.",
            K::Time,
            Some("T10:25"),
            None,
        ),
        c(
            "hour_in_the_morning",
            "The fire broke out at 3 in the morning, police said.",
            "3 in the morning",
            K::Time,
            None,
            None,
        ),
        c(
            "hour_ish",
            "They expect him back 11ish, aides said.",
            "11ish",
            K::Time,
            Some("T11:00"),
            None,
        ),
        c(
            "pm_dotted",
            "The summit starts at 3 p.m. local time.",
            "3 p.m.",
            K::Time,
            Some("T15:00"),
            None,
        ),
        c(
            "twenty_four_hour",
            "The train left at 15:30.",
            "15:30",
            K::Time,
            Some("T15:30"),
            None,
        ),
        c(
            "noon",
            "Voting closes at noon.",
            "noon",
            K::Time,
            None,
            None,
        ),
        c(
            "am_glued",
            "Doors open at 8am sharp.",
            "8am",
            K::Time,
            Some("T08:00"),
            None,
        ),
        c(
            "weekday_at_time",
            "They met on Friday at 3 p.m. in Kyiv.",
            "Friday at 3 p.m.",
            K::Time,
            None,
            None,
        ),
        c(
            "tomorrow_morning",
            "He flies out tomorrow morning.",
            "tomorrow morning",
            K::Time,
            None,
            None,
        ),
        c(
            "time_range",
            "The office is open 9am to 5pm.",
            "9am to 5pm",
            K::Time,
            None,
            None,
        ),
        c(
            "bare_hour_range",
            "The clinic runs 4 to 5pm for walk-ins.",
            "4 to 5pm",
            K::Time,
            None,
            None,
        ),
        c(
            "in_the_evening",
            "The vote was held in the evening.",
            "in the evening",
            K::Time,
            None,
            None,
        ),
        c(
            "zone",
            "Markets open at 14:30 GMT.",
            "14:30 GMT",
            K::Time,
            Some("T14:30"),
            None,
        ),
        c(
            "tonight",
            "He will speak tonight.",
            "tonight",
            K::Time,
            None,
            None,
        ),
    ]);
}

#[test]
fn durations() {
    run(&[
        c(
            "quarter_of_an_hour",
            "The shelling stopped in a quarter of an hour.",
            "in a quarter of an hour",
            K::Time,
            Some("+PT0.25H"),
            None,
        ),
        c(
            "three_quarters_of_an_hour_later",
            "Three-quarters of an hour later the lights came back.",
            "Three-quarters of an hour later",
            K::Time,
            None,
            None,
        ),
        c(
            "right_now_time",
            "The plant is closed right now, officials said.",
            "right now",
            K::Time,
            None,
            None,
        ),
        c(
            "last_night_time",
            "Last night the storm reached the coast.",
            "Last night",
            K::Time,
            None,
            None,
        ),
        c(
            "few_without_article",
            "The results are due in few minutes, aides said.",
            "in few minutes",
            K::Time,
            Some("+PT3M"),
            None,
        ),
        // a duration after "in" is the point it leads to: a date, or a time under a day
        c(
            "in_weeks_point",
            "The ministers will meet again in two weeks.",
            "in two weeks",
            K::Date,
            Some("+P2W"),
            None,
        ),
        c(
            "in_minutes_point",
            "The polls close in 45 minutes across the state.",
            "in 45 minutes",
            K::Time,
            Some("+PT45M"),
            None,
        ),
        c(
            "in_about_half_minute",
            "The lift doors close in about half a minute.",
            "in about half a minute",
            K::Time,
            None,
            None,
        ),
        c(
            "within_minutes",
            "Firefighters were on the scene within 8 minutes.",
            "within 8 minutes",
            K::Time,
            None,
            None,
        ),
        c(
            "within_days",
            "A decision is expected within ten days.",
            "within ten days",
            K::Date,
            None,
            None,
        ),
        // relative periods under a day are times
        c(
            "last_minutes_time",
            "Two goals came in the last 5 minutes of the match.",
            "last 5 minutes",
            K::Time,
            None,
            None,
        ),
        c(
            "minutes_later_time",
            "Police arrived 20 minutes later.",
            "20 minutes later",
            K::Time,
            Some("+PT20M"),
            None,
        ),
        c(
            "next_hour_time",
            "More rain is expected over the next hour.",
            "next hour",
            K::Time,
            None,
            None,
        ),
        c(
            "days_ago_still_date",
            "The ceasefire collapsed three days ago.",
            "three days ago",
            K::Date,
            Some("-P3D"),
            None,
        ),
        // "for" keeps a length of time
        c(
            "for_hours_duration",
            "The talks went on for six hours.",
            "six hours",
            K::Duration,
            Some("PT6H"),
            None,
        ),
        c(
            "for_years",
            "The war has lasted for three years.",
            "three years",
            K::Duration,
            Some("P3Y"),
            None,
        ),
        c(
            "hours",
            "The meeting ran two hours.",
            "two hours",
            K::Duration,
            Some("PT2H"),
            None,
        ),
        c(
            "an_hour",
            "The flight takes an hour.",
            "an hour",
            K::Duration,
            Some("PT1H"),
            None,
        ),
        c(
            "digits_days",
            "A 30 days notice is needed.",
            "30 days",
            K::Duration,
            Some("P30D"),
            None,
        ),
        c(
            "half_an_hour",
            "He waited half an hour outside.",
            "half an hour",
            K::Duration,
            Some("PT0.5H"),
            None,
        ),
        c(
            "compound",
            "The trial took 2 years and 3 months.",
            "2 years and 3 months",
            K::Duration,
            None,
            None,
        ),
        c(
            "adjectival",
            "They signed a five-year contract.",
            "five-year",
            K::Duration,
            Some("P5Y"),
            None,
        ),
    ]);
}

#[test]
fn not_figures() {
    run_absent(&[
        ("g7", "Leaders of the G7 met in Italy.", "7"),
        ("covid", "The COVID-19 pandemic closed schools.", "19"),
        ("boeing", "A Boeing 737 was grounded.", "737"),
        ("fighter", "Ukraine asked for F-16 jets.", "16"),
        ("phone", "Call 555-123-4567 for details.", "555-123-4567"),
        ("version", "Update to version 2.4.1 now.", "2.4.1"),
        (
            "url",
            "See https://example.com/page?id=2022&x=50% for more.",
            "2022",
        ),
        ("may_modal", "Prices may rise again.", "may"),
        (
            "march_verb",
            "Protesters will march to parliament.",
            "march",
        ),
        ("no_one", "No one wants peace more than Ukraine.", "one"),
        ("ssn_like", "The code is 123-12-1234 on file.", "1234"),
        ("five_g", "The 5G network launched.", "5G"),
        ("now_alone", "He is now in London.", "now"),
        ("sun_newspaper", "The Sun reported the story.", "Sun"),
        ("day_surname", "The actress Doris Day sang it.", "Day"),
        ("day_lewis", "Daniel Day-Lewis won again.", "Day"),
        ("day_count", "On Day 3 of the trial he spoke.", "Day"),
        ("puja_alone", "The puja lasted an hour.", "puja"),
        ("fall_of", "Few foresaw the fall of Kabul.", "fall"),
        ("may_clause", "He may, in may cases, refuse.", "may cases"),
        ("same_person", "It was the same man again.", "same"),
        // REGRESSION: holiday names that are everyday words
        ("lent_verb", "The bank lent him the money.", "lent"),
        (
            "lent_amount",
            "The bank lent 2000 dollars to the farm.",
            "lent",
        ),
        (
            "white_sunday_morning",
            "It was a white sunday morning.",
            "white",
        ),
        (
            "feast_alone",
            "They held a feast of lamb and rice.",
            "feast",
        ),
        (
            "first_half_match",
            "His goal lit up the first half of the match.",
            "half",
        ),
        ("recent_study", "A recent study found no link.", "recent"),
        ("form_13f", "Funds must file a 13F every quarter.", "13F"),
        ("grade_5c", "She sat the exam in class 5C.", "5C"),
        // REGRESSION: idioms of the present only with "at"
        ("moment_of", "It broke at the moment of impact.", "moment"),
        ("present_day", "Sold at present-day prices.", "present"),
        (
            "present_adjective",
            "He was present at the meeting.",
            "present",
        ),
        ("minute_mark", "He scored at the minute mark.", "minute"),
        ("le_article", "Le Pen won 42 seats.", "Le"),
        ("advent_noun", "It came with the advent of radio.", "advent"),
        ("epiphany_noun", "She had an epiphany at work.", "epiphany"),
    ]);
}

#[test]
fn codes_and_scores() {
    // REGRESSION: the second group of a code was a figure ("800" with unit "crashed", "1234" a
    // year), and the first number of a vote tally was lost
    run_absent(&[
        (
            "regression_model_second_group",
            "A Boeing 737-800 crashed.",
            "800",
        ),
        (
            "regression_phone_second_group",
            "Call 555-1234 now.",
            "1234",
        ),
    ]);
    run(&[
        c(
            "regression_vote_tally_first",
            "The bill passed 218-212.",
            "218",
            K::Number,
            Some("218"),
            None,
        ),
        c(
            "vote_tally_second",
            "The bill passed 218-212.",
            "212",
            K::Number,
            Some("212"),
            None,
        ),
        // REGRESSION: a score before a day was a time range ("3-1 on Sunday")
        c(
            "regression_score_before_day",
            "Arsenal won 3-1 on Sunday.",
            "Sunday",
            K::Date,
            Some("XXXX-WXX-7"),
            None,
        ),
        c(
            "hour_range_before_day",
            "We meet 3-4 pm on Sunday.",
            "3-4 pm on Sunday",
            K::Time,
            None,
            None,
        ),
    ]);
}

#[test]
fn regression() {
    run(&[
        // REGRESSION: "by a third" before a preposition was the ordinal "third"
        c(
            "regression_by_a_third",
            "The company cut costs by a third since 2019.",
            "a third",
            K::Number,
            Some("0.333333"),
            None,
        ),
        // REGRESSION: "by a quarter" was a duration of three months
        c(
            "regression_by_a_quarter",
            "Sales fell by a quarter last year.",
            "a quarter",
            K::Number,
            Some("0.25"),
            None,
        ),
        // "a third party" stays an ordinal
        c(
            "by_a_third_party",
            "It was won by a third party in 2019.",
            "third",
            K::Ordinal,
            Some("3"),
            None,
        ),
        // "trn" is a trillion too
        c(
            "trn_suffix",
            "It is worth £1.5trn.",
            "£1.5trn",
            K::Money,
            Some("1500000000000"),
            Some("GBP"),
        ),
        // REGRESSION: zero-led digit groups of a phone number and counts are not clock times
        c(
            "regression_phone_zero_led",
            "Call 0800 123 456 for help.",
            "0800",
            K::Number,
            None,
            None,
        ),
        // a frequency does not swallow the date that ends it
        c(
            "regression_daily_until",
            "Prizes are drawn daily until March 14th.",
            "until March 14th",
            K::Date,
            Some("XXXX-03-14"),
            None,
        ),
        // "the year of 2012" is the year alone
        c(
            "regression_year_of_year",
            "Output fell in the year of 2012.",
            "2012",
            K::Date,
            Some("2012"),
            None,
        ),
        // a phone number split by spaces is not one amount
        c(
            "regression_spaced_phone",
            "Call 555 123 4567 today.",
            "555",
            K::Number,
            None,
            None,
        ),
        // a year after "in" is not the denominator of a ratio
        c(
            "regression_ratio_not_year",
            "Only one in 2020 was sold.",
            "2020",
            K::Date,
            None,
            None,
        ),
        // "in" before a place is a preposition, not inches
        c(
            "regression_feet_then_in_place",
            "The wall is 6 ft 2 in London terms.",
            "6 ft",
            K::Quantity,
            None,
            Some("ft"),
        ),
        // "9 to 9:45" is a range, not "nine minutes to 9:45"
        c(
            "regression_range_not_minutes_to",
            "The count runs today from 9 to 9:45 in the hall.",
            "today from 9 to 9:45",
            K::Time,
            None,
            None,
        ),
        // a month name before a time must not end the date at the month: "march 19th 4:15"
        c(
            "regression_day_then_clock",
            "We meet on March 19th 4:15 sharp.",
            "March 19th 4:15",
            K::Time,
            None,
            None,
        ),
        // a bare day number between range words stays a day, not an hour
        c(
            "regression_ordinal_range",
            "The fair runs from the 21st to the 23rd of October.",
            "from the 21st to the 23rd of October",
            K::Date,
            None,
            None,
        ),
        // two figures split by a bracket stay two figures
        c(
            "regression_bracket_pair",
            "a €3 billion (£2.6 billion) package",
            "£2.6 billion",
            K::Money,
            Some("2600000000"),
            Some("GBP"),
        ),
        // "10 $" with a spaced sign after the number
        c(
            "regression_sign_after",
            "It cost 10 $ in all.",
            "10 $",
            K::Money,
            Some("10"),
            Some("USD"),
        ),
        // a decimal clock time with pm
        c(
            "regression_decimal_clock",
            "Doors open at 7.30pm.",
            "7.30pm",
            K::Time,
            Some("T19:30"),
            None,
        ),
        // "the year 2017" keeps its year
        c(
            "regression_the_year",
            "She retired after the year 2017 ended.",
            "after the year 2017",
            K::Date,
            Some("2017"),
            None,
        ),
        // range of quantities with the unit repeated
        c(
            "regression_qty_range",
            "Highs from 30 degrees to 40 degrees are forecast.",
            "from 30 degrees to 40 degrees",
            K::Quantity,
            Some("30-40"),
            Some("deg"),
        ),
        // whole amount in words, then its hundredths
        c(
            "regression_cents_after_dollars",
            "The fare is 18 dollars 25.",
            "18 dollars 25",
            K::Money,
            Some("18.25"),
            Some("USD"),
        ),
        // a spaced, capitalised dollar prefix
        c(
            "regression_spaced_us_dollar",
            "It was a US $150 million loan.",
            "US $150 million",
            K::Money,
            Some("150000000"),
            Some("USD"),
        ),
        // a digit fraction before a unit is one quantity, not a date
        c(
            "regression_digit_fraction",
            "Pour in 3/4 gallon of water.",
            "3/4 gallon",
            K::Quantity,
            Some("0.75"),
            Some("gal"),
        ),
        // "one fifth" is a fraction, not "one" and an ordinal
        c(
            "regression_one_fifth",
            "Only one fifth of voters agreed.",
            "one fifth",
            K::Number,
            Some("0.2"),
            None,
        ),
        // ages after "aged"
        c(
            "regression_aged",
            "A man aged 87 was hurt.",
            "aged 87",
            K::Quantity,
            Some("87"),
            Some("years old"),
        ),
        // a duration that starts on a date is one time span
        c(
            "regression_duration_starting",
            "Book the hall for a fortnight starting tomorrow.",
            "a fortnight starting tomorrow",
            K::Date,
            None,
            None,
        ),
        // decimal clock after "at"
        c(
            "regression_decimal_after_at",
            "They train on Mondays at 18.45 in the gym.",
            "Mondays at 18.45",
            K::Time,
            None,
            None,
        ),
        // o'clock after a weekday is an hour, not a day of the month
        c(
            "regression_weekday_oclock",
            "Doors open on Tuesday 6 o'clock.",
            "Tuesday 6 o'clock",
            K::Time,
            None,
            None,
        ),
        // lower-case new year's eve
        c(
            "regression_new_years_eve",
            "We met on new year's eve.",
            "new year's eve",
            K::Date,
            None,
            None,
        ),
        // a range that looks like a phone number but is followed by a unit
        c(
            "regression_range_not_phone",
            "Tanks hold 200-2000 liters.",
            "200-2000 liters",
            K::Quantity,
            None,
            Some("l"),
        ),
        // relative periods with a count
        c(
            "regression_past_quarters",
            "Sales fell in the past three quarters.",
            "past three quarters",
            K::Date,
            None,
            None,
        ),
        // holidays of several words
        c(
            "regression_eid",
            "Shops close for Eid al-Fitr 2025.",
            "Eid al-Fitr 2025",
            K::Date,
            None,
            None,
        ),
        // abbreviated month with a dot, then day and year
        c(
            "regression_month_dot",
            "The deal closed on Dec. 31, 1994 in Ohio.",
            "Dec. 31, 1994",
            K::Date,
            Some("1994-12-31"),
            None,
        ),
        // digit groups split by a no-break space, decimals kept
        c(
            "regression_nbsp_groups",
            "The total was 7\u{202f}654\u{202f}321.45 euros.",
            "7\u{202f}654\u{202f}321.45 euros",
            K::Money,
            Some("7654321.45"),
            Some("EUR"),
        ),
        // "later than" joins a time to its day
        c(
            "regression_later_than",
            "The parcel comes next Friday later than 9 in the morning.",
            "next Friday later than 9 in the morning",
            K::Time,
            None,
            None,
        ),
        // a whole period after "for the"
        c(
            "regression_for_the_month",
            "She is away for the month.",
            "the month",
            K::Date,
            None,
            None,
        ),
        // frequency words are dates (sets)
        c(
            "regression_weekly",
            "The paper is printed weekly.",
            "weekly",
            K::Date,
            Some("P1W"),
            None,
        ),
        // meals after a preposition are times of day
        c(
            "regression_before_lunch",
            "The talks end before lunch.",
            "before lunch",
            K::Time,
            None,
            None,
        ),
        // eras after years
        c(
            "regression_era",
            "The wall was built in 122 AD by Rome.",
            "122 AD",
            K::Date,
            Some("0122"),
            None,
        ),
        // vulgar fractions
        c(
            "regression_vulgar_fraction",
            "He ran 2½ miles.",
            "2½ miles",
            K::Quantity,
            Some("2.5"),
            Some("mi"),
        ),
        // a quarter with its year
        c(
            "regression_quarter_year",
            "Profits rose in the first quarter of 2024.",
            "the first quarter of 2024",
            K::Date,
            None,
            None,
        ),
    ]);
    // two bare number words joined by "to" are counts, not a time; a count before "next week"
    // stays apart from it
    for (name, text, not_temporal) in [
        (
            "regression_bare_word_range",
            "Each crew takes two to four riders on board",
            "two to four",
        ),
        (
            "regression_count_before_next",
            "The class will be only 5 next week.",
            "5 next week",
        ),
    ] {
        let figs = find_figures(text);
        let bad = figs.iter().any(|f| {
            matches!(f.kind, K::Date | K::Time | K::Duration)
                && &text[f.span.start..f.span.end] == not_temporal
        });
        assert!(!bad, "{name}: [{}]", show(text, &figs));
    }
    run_absent(&[
        ("regression_may_verb_lower", "It may be in June.", "may"),
        // currency names that are English words are not money after "a" or number words
        (
            "regression_weak_currency",
            "It is a real problem for two real estate firms.",
            "real",
        ),
        // "now" alone is not a date
        (
            "regression_bare_now",
            "And now he says the talks are over.",
            "now",
        ),
        // long digit runs are ids
        (
            "regression_long_id",
            "See status 672139201337532417 for the post.",
            "672139201337532417",
        ),
        // "one may wonder" is not a day and month
        (
            "regression_one_may",
            "One may wonder why the vote failed.",
            "may",
        ),
    ]);
    run_absent(&[
        // weekday lists are separate figures, but neither swallows the comma
        (
            "regression_url_percent",
            "Open www.example.org/a%20b%2022 now",
            "22",
        ),
    ]);
    let text = "They met on Friday, Saturday and Sunday.";
    let figs = find_figures(text);
    assert_eq!(
        figs.len(),
        3,
        "regression_weekday_list: [{}]",
        show(text, &figs)
    );
}

#[test]
fn sample_article() {
    let text = include_str!("testdata/sample_article.txt");
    let figs = find_figures(text);
    let got: Vec<(&str, K)> = figs
        .iter()
        .map(|f| (&text[f.span.start..f.span.end], f.kind))
        .collect();
    let want = [
        ("Friday", K::Date),
        ("Saturday", K::Date),
        ("£2.26 billion", K::Money),
        ("$2.8 billion", K::Money),
        ("14", K::Number),
        ("February 24, 2022", K::Date),
        ("Friday", K::Date),
        ("three years ago", K::Date),
        ("first", K::Ordinal),
    ];
    assert_eq!(got, want);
    let loan = &figs[2];
    assert_eq!(
        (loan.value.as_deref(), loan.unit.as_deref()),
        (Some("2260000000"), Some("GBP"))
    );
    assert_eq!(figs[4].unit.as_deref(), Some("posts"));
    assert_eq!(figs[5].value.as_deref(), Some("2022-02-24"));
}

/// Checks the output contract: sorted, non-overlapping, in range, on char boundaries.
fn check_contract(text: &str) {
    let figs = find_figures(text);
    let mut last = 0;
    let (mut at_byte, mut at_cp) = (0usize, 0usize);
    for f in &figs {
        assert!(f.span.start < f.span.end, "empty span in {text:?}");
        assert!(
            f.span.start >= last,
            "unsorted or overlapping spans in {text:?}"
        );
        assert!(f.span.end <= text.len(), "span out of range in {text:?}");
        assert!(
            text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
            "span off a char boundary in {text:?}"
        );
        // byte -> code point -> byte round trip, walking forward once from the last checkpoint
        let (prev_byte, prev_cp) = (at_byte, at_cp);
        at_cp += text[at_byte..f.span.start].chars().count();
        at_byte = f.span.start;
        let back = prev_byte
            + text[prev_byte..]
                .chars()
                .take(at_cp - prev_cp)
                .map(char::len_utf8)
                .sum::<usize>();
        assert_eq!(back, f.span.start);
        last = f.span.end;
    }
    // deterministic
    assert_eq!(figs, find_figures(text));
}

/// Tiny deterministic PRNG (xorshift64*), so the property test needs no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

#[test]
fn property_arbitrary_strings_keep_the_contract() {
    const ALPHABET: &[&str] = &[
        "0",
        "1",
        "2",
        "9",
        "5",
        ",",
        ".",
        ":",
        "/",
        "-",
        "%",
        "$",
        "£",
        "€",
        "¥",
        "°",
        "'",
        "’",
        " ",
        " ",
        "\n",
        "\t",
        "a",
        "m",
        "p",
        "s",
        "th",
        "st",
        "k",
        "bn",
        "US",
        "C",
        "EUR",
        "GBP",
        "Q",
        "h",
        "am",
        "p.m.",
        "a.m",
        "one",
        "twenty",
        "-",
        "first",
        "hundred",
        "million",
        "dozen",
        "half",
        "thirds",
        "and",
        "the",
        "of",
        "May",
        "June",
        "Friday",
        "Sat",
        "last",
        "next",
        "week",
        "years",
        "ago",
        "from",
        "to",
        "between",
        "noon",
        "tonight",
        "in",
        "percent",
        "per",
        "cent",
        "km",
        "degrees",
        "dollars",
        "pounds",
        "http://",
        "www.",
        "😀",
        "👩‍👩‍👧",
        "\u{200d}",
        "中文",
        "日本",
        "مرحبا",
        "עברית",
        "\u{202e}",
        "e\u{301}",
        "\u{0}",
        "\u{7}",
        "\u{feff}",
        "\u{a0}",
        "\u{202f}",
        "Ω",
        "ß",
        "İ",
    ];
    // FIGURES_FUZZ_ITERS=200000 for a longer local run
    let iters: usize = std::env::var("FIGURES_FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..iters {
        let len = (rng.next() % 40) as usize;
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(ALPHABET[(rng.next() % ALPHABET.len() as u64) as usize]);
            if rng.next().is_multiple_of(3) {
                s.push(' ');
            }
        }
        check_contract(&s);
    }
}

fn time_of(text: &str) -> std::time::Duration {
    let t = std::time::Instant::now();
    let figs = find_figures(text);
    let d = t.elapsed();
    assert!(figs.iter().all(|f| f.span.end <= text.len()));
    d
}

/// Runs `make(n)` and `make(4n)`; the larger input may take at most ~8x as long (linear, with
/// slack for a shared machine).
fn assert_linear(name: &str, make: impl Fn(usize) -> String, n: usize) {
    let small = make(n);
    let large = make(4 * n);
    check_contract(&small);
    let t1 = time_of(&small).max(time_of(&small));
    let t4 = time_of(&large).min(time_of(&large));
    assert!(
        t4 <= t1 * 10 + std::time::Duration::from_millis(50),
        "{name}: {t1:?} for {} bytes but {t4:?} for {} bytes",
        small.len(),
        large.len()
    );
}

#[test]
fn pathological_inputs_stay_linear() {
    assert_linear("digits", |n| "7".repeat(n), 1 << 16);
    assert_linear(
        "number_words",
        |n| "one hundred and twenty ".repeat(n / 23),
        1 << 16,
    );
    assert_linear("commas", |n| "1,".repeat(n / 2), 1 << 16);
    assert_linear("dots", |n| "1.".repeat(n / 2), 1 << 16);
    assert_linear("dashes", |n| "12-".repeat(n / 3), 1 << 16);
    assert_linear("slashes", |n| "1/2/".repeat(n / 4), 1 << 16);
    assert_linear(
        "months",
        |n| "May June Friday last week ".repeat(n / 26),
        1 << 16,
    );
    assert_linear("currency", |n| "$$£€ 5 ".repeat(n / 9), 1 << 16);
    assert_linear(
        "connectors",
        |n| "Friday to Monday and from 3 to ".repeat(n / 31),
        1 << 16,
    );
    assert_linear("indian_groups", |n| "1,00,".repeat(n / 5), 1 << 16);
    assert_linear("spaced_groups", |n| "1 234 ".repeat(n / 6), 1 << 16);
    assert_linear(
        "holiday_words",
        |n| "St. King's Day Puja Yom ".repeat(n / 24),
        1 << 16,
    );
    assert_linear(
        "clock_words",
        |n| "ten past ten to ".repeat(n / 16),
        1 << 16,
    );
}

#[test]
fn one_megabyte_of_digits_and_a_hundred_thousand_number_words() {
    let digits = "9".repeat(1 << 20);
    check_contract(&digits);
    let words = "twenty ".repeat(100_000);
    let figs = find_figures(&words);
    assert!(!figs.is_empty());
    check_contract(&words);
    let mixed = "1,000,000.5 ".repeat(50_000) + &",.".repeat(100_000);
    check_contract(&mixed);
}

#[test]
fn whole_text_equals_line_by_line() {
    // the text is tokenized once and scanned line by line: the same figures as analysing each
    // line alone, including where numbers, dates and amounts meet a line break
    let sample = include_str!("testdata/sample_article.txt");
    let pieces = [
        "5",
        "000",
        "1,",
        "$",
        "£2",
        "May",
        "2020",
        "on Friday",
        "at 3",
        "p.m.",
        "a.",
        "m.",
        "’90s",
        "10-",
        "15%",
        "twenty",
        "one",
        "million",
        "http://x.org/2020",
        "\n",
        "\n",
        "\r\n",
        " ",
        " ",
        ",",
        ".",
        "-",
        "the",
        "year",
        "ago",
        "next",
        "week",
        "½",
        "Q3",
        "\u{a0}",
    ];
    // long texts too: tokenized a chunk of lines at a time
    let long = sample.repeat(40);
    let one_line = sample.replace('\n', " ").repeat(40);
    let mut texts = vec![
        sample.to_string(),
        sample.replace(". ", ".\n"),
        long,
        one_line,
    ];
    texts.extend(crate::engine::random_texts(
        &pieces,
        2000,
        16,
        0x2545_f491_4f6c_dd1d,
    ));
    for text in &texts {
        let mut want = Vec::new();
        let mut base = 0;
        for line in text.split_inclusive('\n') {
            for mut f in find_figures(line) {
                f.span = crate::engine::Span::new(f.span.start + base, f.span.end + base);
                want.push(f);
            }
            base += line.len();
        }
        assert_eq!(find_figures(text), want, "{text:?}");
    }
}

#[test]
fn apostrophe_opens_only_before_glued_digits() {
    // `trigger` skips an apostrophe unless digits follow it glued: the scanners find nothing
    // at such an apostrophe
    use super::token::{tokenize, Tk};
    use super::{amount, temporal, Cx};
    use std::cell::Cell;
    let pieces = [
        "’", "'", "s", "t", "90s", "90", "1990s", "2020", "May", "a", "year", "one", "1st", "½",
        "$", "5", " ", ",", "-", "O", "clock", "ll", "re", "twenty", "%", "million", "am", "’s",
    ];
    for text in crate::engine::random_texts(&pieces, 3000, 11, 0x9e37_79b9_7f4a_7c15) {
        let toks = tokenize(&text);
        let nums = vec![Cell::new(None); toks.len()];
        let cx = Cx::new(&text, &toks, &nums);
        for (i, t) in toks.iter().enumerate() {
            if t.tk != Tk::Sym || !(t.ch == '\'' || t.ch == '’') {
                continue;
            }
            if cx.num_tok(i + 1) && cx.glued(i + 1) {
                continue;
            }
            for floor in 0..=i {
                assert!(temporal::at(&cx, i, floor).is_none(), "{text:?} at {i}");
                assert!(amount::at(&cx, i, floor).is_none(), "{text:?} at {i}");
            }
        }
    }
}

#[test]
fn plain_letter_opens_only_a_quarter_or_a_dollar() {
    // `trigger` skips a single letter the lexicon does not know (or knows only as a function
    // word or a unit) unless it is `q` or a glued `$` follows it: the scanners find nothing at
    // such a letter
    use super::lexicon::Class;
    use super::token::{tokenize, Tk};
    use super::{amount, temporal, Cx};
    use std::cell::Cell;
    let pieces = [
        "s", "t", "d", "Q", "q", "C", "c", "S", "x", "R", "I", "i", "g", "l", "$", "5", "3",
        "2024", "’", "'", "-", ".", " ", ",", "Day", "year", "million", "new", "of", "the", "%",
        "½", "am", "second", "one", "do",
    ];
    for text in crate::engine::random_texts(&pieces, 3000, 11, 0x2545_f491_4f6c_dd1d) {
        let toks = tokenize(&text);
        let nums = vec![Cell::new(None); toks.len()];
        let cx = Cx::new(&text, &toks, &nums);
        for (i, t) in toks.iter().enumerate() {
            let only_func_or_unit = t
                .entries()
                .iter()
                .all(|e| matches!(e.class, Class::Func | Class::Qty));
            if t.tk != Tk::Word || t.end - t.start != 1 || !only_func_or_unit || cx.word_is(i, "a")
            {
                continue;
            }
            if cx.word_is(i, "q") || (cx.sym(i + 1, '$') && cx.glued(i + 1)) {
                continue;
            }
            for floor in 0..=i {
                assert!(temporal::at(&cx, i, floor).is_none(), "{text:?} at {i}");
                assert!(amount::at(&cx, i, floor).is_none(), "{text:?} at {i}");
            }
        }
    }
}

#[test]
fn few_and_several_are_function_words() {
    // `trigger` tests "few"/"several" only among function words
    let lex = super::lexicon::lexicon();
    for w in ["few", "several"] {
        assert!(
            lex.lookup(w.as_bytes())
                .iter()
                .any(|e| e.class == super::lexicon::Class::Func),
            "{w}"
        );
    }
}

#[test]
fn holiday_words_are_none_of_the_words_atoms_test() {
    // `temporal::atom` sends a word that is only a holiday word (or also a function word) to
    // `named_led` alone: it must be none of the words the other atom scanners test
    use super::lexicon::{lexicon, Class};
    let tested = [
        "a",
        "an",
        "the",
        "half",
        "quarter",
        "couple",
        "few",
        "several",
        "minute",
        "weekend",
        "week",
        "day",
        "year",
        "month",
        "fortnight",
        "night",
    ];
    for w in tested {
        let e = lexicon().lookup(w.as_bytes());
        let only_holiday = e.iter().any(|e| e.class == Class::Hpre)
            && e.iter()
                .all(|e| matches!(e.class, Class::Hpre | Class::Func));
        assert!(!only_holiday, "{w}");
    }
}

/// Each figure of `text` as (text, kind).
fn figures_of(text: &str) -> Vec<(&str, K)> {
    find_figures(text)
        .iter()
        .map(|f| (&text[f.span.start..f.span.end], f.kind))
        .collect()
}

#[test]
fn tallies_adjectives_and_everyday_days() {
    // a vote tally is two counts, and the weekday after it a date of its own
    assert_eq!(
        figures_of("The council voted 7-2 on Tuesday to keep the ferry."),
        [("7", K::Number), ("2", K::Number), ("Tuesday", K::Date)]
    );
    assert_eq!(
        figures_of("The rovers won 4-1 on Saturday."),
        [("4", K::Number), ("1", K::Number), ("Saturday", K::Date)]
    );
    // … while opening hours stay one range of times
    assert_eq!(
        figures_of("The clinic is open 9-5 on Tuesday."),
        [("9-5 on Tuesday", K::Time)]
    );
    // "a weeks-long strike": no duration of one week
    assert!(figures_of("It ended a months-long dispute and a weeks-long strike.").is_empty());
    assert_eq!(
        figures_of("The strike lasted a week."),
        [("a week", K::Duration)]
    );
    // "a good day" names no holiday; Good Friday and Election Day do
    assert_eq!(figures_of("The boat is full on a good day."), []);
    assert_eq!(figures_of("It was a black day for the town."), []);
    assert_eq!(
        figures_of("The pier opens on Good Friday."),
        [("Good Friday", K::Date)]
    );
    assert_eq!(
        figures_of("Polls close early on Election Day."),
        [("Election Day", K::Date)]
    );
}

#[test]
fn counted_plural_after_modifiers() {
    let unit = |text: &str| {
        find_figures(text)
            .first()
            .and_then(|f| f.unit.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        unit("The union represents about 40,000 rail workers."),
        "workers"
    );
    assert_eq!(
        unit("The board opened two new surgical centres this spring."),
        "centres"
    );
    assert_eq!(unit("He counted 14 posts."), "posts");
    assert_eq!(unit("They bought 12 red apples."), "apples");
    // a function word ends the search: "3 of the members" counts nothing named
    assert_eq!(unit("In the end 3 of the members left."), "");
}
