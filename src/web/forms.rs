//! Reading small forms on submit (the inspector's figure form, the speaker tools).

use wasm_bindgen::JsCast;
use web_sys::{HtmlFormElement, HtmlInputElement, HtmlSelectElement, SubmitEvent};

/// Stops the page from submitting and returns the submitted form.
pub fn submitted_form(e: &SubmitEvent) -> Option<HtmlFormElement> {
    e.prevent_default();
    e.target()
        .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
}

/// The value of the `<input>` or `<select>` named `name` in `form` (empty when there is none).
pub fn field(form: &HtmlFormElement, name: &str) -> String {
    let Some(el) = form
        .query_selector(&format!("[name={name}]"))
        .ok()
        .flatten()
    else {
        return String::new();
    };
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        return input.value();
    }
    el.dyn_ref::<HtmlSelectElement>()
        .map(HtmlSelectElement::value)
        .unwrap_or_default()
}
