//! The learned pair model: a sentence pair's features in, the probability
//! that the two sentences say the same thing out.
//!
//! Logistic regression, learned by `scripts/train_pairs.py` from the MSRP
//! training pairs (on 80% of them; the other 20% is held out, see the
//! script's doc). The weights below are its output, pasted as they are.

/// Number of features of a pair, in the order of [`FEATURE_NAMES`].
pub const N_FEATURES: usize = 33;

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
];

/// Weights of the features, then the bias (learned: -2.718 is not e).
#[allow(clippy::approx_constant)]
pub const WEIGHTS: [f32; N_FEATURES + 1] = [
    39.14, -19.52, -4.342, -3.276, -4.455, 1.328, 0.01607, 0.182, -0.03899, 2.399, 0.9991, -1.218,
    -0.2829, 0.1472, 4.48, 3.606, 3.528, 9.282, -23.7, 8.398, 3.256, 2.473, 4.925, -5.774, 5.468,
    1.591, -1.139, -0.6738, 3.143, -2.718, -0.3991, -1.927, -0.2428, -10.25,
];

/// The model's probability for one pair's features.
pub fn predict(features: &[f32; N_FEATURES]) -> f32 {
    let z: f32 = features
        .iter()
        .zip(&WEIGHTS)
        .map(|(x, w)| x * w)
        .sum::<f32>()
        + WEIGHTS[N_FEATURES];
    1.0 / (1.0 + (-z).exp())
}
