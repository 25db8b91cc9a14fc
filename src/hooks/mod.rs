//! App hooks: persistence of the state to local storage, keyboard shortcuts, deferred values.

mod use_deferred;
mod use_persistence;
mod use_shortcuts;

pub use use_deferred::use_deferred;
pub use use_persistence::use_persistence;
pub use use_shortcuts::{use_shortcuts, Shortcuts};
