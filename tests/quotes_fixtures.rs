//! Quotation scenarios on short articles written for the tests (listed in
//! `tests/fixtures/quotes/README.md`), through `parallax::analyze`.

use parallax::{analyze, Input, Options};
use serde_json::Value;

mod common;

fn report(files: &[&str]) -> Value {
    common::fixture_report("quotes", files)
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

/// Thousands of quotations, the same words in two outlets, a mark every
/// other character: the whole pipeline stays near-linear (a quadratic step
/// here would take minutes, not a second).
#[test]
fn many_quotations_across_outlets_stay_fast() {
    let remark = "Ann Lee said “we go now and stay” today. ".repeat(1000);
    let marks = "“a".repeat(20_000) + &"\"b".repeat(20_000);
    let inputs = vec![
        Input {
            name: "a.txt".into(),
            bytes: remark.clone().into_bytes(),
        },
        Input {
            name: "b.txt".into(),
            bytes: format!("Bo Chan said “we go now and stay” then. {remark}").into_bytes(),
        },
        Input {
            name: "c.txt".into(),
            bytes: marks.into_bytes(),
        },
    ];
    let report = analyze(&inputs, &Options::default());
    assert!(report.quotes.len() >= 2000);
    let group = report
        .quote_groups
        .iter()
        .find(|g| g.link == "same words")
        .expect("one remark");
    assert!(
        group.conflict,
        "Ann Lee and Bo Chan are given the same words"
    );
}

/// Random texts through the whole pipeline: speakers, groups and spans hold
/// together (no panic; every quote and differing span slices its text).
#[test]
fn random_outlets_hold_together() {
    const PIECES: &[&str] = &[
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        " ",
        " ",
        "\n\n",
        "Ali Khamenei",
        "Khamenei",
        "said",
        "he",
        "the Iranian president",
        "President Ebrahim Raisi",
        ",",
        ".",
        "a harsh blow",
        "severe blow",
        "é",
        "🙂",
        "Qassem Soleimani",
        "Qasem Soleimani",
        "told",
        "we will stay",
    ];
    let mut rng = parallax::testing::XorShift::new(0x9e37_79b9_7f4a_7c15);
    for _ in 0..40 {
        let inputs: Vec<Input> = (0..3)
            .map(|d| {
                let text = format!("Title line\n\n{}", rng.text(PIECES, 150));
                Input {
                    name: format!("{d}.txt"),
                    bytes: text.into_bytes(),
                }
            })
            .collect();
        let report = analyze(&inputs, &Options::default());
        for q in &report.quotes {
            let units: Vec<u16> = report.documents[q.doc].text.encode_utf16().collect();
            assert_eq!(String::from_utf16(&units[q.start..q.end]).unwrap(), q.text);
        }
        for g in &report.quote_groups {
            for m in &g.members {
                let units: Vec<u16> = report.quotes[m.quote].text.encode_utf16().collect();
                for d in &m.differing {
                    assert!(d[0] < d[1] && d[1] <= units.len());
                    assert!(String::from_utf16(&units[d[0]..d[1]]).is_ok());
                }
            }
        }
    }
}

/// Issue 16, point 6: a remark quoted whole in one outlet and in two pieces
/// in others is one quote group, the pieces marked with the member they
/// are a piece of.
#[test]
fn a_remark_quoted_in_pieces_joins_the_whole() {
    let r = report(&[
        "pieces_outlet_a.txt",
        "pieces_outlet_b.txt",
        "pieces_outlet_c.txt",
    ]);
    let quotes = r["quotes"].as_array().unwrap();
    let text_of = |m: &Value| {
        quotes[m["quote"].as_u64().unwrap() as usize]["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let groups = r["quote_groups"].as_array().unwrap();
    let g = groups
        .iter()
        .find(|g| {
            g["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| text_of(m).contains("nothing to hide"))
        })
        .expect("the remark is grouped");
    let members = g["members"].as_array().unwrap();
    assert_eq!(members.len(), 5, "{g}");
    assert_eq!(g["docs"], serde_json::json!([0, 1, 2]));
    let whole = members.iter().find(|m| m["doc"] == 0).unwrap();
    assert!(whole.get("piece_of").is_none_or(Value::is_null), "{whole}");
    for m in members.iter().filter(|m| m["doc"] != 0) {
        assert_eq!(m["piece_of"], whole["quote"], "{m}");
    }
}
