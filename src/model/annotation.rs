//! Annotations: what the engine suggests and what the user decides, as saved and exported.
//!
//! Offsets are Unicode **code points**, half-open, into the document's normalised text
//! (`text.chars().skip(start).take(end - start)` is `exact`).
//!
//! Suggestions from the engine (`origin: Auto`) and the user's decisions are kept apart: a
//! suggestion the user accepted, rejected or edited is never replaced when the engine runs again
//! (see [`Annotation::is_decided`]).
//!
//! ```
//! use sayso::model::annotation::{Annotation, AnnotationKind, Status};
//! let a = Annotation::manual("m1", AnnotationKind::Note, 0, 5, "Hello", 1.0);
//! assert_eq!(a.status, Status::Confirmed);
//! assert!(a.is_decided());
//! ```

use serde::{Deserialize, Serialize};

/// What an annotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnnotationKind {
    /// A mention of a speaker (person or organisation).
    Speaker,
    /// A quote: direct, mixed or indirect.
    Quote,
    /// A figure: money, percentage, count, date…
    Figure,
    /// A free note on a passage.
    Note,
}

impl AnnotationKind {
    /// Lowercase name, as in `data-kind` and exports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Speaker => "speaker",
            Self::Quote => "quote",
            Self::Figure => "figure",
            Self::Note => "note",
        }
    }
}

/// Where an annotation stands in the user's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Proposed by the engine, not reviewed.
    #[default]
    Suggested,
    /// Accepted or made by the user.
    Confirmed,
    /// Rejected by the user (kept, so the engine does not propose it again).
    Rejected,
}

/// Direct, mixed or indirect speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// All inside quotation marks.
    #[default]
    Direct,
    /// Reported speech with a quoted part.
    Mixed,
    /// Reported speech.
    Indirect,
}

/// The kind of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// Money.
    Money,
    /// Percentages and percentage points.
    Percent,
    /// Plain numbers and counts.
    #[default]
    Number,
    /// Ordinals.
    Ordinal,
    /// Quantities with units.
    Quantity,
    /// Dates.
    Date,
    /// Times of day.
    Time,
    /// Durations.
    Duration,
}

impl FigureKind {
    /// Every kind, in the order above.
    pub const ALL: [FigureKind; 8] = [
        FigureKind::Money,
        FigureKind::Percent,
        FigureKind::Number,
        FigureKind::Ordinal,
        FigureKind::Quantity,
        FigureKind::Date,
        FigureKind::Time,
        FigureKind::Duration,
    ];

    /// The kind's name as saved and shown: its variant's name in lower case.
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

/// What a figure annotation says of its figure.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FigureInfo {
    /// Its kind.
    pub kind: FigureKind,
    /// Normalised value: a number as text (`"2260000000"`) or an ISO date/duration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Unit: an ISO currency code, `%`, or the counted noun.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// Who or what made an annotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Origin {
    /// The engine, by the named rule and engine version.
    Auto {
        /// Engine version that proposed it.
        engine: String,
    },
    /// The user.
    Manual,
    /// An import from a file or link.
    Imported {
        /// Generator or file it came from.
        from: String,
    },
}

/// How an annotation's target was found in the current text (after an import or text change).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Anchor {
    /// At its recorded position, with the same text.
    #[default]
    Exact,
    /// Same text, found elsewhere.
    Moved,
    /// Found by approximate matching with this score (0–1).
    Fuzzy {
        /// Similarity score.
        score: f32,
    },
    /// Not found: kept, listed apart, never placed.
    Orphan,
}

/// One annotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Stable id, unique in its document.
    pub id: String,
    /// What it marks.
    pub kind: AnnotationKind,
    /// Review status.
    pub status: Status,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The marked text, for re-anchoring and display.
    pub exact: String,
    /// For quotes: the speaker who said it; for speaker mentions: the speaker mentioned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_id: Option<String>,
    /// For quotes: direct, mixed or indirect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_kind: Option<QuoteKind>,
    /// For figures: kind, value, unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<FigureInfo>,
    /// The user's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who made it.
    pub origin: Origin,
    /// Whether the user changed it (speaker, value, kind, span, note).
    #[serde(default)]
    pub edited: bool,
    /// How it was anchored.
    #[serde(default)]
    pub anchor: Anchor,
    /// When it was made (ms since the epoch).
    pub created: f64,
    /// When it last changed.
    pub modified: f64,
}

impl Annotation {
    /// A confirmed annotation made by the user.
    pub fn manual(
        id: &str,
        kind: AnnotationKind,
        start: usize,
        end: usize,
        exact: &str,
        now: f64,
    ) -> Self {
        Self {
            id: id.to_owned(),
            kind,
            status: Status::Confirmed,
            start,
            end,
            exact: exact.to_owned(),
            speaker_id: None,
            quote_kind: (kind == AnnotationKind::Quote).then_some(QuoteKind::Direct),
            figure: (kind == AnnotationKind::Figure).then(FigureInfo::default),
            note: None,
            origin: Origin::Manual,
            edited: false,
            anchor: Anchor::Exact,
            created: now,
            modified: now,
        }
    }

    /// Whether the user has decided on it (anything but an untouched suggestion): such an
    /// annotation is never replaced by a re-run of the engine.
    pub fn is_decided(&self) -> bool {
        self.status != Status::Suggested
            || self.edited
            || !matches!(self.origin, Origin::Auto { .. })
    }
}

/// A speaker: a person or organisation that is quoted or mentioned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Stable id, unique in its document.
    pub id: String,
    /// Canonical name ("Keir Starmer").
    pub name: String,
    /// Role or title ("UK Prime Minister").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Whether it is an organisation or collective.
    #[serde(default)]
    pub organisation: bool,
}
