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
    "first",
    "originally",
    "modified",
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
    "a.",
    "p.",
    "m.",
    "et",
    "pt",
    "@",
    "gmt",
    "utc",
    "est",
    "edt",
    "cet",
    "irst",
    "ast",
    "bst",
    "cest",
    "eet",
    "eest",
    "msk",
    "ist",
    "jst",
    "sgt",
    "hkt",
    "aest",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "mst",
    "mdt",
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
/// `Some(None)`: shaped like a date but unreadable without a guess
/// (03/04/2019).
fn numeric_date(word: &str) -> Option<Option<(u32, u32, u32)>> {
    let date = word.split('T').next()?;
    let mut parts = date.split(['-', '/', '.']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || b.len() > 2 || b.is_empty() {
        return None;
    }
    let (y, m, d) = if a.len() == 4 && c.len() <= 2 {
        (year_of(a)?, b.parse().ok()?, c.parse().ok()?)
    } else if c.len() == 4 && a.len() <= 2 {
        // 26/02/2019 or 02/26/2019: read only when one number cannot be a
        // month; 03/04/2019 stays unread rather than guessed.
        let (first, second): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        let (m, d) = match (first > 12, second > 12) {
            (true, false) => (second, first),
            (false, true) => (first, second),
            _ if first == second => (first, second),
            (false, false) if first > 0 && second > 0 && year_of(c).is_some() => return Some(None),
            _ => return None,
        };
        (year_of(c)?, m, d)
    } else if [a, b, c]
        .iter()
        .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    {
        // 11/30/09: a two-digit year leaves the century to a guess.
        return Some(None);
    } else {
        return None;
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Some((y, m, d)))
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

/// Reads a date from the start of `words`: returns the ISO form (`None`
/// for an ambiguous numeric date) and how many words it used.
fn date_at(words: &[&str]) -> Option<(Option<String>, usize)> {
    let w = |i: usize| words.get(i).copied();
    if let Some(date) = w(0).and_then(numeric_date) {
        return Some((date.map(|(y, m, d)| iso(Some(y), m, Some(d))), 1));
    }
    named_date_at(words).map(|(date, used)| (Some(date), used))
}

/// A date with the month's name: "February 25, 2019", "25 Feb 2019".
fn named_date_at(words: &[&str]) -> Option<(String, usize)> {
    let w = |i: usize| words.get(i).copied();
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
    read_date_line(line).flatten()
}

/// Like [`date_line`], and `Some(None)` for a date line whose date cannot be
/// read without guessing ("UPDATED 05/03/2013"): still a date line.
pub fn read_date_line(line: &str) -> Option<Option<String>> {
    if line.len() > 80 {
        return None;
    }
    // "05 / 03 / 2013" and "5: 03pm" come from tokenised copies.
    let mut compact = String::with_capacity(line.len());
    let (mut prev, mut before_prev) = (' ', ' ');
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let spaced_separator = c == ' '
            && (prev == '/'
                || next == '/' && prev.is_ascii_digit()
                || prev == ':' && before_prev.is_ascii_digit() && next.is_ascii_digit());
        if !spaced_separator {
            compact.push(c);
        }
        before_prev = prev;
        prev = c;
    }
    let timeish = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        is_time(w)
            || (!digits.is_empty()
                && digits.len() <= 2
                && digits.bytes().all(|b| b.is_ascii_digit())
                && ["am", "pm", "a.m.", "p.m."]
                    .contains(&w[digits.len()..].to_ascii_lowercase().as_str()))
    };
    let all_words = words(&compact);
    let had_time = all_words.iter().any(|w| timeish(w));
    let words: Vec<&str> = all_words
        .into_iter()
        .filter(|w| {
            let lower = w.to_ascii_lowercase();
            let bare = lower.trim_end_matches('.');
            let zone_offset = w.starts_with('+') && w[1..].bytes().all(|b| b.is_ascii_digit());
            !(WEEKDAYS.contains(&bare)
                || DATE_FILLERS.contains(&lower.as_str())
                || timeish(w)
                || zone_offset)
        })
        .collect();
    // "Updated 4:08 p.m. ET": a time stamp without its day.
    if words.is_empty() && had_time {
        return Some(None);
    }
    // "Published 3 March 2021 | Updated 4 March 2021": the first date is the
    // publication; every word must belong to a date.
    let (date, mut used) = date_at(&words)?;
    while used < words.len() {
        used += date_at(&words[used..])?.1;
    }
    Some(date)
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
        // A weekday, then up to three parts of the date itself.
        if pieces.len() >= 4 {
            break;
        }
    }
    if let Some(st) = start {
        if pieces.len() < 4 {
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
    let (date, used) = named_date_at(&pieces[skip..])?;
    let end = offsets[skip + used - 1];
    let rest = s[end..].trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    Some((date, s.len() - rest.len()))
}

/// A word of at most 8 bytes as a number that sorts as the bytes do
/// (big-endian, zero-padded), so look-ups compare integers.
const fn pack(word: &str) -> u64 {
    let b = word.as_bytes();
    let mut key = [0u8; 8];
    let mut i = 0;
    while i < b.len() && i < 8 {
        key[i] = b[i];
        i += 1;
    }
    u64::from_be_bytes(key)
}

const fn stop_keys() -> [u64; STOP_WORDS.len()] {
    let mut keys = [0u64; STOP_WORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = pack(STOP_WORDS[i].0);
        i += 1;
    }
    keys
}

/// [`STOP_WORDS`] packed, in the same (sorted) order.
static STOP_KEYS: [u64; STOP_WORDS.len()] = stop_keys();

/// Languages told apart by stop words, in the bit order of [`STOP_WORDS`].
const STOP_LANGUAGES: [&str; 7] = ["en", "fr", "de", "es", "it", "pt", "nl"];

/// Stop words, sorted by bytes for binary search, each with a bit per
/// language of [`STOP_LANGUAGES`] that uses it: the share of a paragraph's
/// words found here tells its language well enough to spot a footer in
/// another one.
const STOP_WORDS: &[(&str, u8)] = &[
    ("al", 0b0001000),
    ("alla", 0b0010000),
    ("anche", 0b0010000),
    ("and", 0b0000001),
    ("ao", 0b0100000),
    ("are", 0b0000001),
    ("as", 0b0000001),
    ("at", 0b0000001),
    ("au", 0b0000010),
    ("auch", 0b0000100),
    ("auf", 0b0000100),
    ("aux", 0b0000010),
    ("avec", 0b0000010),
    ("be", 0b0000001),
    ("bei", 0b0000100),
    ("bij", 0b1000000),
    ("by", 0b0000001),
    ("ce", 0b0000010),
    ("cette", 0b0000010),
    ("che", 0b0010000),
    ("com", 0b0100000),
    ("come", 0b0010000),
    ("como", 0b0001000),
    ("con", 0b0001000),
    ("da", 0b0110000),
    ("dans", 0b0000010),
    ("das", 0b0100100),
    ("dat", 0b1000000),
    ("dei", 0b0010000),
    ("del", 0b0001000),
    ("della", 0b0010000),
    ("delle", 0b0010000),
    ("dem", 0b0000100),
    ("den", 0b0000100),
    ("der", 0b0000100),
    ("des", 0b0000010),
    ("di", 0b0010000),
    ("die", 0b1000100),
    ("do", 0b0100000),
    ("dos", 0b0100000),
    ("du", 0b0000010),
    ("een", 0b1000000),
    ("ein", 0b0000100),
    ("eine", 0b0000100),
    ("el", 0b0001000),
    ("em", 0b0100000),
    ("en", 0b1000000),
    ("entre", 0b0001000),
    ("er", 0b1000000),
    ("es", 0b0001100),
    ("est", 0b0000010),
    ("este", 0b0001000),
    ("et", 0b0000010),
    ("foi", 0b0100000),
    ("for", 0b0000001),
    ("from", 0b0000001),
    ("fue", 0b0001000),
    ("für", 0b0000100),
    ("gli", 0b0010000),
    ("ha", 0b0011000),
    ("has", 0b0000001),
    ("have", 0b0000001),
    ("he", 0b0000001),
    ("het", 0b1000000),
    ("his", 0b0000001),
    ("il", 0b0010010),
    ("im", 0b0000100),
    ("in", 0b0000001),
    ("is", 0b0000001),
    ("ist", 0b0000100),
    ("it", 0b0000001),
    ("its", 0b0000001),
    ("la", 0b0000010),
    ("las", 0b0001000),
    ("le", 0b0000010),
    ("les", 0b0000010),
    ("leur", 0b0000010),
    ("los", 0b0001000),
    ("mais", 0b0100000),
    ("met", 0b1000000),
    ("mit", 0b0000100),
    ("más", 0b0001000),
    ("na", 0b0100000),
    ("naar", 0b1000000),
    ("nach", 0b0000100),
    ("ne", 0b0000010),
    ("nel", 0b0010000),
    ("nicht", 0b0000100),
    ("niet", 0b1000000),
    ("no", 0b0100000),
    ("non", 0b0010000),
    ("not", 0b0000001),
    ("nous", 0b0000010),
    ("não", 0b0100000),
    ("of", 0b0000001),
    ("on", 0b0000001),
    ("ook", 0b1000000),
    ("op", 0b1000000),
    ("os", 0b0100000),
    ("ou", 0b0000010),
    ("par", 0b0000010),
    ("para", 0b0001000),
    ("pas", 0b0000010),
    ("pela", 0b0100000),
    ("pelo", 0b0100000),
    ("per", 0b0010000),
    ("pero", 0b0001000),
    ("plus", 0b0000010),
    ("por", 0b0001000),
    ("pour", 0b0000010),
    ("que", 0b0000010),
    ("questo", 0b0010000),
    ("qui", 0b0000010),
    ("said", 0b0000001),
    ("seu", 0b0100000),
    ("sich", 0b0000100),
    ("sie", 0b0000100),
    ("sobre", 0b0001000),
    ("sono", 0b0010000),
    ("sont", 0b0000010),
    ("su", 0b0001000),
    ("sua", 0b0100000),
    ("sur", 0b0000010),
    ("sus", 0b0001000),
    ("te", 0b1000000),
    ("that", 0b0000001),
    ("the", 0b0000001),
    ("their", 0b0000001),
    ("this", 0b0000001),
    ("to", 0b0000001),
    ("um", 0b0100000),
    ("uma", 0b0100000),
    ("una", 0b0001000),
    ("und", 0b0000100),
    ("une", 0b0000010),
    ("van", 0b1000000),
    ("von", 0b0000100),
    ("voor", 0b1000000),
    ("vous", 0b0000010),
    ("was", 0b0000001),
    ("werd", 0b1000000),
    ("were", 0b0000001),
    ("which", 0b0000001),
    ("wird", 0b0000100),
    ("with", 0b0000001),
    ("wurde", 0b0000100),
    ("y", 0b0001000),
    ("zijn", 0b1000000),
    ("zu", 0b0000100),
    ("è", 0b0010000),
];

/// The language of a stretch of text: script first (Arabic, Persian,
/// Cyrillic, Greek, Hebrew, Chinese, Japanese, Korean), then stop words for
/// Latin-script languages. `None` when the evidence is thin.
pub fn language(text: &str) -> Option<&'static str> {
    // The first few hundred words tell as well as the whole text, and a
    // bounded sample keeps this cheap however long the text.
    let mut cut = text.len().min(3000);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
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
    let mut hits = [0usize; STOP_LANGUAGES.len()];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        total += 1;
        // Every stop word is at most 8 bytes: longer words need no look-up.
        if word.len() > 8 {
            continue;
        }
        let mut lower = [0u8; 8];
        let mut len = 0;
        if word.is_ascii() {
            lower[..word.len()].copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            len = word.len();
        } else {
            for c in word.chars().flat_map(char::to_lowercase) {
                let mut utf8 = [0u8; 4];
                for &b in c.encode_utf8(&mut utf8).as_bytes() {
                    if len < 8 {
                        lower[len] = b;
                    }
                    len += 1;
                }
            }
        }
        if len > 8 {
            continue;
        }
        if let Ok(at) = STOP_KEYS.binary_search(&u64::from_be_bytes(lower)) {
            let mask = STOP_WORDS[at].1;
            for (i, hit) in hits.iter_mut().enumerate() {
                *hit += usize::from(mask >> i & 1);
            }
        }
    }
    let (best, &n) = hits.iter().enumerate().max_by_key(|&(_, n)| n)?;
    (n >= 3 && n * 100 >= total * 12).then_some(STOP_LANGUAGES[best])
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
            ("Published: 3 May 2023 10:15 BST", Some("2023-05-03")),
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
            ("26/02/2019", Some("2019-02-26")),
            ("02/26/2019", Some("2019-02-26")),
            ("03/04/2019", None),
            (
                "Published 3 March 2021 | Updated 4 March 2021",
                Some("2021-03-03"),
            ),
            ("3 March 2021 and more", None),
            (
                "First Published: June 13, 2013 4:59 PM EDT",
                Some("2013-06-13"),
            ),
            (
                "PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM",
                Some("2013-05-02"),
            ),
            ("May 2, 2013 | 5: 03pm", Some("2013-05-02")),
            ("May 3rd, 2013 2: 00pm EDT", Some("2013-05-03")),
            ("UPDATED 05 / 03 / 2013 at 11:00 AM EDT", None),
            ("First Posted 23:37: 00 05 / 05 / 2010", Some("2010-05-05")),
            (
                "updated 8:41 p. m. EST, Tue March 3, 2009",
                Some("2009-03-03"),
            ),
            ("", None),
        ];
        for (line, want) in cases {
            assert_eq!(date_line(line).as_deref(), *want, "{line:?}");
        }
    }

    #[test]
    fn ambiguous_date_lines_are_still_date_lines() {
        for line in [
            "Originally published 05 / 03 / 2013 at 10:20 AM EDT",
            "11 / 30 / 09 05:40 PM ET",
            "Updated 5:40 p. m. ET",
        ] {
            assert_eq!(read_date_line(line), Some(None), "{line}");
        }
        assert_eq!(
            read_date_line("Friday August 2, 2013 @ 8: 13am PDT"),
            Some(Some("2013-08-02".to_string()))
        );
        assert_eq!(
            read_date_line("AUGUST 2, 2013 | 08: 06AM PT"),
            Some(Some("2013-08-02".to_string()))
        );
        assert_eq!(read_date_line("Three men and a dog"), None);
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
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS
            .windows(2)
            .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()));
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

/// Where a document's outlet name came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutletSource {
    /// Named by a person (a correction).
    Hand,
    /// The page or export says it (site name, publisher, copyright line).
    Page,
    /// The host of the article's URL.
    Url,
    /// The file's name, ids and hashes taken off.
    File,
    /// The folder the file was in (its own name was only an id).
    Folder,
}

/// An outlet name for a document that does not name its outlet: the host
/// of its URL without "www." ("nytimes.com"); else its file name without
/// extension and without the id-like parts that download tools add
/// ("foxnews-3f9a2c71d0.txt" → "foxnews"); else, when the name is ids only,
/// the folder ("daily-planet/001_0c115d166d03e55d.txt" → "daily-planet");
/// else the name without its hash-like tail ("001_0c115d166d03e55d" → "001"). `file` may be a path with
/// '/' (folders, archive entries) and a '#' record suffix. None only when
/// nothing names it.
///
/// `folder_may_name` is false when the folder is known to hold several
/// outlets' articles (another document in it names its own outlet): the
/// folder is then a collection, not an outlet.
pub fn fallback_outlet(
    file: &str,
    url: Option<&str>,
    folder_may_name: bool,
) -> Option<(String, OutletSource)> {
    if let Some(host) = url.and_then(url_host) {
        return Some((host, OutletSource::Url));
    }
    let path = file.split('#').next().unwrap_or(file);
    let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let base = parts.pop()?;
    let stem = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem,
        _ => base,
    };
    let words: Vec<&str> = stem
        .split(|c: char| c == '_' || c == '-' || c == ' ' || c == '.')
        .filter(|w| !w.is_empty() && !id_like(w))
        .collect();
    if !words.is_empty() {
        return Some((words.join(" "), OutletSource::File));
    }
    // An archive's own name is a folder too ("coverage.zip/…").
    let folder = parts
        .pop()
        .filter(|_| folder_may_name)
        .map(|f| f.trim_end_matches(".zip").to_string());
    match folder {
        Some(f) if !f.is_empty() => Some((f, OutletSource::Folder)),
        _ => Some((without_hash_tail(stem).to_string(), OutletSource::File)),
    }
}

/// A file stem without the hash-like parts at its end ("001_0c115d166d03e55d"
/// → "001"): the number a download tool gave the file tells files apart, its
/// content hash only makes the name long. The stem itself when nothing is left.
fn without_hash_tail(stem: &str) -> &str {
    let mut end = stem.len();
    while let Some(cut) = stem[..end].rfind(['_', '-', ' ', '.']) {
        let word = &stem[cut + 1..end];
        let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
        if id_like(word) && digits < word.len() {
            end = cut;
        } else {
            break;
        }
    }
    let kept = stem[..end].trim_end_matches(['_', '-', ' ', '.']);
    if kept.is_empty() {
        stem
    } else {
        kept
    }
}

/// A run of characters that names nothing: all digits, a hex hash, or a
/// long mix of letters and digits (a content id).
fn id_like(word: &str) -> bool {
    let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
    let hex = word.chars().all(|c| c.is_ascii_hexdigit());
    digits == word.chars().count()
        || (hex && word.len() >= 6 && digits > 0)
        || (word.len() >= 12
            && digits * 4 >= word.len()
            && word.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The host of an http(s) URL, lower case, without "www." and a port.
fn url_host(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.starts_with('.')).then_some(host)
}

#[cfg(test)]
mod outlet_tests {
    use super::*;

    #[test]
    fn outlets_come_from_the_url_then_the_file_then_the_folder() {
        let cases: &[(&str, Option<&str>, &str, OutletSource)] = &[
            (
                "a.html",
                Some("https://www.nytimes.com/2019/02/25/x.html"),
                "nytimes.com",
                OutletSource::Url,
            ),
            ("event1/huffpost.txt", None, "huffpost", OutletSource::File),
            ("001_0c115d166d03e55d.txt", None, "001", OutletSource::File),
            (
                "0c115d166d03e55d.txt",
                None,
                "0c115d166d03e55d",
                OutletSource::File,
            ),
            (
                "daily-planet/001_0c115d166d03e55d.txt",
                None,
                "daily-planet",
                OutletSource::Folder,
            ),
            (
                "5621__center__wall_street_journa.txt",
                None,
                "center wall street journa",
                OutletSource::File,
            ),
            (
                "reuters-3f9a2c71d0.html",
                None,
                "reuters",
                OutletSource::File,
            ),
            ("coverage.zip/bbc.txt", None, "bbc", OutletSource::File),
            ("wire.zip/20190225.txt", None, "wire", OutletSource::Folder),
            ("export.jsonl#3", None, "export", OutletSource::File),
        ];
        for (file, url, name, source) in cases {
            assert_eq!(
                fallback_outlet(file, *url, true),
                Some((name.to_string(), *source)),
                "{file}"
            );
        }
    }
}
