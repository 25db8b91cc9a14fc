//! Side panels: the legend (toggles and bulk review), speakers with share of voice, figures.

use crate::model::annotation::{AnnotationKind, Status};
use crate::model::Document;
use crate::state::Action;
use crate::web::forms::{field, submitted_form};
use std::collections::HashMap;
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
    pub doc: super::Shared<Document>,
    /// Kinds hidden in the article.
    pub hidden: Rc<Vec<AnnotationKind>>,
    /// Dispatches actions.
    pub on_action: Callback<Action>,
}

/// One row per kind: colour key, count, show/hide, accept all and reject all suggestions.
#[component]
pub fn Legend(props: &PanelProps) -> Html {
    // One pass over the annotations: counts per kind (shown, suggested). The ids of a bulk
    // action are gathered when it is clicked, not on every render.
    let mut counts = [(0usize, 0usize); 4];
    for a in props
        .doc
        .annotations
        .iter()
        .filter(|a| a.status != Status::Rejected)
    {
        if let Some(i) = KINDS.iter().position(|(k, _)| *k == a.kind) {
            counts[i].0 += 1;
            counts[i].1 += usize::from(a.status == Status::Suggested);
        }
    }
    let rows = KINDS.iter().zip(counts).map(|(&(kind, label), (count, suggested))| {
        let shown = !props.hidden.contains(&kind);
        let toggle = props.on_action.reform(move |_: MouseEvent| Action::ToggleKind(kind));
        let bulk = |status: Status| {
            let doc = props.doc.clone();
            props.on_action.reform(move |_: MouseEvent| Action::SetStatus {
                ids: doc
                    .annotations
                    .iter()
                    .filter(|a| a.kind == kind && a.status == Status::Suggested)
                    .map(|a| a.id.clone())
                    .collect(),
                status,
                now: crate::web::now(),
            })
        };
        html! {
            <li class="legend-row">
                <button class={classes!("legend-toggle", format!("k-{}", kind.as_str()), (!shown).then_some("off"))}
                        data-testid={format!("toggle-{}", kind.as_str())} aria-pressed={shown.to_string()} onclick={toggle}>
                    <span class={classes!("swatch", format!("k-{}", kind.as_str()))} aria-hidden="true"></span>
                    { format!("{label} ({count})") }
                </button>
                if suggested > 0 {
                    <button class="button small" data-testid={format!("accept-all-{}", kind.as_str())}
                            title={format!("Accept all {suggested} suggested")} onclick={bulk(Status::Confirmed)}>{ "✓ all" }</button>
                    <button class="button small ghost" data-testid={format!("reject-all-{}", kind.as_str())}
                            title={format!("Reject all {suggested} suggested")} onclick={bulk(Status::Rejected)}>{ "✗ all" }</button>
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
    let index: HashMap<&str, usize> = doc
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    for a in doc
        .annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::Quote && a.status != Status::Rejected)
    {
        if let Some(s) = a
            .speaker_id
            .as_deref()
            .and_then(|id| index.get(id))
            .and_then(|&i| stats.get_mut(i))
        {
            s.quotes += 1;
            s.words += a.exact.split_whitespace().count();
        }
    }
    stats.retain(|s| s.quotes > 0);
    stats.sort_by(|a, b| b.words.cmp(&a.words).then(a.name.cmp(&b.name)));
    stats
}

/// Whether `text` matches the filter (case-insensitive; an empty filter matches everything).
///
/// ```
/// assert!(sayso::components::matches_filter("Keir Starmer", "starm"));
/// assert!(sayso::components::matches_filter("anything", ""));
/// assert!(!sayso::components::matches_filter("Macron", "merz"));
/// ```
pub fn matches_filter(text: &str, filter: &str) -> bool {
    let filter = filter.trim();
    filter.is_empty() || text.to_lowercase().contains(&filter.to_lowercase())
}

/// Props of [`SpeakersPanel`].
#[derive(Properties, PartialEq)]
pub struct SpeakersProps {
    /// The open document.
    pub doc: super::Shared<Document>,
    /// The filter typed over all panels.
    #[prop_or_default]
    pub filter: AttrValue,
    /// Show a speaker's first quote.
    pub on_pick: Callback<String>,
    /// Dispatches renames and merges.
    pub on_action: Callback<Action>,
}

/// Quoted speakers: role, quotes, words quoted, and a share-of-voice bar (SVG). Clicking one
/// scrolls to and opens their first quote and flashes all of them.
#[component]
pub fn SpeakersPanel(props: &SpeakersProps) -> Html {
    // Counted once per document change, not again for each letter typed in the filter.
    let all = use_memo(props.doc.clone(), |doc| speaker_stats(doc));
    let total: usize = all.iter().map(|s| s.words).sum::<usize>().max(1);
    let stats: Vec<&SpeakerStats> = all
        .iter()
        .filter(|s| {
            matches_filter(&s.name, &props.filter)
                || s.role
                    .as_deref()
                    .is_some_and(|r| matches_filter(r, &props.filter))
        })
        .collect();
    let on_rename = {
        let act = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            if let Some(form) = submitted_form(&e) {
                let (id, name) = (field(&form, "speaker"), field(&form, "name"));
                act.emit(Action::RenameSpeaker {
                    id,
                    name,
                    now: crate::web::now(),
                });
                form.reset();
            }
        })
    };
    let on_merge = {
        let act = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            if let Some(form) = submitted_form(&e) {
                let (from, into) = (field(&form, "from"), field(&form, "into"));
                act.emit(Action::MergeSpeakers {
                    from,
                    into,
                    now: crate::web::now(),
                });
            }
        })
    };
    let options = |selected: Option<&str>| -> Html {
        props.doc.speakers.iter().map(|s| html! {
            <option value={s.id.clone()} selected={selected == Some(s.id.as_str())}>{ &s.name }</option>
        }).collect()
    };
    html! {
        <section class="panel speakers" data-testid="speakers" aria-label="Speakers">
            <h2 class="panel-title">{ "Speakers" } <span class="count">{ stats.len() }</span></h2>
            if stats.is_empty() {
                <p class="empty">{ "No quoted speakers yet." }</p>
            }
            <ul class="speaker-list">
            { for stats.iter().map(|s| {
                let share = s.words as f64 / total as f64;
                // Scroll to and open the speaker's first quote, and flash all their quotes.
                let onclick = {
                    let (doc, speaker, on_pick) = (props.doc.clone(), s.id.clone(), props.on_pick.clone());
                    Callback::from(move |_: MouseEvent| {
                        let ids: Vec<String> = doc.annotations.iter()
                            .filter(|a| a.kind == AnnotationKind::Quote && a.status != Status::Rejected
                                && a.speaker_id.as_deref() == Some(speaker.as_str()))
                            .map(|a| a.id.clone())
                            .collect();
                        if let Some(first) = ids.first() {
                            on_pick.emit(first.clone());
                        }
                        crate::web::selection::flash(&ids);
                    })
                };
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
            if props.doc.speakers.len() > 1 {
                <details class="speaker-tools">
                    <summary>{ "Rename or merge speakers" }</summary>
                    <form class="row" onsubmit={on_rename}>
                        <select name="speaker" data-testid="rename-speaker" aria-label="Speaker to rename">{ options(None) }</select>
                        <input name="name" data-testid="rename-name" placeholder="New name" aria-label="New name" />
                        <button type="submit" class="button small" data-testid="rename">{ "Rename" }</button>
                    </form>
                    <form class="row" onsubmit={on_merge}>
                        <select name="from" data-testid="merge-from" aria-label="Speaker to merge">{ options(None) }</select>
                        <span>{ "into" }</span>
                        <select name="into" data-testid="merge-into" aria-label="Speaker to keep">
                            { options(props.doc.speakers.get(1).map(|s| s.id.as_str())) }
                        </select>
                        <button type="submit" class="button small" data-testid="merge">{ "Merge" }</button>
                    </form>
                </details>
            }
        </section>
    }
}

/// Props of [`QuotesPanel`].
#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    /// The open document.
    pub doc: super::Shared<Document>,
    /// The filter typed over all panels.
    #[prop_or_default]
    pub filter: AttrValue,
    /// Open a quote in the inspector.
    pub on_pick: Callback<String>,
}

/// Quotes grouped by speaker (unattributed last), each with its kind and a jump link.
#[component]
pub fn QuotesPanel(props: &QuotesProps) -> Html {
    let doc = &props.doc;
    let names: HashMap<&str, &str> = doc
        .speakers
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let name_of = |id: &Option<String>| id.as_deref().and_then(|id| names.get(id).copied());
    type Group<'a> = (
        Option<&'a str>,
        Vec<&'a crate::model::annotation::Annotation>,
    );
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: HashMap<Option<&str>, usize> = HashMap::new();
    for a in doc
        .annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::Quote && a.status != Status::Rejected)
    {
        let name = name_of(&a.speaker_id);
        let visible = props.filter.trim().is_empty()
            || matches_filter(&a.exact, &props.filter)
            || name.is_some_and(|n| matches_filter(n, &props.filter));
        if !visible {
            continue;
        }
        let next = groups.len();
        let i = *group_of.entry(name).or_insert(next);
        match groups.get_mut(i) {
            Some((_, quotes)) => quotes.push(a),
            None => groups.push((name, vec![a])),
        }
    }
    groups.sort_by(|a, b| match (&a.0, &b.0) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, _) => std::cmp::Ordering::Greater,
        (_, None) => std::cmp::Ordering::Less,
        _ => b.1.len().cmp(&a.1.len()),
    });
    let shown: usize = groups.iter().map(|g| g.1.len()).sum();
    // At most MAX_ROWS rows in all (a long article has thousands of quotes): each group lists
    // its first quotes while rows are left, and says how many it does not list.
    let mut left = MAX_ROWS;
    let budget: Vec<usize> = groups
        .iter()
        .map(|(_, quotes)| {
            let n = quotes.len().min(left);
            left -= n;
            n
        })
        .collect();
    html! {
        <section class="panel quotes" data-testid="quotes" aria-label="Quotes">
            <h2 class="panel-title">{ "Quotes" } <span class="count">{ shown }</span></h2>
            { for groups.iter().zip(budget).map(|((name, quotes), rows)| html! {
                <details class="quote-group" open={quotes.len() <= 6}>
                    <summary>{ format!("{} ({})", name.unwrap_or("Speaker unknown"), quotes.len()) }</summary>
                    <ul class="quote-list">
                        { for quotes.iter().take(rows).map(|q| {
                            let id = q.id.clone();
                            let onclick = props.on_pick.reform(move |_: MouseEvent| id.clone());
                            let kind = q.quote_kind.map_or("quote", |k| match k {
                                crate::model::annotation::QuoteKind::Direct => "direct",
                                crate::model::annotation::QuoteKind::Mixed => "mixed",
                                crate::model::annotation::QuoteKind::Indirect => "indirect",
                            });
                            html! {
                                <li key={q.id.clone()} data-testid="quote-item">
                                    <span class="status">{ kind }</span>{ " " }
                                    <button class="link" {onclick}>{ crate::components::short(&q.exact) }</button>
                                </li>
                            }
                        }) }
                    </ul>
                    if rows < quotes.len() {
                        <p class="legend-note">{ format!("{} more not listed: filter to find them.", quotes.len() - rows) }</p>
                    }
                </details>
            }) }
        </section>
    }
}

/// Rows shown in the figures table (a long article has thousands of figures).
pub const MAX_ROWS: usize = 200;

/// The sentence around code points `start..end` of `text` (cut to about 160 characters).
///
/// ```
/// use sayso::components::sentence_around;
/// let text = "First one. It cost £5 million, he said. Last.";
/// assert_eq!(sentence_around(text, 19, 29), "It cost £5 million, he said.");
/// ```
pub fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let index = crate::model::offsets::TextIndex::new(text);
    sentence_with(&index, text, start, end)
}

/// [`sentence_around`] with an index already built for `text`.
pub fn sentence_with(
    index: &crate::model::offsets::TextIndex,
    text: &str,
    start: usize,
    end: usize,
) -> String {
    let (Some(bs), Some(be)) = (index.cp_to_byte(start), index.cp_to_byte(end)) else {
        return String::new();
    };
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let before = text.get(..bs).unwrap_or_default();
    let from = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_end(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let after = text.get(be..).unwrap_or_default();
    let to = after
        .char_indices()
        .find(|&(_, c)| is_end(c))
        .map_or(text.len(), |(i, c)| {
            be + i + if c == '\n' { 0 } else { c.len_utf8() }
        });
    let sentence = text.get(from..to).unwrap_or_default().trim();
    crate::components::short_to(sentence, 160)
}

/// Props of [`FiguresPanel`].
#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    /// The open document.
    pub doc: super::Shared<Document>,
    /// The filter typed over all panels.
    #[prop_or_default]
    pub filter: AttrValue,
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
        .filter(|a| {
            if props.filter.trim().is_empty() {
                return true;
            }
            let f = a.figure.as_ref();
            [
                Some(a.exact.as_str()),
                f.map(|f| f.kind.as_str()),
                f.and_then(|f| f.value.as_deref()),
                f.and_then(|f| f.unit.as_deref()),
            ]
            .iter()
            .flatten()
            .any(|t| matches_filter(t, &props.filter))
        })
        .collect();
    let total = figures.len();
    // Built when a row first needs it (an article with no figure yet needs none).
    let index = use_memo(super::Shared(props.doc.text.clone()), |text| {
        super::LazyIndex::new(text.0.clone())
    });
    let figures = &figures[..total.min(MAX_ROWS)];
    html! {
        <section class="panel figures" data-testid="figures" aria-label="Figures">
            <h2 class="panel-title">{ "Figures" } <span class="count">{ figures.len() }</span></h2>
            <table class="figure-table">
                <thead><tr><th>{ "Figure" }</th><th>{ "Kind" }</th><th>{ "Value" }</th><th>{ "Unit" }</th><th>{ "Sentence" }</th></tr></thead>
                <tbody>
                { for figures.iter().map(|a| {
                    let f = a.figure.clone().unwrap_or_default();
                    let id = a.id.clone();
                    let onclick = props.on_pick.reform(move |_: MouseEvent| id.clone());
                    html! {
                        <tr key={a.id.clone()} data-testid="figure-row">
                            <td><button class="link" {onclick}>{ &a.exact }</button></td>
                            <td>{ f.kind.as_str() }</td>
                            <td>{ f.value.unwrap_or_default() }</td>
                            <td>{ f.unit.unwrap_or_default() }</td>
                            <td class="sentence">{ sentence_with(index.get(), &props.doc.text, a.start, a.end) }</td>
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
