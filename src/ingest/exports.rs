//! Multi-article exports: the plain text extracted from a file (TXT, DOCX,
//! RTF, HTML, PDF) in; when it is a news-database export, its articles out,
//! each with the body and the export's own fields (headline, source, date,
//! byline, section, length). `None` when the text is one article.
//!
//! The layouts below follow what the databases write, as researchers'
//! parsers of real exports describe them (position of the headline, source
//! and date; the labels and codes; what ends an article); the fixtures that
//! test them are invented articles laid out the same way
//! (`scripts/make_format_fixtures.py`). They are tried in this order:
//!
//! * **Nexis Uni / LexisNexis (Advance)**: articles one after another, each
//!   ending with a line `End of Document`. An article opens with its
//!   headline, the source, the date line (and sometimes an edition line),
//!   then labelled lines (`Copyright`, `Section:`, `Length:`, `Byline:`,
//!   `Highlight:`, `Dateline:`, ...; Word exports put a no-break space after
//!   the colon), then a line `Body`, the text, and what is not the text: a
//!   line `Graphic` (photo captions), a line `Classification` or trailing
//!   labelled lines (`Language:`, `Load-Date:`, ...). A cover page before
//!   the first article (user, job number, the list of documents, search
//!   terms) is kept in the first article's `cover`.
//! * **LexisNexis Academic** (the service before Nexis Uni; read as Nexis):
//!   each article opens with a line `N of M DOCUMENTS` (`FOCUS - N of M
//!   DOCUMENTS` in a focused search); then the source, the date line (an
//!   edition line may follow), the headline (the last paragraph before the
//!   labels), paragraphs opening with upper-case labels (`BYLINE:`,
//!   `SECTION:`, `LENGTH:`, `DATELINE:`, `HEADLINE:`; a long value wraps
//!   onto the paragraph's next lines), the text, and trailing upper-case
//!   labels (`LOAD-DATE:`, `LANGUAGE:`, `PUBLICATION-TYPE:`, ...) and the
//!   copyright notice. A print request page before the first is its cover.
//! * **Factiva**: article blocks each ending with a line
//!   `Document XXXXXXXXXX` (an id of ten or more letters and digits, alone
//!   or after the code `AN`). With indexing shown, fields are two- or
//!   three-letter codes at the start of a line, followed by a space or tab
//!   or alone on it with the value on the next lines (a table's cells):
//!   `HD` headline, `BY` byline, `WC` word count, `PD` date, `SN` source,
//!   `SC` source code, `SE` section, `LA` language, `LP` lead paragraphs,
//!   `TD` the rest of the text, and after it the index fields (`CO`, `IN`,
//!   `NS`, `RE`, `IPD`, `PUB`, ...), or the same fields as labelled lines
//!   (`Headline:`, `Word Count:`, `Source:`, `Text:`...). In the text a code
//!   ends it only when everything after it reads as fields: a paragraph
//!   opening with `IN 2023` is text. Without indexing (Factiva's article
//!   display) a block is: the headline, byline lines, a word count line
//!   (`412 words`, or `mots`, `Wörter`, `palabras`...), the date, maybe a
//!   time, the source, a few short lines (source code, edition, page,
//!   language) up to the copyright notice (`Copyright`, `(c)`, `©`, `All
//!   rights reserved`), then the text.
//! * **Generic**: articles separated by lines made only of three or more
//!   `=`, `-`, `*`, `_` or `#` (or a form feed), where at least two pieces
//!   open with a header block of `Label: value` lines (`Title`/`Headline`,
//!   `Source`/`Outlet`/`Publication`/`Publisher`, `Date`/`Published`,
//!   `Author`/`Byline`/`By`, `Section`, `Length`/`Words`, `URL`/`Link`)
//!   holding at least two such lines. A piece with no header block is the
//!   previous article going on past a divider and is joined back to it; a
//!   piece before the first header block is a cover page.
//!
//! An article whose fields cannot be found (no `Body` line, no labels, no
//! headline code or word count line) is kept whole, fields and all, with a
//! warning: nothing is lost.

/// One article of an export. Fields are the export's text, trimmed; `None`
/// when the export does not state them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The article's text, paragraphs separated by blank lines.
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// The date as the export writes it ("March 5, 2024 Tuesday").
    pub date: Option<String>,
    pub byline: Option<String>,
    pub section: Option<String>,
    /// The length as the export states it ("412 words").
    pub length: Option<String>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// Export furniture that is not the article (a cover page), kept to
    /// show in `removed`.
    pub cover: Option<String>,
    pub warnings: Vec<String>,
}

/// Which layout an export was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Nexis,
    Factiva,
    Generic,
}

/// Splits `text` when it is an export of one of the [layouts](self); `None`
/// for anything else (the text is then one article). An export of one
/// article (a single Nexis download) gives one article with its fields.
pub fn split(text: &str) -> Option<(Layout, Vec<Article>)> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().collect();
    if let Some(articles) = nexis(&lines).or_else(|| academic(&lines)) {
        return Some((Layout::Nexis, articles));
    }
    if let Some(articles) = factiva(&lines) {
        return Some((Layout::Factiva, articles));
    }
    generic(&lines).map(|articles| (Layout::Generic, articles))
}

/// A cheap look at raw bytes (an HTML page before parsing) for the marks of
/// an export, so that only those pages are read whole rather than through
/// the main-text extractor.
pub fn might_be_export(raw: &str) -> bool {
    // Kept small: the page's main engine runs it on every drop (the
    // academic layout's `N of M DOCUMENTS` by two of its words).
    raw.contains("End of Document")
        || (raw.contains(" of ") && raw.contains(" DOCUMENT"))
        || raw
            .lines()
            .any(|l| l.split(['<', '>']).any(|piece| factiva_id(piece).is_some()))
}

/// Whether a text may be an export of any of the [layouts](self): the
/// marks of Nexis or Factiva, or a divider line and two header lines of the
/// generic layout. A cheap test that may say yes to a text [`split`] then
/// leaves whole; it never says no to one that `split` would split.
pub fn looks_like_export(text: &str) -> bool {
    might_be_export(text)
        || (text.lines().any(is_divider)
            && text
                .lines()
                .filter_map(labelled)
                .filter(|(label, _)| generic_field(label).is_some())
                .nth(1)
                .is_some())
}

/// Lines joined into paragraphs: runs of non-blank lines become one
/// paragraph each, separated by a blank line; the text is trimmed.
fn paragraphs(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line.trim_start());
        blank = false;
    }
    out
}

fn some(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// `Label: value` → (label lowercased, value) when the label is one word or
/// two, letters and hyphens only.
fn labelled(line: &str) -> Option<(String, &str)> {
    let (label, value) = line.trim().split_once(':')?;
    let label = label.trim();
    if label.is_empty()
        || label.len() > 24
        || label.split_whitespace().count() > 3
        || !label
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == ' ')
    {
        return None;
    }
    Some((label.to_lowercase(), value.trim()))
}

// ---------------------------------------------------------------------------
// Nexis Uni / LexisNexis

fn is_end(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("End of Document")
}

/// Labels after `Body` that end the text: the export's trailer.
const NEXIS_TRAILER: &[&str] = &[
    "load-date",
    "language",
    "publication-type",
    "journal-code",
    "document-type",
    "subject",
    "geographic",
    "organization",
    "company",
    "industry",
    "person",
    "ticker",
    "correction-date",
    "graphic",
    "notes",
];

fn nexis(lines: &[&str]) -> Option<Vec<Article>> {
    let ends: Vec<usize> = (0..lines.len()).filter(|&i| is_end(lines[i])).collect();
    let first = *ends.first()?;
    if !lines[..first].iter().any(|l| l.trim() == "Body") {
        return None;
    }
    let mut articles = Vec::new();
    let mut from = 0;
    for &end in &ends {
        if lines[from..end].iter().any(|l| !l.trim().is_empty()) {
            articles.push(nexis_article(&lines[from..end], articles.is_empty()));
        }
        from = end + 1;
    }
    let rest = &lines[from..];
    if rest.iter().any(|l| !l.trim().is_empty()) {
        let mut last = nexis_article(rest, articles.is_empty());
        if last.title.is_some() {
            last.warnings
                .push("the export's last article has no 'End of Document' line".to_string());
            articles.push(last);
        } else if let Some(prev) = articles.last_mut() {
            // Text after the last article that is no article (a footer):
            // shown as removed, not lost.
            let footer = paragraphs(rest);
            prev.cover = Some(match prev.cover.take() {
                Some(c) => format!("{c}\n\n{footer}"),
                None => footer,
            });
        }
    }
    Some(articles)
}

/// One article of a Nexis export, from its first line to the line before
/// `End of Document`. `first`: the cover page may precede it.
fn nexis_article(lines: &[&str], first: bool) -> Article {
    let Some(body) = lines.iter().position(|l| l.trim() == "Body") else {
        return whole(
            lines,
            "the article has no 'Body' line: kept whole, its fields unread",
        );
    };
    let mut a = Article::default();
    // The labelled block just above `Body`, read upwards; above it the
    // date line, the source and the headline.
    let head: Vec<(usize, &str)> = lines[..body]
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i, l.trim()))
        .collect();
    let mut k = head.len();
    while k > 0 {
        let line = head[k - 1].1;
        let is_label =
            labelled(line).is_some() || line.starts_with("Copyright") || line.starts_with('©');
        if !is_label {
            break;
        }
        k -= 1;
        if let Some((label, value)) = labelled(line) {
            match label.as_str() {
                "section" => a.section = some(value),
                "length" => a.length = some(value),
                "byline" => a.byline = some(value),
                "dateline" => a.dateline = some(value),
                "url" => a.url = some(value),
                _ => {}
            }
        }
    }
    // Above the labels: [headline..., source, date, edition?]. The date is
    // the last line that reads as one; an edition line may follow it.
    let top = &head[..k];
    let date_at = top
        .iter()
        .rposition(|(_, l)| super::meta::date_line(l).is_some() || nexis_date(l));
    let Some(date_at) = date_at.filter(|&d| d >= 2 || (d >= 1 && !first)) else {
        let mut w = whole(
            lines,
            "the article's headline, source and date were not found: kept whole",
        );
        w.section = a.section;
        w.length = a.length;
        w.byline = a.byline;
        return w;
    };
    a.date = some(top[date_at].1);
    a.outlet = some(top[date_at - 1].1);
    // The headline: the line above the source. On the first article of an
    // export the cover page lies above it; later articles may have a
    // headline over several lines, all above the source.
    let title_from = if first { date_at - 2 } else { 0 };
    a.title = some(
        &top[title_from..date_at - 1]
            .iter()
            .map(|(_, l)| *l)
            .collect::<Vec<_>>()
            .join(" "),
    );
    if title_from > 0 {
        let cover = paragraphs(&lines[..top[title_from].0]);
        a.cover = (!cover.is_empty()).then_some(cover);
    }
    // The text: from `Body` to the trailer.
    let rest = &lines[body + 1..];
    let stop = rest
        .iter()
        .position(|l| {
            let t = l.trim();
            // `Graphic` opens the photo captions, `Classification` the
            // index terms: neither is the article's text.
            t == "Classification"
                || t == "Graphic"
                || labelled(t).is_some_and(|(label, _)| NEXIS_TRAILER.contains(&label.as_str()))
        })
        .unwrap_or(rest.len());
    for line in &rest[stop..] {
        if let Some(("language", value)) = labelled(line).as_ref().map(|(l, v)| (l.as_str(), *v)) {
            a.language = some(value);
        }
    }
    a.text = paragraphs(&rest[..stop]);
    if a.text.is_empty() {
        a.warnings.push("the article's body is empty".to_string());
    }
    a
}

/// Nexis writes dates as "March 5, 2024 Tuesday" or "Tuesday, March 5, 2024".
fn nexis_date(line: &str) -> bool {
    line.len() < 60
        && super::meta::MONTH_NAMES.iter().any(|m| line.contains(m))
        && line
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4)
}

/// An article that could not be read field by field: all its lines as text.
fn whole(lines: &[&str], warning: &str) -> Article {
    Article {
        text: paragraphs(lines),
        warnings: vec![warning.to_string()],
        ..Article::default()
    }
}

// ---------------------------------------------------------------------------
// LexisNexis Academic (before Nexis Uni)

/// `1 of 25 DOCUMENTS` (or `FOCUS - 3 of 9 DOCUMENTS`): the line that opens
/// each article of a LexisNexis Academic export.
fn academic_opener(line: &str) -> bool {
    let t = line.trim();
    let t = t.strip_prefix("FOCUS - ").unwrap_or(t);
    let number =
        |w: Option<&str>| w.is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    let mut words = t.split_whitespace();
    number(words.next())
        && words.next() == Some("of")
        && number(words.next())
        && matches!(words.next(), Some("DOCUMENTS" | "DOCUMENT"))
        && words.next().is_none()
}

/// An upper-case `LABEL: value` line (`LENGTH: 412 words`), the academic
/// layout's fields; (label lowercased, value).
fn upper_labelled(line: &str) -> Option<(String, &str)> {
    let (label, value) = labelled(line)?;
    let raw = line.trim().split(':').next().unwrap_or("");
    raw.chars()
        .any(char::is_alphabetic)
        .then_some(())
        .filter(|_| !raw.chars().any(char::is_lowercase))
        .map(|_| (label, value))
}

fn academic(lines: &[&str]) -> Option<Vec<Article>> {
    let opens: Vec<usize> = (0..lines.len())
        .filter(|&i| academic_opener(lines[i]))
        .collect();
    let first = *opens.first()?;
    if !lines[first..].iter().any(|l| {
        upper_labelled(l).is_some_and(|(label, _)| {
            ["length", "byline", "section", "load-date"].contains(&label.as_str())
        })
    }) {
        return None;
    }
    let mut articles = Vec::new();
    for (k, &open) in opens.iter().enumerate() {
        let end = opens.get(k + 1).copied().unwrap_or(lines.len());
        let mut a = academic_article(&lines[open + 1..end]);
        if k == 0 && lines[..first].iter().any(|l| !l.trim().is_empty()) {
            a.cover = Some(paragraphs(&lines[..first]));
        }
        articles.push(a);
    }
    Some(articles)
}

/// One article of a LexisNexis Academic export, after its `N of M
/// DOCUMENTS` line: the source, the date line (an edition line may follow),
/// the headline, upper-case labelled paragraphs (`BYLINE:`, `SECTION:`,
/// `LENGTH:`, ...), the text, then trailing labels (`LOAD-DATE:`,
/// `LANGUAGE:`, ...) and the copyright notice.
fn academic_article(lines: &[&str]) -> Article {
    // Paragraphs as line ranges: runs of non-blank lines.
    let mut paras: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        paras.push((start, i));
    }
    let label_of = |p: &(usize, usize)| upper_labelled(lines[p.0]);
    let Some(first_label) = paras.iter().position(|p| label_of(p).is_some()) else {
        return whole(
            lines,
            "the article has no labelled lines (LENGTH:, BYLINE:): kept whole, its fields unread",
        );
    };
    let mut a = Article::default();
    // The labelled run after the head, then the text up to the trailer.
    let mut body_from = first_label;
    while body_from < paras.len() && label_of(&paras[body_from]).is_some() {
        body_from += 1;
    }
    let body_to = (body_from..paras.len())
        .find(|&k| {
            label_of(&paras[k]).is_some_and(|(label, _)| NEXIS_TRAILER.contains(&label.as_str()))
        })
        .unwrap_or(paras.len());
    for p in paras[first_label..body_from]
        .iter()
        .chain(&paras[body_to..])
    {
        let Some((label, _)) = label_of(p) else {
            continue;
        };
        // A long value wraps onto the paragraph's next lines.
        let joined = lines[p.0..p.1].join(" ");
        let value = joined.split_once(':').map_or("", |(_, v)| v);
        let slot = match label.as_str() {
            "byline" => &mut a.byline,
            "section" => &mut a.section,
            "length" => &mut a.length,
            "dateline" => &mut a.dateline,
            "language" => &mut a.language,
            "headline" => &mut a.title,
            "url" => &mut a.url,
            _ => continue,
        };
        if slot.is_none() {
            *slot = some(value);
        }
    }
    // The head, line by line: the source, the date line (an edition line
    // may follow it), then the headline: the head's last paragraph. A
    // copyright line there is furniture.
    let head: Vec<usize> = (0..paras.get(first_label).map_or(0, |p| p.0))
        .filter(|&i| {
            let l = lines[i].trim();
            !l.is_empty() && !l.starts_with("Copyright") && !l.starts_with('©')
        })
        .collect();
    let date_at = head.iter().position(|&i| {
        super::meta::date_line(lines[i].trim()).is_some() || nexis_date(lines[i].trim())
    });
    let Some(d) = date_at.filter(|&d| d >= 1) else {
        let mut w = whole(
            lines,
            "the article's source and date were not found: kept whole",
        );
        w.byline = a.byline;
        w.section = a.section;
        w.length = a.length;
        return w;
    };
    a.outlet = some(lines[head[d - 1]]);
    a.date = some(lines[head[d]]);
    if a.title.is_none() && first_label > 0 {
        let (from, to) = paras[first_label - 1];
        if from > head[d] {
            a.title = some(&lines[from..to].join(" "));
        }
    }
    if body_from < body_to {
        a.text = paragraphs(&lines[paras[body_from].0..paras[body_to - 1].1]);
    }
    if a.text.is_empty() {
        a.warnings.push("the article's body is empty".to_string());
    }
    a
}

// ---------------------------------------------------------------------------
// Factiva

/// `Document ABCDEF0020240305ek350001a` (after `AN` or alone): the id.
fn factiva_id(line: &str) -> Option<&str> {
    let line = line.trim();
    let line = line.strip_prefix("AN").map(str::trim_start).unwrap_or(line);
    let id = line.strip_prefix("Document ")?.trim();
    (id.len() >= 10 && id.len() <= 40 && id.chars().all(|c| c.is_ascii_alphanumeric()))
        .then_some(id)
}

/// Factiva's field codes and their long labels, as fields of [`Article`].
const FACTIVA_CODES: &[(&str, &str)] = &[
    ("HD", "headline"),
    ("BY", "byline"),
    ("CR", "credit"),
    ("WC", "length"),
    ("PD", "date"),
    ("ET", "time"),
    ("SN", "source"),
    ("SC", "source code"),
    ("SE", "section"),
    ("ED", "edition"),
    ("PG", "page"),
    ("LA", "language"),
    ("CY", "copyright"),
    ("LP", "lead paragraph"),
    ("TD", "text"),
    ("CT", "contact"),
    ("RF", "reference"),
    ("CO", "companies"),
    ("IN", "industries"),
    ("NS", "subjects"),
    ("RE", "regions"),
    ("IPC", "ipc"),
    ("IPD", "ipd"),
    ("PUB", "publisher"),
    ("AN", "accession number"),
    ("CLM", "column"),
    ("ART", "art"),
];

/// Long labels Factiva's display uses, as the code's field.
const FACTIVA_LABELS: &[(&str, &str)] = &[
    ("headline", "headline"),
    ("byline", "byline"),
    ("word count", "length"),
    ("words", "length"),
    ("publication date", "date"),
    ("date", "date"),
    ("source", "source"),
    ("source name", "source"),
    ("source code", "source code"),
    ("section", "section"),
    ("language", "language"),
    ("copyright", "copyright"),
    ("lead paragraph", "lead paragraph"),
    ("text", "text"),
];

/// How an export writes a field code: alone on its line (its value on the
/// next lines, as a table's cells come out), before a tab, before a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeStyle {
    Alone,
    Tab,
    Space,
}

/// The style of a code line's code (`None` for other lines).
fn code_style(line: &str) -> Option<CodeStyle> {
    let (_, rest, code) = factiva_field(line)?;
    if !code {
        return None;
    }
    let t = line.trim_end();
    let code_len = t.find([' ', '\t', ':']).unwrap_or(t.len());
    Some(if rest.is_empty() {
        CodeStyle::Alone
    } else if t[code_len..].trim_start_matches(':').starts_with('\t') {
        CodeStyle::Tab
    } else {
        CodeStyle::Space
    })
}

/// A line opening a Factiva field: (field, the rest of the line, whether
/// it was a code rather than a long label).
fn factiva_field(line: &str) -> Option<(&'static str, &str, bool)> {
    let t = line.trim_end();
    for (code, field) in FACTIVA_CODES {
        if let Some(rest) = t.strip_prefix(code) {
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            if rest.is_empty() || rest.starts_with([' ', '\t']) {
                return Some((field, rest.trim(), true));
            }
        }
    }
    let (label, value) = labelled(t)?;
    FACTIVA_LABELS
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, f)| (*f, value, false))
}

fn factiva(lines: &[&str]) -> Option<Vec<Article>> {
    let ends: Vec<usize> = (0..lines.len())
        .filter(|&i| factiva_id(lines[i]).is_some())
        .collect();
    let first = *ends.first()?;
    if !lines[..first]
        .iter()
        .any(|l| factiva_field(l).is_some_and(|(f, _, _)| f == "headline") || word_count_line(l))
    {
        return None;
    }
    let mut articles = Vec::new();
    let mut from = 0;
    for &end in &ends {
        if lines[from..end].iter().any(|l| !l.trim().is_empty()) {
            articles.push(factiva_article(&lines[from..end], articles.is_empty()));
        }
        from = end + 1;
    }
    let rest = &lines[from..];
    if rest.iter().any(|l| !l.trim().is_empty()) {
        let last = factiva_article(rest, articles.is_empty());
        if last.title.is_some() {
            articles.push(last);
        } else if let Some(prev) = articles.last_mut() {
            prev.cover = Some(paragraphs(rest));
        }
    }
    Some(articles)
}

/// Factiva's word count line in its article display (`412 words`, in the
/// interface's language).
fn word_count_line(line: &str) -> bool {
    let t = line.trim();
    let Some((number, unit)) = t.split_once(' ') else {
        return false;
    };
    !number.is_empty()
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && [
            "words", "word", "mots", "Wörter", "palabras", "parole", "palavras", "woorden", "ord",
            "слов", "字", "語",
        ]
        .contains(&unit.trim())
}

/// A copyright notice line (`Copyright 2024 ...`, `(c) 2024 ...`, `©`).
fn copyright_line(line: &str) -> bool {
    let t = line.trim();
    let lower = t.to_lowercase();
    lower.starts_with("copyright")
        || lower.starts_with("(c)")
        || t.starts_with('©')
        || lower.contains("all rights reserved")
}

/// Factiva's article display without field codes: headline, byline lines,
/// `412 words`, the date, a time line maybe, the source, then short lines
/// (source code, edition, page, language) up to the copyright notice; the
/// text follows it. `None` when the block does not read so.
fn factiva_plain(lines: &[&str], first: bool) -> Option<Article> {
    let head: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i, l.trim()))
        .take(24)
        .collect();
    let wc = head.iter().take(12).position(|(_, l)| word_count_line(l))?;
    // The headline opens the block, byline lines follow it. Before the
    // first article a page header may stand: there the headline is the
    // line above the byline (`By ...`) or above the word count.
    let title_at = if first {
        match wc.checked_sub(1) {
            Some(b) if b > 0 && head[b].1.starts_with("By ") => b - 1,
            Some(t) => t,
            None => return None,
        }
    } else if wc > 0 {
        0
    } else {
        return None;
    };
    let mut a = Article {
        title: some(head[title_at].1),
        length: some(head[wc].1),
        ..Article::default()
    };
    if title_at > 0 {
        a.cover = Some(paragraphs(&lines[..head[title_at].0]));
    }
    let byline = head[title_at + 1..wc]
        .iter()
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join(" ");
    a.byline = some(byline.strip_prefix("By ").unwrap_or(&byline));
    let mut k = wc + 1;
    let (_, date) = head.get(k)?;
    if super::meta::date_line(date).is_none() && !nexis_date(date) {
        return None;
    }
    a.date = some(date);
    k += 1;
    // A time line (`10:02`, `10:02 AM`, `10:02 GMT`).
    if head.get(k).is_some_and(|(_, l)| {
        l.len() < 16
            && l.split(' ').next().is_some_and(|t| {
                t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || c == ':')
            })
    }) {
        k += 1;
    }
    a.outlet = some(head.get(k)?.1);
    // The text starts after the copyright notice, a few short lines on.
    let notice = (k + 1..head.len().min(k + 8)).find(|&j| copyright_line(head[j].1))?;
    for (_, l) in &head[k + 1..notice] {
        if is_language_name(l) {
            a.language = some(l);
        }
    }
    a.text = paragraphs(&lines[head[notice].0 + 1..]);
    (!a.text.is_empty()).then_some(a)
}

/// Languages Factiva names on an article's language line.
fn is_language_name(line: &str) -> bool {
    [
        "English",
        "French",
        "German",
        "Spanish",
        "Italian",
        "Portuguese",
        "Dutch",
        "Russian",
        "Chinese",
        "Japanese",
        "Arabic",
        "Swedish",
        "Norwegian",
        "Danish",
        "Finnish",
        "Polish",
        "Turkish",
        "Korean",
    ]
    .contains(&line.trim())
}

/// Whether `lines` are only Factiva fields: each non-blank line opens a
/// field with its code, or is the value of a code that stood alone on its
/// line. The index fields after the text (CO, IN, NS, RE, ...) read so; a
/// paragraph of the text that happens to open with a code (`IN 2023 ...`)
/// does not, as text follows it.
fn field_tail(lines: &[&str]) -> bool {
    let mut open = false;
    for line in lines.iter().filter(|l| !l.trim().is_empty()) {
        match factiva_field(line) {
            Some((_, rest, true)) => open = rest.is_empty(),
            _ if open => {}
            _ => return false,
        }
    }
    true
}

fn factiva_article(lines: &[&str], first: bool) -> Article {
    let Some(start) = lines
        .iter()
        .position(|l| factiva_field(l).is_some_and(|(f, _, _)| f == "headline"))
    else {
        return factiva_plain(lines, first).unwrap_or_else(|| {
            whole(
                lines,
                "the article has neither a headline field (HD) nor a word count line: kept whole, its fields unread",
            )
        });
    };
    let mut a = Article::default();
    if lines[..start].iter().any(|l| !l.trim().is_empty()) {
        a.cover = Some(paragraphs(&lines[..start]));
    }
    // Each field runs from its code to the next code. An export writes its
    // codes one way throughout: the headline's way.
    let style = code_style(lines[start]);
    let mut fields: Vec<(&str, Vec<&str>)> = Vec::new();
    for (i, line) in lines[start..].iter().enumerate() {
        let in_body =
            matches!(fields.last(), Some((f, _)) if *f == "text" || *f == "lead paragraph");
        match factiva_field(line) {
            // Inside the text, a line reading "Source: ..." is text; only the
            // code that opens the rest of the text (TD) and the index fields
            // trailing it end it. Where the export puts its codes alone or
            // before a tab, a code before a space is text (`IN 2023 ...`);
            // where it puts them before a space, a code ends the text only
            // when nothing but fields follows.
            Some((field, value, _))
                if !in_body
                    || field == "text"
                    || match (style, code_style(line)) {
                        (_, None) => false,
                        (Some(CodeStyle::Space) | None, Some(_)) => field_tail(&lines[start + i..]),
                        (_, Some(this)) => this != CodeStyle::Space,
                    } =>
            {
                fields.push((field, vec![value]))
            }
            _ => {
                if let Some((_, v)) = fields.last_mut() {
                    v.push(line)
                }
            }
        }
    }
    let mut body: Vec<&str> = Vec::new();
    for (field, value) in &fields {
        let one = || some(&value.join(" "));
        match *field {
            "headline" => a.title = one(),
            "byline" => a.byline = one().map(|b| b.trim_start_matches("By ").to_string()),
            "length" => a.length = one(),
            "date" => a.date = one(),
            "source" => a.outlet = one(),
            "section" => a.section = one(),
            "language" => a.language = one(),
            "lead paragraph" | "text" => {
                if !body.is_empty() {
                    body.push("");
                }
                body.extend(value.iter().copied());
            }
            _ => {}
        }
    }
    a.text = paragraphs(&body);
    if a.text.is_empty() {
        return {
            let mut w = whole(lines, "the article has no text fields (LP, TD): kept whole");
            w.title = a.title;
            w.outlet = a.outlet;
            w.date = a.date;
            w
        };
    }
    a
}

// ---------------------------------------------------------------------------
// Generic

fn is_divider(line: &str) -> bool {
    let t = line.trim();
    t == "\u{c}"
        || (t.chars().count() >= 3
            && ['=', '-', '*', '_', '#']
                .iter()
                .any(|&c| t.chars().all(|x| x == c || x == ' ') && t.starts_with(c)))
}

/// The field a generic header label stands for.
fn generic_field(label: &str) -> Option<&'static str> {
    Some(match label {
        "title" | "headline" => "title",
        "source" | "outlet" | "publication" | "publisher" | "newspaper" => "outlet",
        "date" | "published" | "publication date" => "date",
        "author" | "byline" | "by" | "authors" => "byline",
        "section" => "section",
        "length" | "words" | "word count" => "length",
        "url" | "link" => "url",
        "language" => "language",
        _ => return None,
    })
}

/// The header block at the top of a piece: its fields and the line after it.
fn generic_header(lines: &[&str]) -> (Vec<(&'static str, String)>, usize) {
    let mut fields = Vec::new();
    let mut i = 0;
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    while i < lines.len() {
        let Some((label, value)) = labelled(lines[i]) else {
            break;
        };
        let Some(field) = generic_field(&label) else {
            break;
        };
        // "URL: https://..." splits at the scheme's colon too; keep it whole.
        let value = lines[i]
            .trim()
            .split_once(':')
            .map_or(value, |(_, v)| v.trim());
        fields.push((field, value.to_string()));
        i += 1;
    }
    (fields, i)
}

fn generic(lines: &[&str]) -> Option<Vec<Article>> {
    let mut pieces: Vec<&[&str]> = Vec::new();
    let mut from = 0;
    for i in 0..=lines.len() {
        if i == lines.len() || is_divider(lines[i]) || lines[i].contains('\u{c}') {
            pieces.push(&lines[from..i]);
            from = i + 1;
        }
    }
    let headed = |p: &[&str]| generic_header(p).0.len() >= 2;
    if pieces.iter().filter(|p| headed(p)).count() < 2 {
        return None;
    }
    let mut articles: Vec<Article> = Vec::new();
    let mut cover: Option<String> = None;
    for piece in pieces {
        let (fields, body_at) = generic_header(piece);
        if fields.len() < 2 {
            let text = paragraphs(piece);
            if text.is_empty() {
                continue;
            }
            match articles.last_mut() {
                Some(prev) => {
                    prev.text = if prev.text.is_empty() {
                        text
                    } else {
                        format!("{}\n\n{text}", prev.text)
                    }
                }
                None => cover = Some(text),
            }
            continue;
        }
        let mut a = Article::default();
        for (field, value) in fields {
            let slot = match field {
                "title" => &mut a.title,
                "outlet" => &mut a.outlet,
                "date" => &mut a.date,
                "byline" => &mut a.byline,
                "section" => &mut a.section,
                "length" => &mut a.length,
                "url" => &mut a.url,
                _ => &mut a.language,
            };
            if slot.is_none() {
                *slot = some(&value);
            }
        }
        a.text = paragraphs(&piece[body_at..]);
        if articles.is_empty() {
            a.cover = cover.take();
        }
        articles.push(a);
    }
    Some(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEXIS: &str = "User Name: Jo Reader\nDate and Time: Mar 7, 2024 10:02\nJob Number: 221\n\nDocuments (2)\n\n1. Harbour bridge shuts\n2. Ferry sails again\n\nHarbour bridge shuts\nThe Coast Herald\nMarch 5, 2024 Tuesday\nFinal Edition\n\nCopyright 2024 The Coast Herald All Rights Reserved\n\nSection: NEWS; Pg. 3\nLength: 38 words\nByline: Ana Ruiz\n\nBody\n\nThe bridge closed on Monday.\n\nEngineers found cracks.\n\nClassification\n\nLanguage: ENGLISH\n\nLoad-Date: March 6, 2024\n\nEnd of Document\n\nFerry sails again\nBay Times\nMarch 6, 2024 Wednesday\n\nLength: 20 words\n\nBody\n\nThe ferry sailed on Tuesday.\n\nLoad-Date: March 7, 2024\n\nEnd of Document\n";

    #[test]
    fn nexis_articles_and_fields() {
        let (layout, articles) = split(NEXIS).unwrap();
        assert_eq!(layout, Layout::Nexis);
        assert_eq!(articles.len(), 2);
        let a = &articles[0];
        assert_eq!(a.title.as_deref(), Some("Harbour bridge shuts"));
        assert_eq!(a.outlet.as_deref(), Some("The Coast Herald"));
        assert_eq!(a.date.as_deref(), Some("March 5, 2024 Tuesday"));
        assert_eq!(a.section.as_deref(), Some("NEWS; Pg. 3"));
        assert_eq!(a.length.as_deref(), Some("38 words"));
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.language.as_deref(), Some("ENGLISH"));
        assert_eq!(
            a.text,
            "The bridge closed on Monday.\n\nEngineers found cracks."
        );
        assert!(a.cover.as_deref().unwrap().starts_with("User Name"));
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        let b = &articles[1];
        assert_eq!(b.title.as_deref(), Some("Ferry sails again"));
        assert_eq!(b.outlet.as_deref(), Some("Bay Times"));
        assert_eq!(b.text, "The ferry sailed on Tuesday.");
    }

    #[test]
    fn a_nexis_article_without_body_line_is_kept_whole() {
        let text = NEXIS.replacen("\nBody\n\nThe ferry", "\nThe ferry", 1);
        let (_, articles) = split(&text).unwrap();
        assert_eq!(articles.len(), 2);
        assert!(articles[1].text.contains("The ferry sailed on Tuesday."));
        assert!(articles[1].text.contains("Ferry sails again"));
        assert_eq!(articles[1].warnings.len(), 1);
    }

    const FACTIVA: &str = "HD Harbour bridge shuts\nBY By Ana Ruiz\nWC 38 words\nPD 5 March 2024\nSN The Coast Herald\nSC COASTH\nLA English\nCY Copyright 2024 The Coast Herald\nLP The bridge closed on Monday.\n\nTD Engineers found cracks.\n\nRepairs take a month.\n\nAN Document COASTH0020240305ek350001a\n\n\nHD Ferry sails again\nPD 6 March 2024\nSN Bay Times\nLP The ferry sailed on Tuesday.\n\nDocument BAYTIM0020240306ek360002b\n";

    #[test]
    fn factiva_codes() {
        let (layout, articles) = split(FACTIVA).unwrap();
        assert_eq!(layout, Layout::Factiva);
        assert_eq!(articles.len(), 2);
        let a = &articles[0];
        assert_eq!(a.title.as_deref(), Some("Harbour bridge shuts"));
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.outlet.as_deref(), Some("The Coast Herald"));
        assert_eq!(a.date.as_deref(), Some("5 March 2024"));
        assert_eq!(a.length.as_deref(), Some("38 words"));
        assert_eq!(
            a.text,
            "The bridge closed on Monday.\n\nEngineers found cracks.\n\nRepairs take a month."
        );
        assert_eq!(articles[1].text, "The ferry sailed on Tuesday.");
    }

    #[test]
    fn factiva_labels() {
        let text = "Headline: Harbour bridge shuts\nSource: The Coast Herald\nPublication Date: 5 March 2024\nLead Paragraph: The bridge closed on Monday.\nText: Engineers found cracks.\nDocument COASTH0020240305ek350001a\n";
        let (layout, articles) = split(text).unwrap();
        assert_eq!(layout, Layout::Factiva);
        assert_eq!(articles[0].outlet.as_deref(), Some("The Coast Herald"));
        assert_eq!(
            articles[0].text,
            "The bridge closed on Monday.\n\nEngineers found cracks."
        );
    }

    #[test]
    fn generic_dividers_and_headers() {
        let text = "My collection\n\n=====\nTitle: Harbour bridge shuts\nSource: The Coast Herald\nDate: 2024-03-05\n\nThe bridge closed.\n\n***\n\nIt may reopen in April.\n=====\nTitle: Ferry sails again\nSource: Bay Times\nURL: https://bay.example/ferry\n\nThe ferry sailed.\n";
        let (layout, articles) = split(text).unwrap();
        assert_eq!(layout, Layout::Generic);
        assert_eq!(articles.len(), 2);
        assert_eq!(
            articles[0].text,
            "The bridge closed.\n\nIt may reopen in April."
        );
        assert_eq!(articles[0].cover.as_deref(), Some("My collection"));
        assert_eq!(
            articles[1].url.as_deref(),
            Some("https://bay.example/ferry")
        );
    }

    #[test]
    fn nexis_labels_with_no_break_space_and_a_graphic_section() {
        let text = NEXIS
            .replace("Length: 38 words", "Length:\u{a0}38 words")
            .replace("Byline: Ana Ruiz", "Highlight:\u{a0}Cracks in two piers.\nByline:\u{a0}Ana Ruiz")
            .replace(
                "Engineers found cracks.\n\nClassification",
                "Engineers found cracks.\n\nGraphic\n\nThe bridge on Monday. Photo: Sam Lee\n\nClassification",
            );
        let (_, articles) = split(&text).unwrap();
        let a = &articles[0];
        assert_eq!(a.length.as_deref(), Some("38 words"));
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            a.text,
            "The bridge closed on Monday.\n\nEngineers found cracks."
        );
    }

    const ACADEMIC: &str = "Print Request: All Items: 1-2\nTime of Request: Saturday, March 9, 2024 10:02:00 EST\nSend To: READER, SAM\n\n                               1 of 2 DOCUMENTS\n\n                              The Coast Herald\n\n                            March 5, 2024 Tuesday\n                                Final Edition\n\nHarbour bridge shuts\n\nBYLINE: Ana Ruiz and\nTomas Berg\n\nSECTION: NEWS; Pg. 3\n\nLENGTH: 38 words\n\n\nThe bridge closed on Monday.\n\nEngineers found cracks. Section: none.\n\n\nLOAD-DATE: March 6, 2024\n\nLANGUAGE: ENGLISH\n\nPUBLICATION-TYPE: Newspaper\n\n                   Copyright 2024 The Coast Herald\n                          All Rights Reserved\n\n\n                               2 of 2 DOCUMENTS\n\n                                 Bay Times\n\n                          March 6, 2024 Wednesday\n\nFerry sails again\n\nLENGTH: 20 words\n\nThe ferry sailed on Tuesday.\n\nLOAD-DATE: March 7, 2024\n";

    #[test]
    fn lexisnexis_academic_documents_lines() {
        let (layout, articles) = split(ACADEMIC).unwrap();
        assert_eq!(layout, Layout::Nexis);
        assert_eq!(articles.len(), 2);
        let a = &articles[0];
        assert_eq!(a.title.as_deref(), Some("Harbour bridge shuts"));
        assert_eq!(a.outlet.as_deref(), Some("The Coast Herald"));
        assert_eq!(a.date.as_deref(), Some("March 5, 2024 Tuesday"));
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz and Tomas Berg"));
        assert_eq!(a.section.as_deref(), Some("NEWS; Pg. 3"));
        assert_eq!(a.length.as_deref(), Some("38 words"));
        assert_eq!(a.language.as_deref(), Some("ENGLISH"));
        assert_eq!(
            a.text,
            "The bridge closed on Monday.\n\nEngineers found cracks. Section: none."
        );
        assert!(a.cover.as_deref().unwrap().starts_with("Print Request"));
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        let b = &articles[1];
        assert_eq!(b.title.as_deref(), Some("Ferry sails again"));
        assert_eq!(b.outlet.as_deref(), Some("Bay Times"));
        assert_eq!(b.text, "The ferry sailed on Tuesday.");
        // Without labels the article is kept whole, not lost.
        let bare = ACADEMIC
            .replace("LENGTH: 20 words", "")
            .replace("LOAD-DATE: March 7, 2024", "");
        let (_, articles) = split(&bare).unwrap();
        assert!(articles[1].text.contains("The ferry sailed on Tuesday."));
        assert_eq!(articles[1].warnings.len(), 1);
    }

    #[test]
    fn factiva_article_display_without_codes() {
        let text = "Harbour bridge shuts\nBy Ana Ruiz\n38 words\n5 March 2024\n10:02\nThe Coast Herald\nCOASTH\nEnglish\n(c) 2024 The Coast Herald. All rights reserved.\nThe bridge closed on Monday.\n\nEngineers found cracks.\n\nDocument COASTH0020240305ek350001a\n\nFerry sails again\n1,020 words\n6 March 2024\nBay Times\nEnglish\nCopyright 2024 Bay Times\nThe ferry sailed on Tuesday.\nDocument BAYTIM0020240306ek360002b\n";
        let (layout, articles) = split(text).unwrap();
        assert_eq!(layout, Layout::Factiva);
        assert_eq!(articles.len(), 2);
        let a = &articles[0];
        assert_eq!(a.title.as_deref(), Some("Harbour bridge shuts"));
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.length.as_deref(), Some("38 words"));
        assert_eq!(a.date.as_deref(), Some("5 March 2024"));
        assert_eq!(a.outlet.as_deref(), Some("The Coast Herald"));
        assert_eq!(a.language.as_deref(), Some("English"));
        assert_eq!(
            a.text,
            "The bridge closed on Monday.\n\nEngineers found cracks."
        );
        let b = &articles[1];
        assert_eq!(b.byline, None);
        assert_eq!(b.outlet.as_deref(), Some("Bay Times"));
        assert_eq!(b.text, "The ferry sailed on Tuesday.");
    }

    #[test]
    fn factiva_index_fields_end_the_text_but_a_paragraph_opening_with_a_code_does_not() {
        let text = FACTIVA.replace(
            "Repairs take a month.\n",
            "IN 2023 the bridge carried more traffic.\n\nRepairs take a month.\n\nCO\nsaltmere harbour authority\nIN iconst : Construction\nNS gcat : Political/General News\nRE salt : Saltmere\n",
        );
        let (_, articles) = split(&text).unwrap();
        assert_eq!(
            articles[0].text,
            "The bridge closed on Monday.\n\nEngineers found cracks.\n\nIN 2023 the bridge carried more traffic.\n\nRepairs take a month."
        );
    }

    #[test]
    fn the_main_engine_knows_every_layout_as_an_export() {
        // In the page's main engine (no `office` feature) a yes is what
        // sends the drop to the full engine.
        let table = "<tr><td><b>AN</b></td><td><p>Document COASTH0020240305ek350001a</p></td></tr>";
        for text in [NEXIS, ACADEMIC, FACTIVA, table] {
            assert!(looks_like_export(text), "{text}");
        }
        assert!(!looks_like_export(
            "Harbour bridge shuts\n\nThe bridge closed on Monday."
        ));
    }

    #[test]
    fn one_article_is_not_an_export() {
        assert!(
            split("Harbour bridge shuts\n\nThe bridge closed on Monday.\n\n***\n\nMore.").is_none()
        );
        assert!(split("Title: A\nDate: 2024\n\nText.").is_none());
    }
}
