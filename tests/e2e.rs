//! End to end: the release build in `dist/`, served on 127.0.0.1, driven in headless Chromium
//! through chromedriver, as a user would. Run by `make test-e2e`, which builds the release
//! `dist/` with Trunk first and passes its path in `SAYSO_DIST`.
//!
//! Chromedriver runs in its own process group, which is ended when the test finishes, pass or
//! fail. Every wait is on a condition, with a timeout; screenshots go to `target/screenshots/`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use fantoccini::{Client, ClientBuilder, Locator};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SAMPLE_TITLE: &str = "Zelensky Calls for Stronger US Support After Tense White House Meeting";
const TIMEOUT: Duration = Duration::from_secs(20);

/// Serves the files of `dir` on a free loopback port, from a background thread.
fn serve(dir: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().expect("local address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || respond(stream, &dir));
        }
    });
    port
}

fn respond(mut stream: TcpStream, dir: &Path) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header == "\r\n" => break,
            Ok(_) => {}
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let rel = if path == "/" {
        "index.html"
    } else {
        path.trim_start_matches('/')
    };
    let file = dir.join(rel);
    let (status, body, mime) = match (rel.contains(".."), std::fs::read(&file)) {
        (false, Ok(body)) => ("200 OK", body, mime_of(rel)),
        _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn mime_of(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        _ => "application/octet-stream",
    }
}

/// Chromedriver in its own process group; the whole group is ended on drop.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (run `scripts/setup test`)"));
        let deadline = Instant::now() + TIMEOUT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start listening"
            );
            std::thread::yield_now();
        }
        Self { child, port }
    }
}

impl Driver {
    /// A new browser session with these capabilities.
    async fn connect(&self, caps: serde_json::Map<String, serde_json::Value>) -> Client {
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("connect to chromedriver")
    }
}

/// Serves the release build named by `SAYSO_DIST` (built by `make test-e2e`).
fn serve_dist() -> u16 {
    let dist =
        PathBuf::from(std::env::var("SAYSO_DIST").unwrap_or_else(|_| "target/e2e-dist".into()));
    assert!(
        dist.join("index.html").exists(),
        "{} has no index.html: build it with `make test-e2e`",
        dist.display()
    );
    serve(dist)
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The group id is the child's pid (process_group(0)); `--` so the negative id is not
        // read as an option.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &group])
            .status();
        let _ = self.child.wait();
    }
}

fn capabilities_with_downloads(
    profile: &Path,
    downloads: &Path,
) -> serde_json::Map<String, serde_json::Value> {
    let mut caps = capabilities(profile);
    caps["goog:chromeOptions"]["prefs"] = serde_json::json!({
        "download.default_directory": downloads.display().to_string(),
        "download.prompt_for_download": false,
    });
    caps
}

fn capabilities(profile: &Path) -> serde_json::Map<String, serde_json::Value> {
    let raw = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("webdriver.json"))
        .expect("webdriver.json");
    let mut caps: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&raw).expect("valid webdriver.json");
    let args = caps["goog:chromeOptions"]["args"]
        .as_array_mut()
        .expect("args");
    args.push(format!("--user-data-dir={}", profile.display()).into());
    caps
}

async fn wait_until<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + TIMEOUT;
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn count(client: &Client, css: &str) -> usize {
    client
        .find_all(Locator::Css(css))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}

async fn text(client: &Client, css: &str) -> Option<String> {
    client.find(Locator::Css(css)).await.ok()?.text().await.ok()
}

async fn click(client: &Client, css: &str) -> Result<(), fantoccini::error::CmdError> {
    client.find(Locator::Css(css)).await?.click().await
}

async fn screenshot(client: &Client, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(dir.join(name), png).expect("write screenshot");
}

#[tokio::test]
#[ignore = "needs the release dist/ and chromium: run by `make test-e2e`"]
async fn open_paste_reload_delete() {
    let port = serve_dist();
    let driver = Driver::start();
    let profile = tempdir();
    let client = driver.connect(capabilities(&profile)).await;
    let result = scenario(&client, port).await;
    let _ = client.close().await;
    drop(driver);
    let _ = std::fs::remove_dir_all(&profile);
    result.expect("scenario");
}

fn tempdir() -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("sayso-e2e-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("profile dir");
    dir
}

async fn scenario(client: &Client, port: u16) -> Result<(), fantoccini::error::CmdError> {
    let url = format!("http://127.0.0.1:{port}/");
    client.goto(&url).await?;
    // First open: the sample article.
    wait_until("the sample title", || async {
        text(client, "[data-testid=article-title]").await.as_deref() == Some(SAMPLE_TITLE)
    })
    .await;
    assert_eq!(count(client, "[data-testid=library-item]").await, 1);
    // The stylesheet is applied (CSP lets it in).
    let font = client
        .execute(
            "return getComputedStyle(document.querySelector('[data-testid=article]')).fontFamily",
            vec![],
        )
        .await?;
    assert!(
        font.as_str().unwrap_or("").contains("serif"),
        "article font: {font}"
    );
    screenshot(client, "e2e-1-sample.png").await;
    // The engine is there for scripts too (src/web/boot.js, src/web/api.rs).
    let speaker = client
        .execute(
            "return sayso.analyze('“We are ready,” Ana Ruiz said.').quotes[0].speaker",
            vec![],
        )
        .await?;
    assert_eq!(
        speaker.as_str(),
        Some("Ana Ruiz"),
        "sayso.analyze: {speaker}"
    );
    annotate_the_sample(client).await?;

    // Paste a new article.
    click(client, "[data-testid=paste-toggle]").await?;
    let area = client
        .wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("[data-testid=paste]"))
        .await?;
    area.send_keys(
        "Council approves budget\nThe council said on Monday it would spend “more than ever”.",
    )
    .await?;
    click(client, "[data-testid=paste-submit]").await?;
    wait_until("the pasted title", || async {
        text(client, "[data-testid=article-title]").await.as_deref()
            == Some("Council approves budget")
    })
    .await;
    wait_until("two library items", || async {
        count(client, "[data-testid=library-item]").await == 2
    })
    .await;
    wait_until("saved", || async {
        text(client, "[data-testid=save-status]").await.as_deref() == Some("Saved")
    })
    .await;

    // Reload: both are still there, and the last opened is open.
    client.refresh().await?;
    wait_until("two items after reload", || async {
        count(client, "[data-testid=library-item]").await == 2
    })
    .await;
    assert_eq!(
        text(client, "[data-testid=article-title]").await.as_deref(),
        Some("Council approves budget")
    );
    let titles = client
        .find_all(Locator::Css("[data-testid=library-item] .library-title"))
        .await?;
    let mut names = Vec::new();
    for t in titles {
        names.push(t.text().await?);
    }
    assert_eq!(names, ["Council approves budget", SAMPLE_TITLE]);
    screenshot(client, "e2e-2-library.png").await;

    // Delete the sample; the deletion survives a reload.
    let items = client
        .find_all(Locator::Css("[data-testid=library-item]"))
        .await?;
    items[1]
        .find(Locator::Css("[data-testid=delete-document]"))
        .await?
        .click()
        .await?;
    wait_until("one item after delete", || async {
        count(client, "[data-testid=library-item]").await == 1
    })
    .await;
    wait_until("saved after delete", || async {
        text(client, "[data-testid=save-status]").await.as_deref() == Some("Saved")
    })
    .await;
    client.refresh().await?;
    wait_until("the article after reload", || async {
        text(client, "[data-testid=article-title]").await.as_deref()
            == Some("Council approves budget")
    })
    .await;
    assert_eq!(count(client, "[data-testid=library-item]").await, 1);

    // A phone-width window still shows the article.
    client.set_window_size(390, 844).await?;
    wait_until("the narrow layout", || async {
        count(client, "[data-testid=article-title]").await == 1
    })
    .await;
    screenshot(client, "e2e-3-phone.png").await;
    Ok(())
}

/// Selects `phrase` in the article with a real DOM Range (across highlight elements) and lets the
/// app see the selection, as a mouse drag would.
const SELECT_JS: &str = r#"
const phrase = arguments[0];
const article = document.querySelector('[data-testid=article]');
const para = [...article.querySelectorAll('[data-cp-start]')].find(p => p.textContent.includes(phrase));
if (!para) return false;
const at = para.textContent.indexOf(phrase);
const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
let pos = 0, start = null, end = null, node;
while ((node = walker.nextNode())) {
  const len = node.textContent.length;
  if (start === null && at < pos + len) start = [node, at - pos];
  if (end === null && at + phrase.length <= pos + len) { end = [node, at + phrase.length - pos]; break; }
  pos += len;
}
const range = document.createRange();
range.setStart(start[0], start[1]);
range.setEnd(end[0], end[1]);
const sel = window.getSelection();
sel.removeAllRanges();
sel.addRange(range);
para.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
return true;
"#;

async fn attr(client: &Client, css: &str, name: &str) -> Option<String> {
    client
        .find(Locator::Css(css))
        .await
        .ok()?
        .attr(name)
        .await
        .ok()?
}

async fn annotate_the_sample(client: &Client) -> Result<(), fantoccini::error::CmdError> {
    // Suggestions of all three kinds appear.
    for kind in ["quote", "figure", "speaker"] {
        let css = format!("[data-testid=article] [data-kind={kind}][data-status=suggested]");
        wait_until(&format!("suggested {kind}s"), || async {
            count(client, &css).await > 0
        })
        .await;
    }
    // Accept a quote.
    let quote_id = attr(
        client,
        "[data-kind=quote][data-status=suggested]",
        "data-ann-id",
    )
    .await
    .expect("a quote id");
    let quote_css = format!("mark[data-ann-id='{quote_id}']");
    click(client, &quote_css).await?;
    wait_until("the inspector", || async {
        count(client, "[data-testid=inspector]").await == 1
    })
    .await;
    click(client, "[data-testid=accept]").await?;
    wait_until("the quote confirmed", || async {
        attr(client, &quote_css, "data-status").await.as_deref() == Some("confirmed")
    })
    .await;

    // Reject a figure: it leaves the article.
    let figure_id = attr(
        client,
        "[data-kind=figure][data-status=suggested]",
        "data-ann-id",
    )
    .await
    .expect("a figure id");
    let figure_css = format!("mark[data-ann-id='{figure_id}']");
    client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({block:'center'})",
            vec![figure_css.clone().into()],
        )
        .await?;
    click(client, &figure_css).await?;
    wait_until("the figure in the inspector", || async {
        text(client, "[data-testid=inspector] .badge")
            .await
            .as_deref()
            == Some("FIGURE")
            || text(client, "[data-testid=inspector] .badge")
                .await
                .as_deref()
                == Some("figure")
    })
    .await;
    click(client, "[data-testid=reject]").await?;
    wait_until("the figure gone", || async {
        count(client, &figure_css).await == 0
    })
    .await;

    // Select a phrase, press q, set its speaker.
    let phrase = "restore his relationship with Trump";
    let selected = client.execute(SELECT_JS, vec![phrase.into()]).await?;
    assert_eq!(selected, serde_json::Value::Bool(true));
    wait_until("the selection toolbar", || async {
        count(client, "[data-testid=selection-toolbar]").await == 1
    })
    .await;
    // The toolbar floats next to the selection (just above or below it), not at a fixed place.
    let gap = client
        .execute(
            "const r = getSelection().getRangeAt(0).getBoundingClientRect();\n\
             const t = document.querySelector('[data-testid=selection-toolbar]').getBoundingClientRect();\n\
             return Math.min(Math.abs(r.top - t.bottom), Math.abs(t.top - r.bottom));",
            vec![],
        )
        .await?;
    let gap = gap.as_f64().expect("a distance");
    assert!(gap <= 16.0, "toolbar {gap}px away from the selection");
    client
        .find(Locator::Css("body"))
        .await?
        .send_keys("q")
        .await?;
    let manual_css = "mark[data-kind=quote][data-status=confirmed][data-ann-id^=m]";
    wait_until("the new quote", || async {
        text(client, manual_css).await.as_deref() == Some(phrase)
    })
    .await;
    let manual_id = attr(client, manual_css, "data-ann-id")
        .await
        .expect("the new quote's id");
    wait_until("the inspector on the new quote", || async {
        count(client, "[data-testid=speaker-select]").await == 1
    })
    .await;
    client
        .find(Locator::Css("[data-testid=speaker-select]"))
        .await?
        .select_by_value("sp:mark-rutte")
        .await?;
    wait_until("the speaker set", || async {
        attr(client, &format!("mark[data-ann-id='{manual_id}']"), "title")
            .await
            .is_some_and(|t| t.contains("Mark Rutte"))
    })
    .await;
    wait_until("saved", || async {
        text(client, "[data-testid=save-status]").await.as_deref() == Some("Saved")
    })
    .await;
    screenshot(client, "e2e-1b-annotated.png").await;

    // Reload: the decisions are still there.
    client.refresh().await?;
    let manual_mark = format!("mark[data-ann-id='{manual_id}']");
    wait_until("the new quote after reload", || async {
        count(client, &manual_mark).await == 1
    })
    .await;
    assert!(attr(client, &manual_mark, "title")
        .await
        .is_some_and(|t| t.contains("Mark Rutte") && t.contains("confirmed")));
    assert_eq!(
        attr(client, &quote_css, "data-status").await.as_deref(),
        Some("confirmed")
    );
    assert_eq!(
        count(client, &figure_css).await,
        0,
        "the rejected figure stays rejected"
    );

    // Undo the speaker, undo the quote, redo the quote.
    click(client, "[data-testid=undo]").await?;
    wait_until("the speaker undone", || async {
        attr(client, &manual_mark, "title")
            .await
            .is_some_and(|t| t.contains("speaker unknown"))
    })
    .await;
    click(client, "[data-testid=undo]").await?;
    wait_until("the quote undone", || async {
        count(client, &manual_mark).await == 0
    })
    .await;
    click(client, "[data-testid=redo]").await?;
    wait_until("the quote redone", || async {
        count(client, &manual_mark).await == 1
    })
    .await;

    // The speakers panel lists the quoted people with counts.
    let speakers = client
        .find_all(Locator::Css("[data-testid=speaker-item] .speaker-name"))
        .await?;
    let mut names = Vec::new();
    for s in speakers {
        names.push(s.text().await?);
    }
    for who in [
        "Volodymyr Zelensky",
        "Keir Starmer",
        "Donald Trump",
        "Mark Rutte",
        "Emmanuel Macron",
    ] {
        assert!(
            names.iter().any(|n| n == who),
            "{who} missing from the speakers panel: {names:?}"
        );
    }
    let counts = text(
        client,
        "[data-testid=speaker-item] [data-testid=speaker-counts]",
    )
    .await
    .unwrap_or_default();
    assert!(
        counts.contains("quote") && counts.contains("words"),
        "{counts}"
    );
    // Clicking a speaker opens their first quote and flashes all their quotes.
    let first_counts = text(
        client,
        "[data-testid=speaker-item] [data-testid=speaker-counts]",
    )
    .await
    .unwrap_or_default();
    let quotes: usize = first_counts
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(quotes >= 1, "{first_counts}");
    click(client, "[data-testid=speaker-item] .speaker-open").await?;
    wait_until("the speaker's quote in the inspector", || async {
        count(client, "[data-testid=inspector][data-inspects]").await == 1
    })
    .await;
    let flashed = client
        .execute(
            "return new Set([...document.querySelectorAll('mark[data-flash]')].map(m => m.dataset.annId)).size",
            vec![],
        )
        .await?;
    assert_eq!(
        flashed.as_u64(),
        Some(quotes as u64),
        "flashed quotes of the first speaker"
    );
    // The filter narrows every panel; clearing it brings everything back.
    let filter = client.find(Locator::Css("[data-testid=filter]")).await?;
    filter.send_keys("Rutte").await?;
    wait_until("the filtered speakers", || async {
        count(client, "[data-testid=speaker-item]").await == 1
    })
    .await;
    assert!(count(client, "[data-testid=quotes] [data-testid=quote-item]").await >= 1);
    filter.send_keys(&"\u{E003}".repeat(5)).await?;
    wait_until("all speakers again", || async {
        count(client, "[data-testid=speaker-item]").await >= 9
    })
    .await;
    screenshot(client, "e2e-1c-after-undo-redo.png").await;
    Ok(())
}

/// Every highlight as `id:status`, sorted.
async fn marks(client: &Client) -> Vec<String> {
    let v = client
        .execute(
            "return [...new Set([...document.querySelectorAll('mark[data-ann-id]')].map(m => m.dataset.annId + ':' + m.dataset.status))].sort()",
            vec![],
        )
        .await
        .expect("marks");
    serde_json::from_value(v).unwrap_or_default()
}

#[tokio::test]
#[ignore = "needs the release dist/ and chromium: run by `make test-e2e`"]
async fn export_import_and_share_link() {
    let port = serve_dist();
    let driver = Driver::start();
    let (profile, second_profile, downloads) = (tempdir(), tempdir(), tempdir());
    let client = driver
        .connect(capabilities_with_downloads(&profile, &downloads))
        .await;
    let link = exchange_scenario(&client, port, &downloads).await;
    let _ = client.close().await;
    let link = link.expect("exchange scenario");
    // A fresh profile opens the share link and shows the same decisions.
    let fresh = driver.connect(capabilities(&second_profile)).await;
    let result = open_share_link(&fresh, &link.0, &link.1).await;
    let _ = fresh.close().await;
    drop(driver);
    for dir in [&profile, &second_profile, &downloads] {
        let _ = std::fs::remove_dir_all(dir);
    }
    result.expect("share link scenario");
}

async fn exchange_scenario(
    client: &Client,
    port: u16,
    downloads: &Path,
) -> Result<(String, Vec<String>), fantoccini::error::CmdError> {
    client.goto(&format!("http://127.0.0.1:{port}/")).await?;
    wait_until("suggestions", || async {
        count(client, "mark[data-kind=quote][data-status=suggested]").await > 0
    })
    .await;
    let quote = attr(
        client,
        "mark[data-kind=quote][data-status=suggested]",
        "data-ann-id",
    )
    .await
    .expect("quote");
    let quote_css = format!("mark[data-ann-id='{quote}']");
    click(client, &quote_css).await?;
    client
        .wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("[data-testid=accept]"))
        .await?
        .click()
        .await?;
    wait_until("the quote confirmed", || async {
        attr(client, &quote_css, "data-status").await.as_deref() == Some("confirmed")
    })
    .await;
    let before = marks(client).await;

    // Export the bundle: the file lands in the download folder.
    click(client, "[data-testid=export-bundle]").await?;
    let file = {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let found = std::fs::read_dir(downloads).ok().and_then(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .find(|p| p.extension().is_some_and(|x| x == "jsonld"))
            });
            if let Some(found) = found {
                break found;
            }
            assert!(Instant::now() < deadline, "the export was not downloaded");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    };
    let exported = std::fs::read_to_string(&file).expect("the export");
    assert!(
        exported.contains("http://www.w3.org/ns/anno.jsonld")
            && exported.contains("TextQuoteSelector")
    );

    // Clear storage with the app closed (on another page of the origin; the app flushes its
    // state when its page is hidden), then open it again: the sample, suggestions only.
    client
        .goto(&format!("http://127.0.0.1:{port}/not-the-app"))
        .await?;
    client.execute("localStorage.clear()", vec![]).await?;
    client.goto(&format!("http://127.0.0.1:{port}/")).await?;
    wait_until("suggestions after clearing", || async {
        attr(client, &quote_css, "data-status").await.as_deref() == Some("suggested")
    })
    .await;
    // Import the file: the same highlights, the same decisions.
    client
        .find(Locator::Css("[data-testid=import]"))
        .await?
        .send_keys(&file.display().to_string())
        .await?;
    wait_until("the import applied", || async {
        attr(client, &quote_css, "data-status").await.as_deref() == Some("confirmed")
    })
    .await;
    assert_eq!(
        marks(client).await,
        before,
        "same highlights after export → clear → import"
    );
    assert!(text(client, "[data-testid=input-info]")
        .await
        .is_some_and(|t| t.contains("Imported")));

    // A corrupted file: a message, and nothing changes.
    let broken = downloads.join("broken.jsonld");
    std::fs::write(&broken, &exported[..exported.len() / 2]).expect("write broken file");
    client
        .find(Locator::Css("[data-testid=import]"))
        .await?
        .send_keys(&broken.display().to_string())
        .await?;
    wait_until("the import error", || async {
        text(client, "[role=alert][data-testid=input-error]")
            .await
            .is_some_and(|t| {
                t.contains("ould not import 'broken.jsonld'") && t.contains("nothing was changed")
            })
    })
    .await;
    assert_eq!(marks(client).await, before, "a broken file changes nothing");

    // Copy a share link.
    click(client, "[data-testid=share]").await?;
    let input = client
        .wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("[data-testid=share-link]"))
        .await?;
    let link = input.prop("value").await?.unwrap_or_default();
    assert!(link.contains("#sayso=v1."), "{link}");
    screenshot(client, "e2e-4-exchange.png").await;
    Ok((link, before))
}

async fn open_share_link(
    client: &Client,
    link: &str,
    before: &[String],
) -> Result<(), fantoccini::error::CmdError> {
    client.goto(link).await?;
    wait_until("the shared article", || async {
        text(client, "[data-testid=article-title]").await.as_deref() == Some(SAMPLE_TITLE)
    })
    .await;
    let confirmed: Vec<&String> = before
        .iter()
        .filter(|m| m.ends_with(":confirmed"))
        .collect();
    assert!(!confirmed.is_empty());
    wait_until("the shared decisions", || async {
        let now = marks(client).await;
        confirmed.iter().all(|c| now.contains(c))
    })
    .await;
    let url = client.current_url().await?;
    assert!(
        url.fragment().is_none(),
        "the fragment is cleared from the address bar: {url}"
    );
    screenshot(client, "e2e-5-shared.png").await;
    Ok(())
}
