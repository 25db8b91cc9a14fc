//! The article: its title and paragraphs, with annotations as highlights.
//!
//! Each paragraph is a keyed component whose props are the paragraph's text and only the
//! annotations that touch it, so one click re-renders one paragraph, not the article.

use super::Shared;
use crate::model::annotation::{Annotation, AnnotationKind, Speaker, Status};
use crate::model::offsets::TextIndex;
use crate::model::spans::{nest, Fragment};
use crate::model::text::{paragraphs, split_title};
use crate::model::Document;
use std::rc::Rc;
use yew::prelude::*;

/// The annotations of one paragraph (compared by pointer).
type ParaAnns = Shared<Vec<Rc<Annotation>>>;

/// What the paragraphs were last given: rebuilt when the document or the hidden kinds change,
/// keeping the previous `Rc` of every paragraph whose annotations did not change, so that only
/// changed paragraphs re-render.
#[derive(Default)]
struct Slices {
    key: Option<(String, u64, Vec<AnnotationKind>)>,
    speakers: Option<Shared<Vec<Speaker>>>,
    paras: Vec<ParaAnns>,
    /// The paragraphs' lists grouped by [`CHUNK`]: a chunk keeps its `Rc` while all its
    /// paragraphs keep theirs.
    chunks: Vec<Shared<Vec<ParaAnns>>>,
}

/// Paragraphs per [`ChunkView`]. The article renders chunks, a chunk renders paragraphs: a click
/// compares a few dozen chunk props and re-renders one chunk's paragraphs, not thousands.
const CHUNK: usize = 64;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The document shown.
    pub doc: Shared<Document>,
    /// Kinds hidden by the legend.
    pub hidden: Rc<Vec<AnnotationKind>>,
    /// The annotation open in the inspector.
    pub selected: Option<String>,
    /// The user clicked highlights: the ids under the pointer, innermost first.
    pub on_pick: Callback<Vec<String>>,
}

/// One paragraph: its text and code point range.
#[derive(Clone)]
struct Para {
    cp_start: usize,
    cp_end: usize,
    text: AttrValue,
}

/// Rebuilds the per-paragraph annotation lists when the document changed.
fn update_slices(slices: &mut Slices, doc: &Document, hidden: &[AnnotationKind], paras: &[Para]) {
    let key = (doc.id.clone(), doc.modified.to_bits(), hidden.to_vec());
    if slices.key.as_ref() == Some(&key) && slices.paras.len() == paras.len() {
        return;
    }
    let visible: Vec<&Rc<Annotation>> = doc
        .annotations
        .iter()
        .filter(|a| a.status != Status::Rejected && !hidden.contains(&a.kind))
        .collect();
    let same_doc =
        slices.key.as_ref().is_some_and(|k| k.0 == doc.id) && slices.paras.len() == paras.len();
    // Annotations are sorted by start: walk them once with a moving window.
    let mut first = 0;
    let mut fresh = Vec::with_capacity(paras.len());
    for (i, p) in paras.iter().enumerate() {
        while first < visible.len() && visible[first].end <= p.cp_start {
            first += 1;
        }
        let anns = visible[first..]
            .iter()
            .take_while(|a| a.start < p.cp_end)
            .filter(|a| a.end > p.cp_start);
        let old = same_doc.then(|| slices.paras.get(i)).flatten();
        let unchanged = old.is_some_and(|old| {
            old.len() == anns.clone().count()
                && old.iter().zip(anns.clone()).all(|(o, n)| Rc::ptr_eq(o, n))
        });
        match (old, unchanged) {
            (Some(old), true) => fresh.push(old.clone()),
            _ => fresh.push(Shared(Rc::new(anns.map(|a| Rc::clone(a)).collect()))),
        }
    }
    let speakers_same = slices
        .speakers
        .as_ref()
        .is_some_and(|s| *s.0 == doc.speakers);
    if !speakers_same {
        slices.speakers = Some(Shared(Rc::new(doc.speakers.clone())));
    }
    let chunks = fresh
        .chunks(CHUNK)
        .enumerate()
        .map(|(i, paras)| {
            let old = same_doc.then(|| slices.chunks.get(i)).flatten();
            match old {
                Some(old)
                    if old.len() == paras.len() && old.iter().zip(paras).all(|(a, b)| a == b) =>
                {
                    old.clone()
                }
                _ => Shared(Rc::new(paras.to_vec())),
            }
        })
        .collect();
    slices.paras = fresh;
    slices.chunks = chunks;
    slices.key = Some(key);
}

/// Shows a document as a title (its first line) and paragraphs; short lines without closing
/// punctuation (news subheadings) are shown as subheadings.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let doc = props.doc.clone();
    let layout = use_memo(Shared(doc.text.clone()), |text| {
        let index = TextIndex::new(text);
        let (title, body_start) = split_title(text);
        let paras: Vec<Para> = paragraphs(text, body_start)
            .into_iter()
            .filter_map(|p| {
                Some(Para {
                    cp_start: index.byte_to_cp(p.start)?,
                    cp_end: index.byte_to_cp(p.end)?,
                    text: AttrValue::from(text.get(p.start..p.end)?.to_owned()),
                })
            })
            .collect();
        let chunks: Vec<Shared<Vec<Para>>> = paras
            .chunks(CHUNK)
            .map(|c| Shared(Rc::new(c.to_vec())))
            .collect();
        (title, paras, chunks)
    });
    let slices = use_mut_ref(Slices::default);
    update_slices(&mut slices.borrow_mut(), &doc, &props.hidden, &layout.1);
    let on_pick = props.on_pick.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        let ids = crate::web::selection::annotation_ids_at(e.target());
        if !ids.is_empty() {
            on_pick.emit(ids);
        }
    });
    let slices = slices.borrow();
    let Some(speakers) = slices.speakers.clone() else {
        return html! {};
    };
    let rendered: Vec<Html> = layout
        .2
        .iter()
        .zip(slices.chunks.iter())
        .map(|(paras, anns)| {
            let selected = props
                .selected
                .clone()
                .filter(|s| anns.iter().any(|p| p.iter().any(|a| &a.id == s)));
            let key = paras.first().map_or(0, |p| p.cp_start);
            html! {
                <ChunkView {key} paras={paras.clone()} anns={anns.clone()}
                           speakers={speakers.clone()} {selected} />
            }
        })
        .collect();
    html! {
        <article class="article" data-testid="article" lang="en" {onclick}>
            <h1 class="article-title" data-testid="article-title">{ layout.0.clone() }</h1>
            { for rendered }
        </article>
    }
}

/// Props of [`ChunkView`].
#[derive(Properties, PartialEq)]
struct ChunkProps {
    /// Up to [`CHUNK`] paragraphs (compared by pointer).
    paras: Shared<Vec<Para>>,
    /// Their annotation lists, one per paragraph (compared by pointer).
    anns: Shared<Vec<ParaAnns>>,
    /// The document's speakers, for tooltips (compared by pointer).
    speakers: Shared<Vec<Speaker>>,
    /// The selected annotation, when it is in this chunk.
    selected: Option<String>,
}

/// A run of paragraphs in one block, which the browser skips (style, layout, paint, hit
/// testing) while it is far off screen (`.chunk` has `content-visibility: auto`).
#[component]
fn ChunkView(props: &ChunkProps) -> Html {
    let rendered = props.paras.iter().zip(props.anns.iter()).map(|(p, anns)| {
        let selected = props
            .selected
            .clone()
            .filter(|s| anns.iter().any(|a| &a.id == s));
        html! {
            <ParagraphView key={p.cp_start} text={p.text.clone()} start={p.cp_start}
                           anns={anns.clone()} speakers={props.speakers.clone()} {selected} />
        }
    });
    html! { <div class="chunk">{ for rendered }</div> }
}

/// Props of [`ParagraphView`].
#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    /// The paragraph's text.
    pub text: AttrValue,
    /// Code point offset of the paragraph in the document.
    pub start: usize,
    /// The annotations that touch this paragraph (compared by pointer).
    pub anns: ParaAnns,
    /// The document's speakers, for tooltips (compared by pointer).
    pub speakers: Shared<Vec<Speaker>>,
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
