//! Sentence pairs outside a corpus (`parallax pairs`, the model trainer):
//! TSV lines in (`a<TAB>b` or `label<TAB>a<TAB>b`); per pair, the same score
//! the product uses for claims, with idf taken from all the sentences of the
//! file (the pairs are their own corpus, as a document set is), out.

use super::model::N_FEATURES;
use super::similarity::Corpus;
use crate::features::{features, Features};
use crate::semantic::WordVectors;
use std::sync::Arc;

/// One pair read from a TSV line, with its gold label when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub label: Option<bool>,
    pub a: String,
    pub b: String,
}

/// Reads TSV pairs: one pair a non-empty line. A line of three or more
/// fields is `label<TAB>a<TAB>b` (the last two fields are the sentences);
/// a first line whose label field is not 0 or 1 is a header and is skipped.
pub fn read_pairs(input: &str) -> Vec<Pair> {
    let mut out = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let pair = match fields.len() {
            1 => Pair {
                label: None,
                a: fields[0].to_string(),
                b: String::new(),
            },
            2 => Pair {
                label: None,
                a: fields[0].to_string(),
                b: fields[1].to_string(),
            },
            k => {
                let label = match fields[0].trim() {
                    "1" => Some(true),
                    "0" => Some(false),
                    _ => None,
                };
                if label.is_none() && n == 0 {
                    continue;
                }
                Pair {
                    label,
                    a: fields[k - 2].to_string(),
                    b: fields[k - 1].to_string(),
                }
            }
        };
        out.push(pair);
    }
    out
}

/// The pairs' sentences as one corpus: pair `i` is sentences `2i` and `2i+1`,
/// each its own document; embedded through `words` when given, as the
/// product's sentences are.
pub fn pair_corpus(pairs: &[Pair], words: Option<Arc<WordVectors>>) -> Corpus {
    let feats: Vec<Features> = pairs
        .iter()
        .flat_map(|p| [features(&p.a), features(&p.b)])
        .collect();
    Corpus::build_with(feats.iter().enumerate(), words)
}

/// The product's score of each pair (with the word vectors the product
/// would use: pass the same `words` as [`crate::Options::words`]).
pub fn score_pairs(pairs: &[Pair], words: Option<Arc<WordVectors>>) -> Vec<f32> {
    let corpus = pair_corpus(pairs, words);
    (0..pairs.len())
        .map(|i| super::pair_score(&corpus, 2 * i, 2 * i + 1))
        .collect()
}

/// The model's inputs for each pair (for the trainer).
pub fn pair_features(pairs: &[Pair], words: Option<Arc<WordVectors>>) -> Vec<[f32; N_FEATURES]> {
    let corpus = pair_corpus(pairs, words);
    (0..pairs.len())
        .map(|i| corpus.pair_features(2 * i, 2 * i + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_pairs() {
        let input = "label\ts1\ts2\n1\tA b.\tA c.\n\nx\ty\n0\tq\tr\tz\nsolo\n";
        let pairs = read_pairs(input);
        let got: Vec<(Option<bool>, &str, &str)> = pairs
            .iter()
            .map(|p| (p.label, p.a.as_str(), p.b.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(true), "A b.", "A c."),
                (None, "x", "y"),
                (Some(false), "r", "z"),
                (None, "solo", ""),
            ]
        );
    }

    #[test]
    fn scores_are_probabilities() {
        let pairs = read_pairs("The cat sat.\tThe cat sat.\nDogs bark.\tStocks fell 5%.\n\t.\n");
        let scores = score_pairs(&pairs, None);
        assert_eq!(scores.len(), 3);
        assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
        assert!(scores[0] > scores[1]);
    }
}
