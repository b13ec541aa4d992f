//! The learned pair model: a sentence pair's features in, the probability
//! that the two sentences say the same thing out.
//!
//! Logistic regression, learned by `scripts/train_pairs.py` from the MSRP
//! training pairs (on 80% of them; the other 20% is held out, see the
//! script's doc). The weights below are its output, pasted as they are.
//!
//! Two sets of weights: [`WEIGHTS`] over every feature, for corpora whose
//! sentences carry word vectors (the CLI always, the page once the table
//! has loaded), and [`LEXICAL_WEIGHTS`] over the first [`N_LEXICAL`]
//! features, for when no table is at hand.

/// Number of features of a pair, in the order of [`FEATURE_NAMES`].
pub const N_FEATURES: usize = 37;

/// The features that need no word vectors: the first ones.
pub const N_LEXICAL: usize = 33;

/// What each feature measures (the trainer prints them with the weights).
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "idf_dice",
    "containment_min",
    "containment_max",
    "plain_dice",
    "bigram_dice",
    "prefix_dice",
    "numbers_clash",
    "numbers_equal",
    "numbers_one_side",
    "length_ratio",
    "names_missing",
    "negation_mismatch",
    "unmatched_mass_max",
    "unmatched_mass_min",
    "word_dice",
    "trigram_dice",
    "order_lcs",
    "containment_min_sq",
    "idf_dice_sq",
    "idf_dice_over_0.5",
    "idf_dice_over_0.7",
    "containment_min_over_0.5",
    "containment_min_over_0.7",
    "trigram_dice_over_0.5",
    "trigram_dice_over_0.7",
    "unmatched_terms_max",
    "unmatched_terms_min",
    "number_terms_differ",
    "word_bigram_dice",
    "word_trigram_dice",
    "word_4gram_dice",
    "length_difference",
    "names_unmatched_in_smaller",
    "semantic_cosine",
    "soft_cover_min",
    "soft_cover_max",
    "soft_unmatched_max",
];

/// Weights of every feature, then the bias.
pub const WEIGHTS: [f32; N_FEATURES + 1] = [
    29.34, -18.19, -7.631, -2.679, -4.344, 1.356, 0.1629, 0.1524, 0.003865, 2.208, 0.9753, -1.199,
    -0.2696, 0.2342, 4.241, 3.26, 3.682, 8.598, -17.29, 7.704, 2.133, 1.479, 4.426, -5.35, 5.287,
    1.337, -1.484, -0.5464, 2.998, -2.502, -0.4666, -1.908, -0.1734, 0.5679, 1.261, 5.558,
    -0.02276, -10.41,
];

/// Weights of the lexical features, then the bias (learned: -2.718 is not e).
#[allow(clippy::approx_constant)]
pub const LEXICAL_WEIGHTS: [f32; N_LEXICAL + 1] = [
    39.14, -19.52, -4.342, -3.276, -4.455, 1.328, 0.01607, 0.182, -0.03899, 2.399, 0.9991, -1.218,
    -0.2829, 0.1472, 4.48, 3.606, 3.528, 9.282, -23.7, 8.398, 3.256, 2.473, 4.925, -5.774, 5.468,
    1.591, -1.139, -0.6738, 3.143, -2.718, -0.3991, -1.927, -0.2428, -10.25,
];

/// The model's probability for one pair's features; `with_vectors` says
/// whether the semantic features were computed (else only the lexical
/// weights apply).
pub fn predict(features: &[f32; N_FEATURES], with_vectors: bool) -> f32 {
    let weights: &[f32] = if with_vectors {
        &WEIGHTS
    } else {
        &LEXICAL_WEIGHTS
    };
    let n = weights.len() - 1;
    let z: f32 = features[..n]
        .iter()
        .zip(weights)
        .map(|(x, w)| x * w)
        .sum::<f32>()
        + weights[n];
    1.0 / (1.0 + (-z).exp())
}
