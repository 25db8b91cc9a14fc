//! Local storage that never loses data.
//!
//! - A document is two entries: `sayso:text:<id>`, its text, written once; and `sayso:doc:<id>`,
//!   everything else, rewritten on each change (see [`codec::doc_entry`]). Entries written before
//!   schema 2 hold their text inline and are read as they are.
//! - Reading: every `sayso:doc:*` entry is decoded through [`crate::model::codec`]. An entry
//!   that cannot be read (or whose text cannot) is **moved aside** to a `sayso:backup:*` key (copied, then removed only
//!   once the copy is in place) and reported; if the copy fails it is left where it is and its key
//!   is never written to. A `sayso:text:*` entry without its document entry (a write or a removal
//!   that failed half-way) is opened again as a document without annotations, never dropped.
//! - Writing: quota and other failures come back as [`StorageError`]s for the caller to show; the
//!   app keeps working in memory.
//! - Unavailable storage (private mode, blocked by the browser) is reported once, and the app runs
//!   in memory only.

use crate::model::codec::{self, DecodeError, Settings, DOC_PREFIX, SETTINGS_KEY, TEXT_PREFIX};
use crate::model::Document;
use crate::state::Boot;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::JsCast;

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// `window.localStorage` is missing or throws.
    #[error("local storage is unavailable ({0})")]
    Unavailable(String),
    /// The browser refused a write because storage is full.
    #[error("local storage is full (quota exceeded)")]
    QuotaExceeded,
    /// Another failure of a read or write.
    #[error("the browser refused to {op} '{key}': {reason}")]
    Failed {
        /// "read", "write" or "remove".
        op: &'static str,
        /// The key.
        key: String,
        /// What the browser said.
        reason: String,
    },
    /// The key holds an entry that could not be read and that was kept in place.
    #[error("'{0}' holds an unreadable entry that sayso keeps as it is")]
    Protected(String),
}

fn js_reason(err: &wasm_bindgen::JsValue) -> String {
    if let Some(exc) = err.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exc.name(), exc.message());
    }
    err.as_string().unwrap_or_else(|| format!("{err:?}"))
}

fn is_quota(err: &wasm_bindgen::JsValue) -> bool {
    err.dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22)
}

/// sayso's local storage.
#[derive(Debug, Clone)]
pub struct Store {
    storage: web_sys::Storage,
    /// Keys holding unreadable entries that could not be moved aside: never written.
    protected: HashSet<String>,
    /// Documents whose text entry is in storage, read or written by this store: their text is
    /// not written again.
    texts: RefCell<HashSet<String>>,
}

impl Store {
    /// Opens the browser's local storage.
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        let storage = window
            .local_storage()
            .map_err(|e| StorageError::Unavailable(js_reason(&e)))?
            .ok_or_else(|| StorageError::Unavailable("the browser gives none".into()))?;
        Ok(Self {
            storage,
            protected: HashSet::new(),
            texts: RefCell::new(HashSet::new()),
        })
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage
            .get_item(key)
            .map_err(|e| StorageError::Failed {
                op: "read",
                key: key.to_owned(),
                reason: js_reason(&e),
            })
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.protected.contains(key) {
            return Err(StorageError::Protected(key.to_owned()));
        }
        self.storage.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                StorageError::QuotaExceeded
            } else {
                StorageError::Failed {
                    op: "write",
                    key: key.to_owned(),
                    reason: js_reason(&e),
                }
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if self.protected.contains(key) {
            return Err(StorageError::Protected(key.to_owned()));
        }
        self.storage
            .remove_item(key)
            .map_err(|e| StorageError::Failed {
                op: "remove",
                key: key.to_owned(),
                reason: js_reason(&e),
            })
    }

    /// All keys currently in local storage.
    fn keys(&self) -> Vec<String> {
        let len = self.storage.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .collect()
    }

    /// Moves an unreadable entry aside and returns the message to show.
    fn quarantine(&mut self, key: &str, raw: &str, err: &DecodeError, now: f64) -> String {
        let what = if key == SETTINGS_KEY {
            "sayso's saved settings".to_owned()
        } else {
            format!("a saved document ('{key}')")
        };
        if matches!(err, DecodeError::TooNew { .. }) {
            self.protected.insert(key.to_owned());
            return format!("Could not read {what}: it was {err}. It is left untouched.");
        }
        let backup = codec::backup_key(key, now);
        let moved = self
            .set(&backup, raw)
            .and_then(|()| match self.get(&backup)? {
                Some(copy) if copy == raw => self.remove(key),
                _ => Err(StorageError::Protected(backup.clone())),
            });
        match moved {
            Ok(()) => format!(
                "Could not read {what}: {err}. The entry was kept aside as '{backup}'; nothing was overwritten."
            ),
            Err(_) => {
                self.protected.insert(key.to_owned());
                format!(
                    "Could not read {what}: {err}. It could not be copied aside, so it is left in place and sayso will not write over it."
                )
            }
        }
    }

    /// Reads everything sayso saved. Never fails: problems are reported in [`Boot::problems`].
    pub fn load(&mut self, now: f64) -> Boot {
        let mut boot = Boot {
            storage_available: true,
            ..Boot::default()
        };
        match self.get(SETTINGS_KEY) {
            Ok(Some(raw)) => {
                boot.seen_before = true;
                match codec::decode::<Settings>(&raw) {
                    Ok(settings) => boot.current = settings.current,
                    Err(err) => {
                        let message = self.quarantine(SETTINGS_KEY, &raw, &err, now);
                        boot.problems.push(message);
                    }
                }
            }
            Ok(None) => {}
            Err(err) => boot
                .problems
                .push(format!("Could not read sayso's settings: {err}.")),
        }
        let all = self.keys();
        let mut keys: Vec<String> = all
            .iter()
            .filter(|k| k.starts_with(DOC_PREFIX))
            .cloned()
            .collect();
        keys.sort();
        let mut texts: Vec<&str> = all
            .iter()
            .filter_map(|k| k.strip_prefix(TEXT_PREFIX))
            .filter(|id| keys.binary_search(&codec::doc_key(id)).is_err())
            .collect();
        texts.sort_unstable();
        for key in keys {
            let Some(raw) = self.read_entry(&key, &mut boot) else {
                continue;
            };
            match codec::decode::<Document>(&raw) {
                Ok(mut doc) if codec::doc_key(&doc.id) == key && codec::text_apart(&doc) => {
                    match self.read_text(&mut doc) {
                        Ok(()) => boot.docs.push(doc),
                        Err(err) => {
                            let message = self.quarantine_pair(&key, &raw, &doc, &err, now);
                            boot.problems.push(message);
                        }
                    }
                }
                Ok(doc) if codec::doc_key(&doc.id) == key => boot.docs.push(doc),
                Ok(doc) => {
                    let err = DecodeError::WrongShape(format!(
                        "it holds document '{}' under another key",
                        doc.id
                    ));
                    let message = self.quarantine(&key, &raw, &err, now);
                    boot.problems.push(message);
                }
                Err(err) => {
                    let message = self.quarantine(&key, &raw, &err, now);
                    boot.problems.push(message);
                }
            }
        }
        for id in texts {
            self.recover(id, now, &mut boot);
        }
        boot
    }

    /// The raw value of an entry that was listed (so sayso has been used before), if it is still
    /// there; a failed read is reported in `boot`.
    fn read_entry(&self, key: &str, boot: &mut Boot) -> Option<String> {
        boot.seen_before = true;
        match self.get(key) {
            Ok(raw) => raw,
            Err(err) => {
                boot.problems
                    .push(format!("Could not read '{key}': {err}."));
                None
            }
        }
    }

    /// Opens again, without annotations, the article of a text entry whose document entry is
    /// missing (a save that wrote the text but failed to write the entry, or a removal that
    /// removed the entry but failed to remove the text): the text is never dropped unseen. The
    /// document is saved under the same id on the next save.
    fn recover(&mut self, id: &str, now: f64, boot: &mut Boot) {
        let key = codec::text_key(id);
        let Some(raw) = self.read_entry(&key, boot) else {
            return;
        };
        match codec::decode::<String>(&raw) {
            Ok(text) => {
                let mut doc = Document::new(&text, None, now);
                // the same id, so that the next save writes the entry beside this text (and
                // the text again, normalised as every opened article is)
                doc.id = id.to_owned();
                boot.problems.push(format!(
                    "Found the text of an article whose saved annotations are missing ('{key}'): it is open again as '{}', without annotations.",
                    doc.title
                ));
                boot.recovered.push(doc.id.clone());
                boot.docs.push(doc);
            }
            Err(err) => {
                let message = self.quarantine(&key, &raw, &err, now);
                boot.problems.push(message);
            }
        }
    }

    /// Reads the text entry of a document whose entry keeps it apart, into the document.
    fn read_text(&self, doc: &mut Document) -> Result<(), DecodeError> {
        let key = codec::text_key(&doc.id);
        let raw = match self.get(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => {
                return Err(DecodeError::WrongShape(format!(
                    "its text ('{key}') is missing"
                )))
            }
            Err(err) => {
                return Err(DecodeError::WrongShape(format!(
                    "its text could not be read: {err}"
                )))
            }
        };
        codec::attach_text(doc, &raw)
            .map_err(|err| DecodeError::WrongShape(format!("its text ('{key}') is {err}")))?;
        self.texts.borrow_mut().insert(doc.id.clone());
        Ok(())
    }

    /// Moves aside a document entry whose text entry cannot be read, with that text entry if
    /// there is one, and returns the message to show.
    fn quarantine_pair(
        &mut self,
        key: &str,
        raw: &str,
        doc: &Document,
        err: &DecodeError,
        now: f64,
    ) -> String {
        let text_key = codec::text_key(&doc.id);
        if let Ok(Some(text)) = self.get(&text_key) {
            let _ = self.quarantine(&text_key, &text, err, now);
        }
        let message = self.quarantine(key, raw, err, now);
        format!("{message} Its annotations are kept in that entry.")
    }

    /// Writes `doc`: its text once (under [`codec::text_key`], the first time this store sees
    /// the document), then its entry (without its untouched suggestions: see
    /// [`Document::for_storage`]). Text first, so that an entry never points to a missing text.
    pub fn save_doc(&self, doc: &Document) -> Result<(), StorageError> {
        if !self.texts.borrow().contains(&doc.id) {
            self.set(&codec::text_key(&doc.id), &codec::encode(&*doc.text))?;
            self.texts.borrow_mut().insert(doc.id.clone());
        }
        self.set(&codec::doc_key(&doc.id), &codec::doc_entry(doc))
    }

    /// Removes a document's entry, then its text.
    pub fn remove_doc(&self, id: &str) -> Result<(), StorageError> {
        self.remove(&codec::doc_key(id))?;
        self.texts.borrow_mut().remove(id);
        self.remove(&codec::text_key(id))
    }

    /// Writes the settings.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StorageError> {
        self.set(SETTINGS_KEY, &codec::encode(settings))
    }

    /// Brings storage in line with `docs` and `current`: writes documents whose `modified` time
    /// differs from what `saved` records, removes entries of documents no longer there, and
    /// records what was written in `saved`. Goes on past a failed write and returns the first
    /// error.
    pub fn sync(
        &self,
        docs: &[std::rc::Rc<Document>],
        current: Option<&String>,
        saved: &mut HashMap<String, f64>,
    ) -> Result<(), StorageError> {
        let mut first_error = None;
        for doc in docs {
            if saved.get(&doc.id) == Some(&doc.modified) {
                continue;
            }
            match self.save_doc(doc) {
                Ok(()) => {
                    saved.insert(doc.id.clone(), doc.modified);
                }
                Err(err) => {
                    first_error.get_or_insert(err);
                }
            }
        }
        let gone: Vec<String> = saved
            .keys()
            .filter(|id| !docs.iter().any(|d| &d.id == *id))
            .cloned()
            .collect();
        for id in gone {
            match self.remove_doc(&id) {
                Ok(()) => {
                    saved.remove(&id);
                }
                Err(err) => {
                    first_error.get_or_insert(err);
                }
            }
        }
        let settings = Settings {
            current: current.cloned(),
        };
        if let Err(err) = self.save_settings(&settings) {
            first_error.get_or_insert(err);
        }
        first_error.map_or(Ok(()), Err)
    }
}

/// Opens storage and reads it; when storage is unavailable, says so and starts in memory.
pub fn boot(now: f64) -> (Option<Store>, Boot) {
    match Store::open() {
        Ok(mut store) => {
            let boot = store.load(now);
            (Some(store), boot)
        }
        Err(err) => (
            None,
            Boot {
                problems: vec![format!(
                    "Your browser does not let sayso use {err}: sayso works in memory only, so export or copy your work before closing this tab."
                )],
                ..Boot::default()
            },
        ),
    }
}
