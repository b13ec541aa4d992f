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

/// Sentence pairs from different documents that share enough rare weight to
/// be worth scoring, found through an inverted index: the work grows with
/// the postings of rare terms, not with the square of the corpus.
pub fn candidates(corpus: &Corpus, mut keep: impl FnMut(usize, usize, f32) -> bool) -> Vec<Edge> {
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
    let max_df = (n / 50).clamp(30, 400);
    let mut acc = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut edges = Vec::new();
    for i in 0..n {
        let vi = &corpus.sents[i];
        for &t in &vi.terms {
            let list = &postings[t as usize];
            if list.len() > max_df {
                continue;
            }
            let w = corpus.idf[t as usize];
            // Only later sentences: each pair is seen from its first member.
            let from = list.partition_point(|&j| j as usize <= i);
            for &j in &list[from..] {
                if corpus.sents[j as usize].doc == vi.doc {
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
            if keep(i, j as usize, share) {
                let score = corpus.score(i, j as usize);
                edges.push(Edge {
                    score,
                    a: i as u32,
                    b: j,
                });
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
