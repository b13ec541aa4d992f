//! Loaded words, learned: a word (lower case) and the word-vector table in;
//! the probability that a reader annotating word choice would mark it as
//! loaded (a verb, adjective or noun that takes a side or raises the
//! temperature where a plain word would do), out.
//!
//! Method: logistic regression on the word's unit vector, fitted by
//! `scripts/train_loaded.py` to the lexical-bias annotations of BASIL's
//! development triplets (Fan et al., "In Plain Sight: Media Bias Through
//! the Lens of Factual Reporting", EMNLP 2019), the half kept for tuning.
//! The vector carries what the word means, so the model rates words no
//! list names ("scathing" near "harsh", "evasive" near "dodge"). On the
//! kept-aside triplets, every word of the articles counted, it ranks an
//! annotated word above a plain one 78 times in 100 (ROC area 0.776); at
//! [`THRESHOLD`] it marks 200 words of which 0.105 are annotated (the hand
//! lists of `report::framing`: 323 words, 0.068), and the two together
//! find 0.28 of the annotated words where the lists alone find 0.19.
//! The weights belong to one table; with another (`TABLE_WORDS` differs)
//! the model says nothing and the lists alone decide.

use crate::semantic::WordVectors;

#[rustfmt::skip]
mod weights {
    include!("loaded_weights.rs");
}

/// The probability from which a word only some outlets use counts as an
/// evaluative difference. Chosen on the tuning triplets' figures of
/// `parallax framing-score` (flagged spans against words right); the
/// model's probabilities are near BASIL's base rate of annotated words
/// (about 0.6 in 100), hence the small value.
pub const THRESHOLD: f32 = 0.03;

/// The probability that `word` (lower case, as the table folds it) is
/// marked as loaded, in [0, 1]; `None` when the table lacks the word or is
/// not the table the weights were fitted to.
pub fn probability(vectors: &WordVectors, word: &str) -> Option<f32> {
    if vectors.len() != weights::TABLE_WORDS || vectors.dims() != weights::WEIGHTS.len() {
        return None;
    }
    let id = vectors.id(word)?;
    let z = weights::BIAS + vectors.dot(id, &weights::WEIGHTS);
    Some(1.0 / (1.0 + (-z).exp()))
}

#[cfg(all(test, feature = "bundled-model"))]
mod tests {
    use super::*;

    #[test]
    fn rates_loaded_words_above_plain_ones() {
        let v = WordVectors::bundled();
        let p = |w: &str| probability(&v, w).unwrap_or_else(|| panic!("{w} in the table"));
        // Words of no BASIL annotation, loaded and plain.
        for (loaded, plain) in [
            ("ruthless", "annual"),
            ("furious", "wednesday"),
            ("disgraceful", "committee"),
        ] {
            assert!(
                p(loaded) > p(plain),
                "{loaded} {} vs {plain} {}",
                p(loaded),
                p(plain)
            );
        }
        assert!(p("committee") < THRESHOLD);
        assert_eq!(probability(&v, "zzzzqx"), None);
    }
}
