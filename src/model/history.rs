//! Undo and redo as reversible edits, kept with the document so they survive a reload.
//!
//! An [`Edit`] lists the annotations and speakers it changed, each with its state before and
//! after; undoing applies the "before" states, redoing the "after" states. Bulk actions are one
//! edit. Memory is proportional to what changed, not to the document.
//!
//! ```
//! use sayso::model::history::{Change, Edit};
//! use sayso::model::annotation::{Annotation, AnnotationKind};
//! use sayso::model::Document;
//! let mut doc = Document::new("T\nbody", None, 0.0);
//! let a = Annotation::manual("m1", AnnotationKind::Note, 2, 6, "body", 1.0);
//! let edit = Edit { label: "note".into(), changes: vec![Change::Annotation { before: None, after: Some(std::rc::Rc::new(a)) }] };
//! edit.apply(&mut doc, false);
//! assert_eq!(doc.annotations.len(), 1);
//! edit.apply(&mut doc, true);
//! assert!(doc.annotations.is_empty());
//! ```

use crate::model::annotation::{Annotation, Speaker};
use crate::model::suggest::sort;
use crate::model::Document;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::rc::Rc;

/// One changed thing, before and after (`None`: absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Change {
    /// An annotation was added, changed or removed.
    Annotation {
        /// Before the edit.
        before: Option<Rc<Annotation>>,
        /// After the edit.
        after: Option<Rc<Annotation>>,
    },
    /// A speaker was added, changed or removed.
    Speaker {
        /// Before the edit.
        before: Option<Speaker>,
        /// After the edit.
        after: Option<Speaker>,
    },
}

/// One undoable step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// What the user did ("accept quote", "reject 12 figures").
    pub label: String,
    /// What changed.
    pub changes: Vec<Change>,
}

/// The undo and redo stacks of a document. Edits are shared (`Rc`), so copying a document for
/// the next state does not copy its history.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct History {
    /// Edits to undo, newest last.
    pub undo: Vec<Rc<Edit>>,
    /// Edits to redo, newest last.
    pub redo: Vec<Rc<Edit>>,
}

/// Edits with at most this many changes find annotations by scanning instead of indexing.
const SCAN_LIMIT: usize = 16;

impl Edit {
    /// Applies the edit to `doc` (its "after" states), or reverts it when `reverse`.
    ///
    /// Linear in the document and the edit: annotations are found through an index by id, and
    /// removals are done in one pass at the end (a bulk edit on a long article can hold tens of
    /// thousands of changes).
    pub fn apply(&self, doc: &mut Document, reverse: bool) {
        let mut resort = false;
        let changes: Box<dyn Iterator<Item = &Change>> = if reverse {
            Box::new(self.changes.iter().rev())
        } else {
            Box::new(self.changes.iter())
        };
        // A small edit (one click) looks annotations up by a scan; a bulk one builds an index.
        let mut index: HashMap<String, usize> = if self.changes.len() > SCAN_LIMIT {
            doc.annotations
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.clone(), i))
                .collect()
        } else {
            HashMap::new()
        };
        let indexed = self.changes.len() > SCAN_LIMIT;
        let mut removed = vec![false; doc.annotations.len()];
        for change in changes {
            match change {
                Change::Annotation { before, after } => {
                    let (from, to) = if reverse {
                        (after, before)
                    } else {
                        (before, after)
                    };
                    let Some(id) = from.as_ref().or(to.as_ref()).map(|a| a.id.clone()) else {
                        continue;
                    };
                    let pos = if indexed {
                        index.get(&id).copied()
                    } else {
                        doc.annotations
                            .iter()
                            .zip(&removed)
                            .position(|(a, gone)| !gone && a.id == id)
                    };
                    match (pos, to) {
                        (Some(i), Some(new)) => {
                            if let Some(slot) = doc.annotations.get_mut(i) {
                                *slot = new.clone();
                            }
                            if let Some(r) = removed.get_mut(i) {
                                *r = false;
                            }
                        }
                        (Some(i), None) => {
                            if let Some(r) = removed.get_mut(i) {
                                *r = true;
                            }
                            index.remove(&id);
                        }
                        (None, Some(new)) => {
                            index.insert(id, doc.annotations.len());
                            doc.annotations.push(new.clone());
                            removed.push(false);
                            resort = true;
                        }
                        (None, None) => {}
                    }
                }
                Change::Speaker { before, after } => {
                    let (from, to) = if reverse {
                        (after, before)
                    } else {
                        (before, after)
                    };
                    let id = from.as_ref().or(to.as_ref()).map(|s| s.id.clone());
                    let Some(id) = id else { continue };
                    let pos = doc.speakers.iter().position(|s| s.id == id);
                    match (pos, to) {
                        (Some(i), Some(new)) => doc.speakers[i] = new.clone(),
                        (Some(i), None) => {
                            doc.speakers.remove(i);
                        }
                        (None, Some(new)) => doc.speakers.push(new.clone()),
                        (None, None) => {}
                    }
                }
            }
        }
        if removed.iter().any(|&r| r) {
            let mut flags = removed.into_iter();
            doc.annotations.retain(|_| !flags.next().unwrap_or(false));
        }
        if resort {
            sort(&mut doc.annotations);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::AnnotationKind;

    fn ann(id: &str, start: usize) -> Annotation {
        Annotation::manual(id, AnnotationKind::Note, start, start + 1, "x", 0.0)
    }

    #[test]
    fn one_edit_adds_changes_and_removes_many_and_reverts_exactly() {
        let mut doc = Document::new(&format!("T\n{}", "x".repeat(200)), None, 0.0);
        doc.annotations = (0..100)
            .map(|i| Rc::new(ann(&format!("a{i}"), i + 2)))
            .collect();
        let before = doc.clone();
        let mut changes = Vec::new();
        for i in (0..100).step_by(3) {
            changes.push(Change::Annotation {
                before: Some(doc.annotations[i].clone()),
                after: None,
            });
        }
        for i in (1..100).step_by(3) {
            let mut changed = (*doc.annotations[i]).clone();
            changed.note = Some(format!("n{i}"));
            changes.push(Change::Annotation {
                before: Some(doc.annotations[i].clone()),
                after: Some(Rc::new(changed)),
            });
        }
        // Removed then added back under the same id within the same edit.
        changes.push(Change::Annotation {
            before: None,
            after: Some(Rc::new(ann("a0", 150))),
        });
        changes.push(Change::Annotation {
            before: None,
            after: Some(Rc::new(ann("new", 0))),
        });
        let edit = Edit {
            label: "bulk".into(),
            changes,
        };
        edit.apply(&mut doc, false);
        assert_eq!(doc.annotations.len(), 100 - 34 + 2);
        assert_eq!(doc.annotations[0].id, "new", "sorted by start");
        assert!(doc
            .annotations
            .iter()
            .any(|a| a.id == "a0" && a.start == 150));
        assert!(!doc.annotations.iter().any(|a| a.id == "a3"));
        assert_eq!(
            doc.annotations
                .iter()
                .find(|a| a.id == "a4")
                .and_then(|a| a.note.as_deref()),
            Some("n4")
        );
        edit.apply(&mut doc, true);
        assert_eq!(doc.annotations, before.annotations);
    }

    #[test]
    fn a_small_edit_removes_and_adds_back_the_same_id_and_reverts() {
        let mut doc = Document::new("T\nabcdefghij", None, 0.0);
        doc.annotations = (0..5)
            .map(|i| Rc::new(ann(&format!("a{i}"), i + 2)))
            .collect();
        let before = doc.clone();
        let edit = Edit {
            label: "move".into(),
            changes: vec![
                Change::Annotation {
                    before: Some(doc.annotations[1].clone()),
                    after: None,
                },
                Change::Annotation {
                    before: None,
                    after: Some(Rc::new(ann("a1", 8))),
                },
                Change::Annotation {
                    before: Some(doc.annotations[3].clone()),
                    after: Some(Rc::new(Annotation {
                        note: Some("n".into()),
                        ..(*doc.annotations[3]).clone()
                    })),
                },
            ],
        };
        assert!(edit.changes.len() <= SCAN_LIMIT, "the scanning path");
        edit.apply(&mut doc, false);
        let ids: Vec<&str> = doc.annotations.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a0", "a2", "a3", "a4", "a1"]);
        assert_eq!(doc.annotations[2].note.as_deref(), Some("n"));
        edit.apply(&mut doc, true);
        assert_eq!(doc.annotations, before.annotations);
    }
}
