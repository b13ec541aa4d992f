//! Sentences: a document's clean text and blocks in, sentence spans with a
//! kind (`claim`, `heading`, `caption`, `other`) out.

use crate::ingest::{BlockKind, Document};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    Claim,
    Heading,
    Caption,
    Other,
}

/// One sentence: a half-open UTF-8 byte range into the document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub kind: SentenceKind,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "pres", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g",
    "i.e", "a.m", "p.m", "fig", "approx", "dept", "est", "mt", "ft",
];

/// Splits a text into sentence spans (half-open byte ranges, trimmed).
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let is_break = c == '\n' && chars.get(i + 1).map(|x| x.1) == Some('\n');
        if matches!(c, '.' | '!' | '?' | '…') || is_break {
            // Take closing quotes and brackets with the terminator.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            let next = chars[j..]
                .iter()
                .find(|x| !x.1.is_whitespace())
                .map(|x| x.1);
            let followed_by_space = chars.get(j).is_none_or(|x| x.1.is_whitespace());
            let ok = is_break
                || (followed_by_space
                    && next.is_none_or(|n| {
                        n.is_uppercase()
                            || n.is_numeric()
                            || matches!(n, '"' | '“' | '‘' | '\'' | '(')
                    })
                    && !(c == '.' && is_abbreviation(text, pos)));
            if ok {
                push_trimmed(text, start, end, &mut spans);
                start = end;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = before[word_start..].to_lowercase();
    // A single letter is an initial ("J. Smith").
    word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
        || ABBREVIATIONS.contains(&word.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

/// Sentences of a document, each with the kind its block gives it.
pub fn segment(doc: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        let text = &doc.text[block.start..block.end];
        let kind = match block.kind {
            BlockKind::Heading => SentenceKind::Heading,
            BlockKind::Caption => SentenceKind::Caption,
            BlockKind::Other => SentenceKind::Other,
            BlockKind::Paragraph => SentenceKind::Claim,
        };
        for (s, e) in split_sentences(text) {
            let piece = &text[s..e];
            let kind = if kind == SentenceKind::Claim && !piece.chars().any(char::is_alphabetic) {
                SentenceKind::Other
            } else {
                kind
            };
            out.push(Sentence {
                start: block.start + s,
                end: block.start + e,
                kind,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn abbreviations_and_quotes() {
        assert_eq!(
            split("Pres. Assad met Gen. Soleimani on Feb. 25. He said “yes.” Then he left!"),
            vec![
                "Pres. Assad met Gen. Soleimani on Feb. 25.",
                "He said “yes.”",
                "Then he left!"
            ]
        );
    }

    #[test]
    fn decimals_stay_whole() {
        assert_eq!(
            split("It cost 3.5 million. Fine."),
            vec!["It cost 3.5 million.", "Fine."]
        );
    }
}
