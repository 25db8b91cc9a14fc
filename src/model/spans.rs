//! Nesting overlapping annotation spans into a tree of fragments, for rendering.
//!
//! Annotations may nest (a figure inside a quote), touch, or cross (a quote that starts inside a
//! speaker mention and ends after it). [`nest`] cuts a range into elementary segments at every
//! boundary and groups consecutive segments by their outermost covering annotation, then the next
//! one in, and so on. Properly nested annotations come out as one fragment each; an annotation that
//! crosses another is split into as few fragments as the nesting needs.
//!
//! ```
//! use sayso::model::spans::{nest, Fragment};
//! // "ab[cd{ef]gh}ij": span 0 covers 2..6, span 1 covers 4..8 — they cross.
//! let tree = nest(0, 10, &[(2, 6), (4, 8)]);
//! assert_eq!(tree, vec![
//!     Fragment::text(0, 2),
//!     Fragment::mark(0, 2, 6, vec![Fragment::text(2, 4), Fragment::mark(1, 4, 6, vec![Fragment::text(4, 6)])]),
//!     Fragment::mark(1, 6, 8, vec![Fragment::text(6, 8)]),
//!     Fragment::text(8, 10),
//! ]);
//! ```

/// A piece of the rendered range: plain text, or a mark of one annotation around children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// First offset.
    pub start: usize,
    /// One past the last offset.
    pub end: usize,
    /// Index (into the `spans` given to [`nest`]) of the annotation this fragment marks;
    /// `None` for plain text.
    pub span: Option<usize>,
    /// What is inside a mark.
    pub children: Vec<Fragment>,
}

impl Fragment {
    /// Plain text.
    pub fn text(start: usize, end: usize) -> Self {
        Self {
            start,
            end,
            span: None,
            children: Vec::new(),
        }
    }

    /// A mark of span `index`.
    pub fn mark(index: usize, start: usize, end: usize, children: Vec<Fragment>) -> Self {
        Self {
            start,
            end,
            span: Some(index),
            children,
        }
    }
}

/// Nests `spans` (start, end pairs, clipped to `start..end`) into fragments covering
/// `start..end`. Outer annotations (earlier start, then later end) enclose inner ones.
pub fn nest(start: usize, end: usize, spans: &[(usize, usize)]) -> Vec<Fragment> {
    if start >= end {
        return Vec::new();
    }
    let clipped: Vec<(usize, usize)> = spans
        .iter()
        .map(|&(s, e)| (s.clamp(start, end), e.clamp(start, end)))
        .collect();
    let mut order: Vec<usize> = (0..clipped.len())
        .filter(|&i| clipped[i].0 < clipped[i].1)
        .collect();
    order.sort_by(|&a, &b| {
        clipped[a]
            .0
            .cmp(&clipped[b].0)
            .then(clipped[b].1.cmp(&clipped[a].1))
            .then(a.cmp(&b))
    });
    let mut bounds: Vec<usize> = vec![start, end];
    for &i in &order {
        bounds.push(clipped[i].0);
        bounds.push(clipped[i].1);
    }
    bounds.sort_unstable();
    bounds.dedup();
    // For each elementary segment, the covering spans, outermost first.
    let segments: Vec<(usize, usize, Vec<usize>)> = bounds
        .windows(2)
        .map(|w| {
            let cover = order
                .iter()
                .copied()
                .filter(|&i| clipped[i].0 <= w[0] && clipped[i].1 >= w[1])
                .collect();
            (w[0], w[1], cover)
        })
        .collect();
    group(&segments, 0)
}

fn group(segments: &[(usize, usize, Vec<usize>)], depth: usize) -> Vec<Fragment> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        let key = segments[i].2.get(depth).copied();
        let mut j = i + 1;
        while j < segments.len() && segments[j].2.get(depth).copied() == key {
            j += 1;
        }
        let (s, e) = (segments[i].0, segments[j - 1].1);
        match key {
            None => out.push(Fragment::text(s, e)),
            Some(index) => out.push(Fragment::mark(
                index,
                s,
                e,
                group(&segments[i..j], depth + 1),
            )),
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Flattens a tree back to (span, start, end) for every fragment, to check coverage.
    fn marks(tree: &[Fragment], out: &mut Vec<(usize, usize, usize)>) {
        for f in tree {
            if let Some(i) = f.span {
                out.push((i, f.start, f.end));
            }
            marks(&f.children, out);
        }
    }

    fn covered(tree: &[Fragment], index: usize) -> Vec<(usize, usize)> {
        let mut all = Vec::new();
        marks(tree, &mut all);
        let mut mine: Vec<(usize, usize)> = all
            .into_iter()
            .filter(|m| m.0 == index)
            .map(|m| (m.1, m.2))
            .collect();
        mine.sort_unstable();
        mine
    }

    #[test]
    fn nesting_table() {
        type Case = (&'static str, Vec<(usize, usize)>, usize);
        let cases: [Case; 6] = [
            ("figure inside a quote", vec![(0, 10), (3, 5)], 2),
            ("two quotes touching", vec![(0, 5), (5, 10)], 2),
            ("identical spans", vec![(2, 4), (2, 4)], 2),
            ("crossing", vec![(0, 6), (4, 10)], 3),
            ("span past the range is clipped", vec![(8, 30)], 1),
            ("empty span ignored", vec![(3, 3)], 0),
        ];
        for (name, spans, fragments) in cases {
            let tree = nest(0, 10, &spans);
            let mut all = Vec::new();
            marks(&tree, &mut all);
            assert_eq!(all.len(), fragments, "case {name}: {tree:?}");
            // Every span is covered exactly by its fragments (contiguous, no gaps).
            for (i, &(s, e)) in spans.iter().enumerate() {
                let (s, e) = (s.clamp(0, 10), e.clamp(0, 10));
                if s >= e {
                    continue;
                }
                let parts = covered(&tree, i);
                assert_eq!(parts.first().map(|p| p.0), Some(s), "case {name}");
                assert_eq!(parts.last().map(|p| p.1), Some(e), "case {name}");
                assert!(
                    parts.windows(2).all(|w| w[0].1 == w[1].0),
                    "case {name}: contiguous"
                );
            }
            // Top-level fragments tile the range.
            assert_eq!(tree.first().map(|f| f.start), Some(0));
            assert_eq!(tree.last().map(|f| f.end), Some(10));
            assert!(tree.windows(2).all(|w| w[0].end == w[1].start));
        }
    }

    #[test]
    fn pseudo_random_spans_tile_and_cover() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m) as usize
        };
        for _ in 0..300 {
            let n = next(6);
            let spans: Vec<(usize, usize)> = (0..n)
                .map(|_| {
                    let a = next(40);
                    (a, a + next(15))
                })
                .collect();
            let tree = nest(5, 35, &spans);
            for (i, &(s, e)) in spans.iter().enumerate() {
                let (s, e) = (s.clamp(5, 35), e.clamp(5, 35));
                let parts = covered(&tree, i);
                if s >= e {
                    assert!(parts.is_empty());
                    continue;
                }
                assert_eq!((parts[0].0, parts[parts.len() - 1].1), (s, e), "{spans:?}");
                assert!(parts.windows(2).all(|w| w[0].1 == w[1].0), "{spans:?}");
            }
        }
    }
}
