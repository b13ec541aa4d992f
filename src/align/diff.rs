//! Word-level variants: one wording and the claim's label in; the byte spans
//! of the wording's words that the label does not have out.

use super::similarity::SentVec;
use crate::features::Features;

/// Spans (bytes, relative to the wording's text) of the content words and
/// quantities of `wording` whose terms the label lacks; neighbouring spans
/// separated only by spaces, punctuation or function words are merged.
pub fn differs(
    text: &str,
    wording: &Features,
    vec: &SentVec,
    label: &SentVec,
) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (k, t) in wording.tokens.iter().enumerate() {
        let Some(&id) = vec.token_terms.get(k) else {
            continue;
        };
        if id == u32::MAX || label.terms.binary_search(&id).is_ok() {
            continue;
        }
        // A quantity is marked whole ("between 360,000 and 560,000").
        let (start, end) = wording
            .quantities
            .iter()
            .find(|q| q.start <= t.start && t.end <= q.end)
            .map(|q| (q.start, q.end))
            .unwrap_or((t.start, t.end));
        spans.push((start, end));
    }
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in spans {
        if let Some(last) = merged.last_mut() {
            let gap_is_filler = wording
                .tokens
                .iter()
                .filter(|t| t.start >= last.1 && t.end <= start)
                .all(|t| {
                    t.skip
                        && !wording
                            .quantities
                            .iter()
                            .any(|q| q.start <= t.start && t.end <= q.end)
                })
                && text.get(last.1..start).is_some();
            if start <= last.1 || gap_is_filler {
                last.1 = last.1.max(end);
                continue;
            }
        }
        merged.push((start, end));
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::similarity::Corpus;
    use crate::features::features;

    #[test]
    fn marks_words_the_label_lacks() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Assad made his first public visit to Iran.",
                "Assad made a first public trip to Iran.",
                &["trip"],
            ),
            (
                "The war killed nearly 400,000 people.",
                "The war killed between 360,000 and 560,000 people.",
                &["between 360,000 and 560,000"],
            ),
            (
                "Rebels attacked the city.",
                "Terrorists, backed by foreign powers, attacked the city.",
                &["Terrorists, backed by foreign powers"],
            ),
        ];
        for (label, wording, expected) in cases {
            let feats = [features(label), features(wording)];
            let corpus = Corpus::build(feats.iter().enumerate());
            let spans = differs(wording, &feats[1], corpus.sent(1), corpus.sent(0));
            let got: Vec<&str> = spans.iter().map(|&(s, e)| &wording[s..e]).collect();
            assert_eq!(&got, expected, "{wording}");
        }
    }
}
