//! Stories: the documents of one corpus (their compared sentences as a
//! [`Corpus`], which of them open the document, publication dates and what
//! their texts say of their own time, see [`text_time`]) in; a grouping of
//! the documents into stories, one real-world event each, out.
//!
//! Two documents are scored by a logistic model over what they share (all
//! their words, their headlines and leads, names, numbers, meaning, dates
//! and the weekdays their leads name; see [`pair_features`]); candidate
//! pairs come from an inverted index of their rarer terms, so a large
//! corpus never compares every pair; the
//! stories are an average-linkage clustering of those scores (a story
//! joins another when its documents belong with the other's on average, not
//! through one chain of look-alikes), in which two documents never share a
//! story when one states a time a year or more after the other was
//! written (a report cannot cover what happened after it: see [`apart`]).
//! Weights are learned by
//! `scripts/train_stories.py` from the development halves of ECB+ (two
//! similar events per topic) and AllSides (many stories on one subject),
//! and BASIL triplets dropped one or three at a time (small corpora, the
//! page's common case). Term weights are the words' rarity in English (the
//! word vectors' smooth inverse frequency) times a smoothed corpus idf, so
//! a one-story corpus still counts the names all its articles share.
//!
//! Each document's terms are counted from its own text alone
//! ([`DocTerms`], keyed by a stable hash) and the corpus enters only
//! through [`CorpusStats`] and the candidate pairs: a distributed job that
//! sums those figures over its partitions groups exactly as one machine.

use crate::align::similarity::Corpus;
use crate::semantic::cosine;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet};

/// What the grouping needs of one compared sentence besides its vector.
#[derive(Debug, Clone, Copy, Default)]
pub struct SentenceRole {
    /// The headline or one of the document's first [`LEAD_SENTENCES`]
    /// sentences: what the document reports, as opposed to background.
    pub lead: bool,
    /// The headline (the first sentence without one): the event in the
    /// fewest words, where one story's outlets agree most.
    pub headline: bool,
}

/// How many of a document's first compared sentences (after its headline)
/// make its lead.
pub const LEAD_SENTENCES: usize = 3;

/// What the grouping knows of a document besides its sentences.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct DocumentFacts {
    /// Days since 1970-01-01 of the publication date, when its year is known.
    pub published: Option<i64>,
    /// What the text says of its own time (see [`text_time`]).
    pub time: TextTime,
    /// The months the headline names (see [`months_named`]); the first
    /// sentence's without a headline.
    pub headline_months: u16,
    /// The months the lead names (headline and first sentences).
    pub lead_months: u16,
    /// The weekdays the lead names (see [`weekdays_named`]).
    pub lead_weekdays: u8,
}

impl DocumentFacts {
    /// The latest day the document can have been written: its publication
    /// date, or else two years after its elapsed estimate ("the 11-year
    /// war" is said for a while).
    fn written_by(&self) -> Option<i64> {
        self.published
            .or_else(|| self.time.elapsed.map(|e| e + 2 * 365))
    }

    /// When the document was written, as far as it says: its publication
    /// date, or else its elapsed estimate.
    fn when(&self) -> Option<i64> {
        self.published.or(self.time.elapsed)
    }
}

/// Days a stated time may pass a publication date before it counts (an
/// "updated" line, a time zone, a month named by its first day).
pub const AFTER_MARGIN_DAYS: i64 = 30;

/// Stories of a corpus. Every document is in exactly one story; stories are
/// ordered by their first document, and their documents ascending.
#[derive(Debug, Clone, PartialEq)]
pub struct Stories {
    /// `story_of[d]` is the story of document `d`.
    pub story_of: Vec<usize>,
    /// The documents of each story.
    pub members: Vec<Vec<usize>>,
}

impl Stories {
    /// One story holding every one of `n_docs` documents.
    pub fn single(n_docs: usize) -> Stories {
        Stories {
            story_of: vec![0; n_docs],
            members: if n_docs == 0 {
                Vec::new()
            } else {
                vec![(0..n_docs).collect()]
            },
        }
    }

    /// Stories from any labelling of the documents (`label[d]`), renumbered
    /// by first document.
    pub fn from_labels<T: Ord + Clone>(labels: &[T]) -> Stories {
        let mut id: BTreeMap<T, usize> = BTreeMap::new();
        let mut order: Vec<usize> = Vec::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut story_of = Vec::with_capacity(labels.len());
        for (d, l) in labels.iter().enumerate() {
            let next = order.len();
            let s = *id.entry(l.clone()).or_insert_with(|| {
                order.push(d);
                members.push(Vec::new());
                next
            });
            members[s].push(d);
            story_of.push(s);
        }
        Stories { story_of, members }
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// Number of features of a document pair; see [`pair_features`].
pub const N_FEATURES: usize = 20;

/// One term of a document's [`DocTerms`]: its key (a stable hash of the
/// term's text, see [`Corpus::term_key`]), how rare its word is in English
/// (the word vectors' smooth inverse frequency weight, 1 for a word the
/// table lacks), and how often it occurs in each part of the document, in
/// the order of [`PARTS`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct TermCount {
    pub key: u64,
    pub rarity: f32,
    pub counts: [f32; 7],
}

/// The parts a term is counted in: all compared sentences, the lead, the
/// names (in all, in the lead), the quantities (in all, in the lead), the
/// headline.
pub const PARTS: [&str; 7] = [
    "all",
    "lead",
    "names",
    "numbers",
    "lead_names",
    "lead_numbers",
    "headline",
];

/// What one document brings to the story grouping, computed from its own
/// sentences alone, so that a distributed job gets exactly what one
/// machine gets: its terms (sorted by key), its mean sentence embeddings
/// (unit or empty) and its facts. The corpus enters only through
/// [`CorpusStats`].
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct DocTerms {
    pub terms: Vec<TermCount>,
    pub meaning: Vec<f32>,
    pub lead_meaning: Vec<f32>,
    pub facts: DocumentFacts,
}

/// The terms of one document: `corpus` holds its compared sentences (and
/// no other document's: term ids, names and rarities are then its own),
/// `roles[i]` is sentence `i` of `corpus`.
pub fn doc_terms(corpus: &Corpus, roles: &[SentenceRole], facts: DocumentFacts) -> DocTerms {
    // Term ids of a one-document corpus are dense: one slot each.
    let mut counts: Vec<[f32; 7]> = vec![[0.0; 7]; corpus.is_name.len()];
    let dims = (0..corpus.len())
        .map(|i| corpus.sent(i).embedding.len())
        .max()
        .unwrap_or(0);
    let mut meaning = vec![0f32; dims];
    let mut lead_meaning = vec![0f32; dims];
    for i in 0..corpus.len() {
        let v = corpus.sent(i);
        let role = roles.get(i).copied().unwrap_or_default();
        let lead = role.lead;
        // Parts (see PARTS): all and lead; names in 2 and 4; quantities
        // in 3 and 5.
        for (ids, part, lead_part) in [(&v.seq, 0, 1), (&v.names, 2, 4), (&v.numbers, 3, 5)] {
            for &t in ids {
                if let Some(c) = counts.get_mut(t as usize) {
                    c[part] += 1.0;
                    if lead {
                        c[lead_part] += 1.0;
                    }
                    // The headline's words (part 6), counted once: from
                    // the sequence of all its terms.
                    if role.headline && part == 0 {
                        c[6] += 1.0;
                    }
                }
            }
        }
        if v.embedding.len() == dims {
            for (acc, x) in meaning.iter_mut().zip(&v.embedding) {
                *acc += x;
            }
            if lead {
                for (acc, x) in lead_meaning.iter_mut().zip(&v.embedding) {
                    *acc += x;
                }
            }
        }
    }
    let unit = |mut x: Vec<f32>| {
        let norm = x.iter().map(|v| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            x.iter_mut().for_each(|v| *v /= norm);
            x
        } else {
            Vec::new()
        }
    };
    let mut terms: Vec<TermCount> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, c)| c.iter().any(|&k| k > 0.0))
        .map(|(t, counts)| TermCount {
            key: corpus.term_key(t as u32),
            rarity: corpus.rarity(t as u32),
            counts,
        })
        .collect();
    crate::order::sort_by_key(&mut terms, |t| t.key);
    DocTerms {
        terms,
        meaning: unit(meaning),
        lead_meaning: unit(lead_meaning),
        facts,
    }
}

/// What the grouping needs of the whole corpus: how many documents it has
/// and in how many of them each term occurs (among all their terms). A
/// distributed job sums these over its partitions and gives each document
/// the figures of its own terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusStats {
    documents: usize,
    /// (term key, documents holding it), sorted by key.
    df: Vec<(u64, u32)>,
}

impl CorpusStats {
    /// The figures of `records`, the whole corpus.
    pub fn of(records: &[DocTerms]) -> CorpusStats {
        let mut keys: Vec<u64> = records
            .iter()
            .flat_map(|r| r.terms.iter().filter(|t| t.counts[0] > 0.0).map(|t| t.key))
            .collect();
        crate::order::sort(&mut keys);
        let mut df: Vec<(u64, u32)> = Vec::new();
        for k in keys {
            match df.last_mut() {
                Some(last) if last.0 == k => last.1 += 1,
                _ => df.push((k, 1)),
            }
        }
        CorpusStats {
            documents: records.len(),
            df,
        }
    }

    /// Figures summed elsewhere: the number of documents, and (term key,
    /// documents holding it) for at least the terms of the documents to be
    /// profiled (a key given twice counts once, the first).
    pub fn new(documents: usize, mut df: Vec<(u64, u32)>) -> CorpusStats {
        crate::order::sort_by_key(&mut df, |e| e.0);
        df.dedup_by_key(|e| e.0);
        CorpusStats { documents, df }
    }

    /// In how many documents the term `key` occurs (0 when unknown).
    pub fn df(&self, key: u64) -> u32 {
        self.df
            .binary_search_by_key(&key, |e| e.0)
            .map_or(0, |i| self.df[i].1)
    }

    /// A term in more documents than this is left out of the candidate
    /// index (its weight is small and its postings long), so the work of
    /// [`candidates`] stays near linear.
    pub fn max_df(&self) -> u32 {
        ((self.documents as f64).sqrt() as u32 * 4).max(32)
    }
}

/// A document as the grouping compares it: sparse tf-idf vectors (sorted
/// by term key, unit length or empty), the part of its all-terms vector
/// the candidate index holds (see [`CorpusStats::max_df`]), and mean
/// embeddings (unit or empty).
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Profile {
    all: Vec<(u64, f32)>,
    index: Vec<(u64, f32)>,
    lead: Vec<(u64, f32)>,
    names: Vec<(u64, f32)>,
    lead_names: Vec<(u64, f32)>,
    numbers: Vec<(u64, f32)>,
    lead_numbers: Vec<(u64, f32)>,
    headline: Vec<(u64, f32)>,
    meaning: Vec<f32>,
    lead_meaning: Vec<f32>,
    facts: DocumentFacts,
}

/// Each document's profile, the corpus being `records`.
pub fn profiles(records: &[DocTerms]) -> Vec<Profile> {
    let stats = CorpusStats::of(records);
    crate::par::map(records, |r| profile(r, &stats))
}

/// One document's profile in a corpus described by `stats` (which must
/// hold the document frequency of each of the document's terms). Terms are
/// weighted by their rarity in English times their inverse document
/// frequency in the corpus: a term every document uses says nothing about
/// which story one is in.
pub fn profile(record: &DocTerms, stats: &CorpusStats) -> Profile {
    let n = stats.documents as f32 + 1.0;
    let df = |key: u64| stats.df(key);
    // The +1 inside the log smooths, so that the words every document of a
    // one-story corpus shares still count: in five articles on one visit,
    // "Assad" is in all five and is the evidence.
    let idf = |t: &TermCount| t.rarity * (n / (df(t.key) as f32 + 0.5) + 1.0).ln();
    let vector = |part: usize| -> Vec<(u64, f32)> {
        // Sublinear term frequency: a name repeated ten times is not ten
        // times the evidence. Terms are in key order already.
        let mut v: Vec<(u64, f32)> = record
            .terms
            .iter()
            .filter(|t| t.counts[part] > 0.0)
            .map(|t| (t.key, (1.0 + t.counts[part].ln()) * idf(t)))
            .filter(|e| e.1 > 0.0)
            .collect();
        let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|e| e.1 /= norm);
        }
        v
    };
    let all = vector(0);
    let max_df = stats.max_df();
    let index = all
        .iter()
        .copied()
        .filter(|&(key, _)| df(key) <= max_df)
        .collect();
    Profile {
        all,
        index,
        lead: vector(1),
        names: vector(2),
        lead_names: vector(4),
        numbers: vector(3),
        lead_numbers: vector(5),
        headline: vector(6),
        meaning: record.meaning.clone(),
        lead_meaning: record.lead_meaning.clone(),
        facts: record.facts.clone(),
    }
}

fn sparse_cosine(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    // A lead against a whole text: look the few terms up in the many.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() * 8 < long.len() {
        return short
            .iter()
            .filter_map(|&(t, w)| {
                let k = long.binary_search_by_key(&t, |e| e.0).ok()?;
                Some(w * long[k].1)
            })
            .sum();
    }
    merge_dot(a, b)
}

/// The dot product of two sparse vectors sorted by key, summed in key
/// order (the order [`candidates`] sums in).
fn merge_dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

fn dense_cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        0.0
    } else {
        cosine(a, b)
    }
}

/// The features of a document pair, each in [0, 1]:
///
/// 0. cosine of all their terms' tf-idf;
/// 1. the same over their leads (headline and first sentences);
/// 2. the larger of either lead against the other's whole text;
/// 3. cosine of the names they mention;
/// 4. cosine of the quantities they state;
/// 5. cosine of their mean sentence embeddings;
/// 6. the same over their leads;
/// 7. days between their publication dates, over a year (capped at 1),
///    when both are known;
/// 8. both publication dates known;
/// 9. years between their times ([`DocumentFacts`]: publication date or
///    elapsed estimate), over 5 (capped at 1), when both are known and
///    one is an estimate (feature 7 covers two publication dates);
/// 10. feature 0 over the best feature 0 either document has with any
///     document that is not its copy (`best`, see [`COPY_COSINE`]): how
///     near this pair is among each one's nearest;
/// 11. the larger share (by weight) of either lead's names that the other
///     document never mentions: who the lead is about differs (another
///     office holder, another celebrity in the same kind of event);
/// 12. how far the latest time one document states passes the day the
///     other was written by (its publication date, or its elapsed estimate
///     and two years), less [`AFTER_MARGIN_DAYS`], over a year (capped at
///     1): a report cannot cover what happened after it was written. At 1
///     the two are never one story (see [`apart`]);
/// 13. both headlines name months and none the same ("jobs in July"
///     against "jobs in September": a monthly figure of another month);
/// 14. both leads state quantities and none the same ("adds 194K jobs"
///     against "adds 943K jobs": one kind of figure, another release);
/// 15. feature 2 over the smaller of the best feature 2 either document
///     has with a document that is not its copy (capped at 1): feature 10
///     asks whether the pair is near among the nearer one's neighbours,
///     this among the farther one's;
/// 16. each is among the other's two nearest documents by feature 0
///     (ties by pair order), both having more than two candidates: shared
///     nearest neighbours (Jarvis and Patrick
///     1973), which tell a pair of one story from two stories on one
///     subject better than any cosine does;
/// 17. both leads name months and none the same (as 13, over the lead);
/// 18. both leads name weekdays and none the same: outlets reporting one
///     event name its day ("on Wednesday"), and an event on another day of
///     one subject (the next vote, the agency's next ruling) names another;
/// 19. cosine of their headlines' terms (the first sentence's without a
///     headline): one event's headlines agree more than their bodies.
///
/// Features 15 and 16 need every candidate pair: [`pair_table`] fills them
/// and this function leaves them 0.
pub fn pair_features(p: &Profile, q: &Profile, best: (f32, f32)) -> [f32; N_FEATURES] {
    features_with(p, q, sparse_cosine(&p.all, &q.all), best)
}

/// [`pair_features`] with feature 0, the all-terms cosine, already known
/// (see [`all_cosine`]).
pub fn features_with(p: &Profile, q: &Profile, all: f32, best: (f32, f32)) -> [f32; N_FEATURES] {
    let lead = sparse_cosine(&p.lead, &q.lead);
    let lead_all = sparse_cosine(&p.lead, &q.all).max(sparse_cosine(&p.all, &q.lead));
    let names = sparse_cosine(&p.names, &q.names);
    let numbers = sparse_cosine(&p.numbers, &q.numbers);
    let meaning = dense_cosine(&p.meaning, &q.meaning).max(0.0);
    let lead_meaning = dense_cosine(&p.lead_meaning, &q.lead_meaning).max(0.0);
    let (gap, dated) = match (p.facts.published, q.facts.published) {
        (Some(a), Some(b)) => (((a - b).abs() as f32 / 365.0).min(1.0), 1.0),
        _ => (0.0, 0.0),
    };
    let years = match (p.facts.when(), q.facts.when()) {
        (Some(a), Some(b)) if dated == 0.0 => ((a - b).abs() as f32 / (5.0 * 365.0)).min(1.0),
        _ => 0.0,
    };
    let passes = |x: &DocumentFacts, y: &DocumentFacts| -> f32 {
        match (x.time.latest, y.written_by()) {
            (Some(stated), Some(by)) => {
                ((stated - by - AFTER_MARGIN_DAYS).max(0) as f32 / 365.0).min(1.0)
            }
            _ => 0.0,
        }
    };
    let after = passes(&p.facts, &q.facts).max(passes(&q.facts, &p.facts));
    let numbers_differ = if !p.lead_numbers.is_empty()
        && !q.lead_numbers.is_empty()
        && sparse_cosine(&p.lead_numbers, &q.lead_numbers) <= 0.0
    {
        1.0
    } else {
        0.0
    };
    let (pl, ql) = (p.facts.lead_months, q.facts.lead_months);
    let lead_months_differ = if pl != 0 && ql != 0 && pl & ql == 0 {
        1.0
    } else {
        0.0
    };
    let (pm, qm) = (p.facts.headline_months, q.facts.headline_months);
    let months_differ = if pm != 0 && qm != 0 && pm & qm == 0 {
        1.0
    } else {
        0.0
    };
    let unshared = |lead: &[(u64, f32)], other: &[(u64, f32)]| -> f32 {
        let total: f32 = lead.iter().map(|e| e.1).sum();
        if total <= 0.0 {
            return 0.0;
        }
        let missing: f32 = lead
            .iter()
            .filter(|e| other.binary_search_by_key(&e.0, |o| o.0).is_err())
            .map(|e| e.1)
            .sum();
        missing / total
    };
    let lead_names_unshared = unshared(&p.lead_names, &q.all).max(unshared(&q.lead_names, &p.all));
    let relative = relative(all, best);
    let (pw, qw) = (p.facts.lead_weekdays, q.facts.lead_weekdays);
    let weekdays_differ = if pw != 0 && qw != 0 && pw & qw == 0 {
        1.0
    } else {
        0.0
    };
    [
        all,
        lead,
        lead_all,
        names,
        numbers,
        meaning,
        lead_meaning,
        gap,
        dated,
        years,
        relative,
        lead_names_unshared,
        after,
        months_differ,
        numbers_differ,
        0.0,
        0.0,
        lead_months_differ,
        weekdays_differ,
        sparse_cosine(&p.headline, &q.headline),
    ]
}

/// Whether the features `f` of a pair (see [`pair_features`]) rule out one
/// story: one states a time a year or more past the day the other was
/// written by.
pub fn apart(f: &[f32; N_FEATURES]) -> bool {
    f[12] >= 1.0
}

/// Logistic weights over [`pair_features`], the bias last; learned by
/// `scripts/train_stories.py` (see there for the data and the split).
pub const WEIGHTS: [f32; N_FEATURES + 1] = [
    0.0,     // all: its sign constraint holds it at 0 beside `relative`
    0.6443,  // lead
    0.0,     // lead_all: held at 0
    0.0,     // names: held at 0 beside lead_names_unshared
    0.0,     // numbers: held at 0
    2.8026,  // meaning
    0.0,     // lead_meaning: held at 0
    0.0,     // date_gap: no penalty helped on the training corpora
    0.0,     // dated: never evidence by itself
    0.0,     // time_gap: as date_gap
    2.7285,  // relative
    -2.2875, // lead_names_unshared
    -8.7266, // after (at 1 the pair is also `apart`)
    -8.0589, // months_differ
    -0.6087, // numbers_differ
    2.8435,  // relative_low
    1.4833,  // mutual_nearest
    -1.4917, // lead_months_differ
    -2.3069, // lead_weekdays_differ
    6.0434,  // headline
    -5.1282, // bias
];

/// Average probability at which two stories are one: the mean B-cubed F1
/// of the training corpora is highest here (`scripts/train_stories.py`).
pub const THRESHOLD: f32 = 0.35;

/// Pairs scoring below this cosine of all terms are not candidates: they
/// share too little to be one story.
pub const CANDIDATE_FLOOR: f32 = 0.05;

/// The probability that documents `p` and `q` report one event.
pub fn probability(f: &[f32; N_FEATURES]) -> f32 {
    let z: f32 = f.iter().zip(&WEIGHTS).map(|(x, w)| x * w).sum::<f32>() + WEIGHTS[N_FEATURES];
    1.0 / (1.0 + (-z).exp())
}

/// Candidate pairs `(a, b, dot)` with `a < b` whose dot product over the
/// terms of the candidate index (see [`CorpusStats::max_df`]) reaches
/// [`CANDIDATE_FLOOR`]: the pairs [`candidate_dot`] admits, found through
/// an inverted index so that the work stays near linear.
pub fn candidates(profiles: &[Profile]) -> Vec<(u32, u32, f32)> {
    let n = profiles.len();
    // Postings: (term, document, weight) by term, documents ascending
    // within a term (the sort is stable).
    let mut postings: Vec<(u64, u32, f32)> = profiles
        .iter()
        .enumerate()
        .flat_map(|(d, p)| p.index.iter().map(move |&(t, w)| (t, d as u32, w)))
        .collect();
    crate::order::sort_by_key(&mut postings, |e| e.0);
    let rows = crate::par::map_range(n, |a| {
        // Dense sums over the later documents, with the touched ones listed:
        // no hashing in the innermost loop. Each sum runs over the terms in
        // key order, as [`candidate_dot`] does, so the two agree exactly.
        let mut dots = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        for &(t, wa) in &profiles[a].index {
            let start = postings.partition_point(|e| e.0 < t);
            let list = postings[start..].iter().take_while(|e| e.0 == t);
            for &(_, b, wb) in list.filter(|e| e.1 as usize > a) {
                if dots[b as usize] == 0.0 {
                    touched.push(b);
                }
                dots[b as usize] += wa * wb;
            }
        }
        crate::order::sort(&mut touched);
        touched
            .into_iter()
            .filter(|&b| dots[b as usize] >= CANDIDATE_FLOOR)
            .map(|b| (a as u32, b, dots[b as usize]))
            .collect::<Vec<_>>()
    });
    rows.into_iter().flatten().collect()
}

/// The dot product of two profiles over the terms of the candidate index:
/// the pair is a candidate when it reaches [`CANDIDATE_FLOOR`]. For a job
/// that finds candidate pairs by other means (a join on index terms) and
/// must admit exactly those [`candidates`] admits.
pub fn candidate_dot(p: &Profile, q: &Profile) -> f32 {
    merge_dot(&p.index, &q.index)
}

/// The index terms of a profile and their weights: the keys on which a
/// distributed job joins documents to find candidate pairs.
pub fn index_terms(p: &Profile) -> &[(u64, f32)] {
    &p.index
}

/// The all-terms cosine of two profiles (feature 0).
pub fn all_cosine(p: &Profile, q: &Profile) -> f32 {
    sparse_cosine(&p.all, &q.all)
}

/// Whether two documents at all-terms cosine `all` are copies of one text
/// (see [`COPY_COSINE`]); a copy is no measure of how near the others are.
pub fn is_copy(all: f32) -> bool {
    all >= COPY_COSINE
}

/// Feature 10: the all-terms cosine `all` over the better of the two
/// documents' best cosines with a document that is not its copy.
fn relative(all: f32, best: (f32, f32)) -> f32 {
    let top = best.0.max(best.1);
    // Neither has a neighbour that is not a copy: this pair, a copy or the
    // only neighbour either has, is as near as any.
    if top > 0.0 {
        (all / top).min(1.0)
    } else if all > 0.0 {
        1.0
    } else {
        0.0
    }
}

/// Fills the features of a pair that depend on its neighbourhood: 10 from
/// each document's best all-terms cosine with a document that is not its
/// copy (`best`), 15 from their best feature 2 likewise (`best_lead`), 16
/// from whether each is among the other's two nearest, both having more
/// than two candidates (`mutual_nearest`). The others may have been
/// computed with any `best`.
pub fn finish_features(
    f: &mut [f32; N_FEATURES],
    best: (f32, f32),
    best_lead: (f32, f32),
    mutual_nearest: bool,
) {
    f[10] = relative(f[0], best);
    let low = best_lead.0.min(best_lead.1);
    f[15] = if low > 0.0 {
        (f[2] / low).min(1.0)
    } else if f[2] > 0.0 {
        1.0
    } else {
        0.0
    };
    f[16] = if mutual_nearest { 1.0 } else { 0.0 };
}

/// A candidate document pair `(a, b)`, `a < b`, with its features.
pub type PairRow = (u32, u32, [f32; N_FEATURES]);

/// All-terms cosine from which two documents count as copies of one text.
pub const COPY_COSINE: f32 = 0.6;

/// Every candidate pair with its features (for grouping and for training).
pub fn pair_table(profiles: &[Profile]) -> Vec<PairRow> {
    let pairs = candidates(profiles);
    let mut best = vec![0f32; profiles.len()];
    let exact: Vec<f32> = crate::par::map(&pairs, |&(a, b, _)| {
        all_cosine(&profiles[a as usize], &profiles[b as usize])
    });
    for (&(a, b, _), &c) in pairs.iter().zip(&exact) {
        if !is_copy(c) {
            best[a as usize] = best[a as usize].max(c);
            best[b as usize] = best[b as usize].max(c);
        }
    }
    let with_cosine: Vec<(u32, u32, f32)> = pairs
        .iter()
        .zip(exact)
        .map(|(&(a, b, _), c)| (a, b, c))
        .collect();
    let mut rows = crate::par::map(&with_cosine, |&(a, b, all)| {
        let f = features_with(
            &profiles[a as usize],
            &profiles[b as usize],
            all,
            (best[a as usize], best[b as usize]),
        );
        (a, b, f)
    });
    // Feature 15: lead against text, relative to the farther one's best.
    let mut best_lead = vec![0f32; profiles.len()];
    for (a, b, f) in &rows {
        if !is_copy(f[0]) {
            best_lead[*a as usize] = best_lead[*a as usize].max(f[2]);
            best_lead[*b as usize] = best_lead[*b as usize].max(f[2]);
        }
    }
    // Feature 16: each document's candidate pairs, nearest first (ties in
    // pair order: by first document, then second).
    let mut nearest: Vec<Vec<(f32, usize)>> = vec![Vec::new(); profiles.len()];
    for (k, (a, b, f)) in rows.iter().enumerate() {
        nearest[*a as usize].push((f[0], k));
        nearest[*b as usize].push((f[0], k));
    }
    let mut top = vec![0u8; rows.len()];
    for list in &mut nearest {
        crate::order::sort_by(list, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        for &(_, k) in list.iter().take(2) {
            top[k] += 1;
        }
    }
    for (k, (a, b, f)) in rows.iter_mut().enumerate() {
        // Among two nearest of two or fewer is no choice: it says nothing.
        let chose = |d: u32| nearest[d as usize].len() > 2;
        let mutual = top[k] == 2 && chose(*a) && chose(*b);
        finish_features(
            f,
            (best[*a as usize], best[*b as usize]),
            (best_lead[*a as usize], best_lead[*b as usize]),
            mutual,
        );
    }
    rows
}

/// The stories of the documents described by `profiles`.
pub fn group(profiles: &[Profile]) -> Stories {
    let table = pair_table(profiles);
    let edges: Vec<(u32, u32, f32)> = table
        .iter()
        .map(|(a, b, f)| (*a, *b, probability(f)))
        .collect();
    let never: Vec<(u32, u32)> = table
        .iter()
        .filter(|(_, _, f)| apart(f))
        .map(|&(a, b, _)| (a, b))
        .collect();
    link(profiles.len(), &edges, &never, THRESHOLD)
}

/// The stories of `n` documents from their scored candidate pairs: the
/// [`average_linkage`] of `edges` at `threshold`, then every document left
/// alone joins the story of its most probable partner when that pair alone
/// reaches `threshold` and no `never` pair forbids it. A short report of
/// an event shares fewer words with each of several long ones than they
/// share with each other: its mean falls under the threshold though its
/// best pair is above it (measured on the training corpora of
/// `scripts/train_stories.py`: ECB+ B-cubed F1 0.954 → 0.976, the three
/// AllSides samples +0.002 each).
pub fn link(n: usize, edges: &[(u32, u32, f32)], never: &[(u32, u32)], threshold: f32) -> Stories {
    let found = average_linkage(n, edges, never, threshold);
    let mut best: Vec<Option<(f32, usize)>> = vec![None; n];
    for &(a, b, p) in edges {
        let (a, b) = (a as usize, b as usize);
        if a == b || a >= n || b >= n || p < threshold {
            continue;
        }
        for (x, y) in [(a, b), (b, a)] {
            if best[x].is_none_or(|(q, _)| p > q) {
                best[x] = Some((p, y));
            }
        }
    }
    let mut label = found.story_of.clone();
    for d in 0..n {
        let Some((_, partner)) = best[d] else {
            continue;
        };
        if found.members[found.story_of[d]].len() != 1 {
            continue;
        }
        let target = found.story_of[partner];
        let forbidden = never.iter().any(|&(a, b)| {
            let (a, b) = (a as usize, b as usize);
            (a == d && found.story_of.get(b) == Some(&target))
                || (b == d && found.story_of.get(a) == Some(&target))
        });
        if !forbidden {
            label[d] = target;
        }
    }
    Stories::from_labels(&label)
}

/// Average-linkage agglomerative clustering of `n` items over sparse
/// similarities (`edges`, absent pairs count 0): the two clusters whose
/// mean pairwise similarity is highest merge while it reaches `threshold`,
/// unless an item of one and an item of the other are a pair of `never`
/// (a constraint that no average outweighs: Wagstaff et al. 2001's
/// cannot-link, applied to agglomeration).
pub fn average_linkage(
    n: usize,
    edges: &[(u32, u32, f32)],
    never: &[(u32, u32)],
    threshold: f32,
) -> Stories {
    // Sum of similarities between live clusters, by cluster pair (low, high).
    let mut sums: Vec<HashMap<u32, f32>> = vec![HashMap::new(); n];
    for &(a, b, s) in edges {
        if a == b || a as usize >= n || b as usize >= n {
            continue;
        }
        *sums[a as usize].entry(b).or_default() += s;
        *sums[b as usize].entry(a).or_default() += s;
    }
    // The live clusters each may never join.
    let mut apart: Vec<HashSet<u32>> = vec![HashSet::new(); n];
    for &(a, b) in never {
        if a != b && (a as usize) < n && (b as usize) < n {
            apart[a as usize].insert(b);
            apart[b as usize].insert(a);
        }
    }
    let mut size = vec![1u32; n];
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut alive = vec![true; n];
    #[derive(PartialEq)]
    struct Candidate(f32, u32, u32);
    impl Eq for Candidate {}
    impl PartialOrd for Candidate {
        fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(o))
        }
    }
    impl Ord for Candidate {
        fn cmp(&self, o: &Self) -> std::cmp::Ordering {
            // Highest mean first; ties by lower ids, so the order is stable.
            self.0
                .total_cmp(&o.0)
                .then_with(|| o.1.cmp(&self.1))
                .then_with(|| o.2.cmp(&self.2))
        }
    }
    let mut heap = BinaryHeap::new();
    for (a, row) in sums.iter().enumerate() {
        for (&b, &s) in row {
            if (a as u32) < b && s >= threshold {
                heap.push(Candidate(s, a as u32, b));
            }
        }
    }
    while let Some(Candidate(mean, a, b)) = heap.pop() {
        if !alive[a as usize] || !alive[b as usize] {
            continue;
        }
        let current = sums[a as usize].get(&b).copied().unwrap_or(0.0)
            / (size[a as usize] * size[b as usize]) as f32;
        if (current - mean).abs() > 1e-6 {
            continue; // stale: the pair changed since it was queued
        }
        if apart[a as usize].contains(&b) {
            continue;
        }
        // Merge b into a.
        alive[b as usize] = false;
        parent[b as usize] = a;
        size[a as usize] += size[b as usize];
        for c in std::mem::take(&mut apart[b as usize]) {
            let back = &mut apart[c as usize];
            back.remove(&b);
            back.insert(a);
            apart[a as usize].insert(c);
        }
        let from_b = std::mem::take(&mut sums[b as usize]);
        sums[a as usize].remove(&b);
        for (c, s) in from_b {
            if c == a {
                continue;
            }
            *sums[a as usize].entry(c).or_default() += s;
            let back = &mut sums[c as usize];
            let moved = back.remove(&b).unwrap_or(0.0);
            *back.entry(a).or_default() += moved;
        }
        for (&c, &s) in &sums[a as usize] {
            let m = s / (size[a as usize] * size[c as usize]) as f32;
            if m >= threshold {
                let (x, y) = if a < c { (a, c) } else { (c, a) };
                heap.push(Candidate(m, x, y));
            }
        }
    }
    let root = |mut x: u32| {
        while parent[x as usize] != x {
            x = parent[x as usize];
        }
        x
    };
    let labels: Vec<u32> = (0..n as u32).map(root).collect();
    Stories::from_labels(&labels)
}

/// B-cubed precision, recall and F1 of `predicted` against `gold` labels
/// (Bagga and Baldwin 1998): per item, the share of its predicted cluster
/// that shares its gold cluster, and of its gold cluster that shares its
/// predicted cluster, averaged over items.
pub fn b_cubed<T: Eq + std::hash::Hash, U: Eq + std::hash::Hash>(
    predicted: &[T],
    gold: &[U],
) -> (f64, f64, f64) {
    let n = predicted.len().min(gold.len());
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let mut both: HashMap<(&T, &U), usize> = HashMap::new();
    let mut pred: HashMap<&T, usize> = HashMap::new();
    let mut truth: HashMap<&U, usize> = HashMap::new();
    for (p, g) in predicted.iter().zip(gold).take(n) {
        *both.entry((p, g)).or_default() += 1;
        *pred.entry(p).or_default() += 1;
        *truth.entry(g).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (p, g) in predicted.iter().zip(gold).take(n) {
        let common = both[&(p, g)] as f64;
        precision += common / pred[p] as f64;
        recall += common / truth[g] as f64;
    }
    precision /= n as f64;
    recall /= n as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}

/// Days since 1970-01-01 of an ISO 8601 date with a year (`2019-02-26`,
/// `2019-02`, `2019`; a time after the date is ignored); `None` without a
/// year (`--02-27`) or out of range.
pub fn days_of(iso: &str) -> Option<i64> {
    let date = iso.get(..10.min(iso.len()))?;
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    if !(1000..=9999).contains(&year) {
        return None;
    }
    let month: i64 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(1);
    let day: i64 = parts.next().and_then(|d| d.parse().ok()).unwrap_or(1);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from civil (H. Hinnant's algorithm, proleptic Gregorian).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

/// What a text says of its own time, in days since 1970-01-01 (see
/// [`text_time`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct TextTime {
    /// The latest past time the text states: the first day of the latest
    /// month of a year it names ("in January 2020", "Feb. 25, 2019"), or
    /// January 1 of the latest year it names after a preposition ("in
    /// 2019", "since 2011"), or of an elapsed estimate (below). A text is
    /// written no earlier: a lower bound of its time.
    pub latest: Option<i64>,
    /// January 1 of the year an elapsed duration implies: "the 11-year war"
    /// beside "the start of the war in 2011" gives 2022. A point estimate
    /// of the text's time for a text without a publication date.
    pub elapsed: Option<i64>,
}

/// Tokens of a text for [`text_time`]: (word, sentence number). A word is
/// a run of letters and digits with inner hyphens or apostrophes; a
/// sentence ends at a line break or at `.`, `!`, `?` before white space.
/// Words in square brackets are left out: an insertion by another hand (an
/// editor's note, a caption's credit, an archive's "[downloaded on 2
/// October 2013]") says nothing of when the report was written.
fn time_tokens(text: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut start: Option<usize> = None;
    let mut bracket = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|e| e.1);
        let inner = matches!(c, '-' | '\'' | '\u{2019}')
            && start.is_some()
            && next.is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take().filter(|_| !bracket) {
            out.push((&text[s..i], sentence));
        }
        match c {
            '[' => bracket = true,
            ']' | '\n' => bracket = false,
            _ => {}
        }
        if c == '\n' || (matches!(c, '.' | '!' | '?') && next.is_none_or(char::is_whitespace)) {
            sentence += 1;
        }
    }
    if let Some(s) = start.filter(|_| !bracket) {
        out.push((&text[s..], sentence));
    }
    out
}

/// The month (1-12) a capitalised month name or its abbreviation names.
fn month_of(word: &str) -> Option<i64> {
    let short = |n: &str| word.len() == 3 && n.starts_with(word);
    crate::ingest::meta::MONTH_NAMES
        .iter()
        .position(|n| *n == word || (word != "May" && short(n)) || (word == "Sept"))
        .map(|k| if word == "Sept" { 9 } else { k as i64 + 1 })
}

/// The months (bit m - 1 for month m) `text` names by a capitalised name
/// or abbreviation ("July", "Sept."), "May" only beside a day or a year.
pub fn months_named(text: &str) -> u16 {
    let tokens = time_tokens(text);
    let mut mask = 0u16;
    for (k, &(w, _)) in tokens.iter().enumerate() {
        let Some(m) = month_of(w) else { continue };
        if w == "May" {
            let dated = |j: usize| {
                tokens
                    .get(j)
                    .is_some_and(|t| t.0.bytes().all(|b| b.is_ascii_digit()))
            };
            if !(dated(k + 1) || k.checked_sub(1).is_some_and(dated)) {
                continue;
            }
        }
        mask |= 1 << (m - 1);
    }
    mask
}

/// The weekdays (bit 0 for Monday) `text` names by a capitalised name.
pub fn weekdays_named(text: &str) -> u8 {
    let mut mask = 0u8;
    for (w, _) in time_tokens(text) {
        // "Wednesday's vote" too.
        let day = w
            .strip_suffix("'s")
            .or(w.strip_suffix("\u{2019}s"))
            .unwrap_or(w);
        // Capitalised as a name ("Monday"), not shouted or lower-case.
        let named = |d: &&str| {
            day.chars().next().is_some_and(|f| f.is_ascii_uppercase())
                && day.get(1..) == d.get(1..)
                && day.eq_ignore_ascii_case(d)
        };
        if let Some(k) = crate::ingest::meta::WEEKDAYS.iter().position(named) {
            mask |= 1 << k;
        }
    }
    mask
}

fn year_of(word: &str) -> Option<i64> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i64 = word.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn small_number(word: &str) -> Option<i64> {
    const WORDS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let lower = word.to_lowercase();
    if let Some(k) = WORDS.iter().position(|w| *w == lower) {
        return Some(k as i64 + 1);
    }
    let n: i64 = word.parse().ok()?;
    (1..=100).contains(&n).then_some(n)
}

/// What `text` says of its own time (see [`TextTime`]). Years count only
/// when stated as past: after a month, or after a preposition of time
/// ("in", "since", "of", ...), in a sentence with a verb of the past
/// ("was", "-ed") and no word of the future or of a schedule ("will",
/// "expected", "release date": "will be held in 2024" says nothing of when
/// the text was written). Weekdays and months without a year say nothing
/// either: they could be any year.
pub fn text_time(text: &str) -> TextTime {
    let tokens = time_tokens(text);
    // Token ranges of the sentences (tokens come in sentence order).
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        match sentences.last_mut() {
            Some(r) if tokens[r.0].1 == t.1 => r.1 = k + 1,
            _ => sentences.push((k, k + 1)),
        }
    }
    // Whether a sentence tells the past: a verb of the past and no word of
    // the future or of a schedule ("is scheduled to open in November
    // 2013", "has a release date of 22 November 2013" tell no past).
    let tells_past = |(from, to): (usize, usize)| -> bool {
        const FUTURE: [&str; 26] = [
            "will",
            "would",
            "shall",
            "next",
            "until",
            "till",
            "expected",
            "expects",
            "expect",
            "plans",
            "plan",
            "planned",
            "scheduled",
            "slated",
            "due",
            "upcoming",
            "ahead",
            "could",
            "might",
            "should",
            "release",
            "releases",
            "deadline",
            "expire",
            "expires",
            "target",
        ];
        const PAST: [&str; 26] = [
            "was",
            "were",
            "had",
            "did",
            "ago",
            "previously",
            "earlier",
            "began",
            "met",
            "won",
            "lost",
            "took",
            "made",
            "left",
            "went",
            "came",
            "became",
            "held",
            "fell",
            "rose",
            "told",
            "saw",
            "got",
            "gave",
            "led",
            "wrote",
        ];
        let mut past = false;
        for t in &tokens[from..to] {
            let w = t.0.to_lowercase();
            if FUTURE.contains(&w.as_str()) || w.ends_with("'ll") || w.ends_with("\u{2019}ll") {
                return false;
            }
            past |= PAST.contains(&w.as_str()) || (w.len() >= 5 && w.ends_with("ed"));
        }
        past
    };
    let past: Vec<bool> = sentences.iter().map(|&r| tells_past(r)).collect();
    let sentence_of: Vec<usize> = sentences
        .iter()
        .enumerate()
        .flat_map(|(k, &(from, to))| std::iter::repeat_n(k, to - from))
        .collect();
    const BEFORE_YEAR: [&str; 10] = [
        "in",
        "since",
        "of",
        "from",
        "during",
        "after",
        "throughout",
        "early",
        "late",
        "mid",
    ];
    let mut latest: Option<i64> = None;
    for (k, &(w, _)) in tokens.iter().enumerate() {
        let Some(year) = year_of(w) else { continue };
        let prev = k.checked_sub(1).map(|j| tokens[j].0);
        // "January 2020", "Feb. 25, 2019": the month before, maybe a day.
        let day = prev.is_some_and(|p| p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()));
        let month = match prev.and_then(month_of) {
            Some(m) => Some(m),
            None if day => k.checked_sub(2).and_then(|j| month_of(tokens[j].0)),
            None => None,
        };
        let after_preposition =
            prev.is_some_and(|p| BEFORE_YEAR.contains(&p.to_lowercase().as_str()));
        if (month.is_none() && !after_preposition) || !past[sentence_of[k]] {
            continue;
        }
        let iso = format!("{year:04}-{:02}-01", month.unwrap_or(1));
        if let Some(d) = days_of(&iso) {
            latest = Some(latest.map_or(d, |l| l.max(d)));
        }
    }
    // "the 11-year war" and, in a sentence naming the war's start, a year.
    let mut elapsed: Option<i64> = None;
    const START: [&str; 8] = [
        "start",
        "began",
        "begun",
        "beginning",
        "since",
        "outbreak",
        "started",
        "erupted",
    ];
    for (k, &(w, _)) in tokens.iter().enumerate() {
        let Some(n) = w.strip_suffix("-year").and_then(small_number) else {
            continue;
        };
        let Some(&(noun, _)) = tokens.get(k + 1) else {
            continue;
        };
        if !noun.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        for &(from, to) in &sentences {
            let words = &tokens[from..to];
            let names_noun = words
                .iter()
                .enumerate()
                .any(|(j, t)| from + j != k + 1 && t.0.eq_ignore_ascii_case(noun));
            let names_start = words
                .iter()
                .any(|t| START.contains(&t.0.to_lowercase().as_str()));
            if !(names_noun && names_start) {
                continue;
            }
            // The earliest year of the sentence is the start ("began in
            // 2011 and ..."); of several such sentences, the earliest too:
            // an estimate too early only misses a conflict.
            let start = words.iter().filter_map(|t| year_of(t.0)).min();
            if let Some(d) = start.and_then(|y| days_of(&format!("{:04}-01-01", y + n))) {
                elapsed = Some(elapsed.map_or(d, |e| e.min(d)));
            }
        }
    }
    if let Some(e) = elapsed {
        latest = Some(latest.map_or(e, |l| l.max(e)));
    }
    TextTime { latest, elapsed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_linkage_merges_cliques_and_not_chains() {
        // 0-1-2 a clique; 3 hangs on 2 alone; 4 is alone.
        let edges = [(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.85), (2, 3, 0.7)];
        let s = average_linkage(5, &edges, &[], 0.5);
        assert_eq!(s.story_of[0], s.story_of[1]);
        assert_eq!(s.story_of[1], s.story_of[2]);
        assert_ne!(
            s.story_of[3], s.story_of[0],
            "one chain link is not a story"
        );
        assert_eq!(s.members.len(), 3);
        assert_eq!(s.members[2], vec![4]);
    }

    #[test]
    fn a_document_left_alone_joins_its_best_partners_story() {
        // 0-1-2 one tight story; 3 close to 0 only (0.5), far from 1 and 2:
        // its mean (0.5 + 0.1 + 0.1) / 3 is under 0.35, its best pair over.
        let edges = [
            (0, 1, 0.9),
            (0, 2, 0.9),
            (1, 2, 0.9),
            (0, 3, 0.5),
            (1, 3, 0.1),
            (2, 3, 0.1),
            (4, 3, 0.2),
        ];
        assert_eq!(
            average_linkage(5, &edges, &[], 0.35).story_of,
            [0, 0, 0, 1, 2]
        );
        assert_eq!(link(5, &edges, &[], 0.35).story_of, [0, 0, 0, 0, 1]);
        // A cannot-link pair with any member keeps it apart.
        assert_eq!(link(5, &edges, &[(3, 2)], 0.35).story_of, [0, 0, 0, 1, 2]);
    }

    #[test]
    fn b_cubed_of_known_cases() {
        let (p, r, f) = b_cubed(&[0, 0, 1, 1], &["a", "a", "b", "b"]);
        assert!((p - 1.0).abs() < 1e-9 && (r - 1.0).abs() < 1e-9 && (f - 1.0).abs() < 1e-9);
        let (p, r, _) = b_cubed(&[0, 0, 0, 0], &["a", "a", "b", "b"]);
        assert!((p - 0.5).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
    }

    #[test]
    fn dates_and_years_are_read() {
        assert_eq!(days_of("1970-01-01"), Some(0));
        assert_eq!(days_of("2019-02-26"), Some(17953));
        assert_eq!(days_of("2019-02-26T10:00:00Z"), Some(17953));
        assert_eq!(days_of("--02-27"), None);
        assert_eq!(days_of("2019"), days_of("2019-01-01"));
        let day = |iso: &str| days_of(iso);
        let t = text_time("The war began in 2011. He visited in 2019 and in January 2020.");
        assert_eq!(t.latest, day("2020-01-01"));
        assert_eq!(t.elapsed, None);
        let t = text_time("He was elected in 2012. [downloaded on 2 October 2013]");
        assert_eq!(t.latest, day("2012-01-01"), "an insertion in brackets");
        // Paid sums, bare numbers and the future say nothing of the past.
        let t = text_time("paid $2,019 and 20190 units; 2050 people will vote in 2024");
        assert_eq!(t.latest, None);
        assert_eq!(text_time("no year").latest, None);
        let t = text_time(
            "Nearly 400,000 died in the 11-year war. It is his second trip since \
             the start of the war in 2011. He met them on Feb. 25, 2019.",
        );
        assert_eq!(t.elapsed, day("2022-01-01"));
        assert_eq!(t.latest, day("2022-01-01"));
        assert_eq!(
            months_named("Jobs rose in Sept. and July; May we? May 5"),
            (1 << 8) | (1 << 6) | (1 << 4)
        );
        assert_eq!(
            weekdays_named("The FDA on Wednesday, after Friday\u{2019}s vote; sunday"),
            (1 << 2) | (1 << 4)
        );
    }

    #[test]
    fn empty_corpus_has_no_stories() {
        let s = average_linkage(0, &[], &[], 0.5);
        assert!(s.is_empty());
        assert_eq!(Stories::single(0).len(), 0);
    }
}
