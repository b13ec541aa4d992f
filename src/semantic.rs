//! Static word vectors: the distilled table's bytes in (`www/model/words.bin`,
//! made by `scripts/distill_words.py`); per word a unit vector and a weight,
//! and per sentence a weighted unit vector, out.
//!
//! The table holds, for about 46,600 lowercase English words, the sentence
//! embedding that all-MiniLM-L6-v2 gives the word alone, reduced by PCA to
//! 128 dimensions (the distillation of Model2Vec, Tulkens & van Dongen 2024,
//! over whole words), and the word's smooth-inverse-frequency weight
//! a / (a + p(w)) (Arora, Liang & Ma, "A Simple but Tough-to-Beat Baseline
//! for Sentence Embeddings", ICLR 2017). A sentence vector is the weighted
//! sum of its words' vectors, normalised: "harsh blow" and "severe blow",
//! "gains" and "victories" land near each other where word overlap sees
//! nothing in common.
//!
//! File layout (little-endian): the magic `PLXWORD1`; `u32` word count `n`;
//! `u32` dimensions `d`; `u32` byte length of the words, then the words
//! (ASCII, `\n`-separated, in rank order); `n` weight bytes (weight × 255);
//! `n` `f32` scales; `n × d` `i8` components (a word's vector is its
//! components times its scale, of unit length up to rounding).

use crate::features::FastMap;

const MAGIC: &[u8; 8] = b"PLXWORD1";

/// The table, parsed. Cheap to share: the CLI parses its bundled copy once,
/// the page parses what the worker fetched.
pub struct WordVectors {
    dims: usize,
    index: FastMap<Box<str>, u32>,
    weights: Vec<f32>,
    scales: Vec<f32>,
    components: Vec<i8>,
}

impl std::fmt::Debug for WordVectors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WordVectors({} words × {})", self.len(), self.dims)
    }
}

/// Why a table could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "word vectors: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

fn take<'a>(bytes: &'a [u8], at: &mut usize, n: usize) -> Result<&'a [u8], ModelError> {
    let end = at
        .checked_add(n)
        .filter(|&e| e <= bytes.len())
        .ok_or_else(|| ModelError(format!("truncated at byte {}", *at)))?;
    let out = &bytes[*at..end];
    *at = end;
    Ok(out)
}

fn u32_at(bytes: &[u8], at: &mut usize) -> Result<usize, ModelError> {
    let b = take(bytes, at, 4)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

impl WordVectors {
    /// Parses a table; errors name what is wrong (magic, sizes, truncation,
    /// words that are not ASCII), never panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<WordVectors, ModelError> {
        let mut at = 0;
        if take(bytes, &mut at, 8)? != MAGIC {
            return Err(ModelError("not a Parallax word-vector table".into()));
        }
        let n = u32_at(bytes, &mut at)?;
        let dims = u32_at(bytes, &mut at)?;
        if dims == 0 || dims > 4096 || n > 10_000_000 {
            return Err(ModelError(format!("implausible size {n} × {dims}")));
        }
        let names_len = u32_at(bytes, &mut at)?;
        let names = std::str::from_utf8(take(bytes, &mut at, names_len)?)
            .map_err(|_| ModelError("words are not UTF-8".into()))?;
        let weights: Vec<f32> = take(bytes, &mut at, n)?
            .iter()
            .map(|&b| b as f32 / 255.0)
            .collect();
        let scales: Vec<f32> = take(bytes, &mut at, 4 * n)?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let components: Vec<i8> = take(bytes, &mut at, n * dims)?
            .iter()
            .map(|&b| b as i8)
            .collect();
        let mut index: FastMap<Box<str>, u32> = FastMap::default();
        index.reserve(n);
        for (k, w) in names.split('\n').enumerate() {
            if k >= n {
                return Err(ModelError("more words than the header says".into()));
            }
            index.entry(w.into()).or_insert(k as u32);
        }
        if index.len() > n || (n > 0 && names.split('\n').count() != n) {
            return Err(ModelError("fewer words than the header says".into()));
        }
        Ok(WordVectors {
            dims,
            index,
            weights,
            scales,
            components,
        })
    }

    /// The table shipped with the crate (`www/model/words.bin`), parsed once.
    #[cfg(feature = "bundled-model")]
    pub fn bundled() -> std::sync::Arc<WordVectors> {
        static TABLE: std::sync::OnceLock<std::sync::Arc<WordVectors>> = std::sync::OnceLock::new();
        TABLE
            .get_or_init(|| {
                let bytes = include_bytes!("../www/model/words.bin");
                std::sync::Arc::new(
                    WordVectors::from_bytes(bytes).expect("the bundled table is well formed"),
                )
            })
            .clone()
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    pub fn dims(&self) -> usize {
        self.dims
    }

    /// The id of a folded (lowercase) word, if the table has it.
    pub fn id(&self, folded: &str) -> Option<u32> {
        self.index.get(folded).copied()
    }

    /// The word's smooth-inverse-frequency weight, in (0, 1].
    pub fn weight(&self, id: u32) -> f32 {
        self.weights[id as usize]
    }

    fn row(&self, id: u32) -> &[i8] {
        let k = id as usize * self.dims;
        &self.components[k..k + self.dims]
    }

    /// Adds `factor` × the word's unit vector to `acc` (`dims` long).
    pub fn add_to(&self, id: u32, factor: f32, acc: &mut [f32]) {
        let f = factor * self.scales[id as usize];
        for (a, &c) in acc.iter_mut().zip(self.row(id)) {
            *a += f * c as f32;
        }
    }

    /// The dot product of the word's unit vector with `weights` (`dims`
    /// long; extra or missing components count as zero).
    pub fn dot(&self, id: u32, weights: &[f32]) -> f32 {
        let dot: f32 = self
            .row(id)
            .iter()
            .zip(weights)
            .map(|(&c, &w)| c as f32 * w)
            .sum();
        dot * self.scales[id as usize]
    }

    /// The cosine of two words' vectors, in [-1, 1].
    pub fn cosine(&self, a: u32, b: u32) -> f32 {
        let dot: i32 = self
            .row(a)
            .iter()
            .zip(self.row(b))
            .map(|(&x, &y)| x as i32 * y as i32)
            .sum();
        (dot as f32 * self.scales[a as usize] * self.scales[b as usize]).clamp(-1.0, 1.0)
    }

    /// The unit sentence vector of words given as (id, extra factor): the
    /// sum of each word's vector times its weight and factor, normalised.
    /// Empty when no word has a vector.
    pub fn sentence(&self, words: impl Iterator<Item = (u32, f32)>) -> Vec<f32> {
        let mut acc = vec![0f32; self.dims];
        let mut any = false;
        for (id, factor) in words {
            self.add_to(id, self.weight(id) * factor, &mut acc);
            any = true;
        }
        let norm = acc.iter().map(|x| x * x).sum::<f32>().sqrt();
        if !any || norm == 0.0 {
            return Vec::new();
        }
        acc.iter_mut().for_each(|x| *x /= norm);
        acc
    }
}

/// The cosine of two unit sentence vectors; 0 when either is empty.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter()
        .zip(b)
        .map(|(x, y)| x * y)
        .sum::<f32>()
        .clamp(-1.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small table in the file format: words with 2-dimensional vectors.
    fn table(words: &[(&str, f32, [f32; 2])]) -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        b.extend((words.len() as u32).to_le_bytes());
        b.extend(2u32.to_le_bytes());
        let names = words.iter().map(|w| w.0).collect::<Vec<_>>().join("\n");
        b.extend((names.len() as u32).to_le_bytes());
        b.extend(names.as_bytes());
        b.extend(words.iter().map(|w| (w.1 * 255.0).round() as u8));
        for w in words {
            let m = w.2[0].abs().max(w.2[1].abs());
            b.extend((m / 127.0).to_le_bytes());
        }
        for w in words {
            let m = w.2[0].abs().max(w.2[1].abs());
            b.extend(w.2.iter().map(|x| (x / m * 127.0).round() as i8 as u8));
        }
        b
    }

    #[test]
    fn reads_a_table_and_compares_words() {
        let s = std::f32::consts::FRAC_1_SQRT_2;
        let t = WordVectors::from_bytes(&table(&[
            ("harsh", 1.0, [1.0, 0.0]),
            ("severe", 1.0, [s, s]),
            ("the", 0.01, [0.0, 1.0]),
        ]))
        .unwrap();
        assert_eq!(t.len(), 3);
        let (h, sv, th) = (
            t.id("harsh").unwrap(),
            t.id("severe").unwrap(),
            t.id("the").unwrap(),
        );
        assert!(t.id("gentle").is_none());
        assert!((t.cosine(h, sv) - s).abs() < 0.02);
        assert!(t.cosine(h, th).abs() < 0.02);
        // A light word barely moves a sentence vector.
        let v = t.sentence([(h, 1.0), (th, 1.0)].into_iter());
        assert!(v[0] > 0.99);
        assert!(t.sentence(std::iter::empty()).is_empty());
        assert_eq!(cosine(&v, &[]), 0.0);
    }

    #[test]
    fn bad_tables_are_errors_not_panics() {
        let good = table(&[("a", 0.5, [1.0, 0.0]), ("b", 0.5, [0.0, 1.0])]);
        for cut in 0..good.len() {
            assert!(
                WordVectors::from_bytes(&good[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        let mut wrong = good.clone();
        wrong[0] = b'X';
        assert!(WordVectors::from_bytes(&wrong).is_err());
        let mut huge = good.clone();
        huge[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(WordVectors::from_bytes(&huge).is_err());
        assert!(WordVectors::from_bytes(&good).is_ok());
    }

    #[cfg(feature = "bundled-model")]
    #[test]
    fn the_bundled_table_sees_synonyms() {
        let t = WordVectors::bundled();
        assert!(t.len() > 40_000, "{} words", t.len());
        let c = |a: &str, b: &str| t.cosine(t.id(a).unwrap(), t.id(b).unwrap());
        assert!(c("harsh", "severe") > c("harsh", "yesterday"));
        assert!(c("victories", "gains") > c("victories", "kitchen"));
        assert!(c("lawmakers", "legislators") > 0.5);
    }
}
