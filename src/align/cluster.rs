//! Candidates and clusters: a [`Corpus`] in; scored candidate pairs from an
//! inverted index, then claims (groups of sentences from different
//! documents, every member close to every other) out.

use super::similarity::Corpus;
use crate::features::FastMap;

/// A scored pair of sentences, `a < b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub score: f32,
    pub a: u32,
    pub b: u32,
}

/// The least shared rare weight (of the smaller sentence) any link needs.
pub const MIN_SHARE: f32 = 0.1;

/// Sentence pairs from different documents that share rare terms, found
/// through an inverted index (the work grows with the postings of rare
/// terms, not with the square of the corpus), scored by `score(i, j, share)`
/// where `share` is the shared rare weight over the smaller sentence's
/// weight; pairs it gives `None` are dropped.
///
/// A sentence repeated word for word (wire copy, a reused paragraph) scores
/// the same against everything, so the search and the scoring run over
/// distinct wordings (each stood for by its first occurrence), and a
/// wording pair's score then goes to every pair of their occurrences that
/// lie in different documents.
pub fn candidates(
    corpus: &Corpus,
    score: impl Fn(usize, usize, f32) -> Option<f32> + Sync,
) -> Vec<Edge> {
    candidate_pairs(corpus, MIN_SHARE, None, score)
        .into_iter()
        .map(|(a, b, score)| Edge { score, a, b })
        .collect()
}

/// As [`candidates`], for any per-pair value `T`, with `min_share` the
/// least shared rare weight a pair needs; and when `semantic_floor` is
/// given and the corpus has word vectors and at most [`ALL_PAIRS_WORDINGS`]
/// distinct wordings, also every pair whose embeddings' cosine reaches the
/// floor, whatever words it shares ("Damascus's gains" / "military
/// victories"). Pairs come as `(a, b, value)` with `a < b`.
pub fn candidate_pairs<T: Copy + Send>(
    corpus: &Corpus,
    min_share: f32,
    semantic_floor: Option<f32>,
    score: impl Fn(usize, usize, f32) -> Option<T> + Sync,
) -> Vec<(u32, u32, T)> {
    let found = wording_pairs(corpus, min_share, semantic_floor, score);
    let mut out = Vec::new();
    found.for_each_occurrence(corpus, |k, a, b| out.push((a, b, found.values[k])));
    out
}

/// Candidate pairs of distinct wordings, each scored once at the first
/// occurrence of its two wordings, with what it takes to hand each pair's
/// value on to every pair of their occurrences in different documents.
pub struct WordingPairs<T> {
    wordings: Wordings,
    /// Per pair, its two wordings (`x <= y`).
    keys: Vec<(u32, u32)>,
    /// Per pair, the first occurrences of its two wordings (sentence
    /// indices of the corpus; equal when a wording is paired with its own
    /// repeats).
    pub firsts: Vec<(u32, u32)>,
    pub values: Vec<T>,
}

impl<T> WordingPairs<T> {
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Calls `f(pair index, a, b)` for every pair of occurrences (`a < b`,
    /// in different documents) of every wording pair.
    pub fn for_each_occurrence(&self, corpus: &Corpus, mut f: impl FnMut(usize, u32, u32)) {
        for (k, &(x, y)) in self.keys.iter().enumerate() {
            let (xs, ys) = (self.wordings.occurrences(x), self.wordings.occurrences(y));
            for (i, &a) in xs.iter().enumerate() {
                // A wording paired with itself: each pair of its occurrences once.
                let ys = if x == y { &ys[i + 1..] } else { ys };
                for &b in ys {
                    if corpus.docs[a as usize] != corpus.docs[b as usize] {
                        f(k, a.min(b), a.max(b));
                    }
                }
            }
        }
    }
}

/// The candidate wording pairs of a corpus (see [`candidate_pairs`]), each
/// scored by `score(a, b, share)` at the wordings' first occurrences `a`
/// and `b` (the same sentence when a wording repeats across documents);
/// pairs it gives `None` are dropped.
pub fn wording_pairs<T: Send>(
    corpus: &Corpus,
    min_share: f32,
    semantic_floor: Option<f32>,
    score: impl Fn(usize, usize, f32) -> Option<T> + Sync,
) -> WordingPairs<T> {
    let wordings = Wordings::of(corpus);
    let mut pairs = shared_weight_pairs(corpus, &wordings, min_share);
    if let Some(floor) = semantic_floor {
        if corpus.has_vectors() {
            if wordings.len() <= ALL_PAIRS_WORDINGS {
                add_semantic_pairs(corpus, &wordings, floor, &mut pairs);
            }
            pairs = nearest(corpus, &wordings, pairs, floor);
        }
    }
    // Scoring is most of alignment's work and each pair stands alone: the
    // CLI spreads it over its threads; the wasm build runs it in order.
    let scored = |&(x, y, share): &(u32, u32, f32)| {
        let (a, b) = (wordings.first[x as usize], wordings.first[y as usize]);
        score(a as usize, b as usize, share)
    };
    let scores = crate::par::map(&pairs, scored);
    let mut keys = Vec::new();
    let mut firsts = Vec::new();
    let mut values = Vec::new();
    for (&(x, y, _), score) in pairs.iter().zip(scores) {
        let Some(score) = score else { continue };
        keys.push((x, y));
        firsts.push((wordings.first[x as usize], wordings.first[y as usize]));
        values.push(score);
    }
    WordingPairs {
        wordings,
        keys,
        firsts,
        values,
    }
}

/// How many of its most alike candidates (by embedding) each wording keeps
/// (12 lost two of the seeds' shared claims, the death toll among them):
/// a sentence has a handful of counterparts in each other article, and in
/// a story of many articles repeating one event nearly every pair looks
/// alike, so judging them all would cost the square of the story.
pub const NEAREST: usize = 24;

/// The pairs whose embeddings reach `floor` and that are among the
/// [`NEAREST`] most alike of at least one of their two wordings.
fn nearest(
    corpus: &Corpus,
    wordings: &Wordings,
    pairs: Vec<(u32, u32, f32)>,
    floor: f32,
) -> Vec<(u32, u32, f32)> {
    let semantic = |&(x, y, _): &(u32, u32, f32)| {
        corpus.semantic(
            wordings.first[x as usize] as usize,
            wordings.first[y as usize] as usize,
        )
    };
    let sims = crate::par::map(&pairs, semantic);
    // Per wording, its candidates' similarities; the NEAREST-th best is
    // the bar a pair must clear on one side.
    let mut of: Vec<Vec<f32>> = vec![Vec::new(); wordings.len()];
    for (&(x, y, _), &c) in pairs.iter().zip(&sims) {
        if c >= floor {
            of[x as usize].push(c);
            if x != y {
                of[y as usize].push(c);
            }
        }
    }
    let bar: Vec<f32> = of
        .iter_mut()
        .map(|v| {
            if v.len() <= NEAREST {
                f32::NEG_INFINITY
            } else {
                let (_, kth, _) = v.select_nth_unstable_by(NEAREST - 1, |a, b| b.total_cmp(a));
                *kth
            }
        })
        .collect();
    pairs
        .into_iter()
        .zip(sims)
        .filter(|&((x, y, _), c)| c >= floor && (c >= bar[x as usize] || c >= bar[y as usize]))
        .map(|(p, _)| p)
        .collect()
}

/// Corpora of up to this many distinct wordings compare every pair of them
/// by embedding: about 0.5 million cosines of 128 numbers at most, a few
/// milliseconds. Larger corpora find candidates by shared words only.
pub const ALL_PAIRS_WORDINGS: usize = 1000;

/// Adds to `pairs` the wording pairs (in different documents, not already
/// there) whose embeddings' cosine reaches `floor`, with their share.
fn add_semantic_pairs(
    corpus: &Corpus,
    wordings: &Wordings,
    floor: f32,
    pairs: &mut Vec<(u32, u32, f32)>,
) {
    let known: std::collections::HashSet<(u32, u32)> =
        pairs.iter().map(|&(x, y, _)| (x, y)).collect();
    let n = wordings.len() as u32;
    let apart = |x: u32, y: u32| {
        let (dx, dy) = (wordings.only_doc[x as usize], wordings.only_doc[y as usize]);
        dx.is_none() || dy.is_none() || dx != dy
    };
    for x in 0..n {
        let a = wordings.first[x as usize] as usize;
        for y in x + 1..n {
            if known.contains(&(x, y)) || !apart(x, y) {
                continue;
            }
            let b = wordings.first[y as usize] as usize;
            if corpus.semantic(a, b) >= floor {
                pairs.push((x, y, corpus.shared_share(a, b)));
            }
        }
    }
}

/// The distinct wordings of a corpus: same words in the same order, same
/// negation. Wording ids follow their first occurrence.
struct Wordings {
    /// Per wording, its first sentence.
    first: Vec<u32>,
    /// Per wording, where its sentences start in `members`.
    starts: Vec<u32>,
    /// Sentences grouped by wording, each group in sentence order.
    members: Vec<u32>,
    /// Per wording, the one document all its sentences are in, if one.
    only_doc: Vec<Option<usize>>,
}

impl Wordings {
    fn of(corpus: &Corpus) -> Wordings {
        let mut id_of: std::collections::HashMap<(&[u32], bool), u32> =
            std::collections::HashMap::new();
        let mut first = Vec::new();
        let wording: Vec<u32> = (0..corpus.len())
            .map(|i| {
                let v = corpus.sent(i);
                let mut fresh = || {
                    first.push(i as u32);
                    first.len() as u32 - 1
                };
                // Sentences without words are never merged: nothing says
                // they are the same.
                if v.token_terms.is_empty() {
                    return fresh();
                }
                *id_of
                    .entry((v.token_terms.as_slice(), v.negated))
                    .or_insert_with(fresh)
            })
            .collect();
        let n = first.len();
        let mut starts = vec![0u32; n + 1];
        for &w in &wording {
            starts[w as usize + 1] += 1;
        }
        for k in 0..n {
            starts[k + 1] += starts[k];
        }
        let mut fill = starts.clone();
        let mut members = vec![0u32; wording.len()];
        let mut only_doc: Vec<Option<usize>> = first
            .iter()
            .map(|&i| Some(corpus.docs[i as usize]))
            .collect();
        for (i, &w) in wording.iter().enumerate() {
            members[fill[w as usize] as usize] = i as u32;
            fill[w as usize] += 1;
            if only_doc[w as usize] != Some(corpus.docs[i]) {
                only_doc[w as usize] = None;
            }
        }
        Wordings {
            first,
            starts,
            members,
            only_doc,
        }
    }

    fn len(&self) -> usize {
        self.first.len()
    }

    fn occurrences(&self, w: u32) -> &[u32] {
        &self.members[self.starts[w as usize] as usize..self.starts[w as usize + 1] as usize]
    }
}

/// Pairs of wordings (`x <= y`) whose sentences share rare terms, with the
/// shared idf weight as a share of the smaller sentence's weight; a pair is
/// kept only if some two of their sentences lie in different documents.
fn shared_weight_pairs(
    corpus: &Corpus,
    wordings: &Wordings,
    min_share: f32,
) -> Vec<(u32, u32, f32)> {
    let n = corpus.len();
    let n_terms = corpus.idf.len();
    let vector = |w: u32| corpus.sent(wordings.first[w as usize] as usize);
    let mass = |w: u32| corpus.mass[wordings.first[w as usize] as usize];
    // How common a term is counts every sentence, repeats included.
    let mut df = vec![0u32; n_terms];
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
    for w in 0..wordings.len() as u32 {
        let repeats = wordings.occurrences(w).len() as u32;
        for &t in &vector(w).terms {
            df[t as usize] += repeats;
            postings[t as usize].push(w);
        }
    }
    // A term in more sentences than this is too common to find candidates by;
    // it still counts in the score.
    let max_df = ((n / 100).clamp(30, 150)) as u32;
    let apart = |x: u32, y: u32| {
        let (dx, dy) = (wordings.only_doc[x as usize], wordings.only_doc[y as usize]);
        dx.is_none() || dy.is_none() || dx != dy
    };
    // Wording x is next in each of its terms' postings when its turn comes,
    // so a cursor per term replaces a search.
    let mut cursor = vec![0u32; n_terms];
    let mut acc = vec![0f32; wordings.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for x in 0..wordings.len() as u32 {
        let mut own = 0.0;
        for &t in &vector(x).terms {
            let list = &postings[t as usize];
            // Only later wordings: each pair is seen from its first member.
            let from = cursor[t as usize] as usize + 1;
            cursor[t as usize] += 1;
            if df[t as usize] > max_df {
                continue;
            }
            let w = corpus.idf[t as usize];
            own += w;
            for &y in &list[from..] {
                if acc[y as usize] == 0.0 {
                    touched.push(y);
                }
                acc[y as usize] += w;
            }
        }
        // Repeats of one wording in different documents pair with each other.
        if wordings.only_doc[x as usize].is_none() {
            touched.push(x);
            acc[x as usize] = own;
        }
        for &y in &touched {
            let shared = acc[y as usize];
            acc[y as usize] = 0.0;
            let smaller = mass(x).min(mass(y));
            if smaller <= 0.0 || !apart(x, y) {
                continue;
            }
            let share = shared / smaller;
            // Below this share of rare weight no link kind can hold (see
            // `super::align`): dropping such pairs here spares scoring them.
            if share >= min_share {
                pairs.push((x, y, share));
            }
        }
        touched.clear();
    }
    pairs
}

/// Groups sentences into claims by average linkage over the links at or
/// above `threshold`: links are taken strongest first, and two groups merge
/// when the mean link over their pairs of members from different documents
/// (a missing link counting 0) reaches the threshold. A group may hold
/// several sentences of one document (an article restates its main claim
/// in its lead and again further down). Returns groups of two or more that
/// span two documents, each sorted, with the index of its most central
/// member (the greatest sum of links to the others).
pub fn cluster(corpus: &Corpus, mut edges: Vec<Edge>, threshold: f32) -> Vec<(Vec<usize>, usize)> {
    edges.retain(|e| e.score >= threshold);
    crate::order::sort_by(&mut edges, |x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let key = |a: usize, b: usize| ((a.min(b) as u64) << 32) | a.max(b) as u64;
    let score_of: FastMap<u64, f32> = edges
        .iter()
        .map(|e| (key(e.a as usize, e.b as usize), e.score))
        .collect();
    let pair = |a: usize, b: usize| score_of.get(&key(a, b)).copied().unwrap_or(0.0);
    let n = corpus.len();
    let mut group_of: Vec<usize> = (0..n).collect();
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // A failed merge is retried only once either group has grown.
    let mut tried: FastMap<u64, (usize, usize)> = FastMap::default();
    for e in &edges {
        let (gi, gj) = (group_of[e.a as usize], group_of[e.b as usize]);
        if gi == gj {
            continue;
        }
        let sizes = (groups[gi.min(gj)].len(), groups[gi.max(gj)].len());
        if tried.get(&key(gi, gj)) == Some(&sizes) {
            continue;
        }
        if mean_link(&groups[gi], &groups[gj], &corpus.docs, &pair) >= threshold
            && restates(&groups[gi], &groups[gj], corpus)
        {
            let (small, large) = if groups[gi].len() <= groups[gj].len() {
                (gi, gj)
            } else {
                (gj, gi)
            };
            let moved = std::mem::take(&mut groups[small]);
            for &m in &moved {
                group_of[m] = large;
            }
            groups[large].extend(moved);
        } else {
            tried.insert(key(gi, gj), sizes);
        }
    }
    let mut out: Vec<(Vec<usize>, usize)> = groups
        .into_iter()
        .filter(|g| g.len() >= 2 && g.iter().any(|&m| corpus.docs[m] != corpus.docs[g[0]]))
        .map(|mut members| {
            crate::order::sort(&mut members);
            let centrality = |a: usize| -> f32 { members.iter().map(|&m| pair(a, m)).sum() };
            let label = members
                .iter()
                .copied()
                .max_by(|&a, &b| centrality(a).total_cmp(&centrality(b)).then(b.cmp(&a)))
                .unwrap_or(members[0]);
            (members, label)
        })
        .collect();
    crate::order::sort_by_key(&mut out, |(m, _)| m[0]);
    out
}

/// Sentences that carry a second claim besides their own: `groups` as
/// [`cluster`] returns them, `edges` every scored link. A sentence joins
/// another group when its links to that group's members from other
/// documents average at least `threshold` and it is not in that group
/// already: a long sentence that reports several facts ("Assad made his
/// first visit since the war, met Khamenei and championed their alliance")
/// supports a claim through each. Returns (group index, sentence) pairs.
pub fn also_in(
    corpus: &Corpus,
    groups: &[(Vec<usize>, usize)],
    edges: &[Edge],
    threshold: f32,
) -> Vec<(usize, usize)> {
    let mut group_of: FastMap<usize, usize> = FastMap::default();
    for (g, (members, _)) in groups.iter().enumerate() {
        for &m in members {
            group_of.insert(m, g);
        }
    }
    let key = |a: usize, b: usize| ((a.min(b) as u64) << 32) | a.max(b) as u64;
    let score_of: FastMap<u64, f32> = edges
        .iter()
        .filter(|e| e.score >= threshold * 0.5)
        .map(|e| (key(e.a as usize, e.b as usize), e.score))
        .collect();
    let pair = |a: usize, b: usize| score_of.get(&key(a, b)).copied().unwrap_or(0.0);
    let mut tried: std::collections::BTreeSet<(usize, usize)> = Default::default();
    let mut out = Vec::new();
    for e in edges.iter().filter(|e| e.score >= threshold) {
        for (s, other) in [(e.a as usize, e.b as usize), (e.b as usize, e.a as usize)] {
            let Some(&g) = group_of.get(&other) else {
                continue;
            };
            if group_of.get(&s) == Some(&g) || !tried.insert((g, s)) {
                continue;
            }
            let members = &groups[g].0;
            let mean = mean_link(&[s], members, &corpus.docs, &pair);
            if mean >= threshold && restates(&[s], members, corpus) {
                out.push((g, s));
            }
        }
    }
    crate::order::sort(&mut out);
    out
}

/// The least embedding cosine between two sentences of one document for
/// both to stand in one claim: an article restating its claim restates it
/// in like words, while two sentences that each match a third on different
/// points do not belong together.
pub const SAME_DOCUMENT_SEMANTIC: f32 = 0.5;

/// Whether every pair of members of `x` and `y` from the same document
/// restates one claim ([`SAME_DOCUMENT_SEMANTIC`]; without word vectors,
/// a document gives one sentence a claim).
fn restates(x: &[usize], y: &[usize], corpus: &Corpus) -> bool {
    x.iter().all(|&a| {
        y.iter().all(|&b| {
            corpus.docs[a] != corpus.docs[b]
                || (corpus.has_vectors() && corpus.semantic(a, b) >= SAME_DOCUMENT_SEMANTIC)
        })
    })
}

/// The mean link between members of `x` and of `y` in different documents
/// (0 when there is no such pair). Large groups are compared through an
/// evenly spread sample of at most 64 members each: wire copy can put the
/// same sentence in hundreds of documents.
fn mean_link(x: &[usize], y: &[usize], docs: &[usize], pair: &impl Fn(usize, usize) -> f32) -> f32 {
    const SAMPLE: usize = 64;
    let pick = |g: &[usize]| -> Vec<usize> {
        if g.len() <= SAMPLE {
            g.to_vec()
        } else {
            (0..SAMPLE).map(|k| g[k * g.len() / SAMPLE]).collect()
        }
    };
    let (xs, ys) = (pick(x), pick(y));
    let mut sum = 0.0;
    let mut count = 0usize;
    for &a in &xs {
        for &b in &ys {
            if docs[a] != docs[b] {
                sum += pair(a, b);
                count += 1;
            }
        }
    }
    if count == 0 {
        0.0
    } else {
        sum / count as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{features, Features};

    #[test]
    fn candidates_cross_documents_and_clusters_hold_one_sentence_a_document() {
        let texts = [
            (
                0,
                "Assad made his first public visit to Iran since the war began.",
            ),
            (
                0,
                "Assad made his first public visit to Iran since the war started.",
            ),
            (
                1,
                "Assad has made his first public visit to Iran since the war began.",
            ),
            (
                2,
                "President Assad made a first public visit to Iran since the war began.",
            ),
            (2, "Markets in Tokyo closed higher on Monday."),
        ];
        let feats: Vec<Features> = texts.iter().map(|(_, t)| features(t)).collect();
        let corpus = Corpus::build(texts.iter().map(|(d, _)| *d).zip(feats.iter()));
        let edges = candidates(&corpus, |a, b, _| Some(corpus.score(a, b)));
        assert!(edges
            .iter()
            .all(|e| corpus.docs[e.a as usize] != corpus.docs[e.b as usize]));
        assert!(!edges.iter().any(|e| e.b == 4 || e.a == 4));
        let groups = cluster(&corpus, edges, crate::align::THRESHOLD);
        assert_eq!(groups.len(), 1);
        let (members, label) = &groups[0];
        assert_eq!(members.len(), 3);
        assert!(members.contains(&2) && members.contains(&3));
        assert!(members.contains(label));
    }

    /// The wording-level search finds exactly the sentence pairs a direct
    /// comparison of every cross-document pair finds, with the same shares,
    /// on a corpus full of repeats (in one document and across documents).
    #[test]
    fn candidates_match_every_pair_compared_directly() {
        // Made-up words: 20 × 20 of them, most in only a few sentences.
        const SYLLABLES: &[&str] = &[
            "ka", "lo", "mi", "ren", "tu", "sa", "vo", "pel", "dri", "nu", "bra", "zo", "fi",
            "gat", "hu", "jel", "kro", "lim", "mos", "tar",
        ];
        let mut rng = crate::testing::XorShift::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| rng.below(n);
        let mut texts: Vec<String> = Vec::new();
        let mut docs = Vec::new();
        for k in 0..240 {
            let doc = next(9);
            // A third of the sentences repeat an earlier one word for word.
            let text = if k > 10 && next(3) == 0 {
                texts[next(texts.len())].clone()
            } else {
                let len = 3 + next(6);
                let words: Vec<String> = (0..len)
                    .map(|_| {
                        let (a, b) = (next(SYLLABLES.len()), next(SYLLABLES.len()));
                        format!("{}{}", SYLLABLES[a], SYLLABLES[b])
                    })
                    .collect();
                format!("Here {}.", words.join(" "))
            };
            texts.push(text);
            docs.push(doc);
        }
        let feats: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let corpus = Corpus::build(docs.iter().copied().zip(feats.iter()));
        let mut got: Vec<(u32, u32, f32)> = candidates(&corpus, |_, _, share| Some(share))
            .into_iter()
            .map(|e| (e.a, e.b, e.score))
            .collect();
        crate::order::sort_by_key(&mut got, |&(a, b, _)| (a, b));

        let n = corpus.len();
        let mut df = vec![0usize; corpus.idf.len()];
        for i in 0..n {
            for &t in &corpus.sent(i).terms {
                df[t as usize] += 1;
            }
        }
        let max_df = (n / 100).clamp(30, 150);
        let mut want = Vec::new();
        for a in 0..n {
            for b in a + 1..n {
                if corpus.docs[a] == corpus.docs[b] {
                    continue;
                }
                let shared: f32 = crate::align::similarity::intersect(
                    &corpus.sent(a).terms,
                    &corpus.sent(b).terms,
                )
                .filter(|&t| df[t as usize] <= max_df)
                .map(|t| corpus.idf[t as usize])
                .sum();
                let smaller = corpus.mass[a].min(corpus.mass[b]);
                if smaller > 0.0 && shared / smaller >= MIN_SHARE {
                    want.push((a as u32, b as u32, shared / smaller));
                }
            }
        }
        assert!(
            want.len() > 100,
            "the corpus should give many pairs: {}",
            want.len()
        );
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            assert_eq!((g.0, g.1), (w.0, w.1));
            assert!((g.2 - w.2).abs() < 1e-4, "{g:?} / {w:?}");
        }
    }
}
