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
    s.trim_end()
        .trim_end_matches(CLOSERS)
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
    let stripped = t.trim_end_matches(CLOSERS);
    (1..=16).contains(&word_count(t))
        && !ends_sentence(t)
        && !stripped.ends_with([',', ';', ':', '-', '–', '—'])
        && first_letter(t).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !t.contains(". ")
}

// ---------------------------------------------------------------------------
// Line tags

#[derive(Debug, Clone, PartialEq)]
enum Tag {
    Keep,
    Drop(&'static str),
    Date(String),
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
    if word_count(t) < 2 || ends_sentence(t) && !t.ends_with([']', ')']) {
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
    if let Some(reason) = furniture(line) {
        return Tag::Drop(reason);
    }
    if navigation(line, doc_is_latin) {
        return Tag::Drop("navigation or language switcher");
    }
    if let Some(date) = meta::date_line(line) {
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
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let latin = text.chars().filter(|&c| is_latin_letter(c)).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
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

    let wrapped = hard_wrapped(&lines, &tags);
    let mut cleaned = Cleaned::default();
    let mut pieces: Vec<Piece> = Vec::new();
    // The paragraph that the next kept line may continue, and its last line.
    let mut open: Option<(usize, &str)> = None;
    for (line, tag) in lines.iter().copied().zip(tags) {
        let mut keep_open = false;
        match tag {
            Tag::Drop(reason) => cleaned.removed.push(removed(line, reason)),
            Tag::Date(date) => {
                cleaned.hints.date.get_or_insert(date);
                pieces.push(Piece::new(line, Some(BlockKind::Other)));
            }
            Tag::Byline(name) => {
                if let Some(name) = name {
                    cleaned.hints.byline.get_or_insert(name);
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
                    Some((at, prev)) if joins(prev, line, wrapped) => {
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
                cleaned.hints.date.get_or_insert(date);
                piece.kind = Some(BlockKind::Other);
            }
            Tag::Byline(name) => {
                if let Some(name) = name {
                    cleaned.hints.byline.get_or_insert(name);
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

/// A hard-wrapped text breaks most lines mid-sentence: count the line ends
/// without a closing mark and how many of them continue in lowercase.
fn hard_wrapped(lines: &[&str], tags: &[Tag]) -> bool {
    let (mut open_ends, mut lowercase_next) = (0usize, 0usize);
    for i in 1..lines.len() {
        if tags[i - 1] != Tag::Keep || tags[i] != Tag::Keep || ends_sentence(lines[i - 1]) {
            continue;
        }
        open_ends += 1;
        lowercase_next += usize::from(starts_lower(lines[i]));
    }
    lowercase_next >= 3 && lowercase_next * 3 >= open_ends
}

/// Whether line `next` continues the paragraph whose last line is `prev`.
fn joins(prev: &str, next: &str, wrapped: bool) -> bool {
    if ends_sentence(prev) {
        return false;
    }
    if starts_lower(next) || ends_with_joiner(prev) {
        return true;
    }
    // In a hard-wrapped text a long line without a closing mark is cut
    // mid-sentence; a short one standing alone is a heading.
    wrapped && (starts_lower(prev) || word_count(prev) > 12)
}

// ---------------------------------------------------------------------------
// Paragraphs

/// Paragraph-level cleaning shared by plain text and Markdown.
pub fn finish(mut pieces: Vec<Piece>, mut cleaned: Cleaned) -> Cleaned {
    let body: String = pieces
        .iter()
        .filter(|p| p.kind.is_none() || p.kind == Some(BlockKind::Paragraph))
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let main_language = meta::language(&body);

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
        let lang = meta::language(&piece.text);
        if let (Some(lang), Some(main)) = (lang, main_language) {
            if lang != main && word_count(&piece.text) >= 8 {
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
            let heading = piece.lines == 1 && heading_text(&piece.text) && (i < last || i == 0);
            piece.kind = Some(if heading {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            });
        }
    }

    // The title: the first heading before any paragraph.
    if let Some(at) = pieces
        .iter()
        .take_while(|p| !matches!(p.kind, Some(BlockKind::Paragraph | BlockKind::Caption)))
        .position(|p| p.kind == Some(BlockKind::Heading))
    {
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
    for piece in pieces {
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
    let rest = t
        .trim_start_matches('©')
        .trim_start_matches(['C', 'c'])
        .trim_start_matches("opyright")
        .trim_start_matches(|c: char| c.is_whitespace() || c == '©' || c == '(' || c == ')')
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–')
        .trim_start();
    let name: Vec<&str> = rest
        .split(|c: char| matches!(c, '.' | ',' | '|' | ';'))
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || *w == "of")
        .collect();
    let name = (!name.is_empty() && name.len() <= 6).then(|| name.join(" "));
    Some(name)
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
        // "Damascus, Feb 25": keep the date out of the place.
        if let Some((city, tail)) = place.split_once(", ") {
            if let Some((date, _)) = meta::leading_date(tail) {
                hints.date.get_or_insert(date);
                place = city.to_string();
            }
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
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut word_start = 0usize;
    let at = |i: usize| chars.get(i).copied().unwrap_or(' ');
    // A capitalised word begins at `i`: "Syrian", "It", "A", or “Iran.
    let sentence_starts = |i: usize| {
        let (c, n) = (at(i), at(i + 1));
        if matches!(c, '“' | '‘' | '"') {
            return n.is_uppercase();
        }
        c.is_uppercase()
            && (n.is_lowercase() || (matches!(c, 'A' | 'I') && matches!(n, ' ' | '’' | '\'')))
    };
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        if c.is_whitespace() {
            word_start = i + 1;
            continue;
        }
        let word = &chars[word_start..=i];
        let looks_like_address = || {
            let w: String = word.iter().collect::<String>().to_lowercase();
            w.contains("://") || w.contains("www") || w.contains('@')
        };
        if matches!(c, '.' | '!' | '?') && sentence_starts(i + 1) {
            let prev = at(i.wrapping_sub(1));
            let lowercase_word = i >= 2
                && prev.is_lowercase()
                && at(i - 2).is_alphabetic()
                && (i < 3 || at(i - 3) != '.');
            let after_quote = i >= 1
                && matches!(prev, '”' | '’' | '"' | ')' | ']')
                && i >= 2
                && (at(i - 2).is_alphabetic() || matches!(at(i - 2), '.' | '!' | '?'));
            if (lowercase_word || after_quote) && !looks_like_address() {
                out.push(' ');
                *spaces += 1;
                word_start = i + 1;
            }
        } else if matches!(c, '”' | '"')
            && matches!(at(i.wrapping_sub(1)), '.' | '!' | '?' | ',')
            && at(i + 1).is_uppercase()
            && at(i + 2).is_lowercase()
        {
            out.push(' ');
            *spaces += 1;
            word_start = i + 1;
        } else if c.is_ascii_digit()
            && i + 1 == word_start + 4
            && word.iter().all(char::is_ascii_digit)
            && matches!((word[0], word[1]), ('1', '9') | ('2', '0'))
            && at(i + 1).is_uppercase()
            && at(i + 2).is_lowercase()
            && at(i + 3).is_lowercase()
        {
            // "since 2010Iranian-backed": a year glued to the next sentence.
            stops.push(word.iter().collect());
            out.push_str(". ");
            word_start = i + 1;
        }
    }
    out
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
        let cases: &[(&str, &str, bool, bool)] = &[
            (
                "meeting Khamenei on Monday and",
                "Khamenei smiling",
                false,
                true,
            ),
            ("agreed", "“to continue cooperation", false, true),
            (
                "state media reported.",
                "Syrian television said",
                false,
                false,
            ),
            (
                "Iran to help rebuild Syria: Rouhani",
                "Speaking on Monday",
                false,
                false,
            ),
            (
                "the head of an overseas arm of the Iranian",
                "Revolutionary Guard",
                true,
                true,
            ),
            ("The hidden message", "Special Assistant", true, false),
            (
                "is deeply proud of doing it,”",
                "Khamenei said.",
                false,
                true,
            ),
        ];
        for (prev, next, wrapped, want) in cases {
            assert_eq!(joins(prev, next, *wrapped), *want, "{prev} / {next}");
        }
    }

    #[test]
    fn datelines() {
        let cases: &[(&str, Option<&str>, Option<&str>, Option<&str>)] = &[
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
    fn copyright_footer_names_the_outlet() {
        let c = clean_plain(
            "Title here\n\nSome text of the story.\n\n© 2021 Daily Planet. All rights reserved.",
        );
        assert_eq!(c.hints.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(c.removed[0].reason, "copyright notice");
    }
}
