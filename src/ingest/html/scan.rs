//! A linear tag scanner for pages the DOM path refuses (absurdly deep
//! nesting): markup in, the page's visible text as a [`Document`] out, plus
//! the nesting-depth estimate that decides which path a page takes.
//!
//! Text inside `script`, `style`, `nav`, `header`, `footer`, `aside`, `form`
//! and similar is dropped; block-level tags end paragraphs; `h1`..`h6` become
//! headings and `figcaption` captions. It keeps no tree, so no input can make
//! it recurse or go quadratic.

use crate::ingest::text::{fold_whitespace, TextBuilder};
use crate::ingest::{BlockKind, Document, Removed};

/// How far from the top of a stack of open elements a closing tag is
/// matched; deeper mismatches are ignored, which keeps scanning linear.
const MATCH_WINDOW: usize = 64;

/// Elements whose content is raw text, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements an HTML parser closes by itself when a sibling of the same kind
/// opens (`<li>a<li>b`, `<p>a<p>b`).
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "option", "tr", "td", "th"];

/// Block elements whose start tag closes an open `p`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// The deepest nesting of elements an HTML parser would build, estimated in
/// one pass without building a tree. Unclosed `p`/`li`/... and void elements
/// are treated as a parser treats them, so ordinary tag soup is not deep.
pub fn nesting_depth(html: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut stack: Vec<&str> = Vec::new();
    let mut deepest = 0;
    let mut i = 0;
    while let Some(offset) = lower[i..].find('<') {
        let at = i + offset;
        let rest = &lower[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| at + e + 3);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        i = at + gt + 1;
        let closing = tag.starts_with('/');
        let name_start = usize::from(closing);
        let name_len = tag[name_start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = &tag[name_start..name_start + name_len];
        let window = stack.len().saturating_sub(MATCH_WINDOW);
        if closing {
            if let Some(pos) = stack[window..].iter().rposition(|n| *n == name) {
                stack.truncate(window + pos);
            }
            continue;
        }
        if RAW_TEXT.contains(&name) {
            let end = format!("</{name}");
            i = lower[i..].find(&end).map_or(bytes.len(), |e| i + e);
            continue;
        }
        if VOID.contains(&name) || tag.ends_with('/') {
            continue;
        }
        let closes_p = stack.last() == Some(&"p") && CLOSES_P.contains(&name);
        if SELF_CLOSING_SIBLINGS.contains(&name) || closes_p {
            let near = stack.len().saturating_sub(4);
            let same = if SELF_CLOSING_SIBLINGS.contains(&name) {
                name
            } else {
                "p"
            };
            if let Some(pos) = stack[near..].iter().rposition(|n| *n == same) {
                stack.truncate(near + pos);
            }
        }
        stack.push(name);
        deepest = deepest.max(stack.len());
    }
    deepest
}

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg",
    "iframe", "button", "select", "head",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "blockquote",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "figure",
    "main",
    "pre",
    "hr",
    "dd",
    "dt",
];

/// The page's visible text, paragraph by paragraph, and its `<title>`.
pub fn scan_text(html: &str) -> Document {
    let mut builder = TextBuilder::default();
    let mut removed = Vec::new();
    let mut title = None;
    let mut og_title = None;
    let mut paragraph = String::new();
    let mut kind = BlockKind::Paragraph;
    let mut skip_depth: Vec<String> = Vec::new();
    let mut skipped_text = String::new();
    let mut in_title = false;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            take_text(
                rest,
                &skip_depth,
                in_title,
                &mut paragraph,
                &mut skipped_text,
                &mut title,
            );
            break;
        };
        take_text(
            &rest[..lt],
            &skip_depth,
            in_title,
            &mut paragraph,
            &mut skipped_text,
            &mut title,
        );
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name == "meta" && !closing {
            if attr(tag, "property").as_deref() == Some("og:title") {
                og_title = attr(tag, "content").map(|s| decode_entities(&s));
            }
            continue;
        }
        if name == "title" {
            in_title = !closing;
            continue;
        }
        if SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            if closing {
                let window = skip_depth.len().saturating_sub(MATCH_WINDOW);
                if let Some(pos) = skip_depth[window..].iter().rposition(|n| *n == name) {
                    skip_depth.truncate(window + pos);
                }
                if skip_depth.is_empty() && !fold_whitespace(&skipped_text).is_empty() {
                    if removed.len() < super::MAX_REMOVED {
                        removed.push(Removed {
                            text: super::summarise(&skipped_text),
                            reason: format!("page furniture (<{name}>)"),
                        });
                    }
                    skipped_text.clear();
                }
            } else if name != "head" || skip_depth.is_empty() {
                skip_depth.push(name);
            }
            continue;
        }
        if BLOCKS.contains(&name.as_str()) && skip_depth.is_empty() {
            builder.push(&paragraph, kind);
            paragraph.clear();
            kind = match (closing, name.as_str()) {
                (false, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") => BlockKind::Heading,
                (false, "figcaption") => BlockKind::Caption,
                _ => BlockKind::Paragraph,
            };
        }
    }
    builder.push(&paragraph, kind);
    let mut doc = builder.into_document();
    doc.title = og_title
        .or(title)
        .map(|t| fold_whitespace(&t))
        .filter(|t| !t.is_empty());
    doc.removed = removed;
    doc
}

fn take_text(
    raw: &str,
    skip: &[String],
    in_title: bool,
    paragraph: &mut String,
    skipped: &mut String,
    title: &mut Option<String>,
) {
    if raw.is_empty() {
        return;
    }
    let text = decode_entities(raw);
    if in_title {
        title.get_or_insert_with(String::new).push_str(&text);
    } else if skip.is_empty() {
        paragraph.push_str(&text);
    } else if skipped.len() < 4096
        && skip
            .iter()
            .all(|n| !matches!(n.as_str(), "script" | "style" | "head" | "template" | "svg"))
    {
        skipped.push_str(&text);
        skipped.push(' ');
    }
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let key = format!("{name}=");
    let pos = lower.find(&key)? + key.len();
    let rest = &tag[pos..];
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' {
        let end = rest[1..].find(quote)?;
        Some(rest[1..1 + end].to_string())
    } else {
        Some(rest.split_whitespace().next()?.to_string())
    }
}

/// Decodes the common named and all numeric character references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_navigation_are_dropped_headings_kept() {
        let doc = scan_text(
            "<html><head><title>T &amp; U</title><script>alert(1)</script></head><body>\
             <nav>Home | World</nav><h1>Big news</h1><p>First&nbsp;para.</p>\
             <p>Second <b>para</b>.</p><footer>© Outlet</footer></body></html>",
        );
        assert_eq!(doc.title.as_deref(), Some("T & U"));
        assert_eq!(doc.text, "Big news\n\nFirst para.\n\nSecond para.");
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert!(doc.removed.iter().any(|r| r.text.contains("Home | World")));
        assert!(!doc.text.contains("alert"));
    }

    #[test]
    fn nesting_depth_follows_parser_rules() {
        let cases: &[(&str, usize)] = &[
            ("<div><div><p>a</p></div></div>", 3),
            ("<ul><li>a<li>b<li>c</ul>", 2),
            ("<p>a<p>b<p>c<div>d</div>", 1),
            ("<p><a><b>x</b></a></p>", 3),
            ("<div><br><img src=x><input></div>", 1),
            ("<script><div><div><div></script><p>x", 1),
            ("<!-- <div><div> --><p>x", 1),
            ("<b><b><b>x", 3),
        ];
        for (html, want) in cases {
            assert_eq!(nesting_depth(html), *want, "{html}");
        }
        let deep = "<div>".repeat(100_000);
        assert_eq!(nesting_depth(&deep), 100_000);
    }

    #[test]
    fn numeric_entities_decode() {
        assert_eq!(
            decode_entities("&#8220;hi&#x201D; &bogus; &"),
            "“hi” &bogus; &"
        );
    }
}
