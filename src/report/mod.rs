//! The Report: everything the pipeline found, in in one serde shape shared
//! by the CLI's JSON, the page and the tests. Spans here are UTF-16 code
//! units so that JavaScript's `text.slice(start, end)` returns the span.
//!
//! The stages return their own types; the functions here turn them into
//! the serialised shape ([`claims_out`], [`cross_outlet_out`]). [`framing`]
//! reads the finished Report and adds how its outlets word each claim, so it
//! lives here rather than among the stages it does not feed.

pub mod framing;
pub mod framing_score;

use crate::align::{Alignment, Claim, Finding, Kind, SentenceIn};
use crate::ingest::{Format, Removed};
use crate::quotes::QuoteKind;
use crate::segment::SentenceKind;
use crate::span::Utf16Index;
use crate::stories;
use framing::{FramingOut, OutletFraming};
use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "parallax.report/1";

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    /// The events the corpus holds, each a group of documents; claims and
    /// quote groups are built within one.
    pub stories: Vec<StoryOut>,
    /// Stories chosen by hand (documents moved or stories merged), as given
    /// in the options: an exported Report keeps them.
    pub story_choices: Vec<StoryChoice>,
    /// Corrections by hand, as given in the options, in the order applied:
    /// an exported Report keeps them (see [`crate::corrections`]).
    pub corrections: Vec<crate::corrections::Correction>,
    pub documents: Vec<DocumentOut>,
    pub sentences: Vec<SentenceOut>,
    pub quotes: Vec<QuoteOut>,
    pub claims: Vec<ClaimOut>,
    pub quote_groups: Vec<QuoteGroupOut>,
    pub speakers: Vec<SpeakerOut>,
    /// How the outlets' wordings of each claim and quote group differ:
    /// labels for one referent, reporting verbs, hedges, evaluative words,
    /// details only some include (see [`crate::report::framing`]).
    pub framing: Vec<FramingOut>,
    /// Per outlet, the terms of `framing` its wordings use (labels with
    /// what others say instead, reporting verbs, hedges, evaluative words).
    pub framing_outlets: Vec<OutletFraming>,
    /// documents × documents, in [0, 1].
    pub similarity: Vec<Vec<f64>>,
    /// Files (or records) that gave no document, with the reason.
    pub errors: Vec<FileError>,
    /// What a reader should know about the analysis as a whole (e.g. that
    /// claims were aligned by their words alone, without word vectors).
    pub notes: Vec<String>,
}

impl Report {
    /// The Report limited to story `story`: only its claims and quote
    /// groups (ids unchanged; `context` links to other stories dropped)
    /// and only it in `stories`. Documents, sentences and quotations stay,
    /// so every id still points where it did.
    pub fn only_story(mut self, story: usize) -> Report {
        self.claims.retain(|c| c.story == story);
        self.claims.iter_mut().for_each(|c| c.context.clear());
        self.quote_groups.retain(|g| g.story == story);
        self.stories.retain(|s| s.id == story);
        let (claims, groups) = (&self.claims, &self.quote_groups);
        self.framing.retain(|f| {
            f.claim.is_some_and(|c| claims.iter().any(|x| x.id == c))
                || f.quote_group
                    .is_some_and(|g| groups.iter().any(|x| x.id == g))
        });
        self.framing_outlets = crate::report::framing::outlet_summary(&self, &self.framing);
        self
    }
}

/// One story: a real-world event and the documents that report it.
#[derive(Debug, Clone, Serialize)]
pub struct StoryOut {
    pub id: usize,
    /// A short name: the headline of its most central document.
    pub label: String,
    /// Document ids, ascending.
    pub documents: Vec<usize>,
    /// The earliest and latest publication dates of its documents (ISO 8601
    /// as the documents give them, with a year), when any is known.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// The grouping was changed by hand (a document moved, stories merged).
    pub chosen: bool,
}

/// A document put in a story by hand: `file` is the document's `file`,
/// `story` any key; documents with the same key form one story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryChoice {
    pub file: String,
    pub story: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentOut {
    pub id: usize,
    pub file: String,
    pub format: Option<Format>,
    pub title: Option<String>,
    /// The outlet: named by hand, by the page, by the URL's host, else made
    /// from the file's name or folder (see `outlet_source`).
    pub outlet: Option<String>,
    pub outlet_source: Option<crate::ingest::meta::OutletSource>,
    pub date: Option<String>,
    pub date_source: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// The section an export names for the article (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The length an export states ("412 words"; absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<String>,
    pub text: String,
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
    pub word_count: usize,
    /// Claim sentences of this document that other outlets also carry.
    pub claims_shared: usize,
    /// Claim sentences no other outlet carries.
    pub claims_unique: usize,
    /// Share of the document's words inside runs of 8 or more words that
    /// another document has word for word in its own words (a wire copy
    /// shows near 1). Quotations that another document also quotes are not
    /// counted here, unless they came with the copied words around them.
    pub verbatim_share: f64,
    /// The documents those runs are shared with, most shared first.
    pub verbatim_with: Vec<usize>,
    /// Share of the document's words inside its quotations (spans of
    /// `quotes`) in runs of 8 or more words that another document quotes
    /// too: the same statement quoted, not copying. In [0, 1].
    pub quoted_share: f64,
    /// The documents quoting those same words, most shared first.
    pub quoted_with: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentenceOut {
    pub id: usize,
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: SentenceKind,
    /// The claim this sentence states (its first, when it supports several).
    pub claim: Option<usize>,
    /// Every claim it supports: its own first, then those it carries through
    /// one of its clauses (see `WordingOut::support`).
    pub claims: Vec<usize>,
    /// The id of the first sentence of the unit alignment compared it in
    /// (its own id, unless it is part of a quotation over several
    /// sentences): an unshared quotation is shown as one row, not a row per
    /// sentence (issue #14, point 5).
    pub unit: usize,
    /// Quotation marks to show before this sentence when the sentences of
    /// its unit with the same `claim` (or, unshared, none) and kind are shown
    /// as one
    /// (a piece of a longer quotation opens without its mark): set on the
    /// first sentence of such a run only, mostly empty.
    pub before: String,
    /// Marks to show after it, on the last sentence of such a run only.
    pub after: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteOut {
    pub id: usize,
    pub doc: usize,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub cue: Option<String>,
    pub kind: QuoteKind,
    pub group: Option<usize>,
    /// The words naming the speaker at this quotation ("he", "the Iranian
    /// president"), before canonicalisation.
    pub speaker_given: Option<String>,
    /// False when the closing mark is missing and the paragraph ended it.
    pub closed: bool,
    /// True when `speaker` is a description ("a worker at the plant"), not
    /// a name: such a speaker is never merged with a named person.
    pub speaker_described: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimOut {
    pub id: usize,
    /// The story the claim belongs to (`stories[].id`).
    pub story: usize,
    /// Claims of other stories that say something alike: context (the
    /// same thing said of another event), never corroboration.
    pub context: Vec<usize>,
    pub sentences: Vec<usize>,
    pub docs: Vec<usize>,
    /// The most central wording (a unit's text), its quotation marks made
    /// whole (`quotes::units::marks_for`).
    pub label: String,
    /// The sentence the label is taken from.
    pub label_sentence: usize,
    /// Each outlet's wording, with the words that differ from the label.
    pub wordings: Vec<WordingOut>,
    pub discrepancies: Vec<Discrepancy>,
    /// A correction by hand changed its wordings (see `Report::corrections`).
    pub corrected: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct WordingOut {
    pub sentence: usize,
    pub doc: usize,
    /// UTF-16 ranges relative to the sentence's text of the words the label
    /// does not have (empty for the label's own sentence).
    pub differs: Vec<[usize; 2]>,
    /// The UTF-16 range of the words that carry the claim, when that is a
    /// clause of a longer sentence reporting several facts; null when the
    /// whole sentence does.
    pub support: Option<[usize; 2]>,
    /// True when this claim is a second one the sentence supports through a
    /// clause (the sentence's `claim` is another).
    pub also: bool,
    /// Quotation marks to show before this wording: consecutive sentences of
    /// one document in a claim are shown as one wording, and when it holds
    /// a closing mark whose opening is outside it, its first sentence
    /// carries the opening mark that makes it whole. Mostly empty.
    pub before: String,
    /// Marks to show after the wording, on the last sentence of such a run.
    pub after: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Discrepancy {
    /// `number`, `negation` or `ordinal`.
    pub kind: String,
    /// One human-readable line, e.g. "numbers differ: 400,000 / 560,000".
    pub summary: String,
    /// True when the values can all hold at once (a figure inside a stated
    /// range, a vague amount and a figure of its size): a softer flag.
    pub compatible: bool,
    /// What each sentence says on the point.
    pub values: Vec<DiscrepancyValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiscrepancyValue {
    pub sentence: usize,
    pub doc: usize,
    pub value: String,
    /// UTF-16 range of `value` relative to the sentence's text, when the
    /// sentence states it (absent for "(none)").
    pub span: Option<[usize; 2]>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteGroupOut {
    pub id: usize,
    /// The story the group belongs to (`stories[].id`).
    pub story: usize,
    pub speaker: Option<String>,
    pub quotes: Vec<usize>,
    pub docs: Vec<usize>,
    /// Each outlet's wording: the quote, and its words no other member has.
    pub members: Vec<QuoteGroupMember>,
    /// How the group holds: "same words", "contained" or "same remark".
    pub link: String,
    /// The same words are given to different speakers.
    pub conflict: bool,
    /// Those speakers, when `conflict`.
    pub conflicting_speakers: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteGroupMember {
    pub quote: usize,
    pub doc: usize,
    pub speaker: Option<String>,
    /// `[start, end]` UTF-16 ranges relative to the quote's `text`.
    pub differing: Vec<[usize; 2]>,
    /// The quote (`quotes[].id`) this one is a piece of: its outlet quotes
    /// the remark in pieces where that quote's outlet gives it whole
    /// (issue 16, point 6). Absent for whole quotations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub piece_of: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerOut {
    pub name: String,
    pub aliases: Vec<String>,
    pub docs: Vec<usize>,
    /// True when `name` is a description ("a senior official who asked not
    /// to be named"), not a name (issue 16, point 3).
    pub described: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub reason: String,
}

impl Report {
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        match self.write_json(&mut out) {
            Ok(()) => String::from_utf8(out).unwrap_or_default(),
            Err(e) => format!("{{\"error\":\"{e}\"}}"),
        }
    }

    /// Writes the Report's JSON to `out`, the same text as serde_json's.
    pub fn write_json(&self, out: impl std::io::Write) -> serde_json::Result<()> {
        self.serialize(&mut serde_json::Serializer::with_formatter(
            out,
            Thousandths,
        ))
    }
}

/// serde_json's compact format, with scores rounded to thousandths (the
/// similarity matrix: a million of them for a thousand documents) written
/// from a table of serde_json's own text for each, not formatted one by one.
struct Thousandths;

impl serde_json::ser::Formatter for Thousandths {
    fn write_f64<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        value: f64,
    ) -> std::io::Result<()> {
        static TEXT: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let k = (value * 1000.0).round();
        if (0.0..=1000.0).contains(&k) && k / 1000.0 == value {
            let text = TEXT.get_or_init(|| {
                (0..=1000)
                    .map(|k| serde_json::to_string(&(k as f64 / 1000.0)).unwrap_or_default())
                    .collect()
            });
            return out.write_all(text[k as usize].as_bytes());
        }
        serde_json::ser::CompactFormatter.write_f64(out, value)
    }
}

/// The quotations in Report form (no speakers canonicalised, no groups
/// yet), in document order: per document its text, its quotations and its
/// number of sentences; `sentence_base[d]` is the Report id of document
/// `d`'s first sentence.
pub fn quotes_out(
    documents: &[(&str, &[crate::quotes::Quote], usize)],
    sentence_base: &[usize],
) -> Vec<QuoteOut> {
    let mut quotes_out = Vec::new();
    for (d, &(text, quotes, n_sentences)) in documents.iter().enumerate() {
        let index = Utf16Index::new(text);
        for q in quotes {
            quotes_out.push(QuoteOut {
                id: quotes_out.len(),
                doc: d,
                sentence: sentence_base[d] + q.sentence.min(n_sentences.saturating_sub(1)),
                start: index.to_utf16(q.start),
                end: index.to_utf16(q.end),
                text: text[q.start..q.end].to_string(),
                speaker: q.speaker.clone(),
                cue: q.cue.clone(),
                kind: q.kind,
                group: None,
                speaker_given: q.speaker_given.clone(),
                closed: q.closed,
                speaker_described: q.speaker_described,
            });
        }
    }
    quotes_out
}

/// The stories in Report form: each labelled by the headline of its most
/// central document (the most alike to the others of its story), dated by
/// its documents' publication dates.
pub fn stories_out(
    set: &stories::Stories,
    docs: &[DocumentOut],
    similarity: &[Vec<f64>],
    choices: &[StoryChoice],
) -> Vec<StoryOut> {
    set.members
        .iter()
        .enumerate()
        .map(|(id, members)| {
            let centrality = |d: usize| -> f64 {
                members
                    .iter()
                    .filter(|&&o| o != d)
                    .map(|&o| {
                        similarity
                            .get(d)
                            .and_then(|r| r.get(o))
                            .copied()
                            .unwrap_or(0.0)
                    })
                    .sum()
            };
            let central = members
                .iter()
                .copied()
                .max_by(|&a, &b| centrality(a).total_cmp(&centrality(b)).then(b.cmp(&a)))
                .unwrap_or(0);
            let label = docs
                .get(central)
                .map(|d| d.title.clone().unwrap_or_else(|| d.file.clone()))
                .unwrap_or_default();
            let mut dated: Vec<(i64, &str)> = members
                .iter()
                .filter_map(|&d| docs.get(d)?.date.as_deref())
                .filter_map(|date| Some((stories::days_of(date)?, date)))
                .collect();
            crate::order::sort(&mut dated);
            let chosen = members.iter().any(|&d| {
                docs.get(d)
                    .is_some_and(|doc| choices.iter().any(|c| c.file == doc.file))
            });
            StoryOut {
                id,
                label,
                documents: members.clone(),
                first_date: dated.first().map(|d| d.1.to_string()),
                last_date: dated.last().map(|d| d.1.to_string()),
                chosen,
            }
        })
        .collect()
}

/// Document `doc`'s sentences in Report form, ids from `first_id`: each
/// with its claims (`claims_of[k]` for its `k`-th sentence, taken; the
/// first is its own claim) and, from `shown`, the unit it is shown in and
/// the quotation marks around it (see the pipeline's `whole_marks`; a
/// sentence `shown` has no entry for is its own unit, with no marks).
pub fn sentences_out(
    doc: usize,
    text: &str,
    sentences: &[crate::segment::Sentence],
    first_id: usize,
    claims_of: &mut [Vec<usize>],
    shown: &mut impl Iterator<Item = (usize, String, String)>,
) -> Vec<SentenceOut> {
    let index = Utf16Index::new(text);
    sentences
        .iter()
        .zip(claims_of.iter_mut())
        .enumerate()
        .map(|(k, (sent, claims))| {
            let id = first_id + k;
            let (unit, before, after) = shown.next().unwrap_or((id, String::new(), String::new()));
            SentenceOut {
                id,
                doc,
                start: index.to_utf16(sent.start),
                end: index.to_utf16(sent.end),
                text: text[sent.start..sent.end].to_string(),
                kind: sent.kind,
                claim: claims.first().copied(),
                claims: std::mem::take(claims),
                unit,
                before,
                after,
            }
        })
        .collect()
}

/// Document `id` in Report form: the reader's `doc` with its outlet (and
/// where that name came from), its own claims (`claims`: shared with
/// another outlet, its own alone) and what it shares word for word with
/// other documents; its text only when `include_text`.
pub fn document_out(
    id: usize,
    doc: crate::ingest::Document,
    (outlet, outlet_source): (Option<String>, Option<crate::ingest::meta::OutletSource>),
    include_text: bool,
    (claims_shared, claims_unique): (usize, usize),
    copied: crate::align::docsim::Verbatim,
) -> DocumentOut {
    DocumentOut {
        id,
        word_count: doc.text.split_whitespace().count(),
        file: doc.file,
        format: doc.format,
        title: doc.title,
        outlet,
        outlet_source,
        date: doc.date,
        date_source: doc.date_source,
        byline: doc.byline,
        dateline: doc.dateline,
        url: doc.url,
        language: doc.language,
        section: doc.section,
        length: doc.length,
        text: if include_text {
            doc.text
        } else {
            String::new()
        },
        removed: doc.removed,
        warnings: doc.warnings,
        claims_shared,
        claims_unique,
        verbatim_share: copied.share,
        verbatim_with: copied.with,
        quoted_share: copied.quoted_share,
        quoted_with: copied.quoted_with,
    }
}

/// Alignment compared a quotation's sentences as one unit and named it by
/// its first sentence; in the Report every sentence of the unit is a
/// wording of the claim (so the grid shows the whole quotation, and each
/// sentence points to its claim), with the differing words, support and
/// discrepancy values that fall in it, moved to its own UTF-16 offsets.
/// `spread` is the pipeline's `Prepared::spread`, indexed like `align_ids`.
pub fn spread_units(
    claims: &mut [ClaimOut],
    align_ids: &[usize],
    spread: &[Vec<(usize, [usize; 2])>],
) {
    let unit_of: crate::features::FastMap<usize, &[(usize, [usize; 2])]> = align_ids
        .iter()
        .zip(spread)
        .filter(|(_, s)| !s.is_empty())
        .map(|(&id, s)| (id, s.as_slice()))
        .collect();
    if unit_of.is_empty() {
        return;
    }
    // The part of `span` inside `range`, relative to it.
    let clip = |[s, e]: [usize; 2], [a, b]: [usize; 2]| -> Option<[usize; 2]> {
        (s < b && a < e).then(|| [s.max(a) - a, e.min(b) - a])
    };
    for claim in claims.iter_mut() {
        if !claim
            .wordings
            .iter()
            .any(|w| unit_of.contains_key(&w.sentence))
        {
            continue;
        }
        let mut wordings = Vec::with_capacity(claim.wordings.len());
        for w in claim.wordings.drain(..) {
            let Some(members) = unit_of.get(&w.sentence) else {
                wordings.push(w);
                continue;
            };
            // When a clause of the unit carries the claim, only the
            // sentences it runs over are wordings of it.
            let carries = |range: [usize; 2]| w.support.map_or(true, |s| clip(s, range).is_some());
            for &(sentence, range) in members.iter().filter(|(_, r)| carries(*r)) {
                wordings.push(WordingOut {
                    sentence,
                    doc: w.doc,
                    differs: w.differs.iter().filter_map(|&d| clip(d, range)).collect(),
                    support: w.support.and_then(|s| clip(s, range)),
                    also: w.also,
                    before: String::new(),
                    after: String::new(),
                });
            }
        }
        claim.wordings = wordings;
        claim.sentences = claim.wordings.iter().map(|w| w.sentence).collect();
        for finding in &mut claim.discrepancies {
            for v in &mut finding.values {
                let (Some(members), Some([s, e])) = (unit_of.get(&v.sentence), v.span) else {
                    continue;
                };
                if let Some(&(sentence, range)) =
                    members.iter().find(|(_, [a, b])| *a <= s && s < *b)
                {
                    v.sentence = sentence;
                    v.span = Some([s - range[0], e.min(range[1]) - range[0]]);
                }
            }
        }
    }
}

/// Per Report sentence: the id of its unit's first sentence and the
/// quotation marks to show before and after it, which make whole each run
/// of a unit's sentences with the same claim (or none: an unshared row) and
/// kind (claim or not), to go on `SentenceOut`. Sets too the marks around each claim's run of
/// consecutive wordings of one document (on `WordingOut`) and its label's:
/// a piece of a long quotation never shows an unpaired mark, and its
/// middle sentences still show as quoted (issue #14, point 5).
/// `documents`: per document its text, quotations and sentences (Report
/// ids run through them in order); `align_ids[k]..=unit_last[k]` are the
/// Report ids of unit `k`; a sentence in none is a unit alone.
pub fn whole_marks(
    claims: &mut [ClaimOut],
    claim_of: &[Option<usize>],
    documents: &[(&str, &[crate::quotes::Quote], &[crate::segment::Sentence])],
    align_ids: &[usize],
    unit_last: &[usize],
) -> Vec<(usize, String, String)> {
    // Report id -> (document, byte start, byte end).
    let place: Vec<(usize, usize, usize)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, a)| a.2.iter().map(move |s| (d, s.start, s.end)))
        .collect();
    let total = place.len();
    // The marks around sentences first..=last, one document's.
    let marks = |first: usize, last: usize| -> (String, String) {
        let ((d, start, _), (_, _, end)) = (place[first], place[last]);
        crate::quotes::units::marks_for(documents[d].0, documents[d].1, start, end)
    };
    let mut unit: Vec<usize> = (0..total).collect();
    let mut last_of: Vec<usize> = (0..total).collect();
    for (&first, &last) in align_ids.iter().zip(unit_last) {
        if last >= total || first > last {
            continue;
        }
        for u in &mut unit[first..=last] {
            *u = first;
        }
        last_of[first] = last;
    }
    let mut out: Vec<(usize, String, String)> = unit
        .iter()
        .map(|&u| (u, String::new(), String::new()))
        .collect();
    // The page's rows: a claim sentence and the rest (a lone closing mark
    // the splitter left) are never one row.
    let kinds: Vec<bool> = documents
        .iter()
        .flat_map(|a| a.2.iter().map(|s| s.kind == SentenceKind::Claim))
        .collect();
    let key = |s: usize| (unit[s], claim_of.get(s).copied().flatten(), kinds[s]);
    let mut first = 0;
    while first < total {
        let mut last = first;
        while last + 1 < total && key(last + 1) == key(first) {
            last += 1;
        }
        let (before, after) = marks(first, last);
        out[first].1 = before;
        out[last].2 = after;
        first = last + 1;
    }
    for claim in claims {
        if claim.label_sentence < total {
            let (first, last) = (claim.label_sentence, last_of[claim.label_sentence]);
            let (d, start, _) = place[first];
            let end = place[last].2;
            if let Some(text) = documents[d].0.get(start..end) {
                let (before, after) = marks(first, last);
                claim.label = format!("{before}{text}{after}");
            }
        }
        let held: std::collections::HashSet<usize> =
            claim.wordings.iter().map(|w| w.sentence).collect();
        let doc_of = |s: usize| place.get(s).map(|p| p.0);
        for w in &mut claim.wordings {
            if w.sentence >= total {
                continue;
            }
            let mut first = w.sentence;
            while first > 0
                && held.contains(&(first - 1))
                && doc_of(first - 1) == doc_of(w.sentence)
            {
                first -= 1;
            }
            let mut last = w.sentence;
            while held.contains(&(last + 1)) && doc_of(last + 1) == doc_of(w.sentence) {
                last += 1;
            }
            let (before, after) = marks(first, last);
            if w.sentence == first {
                w.before = before;
            }
            if w.sentence == last {
                w.after = after;
            }
        }
    }
    out
}

/// The cross-outlet step's findings in Report form: each quotation of
/// `quotes` (the step's input, in the same order) gets its canonical
/// speaker and its group; the speakers and the quote groups are returned,
/// spans as UTF-16 offsets relative to each quotation's text.
pub fn cross_outlet_out(
    quotes: &mut [QuoteOut],
    found: crate::quotes::CrossOutlet,
) -> (Vec<SpeakerOut>, Vec<QuoteGroupOut>) {
    let crate::quotes::CrossOutlet {
        names,
        described,
        speakers,
        groups,
    } = found;
    for ((q, name), described) in quotes.iter_mut().zip(names).zip(described) {
        q.speaker = name;
        q.speaker_described = described;
    }
    let speakers = speakers
        .into_iter()
        .map(|s| SpeakerOut {
            name: s.name,
            aliases: s.aliases,
            docs: s.docs,
            described: s.described,
        })
        .collect();
    let mut out = Vec::with_capacity(groups.len());
    for (story, g) in &groups {
        let id = out.len();
        let mut docs: Vec<usize> = g.members.iter().map(|&m| quotes[m].doc).collect();
        crate::order::sort(&mut docs);
        docs.dedup();
        let members: Vec<QuoteGroupMember> = g
            .members
            .iter()
            .zip(&g.differing)
            .zip(&g.piece_of)
            .map(|((&m, spans), whole)| {
                let index = Utf16Index::new(&quotes[m].text);
                QuoteGroupMember {
                    quote: quotes[m].id,
                    doc: quotes[m].doc,
                    speaker: quotes[m].speaker.clone(),
                    differing: spans
                        .iter()
                        .map(|&(s, e)| [index.to_utf16(s), index.to_utf16(e)])
                        .collect(),
                    piece_of: whole.map(|w| quotes[w].id),
                }
            })
            .collect();
        // The group's speaker: the one most members give.
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for m in &members {
            if let Some(s) = m.speaker.as_deref() {
                match counts.iter_mut().find(|(n, _)| *n == s) {
                    Some(c) => c.1 += 1,
                    None => counts.push((s, 1)),
                }
            }
        }
        let speaker = counts
            .iter()
            .max_by_key(|(_, c)| *c)
            .map(|(n, _)| n.to_string());
        out.push(QuoteGroupOut {
            id,
            story: *story,
            speaker,
            quotes: members.iter().map(|m| m.quote).collect(),
            docs,
            members,
            link: g.link.name().to_string(),
            conflict: !g.conflicting_speakers.is_empty(),
            conflicting_speakers: g.conflicting_speakers.clone(),
        });
    }
    for (gid, (_, g)) in groups.iter().enumerate() {
        for &m in &g.members {
            quotes[m].group = Some(gid);
        }
    }
    (speakers, out)
}

/// The claims in Report form: `sentence_ids[k]` is the Report id of input
/// `k`; spans become UTF-16 offsets relative to each sentence's text.
pub fn claims_out(
    alignment: &Alignment,
    inputs: &[SentenceIn],
    sentence_ids: &[usize],
) -> Vec<ClaimOut> {
    alignment
        .claims
        .iter()
        .enumerate()
        .map(|(id, claim)| {
            let mut docs: Vec<usize> = claim.members.iter().map(|&m| inputs[m].doc).collect();
            crate::order::sort(&mut docs);
            docs.dedup();
            let wordings = claim
                .members
                .iter()
                .zip(&claim.differs)
                .zip(claim.support.iter().zip(&claim.also))
                .map(|((&m, spans), (support, &also))| {
                    let index = Utf16Index::new(inputs[m].text);
                    WordingOut {
                        sentence: sentence_ids[m],
                        doc: inputs[m].doc,
                        differs: spans
                            .iter()
                            .map(|&(s, e)| [index.to_utf16(s), index.to_utf16(e)])
                            .collect(),
                        support: support.map(|(s, e)| [index.to_utf16(s), index.to_utf16(e)]),
                        also,
                        before: String::new(),
                        after: String::new(),
                    }
                })
                .collect();
            let discrepancies = claim
                .findings
                .iter()
                .map(|f| discrepancy_out(f, claim, inputs, sentence_ids))
                .collect();
            ClaimOut {
                id,
                story: claim.story,
                context: claim.context.clone(),
                sentences: claim.members.iter().map(|&m| sentence_ids[m]).collect(),
                docs,
                label: inputs[claim.label].text.to_string(),
                label_sentence: sentence_ids[claim.label],
                wordings,
                discrepancies,
                corrected: claim.corrected,
            }
        })
        .collect()
}

fn discrepancy_out(
    finding: &Finding,
    claim: &Claim,
    inputs: &[SentenceIn],
    sentence_ids: &[usize],
) -> Discrepancy {
    let values: Vec<DiscrepancyValue> = finding
        .values
        .iter()
        .filter_map(|&(k, s, e)| {
            let m = *claim.members.get(k)?;
            let text = inputs[m].text;
            let stated = s < e && text.get(s..e).is_some();
            let index = Utf16Index::new(text);
            Some(DiscrepancyValue {
                sentence: sentence_ids[m],
                doc: inputs[m].doc,
                value: if stated {
                    text[s..e].to_string()
                } else {
                    "(none)".to_string()
                },
                span: stated.then(|| [index.to_utf16(s), index.to_utf16(e)]),
            })
        })
        .collect();
    let mut distinct: Vec<String> = Vec::new();
    for v in &values {
        let key = v.value.to_lowercase();
        if !distinct.iter().any(|d| d.to_lowercase() == key) {
            distinct.push(v.value.clone());
        }
    }
    let what = match finding.kind {
        Kind::Number if finding.compatible => "numbers stated differently (compatible)",
        Kind::Number => "numbers differ",
        Kind::Negation => "negated in some outlets only",
        Kind::Ordinal => "ordinals differ",
    };
    Discrepancy {
        kind: finding.kind.name().to_string(),
        summary: format!("{what}: {}", distinct.join(" / ")),
        compatible: finding.compatible,
        values,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut values: Vec<f64> = (0..=1000).map(|k| k as f64 / 1000.0).collect();
        values.extend([
            0.0390000001,
            1.0 / 3.0,
            -0.5,
            2.5,
            1e-7,
            1e300,
            f64::from_bits(0.039f64.to_bits() + 1),
        ]);
        let mut out = Vec::new();
        values
            .serialize(&mut serde_json::Serializer::with_formatter(
                &mut out,
                Thousandths,
            ))
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(&values).unwrap()
        );
    }
}
