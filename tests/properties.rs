//! Property tests for every stage: no panic on any input, every span a valid
//! slice on character boundaries, every id in the Report pointing at
//! something that exists. A bounded run is part of `./build.sh test`; for a
//! long run: `PROPTEST_CASES=20000 cargo test --release --test properties`.

mod common;

use parallax::ingest::ingest;
use parallax::quotes::find_quotes;
use parallax::segment::{segment, split_sentences};
use parallax::{analyze, Input, Options};
use proptest::prelude::*;

/// Text biased towards what trips parsers: quotes of every kind,
/// apostrophes, terminators, abbreviations, newlines, markup, multi-byte
/// and right-to-left characters, zero-width marks.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "The",
        " ",
        "said",
        "Assad",
        "U.S.",
        "Dr.",
        "Feb. 25",
        "3.5",
        "...",
        "…",
        ".",
        "!",
        "?",
        "\n",
        "\n\n",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        "(",
        ")",
        "[",
        "]",
        "<p>",
        "</p>",
        "<div>",
        "<script>",
        "&amp;",
        "&#x201C;",
        "#",
        "*",
        "-",
        "—",
        "Syria’s",
        "can't",
        "عربي",
        "🙂",
        "\u{200b}",
        "\u{202e}",
        "\u{feff}",
        "é",
        "\t",
        "0",
        "1,200",
        "according to",
        "he said",
        "Khamenei",
        "{",
        "}",
        ":",
        ",",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![tricky_text(), any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn split_sentences_gives_ordered_spans_on_char_boundaries(text in any_text()) {
        let mut last = 0;
        for (start, end) in split_sentences(&text) {
            prop_assert!(last <= start && start < end && end <= text.len());
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            last = end;
        }
    }

    #[test]
    fn ingest_never_panics_and_blocks_slice_the_text(text in any_text(), ext in prop::sample::select(vec!["txt", "md", "html", "json", "jsonl", "bin", "mhtml", "zip"])) {
        for result in ingest(&format!("f.{ext}"), text.as_bytes()) {
            match result {
                Ok(doc) => {
                    for b in &doc.blocks {
                        prop_assert!(doc.text.get(b.start..b.end).is_some(), "block {:?} off the text", b);
                    }
                    let sentences = segment(&doc);
                    for s in &sentences {
                        prop_assert!(doc.text.get(s.start..s.end).is_some());
                    }
                    for q in find_quotes(&doc.text, &sentences) {
                        prop_assert!(doc.text.get(q.start..q.end).is_some(), "quote {:?} off the text", q);
                        prop_assert!(q.sentence < sentences.len().max(1));
                    }
                }
                Err(e) => prop_assert!(!e.reason.is_empty()),
            }
        }
    }

    #[test]
    fn raw_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), ext in prop::sample::select(vec!["txt", "html", "json", "zip", "mht"])) {
        let _ = ingest(&format!("f.{ext}"), &bytes);
    }

    #[test]
    fn reports_keep_their_invariants(docs in prop::collection::vec(tricky_text(), 1..6)) {
        let inputs: Vec<Input> = docs
            .into_iter()
            .enumerate()
            .map(|(i, text)| Input { name: format!("doc{i}.txt"), bytes: text.into_bytes() })
            .collect();
        let report = analyze(&inputs, &Options::default());
        common::validate_report(&report);
        prop_assert_eq!(report.documents.len() + report.errors.len() >= inputs.len(), true);
    }
}
