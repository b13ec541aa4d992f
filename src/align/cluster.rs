//! Candidates and clusters: a [`Corpus`] in; scored candidate pairs from an
//! inverted index, then claims (groups of sentences from different
//! documents, every member close to every other) out.

use super::similarity::Corpus;
use super::THRESHOLD;
use std::collections::HashMap;

/// A scored pair of sentences, `a < b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub score: f32,
    pub a: u32,
    pub b: u32,
}

/// Sentence pairs from different documents that share rare terms, found
/// through an inverted index (the work grows with the postings of rare
/// terms, not with the square of the corpus), scored by `score(i, j, share)`
/// where `share` is the shared rare weight over the smaller sentence's
/// weight; pairs it gives `None` are dropped.
/// The least shared rare weight (of the smaller sentence) any link needs.
pub const MIN_SHARE: f32 = 0.1;

pub fn candidates(
    corpus: &Corpus,
    score: impl Fn(usize, usize, f32) -> Option<f32> + Sync,
) -> Vec<Edge> {
    let pairs = shared_weight_pairs(corpus);
    // A sentence repeated word for word (wire copy, reused paragraph) scores
    // the same against everything: each distinct pair of wordings is scored
    // once, then the score is given to every pair of their occurrences.
    let first = first_occurrences(corpus);
    let key = |a: u32, b: u32| {
        let (x, y) = (first[a as usize], first[b as usize]);
        (x.min(y), x.max(y))
    };
    let mut distinct: Vec<(u32, u32, f32)> = pairs
        .iter()
        .map(|&(a, b, share)| {
            let (x, y) = key(a, b);
            (x, y, share)
        })
        .collect();
    distinct.sort_unstable_by_key(|&(x, y, _)| (x, y));
    distinct.dedup_by_key(|&mut (x, y, _)| (x, y));
    // Scoring is most of alignment's work and each pair stands alone: the
    // CLI spreads it over its threads; the wasm build runs it in order.
    let scored = |&(a, b, share): &(u32, u32, f32)| score(a as usize, b as usize, share);
    #[cfg(feature = "cli")]
    let scores: Vec<Option<f32>> = {
        use rayon::prelude::*;
        distinct.par_iter().map(scored).collect()
    };
    #[cfg(not(feature = "cli"))]
    let scores: Vec<Option<f32>> = distinct.iter().map(scored).collect();
    pairs
        .iter()
        .filter_map(|&(a, b, _)| {
            let k = key(a, b);
            let at = distinct
                .binary_search_by_key(&k, |&(x, y, _)| (x, y))
                .ok()?;
            scores[at].map(|score| Edge { score, a, b })
        })
        .collect()
}

/// For each sentence, the first sentence with the same words in the same
/// order (itself when it is the first).
fn first_occurrences(corpus: &Corpus) -> Vec<u32> {
    let mut seen: std::collections::HashMap<(&[u32], bool), u32> = std::collections::HashMap::new();
    corpus
        .sents
        .iter()
        .enumerate()
        .map(|(i, v)| {
            if v.token_terms.is_empty() {
                return i as u32;
            }
            *seen
                .entry((v.token_terms.as_slice(), v.negated))
                .or_insert(i as u32)
        })
        .collect()
}

/// Pairs of sentences from different documents that share rare terms, with
/// the shared idf weight as a share of the smaller sentence's weight.
fn shared_weight_pairs(corpus: &Corpus) -> Vec<(u32, u32, f32)> {
    let n = corpus.sents.len();
    let n_terms = corpus.idf.len();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
    for (i, v) in corpus.sents.iter().enumerate() {
        for &t in &v.terms {
            postings[t as usize].push(i as u32);
        }
    }
    // A term in more sentences than this is too common to find candidates by;
    // it still counts in the score.
    let max_df = (n / 100).clamp(30, 150);
    // Documents apart from the sentence vectors: the hot loop reads only this.
    let doc_of: Vec<u32> = corpus.sents.iter().map(|v| v.doc as u32).collect();
    // Sentence i is next in each of its terms' postings when its turn comes,
    // so a cursor per term replaces a search.
    let mut cursor = vec![0u32; n_terms];
    let mut acc = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut edges = Vec::new();
    for i in 0..n {
        let vi = &corpus.sents[i];
        for &t in &vi.terms {
            let list = &postings[t as usize];
            // Only later sentences: each pair is seen from its first member.
            let from = cursor[t as usize] as usize + 1;
            cursor[t as usize] += 1;
            if list.len() > max_df {
                continue;
            }
            let w = corpus.idf[t as usize];
            for &j in &list[from..] {
                if doc_of[j as usize] == vi.doc as u32 {
                    continue;
                }
                if acc[j as usize] == 0.0 {
                    touched.push(j);
                }
                acc[j as usize] += w;
            }
        }
        for &j in &touched {
            let shared = acc[j as usize];
            acc[j as usize] = 0.0;
            let smaller = corpus.mass[i].min(corpus.mass[j as usize]);
            if smaller <= 0.0 {
                continue;
            }
            let share = shared / smaller;
            // Below this share of rare weight no link kind can hold (see
            // `super::align`): dropping such pairs here spares sorting them.
            if share >= MIN_SHARE {
                edges.push((i as u32, j, share));
            }
        }
        touched.clear();
    }
    edges
}

/// Groups sentences by complete linkage over the edges at or above the
/// threshold: two groups merge only if every pair across them is an edge
/// (no chaining drift) and no document would appear twice. Returns groups
/// of two or more, each sorted, with the index of its most central member.
pub fn cluster(corpus: &Corpus, mut edges: Vec<Edge>) -> Vec<(Vec<usize>, usize)> {
    edges.retain(|e| e.score >= THRESHOLD);
    edges.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let key = |a: usize, b: usize| ((a.min(b) as u64) << 32) | a.max(b) as u64;
    let score_of: HashMap<u64, f32> = edges
        .iter()
        .map(|e| (key(e.a as usize, e.b as usize), e.score))
        .collect();
    let pair = |a: usize, b: usize| score_of.get(&key(a, b)).copied().unwrap_or(0.0);
    let n = corpus.sents.len();
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for e in &edges {
        let (gi, gj) = (group_of[e.a as usize], group_of[e.b as usize]);
        if gi == gj {
            continue;
        }
        let (small, large) = if groups[gi].len() <= groups[gj].len() {
            (gi, gj)
        } else {
            (gj, gi)
        };
        let fits = groups[small].iter().all(|&a| {
            groups[large]
                .iter()
                .all(|&b| corpus.sents[a].doc != corpus.sents[b].doc && pair(a, b) >= THRESHOLD)
        });
        if fits {
            let moved = std::mem::take(&mut groups[small]);
            for &m in &moved {
                group_of[m] = large;
            }
            groups[large].extend(moved);
        }
    }
    let mut out: Vec<(Vec<usize>, usize)> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|mut members| {
            members.sort_unstable();
            let centrality = |a: usize| -> f32 { members.iter().map(|&m| pair(a, m)).sum() };
            let label = members
                .iter()
                .copied()
                .max_by(|&a, &b| centrality(a).total_cmp(&centrality(b)).then(b.cmp(&a)))
                .unwrap_or(members[0]);
            (members, label)
        })
        .collect();
    out.sort_by_key(|(m, _)| m[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{features, Features};

    #[test]
    fn candidates_cross_documents_and_clusters_hold_one_sentence_a_document() {
        let texts = [
            (
                0,
                "Assad made his first public visit to Iran since the war began.",
            ),
            (
                0,
                "Assad made his first public visit to Iran since the war started.",
            ),
            (
                1,
                "Assad has made his first public visit to Iran since the war began.",
            ),
            (
                2,
                "President Assad made a first public visit to Iran since the war began.",
            ),
            (2, "Markets in Tokyo closed higher on Monday."),
        ];
        let feats: Vec<Features> = texts.iter().map(|(_, t)| features(t)).collect();
        let corpus = Corpus::build(texts.iter().map(|(d, _)| *d).zip(feats.iter()));
        let edges = candidates(&corpus, |a, b, _| Some(corpus.score(a, b)));
        assert!(edges
            .iter()
            .all(|e| corpus.sents[e.a as usize].doc != corpus.sents[e.b as usize].doc));
        assert!(!edges.iter().any(|e| e.b == 4 || e.a == 4));
        let groups = cluster(&corpus, edges);
        assert_eq!(groups.len(), 1);
        let (members, label) = &groups[0];
        assert_eq!(members.len(), 3);
        assert!(members.contains(&2) && members.contains(&3));
        assert!(members.contains(label));
    }
}
