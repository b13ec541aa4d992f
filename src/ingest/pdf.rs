//! PDF (builds with the `pdf` feature: the CLI, the page's PDF engine): a PDF's bytes in, the text
//! of its text layer out, in reading order, with hyphenation at line ends
//! joined and running headers, footers and page numbers taken out (kept
//! apart to show as removed); the Info dictionary's title and author.
//!
//! The `pdf-extract` crate (over `lopdf`) parses the file, its fonts and
//! encodings, and reports every glyph with its position; the layout is ours:
//! glyphs make lines, lines are ordered by columns (a page whose lines
//! start on both sides of its middle is read left column then right, in
//! bands between lines that span both), lines make paragraphs where the gap
//! between them opens up, and a line that recurs at the top or bottom of
//! most pages (digits aside) is a running header or footer.
//!
//! pdf-extract panics on some malformed files; the reading runs under
//! `catch_unwind` so that such a file is an error like any other in the CLI
//! (built with `panic = "unwind"`). In wasm a panic traps: the worker
//! reports the analysis as crashed on that file and is replaced.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// What a PDF holds for Parallax.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pdf {
    /// Paragraphs separated by a blank line.
    pub text: String,
    /// Lines left out as running headers, footers and page numbers, once
    /// each.
    pub furniture: Vec<String>,
    pub title: Option<String>,
    pub author: Option<String>,
}

/// One glyph as placed on the page (PDF units, y upwards).
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
    word_start: bool,
}

/// A line of one column: its glyphs' text, left edge, right edge, baseline
/// and size.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
}

#[derive(Default)]
struct Collect {
    pages: Vec<(f64, Vec<Glyph>)>,
    word_start: bool,
}

impl OutputDev for Collect {
    fn begin_page(
        &mut self,
        _n: u32,
        media: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages
            .push(((media.urx - media.llx).abs().max(1.0), Vec::new()));
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        c: &str,
    ) -> Result<(), OutputError> {
        // The glyph's size on the page: the text matrix scales the font.
        let sx = font_size * trm.m11 + font_size * trm.m21;
        let sy = font_size * trm.m12 + font_size * trm.m22;
        let size = (sx * sy).abs().sqrt().max(0.1);
        let glyph = Glyph {
            x: trm.m31,
            y: trm.m32,
            end: trm.m31 + width * size,
            size,
            text: c.to_string(),
            word_start: std::mem::take(&mut self.word_start),
        };
        if let Some((_, glyphs)) = self.pages.last_mut() {
            glyphs.push(glyph);
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Each page's width and glyphs, the Info title and author.
type Parsed = (Vec<(f64, Vec<Glyph>)>, Option<String>, Option<String>);

/// Reads a PDF's text layer. Errors: not a PDF, damaged, encrypted, or no
/// text layer (a scan).
pub fn read(bytes: &[u8]) -> Result<Pdf, String> {
    if !bytes
        .get(..1024)
        .unwrap_or(bytes)
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Err("not a PDF file (no %PDF- header)".to_string());
    }
    let bytes = bytes.to_vec();
    let outcome = std::panic::catch_unwind(move || -> Result<Parsed, String> {
        let doc = pdf_extract::Document::load_mem(&bytes)
            .map_err(|e| format!("the PDF cannot be read ({e})"))?;
        if doc.is_encrypted() {
            return Err("the PDF is encrypted".to_string());
        }
        let mut collect = Collect::default();
        pdf_extract::output_doc(&doc, &mut collect)
            .map_err(|e| format!("the PDF's pages cannot be read ({e})"))?;
        let (title, author) = info(&doc);
        Ok((collect.pages, title, author))
    });
    let (pages, title, author) = match outcome {
        Ok(result) => result?,
        Err(_) => return Err("the PDF cannot be read (its structure is damaged)".to_string()),
    };
    if pages
        .iter()
        .all(|(_, g)| g.iter().all(|g| g.text.trim().is_empty()))
    {
        return Err(
            "the PDF has no text layer (a scan or images only); it would need OCR".to_string(),
        );
    }
    let pages: Vec<Vec<Line>> = pages
        .iter()
        .map(|(width, glyphs)| order(lines(glyphs), *width))
        .collect();
    let (pages, furniture) = drop_running(pages);
    Ok(Pdf {
        text: paragraphs(&pages),
        furniture,
        title,
        author,
    })
}

/// The Info dictionary's Title and Author, if they are text.
fn info(doc: &pdf_extract::Document) -> (Option<String>, Option<String>) {
    let dict = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| o.as_reference().ok())
        .and_then(|id| doc.get_dictionary(id).ok());
    let field = |key: &[u8]| -> Option<String> {
        let bytes = dict?.get(key).ok()?.as_str().ok()?;
        let text = if let Some(be) = bytes.strip_prefix(b"\xfe\xff") {
            let units: Vec<u16> = be
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            bytes.iter().map(|&b| char::from(b)).collect()
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(text)
    };
    (field(b"Title"), field(b"Author"))
}

/// Glyphs in content order made into lines: a glyph joins the line when it
/// sits on its baseline and starts near its end; a gap wider than a tenth
/// of the size (or a new word) is a space.
fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for g in glyphs {
        let joins = out.last().is_some_and(|l| {
            (g.y - l.y).abs() < 0.5 * l.size.max(g.size)
                && g.x > l.x1 - 0.5 * g.size
                && g.x < l.x1 + 3.0 * g.size
        });
        if joins {
            let l = out.last_mut().expect("checked above");
            let gap = g.x - l.x1;
            if (gap > 0.1 * g.size || g.word_start) && !l.text.ends_with(' ') && g.text != " " {
                l.text.push(' ');
            }
            l.text.push_str(&g.text);
            l.x1 = l.x1.max(g.end);
        } else {
            out.push(Line {
                text: g.text.clone(),
                x0: g.x,
                x1: g.end,
                y: g.y,
                size: g.size,
            });
        }
    }
    for l in &mut out {
        l.text = l.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out.retain(|l| !l.text.is_empty());
    out
}

/// A page's lines in reading order. When lines start on both sides of the
/// page's middle, lines spanning the middle cut the page into bands, and
/// each band is read left column then right; otherwise top to bottom.
fn order(mut lines: Vec<Line>, width: f64) -> Vec<Line> {
    let by_position = |a: &Line, b: &Line| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0));
    lines.sort_by(by_position);
    let mid = width / 2.0;
    let spans = |l: &Line| l.x0 < mid - 0.02 * width && l.x1 > mid + 0.02 * width;
    let right = |l: &Line| l.x0 >= mid - 0.02 * width;
    let two_columns = lines.iter().filter(|l| right(l) && !spans(l)).count() >= 2
        && lines.iter().filter(|l| !right(l) && !spans(l)).count() >= 2;
    if !two_columns {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    let (mut left_col, mut right_col) = (Vec::new(), Vec::new());
    for l in lines {
        if spans(&l) {
            out.append(&mut left_col);
            out.append(&mut right_col);
            out.push(l);
        } else if right(&l) {
            right_col.push(l);
        } else {
            left_col.push(l);
        }
    }
    out.append(&mut left_col);
    out.append(&mut right_col);
    out
}

/// A line with its digits as `#`: page numbers and dates in running heads
/// change from page to page.
fn shape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many lines at each end of a page may be running heads or feet.
const EDGE: usize = 2;

/// Takes out running headers and footers: lines among the top or bottom
/// [`EDGE`] of a page (by height) whose shape recurs so on at least two
/// pages and on more than half of them; and a line of only a page number
/// ("3", "- 3 -", "Page 3", "3 of 9") at a page's top or bottom edge.
fn drop_running(pages: Vec<Vec<Line>>) -> (Vec<Vec<Line>>, Vec<String>) {
    use std::collections::{HashMap, HashSet};
    let edges = |page: &[Line]| -> HashSet<String> {
        let mut ys: Vec<f64> = page.iter().map(|l| l.y).collect();
        ys.sort_by(|a, b| b.total_cmp(a));
        ys.dedup();
        let top = ys
            .get(EDGE.min(ys.len()).saturating_sub(1))
            .copied()
            .unwrap_or(f64::MAX);
        let bottom = ys
            .iter()
            .rev()
            .nth(EDGE.min(ys.len()).saturating_sub(1))
            .copied()
            .unwrap_or(f64::MIN);
        page.iter()
            .filter(|l| l.y >= top || l.y <= bottom)
            .map(|l| shape(&l.text))
            .collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    let page_edges: Vec<HashSet<String>> = pages.iter().map(|p| edges(p)).collect();
    for e in &page_edges {
        for s in e {
            *counts.entry(s.clone()).or_default() += 1;
        }
    }
    let n = pages.len();
    let running = |s: &str| counts.get(s).is_some_and(|&c| c >= 2 && c * 2 > n);
    let page_number = |s: &str| {
        let s = s.trim_matches(|c: char| c == '-' || c == '–' || c == ' ');
        let s = s.strip_prefix("page ").unwrap_or(s);
        !s.is_empty()
            && s.split(" of ")
                .all(|p| !p.is_empty() && p.chars().all(|c| c == '#'))
    };
    let mut furniture: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let pages = pages
        .into_iter()
        .zip(&page_edges)
        .map(|(page, edge)| {
            page.into_iter()
                .filter(|l| {
                    let s = shape(&l.text);
                    let drop = edge.contains(&s) && (running(&s) || page_number(&s));
                    if drop && seen.insert(s) {
                        furniture.push(l.text.clone());
                    }
                    !drop
                })
                .collect()
        })
        .collect();
    (pages, furniture)
}

/// Lines made into paragraphs. A paragraph ends where the gap to the next
/// line of the same column is well over the usual line spacing, or where a
/// column or page ends on a sentence's end and the next begins a new one.
/// A line ending in a hyphen after a letter, followed by one starting
/// lowercase, is one word broken at the line end: the hyphen goes.
fn paragraphs(pages: &[Vec<Line>]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Line> = None;
    for page in pages {
        for (i, line) in page.iter().enumerate() {
            let first_of_page = i == 0;
            let new_paragraph = match prev {
                None => false,
                Some(p) => {
                    let same_column =
                        !first_of_page && p.y > line.y && (p.x0 - line.x0).abs() < 4.0 * line.size;
                    let gap = p.y - line.y;
                    let ends_sentence = p.text.ends_with(['.', '!', '?', '"', '\u{201d}', ':']);
                    let starts_sentence = line
                        .text
                        .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '\u{201c}');
                    if same_column {
                        gap > 1.6 * p.size.max(line.size) || (p.size - line.size).abs() > 1.0
                    } else {
                        ends_sentence && starts_sentence
                    }
                }
            };
            if new_paragraph {
                out.push_str("\n\n");
            } else if !out.is_empty() {
                let broken = out.ends_with('-')
                    && out[..out.len() - 1].ends_with(char::is_alphabetic)
                    && line.text.starts_with(char::is_lowercase);
                if broken {
                    out.pop();
                } else {
                    out.push(' ');
                }
            }
            out.push_str(&line.text);
            prev = Some(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f64, y: f64) -> Line {
        Line {
            text: text.to_string(),
            x0,
            x1: x0 + 5.0 * text.len() as f64,
            y,
            size: 10.0,
        }
    }

    #[test]
    fn columns_are_read_left_then_right_in_bands() {
        let page = vec![
            line(
                "Headline across the whole page width here for all",
                50.0,
                760.0,
            ),
            line("right one", 310.0, 700.0),
            line("left one", 50.0, 700.0),
            line("right two", 310.0, 686.0),
            line("left two", 50.0, 686.0),
        ];
        let texts: Vec<String> = order(page, 595.0).into_iter().map(|l| l.text).collect();
        assert_eq!(
            texts[1..],
            ["left one", "left two", "right one", "right two"]
        );
    }

    #[test]
    fn hyphens_at_line_ends_join_and_gaps_make_paragraphs() {
        let pages = vec![vec![
            line("The bridge was re-", 50.0, 700.0),
            line("opened after inspec-", 50.0, 686.0),
            line("tion. It holds.", 50.0, 672.0),
            line("A new paragraph.", 50.0, 644.0),
        ]];
        assert_eq!(
            paragraphs(&pages),
            "The bridge was reopened after inspection. It holds.\n\nA new paragraph."
        );
    }

    #[test]
    fn running_heads_and_page_numbers_go() {
        let page = |n: usize| {
            vec![
                line("The Coast Herald | Saltmere edition", 50.0, 760.0),
                line(
                    [
                        "Body text goes here.",
                        "Second page text.",
                        "Last page text.",
                    ][n - 1],
                    50.0,
                    700.0,
                ),
                line(
                    ["More body.", "Other words.", "A third line."][n - 1],
                    50.0,
                    686.0,
                ),
                line(&n.to_string(), 290.0, 40.0),
            ]
        };
        let (pages, furniture) = drop_running(vec![page(1), page(2), page(3)]);
        assert!(pages.iter().all(|p| p.len() == 2), "{pages:?}");
        assert_eq!(furniture, ["The Coast Herald | Saltmere edition", "1"]);
    }

    #[test]
    fn not_a_pdf() {
        assert!(read(b"hello").unwrap_err().contains("not a PDF"));
        assert!(read(b"%PDF-1.4\n garbage").is_err());
    }
}
