//! Each input format through `ingest`, on small invented files: ZIP and
//! MHTML are built here in code, the text ones live in
//! `tests/fixtures/ingest/` (see the README there). Bad input of every kind
//! gets an error naming the file and the reason, never a panic.

mod common;

use common::zip::{build_zip, entry, ZipEntry};
use parallax::ingest::{ingest, BlockKind, Document, Format, IngestError, MAX_FILE_BYTES};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/ingest/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn one(name: &str, bytes: &[u8]) -> Result<Document, IngestError> {
    let mut out = ingest(name, bytes);
    assert_eq!(out.len(), 1, "{name}: {out:?}");
    out.remove(0)
}

fn err(name: &str, bytes: &[u8]) -> IngestError {
    let e = one(name, bytes).expect_err("an error");
    assert!(e.file.starts_with(name), "{e}");
    e
}

fn blocks(doc: &Document) -> Vec<(BlockKind, &str)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind, &doc.text[b.start..b.end]))
        .collect()
}

#[test]
fn zip_holding_every_format_and_a_nested_zip() {
    let inner = build_zip(&[entry(
        "deep/story.txt",
        b"Deep title\n\nA story inside a nested archive.",
    )]);
    let json = br#"[{"title":"One","text":"First record text."},{"title":"Two","body":"Second record text."}]"#;
    let archive = build_zip(&[
        entry("inner/", b""),
        entry("inner/file.txt", &fixture("wrapped.txt")),
        ZipEntry {
            deflate: false,
            ..entry("notes.md", &fixture("article.md"))
        },
        entry("export.json", json),
        entry("nested.zip", &inner),
        entry("__MACOSX/._file.txt", b"\0\x05\x16\x07 resource fork"),
        entry(".DS_Store", b"\0\0\0\x01Bud1"),
    ]);
    let out = ingest("archive.zip", &archive);
    let names: Vec<String> = out
        .iter()
        .map(|r| match r {
            Ok(d) => d.file.clone(),
            Err(e) => panic!("{e}"),
        })
        .collect();
    assert_eq!(
        names,
        vec![
            "archive.zip/inner/file.txt",
            "archive.zip/notes.md",
            "archive.zip/export.json#1",
            "archive.zip/export.json#2",
            "archive.zip/nested.zip/deep/story.txt",
        ]
    );
    let docs: Vec<&Document> = out.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(docs[0].format, Some(Format::Text));
    assert_eq!(docs[1].format, Some(Format::Markdown));
    assert_eq!(docs[3].title.as_deref(), Some("Two"));
    assert_eq!(docs[4].title.as_deref(), Some("Deep title"));
}

#[test]
fn zip_bombs_and_damage_get_clear_errors() {
    // Declares more than the total cap.
    let big = build_zip(&[ZipEntry {
        declared: Some(u32::MAX),
        ..entry("huge.txt", b"small really")
    }]);
    let e = err("big.zip", &big);
    assert!(e.reason.contains("zip bomb"), "{e}");

    // Inflates beyond what it declares.
    let zeros = vec![b'a'; 1 << 20];
    let liar = build_zip(&[ZipEntry {
        declared: Some(1000),
        ..entry("liar.txt", &zeros)
    }]);
    let out = ingest("liar.zip", &liar);
    let e = out[0].as_ref().unwrap_err();
    assert_eq!(e.file, "liar.zip/liar.txt");
    assert!(e.reason.contains("beyond its declared size"), "{e}");

    // Stored entry whose checksum is wrong.
    let bad_crc = build_zip(&[ZipEntry {
        crc_ok: false,
        deflate: false,
        ..entry("a.txt", b"Some text here.")
    }]);
    let out = ingest("crc.zip", &bad_crc);
    assert!(
        out[0].as_ref().unwrap_err().reason.contains("checksum"),
        "{out:?}"
    );

    // Too many entries, by the directory's own count.
    let mut many = build_zip(&[entry("a.txt", b"Text.")]);
    let n = many.len();
    many[n - 12..n - 10].copy_from_slice(&60_000u16.to_le_bytes());
    let e = err("many.zip", &many);
    assert!(e.reason.contains("entries"), "{e}");

    // Truncated archive.
    let whole = build_zip(&[entry("a.txt", b"Text that is here.")]);
    let e = err("cut.zip", &whole[..whole.len() / 2]);
    assert!(e.reason.contains("damaged"), "{e}");

    // Archives nested too deep.
    let mut nested = build_zip(&[entry("a.txt", b"Deepest text.")]);
    for _ in 0..5 {
        nested = build_zip(&[entry("n.zip", &nested)]);
    }
    let out = ingest("deep.zip", &nested);
    let e = out[0].as_ref().unwrap_err();
    assert!(e.reason.contains("nested"), "{e}");

    // An empty archive.
    let e = err("empty.zip", &build_zip(&[]));
    assert!(e.reason.contains("no files"), "{e}");
}

#[test]
fn zip_entry_of_unknown_binary_type_names_the_entry() {
    let archive = build_zip(&[
        entry("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"),
        entry("ok.txt", b"Fine text here."),
    ]);
    let out = ingest("mixed.zip", &archive);
    assert_eq!(out.len(), 2);
    let e = out[0].as_ref().unwrap_err();
    assert_eq!(e.file, "mixed.zip/photo.png");
    assert!(out[1].is_ok());
}

// ---------------------------------------------------------------------------
// MHTML

fn mhtml(html_part: &str, encoding: &str, charset: &str) -> Vec<u8> {
    format!(
        "From: <Saved by Blink>\r\n\
         Snapshot-Content-Location: https://news.example.org/2020/visit\r\n\
         Subject: =?utf-8?Q?Caf=C3=A9_visit?=\r\n\
         Date: Mon, 2 Mar 2020 10:00:00 -0000\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/related;\r\n\
         \ttype=\"text/html\";\r\n\
         \tboundary=\"----MultipartBoundary--abc123----\"\r\n\
         \r\n\
         ------MultipartBoundary--abc123----\r\n\
         Content-Type: text/html; charset=\"{charset}\"\r\n\
         Content-Transfer-Encoding: {encoding}\r\n\
         Content-Location: https://news.example.org/2020/visit\r\n\
         \r\n\
         {html_part}\r\n\
         ------MultipartBoundary--abc123----\r\n\
         Content-Type: image/png\r\n\
         Content-Transfer-Encoding: base64\r\n\
         Content-Location: https://news.example.org/logo.png\r\n\
         \r\n\
         iVBORw0KGgo=\r\n\
         ------MultipartBoundary--abc123------\r\n"
    )
    .into_bytes()
}

#[test]
fn mhtml_quoted_printable_utf8_page() {
    let html = "<!DOCTYPE html><html><head><title>The caf=C3=A9 visit</title></head><body>=\r\n\
                <article><p>The minister visited the caf=C3=A9 on Monday and spoke to the=\r\n owners about the=20\r\nnew rules.</p></article></body></html>";
    let doc = one("page.mhtml", &mhtml(html, "quoted-printable", "utf-8")).unwrap();
    assert_eq!(doc.format, Some(Format::Mhtml));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://news.example.org/2020/visit")
    );
    assert!(
        doc.text
            .contains("visited the café on Monday and spoke to the owners about the new rules."),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("iVBOR"));
}

#[test]
fn mhtml_base64_legacy_charset_page() {
    // "<html><body><p>Le pr\xe9sident est arriv\xe9 \xe0 T\xe9h\xe9ran.</p></body></html>" in ISO-8859-1
    let mut latin1 = b"<html><body><p>Le pr".to_vec();
    latin1.extend(b"\xe9sident est arriv\xe9 \xe0 T\xe9h\xe9ran.</p></body></html>");
    let b64 = base64(&latin1);
    let doc = one("page.mht", &mhtml(&b64, "base64", "iso-8859-1")).unwrap();
    assert!(
        doc.text.contains("Le président est arrivé à Téhéran."),
        "{}",
        doc.text
    );
    // The page has no <title>: the Subject header gives it.
    assert_eq!(doc.title.as_deref(), Some("Café visit"));
}

#[test]
fn mhtml_without_html_is_refused() {
    let only_image = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n";
    let e = err("img.mhtml", only_image);
    assert!(e.reason.contains("no HTML"), "{e}");
    let e = err("plain.mhtml", b"just some words, no MIME at all");
    assert!(e.reason.contains("not an MHTML"), "{e}");
}

fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
        if out.len() % 76 == 0 {
            out.push_str("\r\n");
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Text, Markdown, JSON

#[test]
fn wrapped_text_fixture() {
    let doc = one("wrapped.txt", &fixture("wrapped.txt")).unwrap();
    assert_eq!(doc.title.as_deref(), Some("Harbour reopens after storm"));
    assert_eq!(doc.date.as_deref(), Some("2021-03-14"));
    assert_eq!(doc.byline.as_deref(), Some("Ana Ribeiro"));
    assert_eq!(doc.dateline.as_deref(), Some("LISBON"));
    assert_eq!(doc.outlet.as_deref(), Some("Coastal Gazette"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://gazette.example.com/harbour")
    );
    let kinds: Vec<BlockKind> = blocks(&doc).iter().map(|b| b.0).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Heading,
            BlockKind::Other,
            BlockKind::Other,
            BlockKind::Other,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Paragraph,
            BlockKind::Caption,
        ]
    );
    let reasons: Vec<&str> = doc.removed.iter().map(|r| r.reason.as_str()).collect();
    assert!(
        reasons.contains(&"share or subscribe prompt"),
        "{reasons:?}"
    );
    assert!(reasons.contains(&"copyright notice"), "{reasons:?}");
    assert!(
        reasons.contains(&"source address (kept as the url)"),
        "{reasons:?}"
    );
}

#[test]
fn markdown_fixture() {
    let doc = one("article.md", &fixture("article.md")).unwrap();
    assert_eq!(
        doc.title.as_deref(),
        Some("Council approves the new bridge")
    );
    let b = blocks(&doc);
    assert_eq!(
        b[0],
        (BlockKind::Heading, "Council approves the new bridge")
    );
    assert!(b.contains(&(BlockKind::Heading, "What happens next")));
    assert!(b.contains(&(BlockKind::Paragraph, "Construction starts in May.")));
    assert!(b.contains(&(BlockKind::Caption, "The bridge as drawn by the architects")));
    assert!(doc
        .text
        .contains("said the mayor, who called it a long-awaited decision."));
    assert!(!doc.text.contains("**") && !doc.text.contains("]("));
}

#[test]
fn json_records_lines_wrappers_and_reports() {
    let lines = b"{\"headline\":\"A\",\"content\":\"Text of A.\",\"date_publish\":\"2019-02-25 10:00:00\",\"authors\":[\"X Y\",\"Z W\"]}\n\n{\"title\":\"B\",\"text\":\"Text of B.\",\"published\":\"February 26, 2019\",\"source\":\"Daily\"}\n";
    let out = ingest("feed.jsonl", lines);
    let a = out[0].as_ref().unwrap();
    assert_eq!(
        (a.date.as_deref(), a.byline.as_deref()),
        (Some("2019-02-25"), Some("X Y, Z W"))
    );
    assert_eq!(a.date_source.as_deref(), Some("record"));
    let b = out[1].as_ref().unwrap();
    assert_eq!(
        (b.file.as_str(), b.date.as_deref()),
        ("feed.jsonl#line3", Some("2019-02-26"))
    );

    let wrapped =
        br#"{"count":2,"articles":[{"title":"A","body":"One."},{"title":"B","body":"Two."}]}"#;
    let out = ingest("wrapped.json", wrapped);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].as_ref().unwrap().file, "wrapped.json#2");

    let report = br#"{"schema":"parallax.report/1","documents":[]}"#;
    let e = err("report.json", report);
    assert!(e.reason.contains("Parallax report"), "{e}");

    let e = err("broken.json", b"{\"title\": ");
    assert!(e.reason.contains("not valid JSON"), "{e}");
    let e = err("notext.json", br#"{"title":"only a title"}"#);
    assert!(e.reason.contains("no text field"), "{e}");
    let e = err("none.json", b"[]");
    assert!(e.reason.contains("no records"), "{e}");
}

// ---------------------------------------------------------------------------
// Bad input

#[test]
fn bad_input_never_panics_and_names_the_reason() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty"),
        (
            "image.jpg",
            b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0",
            "an image, not an article",
        ),
        (
            "data.bin",
            b"\0\x01\x02\x03\x04\x05\x06\x07\x08\0\0\0\x01\x02",
            "not a format",
        ),
        (
            "binary.txt",
            b"\0\x01\x02\x03\x04\x05\x06\x07\x08\0\0\0\x01\x02",
            "binary",
        ),
        ("paper.pdf", b"%PDF-1.4 whatever", "PDF"),
        ("blank.txt", b"   \n\n \t \n", "no article text"),
        (
            "only-menu.txt",
            b"Home | World | Politics | Sport\nShare this\n",
            "no article text",
        ),
    ];
    for (name, bytes, want) in cases {
        let e = err(name, bytes);
        assert!(e.reason.contains(want), "{name}: {e}");
    }
}

#[test]
fn oversized_file_is_refused_before_reading() {
    // A zero-filled buffer just over the limit: allocation is cheap (zeroed
    // pages) and ingest must refuse it from its length alone.
    let big = vec![0u8; MAX_FILE_BYTES + 1];
    let e = err("huge.txt", &big);
    assert!(e.reason.contains("MB"), "{e}");
}

#[test]
fn invalid_utf8_and_utf16_decode_with_warnings() {
    let doc = one(
        "latin.txt",
        b"Caf\xe9 opens\n\nThe caf\xe9 opened its doors on Monday.",
    )
    .unwrap();
    assert!(doc.text.contains("café opened"), "{}", doc.text);
    assert!(!doc.warnings.is_empty());
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Title\n\nText in UTF-16 with é.".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let doc = one("wide.txt", &utf16).unwrap();
    assert!(doc.text.contains("Text in UTF-16 with é."), "{}", doc.text);
}

#[test]
fn random_bytes_never_panic() {
    // The same noise every run.
    let mut rng = parallax::testing::XorShift::new(0x2545_F491_4F6C_DD1D);
    let mut next = || rng.next_u64();
    let seeds: Vec<Vec<u8>> = vec![
        fixture("wrapped.txt"),
        fixture("article.md"),
        build_zip(&[entry("a.txt", b"Some text here.")]),
        mhtml("<p>Hello there.</p>", "quoted-printable", "utf-8"),
    ];
    for (i, seed) in seeds.iter().enumerate() {
        for round in 0..200 {
            let mut bytes = seed.clone();
            for _ in 0..(1 + round % 8) {
                let at = (next() as usize) % bytes.len();
                bytes[at] = next() as u8;
            }
            if round % 5 == 0 {
                let cut = (next() as usize) % bytes.len();
                bytes.truncate(cut);
            }
            for name in ["f.txt", "f.md", "f.zip", "f.mhtml", "f.json", "f.unknown"] {
                for doc in ingest(name, &bytes).into_iter().flatten() {
                    for b in &doc.blocks {
                        assert!(doc.text.get(b.start..b.end).is_some(), "seed {i} {name}");
                    }
                }
            }
        }
    }
}
