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
    /// What a reader should know about the analysis as a whole (e.g. that
    /// claims were aligned by their words alone, without word vectors).
    pub notes: Vec<String>,
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
    /// The claim this sentence states (its first, when it supports several).
    pub claim: Option<usize>,
    /// Every claim it supports: its own first, then those it carries through
    /// one of its clauses (see `WordingOut::support`).
    pub claims: Vec<usize>,
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
    /// The UTF-16 range of the words that carry the claim, when that is a
    /// clause of a longer sentence reporting several facts; null when the
    /// whole sentence does.
    pub support: Option<[usize; 2]>,
    /// True when this claim is a second one the sentence supports through a
    /// clause (the sentence's `claim` is another).
    pub also: bool,
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
