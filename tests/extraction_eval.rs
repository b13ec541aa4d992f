//! Main-text extraction measured on `../shared/eval/article_extraction/`
//! (scrapinghub's article-extraction-benchmark): each page's extracted text
//! against its hand-made article body, scored as the benchmark scores it.
//! `PARALLAX_EVAL_VERBOSE=1` prints every page's figures, worst first.

mod common;

use std::collections::HashMap;

/// Lowercased `\w+` tokens (letters, digits, underscore, as Python's `re`).
fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The multiset of 4-token shingles; a text shorter than that is one shingle.
fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let tokens = tokens(text);
    let mut out = HashMap::new();
    if tokens.len() < 4 {
        if !tokens.is_empty() {
            out.insert(tokens, 1);
        }
        return out;
    }
    for window in tokens.windows(4) {
        *out.entry(window.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Precision and recall of one page's extracted text against the truth.
fn precision_recall(extracted: &str, truth: &str) -> (f64, f64) {
    let got = shingles(extracted);
    let want = shingles(truth);
    let overlap: usize = got
        .iter()
        .map(|(s, n)| (*n).min(want.get(s).copied().unwrap_or(0)))
        .sum();
    let got_total: usize = got.values().sum();
    let want_total: usize = want.values().sum();
    let ratio = |total: usize| match total {
        0 => f64::from(u8::from(got_total == want_total)),
        t => overlap as f64 / t as f64,
    };
    (ratio(got_total), ratio(want_total))
}

#[test]
fn scoring_matches_the_benchmark_definition() {
    assert_eq!(precision_recall("a b c d e", "a b c d e"), (1.0, 1.0));
    assert_eq!(precision_recall("a b c d", "a b c d e"), (1.0, 0.5));
    assert_eq!(precision_recall("", "a b c d"), (0.0, 0.0));
    assert_eq!(precision_recall("", ""), (1.0, 1.0));
}

#[test]
fn main_text_extraction_on_the_benchmark_pages() {
    let Some(shared) = common::shared_dir("extraction_eval") else {
        return;
    };
    let dir = shared.join("eval/article_extraction");
    let truth: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join("ground-truth.json")).expect("ground truth readable"),
    )
    .expect("ground truth is JSON");
    let truth = truth.as_object().expect("ground truth is an object");
    let mut pages = Vec::new();
    for (id, item) in truth {
        let file = format!("{id}.html");
        let bytes = std::fs::read(dir.join(&file)).expect("page readable");
        let text = parallax::ingest::ingest(&file, &bytes)
            .into_iter()
            .next()
            .and_then(Result::ok)
            .map(|doc| doc.text)
            .unwrap_or_default();
        let body = item["articleBody"].as_str().unwrap_or_default();
        let (p, r) = precision_recall(&text, body);
        pages.push((id.clone(), p, r));
    }
    let n = pages.len() as f64;
    let precision = pages.iter().map(|p| p.1).sum::<f64>() / n;
    let recall = pages.iter().map(|p| p.2).sum::<f64>() / n;
    let f1 = 2.0 * precision * recall / (precision + recall);
    if std::env::var("PARALLAX_EVAL_VERBOSE").is_ok() {
        pages.sort_by(|a, b| (a.1 + a.2).total_cmp(&(b.1 + b.2)));
        for (id, p, r) in &pages {
            println!("{p:.3} {r:.3} {id}");
        }
    }
    println!("extraction F1 {f1:.3} (P {precision:.3} R {recall:.3}) on {n} pages");
    assert!(f1 >= 0.965, "extraction F1 fell to {f1:.3}");
}
