//! Publication dates: a date as written (an ISO stamp, `27/03/2020`,
//! `March 27, 2020`, `27 de marzo de 2020`, a URL path) in, an ISO 8601 day
//! `YYYY-MM-DD` out, or `None` when the string holds no plausible date.
//!
//! The day is the one written: a time zone offset is never applied here,
//! since the outlet's own calendar day is what a reader sees on the page.
//! (`meta` moves a UTC stamp of an outlet in the Americas to its day there.)

/// Years accepted as publication years. Without a clock the library cannot
/// know "today", so the upper bound is a generous constant.
const FIRST_YEAR: u32 = 1990;
const LAST_YEAR: u32 = 2099;

/// Month names and common abbreviations in the languages news pages in the
/// evaluation sets are written in (English, Spanish, French, German, Dutch,
/// Portuguese, Italian), lowercased and with and without accents.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mrt", 3),
    ("mei", 5),
    ("augustus", 8),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("fev", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("set", 9),
    ("outubro", 10),
    ("out", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("gennaio", 1),
    ("gen", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("mag", 5),
    ("giugno", 6),
    ("giu", 6),
    ("luglio", 7),
    ("lug", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("dicembre", 12),
];

/// Words that may stand between the parts of a written date
/// ("27 de marzo de 2020", "the 27th of March", "27. März").
const FILLERS: &[&str] = &[
    "de", "del", "of", "the", "th", "st", "nd", "rd", "er", "den", "le", "el", "à", "em", "di",
];

fn month_number(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, m)| *m)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD` when the three parts make a real day in the accepted years.
fn day(year: u32, month: u32, day: u32) -> Option<String> {
    let valid = (FIRST_YEAR..=LAST_YEAR).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month);
    valid.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// A whole date string (a `<meta>` content, a JSON-LD value, a `datetime`
/// attribute, a short dateline) in, its day out.
pub fn parse(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    find_in_text(s)
}

/// A date somewhere inside a longer text: the first date found.
pub fn find_in_text(s: &str) -> Option<String> {
    let s = east_asian_to_dashes(s);
    numeric_date(&s).or_else(|| written_date(&s))
}

/// `2020年07月12日` (Chinese, Japanese) and `2020년 7월 12일` (Korean) as
/// `2020-07-12`.
fn east_asian_to_dashes(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['年', '년']) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '年' | '月' | '년' | '월' => {
                out.push('-');
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
            }
            '日' | '일' => out.push(' '),
            _ => out.push(c),
        }
    }
    out.into()
}

/// Splits into runs of ASCII digits and runs of letters, keeping each run's
/// byte offset; everything else separates.
fn runs(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut digits = false;
    for (i, c) in s.char_indices() {
        let is_digit = c.is_ascii_digit();
        let is_word = is_digit || c.is_alphabetic();
        match start {
            Some(_) if is_word && is_digit == digits => {}
            Some(st) => {
                out.push((st, &s[st..i]));
                start = is_word.then_some(i);
                digits = is_digit;
            }
            None if is_word => {
                start = Some(i);
                digits = is_digit;
            }
            None => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Numeric forms: `2020-03-27`, `2020/3/27`, `20200327T10:00`, `27.03.2020`,
/// `27/03/2020`, `03/27/2020`.
fn numeric_date(s: &str) -> Option<String> {
    let runs = runs(s);
    for (i, &(offset, run)) in runs.iter().enumerate() {
        if !run.as_bytes()[0].is_ascii_digit() {
            continue;
        }
        let num = |k: usize| -> Option<(usize, u32, usize)> {
            let (o, r) = *runs.get(k)?;
            (r.as_bytes()[0].is_ascii_digit() && r.len() <= 4)
                .then(|| r.parse().ok().map(|n| (o, n, r.len())))?
        };
        // The separators between three numbers must be one short, equal
        // punctuation mark, so that "12 2020 5" in prose is not a date.
        let separated = |k: usize| -> Option<char> {
            let (o1, r1) = *runs.get(k)?;
            let (o2, _) = *runs.get(k + 1)?;
            let sep = s.get(o1 + r1.len()..o2)?;
            let mut chars = sep.chars();
            let c = chars.next()?;
            (chars.next().is_none() && matches!(c, '-' | '/' | '.')).then_some(c)
        };
        if run.len() == 8 && run.starts_with(['1', '2']) {
            let followed_ok = s[offset + 8..]
                .chars()
                .next()
                .map_or(true, |c| !c.is_ascii_alphanumeric() || c == 'T');
            let y = run[..4].parse().ok();
            let m = run[4..6].parse().ok();
            let d = run[6..].parse().ok();
            if let (true, Some(y), Some(m), Some(d)) = (followed_ok, y, m, d) {
                if let Some(found) = day(y, m, d) {
                    return Some(found);
                }
            }
            continue;
        }
        let (Some((_, a, alen)), Some((_, b, _)), Some((_, c, clen))) =
            (num(i), num(i + 1), num(i + 2))
        else {
            continue;
        };
        let (Some(sep1), Some(sep2)) = (separated(i), separated(i + 1)) else {
            continue;
        };
        if sep1 != sep2 {
            continue;
        }
        if alen == 4 {
            if let Some(found) = day(a, b, c) {
                return Some(found);
            }
        } else if clen == 4 {
            // Day first is the rule outside the US; a first number above 12
            // settles it, a second above 12 means month first.
            let found = if b > 12 {
                day(c, a, b)
            } else {
                day(c, b, a).or_else(|| day(c, a, b))
            };
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// Forms with a month name: `March 27, 2020`, `27 March 2020`,
/// `Fri, 27 Mar 2020 10:00:00 GMT`, `27 de marzo de 2020`, `27. März 2020`.
fn written_date(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    let runs = runs(&lower);
    let words: Vec<&str> = runs
        .iter()
        .map(|(_, r)| *r)
        .filter(|r| !FILLERS.contains(r))
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Some(month) = month_number(word) else {
            continue;
        };
        let number = |k: Option<usize>| -> Option<u32> {
            let w = words.get(k?)?;
            (w.as_bytes()[0].is_ascii_digit() && w.len() <= 4)
                .then(|| w.parse().ok())
                .flatten()
        };
        let before = number(i.checked_sub(1));
        let after = number(Some(i + 1));
        let after2 = number(Some(i + 2));
        let candidates = [
            // 27 March 2020
            (before, after),
            // March 27, 2020
            (after, after2),
        ];
        for (d, y) in candidates {
            if let (Some(d), Some(y)) = (d, y) {
                if d <= 31 && y >= 1000 {
                    if let Some(found) = day(y, month, d) {
                        return Some(found);
                    }
                }
            }
        }
        // 2020 March 27 (East Asian order written with Latin month names)
        if let (Some(y), Some(d)) = (before, after) {
            if y >= 1000 && d <= 31 {
                if let Some(found) = day(y, month, d) {
                    return Some(found);
                }
            }
        }
    }
    None
}

/// How many days lie between two `YYYY-MM-DD` days; `None` for partial
/// or malformed dates.
pub fn days_apart(a: &str, b: &str) -> Option<u32> {
    let number = |d: &str| -> Option<i64> {
        let mut parts = d.split('-');
        let y: i64 = parts.next()?.parse().ok()?;
        let m: i64 = parts.next()?.parse().ok()?;
        let d: i64 = parts.next()?.parse().ok()?;
        // Days since a fixed epoch, counting March as the first month so
        // that leap days fall at the end of the year.
        let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
        Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d)
    };
    let diff = (number(a)? - number(b)?).unsigned_abs();
    u32::try_from(diff).ok()
}

/// The day of the week of a Gregorian date, 0 for Sunday to 6 for
/// Saturday (Sakamoto's method); `None` for a month out of range.
pub fn weekday(year: u32, month: u32, day: u32) -> Option<u32> {
    const T: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let t = *T.get(month.checked_sub(1)? as usize)?;
    let y = if month < 3 {
        year.checked_sub(1)?
    } else {
        year
    };
    Some((y + y / 4 - y / 100 + y / 400 + t + day) % 7)
}

/// The day before a `YYYY-MM-DD` day (Gregorian calendar); `None` for a
/// partial or malformed day.
pub fn previous_day(day: &str) -> Option<String> {
    let mut parts = day.split('-');
    let y: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let (y, m, d) = match (m, d) {
        (1, 1) => (y.checked_sub(1)?, 12, 31),
        (m, 1) => (y, m - 1, days_in_month(y, m - 1)),
        (m, d) => (y, m, d - 1),
    };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// A date written into a URL path: `/2020/03/27/`, `/2020-03-27-title`,
/// `/20200327/`. A year and month alone (`/2020/03/slug`) give `YYYY-MM`.
pub fn from_url(url: &str) -> Option<String> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let path = path.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    for (i, part) in parts.iter().enumerate() {
        let is_num = |p: &str, len: std::ops::RangeInclusive<usize>| {
            len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        if is_num(part, 8..=8) {
            if let Some(found) = numeric_date(part) {
                return Some(found);
            }
        }
        if !is_num(part, 4..=4) {
            continue;
        }
        let Ok(year) = part.parse::<u32>() else {
            continue;
        };
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            continue;
        }
        let month = parts
            .get(i + 1)
            .filter(|p| is_num(p, 1..=2))
            .and_then(|p| p.parse::<u32>().ok())
            .filter(|m| (1..=12).contains(m));
        let Some(month) = month else { continue };
        let day_part = parts
            .get(i + 2)
            .filter(|p| is_num(p, 1..=2))
            .and_then(|p| p.parse::<u32>().ok());
        return match day_part.and_then(|d| day(year, month, d)) {
            Some(found) => Some(found),
            None => Some(format!("{year:04}-{month:02}")),
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays() {
        // 1 May 2020 was a Friday, 1 March 2020 a Sunday, 1 January 2000 a
        // Saturday.
        assert_eq!(weekday(2020, 5, 1), Some(5));
        assert_eq!(weekday(2020, 3, 1), Some(0));
        assert_eq!(weekday(2000, 1, 1), Some(6));
        assert_eq!(weekday(2020, 13, 1), None);
    }

    #[test]
    fn the_day_before() {
        for (day, want) in [
            ("2020-03-01", Some("2020-02-29")),
            ("2019-03-01", Some("2019-02-28")),
            ("2020-01-01", Some("2019-12-31")),
            ("2020-05-02", Some("2020-05-01")),
            ("2020-08-01", Some("2020-07-31")),
            ("2020-05", None),
            ("2020-13-01", None),
            ("x", None),
        ] {
            assert_eq!(previous_day(day).as_deref(), want, "{day}");
        }
    }

    #[test]
    fn whole_strings_parse_to_their_day() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2020-03-27T10:00:00+01:00", Some("2020-03-27")),
            ("2020-03-27T23:30:00-05:00", Some("2020-03-27")),
            ("2020/3/7", Some("2020-03-07")),
            ("20200327T101500Z", Some("2020-03-27")),
            ("27.03.2020", Some("2020-03-27")),
            ("27/03/2020 10:15", Some("2020-03-27")),
            ("03/27/2020", Some("2020-03-27")),
            ("March 27, 2020", Some("2020-03-27")),
            ("Mar. 27th, 2020 at 10:15 am", Some("2020-03-27")),
            ("Fri, 27 Mar 2020 10:00:00 GMT", Some("2020-03-27")),
            ("27 de marzo de 2020", Some("2020-03-27")),
            ("27. März 2020", Some("2020-03-27")),
            ("vendredi 27 mars 2020", Some("2020-03-27")),
            ("27 maart 2020", Some("2020-03-27")),
            ("2020年07月12日 22:00", Some("2020-07-12")),
            ("2020년 7월 12일", Some("2020-07-12")),
            ("2020-02-30", None),
            ("1870-01-01", None),
            ("may we meet again", None),
            ("", None),
            ("12 2020 5", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse(input).as_deref(), *want, "{input}");
        }
    }

    #[test]
    fn url_paths_give_days_or_months() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "https://example.com/news/2020/03/27/story-title",
                Some("2020-03-27"),
            ),
            ("https://example.com/2020-03-27-story", Some("2020-03-27")),
            (
                "https://example.com/politics/20200327/story",
                Some("2020-03-27"),
            ),
            ("https://example.com/2020/03/story", Some("2020-03")),
            ("https://example.com/story-2020", None),
            ("https://example.com/item/123456789", None),
            ("https://2020.example.com/a?d=2020/03/27", None),
        ];
        for (input, want) in cases {
            assert_eq!(from_url(input).as_deref(), *want, "{input}");
        }
    }

    #[test]
    fn days_apart_crosses_months_years_and_leap_days() {
        let cases: &[(&str, &str, Option<u32>)] = &[
            ("2020-12-06", "2020-12-05", Some(1)),
            ("2020-03-01", "2020-02-29", Some(1)),
            ("2021-01-01", "2020-12-31", Some(1)),
            ("2019-03-01", "2019-02-28", Some(1)),
            ("2020-01-01", "2020-01-31", Some(30)),
            ("2020-02", "2020-02-01", None),
        ];
        for (a, b, want) in cases {
            assert_eq!(days_apart(a, b), *want, "{a} {b}");
        }
    }

    #[test]
    fn dates_inside_text_are_found() {
        assert_eq!(
            find_in_text("Posted by staff on 27 March 2020 in World").as_deref(),
            Some("2020-03-27")
        );
        assert_eq!(find_in_text("No date in this line."), None);
    }
}
