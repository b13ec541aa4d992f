//! The `parallax` command line: paths in, a Report (text, JSON or CSV) out;
//! plus `sentences` and `pairs` for working on one stage at a time.

use parallax::align::pairs::{read_pairs, score_pairs};
use parallax::align::THRESHOLD;
use parallax::report::Report;
use parallax::{Input, Options};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
parallax: compare how several outlets covered one event

usage:
  parallax analyze [--format text|json|csv|sentences-csv] [--threads N]
                   [--story N] [--corrections FILE] PATH...
      files and folders (read recursively); a summary (stories first),
      the Report JSON, the claims grid as CSV, or every sentence as CSV
      (sentence,story,document,outlet,file,kind,claim,text; claim empty
      when no other outlet carries it) on stdout; --story N keeps only
      story N's claims and quote groups; --corrections FILE applies
      corrections by hand (a JSON list, or a Report exported from the
      page with its corrections)
  parallax sentences [FILE]
      one document body in (stdin when no FILE), one sentence a line out
  parallax framing-score [--sample N] DIR
      a folder of triplets in BASIL's layout (DIR/annotations.jsonl, one
      folder per event with one .txt per outlet) in; the share of
      annotated lexical spans in aligned sentences that framing flags,
      and the share of flagged words inside such spans or a label,
      reporting-verb or hedge difference, for the tuning and the aside
      triplets; --sample N also prints N tuning differences to check;
      with PARALLAX_EVAL_VERBOSE=1 every missed span and flagged word
  parallax pairs [FILE]
      TSV lines \"a<TAB>b\" in (or \"label<TAB>a<TAB>b\"), \"score<TAB>0|1\" out
";

#[derive(Clone, Copy, PartialEq)]
enum OutputFormat {
    Text,
    Json,
    Csv,
    SentencesCsv,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("parallax: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next().map_err(|e| e.to_string())? {
        Some(Value(v)) => v.string().map_err(|e| e.to_string())?,
        Some(Long("help")) | Some(Short('h')) | None => {
            print!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => return Err(format!("{}\n\n{USAGE}", other.unexpected())),
    };
    let mut format = OutputFormat::Text;
    let mut threads = None;
    let mut story = None;
    let mut sample = 0usize;
    let mut corrections = Vec::new();
    let mut paths: Vec<PathBuf> = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("format") | Short('f') => {
                let v = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .string()
                    .map_err(|e| e.to_string())?;
                format = match v.as_str() {
                    "text" => OutputFormat::Text,
                    "json" => OutputFormat::Json,
                    "csv" => OutputFormat::Csv,
                    "sentences-csv" => OutputFormat::SentencesCsv,
                    other => {
                        return Err(format!(
                            "unknown format '{other}' (text, json, csv or sentences-csv)"
                        ))
                    }
                };
            }
            Long("threads") | Short('j') => {
                let v: usize = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .parse()
                    .map_err(|e| format!("--threads: {e}"))?;
                threads = Some(v);
            }
            Long("sample") => {
                sample = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .parse()
                    .map_err(|e| format!("--sample: {e}"))?;
            }
            Long("story") => {
                let v: usize = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .parse()
                    .map_err(|e| format!("--story: {e}"))?;
                story = Some(v);
            }
            Long("corrections") => {
                let file = PathBuf::from(parser.value().map_err(|e| e.to_string())?);
                let text = std::fs::read_to_string(&file)
                    .map_err(|e| format!("--corrections {}: {}", file.display(), io_reason(&e)))?;
                corrections = parallax::corrections::parse(&text)
                    .map_err(|e| format!("--corrections {}: {e}", file.display()))?;
            }
            Long("help") | Short('h') => {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Value(v) => paths.push(PathBuf::from(v)),
            other => return Err(format!("{}\n\n{USAGE}", other.unexpected())),
        }
    }
    if let Some(n) = threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    match command.as_str() {
        "analyze" => cmd_analyze(&paths, format, story, corrections),
        "sentences" => cmd_sentences(paths.first()),
        "pairs" => cmd_pairs(paths.first()),
        "framing-score" => cmd_framing_score(paths.first(), sample),
        other => Err(format!("unknown command '{other}'\n\n{USAGE}")),
    }
}

fn read_input(path: Option<&PathBuf>) -> Result<String, String> {
    let mut bytes = Vec::new();
    match path {
        Some(p) => {
            bytes = std::fs::read(p).map_err(|e| format!("{}: {}", p.display(), io_reason(&e)))?
        }
        None => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("stdin: {e}"))?;
        }
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Collects files under the given paths (folders recursively, sorted).
fn collect_files(paths: &[PathBuf], errors: &mut Vec<String>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        walk(path, &mut files, errors);
    }
    files
}

fn walk(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    match std::fs::metadata(path) {
        Err(e) => errors.push(format!("{}: {}", path.display(), io_reason(&e))),
        Ok(meta) if meta.is_dir() => match std::fs::read_dir(path) {
            Err(e) => errors.push(format!("{}: {}", path.display(), io_reason(&e))),
            Ok(entries) => {
                let mut children: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                children.sort();
                for child in children {
                    let hidden = child
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'));
                    if !hidden {
                        walk(&child, files, errors);
                    }
                }
            }
        },
        Ok(_) => files.push(path.to_path_buf()),
    }
}

fn cmd_analyze(
    paths: &[PathBuf],
    format: OutputFormat,
    story: Option<usize>,
    corrections: Vec<parallax::corrections::Correction>,
) -> Result<ExitCode, String> {
    if paths.is_empty() {
        return Err(format!(
            "analyze needs at least one file or folder\n\n{USAGE}"
        ));
    }
    let mut errors = Vec::new();
    let files = collect_files(paths, &mut errors);
    let mut inputs = Vec::new();
    for file in files {
        match std::fs::read(&file) {
            Ok(bytes) => inputs.push(Input {
                name: file.display().to_string(),
                bytes,
            }),
            Err(e) => errors.push(format!("{}: {}", file.display(), io_reason(&e))),
        }
    }
    // PARALLAX_TIMING=1 prints when each stage starts, for profiling.
    let timing = std::env::var_os("PARALLAX_TIMING").is_some();
    let started = std::time::Instant::now();
    let mut last_stage = None;
    let report = parallax::pipeline::analyze_with_progress(
        &inputs,
        &Options {
            corrections,
            ..Options::default()
        },
        &mut |stage, _, _, _| {
            if timing && last_stage != Some(stage) {
                eprintln!(
                    "parallax: {:>8.3} s  {}",
                    started.elapsed().as_secs_f64(),
                    stage.name()
                );
                last_stage = Some(stage);
            }
        },
    );
    if timing {
        eprintln!("parallax: {:>8.3} s  done", started.elapsed().as_secs_f64());
    }
    for e in &errors {
        eprintln!("parallax: {e}");
    }
    let report = match story {
        Some(n) if n >= report.stories.len() => {
            return Err(format!(
                "--story {n}: the corpus holds {} stories (0 to {})",
                report.stories.len(),
                report.stories.len().saturating_sub(1)
            ))
        }
        Some(n) => report.only_story(n),
        None => report,
    };
    for e in &report.errors {
        eprintln!("parallax: {}: {}", e.file, e.reason);
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = match format {
        // Streamed: a large corpus's JSON is tens of megabytes.
        OutputFormat::Json => report
            .write_json(&mut out)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n")),
        OutputFormat::Text => out.write_all(text_summary(&report).as_bytes()),
        OutputFormat::Csv => out.write_all(claims_csv(&report).as_bytes()),
        OutputFormat::SentencesCsv => out.write_all(sentences_csv(&report).as_bytes()),
    }
    .and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(format!("writing the output: {e}"));
        }
    }
    let code = if report.documents.is_empty() {
        eprintln!("parallax: nothing could be analysed");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends here: the system takes back the report's memory at
    // once, where freeing its many small allocations one by one would only
    // delay the exit.
    std::mem::forget(report);
    std::mem::forget(inputs);
    Ok(code)
}

fn outlet_name(report: &Report, doc: usize) -> String {
    let d = &report.documents[doc];
    d.outlet
        .clone()
        .or_else(|| d.title.clone())
        .unwrap_or_else(|| d.file.clone())
}

fn text_summary(report: &Report) -> String {
    let mut s = format!(
        "{} documents, {} sentences, {} claims shared by two or more outlets, {} quotations\n\n",
        report.documents.len(),
        report.sentences.len(),
        report.claims.len(),
        report.quotes.len()
    );
    if !report.stories.is_empty() {
        let n = report.stories.len();
        s += &format!("{n} {}:\n", if n == 1 { "story" } else { "stories" });
        for st in &report.stories {
            let dates = match (&st.first_date, &st.last_date) {
                (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
                (Some(a), _) => format!(", {a}"),
                _ => String::new(),
            };
            let docs: Vec<String> = st.documents.iter().map(|d| d.to_string()).collect();
            let n = st.documents.len();
            s += &format!(
                "  story {}: {} ({n} {}: {}{})\n",
                st.id,
                st.label,
                if n == 1 { "document" } else { "documents" },
                docs.join(","),
                dates
            );
        }
        s += "\n";
    }
    for d in &report.documents {
        s += &format!(
            "[{}] {} | {} | {}: {} claims shared, {} unique\n",
            d.id,
            d.file,
            d.outlet.as_deref().unwrap_or("-"),
            d.title.as_deref().unwrap_or("(no title)"),
            d.claims_shared,
            d.claims_unique
        );
    }
    let mut claims: Vec<_> = report.claims.iter().collect();
    claims.sort_by_key(|c| std::cmp::Reverse(c.docs.len()));
    // A conflict (the values cannot all be true) is what an editor must
    // check; a rounding or an "about" is not, so the two are counted apart
    // (issue 14: a page an editor can trust).
    let conflicting = claims
        .iter()
        .filter(|c| c.discrepancies.iter().any(|d| !d.compatible))
        .count();
    let only_compatible = claims
        .iter()
        .filter(|c| !c.discrepancies.is_empty() && c.discrepancies.iter().all(|d| d.compatible))
        .count();
    if conflicting + only_compatible > 0 {
        s += &format!(
            "\n{conflicting} {} with conflicting values (!), {only_compatible} with compatible differences only (\u{2248}: rounding, ranges, approximations)\n",
            if conflicting == 1 { "claim" } else { "claims" },
        );
    }
    if !claims.is_empty() {
        s += "\nClaims, most widely carried first:\n";
    }
    for c in claims {
        let docs: Vec<String> = c.docs.iter().map(|d| d.to_string()).collect();
        s += &format!(
            "- (story {}, {} outlets: {}) {}\n",
            c.story,
            c.docs.len(),
            docs.join(","),
            c.label
        );
        // Conflicts first, each marked as the page marks it: "!" cannot all
        // hold, "\u{2248}" can.
        let (hard, soft): (Vec<_>, Vec<_>) = c.discrepancies.iter().partition(|d| !d.compatible);
        for d in hard {
            s += &format!("    ! {}\n", d.summary);
        }
        for d in soft {
            s += &format!("    \u{2248} {}\n", d.summary);
        }
    }
    s += &framing_summary(report);
    s
}

/// Per outlet, the words it chose where other outlets' wordings of the same
/// claims chose others: labels (with the others' words), reporting verbs,
/// hedges, evaluative words. Empty when no outlet differs.
fn framing_summary(report: &Report) -> String {
    use parallax::report::framing::TermUse;
    let mut s = String::new();
    let list = |terms: &[TermUse], with_others: bool| -> String {
        terms
            .iter()
            .map(|t| {
                let others: Vec<String> = t
                    .others
                    .iter()
                    .map(|o| {
                        if o.is_empty() {
                            "(none)".to_string()
                        } else {
                            o.clone()
                        }
                    })
                    .collect();
                if with_others && !others.is_empty() {
                    format!("{} (others: {})", t.term, others.join(" / "))
                } else {
                    t.term.clone()
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    for o in &report.framing_outlets {
        let rows = [
            ("terms", list(&o.labels, true)),
            ("reporting verbs", list(&o.reporting_verbs, false)),
            ("hedges", list(&o.hedges, false)),
            ("evaluative", list(&o.evaluative, false)),
        ];
        if rows.iter().all(|(_, v)| v.is_empty()) {
            continue;
        }
        if s.is_empty() {
            s += "\nWording, per outlet (where outlets word the same claim differently):\n";
        }
        s += &format!("{}:\n", o.outlet);
        for (name, v) in rows.iter().filter(|(_, v)| !v.is_empty()) {
            s += &format!("    {name}: {v}\n");
        }
    }
    s
}

/// The kinds of a claim's framing differences, each with each outlet's
/// words: "label: rebels and militants / rebel groups; hedge: according to
/// X / (none)", for the claims CSV.
fn framing_cell(report: &Report, claim: usize) -> String {
    report
        .framing
        .iter()
        .filter(|f| f.claim == Some(claim))
        .map(|f| {
            let words: Vec<&str> = f
                .wordings
                .iter()
                .map(|w| {
                    if w.text.is_empty() {
                        "(none)"
                    } else {
                        w.text.as_str()
                    }
                })
                .collect();
            format!("{}: {}", f.kind.name(), words.join(" / "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The claims grid: one row per claim, one column per document.
pub fn claims_csv(report: &Report) -> String {
    let mut header = vec![
        "claim".to_string(),
        "support".to_string(),
        "label".to_string(),
        "discrepancies".to_string(),
        "framing".to_string(),
    ];
    header.extend(
        report
            .documents
            .iter()
            .map(|d| csv_field(&outlet_name(report, d.id))),
    );
    let mut s = header.join(",") + "\n";
    for c in &report.claims {
        let mut row = vec![
            c.id.to_string(),
            c.docs.len().to_string(),
            csv_field(&c.label),
            csv_field(
                &c.discrepancies
                    .iter()
                    .map(|d| d.summary.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            csv_field(&framing_cell(report, c.id)),
        ];
        for d in &report.documents {
            // Each sentence between the quotation marks its wording needs
            // to read whole (set on the first and last of a run).
            let wording: Vec<String> = c
                .wordings
                .iter()
                .filter(|w| w.doc == d.id)
                .filter_map(|w| {
                    let s = report.sentences.get(w.sentence)?;
                    Some(format!("{}{}{}", w.before, s.text, w.after))
                })
                .collect();
            row.push(csv_field(&wording.join(" ")));
        }
        s += &(row.join(",") + "\n");
    }
    s
}

/// Every sentence, one row each, in the Report's order: its story, document,
/// outlet, file, kind, claim (empty when no other outlet carries it) and
/// text. The page's "Sentences (CSV)" export writes the same bytes
/// (sentencesCsv in www/js/export.js).
pub fn sentences_csv(report: &Report) -> String {
    let mut story_of = vec![None; report.documents.len()];
    for st in &report.stories {
        for &d in &st.documents {
            if let Some(slot) = story_of.get_mut(d) {
                *slot = Some(st.id);
            }
        }
    }
    let mut s = String::from("sentence,story,document,outlet,file,kind,claim,text\n");
    for sentence in &report.sentences {
        let doc = &report.documents[sentence.doc];
        // The kind as the Report's JSON spells it ("claim", "heading", ...).
        let kind = serde_json::to_value(sentence.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let row = [
            sentence.id.to_string(),
            story_of[sentence.doc].map_or(String::new(), |n| n.to_string()),
            sentence.doc.to_string(),
            csv_field(&outlet_name(report, doc.id)),
            csv_field(&doc.file),
            kind,
            sentence.claim.map_or(String::new(), |c| c.to_string()),
            csv_field(&sentence.text),
        ];
        s += &(row.join(",") + "\n");
    }
    s
}

fn cmd_sentences(path: Option<&PathBuf>) -> Result<ExitCode, String> {
    let body = read_input(path)?;
    // Buffered, and each sentence written word by word: a 50 MB one-line
    // input makes neither a syscall per sentence nor a vector of its words.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let write_sentence = |out: &mut std::io::BufWriter<_>, sentence: &str| {
        for (i, word) in sentence.split_whitespace().enumerate() {
            if i > 0 {
                out.write_all(b" ")?;
            }
            out.write_all(word.as_bytes())?;
        }
        out.write_all(b"\n")
    };
    for (start, end) in parallax::segment::split_sentences(&body) {
        if write_sentence(&mut out, &body[start..end]).is_err() {
            return Ok(ExitCode::SUCCESS); // a closed pipe ends the output
        }
    }
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}

fn cmd_pairs(path: Option<&PathBuf>) -> Result<ExitCode, String> {
    let input = read_input(path)?;
    let pairs = read_pairs(&input);
    let mut out = std::io::stdout().lock();
    for score in score_pairs(&pairs, parallax::Options::default().words) {
        if writeln!(out, "{score:.4}\t{}", u8::from(score >= THRESHOLD)).is_err() {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// FNV-1a of a triplet's folder name: odd puts it aside (the split of
/// tests/basil_speakers.rs, so both measures keep the same triplets aside).
fn is_aside(group: &str) -> bool {
    let h = group.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    h % 2 == 1
}

/// `parallax framing-score DIR`: see USAGE. Each folder's outlets are
/// analysed together, as one corpus; an annotation names its outlet by the
/// file's stem (`foxnews` for `foxnews.txt`).
fn cmd_framing_score(dir: Option<&PathBuf>, sample: usize) -> Result<ExitCode, String> {
    use parallax::report::framing_score::{locate, score, Annotated, FramingTally};
    use std::collections::BTreeMap;
    let dir = dir.ok_or("framing-score: give the folder of triplets")?;
    let file = dir.join("annotations.jsonl");
    let text = std::fs::read_to_string(&file)
        .map_err(|e| format!("{}: {}", file.display(), io_reason(&e)))?;
    // group -> (outlet, annotated text)
    let mut lex: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let a: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("{} line {}: {e}", file.display(), n + 1))?;
        let field = |k: &str| a.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
        if field("bias") == "lex" {
            lex.entry(field("group"))
                .or_default()
                .push((field("outlet"), field("txt")));
        }
    }
    let mut groups: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {}", dir.display(), io_reason(&e)))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    groups.sort();
    let (mut tune, mut aside) = (FramingTally::default(), FramingTally::default());
    let mut shown = 0;
    // PARALLAX_EVAL_VERBOSE=1 prints the tuning triplets' missed spans.
    let verbose = std::env::var_os("PARALLAX_EVAL_VERBOSE").is_some();
    for group in &groups {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(group))
            .map_err(|e| format!("{}/{group}: {}", dir.display(), io_reason(&e)))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let mut inputs = Vec::new();
        for p in &files {
            let bytes =
                std::fs::read(p).map_err(|e| format!("{}: {}", p.display(), io_reason(&e)))?;
            inputs.push(Input {
                name: format!(
                    "{group}/{}",
                    p.file_name().unwrap_or_default().to_string_lossy()
                ),
                bytes,
            });
        }
        let report = parallax::analyze(&inputs, &Options::default());
        let mut spans = Vec::new();
        let mut unplaced = 0;
        for (outlet, txt) in lex.get(group).map(Vec::as_slice).unwrap_or(&[]) {
            let doc = report
                .documents
                .iter()
                .find(|d| d.file == format!("{group}/{outlet}.txt"));
            match doc.and_then(|d| Some((d.id, locate(&d.text, txt)?))) {
                Some((doc, (start, end))) => spans.push(Annotated { doc, start, end }),
                None => unplaced += 1,
            }
        }
        let mut t = score(&report, &spans);
        t.unplaced += unplaced;
        let aside_group = is_aside(group);
        if verbose {
            for a in &t.missed {
                let Some(d) = report.documents.get(a.doc) else {
                    continue;
                };
                let units: Vec<u16> = d.text.encode_utf16().collect();
                let piece = |s: usize, e: usize| {
                    String::from_utf16_lossy(units.get(s.min(e)..e.min(units.len())).unwrap_or(&[]))
                };
                let sentence = report
                    .sentences
                    .iter()
                    .find(|x| x.doc == a.doc && x.start < a.end && a.start < x.end);
                println!(
                    "missed {}{group} {}: {:?}\n    in: {}",
                    if aside_group { "(aside) " } else { "" },
                    d.file,
                    piece(a.start, a.end),
                    sentence.map_or("", |x| x.text.as_str())
                );
            }
            for (a, right) in &t.flagged_words {
                let Some(d) = report.documents.get(a.doc) else {
                    continue;
                };
                let units: Vec<u16> = d.text.encode_utf16().collect();
                let word = String::from_utf16_lossy(units.get(a.start..a.end).unwrap_or(&[]));
                println!(
                    "{} {}{group} {}: {word:?}",
                    if *right { "right" } else { "wrong" },
                    if aside_group { "(aside) " } else { "" },
                    d.file
                );
            }
        }
        if aside_group { &mut aside } else { &mut tune }.add(&t);
        if !aside_group {
            for f in report.framing.iter().take(sample.saturating_sub(shown)) {
                shown += 1;
                let terms: Vec<String> = f
                    .wordings
                    .iter()
                    .map(|w| format!("{}={:?}", w.doc, w.text))
                    .collect();
                let first = f
                    .wordings
                    .first()
                    .and_then(|w| report.sentences.get(w.sentence));
                println!(
                    "sample {group} {} {}: {}\n    in: {}",
                    f.kind.name(),
                    f.claim.map_or_else(
                        || format!("group {:?}", f.quote_group),
                        |c| format!("claim {c}")
                    ),
                    terms.join(" | "),
                    first.map_or("", |s| s.text.as_str())
                );
            }
        }
    }
    let aside_names: Vec<&str> = groups
        .iter()
        .filter(|g| is_aside(g))
        .map(String::as_str)
        .collect();
    for (name, t) in [("tuning", &tune), ("aside", &aside)] {
        println!(
            "framing {name}: flagged {:.3} ({}/{} lexical spans in aligned sentences; {} with details); words right {:.3} ({}/{}; {} inside annotated spans; {} more words in details only); {} spans not found in the text",
            t.recall(),
            t.flagged,
            t.aligned,
            t.flagged_with_details,
            t.precision(),
            t.words_right,
            t.words,
            t.words_annotated,
            t.detail_words,
            t.unplaced
        );
    }
    println!(
        "aside triplets ({}): {}",
        aside_names.len(),
        aside_names.join(" ")
    );
    Ok(ExitCode::SUCCESS)
}
