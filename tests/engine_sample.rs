//! The sample article against a hand-written gold (`tests/fixtures/sample_gold.json`): all nine
//! quoted speakers found, at least 90 % of the gold quotes found with the right speaker.

use sayso::engine::analyze;
use serde_json::Value;

const ARTICLE: &str = include_str!("fixtures/sample_article.txt");
const GOLD: &str = include_str!("fixtures/sample_gold.json");

#[test]
fn sample_article_speakers_and_quotes() {
    let gold: Value = serde_json::from_str(GOLD).unwrap();
    let a = analyze(ARTICLE);
    let names: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
    for want in gold["speakers"].as_array().unwrap() {
        let want = want.as_str().unwrap();
        assert!(
            names.contains(&want),
            "speaker {want} missing from {names:?}"
        );
    }
    let quotes = gold["quotes"].as_array().unwrap();
    let mut right = 0;
    let mut misses = Vec::new();
    for g in quotes {
        let (s, e) = (
            g["start"].as_u64().unwrap() as usize,
            g["end"].as_u64().unwrap() as usize,
        );
        let want = g["speaker"].as_str().unwrap();
        let hit = a.quotes.iter().find(|q| q.span.start < e && s < q.span.end);
        let got = hit
            .and_then(|q| q.speaker_id)
            .map(|i| a.speakers[i].name.as_str());
        if got == Some(want) {
            right += 1;
        } else {
            misses.push((g["text"].as_str().unwrap(), want, got));
        }
    }
    let share = right as f64 / quotes.len() as f64;
    assert!(
        share >= 0.9,
        "only {right}/{} quotes right; misses: {misses:#?}",
        quotes.len()
    );
}

#[test]
fn sample_article_roles_and_mentions() {
    let a = analyze(ARTICLE);
    let z = a
        .speakers
        .iter()
        .find(|s| s.name == "Volodymyr Zelensky")
        .unwrap();
    assert_eq!(z.role.as_deref(), Some("Ukrainian President"));
    // "the Ukrainian leader" and pronouns are merged into Zelensky's mentions
    assert!(z.mentions.len() > 10);
    let s = a
        .speakers
        .iter()
        .find(|s| s.name == "Keir Starmer")
        .unwrap();
    assert_eq!(s.role.as_deref(), Some("UK Prime Minister"));
    assert!(a
        .people
        .iter()
        .any(|p| p.name == "Vladimir Putin" || p.name == "Vladimir" || p.name == "Putin"));
}
