//! Plain text and Markdown: decoded text in, a [`Document`] with clean
//! paragraphs, headings, captions, metadata and what was removed out.

use super::clean::{self, Cleaned, Piece};
use super::{meta, Block, BlockKind, Document, Removed};

/// Accumulates clean text paragraph by paragraph, recording each block's span.
#[derive(Default)]
pub struct TextBuilder {
    pub text: String,
    pub blocks: Vec<Block>,
}

impl TextBuilder {
    /// Appends one paragraph (whitespace folded to single spaces).
    pub fn push(&mut self, paragraph: &str, kind: BlockKind) {
        let folded = fold_whitespace(paragraph);
        if folded.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(&folded);
        self.blocks.push(Block {
            start,
            end: self.text.len(),
            kind,
        });
    }

    pub fn into_document(self) -> Document {
        Document {
            text: self.text,
            blocks: self.blocks,
            ..Document::default()
        }
    }
}

/// Collapses runs of whitespace (newlines included) to one space and trims.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Builds the document from cleaned paragraphs; the language is read from
/// the paragraphs (not headings or captions).
fn document(cleaned: Cleaned) -> Document {
    let mut builder = TextBuilder::default();
    for (text, kind) in &cleaned.blocks {
        builder.push(text, *kind);
    }
    let mut doc = builder.into_document();
    let body: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .filter_map(|b| doc.text.get(b.start..b.end))
        .collect();
    doc.language = meta::language(&body.join(" ")).map(str::to_string);
    let hints = cleaned.hints;
    doc.date_source = hints.date.as_ref().map(|_| "text".to_string());
    doc.title = hints.title.map(|t| fold_whitespace(&t));
    doc.outlet = hints.outlet;
    doc.date = hints.date;
    doc.byline = hints.byline;
    doc.dateline = hints.dateline;
    doc.url = hints.url;
    doc.removed = cleaned.removed;
    doc.warnings = cleaned.warnings;
    doc
}

pub fn ingest_text(text: &str) -> Document {
    document(clean::clean_plain(text))
}

// ---------------------------------------------------------------------------
// Markdown

/// Strips inline Markdown: images and links keep their text, emphasis and
/// code marks go, backslash escapes are resolved. Underscores inside words
/// (snake_case) stay.
fn strip_inline_markdown(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                i += 1;
                continue;
            }
            '[' => {
                // [text](url) or [text][ref]: keep the text.
                if let Some(close) = chars[i + 1..].iter().position(|&c| c == ']') {
                    let close = i + 1 + close;
                    let after = chars.get(close + 1).copied();
                    let target_end = match after {
                        Some('(') => chars[close + 1..].iter().position(|&c| c == ')'),
                        Some('[') => chars[close + 1..].iter().position(|&c| c == ']'),
                        _ => None,
                    };
                    if let Some(end) = target_end {
                        out.extend(&chars[i + 1..close]);
                        i = close + 1 + end + 1;
                        continue;
                    }
                }
            }
            '<' => {
                // <https://example.org> autolinks keep their address.
                if let Some(end) = chars[i + 1..].iter().position(|&c| c == '>') {
                    let inner: String = chars[i + 1..i + 1 + end].iter().collect();
                    if inner.starts_with("http") && !inner.contains(' ') {
                        out.push_str(&inner);
                        i += end + 2;
                        continue;
                    }
                }
            }
            '`' | '*' => {
                i += 1;
                continue;
            }
            '_' => {
                let prev = i.checked_sub(1).map(|p| chars[p]);
                let next = chars.get(i + 1).copied();
                let inside_word = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if !inside_word {
                    i += 1;
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    out
}

fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| rest.trim().trim_end_matches('#').trim())
}

fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    (digits > 0 && digits <= 3)
        .then(|| rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")))
        .flatten()
}

fn rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|&m| compact.chars().all(|c| c == m))
}

/// YAML front matter (`---` … `---` at the top): title, date, author, url
/// and source keys become metadata.
fn front_matter(text: &str, hints: &mut clean::Hints) -> usize {
    let Some(rest) = text.strip_prefix("---\n") else {
        return 0;
    };
    let Some(end) = rest.find("\n---") else {
        return 0;
    };
    for line in rest[..end].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" => &mut hints.title,
            "date" | "published" => {
                hints.date = meta::date_line(value);
                continue;
            }
            "author" | "byline" => &mut hints.byline,
            "url" | "source_url" | "link" => &mut hints.url,
            "source" | "outlet" | "publisher" | "site" => &mut hints.outlet,
            _ => continue,
        };
        *slot = Some(value.to_string());
    }
    let after = 4 + end + 4;
    after.min(text.len())
}

pub fn ingest_markdown(text: &str) -> Document {
    let mut cleaned = Cleaned::default();
    let start = front_matter(text, &mut cleaned.hints);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut code: Vec<&str> = Vec::new();
    let mut in_fence = false;

    fn flush(paragraph: &mut Vec<&str>, pieces: &mut Vec<Piece>) {
        if !paragraph.is_empty() {
            let joined = strip_inline_markdown(&paragraph.join(" "));
            pieces.push(Piece::new(joined, None));
            paragraph.clear();
        }
    }

    for raw in text.get(start..).unwrap_or("").lines() {
        let line = raw.trim();
        if in_fence {
            if line.starts_with("```") || line.starts_with("~~~") {
                in_fence = false;
                cleaned.removed.push(Removed {
                    text: code.join("\n"),
                    reason: "code block".to_string(),
                });
                code.clear();
            } else {
                code.push(raw);
            }
            continue;
        }
        if line.starts_with("```") || line.starts_with("~~~") {
            flush(&mut paragraph, &mut pieces);
            in_fence = true;
            continue;
        }
        if line.is_empty() || line.starts_with("<!--") {
            flush(&mut paragraph, &mut pieces);
            continue;
        }
        if let Some(heading) = atx_heading(line) {
            flush(&mut paragraph, &mut pieces);
            pieces.push(Piece::new(
                strip_inline_markdown(heading),
                Some(BlockKind::Heading),
            ));
            continue;
        }
        // Setext: a line of === or --- under a one-line paragraph.
        let underline = !line.is_empty()
            && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'));
        if underline && paragraph.len() == 1 {
            let heading = strip_inline_markdown(paragraph[0]);
            paragraph.clear();
            pieces.push(Piece::new(heading, Some(BlockKind::Heading)));
            continue;
        }
        if rule(line) {
            flush(&mut paragraph, &mut pieces);
            continue;
        }
        // A line that is only an image: its alt text is a caption.
        if line.starts_with("![") && line.ends_with(')') {
            flush(&mut paragraph, &mut pieces);
            let alt = strip_inline_markdown(line);
            if !alt.trim().is_empty() {
                pieces.push(Piece::new(alt, Some(BlockKind::Caption)));
            }
            continue;
        }
        // Reference definitions "[1]: https://…" carry no text.
        if line.starts_with('[') && line.contains("]: ") {
            continue;
        }
        let quoted = line.trim_start_matches(['>', ' ']);
        let (content, item) = match list_item(quoted) {
            Some(rest) => (rest, true),
            None => (quoted, false),
        };
        if item {
            // Each list item is a paragraph of its own.
            flush(&mut paragraph, &mut pieces);
        }
        paragraph.push(content);
    }
    flush(&mut paragraph, &mut pieces);
    if !code.is_empty() {
        cleaned.removed.push(Removed {
            text: code.join("\n"),
            reason: "code block".to_string(),
        });
    }
    // Markdown paragraphs are already whole: no re-joining, but the same
    // furniture, footer, heading and dateline rules.
    let pieces = clean::tag_pieces(pieces, &mut cleaned);
    document(clean::finish(pieces, cleaned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_headings_links_and_emphasis() {
        let doc = ingest_markdown("# The title\n\nA [link](http://x.org) and **bold** text.\n");
        assert_eq!(doc.title.as_deref(), Some("The title"));
        assert_eq!(doc.text, "The title\n\nA link and bold text.");
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(doc.blocks[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn markdown_inline_cases() {
        let cases: &[(&str, &str)] = &[
            ("*it* and _so_ on", "it and so on"),
            ("keep snake_case_names", "keep snake_case_names"),
            ("`code` here", "code here"),
            ("![alt text](a.png) after", "alt text after"),
            ("see [the report][1] now", "see the report now"),
            ("<https://example.org> link", "https://example.org link"),
            ("an \\*escaped\\* star", "an *escaped* star"),
            ("unclosed [bracket here", "unclosed [bracket here"),
        ];
        for (input, want) in cases {
            assert_eq!(strip_inline_markdown(input), *want, "{input}");
        }
    }

    #[test]
    fn markdown_lists_quotes_code_and_front_matter() {
        let md = "---\ntitle: \"Front title\"\ndate: 2020-03-04\nauthor: Jane Roe\n---\n\nIntro line\nwraps.\n\n- first item\n- second item\n  continues\n\n> quoted text\n> more\n\n```\nlet x = 1;\n```\n\nSetext heading\n--------------\n\nEnd.\n";
        let doc = ingest_markdown(md);
        assert_eq!(doc.title.as_deref(), Some("Front title"));
        assert_eq!(doc.date.as_deref(), Some("2020-03-04"));
        assert_eq!(doc.byline.as_deref(), Some("Jane Roe"));
        let blocks: Vec<(&str, BlockKind)> = doc
            .blocks
            .iter()
            .map(|b| (&doc.text[b.start..b.end], b.kind))
            .collect();
        assert_eq!(
            blocks,
            vec![
                ("Intro line wraps.", BlockKind::Paragraph),
                ("first item", BlockKind::Paragraph),
                ("second item continues", BlockKind::Paragraph),
                ("quoted text more", BlockKind::Paragraph),
                ("Setext heading", BlockKind::Heading),
                ("End.", BlockKind::Paragraph),
            ]
        );
        assert_eq!(doc.removed[0].reason, "code block");
    }

    #[test]
    fn wrapped_lines_join_into_one_paragraph() {
        let doc = ingest_text("Head\n\nOne line\nwraps here.\n");
        assert_eq!(doc.text, "Head\n\nOne line wraps here.");
    }

    #[test]
    fn one_paragraph_per_line_stays_apart() {
        let doc = ingest_text("The title\nFirst paragraph ends.\nSecond one ends.\n");
        assert_eq!(doc.blocks.len(), 3);
        assert_eq!(doc.title.as_deref(), Some("The title"));
    }
}
