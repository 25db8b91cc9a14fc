//! Quotation-mark pairing: “…”, "…", «…», „…“, top-level ‘…’ / '…', nested single quotes inside
//! double ones, apostrophes ("Britain’s", "’90s", "leaders’") told apart from closing marks, and
//! paragraphs that open a quote without closing it (continued when the next paragraph opens again).
//!
//! ```
//! use sayso::engine::{quotes::find_regions, segment::tokenize};
//! let text = "He said “we’re ready for the ‘big one’ now” and left.";
//! let doc = tokenize(text);
//! let regions = find_regions(&doc);
//! assert_eq!(regions.len(), 1);
//! assert_eq!(&text[regions[0].content.start..regions[0].content.end], "we’re ready for the ‘big one’ now");
//! ```

use super::segment::{Doc, Kind};
use super::Span;

/// One quoted region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Token index of the opening mark.
    pub open_tok: usize,
    /// Token index of the closing mark; `None` when the paragraph ended first.
    pub close_tok: Option<usize>,
    /// Inside the marks, whitespace trimmed.
    pub content: Span,
    /// Marks included (to the paragraph end when unclosed).
    pub outer: Span,
    /// Whether the marks are single quotes at top level ('Stoic').
    pub single: bool,
    /// Whether this region continues the unclosed quote of the previous paragraph.
    pub continued: bool,
    /// Number of word tokens inside.
    pub words: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Double,
    /// A straight `"` opening: curly marks inside it are nested, and the reverse.
    Straight,
    Low,
    Guillemet,
}

fn flank(doc: &Doc<'_>, k: usize) -> (bool, bool) {
    // (prev is space/open-punct/start, next is space/punct/end)
    let Some(t) = doc.tokens.get(k) else {
        return (true, true);
    };
    let prev = doc.src.get(..t.start()).and_then(|s| s.chars().next_back());
    let next = doc.src.get(t.end()..).and_then(|s| s.chars().next());
    let prev_open = prev.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '"' | '\''
            )
    });
    let next_close = next.is_none_or(|c| {
        c.is_whitespace()
            || (c.is_ascii_punctuation() && c != '$' && c != '#' && c != '@')
            || matches!(c, '”' | '’' | '—' | '–' | '…')
    });
    (prev_open, next_close)
}

struct Builder<'d, 'a> {
    doc: &'d Doc<'a>,
    out: Vec<Region>,
}

impl Builder<'_, '_> {
    fn push(
        &mut self,
        open_tok: usize,
        close_tok: Option<usize>,
        end_byte: usize,
        single: bool,
        continued: bool,
    ) {
        let Some(o) = self.doc.tokens.get(open_tok) else {
            return;
        };
        // a '' opening mark: the content starts after the second apostrophe
        let o_end = match self.doc.tokens.get(open_tok + 1) {
            Some(n)
                if self.doc.is_punct(open_tok, '\'')
                    && self.doc.is_punct(open_tok + 1, '\'')
                    && n.start() == o.end() =>
            {
                n.end()
            }
            _ => o.end(),
        };
        let (cs, ce, oe) = match close_tok.and_then(|c| self.doc.tokens.get(c)) {
            Some(c) => (o_end, c.start(), c.end()),
            None => (o_end, end_byte, end_byte),
        };
        if ce <= cs {
            return;
        }
        let raw = self.doc.src.get(cs..ce).unwrap_or("");
        let lead = raw.len() - raw.trim_start().len();
        let trail = raw.len() - raw.trim_end().len();
        let content = Span::new(cs + lead, ce.saturating_sub(trail).max(cs + lead));
        if content.is_empty() {
            return;
        }
        let last = close_tok.unwrap_or_else(|| self.doc.first_at_or_after(end_byte));
        let words = self
            .doc
            .tokens
            .get(open_tok..last)
            .map(|ts| {
                ts.iter()
                    .filter(|t| matches!(t.kind, Kind::Word | Kind::Number))
                    .count()
            })
            .unwrap_or(0);
        self.out.push(Region {
            open_tok,
            close_tok,
            content,
            outer: Span::new(o.start(), oe),
            single,
            continued,
            words,
        });
    }
}

/// The next `”` or `"` after token `k` in the paragraph (ending at token `j`): when it is `"`, a
/// straight mark opening inside a curly quotation starts a nested quotation, not a new one.
fn next_mark(doc: &Doc<'_>, k: usize, j: usize) -> Option<char> {
    (k + 1..j.min(k + 200))
        .filter_map(|m| doc.ch(m))
        .find(|c| matches!(c, '”' | '"'))
}

/// Pairs quotation marks paragraph by paragraph. Regions are sorted and do not overlap.
pub fn find_regions(doc: &Doc<'_>) -> Vec<Region> {
    let mut b = Builder {
        doc,
        // news has about one quotation per 70 tokens: room for one per 48, rarely regrown
        out: Vec::with_capacity(doc.tokens.len() / 48 + 4),
    };
    let toks = &doc.tokens;
    let n = toks.len();
    let mut i = 0;
    let mut carried = false; // previous paragraph ended inside a double quote
    while i < n {
        let para = toks.get(i).map_or(0, |t| t.para);
        let mut j = i;
        while toks.get(j).is_some_and(|t| t.para == para) {
            j += 1;
        }
        let para_end = toks.get(j.saturating_sub(1)).map_or(0, |t| t.end());
        // continuation: the previous paragraph was unclosed and this one opens again
        let continued = carried
            && toks.get(i).is_some_and(|t| t.kind == Kind::Quote)
            && matches!(doc.ch(i), Some('“' | '"' | '«' | '„'));
        let mut open: Option<(usize, Open)> = None;
        let mut single: Option<usize> = None;
        // a quotation of the other style nested in the open one (`"… “Fair Tides” …"`)
        let mut nested: Option<usize> = None;
        let mut first_region = true;
        let mut skip_to = 0;
        for k in i..j {
            if k < skip_to {
                continue;
            }
            let Some(t) = toks.get(k) else { break };
            if t.kind != Kind::Quote {
                continue;
            }
            let Some(mut c) = doc.ch(k) else { continue };
            let (po, mut nc) = flank(doc, k);
            // two apostrophes '' used as a double quotation mark (older newspaper style)
            if c == '\''
                && doc.ch(k + 1) == Some('\'')
                && toks.get(k + 1).is_some_and(|n| n.start() == t.end())
            {
                c = '"';
                nc = flank(doc, k + 1).1;
                skip_to = k + 2;
            }
            match c {
                '“' | '‟'
                    if nested.is_none()
                        && po
                        && !nc
                        && matches!(open, Some((_, Open::Straight))) =>
                {
                    nested = Some(k);
                }
                '”' if nested.is_some() && matches!(open, Some((_, Open::Straight))) => {
                    nested = None;
                }
                '"' if matches!(open, Some((_, Open::Double)))
                    && (nested.is_some() || (po && !nc && next_mark(doc, k, j) == Some('"'))) =>
                {
                    nested = if nested.is_some() { None } else { Some(k) };
                }
                '“' | '‟' => match open {
                    Some((_, Open::Low)) => {
                        if let Some((o, _)) = open.take() {
                            b.push(o, Some(k), 0, false, continued && first_region);
                            first_region = false;
                        }
                    }
                    Some((o, _)) => {
                        if po && !nc {
                            // previous quote never closed: end it here, open anew
                            b.push(o, None, t.start(), false, continued && first_region);
                            first_region = false;
                            open = Some((k, Open::Double));
                        } else {
                            b.push(o, Some(k), 0, false, continued && first_region);
                            first_region = false;
                            open = None;
                        }
                        single = None;
                        nested = None;
                    }
                    None => open = Some((k, Open::Double)),
                },
                '”' => match open {
                    Some((o, Open::Double | Open::Straight | Open::Low)) => {
                        b.push(o, Some(k), 0, false, continued && first_region);
                        first_region = false;
                        open = None;
                        single = None;
                        nested = None;
                    }
                    Some(_) => {}
                    None => {
                        if po && !nc {
                            open = Some((k, Open::Double));
                        }
                    }
                },
                '"' => match open {
                    Some((o, _)) => {
                        if po && !nc && k > o + 1 {
                            b.push(o, None, t.start(), false, continued && first_region);
                            first_region = false;
                            open = Some((k, Open::Straight));
                        } else {
                            b.push(o, Some(k), 0, false, continued && first_region);
                            first_region = false;
                            open = None;
                        }
                        single = None;
                        nested = None;
                    }
                    None => {
                        if !nc || po {
                            open = Some((k, Open::Straight));
                        }
                    }
                },
                '«' if open.is_none() => open = Some((k, Open::Guillemet)),
                '»' => {
                    if let Some((o, Open::Guillemet)) = open {
                        b.push(o, Some(k), 0, false, continued && first_region);
                        first_region = false;
                        open = None;
                    }
                }
                '„' if open.is_none() => open = Some((k, Open::Low)),
                '‘' | '‹' | '‚' if po && !nc => single = Some(k),
                '’' | '\'' | '›' => {
                    let next_digit = doc
                        .src
                        .get(t.end()..)
                        .and_then(|s| s.chars().next())
                        .is_some_and(|d| d.is_ascii_digit());
                    match single {
                        Some(s) if nc && !po => {
                            if open.is_none() {
                                b.push(s, Some(k), 0, true, false);
                            }
                            single = None;
                        }
                        None if c == '\'' && po && !nc && !next_digit => single = Some(k),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        carried = false;
        if let Some((o, _)) = open {
            b.push(o, None, para_end, false, continued && first_region);
            carried = true;
        }
        i = j.max(i + 1);
    }
    b.out.sort_by_key(|r| r.outer.start);
    b.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::tokenize;

    fn contents(text: &str) -> Vec<String> {
        let d = tokenize(text);
        find_regions(&d)
            .iter()
            .map(|r| text[r.content.start..r.content.end].to_string())
            .collect()
    }

    #[test]
    fn pairing_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "curly",
                "She said “Go home now.” Then left.",
                &["Go home now."],
            ),
            (
                "straight",
                "He said \"Go home now,\" and left.",
                &["Go home now,"],
            ),
            ("guillemets", "Il a dit «Allez-y» hier.", &["Allez-y"]),
            (
                "german low",
                "Er sagte „Nein danke“ gestern.",
                &["Nein danke"],
            ),
            (
                "nested single",
                "“He called it ‘peace through strength’ today,” she said.",
                &["He called it ‘peace through strength’ today,"],
            ),
            (
                "apostrophes ignored",
                "Britain’s leaders’ plan in the ’90s was fine.",
                &[],
            ),
            ("top-level single", "'Stoic' driver named", &["Stoic"]),
            (
                "unclosed ends at paragraph",
                "He said “this goes on\nNext para.",
                &["this goes on"],
            ),
            ("two quotes", "“A,” he said, “B.”", &["A,", "B."]),
            (
                "curly nested in straight",
                "\"It is not about “fair play” any more,\" she said.",
                &["It is not about “fair play” any more,"],
            ),
            (
                "straight nested in curly",
                "“He told me \"no way\" last week,” she said.",
                &["He told me \"no way\" last week,"],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(contents(text), *want, "case {name}");
        }
    }

    #[test]
    fn continued_paragraph() {
        let text = "“First part of it.\n“Second part.” he said.";
        let d = tokenize(text);
        let r = find_regions(&d);
        assert_eq!(r.len(), 2);
        assert!(!r[0].continued);
        assert!(r[1].continued);
    }
}
