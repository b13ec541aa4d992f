//! Prints the pair model's inputs for a TSV of labelled pairs, one line a
//! pair: `label<TAB>f1<TAB>f2...` (label -1 when the line has none). Used by
//! `scripts/train_pairs.py`; not part of the product.

use parallax::align::pairs::{pair_features, read_pairs};
use std::io::Write;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pair_features FILE.tsv");
        std::process::exit(2);
    };
    let input = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let pairs = read_pairs(&input);
    let mut out = std::io::stdout().lock();
    for (pair, row) in pairs
        .iter()
        .zip(pair_features(&pairs, parallax::Options::default().words))
    {
        let label = pair.label.map_or(-1, i32::from);
        let cols: Vec<String> = row.iter().map(|x| format!("{x:.5}")).collect();
        if writeln!(out, "{label}\t{}", cols.join("\t")).is_err() {
            break;
        }
    }
}
