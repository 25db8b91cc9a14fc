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
//! let edit = Edit { label: "note".into(), changes: vec![Change::Annotation { before: None, after: Some(Box::new(a)) }] };
//! edit.apply(&mut doc, false);
//! assert_eq!(doc.annotations.len(), 1);
//! edit.apply(&mut doc, true);
//! assert!(doc.annotations.is_empty());
//! ```

use crate::model::annotation::{Annotation, Speaker};
use crate::model::suggest::sort;
use crate::model::Document;
use serde::{Deserialize, Serialize};

/// One changed thing, before and after (`None`: absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Change {
    /// An annotation was added, changed or removed.
    Annotation {
        /// Before the edit.
        before: Option<Box<Annotation>>,
        /// After the edit.
        after: Option<Box<Annotation>>,
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

/// The undo and redo stacks of a document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct History {
    /// Edits to undo, newest last.
    pub undo: Vec<Edit>,
    /// Edits to redo, newest last.
    pub redo: Vec<Edit>,
}

impl Edit {
    /// Applies the edit to `doc` (its "after" states), or reverts it when `reverse`.
    pub fn apply(&self, doc: &mut Document, reverse: bool) {
        let mut resort = false;
        let changes: Box<dyn Iterator<Item = &Change>> = if reverse {
            Box::new(self.changes.iter().rev())
        } else {
            Box::new(self.changes.iter())
        };
        for change in changes {
            match change {
                Change::Annotation { before, after } => {
                    let (from, to) = if reverse {
                        (after, before)
                    } else {
                        (before, after)
                    };
                    let id = from.as_ref().or(to.as_ref()).map(|a| a.id.clone());
                    let Some(id) = id else { continue };
                    let pos = doc.annotations.iter().position(|a| a.id == id);
                    match (pos, to) {
                        (Some(i), Some(new)) => doc.annotations[i] = (**new).clone(),
                        (Some(i), None) => {
                            doc.annotations.remove(i);
                        }
                        (None, Some(new)) => {
                            doc.annotations.push((**new).clone());
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
        if resort {
            sort(&mut doc.annotations);
        }
    }
}
