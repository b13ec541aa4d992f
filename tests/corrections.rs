//! Corrections by hand end to end on invented fixtures
//! (`tests/fixtures/align/flood_three_outlets`, `tests/fixtures/quotes`):
//! a wording detached, claims merged, a sentence added, a speaker changed,
//! an outlet renamed; each survives a second analysis from the Report's own
//! list, and a correction naming what is not there becomes a note. Needs
//! nothing from `../shared`.

use parallax::corrections::{Correction, SpanRef};
use parallax::{analyze, Input, Options, Report};
use std::path::PathBuf;

fn inputs(folder: &str) -> Vec<Input> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| Input {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(p).expect("fixture readable"),
        })
        .collect()
}

fn with(corrections: Vec<Correction>) -> Options {
    Options {
        corrections,
        ..Options::default()
    }
}

/// The sentence whose text starts with `start`, as a correction names it.
fn sentence(r: &Report, start: &str) -> SpanRef {
    let s = r
        .sentences
        .iter()
        .find(|s| s.text.starts_with(start))
        .expect(start);
    SpanRef {
        file: r.documents[s.doc].file.clone(),
        start: s.start,
        text: Some(s.text.clone()),
    }
}

fn claim_of(r: &Report, start: &str) -> Option<usize> {
    r.sentences
        .iter()
        .find(|s| s.text.starts_with(start))
        .expect(start)
        .claim
}

const BRIDGE_COPY: &str = "The old stone bridge over the Arlen collapsed";
const BRIDGE_WIRE: &str = "The old stone bridge over the Arlen did not";
const SECOND: &str = "This is the second major flood";
const FIRST: &str = "It is the first major flood";
const SHOPS: &str = "Shops along the riverfront";
const FOOTBALL: &str = "Local supporters still gathered";

#[test]
fn detach_merge_and_attach_change_the_claims_and_nothing_else() {
    let files = inputs("align/flood_three_outlets");
    let found = analyze(&files, &Options::default());
    let before = found.claims.len();
    assert!(claim_of(&found, BRIDGE_COPY).is_some() && claim_of(&found, SECOND).is_some());
    assert_eq!(claim_of(&found, SHOPS), None);
    assert!(found.claims.iter().all(|c| !c.corrected));

    // The bridge "collapsed" / "did not collapse" pair is one outlet's
    // denial of the other's report; an editor detaches the wire's wording.
    let detach = Correction::Detach {
        sentence: sentence(&found, BRIDGE_WIRE),
    };
    let r = analyze(&files, &with(vec![detach.clone()]));
    assert_eq!(claim_of(&r, BRIDGE_WIRE), None);
    assert_eq!(
        claim_of(&r, BRIDGE_COPY),
        None,
        "a claim of one outlet is no claim"
    );
    assert_eq!(r.claims.len(), before - 1);
    assert_eq!(r.corrections, vec![detach.clone()]);

    // Two unaligned sentences of different outlets merged make a claim; a
    // sentence added to a claim joins it, labelled and marked corrected.
    let merge = Correction::Merge {
        a: sentence(&found, SHOPS),
        b: sentence(&found, FOOTBALL),
    };
    let attach = Correction::Attach {
        sentence: sentence(&found, BRIDGE_WIRE),
        to: sentence(&found, SECOND),
    };
    let r = analyze(&files, &with(vec![merge, attach]));
    let shops = claim_of(&r, SHOPS).expect("merged into a claim");
    assert_eq!(claim_of(&r, FOOTBALL), Some(shops));
    assert!(r.claims[shops].corrected);
    let second = claim_of(&r, SECOND).unwrap();
    assert_eq!(claim_of(&r, BRIDGE_WIRE), Some(second));
    assert_eq!(claim_of(&r, FIRST), Some(second));
    assert!(r.claims[second].corrected);
    let wire = r
        .sentences
        .iter()
        .find(|s| s.text.starts_with(BRIDGE_WIRE))
        .unwrap()
        .id;
    assert!(r.claims[second].sentences.contains(&wire));
    assert!(r.claims[second].wordings.iter().any(|w| w.sentence == wire));
    assert!(
        r.notes.iter().all(|n| !n.contains("could not be applied")),
        "{:?}",
        r.notes
    );
}

#[test]
fn corrections_come_back_from_an_exported_report_and_missing_targets_are_noted() {
    let files = inputs("align/flood_three_outlets");
    let found = analyze(&files, &Options::default());
    let list = vec![
        Correction::Detach {
            sentence: sentence(&found, SECOND),
        },
        Correction::Outlet {
            file: "wire.txt".into(),
            outlet: "Arlen Wire Service".into(),
        },
        Correction::Detach {
            sentence: SpanRef {
                file: "gone.txt".into(),
                start: 0,
                text: None,
            },
        },
    ];
    let r = analyze(&files, &with(list.clone()));
    let json = r.to_json();
    let back = parallax::corrections::parse(&json).expect("the Report's list reads back");
    assert_eq!(back, list);
    let again = analyze(&files, &with(back));
    assert_eq!(
        again.to_json(),
        json,
        "the same corrections give the same Report"
    );
    let wire = again
        .documents
        .iter()
        .find(|d| d.file == "wire.txt")
        .unwrap();
    assert_eq!(wire.outlet.as_deref(), Some("Arlen Wire Service"));
    assert_eq!(serde_json::to_value(wire.outlet_source).unwrap(), "hand");
    assert_eq!(claim_of(&again, SECOND), None);
    let notes: Vec<&String> = again
        .notes
        .iter()
        .filter(|n| n.contains("could not be applied"))
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", again.notes);
    assert!(notes[0].contains("gone.txt"));
}

#[test]
fn a_quotation_given_to_another_speaker_moves_to_that_speaker() {
    let files = inputs("quotes");
    let found = analyze(&files, &Options::default());
    let q = found
        .quotes
        .iter()
        .find(|q| q.speaker.is_some())
        .expect("an attributed quotation");
    let before = q.speaker.clone().unwrap();
    let fix = Correction::Speaker {
        quote: SpanRef {
            file: found.documents[q.doc].file.clone(),
            start: q.start,
            text: Some(q.text.clone()),
        },
        speaker: "Ines Marlowe".into(),
    };
    let r = analyze(&files, &with(vec![fix]));
    let moved = &r.quotes[q.id];
    assert_eq!(moved.text, q.text);
    assert_eq!(
        moved.speaker.as_deref(),
        Some("Ines Marlowe"),
        "was {before}"
    );
    assert!(r.speakers.iter().any(|s| s.name == "Ines Marlowe"));
}

#[test]
fn outlets_are_named_from_the_file_when_the_page_does_not_name_them() {
    let r = analyze(
        &[
            Input {
                name: "event-a/huffpost.txt".into(),
                bytes: b"The council voted on Monday to close the bridge.".to_vec(),
            },
            Input {
                name: "event-b/huffpost.txt".into(),
                bytes: b"The mayor resigned on Friday after the vote.".to_vec(),
            },
            Input {
                name: "daily-planet/001_0c115d166d03e55d.txt".into(),
                bytes: b"The bridge will close for repairs next month.".to_vec(),
            },
            // A folder of several outlets' articles names none of them.
            Input {
                name: "collected/000_79ab2758.html".into(),
                bytes: br#"<html><head><meta property="og:site_name" content="Harbour Gazette"></head><body><p>The ferry ran late on Tuesday.</p></body></html>"#.to_vec(),
            },
            Input {
                name: "collected/003_74aaab60c99df7bf.txt".into(),
                bytes: b"The ferry will run again on Sunday.".to_vec(),
            },
        ],
        &Options::default(),
    );
    let names: Vec<(String, serde_json::Value)> = r
        .documents
        .iter()
        .map(|d| {
            (
                d.outlet.clone().unwrap(),
                serde_json::to_value(d.outlet_source).unwrap(),
            )
        })
        .collect();
    let want = |name: &str, source: &str| (name.to_string(), serde_json::Value::from(source));
    assert_eq!(
        names,
        vec![
            want("huffpost", "file"),
            want("huffpost", "file"),
            want("daily-planet", "folder"),
            want("Harbour Gazette", "page"),
            want("003", "file"),
        ]
    );
}
