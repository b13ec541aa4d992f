//! Framing measured on BASIL (triplets read from `../shared/eval/basil/` at
//! run time) through the CLI's scorer, `parallax framing-score`: of the
//! annotated lexical-bias spans in sentences Parallax aligns, the share a
//! word-choice difference flags; of the words flagged, the share inside an
//! annotated span or a label, reporting-verb or hedge difference. Both for
//! the tuning triplets and for those kept aside (the split of
//! tests/basil_speakers.rs: odd FNV-1a hash of the folder name).

mod common;

use std::process::Command;

/// (flagged, words right) from the scorer's line for `part`.
fn figures(out: &str, part: &str) -> (f64, f64) {
    let line = out
        .lines()
        .find(|l| l.starts_with(&format!("framing {part}:")))
        .unwrap_or_else(|| panic!("no '{part}' line in:\n{out}"));
    let after = |key: &str| -> f64 {
        let rest = &line[line.find(key).unwrap_or_else(|| panic!("{key} in {line}")) + key.len()..];
        rest.split_whitespace().next().unwrap().parse().unwrap()
    };
    (after("flagged "), after("words right "))
}

#[test]
fn basil_framing_scores() {
    let Some(shared) = common::shared_dir("framing_basil") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("framing-score")
        .arg(shared.join("eval/basil"))
        .output()
        .expect("parallax runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = String::from_utf8_lossy(&out.stdout).into_owned();
    println!("{out}");
    let (tune_flagged, tune_right) = figures(&out, "tuning");
    let (aside_flagged, aside_right) = figures(&out, "aside");
    // Floors a little under the figures measured (tuning 0.585 / 0.667,
    // aside 0.355 / 0.661); the aims (0.5 / 0.6) are met on the
    // tuning triplets, on the aside ones by the second figure only.
    assert!(tune_flagged >= 0.52, "tuning flagged {tune_flagged}");
    assert!(tune_right >= 0.63, "tuning words right {tune_right}");
    assert!(aside_flagged >= 0.32, "aside flagged {aside_flagged}");
    assert!(aside_right >= 0.62, "aside words right {aside_right}");
}

#[test]
fn scorer_names_a_missing_folder() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["framing-score", "/nonexistent/basil"])
        .output()
        .expect("parallax runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/nonexistent/basil/annotations.jsonl"),
        "{err}"
    );
}
