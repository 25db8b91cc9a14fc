//! Ways to open an article: a file picker, the paste panel, the sample.

use crate::web::files::files_of;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// File types the picker offers.
pub const ACCEPT: &str = ".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

/// Props of [`OpenControls`].
#[derive(Properties, PartialEq)]
pub struct OpenControlsProps {
    /// Files picked.
    pub on_files: Callback<Vec<web_sys::File>>,
    /// Show or hide the paste panel.
    pub on_toggle_paste: Callback<()>,
    /// Open the built-in sample.
    pub on_sample: Callback<()>,
    /// Whether the paste panel is shown.
    pub paste_open: bool,
}

/// The toolbar buttons: Open file, Paste text, Sample.
#[component]
pub fn OpenControls(props: &OpenControlsProps) -> Html {
    let on_files = props.on_files.clone();
    let onchange = Callback::from(move |e: Event| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let files = files_of(input.files());
        // Let the same file be picked again later.
        input.set_value("");
        if !files.is_empty() {
            on_files.emit(files);
        }
    });
    html! {
        <div class="open-controls">
            <label class="button">
                { "Open file" }
                <input type="file" class="visually-hidden" data-testid="open-file" accept={ACCEPT}
                       multiple=true {onchange} />
            </label>
            <button class="button" data-testid="paste-toggle" aria-expanded={props.paste_open.to_string()}
                    onclick={props.on_toggle_paste.reform(|_: MouseEvent| ())}>{ "Paste text" }</button>
            <button class="button ghost" data-testid="open-sample"
                    onclick={props.on_sample.reform(|_: MouseEvent| ())}>{ "Sample article" }</button>
        </div>
    }
}

/// Props of [`PastePanel`].
#[derive(Properties, PartialEq)]
pub struct PastePanelProps {
    /// The pasted text, when the user opens it.
    pub on_open: Callback<String>,
    /// Close the panel.
    pub on_close: Callback<()>,
}

/// A text box to paste an article into.
#[component]
pub fn PastePanel(props: &PastePanelProps) -> Html {
    let area = use_node_ref();
    // The button opens the text itself rather than submitting the form: on a submission Chrome
    // laid the page out, a pasted megabyte in the text box included, before the submit event
    // reached sayso (~0.7 s of a 1 MB paste in `make bench-browser`). Once its text is opened
    // the box is emptied (the panel closes anyway), so the browser does not lay it out again.
    let on_open = {
        let area = area.clone();
        let cb = props.on_open.clone();
        Callback::from(move |()| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                let text = area.value();
                let opened = !text.trim().is_empty();
                cb.emit(text);
                if opened {
                    area.set_value("");
                }
            }
        })
    };
    let on_submit = on_open.reform(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="paste-panel" onsubmit={on_submit}>
            <label for="paste-text" class="panel-title">{ "Paste an article" }</label>
            <textarea id="paste-text" ref={area} data-testid="paste" rows="8"
                      placeholder="Headline on the first line, then the article text…" />
            <div class="row">
                <button type="button" class="button primary" data-testid="paste-submit"
                        onclick={on_open.reform(|_: MouseEvent| ())}>{ "Open pasted text" }</button>
                <button type="button" class="button ghost" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
