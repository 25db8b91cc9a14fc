//! App hooks: persistence of the state to local storage.

mod use_persistence;

pub use use_persistence::use_persistence;
