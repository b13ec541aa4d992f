//! Corrections by hand: a person's fixes to what the analysis found (a
//! wording detached from its claim, two claims merged, a sentence added to
//! a claim, a quotation's speaker, an outlet's name) in, and each fix
//! resolved against one analysis's documents out.
//!
//! Fixes name sentences and quotations by their file and their start in the
//! document's text (UTF-16 code units, as the Report's `start`), never by
//! Report ids: ids change when files are added or removed, while a file's
//! text and its spans do not. Fixes apply in the order given, every time
//! the corpus is analysed, so the page and `parallax analyze --corrections`
//! give the same result; a fix that names something no longer there is
//! reported in the Report's notes and otherwise left alone.

use serde::{Deserialize, Serialize};

/// A sentence or a quotation: its document's `file` and its `start` (UTF-16
/// code units into the document's text). `text` is for a reader of the
/// corrections list only; it is not used to find the span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRef {
    pub file: String,
    pub start: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One correction by hand, serialised with an `op` tag:
///
/// ```json
/// {"op": "detach", "sentence": {"file": "a.txt", "start": 120}}
/// {"op": "attach", "sentence": {"file": "b.txt", "start": 0}, "to": {"file": "a.txt", "start": 120}}
/// {"op": "merge", "a": {"file": "a.txt", "start": 120}, "b": {"file": "c.txt", "start": 48}}
/// {"op": "speaker", "quote": {"file": "a.txt", "start": 131}, "speaker": "Ali Khamenei"}
/// {"op": "outlet", "file": "a.txt", "outlet": "Tehran Times"}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// The sentence belongs to no claim.
    Detach { sentence: SpanRef },
    /// The sentence belongs to the claim of `to` (and leaves its own).
    Attach { sentence: SpanRef, to: SpanRef },
    /// The claims of `a` and `b` are one claim.
    Merge { a: SpanRef, b: SpanRef },
    /// The quotation was said by `speaker` (empty: by no one named).
    Speaker { quote: SpanRef, speaker: String },
    /// The document of `file` is from the outlet named `outlet`.
    Outlet { file: String, outlet: String },
}

impl Correction {
    /// A short account of the fix for notes and lists.
    pub fn describe(&self) -> String {
        let at = |r: &SpanRef| match &r.text {
            Some(t) => format!("\"{}\" ({})", clip(t), r.file),
            None => format!("{} at {}", r.file, r.start),
        };
        match self {
            Correction::Detach { sentence } => format!("detach {} from its claim", at(sentence)),
            Correction::Attach { sentence, to } => {
                format!("add {} to the claim of {}", at(sentence), at(to))
            }
            Correction::Merge { a, b } => format!("merge the claims of {} and {}", at(a), at(b)),
            Correction::Speaker { quote, speaker } => {
                format!(
                    "give {} to {}",
                    at(quote),
                    if speaker.is_empty() {
                        "no one"
                    } else {
                        speaker
                    }
                )
            }
            Correction::Outlet { file, outlet } => format!("name the outlet of {file} {outlet}"),
        }
    }
}

fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// Reads a corrections file: a JSON list of corrections, or an object with
/// a `corrections` list (a Report exported with corrections in it).
///
/// Errors: the reason, when the text is not JSON of either shape.
pub fn parse(text: &str) -> Result<Vec<Correction>, String> {
    #[derive(Deserialize)]
    struct WithList {
        corrections: Vec<Correction>,
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    if value.is_array() {
        return serde_json::from_value(value)
            .map_err(|e| format!("not a list of corrections: {e}"));
    }
    serde_json::from_value::<WithList>(value)
        .map(|w| w.corrections)
        .map_err(|e| format!("neither a list of corrections nor a Report with one: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_read_as_a_list_or_from_a_report() {
        let list = r#"[{"op":"detach","sentence":{"file":"a.txt","start":12}},
            {"op":"outlet","file":"a.txt","outlet":"Daily"}]"#;
        let got = parse(list).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1],
            Correction::Outlet {
                file: "a.txt".into(),
                outlet: "Daily".into()
            }
        );
        let report = format!(r#"{{"schema":"parallax.report/1","corrections":{list}}}"#);
        assert_eq!(parse(&report).unwrap(), got);
        assert!(parse(r#"{"schema":"x"}"#).unwrap_err().contains("neither"));
        assert!(parse("[{\"op\":\"explode\"}]")
            .unwrap_err()
            .contains("not a list"));
        assert!(parse("nope").unwrap_err().contains("not JSON"));
    }

    #[test]
    fn a_correction_round_trips_through_json() {
        let c = Correction::Merge {
            a: SpanRef {
                file: "a.txt".into(),
                start: 3,
                text: Some("The river rose.".into()),
            },
            b: SpanRef {
                file: "b.txt".into(),
                start: 0,
                text: None,
            },
        };
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.starts_with(r#"{"op":"merge""#), "{json}");
        assert_eq!(serde_json::from_str::<Correction>(&json).unwrap(), c);
        assert!(c.describe().contains("\"The river rose.\" (a.txt)"));
    }
}
