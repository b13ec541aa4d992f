//! Text metadata: short strings in (a date line, a dateline prefix, a
//! paragraph), ISO 8601 dates, a language code, names out. Every reader
//! returns `None` when the text does not say, never a guess.

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Words that may surround a date on a line of its own.
const DATE_FILLERS: &[&str] = &[
    "date",
    "published",
    "updated",
    "posted",
    "last",
    "on",
    "at",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "gmt",
    "utc",
    "est",
    "edt",
    "cet",
    "irst",
    "ast",
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, m)| m)
}

fn day_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let d: u32 = w.parse().ok()?;
    (w.len() <= 2 && (1..=31).contains(&d)).then_some(d)
}

fn year_of(word: &str) -> Option<u32> {
    let y: u32 = word.parse().ok()?;
    (word.len() == 4 && (1900..=2100).contains(&y)).then_some(y)
}

/// `2019-02-26`, `2019/02/26`, `2019.02.26` (with an optional time after `T`).
fn numeric_date(word: &str) -> Option<(u32, u32, u32)> {
    let date = word.split('T').next()?;
    let mut parts = date.split(['-', '/', '.']);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || m.len() > 2 || d.len() > 2 {
        return None;
    }
    let (y, m, d) = (year_of(y)?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

fn iso(year: Option<u32>, month: u32, day: Option<u32>) -> String {
    match (year, day) {
        (Some(y), Some(d)) => format!("{y:04}-{month:02}-{d:02}"),
        (Some(y), None) => format!("{y:04}-{month:02}"),
        (None, Some(d)) => format!("--{month:02}-{d:02}"),
        (None, None) => format!("--{month:02}"),
    }
}

fn is_time(word: &str) -> bool {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let mut parts = w.split(':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
        return false;
    };
    !h.is_empty()
        && h.len() <= 2
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
}

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '·' | '•'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ':')))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Reads a date from the start of `words`: returns the ISO form and how
/// many words it used.
fn date_at(words: &[&str]) -> Option<(String, usize)> {
    let w = |i: usize| words.get(i).copied();
    if let Some((y, m, d)) = w(0).and_then(numeric_date) {
        return Some((iso(Some(y), m, Some(d)), 1));
    }
    if let Some(m) = w(0).and_then(month) {
        // "February 25, 2019", "Feb. 25 2019", "February 27", "February 2019"
        if let Some(d) = w(1).and_then(day_of) {
            if let Some(y) = w(2).and_then(year_of) {
                return Some((iso(Some(y), m, Some(d)), 3));
            }
            return Some((iso(None, m, Some(d)), 2));
        }
        if let Some(y) = w(1).and_then(year_of) {
            return Some((iso(Some(y), m, None), 2));
        }
        return None;
    }
    // "25 February 2019", "25 February"
    let d = w(0).and_then(day_of)?;
    let m = w(1).and_then(month)?;
    match w(2).and_then(year_of) {
        Some(y) => Some((iso(Some(y), m, Some(d)), 3)),
        None => Some((iso(None, m, Some(d)), 2)),
    }
}

/// A line that is nothing but a date (with a weekday, a time, "Published"
/// and the like around it): its ISO date.
pub fn date_line(line: &str) -> Option<String> {
    if line.len() > 80 {
        return None;
    }
    let words: Vec<&str> = words(line)
        .into_iter()
        .filter(|w| {
            let lower = w.to_ascii_lowercase();
            let bare = lower.trim_end_matches('.');
            let zone_offset = w.starts_with('+') && w[1..].bytes().all(|b| b.is_ascii_digit());
            !(WEEKDAYS.contains(&bare)
                || DATE_FILLERS.contains(&lower.as_str())
                || is_time(w)
                || zone_offset)
        })
        .collect();
    let (date, used) = date_at(&words)?;
    (used == words.len()).then_some(date)
}

/// A date at the very start of a short string ("February 27, The Iran
/// Project"): the ISO date and the byte offset where the rest begins.
pub fn leading_date(s: &str) -> Option<(String, usize)> {
    let mut offsets = Vec::new();
    let mut pieces = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let sep = c.is_whitespace() || c == ',';
        match (sep, start) {
            (true, Some(st)) => {
                pieces.push(&s[st..i]);
                offsets.push(i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
        if pieces.len() >= 3 {
            break;
        }
    }
    if let Some(st) = start {
        if pieces.len() < 3 {
            pieces.push(&s[st..]);
            offsets.push(s.len());
        }
    }
    let mut skip = 0;
    if let Some(first) = pieces.first() {
        if WEEKDAYS.contains(&first.trim_end_matches('.').to_ascii_lowercase().as_str()) {
            skip = 1;
        }
    }
    let (date, used) = date_at(&pieces[skip..])?;
    let end = offsets[skip + used - 1];
    let rest = s[end..].trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    Some((date, s.len() - rest.len()))
}

/// Stop words by language: the share of a paragraph's words in each list
/// tells its language well enough to spot a footer in another one.
const STOP_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "that", "was", "for", "on", "with", "as", "by",
            "at", "from", "his", "has", "have", "said", "it", "are", "were", "this", "which", "be",
            "he", "its", "their", "not",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "et", "du", "une", "est", "que", "qui", "pour", "dans",
            "sur", "au", "aux", "ce", "pas", "plus", "sont", "avec", "par", "il", "ne", "cette",
            "ou", "nous", "vous", "leur",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "zu",
            "von", "auf", "sich", "im", "für", "auch", "wird", "wurde", "sie", "es", "nach", "bei",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "del", "por", "con", "una", "para", "es", "al", "su", "como",
            "más", "pero", "sus", "fue", "ha", "sobre", "este", "entre",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "per", "della", "non", "sono", "gli", "nel", "è", "da", "alla",
            "anche", "come", "dei", "delle", "questo", "ha",
        ],
    ),
    (
        "pt",
        &[
            "os", "do", "da", "em", "um", "uma", "com", "não", "dos", "das", "no", "na", "ao",
            "mais", "foi", "pelo", "pela", "seu", "sua",
        ],
    ),
    (
        "nl",
        &[
            "het", "een", "en", "van", "dat", "op", "te", "voor", "niet", "met", "zijn", "die",
            "er", "ook", "werd", "naar", "bij",
        ],
    ),
];

/// The language of a stretch of text: script first (Arabic, Persian,
/// Cyrillic, Greek, Hebrew, Chinese, Japanese, Korean), then stop words for
/// Latin-script languages. `None` when the evidence is thin.
pub fn language(text: &str) -> Option<&'static str> {
    let mut latin = 0usize;
    let mut scripts: [(&str, usize); 9] = [
        ("ar", 0),
        ("fa", 0),
        ("ru", 0),
        ("el", 0),
        ("he", 0),
        ("zh", 0),
        ("ja", 0),
        ("ko", 0),
        ("hi", 0),
    ];
    let mut persian_letters = 0usize;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        let slot = match c as u32 {
            0x41..=0x24F => {
                latin += 1;
                continue;
            }
            0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                if matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک') {
                    persian_letters += 1;
                }
                0
            }
            0x400..=0x4FF => 2,
            0x370..=0x3FF => 3,
            0x590..=0x5FF => 4,
            0x4E00..=0x9FFF => 5,
            0x3040..=0x30FF => 6,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => 7,
            0x900..=0x97F => 8,
            _ => continue,
        };
        scripts[slot].1 += 1;
    }
    // Japanese text mixes kana with Han characters.
    if scripts[6].1 > 0 {
        scripts[6].1 += scripts[5].1;
    }
    if persian_letters * 20 > scripts[0].1 && scripts[0].1 > 0 {
        scripts[1].1 = scripts[0].1;
        scripts[0].1 = 0;
    }
    let (code, count) = scripts.iter().copied().max_by_key(|&(_, n)| n)?;
    if count > latin {
        return (count >= 3).then_some(code);
    }
    let mut total = 0usize;
    let mut hits = [0usize; 7];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        total += 1;
        let lower = word.to_lowercase();
        for (i, (_, list)) in STOP_WORDS.iter().enumerate() {
            if list.contains(&lower.as_str()) {
                hits[i] += 1;
            }
        }
    }
    let (best, &n) = hits.iter().enumerate().max_by_key(|&(_, n)| n)?;
    (n >= 3 && n * 100 >= total * 12).then_some(STOP_WORDS[best].0)
}

/// The run of capitalised words at the start of a publisher's blurb
/// ("Middle East Eye propose une couverture…"): two to six words, each
/// capitalised or a short joining word, followed by a lowercase word.
pub fn leading_name(text: &str) -> Option<String> {
    let mut name: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        let first = word.chars().next()?;
        let joining = matches!(word, "of" | "the" | "al-" | "and" | "de" | "du");
        if first.is_uppercase() || (joining && !name.is_empty()) {
            name.push(word);
            if name.len() > 6 {
                return None;
            }
        } else {
            break;
        }
    }
    while name
        .last()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        name.pop();
    }
    (name.len() >= 2).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Monday, February 25, 2019", Some("2019-02-25")),
            ("2019/02/26 | 00:50", Some("2019-02-26")),
            ("Published: 3 March 2021 10:15 GMT", Some("2021-03-03")),
            ("Updated Feb. 5, 2020 at 4:30 p.m.", Some("2020-02-05")),
            ("2020-01-02T10:00:00Z", Some("2020-01-02")),
            ("Mon, 25 Feb 2019 10:00:00 +0000", Some("2019-02-25")),
            ("February 2019", Some("2019-02")),
            ("February 27", Some("--02-27")),
            ("Sept 3", Some("--09-03")),
            ("date 2019-02-26", Some("2019-02-26")),
            ("He met Khamenei on February 25, 2019", None),
            ("May the best win", None),
            ("2019/13/40", None),
            ("Tehran, Iran", None),
            ("", None),
        ];
        for (line, want) in cases {
            assert_eq!(date_line(line).as_deref(), *want, "{line:?}");
        }
    }

    #[test]
    fn leading_dates() {
        assert_eq!(
            leading_date("February 27, The Iran Project"),
            Some(("--02-27".to_string(), 13))
        );
        assert_eq!(
            leading_date("Feb 27, 2019, Tehran").map(|(d, _)| d),
            Some("2019-02-27".to_string())
        );
        assert_eq!(leading_date("Tehran, Iran"), None);
        assert_eq!(leading_date("May"), None);
    }

    #[test]
    fn languages() {
        let cases: &[(&str, Option<&str>)] = &[
            ("The president said that the visit was a sign of the alliance.", Some("en")),
            (
                "Middle East Eye propose une couverture et une analyse indépendantes du Moyen-Orient. Pour en savoir plus sur la reprise de ce contenu et les frais qui s’appliquent.",
                Some("fr"),
            ),
            ("Der Präsident sagte, dass die Reise nicht mit dem Krieg zu tun hat.", Some("de")),
            ("El presidente dijo que la visita fue un éxito para los dos países.", Some("es")),
            ("الرئيس السوري بشار الأسد", Some("ar")),
            ("Президент Сирии посетил Тегеран", Some("ru")),
            ("Assad Khamenei Tehran", None),
        ];
        for (text, want) in cases {
            assert_eq!(language(text), *want, "{text}");
        }
    }

    #[test]
    fn leading_names() {
        assert_eq!(
            leading_name("Middle East Eye propose une couverture").as_deref(),
            Some("Middle East Eye")
        );
        assert_eq!(leading_name("Pour en savoir plus"), None);
        assert_eq!(
            leading_name("The Iran Project reports").as_deref(),
            Some("The Iran Project")
        );
    }
}
