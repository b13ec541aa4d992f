//! Pieces for a distributed job (the Python package and the Spark job in
//! `spark/`): an article's fields in, the [`Input`] the CLI would read;
//! a document in, its story signature (band keys for candidate search);
//! a quotation's text in, the key that finds the same remark corpus-wide.
//!
//! None of this changes what [`crate::analyze`] finds: the Spark job runs
//! the story grouping of [`crate::stories`] piece by piece (per-document
//! records from [`crate::pipeline::story_records_of`], corpus figures
//! summed over the cluster, candidate pairs joined on index terms, average
//! linkage per connected block) and analyses each story with
//! [`crate::analyze`], exactly as the CLI would on the story's files. The
//! min-hash signature here is a cheaper, approximate candidate search for
//! callers that do not need the CLI's split exactly.

use crate::features::features;
use crate::ingest::{self, Document, IngestError};
use crate::pipeline::Input;
use crate::segment::{self, SentenceKind};
use crate::stories::LEAD_SENTENCES;
use std::collections::BTreeSet;

/// One article as a table row gives it (every field but `text` optional).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub title: Option<String>,
    pub text: String,
    pub outlet: Option<String>,
    /// ISO 8601, possibly partial, as the JSON reader takes it.
    pub date: Option<String>,
    pub url: Option<String>,
}

/// The file the CLI reads for `article`: a one-record JSON export named
/// `name` (".json" added unless it ends so), which the JSON reader turns
/// into one document with these fields. Writing `bytes` to a file of that
/// name and running `parallax analyze` on it gives what [`crate::analyze`]
/// gives on the returned input.
pub fn article_input(name: &str, article: &Article) -> Input {
    let mut record = serde_json::Map::new();
    let mut put = |key: &str, value: &Option<String>| {
        if let Some(v) = value {
            record.insert(key.to_string(), serde_json::Value::String(v.clone()));
        }
    };
    put("title", &article.title);
    put("outlet", &article.outlet);
    put("date", &article.date);
    put("url", &article.url);
    record.insert(
        "text".to_string(),
        serde_json::Value::String(article.text.clone()),
    );
    let name = if name.to_ascii_lowercase().ends_with(".json") {
        name.to_string()
    } else {
        format!("{name}.json")
    };
    Input {
        name,
        bytes: serde_json::Value::Object(record).to_string().into_bytes(),
    }
}

/// The shape of a story signature: `bands` band keys, each from `rows`
/// min-hashes. Two documents whose lead terms have Jaccard similarity `j`
/// share a band key with probability `1 - (1 - j^rows)^bands`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignatureShape {
    pub bands: usize,
    pub rows: usize,
}

impl Default for SignatureShape {
    /// 32 bands of 2 rows: a pair whose leads share a tenth of their terms
    /// meets in some band with probability 0.28, a fifth 0.73, a third
    /// 0.98. On the Spark test corpus this keeps 99% of same-story pairs
    /// in one block (24 bands of 3 kept 53%: see README "At scale").
    fn default() -> Self {
        SignatureShape { bands: 32, rows: 2 }
    }
}

/// The terms a story signature hashes: the distinct stems of the content
/// words of the document's headline and first [`LEAD_SENTENCES`] body
/// sentences (what the document reports, as the story grouping's lead).
pub fn lead_terms(doc: &Document) -> BTreeSet<String> {
    let sentences = segment::segment(doc);
    let mut terms = BTreeSet::new();
    let mut body = 0;
    let mut heading_seen = false;
    for s in &sentences {
        let take = match s.kind {
            SentenceKind::Heading if !heading_seen => {
                heading_seen = true;
                true
            }
            SentenceKind::Claim if body < LEAD_SENTENCES => {
                body += 1;
                true
            }
            _ => false,
        };
        if !take {
            continue;
        }
        let Some(text) = doc.text.get(s.start..s.end) else {
            continue;
        };
        for t in features(text).tokens {
            // Very short stems ("us", "mr") join unrelated stories.
            if !t.skip && t.stem.chars().count() >= 3 {
                terms.insert(t.stem);
            }
        }
    }
    terms
}

/// The story signature of `doc`: `shape.bands` band keys (min-hashes of
/// [`lead_terms`], `shape.rows` to a band, hashed with the band's number).
/// Documents that share any key are candidates for one story. Empty when
/// the lead has fewer than two terms (such a document is its own block).
/// Keys are stable across runs, machines and platforms.
pub fn story_signature(doc: &Document, shape: SignatureShape) -> Vec<u64> {
    let terms = lead_terms(doc);
    if terms.len() < 2 || shape.bands == 0 || shape.rows == 0 {
        return Vec::new();
    }
    let hashed: Vec<u64> = terms.iter().map(|t| fnv1a(t.as_bytes())).collect();
    (0..shape.bands)
        .map(|b| {
            let mut key = fnv1a(&(b as u64).to_le_bytes());
            for r in 0..shape.rows {
                let seed = splitmix64((b * shape.rows + r) as u64 + 1);
                let min = hashed
                    .iter()
                    .map(|&h| splitmix64(h ^ seed))
                    .min()
                    .unwrap_or(0);
                key = splitmix64(key ^ min);
            }
            key
        })
        .collect()
}

/// Reads `input` and gives each of its documents' file names and story
/// signatures, or why a document could not be read.
pub fn signatures(
    input: &Input,
    shape: SignatureShape,
) -> Vec<Result<(String, Vec<u64>), IngestError>> {
    ingest::ingest(&input.name, &input.bytes)
        .into_iter()
        .map(|r| r.map(|doc| (doc.file.clone(), story_signature(&doc, shape))))
        .collect()
}

/// The key under which one remark is found across a whole corpus: the
/// quotation's words, folded (case, diacritics, typographic marks) and
/// joined by single spaces. Punctuation and line breaks do not count, so
/// "a harsh blow," and "A harsh blow" meet; other wordings do not.
pub fn quote_key(text: &str) -> String {
    let f = features(text);
    let words: Vec<&str> = f.tokens.iter().map(|t| t.folded.as_str()).collect();
    words.join(" ")
}

/// FNV-1a, 64 bits: a stable hash of bytes (not for adversarial input).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// A bijective 64-bit mixer (Steele et al.'s SplitMix64 finaliser): each
/// seed gives an independent-looking permutation for min-hashing.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, title: &str, text: &str) -> Document {
        let input = article_input(
            name,
            &Article {
                title: Some(title.into()),
                text: text.into(),
                ..Default::default()
            },
        );
        ingest::ingest(&input.name, &input.bytes)
            .pop()
            .expect("one record")
            .expect("readable")
    }

    #[test]
    fn article_input_is_one_json_record_the_reader_takes() {
        let input = article_input(
            "a/1",
            &Article {
                title: Some("Storm hits coast".into()),
                text: "A storm hit the coast on Monday.\n\nTen homes were damaged.".into(),
                outlet: Some("Daily Planet".into()),
                date: Some("2019-02-26".into()),
                url: Some("https://example.org/storm".into()),
            },
        );
        assert_eq!(input.name, "a/1.json");
        let d = ingest::ingest(&input.name, &input.bytes)
            .pop()
            .unwrap()
            .unwrap();
        assert_eq!(d.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(d.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(d.date.as_deref(), Some("2019-02-26"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/storm"));
        assert!(d.text.contains("Ten homes were damaged."));
        assert_eq!(article_input("b.JSON", &Article::default()).name, "b.JSON");
    }

    #[test]
    fn same_lead_same_keys_other_lead_few() {
        let shape = SignatureShape::default();
        let a = doc("a", "Assad visits Tehran", "Syrian President Bashar al-Assad met Iran's supreme leader Ali Khamenei in Tehran on Monday. Khamenei called the war a harsh blow. Rouhani hosted a dinner.");
        let b = doc("b", "Assad visits Tehran", "Syrian President Bashar al-Assad met Iran's supreme leader Ali Khamenei in Tehran on Monday. Khamenei called the war a severe blow. Rouhani hosted a dinner.");
        let c = doc("c", "Jobless claims fall", "Weekly jobless claims fell to their lowest level since the pandemic began, the Labor Department said on Thursday.");
        let (ka, kb, kc) = (
            story_signature(&a, shape),
            story_signature(&b, shape),
            story_signature(&c, shape),
        );
        assert_eq!(ka.len(), shape.bands);
        let shared = |x: &[u64], y: &[u64]| x.iter().zip(y).filter(|(p, q)| p == q).count();
        assert!(
            shared(&ka, &kb) >= shape.bands / 2,
            "near copies meet in most bands"
        );
        assert_eq!(shared(&ka, &kc), 0, "other stories meet in none");
        assert_eq!(ka, story_signature(&a, shape), "stable");
    }

    #[test]
    fn empty_lead_has_no_keys() {
        let d = doc("e", "", "Yes.");
        assert!(story_signature(&d, SignatureShape::default()).is_empty());
    }

    #[test]
    fn quote_keys_fold_case_and_punctuation() {
        for (a, b, same) in [
            ("a harsh blow,", "A harsh blow", true),
            ("“We will win.”", "we will win", true),
            ("a harsh blow", "a severe blow", false),
        ] {
            assert_eq!(quote_key(a) == quote_key(b), same, "{a} / {b}");
        }
    }
}
