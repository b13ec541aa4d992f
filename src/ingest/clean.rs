//! Cleaning plain text: lines in, paragraphs with kinds out, plus what was
//! removed (with reasons), warnings and metadata hints found on the way.
//!
//! Steps, each linear in the text: tag each line (boilerplate to drop, date
//! lines, bylines, photo captions), re-join hard-wrapped lines into
//! paragraphs, then per paragraph: foreign-language or copyright footers,
//! headings and the title, a dateline prefix, and run-together sentences.

use super::meta;
use super::{BlockKind, Removed};

/// Metadata read from the text itself; `None` when the text does not say.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Hints {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    /// The language of the body paragraphs.
    pub language: Option<&'static str>,
}

/// One paragraph on its way to becoming a block. `kind` is set when the
/// paragraph's kind is already known (Markdown, a tagged line).
#[derive(Debug, Clone)]
pub struct Piece {
    pub text: String,
    pub kind: Option<BlockKind>,
    /// How many input lines were joined into it.
    pub lines: usize,
}

impl Piece {
    pub fn new(text: impl Into<String>, kind: Option<BlockKind>) -> Self {
        Piece {
            text: text.into(),
            kind,
            lines: 1,
        }
    }
}

#[derive(Debug, Default)]
pub struct Cleaned {
    pub blocks: Vec<(String, BlockKind)>,
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
    pub hints: Hints,
}

fn removed(text: &str, reason: &str) -> Removed {
    Removed {
        text: text.trim().to_string(),
        reason: reason.to_string(),
    }
}

const CLOSERS: &[char] = &['”', '’', '"', '\'', ')', ']', '»', '*', '_'];
const OPENERS: &[char] = &['“', '‘', '"', '\'', '(', '[', '«', '*', '_', '¿', '¡'];

/// True when a line's last word ends a sentence (closing quotes and
/// brackets after the mark count).
pub fn ends_sentence(s: &str) -> bool {
    // Tokenised copies put a space before the closing quote: `happen. "`.
    s.trim_end_matches(|c: char| c.is_whitespace() || CLOSERS.contains(&c))
        .ends_with(['.', '!', '?', '…'])
}

fn first_letter(s: &str) -> Option<char> {
    s.trim_start().trim_start_matches(OPENERS).chars().next()
}

fn starts_lower(s: &str) -> bool {
    first_letter(s).is_some_and(char::is_lowercase)
}

/// Words after which a line cannot end a paragraph.
const JOINING_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "into", "that", "which", "who", "as", "than", "its", "his", "her", "their", "our",
    "is", "are", "was", "were", "has", "have", "had", "be", "said", "says", "this",
];

fn ends_with_joiner(s: &str) -> bool {
    let t = s.trim_end();
    if t.ends_with([',', ';', '-', '–', '—', '(', '/', '&']) {
        return true;
    }
    // "doing it,”" still ends with a comma inside the closing quote.
    if t.trim_end_matches(CLOSERS).ends_with([',', ';']) {
        return true;
    }
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    JOINING_WORDS.contains(&last.to_lowercase().as_str())
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A short line without closing punctuation, read as a heading when it
/// stands alone (the caller checks that).
fn heading_text(s: &str) -> bool {
    let t = s.trim();
    if t.len() > 240 {
        return false;
    }
    let stripped = t.trim_end_matches(CLOSERS);
    (1..=16).contains(&word_count(t))
        && !ends_sentence(t)
        && !stripped.ends_with([',', ';', ':', '-', '–', '—'])
        && first_letter(t).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !two_sentences(t)
}

/// "Fired Jim O'Brien, coach. Named Maurice Cheeks" holds two sentences;
/// "Arcade Comeaux Jr. On The Lam", "Calif. rehab" and "Rehab... To" do not.
fn two_sentences(t: &str) -> bool {
    t.match_indices(". ").any(|(at, _)| {
        let before = &t[..at];
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let next_upper = t[at + 2..].chars().next().is_some_and(char::is_uppercase);
        next_upper
            && !before.ends_with('.')
            && word.chars().count() >= 2
            && word.chars().all(char::is_lowercase)
    })
}

/// A first line in Title Case may end with a full stop and still be the
/// headline ("Visa Program Up for Renewal Amid Allegations of Fraud.").
fn title_cased_line(s: &str) -> bool {
    let t = s.trim();
    let content: Vec<&str> = t
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = content
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (2..=20).contains(&word_count(t))
        && content.len() >= 2
        && capitalised * 10 >= content.len() * 7
        && t.trim_end_matches(CLOSERS).ends_with('.')
        && !t.trim_end_matches(CLOSERS).ends_with("..")
}

// ---------------------------------------------------------------------------
// Line tags

#[derive(Debug, Clone, PartialEq)]
enum Tag {
    Keep,
    Drop(&'static str),
    /// A date line; `None` when its date is ambiguous (03/04/2019).
    Date(Option<String>),
    Byline(Option<String>),
    Url(String),
    Caption,
}

/// Short lines that are page furniture, not article text, by their wording.
/// (pattern, whole line or prefix, reason)
const FURNITURE: &[(&str, bool, &str)] = &[
    ("no comments", true, "comment section"),
    ("leave a comment", true, "comment section"),
    ("leave a reply", true, "comment section"),
    ("post a comment", true, "comment section"),
    ("add a comment", true, "comment section"),
    ("add comment", true, "comment section"),
    ("write a comment", true, "comment section"),
    ("show comments", true, "comment section"),
    ("view comments", true, "comment section"),
    ("comments", true, "comment section"),
    ("comment", true, "comment section"),
    ("join the discussion", true, "comment section"),
    ("comments are closed", true, "comment section"),
    ("be the first to comment", false, "comment section"),
    (
        "you must be logged in to post a comment",
        false,
        "comment section",
    ),
    ("share this", false, "share or subscribe prompt"),
    ("share on", false, "share or subscribe prompt"),
    ("share", true, "share or subscribe prompt"),
    ("tweet", true, "share or subscribe prompt"),
    ("follow us", false, "share or subscribe prompt"),
    ("subscribe", false, "share or subscribe prompt"),
    ("sign up for", false, "share or subscribe prompt"),
    ("sign up to", false, "share or subscribe prompt"),
    ("click here", false, "share or subscribe prompt"),
    ("copy link", true, "share or subscribe prompt"),
    ("print", true, "share or subscribe prompt"),
    ("email", true, "share or subscribe prompt"),
    ("read more", false, "related links"),
    ("related", true, "related links"),
    ("related articles", true, "related links"),
    ("related posts", true, "related links"),
    ("related stories", true, "related links"),
    ("related news", true, "related links"),
    ("related topics", true, "related links"),
    ("more on this story", true, "related links"),
    ("top stories", true, "related links"),
    ("most read", true, "related links"),
    ("read next", true, "related links"),
    ("see also", true, "related links"),
    ("you may also like", false, "related links"),
    ("more from", false, "related links"),
    ("advertisement", true, "advertisement"),
    ("sponsored", true, "advertisement"),
    ("skip to content", true, "navigation or language switcher"),
    (
        "skip to main content",
        true,
        "navigation or language switcher",
    ),
];

const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "reddit",
    "pinterest",
    "email",
    "e-mail",
    "print",
    "share",
    "tweet",
    "messenger",
    "copy",
    "link",
    "|",
];

fn furniture(line: &str) -> Option<&'static str> {
    if line.len() > 80 {
        return None;
    }
    let lower = line.to_lowercase();
    let norm = lower.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '.' | '!' | '»' | '›' | '>' | '…')
    });
    let norm = norm.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '«' | '‹'));
    for &(pattern, whole, reason) in FURNITURE {
        let hit = if whole {
            norm == pattern
        } else {
            norm.starts_with(pattern) && word_count(norm) <= 10
        };
        if hit {
            return Some(reason);
        }
    }
    // "12 comments", "3 Comments"
    if let Some((n, rest)) = norm.split_once(' ') {
        if n.bytes().all(|b| b.is_ascii_digit()) && matches!(rest, "comments" | "comment") {
            return Some("comment section");
        }
    }
    let words: Vec<&str> = norm.split_whitespace().collect();
    if words.len() >= 2 && words.iter().all(|w| SOCIAL.contains(w)) {
        return Some("share or subscribe prompt");
    }
    None
}

/// Names of languages as a language switcher shows them.
const LANGUAGE_NAMES: &[&str] = &[
    "english",
    "français",
    "francais",
    "deutsch",
    "español",
    "italiano",
    "português",
    "русский",
    "türkçe",
    "العربية",
    "عربي",
    "فارسی",
    "فارسي",
    "كوردى",
    "کوردی",
    "kurdî",
    "中文",
    "日本語",
    "עברית",
    "اردو",
];

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x250
}

/// Menus, breadcrumbs and language switchers: short runs of items between
/// separators, or names of languages, or words in another script than the
/// document's.
fn navigation(line: &str, doc_is_latin: bool) -> bool {
    let words = word_count(line);
    if words > 14 {
        return false;
    }
    let bars = line.matches(['|', '•', '·']).count();
    let crumbs = line.matches(['»', '›', '>']).count();
    let lower = line.to_lowercase();
    let language_names = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/'))
        .filter(|w| LANGUAGE_NAMES.contains(w))
        .count();
    if language_names >= 2 || (language_names == 1 && bars + crumbs > 0) {
        return true;
    }
    let foreign_words = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(is_latin_letter))
        .count();
    if doc_is_latin && bars > 0 && foreign_words > 0 {
        return true;
    }
    let items_short = |sep: &[char]| {
        line.split(sep)
            .all(|item| (1..=4).contains(&word_count(item)) && !ends_sentence(item))
    };
    (bars >= 3 && items_short(&['|', '•', '·'])) || (crumbs >= 2 && items_short(&['»', '›', '>']))
}

/// Records a byline; "By Priya Nair, The Daily Ledger" names the writer,
/// then the paper (only a name starting with "The": never "Staff Writer").
fn note_byline(hints: &mut Hints, name: String) {
    match name.rsplit_once(", The ") {
        Some((writer, paper)) if !writer.is_empty() && !paper.is_empty() => {
            hints.byline.get_or_insert_with(|| writer.to_string());
            hints.outlet.get_or_insert_with(|| format!("The {paper}"));
        }
        _ => {
            hints.byline.get_or_insert(name);
        }
    }
}

fn byline(line: &str) -> Option<Option<String>> {
    let t = line.trim();
    if t.len() > 90 {
        return None;
    }
    for prefix in ["By ", "BY ", "Written by ", "Author: ", "Words by "] {
        if let Some(name) = t.strip_prefix(prefix) {
            let name = name.trim().trim_end_matches(['.', ',']);
            let names_ok = (1..=8).contains(&word_count(name))
                && name.split_whitespace().all(|w| {
                    w.chars().next().is_some_and(|c| !c.is_lowercase())
                        || matches!(w, "and" | "de" | "al" | "bin" | "van" | "von" | "in")
                })
                && !ends_sentence(t);
            if names_ok {
                return Some(Some(name.to_string()));
            }
        }
    }
    // Wire credits at the foot of an article name people, not the byline.
    for prefix in ["Reporting by ", "Editing by ", "Additional reporting by "] {
        if t.starts_with(prefix) && word_count(t) <= 20 {
            return Some(None);
        }
    }
    None
}

fn url_line(line: &str) -> Option<String> {
    let t = line.trim();
    let t = ["Source:", "URL:", "Url:", "Link:", "Original:"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim();
    let is_url =
        (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(char::is_whitespace);
    is_url.then(|| t.to_string())
}

/// Words in a trailing bracket that mark a photo credit.
const CREDIT_WORDS: &[&str] = &[
    "courtesy",
    "photo",
    "credit",
    "file",
    "reuters",
    "afp",
    "getty",
    "epa",
    "handout",
    "image",
    "picture",
    "via ",
    "©",
    "anadolu",
    "xinhua",
    "shutterstock",
    "wikimedia",
    "associated press",
];

fn photo_credit(line: &str) -> bool {
    let t = line.trim();
    let starts_like_credit = t.get(..5).is_some_and(|head| {
        ["photo", "image", "pictu", "capti", "credi", "file "]
            .contains(&head.to_ascii_lowercase().as_str())
    });
    if !t.ends_with([']', ')']) && !starts_like_credit || word_count(t) < 2 {
        return false;
    }
    let lower = t.to_lowercase();
    if [
        "photo:",
        "photo credit",
        "image:",
        "picture:",
        "caption:",
        "credit:",
        "photograph:",
        "file photo",
        "pictured:",
        "image caption",
        "image source",
        "photo caption",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let tail = if lower.ends_with(']') {
        lower.rfind('[').map(|i| &lower[i..])
    } else if lower.ends_with(')') {
        lower.rfind('(').map(|i| &lower[i..])
    } else {
        None
    };
    tail.is_some_and(|tail| {
        CREDIT_WORDS.iter().any(|w| tail.contains(w)) || (tail.contains('/') && tail.len() < 40)
    })
}

fn tag_line(line: &str, doc_is_latin: bool) -> Tag {
    // Every tag but a photo credit is for short lines: a long paragraph
    // skips the look-ups.
    if line.len() > 240 {
        return if photo_credit(line) {
            Tag::Caption
        } else {
            Tag::Keep
        };
    }
    if let Some(reason) = furniture(line) {
        return Tag::Drop(reason);
    }
    if navigation(line, doc_is_latin) {
        return Tag::Drop("navigation or language switcher");
    }
    if let Some(date) = meta::read_date_line(line) {
        return Tag::Date(date);
    }
    if let Some(name) = byline(line) {
        return Tag::Byline(name);
    }
    if let Some(url) = url_line(line) {
        return Tag::Url(url);
    }
    if photo_credit(line) {
        return Tag::Caption;
    }
    Tag::Keep
}

// ---------------------------------------------------------------------------
// Plain text

/// Cleans a plain-text article.
pub fn clean_plain(text: &str) -> Cleaned {
    // Non-empty lines, and whether a blank line came before each.
    let mut lines: Vec<&str> = Vec::new();
    let mut blank_before: Vec<bool> = Vec::new();
    let mut saw_blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            saw_blank = true;
            continue;
        }
        lines.push(line);
        blank_before.push(saw_blank);
        saw_blank = false;
    }
    // The script of the first few thousand letters is the document's.
    let sample = text.chars().filter(|c| c.is_alphabetic()).take(4000);
    let (latin, letters) = sample.fold((0, 0), |(l, n), c| {
        (l + usize::from(is_latin_letter(c)), n + 1)
    });
    let doc_is_latin = latin * 2 > letters;
    let mut tags: Vec<Tag> = lines.iter().map(|l| tag_line(l, doc_is_latin)).collect();

    // A credit line ("... [Courtesy of ...]") often repeats the caption on the
    // line just above it: both are captions.
    for i in 1..lines.len() {
        if tags[i] == Tag::Caption
            && tags[i - 1] == Tag::Keep
            && !ends_sentence(lines[i - 1])
            && heading_text(lines[i - 1])
        {
            tags[i - 1] = Tag::Caption;
        }
    }

    // The short lines under "Related topics" and the like are its links.
    let mut in_links = false;
    for (line, tag) in lines.iter().zip(tags.iter_mut()) {
        if *tag == Tag::Drop("related links") {
            in_links = true;
        } else if in_links && *tag == Tag::Keep && word_count(line) <= 8 && !ends_sentence(line) {
            *tag = Tag::Drop("related links");
        } else {
            in_links = false;
        }
    }
    let wrap = wrap_style(&lines, &blank_before, &tags);
    let mut cleaned = Cleaned::default();
    let mut pieces: Vec<Piece> = Vec::new();
    // The paragraph that the next kept line may continue, and its last line.
    let mut open: Option<(usize, &str)> = None;
    for ((line, tag), blank) in lines.iter().copied().zip(tags).zip(blank_before) {
        let mut keep_open = false;
        match tag {
            Tag::Drop(reason) => cleaned.removed.push(removed(line, reason)),
            Tag::Date(date) => {
                if cleaned.hints.date.is_none() {
                    cleaned.hints.date = date;
                }
                pieces.push(Piece::new(line, Some(BlockKind::Other)));
            }
            Tag::Byline(name) => {
                if let Some(name) = name {
                    note_byline(&mut cleaned.hints, name);
                }
                pieces.push(Piece::new(line, Some(BlockKind::Other)));
            }
            Tag::Url(url) => {
                cleaned.hints.url.get_or_insert(url);
                cleaned
                    .removed
                    .push(removed(line, "source address (kept as the url)"));
            }
            Tag::Caption => pieces.push(Piece::new(line, Some(BlockKind::Caption))),
            Tag::Keep => {
                keep_open = true;
                match open {
                    Some((at, prev)) if joins(prev, line, blank, &wrap) => {
                        let piece = &mut pieces[at];
                        piece.text.push(' ');
                        piece.text.push_str(line);
                        piece.lines += 1;
                        open = Some((at, line));
                    }
                    _ => {
                        pieces.push(Piece::new(line, None));
                        open = Some((pieces.len() - 1, line));
                    }
                }
            }
        }
        if !keep_open {
            open = None;
        }
    }
    finish(pieces, cleaned)
}

/// Tags whole paragraphs (from Markdown) as [`clean_plain`] tags lines:
/// furniture is removed, date lines and bylines become `Other`, credits
/// captions; the rest are paragraphs.
pub fn tag_pieces(pieces: Vec<Piece>, cleaned: &mut Cleaned) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for mut piece in pieces {
        if piece.kind.is_some() {
            out.push(piece);
            continue;
        }
        match tag_line(&piece.text, true) {
            Tag::Drop(reason) => {
                cleaned.removed.push(removed(&piece.text, reason));
                continue;
            }
            Tag::Date(date) => {
                if cleaned.hints.date.is_none() {
                    cleaned.hints.date = date;
                }
                piece.kind = Some(BlockKind::Other);
            }
            Tag::Byline(name) => {
                if let Some(name) = name {
                    note_byline(&mut cleaned.hints, name);
                }
                piece.kind = Some(BlockKind::Other);
            }
            Tag::Url(url) => {
                cleaned.hints.url.get_or_insert(url);
                cleaned
                    .removed
                    .push(removed(&piece.text, "source address (kept as the url)"));
                continue;
            }
            Tag::Caption => piece.kind = Some(BlockKind::Caption),
            Tag::Keep => piece.kind = Some(BlockKind::Paragraph),
        }
        out.push(piece);
    }
    out
}

/// How a text breaks its lines, read from the text itself.
#[derive(Debug, Clone, Copy, Default)]
struct Wrap {
    /// Lines that follow a single newline are mostly cut mid-sentence.
    single: bool,
    /// Lines that follow a blank line are mostly cut mid-sentence (seed 000
    /// puts a blank line after every wrapped line).
    blank: bool,
    /// The usual length (in chars) of a full line.
    width: usize,
}

/// A hard-wrapped text breaks most lines mid-sentence: for line breaks
/// with and without a blank line, count the line ends without a closing
/// mark and how many of them continue in lowercase.
fn wrap_style(lines: &[&str], blank_before: &[bool], tags: &[Tag]) -> Wrap {
    // [single, blank] x (boundaries, open ends, open ends continued lowercase)
    let mut counts = [[0usize; 3]; 2];
    for i in 1..lines.len() {
        if tags[i - 1] != Tag::Keep || tags[i] != Tag::Keep {
            continue;
        }
        let c = &mut counts[usize::from(blank_before[i])];
        c[0] += 1;
        if !ends_sentence(lines[i - 1]) {
            c[1] += 1;
            c[2] += usize::from(starts_lower(lines[i]));
        }
    }
    let wrapped =
        |[all, open, lower]: [usize; 3]| lower >= 2 && lower * 3 >= open && open * 2 >= all;
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    crate::order::sort(&mut lengths);
    let width = lengths.get(lengths.len() * 4 / 5).copied().unwrap_or(0);
    Wrap {
        single: wrapped(counts[0]),
        blank: wrapped(counts[1]),
        width,
    }
}

/// Whether line `next` continues the paragraph whose last line is `prev`
/// (`blank`: a blank line stands between them).
fn joins(prev: &str, next: &str, blank: bool, wrap: &Wrap) -> bool {
    let open = !ends_sentence(prev);
    if ends_with_joiner(prev) || open && starts_lower(next) {
        return true;
    }
    let wrapped = if blank { wrap.blank } else { wrap.single };
    if !wrapped {
        return false;
    }
    // In a hard-wrapped text a full-length line was cut by the wrapping, even
    // after a full stop; a short one ends its paragraph or is a heading.
    let full = prev.chars().count() * 10 >= wrap.width * 6;
    if !open {
        return !blank && full;
    }
    starts_lower(prev) || full
}

// ---------------------------------------------------------------------------
// Paragraphs

/// Paragraph-level cleaning shared by plain text and Markdown.
pub fn finish(mut pieces: Vec<Piece>, mut cleaned: Cleaned) -> Cleaned {
    // Text that arrives without its line breaks runs the headline and the
    // date line into the first paragraph: take them apart again.
    if let Some(first) = pieces.first().filter(|p| p.kind.is_none()) {
        if let Some(head) = run_in_head(&first.text) {
            cleaned.hints.date.get_or_insert(head.date);
            let rest = Piece::new(head.rest, None);
            pieces.splice(
                0..1,
                [
                    Piece::new(head.headline, Some(BlockKind::Heading)),
                    Piece::new(head.date_line, Some(BlockKind::Other)),
                    rest,
                ],
            );
        }
    }
    // The language of the first body paragraphs (a sample is enough).
    let mut body = String::new();
    for p in pieces
        .iter()
        .filter(|p| p.kind.is_none() || p.kind == Some(BlockKind::Paragraph))
    {
        if body.len() > 3000 {
            break;
        }
        body.push_str(&p.text);
        body.push(' ');
    }
    let main_language = meta::language(&body);
    cleaned.hints.language = main_language;

    // Footers: the last paragraphs (and a first one) in another language, or
    // a copyright notice.
    let n = pieces.len();
    let mut footer_outlet = None;
    for i in (0..n).rev() {
        let edge = i + 3 >= n || i == 0;
        let piece = &pieces[i];
        if !edge || !matches!(piece.kind, None | Some(BlockKind::Paragraph)) {
            continue;
        }
        if let Some(name) = copyright(&piece.text) {
            footer_outlet = footer_outlet.or(name);
            cleaned
                .removed
                .push(removed(&piece.text, "copyright notice"));
            pieces[i].text.clear();
            continue;
        }
        // Footers are short; a long closing paragraph is the article's.
        if main_language.is_none() || piece.text.len() > 1200 || word_count(&piece.text) < 8 {
            continue;
        }
        // A footer's first few sentences tell its language.
        let lang = meta::language(&piece.text[..floor_boundary(&piece.text, 600)]);
        if let (Some(lang), Some(main)) = (lang, main_language) {
            if lang != main {
                if i > 0 {
                    footer_outlet = footer_outlet.or_else(|| meta::leading_name(&piece.text));
                }
                cleaned.removed.push(removed(
                    &piece.text,
                    &format!("publisher footer in another language ({lang})"),
                ));
                pieces[i].text.clear();
            }
        }
    }
    pieces.retain(|p| !p.text.trim().is_empty());

    // Headings: single short lines standing alone, before another paragraph.
    let last = pieces.len().saturating_sub(1);
    for (i, piece) in pieces.iter_mut().enumerate() {
        if piece.kind.is_none() {
            let heading = piece.lines == 1
                && (heading_text(&piece.text) || i == 0 && title_cased_line(&piece.text))
                && (i < last || i == 0);
            piece.kind = Some(if heading {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            });
        }
    }

    // The title: among the headings before any paragraph, the first of
    // three words or more (a one-word line above a headline is a section
    // name), else the first.
    let top: Vec<usize> = pieces
        .iter()
        .take_while(|p| !matches!(p.kind, Some(BlockKind::Paragraph | BlockKind::Caption)))
        .enumerate()
        .filter(|(_, p)| p.kind == Some(BlockKind::Heading))
        .map(|(i, _)| i)
        .collect();
    let title_at = top
        .iter()
        .copied()
        .find(|&i| word_count(&pieces[i].text) >= 3)
        .or(top.first().copied());
    if let Some(at) = title_at {
        let heading = &mut pieces[at].text;
        // "Title | Section name": the part after the bar names a section or
        // a site, not the story (and is not taken for the outlet).
        if let Some((title, suffix)) = heading.split_once(" | ") {
            if word_count(title) >= 3 {
                cleaned
                    .removed
                    .push(removed(suffix, "section or site name after the title"));
                *heading = title.trim().to_string();
            }
        }
        if cleaned.hints.title.is_none() {
            cleaned.hints.title = Some(heading.clone());
        }
    }

    // A dateline or source prefix opening one of the first paragraphs.
    let mut out_pieces = Vec::with_capacity(pieces.len() + 1);
    let mut paragraphs_seen = 0;
    for mut piece in pieces {
        if piece.kind == Some(BlockKind::Paragraph) {
            if let Some((label, rest)) = editorial_label(&piece.text) {
                cleaned.removed.push(removed(&label, "editor's label"));
                piece.text = rest;
            }
        }
        if piece.kind == Some(BlockKind::Paragraph) && paragraphs_seen < 2 {
            paragraphs_seen += 1;
            if let Some((prefix, rest)) = dateline_prefix(&piece.text, &mut cleaned.hints) {
                out_pieces.push(Piece::new(prefix, Some(BlockKind::Other)));
                out_pieces.push(Piece::new(rest, Some(BlockKind::Paragraph)));
                paragraphs_seen = 2;
                continue;
            }
        }
        out_pieces.push(piece);
    }
    if cleaned.hints.outlet.is_none() {
        cleaned.hints.outlet = footer_outlet;
    }

    let mut spaces = 0usize;
    let mut stops: Vec<String> = Vec::new();
    for piece in out_pieces {
        let mut text = piece.text.as_str();
        let stray = text
            .strip_prefix(['.', ',', ';'])
            .filter(|rest| first_letter(rest).is_some_and(char::is_uppercase));
        if let Some(rest) = stray {
            cleaned.removed.push(removed(
                &text[..1],
                "stray punctuation at the start of a paragraph",
            ));
            text = rest;
        }
        let repaired = repair_spacing(text, &mut spaces, &mut stops);
        if let Some(kind) = piece.kind {
            cleaned.blocks.push((repaired, kind));
        }
    }
    if spaces > 0 {
        cleaned.warnings.push(format!(
            "{spaces} missing space(s) between run-together sentences were restored"
        ));
    }
    for after in stops {
        cleaned.warnings.push(format!(
            "a missing full stop and space were restored after '{after}'"
        ));
    }
    cleaned
}

/// A copyright line; the outlet it names, when it names one.
fn copyright(text: &str) -> Option<Option<String>> {
    let t = text.trim();
    let lower = t.to_lowercase();
    let is_notice = word_count(t) <= 40
        && (t.starts_with('©')
            || lower.starts_with("copyright")
            || lower.contains("all rights reserved"));
    if !is_notice {
        return None;
    }
    // Past "©", "(c)", "Copyright" and years to the name.
    let mut rest = t;
    loop {
        let before = rest;
        for mark in ["copyright", "(c)"] {
            if rest
                .get(..mark.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(mark))
            {
                rest = &rest[mark.len()..];
            }
        }
        rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_digit() || matches!(c, '©' | '-' | '–' | ',')
        });
        if rest == before {
            break;
        }
    }
    let name: Vec<&str> = rest
        .split(['.', ',', '|', ';'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || *w == "of")
        .collect();
    let no_name = rest.to_lowercase().starts_with("all rights");
    let name = (!no_name && !name.is_empty() && name.len() <= 6).then(|| name.join(" "));
    Some(name)
}

/// Labels an editor puts in front of a paragraph, in capitals.
const EDITORIAL_LABELS: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "CORRECTION",
    "CLARIFICATION",
    "EDITOR'S NOTE",
    "EDITOR’S NOTE",
    "EDITORS NOTE",
    "BREAKING",
    "BREAKING NEWS",
    "DEVELOPING",
    "ADVISORY",
];

/// "UPDATE 2:52 p.m. -- The mayor…", "CORRECTION: An earlier…", "EDITOR'S
/// NOTE — …": a label in capitals (with a time or date after it) and a
/// separator open the paragraph; the label is the editor's, not the
/// reporting. Returns the label and the paragraph without it.
pub(crate) fn editorial_label(text: &str) -> Option<(String, String)> {
    let label = EDITORIAL_LABELS
        .iter()
        .filter(|l| text.starts_with(**l))
        .max_by_key(|l| l.len())?;
    // Up to the first separator, within a short stretch: the label's time.
    let window = &text[..floor_boundary(text, label.len() + 40)];
    const SEPARATORS: &[&str] = &[" -- ", " — ", " – ", ": ", " - ", "—", "--"];
    let (at, sep) = SEPARATORS
        .iter()
        .filter_map(|sep| {
            window[label.len()..]
                .find(sep)
                .map(|i| (label.len() + i, *sep))
        })
        .min_by_key(|&(i, _)| i)?;
    // Between the label and the separator only a time or date may stand.
    let between = text[label.len()..at].trim();
    let timely = between.split_whitespace().all(|w| {
        w.chars().any(|c| c.is_ascii_digit())
            || matches!(
                w.trim_end_matches([',', '.']).to_ascii_lowercase().as_str(),
                "a.m"
                    | "p.m"
                    | "am"
                    | "pm"
                    | "et"
                    | "est"
                    | "edt"
                    | "pt"
                    | "pst"
                    | "pdt"
                    | "gmt"
                    | "utc"
                    | "bst"
                    | "cet"
                    | "at"
                    | "on"
            )
            || meta::leading_date(w).is_some()
            || WEEKDAY_OR_MONTH
                .iter()
                .any(|m| w.to_ascii_lowercase().starts_with(m))
    });
    let rest = text[at + sep.len()..].trim_start();
    if !timely || !first_letter(rest).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    Some((text[..at].trim().to_string(), rest.to_string()))
}

const WEEKDAY_OR_MONTH: &[&str] = &[
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A headline and a date line run into the first paragraph, taken apart.
#[derive(Debug, PartialEq)]
struct RunInHead {
    headline: String,
    date_line: String,
    date: String,
    rest: String,
}

/// Most words a run-in headline may hold before its date line.
const RUN_IN_HEADLINE_WORDS: usize = 40;

/// "Afghan team honoured at robotics contest Friday, July 21, 2017 A group
/// of…": words with no sentence end among them, then a full date (weekday
/// optional, year required), then a capitalised word. A date inside a
/// sentence ("…said on Friday, July 21, 2017 that…") is followed by a
/// lowercase word, and a sentence ending before it ends the search.
fn run_in_head(text: &str) -> Option<RunInHead> {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .take(RUN_IN_HEADLINE_WORDS + 1)
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    for k in 3..words.len() {
        let (at, _) = words[k];
        let (_, previous) = words[k - 1];
        // A word that ends a sentence ("crash.", not "U.S." or "Jr.") means
        // the first paragraph already began.
        let lower_before_stop = previous
            .trim_end_matches(CLOSERS)
            .strip_suffix(['.', '!', '?'])
            .is_some_and(|w| w.chars().last().is_some_and(char::is_lowercase) && !w.contains('.'));
        if lower_before_stop || previous.ends_with(['!', '?']) {
            return None;
        }
        let Some((date, off)) = meta::leading_date(&text[at..]) else {
            continue;
        };
        // The date must be whole: a year, a month and a day.
        let full = date.len() == 10 && date.as_bytes()[4] == b'-' && !date.starts_with('-');
        let rest = text[at + off..].trim_start();
        if !full || !first_letter(rest).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            continue;
        }
        let date_line = text[at..at + off]
            .trim_end()
            .trim_end_matches(',')
            .to_string();
        return Some(RunInHead {
            headline: text[..at].trim().to_string(),
            date_line,
            date,
            rest: rest.to_string(),
        });
    }
    None
}

/// Splits "Tehran, Iran – Syrian President…", "(Outlet | Section)- Text…" or
/// "February 27, The Iran Project – Text…" into the prefix and the text,
/// recording what the prefix says in `hints`.
fn dateline_prefix(text: &str, hints: &mut Hints) -> Option<(String, String)> {
    const SEPARATORS: &[&str] = &[" – ", " — ", " - ", ")- ", ")– ", ")— ", " -- "];
    let window = &text[..floor_boundary(text, 100)];
    let (at, sep) = SEPARATORS
        .iter()
        .filter_map(|s| window.find(s).map(|i| (i, *s)))
        .min_by_key(|&(i, _)| i)?;
    let prefix_end = if sep.starts_with(')') { at + 1 } else { at };
    let prefix = text[..prefix_end].trim();
    let rest = text[at + sep.len()..].trim_start();
    if !first_letter(rest).is_some_and(char::is_uppercase) || prefix.is_empty() {
        return None;
    }
    if word_count(prefix) > 8 || ends_sentence(prefix) {
        return None;
    }
    let capitalised = |s: &str| {
        s.split_whitespace().all(|w| {
            w.trim_start_matches(OPENERS)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(w, "al-" | "of" | "and" | "de")
                || w.starts_with("al-")
        })
    };
    if let Some(inner) = prefix.strip_prefix('(').and_then(|p| p.strip_suffix(')')) {
        // A source credit: "(Hatha al-Youm | Iraq News)".
        let name = inner.split('|').next().unwrap_or("").trim();
        if name.is_empty() || word_count(name) > 5 || !capitalised(name) {
            return None;
        }
        hints.outlet.get_or_insert_with(|| name.to_string());
    } else if let Some((date, off)) = meta::leading_date(prefix) {
        // "February 27, The Iran Project": a date, then who published it.
        let after = prefix[off..].trim();
        if !after.is_empty() && !capitalised(after) {
            return None;
        }
        hints.date.get_or_insert(date);
        if after.chars().any(char::is_lowercase) && word_count(after) >= 2 {
            hints.outlet.get_or_insert_with(|| after.to_string());
        } else if !after.is_empty() {
            hints.dateline.get_or_insert_with(|| after.to_string());
        }
    } else {
        // "Tehran, Iran", "TEHRAN", "BEIRUT (Reuters)", "Damascus, Feb 25 (AFP)"
        let place_end = prefix.find(['(', ',']).unwrap_or(prefix.len());
        let place_first = prefix[..place_end].trim();
        let all_caps = place_first.chars().any(char::is_alphabetic)
            && !place_first.chars().any(char::is_lowercase);
        let agency = prefix.contains('(');
        let comma = prefix.contains(',');
        if word_count(prefix) > 5 || !capitalised(prefix) || !(all_caps || agency || comma) {
            return None;
        }
        let mut place = prefix[..prefix.find('(').unwrap_or(prefix.len())]
            .trim()
            .trim_end_matches(',')
            .to_string();
        // "Damascus, Feb 25", "HEMPSTEAD, N.Y., Sept. 26": keep the date out
        // of the place.
        let parts: Vec<&str> = place.split(", ").collect();
        let dated = (1..parts.len())
            .find_map(|k| meta::leading_date(&parts[k..].join(", ")).map(|(date, _)| (k, date)));
        if let Some((k, date)) = dated {
            hints.date.get_or_insert(date);
            place = parts[..k].join(", ");
        }
        hints.dateline.get_or_insert(place);
    }
    Some((prefix.to_string(), rest.to_string()))
}

fn floor_boundary(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Restores the space in "Reuters.Syrian" and "nations”.Khamenei", and the
/// full stop in "since 2010Iranian-backed", without touching "U.S.",
/// "3.5", "e.g.", web addresses or "al-Qaeda". Counts what it inserted.
pub fn repair_spacing(text: &str, spaces: &mut usize, stops: &mut Vec<String>) -> String {
    if !needs_repair(text.as_bytes()) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    // Byte offset where the current word began, and the three chars before
    // the current one (nearest first); a space stands for "none".
    let mut word_start = 0usize;
    let mut before = [' '; 3];
    // A capitalised word begins with `c`, `n`: "Syrian", "It", "A", or “Iran.
    let sentence_starts = |c: char, n: char| {
        if matches!(c, '“' | '‘' | '"') {
            return n.is_uppercase();
        }
        c.is_uppercase()
            && (n.is_lowercase() || (matches!(c, 'A' | 'I') && matches!(n, ' ' | '’' | '\'')))
    };
    for (i, c) in text.char_indices() {
        out.push(c);
        let end = i + c.len_utf8();
        let [p1, p2, p3] = before;
        before = [c, p1, p2];
        if c.is_whitespace() {
            word_start = end;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '”' | '"') && !c.is_ascii_digit() {
            continue;
        }
        let mut ahead = text[end..].chars().chain(std::iter::repeat(' '));
        let (n1, n2, n3) = (
            ahead.next().unwrap_or(' '),
            ahead.next().unwrap_or(' '),
            ahead.next().unwrap_or(' '),
        );
        let word = &text[word_start..end];
        let looks_like_address = || {
            let w = word.to_lowercase();
            w.contains("://") || w.contains("www") || w.contains('@')
        };
        if matches!(c, '.' | '!' | '?') && sentence_starts(n1, n2) {
            let lowercase_word = p1.is_lowercase() && p2.is_alphabetic() && p3 != '.';
            let after_quote = matches!(p1, '”' | '’' | '"' | ')' | ']')
                && (p2.is_alphabetic() || matches!(p2, '.' | '!' | '?'));
            if (lowercase_word || after_quote) && !looks_like_address() {
                out.push(' ');
                *spaces += 1;
                word_start = end;
            }
        } else if matches!(c, '”' | '"')
            && matches!(p1, '.' | '!' | '?' | ',')
            && n1.is_uppercase()
            && n2.is_lowercase()
        {
            out.push(' ');
            *spaces += 1;
            word_start = end;
        } else if c.is_ascii_digit()
            && word.len() == 4
            && word.bytes().all(|b| b.is_ascii_digit())
            && (word.starts_with("19") || word.starts_with("20"))
            && n1.is_uppercase()
            && n2.is_lowercase()
            && n3.is_lowercase()
        {
            // "since 2010Iranian-backed": a year glued to the next sentence.
            stops.push(word.to_string());
            out.push_str(". ");
            word_start = end;
        }
    }
    out
}

/// A quick byte scan for the places [`repair_spacing`] may act on: a
/// sentence mark or closing quote directly before a capital or an opening
/// quote, or a digit directly before a capital.
fn needs_repair(b: &[u8]) -> bool {
    b.windows(2).any(|w| {
        let next_starts = w[1].is_ascii_uppercase() || w[1] == 0xE2 || w[1] == b'"';
        next_starts && (matches!(w[0], b'.' | b'!' | b'?' | b'"' | 0x9D) || w[0].is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_repairs() {
        let cases: &[(&str, &str)] = &[
            (
                "according to Reuters.Syrian and Iranian state television",
                "according to Reuters. Syrian and Iranian state television",
            ),
            ("Khamenei.The Syrian", "Khamenei. The Syrian"),
            ("nations”.Khamenei was", "nations”. Khamenei was"),
            ("Hezbollah.“Iran sees", "Hezbollah. “Iran sees"),
            ("region.It was", "region. It was"),
            (
                "since 2010Iranian-backed militias",
                "since 2010. Iranian-backed militias",
            ),
            (
                "the U.S. and U.S.-backed forces",
                "the U.S. and U.S.-backed forces",
            ),
            ("a 3.5 percent rise", "a 3.5 percent rise"),
            ("see www.Example.Com now", "see www.Example.Com now"),
            ("e.g.The case", "e.g.The case"),
            ("al-Qaeda and J.R.R. Tolkien", "al-Qaeda and J.R.R. Tolkien"),
            ("Node.JS is", "Node.JS is"),
            ("in 2011 Iranian", "in 2011 Iranian"),
            ("the 4G network", "the 4G network"),
            ("doing it,”Khamenei said", "doing it,” Khamenei said"),
        ];
        for (input, want) in cases {
            let (mut spaces, mut stops) = (0, Vec::new());
            assert_eq!(
                repair_spacing(input, &mut spaces, &mut stops),
                *want,
                "{input}"
            );
        }
    }

    #[test]
    fn furniture_lines() {
        let cases: &[(&str, Option<&str>)] = &[
            ("No comments:", Some("comment section")),
            ("Leave a Comment", Some("comment section")),
            ("12 Comments", Some("comment section")),
            ("Share this:", Some("share or subscribe prompt")),
            (
                "Facebook Twitter WhatsApp Email",
                Some("share or subscribe prompt"),
            ),
            (
                "Subscribe to our newsletter",
                Some("share or subscribe prompt"),
            ),
            ("Comments by the minister were brief.", None),
            ("Share prices fell sharply on Monday after the visit.", None),
        ];
        for (line, want) in cases {
            assert_eq!(furniture(line), *want, "{line}");
        }
    }

    #[test]
    fn navigation_lines() {
        let cases: &[(&str, bool)] = &[
            ("date 2019-02-26 عربي | كوردى", true),
            ("English | Français | العربية", true),
            ("Home | World | Middle East | Opinion", true),
            ("Home › News › Middle East", true),
            ("2019/02/26 | 00:50", false),
            (
                "Assad meets Khamenei in first Iran visit since Syrian war began",
                false,
            ),
            (
                "Syria’s Assad meets top Iranian leaders | Bashar al-Assad News",
                false,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(navigation(line, true), *want, "{line}");
        }
    }

    #[test]
    fn line_joining() {
        let plain = Wrap::default();
        let wrapped = Wrap {
            single: true,
            blank: true,
            width: 60,
        };
        let cases: &[(&str, &str, bool, &Wrap, bool)] = &[
            (
                "meeting Khamenei on Monday and",
                "Khamenei smiling",
                true,
                &plain,
                true,
            ),
            ("agreed", "“to continue cooperation", true, &plain, true),
            (
                "state media reported.",
                "Syrian television said",
                false,
                &plain,
                false,
            ),
            (
                "Iran to help rebuild Syria: Rouhani",
                "Speaking on Monday",
                true,
                &plain,
                false,
            ),
            (
                "the head of Iran’s elite Quds Force – an overseas arm of the Iranian",
                "Revolutionary Guard",
                true,
                &wrapped,
                true,
            ),
            (
                "The hidden message",
                "Special Assistant",
                true,
                &wrapped,
                false,
            ),
            (
                "is deeply proud of doing it,”",
                "Khamenei said.",
                true,
                &plain,
                true,
            ),
            (
                "The harbour reopened on Sunday after the long storm.",
                "Ships that had waited offshore",
                false,
                &wrapped,
                true,
            ),
            (
                "The harbour reopened on Sunday after the long storm.",
                "Ships that had waited offshore",
                true,
                &wrapped,
                false,
            ),
            (
                "Officials said so.",
                "Ships that had waited offshore",
                false,
                &wrapped,
                false,
            ),
        ];
        for (prev, next, blank, wrap, want) in cases {
            assert_eq!(joins(prev, next, *blank, wrap), *want, "{prev} / {next}");
        }
    }

    #[test]
    fn wrapped_paragraphs_between_blank_lines() {
        let text = "Harbour reopens\n\nThe harbour reopened on Sunday after the storm had passed.\nShips that had waited offshore began to enter the port in the\nmorning, officials said, and fishing boats followed them in.\n\nThe second paragraph starts here and runs on for a while\nuntil it stops.";
        let c = clean_plain(text);
        let texts: Vec<&str> = c.blocks.iter().map(|b| b.0.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Harbour reopens",
                "The harbour reopened on Sunday after the storm had passed. Ships that had waited offshore began to enter the port in the morning, officials said, and fishing boats followed them in.",
                "The second paragraph starts here and runs on for a while until it stops.",
            ]
        );
    }

    #[test]
    fn editors_labels_leave_the_paragraph() {
        for (text, label, rest) in [
            (
                "UPDATE 2:52 p.m. -- The mayor defended the budget.",
                "UPDATE 2:52 p.m.",
                "The mayor defended the budget.",
            ),
            (
                "CORRECTION: An earlier version misstated the date.",
                "CORRECTION",
                "An earlier version misstated the date.",
            ),
            (
                "UPDATED Nov. 18, 2019 — Police named the driver.",
                "UPDATED Nov. 18, 2019",
                "Police named the driver.",
            ),
            (
                "EDITOR'S NOTE — This story contains strong language.",
                "EDITOR'S NOTE",
                "This story contains strong language.",
            ),
        ] {
            assert_eq!(
                editorial_label(text),
                Some((label.to_string(), rest.to_string())),
                "{text}"
            );
        }
        for text in [
            "UPDATE your browser to read this site.",
            "Update: the word in a sentence, not in capitals.",
            "BREAKING the record, she ran the mile in four minutes.",
            "UPDATE the council said it would vote -- later.",
        ] {
            assert_eq!(editorial_label(text), None, "{text}");
        }
    }

    #[test]
    fn a_headline_and_date_line_run_into_the_text_are_taken_apart() {
        let text = "Ferry service to the island resumes after repairs Monday, March 8, 2021 \
                    The ferry to the island ran again on Monday. Four sailings a day are planned.";
        let head = run_in_head(text).expect("a run-in head");
        assert_eq!(
            head.headline,
            "Ferry service to the island resumes after repairs"
        );
        assert_eq!(head.date_line, "Monday, March 8, 2021");
        assert_eq!(head.date, "2021-03-08");
        assert!(head.rest.starts_with("The ferry"));
        let c = clean_plain(text);
        assert_eq!(
            c.hints.title.as_deref(),
            Some("Ferry service to the island resumes after repairs")
        );
        assert_eq!(c.hints.date.as_deref(), Some("2021-03-08"));
        for not_a_head in [
            // A date inside a sentence, followed by a lowercase word.
            "The ferry service said on Monday, March 8, 2021 that it would resume.",
            // A sentence ended before the date.
            "The ferry ran again. Its owners met on Monday, March 8, 2021 The board agreed.",
            // No year: not a date line.
            "Ferry service resumes after repairs Monday, March 8 The ferry ran again.",
            // Too short to be a headline.
            "Ferry Monday, March 8, 2021 The ferry ran again.",
        ] {
            assert_eq!(run_in_head(not_a_head), None, "{not_a_head}");
        }
    }

    #[test]
    fn datelines() {
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            (
                "Tehran, Iran – Syrian President met",
                Some("Tehran, Iran"),
                None,
                None,
            ),
            ("TEHRAN (Reuters) - Iran said", Some("TEHRAN"), None, None),
            (
                "February 27, The Iran Project – In a sudden trip",
                None,
                Some("--02-27"),
                Some("The Iran Project"),
            ),
            (
                "(Hatha al-Youm | Iraq News)- Syrian President Bashar",
                None,
                None,
                Some("Hatha al-Youm"),
            ),
            (
                "HEMPSTEAD, N.Y., Sept. 26 (UPI) -- Jill Stein was",
                Some("HEMPSTEAD, N.Y."),
                Some("--09-26"),
                None,
            ),
            ("The president – who rarely travels – met", None, None, None),
            ("Assad met Khamenei - and Rouhani", None, None, None),
        ];
        for (text, dateline, date, outlet) in cases {
            let mut hints = Hints::default();
            dateline_prefix(text, &mut hints);
            assert_eq!(
                (
                    hints.dateline.as_deref(),
                    hints.date.as_deref(),
                    hints.outlet.as_deref()
                ),
                (*dateline, *date, *outlet),
                "{text}"
            );
        }
    }

    #[test]
    fn captions_credit_and_repeat() {
        let text = "Body text ends here.\n\nAssad with Khamenei in Tehran\nAssad meets Khamenei in Tehran [Courtesy of Khamenei’s website]\n\nMore body.";
        let c = clean_plain(text);
        let kinds: Vec<BlockKind> = c.blocks.iter().map(|b| b.1).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::Caption,
                BlockKind::Caption,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn page_copy_with_section_label_caption_and_related_links() {
        let text = "World\nIran's president visits Syria\nBy Jane Doe\nPublished: 3 May 2023 10:15 BST\n\nIran's president arrived in Damascus on Wednesday for talks.\n\nImage caption, The president was greeted at the airport\n\nThe visit is the first since 2010.\n\nRelated Topics\nSyria\nIran\n";
        let c = clean_plain(text);
        assert_eq!(
            c.hints.title.as_deref(),
            Some("Iran's president visits Syria")
        );
        assert_eq!(c.hints.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(c.hints.date.as_deref(), Some("2023-05-03"));
        let kinds: Vec<(BlockKind, &str)> = c.blocks.iter().map(|b| (b.1, b.0.as_str())).collect();
        assert!(kinds.contains(&(
            BlockKind::Caption,
            "Image caption, The president was greeted at the airport"
        )));
        let related: Vec<&str> = c
            .removed
            .iter()
            .filter(|r| r.reason == "related links")
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(related, vec!["Related Topics", "Syria", "Iran"]);
    }

    #[test]
    fn title_case_first_line_with_a_full_stop_is_the_title() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Visa Program Up for Renewal Amid Allegations of Fraud.\n\nThe program lets investors buy visas.",
                Some("Visa Program Up for Renewal Amid Allegations of Fraud."),
            ),
            ("The president arrived on Monday.\n\nHe met the prime minister.", None),
        ];
        for (text, want) in cases {
            assert_eq!(clean_plain(text).hints.title.as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn headings_with_abbreviations() {
        let cases: &[(&str, bool)] = &[
            (
                "Convicted Arcade Joseph Comeaux Jr. On The Lam in Texas",
                true,
            ),
            (
                "Lohan pretends to check into unlicensed Calif. rehab center",
                true,
            ),
            ("Lohan Checks Out Of Rehab... To Check Into Another", true),
            (
                "PHILADELPHIA 76ERS Fired Jim O'Brien, coach. Named Maurice Cheeks coach",
                false,
            ),
            ("Iran’s Positions on Regional Issues", true),
            ("He said so.", false),
            ("Nothing bad is going to happen. \"", false),
        ];
        for (line, want) in cases {
            assert_eq!(heading_text(line), *want, "{line}");
        }
    }

    #[test]
    fn copyright_notices() {
        let cases: &[(&str, Option<Option<&str>>)] = &[
            (
                "© 2021 Daily Planet. All rights reserved.",
                Some(Some("Daily Planet")),
            ),
            ("©Coastal Gazette 2020", Some(Some("Coastal Gazette"))),
            (
                "(c) 2019-2020 Canal News, all rights reserved",
                Some(Some("Canal News")),
            ),
            (
                "Copyright 2019 The Associated Press. All rights reserved.",
                Some(Some("The Associated Press")),
            ),
            ("All rights reserved.", Some(None)),
            ("The minister spoke on Monday.", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                copyright(text),
                want.map(|n| n.map(str::to_string)),
                "{text}"
            );
        }
    }

    #[test]
    fn copyright_footer_names_the_outlet() {
        let c = clean_plain(
            "Title here\n\nSome text of the story.\n\n© 2021 Daily Planet. All rights reserved.",
        );
        assert_eq!(c.hints.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(c.removed[0].reason, "copyright notice");
    }
}
