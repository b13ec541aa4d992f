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
//! said.") joins it; sentence boundaries themselves stay as they are. A
//! longer quotation stays cut at its sentence boundaries, and
//! [`missing_marks`] gives the marks that make each piece whole for display (`“…we need.` shows as `“…we need.”`).

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
/// fewer than three words that follows a closing mark ("Obama said."). A
/// longer quotation is left in its sentences: outlets quote a passage
/// sentence by sentence, and on the BASIL hand gold runs of three of its
/// sentences cost precision (0.855 to 0.833) and recall (0.331 to 0.325).
/// Headings and captions are never joined to anything, nor are sentences of
/// different paragraphs.
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
        // A longer quotation stays cut at its sentence boundaries, each
        // piece shown with its marks made whole (`missing_marks`).
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

/// The double quotation marks a piece of text needs to read whole: the
/// opening marks to put before it (for closing marks whose opening is
/// outside it) and the closing marks to put after it (for opening marks
/// left open), each in the style of the mark it pairs with. Both empty when
/// every mark pairs. Straight marks open before a word and close after one,
/// as in [`super::find`]; single marks are left alone, since they are
/// mostly apostrophes. `“We won.` gives `("", "”")`, `we won.”` gives
/// `("“", "")`.
pub fn missing_marks(text: &str) -> (String, String) {
    let mut open: Vec<char> = Vec::new();
    let mut before = String::new();
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let space_before = prev.map_or(true, |p| p.is_whitespace() || "([{—–-/".contains(p));
        let space_after = next.map_or(true, char::is_whitespace);
        prev = Some(c);
        let double_open = open.iter().any(|&o| o != '«');
        let opens = match c {
            // „…“: the low mark's closer.
            '“' => open.last() != Some(&'„'),
            '„' | '«' => true,
            '”' => space_before && !space_after && !double_open,
            '"' => !(double_open && (!space_before || space_after)) && space_before && !space_after,
            '»' => false,
            _ => continue,
        };
        if opens {
            open.push(c);
            continue;
        }
        if c == '"' && space_before && space_after {
            // A mark standing alone between spaces pairs with nothing.
            continue;
        }
        let family_open = if c == '»' {
            open.iter().rposition(|&o| o == '«')
        } else {
            open.iter().rposition(|&o| o != '«')
        };
        match family_open {
            Some(k) => open.truncate(k),
            None => before.insert(
                0,
                match c {
                    '»' => '«',
                    '"' => '"',
                    _ => '“',
                },
            ),
        }
    }
    let after = open.iter().rev().map(|&o| closer_of(o)).collect();
    (before, after)
}

/// The marks a stretch `start..end` of a document's `text` needs to read
/// whole: the opening marks of the quotations it starts inside (their
/// opening mark lies before it, outermost first) and the closing marks of
/// those it ends inside (innermost first), then whatever [`missing_marks`]
/// still finds unpaired. So the middle sentence of a long quotation, which
/// holds no mark, still shows as quoted. Quotations the paragraph ended
/// without a closing mark count only through the text scan. Byte offsets; out-of-range or
/// mid-character offsets give what the text scan alone gives.
pub fn marks_for(text: &str, quotes: &[Quote], start: usize, end: usize) -> (String, String) {
    let Some(piece) = text.get(start..end) else {
        return (String::new(), String::new());
    };
    // Only quotations with both marks: one the paragraph ended may be a
    // stray mark (a headline cut short, `rights. "Perry said`) and would
    // show the reporter's words as quoted.
    let mark_at = |q: &Quote| {
        q.closed
            .then(|| text.get(q.open..).and_then(|t| t.chars().next()))
            .flatten()
    };
    let mut around: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.open < start && q.close > start && mark_at(q).is_some_and(is_double_mark))
        .collect();
    crate::order::sort_by_key(&mut around, |q| q.open);
    // A quotation over several paragraphs opens each with a mark of its
    // own (“…¶“…”): a piece that already opens or closes with a mark gets
    // no second one.
    let trimmed = piece.trim();
    if trimmed.starts_with(is_double_mark) {
        around.clear();
    }
    let mut before: String = around.iter().filter_map(|q| mark_at(q)).collect();
    let mut open_at_end: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.open < end && q.close > end && mark_at(q).is_some_and(is_double_mark))
        .collect();
    crate::order::sort_by_key(&mut open_at_end, |q| std::cmp::Reverse(q.open));
    if trimmed.ends_with(['”', '"', '»', '“']) {
        open_at_end.clear();
    }
    let mut after: String = open_at_end
        .iter()
        .filter_map(|q| mark_at(q).map(closer_of))
        .collect();
    let (more_before, more_after) = missing_marks(&format!("{before}{piece}{after}"));
    before.insert_str(0, &more_before);
    after.push_str(&more_after);
    (before, after)
}

/// The double marks (and guillemets) [`missing_marks`] pairs.
fn is_double_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '„' | '«')
}

/// The mark that closes a quotation opened with `open`.
fn closer_of(open: char) -> char {
    match open {
        '«' => '»',
        '"' => '"',
        '„' => '“',
        _ => '”',
    }
}

/// `text` with the marks of [`missing_marks`] put around it: a claim's label
/// and wordings as the page and the CSV show them.
pub fn made_whole(text: &str) -> String {
    let (before, after) = missing_marks(text);
    if before.is_empty() && after.is_empty() {
        return text.to_string();
    }
    format!("{before}{text}{after}")
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
    fn long_quotation_is_cut_at_sentence_boundaries() {
        let text = "He said: “One is here. Two is here. Three is here. Four is here. Five is here.” Then he left.";
        let sentences: Vec<Sentence> = plain_sentences(text);
        let quotes = crate::quotes::find_quotes(text, &sentences);
        let units = units(text, &sentences, &quotes);
        assert_eq!(units.len(), 6, "{units:?}");
        let shown: Vec<String> = units
            .iter()
            .map(|&(a, b)| {
                let (start, end) = (sentences[a].start, sentences[b - 1].end);
                let (before, after) = marks_for(text, &quotes, start, end);
                format!("{before}{}{after}", &text[start..end])
            })
            .collect();
        assert_eq!(
            shown,
            [
                "He said: “One is here.”",
                "“Two is here.”",
                "“Three is here.”",
                "“Four is here.”",
                "“Five is here.”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn missing_marks_table() {
        let cases: &[(&str, &str, &str)] = &[
            ("“We won.", "", "”"),
            ("We won.”", "“", ""),
            ("“We won.”", "", ""),
            ("\"We won.", "", "\""),
            ("lifestyles.\"", "\"", ""),
            ("“I find it disturbing,\" Inslee said.", "", ""),
            ("He said “a “b", "", "””"),
            ("a” b”", "““", ""),
            ("« Non.", "", "»"),
            ("„Ja.", "", "“"),
            ("Syria’s ‘red line’ and can't", "", ""),
            ("a \" b", "", ""),
            ("", "", ""),
        ];
        for (text, before, after) in cases {
            assert_eq!(
                missing_marks(text),
                (before.to_string(), after.to_string()),
                "{text:?}"
            );
            let whole = made_whole(text);
            assert_eq!(
                missing_marks(&whole),
                (String::new(), String::new()),
                "{whole:?}"
            );
        }
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
