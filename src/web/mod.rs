//! Browser I/O, and nothing else: local storage, file reading, time.
//!
//! Every function here turns browser failures into typed errors or messages; none panics.

pub mod api;
pub mod exchange;
pub mod files;
pub mod forms;
pub mod selection;
pub mod storage;

/// Milliseconds since the Unix epoch, from the browser's clock.
pub fn now() -> f64 {
    js_sys::Date::now()
}
