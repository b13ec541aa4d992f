//! Quotations and speakers on the five seed articles, through the whole
//! pipeline (`parallax::analyze`): the seed examples the design names.

mod common;

use serde_json::Value;

fn seed_report() -> Option<Value> {
    common::seed_report_json("quotes_seeds")
}

fn quotes(report: &Value) -> &Vec<Value> {
    report["quotes"].as_array().unwrap()
}

/// The quotation of document `doc` whose text starts with `start`.
fn quote<'a>(report: &'a Value, doc: u64, start: &str) -> &'a Value {
    quotes(report)
        .iter()
        .find(|q| q["doc"] == doc && q["text"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no quotation {start:?} in document {doc}"))
}

#[test]
fn seed_speakers() {
    let Some(report) = seed_report() else { return };
    // (doc, quotation opening, canonical speaker, words the text gives)
    let cases: &[(u64, &str, &str, Option<&str>)] = &[
        (0, "a harsh blow", "Ali Khamenei", Some("Khamenei")),
        (
            1,
            "We say to those groups who are betting on the Americans",
            "Bashar al-Assad",
            Some("he"),
        ),
        (
            3,
            "occupying troops and their mercenaries should be expelled",
            "Ebrahim Raisi",
            Some("the Iranian president"),
        ),
        (2, "severe blow", "Ali Khamenei", Some("Khamenei")),
        (
            4,
            "The issue of the buffer zone",
            "Ali Khamenei",
            Some("The Leader"),
        ),
        (
            3,
            "sacred defense",
            "Ali Khamenei",
            Some("Iran’s supreme leader"),
        ),
    ];
    for (doc, start, speaker, given) in cases {
        let q = quote(&report, *doc, start);
        assert_eq!(q["speaker"], *speaker, "{start}: {q}");
        assert_eq!(q["speaker_given"].as_str(), *given, "{start}: {q}");
    }
}

#[test]
fn seed_quotation_spans_and_kinds() {
    let Some(report) = seed_report() else { return };
    let harsh = quote(&report, 0, "a harsh blow");
    assert_eq!(harsh["text"], "a harsh blow");
    assert_eq!(harsh["kind"], "fragment");
    assert_eq!(quote(&report, 1, "plots")["kind"], "term");
    assert_eq!(quote(&report, 2, "terrorism")["kind"], "term");
    assert_eq!(quote(&report, 3, "occupying troops")["kind"], "statement");
    // The quotation whose closing mark is missing ends with its paragraph.
    let unclosed = quote(&report, 3, "Iran’s path is a correct and fundamental path.");
    assert_eq!(
        unclosed["text"],
        "Iran’s path is a correct and fundamental path."
    );
    assert_eq!(unclosed["closed"], false);
    // Single quotation marks, not apostrophes.
    assert_eq!(quote(&report, 4, "loud voice")["text"], "loud voice");
    assert_eq!(
        quote(&report, 3, "Strengthening the deterrence")["text"],
        "Strengthening the deterrence"
    );
    for q in quotes(&report) {
        let text = q["text"].as_str().unwrap();
        assert!(
            !text.starts_with("s ") && !text.contains("message with"),
            "an apostrophe paired: {text:?}"
        );
    }
    // Every span slices its document's text (UTF-16 units).
    let docs = report["documents"].as_array().unwrap();
    for q in quotes(&report) {
        let units: Vec<u16> = docs[q["doc"].as_u64().unwrap() as usize]["text"]
            .as_str()
            .unwrap()
            .encode_utf16()
            .collect();
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf16(&units[s..e]).unwrap(),
            q["text"].as_str().unwrap()
        );
    }
}

#[test]
fn seed_speakers_have_one_name_each() {
    let Some(report) = seed_report() else { return };
    let speakers = report["speakers"].as_array().unwrap();
    let khamenei: Vec<&Value> = speakers
        .iter()
        .filter(|s| {
            s["name"].as_str().unwrap().contains("Khamenei")
                || s["aliases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a.as_str().unwrap().contains("Khamenei"))
        })
        .collect();
    assert_eq!(khamenei.len(), 1, "one Khamenei: {khamenei:?}");
    let aliases: Vec<&str> = khamenei[0]["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    for alias in ["Khamenei", "The Leader", "Iran’s supreme leader"] {
        assert!(aliases.contains(&alias), "{alias} missing from {aliases:?}");
    }
    assert_eq!(khamenei[0]["docs"].as_array().unwrap().len(), 5);
    let raisi = speakers
        .iter()
        .find(|s| s["name"] == "Ebrahim Raisi")
        .expect("Raisi is a speaker");
    assert!(raisi["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "the Iranian president"));
    // 001 names the agency in full and by its initials: one speaker.
    let sana = speakers
        .iter()
        .find(|s| s["name"] == "Syrian Arab News Agency")
        .expect("the agency is a speaker");
    assert_eq!(sana["aliases"], serde_json::json!(["SANA"]));
    assert!(!speakers.iter().any(|s| s["name"] == "SANA"));
    for s in speakers {
        let name = s["name"].as_str().unwrap();
        for title in ["President ", "Ayatollah ", "Supreme Leader "] {
            assert!(!name.starts_with(title), "a title in the name key: {name}");
        }
    }
}

#[test]
fn harsh_blow_and_severe_blow_are_one_remark() {
    let Some(report) = seed_report() else { return };
    let harsh = quote(&report, 0, "a harsh blow");
    let severe = quote(&report, 2, "severe blow");
    assert!(harsh["group"].is_u64(), "a harsh blow is in no group");
    assert_eq!(harsh["group"], severe["group"]);
    let group = &report["quote_groups"][harsh["group"].as_u64().unwrap() as usize];
    assert_eq!(group["speaker"], "Ali Khamenei");
    assert_eq!(group["conflict"], false);
    let differing = |quote_id: &Value, text: &str| -> Vec<String> {
        let member = group["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| &m["quote"] == quote_id)
            .unwrap();
        let units: Vec<u16> = text.encode_utf16().collect();
        member["differing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                String::from_utf16(
                    &units[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize],
                )
                .unwrap()
            })
            .collect()
    };
    let h = differing(&harsh["id"], "a harsh blow");
    let s = differing(&severe["id"], "severe blow");
    assert!(
        h.contains(&"harsh".to_string()) && !h.contains(&"blow".to_string()),
        "{h:?}"
    );
    assert!(
        s.contains(&"severe".to_string()) && !s.contains(&"blow".to_string()),
        "{s:?}"
    );
}
