//! Quotations and speakers measured on PolNeAR (dev split, 84 political news
//! articles, read from `../shared/eval/polnear/` at run time).
//!
//! Gold quotations: every attribution whose content is a direct quotation.
//! - `direct_quote: true`: each content span (trimmed of spaces and quotation
//!   marks) is one gold quotation;
//! - otherwise, each of its `quoted_segments` found inside the content (a
//!   segment joined with " … " over a gap is looked up piece by piece).
//!
//! Matching: a gold quotation is found when the predicted quotations
//! overlapping it cover at least half of its tokens (whitespace tokens).
//! Recall = found gold / gold. Precision = predicted quotations that cover
//! half of a gold quotation's tokens or lie at least half inside gold
//! quotations / predicted quotations; scare quotes (`term`) and quotations
//! nested in another are not counted as predictions, since PolNeAR only
//! annotates attributed speech.
//!
//! Speaker: the gold source's head name is the last word of the source
//! text's head phrase (the text before its first comma or preposition,
//! without parentheses or initials) when that word is capitalised and not a
//! pronoun, title or determiner: "Donald Trump" → Trump, "Breitbart News
//! Daily host Alex Marlow" → Marlow, "Rep. Charles Rangel of New York" →
//! Rangel, "the senator from Vermont" and "the New York businessman" → no
//! name; a pronoun
//! source ("he", "she") takes the head name of the nearest earlier
//! attribution with one; other sources ("a source", "officials") have no
//! name and are not scored. The prediction is right when the speaker name it
//! gives (the fullest name the article gives that person) contains a word
//! that folds to the head name. Scored over found gold quotations with a head
//! name, using the predicted quotation that overlaps the gold one most.

mod common;

use parallax::quotes::{find_quotes, names::fold_name_word, QuoteKind};
use parallax::segment::Sentence;
use serde_json::Value;

struct Gold {
    start: usize,
    end: usize,
    head: Option<String>,
}

/// Byte offset of each char index (PolNeAR offsets count code points).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut map: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    map.push(text.len());
    map
}

fn trim_marks(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let is_mark = |c: char| c.is_whitespace() || "\"“”‘’'«»„…".contains(c);
    while s < e {
        let c = text[s..].chars().next().unwrap();
        if !is_mark(c) {
            break;
        }
        s += c.len_utf8();
    }
    while e > s {
        let c = text[..e].chars().next_back().unwrap();
        if !is_mark(c) {
            break;
        }
        e -= c.len_utf8();
    }
    (s, e)
}

const NOT_HEADS: &[&str] = &[
    "He",
    "She",
    "They",
    "It",
    "I",
    "We",
    "You",
    "His",
    "Her",
    "The",
    "A",
    "An",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
    "Sen",
    "Senator",
    "Gov",
    "Rep",
    "Secretary",
    "Former",
    "This",
    "That",
];

fn head_name(source: &str) -> Option<String> {
    // The head noun phrase ends at the first comma or preposition: "Rep.
    // Charles Rangel of New York" → Rangel, "the senator from Vermont" → none.
    // Parenthesised party and state ("(D-N.C.)") are not the name.
    let mut plain = String::new();
    let mut depth = 0;
    for c in source.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let cut = plain
        .split(',')
        .next()
        .unwrap_or(source)
        .split(' ')
        .take_while(|w| {
            !matches!(
                *w,
                "of" | "from" | "at" | "in" | "for" | "with" | "on" | "to" | "who" | "and"
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    cut.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_end_matches(['\'', '’'])
        })
        .rfind(|w| w.chars().count() > 1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && !NOT_HEADS.contains(w))
        .map(str::to_string)
}

fn is_pronoun(source: &str) -> bool {
    matches!(
        source.trim().to_lowercase().as_str(),
        "he" | "she" | "him" | "her"
    )
}

fn gold_of(text: &str, article: &Value) -> Vec<Gold> {
    let to_byte = char_to_byte(text);
    let byte = |c: u64| to_byte.get(c as usize).copied().unwrap_or(text.len());
    let mut attributions: Vec<&Value> =
        article["attributions"].as_array().unwrap().iter().collect();
    attributions.retain(|a| a.get("content").is_some());
    attributions.sort_by_key(|a| a["content"]["spans"][0][0].as_u64());
    let mut last_head: Option<String> = None;
    let mut gold = Vec::new();
    for a in attributions {
        let source = a
            .get("source")
            .and_then(|s| s["text"].as_str())
            .unwrap_or("");
        let head = match head_name(source) {
            Some(h) => Some(h),
            None if is_pronoun(source) => last_head.clone(),
            None => None,
        };
        if head_name(source).is_some() {
            last_head = head.clone();
        }
        let direct = a["direct_quote"].as_bool().unwrap_or(false);
        let segments: Vec<&str> = a["quoted_segments"]
            .as_array()
            .map(|s| s.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let spans: Vec<(usize, usize)> = a["content"]["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (byte(s[0].as_u64().unwrap()), byte(s[1].as_u64().unwrap())))
            .collect();
        if direct {
            for &(s, e) in &spans {
                let (s, e) = trim_marks(text, s, e);
                if s < e {
                    gold.push(Gold {
                        start: s,
                        end: e,
                        head: head.clone(),
                    });
                }
            }
        } else if !segments.is_empty() {
            let lo = spans.iter().map(|s| s.0).min().unwrap_or(0);
            let hi = spans.iter().map(|s| s.1).max().unwrap_or(text.len());
            let lo = text.floor_char_boundary_compat(lo.saturating_sub(2));
            let hi = text.floor_char_boundary_compat(hi + 2);
            for seg in segments {
                let pieces: Vec<&str> = if text[lo..hi].contains(seg) {
                    vec![seg]
                } else {
                    seg.split(" … ").collect()
                };
                for piece in pieces {
                    let piece = piece.trim();
                    if piece.is_empty() {
                        continue;
                    }
                    if let Some(p) = text[lo..hi].find(piece) {
                        let (s, e) = trim_marks(text, lo + p, lo + p + piece.len());
                        if s < e {
                            gold.push(Gold {
                                start: s,
                                end: e,
                                head: head.clone(),
                            });
                        }
                    }
                }
            }
        }
    }
    gold
}

trait FloorCompat {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorCompat for str {
    fn floor_char_boundary_compat(&self, i: usize) -> usize {
        parallax::span::floor_boundary(self, i)
    }
}

/// Whitespace tokens of `s..e` as byte ranges.
fn tokens(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[s..e].char_indices() {
        if c.is_whitespace() {
            if let Some(b) = start.take() {
                out.push((s + b, s + i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(b) = start {
        out.push((s + b, e));
    }
    out
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[derive(Default)]
struct Tally {
    predicted: usize,
    correct_predicted: usize,
    gold: usize,
    found: usize,
    speaker_scored: usize,
    speaker_right: usize,
}

fn score_article(text: &str, gold: &[Gold], tally: &mut Tally) {
    let sentences: Vec<Sentence> = parallax::segment::plain_sentences(text);
    let quotes = find_quotes(text, &sentences);
    let counted: Vec<_> = quotes
        .iter()
        .filter(|q| q.depth == 0 && q.kind != QuoteKind::Term)
        .collect();
    let all_top: Vec<_> = quotes.iter().filter(|q| q.depth == 0).collect();
    for q in &counted {
        tally.predicted += 1;
        let toks = tokens(text, q.start, q.end);
        let inside = toks
            .iter()
            .filter(|t| gold.iter().any(|g| overlaps(**t, (g.start, g.end))))
            .count();
        let covers_one = gold.iter().any(|g| {
            let gt = tokens(text, g.start, g.end);
            let hit = gt
                .iter()
                .filter(|t| overlaps(**t, (q.start, q.end)))
                .count();
            hit * 2 >= gt.len() && hit > 0
        });
        if covers_one || (inside * 2 >= toks.len() && inside > 0) {
            tally.correct_predicted += 1;
        } else if std::env::var("POLNEAR_VERBOSE").is_ok() {
            let from = parallax::span::floor_boundary(text, q.open.saturating_sub(60));
            let to = parallax::span::floor_boundary(text, q.close + 40);
            eprintln!("unmatched {:?}: {:?}", q.kind, &text[from..to]);
        }
    }
    for g in gold {
        tally.gold += 1;
        let gt = tokens(text, g.start, g.end);
        let hit = gt
            .iter()
            .filter(|t| all_top.iter().any(|q| overlaps(**t, (q.start, q.end))))
            .count();
        if hit == 0 || hit * 2 < gt.len() {
            continue;
        }
        tally.found += 1;
        let Some(head) = &g.head else { continue };
        let best = all_top.iter().max_by_key(|q| {
            gt.iter()
                .filter(|t| overlaps(**t, (q.start, q.end)))
                .count()
        });
        tally.speaker_scored += 1;
        let want = fold_name_word(head);
        let right = best.and_then(|q| q.speaker.as_deref()).is_some_and(|s| {
            s.split(|c: char| c.is_whitespace())
                .any(|w| fold_name_word(w.trim_end_matches("'s").trim_end_matches("’s")) == want)
        });
        if right {
            tally.speaker_right += 1;
        } else if std::env::var("POLNEAR_VERBOSE").is_ok() {
            let from = parallax::span::floor_boundary(text, g.start.saturating_sub(160));
            let to = parallax::span::floor_boundary(text, g.end + 100);
            eprintln!(
                "speaker: want {head}, got {:?} in {:?}",
                best.and_then(|q| q.speaker.clone()),
                &text[from..to]
            );
        }
    }
}

#[test]
fn polnear_quotations_and_speakers() {
    let Some(shared) = common::shared_dir("polnear_eval") else {
        return;
    };
    let dir = shared.join("eval/polnear");
    let data: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("attributions.json")).expect("attributions.json"),
    )
    .expect("valid JSON");
    let mut tally = Tally::default();
    for article in data.as_array().unwrap() {
        let name = article["filename"].as_str().unwrap();
        let text = std::fs::read_to_string(dir.join("text").join(format!("{name}.txt")))
            .expect("article text");
        let gold = gold_of(&text, article);
        score_article(&text, &gold, &mut tally);
    }
    let p = tally.correct_predicted as f64 / tally.predicted.max(1) as f64;
    let r = tally.found as f64 / tally.gold.max(1) as f64;
    let s = tally.speaker_right as f64 / tally.speaker_scored.max(1) as f64;
    println!(
        "polnear quotes P {p:.2} R {r:.2} speaker {s:.2} (P {p:.3} R {r:.3} speaker {s:.3}; predicted {}, gold {}, found {}, speakers scored {})",
        tally.predicted, tally.gold, tally.found, tally.speaker_scored
    );
    assert!(
        tally.gold > 500,
        "the gold set looks too small: {}",
        tally.gold
    );
    // Floors at the figures reached (P 0.959, R 0.995, speaker 0.866).
    assert!(p >= 0.95, "precision {p:.3}");
    assert!(r >= 0.99, "recall {r:.3}");
    assert!(s >= 0.86, "speaker accuracy {s:.3}");
}
