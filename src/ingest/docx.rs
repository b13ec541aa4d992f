//! DOCX (Word): a document's bytes in, its body as plain text (paragraphs
//! separated by blank lines, tables row by row, footnotes after the paragraph
//! that cites them) and its core properties (title, creator, created) out.
//!
//! The archive is read through [`super::zip`], so the zip-bomb budget holds.
//! The XML is read by `quick-xml` (a pull parser: elements, text and
//! references in document order, nothing kept but what the walk needs);
//! names are matched by their local part (`w:p` → `p`), so a document that
//! binds WordprocessingML to another prefix reads the same. Only
//! `word/document.xml`, `word/footnotes.xml`, `word/endnotes.xml` and
//! `docProps/core.xml` are inflated: headers and footers live in parts of
//! their own and are never read, which drops running heads and page numbers
//! by construction. Property elements (`w:pPr`, `w:rPr`, `w:tblPr`,
//! `w:sectPr`, ...) are skipped whole: a tab stop (`w:tabs/w:tab`) is not a
//! tab. XML that breaks off (a truncated or damaged part) keeps the text
//! read up to the break, with a warning.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event as Xml};
use quick_xml::Reader;

use super::zip::{self, Budget};

const BODY: &str = "word/document.xml";
const FOOTNOTES: &str = "word/footnotes.xml";
const ENDNOTES: &str = "word/endnotes.xml";
const CORE: &str = "docProps/core.xml";

/// Elements whose whole subtree is not text: property blocks (formatting,
/// tab stops, section settings), the fallback copy of alternate content
/// (`mc:Fallback` repeats `mc:Choice`), deleted text and field codes.
const SKIPPED: &[&str] = &[
    "pPr",
    "rPr",
    "tblPr",
    "tblGrid",
    "trPr",
    "tcPr",
    "sectPr",
    "tblPrEx",
    "Fallback",
    "delText",
    "instrText",
    "del",
    "moveFrom",
];

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
    /// What was read only in part (a damaged body or notes part).
    pub warnings: Vec<String>,
}

/// Reads a DOCX. Errors (as reasons for the person who dropped it): not a
/// ZIP archive, over the zip-bomb budget, no `word/document.xml`, or a body
/// whose XML breaks off before any text.
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
    let mut docx = Docx::default();
    let mut notes = HashMap::new();
    for part in [FOOTNOTES, ENDNOTES] {
        if let Some(xml) = parts.get(part) {
            let (found, broken) = read_notes(xml);
            if let Some(reason) = broken {
                docx.warnings.push(format!(
                    "{part} is damaged ({reason}): notes after the damage are missing"
                ));
            }
            // Footnote and endnote ids are separate series: key them apart.
            for (id, text) in found {
                notes.insert((part == ENDNOTES, id), text);
            }
        }
    }
    let (text, broken) = read_body(body, &notes);
    if let Some(reason) = broken {
        if text.trim().is_empty() {
            return Err(format!(
                "the Word document's body is not readable XML ({reason})"
            ));
        }
        docx.warnings.push(format!(
            "the Word document's body is damaged ({reason}): the text after the damage is missing"
        ));
    }
    docx.text = text;
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

/// One step of a walk through an XML part: elements by their local name,
/// text with references resolved.
enum Event<'a> {
    Start(&'a str, &'a BytesStart<'a>),
    End(&'a str),
    Text(&'a str),
}

/// Walks `xml` in document order, giving `f` each element start (an empty
/// element gives a start and an end), end and piece of text; property
/// subtrees ([`SKIPPED`]) are left out. Returns the parser's reason when the
/// XML breaks off; everything before the break has been walked.
fn walk(xml: &[u8], f: &mut dyn FnMut(Event<'_>)) -> Option<String> {
    // Parts are UTF-8 by default; a byte-order mark may say UTF-16.
    let text = match encoding_rs::Encoding::for_bom(xml) {
        Some((encoding, bom)) => encoding.decode_without_bom_handling(&xml[bom..]).0,
        None => String::from_utf8_lossy(xml),
    };
    let mut reader = Reader::from_str(&text);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    // Damaged end tags are walked past, not fatal: the depth is ours to keep.
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    let mut skipping = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => return Some(e.to_string()),
        };
        match event {
            Xml::Start(start) => {
                let name = start.local_name();
                let name: &str = name.as_ref();
                if skipping > 0 || SKIPPED.contains(&name) {
                    skipping += 1;
                } else {
                    f(Event::Start(name, &start));
                }
            }
            Xml::End(end) => {
                if skipping > 0 {
                    skipping -= 1;
                } else {
                    let name = end.local_name();
                    f(Event::End(name.as_ref()));
                }
            }
            Xml::Text(t) if skipping == 0 => f(Event::Text(&t.xml10_content())),
            Xml::CData(t) if skipping == 0 => f(Event::Text(&t)),
            Xml::GeneralRef(r) if skipping == 0 => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(&r) {
                        Some(s) => s.to_string(),
                        // An entity XML does not define: its text as written.
                        None => format!("&{};", &*r),
                    },
                    Err(_) => "\u{fffd}".to_string(),
                };
                f(Event::Text(&resolved));
            }
            Xml::Eof => return None,
            _ => {}
        }
    }
}

/// An attribute's value by its local name (`w:id` → `id`).
fn attr(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start.attributes().flatten().find_map(|a| {
        let key = a.key.local_name();
        let key: &str = key.as_ref();
        (key == name).then(|| a.value.into_owned())
    })
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

    /// The characters a run element stands for (`w:tab`, `w:br`, ...).
    fn run_element(&mut self, name: &str) {
        match name {
            "t" => self.in_text = true,
            "tab" | "ptab" => self.paragraph.push('\t'),
            "br" | "cr" => self.paragraph.push('\n'),
            "noBreakHyphen" => self.paragraph.push('\u{2011}'),
            _ => {}
        }
    }
}

/// The body's text and, when its XML breaks off, why; `notes` maps (is
/// endnote, id) to a note's text.
fn read_body(xml: &[u8], notes: &HashMap<(bool, String), String>) -> (String, Option<String>) {
    let mut w = Walker::default();
    let broken = walk(xml, &mut |event| match event {
        Event::Start(name, start) => match name {
            // A paragraph inside another (a text box) breaks it.
            "p" if w.rows == 0 => w.end_paragraph(),
            "tr" => w.rows += 1,
            "footnoteReference" | "endnoteReference" => {
                let endnote = name == "endnoteReference";
                if let Some(note) = attr(start, "id").and_then(|id| notes.get(&(endnote, id))) {
                    w.cited.push(note.clone());
                }
            }
            _ => w.run_element(name),
        },
        Event::End(name) => match name {
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
        },
        Event::Text(t) if w.in_text => w.paragraph.push_str(t),
        Event::Text(_) => {}
    });
    // An unclosed paragraph or table (a truncated part) keeps its text.
    w.in_text = false;
    if w.rows > 0 {
        w.rows = 0;
        w.end_row();
    }
    w.end_paragraph();
    (w.out, broken)
}

/// Every footnote (or endnote) by its id, as text, and why the XML broke
/// off if it did. Word's separator notes (`w:type="separator"`,
/// `"continuationSeparator"`) hold no text and are left out.
fn read_notes(xml: &[u8]) -> (Vec<(String, String)>, Option<String>) {
    let mut found = Vec::new();
    let mut current: Option<(String, Walker)> = None;
    let broken = walk(xml, &mut |event| {
        match &event {
            Event::Start(name, start) if *name == "footnote" || *name == "endnote" => {
                let kind = attr(start, "type").unwrap_or_default();
                if kind.is_empty() || kind == "normal" {
                    current = Some((attr(start, "id").unwrap_or_default(), Walker::default()));
                }
                return;
            }
            Event::End(name) if *name == "footnote" || *name == "endnote" => {
                if let Some((id, mut w)) = current.take() {
                    w.end_paragraph();
                    found.push((id, w.out.replace("\n\n", " ")));
                }
                return;
            }
            _ => {}
        }
        let Some((_, w)) = current.as_mut() else {
            return;
        };
        match event {
            Event::Start(name, _) => w.run_element(name),
            Event::End("t") => w.in_text = false,
            Event::End("p") => w.end_paragraph(),
            Event::Text(t) if w.in_text => w.paragraph.push_str(t),
            _ => {}
        }
    });
    (found, broken)
}

/// `title`, `creator` and `created` of `docProps/core.xml` (by local name),
/// whitespace folded, blank ones left out. A damaged part gives what was
/// read before the damage.
fn read_core(xml: &[u8]) -> HashMap<&'static str, String> {
    let mut props = HashMap::new();
    let mut field: Option<&'static str> = None;
    let mut value = String::new();
    walk(xml, &mut |event| match event {
        Event::Start(name, _) => {
            field = match name {
                "title" => Some("title"),
                "creator" => Some("creator"),
                "created" => Some("created"),
                _ => None,
            };
            value.clear();
        }
        Event::Text(t) if field.is_some() => value.push_str(t),
        Event::Text(_) => {}
        Event::End(_) => {
            if let Some(f) = field.take() {
                let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
                if !v.is_empty() {
                    props.insert(f, v);
                }
            }
        }
    });
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
        let (text, broken) = read_body(xml.as_bytes(), &HashMap::new());
        assert_eq!(
            text,
            "Rock & roll returns\u{2019}\n\nLine one\nline two\ttabbed"
        );
        assert_eq!(broken, None);
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
        let (text, _) = read_body(xml.as_bytes(), &notes);
        assert_eq!(
            text,
            "The count rose.\n\nHarbour office figures.\n\nYear\tBoats\n\n2023\t41\n\nAfter.\n\nBox."
        );
    }

    #[test]
    fn notes_skip_separators() {
        let xml = r#"<w:footnotes xmlns:w="x"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        assert_eq!(
            read_notes(xml.as_bytes()).0,
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
    fn properties_are_not_text_and_prefixes_do_not_matter() {
        // Tab stops (pPr/tabs/tab) are no tabs; a run's properties hold no
        // text; another prefix for the same namespace reads the same.
        let xml = r#"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body>
            <x:p><x:pPr><x:tabs><x:tab x:val="left" x:pos="720"/></x:tabs><x:rPr><x:b/></x:rPr></x:pPr><x:r><x:rPr><x:i/></x:rPr><x:t>Tide</x:t><x:tab/><x:t>6.2 m</x:t></x:r></x:p>
            <x:p><x:r><x:t><![CDATA[a <raw> bit]]></x:t><x:t>&unknown; &#x41;</x:t></x:r></x:p>
            <x:sectPr><x:pgSz x:w="11906"/></x:sectPr></x:body></x:document>"#;
        let (text, broken) = read_body(xml.as_bytes(), &HashMap::new());
        assert_eq!(text, "Tide\t6.2 m\n\na <raw> bit&unknown; A");
        assert_eq!(broken, None);
    }

    #[test]
    fn a_part_that_breaks_off_keeps_what_came_before() {
        let whole = body(
            r#"<w:p><w:r><w:t>First.</w:t></w:r></w:p><w:p><w:r><w:t>Second.</w:t></w:r></w:p>"#,
        );
        // Cut inside a text: what was read stays, and nothing is malformed.
        let cut = &whole[..whole.find("ond.").unwrap()];
        assert_eq!(
            read_body(cut.as_bytes(), &HashMap::new()),
            ("First.\n\nSec".to_string(), None)
        );
        // Cut inside a tag: a syntax error, the text before it kept.
        let cut = &whole[..whole.find("<w:t>Second").unwrap() + 3];
        let (text, broken) = read_body(cut.as_bytes(), &HashMap::new());
        assert_eq!(text, "First.");
        assert!(broken.is_some());
        // Mismatched end tags are walked past.
        let xml =
            body(r#"<w:p><w:r><w:t>One</w:t></w:x></w:p><w:p><w:r><w:t>Two</w:t></w:r></w:p>"#);
        assert_eq!(read_body(xml.as_bytes(), &HashMap::new()).0, "One\n\nTwo");
    }

    #[test]
    fn utf16_parts() {
        let xml = body("<w:p><w:r><w:t>Caf\u{e9}</w:t></w:r></w:p>");
        let mut bytes = vec![0xff, 0xfe];
        for unit in xml.encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(read_body(&bytes, &HashMap::new()).0, "Caf\u{e9}");
    }

    #[test]
    fn not_a_docx_is_a_clear_error() {
        let err = read(b"PK\x03\x04 broken", &mut Budget::default()).unwrap_err();
        assert!(err.contains("cannot be opened"), "{err}");
    }
}
