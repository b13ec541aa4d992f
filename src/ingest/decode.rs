//! Decoding: raw bytes in, Unicode text out (UTF-8 with or without BOM,
//! UTF-16 with BOM), with a warning when bytes had to be replaced.

pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// True when a sample of bytes looks like binary data rather than text.
pub fn looks_binary(sample: &[u8]) -> bool {
    if sample.starts_with(&[0xFF, 0xFE]) || sample.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x09) || (0x0E..0x20).contains(&b) && b != 0x1B)
        .count();
    controls * 10 > sample.len().max(1)
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        lossy_utf8(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        if looks_binary(&bytes[..bytes.len().min(4096)]) {
            return Err("it looks like binary data, not text".to_string());
        }
        lossy_utf8(bytes, &mut warnings)
    };
    // NUL and other C0 controls (but tab and newlines) carry no text.
    let text = if text.chars().any(is_stray_control) {
        warnings.push("control characters were removed".to_string());
        text.chars().filter(|c| !is_stray_control(*c)).collect()
    } else {
        text
    };
    Ok(Decoded {
        text: text.replace("\r\n", "\n").replace('\r', "\n"),
        warnings,
    })
}

fn is_stray_control(c: char) -> bool {
    (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')
}

fn lossy_utf8(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            warnings
                .push("the file is not valid UTF-8; undecodable bytes were replaced".to_string());
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    if bytes.len() % 2 == 1 {
        warnings
            .push("the UTF-16 text has an odd number of bytes; the last was dropped".to_string());
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if text.contains(char::REPLACEMENT_CHARACTER) {
        warnings.push("the UTF-16 text has unpaired surrogates; they were replaced".to_string());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap().text, "hi");
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        let be: Vec<u8> = [0xFE, 0xFF, 0, b'h', 0, b'i'].to_vec();
        assert_eq!(decode(&le).unwrap().text, "hi");
        assert_eq!(decode(&be).unwrap().text, "hi");
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let d = decode(b"caf\xE9 ok").unwrap();
        assert!(d.text.starts_with("caf"));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(&[0u8, 1, 2, 3, 0, 0, 5, 6]).is_err());
    }

    #[test]
    fn crlf_becomes_lf() {
        assert_eq!(decode(b"a\r\nb\rc").unwrap().text, "a\nb\nc");
    }
}
