//! Unit tests for the HTML path: invented pages, one scenario each (see
//! `tests/fixtures/html/README.md`).

use super::*;

const NEWS: &str = include_str!("../../../tests/fixtures/html/news_with_furniture.html");
const HOSTILE: &str = include_str!("../../../tests/fixtures/html/hostile.html");

fn block_texts(doc: &Document, kind: BlockKind) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| &doc.text[b.start..b.end])
        .collect()
}

#[test]
fn main_text_keeps_the_article_and_drops_page_furniture() {
    let doc = ingest_html(NEWS);
    for kept in [
        "The Old Mill bridge reopened to traffic on Monday morning",
        "We lost a third of our trade",
        "ending the long diversion through the industrial estate.",
    ] {
        assert!(doc.text.contains(kept), "lost {kept:?} from {}", doc.text);
    }
    for dropped in [
        "We use cookies",
        "Sport",
        "Share on Facebook",
        "Council approves new budget",
        "About time too",
        "prize marrow",
        "daily newsletter",
        "All rights reserved",
        "window.tracking",
    ] {
        assert!(!doc.text.contains(dropped), "kept {dropped:?}");
    }
}

#[test]
fn removed_furniture_is_listed_with_reasons() {
    let doc = ingest_html(NEWS);
    let reasons: Vec<&str> = doc.removed.iter().map(|r| r.reason.as_str()).collect();
    for reason in [
        "cookie notice",
        // The menu sits inside the page header, listed once as the header.
        "page header",
        "comments",
        "related articles",
        "footer",
    ] {
        assert!(
            reasons.contains(&reason),
            "{reason} missing from {reasons:?}"
        );
    }
    assert!(doc.removed.len() <= MAX_REMOVED);
}

#[test]
fn removed_stays_bounded_on_a_page_of_menus() {
    let menus = "<nav><a href=/a>Section</a> <a href=/b>Other section</a></nav>".repeat(2000);
    let page = format!(
        "<body>{menus}<div class='sidebar'>{}</div><article>{}</article></body>",
        "word ".repeat(10_000),
        "<p>The article itself, with a sentence long enough to be scored as text.</p>".repeat(10)
    );
    let doc = ingest_html(&page);
    assert!(doc.removed.len() <= MAX_REMOVED, "{}", doc.removed.len());
    assert!(doc
        .removed
        .iter()
        .all(|r| r.text.chars().count() < SUMMARY_CHARS + 24));
    assert!(doc.text.starts_with("The article itself"));
}

#[test]
fn blocks_have_kinds_and_lie_inside_the_text() {
    let doc = ingest_html(NEWS);
    for b in &doc.blocks {
        assert!(doc.text.get(b.start..b.end).is_some(), "{b:?}");
    }
    assert!(block_texts(&doc, BlockKind::Heading).contains(&"Traffic returns to the high street"));
    assert!(block_texts(&doc, BlockKind::Caption)
        .iter()
        .any(|c| c.starts_with("Cyclists cross")));
    let joined: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(joined.len(), doc.blocks.len());
}

#[test]
fn metadata_comes_from_json_ld_and_opengraph() {
    let doc = ingest_html(NEWS);
    assert_eq!(
        doc.title.as_deref(),
        Some("Bridge reopens after two-year repair")
    );
    assert_eq!(doc.outlet.as_deref(), Some("The Riverside Courier"));
    assert_eq!(doc.byline.as_deref(), Some("Dana Fielding"));
    assert_eq!(doc.date.as_deref(), Some("2023-04-17"));
    assert_eq!(doc.date_source.as_deref(), Some("json-ld"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://courier.example/local/2023/04/17/bridge-reopens")
    );
    assert_eq!(doc.language.as_deref(), Some("en-GB"));
}

#[test]
fn hostile_markup_yields_only_text() {
    let doc = ingest_html(HOSTILE);
    assert!(doc.text.contains("keep the library open on Saturdays"));
    assert!(doc.text.contains("Read the petition"));
    for bad in [
        "alert",
        "Injected",
        "document.",
        "javascript",
        "onerror",
        "Iframe fallback",
        "stolen",
        "Flash fallback",
        "<",
        ">",
    ] {
        assert!(!doc.text.contains(bad), "{bad:?} in {}", doc.text);
    }
}

#[test]
fn bylines_datelines_and_credits_are_classified() {
    let cases: &[(&str, BlockKind)] = &[
        ("By Dana Fielding", BlockKind::Other),
        ("Dana Fielding, Political Editor", BlockKind::Other),
        ("17 April 2023, 08:30", BlockKind::Other),
        ("Updated: March 3, 2021 at 5:02 pm ET", BlockKind::Other),
        ("Photo: Sam Ortiz/Getty Images", BlockKind::Caption),
        (
            "The council met on 17 April 2023 to agree the budget for next year.",
            BlockKind::Paragraph,
        ),
        ("Shops reopened.", BlockKind::Paragraph),
        ("On March 3, 2020, the council voted.", BlockKind::Paragraph),
    ];
    for (text, want) in cases {
        assert_eq!(classify(text, Some("Dana Fielding")), *want, "{text}");
    }
}

#[test]
fn deep_nesting_neither_overflows_nor_stalls() {
    for tag in ["div", "b", "span", "table"] {
        let mut html = format!("<html><body>{}", format!("<{tag}>").repeat(100_000));
        html.push_str("<p>Text at the bottom of a very deep page.</p>");
        let doc = ingest_html(&html);
        assert!(doc.text.contains("Text at the bottom"), "{tag}");
    }
}

#[test]
fn malformed_markup_never_panics() {
    let cases = [
        "",
        "<",
        "<<<>>>",
        "<p>unclosed <b>bold <i>italic",
        "</p></div></body></html>",
        "<!-- never closed",
        "<script>never closed",
        "<p a='1 b=\"2>text</p>",
        "<meta content='x' property=\"og:title\"><title>é ü 漢字 🎉</title><p>é ü 漢字 🎉</p>",
        "<table><tr><td>a<td>b<tr><td>c</table>",
        "&#0; &#xD800; &#99999999; &amp",
    ];
    for html in cases {
        let doc = ingest_html(html);
        for b in &doc.blocks {
            assert!(doc.text.get(b.start..b.end).is_some(), "{html}");
        }
    }
}

#[test]
fn a_page_without_an_article_keeps_its_visible_text() {
    let doc = ingest_html("<html><body><p>Just one short line.</p></body></html>");
    assert_eq!(doc.text, "Just one short line.");
}

#[test]
fn long_removed_text_is_summarised() {
    let long = "word ".repeat(500);
    let summary = summarise(&long);
    assert!(summary.chars().count() < SUMMARY_CHARS + 20, "{summary}");
    assert!(summary.ends_with("(500 words)"));
    assert_eq!(summarise("  short   menu "), "short menu");
}

#[test]
fn a_five_megabyte_page_is_read_whole() {
    let paragraph = "<p>Officials said the new bridge, which opened on Monday, carries four lanes of traffic.</p>\n";
    let mut html = String::from("<html><body><nav><a href=/>Home</a></nav><article>");
    let mut count = 0;
    while html.len() < 5_000_000 {
        html.push_str(paragraph);
        count += 1;
    }
    html.push_str("</article></body></html>");
    let doc = ingest_html(&html);
    assert_eq!(doc.blocks.len(), count);
    assert!(!doc.text.contains("Home"));
}

#[test]
fn rights_notices_go_but_photo_credits_stay() {
    let body =
        "<p>The article itself, with a sentence long enough to be scored as text, and more.</p>"
            .repeat(8);
    let page = format!(
        "<body><article><figure><img src=a.jpg><figcaption>Crowds at the gate. \
         <span>© AP Photo</span></figcaption></figure>{body}\
         <p>© 2023 The Outlet. All rights reserved.</p></article></body>"
    );
    let doc = ingest_html(&page);
    assert!(doc.text.contains("© AP Photo"), "{}", doc.text);
    assert!(!doc.text.contains("All rights reserved"), "{}", doc.text);
}

#[test]
fn a_visible_by_line_is_the_byline_and_leaves_the_body() {
    let page = |byline: &str| {
        format!(
            "<html><head><title>Port strike ends</title></head><body><article><h1>Port strike ends</h1>\
             <p class=\"byline\">{byline}</p><p>Dock workers returned on Monday after a nine-day strike over shift pay.</p>\
             <p>The union said the deal gives night crews a higher rate.</p></article>\
             <aside><span class=\"author\">Marta Quinn</span> 2 Hours Ago</aside></body></html>"
        )
    };
    let cases: &[(&str, Option<&str>)] = &[
        (
            "By SHELBY MORROW, TOBY ELLIS and KIRBY NASH",
            Some("Shelby Morrow, Toby Ellis, Kirby Nash"),
        ),
        ("by Jane Doe and John Roe", Some("Jane Doe, John Roe")),
        ("BY ANA RUIZ & LEE PARK", Some("Ana Ruiz, Lee Park")),
        ("By Colby Fenn, Staff Writer", Some("Colby Fenn")),
        ("Written by: Dana O'Neil", Some("Dana O'Neil")),
    ];
    for (line, want) in cases {
        let doc = ingest_html(&page(line));
        assert_eq!(doc.byline.as_deref(), *want, "{line}");
        assert!(
            !doc.text.contains(line),
            "{line} left in the body:\n{}",
            doc.text
        );
        assert!(doc.text.contains("Dock workers returned"), "{}", doc.text);
        assert!(doc
            .removed
            .iter()
            .any(|r| r.reason == "byline" && r.text == *line));
    }
    // A sentence that opens with "By" is article text, not a byline.
    let doc = ingest_html(&page(
        "By Tuesday the cranes were moving again, the port said.",
    ));
    assert_eq!(doc.byline, None);
    assert!(doc.text.contains("By Tuesday the cranes"));
}

#[test]
fn a_longer_comment_section_never_becomes_the_article() {
    let comment = |who: &str, words: &str| {
        format!("<li class=\"comment\"><span class=\"comment-author\">{who}</span><p>{words} I have lived near the ferry for twenty years and it has never been this bad, not even in the winter storms of the nineties.</p><a class=\"reply\">Reply</a> <span>7 likes</span></li>")
    };
    for container in [
        "<section id=\"comments\">",
        "<div class=\"comment-list\">",
        "<div id=\"disqus_thread\">",
        "<ol class=\"commentlist replies\">",
    ] {
        let close = if container.starts_with("<section") {
            "</section>"
        } else if container.starts_with("<ol") {
            "</ol>"
        } else {
            "</div>"
        };
        let page = format!(
            "<html><body><div class=\"post\"><h1>Ferry timetable cut</h1><p>The island ferry will run four times a day from May, the operator said.</p>\
             <p>Two evening crossings are dropped to save fuel, it said.</p></div>{container}<h2>31 comments</h2>{}{}{}<a>Load more comments</a>{close}</body></html>",
            comment("harbourgull", "Outrageous."),
            comment("Mairi", "The evening boat is the only one commuters can use."),
            comment("T. Flett", "Write to the council."),
        );
        let doc = ingest_html(&page);
        assert!(
            doc.text.contains("four times a day"),
            "{container}: {}",
            doc.text
        );
        assert!(
            !doc.text.contains("twenty years"),
            "{container}: {}",
            doc.text
        );
        assert!(
            !doc.text.contains("Load more comments") && !doc.text.contains("31 comments"),
            "{container}: {}",
            doc.text
        );
    }
    // An opinion article marked "comment" is still the article.
    let page = "<html><body><article class=\"content content--comment\"><h1>Keep the evening boat</h1><p>The operator's cut falls on the people with the least choice, and the council should say so plainly before May.</p><p>Commuters have no other way home.</p></article></body></html>";
    assert!(ingest_html(page).text.contains("least choice"));
}
