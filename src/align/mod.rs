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
pub mod fix;
pub mod link;
pub mod loaded;
pub mod model;
pub mod pairs;
pub mod similarity;

pub use discrepancy::{Finding, Kind};
pub use docsim::{verbatim, Verbatim};
pub use fix::Fix;
pub use similarity::Corpus;

use crate::features::{FastMap, Features};
use crate::semantic::WordVectors;
use std::sync::Arc;

/// Scores at or above this mean "the same thing said", for `parallax pairs`
/// (and the pair score's part in the claim links).
pub const THRESHOLD: f32 = 0.5;

/// Pairs scoring below this are not compared clause by clause.
const CLAUSE_FLOOR: f32 = 0.15;

/// Pairs sharing less rare weight than this are candidates only through
/// their embeddings.
const LINK_SHARE: f32 = 0.05;

/// The least embedding cosine that makes two sentences candidates without
/// shared words, and that keeps a candidate sharing few words.
const SEMANTIC_FLOOR: f32 = 0.35;

/// The mean link a sentence needs to the members of a claim to support it
/// as its second one: stricter than joining a claim in the first place.
const ALSO_THRESHOLD: f32 = 0.65;

/// How much closer to a claim's label a clause must be than its whole
/// sentence for the clause alone to be marked as carrying the claim.
const SUPPORT_MARGIN: f32 = 0.1;

/// A claim sentence to align: its document, its text, and its features
/// (computed from that text).
#[derive(Clone, Copy)]
pub struct SentenceIn<'a> {
    pub doc: usize,
    pub text: &'a str,
    pub features: &'a Features,
}

/// Where a sentence stands, for the link model (see [`link`]): its place in
/// its document and the quotations it holds. `Default` when unknown.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// Index among its document's sentences (0 = first).
    pub position: usize,
    /// A headline or heading rather than a sentence of the body.
    pub heading: bool,
    /// Quote groups of the quotations it holds (from a first, claim-blind
    /// grouping).
    pub quote_groups: Vec<usize>,
    /// Canonical speakers of the quotations it holds.
    pub speakers: Vec<String>,
}

/// One claim: members are indices into the aligned inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Sorted; from at least two documents (a document may give several).
    pub members: Vec<usize>,
    /// The most central member: its text is the claim's label.
    pub label: usize,
    /// For each member (same order), byte spans relative to its text of the
    /// words the label does not have. Empty for the label itself.
    pub differs: Vec<Vec<(usize, usize)>>,
    /// For each member, the byte span of its text that carries the claim
    /// when that is a clause rather than the whole sentence (a long
    /// sentence that reports several facts); None for the whole sentence.
    pub support: Vec<Option<(usize, usize)>>,
    /// For each member, whether the claim is a second one it supports
    /// (its first claim is another).
    pub also: Vec<bool>,
    pub findings: Vec<Finding>,
    /// The story the claim is built in (see [`crate::stories`]); 0 when
    /// aligned without stories.
    pub story: usize,
    /// Claims of other stories that say something alike (indices into the
    /// same claim list): context, never corroboration.
    pub context: Vec<usize>,
    /// A correction by hand changed the claim's members.
    pub corrected: bool,
}

/// Everything alignment found in one corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub claims: Vec<Claim>,
    /// documents × documents, in [0, 1].
    pub similarity: Vec<Vec<f64>>,
    /// For each fix given (see [`align_with`]), whether it applied.
    pub applied: Vec<bool>,
}

/// The score `parallax pairs` and the product share: the two sentences'
/// pair score, with the idf of `corpus`.
pub fn pair_score(corpus: &Corpus, a: usize, b: usize) -> f32 {
    corpus.score(a, b)
}

/// How many of the documents most like its own a sentence is compared
/// with for its headline cosine: the main events of a large corpus's other
/// stories say nothing of it.
const HEADLINE_DOCUMENTS: usize = 32;

/// The link model's view of each sentence: `places[i]` for input `i`
/// (missing entries default), with the window and headline cosines
/// computed from the corpus's embeddings; `similarity` is the documents ×
/// documents similarity that picks the headlines each is compared with.
pub fn contexts(
    corpus: &Corpus,
    places: &[Placement],
    similarity: &[Vec<f64>],
) -> Vec<link::Context> {
    let n = corpus.len();
    let place = |i: usize| places.get(i).cloned().unwrap_or_default();
    // Each document's first heading, if it starts with one: its headline.
    let mut headline_of: FastMap<usize, usize> = FastMap::default();
    for i in 0..n {
        let p = place(i);
        if p.heading && !headline_of.contains_key(&corpus.docs[i]) {
            headline_of.insert(corpus.docs[i], i);
        }
    }
    // Per document, the headlines of the documents most like it.
    let n_docs = similarity.len();
    let near: Vec<Vec<usize>> = (0..n_docs)
        .map(|d| {
            let mut others: Vec<usize> = (0..n_docs)
                .filter(|&e| e != d && headline_of.contains_key(&e))
                .collect();
            if others.len() > HEADLINE_DOCUMENTS {
                others.select_nth_unstable_by(HEADLINE_DOCUMENTS, |&x, &y| {
                    similarity[d][y].total_cmp(&similarity[d][x])
                });
                others.truncate(HEADLINE_DOCUMENTS);
            }
            others.iter().map(|e| headline_of[e]).collect()
        })
        .collect();
    (0..n)
        .map(|i| {
            let p = place(i);
            let own = &corpus.sent(i).embedding;
            let mut window: Vec<f32> = own.clone();
            for j in [i.wrapping_sub(1), i + 1] {
                if j < n && corpus.docs[j] == corpus.docs[i] {
                    let other = &corpus.sent(j).embedding;
                    if other.len() == window.len() {
                        window
                            .iter_mut()
                            .zip(other)
                            .for_each(|(w, o)| *w += 0.5 * o);
                    }
                }
            }
            let norm = window.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                window.iter_mut().for_each(|x| *x /= norm);
            }
            let headline = near.get(corpus.docs[i]).map_or(0.0, |hs| {
                hs.iter()
                    .map(|&h| corpus.semantic(i, h))
                    .fold(0f32, f32::max)
            });
            link::Context {
                position: p.position,
                heading: p.heading,
                window,
                headline,
                quote_groups: p.quote_groups,
                speakers: p.speakers,
            }
        })
        .collect()
}

/// Every candidate pair of distinct wordings with its pair-level features:
/// pairs sharing rare words (from the inverted index) and, in corpora small
/// enough to compare every pair, pairs whose embeddings are alike. A
/// wording repeated word for word (wire copy) is judged once, at its first
/// occurrence, and its copies follow it.
pub fn link_candidates(
    corpus: &Corpus,
    inputs: &[SentenceIn],
) -> cluster::WordingPairs<[f32; link::N_BASE]> {
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
    cluster::wording_pairs(corpus, LINK_SHARE, Some(SEMANTIC_FLOOR), |a, b, share| {
        // With word vectors, a pair whose embeddings are not even this
        // alike never reaches a link (on the hand gold, 3 of 723 links
        // fall below); scoring it is most of the work in a large corpus.
        let semantic = corpus.semantic(a, b);
        let hopeless = if corpus.has_vectors() {
            semantic < SEMANTIC_FLOOR
        } else {
            share < cluster::MIN_SHARE
        };
        if hopeless {
            return None;
        }
        let (f, content_cover) = corpus.pair_features_and_content(a, b);
        let score = corpus.score_of(a, b, &f);
        // Evidence the pair score does not see: one sentence restated
        // inside the other, a claim clause of each alike, the same count of
        // the same thing.
        let mut evidence = link::Evidence {
            content_cover,
            ..Default::default()
        };
        if share >= 0.2 && score < THRESHOLD {
            if similarity::contained(corpus, a, b) {
                evidence.restated = 1.0;
            } else if (CLAUSE_FLOOR..THRESHOLD).contains(&score) {
                evidence.clause = similarity::clause_score_of(corpus, a, b, parts_of);
            }
        }
        if has_count(a) && has_count(b) {
            let fact = discrepancy::fact_link(corpus, inputs[a].features, inputs[b].features, a, b);
            evidence.count = fact.unwrap_or(0.0);
        }
        Some(link::base_from(&f, score, semantic, evidence))
    })
}

/// The wording pairs the link model judges (a wording paired with its own
/// repeats is the same claim without judging), with each one's index
/// among `found`'s pairs.
pub fn judged(
    found: &cluster::WordingPairs<[f32; link::N_BASE]>,
) -> (Vec<link::Scored>, Vec<usize>) {
    found
        .firsts
        .iter()
        .zip(&found.values)
        .enumerate()
        .filter(|(_, (&(a, b), _))| a != b)
        .map(|(k, (&(a, b), &base))| (link::Scored { a, b, base }, k))
        .unzip()
}

/// Aligns the claim sentences of `n_docs` documents (`places[i]` where
/// input `i` stands, or empty), seeing synonyms through `words` when given.
pub fn align(
    inputs: &[SentenceIn],
    places: &[Placement],
    n_docs: usize,
    words: Option<Arc<WordVectors>>,
) -> Alignment {
    align_with(inputs, places, n_docs, words, &[])
}

/// [`align`], then a person's corrections (`fixes`, in input indices)
/// applied to the claims found, in order (see [`fix`]).
pub fn align_with(
    inputs: &[SentenceIn],
    places: &[Placement],
    n_docs: usize,
    words: Option<Arc<WordVectors>>,
    fixes: &[Fix],
) -> Alignment {
    let corpus = Corpus::build_with(inputs.iter().map(|s| (s.doc, s.features)), words);
    let similarity = docsim::doc_similarity(&corpus, n_docs);
    let contexts = contexts(&corpus, places, &similarity);
    let found = link_candidates(&corpus, inputs);
    let (scored, index) = judged(&found);
    let features = link::features(&corpus, &scored, &contexts);
    let mut probability = vec![1.0f32; found.len()];
    for (f, &k) in features.iter().zip(&index) {
        probability[k] = link::probability(f);
    }
    drop(features);
    // Links too weak to matter even to a second claim are not kept: in a
    // large corpus they would be most of the memory.
    let floor = link::THRESHOLD.min(ALSO_THRESHOLD) * 0.5;
    let mut edges = Vec::new();
    found.for_each_occurrence(&corpus, |k, a, b| {
        if probability[k] >= floor {
            edges.push(cluster::Edge {
                score: probability[k],
                a,
                b,
            });
        }
    });
    drop(found);
    let groups = cluster::cluster(&corpus, edges.clone(), link::THRESHOLD);
    let mut also: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (g, s) in cluster::also_in(&corpus, &groups, &edges, ALSO_THRESHOLD) {
        // Only a sentence of several clauses carries a second claim.
        if inputs[s].features.tokens.iter().any(|t| t.clause_start) {
            also[g].push(s);
        }
    }
    let mut groups: Vec<fix::Group> = groups
        .into_iter()
        .zip(also)
        .map(|((members, label), also)| fix::Group {
            members,
            label,
            also,
            corrected: false,
        })
        .collect();
    let applied = if fixes.is_empty() {
        Vec::new()
    } else {
        let key = |a: usize, b: usize| ((a.min(b) as u64) << 32) | a.max(b) as u64;
        let links: crate::features::FastMap<u64, f32> = edges
            .iter()
            .map(|e| (key(e.a as usize, e.b as usize), e.score))
            .collect();
        let docs: Vec<usize> = inputs.iter().map(|s| s.doc).collect();
        let pair = |a: usize, b: usize| links.get(&key(a, b)).copied().unwrap_or(0.0);
        fix::apply(&mut groups, fixes, &docs, &pair)
    };
    let claims = groups
        .into_iter()
        .map(|g| {
            let fix::Group {
                mut members,
                label,
                also: extra,
                corrected,
            } = g;
            members.extend(&extra);
            crate::order::sort(&mut members);
            let towards = &corpus.sent(label).embedding;
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
            let is_also: Vec<bool> = members.iter().map(|m| extra.contains(m)).collect();
            // Which words carry the claim: for a second claim, always the
            // clause closest to the label; else a clause only when it is
            // clearly closer than the whole sentence.
            let support = members
                .iter()
                .zip(&is_also)
                .map(|(&m, &second)| {
                    if m == label {
                        return None;
                    }
                    corpus.support(m, inputs[m].features, towards, SUPPORT_MARGIN, second)
                })
                .collect();
            let feats: Vec<&Features> = members.iter().map(|&m| inputs[m].features).collect();
            let docs: Vec<usize> = members.iter().map(|&m| inputs[m].doc).collect();
            let findings = discrepancy::findings(&feats, &docs);
            Claim {
                members: members.clone(),
                label,
                differs,
                support,
                also: is_also,
                findings,
                story: 0,
                context: Vec::new(),
                corrected,
            }
        })
        .collect();
    Alignment {
        claims,
        similarity,
        applied,
    }
}

/// Aligns within each story of `stories` (documents of other stories never
/// meet: their claims are built apart), then links the claims of different
/// stories that say something alike as each other's context. Claims come
/// story by story; `similarity` is the whole corpus's.
///
/// `fixes` (input indices) apply within the story of their sentences; a
/// fix whose sentences lie in different stories does not apply (a claim
/// never spans stories).
pub fn align_stories(
    inputs: &[SentenceIn],
    places: &[Placement],
    stories: &crate::stories::Stories,
    similarity: Vec<Vec<f64>>,
    words: Option<Arc<WordVectors>>,
    fixes: &[Fix],
) -> Alignment {
    let mut of_story: Vec<Vec<usize>> = vec![Vec::new(); stories.len()];
    for (i, s) in inputs.iter().enumerate() {
        if let Some(&story) = stories.story_of.get(s.doc) {
            of_story[story].push(i);
        }
    }
    let story_of_input = |i: usize| {
        inputs
            .get(i)
            .and_then(|s| stories.story_of.get(s.doc))
            .copied()
    };
    let fix_story: Vec<Option<usize>> = fixes
        .iter()
        .map(|f| {
            let (a, b) = match *f {
                Fix::Detach(s) => (s, s),
                Fix::Attach { sentence, to } => (sentence, to),
                Fix::Merge(a, b) => (a, b),
            };
            let story = story_of_input(a)?;
            (story_of_input(b) == Some(story)).then_some(story)
        })
        .collect();
    let local = |story: usize| -> (Vec<Claim>, Vec<(usize, bool)>) {
        let members = &stories.members[story];
        if members.len() < 2 {
            return (Vec::new(), Vec::new());
        }
        let picked = &of_story[story];
        let at = |i: usize| picked.binary_search(&i).unwrap_or(0);
        let (which, local_fixes): (Vec<usize>, Vec<Fix>) = fixes
            .iter()
            .enumerate()
            .filter(|(k, _)| fix_story[*k] == Some(story))
            .map(|(k, f)| {
                let f = match *f {
                    Fix::Detach(s) => Fix::Detach(at(s)),
                    Fix::Attach { sentence, to } => Fix::Attach {
                        sentence: at(sentence),
                        to: at(to),
                    },
                    Fix::Merge(a, b) => Fix::Merge(at(a), at(b)),
                };
                (k, f)
            })
            .unzip();
        let local_inputs: Vec<SentenceIn> = picked
            .iter()
            .map(|&i| SentenceIn {
                doc: members.binary_search(&inputs[i].doc).unwrap_or(0),
                ..inputs[i]
            })
            .collect();
        let local_places: Vec<Placement> = picked
            .iter()
            .map(|&i| places.get(i).cloned().unwrap_or_default())
            .collect();
        let found = align_with(
            &local_inputs,
            &local_places,
            members.len(),
            words.clone(),
            &local_fixes,
        );
        let claims = found
            .claims
            .into_iter()
            .map(|mut c| {
                c.members.iter_mut().for_each(|m| *m = picked[*m]);
                c.label = picked[c.label];
                c.story = story;
                c
            })
            .collect();
        (claims, which.into_iter().zip(found.applied).collect())
    };
    let story_ids: Vec<usize> = (0..stories.len()).collect();
    let mut applied = vec![false; fixes.len()];
    let mut claims: Vec<Claim> = Vec::new();
    for (story_claims, story_applied) in crate::par::map(&story_ids, |&s| local(s)) {
        claims.extend(story_claims);
        for (k, ok) in story_applied {
            applied[k] = ok;
        }
    }
    if stories.len() > 1 && !claims.is_empty() {
        for (a, b) in lookalikes(inputs, &claims, words) {
            claims[a].context.push(b);
            claims[b].context.push(a);
        }
        claims
            .iter_mut()
            .for_each(|c| crate::order::sort(&mut c.context));
    }
    Alignment {
        claims,
        similarity,
        applied,
    }
}

/// Pairs of claims of different stories whose labels the pair score calls
/// the same thing said.
fn lookalikes(
    inputs: &[SentenceIn],
    claims: &[Claim],
    words: Option<Arc<WordVectors>>,
) -> Vec<(usize, usize)> {
    // The labels as one corpus, each "document" a story: candidates only
    // across stories.
    let corpus = Corpus::build_with(
        claims.iter().map(|c| (c.story, inputs[c.label].features)),
        words,
    );
    let found = cluster::wording_pairs(
        &corpus,
        cluster::MIN_SHARE,
        Some(SEMANTIC_FLOOR),
        |a, b, _| (corpus.score(a, b) >= THRESHOLD).then_some(()),
    );
    let mut out = Vec::new();
    found.for_each_occurrence(&corpus, |_, a, b| {
        let (a, b) = (a as usize, b as usize);
        if claims[a].story != claims[b].story {
            out.push((a.min(b), a.max(b)));
        }
    });
    crate::order::sort(&mut out);
    out.dedup();
    out
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
        let alignment = align(&inputs, &[], 3, None);
        assert_eq!(alignment.claims.len(), 1);
        assert_eq!(alignment.claims[0].members, vec![0, 1, 3]);
        let sim = &alignment.similarity;
        assert!(sim[0][1] > sim[0][2]);
    }

    #[test]
    fn stories_keep_claims_apart_and_link_lookalikes_as_context() {
        // Documents 0 and 1 are one story, 2 and 3 another; each story's
        // outlets share a claim, and the two claims say alike things.
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
                "Assad made a second visit to Iran since the war began in 2011.",
            ),
            (
                3,
                "Assad has made his second visit to Iran since the beginning of the war.",
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
        let stories = crate::stories::Stories::from_labels(&[0, 0, 1, 1]);
        let alignment = align_stories(&inputs, &[], &stories, Vec::new(), None, &[]);
        let mut members: Vec<(usize, Vec<usize>)> = alignment
            .claims
            .iter()
            .map(|c| (c.story, c.members.clone()))
            .collect();
        crate::order::sort(&mut members);
        assert_eq!(members, vec![(0, vec![0, 1]), (1, vec![2, 3])]);
        let (a, b) = (&alignment.claims[0], &alignment.claims[1]);
        assert_eq!(a.context, vec![1], "the other story's claim is context");
        assert_eq!(b.context, vec![0]);
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
        let alignment = align(&inputs, &[], 7, None);
        let ids: Vec<usize> = (0..inputs.len()).collect();
        let claims = crate::report::claims_out(&alignment, &inputs, &ids);
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
