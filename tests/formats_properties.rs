//! Property tests for the document formats (DOCX, RTF, PDF) and the export
//! splitter: arbitrary bytes, damaged copies of the fixtures and shuffled
//! export lines never panic, and give documents or errors that name the
//! file and a reason. `PROPTEST_CASES=5000 cargo test --release --test
//! formats_properties` for a long run.

use parallax::ingest::{ingest, IngestError};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/formats")
            .join(name),
    )
    .expect("fixture readable")
}

/// Every result names the file it came from and says why when it failed.
fn check(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    for result in ingest(name, bytes) {
        match result {
            Ok(doc) => {
                prop_assert!(doc.file.starts_with(name), "{} from {name}", doc.file);
                prop_assert!(!doc.text.trim().is_empty());
                for b in &doc.blocks {
                    prop_assert!(doc.text.get(b.start..b.end).is_some());
                }
            }
            Err(IngestError { file, reason }) => {
                prop_assert!(file.starts_with(name), "{file} from {name}");
                prop_assert!(!reason.is_empty());
            }
        }
    }
    Ok(())
}

/// A copy of `bytes` with some bytes overwritten and maybe cut short.
fn damaged(bytes: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = bytes.len();
    (
        prop::collection::vec((0..len, any::<u8>()), 1..12),
        prop::option::of(0..len),
    )
        .prop_map(move |(edits, cut)| {
            let mut b = bytes.clone();
            for (at, value) in edits {
                b[at] = value;
            }
            if let Some(cut) = cut {
                b.truncate(cut.max(1));
            }
            b
        })
}

/// RTF made of its own syntax in random order.
fn rtf_soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "{",
        "}",
        "\\par ",
        "\\line ",
        "\\tab ",
        "\\u233?",
        "\\u-3913 ",
        "\\uc0 ",
        "\\uc2 ",
        "\\'e9",
        "\\'",
        "\\'zz",
        "\\*",
        "\\fonttbl ",
        "\\info ",
        "\\title ",
        "\\creatim ",
        "\\yr2024",
        "\\mo99",
        "\\ansicpg932 ",
        "\\ansicpg99999 ",
        "\\\\",
        "\\{",
        "\\",
        "word ",
        "\\u55357?",
        "\\u56832?",
        "caf\u{e9} ",
        "\r\n",
        "\\-",
        "\\~",
        "\\pict ",
        "\\b0 ",
        "\\u",
        "\\u99999999999999 ",
        "\\bin4 ",
        "\\bin99999999999 ",
        "\\bin-3 ",
        "\0",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| format!("{{\\rtf1 {}", v.concat()))
}

/// Export lines (Nexis, Factiva, generic) in random order.
fn export_soup() -> impl Strategy<Value = String> {
    let lines = prop::sample::select(vec![
        "End of Document",
        "Body",
        "Harbour bridge shuts",
        "The Coast Herald",
        "March 5, 2024 Tuesday",
        "Length: 38 words",
        "Byline: Ana Ruiz",
        "Section: NEWS",
        "Load-Date: March 6, 2024",
        "Classification",
        "Language: ENGLISH",
        "",
        "HD Harbour bridge shuts",
        "BY Ana Ruiz",
        "PD 5 March 2024",
        "SN Bay Times",
        "LP The bridge closed.",
        "TD Engineers found cracks.",
        "AN Document COASTH0020240305ek350001a",
        "Document BAYTIM0020240306ek360002b",
        "=====",
        "***",
        "\u{c}",
        "Title: A story",
        "Source: Daily",
        "Date: 2024-03-05",
        "URL: https://a.example/x",
        "The council met on Monday and voted.",
        "\u{201c}We will wait,\u{201d} she said.",
        // LexisNexis Academic
        "                 1 of 2 DOCUMENTS",
        "FOCUS - 3 of 9 DOCUMENTS",
        "LENGTH: 38 words",
        "BYLINE: Ana Ruiz",
        "LOAD-DATE: March 6, 2024",
        "Copyright 2024 The Coast Herald",
        // Nexis Uni extras, Factiva's display and codes alone or before a tab
        "Graphic",
        "Highlight:\u{a0}Cracks in two piers.",
        "38 words",
        "1,020 words",
        "10:02",
        "English",
        "(c) 2024 Bay Times. All rights reserved.",
        "By Ana Ruiz",
        "HD",
        "HD\tHarbour bridge shuts",
        "TD",
        "IN",
        "IN 2023 the bridge carried more traffic.",
        "CO\tshbrau : Saltmere Harbour Authority",
    ]);
    prop::collection::vec(lines, 0..60).prop_map(|v| v.join("\n"))
}

proptest! {

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), ext in prop::sample::select(vec!["docx", "rtf", "pdf"])) {
        check(&format!("f.{ext}"), &bytes)?;
    }

    #[test]
    fn damaged_docx_never_panics(bytes in damaged(fixture("nexis_export.docx"))) {
        check("x.docx", &bytes)?;
    }

    #[test]
    fn damaged_docx_variants_never_panic(bytes in damaged(fixture("nexis_uni_variants.docx"))) {
        check("v.docx", &bytes)?;
    }

    #[test]
    fn damaged_factiva_html_never_panics(bytes in damaged(fixture("factiva_indexing.html"))) {
        check("x.html", &bytes)?;
    }

    #[test]
    fn damaged_rtf_never_panics(bytes in damaged(fixture("factiva_export.rtf"))) {
        check("x.rtf", &bytes)?;
    }

    #[test]
    fn damaged_pdf_never_panics(bytes in damaged(fixture("two_columns.pdf"))) {
        check("x.pdf", &bytes)?;
    }

    #[test]
    fn rtf_syntax_in_any_order(text in rtf_soup()) {
        check("s.rtf", text.as_bytes())?;
    }

    #[test]
    fn export_lines_in_any_order(text in export_soup()) {
        check("e.txt", text.as_bytes())?;
    }
}
