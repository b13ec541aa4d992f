//! Ingest: a file's name and bytes in, clean [`Document`]s out (or a clear
//! [`IngestError`] naming the file and the reason).
//!
//! A document's `text` is its clean article text; `blocks` cut it into
//! paragraphs, each with a kind, so that later stages know headings and
//! captions. Everything cleaning removed is kept in `removed` with a reason.

pub mod clean;
pub mod decode;
#[cfg(feature = "office")]
pub mod docx;
// Compiled in every build for `might_be_export`; its splitting is reached
// only with the `office` feature.
#[cfg_attr(not(feature = "office"), allow(dead_code))]
pub mod exports;
pub mod html;
pub mod json;
pub mod meta;
#[cfg(feature = "mhtml")]
pub mod mhtml;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "office")]
pub mod rtf;
pub mod table;
pub mod text;
pub mod zip;

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
    /// Comma-separated values with a header row, one article a row.
    Csv,
    /// Tab-separated values with a header row, one article a row.
    Tsv,
    /// Word (Office Open XML): the body, tables and footnotes.
    Docx,
    /// Rich Text Format.
    Rtf,
    /// PDF's text layer (builds with the `pdf` feature: the CLI and the page's PDF engine).
    Pdf,
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
    /// The section or page an export names ("NEWS; Pg. 3").
    pub section: Option<String>,
    /// The length an export states, as it states it ("412 words").
    pub length: Option<String>,
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
/// A container (a JSON array, JSON lines, a ZIP archive) gives several
/// results, each named after the file and its place inside
/// (`archive.zip/inner/file.txt`, `export.json#3`).
pub fn ingest(file: &str, bytes: &[u8]) -> Vec<Result<Document, IngestError>> {
    let mut out = Vec::new();
    ingest_into(file, bytes, 0, &mut zip::Budget::default(), &mut out);
    out
}

/// The words that open the error of a build without a format's reader (the
/// page's main engine): the page's worker looks for them and analyses the
/// drop again with its full engine, which reads PDF, DOCX, RTF, MHTML and
/// exports.
pub const FULL_ENGINE: &str = "needs the full engine";

/// Formats Parallax does not read but that users may drop, with what to do.
const REFUSED: &[(&str, &str)] = &[
    #[cfg(not(feature = "pdf"))]
    (
        "pdf",
        "needs the full engine: PDF is read by the command-line tool and the page's full engine, not by this build (made without the `pdf` feature)",
    ),
    #[cfg(not(feature = "office"))]
    (
        "docx",
        "needs the full engine: DOCX is read by the command-line tool and the page's full engine, not by this build (made without the `office` feature)",
    ),
    #[cfg(not(feature = "office"))]
    (
        "rtf",
        "needs the full engine: RTF is read by the command-line tool and the page's full engine, not by this build (made without the `office` feature)",
    ),
    (
        "doc",
        "old Word documents (.doc) are not read; save the article as .docx, text or HTML",
    ),
    (
        "odt",
        "OpenDocument files are not read; save the article as text or HTML",
    ),
    ("epub", "EPUB books are not read"),
];

/// Kinds of file that are never an article, by extension: what a saved
/// page's `_files` folder holds beside the page, and media. Each is
/// refused with what it is, rather than read as a source of a few words.
const NOT_ARTICLES: &[(&[&str], &str)] = &[
    (
        &[
            "png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "tif", "tiff", "heic",
        ],
        "an image",
    ),
    (&["svg"], "an SVG image (an icon or a drawing)"),
    (&["woff", "woff2", "ttf", "otf", "eot"], "a font"),
    (&["css"], "a stylesheet"),
    (&["js", "mjs", "map"], "a script"),
    (
        &["mp3", "mp4", "m4a", "wav", "ogg", "webm", "mov", "avi"],
        "audio or video",
    ),
];

fn ingest_into(
    file: &str,
    bytes: &[u8],
    depth: usize,
    budget: &mut zip::Budget,
    out: &mut Vec<Result<Document, IngestError>>,
) {
    let fail = |reason: String| Err(IngestError::new(file, reason));
    if bytes.is_empty() {
        out.push(fail("the file is empty".to_string()));
        return;
    }
    if bytes.len() > MAX_FILE_BYTES {
        out.push(fail(format!(
            "the file is {} MB, more than the {} MB Parallax reads",
            bytes.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
        return;
    }
    let lower = file.to_ascii_lowercase();
    let base = lower.rsplit('/').next().unwrap_or(&lower);
    let ext = base.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    if let Some((_, reason)) = REFUSED.iter().find(|(e, _)| *e == ext) {
        out.push(fail(reason.to_string()));
        return;
    }
    if let Some(what) = not_an_article(ext, bytes) {
        out.push(fail(format!("{what}, not an article; it was not loaded")));
        return;
    }
    let format = match ext {
        "zip" => None,
        #[cfg(feature = "office")]
        "docx" => Some(Format::Docx),
        #[cfg(feature = "office")]
        "rtf" => Some(Format::Rtf),
        #[cfg(feature = "pdf")]
        "pdf" => Some(Format::Pdf),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "mhtml" | "mht" => Some(Format::Mhtml),
        "md" | "markdown" => Some(Format::Markdown),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "csv" => Some(Format::Csv),
        "tsv" | "tab" => Some(Format::Tsv),
        "txt" | "text" | "" => Some(Format::Text),
        _ => match sniff(bytes) {
            Sniffed::Zip if is_docx(bytes) => Some(Format::Docx),
            Sniffed::Zip => None,
            Sniffed::Format(format) => Some(format),
            Sniffed::Binary => {
                out.push(fail(format!(
                    "'.{ext}' is not a format Parallax reads (text, Markdown, HTML, MHTML, JSON, CSV, TSV, ZIP)"
                )));
                return;
            }
        },
    };
    // A page saved under a text name is still a page.
    let format = match format {
        Some(Format::Text)
            if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
                && matches!(sniff(bytes), Sniffed::Format(Format::Html)) =>
        {
            Some(Format::Html)
        }
        other => other,
    };
    match format {
        None => ingest_zip(file, bytes, depth, budget, out),
        Some(format @ (Format::Json | Format::Jsonl)) => {
            out.extend(json::ingest_json(file, bytes, format))
        }
        Some(Format::Csv) => out.extend(table::ingest_table(file, bytes, b',')),
        Some(Format::Tsv) => out.extend(table::ingest_table(file, bytes, b'\t')),
        #[cfg(feature = "office")]
        Some(Format::Docx) => out.extend(ingest_docx(file, bytes, budget)),
        #[cfg(feature = "office")]
        Some(Format::Rtf) => out.extend(ingest_rtf(file, bytes)),
        #[cfg(not(feature = "office"))]
        Some(Format::Docx | Format::Rtf) => out.push(Err(IngestError::new(
            file,
            format!("{FULL_ENGINE}: Word and RTF documents are read by the command-line tool and the page's full engine, not by this build"),
        ))),
        #[cfg(feature = "pdf")]
        Some(Format::Pdf) => out.extend(ingest_pdf(file, bytes)),
        Some(format) => out.extend(ingest_one(file, bytes, format)),
    }
}

fn ingest_zip(
    file: &str,
    bytes: &[u8],
    depth: usize,
    budget: &mut zip::Budget,
    out: &mut Vec<Result<Document, IngestError>>,
) {
    if depth >= zip::MAX_DEPTH {
        out.push(Err(IngestError::new(
            file,
            format!(
                "archives nested more than {} deep are not opened",
                zip::MAX_DEPTH
            ),
        )));
        return;
    }
    let entries = match zip::read(bytes, budget) {
        Ok(entries) => entries,
        Err(reason) => {
            out.push(Err(IngestError::new(file, reason)));
            return;
        }
    };
    if entries.is_empty() {
        out.push(Err(IngestError::new(file, "the archive holds no files")));
    }
    for entry in entries {
        let name = format!("{file}/{}", entry.name);
        match entry.data {
            Ok(data) => ingest_into(&name, &data, depth + 1, budget, out),
            Err(reason) => out.push(Err(IngestError::new(&name, reason))),
        }
    }
}

/// What a file is when it is plainly not an article: by its extension, or
/// (whatever its name) by content that opens as an SVG drawing or an image.
fn not_an_article(ext: &str, bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, what)) = NOT_ARTICLES.iter().find(|(exts, _)| exts.contains(&ext)) {
        return Some(what);
    }
    const IMAGES: &[&[u8]] = &[b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a"];
    if IMAGES.iter().any(|magic| bytes.starts_with(magic)) {
        return Some("an image");
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some("an image");
    }
    if bytes.starts_with(b"wOFF") || bytes.starts_with(b"wOF2") {
        return Some("a font");
    }
    // An SVG opens with an XML declaration or comments, then <svg.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let mut rest = head.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            rest = after.split_once("?>").map_or("", |(_, r)| r).trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->").map_or("", |(_, r)| r).trim_start();
        } else if rest.starts_with("<!doctype svg") {
            return Some("an SVG image (an icon or a drawing)");
        } else {
            break;
        }
    }
    rest.starts_with("<svg")
        .then_some("an SVG image (an icon or a drawing)")
}

/// Whether a ZIP archive is a Word document: its names are stored plainly
/// in the local headers, and every DOCX has `word/document.xml`.
fn is_docx(bytes: &[u8]) -> bool {
    bytes.windows(17).any(|w| w == b"word/document.xml")
}

/// A DOCX: its body text read as plain text (see [`docx`]), the core
/// properties where the text states nothing.
#[cfg(feature = "office")]
fn ingest_docx(
    file: &str,
    bytes: &[u8],
    budget: &mut zip::Budget,
) -> Vec<Result<Document, IngestError>> {
    let docx = match docx::read(bytes, budget) {
        Ok(docx) => docx,
        Err(reason) => return vec![Err(IngestError::new(file, reason))],
    };
    if let Some(mut articles) = export_documents(file, &docx.text, Format::Docx) {
        if let Some(Ok(first)) = articles.first_mut() {
            first.warnings.extend(docx.warnings);
        }
        return articles;
    }
    let mut doc = text::ingest_text(&docx.text);
    doc.warnings.extend(docx.warnings);
    let created = docx.created.as_deref().and_then(meta::date_line);
    vec![with_properties(
        doc,
        file,
        Format::Docx,
        Properties {
            title: docx.title,
            author: docx.creator,
            created,
            date_source: "docx-properties",
        },
    )]
}

/// What an office file says of itself (DOCX core properties, RTF `\info`).
#[cfg(feature = "office")]
struct Properties {
    title: Option<String>,
    author: Option<String>,
    /// ISO 8601 date of creation.
    created: Option<String>,
    /// The Report's `date_source` when `created` becomes the date.
    date_source: &'static str,
}

/// `doc`, read from an office file's text, with the file's own properties:
/// they name its title, and the author and date only fill what the text
/// itself does not say (a template's creator is often the person who saved
/// the file, not who wrote the article). An error naming `file` when no
/// text is left.
#[cfg(feature = "office")]
fn with_properties(
    mut doc: Document,
    file: &str,
    format: Format,
    props: Properties,
) -> Result<Document, IngestError> {
    if props.title.is_some() {
        doc.title = props.title;
    }
    if doc.byline.is_none() {
        doc.byline = props.author;
    }
    if doc.date.is_none() {
        if let Some(date) = props.created {
            doc.date = Some(date);
            doc.date_source = Some(props.date_source.to_string());
        }
    }
    doc.file = file.to_string();
    doc.format = Some(format);
    if doc.text.trim().is_empty() {
        return Err(IngestError::new(file, "no article text was found in it"));
    }
    Ok(doc)
}

/// A PDF: its text layer (see [`pdf`]), split when it is an export; the
/// Info title and author where the text states none; running heads and
/// page numbers shown as removed.
#[cfg(feature = "pdf")]
fn ingest_pdf(file: &str, bytes: &[u8]) -> Vec<Result<Document, IngestError>> {
    let pdf = match pdf::read(bytes) {
        Ok(pdf) => pdf,
        Err(reason) => return vec![Err(IngestError::new(file, reason))],
    };
    let furniture: Vec<Removed> = pdf
        .furniture
        .iter()
        .map(|text| Removed {
            text: text.clone(),
            reason: "running header, footer or page number".to_string(),
        })
        .collect();
    let mut docs = export_documents(file, &pdf.text, Format::Pdf).unwrap_or_else(|| {
        let mut doc = text::ingest_text(&pdf.text);
        if pdf.title.is_some() {
            doc.title = pdf.title.clone();
        }
        if doc.byline.is_none() {
            doc.byline = pdf.author.clone();
        }
        doc.file = file.to_string();
        doc.format = Some(Format::Pdf);
        if doc.text.trim().is_empty() {
            return vec![Err(IngestError::new(
                file,
                "no article text was found in it",
            ))];
        }
        vec![Ok(doc)]
    });
    if let Some(Ok(first)) = docs.first_mut() {
        first.removed.extend(furniture);
    }
    docs
}

/// An RTF document: its text read as plain text (see [`rtf`]), its `\info`
/// title, author and creation date where the text states none.
#[cfg(feature = "office")]
fn ingest_rtf(file: &str, bytes: &[u8]) -> Vec<Result<Document, IngestError>> {
    let rtf = match rtf::read(bytes) {
        Ok(rtf) => rtf,
        Err(reason) => return vec![Err(IngestError::new(file, reason))],
    };
    if let Some(articles) = export_documents(file, &rtf.text, Format::Rtf) {
        return articles;
    }
    let doc = text::ingest_text(&rtf.text);
    vec![with_properties(
        doc,
        file,
        Format::Rtf,
        Properties {
            title: rtf.title,
            author: rtf.author,
            created: rtf.created,
            date_source: "rtf-info",
        },
    )]
}

enum Sniffed {
    Format(Format),
    Zip,
    Binary,
}

/// Guesses the format of a file with an unknown extension from its first
/// bytes.
fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    let head = &bytes[..bytes.len().min(1024)];
    #[cfg(feature = "pdf")]
    if head.starts_with(b"%PDF-") {
        return Sniffed::Format(Format::Pdf);
    }
    if decode::looks_binary(head) {
        return Sniffed::Binary;
    }
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = lower.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("{\\rtf") {
        Sniffed::Format(Format::Rtf)
    } else if trimmed.starts_with("<!doctype html") || trimmed.starts_with("<html") {
        Sniffed::Format(Format::Html)
    } else if trimmed.starts_with("from:") || trimmed.starts_with("mime-version:") {
        Sniffed::Format(Format::Mhtml)
    } else if trimmed.starts_with('{') || trimmed.starts_with('[') {
        Sniffed::Format(Format::Json)
    } else {
        Sniffed::Format(Format::Text)
    }
}

fn ingest_one(file: &str, bytes: &[u8], format: Format) -> Vec<Result<Document, IngestError>> {
    let mut doc = if format == Format::Mhtml {
        #[cfg(feature = "mhtml")]
        match mhtml::ingest_mhtml(bytes) {
            Ok(doc) => doc,
            Err(reason) => return vec![Err(IngestError::new(file, reason))],
        }
        #[cfg(not(feature = "mhtml"))]
        return vec![Err(IngestError::new(
            file,
            format!("{FULL_ENGINE}: MHTML (a page saved as one file) is read by the command-line tool and the page's full engine, not by this build (made without the `mhtml` feature)"),
        ))];
    } else {
        let decoded = match decode::decode(bytes) {
            Ok(decoded) => decoded,
            Err(reason) => return vec![Err(IngestError::new(file, reason))],
        };
        // An export of many articles is split on its text; a page is read
        // whole for that only when it bears an export's marks.
        let export = match format {
            Format::Text => export_documents(file, &decoded.text, format),
            Format::Html if exports::might_be_export(&decoded.text) => {
                export_documents(file, &html::all_text(&decoded.text), format)
            }
            _ => None,
        };
        if let Some(mut articles) = export {
            for doc in articles.iter_mut().flatten() {
                doc.warnings.extend(decoded.warnings.iter().cloned());
            }
            return articles;
        }
        let mut doc = match format {
            Format::Html => html::ingest_html(&decoded.text),
            Format::Markdown => text::ingest_markdown(&decoded.text),
            _ => text::ingest_text(&decoded.text),
        };
        doc.warnings.extend(decoded.warnings);
        doc
    };
    doc.file = file.to_string();
    doc.format = Some(format);
    if doc.text.trim().is_empty() {
        return vec![Err(IngestError::new(
            file,
            "no article text was found in it",
        ))];
    }
    vec![Ok(doc)]
}

/// A build without the `office` feature (the page's main engine) does not
/// split exports: a text that looks like one is a single error beginning
/// with [`FULL_ENGINE`], so that the page reads the drop with its full
/// engine; `None` for any other text.
#[cfg(not(feature = "office"))]
pub fn export_documents(
    file: &str,
    text: &str,
    _format: Format,
) -> Option<Vec<Result<Document, IngestError>>> {
    exports::looks_like_export(text).then(|| {
        vec![Err(IngestError::new(
            file,
            format!("{FULL_ENGINE}: it looks like a news-database export of several articles, which the command-line tool and the page's full engine split"),
        ))]
    })
}

/// The articles of an export (see [`exports`] for the layouts and the
/// generic rule), each a document named `file#N` (N from 1) with the
/// export's own fields as its metadata; `None` when `text` is one article.
/// An article with no text is an error of its own; the others still load.
#[cfg(feature = "office")]
pub fn export_documents(
    file: &str,
    text: &str,
    format: Format,
) -> Option<Vec<Result<Document, IngestError>>> {
    let (layout, articles) = exports::split(text)?;
    let layout = match layout {
        exports::Layout::Nexis => "Nexis",
        exports::Layout::Factiva => "Factiva",
        exports::Layout::Generic => "many-articles",
    };
    let docs = articles
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let name = format!("{file}#{}", i + 1);
            let mut doc = text::ingest_text(&a.text);
            doc.file = name.clone();
            doc.format = Some(format);
            // The export's fields win over what the text says of itself.
            let set = |slot: &mut Option<String>, value: Option<String>| {
                if value.is_some() {
                    *slot = value;
                }
            };
            set(&mut doc.title, a.title);
            set(&mut doc.outlet, a.outlet);
            set(&mut doc.byline, a.byline);
            set(&mut doc.dateline, a.dateline);
            set(&mut doc.url, a.url);
            doc.section = a.section;
            doc.length = a.length;
            if let Some(raw) = a.date {
                match export_date(&raw) {
                    Some(date) => {
                        doc.date = Some(date);
                        doc.date_source = Some("export".to_string());
                    }
                    None => doc
                        .warnings
                        .push(format!("the export's date '{raw}' was not understood")),
                }
            }
            if let Some(cover) = a.cover {
                doc.removed.insert(
                    0,
                    Removed {
                        text: cover,
                        reason: format!("the {layout} export's cover page or trailer"),
                    },
                );
            }
            doc.warnings.extend(a.warnings);
            if doc.text.trim().is_empty() {
                return Err(IngestError::new(&name, "the export's article has no text"));
            }
            Ok(doc)
        })
        .collect();
    Some(docs)
}

/// An export's date line as ISO 8601: "March 5, 2024 Tuesday" (Nexis puts
/// the weekday last), "5 March 2024" (Factiva), "2024-03-05".
#[cfg(feature = "office")]
fn export_date(raw: &str) -> Option<String> {
    meta::date_line(raw).or_else(|| {
        let kept: Vec<&str> = raw
            .split_whitespace()
            .filter(|w| {
                let w = w.trim_matches(',');
                !meta::WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w))
            })
            .collect();
        meta::date_line(&kept.join(" "))
    })
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
        assert!(err.reason.contains("an image, not an article"), "{err}");
        assert_eq!(err.file, "photo.jpg");
    }

    #[test]
    fn page_assets_and_icons_are_refused_with_what_they_are() {
        let svg = b"<?xml version=\"1.0\"?>\n<!-- icon -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Share this story</text></svg>";
        let cases: &[(&str, &[u8], &str)] = &[
            ("page_files/share.svg", svg, "SVG image"),
            ("page_files/icon.txt", svg, "SVG image"),
            (
                "page_files/logo.dat",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
                "an image",
            ),
            (
                "page_files/site.css",
                b"body { color: red }",
                "a stylesheet",
            ),
            ("page_files/app.js", b"window.x = 1;", "a script"),
            ("page_files/font.woff2", b"wOF2\0\x01", "a font"),
        ];
        for (name, bytes, what) in cases {
            let out = ingest(name, bytes);
            let err = out[0].as_ref().unwrap_err();
            assert!(
                err.reason.contains(what) && err.reason.contains("not an article"),
                "{name}: {err}"
            );
            assert_eq!(&err.file, name);
        }
        // A page that draws an inline SVG is still a page.
        let page = b"<!DOCTYPE html><html><body><svg></svg><p>The council voted on Monday.</p></body></html>";
        assert!(ingest("story.html", page)[0].is_ok());
    }

    #[test]
    fn html_saved_as_txt_is_read_as_html() {
        let out = ingest(
            "page.txt",
            b"<!DOCTYPE html><html><body><p>Hello there.</p></body></html>",
        );
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.format, Some(Format::Html));
        assert!(!doc.text.contains('<'), "{}", doc.text);
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
