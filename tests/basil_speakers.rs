//! Quotation speakers measured on BASIL (dev triplets read from
//! `../shared/eval/basil/` at run time): the share of quotation annotations
//! with a named-person speaker that the pipeline gives to that person.
//!
//! Gold: every annotation with `quote: "yes"` whose `speaker` label names a
//! person. BASIL's labels mix people (`Donald_Trump`) with groups
//! (`Tea_Party`, `House_Democrats`, `Democratic_lawmakers`) and stances
//! (`other_anti`), so a label counts as a person only when the triplet's own
//! text treats it as one:
//! - it has at least two words (suffixes `Jr.`/`Sr.` aside), each capitalised;
//! - none of its words occurs in lower case in the triplet (a name is not a
//!   common word: "party", "lawmakers");
//! - its last word is not the plural of a word the triplet uses ("Democrats"
//!   beside "Democrat");
//! - its first word is followed by its last word somewhere in the triplet,
//!   with at most two words between ("Donald J. Trump").
//!
//! Scoring: the annotated text is located in its document's clean text (the
//! Report's `text`, the three outlets analysed together as one corpus); the
//! quotation overlapping it most must have a speaker containing the label's
//! last name word (and its suffix, when the label has one).
//!
//! The triplets are split by a hash of their folder name into a tuning part
//! and an aside part. Both figures are printed; the aside part is for
//! checking that a change carries over, not for looking at while tuning.

mod common;

use parallax::quotes::names::fold_name_word;
use serde_json::Value;
use std::collections::BTreeMap;

const OUTLETS: [&str; 3] = ["foxnews", "nytimes", "huffpost"];
const SUFFIXES: [&str; 4] = ["Jr.", "Sr.", "II", "III"];

/// FNV-1a, so the split does not depend on the standard library's hasher.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn is_aside(group: &str) -> bool {
    fnv(group) % 2 == 1
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The label's name words (suffix aside) when the triplet's text treats the
/// label as a person's name, per the rule in the module doc.
fn person(label: &str, triplet: &str) -> Option<(Vec<String>, Option<String>)> {
    let parts: Vec<&str> = label.split('_').filter(|w| !w.is_empty()).collect();
    let suffix = parts
        .iter()
        .find(|w| SUFFIXES.contains(w))
        .map(|s| s.trim_end_matches('.').to_string());
    let name: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|w| !SUFFIXES.contains(w))
        .collect();
    if name.len() < 2 || !name.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    let toks = words(triplet);
    if name
        .iter()
        .any(|w| toks.iter().any(|t| *t == w.to_lowercase()))
    {
        return None;
    }
    let last = *name.last().unwrap();
    if let Some(singular) = last.strip_suffix('s') {
        if toks.contains(&singular) {
            return None;
        }
    }
    let first = name[0];
    let named = toks
        .iter()
        .enumerate()
        .any(|(i, t)| *t == first && toks[i + 1..].iter().take(3).any(|u| *u == last));
    named.then(|| (name.iter().map(|w| w.to_string()).collect(), suffix))
}

/// Byte offset to UTF-16 offset.
fn utf16_at(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

#[derive(Default)]
struct Tally {
    gold: usize,
    right: usize,
}

#[test]
fn basil_named_speakers() {
    let Some(shared) = common::shared_dir("basil_speakers") else {
        return;
    };
    let dir = shared.join("eval/basil");
    let lines = std::fs::read_to_string(dir.join("annotations.jsonl")).expect("annotations.jsonl");
    let mut by_group: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let a: Value = serde_json::from_str(line).expect("valid JSON line");
        if a["quote"] == "yes" {
            let g = a["group"].as_str().unwrap().to_string();
            by_group.entry(g).or_default().push(a);
        }
    }
    let verbose = std::env::var("BASIL_VERBOSE").is_ok();
    let (mut tune, mut aside) = (Tally::default(), Tally::default());
    for (group, annotations) in &by_group {
        let texts: Vec<(String, Vec<u8>)> = OUTLETS
            .iter()
            .map(|o| {
                let name = format!("{group}/{o}.txt");
                let bytes = std::fs::read(dir.join(&name)).expect("article text");
                (name, bytes)
            })
            .collect();
        let triplet: String = texts
            .iter()
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .collect::<Vec<_>>()
            .join("\n");
        let gold: Vec<(&Value, Vec<String>, Option<String>)> = annotations
            .iter()
            .filter_map(|a| {
                let (name, suffix) = person(a["speaker"].as_str()?, &triplet)?;
                Some((a, name, suffix))
            })
            .collect();
        if gold.is_empty() {
            continue;
        }
        let inputs: Vec<parallax::Input> = texts
            .into_iter()
            .map(|(name, bytes)| parallax::Input { name, bytes })
            .collect();
        let report = parallax::analyze(&inputs, &parallax::Options::default());
        let tally = if is_aside(group) {
            &mut aside
        } else {
            &mut tune
        };
        for (a, name, suffix) in gold {
            tally.gold += 1;
            let outlet = a["outlet"].as_str().unwrap();
            let Some(doc) = OUTLETS.iter().position(|o| *o == outlet) else {
                continue;
            };
            let text = &report.documents[doc].text;
            let want = a["txt"].as_str().unwrap_or("").trim();
            let Some(at) = text.find(want).filter(|_| !want.is_empty()) else {
                if verbose && !is_aside(group) {
                    eprintln!("{group} {outlet}: annotated text not in the clean text: {want:?}");
                }
                continue;
            };
            let (s, e) = (utf16_at(text, at), utf16_at(text, at + want.len()));
            let best = report
                .quotes
                .iter()
                .filter(|q| q.doc == doc && q.start < e && s < q.end)
                .max_by_key(|q| q.end.min(e) - q.start.max(s));
            let surname = fold_name_word(name.last().unwrap());
            let right = best.and_then(|q| q.speaker.as_deref()).is_some_and(|sp| {
                let got: Vec<String> = words(sp).into_iter().map(fold_name_word).collect();
                got.contains(&surname)
                    && suffix
                        .as_ref()
                        .is_none_or(|x| got.contains(&fold_name_word(x)))
            });
            if right {
                tally.right += 1;
            } else if verbose && !is_aside(group) {
                // Only the tuning part's misses are listed: the aside part
                // stays unread while tuning.
                eprintln!(
                    "{group} {outlet} {}: want {}, got {:?} ({:?}) for {want:?}",
                    if is_aside(group) { "aside" } else { "tune" },
                    name.join(" "),
                    best.map(|q| q.speaker.clone()),
                    best.map(|q| q.speaker_given.clone()),
                );
            }
        }
    }
    let share = |t: &Tally| t.right as f64 / t.gold.max(1) as f64;
    println!(
        "basil named speakers, tuning: {:.3} ({}/{})",
        share(&tune),
        tune.right,
        tune.gold
    );
    println!(
        "basil named speakers, aside: {:.3} ({}/{})",
        share(&aside),
        aside.right,
        aside.gold
    );
    assert!(
        tune.gold + aside.gold > 80,
        "the gold set looks too small: {}",
        tune.gold + aside.gold
    );
    // Floors a little below the figures first measured (tuning 0.820,
    // aside 0.943). The aside figure was read only after the work of issue
    // 16 was done, and did not move.
    assert!(share(&tune) >= 0.78, "tuning share {:.3}", share(&tune));
    assert!(share(&aside) >= 0.90, "aside share {:.3}", share(&aside));
}

#[test]
fn person_rule_keeps_people_and_leaves_groups_out() {
    let text = "Donald J. Trump met House Democrats. One Democrat said the Tea Party \
                was a party of one. Rep. Elijah Cummings spoke.";
    assert!(person("Donald_Trump", text).is_some());
    assert!(person("Elijah_Cummings", text).is_some());
    assert!(person("House_Democrats", text).is_none());
    assert!(person("Tea_Party", text).is_none());
    assert!(person("other_anti", text).is_none());
    assert!(person("BuzzFeed", text).is_none());
    assert_eq!(
        person("Donald_Trump_Jr.", text).and_then(|p| p.1),
        Some("Jr".to_string())
    );
}
