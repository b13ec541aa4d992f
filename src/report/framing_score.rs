//! Framing measured against annotated word choice: a Report and the
//! annotated "lexical bias" spans of its documents in; how many spans in
//! aligned sentences the framing flags, and how many flagged words are
//! inside such a span or a label, reporting-verb or hedge difference, out.
//!
//! Made for BASIL's layout (Fan et al., "In Plain Sight: Media Bias Through
//! the Lens of Factual Reporting", EMNLP 2019: `lex` annotations are loaded
//! words and phrases), but takes any spans: the CLI's `framing-score` reads
//! a folder of triplets, the test `tests/framing_basil.rs` the same.

use super::framing::FramingKind;
use crate::report::Report;

/// One annotated span: document (`documents[].id`) and UTF-16 range in
/// its text (`documents[].text`), half-open.
#[derive(Debug, Clone, Copy)]
pub struct Annotated {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
}

/// Counts over one or more Reports; figures are the ratios.
#[derive(Debug, Clone, Default)]
pub struct FramingTally {
    /// Annotated spans inside a sentence that is part of a claim or holds
    /// a quotation of a quote group.
    pub aligned: usize,
    /// Of those, the ones the words of a word-choice difference (label,
    /// reporting verb, hedge, evaluative word) overlap.
    pub flagged: usize,
    /// Of `aligned`, the ones any difference overlaps, details included.
    pub flagged_with_details: usize,
    /// Distinct words (document, start) inside word-choice differences'
    /// words. Details (a clause only some outlets include) are whole
    /// clauses, not word choice, and are counted apart.
    pub words: usize,
    /// Of those, the ones inside an annotated span or in a label,
    /// reporting-verb or hedge difference.
    pub words_right: usize,
    /// Of `words`, the ones inside an annotated span.
    pub words_annotated: usize,
    /// Distinct words inside details only (no word-choice difference).
    pub detail_words: usize,
    /// Annotated spans that could not be placed (text not found).
    pub unplaced: usize,
    /// The spans of `aligned` no word-choice difference flags, for reading
    /// the misses (`framing-score` prints them with PARALLAX_EVAL_VERBOSE).
    pub missed: Vec<Annotated>,
    /// Every flagged word (document and UTF-16 range) and whether it is
    /// counted right, for reading them the same way and checking by hand.
    pub flagged_words: Vec<(Annotated, bool)>,
}

impl FramingTally {
    /// Share of annotated spans in aligned sentences that are flagged.
    pub fn recall(&self) -> f64 {
        self.flagged as f64 / self.aligned.max(1) as f64
    }

    /// Share of flagged words inside an annotated span or a label,
    /// reporting-verb or hedge difference.
    pub fn precision(&self) -> f64 {
        self.words_right as f64 / self.words.max(1) as f64
    }

    pub fn add(&mut self, o: &FramingTally) {
        self.aligned += o.aligned;
        self.flagged += o.flagged;
        self.flagged_with_details += o.flagged_with_details;
        self.detail_words += o.detail_words;
        self.words += o.words;
        self.words_right += o.words_right;
        self.words_annotated += o.words_annotated;
        self.unplaced += o.unplaced;
        self.missed.extend_from_slice(&o.missed);
        self.flagged_words.extend_from_slice(&o.flagged_words);
    }
}

/// The UTF-16 range of the first occurrence of `needle` (trimmed) in
/// `text`, or `None` (also for an empty needle). Curly and straight
/// apostrophes and quotation marks are taken as one.
pub fn locate(text: &str, needle: &str) -> Option<(usize, usize)> {
    let fold = |c: char| match c {
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        c => c,
    };
    let want: Vec<u16> = needle
        .trim()
        .chars()
        .map(fold)
        .collect::<String>()
        .encode_utf16()
        .collect();
    if want.is_empty() {
        return None;
    }
    let have: Vec<u16> = text
        .chars()
        .map(fold)
        .collect::<String>()
        .encode_utf16()
        .collect();
    // The folds keep every character's UTF-16 length, so offsets agree.
    have.windows(want.len())
        .position(|w| w == want.as_slice())
        .map(|at| (at, at + want.len()))
}

/// Scores one Report against its annotated spans (UTF-16, see [`Annotated`]).
pub fn score(report: &Report, spans: &[Annotated]) -> FramingTally {
    let mut t = FramingTally::default();
    // Flagged ranges per document, in document UTF-16 offsets, with kind.
    let mut flagged: Vec<(usize, usize, usize, FramingKind)> = Vec::new();
    for f in &report.framing {
        for w in &f.wordings {
            let Some([s, e]) = w.span else { continue };
            let base = match w.quote {
                Some(q) => report.quotes.get(q).map(|q| q.start),
                None => report.sentences.get(w.sentence).map(|s| s.start),
            };
            if let Some(b) = base {
                flagged.push((w.doc, b + s, b + e, f.kind));
            }
        }
    }
    let aligned_sentence = |doc: usize, s: usize, e: usize| {
        report.sentences.iter().any(|x| {
            x.doc == doc
                && x.start < e
                && s < x.end
                && (!x.claims.is_empty()
                    || report
                        .quotes
                        .iter()
                        .any(|q| q.sentence == x.id && q.group.is_some()))
        })
    };
    for a in spans {
        if aligned_sentence(a.doc, a.start, a.end) {
            t.aligned += 1;
            let hit = |details: bool| {
                flagged.iter().any(|&(d, s, e, k)| {
                    d == a.doc && s < a.end && a.start < e && (details || k != FramingKind::Detail)
                })
            };
            t.flagged += usize::from(hit(false));
            if !hit(false) {
                t.missed.push(*a);
            }
            t.flagged_with_details += usize::from(hit(true));
        }
    }
    // Words: (doc, start, end, right, annotated), one per distinct word;
    // word-choice differences first, so a detail's word already counted is
    // not counted again.
    let mut words: Vec<(usize, usize, usize, bool, bool)> = Vec::new();
    let mut details: Vec<(usize, usize)> = Vec::new();
    crate::order::sort_by_key(&mut flagged, |f| f.3 == FramingKind::Detail);
    for &(doc, s, e, kind) in &flagged {
        let Some(text) = report.documents.get(doc).map(|d| &d.text) else {
            continue;
        };
        let units: Vec<u16> = text.encode_utf16().collect();
        let Some(part) = units.get(s..e) else {
            continue;
        };
        let part = String::from_utf16_lossy(part);
        let mut at = s;
        for piece in part.split(' ') {
            let (ws, we) = (at, at + piece.encode_utf16().count());
            at = we + 1;
            if !piece.chars().any(char::is_alphanumeric) {
                continue;
            }
            if kind == FramingKind::Detail {
                if !words.iter().any(|w| w.0 == doc && w.1 == ws) && !details.contains(&(doc, ws)) {
                    details.push((doc, ws));
                }
                continue;
            }
            let annotated = spans
                .iter()
                .any(|a| a.doc == doc && a.start < we && ws < a.end);
            let right = annotated
                || matches!(
                    kind,
                    FramingKind::Label | FramingKind::ReportingVerb | FramingKind::Hedge
                );
            match words.iter_mut().find(|w| w.0 == doc && w.1 == ws) {
                Some(w) => w.3 |= right,
                None => words.push((doc, ws, we, right, annotated)),
            }
        }
    }
    t.detail_words = details.len();
    t.words = words.len();
    t.words_right = words.iter().filter(|w| w.3).count();
    t.words_annotated = words.iter().filter(|w| w.4).count();
    t.flagged_words = words
        .iter()
        .map(|w| {
            let a = Annotated {
                doc: w.0,
                start: w.1,
                end: w.2,
            };
            (a, w.3)
        })
        .collect();
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_folds_quotes_and_counts_utf16() {
        assert_eq!(locate("é said “no”", "said \"no\""), Some((2, 11)));
        assert_eq!(locate("abc", " "), None);
        assert_eq!(locate("abc", "d"), None);
    }
}
