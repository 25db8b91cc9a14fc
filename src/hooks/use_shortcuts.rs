//! Keyboard shortcuts, on the whole page. Typing in a text field never triggers them.

use crate::model::annotation::{AnnotationKind, Status};
use crate::state::{Action, AppState};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// What the shortcuts act on.
pub struct Shortcuts {
    /// Single-key shortcuts on (Ctrl+Z / Ctrl+Y always work).
    pub enabled: bool,
    /// The app state.
    pub state: UseReducerHandle<AppState>,
    /// The current text selection in the article.
    pub selection: UseStateHandle<Option<(usize, usize, String)>>,
    /// Annotate the selection.
    pub on_annotate: Callback<AnnotationKind>,
    /// Open an annotation (and scroll to it).
    pub on_pick: Callback<String>,
    /// Whether the help is shown.
    pub help: UseStateHandle<bool>,
}

/// Installs the keydown listener (re-installed after each render, so it sees the latest state).
#[hook]
pub fn use_shortcuts(s: Shortcuts) {
    use_effect(move || {
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            EventListener::new(&doc, "keydown", move |e| {
                if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                    handle(&s, e);
                }
            })
        });
        move || drop(listener)
    });
}

fn in_text_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}

fn handle(s: &Shortcuts, e: &KeyboardEvent) {
    let key = e.key();
    let ctrl = e.ctrl_key() || e.meta_key();
    if in_text_field(e) {
        return;
    }
    let dispatch = |a: Action| s.state.dispatch(a);
    if ctrl {
        match key.as_str() {
            "z" | "Z" => {
                e.prevent_default();
                dispatch(if e.shift_key() {
                    Action::Redo
                } else {
                    Action::Undo
                });
            }
            "y" | "Y" => {
                e.prevent_default();
                dispatch(Action::Redo);
            }
            _ => {}
        }
        return;
    }
    if e.alt_key() || !s.enabled {
        return;
    }
    let selected = s.state.selected.clone();
    let now = crate::web::now();
    match key.as_str() {
        "?" => s.help.set(!*s.help),
        "s" | "q" | "f" | "n" if s.selection.is_some() => {
            e.prevent_default();
            let kind = match key.as_str() {
                "s" => AnnotationKind::Speaker,
                "q" => AnnotationKind::Quote,
                "f" => AnnotationKind::Figure,
                _ => AnnotationKind::Note,
            };
            s.on_annotate.emit(kind);
        }
        "j" | "k" => {
            let Some(doc) = s.state.current_doc() else {
                return;
            };
            let order: Vec<&str> = doc
                .annotations
                .iter()
                .filter(|a| a.status != Status::Rejected && !s.state.hidden.contains(&a.kind))
                .map(|a| a.id.as_str())
                .collect();
            if order.is_empty() {
                return;
            }
            let at = selected
                .as_deref()
                .and_then(|id| order.iter().position(|o| *o == id));
            let next = match (at, key.as_str()) {
                (None, "j") => 0,
                (None, _) => order.len() - 1,
                (Some(i), "j") => (i + 1).min(order.len() - 1),
                (Some(i), _) => i.saturating_sub(1),
            };
            s.on_pick.emit(order[next].to_owned());
        }
        "Enter" => {
            let focused = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|el| el.get_attribute("data-ann-id"));
            if let Some(id) = focused {
                e.prevent_default();
                s.on_pick.emit(id);
            }
        }
        "a" | "x" => {
            if let Some(id) = selected {
                let status = if key == "a" {
                    Status::Confirmed
                } else {
                    Status::Rejected
                };
                dispatch(Action::SetStatus {
                    ids: vec![id],
                    status,
                    now,
                });
            }
        }
        "Delete" | "Backspace" => {
            if let Some(id) = selected {
                dispatch(Action::DeleteAnnotations(vec![id]));
            }
        }
        "r" => {
            let select = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| {
                    d.query_selector("[data-testid=speaker-select]")
                        .ok()
                        .flatten()
                })
                .and_then(|el| el.dyn_into::<HtmlElement>().ok());
            if let Some(select) = select {
                e.prevent_default();
                let _ = select.focus();
            }
        }
        "Escape" => {
            dispatch(Action::SelectAnnotation(None));
            if s.selection.is_some() {
                s.selection.set(None);
            }
        }
        _ => {}
    }
}
