//! Shared helpers for integration tests: where `../shared` is, and the rule
//! for when it is missing (skip with a message, but fail under `CI=true`).
#![allow(dead_code)]

pub mod claims_gold;
pub mod zip;

use std::path::PathBuf;

/// `../shared` beside the repository, or `None` (after saying why) when a
/// public clone does not have it. Under `CI=true` its absence is a failure.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{test}: ../shared is missing, and CI=true requires it");
    }
    eprintln!("{test}: skipped, ../shared is not beside this checkout");
    None
}

/// The five seed articles, as (file name, bytes), sorted by name.
pub fn seed_files(test: &str) -> Option<Vec<(String, Vec<u8>)>> {
    let dir = shared_dir(test)?.join("seeds");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("seeds folder readable")
        .map(|e| e.expect("seed entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).expect("seed readable"),
            )
        })
        .collect();
    files.sort();
    Some(files)
}

/// Checks the Report's invariants: every span slices its document's text
/// (in UTF-16 units) to exactly the text it claims, and every id points at
/// something that exists. Panics with the first violation.
pub fn validate_report(report: &parallax::Report) {
    let docs = &report.documents;
    let units: Vec<Vec<u16>> = docs
        .iter()
        .map(|d| d.text.encode_utf16().collect())
        .collect();
    let slice = |doc: usize, start: usize, end: usize| -> String {
        let u = &units[doc];
        assert!(
            start <= end && end <= u.len(),
            "span {start}..{end} outside document {doc} ({} units)",
            u.len()
        );
        String::from_utf16(&u[start..end]).unwrap_or_else(|_| {
            panic!("span {start}..{end} of document {doc} splits a surrogate pair")
        })
    };
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(d.id, i, "document ids are their positions");
    }
    for (i, s) in report.sentences.iter().enumerate() {
        assert_eq!(s.id, i, "sentence ids are their positions");
        assert!(s.doc < docs.len(), "sentence {i} names a missing document");
        if !docs[s.doc].text.is_empty() {
            assert_eq!(slice(s.doc, s.start, s.end), s.text, "sentence {i} span");
        }
        if let Some(c) = s.claim {
            assert!(
                c < report.claims.len(),
                "sentence {i} names a missing claim"
            );
            assert!(
                report.claims[c].sentences.contains(&i),
                "claim {c} does not list sentence {i}"
            );
        }
    }
    for (i, q) in report.quotes.iter().enumerate() {
        assert_eq!(q.id, i, "quote ids are their positions");
        assert!(q.doc < docs.len(), "quote {i} names a missing document");
        assert!(
            q.sentence < report.sentences.len(),
            "quote {i} names a missing sentence"
        );
        assert_eq!(
            report.sentences[q.sentence].doc, q.doc,
            "quote {i} sentence is in another document"
        );
        if !docs[q.doc].text.is_empty() {
            assert_eq!(slice(q.doc, q.start, q.end), q.text, "quote {i} span");
        }
        if let Some(g) = q.group {
            assert!(
                g < report.quote_groups.len(),
                "quote {i} names a missing group"
            );
        }
    }
    for (i, c) in report.claims.iter().enumerate() {
        assert_eq!(c.id, i, "claim ids are their positions");
        assert!(c.docs.len() >= 2, "claim {i} has fewer than two documents");
        for &s in &c.sentences {
            assert!(
                s < report.sentences.len(),
                "claim {i} names a missing sentence"
            );
            assert!(
                report.sentences[s].claims.contains(&i),
                "claim {i} lists sentence {s} which does not list it"
            );
            assert_eq!(
                report.sentences[s].claim,
                report.sentences[s].claims.first().copied(),
                "sentence {s}: claim is the first of claims"
            );
            assert!(
                c.docs.contains(&report.sentences[s].doc),
                "claim {i} docs miss a member's document"
            );
        }
        for &d in &c.docs {
            assert!(d < docs.len(), "claim {i} names a missing document");
        }
    }
    for (i, g) in report.quote_groups.iter().enumerate() {
        assert_eq!(g.id, i, "quote group ids are their positions");
        for &q in &g.quotes {
            assert!(q < report.quotes.len(), "group {i} names a missing quote");
            assert_eq!(
                report.quotes[q].group,
                Some(i),
                "group {i} lists quote {q} which points elsewhere"
            );
        }
        for &d in &g.docs {
            assert!(d < docs.len(), "group {i} names a missing document");
        }
    }
    for s in &report.speakers {
        for &d in &s.docs {
            assert!(
                d < docs.len(),
                "speaker {} names a missing document",
                s.name
            );
        }
    }
    // Framing: ids point at claims, groups, sentences and quotations that
    // exist, and each span slices its sentence (or quotation) to its text.
    for (i, f) in report.framing.iter().enumerate() {
        assert!(
            f.claim
                .is_some_and(|c| report.claims.iter().any(|x| x.id == c))
                || f.quote_group
                    .is_some_and(|g| report.quote_groups.iter().any(|x| x.id == g)),
            "framing {i} names no claim or quote group of the Report"
        );
        assert!(
            f.wordings.len() >= 2,
            "framing {i} links fewer than two wordings"
        );
        for w in &f.wordings {
            assert!(w.doc < docs.len(), "framing {i} names a missing document");
            let Some([s, e]) = w.span else {
                continue;
            };
            let text = match w.quote {
                Some(q) => &report.quotes[q].text,
                None => &report.sentences[w.sentence].text,
            };
            let units: Vec<u16> = text.encode_utf16().collect();
            assert!(
                s < e && e <= units.len(),
                "framing {i} span {s}..{e} outside its text"
            );
            assert_eq!(
                String::from_utf16_lossy(&units[s..e]),
                w.text,
                "framing {i} span does not slice to its text"
            );
        }
    }
    assert_eq!(report.similarity.len(), docs.len());
    for row in &report.similarity {
        assert_eq!(row.len(), docs.len());
        assert!(
            row.iter().all(|x| x.is_finite() && (0.0..=1.0).contains(x)),
            "similarity outside [0, 1]"
        );
    }
}

/// The five seeds analysed together as one corpus, or `None` without ../shared.
pub fn seed_report(test: &str) -> Option<parallax::Report> {
    let inputs: Vec<parallax::Input> = seed_files(test)?
        .into_iter()
        .map(|(name, bytes)| parallax::Input { name, bytes })
        .collect();
    Some(parallax::analyze(&inputs, &parallax::Options::default()))
}

/// The id of the seed document whose file name starts with `prefix` ("000").
pub fn seed_doc(report: &parallax::Report, prefix: &str) -> usize {
    report
        .documents
        .iter()
        .find(|d| {
            std::path::Path::new(&d.file)
                .file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}"))
        .id
}

/// [`seed_report`] as the JSON the CLI prints, for checking field names.
pub fn seed_report_json(test: &str) -> Option<serde_json::Value> {
    let report = seed_report(test)?;
    Some(serde_json::from_str(&report.to_json()).expect("the Report is valid JSON"))
}

/// The Report, as JSON, of fixture files of `tests/fixtures/<folder>/`
/// analysed together with the default options.
pub fn fixture_report(folder: &str, files: &[&str]) -> serde_json::Value {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let inputs: Vec<parallax::Input> = files
        .iter()
        .map(|f| parallax::Input {
            name: f.to_string(),
            bytes: std::fs::read(dir.join(f)).expect("fixture readable"),
        })
        .collect();
    serde_json::from_str(&parallax::analyze(&inputs, &parallax::Options::default()).to_json())
        .expect("valid JSON")
}
