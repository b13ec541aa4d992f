//! JSON and JSON-lines exports: records in, one [`Document`] per record out,
//! reading the usual field names (`title`, `text`/`body`/`content`, `url`,
//! `date`/`published`, `outlet`/`source`/`publisher`, `author`/`byline`).

use super::{decode, html, meta, text, Document, Format, IngestError};
use serde_json::Value;

pub(super) const TEXT_FIELDS: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "articleBody",
    "maintext",
];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const URL_FIELDS: &[&str] = &["url", "link", "uri"];
const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "datePublished",
    "date_publish",
    "pubdate",
];
const OUTLET_FIELDS: &[&str] = &["outlet", "source", "publisher", "site_name", "domain"];
const BYLINE_FIELDS: &[&str] = &["author", "byline", "authors"];

pub fn ingest_json(file: &str, bytes: &[u8], format: Format) -> Vec<Result<Document, IngestError>> {
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(reason) => return vec![Err(IngestError::new(file, reason))],
    };
    let records: Vec<(String, Result<Value, String>)> = match format {
        Format::Jsonl => decoded
            .text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| {
                (
                    format!("{file}#line{}", i + 1),
                    serde_json::from_str(l).map_err(|e| e.to_string()),
                )
            })
            .collect(),
        _ => match serde_json::from_str::<Value>(&decoded.text) {
            Ok(Value::Object(map)) if is_report(&map) => {
                return vec![Err(IngestError::new(
                    file,
                    "this is a Parallax report, not an article export; open it as a report",
                ))]
            }
            Ok(Value::Array(items)) => numbered(file, items),
            // {"articles": [...]}, {"data": [...]}: an export wrapped in an object.
            Ok(Value::Object(mut map)) if field(&map, TEXT_FIELDS).is_none() => {
                match wrapped_records(&mut map) {
                    Some(items) => numbered(file, items),
                    None => vec![(file.to_string(), Ok(Value::Object(map)))],
                }
            }
            Ok(v) => vec![(file.to_string(), Ok(v))],
            Err(e) => vec![(file.to_string(), Err(e.to_string()))],
        },
    };
    if records.is_empty() {
        return vec![Err(IngestError::new(file, "the file holds no records"))];
    }
    records
        .into_iter()
        .map(|(name, value)| {
            let value =
                value.map_err(|e| IngestError::new(&name, format!("not valid JSON ({e})")))?;
            let mut doc = record(&name, &value)?;
            doc.format = Some(format);
            doc.warnings.extend(decoded.warnings.iter().cloned());
            Ok(doc)
        })
        .collect()
}

/// Whether a JSON object is an exported Parallax Report: its schema names
/// any version of the Report (`report::SCHEMA` is "parallax.report/1").
fn is_report(map: &serde_json::Map<String, Value>) -> bool {
    map.get("schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with("parallax.report/"))
}

fn numbered(file: &str, items: Vec<Value>) -> Vec<(String, Result<Value, String>)> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| (format!("{file}#{}", i + 1), Ok(v)))
        .collect()
}

/// The array of record objects inside a wrapper object, if there is one.
fn wrapped_records(map: &mut serde_json::Map<String, Value>) -> Option<Vec<Value>> {
    let key = map
        .iter()
        .find(|(_, v)| {
            v.as_array().is_some_and(|items| {
                !items.is_empty()
                    && items.iter().all(|item| {
                        item.as_object()
                            .is_some_and(|o| field(o, TEXT_FIELDS).is_some())
                    })
            })
        })
        .map(|(k, _)| k.clone())?;
    match map.remove(&key) {
        Some(Value::Array(items)) => Some(items),
        _ => None,
    }
}

fn field(record: &serde_json::Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match record.get(*n)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(|v| match v {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
                    _ => None,
                })
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        _ => None,
    })
}

pub(super) fn record(name: &str, value: &Value) -> Result<Document, IngestError> {
    let Value::Object(map) = value else {
        return Err(IngestError::new(
            name,
            "the record is not an object with a text field",
        ));
    };
    let body = field(map, TEXT_FIELDS).ok_or_else(|| {
        IngestError::new(name, "the record has no text field (text, body or content)")
    })?;
    // Some exports keep the page's markup in the text field.
    let trimmed = body.trim_start();
    let markup = trimmed.starts_with('<') && (body.contains("</p>") || body.contains("<br"));
    let mut doc = if markup {
        html::ingest_html(&body)
    } else {
        text::ingest_text(&body)
    };
    doc.file = name.to_string();
    // The record's own fields win over what the text says about itself.
    let set = |slot: &mut Option<String>, names: &[&str]| {
        if let Some(value) = field(map, names) {
            *slot = Some(value);
        }
    };
    set(&mut doc.title, TITLE_FIELDS);
    set(&mut doc.url, URL_FIELDS);
    set(&mut doc.outlet, OUTLET_FIELDS);
    set(&mut doc.byline, BYLINE_FIELDS);
    set(&mut doc.language, &["language", "lang"]);
    if let Some(raw) = field(map, DATE_FIELDS) {
        match meta::date_line(&raw) {
            Some(date) => {
                doc.date = Some(date);
                doc.date_source = Some("record".to_string());
            }
            None => doc
                .warnings
                .push(format!("the record's date '{raw}' was not understood")),
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_of_records_with_usual_fields() {
        let json = br#"[{"title":"A","body":"Text one.","source":"Daily","published":"2020-01-02"},
                        {"headline":"B","content":"Text two.","publisher":{"name":"Weekly"}}]"#;
        let docs = ingest_json("x.json", json, Format::Json);
        let a = docs[0].as_ref().unwrap();
        assert_eq!(
            (a.title.as_deref(), a.outlet.as_deref(), a.date.as_deref()),
            (Some("A"), Some("Daily"), Some("2020-01-02"))
        );
        let b = docs[1].as_ref().unwrap();
        assert_eq!(b.outlet.as_deref(), Some("Weekly"));
    }

    #[test]
    fn markup_in_the_text_field_is_read_as_html() {
        let json =
            br#"[{"title":"T","content":"<p>First <b>bold</b> paragraph.</p><p>Second.</p>"}]"#;
        let docs = ingest_json("x.json", json, Format::Json);
        let doc = docs[0].as_ref().unwrap();
        assert!(doc.text.contains("First bold paragraph."), "{}", doc.text);
        assert!(!doc.text.contains("<p>"));
    }

    #[test]
    fn jsonl_bad_line_is_its_own_error() {
        let docs = ingest_json("x.jsonl", b"{\"text\":\"Fine.\"}\n{oops\n", Format::Jsonl);
        assert!(docs[0].is_ok());
        let err = docs[1].as_ref().unwrap_err();
        assert!(
            err.file.ends_with("#line2") && err.reason.contains("not valid JSON"),
            "{err}"
        );
    }
}
