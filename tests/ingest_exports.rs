//! News-database exports and single articles as DOCX, RTF, TXT, HTML and
//! PDF: the fixtures of `tests/fixtures/formats/` (made by
//! `scripts/make_format_fixtures.py` from invented articles) give back the
//! text and the fields `expected.json` lists; a 200-article export gives 200
//! documents; bad bytes in each new format give a clear error.

mod common;

use std::path::PathBuf;

use parallax::ingest::{ingest, Document};
use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

/// Every document a fixture file gives, by its name; errors fail the test.
fn documents(file: &str) -> Vec<Document> {
    let bytes = std::fs::read(fixtures().join(file)).expect("fixture readable");
    ingest(file, &bytes)
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// Character-level F1 of `got` against `want`: the bag of characters
/// (whitespace left out) in common, over both lengths.
fn char_f1(got: &str, want: &str) -> f64 {
    use std::collections::HashMap;
    let bag = |s: &str| {
        let mut m: HashMap<char, usize> = HashMap::new();
        for c in s.chars().filter(|c| !c.is_whitespace()) {
            *m.entry(c).or_default() += 1;
        }
        m
    };
    let (g, w) = (bag(got), bag(want));
    let common: usize = g
        .iter()
        .map(|(c, n)| (*n).min(*w.get(c).unwrap_or(&0)))
        .sum();
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    if ng == 0 || nw == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / ng as f64, common as f64 / nw as f64);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn fixtures_give_back_their_text_and_fields() {
    let expected: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(fixtures().join("expected.json")).unwrap())
            .unwrap();
    let mut by_file: std::collections::BTreeMap<String, Vec<Document>> = Default::default();
    let mut failures = Vec::new();
    for want in &expected {
        let name = want["file"].as_str().unwrap();
        let file = name.split('#').next().unwrap().to_string();
        if file.ends_with(".pdf") && !cfg!(feature = "pdf") {
            // The page's build leaves PDF out (see Cargo.toml's `pdf`).
            eprintln!("{name}: skipped, the pdf feature is off");
            continue;
        }
        let docs = by_file
            .entry(file.clone())
            .or_insert_with(|| documents(&file));
        let Some(doc) = docs.iter().find(|d| d.file == name) else {
            failures.push(format!(
                "{name}: no such document (got {:?})",
                docs.iter().map(|d| &d.file).collect::<Vec<_>>()
            ));
            continue;
        };
        let text = want["text"].as_str().unwrap();
        if let Some(min) = want["char_f1_at_least"].as_f64() {
            let f1 = char_f1(&doc.text, text);
            println!("{name}: character F1 {f1:.4}");
            if f1 < min {
                failures.push(format!(
                    "{name}: character F1 {f1:.4} < {min}\n{}",
                    doc.text
                ));
            }
        } else if doc.text != text {
            failures.push(format!(
                "{name}: text differs\n got: {:?}\nwant: {:?}",
                doc.text, text
            ));
        }
        let fields: [(&str, &Option<String>); 6] = [
            ("title", &doc.title),
            ("outlet", &doc.outlet),
            ("date", &doc.date),
            ("byline", &doc.byline),
            ("section", &doc.section),
            ("length", &doc.length),
        ];
        for (field, got) in fields {
            if let Some(w) = want.get(field).and_then(Value::as_str) {
                if got.as_deref() != Some(w) {
                    failures.push(format!("{name}: {field} {got:?}, want {w:?}"));
                }
            }
        }
        let format = serde_json::to_value(doc.format).unwrap();
        if format != want["format"] {
            failures.push(format!("{name}: format {format}, want {}", want["format"]));
        }
    }
    // Each export gives exactly its articles, no more.
    for (file, docs) in &by_file {
        let listed = expected
            .iter()
            .filter(|w| w["file"].as_str().unwrap().split('#').next() == Some(file))
            .count();
        if docs.len() != listed {
            failures.push(format!("{file}: {} documents, want {listed}", docs.len()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn cover_pages_and_headers_never_reach_the_text() {
    for file in ["nexis_export.txt", "nexis_export.docx"] {
        let docs = documents(file);
        assert!(
            docs[0]
                .removed
                .iter()
                .any(|r| r.text.contains("Job Number")),
            "{file}"
        );
        for d in &docs {
            for furniture in [
                "Job Number",
                "End of Document",
                "Load-Date",
                "Saltmere coverage, printed",
                "Page ",
            ] {
                assert!(
                    !d.text.contains(furniture),
                    "{}: {furniture} in {:?}",
                    d.file,
                    d.text
                );
            }
        }
    }
}

/// A Nexis export of `n` invented articles, as plain text.
fn nexis_export(n: usize) -> String {
    let mut out = String::from("User Name: Sam Reader\nJob Number: 1\n\nDocuments (200)\n\n");
    for i in 1..=n {
        out.push_str(&format!(
            "Story number {i} about the harbour\nOutlet {o}\nMarch {d}, 2024 Tuesday\n\nLength: 20 words\nByline: Writer {i}\n\nBody\n\nThe council met for the {i}th time on the harbour bridge.\n\nIt voted on repairs.\n\nLoad-Date: March 9, 2024\n\nEnd of Document\n\n",
            o = i % 7,
            d = 1 + i % 28
        ));
    }
    out
}

#[test]
fn a_200_article_export_gives_200_documents() {
    let text = nexis_export(200);
    let docs = ingest("big.txt", text.as_bytes());
    assert_eq!(docs.len(), 200);
    for (i, d) in docs.iter().enumerate() {
        let d = d.as_ref().unwrap();
        assert_eq!(d.file, format!("big.txt#{}", i + 1));
        assert_eq!(
            d.title.as_deref(),
            Some(format!("Story number {} about the harbour", i + 1).as_str())
        );
        assert_eq!(
            d.outlet.as_deref(),
            Some(format!("Outlet {}", (i + 1) % 7).as_str())
        );
    }
    // The same export as a Word document.
    let body: String = text
        .lines()
        .map(|l| {
            let l = l.replace('&', "&amp;").replace('<', "&lt;");
            format!("<w:p><w:r><w:t>{l}</w:t></w:r></w:p>")
        })
        .collect();
    let xml = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
    );
    let archive =
        common::zip::build_zip(&[common::zip::entry("word/document.xml", xml.as_bytes())]);
    let docs = ingest("big.docx", &archive);
    assert_eq!(docs.len(), 200);
    assert!(docs.iter().all(Result::is_ok));
}

#[test]
fn an_article_that_cannot_be_split_is_kept_with_a_warning() {
    let text = nexis_export(3).replacen(
        "Body\n\nThe council met for the 2th",
        "The council met for the 2th",
        1,
    );
    let docs: Vec<Document> = ingest("x.txt", text.as_bytes())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(docs.len(), 3);
    assert!(docs[1].text.contains("The council met for the 2th time"));
    assert!(!docs[1].warnings.is_empty());
}

#[test]
fn broken_files_are_clear_errors_naming_them() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("a.docx", b"PK\x03\x04 not a zip at all", "Word document"),
        ("b.docx", b"just text", "Word document"),
        ("c.rtf", b"not rtf", "not an RTF"),
    ];
    for (name, bytes, says) in cases {
        let out = ingest(name, bytes);
        let err = out[0].as_ref().unwrap_err();
        assert_eq!(&err.file, name);
        assert!(err.reason.contains(says), "{name}: {}", err.reason);
    }
    // A DOCX holding a bomb: the budget stops it.
    let big = vec![b'a'; 300 * 1024 * 1024];
    let archive = common::zip::build_zip(&[common::zip::ZipEntry {
        declared: Some(u32::MAX),
        ..common::zip::entry("word/document.xml", &big[..1024])
    }]);
    let out = ingest("bomb.docx", &archive);
    assert!(out[0].is_err(), "{:?}", out[0]);
}

/// The two-column PDF: every paragraph comes back whole and in order (the
/// columns read left then right, words broken at line ends joined), and the
/// running head and page numbers are gone, shown as removed.
#[cfg(feature = "pdf")]
#[test]
fn pdf_columns_hyphens_and_running_heads() {
    let expected: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(fixtures().join("expected.json")).unwrap())
            .unwrap();
    let want = expected
        .iter()
        .find(|w| w["file"] == "two_columns.pdf")
        .unwrap();
    let doc = &documents("two_columns.pdf")[0];
    let mut from = 0;
    for paragraph in want["text"].as_str().unwrap().split("\n\n").skip(1) {
        let at = doc.text[from..].find(paragraph);
        assert!(
            at.is_some(),
            "not found in order: {paragraph:?}\nin {:?}",
            doc.text
        );
        from += at.unwrap() + paragraph.len();
    }
    assert!(!doc.text.contains("Saltmere edition"), "{}", doc.text);
    let removed: Vec<&str> = doc.removed.iter().map(|r| r.text.as_str()).collect();
    assert!(
        removed.contains(&"The Coast Herald | Saltmere edition"),
        "{removed:?}"
    );
    assert!(removed.contains(&"1"), "{removed:?}");
    assert_eq!(doc.title.as_deref(), want["title"].as_str());
}

#[test]
fn pdfs_get_a_clear_answer() {
    let out = ingest("scan.pdf", b"%PDF-1.4\nnot really a pdf");
    let err = out[0].as_ref().unwrap_err();
    assert_eq!(err.file, "scan.pdf");
    assert!(err.reason.contains("PDF"), "{}", err.reason);
}
