//! The article: its title and paragraphs, with annotations as highlights.
//!
//! The article is cut into blocks of paragraphs ([`ChunkView`]), each a keyed component whose
//! props are its paragraphs and only the annotations that touch them; a block rewrites only the
//! paragraphs whose annotations changed, so one click changes one paragraph, not the article.

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
    /// The speakers the names were taken from, and the names.
    speakers: Option<(Vec<Speaker>, Shared<SpeakerNames>)>,
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
    /// Whether it is shown as a subheading ([`is_subheading`]).
    subhead: bool,
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
        .is_some_and(|s| s.0 == doc.speakers);
    if !speakers_same {
        let mut names = SpeakerNames::new();
        for s in &doc.speakers {
            names.entry(s.id.clone()).or_insert_with(|| s.name.clone());
        }
        slices.speakers = Some((doc.speakers.clone(), Shared(Rc::new(names))));
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
                let line = text.get(p.start..p.end)?;
                Some(Para {
                    cp_start: index.byte_to_cp(p.start)?,
                    cp_end: index.byte_to_cp(p.end)?,
                    text: AttrValue::from(line.to_owned()),
                    subhead: is_subheading(line),
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
    let Some(speakers) = slices.speakers.as_ref().map(|s| s.1.clone()) else {
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
#[derive(Properties, PartialEq, Clone)]
struct ChunkProps {
    /// Up to [`CHUNK`] paragraphs (compared by pointer).
    paras: Shared<Vec<Para>>,
    /// Their annotation lists, one per paragraph (compared by pointer).
    anns: Shared<Vec<ParaAnns>>,
    /// The document's speakers by id, for tooltips (compared by pointer).
    speakers: Shared<SpeakerNames>,
    /// The selected annotation, when it is in this chunk.
    selected: Option<String>,
}

/// A run of paragraphs in one block, which the browser skips (style, layout, paint, hit
/// testing) while it is far off screen (`.chunk` has `content-visibility: auto`).
///
/// Yew renders the block; its paragraphs and their highlights are written by [`paint`] once
/// the block is in the page. A block written for the first time, or with many paragraphs
/// changed, is one `innerHTML` (the browser's parser builds a long article's ~50,000
/// highlights far faster than one DOM call per node and attribute). Otherwise only the
/// paragraphs whose highlights changed are written, and a paragraph whose highlights changed
/// only in their attributes (accept, reject, select) has those set on its marks in place, so
/// focus and the text selection stay.
///
/// A block already in the page is brought up to date while it renders, in the same task as
/// the change: an effect could run a frame later (yew yields to the browser between renders
/// and effects once it has worked 16 ms), and a click's highlight would paint a frame late.
#[component]
fn ChunkView(props: &ChunkProps) -> Html {
    let node = use_node_ref();
    let painted = use_mut_ref(Painted::default);
    if let Some(block) = node.cast::<web_sys::Element>() {
        paint(&block, &mut painted.borrow_mut(), props);
    }
    {
        // A new block: written once yew has put it in the page (afterwards, a no-op).
        let (node, painted) = (node.clone(), painted.clone());
        use_effect_with(props.clone(), move |props| {
            if let Some(block) = node.cast::<web_sys::Element>() {
                paint(&block, &mut painted.borrow_mut(), props);
            }
        });
    }
    html! { <div ref={node} class="chunk"></div> }
}

/// Paragraphs of a block rewritten one by one at most; more are rewritten as one block.
const REWRITE_ONE_BY_ONE: usize = 4;

/// A speaker's name by speaker id (the first speaker listed with an id names it).
type SpeakerNames = std::collections::HashMap<String, String>;

/// One step of a paragraph's content, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// Text: byte range in the paragraph's text.
    Text(usize, usize),
    /// A `<mark>` opens (its attributes are the next of [`Layout::marks`]).
    Open,
    /// The last open `<mark>` closes.
    Close,
}

/// What a `<mark>` shows of its annotation.
#[derive(Debug, Clone, PartialEq)]
struct Mark {
    id: String,
    kind: AnnotationKind,
    /// `confirmed` or `suggested`.
    status: &'static str,
    selected: bool,
    title: String,
}

impl Mark {
    fn class(&self) -> String {
        let selected = if self.selected { " selected" } else { "" };
        format!("ann k-{} s-{}{selected}", self.kind.as_str(), self.status)
    }

    /// Its attributes: name, value.
    fn attributes(&self) -> [(&'static str, std::borrow::Cow<'_, str>); 6] {
        [
            ("class", self.class().into()),
            ("data-ann-id", self.id.as_str().into()),
            ("data-kind", self.kind.as_str().into()),
            ("data-status", self.status.into()),
            ("tabindex", "0".into()),
            ("title", self.title.as_str().into()),
        ]
    }
}

/// A paragraph's content: its structure, and its marks in document order.
#[derive(Debug, Default, PartialEq)]
struct Layout {
    pieces: Vec<Piece>,
    marks: Vec<Mark>,
}

/// What a paragraph of the page holds now.
struct PaintedPara {
    anns: ParaAnns,
    selected: Option<String>,
    layout: Layout,
}

/// What a block of the page holds now.
#[derive(Default)]
struct Painted {
    block: Option<web_sys::Element>,
    paras: Option<Shared<Vec<Para>>>,
    speakers: Option<Shared<SpeakerNames>>,
    items: Vec<PaintedPara>,
}

/// The content of a paragraph: its highlights nested (see [`nest`]), as pieces and marks.
fn layout(
    para: &Para,
    anns: &[Rc<Annotation>],
    selected: Option<&str>,
    speakers: &SpeakerNames,
) -> Layout {
    if anns.is_empty() {
        // Plain text (every paragraph before the analysis): nothing to nest or convert.
        let pieces = if para.text.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Text(0, para.text.len())]
        };
        return Layout {
            pieces,
            marks: Vec::new(),
        };
    }
    let index = TextIndex::new(&para.text);
    let spans: Vec<(usize, usize)> = anns
        .iter()
        .map(|a| {
            (
                a.start.saturating_sub(para.cp_start),
                a.end.saturating_sub(para.cp_start),
            )
        })
        .collect();
    let mut out = Layout::default();
    let ctx = (anns, selected, speakers, &index);
    for f in &nest(0, index.len_cp(), &spans) {
        lay_out(f, ctx, &mut out);
    }
    out
}

type LayoutCtx<'a> = (
    &'a [Rc<Annotation>],
    Option<&'a str>,
    &'a SpeakerNames,
    &'a TextIndex,
);

fn lay_out(f: &Fragment, ctx: LayoutCtx, out: &mut Layout) {
    let (anns, selected, speakers, index) = ctx;
    let Some(ann) = f.span.and_then(|i| anns.get(i)) else {
        if let (Some(s), Some(e)) = (index.cp_to_byte(f.start), index.cp_to_byte(f.end)) {
            out.pieces.push(Piece::Text(s, e));
        }
        return;
    };
    out.pieces.push(Piece::Open);
    out.marks.push(Mark {
        id: ann.id.clone(),
        kind: ann.kind,
        status: match ann.status {
            Status::Confirmed => "confirmed",
            _ => "suggested",
        },
        selected: selected == Some(ann.id.as_str()),
        title: tooltip_with(ann, |id| speakers.get(id).map(String::as_str)),
    });
    for c in &f.children {
        lay_out(c, ctx, out);
    }
    out.pieces.push(Piece::Close);
}

/// The selected annotation when it is one of `anns`.
fn selected_in<'a>(selected: Option<&'a str>, anns: &[Rc<Annotation>]) -> Option<&'a str> {
    selected.filter(|s| anns.iter().any(|a| a.id == *s))
}

/// Brings the block's paragraphs up to date with `props`.
fn paint(block: &web_sys::Element, painted: &mut Painted, props: &ChunkProps) {
    let selected = props.selected.as_deref();
    let same_block = painted.block.as_ref() == Some(block)
        && painted.paras.as_ref() == Some(&props.paras)
        && painted.items.len() == props.paras.len();
    let same_speakers = painted.speakers.as_ref() == Some(&props.speakers);
    if !same_block {
        painted.items = props
            .paras
            .iter()
            .zip(props.anns.iter())
            .map(|(para, anns)| {
                let selected = selected_in(selected, anns);
                PaintedPara {
                    anns: anns.clone(),
                    selected: selected.map(str::to_owned),
                    layout: layout(para, anns, selected, &props.speakers),
                }
            })
            .collect();
        write_block(block, &props.paras, &painted.items);
    } else {
        // The paragraphs whose highlights changed, with their new layout.
        let mut changed = Vec::new();
        for (i, (para, anns)) in props.paras.iter().zip(props.anns.iter()).enumerate() {
            let selected = selected_in(selected, anns);
            let old = &painted.items[i];
            if old.anns == *anns
                && old.selected.as_deref() == selected
                && (same_speakers || old.layout.marks.is_empty())
            {
                continue;
            }
            changed.push((
                i,
                selected.map(str::to_owned),
                layout(para, anns, selected, &props.speakers),
            ));
        }
        let rewritten = changed
            .iter()
            .filter(|(i, _, next)| painted.items[*i].layout.pieces != next.pieces)
            .count();
        let whole = rewritten > REWRITE_ONE_BY_ONE;
        let mut element = block.first_element_child();
        let mut at = 0;
        for (i, selected, next) in changed {
            while at < i {
                element = element.and_then(|e| e.next_element_sibling());
                at += 1;
            }
            let old = &mut painted.items[i];
            if let (false, Some(p)) = (whole, &element) {
                if old.layout.pieces == next.pieces {
                    patch_marks(p, &old.layout.marks, &next.marks);
                } else {
                    write_paragraph(p, &props.paras[i].text, &next);
                }
            }
            old.anns = props.anns[i].clone();
            old.selected = selected;
            old.layout = next;
        }
        if whole {
            write_block(block, &props.paras, &painted.items);
        }
    }
    painted.block = Some(block.clone());
    painted.paras = Some(props.paras.clone());
    painted.speakers = Some(props.speakers.clone());
}

/// Sets the attributes that changed on the marks of a paragraph whose structure stays.
fn patch_marks(p: &web_sys::Element, before: &[Mark], after: &[Mark]) {
    let mut mark = p.first_element_child();
    for (b, a) in before.iter().zip(after) {
        let Some(el) = mark else {
            return;
        };
        if a != b {
            for ((name, old), (_, new)) in b.attributes().iter().zip(a.attributes().iter()) {
                if old != new {
                    let _ = el.set_attribute(name, new);
                }
            }
        }
        mark = next_in_order(&el, p);
    }
}

/// The element after `el` in document order inside `root`.
fn next_in_order(el: &web_sys::Element, root: &web_sys::Element) -> Option<web_sys::Element> {
    if let Some(child) = el.first_element_child() {
        return Some(child);
    }
    let mut at = el.clone();
    loop {
        if let Some(next) = at.next_element_sibling() {
            return Some(next);
        }
        at = at.parent_element().filter(|p| p != root)?;
    }
}

/// The HTML parser drops NUL characters and turns carriage returns into newlines: a text that
/// holds either is built node by node, so that the page holds the text as it is.
fn parser_safe(text: &str) -> bool {
    !text.contains(['\0', '\r'])
}

/// Writes all the paragraphs of a block.
fn write_block(block: &web_sys::Element, paras: &[Para], items: &[PaintedPara]) {
    if paras.iter().all(|p| parser_safe(&p.text)) {
        let size: usize = paras.iter().map(|p| p.text.len() + 64).sum::<usize>()
            + items
                .iter()
                .map(|i| i.layout.marks.len() * 160)
                .sum::<usize>();
        let mut html = String::with_capacity(size);
        for (para, item) in paras.iter().zip(items) {
            let (tag, class) = para_tag(para);
            html.push_str(&format!(
                "<{tag} class=\"{class}\" data-cp-start=\"{}\">",
                para.cp_start
            ));
            push_html(&mut html, &para.text, &item.layout);
            html.push_str(&format!("</{tag}>"));
        }
        block.set_inner_html(&html);
        return;
    }
    block.set_text_content(None);
    let Some(document) = block.owner_document() else {
        return;
    };
    for (para, item) in paras.iter().zip(items) {
        let (tag, class) = para_tag(para);
        let Ok(p) = document.create_element(tag) else {
            return;
        };
        let _ = p.set_attribute("class", class);
        let _ = p.set_attribute("data-cp-start", &para.cp_start.to_string());
        build(&p, &para.text, &item.layout);
        let _ = block.append_child(&p);
    }
}

/// The element and class of a paragraph: news subheadings are `h2`s.
fn para_tag(para: &Para) -> (&'static str, &'static str) {
    if para.subhead {
        ("h2", "subhead")
    } else {
        ("p", "para")
    }
}

/// Rewrites the content of one paragraph element.
fn write_paragraph(p: &web_sys::Element, text: &str, layout: &Layout) {
    if layout.marks.is_empty() {
        p.set_text_content(Some(text));
    } else if parser_safe(text) {
        let mut html = String::with_capacity(text.len() + layout.marks.len() * 160);
        push_html(&mut html, text, layout);
        p.set_inner_html(&html);
    } else {
        p.set_text_content(None);
        build(p, text, layout);
    }
}

/// Appends a paragraph's content as HTML: text and attribute values escaped.
fn push_html(html: &mut String, text: &str, layout: &Layout) {
    let mut marks = layout.marks.iter();
    for piece in &layout.pieces {
        match piece {
            Piece::Text(s, e) => escape(html, text.get(*s..*e).unwrap_or_default()),
            Piece::Open => {
                html.push_str("<mark");
                for (name, value) in marks.next().iter().flat_map(|m| m.attributes()) {
                    html.push(' ');
                    html.push_str(name);
                    html.push_str("=\"");
                    escape(html, &value);
                    html.push('"');
                }
                html.push('>');
            }
            Piece::Close => html.push_str("</mark>"),
        }
    }
}

/// Escapes text for HTML content and double-quoted attribute values.
fn escape(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest
        .bytes()
        .position(|b| matches!(b, b'&' | b'<' | b'>' | b'"'))
    {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// A paragraph's content built node by node (for texts the HTML parser would change).
fn build(p: &web_sys::Element, text: &str, layout: &Layout) {
    let Some(document) = p.owner_document() else {
        return;
    };
    let mut open = vec![p.clone()];
    let mut marks = layout.marks.iter();
    for piece in &layout.pieces {
        let Some(parent) = open.last() else {
            return;
        };
        match piece {
            Piece::Text(s, e) => {
                let _ = parent.append_with_str_1(text.get(*s..*e).unwrap_or_default());
            }
            Piece::Open => {
                let Ok(mark) = document.create_element("mark") else {
                    return;
                };
                for (name, value) in marks.next().iter().flat_map(|m| m.attributes()) {
                    let _ = mark.set_attribute(name, &value);
                }
                let _ = parent.append_child(&mark);
                open.push(mark);
            }
            Piece::Close => {
                open.pop();
            }
        }
    }
}

/// The hover text of a highlight: kind, speaker or value, status.
pub fn tooltip(ann: &Annotation, speakers: &[Speaker]) -> String {
    tooltip_with(ann, |id| {
        speakers
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.as_str())
    })
}

/// [`tooltip`] with the speakers' names looked up by `name_of` (a speaker id). Written into one
/// string (a long article has tens of thousands of highlights).
fn tooltip_with<'a>(ann: &Annotation, name_of: impl Fn(&str) -> Option<&'a str>) -> String {
    let status = match ann.status {
        Status::Confirmed => "confirmed",
        Status::Rejected => "rejected",
        Status::Suggested => "suggested",
    };
    let mut out = String::with_capacity(64);
    out.push_str(ann.kind.as_str());
    out.push_str(" · ");
    match ann.kind {
        AnnotationKind::Quote | AnnotationKind::Speaker => out.push_str(
            ann.speaker_id
                .as_deref()
                .and_then(name_of)
                .unwrap_or("speaker unknown"),
        ),
        AnnotationKind::Figure => {
            if let Some(f) = &ann.figure {
                // "kind value unit", without the spaces of a missing value or unit at the end.
                let from = out.len();
                for (i, part) in [
                    f.kind.as_str(),
                    f.value.as_deref().unwrap_or_default(),
                    f.unit.as_deref().unwrap_or_default(),
                ]
                .iter()
                .enumerate()
                {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(part);
                }
                let kept = out[from..].trim_end().len();
                out.truncate(from + kept);
            }
        }
        AnnotationKind::Note => out.push_str(ann.note.as_deref().unwrap_or_default()),
    }
    out.push_str(" · ");
    out.push_str(status);
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{FigureInfo, FigureKind};

    /// The tooltip as it was first written, kept as the reference.
    fn reference(ann: &Annotation, speakers: &[Speaker]) -> String {
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

    #[test]
    fn tooltips_match_the_reference() {
        let speaker = |id: &str, name: &str| Speaker {
            id: id.into(),
            name: name.into(),
            role: None,
            organisation: false,
        };
        // Two speakers with one id: the first names it.
        let speakers = [
            speaker("sp:a", "Ana Ruiz"),
            speaker("sp:a", "Other"),
            speaker("sp:b", "Bo"),
        ];
        let mut names = SpeakerNames::new();
        for s in &speakers {
            names.entry(s.id.clone()).or_insert_with(|| s.name.clone());
        }
        let kinds = FigureKind::ALL;
        let mut cases = Vec::new();
        for kind in [AnnotationKind::Quote, AnnotationKind::Speaker] {
            for id in [None, Some("sp:a"), Some("sp:b"), Some("sp:gone")] {
                let mut a = Annotation::manual("x", kind, 0, 1, "x", 0.0);
                a.speaker_id = id.map(str::to_owned);
                cases.push(a);
            }
        }
        let parts = [None, Some(""), Some("5"), Some("5 "), Some(" 5")];
        for kind in kinds {
            for value in parts {
                for unit in parts {
                    let mut a = Annotation::manual("x", AnnotationKind::Figure, 0, 1, "x", 0.0);
                    a.figure = Some(FigureInfo {
                        kind,
                        value: value.map(str::to_owned),
                        unit: unit.map(str::to_owned),
                    });
                    cases.push(a);
                }
            }
        }
        let mut bare = Annotation::manual("x", AnnotationKind::Figure, 0, 1, "x", 0.0);
        bare.figure = None;
        cases.push(bare);
        for note in [None, Some("check this "), Some("")] {
            let mut a = Annotation::manual("x", AnnotationKind::Note, 0, 1, "x", 0.0);
            a.note = note.map(str::to_owned);
            cases.push(a);
        }
        for mut a in cases {
            for status in [Status::Suggested, Status::Confirmed, Status::Rejected] {
                a.status = status;
                let want = reference(&a, &speakers);
                assert_eq!(tooltip(&a, &speakers), want, "{a:?}");
                assert_eq!(
                    tooltip_with(&a, |id| names.get(id).map(String::as_str)),
                    want,
                    "{a:?}"
                );
            }
        }
    }

    #[test]
    fn a_paragraph_without_highlights_is_its_text() {
        for text in ["Plain.", "“Quoted” €5 🗳️ e\u{301}", ""] {
            let para = Para {
                cp_start: 7,
                cp_end: 7 + text.chars().count(),
                text: AttrValue::from(text.to_owned()),
                subhead: false,
            };
            let plain = layout(&para, &[], None, &SpeakerNames::new());
            // What nesting no span gives.
            let index = TextIndex::new(text);
            let mut nested = Layout::default();
            let ctx = (&[][..], None, &SpeakerNames::new(), &index);
            for f in &nest(0, index.len_cp(), &[]) {
                lay_out(f, ctx, &mut nested);
            }
            assert_eq!(plain, nested, "{text:?}");
        }
    }

    #[test]
    fn html_escapes_text_and_attributes() {
        let text = "a <b> & \"c\" 'd' &amp;";
        let layout = Layout {
            pieces: vec![
                Piece::Text(0, 2),
                Piece::Open,
                Piece::Text(2, 5),
                Piece::Close,
                Piece::Text(5, text.len()),
            ],
            marks: vec![Mark {
                id: "q\"<&>".into(),
                kind: AnnotationKind::Quote,
                status: "confirmed",
                selected: true,
                title: "quote · A & \"B\" · confirmed".into(),
            }],
        };
        let mut html = String::new();
        push_html(&mut html, text, &layout);
        assert_eq!(
            html,
            "a <mark class=\"ann k-quote s-confirmed selected\" data-ann-id=\"q&quot;&lt;&amp;&gt;\" \
             data-kind=\"quote\" data-status=\"confirmed\" tabindex=\"0\" \
             title=\"quote · A &amp; &quot;B&quot; · confirmed\">&lt;b&gt;</mark> &amp; &quot;c&quot; 'd' &amp;amp;"
        );
    }
}
