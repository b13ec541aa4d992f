//! The Python binding (`parallax._native`): documents as Python dicts in;
//! the core's results out as Python objects (the Report through its one
//! JSON serialisation, so Python sees what `parallax analyze --format json`
//! prints); bad input raises `ParallaxError` naming the document. No
//! analysis happens here: each function decodes, calls the core, encodes.

use parallax_core::scale::{self, Article, SignatureShape};
use parallax_core::{pipeline, stories, Input, Options};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use std::collections::HashMap;

create_exception!(
    _native,
    ParallaxError,
    PyValueError,
    "Bad input: the message names the document (its position and name) and the reason."
);

/// The optional fields of a document dict that become the article's metadata.
const FIELDS: &[&str] = &["title", "outlet", "date", "url"];

/// A document dict as the core's input. `index` is its place in the list,
/// for messages.
fn input_of(index: usize, doc: &Bound<'_, PyAny>) -> PyResult<Input> {
    let dict = doc.downcast::<PyDict>().map_err(|_| {
        ParallaxError::new_err(format!(
            "document {index}: expected a dict with 'name' and 'text' or 'bytes', got {}",
            type_name(doc)
        ))
    })?;
    let name: String = match dict.get_item("name")? {
        Some(v) => v.extract().map_err(|_| {
            ParallaxError::new_err(format!("document {index}: 'name' must be a str"))
        })?,
        None => {
            return Err(ParallaxError::new_err(format!(
                "document {index}: 'name' is missing"
            )))
        }
    };
    let at =
        |reason: String| ParallaxError::new_err(format!("document {index} ({name}): {reason}"));
    let mut meta: Vec<Option<String>> = Vec::with_capacity(FIELDS.len());
    for field in FIELDS {
        meta.push(match dict.get_item(field)? {
            None => None,
            Some(v) if v.is_none() => None,
            Some(v) => Some(
                v.extract()
                    .map_err(|_| at(format!("'{field}' must be a str or None")))?,
            ),
        });
    }
    let text = dict.get_item("text")?.filter(|v| !v.is_none());
    let bytes = dict.get_item("bytes")?.filter(|v| !v.is_none());
    match (text, bytes) {
        (Some(_), Some(_)) => Err(at("give 'text' or 'bytes', not both".into())),
        (None, None) => Err(at("'text' or 'bytes' is missing".into())),
        (None, Some(b)) => {
            if meta.iter().any(Option::is_some) {
                return Err(at(
                    "'title', 'outlet', 'date' and 'url' go with 'text'; a file's bytes carry their own".into(),
                ));
            }
            let b = b
                .downcast::<PyBytes>()
                .map_err(|_| at(format!("'bytes' must be bytes, got {}", type_name(&b))))?;
            Ok(Input {
                name,
                bytes: b.as_bytes().to_vec(),
            })
        }
        (Some(t), None) => {
            let text: String = t
                .extract()
                .map_err(|_| at(format!("'text' must be a str, got {}", type_name(&t))))?;
            if meta.iter().all(Option::is_none) {
                return Ok(Input {
                    name,
                    bytes: text.into_bytes(),
                });
            }
            let mut m = meta.into_iter();
            let article = Article {
                title: m.next().flatten(),
                outlet: m.next().flatten(),
                date: m.next().flatten(),
                url: m.next().flatten(),
                text,
            };
            Ok(scale::article_input(&name, &article))
        }
    }
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

fn inputs_of(docs: &Bound<'_, PyAny>) -> PyResult<Vec<Input>> {
    let list = docs.downcast::<PyList>().map_err(|_| {
        ParallaxError::new_err(format!(
            "expected a list of documents, got {}",
            type_name(docs)
        ))
    })?;
    list.iter()
        .enumerate()
        .map(|(i, d)| input_of(i, &d))
        .collect()
}

fn options(include_text: bool) -> Options {
    Options {
        include_text,
        ..Options::default()
    }
}

fn from_json<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

/// The Report's JSON, or an error naming every file when none gave a
/// document (the CLI's non-zero exit).
fn report_json(py: Python<'_>, inputs: Vec<Input>, include_text: bool) -> PyResult<String> {
    let options = options(include_text);
    let report = py.allow_threads(|| parallax_core::analyze(&inputs, &options));
    if report.documents.is_empty() && !inputs.is_empty() {
        let why: Vec<String> = report
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.file, e.reason))
            .collect();
        return Err(ParallaxError::new_err(format!(
            "no document could be analysed ({})",
            why.join("; ")
        )));
    }
    Ok(report.to_json())
}

/// The Report of `docs` (schema parallax.report/1) as Python dicts and lists,
/// as `parallax analyze --format json` prints it. Files that give no document
/// are in report["errors"]; raises ParallaxError for a malformed document
/// dict, or when no document at all could be analysed.
#[pyfunction]
#[pyo3(signature = (docs, include_text = true))]
fn analyze<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    include_text: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let json = report_json(py, inputs_of(docs)?, include_text)?;
    from_json(py, &json)
}

/// As analyze(), the Report as JSON text.
#[pyfunction]
#[pyo3(signature = (docs, include_text = true))]
fn analyze_json(py: Python<'_>, docs: &Bound<'_, PyAny>, include_text: bool) -> PyResult<String> {
    report_json(py, inputs_of(docs)?, include_text)
}

/// The file (name, bytes) the CLI reads for `doc`: a text document with
/// metadata becomes a one-record JSON file named name + ".json".
#[pyfunction]
fn to_file<'py>(
    py: Python<'py>,
    doc: &Bound<'py, PyAny>,
) -> PyResult<(String, Bound<'py, PyBytes>)> {
    let input = input_of(0, doc)?;
    Ok((input.name, PyBytes::new(py, &input.bytes)))
}

/// `bands` band keys (signed 64-bit) of min-hashes over the terms of the
/// headline and lead; documents sharing a key are candidates for one story.
/// Empty when the lead has under two terms.
#[pyfunction]
#[pyo3(signature = (doc, bands = 32, rows = 2))]
fn story_signature(
    py: Python<'_>,
    doc: &Bound<'_, PyAny>,
    bands: usize,
    rows: usize,
) -> PyResult<Vec<i64>> {
    let input = input_of(0, doc)?;
    let shape = SignatureShape { bands, rows };
    let found = py.allow_threads(|| scale::signatures(&input, shape));
    match <[_; 1]>::try_from(found) {
        // Signed, as Spark's LongType and Arrow's int64 hold them.
        Ok([Ok((_, keys))]) => Ok(keys.into_iter().map(|k| k as i64).collect()),
        Ok([Err(e)]) => Err(ParallaxError::new_err(format!(
            "document {}: {}",
            e.file, e.reason
        ))),
        Err(found) => Err(ParallaxError::new_err(format!(
            "document {}: gives {} documents; a signature is of one",
            input.name,
            found.len()
        ))),
    }
}

/// The stories analyze() would find for `docs`, without the claims:
/// {"files": [...], "story_of": [...], "errors": [(file, reason)]}.
#[pyfunction]
fn story_groups<'py>(py: Python<'py>, docs: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let inputs = inputs_of(docs)?;
    let options = Options::default();
    let split = py.allow_threads(|| parallax_core::story_split(&inputs, &options));
    let out = PyDict::new(py);
    out.set_item("files", split.files)?;
    out.set_item("story_of", split.story_of)?;
    let errors: Vec<(String, String)> = split
        .errors
        .into_iter()
        .map(|e| (e.file, e.reason))
        .collect();
    out.set_item("errors", errors)?;
    Ok(out)
}

/// The story record of one document, the per-document half of the story
/// grouping (its terms by stable key, mean embeddings, facts; see the
/// core's `stories::DocTerms`): (record as JSON, the keys of its terms as
/// signed 64-bit integers, for summing document frequencies).
#[pyfunction]
fn story_record(py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<(String, Vec<i64>)> {
    let input = input_of(0, doc)?;
    let name = input.name.clone();
    let options = Options::default();
    let (_, records, errors) =
        py.allow_threads(|| pipeline::story_records_of(std::slice::from_ref(&input), &options));
    if let Some(e) = errors.first() {
        return Err(ParallaxError::new_err(format!(
            "document {}: {}",
            e.file, e.reason
        )));
    }
    let [record] = <[_; 1]>::try_from(records).map_err(|r: Vec<_>| {
        ParallaxError::new_err(format!(
            "document {name}: gives {} documents; a record is of one",
            r.len()
        ))
    })?;
    let keys = record
        .terms
        .iter()
        .filter(|t| t.counts[0] > 0.0)
        .map(|t| t.key as i64)
        .collect();
    Ok((to_json(&record)?, keys))
}

fn to_json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| ParallaxError::new_err(e.to_string()))
}

fn profile_of(json: &str) -> PyResult<stories::Profile> {
    serde_json::from_str(json)
        .map_err(|e| ParallaxError::new_err(format!("not a story profile: {e}")))
}

/// A document's story profile (JSON) from its record, the number of
/// documents in the corpus and the document frequency of each of its
/// terms (signed keys as story_record gives them; a missing key counts 0).
#[pyfunction]
fn story_profile(record: &str, documents: usize, df: HashMap<i64, u32>) -> PyResult<String> {
    let record: stories::DocTerms = serde_json::from_str(record)
        .map_err(|e| ParallaxError::new_err(format!("not a story record: {e}")))?;
    let stats = stories::CorpusStats::new(
        documents,
        df.into_iter().map(|(k, v)| (k as u64, v)).collect(),
    );
    to_json(&stories::profile(&record, &stats))
}

/// The candidate index terms of a profile: [(signed key, weight)]. Two
/// documents are candidates for one story only if they share one.
#[pyfunction]
fn story_index(profile: &str) -> PyResult<Vec<(i64, f64)>> {
    let p = profile_of(profile)?;
    Ok(stories::index_terms(&p)
        .iter()
        .map(|&(k, w)| (k as i64, w as f64))
        .collect())
}

/// For two profiles: None when they are no candidate pair (their index
/// terms' dot product is under the floor); else (all-terms cosine, whether
/// they are copies of one text, the pair's features with those of the
/// neighbourhood left for story_finish).
#[pyfunction]
fn story_pair(a: &str, b: &str) -> PyResult<Option<(f64, bool, Vec<f64>)>> {
    let (p, q) = (profile_of(a)?, profile_of(b)?);
    if stories::candidate_dot(&p, &q) < stories::CANDIDATE_FLOOR {
        return Ok(None);
    }
    let c = stories::all_cosine(&p, &q);
    let f = stories::features_with(&p, &q, c, (0.0, 0.0));
    Ok(Some((
        c as f64,
        stories::is_copy(c),
        f.iter().map(|&x| x as f64).collect(),
    )))
}

/// A pair's features finished with its neighbourhood (each document's
/// best cosine and best feature 2 with a non-copy, and whether the two are
/// each other's nearest): (probability of one story, never one story,
/// strong: the probability reaches the grouping's threshold).
#[pyfunction]
fn story_finish(
    features: Vec<f64>,
    best_a: f64,
    best_b: f64,
    best_lead_a: f64,
    best_lead_b: f64,
    mutual: bool,
) -> PyResult<(f64, bool, bool)> {
    let mut f = [0f32; stories::N_FEATURES];
    if features.len() != f.len() {
        return Err(ParallaxError::new_err(format!(
            "{} features given, {} expected",
            features.len(),
            f.len()
        )));
    }
    for (x, &v) in f.iter_mut().zip(&features) {
        *x = v as f32;
    }
    stories::finish_features(
        &mut f,
        (best_a as f32, best_b as f32),
        (best_lead_a as f32, best_lead_b as f32),
        mutual,
    );
    let p = stories::probability(&f);
    Ok((p as f64, stories::apart(&f), p >= stories::THRESHOLD))
}

/// Grouping of `n` documents (`stories::link`: average linkage, then a
/// document left alone joins its best partner's story) over scored pairs `edges`
/// [(i, j, probability)] with the pairs that may never share a story
/// `never` [(i, j)]: each document's story number (stories numbered by
/// their first document).
#[pyfunction]
fn story_link(n: usize, edges: Vec<(u32, u32, f64)>, never: Vec<(u32, u32)>) -> Vec<usize> {
    let edges: Vec<(u32, u32, f32)> = edges
        .into_iter()
        .map(|(a, b, p)| (a, b, p as f32))
        .collect();
    stories::link(n, &edges, &never, stories::THRESHOLD).story_of
}

/// One document analysed alone: {"documents", "sentences", "quotes",
/// "speakers"} as in its Report (spans in UTF-16 code units).
#[pyfunction]
fn document_pieces<'py>(py: Python<'py>, doc: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let input = input_of(0, doc)?;
    let json = report_json(py, vec![input], false)?;
    let report = from_json(py, &json)?;
    let out = PyDict::new(py);
    for key in ["documents", "sentences", "quotes", "speakers"] {
        out.set_item(key, report.get_item(key)?)?;
    }
    Ok(out.into_any())
}

/// A quotation's words folded and joined by spaces: equal keys are the
/// same remark, across a whole corpus.
#[pyfunction]
fn quote_key(text: &str) -> String {
    scale::quote_key(text)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ParallaxError", m.py().get_type::<ParallaxError>())?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(to_file, m)?)?;
    m.add_function(wrap_pyfunction!(story_signature, m)?)?;
    m.add_function(wrap_pyfunction!(story_groups, m)?)?;
    m.add_function(wrap_pyfunction!(story_record, m)?)?;
    m.add_function(wrap_pyfunction!(story_profile, m)?)?;
    m.add_function(wrap_pyfunction!(story_index, m)?)?;
    m.add_function(wrap_pyfunction!(story_pair, m)?)?;
    m.add_function(wrap_pyfunction!(story_finish, m)?)?;
    m.add_function(wrap_pyfunction!(story_link, m)?)?;
    m.add_function(wrap_pyfunction!(document_pieces, m)?)?;
    m.add_function(wrap_pyfunction!(quote_key, m)?)?;
    Ok(())
}
