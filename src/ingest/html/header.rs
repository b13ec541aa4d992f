//! The article's header as a reader sees it: the visible lines just above
//! and below the headline (kicker, byline, date line) in, the byline names
//! and the publication day written there out.
//!
//! Saved pages often put the byline and the date line outside the block the
//! extractor keeps as the article ("Submitted on Sun, 25 April 2021 -
//! 14:32" under the `<h1>`), so they are read here from the whole page,
//! next to the headline, whatever their class names. Lines inside comment
//! sections, navigation, sidebars, related-article lists and links are never
//! read: a comment's date or a related story's date is not the article's.

use super::super::text::fold_whitespace;
use super::date;
use super::dom::{Dom, Kind};
use super::extract::{comment_section, NEVER_TEXT};
use super::{byline_names, same_headline, BLOCK};

/// How many visible lines after the headline, and before it, are the
/// header. Past them, the article (or the page's furniture) has begun.
const AFTER: usize = 8;
const BEFORE: usize = 3;

/// A line this long is the body's first paragraph: the header ends there.
const BODY_LINE_CHARS: usize = 300;

/// What the header says, when it says it.
#[derive(Debug, Default, PartialEq)]
pub struct Header {
    /// Names from a "By …" line, as [`byline_names`] writes them.
    pub byline: Option<String>,
    /// The publication day (ISO `YYYY-MM-DD`) of a date line; an "Updated"
    /// date is never taken for it.
    pub date: Option<String>,
}

/// One visible line: the text of consecutive text nodes under one block,
/// and how much of it is link text.
struct Line {
    text: String,
    linked_chars: usize,
    headline_level: bool,
    /// The day of a `<time datetime>` in the line: the machine-readable
    /// form of what the line shows (often a relative "2 hours ago").
    time_day: Option<String>,
    /// The line's text marked as the author's by the markup (a class, id,
    /// `itemprop` or `rel` saying "author" or "byline"): a bare name there
    /// is a byline.
    author_text: String,
}

/// Reads the header around the page's headline: the `<h1>` that matches the
/// title, else the first line that does; the first `<h1>` only for a page
/// without a title (an `<h1>` that is not the title is often the site's
/// name, under which the masthead prints the day the page was saved). No
/// headline, no header.
pub fn read(dom: &Dom, title: Option<&str>) -> Header {
    let lines = visible_lines(dom);
    let matches_title = |l: &Line| title.is_some_and(|t| same_headline(&l.text, t));
    let headline = lines
        .iter()
        .position(|l| l.headline_level && matches_title(l))
        .or_else(|| lines.iter().position(matches_title))
        .or_else(|| {
            title
                .is_none()
                .then(|| lines.iter().position(|l| l.headline_level))
                .flatten()
        });
    let Some(h) = headline else {
        return Header::default();
    };
    let mut window: Vec<&Line> = Vec::new();
    for line in lines.iter().skip(h + 1).take(AFTER) {
        if line.text.chars().count() >= BODY_LINE_CHARS {
            break;
        }
        window.push(line);
    }
    window.extend(lines[h.saturating_sub(BEFORE)..h].iter().rev());

    let byline = window.iter().find_map(|l| {
        line_byline(&l.text).or_else(|| {
            let names = fold_whitespace(&l.author_text);
            let names = names.trim_start_matches(|c: char| !c.is_alphabetic());
            (!names.is_empty())
                .then(|| line_byline(names).or_else(|| byline_names(&format!("By {names}"))))
                .flatten()
        })
    });
    let mut unlabelled = None;
    let mut published = None;
    for line in &window {
        // A `<time>` in the header is the article's even inside a link (the
        // permalink); other dates in links are related stories' or archives'.
        if let Some(day) = &line.time_day {
            if unlabelled.is_none() {
                unlabelled = Some(day.clone());
            }
        }
        if line.linked_chars * 2 > line.text.len() {
            continue;
        }
        let (labelled, plain) = line_dates(&line.text);
        if labelled.is_some() {
            published = labelled;
            break;
        }
        if unlabelled.is_none() {
            unlabelled = plain;
        }
    }
    Header {
        byline,
        date: published.or(unlabelled),
    }
}

/// The byline of a header line: the line itself ("By Jane Roe"), or its
/// part from "by" on when a date comes first ("Monday August 27, 2018
/// 10:05 am PDT by Jane Roe").
fn line_byline(line: &str) -> Option<String> {
    if let Some(names) = byline_names(line) {
        return Some(names);
    }
    date::find_in_text(line)?;
    let lower = line.to_lowercase();
    let at = lower
        .match_indices("by ")
        .map(|(i, _)| i)
        .filter(|&i| i == 0 || !lower[..i].ends_with(char::is_alphanumeric))
        .last()?;
    byline_names(&line[at..])
}

/// Labels that say a date is the publication's, and labels that say it is a
/// later revision's, in the languages of the date reader's month names.
const PUBLISHED: &[&str] = &[
    "published",
    "posted",
    "submitted",
    "first published",
    "publié",
    "publie le",
    "publicado",
    "publicada",
    "veröffentlicht",
    "gepubliceerd",
    "pubblicato",
];
const UPDATED: &[&str] = &[
    "updated",
    "last updated",
    "modified",
    "last modified",
    "edited",
    "actualizado",
    "actualizada",
    "mis à jour",
    "mise à jour",
    "aktualisiert",
    "bijgewerkt",
    "atualizado",
    "atualizada",
    "aggiornato",
];

/// Most words and characters a date line without a label may hold: a longer
/// line is a sentence that mentions a day (a kicker, a standfirst, a
/// subheading). Characters count for scripts written without spaces.
const PLAIN_DATE_LINE_WORDS: usize = 14;
const PLAIN_DATE_LINE_CHARS: usize = 90;

/// The dates of one header line: a date after a "Published" label, and a
/// date with no label (a bare date line). A date after an "Updated" label
/// is neither.
fn line_dates(line: &str) -> (Option<String>, Option<String>) {
    let words = line.split_whitespace().count();
    let chars = line.chars().count();
    if words > 2 * PLAIN_DATE_LINE_WORDS || chars > 2 * PLAIN_DATE_LINE_CHARS {
        return (None, None);
    }
    let lower = line.to_lowercase();
    // Cut the line where each label starts; each piece is dated by the
    // label that opens it.
    let mut cuts: Vec<(usize, Option<bool>)> = vec![(0, None)];
    for (labels, is_published) in [(PUBLISHED, true), (UPDATED, false)] {
        for label in labels {
            for (at, _) in lower.match_indices(label) {
                let before_ok = at == 0 || !lower[..at].ends_with(char::is_alphanumeric);
                let after = &lower[at + label.len()..];
                let after_ok = !after.starts_with(char::is_alphanumeric);
                if before_ok && after_ok {
                    cuts.push((at, Some(is_published)));
                }
            }
        }
    }
    crate::order::sort_by_key(&mut cuts, |&(at, _)| at);
    // "last updated" also holds "updated": one cut per position range.
    cuts.dedup_by(|later, earlier| later.0 < earlier.0 + 4 && later.1 == earlier.1);
    let mut labelled = None;
    let mut plain = None;
    for (i, &(start, label)) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(line.len(), |c| c.0);
        let Some(day) = line.get(start..end).and_then(date::find_in_text) else {
            continue;
        };
        match label {
            Some(true) if labelled.is_none() => labelled = Some(day),
            None if plain.is_none() => plain = Some(day),
            _ => {}
        }
    }
    let sentence = line.trim_end().ends_with('.') && words > 8;
    if words > PLAIN_DATE_LINE_WORDS || chars > PLAIN_DATE_LINE_CHARS || sentence {
        plain = None;
    }
    (labelled, plain)
}

/// The page's visible lines in document order, furniture left out.
fn visible_lines(dom: &Dom) -> Vec<Line> {
    let n = dom.nodes.len();
    // Ids are in document order and a subtree's ids are contiguous: a
    // skipped element hides every id up to its last descendant.
    let mut skip_until = 0usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut current_block = usize::MAX;
    let mut pending_time: Option<String> = None;
    for id in 0..n {
        if id < skip_until {
            continue;
        }
        let text = match &dom.nodes[id].kind {
            Kind::Element { name, .. } => {
                if name == "time" && !hidden(dom, id, name) {
                    pending_time = dom.attr(id, "datetime").and_then(date::parse);
                }
                if hidden(dom, id, name) {
                    skip_until = dom.last_descendant(id) + 1;
                } else if BLOCK.contains(&name.as_str()) || name == "br" {
                    // A new block starts a new line even inside the old one.
                    current_block = usize::MAX;
                }
                continue;
            }
            Kind::Text(t) => t,
        };
        if text.trim().is_empty() {
            continue;
        }
        let block = dom
            .ancestors(id)
            .find(|&a| BLOCK.contains(&dom.name(a)))
            .unwrap_or(0);
        let linked = dom.ancestors(id).any(|a| dom.name(a) == "a");
        let headline_level = dom.ancestors(id).any(|a| dom.name(a) == "h1");
        let authorish = dom.ancestors(id).take(4).any(|a| marked_author(dom, a));
        if block != current_block || lines.is_empty() {
            lines.push(Line {
                text: String::new(),
                linked_chars: 0,
                headline_level,
                time_day: None,
                author_text: String::new(),
            });
            current_block = block;
        }
        let line = lines.last_mut().expect("a line was just pushed");
        if let Some(day) = pending_time.take() {
            line.time_day.get_or_insert(day);
        }
        line.text.push_str(text);
        if linked {
            line.linked_chars += text.trim().len();
        }
        if authorish {
            line.author_text.push_str(text);
            line.author_text.push(' ');
        }
    }
    for line in &mut lines {
        line.text = fold_whitespace(&line.text);
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

/// Whether an element and all it holds are out of the header: unseen
/// elements, comment sections, and page furniture other than a `<header>`
/// (which often holds the article's own headline and byline).
fn hidden(dom: &Dom, id: usize, name: &str) -> bool {
    if NEVER_TEXT.contains(&name) || comment_section(dom, id) {
        return true;
    }
    if dom.attr(id, "hidden").is_some() {
        return true;
    }
    matches!(
        super::furniture_reason(dom, id),
        Some(reason) if reason != "page header"
    )
}

fn marked_author(dom: &Dom, id: usize) -> bool {
    let mut marks = dom.class_and_id(id);
    for key in ["itemprop", "rel"] {
        if let Some(v) = dom.attr(id, key) {
            marks.push(' ');
            marks.push_str(&v.to_ascii_lowercase());
        }
    }
    marks.contains("author") || marks.contains("byline")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(html: &str) -> Header {
        let dom = Dom::parse(html);
        read(&dom, Some("Rice farmers protest water quotas"))
    }

    #[test]
    fn a_date_line_under_the_headline_is_read_whatever_its_class() {
        let h = header(
            "<h1>Rice farmers protest water quotas</h1>\
             <div class='x1'>Submitted on Sun, 25 April 2021 - 14:32</div>\
             <div class='body'><p>Several hundred farmers marched.</p></div>",
        );
        assert_eq!(h.date.as_deref(), Some("2021-04-25"));
        let h = header(
            "<header><h1>Rice farmers protest water quotas</h1>\
             <span>Monday August 27, 2018 10:05 am PDT by Jane Roe and TOBY ROE</span></header>",
        );
        assert_eq!(h.date.as_deref(), Some("2018-08-27"));
        assert_eq!(h.byline.as_deref(), Some("Jane Roe, Toby Roe"));
    }

    #[test]
    fn a_bare_name_marked_as_the_author_is_the_byline() {
        let h = header(
            "<h1>Rice farmers protest water quotas</h1>\
             <div><span class='meta-author'>Tony Asante</span> <span>June 1, 2020</span></div>",
        );
        assert_eq!(h.byline.as_deref(), Some("Tony Asante"));
        // Unmarked, a name is not taken for the byline.
        let h = header("<h1>Rice farmers protest water quotas</h1><div>Tony Asante</div>");
        assert_eq!(h.byline, None);
    }

    #[test]
    fn the_publication_date_wins_over_the_update() {
        for line in [
            "Updated: June 3, 2020 Published: June 1, 2020",
            "Published June 1, 2020 | Last updated June 3, 2020",
        ] {
            let h = header(&format!(
                "<h1>Rice farmers protest water quotas</h1><p>{line}</p>"
            ));
            assert_eq!(h.date.as_deref(), Some("2020-06-01"), "{line}");
        }
        let h = header("<h1>Rice farmers protest water quotas</h1><p>Updated June 3, 2020</p>");
        assert_eq!(
            h.date, None,
            "an update date alone is not the publication's"
        );
    }

    #[test]
    fn comment_related_and_linked_dates_are_not_the_articles() {
        let body = "Several hundred farmers marched to the hall on Sunday. ".repeat(6);
        let h = header(&format!(
            "<h1>Rice farmers protest water quotas</h1>\
             <div class='comments'><p>March 2, 2021</p></div>\
             <div class='related-stories'><p>May 5, 2020</p></div>\
             <p><a href='/x'>Earlier: April 1, 2019</a></p>\
             <p>{body}</p><p>June 9, 2021</p>"
        ));
        assert_eq!(h.date, None);
    }

    #[test]
    fn a_time_element_in_the_header_counts_even_in_a_permalink() {
        let h = header(
            "<h1>Rice farmers protest water quotas</h1>\
             <p><a href='/p/1'><time datetime='2020-03-18T12:22:42-0400'>2 hours ago</time></a></p>\
             <dl><dt>Joined</dt><dd>May 11, 2017</dd></dl>",
        );
        assert_eq!(h.date.as_deref(), Some("2020-03-18"));
    }

    #[test]
    fn a_sentence_mentioning_a_day_is_not_a_date_line() {
        let h = header(
            "<h1>Rice farmers protest water quotas</h1>\
             <p>The ministry will review the quotas before the season opens on 1 June 2021 in every district.</p>",
        );
        assert_eq!(h.date, None);
    }

    #[test]
    fn no_headline_no_header() {
        assert_eq!(header("<p>25 April 2021</p>"), Header::default());
    }
}
