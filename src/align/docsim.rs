//! Document-level comparison: the corpus's sentence vectors (or the
//! documents' texts and quotation spans) in; a documents × documents
//! similarity in [0, 1], and each document's share of words copied verbatim
//! from another (outside shared quotations) and share of quotations other
//! documents quote too, out.

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
        crate::order::sort_by_key(list, |e| e.0);
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

/// How much of one document is copied word for word from others, and how
/// much of it is quotation that other documents quote too.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verbatim {
    /// Share of the document's words, outside its quotations, inside an
    /// 8-word run that another document has in its own words, in [0, 1].
    pub share: f64,
    /// The documents it shares such runs with, most shared words first.
    pub with: Vec<usize>,
    /// Share of the document's words inside its quotations that another
    /// document quotes word for word too (the same statement quoted), in
    /// [0, 1]: not copying.
    pub quoted_share: f64,
    /// The documents quoting the same words, most shared words first.
    pub quoted_with: Vec<usize>,
}

/// Each word's hash and byte start, in text order.
fn word_hashes(text: &str) -> Vec<(u64, usize)> {
    let mut out = Vec::new();
    let mut h: u64 = 0xcbf29ce484222325;
    let mut in_word = false;
    let mut start = 0;
    for (pos, c) in text.char_indices() {
        let c = fold_char(c).unwrap_or(c);
        if c.is_alphanumeric() {
            if !in_word {
                start = pos;
            }
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(0x100000001b3);
            }
            in_word = true;
        } else if in_word && c != '\'' {
            out.push((h, start));
            h = 0xcbf29ce484222325;
            in_word = false;
        }
    }
    if in_word {
        out.push((h, start));
    }
    out
}

fn shingles(words: &[(u64, usize)]) -> Vec<u64> {
    words
        .windows(SHINGLE)
        .map(|w| {
            w.iter()
                .fold(0u64, |acc, &(x, _)| acc.rotate_left(7).wrapping_mul(31) ^ x)
        })
        .collect()
}

/// Whose words a shingle is, in the document it occurs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Voice {
    /// More than half its words are the document's own (outside quotations).
    Own,
    /// Every word inside a quotation.
    Quoted,
    /// Straddling a quotation's edge, mostly quoted words.
    Edge,
}

/// For each word (by byte start), the quotation of `spans` it lies inside
/// (half-open byte ranges, in any order, possibly nested: the one reaching
/// furthest), or None.
fn inside(words: &[(u64, usize)], spans: &[(usize, usize)]) -> Vec<Option<u32>> {
    let mut spans = spans.to_vec();
    crate::order::sort(&mut spans);
    let mut k = 0;
    // The furthest end among spans started so far, and which span it is.
    let mut reach: (usize, u32) = (0, 0);
    words
        .iter()
        .map(|&(_, at)| {
            while k < spans.len() && spans[k].0 <= at {
                if spans[k].1 > reach.0 {
                    reach = (spans[k].1, k as u32);
                }
                k += 1;
            }
            (at < reach.0).then_some(reach.1)
        })
        .collect()
}

/// The verbatim share of each document, from hashed 8-word shingles.
/// `quoted[d]` holds document `d`'s quotation spans (byte ranges into
/// `texts[d]`, from the quotes stage; missing means none): runs inside
/// quotations are the quoted speaker's words, so two outlets quoting the
/// same statement are not copying each other, and those runs are counted
/// apart, as `quoted_share`, when another document quotes them too. A
/// quotation copied together with its frame (a run of mostly the outlet's
/// own words reaching into it, the same in the other document) is part of
/// a copy: a wire story's quotations count with the rest of it.
pub fn verbatim(texts: &[&str], quoted: &[Vec<(usize, usize)>]) -> Vec<Verbatim> {
    let words: Vec<Vec<(u64, usize)>> = crate::par::map(texts, |t| word_hashes(t));
    let all: Vec<Vec<u64>> = words.iter().map(|w| shingles(w)).collect();
    let quote_of: Vec<Vec<Option<u32>>> = words
        .iter()
        .enumerate()
        .map(|(d, w)| inside(w, quoted.get(d).map_or(&[][..], |q| &q[..])))
        .collect();
    let voice = |d: usize, k: usize| -> Voice {
        let q = quote_of[d][k..k + SHINGLE]
            .iter()
            .filter(|x| x.is_some())
            .count();
        if q == SHINGLE {
            Voice::Quoted
        } else if 2 * q < SHINGLE {
            Voice::Own
        } else {
            Voice::Edge
        }
    };
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
    let mut covered: Vec<Vec<bool>> = words.iter().map(|w| vec![false; w.len()]).collect();
    let mut quoted_covered = covered.clone();
    let mut with: Vec<FastMap<usize, usize>> = vec![FastMap::default(); all.len()];
    let mut quoted_with = with.clone();
    // Per document, the quotations copied with their frame, and the quoted
    // runs other documents have (position, those documents), decided once
    // every frame is known.
    let mut framed: Vec<Vec<u32>> = vec![Vec::new(); all.len()];
    let mut quoted_runs: Vec<Vec<(usize, Vec<u32>)>> = vec![Vec::new(); all.len()];
    // The documents having a shingle in their own words, and the others.
    let mut own: Vec<u32> = Vec::new();
    let mut docs: Vec<u32> = Vec::new();
    for run in occurrences.chunk_by(|a, b| a.0 == b.0) {
        // Boilerplate repeated by every page says nothing of copying between
        // two of them; a bounded look keeps it cheap.
        docs.clear();
        own.clear();
        for &(_, d, k) in run {
            if docs.last() != Some(&d) {
                docs.push(d);
                if docs.len() > 9 {
                    break;
                }
            }
            if voice(d as usize, k as usize) == Voice::Own && own.last() != Some(&d) {
                own.push(d);
            }
        }
        if docs.len() < 2 || docs.len() > 9 {
            continue; // repeated inside one document only, or boilerplate
        }
        for &(_, d, k) in run {
            let (du, k) = (d as usize, k as usize);
            match voice(du, k) {
                // Copying: the same run in another document's own words.
                Voice::Own if own.iter().any(|&o| o != d) => {
                    for w in k..k + SHINGLE {
                        covered[du][w] |= quote_of[du][w].is_none();
                        // A quotation this run reaches into came with it.
                        if let Some(q) = quote_of[du][w] {
                            if !framed[du].contains(&q) {
                                framed[du].push(q);
                            }
                        }
                    }
                    for &o in own.iter().filter(|&&o| o != d).take(8) {
                        *with[du].entry(o as usize).or_default() += 1;
                    }
                }
                Voice::Quoted => {
                    let others: Vec<u32> = docs.iter().copied().filter(|&o| o != d).collect();
                    quoted_runs[du].push((k, others));
                }
                _ => {}
            }
        }
    }
    for (d, runs) in quoted_runs.into_iter().enumerate() {
        for (k, others) in runs {
            let copied = quote_of[d][k].is_some_and(|q| framed[d].contains(&q));
            let (cover, count) = if copied {
                (&mut covered[d], &mut with[d])
            } else {
                (&mut quoted_covered[d], &mut quoted_with[d])
            };
            for c in &mut cover[k..k + SHINGLE] {
                *c = true;
            }
            for o in others.into_iter().take(8) {
                *count.entry(o as usize).or_default() += 1;
            }
        }
    }
    let ranked = |with: FastMap<usize, usize>| -> Vec<usize> {
        let mut with: Vec<(usize, usize)> = with.into_iter().collect();
        crate::order::sort_by(&mut with, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        with.into_iter().map(|(o, _)| o).collect()
    };
    let thousandths = |x: f64| (x * 1000.0).round() / 1000.0;
    covered
        .into_iter()
        .zip(quoted_covered)
        .zip(with.into_iter().zip(quoted_with))
        .map(|((covered, quoted_covered), (with, quoted_with))| {
            // Fewer words than one shingle: nothing can be shared.
            if covered.len() < SHINGLE {
                return Verbatim::default();
            }
            let n = covered.len() as f64;
            let count = |v: &[bool]| v.iter().filter(|&&c| c).count() as f64;
            Verbatim {
                share: thousandths(count(&covered) / n),
                with: ranked(with),
                quoted_share: thousandths(count(&quoted_covered) / n),
                quoted_with: ranked(quoted_with),
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
        let v = verbatim(&refs, &[]);
        assert_eq!(v[0].share, 1.0);
        assert_eq!(v[0].with, vec![1]);
        assert!(v[1].share > 0.6 && v[1].share < 1.0);
        assert_eq!(v[2], Verbatim::default());
    }

    /// Byte spans of the text between each pair of curly quotation marks.
    fn quote_spans(text: &str) -> Vec<(usize, usize)> {
        let opens = text.match_indices('“').map(|(i, m)| i + m.len());
        let closes = text.match_indices('”').map(|(i, _)| i);
        opens.zip(closes).collect()
    }

    #[test]
    fn a_shared_quotation_is_not_copying() {
        let statement = "We will stand by our allies until every occupied inch of the country is free again, whatever it costs us";
        let texts = [
            format!("The Iranian leader told visitors on Monday: “{statement},” according to his office."),
            format!("Speaking in Tehran, Khamenei vowed “{statement}” in remarks broadcast by state television."),
            "Markets in the region were calm as traders waited for the central bank's decision on rates.".to_string(),
        ];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let quoted: Vec<Vec<(usize, usize)>> = texts.iter().map(|t| quote_spans(t)).collect();
        let v = verbatim(&refs, &quoted);
        for d in 0..2 {
            assert_eq!(v[d].share, 0.0, "{d}: {:?}", v[d]);
            assert!(v[d].with.is_empty());
            assert!(v[d].quoted_share > 0.5, "{d}: {:?}", v[d]);
            assert_eq!(v[d].quoted_with, vec![1 - d]);
        }
        assert_eq!(v[2], Verbatim::default());
        // Without the quotation spans the same texts read as copying: the
        // spans are what tells the two apart.
        let blind = verbatim(&refs, &[]);
        assert!(blind[0].share > 0.5);
    }

    #[test]
    fn a_wire_copy_with_quotations_is_still_a_copy() {
        let wire = "Syrian President Bashar al-Assad made his first public visit to Iran since the start of the war, and the two leaders said they would “continue cooperation in every field until the last terrorist is defeated,” state media reported on Monday evening.";
        let texts = [wire.to_string(), format!("{wire} ")];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let quoted: Vec<Vec<(usize, usize)>> = texts.iter().map(|t| quote_spans(t)).collect();
        let v = verbatim(&refs, &quoted);
        for d in 0..2 {
            // The quotation came with its frame: all of it is the copy.
            assert_eq!(v[d].share, 1.0, "{d}: {:?}", v[d]);
            assert_eq!(v[d].quoted_share, 0.0, "{d}: {:?}", v[d]);
            assert_eq!(v[d].with, vec![1 - d]);
        }
    }
}
