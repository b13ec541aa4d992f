//! Claim links: scored candidate pairs of a corpus and each sentence's
//! place in its document in; per pair, the probability that the two
//! sentences carry the same claim out.
//!
//! The pair score ([`Corpus::score`], a paraphrase judgement learned from
//! MSRP) asks whether two sentences say the same thing. Across outlets the
//! question is looser and depends on the rest of the coverage: a sentence
//! that adds its own context or attribution still carries the claim, and
//! inside one story nearly every pair of sentences looks alike, so which
//! sentence of the other article is the best counterpart matters as much as
//! how alike the two are. The link model weighs, for each candidate pair:
//!
//! - the pair score and the semantic cosine, their containment and soft
//!   cover (see [`Corpus::pair_features`]);
//! - whether each is the other's best counterpart in its document, by the
//!   cosine and by the pair score, and by what margin;
//! - the sentences around each (a window of its neighbours) alike;
//! - how close each is to a headline of the corpus (the story's main event
//!   is restated throughout each article) and how early it comes;
//! - evidence beyond words: the same quote group or the same speaker quoted
//!   in both, the same count of the same thing, one restated inside the
//!   other, a claim clause of each alike;
//! - what speaks against: a number or a negation on one side only, names
//!   of one missing from the other.
//!
//! Logistic regression over these, learned by `scripts/train_links.py`
//! from the hand alignment of BASIL development triplets in
//! `tests/gold/basil_claims/` (the kept-aside triplets are not used).

use super::model;
use super::similarity::Corpus;

/// Number of link features, in the order of [`FEATURE_NAMES`].
pub const N_FEATURES: usize = 35;

pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "pair_score",
    "semantic",
    "soft_cover_min",
    "soft_cover_max",
    "containment_min",
    "containment_max",
    "soft_unmatched_max",
    "semantic_best_both",
    "semantic_best_either",
    "semantic_rank_sum",
    "semantic_margin_min",
    "semantic_margin_max",
    "score_best_both",
    "score_margin_min",
    "same_quote_group",
    "same_speaker",
    "heading",
    "numbers_clash",
    "negation_mismatch",
    "length_ratio",
    "headline_min",
    "headline_max",
    "position_min",
    "position_max",
    "names_missing",
    "idf_dice",
    "numbers_equal",
    "word_dice",
    "names_unmatched",
    "window",
    "restated",
    "content_cover_min",
    "content_cover_max",
    "clause_alike",
    "same_count",
];

/// Weights of the features, then the bias (see the module doc).
pub const WEIGHTS: [f32; N_FEATURES + 1] = [
    0.0, 0.0, 0.0, 0.0, 0.0, 1.24, 0.0, 0.2161, 0.0, -0.03424, 0.1776, 0.635, 0.5177, 0.2499,
    0.5911, 0.4449, 0.2255, 0.0, -0.1913, -0.2808, 0.0, -0.8519, -0.487, -0.7556, -1.291, 4.137,
    2.382, 4.263, 0.0, 2.313, 0.0, 2.85, 1.46, 5.139, 4.85, -2.835,
];

/// Pairs at or above this probability are linked.
pub const THRESHOLD: f32 = 0.4;

/// What the link model knows of one sentence besides its vector.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Position among its document's sentences (0 = first).
    pub position: usize,
    pub heading: bool,
    /// Its window embedding: itself and half of each neighbour, normalised.
    pub window: Vec<f32>,
    /// The best semantic cosine with any document's headline (0 if none).
    pub headline: f32,
    /// Quote groups and canonical speakers of the quotations it holds.
    pub quote_groups: Vec<usize>,
    pub speakers: Vec<String>,
}

/// The pair-level part of a candidate's features, in [`BASE_NAMES`] order:
/// what the two sentences alone say, before ranks and contexts.
pub const N_BASE: usize = 20;

pub const BASE_NAMES: [&str; N_BASE] = [
    "pair_score",
    "semantic",
    "soft_cover_min",
    "soft_cover_max",
    "containment_min",
    "containment_max",
    "soft_unmatched_max",
    "numbers_clash",
    "negation_mismatch",
    "length_ratio",
    "names_missing",
    "idf_dice",
    "numbers_equal",
    "word_dice",
    "names_unmatched_in_smaller",
    "restated",
    "content_cover_min",
    "content_cover_max",
    "clause_alike",
    "same_count",
];

/// One candidate pair (`a < b`, sentence indices of the corpus) with its
/// pair-level features.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub a: u32,
    pub b: u32,
    pub base: [f32; N_BASE],
}

impl Scored {
    pub fn score(&self) -> f32 {
        self.base[0]
    }
    pub fn semantic(&self) -> f32 {
        self.base[1]
    }
}

/// Evidence about a pair the pair score does not see.
#[derive(Debug, Clone, Copy, Default)]
pub struct Evidence {
    /// One sentence restated inside the other, with added context (0 or 1).
    pub restated: f32,
    /// A claim clause of each alike, attribution aside (0, or the clause
    /// score from 0.85 up).
    pub clause: f32,
    /// The same count of the same thing (0, or 0.5..1 by how alike the
    /// words around the numbers are).
    pub count: f32,
    /// Soft cover of what each says besides names and numbers, (smaller,
    /// larger).
    pub content_cover: (f32, f32),
}

/// The pair-level features of a pair from the pair model's inputs `f`,
/// its score and semantic cosine, and the evidence beyond them.
pub fn base_from(
    f: &[f32; model::N_FEATURES],
    score: f32,
    semantic: f32,
    evidence: Evidence,
) -> [f32; N_BASE] {
    let mut out = [0f32; N_BASE];
    out[0] = score;
    out[1] = semantic;
    out[15] = evidence.restated;
    out[16] = evidence.content_cover.0;
    out[17] = evidence.content_cover.1;
    out[18] = evidence.clause;
    out[19] = evidence.count;
    for (k, name) in BASE_NAMES.iter().enumerate().take(15).skip(2) {
        if let Some(j) = model::FEATURE_NAMES.iter().position(|n| n == name) {
            out[k] = f[j];
        }
    }
    out
}

fn shares<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.iter().any(|x| b.contains(x))
}

/// Where each pair stands among the other candidates of its two sentences
/// in the other's document, by `key`: (rank seen from a, rank seen from b,
/// margin seen from a, margin seen from b). A rank is 0 for the best; the
/// margin is the key minus the best other key (negative when not best).
fn ranks(pairs: &[Scored], docs: &[usize], key: impl Fn(&Scored) -> f32) -> Vec<[f32; 4]> {
    // (sentence, other document) -> candidate indices.
    let mut slots: crate::features::FastMap<(u32, usize), Vec<u32>> = Default::default();
    for (k, p) in pairs.iter().enumerate() {
        slots
            .entry((p.a, docs[p.b as usize]))
            .or_default()
            .push(k as u32);
        slots
            .entry((p.b, docs[p.a as usize]))
            .or_default()
            .push(k as u32);
    }
    let mut out = vec![[0f32; 4]; pairs.len()];
    for ((x, _), mut ks) in slots {
        crate::order::sort_by(&mut ks, |&i, &j| {
            key(&pairs[j as usize])
                .total_cmp(&key(&pairs[i as usize]))
                .then(i.cmp(&j))
        });
        let best = key(&pairs[ks[0] as usize]);
        let second = ks.get(1).map_or(0.0, |&k| key(&pairs[k as usize]));
        for (r, &k) in ks.iter().enumerate() {
            let p = &pairs[k as usize];
            let side = if p.a == x { 0 } else { 1 };
            let v = key(p);
            out[k as usize][side] = r as f32;
            out[k as usize][2 + side] = v - if r == 0 { second } else { best };
        }
    }
    out
}

/// The link features of every candidate pair (`contexts[i]` of sentence
/// `i` of `corpus`).
pub fn features(corpus: &Corpus, pairs: &[Scored], contexts: &[Context]) -> Vec<[f32; N_FEATURES]> {
    let by_semantic = ranks(pairs, &corpus.docs, |p| p.semantic());
    let by_score = ranks(pairs, &corpus.docs, |p| p.score());
    pairs
        .iter()
        .zip(by_semantic.iter().zip(&by_score))
        .map(|(p, (rs, rp))| {
            let (ca, cb) = (&contexts[p.a as usize], &contexts[p.b as usize]);
            let b = &p.base;
            let pos = |c: &Context| (c.position as f32).ln_1p();
            [
                b[0],
                b[1],
                b[2],
                b[3],
                b[4],
                b[5],
                b[6],
                f32::from(rs[0] == 0.0 && rs[1] == 0.0),
                f32::from(rs[0] == 0.0 || rs[1] == 0.0),
                rs[0].min(5.0) + rs[1].min(5.0),
                rs[2].min(rs[3]),
                rs[2].max(rs[3]),
                f32::from(rp[0] == 0.0 && rp[1] == 0.0),
                rp[2].min(rp[3]),
                f32::from(shares(&ca.quote_groups, &cb.quote_groups)),
                f32::from(shares(&ca.speakers, &cb.speakers)),
                f32::from(ca.heading || cb.heading),
                b[7],
                b[8],
                b[9],
                ca.headline.min(cb.headline),
                ca.headline.max(cb.headline),
                pos(ca).min(pos(cb)),
                pos(ca).max(pos(cb)),
                b[10],
                b[11],
                b[12],
                b[13],
                b[14],
                crate::semantic::cosine(&ca.window, &cb.window),
                b[15],
                b[16],
                b[17],
                b[18],
                b[19],
            ]
        })
        .collect()
}

/// The link probability of one pair's features.
pub fn probability(f: &[f32; N_FEATURES]) -> f32 {
    let z: f32 = f.iter().zip(&WEIGHTS).map(|(x, w)| x * w).sum::<f32>() + WEIGHTS[N_FEATURES];
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{features as featurise, Features};

    fn scored(a: u32, b: u32, score: f32, semantic: f32) -> Scored {
        let mut base = [0f32; N_BASE];
        base[0] = score;
        base[1] = semantic;
        Scored { a, b, base }
    }

    #[test]
    fn ranks_name_the_best_counterpart_in_each_document() {
        // Sentence 0 (doc 0) against sentences 1, 2 (doc 1) and 3 (doc 2).
        let docs = [0, 1, 1, 2];
        let pairs = [
            scored(0, 1, 0.0, 0.9),
            scored(0, 2, 0.0, 0.5),
            scored(0, 3, 0.0, 0.4),
        ];
        let r = ranks(&pairs, &docs, |p| p.semantic());
        // Seen from 0: 1 is best in doc 1 by 0.4, 2 second; 3 alone in doc 2.
        assert_eq!(r[0][0], 0.0);
        assert!((r[0][2] - 0.4).abs() < 1e-6);
        assert_eq!(r[1][0], 1.0);
        assert!((r[1][2] + 0.4).abs() < 1e-6);
        assert_eq!(r[2][0], 0.0);
        // Seen from the other side each is alone with 0: best.
        assert!(r.iter().all(|x| x[1] == 0.0));
    }

    #[test]
    fn features_follow_the_names_and_weights_push_the_right_way() {
        assert_eq!(FEATURE_NAMES.len(), N_FEATURES);
        assert_eq!(BASE_NAMES.len(), N_BASE);
        let model_names: Vec<&str> = model::FEATURE_NAMES.to_vec();
        for name in &BASE_NAMES[2..15] {
            assert!(model_names.contains(name), "{name} is not a pair feature");
        }
        // Two restatements of one fact link; two facts about the same
        // people do not.
        let texts = [
            "The ferry between Orm and Lusk resumed on Friday after a two-day strike.",
            "Ferry service between Orm and Lusk resumed on Friday after a strike of two days.",
            "The mayor of Orm said Lusk must pay for the new harbour wall.",
        ];
        let feats: Vec<Features> = texts.iter().map(|t| featurise(t)).collect();
        let corpus = Corpus::build_with(
            [0usize, 1, 1].into_iter().zip(feats.iter()),
            Some(crate::semantic::WordVectors::bundled()),
        );
        let base = |a: usize, b: usize| {
            let f = corpus.pair_features(a, b);
            base_from(
                &f,
                corpus.score_of(a, b, &f),
                corpus.semantic(a, b),
                Evidence {
                    content_cover: corpus.content_cover(a, b),
                    ..Default::default()
                },
            )
        };
        let pairs = [
            Scored {
                a: 0,
                b: 1,
                base: base(0, 1),
            },
            Scored {
                a: 0,
                b: 2,
                base: base(0, 2),
            },
        ];
        let contexts = vec![Context::default(); 3];
        let f = features(&corpus, &pairs, &contexts);
        let (same, other) = (probability(&f[0]), probability(&f[1]));
        assert!(same >= THRESHOLD, "restatement: {same}");
        assert!(other < THRESHOLD, "another fact: {other}");
    }
}
