//! The Python binding (`parallax._native`): documents as Python dicts in;
//! the core's results out as Python objects (the Report through its one
//! JSON serialisation, so Python sees what `parallax analyze --format json`
//! prints); bad input raises `ParallaxError` naming the document. No
//! analysis happens here: each function decodes, calls the core, encodes.

use parallax_core::scale::{self, Article, SignatureShape};
use parallax_core::{Input, Options};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

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
    m.add_function(wrap_pyfunction!(document_pieces, m)?)?;
    m.add_function(wrap_pyfunction!(quote_key, m)?)?;
    Ok(())
}
