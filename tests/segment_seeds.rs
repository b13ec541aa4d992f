//! Sentence boundaries and kinds on the seed articles, through
//! `split_sentences` on the raw text and through the whole pipeline; and the
//! invented fixtures of `tests/fixtures/segment/` (see its README).

mod common;

use parallax::segment::split_sentences;
use serde_json::Value;

const SEED_000_FIRST: &str = "Syrian President Bashar al-Assad made his first public visit to his closest regional ally Iran since the start of Syria's war in 2011, meeting Supreme Leader Ayatollah Ali Khamenei in Tehran on Monday and championing their alliance, state media reported, according to Reuters.";
const SEED_000_SECOND: &str =
    "Syrian and Iranian state television showed Assad and Khamenei smiling and embracing.";

/// Whitespace folded to single spaces and curly apostrophes made straight,
/// as the expectations above are written.
fn plain(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}

fn seed_text(prefix: &str) -> Option<String> {
    let files = common::seed_files("segment_seeds")?;
    let (_, bytes) = files
        .into_iter()
        .find(|(name, _)| name.starts_with(prefix))
        .expect("seed present");
    Some(String::from_utf8(bytes).expect("seed is UTF-8"))
}

fn sentences(text: &str) -> Vec<String> {
    split_sentences(text)
        .into_iter()
        .map(|(s, e)| plain(&text[s..e]))
        .collect()
}

#[test]
fn seed_000_run_together_sentences_split() {
    let Some(raw) = seed_text("000") else { return };
    // 000 wraps its lines with blank lines between them; rejoining them is
    // ingest's work, so the body is taken here with its whitespace folded.
    let start = raw.find("Syrian President Bashar").expect("000 body");
    let body = plain(&raw[start..]);
    let got = sentences(&body);
    assert_eq!(got[0], SEED_000_FIRST);
    assert_eq!(got[1], SEED_000_SECOND);
    for opening in [
        "Khamenei was quoted as saying",
        "Assad regained the upper hand",
        "Sitting next to Assad",
        "Israel, regarding Iran",
        "Iranian-backed militias have expanded",
    ] {
        assert!(
            got.iter().any(|s| s.starts_with(opening)),
            "no sentence opens with {opening:?}: {got:#?}"
        );
    }
}

#[test]
fn seed_004_stray_period_and_abbreviations() {
    let Some(raw) = seed_text("004") else { return };
    let got = sentences(&raw);
    assert!(
        got.iter().any(|s| s.starts_with(
            "During a visit to Tehran on Monday (Feb. 25), Assad, who has not traveled"
        ) && s.ends_with("as well.")),
        "{got:#?}"
    );
    assert!(got.iter().any(|s| s.starts_with("Pres. Assad responded")));
    assert!(!got
        .iter()
        .any(|s| s.ends_with("Feb.") || s.ends_with("Pres.")));
}

fn seed_report() -> Option<Value> {
    common::seed_report_json("segment_seeds")
}

/// (plain text, kind) of the sentences of the seed whose file starts with `prefix`.
fn report_sentences(report: &Value, prefix: &str) -> Vec<(String, String)> {
    let doc = report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| {
            let file = d["file"].as_str().unwrap_or("");
            file.rsplit(['/', '\\'])
                .next()
                .unwrap_or("")
                .starts_with(prefix)
        })
        .expect("seed document");
    report["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .filter(|s| s["doc"] == doc["id"])
        .map(|s| {
            (
                plain(s["text"].as_str().unwrap_or("")),
                s["kind"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn kind_of<'a>(sentences: &'a [(String, String)], text: &str) -> &'a str {
    sentences
        .iter()
        .find(|(t, _)| t == text)
        .map(|(_, k)| k.as_str())
        .unwrap_or_else(|| panic!("no sentence {text:?} in {sentences:#?}"))
}

#[test]
fn seed_kinds_through_the_pipeline() {
    let Some(report) = seed_report() else { return };
    let s004 = report_sentences(&report, "004");
    assert_eq!(
        kind_of(&s004, "The hidden message of Assad's visit to Tehran"),
        "heading"
    );
    assert_eq!(
        kind_of(&s004, "Iran to help rebuild Syria: Rouhani"),
        "heading"
    );
    let during = s004
        .iter()
        .find(|(t, _)| t.starts_with("During a visit to Tehran on Monday (Feb. 25), Assad,"))
        .expect("004's sentence starts at \"During\"");
    assert_eq!(during.1, "claim");

    let s003 = report_sentences(&report, "003");
    assert_eq!(
        kind_of(&s003, "Iran's Positions on Regional Issues"),
        "heading"
    );
    let captions: Vec<&String> = s003
        .iter()
        .filter(|(_, k)| k == "caption")
        .map(|(t, _)| t)
        .collect();
    for expected in [
        "Syrian President Bashar al-Assad with Supreme Leader",
        "Syrian President Bashar al-Assad meets Supreme Leader",
        "Iranian President Ebrahim Raisi meets Syrian President",
    ] {
        assert!(
            captions.iter().any(|c| c.starts_with(expected)),
            "{expected:?} is not a caption: {captions:#?}"
        );
    }
    assert!(captions.iter().any(|c| c.ends_with("Handout via Reuters]")));

    let s001 = report_sentences(&report, "001");
    assert_eq!(kind_of(&s001, "Monday, February 25, 2019"), "other");
}

#[test]
fn seed_000_first_sentences_through_the_pipeline() {
    let Some(report) = seed_report() else { return };
    let s000 = report_sentences(&report, "000");
    let first = s000
        .iter()
        .position(|(t, _)| t == SEED_000_FIRST)
        .unwrap_or_else(|| panic!("no first sentence in {s000:#?}"));
    assert_eq!(s000[first].1, "claim");
    assert_eq!(s000[first + 1].0, SEED_000_SECOND);
}

#[test]
fn invented_fixtures_split_as_written() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/segment");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures folder") {
        let path = entry.expect("fixture entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("fixture text");
        let expected = std::fs::read_to_string(path.with_extension("sentences"))
            .expect("fixture has its .sentences file");
        let got: Vec<String> = split_sentences(&text)
            .into_iter()
            .map(|(s, e)| text[s..e].split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let expected: Vec<&str> = expected.lines().collect();
        assert_eq!(got, expected, "{}", path.display());
        checked += 1;
    }
    assert!(checked > 0, "no fixtures in {}", dir.display());
}
