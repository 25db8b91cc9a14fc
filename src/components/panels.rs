//! Side panels: the legend (toggles and bulk review), speakers with share of voice, figures.

use crate::model::annotation::{AnnotationKind, Status};
use crate::model::Document;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

const KINDS: [(AnnotationKind, &str); 4] = [
    (AnnotationKind::Speaker, "Speakers"),
    (AnnotationKind::Quote, "Quotes"),
    (AnnotationKind::Figure, "Figures"),
    (AnnotationKind::Note, "Notes"),
];

/// Props of the panels.
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The open document.
    pub doc: Rc<Document>,
    /// Kinds hidden in the article.
    pub hidden: Rc<Vec<AnnotationKind>>,
    /// Dispatches actions.
    pub on_action: Callback<Action>,
}

/// One row per kind: colour key, count, show/hide, accept all and reject all suggestions.
#[component]
pub fn Legend(props: &PanelProps) -> Html {
    let rows = KINDS.iter().map(|&(kind, label)| {
        let of_kind = props.doc.annotations.iter().filter(|a| a.kind == kind && a.status != Status::Rejected);
        let count = of_kind.clone().count();
        let suggested: Vec<String> = of_kind.filter(|a| a.status == Status::Suggested).map(|a| a.id.clone()).collect();
        let shown = !props.hidden.contains(&kind);
        let toggle = props.on_action.reform(move |_: MouseEvent| Action::ToggleKind(kind));
        let bulk = |status: Status| {
            let ids = suggested.clone();
            props.on_action.reform(move |_: MouseEvent| Action::SetStatus { ids: ids.clone(), status, now: crate::web::now() })
        };
        html! {
            <li class="legend-row">
                <button class={classes!("legend-toggle", format!("k-{}", kind.as_str()), (!shown).then_some("off"))}
                        data-testid={format!("toggle-{}", kind.as_str())} aria-pressed={shown.to_string()} onclick={toggle}>
                    <span class={classes!("swatch", format!("k-{}", kind.as_str()))} aria-hidden="true"></span>
                    { format!("{label} ({count})") }
                </button>
                if !suggested.is_empty() {
                    <button class="button small" data-testid={format!("accept-all-{}", kind.as_str())}
                            title={format!("Accept all {} suggested", suggested.len())} onclick={bulk(Status::Confirmed)}>{ "✓ all" }</button>
                    <button class="button small ghost" data-testid={format!("reject-all-{}", kind.as_str())}
                            title={format!("Reject all {} suggested", suggested.len())} onclick={bulk(Status::Rejected)}>{ "✗ all" }</button>
                }
            </li>
        }
    });
    html! {
        <section class="panel legend" data-testid="legend" aria-label="Legend">
            <h2 class="panel-title">{ "Highlights" }</h2>
            <ul class="legend-list">{ for rows }</ul>
            <p class="legend-note">{ "Dashed: suggested · solid: confirmed" }</p>
        </section>
    }
}

/// A speaker's numbers in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerStats {
    /// Speaker id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Role, if known.
    pub role: Option<String>,
    /// Quotes attributed (not rejected).
    pub quotes: usize,
    /// Words in those quotes.
    pub words: usize,
}

/// Counts quotes and quoted words per speaker (rejected quotes excluded), most words first.
///
/// ```
/// use sayso::components::speaker_stats;
/// use sayso::model::Document;
/// assert!(speaker_stats(&Document::new("T\nx", None, 0.0)).is_empty());
/// ```
pub fn speaker_stats(doc: &Document) -> Vec<SpeakerStats> {
    let mut stats: Vec<SpeakerStats> = doc
        .speakers
        .iter()
        .map(|s| SpeakerStats {
            id: s.id.clone(),
            name: s.name.clone(),
            role: s.role.clone(),
            quotes: 0,
            words: 0,
        })
        .collect();
    for a in doc
        .annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::Quote && a.status != Status::Rejected)
    {
        if let Some(s) = a
            .speaker_id
            .as_ref()
            .and_then(|id| stats.iter_mut().find(|s| &s.id == id))
        {
            s.quotes += 1;
            s.words += a.exact.split_whitespace().count();
        }
    }
    stats.retain(|s| s.quotes > 0);
    stats.sort_by(|a, b| b.words.cmp(&a.words).then(a.name.cmp(&b.name)));
    stats
}

/// Props of [`SpeakersPanel`].
#[derive(Properties, PartialEq)]
pub struct SpeakersProps {
    /// The open document.
    pub doc: Rc<Document>,
    /// Show a speaker's first quote.
    pub on_pick: Callback<String>,
}

/// Quoted speakers: role, quotes, words quoted, and a share-of-voice bar (SVG).
#[component]
pub fn SpeakersPanel(props: &SpeakersProps) -> Html {
    let stats = speaker_stats(&props.doc);
    let total: usize = stats.iter().map(|s| s.words).sum::<usize>().max(1);
    html! {
        <section class="panel speakers" data-testid="speakers" aria-label="Speakers">
            <h2 class="panel-title">{ "Speakers" } <span class="count">{ stats.len() }</span></h2>
            if stats.is_empty() {
                <p class="empty">{ "No quoted speakers yet." }</p>
            }
            <ul class="speaker-list">
            { for stats.iter().map(|s| {
                let share = s.words as f64 / total as f64;
                let first_quote = props.doc.annotations.iter()
                    .find(|a| a.kind == AnnotationKind::Quote && a.speaker_id.as_deref() == Some(s.id.as_str()) && a.status != Status::Rejected)
                    .map(|a| a.id.clone())
                    .unwrap_or_default();
                let onclick = props.on_pick.reform(move |_: MouseEvent| first_quote.clone());
                html! {
                    <li key={s.id.clone()} class="speaker-item" data-testid="speaker-item" data-speaker-id={s.id.clone()}>
                        <button class="speaker-open" {onclick}>
                            <span class="speaker-name">{ &s.name }</span>
                            if let Some(role) = &s.role { <span class="speaker-role">{ role }</span> }
                            <span class="speaker-meta" data-testid="speaker-counts">
                                { format!("{} quote{} · {} words · {:.0}%", s.quotes, if s.quotes == 1 { "" } else { "s" }, s.words, share * 100.0) }
                            </span>
                            <svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img"
                                 aria-label={format!("{:.0}% of quoted words", share * 100.0)}>
                                <rect class="bar-bg" x="0" y="0" width="100" height="6" />
                                <rect class="bar-fg" x="0" y="0" width={format!("{:.1}", share * 100.0)} height="6" />
                            </svg>
                        </button>
                    </li>
                }
            }) }
            </ul>
        </section>
    }
}

/// Rows shown in the figures table (a long article has thousands of figures).
pub const MAX_ROWS: usize = 200;

/// Props of [`FiguresPanel`].
#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    /// The open document.
    pub doc: Rc<Document>,
    /// Open a figure in the inspector.
    pub on_pick: Callback<String>,
}

/// A table of the figures: text, kind, value, unit.
#[component]
pub fn FiguresPanel(props: &FiguresProps) -> Html {
    let figures: Vec<_> = props
        .doc
        .annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::Figure && a.status != Status::Rejected)
        .collect();
    let total = figures.len();
    let figures = &figures[..total.min(MAX_ROWS)];
    html! {
        <section class="panel figures" data-testid="figures" aria-label="Figures">
            <h2 class="panel-title">{ "Figures" } <span class="count">{ figures.len() }</span></h2>
            <table class="figure-table">
                <thead><tr><th>{ "Figure" }</th><th>{ "Kind" }</th><th>{ "Value" }</th><th>{ "Unit" }</th></tr></thead>
                <tbody>
                { for figures.iter().map(|a| {
                    let f = a.figure.clone().unwrap_or_default();
                    let id = a.id.clone();
                    let onclick = props.on_pick.reform(move |_: MouseEvent| id.clone());
                    html! {
                        <tr key={a.id.clone()} data-testid="figure-row">
                            <td><button class="link" {onclick}>{ &a.exact }</button></td>
                            <td>{ format!("{:?}", f.kind).to_lowercase() }</td>
                            <td>{ f.value.unwrap_or_default() }</td>
                            <td>{ f.unit.unwrap_or_default() }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            if total > MAX_ROWS {
                <p class="legend-note">{ format!("The first {MAX_ROWS} of {total} figures.") }</p>
            }
        </section>
    }
}
