//! The Report: everything the pipeline found, in in one serde shape shared
//! by the CLI's JSON, the page and the tests. Spans here are UTF-16 code
//! units so that JavaScript's `text.slice(start, end)` returns the span.

use crate::ingest::{Format, Removed};
use crate::quotes::QuoteKind;
use crate::segment::SentenceKind;
use serde::Serialize;

pub const SCHEMA: &str = "parallax.report/1";

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub documents: Vec<DocumentOut>,
    pub sentences: Vec<SentenceOut>,
    pub quotes: Vec<QuoteOut>,
    pub claims: Vec<ClaimOut>,
    pub quote_groups: Vec<QuoteGroupOut>,
    pub speakers: Vec<SpeakerOut>,
    /// documents × documents, in [0, 1].
    pub similarity: Vec<Vec<f64>>,
    /// Files (or records) that gave no document, with the reason.
    pub errors: Vec<FileError>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentOut {
    pub id: usize,
    pub file: String,
    pub format: Option<Format>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub date_source: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub text: String,
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
    pub word_count: usize,
    /// Claim sentences of this document that other outlets also carry.
    pub claims_shared: usize,
    /// Claim sentences no other outlet carries.
    pub claims_unique: usize,
    /// Share of the document's words inside runs of 8 or more words that
    /// another document has word for word (a wire copy shows near 1).
    pub verbatim_share: f64,
    /// The documents those runs are shared with, most shared first.
    pub verbatim_with: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentenceOut {
    pub id: usize,
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: SentenceKind,
    pub claim: Option<usize>,
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
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimOut {
    pub id: usize,
    pub sentences: Vec<usize>,
    pub docs: Vec<usize>,
    /// The most central wording (a sentence's text).
    pub label: String,
    /// The sentence the label is taken from.
    pub label_sentence: usize,
    /// Each outlet's wording, with the words that differ from the label.
    pub wordings: Vec<WordingOut>,
    pub discrepancies: Vec<Discrepancy>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WordingOut {
    pub sentence: usize,
    pub doc: usize,
    /// UTF-16 ranges relative to the sentence's text of the words the label
    /// does not have (empty for the label's own sentence).
    pub differs: Vec<[usize; 2]>,
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
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerOut {
    pub name: String,
    pub aliases: Vec<String>,
    pub docs: Vec<usize>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub reason: String,
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}
