//! HTML pages: markup in, a [`Document`] out holding the article's main text
//! (navigation, menus, share bars, cookie banners, related links, comments
//! and footers dropped and listed in `removed`), its blocks, and the page's
//! metadata (title, outlet, byline, date, canonical URL, language).
//!
//! The main text is chosen by `dom_smoothie`, a port of Mozilla's
//! Readability (the Firefox reader view), on an html5ever DOM; metadata is
//! read by [`meta`]. HTML parsers slow down sharply on absurdly deep nesting,
//! so a linear pre-scan sends such pages to the tree-less [`scan`] path.

mod date;
mod meta;
mod scan;

pub use scan::decode_entities;

use dom_query::{Document as Dom, NodeRef};

use super::text::{fold_whitespace, TextBuilder};
use super::{BlockKind, Document, Removed};

/// Deeper pages than this skip the DOM path. Real news pages nest about 10
/// to 60 elements deep; html5ever and Readability's scoring take time that
/// grows faster than linearly with depth.
const MAX_DOM_DEPTH: usize = 256;

/// Pages with more elements than this skip Readability (it returns an error
/// and the tag scanner takes over).
const MAX_ELEMENTS: usize = 200_000;

/// At most this many entries in `removed`, each summarised.
pub(crate) const MAX_REMOVED: usize = 25;

/// Removed text longer than this is cut, with its word count given.
const SUMMARY_CHARS: usize = 160;

/// Page furniture listed in `removed`, by the reason given for it. The first
/// rule an element matches names it.
const FURNITURE: &[(&str, &str)] = &[
    (
        "[class*=cookie], [id*=cookie], [class*=consent], [id*=consent], [class*=gdpr]",
        "cookie notice",
    ),
    ("nav, [role=navigation], [class*=navbar]", "navigation"),
    ("[id*=comments], [class*=comments], [id=disqus_thread]", "comments"),
    (
        "[class*=share], [class*=social], [class*=sharing]",
        "share bar",
    ),
    (
        "[class*=related], [class*=recommend], [class*=more-stories], [class*=outbrain], [class*=taboola]",
        "related articles",
    ),
    ("[class*=newsletter], [id*=newsletter]", "newsletter sign-up"),
    ("footer, [role=contentinfo]", "footer"),
    ("header, [role=banner]", "page header"),
    ("aside, [role=complementary]", "sidebar"),
    ("form", "form"),
];

/// Elements whose content is never article text.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "button", "select", "object",
    "embed", "canvas", "audio", "video", "input", "textarea", "head", "title", "math",
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
];

/// Reads an HTML page. Never panics; a page with no article text gives a
/// document with empty `text`, which the caller reports.
pub fn ingest_html(html: &str) -> Document {
    let depth = scan::nesting_depth(html);
    if depth > MAX_DOM_DEPTH {
        let mut doc = scan::scan_text(html);
        doc.warnings.push(format!(
            "elements nest {depth} deep, so the page was read as plain tagged text \
             without choosing its main article"
        ));
        return doc;
    }
    let dom = Dom::from(html);
    let meta = meta::read(&dom);
    let furniture = furniture(&dom);
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let article = dom_smoothie::Readability::with_document(dom, None, Some(cfg))
        .and_then(|mut r| r.parse())
        .ok();

    let mut doc = match &article {
        Some(article) => {
            let content = Dom::from(article.content.as_ref());
            let byline = meta.byline.as_deref().or(article.byline.as_deref());
            blocks_of(&content, byline).into_document()
        }
        None => Document::default(),
    };
    if doc.text.is_empty() {
        // Readability found no article (a short page, a list page): keep
        // all visible text rather than nothing.
        let scanned = scan::scan_text(html);
        doc.text = scanned.text;
        doc.blocks = scanned.blocks;
        doc.warnings
            .push("no main article was recognised; all visible text was kept".to_string());
    }
    doc.removed = furniture
        .into_iter()
        .filter(|r| {
            !doc.text
                .contains(r.text.split('…').next().unwrap_or_default())
        })
        .collect();

    let from_article = |f: fn(&dom_smoothie::Article) -> Option<String>| {
        article
            .as_ref()
            .and_then(f)
            .filter(|s| !s.trim().is_empty())
    };
    doc.title = meta
        .title
        .or_else(|| from_article(|a| Some(a.title.clone())));
    doc.outlet = meta
        .outlet
        .or_else(|| from_article(|a| a.site_name.clone()));
    doc.byline = meta.byline.or_else(|| from_article(|a| a.byline.clone()));
    doc.url = meta.url.or_else(|| from_article(|a| a.url.clone()));
    doc.language = meta.language.or_else(|| from_article(|a| a.lang.clone()));
    doc.date = meta.date;
    doc.date_source = meta.date_source.map(str::to_string);
    if doc.date.is_none() {
        if let Some(day) = article
            .as_ref()
            .and_then(|a| a.published_time.as_deref())
            .and_then(date::parse)
        {
            doc.date = Some(day);
            doc.date_source = Some("meta".to_string());
        }
    }
    doc
}

/// One step of the iterative walk: entering a node, or leaving an element
/// (with whether it was a block and whether it set a block kind).
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { block: bool, kind_set: bool },
}

/// Walks the chosen article's DOM without recursion and cuts its text into
/// blocks: headings, captions, bylines and datelines, paragraphs.
fn blocks_of(content: &Dom, byline: Option<&str>) -> TextBuilder {
    let mut builder = TextBuilder::default();
    let root = content.root();
    let mut stack = vec![Step::Enter(root)];
    let mut paragraph = String::new();
    let mut kinds: Vec<BlockKind> = Vec::new();
    let flush = |paragraph: &mut String, kinds: &[BlockKind], builder: &mut TextBuilder| {
        let text = fold_whitespace(paragraph);
        paragraph.clear();
        if text.is_empty() {
            return;
        }
        let kind = kinds
            .last()
            .copied()
            .unwrap_or_else(|| classify(&text, byline));
        builder.push(&text, kind);
    };
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave { block, kind_set } => {
                if block || kind_set {
                    flush(&mut paragraph, &kinds, &mut builder);
                }
                if kind_set {
                    kinds.pop();
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            paragraph.push_str(&node.text());
            continue;
        }
        if !node.is_element() && !node.is_document() && !node.is_fragment() {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if NEVER_TEXT.contains(&name.as_str()) {
            continue;
        }
        match name.as_str() {
            "br" => {
                flush(&mut paragraph, &kinds, &mut builder);
                continue;
            }
            "td" | "th" => paragraph.push(' '),
            _ => {}
        }
        let block = BLOCK.contains(&name.as_str());
        if block {
            flush(&mut paragraph, &kinds, &mut builder);
        }
        let kind = match name.as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
            "figcaption" | "caption" => Some(BlockKind::Caption),
            _ if has_class_word(&node, &["caption", "credit"]) => Some(BlockKind::Caption),
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
        let mut child = node.last_child();
        while let Some(c) = child {
            child = c.prev_sibling();
            stack.push(Step::Enter(c));
        }
    }
    flush(&mut paragraph, &kinds, &mut builder);
    builder
}

fn has_class_word(node: &NodeRef, words: &[&str]) -> bool {
    node.class().is_some_and(|class| {
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
    if dated && (words <= 8 || !ends_sentence) {
        return BlockKind::Other;
    }
    BlockKind::Paragraph
}

/// Page furniture in the original page, outermost elements only, each
/// summarised, at most [`MAX_REMOVED`].
fn furniture(dom: &Dom) -> Vec<Removed> {
    let all: Vec<&str> = FURNITURE.iter().map(|(sel, _)| *sel).collect();
    let selection = dom.select(&all.join(", "));
    let mut taken: Vec<NodeRef> = Vec::new();
    let mut removed = Vec::new();
    for node in selection.nodes().iter().take(3000) {
        if removed.len() >= MAX_REMOVED {
            break;
        }
        let inside_taken = node
            .ancestors_it(Some(MAX_DOM_DEPTH))
            .any(|a| taken.iter().any(|t| t.id == a.id));
        if inside_taken {
            continue;
        }
        let Some((_, reason)) = FURNITURE.iter().find(|(sel, _)| node.is(sel)) else {
            continue;
        };
        let text = visible_text(node);
        if text.is_empty() {
            continue;
        }
        taken.push(*node);
        removed.push(Removed {
            text: summarise(&text),
            reason: (*reason).to_string(),
        });
    }
    removed
}

/// An element's text without its scripts and styles, whitespace folded.
fn visible_text(node: &NodeRef) -> String {
    let mut out = String::new();
    let mut stack = vec![*node];
    while let Some(n) = stack.pop() {
        if n.is_text() {
            out.push_str(&n.text());
            out.push(' ');
            if out.len() > 64 * 1024 {
                break;
            }
            continue;
        }
        let skip = n
            .node_name()
            .is_some_and(|name| NEVER_TEXT.contains(&name.to_ascii_lowercase().as_str()));
        if skip {
            continue;
        }
        let mut child = n.last_child();
        while let Some(c) = child {
            child = c.prev_sibling();
            stack.push(c);
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
