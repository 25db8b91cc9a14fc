//! The app: wires the reducer, persistence and the components together.

use crate::components::{ArticleView, Banners, LibraryPanel, NoticeBar, OpenControls, PastePanel};
use crate::hooks::use_persistence;
use crate::state::{Action, AppState, SaveStatus};
use crate::web;
use crate::web::files::{files_of, read_text_file};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// The built-in sample article, shown on first open.
pub const SAMPLE_ARTICLE: &str = include_str!("assets/sample-article.txt");

/// The whole app.
#[component]
pub fn App() -> Html {
    let boot = use_memo((), |_| {
        let now = web::now();
        let (store, boot) = web::storage::boot(now);
        (store.map(Rc::new), boot, now)
    });
    let state = {
        let boot = boot.clone();
        use_reducer(move || AppState::from_boot(boot.1.clone(), SAMPLE_ARTICLE, boot.2))
    };
    let saved = {
        let boot = boot.clone();
        use_mut_ref(move || -> HashMap<String, f64> {
            boot.1
                .docs
                .iter()
                .map(|d| (d.id.clone(), d.modified))
                .collect()
        })
    };
    use_persistence(&state, boot.0.clone(), saved);

    let paste_open = use_state(|| false);
    let dragging = use_state(|| false);

    let open_files = {
        let dispatch = state.dispatcher();
        Callback::from(move |files: Vec<web_sys::File>| {
            for file in files {
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match read_text_file(file).await {
                        Ok(opened) => dispatch.dispatch(Action::Open {
                            text: opened.text,
                            source: Some(opened.name),
                            now: web::now(),
                        }),
                        Err(err) => dispatch.dispatch(Action::Rejected(err.to_string())),
                    }
                });
            }
        })
    };
    let on_paste = {
        let dispatch = state.dispatcher();
        let paste_open = paste_open.clone();
        Callback::from(move |text: String| {
            let empty = text.trim().is_empty();
            dispatch.dispatch(Action::Open {
                text,
                source: None,
                now: web::now(),
            });
            if !empty {
                paste_open.set(false);
            }
        })
    };
    let on_sample = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| {
            dispatch.dispatch(Action::Open {
                text: SAMPLE_ARTICLE.to_owned(),
                source: Some("sample".to_owned()),
                now: web::now(),
            })
        })
    };
    let toggle_paste = {
        let paste_open = paste_open.clone();
        Callback::from(move |()| paste_open.set(!*paste_open))
    };
    let close_paste = {
        let paste_open = paste_open.clone();
        Callback::from(move |()| paste_open.set(false))
    };
    let dispatch = state.dispatcher().to_callback();
    let on_select = dispatch.reform(Action::Select);
    let on_delete = dispatch.reform(Action::Delete);
    let on_undo_delete = dispatch.reform(|()| Action::UndoDelete);
    let on_dismiss_banner = dispatch.reform(Action::DismissBanner);
    let on_dismiss_notice = dispatch.reform(|()| Action::DismissNotice);
    let on_retry = dispatch.reform(|()| Action::RetrySave);

    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Only when the pointer leaves the window, not when it crosses children.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        let open_files = open_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = files_of(e.data_transfer().and_then(|dt| dt.files()));
            if !files.is_empty() {
                open_files.emit(files);
            }
        })
    };

    let (save_label, save_class) = match state.save {
        SaveStatus::Saved => ("Saved", "saved"),
        SaveStatus::Saving => ("Saving…", "saving"),
        SaveStatus::Failed => ("Not saved", "failed"),
        SaveStatus::MemoryOnly => ("Memory only", "failed"),
    };
    let show_paste = *paste_open || state.docs.is_empty();

    html! {
        <div class={classes!("app", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <header class="topbar">
                <div class="brand" aria-label="sayso">{ "sayso" }</div>
                <OpenControls on_files={open_files} on_toggle_paste={toggle_paste}
                              on_sample={on_sample} paste_open={show_paste} />
                <span class={classes!("save-status", save_class)} data-testid="save-status"
                      aria-live="polite">{ save_label }</span>
            </header>
            <Banners banners={state.banners.clone()} can_retry={state.save == SaveStatus::Failed}
                     on_dismiss={on_dismiss_banner} on_retry={on_retry} />
            <NoticeBar notice={state.notice.clone()} on_dismiss={on_dismiss_notice} />
            <div class="layout">
                <LibraryPanel docs={state.docs.clone()} current={state.current.clone()}
                              deleted={state.deleted.clone()} on_open={on_select}
                              on_delete={on_delete} on_undo_delete={on_undo_delete} />
                <main class="main">
                    if show_paste {
                        <PastePanel on_open={on_paste} on_close={close_paste} />
                    }
                    if let Some(doc) = state.current_doc() {
                        <ArticleView doc={doc.clone()} />
                    } else {
                        <div class="empty-state" data-testid="empty-state">
                            <p>{ "Your library is empty. Paste an article, open a .txt, .md or .html file, drop one here, or open the sample article." }</p>
                        </div>
                    }
                </main>
            </div>
            if *dragging {
                <div class="drop-overlay" aria-hidden="true">{ "Drop a .txt, .md or .html file to open it" }</div>
            }
        </div>
    }
}
