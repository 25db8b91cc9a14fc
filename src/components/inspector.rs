//! The inspector: one annotation, its text, speaker or value, note, and Accept / Reject / Delete.

use crate::model::annotation::{AnnotationKind, FigureInfo, FigureKind, Status};
use crate::model::text::short;
use crate::model::Document;
use crate::state::{Action, SpeakerChoice};
use crate::web::forms::{field, submitted_form};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Figure kinds offered in the inspector, with their labels.
const FIGURE_KINDS: [(FigureKind, &str); 8] = [
    (FigureKind::Money, "money"),
    (FigureKind::Percent, "percent"),
    (FigureKind::Number, "number"),
    (FigureKind::Ordinal, "ordinal"),
    (FigureKind::Quantity, "quantity"),
    (FigureKind::Date, "date"),
    (FigureKind::Time, "time"),
    (FigureKind::Duration, "duration"),
];

/// Props of [`Inspector`].
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    /// The open document.
    pub doc: super::Shared<Document>,
    /// The annotation shown.
    pub id: String,
    /// Other annotations under the same click (the chooser).
    pub others: Rc<Vec<String>>,
    /// Dispatches the user's decisions.
    pub on_action: Callback<Action>,
    /// Close the inspector.
    pub on_close: Callback<()>,
}

fn value_of<T: JsCast>(e: &Event) -> Option<T> {
    e.target().and_then(|t| t.dyn_into::<T>().ok())
}

/// A side card for the selected annotation.
#[component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let now = crate::web::now;
    let Some(ann) = props.doc.annotations.iter().find(|a| a.id == props.id) else {
        return html! {};
    };
    let id = ann.id.clone();
    let act = props.on_action.clone();
    let status = |status: Status| {
        let (act, id) = (act.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            act.emit(Action::SetStatus {
                ids: vec![id.clone()],
                status,
                now: now(),
            })
        })
    };
    let on_delete = {
        let (act, id) = (act.clone(), id.clone());
        Callback::from(move |_: MouseEvent| act.emit(Action::DeleteAnnotations(vec![id.clone()])))
    };
    let on_note = {
        let (act, id) = (act.clone(), id.clone());
        Callback::from(move |e: Event| {
            if let Some(area) = value_of::<HtmlTextAreaElement>(&e) {
                act.emit(Action::SetNote {
                    id: id.clone(),
                    note: area.value(),
                    now: now(),
                });
            }
        })
    };
    let on_speaker = {
        let (act, id) = (act.clone(), id.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = value_of::<HtmlSelectElement>(&e) {
                let value = select.value();
                let speaker = match value.as_str() {
                    "" => SpeakerChoice::Unknown,
                    _ => SpeakerChoice::Existing(value),
                };
                act.emit(Action::SetSpeaker {
                    id: id.clone(),
                    speaker,
                    now: now(),
                });
            }
        })
    };
    let on_new_speaker = {
        let (act, id) = (act.clone(), id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
                .and_then(|f| f.query_selector("input").ok().flatten())
                .and_then(|i| i.dyn_into::<HtmlInputElement>().ok());
            if let Some(input) = input {
                let name = input.value();
                if !name.trim().is_empty() {
                    act.emit(Action::SetSpeaker {
                        id: id.clone(),
                        speaker: SpeakerChoice::New(name),
                        now: now(),
                    });
                    input.set_value("");
                }
            }
        })
    };
    let figure = ann.figure.clone().unwrap_or_default();
    let on_figure = {
        let (act, id) = (act.clone(), id.clone());
        Callback::from(move |e: SubmitEvent| {
            let Some(form) = submitted_form(&e) else {
                return;
            };
            let field = |name: &str| field(&form, name);
            let kind = FIGURE_KINDS
                .iter()
                .find(|(_, label)| *label == field("kind"))
                .map_or(FigureKind::Number, |(k, _)| *k);
            let opt = |s: String| (!s.trim().is_empty()).then(|| s.trim().to_owned());
            let info = FigureInfo {
                kind,
                value: opt(field("value")),
                unit: opt(field("unit")),
            };
            act.emit(Action::SetFigure {
                id: id.clone(),
                info,
                now: now(),
            });
        })
    };
    let others: Vec<Html> = props
        .others
        .iter()
        .filter(|o| **o != ann.id)
        .filter_map(|o| props.doc.annotations.iter().find(|a| &a.id == o))
        // Only what overlaps this annotation: a stale pick never shows here.
        .filter(|o| o.start < ann.end && o.end > ann.start)
        .map(|o| {
            let (act, oid) = (act.clone(), o.id.clone());
            let onclick = Callback::from(move |_: MouseEvent| act.emit(Action::SelectAnnotation(Some(oid.clone()))));
            html! { <button class="button small" data-testid="choose" {onclick}>{ format!("{} “{}”", o.kind.as_str(), short(&o.exact)) }</button> }
        })
        .collect();
    let status_label = match ann.status {
        Status::Suggested => "suggested",
        Status::Confirmed => "confirmed",
        Status::Rejected => "rejected",
    };
    let speaker_select = matches!(ann.kind, AnnotationKind::Quote | AnnotationKind::Speaker);
    html! {
        <aside class="inspector" data-testid="inspector" data-inspects={ann.id.clone()} aria-label="Annotation">
            <div class="inspector-head">
                <span class={classes!("badge", format!("k-{}", ann.kind.as_str()))}>{ ann.kind.as_str() }</span>
                <span class="status" data-testid="inspector-status">{ status_label }</span>
                if let Some(q) = ann.quote_kind {
                    <span class="status">{ format!("{q:?}").to_lowercase() }</span>
                }
                <button class="button small ghost close" aria-label="Close the inspector" data-testid="inspector-close"
                        onclick={props.on_close.reform(|_: MouseEvent| ())}>{ "✕" }</button>
            </div>
            if !others.is_empty() {
                <div class="chooser" data-testid="chooser"><span>{ "Also here:" }</span>{ for others }</div>
            }
            <blockquote class="exact">{ &ann.exact }</blockquote>
            if speaker_select {
                <label class="field">{ "Speaker" }
                    <select data-testid="speaker-select" onchange={on_speaker} key={format!("sp-{}", ann.id)}>
                        <option value="" selected={ann.speaker_id.is_none()}>{ "Unknown" }</option>
                        { for props.doc.speakers.iter().map(|s| html! {
                            <option value={s.id.clone()} selected={ann.speaker_id.as_deref() == Some(s.id.as_str())}>
                                { &s.name }
                            </option>
                        }) }
                    </select>
                </label>
                <form class="row" onsubmit={on_new_speaker}>
                    <input type="text" data-testid="new-speaker" placeholder="New speaker’s name" aria-label="New speaker’s name" />
                    <button type="submit" class="button small">{ "Set" }</button>
                </form>
            }
            if ann.kind == AnnotationKind::Figure {
                <form class="figure-form" onsubmit={on_figure} key={format!("fig-{}-{}", ann.id, ann.modified)}>
                    <label class="field">{ "Kind" }
                        <select name="kind" data-testid="figure-kind">
                            { for FIGURE_KINDS.iter().map(|(k, label)| html! {
                                <option value={*label} selected={*k == figure.kind}>{ *label }</option>
                            }) }
                        </select>
                    </label>
                    <label class="field">{ "Value" }
                        <input name="value" data-testid="figure-value" value={figure.value.clone().unwrap_or_default()} />
                    </label>
                    <label class="field">{ "Unit" }
                        <input name="unit" data-testid="figure-unit" value={figure.unit.clone().unwrap_or_default()} />
                    </label>
                    <button type="submit" class="button small">{ "Save figure" }</button>
                </form>
            }
            <label class="field">{ "Note" }
                <textarea data-testid="note" rows="3" key={format!("note-{}", ann.id)} onchange={on_note}
                          value={ann.note.clone().unwrap_or_default()} placeholder="Write a note…" />
            </label>
            <div class="row actions">
                <button class="button primary" data-testid="accept" onclick={status(Status::Confirmed)}
                        disabled={ann.status == Status::Confirmed}>{ "Accept" }</button>
                <button class="button" data-testid="reject" onclick={status(Status::Rejected)}
                        disabled={ann.status == Status::Rejected}>{ "Reject" }</button>
                <button class="button ghost" data-testid="delete" onclick={on_delete}>{ "Delete" }</button>
            </div>
        </aside>
    }
}
