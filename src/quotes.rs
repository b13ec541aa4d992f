//! Quotations: a document's text and sentences in, direct quotations out,
//! each with its span, kind, and the speaker and cue the text gives it.

use crate::segment::Sentence;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A clause or more of someone's speech.
    Statement,
    /// A few words of someone's speech ("a harsh blow").
    Fragment,
    /// Scare quotes around a word or name ("terrorism").
    Term,
}

/// A quotation: the half-open byte range of the quoted words (marks excluded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// Index into the document's sentences of the sentence the quote opens in.
    pub sentence: usize,
    /// The speaker's name as the text gives it.
    pub speaker: Option<String>,
    /// The speech verb or phrase that attributes it ("said", "according to").
    pub cue: Option<String>,
    pub kind: QuoteKind,
}

fn closing_for(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '"' => '"',
        '«' => '»',
        '„' => '“',
        '‘' => '’',
        _ => return None,
    })
}

/// Finds double-quoted and guillemet quotations; a quotation whose closing
/// mark is missing ends at its paragraph.
pub fn find_quotes(text: &str, sentences: &[Sentence]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let Some(close) = closing_for(c) else {
            continue;
        };
        if c == '‘' {
            continue; // single quotes: see is_single_quote_open, handled by later work
        }
        let start = i + c.len_utf8();
        let para_end = text[start..].find("\n\n").map_or(text.len(), |p| start + p);
        let end = text[start..para_end].find(close).map(|p| start + p);
        let content_end = end.unwrap_or(para_end);
        let content = text[start..content_end].trim_end();
        if content.trim().is_empty() {
            continue;
        }
        let content_end = start + content.len();
        let sentence = sentences
            .iter()
            .position(|s| s.start <= i && i < s.end.max(s.start + 1))
            .or_else(|| sentences.iter().position(|s| s.start >= i))
            .unwrap_or(0);
        let after_close = end.map_or(content_end, |e| e + close.len_utf8());
        let (speaker, cue) = attribute(text, sentences.get(sentence), i, after_close);
        quotes.push(Quote {
            start,
            end: content_end,
            sentence,
            speaker,
            cue,
            kind: kind_of(content),
        });
        let resume = end.map_or(para_end, |e| e + close.len_utf8());
        while iter.peek().is_some_and(|(j, _)| *j < resume) {
            iter.next();
        }
    }
    quotes
}

fn kind_of(content: &str) -> QuoteKind {
    let words = content.split_whitespace().count();
    if words <= 2 {
        QuoteKind::Term
    } else if words <= 6 && !content.trim_end().ends_with(['.', ',', '!', '?']) {
        QuoteKind::Fragment
    } else {
        QuoteKind::Statement
    }
}

const CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "stated",
    "added",
    "noted",
    "warned",
    "stressed",
    "declared",
    "according to",
    "was quoted as saying",
];

/// Looks for "X said" / "said X" / "according to X" in the quote's sentence,
/// outside the quotation (`open` is the opening mark, `after` follows the close).
fn attribute(
    text: &str,
    sentence: Option<&Sentence>,
    open: usize,
    after: usize,
) -> (Option<String>, Option<String>) {
    let Some(s) = sentence else {
        return (None, None);
    };
    let from = s.start.min(open);
    let to = s.end.max(after).min(text.len());
    let outside = format!("{} {}", &text[from..open], &text[after.min(to)..to]);
    for cue in CUES {
        if let Some(pos) = outside.find(cue) {
            let before = name_before(&outside[..pos]);
            let after = name_after(&outside[pos + cue.len()..]);
            let speaker = if *cue == "according to" {
                after.or(before)
            } else {
                before.or(after)
            };
            return (speaker, Some(cue.to_string()));
        }
    }
    (None, None)
}

fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "al" | "bin" | "al-")
}

fn name_before(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut name: Vec<&str> = Vec::new();
    for w in words.iter().rev() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’');
        if w.is_empty() || !is_name_word(w) {
            break;
        }
        name.push(w);
    }
    name.reverse();
    let name = name.join(" ");
    let pronoun = matches!(name.as_str(), "He" | "She" | "They" | "It");
    (!name.is_empty() && !pronoun).then_some(name)
}

fn name_after(s: &str) -> Option<String> {
    let mut name: Vec<&str> = Vec::new();
    for w in s.split_whitespace() {
        let clean = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if clean.is_empty() || !is_name_word(clean) {
            break;
        }
        name.push(clean);
        if w.ends_with([',', '.', ';']) {
            break;
        }
    }
    (!name.is_empty()).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{split_sentences, SentenceKind};

    fn quotes(text: &str) -> Vec<(String, Option<String>, QuoteKind)> {
        let sentences: Vec<Sentence> = split_sentences(text)
            .into_iter()
            .map(|(start, end)| Sentence {
                start,
                end,
                kind: SentenceKind::Claim,
            })
            .collect();
        find_quotes(text, &sentences)
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.speaker, q.kind))
            .collect()
    }

    #[test]
    fn curly_quote_with_speaker_after() {
        let q = quotes("“The Americans will not protect you,” Assad said.");
        assert_eq!(
            q,
            vec![(
                "The Americans will not protect you,".into(),
                Some("Assad".into()),
                QuoteKind::Statement
            )]
        );
    }

    #[test]
    fn unclosed_quote_ends_at_paragraph() {
        let q = quotes("He said that “Iran's path is correct.\n\nNext paragraph.");
        assert_eq!(q[0].0, "Iran's path is correct.");
    }

    #[test]
    fn scare_quotes_are_terms() {
        let q = quotes("They condemned US “plots” against the region.");
        assert_eq!(q[0].2, QuoteKind::Term);
    }
}
