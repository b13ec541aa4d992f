//! Saved web pages of the kinds other extractors are known to get wrong
//! (each kind after a public bug report; `../shared/cases/` 06, 07, 10 and
//! 11), written here as our own small pages, several per kind: a page in,
//! the document a reader expects out (sentences, body, byline, date).
//! The shared cases themselves are checked too when `../shared` is there.

mod common;

use parallax::ingest::{ingest, Document};
use parallax::segment::segment;

fn page(html: &str) -> Document {
    ingest("page.html", html.as_bytes())
        .into_iter()
        .next()
        .expect("one document")
        .expect("the page reads")
}

fn sentences(doc: &Document) -> Vec<String> {
    segment(doc)
        .iter()
        .map(|s| doc.text[s.start..s.end].trim().to_string())
        .collect()
}

/// Kind 06: an inline link inside a paragraph does not cut it, `<br><br>`
/// does, a heading never glues onto the sentence before it, and numeric
/// references in 128-159 are windows-1252 characters.
#[test]
fn links_breaks_headings_and_legacy_references_read_as_a_reader_sees_them() {
    let pages = [
        "<html><head><title>Choir wins county title</title></head><body><div id='story'>\
         The <a href='/c'>Eastfield Community Choir</a>, founded by retired teachers in 2009, \
         won the county title in Ashford on Saturday.<br><br>\
         The judges praised its &#147;fearless&#148; programme of new works.\
         <h3>Next round</h3>The choir sings in the regional final in May.</div></body></html>",
        "<html><head><title>Choir wins county title</title></head><body><section>\
         <p>The <b><a href='/c'>Eastfield Community Choir</a></b>, founded by retired teachers in 2009, \
         won the county title in Ashford on Saturday.</p>\
         <p>The judges praised its &#147;fearless&#148; programme of new works.</p>\
         <h4>Next round</h4><p>The choir sings in the regional final in May.</p></section></body></html>",
    ];
    for html in pages {
        let doc = page(html);
        let got = sentences(&doc);
        for want in [
            "The Eastfield Community Choir, founded by retired teachers in 2009, won the county title in Ashford on Saturday.",
            "The judges praised its “fearless” programme of new works.",
            "The choir sings in the regional final in May.",
        ] {
            assert!(got.iter().any(|s| s == want), "{want:?} not in {got:#?}");
        }
        assert!(!doc.text.contains('\u{93}'), "a C1 control character kept");
        assert!(
            !got.iter()
                .any(|s| s.contains("Next round") && s.len() > "Next round".len() + 2),
            "the heading glued to a sentence: {got:#?}"
        );
    }
}

/// Kind 07: a short article followed by a longer comment section, marked
/// by class names or by nothing but its shape, keeps the article only.
#[test]
fn a_longer_comment_section_never_becomes_the_article() {
    let story = "<h1>Library extends its opening hours</h1>\
        <p>The town library will open until eight in the evening from next month, the council said.</p>\
        <p>The change follows a survey in which most members asked for later hours on weekdays.</p>";
    let comment = |who: &str| {
        format!(
            "<div><p><b>{who}</b> <span>5 hours ago</span></p><p>We asked for this for years and \
             nobody listened; the survey was only sent to people who already use the library in \
             the mornings, which says a great deal about how the council consults anyone.</p>\
             <a href='#'>Reply</a> <span>4 likes</span></div>"
        )
    };
    let thread: String = ["reader1", "bookworm", "Jo K.", "night_owl"]
        .iter()
        .map(|w| comment(w))
        .collect();
    let pages = [
        format!(
            "<main><div class='entry'>{story}</div><div id='comments'><h2>18 comments</h2>{thread}\
             <a href='#'>Load more comments</a></div></main>"
        ),
        format!(
            "<main><article>{story}<section><h2>18 comments</h2>{thread}\
             <a href='#'>Load more comments</a></section></article></main>"
        ),
    ];
    for html in &pages {
        let doc = page(&format!(
            "<html><head><title>Library extends its opening hours</title></head><body>{html}</body></html>"
        ));
        assert!(doc.text.contains("open until eight"), "{}", doc.text);
        assert!(doc.text.contains("later hours on weekdays"), "{}", doc.text);
        for gone in [
            "We asked for this",
            "18 comments",
            "Load more",
            "Reply",
            "likes",
        ] {
            assert!(!doc.text.contains(gone), "{gone:?} in {}", doc.text);
        }
    }
}

/// Kind 10: a number in the URL path that is an article id is not a day;
/// the date line the page shows under its headline is the date.
#[test]
fn the_visible_date_line_wins_over_an_article_id_in_the_url() {
    let lines = [
        ("Posted on Tue, 9 March 2021 - 08:15", "2021-03-09"),
        (
            "Tuesday March 9, 2021 8:15 am EST by Dana Okafor",
            "2021-03-09",
        ),
        ("Published 09/03/2021 | Updated 10/03/2021", "2021-03-09"),
    ];
    for (line, want) in lines {
        let doc = page(&format!(
            "<html><head><title>Dock workers vote to strike</title>\
             <link rel='canonical' href='https://news.example/ports/2021/03/15230'></head><body>\
             <h1>Dock workers vote to strike</h1><div class='x-meta'>{line}</div>\
             <div class='content'><p>Dock workers at the two largest ports voted on Monday to strike over pay, \
             their union said, after talks with the port operators broke down.</p></div></body></html>"
        ));
        assert_eq!(doc.date.as_deref(), Some(want), "{line}");
    }
    // A comment's date under an article with no date of its own is no date.
    let doc = page(
        "<html><head><title>Dock workers vote to strike</title></head><body>\
         <h1>Dock workers vote to strike</h1><div class='content'><p>Dock workers at the two largest \
         ports voted on Monday to strike over pay, their union said.</p></div>\
         <div class='comments'><p>March 12, 2021</p><p>Good for them.</p></div></body></html>",
    );
    assert_eq!(doc.date, None);
}

/// Kind 11: bylines in capitals whose names hold "by" (SHELBY, TOBY) keep
/// them whole; authors of other stories in a sidebar never join.
#[test]
fn bylines_keep_names_that_contain_by_and_leave_sidebars_out() {
    let bylines = [
        "By SHELBY NAKAMURA and TOBY ASANTE",
        "BY Shelby Nakamura &amp; Toby Asante",
        "Written by: Shelby Nakamura and Toby Asante",
    ];
    for line in bylines {
        let doc = page(&format!(
            "<html><head><title>Council approves new bus lanes</title></head><body><main><article>\
             <h1>Council approves new bus lanes</h1><p class='author-line'>{line}</p>\
             <p>The city council on Tuesday approved bus lanes on four main roads, to open next spring.</p>\
             <p>Shop owners on two of the roads had asked for the plan to be delayed.</p></article>\
             <aside><ul><li><a href='/x'>Tram fares to rise</a> <span>2 Hours Ago</span> \
             <span>Bobby Lindgren</span></li></ul></aside></main></body></html>"
        ));
        let byline = doc.byline.clone().unwrap_or_default();
        assert_eq!(byline, "Shelby Nakamura, Toby Asante", "{line}");
        assert!(
            !doc.text.contains("NAKAMURA"),
            "the byline stayed in the body"
        );
    }
}

/// An "author" in the metadata that is only the site's own name gives way
/// to the byline the page shows.
#[test]
fn a_site_name_as_author_gives_way_to_the_visible_byline() {
    let doc = page(
        "<html><head><title>Council approves new bus lanes</title>\
         <meta name='author' content='citypaper'>\
         <link rel='canonical' href='https://www.citypaper.example/news/bus-lanes'></head><body>\
         <h1>Council approves new bus lanes</h1><div><span class='story-author'>Dana Okafor</span></div>\
         <div class='content'><p>The city council on Tuesday approved bus lanes on four main roads.</p></div>\
         </body></html>",
    );
    assert_eq!(doc.byline.as_deref(), Some("Dana Okafor"));
}

/// The shared cases as their `case.json` states them, when present.
#[test]
fn the_shared_cases_for_pages_hold() {
    let Some(shared) = common::shared_dir("page_cases") else {
        return;
    };
    for case in [
        "06-extract-inline-link-charref",
        "07-extract-comments",
        "10-date-url-article-id",
        "11-byline-names-with-by",
    ] {
        let dir = shared.join("cases").join(case);
        let spec: serde_json::Value = serde_json::from_slice(
            &std::fs::read(dir.join("case.json")).expect("case.json readable"),
        )
        .expect("case.json is JSON");
        let doc = page(&std::fs::read_to_string(dir.join("page.html")).expect("page readable"));
        let expect = &spec["expect"];
        let strings = |key: &str| -> Vec<String> {
            expect[key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        let got = sentences(&doc);
        for s in strings("sentence_present") {
            assert!(got.contains(&s), "{case}: {s:?} not in {got:#?}");
        }
        for s in strings("body_contains") {
            assert!(doc.text.contains(&s), "{case}: {s:?} missing");
        }
        for s in strings("body_excludes") {
            assert!(!doc.text.contains(&s), "{case}: {s:?} kept");
        }
        let byline = doc.byline.clone().unwrap_or_default().to_lowercase();
        for s in strings("byline_contains_ci") {
            assert!(byline.contains(&s), "{case}: {s:?} not in {byline:?}");
        }
        for s in strings("byline_excludes_ci") {
            assert!(!byline.contains(&s), "{case}: {s:?} in {byline:?}");
        }
        if let Some(date) = expect["date"].as_str() {
            assert_eq!(doc.date.as_deref(), Some(date), "{case}");
        }
        if let Some(title) = expect["title"].as_str() {
            assert_eq!(doc.title.as_deref(), Some(title), "{case}");
        }
    }
}
