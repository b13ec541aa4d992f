//! The thin JavaScript binding: files from JS in (names and bytes), the
//! Report as a JS object out; progress reported through a JS callback.

use crate::pipeline::{analyze_with_progress, Input, Options};
use crate::semantic::WordVectors;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The word vectors the page loaded, used by every later analysis.
    static WORDS: RefCell<Option<Arc<WordVectors>>> = const { RefCell::new(None) };
}

/// Loads the word-vector table (`www/model/words.bin`, fetched by the
/// worker); returns its number of words. Until it is loaded, analyses
/// align claims by their words alone.
#[wasm_bindgen]
pub fn load_words(bytes: &[u8]) -> Result<u32, JsError> {
    let table = WordVectors::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let n = table.len() as u32;
    WORDS.with(|w| *w.borrow_mut() = Some(Arc::new(table)));
    Ok(n)
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyses files given as parallel arrays of names and byte arrays.
/// `progress(stage, done, total, file)` is called along the way;
/// `choices` is the stories chosen by hand, `[{file, story}]` (see
/// `StoryChoice`), or undefined; `corrections` the corrections by hand
/// (see `crate::corrections::Correction`), or undefined.
#[wasm_bindgen]
pub fn analyze(
    names: Vec<String>,
    contents: js_sys::Array,
    progress: Option<js_sys::Function>,
    choices: JsValue,
    corrections: JsValue,
) -> Result<JsValue, JsError> {
    fn list<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<Vec<T>, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(Vec::new());
        }
        // Through JSON text, with the serde_json already in the build for
        // reading files: a second serde format would duplicate every
        // (de)serialiser in the wasm.
        let text: String = js_sys::JSON::stringify(&value)
            .map_err(|_| JsError::new(&format!("{what}: not JSON")))?
            .into();
        serde_json::from_str(&text).map_err(|e| JsError::new(&format!("{what}: {e}")))
    }
    let story_choices: Vec<crate::report::StoryChoice> = list(choices, "story choices")?;
    let corrections: Vec<crate::corrections::Correction> = list(corrections, "corrections")?;
    if names.len() != contents.length() as usize {
        return Err(JsError::new("names and contents differ in length"));
    }
    let inputs: Vec<Input> = names
        .into_iter()
        .zip(contents.iter())
        .map(|(name, bytes)| Input {
            name,
            bytes: js_sys::Uint8Array::new(&bytes).to_vec(),
        })
        .collect();
    let mut report_progress =
        |stage: crate::pipeline::Stage, done: usize, total: usize, file: &str| {
            if let Some(f) = &progress {
                let args = js_sys::Array::of4(
                    &JsValue::from_str(stage.name()),
                    &JsValue::from(done as u32),
                    &JsValue::from(total as u32),
                    &JsValue::from_str(file),
                );
                let _ = f.apply(&JsValue::NULL, &args);
            }
        };
    let options = Options {
        words: WORDS.with(|w| w.borrow().clone()),
        story_choices,
        corrections,
        ..Options::default()
    };
    let mut report = analyze_with_progress(&inputs, &options, &mut report_progress);
    // The documents × documents matrix goes across as typed rows (one copy
    // each) rather than as a million separate JS numbers.
    let similarity = std::mem::take(&mut report.similarity);
    // The Report crosses as JSON text that the engine parses: the same
    // serialiser as the CLI's (one copy of it in the wasm, not two), and
    // JSON.parse builds the objects faster than setting them one by one.
    let mut json = Vec::new();
    report
        .write_json(&mut json)
        .map_err(|e| JsError::new(&e.to_string()))?;
    let json = String::from_utf8(json).map_err(|e| JsError::new(&e.to_string()))?;
    let out =
        js_sys::JSON::parse(&json).map_err(|_| JsError::new("the Report is not valid JSON"))?;
    let rows = js_sys::Array::new_with_length(similarity.len() as u32);
    for (i, row) in similarity.iter().enumerate() {
        rows.set(i as u32, js_sys::Float64Array::from(row.as_slice()).into());
    }
    js_sys::Reflect::set(&out, &JsValue::from_str("similarity"), &rows)
        .map_err(|_| JsError::new("could not attach the similarity matrix"))?;
    Ok(out)
}

/// The schema name of the Report this build produces.
#[wasm_bindgen]
pub fn schema() -> String {
    crate::report::SCHEMA.to_string()
}
