//! Saves the library whenever the state's revision (or retry counter) changes.

use crate::state::{Action, AppState};
use crate::web::storage::Store;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// Writes what changed to local storage after every change; a failure becomes
/// [`Action::SaveFailed`] (the change stays in memory), a success [`Action::Saved`].
///
/// `saved` records, per document id, the `modified` time last written, so only changed
/// documents are written.
#[hook]
pub fn use_persistence(
    state: &UseReducerHandle<AppState>,
    store: Option<Rc<Store>>,
    saved: Rc<RefCell<HashMap<String, f64>>>,
) {
    let handle = state.clone();
    use_effect_with((state.revision, state.retries), move |_| {
        if let Some(store) = store {
            let mut saved = saved.borrow_mut();
            match store.sync(&handle.docs, handle.current.as_ref(), &mut saved) {
                Ok(()) => handle.dispatch(Action::Saved),
                Err(err) => handle.dispatch(Action::SaveFailed(err.to_string())),
            }
        }
    });
}
