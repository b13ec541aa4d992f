//! Block kinds the text itself shows: a paragraph's text (and the next
//! block's) in, heading / caption / other / claim out, for paragraphs that
//! ingest could not tell apart from prose.

use super::lexicon;
use super::{split_sentences, SentenceKind};
use crate::ingest::BlockKind;

/// Longest line, in words, still taken for a title.
const MAX_TITLE_WORDS: usize = 16;

/// What a block is: ingest's kind, checked against the block's own text,
/// and the block after it (a caption can repeat the line above it).
pub fn block_kind(ingest: BlockKind, text: &str, next_block: Option<&str>) -> SentenceKind {
    let text = text.trim();
    match ingest {
        BlockKind::Caption => SentenceKind::Caption,
        BlockKind::Other => SentenceKind::Other,
        // A heading from ingest that is a date, a comment stub, a photo
        // description, or plainly a piece of prose is judged from its text.
        BlockKind::Heading if !looks_like_prose(text) => match paragraph_kind(text, next_block) {
            SentenceKind::Claim => SentenceKind::Heading,
            kind => kind,
        },
        BlockKind::Heading | BlockKind::Paragraph => paragraph_kind(text, next_block),
    }
}

/// What a paragraph block is, judged from its text and the block after it.
fn paragraph_kind(text: &str, next_block: Option<&str>) -> SentenceKind {
    if !text.chars().any(char::is_alphabetic) || is_list_marker_line(text) {
        return SentenceKind::Other;
    }
    if ends_with_credit(text) {
        return SentenceKind::Caption;
    }
    if is_date_line(text)
        || is_byline(text)
        || is_standalone_dateline(text)
        || is_comment_stub(text)
    {
        return SentenceKind::Other;
    }
    if is_heading_shaped(text) && text.split_whitespace().count() <= MAX_TITLE_WORDS {
        // Seed 003: a photo's description, then the caption repeating it with a credit.
        if next_block.is_some_and(|next| ends_with_credit(next.trim()) && repeats(text, next)) {
            return SentenceKind::Caption;
        }
        return SentenceKind::Heading;
    }
    SentenceKind::Claim
}

/// The kind of one sentence inside a claim paragraph: a sentence without
/// letters, a bare list marker or a lone credit is not a claim.
pub fn sentence_kind(text: &str) -> SentenceKind {
    let text = text.trim();
    if !text.chars().any(char::is_alphabetic) || is_list_marker_line(text) {
        SentenceKind::Other
    } else if text.starts_with(['[', '(']) && ends_with_credit(text) {
        SentenceKind::Caption
    } else {
        SentenceKind::Claim
    }
}

/// "[Courtesy of ...]", "(Photo: ...)", "[... /Handout via Reuters]" at the end.
fn ends_with_credit(text: &str) -> bool {
    let Some(close) = text.chars().next_back().filter(|c| matches!(c, ']' | ')')) else {
        return false;
    };
    let open = if close == ']' { '[' } else { '(' };
    let Some(start) = text.rfind(open) else {
        return false;
    };
    let inside = text[start + 1..text.len() - 1].to_lowercase();
    [
        "courtesy", "photo", "credit", "handout", "image", "getty", "file pic", "picture",
    ]
    .iter()
    .any(|w| inside.contains(w))
}

/// One line, no closing punctuation, opening with a capital, digit or quote.
fn is_heading_shaped(text: &str) -> bool {
    // A title is one line and one sentence ("Khamenei smiling and
    // embracing. Syrian television said" is wrapped prose).
    if text.contains('\n') || split_sentences(text).len() > 1 {
        return false;
    }
    let first_ok = text
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '“' | '‘' | '«'))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let last = text
        .trim_end_matches(['"', '\'', '”', '’', '»'])
        .chars()
        .next_back();
    first_ok && !last.is_some_and(|c| matches!(c, '.' | '!' | '?' | ',' | ';' | ':' | '…'))
}

/// Starts in lowercase, ends like a sentence or a clause, or holds more
/// than one sentence: a wrapped piece of prose, whatever ingest called it.
fn looks_like_prose(text: &str) -> bool {
    let first = text.chars().find(|c| c.is_alphanumeric());
    let last = text
        .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
        .chars()
        .next_back();
    first.is_some_and(char::is_lowercase)
        || last.is_some_and(|c| matches!(c, '.' | ',' | ';'))
        || split_sentences(text).len() > 1
}

/// "Monday, February 25, 2019", "25 Feb 2019", "2019/02/26 | 00:50".
fn is_date_line(text: &str) -> bool {
    let mut has_number = false;
    let all_date_words = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '-' | '.'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lower = w.to_lowercase();
            let number = w.chars().all(|c| c.is_ascii_digit() || c == ':')
                || ["st", "nd", "rd", "th"].iter().any(|suffix| {
                    lower
                        .strip_suffix(suffix)
                        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                });
            has_number |= number;
            number
                || lexicon::is_weekday(&lower)
                || lexicon::is_month(&lower)
                || matches!(
                    lower.as_str(),
                    "am" | "pm" | "a.m" | "p.m" | "gmt" | "utc" | "updated" | "published"
                )
        });
    all_date_words && has_number
}

/// "By Jane Doe", "Reporting by ...; Editing by ...".
fn is_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    (lower.starts_with("by ") && text.split_whitespace().count() <= 8 && !text.ends_with('.'))
        || [
            "reporting by ",
            "writing by ",
            "editing by ",
            "compiled by ",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// "TEHRAN (Reuters) -" or "DAMASCUS —" on a line of its own.
fn is_standalone_dateline(text: &str) -> bool {
    let body = text.trim_end_matches(['-', '–', '—', ' ', ':']);
    let place = body.split('(').next().unwrap_or("").trim();
    !place.is_empty()
        && place.split_whitespace().count() <= 3
        && place.chars().all(|c| !c.is_lowercase())
        && place.chars().any(char::is_alphabetic)
        && (body.len() < text.len() || body.contains('('))
}

/// Comment-section leftovers ("No comments:", "Leave a Comment").
fn is_comment_stub(text: &str) -> bool {
    let lower = text.trim_end_matches([':', '.']).to_lowercase();
    matches!(
        lower.as_str(),
        "no comments" | "leave a comment" | "leave a reply" | "comments" | "post a comment"
    ) || (lower.ends_with(" comments") && lower.split_whitespace().count() == 2)
}

/// A line that is only a list marker or bullet ("1.", "b)", "•").
fn is_list_marker_line(text: &str) -> bool {
    let core = text
        .trim_end_matches(['.', ')'])
        .trim_start_matches(['(', '•', '-', '*']);
    text.len() <= 5
        && (core.is_empty()
            || core.chars().all(|c| c.is_ascii_digit())
            || (core.len() == 1 && core.chars().all(|c| c.is_ascii_alphabetic())))
}

/// Half or more of the words of `line` come back in `other` (a caption
/// repeating the photo's description, as twice in seed 003).
fn repeats(line: &str, other: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let ours = words(line);
    let theirs = words(other);
    let shared = ours.iter().filter(|w| theirs.contains(w)).count();
    !ours.is_empty() && shared * 2 >= ours.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use SentenceKind::*;

    #[test]
    fn paragraph_kinds() {
        let cases: &[(&str, &str, Option<&str>, SentenceKind)] = &[
            ("heading", "The hidden message of Assad’s visit to Tehran", None, Heading),
            ("heading with a colon", "Iran to help rebuild Syria: Rouhani", None, Heading),
            ("quoted heading", "“Iran proud of backing Syria”", None, Heading),
            ("prose", "Rouhani highlighted that cooperation has led to security.", None, Claim),
            (
                "long line without a period is prose",
                "Pres. Assad responded to enemies’ message with a loud voice that the two nations will guard the region, he noted",
                None,
                Claim,
            ),
            ("credit", "Assad meets Raisi in Tehran [Courtesy of the presidency]", None, Caption),
            ("handout credit", "Raisi meets Assad [Courtesy Official website/Handout via Reuters]", None, Caption),
            (
                "description above its caption",
                "Assad with Khamenei and Raisi in Tehran",
                Some("Assad meets Khamenei and Raisi in Tehran [Courtesy of the website]"),
                Caption,
            ),
            (
                "heading above unrelated caption",
                "Regional issues",
                Some("Assad meets Raisi in Tehran [Courtesy of the website]"),
                Heading,
            ),
            ("date line", "Monday, February 25, 2019", None, Other),
            ("numeric date line", "2019/02/26 | 00:50", None, Other),
            ("byline", "By Jane Doe", None, Other),
            ("dateline", "TEHRAN (Reuters) -", None, Other),
            ("list marker", "2.", None, Other),
            ("no letters", "* * *", None, Other),
        ];
        for (name, text, next, expected) in cases {
            assert_eq!(paragraph_kind(text, *next), *expected, "{name}");
            // Ingest's plain paragraph gets the same judgement.
            let judged = block_kind(BlockKind::Paragraph, text, *next);
            assert_eq!(judged, *expected, "{name}");
        }
    }

    #[test]
    fn ingest_kinds_checked_against_the_text() {
        use BlockKind as B;
        let caption = "Assad meets Raisi in Tehran [Courtesy of the website]";
        let cases: &[(&str, B, &str, Option<&str>, SentenceKind)] = &[
            ("heading kept", B::Heading, "Iran’s Positions on Regional Issues", None, Heading),
            ("long heading kept", B::Heading, "Syria's Assad Visits Iran: Deepens Alliance, 'Strategic Cooperation' Between Two Nations And More Words Here Today", None, Heading),
            ("date heading", B::Heading, "Monday, February 25, 2019", None, Other),
            ("comment stub heading", B::Heading, "Leave a Comment", None, Other),
            ("description heading above caption", B::Heading, "Assad and Raisi in Tehran", Some(caption), Caption),
            ("wrapped prose heading", B::Heading, "meeting Supreme Leader Ali Khamenei in Tehran on Monday and", None, Claim),
            ("prose sentence heading", B::Heading, "Khamenei smiling and embracing.", None, Claim),
            ("two sentences are no heading", B::Heading, "Khamenei smiled. Syrian television said the leaders agreed", None, Claim),
            ("question heading", B::Heading, "Will Assad come back?", None, Heading),
            ("caption kept", B::Caption, "Assad in Tehran", None, Caption),
            ("other kept", B::Other, "Assad met Raisi.", None, Other),
        ];
        for (name, ingest, text, next, expected) in cases {
            assert_eq!(block_kind(*ingest, text, *next), *expected, "{name}");
        }
    }

    #[test]
    fn scrambled_lines_never_panic() {
        const PIECES: &[&str] = &[
            "[", "]", "(", ")", "Courtesy", "Photo", " ", "\n", ".", ":", ",", "By ", "1", "2019",
            "Monday", "Feb", "é", "”", "“", "TEHRAN", "-", "—", "•", "a", "A", "Comments",
        ];
        let mut rng = crate::testing::XorShift::new(0x9e37_79b9_7f4a_7c15);
        let mut next = || *rng.pick(PIECES);
        for _ in 0..3000 {
            let line: String = (0..10).map(|_| next()).collect();
            let below: String = (0..10).map(|_| next()).collect();
            for ingest in [BlockKind::Paragraph, BlockKind::Heading] {
                block_kind(ingest, &line, Some(&below));
            }
            sentence_kind(&line);
        }
    }

    #[test]
    fn sentence_kinds() {
        for (text, expected) in [
            ("Assad met Khamenei.", Claim),
            ("1.", Other),
            ("•", Other),
            ("[Courtesy of the website]", Caption),
        ] {
            assert_eq!(sentence_kind(text), expected, "{text}");
        }
    }
}
