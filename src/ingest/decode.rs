//! Decoding: raw bytes in, Unicode text out. UTF-8 with or without BOM,
//! UTF-16 with BOM (or plainly UTF-16 without one), and the legacy
//! encodings of the Encoding Standard (Windows code pages, ISO 8859, KOI8,
//! Mac, Shift_JIS, GBK, Big5, EUC-KR...) through encoding_rs, named by
//! `<meta charset>`, an XML declaration or a MIME header. Bytes that cannot
//! be decoded are replaced and a warning says so; nothing here panics.

pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// An encoding Parallax decodes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// A legacy encoding (windows-1252, KOI8-R, Shift_JIS, GBK, Big5...),
    /// decoded by encoding_rs as the Encoding Standard defines it.
    Legacy(&'static encoding_rs::Encoding),
}

impl Encoding {
    fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Legacy(encoding) => encoding.name(),
        }
    }
}

/// An encoding label as the Encoding Standard reads it: `Err` with the label
/// when it names no encoding Parallax knows.
fn for_label(label: &str) -> Option<Result<Encoding, String>> {
    let lower = label.trim().to_ascii_lowercase();
    if lower.is_empty() {
        return None;
    }
    Some(Ok(match lower.as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8"
        | "x-unicode20utf8" => Encoding::Utf8,
        "utf-16" | "utf-16le" | "ucs-2" | "unicode" | "csunicode" | "iso-10646-ucs-2"
        | "unicodefeff" => Encoding::Utf16Le,
        "utf-16be" | "unicodefffe" => Encoding::Utf16Be,
        _ => match encoding_rs::Encoding::for_label_no_replacement(lower.as_bytes()) {
            Some(encoding) => Encoding::Legacy(encoding),
            None => return Some(Err(lower)),
        },
    }))
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
fn utf16_without_bom(sample: &[u8]) -> Option<Encoding> {
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
        Some(Encoding::Utf16Le)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs {
        Some(Encoding::Utf16Be)
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
    let (encoding, body) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (Encoding::Utf8, rest)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (Encoding::Utf16Le, rest)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (Encoding::Utf16Be, rest)
    } else if let Some(enc) = utf16_without_bom(head) {
        (enc, bytes)
    } else {
        if looks_binary(head) {
            return Err("it looks like binary data, not text".to_string());
        }
        // Valid UTF-8 is read as UTF-8 whatever the page claims: pages
        // re-saved by a browser keep their old declaration.
        let enc = if std::str::from_utf8(bytes).is_ok() {
            Encoding::Utf8
        } else {
            let declared = label
                .and_then(for_label)
                .or_else(|| declared_label(head).and_then(|l| for_label(&l)));
            match declared {
                // A page may declare UTF-16 although its bytes are
                // ASCII-compatible (the Encoding Standard reads that as UTF-8).
                Some(Ok(Encoding::Utf16Le | Encoding::Utf16Be)) => Encoding::Utf8,
                Some(Ok(enc)) => enc,
                Some(Err(name)) => {
                    warnings.push(format!(
                        "the file declares the encoding '{name}', which Parallax does not know; it was read as UTF-8"
                    ));
                    Encoding::Utf8
                }
                None => {
                    let enc = guess_single_byte(bytes);
                    warnings.push(format!(
                        "the file is not valid UTF-8 and names no encoding; it was read as {}, judged from its letters",
                        enc.name()
                    ));
                    enc
                }
            }
        };
        (enc, bytes)
    };
    let (text, replaced) = match encoding {
        Encoding::Utf8 => match std::str::from_utf8(body) {
            Ok(s) => (s.to_string(), 0),
            Err(_) => {
                let text = String::from_utf8_lossy(body).into_owned();
                let n = text.matches(char::REPLACEMENT_CHARACTER).count();
                (text, n)
            }
        },
        Encoding::Utf16Le => utf16(body, u16::from_le_bytes),
        Encoding::Utf16Be => utf16(body, u16::from_be_bytes),
        Encoding::Legacy(encoding) => legacy(body, encoding),
    };
    if replaced > 0 {
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

/// Legacy encodings tried on undeclared text, Western first (it wins ties).
const GUESSES: &[&str] = &["windows-1252", "windows-1256", "windows-1251"];

/// Picks the single-byte encoding under which the words holding non-ASCII
/// bytes read most plausibly: Latin words mix in ASCII letters (an all-accent
/// "ÇáÑÆíÓ" is Arabic read wrongly), Arabic and Cyrillic words keep to one
/// script, and Cyrillic words have vowels.
fn guess_single_byte(bytes: &[u8]) -> Encoding {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let mut best: Option<(i64, Encoding)> = None;
    for label in GUESSES {
        let Some(encoding) = encoding_rs::Encoding::for_label(label.as_bytes()) else {
            continue;
        };
        let (text, _) = legacy(sample, encoding);
        let score: i64 = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_ascii())
            .map(|w| if plausible_word(w) { 1 } else { -1 })
            .sum();
        if best.as_ref().map_or(true, |(top, _)| score > *top) {
            best = Some((score, Encoding::Legacy(encoding)));
        }
    }
    best.map_or(Encoding::Utf8, |(_, enc)| enc)
}

/// Bytes in a legacy encoding as text, with how many could not be decoded.
fn legacy(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> (String, usize) {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let replaced = text.matches(char::REPLACEMENT_CHARACTER).count();
    (text.into_owned(), replaced)
}

fn plausible_word(word: &str) -> bool {
    let script = |c: char| match c as u32 {
        0..=0x24F => 0,
        0x400..=0x4FF => 1,
        0x600..=0x6FF => 2,
        _ => 3,
    };
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let first_script = script(first);
    if !word.chars().all(|c| script(c) == first_script) {
        return false;
    }
    let letters = word.chars().count();
    match first_script {
        0 => letters <= 2 || word.chars().any(|c| c.is_ascii_alphabetic()),
        1 => {
            letters <= 2
                || word
                    .chars()
                    .flat_map(char::to_lowercase)
                    .any(|c| "аеёиоуыэюяіїє".contains(c))
        }
        2 => true,
        _ => false,
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, usize) {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut bad = usize::from(bytes.len() % 2 == 1);
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    (text, bad)
}

/// Removes C0 controls (which carry no text) and turns CR LF and CR into LF,
/// in one pass.
fn tidy(text: &str, warnings: &mut Vec<String>) -> String {
    let clean = text
        .bytes()
        .all(|b| b >= 0x20 && b != 0x7F || b == b'\n' || b == b'\t');
    if clean && !text.contains('\u{FEFF}') {
        return text.to_string();
    }
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
/// or `<?xml ... encoding="..."?>` in the first bytes of a file: the label.
fn declared_label(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let value_after = |key: &[u8]| -> Option<String> {
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
        let label = String::from_utf8_lossy(&rest[..end]).into_owned();
        (!label.is_empty()).then_some(label)
    };
    if lower.starts_with(b"<?xml") {
        if let Some(label) = value_after(b"encoding") {
            return Some(label);
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
    fn undeclared_legacy_text_is_judged_from_its_letters() {
        let cases: &[(&[u8], &str)] = &[
            (
                b"\xcf\xf0\xe5\xe7\xe8\xe4\xe5\xed\xf2 \xd1\xe8\xf0\xe8\xe8 \xc1\xe0\xf8\xe0\xf0 \xc0\xf1\xe0\xe4 \xef\xf0\xe8\xe1\xfb\xeb \xe2 \xd2\xe5\xe3\xe5\xf0\xe0\xed.",
                "Президент Сирии Башар Асад прибыл в Тегеран.",
            ),
            (
                b"\xe6\xd5\xe1 \xc7\xe1\xd1\xc6\xed\xd3 \xc7\xe1\xd3\xe6\xd1\xed \xc8\xd4\xc7\xd1 \xc7\xe1\xc3\xd3\xcf \xc5\xe1\xec \xd8\xe5\xd1\xc7\xe4",
                "وصل الرئيس السوري بشار الأسد إلى طهران",
            ),
            (
                b"Le pr\xe9sident syrien est arriv\xe9 \xe0 T\xe9h\xe9ran pour une visite tr\xe8s attendue.",
                "Le président syrien est arrivé à Téhéran pour une visite très attendue.",
            ),
            (
                b"Der syrische Pr\xe4sident ist \xfcberraschend nach Teheran gereist, hei\xdft es.",
                "Der syrische Präsident ist überraschend nach Teheran gereist, heißt es.",
            ),
        ];
        for (bytes, want) in cases {
            let d = decode(bytes).unwrap();
            assert_eq!(d.text, *want);
            assert!(
                d.warnings[0].contains("judged from its letters"),
                "{:?}",
                d.warnings
            );
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
    fn multi_byte_legacy_encodings_decode() {
        let cases: &[(&[u8], &str)] = &[
            (
                b"<meta charset=\"shift_jis\">\x82\xA0 text",
                "\u{3042} text",
            ),
            (
                b"<meta charset=\"gbk\">\xC4\xE3\xBA\xC3",
                "\u{4F60}\u{597D}",
            ),
            (b"<meta charset=\"euc-kr\">\xC7\xD1", "\u{D55C}"),
            (b"<meta charset=\"big5\">\xA4\xA4", "\u{4E2D}"),
        ];
        for (bytes, want) in cases {
            let d = decode(bytes).unwrap();
            assert!(d.text.ends_with(want), "{:?} -> {:?}", want, d.text);
            assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        }
    }

    #[test]
    fn unmapped_legacy_bytes_are_counted() {
        // 0xAA has no character in windows-1253.
        let d = decode_with_label(b"a\xAAb", Some("windows-1253")).unwrap();
        assert_eq!(d.text, "a\u{FFFD}b");
        assert!(
            d.warnings.iter().any(|w| w.starts_with("1 undecodable")),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn unknown_label_is_named_in_a_warning() {
        let d = decode(b"<meta charset=\"x-made-up\">\x82\xA0 text").unwrap();
        assert!(d.warnings[0].contains("x-made-up"), "{:?}", d.warnings);
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
