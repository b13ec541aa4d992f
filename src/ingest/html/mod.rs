//! HTML pages: markup in, a [`Document`] out holding the article's main text
//! (navigation, menus, share bars, cookie banners, related links, comments
//! and footers dropped and listed in `removed`), its blocks, and the page's
//! metadata (title, outlet, byline, date, canonical URL, language).
//!
//! [`dom`] builds the tree with html5ever (the WHATWG parsing algorithm),
//! [`extract`] picks the article in the Readability manner, [`meta`] reads
//! the metadata, [`header`] the byline and date line shown around the
//! headline, and this module cuts the article into blocks.

mod date;
pub(crate) mod dom;
mod extract;
mod header;
mod meta;

use dom::{decode_references, Dom, Kind};
use extract::NEVER_TEXT;

use super::clean::editorial_label;
use super::text::{fold_whitespace, TextBuilder};
use super::{BlockKind, Document, Removed};

/// At most this many entries in `removed`, each summarised.
pub(crate) const MAX_REMOVED: usize = 25;

/// Removed text longer than this is cut, with its word count given.
const SUMMARY_CHARS: usize = 160;

/// Page furniture listed in `removed`: the first rule an element matches
/// names the reason. A rule is element names, and words looked for in the
/// element's `class`, `id` and `role`.
const FURNITURE: &[(&[&str], &[&str], &str)] = &[
    (&[], &["cookie", "consent", "gdpr"], "cookie notice"),
    (&["nav"], &["navigation", "navbar", "menu"], "navigation"),
    (&[], &["comments", "disqus"], "comments"),
    (&[], &["share", "social"], "share bar"),
    (
        &[],
        &[
            "related",
            "recommend",
            "more-stories",
            "outbrain",
            "taboola",
            "most-read",
        ],
        "related articles",
    ),
    (&[], &["newsletter", "subscribe"], "newsletter sign-up"),
    (&["footer"], &["contentinfo", "footer"], "footer"),
    (&["header"], &["banner", "masthead"], "page header"),
    (&["aside"], &["complementary", "sidebar"], "sidebar"),
    (&["form"], &[], "form"),
];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "table",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "header",
    "footer",
    "aside",
    "address",
    "hr",
    "details",
    "summary",
    "caption",
    "body",
];

/// All visible text of a page, block by block (blank lines between), with
/// no main-text extraction: for exports that hold many articles in one page
/// (Factiva, Nexis saved as HTML), whose splitting needs every line.
pub fn all_text(html: &str) -> String {
    let dom = Dom::parse(html);
    let body = dom.elements_named("body").next().unwrap_or(0);
    let never: Vec<bool> = (0..dom.nodes.len())
        .map(|id| NEVER_TEXT.contains(&dom.name(id)))
        .collect();
    let known = Known {
        byline: None,
        title: None,
        keep_bylines: true,
    };
    blocks_of(&dom, &[body], &never, known).builder.text
}

/// Reads an HTML page. Never panics; a page with no article text gives a
/// document with empty `text`, which the caller reports.
pub fn ingest_html(html: &str) -> Document {
    let dom = Dom::parse(html);
    let meta = meta::read(&dom);
    let article = extract::extract(&dom);
    let known = Known {
        byline: meta.byline.as_deref(),
        title: meta.title.as_deref(),
        keep_bylines: false,
    };
    let blocks = blocks_of(&dom, &article.roots, &article.dropped, known);
    let (mut visible_byline, mut byline_removed) = (blocks.byline, blocks.removed);
    let mut doc = blocks.builder.into_document();
    let body_len = meta.article_body.as_deref().map_or(0, |b| b.trim().len());
    if body_len > (2 * doc.text.len()).max(500) {
        // The page's visible body lacks the article (rendered by script, or
        // behind a paywall) but its JSON-LD carries it.
        let mut builder = TextBuilder::default();
        for paragraph in meta.article_body.as_deref().unwrap_or("").split('\n') {
            builder.push(&decode_references(paragraph), BlockKind::Paragraph);
        }
        doc = builder.into_document();
        doc.warnings
            .push("the article text was taken from the page's JSON-LD articleBody".to_string());
    }
    if doc.text.is_empty() {
        // Nothing looked like an article (a short page, a list page): keep
        // all visible text rather than nothing.
        let body = dom.elements_named("body").next().unwrap_or(0);
        let never: Vec<bool> = (0..dom.nodes.len())
            .map(|id| NEVER_TEXT.contains(&dom.name(id)))
            .collect();
        let blocks = blocks_of(&dom, &[body], &never, known);
        (visible_byline, byline_removed) = (blocks.byline, blocks.removed);
        doc = blocks.builder.into_document();
        if !doc.text.is_empty() {
            doc.warnings
                .push("no main article was recognised; all visible text was kept".to_string());
        }
    }
    doc.removed = furniture(&dom, &article.roots, &article.dropped)
        .into_iter()
        .filter(|r| {
            !doc.text
                .contains(r.text.split('…').next().unwrap_or_default())
        })
        .collect();
    doc.title = meta.title;
    doc.outlet = meta.outlet;
    doc.removed.extend(byline_removed);
    doc.byline = meta.byline.or(visible_byline).or(meta.header_byline);
    doc.url = meta.url;
    doc.language = meta.language;
    doc.date = meta.date;
    doc.date_source = meta.date_source.map(str::to_string);
    doc
}

/// One step of the iterative walk: entering a node, or leaving an element
/// (with whether it was a block and whether it set a block kind).
enum Step {
    Enter(usize),
    Leave { block: bool, kind_set: bool },
}

/// What the metadata already says, used to classify and dedupe blocks.
#[derive(Clone, Copy)]
struct Known<'a> {
    byline: Option<&'a str>,
    /// Leave "By ..." lines in the text (an export's own fields read them).
    keep_bylines: bool,
    title: Option<&'a str>,
}

/// Walks the article's elements without recursion and cuts their text into
/// blocks: headings, captions, bylines and datelines, paragraphs. The
/// page's headline is left out: it is the document's `title`.
fn blocks_of(dom: &Dom, roots: &[usize], dropped: &[bool], known: Known) -> Blocks {
    let mut builder = TextBuilder::default();
    let mut headline_seen = false;
    let mut byline: Option<String> = None;
    let mut removed: Vec<Removed> = Vec::new();
    let mut blocks_before = 0usize;
    let mut stack: Vec<Step> = roots.iter().rev().map(|&r| Step::Enter(r)).collect();
    let mut paragraph = String::new();
    let mut kinds: Vec<BlockKind> = Vec::new();
    let mut flush = |paragraph: &mut String, kinds: &[BlockKind], builder: &mut TextBuilder| {
        let text = fold_whitespace(paragraph);
        paragraph.clear();
        if text.is_empty() {
            return;
        }
        let kind = kinds
            .last()
            .copied()
            .unwrap_or_else(|| classify(&text, known.byline));
        if kind == BlockKind::Heading
            && !headline_seen
            && known.title.is_some_and(|t| same_headline(&text, t))
        {
            headline_seen = true;
            return;
        }
        // A visible "By …" line near the top is the byline, not article text.
        if byline.is_none()
            && !known.keep_bylines
            && blocks_before < BYLINE_WITHIN
            && kind != BlockKind::Heading
        {
            if let Some(names) = byline_names(&text) {
                byline = Some(names);
                removed.push(Removed {
                    text: text.clone(),
                    reason: "byline".to_string(),
                });
                return;
            }
        }
        blocks_before += 1;
        if kind == BlockKind::Paragraph {
            if let Some((label, rest)) = editorial_label(&text) {
                removed.push(Removed {
                    text: label,
                    reason: "editor's label".to_string(),
                });
                builder.push(&rest, kind);
                return;
            }
        }
        builder.push(&text, kind);
    };
    while let Some(step) = stack.pop() {
        let id = match step {
            Step::Leave { block, kind_set } => {
                if block || kind_set {
                    flush(&mut paragraph, &kinds, &mut builder);
                }
                if kind_set {
                    kinds.pop();
                }
                continue;
            }
            Step::Enter(id) => id,
        };
        if dropped[id] {
            // A dropped element still separates the text around it.
            paragraph.push(' ');
            continue;
        }
        let name = match &dom.nodes[id].kind {
            Kind::Text(t) => {
                paragraph.push_str(t);
                continue;
            }
            Kind::Element { name, .. } => name.as_str(),
        };
        if NEVER_TEXT.contains(&name) {
            continue;
        }
        match name {
            "br" => {
                flush(&mut paragraph, &kinds, &mut builder);
                continue;
            }
            "td" | "th" => paragraph.push(' '),
            _ => {}
        }
        let block = BLOCK.contains(&name);
        if block {
            flush(&mut paragraph, &kinds, &mut builder);
        }
        let kind = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
            "figcaption" | "caption" => Some(BlockKind::Caption),
            _ if has_class_word(dom, id, &["caption", "credit"]) => Some(BlockKind::Caption),
            _ => None,
        };
        if let Some(kind) = kind {
            flush(&mut paragraph, &kinds, &mut builder);
            kinds.push(kind);
        }
        stack.push(Step::Leave {
            block,
            kind_set: kind.is_some(),
        });
        stack.extend(dom.nodes[id].children.iter().rev().map(|&c| Step::Enter(c)));
    }
    flush(&mut paragraph, &kinds, &mut builder);
    Blocks {
        builder,
        byline,
        removed,
    }
}

/// The article's blocks, and the byline line found among them (taken out).
struct Blocks {
    builder: TextBuilder,
    byline: Option<String>,
    removed: Vec<Removed>,
}

/// How many blocks may come before a "By …" line for it to be the byline:
/// past the top of the article, "by" opens ordinary sentences.
const BYLINE_WITHIN: usize = 4;

/// The names of a byline line ("By SHELBY ACKROYD, TOBY LINDQVIST and
/// ROBERT PEARSE" → "Shelby Ackroyd, Toby Lindqvist, Robert Pearse"): the
/// line must open with "By" (any case) and hold only names of one to four
/// capitalised words, separated by commas, "and" or "&"; roles after a name
/// ("Staff Writer", "Reuters correspondent") are dropped. Names in capitals
/// are written as names. None when the line is anything else.
fn byline_names(line: &str) -> Option<String> {
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    let rest = ["written by", "by"]
        .iter()
        .find(|p| lower.starts_with(*p) && lower[p.len()..].starts_with([' ', ':']))
        .map(|p| &trimmed[p.len()..])?
        .trim_start()
        .trim_start_matches(':')
        .trim();
    if rest.split_whitespace().count() > 16 {
        return None;
    }
    const ROLES: &[&str] = &[
        "staff",
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
        "columnist",
        "bureau",
        "chief",
        "news",
        "press",
        "agency",
        "updated",
        "published",
    ];
    let mut names = Vec::new();
    for part in rest.split([',', ';', '&', '|']) {
        for piece in split_and(part) {
            let words: Vec<&str> = piece.split_whitespace().collect();
            if words.is_empty() {
                continue;
            }
            if words
                .iter()
                .any(|w| ROLES.contains(&w.to_lowercase().trim_matches('.')))
            {
                // A role ("Staff Writer") after a name, not a name.
                continue;
            }
            let name_like = words.len() <= 4
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars()
                            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
                });
            if !name_like {
                return None;
            }
            names.push(
                words
                    .iter()
                    .map(|w| as_name(w))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// Splits on the word "and" in any case ("AND", "and").
fn split_and(part: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for w in part.split_whitespace() {
        if w.eq_ignore_ascii_case("and") {
            out.push(String::new());
        } else {
            let last = out.last_mut().expect("never empty");
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(w);
        }
    }
    out.into_iter().filter(|p| !p.is_empty()).collect()
}

/// A word in capitals written as a name ("ACKROYD" → "Ackroyd", "MCDONALD"
/// → "Mcdonald"); other words as given ("McDonald", "O'Neil").
fn as_name(word: &str) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || !word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return word.to_string();
    }
    let mut out = String::new();
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// Whether a heading is the page's headline: the same words, or nearly all
/// of the title's words.
fn same_headline(heading: &str, title: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (h, t) = (words(heading), words(title));
    if h.is_empty() || t.is_empty() {
        return false;
    }
    let shared = h.iter().filter(|w| t.contains(w)).count();
    shared * 4 >= h.len().max(t.len()) * 3
}

fn has_class_word(dom: &Dom, id: usize, words: &[&str]) -> bool {
    dom.attr(id, "class").is_some_and(|class| {
        let class = class.to_ascii_lowercase();
        words.iter().any(|w| class.contains(w))
    })
}

/// A paragraph outside any heading or caption: a byline or a dateline
/// standing alone is `Other`, a photo credit a `Caption`.
fn classify(text: &str, byline: Option<&str>) -> BlockKind {
    let words = text.split_whitespace().count();
    if words > 14 {
        return BlockKind::Paragraph;
    }
    let lower = text.to_lowercase();
    const BY: &[&str] = &["by ", "por ", "par ", "von ", "door ", "di ", "written by "];
    const CREDIT: &[&str] = &[
        "photo:",
        "photo by",
        "(photo",
        "image:",
        "credit:",
        "picture:",
        "foto:",
        "getty images",
    ];
    if BY.iter().any(|b| lower.starts_with(b))
        || byline.is_some_and(|b| !b.is_empty() && lower.contains(&b.to_lowercase()))
    {
        return BlockKind::Other;
    }
    if CREDIT.iter().any(|c| lower.starts_with(c)) {
        return BlockKind::Caption;
    }
    let dated = date::find_in_text(text).is_some();
    let ends_sentence = text.ends_with(['.', '!', '?', '"', '”']);
    if dated && (words <= 5 || !ends_sentence) {
        return BlockKind::Other;
    }
    BlockKind::Paragraph
}

/// Page furniture outside the article, outermost elements only, each
/// summarised, then one entry for any other text outside the article: at
/// most [`MAX_REMOVED`] entries.
fn furniture(dom: &Dom, article: &[usize], dropped: &[bool]) -> Vec<Removed> {
    let n = dom.nodes.len();
    // Ids increase in document order and a subtree's ids are contiguous, so
    // "inside" is a range test against the last id below each taken node.
    let subtree_end = |id: usize| dom.last_descendant(id);
    let article_ranges: Vec<(usize, usize)> =
        article.iter().map(|&a| (a, subtree_end(a))).collect();
    let mut removed = Vec::new();
    let mut other = String::new();
    let mut id = 1;
    while id < n {
        if let Some(&(_, end)) = article_ranges.iter().find(|&&(a, e)| id >= a && id <= e) {
            id = end + 1;
            continue;
        }
        if dom.is_text(id) {
            let parent = dom.name(dom.nodes[id].parent);
            if !NEVER_TEXT.contains(&parent) && other.len() < 64 * 1024 {
                other.push_str(&dom.text(id));
                other.push(' ');
            }
            id += 1;
            continue;
        }
        let reason = if removed.len() + 2 < MAX_REMOVED {
            furniture_reason(dom, id)
        } else {
            None
        };
        let Some(reason) = reason else {
            if NEVER_TEXT.contains(&dom.name(id)) {
                id = subtree_end(id) + 1;
            } else {
                id += 1;
            }
            continue;
        };
        let text = visible_text(dom, id);
        if !text.is_empty() {
            removed.push(Removed {
                text: summarise(&text),
                reason: reason.to_string(),
            });
        }
        id = subtree_end(id) + 1;
    }
    // Furniture cut out of the article itself (promos, link lists, share
    // bars), outermost pieces only, as one entry.
    let mut inside = String::new();
    for &(start, end) in &article_ranges {
        let mut id = start + 1;
        while id <= end && inside.len() < 64 * 1024 {
            if dropped[id] && !dom.is_text(id) && !NEVER_TEXT.contains(&dom.name(id)) {
                inside.push_str(&visible_text(dom, id));
                inside.push(' ');
                id = subtree_end(id) + 1;
            } else {
                id += 1;
            }
        }
    }
    if !fold_whitespace(&inside).is_empty() {
        removed.push(Removed {
            text: summarise(&inside),
            reason: "furniture inside the article".to_string(),
        });
    }
    // Whatever else the page showed outside the article, as one entry.
    if !fold_whitespace(&other).is_empty() {
        removed.push(Removed {
            text: summarise(&other),
            reason: "other page text outside the article".to_string(),
        });
    }
    removed
}

fn furniture_reason(dom: &Dom, id: usize) -> Option<&'static str> {
    let name = dom.name(id);
    let mut words = dom.class_and_id(id);
    if let Some(role) = dom.attr(id, "role") {
        words.push_str(&role.to_ascii_lowercase());
    }
    FURNITURE
        .iter()
        .find(|(names, class_words, _)| {
            names.contains(&name) || class_words.iter().any(|w| words.contains(w))
        })
        .map(|(_, _, reason)| *reason)
}

/// An element's text without its scripts and styles, whitespace folded.
fn visible_text(dom: &Dom, id: usize) -> String {
    let mut out = String::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        match &dom.nodes[n].kind {
            Kind::Text(t) => {
                out.push_str(t);
                out.push(' ');
                if out.len() > 64 * 1024 {
                    break;
                }
            }
            Kind::Element { name, .. } => {
                const UNSEEN: &[&str] = &["script", "style", "noscript", "template", "svg"];
                if !UNSEEN.contains(&name.as_str()) {
                    stack.extend(dom.nodes[n].children.iter().rev());
                }
            }
        }
    }
    fold_whitespace(&out)
}

/// Long removed text is cut at a word boundary and its length given, so
/// that `removed` stays small on pages with huge menus.
pub(crate) fn summarise(text: &str) -> String {
    let folded = fold_whitespace(text);
    if folded.chars().count() <= SUMMARY_CHARS {
        return folded;
    }
    let words = folded.split_whitespace().count();
    let mut cut = String::new();
    for word in folded.split_whitespace() {
        if cut.chars().count() + word.chars().count() + 1 > SUMMARY_CHARS {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    format!("{cut}… ({words} words)")
}

#[cfg(test)]
mod tests;
