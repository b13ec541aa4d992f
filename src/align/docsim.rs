//! Document-level comparison: the corpus's sentence vectors (or the
//! documents' texts) in; a documents × documents similarity in [0, 1], and
//! each document's share of words copied verbatim from another, out.

use super::similarity::Corpus;
use crate::features::fold_char;
use crate::features::FastMap;

/// Cosine of the documents' tf-idf vectors, built from their sentences'
/// terms. Dot products come from a term → documents index; terms carried by
/// very many documents are left out of the products (their idf is small),
/// so large corpora never compare every pair of texts.
pub fn doc_similarity(corpus: &Corpus, n_docs: usize) -> Vec<Vec<f64>> {
    let n_terms = corpus.idf.len();
    // Each document's (term, weight), summed over its sentences.
    let mut doc_terms: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_docs];
    for (i, &doc) in corpus.docs.iter().enumerate() {
        let v = corpus.sent(i);
        if let Some(list) = doc_terms.get_mut(doc) {
            list.extend(v.seq.iter().map(|&t| (t, corpus.idf[t as usize])));
        }
    }
    let mut norms = vec![0f32; n_docs];
    for (d, list) in doc_terms.iter_mut().enumerate() {
        list.sort_unstable_by_key(|e| e.0);
        let mut merged: Vec<(u32, f32)> = Vec::with_capacity(list.len());
        for &(t, w) in list.iter() {
            match merged.last_mut() {
                Some(last) if last.0 == t => last.1 += w,
                _ => merged.push((t, w)),
            }
        }
        norms[d] = merged.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
        *list = merged;
    }
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    for (d, list) in doc_terms.iter().enumerate() {
        for &(t, w) in list {
            postings[t as usize].push((d as u32, w));
        }
    }
    let max_df = ((n_docs as f64).sqrt() as usize * 4).max(16);
    // Each row stands alone (on all threads in the CLI). A row adds its
    // products in its own terms' order, which is the order of the shared
    // terms for the other document's row too: the matrix is exactly
    // symmetric.
    crate::par::map_range(n_docs, |a| {
        let mut dots = vec![0f32; n_docs];
        for &(t, wa) in &doc_terms[a] {
            let list = &postings[t as usize];
            if list.len() > max_df {
                continue;
            }
            for &(b, wb) in list {
                dots[b as usize] += wa * wb;
            }
        }
        dots.iter()
            .enumerate()
            .map(|(b, &dot)| {
                if b == a {
                    return 1.0;
                }
                let denom = norms[a] * norms[b];
                let s = if denom > 0.0 {
                    ((dot / denom) as f64).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                (s * 1000.0).round() / 1000.0
            })
            .collect()
    })
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
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
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
    let all: Vec<Vec<u64>> = crate::par::map(texts, |t| shingles(&word_hashes(t)));
    // Every occurrence (shingle, document, position), sorted: the documents
    // having a shingle are one run of this list, walked once (a lookup per
    // shingle into a list of millions would miss the cache every time).
    let mut occurrences: Vec<(u64, u32, u32)> = all
        .iter()
        .enumerate()
        .flat_map(|(d, sh)| {
            sh.iter()
                .enumerate()
                .map(move |(k, &s)| (s, d as u32, k as u32))
        })
        .collect();
    crate::par::sort_unstable(&mut occurrences);
    let mut covered: Vec<Vec<bool>> = all
        .iter()
        .map(|sh| {
            vec![
                false;
                if sh.is_empty() {
                    0
                } else {
                    sh.len() + SHINGLE - 1
                }
            ]
        })
        .collect();
    let mut with: Vec<FastMap<usize, usize>> = vec![FastMap::default(); all.len()];
    let mut docs: Vec<u32> = Vec::new();
    for run in occurrences.chunk_by(|a, b| a.0 == b.0) {
        // Boilerplate repeated by every page says nothing of copying between
        // two of them; a bounded look keeps it cheap.
        docs.clear();
        for &(_, d, _) in run {
            if docs.last() != Some(&d) {
                docs.push(d);
                if docs.len() > 9 {
                    break;
                }
            }
        }
        if docs.len() < 2 {
            continue; // repeated inside one document only
        }
        for &(_, d, k) in run {
            let (d, k) = (d as usize, k as usize);
            for c in &mut covered[d][k..k + SHINGLE] {
                *c = true;
            }
            for &o in docs.iter().filter(|&&o| o as usize != d).take(8) {
                *with[d].entry(o as usize).or_default() += 1;
            }
        }
    }
    covered
        .into_iter()
        .zip(with)
        .map(|(covered, with)| {
            if covered.is_empty() {
                return Verbatim::default();
            }
            let share = covered.iter().filter(|&&c| c).count() as f64 / covered.len() as f64;
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
