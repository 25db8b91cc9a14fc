//! Shared by the browser benchmarks: the generated news-like article.
#![allow(dead_code, clippy::unwrap_used)]

/// A deterministic news-like article of about `bytes` bytes: a title line, then paragraphs of three
/// sentences each (a direct quote with speaker and role, reported speech with `according to`,
/// money, percentages, counts, years and relative dates).
pub fn article(bytes: usize) -> String {
    const NAMES: [&str; 6] = [
        "Maria Lopez",
        "John Carter",
        "Aiko Tanaka",
        "Peter Novak",
        "Fatima Diallo",
        "Liam O'Brien",
    ];
    const ROLES: [&str; 4] = ["Finance Minister", "the mayor", "a spokeswoman", "Senator"];
    let mut text = String::from("Long article benchmark\n");
    let mut i = 0usize;
    while text.len() < bytes {
        let name = NAMES[i % NAMES.len()];
        let surname = name.rsplit(' ').next().unwrap();
        let role = ROLES[i % ROLES.len()];
        text.push_str(&format!(
            "“We will spend £{}.{} billion on {} new schools by {},” {role} {name} said on Tuesday. \
             {surname} added that {} per cent of the {} projects were already under way, \
             according to the ministry. The council approved {} posts in {} districts last week.\n",
            i % 9 + 1, i % 10, i % 300 + 12, 2025 + i % 7, i % 90 + 3, i % 40 + 2, i % 50 + 5, i % 12 + 2
        ));
        i += 1;
    }
    text
}
