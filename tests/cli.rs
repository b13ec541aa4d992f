//! The command line as a person uses it: paths, folders, formats, bad input,
//! exit codes (never 101, the code of a panic).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn parallax(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the parallax binary starts");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert_ne!(
        out.status.code(),
        Some(101),
        "parallax panicked: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const A: &str = "Ferry service resumes\n\nThe ferry between Orm and Lusk resumed on Friday after a two-day strike, the operator said.";
const B: &str = "Strike ends at ferry\n\nFerry service between Orm and Lusk resumed on Friday after a strike of two days, the operator said.";

#[test]
fn analyze_a_folder_as_text_json_and_csv() {
    let dir = scratch("folder");
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::create_dir(dir.join("nested")).unwrap();
    std::fs::write(dir.join("nested/b.txt"), B).unwrap();
    let d = dir.to_str().unwrap();

    let text = parallax(&["analyze", d], None);
    assert!(text.status.success());
    let summary = String::from_utf8(text.stdout).unwrap();
    assert!(summary.starts_with("2 documents"), "{summary}");

    let json = parallax(&["analyze", "--format", "json", d], None);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON on stdout");
    assert_eq!(report["schema"], "parallax.report/1");
    assert_eq!(report["documents"].as_array().unwrap().len(), 2);
    // The two ferry sentences are one claim (the two headlines, which
    // report the same event in other words, may be another).
    let claims = report["claims"].as_array().unwrap();
    let sentences = report["sentences"].as_array().unwrap();
    let body: Vec<&serde_json::Value> = sentences
        .iter()
        .filter(|s| s["text"].as_str().unwrap().contains("Orm and Lusk"))
        .collect();
    assert_eq!(body.len(), 2);
    assert!(body[0]["claim"].is_u64() && body[0]["claim"] == body[1]["claim"]);

    let csv = parallax(&["analyze", "--format", "csv", d], None);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("claim,support,label,discrepancies,framing,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 1 + claims.len(), "{csv}");

    // Every sentence, shared or not; one that no other outlet carries has
    // an empty claim column.
    let rows = parallax(&["analyze", "--format", "sentences-csv", d], None);
    let rows = String::from_utf8(rows.stdout).unwrap();
    let mut lines = rows.lines();
    assert_eq!(
        lines.next(),
        Some("sentence,story,document,outlet,file,kind,claim,text")
    );
    assert_eq!(rows.lines().count(), 1 + sentences.len(), "{rows}");
    for (line, s) in lines.zip(sentences) {
        let claim = s["claim"].as_u64().map_or(String::new(), |c| c.to_string());
        let fields: Vec<&str> = line.splitn(8, ',').collect();
        assert_eq!(fields[0], s["id"].to_string(), "{line}");
        assert_eq!(fields[5], s["kind"].as_str().unwrap(), "{line}");
        assert_eq!(fields[6], claim, "{line}");
    }
}

#[test]
fn the_summary_keeps_conflicts_apart_from_roundings() {
    // tests/fixtures/discrepancy_views: "3 crew" against "5 crew" (a
    // conflict), "About 400" against "Some 412" passengers (compatible).
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/discrepancy_views"
    );
    let out = parallax(&["analyze", dir], None);
    assert!(out.status.success());
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(
        summary.contains("1 claim with conflicting values (!), 1 with compatible differences only"),
        "{summary}"
    );
    assert!(summary.contains("    ! numbers differ: "), "{summary}");
    assert!(
        summary.contains("    \u{2248} numbers stated differently (compatible): "),
        "{summary}"
    );
    assert!(
        !summary.contains("! numbers stated differently"),
        "{summary}"
    );
}

#[test]
fn bad_paths_are_named_and_the_rest_is_analysed() {
    let dir = scratch("bad");
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("image.png"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 0x0d, 0, 0, 0, 0],
    )
    .unwrap();
    let missing = dir.join("missing.txt");
    let out = parallax(
        &["analyze", dir.to_str().unwrap(), missing.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "something was analysed, so exit 0");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("missing.txt: no such file or folder"), "{err}");
    assert!(err.contains("empty.txt: the file is empty"), "{err}");
    assert!(err.contains("image.png"), "{err}");
}

#[test]
fn nothing_analysable_exits_non_zero() {
    let out = parallax(&["analyze", "/definitely/not/here"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("/definitely/not/here: no such file or folder"),
        "{err}"
    );
    let usage = parallax(&["analyze"], None);
    assert_eq!(usage.status.code(), Some(2));
    let unknown = parallax(&["frobnicate"], None);
    assert_eq!(unknown.status.code(), Some(2));
    let bad_format = parallax(&["analyze", "--format", "xml", "x"], None);
    assert!(String::from_utf8_lossy(&bad_format.stderr).contains("unknown format 'xml'"));
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, A).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::write(dir.join("b.txt"), B).unwrap();
    let out = parallax(&["analyze", dir.to_str().unwrap()], None);
    // Root reads anything; otherwise the locked file must be named.
    if std::fs::read(&locked).is_err() {
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("locked.txt: permission denied"), "{err}");
    }
    assert!(out.status.success());
}

#[test]
fn sentences_reads_stdin_and_folds_newlines() {
    let out = parallax(
        &["sentences"],
        Some("First sentence is\nwrapped here. Second one!\n\nA new paragraph."),
    );
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            "First sentence is wrapped here.",
            "Second one!",
            "A new paragraph."
        ]
    );
}

#[test]
fn pairs_scores_each_line() {
    let input = format!(
        "{}\t{}\nThe cat sat on the mat.\tStock markets fell sharply in Tokyo.\n",
        A.lines().last().unwrap(),
        B.lines().last().unwrap()
    );
    let out = parallax(&["pairs"], Some(&input));
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].ends_with("\t1"), "{lines:?}");
    assert!(lines[1].ends_with("\t0"), "{lines:?}");
}

#[test]
fn corrections_from_a_page_export_apply_to_files_named_from_another_folder() {
    let flood =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align/flood_three_outlets");
    let dir = scratch("corrections");
    // The page names files from the dropped folder down ("wire.txt"); the
    // CLI from where it runs: a correction finds its file either way.
    let list = dir.join("corrections.json");
    std::fs::write(
        &list,
        r#"{"schema":"parallax.report/1","corrections":[
            {"op":"outlet","file":"wire.txt","outlet":"Arlen Wire Service"},
            {"op":"detach","sentence":{"file":"nowhere.txt","start":0}}]}"#,
    )
    .unwrap();
    let out = parallax(
        &[
            "analyze",
            "--format",
            "json",
            "--corrections",
            list.to_str().unwrap(),
            flood.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let wire = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"].as_str().unwrap().ends_with("wire.txt"))
        .unwrap();
    assert_eq!(wire["outlet"], "Arlen Wire Service");
    assert_eq!(wire["outlet_source"], "hand");
    assert_eq!(report["corrections"].as_array().unwrap().len(), 2);
    let notes = report["notes"].to_string();
    assert!(
        notes.contains("could not be applied") && notes.contains("nowhere.txt"),
        "{notes}"
    );

    // A file that is no list of corrections is named with the reason.
    std::fs::write(&list, "{\"corrections\": 3}").unwrap();
    let out = parallax(
        &[
            "analyze",
            "--corrections",
            list.to_str().unwrap(),
            flood.to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--corrections") && err.contains("corrections.json"),
        "{err}"
    );
}
