//! The app: wires the reducer, persistence and the components together.

use crate::components::{
    ArticleView, Banners, ExchangePanel, FiguresPanel, Inspector, LazyIndex, Legend, LibraryPanel,
    MarkAllPanel, NoticeBar, OpenControls, PastePanel, QuotesPanel, SelectionToolbar, Shared,
    SpeakersPanel,
};
use crate::hooks::{use_deferred, use_persistence, use_shortcuts, Shortcuts};
use crate::model::annotation::AnnotationKind;
use crate::model::suggest::ENGINE_VERSION;
use crate::state::{Action, AppState, SaveStatus};
use crate::web;
use crate::web::files::{files_of, read_text_file};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
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
                .filter(|d| !boot.1.recovered.contains(&d.id))
                .map(|d| (d.id.clone(), d.modified))
                .collect()
        })
    };
    use_persistence(&state, boot.0.clone(), saved);

    let paste_open = use_state(|| false);
    let dragging = use_state(|| false);
    // The text selection in the article, as code points, with a preview of its text.
    let selection = use_state(|| None::<(usize, usize, String)>);
    // Where that selection is on screen, to show the toolbar next to it.
    let selection_box = use_state_eq(|| None::<web::selection::SelectionBox>);
    // The highlights under the last click, innermost first (the inspector's chooser).
    let picked = use_state(|| Rc::new(Vec::<String>::new()));
    let help_open = use_state(|| false);
    // "Mark all occurrences": the phrase and its hits (code points, context) under review.
    let mark_all = use_state(|| None::<(AttrValue, Rc<Vec<(usize, usize, String)>>)>);
    let filter = use_state(AttrValue::default);
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                filter.set(AttrValue::from(input.value()));
            }
        })
    };
    let shortcuts_on = use_state(|| true);
    // The speakers, quotes and figures panels follow the document a paint later: a click's
    // highlight and inspector paint first, the panels' recount of a long article comes after.
    let panel_doc = use_deferred(
        state.current.clone(),
        state.current_doc().map(|d| Shared(d.clone())),
    );

    // Analyse the open document after it has been painted, when this engine has not yet: a
    // frame callback runs just before the next paint, and the task it queues runs after it.
    {
        let dispatch = state.dispatcher();
        let needs = state
            .current_doc()
            .is_some_and(|d| d.engine.as_deref() != Some(ENGINE_VERSION));
        use_effect_with((state.current.clone(), needs), move |(_, needs)| {
            let frame = needs.then(|| {
                gloo::render::request_animation_frame(move |_| {
                    gloo::timers::callback::Timeout::new(0, move || {
                        dispatch.dispatch(Action::Analyze {
                            force: false,
                            now: web::now(),
                        })
                    })
                    .forget();
                })
            });
            move || drop(frame)
        });
    }
    // A share link (`#sayso=…`) opens its article once, then leaves the address bar.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(fragment) = web::exchange::fragment().filter(|f| f.starts_with("#sayso=")) {
                let now = web::now();
                match crate::model::share::open_fragment(&fragment, now) {
                    Ok(outcome) => dispatch.dispatch(Action::ApplyImport {
                        summary: format!("Opened a shared article: {}", outcome.summary()),
                        document: Box::new(outcome.document),
                        now,
                    }),
                    Err(err) => dispatch.dispatch(Action::Rejected(format!(
                        "could not open the share link: {err}"
                    ))),
                }
                web::exchange::clear_fragment();
            }
        });
    }
    // Built when a selection first needs it, not while a long article is being opened.
    let text_index = {
        let text = state.current_doc().map(|d| Shared(d.text.clone()));
        use_memo(text, |text| {
            text.as_ref().map(|t| LazyIndex::new(t.0.clone()))
        })
    };

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
    // Callbacks handed to the side panels and the article are made once, so that their props
    // compare equal from one render to the next and a click re-renders only what changed.
    let dispatch = (*use_memo((), {
        let dispatcher = state.dispatcher();
        move |_| dispatcher.to_callback()
    }))
    .clone();
    let on_action = dispatch.clone();
    let on_pick = (*use_memo((), {
        let (dispatch, picked) = (dispatch.clone(), picked.setter());
        move |_| {
            Callback::from(move |ids: Vec<String>| {
                let first = ids.first().cloned();
                picked.set(Rc::new(ids));
                dispatch.emit(Action::SelectAnnotation(first));
            })
        }
    }))
    .clone();
    let on_pick_one = (*use_memo((), {
        let on_pick = on_pick.clone();
        move |_| {
            Callback::from(move |id: String| {
                if !id.is_empty() {
                    scroll_to(&id);
                    on_pick.emit(vec![id]);
                }
            })
        }
    }))
    .clone();
    let on_close_inspector = (*use_memo((), {
        let dispatch = dispatch.clone();
        move |_| dispatch.reform(|()| Action::SelectAnnotation(None))
    }))
    .clone();
    let on_selection_change = {
        let (selection, selection_box) = (selection.clone(), selection_box.clone());
        let text_index = text_index.clone();
        let text = state.current_doc().map(|d| d.text.clone());
        Callback::from(move |e: Event| {
            let (Some(index), Some(text)) =
                ((*text_index).as_ref().map(LazyIndex::get), text.as_ref())
            else {
                return;
            };
            // Selections take whole words; with Alt held they keep part of a word.
            let alt = e.dyn_ref::<MouseEvent>().is_some_and(MouseEvent::alt_key)
                || e.dyn_ref::<KeyboardEvent>()
                    .is_some_and(KeyboardEvent::alt_key);
            let range = web::selection::selected_range(index, text, !alt).map(|(s, e)| {
                let preview: String = text.chars().skip(s).take((e - s).min(60)).collect();
                (s, e, preview)
            });
            if range.is_some() {
                selection_box.set(web::selection::selection_box());
            }
            if *selection != range {
                selection.set(range);
            }
        })
    };
    let on_annotate = {
        let dispatch = dispatch.clone();
        let selection = selection.clone();
        Callback::from(move |kind: AnnotationKind| {
            if let Some((start, end, _)) = &*selection {
                dispatch.emit(Action::Annotate {
                    kind,
                    start: *start,
                    end: *end,
                    now: web::now(),
                });
                selection.set(None);
                if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten())
                {
                    let _ = sel.remove_all_ranges();
                }
            }
        })
    };
    let on_mark_all = {
        let (selection, mark_all) = (selection.clone(), mark_all.clone());
        let (text, text_index) = (
            state.current_doc().map(|d| d.text.clone()),
            text_index.clone(),
        );
        Callback::from(move |()| {
            let (Some((start, end, _)), Some(text), Some(index)) = (
                &*selection,
                &text,
                (*text_index).as_ref().map(LazyIndex::get),
            ) else {
                return;
            };
            let phrase = match (index.cp_to_byte(*start), index.cp_to_byte(*end)) {
                (Some(s), Some(e)) => text.get(s..e).unwrap_or_default().to_owned(),
                _ => return,
            };
            let hits = crate::model::text::occurrences(text, &phrase)
                .into_iter()
                .map(|(s, e)| (s, e, crate::components::sentence_with(index, text, s, e)))
                .collect();
            mark_all.set(Some((AttrValue::from(phrase), Rc::new(hits))));
            selection.set(None);
        })
    };
    let on_mark_many = {
        let (dispatch, mark_all) = (dispatch_cb(&state), mark_all.clone());
        Callback::from(
            move |(kind, spans): (AnnotationKind, Vec<(usize, usize)>)| {
                dispatch.emit(Action::AnnotateMany {
                    kind,
                    spans,
                    now: web::now(),
                });
                mark_all.set(None);
            },
        )
    };
    let close_mark_all = {
        let mark_all = mark_all.clone();
        Callback::from(move |()| mark_all.set(None))
    };
    use_shortcuts(Shortcuts {
        enabled: *shortcuts_on,
        state: state.clone(),
        selection: selection.clone(),
        on_annotate: on_annotate.clone(),
        on_pick: on_pick_one.clone(),
        help: help_open.clone(),
    });
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
            <div class="visually-hidden" aria-live="polite" data-testid="announcer">{ state.announcement.clone() }</div>
            if *help_open {
                <ShortcutsHelp enabled={*shortcuts_on}
                    on_toggle={let s = shortcuts_on.clone(); Callback::from(move |()| s.set(!*s))}
                    on_close={let h = help_open.clone(); Callback::from(move |()| h.set(false))} />
            }
            <div class="layout">
                <LibraryPanel docs={Shared(state.docs.clone())} current={state.current.clone()}
                              deleted={state.deleted.clone()} on_open={on_select}
                              on_delete={on_delete} on_undo_delete={on_undo_delete} />
                <main class="main">
                    if show_paste {
                        <PastePanel on_open={on_paste} on_close={close_paste} />
                    }
                    if let Some(doc) = state.current_doc().map(|d| Shared(d.clone())) {
                        if let Some((_, _, preview)) = &*selection {
                            <SelectionToolbar preview={AttrValue::from(preview.clone())} on_annotate={on_annotate.clone()}
                                              on_mark_all={on_mark_all.clone()} near={*selection_box} />
                        }
                        if let Some((phrase, hits)) = &*mark_all {
                            <MarkAllPanel key={phrase.to_string()} phrase={phrase.clone()} hits={hits.clone()}
                                          on_mark={on_mark_many.clone()} on_close={close_mark_all.clone()} />
                        }
                        <div class="reader" onmouseup={on_selection_change.reform(|e: MouseEvent| Event::from(e))}
                             onkeyup={on_selection_change.reform(|e: KeyboardEvent| Event::from(e))}>
                            <ArticleView doc={doc.clone()} hidden={state.hidden.clone()}
                                         selected={state.selected.clone()} on_pick={on_pick.clone()} />
                        </div>
                    } else {
                        <div class="empty-state" data-testid="empty-state">
                            <p>{ "Your library is empty. Paste an article, open a .txt, .md or .html file, drop one here, or open the sample article." }</p>
                        </div>
                    }
                </main>
                if let Some(doc) = state.current_doc().map(|d| Shared(d.clone())) {
                    <aside class="side">
                        <div class="history-buttons">
                            <button class="button small" data-testid="undo" disabled={doc.history.undo.is_empty()}
                                    title={doc.history.undo.last().map(|e| format!("Undo: {}", e.label))}
                                    onclick={dispatch.reform(|_: MouseEvent| Action::Undo)}>{ "↶ Undo" }</button>
                            <button class="button small" data-testid="redo" disabled={doc.history.redo.is_empty()}
                                    title={doc.history.redo.last().map(|e| format!("Redo: {}", e.label))}
                                    onclick={dispatch.reform(|_: MouseEvent| Action::Redo)}>{ "↷ Redo" }</button>
                            <button class="button small ghost" data-testid="shortcuts"
                                    onclick={let h = help_open.clone(); Callback::from(move |_: MouseEvent| h.set(!*h))}>{ "? Keys" }</button>
                        </div>
                        if let Some(id) = state.selected.clone() {
                            <Inspector doc={doc.clone()} {id} others={(*picked).clone()}
                                       on_action={on_action.clone()} on_close={on_close_inspector} />
                        }
                        <Legend doc={doc.clone()} hidden={state.hidden.clone()} on_action={on_action.clone()} />
                        <input type="search" class="filter" data-testid="filter" placeholder="Filter speakers, quotes, figures…"
                               aria-label="Filter the panels" value={(*filter).clone()} oninput={on_filter} />
                        <SpeakersPanel doc={panel_doc.clone().unwrap_or_else(|| doc.clone())} filter={(*filter).clone()} on_pick={on_pick_one.clone()} on_action={on_action.clone()} />
                        <QuotesPanel doc={panel_doc.clone().unwrap_or_else(|| doc.clone())} filter={(*filter).clone()} on_pick={on_pick_one.clone()} />
                        <FiguresPanel doc={panel_doc.clone().unwrap_or_else(|| doc.clone())} filter={(*filter).clone()} on_pick={on_pick_one.clone()} />
                        <ExchangePanel doc={doc.clone()} on_action={on_action.clone()} />
                    </aside>
                }
            </div>
            if *dragging {
                <div class="drop-overlay" aria-hidden="true">{ "Drop a .txt, .md or .html file to open it" }</div>
            }
        </div>
    }
}

/// Scrolls the first fragment of an annotation into view.
fn scroll_to(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!("[data-ann-id=\"{}\"]", id.replace('"', ""));
    if let Ok(Some(el)) = document.query_selector(&selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Props of [`ShortcutsHelp`].
#[derive(Properties, PartialEq)]
pub struct ShortcutsHelpProps {
    /// Whether shortcuts are on.
    pub enabled: bool,
    /// Turn them on or off.
    pub on_toggle: Callback<()>,
    /// Close the help.
    pub on_close: Callback<()>,
}

/// The list of keyboard shortcuts, with a switch to turn them off.
#[component]
pub fn ShortcutsHelp(props: &ShortcutsHelpProps) -> Html {
    let keys = [
        (
            "s q f n",
            "make the selection a speaker, quote, figure or note",
        ),
        (
            "Alt + select",
            "keep part of a word (selections take whole words)",
        ),
        ("j / k", "next / previous annotation"),
        ("a / x", "accept / reject the open annotation"),
        ("r", "choose the speaker of the open quote"),
        ("Delete", "delete the open annotation"),
        ("Escape", "close the inspector"),
        ("Ctrl+Z", "undo"),
        ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
        ("?", "show or hide this help"),
    ];
    html! {
        <div class="help" data-testid="shortcuts-help" role="dialog" aria-label="Keyboard shortcuts">
            <h2 class="panel-title">{ "Keyboard shortcuts" }</h2>
            <dl>{ for keys.iter().map(|(k, what)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd></> }) }</dl>
            <label><input type="checkbox" data-testid="shortcuts-enabled" checked={props.enabled}
                          onchange={props.on_toggle.reform(|_: Event| ())} />{ " Shortcuts on" }</label>
            <button class="button small" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ "Close" }</button>
        </div>
    }
}

fn dispatch_cb(state: &UseReducerHandle<AppState>) -> Callback<Action> {
    state.dispatcher().to_callback()
}
