//! `parallax pairs` on the MSRP training pairs (`../shared/eval/msrp/`): the
//! real binary at its shipped threshold. Prints accuracy and F1 over the
//! whole file and over the held-out fifth (pairs with index % 5 == 4) that
//! the shipped model was not fit on (see scripts/train_pairs.py).

mod common;

use std::process::Command;

struct Tally {
    tp: usize,
    fp: usize,
    tn: usize,
    fn_: usize,
}

impl Tally {
    fn add(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
            (true, false) => self.fn_ += 1,
        }
    }
    fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / (self.tp + self.tn + self.fp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        2.0 * self.tp as f64 / (2 * self.tp + self.fp + self.fn_).max(1) as f64
    }
}

#[test]
fn pairs_accuracy_on_msrp_train() {
    let Some(shared) = common::shared_dir("msrp_eval") else {
        return;
    };
    let path = shared.join("eval/msrp/train.tsv");
    let tsv = std::fs::read_to_string(&path).expect("train.tsv readable");
    let gold: Vec<bool> = tsv
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.starts_with('1'))
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("pairs")
        .arg(&path)
        .output()
        .expect("parallax runs");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    let predicted: Vec<bool> = stdout
        .lines()
        .map(|l| l.split('\t').nth(1) == Some("1"))
        .collect();
    assert_eq!(predicted.len(), gold.len(), "one output line per pair");
    let mut all = Tally {
        tp: 0,
        fp: 0,
        tn: 0,
        fn_: 0,
    };
    let mut held = Tally {
        tp: 0,
        fp: 0,
        tn: 0,
        fn_: 0,
    };
    for (i, (&g, &p)) in gold.iter().zip(&predicted).enumerate() {
        all.add(g, p);
        if i % 5 == 4 {
            held.add(g, p);
        }
    }
    println!(
        "msrp train.tsv: accuracy {:.4}, F1 {:.4} ({} pairs); held-out fifth: accuracy {:.4}, F1 {:.4}",
        all.accuracy(),
        all.f1(),
        gold.len(),
        held.accuracy(),
        held.f1()
    );
    assert!(all.accuracy() >= 0.77, "accuracy {:.4}", all.accuracy());
    assert!(
        held.accuracy() >= 0.765,
        "held-out accuracy {:.4}",
        held.accuracy()
    );
}
