//! Shared helpers for integration tests: where `../shared` is, and the rule
//! for when it is missing (skip with a message, but fail under `CI=true`).
#![allow(dead_code)]

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
