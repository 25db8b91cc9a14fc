//! The article: its title and paragraphs, with annotations as highlights.
//!
//! Each paragraph is a keyed component whose props are the paragraph's text and only the
//! annotations that touch it, so one click re-renders one paragraph, not the article.

use crate::model::annotation::{Annotation, AnnotationKind, Speaker, Status};
use crate::model::offsets::TextIndex;
use crate::model::spans::{nest, Fragment};
use crate::model::text::{paragraphs, split_title};
use crate::model::Document;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The document shown.
    pub doc: Rc<Document>,
    /// Kinds hidden by the legend.
    pub hidden: Rc<Vec<AnnotationKind>>,
    /// The annotation open in the inspector.
    pub selected: Option<String>,
    /// The user clicked highlights: the ids under the pointer, innermost first.
    pub on_pick: Callback<Vec<String>>,
}

/// One paragraph's place: code point range and byte range.
#[derive(Clone, Copy)]
struct Para {
    cp_start: usize,
    cp_end: usize,
    byte_start: usize,
    byte_end: usize,
}

/// Shows a document as a title (its first line) and paragraphs; short lines without closing
/// punctuation (news subheadings) are shown as subheadings.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let doc = props.doc.clone();
    let layout = use_memo(doc.text.clone(), |text| {
        let index = TextIndex::new(text);
        let (title, body_start) = split_title(text);
        let paras: Vec<Para> = paragraphs(text, body_start)
            .into_iter()
            .filter_map(|p| {
                Some(Para {
                    cp_start: index.byte_to_cp(p.start)?,
                    cp_end: index.byte_to_cp(p.end)?,
                    byte_start: p.start,
                    byte_end: p.end,
                })
            })
            .collect();
        (title, paras)
    });
    let visible: Vec<&Annotation> = doc
        .annotations
        .iter()
        .filter(|a| a.status != Status::Rejected && !props.hidden.contains(&a.kind))
        .collect();
    let speakers = Rc::new(doc.speakers.clone());
    let on_pick = props.on_pick.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        let ids = crate::web::selection::annotation_ids_at(e.target());
        if !ids.is_empty() {
            on_pick.emit(ids);
        }
    });
    // Annotations are sorted by start: walk them once with a moving window.
    let mut first = 0;
    let rendered = layout.1.iter().map(|p| {
        while first < visible.len() && visible[first].end <= p.cp_start {
            first += 1;
        }
        let anns: Vec<Annotation> = visible[first..]
            .iter()
            .take_while(|a| a.start < p.cp_end)
            .filter(|a| a.end > p.cp_start)
            .map(|a| (*a).clone())
            .collect();
        let selected = props.selected.clone().filter(|s| anns.iter().any(|a| &a.id == s));
        html! {
            <ParagraphView key={p.cp_start} text={AttrValue::from(doc.text[p.byte_start..p.byte_end].to_owned())}
                           start={p.cp_start} anns={Rc::new(anns)} speakers={speakers.clone()} {selected} />
        }
    });
    let rendered: Vec<Html> = rendered.collect();
    html! {
        <article class="article" data-testid="article" lang="en" {onclick}>
            <h1 class="article-title" data-testid="article-title">{ layout.0.clone() }</h1>
            { for rendered }
        </article>
    }
}

/// Props of [`ParagraphView`].
#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    /// The paragraph's text.
    pub text: AttrValue,
    /// Code point offset of the paragraph in the document.
    pub start: usize,
    /// The annotations that touch this paragraph.
    pub anns: Rc<Vec<Annotation>>,
    /// The document's speakers, for tooltips.
    pub speakers: Rc<Vec<Speaker>>,
    /// The selected annotation, when it is in this paragraph.
    pub selected: Option<String>,
}

/// One paragraph with its highlights; re-renders only when its own props change.
#[component]
pub fn ParagraphView(props: &ParagraphProps) -> Html {
    let index = TextIndex::new(&props.text);
    let len = index.len_cp();
    let spans: Vec<(usize, usize)> = props
        .anns
        .iter()
        .map(|a| {
            (
                a.start.saturating_sub(props.start),
                a.end.saturating_sub(props.start),
            )
        })
        .collect();
    let tree = nest(0, len, &spans);
    let ctx = Ctx {
        props,
        index: &index,
    };
    let children: Html = tree.iter().map(|f| ctx.render(f)).collect();
    if is_subheading(&props.text) {
        html! { <h2 class="subhead" data-cp-start={props.start.to_string()}>{ children }</h2> }
    } else {
        html! { <p class="para" data-cp-start={props.start.to_string()}>{ children }</p> }
    }
}

struct Ctx<'a> {
    props: &'a ParagraphProps,
    index: &'a TextIndex,
}

impl Ctx<'_> {
    fn slice(&self, start: usize, end: usize) -> String {
        match (self.index.cp_to_byte(start), self.index.cp_to_byte(end)) {
            (Some(s), Some(e)) => self.props.text.get(s..e).unwrap_or_default().to_owned(),
            _ => String::new(),
        }
    }

    fn render(&self, f: &Fragment) -> Html {
        let Some(ann) = f.span.and_then(|i| self.props.anns.get(i)) else {
            return html! { { self.slice(f.start, f.end) } };
        };
        let children: Html = f.children.iter().map(|c| self.render(c)).collect();
        let status = match ann.status {
            Status::Confirmed => "confirmed",
            _ => "suggested",
        };
        let selected = self.props.selected.as_deref() == Some(ann.id.as_str());
        html! {
            <mark class={classes!("ann", format!("k-{}", ann.kind.as_str()), format!("s-{status}"), selected.then_some("selected"))}
                  data-ann-id={ann.id.clone()} data-kind={ann.kind.as_str()} data-status={status} tabindex="0"
                  title={tooltip(ann, &self.props.speakers)}>
                { children }
            </mark>
        }
    }
}

/// The hover text of a highlight: kind, speaker or value, status.
pub fn tooltip(ann: &Annotation, speakers: &[Speaker]) -> String {
    let status = match ann.status {
        Status::Confirmed => "confirmed",
        Status::Rejected => "rejected",
        Status::Suggested => "suggested",
    };
    let detail = match ann.kind {
        AnnotationKind::Quote | AnnotationKind::Speaker => ann
            .speaker_id
            .as_ref()
            .and_then(|id| speakers.iter().find(|s| &s.id == id))
            .map_or_else(|| "speaker unknown".to_owned(), |s| s.name.clone()),
        AnnotationKind::Figure => ann.figure.as_ref().map_or_else(String::new, |f| {
            let kind = format!("{:?}", f.kind).to_lowercase();
            let value = f.value.clone().unwrap_or_default();
            let unit = f.unit.clone().unwrap_or_default();
            format!("{kind} {value} {unit}").trim().to_owned()
        }),
        AnnotationKind::Note => ann.note.clone().unwrap_or_default(),
    };
    format!("{} · {detail} · {status}", ann.kind.as_str())
}

/// A news subheading: a short line (under 80 characters) that does not end like a sentence.
///
/// ```
/// use sayso::components::is_subheading;
/// assert!(is_subheading("UK Pledges Additional Support to Ukraine"));
/// assert!(!is_subheading("He said so."));
/// assert!(!is_subheading("\"A quote,\" he said"));
/// ```
pub fn is_subheading(line: &str) -> bool {
    let line = line.trim();
    let ends_like_sentence =
        line.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', '\'', ')', '…']);
    line.chars().count() < 80 && !ends_like_sentence && !line.contains(['"', '“', '”'])
}
