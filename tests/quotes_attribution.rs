//! Dash and colon attributions across sentence and paragraph boundaries
//! (issue #16, point 4), on short articles written for the tests
//! (`tests/fixtures/quotes/README.md`), through `parallax::analyze`.

use parallax::{analyze, Input, Options};
use serde_json::Value;

fn quotes(file: &str) -> Vec<Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/quotes")
        .join(file);
    let input = Input {
        name: file.to_string(),
        bytes: std::fs::read(path).expect("fixture readable"),
    };
    let report: Value = serde_json::from_str(&analyze(&[input], &Options::default()).to_json())
        .expect("valid JSON");
    report["quotes"].as_array().cloned().unwrap_or_default()
}

/// The speaker given to the quotation containing `words`.
fn speaker_of<'a>(quotes: &'a [Value], words: &str) -> Option<&'a str> {
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().is_some_and(|t| t.contains(words)))
        .unwrap_or_else(|| panic!("no quotation with {words:?}"));
    q["speaker"].as_str()
}

#[test]
fn dash_signatures_name_the_speaker() {
    let q = quotes("dash_signatures.txt");
    // (scenario, words of the quotation, the speaker's name)
    let cases = [
        ("hyphen, no space, title", "half this town", "Miriam Okafor"),
        ("hyphen with a space, title", "island families", "Dev Patel"),
        ("en dash, name then role", "wait an hour", "Tomas Lindqvist"),
        (
            "em dash, place and role then name",
            "budget holds",
            "Ines Duarte",
        ),
        (
            "em dash, no space, name then role",
            "four crossings",
            "Ruth Abernathy",
        ),
    ];
    // A title the project does not know ("Harbourmaster") may stay in the
    // name; the person must be there.
    for (scenario, words, name) in cases {
        let got = speaker_of(&q, words);
        assert!(got.is_some_and(|s| s.contains(name)), "{scenario}: {got:?}");
    }
}

#[test]
fn a_dash_inside_a_sentence_signs_nothing() {
    let q = quotes("dash_signatures.txt");
    for words in ["overdue", "a long winter"] {
        let quote = q
            .iter()
            .find(|x| x["text"].as_str().is_some_and(|t| t.contains(words)))
            .expect("quotation found");
        assert_ne!(quote["cue"], "―", "{words}: {quote}");
        assert!(
            !quote["speaker"]
                .as_str()
                .is_some_and(|s| s.contains("Okafor") || s.contains("Lakeport")),
            "{words}: {quote}"
        );
    }
}

#[test]
fn colon_intros_name_the_speaker() {
    let q = quotes("colon_intros.txt");
    let cases = [
        (
            "from, after another speaker's quotation",
            "cut its water use",
            "Helen Marsh",
        ),
        ("said:", "apricots", "Joan Whitcombe"),
        ("told reporters:", "tankers", "Alan Prieto"),
        (
            "an organisation, in a statement:",
            "share wells",
            "Valley Growers Cooperative",
        ),
        ("said in a statement:", "written warnings", "Helen Marsh"),
    ];
    for (scenario, words, name) in cases {
        let got = speaker_of(&q, words);
        assert!(got.is_some_and(|s| s.contains(name)), "{scenario}: {got:?}");
    }
}

#[test]
fn a_colon_lead_naming_no_one_gives_no_speaker() {
    let q = quotes("colon_intros.txt");
    // The speaker before the lead is the governor: a wrong speaker is worse
    // than none.
    assert_eq!(speaker_of(&q, "Watering lawns"), None);
    // The colon paragraph with no quotation after it hands nothing on: the
    // quotation after it belongs to its own sentence's speaker, described
    // rather than named (issue 16, point 3).
    assert_eq!(
        speaker_of(&q, "badly overdrawn").as_deref(),
        Some("A hydrologist at the state university")
    );
    // The Report marks it as a description; named speakers are not.
    let described = |words: &str| {
        q.iter()
            .find(|x| x["text"].as_str().is_some_and(|t| t.contains(words)))
            .map(|x| x["speaker_described"].clone())
    };
    assert_eq!(described("badly overdrawn"), Some(Value::Bool(true)));
    assert_eq!(described("written warnings"), Some(Value::Bool(false)));
    assert!(!q
        .iter()
        .any(|x| x["text"].as_str().is_some_and(|t| t.contains("Sprinklers"))));
}

/// The Report of one fixture, as JSON.
fn report(file: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/quotes")
        .join(file);
    let input = Input {
        name: file.to_string(),
        bytes: std::fs::read(path).expect("fixture readable"),
    };
    serde_json::from_str(&analyze(&[input], &Options::default()).to_json()).expect("valid JSON")
}

#[test]
fn press_release_signatures_colon_leads_and_pronouns() {
    let q = quotes("press_release.txt");
    let cases = [
        (
            "dash signature with a title",
            "twenty years guiding ships",
            "Oskar Lindqvist",
        ),
        (
            "colon paragraph names the next speaker",
            "safe base",
            "Imani Okafor",
        ),
        (
            "according to a titled speaker",
            "no closures",
            "Leon Vasquez",
        ),
        (
            "pronoun a paragraph after the name",
            "a decade ago",
            "Leon Vasquez",
        ),
    ];
    for (scenario, words, name) in cases {
        assert_eq!(speaker_of(&q, words), Some(name), "{scenario}");
    }
}

#[test]
fn a_quoted_question_and_its_speech_tag_are_one_sentence() {
    let r = report("quoted_question.txt");
    let sentences: Vec<&str> = r["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["text"].as_str())
        .collect();
    for want in [
        "\"Can the ferry sail tomorrow?\" Councillor Bea Amsel asked at the evening meeting.",
        "The operator said it could not yet tell.",
        "A deckhand yelled \"Fire in the hold!\" moments before the alarm sounded.",
        "\"We want answers!\" Mayor Dario Conte shouted outside the terminal.",
    ] {
        assert!(sentences.contains(&want), "{want:?} not in {sentences:#?}");
    }
    let q = r["quotes"].as_array().cloned().unwrap_or_default();
    assert_eq!(speaker_of(&q, "sail tomorrow"), Some("Bea Amsel"));
    assert_eq!(speaker_of(&q, "want answers"), Some("Dario Conte"));
    assert_eq!(
        speaker_of(&q, "checked the engines"),
        Some("a passenger on the pier")
    );
}

#[test]
fn unpaired_marks_never_run_past_the_paragraph() {
    let r = report("unpaired_marks.txt");
    let text = r["documents"][0]["text"].as_str().unwrap().to_string();
    let units: Vec<u16> = text.encode_utf16().collect();
    for q in r["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        let inner = String::from_utf16_lossy(&units[s..e]);
        assert!(!inner.contains("\n\n"), "{inner:?} runs past its paragraph");
    }
    let q = r["quotes"].as_array().cloned().unwrap_or_default();
    // Straight opening, curly closing: the pair still closes there.
    let mixed = q
        .iter()
        .find(|x| {
            x["text"]
                .as_str()
                .is_some_and(|t| t.contains("wait any longer"))
        })
        .unwrap();
    assert_eq!(mixed["text"], "we will not wait any longer");
    // No closing mark: the paragraph ends the quotation, marked unclosed.
    let open = q
        .iter()
        .find(|x| {
            x["text"]
                .as_str()
                .is_some_and(|t| t.contains("budget is fine"))
        })
        .unwrap();
    assert_eq!(open["closed"], false);
    assert_eq!(speaker_of(&q, "it is done"), Some("Ada Lim"));
    assert_eq!(speaker_of(&q, "ok"), Some("Roe"));
}
