//! Page metadata: a parsed HTML page in, its title, outlet, byline,
//! canonical URL, language and publication day out, read from JSON-LD
//! (`NewsArticle` and kin), OpenGraph, `<meta>` tags, `<time datetime>` and
//! dates written in the page's own URL.

use serde_json::Value;

use super::date;
use super::dom::Dom;
use super::extract::comment_section;
use crate::ingest::text::fold_whitespace;

/// What the page says about itself. Fields it does not state are `None`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub date: Option<String>,
    pub date_source: Option<&'static str>,
    /// JSON-LD `articleBody`: the article as the outlet's own CMS wrote it,
    /// for pages whose visible body is empty or scripted.
    pub article_body: Option<String>,
    /// The byline of the visible header around the headline, which may lie
    /// outside the block kept as the article.
    pub header_byline: Option<String>,
}

/// `<meta>` names and properties that carry the publication date, most
/// specific first. Gathered from the conventions of OpenGraph, Dublin Core,
/// Highwire Press (`citation_*`), Parse.ly, Sailthru and common CMSs.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "published_time",
    "article.published",
    "datepublished",
    "date_published",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "publishdate",
    "pub_date",
    "originalpublicationdate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "ptime",
    "date",
    "created",
    "og:updated_time",
    "article:modified_time",
    "lastmod",
    "last-modified",
];

const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
    "twitter:creator",
];

/// JSON-LD `@type`s that describe the article itself, in order of trust.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "Article",
    "BlogPosting",
    "Report",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "TechArticle",
];

/// Reads every metadata source of a page, best source first for each field.
pub fn read(dom: &Dom) -> Meta {
    let metas = meta_tags(dom);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|key| {
            metas
                .iter()
                .find(|(k, v)| k == key && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let ld = json_ld_article(dom);
    let ld_str = |key: &str| ld.as_ref().and_then(|v| text_value(v.get(key)?));

    let language = first_attr(dom, "html", "lang")
        .or_else(|| meta(&["content-language", "og:locale", "language", "dc.language"]))
        .map(|l| l.replace('_', "-"));

    let canonical = dom
        .elements_named("link")
        .find(|&id| {
            dom.attr(id, "rel")
                .is_some_and(|r| r.to_ascii_lowercase().contains("canonical"))
        })
        .and_then(|id| dom.attr(id, "href"))
        .map(|h| h.trim().to_string());
    let url = absolute(canonical)
        .or_else(|| absolute(meta(&["og:url", "twitter:url"])))
        .or_else(|| absolute(ld_str("url")))
        .or_else(|| {
            let main = ld.as_ref()?.get("mainEntityOfPage")?;
            absolute(text_value(main).or_else(|| text_value(main.get("@id")?)))
        });

    let outlet = meta(&[
        "og:site_name",
        "application-name",
        "publisher",
        "dc.publisher",
    ])
    .or_else(|| {
        let publisher = ld.as_ref()?.get("publisher")?;
        text_value(publisher.get("name").unwrap_or(publisher))
    });

    let page_title = dom
        .elements_named("title")
        .next()
        .map(|id| fold_whitespace(&dom.text(id)))
        .filter(|t| !t.is_empty());
    // The site's own name after a separator is no part of a headline
    // ("… | TheHill"): taken off when it names the outlet or the URL's host,
    // whichever field the headline came from.
    let host = url.as_deref().and_then(host_name);
    let title = ld_str("headline")
        .or_else(|| {
            meta(&[
                "og:title",
                "twitter:title",
                "citation_title",
                "dc.title",
                "title",
            ])
        })
        .map(|t| strip_named_site(&t, outlet.as_deref(), host.as_deref()))
        .or_else(|| {
            page_title.map(|t| {
                strip_site_suffix(
                    &strip_named_site(&t, outlet.as_deref(), host.as_deref()),
                    outlet.as_deref(),
                )
            })
        });

    // An "author" that is the site itself ("appleinsider") names no one:
    // the byline the page shows is then the better source.
    let letters = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase()
    };
    let names_site = |a: &String| {
        let author = letters(a);
        let same = |name: &str| {
            let n = letters(name);
            !n.is_empty() && (n == author || n.trim_start_matches("the") == author)
        };
        host.as_deref().is_some_and(same) || outlet.as_deref().is_some_and(same)
    };
    let byline = ld
        .as_ref()
        .and_then(|v| authors(v.get("author")?))
        .or_else(|| meta(AUTHOR_METAS).filter(|a| !a.starts_with("http") && !a.starts_with('@')))
        .filter(|a| !names_site(a));

    let header = super::header::read(dom, title.as_deref());
    // Where the outlet's clock runs: a country-code address first (a
    // locale of "en_US" is many publishing tools' default), else the
    // page's `og:locale`, else the document language.
    let region = url
        .as_deref()
        .and_then(country_domain)
        .or_else(|| meta(&["og:locale"]).and_then(|l| locale_region(&l)))
        .or_else(|| first_attr(dom, "html", "lang").and_then(|l| locale_region(&l)));
    let (date, date_source) = publication_date(
        dom,
        &metas,
        ld.as_ref(),
        url.as_deref(),
        header.date.as_deref(),
        region.as_deref(),
    );

    Meta {
        title: title.filter(|t| !t.is_empty()),
        outlet: outlet.filter(|t| !t.is_empty()),
        byline: byline.filter(|t| !t.is_empty()),
        url,
        language: language.filter(|l| !l.is_empty()),
        date,
        date_source,
        article_body: ld
            .as_ref()
            .and_then(|v| v.get("articleBody")?.as_str().map(str::to_string)),
        header_byline: header.byline,
    }
}

/// The publication day and where it was read, trying sources in the order
/// of how often each is right on saved news pages.
fn publication_date(
    dom: &Dom,
    metas: &[(String, String)],
    ld: Option<&Value>,
    url: Option<&str>,
    header_date: Option<&str>,
    region: Option<&str>,
) -> (Option<String>, Option<&'static str>) {
    let day_there = |dom: &Dom, raw: &str, day: String, source, header_date| {
        local_day(
            dom,
            raw,
            americas_day(raw, day, region),
            source,
            header_date,
        )
    };
    if let Some(raw) =
        ld.and_then(|v| text_value(v.get("datePublished").or_else(|| v.get("dateCreated"))?))
    {
        if let Some(d) = date::parse(&raw) {
            return day_there(dom, &raw, d, "json-ld", header_date);
        }
    }
    for key in DATE_METAS {
        let found = metas
            .iter()
            .filter(|(k, _)| k == key)
            .find_map(|(_, v)| Some((v, date::parse(v)?)));
        if let Some((raw, d)) = found {
            return day_there(dom, raw, d, "meta", header_date);
        }
    }
    if let Some(d) = parsely_page_date(metas) {
        return (Some(d), Some("meta"));
    }
    // `<time>` and `itemprop` elements, most specific first; the visible
    // date line under the headline comes before the unmarked ones. A
    // comment's time is never the article's.
    let is_time = |id: usize| dom.name(id) == "time";
    let in_article = |id: usize| dom.ancestors(id).any(|a| dom.name(a) == "article");
    let in_comments = |id: usize| dom.ancestors(id).any(|a| comment_section(dom, a));
    let marked: [&dyn Fn(usize) -> bool; 3] = [
        &|id| {
            dom.attr(id, "itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
        },
        &|id| is_time(id) && dom.attr(id, "pubdate").is_some(),
        &|id| is_time(id) && dom.class_and_id(id).contains("publish"),
    ];
    let unmarked: [&dyn Fn(usize) -> bool; 2] = [&|id| is_time(id) && in_article(id), &is_time];
    let time_of = |rules: &[&dyn Fn(usize) -> bool]| {
        rules.iter().find_map(|rule| {
            (0..dom.nodes.len())
                .filter(|&id| rule(id) && !in_comments(id))
                .take(20)
                .find_map(|id| {
                    ["datetime", "content"]
                        .iter()
                        .find_map(|a| dom.attr(id, a))
                        .and_then(date::parse)
                        .or_else(|| date::parse(&fold_whitespace(&dom.text(id))))
                })
        })
    };
    if let Some(d) = time_of(&marked) {
        return (Some(d), Some("time"));
    }
    if let Some(d) = header_date {
        return (Some(d.to_string()), Some("text"));
    }
    if let Some(d) = time_of(&unmarked) {
        return (Some(d), Some("time"));
    }
    if let Some(d) = url.and_then(date::from_url).filter(|d| d.len() == 10) {
        return (Some(d), Some("url"));
    }
    if let Some(d) = dated_element_text(dom) {
        return (Some(d), Some("text"));
    }
    (None, None)
}

/// A machine stamp in UTC can fall on the day after (or before) the one
/// the outlet printed: when the page's visible `datePublished` shows a day
/// one off, in its own time zone, that printed day is the publication day.
/// (Looser "any date on the page" checks picked up sidebar dates.)
fn local_day(
    dom: &Dom,
    raw: &str,
    day: String,
    source: &'static str,
    header_date: Option<&str>,
) -> (Option<String>, Option<&'static str>) {
    if is_utc_stamp(raw) {
        let printed = (0..dom.nodes.len())
            .filter(|&id| {
                dom.attr(id, "itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
            })
            .take(5)
            .find_map(|id| date::parse(&fold_whitespace(&dom.text(id))))
            .or_else(|| header_date.map(str::to_string));
        if let Some(printed) = printed {
            if date::days_apart(&printed, &day) == Some(1) {
                return (Some(printed), Some("text"));
            }
        }
    }
    (Some(day), Some(source))
}

/// Regions of the Americas (ISO 3166) whose clocks run at least four
/// hours behind UTC all year: the United States, Canada (Newfoundland and
/// the Atlantic provinces aside) and Mexico, five in standard time (see
/// [`north_american_standard_time`]); Central America, the Caribbean
/// countries listed and the Andes at four or five all year. Chile,
/// Paraguay, Brazil and Argentina, three hours behind for part or all of
/// the year, are left out.
const AMERICAS: &[&str] = &[
    "us", "ca", "mx", "gt", "hn", "sv", "ni", "cr", "pa", "cu", "do", "pr", "jm", "ht", "co", "ve",
    "ec", "pe", "bo",
];

/// The ISO 3166 region of a locale ("en_US", "en-us", "fr-CA"), lowercase.
fn locale_region(locale: &str) -> Option<String> {
    let region = locale.trim().split(['_', '-']).nth(1)?;
    (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| region.to_ascii_lowercase())
}

/// Two-letter domains sold for their letters, which say nothing of where
/// an outlet is.
const VANITY_DOMAINS: &[&str] = &[
    "co", "tv", "io", "me", "ai", "fm", "am", "ly", "cc", "ws", "to", "gg", "so", "sh", "is", "it",
    "la", "nu", "vc", "st",
];

/// The country of an address's country-code domain ("radio-canada.ca",
/// "bbc.co.uk"); `None` for a generic or vanity domain.
fn country_domain(url: &str) -> Option<String> {
    let host = url
        .split_once("://")?
        .1
        .split(['/', '?', '#', ':'])
        .next()?;
    let tld = host.rsplit('.').next()?.to_ascii_lowercase();
    let coded = tld.len() == 2 && tld.chars().all(|c| c.is_ascii_alphabetic());
    (coded && !VANITY_DOMAINS.contains(&tld.as_str())).then_some(tld)
}

/// Whether a day (`YYYY-MM-DD`) falls in standard time in the United
/// States and Canada: before the second Sunday of March or from the first
/// Sunday of November (the rule since 2007; the change comes at 02:00
/// local time, which a day's granularity leaves out).
fn north_american_standard_time(day: &str) -> bool {
    let mut parts = day.split('-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    // The n-th Sunday of a month: the first Sunday's date plus weeks.
    let sunday = |month: u32, n: u32| {
        let first = date::weekday(y, month, 1).unwrap_or(0);
        1 + (7 - first) % 7 + 7 * (n - 1)
    };
    match m {
        1 | 2 | 12 => true,
        3 => d < sunday(3, 2),
        11 => d >= sunday(11, 1),
        _ => false,
    }
}

/// A machine stamp in UTC ("2020-05-02T02:54:29Z") names the instant; the
/// outlet's calendar day is its own zone's. For an outlet in the Americas
/// (`region`, see [`AMERICAS`]) a stamp before 04:00 UTC (05:00 in the
/// United States, Canada and Mexico in standard time) still falls on the
/// day before there, whatever its zone. Elsewhere, or for a stamp with its
/// own offset, the day as written stands.
fn americas_day(raw: &str, day: String, region: Option<&str>) -> String {
    if !region.is_some_and(|r| AMERICAS.contains(&r)) || !is_utc_stamp(raw) {
        return day;
    }
    let Some(hour) = stamp_hour(raw) else {
        return day;
    };
    let north = region.is_some_and(|r| matches!(r, "us" | "ca" | "mx"));
    let behind = if north && north_american_standard_time(&day) {
        5
    } else {
        4
    };
    if hour < behind {
        date::previous_day(&day).unwrap_or(day)
    } else {
        day
    }
}

/// Whether a stamp is written in UTC ("Z", "+00:00", "GMT", "UTC"), not
/// with an offset from it ("GMT-0400").
fn is_utc_stamp(raw: &str) -> bool {
    let upper = raw.trim().to_ascii_uppercase();
    let zone = ["GMT", "UTC"].iter().any(|z| {
        upper.match_indices(z).any(|(at, _)| {
            let rest = upper[at + 3..].trim_start();
            !rest.starts_with(['+', '-']) || rest[1..].trim_start_matches(['0', ':']).is_empty()
        })
    });
    upper.ends_with('Z') || upper.contains("+00:00") || upper.contains("+0000") || zone
}

/// The hour of a stamp's time of day, 0-23: the first `HH:MM` in it;
/// `None` on a twelve-hour clock ("02:54 PM"), which this does not read.
fn stamp_hour(raw: &str) -> Option<u32> {
    let lower = raw.to_ascii_lowercase();
    if lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "am" || w == "pm")
    {
        return None;
    }
    let b = raw.as_bytes();
    (0..b.len().saturating_sub(4)).find_map(|i| {
        let digits = |k: usize| b[k].is_ascii_digit();
        let starts = i == 0 || !b[i - 1].is_ascii_digit();
        (starts && digits(i) && digits(i + 1) && b[i + 2] == b':' && digits(i + 3) && digits(i + 4))
            .then(|| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0'))
            .filter(|&h| h < 24)
    })
}

/// Parse.ly's older `parsely-page` meta holds JSON with a `pub_date`.
fn parsely_page_date(metas: &[(String, String)]) -> Option<String> {
    let (_, raw) = metas.iter().find(|(k, _)| k == "parsely-page")?;
    let value: Value = serde_json::from_str(raw).ok()?;
    date::parse(value.get("pub_date")?.as_str()?)
}

/// A date written in an element whose class or id says it holds one
/// ("date", "published", "posted", "timestamp"), near the top of the page.
fn dated_element_text(dom: &Dom) -> Option<String> {
    const WORDS: &[&str] = &[
        "date",
        "publish",
        "posted",
        "timestamp",
        "time",
        "meta",
        "byline",
        "fecha",
        "datum",
    ];
    (0..dom.nodes.len())
        .filter(|&id| {
            let ci = dom.class_and_id(id);
            !ci.is_empty() && WORDS.iter().any(|w| ci.contains(w))
        })
        .take(40)
        .find_map(|id| {
            let from_attr = ["datetime", "data-time", "data-date", "title", "content"]
                .iter()
                .find_map(|a| dom.attr(id, a).and_then(date::parse));
            from_attr.or_else(|| {
                let text = fold_whitespace(&dom.text(id));
                (text.len() <= 200)
                    .then(|| date::find_in_text(&text))
                    .flatten()
            })
        })
}

/// Every `<meta>` as (lowercased name or property or itemprop, content).
fn meta_tags(dom: &Dom) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for id in dom.elements_named("meta").take(2000) {
        let Some(content) = dom.attr(id, "content") else {
            continue;
        };
        let content = fold_whitespace(content);
        for key_attr in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(key) = dom.attr(id, key_attr) {
                out.push((key.trim().to_ascii_lowercase(), content.clone()));
            }
        }
    }
    out
}

fn first_attr(dom: &Dom, element: &str, attr: &str) -> Option<String> {
    dom.elements_named(element)
        .find_map(|id| dom.attr(id, attr))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn absolute(url: Option<String>) -> Option<String> {
    url.filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

/// The first JSON-LD object describing an article, searching `@graph` and
/// arrays; JSON that does not parse is skipped.
fn json_ld_article(dom: &Dom) -> Option<Value> {
    let mut found: Vec<(usize, Value)> = Vec::new();
    let scripts = dom.elements_named("script").filter(|&id| {
        dom.attr(id, "type")
            .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
    });
    for id in scripts.take(50) {
        let raw = dom.text(id);
        // Pages often put raw line breaks inside JSON strings, or several
        // objects (or stray text) one after another: take every value that
        // parses, in order.
        let cleaned: String = raw
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let values: Vec<Value> = serde_json::Deserializer::from_str(cleaned.trim())
            .into_iter::<Value>()
            .map_while(Result::ok)
            .take(20)
            .collect();
        for value in values {
            // Iterative walk: JSON-LD can nest, but a stack never overflows.
            let mut stack = vec![value];
            let mut visited = 0;
            while let Some(v) = stack.pop() {
                visited += 1;
                if visited > 10_000 {
                    break;
                }
                match v {
                    Value::Array(items) => stack.extend(items.into_iter().rev()),
                    Value::Object(ref map) => {
                        let rank = article_rank(map.get("@type")).or_else(|| {
                            // A `WebPage` or untyped object still dates the page.
                            map.contains_key("datePublished")
                                .then_some(ARTICLE_TYPES.len())
                        });
                        if let Some(rank) = rank {
                            found.push((rank, v.clone()));
                        }
                        if let Some(graph) = map.get("@graph") {
                            stack.push(graph.clone());
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    crate::order::sort_by_key(&mut found, |(rank, _)| *rank);
    found.into_iter().next().map(|(_, v)| v)
}

fn article_rank(kind: Option<&Value>) -> Option<usize> {
    let kinds: Vec<&str> = match kind? {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
        _ => return None,
    };
    kinds
        .iter()
        .filter_map(|k| {
            let k = k.rsplit('/').next().unwrap_or(k);
            ARTICLE_TYPES.iter().position(|t| *t == k)
        })
        .min()
}

/// A JSON-LD value as text: a string, a number, or the first of a list.
fn text_value(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(fold_whitespace(s)).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => a.iter().find_map(text_value),
        _ => None,
    }
}

/// JSON-LD `author`: a name, an object with a name, or a list of either,
/// joined with commas.
fn authors(v: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(fold_whitespace(s)),
        Value::Object(m) => m.get("name").and_then(text_value),
        _ => None,
    };
    let names: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    let names: Vec<String> = names
        .into_iter()
        .filter(|n| !n.is_empty() && !n.starts_with("http"))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// "Headline | Outlet" → "Headline", when the suffix names the outlet or
/// the separator leaves a clearly longer headline.
/// The registrable part of a URL's host, letters and digits only
/// ("https://www.thehill.com/x" → "thehill").
fn host_name(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').filter(|l| *l != "www").collect();
    let name = match labels.len() {
        0 | 1 => return None,
        // "bbc.co.uk": the label before a two-part public suffix.
        n if n >= 3 && labels[n - 2].len() <= 3 => labels[n - 3],
        n => labels[n - 2],
    };
    Some(name.chars().filter(char::is_ascii_alphanumeric).collect())
}

/// A title without a last (or first) part that names the site: the outlet's
/// name or the URL's host, compared by letters and digits ("TheHill",
/// "The Hill", "thehill.com" are one). Only a part after (or before) a
/// separator is taken off, and never the whole title.
fn strip_named_site(title: &str, outlet: Option<&str>, host: Option<&str>) -> String {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    // "The" in front is optional in a site's name ("The Hill", "TheHill", "thehill.com").
    let bare = |k: String| k.strip_prefix("the").map(str::to_string).unwrap_or(k);
    let names_site = |part: &str| {
        let k = bare(key(part.trim().trim_end_matches(".com")));
        !k.is_empty()
            && (outlet.is_some_and(|o| bare(key(o)) == k)
                || host.is_some_and(|h| bare(h.to_string()) == k))
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if names_site(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if names_site(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let names_outlet = outlet.is_some_and(|o| tail.trim().eq_ignore_ascii_case(o.trim()));
            if names_outlet || (head.len() > 2 * tail.len() && tail.split_whitespace().count() <= 4)
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Meta {
        read(&Dom::parse(html))
    }

    #[test]
    fn the_site_name_leaves_the_headline_whichever_field_holds_it() {
        let cases: &[(&str, &str)] = &[
            (
                r#"<meta property="og:title" content="Governor doubles down on tariffs | TheHill"><link rel="canonical" href="https://thehill.com/x">"#,
                "Governor doubles down on tariffs",
            ),
            (
                r#"<meta property="og:title" content="Port strike ends - The Harbour Gazette"><meta property="og:site_name" content="Harbour Gazette">"#,
                "Port strike ends",
            ),
            (
                r#"<meta property="og:title" content="BBC News - Floods close the M6"><link rel="canonical" href="https://www.bbc.co.uk/news/1">"#,
                "BBC News - Floods close the M6",
            ),
            (
                r#"<meta property="og:title" content="Floods close the M6 - BBC"><link rel="canonical" href="https://www.bbc.co.uk/news/1">"#,
                "Floods close the M6",
            ),
            // A headline that merely ends in a dash phrase keeps it.
            (
                r#"<meta property="og:title" content="Markets rally - and then fall"><link rel="canonical" href="https://thehill.com/x">"#,
                "Markets rally - and then fall",
            ),
        ];
        for (head, want) in cases {
            let m = meta_of(&format!("<html><head>{head}</head><body></body></html>"));
            assert_eq!(m.title.as_deref(), Some(*want), "{head}");
        }
    }

    #[test]
    fn a_utc_stamp_of_an_outlet_in_the_americas_gives_its_day_there() {
        let page = |head: &str, stamp: &str| {
            format!(
                r#"<html{head}><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Bridge closes","datePublished":"{stamp}"}}</script></head><body></body></html>"#
            )
        };
        let cases: &[(&str, &str, &str)] = &[
            // Evening on the east coast is the next morning in UTC.
            (r#" lang="en-US""#, "2020-05-02T02:54:29Z", "2020-05-01"),
            (
                r#" lang="fr-CA""#,
                "2020-01-01T04:30:00+00:00",
                "2019-12-31",
            ),
            // Standard time: five hours behind in winter.
            (r#" lang="en-US""#, "2020-03-01T04:30:00Z", "2020-02-29"),
            (r#" lang="en-US""#, "2020-07-01T04:30:00Z", "2020-07-01"),
            // Elsewhere, or a stamp with its own offset, keeps its day.
            (r#" lang="en-GB""#, "2020-05-02T02:54:29Z", "2020-05-02"),
            (r#" lang="pl""#, "2020-08-19T03:16:00Z", "2020-08-19"),
            (
                r#" lang="en-US""#,
                "2020-05-02T02:54:29-04:00",
                "2020-05-02",
            ),
            (
                r#" lang="en-US""#,
                "Sat May 02 2020 01:30:00 GMT-0400",
                "2020-05-02",
            ),
            // Daylight time from the second Sunday of March (8 March 2020).
            (r#" lang="en-US""#, "2020-03-20T04:30:00Z", "2020-03-20"),
            (r#" lang="en-US""#, "2020-03-07T04:30:00Z", "2020-03-06"),
            // Puerto Rico keeps four hours behind all year.
            (r#" lang="es-PR""#, "2020-01-10T04:30:00Z", "2020-01-10"),
        ];
        for (head, stamp, want) in cases {
            let m = meta_of(&page(head, stamp));
            assert_eq!(m.date.as_deref(), Some(*want), "{head} {stamp}");
        }
        // A country-code address of the Americas says the same.
        let m = meta_of(
            r#"<html lang="fr"><head><link rel="canonical" href="https://nouvelles.example.ca/1">
            <meta property="article:published_time" content="2020-08-25T00:23:33Z"></head></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2020-08-24"));
        // A country-code address elsewhere outweighs a default "en_US".
        let m = meta_of(
            r#"<html lang="en-US"><head><link rel="canonical" href="https://news.example.com.au/1">
            <meta property="article:published_time" content="2020-08-25T02:30:00+00:00"></head></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2020-08-25"));
    }

    #[test]
    fn json_ld_news_article_wins() {
        let m = meta_of(
            r#"<html lang="en-GB"><head>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":"NewsArticle","headline":"Leaders meet",
               "datePublished":"2019-02-25T18:00:00+03:30",
               "author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}],
               "publisher":{"@type":"Organization","name":"The Daily"}}]}</script>
            <meta property="article:published_time" content="2019-02-26">
            </head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Leaders meet"));
        assert_eq!(m.date.as_deref(), Some("2019-02-25"));
        assert_eq!(m.date_source, Some("json-ld"));
        assert_eq!(m.byline.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(m.outlet.as_deref(), Some("The Daily"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn opengraph_and_meta_tags() {
        let m = meta_of(
            r#"<html><head><title>Leaders meet | The Daily</title>
            <meta property="og:site_name" content="The Daily">
            <meta property="og:url" content="https://daily.example/world/leaders-meet">
            <meta name="author" content="C. Reporter">
            <meta name="sailthru.date" content="2019-02-25 10:00:00">
            </head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Leaders meet"));
        assert_eq!(m.outlet.as_deref(), Some("The Daily"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://daily.example/world/leaders-meet")
        );
        assert_eq!(m.byline.as_deref(), Some("C. Reporter"));
        assert_eq!(
            (m.date.as_deref(), m.date_source),
            (Some("2019-02-25"), Some("meta"))
        );
    }

    #[test]
    fn time_element_then_url_then_text() {
        let cases: &[(&str, &str, &str)] = &[
            (
                r#"<body><time datetime="2019-02-25T09:00">Monday</time></body>"#,
                "2019-02-25",
                "time",
            ),
            (
                r#"<head><link rel="canonical" href="https://x.example/2019/02/25/story"></head>"#,
                "2019-02-25",
                "url",
            ),
            (
                r#"<body><div class="post-date">Posted 25 February 2019</div></body>"#,
                "2019-02-25",
                "text",
            ),
            (
                r#"<head><meta name="parsely-page" content='{"pub_date":"2019-02-25T10:00:00Z"}'></head>"#,
                "2019-02-25",
                "meta",
            ),
            // A UTC stamp after midnight UTC, printed on the day before.
            (
                r#"<head><meta property="article:published_time" content="2019-02-26T03:00:00Z"></head>
                <body><p itemprop="datePublished">Monday 25 February 2019, 22:00</p></body>"#,
                "2019-02-25",
                "text",
            ),
        ];
        for (html, day, source) in cases {
            let m = meta_of(html);
            assert_eq!(
                (m.date.as_deref(), m.date_source),
                (Some(*day), Some(*source)),
                "{html}"
            );
        }
    }

    #[test]
    fn broken_json_ld_is_skipped_not_fatal() {
        let m = meta_of(
            r#"<head><script type="application/ld+json">{"@type":"NewsArticle",</script>
            <meta property="og:title" content="Fallback"></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Fallback"));
        assert_eq!(m.date, None);
    }
}
