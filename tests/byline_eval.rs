//! Bylines measured on 30 development pages of
//! `../shared/eval/article_extraction/` whose visible byline we wrote down
//! by hand (`tests/gold/bylines.tsv`): the share of pages whose `byline`
//! holds every author's surname, and the share given a byline that names
//! none of them (a wrong byline is worse than none).
//! `PARALLAX_EVAL_VERBOSE=1` prints each page that is not found.

mod common;

#[test]
fn bylines_on_the_development_pages() {
    let Some(shared) = common::shared_dir("byline_eval") else {
        return;
    };
    let dir = shared.join("eval/article_extraction");
    let gold = include_str!("gold/bylines.tsv");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .expect("article_extraction readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".html"))
        .collect();
    let verbose = std::env::var("PARALLAX_EVAL_VERBOSE").is_ok();
    let (mut pages, mut found, mut wrong) = (0, 0, 0);
    for line in gold
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (prefix, names) = line.split_once('\t').expect("prefix<TAB>names");
        let file = files
            .iter()
            .find(|f| f.starts_with(prefix))
            .unwrap_or_else(|| panic!("no page starts with {prefix}"));
        let bytes = std::fs::read(dir.join(file)).expect("page readable");
        let doc = parallax::ingest::ingest(file, &bytes)
            .into_iter()
            .next()
            .and_then(Result::ok);
        let byline = doc
            .and_then(|d| d.byline)
            .unwrap_or_default()
            .to_lowercase();
        let surnames: Vec<String> = names
            .split("; ")
            .map(|n| n.rsplit(' ').next().unwrap_or(n).to_lowercase())
            .collect();
        pages += 1;
        if surnames.iter().all(|s| byline.contains(s.as_str())) {
            found += 1;
        } else {
            if !byline.is_empty() && !surnames.iter().any(|s| byline.contains(s.as_str())) {
                wrong += 1;
            }
            if verbose {
                println!("{prefix}: want {names}, got {byline:?}");
            }
        }
    }
    let share = f64::from(found) / f64::from(pages);
    println!("bylines found on {found} of {pages} pages ({share:.2}); a wrong byline on {wrong}");
    assert_eq!(pages, 30);
    assert!(share >= 0.80, "bylines found fell to {share:.2}");
}
