//! Named table tests for the constructions of issue 3, on texts written for these tests, plus a
//! REGRESSION group: each regression case names the bug it guards against.

use sayso::engine::{analyze, Analysis, QuoteKind};

struct Case {
    name: &'static str,
    text: &'static str,
    /// Text of a quote that must be found.
    quote: &'static str,
    kind: QuoteKind,
    /// Canonical speaker name, if the quote must have one.
    speaker: Option<&'static str>,
}

fn find<'a>(a: &'a Analysis, text: &str, quote: &str) -> Option<&'a sayso::engine::Quote> {
    a.quotes
        .iter()
        .find(|q| &text[q.span.start..q.span.end] == quote)
}

fn run(cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let a = analyze(c.text);
        let Some(q) = find(&a, c.text, c.quote) else {
            let got: Vec<&str> = a
                .quotes
                .iter()
                .map(|q| &c.text[q.span.start..q.span.end])
                .collect();
            failures.push(format!(
                "{}: quote {:?} not found; got {:?}",
                c.name, c.quote, got
            ));
            continue;
        };
        if q.kind != c.kind {
            failures.push(format!("{}: kind {:?}, want {:?}", c.name, q.kind, c.kind));
        }
        let sp = q
            .speaker_id
            .and_then(|i| a.speakers.get(i))
            .map(|s| s.name.as_str());
        if sp != c.speaker {
            failures.push(format!(
                "{}: speaker {:?}, want {:?}",
                c.name, sp, c.speaker
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

use QuoteKind::{Direct, Indirect, Mixed};

#[test]
fn quote_marks() {
    run(&[
        Case {
            name: "curly double",
            text: "“The port is open again,” said Ines Duarte.",
            quote: "The port is open again,",
            kind: Direct,
            speaker: Some("Ines Duarte"),
        },
        Case {
            name: "straight double",
            text: "\"The port is open again,\" said Ines Duarte.",
            quote: "The port is open again,",
            kind: Direct,
            speaker: Some("Ines Duarte"),
        },
        Case {
            name: "guillemets",
            text: "«The port is open again,» said Ines Duarte.",
            quote: "The port is open again,",
            kind: Direct,
            speaker: Some("Ines Duarte"),
        },
        Case {
            name: "german low-high",
            text: "„The port is open again,“ said Ines Duarte.",
            quote: "The port is open again,",
            kind: Direct,
            speaker: Some("Ines Duarte"),
        },
        Case {
            name: "nested single inside double",
            text: "“They called it ‘a new dawn’ for the harbour,” Ines Duarte said.",
            quote: "They called it ‘a new dawn’ for the harbour,",
            kind: Direct,
            speaker: Some("Ines Duarte"),
        },
        Case {
            name: "apostrophes do not pair",
            text: "“Britain’s ports in the ’90s were busier,” Ines Duarte said.",
            quote: "Britain’s ports in the ’90s were busier,",
            kind: Direct,
            speaker: Some("Ines Duarte"),
        },
        Case {
            name: "double apostrophes as marks",
            text: "''The port is open again,'' Ms. Duarte said.",
            quote: "The port is open again,",
            kind: Direct,
            speaker: Some("Duarte"),
        },
        Case {
            name: "multi-paragraph quote",
            text:
                "Ines Duarte said: “The port is open again.\n“Ships will dock from Monday onwards.”",
            quote: "Ships will dock from Monday onwards.",
            kind: Direct,
            speaker: Some("Ines Duarte"),
        },
    ]);
}

#[test]
fn cue_orders() {
    run(&[
        // a quotation ending on a comma, "?" or "!" goes on with its attribution: an unlisted
        // past tense next to the speaker is its cue
        Case {
            name: "unlisted verb after the speaker",
            text: "“Go back to the harbour,” Ines Varga barked as the crowd cheered.",
            quote: "Go back to the harbour,",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "unlisted verb before the speaker",
            text: "“Not again,” groaned Ines Varga.",
            quote: "Not again,",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "REGRESSION unlisted verb after a pronoun",
            text: "Ines Varga left the meeting early. “Why not?” she snapped.",
            quote: "Why not?",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "unlisted verb after a noun phrase",
            text: "“Build the bridge now,” the crowd roared.",
            quote: "Build the bridge now,",
            kind: Direct,
            speaker: Some("crowd"),
        },
        // an exclamation or question that opens its sentence goes on with its attribution, even
        // when the speaker is capitalised
        Case {
            name: "exclamation before a capitalised speaker",
            text: "The week was busy. “Perpetual motion!” Rep. Ines Varga said of the week.",
            quote: "Perpetual motion!",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "question before a capitalised speaker",
            text: "“Who pays for the new pier?” Ines Varga asked the council.",
            quote: "Who pays for the new pier?",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "unlisted verb before a colon",
            text: "Mayor Ines Varga resisted: “The council cannot simply tear up the ferry contract.”",
            quote: "The council cannot simply tear up the ferry contract.",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        // a period inside brackets between the speaker and the cue is an abbreviation
        Case {
            name: "party and state in brackets before the cue",
            text: "“It reminds us how important the vote is,” Sen. Ines Varga (R-Fla.) said on Saturday.",
            quote: "It reminds us how important the vote is,",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        // a sentence that opens with its subject introduces a quotation with its colon
        Case {
            name: "statement introduced by a colon",
            text: "Mayor Ines Varga issued a brief message:\n“Our thoughts go to every family on the flooded quay. The repairs start tomorrow.”",
            quote: "Our thoughts go to every family on the flooded quay. The repairs start tomorrow.",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "apology introduced by a colon",
            text: "Ines Varga has since regretted the delay: “Frankly, we ought to have told the council sooner.”",
            quote: "Frankly, we ought to have told the council sooner.",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        // REGRESSION: a quotation that ends its sentence takes no verb of the next one
        Case {
            name: "REGRESSION no unlisted verb after a full stop",
            text: "“The pier is older than the town itself.” Ines Varga walked to the car.",
            quote: "The pier is older than the town itself.",
            kind: Direct,
            speaker: None,
        },
        Case {
            name: "quote-cue-speaker",
            text: "“We will rebuild the school,” said Mayor Karl Jensen.",
            quote: "We will rebuild the school,",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "quote-speaker-cue",
            text: "“We will rebuild the school,” Karl Jensen said.",
            quote: "We will rebuild the school,",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "speaker-cue-colon",
            text: "Karl Jensen said: “We will rebuild the school.”",
            quote: "We will rebuild the school.",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "speaker-cue-comma",
            text: "Karl Jensen added, “We will rebuild the school.”",
            quote: "We will rebuild the school.",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "split quote first",
            text: "“We will rebuild,” Karl Jensen said, “and it will be bigger.”",
            quote: "We will rebuild,",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "split quote second",
            text: "“We will rebuild,” Karl Jensen said, “and it will be bigger.”",
            quote: "and it will be bigger.",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "other cue verbs",
            text: "“The vote was rigged,” Karl Jensen insisted.",
            quote: "The vote was rigged,",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "cue with adverbial",
            text: "“The vote was fair,” Karl Jensen said on Tuesday.",
            quote: "The vote was fair,",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "participle cue",
            text: "Karl Jensen visited the site, warning, “It could collapse at any time.”",
            quote: "It could collapse at any time.",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
    ]);
}

#[test]
fn sources() {
    run(&[
        Case {
            name: "two coordinated roles under one determiner",
            text: "The Labour front-runner and former mayor said the city “clearly” needed a new tram line.",
            quote: "the city “clearly” needed a new tram line",
            kind: Mixed,
            speaker: Some("Labour front-runner and former mayor"),
        },
        Case {
            name: "coordinated roles resolve through the first role",
            text: "Mayor Ruth Albers opened the depot on Monday.\n\n“We kept our promise,” the city's mayor and party leader said.",
            quote: "We kept our promise,",
            kind: Direct,
            speaker: Some("Ruth Albers"),
        },
        Case {
            name: "a description matches whole words of a role",
            text: "President Anna Novak arrived on Monday. Later, presidential hopeful Tom Reyes spoke.\n\n“The talks have failed,” the president said.",
            quote: "The talks have failed,",
            kind: Direct,
            speaker: Some("Anna Novak"),
        },
        Case {
            name: "the senator is the person titled Sen. nearby, not the last one named",
            text: "Sen. Ruth Albers met Tom Okafor, a farmer, at the depot.\n\n“The line will reopen,” the senator said.",
            quote: "The line will reopen,",
            kind: Direct,
            speaker: Some("Ruth Albers"),
        },
        Case {
            name: "apposition",
            text: "Karl Jensen, the mayor of the town, said: “We will rebuild.”",
            quote: "We will rebuild.",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        // REGRESSION: the description before a name in apposition was taken for the speaker
        Case {
            name: "REGRESSION description then name in apposition",
            text: "The mayor of Leeds, Judith Blake, said on Monday that the city would spend more.",
            quote: "that the city would spend more",
            kind: Indirect,
            speaker: Some("Judith Blake"),
        },
        Case {
            name: "REGRESSION role then name in apposition, object cue",
            text: "The transport minister, Sarah Collins, welcomed the scheme.",
            quote: "the scheme",
            kind: Indirect,
            speaker: Some("Sarah Collins"),
        },
        Case {
            name: "REGRESSION quote, then description and name in apposition",
            text: "“The bishop only said what many here felt,” the diocese spokesman, Marco Ferri, told a radio station.",
            quote: "The bishop only said what many here felt,",
            kind: Direct,
            speaker: Some("Marco Ferri"),
        },
        Case {
            name: "clause, then description and name in apposition",
            text: "The budget will be balanced by next spring, the finance minister, Anna Novak, said.",
            quote: "The budget will be balanced by next spring",
            kind: Indirect,
            speaker: Some("Anna Novak"),
        },
        Case {
            name: "quote, then a short description and name in apposition",
            text: "“He deserved it,” the assailant, Carl Moody, told a television program.",
            quote: "He deserved it,",
            kind: Direct,
            speaker: Some("Carl Moody"),
        },
        Case {
            name: "mixed quote, then a plain noun phrase before the speaker",
            text: "Varga “saw a clear duty to speak up on” river pollution, Dan Axel said.",
            quote: "Varga “saw a clear duty to speak up on” river pollution",
            kind: Mixed,
            speaker: Some("Dan Axel"),
        },
        Case {
            name: "title and honorific",
            text: "Deputy Prime Minister Sir Alan Whitcombe said: “We will rebuild.”",
            quote: "We will rebuild.",
            kind: Direct,
            speaker: Some("Alan Whitcombe"),
        },
        Case {
            name: "pronoun he",
            text: "Karl Jensen toured the site. “We will rebuild,” he said.",
            quote: "We will rebuild,",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "pronoun she skips male",
            text: "Maria Santos met Karl Jensen. “We will rebuild,” she said.",
            quote: "We will rebuild,",
            kind: Direct,
            speaker: Some("Maria Santos"),
        },
        Case {
            name: "surname only",
            text: "Karl Jensen toured the site. “We will rebuild,” Jensen said.",
            quote: "We will rebuild,",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "description",
            text: "Danish Minister Karl Jensen toured the site. “We will rebuild,” the Danish minister said.",
            quote: "We will rebuild,",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "organisation",
            text: "“The report is false,” the Kremlin said.",
            quote: "The report is false,",
            kind: Direct,
            speaker: Some("Kremlin"),
        },
        Case {
            name: "acronym organisation",
            text: "“The report is false,” NATO said in a statement.",
            quote: "The report is false,",
            kind: Direct,
            speaker: Some("NATO"),
        },
        Case {
            name: "collective",
            text: "The bridge was closed for safety reasons, officials said.",
            quote: "The bridge was closed for safety reasons",
            kind: Indirect,
            speaker: Some("officials"),
        },
        // REGRESSION: the name after "of"/"for"/"in" was taken for the speaker
        Case {
            name: "REGRESSION collective of a place",
            text: "Residents of Aberporth said they had been given no warning.",
            quote: "they had been given no warning",
            kind: Indirect,
            speaker: Some("Residents of Aberporth"),
        },
        Case {
            name: "REGRESSION supporters of a person are not the person",
            text: "Anna Novak spoke first. Supporters of Anna Novak said she would win.",
            quote: "she would win",
            kind: Indirect,
            speaker: Some("Supporters of Anna Novak"),
        },
        Case {
            name: "REGRESSION spokesman for an organisation",
            text: "A spokesman for the Kremlin said the talks were over.",
            quote: "the talks were over",
            kind: Indirect,
            speaker: Some("A spokesman for the Kremlin"),
        },
        // REGRESSION: the organisation after "Name of" was taken for the speaker
        Case {
            name: "REGRESSION person of an organisation",
            text: "Anna Novak of the Green Party said the plan was dead.",
            quote: "the plan was dead",
            kind: Indirect,
            speaker: Some("Anna Novak"),
        },
        Case {
            name: "REGRESSION person of a capitalised organisation",
            text: "Anna Novak of Reuters said the plan was dead.",
            quote: "the plan was dead",
            kind: Indirect,
            speaker: Some("Anna Novak"),
        },
        // REGRESSION: a noun phrase after a preposition was the source ("German plants")
        Case {
            name: "REGRESSION collective with a prepositional phrase",
            text: "A union representing workers at the German plants said it would fight the closures.",
            quote: "it would fight the closures",
            kind: Indirect,
            speaker: Some("A union representing workers at the German plants"),
        },
        Case {
            name: "REGRESSION head of an organisation",
            text: "The head of the agency said the data was wrong.",
            quote: "the data was wrong",
            kind: Indirect,
            speaker: Some("head of the agency"),
        },
        Case {
            name: "organisation name with of stays whole",
            text: "The Allied Teachers of Ontario said the walkout would continue.",
            quote: "the walkout would continue",
            kind: Indirect,
            speaker: Some("Allied Teachers of Ontario"),
        },
        // REGRESSION: "police" without an article was no source ("according to police")
        Case {
            name: "REGRESSION according to police, sentence end",
            text: "The man was arrested on Friday, according to police.",
            quote: "The man was arrested on Friday",
            kind: Indirect,
            speaker: Some("police"),
        },
        Case {
            name: "REGRESSION according to police, sentence start",
            text: "According to police, the man was arrested on Friday.",
            quote: "the man was arrested on Friday",
            kind: Indirect,
            speaker: Some("police"),
        },
        // REGRESSION: a long source after a sentence-initial "According to" gave no quote
        Case {
            name: "REGRESSION according to a long source",
            text: "According to a Treasury analysis released Monday, about 4 million people could lose cover.",
            quote: "about 4 million people could lose cover",
            kind: Indirect,
            speaker: Some("a Treasury analysis released Monday"),
        },
        // REGRESSION: an en dash or a spaced hyphen around an aside hid the subject
        Case {
            name: "REGRESSION aside between en dashes",
            text: "Anna Novak – who has denied wrongdoing – said the inquiry was unfair.",
            quote: "the inquiry was unfair",
            kind: Indirect,
            speaker: Some("Anna Novak"),
        },
        Case {
            name: "REGRESSION aside between spaced hyphens",
            text: "Anna Novak - who has denied wrongdoing - said the inquiry was unfair.",
            quote: "the inquiry was unfair",
            kind: Indirect,
            speaker: Some("Anna Novak"),
        },
        // REGRESSION: the object after a participial cue was taken for the speaker
        Case {
            name: "REGRESSION participle object is no speaker",
            text: "The minister hit back, accusing her rival of “inventing numbers to scare pensioners.”",
            quote: "her rival of “inventing numbers to scare pensioners.”",
            kind: Mixed,
            speaker: Some("minister"),
        },
        // REGRESSION: a participial cue after a description subject gave no quote
        Case {
            name: "REGRESSION participle after a description subject",
            text: "Olena Marchuk spoke first. The minister hit back, accusing her rival of lying.",
            quote: "her rival of lying",
            kind: Indirect,
            speaker: Some("Olena Marchuk"),
        },
        Case {
            name: "office as a collective source",
            text: "His office said the claims were false.",
            quote: "the claims were false",
            kind: Indirect,
            speaker: Some("His office"),
        },
        Case {
            name: "court as a collective source",
            text: "The court said the law was unconstitutional.",
            quote: "the law was unconstitutional",
            kind: Indirect,
            speaker: Some("court"),
        },
        Case {
            name: "floating quote",
            text: "Karl Jensen said: “We will rebuild.”\n“Nobody will be left without a home this winter.”",
            quote: "Nobody will be left without a home this winter.",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
    ]);
}

#[test]
fn reported_speech() {
    run(&[
        Case {
            name: "said that",
            text: "Karl Jensen said that the school would reopen in May.",
            quote: "that the school would reopen in May",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "said bare clause",
            text: "Karl Jensen said the school would reopen in May.",
            quote: "the school would reopen in May",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "told reporters",
            text: "Karl Jensen told reporters the school would reopen in May.",
            quote: "the school would reopen in May",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "according to first",
            text: "According to Karl Jensen, the school will reopen in May.",
            quote: "the school will reopen in May",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "according to last",
            text: "The school will reopen in May, according to Karl Jensen.",
            quote: "The school will reopen in May",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "clause then cue",
            text: "The school will reopen in May, Karl Jensen said.",
            quote: "The school will reopen in May",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "mixed",
            text: "Karl Jensen said the school was “almost ready” for pupils.",
            quote: "the school was “almost ready” for pupils",
            kind: Mixed,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "described as",
            text: "Karl Jensen described the talks as “frank and useful” on Friday.",
            quote: "the talks as “frank and useful” on Friday",
            kind: Mixed,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "promised to (past tense)",
            text: "Karl Jensen promised to rebuild the old bridge by spring.",
            quote: "to rebuild the old bridge by spring",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "proposed to with a quoted phrase",
            text: "Karl Jensen proposed to “open the books” of the council.",
            quote: "to “open the books” of the council",
            kind: Mixed,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "reported clause ends before a comparison",
            text: "Karl Jensen said the fund grew by 3 percent, well above the forecast.",
            quote: "the fund grew by 3 percent",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "reported clause ends before a relative clause",
            text: "Karl Jensen announced a new tax on sugar, which angered the shop owners.",
            quote: "a new tax on sugar",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "reported clause ends before a coordinated clause with its own subject",
            text: "Karl Jensen said the station would close, and the city has already sued the owners.",
            quote: "the station would close",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "reported clause ends before a spaced dash",
            text: "Karl Jensen said the plan was a mistake - and many voters agree with him.",
            quote: "the plan was a mistake",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "clause then tell-verb and listener",
            text: "The talks will resume in May, Karl Jensen told reporters.",
            quote: "The talks will resume in May",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "quotation opening the clause before the cue is mixed",
            text: "“We are stunned and heartbroken” by the collapse of the depot roof, Karl Jensen said.",
            quote: "“We are stunned and heartbroken” by the collapse of the depot roof",
            kind: Mixed,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "reported clause ends before a new subject after a comma",
            text: "Karl Jensen said the deal was signed on time, the first such deal in a decade.",
            quote: "the deal was signed on time",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "a fronted condition keeps its main clause",
            text: "Karl Jensen said that if elected, he would cut the bus fares.",
            quote: "that if elected, he would cut the bus fares",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "asked someone to: the one asked is part of the request",
            text: "Karl Jensen asked the city council to delay the vote.",
            quote: "the city council to delay the vote",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "asked with adverbials before the question",
            text: "Karl Jensen asked in Oslo recently whether the port would reopen.",
            quote: "whether the port would reopen",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "asked how: the question word starts the content",
            text: "Karl Jensen asked how high the new wall would be.",
            quote: "how high the new wall would be",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "pronoun with a contracted auxiliary as subject",
            text: "Karl Jensen spoke first. He’s predicting that the port will reopen in May.",
            quote: "that the port will reopen in May",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "noun-like cue form after a name and its apposition",
            text: "Karl Jensen, the harbour master, hopes that the port will reopen in May.",
            quote: "that the port will reopen in May",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "speaking to",
            text: "Speaking to the BBC, Karl Jensen revealed that the school would reopen.",
            quote: "that the school would reopen",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "attribution inside the sentence, first part",
            text: "The new ferry, Karl Jensen said, will sail twice a day from June.",
            quote: "The new ferry",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "attribution inside the sentence, second part",
            text: "The new ferry, Karl Jensen said, will sail twice a day from June.",
            quote: "will sail twice a day from June",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "attribution inside the sentence after an adverbial",
            text: "Within a month, Karl Jensen told reporters, the harbour will reopen.",
            quote: "the harbour will reopen",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "attribution inside the sentence, pronoun source",
            text: "Karl Jensen runs the harbour. Its cranes, he said, are older than he is.",
            quote: "are older than he is",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "attribution inside the sentence, quotation in the second part",
            text: "The new ferry, Karl Jensen said, is “the best thing to happen here.”",
            quote: "is “the best thing to happen here.”",
            kind: Mixed,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "according to inside the sentence",
            text: "Since the start of May, according to Karl Jensen, ferry fares have risen twice.",
            quote: "ferry fares have risen twice",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "name and colon heading a paragraph",
            text: "Karl Jensen: I will not sell the ferry company\n\nThe harbour master spoke on Monday.",
            quote: "I will not sell the ferry company",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "name and colon before a quotation",
            text: "Karl Jensen: ‘The ferry will sail again in June.’\n\nHe spoke on Monday.",
            quote: "The ferry will sail again in June.",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "transcript line",
            text: "ANNA HOLM: Why sell now?\nKARL JENSEN: Because the ferry is late. We will talk next week.",
            quote: "Because the ferry is late. We will talk next week",
            kind: Indirect,
            speaker: Some("KARL JENSEN"),
        },
        Case {
            name: "two speaker labels in one paragraph, first",
            text: "The rivals disagreed.\nJensen: \"We will keep the ferry running.\" Holm: \"The ferry will be sold next year.\"",
            quote: "We will keep the ferry running.",
            kind: Direct,
            speaker: Some("Jensen"),
        },
        Case {
            name: "two speaker labels in one paragraph, second",
            text: "The rivals disagreed.\nJensen: \"We will keep the ferry running.\" Holm: \"The ferry will be sold next year.\"",
            quote: "The ferry will be sold next year.",
            kind: Direct,
            speaker: Some("Holm"),
        },
        Case {
            name: "description with three modifiers",
            text: "The wealthy local hotel owner says the spa will reopen in June.",
            quote: "the spa will reopen in June",
            kind: Indirect,
            speaker: Some("wealthy local hotel owner"),
        },
        Case {
            name: "inverted cue opening the sentence",
            text: "Said Anna Novak, who was raised above the old bakery, “Every one of us cheered for him.”",
            quote: "Every one of us cheered for him.",
            kind: Direct,
            speaker: Some("Anna Novak"),
        },
        Case {
            name: "speaker label with a title and a bracket",
            text: "Rep. Anna Novak (D-Vt.): \"Nobody on the committee has shown me that number.\"",
            quote: "Nobody on the committee has shown me that number.",
            kind: Direct,
            speaker: Some("Anna Novak"),
        },
        Case {
            name: "quote-only cue",
            text: "“Tromsø,” Karl Jensen answered.",
            quote: "Tromsø,",
            kind: Direct,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "quote-only cue after a question",
            text: "“Would the ferry be sold?” Anna Novak pressed.",
            quote: "Would the ferry be sold?",
            kind: Direct,
            speaker: Some("Anna Novak"),
        },
        // REGRESSION: a relative pronoun was taken into the source ("which critics")
        Case {
            name: "REGRESSION relative pronoun is no part of the source",
            text: "The rules, which harbour pilots said were unsafe, were dropped.",
            quote: "were unsafe",
            kind: Indirect,
            speaker: Some("harbour pilots"),
        },
        // REGRESSION: an opening adverbial hid the subject of a coordinated cue
        Case {
            name: "REGRESSION coordinated cue after an opening adverbial, pronoun",
            text: "Karl Jensen runs the port. On Monday, he cut jobs and said the firm was losing money.",
            quote: "the firm was losing money",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "REGRESSION coordinated cue after an opening adverbial, description",
            text: "In April, the ferry company cut sailings and said it was losing money.",
            quote: "it was losing money",
            kind: Indirect,
            speaker: Some("ferry company"),
        },
        // REGRESSION: a participle after a sentence-final attribution took the sentence's
        // subject ("The fares") for its speaker
        Case {
            name: "REGRESSION participle after an attribution shares its speaker",
            text: "Karl Jensen runs the depot. The fares will rise, he said, adding that buses would run later.",
            quote: "that buses would run later",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
        Case {
            name: "REGRESSION coordinated cue after an attribution shares its speaker",
            text: "Karl Jensen runs the port. The pier is safe, he said, but added that repairs were needed.",
            quote: "that repairs were needed",
            kind: Indirect,
            speaker: Some("Karl Jensen"),
        },
    ]);
}

/// An attribution inside a sentence splits one statement in two: both fragments share one
/// attribution; a lone connective before it, an apposition after an inverted "said X," and a
/// participle after it are not fragments.
#[test]
fn interrupted_statements() {
    let text = "The new ferry, Karl Jensen said, will sail twice a day from June.";
    let a = analyze(text);
    let (Some(first), Some(second)) = (
        find(&a, text, "The new ferry"),
        find(&a, text, "will sail twice a day from June"),
    ) else {
        panic!("fragments not found: {:?}", a.quotes);
    };
    assert_eq!(first.attribution, second.attribution, "one statement");
    assert_eq!(first.cue, second.cue, "one cue");

    let texts: [(&str, &str, &str); 5] = [
        (
            "lone connective",
            "But, Karl Jensen said, the ferry will be late.",
            "But",
        ),
        (
            "apposition after an inverted attribution",
            "“It will be late,” said Karl Jensen, the harbour master at Tromsø.",
            "the harbour master at Tromsø",
        ),
        (
            "apposition after an according-to source",
            "The ferry is late, according to Karl Jensen, the harbour master.",
            "the harbour master",
        ),
        (
            "possessive name in apposition after an according-to source",
            "The ferry is late, according to Karl Jensen, Mr. Holm's deputy.",
            "Mr. Holm's deputy",
        ),
        (
            "participle after the attribution",
            "The ferry will be late, Karl Jensen said, citing the storm.",
            "citing the storm",
        ),
    ];
    for (name, text, not_quote) in texts {
        let a = analyze(text);
        assert!(
            a.quotes.iter().any(|q| q.speaker_id.is_some()),
            "{name}: {:?}",
            a.quotes
        );
        assert!(
            find(&a, text, not_quote).is_none(),
            "{name}: {not_quote:?} is no quote: {:?}",
            a.quotes
        );
    }
}

/// Named texts in which the engine must find no quote.
fn assert_no_quotes(texts: &[(&str, &str)]) {
    for (name, text) in texts {
        let a = analyze(text);
        assert!(a.quotes.is_empty(), "{name}: {:?}", a.quotes);
    }
}

#[test]
fn not_quotes() {
    let texts = [
        (
            "scare quote",
            "The so-called “woke” agenda dominated the debate.",
        ),
        ("title", "She appeared on “Meet the Press” on Sunday."),
        (
            "a headline with its byline",
            "FERRY NEWS—“Harbour trams return after a decade,” by the Gazette’s Tom Reyes: http://example.com/a.",
        ),
        (
            "a column's title with its author",
            "READ—“Why the ferry still matters,” by Tom Reyes.",
        ),
        (
            "nickname",
            "The striker, nicknamed “The Cat”, scored twice.",
        ),
        (
            "perception verb with an object",
            "The club found itself at the centre of the storm.",
        ),
        ("fired an aide", "Mayor Ines Moreau fired her chief of staff."),
        (
            "naming participle",
            "Laurie Dunn started an online forum called Friends of the Quay, which has 3,200 members.",
        ),
        (
            "embedded phrase with no cue or speaker",
            "The town is known for “big schemes that somehow always stall” near its harbour.",
        ),
        // REGRESSION: a source's request not to be named was reported as what it said
        (
            "REGRESSION request not to be named",
            "A police officer, who asked not to be named, was at the scene.",
        ),
        (
            "request for anonymity",
            "The official requested anonymity to discuss the talks.",
        ),
        (
            "request to remain anonymous",
            "The donor asked to remain anonymous.",
        ),
        // a sentence-initial participle of a tell-verb does not make its subject a speaker
        (
            "sentence-initial passive participle",
            "Told of the ruling, the family wept outside the court.",
        ),
    ];
    assert_no_quotes(&texts);
}

#[test]
fn people_and_speakers() {
    let text = "Ukrainian President Olena Kovalenko met Mark Ellison in Kyiv. Kovalenko said talks went well. \
                Ellison’s aides declined to comment. “We are close,” she said.";
    let a = analyze(text);
    let k = a
        .speakers
        .iter()
        .find(|s| s.name == "Olena Kovalenko")
        .expect("speaker");
    assert_eq!(k.role.as_deref(), Some("Ukrainian President"));
    assert!(!k.organisation);
    // "Olena Kovalenko", "Kovalenko", "she"
    assert!(k.mentions.len() >= 3, "{:?}", k.mentions);
    let ellison: Vec<_> = a
        .people
        .iter()
        .filter(|p| p.name == "Mark Ellison")
        .collect();
    assert_eq!(ellison.len(), 2);
    assert!(ellison.iter().all(|p| !p.speaker));
    // the possessive is excluded from the mention span
    assert!(ellison
        .iter()
        .any(|p| &text[p.span.start..p.span.end] == "Ellison"));
}

/// REGRESSION: a first name and a surname that is also a place word ("Hall", "Park", "Church")
/// were no person at all; the place word alone later, or after "the"/"in", is still no person.
#[test]
fn surnames_that_are_place_words() {
    // (text, people expected as written, words that must not be a person mention)
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "Tom Hall said the council would meet again in May.",
            &["Tom Hall"],
            &[],
        ),
        (
            "I had lunch with Mary Park and we agreed on a date.",
            &["Mary Park"],
            &[],
        ),
        (
            "Anna Church, a local teacher, said the school would reopen.",
            &["Anna Church"],
            &[],
        ),
        (
            "Tom Hall said the vote was close. The concert moved to Hall 3 because Hall 2 was shut.",
            &["Tom Hall"],
            &["Hall 3", "Hall 2"],
        ),
        (
            "The choir sang at the Albert Hall and later walked in Wilson Park.",
            &[],
            &["Albert Hall", "Wilson Park"],
        ),
        (
            "Critics loved the drama “Faith Street,” which returns next week.",
            &[],
            &["Faith Street"],
        ),
        ("WILSON PARK, Ill. - Officials said the park would reopen.", &[], &["WILSON PARK"]),
        (
            "Tom Hall said the firm would pay. Mr. Hall did not say how much.",
            &["Tom Hall", "Hall"],
            &[],
        ),
    ];
    for (text, want, not) in cases {
        let a = analyze(text);
        let got: Vec<&str> = a
            .people
            .iter()
            .map(|p| &text[p.span.start..p.span.end])
            .collect();
        for w in *want {
            assert!(got.contains(w), "{text:?}: {w:?} missing from {got:?}");
        }
        for n in *not {
            let at = text.find(n).expect("phrase in text");
            assert!(
                !a.people
                    .iter()
                    .any(|p| p.span.start >= at && p.span.end <= at + n.len()),
                "{text:?}: {n:?} taken for a person in {got:?}"
            );
        }
    }
    // "Hall" after "Tom Hall" is the same person only with a title
    let text = "Tom Hall said the firm would pay. Mr. Hall did not say how much.";
    let a = analyze(text);
    assert!(
        a.people.iter().all(|p| p.name == "Tom Hall"),
        "{:?}",
        a.people
    );
}

/// REGRESSION: only the last lowercase role word before a name was kept as the role
#[test]
fn lowercase_roles_before_a_name() {
    for (text, role) in [
        (
            "The debate pitted Olena Marchuk against opposition leader Pavel Sirko, who said the budget was a fraud.",
            "opposition leader",
        ),
        (
            "Opposition leader Pavel Sirko said the budget was a fraud.",
            "Opposition leader",
        ),
        (
            "The decision by former prime minister Pavel Sirko surprised many. He said it was right.",
            "former prime minister",
        ),
        (
            "Chief executive Pavel Sirko said the next six months would be tough.",
            "Chief executive",
        ),
    ] {
        let a = analyze(text);
        let s = a
            .speakers
            .iter()
            .find(|s| s.name == "Pavel Sirko")
            .unwrap_or_else(|| panic!("{text:?}: no speaker Pavel Sirko in {:?}", a.speakers));
        assert_eq!(s.role.as_deref(), Some(role), "{text:?}");
    }
}

/// REGRESSION: a role in apposition after the name was not kept ("Mark Rutte, NATO Secretary
/// General, said" gave no role)
#[test]
fn roles_in_apposition() {
    for (text, name, role) in [
        (
            "Mark Rutte, NATO Secretary General, said the alliance was united.",
            "Mark Rutte",
            Some("NATO Secretary General"),
        ),
        (
            "“It was close,” said Anna Novak, a political scientist at Kyiv University.",
            "Anna Novak",
            Some("political scientist at Kyiv University"),
        ),
        (
            "Anna Novak, 45, said the vote was close.",
            "Anna Novak",
            None,
        ),
        (
            "Anna Novak, who leads the party, said the vote was close.",
            "Anna Novak",
            None,
        ),
    ] {
        let a = analyze(text);
        let s = a
            .speakers
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("{text:?}: no speaker {name} in {:?}", a.speakers));
        assert_eq!(s.role.as_deref(), role, "{text:?}");
    }
}

/// REGRESSION: a storm's name at a sentence start was taken for a person ("Storm" was stripped
/// from the run as a sentence-initial common word before the event test).
#[test]
fn storm_names_are_no_people() {
    assert_no_people(&[
        "Storm Elin left 40,000 homes without power.",
        "Hurricane Odile hit the coast on Friday.",
    ]);
}

fn assert_no_people(texts: &[&str]) {
    for text in texts {
        let a = analyze(text);
        assert!(a.people.is_empty(), "{text:?}: {:?}", a.people);
    }
}

/// A verb that attributes quotations but takes a plain object otherwise reports no clause.
#[test]
fn quote_only_cues_report_no_clause() {
    assert_no_quotes(&[
        (
            "answered",
            "Karl Jensen answered a question on the ferry timetable.",
        ),
        (
            "pressed",
            "Karl Jensen pressed the case for a second ferry.",
        ),
    ]);
}

/// REGRESSION: a reporting verb opening a sentence was taken into the name after it ("Said Anna
/// Novak").
#[test]
fn opening_cue_is_no_part_of_a_name() {
    let text = "Said Anna Novak, who was raised above the old bakery, “Every one of us cheered.”";
    assert_eq!(people_of(text), ["Anna Novak"]);
}

/// The texts of the person mentions found in `text`.
fn people_of(text: &str) -> Vec<&str> {
    analyze(text)
        .people
        .iter()
        .map(|p| &text[p.span.start..p.span.end])
        .collect()
}

/// A field label before a quoted name is no person.
#[test]
fn field_label_is_no_person() {
    let text = "Email: \"Karl\" <karl@example.org>";
    let a = analyze(text);
    assert!(
        a.people
            .iter()
            .all(|p| &text[p.span.start..p.span.end] != "Email"),
        "{:?}",
        a.people
    );
}

/// A name and a colon before a title is no statement.
#[test]
fn name_and_colon_before_a_title() {
    assert_no_quotes(&[
        (
            "lowercase title",
            "Karl Jensen: a life at sea\n\nThe book came out in May.",
        ),
        ("title case", "Karl Jensen: The Years at Sea"),
    ]);
}

/// REGRESSION: a sentence-initial plural of a listed word before a verb was taken for a person
/// ("Prices" is the plural of "price", which is also a surname; "Taxes" of "tax").
#[test]
fn sentence_initial_plurals_are_no_people() {
    assert_no_people(&[
        "Prices will rise again in the spring.",
        "Taxes will not rise next year.",
        "Churches were full on Sunday.",
        "Fishermen who had gathered outside cheered the vote.",
        "Firemen said the blaze was out by noon.",
    ]);
    // "Carmen" is a listed first name, no plural of "-man"
    assert_eq!(people_of("Carmen said the pier would reopen."), ["Carmen"]);
    // a surname that ends in -s is listed itself and still a person
    let text = "Evans said the pier would reopen.";
    let a = analyze(text);
    assert_eq!(a.people.len(), 1, "{:?}", a.people);
}

/// REGRESSION: a place after a collective and "of"/"in" before a cue was taken for a person.
#[test]
fn place_after_a_collective_is_no_person() {
    assert_no_people(&[
        "Residents of Aberporth said they had been given no warning.",
        "Officials in Aberporth said the road was closed.",
        "The former mayor of Aberporth said the city would spend more.",
    ]);
}

/// REGRESSION: each case names the bug it guards against.
#[test]
fn regression() {
    run(&[
        // a quote ending a sentence must not take the next sentence's subject as its speaker
        Case {
            name: "REGRESSION next sentence subject",
            text: "Lena Vogt called it a “complete failure.” She accused the board of lying.",
            quote: "the board of lying",
            kind: Indirect,
            speaker: Some("Lena Vogt"),
        },
        // "On Saturday, X met Y, describing …" took "Saturday" as an organisation speaker
        Case {
            name: "REGRESSION weekday not a speaker",
            text: "On Saturday, Lena Vogt met Tom Hale, describing the talks as “warm and open.”",
            quote: "the talks as “warm and open.”",
            kind: Mixed,
            speaker: Some("Lena Vogt"),
        },
        // a participle cue after a comma takes the sentence subject, not the nearest name
        Case {
            name: "REGRESSION participle subject",
            text:
                "The meeting saw Tom Hale pressing Lena Vogt, warning, “Sign now or lose it all.”",
            quote: "Sign now or lose it all.",
            kind: Direct,
            speaker: Some("Tom Hale"),
        },
        // "told the BBC the deal was dead": the object ends before the second determiner
        Case {
            name: "REGRESSION told object",
            text: "Lena Vogt told the BBC the deal was dead.",
            quote: "the deal was dead",
            kind: Indirect,
            speaker: Some("Lena Vogt"),
        },
        // an apostrophe inside an apposition ("Reeves' adviser") broke the apposition scan
        Case {
            name: "REGRESSION apostrophe in apposition",
            text: "Tom Hale, Reeves' senior adviser, said voters were tired of promises.",
            quote: "voters were tired of promises",
            kind: Indirect,
            speaker: Some("Tom Hale"),
        },
        // a name after the cue inside the clause is not an inverted speaker
        Case {
            name: "REGRESSION inverted name only at clause end",
            text: "Tom Hale, a spokesman for the club, says Lena Vogt would attend training.",
            quote: "Lena Vogt would attend training",
            kind: Indirect,
            speaker: Some("Tom Hale"),
        },
        // a quote followed by its own "X said" was taken as the second half of the previous one
        Case {
            name: "REGRESSION own cue beats split continuation",
            text: "“We agree,” Maria Lopez said. “We do not,” John Carter said.",
            quote: "We do not,",
            kind: Direct,
            speaker: Some("John Carter"),
        },
        // an emoji after a sentence end hid the sentence break and made the quote mixed
        Case {
            name: "REGRESSION emoji between sentences",
            text:
                "Ines Moreau spoke first. The fund raised £2 million. 🗳️ “Vote early,” she added.",
            quote: "Vote early,",
            kind: Direct,
            speaker: Some("Ines Moreau"),
        },
        // a short whole-sentence quote after an attributed one continues it
        Case {
            name: "REGRESSION short floating sentence quote",
            text: "The deal “puts the large investors ahead of everyone,” Tom Hale wrote. “That cannot stand.”",
            quote: "That cannot stand.",
            kind: Direct,
            speaker: Some("Tom Hale"),
        },
        // an embedded quote after an earlier cue starts at that cue's clause, not the sentence
        Case {
            name: "REGRESSION embedded quote starts at its clause",
            text: "Although Lena Vogt admitted that the two had “been friends for years,” she denied any deal.",
            quote: "that the two had “been friends for years,",
            kind: Mixed,
            speaker: Some("Lena Vogt"),
        },
        // "but added, “…”" is a quotation of its own even when a cue follows it
        Case {
            name: "REGRESSION cue and comma introduce a direct quote",
            text: "Tom Hale said talks take time but added, “I fully back the proposal,” Hale said.",
            quote: "I fully back the proposal,",
            kind: Direct,
            speaker: Some("Tom Hale"),
        },
        // a coordinated cue took the object after it as an inverted speaker and lost the clause
        Case {
            name: "REGRESSION coordinated cue shares the subject",
            text: "Lena Vogt slammed the plan and accused Tom Hale of a “flip-flop.”",
            quote: "Tom Hale of a “flip-flop.”",
            kind: Mixed,
            speaker: Some("Lena Vogt"),
        },
        // "…, according to X, a planner.": the apposition of the source was taken as content
        Case {
            name: "REGRESSION according to mid-sentence with apposition",
            text: "The budget will grow next year, according to Rosa Diaz, a city planner.",
            quote: "The budget will grow next year",
            kind: Indirect,
            speaker: Some("Rosa Diaz"),
        },
        // an embedded quotation with no cue started at the sentence start, before "that"
        Case {
            name: "REGRESSION embedded quote starts at its complementiser",
            text: "“We are ready,” Lena Vogt said. She made the point that the budget would be “far too thin for the schools” next year.",
            quote: "that the budget would be “far too thin for the schools” next year",
            kind: Mixed,
            speaker: Some("Lena Vogt"),
        },
        // a short quotation with "said" and an unknown description after it was dropped
        Case {
            name: "REGRESSION inverted cue with an unknown description",
            text: "The count was slow. “He took it badly,” said a 1998 harbour veteran.",
            quote: "He took it badly,",
            kind: Direct,
            speaker: None,
        },
        // "said that …, “We …”": the complementiser clause makes the capitalised quote mixed
        Case {
            name: "REGRESSION that-clause before a capitalised quote",
            text: "Karl Jensen said that once the budget passes, “We will build the new school.”",
            quote: "that once the budget passes, “We will build the new school.",
            kind: Mixed,
            speaker: Some("Karl Jensen"),
        },
        // an embedded quotation with no cue started at the sentence start, before its verb
        Case {
            name: "REGRESSION embedded quote starts after its verb",
            text: "“We are ready,” Lena Vogt said. She summed up the new budget as “far too thin for the schools” this year.",
            quote: "the new budget as “far too thin for the schools” this year",
            kind: Mixed,
            speaker: Some("Lena Vogt"),
        },
        Case {
            name: "quote and attribution inside according to",
            text: "“We keep the ferry,” Tom Hale said at the time, according to a transcript.",
            quote: "We keep the ferry,” Tom Hale said at the time",
            kind: Mixed,
            speaker: Some("Tom Hale"),
        },
        // a quote that is a sentence of its own after a colon is direct even after an object
        Case {
            name: "independent quote after colon",
            text: "Tom Hale explained the delay this way: “It is like a wedding where nobody eats first.”",
            quote: "It is like a wedding where nobody eats first.",
            kind: Direct,
            speaker: Some("Tom Hale"),
        },
    ]);
    // "the war and reiterated": a conjunction after a noun was taken as a speaker ("war and")
    run(&[Case {
        name: "REGRESSION conjunction is no speaker",
        text: "Spokeswoman Olga Petrenko met reporters. She accused the minister of being “obsessed” with prolonging the war and reiterated her demands.",
        quote: "the minister of being “obsessed” with prolonging the war",
        kind: Mixed,
        speaker: Some("Olga Petrenko"),
    }]);
    // the apposition after a mid-sentence "according to X," is no reported content
    let text = "The budget will grow next year, according to Rosa Diaz, a city planner.";
    let a = analyze(text);
    assert!(
        a.quotes
            .iter()
            .all(|q| !text[q.span.start..q.span.end].contains("planner")),
        "{:?}",
        a.quotes
    );
    // the unknown description after an inverted cue is kept as the speaker mention
    let text = "The count was slow. “He took it badly,” said a 1998 harbour veteran.";
    let a = analyze(text);
    let q = a.quotes.first().expect("quote");
    let m = q.speaker_mention.expect("speaker mention");
    assert_eq!(&text[m.start..m.end], "a 1998 harbour veteran");
    // "said on CNN" is not reported content
    let a = analyze("“Nothing has changed,” Tom Hale said on CNN.");
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    // a noun use of a cue form is not a cue
    let a = analyze("The Treasury note slipped to 2.7 percent on Friday.");
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
}

/// Reported speech with no quotation marks: passives, non-speech acts with an object, and cues in
/// subordinate or relative clauses.
/// REGRESSION: a relative clause on an object (not the sentence's subject) runs to the end of
/// the sentence, its last verb included. (Its speaker is not checked here: the words before
/// "who" are taken as one noun phrase, "The engineers met voters".)
#[test]
fn relative_clause_on_an_object_keeps_its_clause() {
    let text = "The engineers met voters who say the river is dirty.";
    let a = analyze(text);
    assert!(
        find(&a, text, "the river is dirty").is_some(),
        "{:?}",
        a.quotes
    );
}

/// "it" before a verb of saying is the source of the quotation (a document or a body): its
/// mention is reported, with no speaker; before another verb it is no source.
#[test]
fn it_before_a_verb_of_saying_is_the_source() {
    let text = "The memo was blunt. “So far, 14 of the 40 tenants were never asked,” it stated.";
    let a = analyze(text);
    let q = find(&a, text, "So far, 14 of the 40 tenants were never asked,");
    let mention = q
        .and_then(|q| q.speaker_mention)
        .map(|s| &text[s.start..s.end]);
    assert_eq!(mention, Some("it"), "{:?}", a.quotes);
    assert_eq!(q.and_then(|q| q.speaker_id), None);
    // REGRESSION: "it" before another verb reports nothing
    let text = "The new pier is long. It raises the question of who pays for the cranes.";
    assert!(
        analyze(text).quotes.is_empty(),
        "{:?}",
        analyze(text).quotes
    );
}

#[test]
fn reported_clause_bounds() {
    run(&[
        // a cue in a fronted subordinate clause: the comma before the main clause ends the content
        Case {
            name: "fronted subordinate clause ends at its comma",
            text: "Although Mara Lind has criticized the harbour plan for its cost, the council approved it.",
            quote: "the harbour plan for its cost",
            kind: Indirect,
            speaker: Some("Mara Lind"),
        },
        Case {
            name: "fronted subordinate clause with a quotation",
            text: "Although Mara Lind called the plan “a disgrace” on Monday, the council approved it.",
            quote: "the plan “a disgrace” on Monday",
            kind: Mixed,
            speaker: Some("Mara Lind"),
        },
        // a cue in a relative clause: the comma closing the relative clause ends the content
        Case {
            name: "relative clause ends at its comma",
            text: "Mara Lind, who has argued that the tunnel is unsafe, voted against the budget.",
            quote: "that the tunnel is unsafe",
            kind: Indirect,
            speaker: Some("Mara Lind"),
        },
        // a cue in a relative clause on the subject: the main clause's verb ends the content
        Case {
            name: "relative clause on the subject ends at the main verb",
            text: "Residents who say the river is too dirty were split on the new plan.",
            quote: "the river is too dirty",
            kind: Indirect,
            speaker: Some("Residents"),
        },
        Case {
            name: "relative clause with an infinitive ends at the main verb",
            text: "Nurses who wanted to join the strike could lose a week of pay.",
            quote: "to join the strike",
            kind: Indirect,
            speaker: Some("Nurses"),
        },
        Case {
            name: "relative clause with that ends at the main verb",
            text: "The council member who revealed that the budget had a hole was removed from the committee.",
            quote: "that the budget had a hole",
            kind: Indirect,
            speaker: Some("council member"),
        },
        // the main clause's cue speaks for the antecedent, not for the relative clause's object
        Case {
            name: "main cue after a relative clause on the subject",
            text: "Residents who say the river is dirty said the plan would fail.",
            quote: "the plan would fail",
            kind: Indirect,
            speaker: Some("Residents"),
        },
        Case {
            name: "main cue after a relative clause with an object",
            text: "Engineers who inspected the old pier said the crane was safe.",
            quote: "the crane was safe",
            kind: Indirect,
            speaker: Some("Engineers"),
        },
        // a relative clause in an opening phrase ends at the phrase's comma
        Case {
            name: "relative clause in an opening phrase ends at its comma",
            text: "Like other owners who say the season was good, Ines Varga has opened a kiosk.",
            quote: "the season was good",
            kind: Indirect,
            speaker: Some("other owners"),
        },
        Case {
            name: "cue after an opening phrase with a relative clause",
            text: "Like other owners who sell ice cream, Ines Varga said she was building a new pier.",
            quote: "she was building a new pier",
            kind: Indirect,
            speaker: Some("Ines Varga"),
        },
        // a participle's speaker is the subject after an opening prepositional phrase
        Case {
            name: "participle after an opening phrase with a name",
            text: "Like Hale, Ines Varga rejected the plan, arguing that there is “no money left” for it.",
            quote: "that there is “no money left” for it",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
        // a participle right after a quotation's comma names no speaker after it: both the
        // quotation before it and the clause it opens belong to the sentence's subject
        Case {
            name: "quotation before a participle keeps its cue",
            text: "Ines Varga said the harbour was “in good shape,” adding that it is why Karl Hale “keeps attacking the port.”",
            quote: "the harbour was “in good shape,”",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "participle after a quotation speaks for the subject",
            text: "Ines Varga said the harbour was “in good shape,” adding that it is why Karl Hale “keeps attacking the port.”",
            quote: "that it is why Karl Hale “keeps attacking the port.”",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
        // a participle's speaker is the sentence's subject, not a name before the comma
        Case {
            name: "participle after a clause with a place",
            text: "Here in Ostrava, Ines Varga stepped up her attacks on the port plan, saying, “The fewer cranes, the better for all of us.”",
            quote: "The fewer cranes, the better for all of us.",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "cue after a long opening phrase with a name",
            text: "In an interview with reporter Karl Hale last year, Ines Varga said she welcomed the vote and added, “I will not resign over this.”",
            quote: "I will not resign over this.",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        // a new attribution after a comma ends the content before it
        Case {
            name: "comma and a finite cue end the content",
            text: "The ferry company wanted to close the pier, said Ines Varga, who runs the kiosk.",
            quote: "to close the pier",
            kind: Indirect,
            speaker: Some("ferry company"),
        },
        // REGRESSION: a description after a comma is no new attribution
        Case {
            name: "REGRESSION participle after a comma stays in the content",
            text: "Ines Varga said the tax, called a disgrace by critics, would pass.",
            quote: "the tax, called a disgrace by critics, would pass",
            kind: Indirect,
            speaker: Some("Ines Varga"),
        },
        // REGRESSION: a main-clause cue keeps the whole clause after a comma
        Case {
            name: "REGRESSION main clause keeps its commas",
            text: "Mara Lind said the tunnel, in her view, is unsafe.",
            quote: "the tunnel, in her view, is unsafe",
            kind: Indirect,
            speaker: Some("Mara Lind"),
        },
        // a clause before its attribution runs to the comma before the source, across a comment
        Case {
            name: "clause before its attribution keeps its comment",
            text: "The budget will grow by a tenth, which pleases the mayor, Rosa Diaz said.",
            quote: "The budget will grow by a tenth, which pleases the mayor",
            kind: Indirect,
            speaker: Some("Rosa Diaz"),
        },
        // REGRESSION: a clause with a quotation keeps the comment after it
        Case {
            name: "REGRESSION quoted clause keeps its comment",
            text: "Rosa Diaz said the vote was “close” again, compared with last year.",
            quote: "the vote was “close” again, compared with last year",
            kind: Mixed,
            speaker: Some("Rosa Diaz"),
        },
        // REGRESSION: a clause after its cue still ends before a comment
        Case {
            name: "REGRESSION clause after its cue ends before a comment",
            text: "Rosa Diaz said the budget will grow by a tenth, which pleases the mayor.",
            quote: "the budget will grow by a tenth",
            kind: Indirect,
            speaker: Some("Rosa Diaz"),
        },
        // adverbs between the cue and its complementiser are not content
        Case {
            name: "adverb before that",
            text: "Rosa Diaz said instead that the budget would grow.",
            quote: "that the budget would grow",
            kind: Indirect,
            speaker: Some("Rosa Diaz"),
        },
        Case {
            name: "though before that",
            text: "Rosa Diaz added, though, that the budget would grow.",
            quote: "that the budget would grow",
            kind: Indirect,
            speaker: Some("Rosa Diaz"),
        },
        Case {
            name: "preposition phrase before that",
            text: "Rosa Diaz said of the budget that it would grow.",
            quote: "that it would grow",
            kind: Indirect,
            speaker: Some("Rosa Diaz"),
        },
        // REGRESSION: an adverb that is part of the clause stays in it
        Case {
            name: "REGRESSION adverb inside the clause",
            text: "Rosa Diaz said only the budget would grow.",
            quote: "only the budget would grow",
            kind: Indirect,
            speaker: Some("Rosa Diaz"),
        },
        // a quoted title in the listener of a tell-verb: the clause starts at "that", and the
        // title is not a quote of "she agrees"
        Case {
            name: "quoted title in the listener",
            text: "Lena Vogt told the “Morning Hour” show that she agrees the budget is “a mess” for the city.",
            quote: "that she agrees the budget is “a mess” for the city",
            kind: Mixed,
            speaker: Some("Lena Vogt"),
        },
        // REGRESSION: a determiner before a description after the quote still makes a source
        Case {
            name: "REGRESSION description source after a quote",
            text: "“We are not done,” the spokesman said.",
            quote: "We are not done,",
            kind: Direct,
            speaker: Some("spokesman"),
        },
        // a quoted title before a cue that has its own clause is not that cue's quote
        Case {
            name: "quoted title before a cue with a clause",
            text: "Speaking on “Morning Hour,” Rep. Tom Hale said the budget was far too thin.",
            quote: "the budget was far too thin",
            kind: Indirect,
            speaker: Some("Tom Hale"),
        },
        // REGRESSION: a quote before a cue with only adverbials after it is the cue's quote
        Case {
            name: "REGRESSION quote before a cue with adverbials",
            text: "“The budget is far too thin,” Rep. Tom Hale said on Monday.",
            quote: "The budget is far too thin,",
            kind: Direct,
            speaker: Some("Tom Hale"),
        },
        // a clause of time after the cue: the content starts at the complementiser after it
        Case {
            name: "as-clause before that",
            text: "Rosa Diaz said as she opened the session that the vote would be close.",
            quote: "that the vote would be close",
            kind: Indirect,
            speaker: Some("Rosa Diaz"),
        },
        // REGRESSION: a verb that names something as something keeps its "as"
        Case {
            name: "REGRESSION described as",
            text: "Rosa Diaz described the budget as a fair deal for the city.",
            quote: "the budget as a fair deal for the city",
            kind: Indirect,
            speaker: Some("Rosa Diaz"),
        },
        // REGRESSION: a passive of a tell-verb still reports ("was told that …")
        Case {
            name: "REGRESSION passive tell-verb reports",
            text: "Mara Lind was told that the tunnel would close.",
            quote: "that the tunnel would close",
            kind: Indirect,
            speaker: Some("Mara Lind"),
        },
        // REGRESSION: a non-speech verb with a clause still reports ("decided that …")
        Case {
            name: "REGRESSION decided with a clause",
            text: "Mara Lind decided that the tunnel would close in June.",
            quote: "that the tunnel would close in June",
            kind: Indirect,
            speaker: Some("Mara Lind"),
        },
    ]);
    let texts = [
        (
            "passive participle",
            "The eastern ward will be considered a likely swing seat next spring.",
        ),
        (
            "passive with an agent",
            "The mayor was endorsed last week by the local teachers' union.",
        ),
        (
            "wrote a book",
            "Mara Lind wrote a children's book about the harbour.",
        ),
        (
            "clause of time after a cue",
            "Rosa Diaz said as she left the hall.",
        ),
        (
            "perception verb whose object ends before the main clause",
            "Had the police found the notes earlier, they might have acted.",
        ),
        (
            "clause of manner after a cue",
            "Rosa Diaz responded as if she had been insulted.",
        ),
        (
            "coordinated verb after a cue",
            "The fan yelled and waved a scarf near the goal.",
        ),
        (
            "sought an office",
            "Mara Lind sought the party's nomination for governor in 2010.",
        ),
        (
            "decided to act",
            "Mara Lind decided to run for the council again.",
        ),
    ];
    assert_no_quotes(&texts);
    // the words before a reported clause that hold its own attribution are no content of an
    // outer "according to"
    let text =
        "Her campaign manager, Tom Reyes, says the lead is safe, according to the local paper.";
    let a = analyze(text);
    let got: Vec<&str> = a
        .quotes
        .iter()
        .map(|q| &text[q.span.start..q.span.end])
        .collect();
    assert_eq!(got, ["the lead is safe"], "{:?}", a.quotes);
    // REGRESSION: a clause before "according to" with no inner attribution is kept whole
    run(&[Case {
        name: "REGRESSION according to after a coordinated clause",
        text: "The budget grew by a tenth last year, and the council spent most of it on roads, according to Rosa Diaz.",
        quote: "The budget grew by a tenth last year, and the council spent most of it on roads",
        kind: Indirect,
        speaker: Some("Rosa Diaz"),
    }]);
}

/// Time and place phrases around the cue: "last week" between the speaker and the cue, a place
/// after a sentence-final attribution ("…, Varga said Tuesday in Lyon."), and a promise with an
/// infinitive ("pledged to oppose …"), while a pledge of money stays no quote.
#[test]
fn time_and_place_around_the_cue() {
    run(&[
        Case {
            name: "last week between speaker and cue",
            text: "Senator Ines Varga (D-Ore.) last week said the port was not safe.",
            quote: "the port was not safe",
            kind: Indirect,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "this month between subject and cue",
            text: "The harbour council this month said the pier would close in June.",
            quote: "the pier would close in June",
            kind: Indirect,
            speaker: Some("harbour council"),
        },
        Case {
            name: "late weekday between speaker and cue",
            text: "Ines Varga late Tuesday said the pier would close.",
            quote: "the pier would close",
            kind: Indirect,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "place after a sentence-final cue",
            text: "The mayor’s plans are reckless, Ines Varga said Tuesday in Lyon.",
            quote: "The mayor’s plans are reckless",
            kind: Indirect,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "place with a partial quotation",
            text: "The mayor’s “stunts” are tiring, Ines Varga said at the State Fair, noting the vote.",
            quote: "The mayor’s “stunts” are tiring",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "pledged to",
            text: "Ms. Ines Varga pledged to fight the new pier “every single day.”",
            quote: "to fight the new pier “every single day.”",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
    ]);
    assert_no_quotes(&[(
        "a pledge of money",
        "Ms. Ines Varga pledged $5 million to the harbour fund.",
    )]);
}

/// A quotation right after its verb that is a whole utterance, with the sentence going on after
/// it: the quotation alone is the quote ("shouted “Save the pier!” as …", "said “We will win” and
/// left"); a verb that only introduces quotations ("chanted") needs no comma or colon before it.
/// A quotation that ends on a comma, or that is a name inside a clause, stays part of a mixed
/// clause.
#[test]
fn utterance_after_its_verb() {
    run(&[
        Case {
            name: "exclamation then a subordinate clause",
            text: "The crowd shouted “Save the pier!” as the mayor left.",
            quote: "Save the pier!",
            kind: Direct,
            speaker: Some("crowd"),
        },
        Case {
            name: "utterance then and",
            text: "Mayor Ines Varga said “We will win” and left the hall.",
            quote: "We will win",
            kind: Direct,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "chanted with no mark before the quotation",
            text: "The nurses chanted \"fair pay now.\"",
            quote: "fair pay now.",
            kind: Direct,
            speaker: Some("nurses"),
        },
        Case {
            name: "chanting then the story goes on",
            text:
                "The nurses marched on Wednesday, chanting \"fair pay now\" after the talks failed.",
            quote: "fair pay now",
            kind: Direct,
            speaker: Some("nurses"),
        },
        Case {
            name: "comma inside the marks keeps the clause",
            text: "Ines Varga said “The worst is behind us,” and ticket sales began to rise.",
            quote: "“The worst is behind us,” and ticket sales began to rise",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "a quoted name inside the clause",
            text: "Ines Varga said “Harbourgate” is over.",
            quote: "“Harbourgate” is over",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
    ]);
}

/// Where a reported clause ends: a new clause with its own possessive subject after ", and", a
/// participle of saying after "before" or "after" (which opens an attribution of its own), a
/// weekday right after a closing quotation mark, and a spaced hyphen used as a dash. A dash that
/// closes an aside opened by another cuts nothing. A relative or friend can speak.
#[test]
fn clause_bounds_and_participles() {
    run(&[
        Case {
            name: "and with a possessive subject",
            text: "The minister called the deals \"unpatriotic,\" and her office has since moved to block them.",
            quote: "the deals \"unpatriotic,\"",
            kind: Mixed,
            speaker: Some("minister"),
        },
        Case {
            name: "before a participle of saying: the first clause",
            text: "Ines Varga said the ruling was fair before claiming that the port was open.",
            quote: "the ruling was fair",
            kind: Indirect,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "before a participle of saying: its own clause",
            text: "Ines Varga said the ruling was fair before claiming that the port was open.",
            quote: "that the port was open",
            kind: Indirect,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "after a verb that is no cue",
            text: "Ines Varga spoke on the radio before claiming that the port was open.",
            quote: "that the port was open",
            kind: Indirect,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "REGRESSION fronted time phrase before after",
            text: "Two weeks after announcing a review, Ines Varga still thinks that the pier is unsafe.",
            quote: "that the pier is unsafe",
            kind: Indirect,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "weekday after the closing mark",
            text: "Ines Varga described the engineer as a \"careful worker\" Tuesday, days after he was fired.",
            quote: "the engineer as a \"careful worker\"",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "spaced hyphen as a dash",
            text: "Ines Varga has promised a \"fix it first\" approach - working with many groups to push her plans.",
            quote: "\"fix it first\" approach",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "hyphens around an aside",
            text: "Ines Varga said that \"every member of the board\" - including the chair - backed the plan.",
            quote: "that \"every member of the board\" - including the chair - backed the plan",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "dashes around an aside",
            text: "Ines Varga said that \"every member of the board\" — including the chair — backed the plan.",
            quote: "that \"every member of the board\" — including the chair — backed the plan",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "a friend speaks",
            text: "“The pier is safe,” her friend said.",
            quote: "The pier is safe,",
            kind: Direct,
            speaker: Some("her friend"),
        },
    ]);
}

/// "calls X a “Y”" in the present tense, and what is warned, complained or boasted of: the
/// content is the object and the words after it. "calls" as a noun is no cue.
#[test]
fn calls_and_warned_of() {
    run(&[
        Case {
            name: "calls with a quoted predicate",
            text: "Tom Reyes calls the budget a \"lifeline\" for the port.",
            quote: "the budget a \"lifeline\" for the port",
            kind: Mixed,
            speaker: Some("Tom Reyes"),
        },
        Case {
            name: "warned of",
            text: "Ines Varga warned of a \"long\" winter for the harbour.",
            quote: "a \"long\" winter for the harbour",
            kind: Mixed,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "complained of",
            text: "Tom Reyes complained of “endless” delays at the port.",
            quote: "“endless” delays at the port",
            kind: Mixed,
            speaker: Some("Tom Reyes"),
        },
    ]);
    assert_no_quotes(&[
        (
            "calls as a plural noun",
            "The phone calls came late at night.",
        ),
        (
            "calls as a noun after a possessive",
            "Her calls for calm were ignored.",
        ),
    ]);
}

/// "…, according to X." where X is no plain noun phrase (a name with a past-tense-looking word,
/// a possessive, a participle): the words up to the sentence's end are the source.
#[test]
fn according_to_a_long_source() {
    run(&[
        Case {
            name: "a name with a word in -ed",
            text: "The pier will close in May, according to the Associated Press.",
            quote: "The pier will close in May",
            kind: Indirect,
            speaker: Some("Associated Press"),
        },
        Case {
            name: "a possessive source",
            text: "The skipper had worked on the ferry since 2011, according to his Instagram account.",
            quote: "The skipper had worked on the ferry since 2011",
            kind: Indirect,
            speaker: Some("his Instagram account"),
        },
        Case {
            name: "a participle and no comma",
            text: "Ines Varga leads Tom Reyes 47 percent to 36 percent according to a fresh survey published Friday.",
            quote: "Ines Varga leads Tom Reyes 47 percent to 36 percent",
            kind: Indirect,
            speaker: Some("a fresh survey published Friday"),
        },
        Case {
            name: "a one-word source no noun phrase was found for",
            text: "A second ferry line is unlikely, according to survey.",
            quote: "A second ferry line is unlikely",
            kind: Indirect,
            speaker: Some("survey"),
        },
        Case {
            name: "REGRESSION after a colon, the source ends at its comma",
            text: "The council noticed: According to recent polls, the mayor is backed by 38 percent of residents.",
            quote: "the mayor is backed by 38 percent of residents",
            kind: Indirect,
            speaker: Some("recent polls"),
        },
        Case {
            name: "REGRESSION in mid-sentence, the source ends at its comma",
            text: "Ines Varga has signed up 340 volunteers, according to a city tally, but her campaign is short of money.",
            quote: "Ines Varga has signed up 340 volunteers",
            kind: Indirect,
            speaker: Some("a city tally"),
        },
    ]);
}

/// Sources before a sentence-final or interrupting cue: a title with its period before the name
/// ("…, Ms. Varga said."), an adverb between subject and cue ("Reyes however said"), "people
/// familiar with …" and "sources close to …", and "people" as a collective. A noun phrase after
/// the interruption goes on with the statement even when its noun is a cue form ("the brief
/// mention").
#[test]
fn sources_around_the_cue() {
    run(&[
        Case {
            name: "title with a period before a sentence-final cue",
            text: "The dock workers disliked her plan, Ms. Varga said.",
            quote: "The dock workers disliked her plan",
            kind: Indirect,
            speaker: Some("Varga"),
        },
        Case {
            name: "however between subject and cue",
            text: "Tom Reyes however said the ferry would run on Sundays.",
            quote: "the ferry would run on Sundays",
            kind: Indirect,
            speaker: Some("Tom Reyes"),
        },
        Case {
            name: "people familiar with",
            text: "The mayor would accept a smaller pier, people familiar with the talks said.",
            quote: "The mayor would accept a smaller pier",
            kind: Indirect,
            speaker: Some("people"),
        },
        Case {
            name: "sources close to",
            text: "The mayor would quit, sources close to the mayor said.",
            quote: "The mayor would quit",
            kind: Indirect,
            speaker: Some("sources"),
        },
        Case {
            name: "these people interrupting",
            text: "The mayor, these people said, would accept a smaller pier.",
            quote: "would accept a smaller pier",
            kind: Indirect,
            speaker: Some("these people"),
        },
        Case {
            name: "a cue form as the noun after an interruption",
            text: "At times last year, officials said, the brief mention of the ferry could stop a vote.",
            quote: "the brief mention of the ferry could stop a vote",
            kind: Indirect,
            speaker: Some("officials"),
        },
    ]);
}

/// A quotation in title case right before a lower-case noun is a title, not a quote ("“Harbour
/// Lights” star"); a clause before its attribution that opens with a quotation keeps the
/// opening mark, so its span holds both marks.
#[test]
fn titles_before_a_noun_and_balanced_marks() {
    assert_no_quotes(&[(
        "a title before a noun",
        "Ana Reyes is busy.\n“Harbour Lights” star Ana Reyes talked about her new role.",
    )]);
    run(&[Case {
        name: "opening mark kept",
        text: "“We will rebuild the pier” was her slogan, Ines Varga said.",
        quote: "“We will rebuild the pier” was her slogan",
        kind: Mixed,
        speaker: Some("Ines Varga"),
    }]);
    // a slogan in title case that is the sentence's subject stays a quote of its speaker
    run(&[Case {
        name: "a title-case slogan with its verb",
        text: "Ines Varga left the stage.\n“This Is Not Over” she told the crowd.",
        quote: "This Is Not Over",
        kind: Direct,
        speaker: Some("Ines Varga"),
    }]);
}

/// Each quote of `text` as (text, speaker name).
fn quotes_of(text: &str) -> Vec<(&str, Option<String>)> {
    let a = analyze(text);
    a.quotes
        .iter()
        .map(|q| {
            (
                &text[q.span.start..q.span.end],
                q.speaker_id
                    .and_then(|i| a.speakers.get(i))
                    .map(|s| s.name.clone()),
            )
        })
        .collect()
}

#[test]
fn ages_places_and_pointers_around_the_cue() {
    run(&[
        Case {
            name: "an age and a place in apposition after the name",
            text: "Tom Reyes, 30, of Leeds, said the ferry should run all winter.",
            quote: "the ferry should run all winter",
            kind: Indirect,
            speaker: Some("Tom Reyes"),
        },
        Case {
            name: "an age and a description in apposition after the name",
            text: "Anna Novak, 52, a nurse from Leeds, said the ferry should run all winter.",
            quote: "the ferry should run all winter",
            kind: Indirect,
            speaker: Some("Anna Novak"),
        },
        Case {
            name: "an age in apposition after a quotation",
            text: "“The ferry must run all winter,” Tom Reyes, 30, of Leeds, said on Friday.",
            quote: "The ferry must run all winter,",
            kind: Direct,
            speaker: Some("Tom Reyes"),
        },
        Case {
            name: "a common noun place after a sentence-final cue",
            text: "The pier will stay closed until spring, the mayor said at the harbour.",
            quote: "The pier will stay closed until spring",
            kind: Indirect,
            speaker: Some("mayor"),
        },
        Case {
            name: "a place after the listener of a sentence-final cue",
            text: "The pier will stay closed until spring, Ines Varga told reporters near the old pier.",
            quote: "The pier will stay closed until spring",
            kind: Indirect,
            speaker: Some("Ines Varga"),
        },
        Case {
            name: "a pointer back to earlier text after the cue",
            text: "As the mayor mentioned above, the pier is closed.",
            quote: "the pier is closed",
            kind: Indirect,
            speaker: Some("mayor"),
        },
    ]);
    // the place is no part of what was said, nor a clause after it
    for (text, quote) in [
        (
            "The pier will stay closed, Ines Varga said at the harbour that evening.",
            "The pier will stay closed",
        ),
        (
            "Ines Varga said at the harbour that the pier will stay closed.",
            "the pier will stay closed",
        ),
    ] {
        let got = quotes_of(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        // (the content may keep its "that")
        assert!(
            got[0].0.trim_start_matches("that ") == quote,
            "{text}: {got:?}"
        );
        assert_eq!(got[0].1.as_deref(), Some("Ines Varga"), "{text}");
    }
    // "below" reported as what was said, and a place after "in" that names nothing
    assert_eq!(
        quotes_of("As the council noted below, fares will rise.")[0].0,
        "fares will rise"
    );
    assert!(quotes_of("The mayor said she believed in the dream.")
        .iter()
        .any(|q| q.0 == "she believed in the dream"));
}

#[test]
fn expected_asked_and_counted_sources() {
    // "is expected" reports only an infinitive or a that-clause
    assert_no_quotes(&[(
        "an expectation with no clause",
        "The vote is expected any day now.",
    )]);
    assert_eq!(
        quotes_of("The council is expected to approve the plan on Monday.")[0].0,
        "to approve the plan on Monday"
    );
    // "Asked about …" / "Asked to comment" put a topic or a request to the subject: nothing is
    // reported from them, and the subject's statement stands
    for text in [
        "Asked about the ferry, Ines Varga said the timetable would change.",
        "Asked to comment, Ines Varga said the timetable would change.",
    ] {
        let got = quotes_of(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, "the timetable would change");
        assert_eq!(got[0].1.as_deref(), Some("Ines Varga"));
    }
    // … while a question is still reported
    assert!(
        quotes_of("Asked whether the pier would reopen, Ines Varga said it would.")
            .iter()
            .any(|q| q.0 == "whether the pier would reopen")
    );
    // a second counted source after "and" starts its own attribution, without the "and"
    let got = quotes_of(
        "In the survey, 30 percent said the ferry should run and 12 percent said it should not.",
    );
    assert_eq!(
        got.iter().map(|q| q.0).collect::<Vec<_>>(),
        ["the ferry should run", "it should not"]
    );
    let a = analyze("Asked about the ferry, 30 percent said “very likely” and 12 percent said “not likely at all.”");
    let text = "Asked about the ferry, 30 percent said “very likely” and 12 percent said “not likely at all.”";
    let mentions: Vec<&str> = a
        .quotes
        .iter()
        .filter_map(|q| q.speaker_mention)
        .map(|m| &text[m.start..m.end])
        .collect();
    assert_eq!(mentions, ["30 percent", "12 percent"]);
    assert_eq!(
        a.quotes
            .iter()
            .map(|q| &text[q.span.start..q.span.end])
            .collect::<Vec<_>>(),
        ["very likely", "not likely at all."]
    );
    // a noun coordinated after "and" is no new source
    assert_eq!(
        quotes_of("Ines Varga said the mayor and council agreed on the plan.")[0].0,
        "the mayor and council agreed on the plan"
    );
}

#[test]
fn objects_that_point_back_report_nothing() {
    // "echoed the sentiment" reports nothing new; the participle after it still reports
    let got = quotes_of("Mayor Ines Varga echoed the sentiment, saying that the pier must reopen.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "that the pier must reopen");
    assert_eq!(got[0].1.as_deref(), Some("Ines Varga"));
    assert_no_quotes(&[
        (
            "a pointing object and a time",
            "Tom Hale repeated those claims on Friday.",
        ),
        (
            "a possessive and a noun of thought",
            "Tom Hale shared her concerns.",
        ),
    ]);
    // a noun with its own clause reports the clause
    assert_eq!(
        quotes_of("Tom Hale echoed the view that the pier must reopen.")[0].0,
        "the view that the pier must reopen"
    );
}

#[test]
fn an_aside_inside_a_reported_clause_keeps_the_clause() {
    // the relative clause closes with a comma before the clause's own verb: the clause goes on
    let got = quotes_of(
        "Ines Varga added that a review of fares, which rose 12% last year, would be published soon.",
    );
    assert_eq!(
        got[0].0,
        "that a review of fares, which rose 12% last year, would be published soon"
    );
    // a trailing relative clause still ends it
    let got =
        quotes_of("Ines Varga said the council had approved the fares, which rose 12% last year.");
    assert_eq!(got[0].0, "the council had approved the fares");
}

#[test]
fn a_headline_verb_ends_a_name() {
    // title-case headlines: the verb after a title or a name is no part of a name
    assert_no_people(&[
        "Minister Defends Rail Fare Rise as Unions Threaten Strike\n\nThe minister spoke on Monday.",
        "Senator Backs Ferry Plan\n\nThe senator spoke.",
        "Judge Blocks Plan to Close Rural Schools\n\nThe judge ruled on Monday.",
    ]);
    assert_eq!(
        people_of("President Anna Novak Backs Ferry Plan\n\nShe spoke."),
        ["Anna Novak"]
    );
    assert_eq!(
        people_of("Anna Novak Warns of Delays at the Port\n\nNovak spoke on Monday."),
        ["Anna Novak", "Novak"]
    );
    // surnames that are also plural nouns or verbs stay names
    assert_eq!(
        people_of("Ella Woods met Robert Burns."),
        ["Ella Woods", "Robert Burns"]
    );
}

#[test]
fn place_adjective_before_a_surname_names_a_body() {
    // "Northern Power" is a company that speaks, not a person called Power
    let text = "Northern Power said engineers had restored supplies.";
    let a = analyze(text);
    assert_no_people(&[text]);
    assert_eq!(a.speakers.len(), 1);
    assert_eq!(a.speakers[0].name, "Northern Power");
    assert!(a.speakers[0].organisation);
    // a person of that surname, with a first name or a title, is still a person
    assert_eq!(
        people_of("US Ambassador Samantha Power said the vote was close. Power added that talks would go on."),
        ["Samantha Power", "Power"]
    );
    // a sentence-opening function word before a surname is no place adjective
    assert_eq!(
        people_of("But Hale’s plan did not survive the vote."),
        ["Hale"]
    );
}

#[test]
fn weather_roles_before_a_name() {
    run(&[Case {
        name: "a forecaster's role is no part of her name",
        text: "Forecaster Priya Nair told the BBC the gusts had passed.",
        quote: "the gusts had passed",
        kind: Indirect,
        speaker: Some("Priya Nair"),
    }]);
}

#[test]
fn headlines_conjunctions_and_disputed_figures() {
    // a listed surname alone in a title-case headline is no name; a full name there is
    assert_no_people(&["City Council Approves Budget for Parks\n\nThe council met on Thursday."]);
    assert_eq!(
        people_of("Rosa Parks Remembered in Montgomery\n\nThe city honoured her on Monday."),
        ["Rosa Parks"]
    );
    // … and in a sentence it still is one
    assert_eq!(people_of("The crowd cheered for Parks."), ["Parks"]);
    // a conjunction that opens the sentence is no part of the speaker's role
    let a = analyze("But Councilman Robert Diaz said the city could not afford it.");
    assert_eq!(a.speakers[0].name, "Robert Diaz");
    assert_eq!(a.speakers[0].role.as_deref(), Some("Councilman"));
    // "disputed that figure" reports nothing; the participle after it does
    let got = quotes_of(
        "The mayor's office disputed that figure, saying the report did not count new revenue.",
    );
    assert_eq!(
        got.iter().map(|q| q.0).collect::<Vec<_>>(),
        ["the report did not count new revenue"]
    );
}

#[test]
fn a_described_subject_runs_to_its_verb() {
    // the subject of a participle is the whole noun phrase before the verb, not its first word
    for (text, speaker) in [
        (
            "The central bank held its rate on Thursday, saying price rises were slowing.",
            "central bank",
        ),
        (
            "The regional health board opened a clinic, saying demand had doubled.",
            "regional health board",
        ),
        (
            "The ferry company cut its fares, saying demand had fallen.",
            "ferry company",
        ),
        (
            "The minister hit back, accusing critics of scaremongering.",
            "minister",
        ),
    ] {
        let a = analyze(text);
        let m = a.quotes[0].speaker_mention.expect("a speaker mention");
        assert_eq!(
            &text[m.start..m.end].trim_start_matches("The "),
            &speaker,
            "{text}"
        );
    }
}

#[test]
fn company_words_name_no_person() {
    // "Capital", "Semiconductors" and the like name firms: no person, and no "he" resolves to one
    assert_no_people(&[
        "Analysts at Fjord Capital said the market had expected deeper cuts.",
        "Halvorsen Semiconductors will cut 1,200 jobs.",
        "Brightwater Holdings and Kestrel Ventures signed the deal.",
    ]);
    let got = quotes_of(
        "Analysts at Fjord Capital said the cuts were small. Union representative Tom Berg disagreed. The workers, he argued, were paying for the mistakes.",
    );
    assert!(
        got.iter()
            .filter(|q| q.0.starts_with("The workers") || q.0.starts_with("were paying"))
            .all(|q| q.1.as_deref() == Some("Tom Berg")),
        "{got:?}"
    );
}

#[test]
fn a_coordinated_cue_after_an_organisation_shares_it() {
    let got = quotes_of(
        "Northern Power said engineers had restored supplies by 6pm but warned that some rural areas could be cut off until Wednesday.",
    );
    assert_eq!(
        got,
        [
            (
                "engineers had restored supplies by 6pm",
                Some("Northern Power".to_string())
            ),
            (
                "that some rural areas could be cut off until Wednesday",
                Some("Northern Power".to_string())
            ),
        ]
    );
    // a capitalised label before a colon is no organisation that speaks
    assert!(quotes_of("Transcript as follows: the ferry sails at noon.")
        .iter()
        .all(|q| q.1.is_none()));
}

#[test]
fn added_reports_only_a_clause() {
    run(&[
        Case {
            name: "a count added is what the source reports, not speech of its own",
            text: "The economy added 292,000 jobs in December, the department said.",
            quote: "The economy added 292,000 jobs in December",
            kind: Indirect,
            speaker: Some("department"),
        },
        Case {
            name: "added with a clause",
            text: "Ms Novak added that the port would hire more staff.",
            quote: "that the port would hire more staff",
            kind: Indirect,
            speaker: Some("Novak"),
        },
        Case {
            name: "a contracted pronoun opens a clause after an inserted cue",
            text: "But, the harbour master added, it’s not the way to run a port.",
            quote: "it’s not the way to run a port",
            kind: Indirect,
            speaker: Some("harbour master"),
        },
    ]);
    assert_no_quotes(&[
        ("an object added", "The port added a night shift in May."),
        (
            "jobs added in a subordinate clause",
            "While the region added about 150,000 jobs in March, prices kept rising.",
        ),
    ]);
}

/// The quotes found in `text`, as text.
fn quote_texts(text: &str) -> Vec<String> {
    let a = analyze(text);
    a.quotes
        .iter()
        .map(|q| text[q.span.start..q.span.end].to_string())
        .collect()
}

#[test]
fn according_to_between_two_clauses() {
    run(&[
        Case {
            name: "the clause before the source, not the writer's contrast after it",
            text: "The bill has won 40 votes, according to a party tally, but its path to a majority is narrowing.",
            quote: "The bill has won 40 votes",
            kind: Indirect,
            speaker: Some("a party tally"),
        },
        Case {
            name: "a connective before the source is no fragment of the statement",
            text: "In addition, according to the ministry, nearly 9,000 more nurses will be hired.",
            quote: "nearly 9,000 more nurses will be hired",
            kind: Indirect,
            speaker: Some("ministry"),
        },
    ]);
    for (text, not) in [
        (
            "The bill has won 40 votes, according to a party tally, but its path to a majority is narrowing.",
            "but its path to a majority is narrowing",
        ),
        (
            "In addition, according to the ministry, nearly 9,000 more nurses will be hired.",
            "In addition",
        ),
    ] {
        let got = quote_texts(text);
        assert!(!got.iter().any(|q| q == not), "{not:?} reported in {got:?}");
    }
}

#[test]
fn a_new_subject_after_and_ends_the_reported_clause() {
    run(&[
        Case {
            name: "a determiner and a past tense",
            text: "Most commuters said that the ferry was too slow, and those commuters backed the bridge.",
            quote: "that the ferry was too slow",
            kind: Indirect,
            speaker: Some("Most commuters"),
        },
        Case {
            name: "now and a new subject",
            text: "The union argued that wages had to rise, and now the board is paying for it.",
            quote: "that wages had to rise",
            kind: Indirect,
            speaker: Some("union"),
        },
        Case {
            name: "a quantifier and a negated verb",
            text: "The survey found that rents had doubled, and many don't expect them to fall.",
            quote: "that rents had doubled",
            kind: Indirect,
            speaker: Some("survey"),
        },
    ]);
    // "most" before an adverb opens no new subject: nobody called "most" promised anything
    let a =
        analyze("The mayor said she would cut fares, and most recently defended the night bus.");
    assert!(
        a.speakers.iter().all(|s| s.name != "most"),
        "{:?}",
        a.speakers
    );
}

#[test]
fn by_saying_and_titled_listeners() {
    run(&[
        Case {
            name: "responded by saying: the sentence's subject says it",
            text: "A port official responded by saying the ferry should be careful “not to stir up trouble” in the strait, while the ministry also weighed in.",
            quote: "the ferry should be careful “not to stir up trouble” in the strait",
            kind: Mixed,
            speaker: Some("A port official"),
        },
        Case {
            name: "a second attribution after and with a name",
            text: "Anna Novak accuses the mayor of \"hiding the bill\" and Tom Reyes says he is \"losing the city.\"",
            quote: "the mayor of \"hiding the bill\"",
            kind: Mixed,
            speaker: Some("Anna Novak"),
        },
        Case {
            name: "the second attribution of the same sentence",
            text: "Anna Novak accuses the mayor of \"hiding the bill\" and Tom Reyes says he is \"losing the city.\"",
            quote: "he is \"losing the city.\"",
            kind: Mixed,
            speaker: Some("Tom Reyes"),
        },
        Case {
            name: "a listener with an abbreviated title",
            text: "Anna Novak told Sen. Tom Reyes that the plan would fail.",
            quote: "that the plan would fail",
            kind: Indirect,
            speaker: Some("Anna Novak"),
        },
        Case {
            name: "a channel with its number as the listener",
            text: "The harbour trust told Channel 35 that it was focused on safety.",
            quote: "that it was focused on safety",
            kind: Indirect,
            speaker: Some("harbour trust"),
        },
        Case {
            name: "a titled listener in apposition",
            text: "Anna Novak told Sen. Tom Reyes, chairman of the committee, that she would withdraw the plan.",
            quote: "that she would withdraw the plan",
            kind: Indirect,
            speaker: Some("Anna Novak"),
        },
    ]);
}

#[test]
fn a_passive_agent_after_a_quotation_is_no_byline() {
    run(&[Case {
        name: "by the navy after the first fragment",
        text: "“If there had not been that intervention” by the navy, Anna Novak said on Monday, “we would be looking at a disaster.”",
        quote: "we would be looking at a disaster.",
        kind: Direct,
        speaker: Some("Anna Novak"),
    }]);
    assert!(quote_texts(
        "“If there had not been that intervention” by the navy, Anna Novak said on Monday, “we would be looking at a disaster.”"
    )
    .iter()
    .any(|q| q == "If there had not been that intervention"));
}

/// Roles as written: an abbreviated title keeps its period, nouns that qualify a role word are
/// part of it, and a role in apposition before the name is the name's role.
#[test]
fn roles_keep_their_words() {
    for (text, role) in [
        (
            "State Sen. Anna Novak said the budget was a fraud.",
            "State Sen.",
        ),
        (
            "The port’s operations director Anna Novak said the budget was a fraud.",
            "operations director",
        ),
        (
            "The health board chief executive Anna Novak said the budget was a fraud.",
            "health board chief executive",
        ),
        (
            "The port’s operations director, Anna Novak, said the budget was a fraud.",
            "operations director",
        ),
        (
            "Her likely successor, Anna Novak, said the budget was a fraud.",
            "likely successor",
        ),
        (
            "The debate pitted Tom Reyes against opposition leader Anna Novak, who said the budget was a fraud.",
            "opposition leader",
        ),
    ] {
        let a = analyze(text);
        let s = a
            .speakers
            .iter()
            .find(|s| s.name == "Anna Novak")
            .unwrap_or_else(|| panic!("{text:?}: no speaker Anna Novak in {:?}", a.speakers));
        assert_eq!(s.role.as_deref(), Some(role), "{text:?}");
    }
}
