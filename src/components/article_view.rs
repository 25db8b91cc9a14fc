//! The article: its title and paragraphs.

use crate::model::text::{paragraphs, split_title};
use crate::model::Document;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The document shown.
    pub doc: Rc<Document>,
}

/// Shows a document as a title (its first line) and paragraphs; short lines without closing
/// punctuation (news subheadings) are shown as subheadings.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let text = props.doc.text.clone();
    let (title, body_start) = split_title(&text);
    let paras = paragraphs(&text, body_start);
    html! {
        <article class="article" data-testid="article" lang="en">
            <h1 class="article-title" data-testid="article-title">{ title }</h1>
            { for paras.iter().map(|p| html! {
                <ParagraphView key={p.start} text={AttrValue::from(text[p.start..p.end].to_owned())} />
            }) }
        </article>
    }
}

/// Props of [`ParagraphView`].
#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    /// The paragraph's text.
    pub text: AttrValue,
}

/// One paragraph; re-renders only when its own text changes.
#[component]
pub fn ParagraphView(props: &ParagraphProps) -> Html {
    if is_subheading(&props.text) {
        html! { <h2 class="subhead">{ props.text.clone() }</h2> }
    } else {
        html! { <p class="para">{ props.text.clone() }</p> }
    }
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
