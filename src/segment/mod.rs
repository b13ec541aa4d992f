//! Sentences: a document's clean text and blocks in, sentence spans with a
//! kind (`claim`, `heading`, `caption`, `other`) out.
//!
//! `boundary` finds where sentences end, `kind` tells headings, captions and
//! bylines from prose (where ingest left a plain paragraph, or called prose a
//! heading), `lexicon` holds the word lists.
//!
//! Why rules of our own: on the 48 English Golden Rules (exact cases, see
//! `tests/golden_rules.rs`) the crates we measured scored `sentencex` 43
//! (but about 480 KB of gzipped wasm with its regex tables, over the whole
//! page's budget), `sentencize` 29, `unicode-segmentation`'s UAX #29
//! sentence bounds 28, and `sentence_segmentation` 6; none splits sentences
//! run together without a space ("Reuters.Syrian"), which the seeds need.
//! These rules pass all 48 and add about 14 KB of gzipped wasm.

mod boundary;
mod kind;
mod lexicon;

pub use boundary::split_sentences;

use crate::ingest::{Block, BlockKind, Document};
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

/// Every sentence of a plain text, each taken as a claim: for callers that
/// have text but no document blocks (evaluations, tests).
pub fn plain_sentences(text: &str) -> Vec<Sentence> {
    split_sentences(text)
        .into_iter()
        .map(|(start, end)| Sentence {
            start,
            end,
            kind: SentenceKind::Claim,
        })
        .collect()
}

/// Sentences of a document, block by block. A block's kind from ingest is
/// checked against its text: a plain paragraph may turn out a heading,
/// caption or other line, and a "heading" that is a date or a wrapped piece
/// of prose is taken for what it is. Only claim sentences get aligned.
pub fn segment(doc: &Document) -> Vec<Sentence> {
    // A document without blocks is read as one paragraph of its text.
    let whole = [Block {
        start: 0,
        end: doc.text.len(),
        kind: BlockKind::Paragraph,
    }];
    let blocks: &[Block] = if doc.blocks.is_empty() {
        &whole
    } else {
        &doc.blocks
    };
    let mut out = Vec::new();
    let block_text = |i: usize| blocks.get(i).and_then(|b| doc.text.get(b.start..b.end));
    for (i, block) in blocks.iter().enumerate() {
        let Some(text) = block_text(i) else { continue };
        let kind = kind::block_kind(block.kind, text, block_text(i + 1));
        for (s, e) in split_sentences(text) {
            let kind = match kind {
                SentenceKind::Claim => kind::sentence_kind(&text[s..e]),
                other => other,
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

    fn doc(blocks: &[(&str, BlockKind)]) -> Document {
        let mut text = String::new();
        let mut out = Vec::new();
        for (piece, kind) in blocks {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            out.push(Block {
                start: text.len(),
                end: text.len() + piece.len(),
                kind: *kind,
            });
            text.push_str(piece);
        }
        Document {
            text,
            blocks: out,
            ..Document::default()
        }
    }

    #[test]
    fn block_kinds_are_kept_and_paragraphs_judged() {
        use BlockKind::*;
        let d = doc(&[
            ("Assad visits Tehran", Heading),
            ("Iran to help rebuild Syria: Rouhani", Paragraph),
            ("Assad met Khamenei. They embraced.", Paragraph),
            ("A photo [Courtesy of a website]", Paragraph),
            ("Monday, February 25, 2019", Paragraph),
            ("Leave a comment.", Other),
        ]);
        let got: Vec<(&str, SentenceKind)> = segment(&d)
            .iter()
            .map(|s| (&d.text[s.start..s.end], s.kind))
            .collect();
        use SentenceKind as K;
        assert_eq!(
            got,
            vec![
                ("Assad visits Tehran", K::Heading),
                ("Iran to help rebuild Syria: Rouhani", K::Heading),
                ("Assad met Khamenei.", K::Claim),
                ("They embraced.", K::Claim),
                ("A photo [Courtesy of a website]", K::Caption),
                ("Monday, February 25, 2019", K::Other),
                ("Leave a comment.", K::Other),
            ]
        );
    }

    #[test]
    fn a_document_without_blocks_is_one_paragraph() {
        let d = Document {
            text: "Assad met Khamenei. They embraced.".into(),
            ..Document::default()
        };
        let got: Vec<&str> = segment(&d)
            .iter()
            .map(|s| &d.text[s.start..s.end])
            .collect();
        assert_eq!(got, ["Assad met Khamenei.", "They embraced."]);
    }

    #[test]
    fn blocks_off_char_boundaries_are_skipped_not_panicked_on() {
        let d = Document {
            text: "é".into(),
            blocks: vec![Block {
                start: 1,
                end: 2,
                kind: BlockKind::Paragraph,
            }],
            ..Document::default()
        };
        assert!(segment(&d).is_empty());
    }
}
