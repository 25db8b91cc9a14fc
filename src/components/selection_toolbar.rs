//! The toolbar shown over a text selection: make it a speaker, quote, figure or note.

use crate::model::annotation::AnnotationKind;
use yew::prelude::*;

/// Props of [`SelectionToolbar`].
#[derive(Properties, PartialEq)]
pub struct SelectionToolbarProps {
    /// The selected text, for the label.
    pub preview: AttrValue,
    /// Annotate the selection as this kind.
    pub on_annotate: Callback<AnnotationKind>,
}

/// Buttons for the current selection; keys `s` `q` `f` `n` do the same.
#[component]
pub fn SelectionToolbar(props: &SelectionToolbarProps) -> Html {
    let button = |kind: AnnotationKind, label: &str, key: &str| {
        let onclick = props.on_annotate.reform(move |_: MouseEvent| kind);
        html! {
            <button class={classes!("button", "small", format!("k-{}", kind.as_str()))}
                    data-testid={format!("make-{}", kind.as_str())} {onclick}
                    // Keep the selection: do not take focus on mouse down.
                    onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}>
                { label } <kbd>{ key }</kbd>
            </button>
        }
    };
    html! {
        <div class="selection-toolbar" data-testid="selection-toolbar" role="toolbar" aria-label="Annotate the selection">
            <span class="preview">{ format!("“{}”", props.preview) }</span>
            { button(AnnotationKind::Speaker, "Speaker", "s") }
            { button(AnnotationKind::Quote, "Quote", "q") }
            { button(AnnotationKind::Figure, "Figure", "f") }
            { button(AnnotationKind::Note, "Note", "n") }
        </div>
    }
}
