//! App hooks: persistence of the state to local storage, keyboard shortcuts.

mod use_persistence;
mod use_shortcuts;

pub use use_persistence::use_persistence;
pub use use_shortcuts::{use_shortcuts, Shortcuts};
