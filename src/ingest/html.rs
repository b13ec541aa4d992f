//! HTML pages: markup in, the page's readable text as a [`Document`] out,
//! with the title from `<title>` or `og:title`.
//!
//! A small tag scanner: text inside `script`, `style`, `nav`, `header`,
//! `footer`, `aside`, `form` and similar is dropped; block-level tags end
//! paragraphs; `h1`..`h6` become headings and `figcaption` captions.

use super::text::{fold_whitespace, TextBuilder};
use super::{BlockKind, Document, Removed};

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

pub fn ingest_html(html: &str) -> Document {
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
                if let Some(pos) = skip_depth.iter().rposition(|n| *n == name) {
                    skip_depth.truncate(pos);
                }
                if skip_depth.is_empty() && !fold_whitespace(&skipped_text).is_empty() {
                    removed.push(Removed {
                        text: fold_whitespace(&skipped_text),
                        reason: format!("page furniture (<{name}>)"),
                    });
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
    } else if skip
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
        let doc = ingest_html(
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
    fn numeric_entities_decode() {
        assert_eq!(
            decode_entities("&#8220;hi&#x201D; &bogus; &"),
            "“hi” &bogus; &"
        );
    }
}
