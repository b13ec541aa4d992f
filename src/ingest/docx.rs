//! DOCX (Word): a document's bytes in, its body as plain text (paragraphs
//! separated by blank lines, tables row by row, footnotes after the paragraph
//! that cites them) and its core properties (title, creator, created) out.
//!
//! The archive is read through [`super::zip`], so the zip-bomb budget holds.
//! The XML is parsed by the page reader's own html5ever tree (already in
//! the build; a second tokenizer instance for XML alone cost 10 KB of
//! gzipped wasm, quick-xml 18.1 KB, more than the page's budget had left):
//! WordprocessingML needs tags, attributes, text and references, which it
//! reads (names come lowercased; the five XML entities and numeric
//! references are a subset of HTML's). HTML ignores `/>` on unknown
//! elements, so an empty element (`<w:br/>`) encloses the siblings after it
//! until its parent ends: document order, all the walk needs, is kept. Only `word/document.xml`,
//! `word/footnotes.xml`, `word/endnotes.xml` and `docProps/core.xml` are
//! inflated: headers and footers live in parts of their own and are never
//! read, which drops running heads and page numbers by construction.

use std::collections::HashMap;

use super::html::dom::{Dom, Kind};
use super::zip::{self, Budget};

const BODY: &str = "word/document.xml";
const FOOTNOTES: &str = "word/footnotes.xml";
const ENDNOTES: &str = "word/endnotes.xml";
const CORE: &str = "docProps/core.xml";

/// What a DOCX holds for Parallax: its text and the core properties.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Docx {
    /// Paragraphs separated by one blank line (`"\n\n"`); a line break inside
    /// a paragraph (`w:br`) is `'\n'`, a tab `'\t'`; the cells of a table
    /// row are one paragraph, cells separated by `'\t'`.
    pub text: String,
    /// `dc:title` of `docProps/core.xml`, if not blank.
    pub title: Option<String>,
    /// `dc:creator`: who made the file (an author, or the exporting service).
    pub creator: Option<String>,
    /// `dcterms:created`, its date part (`YYYY-MM-DD`) when it has one.
    pub created: Option<String>,
}

/// Reads a DOCX. Errors (as reasons for the person who dropped it): not a
/// ZIP archive, over the zip-bomb budget, no `word/document.xml`, or XML
/// that cannot be parsed.
pub fn read(bytes: &[u8], budget: &mut Budget) -> Result<Docx, String> {
    let wanted = |name: &str| [BODY, FOOTNOTES, ENDNOTES, CORE].contains(&name);
    let entries = zip::read_matching(bytes, budget, &wanted)
        .map_err(|reason| format!("the Word document cannot be opened: {reason}"))?;
    let mut parts: HashMap<String, Vec<u8>> = HashMap::new();
    for entry in entries {
        match entry.data {
            Ok(data) => {
                parts.insert(entry.name, data);
            }
            Err(reason) if entry.name == BODY => {
                return Err(format!("the Word document's body cannot be read: {reason}"))
            }
            // A broken footnotes or properties part costs only that part.
            Err(_) => {}
        }
    }
    let body = parts
        .get(BODY)
        .ok_or("the archive has no word/document.xml: not a Word (DOCX) document")?;
    let mut notes = HashMap::new();
    for part in [FOOTNOTES, ENDNOTES] {
        if let Some(xml) = parts.get(part) {
            // Footnote and endnote ids are separate series: key them apart.
            for (id, text) in read_notes(xml) {
                notes.insert((part == ENDNOTES, id), text);
            }
        }
    }
    let text = read_body(body, &notes);
    let mut docx = Docx {
        text,
        ..Docx::default()
    };
    if let Some(xml) = parts.get(CORE) {
        let props = read_core(xml);
        docx.title = props.get("title").cloned();
        docx.creator = props.get("creator").cloned();
        docx.created = props.get("created").map(|c| {
            let day = c.split('T').next().unwrap_or(c);
            day.to_string()
        });
    }
    Ok(docx)
}

/// One step of a walk through the XML tree, names without their prefix
/// and lowercased (`w:tblPr` → `tblpr`).
#[derive(Debug)]
enum Event {
    Start(String, Vec<(String, String)>),
    End(String),
    Text(String),
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_string()
}

/// The XML's elements and text in document order. Never fails: malformed
/// XML gives what a browser would make of it.
fn events(xml: &[u8]) -> Vec<Event> {
    let dom = Dom::parse(&String::from_utf8_lossy(xml));
    let mut out = Vec::new();
    let mut stack = vec![(0usize, false)];
    while let Some((id, leaving)) = stack.pop() {
        match &dom.nodes[id].kind {
            Kind::Text(text) => out.push(Event::Text(text.clone())),
            Kind::Element { name, attrs } => {
                if leaving {
                    out.push(Event::End(local(name)));
                    continue;
                }
                let attrs = attrs.iter().map(|(k, v)| (local(k), v.clone())).collect();
                out.push(Event::Start(local(name), attrs));
                stack.push((id, true));
                for &child in dom.nodes[id].children.iter().rev() {
                    stack.push((child, false));
                }
            }
        }
    }
    out
}

/// An attribute's value by its local name (`w:id` → `id`).
fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a String> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// Paragraph text being gathered while walking WordprocessingML.
#[derive(Default)]
struct Walker {
    out: String,
    paragraph: String,
    /// Notes cited in the current paragraph, written out after it.
    cited: Vec<String>,
    /// Inside `w:t`: its text is the document's.
    in_text: bool,
    /// Depth inside a skipped subtree (`mc:Fallback` repeats `mc:Choice`).
    skipping: usize,
    /// Table rows open (tables nest).
    rows: usize,
}

impl Walker {
    fn end_paragraph(&mut self) {
        if self.rows > 0 {
            // Inside a table a cell's paragraphs join the row's line.
            if !self.paragraph.is_empty() && !self.paragraph.ends_with(['\t', ' ']) {
                self.paragraph.push(' ');
            }
            return;
        }
        let paragraph = std::mem::take(&mut self.paragraph);
        self.push_block(&paragraph);
        for note in std::mem::take(&mut self.cited) {
            self.push_block(&note);
        }
    }

    fn push_block(&mut self, block: &str) {
        let block = block.trim_matches(|c: char| c == ' ' || c == '\n');
        if block.trim().is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.out.push_str(block);
    }

    fn end_cell(&mut self) {
        let trimmed = self.paragraph.trim_end().len();
        self.paragraph.truncate(trimmed);
        self.paragraph.push('\t');
    }

    fn end_row(&mut self) {
        let row = std::mem::take(&mut self.paragraph);
        let row = row.trim_end_matches(['\t', ' ']).to_string();
        self.push_block(&row);
        for note in std::mem::take(&mut self.cited) {
            self.push_block(&note);
        }
    }
}

/// The body's text; `notes` maps (is endnote, id) to a note's text.
fn read_body(xml: &[u8], notes: &HashMap<(bool, String), String>) -> String {
    let mut w = Walker::default();
    for event in events(xml) {
        match event {
            Event::Start(name, attrs) => {
                if w.skipping > 0 || name == "fallback" {
                    w.skipping += 1;
                    continue;
                }
                match name.as_str() {
                    "t" => w.in_text = true,
                    // A paragraph inside another (a text box, or after an
                    // empty `<w:p/>` that encloses it) breaks it.
                    "p" if w.rows == 0 => w.end_paragraph(),
                    "tr" => w.rows += 1,
                    "tab" => w.paragraph.push('\t'),
                    "br" | "cr" => w.paragraph.push('\n'),
                    "nobreakhyphen" => w.paragraph.push('\u{2011}'),
                    "footnotereference" | "endnotereference" => {
                        let endnote = name == "endnotereference";
                        if let Some(note) =
                            attr(&attrs, "id").and_then(|id| notes.get(&(endnote, id.clone())))
                        {
                            w.cited.push(note.clone());
                        }
                    }
                    _ => {}
                }
            }
            Event::End(name) => {
                if w.skipping > 0 {
                    w.skipping -= 1;
                    continue;
                }
                match name.as_str() {
                    "t" => w.in_text = false,
                    "p" => w.end_paragraph(),
                    "tc" => w.end_cell(),
                    "tr" => {
                        w.rows = w.rows.saturating_sub(1);
                        if w.rows == 0 {
                            w.end_row();
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if w.in_text && w.skipping == 0 => w.paragraph.push_str(&t),
            Event::Text(_) => {}
        }
    }
    // An unclosed paragraph or table (a truncated part) keeps its text.
    if w.rows > 0 {
        w.rows = 0;
        w.end_row();
    }
    w.end_paragraph();
    w.out
}

/// Every footnote (or endnote) by its id, as text. Word's separator notes
/// (`w:type="separator"`, `"continuationSeparator"`) hold no text and are
/// left out.
fn read_notes(xml: &[u8]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut current: Option<(String, Walker)> = None;
    for event in events(xml) {
        match &event {
            Event::Start(name, attrs) if name == "footnote" || name == "endnote" => {
                let kind = attr(attrs, "type").map_or("", |k| k.as_str());
                if kind.is_empty() || kind == "normal" {
                    current = Some((
                        attr(attrs, "id").cloned().unwrap_or_default(),
                        Walker::default(),
                    ));
                }
                continue;
            }
            Event::End(name) if name == "footnote" || name == "endnote" => {
                if let Some((id, mut w)) = current.take() {
                    w.end_paragraph();
                    found.push((id, w.out.replace("\n\n", " ")));
                }
                continue;
            }
            _ => {}
        }
        let Some((_, w)) = current.as_mut() else {
            continue;
        };
        match event {
            Event::Start(name, _) if name == "t" => w.in_text = true,
            Event::End(name) => match name.as_str() {
                "t" => w.in_text = false,
                "p" => w.end_paragraph(),
                _ => {}
            },
            Event::Start(name, _) if name == "tab" => w.paragraph.push('\t'),
            Event::Text(t) if w.in_text => w.paragraph.push_str(&t),
            _ => {}
        }
    }
    found
}

/// `title`, `creator` and `created` of `docProps/core.xml` (by local name),
/// whitespace folded, blank ones left out.
fn read_core(xml: &[u8]) -> HashMap<&'static str, String> {
    let mut props = HashMap::new();
    let mut field: Option<&'static str> = None;
    let mut value = String::new();
    for event in events(xml) {
        match event {
            Event::Start(name, _) => {
                field = match name.as_str() {
                    "title" => Some("title"),
                    "creator" => Some("creator"),
                    "created" => Some("created"),
                    _ => None,
                };
                value.clear();
            }
            Event::Text(t) if field.is_some() => value.push_str(&t),
            Event::End(_) => {
                if let Some(f) = field.take() {
                    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !v.is_empty() {
                        props.insert(f, v);
                    }
                }
            }
            _ => {}
        }
    }
    props
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{inner}</w:body></w:document>"#
        )
    }

    #[test]
    fn paragraphs_runs_breaks_and_references() {
        let xml = body(
            r#"<w:p><w:r><w:t>Rock &amp; roll</w:t></w:r><w:r><w:t xml:space="preserve"> returns&#8217;</w:t></w:r></w:p>
               <w:p/><w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t><w:tab/><w:t>tabbed</w:t></w:r></w:p>
               <w:p><w:r><w:delText>deleted</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>"#,
        );
        let text = read_body(xml.as_bytes(), &HashMap::new());
        assert_eq!(
            text,
            "Rock & roll returns\u{2019}\n\nLine one\nline two\ttabbed"
        );
    }

    #[test]
    fn tables_row_by_row_and_footnotes_after_their_paragraph() {
        let xml = body(
            r#"<w:p><w:r><w:t>The count rose.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>
               <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Year</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Boats</w:t></w:r></w:p></w:tc></w:tr>
               <w:tr><w:tc><w:p><w:r><w:t>2023</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>41</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
               <w:p><w:r><w:t>After.</w:t></w:r></w:p>
               <mc:AlternateContent><mc:Choice><w:p><w:r><w:t>Box.</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>Box.</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>"#,
        );
        let mut notes = HashMap::new();
        notes.insert(
            (false, "2".to_string()),
            "Harbour office figures.".to_string(),
        );
        let text = read_body(xml.as_bytes(), &notes);
        assert_eq!(
            text,
            "The count rose.\n\nHarbour office figures.\n\nYear\tBoats\n\n2023\t41\n\nAfter.\n\nBox."
        );
    }

    #[test]
    fn notes_skip_separators() {
        let xml = r#"<w:footnotes xmlns:w="x"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        assert_eq!(
            read_notes(xml.as_bytes()),
            vec![("1".to_string(), "A note.".to_string())]
        );
    }

    #[test]
    fn core_properties() {
        let xml = r#"<cp:coreProperties xmlns:cp="a" xmlns:dc="b" xmlns:dcterms="c"><dc:title>Harbour &amp; town</dc:title><dc:creator>Ana Ruiz</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-03-05T09:30:00Z</dcterms:created></cp:coreProperties>"#;
        let props = read_core(xml.as_bytes());
        assert_eq!(props["title"], "Harbour & town");
        assert_eq!(props["creator"], "Ana Ruiz");
        assert_eq!(props["created"], "2024-03-05T09:30:00Z");
    }

    #[test]
    fn not_a_docx_is_a_clear_error() {
        let err = read(b"PK\x03\x04 broken", &mut Budget::default()).unwrap_err();
        assert!(err.contains("cannot be opened"), "{err}");
    }
}
