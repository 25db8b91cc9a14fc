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

use crate::model::offsets::TextIndex;
use std::rc::Rc;

pub use crate::model::text::{short, short_to};
pub use article_view::{is_subheading, tooltip, ArticleView};
pub use banners::{Banners, NoticeBar};
pub use exchange::ExchangePanel;
pub use inspector::Inspector;
pub use library_panel::LibraryPanel;
pub use open_controls::{OpenControls, PastePanel};
pub use panels::{
    matches_filter, sentence_around, sentence_with, speaker_stats, FiguresPanel, Legend,
    QuotesPanel, SpeakerStats, SpeakersPanel, MAX_ROWS,
};
pub use selection_toolbar::{MarkAllPanel, SelectionToolbar};

/// An `Rc` compared by pointer: props that hold one compare in O(1). Whoever builds it must keep
/// the same `Rc` while the content is the same (see [`ArticleView`]'s slices). Documents are passed as `Shared<Document>`:
/// the reducer makes a new `Rc` for every change, so pointer equality is content equality here.
/// An article's text (`Shared<str>`) is a memo key the same way: comparing two `Rc<str>` with `==`
/// compares the whole megabyte (the standard library's pointer shortcut is for sized types only).
#[derive(Debug)]
pub struct Shared<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A text's [`TextIndex`], built the first time it is asked for: opening a long article does
/// not wait for an index that only a selection or a row of a panel needs.
///
/// ```
/// use sayso::components::LazyIndex;
/// let lazy = LazyIndex::new("€1 x".into());
/// assert_eq!(lazy.get().byte_to_cp(5), Some(3));
/// ```
#[derive(Debug)]
pub struct LazyIndex {
    text: Rc<str>,
    index: std::cell::OnceCell<TextIndex>,
}

impl LazyIndex {
    /// Remembers `text`; nothing is indexed yet.
    pub fn new(text: Rc<str>) -> Self {
        Self {
            text,
            index: std::cell::OnceCell::new(),
        }
    }

    /// The index, built on the first call.
    pub fn get(&self) -> &TextIndex {
        self.index.get_or_init(|| TextIndex::new(&self.text))
    }
}

impl<T: ?Sized> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Self(rc)
    }
}
