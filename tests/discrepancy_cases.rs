//! Discrepancy findings on invented sentence pairs
//! (`tests/fixtures/discrepancies/`, see its README): each pair's two
//! sentences in, as two outlets' members of one claim, through the same
//! code the aligner runs on a claim (`features::features` on each text,
//! then `align::discrepancy::findings`); the verdict out (`conflict` when
//! some finding is hard, `compatible` when all are soft, `none`), scored
//! against the file's `expected`. `cases.tsv` is the development set and
//! carries a floor; `aside.tsv` was written before the rules, never tuned
//! on, and carries a floor too.

use parallax::align::discrepancy::findings;
use parallax::features::{features, Features};
use std::path::PathBuf;

struct Case {
    a: String,
    b: String,
    expected: String,
    note: String,
}

fn cases(file: &str) -> Vec<Case> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/discrepancies")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("case file readable");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "{file}: four columns in {l:?}");
            Case {
                a: cols[0].to_string(),
                b: cols[1].to_string(),
                expected: cols[2].to_string(),
                note: cols[3].to_string(),
            }
        })
        .collect()
}

/// The verdict on one pair, and for every finding each member's marked text.
fn verdict(a: &str, b: &str) -> (&'static str, Vec<Vec<String>>) {
    let (fa, fb): (Features, Features) = (features(a), features(b));
    let found = findings(&[&fa, &fb], &[0, 1]);
    let texts = [a, b];
    let marked = found
        .iter()
        .map(|f| {
            f.values
                .iter()
                .map(|&(m, s, e)| texts[m].get(s..e).unwrap_or("").to_string())
                .collect()
        })
        .collect();
    let v = if found.is_empty() {
        "none"
    } else if found.iter().all(|f| f.compatible) {
        "compatible"
    } else {
        "conflict"
    };
    (v, marked)
}

/// Share of the file's cases judged as expected; prints the misses.
fn score(file: &str) -> f64 {
    let all = cases(file);
    let mut right = 0;
    for c in &all {
        let (got, marked) = verdict(&c.a, &c.b);
        if got == c.expected {
            right += 1;
        } else {
            eprintln!(
                "{file}: expected {} got {got} ({}) {marked:?}\n  a: {}\n  b: {}",
                c.expected, c.note, c.a, c.b
            );
        }
    }
    let share = right as f64 / all.len().max(1) as f64;
    eprintln!("{file}: {right}/{} = {share:.3}", all.len());
    share
}

#[test]
fn development_cases_hold_a_floor() {
    let share = score("cases.tsv");
    // 31/47 (0.660) before the like-with-like rules; 47/47 after.
    assert!(share >= 0.95, "cases.tsv: {share:.3}");
}

#[test]
fn aside_cases_hold_a_floor() {
    let share = score("aside.tsv");
    // Written before the like-with-like rules and never tuned on: 20/20
    // when the rules landed. A floor, so that a later rule that breaks a
    // kind of case here fails rather than prints.
    assert!(share >= 0.9, "aside.tsv: {share:.3}");
}

/// A conflict shows each outlet's own number: every member's value span is
/// a non-empty slice of its sentence holding a digit or an ordinal word.
#[test]
fn conflicts_mark_the_number_in_each_wording() {
    for c in cases("cases.tsv")
        .iter()
        .filter(|c| c.expected == "conflict")
    {
        let (got, marked) = verdict(&c.a, &c.b);
        if got != "conflict" {
            continue;
        }
        for values in marked {
            for v in values {
                let lower = v.to_lowercase();
                let numeric = v.chars().any(|ch| ch.is_ascii_digit())
                    || ["first", "second", "third", "fourth", "fifth", "last"]
                        .iter()
                        .any(|w| lower.contains(w));
                assert!(numeric, "{}: value span {v:?} marks no number", c.note);
            }
        }
    }
}
