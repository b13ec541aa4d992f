//! CSV and TSV exports (Media Cloud, GDELT-based tools, spreadsheets): a
//! table with a header row in; one [`Document`] per data row out, its text,
//! title, outlet, date, byline and URL read from the columns with the usual
//! names. Parsing (RFC 4180 quoting, embedded line breaks, doubled quotes)
//! is csv-core's (the `csv` crate's
//! parser without its readers: about 2 KB of wasm where `csv` cost 8.5).

use super::json::{self, TEXT_FIELDS};
use super::{decode, Document, Format, IngestError};
use serde_json::{Map, Value};

/// Column names (lowercase, runs of other characters as `_`) and the record
/// field each stands for, as the JSON reader names them. Exports name the
/// same thing many ways: Media Cloud's `media_name` and `publish_date`,
/// GDELT's `documentidentifier`, spreadsheets' `Full text`.
const COLUMNS: &[(&str, &str)] = &[
    ("text", "text"),
    ("body", "text"),
    ("content", "text"),
    ("article", "text"),
    ("article_text", "text"),
    ("articlebody", "text"),
    ("full_text", "text"),
    ("fulltext", "text"),
    ("maintext", "text"),
    ("story_text", "text"),
    ("title", "title"),
    ("headline", "title"),
    ("url", "url"),
    ("link", "url"),
    ("uri", "url"),
    ("documentidentifier", "url"),
    ("date", "date"),
    ("published", "date"),
    ("publish_date", "date"),
    ("published_at", "date"),
    ("publication_date", "date"),
    ("datepublished", "date"),
    ("pubdate", "date"),
    ("outlet", "outlet"),
    ("source", "outlet"),
    ("publisher", "outlet"),
    ("media", "outlet"),
    ("media_name", "outlet"),
    ("site_name", "outlet"),
    ("sourcecommonname", "outlet"),
    ("domain", "outlet"),
    ("author", "author"),
    ("authors", "author"),
    ("byline", "author"),
    ("language", "language"),
    ("lang", "language"),
];

/// A column name as [`COLUMNS`] spells it: "Full Text" → `full_text`.
fn normalise(header: &str) -> String {
    let mut out = String::new();
    for c in header.trim().trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// The field a column stands for, if any.
fn field_of(header: &str) -> Option<&'static str> {
    let name = normalise(header);
    COLUMNS.iter().find(|(c, _)| *c == name).map(|(_, f)| *f)
}

/// Reads a CSV (`delimiter` b',') or TSV (b'\t') export. Returns one result
/// per data row, named `file#row N` (N counts data rows from 1); a row
/// whose text cell is empty is an error of its own and the other rows still
/// load (quoting errors do not stop the parser: a stray quote is kept as
/// text). Blank rows are skipped. A table without a text column is one error
/// naming the file and the columns it has.
pub fn ingest_table(file: &str, bytes: &[u8], delimiter: u8) -> Vec<Result<Document, IngestError>> {
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(reason) => return vec![Err(IngestError::new(file, reason))],
    };
    let mut rows = records(decoded.text.as_bytes(), delimiter).into_iter();
    let headers: Vec<String> = rows.next().unwrap_or_default();
    let fields: Vec<Option<&str>> = headers.iter().map(|h| field_of(h)).collect();
    if !fields.contains(&Some("text")) {
        let shown: Vec<&str> = headers.iter().map(|h| h.trim()).take(12).collect();
        return vec![Err(IngestError::new(
            file,
            format!(
                "the table has no text column (looked for {}; its columns: {})",
                ["text", "body", "content", "article", "full text"].join(", "),
                if shown.is_empty() {
                    "none".to_string()
                } else {
                    shown.join(", ")
                }
            ),
        ))];
    }
    let format = if delimiter == b'\t' {
        Format::Tsv
    } else {
        Format::Csv
    };
    let mut out = Vec::new();
    for (i, row) in rows.enumerate() {
        let name = format!("{file}#row{}", i + 1);
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        // The first non-empty cell of each field wins: an export may carry
        // both `source` and `media_name`.
        let mut record = Map::new();
        for (cell, field) in row.iter().zip(&fields) {
            if let Some(f) = field {
                if !cell.trim().is_empty() && !record.contains_key(*f) {
                    record.insert(f.to_string(), Value::String(cell.to_string()));
                }
            }
        }
        if !record.contains_key(TEXT_FIELDS[0]) {
            out.push(Err(IngestError::new(&name, "the row's text cell is empty")));
            continue;
        }
        out.push(json::record(&name, &Value::Object(record)).map(|mut doc| {
            doc.format = Some(format);
            doc.warnings.extend(decoded.warnings.iter().cloned());
            doc
        }));
    }
    if out.is_empty() {
        return vec![Err(IngestError::new(
            file,
            "the table has a header but no rows",
        ))];
    }
    out
}

/// Every record of a delimited text, each as its cells (unquoted, `""`
/// read as `"`), by csv-core's state machine: RFC 4180 quoting, line
/// breaks inside quoted cells, CRLF or LF. Records may differ in length.
fn records(input: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    use csv_core::{ReadRecordResult, ReaderBuilder};
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    // Unquoting only shrinks a record, so the whole input always fits.
    let mut out = vec![0u8; input.len() + 1];
    let mut ends = vec![0usize; 64];
    let (mut rest, mut used, mut cells) = (input, 0usize, 0usize);
    let mut found = Vec::new();
    loop {
        let (result, read, wrote, ended) =
            reader.read_record(rest, &mut out[used..], &mut ends[cells..]);
        rest = &rest[read..];
        used += wrote;
        cells += ended;
        match result {
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            ReadRecordResult::Record => {
                let mut from = 0;
                let record = ends[..cells]
                    .iter()
                    .map(|&to| {
                        let cell = String::from_utf8_lossy(&out[from..to]).into_owned();
                        from = to;
                        cell
                    })
                    .collect();
                found.push(record);
                used = 0;
                cells = 0;
            }
            ReadRecordResult::End => return found,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_documents_with_their_columns() {
        let csv = "Title,Media Name,Publish Date,URL,Full Text\n\
                   \"Harbour bridge shut\",Coast Herald,2024-03-05,https://coastherald.example/a,\"The bridge closed on Monday.\n\nEngineers found, they said, \"\"deep cracks\"\".\"\n\
                   Ferry resumes,Bay Times,2024-03-06,,The ferry sailed again on Tuesday.\n";
        let docs = ingest_table("export.csv", csv.as_bytes(), b',');
        assert_eq!(docs.len(), 2);
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.file, "export.csv#row1");
        assert_eq!(a.title.as_deref(), Some("Harbour bridge shut"));
        assert_eq!(a.outlet.as_deref(), Some("Coast Herald"));
        assert_eq!(a.date.as_deref(), Some("2024-03-05"));
        assert_eq!(a.url.as_deref(), Some("https://coastherald.example/a"));
        assert_eq!(a.format, Some(Format::Csv));
        assert!(a.text.contains("\"deep cracks\""), "{}", a.text);
        assert!(
            a.text.contains("Engineers found"),
            "the quoted line break is kept: {}",
            a.text
        );
        let b = docs[1].as_ref().unwrap();
        assert_eq!(b.outlet.as_deref(), Some("Bay Times"));
        assert_eq!(b.url, None);
    }

    #[test]
    fn tsv_reads_with_tabs() {
        let tsv = "headline\tsource\tbody\nStorm passes\tNorth Post\tThe storm passed at noon.\n";
        let docs = ingest_table("x.tsv", tsv.as_bytes(), b'\t');
        let d = docs[0].as_ref().unwrap();
        assert_eq!(
            (d.title.as_deref(), d.outlet.as_deref()),
            (Some("Storm passes"), Some("North Post"))
        );
        assert_eq!(d.format, Some(Format::Tsv));
    }

    #[test]
    fn a_table_without_text_is_one_clear_error() {
        let csv = "stories_id,publish_date,title,url,media_name\n1,2024-01-01,A,https://a.example,Daily\n";
        let docs = ingest_table("mediacloud.csv", csv.as_bytes(), b',');
        assert_eq!(docs.len(), 1);
        let err = docs[0].as_ref().unwrap_err();
        assert_eq!(err.file, "mediacloud.csv");
        assert!(
            err.reason.contains("no text column") && err.reason.contains("media_name"),
            "{err}"
        );
    }

    #[test]
    fn a_bad_or_empty_row_does_not_lose_the_others() {
        let csv = "title,text\nA,First text here.\nB,\nC,Third text here.\n";
        let docs = ingest_table("x.csv", csv.as_bytes(), b',');
        assert_eq!(docs.len(), 3);
        assert!(docs[0].is_ok() && docs[2].is_ok());
        let err = docs[1].as_ref().unwrap_err();
        assert_eq!(err.file, "x.csv#row2");
    }

    #[test]
    fn header_names_are_normalised() {
        assert_eq!(normalise("\u{feff} Full Text "), "full_text");
        assert_eq!(field_of("Publish-Date"), Some("date"));
        assert_eq!(field_of("stories_id"), None);
    }
}
