//! The learned pair model: a sentence pair's features in, the probability
//! that the two sentences say the same thing out.
//!
//! Logistic regression, learned by `scripts/train_pairs.py` from the MSRP
//! training pairs (on 80% of them; the other 20% is held out, see the
//! script's doc). The weights below are its output, pasted as they are.

/// Number of features of a pair, in the order of [`FEATURE_NAMES`].
pub const N_FEATURES: usize = 31;

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
];

/// Weights of the features, then the bias.
pub const WEIGHTS: [f32; N_FEATURES + 1] = [
    41.09, -23.43, -3.21, -3.858, -4.279, 1.435, -0.03871, 0.1785, -0.0446, 3.103, 0.9104, -1.189,
    -0.3218, 0.1265, 4.605, 3.661, 3.309, 13.48, -26.86, 8.797, 2.749, 1.93, 5.067, -5.944, 5.728,
    0.127, -0.01856, -0.6184, 2.704, -2.524, -0.546, -10.43,
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
