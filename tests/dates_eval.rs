//! Publication dates measured on `../shared/eval/dates/` (htmldate's
//! `eval_mediacloud_2020` pages): the day Parallax reads from each page's
//! HTML alone (never the gold URL) against the gold day.
//! `PARALLAX_EVAL_VERBOSE=1` prints every miss.

mod common;

#[test]
fn publication_day_on_the_benchmark_pages() {
    let Some(shared) = common::shared_dir("dates_eval") else {
        return;
    };
    let dir = shared.join("eval/dates");
    // Two pages have no known date, written `NaN` (not JSON): they count as
    // right when Parallax gives no date either.
    let raw = std::fs::read_to_string(dir.join("gold.json")).expect("gold readable");
    let gold: serde_json::Value =
        serde_json::from_str(&raw.replace(": NaN", ": null")).expect("gold is JSON");
    let gold = gold.as_object().expect("gold is an object");
    let verbose = std::env::var("PARALLAX_EVAL_VERBOSE").is_ok();
    let mut right = 0;
    // Which reader gave each right day: a figure resting on the loosest
    // readers (text, url) is the one most likely to fall on unseen pages.
    let mut by_source = std::collections::BTreeMap::<String, (u32, u32)>::new();
    for (file, item) in gold {
        let bytes = std::fs::read(dir.join(file)).expect("page readable");
        let doc = parallax::ingest::ingest(file, &bytes)
            .into_iter()
            .next()
            .and_then(Result::ok);
        let (date, source) = doc.map(|d| (d.date, d.date_source)).unwrap_or((None, None));
        let want = item["date"].as_str();
        let tally = by_source
            .entry(source.clone().unwrap_or_else(|| "none".into()))
            .or_default();
        tally.1 += 1;
        if date.as_deref() == want {
            right += 1;
            tally.0 += 1;
        } else if verbose {
            println!("{file}: want {want:?}, got {date:?} from {source:?}");
        }
    }
    let accuracy = f64::from(right) / gold.len() as f64;
    println!("date accuracy {accuracy:.2} ({right} of {})", gold.len());
    for (source, (hit, all)) in &by_source {
        println!("  from {source}: {hit} right of {all}");
    }
    assert!(accuracy >= 0.94, "date accuracy fell to {accuracy:.2}");
}

/// A second, independent check: the article-extraction pages
/// (`../shared/eval/article_extraction/`, never used to tune the date
/// reader's sources) whose address carries a full date (`/2019/11/18/`).
/// That day is the outlet's own calendar day; the reader is scored on the
/// HTML, and a page whose day it read from the address itself (its last
/// resort) is left out of the count.
#[test]
fn publication_day_against_dated_addresses() {
    let Some(shared) = common::shared_dir("dates_eval") else {
        return;
    };
    let dir = shared.join("eval/article_extraction");
    let raw = std::fs::read_to_string(dir.join("ground-truth.json")).expect("gold readable");
    let gold: serde_json::Value = serde_json::from_str(&raw).expect("gold is JSON");
    let verbose = std::env::var("PARALLAX_EVAL_VERBOSE").is_ok();
    let (mut right, mut scored) = (0, 0);
    for (id, item) in gold.as_object().expect("gold is an object") {
        let url = item["url"].as_str().unwrap_or("");
        let Some(want) = dated_path(url) else {
            continue;
        };
        let file = format!("{id}.html");
        let bytes = std::fs::read(dir.join(&file)).expect("page readable");
        let doc = parallax::ingest::ingest(&file, &bytes)
            .into_iter()
            .next()
            .and_then(Result::ok);
        let (date, source) = doc.map(|d| (d.date, d.date_source)).unwrap_or((None, None));
        if source.as_deref() == Some("url") {
            continue;
        }
        scored += 1;
        if date.as_deref() == Some(want.as_str()) {
            right += 1;
        } else if verbose {
            println!("{url}: want {want}, got {date:?} from {source:?}");
        }
    }
    let accuracy = f64::from(right) / f64::from(scored.max(1));
    println!("date accuracy on dated addresses {accuracy:.2} ({right} of {scored})");
    assert!(scored >= 15, "too few dated addresses: {scored}");
    assert!(
        accuracy >= 0.85,
        "date accuracy on dated addresses fell to {accuracy:.2}"
    );
}

/// `YYYY-MM-DD` from a `/YYYY/MM/DD/` or `/YYYY-MM-DD/` path segment run.
fn dated_path(url: &str) -> Option<String> {
    let parts: Vec<&str> = url.split(['/', '-']).collect();
    parts.windows(3).find_map(|w| {
        let (y, m, d) = (w[0], w[1], w[2]);
        let ok = y.len() == 4
            && y.starts_with("20")
            && (1..=2).contains(&m.len())
            && (1..=2).contains(&d.len())
            && [y, m, d]
                .iter()
                .all(|p| p.chars().all(|c| c.is_ascii_digit()));
        let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        (ok && (1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y}-{m:02}-{d:02}"))
    })
}
