//! The whole pipeline: named file bytes in, one [`Report`] out.

use crate::align::{self, Fix, SentenceIn};
use crate::corrections::{Correction, SpanRef};
use crate::features::{features, FastMap, Features};
use crate::ingest::meta::{fallback_outlet, folders_name_outlets, FolderRole, OutletSource};
use crate::ingest::{self, Document};
use crate::par;
use crate::quotes::{self, Quote};
use crate::report::*;
use crate::segment::{self, Sentence, SentenceKind};
use crate::semantic::WordVectors;
use crate::span::Utf16Index;
use crate::stories;
use std::collections::HashMap;
use std::sync::Arc;

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
    /// The word vectors that let alignment see synonyms and paraphrase
    /// (see [`crate::semantic`]). Default: the table bundled with the crate
    /// (feature `bundled-model`, on in native builds); none in the wasm
    /// build, where the page fetches the table and passes it in. Without
    /// one, claims are aligned by their words alone.
    pub words: Option<Arc<WordVectors>>,
    /// Stories chosen by hand: documents (by file) put in a story named by
    /// the person (any key). Documents with the same key form one story,
    /// whatever the grouping found; the others are grouped as found.
    pub story_choices: Vec<StoryChoice>,
    /// Corrections by hand (claims, speakers, outlet names), applied in
    /// order after the analysis finds its own (see [`crate::corrections`]).
    pub corrections: Vec<Correction>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            include_text: true,
            #[cfg(feature = "bundled-model")]
            words: Some(WordVectors::bundled()),
            #[cfg(not(feature = "bundled-model"))]
            words: None,
            story_choices: Vec::new(),
            corrections: Vec::new(),
        }
    }
}

/// Stages reported to a progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Sentences,
    Stories,
    Aligning,
    Report,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Sentences => "sentences and quotations",
            Stage::Stories => "grouping stories",
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
    let (documents, errors) = read_inputs(inputs, progress);
    analyze_documents(documents, errors, options, progress)
}

/// Reads every input that is not a copy of an earlier one: the documents
/// they give, in order, and the files that gave none (copies named).
fn read_inputs(
    inputs: &[Input],
    progress: &mut dyn FnMut(Stage, usize, usize, &str),
) -> (Vec<Document>, Vec<FileError>) {
    let copy_of = copies(inputs);
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
    (documents, errors)
}

/// How [`story_split`] grouped its inputs' documents.
#[derive(Debug, Clone, PartialEq)]
pub struct StorySplit {
    /// Each document's file name (as in the Report's `documents[].file`),
    /// in Report order.
    pub files: Vec<String>,
    /// `story_of[d]` is the story of document `d`: the same numbering as
    /// the Report's `stories[].id` for the same inputs and options.
    pub story_of: Vec<usize>,
    /// Files that gave no document, with the reason (as in the Report).
    pub errors: Vec<FileError>,
}

/// The stories [`analyze`] finds for `inputs`, and nothing else: no claims,
/// quote groups or report. For a distributed job, which groups one block
/// of candidate documents here and then analyses each story on its own.
/// Costs the reading, sentences and story stages of [`analyze`].
pub fn story_split(inputs: &[Input], options: &Options) -> StorySplit {
    let ((files, story_of), errors) = with_prepared(inputs, |documents, prepared, sentences| {
        let set = group_stories(documents, sentences, &prepared.places, options);
        (
            documents.iter().map(|d| d.file.clone()).collect(),
            set.story_of,
        )
    });
    StorySplit {
        files,
        story_of,
        errors,
    }
}

/// Reads `inputs` as [`analyze`] does (copies named) and prepares their
/// compared sentences; `f` gets the documents, the preparation and the
/// sentences. Also gives the files that gave no document.
fn with_prepared<R>(
    inputs: &[Input],
    f: impl FnOnce(&[Document], &Prepared, &[SentenceIn]) -> R,
) -> (R, Vec<FileError>) {
    let (documents, errors) = read_inputs(inputs, &mut |_, _, _, _| {});
    let analyses = par::map(&documents, analyze_one);
    let (sentence_base, _) = sentence_bases(&analyses);
    let quotes_out = quotes_of(&documents, &analyses, &sentence_base);
    let prepared = prepare_alignment(&documents, &analyses, &sentence_base, &quotes_out);
    let sentences = prepared.sentence_inputs();
    (f(&documents, &prepared, &sentences), errors)
}

/// Each readable document's story record (see [`stories::DocTerms`]), as
/// [`analyze`] computes it: the per-document half of the story grouping,
/// for a distributed job that sums the corpus figures itself (see
/// [`stories::CorpusStats`]). File names in Report order, and the files
/// that gave no document with the reason.
pub fn story_records_of(
    inputs: &[Input],
    options: &Options,
) -> (Vec<String>, Vec<stories::DocTerms>, Vec<FileError>) {
    let ((files, records), errors) = with_prepared(inputs, |documents, prepared, sentences| {
        (
            documents.iter().map(|d| d.file.clone()).collect(),
            story_records(documents, sentences, &prepared.places, options),
        )
    });
    (files, records, errors)
}

/// The stories of `documents`, the person's choices applied.
fn group_stories(
    documents: &[Document],
    inputs: &[SentenceIn],
    places: &[align::Placement],
    options: &Options,
) -> stories::Stories {
    let records = story_records(documents, inputs, places, options);
    let found = stories::group(&stories::profiles(&records));
    apply_choices(found, documents, &options.story_choices)
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

/// For each input, the earlier input whose bytes are identical, if any.
/// Identical bytes are read once; the copies are named in the errors. The
/// hash only finds candidates: two files count as copies when their bytes
/// compare equal, so a collision of the 64-bit hash never loses a file.
fn copies(inputs: &[Input]) -> Vec<Option<usize>> {
    copies_by(inputs, fingerprint)
}

fn copies_by(inputs: &[Input], hash: fn(&[u8]) -> u64) -> Vec<Option<usize>> {
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let same_hash = seen.entry(hash(&input.bytes)).or_default();
            let first = same_hash
                .iter()
                .copied()
                .find(|&j| inputs[j].bytes == input.bytes);
            if first.is_none() {
                same_hash.push(i);
            }
            first
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
    // A transcript turn's label ("PENCE:") is cut out of the claim its
    // words open, and the words are the labelled speaker's quotation.
    let turns = quotes::turns::find(&doc.text);
    let sentences = quotes::turns::cut_labels(&doc.text, segment::segment(doc), &turns);
    let quotes = quotes::find_quotes_with(&doc.text, &sentences, &turns);
    DocAnalysis { sentences, quotes }
}

/// Each document's quotations in Report form (no speakers canonicalised,
/// no groups yet), in document order.
fn quotes_of(
    documents: &[Document],
    analyses: &[DocAnalysis],
    sentence_base: &[usize],
) -> Vec<QuoteOut> {
    let found: Vec<(&str, &[Quote], usize)> = documents
        .iter()
        .zip(analyses)
        .map(|(doc, a)| (doc.text.as_str(), a.quotes.as_slice(), a.sentences.len()))
        .collect();
    crate::report::quotes_out(&found, sentence_base)
}

/// What the cross-outlet step reads of each quotation.
fn placed(quotes: &[QuoteOut]) -> Vec<quotes::Placed<'_>> {
    quotes
        .iter()
        .map(|q| quotes::Placed {
            doc: q.doc,
            text: &q.text,
        })
        .collect()
}

/// The stories found, with the person's choices applied: documents named
/// in `choices` go to the story of their key; the rest stay as found.
fn apply_choices(
    found: stories::Stories,
    documents: &[Document],
    choices: &[StoryChoice],
) -> stories::Stories {
    if choices.is_empty() {
        return found;
    }
    let chosen: HashMap<&str, &str> = choices
        .iter()
        .map(|c| (c.file.as_str(), c.story.as_str()))
        .collect();
    let labels: Vec<(u8, String)> = documents
        .iter()
        .enumerate()
        .map(|(d, doc)| match chosen.get(doc.file.as_str()) {
            Some(key) => (1, key.to_string()),
            None => (0, format!("{:09}", found.story_of[d])),
        })
        .collect();
    stories::Stories::from_labels(&labels)
}

/// Each document's terms for story grouping (see [`stories::DocTerms`]),
/// from the sentences alignment compares (`inputs`, placed by `places`):
/// each document's from its own sentences alone, so that a document gives
/// the same record in any corpus.
fn story_records(
    documents: &[Document],
    inputs: &[SentenceIn],
    places: &[align::Placement],
    options: &Options,
) -> Vec<stories::DocTerms> {
    // The lead: the headline and the first few sentences of the body.
    let mut seen_in_doc = vec![0usize; documents.len()];
    let mut has_heading = vec![false; documents.len()];
    for (s, p) in inputs.iter().zip(places) {
        if let Some(h) = has_heading.get_mut(s.doc) {
            *h |= p.heading;
        }
    }
    let roles: Vec<stories::SentenceRole> = inputs
        .iter()
        .zip(places)
        .map(|(s, p)| {
            if p.heading {
                return stories::SentenceRole {
                    lead: true,
                    headline: true,
                };
            }
            let k = &mut seen_in_doc[s.doc];
            *k += 1;
            stories::SentenceRole {
                lead: *k <= stories::LEAD_SENTENCES,
                // Without a headline, the first sentence stands for it.
                headline: *k == 1 && !has_heading[s.doc],
            }
        })
        .collect();
    // The headline's text (the first sentence's without one), for the
    // months it names.
    let mut headline = vec![(false, String::new()); documents.len()];
    for (s, p) in inputs.iter().zip(places) {
        if let Some((heading, t)) = headline.get_mut(s.doc) {
            if p.heading && !*heading {
                *heading = true;
                t.clear();
            }
            if p.heading || t.is_empty() {
                t.push_str(s.text);
                t.push('\n');
            }
        }
    }
    let mut lead = vec![String::new(); documents.len()];
    for (s, r) in inputs.iter().zip(&roles) {
        if let Some(t) = lead.get_mut(s.doc).filter(|_| r.lead) {
            t.push_str(s.text);
            t.push('\n');
        }
    }
    let facts: Vec<stories::DocumentFacts> = documents
        .iter()
        .zip(headline.iter().zip(&lead))
        .map(|(d, ((_, head), lead))| stories::DocumentFacts {
            published: d.date.as_deref().and_then(stories::days_of),
            time: stories::text_time(&d.text),
            headline_months: stories::months_named(head),
            lead_months: stories::months_named(lead),
            lead_weekdays: stories::weekdays_named(lead),
        })
        .collect();
    let mut of_doc: Vec<Vec<usize>> = vec![Vec::new(); documents.len()];
    for (i, s) in inputs.iter().enumerate() {
        if let Some(list) = of_doc.get_mut(s.doc) {
            list.push(i);
        }
    }
    par::map_range(documents.len(), |d| {
        let corpus = align::Corpus::build_with(
            of_doc[d].iter().map(|&i| (0, inputs[i].features)),
            options.words.clone(),
        );
        let roles: Vec<stories::SentenceRole> = of_doc[d].iter().map(|&i| roles[i]).collect();
        stories::doc_terms(&corpus, &roles, facts[d].clone())
    })
}

/// For training and inspecting the story model: the documents of `inputs`
/// (file names, in Report order) and every candidate document pair with its
/// features (see [`stories::pair_features`]).
pub fn story_table(inputs: &[Input], options: &Options) -> (Vec<String>, Vec<stories::PairRow>) {
    with_corpus(inputs, options, |documents, prepared, inputs, _| {
        let records = story_records(documents, inputs, &prepared.places, options);
        let profiles = stories::profiles(&records);
        let files = documents.iter().map(|d| d.file.clone()).collect();
        (files, stories::pair_table(&profiles))
    })
}

/// For the training tables: the documents `inputs` give (a file that gives
/// none is skipped), read and prepared as the product prepares them, with
/// the compared sentences and their corpus, handed to `f`.
fn with_corpus<R>(
    inputs: &[Input],
    options: &Options,
    f: impl FnOnce(&[Document], &Prepared, &[SentenceIn], &align::Corpus) -> R,
) -> R {
    let documents: Vec<Document> = inputs
        .iter()
        .flat_map(|input| ingest::ingest(&input.name, &input.bytes))
        .flatten()
        .collect();
    let analyses = par::map(&documents, analyze_one);
    let (sentence_base, _) = sentence_bases(&analyses);
    let quotes_out = quotes_of(&documents, &analyses, &sentence_base);
    let prepared = prepare_alignment(&documents, &analyses, &sentence_base, &quotes_out);
    let inputs = prepared.sentence_inputs();
    let corpus = align::Corpus::build_with(
        inputs.iter().map(|s| (s.doc, s.features)),
        options.words.clone(),
    );
    f(&documents, &prepared, &inputs, &corpus)
}

/// The Report id of each document's first sentence, and the number of
/// sentences in all.
fn sentence_bases(analyses: &[DocAnalysis]) -> (Vec<usize>, usize) {
    let mut bases = Vec::with_capacity(analyses.len());
    let mut total = 0;
    for a in analyses {
        bases.push(total);
        total += a.sentences.len();
    }
    (bases, total)
}

impl Prepared<'_> {
    /// The compared sentences as alignment takes them.
    fn sentence_inputs(&self) -> Vec<SentenceIn<'_>> {
        self.claims_in
            .iter()
            .map(|&(doc, text, k)| SentenceIn {
                doc,
                text,
                features: &self.distinct_features[k],
            })
            .collect()
    }
}

/// What alignment is given: per aligned unit the Report id of its first
/// sentence and of its last, its placement, and (document, text, index of
/// its distinct text); the features of each distinct text.
struct Prepared<'a> {
    align_ids: Vec<usize>,
    unit_last: Vec<usize>,
    /// For a unit of several sentences, each sentence's Report id and its
    /// UTF-16 range in the unit's text; empty for a unit of one sentence.
    spread: Vec<Vec<(usize, [usize; 2])>>,
    places: Vec<align::Placement>,
    claims_in: Vec<(usize, &'a str, usize)>,
    distinct_features: Vec<Features>,
}

/// Chooses the units alignment compares (sentences, or a quotation's
/// sentences together) and where each stands.
fn prepare_alignment<'a>(
    documents: &'a [Document],
    analyses: &[DocAnalysis],
    sentence_base: &[usize],
    quotes_out: &[QuoteOut],
) -> Prepared<'a> {
    // The quote groups and speakers a claim-blind grouping finds are
    // evidence for alignment (see align::link); the final groups, which
    // also use the claims, come after alignment.
    let mut evidence_quotes = quotes_out.to_vec();
    {
        let found: Vec<quotes::Found> = analyses
            .iter()
            .enumerate()
            .flat_map(|(d, a)| a.quotes.iter().map(move |q| (d, q)))
            .map(|(d, q)| quotes::Found::new(&documents[d].text, q, None))
            .collect();
        let placed = placed(&evidence_quotes);
        let cross = quotes::cross_outlet(&placed, &found, &[]);
        crate::report::cross_outlet_out(&mut evidence_quotes, cross);
    }
    // The units alignment compares: claims, and the headline (the
    // headings a document opens with), which states its main claim. A
    // quotation that runs over several sentences is one unit, its text the
    // span of those sentences, so that a claim holds the whole quotation with
    // both its marks; a unit of a word or two, or a chant, is no claim
    // (quotes::units, issue #14 point 5).
    // Features depend on a unit's text alone, and wire copy and reused
    // paragraphs repeat sentences word for word: each distinct text is
    // featurised once and its features shared by every occurrence.
    let mut align_ids = Vec::new();
    let mut unit_last = Vec::new();
    let mut spread = Vec::new();
    let mut places: Vec<align::Placement> = Vec::new();
    let mut claims_in: Vec<(usize, &str, usize)> = Vec::new();
    let mut distinct: Vec<&str> = Vec::new();
    let mut seen: FastMap<&str, usize> = FastMap::default();
    let mut place_of: FastMap<usize, usize> = FastMap::default();
    for (d, a) in analyses.iter().enumerate() {
        let doc_text = &documents[d].text;
        let first_claim = a
            .sentences
            .iter()
            .position(|s| s.kind == SentenceKind::Claim)
            .unwrap_or(a.sentences.len());
        for (first, end) in quotes::units::units(doc_text, &a.sentences, &a.quotes) {
            let members = &a.sentences[first..end];
            let headline =
                end == first + 1 && members[0].kind == SentenceKind::Heading && first < first_claim;
            if !headline && !members.iter().any(|m| m.kind == SentenceKind::Claim) {
                continue;
            }
            let (start, stop) = (members[0].start, members[members.len() - 1].end);
            let Some(text) = doc_text.get(start..stop) else {
                continue;
            };
            if !headline && quotes::units::is_fragment(text) {
                continue;
            }
            for s in first..end {
                place_of.insert(sentence_base[d] + s, align_ids.len());
            }
            align_ids.push(sentence_base[d] + first);
            unit_last.push(sentence_base[d] + end - 1);
            spread.push(if end > first + 1 {
                let u16_at = |b: usize| {
                    doc_text
                        .get(start..b)
                        .map_or(0, |t| t.encode_utf16().count())
                };
                members
                    .iter()
                    .zip(first..)
                    .map(|(m, s)| (sentence_base[d] + s, [u16_at(m.start), u16_at(m.end)]))
                    .collect()
            } else {
                Vec::new()
            });
            places.push(align::Placement {
                position: first,
                heading: headline,
                ..Default::default()
            });
            let k = *seen.entry(text).or_insert_with(|| {
                distinct.push(text);
                distinct.len() - 1
            });
            claims_in.push((d, text, k));
        }
    }
    for q in &evidence_quotes {
        if let Some(&k) = place_of.get(&q.sentence) {
            let place = &mut places[k];
            if let Some(g) = q.group {
                place.quote_groups.push(g);
            }
            if let Some(sp) = &q.speaker {
                if !place.speakers.contains(sp) {
                    place.speakers.push(sp.clone());
                }
            }
        }
    }
    let distinct_features: Vec<Features> = par::map(&distinct, |text| features(text));
    Prepared {
        align_ids,
        unit_last,
        spread,
        places,
        claims_in,
        distinct_features,
    }
}

/// For training the link model (`examples/claim_pairs.rs`,
/// `scripts/train_links.py`): the Report of `inputs`, and every candidate
/// pair alignment scores as (Report sentence id, Report sentence id, link
/// features), computed exactly as [`analyze`] computes them.
#[doc(hidden)]
pub fn link_table(
    inputs: &[Input],
    options: &Options,
) -> (Report, Vec<(usize, usize, [f32; align::link::N_FEATURES])>) {
    let report = analyze(inputs, options);
    let rows = with_corpus(inputs, options, |documents, prepared, inputs, corpus| {
        let similarity = align::docsim::doc_similarity(corpus, documents.len());
        let contexts = align::contexts(corpus, &prepared.places, &similarity);
        let found = align::link_candidates(corpus, inputs);
        let (scored, _) = align::judged(&found);
        let feats = align::link::features(corpus, &scored, &contexts);
        scored
            .iter()
            .zip(feats)
            .map(|(p, f)| {
                (
                    prepared.align_ids[p.a as usize],
                    prepared.align_ids[p.b as usize],
                    f,
                )
            })
            .collect()
    });
    (report, rows)
}

/// Analyses documents already ingested; `errors` are carried into the Report.
pub fn analyze_documents(
    documents: Vec<Document>,
    errors: Vec<FileError>,
    options: &Options,
    progress: &mut dyn FnMut(Stage, usize, usize, &str),
) -> Report {
    progress(Stage::Sentences, 0, documents.len(), "");
    let mut analyses = par::map(&documents, analyze_one);
    let fixes = Resolved::new(&options.corrections, &documents, &analyses);
    fixes.give_speakers(&mut analyses);

    progress(Stage::Aligning, 0, documents.len(), "");
    // Global sentence ids, in document order.
    let (sentence_base, total) = sentence_bases(&analyses);
    let quotes_out = quotes_of(&documents, &analyses, &sentence_base);
    let quote_of: Vec<(usize, &Quote)> = analyses
        .iter()
        .enumerate()
        .flat_map(|(d, a)| a.quotes.iter().map(move |q| (d, q)))
        .collect();
    let prepared = prepare_alignment(&documents, &analyses, &sentence_base, &quotes_out);
    let mut quotes_out = quotes_out;
    let inputs = prepared.sentence_inputs();
    let (align_ids, places) = (&prepared.align_ids, &prepared.places);
    let unit_last = prepared.unit_last.clone();
    // Stories first (each document's terms from its own sentences), then
    // the heat map over the corpus, then claims within each story.
    progress(Stage::Stories, 0, documents.len(), "");
    let story_set = group_stories(&documents, &inputs, places, options);
    let similarity = {
        let corpus = align::Corpus::build_with(
            inputs.iter().map(|s| (s.doc, s.features)),
            options.words.clone(),
        );
        align::docsim::doc_similarity(&corpus, documents.len())
    };
    progress(Stage::Aligning, 0, documents.len(), "");
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    // Quotations are the speaker's words: two outlets quoting one statement
    // are not copying each other (docsim::verbatim counts them apart).
    let quoted: Vec<Vec<(usize, usize)>> = analyses
        .iter()
        .map(|a| a.quotes.iter().map(|q| (q.start, q.end)).collect())
        .collect();
    let (mut alignment, verbatim) = par::both(
        || {
            align::align_stories(
                &inputs,
                places,
                &story_set,
                similarity,
                options.words.clone(),
                &fixes.claim_fixes(align_ids, &unit_last),
            )
        },
        || align::verbatim(&texts, &quoted),
    );
    let mut claims = crate::report::claims_out(&alignment, &inputs, align_ids);
    crate::report::spread_units(&mut claims, align_ids, &prepared.spread);
    let alignment_applied = std::mem::take(&mut alignment.applied);
    let mut verbatim = verbatim.into_iter();
    drop(inputs);

    progress(Stage::Report, 0, documents.len(), "");
    // A sentence's own claim first, then those it carries through a clause.
    let mut claims_of: Vec<Vec<usize>> = vec![Vec::new(); total];
    for c in &claims {
        for w in c.wordings.iter().filter(|w| !w.also) {
            claims_of[w.sentence].push(c.id);
        }
    }
    for c in &claims {
        for w in c.wordings.iter().filter(|w| w.also) {
            claims_of[w.sentence].push(c.id);
        }
    }
    let claim_of: Vec<Option<usize>> = claims_of.iter().map(|c| c.first().copied()).collect();
    let per_doc: Vec<(&str, &[Quote], &[Sentence])> = documents
        .iter()
        .zip(&analyses)
        .map(|(d, a)| (d.text.as_str(), a.quotes.as_slice(), a.sentences.as_slice()))
        .collect();
    let mut shown =
        crate::report::whole_marks(&mut claims, &claim_of, &per_doc, align_ids, &unit_last)
            .into_iter();
    let found_quotes: Vec<quotes::Found> = quote_of
        .iter()
        .zip(&quotes_out)
        .map(|(&(d, q), out)| quotes::Found::new(&documents[d].text, q, claim_of[out.sentence]))
        .collect();

    // A folder where some document names its own outlet is a collection of
    // outlets: it names none of its other documents.
    let mixed_folders: std::collections::HashSet<String> = documents
        .iter()
        .filter(|d| d.outlet.is_some())
        .map(|d| folder_of(&d.file).to_string())
        .collect();
    let folders_are_outlets = folders_name_outlets(
        documents
            .iter()
            .filter(|d| d.outlet.is_none() && d.url.is_none())
            .map(|d| d.file.as_str()),
    );
    let mut sentences_out = Vec::with_capacity(total);
    let mut docs_out = Vec::with_capacity(documents.len());
    for (d, (mut doc, a)) in documents.into_iter().zip(&analyses).enumerate() {
        let first = sentence_base[d];
        let own = crate::report::sentences_out(
            d,
            &doc.text,
            &a.sentences,
            first,
            &mut claims_of[first..first + a.sentences.len()],
            &mut shown,
        );
        let claims_here = own.iter().filter(|s| s.kind == SentenceKind::Claim);
        let shared = claims_here.clone().filter(|s| s.claim.is_some()).count();
        let unique = claims_here.filter(|s| s.claim.is_none()).count();
        sentences_out.extend(own);
        let (outlet, outlet_source) = match (fixes.outlet_of(&doc.file), doc.outlet.take()) {
            (Some(name), _) => (Some(name.to_string()), Some(OutletSource::Hand)),
            (None, Some(name)) => (Some(name), Some(OutletSource::Page)),
            (None, None) => match fallback_outlet(
                &doc.file,
                doc.url.as_deref(),
                if mixed_folders.contains(folder_of(&doc.file)) {
                    FolderRole::Collection
                } else if folders_are_outlets {
                    FolderRole::Outlet
                } else {
                    FolderRole::Fallback
                },
            ) {
                Some((name, source)) => (Some(name), Some(source)),
                None => (None, None),
            },
        };
        let copied = verbatim.next().unwrap_or_default();
        docs_out.push(crate::report::document_out(
            d,
            doc,
            (outlet, outlet_source),
            options.include_text,
            (shared, unique),
            copied,
        ));
    }
    let similarity = alignment.similarity;
    let cross = quotes::cross_outlet(&placed(&quotes_out), &found_quotes, &story_set.story_of);
    let (speakers, quote_groups) = crate::report::cross_outlet_out(&mut quotes_out, cross);
    let stories_out =
        crate::report::stories_out(&story_set, &docs_out, &similarity, &options.story_choices);
    let mut notes = Vec::new();
    if options.words.is_none() && total > 0 {
        notes.push(
            "Claims were aligned by their words alone: the word vectors that see \
             synonyms and paraphrase were not loaded."
                .to_string(),
        );
    }
    for (k, correction) in options.corrections.iter().enumerate() {
        if !fixes.applied(k, &alignment_applied, align_ids, &unit_last) {
            notes.push(format!(
                "A correction by hand could not be applied ({}): what it names is not in these files or not in one story.",
                correction.describe()
            ));
        }
    }
    let mut report = Report {
        schema: SCHEMA,
        stories: stories_out,
        story_choices: options.story_choices.clone(),
        corrections: options.corrections.clone(),
        documents: docs_out,
        sentences: sentences_out,
        quotes: quotes_out,
        claims,
        quote_groups,
        speakers,
        framing: Vec::new(),
        framing_outlets: Vec::new(),
        similarity,
        errors,
        notes,
    };
    // Framing reads the finished claims and quote groups (their wordings'
    // texts and spans), so it runs last.
    report.framing = crate::report::framing::framing(&report, options.words.as_deref());
    report.framing_outlets = crate::report::framing::outlet_summary(&report, &report.framing);
    report
}

/// The corrections of [`Options`] resolved against this analysis: which
/// sentence, quotation or document each names.
struct Resolved<'a> {
    corrections: &'a [Correction],
    /// The claim fixes that resolved, in Report sentence ids, each with the
    /// index of its correction.
    claim: Vec<(usize, ClaimFix)>,
    /// (correction, document, quotation index in it, speaker) for each
    /// speaker fix that resolved.
    speakers: Vec<(usize, usize, usize, String)>,
    /// Document file → the outlet named by hand (the last such fix wins).
    outlets: HashMap<String, &'a str>,
    /// Indices of the outlet fixes whose file is among the documents.
    outlets_found: Vec<usize>,
}

#[derive(Clone, Copy)]
enum ClaimFix {
    Detach(usize),
    Attach(usize, usize),
    Merge(usize, usize),
}

impl<'a> Resolved<'a> {
    fn new(
        corrections: &'a [Correction],
        documents: &[Document],
        analyses: &[DocAnalysis],
    ) -> Resolved<'a> {
        let mut resolved = Resolved {
            corrections,
            claim: Vec::new(),
            speakers: Vec::new(),
            outlets: HashMap::new(),
            outlets_found: Vec::new(),
        };
        if corrections.is_empty() {
            return resolved;
        }
        let (bases, _) = sentence_bases(analyses);
        let doc_of = DocsByFile::new(documents);
        let indexes: Vec<Utf16Index> = documents.iter().map(|d| Utf16Index::new(&d.text)).collect();
        let sentence = |r: &SpanRef| -> Option<usize> {
            let d = doc_of.get(&r.file)?;
            let s = analyses[d]
                .sentences
                .iter()
                .position(|s| indexes[d].to_utf16(s.start) == r.start)?;
            Some(bases[d] + s)
        };
        for (k, c) in corrections.iter().enumerate() {
            let fix = match c {
                Correction::Detach { sentence: s } => sentence(s).map(ClaimFix::Detach),
                Correction::Attach { sentence: s, to } => sentence(s)
                    .zip(sentence(to))
                    .map(|(a, b)| ClaimFix::Attach(a, b)),
                Correction::Merge { a, b } => sentence(a)
                    .zip(sentence(b))
                    .map(|(a, b)| ClaimFix::Merge(a, b)),
                Correction::Speaker { quote, speaker } => {
                    if let Some(d) = doc_of.get(&quote.file) {
                        if let Some(q) = analyses[d]
                            .quotes
                            .iter()
                            .position(|q| indexes[d].to_utf16(q.start) == quote.start)
                        {
                            resolved
                                .speakers
                                .push((k, d, q, speaker.trim().to_string()));
                        }
                    }
                    None
                }
                Correction::Outlet { file, outlet } => {
                    if let Some(d) = doc_of.get(file) {
                        resolved
                            .outlets
                            .insert(documents[d].file.clone(), outlet.as_str());
                        resolved.outlets_found.push(k);
                    }
                    None
                }
            };
            if let Some(fix) = fix {
                resolved.claim.push((k, fix));
            }
        }
        resolved
    }

    /// Gives the quotations named by speaker fixes their speaker, before
    /// speakers are canonicalised and quotations grouped across outlets.
    fn give_speakers(&self, analyses: &mut [DocAnalysis]) {
        for (_, d, q, speaker) in &self.speakers {
            let quote = &mut analyses[*d].quotes[*q];
            let named = (!speaker.is_empty()).then(|| speaker.clone());
            quote.speaker = named.clone();
            quote.speaker_given = named;
            quote.speaker_role = None;
            quote.speaker_is_person = true;
            // A name given by hand is a name, not a description.
            quote.speaker_described = false;
        }
    }

    /// The claim fixes in indices of the aligned inputs (`align_ids[k]` is
    /// the Report sentence id of input `k`, ascending), each with the index
    /// of its correction; a fix naming a sentence that is not aligned (a
    /// caption, say) is left out and so never applies.
    /// The claim fixes as alignment takes them, with their corrections'
    /// indices: a sentence is named by the unit it opens or lies in
    /// (`align_ids` and `unit_last` as in [`Prepared`]).
    fn inputs(&self, align_ids: &[usize], unit_last: &[usize]) -> Vec<(usize, Fix)> {
        let input = |id: usize| match align_ids.binary_search(&id) {
            Ok(k) => Some(k),
            Err(k) => k
                .checked_sub(1)
                .filter(|&k| unit_last.get(k).is_some_and(|&last| id <= last)),
        };
        self.claim
            .iter()
            .filter_map(|&(k, fix)| {
                let fix = match fix {
                    ClaimFix::Detach(s) => Fix::Detach(input(s)?),
                    ClaimFix::Attach(s, t) => Fix::Attach {
                        sentence: input(s)?,
                        to: input(t)?,
                    },
                    ClaimFix::Merge(a, b) => Fix::Merge(input(a)?, input(b)?),
                };
                Some((k, fix))
            })
            .collect()
    }

    fn claim_fixes(&self, align_ids: &[usize], unit_last: &[usize]) -> Vec<Fix> {
        self.inputs(align_ids, unit_last)
            .into_iter()
            .map(|(_, f)| f)
            .collect()
    }

    fn outlet_of(&self, file: &str) -> Option<&str> {
        self.outlets.get(file).copied()
    }

    /// Whether correction `k` applied; `claims_applied` is what alignment
    /// said of the fixes [`Self::claim_fixes`] gave it, `align_ids` as there.
    fn applied(
        &self,
        k: usize,
        claims_applied: &[bool],
        align_ids: &[usize],
        unit_last: &[usize],
    ) -> bool {
        match &self.corrections[k] {
            Correction::Outlet { .. } => self.outlets_found.contains(&k),
            Correction::Speaker { .. } => self.speakers.iter().any(|s| s.0 == k),
            _ => self
                .inputs(align_ids, unit_last)
                .iter()
                .position(|&(j, _)| j == k)
                .and_then(|p| claims_applied.get(p).copied())
                .unwrap_or(false),
        }
    }
}

/// Documents found by the file a correction names: the same name, else the
/// one document whose path ends with it or that it ends with (the page names
/// files from the dropped folder down, the CLI from where it was run).
struct DocsByFile<'a> {
    exact: HashMap<&'a str, usize>,
    files: Vec<&'a str>,
}

impl<'a> DocsByFile<'a> {
    fn new(documents: &'a [Document]) -> Self {
        let mut exact = HashMap::new();
        for (d, doc) in documents.iter().enumerate() {
            exact.entry(doc.file.as_str()).or_insert(d);
        }
        DocsByFile {
            exact,
            files: documents.iter().map(|d| d.file.as_str()).collect(),
        }
    }

    fn get(&self, name: &str) -> Option<usize> {
        if let Some(&d) = self.exact.get(name) {
            return Some(d);
        }
        let within = |long: &str, short: &str| {
            long.len() > short.len()
                && long.ends_with(short)
                && long.as_bytes()[long.len() - short.len() - 1] == b'/'
        };
        let mut found = self
            .files
            .iter()
            .enumerate()
            .filter(|(_, f)| within(f, name) || within(name, f));
        match (found.next(), found.next()) {
            (Some((d, _)), None) => Some(d),
            _ => None,
        }
    }
}

/// The folder part of a document's file ("a/b/c.txt#2" → "a/b"), empty for none.
fn folder_of(file: &str) -> &str {
    let path = file.split('#').next().unwrap_or(file);
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, text: &str) -> Input {
        Input {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn files_whose_hashes_collide_are_not_copies() {
        let inputs = [
            input("a.txt", "One article."),
            input("b.txt", "Another article."),
            input("c.txt", "One article."),
        ];
        // Every file hashes alike: only equal bytes make a copy.
        assert_eq!(copies_by(&inputs, |_| 7), vec![None, None, Some(0)]);
        assert_eq!(copies(&inputs), vec![None, None, Some(0)]);
    }
}
