//! Character references: text with `&amp;`, `&#8220;`, `&eacute;` in, the
//! characters out. Unknown references stay as written.

/// Decodes the common named and all numeric character references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // References are short: look for the `;` only nearby, so that text
        // full of bare `&` stays linear.
        let end = rest
            .bytes()
            .take(12)
            .position(|b| b == b';')
            .filter(|&e| e > 1);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A numeric character reference's character, as the HTML standard's
/// tokenizer gives it ("numeric character reference end state"): NUL,
/// surrogates and code points past U+10FFFF become U+FFFD, and 0x80-0x9F,
/// which pages written in windows-1252 use for its characters (`&#147;` for
/// “), map through that encoding's table.
fn numeric(code: u32) -> char {
    const C1: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match code {
        0 => '\u{fffd}',
        0x80..=0x9f => C1[(code - 0x80) as usize],
        _ => char::from_u32(code).unwrap_or('\u{fffd}'),
    }
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return Some(numeric(code));
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "sbquo" => '‚',
        "bdquo" => '„',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "ordf" => 'ª',
        "ordm" => 'º',
        "shy" => '\u{ad}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "iexcl" => '¡',
        "iquest" => '¿',
        "prime" => '′',
        "Prime" => '″',
        "dagger" => '†',
        "acute" => '´',
        "uml" => '¨',
        "cedil" => '¸',
        _ => return accented(name),
    })
}

/// Latin letters with accents: `&eacute;`, `&Ouml;`, `&ccedil;`, `&ntilde;`...
fn accented(name: &str) -> Option<char> {
    const MARKS: &[(&str, &str, &str)] = &[
        ("acute", "AEIOUYaeiouyCcNnSsZz", "ÁÉÍÓÚÝáéíóúýĆćŃńŚśŹź"),
        ("grave", "AEIOUaeiou", "ÀÈÌÒÙàèìòù"),
        ("circ", "AEIOUaeiou", "ÂÊÎÔÛâêîôû"),
        ("uml", "AEIOUaeiouy", "ÄËÏÖÜäëïöüÿ"),
        ("tilde", "ANOano", "ÃÑÕãñõ"),
        ("cedil", "Cc", "Çç"),
        ("ring", "Aa", "Åå"),
        ("slash", "Oo", "Øø"),
        ("caron", "CcSsZzEeRrNn", "ČčŠšŽžĚěŘřŇň"),
    ];
    match name {
        "szlig" => return Some('ß'),
        "AElig" => return Some('Æ'),
        "aelig" => return Some('æ'),
        "OElig" => return Some('Œ'),
        "oelig" => return Some('œ'),
        "ETH" => return Some('Ð'),
        "eth" => return Some('ð'),
        "THORN" => return Some('Þ'),
        "thorn" => return Some('þ'),
        _ => {}
    }
    let mut chars = name.chars();
    let letter = chars.next()?;
    let mark = chars.as_str();
    let (_, letters, accented) = MARKS.iter().find(|(m, _, _)| *m == mark)?;
    let pos = letters.chars().position(|c| c == letter)?;
    accented.chars().nth(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_decode() {
        let cases: &[(&str, &str)] = &[
            ("&#8220;hi&#x201D; &bogus; &", "“hi” &bogus; &"),
            (
                "caf&eacute; &Ouml;l &ntilde; &ccedil; &szlig;",
                "café Öl ñ ç ß",
            ),
            // The HTML standard replaces these with U+FFFD.
            ("&#0; &#xD800; &#99999999;", "\u{fffd} \u{fffd} \u{fffd}"),
            ("a &amp b", "a &amp b"),
            ("&euro;5 &copy; &nbsp;", "€5 © \u{a0}"),
        ];
        for (input, want) in cases {
            assert_eq!(decode_entities(input), *want, "{input}");
        }
    }
}

#[cfg(test)]
mod numeric_tests {
    use super::*;

    #[test]
    fn numeric_references_follow_the_html_standard() {
        assert_eq!(
            decode_entities("&#147;Hello&#148; &#150; &#128;5 &#x92;s"),
            "“Hello” – €5 ’s"
        );
        assert_eq!(
            decode_entities("a&#0;b &#xD800; &#x110000;"),
            "a\u{fffd}b \u{fffd} \u{fffd}"
        );
        assert_eq!(decode_entities("&#x81;"), "\u{81}");
        assert_eq!(decode_entities("&#8220;ok&#8221;"), "“ok”");
    }
}
