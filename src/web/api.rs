//! The engine for scripts on the page: `sayso.analyze(text)` in the browser console (or any
//! script the page's policy lets run) returns the report that `sayso-cli analyze` prints for an
//! article ([`crate::model::report`]), as a plain JavaScript object with code point offsets.

use crate::model::report::report;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Analyses `text` and returns its report as a JavaScript object (`speakers`, `people`,
/// `quotes`, `figures`); `null`s where the CLI writes `null`. Throws a `TypeError`-like
/// error if `text` is not a string.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: JsValue) -> Result<JsValue, JsError> {
    let Some(text) = text.as_string() else {
        return Err(JsError::new("sayso.analyze expects a string"));
    };
    let analysis = crate::engine::analyze(&text);
    report(None, &text, &analysis)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("sayso.analyze: {e}")))
}
