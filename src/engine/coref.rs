//! Coreference for speakers: personal pronouns ("he", "she") and role descriptions ("the Ukrainian
//! leader", "the spokeswoman") resolved to the person they most likely refer to — the most recent
//! compatible person mention before them (for descriptions, preferring a person whose role shares a
//! word with the description).
//!
//! ```
//! use sayso::engine::{coref::resolve_pronoun, people::find_people, segment::tokenize};
//! let text = "Ukrainian President Volodymyr Zelensky met Maria Lopez. He said yes.";
//! let doc = tokenize(text);
//! let people = find_people(&doc);
//! let he = doc.first_at_or_after(text.find("He").unwrap());
//! let id = resolve_pronoun(&doc, &people, he).unwrap();
//! assert_eq!(people.entities[id].name, "Volodymyr Zelensky");
//! ```

use super::people::{Gender, MentionKind, People};
use super::segment::Doc;

/// How many paragraphs back a pronoun or description may reach.
const MAX_PARAS_BACK: u32 = 4;
/// How many earlier mentions are examined.
const MAX_CANDIDATES: usize = 12;

/// Gender a pronoun asks for, or `None` when the word is not a third-person singular pronoun.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    // "he’s" (he is / he has) is the pronoun too
    let word = match word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")) {
        Some(w @ ("he" | "He" | "she" | "She")) => w,
        _ => word,
    };
    match word {
        "he" | "He" | "HE" | "him" | "his" | "His" => Some(Gender::Male),
        "she" | "She" | "SHE" | "her" | "Her" => Some(Gender::Female),
        _ => None,
    }
}

fn before(people: &People, tok: usize) -> usize {
    people.mentions.partition_point(|m| m.tok_start < tok)
}

/// Resolves the pronoun at token `tok` to an entity index: the most recent compatible person in
/// the same sentence, else the first compatible person (the likely subject) of the nearest earlier
/// sentence that has one.
pub fn resolve_pronoun(doc: &Doc<'_>, people: &People, tok: usize) -> Option<usize> {
    let want = pronoun_gender(doc.word(tok))?;
    let t = doc.tokens.get(tok)?;
    let (para, sent) = (t.para, t.sent);
    let end = before(people, tok);
    let lo = end.saturating_sub(MAX_CANDIDATES);
    let mut cur_sent = sent;
    let mut best: Option<usize> = None;
    for m in people.mentions.get(lo..end)?.iter().rev() {
        if m.kind != MentionKind::Name {
            continue;
        }
        let Some(mt) = doc.tokens.get(m.tok_start) else {
            continue;
        };
        if para.saturating_sub(mt.para) > MAX_PARAS_BACK {
            break;
        }
        let Some(e) = people.entities.get(m.entity) else {
            continue;
        };
        if e.org || !(e.gender == Gender::Unknown || e.gender == want) {
            continue;
        }
        if mt.sent == sent {
            return Some(m.entity);
        }
        if mt.sent != cur_sent {
            if best.is_some() {
                return best;
            }
            cur_sent = mt.sent;
        }
        best = Some(m.entity);
    }
    best
}

/// Resolves a description whose modifier words are `mods` (e.g. `["Ukrainian"]`) and head noun
/// `head` (e.g. "leader"), found at token `tok`, to an entity index.
pub fn resolve_description(
    doc: &Doc<'_>,
    people: &People,
    tok: usize,
    mods: &[&str],
    head: &str,
) -> Option<usize> {
    let para = doc.tokens.get(tok)?.para;
    let end = before(people, tok);
    let lo = end.saturating_sub(MAX_CANDIDATES * 3);
    let mut fallback = None;
    for m in people.mentions.get(lo..end)?.iter().rev() {
        if m.kind != MentionKind::Name {
            continue;
        }
        let mp = doc.tokens.get(m.tok_start).map_or(0, |t| t.para);
        if para.saturating_sub(mp) > MAX_PARAS_BACK * 2 {
            break;
        }
        let Some(e) = people.entities.get(m.entity) else {
            continue;
        };
        if e.org {
            continue;
        }
        let role = e.role.as_deref().unwrap_or("").to_lowercase();
        // a title's abbreviation ("Sen. Anna Novak" for "the senator") only in the last two
        // paragraphs: further back, the person last named is likelier the one meant
        let near = para.saturating_sub(mp) <= 2;
        // whole words of the role: "the president" is not the "presidential hopeful"
        let has_word = |w: &str| role.split(|c: char| !c.is_alphanumeric()).any(|r| r == w);
        let hit = mods
            .iter()
            .any(|w| !w.is_empty() && has_word(&w.to_lowercase()))
            || (!head.is_empty()
                && (has_word(head)
                    || (near && mods.is_empty() && abbreviation(head).is_some_and(has_word))));
        if hit {
            return Some(m.entity);
        }
        if fallback.is_none() {
            fallback = Some(m.entity);
        }
    }
    if mods.is_empty() {
        fallback
    } else {
        None
    }
}

/// The usual abbreviation of the role noun `head`, as a title's word: "Sen. Anna Novak" is "the
/// senator" later on.
fn abbreviation(head: &str) -> Option<&'static str> {
    Some(match head {
        "senator" => "sen",
        "governor" => "gov",
        "representative" | "congressman" | "congresswoman" => "rep",
        "general" => "gen",
        "president" => "pres",
        "professor" => "prof",
        "doctor" => "dr",
        "lieutenant" => "lt",
        "colonel" => "col",
        "captain" => "capt",
        "sergeant" => "sgt",
        "superintendent" => "supt",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{people::find_people, segment::tokenize};

    #[test]
    fn pronoun_table() {
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            (
                "he to last male",
                "Susan Carter met John Miller. He left.",
                "He",
                Some("John Miller"),
            ),
            (
                "she skips male",
                "Susan Carter met John Miller. She left.",
                "She",
                Some("Susan Carter"),
            ),
            ("no antecedent", "It rained. He left.", "He", None),
        ];
        for (name, text, pron, want) in cases {
            let doc = tokenize(text);
            let people = find_people(&doc);
            let tok = doc.first_at_or_after(text.find(pron).unwrap());
            let got = resolve_pronoun(&doc, &people, tok).map(|i| people.entities[i].name.clone());
            assert_eq!(got.as_deref(), *want, "case {name}");
        }
    }

    #[test]
    fn description_prefers_role() {
        let text = "Ukrainian President Olena Kovalenko met US President Dan Axel. The Ukrainian leader left.";
        let doc = tokenize(text);
        let people = find_people(&doc);
        let tok = doc.first_at_or_after(text.find("The Ukrainian").unwrap());
        let id = resolve_description(&doc, &people, tok, &["Ukrainian"], "leader").unwrap();
        assert_eq!(people.entities[id].name, "Olena Kovalenko");
    }
}
