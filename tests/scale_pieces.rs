//! The pieces the Spark job builds on: `story_split` groups a corpus as
//! `analyze` does (the seeds: one 2022 visit apart from four 2019 ones),
//! and an article given as fields reads as the CLI reads its JSON file.

mod common;

use parallax::scale::{article_input, Article};
use parallax::{analyze, story_split, Input, Options};

#[test]
fn story_split_finds_the_stories_analyze_finds() {
    let Some(files) = common::seed_files("scale_pieces") else {
        return;
    };
    let inputs: Vec<Input> = files
        .into_iter()
        .map(|(name, bytes)| Input { name, bytes })
        .collect();
    let options = Options::default();
    let report = analyze(&inputs, &options);
    let split = story_split(&inputs, &options);
    let files: Vec<String> = report.documents.iter().map(|d| d.file.clone()).collect();
    assert_eq!(split.files, files);
    let mut story_of = vec![usize::MAX; files.len()];
    for s in &report.stories {
        for &d in &s.documents {
            story_of[d] = s.id;
        }
    }
    assert_eq!(split.story_of, story_of);
    assert_eq!(report.stories.len(), 2, "the 2019 visit and the 2022 one");
}

#[test]
fn an_unreadable_article_is_an_error_naming_it() {
    let empty = article_input("empty-one", &Article::default());
    let split = story_split(&[empty], &Options::default());
    assert!(split.files.is_empty());
    assert_eq!(split.errors.len(), 1);
    assert!(
        split.errors[0].file.starts_with("empty-one"),
        "{:?}",
        split.errors
    );
}
