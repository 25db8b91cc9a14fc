//! Output types of the analysis engine.
//!
//! Offset contract: every [`Span`] is a half-open range of UTF-8 **byte** offsets into the text
//! given to [`crate::engine::analyze`]; both ends lie on `char` boundaries, so
//! `&text[span.start..span.end]` never panics.

/// A half-open byte range `[start, end)` into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start <= end` is the caller's duty.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    /// Whether the span is empty.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Everything the engine finds in one text. All lists are sorted by `span.start`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    /// People and organisations that are quoted, mentions merged.
    pub speakers: Vec<Speaker>,
    /// Every person mention (names, and pronouns/descriptions that were resolved), quoted or not.
    pub people: Vec<PersonMention>,
    /// Direct, mixed and indirect quotes.
    pub quotes: Vec<Quote>,
    /// Numbers, money, percentages, quantities, dates, times, durations.
    pub figures: Vec<Figure>,
}

/// One speaker: a person or organisation with all its mentions merged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Speaker {
    /// Index of this speaker in [`Analysis::speakers`].
    pub id: usize,
    /// Canonical name: the fullest form, titles stripped ("Keir Starmer").
    pub name: String,
    /// Role or title when the text gives one ("UK Prime Minister").
    pub role: Option<String>,
    /// Every mention of this speaker (names, pronouns, descriptions), sorted.
    pub mentions: Vec<Span>,
    /// Whether the speaker is an organisation or collective rather than a person.
    pub organisation: bool,
}

/// One mention of a person in the text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonMention {
    /// The mention as written ("Zelensky’s" gives the span of "Zelensky").
    pub span: Span,
    /// The canonical name of the person it refers to.
    pub name: String,
    /// Whether this person is quoted anywhere in the text.
    pub speaker: bool,
}

/// How much of a quote is inside quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum QuoteKind {
    /// All of the content is inside quotation marks.
    #[default]
    Direct,
    /// Reported speech that contains a quoted part.
    Mixed,
    /// Reported speech with no quotation marks.
    Indirect,
}

impl QuoteKind {
    /// Lowercase name used in JSON output: `direct`, `mixed`, `indirect`.
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// One quote fragment. A split quote (`"X," he said, "Y."`) gives two fragments with the same
/// `attribution`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quote {
    /// The content span (for direct quotes: inside the quotation marks, marks excluded).
    pub span: Span,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// Index into [`Analysis::speakers`], when the text gives a speaker.
    pub speaker_id: Option<usize>,
    /// The mention the text attributes this quote to (may be "he" or "the Ukrainian leader").
    pub speaker_mention: Option<Span>,
    /// The cue ("said", "according to") when there is one.
    pub cue: Option<Span>,
    /// Fragments of one attribution share this number.
    pub attribution: usize,
}

/// The kind of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FigureKind {
    /// Money: `£2.26 billion`.
    Money,
    /// Percentages and percentage points.
    Percent,
    /// Plain numbers and counts (`14 posts` gives 14 with unit "posts").
    #[default]
    Number,
    /// Ordinals: `third`, `21st`.
    Ordinal,
    /// Quantities with units: `5 km`, `30 degrees`.
    Quantity,
    /// Dates: `February 24, 2022`, `Friday`, `last week`.
    Date,
    /// Times of day: `3 p.m.`.
    Time,
    /// Durations: `for three years`.
    Duration,
}

impl FigureKind {
    /// Lowercase name used in JSON output.
    pub const fn as_str(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Number => "number",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Quantity => "quantity",
            FigureKind::Date => "date",
            FigureKind::Time => "time",
            FigureKind::Duration => "duration",
        }
    }
}

/// One figure.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figure {
    /// The figure as written.
    pub span: Span,
    /// What kind of figure it is.
    pub kind: FigureKind,
    /// Normalised value, as text: `2260000000` for £2.26 billion, `0.15` … or an ISO date
    /// (`2022-02-24`, `XXXX-02-24`, `P3Y` for durations). `None` when it cannot be normalised.
    pub value: Option<String>,
    /// Unit: ISO currency code (`GBP`), `%`, `percentage points`, a counted noun (`posts`), `km`.
    pub unit: Option<String>,
}
