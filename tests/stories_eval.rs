//! Story grouping measured on text it was not fitted on where possible:
//! the seeds (003 reports a 2022 visit, the others one in 2019), every
//! development topic of ECB+ dropped together (two similar events per
//! topic), and 100 AllSides stories' leads dropped together. Asserts the
//! seeds' grouping and floors under the development figures (ECB+ 0.917
//! when its floor was set, now 0.980; AllSides 0.900, the floor being the
//! issue's target); prints B-cubed precision, recall and F1
//! against the events; the stories of
//! kept-aside data (ECB+ topics 08-10, AllSides ids that are multiples of
//! 4, never used to fit `src/stories.rs`) are printed with
//! `PARALLAX_ASIDE=1` only.

mod common;

use parallax::stories::b_cubed;
use parallax::{analyze, Input, Options};
use std::path::{Path, PathBuf};

/// Every `.txt` file of `folders`, named `folder/file`, with the folder's
/// name as the gold event.
fn corpus(folders: &[PathBuf]) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut gold = Vec::new();
    for folder in folders {
        let label = folder.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
            .expect("folder readable")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            inputs.push(Input {
                name: format!("{label}/{}", f.file_name().unwrap().to_string_lossy()),
                bytes: std::fs::read(&f).expect("file readable"),
            });
            gold.push(label.clone());
        }
    }
    (inputs, gold)
}

/// B-cubed of the Report's stories against `gold` (per input, in order).
fn score(name: &str, folders: &[PathBuf]) -> f64 {
    let (inputs, gold) = corpus(folders);
    let report = analyze(&inputs, &Options::default());
    assert_eq!(
        report.documents.len(),
        gold.len(),
        "{name}: every file is a document"
    );
    let mut story_of = vec![usize::MAX; report.documents.len()];
    for s in &report.stories {
        for &d in &s.documents {
            story_of[d] = s.id;
        }
    }
    assert!(
        story_of.iter().all(|&s| s != usize::MAX),
        "{name}: every document has a story"
    );
    let (p, r, f) = b_cubed(&story_of, &gold);
    let events = {
        let mut g = gold.clone();
        g.sort();
        g.dedup();
        g.len()
    };
    println!(
        "stories {name}: documents {}, events {events}, stories {}, B-cubed precision {p:.3} recall {r:.3} F1 {f:.3}",
        gold.len(),
        report.stories.len()
    );
    f
}

fn subfolders(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("folder readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

#[test]
fn stories_of_the_seeds_ecbplus_and_allsides() {
    let Some(shared) = common::shared_dir("stories_eval") else {
        return;
    };
    let aside = std::env::var_os("PARALLAX_ASIDE").is_some();

    // The seeds: printed, with which documents share a story.
    let seeds = common::seed_files("stories_eval").expect("seeds");
    let inputs: Vec<Input> = seeds
        .into_iter()
        .map(|(name, bytes)| Input { name, bytes })
        .collect();
    let report = analyze(&inputs, &Options::default());
    let groups: Vec<Vec<usize>> = report.stories.iter().map(|s| s.documents.clone()).collect();
    println!("stories seeds: {groups:?} (a reader: [[0, 1, 2, 4], [3]])");
    assert_eq!(
        groups,
        vec![vec![0, 1, 2, 4], vec![3]],
        "the seeds: 003 (the 2022 visit) apart, the four others one story"
    );

    let ecb: Vec<PathBuf> = subfolders(&shared.join("eval/ecbplus"))
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("ecbplus_t")
        })
        .collect();
    let topic = |p: &PathBuf| -> u32 {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        name.split('_')
            .nth(1)
            .and_then(|t| t[1..].parse().ok())
            .unwrap_or(0)
    };
    let (ecb_dev, ecb_aside): (Vec<PathBuf>, Vec<PathBuf>) =
        ecb.into_iter().partition(|p| topic(p) < 8);
    let f = score("ecb+ development topics 01-07", &ecb_dev);
    assert!(f >= 0.90, "ECB+ B-cubed F1 {f:.3} fell below 0.90");

    let id = |p: &PathBuf| -> u32 {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        name.split('_')
            .next()
            .and_then(|t| t.parse().ok())
            .unwrap_or(0)
    };
    let (all_dev, all_aside): (Vec<PathBuf>, Vec<PathBuf>) =
        subfolders(&shared.join("eval/allsides"))
            .into_iter()
            .partition(|p| id(p) % 4 != 0);
    let hundred: Vec<PathBuf> = all_dev.into_iter().take(100).collect();
    let f = score("allsides 100 development stories", &hundred);
    assert!(f >= 0.90, "AllSides B-cubed F1 {f:.3} fell below 0.90");

    if aside {
        score("ecb+ kept-aside topics 08-10", &ecb_aside);
        score("allsides kept-aside stories", &all_aside);
    }
}
