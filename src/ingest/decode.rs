//! Decoding: raw bytes in, Unicode text out. UTF-8 with or without BOM,
//! UTF-16 with BOM (or plainly UTF-16 without one), and legacy encodings
//! named by `<meta charset>`, an XML declaration or a MIME header, through
//! `encoding_rs` (the WHATWG Encoding Standard). Bytes that cannot be decoded
//! are replaced and a warning says so; nothing here panics.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// True when a sample of bytes looks like binary data rather than text.
pub fn looks_binary(sample: &[u8]) -> bool {
    if sample.starts_with(&[0xFF, 0xFE]) || sample.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    if utf16_without_bom(sample).is_some() {
        return false;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x09) || (0x0E..0x20).contains(&b) && b != 0x1B)
        .count();
    controls * 10 > sample.len().max(1)
}

/// UTF-16 text saved without a BOM shows as a NUL in every other byte
/// (for Latin text); returns the byte order when that pattern is clear.
fn utf16_without_bom(sample: &[u8]) -> Option<&'static Encoding> {
    let pairs = sample.len() / 2;
    if pairs < 8 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes a file's bytes, reading the encoding from a BOM, the bytes
/// themselves, or a declaration inside the first bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    decode_with_label(bytes, None)
}

/// Like [`decode`], with a charset label from outside the bytes (a MIME
/// header) that wins over declarations inside them, but not over a BOM.
pub fn decode_with_label(bytes: &[u8], label: Option<&str>) -> Result<Decoded, String> {
    let mut warnings = Vec::new();
    let head = &bytes[..bytes.len().min(4096)];
    let (encoding, body) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        (enc, &bytes[bom_len..])
    } else if let Some(enc) = utf16_without_bom(head) {
        (enc, bytes)
    } else {
        if looks_binary(head) {
            return Err("it looks like binary data, not text".to_string());
        }
        let declared = label
            .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
            .or_else(|| declared_encoding(head));
        let enc = match declared {
            // Valid UTF-8 is read as UTF-8 whatever the page claims: pages
            // re-saved by a browser keep their old declaration.
            _ if std::str::from_utf8(bytes).is_ok() => UTF_8,
            // A page may declare UTF-16 although its bytes are ASCII-compatible
            // (the Encoding Standard reads such a meta as UTF-8 too).
            Some(enc) if enc == UTF_16LE || enc == UTF_16BE => UTF_8,
            Some(enc) => enc,
            None => {
                warnings.push(
                    "the file is not valid UTF-8 and names no encoding; it was read as Windows-1252"
                        .to_string(),
                );
                WINDOWS_1252
            }
        };
        (enc, bytes)
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let replaced = text.matches(char::REPLACEMENT_CHARACTER).count();
        warnings.push(format!(
            "{replaced} undecodable byte sequence(s) in {} were replaced with \u{FFFD}",
            encoding.name()
        ));
    }
    Ok(Decoded {
        text: tidy(&text, &mut warnings),
        warnings,
    })
}

/// Removes C0 controls (which carry no text) and turns CR LF and CR into LF,
/// in one pass.
fn tidy(text: &str, warnings: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut controls = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' | '\n' => out.push(c),
            // A BOM left inside the text (files concatenated) is not text.
            '\u{FEFF}' => {}
            c if (c as u32) < 0x20 || c == '\u{7F}' => controls += 1,
            c => out.push(c),
        }
    }
    if controls > 0 {
        warnings.push(format!("{controls} control character(s) were removed"));
    }
    out
}

/// Finds `<meta charset=...>`, `<meta http-equiv content="...; charset=...">`
/// or `<?xml ... encoding="..."?>` in the first bytes of a file.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let value_after = |key: &[u8]| -> Option<&'static Encoding> {
        let at = find(&lower, key)? + key.len();
        let rest = &head[at..];
        let rest = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'"' | b'\'' | b'='))
            .map(|p| &rest[p..])?;
        let end = rest
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/' | b'?'))
            .unwrap_or(rest.len());
        Encoding::for_label(&rest[..end])
    };
    if lower.starts_with(b"<?xml") {
        if let Some(enc) = value_after(b"encoding") {
            return Some(enc);
        }
    }
    value_after(b"charset")
}

/// Byte-string search; `None` when `needle` does not occur.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    let first = needle[0];
    let last_start = haystack.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        match haystack[i..=last_start].iter().position(|&b| b == first) {
            None => return None,
            Some(p) => {
                i += p;
                if &haystack[i..i + needle.len()] == needle {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode(bytes).unwrap().text
    }

    #[test]
    fn encodings_decode_to_the_same_text() {
        let cases: &[(&str, &[u8], &str)] = &[
            ("utf8 bom dropped", b"\xEF\xBB\xBFhi", "hi"),
            ("utf16le bom", &[0xFF, 0xFE, b'h', 0, b'i', 0], "hi"),
            ("utf16be bom", &[0xFE, 0xFF, 0, b'h', 0, b'i'], "hi"),
            (
                "utf16le without bom",
                b"h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0!\0",
                "hello world!",
            ),
            (
                "meta charset windows-1256 (Arabic)",
                b"<meta charset=\"windows-1256\"><p>\xC7\xE1</p>",
                "<meta charset=\"windows-1256\"><p>\u{0627}\u{0644}</p>",
            ),
            (
                "http-equiv content charset",
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">caf\xE9",
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">caf\u{e9}",
            ),
            (
                "xml declaration",
                b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>\xA4</a>",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>\u{20AC}</a>",
            ),
            (
                "valid utf-8 wins over a stale declaration",
                "<meta charset=\"iso-8859-1\">caf\u{e9}".as_bytes(),
                "<meta charset=\"iso-8859-1\">caf\u{e9}",
            ),
            ("crlf and cr become lf", b"a\r\nb\rc", "a\nb\nc"),
            ("stray controls removed", b"plain text a\x07b\x7Fc", "plain text abc"),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(text(bytes), *want, "{name}");
        }
    }

    #[test]
    fn undeclared_legacy_bytes_fall_back_to_windows_1252_with_a_warning() {
        let d = decode(b"caf\xE9 ok").unwrap();
        assert_eq!(d.text, "caf\u{e9} ok");
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    }

    #[test]
    fn invalid_utf8_under_a_utf8_label_is_replaced_with_a_warning() {
        let d = decode_with_label(b"caf\xE9 ok", Some("utf-8")).unwrap();
        assert_eq!(d.text, "caf\u{FFFD} ok");
        assert!(d.warnings[0].contains("replaced"), "{:?}", d.warnings);
    }

    #[test]
    fn mime_label_wins_over_meta() {
        let d = decode_with_label(b"<meta charset=utf-8>\xE9", Some("koi8-r")).unwrap();
        assert!(d.text.ends_with('\u{0418}'), "{}", d.text);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(&[0u8, 1, 2, 3, 0, 0, 5, 6, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]).is_err());
        assert!(decode(&[0u8, 1, 2, 3, 0, 0, 5, 6]).is_err());
    }

    #[test]
    fn find_bytes() {
        assert_eq!(find(b"abcabd", b"abd"), Some(3));
        assert_eq!(find(b"ab", b"abc"), None);
        assert_eq!(find(b"", b"a"), None);
    }
}
