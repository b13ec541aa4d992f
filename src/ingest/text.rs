//! Plain text and Markdown: decoded text in, a [`Document`] with paragraphs,
//! headings and a title out.

use super::{Block, BlockKind, Document};

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

/// Splits text into paragraphs at blank lines.
fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n")
        .flat_map(|p| p.split("\n \n"))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
}

/// A short line with no closing punctuation reads as a heading.
fn looks_like_heading(p: &str) -> bool {
    let words = p.split_whitespace().count();
    !p.contains('\n') && (1..=16).contains(&words) && !p.ends_with(['.', ',', ';', ':', '"', '”'])
}

pub fn ingest_text(text: &str) -> Document {
    let mut builder = TextBuilder::default();
    let mut title = None;
    for p in paragraphs(text) {
        // A heading line may sit directly above its paragraph.
        let (head, body) = match p.split_once('\n') {
            Some((first, rest))
                if looks_like_heading(first.trim())
                    && rest.trim_start().starts_with(char::is_uppercase) =>
            {
                (Some(first.trim()), rest)
            }
            _ => (None, p.as_str()),
        };
        if let Some(head) = head {
            title.get_or_insert_with(|| fold_whitespace(head));
            builder.push(head, BlockKind::Heading);
        }
        let kind = if looks_like_heading(body) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        if title.is_none() && kind == BlockKind::Heading {
            title = Some(fold_whitespace(body));
        }
        builder.push(body, kind);
    }
    let mut doc = builder.into_document();
    doc.title = title;
    doc
}

/// Strips inline Markdown: links keep their text, emphasis marks go.
fn strip_inline_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if let Some(close) = after.find("](") {
            if let Some(paren) = after[close + 2..].find(')') {
                out.push_str(&after[..close]);
                rest = &after[close + 2 + paren + 1..];
                continue;
            }
        }
        out.push('[');
        rest = after;
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

pub fn ingest_markdown(text: &str) -> Document {
    let mut builder = TextBuilder::default();
    let mut title = None;
    for p in paragraphs(text) {
        // A heading line may sit directly above its paragraph.
        let mut body = String::new();
        for line in p.lines() {
            let trimmed = line.trim_start();
            if trimmed.starts_with('#') {
                if !body.is_empty() {
                    builder.push(&strip_inline_markdown(&body), BlockKind::Paragraph);
                    body.clear();
                }
                let heading = strip_inline_markdown(trimmed.trim_start_matches('#').trim());
                if title.is_none() {
                    title = Some(fold_whitespace(&heading));
                }
                builder.push(&heading, BlockKind::Heading);
            } else {
                body.push_str(line);
                body.push('\n');
            }
        }
        if !body.is_empty() {
            builder.push(&strip_inline_markdown(&body), BlockKind::Paragraph);
        }
    }
    let mut doc = builder.into_document();
    doc.title = title;
    doc
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
    fn wrapped_lines_join_into_one_paragraph() {
        let doc = ingest_text("Head\n\nOne line\nwraps here.\n");
        assert_eq!(doc.text, "Head\n\nOne line wraps here.");
    }
}
