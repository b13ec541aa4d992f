//! Transcript speaker labels (issue 16): the turns of interview and hearing
//! transcripts that outlets publish (`WREN: Well, ...`, `SEN. HANA
//! CASTELLANOS (D-Calif.): ...`, `Mr. Keel: ...`, `Q:` / `A:`) are
//! quotations of the labelled speaker, and the label is no part of any
//! claim. Short articles written for the tests
//! (`tests/fixtures/quotes/README.md`), through `parallax::analyze`.

use serde_json::Value;

mod common;

fn report(files: &[&str]) -> Value {
    common::fixture_report("quotes", files)
}

const FILES: &[&str] = &[
    "transcript_interview.txt",
    "transcript_hearing.txt",
    "transcript_questions.txt",
];

/// The quotation whose words contain `words`, if any.
fn quote<'a>(r: &'a Value, words: &str) -> Option<&'a Value> {
    r["quotes"]
        .as_array()?
        .iter()
        .find(|q| q["text"].as_str().is_some_and(|t| t.contains(words)))
}

#[test]
fn each_turn_is_a_quotation_of_its_labelled_speaker() {
    let r = report(FILES);
    // (scenario, words of the turn, speaker, described)
    let cases = [
        (
            "capitals surname, host",
            "short by four million",
            "Priya Dutt",
            false,
        ),
        (
            "capitals surname, guest",
            "we will find the money",
            "Tobias Wren",
            false,
        ),
        (
            "a guest's second turn",
            "go back to the voters",
            "Tobias Wren",
            false,
        ),
        (
            "title, name and party",
            "when did you learn",
            "Hana Castellanos",
            false,
        ),
        ("title and surname", "In March, Senator", "Amos Keel", false),
        (
            "title and surname again",
            "a failure of ours",
            "Amos Keel",
            false,
        ),
        (
            "Q: the interviewer",
            "How many ships",
            "the interviewer",
            true,
        ),
        (
            "A: the one interviewed",
            "About four hundred",
            "the interviewee",
            true,
        ),
    ];
    for (scenario, words, speaker, described) in cases {
        let q = quote(&r, words).unwrap_or_else(|| panic!("{scenario}: no quotation"));
        assert_eq!(q["speaker"].as_str(), Some(speaker), "{scenario}: {q}");
        assert_eq!(
            q["speaker_described"].as_bool(),
            Some(described),
            "{scenario}"
        );
        assert_eq!(q["kind"].as_str(), Some("statement"), "{scenario}");
    }
    // A turn runs over its hard-wrapped line (which ingest joins), and no
    // further.
    let keel = quote(&r, "In March, Senator").unwrap()["text"]
        .as_str()
        .unwrap();
    assert_eq!(
        keel,
        "In March, Senator. We closed it the same week, and we told the council the next day."
    );
}

#[test]
fn notes_datelines_and_headings_are_no_turns() {
    let r = report(FILES);
    for words in [
        "edited for length",
        "did not comment",
        "reopen in June",
        "open in July",
        "Defends Ferry Budget",
    ] {
        assert!(quote(&r, words).is_none(), "{words:?} taken for a turn");
    }
}

#[test]
fn labels_stay_out_of_claims() {
    let r = report(FILES);
    let sentences = r["sentences"].as_array().unwrap();
    let text_of = |id: &Value| {
        sentences[id.as_u64().unwrap() as usize]["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    for s in sentences {
        let text = s["text"].as_str().unwrap();
        if ["DUTT:", "WREN:", "Mr. Keel:", "Q:", "A:"].contains(&text) || text.starts_with("SEN. ")
        {
            assert_eq!(s["kind"].as_str(), Some("other"), "{text:?}");
        }
        if s["kind"].as_str() == Some("claim") {
            for label in ["DUTT:", "WREN:", "CASTELLANOS", "Keel:", "Q:", "A:"] {
                assert!(!text.contains(label), "{label} in claim {text:?}");
            }
        }
    }
    // The turn's words are a claim of their own.
    let words = sentences.iter().any(|s| {
        s["text"].as_str() == Some("Well, we will find the money.") && s["kind"] == "claim"
    });
    assert!(words, "the turn's first sentence is a claim");
    for c in r["claims"].as_array().unwrap() {
        let label = c["label"].as_str().unwrap();
        assert!(
            !label.starts_with("WREN:") && !label.starts_with("DUTT:"),
            "{label:?}"
        );
        for s in c["sentences"].as_array().unwrap() {
            assert!(!text_of(s).starts_with("WREN:"));
        }
    }
}
