//! A quotation is one unit in the claims (issue #14, point 5), on the
//! invented fixtures `tests/fixtures/align/sheriff_quotation/` and
//! `long_quotation/` (see their README): no claim's label or wording, and no
//! unshared row, shows unbalanced double quotation marks (a quotation longer
//! than a unit is cut at its sentence boundaries, each piece shown with both
//! marks), no claim is made of a one- or two-word fragment ("Meth."), and a
//! quoted two-sentence statement carried by two outlets is one claim. The
//! BASIL development triplets are held to the same (skipped without
//! `../shared`, unless `CI=true`).

mod common;

use parallax::{analyze, Input, Options, Report};
use std::path::{Path, PathBuf};

fn sheriff() -> Report {
    fixture("sheriff_quotation")
}

fn fixture(name: &str) -> Report {
    folder(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/align")
            .join(name),
    )
}

fn folder(dir: &Path) -> Report {
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

/// Double quotation marks, straight or curly, pair up in order (an outlet
/// may open with one style and close with the other, and quote a quotation
/// with double marks): a curly opening mark opens, a curly closing mark
/// closes an open one, a straight mark closes one when one is open and
/// opens one otherwise, and none is left open at the end.
fn balanced(text: &str) -> bool {
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '“' => depth += 1,
            '”' if depth == 0 => return false,
            '”' => depth -= 1,
            '"' if depth == 0 => depth = 1,
            '"' => depth -= 1,
            _ => {}
        }
    }
    depth == 0
}

fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Each claim's wordings, as the claims grid and the CSV show them: each
/// run of consecutive sentences of one document, joined, between the marks
/// the Report gives to make it whole.
fn wordings(r: &Report) -> Vec<(usize, Vec<String>)> {
    r.claims
        .iter()
        .map(|c| {
            let mut held: Vec<usize> = c.wordings.iter().map(|w| w.sentence).collect();
            held.sort_unstable();
            held.dedup();
            let mut runs: Vec<Vec<usize>> = Vec::new();
            for s in held {
                match runs.last_mut() {
                    Some(run)
                        if *run.last().unwrap() + 1 == s
                            && r.sentences[s - 1].doc == r.sentences[s].doc =>
                    {
                        run.push(s)
                    }
                    _ => runs.push(vec![s]),
                }
            }
            let wording = |s: usize| c.wordings.iter().find(|w| w.sentence == s).unwrap();
            let texts = runs
                .iter()
                .map(|run| {
                    let (first, last) = (run[0], *run.last().unwrap());
                    let body: Vec<&str> =
                        run.iter().map(|&s| r.sentences[s].text.as_str()).collect();
                    format!(
                        "{}{}{}",
                        wording(first).before,
                        body.join(" "),
                        wording(last).after
                    )
                })
                .collect();
            (c.id, texts)
        })
        .collect()
}

/// The rows of sentences no other outlet carries, as the grid shows them:
/// a unit's unshared claim sentences joined, between their marks.
fn unshared_rows(r: &Report) -> Vec<String> {
    let mut rows: Vec<(usize, String)> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for s in r
        .sentences
        .iter()
        .filter(|s| s.claim.is_none() && s.kind == parallax::segment::SentenceKind::Claim)
    {
        let key = (s.doc, s.unit);
        let text = format!("{}{}{}", s.before, s.text, s.after);
        match rows.last_mut() {
            Some((_, row)) if last == Some(key) => {
                row.push(' ');
                row.push_str(&text);
            }
            _ => rows.push((s.id, text)),
        }
        last = Some(key);
    }
    rows.into_iter().map(|(_, t)| t).collect()
}

/// Every shown text of a Report that is not balanced, with what it is.
fn unbalanced(r: &Report) -> Vec<String> {
    let mut bad = Vec::new();
    for c in &r.claims {
        if !balanced(&c.label) {
            bad.push(format!("claim {} label {:?}", c.id, c.label));
        }
    }
    for (id, texts) in wordings(r) {
        for t in texts.into_iter().filter(|t| !balanced(t)) {
            bad.push(format!("claim {id} wording {t:?}"));
        }
    }
    for t in unshared_rows(r).into_iter().filter(|t| !balanced(t)) {
        bad.push(format!("unshared row {t:?}"));
    }
    bad
}

#[test]
fn claims_have_balanced_marks() {
    let r = sheriff();
    assert!(!r.claims.is_empty(), "the outlets share claims");
    let bad = unbalanced(&r);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn a_long_quotation_shows_whole_marks() {
    let r = fixture("long_quotation");
    let bad = unbalanced(&r);
    assert!(bad.is_empty(), "{bad:#?}");
    // Each of the five sentences is carried by both outlets, and each
    // shows as quoted in both, the middle ones too.
    for phrase in [
        "four hundred thousand dollars",
        "empty boats",
        "at eight and at five",
        "stranded",
        "again in the spring",
    ] {
        let claim = r
            .claims
            .iter()
            .find(|c| c.label.contains(phrase))
            .unwrap_or_else(|| {
                panic!(
                    "no claim holds {phrase:?}: {:#?}",
                    r.claims.iter().map(|c| &c.label).collect::<Vec<_>>()
                )
            });
        assert_eq!(claim.docs.len(), 2, "{:?}", claim.label);
        let quoted = |t: &str| {
            t.split(phrase)
                .next()
                .is_some_and(|b| b.contains(['“', '"']))
        };
        assert!(
            quoted(&claim.label),
            "label not shown as quoted: {:?}",
            claim.label
        );
        let (_, texts) = wordings(&r)
            .into_iter()
            .find(|(id, _)| *id == claim.id)
            .unwrap();
        for t in texts.iter().filter(|t| t.contains(phrase)) {
            assert!(quoted(t), "wording not shown as quoted: {t:?}");
        }
    }
    // The ferry company's "not" is in no shared claim: no negation alarm.
    assert!(
        r.claims
            .iter()
            .all(|c| c.discrepancies.iter().all(|d| d.kind != "negation")),
        "{:#?}",
        r.claims
            .iter()
            .flat_map(|c| &c.discrepancies)
            .collect::<Vec<_>>()
    );
}

/// The BASIL development triplets (as in `tests/claims_gold.rs`): no
/// claim's label or wording, nor any unshared row, shows an unpaired mark.
#[test]
fn basil_development_marks_are_balanced() {
    let Some(shared) = common::shared_dir("quotation_units") else {
        return;
    };
    let mut bad = Vec::new();
    for group in common::claims_gold::DEVELOPMENT {
        for row in unbalanced(&folder(&shared.join("eval/basil").join(group))) {
            bad.push(format!("{group}: {row}"));
        }
    }
    assert!(bad.is_empty(), "{} unbalanced: {bad:#?}", bad.len());
}

#[test]
fn fragments_are_not_claims() {
    let r = sheriff();
    for c in &r.claims {
        assert!(words(&c.label) >= 3, "claim {} label {:?}", c.id, c.label);
    }
    for (id, texts) in wordings(&r) {
        for t in texts {
            assert!(words(&t) >= 3, "claim {id} wording {t:?}");
        }
    }
    // "Meth." standing alone is no claim of the gazette's.
    let gazette = r
        .documents
        .iter()
        .find(|d| d.file == "gazette.txt")
        .expect("gazette")
        .id;
    let meth = r
        .sentences
        .iter()
        .find(|s| s.doc == gazette && s.text.trim() == "\"Meth.\"")
        .expect("the gazette's one-word paragraph");
    assert_eq!(meth.claim, None, "{:?}", meth.text);
}

#[test]
fn a_quoted_statement_is_one_claim() {
    let r = sheriff();
    let claim_of = |file: &str, phrase: &str| {
        let d = r.documents.iter().find(|d| d.file == file).expect(file).id;
        r.sentences
            .iter()
            .find(|s| s.doc == d && s.text.contains(phrase))
            .unwrap_or_else(|| panic!("{file}: no sentence with {phrase:?}"))
            .claim
    };
    // The statement, quoted after a colon in one outlet and before its
    // attribution in the other: one claim, whose label holds all of it.
    let (first, second) = ("We will close every lab", "sleep easy");
    let herald = claim_of("herald.txt", first);
    assert!(herald.is_some(), "the herald's {first:?} is in a claim");
    for (file, phrase) in [
        ("herald.txt", second),
        ("courier.txt", first),
        ("courier.txt", second),
    ] {
        assert_eq!(
            claim_of(file, phrase),
            herald,
            "{file}: {phrase:?} is not in the claim of the herald's {first:?}"
        );
    }
    let label = &r.claims[herald.unwrap()].label;
    assert!(
        label.contains(first) && label.contains(second),
        "label {label:?}"
    );
    // "Meth. We're on it." stays whole wherever it is aligned.
    for file in ["herald.txt", "courier.txt"] {
        assert_eq!(claim_of(file, "\"Meth."), claim_of(file, "on it"), "{file}");
    }
}
