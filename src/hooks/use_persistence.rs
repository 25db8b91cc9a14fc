//! Saves the library after changes: debounced, flushed when the page is hidden or closed.

use crate::model::Document;
use crate::state::{Action, AppState};
use crate::web::storage::Store;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// Quiet time before a save: a burst of edits (typing, bulk review) is written once.
pub const DEBOUNCE_MS: u32 = 250;

/// What the last render would save.
type Pending = Option<(Rc<Vec<Rc<Document>>>, Option<String>)>;

fn save(
    store: &Store,
    saved: &RefCell<HashMap<String, f64>>,
    docs: &[Rc<Document>],
    current: Option<&String>,
) -> Result<(), String> {
    store
        .sync(docs, current, &mut saved.borrow_mut())
        .map_err(|e| e.to_string())
}

/// Writes what changed to local storage [`DEBOUNCE_MS`] after the last change; a failure
/// becomes [`Action::SaveFailed`] (the change stays in memory), a success [`Action::Saved`].
/// When the page is hidden or closed, anything pending is written at once.
///
/// `saved` records, per document id, the `modified` time last written, so only changed
/// documents are written.
#[hook]
pub fn use_persistence(
    state: &UseReducerHandle<AppState>,
    store: Option<Rc<Store>>,
    saved: Rc<RefCell<HashMap<String, f64>>>,
) {
    let pending: Rc<RefCell<Pending>> = use_mut_ref(|| None);
    *pending.borrow_mut() = Some((state.docs.clone(), state.current.clone()));

    // Flush on pagehide (tab closed, reloaded or sent to the background).
    {
        let (store, saved, pending) = (store.clone(), saved.clone(), pending.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "pagehide", move |_| {
                    if let (Some(store), Some((docs, current))) = (&store, &*pending.borrow()) {
                        let _ = save(store, &saved, docs, current.as_ref());
                    }
                })
            });
            move || drop(listener)
        });
    }

    let handle = state.clone();
    use_effect_with((state.revision, state.retries), move |_| {
        let timeout = store.map(|store| {
            Timeout::new(DEBOUNCE_MS, move || {
                match save(&store, &saved, &handle.docs, handle.current.as_ref()) {
                    Ok(()) => handle.dispatch(Action::Saved),
                    Err(err) => handle.dispatch(Action::SaveFailed(err)),
                }
            })
        });
        move || drop(timeout)
    });
}
