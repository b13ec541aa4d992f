//! MHTML (a browser's "save as single file"): MIME bytes in, the saved
//! page's HTML part decoded and read by [`super::html`], with the page
//! address from `Snapshot-Content-Location` / `Content-Location` and the
//! title from `Subject` when the page has none.
//!
//! MIME itself (folded headers, boundaries, quoted-printable, base64,
//! RFC 2047 words, charsets) is `mail-parser`'s job; this module only picks
//! the page out of the parts.

use mail_parser::{HeaderName, MessageParser, MessagePart, MimeHeaders, PartType};

use super::decode;
use super::{html, Document};

/// The media type of a part, lower-cased (`text/html`).
fn media_type(part: &MessagePart) -> Option<String> {
    let ct = part.content_type()?;
    let sub = ct.subtype().unwrap_or("");
    Some(format!("{}/{}", ct.ctype(), sub).to_ascii_lowercase())
}

/// A header that holds a web address, when it does.
fn address(value: Option<&str>) -> Option<String> {
    let value = value?.trim();
    (value.starts_with("http://") || value.starts_with("https://")).then(|| value.to_string())
}

/// Reads a saved page; `Err` with the reason when there is no HTML in it.
pub fn ingest_mhtml(bytes: &[u8]) -> Result<Document, String> {
    // Only the headers read here are parsed; the rest stay raw, unread.
    let parser = MessageParser::new()
        .with_mime_headers()
        .header_text(HeaderName::Subject);
    let not_mime = || "it is not an MHTML file (no MIME Content-Type header)".to_string();
    let message = parser.parse(bytes).ok_or_else(not_mime)?;
    let root = message.root_part();
    let top_type = media_type(root).ok_or_else(not_mime)?;
    let is_page = |p: &&MessagePart| {
        matches!(
            media_type(p).as_deref(),
            Some("text/html" | "application/xhtml+xml")
        )
    };
    let page = message.parts.iter().find(is_page).ok_or_else(|| {
        if top_type.starts_with("multipart/") {
            "the MHTML file holds no HTML page".to_string()
        } else {
            format!("the MHTML file holds {top_type} rather than an HTML page")
        }
    })?;
    let mut doc = match &page.body {
        // mail-parser has decoded the transfer encoding and the charset the
        // part names (UTF-8 when it names none, as browsers' MHTML always does).
        PartType::Html(text) | PartType::Text(text) => html::ingest_html(text),
        // XHTML is not text/* to MIME: its bytes, decoded by the charset.
        PartType::Binary(raw) | PartType::InlineBinary(raw) => {
            let charset = page.content_type().and_then(|ct| ct.attribute("charset"));
            let decoded = decode::decode_with_label(raw, charset)?;
            let mut doc = html::ingest_html(&decoded.text);
            doc.warnings.extend(decoded.warnings);
            doc
        }
        PartType::Message(_) | PartType::Multipart(_) => {
            return Err("the MHTML file holds no HTML page".to_string())
        }
    };
    let url = address(message.header_raw("Snapshot-Content-Location"))
        .or_else(|| address(page.content_location()))
        .or_else(|| address(root.content_location()));
    if url.is_some() {
        doc.url = url;
    }
    if doc.title.is_none() {
        doc.title = message
            .subject()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_mime_is_refused() {
        assert!(ingest_mhtml(b"<html>no headers</html>").is_err());
        assert!(ingest_mhtml(b"Content-Type: multipart/related\r\n\r\nbody").is_err());
    }

    #[test]
    fn deeply_nested_multiparts_do_not_overflow() {
        // Each part opens another multipart: a hostile file, read without
        // deep recursion (or refused), never a stack overflow.
        let mut mime = String::new();
        for i in 0..20_000 {
            mime.push_str(&format!(
                "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
            ));
        }
        mime.push_str("Content-Type: text/html\r\n\r\n<p>Deep page.</p>\r\n");
        let _ = ingest_mhtml(mime.as_bytes());
    }
}
