//! Alignment: claim sentences of several documents (text and features) in;
//! claims out (groups of sentences from at least two documents that say the
//! same thing), each with its label, every wording's differing words and its
//! discrepancies; plus a documents × documents similarity.
//!
//! ```text
//! features ─▶ similarity::Corpus (interned terms, corpus idf)
//!          ─▶ cluster::candidates (inverted index over rare terms)
//!          ─▶ score: the learned pair score, or else a link of another kind:
//!             one sentence restated inside the other (similarity::contained)
//!             or the same count of the same thing (discrepancy::fact_link)
//!          ─▶ cluster::cluster (complete linkage, one sentence a document)
//!          ─▶ diff::differs, discrepancy::findings
//! ```

pub mod cluster;
pub mod diff;
pub mod discrepancy;
pub mod docsim;
pub mod model;
pub mod pairs;
pub mod similarity;

pub use discrepancy::{Finding, Kind};
pub use docsim::{verbatim, Verbatim};
pub use similarity::Corpus;

use crate::features::Features;
use crate::report::{ClaimOut, Discrepancy, DiscrepancyValue, WordingOut};
use crate::span::Utf16Index;

/// Scores at or above this mean "the same claim", for the product's claims
/// and for `parallax pairs` alike.
pub const THRESHOLD: f32 = 0.5;

/// A claim sentence to align: its document, its text, and its features
/// (computed from that text).
#[derive(Clone, Copy)]
pub struct SentenceIn<'a> {
    pub doc: usize,
    pub text: &'a str,
    pub features: &'a Features,
}

/// One claim: members are indices into the aligned inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Sorted; from distinct documents.
    pub members: Vec<usize>,
    /// The most central member: its text is the claim's label.
    pub label: usize,
    /// For each member (same order), byte spans relative to its text of the
    /// words the label does not have. Empty for the label itself.
    pub differs: Vec<Vec<(usize, usize)>>,
    pub findings: Vec<Finding>,
}

/// Everything alignment found in one corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub claims: Vec<Claim>,
    /// documents × documents, in [0, 1].
    pub similarity: Vec<Vec<f64>>,
}

/// The score `parallax pairs` and the product share: the two sentences'
/// pair score, with the idf of `corpus`.
pub fn pair_score(corpus: &Corpus, a: usize, b: usize) -> f32 {
    corpus.score(a, b)
}

/// Aligns the claim sentences of `n_docs` documents.
pub fn align(inputs: &[SentenceIn], n_docs: usize) -> Alignment {
    let corpus = Corpus::build(inputs.iter().map(|s| (s.doc, s.features)));
    // Pairs sharing a fifth of the smaller sentence's rare weight are scored;
    // pairs sharing less can still be about the same number.
    let has_count = |i: usize| {
        corpus.sents[i]
            .quantities
            .iter()
            .any(discrepancy::is_fact_sized)
    };
    let mut edges = cluster::candidates(&corpus, |i, j, share| {
        share >= 0.2 || (share >= 0.05 && has_count(i) && has_count(j))
    });
    for e in &mut edges {
        let (a, b) = (e.a as usize, e.b as usize);
        if e.score < THRESHOLD && similarity::contained(&corpus, a, b) {
            e.score = THRESHOLD;
        }
        if e.score < THRESHOLD {
            if let Some(s) =
                discrepancy::fact_link(&corpus, inputs[a].features, inputs[b].features, a, b)
            {
                e.score = e.score.max(s);
            }
        }
    }
    let groups = cluster::cluster(&corpus, edges);
    let claims = groups
        .into_iter()
        .map(|(members, label)| {
            let differs = members
                .iter()
                .map(|&m| {
                    if m == label {
                        Vec::new()
                    } else {
                        diff::differs(
                            inputs[m].text,
                            inputs[m].features,
                            &corpus.sents[m],
                            &corpus.sents[label],
                        )
                    }
                })
                .collect();
            let feats: Vec<&Features> = members.iter().map(|&m| inputs[m].features).collect();
            let findings = discrepancy::findings(&feats);
            Claim {
                members,
                label,
                differs,
                findings,
            }
        })
        .collect();
    Alignment {
        claims,
        similarity: docsim::doc_similarity(&corpus, n_docs),
    }
}

/// The claims in Report form: `sentence_ids[k]` is the Report id of input
/// `k`; spans become UTF-16 offsets relative to each sentence's text.
pub fn claims_out(
    alignment: &Alignment,
    inputs: &[SentenceIn],
    sentence_ids: &[usize],
) -> Vec<ClaimOut> {
    alignment
        .claims
        .iter()
        .enumerate()
        .map(|(id, claim)| {
            let mut docs: Vec<usize> = claim.members.iter().map(|&m| inputs[m].doc).collect();
            docs.sort_unstable();
            docs.dedup();
            let wordings = claim
                .members
                .iter()
                .zip(&claim.differs)
                .map(|(&m, spans)| {
                    let index = Utf16Index::new(inputs[m].text);
                    WordingOut {
                        sentence: sentence_ids[m],
                        doc: inputs[m].doc,
                        differs: spans
                            .iter()
                            .map(|&(s, e)| [index.to_utf16(s), index.to_utf16(e)])
                            .collect(),
                    }
                })
                .collect();
            let discrepancies = claim
                .findings
                .iter()
                .map(|f| discrepancy_out(f, claim, inputs, sentence_ids))
                .collect();
            ClaimOut {
                id,
                sentences: claim.members.iter().map(|&m| sentence_ids[m]).collect(),
                docs,
                label: inputs[claim.label].text.to_string(),
                label_sentence: sentence_ids[claim.label],
                wordings,
                discrepancies,
            }
        })
        .collect()
}

fn discrepancy_out(
    finding: &Finding,
    claim: &Claim,
    inputs: &[SentenceIn],
    sentence_ids: &[usize],
) -> Discrepancy {
    let values: Vec<DiscrepancyValue> = finding
        .values
        .iter()
        .filter_map(|&(k, s, e)| {
            let m = *claim.members.get(k)?;
            let text = inputs[m].text;
            let stated = s < e && text.get(s..e).is_some();
            let index = Utf16Index::new(text);
            Some(DiscrepancyValue {
                sentence: sentence_ids[m],
                doc: inputs[m].doc,
                value: if stated {
                    text[s..e].to_string()
                } else {
                    "(none)".to_string()
                },
                span: stated.then(|| [index.to_utf16(s), index.to_utf16(e)]),
            })
        })
        .collect();
    let mut distinct: Vec<String> = Vec::new();
    for v in &values {
        let key = v.value.to_lowercase();
        if !distinct.iter().any(|d| d.to_lowercase() == key) {
            distinct.push(v.value.clone());
        }
    }
    let what = match finding.kind {
        Kind::Number if finding.compatible => "numbers stated differently (compatible)",
        Kind::Number => "numbers differ",
        Kind::Negation => "negated in some outlets only",
        Kind::Ordinal => "ordinals differ",
    };
    Discrepancy {
        kind: finding.kind.name().to_string(),
        summary: format!("{what}: {}", distinct.join(" / ")),
        compatible: finding.compatible,
        values,
    }
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
        let inputs: Vec<SentenceIn> = texts
            .iter()
            .zip(&feats)
            .map(|((doc, text), features)| SentenceIn {
                doc: *doc,
                text,
                features,
            })
            .collect();
        let alignment = align(&inputs, 3);
        assert_eq!(alignment.claims.len(), 1);
        assert_eq!(alignment.claims[0].members, vec![0, 1, 3]);
        let sim = &alignment.similarity;
        assert!(sim[0][1] > sim[0][2]);
    }
}
