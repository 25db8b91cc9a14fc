//! sayso: an in-browser news article annotator.
//!
//! Layers, arrows pointing one way (see `ARCHITECTURE` notes):
//! [`model`] (pure: documents, codec, offsets) ← [`state`] (the one reducer) ← [`app`],
//! [`components`], [`hooks`]; [`web`] holds all browser I/O.

pub mod app;
pub mod components;
pub mod engine;
pub mod hooks;
pub mod model;
pub mod state;
pub mod web;
