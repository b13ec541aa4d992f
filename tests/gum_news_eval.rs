//! Sentence boundaries on real news text as a user drops it: the Wikinews
//! articles of GUM (`../shared/eval/gum_news/docs.json`, gold sentences with
//! the headline, dateline and captions as units of their own) read as `.txt`
//! files, once as given (paragraphs apart) and once with every paragraph
//! break replaced by a space, as text copied from a page or taken from a
//! JSON record's body arrives.
//!
//! Boundary F1: the places where a unit starts or ends, counted in the text
//! without its whitespace, predicted against gold (the text's own start and
//! end left out). Units are the document's sentences plus the headline,
//! dateline and date line that ingest takes out as metadata, found in the
//! text in order. Seven documents tune, three (chosen by name, see
//! [`ASIDE`]) are looked at only after a change: both figures are printed.
//! `PARALLAX_EVAL_VERBOSE=1` prints each missed or extra boundary.

mod common;

use std::collections::BTreeSet;

use parallax::ingest::ingest;
use parallax::segment::segment;

/// The documents kept aside: the last three by name.
const ASIDE: &[&str] = &["GUM_news_soccer", "GUM_news_taxes", "GUM_news_warming"];

/// Text without whitespace, with a map back to nothing: only positions in
/// this stream are compared.
fn squeeze(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Start and end positions of units laid one after another in `stream`;
/// a unit not found (text ingest dropped or rewrote) adds nothing.
fn boundaries(stream: &[char], units: &[String]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let mut cursor = 0;
    for unit in units {
        let u = squeeze(unit);
        if u.is_empty() {
            continue;
        }
        // Search a little ahead of the cursor only: a unit repeated later
        // in the text must not jump there.
        let limit = (cursor + 120 + u.len()).min(stream.len());
        let found = (cursor..limit.saturating_sub(u.len()) + 1)
            .find(|&p| p + u.len() <= stream.len() && stream[p..p + u.len()] == u[..]);
        if let Some(p) = found {
            out.insert(p);
            out.insert(p + u.len());
            cursor = p + u.len();
        }
    }
    out.remove(&0);
    out.remove(&stream.len());
    out
}

/// The units Parallax reads from one text file.
fn predicted_units(text: &str) -> Vec<String> {
    let doc = ingest("article.txt", text.as_bytes())
        .into_iter()
        .next()
        .expect("one document")
        .expect("the text reads");
    let mut units: Vec<String> = Vec::new();
    // What ingest took out of the top, in the order it stood there.
    let mut head: Vec<(usize, String)> = [doc.title.clone(), doc.dateline.clone()]
        .into_iter()
        .flatten()
        .chain(
            doc.removed
                .iter()
                .filter(|r| r.reason.contains("date"))
                .map(|r| r.text.clone()),
        )
        .filter_map(|u| Some((text.find(u.trim())?, u)))
        .collect();
    head.sort();
    units.extend(head.into_iter().map(|(_, u)| u));
    units.extend(
        segment(&doc)
            .iter()
            .map(|s| doc.text[s.start..s.end].to_string()),
    );
    units
}

#[derive(Default)]
struct Tally {
    hit: usize,
    predicted: usize,
    gold: usize,
}

impl Tally {
    fn f1(&self) -> f64 {
        let p = self.hit as f64 / self.predicted.max(1) as f64;
        let r = self.hit as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[test]
fn sentence_boundaries_on_news_with_and_without_blank_lines() {
    let Some(shared) = common::shared_dir("gum_news_eval") else {
        return;
    };
    let raw = std::fs::read(shared.join("eval/gum_news/docs.json")).expect("docs.json readable");
    let docs: Vec<serde_json::Value> = serde_json::from_slice(&raw).expect("docs.json is JSON");
    let verbose = std::env::var("PARALLAX_EVAL_VERBOSE").is_ok();
    // [as given, run together] × [tune, aside]
    let mut tallies: [[Tally; 2]; 2] = Default::default();
    for d in &docs {
        let id = d["id"].as_str().expect("an id");
        let text = d["text"].as_str().expect("a text");
        let gold_units: Vec<String> = d["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s.as_str().expect("a sentence").to_string())
            .collect();
        let stream = squeeze(text);
        let gold = boundaries(&stream, &gold_units);
        let run_together = text.split("\n\n").collect::<Vec<_>>().join(" ");
        for (way, input) in [text.to_string(), run_together].iter().enumerate() {
            let predicted = boundaries(&stream, &predicted_units(input));
            let t = &mut tallies[way][usize::from(ASIDE.contains(&id))];
            t.hit += predicted.intersection(&gold).count();
            t.predicted += predicted.len();
            t.gold += gold.len();
            if verbose {
                let at = |p: usize| {
                    stream[p.saturating_sub(25)..(p + 25).min(stream.len())]
                        .iter()
                        .collect::<String>()
                };
                for p in gold.difference(&predicted) {
                    println!("{id} [{way}] missed …{}…", at(*p));
                }
                for p in predicted.difference(&gold) {
                    println!("{id} [{way}] extra  …{}…", at(*p));
                }
            }
        }
    }
    for (way, name) in ["as given", "paragraph breaks as spaces"]
        .iter()
        .enumerate()
    {
        println!(
            "GUM news boundary F1 ({name}): {:.3} on the tuning documents, {:.3} on the three aside",
            tallies[way][0].f1(),
            tallies[way][1].f1()
        );
    }
    let all = |way: usize| Tally {
        hit: tallies[way][0].hit + tallies[way][1].hit,
        predicted: tallies[way][0].predicted + tallies[way][1].predicted,
        gold: tallies[way][0].gold + tallies[way][1].gold,
    };
    assert!(
        all(0).f1() >= 0.95,
        "with blank lines F1 fell to {:.3}",
        all(0).f1()
    );
    assert!(
        all(1).f1() >= 0.93,
        "without blank lines F1 fell to {:.3}",
        all(1).f1()
    );
}
