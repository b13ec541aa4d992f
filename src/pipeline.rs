//! The whole pipeline: named file bytes in, one [`Report`] out.

use crate::align::{self, SentenceIn};
use crate::features::{features, FastMap, Features};
use crate::ingest::{self, Document};
use crate::par;
use crate::quotes::{self, Quote};
use crate::report::*;
use crate::segment::{self, Sentence, SentenceKind};
use crate::span::Utf16Index;
use std::collections::HashMap;

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
    // Identical bytes are read once; the copies are named in the errors.
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let copy_of: Vec<Option<usize>> = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let first = *seen.entry(fingerprint(&input.bytes)).or_insert(i);
            (first != i).then_some(first)
        })
        .collect();
    let mut read = ingest_inputs(inputs, &copy_of, progress).into_iter();
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for (input, copy) in inputs.iter().zip(&copy_of) {
        if let Some(first) = copy {
            errors.push(FileError {
                file: input.name.clone(),
                reason: format!("the same file as {}; loaded once", inputs[*first].name),
            });
            continue;
        }
        for result in read.next().unwrap_or_default() {
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

type Ingested = Vec<Result<Document, ingest::IngestError>>;

/// Ingests every input that is not a copy, in order: in parallel in the CLI,
/// one by one (reporting each file) in the wasm build.
#[cfg(feature = "cli")]
fn ingest_inputs(
    inputs: &[Input],
    copy_of: &[Option<usize>],
    progress: &mut dyn FnMut(Stage, usize, usize, &str),
) -> Vec<Ingested> {
    use rayon::prelude::*;
    progress(Stage::Reading, 0, inputs.len(), "");
    inputs
        .par_iter()
        .zip(copy_of)
        .filter(|(_, copy)| copy.is_none())
        .map(|(input, _)| ingest::ingest(&input.name, &input.bytes))
        .collect()
}

#[cfg(not(feature = "cli"))]
fn ingest_inputs(
    inputs: &[Input],
    copy_of: &[Option<usize>],
    progress: &mut dyn FnMut(Stage, usize, usize, &str),
) -> Vec<Ingested> {
    inputs
        .iter()
        .zip(copy_of)
        .enumerate()
        .filter(|(_, (_, copy))| copy.is_none())
        .map(|(i, (input, _))| {
            progress(Stage::Reading, i, inputs.len(), &input.name);
            ingest::ingest(&input.name, &input.bytes)
        })
        .collect()
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
    quotes: Vec<Quote>,
}

fn analyze_one(doc: &Document) -> DocAnalysis {
    let sentences = segment::segment(doc);
    let quotes = quotes::find_quotes(&doc.text, &sentences);
    DocAnalysis { sentences, quotes }
}

/// Analyses documents already ingested; `errors` are carried into the Report.
pub fn analyze_documents(
    documents: Vec<Document>,
    errors: Vec<FileError>,
    options: &Options,
    progress: &mut dyn FnMut(Stage, usize, usize, &str),
) -> Report {
    progress(Stage::Sentences, 0, documents.len(), "");
    let analyses = par::map(&documents, analyze_one);

    progress(Stage::Aligning, 0, documents.len(), "");
    // Global sentence ids, in document order.
    let mut sentence_base = Vec::with_capacity(documents.len());
    let mut total = 0;
    for a in &analyses {
        sentence_base.push(total);
        total += a.sentences.len();
    }
    // Features depend on a sentence's text alone, and wire copy and reused
    // paragraphs repeat sentences word for word: each distinct claim text
    // is featurised once and its features shared by every occurrence.
    let mut align_ids = Vec::new();
    // Per claim sentence: its document, its text, and its distinct text.
    let mut claims_in: Vec<(usize, &str, usize)> = Vec::new();
    let mut distinct: Vec<&str> = Vec::new();
    let mut seen: FastMap<&str, usize> = FastMap::default();
    for (d, a) in analyses.iter().enumerate() {
        for (s, sent) in a.sentences.iter().enumerate() {
            if sent.kind != SentenceKind::Claim {
                continue;
            }
            let text = &documents[d].text[sent.start..sent.end];
            align_ids.push(sentence_base[d] + s);
            let k = *seen.entry(text).or_insert_with(|| {
                distinct.push(text);
                distinct.len() - 1
            });
            claims_in.push((d, text, k));
        }
    }
    let distinct_features: Vec<Features> = par::map(&distinct, |text| features(text));
    let inputs: Vec<SentenceIn> = claims_in
        .iter()
        .map(|&(doc, text, k)| SentenceIn {
            doc,
            text,
            features: &distinct_features[k],
        })
        .collect();
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let (alignment, verbatim) = par::both(
        || align::align(&inputs, documents.len()),
        || align::verbatim(&texts),
    );
    let claims = align::claims_out(&alignment, &inputs, &align_ids);
    let mut verbatim = verbatim.into_iter();
    drop(inputs);

    progress(Stage::Report, 0, documents.len(), "");
    let mut claim_of: Vec<Option<usize>> = vec![None; total];
    for c in &claims {
        for &s in &c.sentences {
            claim_of[s] = Some(c.id);
        }
    }

    let mut sentences_out = Vec::with_capacity(total);
    let mut quotes_out = Vec::new();
    let mut found_quotes = Vec::new();
    let mut docs_out = Vec::with_capacity(documents.len());
    for (d, (doc, a)) in documents.into_iter().zip(&analyses).enumerate() {
        let index = Utf16Index::new(&doc.text);
        let mut shared = 0;
        let mut unique = 0;
        for (s, sent) in a.sentences.iter().enumerate() {
            let id = sentence_base[d] + s;
            let claim = claim_of[id];
            if sent.kind == SentenceKind::Claim {
                match claim {
                    Some(_) => shared += 1,
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
        let copied = verbatim.next().unwrap_or_default();
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
            verbatim_share: copied.share,
            verbatim_with: copied.with,
        });
    }
    let similarity = alignment.similarity;
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
