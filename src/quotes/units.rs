//! Alignment units: a document's text, sentences and quotations in; runs of
//! consecutive sentences that alignment compares as one out, and whether a
//! unit is too slight to be a claim.
//!
//! Sentence boundaries follow the news corpora (ECB+, GUM) and split a
//! quotation of whole sentences ("He said: “Meth. We're on it.”"), which is
//! right for reading and wrong for claims: each piece aligned alone makes
//! claims like `“Meth.` and `We're on it.”`, with unbalanced marks and no
//! statement of fact (issue #14, point 5). So a quotation that runs over
//! several sentences is one unit, and a bare attribution after it ("Obama
//! said.") joins it; sentence boundaries themselves stay as they are.

use super::Quote;
use crate::segment::{Sentence, SentenceKind};

/// A quotation over more sentences than this is a passage, not a remark:
/// outlets quote its sentences one by one, and one unit can join only one
/// claim. Measured on the BASIL hand gold (`tests/claims_gold.rs`, pair
/// recall / precision): sentences alone 0.337 / 0.886; units of at most two
/// sentences 0.334 / 0.867, three 0.331 / 0.856, four 0.331 / 0.829, any
/// length 0.329 / 0.823.
const MAX_SENTENCES: usize = 3;

/// The units of a document: half-open ranges of sentence indices, in order,
/// covering every sentence once. A quotation's sentences (at most
/// [`MAX_SENTENCES`] of them) form one unit
/// (with any quotation that overlaps them), and so does an attribution of
/// fewer than three words that follows a closing mark ("Obama said."). Headings and captions are
/// never joined to anything, nor are sentences of different paragraphs.
pub fn units(text: &str, sentences: &[Sentence], quotes: &[Quote]) -> Vec<(usize, usize)> {
    let n = sentences.len();
    // join[i]: sentence i and sentence i + 1 are one unit.
    let mut join = vec![false; n.saturating_sub(1)];
    let joinable = |i: usize| -> bool {
        let (a, b) = (&sentences[i], &sentences[i + 1]);
        let prose = |s: &Sentence| matches!(s.kind, SentenceKind::Claim | SentenceKind::Other);
        prose(a)
            && prose(b)
            && text
                .get(a.end..b.start)
                .is_some_and(|between| !between.contains("\n\n"))
    };
    for q in quotes {
        // The sentence holding the opening mark, and the one holding the
        // last byte of the closing mark (or of the words when none closed).
        let first = sentences.partition_point(|s| s.start <= q.open);
        let last = sentences.partition_point(|s| s.start < q.close.max(q.open + 1));
        let (Some(first), Some(last)) = (first.checked_sub(1), last.checked_sub(1)) else {
            continue;
        };
        if last + 1 - first > MAX_SENTENCES {
            continue;
        }
        for i in first..last.min(n.saturating_sub(1)) {
            if joinable(i) {
                join[i] = true;
            }
        }
    }
    // "... for baseball?” Obama said.": the sentence boundary after "?”"
    // is right, but the attribution says nothing alone.
    for i in 0..join.len() {
        let ends_quoted = text
            .get(sentences[i].start..sentences[i].end)
            .is_some_and(|t| t.trim_end().ends_with(['"', '”', '»']));
        let attribution = text
            .get(sentences[i + 1].start..sentences[i + 1].end)
            .is_some_and(|t| {
                word_count(t) < 3
                    && t.split_whitespace().any(|w| {
                        super::speakers::is_cue_word(w.trim_matches(|c: char| !c.is_alphabetic()))
                    })
            });
        if ends_quoted && attribution && joinable(i) {
            join[i] = true;
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..n {
        if i + 1 == n || !join[i] {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    out
}

/// Whether a unit's text states too little to be a claim: fewer than three
/// words once quotation marks and punctuation are set aside ("Meth.",
/// "Obama said."), a chant in capitals ("USA! USA!"), or a quoted
/// exclamation of a few words standing alone ("“Lock her up!”").
pub fn is_fragment(text: &str) -> bool {
    let words = word_count(text);
    if words < 3 {
        return true;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let chant = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
    let trimmed = text.trim();
    let quoted = trimmed.starts_with(['"', '“', '«']);
    let exclaims = trimmed
        .trim_end_matches(['"', '”', '»', '\''])
        .ends_with('!');
    (chant && words <= 8) || (quoted && exclaims && words <= 5)
}

/// Words: whitespace-separated pieces holding a letter or digit.
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{plain_sentences, split_sentences};

    fn unit_texts(text: &str) -> Vec<String> {
        let sentences: Vec<Sentence> = plain_sentences(text);
        let quotes = crate::quotes::find_quotes(text, &sentences);
        units(text, &sentences, &quotes)
            .into_iter()
            .map(|(a, b)| text[sentences[a].start..sentences[b - 1].end].to_string())
            .collect()
    }

    #[test]
    fn units_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "quotation of sentences after a colon is one unit",
                "The sheriff said: “Meth. We're on it.” Deputies left.",
                &["The sheriff said: “Meth. We're on it.”", "Deputies left."],
            ),
            (
                "straight marks, three sentences",
                "He said: \"We will fight. We will win. We never stop.\" Then he left.",
                &[
                    "He said: \"We will fight. We will win. We never stop.\"",
                    "Then he left.",
                ],
            ),
            (
                "bare attribution after a closing mark joins the quotation",
                "“Have you been debating a coin?” Obama said. The room laughed.",
                &[
                    "“Have you been debating a coin?” Obama said.",
                    "The room laughed.",
                ],
            ),
            (
                "sentences without quotations stay apart",
                "Assad met Khamenei. They embraced.",
                &["Assad met Khamenei.", "They embraced."],
            ),
            (
                "an unclosed mark joins nothing past its paragraph",
                "He said “no. It is over.\n\nNext came more.",
                &["He said “no. It is over.", "Next came more."],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(
                unit_texts(text),
                expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "{name}: sentences were {:?}",
                split_sentences(text)
                    .iter()
                    .map(|&(s, e)| &text[s..e])
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn headings_are_never_joined() {
        let text = "“Meth. We're on it.”";
        let mut sentences = plain_sentences(text);
        sentences[0].kind = SentenceKind::Heading;
        let quotes = crate::quotes::find_quotes(text, &sentences);
        assert_eq!(units(text, &sentences, &quotes), vec![(0, 1), (1, 2)]);
    }

    #[test]
    fn fragments_table() {
        let cases: &[(&str, bool)] = &[
            ("“Meth.", true),
            ("Meth.", true),
            ("Obama said.", true),
            ("\"We're on it.\"", false),
            ("USA! USA! USA!", true),
            ("“Lock her up!”", true),
            ("The sheriff said the drug was meth.", false),
            ("NATO said it would send troops.", false),
            ("", true),
            ("… ”", true),
        ];
        for (text, expected) in cases {
            assert_eq!(is_fragment(text), *expected, "{text:?}");
        }
    }
}
