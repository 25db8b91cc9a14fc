//! The UI's building blocks. Each takes cheap-to-compare props and reports user intent through
//! `on_*` callbacks; none touches storage.

mod article_view;
mod banners;
mod library_panel;
mod open_controls;

pub use article_view::{is_subheading, ArticleView};
pub use banners::{Banners, NoticeBar};
pub use library_panel::LibraryPanel;
pub use open_controls::{OpenControls, PastePanel};
