//! Prints, for one corpus (the files given), the Report as one JSON line,
//! then every candidate pair alignment scores as a JSON line
//! `{"a": sentence id, "b": sentence id, "features": [...]}` with the link
//! model's inputs (`parallax::align::link::FEATURE_NAMES`), computed as the
//! product computes them. Used by `scripts/train_links.py`; not part of
//! the product.

use std::io::Write;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: claim_pairs FILE...");
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
    let (report, rows) = parallax::pipeline::link_table(&inputs, &parallax::Options::default());
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", report.to_json());
    for (a, b, f) in rows {
        let cols: Vec<String> = f.iter().map(|x| format!("{x:.4}")).collect();
        let _ = writeln!(
            out,
            "{{\"a\":{a},\"b\":{b},\"features\":[{}]}}",
            cols.join(",")
        );
    }
}
