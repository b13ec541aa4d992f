//! Quotations: a document's text and sentences in, direct quotations out,
//! each with its span, kind, and the speaker and cue the text gives it; and
//! across documents, one name per speaker and groups of the same remark.
//!
//! - [`find`]: quotation marks paired into spans;
//! - [`names`]: tokens, name chunks, transliteration keys;
//! - [`speakers`]: who said each quotation, within one document;
//! - [`canon`]: one canonical name per speaker across documents;
//! - [`groups`]: the same remark as quoted by several outlets;
//! - [`turns`]: a transcript's labelled turns (`PENCE: ...`) as quotations;
//! - [`units`]: a quotation over several sentences as one unit to align.

pub mod canon;
pub mod find;
pub mod groups;
pub mod names;
pub mod speakers;
pub mod turns;
pub mod units;

use crate::segment::Sentence;
use serde::Serialize;
use std::collections::BTreeSet;

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
    /// The speaker: the fullest name the document gives them ("Ali
    /// Khamenei"), or the words that name them when it gives no name.
    pub speaker: Option<String>,
    /// The speech verb or phrase that attributes it ("said", "according to").
    pub cue: Option<String>,
    pub kind: QuoteKind,
    /// The words that name the speaker at this quotation ("he", "the Iranian
    /// president", "Khamenei").
    pub speaker_given: Option<String>,
    /// "country role" when the document gives the speaker a role
    /// ("iran president"), for matching descriptions across documents.
    pub speaker_role: Option<String>,
    /// The speaker is a person rather than an outlet or organisation.
    pub speaker_is_person: bool,
    /// The speaker is a description ("a worker at the plant"), not a name.
    pub speaker_described: bool,
    /// Byte range including the quotation marks.
    pub open: usize,
    pub close: usize,
    /// False when the closing mark is missing and the paragraph ended it.
    pub closed: bool,
    /// How many quotations enclose this one (0 for a top-level quotation).
    pub depth: usize,
    /// The byte range around the quotation its speaker was looked for in.
    pub context: (usize, usize),
}

/// Finds every quotation of a document and who said it. `sentences` are the
/// document's sentences in text order; they only guide where attributions
/// are looked for, so any reasonable segmentation works.
pub fn find_quotes(text: &str, sentences: &[Sentence]) -> Vec<Quote> {
    find_quotes_with(text, sentences, &turns::find(text))
}

/// [`find_quotes`] with the document's transcript turns already found
/// (`turns::find`), each taken as a quotation of its labelled speaker.
/// A turn has no marks: its `open..close` is its words.
pub fn find_quotes_with(text: &str, sentences: &[Sentence], turns: &[turns::Turn]) -> Vec<Quote> {
    let mut marked = find::find_marked(text);
    let mut attributions = speakers::attribute_all(text, sentences, &marked);
    let found = marked.len();
    for t in turns {
        // `marked` is in text order up to `found`: the quotations opening
        // inside the turn.
        let before = |at: usize| marked[..found].partition_point(|m| m.open < at);
        let (from, to) = (before(t.start), before(t.end));
        match marked.get(from) {
            // `ROE: “We will vote.”`: the marked words are the turn.
            Some(m) if from < to && m.open == t.start && m.depth == 0 => {
                attributions[from] = t.who.clone()
            }
            _ => {
                // Marks inside a turn quote someone within the speaker's words.
                marked[from..to].iter_mut().for_each(|m| m.depth += 1);
                marked.push(find::Marked {
                    open: t.start,
                    start: t.start,
                    end: t.end,
                    close: t.end,
                    closed: true,
                    depth: 0,
                });
                attributions.push(t.who.clone());
            }
        }
    }
    let mut quotes: Vec<Quote> = marked
        .iter()
        .zip(attributions)
        .map(|(m, a)| {
            let sentence = sentences
                .partition_point(|s| s.start <= m.open)
                .saturating_sub(1)
                .min(sentences.len().saturating_sub(1));
            let speaker = a.name.clone().or_else(|| a.given.clone());
            Quote {
                start: m.start,
                end: m.end,
                sentence,
                speaker,
                cue: a.cue,
                // A turn (no marks) is speech, however short.
                kind: if m.open == m.start {
                    QuoteKind::Statement
                } else {
                    kind_of(text, m)
                },
                speaker_given: a.given,
                speaker_role: a.role,
                speaker_is_person: a.person,
                speaker_described: a.described,
                open: m.open,
                close: m.close,
                closed: m.closed,
                depth: m.depth,
                context: a.region,
            }
        })
        .collect();
    if quotes.len() > found {
        crate::order::sort_by_key(&mut quotes, |q| q.open);
    }
    quotes
}

/// What the cross-outlet step needs of one found quotation, besides its
/// Report entry: the quotation, the words around it, its sentence's claim.
pub struct Found<'a> {
    pub quote: &'a Quote,
    pub context: BTreeSet<String>,
    pub claim: Option<usize>,
}

impl<'a> Found<'a> {
    pub fn new(text: &str, quote: &'a Quote, claim: Option<usize>) -> Found<'a> {
        let (s, e) = quote.context;
        Found {
            quote,
            context: groups::content_stems(text.get(s..e).unwrap_or("")),
            claim,
        }
    }
}

/// One quotation as the cross-outlet step reads it: its document and the
/// quoted words.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    pub doc: usize,
    pub text: &'a str,
}

/// What the cross-outlet step finds; indices are into its input quotations.
#[derive(Debug, Clone)]
pub struct CrossOutlet {
    /// Per quotation, its speaker's canonical name.
    pub names: Vec<Option<String>>,
    /// Per quotation, whether that name is a description ("a senior
    /// official"), not a name.
    pub described: Vec<bool>,
    /// The speakers of the corpus, most documents first.
    pub speakers: Vec<canon::Speaker>,
    /// The quote groups in order of id, each with its story.
    pub groups: Vec<(usize, groups::Group)>,
}

/// Across documents: each quotation's canonical speaker, the speakers, and
/// the quote groups (formed within each story; `story_of_doc[d]` is the
/// story of document `d`, all one story when empty). `found[i]` belongs to
/// `quotes[i]`.
pub fn cross_outlet(quotes: &[Placed], found: &[Found], story_of_doc: &[usize]) -> CrossOutlet {
    let mentions: Vec<canon::SpeakerMention> = quotes
        .iter()
        .zip(found)
        .map(|(q, f)| canon::SpeakerMention {
            doc: q.doc,
            quote: f.quote,
        })
        .collect();
    let canon::Canonical {
        names,
        described,
        speakers,
    } = canon::canonical_speakers(&mentions);
    let inputs: Vec<groups::GroupInput> = quotes
        .iter()
        .zip(found)
        .zip(&names)
        .map(|((q, f), name)| groups::GroupInput {
            doc: q.doc,
            text: q.text,
            speaker: name.as_deref(),
            claim: f.claim,
            context: &f.context,
        })
        .collect();
    // Remarks are grouped within a story: the same words in another event's
    // coverage are another occasion. Speakers are one list for the corpus.
    let story = |d: usize| story_of_doc.get(d).copied().unwrap_or(0);
    let n_stories = story_of_doc.iter().max().map_or(1, |m| m + 1);
    let mut in_story: Vec<Vec<usize>> = vec![Vec::new(); n_stories];
    for (i, q) in quotes.iter().enumerate() {
        in_story[story(q.doc).min(n_stories - 1)].push(i);
    }
    let mut found_groups = Vec::new();
    for (s, picked) in in_story.iter().enumerate() {
        let subset: Vec<groups::GroupInput> = picked.iter().map(|&i| inputs[i]).collect();
        for mut g in groups::group(&subset) {
            g.members.iter_mut().for_each(|m| *m = picked[*m]);
            g.piece_of
                .iter_mut()
                .flatten()
                .for_each(|m| *m = picked[*m]);
            found_groups.push((s, g));
        }
    }
    CrossOutlet {
        names,
        described,
        speakers,
        groups: found_groups,
    }
}

/// Statement, fragment or term, from the quoted words and what precedes them.
fn kind_of(text: &str, m: &find::Marked) -> QuoteKind {
    let content = &text[m.start..m.end];
    let words: Vec<&str> = content.split_whitespace().collect();
    let before = text[..m.open].trim_end();
    let scare = before.ends_with("so-called") || before.ends_with("so called");
    let all_capitalised = words.iter().all(|w| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .map_or(true, |c| c.is_uppercase() || c.is_numeric())
    });
    let ends_clause = content.ends_with(['.', '!', '?', ',', ';', ':', '…']);
    // Title case ("Thousands of Shootings", "Face the Nation,"): a title or
    // name, whatever punctuation the house style puts inside the marks.
    let starts_capital = words
        .first()
        .and_then(|w| w.chars().find(|c| c.is_alphanumeric()))
        .is_some_and(char::is_uppercase);
    // Two capitalised words at least: a sentence's first word is capitalised
    // anyway, and a short remark ("Tell me who you are,") has no other long
    // word to show its case.
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    let title_case = words.len() >= 2
        && words.len() <= 6
        && starts_capital
        && capitalised >= 2
        && words.iter().all(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters < 4
                || w.chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase)
        });
    // A question or an exclamation inside the marks ("Stop!", "Why?", "Get
    // back!") is something someone said, however short; a title that ends
    // in one capitalises every word ("Who Framed Roger Rabbit?").
    let utterance =
        content.ends_with(['!', '?']) && !scare && (words.len() == 1 || !all_capitalised);
    if utterance {
        QuoteKind::Statement
    } else if words.len() == 1
        || (scare && words.len() <= 4)
        || (all_capitalised && words.len() <= 6 && !ends_clause)
        || title_case
    {
        QuoteKind::Term
    } else if words.len() >= 7 || (ends_clause && words.len() >= 3) {
        QuoteKind::Statement
    } else {
        QuoteKind::Fragment
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>, QuoteKind)> {
        let sentences: Vec<Sentence> = crate::segment::plain_sentences(text);
        find_quotes(text, &sentences)
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.speaker, q.kind))
            .collect()
    }

    /// (scenario, text, kind of the first quotation)
    const KINDS: &[(&str, &str, QuoteKind)] = &[
        (
            "scare quote",
            "They condemned US “plots” against the region.",
            QuoteKind::Term,
        ),
        (
            "so-called",
            "its so-called “axis of resistance” with weapons",
            QuoteKind::Term,
        ),
        (
            "title",
            "he sang “American Skin (41 Shots)” loudly",
            QuoteKind::Term,
        ),
        (
            "title case with a stop inside",
            "said on CNN's \"State of the Union.\"",
            QuoteKind::Term,
        ),
        (
            "sentence case is speech",
            "Iran was “proud of backing Syria” today",
            QuoteKind::Fragment,
        ),
        (
            "few words",
            "had dealt “a harsh blow” to US plans",
            QuoteKind::Fragment,
        ),
        (
            "two words",
            "are a \"severe blow\" to Washington",
            QuoteKind::Fragment,
        ),
        (
            "clause",
            "said that “occupying troops and their mercenaries should be expelled”.",
            QuoteKind::Statement,
        ),
        ("sentence", "“We will stay,” he said.", QuoteKind::Statement),
        (
            "one-word exclamation",
            "“Stop!” the guard shouted.",
            QuoteKind::Statement,
        ),
        (
            "short question",
            "He asked “Why now?” twice.",
            QuoteKind::Statement,
        ),
        (
            "short command",
            "A clerk yelled \"Get down!\" and ran.",
            QuoteKind::Statement,
        ),
        (
            "remark of short words",
            "“Tell me who you are,” he shouted.",
            QuoteKind::Statement,
        ),
        (
            "question title",
            "They watched “Who Framed Roger Rabbit?” again.",
            QuoteKind::Term,
        ),
        (
            "long sentence",
            "“We say to those groups, the Americans will not protect you,” he said.",
            QuoteKind::Statement,
        ),
        (
            "short full clause",
            "“Iran will stand by Syria,” he said.",
            QuoteKind::Statement,
        ),
    ];

    #[test]
    fn kinds_table() {
        for (scenario, text, kind) in KINDS {
            assert_eq!(quotes(text)[0].2, *kind, "{scenario}");
        }
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

    /// A quotation mark every other character, names everywhere: every
    /// stage is bounded per quotation, so this stays linear (a quadratic
    /// step would make this test take minutes).
    #[test]
    fn dense_marks_and_names_stay_linear() {
        for unit in ["\"a", "“a", "‘a ", "a” ", "Ann said “b” ", "He said. “X,” "] {
            let text = unit.repeat(30_000 / unit.len());
            let sentences: Vec<Sentence> = crate::segment::plain_sentences(&text);
            for q in find_quotes(&text, &sentences) {
                assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            }
        }
    }

    /// Texts stitched at random from marks, names, cues, apostrophes,
    /// line breaks and multi-byte characters: no panic, spans on char
    /// boundaries, every quotation inside its marks.
    #[test]
    fn random_texts_never_panic() {
        const PIECES: &[&str] = &[
            "“",
            "”",
            "\"",
            "'",
            "‘",
            "’",
            "«",
            "»",
            "„",
            " ",
            " ",
            "\n",
            "\n\n",
            "Ali",
            "Khamenei",
            "said",
            "he",
            "the Iranian president",
            ",",
            ".",
            ":",
            "―",
            "Syria’s",
            "can't",
            "é",
            "🙂",
            "عربي",
            "(D-N.C.)",
            "Mr.",
            "according to",
            "told",
            "saying",
            "of the",
        ];
        let mut rng = crate::testing::XorShift::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..300 {
            let text = rng.text(PIECES, 120);
            let sentences: Vec<Sentence> = crate::segment::plain_sentences(&text);
            for q in find_quotes(&text, &sentences) {
                assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
                assert!(q.open <= q.start && q.end <= q.close && q.close <= text.len());
            }
        }
    }

    #[test]
    fn without_sentences_nothing_breaks() {
        let text = "“Fine,” said Assad. Then ‘more’ came";
        let found = find_quotes(text, &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].speaker.as_deref(), Some("Assad"));
    }
}
