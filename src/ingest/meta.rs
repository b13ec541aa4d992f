//! Text metadata: short strings in (a date line, a dateline prefix, a
//! paragraph), ISO 8601 dates, a language code, names out. Every reader
//! returns `None` when the text does not say, never a guess.

/// The English month names as written, January first: for readers that
/// need a capitalised name (Nexis date lines, the time a text states).
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

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

/// The weekdays, Monday first, in lower case.
pub(crate) const WEEKDAYS: &[&str] = &[
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

/// The language of a stretch of text as an ISO 639-1 code, for every
/// language `whatlang` knows (about seventy, by script and trigram
/// profiles). `None` when the evidence is thin: whatlang's own "reliable"
/// mark, so a short run of names ("Assad Khamenei Tehran") tells nothing,
/// and a footer is only dropped as foreign when its language is clear.
pub fn language(text: &str) -> Option<&'static str> {
    // The first few hundred words tell as well as the whole text, and a
    // bounded sample keeps this cheap however long the text.
    let mut cut = text.len().min(3000);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let info = whatlang::detect(&text[..cut])?;
    info.is_reliable().then(|| iso_639_1(info.lang()))
}

/// whatlang names languages by ISO 639-3; documents, HTML `lang` attributes
/// and the report use the two-letter ISO 639-1 codes.
#[rustfmt::skip]
fn iso_639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Afr => "af", Aka => "ak", Amh => "am", Ara => "ar", Aze => "az",
        Bel => "be", Ben => "bn", Bul => "bg", Cat => "ca", Ces => "cs",
        Cmn => "zh", Cym => "cy", Dan => "da", Deu => "de", Ell => "el",
        Eng => "en", Epo => "eo", Est => "et", Fin => "fi", Fra => "fr",
        Guj => "gu", Heb => "he", Hin => "hi", Hrv => "hr", Hun => "hu",
        Hye => "hy", Ind => "id", Ita => "it", Jav => "jv", Jpn => "ja",
        Kan => "kn", Kat => "ka", Khm => "km", Kor => "ko", Lat => "la",
        Lav => "lv", Lit => "lt", Mal => "ml", Mar => "mr", Mkd => "mk",
        Mya => "my", Nep => "ne", Nld => "nl", Nob => "nb", Ori => "or",
        Pan => "pa", Pes => "fa", Pol => "pl", Por => "pt", Ron => "ro",
        Rus => "ru", Sin => "si", Slk => "sk", Slv => "sl", Sna => "sn",
        Spa => "es", Srp => "sr", Swe => "sv", Tam => "ta", Tel => "te",
        Tgl => "tl", Tha => "th", Tuk => "tk", Tur => "tr", Ukr => "uk",
        Urd => "ur", Uzb => "uz", Vie => "vi", Yid => "yi", Zul => "zu",
    }
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
            (
                "El presidente sirio dijo que la visita a Teherán fue un éxito para los dos países y que la alianza seguirá.",
                Some("es"),
            ),
            (
                "وصل الرئيس السوري بشار الأسد إلى طهران في زيارة لم يعلن عنها مسبقا والتقى المرشد الإيراني",
                Some("ar"),
            ),
            (
                "Президент Сирии Башар Асад посетил Тегеран и встретился с верховным лидером Ирана, сообщили в Дамаске.",
                Some("ru"),
            ),
            // Languages the stop-word tables never knew.
            (
                "Prezydent Syrii odwiedził Teheran, gdzie spotkał się z najwyższym przywódcą Iranu.",
                Some("pl"),
            ),
            (
                "Suriye Devlet Başkanı Esad, İran'ın dini lideri Hamaney ile görüşmek üzere Tahran'ı ziyaret etti.",
                Some("tr"),
            ),
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

/// Which role the folder a file sits in plays in naming its outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderRole {
    /// The folder holds several outlets' articles: it names none of them.
    Collection,
    /// The folder names the outlet only when the file's name is ids alone.
    Fallback,
    /// The folders are the outlets ("nytimes/assad-visit.html"): the
    /// folder comes before the file's name.
    Outlet,
}

/// An outlet name for a document that does not name its outlet: the host
/// of its URL without "www." ("nytimes.com"); else, when the folders are
/// the outlets (`FolderRole::Outlet`, see `folders_name_outlets`), the
/// folder; else its file name without extension and without the id-like
/// parts that download tools add ("foxnews-3f9a2c71d0.txt" → "foxnews");
/// else, when the name is ids only, the folder
/// ("daily-planet/001_0c115d166d03e55d.txt" → "daily-planet"); else the
/// name without its hash-like tail ("001_0c115d166d03e55d" → "001").
/// `file` may be a path with '/' (folders, archive entries) and a '#'
/// record suffix. None only when nothing names it.
pub fn fallback_outlet(
    file: &str,
    url: Option<&str>,
    folder_role: FolderRole,
) -> Option<(String, OutletSource)> {
    if let Some(host) = url.and_then(url_host) {
        return Some((host, OutletSource::Url));
    }
    let path = file.split('#').next().unwrap_or(file);
    let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let base = parts.pop()?;
    // An archive's own name is a folder too ("coverage.zip/…").
    let folder = parts
        .pop()
        .filter(|_| folder_role != FolderRole::Collection)
        .map(|f| f.trim_end_matches(".zip").to_string())
        .filter(|f| !f.is_empty());
    if let (FolderRole::Outlet, Some(f)) = (folder_role, &folder) {
        return Some((f.clone(), OutletSource::Folder));
    }
    let stem = file_stem(base);
    if let Some(words) = name_words(base) {
        return Some((words, OutletSource::File));
    }
    match folder {
        Some(f) => Some((f, OutletSource::Folder)),
        None => Some((without_hash_tail(stem).to_string(), OutletSource::File)),
    }
}

/// Whether the folders of a corpus name its outlets, from the paths of the
/// documents that name no outlet themselves (no page metadata, no URL).
///
/// File names name the outlets when they are a small vocabulary that
/// recurs across folders, one file of each per folder: the layout of
/// event folders ("event1/foxnews.txt", "event2/foxnews.txt"). Otherwise,
/// when the files sit in two or more folders, the folders name the
/// outlets ("nytimes/assad-visit.html", "bbc/tehran-talks.html"). Files in
/// one folder, or none, keep their own names: a dropped folder is a
/// collection; so do files in a folder that also holds a subfolder.
/// Records of one file (`export.csv#3`) are left out: their outlets come
/// from their own fields.
pub fn folders_name_outlets<'a>(files: impl IntoIterator<Item = &'a str>) -> bool {
    use std::collections::{HashMap, HashSet};
    let mut folders_of_name: HashMap<String, HashSet<&str>> = HashMap::new();
    let mut seen: HashSet<(&str, String)> = HashSet::new();
    let mut folders: HashSet<&str> = HashSet::new();
    let mut repeated_in_a_folder = false;
    for file in files.into_iter().filter(|f| !f.contains('#')) {
        let Some((folder, base)) = file.rsplit_once('/') else {
            continue;
        };
        folders.insert(folder);
        // A name of ids alone says nothing of the layout (its folder names
        // it in any case).
        let Some(name) = name_words(base) else {
            continue;
        };
        repeated_in_a_folder |= !seen.insert((folder, name.clone()));
        folders_of_name.entry(name).or_default().insert(folder);
    }
    let names_recur = folders_of_name.values().any(|f| f.len() >= 2);
    // A folder holding files beside a subfolder ("storm/a.txt",
    // "storm/radio/b.html") is a collection the user arranged, not one
    // outlet's shelf.
    let nested = folders.iter().any(|outer| {
        folders.iter().any(|inner| {
            inner.len() > outer.len()
                && inner.starts_with(outer)
                && inner[outer.len()..].starts_with('/')
        })
    });
    folders.len() >= 2 && !nested && !(names_recur && !repeated_in_a_folder)
}

/// A file name without its extension.
fn file_stem(base: &str) -> &str {
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem,
        _ => base,
    }
}

/// The words of a file name that are not ids, joined by spaces; None when
/// the name is ids only.
fn name_words(base: &str) -> Option<String> {
    let words: Vec<&str> = file_stem(base)
        .split(|c: char| c == '_' || c == '-' || c == ' ' || c == '.')
        .filter(|w| !w.is_empty() && !id_like(w))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
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
                fallback_outlet(file, *url, FolderRole::Fallback),
                Some((name.to_string(), *source)),
                "{file}"
            );
        }
    }

    #[test]
    fn folders_name_outlets_unless_file_names_recur_across_them() {
        // Event folders holding one file per outlet: the file names are the outlets.
        assert!(!folders_name_outlets([
            "e1/foxnews.txt",
            "e1/nytimes.txt",
            "e2/foxnews.txt",
            "e2/nytimes.txt",
        ]));
        // Outlet folders holding articles: the folders are the outlets.
        assert!(folders_name_outlets([
            "nytimes/assad-visit.html",
            "nytimes/tehran-talks.html",
            "bbc/assad-in-iran.html",
        ]));
        // One name in every folder could be either ("event-one/huffpost.txt",
        // "nytimes/article.html"): the name stays, and the page shows the
        // folder beside it.
        assert!(!folders_name_outlets([
            "nytimes/article.html",
            "bbc/article.html"
        ]));
        // One folder is the collection the user dropped; records keep their own fields.
        assert!(!folders_name_outlets([
            "coverage/nytimes.html",
            "coverage/bbc.html"
        ]));
        assert!(!folders_name_outlets(["a.csv#1", "b/a.csv#2", "c/x.txt"]));
        assert!(!folders_name_outlets(["nytimes.html", "bbc.html"]));
        // A folder beside its own subfolder is an arrangement, not outlets.
        assert!(!folders_name_outlets([
            "storm/wire.txt",
            "storm/radio/estuary.html"
        ]));
        assert!(folders_name_outlets([
            "storm/wire/a.txt",
            "storm/radio/b.html"
        ]));
        // Names of ids alone do not hide event folders' recurring names.
        assert!(!folders_name_outlets([
            "event-a/huffpost.txt",
            "event-b/huffpost.txt",
            "daily-planet/001_0c115d166d03e55d.txt",
        ]));
        assert_eq!(
            fallback_outlet("nytimes/assad-visit.html", None, FolderRole::Outlet),
            Some(("nytimes".to_string(), OutletSource::Folder))
        );
        assert_eq!(
            fallback_outlet("nytimes/assad-visit.html", None, FolderRole::Collection),
            Some(("assad visit".to_string(), OutletSource::File))
        );
    }
}
