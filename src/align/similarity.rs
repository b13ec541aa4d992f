//! Sentence vectors and the pair score: [`Features`] of a set of sentences
//! in; interned sparse term vectors with the set's own idf, and for any two
//! of them a score in [0, 1] (the learned model of [`super::model`]) out.
//!
//! Terms are interned to `u32` once; scoring two sentences walks two sorted
//! id lists and never hashes a string.

use super::discrepancy::{comparable, same_value};
use super::model;
use crate::features::FastMap;
use crate::features::{quantity_term, Features, Quantity, Token};
use crate::semantic::{self, WordVectors};
use std::sync::Arc;

/// Interns strings to dense ids.
#[derive(Default)]
pub struct Interner {
    ids: FastMap<String, u32>,
    /// Per id, a stable 64-bit hash of its text (FNV-1a): the same term
    /// gets the same key in every corpus, on every machine.
    keys: Vec<u64>,
}

impl Interner {
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(s.to_string(), id);
        self.keys.push(crate::scale::fnv1a(s.as_bytes()));
        id
    }
    pub fn len(&self) -> usize {
        self.ids.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// One sentence as compared.
#[derive(Debug, Clone, Default)]
pub struct SentVec {
    /// Content term ids, sorted and unique.
    pub terms: Vec<u32>,
    /// Content term ids in text order (for bigrams and contexts); one entry
    /// per compared token, `token_terms[k]` the id of token `k` or `u32::MAX`.
    pub seq: Vec<u32>,
    pub token_terms: Vec<u32>,
    /// Ids of terms that are names (capitalised inside a sentence).
    pub names: Vec<u32>,
    /// Ids of quantity terms.
    pub numbers: Vec<u32>,
    /// 5-letter prefixes of content words, hashed, sorted and unique (catches
    /// "assassinated"/"assassination" that the stemmer leaves apart).
    pub prefixes: Vec<u32>,
    pub negated: bool,
    /// Every word (function words too), folded, hashed, sorted and unique.
    pub words: Vec<u32>,
    /// Every word, folded, in text order.
    pub word_seq: Vec<u32>,
    /// Sorted unique n-gram codes, computed once so that scoring a pair
    /// allocates nothing: content bigrams, then word 2-, 3- and 4-grams.
    pub grams: [Vec<u64>; 4],
    /// Hashed character trigrams of the content words, sorted and unique.
    pub trigrams: Vec<u32>,
    /// Positions in `seq` where a clause starts (after the first).
    pub clause_starts: Vec<usize>,
    /// The quantities stated, as in the features.
    pub quantities: Vec<Quantity>,
    /// (index into the features' quantities, position in `seq`).
    pub quantity_pos: Vec<(usize, usize)>,
    /// The sentence's unit vector from the word vectors (every word the
    /// table has, weighted by its smooth inverse frequency); empty without
    /// a table or when no word has a vector.
    pub embedding: Vec<f32>,
}

/// The sentences of one corpus as vectors, with the corpus's idf.
pub struct Corpus {
    /// The distinct vectors: sentences given the same features share one.
    vectors: Vec<SentVec>,
    /// Per sentence, its vector.
    vector_of: Vec<u32>,
    /// Per sentence, its document.
    pub docs: Vec<usize>,
    /// Inverse document frequency (over sentences) of each term id.
    pub idf: Vec<f32>,
    /// Sum of idf of each sentence's terms.
    pub mass: Vec<f32>,
    pub is_name: Vec<bool>,
    /// Per term id, its stable key (see [`Interner`]).
    term_keys: Vec<u64>,
    /// The word vectors the sentences were embedded with, if any.
    words: Option<Arc<WordVectors>>,
    /// Per term id, the word-vector id of the first word that gave it
    /// (`u32::MAX` when the table lacks the word or it is a quantity).
    vector_of_term: Vec<u32>,
    /// Per term id with a word vector, that unit vector as floats (term
    /// `t` at `t * dims`; zeros without one): comparing terms is then a
    /// plain dot product, which the compiler vectorises.
    term_vectors: Vec<f32>,
    dims: usize,
}

/// Words that report the same event in different words; they share a term.
/// Casualty counts are the commonest numbers news stories disagree on.
const CONCEPTS: &[(&str, &str)] = &[
    ("die", "kil"),
    ("died", "kil"),
    ("dy", "kil"),
    ("di", "kil"),
    ("dead", "kil"),
    ("death", "kil"),
    ("fatalit", "kil"),
    ("toll", "kil"),
    ("slain", "kil"),
    ("conflict", "war"),
    ("begin", "start"),
    ("began", "start"),
    ("begun", "start"),
    ("beginn", "start"),
];

fn concept(stem: &str) -> &str {
    static MAP: std::sync::OnceLock<FastMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| CONCEPTS.iter().copied().collect());
    map.get(stem).copied().unwrap_or(stem)
}

impl Corpus {
    /// Builds the vectors of `sentences` (`(doc, features)`), with idf from
    /// these sentences themselves.
    ///
    /// Sentences given the same features (a sentence repeated word for word
    /// shares them) share one vector. Terms are interned in
    /// one ordered pass, so ids do not depend on threads; the rest of each
    /// vector is built on all threads in the CLI.
    pub fn build<'a>(sentences: impl Iterator<Item = (usize, &'a Features)>) -> Corpus {
        Corpus::build_with(sentences, None)
    }

    /// As [`Corpus::build`], with each sentence also embedded through the
    /// word vectors `words` (the pair score then uses its semantic
    /// features; see [`super::model`]).
    pub fn build_with<'a>(
        sentences: impl Iterator<Item = (usize, &'a Features)>,
        words: Option<Arc<WordVectors>>,
    ) -> Corpus {
        // One body for every caller's iterator type (it is large in wasm).
        Corpus::build_from(sentences.collect(), words)
    }

    fn build_from(sentences: Vec<(usize, &Features)>, words: Option<Arc<WordVectors>>) -> Corpus {
        let mut slot_of: FastMap<*const Features, u32> = FastMap::default();
        let mut distinct: Vec<&Features> = Vec::new();
        let mut docs = Vec::new();
        let vector_of: Vec<u32> = sentences
            .into_iter()
            .map(|(doc, f)| {
                docs.push(doc);
                *slot_of.entry(f as *const Features).or_insert_with(|| {
                    distinct.push(f);
                    distinct.len() as u32 - 1
                })
            })
            .collect();
        let (token_terms, is_name, mut term_keys, name_keys) = intern_terms(&distinct);
        let mut vector_of_term = vec![u32::MAX; is_name.len()];
        if let Some(table) = &words {
            for (f, terms) in distinct.iter().zip(&token_terms) {
                for (t, term) in f.tokens.iter().zip(terms) {
                    if let TokenTerm::Word(id) = *term {
                        if vector_of_term[id as usize] == u32::MAX {
                            vector_of_term[id as usize] = table.id(&t.folded).unwrap_or(u32::MAX);
                        }
                    }
                }
            }
        }
        // A name the word table lacks (a transliteration: Soleimani,
        // Suleimani) is keyed by its spelling-tolerant name key, which every
        // corpus gives alike; a word the table has keeps its stem's key, so
        // that "President" and "president" stay one term in any corpus.
        for (t, &name) in name_keys.iter().enumerate() {
            if name != 0 && vector_of_term[t] == u32::MAX {
                term_keys[t] = name;
            }
        }
        let dims = words.as_ref().map_or(0, |t| t.dims());
        let mut term_vectors = vec![0f32; dims * vector_of_term.len()];
        if let Some(table) = &words {
            for (t, &id) in vector_of_term.iter().enumerate() {
                if id != u32::MAX {
                    table.add_to(id, 1.0, &mut term_vectors[t * dims..(t + 1) * dims]);
                }
            }
        }
        let vectors: Vec<SentVec> = crate::par::map_range(distinct.len(), |k| {
            let mut v = sentence_vector(distinct[k], &token_terms[k], &is_name);
            if let Some(table) = &words {
                v.embedding = embed(table, &distinct[k].tokens);
            }
            v
        });
        let mut uses = vec![0u32; vectors.len()];
        for &k in &vector_of {
            uses[k as usize] += 1;
        }
        let mut df = vec![0u32; is_name.len()];
        for (v, &n) in vectors.iter().zip(&uses) {
            for &t in &v.terms {
                df[t as usize] += n;
            }
        }
        let n = vector_of.len() as f32 + 1.0;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| (n / (d as f32 + 0.5)).ln().max(0.0) + 1.0)
            .collect();
        let vector_mass: Vec<f32> = vectors
            .iter()
            .map(|v| v.terms.iter().map(|&t| idf[t as usize]).sum())
            .collect();
        let mass = vector_of.iter().map(|&k| vector_mass[k as usize]).collect();
        Corpus {
            vectors,
            vector_of,
            docs,
            idf,
            mass,
            is_name,
            term_keys,
            words,
            vector_of_term,
            term_vectors,
            dims,
        }
    }

    /// The idf weight two sentences share, over the smaller one's weight
    /// (every shared term counted, however common).
    pub fn shared_share(&self, a: usize, b: usize) -> f32 {
        let shared: f32 = intersect(&self.sent(a).terms, &self.sent(b).terms)
            .map(|t| self.idf[t as usize])
            .sum();
        ratio(shared, self.mass[a].min(self.mass[b]))
    }

    /// The words of sentence `i` (features `f`) that carry what `towards`
    /// says: the claim clause (or two adjacent clauses) whose embedding is
    /// closest to the embedding `towards`, as a byte span of the sentence,
    /// when it is closer than the whole sentence is by `margin`, or when
    /// `always`; None for a sentence of one clause or without vectors.
    pub fn support(
        &self,
        i: usize,
        f: &Features,
        towards: &[f32],
        margin: f32,
        always: bool,
    ) -> Option<(usize, usize)> {
        let table = self.words.as_ref()?;
        let ranges = claim_clauses(f);
        if ranges.len() < 2 || towards.is_empty() {
            return None;
        }
        let whole = semantic::cosine(&self.sent(i).embedding, towards);
        let mut spans: Vec<std::ops::Range<usize>> = ranges.clone();
        for w in ranges.windows(2) {
            spans.push(w[0].start..w[1].end);
        }
        let mut best: Option<(f32, std::ops::Range<usize>)> = None;
        for r in spans {
            let Some(tokens) = f.tokens.get(r.clone()) else {
                continue;
            };
            let content = tokens.iter().filter(|t| !t.skip).count();
            if content < 3 {
                continue;
            }
            let c = semantic::cosine(&embed(table, tokens), towards);
            if best.as_ref().map_or(true, |(b, _)| c > *b) {
                best = Some((c, r));
            }
        }
        let (c, r) = best?;
        if !always && c < whole + margin {
            return None;
        }
        let (first, last) = (f.tokens.get(r.start)?, f.tokens.get(r.end - 1)?);
        Some((first.start, last.end))
    }

    /// Whether sentences carry word-vector embeddings.
    /// How rare term `t` is in English at large: its word's smooth inverse
    /// frequency weight from the word vectors, in (0, 1]; 1 for a word the
    /// table lacks (a rare name) or without a table.
    pub fn rarity(&self, t: u32) -> f32 {
        match (&self.words, self.vector_of_term.get(t as usize)) {
            (Some(table), Some(&id)) if id != u32::MAX => table.weight(id),
            _ => 1.0,
        }
    }

    /// The stable key of term `t`: a hash of its text, equal across
    /// corpora (0 for an id this corpus does not have).
    pub fn term_key(&self, t: u32) -> u64 {
        self.term_keys.get(t as usize).copied().unwrap_or(0)
    }

    pub fn has_vectors(&self) -> bool {
        self.words.is_some()
    }

    /// The cosine of two sentences' embeddings (0 without vectors).
    pub fn semantic(&self, a: usize, b: usize) -> f32 {
        semantic::cosine(&self.sent(a).embedding, &self.sent(b).embedding)
    }

    /// For each term of `va` and of `vb`, how close its best counterpart in
    /// the other sentence is: 1 when the other has the term, else the best
    /// cosine of its word vector with those of the other's terms (0 without
    /// one). One pass over the terms × terms cosines serves every cover.
    fn best_matches(&self, va: &SentVec, vb: &SentVec) -> (Vec<f32>, Vec<f32>) {
        let mut best_a = vec![0f32; va.terms.len()];
        let mut best_b = vec![0f32; vb.terms.len()];
        if self.words.is_none() {
            return (best_a, best_b);
        }
        let d = self.dims;
        let vector = |t: u32| -> Option<&[f32]> {
            (self.vector_of_term[t as usize] != u32::MAX)
                .then(|| &self.term_vectors[t as usize * d..(t as usize + 1) * d])
        };
        let vectors_b: Vec<Option<&[f32]>> = vb.terms.iter().map(|&u| vector(u)).collect();
        for (i, &t) in va.terms.iter().enumerate() {
            let own = vector(t);
            for (j, (&u, vu)) in vb.terms.iter().zip(&vectors_b).enumerate() {
                let sim = if t == u {
                    1.0
                } else if let (Some(x), Some(y)) = (own, vu) {
                    dot(x, y)
                } else {
                    continue;
                };
                best_a[i] = best_a[i].max(sim);
                best_b[j] = best_b[j].max(sim);
            }
        }
        (best_a, best_b)
    }

    /// How much of `v`'s content has a counterpart (`best`, from
    /// [`Corpus::best_matches`]) in the other sentence, weighted by idf and
    /// divided by the weight of the terms counted; and the idf mass (over
    /// 10) of its terms whose best counterpart is below 0.5: what `v` says
    /// that the other does not. `content_only` counts only terms that are
    /// neither names nor numbers.
    fn cover(&self, v: &SentVec, best: &[f32], content_only: bool) -> (f32, f32) {
        let mut mass = 0.0;
        let mut covered = 0.0;
        let mut unmatched = 0.0;
        for (&t, &sim) in v.terms.iter().zip(best) {
            if content_only && (self.is_name[t as usize] || v.numbers.binary_search(&t).is_ok()) {
                continue;
            }
            let w = self.idf[t as usize];
            mass += w;
            covered += w * sim;
            if sim < 0.5 {
                unmatched += w;
            }
        }
        (ratio(covered, mass), (unmatched / 10.0).min(3.0))
    }

    /// How much of what two sentences say besides names and numbers has a
    /// counterpart in the other (the soft cover over those terms only), as
    /// (smaller, larger) of the two directions: sentences that share only
    /// who and where ("Trump", "Iraq") state different facts.
    pub fn content_cover(&self, a: usize, b: usize) -> (f32, f32) {
        let (va, vb) = (self.sent(a), self.sent(b));
        let (best_a, best_b) = self.best_matches(va, vb);
        let ca = self.cover(va, &best_a, true).0;
        let cb = self.cover(vb, &best_b, true).0;
        (ca.min(cb), ca.max(cb))
    }

    /// [`Corpus::pair_features`] and [`Corpus::content_cover`] at once, from
    /// one pass over the two sentences' terms.
    pub fn pair_features_and_content(
        &self,
        a: usize,
        b: usize,
    ) -> ([f32; model::N_FEATURES], (f32, f32)) {
        let (va, vb) = (self.sent(a), self.sent(b));
        let best = self.best_matches(va, vb);
        let f = self.vector_pair_features_with(va, self.mass[a], vb, self.mass[b], &best);
        let ca = self.cover(va, &best.0, true).0;
        let cb = self.cover(vb, &best.1, true).0;
        (f, (ca.min(cb), ca.max(cb)))
    }

    /// How many sentences the corpus has.
    pub fn len(&self) -> usize {
        self.vector_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.vector_of.is_empty()
    }

    /// Sentence `i`'s vector.
    pub fn sent(&self, i: usize) -> &SentVec {
        &self.vectors[self.vector_of[i] as usize]
    }

    /// The model's inputs for sentences `a` and `b`.
    pub fn pair_features(&self, a: usize, b: usize) -> [f32; model::N_FEATURES] {
        self.vector_pair_features(self.sent(a), self.mass[a], self.sent(b), self.mass[b])
    }

    /// The model's inputs for two vectors of this corpus (whole sentences or
    /// parts of them) and their masses.
    fn vector_pair_features(
        &self,
        va: &SentVec,
        ma: f32,
        vb: &SentVec,
        mb: f32,
    ) -> [f32; model::N_FEATURES] {
        let best = self.best_matches(va, vb);
        self.vector_pair_features_with(va, ma, vb, mb, &best)
    }

    fn vector_pair_features_with(
        &self,
        va: &SentVec,
        ma: f32,
        vb: &SentVec,
        mb: f32,
        best: &(Vec<f32>, Vec<f32>),
    ) -> [f32; model::N_FEATURES] {
        let idf = &self.idf;
        let shared_w: f32 = intersect(&va.terms, &vb.terms)
            .map(|t| idf[t as usize])
            .sum();
        let shared_n = intersect(&va.terms, &vb.terms).count() as f32;
        let dice = ratio(2.0 * shared_w, ma + mb);
        let (ca, cb) = (ratio(shared_w, ma), ratio(shared_w, mb));
        let plain = ratio(2.0 * shared_n, (va.terms.len() + vb.terms.len()) as f32);
        let bigrams = sorted_dice(&va.grams[0], &vb.grams[0]);
        let prefix_n = intersect(&va.prefixes, &vb.prefixes).count() as f32;
        let prefix = ratio(
            2.0 * prefix_n,
            (va.prefixes.len() + vb.prefixes.len()) as f32,
        );
        let (numbers_clash, numbers_equal) = number_agreement(&va.quantities, &vb.quantities);
        let numbers_one_side = va.numbers.is_empty() != vb.numbers.is_empty();
        let (la, lb) = (va.seq.len() as f32, vb.seq.len() as f32);
        let length = ratio(la.min(lb), la.max(lb));
        let name_shared: f32 = intersect(&va.names, &vb.names)
            .map(|t| idf[t as usize])
            .sum();
        let name_all: f32 = va
            .names
            .iter()
            .chain(&vb.names)
            .map(|&t| idf[t as usize])
            .sum();
        let name_missing = if name_all > 0.0 {
            1.0 - 2.0 * name_shared / name_all
        } else {
            0.0
        };
        let unmatched_a = (ma - shared_w).max(0.0) / 10.0;
        let unmatched_b = (mb - shared_w).max(0.0) / 10.0;
        let words = set_dice(&va.words, &vb.words);
        let trigrams = set_dice(&va.trigrams, &vb.trigrams);
        let order = ratio(lcs(&va.seq, &vb.seq) as f32, la.min(lb));
        let (cover_a, unmatched_soft_a) = if self.has_vectors() {
            self.cover(va, &best.0, false)
        } else {
            (0.0, 0.0)
        };
        let (cover_b, unmatched_soft_b) = if self.has_vectors() {
            self.cover(vb, &best.1, false)
        } else {
            (0.0, 0.0)
        };
        [
            dice,
            ca.min(cb),
            ca.max(cb),
            plain,
            bigrams,
            prefix,
            f32::from(numbers_clash),
            f32::from(numbers_equal),
            f32::from(numbers_one_side),
            length,
            name_missing,
            f32::from(va.negated != vb.negated),
            unmatched_a.max(unmatched_b).min(3.0),
            unmatched_a.min(unmatched_b).min(3.0),
            words,
            trigrams,
            order,
            ca.min(cb) * ca.min(cb),
            dice * dice,
            (dice - 0.5).max(0.0),
            (dice - 0.7).max(0.0),
            (ca.min(cb) - 0.5).max(0.0),
            (ca.min(cb) - 0.7).max(0.0),
            (trigrams - 0.5).max(0.0),
            (trigrams - 0.7).max(0.0),
            ((va.terms.len() as f32 - shared_n).max(vb.terms.len() as f32 - shared_n) / 10.0)
                .min(3.0),
            ((va.terms.len() as f32 - shared_n).min(vb.terms.len() as f32 - shared_n) / 10.0)
                .min(3.0),
            f32::from(!va.numbers.is_empty() && !vb.numbers.is_empty() && va.numbers != vb.numbers),
            sorted_dice(&va.grams[1], &vb.grams[1]),
            sorted_dice(&va.grams[2], &vb.grams[2]),
            sorted_dice(&va.grams[3], &vb.grams[3]),
            ((va.word_seq.len() as f32 - vb.word_seq.len() as f32).abs() / 10.0).min(3.0),
            ((intersect(&va.names, &vb.names).count() as f32
                - va.names.len().min(vb.names.len()) as f32)
                .abs()
                / 3.0)
                .min(2.0),
            semantic::cosine(&va.embedding, &vb.embedding),
            cover_a.min(cover_b),
            cover_a.max(cover_b),
            unmatched_soft_a.max(unmatched_soft_b),
        ]
    }

    /// The score of two sentences: the probability, under the shipped model,
    /// that they say the same thing. Compare with [`super::THRESHOLD`].
    pub fn score(&self, a: usize, b: usize) -> f32 {
        // The same words in the same order (a wire copy, a repeated
        // sentence) are the same claim: no features needed.
        let (sa, sb) = (self.sent(a), self.sent(b));
        if sa.token_terms == sb.token_terms
            && sa.negated == sb.negated
            && !sa.token_terms.is_empty()
        {
            return 1.0;
        }
        model::predict(&self.pair_features(a, b), self.has_vectors())
    }

    /// [`Corpus::score`] from features already computed for the pair.
    pub fn score_of(&self, a: usize, b: usize, f: &[f32; model::N_FEATURES]) -> f32 {
        let (sa, sb) = (self.sent(a), self.sent(b));
        if sa.token_terms == sb.token_terms
            && sa.negated == sb.negated
            && !sa.token_terms.is_empty()
        {
            return 1.0;
        }
        model::predict(f, self.has_vectors())
    }
}

/// (some number of one sentence is stated differently in the other, with
/// nothing the same; every number of each is stated in the other): numbers
/// are compared only with numbers that could count the same thing, so
/// "in 2011" and "eight years ago" neither clash nor agree.
fn number_agreement(a: &[Quantity], b: &[Quantity]) -> (bool, bool) {
    if a.is_empty() || b.is_empty() {
        return (false, false);
    }
    let stated_in = |q: &Quantity, other: &[Quantity]| other.iter().any(|o| same_value(q, o));
    let clashes = |q: &Quantity, other: &[Quantity]| {
        !stated_in(q, other) && other.iter().any(|o| comparable(q, o))
    };
    let clash = a.iter().any(|q| clashes(q, b)) || b.iter().any(|q| clashes(q, a));
    let equal = a.iter().all(|q| stated_in(q, b)) && b.iter().all(|q| stated_in(q, a));
    (clash, equal)
}

/// Whether the smaller sentence is restated inside the larger one, in
/// order, with an added clause around it ("Assad, who has not traveled
/// anywhere apart from Russia since the conflict began, held talks"): most
/// of the smaller's weight and words in order, at least five content terms,
/// and no number against it. MSRP's annotators call most such
/// pairs non-paraphrases (extra information), so this is not part of the
/// pair score; alignment uses it as a link of its own (see `super::align`).
pub fn contained(corpus: &Corpus, a: usize, b: usize) -> bool {
    let (va, vb) = (corpus.sent(a), corpus.sent(b));
    // A negation on one side only does not stop the link: "did not collapse"
    // and "collapsed" are one claim, and the conflict is what a reader needs
    // to see (discrepancy::findings reports it). A number clash does: the
    // pair score has already judged such pairs.
    if number_agreement(&va.quantities, &vb.quantities).0 {
        return false;
    }
    let (small, large) = if corpus.mass[a] <= corpus.mass[b] {
        (va, vb)
    } else {
        (vb, va)
    };
    if span_in(corpus, &small.seq, large, 5, 0.7, 0.7) {
        return true;
    }
    // A clause of either restated in the other, the rest of both sentences
    // being added context ("X made his first public visit to Iran, meeting
    // Y" / "In a sudden trip, X made a first public visit to Iran").
    [(va, vb), (vb, va)].iter().any(|(from, into)| {
        clauses(from).any(|range| span_in(corpus, &from.seq[range], into, 6, 0.8, 0.6))
    })
}

/// Words that introduce what someone said: the words after them are the
/// claim, the words before it who said it and where.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "saying",
    "told",
    "added",
    "adding",
    "stated",
    "quoted",
    "according",
    "announced",
    "reported",
    "declared",
    "warned",
    "insisted",
];

/// Verbs that carry a negation before the predicate ("would not stop").
const AUXILIARIES: &[&str] = &[
    "will", "would", "can", "could", "shall", "should", "may", "might", "must", "did", "does",
    "do", "has", "have", "had", "is", "are", "was", "were",
];

/// The claim clauses of a sentence as token ranges: cut at clause
/// punctuation, around reporting words ("X said", "according to Y"), and
/// before a negated predicate ("[any escalation by Western powers] [would
/// not stop Iran and Syria from defending their interests]"). Outlets
/// attribute a claim and name its subject each their own way; the denied
/// predicate is what they share.
fn claim_clauses(f: &Features) -> Vec<std::ops::Range<usize>> {
    let tokens = &f.tokens;
    let negated = |t: &Token| f.negations.iter().any(|&(s, e)| s <= t.start && t.end <= e);
    let reporting = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| REPORTING.contains(&t.folded.as_str()))
    };
    let mut cut = vec![false; tokens.len() + 1];
    for (k, t) in tokens.iter().enumerate() {
        if t.clause_start || reporting(k) || (k > 0 && reporting(k - 1)) {
            cut[k] = true;
        }
        if negated(t) {
            let aux = k > 0 && AUXILIARIES.contains(&tokens[k - 1].folded.as_str());
            cut[if aux { k - 1 } else { k }] = true;
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=tokens.len() {
        if cut[k] || k == tokens.len() {
            // Who said it ("X said", "according to X") is not the claim:
            // two outlets quoting the same source say nothing alike by it.
            let according = |k: usize| tokens.get(k).is_some_and(|t| t.folded == "according");
            let speaker = (reporting(k) && !according(k)) || (start > 0 && according(start - 1));
            if start < k && !reporting(start) && !speaker {
                out.push(start..k);
            }
            start = k;
        }
    }
    out
}

impl Corpus {
    /// The vector of tokens `range` of sentence `i` (whose features are
    /// `f`), with its mass: the same terms as the whole sentence's.
    fn part(&self, i: usize, f: &Features, range: std::ops::Range<usize>) -> (SentVec, f32) {
        let range_all = range.clone();
        let whole = self.sent(i);
        let mut v = SentVec::default();
        let last = range.end.checked_sub(1).and_then(|k| f.tokens.get(k));
        let (Some(first), Some(last)) = (f.tokens.get(range.start), last) else {
            return (v, 0.0);
        };
        let (from, to) = (first.start, last.end);
        v.negated = f.negations.iter().any(|&(s, e)| from <= s && e <= to);
        v.quantities = f
            .quantities
            .iter()
            .filter(|q| from <= q.start && q.end <= to)
            .cloned()
            .collect();
        for k in range {
            let (Some(t), Some(&id), Some(&w)) = (
                f.tokens.get(k),
                whole.token_terms.get(k),
                whole.word_seq.get(k),
            ) else {
                break;
            };
            v.words.push(w);
            v.word_seq.push(w);
            v.token_terms.push(id);
            if id == u32::MAX {
                continue;
            }
            if whole.numbers.binary_search(&id).is_ok() && t.skip {
                v.numbers.push(id);
            } else if !t.skip {
                add_word_shapes(t, &mut v);
                // Only names written as names here: the corpus-wide flag
                // also marks words capitalised in some other sentence.
                if t.name_key.is_some() && !t.initial {
                    v.names.push(id);
                }
            }
            v.seq.push(id);
        }
        finish(&mut v);
        crate::order::sort(&mut v.names);
        v.names.dedup();
        if let (Some(table), Some(tokens)) = (&self.words, f.tokens.get(range_all.clone())) {
            v.embedding = embed(table, tokens);
        }
        let mass = v.terms.iter().map(|&t| self.idf[t as usize]).sum();
        (v, mass)
    }

    /// The claim clauses of sentence `i` (`f` its features) worth comparing:
    /// those of at least five content terms.
    pub fn clause_parts(&self, i: usize, f: &Features) -> ClauseParts {
        const MIN_CLAUSE_TERMS: usize = 5;
        let parts = claim_clauses(f)
            .into_iter()
            .filter_map(|r| {
                let bytes = f.tokens.get(r.start)?.start..f.tokens.get(r.end - 1)?.end;
                let (vector, mass) = self.part(i, f, r);
                let ordinals = f
                    .ordinals
                    .iter()
                    .filter(|o| bytes.start <= o.1 && o.2 <= bytes.end)
                    .map(|o| o.0)
                    .collect();
                (vector.terms.len() >= MIN_CLAUSE_TERMS).then_some(ClausePart {
                    vector,
                    mass,
                    ordinals,
                })
            })
            .collect();
        ClauseParts(parts)
    }

    /// The best pair score between a claim clause of sentence `a` and one of
    /// sentence `b` (`parts_of(i)` the [`Corpus::clause_parts`] of sentence
    /// `i`, asked for only when needed): 0 unless the sentences share a name
    /// and no number of one is stated otherwise in the other. Clauses are
    /// compared with clauses of the same polarity and ordinals whose names
    /// the other sentence mentions too.
    pub fn clause_score<'p>(
        &self,
        a: usize,
        b: usize,
        parts_of: impl Fn(usize) -> &'p ClauseParts,
    ) -> f32 {
        let (wa, wb) = (self.sent(a), self.sent(b));
        // As for containment: a number against the other sentence's has
        // already been judged by the pair score.
        if number_agreement(&wa.quantities, &wb.quantities).0 {
            return 0.0;
        }
        // A clause leaves the rest of its sentence aside, so who the claim
        // is about must be vouched for by the whole sentences: a name they
        // share, and no name of either clause missing from the other
        // sentence ("Walsh was in critical but stable condition" is not
        // "Horn remained in critical but stable condition").
        if intersect(&wa.names, &wb.names).next().is_none() {
            return 0.0;
        }
        let named_in = |part: &SentVec, whole: &SentVec| {
            part.names
                .iter()
                .all(|t| whole.terms.binary_search(t).is_ok())
        };
        let mut best = 0f32;
        for pa in &parts_of(a).0 {
            for pb in &parts_of(b).0 {
                let (va, vb) = (&pa.vector, &pb.vector);
                // "his first visit" and "his second trip" are two claims
                // however alike the rest.
                let ordinals_differ = !pa.ordinals.is_empty()
                    && !pb.ordinals.is_empty()
                    && pa.ordinals != pb.ordinals;
                if va.negated == vb.negated
                    && !ordinals_differ
                    && intersect(&va.terms, &vb.terms).nth(1).is_some()
                    && named_in(va, wb)
                    && named_in(vb, wa)
                {
                    best = best.max(model::predict(
                        &self.vector_pair_features(va, pa.mass, vb, pb.mass),
                        self.has_vectors(),
                    ));
                }
            }
        }
        best
    }
}

/// The claim clauses of one sentence, as vectors of its corpus.
#[derive(Debug, Default)]
pub struct ClauseParts(Vec<ClausePart>);

#[derive(Debug)]
struct ClausePart {
    vector: SentVec,
    mass: f32,
    /// The ordinals stated in the clause, in text order.
    ordinals: Vec<i32>,
}

/// Whether a claim clause of sentence `a` says what one of sentence `b`
/// says ([`Corpus::clause_score`] at least [`CLAUSE_THRESHOLD`]), each
/// sentence's attribution and the rest of its clauses aside: "Assad was
/// quoted as saying that any escalation by Western powers would not stop
/// Iran and Syria from defending their own interests" and "Both Assad and
/// Khamenei said the Western strategy, especially against Iran and Syria,
/// will not deter the two countries from defending their national
/// interests". Like containment, it is not part of the pair score.
pub fn clause_link<'p>(
    corpus: &Corpus,
    a: usize,
    b: usize,
    parts_of: impl Fn(usize) -> &'p ClauseParts,
) -> bool {
    corpus.clause_score(a, b, parts_of) >= CLAUSE_THRESHOLD
}

/// [`Corpus::clause_score`] when it reaches [`CLAUSE_THRESHOLD`], else 0.
pub fn clause_score_of<'p>(
    corpus: &Corpus,
    a: usize,
    b: usize,
    parts_of: impl Fn(usize) -> &'p ClauseParts,
) -> f32 {
    let s = corpus.clause_score(a, b, parts_of);
    if s >= CLAUSE_THRESHOLD {
        s
    } else {
        0.0
    }
}

/// Clauses are short, and the pair model, trained on whole sentences,
/// scores short spans that share a few words generously: a clause link
/// asks for more than [`super::THRESHOLD`].
pub const CLAUSE_THRESHOLD: f32 = 0.85;

/// The clauses of a sentence as ranges of `seq`.
fn clauses(v: &SentVec) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut bounds = vec![0];
    bounds.extend(v.clause_starts.iter().copied());
    bounds.push(v.seq.len());
    (0..bounds.len() - 1).map(move |k| bounds[k]..bounds[k + 1])
}

/// Whether the terms of `span` (at least `min_terms` distinct ones) are in
/// `large`: a `min_share` of their weight, and (unless nearly all of it is
/// there) a `min_order` of them in the same order.
fn span_in(
    corpus: &Corpus,
    span: &[u32],
    large: &SentVec,
    min_terms: usize,
    min_share: f32,
    min_order: f32,
) -> bool {
    let mut terms = span.to_vec();
    crate::order::sort(&mut terms);
    terms.dedup();
    if terms.len() < min_terms {
        return false;
    }
    let mass: f32 = terms.iter().map(|&t| corpus.idf[t as usize]).sum();
    let shared: f32 = intersect(&terms, &large.terms)
        .map(|t| corpus.idf[t as usize])
        .sum();
    let share = ratio(shared, mass);
    let in_order = lcs(span, &large.seq) as f32 / span.len().max(1) as f32;
    share >= min_share && (in_order >= min_order || share >= 0.85)
}

/// What a token of a sentence is compared as.
#[derive(Clone, Copy)]
enum TokenTerm {
    /// The first word of quantity `q` of the features: the quantity's term.
    Quantity { q: usize, id: u32 },
    /// A later word of a quantity, or a skipped word: no term.
    Nothing,
    /// A content word's term.
    Word(u32),
}

/// Set in the key of a name's term, so that a name key never meets the
/// same string as a stem.
const NAME_SALT: u64 = 0x9e37_79b9_7f4a_7c15;

/// Interns the terms of every token of `sentences`, in order: per sentence
/// its tokens' terms, and per term id whether it is a name.
fn intern_terms(sentences: &[&Features]) -> (Vec<Vec<TokenTerm>>, Vec<bool>, Vec<u64>, Vec<u64>) {
    let mut terms = Interner::default();
    // Name variants: a key seen on a capitalised word inside a sentence
    // stands for one spelling, the first met.
    let mut name_of_key: FastMap<&str, u32> = FastMap::default();
    // Per id, a hash of the name key that first chose it (0 for none).
    let mut name_keys: Vec<u64> = Vec::new();
    for f in sentences {
        for t in &f.tokens {
            if t.skip || t.initial {
                continue;
            }
            if let Some(key) = &t.name_key {
                if !name_of_key.contains_key(key.as_str()) {
                    let id = terms.id(concept(&t.stem));
                    name_of_key.insert(key.as_str(), id);
                    if name_keys.len() <= id as usize {
                        name_keys.resize(id as usize + 1, 0);
                    }
                    if name_keys[id as usize] == 0 {
                        name_keys[id as usize] = crate::scale::fnv1a(key.as_bytes()) ^ NAME_SALT;
                    }
                }
            }
        }
    }
    let mut is_name: Vec<bool> = Vec::new();
    let token_terms = sentences
        .iter()
        .map(|f| {
            let mut q = 0;
            let mut emitted: Option<usize> = None;
            f.tokens
                .iter()
                .map(|t| {
                    while q < f.quantities.len() && f.quantities[q].end <= t.start {
                        q += 1;
                    }
                    let in_quantity = f
                        .quantities
                        .get(q)
                        .is_some_and(|x| x.start <= t.start && t.end <= x.end);
                    if in_quantity {
                        // A quantity is one term, counted at its first word.
                        if emitted == Some(q) {
                            return TokenTerm::Nothing;
                        }
                        emitted = Some(q);
                        let id = terms.id(&quantity_term(&f.quantities[q]));
                        return TokenTerm::Quantity { q, id };
                    }
                    if t.skip {
                        return TokenTerm::Nothing;
                    }
                    let by_name = t
                        .name_key
                        .as_deref()
                        .and_then(|k| name_of_key.get(k).copied());
                    let id = by_name.unwrap_or_else(|| terms.id(concept(&t.stem)));
                    if by_name.is_some() {
                        if is_name.len() <= id as usize {
                            is_name.resize(id as usize + 1, false);
                        }
                        is_name[id as usize] = true;
                    }
                    TokenTerm::Word(id)
                })
                .collect()
        })
        .collect();
    is_name.resize(terms.len(), false);
    name_keys.resize(terms.len(), 0);
    (token_terms, is_name, terms.keys, name_keys)
}

/// The unit embedding of a run of tokens: every word the table has,
/// weighted by its smooth inverse frequency (empty when none has one).
fn embed(table: &WordVectors, tokens: &[Token]) -> Vec<f32> {
    table.sentence(
        tokens
            .iter()
            .filter_map(|t| table.id(&t.folded))
            .map(|id| (id, 1.0)),
    )
}

/// One sentence's vector, from its features and
/// its tokens' interned terms.
fn sentence_vector(f: &Features, token_terms: &[TokenTerm], is_name: &[bool]) -> SentVec {
    let mut v = SentVec {
        negated: !f.negations.is_empty(),
        quantities: f.quantities.clone(),
        ..SentVec::default()
    };
    for (t, &term) in f.tokens.iter().zip(token_terms) {
        if t.clause_start && !v.seq.is_empty() && v.clause_starts.last() != Some(&v.seq.len()) {
            v.clause_starts.push(v.seq.len());
        }
        // Words and prefixes are only compared as sets, never
        // weighted: a 32-bit hash stands in for an interned id.
        let w = hash_bytes(t.folded.as_bytes());
        v.words.push(w);
        v.word_seq.push(w);
        let id = match term {
            TokenTerm::Quantity { q, id } => {
                v.numbers.push(id);
                v.quantity_pos.push((q, v.seq.len()));
                id
            }
            TokenTerm::Nothing => u32::MAX,
            TokenTerm::Word(id) => {
                add_word_shapes(t, &mut v);
                id
            }
        };
        v.token_terms.push(id);
        if id != u32::MAX {
            v.seq.push(id);
        }
    }
    finish(&mut v);
    v.names = v
        .terms
        .iter()
        .copied()
        .filter(|&t| is_name[t as usize])
        .collect();
    v
}

/// The prefix and character trigrams a content word adds to its vector.
fn add_word_shapes(t: &Token, v: &mut SentVec) {
    let cut = t
        .stem
        .char_indices()
        .nth(5)
        .map_or(t.stem.len(), |(k, _)| k);
    v.prefixes.push(hash_bytes(&t.stem.as_bytes()[..cut]));
    add_trigrams(&t.folded, &mut v.trigrams);
}

/// Sorts the set-valued parts of a vector whose sequences are filled in,
/// and computes its n-grams.
fn finish(v: &mut SentVec) {
    v.terms = v.seq.clone();
    crate::order::sort(&mut v.terms);
    v.terms.dedup();
    crate::order::sort(&mut v.numbers);
    v.numbers.dedup();
    crate::order::sort(&mut v.prefixes);
    v.prefixes.dedup();
    v.grams = [
        bigrams(&v.seq),
        bigrams(&v.word_seq),
        word_grams(&v.word_seq, 3),
        word_grams(&v.word_seq, 4),
    ];
    for list in [&mut v.words, &mut v.trigrams] {
        crate::order::sort(list);
        list.dedup();
    }
}

fn add_trigrams(word: &str, out: &mut Vec<u32>) {
    let b = word.as_bytes();
    if b.len() < 3 {
        out.push(hash_bytes(b));
        return;
    }
    for w in b.windows(3) {
        out.push(hash_bytes(w));
    }
}

fn hash_bytes(b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for &x in b {
        h ^= x as u32;
        h = h.wrapping_mul(0x01000193);
    }
    h
}

/// The dot product of two equal-length vectors, in eight running sums so
/// that it vectorises.
fn dot(x: &[f32], y: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (xc, yc) = (x.chunks_exact(8), y.chunks_exact(8));
    let tail: f32 = xc
        .remainder()
        .iter()
        .zip(yc.remainder())
        .map(|(a, b)| a * b)
        .sum();
    for (a, b) in xc.zip(yc) {
        for k in 0..8 {
            acc[k] += a[k] * b[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

fn set_dice(a: &[u32], b: &[u32]) -> f32 {
    ratio(
        2.0 * intersect(a, b).count() as f32,
        (a.len() + b.len()) as f32,
    )
}

/// Terms of a sequence the in-order comparison looks at: far more than a
/// sentence has, few enough that a run-on "sentence" of a hundred thousand
/// words (a hostile page) costs a bounded time, not hours.
const LCS_CAP: usize = 1000;

/// Length of the longest common subsequence of two term sequences (of
/// their first [`LCS_CAP`] terms).
fn lcs(a: &[u32], b: &[u32]) -> usize {
    let (a, b) = (&a[..a.len().min(LCS_CAP)], &b[..b.len().min(LCS_CAP)]);
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    // One DP row; sentences are short, so it lives on the stack.
    let mut stack = [0u16; 96];
    let mut heap = Vec::new();
    let row: &mut [u16] = if b.len() < stack.len() {
        &mut stack[..b.len() + 1]
    } else {
        heap.resize(b.len() + 1, 0u16);
        &mut heap
    };
    for &x in a {
        let mut diag = 0u16;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()] as usize
}

fn ratio(a: f32, b: f32) -> f32 {
    if b > 0.0 {
        (a / b).min(1.0)
    } else {
        0.0
    }
}

/// Ids present in both sorted lists.
pub fn intersect<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let t = a[i];
                    i += 1;
                    j += 1;
                    return Some(t);
                }
            }
        }
        None
    })
}

/// Sorted unique codes of the word n-grams of a sequence (n >= 3).
fn word_grams(seq: &[u32], n: usize) -> Vec<u64> {
    let mut g: Vec<u64> = seq
        .windows(n)
        .map(|w| {
            w.iter().fold(0u64, |h, &x| {
                h.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ x as u64
            })
        })
        .collect();
    crate::order::sort(&mut g);
    g.dedup();
    g
}

/// Sorted unique codes of the bigrams of a sequence.
fn bigrams(seq: &[u32]) -> Vec<u64> {
    let mut out: Vec<u64> = seq
        .windows(2)
        .map(|w| ((w[0] as u64) << 32) | w[1] as u64)
        .collect();
    crate::order::sort(&mut out);
    out.dedup();
    out
}

/// Dice coefficient of two sorted unique code lists.
fn sorted_dice(a: &[u64], b: &[u64]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    ratio(2.0 * shared as f32, (a.len() + b.len()) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::features;

    fn corpus(texts: &[&str]) -> Corpus {
        let feats: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        Corpus::build(feats.iter().enumerate())
    }

    #[test]
    fn name_variants_and_inflections_share_terms() {
        let c = corpus(&[
            "General Qassem Soleimani travelled to Damascus.",
            "Qasem Soleimani traveled to Damascus.",
        ]);
        assert_eq!(c.sent(0).terms, c.sent(1).terms);
    }

    #[test]
    fn containment_table() {
        // (smaller, larger, restated inside)
        let cases = [
            (
                "It was a rare trip abroad for Assad who has not travelled anywhere apart from Russia since the conflict began.",
                "During a visit to Tehran on Monday, Assad, who has not traveled anywhere apart from Russia since the conflict began, held talks with Khamenei.",
                true,
            ),
            // Negated on one side: still one claim (its conflict is a finding).
            (
                "Assad has travelled anywhere apart from Russia since the conflict began.",
                "Assad, who has not traveled anywhere apart from Russia since the conflict began, held talks.",
                true,
            ),
            // A different number is not the same claim.
            (
                "Assad has visited Russia 3 times since the conflict began in Syria.",
                "Assad, who has visited Russia 5 times since the conflict began in Syria, held talks.",
                false,
            ),
            (
                "Iran hosted talks on the conflict.",
                "Iran hosted talks on the conflict in Syria on Monday with many officials.",
                false,
            ),
        ];
        for (small, large, expected) in cases {
            let c = corpus(&[
                small,
                large,
                "Unrelated filler about markets.",
                "Stocks fell.",
            ]);
            assert_eq!(contained(&c, 0, 1), expected, "{small}");
        }
    }

    #[test]
    fn claim_clauses_leave_out_who_said_it() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The mayor was quoted by local radio as saying that any delay by the council would not stop the city from opening its new bridge.",
                &[
                    "that any delay by the council",
                    "would not stop the city from opening its new bridge",
                ],
            ),
            (
                "Both leaders said the plan, backed by Berlin, will not change, according to the agency.",
                &["the plan", "backed by Berlin", "will not change"],
            ),
            ("Prices rose, the ministry said.", &["Prices rose"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            let f = features(text);
            let got: Vec<&str> = claim_clauses(&f)
                .into_iter()
                .map(|r| &text[f.tokens[r.start].start..f.tokens[r.end - 1].end])
                .collect();
            assert_eq!(&got, expected, "{text}");
        }
    }

    #[test]
    fn clause_link_table() {
        // (a, b, a claim clause of each says the same)
        let cases = [
            // Different attribution and different words for the subject.
            (
                "Mahama was quoted by state radio as saying that any pressure by foreign governments would not stop Ghana and Togo from protecting their own borders.",
                "Both Mahama and Gnassingbe said the foreign campaign of sowing division in the region, especially against Ghana and Togo, will not deter the two countries from protecting their national borders, according to the agency.",
                true,
            ),
            // The same predicate said of someone else.
            (
                "Walsh, who was pulled from the river on Sunday, was in critical but stable condition at the county hospital on Monday night.",
                "Horn remained in critical but stable condition at the county hospital on Monday night after surgery to his legs.",
                false,
            ),
            // Only the speaker is the same.
            (
                "Academy president Sid Ganis announced on Friday that Jackman would host the televised ceremony in February.",
                "Academy president Sid Ganis announced on Friday that the ceremony would return to the Kodak Theatre next year.",
                false,
            ),
            // The same cut, attributed differently...
            (
                "Officials said that the carmaker Volvo will cut 300 jobs at its truck plant in Ghent this year, blaming weak demand.",
                "The carmaker Volvo will cut 300 jobs at its truck plant in Ghent this year, the union warned.",
                true,
            ),
            // ...and a number against the other's.
            (
                "Officials said that the carmaker Volvo will cut 300 jobs at its truck plant in Ghent this year, blaming weak demand.",
                "The carmaker Volvo will cut 500 jobs at its truck plant in Ghent this year, the union warned.",
                false,
            ),
        ];
        for (a, b, expected) in cases {
            let texts = [
                a,
                b,
                "Unrelated filler about markets in the region.",
                "Stocks fell on Monday, the agency said.",
                "Their leaders met in the capital.",
                "The two countries signed a trade deal.",
            ];
            let feats: Vec<Features> = texts.iter().map(|t| features(t)).collect();
            let c = Corpus::build(feats.iter().enumerate());
            let parts = [c.clause_parts(0, &feats[0]), c.clause_parts(1, &feats[1])];
            let score = c.clause_score(0, 1, |i| &parts[i]);
            assert_eq!(
                clause_link(&c, 0, 1, |i| &parts[i]),
                expected,
                "{a} / {b}: {score}"
            );
        }
    }

    #[test]
    fn paraphrase_scores_above_unrelated() {
        let c = corpus(&[
            "Assad has not travelled anywhere apart from Russia since the conflict began.",
            "Assad, who has not traveled anywhere apart from Russia since the conflict began, held talks.",
            "Soleimani was assassinated in January 2020 by a US drone strike.",
        ]);
        assert!(c.score(0, 1) > c.score(0, 2));
        assert!(c.score(0, 1) >= super::super::THRESHOLD);
        assert!(c.score(0, 2) < super::super::THRESHOLD);
    }

    /// Sentences given one set of features share one vector, and the corpus
    /// is the same as when each has its own copy.
    #[test]
    fn shared_features_give_the_same_corpus_as_copies() {
        let texts = [
            "Assad made his first public visit to Iran since the war began in 2011.",
            "Soleimani was killed in January 2020 by a US drone strike.",
            "Assad made his first public visit to Iran since the war began in 2011.",
        ];
        let copies: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let separate = Corpus::build(copies.iter().enumerate());
        let shared_features = [features(texts[0]), features(texts[1])];
        let shared = Corpus::build(
            [0usize, 1, 0]
                .iter()
                .enumerate()
                .map(|(doc, &k)| (doc, &shared_features[k])),
        );
        assert_eq!(shared.docs, vec![0, 1, 2]);
        assert_eq!(shared.len(), 3);
        assert!(std::ptr::eq(shared.sent(0), shared.sent(2)));
        assert_eq!(shared.idf, separate.idf);
        assert_eq!(shared.mass, separate.mass);
        for i in 0..3 {
            assert_eq!(shared.sent(i).seq, separate.sent(i).seq);
            assert_eq!(shared.sent(i).grams, separate.sent(i).grams);
            assert_eq!(shared.score(i, (i + 1) % 3), separate.score(i, (i + 1) % 3));
        }
        assert!(separate.score(0, 2) > 0.99);
    }
}
