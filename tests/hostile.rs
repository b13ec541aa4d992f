//! Hostile files, written by the test: each ends with a result or a clear
//! per-file error, nothing panics, and the rest of the corpus is analysed.

mod common;

use parallax::{analyze, Input, Options};

fn input(name: &str, bytes: impl Into<Vec<u8>>) -> Input {
    Input {
        name: name.to_string(),
        bytes: bytes.into(),
    }
}

const GOOD_A: &str = "Bridge reopens after repairs\n\nThe Kessel Bridge reopened on Monday after six weeks of repairs, the city said.\n\n\
                      \u{201c}We are glad to have it back,\u{201d} Mayor Ana Lind said.";
const GOOD_B: &str = "Kessel Bridge open again\n\nThe Kessel Bridge reopened on Monday after six weeks of repairs, officials said.\n\n\
                      Traffic was light in the morning.";

fn good_inputs() -> Vec<Input> {
    vec![input("good-a.txt", GOOD_A), input("good-b.txt", GOOD_B)]
}

/// Analyses the hostile files together with two good ones and checks that the
/// good ones made it and every hostile one has a document or an error.
fn survives(hostile: Vec<Input>) -> parallax::Report {
    let names: Vec<String> = hostile.iter().map(|i| i.name.clone()).collect();
    let mut inputs = good_inputs();
    inputs.extend(hostile);
    let report = analyze(&inputs, &Options::default());
    common::validate_report(&report);
    for good in ["good-a.txt", "good-b.txt"] {
        assert!(
            report.documents.iter().any(|d| d.file == good),
            "{good} was lost"
        );
    }
    for name in names {
        let accounted = report.documents.iter().any(|d| d.file.starts_with(&name))
            || report
                .errors
                .iter()
                .any(|e| e.file.starts_with(&name) && !e.reason.is_empty());
        assert!(accounted, "{name} has neither a document nor an error");
    }
    report
}

#[test]
fn empty_nul_and_invalid_bytes() {
    let report = survives(vec![
        input("empty.txt", ""),
        input(
            "nul.txt",
            b"Some text\0with NUL\0bytes. And more text here.".to_vec(),
        ),
        input("only-nul.txt", vec![0u8; 4096]),
        input(
            "invalid.txt",
            b"Caf\xe9 \xff\xfe\xfd broken UTF-8 text. Second sentence here.".to_vec(),
        ),
        input(
            "truncated.txt",
            "Ends in the middle of a char \u{2019}".as_bytes()[..32].to_vec(),
        ),
    ]);
    let empty = report
        .errors
        .iter()
        .find(|e| e.file == "empty.txt")
        .expect("empty file error");
    assert!(empty.reason.contains("empty"), "{}", empty.reason);
}

#[test]
fn utf16_without_bom() {
    let text = "A headline\n\nThe council said the bridge reopened on Monday after repairs.";
    let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    survives(vec![input("utf16le.txt", le), input("utf16be.txt", be)]);
}

#[test]
fn one_fifty_megabyte_line() {
    let mut line = String::with_capacity(50 * 1024 * 1024);
    while line.len() < 50 * 1024 * 1024 {
        line.push_str("word after word without any end ");
    }
    survives(vec![input("one-line.txt", line)]);
}

/// Two outlets each "quoting" a run-on of a hundred thousand words, one the
/// other's first half: every in-order comparison is bounded, so this takes
/// a moment, not hours.
#[test]
fn run_on_quotations_in_two_outlets() {
    let run_on = |words: usize, end: &str| {
        format!(
            "Headline\n\nThe spokesman said: \u{201c}{}{end}.\u{201d}\n",
            "war peace ".repeat(words / 2)
        )
    };
    let report = survives(vec![
        input("run-on-a.txt", run_on(100_000, "end")),
        input("run-on-b.txt", run_on(50_000, "stop")),
    ]);
    assert!(report.quotes.iter().any(|q| q.text.len() > 500_000));
}

#[test]
fn a_hundred_thousand_nested_elements() {
    let mut html = String::from("<html><body>");
    for _ in 0..100_000 {
        html.push_str("<div>");
    }
    html.push_str("Deep text at the bottom of the page.");
    for _ in 0..100_000 {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    survives(vec![
        input("deep.html", html),
        input("unclosed.html", "<div><p><b>".repeat(30_000)),
    ]);
}

#[test]
fn scripts_frames_and_handlers_become_text_only() {
    let html = r#"<html><head><title>Hostile page</title><script>alert('head')</script></head><body>
        <script>document.location='http://evil.example/'</script>
        <iframe src="http://evil.example/frame"></iframe>
        <p>The real article says the bridge reopened on Monday.</p>
        <img src=x onerror="alert('img')">
        <p><a href="javascript:alert('link')">A link</a> in the second paragraph.</p>
        <svg onload="alert('svg')"><script>alert('svg script')</script></svg>
        </body></html>"#;
    let report = survives(vec![input("hostile.html", html)]);
    let doc = report
        .documents
        .iter()
        .find(|d| d.file == "hostile.html")
        .expect("hostile page analysed");
    assert!(doc.text.contains("bridge reopened"));
    for bad in ["alert(", "document.location", "evil.example", "onerror"] {
        assert!(
            !doc.text.contains(bad),
            "{bad} leaked into the text: {}",
            doc.text
        );
    }
}

#[test]
fn right_to_left_emoji_and_zero_width_text() {
    survives(vec![
        input("rtl.txt", "عنوان الخبر\n\nقال الرئيس إن الجسر أعيد فتحه يوم الاثنين. The mayor said \u{201c}شكرا\u{201d} to the crews."),
        input("mixed.txt", "Mixed \u{202e}reversed\u{202c} direction \u{200f}marks\u{200e} here. Next one."),
        input("emoji.txt", "Flood 🌊🌊 hits town 🏠\u{200b}\u{200d}\u{feff}. Families 👨‍👩‍👧 were evacuated. “Wow 😮,” she said."),
    ]);
}

#[test]
fn a_quotation_mark_every_other_character() {
    let marks: String = "a\"b“c”d'e‘f’g«h»i„j"
        .chars()
        .cycle()
        .take(200_000)
        .collect();
    survives(vec![input("quotes.txt", marks)]);
}

#[test]
fn five_thousand_tiny_files() {
    let hostile: Vec<Input> = (0..5000)
        .map(|i| {
            input(
                &format!("tiny-{i:04}.txt"),
                format!("Tiny note {i}. It has two sentences."),
            )
        })
        .collect();
    let report = survives(hostile);
    assert!(report.documents.len() >= 5000);
}

#[test]
fn the_same_file_twice_is_loaded_once() {
    let report = survives(vec![input("copy-of-a.txt", GOOD_A)]);
    let dup = report
        .errors
        .iter()
        .find(|e| e.file == "copy-of-a.txt")
        .expect("duplicate reported");
    assert!(
        dup.reason.contains("same file as good-a.txt"),
        "{}",
        dup.reason
    );
}

#[test]
fn a_zip_bomb() {
    // Twenty archives nested in one, each inflating twenty megabytes of one
    // letter: 400 MB from a few hundred kilobytes.
    let megabyte = vec![b'a'; 1 << 20];
    let names: Vec<String> = (0..20).map(|i| format!("part-{i:02}.txt")).collect();
    let inner = common::zip::build_zip(
        &names
            .iter()
            .map(|n| common::zip::entry(n, &megabyte))
            .collect::<Vec<_>>(),
    );
    let inner_names: Vec<String> = (0..20).map(|i| format!("inner-{i:02}.zip")).collect();
    let outer = common::zip::build_zip(
        &inner_names
            .iter()
            .map(|n| common::zip::entry(n, &inner))
            .collect::<Vec<_>>(),
    );
    assert!(
        outer.len() < 2 << 20,
        "the bomb itself is small ({} bytes)",
        outer.len()
    );
    let report = survives(vec![input("bomb.zip", outer)]);
    assert!(
        report
            .errors
            .iter()
            .any(|e| e.file.starts_with("bomb.zip") && e.reason.contains("zip bomb")),
        "{:?}",
        report
            .errors
            .iter()
            .filter(|e| e.file.starts_with("bomb.zip"))
            .take(3)
            .collect::<Vec<_>>()
    );
}
