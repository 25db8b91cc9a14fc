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
    /// Find every occurrence of the selected phrase, to review and mark them all.
    pub on_mark_all: Callback<()>,
    /// Where the selection is on screen: the toolbar floats next to it (else it sticks to the
    /// top of the article).
    #[prop_or_default]
    pub near: Option<crate::web::selection::SelectionBox>,
}

/// The height of the app's sticky header, which a toolbar above a selection must clear.
const HEADER_PX: f64 = 64.0;

/// Buttons for the current selection; keys `s` `q` `f` `n` do the same.
#[component]
pub fn SelectionToolbar(props: &SelectionToolbarProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.near, move |near| {
            if let (Some(near), Some(el)) = (near, node.cast::<web_sys::HtmlElement>()) {
                crate::web::selection::place_toolbar(&el, *near, HEADER_PX);
            }
        });
    }
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
        <div class={classes!("selection-toolbar", props.near.is_some().then_some("floating"))} ref={node}
             data-testid="selection-toolbar" role="toolbar" aria-label="Annotate the selection">
            <span class="preview">{ format!("“{}”", props.preview) }</span>
            { button(AnnotationKind::Speaker, "Speaker", "s") }
            { button(AnnotationKind::Quote, "Quote", "q") }
            { button(AnnotationKind::Figure, "Figure", "f") }
            { button(AnnotationKind::Note, "Note", "n") }
            <button class="button small ghost" data-testid="mark-all" onclick={props.on_mark_all.reform(|_: MouseEvent| ())}
                    onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}>{ "All occurrences…" }</button>
        </div>
    }
}

/// Props of [`MarkAllPanel`].
#[derive(Properties, PartialEq)]
pub struct MarkAllProps {
    /// The phrase searched for.
    pub phrase: AttrValue,
    /// Its occurrences (code points) with a line of context each.
    pub hits: std::rc::Rc<Vec<(usize, usize, String)>>,
    /// Mark the checked occurrences as this kind.
    pub on_mark: Callback<(AnnotationKind, Vec<(usize, usize)>)>,
    /// Close the panel.
    pub on_close: Callback<()>,
}

/// The review list of "mark all occurrences": every occurrence with its context and a checkbox.
#[component]
pub fn MarkAllPanel(props: &MarkAllProps) -> Html {
    let checked = use_state(|| vec![true; props.hits.len()]);
    if checked.len() != props.hits.len() {
        checked.set(vec![true; props.hits.len()]);
    }
    let mark = |kind: AnnotationKind, label: &str| {
        let (hits, checked, on_mark) = (props.hits.clone(), checked.clone(), props.on_mark.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let spans = hits
                .iter()
                .zip(checked.iter())
                .filter(|(_, c)| **c)
                .map(|((s, e, _), _)| (*s, *e))
                .collect();
            on_mark.emit((kind, spans));
        });
        html! { <button class="button small" data-testid={format!("mark-all-{}", kind.as_str())} {onclick}>{ label }</button> }
    };
    let count = checked.iter().filter(|c| **c).count();
    html! {
        <section class="mark-all" data-testid="mark-all-panel" aria-label="Mark all occurrences">
            <div class="row">
                <strong>{ format!("“{}”: {} occurrence{}", props.phrase, props.hits.len(), if props.hits.len() == 1 { "" } else { "s" }) }</strong>
                <button class="button small ghost" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            </div>
            <ol class="hits">
                { for props.hits.iter().enumerate().take(500).map(|(i, (_, _, context))| {
                    let checked_now = checked.get(i).copied().unwrap_or(false);
                    let toggle = {
                        let checked = checked.clone();
                        Callback::from(move |_: Event| {
                            let mut next = (*checked).clone();
                            if let Some(c) = next.get_mut(i) {
                                *c = !*c;
                            }
                            checked.set(next);
                        })
                    };
                    html! { <li><label><input type="checkbox" data-testid="hit" checked={checked_now} onchange={toggle} />{ " " }{ context }</label></li> }
                }) }
            </ol>
            <div class="row">
                <span>{ format!("Mark {count} as:") }</span>
                { mark(AnnotationKind::Speaker, "Speaker") }
                { mark(AnnotationKind::Quote, "Quote") }
                { mark(AnnotationKind::Figure, "Figure") }
                { mark(AnnotationKind::Note, "Note") }
            </div>
        </section>
    }
}
