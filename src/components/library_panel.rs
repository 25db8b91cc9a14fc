//! The library: every saved document, newest first.

use crate::model::{format_date, format_length, Document};
use crate::state::Deleted;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`LibraryPanel`].
#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    /// The documents.
    pub docs: super::Shared<Vec<Rc<Document>>>,
    /// Id of the open document.
    pub current: Option<String>,
    /// The last deleted document, offered for undo.
    pub deleted: Option<Deleted>,
    /// Open a document.
    pub on_open: Callback<String>,
    /// Delete a document.
    pub on_delete: Callback<String>,
    /// Undo the last deletion.
    pub on_undo_delete: Callback<()>,
}

/// The side list of saved documents: title, date and length; open or delete each.
#[component]
pub fn LibraryPanel(props: &LibraryPanelProps) -> Html {
    html! {
        <aside class="library" data-testid="library" aria-label="Library">
            <h2 class="panel-title">{ "Library" } <span class="count">{ props.docs.len() }</span></h2>
            if let Some(deleted) = &props.deleted {
                <div class="undo-bar" role="status">
                    <span>{ format!("Deleted “{}”.", deleted.doc.title) }</span>
                    <button class="button small" data-testid="undo-delete"
                            onclick={props.on_undo_delete.reform(|_: MouseEvent| ())}>{ "Undo" }</button>
                </div>
            }
            if props.docs.is_empty() {
                <p class="empty">{ "No saved articles." }</p>
            }
            <ul class="library-list">
                { for props.docs.iter().map(|doc| {
                    let current = props.current.as_deref() == Some(doc.id.as_str());
                    let id = doc.id.clone();
                    let on_open = props.on_open.reform(move |_: MouseEvent| id.clone());
                    let id = doc.id.clone();
                    let on_delete = props.on_delete.reform(move |_: MouseEvent| id.clone());
                    html! {
                        <li key={doc.id.clone()} class={classes!("library-item", current.then_some("current"))}
                            data-testid="library-item" data-doc-id={doc.id.clone()}>
                            <button class="library-open" onclick={on_open}
                                    aria-current={current.then_some("page")}>
                                <span class="library-title">{ &doc.title }</span>
                                <span class="library-meta">
                                    { format!("{} · {}", format_date(doc.created), format_length(doc.length)) }
                                </span>
                            </button>
                            <button class="button small ghost" data-testid="delete-document"
                                    aria-label={format!("Delete “{}”", doc.title)} onclick={on_delete}>{ "Delete" }</button>
                        </li>
                    }
                }) }
            </ul>
        </aside>
    }
}
