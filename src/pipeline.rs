//! The whole pipeline: named file bytes in, one [`Report`] out.

use crate::align::{self, AlignInput, Weights};
use crate::features::{features, Features};
use crate::ingest::{self, Document};
use crate::quotes::{self, Quote};
use crate::report::*;
use crate::segment::{self, Sentence, SentenceKind};
use crate::span::Utf16Index;
use std::collections::{BTreeSet, HashMap};

/// One input file: its name (path or file name) and its bytes.
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Analysis options, with documented defaults.
#[derive(Debug, Clone)]
pub struct Options {
    /// Include each document's full text in the Report (default true).
    pub include_text: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { include_text: true }
    }
}

/// Stages reported to a progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Sentences,
    Aligning,
    Report,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Sentences => "sentences and quotations",
            Stage::Aligning => "aligning claims",
            Stage::Report => "building the report",
        }
    }
}

/// Reads every input and analyses the documents they hold.
pub fn analyze(inputs: &[Input], options: &Options) -> Report {
    analyze_with_progress(inputs, options, &mut |_, _, _, _| {})
}

/// As [`analyze`], calling `progress(stage, done, total, file)` along the way.
pub fn analyze_with_progress(
    inputs: &[Input],
    options: &Options,
    progress: &mut dyn FnMut(Stage, usize, usize, &str),
) -> Report {
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<u64, String> = HashMap::new();
    for (i, input) in inputs.iter().enumerate() {
        progress(Stage::Reading, i, inputs.len(), &input.name);
        let key = fingerprint(&input.bytes);
        if let Some(first) = seen.get(&key) {
            errors.push(FileError {
                file: input.name.clone(),
                reason: format!("the same file as {first}; loaded once"),
            });
            continue;
        }
        seen.insert(key, input.name.clone());
        for result in ingest::ingest(&input.name, &input.bytes) {
            match result {
                Ok(doc) => documents.push(doc),
                Err(e) => errors.push(FileError {
                    file: e.file,
                    reason: e.reason,
                }),
            }
        }
    }
    analyze_documents(documents, errors, options, progress)
}

fn fingerprint(bytes: &[u8]) -> u64 {
    // FNV-1a: stable across platforms and runs, enough to spot identical files.
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h ^ bytes.len() as u64
}

struct DocAnalysis {
    sentences: Vec<Sentence>,
    features: Vec<Option<Features>>,
    quotes: Vec<Quote>,
}

fn analyze_one(doc: &Document) -> DocAnalysis {
    let sentences = segment::segment(doc);
    let features = sentences
        .iter()
        .map(|s| (s.kind == SentenceKind::Claim).then(|| features(&doc.text[s.start..s.end])))
        .collect();
    let quotes = quotes::find_quotes(&doc.text, &sentences);
    DocAnalysis {
        sentences,
        features,
        quotes,
    }
}

#[cfg(feature = "cli")]
fn analyze_all(docs: &[Document]) -> Vec<DocAnalysis> {
    use rayon::prelude::*;
    docs.par_iter().map(analyze_one).collect()
}

#[cfg(not(feature = "cli"))]
fn analyze_all(docs: &[Document]) -> Vec<DocAnalysis> {
    docs.iter().map(analyze_one).collect()
}

/// Analyses documents already ingested; `errors` are carried into the Report.
pub fn analyze_documents(
    documents: Vec<Document>,
    errors: Vec<FileError>,
    options: &Options,
    progress: &mut dyn FnMut(Stage, usize, usize, &str),
) -> Report {
    progress(Stage::Sentences, 0, documents.len(), "");
    let analyses = analyze_all(&documents);

    progress(Stage::Aligning, 0, documents.len(), "");
    // Global sentence ids, in document order.
    let mut sentence_base = Vec::with_capacity(documents.len());
    let mut total = 0;
    for a in &analyses {
        sentence_base.push(total);
        total += a.sentences.len();
    }
    let mut align_ids = Vec::new();
    let mut inputs = Vec::new();
    for (d, a) in analyses.iter().enumerate() {
        for (s, f) in a.features.iter().enumerate() {
            if let Some(f) = f {
                align_ids.push(sentence_base[d] + s);
                inputs.push(AlignInput {
                    doc: d,
                    features: f,
                });
            }
        }
    }
    let weights = Weights::from_corpus(inputs.iter().map(|i| i.features));
    let clusters = align::align(&inputs, &weights);

    progress(Stage::Report, 0, documents.len(), "");
    let mut claim_of: Vec<Option<usize>> = vec![None; total];
    let mut claims = Vec::with_capacity(clusters.len());
    for (c, cluster) in clusters.iter().enumerate() {
        let sentences: Vec<usize> = cluster.members.iter().map(|&m| align_ids[m]).collect();
        for &s in &sentences {
            claim_of[s] = Some(c);
        }
        let docs: BTreeSet<usize> = cluster.members.iter().map(|&m| inputs[m].doc).collect();
        let label_sentence = align_ids[cluster.label];
        let (ld, ls) = locate(&sentence_base, label_sentence);
        let s = analyses[ld].sentences[ls];
        let discrepancies = number_discrepancies(
            cluster,
            &inputs,
            &align_ids,
            &documents,
            &analyses,
            &sentence_base,
        );
        claims.push(ClaimOut {
            id: c,
            sentences,
            docs: docs.into_iter().collect(),
            label: documents[ld].text[s.start..s.end].to_string(),
            label_sentence,
            discrepancies,
        });
    }

    let mut sentences_out = Vec::with_capacity(total);
    let mut quotes_out = Vec::new();
    let mut found_quotes = Vec::new();
    let mut docs_out = Vec::with_capacity(documents.len());
    let mut claim_sets: Vec<BTreeSet<usize>> = Vec::with_capacity(documents.len());
    for (d, (doc, a)) in documents.into_iter().zip(&analyses).enumerate() {
        let index = Utf16Index::new(&doc.text);
        let mut shared = 0;
        let mut unique = 0;
        let mut set = BTreeSet::new();
        for (s, sent) in a.sentences.iter().enumerate() {
            let id = sentence_base[d] + s;
            let claim = claim_of[id];
            if sent.kind == SentenceKind::Claim {
                match claim {
                    Some(c) => {
                        shared += 1;
                        set.insert(c);
                    }
                    None => unique += 1,
                }
            }
            sentences_out.push(SentenceOut {
                id,
                doc: d,
                start: index.to_utf16(sent.start),
                end: index.to_utf16(sent.end),
                text: doc.text[sent.start..sent.end].to_string(),
                kind: sent.kind,
                claim,
            });
        }
        claim_sets.push(set);
        for q in &a.quotes {
            quotes_out.push(QuoteOut {
                id: quotes_out.len(),
                doc: d,
                sentence: sentence_base[d] + q.sentence.min(a.sentences.len().saturating_sub(1)),
                start: index.to_utf16(q.start),
                end: index.to_utf16(q.end),
                text: doc.text[q.start..q.end].to_string(),
                speaker: q.speaker.clone(),
                cue: q.cue.clone(),
                kind: q.kind,
                group: None,
                speaker_given: q.speaker_given.clone(),
                closed: q.closed,
            });
            let claim =
                claim_of[sentence_base[d] + q.sentence.min(a.sentences.len().saturating_sub(1))];
            found_quotes.push(quotes::Found::new(&doc.text, q, claim));
        }
        let word_count = doc.text.split_whitespace().count();
        docs_out.push(DocumentOut {
            id: d,
            file: doc.file,
            format: doc.format,
            title: doc.title,
            outlet: doc.outlet,
            date: doc.date,
            date_source: doc.date_source,
            byline: doc.byline,
            dateline: doc.dateline,
            url: doc.url,
            language: doc.language,
            text: if options.include_text {
                doc.text
            } else {
                String::new()
            },
            removed: doc.removed,
            warnings: doc.warnings,
            word_count,
            claims_shared: shared,
            claims_unique: unique,
        });
    }
    let similarity = claim_similarity(&claim_sets);
    let (speakers, quote_groups) = quotes::cross_outlet(&mut quotes_out, &found_quotes);
    Report {
        schema: SCHEMA,
        documents: docs_out,
        sentences: sentences_out,
        quotes: quotes_out,
        claims,
        quote_groups,
        speakers,
        similarity,
        errors,
    }
}

fn locate(base: &[usize], id: usize) -> (usize, usize) {
    let d = base.partition_point(|&b| b <= id) - 1;
    (d, id - base[d])
}

fn number_discrepancies(
    cluster: &align::Cluster,
    inputs: &[AlignInput],
    align_ids: &[usize],
    documents: &[Document],
    analyses: &[DocAnalysis],
    base: &[usize],
) -> Vec<Discrepancy> {
    let with_numbers: Vec<usize> = cluster
        .members
        .iter()
        .copied()
        .filter(|&m| !inputs[m].features.numbers.is_empty())
        .collect();
    let distinct: BTreeSet<String> = with_numbers
        .iter()
        .map(|&m| format_numbers(&inputs[m].features.numbers))
        .collect();
    if with_numbers.len() < 2 || distinct.len() < 2 {
        return Vec::new();
    }
    let values: Vec<DiscrepancyValue> = with_numbers
        .iter()
        .map(|&m| {
            let id = align_ids[m];
            let (d, _) = locate(base, id);
            let _ = (&documents[d], &analyses[d]);
            DiscrepancyValue {
                sentence: id,
                doc: d,
                value: format_numbers(&inputs[m].features.numbers),
            }
        })
        .collect();
    vec![Discrepancy {
        kind: "number".to_string(),
        summary: format!(
            "numbers differ: {}",
            distinct.into_iter().collect::<Vec<_>>().join(" / ")
        ),
        values,
    }]
}

fn format_numbers(numbers: &[f64]) -> String {
    numbers
        .iter()
        .map(|n| format!("{n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn claim_similarity(sets: &[BTreeSet<usize>]) -> Vec<Vec<f64>> {
    let n = sets.len();
    let mut m = vec![vec![0.0; n]; n];
    for i in 0..n {
        m[i][i] = 1.0;
        for j in i + 1..n {
            let shared = sets[i].intersection(&sets[j]).count() as f64;
            let denom = ((sets[i].len() * sets[j].len()) as f64).sqrt();
            let s = if denom > 0.0 {
                (shared / denom * 1000.0).round() / 1000.0
            } else {
                0.0
            };
            m[i][j] = s;
            m[j][i] = s;
        }
    }
    m
}
