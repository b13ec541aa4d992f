//! Features for comparing (never for displaying): a sentence's text in,
//! folded word stems without stop words, and the numbers it states, out.

/// Normalised form of a sentence used by alignment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Folded, stemmed content words, in text order.
    pub terms: Vec<String>,
    /// Numbers stated in the sentence, as values.
    pub numbers: Vec<f64>,
}

const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "from", "as", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "it",
    "its", "that", "this", "these", "those", "which", "who", "whom", "he", "she", "they", "them",
    "his", "her", "their", "there", "than", "then", "also", "into", "about", "after", "before",
    "s", "will", "would", "can", "could", "do", "does", "did", "not", "no", "so", "such", "said",
    "says", "say", "we", "our", "you", "your", "i", "me", "my", "if", "while", "since", "over",
    "up", "out", "all", "any", "some", "more", "most", "other", "own", "same", "both", "each",
];

/// Folds a character for comparison: lowercase, common diacritics removed,
/// typographic quotes and dashes made plain.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        '–' | '—' | '‐' | '‑' => '-',
        c if c.is_uppercase() => return c.to_lowercase().next(),
        c => c,
    })
}

/// A light suffix stemmer: enough to match "travelled"/"traveled"/"travels".
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    for (suffix, min) in [
        ("'s", 1),
        ("ies", 3),
        ("ing", 4),
        ("ed", 4),
        ("es", 4),
        ("s", 3),
        ("ly", 4),
    ] {
        if w.len() > suffix.len() + min && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            if suffix == "ies" {
                w.push('y');
            }
            break;
        }
    }
    // "travell" -> "travel": a doubled final consonant left by a suffix.
    let bytes = w.as_bytes();
    if bytes.len() > 3
        && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
        && !b"aeiouls".contains(&bytes[bytes.len() - 1])
    {
        w.pop();
    }
    if w.len() > 4 && w.ends_with("ll") {
        w.pop();
    }
    w
}

pub fn features(text: &str) -> Features {
    let folded: String = text.chars().filter_map(fold_char).collect();
    let mut out = Features::default();
    for raw in folded.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.' || c == ',')) {
        let token = raw.trim_matches(|c: char| c == '\'' || c == '.' || c == ',');
        if token.is_empty() {
            continue;
        }
        if token.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            if let Ok(n) = token.replace(',', "").parse::<f64>() {
                out.numbers.push(n);
                out.terms.push(format!("#{}", token.replace(',', "")));
                continue;
            }
        }
        for part in token.split([',', '.']).filter(|p| !p.is_empty()) {
            let part = part.trim_end_matches("'s").trim_matches('\'');
            if part.is_empty() || STOP_WORDS.contains(&part) {
                continue;
            }
            out.terms.push(stem(part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_and_spellings_meet() {
        assert_eq!(stem("travelled"), stem("traveled"));
        assert_eq!(stem("visits"), stem("visit"));
    }

    #[test]
    fn numbers_and_folding() {
        let f = features("Nearly 400,000 people — in Syria’s war");
        assert_eq!(f.numbers, vec![400000.0]);
        assert!(f.terms.contains(&"syria".to_string()));
        assert!(!f.terms.contains(&"in".to_string()));
    }
}
