//! Features for comparing (never for displaying): a sentence's text in; its
//! word tokens (byte spans into that text, folded forms, stems, name keys),
//! the quantities it states (numbers with units, ranges, vague amounts;
//! each with what it counts, the period it is of, and its place in a list),
//! its negations and ordinals out.
//!
//! Every span here is a half-open byte range into the text given to
//! [`features`], on char boundaries, so callers can slice the original.

/// One word of a sentence, as found and as compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte span of the word in the sentence text.
    pub start: usize,
    pub end: usize,
    /// Lowercase, diacritics and typographic marks folded, possessive dropped.
    pub folded: String,
    /// The comparison term: a light stem of `folded` ("travelled" -> "travel").
    pub stem: String,
    /// Starts with an uppercase letter in the text.
    pub capitalized: bool,
    /// First word of the sentence (its capital says nothing about names).
    pub initial: bool,
    /// Preceded by clause punctuation (comma, semicolon, colon, dash,
    /// parenthesis) since the previous word.
    pub clause_start: bool,
    /// A function word, a title before a name, or a word of a quantity:
    /// left out of the compared terms.
    pub skip: bool,
    /// For capitalised words, a spelling-tolerant key ("Qassem" and "Qasem"
    /// both give "ksm"; "Syrian" and "Syria" both give "sr").
    pub name_key: Option<String>,
}

/// How exactly a quantity is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// "400,000", "eight years".
    Exact,
    /// "nearly 400,000", "about half", "some 300".
    About,
    /// "more than half", "at least 30".
    AtLeast,
    /// "up to 50", "fewer than 20".
    AtMost,
    /// "between 360,000 and 560,000".
    Range,
    /// "hundreds of thousands", "dozens".
    Vague,
}

/// A number as stated: the interval of values it allows, and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte span of the whole expression ("between 360,000 and 560,000").
    pub start: usize,
    pub end: usize,
    /// The value written (for a range, its lower end; for vague amounts, the
    /// middle of the interval).
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub precision: Precision,
    /// What is counted: "percent", "$", "year", "date", or the stem of the
    /// noun that follows ("people"), when there is one.
    pub unit: Option<String>,
    /// Place value of the last digit written ("43,000": 1,000; "1.2
    /// million": 100,000; "5,587.75": 0.01): how far a round figure may lie
    /// from the precise value it rounds.
    pub step: f64,
    /// Stems of the words naming what is counted, after the number and its
    /// unit ("293,000 new jobs": new, job; "$300 on a jacket": jacket), the
    /// head noun last; empty when the sentence names nothing there.
    pub thing: Vec<String>,
    /// The date or period the figure is tied to, when that is not the
    /// event's own time: "in March 2020" gives "2020-03", "a year earlier"
    /// and "last year" give "rel:year", "since 2019" gives "since:2019".
    /// None when nothing ties it, or only the event's own time does ("last
    /// week", "on Tuesday", "this year"). A year that bounds a period
    /// ("since 2010", "until 2019") has the relation alone: "since:year",
    /// "until:year".
    pub anchor: Option<String>,
    /// Stated as a point of comparison ("up from 256,000", "compared with
    /// 6.9 billion", "than 5%"), not as the claim's own figure.
    pub reference: bool,
    /// (position, length) in a list of figures ("a $300 jacket, a $466.30
    /// dinner and a $90 taxi" gives 0, 1, 2 of 3); None outside a list.
    pub list: Option<(usize, usize)>,
}

impl Quantity {
    /// Whether the two intervals share a value.
    pub fn overlaps(&self, other: &Quantity) -> bool {
        self.low <= other.high * 1.000_001 && other.low <= self.high * 1.000_001
    }
}

/// Normalised form of a sentence used by alignment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Every word, in text order.
    pub tokens: Vec<Token>,
    /// Values of the quantities, in text order.
    pub numbers: Vec<f64>,
    pub quantities: Vec<Quantity>,
    /// Byte spans of negation words ("not", "n't", "never", "no").
    pub negations: Vec<(usize, usize)>,
    /// Ordinals ("first", "second", "last" as -1) with their byte spans;
    /// not the words' other uses ("last week", "at first", "first-hand",
    /// "first lady": see `is_ordinal_use`).
    pub ordinals: Vec<(i32, usize, usize)>,
}

const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "as",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "it",
    "its",
    "that",
    "this",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "he",
    "she",
    "they",
    "them",
    "his",
    "her",
    "their",
    "there",
    "than",
    "then",
    "also",
    "into",
    "about",
    "after",
    "before",
    "s",
    "will",
    "would",
    "can",
    "could",
    "do",
    "does",
    "did",
    "so",
    "such",
    "we",
    "our",
    "you",
    "your",
    "i",
    "me",
    "my",
    "if",
    "while",
    "over",
    "up",
    "out",
    "all",
    "any",
    "some",
    "more",
    "most",
    "other",
    "own",
    "same",
    "both",
    "each",
    "al",
    "el",
    "him",
    "what",
    "when",
    "where",
    "how",
    "us",
    "just",
    "very",
    "may",
    "might",
    "should",
    "shall",
    "must",
    "said",
    "says",
    "say",
    "told",
    "according",
    "one",
    "ones",
    "its",
    "it's",
    "t",
    "re",
    "ve",
    "ll",
    "d",
    "m",
    "per",
    "via",
    "upon",
    "because",
    "through",
    "during",
    "now",
    "well",
    "even",
    "still",
];

const NEGATIONS: &[&str] = &[
    "not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "cannot", "without",
];

/// Titles dropped before a capitalised name ("President Assad" = "Assad").
const TITLES: &[&str] = &[
    "president",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "general",
    "maj",
    "major",
    "col",
    "colonel",
    "lt",
    "sgt",
    "capt",
    "captain",
    "ayatollah",
    "sheikh",
    "king",
    "queen",
    "prince",
    "princess",
    "pres",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "minister",
    "prime",
    "supreme",
    "leader",
    "chancellor",
    "sir",
    "lord",
    "lady",
    "pope",
    "rev",
    "judge",
    "seyyed",
    "sayyed",
    "syed",
    "commander",
    "chief",
    "secretary",
    "vice",
    "foreign",
    "defense",
    "defence",
    "state",
    "mayor",
    "premier",
];

const ORDINALS: &[(&str, i32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("last", -1),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
    ("5th", 5),
];

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("m", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
];

const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("third", 1.0 / 3.0),
    ("thirds", 2.0 / 3.0),
    ("quarter", 0.25),
    ("quarters", 0.75),
];

/// Vague plurals: "hundreds" means somewhere from two hundred to a thousand.
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("scores", 20.0),
    ("tens", 10.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
];

const APPROX: &[&[&str]] = &[
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["some"],
    &["estimated"],
    &["an", "estimated"],
    &["close", "to"],
    &["approx"],
];
const AT_LEAST: &[&[&str]] = &[
    &["more", "than"],
    &["over"],
    &["at", "least"],
    &["upwards", "of"],
    &["in", "excess", "of"],
    &["as", "many", "as"],
];
const AT_MOST: &[&[&str]] = &[
    &["less", "than"],
    &["fewer", "than"],
    &["under"],
    &["up", "to"],
    &["no", "more", "than"],
    &["at", "most"],
];

/// A fast, non-cryptographic hasher for short strings and ids (the
/// multiply-rotate scheme of Firefox's and rustc's FxHash): the inputs are
/// not adversarial, and SipHash would dominate the cost of interning.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        for &b in chunks.remainder() {
            self.add(b as u64);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A HashMap with [`FxHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

const STOP: u8 = 1;
const TITLE: u8 = 2;
const NEGATION: u8 = 4;
const NUMBER_WORD: u8 = 8;

/// What the word lists say of a folded word, as bits; one hash lookup.
fn word_class(w: &str) -> u8 {
    static CLASSES: std::sync::OnceLock<FastMap<&'static str, u8>> = std::sync::OnceLock::new();
    let map = CLASSES.get_or_init(|| {
        let mut m: FastMap<&'static str, u8> = FastMap::default();
        for (list, bit) in [(STOP_WORDS, STOP), (TITLES, TITLE), (NEGATIONS, NEGATION)] {
            for w in list {
                *m.entry(w).or_default() |= bit;
            }
        }
        for table in [UNITS, SCALES, FRACTIONS, VAGUE] {
            for (w, _) in table {
                *m.entry(w).or_default() |= NUMBER_WORD;
            }
        }
        for w in ["a", "one"] {
            *m.entry(w).or_default() |= NUMBER_WORD;
        }
        m
    });
    map.get(w).copied().unwrap_or(0)
}

fn is_stop(w: &str) -> bool {
    word_class(w) & STOP != 0
}

/// Folds a character for comparison: lowercase, common diacritics removed,
/// typographic quotes and dashes made plain.
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ğ' | 'Ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => 'i',
        'ł' | 'Ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
            'o'
        }
        'ř' | 'Ř' => 'r',
        'š' | 'ś' | 'ş' | 'Š' | 'Ś' | 'Ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => 'z',
        'ß' => 's',
        '’' | '‘' | '`' | '´' | 'ʼ' | '′' => '\'',
        '“' | '”' | '„' | '«' | '»' | '″' => '"',
        '–' | '—' | '‐' | '‑' | '‒' | '−' => '-',
        c if c.is_uppercase() => return c.to_lowercase().next(),
        c => c,
    })
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// A light suffix stemmer: enough to match "travelled"/"traveled"/"travels",
/// "killing"/"killed", "nations"/"nation". It only has to map the forms of
/// one word together, not to give a dictionary form.
///
/// Snowball's English stemmer (`rust-stemmers` 1.2.0) was measured in its
/// place (issue 15, point 2) and kept out: claims gold precision 0.841
/// against 0.856 here (recall 0.331 both), MSRP held-out accuracy 0.7623
/// against 0.7721 (F1 0.8319 / 0.8385; all pairs 0.7733 both).
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    if !w.is_ascii() || w.len() <= 3 {
        return w;
    }
    for (suffix, min, replace) in [
        ("ational", 3, "ate"),
        ("ization", 3, "ize"),
        ("isation", 3, "ize"),
        ("fulness", 3, "ful"),
        ("ousness", 3, "ous"),
        ("iveness", 3, "ive"),
        ("ements", 3, "e"),
        ("ement", 3, "e"),
        ("ments", 3, ""),
        ("ment", 3, ""),
        ("ings", 3, ""),
        ("ing", 3, ""),
        ("ied", 2, "y"),
        ("ies", 2, "y"),
        ("ily", 3, "y"),
        ("edly", 3, ""),
        ("ed", 3, ""),
        ("ly", 4, ""),
        ("sses", 2, "ss"),
        ("es", 3, ""),
        ("ss", 2, "ss"),
        ("us", 2, "us"),
        ("is", 2, "is"),
        ("s", 2, ""),
        ("e", 3, ""),
    ] {
        if w.len() >= suffix.len() + min && w.ends_with(suffix) {
            let stem_len = w.len() - suffix.len();
            // "-ed"/"-ing" only strip when a vowel is left ("bled" stays).
            if matches!(suffix, "ed" | "ing" | "ings" | "edly")
                && !w.as_bytes()[..stem_len].iter().any(|&b| is_vowel(b))
            {
                break;
            }
            w.truncate(stem_len);
            w.push_str(replace);
            break;
        }
    }
    // A final "e" left after a stripped suffix ("raise" -> "rais" like "raised").
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    // "travell" -> "travel", "stopp" -> "stop": a doubled final consonant.
    let b = w.as_bytes();
    if b.len() > 3 && b[b.len() - 1] == b[b.len() - 2] && !is_vowel(b[b.len() - 1]) {
        w.pop();
    }
    w
}

/// Spelling-tolerant key of a name: demonym endings dropped, vowels after the
/// first letter dropped, k-sounds merged, doubled letters collapsed. Made for
/// transliterations (Qassem/Qasem, Soleimani/Suleimani) and nationality
/// adjectives (Syrian/Syria).
pub fn name_key(folded: &str) -> String {
    let mut w = folded;
    for suffix in ["ians", "ian", "ans", "an", "ese", "ns"] {
        if w.len() >= suffix.len() + 3 && w.ends_with(suffix) {
            w = &w[..w.len() - suffix.len()];
            break;
        }
    }
    let mut key = String::with_capacity(w.len());
    let mut last: Option<char> = None;
    for (i, c) in w.chars().enumerate() {
        let c = match c {
            'q' | 'c' => 'k',
            'z' => 's',
            c => c,
        };
        if i > 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' | 'w' | '\'') {
            continue;
        }
        let c = if i == 0 && matches!(c, 'e' | 'i' | 'o' | 'u' | 'y') {
            'a'
        } else {
            c
        };
        if Some(c) != last {
            key.push(c);
        }
        last = Some(c);
    }
    key
}

/// A raw word as cut from the text, before any interpretation.
struct Raw {
    start: usize,
    end: usize,
    folded: String,
    capitalized: bool,
    /// Followed by a hyphen with no space ("11-year").
    hyphen_after: bool,
    symbol: bool,
    clause_start: bool,
}

fn cut_words(text: &str) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut pending_break = false;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '[' | ']') {
            pending_break = true;
        }
        if matches!(c, '$' | '%' | '€' | '£') {
            out.push(Raw {
                start: pos,
                end: pos + c.len_utf8(),
                folded: c.to_string(),
                capitalized: false,
                hyphen_after: false,
                symbol: true,
                clause_start: std::mem::take(&mut pending_break),
            });
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = pos;
        let mut j = i;
        let mut folded = String::new();
        while j < chars.len() {
            let c = chars[j].1;
            let next = chars.get(j + 1).map(|x| x.1);
            if c.is_alphanumeric() {
                if let Some(f) = fold_char(c) {
                    folded.push(f);
                }
                j += 1;
            } else if matches!(c, '\'' | '’' | 'ʼ') && next.is_some_and(|n| n.is_alphabetic()) {
                folded.push('\'');
                j += 1;
            } else if matches!(c, ',' | '.')
                && next.is_some_and(|n| n.is_ascii_digit())
                && j > i
                && chars[j - 1].1.is_ascii_digit()
            {
                // "400,000", "2.5": digit groups stay one token; "Reuters.Syrian" does not.
                folded.push(c);
                j += 1;
            } else {
                break;
            }
        }
        let end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        let hyphen_after = chars.get(j).is_some_and(|x| matches!(x.1, '-' | '‐' | '‑'))
            && chars.get(j + 1).is_some_and(|x| x.1.is_alphanumeric());
        out.push(Raw {
            start,
            end,
            capitalized: c.is_uppercase(),
            folded,
            hyphen_after,
            symbol: false,
            clause_start: std::mem::take(&mut pending_break),
        });
        i = j.max(i + 1);
    }
    out
}

/// The folded word with a possessive "'s" or trailing apostrophe removed.
fn strip_possessive(w: &str) -> &str {
    let w = w.strip_suffix("'s").unwrap_or(w);
    w.trim_end_matches('\'')
}

fn lookup(table: &[(&str, f64)], w: &str) -> Option<f64> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

fn parse_digits(w: &str) -> Option<f64> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // "1990s", "5th": digits with a suffix still count as their digits.
    let digits: String = w
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let rest = &w[digits.len().min(w.len())..];
    if rest.len() > 2 && !rest.ends_with('s') {
        return None;
    }
    digits.parse::<f64>().ok()
}

/// A number starting at word `i`: its value, the words it spans, whether it
/// is a vague plural. Handles "22 million", "2.5bn", "twenty two",
/// "two hundred thousand", "a dozen", "hundreds of thousands", "half".
fn number_at(words: &[Raw], i: usize) -> Option<(f64, usize, bool)> {
    let w = strip_possessive(&words.get(i)?.folded);
    if !w.starts_with(|c: char| c.is_ascii_digit()) && word_class(w) & NUMBER_WORD == 0 {
        return None;
    }
    let mut j = i + 1;
    let mut value;
    let mut vague = false;
    if let Some(v) = parse_digits(w) {
        value = v;
        // "2.5bn" written together.
        for (suffix, scale) in [("bn", 1e9), ("m", 1e6), ("k", 1e3)] {
            if w.ends_with(suffix) && w.len() > suffix.len() {
                if let Ok(v) = w[..w.len() - suffix.len()].replace(',', "").parse::<f64>() {
                    value = v * scale;
                }
            }
        }
    } else if let Some(v) = lookup(UNITS, w) {
        value = v;
        // "twenty two", "twenty-two".
        if v >= 20.0 && v % 10.0 == 0.0 {
            if let Some(u) = words
                .get(j)
                .and_then(|x| lookup(UNITS, &x.folded))
                .filter(|u| *u < 10.0)
            {
                value += u;
                j += 1;
            }
        }
    } else if let Some(v) = lookup(VAGUE, w) {
        value = v;
        vague = true;
        // "hundreds of thousands", "tens of millions".
        if words.get(j).is_some_and(|x| x.folded == "of") {
            if let Some(s) = words
                .get(j + 1)
                .and_then(|x| lookup(VAGUE, &x.folded).or_else(|| lookup(SCALES, &x.folded)))
            {
                value *= s;
                j += 2;
            }
        }
        return Some((value, j - i, vague));
    } else if matches!(w, "a" | "one") && words.get(j).is_some_and(|x| x.folded == "dozen") {
        return Some((12.0, 2, false));
    } else {
        return None;
    }
    // Scale words: "22 million", "two hundred thousand".
    while let Some(s) = words.get(j).and_then(|x| lookup(SCALES, &x.folded)) {
        if words[j].folded == "m"
            && !words[j - 1]
                .folded
                .starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        value *= s;
        j += 1;
    }
    Some((value, j - i, vague))
}

fn phrase_before(words: &[Raw], i: usize, table: &[&[&str]]) -> Option<usize> {
    table
        .iter()
        .filter(|p| p.len() <= i)
        .find(|p| {
            p.iter()
                .enumerate()
                .all(|(k, w)| words[i - p.len() + k].folded == *w)
        })
        .map(|p| p.len())
}

/// Quantities, and for each word whether it is part of one.
fn find_quantities(words: &[Raw]) -> (Vec<Quantity>, Vec<bool>) {
    let mut in_quantity = vec![false; words.len()];
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // "half", "a third" (fractions are only read with a modifier or "of").
        let folded = strip_possessive(&words[i].folded);
        if let Some(f) = lookup(FRACTIONS, folded) {
            let is_fraction = words.get(i + 1).is_some_and(|x| x.folded == "of")
                || phrase_before(words, i, APPROX).is_some()
                || phrase_before(words, i, AT_LEAST).is_some()
                || (folded == "half" && i > 0 && words[i - 1].folded == "than");
            if is_fraction && !(folded == "third" && i > 0 && words[i - 1].folded == "the") {
                let mut q = quantity(words, i, 1, f, false);
                q.unit = Some("share".to_string());
                mark(&mut in_quantity, words, &q);
                out.push(q);
                i += 1;
                continue;
            }
        }
        let Some((value, len, vague)) = number_at(words, i) else {
            i += 1;
            continue;
        };
        // "one" alone is a pronoun more often than a number.
        if len == 1 && matches!(folded, "one") {
            i += 1;
            continue;
        }
        let mut q = quantity(words, i, len, value, vague);
        // "between 360,000 and 560,000", "from 5 to 10", "5-10".
        let after = i + len;
        let range_word = words.get(after).map(|x| x.folded.as_str());
        let opens = i > 0 && matches!(words[i - 1].folded.as_str(), "between" | "from");
        if (opens && matches!(range_word, Some("and" | "to"))) || words[i].hyphen_after {
            let skip = if words[i].hyphen_after && len == 1 {
                0
            } else {
                1
            };
            if let Some((high, len2, _)) = number_at(words, after + skip) {
                if high > value {
                    q.low = value;
                    q.high = high;
                    q.precision = Precision::Range;
                    q.end = words[after + skip + len2 - 1].end;
                    if opens {
                        q.start = words[i - 1].start;
                    }
                    q.unit = unit_after(words, after + skip + len2);
                }
            }
        }
        mark(&mut in_quantity, words, &q);
        let next = words
            .iter()
            .position(|w| w.start >= q.end)
            .unwrap_or(words.len());
        out.push(q);
        i = next.max(i + 1);
    }
    (out, in_quantity)
}

fn mark(in_quantity: &mut [bool], words: &[Raw], q: &Quantity) {
    for (k, w) in words.iter().enumerate() {
        if w.start >= q.start && w.end <= q.end {
            in_quantity[k] = true;
        }
    }
}

fn quantity(words: &[Raw], i: usize, len: usize, value: f64, vague: bool) -> Quantity {
    let mut start = words[i].start;
    let end = words[i + len - 1].end;
    let (mut low, mut high) = (value, value);
    let mut precision = Precision::Exact;
    if vague {
        // "hundreds" = 200 to 999; "dozens" = 24 to 143.
        low = 2.0 * value;
        high = (10.0 * value - 1.0).max(low);
        precision = Precision::Vague;
    }
    if let Some(n) = phrase_before(words, i, APPROX) {
        start = words[i - n].start;
        precision = Precision::About;
        low = value * 0.9;
        high = value * 1.1;
    } else if let Some(n) = phrase_before(words, i, AT_LEAST) {
        start = words[i - n].start;
        precision = Precision::AtLeast;
        high = if value < 1.0 { 1.0 } else { value * 10.0 };
    } else if let Some(n) = phrase_before(words, i, AT_MOST) {
        start = words[i - n].start;
        precision = Precision::AtMost;
        low = 0.0;
    }
    if words[i].folded.starts_with(|c: char| c.is_ascii_digit())
        && (1900.0..=2100.0).contains(&value)
        && len == 1
        && !words[i].folded.contains(',')
    {
        return Quantity {
            start,
            end,
            value,
            low,
            high,
            precision,
            unit: Some("date".into()),
            step: 1.0,
            thing: Vec::new(),
            anchor: None,
            reference: false,
            list: None,
        };
    }
    let mut unit = unit_after(words, i + len);
    if i > 0 && words[i - 1].symbol && words[i - 1].folded != "%" {
        start = start.min(words[i - 1].start);
        unit = Some("$".into());
    }
    let step = step_of(&words[i].folded, value);
    let value = if vague { (low + high) / 2.0 } else { value };
    Quantity {
        start,
        end,
        value,
        low,
        high,
        precision,
        unit,
        step,
        thing: Vec::new(),
        anchor: None,
        reference: false,
        list: None,
    }
}

/// The place value of the last digit written, from the number's first word
/// and its whole value: "43,000" 1,000, "5,587.75" 0.01, "1.2" (million)
/// 100,000, "three hundred" 100.
fn step_of(first: &str, value: f64) -> f64 {
    let digits: String = first
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let Ok(written) = digits.parse::<f64>() else {
        // Number words: the largest power of ten that divides the value.
        let mut step = 1.0;
        while step < 1e12 && value >= step * 10.0 && (value / (step * 10.0)).fract() == 0.0 {
            step *= 10.0;
        }
        return step;
    };
    let scale = if written > 0.0 { value / written } else { 1.0 };
    let place = match digits.split_once('.') {
        Some((_, decimals)) => 10f64.powi(-(decimals.len() as i32)),
        None => {
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            // "0" alone has no trailing zero to speak of.
            10f64.powi(zeros.min(digits.len().saturating_sub(1)) as i32)
        }
    };
    place * scale
}

/// Words that end the noun naming what a figure counts.
fn ends_thing(w: &Raw) -> bool {
    w.symbol
        || w.capitalized
        || is_stop(&w.folded)
        || w.folded.starts_with(|c: char| c.is_ascii_digit())
        || is_time_word(&w.folded)
        || matches!(
            w.folded.as_str(),
            "last"
                | "next"
                | "previous"
                | "prior"
                | "past"
                | "ago"
                | "since"
                | "until"
                | "till"
                | "against"
                | "versus"
                | "among"
                | "across"
                | "within"
                | "without"
                | "between"
                | "under"
                | "below"
                | "above"
                | "near"
                | "despite"
        )
}

/// The counted noun from word `j` on (see [`Quantity::thing`]): up to three
/// content words, through "of" ("thousands of people") and, for money,
/// "on"/"for" and an article ("$300 on a jacket"); a later word in -ed or
/// -ing is taken for the verb that follows ("jobs added").
/// For a sum that names nothing after it, the verb that moves it ("paid
/// $43 million", "earned nearly $141 million", "spent $300"), marked with a
/// leading '~' so it never matches a counted noun: two sums are of one kind
/// only when the same verb moves them. Empty when no such word stands
/// before the figure and its hedges.
fn money_verb(words: &[Raw], first: usize) -> Vec<String> {
    let mut k = first;
    while k > 0 {
        let w = &words[k - 1];
        let f = w.folded.as_str();
        let hedge = APPROX
            .iter()
            .chain(AT_LEAST)
            .chain(AT_MOST)
            .any(|p| p.contains(&f))
            || matches!(f, "additional" | "another" | "a" | "an" | "$");
        if hedge || w.symbol {
            k -= 1;
            continue;
        }
        let verb_like = !w.capitalized
            && !is_stop(f)
            && !f.starts_with(|c: char| c.is_ascii_digit())
            && (f.ends_with("ed")
                || matches!(
                    f,
                    "paid"
                        | "spent"
                        | "lost"
                        | "won"
                        | "owes"
                        | "owe"
                        | "cost"
                        | "costs"
                        | "pays"
                        | "pay"
                        | "earns"
                        | "earn"
                        | "raise"
                        | "raises"
                        | "spend"
                        | "spends"
                        | "gave"
                        | "give"
                        | "gives"
                ));
        return if verb_like {
            vec![format!("~{}", stem(f))]
        } else {
            Vec::new()
        };
    }
    Vec::new()
}

/// What a year after a determiner labels ("the 2016 presidential
/// election", "Trump's 2020 campaign"): the stems of up to three words
/// after it, names and adjectives included, the head last. Empty for a
/// year that dates the sentence ("in 2016").
fn labelled_by_year(words: &[Raw], first: usize, after: usize) -> Vec<String> {
    let determined = first
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|w| {
            matches!(
                w.folded.as_str(),
                "the" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
            ) || w.folded.ends_with("'s")
        });
    if !determined {
        return Vec::new();
    }
    words[after.min(words.len())..]
        .iter()
        .enumerate()
        .take_while(|(k, w)| {
            !w.symbol
                && !(*k > 0 && w.clause_start)
                && !is_stop(&w.folded)
                && !w.folded.starts_with(|c: char| c.is_ascii_digit())
        })
        .take(3)
        .map(|(_, w)| unit_stem(&w.folded))
        .collect()
}

fn thing_after(words: &[Raw], mut j: usize, money: bool) -> Vec<String> {
    let at = |k: usize| words.get(k).map(|w| w.folded.as_str());
    if at(j) == Some("of") {
        j += 1;
    } else if money && matches!(at(j), Some("on" | "for" | "in")) {
        j += 1;
        if matches!(at(j), Some("a" | "an" | "the")) {
            j += 1;
        }
    }
    let mut out = Vec::new();
    let mut k = j;
    while let Some(w) = words.get(k) {
        if out.len() == 3 || ends_thing(w) || (k > j && w.clause_start) {
            break;
        }
        let f = w.folded.as_str();
        if !out.is_empty() && (f.ends_with("ed") || f.ends_with("ing")) {
            break;
        }
        out.push(unit_stem(f));
        k += 1;
    }
    out
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Nouns of a calendar period, for "last year", "a year earlier".
const PERIODS: &[&str] = &[
    "year", "years", "month", "months", "quarter", "season", "decade", "century",
];

/// Words naming a time ("last week", "last Tuesday", "last night"): after
/// "last" they make it mean "the previous", not the final one of a series.
fn is_time_word(w: &str) -> bool {
    PERIODS.contains(&w)
        || MONTHS.contains(&w)
        || matches!(
            w,
            "week"
                | "weekend"
                | "night"
                | "evening"
                | "morning"
                | "afternoon"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "minute"
                | "moment"
        )
}

/// The time phrase starting at word `k`, if one does: `Some(Some(key))` for
/// a date or period other than the event's own (see [`Quantity::anchor`]),
/// `Some(None)` for the event's own time ("last week", "this year",
/// "yesterday"), `None` when no time phrase starts at `k`.
fn period_at(words: &[Raw], k: usize) -> Option<Option<String>> {
    let at = |i: usize| words.get(i).map(|w| w.folded.as_str()).unwrap_or("");
    let year_at = |i: usize| -> Option<u32> {
        let w = at(i);
        if w.len() != 4 || !w.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        w.parse::<u32>().ok().filter(|y| (1900..=2100).contains(y))
    };
    let month_at = |i: usize| MONTHS.iter().position(|m| *m == at(i));
    // A date: "March 2020", "March 3, 2020", "2020", "March".
    let date_at = |i: usize| -> Option<String> {
        if let Some(m) = month_at(i) {
            let year = year_at(i + 1).or_else(|| year_at(i + 2));
            return Some(match year {
                Some(y) => format!("{y}-{:02}", m + 1),
                None => format!("--{:02}", m + 1),
            });
        }
        year_at(i).map(|y| y.to_string())
    };
    let period = |i: usize| PERIODS.contains(&at(i));
    let rel = |i: usize| Some(Some(format!("rel:{}", at(i).trim_end_matches('s'))));
    match at(k) {
        "since" => {
            let key = date_at(k + 1).or_else(|| date_at(k + 2))?;
            Some(Some(format!("since:{key}")))
        }
        "in" | "during" | "until" | "through" | "as" => {
            let mut i = k + 1;
            if at(k) == "as" {
                if at(i) != "of" {
                    return None;
                }
                i += 1;
            }
            if let Some(key) = date_at(i) {
                return Some(Some(key));
            }
            // "in the previous year".
            if at(i) == "the" && matches!(at(i + 1), "previous" | "prior" | "preceding") {
                return period_at(words, i + 1);
            }
            None
        }
        "last" | "previous" | "prior" | "past" | "preceding" if period(k + 1) => rel(k + 1),
        "last" if is_time_word(at(k + 1)) => Some(None),
        "this" if is_time_word(at(k + 1)) => Some(None),
        "today" | "yesterday" | "tonight" => Some(None),
        // "a year earlier", "the season before", "a year ago".
        "a" | "the" | "one"
            if period(k + 1) && matches!(at(k + 2), "earlier" | "ago" | "before") =>
        {
            rel(k + 1)
        }
        _ => None,
    }
}

/// Words before a figure that make it a point of comparison ("up from",
/// "down from" end in "from").
const REFERENCE: &[&[&str]] = &[
    &["from"],
    &["than"],
    &["compared", "with"],
    &["compared", "to"],
    &["against"],
    &["versus"],
    &["vs"],
];

/// Fills each quantity's `thing`, `anchor`, `reference` and `list` (see
/// [`Quantity`]) from the words around it.
fn tie_quantities(words: &[Raw], quantities: &mut [Quantity]) {
    // Each figure's first word and the word after it.
    let spans: Vec<(usize, usize)> = quantities
        .iter()
        .map(|q| {
            let first = words.iter().position(|w| w.start >= q.start);
            let after = words.iter().position(|w| w.start >= q.end);
            (first.unwrap_or(words.len()), after.unwrap_or(words.len()))
        })
        .collect();
    // A period the sentence opens with ("In May, ..."; "Since 2019 the
    // clinic ...") ties every figure that names none of its own.
    let opening = period_at(words, 0).flatten();
    for (n, q) in quantities.iter_mut().enumerate() {
        let (first, after) = spans[n];
        if q.unit.as_deref() == Some("date") {
            q.thing = labelled_by_year(words, first, after);
            // "Since 2010", "until 2019": the year bounds a period, it does
            // not date the claim ("his first visit to Tehran since 2010"
            // is not held against "the war began in 2011").
            // The relation alone, so that two "since" years still meet.
            let bound = match first.checked_sub(1).map(|i| words[i].folded.as_str()) {
                Some("since") => Some("since:year"),
                Some("until" | "till" | "before") => Some("until:year"),
                Some("after") => Some("since:year"),
                _ => None,
            };
            q.anchor = bound.map(str::to_string);
            continue;
        }
        // The unit word is not the counted noun: "61 percent", "5 million
        // dollars", "2 per cent".
        let unit_end = match words.get(after).map(|w| w.folded.as_str()) {
            Some("percent" | "pct" | "%" | "dollars" | "dollar" | "usd") => after + 1,
            Some("per") if words.get(after + 1).is_some_and(|w| w.folded == "cent") => after + 2,
            _ => after,
        };
        if q.unit.as_deref() != Some("percent") {
            q.thing = thing_after(words, unit_end, q.unit.as_deref() == Some("$"));
        }
        if q.unit.as_deref() == Some("$") && q.thing.is_empty() {
            q.thing = money_verb(words, first);
        }
        q.reference =
            q.precision != Precision::Range && phrase_before(words, first, REFERENCE).is_some();
        // The first time phrase in the next few words of the clause, before
        // the next figure.
        let next_figure = spans.get(n + 1).map_or(words.len(), |s| s.0);
        let mut tied = None;
        for k in unit_end..(unit_end + 8).min(next_figure).min(words.len()) {
            if k > unit_end && words[k].clause_start {
                break;
            }
            if let Some(a) = period_at(words, k) {
                tied = Some(a);
                break;
            }
        }
        q.anchor = tied.unwrap_or_else(|| opening.clone());
    }
    // Lists: figures one after another, at most four words apart, joined by
    // a comma, "and" or "or", and not by a comparison ("to 41,000 from
    // 52,000").
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for n in 0..quantities.len() {
        if quantities[n].unit.as_deref() == Some("date") {
            continue;
        }
        let joined = runs.last().and_then(|r| r.last()).is_some_and(|&p| {
            let (gap_start, gap_end) = (spans[p].1, spans[n].0);
            gap_end >= gap_start
                && gap_end - gap_start <= 4
                && !quantities[n].reference
                && (gap_start..=gap_end).filter(|&k| k < words.len()).any(|k| {
                    matches!(words[k].folded.as_str(), "and" | "or") || words[k].clause_start
                })
        });
        match runs.last_mut() {
            Some(r) if joined => r.push(n),
            _ => runs.push(vec![n]),
        }
    }
    for run in runs.iter().filter(|r| r.len() > 1) {
        for (pos, &n) in run.iter().enumerate() {
            quantities[n].list = Some((pos, run.len()));
        }
    }
}

/// The unit after a number: "%", "percent", "per cent", or the next content
/// word ("people", "years"), allowing "of" between ("thousands of people").
fn unit_after(words: &[Raw], j: usize) -> Option<String> {
    let w = words.get(j)?;
    let word = w.folded.as_str();
    if word == "%" || word == "percent" || word == "pct" {
        return Some("percent".into());
    }
    if word == "per" && words.get(j + 1).is_some_and(|x| x.folded == "cent") {
        return Some("percent".into());
    }
    if word == "of" {
        return words
            .get(j + 1)
            .filter(|x| !x.symbol && !is_stop(&x.folded))
            .map(|x| unit_stem(&x.folded));
    }
    if w.symbol || is_stop(word) || w.capitalized {
        return None;
    }
    Some(unit_stem(word))
}

fn unit_stem(w: &str) -> String {
    match w {
        "dollars" | "dollar" | "usd" => "$".into(),
        "yr" | "yrs" => "year".into(),
        w => stem(strip_possessive(w)),
    }
}

/// Whether the ordinal word at `k` places something in a series, rather
/// than being part of a time phrase ("last week", "last Tuesday": the
/// previous one, unless a determiner makes it the final one, "the last week
/// of the campaign"), an idiom ("at first", "at last", "first of all"), a
/// compound ("first-hand", "last-minute", "first lady", "first
/// responders") or the discourse marker opening a sentence ("First, ...").
/// Ranking compounds stay ordinals ("second-largest", "first-ever").
fn is_ordinal_use(words: &[Raw], k: usize) -> bool {
    let w = words[k].folded.as_str();
    let next = words.get(k + 1);
    let next_f = next.map_or("", |x| x.folded.as_str());
    let prev = k.checked_sub(1).map_or("", |i| words[i].folded.as_str());
    if words[k].hyphen_after {
        return next_f.ends_with("est") || next_f == "ever";
    }
    if prev == "at" && matches!(w, "first" | "last") {
        return false;
    }
    // A fraction, not a rank: "one-third of the arrests", "a third of them".
    let after_hyphen = k.checked_sub(1).is_some_and(|i| words[i].hyphen_after);
    if after_hyphen
        || (next_f == "of" && matches!(prev, "a" | "one" | "two" | "three" | "four" | "five"))
    {
        return false;
    }
    let determined = matches!(
        prev,
        "the" | "its" | "his" | "her" | "their" | "our" | "my" | "your" | "this" | "that"
    ) || prev.ends_with("'s")
        || prev.ends_with('\'');
    if w == "last" && is_time_word(next_f) && !determined {
        return false;
    }
    if matches!(
        next_f,
        "lady"
            | "ladies"
            | "aid"
            | "responder"
            | "responders"
            | "name"
            | "names"
            | "hand"
            | "resort"
            | "glance"
            | "sight"
            | "light"
    ) {
        return false;
    }
    if next_f == "of" && words.get(k + 2).is_some_and(|x| x.folded == "all") {
        return false;
    }
    let opens = words.iter().position(|x| !x.symbol) == Some(k);
    !(opens && next.is_some_and(|x| x.clause_start))
}

/// Normalises one sentence for comparison.
pub fn features(text: &str) -> Features {
    let words = cut_words(text);
    let (mut quantities, in_quantity) = find_quantities(&words);
    tie_quantities(&words, &mut quantities);
    let mut out = Features {
        numbers: quantities.iter().map(|q| q.value).collect(),
        ..Features::default()
    };
    out.tokens.reserve_exact(words.len());
    let first_word = words.iter().position(|w| !w.symbol);
    for (k, w) in words.iter().enumerate() {
        if w.symbol {
            continue;
        }
        let folded = strip_possessive(&w.folded).to_string();
        let initial = Some(k) == first_word;
        let next_is_name = words.get(k + 1).is_some_and(|x| x.capitalized && !x.symbol);
        let class = word_class(&folded);
        let is_title = w.capitalized && next_is_name && class & TITLE != 0;
        let is_stop = class & STOP != 0;
        if folded.ends_with("n't") || class & NEGATION != 0 {
            out.negations.push((w.start, w.end));
        }
        if let Some((_, n)) = ORDINALS.iter().find(|(o, _)| *o == folded) {
            if is_ordinal_use(&words, k) {
                out.ordinals.push((*n, w.start, w.end));
            }
        }
        let skip = is_stop || is_title || in_quantity[k] || folded.is_empty();
        let name_key = (w.capitalized && !is_stop && !folded.is_empty()).then(|| name_key(&folded));
        let stem = stem(&folded);
        out.tokens.push(Token {
            start: w.start,
            end: w.end,
            folded,
            stem,
            capitalized: w.capitalized,
            initial,
            clause_start: w.clause_start,
            skip,
            name_key,
        });
    }
    out.quantities = quantities;
    out
}

impl Features {
    /// Folded, stemmed content words in text order, each quantity once, as
    /// its term (for reading and testing: alignment interns them itself).
    pub fn terms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in &self.tokens {
            let quantity = self
                .quantities
                .iter()
                .find(|q| q.start <= t.start && t.end <= q.end);
            match quantity {
                Some(q) => {
                    let term = quantity_term(q);
                    if out.last() != Some(&term) {
                        out.push(term);
                    }
                }
                None if !t.skip => out.push(t.stem.clone()),
                None => {}
            }
        }
        out
    }
}

/// The term a quantity is compared by: exact values by value, vague ones by
/// their order of magnitude.
pub fn quantity_term(q: &Quantity) -> String {
    match q.precision {
        Precision::Vague => format!("#~{}", q.value.log10().floor()),
        _ => format!("#{}", q.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_and_spellings_meet() {
        for (a, b) in [
            ("travelled", "traveled"),
            ("visits", "visit"),
            ("killed", "killing"),
            ("nations", "nation"),
            ("raised", "raise"),
            ("defending", "defend"),
            ("countries", "country"),
            ("stopped", "stop"),
            ("agreed", "agree"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn name_variants_share_a_key() {
        for (a, b) in [
            ("qassem", "qasem"),
            ("soleimani", "suleimani"),
            ("syrian", "syria"),
            ("iranian", "iran"),
            ("russian", "russia"),
            ("muhammad", "mohammed"),
        ] {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
        assert_ne!(name_key("iran"), name_key("iraq"));
    }

    #[test]
    fn folding_titles_and_stop_words() {
        let f = features("Major General Qassem Soleimani met Syria’s Bashar al-Assad — in Tehran");
        assert!(!f.terms().contains(&"general".to_string()));
        assert!(f.terms().contains(&"syria".to_string()));
        assert!(!f.terms().contains(&"in".to_string()));
        assert!(!f.terms().contains(&"al".to_string()));
        let f = features("Café Zürich");
        assert_eq!(f.terms(), vec!["caf", "zurich"]);
    }

    fn one_quantity(text: &str) -> Quantity {
        let f = features(text);
        assert_eq!(f.quantities.len(), 1, "{text}: {:?}", f.quantities);
        f.quantities[0].clone()
    }

    #[test]
    fn quantities_table() {
        use Precision::*;
        // (text, low, high, precision, unit, quoted span)
        let cases: &[(&str, f64, f64, Precision, Option<&str>, &str)] = &[
            (
                "Nearly 400,000 people have died",
                360_000.0,
                440_000.0,
                About,
                Some("peopl"),
                "Nearly 400,000",
            ),
            (
                "killed hundreds of thousands of people",
                200_000.0,
                999_999.0,
                Vague,
                Some("peopl"),
                "hundreds of thousands",
            ),
            (
                "killed between 360,000 and 560,000 people",
                360_000.0,
                560_000.0,
                Range,
                Some("peopl"),
                "between 360,000 and 560,000",
            ),
            (
                "more than half of them left",
                0.5,
                1.0,
                AtLeast,
                Some("share"),
                "more than half",
            ),
            (
                "the conflict eight years ago",
                8.0,
                8.0,
                Exact,
                Some("year"),
                "eight",
            ),
            (
                "it reached ninety percent of its goals",
                90.0,
                90.0,
                Exact,
                Some("percent"),
                "ninety",
            ),
            (
                "a population of 22 million.",
                22e6,
                22e6,
                Exact,
                None,
                "22 million",
            ),
            (
                "sold for $2.5 billion in cash",
                2.5e9,
                2.5e9,
                Exact,
                Some("$"),
                "$2.5 billion",
            ),
            ("up 5% on the day", 5.0, 5.0, Exact, Some("percent"), "5"),
            (
                "the war in 2011 began",
                2011.0,
                2011.0,
                Exact,
                Some("date"),
                "2011",
            ),
            (
                "twenty-two soldiers",
                22.0,
                22.0,
                Exact,
                Some("soldier"),
                "twenty-two",
            ),
        ];
        for (text, low, high, precision, unit, span) in cases {
            let q = one_quantity(text);
            assert!(
                (q.low - low).abs() < 1e-6 * low.max(1.0),
                "{text}: low {}",
                q.low
            );
            assert!(
                (q.high - high).abs() < 1e-6 * high.max(1.0),
                "{text}: high {}",
                q.high
            );
            assert_eq!(q.precision, *precision, "{text}");
            assert_eq!(q.unit.as_deref(), *unit, "{text}");
            assert_eq!(&text[q.start..q.end], *span, "{text}");
        }
    }

    #[test]
    fn negations_and_ordinals() {
        let f = features("He has not travelled anywhere; it wasn't his first trip.");
        assert_eq!(f.negations.len(), 2);
        assert_eq!(f.ordinals.iter().map(|o| o.0).collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn ordinal_words_in_other_uses_are_not_ordinals() {
        // (text, ordinals read)
        let cases: &[(&str, &[i32])] = &[
            ("It was his first trip.", &[1]),
            ("The park lost its last bison.", &[-1]),
            ("She returned last week.", &[]),
            ("They met last Tuesday and last night.", &[]),
            ("It rained in the last week of the campaign.", &[-1]),
            ("At first the police said little.", &[]),
            ("At last the rain stopped.", &[]),
            ("A first-hand account of a last-minute deal.", &[]),
            ("The city's second-largest bank.", &[2]),
            ("The first lady met first responders.", &[]),
            ("First, the council voted.", &[]),
            ("First of all, it rained.", &[]),
            ("Arrests fell to one-third of the peak.", &[]),
            ("A third of the voters stayed home.", &[]),
            ("She was the third of five children.", &[3]),
        ];
        for (text, expected) in cases {
            let got: Vec<i32> = features(text).ordinals.iter().map(|o| o.0).collect();
            assert_eq!(&got, expected, "{text}");
        }
    }

    #[test]
    fn round_figures_know_their_last_place() {
        for (text, step) in [
            ("worth $43,000 in all", 1000.0),
            ("worth $43,350 in all", 10.0),
            ("worth $5,587.75 in all", 0.01),
            ("1.2 million visitors", 1e5),
            ("2,000 tonnes", 1000.0),
            ("three hundred people", 100.0),
            ("14 people", 1.0),
            ("2.5bn in aid", 1e8),
        ] {
            let q = one_quantity(text);
            assert!((q.step - step).abs() < 1e-6 * step, "{text}: {}", q.step);
        }
    }

    #[test]
    fn figures_are_tied_to_their_thing_period_and_place() {
        let f = features("Employers added 293,000 new jobs in May, up from 256,000 in March 2020.");
        let (now, then) = (&f.quantities[0], &f.quantities[1]);
        assert_eq!(now.thing, vec!["new", "job"]);
        assert_eq!(now.anchor.as_deref(), Some("--05"));
        assert!(!now.reference);
        assert!(then.reference);
        assert_eq!(then.anchor.as_deref(), Some("2020-03"));

        let f = features("Sales were $6.9 billion last year, or $7 billion a year earlier.");
        assert_eq!(f.quantities[0].anchor.as_deref(), Some("rel:year"));
        assert_eq!(f.quantities[1].anchor.as_deref(), Some("rel:year"));
        let f = features("The clinic has treated 12,000 patients since 2019.");
        assert_eq!(f.quantities[0].anchor.as_deref(), Some("since:2019"));
        assert_eq!(f.quantities[0].thing, vec!["patient"]);
        // The event's own time ties nothing.
        let f = features("Claims rose to 293,000 last week.");
        assert_eq!(f.quantities[0].anchor, None);
        let f = features("In 2019, the clinic treated 3,400 patients.");
        assert_eq!(f.quantities[1].anchor.as_deref(), Some("2019"));

        let f = features("He bought a $300 jacket, a $466.30 dinner and a $90 taxi ride.");
        let listed: Vec<_> = f
            .quantities
            .iter()
            .map(|q| (q.list, q.thing.clone()))
            .collect();
        assert_eq!(
            listed,
            vec![
                (Some((0, 3)), vec!["jacket".to_string()]),
                (Some((1, 3)), vec!["dinner".to_string()]),
                (Some((2, 3)), vec!["taxi".to_string(), "rid".to_string()]),
            ]
        );
        let f = features("She spent $300 on a jacket.");
        assert_eq!(f.quantities[0].thing, vec!["jacket"]);
        assert_eq!(f.quantities[0].list, None);
        // A comparison is no list.
        let f = features("Applications fell to 41,000 from 52,000.");
        assert_eq!(f.quantities[0].list, None);
        assert!(f.quantities[1].reference);
    }

    #[test]
    fn run_together_sentences_still_split_words() {
        let f = features("according to Reuters.Syrian and Iranian state television");
        assert!(f.tokens.iter().any(|t| t.folded == "reuters"));
        assert!(f.tokens.iter().any(|t| t.folded == "syrian"));
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            "—",
            "$",
            "between and",
            "1,2,3.",
            "🙂 ünïcödé 5-",
            "hundreds of",
            "a",
        ] {
            let f = features(text);
            for t in &f.tokens {
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            }
        }
    }
}
