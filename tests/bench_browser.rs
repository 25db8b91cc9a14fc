//! Long-article benchmark in headless Chromium: prints figures, asserts no timings.
//!
//! `make bench-browser` runs it. It generates a ~1 MB news-like article (names, quotes, figures),
//! opens it in the real app, and times: paste → first paint of the article, → suggestions painted,
//! click on a highlight → inspector painted, accept → repaint, and undo → repaint. Each click is
//! on a highlight scrolled into view first (untimed), as a reader clicks what is on screen; the side
//! panels follow a change in a task after its paint, and "→ idle" times until that task has run.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

mod bench_support;

use bench_support::article;
use sayso::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// Waits until `cond` holds, then for the next animation frame, so the time includes the
/// style, layout and paint work the browser does for the change.
async fn until(what: &str, cond: impl Fn() -> bool) -> f64 {
    let start = now();
    while !cond() {
        assert!(now() - start < 120_000.0, "timed out waiting for {what}");
        gloo::timers::future::TimeoutFuture::new(1).await;
    }
    let in_dom = now();
    frame().await;
    in_dom
}

/// Waits for the next animation frame.
async fn frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

/// Waits until the tasks queued before now have run (a zero timeout runs after them).
async fn idle() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

fn count(root: &Element, css: &str) -> u32 {
    root.query_selector_all(css).unwrap().length()
}

fn click(root: &Element, css: &str) {
    root.query_selector(css)
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

fn clear_storage() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
async fn long_article_timings() {
    clear_storage();
    let document = web_sys::window().unwrap().document().unwrap();
    // The app's own stylesheet, so layout and paint cost what they cost in the app.
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../styles/app.css")));
    document.head().unwrap().append_child(&style).unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    until("the sample", || {
        count(&root, "[data-testid=library-item]") == 1
    })
    .await;

    let text = article(1_000_000);
    let paragraphs = text.lines().count() - 1;
    let words = text.split_whitespace().count();
    click(&root, "[data-testid=paste-toggle]");
    until("the paste box", || count(&root, "[data-testid=paste]") == 1).await;
    let area: HtmlTextAreaElement = root
        .query_selector("[data-testid=paste]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    area.set_value(&text);

    let t0 = now();
    click(&root, "[data-testid=paste-submit]");
    until("the article painted", || {
        count(&root, "[data-testid=article] [data-cp-start]") as usize == paragraphs
    })
    .await;
    let first_paint = now() - t0;
    until("the suggestions painted", || {
        count(&root, "mark[data-kind=quote]") > 0
    })
    .await;
    let analysed = now() - t0;
    let marks = count(&root, "mark[data-ann-id]");

    // Several rounds on quotes spread through the article (so each lands in another part of
    // it); the machine may be shared, so the median and the minimum are printed.
    let quotes = root
        .query_selector_all("mark[data-kind=quote][data-status=suggested]")
        .unwrap();
    let rounds = 7u32;
    let (mut clicks, mut accepts, mut undos) = (vec![], vec![], vec![]);
    let mut accepts_idle = vec![];
    // The part of each click spent before the change is in the DOM (wasm: reducer, render,
    // diff, patch); the rest is the browser's style, layout and paint of the next frame.
    let mut clicks_dom = vec![];
    let mut t3 = now();
    for round in 0..rounds {
        let id = quotes
            .item(round * (quotes.length() - 1) / rounds)
            .unwrap()
            .dyn_into::<Element>()
            .unwrap()
            .get_attribute("data-ann-id")
            .unwrap();
        let mark = format!("mark[data-ann-id='{id}']");
        root.query_selector(&mark)
            .unwrap()
            .unwrap()
            .scroll_into_view_with_bool(false);
        frame().await;
        idle().await;
        let t1 = now();
        click(&root, &mark);
        let inspecting = format!("[data-testid=inspector][data-inspects='{id}']");
        let in_dom = until("the inspector", || count(&root, &inspecting) == 1).await;
        clicks.push(now() - t1);
        clicks_dom.push(in_dom - t1);
        let t2 = now();
        click(&root, "[data-testid=accept]");
        let status = || {
            root.query_selector(&mark)
                .unwrap()
                .and_then(|m| m.get_attribute("data-status"))
        };
        until("the accept painted", || {
            status().as_deref() == Some("confirmed")
        })
        .await;
        accepts.push(now() - t2);
        idle().await;
        accepts_idle.push(now() - t2);
        t3 = now();
        click(&root, "[data-testid=undo]");
        until("the undo painted", || {
            status().as_deref() == Some("suggested")
        })
        .await;
        undos.push(now() - t3);
    }
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        format!("median {:.0} ms, min {:.0} ms", v[v.len() / 2], v[0])
    };
    let (click_inspector, accept, undo) =
        (stats(&mut clicks), stats(&mut accepts), stats(&mut undos));
    let click_dom = stats(&mut clicks_dom);
    let accept_idle = stats(&mut accepts_idle);
    until("saved", || {
        root.query_selector("[data-testid=save-status]")
            .unwrap()
            .and_then(|e| e.text_content())
            .is_some_and(|s| s == "Saved" || s == "Not saved")
    })
    .await;
    let saved = now() - t3;
    let status = root
        .query_selector("[data-testid=save-status]")
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default();

    console_log!(
        "long article: {:.2} MB, {words} words, {paragraphs} paragraphs, {marks} highlight fragments\n\
         paste → first paint of the article: {first_paint:.0} ms\n\
         paste → suggestions painted: {analysed:.0} ms\n\
         over {rounds} rounds: click highlight → inspector painted: {click_inspector}\n\
         (of which click → inspector in the DOM: {click_dom})\n\
         accept → repaint: {accept}\n\
         accept → idle (the side panels re-rendered too): {accept_idle}\n\
         undo → repaint: {undo}\n\
         last undo → save status “{status}”: {saved:.0} ms",
        text.len() as f64 / 1e6
    );
    handle.destroy();
    root.remove();
    clear_storage();
}
