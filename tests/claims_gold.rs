//! Claim alignment against the hand gold of BASIL triplets
//! (`tests/gold/basil_claims/`): prints pair precision and recall per triplet
//! and pooled, and holds the development figures to a floor.

mod common;

use common::claims_gold::{score, Counts, Gold, DEVELOPMENT};
use std::path::Path;

const ASIDE: &[&str] = &[
    "2011_3db93526",
    "2011_550b80db",
    "2015_6e502405",
    "2017_be026bd1",
    "2013_70c744ad",
    "2011_c21cb217",
];
const OUTLETS: &[&str] = &["foxnews", "nytimes", "huffpost"];

fn run(basil: &Path, groups: &[&str], name: &str) -> Counts {
    let gold_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/basil_claims");
    let mut total = Counts::default();
    for group in groups {
        let gold = Gold::parse(
            &std::fs::read_to_string(gold_dir.join(format!("{group}.json"))).expect("gold file"),
        );
        let dir = basil.join(group);
        let inputs: Vec<parallax::Input> = OUTLETS
            .iter()
            .map(|o| parallax::Input {
                name: format!("{o}.txt"),
                bytes: std::fs::read(dir.join(format!("{o}.txt"))).expect("article"),
            })
            .collect();
        let report = parallax::analyze(&inputs, &parallax::Options::default());
        let raw = |o: &str| std::fs::read_to_string(dir.join(format!("{o}.txt"))).expect("article");
        let (c, missing) = score(&report, &gold, &raw);
        println!(
            "claims gold {name} {group}: recall {:.2} ({}/{}), precision {:.2} ({}/{}), hard negatives linked {}/{}, claims {}, spans not found {missing}",
            c.recall(), c.found, c.gold_pairs, c.precision(), c.right, c.judged,
            c.negatives_hit, c.negatives, report.claims.len()
        );
        total.add(c);
    }
    println!(
        "claims gold {name} pooled: recall {:.3}, precision {:.3}, hard negatives linked {}/{}",
        total.recall(),
        total.precision(),
        total.negatives_hit,
        total.negatives
    );
    total
}

#[test]
fn basil_hand_gold() {
    let Some(shared) = common::shared_dir("claims_gold") else {
        return;
    };
    let basil = shared.join("eval/basil");
    let dev = run(&basil, DEVELOPMENT, "development");
    if std::env::var("PARALLAX_ASIDE").as_deref() == Ok("1") {
        run(&basil, ASIDE, "kept aside");
    }
    assert!(dev.gold_pairs > 100, "the gold should hold many pairs");
}
