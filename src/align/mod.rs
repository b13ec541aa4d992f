//! Alignment: features of claim sentences from several documents in, claims
//! out (groups of sentences from at least two documents that say the same
//! thing), with their labels, discrepancies and a document similarity.
//!
//! Candidates come from an inverted index over rare terms, so the cost grows
//! with the number of sentences that share words, not with all pairs.

use crate::features::Features;
use std::collections::HashMap;

/// Scores at or above this mean "the same claim" (for `parallax pairs` too).
pub const THRESHOLD: f64 = 0.42;

/// A claim sentence to align: which document it is from and its features.
pub struct AlignInput<'a> {
    pub doc: usize,
    pub features: &'a Features,
}

/// A claim: indices into the aligned inputs, and the most central one.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub members: Vec<usize>,
    pub label: usize,
}

/// Term weights learned from the corpus being aligned.
pub struct Weights {
    idf: HashMap<String, f64>,
    default: f64,
}

impl Weights {
    pub fn from_corpus<'a>(sentences: impl Iterator<Item = &'a Features>) -> Self {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0usize;
        for f in sentences {
            n += 1;
            let mut seen: Vec<&String> = f.terms.iter().collect();
            seen.sort();
            seen.dedup();
            for t in seen {
                *df.entry(t.clone()).or_default() += 1;
            }
        }
        let total = n as f64 + 1.0;
        let idf = df
            .into_iter()
            .map(|(t, d)| (t, (total / d as f64).ln() + 1.0))
            .collect();
        Weights {
            idf,
            default: total.ln() + 1.0,
        }
    }

    fn weight(&self, term: &str) -> f64 {
        self.idf.get(term).copied().unwrap_or(self.default)
    }
}

/// Weighted overlap of two sentences' terms, in [0, 1]: rare shared words
/// count more than common ones; word order does not matter.
pub fn similarity(a: &Features, b: &Features, weights: &Weights) -> f64 {
    let set_a: HashMap<&str, f64> = a
        .terms
        .iter()
        .map(|t| (t.as_str(), weights.weight(t)))
        .collect();
    let set_b: HashMap<&str, f64> = b
        .terms
        .iter()
        .map(|t| (t.as_str(), weights.weight(t)))
        .collect();
    let total: f64 = set_a.values().sum::<f64>() + set_b.values().sum::<f64>();
    if total == 0.0 {
        return 0.0;
    }
    let shared: f64 = set_a
        .iter()
        .filter(|(t, _)| set_b.contains_key(*t))
        .map(|(_, w)| w)
        .sum();
    2.0 * shared / total
}

/// Candidate pairs (i < j, different documents) that share at least one term
/// rarer than `max_df`, looked up in an inverted index.
fn candidates(inputs: &[AlignInput], weights: &Weights) -> Vec<(usize, usize)> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, input) in inputs.iter().enumerate() {
        let mut terms: Vec<&str> = input.features.terms.iter().map(String::as_str).collect();
        terms.sort_unstable();
        terms.dedup();
        for t in terms {
            index.entry(t).or_default().push(i);
        }
    }
    // Very common terms would make every sentence a candidate of every other.
    let max_df = (inputs.len() / 20).max(50);
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (term, postings) in &index {
        if postings.len() > max_df || weights.weight(term) < 1.5 {
            continue;
        }
        for (k, &i) in postings.iter().enumerate() {
            for &j in &postings[k + 1..] {
                if inputs[i].doc != inputs[j].doc {
                    pairs.push((i, j));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Groups sentences into claims: average-free complete linkage, so that every
/// member is close to every other member (no chaining drift).
pub fn align(inputs: &[AlignInput], weights: &Weights) -> Vec<Cluster> {
    let mut scored: Vec<(f64, usize, usize)> = candidates(inputs, weights)
        .into_iter()
        .map(|(i, j)| {
            (
                similarity(inputs[i].features, inputs[j].features, weights),
                i,
                j,
            )
        })
        .filter(|(s, _, _)| *s >= THRESHOLD)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let score_of: HashMap<(usize, usize), f64> =
        scored.iter().map(|&(s, i, j)| ((i, j), s)).collect();
    let pair = |a: usize, b: usize| score_of.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);

    let mut cluster_of: Vec<usize> = (0..inputs.len()).collect();
    let mut clusters: Vec<Vec<usize>> = (0..inputs.len()).map(|i| vec![i]).collect();
    for &(_, i, j) in &scored {
        let (ci, cj) = (cluster_of[i], cluster_of[j]);
        if ci == cj {
            continue;
        }
        let fits = clusters[ci]
            .iter()
            .all(|&a| clusters[cj].iter().all(|&b| pair(a, b) >= THRESHOLD));
        let same_doc = clusters[ci]
            .iter()
            .any(|&a| clusters[cj].iter().any(|&b| inputs[a].doc == inputs[b].doc));
        if fits && !same_doc {
            let moved = std::mem::take(&mut clusters[cj]);
            for &m in &moved {
                cluster_of[m] = ci;
            }
            clusters[ci].extend(moved);
        }
    }
    let mut out: Vec<Cluster> = clusters
        .into_iter()
        .filter(|c| c.len() >= 2)
        .map(|mut members| {
            members.sort_unstable();
            let label = *members
                .iter()
                .max_by(|&&a, &&b| {
                    let sa: f64 = members.iter().map(|&m| pair(a, m)).sum();
                    let sb: f64 = members.iter().map(|&m| pair(b, m)).sum();
                    sa.total_cmp(&sb).then(b.cmp(&a))
                })
                .unwrap_or(&members[0]);
            Cluster { members, label }
        })
        .collect();
    out.sort_by_key(|c| c.members[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::features;

    #[test]
    fn paraphrases_cluster_and_unrelated_do_not() {
        let texts = [
            (
                0,
                "Assad made his first public visit to Iran since the war began in 2011.",
            ),
            (
                1,
                "Assad has made his first public visit to Iran since the beginning of the war.",
            ),
            (
                2,
                "Soleimani was assassinated in January 2020 by a US drone strike.",
            ),
            (
                2,
                "President Assad made a first public visit to Iran since the war.",
            ),
        ];
        let feats: Vec<Features> = texts.iter().map(|(_, t)| features(t)).collect();
        let inputs: Vec<AlignInput> = texts
            .iter()
            .zip(&feats)
            .map(|((d, _), f)| AlignInput {
                doc: *d,
                features: f,
            })
            .collect();
        let weights = Weights::from_corpus(feats.iter());
        let clusters = align(&inputs, &weights);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].members, vec![0, 1, 3]);
    }
}
