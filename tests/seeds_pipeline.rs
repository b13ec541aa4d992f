//! The five seed articles through the whole pipeline: five documents, each
//! with a title and sentences, and a Report JSON carrying every contract field.

mod common;

use serde_json::Value;

fn seed_report() -> Option<Value> {
    common::seed_report_json("seeds_pipeline")
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn assert_fields(what: &str, v: &Value, fields: &[&str]) {
    let have = keys(v);
    for f in fields {
        assert!(
            have.contains(f),
            "{what} lacks the contract field '{f}' (has {have:?})"
        );
    }
}

#[test]
fn five_seeds_give_five_documents_with_titles_and_sentences() {
    let Some(report) = seed_report() else { return };
    assert_eq!(report["schema"], "parallax.report/1");
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5, "errors: {}", report["errors"]);
    let sentences = report["sentences"].as_array().unwrap();
    for d in docs {
        let title = d["title"].as_str().unwrap_or("");
        assert!(!title.trim().is_empty(), "{} has no title", d["file"]);
        let id = &d["id"];
        assert!(
            sentences.iter().any(|s| &s["doc"] == id),
            "{} has no sentences",
            d["file"]
        );
    }
}

#[test]
fn report_json_has_every_contract_field() {
    let Some(report) = seed_report() else { return };
    assert_fields(
        "report",
        &report,
        &[
            "schema",
            "documents",
            "sentences",
            "quotes",
            "claims",
            "quote_groups",
            "speakers",
            "similarity",
        ],
    );
    let first = |name: &str| report[name].as_array().and_then(|a| a.first()).cloned();
    assert_fields(
        "documents[]",
        &first("documents").unwrap(),
        &[
            "id",
            "file",
            "format",
            "title",
            "outlet",
            "date",
            "date_source",
            "byline",
            "dateline",
            "url",
            "language",
            "text",
            "removed",
            "warnings",
        ],
    );
    assert_fields(
        "sentences[]",
        &first("sentences").unwrap(),
        &["id", "doc", "start", "end", "text", "kind", "claim"],
    );
    assert_fields(
        "quotes[]",
        &first("quotes").expect("the seeds hold quotations"),
        &[
            "id", "doc", "sentence", "start", "end", "text", "speaker", "cue", "kind", "group",
        ],
    );
    assert_fields(
        "claims[]",
        &first("claims").expect("the seeds share claims"),
        &["id", "sentences", "docs", "label", "discrepancies"],
    );
    let n = report["documents"].as_array().unwrap().len();
    let sim = report["similarity"].as_array().unwrap();
    assert_eq!(sim.len(), n);
    for row in sim {
        let row = row.as_array().unwrap();
        assert_eq!(row.len(), n);
        assert!(row
            .iter()
            .all(|x| (0.0..=1.0).contains(&x.as_f64().unwrap())));
    }
}

#[test]
fn sentence_spans_slice_the_text_in_utf16_units() {
    let Some(report) = seed_report() else { return };
    let docs = report["documents"].as_array().unwrap();
    for s in report["sentences"].as_array().unwrap() {
        let doc = &docs[s["doc"].as_u64().unwrap() as usize];
        let units: Vec<u16> = doc["text"].as_str().unwrap().encode_utf16().collect();
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let slice = String::from_utf16(&units[start..end]).unwrap();
        assert_eq!(slice, s["text"].as_str().unwrap());
    }
}
