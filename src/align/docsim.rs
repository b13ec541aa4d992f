//! Document-level comparison: the corpus's sentence vectors (or the
//! documents' texts) in; a documents × documents similarity in [0, 1], and
//! each document's share of words copied verbatim from another, out.

use super::similarity::Corpus;
use crate::features::fold_char;
use std::collections::HashMap;

/// Cosine of the documents' tf-idf vectors, built from their sentences'
/// terms. Dot products come from a term → documents index; terms carried by
/// very many documents are left out of the products (their idf is small),
/// so large corpora never compare every pair of texts.
pub fn doc_similarity(corpus: &Corpus, n_docs: usize) -> Vec<Vec<f64>> {
    let n_terms = corpus.idf.len();
    let mut weights: Vec<HashMap<u32, f32>> = vec![HashMap::new(); n_docs];
    for v in &corpus.sents {
        if v.doc >= n_docs {
            continue;
        }
        for &t in &v.seq {
            *weights[v.doc].entry(t).or_default() += corpus.idf[t as usize];
        }
    }
    let norms: Vec<f32> = weights
        .iter()
        .map(|w| w.values().map(|x| x * x).sum::<f32>().sqrt())
        .collect();
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    for (d, w) in weights.iter().enumerate() {
        for (&t, &x) in w {
            postings[t as usize].push((d as u32, x));
        }
    }
    let max_df = ((n_docs as f64).sqrt() as usize * 4).max(16);
    let mut m = vec![vec![0.0; n_docs]; n_docs];
    for list in postings.iter().filter(|l| l.len() <= max_df) {
        for (k, &(a, xa)) in list.iter().enumerate() {
            for &(b, xb) in &list[k + 1..] {
                m[a as usize][b as usize] += (xa * xb) as f64;
            }
        }
    }
    for a in 0..n_docs {
        m[a][a] = 1.0;
        for b in a + 1..n_docs {
            let denom = (norms[a] * norms[b]) as f64;
            let s = if denom > 0.0 {
                (m[a][b].max(m[b][a]) / denom).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let s = (s * 1000.0).round() / 1000.0;
            m[a][b] = s;
            m[b][a] = s;
        }
    }
    m
}

/// Words in a run of at least this many that another document has too
/// count as copied: long enough that a shared quotation of a few words or a
/// stock phrase does not, short enough to catch a wire paragraph.
pub const SHINGLE: usize = 8;

/// How much of one document is copied word for word from others.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verbatim {
    /// Share of the document's words inside a shared 8-word run, in [0, 1].
    pub share: f64,
    /// The documents it shares such runs with, most shared words first.
    pub with: Vec<usize>,
}

fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut h: u64 = 0xcbf29ce484222325;
    let mut in_word = false;
    for c in text.chars() {
        let c = fold_char(c).unwrap_or(c);
        if c.is_alphanumeric() {
            for b in c.to_string().bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(0x100000001b3);
            }
            in_word = true;
        } else if in_word && c != '\'' {
            out.push(h);
            h = 0xcbf29ce484222325;
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

fn shingles(words: &[u64]) -> Vec<u64> {
    words
        .windows(SHINGLE)
        .map(|w| {
            w.iter()
                .fold(0u64, |acc, &x| acc.rotate_left(7).wrapping_mul(31) ^ x)
        })
        .collect()
}

/// The verbatim share of each document, from hashed 8-word shingles.
pub fn verbatim(texts: &[&str]) -> Vec<Verbatim> {
    let all: Vec<Vec<u64>> = texts.iter().map(|t| shingles(&word_hashes(t))).collect();
    // Shingle → the first few documents that have it: enough to know that
    // someone else has it, and bounded for boilerplate every page repeats.
    let mut owners: HashMap<u64, Vec<u32>> = HashMap::new();
    for (d, sh) in all.iter().enumerate() {
        for &s in sh {
            let list = owners.entry(s).or_default();
            if list.last() != Some(&(d as u32)) && list.len() < 8 {
                list.push(d as u32);
            }
        }
    }
    all.iter()
        .enumerate()
        .map(|(d, sh)| {
            let n_words = sh.len() + SHINGLE - 1;
            if sh.is_empty() {
                return Verbatim::default();
            }
            let mut covered = vec![false; n_words];
            let mut with: HashMap<usize, usize> = HashMap::new();
            for (k, s) in sh.iter().enumerate() {
                let Some(list) = owners.get(s) else { continue };
                let others: Vec<usize> = list
                    .iter()
                    .map(|&o| o as usize)
                    .filter(|&o| o != d)
                    .collect();
                if others.is_empty() {
                    continue;
                }
                for c in &mut covered[k..k + SHINGLE] {
                    *c = true;
                }
                for o in others {
                    *with.entry(o).or_default() += 1;
                }
            }
            let share = covered.iter().filter(|&&c| c).count() as f64 / n_words as f64;
            let mut with: Vec<(usize, usize)> = with.into_iter().collect();
            with.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Verbatim {
                share: (share * 1000.0).round() / 1000.0,
                with: with.into_iter().map(|(o, _)| o).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wire_copy_shows_and_a_short_quote_does_not() {
        let wire = "Syrian President Bashar al-Assad made his first public visit to his closest regional ally Iran since the start of the war in 2011, state media reported.";
        let texts = [
            wire.to_string(),
            format!("Tehran, Monday. {wire} Other outlets said little."),
            "The two leaders agreed to “continue cooperation” and praised the alliance in Tehran."
                .to_string(),
        ];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let v = verbatim(&refs);
        assert_eq!(v[0].share, 1.0);
        assert_eq!(v[0].with, vec![1]);
        assert!(v[1].share > 0.6 && v[1].share < 1.0);
        assert_eq!(
            v[2],
            Verbatim {
                share: 0.0,
                with: vec![]
            }
        );
    }
}
