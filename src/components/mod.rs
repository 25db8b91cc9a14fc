//! The UI's building blocks. Each takes cheap-to-compare props and reports user intent through
//! `on_*` callbacks; none touches storage.

mod article_view;
mod banners;
mod exchange;
mod inspector;
mod library_panel;
mod open_controls;
mod panels;
mod selection_toolbar;

pub use crate::model::text::{short, short_to};
pub use article_view::{is_subheading, tooltip, ArticleView};
pub use banners::{Banners, NoticeBar};
pub use exchange::ExchangePanel;
pub use inspector::Inspector;
pub use library_panel::LibraryPanel;
pub use open_controls::{OpenControls, PastePanel};
pub use panels::{
    matches_filter, sentence_around, sentence_with, speaker_stats, FiguresPanel, Legend,
    QuotesPanel, SpeakerStats, SpeakersPanel,
};
pub use selection_toolbar::{MarkAllPanel, SelectionToolbar};
