//! MHTML (a browser's "save as single file"): MIME bytes in, the saved
//! page's HTML part decoded (quoted-printable or base64, its charset) and
//! read by [`super::html`], with the page address from
//! `Snapshot-Content-Location` / `Content-Location` and the title from
//! `Subject` when the page has none.

use super::decode::{self, find};
use super::{html, Document};

/// A MIME header block: lower-cased names, unfolded values.
struct Headers(Vec<(String, String)>);

impl Headers {
    fn parse(block: &[u8]) -> Headers {
        let text = String::from_utf8_lossy(block);
        let mut fields: Vec<(String, String)> = Vec::new();
        for line in text.lines() {
            if line.starts_with([' ', '\t']) {
                // A folded line continues the previous field.
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
            } else if let Some((name, value)) = line.split_once(':') {
                fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        Headers(fields)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The media type of `Content-Type`, lower-cased.
    fn media_type(&self) -> String {
        self.get("content-type")
            .unwrap_or("text/plain")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    }

    /// A parameter of `Content-Type` (`boundary`, `charset`).
    fn param(&self, key: &str) -> Option<String> {
        let value = self.get("content-type")?;
        value.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case(key)
                .then(|| v.trim().trim_matches('"').to_string())
        })
    }
}

/// Splits a MIME entity at the blank line after its headers.
fn split_entity(bytes: &[u8]) -> (&[u8], &[u8]) {
    let crlf = find(bytes, b"\r\n\r\n").map(|i| (i, 4));
    let lf = find(bytes, b"\n\n").map(|i| (i, 2));
    let at = match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
        (a, b) => a.or(b),
    };
    match at {
        Some((i, len)) => (&bytes[..i], &bytes[i + len..]),
        None => (bytes, &[]),
    }
}

/// The parts of a multipart body, between `--boundary` lines.
fn parts<'a>(body: &'a [u8], boundary: &str) -> Vec<&'a [u8]> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut out = Vec::new();
    let mut rest = body;
    let mut started = false;
    while let Some(at) = find(rest, delimiter) {
        if started {
            out.push(trim_line_end(&rest[..at]));
        }
        started = true;
        rest = &rest[at + delimiter.len()..];
        if rest.starts_with(b"--") {
            return out;
        }
        // Skip the rest of the delimiter line.
        rest = match rest.iter().position(|&b| b == b'\n') {
            Some(nl) => &rest[nl + 1..],
            None => &[],
        };
    }
    if started && !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn trim_line_end(part: &[u8]) -> &[u8] {
    let part = part.strip_suffix(b"\n").unwrap_or(part);
    part.strip_suffix(b"\r").unwrap_or(part)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Quoted-printable: `=XX` escapes and `=` soft line breaks. A malformed
/// escape is kept as it is (RFC 2045 §6.7 suggests that leniency).
pub fn quoted_printable(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let b = input[i];
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        match (input.get(i + 1), input.get(i + 2)) {
            (Some(b'\r'), Some(b'\n')) => i += 3,
            (Some(b'\n'), _) => i += 2,
            (Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push(hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Base64 (standard alphabet), skipping whitespace; `None` on other bytes.
pub fn base64(input: &[u8]) -> Option<Vec<u8>> {
    let value = |b: u8| -> Option<u32> {
        Some(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in input {
        if b.is_ascii_whitespace() {
            continue;
        }
        if b == b'=' {
            break;
        }
        acc = (acc << 6) | value(b)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Decodes RFC 2047 encoded words (`=?utf-8?Q?...?=`, `=?utf-8?B?...?=`)
/// in a header value.
fn encoded_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        let word = &rest[start + 2..];
        let decoded = (|| {
            let (charset, word) = word.split_once('?')?;
            let (enc, word) = word.split_once('?')?;
            let end = word.find("?=")?;
            let payload = word[..end].as_bytes();
            let bytes = match enc {
                "Q" | "q" => {
                    let spaced: Vec<u8> = payload
                        .iter()
                        .map(|&b| if b == b'_' { b' ' } else { b })
                        .collect();
                    quoted_printable(&spaced)
                }
                "B" | "b" => base64(payload)?,
                _ => return None,
            };
            let text = decode::decode_with_label(&bytes, Some(charset)).ok()?.text;
            Some((text, start + 2 + charset.len() + enc.len() + 2 + end + 2))
        })();
        let before = &rest[..start];
        match decoded {
            Some((text, used)) => {
                // Whitespace between two encoded words is not part of the text.
                if !(after_word && before.trim().is_empty()) {
                    out.push_str(before);
                }
                out.push_str(&text);
                rest = &rest[used..];
                after_word = true;
            }
            None => {
                out.push_str(&rest[..start + 2]);
                rest = &rest[start + 2..];
                after_word = false;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads a saved page; `Err` with the reason when there is no HTML in it.
pub fn ingest_mhtml(bytes: &[u8]) -> Result<Document, String> {
    let (head, body) = split_entity(bytes);
    let top = Headers::parse(head);
    if top.get("content-type").is_none() {
        return Err("it is not an MHTML file (no MIME Content-Type header)".to_string());
    }
    let (part_headers, part_body) = if top.media_type().starts_with("multipart/") {
        let boundary = top
            .param("boundary")
            .filter(|b| !b.is_empty())
            .ok_or("the MHTML file names no MIME boundary")?;
        parts(body, &boundary)
            .into_iter()
            .map(|part| {
                let (h, b) = split_entity(part);
                (Headers::parse(h), b)
            })
            .find(|(h, _)| {
                h.media_type() == "text/html" || h.media_type() == "application/xhtml+xml"
            })
            .ok_or("the MHTML file holds no HTML page")?
    } else if top.media_type() == "text/html" {
        (top, body)
    } else {
        return Err(format!(
            "the MHTML file holds {} rather than an HTML page",
            top.media_type()
        ));
    };
    let top = Headers::parse(head);
    let encoding = part_headers
        .get("content-transfer-encoding")
        .unwrap_or("7bit")
        .trim()
        .to_ascii_lowercase();
    let raw = match encoding.as_str() {
        "quoted-printable" => quoted_printable(part_body),
        "base64" => base64(part_body).ok_or("the page's base64 data is damaged")?,
        _ => part_body.to_vec(),
    };
    let charset = part_headers.param("charset");
    let decoded = decode::decode_with_label(&raw, charset.as_deref())?;
    let mut doc = html::ingest_html(&decoded.text);
    doc.warnings.extend(decoded.warnings);
    let address = |h: &Headers, name: &str| {
        h.get(name)
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            .map(str::to_string)
    };
    let url = address(&top, "snapshot-content-location")
        .or_else(|| address(&part_headers, "content-location"))
        .or_else(|| address(&top, "content-location"));
    if url.is_some() {
        doc.url = url;
    }
    if doc.title.is_none() {
        doc.title = top
            .get("subject")
            .map(encoded_words)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_cases() {
        let cases: &[(&[u8], &[u8])] = &[
            (b"caf=C3=A9", "café".as_bytes()),
            (b"soft=\r\nbreak", b"softbreak"),
            (b"soft=\nbreak", b"softbreak"),
            (b"a=3Db", b"a=b"),
            (b"bad=ZZ end=", b"bad=ZZ end="),
        ];
        for (input, want) in cases {
            assert_eq!(quoted_printable(input), *want);
        }
    }

    #[test]
    fn base64_cases() {
        assert_eq!(base64(b"aGVs\r\nbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64(b"aGk").as_deref(), Some(&b"hi"[..]));
        assert_eq!(base64(b"a*b"), None);
    }

    #[test]
    fn encoded_word_subjects() {
        let cases: &[(&str, &str)] = &[
            ("=?utf-8?Q?Caf=C3=A9_news?=", "Café news"),
            ("=?utf-8?B?aGVsbG8=?= =?utf-8?B?d29ybGQ=?=", "helloworld"),
            ("Plain subject", "Plain subject"),
            ("=?broken", "=?broken"),
        ];
        for (input, want) in cases {
            assert_eq!(encoded_words(input), *want, "{input}");
        }
    }

    #[test]
    fn not_mime_is_refused() {
        assert!(ingest_mhtml(b"<html>no headers</html>").is_err());
        assert!(ingest_mhtml(b"Content-Type: multipart/related\r\n\r\nbody").is_err());
    }
}
