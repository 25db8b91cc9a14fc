//! Browser tests: run in headless Chromium by `wasm-bindgen-test-runner` (`make test-browser`).
//!
//! Each test mounts the real app into its own element, drives it through the DOM, waits on
//! conditions (never a fixed sleep), and unmounts it.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use sayso::app::{App, SAMPLE_ARTICLE};
use sayso::model::codec;
use sayso::model::Document;
use sayso::web::storage::{StorageError, Store};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE_TITLE: &str = "Zelensky Calls for Stronger US Support After Tense White House Meeting";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn keys() -> Vec<String> {
    let s = storage();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .collect()
}

fn clear_storage() {
    storage().clear().unwrap();
}

struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Mounted {
    fn new() -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        Self {
            root,
            handle: Some(handle),
        }
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    fn text(&self, selector: &str) -> Option<String> {
        self.root
            .query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
    }

    fn click(&self, selector: &str) {
        let el = self
            .root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"));
        el.dyn_into::<HtmlElement>().unwrap().click();
    }

    /// Waits until `cond` holds, yielding to the browser between checks; fails after 10 s.
    async fn until(&self, what: &str, cond: impl Fn(&Self) -> bool) {
        let start = js_sys::Date::now();
        while !cond(self) {
            assert!(
                js_sys::Date::now() - start < 10_000.0,
                "timed out waiting for {what}; library: {:?}; storage keys: {:?}; body: {:?}",
                self.all("[data-testid=library-item]")
                    .iter()
                    .map(|e| e.text_content())
                    .collect::<Vec<_>>(),
                keys(),
                self.root
                    .text_content()
                    .map(|t| t.chars().take(300).collect::<String>())
            );
            gloo::timers::future::TimeoutFuture::new(5).await;
        }
    }

    async fn paste(&self, text: &str) {
        if self
            .root
            .query_selector("[data-testid=paste]")
            .unwrap()
            .is_none()
        {
            self.click("[data-testid=paste-toggle]");
            self.until("the paste box", |m| m.all("[data-testid=paste]").len() == 1)
                .await;
        }
        let area: HtmlTextAreaElement = self
            .root
            .query_selector("[data-testid=paste]")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        area.set_value(text);
        self.click("[data-testid=paste-submit]");
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

/// A `File` as the browser makes it from a picker or a drop.
fn file(name: &str, mime: &str, bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &options).unwrap()
}

fn transfer(files: &[web_sys::File]) -> web_sys::DataTransfer {
    let dt = web_sys::DataTransfer::new().unwrap();
    for f in files {
        dt.items().add_with_file(f).unwrap();
    }
    dt
}

/// Drops files on the app, as a drag from the desktop does.
fn drop_files(app: &Mounted, files: &[web_sys::File]) {
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer(files)));
    let over = web_sys::DragEvent::new_with_event_init_dict("dragover", &init).unwrap();
    let drop = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    let target = app
        .root
        .query_selector("[data-testid=article]")
        .unwrap()
        .unwrap();
    target.dispatch_event(&over).unwrap();
    target.dispatch_event(&drop).unwrap();
}

/// Picks files in the "Open file" input.
fn pick_files(app: &Mounted, files: &[web_sys::File]) {
    let input: web_sys::HtmlInputElement = app
        .root
        .query_selector("[data-testid=open-file]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_files(transfer(files).files().as_ref());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
}

fn doc_keys() -> Vec<String> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with(codec::DOC_PREFIX))
        .collect()
}

/// Fills local storage with junk until the browser refuses; returns the junk keys.
fn fill_storage() -> Vec<String> {
    let s = storage();
    let mut junk = Vec::new();
    let mut chunk = "x".repeat(1 << 20);
    let mut i = 0;
    while chunk.len() >= 16 {
        let key = format!("junk:{i}");
        if s.set_item(&key, &chunk).is_ok() {
            junk.push(key);
            i += 1;
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
    junk
}

#[wasm_bindgen_test]
async fn app_mounts_and_shows_the_sample_on_first_open() {
    clear_storage();
    let app = Mounted::new();
    app.until("the sample title", |m| {
        m.text("[data-testid=article-title]").as_deref() == Some(SAMPLE_TITLE)
    })
    .await;
    assert_eq!(app.all("[data-testid=library-item]").len(), 1);
    let paras = app.all("[data-testid=article] p");
    assert!(
        paras.len() > 10,
        "the sample has many paragraphs, got {}",
        paras.len()
    );
    assert!(paras[0]
        .text_content()
        .unwrap()
        .starts_with("Ukrainian President Volodymyr Zelensky"));
    app.until("the sample to be saved", |_| doc_keys().len() == 1)
        .await;
    app.until("the saved status", |m| {
        m.text("[data-testid=save-status]").as_deref() == Some("Saved")
    })
    .await;
}

#[wasm_bindgen_test]
fn storage_round_trip_and_quota_error() {
    clear_storage();
    let mut store = Store::open().unwrap();
    let doc = Document::new(
        "Round trip 🗳️\nTête-à-tête “quoted” 新闻",
        Some("t.txt".into()),
        42.0,
    );
    store.save_doc(&doc).unwrap();
    let boot = store.load(1.0);
    assert_eq!(boot.docs, vec![doc.clone()]);
    assert!(boot.problems.is_empty());
    assert!(boot.seen_before);

    let junk = fill_storage();
    let bigger = Document::new(&format!("Big\n{}", "y".repeat(4096)), None, 43.0);
    assert_eq!(store.save_doc(&bigger), Err(StorageError::QuotaExceeded));
    for key in junk {
        storage().remove_item(&key).unwrap();
    }
    store.save_doc(&bigger).unwrap();
    clear_storage();
}

#[wasm_bindgen_test]
async fn corrupt_storage_shows_a_banner_and_keeps_the_bad_value() {
    clear_storage();
    let bad = "{\"app\":\"sayso\",\"schema\":1,\"data\":{\"text\": oops";
    storage().set_item("sayso:doc:dbad", bad).unwrap();
    storage()
        .set_item(codec::SETTINGS_KEY, "not json at all")
        .unwrap();
    let app = Mounted::new();
    app.until("two storage banners", |m| {
        m.all("[data-testid=storage-banner]").len() == 2
    })
    .await;
    let banners: Vec<String> = app
        .all("[data-testid=storage-banner]")
        .iter()
        .map(|b| b.text_content().unwrap())
        .collect();
    assert!(
        banners
            .iter()
            .any(|b| b.contains("sayso:doc:dbad") && b.contains("kept aside")),
        "{banners:?}"
    );
    assert!(
        banners.iter().any(|b| b.contains("settings")),
        "{banners:?}"
    );
    // The bad values are kept, byte for byte, under backup keys; nothing overwrote them.
    let backups: Vec<String> = keys()
        .into_iter()
        .filter(|k| k.starts_with(codec::BACKUP_PREFIX))
        .collect();
    let values: Vec<String> = backups
        .iter()
        .map(|k| storage().get_item(k).unwrap().unwrap())
        .collect();
    assert!(values.contains(&bad.to_owned()), "{values:?}");
    assert!(values.contains(&"not json at all".to_owned()), "{values:?}");
    // The app keeps working: the library is empty (sayso had been used), paste still works.
    app.until("the empty state", |m| {
        m.all("[data-testid=empty-state]").len() == 1
    })
    .await;
    app.paste("After corruption\nStill works.").await;
    app.until("the pasted article", |m| {
        m.text("[data-testid=article-title]").as_deref() == Some("After corruption")
    })
    .await;
    app.until("the pasted article saved", |_| doc_keys().len() == 1)
        .await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_second_document_appears_in_the_library_and_survives_a_remount() {
    clear_storage();
    {
        let app = Mounted::new();
        app.until("the sample", |m| {
            m.all("[data-testid=library-item]").len() == 1
        })
        .await;
        app.paste("Second article\nIts body, with “quotes” and 🗳️.")
            .await;
        app.until("two library items", |m| {
            m.all("[data-testid=library-item]").len() == 2
        })
        .await;
        assert_eq!(
            app.text("[data-testid=article-title]").as_deref(),
            Some("Second article")
        );
        // Opening the same text again does not duplicate it.
        app.paste("Second article\r\nIts body, with “quotes” and 🗳️.")
            .await;
        app.until("the already-open notice", |m| {
            m.all("[data-testid=input-info]").len() == 1
        })
        .await;
        assert_eq!(app.all("[data-testid=library-item]").len(), 2);
        app.until("both saved", |_| doc_keys().len() == 2).await;
    }
    // A fresh mount (as after a reload) shows both, with the last opened one open.
    let app = Mounted::new();
    app.until("two library items after remount", |m| {
        m.all("[data-testid=library-item]").len() == 2
    })
    .await;
    assert_eq!(
        app.text("[data-testid=article-title]").as_deref(),
        Some("Second article")
    );
    // Delete it, then undo.
    app.click("[data-testid=library-item][data-doc-id] [data-testid=delete-document]");
    app.until("one item after delete", |m| {
        m.all("[data-testid=library-item]").len() == 1
    })
    .await;
    app.until("the delete saved", |_| doc_keys().len() == 1)
        .await;
    app.click("[data-testid=undo-delete]");
    app.until("two items after undo", |m| {
        m.all("[data-testid=library-item]").len() == 2
    })
    .await;
    app.until("the undo saved", |_| doc_keys().len() == 2).await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn empty_paste_shows_a_message_and_changes_nothing() {
    clear_storage();
    let app = Mounted::new();
    app.until("the sample", |m| {
        m.all("[data-testid=library-item]").len() == 1
    })
    .await;
    app.paste("   \n  ").await;
    app.until("the input error", |m| {
        m.all("[role=alert][data-testid=input-error]").len() == 1
    })
    .await;
    assert!(app
        .text("[data-testid=input-error]")
        .unwrap()
        .contains("empty"));
    assert_eq!(app.all("[data-testid=library-item]").len(), 1);
    assert_eq!(
        app.text("[data-testid=article-title]").as_deref(),
        Some(SAMPLE_TITLE)
    );
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_changes_in_memory_and_retries() {
    clear_storage();
    let app = Mounted::new();
    app.until("the sample saved", |_| doc_keys().len() == 1)
        .await;
    let junk = fill_storage();
    app.paste(&format!("Too big to save\n{}", "z".repeat(64 * 1024)))
        .await;
    app.until("the save-failed banner", |m| {
        m.all("[data-testid=storage-banner]")
            .iter()
            .any(|b| b.text_content().unwrap().contains("full"))
    })
    .await;
    app.until("the not-saved status", |m| {
        m.text("[data-testid=save-status]").as_deref() == Some("Not saved")
    })
    .await;
    assert_eq!(
        app.text("[data-testid=article-title]").as_deref(),
        Some("Too big to save"),
        "kept in memory"
    );
    for key in junk {
        storage().remove_item(&key).unwrap();
    }
    app.click("[data-testid=retry-save]");
    app.until("saved after retry", |m| {
        m.text("[data-testid=save-status]").as_deref() == Some("Saved")
    })
    .await;
    assert_eq!(doc_keys().len(), 2);
    assert!(app.all("[data-testid=storage-banner]").is_empty());
    let _ = SAMPLE_ARTICLE;
    clear_storage();
}

#[wasm_bindgen_test]
async fn dropping_an_html_file_opens_its_readable_text() {
    clear_storage();
    let app = Mounted::new();
    app.until("the sample", |m| {
        m.all("[data-testid=library-item]").len() == 1
    })
    .await;
    let html = "<html><head><title>Tab title</title><script>steal()</script></head>\
                <body><h1>Dropped &amp; read</h1><p>First&nbsp;para with “quotes”.</p>\
                <style>p{}</style><p>Second<br>line</p></body></html>";
    drop_files(&app, &[file("story.html", "text/html", html.as_bytes())]);
    app.until("the dropped article", |m| {
        m.text("[data-testid=article-title]").as_deref() == Some("Dropped & read")
    })
    .await;
    let body = app.text("[data-testid=article]").unwrap();
    assert!(body.contains("First\u{a0}para with “quotes”."), "{body}");
    assert!(body.contains("Second") && body.contains("line"));
    assert!(
        !body.contains("steal") && !body.contains("p{}") && !body.contains("Tab title"),
        "{body}"
    );
    assert_eq!(app.all("[data-testid=library-item]").len(), 2);
    clear_storage();
}

#[wasm_bindgen_test]
async fn picking_a_text_file_opens_it_and_bad_files_get_a_message() {
    clear_storage();
    let app = Mounted::new();
    app.until("the sample", |m| {
        m.all("[data-testid=library-item]").len() == 1
    })
    .await;
    pick_files(
        &app,
        &[file(
            "notes.md",
            "text/markdown",
            "# Picked file\r\nBody 🗳️".as_bytes(),
        )],
    );
    app.until("the picked article", |m| {
        m.text("[data-testid=article-title]").as_deref() == Some("Picked file")
    })
    .await;
    let cases: [(&str, &str, &[u8], &str); 4] = [
        ("binary", "data.txt", b"ab\0\x01cd", "looks binary"),
        (
            "invalid utf-8",
            "latin1.txt",
            b"caf\xe9 au lait",
            "not valid UTF-8",
        ),
        ("not text", "photo.png", b"\x89PNG", "not a text file"),
        ("empty", "empty.txt", b"  \n ", "is empty"),
    ];
    for (name, file_name, bytes, message) in cases {
        if app.all("[data-testid=input-error]").len() == 1 {
            app.click("[data-testid=input-error] button");
            app.until("the message dismissed", |m| {
                m.all("[data-testid=input-error]").is_empty()
            })
            .await;
        }
        pick_files(&app, &[file(file_name, "", bytes)]);
        app.until(name, |m| {
            m.text("[data-testid=input-error]")
                .is_some_and(|t| t.contains(message) && t.contains(file_name))
        })
        .await;
        assert_eq!(
            app.all("[data-testid=library-item]").len(),
            2,
            "case {name}: nothing opened"
        );
        assert_eq!(
            app.text("[data-testid=article-title]").as_deref(),
            Some("Picked file"),
            "case {name}"
        );
    }
    clear_storage();
}

/// Selects the code points `start..end` of the paragraph that contains `needle`, through real
/// DOM ranges over the rendered text nodes (UTF-16 offsets), and fires `mouseup`.
fn select_in_paragraph(app: &Mounted, needle: &str, from: &str, to_end_of: &str) {
    let para = app
        .all("[data-cp-start]")
        .into_iter()
        .find(|p| p.text_content().unwrap().contains(needle))
        .expect("paragraph");
    let text = para.text_content().unwrap();
    let start16 =
        text.encode_utf16().count() - text[text.find(from).unwrap()..].encode_utf16().count();
    let end_byte = text.find(to_end_of).unwrap() + to_end_of.len();
    let end16 = text[..end_byte].encode_utf16().count();
    let range = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_range()
        .unwrap();
    let walker = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_tree_walker_with_what_to_show(&para, 4)
        .unwrap();
    let mut pos = 0usize;
    while let Some(node) = walker.next_node().unwrap() {
        let len = node.text_content().unwrap().encode_utf16().count();
        if start16 >= pos && start16 < pos + len {
            range.set_start(&node, (start16 - pos) as u32).unwrap();
        }
        if end16 > pos && end16 <= pos + len {
            range.set_end(&node, (end16 - pos) as u32).unwrap();
        }
        pos += len;
    }
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    para.dispatch_event(
        &web_sys::MouseEvent::new_with_mouse_event_init_dict("mouseup", &init).unwrap(),
    )
    .unwrap();
}

/// The text of the one storage banner, once it is shown.
async fn one_storage_banner(app: &Mounted) -> String {
    app.until("a storage banner", |m| {
        m.all("[data-testid=storage-banner]").len() == 1
    })
    .await;
    app.text("[data-testid=storage-banner]").unwrap()
}

/// The saved document with this title, once the (debounced) save has written it, with its
/// text read back from its own entry.
fn saved(title: &str) -> Option<Document> {
    doc_keys()
        .iter()
        .filter_map(|k| codec::decode::<Document>(&storage().get_item(k).ok()??).ok())
        .find(|d| d.title == title)
        .and_then(|mut doc| {
            if codec::text_apart(&doc) {
                let raw = storage().get_item(&codec::text_key(&doc.id)).ok()??;
                codec::attach_text(&mut doc, &raw).ok()?;
            }
            Some(doc)
        })
}

fn saved_doc(title: &str) -> Document {
    saved(title).expect("saved document")
}

#[wasm_bindgen_test]
async fn selections_become_code_point_offsets_on_emoji_cjk_and_combining_marks_and_whole_words() {
    clear_storage();
    let app = Mounted::new();
    app.until("the sample", |m| {
        m.all("[data-testid=library-item]").len() == 1
    })
    .await;
    let text =
        "Offsets test\nThe 👨🏻‍🚒 firefighter read 新闻报道 about the e\u{301}tude, 🗳️ then left.";
    app.paste(text).await;
    app.until("the pasted text", |m| {
        m.text("[data-testid=article-title]").as_deref() == Some("Offsets test")
    })
    .await;
    for (from, to, kind_key) in [
        ("firefighter", "firefighter", "make-quote"),
        ("新闻", "报道", "make-figure"),
        ("e\u{301}tude", "e\u{301}tude", "make-note"),
        // Starts inside the ZWJ sequence: widened to the whole cluster.
        ("\u{1f692} fire", "about", "make-speaker"),
        // Starts inside "about": widened to the whole word.
        ("out the", "the", "make-quote"),
    ] {
        select_in_paragraph(&app, "firefighter", from, to);
        app.until("the toolbar", |m| {
            m.all("[data-testid=selection-toolbar]").len() == 1
        })
        .await;
        app.click(&format!("[data-testid={kind_key}]"));
        app.until("the toolbar gone", |m| {
            m.all("[data-testid=selection-toolbar]").is_empty()
        })
        .await;
    }
    app.until("five annotations saved", |_| {
        saved("Offsets test").is_some_and(|doc| {
            doc.annotations
                .iter()
                .filter(|a| a.id.starts_with('m'))
                .count()
                == 5
        })
    })
    .await;
    let doc = saved_doc("Offsets test");
    for (exact, kind) in [
        ("firefighter", "quote"),
        ("新闻报道", "figure"),
        ("e\u{301}tude", "note"),
        ("👨🏻‍🚒 firefighter read 新闻报道 about", "speaker"),
        ("about the", "quote"),
    ] {
        let a = doc
            .annotations
            .iter()
            .find(|a| a.exact == exact)
            .unwrap_or_else(|| {
                let all: Vec<&str> = doc.annotations.iter().map(|a| a.exact.as_str()).collect();
                panic!("no {exact:?} in {all:?}")
            });
        assert_eq!(a.kind.as_str(), kind);
        let want_start = text[..text.find(exact).unwrap()].chars().count();
        assert_eq!(
            (a.start, a.end),
            (want_start, want_start + exact.chars().count()),
            "{exact}"
        );
        // One fragment, or several in a row when an engine suggestion crosses it: together,
        // exactly its text.
        let rendered = app.all(&format!("mark[data-ann-id='{}']", a.id));
        let shown: String = rendered.iter().filter_map(|m| m.text_content()).collect();
        assert_eq!(shown, exact, "in {} fragments", rendered.len());
    }
    clear_storage();
}

#[wasm_bindgen_test]
async fn overlaps_render_nested_and_split_across_paragraphs() {
    clear_storage();
    let app = Mounted::new();
    app.until("the sample", |m| {
        m.all("[data-testid=library-item]").len() == 1
    })
    .await;
    let text = "Overlap test\n“We spent £5 million on new schools this year,” Mayor Ana Ruiz said on Monday.\nShe added that the council would borrow more.";
    app.paste(text).await;
    app.until("a figure inside a quote", |m| {
        m.all("mark[data-kind=quote] mark[data-kind=figure]")
            .iter()
            .any(|f| f.text_content().unwrap() == "£5 million")
    })
    .await;
    // A quote made across the two paragraphs renders as one fragment in each, same id.
    select_in_paragraph(&app, "Mayor", "Monday", "Monday.");
    app.until("the toolbar", |m| {
        m.all("[data-testid=selection-toolbar]").len() == 1
    })
    .await;
    // Extend the selection into the next paragraph with a second range end.
    let paras = app.all("[data-cp-start]");
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    let last = paras.last().unwrap();
    let walker = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_tree_walker_with_what_to_show(last, 4)
        .unwrap();
    let first_text = walker.next_node().unwrap().unwrap();
    selection.extend_with_offset(&first_text, 3).unwrap();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    last.dispatch_event(
        &web_sys::MouseEvent::new_with_mouse_event_init_dict("mouseup", &init).unwrap(),
    )
    .unwrap();
    app.until("the toolbar preview", |m| {
        m.text("[data-testid=selection-toolbar] .preview")
            .is_some_and(|t| t.contains("She"))
    })
    .await;
    app.click("[data-testid=make-quote]");
    app.until("two fragments of one quote", |m| {
        let marks = m.all("mark[data-kind=quote][data-status=confirmed]");
        marks.len() == 2
            && marks[0].get_attribute("data-ann-id") == marks[1].get_attribute("data-ann-id")
    })
    .await;
    let marks = app.all("mark[data-kind=quote][data-status=confirmed]");
    assert_eq!(marks[0].text_content().unwrap(), "Monday.");
    assert_eq!(marks[1].text_content().unwrap(), "She");
    clear_storage();
}

#[wasm_bindgen_test]
async fn highlights_keep_the_text_as_it_is_and_a_decision_changes_the_mark_in_place() {
    clear_storage();
    let app = Mounted::new();
    app.until("the sample", |m| {
        m.all("[data-testid=library-item]").len() == 1
    })
    .await;
    // Markup characters are text (the article is written into the page as HTML), and a NUL
    // (which the HTML parser would drop) is kept: that paragraph is built node by node.
    let lines = [
        "Markup test",
        "“Prices <b>rise</b> & \"fall\" &amp; more,” Mayor Ana Ruiz said on Monday.",
        "A NUL \u{0} here, and “we will hire 14 <i>teachers</i>,” Ana Ruiz said.",
        "A line with no highlight: <p>&lt;</p>",
    ];
    app.paste(&lines.join("\n")).await;
    app.until("the quotes", |m| m.all("mark[data-kind=quote]").len() == 2)
        .await;
    app.until("the document saved", |_| saved("Markup test").is_some())
        .await;
    assert!(
        saved_doc("Markup test").text.contains('\0'),
        "the NUL reached the document"
    );
    let paras: Vec<String> = app
        .all("[data-cp-start]")
        .iter()
        .map(|p| p.text_content().unwrap())
        .collect();
    assert_eq!(paras, lines[1..]);
    let quotes: Vec<String> = app
        .all("mark[data-kind=quote]")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert!(
        quotes[0].contains("<b>rise</b> & \"fall\" &amp;"),
        "{quotes:?}"
    );
    assert!(quotes[1].contains("<i>teachers</i>"), "{quotes:?}");
    for mark in app.all("mark[data-ann-id]") {
        assert_eq!(mark.get_attribute("tabindex").as_deref(), Some("0"));
        assert!(mark
            .get_attribute("title")
            .unwrap()
            .ends_with("· suggested"));
    }
    // Opening and accepting a highlight changes the mark element that is there (focus and a
    // text selection stay on it), not a new one.
    for quote in 0..2 {
        let mark = app.all("mark[data-kind=quote]")[quote].clone();
        let id = mark.get_attribute("data-ann-id").unwrap();
        mark.clone()
            .dyn_into::<HtmlElement>()
            .unwrap()
            .focus()
            .unwrap();
        mark.clone().dyn_into::<HtmlElement>().unwrap().click();
        let inspecting = format!("[data-testid=inspector][data-inspects='{id}']");
        app.until("the inspector", |m| m.all(&inspecting).len() == 1)
            .await;
        app.until("the mark selected", |_| {
            mark.get_attribute("class")
                .is_some_and(|c| c.ends_with(" selected"))
        })
        .await;
        app.click("[data-testid=accept]");
        app.until("the mark confirmed", |_| {
            mark.get_attribute("data-status").as_deref() == Some("confirmed")
        })
        .await;
        assert!(mark.is_connected(), "the same mark is in the page");
        assert_eq!(
            mark.get_attribute("class").as_deref(),
            Some("ann k-quote s-confirmed selected")
        );
        assert!(mark
            .get_attribute("title")
            .unwrap()
            .ends_with("· confirmed"));
        let active = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .and_then(|e| e.get_attribute("data-ann-id"));
        assert_eq!(active.as_deref(), Some(id.as_str()), "focus stays");
    }
    clear_storage();
}

#[wasm_bindgen_test]
async fn mark_all_occurrences_reviews_and_marks_them_in_one_step() {
    clear_storage();
    let app = Mounted::new();
    app.until("the sample", |m| {
        m.all("[data-testid=library-item]").len() == 1
    })
    .await;
    app.paste("Occurrences\nThe harbour board met. A harbour fee rose.\nHarbourside shops and the harbour itself.").await;
    app.until("the pasted text", |m| {
        m.text("[data-testid=article-title]").as_deref() == Some("Occurrences")
    })
    .await;
    select_in_paragraph(&app, "board", "harbour", "harbour");
    app.until("the toolbar", |m| {
        m.all("[data-testid=mark-all]").len() == 1
    })
    .await;
    app.click("[data-testid=mark-all]");
    app.until("the review list", |m| m.all("[data-testid=hit]").len() == 3)
        .await;
    // Leave the second one out.
    app.all("[data-testid=hit]")[1]
        .clone()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    app.click("[data-testid=mark-all-note]");
    app.until("two notes", |m| m.all("mark[data-kind=note]").len() == 2)
        .await;
    assert!(app
        .all("mark[data-kind=note]")
        .iter()
        .all(|n| n.text_content().unwrap() == "harbour"));
    assert!(app.all("[data-testid=mark-all-panel]").is_empty());
    // One undo removes both.
    app.click("[data-testid=undo]");
    app.until("notes undone", |m| m.all("mark[data-kind=note]").is_empty())
        .await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn the_quotes_panel_lists_at_most_its_row_budget_and_counts_all() {
    clear_storage();
    let app = Mounted::new();
    app.until("the sample", |m| {
        m.all("[data-testid=library-item]").len() == 1
    })
    .await;
    let mut text = String::from("Many quotes\n");
    for i in 0..260 {
        text.push_str(&format!(
            "“Point number {i} matters to us,” Maria Lopez said on Tuesday.\n"
        ));
    }
    app.paste(&text).await;
    app.until("the quotes counted", |m| {
        m.text("[data-testid=quotes] .count").as_deref() == Some("260")
    })
    .await;
    let rows = app
        .all("[data-testid=quotes] [data-testid=quote-item]")
        .len();
    assert_eq!(rows, sayso::components::MAX_ROWS);
    let note = app
        .text("[data-testid=quotes] .legend-note")
        .expect("a note on the quotes not listed");
    assert!(note.starts_with("60 more not listed"), "{note}");
    // Let the debounced save land before clearing, so it cannot write into the next test.
    app.until("saved", |m| {
        m.text("[data-testid=save-status]").as_deref() == Some("Saved")
    })
    .await;
    clear_storage();
}

/// `sayso.analyze(text)` (src/web/api.rs) gives scripts the same report as `sayso-cli analyze`:
/// the JavaScript object, turned into JSON by the browser, equals the CLI's JSON for the text,
/// offsets in code points; a non-string argument is an error, not a panic.
#[wasm_bindgen_test]
fn the_script_api_returns_the_cli_report() {
    use sayso::web::api::analyze_js;
    let text = "🗳️ “We will not raise taxes,” Finance Minister Ana Ruiz said on Monday. \
                She added that the plan would cost £2.3 billion, up 4%.";
    let js = analyze_js(wasm_bindgen::JsValue::from_str(text)).unwrap();
    let js_json = String::from(js_sys::JSON::stringify(&js).unwrap());
    let report = sayso::model::report::report(None, text, &sayso::engine::analyze(text));
    // Through JSON.parse, so that both sides write numbers the JavaScript way (2300000000, not
    // serde_json's 2300000000.0).
    let cli_json = serde_json::to_string(&report).unwrap();
    let cli_as_js = js_sys::JSON::parse(&cli_json).unwrap();
    assert_eq!(
        js_json,
        String::from(js_sys::JSON::stringify(&cli_as_js).unwrap())
    );
    let from_js: serde_json::Value = serde_json::from_str(&js_json).unwrap();
    let quote = &from_js["quotes"][0];
    assert_eq!(quote["text"], "We will not raise taxes,");
    assert_eq!(
        quote["start"], 4,
        "code points: 🗳️ is two, then a space and “"
    );
    assert_eq!(quote["speaker"], "Ana Ruiz");
    assert!(from_js["figures"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "money" && f["unit"] == "GBP"));
    assert!(analyze_js(wasm_bindgen::JsValue::from_f64(3.0)).is_err());
}

/// A document is saved as two entries: its text once, and the rest (annotations, history) on
/// every change, so that a decision on a long article does not write the article again. A text
/// entry that has gone missing is reported, and the document's entry is kept aside, not dropped.
#[wasm_bindgen_test]
async fn the_text_is_written_once_and_a_missing_text_is_reported_and_kept_aside() {
    clear_storage();
    let doc_entry;
    {
        let app = Mounted::new();
        app.until("the sample", |m| {
            m.all("[data-testid=library-item]").len() == 1
        })
        .await;
        app.paste("Text apart\n“We will build it by spring,” Mayor Ana Ruiz said on Monday.")
            .await;
        app.until("the pasted article saved", |_| {
            saved("Text apart").is_some()
        })
        .await;
        let doc = saved_doc("Text apart");
        assert!(doc.text.contains("We will build it"));
        let text_key = codec::text_key(&doc.id);
        let entry = storage()
            .get_item(&codec::doc_key(&doc.id))
            .unwrap()
            .unwrap();
        assert!(!entry.contains("We will build it"), "{entry}");
        // The same text in a form sayso never writes: a save that wrote the text again would
        // bring back sayso's own form.
        let raw = storage().get_item(&text_key).unwrap().unwrap();
        let marked = raw.replacen('{', "{ ", 1);
        storage().set_item(&text_key, &marked).unwrap();
        // the analysis runs after the first paint, which can come after the first save
        app.until("the quote highlighted", |m| {
            !m.all("mark[data-kind=quote]").is_empty()
        })
        .await;
        app.click("mark[data-kind=quote]");
        app.until("the inspector", |m| {
            m.all("[data-testid=accept]").len() == 1
        })
        .await;
        app.click("[data-testid=accept]");
        app.until("the decision saved", |_| {
            saved("Text apart").is_some_and(|d| d.annotations.iter().any(|a| a.is_decided()))
        })
        .await;
        app.until("the save finished", |m| {
            m.text("[data-testid=save-status]").as_deref() == Some("Saved")
        })
        .await;
        assert_eq!(storage().get_item(&text_key).unwrap(), Some(marked));
        doc_entry = storage()
            .get_item(&codec::doc_key(&doc.id))
            .unwrap()
            .unwrap();
        storage().remove_item(&text_key).unwrap();
    }
    let app = Mounted::new();
    let banner = one_storage_banner(&app).await;
    assert!(
        banner.contains("is missing") && banner.contains("kept aside"),
        "{banner}"
    );
    let backups: Vec<String> = keys()
        .into_iter()
        .filter(|k| k.starts_with(codec::BACKUP_PREFIX))
        .map(|k| storage().get_item(&k).unwrap().unwrap())
        .collect();
    assert_eq!(backups, vec![doc_entry], "the entry, byte for byte");
    assert!(!app
        .all("[data-testid=library-item]")
        .iter()
        .any(|e| e.text_content().unwrap_or_default().contains("Text apart")));
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_text_without_its_document_entry_is_opened_again_and_saved() {
    clear_storage();
    // What a save leaves when the browser refuses the document's entry after taking its text.
    let doc = Document::new(
        "Recovered story\n“We will reopen the bridge in May,” Mayor Ana Ruiz said.",
        None,
        1.0,
    );
    storage()
        .set_item(&codec::text_key(&doc.id), &codec::encode(&*doc.text))
        .unwrap();
    let app = Mounted::new();
    let banner = one_storage_banner(&app).await;
    assert!(
        banner.contains("Found the text") && banner.contains("Recovered story"),
        "{banner}"
    );
    assert!(app.all("[data-testid=library-item]").iter().any(|e| e
        .text_content()
        .unwrap_or_default()
        .contains("Recovered story")));
    // the next save writes its entry beside the text, under the same id
    app.until("the recovered document saved", |_| {
        saved("Recovered story").is_some()
    })
    .await;
    let back = saved_doc("Recovered story");
    assert_eq!(back.id, doc.id);
    assert_eq!(back.text, doc.text);
    clear_storage();
}
