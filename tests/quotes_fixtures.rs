//! Quotation scenarios on short articles written for the tests (listed in
//! `tests/fixtures/quotes/README.md`), through `parallax::analyze`.

use parallax::{analyze, Input, Options};
use serde_json::Value;

fn report(files: &[&str]) -> Value {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes");
    let inputs: Vec<Input> = files
        .iter()
        .map(|f| Input {
            name: f.to_string(),
            bytes: std::fs::read(dir.join(f)).expect("fixture readable"),
        })
        .collect();
    serde_json::from_str(&analyze(&inputs, &Options::default()).to_json()).expect("valid JSON")
}

#[test]
fn same_words_given_to_different_speakers_are_flagged() {
    let r = report(&["conflict_outlet_a.txt", "conflict_outlet_b.txt"]);
    let groups = r["quote_groups"].as_array().unwrap();
    let spine = groups
        .iter()
        .find(|g| g["link"] == "same words")
        .expect("the spine remark is grouped");
    assert_eq!(spine["conflict"], true);
    assert_eq!(
        spine["conflicting_speakers"],
        serde_json::json!(["Ana Ruiz", "Tom Hale"])
    );
    let budget = groups
        .iter()
        .find(|g| g["link"] == "contained")
        .expect("the budget remark is grouped by containment");
    assert_eq!(budget["docs"], serde_json::json!([0, 1]));
    // The longer cut marks its extra words as differing.
    let quotes = r["quotes"].as_array().unwrap();
    let longer = budget["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| {
            quotes[m["quote"].as_u64().unwrap() as usize]["text"]
                .as_str()
                .unwrap()
                .contains("ahead")
        })
        .unwrap();
    let text = quotes[longer["quote"].as_u64().unwrap() as usize]["text"]
        .as_str()
        .unwrap();
    let marked: Vec<&str> = longer["differing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &text[d[0].as_u64().unwrap() as usize..d[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(marked, ["and", "ahead", "of", "time"]);
}

#[test]
fn quotation_runs_over_paragraphs_and_pronoun_finds_the_speaker() {
    let r = report(&["paragraphs_run_on.txt"]);
    let quotes = r["quotes"].as_array().unwrap();
    let long = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with("We have waited"))
        .expect("the run-on quotation");
    let text = long["text"].as_str().unwrap();
    assert!(
        text.ends_with("And no family will pay more for it."),
        "{text:?}"
    );
    assert_eq!(long["speaker"], "Jorge Pereira");
    assert_eq!(
        quotes
            .iter()
            .filter(|q| q["text"].as_str().unwrap().contains("new roof"))
            .count(),
        1
    );
    let fair = quotes
        .iter()
        .find(|q| q["text"] == "fair to everyone")
        .unwrap();
    assert_eq!(fair["speaker"], "Jorge Pereira");
    assert_eq!(fair["kind"], "fragment");
}
