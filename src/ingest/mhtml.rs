//! MHTML (a browser's "save as single file"): MIME bytes in, the saved
//! page's HTML part decoded and read by [`super::html`], with the page
//! address from `Snapshot-Content-Location` / `Content-Location` and the
//! title from `Subject` when the page has none.
//!
//! MIME itself (folded headers, boundaries, quoted-printable, base64,
//! RFC 2047 words) is `mailparse`'s job, with its own cap on nesting; this
//! module picks the page out of the parts and decodes its charset as every
//! other HTML file is (a `<meta charset>` counts when MIME names none).

use mailparse::{MailHeaderMap, ParsedMail};

use super::decode;
use super::{html, Document};

/// A header that holds a web address, when it does.
fn address(value: Option<String>) -> Option<String> {
    let value = value?.trim().to_string();
    (value.starts_with("http://") || value.starts_with("https://")).then_some(value)
}

fn is_page(part: &&ParsedMail) -> bool {
    matches!(
        part.ctype.mimetype.as_str(),
        "text/html" | "application/xhtml+xml"
    )
}

/// Reads a saved page; `Err` with the reason when there is no HTML in it.
pub fn ingest_mhtml(bytes: &[u8]) -> Result<Document, String> {
    let not_mime = || "it is not an MHTML file (no MIME Content-Type header)".to_string();
    let message = mailparse::parse_mail(bytes).map_err(|e| match e {
        mailparse::MailParseError::Generic(what) => {
            format!("the MHTML file is damaged ({})", what.to_ascii_lowercase())
        }
        _ => not_mime(),
    })?;
    if message.headers.get_first_header("Content-Type").is_none() {
        return Err(not_mime());
    }
    let top_type = message.ctype.mimetype.to_ascii_lowercase();
    let page = message.parts().find(is_page).ok_or_else(|| {
        if top_type.starts_with("multipart/") {
            "the MHTML file holds no HTML page".to_string()
        } else {
            format!("the MHTML file holds {top_type} rather than an HTML page")
        }
    })?;
    // The transfer encoding undone; the charset is decoded here, as for any
    // HTML file, so a page whose MIME part names none is still sniffed.
    let raw = page
        .get_body_raw()
        .map_err(|_| "the page's base64 or quoted-printable data is damaged".to_string())?;
    let charset = page.ctype.params.get("charset").map(String::as_str);
    let decoded = decode::decode_with_label(&raw, charset)?;
    let mut doc = html::ingest_html(&decoded.text);
    doc.warnings.extend(decoded.warnings);
    let url = address(message.headers.get_first_value("Snapshot-Content-Location"))
        .or_else(|| address(page.headers.get_first_value("Content-Location")))
        .or_else(|| address(message.headers.get_first_value("Content-Location")));
    if url.is_some() {
        doc.url = url;
    }
    if doc.title.is_none() {
        doc.title = message
            .headers
            .get_first_value("Subject")
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
