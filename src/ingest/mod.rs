//! Ingest: a file's name and bytes in, clean [`Document`]s out (or a clear
//! [`IngestError`] naming the file and the reason).
//!
//! A document's `text` is its clean article text; `blocks` cut it into
//! paragraphs, each with a kind, so that later stages know headings and
//! captions. Everything cleaning removed is kept in `removed` with a reason.

pub mod clean;
pub mod decode;
pub mod html;
pub mod json;
pub mod meta;
pub mod text;

use serde::Serialize;

/// The input format a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Mhtml,
    Json,
    Jsonl,
}

/// What a paragraph of the clean text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    Heading,
    Caption,
    /// Bylines, datelines standing alone, list markers: shown, never aligned.
    Other,
}

/// A paragraph of a document's clean text: a half-open UTF-8 byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

/// A piece of the input that cleaning took out, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub text: String,
    pub reason: String,
}

/// One article, clean, with its metadata. Fields the source does not state
/// are `None`, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    pub file: String,
    pub format: Option<Format>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601, possibly partial (`2019-02`, `--02-27`).
    pub date: Option<String>,
    /// Where the date was read from (`text`, `json-ld`, `meta`, `record`, ...).
    pub date_source: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub text: String,
    pub blocks: Vec<Block>,
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
}

/// Why a file (or an entry inside it) gave no document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IngestError {
    pub file: String,
    pub reason: String,
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

impl std::error::Error for IngestError {}

impl IngestError {
    pub fn new(file: &str, reason: impl Into<String>) -> Self {
        IngestError {
            file: file.to_string(),
            reason: reason.into(),
        }
    }
}

/// Largest input accepted for one file; larger ones get a clear error.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// Reads one file: its name (for the format and for messages) and its bytes.
/// A container (a JSON array, JSON lines) gives several results.
pub fn ingest(file: &str, bytes: &[u8]) -> Vec<Result<Document, IngestError>> {
    if bytes.is_empty() {
        return vec![Err(IngestError::new(file, "the file is empty"))];
    }
    if bytes.len() > MAX_FILE_BYTES {
        return vec![Err(IngestError::new(
            file,
            format!(
                "the file is {} MB, more than the {} MB Parallax reads",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ))];
    }
    let lower = file.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "html" | "htm" | "xhtml" => one(file, bytes, Format::Html),
        "md" | "markdown" => one(file, bytes, Format::Markdown),
        "json" => json::ingest_json(file, bytes, Format::Json),
        "jsonl" | "ndjson" => json::ingest_json(file, bytes, Format::Jsonl),
        "txt" | "text" | "" => one(file, bytes, Format::Text),
        _ => match sniff(bytes) {
            Some(format) => one(file, bytes, format),
            None => vec![Err(IngestError::new(
                file,
                format!("'.{ext}' is not a format Parallax reads (text, Markdown, HTML, JSON)"),
            ))],
        },
    }
}

/// Guesses the format of a file with an unknown extension from its first
/// bytes; `None` for binary data.
fn sniff(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(1024)];
    if decode::looks_binary(head) {
        return None;
    }
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = lower.trim_start();
    if trimmed.starts_with("<!doctype html") || trimmed.starts_with("<html") {
        Some(Format::Html)
    } else {
        Some(Format::Text)
    }
}

fn one(file: &str, bytes: &[u8], format: Format) -> Vec<Result<Document, IngestError>> {
    vec![ingest_one(file, bytes, format)]
}

fn ingest_one(file: &str, bytes: &[u8], format: Format) -> Result<Document, IngestError> {
    let decoded = decode::decode(bytes).map_err(|reason| IngestError::new(file, reason))?;
    let mut doc = match format {
        Format::Html | Format::Mhtml => html::ingest_html(&decoded.text),
        Format::Markdown => text::ingest_markdown(&decoded.text),
        _ => text::ingest_text(&decoded.text),
    };
    doc.file = file.to_string();
    doc.format = Some(format);
    doc.warnings.extend(decoded.warnings);
    if doc.text.trim().is_empty() {
        return Err(IngestError::new(file, "no article text was found in it"));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_is_a_clear_error() {
        let out = ingest("empty.txt", b"");
        assert_eq!(
            out,
            vec![Err(IngestError::new("empty.txt", "the file is empty"))]
        );
    }

    #[test]
    fn binary_file_with_unknown_extension_is_refused() {
        let out = ingest(
            "photo.jpg",
            &[0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', 0, 0],
        );
        let err = out[0].as_ref().unwrap_err();
        assert!(err.reason.contains("not a format"), "{err}");
    }

    #[test]
    fn text_file_gives_a_document_with_blocks_inside_its_text() {
        let out = ingest(
            "a.txt",
            "Title line\n\nFirst paragraph\nstill first.\n\nSecond.".as_bytes(),
        );
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.title.as_deref(), Some("Title line"));
        for b in &doc.blocks {
            assert!(doc.text.get(b.start..b.end).is_some());
        }
        assert!(doc.text.contains("First paragraph still first."));
    }
}
