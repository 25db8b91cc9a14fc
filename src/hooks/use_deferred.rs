//! A value that follows another one a paint later (React's `useDeferredValue`): components that
//! take it re-render in a task of their own, after the browser has painted what the user acted on.

use yew::prelude::*;

/// Returns `value` as it was at the last paint. When `value` changes, the returned value follows
/// in a task queued after the next frame, so a click's own change (a highlight, the inspector)
/// paints first and slower views (the side panels) catch up a frame later. While `key` differs
/// from the key of the value followed (another document was opened), `value` is returned at once:
/// a view never shows another document's data.
#[hook]
pub fn use_deferred<K, T>(key: K, value: T) -> T
where
    K: PartialEq + Clone + 'static,
    T: PartialEq + Clone + 'static,
{
    let lagged = use_state(|| (key.clone(), value.clone()));
    {
        let lagged = lagged.clone();
        use_effect_with((key.clone(), value.clone()), move |now| {
            let frame = (*lagged != *now).then(|| {
                let now = now.clone();
                gloo::render::request_animation_frame(move |_| {
                    gloo::timers::callback::Timeout::new(0, move || lagged.set(now)).forget();
                })
            });
            // A newer value cancels the frame callback of an older one that has not run yet.
            move || drop(frame)
        });
    }
    if lagged.0 == key {
        lagged.1.clone()
    } else {
        value
    }
}
