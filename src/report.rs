//! The Report: everything the pipeline found, in in one serde shape shared
//! by the CLI's JSON, the page and the tests. Spans here are UTF-16 code
//! units so that JavaScript's `text.slice(start, end)` returns the span.

use crate::align::framing::{FramingOut, OutletFraming};
use crate::align::{Alignment, Claim, Finding, Kind, SentenceIn};
use crate::ingest::{Format, Removed};
use crate::quotes::QuoteKind;
use crate::segment::SentenceKind;
use crate::span::Utf16Index;
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
    /// details only some include (see [`crate::align::framing`]).
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
        self.framing_outlets = crate::align::framing::outlet_summary(&self, &self.framing);
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
