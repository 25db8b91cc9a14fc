//! Storage banners and the notice about the last input.

use crate::state::{Banner, Level};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Banners`].
#[derive(Properties, PartialEq)]
pub struct BannersProps {
    /// The banners to show.
    pub banners: Rc<Vec<Banner>>,
    /// Whether a failed save can be retried now.
    pub can_retry: bool,
    /// The user dismissed a banner.
    pub on_dismiss: Callback<u32>,
    /// The user asked to retry saving.
    pub on_retry: Callback<()>,
}

/// Storage problems, each with what sayso did about it; shown until dismissed.
#[component]
pub fn Banners(props: &BannersProps) -> Html {
    html! {
        <div class="banners">
            { for props.banners.iter().map(|b| {
                let id = b.id;
                let on_dismiss = props.on_dismiss.reform(move |_: MouseEvent| id);
                let on_retry = props.on_retry.reform(|_: MouseEvent| ());
                html! {
                    <div key={b.id} class={classes!("banner", level_class(b.level))}
                         role="alert" data-testid="storage-banner">
                        <span class="banner-text">{ &b.message }</span>
                        if props.can_retry && b.message.starts_with("Could not save") {
                            <button class="button small" data-testid="retry-save" onclick={on_retry}>{ "Retry" }</button>
                        }
                        <button class="button small ghost" aria-label="Dismiss this message"
                                onclick={on_dismiss}>{ "Dismiss" }</button>
                    </div>
                }
            }) }
        </div>
    }
}

fn level_class(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Info => "info",
    }
}

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// The notice, if any.
    pub notice: Option<(Level, String)>,
    /// The user dismissed it.
    pub on_dismiss: Callback<()>,
}

/// The message about the last input: an error (`role="alert"`) or information (`role="status"`).
#[component]
pub fn NoticeBar(props: &NoticeProps) -> Html {
    let Some((level, message)) = &props.notice else {
        return html! {};
    };
    let (role, testid) = match level {
        Level::Error => ("alert", "input-error"),
        Level::Info => ("status", "input-info"),
    };
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class={classes!("banner", level_class(*level))} role={role} data-testid={testid}>
            <span class="banner-text">{ message }</span>
            <button class="button small ghost" aria-label="Dismiss this message" onclick={on_dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
