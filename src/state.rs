//! The one reducer: every change of the library, the open document and the messages shown goes
//! through [`AppState::reduce`] as an [`Action`]. Pure: time comes in with the action, I/O
//! happens in effects (`hooks`) that dispatch their results back.
//!
//! ```
//! use std::rc::Rc;
//! use sayso::state::{Action, AppState, Boot};
//! use yew::Reducible;
//! let state = Rc::new(AppState::from_boot(Boot::default(), "Sample\nText", 1.0));
//! assert_eq!(state.docs.len(), 1);                       // first run: the sample
//! let state = state.reduce(Action::Open { text: "New\nStory".into(), source: None, now: 2.0 });
//! assert_eq!(state.docs.len(), 2);
//! assert_eq!(state.current_doc().unwrap().title, "New");
//! let again = state.clone().reduce(Action::Open { text: "New\r\nStory".into(), source: None, now: 3.0 });
//! assert_eq!(again.docs.len(), 2);                       // same text: no duplicate
//! ```

use crate::model::input::text_from_paste;
use crate::model::{Document, Millis};
use std::rc::Rc;
use yew::Reducible;

/// How serious a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something went wrong; nothing was lost.
    Error,
    /// For information.
    Info,
}

/// A message about storage, shown until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    /// Stable id, for keys and dismissal.
    pub id: u32,
    /// Error or information.
    pub level: Level,
    /// What happened and what sayso did about it.
    pub message: String,
}

/// The outcome of the last save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SaveStatus {
    /// Everything is in local storage.
    #[default]
    Saved,
    /// Changes are waiting to be written.
    Saving,
    /// The last write failed; changes are kept in memory and retried.
    Failed,
    /// Local storage cannot be used: memory only.
    MemoryOnly,
}

/// A document deleted a moment ago, kept so that the deletion can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    /// The document.
    pub doc: Rc<Document>,
    /// Its place in the library list.
    pub index: usize,
    /// Whether it was the open document.
    pub was_current: bool,
}

/// What the app starts from: what storage held, and what went wrong reading it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Boot {
    /// Documents read back from storage.
    pub docs: Vec<Document>,
    /// The document that was open.
    pub current: Option<String>,
    /// Whether sayso has saved anything before (if not, the sample is opened).
    pub seen_before: bool,
    /// Whether local storage can be used at all.
    pub storage_available: bool,
    /// Messages about entries that could not be read or storage that is unavailable.
    pub problems: Vec<String>,
}

/// The whole state of the app.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The library, newest first.
    pub docs: Rc<Vec<Rc<Document>>>,
    /// Id of the open document.
    pub current: Option<String>,
    /// The last deleted document, until it is undone or another one is deleted.
    pub deleted: Option<Deleted>,
    /// Storage messages.
    pub banners: Rc<Vec<Banner>>,
    /// A message about the last thing the user gave (an input error, or "already open").
    pub notice: Option<(Level, String)>,
    /// Outcome of the last save.
    pub save: SaveStatus,
    /// Bumped on every change that must be saved; the persistence effect watches it.
    pub revision: u64,
    /// Bumped when the user asks to retry a failed save.
    pub retries: u32,
    next_banner: u32,
}

/// Everything that can happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open a text (pasted, from a file, dropped, or the sample). The same text twice is one
    /// document.
    Open {
        /// The text, not yet normalised.
        text: String,
        /// Where it came from (file name), when known.
        source: Option<String>,
        /// Current time.
        now: Millis,
    },
    /// Show a document of the library.
    Select(String),
    /// Delete a document from the library (undoable).
    Delete(String),
    /// Bring back the last deleted document.
    UndoDelete,
    /// Input that could not be opened: show why.
    Rejected(String),
    /// Hide the notice.
    DismissNotice,
    /// Hide a storage banner.
    DismissBanner(u32),
    /// A storage problem found by an effect.
    StorageProblem(String),
    /// Saving failed: keep everything in memory, say so.
    SaveFailed(String),
    /// Saving succeeded.
    Saved,
    /// Try saving again.
    RetrySave,
}

/// Marker that starts the message of a failed save, so a later success can clear it.
const SAVE_FAILED: &str = "Could not save to local storage";

impl AppState {
    /// The state at start-up. On the very first run (nothing saved before) the sample article is
    /// opened; afterwards the library is shown as it was.
    pub fn from_boot(boot: Boot, sample: &str, now: Millis) -> Self {
        let mut docs: Vec<Rc<Document>> = boot.docs.into_iter().map(Rc::new).collect();
        docs.sort_by(|a, b| {
            b.created
                .total_cmp(&a.created)
                .then_with(|| a.id.cmp(&b.id))
        });
        let mut state = Self {
            docs: Rc::new(docs),
            current: None,
            deleted: None,
            banners: Rc::new(Vec::new()),
            notice: None,
            save: if boot.storage_available {
                SaveStatus::Saved
            } else {
                SaveStatus::MemoryOnly
            },
            revision: 0,
            retries: 0,
            next_banner: 0,
        };
        for problem in boot.problems {
            state.push_banner(Level::Error, problem);
        }
        state.current = boot
            .current
            .filter(|id| state.docs.iter().any(|d| &d.id == id))
            .or_else(|| state.docs.first().map(|d| d.id.clone()));
        if !boot.seen_before && state.docs.is_empty() {
            state.open(sample, Some("sample".to_owned()), now);
        }
        state
    }

    /// The open document.
    pub fn current_doc(&self) -> Option<&Rc<Document>> {
        let id = self.current.as_ref()?;
        self.docs.iter().find(|d| &d.id == id)
    }

    fn push_banner(&mut self, level: Level, message: String) {
        if self.banners.iter().any(|b| b.message == message) {
            return;
        }
        let id = self.next_banner;
        self.next_banner += 1;
        Rc::make_mut(&mut self.banners).push(Banner { id, level, message });
    }

    fn changed(&mut self) {
        self.revision += 1;
        if self.save != SaveStatus::MemoryOnly {
            self.save = SaveStatus::Saving;
        }
    }

    fn open(&mut self, text: &str, source: Option<String>, now: Millis) {
        let text = match text_from_paste(text) {
            Ok(text) => text,
            Err(err) => {
                self.notice = Some((Level::Error, capitalise(&err.to_string())));
                return;
            }
        };
        let doc = Document::new(&text, source, now);
        if self.docs.iter().any(|d| d.id == doc.id) {
            self.notice = Some((
                Level::Info,
                format!(
                    "“{}” is already in your library: it is open now.",
                    doc.title
                ),
            ));
        } else {
            self.notice = None;
            Rc::make_mut(&mut self.docs).insert(0, Rc::new(doc.clone()));
        }
        self.current = Some(doc.id);
        self.changed();
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Open { text, source, now } => next.open(&text, source, now),
            Action::Select(id) => {
                if next.current.as_ref() == Some(&id) || !next.docs.iter().any(|d| d.id == id) {
                    return self;
                }
                next.current = Some(id);
                next.changed();
            }
            Action::Delete(id) => {
                let Some(index) = next.docs.iter().position(|d| d.id == id) else {
                    return self;
                };
                let doc = Rc::make_mut(&mut next.docs).remove(index);
                let was_current = next.current.as_ref() == Some(&id);
                if was_current {
                    next.current = next
                        .docs
                        .get(index.min(next.docs.len().saturating_sub(1)))
                        .map(|d| d.id.clone());
                }
                next.notice = None;
                next.deleted = Some(Deleted {
                    doc,
                    index,
                    was_current,
                });
                next.changed();
            }
            Action::UndoDelete => {
                let Some(deleted) = next.deleted.take() else {
                    return self;
                };
                if !next.docs.iter().any(|d| d.id == deleted.doc.id) {
                    let index = deleted.index.min(next.docs.len());
                    if deleted.was_current {
                        next.current = Some(deleted.doc.id.clone());
                    }
                    Rc::make_mut(&mut next.docs).insert(index, deleted.doc);
                }
                next.changed();
            }
            Action::Rejected(message) => next.notice = Some((Level::Error, capitalise(&message))),
            Action::DismissNotice => {
                if next.notice.is_none() {
                    return self;
                }
                next.notice = None;
            }
            Action::DismissBanner(id) => {
                if !next.banners.iter().any(|b| b.id == id) {
                    return self;
                }
                Rc::make_mut(&mut next.banners).retain(|b| b.id != id);
            }
            Action::StorageProblem(message) => next.push_banner(Level::Error, message),
            Action::SaveFailed(reason) => {
                if next.save == SaveStatus::MemoryOnly {
                    return self;
                }
                next.save = SaveStatus::Failed;
                Rc::make_mut(&mut next.banners).retain(|b| !b.message.starts_with(SAVE_FAILED));
                next.push_banner(
                    Level::Error,
                    format!("{SAVE_FAILED}: {reason}. Your changes are kept in memory and sayso will retry on the next change."),
                );
            }
            Action::Saved => {
                let had_failure = next
                    .banners
                    .iter()
                    .any(|b| b.message.starts_with(SAVE_FAILED));
                if next.save == SaveStatus::Saved && !had_failure {
                    return self;
                }
                if next.save != SaveStatus::MemoryOnly {
                    next.save = SaveStatus::Saved;
                }
                Rc::make_mut(&mut next.banners).retain(|b| !b.message.starts_with(SAVE_FAILED));
            }
            Action::RetrySave => {
                next.retries += 1;
                if next.save == SaveStatus::Failed {
                    next.save = SaveStatus::Saving;
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Sample title\nSample body.";

    fn boot_empty() -> Rc<AppState> {
        Rc::new(AppState::from_boot(
            Boot {
                storage_available: true,
                ..Boot::default()
            },
            SAMPLE,
            1.0,
        ))
    }

    fn open(state: Rc<AppState>, text: &str, now: f64) -> Rc<AppState> {
        state.reduce(Action::Open {
            text: text.into(),
            source: None,
            now,
        })
    }

    fn titles(state: &AppState) -> Vec<String> {
        state.docs.iter().map(|d| d.title.clone()).collect()
    }

    #[test]
    fn first_run_opens_the_sample() {
        let state = boot_empty();
        assert_eq!(titles(&state), ["Sample title"]);
        assert_eq!(
            state.current_doc().map(|d| d.title.as_str()),
            Some("Sample title")
        );
        assert_eq!(state.save, SaveStatus::Saving, "the sample must be saved");
    }

    #[test]
    fn later_runs_restore_the_library_and_do_not_add_the_sample() {
        let a = Document::new("A\nx", None, 1.0);
        let b = Document::new("B\ny", None, 2.0);
        let state = AppState::from_boot(
            Boot {
                docs: vec![a.clone(), b.clone()],
                current: Some(a.id.clone()),
                seen_before: true,
                storage_available: true,
                problems: vec![],
            },
            SAMPLE,
            3.0,
        );
        assert_eq!(titles(&state), ["B", "A"], "newest first");
        assert_eq!(state.current, Some(a.id));
        assert_eq!(state.revision, 0, "nothing to save at start");
        let emptied = AppState::from_boot(
            Boot {
                seen_before: true,
                storage_available: true,
                ..Boot::default()
            },
            SAMPLE,
            3.0,
        );
        assert!(
            emptied.docs.is_empty(),
            "a library the user emptied stays empty"
        );
    }

    #[test]
    fn unknown_current_falls_back_to_the_newest() {
        let a = Document::new("A\nx", None, 1.0);
        let state = AppState::from_boot(
            Boot {
                docs: vec![a.clone()],
                current: Some("gone".into()),
                seen_before: true,
                storage_available: true,
                problems: vec![],
            },
            SAMPLE,
            3.0,
        );
        assert_eq!(state.current, Some(a.id));
    }

    #[test]
    fn open_paste_reload_delete_undo_sequence() {
        let state = boot_empty();
        let state = open(state, "Second story\nBody", 2.0);
        assert_eq!(titles(&state), ["Second story", "Sample title"]);
        let second = state.current.clone().unwrap();
        // Same text again, with other newlines: no duplicate, an info notice.
        let state = open(state, "Second story\r\nBody", 3.0);
        assert_eq!(state.docs.len(), 2);
        assert!(
            matches!(&state.notice, Some((Level::Info, m)) if m.contains("already in your library"))
        );
        // Delete the open one: the next one opens, undo brings it back in place and open.
        let state = state.reduce(Action::Delete(second.clone()));
        assert_eq!(titles(&state), ["Sample title"]);
        assert_ne!(state.current.as_ref(), Some(&second));
        let state = state.reduce(Action::UndoDelete);
        assert_eq!(titles(&state), ["Second story", "Sample title"]);
        assert_eq!(state.current.as_ref(), Some(&second));
        assert!(state.deleted.is_none());
        // Undo twice does nothing.
        let same = state.clone().reduce(Action::UndoDelete);
        assert!(Rc::ptr_eq(&same, &state));
    }

    #[test]
    fn deleting_the_last_document_leaves_an_empty_library() {
        let state = boot_empty();
        let id = state.current.clone().unwrap();
        let state = state.reduce(Action::Delete(id));
        assert!(state.docs.is_empty());
        assert_eq!(state.current, None);
        assert!(state.current_doc().is_none());
    }

    #[test]
    fn empty_paste_is_rejected_and_changes_nothing() {
        let state = boot_empty();
        let revision = state.revision;
        let next = open(state.clone(), " \n\t ", 2.0);
        assert_eq!(next.docs, state.docs);
        assert_eq!(next.revision, revision);
        assert!(
            matches!(&next.notice, Some((Level::Error, m)) if m.starts_with("The pasted text is empty"))
        );
    }

    #[test]
    fn no_op_actions_return_the_same_state() {
        let state = boot_empty();
        let current = state.current.clone().unwrap();
        for action in [
            Action::Select(current),
            Action::Select("missing".into()),
            Action::Delete("missing".into()),
            Action::DismissNotice,
            Action::DismissBanner(42),
            Action::Saved,
        ] {
            let state = state.clone().reduce(Action::Saved);
            let next = state.clone().reduce(action.clone());
            assert!(Rc::ptr_eq(&next, &state), "{action:?} should be a no-op");
        }
    }

    #[test]
    fn failed_saves_are_reported_then_cleared() {
        let state = boot_empty();
        let state = state.reduce(Action::SaveFailed("storage is full".into()));
        assert_eq!(state.save, SaveStatus::Failed);
        assert_eq!(state.banners.len(), 1);
        assert!(state.banners[0].message.contains("kept in memory"));
        // A second failure replaces the banner instead of stacking.
        let state = state.reduce(Action::SaveFailed("storage is full".into()));
        assert_eq!(state.banners.len(), 1);
        let state = state.reduce(Action::RetrySave);
        assert_eq!((state.save, state.retries), (SaveStatus::Saving, 1));
        let state = state.reduce(Action::Saved);
        assert_eq!(state.save, SaveStatus::Saved);
        assert!(state.banners.is_empty());
    }

    #[test]
    fn storage_problems_become_banners_and_can_be_dismissed() {
        let state = Rc::new(AppState::from_boot(
            Boot {
                storage_available: false,
                problems: vec!["Local storage is unavailable".into()],
                ..Boot::default()
            },
            SAMPLE,
            1.0,
        ));
        assert_eq!(state.save, SaveStatus::MemoryOnly);
        assert_eq!(
            state.docs.len(),
            1,
            "memory-only mode still opens the sample"
        );
        let id = state.banners[0].id;
        let state = state.reduce(Action::SaveFailed("x".into()));
        assert_eq!(
            state.banners.len(),
            1,
            "no save failures in memory-only mode"
        );
        let state = state.reduce(Action::StorageProblem(
            "Local storage is unavailable".into(),
        ));
        assert_eq!(state.banners.len(), 1, "the same message is not repeated");
        let state = state.reduce(Action::DismissBanner(id));
        assert!(state.banners.is_empty());
    }
}
