//! Alignment end to end on invented fixtures (`tests/fixtures/align/`, see
//! its README): claims across outlets, soft and hard number discrepancies,
//! negation and ordinal conflicts, and a wire copy's verbatim share. Needs
//! nothing from `../shared`.

use parallax::{analyze, Input, Options, Report};
use std::path::PathBuf;

fn scenario(name: &str) -> Report {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/align")
        .join(name);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let inputs: Vec<Input> = files
        .iter()
        .map(|p| Input {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(p).expect("fixture readable"),
        })
        .collect();
    analyze(&inputs, &Options::default())
}

fn doc(r: &Report, file: &str) -> usize {
    r.documents.iter().find(|d| d.file == file).expect(file).id
}

/// The claim of the sentence of `file` containing `phrase`.
fn claim(r: &Report, file: &str, phrase: &str) -> Option<usize> {
    let d = doc(r, file);
    r.sentences
        .iter()
        .find(|s| s.doc == d && s.text.contains(phrase))
        .unwrap_or_else(|| panic!("{file}: no sentence with {phrase:?}"))
        .claim
}

fn kinds(r: &Report, c: usize) -> Vec<(String, bool)> {
    r.claims[c]
        .discrepancies
        .iter()
        .map(|d| (d.kind.clone(), d.compatible))
        .collect()
}

#[test]
fn death_toll_is_one_claim_with_a_soft_number_discrepancy() {
    let r = scenario("flood_three_outlets");
    let c = claim(&r, "wire.txt", "at least 40").expect("the toll is shared");
    assert_eq!(claim(&r, "copy.txt", "killed 45 people"), Some(c));
    assert_eq!(claim(&r, "local.txt", "Dozens of people"), Some(c));
    let numbers = r.claims[c]
        .discrepancies
        .iter()
        .find(|d| d.kind == "number")
        .expect("a number discrepancy");
    let values: Vec<&str> = numbers.values.iter().map(|v| v.value.as_str()).collect();
    assert!(
        values.contains(&"at least 40") && values.contains(&"45") && values.contains(&"Dozens"),
        "{values:?}"
    );
    assert!(
        numbers.compatible,
        "at least 40, 45 and dozens can all hold"
    );
}

#[test]
fn evacuated_counts_conflict_hard() {
    let r = scenario("flood_three_outlets");
    let c = claim(&r, "wire.txt", "evacuated 12,000").expect("the evacuation is shared");
    assert_eq!(claim(&r, "copy.txt", "Some 20,000 residents"), Some(c));
    assert!(
        kinds(&r, c).contains(&("number".to_string(), false)),
        "{:?}",
        kinds(&r, c)
    );
}

#[test]
fn negation_and_ordinal_conflicts() {
    let r = scenario("flood_three_outlets");
    let bridge = claim(&r, "wire.txt", "did not collapse").expect("the bridge is shared");
    assert_eq!(
        claim(&r, "copy.txt", "bridge over the Arlen collapsed"),
        Some(bridge)
    );
    assert!(kinds(&r, bridge).iter().any(|k| k.0 == "negation"));
    let flood = claim(&r, "wire.txt", "first major flood").expect("the flood count is shared");
    assert_eq!(claim(&r, "local.txt", "second major flood"), Some(flood));
    assert!(kinds(&r, flood).iter().any(|k| k.0 == "ordinal"));
}

#[test]
fn unique_sentences_stay_alone_and_the_wire_copy_shows() {
    let r = scenario("flood_three_outlets");
    assert_eq!(claim(&r, "copy.txt", "football match"), None);
    assert_eq!(claim(&r, "local.txt", "drinking water"), None);
    let (wire, copy, local) = (
        doc(&r, "wire.txt"),
        doc(&r, "copy.txt"),
        doc(&r, "local.txt"),
    );
    assert!(r.documents[wire].verbatim_share > 0.2);
    assert_eq!(r.documents[wire].verbatim_with, vec![copy]);
    assert_eq!(r.documents[local].verbatim_share, 0.0);
    assert!(r.similarity[wire][copy] > r.similarity[wire][local]);
    let wording = r.claims[claim(&r, "copy.txt", "killed 45 people").unwrap()]
        .wordings
        .iter()
        .find(|w| w.doc == copy)
        .unwrap();
    let label = r.claims[claim(&r, "copy.txt", "killed 45 people").unwrap()].label_sentence;
    if wording.sentence != label {
        assert!(
            !wording.differs.is_empty(),
            "the copy's wording differs from the label"
        );
    }
}
