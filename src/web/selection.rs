//! The DOM side of annotating: which highlights were clicked, and which code points the user
//! selected. DOM offsets are UTF-16; they become code points here through
//! [`crate::model::offsets::TextIndex`] (the one conversion module).

use crate::model::offsets::TextIndex;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// The ids of the highlights under an event target, innermost first.
pub fn annotation_ids_at(target: Option<web_sys::EventTarget>) -> Vec<String> {
    let mut ids = Vec::new();
    let mut el = target.and_then(|t| t.dyn_into::<Element>().ok());
    while let Some(e) = el {
        if let Some(id) = e.get_attribute("data-ann-id") {
            ids.push(id);
        }
        if e.get_attribute("data-testid").as_deref() == Some("article") {
            break;
        }
        el = e.parent_element();
    }
    ids
}

/// The paragraph element (`[data-cp-start]`) that holds `node`.
fn paragraph_of(node: &Node) -> Option<Element> {
    let el = match node.dyn_ref::<Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    el.closest("[data-cp-start]").ok().flatten()
}

/// UTF-16 offset of (`node`, `offset`) from the start of `para`'s text.
fn utf16_in(para: &Element, node: &Node, offset: u32) -> Option<usize> {
    let document = para.owner_document()?;
    let range = document.create_range().ok()?;
    range.set_start(para, 0).ok()?;
    range.set_end(node, offset).ok()?;
    Some(range.to_string().length() as usize)
}

/// One end of the selection as a code point offset in the document.
fn boundary(index: &TextIndex, node: &Node, offset: u32, forward: bool) -> Option<usize> {
    let para = paragraph_of(node)?;
    let para_cp: usize = para.get_attribute("data-cp-start")?.parse().ok()?;
    let para_utf16 = index.cp_to_utf16(para_cp)?;
    let mut at = para_utf16 + utf16_in(&para, node, offset)?;
    // An offset between two surrogates (a selection inside an emoji) moves to a whole character.
    loop {
        if let Some(cp) = index.utf16_to_cp(at) {
            return Some(cp);
        }
        at = if forward { at + 1 } else { at.checked_sub(1)? };
    }
}

/// The current selection inside the article, as code points `(start, end)` of `text`, widened
/// to whole grapheme clusters (and to whole words when `whole_words`) and trimmed of white
/// space; `None` when there is no selection inside the article.
pub fn selected_range(index: &TextIndex, text: &str, whole_words: bool) -> Option<(usize, usize)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let start = boundary(
        index,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
        false,
    )?;
    let end = boundary(
        index,
        &range.end_container().ok()?,
        range.end_offset().ok()?,
        true,
    )?;
    let (start, end) = if whole_words {
        index.snap_to_words(start.min(end), start.max(end))?
    } else {
        index.snap_to_graphemes(start.min(end), start.max(end))?
    };
    trim(index, text, start, end)
}

/// Where the current selection is on screen (viewport pixels): the box around it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectionBox {
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// Left edge.
    pub left: f64,
}

/// The on-screen box of the current selection, to place the toolbar next to it.
pub fn selection_box() -> Option<SelectionBox> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let rect = selection.get_range_at(0).ok()?.get_bounding_client_rect();
    Some(SelectionBox {
        top: rect.top(),
        bottom: rect.bottom(),
        left: rect.left(),
    })
}

/// Places a toolbar next to a selection: above it when there is room below `reserved` (the
/// height of what is fixed at the top of the viewport), else below it; left-aligned with it
/// but kept inside its positioned parent. CSSOM writes: the page's CSP forbids `style`
/// attributes, not script-set properties.
pub fn place_toolbar(el: &web_sys::HtmlElement, near: SelectionBox, reserved: f64) {
    let Some(parent) = el.offset_parent() else {
        return;
    };
    let frame = parent.get_bounding_client_rect();
    let (w, h) = (f64::from(el.offset_width()), f64::from(el.offset_height()));
    let gap = 8.0;
    let top = if near.top - h - gap >= reserved {
        near.top - h - gap
    } else {
        near.bottom + gap
    } - frame.top();
    let room = f64::from(parent.client_width()) - w - gap;
    let left = (near.left - frame.left()).min(room).max(gap);
    let style = el.style();
    let _ = style.set_property("top", &format!("{top:.0}px"));
    let _ = style.set_property("left", &format!("{left:.0}px"));
}

/// Trims white space from both ends of a code point range.
pub fn trim(index: &TextIndex, text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let (bs, be) = (index.cp_to_byte(start)?, index.cp_to_byte(end)?);
    let slice = text.get(bs..be)?;
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return None;
    }
    let s = index.byte_to_cp(bs + lead)?;
    let e = index.byte_to_cp(bs + lead + trimmed.len())?;
    Some((s, e))
}

/// Flashes the highlights of the given annotations (every fragment), restarting the animation
/// when they were flashing already. The `data-flash` attribute is the app's only DOM write
/// outside yew; yew leaves attributes it did not set alone.
pub fn flash(ids: &[String]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let all = |selector: &str| -> Vec<Element> {
        document.query_selector_all(selector).map_or_else(
            |_| Vec::new(),
            |list| {
                (0..list.length())
                    .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
                    .collect()
            },
        )
    };
    for el in all("[data-flash]") {
        let _ = el.remove_attribute("data-flash");
    }
    let marks: Vec<Element> = ids
        .iter()
        .flat_map(|id| {
            all(&format!(
                "mark[data-ann-id=\"{}\"]",
                id.replace(['"', '\\'], "")
            ))
        })
        .collect();
    // One layout read between removing and setting restarts the CSS animation.
    if let Some(body) = document.body() {
        let _ = body.offset_width();
    }
    for el in marks {
        let _ = el.set_attribute("data-flash", "");
    }
}
