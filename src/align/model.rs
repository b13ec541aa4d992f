//! The learned pair model: a sentence pair's features in, the probability
//! that the two sentences say the same thing out.
//!
//! Logistic regression, learned by `scripts/train_pairs.py` from the MSRP
//! training pairs (on 80% of them; the other 20% is held out, see the
//! script's doc). The weights below are its output, pasted as they are.

/// Number of features of a pair, in the order of [`FEATURE_NAMES`].
pub const N_FEATURES: usize = 19;

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
];

/// Weights of the features, then the bias.
pub const WEIGHTS: [f32; N_FEATURES + 1] = [
    38.3, -34.11, -3.678, -4.218, -5.076, 1.631, -0.636, 0.2814, -0.05189, 2.99, 0.8319, -1.154,
    -0.3798, 0.1628, 4.754, 0.7019, 3.275, 23.66, -16.5, -6.487,
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
