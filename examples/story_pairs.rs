//! Prints, for one corpus (the files given), the documents as one JSON line
//! `{"files": [...]}` (in Report order), then every candidate document pair
//! the story grouping scores as a JSON line `{"a": doc, "b": doc,
//! "features": [...]}` (see `parallax::stories::pair_features`), computed
//! as the product computes them. Used by `scripts/train_stories.py`; not
//! part of the product.

use std::io::Write;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: story_pairs FILE...");
        std::process::exit(2);
    }
    let inputs: Vec<parallax::Input> = paths
        .iter()
        .map(|p| parallax::Input {
            name: p.clone(),
            bytes: std::fs::read(p).unwrap_or_else(|e| {
                eprintln!("{p}: {e}");
                std::process::exit(1)
            }),
        })
        .collect();
    let (files, rows) = parallax::pipeline::story_table(&inputs, &parallax::Options::default());
    let mut out = std::io::stdout().lock();
    let quoted: Vec<String> = files
        .iter()
        .map(|f| format!("\"{}\"", f.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    let _ = writeln!(out, "{{\"files\":[{}]}}", quoted.join(","));
    for (a, b, f) in rows {
        let cols: Vec<String> = f.iter().map(|x| format!("{x:.4}")).collect();
        let _ = writeln!(
            out,
            "{{\"a\":{a},\"b\":{b},\"features\":[{}]}}",
            cols.join(",")
        );
    }
}
