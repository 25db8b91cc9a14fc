//! Throughput benchmark of `sayso::engine::analyze` on generated news-like text and on pathological
//! inputs. Prints MB/s for 1× and 10× sizes (linear growth means the 10× time is ≤ 11× the 1× time).
//!
//! ```text
//! cargo run --release --bin sayso-bench [-- MB]
//! sayso-bench --once MB    # one analysis of MB of news text, for callgrind / perf stat
//! sayso-bench --jsonl FILE  # articles of a JSON-lines file ({"text": …} per line), one analysis each
//! sayso-bench --stages [FILE] # time per stage (tokens, quote marks, people, attribution, figures)
//! sayso-bench --each FILE     # one untimed analysis per article of FILE, for callgrind
//! sayso-bench --concat FILE   # one untimed analysis of FILE's articles joined, for callgrind
//! ```
//!
//! The generated text is denser than real news: every sentence quotes, reports or dates something.
//! `--jsonl` measures real articles read at run time (`make bench` uses `../shared/eval` when it is
//! there); nothing of them is stored in the repository.

use sayso::engine::{analyze, analyze_whole, attribution, figures, people, quotes, segment};
use std::hint::black_box;
use std::time::Instant;

/// xorshift64*: deterministic text generation without dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs.get((self.next() % xs.len().max(1) as u64) as usize)
            .copied()
            .unwrap_or("")
    }
}

const FIRST: &[&str] = &[
    "Anna", "Mark", "Olena", "James", "Priya", "Tomas", "Grace", "Ahmed", "Lucia", "Peter",
];
const LAST: &[&str] = &[
    "Kowalski",
    "Brennan",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Haddad",
    "Novak",
    "Reyes",
    "Fischer",
];
const ROLE: &[&str] = &[
    "Finance Minister",
    "Senator",
    "Mayor",
    "Prime Minister",
    "spokeswoman",
    "chief executive",
];
const CUE: &[&str] = &[
    "said",
    "told reporters",
    "warned",
    "added",
    "argued",
    "insisted",
    "stressed",
];
const CLAUSE: &[&str] = &[
    "the budget would be balanced by next spring",
    "talks with the unions had broken down late on Friday",
    "the council must act before the flooding season begins",
    "prices for fuel and bread rose by 4.5% in March",
    "nobody in the cabinet had been told about the deal",
    "the new bridge will cost £2.3 billion and open in 2027",
];
const QUOTE: &[&str] = &[
    "We will keep the ferry running through the winter",
    "Today the whole harbour district can breathe a little easier",
    "I have never seen anything like it in thirty years",
    "Our position has not changed, and it will not change",
];

fn sentence(r: &mut Rng, out: &mut String) {
    let name = format!("{} {}", r.pick(FIRST), r.pick(LAST));
    match r.next() % 6 {
        0 => out.push_str(&format!(
            "“{},” {} {} said.",
            r.pick(QUOTE),
            r.pick(ROLE),
            name
        )),
        1 => out.push_str(&format!(
            "{} {} that {}.",
            name,
            r.pick(CUE),
            r.pick(CLAUSE)
        )),
        2 => out.push_str(&format!("According to {}, {}.", name, r.pick(CLAUSE))),
        3 => out.push_str(&format!(
            "“{},” she said, “and {}.”",
            r.pick(QUOTE),
            r.pick(CLAUSE)
        )),
        4 => out.push_str(&format!(
            "{}, {} said, calling it “{}.”",
            r.pick(CLAUSE),
            name,
            r.pick(QUOTE)
        )),
        _ => out.push_str(&format!(
            "The {} of the region met on Tuesday; {}.",
            r.pick(&["leaders", "officials", "ministers"]),
            r.pick(CLAUSE)
        )),
    }
}

/// News-like text of about `bytes` bytes: paragraphs of 1–4 sentences.
fn news(bytes: usize, seed: u64) -> String {
    let mut r = Rng(seed | 1);
    let mut s = String::with_capacity(bytes + 512);
    while s.len() < bytes {
        let n = 1 + r.next() % 4;
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            sentence(&mut r, &mut s);
        }
        s.push('\n');
    }
    s
}

/// Best time of `work` over at least three runs, and as many as fit in about two seconds: a
/// short run on a shared VM varies by a factor of two, which made the growth ratio mostly noise.
fn best_time(mut work: impl FnMut()) -> f64 {
    let mut best = f64::MAX;
    let start = Instant::now();
    let mut runs = 0;
    while runs < 3 || (runs < 30 && start.elapsed().as_secs_f64() < 2.0) {
        best = best.min(seconds(&mut work));
        runs += 1;
    }
    best
}

/// Seconds one run of `work` takes.
fn seconds(work: &mut impl FnMut()) -> f64 {
    let t = Instant::now();
    work();
    t.elapsed().as_secs_f64()
}

/// Best time of `work` over exactly `runs` runs. The growth ratio compares sizes with the same
/// number of runs: the best of many short runs is luckier than the best of three long ones on a
/// shared VM, which inflated the ratio.
fn best_of(runs: usize, mut work: impl FnMut()) -> f64 {
    (0..runs.max(1))
        .map(|_| seconds(&mut work))
        .fold(f64::MAX, f64::min)
}

/// Runs per size of the growth series (news 1x to 10x).
const GROWTH_RUNS: usize = 5;

/// Times one size of the growth series and prints its line.
fn report_growth(name: &str, text: &str) -> f64 {
    let secs = best_of(GROWTH_RUNS, || {
        black_box(analyze(black_box(text)));
    });
    line(name, text.len(), secs);
    secs
}

fn time(text: &str) -> f64 {
    best_time(|| {
        black_box(analyze(black_box(text)));
    })
}

/// Prints one result line: `bytes` analysed in `secs`.
fn line(name: &str, bytes: usize, secs: f64) {
    let mb = bytes as f64 / 1e6;
    println!(
        "{name:<34} {mb:>8.2} MB {secs:>9.4} s {:>9.1} MB/s",
        mb / secs
    );
}

fn report(name: &str, text: &str) -> f64 {
    let secs = time(text);
    line(name, text.len(), secs);
    secs
}

/// One analysis, a separate function so that callgrind can count it alone:
/// `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measured*' sayso-bench --once 1`
#[inline(never)]
fn measured(text: &str) {
    black_box(analyze(black_box(text)));
}

/// The texts of a JSON-lines file's lines (`{"text": …}`); exits when it cannot be read.
fn read_texts(path: &str) -> Vec<String> {
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    };
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
        .collect()
}

/// The tokens stage alone, a separate function for callgrind (`--toggle-collect='*measured_tokens*'`).
#[inline(never)]
fn measured_tokens(texts: &[String]) {
    for text in texts {
        black_box(segment::tokenize(black_box(text)));
    }
}

/// Time per stage of `analyze` over `texts`, each stage timed alone on the previous stages'
/// results (computed once beforehand); the last line is what the whole analysis adds (speakers,
/// sorting, output).
fn stages(texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let docs: Vec<segment::Doc<'_>> = texts.iter().map(|t| segment::tokenize(t)).collect();
    let regions: Vec<Vec<quotes::Region>> = docs.iter().map(quotes::find_regions).collect();
    let found: Vec<people::People> = docs.iter().map(people::find_people).collect();
    let mut sum = 0.0;
    let mut stage = |name: &str, secs: f64| {
        stage_line(name, bytes, secs);
        sum += secs;
    };
    stage("tokens", best_time(|| measured_tokens(texts)));
    stage(
        "quote marks",
        best_time(|| {
            for doc in &docs {
                black_box(quotes::find_regions(black_box(doc)));
            }
        }),
    );
    stage(
        "people",
        best_time(|| {
            for doc in &docs {
                black_box(people::find_people(black_box(doc)));
            }
        }),
    );
    // attribution takes the people by value: time it with a copy, less the copy alone
    let copy = best_time(|| {
        black_box(found.clone());
    });
    let with_copy = best_time(|| {
        for ((doc, r), f) in docs.iter().zip(&regions).zip(found.clone()) {
            black_box(attribution::attribute(doc, r, f));
        }
    });
    stage("attribution", with_copy - copy);
    stage(
        "figures",
        best_time(|| {
            for text in texts {
                black_box(figures::find_figures(black_box(text)));
            }
        }),
    );
    // figures' own tokenizer, a part of the figures line above (not added to the sum)
    let mut toks = Vec::new();
    let fig_tokens = best_time(|| {
        for text in texts {
            figures::token::tokenize_into(black_box(text), &mut toks);
            black_box(&toks);
        }
    });
    stage_line("  of which figures' tokens", bytes, fig_tokens);
    let all = best_time(|| {
        for text in texts {
            measured(text);
        }
    });
    stage_line("rest (speakers, sorting, output)", bytes, all - sum);
    line("whole analysis", bytes, all);
}

/// One stage's share: seconds and the MB/s the stage alone would run at.
fn stage_line(name: &str, bytes: usize, secs: f64) {
    if secs <= 0.0 {
        // a difference of best times (the last line) can come out below zero
        println!("  {name:<32} none measurable (below run-to-run noise)");
        return;
    }
    println!(
        "  {name:<32} {:>9.4} s {:>9.1} MB/s alone",
        secs,
        bytes as f64 / 1e6 / secs
    );
}

/// Throughput over the articles of a JSON-lines file, each analysed on its own as the app does.
fn articles(path: &str) {
    let texts = read_texts(path);
    let bytes: usize = texts.iter().map(String::len).sum();
    let secs = best_time(|| {
        for text in &texts {
            measured(text);
        }
    });
    line(&format!("{} articles", texts.len()), bytes, secs);
}

fn main() {
    // the lexicon tables are built on first use: once, before anything is timed
    black_box(analyze("Anna Novak said “yes.”"));
    let mode = std::env::args().nth(1);
    if mode.as_deref() == Some("--jsonl") {
        articles(&std::env::args().nth(2).unwrap_or_default());
        return;
    }
    if mode.as_deref() == Some("--concat") {
        let texts = read_texts(&std::env::args().nth(2).unwrap_or_default());
        let all = texts.join("\n\n");
        measured(&all);
        return;
    }
    if mode.as_deref() == Some("--each") {
        let texts = read_texts(&std::env::args().nth(2).unwrap_or_default());
        for t in &texts {
            measured(t);
        }
        return;
    }
    if mode.as_deref() == Some("--stages") {
        let texts = match std::env::args().nth(2) {
            Some(path) => read_texts(&path),
            None => vec![news(2_000_000, 7)],
        };
        stages(&texts);
        return;
    }
    if mode.as_deref() == Some("--once") {
        let mb: f64 = std::env::args()
            .nth(2)
            .and_then(|a| a.parse().ok())
            .unwrap_or(0.2);
        measured(&news((mb * 1e6) as usize, 7));
        return;
    }
    let mb: f64 = mode.and_then(|a| a.parse().ok()).unwrap_or(2.0);
    let base = (mb * 1e6) as usize;
    let one = news(base, 7);
    let t1 = report_growth("news 1x", &one);
    // The steps between show whether time per byte drifts (an algorithm) or jumps (memory: at
    // 10x the token arrays alone are over 100 MB, fresh pages on every call).
    for k in [2usize, 5] {
        report_growth(&format!("news {k}x"), &news(base * k, 7));
    }
    let ten = news(base * 10, 7);
    let t10 = report_growth("news 10x", &ten);
    println!(
        "growth 10x/1x = {:.2} (linear if <= 11; best of {GROWTH_RUNS} runs each)",
        t10 / t1
    );
    // the same text analysed whole, not in blocks of engine::BLOCK bytes (what analyze did before
    // it cut long texts into blocks)
    let whole = best_of(GROWTH_RUNS, || {
        black_box(analyze_whole(black_box(&ten)));
    });
    line("news 10x as one block", ten.len(), whole);
    let whole1 = best_of(GROWTH_RUNS, || {
        black_box(analyze_whole(black_box(&one)));
    });
    line("news 1x as one block", one.len(), whole1);
    println!("growth 10x/1x as one block = {:.2}", whole / whole1);

    let patho: Vec<(&str, String)> = vec![
        (
            "10 000 stray quote marks",
            "\" ".repeat(5_000) + &"“".repeat(2_500) + &"’".repeat(2_500),
        ),
        (
            "1 MB paragraph, no punctuation",
            "word another thing ".repeat(1_000_000 / 19),
        ),
        (
            "100 000 capitalised words",
            "Anna Kowalski Ministry Said ".repeat(25_000),
        ),
        ("deeply nested quotes", "“a ‘b «c „d \"e ".repeat(20_000)),
        (
            "emoji / ZWJ / RTL / CJK",
            "👨🏻‍🚒🗳️ said “🇺🇦 שלום مرحبا 北京中文” ".repeat(20_000),
        ),
        (
            "control characters",
            (0u8..32).map(char::from).collect::<String>().repeat(30_000),
        ),
        (
            "cue storm",
            "he said that she said that they said ".repeat(25_000),
        ),
    ];
    for (name, text) in &patho {
        report(name, text);
        let double = text.repeat(2);
        let t1 = time(text);
        let t2 = time(&double);
        println!("{:<34} growth 2x/1x = {:.2}", "", t2 / t1.max(1e-9));
    }
}
