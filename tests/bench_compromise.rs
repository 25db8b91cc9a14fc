//! sayso's engine against compromise in the same headless Chromium: prints MB/s, asserts no timings.
//!
//! `make bench-compromise` runs it (it installs npm `compromise` 14.17.0 and `compromise-dates`
//! 3.9.0 into `.tools/` first; the feature `bench-compromise` gates this file, whose imports need
//! them at compile time). Both tools get the same generated news-like text (`bench_support`),
//! already in memory on their own side (a Rust `String`; JS strings made before timing):
//!
//! - sayso: `engine::analyze(text)` → speakers, people, quotes with attribution, figures (money,
//!   percentages, numbers, dates…), a Rust `Analysis`; release profile, as the app ships.
//! - compromise (`three` build + the dates plugin): `let d = nlp(t)`, then `d.people().json()`,
//!   `d.quotations().json()`, `d.money().json()`, `d.numbers().json()`, `d.percentages().json()`,
//!   `d.dates().json()`: arrays of JS objects.
//!
//! compromise is timed two ways: one `nlp()` call per paragraph over the whole text (its fastest:
//! compromise-dates clones the whole document for each date, so one call on a long text grows
//! quadratically), and one `nlp()` call on a shorter text of a few paragraphs, where sayso is timed on
//! the same shorter text. Each round runs everything once, sayso and compromise interleaved so
//! both see the same machine load; the first round warms up and is not counted; the figures are
//! medians. Between steps the test yields to the browser (not timed) so no task blocks the page for
//! long.
#![cfg(all(target_arch = "wasm32", feature = "bench-compromise"))]
#![allow(clippy::unwrap_used)]

mod bench_support;

use bench_support::article;
use js_sys::{Array, Function, JsString, Reflect};
use std::hint::black_box;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The long text, timed per paragraph on compromise's side.
const TEXT_BYTES: usize = 200_000;
/// The short text, given whole to one `nlp()` call.
const WHOLE_BYTES: usize = 16_000;
/// Rounds; the first warms up.
const ROUNDS: usize = 4;
/// sayso runs per round (it is fast: more samples for the median).
const SAYSO_RUNS: usize = 5;
/// Paragraphs given to compromise between two yields to the browser.
const CHUNK: usize = 8;

// compromise's self-contained ES module builds (no imports of their own, so wasm-bindgen's copy of
// each works alone), copied by `scripts/setup bench` to `.js` names the test server types right.
#[wasm_bindgen(module = "/.tools/bench/compromise-three.js")]
extern "C" {
    /// `nlp`, the default export.
    #[wasm_bindgen(js_name = default, thread_local_v2)]
    static NLP: Function;
}

#[wasm_bindgen(module = "/.tools/bench/compromise-dates.js")]
extern "C" {
    /// The plugin, the default export.
    #[wasm_bindgen(js_name = default, thread_local_v2)]
    static DATES: JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// A compromise document or view.
    type View;
    #[wasm_bindgen(method)]
    fn people(this: &View) -> View;
    #[wasm_bindgen(method)]
    fn quotations(this: &View) -> View;
    #[wasm_bindgen(method)]
    fn money(this: &View) -> View;
    #[wasm_bindgen(method)]
    fn numbers(this: &View) -> View;
    #[wasm_bindgen(method)]
    fn percentages(this: &View) -> View;
    #[wasm_bindgen(method)]
    fn dates(this: &View) -> View;
    #[wasm_bindgen(method)]
    fn json(this: &View) -> Array;
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

async fn yield_to_browser() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

fn nlp(text: &JsString) -> View {
    NLP.with(|nlp| nlp.call1(&JsValue::UNDEFINED, text))
        .unwrap()
        .unchecked_into()
}

/// Counts of what compromise found: people, quotations, money, numbers, percentages, dates.
#[derive(Default, Clone, Copy, PartialEq, Debug)]
struct Found([u32; 6]);

impl Found {
    fn add(&mut self, other: Self) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }
}

/// compromise's work on one text, the extractions timed one by one with a yield between them.
/// Returns milliseconds and counts.
async fn compromise(text: &JsString) -> (f64, Found) {
    let t = now();
    let doc = nlp(text);
    let mut ms = now() - t;
    let steps: [fn(&View) -> View; 6] = [
        View::people,
        View::quotations,
        View::money,
        View::numbers,
        View::percentages,
        View::dates,
    ];
    let mut found = Found::default();
    for (slot, step) in found.0.iter_mut().zip(steps) {
        yield_to_browser().await;
        let t = now();
        *slot = step(&doc).json().length();
        ms += now() - t;
    }
    (ms, found)
}

/// compromise on each paragraph (non-empty line) in turn, yielding between chunks.
async fn compromise_per_paragraph(paragraphs: &[JsString]) -> (f64, Found) {
    let mut ms = 0.0;
    let mut found = Found::default();
    for chunk in paragraphs.chunks(CHUNK) {
        yield_to_browser().await;
        let t = now();
        for p in chunk {
            let doc = nlp(p);
            let mut f = Found::default();
            f.0[0] = doc.people().json().length();
            f.0[1] = doc.quotations().json().length();
            f.0[2] = doc.money().json().length();
            f.0[3] = doc.numbers().json().length();
            f.0[4] = doc.percentages().json().length();
            f.0[5] = doc.dates().json().length();
            found.add(f);
        }
        ms += now() - t;
    }
    (ms, found)
}

/// [`sayso`] `SAYSO_RUNS` times on `text`, yielding to the browser before each; the times go
/// into `times` when the round is `counted`. Returns what the last run found.
async fn sayso_runs(text: &str, counted: bool, times: &mut Vec<f64>) -> [usize; 4] {
    let mut found = [0; 4];
    for _ in 0..SAYSO_RUNS {
        yield_to_browser().await;
        let (ms, f) = sayso(text);
        found = f;
        if counted {
            times.push(ms);
        }
    }
    found
}

/// sayso's work on one text: milliseconds and (speakers, people, quotes, figures).
fn sayso(text: &str) -> (f64, [usize; 4]) {
    let t = now();
    let a = black_box(sayso::engine::analyze(black_box(text)));
    let ms = now() - t;
    (
        ms,
        [
            a.speakers.len(),
            a.people.len(),
            a.quotes.len(),
            a.figures.len(),
        ],
    )
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn mb_s(bytes: usize, ms: f64) -> f64 {
    bytes as f64 / 1e6 / (ms / 1e3)
}

fn found_line(f: Found) -> String {
    let [p, q, m, n, pc, d] = f.0;
    format!("{p} people, {q} quotations, {m} money, {n} numbers, {pc} percentages, {d} dates")
}

#[wasm_bindgen_test]
async fn sayso_vs_compromise() {
    DATES.with(|dates| {
        NLP.with(|nlp| {
            let plugin: Function = Reflect::get(nlp, &"plugin".into())
                .unwrap()
                .unchecked_into();
            plugin.call1(nlp, dates).unwrap();
        })
    });

    let text = article(TEXT_BYTES);
    let paragraphs: Vec<JsString> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(JsString::from)
        .collect();
    let mut short = String::new();
    for line in text.lines() {
        if short.len() >= WHOLE_BYTES {
            break;
        }
        short.push_str(line);
        short.push('\n');
    }
    let short_js = JsString::from(short.as_str());

    let (mut s_long, mut c_long, mut s_short, mut c_short) = (vec![], vec![], vec![], vec![]);
    let (mut s_found, mut c_found, mut s_found_short, mut c_found_short) =
        ([0; 4], Found::default(), [0; 4], Found::default());
    for round in 0..ROUNDS {
        let counted = round > 0;
        s_found = sayso_runs(&text, counted, &mut s_long).await;
        let (ms, f) = compromise_per_paragraph(&paragraphs).await;
        c_found = f;
        if counted {
            c_long.push(ms);
        }
        s_found_short = sayso_runs(&short, counted, &mut s_short).await;
        let (ms, f) = compromise(&short_js).await;
        c_found_short = f;
        if counted {
            c_short.push(ms);
        }
        console_log!("round {round} done");
    }

    let report = |what: &str, bytes: usize, s: Vec<f64>, c: Vec<f64>| {
        let (s, c) = (median(s), median(c));
        format!(
            "{what}: {:.3} MB\n  sayso engine::analyze:  {s:>10.1} ms {:>10.3} MB/s\n  \
             compromise + dates:     {c:>10.1} ms {:>10.4} MB/s\n  sayso / compromise: {:.0}×",
            bytes as f64 / 1e6,
            mb_s(bytes, s),
            mb_s(bytes, c),
            c / s
        )
    };
    let [sp, pe, qu, fi] = s_found;
    let [ssp, spe, squ, sfi] = s_found_short;
    console_log!(
        "sayso vs compromise 14.17.0 + compromise-dates 3.9.0, headless Chromium; medians of {} \
         rounds after a warm-up round (compromise once per round, sayso {SAYSO_RUNS} times)\n\
         {}\n  (sayso: {sp} speakers, {pe} people, {qu} quotes, {fi} figures; compromise: {})\n\
         {}\n  (sayso: {ssp} speakers, {spe} people, {squ} quotes, {sfi} figures; compromise: {})",
        ROUNDS - 1,
        report(
            &format!(
                "long text, compromise one nlp() per paragraph ({} paragraphs)",
                paragraphs.len()
            ),
            text.len(),
            s_long,
            c_long
        ),
        found_line(c_found),
        report(
            "short text, compromise one nlp() on the whole text",
            short.len(),
            s_short,
            c_short
        ),
        found_line(c_found_short),
    );
}
