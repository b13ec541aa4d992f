//! Alignment: claim sentences of several documents (text and features) in;
//! claims out (groups of sentences from at least two documents that say the
//! same thing), each with its label, every wording's differing words and its
//! discrepancies; plus a documents × documents similarity.
//!
//! ```text
//! features ─▶ similarity::Corpus (interned terms, the corpus's own idf)
//!          ─▶ cluster::candidates (inverted index over rare terms)
//!          ─▶ link score: the learned pair score (model, THRESHOLD), or else
//!             one sentence restated inside the other (similarity::contained),
//!             a claim clause of each alike (similarity::clause_link)
//!             or the same count of the same thing (discrepancy::fact_link)
//!          ─▶ cluster::cluster (complete linkage, one sentence a document)
//!          ─▶ diff::differs, discrepancy::findings
//! ```
//!
//! `parallax pairs` uses [`pair_score`] and [`THRESHOLD`] as they are (with
//! the pairs file as its corpus, see [`pairs`]). The other links are not
//! paraphrase judgements and are kept out of it on purpose: MSRP's annotators
//! call a sentence with an added clause a different sentence, while for
//! claims across outlets it is the same claim with more context (or with
//! its own attribution and its own words for the subject); and two
//! otherwise different sentences that state the death toll of the same war
//! are, for a fact-checker, one claim whose numbers disagree.

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

/// Pairs scoring below this are not compared clause by clause.
const CLAUSE_FLOOR: f32 = 0.15;

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
    let counts: Vec<bool> = (0..corpus.len())
        .map(|i| {
            let v = corpus.sent(i);
            v.quantities.iter().any(discrepancy::is_fact_sized)
        })
        .collect();
    let has_count = |i: usize| counts[i];
    // A sentence's clauses are cut and vectorised once, when a pair first
    // needs them (most sentences never reach the clause link).
    let clause_parts: Vec<std::sync::OnceLock<similarity::ClauseParts>> = (0..inputs.len())
        .map(|_| std::sync::OnceLock::new())
        .collect();
    let parts_of =
        |i: usize| clause_parts[i].get_or_init(|| corpus.clause_parts(i, inputs[i].features));
    // Pairs sharing a fifth of the smaller sentence's rare weight get the
    // pair score, or else a containment, clause or shared-count link; pairs sharing
    // less (down to a tenth) can only be about the same count.
    let edges = cluster::candidates(&corpus, |a, b, share| {
        let fact = || discrepancy::fact_link(&corpus, inputs[a].features, inputs[b].features, a, b);
        if share >= 0.2 {
            let mut score = corpus.score(a, b);
            if score < THRESHOLD && similarity::contained(&corpus, a, b) {
                score = THRESHOLD;
            }
            // Clauses are compared only where the whole sentences already
            // look somewhat alike: it costs a vector per clause, and a
            // clause match between otherwise unlike sentences is chance.
            if (CLAUSE_FLOOR..THRESHOLD).contains(&score)
                && similarity::clause_link(&corpus, a, b, parts_of)
            {
                score = THRESHOLD;
            }
            if score < THRESHOLD && has_count(a) && has_count(b) {
                score = score.max(fact().unwrap_or(0.0));
            }
            Some(score)
        } else if share >= 0.1 && has_count(a) && has_count(b) {
            fact()
        } else {
            None
        }
    });
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
                            corpus.sent(m),
                            corpus.sent(label),
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
    let similarity = docsim::doc_similarity(&corpus, n_docs);
    Alignment { claims, similarity }
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

    #[test]
    fn odd_text_never_panics() {
        // Deterministic junk from pieces that stress the tokenizer: digits
        // with separators, vague amounts, ranges, symbols, multibyte letters.
        const PIECES: &[&str] = &[
            "between",
            "and",
            "360,000",
            "5-",
            "-10",
            "hundreds",
            "of",
            "thousands",
            "$",
            "%",
            "nearly",
            "more",
            "than",
            "half",
            "not",
            "first",
            "ünïcödé",
            "🙂",
            "Qassem",
            "Qasem",
            "—",
            ",",
            ".",
            "(",
            ")",
            "'s",
            "n't",
            "2.5bn",
            "1,2,3",
            "the",
            "a",
            "dozen",
            "Iran",
            "twenty",
            "-",
            "per",
            "cent",
            "",
            " ",
            "\u{200b}",
            "Æ",
            "ß",
        ];
        let mut x: u64 = 7;
        let mut texts = Vec::new();
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..(x % 25) {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push_str(PIECES[(x >> 33) as usize % PIECES.len()]);
                if x % 3 != 0 {
                    t.push(' ');
                }
            }
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
            texts.push(t);
        }
        let feats: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let inputs: Vec<SentenceIn> = texts
            .iter()
            .zip(&feats)
            .enumerate()
            .map(|(i, (text, features))| SentenceIn {
                doc: i % 7,
                text,
                features,
            })
            .collect();
        let alignment = align(&inputs, 7);
        let ids: Vec<usize> = (0..inputs.len()).collect();
        let claims = claims_out(&alignment, &inputs, &ids);
        for c in &alignment.claims {
            for (&m, spans) in c.members.iter().zip(&c.differs) {
                for &(s, e) in spans {
                    assert!(s <= e && inputs[m].text.get(s..e).is_some());
                }
            }
        }
        assert_eq!(claims.len(), alignment.claims.len());
    }
}
