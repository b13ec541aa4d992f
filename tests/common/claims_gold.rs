//! Scoring claims against a hand-made alignment gold (`tests/gold/basil_claims/`):
//! a gold file and the Report of the same articles in; pair precision and
//! recall out.
//!
//! A gold file names spans of the articles by character offsets (Unicode
//! scalar values, as BASIL's own annotations do) so that no article text is
//! kept in the project:
//!
//! ```json
//! {"group": "2011_97566c74",
//!  "claims":    [[["foxnews", 80, 186], ["nytimes", 36, 103]], ...],
//!  "maybe":     [[...], ...],
//!  "negatives": [[["foxnews", 1, 9], ["huffpost", 4, 30]], ...]}
//! ```
//!
//! Every span of a claim reports that claim; two spans of one claim in
//! different outlets make a gold pair. `maybe` groups are pairs a careful
//! reader could take either way; `negatives` look alike and are not.
//!
//! Scoring, as the alignment issue defines it: a span is held by every
//! Report sentence its text overlaps. A predicted pair is two sentences of
//! different documents in one claim. Recall is the share of gold sentence
//! pairs predicted; precision is taken over predicted pairs whose two
//! sentences both hold an annotated span, and counts gold and maybe pairs as
//! right.

use parallax::Report;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// One annotated span: outlet (file stem) and char offsets.
/// The BASIL triplets the claims work was tuned on (`tests/claims_gold.rs`
/// holds its figures to a floor; `tests/quotation_units.rs` checks their marks).
pub const DEVELOPMENT: &[&str] = &[
    "2011_005a2961",
    "2011_2153fb3e",
    "2011_97566c74",
    "2013_11c9f251",
    "2013_68748e7f",
    "2013_84678e18",
    "2013_f506aafc",
    "2015_2742e9c1",
    "2015_2b9468af",
    "2015_4f473faf",
    "2015_7f9c83f7",
    "2015_c5534b7e",
    "2017_72fa9b13",
    "2017_d16050b3",
    "2017_dd1e6e3b",
    "2017_df6a55fb",
    "2019_2f3e86b6",
    "2019_e71d149d",
];

pub type Span = (String, usize, usize);

pub struct Gold {
    pub group: String,
    pub claims: Vec<Vec<Span>>,
    pub maybe: Vec<Vec<Span>>,
    pub negatives: Vec<(Span, Span)>,
}

fn span(v: &Value) -> Span {
    (
        v[0].as_str().expect("outlet").to_string(),
        v[1].as_u64().expect("start") as usize,
        v[2].as_u64().expect("end") as usize,
    )
}

impl Gold {
    pub fn parse(text: &str) -> Gold {
        let v: Value = serde_json::from_str(text).expect("gold is JSON");
        let groups = |k: &str| -> Vec<Vec<Span>> {
            v[k].as_array()
                .map(|a| {
                    a.iter()
                        .map(|g| g.as_array().expect("group").iter().map(span).collect())
                        .collect()
                })
                .unwrap_or_default()
        };
        Gold {
            group: v["group"].as_str().expect("group").to_string(),
            claims: groups("claims"),
            maybe: groups("maybe"),
            negatives: v["negatives"]
                .as_array()
                .map(|a| a.iter().map(|p| (span(&p[0]), span(&p[1]))).collect())
                .unwrap_or_default(),
        }
    }
}

/// Counts for one corpus (sums over corpora give pooled figures).
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub gold_pairs: usize,
    pub found: usize,
    /// Predicted pairs whose sentences both hold annotated spans.
    pub judged: usize,
    pub right: usize,
    /// Hard-negative pairs predicted.
    pub negatives_hit: usize,
    pub negatives: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.gold_pairs += o.gold_pairs;
        self.found += o.found;
        self.judged += o.judged;
        self.right += o.right;
        self.negatives_hit += o.negatives_hit;
        self.negatives += o.negatives;
    }
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.gold_pairs.max(1) as f64
    }
    pub fn precision(&self) -> f64 {
        if self.judged == 0 {
            1.0
        } else {
            self.right as f64 / self.judged as f64
        }
    }
}

/// Whitespace runs as one space, with a map from each kept char to its
/// byte offset in `text`.
fn squash(text: &str) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut at = Vec::new();
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            at.push(i);
            space = false;
        }
        out.push(c);
        at.extend(std::iter::repeat(i).take(c.len_utf8()));
    }
    (out, at)
}

/// The sentences of document `doc` that the span's text overlaps, found by
/// searching the (whitespace-squashed) text in the document's clean text.
fn holders(report: &Report, doc: usize, raw: &str, span: &Span) -> Vec<usize> {
    let text: String = raw.chars().skip(span.1).take(span.2 - span.1).collect();
    let (needle, _) = squash(&text);
    let doc_text = &report.documents[doc].text;
    let (hay, at) = squash(doc_text);
    let Some(pos) = hay.find(&needle) else {
        return Vec::new();
    };
    let (from, to) = (at[pos], at[pos + needle.len() - 1] + 1);
    // Report spans are UTF-16; compare in bytes through each sentence's text.
    let utf16_to_byte = |u: usize| -> usize {
        let mut units = 0;
        for (b, c) in doc_text.char_indices() {
            if units >= u {
                return b;
            }
            units += c.len_utf16();
        }
        doc_text.len()
    };
    report
        .sentences
        .iter()
        .filter(|s| s.doc == doc)
        .filter(|s| {
            let (s0, s1) = (utf16_to_byte(s.start), utf16_to_byte(s.end));
            s0 < to && from < s1
        })
        .map(|s| s.id)
        .collect()
}

/// Scores `report` (of the gold's three articles, files named
/// `<outlet>.txt`) against `gold`; `raw(outlet)` gives each article's file
/// text, which the offsets index. Spans not found in the Report are counted
/// in `missing`.
pub fn score(report: &Report, gold: &Gold, raw: &dyn Fn(&str) -> String) -> (Counts, usize) {
    let doc_of: HashMap<String, usize> = report
        .documents
        .iter()
        .map(|d| {
            let stem = std::path::Path::new(&d.file)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (stem, d.id)
        })
        .collect();
    let mut raws: HashMap<String, String> = HashMap::new();
    let mut missing = 0;
    let mut held = |sp: &Span| -> Vec<usize> {
        let Some(&doc) = doc_of.get(&sp.0) else {
            missing += 1;
            return Vec::new();
        };
        let text = raws.entry(sp.0.clone()).or_insert_with(|| raw(&sp.0));
        let h = holders(report, doc, text, sp);
        if h.is_empty() {
            missing += 1;
        }
        h
    };
    let key = |a: usize, b: usize| (a.min(b), a.max(b));
    let doc = |s: usize| report.sentences[s].doc;
    let mut annotated: BTreeSet<usize> = BTreeSet::new();
    let mut pairs_of = |groups: &[Vec<Span>], annotated: &mut BTreeSet<usize>| {
        let mut pairs = BTreeSet::new();
        for g in groups {
            let sents: Vec<usize> = g.iter().flat_map(&mut held).collect();
            annotated.extend(&sents);
            for (i, &a) in sents.iter().enumerate() {
                for &b in &sents[i + 1..] {
                    if doc(a) != doc(b) {
                        pairs.insert(key(a, b));
                    }
                }
            }
        }
        pairs
    };
    let gold_pairs = pairs_of(&gold.claims, &mut annotated);
    let maybe_pairs = pairs_of(&gold.maybe, &mut annotated);
    let mut negative_pairs = BTreeSet::new();
    for (a, b) in &gold.negatives {
        let (ha, hb) = (held(a), held(b));
        annotated.extend(&ha);
        annotated.extend(&hb);
        for &x in &ha {
            for &y in &hb {
                if doc(x) != doc(y) {
                    negative_pairs.insert(key(x, y));
                }
            }
        }
    }
    let mut predicted = BTreeSet::new();
    for c in &report.claims {
        for (i, &a) in c.sentences.iter().enumerate() {
            for &b in &c.sentences[i + 1..] {
                if doc(a) != doc(b) {
                    predicted.insert(key(a, b));
                }
            }
        }
    }
    let judged: Vec<&(usize, usize)> = predicted
        .iter()
        .filter(|(a, b)| annotated.contains(a) && annotated.contains(b))
        .collect();
    let counts = Counts {
        gold_pairs: gold_pairs.len(),
        found: gold_pairs.intersection(&predicted).count(),
        judged: judged.len(),
        right: judged
            .iter()
            .filter(|p| gold_pairs.contains(p) || maybe_pairs.contains(p))
            .count(),
        negatives_hit: negative_pairs
            .iter()
            .filter(|p| {
                predicted.contains(p) && !gold_pairs.contains(p) && !maybe_pairs.contains(p)
            })
            .count(),
        negatives: negative_pairs.len(),
    };
    (counts, missing)
}
