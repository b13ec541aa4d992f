//! Transcript turns: the lines of an interview or hearing transcript that
//! open with a speaker label (`PENCE: Well, we ...`, `SEN. JANE ROE
//! (D-Calif.): ...`, `Mr. Roe: ...`, `Q: ...`) in, each turn's words as a
//! quotation of the labelled speaker out (issue 16). The words have no
//! quotation marks, so `find` never sees them.
//!
//! A line's `Word:` is more often page furniture than a speaker ("Note:",
//! "UPDATE:", a "Washington:" dateline, a heading "Iran's Positions:", a
//! headline "Pence: Debate Will Go On"), so a label is a speaker's only
//! when something besides its shape says so:
//! - `Q:` always (the interviewer, described, not named); `A:` when the
//!   text also has a `Q:` (the one interviewed, described);
//! - any label given again a few lines off: a transcript's turns alternate;
//! - otherwise, away from the first line (a headline's place): a title and
//!   a name ("Mr. Roe", "SEN. JANE ROE"), or an all-capitals name the text
//!   names in its running words ("PENCE" beside "Mike Pence").
//!
//! A mixed-case name without a title, given once ("Pence: ..."), is how
//! headlines attribute; it stays a headline.

use super::find::paragraphs;
use super::names::{chunk_starting_at, is_title, tokenize};
use super::speakers::{label_speaker, Attribution, People};
use crate::segment::{Sentence, SentenceKind};

/// One turn: `label..start` is the label with its colon, `start..end` the
/// words, `who` the labelled speaker.
#[derive(Debug, Clone)]
pub struct Turn {
    pub label: usize,
    pub start: usize,
    pub end: usize,
    pub who: Attribution,
}

/// First words of a `Word:` line that name no one: notes, updates and
/// pointers ("UPDATE:", "WATCH:"), which a page may give on many lines.
/// Roles a transcript labels turns with ("REPORTER:", "MODERATOR:"): a
/// described speaker, not a name.
const ROLES: &[&str] = &[
    "reporter",
    "reporters",
    "interviewer",
    "moderator",
    "host",
    "anchor",
    "correspondent",
    "caller",
    "questioner",
    "narrator",
    "announcer",
    "audience",
    "crowd",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "translator",
    "interpreter",
];

/// Whether the label `name` is one role word (any case).
fn is_role(name: &str) -> bool {
    !name.contains(' ') && ROLES.iter().any(|r| r.eq_ignore_ascii_case(name))
}

const NOT_SPEAKERS: &[&str] = &[
    "note",
    "notes",
    "update",
    "updated",
    "correction",
    "clarification",
    "watch",
    "read",
    "related",
    "video",
    "photos",
    "listen",
    "breaking",
    "live",
    "source",
    "sources",
    "editor",
    "warning",
    "more",
    "see",
];

/// A `Word:` line's label: `at..name_end` the name (any party and state in
/// brackets after it left out), `start` the words after the colon.
struct Label {
    at: usize,
    name_end: usize,
    start: usize,
    line_end: usize,
    /// 'Q', 'A', 'C' (all capitals), 'T' (a title first), 'M' (mixed case).
    shape: u8,
    /// Given again a few labels off.
    repeated: bool,
}

fn label_of(line_at: usize, line: &str) -> Option<Label> {
    let body = line.trim_start();
    let at = line_at + line.len() - body.len();
    let colon = body.find(':').filter(|&c| c > 0 && c <= 60)?;
    let after = &body[colon + 1..];
    if !after.starts_with([' ', '\t']) || after.trim().is_empty() {
        return None;
    }
    let label = body[..colon].trim_end();
    let name = match label.rfind('(') {
        Some(p) if label.ends_with(')') => label[..p].trim_end(),
        _ => label,
    };
    let start = at + colon + 1 + (after.len() - after.trim_start().len());
    let mut l = Label {
        at,
        name_end: at + name.len(),
        start,
        line_end: line_at + line.trim_end().len(),
        shape: b'M',
        repeated: false,
    };
    if name == "Q" || name == "A" {
        l.shape = name.as_bytes()[0];
        return Some(l);
    }
    // Capitalised words of letters (and the dots, apostrophes and hyphens
    // of names), no possessive ("Iran's Positions"), at most six.
    let mut n = 0;
    for w in name.split_whitespace() {
        n += 1;
        let bare = w.trim_end_matches(['s', 'S']);
        if n > 6
            || !w.starts_with(char::is_uppercase)
            || !w.chars().all(|c| c.is_alphabetic() || ".'’-".contains(c))
            || bare.ends_with(['\'', '’'])
        {
            return None;
        }
    }
    let first = name.split(' ').next().unwrap_or("").trim_end_matches('.');
    if name.len() < 2 || NOT_SPEAKERS.iter().any(|w| w.eq_ignore_ascii_case(first)) {
        return None;
    }
    if n >= 2 && is_title(first) {
        l.shape = b'T';
    } else if !name.chars().any(char::is_lowercase) {
        l.shape = b'C';
    }
    Some(l)
}

/// "PENCE" as "Pence", "O'ROURKE" as "O'Rourke": a letter after a letter
/// in lowercase, so the name reads, and compares, as running text gives it.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut after_letter = false;
    for c in s.chars() {
        if after_letter {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        after_letter = c.is_alphabetic();
    }
    out
}

/// Every transcript turn of `text`, in text order.
pub fn find(text: &str) -> Vec<Turn> {
    let mut labels = Vec::new();
    let mut line_at = 0;
    for line in text.split('\n') {
        labels.extend(label_of(line_at, line));
        line_at += line.len() + 1;
    }
    if labels.is_empty() {
        return Vec::new();
    }
    let has_q = labels.iter().any(|l| l.shape == b'Q');
    let first_line = text.len() - text.trim_start().len();
    // A label given again among the labels around it: a transcript's
    // turns alternate, and looking no further keeps a text of labels linear.
    for i in 0..labels.len() {
        let name = &text[labels[i].at..labels[i].name_end];
        let near = &labels[i.saturating_sub(16)..(i + 17).min(labels.len())];
        let again = near
            .iter()
            .filter(|o| &text[o.at..o.name_end] == name)
            .count()
            >= 2;
        labels[i].repeated = again;
    }
    // The people the running text names, the labels blanked out so that a
    // label never confirms itself; read only when a label may name one.
    let mut people = People::default();
    if labels.iter().any(|l| l.shape != b'Q' && l.shape != b'A') {
        let mut bytes = text.as_bytes().to_vec();
        for l in &labels {
            bytes[l.at..l.name_end].fill(b' ');
        }
        people = People::of(&String::from_utf8(bytes).unwrap_or_default());
    }
    let mut turns: Vec<Turn> = Vec::new();
    for l in &labels {
        let name = &text[l.at..l.name_end];
        let mut who = Attribution {
            person: true,
            given: Some(name.to_string()),
            region: (l.at, l.line_end),
            ..Attribution::default()
        };
        let accept = match l.shape {
            b'Q' | b'A' => {
                who.given = Some(
                    if l.shape == b'Q' {
                        "the interviewer"
                    } else {
                        "the interviewee"
                    }
                    .to_string(),
                );
                who.described = true;
                l.shape == b'Q' || has_q
            }
            shape if is_role(name) => {
                // "REPORTER:" is somebody in a role, not a person named
                // Reporter: described, never merged with a named speaker.
                who.given = Some(format!("the {}", name.to_lowercase()));
                who.described = true;
                l.repeated || l.at != first_line && shape == b'C'
            }
            shape => {
                let words = title_case(name);
                let toks = tokenize(&words, 0, words.len());
                let mut known = false;
                if let Some((_, chunk)) = chunk_starting_at(&toks, 0) {
                    known = label_speaker(&people, &chunk, &mut who) > 0;
                }
                l.repeated || l.at != first_line && (shape == b'T' || shape == b'C' && known)
            }
        };
        if accept {
            turns.push(Turn {
                label: l.at,
                start: l.start,
                end: l.line_end,
                who,
            });
        }
    }
    // A turn runs to the end of its paragraph, or to the next turn.
    let paras = paragraphs(text);
    for i in 0..turns.len() {
        let p = paras
            .partition_point(|&(s, _)| s <= turns[i].start)
            .saturating_sub(1);
        let mut end = paras.get(p).map_or(turns[i].end, |&(_, e)| e);
        if let Some(next) = turns.get(i + 1) {
            end = end.min(next.label);
        }
        let t = &mut turns[i];
        end = end.max(t.end);
        t.end = t.start + text[t.start..end].trim_end().len();
        t.who.region.1 = t.end;
    }
    turns
}

/// `sentences` with each turn's label cut out as a sentence of its own,
/// of kind `Other`: the label is no words of the claim (an outlet does not
/// report "PENCE:"). A sentence that runs over a label is cut there too.
pub fn cut_labels(text: &str, sentences: Vec<Sentence>, turns: &[Turn]) -> Vec<Sentence> {
    if turns.is_empty() {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len() + turns.len());
    let mut push = |start: usize, end: usize, kind| {
        let end = start + text.get(start..end).map_or(0, |s| s.trim_end().len());
        if start < end {
            out.push(Sentence { start, end, kind });
        }
    };
    let mut t = 0;
    for s in sentences {
        let mut from = s.start;
        while t < turns.len() && turns[t].start <= s.start {
            t += 1;
        }
        for turn in turns[t..].iter().take_while(|x| x.label < s.end) {
            push(from, turn.label.max(from), s.kind);
            push(
                turn.label.max(from),
                turn.start.min(s.end),
                SentenceKind::Other,
            );
            from = turn.start.min(s.end);
        }
        push(from, s.end, s.kind);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (label as given, speaker, described) of every turn, with its words.
    fn turns(text: &str) -> Vec<(String, Option<String>, bool, String)> {
        find(text)
            .into_iter()
            .map(|t| {
                let who = t.who.name.clone().or(t.who.given.clone());
                (
                    text[t.label..t.start].trim_end().to_string(),
                    who,
                    t.who.described,
                    text[t.start..t.end].to_string(),
                )
            })
            .collect()
    }

    /// (scenario, text, label, speaker; None: no turn with that label)
    const CASES: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "all-capitals surname, named in the text",
            "Vice President Mike Pence spoke to the host.\n\nPENCE: Well, we will see.",
            "PENCE:",
            Some("Mike Pence"),
        ),
        (
            "all-capitals surname, two people of that surname",
            "Mike Pence and Karen Pence came.\n\nPENCE: We are glad to be here.",
            "PENCE:",
            Some("Pence"),
        ),
        (
            "all-capitals surname given on two lines, nobody named",
            "The exchange went on.\n\nROE: We will vote.\n\nHOST: When?\n\nROE: Soon.",
            "ROE:",
            Some("Roe"),
        ),
        (
            "title, name and party in capitals",
            "The hearing opened.\n\nSEN. JANE ROE (D-Calif.): Where were you that night?",
            "SEN. JANE ROE (D-Calif.):",
            Some("Jane Roe"),
        ),
        (
            "title and surname in mixed case",
            "Ada Lim and Tom Roe testified.\n\nMr. Roe: I was at home.",
            "Mr. Roe:",
            Some("Tom Roe"),
        ),
        (
            "an apostrophe inside a name",
            "Beto O'Rourke met voters.\n\nO'ROURKE: We can win Texas.",
            "O'ROURKE:",
            Some("Beto O'Rourke"),
        ),
        (
            "Q is the interviewer",
            "Q: Why now?\n\nA: Because we can.",
            "Q:",
            Some("the interviewer"),
        ),
        (
            "A answers a Q",
            "Q: Why now?\n\nA: Because we can.",
            "A:",
            Some("the interviewee"),
        ),
        (
            "A without a Q is no turn",
            "The options were:\nA: go on, B: stop.",
            "A:",
            None,
        ),
        (
            "a role, repeated: described, not named",
            "Mayor Ada Lim took questions.\n\nREPORTER: Is the bridge safe?\n\nLIM: It is.\n\nREPORTER: When will it open?",
            "REPORTER:",
            Some("the reporter"),
        ),
        (
            "a note",
            "Ada Lim spoke.\n\nNote: This story was updated.",
            "Note:",
            None,
        ),
        (
            "updates on many lines",
            "Roe spoke.\n\nUPDATE: More came.\n\nUPDATE: Still more.",
            "UPDATE:",
            None,
        ),
        (
            "a dateline named nowhere else",
            "WASHINGTON: The Senate voted on Monday.",
            "WASHINGTON:",
            None,
        ),
        (
            "a heading with a possessive",
            "The talks resumed.\n\nIran's Positions: Tehran wants guarantees.",
            "Iran's Positions:",
            None,
        ),
        (
            "a mixed-case headline naming a speaker once",
            "Pence: Debate Will Go On\n\nMike Pence said the debate will go on.",
            "Pence:",
            None,
        ),
        (
            "a colon inside a sentence",
            "Mike Pence said one thing: PENCE: no.",
            "Mike Pence said one thing:",
            None,
        ),
        (
            "a lowercase word before the colon",
            "Mike Pence spoke.\n\nHe said: We will win.",
            "He said:",
            None,
        ),
    ];

    #[test]
    fn turns_table() {
        for (scenario, text, label, speaker) in CASES {
            let found = turns(text);
            let hit = found.iter().find(|t| t.0 == *label);
            assert_eq!(
                hit.and_then(|t| t.1.as_deref()),
                *speaker,
                "{scenario}: {found:?}"
            );
        }
    }

    #[test]
    fn a_role_label_is_a_described_speaker() {
        let text =
            "Mayor Ada Lim took questions.\n\nMODERATOR: Next.\n\nLIM: Yes.\n\nMODERATOR: Thanks.";
        let found = turns(text);
        let role = found.iter().find(|t| t.0 == "MODERATOR:").expect("a turn");
        assert!(role.2, "{found:?}");
        let lim = found.iter().find(|t| t.0 == "LIM:").expect("a turn");
        assert!(!lim.2, "{found:?}");
    }

    #[test]
    fn a_turn_runs_to_its_paragraph_or_the_next_label() {
        let text =
            "Jane Roe met Tom Poe.\n\nROE: We will vote\nnext week.\nPOE: No.\n\nThen they left.";
        let found = turns(text);
        assert_eq!(found[0].3, "We will vote\nnext week.");
        assert_eq!(found[1].3, "No.");
    }

    #[test]
    fn labels_are_cut_out_of_claims() {
        let text = "Jane Roe spoke.\n\nROE: We will vote. Soon.";
        let t = find(text);
        let sentences = cut_labels(text, crate::segment::plain_sentences(text), &t);
        let got: Vec<(&str, SentenceKind)> = sentences
            .iter()
            .map(|s| (&text[s.start..s.end], s.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Jane Roe spoke.", SentenceKind::Claim),
                ("ROE:", SentenceKind::Other),
                ("We will vote.", SentenceKind::Claim),
                ("Soon.", SentenceKind::Claim),
            ]
        );
    }

    /// Lines of labels, colons and names stitched at random: no panic,
    /// every turn inside the text and on char boundaries.
    #[test]
    fn random_lines_never_panic() {
        const PIECES: &[&str] = &[
            "ROE",
            ":",
            " ",
            "\n",
            "\n\n",
            "Mr.",
            "Q",
            "A",
            "(D-Calif.)",
            "é",
            "Roe",
            "'S",
            "—",
        ];
        let mut rng = crate::testing::XorShift::new(0x9e37_79b9_7f4a_7c15);
        for _ in 0..300 {
            let text = rng.text(PIECES, 60);
            let found = find(&text);
            for t in &found {
                assert!(t.label < t.start && t.start <= t.end && t.end <= text.len());
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            }
            let s = cut_labels(&text, crate::segment::plain_sentences(&text), &found);
            assert!(s.iter().all(|s| s.start < s.end && s.end <= text.len()));
        }
    }
}
