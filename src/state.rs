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

use crate::model::annotation::{Annotation, AnnotationKind, FigureInfo, Speaker, Status};
use crate::model::history::{Change, Edit};
use crate::model::input::text_from_paste;
use crate::model::offsets::TextIndex;
use crate::model::suggest::{self, speaker_id, ENGINE_VERSION};
use crate::model::text::short;
use crate::model::{Document, Millis};
use std::collections::{HashMap, HashSet};
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
    /// Ids of documents rebuilt from a text entry whose document entry was missing: they are in
    /// `docs` but not yet saved.
    pub recovered: Vec<String>,
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
    /// The annotation open in the inspector.
    pub selected: Option<String>,
    /// Kinds hidden by the legend's toggles.
    pub hidden: Rc<Vec<AnnotationKind>>,
    /// The last change, for the `aria-live` region ("Accepted quote “…”").
    pub announcement: String,
    next_banner: u32,
}

/// Who a quote is attributed to, as the user picks it.
#[derive(Debug, Clone, PartialEq)]
pub enum SpeakerChoice {
    /// A speaker of the document, by id.
    Existing(String),
    /// A new speaker, by name.
    New(String),
    /// Nobody.
    Unknown,
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
    /// Run the engine on the open document if it has not been analysed by this engine version
    /// (or always, with `force`); decided annotations are kept.
    Analyze {
        /// Run even if the document was analysed already.
        force: bool,
        /// Current time.
        now: Millis,
    },
    /// Open an annotation in the inspector (or close it).
    SelectAnnotation(Option<String>),
    /// Accept or reject annotations (one, or a bulk action).
    SetStatus {
        /// The annotations.
        ids: Vec<String>,
        /// The new status.
        status: Status,
        /// Current time.
        now: Millis,
    },
    /// Make a new, confirmed annotation on a span of code points.
    Annotate {
        /// What it marks.
        kind: AnnotationKind,
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
        /// Current time.
        now: Millis,
    },
    /// Make several confirmed annotations of one kind at once ("mark all occurrences"), as one
    /// undoable step; spans already annotated with that kind are skipped.
    AnnotateMany {
        /// What they mark.
        kind: AnnotationKind,
        /// Code point ranges.
        spans: Vec<(usize, usize)>,
        /// Current time.
        now: Millis,
    },
    /// Delete annotations.
    DeleteAnnotations(Vec<String>),
    /// Attribute a quote (or a speaker mention) to a speaker.
    SetSpeaker {
        /// The annotation.
        id: String,
        /// The speaker.
        speaker: SpeakerChoice,
        /// Current time.
        now: Millis,
    },
    /// Write the note of an annotation (empty removes it).
    SetNote {
        /// The annotation.
        id: String,
        /// The note.
        note: String,
        /// Current time.
        now: Millis,
    },
    /// Change a figure's kind, value or unit.
    SetFigure {
        /// The annotation.
        id: String,
        /// The new figure information.
        info: FigureInfo,
        /// Current time.
        now: Millis,
    },
    /// Undo the last edit of the open document.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show or hide a kind of annotation.
    ToggleKind(AnnotationKind),
    /// Rename a speaker (every quote and mention follows).
    RenameSpeaker {
        /// The speaker.
        id: String,
        /// The new name.
        name: String,
        /// Current time.
        now: Millis,
    },
    /// Merge speaker `from` into `into`: its quotes and mentions move over, `from` goes.
    MergeSpeakers {
        /// The speaker merged away.
        from: String,
        /// The speaker kept.
        into: String,
        /// Current time.
        now: Millis,
    },
    /// Apply an import (a file or a share link): a new document joins the library; a document
    /// already there gets the import's changes as one undoable step.
    ApplyImport {
        /// The document as the import made it.
        document: Box<Document>,
        /// What the import did, for the user.
        summary: String,
        /// Current time.
        now: Millis,
    },
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
            selected: None,
            hidden: Rc::new(Vec::new()),
            announcement: String::new(),
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

impl AppState {
    fn current_mut(&mut self) -> Option<&mut Document> {
        let id = self.current.clone()?;
        let docs = Rc::make_mut(&mut self.docs);
        docs.iter_mut().find(|d| d.id == id).map(Rc::make_mut)
    }

    fn annotation(&self, id: &str) -> Option<&Rc<Annotation>> {
        self.current_doc()?.annotations.iter().find(|a| a.id == id)
    }

    /// Applies an edit to the open document and records it for undo. `false` when nothing
    /// changed.
    fn commit(&mut self, label: String, changes: Vec<Change>, now: Millis) -> bool {
        if changes.is_empty() {
            return false;
        }
        let Some(doc) = self.current_mut() else {
            return false;
        };
        let edit = Edit {
            label: label.clone(),
            changes,
        };
        edit.apply(doc, false);
        doc.history.undo.push(Rc::new(edit));
        doc.history.redo.clear();
        touch(doc, now);
        self.announcement = label;
        self.changed();
        true
    }

    /// Changes one annotation through `update`; records the change when it differs.
    fn update_annotation(
        &mut self,
        id: &str,
        label: &str,
        now: Millis,
        update: impl FnOnce(&mut Annotation),
    ) -> bool {
        let Some(before) = self.annotation(id).cloned() else {
            return false;
        };
        let mut after = (*before).clone();
        update(&mut after);
        if after == *before {
            return false;
        }
        let label = format!("{label} “{}”", short(&before.exact));
        self.commit(label, vec![edited(&before, now, |a| *a = after)], now)
    }

    fn analyze(&mut self, force: bool, now: Millis) -> bool {
        let Some(doc) = self.current_doc() else {
            return false;
        };
        if !force && doc.engine.as_deref() == Some(ENGINE_VERSION) {
            return false;
        }
        let analysis = crate::engine::analyze(&doc.text);
        let (speakers, fresh) = suggest::suggestions(&doc.text, &analysis, now);
        let Some(doc) = self.current_mut() else {
            return false;
        };
        doc.annotations = suggest::merge(&doc.annotations, fresh);
        doc.speakers = suggest::merge_speakers(&doc.speakers, speakers);
        doc.engine = Some(ENGINE_VERSION.to_owned());
        touch(doc, now);
        self.changed();
        true
    }

    fn undo_redo(&mut self, redo: bool) -> bool {
        let Some(doc) = self.current_mut() else {
            return false;
        };
        let stack = if redo {
            &mut doc.history.redo
        } else {
            &mut doc.history.undo
        };
        let Some(edit) = stack.pop() else {
            return false;
        };
        edit.apply(doc, !redo);
        touch(doc, 0.0);
        let label = format!("{} {}", if redo { "Redid" } else { "Undid" }, edit.label);
        if redo {
            doc.history.undo.push(edit);
        } else {
            doc.history.redo.push(edit);
        }
        self.announcement = label;
        self.changed();
        true
    }
}

/// The changes that turn `old`'s annotations and speakers into `new`'s, by id (linear: both
/// sides are indexed by id).
fn diff(old: &Document, new: &Document) -> Vec<Change> {
    let mut changes = Vec::new();
    let old_speakers: HashMap<&str, &Speaker> =
        old.speakers.iter().map(|s| (s.id.as_str(), s)).collect();
    for s in &new.speakers {
        let before = old_speakers.get(s.id.as_str()).copied();
        if before != Some(s) {
            changes.push(Change::Speaker {
                before: before.cloned(),
                after: Some(s.clone()),
            });
        }
    }
    let old_anns: HashMap<&str, &Rc<Annotation>> =
        old.annotations.iter().map(|a| (a.id.as_str(), a)).collect();
    let new_ids: HashSet<&str> = new.annotations.iter().map(|a| a.id.as_str()).collect();
    for a in &new.annotations {
        let before = old_anns.get(a.id.as_str()).copied();
        if before != Some(a) {
            changes.push(Change::Annotation {
                before: before.cloned(),
                after: Some(a.clone()),
            });
        }
    }
    for a in &old.annotations {
        if !new_ids.contains(a.id.as_str()) {
            changes.push(Change::Annotation {
                before: Some(a.clone()),
                after: None,
            });
        }
    }
    changes
}

/// The change that edits `before` through `edit`, stamped `now`.
fn edited(before: &Rc<Annotation>, now: Millis, edit: impl FnOnce(&mut Annotation)) -> Change {
    let mut after = (**before).clone();
    edit(&mut after);
    after.modified = now;
    Change::Annotation {
        before: Some(before.clone()),
        after: Some(Rc::new(after)),
    }
}

/// A confirmed annotation made by the user on code points `start..end` of `doc`, with an id not
/// in `taken` (which it joins); `None` for an empty, reversed, out-of-range or blank span.
fn manual_annotation(
    doc: &Document,
    index: &TextIndex,
    taken: &mut HashSet<String>,
    kind: AnnotationKind,
    (start, end): (usize, usize),
    now: Millis,
) -> Option<Annotation> {
    if start >= end {
        return None;
    }
    let exact = doc
        .text
        .get(index.cp_to_byte(start)?..index.cp_to_byte(end)?)?;
    if exact.trim().is_empty() {
        return None;
    }
    let mut id = format!("m{}{start}-{end}", &kind.as_str()[..1]);
    while !taken.insert(id.clone()) {
        id.push('+');
    }
    Some(Annotation::manual(&id, kind, start, end, exact, now))
}

/// Marks a document changed. `modified` grows strictly with every change, even when the clock
/// does not move (the persistence effect writes documents whose `modified` changed).
fn touch(doc: &mut Document, now: Millis) {
    doc.modified = if now > doc.modified {
        now
    } else {
        doc.modified + 0.001
    };
}

fn status_verb(status: Status) -> &'static str {
    match status {
        Status::Confirmed => "Accepted",
        Status::Rejected => "Rejected",
        Status::Suggested => "Reset",
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
            Action::Analyze { force, now } => {
                if !next.analyze(force, now) {
                    return self;
                }
            }
            Action::SelectAnnotation(id) => {
                if next.selected == id {
                    return self;
                }
                next.selected = id;
            }
            Action::SetStatus { ids, status, now } => {
                let Some(doc) = next.current_doc() else {
                    return self;
                };
                let ids: HashSet<&str> = ids.iter().map(String::as_str).collect();
                let changes: Vec<Change> = doc
                    .annotations
                    .iter()
                    .filter(|a| ids.contains(a.id.as_str()) && a.status != status)
                    .map(|a| edited(a, now, |after| after.status = status))
                    .collect();
                let label = match changes.as_slice() {
                    [Change::Annotation {
                        before: Some(a), ..
                    }] => {
                        format!(
                            "{} {} “{}”",
                            status_verb(status),
                            a.kind.as_str(),
                            short(&a.exact)
                        )
                    }
                    many => format!("{} {} annotations", status_verb(status), many.len()),
                };
                if !next.commit(label, changes, now) {
                    return self;
                }
            }
            Action::Annotate {
                kind,
                start,
                end,
                now,
            } => {
                let Some(doc) = next.current_doc() else {
                    return self;
                };
                let index = TextIndex::new(&doc.text);
                let mut taken: HashSet<String> =
                    doc.annotations.iter().map(|a| a.id.clone()).collect();
                let Some(annotation) =
                    manual_annotation(doc, &index, &mut taken, kind, (start, end), now)
                else {
                    return self;
                };
                let id = annotation.id.clone();
                let label = format!("Added {} “{}”", kind.as_str(), short(&annotation.exact));
                next.selected = Some(id);
                next.commit(
                    label,
                    vec![Change::Annotation {
                        before: None,
                        after: Some(Rc::new(annotation)),
                    }],
                    now,
                );
            }
            Action::AnnotateMany { kind, spans, now } => {
                let Some(doc) = next.current_doc() else {
                    return self;
                };
                let index = TextIndex::new(&doc.text);
                let mut taken: HashSet<String> =
                    doc.annotations.iter().map(|a| a.id.clone()).collect();
                let mut changes = Vec::new();
                for (start, end) in spans {
                    let exists = doc.annotations.iter().any(|a| {
                        a.kind == kind
                            && a.start == start
                            && a.end == end
                            && a.status != Status::Rejected
                    });
                    if exists {
                        continue;
                    }
                    if let Some(annotation) =
                        manual_annotation(doc, &index, &mut taken, kind, (start, end), now)
                    {
                        changes.push(Change::Annotation {
                            before: None,
                            after: Some(Rc::new(annotation)),
                        });
                    }
                }
                let label = format!("Marked {} occurrences as {}", changes.len(), kind.as_str());
                if !next.commit(label, changes, now) {
                    return self;
                }
            }
            Action::DeleteAnnotations(ids) => {
                let Some(doc) = next.current_doc() else {
                    return self;
                };
                let set: HashSet<&str> = ids.iter().map(String::as_str).collect();
                let changes: Vec<Change> = doc
                    .annotations
                    .iter()
                    .filter(|a| set.contains(a.id.as_str()))
                    .map(|a| Change::Annotation {
                        before: Some(a.clone()),
                        after: None,
                    })
                    .collect();
                let label = match changes.as_slice() {
                    [Change::Annotation {
                        before: Some(a), ..
                    }] => {
                        format!("Deleted {} “{}”", a.kind.as_str(), short(&a.exact))
                    }
                    many => format!("Deleted {} annotations", many.len()),
                };
                if next.selected.as_ref().is_some_and(|s| ids.contains(s)) {
                    next.selected = None;
                }
                if !next.commit(label, changes, 0.0) {
                    return self;
                }
            }
            Action::SetSpeaker { id, speaker, now } => {
                let mut changes = Vec::new();
                let speaker_id = match speaker {
                    SpeakerChoice::Existing(sid) => Some(sid),
                    SpeakerChoice::Unknown => None,
                    SpeakerChoice::New(name) => {
                        let name = name.trim().to_owned();
                        if name.is_empty() {
                            return self;
                        }
                        let sid = speaker_id(&name);
                        let exists = next
                            .current_doc()
                            .is_some_and(|d| d.speakers.iter().any(|s| s.id == sid));
                        if !exists {
                            changes.push(Change::Speaker {
                                before: None,
                                after: Some(Speaker {
                                    id: sid.clone(),
                                    name,
                                    role: None,
                                    organisation: false,
                                }),
                            });
                        }
                        Some(sid)
                    }
                };
                let Some(before) = next.annotation(&id).cloned() else {
                    return self;
                };
                if before.speaker_id == speaker_id && changes.is_empty() {
                    return self;
                }
                let label = format!("Set the speaker of “{}”", short(&before.exact));
                changes.push(edited(&before, now, |after| {
                    after.speaker_id = speaker_id;
                    after.edited = true;
                    after.status = Status::Confirmed;
                }));
                next.commit(label, changes, now);
            }
            Action::SetNote { id, note, now } => {
                let note = (!note.trim().is_empty()).then_some(note);
                if !next.update_annotation(&id, "Noted", now, |a| {
                    if a.note != note {
                        a.note = note;
                        a.edited = true;
                    }
                }) {
                    return self;
                }
            }
            Action::SetFigure { id, info, now } => {
                if !next.update_annotation(&id, "Edited figure", now, |a| {
                    if a.figure.as_ref() != Some(&info) {
                        a.figure = Some(info);
                        a.edited = true;
                    }
                }) {
                    return self;
                }
            }
            Action::Undo => {
                if !next.undo_redo(false) {
                    return self;
                }
            }
            Action::Redo => {
                if !next.undo_redo(true) {
                    return self;
                }
            }
            Action::ApplyImport {
                document,
                summary,
                now,
            } => {
                let document = *document;
                match next.docs.iter().find(|d| d.id == document.id).cloned() {
                    None => {
                        let mut document = document;
                        document.history = Default::default();
                        next.current = Some(document.id.clone());
                        Rc::make_mut(&mut next.docs).insert(0, Rc::new(document));
                        next.announcement = summary.clone();
                        next.changed();
                    }
                    Some(existing) => {
                        next.current = Some(existing.id.clone());
                        let changes = diff(&existing, &document);
                        let label = format!("Import ({} changes)", changes.len());
                        if !next.commit(label, changes, now) {
                            next.changed();
                        }
                    }
                }
                next.notice = Some((Level::Info, summary));
            }
            Action::RenameSpeaker { id, name, now } => {
                let name = name.trim().to_owned();
                let Some(before) = next
                    .current_doc()
                    .and_then(|d| d.speakers.iter().find(|s| s.id == id))
                    .cloned()
                else {
                    return self;
                };
                if name.is_empty() || name == before.name {
                    return self;
                }
                let after = Speaker {
                    name: name.clone(),
                    ..before.clone()
                };
                let label = format!("Renamed “{}” to “{name}”", before.name);
                next.commit(
                    label,
                    vec![Change::Speaker {
                        before: Some(before),
                        after: Some(after),
                    }],
                    now,
                );
            }
            Action::MergeSpeakers { from, into, now } => {
                let Some(doc) = next.current_doc() else {
                    return self;
                };
                let (Some(gone), Some(kept)) = (
                    doc.speakers.iter().find(|s| s.id == from).cloned(),
                    doc.speakers.iter().find(|s| s.id == into).cloned(),
                ) else {
                    return self;
                };
                if from == into {
                    return self;
                }
                let mut changes: Vec<Change> = doc
                    .annotations
                    .iter()
                    .filter(|a| a.speaker_id.as_deref() == Some(from.as_str()))
                    .map(|a| {
                        edited(a, now, |after| {
                            after.speaker_id = Some(into.clone());
                            after.edited = true;
                        })
                    })
                    .collect();
                changes.push(Change::Speaker {
                    before: Some(gone.clone()),
                    after: None,
                });
                let label = format!("Merged “{}” into “{}”", gone.name, kept.name);
                next.commit(label, changes, now);
            }
            Action::ToggleKind(kind) => {
                let hidden = Rc::make_mut(&mut next.hidden);
                match hidden.iter().position(|k| *k == kind) {
                    Some(i) => {
                        hidden.remove(i);
                    }
                    None => hidden.push(kind),
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
                recovered: vec![],
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
                recovered: vec![],
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

    fn analysed(text: &str) -> Rc<AppState> {
        let state = open(boot_empty(), text, 2.0);
        state.reduce(Action::Analyze {
            force: false,
            now: 3.0,
        })
    }

    fn anns(state: &AppState) -> Vec<Annotation> {
        state
            .current_doc()
            .unwrap()
            .annotations
            .iter()
            .map(|a| (**a).clone())
            .collect()
    }

    const STORY: &str = "Budget row\n“We will not cut schools,” Mayor Ana Ruiz said on Monday. The plan costs £2 million.";

    #[test]
    fn analyze_runs_once_per_engine_version_and_makes_suggestions() {
        let state = analysed(STORY);
        let all = anns(&state);
        assert!(all.iter().any(|a| a.kind == AnnotationKind::Quote));
        assert!(all.iter().any(|a| a.kind == AnnotationKind::Figure));
        assert!(all.iter().any(|a| a.kind == AnnotationKind::Speaker));
        assert!(all.iter().all(|a| a.status == Status::Suggested));
        let again = state.clone().reduce(Action::Analyze {
            force: false,
            now: 4.0,
        });
        assert!(
            Rc::ptr_eq(&again, &state),
            "no second run for the same engine version"
        );
    }

    #[test]
    fn annotation_actions_undo_and_redo_in_sequence() {
        let state = analysed(STORY);
        let start = anns(&state);
        let quote = start
            .iter()
            .find(|a| a.kind == AnnotationKind::Quote)
            .unwrap()
            .id
            .clone();
        let figures: Vec<String> = start
            .iter()
            .filter(|a| a.kind == AnnotationKind::Figure)
            .map(|a| a.id.clone())
            .collect();
        let mut states = vec![state.clone()];
        let steps = vec![
            Action::SetStatus {
                ids: vec![quote.clone()],
                status: Status::Confirmed,
                now: 5.0,
            },
            Action::SetStatus {
                ids: figures.clone(),
                status: Status::Rejected,
                now: 6.0,
            },
            Action::Annotate {
                kind: AnnotationKind::Note,
                start: 0,
                end: 6,
                now: 7.0,
            },
            Action::SetSpeaker {
                id: quote.clone(),
                speaker: SpeakerChoice::New("Ana María Ruiz".into()),
                now: 8.0,
            },
            Action::SetNote {
                id: quote.clone(),
                note: "check the date".into(),
                now: 9.0,
            },
            Action::DeleteAnnotations(vec![quote.clone()]),
        ];
        let mut current = state;
        for step in steps {
            current = current.reduce(step.clone());
            assert!(
                !Rc::ptr_eq(&current, states.last().unwrap()),
                "{step:?} changed nothing"
            );
            states.push(current.clone());
        }
        assert!(anns(&current).iter().all(|a| a.id != quote), "deleted");
        assert!(current
            .current_doc()
            .unwrap()
            .speakers
            .iter()
            .any(|s| s.name == "Ana María Ruiz"));
        // Undo everything, checking each intermediate state; then redo everything.
        for expected in states.iter().rev().skip(1) {
            current = current.reduce(Action::Undo);
            assert_eq!(anns(&current), anns(expected));
            assert_eq!(
                current.current_doc().unwrap().speakers,
                expected.current_doc().unwrap().speakers
            );
        }
        let same = current.clone().reduce(Action::Undo);
        assert!(Rc::ptr_eq(&same, &current), "nothing left to undo");
        for expected in states.iter().skip(1) {
            current = current.reduce(Action::Redo);
            assert_eq!(anns(&current), anns(expected));
        }
        // A new edit clears the redo stack.
        let current = current.reduce(Action::Undo).reduce(Action::Annotate {
            kind: AnnotationKind::Figure,
            start: 0,
            end: 3,
            now: 10.0,
        });
        assert!(current.current_doc().unwrap().history.redo.is_empty());
    }

    #[test]
    fn rerunning_the_engine_keeps_every_decision() {
        let state = analysed(STORY);
        let start = anns(&state);
        let quote = start
            .iter()
            .find(|a| a.kind == AnnotationKind::Quote)
            .unwrap()
            .id
            .clone();
        let figure = start
            .iter()
            .find(|a| a.kind == AnnotationKind::Figure)
            .unwrap()
            .id
            .clone();
        let state = state
            .reduce(Action::SetStatus {
                ids: vec![quote.clone()],
                status: Status::Confirmed,
                now: 5.0,
            })
            .reduce(Action::SetStatus {
                ids: vec![figure.clone()],
                status: Status::Rejected,
                now: 6.0,
            })
            .reduce(Action::Annotate {
                kind: AnnotationKind::Note,
                start: 0,
                end: 6,
                now: 7.0,
            });
        let before = anns(&state);
        let rerun = state.reduce(Action::Analyze {
            force: true,
            now: 8.0,
        });
        let after = anns(&rerun);
        for a in before.iter().filter(|a| a.is_decided()) {
            assert!(after.contains(a), "lost decision {a:?}");
        }
        assert_eq!(
            after.len(),
            before.len(),
            "no duplicates of decided annotations"
        );
    }

    #[test]
    fn annotate_rejects_empty_or_out_of_range_spans() {
        let state = analysed(STORY);
        let len = state.current_doc().unwrap().length;
        for (start, end) in [(5, 5), (6, 4), (len, len + 3), (10, 11)] {
            let next = state.clone().reduce(Action::Annotate {
                kind: AnnotationKind::Quote,
                start,
                end,
                now: 9.0,
            });
            let text = &state.current_doc().unwrap().text;
            let blank = text
                .chars()
                .skip(start)
                .take(end.saturating_sub(start))
                .all(char::is_whitespace);
            if start >= end || end > len || blank {
                assert!(
                    Rc::ptr_eq(&next, &state),
                    "({start}, {end}) should be refused"
                );
            }
        }
    }

    #[test]
    fn every_change_moves_modified_forward() {
        let state = analysed(STORY);
        let m0 = state.current_doc().unwrap().modified;
        let id = anns(&state)[0].id.clone();
        let state = state.reduce(Action::DeleteAnnotations(vec![id]));
        let m1 = state.current_doc().unwrap().modified;
        assert!(m1 > m0);
        let state = state.reduce(Action::Undo);
        assert!(state.current_doc().unwrap().modified > m1);
    }

    #[test]
    fn rename_and_merge_speakers_are_undoable() {
        let text = "Talks\n“We agree,” Maria Lopez said.\n“We do not,” John Carter said.\nLopez added that talks go on.";
        let state = analysed(text);
        let speakers = state.current_doc().unwrap().speakers.clone();
        let ruiz = speakers
            .iter()
            .find(|s| s.name == "Maria Lopez")
            .unwrap()
            .id
            .clone();
        let berg = speakers
            .iter()
            .find(|s| s.name == "John Carter")
            .unwrap()
            .id
            .clone();
        let renamed = state.clone().reduce(Action::RenameSpeaker {
            id: ruiz.clone(),
            name: "Ana María Ruiz".into(),
            now: 5.0,
        });
        assert!(renamed
            .current_doc()
            .unwrap()
            .speakers
            .iter()
            .any(|s| s.name == "Ana María Ruiz"));
        let merged = renamed.reduce(Action::MergeSpeakers {
            from: berg.clone(),
            into: ruiz.clone(),
            now: 6.0,
        });
        let doc = merged.current_doc().unwrap();
        assert!(doc.speakers.iter().all(|s| s.id != berg));
        assert!(doc
            .annotations
            .iter()
            .all(|a| a.speaker_id.as_deref() != Some(berg.as_str())));
        let quotes_of_ruiz = doc
            .annotations
            .iter()
            .filter(|a| {
                a.kind == AnnotationKind::Quote && a.speaker_id.as_deref() == Some(ruiz.as_str())
            })
            .count();
        assert!(quotes_of_ruiz >= 2, "{quotes_of_ruiz}");
        let back = merged.reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(anns(&back), anns(&state));
        assert_eq!(
            back.current_doc().unwrap().speakers,
            state.current_doc().unwrap().speakers
        );
        let same = back.clone().reduce(Action::MergeSpeakers {
            from: ruiz.clone(),
            into: ruiz,
            now: 7.0,
        });
        assert!(Rc::ptr_eq(&same, &back));
    }

    #[test]
    fn mark_all_occurrences_is_one_undoable_step() {
        let state = analysed("Names\nRutte met Zelensky. Later Rutte spoke.\nRutte again.");
        let text = state.current_doc().unwrap().text.clone();
        let spans = crate::model::text::occurrences(&text, "Rutte");
        assert_eq!(spans.len(), 3);
        let before = anns(&state);
        let marked = state.reduce(Action::AnnotateMany {
            kind: AnnotationKind::Note,
            spans: spans.clone(),
            now: 5.0,
        });
        let notes: Vec<_> = anns(&marked)
            .into_iter()
            .filter(|a| a.kind == AnnotationKind::Note)
            .collect();
        assert_eq!(notes.len(), 3);
        assert!(notes
            .iter()
            .all(|n| n.exact == "Rutte" && n.status == Status::Confirmed));
        // Marking again adds nothing; undo removes all three at once.
        let again = marked.clone().reduce(Action::AnnotateMany {
            kind: AnnotationKind::Note,
            spans,
            now: 6.0,
        });
        assert!(Rc::ptr_eq(&again, &marked));
        assert_eq!(anns(&marked.reduce(Action::Undo)), before);
    }
}
