//! A quotation is one unit in the claims (issue #14, point 5), on the
//! invented fixture `tests/fixtures/align/sheriff_quotation/` (see its
//! README): no claim's label or wording has unbalanced double quotation
//! marks, no claim is made of a one- or two-word fragment ("Meth."), and a
//! quoted two-sentence statement carried by two outlets is one claim. Needs
//! nothing from `../shared`.

use parallax::{analyze, Input, Options, Report};
use std::path::PathBuf;

fn sheriff() -> Report {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align/sheriff_quotation");
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

/// Double quotation marks, straight or curly, pair up (an outlet may open
/// with one style and close with the other).
fn balanced(text: &str) -> bool {
    text.chars()
        .filter(|c| matches!(c, '"' | '“' | '”'))
        .count()
        % 2
        == 0
}

fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Each claim's wording per document, as the claims grid shows it: the
/// texts of the claim's sentences in that document, joined.
fn wordings(r: &Report) -> Vec<(usize, Vec<String>)> {
    r.claims
        .iter()
        .map(|c| {
            let texts = c
                .docs
                .iter()
                .map(|&d| {
                    c.sentences
                        .iter()
                        .map(|&s| &r.sentences[s])
                        .filter(|s| s.doc == d)
                        .map(|s| s.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            (c.id, texts)
        })
        .collect()
}

#[test]
fn claims_have_balanced_marks() {
    let r = sheriff();
    assert!(!r.claims.is_empty(), "the outlets share claims");
    for c in &r.claims {
        assert!(balanced(&c.label), "claim {} label {:?}", c.id, c.label);
    }
    for (id, texts) in wordings(&r) {
        for t in texts {
            assert!(balanced(&t), "claim {id} wording {t:?}");
        }
    }
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
