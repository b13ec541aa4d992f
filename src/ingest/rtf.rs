//! RTF: a document's bytes in, its text (paragraphs separated by blank
//! lines) and its `\info` title, author and creation date out.
//!
//! A small reader of our own (Microsoft's RTF 1.9.1 specification, sections
//! "Conventions of an RTF reader" and "Unicode RTF"). It reads groups,
//! control words and symbols; `\uN` Unicode characters (negative N as in the
//! spec, surrogate pairs joined) skipping the `\ucN` fallback characters
//! after each; `\'hh` bytes decoded through the document's code page
//! (`\ansicpgN`, Windows-1252 by default) by encoding_rs; `\binN` data
//! skipped; `\par`, `\line`, `\tab`, `\cell`, `\row`, `\page` and the
//! typographic symbols. Destinations that are not text (font, colour and
//! style tables, pictures, objects, field instructions, headers, footers,
//! footnotes, `\*` destinations) are skipped, except `\info`'s title,
//! author and creation time. Damage costs only what it touches: a truncated
//! file keeps the text read so far, a bad `\'zz` is dropped, nothing after
//! the document's closing brace (NUL padding) is read.
//!
//! ## Why not an RTF crate
//!
//! Measured with `bench/rtf_crates` (the same inputs through each reader,
//! 20,000 random RTF soups, and a wasm32 build of each alone, `-Oz`, gzip -9):
//!
//! * `rtf-parser` 0.4.3 (no default features; builds for wasm32, 27.9 KB
//!   gzipped without encoding_rs): wrong text on well-formed input.
//!   `Hello\par World.` gives `"HelloWorld."` (no paragraph breaks; table
//!   cells run together the same way: `"YearBoats202341After."`);
//!   `\ansicpg1252 Caf\'e9 \'93q\'94 \'80` gives `"Caféq\u{94}"` and
//!   `\ansicpg1251 \'cc\'e8\'f0` gives `"Ìð"` (code pages ignored, bytes
//!   lost); `\uc2 \u8220??quoted` loses the rest of the text; headers,
//!   footers, `\info` and `\pict` hex come out as body text (`"Running
//!   headPage 1Body text"`); no `\info` fields; input that is not UTF-8
//!   (raw cp1252 bytes) is an error.
//! * `rtf-parser-tt` 0.6.0 (builds for wasm32; 161.4 KB gzipped alone
//!   against 143.0 KB for this reader, both with encoding_rs: about 18 KB
//!   more): right on every well-formed case above, the fixtures included,
//!   but (1) no `\creatim`, so a document's date is lost (the
//!   `single_article.rtf` fixture's date comes from it); (2) `\par` and
//!   `\line` both become one `'\n'` (`"First para\nSecond\nsame para\n"`
//!   where this reader gives `"First para\n\nSecond\nsame para"`), so
//!   paragraphs cannot be told from line breaks; (3) strict where files are
//!   not: a truncated file (`{\rtf1\ansi Start {\b bold`), text after the
//!   closing brace, a bad `\'zz` or a `\u` parameter past 32 bits is an
//!   error for the whole document, and 19,604 of the 20,000 random soups are
//!   errors (this reader: none; no panics in either).
//!
//! Neither is at least as correct, so the reader stays ours.

use encoding_rs::Encoding;

/// What an RTF file holds for Parallax.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rtf {
    /// Paragraphs separated by a blank line (`"\n\n"`); `\line` is `'\n'`,
    /// `\tab` and `\cell` are `'\t'`.
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    /// `\creatim` as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` with less stated).
    pub created: Option<String>,
}

/// Where the text of the current group goes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Dest {
    Body,
    Skip,
    Info,
    Title,
    Author,
    Created,
}

#[derive(Debug, Clone, Copy)]
struct Group {
    dest: Dest,
    /// Fallback characters after each `\uN` (`\ucN`, 1 by default).
    uc: usize,
}

/// Destinations whose text is not the document's.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "filetbl",
    "generator",
    "pict",
    "object",
    "nonshppict",
    "shpinst",
    "fldinst",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "xmlnstbl",
    "pgdsctbl",
    "mmathpr",
    "bkmkstart",
    "bkmkend",
    "operator",
    "company",
    "subject",
    "keywords",
    "doccomm",
    "comment",
    "printim",
    "revtim",
    "buptim",
    "template",
    "xe",
    "tc",
    "private",
];

/// Most nested groups followed; deeper ones are read as if flat (RTF
/// writers nest a few dozen deep; this bounds memory on hostile input).
const MAX_GROUPS: usize = 4096;

/// Reads an RTF document. The only error: the bytes do not open with
/// `{\rtf`. Never panics; a truncated file gives the text read so far.
pub fn read(bytes: &[u8]) -> Result<Rtf, String> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let bytes = bytes.get(start..).unwrap_or_default();
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if !bytes.starts_with(b"{\\rtf") {
        return Err("not an RTF document (it does not open with {\\rtf)".to_string());
    }
    let mut r = Reader {
        bytes,
        at: 0,
        encoding: encoding_rs::WINDOWS_1252,
        stack: Vec::new(),
        group: Group {
            dest: Dest::Body,
            uc: 1,
        },
        skip_chars: 0,
        pending: Vec::new(),
        high_surrogate: None,
        out: Rtf::default(),
        title: String::new(),
        author: String::new(),
        created: [None; 3],
        depth_over: 0,
    };
    r.run();
    let mut out = r.out;
    let fold = |s: &str| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    out.title = fold(&r.title);
    out.author = fold(&r.author);
    out.created = match r.created {
        [Some(y), Some(m), Some(d)] => Some(format!("{y:04}-{m:02}-{d:02}")),
        [Some(y), Some(m), None] => Some(format!("{y:04}-{m:02}")),
        [Some(y), _, _] => Some(format!("{y:04}")),
        _ => None,
    };
    let trimmed = out.text.trim_end().len();
    out.text.truncate(trimmed);
    Ok(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    encoding: &'static Encoding,
    stack: Vec<Group>,
    group: Group,
    /// Fallback characters still to skip after a `\uN`.
    skip_chars: usize,
    /// Code-page bytes waiting to be decoded together (a double-byte
    /// character comes as two `\'hh`).
    pending: Vec<u8>,
    high_surrogate: Option<u16>,
    out: Rtf,
    title: String,
    author: String,
    /// `\creatim`'s `\yr`, `\mo`, `\dy`.
    created: [Option<u32>; 3],
    /// Groups opened past [`MAX_GROUPS`], still to be closed.
    depth_over: usize,
}

impl Reader<'_> {
    fn run(&mut self) {
        while self.at < self.bytes.len() {
            let b = self.bytes[self.at];
            self.at += 1;
            match b {
                b'{' => {
                    self.flush();
                    self.skip_chars = 0;
                    if self.stack.len() >= MAX_GROUPS {
                        self.depth_over += 1;
                    } else {
                        self.stack.push(self.group);
                    }
                }
                b'}' => {
                    self.flush();
                    self.skip_chars = 0;
                    if self.depth_over > 0 {
                        self.depth_over -= 1;
                    } else {
                        match self.stack.pop() {
                            // The document's own group closed: what follows
                            // (writers pad with NULs or line ends) is not text.
                            Some(_) if self.stack.is_empty() => return,
                            Some(g) => self.group = g,
                            None => return,
                        }
                    }
                }
                b'\\' => self.control(),
                b'\r' | b'\n' | b'\0' => {}
                _ => self.byte(b),
            }
        }
        self.flush();
    }

    /// One byte of text (a raw byte or a `\'hh`), after any skip.
    fn byte(&mut self, b: u8) {
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            return;
        }
        if self.group.dest == Dest::Skip {
            return;
        }
        self.pending.push(b);
    }

    /// Decodes pending code-page bytes into the current destination.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        let (text, _, _) = self.encoding.decode(&bytes);
        let text = text.into_owned();
        self.emit(&text);
    }

    fn emit(&mut self, text: &str) {
        match self.group.dest {
            Dest::Body => self.out.text.push_str(text),
            Dest::Title => self.title.push_str(text),
            Dest::Author => self.author.push_str(text),
            Dest::Skip | Dest::Info | Dest::Created => {}
        }
    }

    /// A character that is not a code-page byte (a symbol or `\uN`).
    fn char(&mut self, c: char) {
        self.flush();
        if self.group.dest != Dest::Skip {
            let mut buf = [0u8; 4];
            self.emit(c.encode_utf8(&mut buf));
        }
    }

    fn paragraph(&mut self, sep: &str) {
        self.flush();
        if self.group.dest == Dest::Body {
            let text = &mut self.out.text;
            let kept = text.trim_end_matches([' ', '\t']).len();
            text.truncate(kept);
            if !text.is_empty() && !text.ends_with("\n\n") {
                if sep == "\n" {
                    text.push('\n');
                } else {
                    text.truncate(text.trim_end_matches('\n').len());
                    text.push_str("\n\n");
                }
            }
        }
    }

    /// After a backslash: a control symbol or a control word.
    fn control(&mut self) {
        let Some(&b) = self.bytes.get(self.at) else {
            return;
        };
        if !b.is_ascii_alphabetic() {
            self.at += 1;
            match b {
                b'\'' => {
                    let hex = self.bytes.get(self.at..self.at + 2).unwrap_or_default();
                    self.at += hex.len();
                    let value = std::str::from_utf8(hex)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    if let Some(v) = value {
                        self.byte(v);
                    }
                }
                b'\\' | b'{' | b'}' => self.byte(b),
                b'~' => self.char('\u{a0}'),
                b'_' => self.char('\u{2011}'),
                b'-' => {} // an optional hyphen: not part of the word
                b'*' => {
                    // An ignorable destination: none of them is text we read.
                    self.flush();
                    self.group.dest = Dest::Skip;
                }
                b'\r' | b'\n' => self.paragraph("\n\n"),
                _ => {}
            }
            return;
        }
        let start = self.at;
        while self.at < self.bytes.len()
            && self.bytes[self.at].is_ascii_alphabetic()
            && self.at - start < 32
        {
            self.at += 1;
        }
        let word = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("");
        let num_start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        while self.at < self.bytes.len()
            && self.bytes[self.at].is_ascii_digit()
            && self.at - num_start < 10
        {
            self.at += 1;
        }
        let param: Option<i64> = std::str::from_utf8(&self.bytes[num_start..self.at])
            .ok()
            .and_then(|n| n.parse().ok());
        if self.bytes.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
        self.word(word, param);
    }

    fn word(&mut self, word: &str, param: Option<i64>) {
        if word != "u" && self.skip_chars > 0 {
            // A control word inside a `\u` fallback counts as one character.
            self.skip_chars -= 1;
            return;
        }
        match word {
            "par" | "sect" | "page" | "row" => self.paragraph("\n\n"),
            "line" => self.paragraph("\n"),
            "tab" | "cell" => self.char('\t'),
            "emdash" => self.char('\u{2014}'),
            "endash" => self.char('\u{2013}'),
            "lquote" => self.char('\u{2018}'),
            "rquote" => self.char('\u{2019}'),
            "ldblquote" => self.char('\u{201c}'),
            "rdblquote" => self.char('\u{201d}'),
            "bullet" => self.char('\u{2022}'),
            "emspace" | "enspace" | "qmspace" => self.char(' '),
            "uc" => self.group.uc = param.unwrap_or(1).clamp(0, 16) as usize,
            "u" => {
                let n = param.unwrap_or(0);
                let unit = if n < 0 { n + 65536 } else { n } as u32;
                self.unicode(unit);
                self.skip_chars = self.group.uc;
            }
            "ansicpg" => {
                let label = format!("windows-{}", param.unwrap_or(1252));
                if let Some(e) = Encoding::for_label(label.as_bytes()) {
                    self.flush();
                    self.encoding = e;
                }
            }
            "mac" => self.encoding = encoding_rs::MACINTOSH,
            "bin" => {
                // `\binN`: N bytes of binary data (a picture), braces and
                // backslashes included, that are neither syntax nor text.
                let n = usize::try_from(param.unwrap_or(0)).unwrap_or(0);
                self.at = self.at.saturating_add(n).min(self.bytes.len());
            }
            "info" => {
                self.flush();
                self.group.dest = Dest::Info;
            }
            "title" if self.group.dest == Dest::Info => self.group.dest = Dest::Title,
            "author" if self.group.dest == Dest::Info => self.group.dest = Dest::Author,
            "creatim" if self.group.dest == Dest::Info => self.group.dest = Dest::Created,
            "yr" | "mo" | "dy" if self.group.dest == Dest::Created => {
                let slot = ["yr", "mo", "dy"]
                    .iter()
                    .position(|w| *w == word)
                    .unwrap_or(0);
                self.created[slot] = param.and_then(|p| u32::try_from(p).ok());
            }
            _ if SKIPPED.contains(&word) => {
                self.flush();
                self.group.dest = Dest::Skip;
            }
            _ => {}
        }
    }

    /// A UTF-16 code unit from `\uN`; a surrogate pair comes as two.
    fn unicode(&mut self, unit: u32) {
        let unit = unit as u16;
        if (0xD800..0xDC00).contains(&unit) {
            self.flush();
            self.high_surrogate = Some(unit);
            return;
        }
        let c = match self.high_surrogate.take() {
            Some(high) if (0xDC00..0xE000).contains(&unit) => {
                char::decode_utf16([high, unit]).next().and_then(Result::ok)
            }
            _ => char::from_u32(u32::from(unit)),
        };
        self.char(c.unwrap_or('\u{fffd}'));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($name:ident, $rtf:expr, $text:expr) => {
            #[test]
            fn $name() {
                assert_eq!(read($rtf.as_bytes()).unwrap().text, $text);
            }
        };
    }

    t!(
        plain_paragraphs,
        r"{\rtf1\ansi Hello\par World.\par}",
        "Hello\n\nWorld."
    );
    t!(
        tables_fonts_and_colours_are_skipped,
        r"{\rtf1{\fonttbl{\f0 Arial;}}{\colortbl;\red0;}{\stylesheet{\s0 Normal;}}\pard\f0 Body\par}",
        "Body"
    );
    t!(
        code_page_bytes,
        r"{\rtf1\ansi\ansicpg1252 Caf\'e9\par}",
        "Caf\u{e9}"
    );
    t!(
        unicode_skips_its_fallback,
        r"{\rtf1\uc1 Jos\u233\'e9 and \uc2 \u8220??quoted\u8221??\par}",
        "Jos\u{e9} and \u{201c}quoted\u{201d}"
    );
    t!(
        negative_unicode_and_surrogates,
        r"{\rtf1 \u-3913?\u55357?\u56832?\par}",
        "\u{f0b7}\u{1f600}"
    );
    t!(
        line_tab_and_symbols,
        r"{\rtf1 a\line b\tab c \emdash\~d\{e\}\\\par}",
        "a\nb\tc \u{2014}\u{a0}d{e}\\"
    );
    t!(
        ignorable_destinations_and_fields,
        r"{\rtf1{\*\generator Word;}{\field{\*\fldinst HYPERLINK x}{\fldrslt link text}} end\par}",
        "link text end"
    );
    t!(
        cyrillic_code_page,
        r"{\rtf1\ansi\ansicpg1251 \'cc\'e8\'f0\par}",
        "\u{41c}\u{438}\u{440}"
    );

    t!(
        binary_data_is_skipped,
        "{\\rtf1 a{\\*\\blipuid x}{\\pict\\bin4 }}}}}b\\par}",
        "ab"
    );
    t!(
        nothing_after_the_document_closes,
        "{\\rtf1 One\\par}\0\0\r\n}} tail",
        "One"
    );

    #[test]
    fn info_fields() {
        let rtf = read(br"{\rtf1{\info{\title Bridge & ferry}{\author Ana Ruiz}{\creatim\yr2024\mo3\dy5\hr9}}Text\par}").unwrap();
        assert_eq!(rtf.title.as_deref(), Some("Bridge & ferry"));
        assert_eq!(rtf.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(rtf.created.as_deref(), Some("2024-03-05"));
        assert_eq!(rtf.text, "Text");
    }

    #[test]
    fn not_rtf_is_a_clear_error() {
        assert!(read(b"hello").unwrap_err().contains("not an RTF"));
    }
}
