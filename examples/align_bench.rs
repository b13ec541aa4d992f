//! Times claim alignment on a synthetic corpus (no data files needed):
//! `cargo run --release --example align_bench -- [DOCS] [SENTENCES_PER_DOC]`
//! (default 4,000 × 30 = 120,000 sentences). A tenth of the sentences are
//! reworded copies of a pool of shared claims, the rest drawn from a
//! Zipf-like vocabulary, so both candidates and clusters occur.

use parallax::align::{align, SentenceIn};
use parallax::features::features;
use std::time::Instant;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Roughly Zipf: small indices much more often.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

fn word(i: usize) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ren", "to", "sa", "vel", "un", "dor", "pi", "gas", "te", "bru", "no",
        "il", "far",
    ];
    let mut w = String::new();
    let mut x = i + 1;
    while x > 0 {
        w.push_str(SYL[x % 16]);
        x /= 16;
    }
    w
}

fn sentence(rng: &mut Rng, vocab: usize) -> String {
    let len = 12 + rng.below(14);
    let mut words: Vec<String> = (0..len).map(|_| word(rng.zipf(vocab))).collect();
    if rng.below(4) == 0 {
        words.insert(rng.below(len), format!("{}", rng.below(100_000)));
    }
    if let Some(first) = words.first_mut() {
        let mut c = first.chars();
        if let Some(f) = c.next() {
            *first = f.to_uppercase().collect::<String>() + c.as_str();
        }
    }
    words.join(" ") + "."
}

/// CPU seconds this process has run so far (Linux; 0 elsewhere): the
/// machine may be shared, and wall time then says little.
fn cpu_secs() -> f64 {
    // First field of schedstat: nanoseconds spent on a CPU.
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let docs = args.first().copied().unwrap_or(4000);
    let per_doc = args.get(1).copied().unwrap_or(30);
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let vocab = 30_000;
    let pool: Vec<String> = (0..docs * per_doc / 50)
        .map(|_| sentence(&mut rng, vocab))
        .collect();
    let mut texts: Vec<(usize, String)> = Vec::new();
    for d in 0..docs {
        for _ in 0..per_doc {
            let s = if rng.below(10) == 0 {
                // A reworded shared claim: one word changed, one dropped.
                let base = &pool[rng.below(pool.len())];
                let mut w: Vec<String> = base.split(' ').map(str::to_string).collect();
                let k = rng.below(w.len());
                w[k] = word(rng.zipf(vocab));
                if w.len() > 6 {
                    w.remove(rng.below(w.len() - 1));
                }
                w.join(" ")
            } else {
                sentence(&mut rng, vocab)
            };
            texts.push((d, s));
        }
    }
    let c0 = cpu_secs();
    let t = Instant::now();
    let feats: Vec<_> = texts.iter().map(|(_, s)| features(s)).collect();
    let t_features = t.elapsed();
    let c1 = cpu_secs();
    let inputs: Vec<SentenceIn> = texts
        .iter()
        .zip(&feats)
        .map(|((doc, text), features)| SentenceIn {
            doc: *doc,
            text,
            features,
        })
        .collect();
    if std::env::var("PARTS").is_ok() {
        parts(&inputs, docs);
    }
    let t = Instant::now();
    let alignment = align(&inputs, &[], docs, parallax::Options::default().words);
    let t_align = t.elapsed();
    let c2 = cpu_secs();
    println!(
        "{docs} docs, {} sentences: features {:.2?} wall / {:.2} s CPU, align {:.2?} wall / {:.2} s CPU; {} claims",
        texts.len(),
        t_features,
        c1 - c0,
        t_align,
        c2 - c1,
        alignment.claims.len()
    );
}

#[allow(dead_code)]
fn parts(inputs: &[SentenceIn], docs: usize) {
    use parallax::align::{cluster, docsim, Corpus};
    let t = cpu_secs();
    let corpus = Corpus::build(inputs.iter().map(|s| (s.doc, s.features)));
    println!("corpus {:.2} s CPU", cpu_secs() - t);
    let t = cpu_secs();
    // The scorer may run on several threads: count with an atomic.
    let touched = std::sync::atomic::AtomicUsize::new(0);
    let e = cluster::candidates(&corpus, |_, _, share| {
        touched.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        (share >= 0.2).then_some(0.0)
    });
    let n = touched.into_inner();
    println!(
        "candidates {:.2} s CPU: {} touched, {} kept",
        cpu_secs() - t,
        n,
        e.len()
    );
    let t = cpu_secs();
    let _ = docsim::doc_similarity(&corpus, docs);
    println!("docsim {:.2} s CPU", cpu_secs() - t);
}
