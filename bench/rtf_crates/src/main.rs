use rtf_crates::*;
use std::panic;

fn norm(s: &str) -> String {
    let mut out = String::new();
    for line in s.split('\n') {
        let l = line
            .trim_end_matches([' ', '\t', '\r'])
            .trim_start_matches(' ');
        if l.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(l);
    }
    out
}

fn main() {
    let deep = format!(
        "{{\\rtf1 {}deep{}\\par}}",
        "{".repeat(20000),
        "}".repeat(20000)
    );
    let fixtures = std::env::args().nth(1).unwrap_or_default();
    let mut cases: Vec<(&str, Vec<u8>, Option<String>)> = vec![
        ("par", br"{\rtf1\ansi Hello\par World.\par}".to_vec(), Some("Hello\nWorld.".into())),
        ("tables_skipped", br"{\rtf1{\fonttbl{\f0 Arial;}}{\colortbl;\red0;}{\stylesheet{\s0 Normal;}}\pard\f0 Body\par}".to_vec(), Some("Body".into())),
        ("cp1252", br"{\rtf1\ansi\ansicpg1252 Caf\'e9 \'93q\'94 \'80\par}".to_vec(), Some("Caf\u{e9} \u{201c}q\u{201d} \u{20ac}".into())),
        ("uc1_uc2", br"{\rtf1\uc1 Jos\u233\'e9 and \uc2 \u8220??quoted\u8221??\par}".to_vec(), Some("Jos\u{e9} and \u{201c}quoted\u{201d}".into())),
        ("uc_scoped_to_group", br"{\rtf1 {\uc2 \u8220??}x\u8221?y\par}".to_vec(), Some("\u{201c}x\u{201d}y".into())),
        ("negative_u_surrogates", br"{\rtf1 \u-3913?\u55357?\u56832?\par}".to_vec(), Some("\u{f0b7}\u{1f600}".into())),
        ("uc0", br"{\rtf1\uc0 a\u8212 b\par}".to_vec(), Some("a\u{2014}b".into())),
        ("line_tab_symbols", br"{\rtf1 a\line b\tab c \emdash\~d\{e\}\\\par}".to_vec(), Some("a\nb\tc \u{2014}\u{a0}d{e}\\".into())),
        ("star_destinations_fields", br"{\rtf1{\*\generator Word;}{\*\unknowndest junk}{\field{\*\fldinst HYPERLINK x}{\fldrslt link text}} end\par}".to_vec(), Some("link text end".into())),
        ("cp1251", br"{\rtf1\ansi\ansicpg1251 \'cc\'e8\'f0\par}".to_vec(), Some("\u{41c}\u{438}\u{440}".into())),
        ("table_cells_rows", br"{\rtf1\trowd\cellx1000\cellx2000\pard\intbl Year\cell Boats\cell\row\trowd\cellx1000\cellx2000\pard\intbl 2023\cell 41\cell\row\pard After.\par}".to_vec(), Some("Year\tBoats\n2023\t41\nAfter.".into())),
        ("header_footer_excluded", br"{\rtf1{\header\pard Running head\par}{\footer\pard Page 1\par}\pard Body text\par}".to_vec(), Some("Body text".into())),
        ("info_title_author_creatim", br"{\rtf1{\info{\title Bridge & ferry}{\author Ana Ruiz}{\creatim\yr2024\mo3\dy5\hr9}}Text\par}".to_vec(), Some("Text".into())),
        ("pict_skipped", br"{\rtf1 a{\pict\pngblip 89504e470d0a1a0a}b\par}".to_vec(), Some("ab".into())),
        ("truncated", br"{\rtf1\ansi Start {\b bold".to_vec(), Some("Start bold".into())),
        ("extra_closing", br"{\rtf1 One\par}}} tail".to_vec(), Some("One".into())),
        ("bad_hex", br"{\rtf1 a\'zzb\par}".to_vec(), None),
        ("huge_u", br"{\rtf1 a\u99999999999b\par}".to_vec(), None),
        ("raw_8bit_cp1252", b"{\\rtf1\\ansi\\ansicpg1252 Caf\xe9\\par}".to_vec(), Some("Caf\u{e9}".into())),
        ("par_vs_line", br"{\rtf1 First para\par Second\line same para\par}".to_vec(), None),
        ("trailing_newline", b"{\\rtf1 One\\par}\r\n".to_vec(), Some("One".into())),
        ("trailing_nul", b"{\\rtf1 One\\par}\0\0".to_vec(), Some("One".into())),
        ("bin_data", b"{\\rtf1 a{\\*\\blipuid x}{\\pict\\bin4 }}}}}b\\par}".to_vec(), Some("ab".into())),
        ("footnote", br"{\rtf1 Claim.{\super\chftn}{\footnote\pard{\super\chftn} Source note.}\par Next\par}".to_vec(), None),
        ("empty", br"{\rtf1}".to_vec(), Some("".into())),
        ("deep_nesting", deep.into_bytes(), Some("deep".into())),
    ];
    for name in ["single_article.rtf", "factiva_export.rtf"] {
        if let Ok(b) = std::fs::read(format!("{fixtures}/{name}")) {
            cases.push((
                if name.starts_with("single") {
                    "fixture single_article.rtf"
                } else {
                    "fixture factiva_export.rtf"
                },
                b,
                None,
            ));
        }
    }
    let readers: Vec<(&str, fn(&[u8]) -> Result<Out, String>)> = vec![
        ("ours", read_ours),
        #[cfg(feature = "rp")]
        ("rtf-parser 0.4.3", read_rp),
        #[cfg(feature = "tt")]
        ("rtf-parser-tt 0.6.0", read_tt),
    ];
    panic::set_hook(Box::new(|_| {}));
    if std::env::args().nth(2).as_deref() == Some("fuzz") {
        // Random soups of RTF syntax: count panics and errors per reader.
        let pieces: [&[u8]; 22] = [
            b"{",
            b"}",
            b"\\par ",
            b"\\u",
            b"-",
            b"65",
            b"\\uc",
            b"2",
            b"\\'",
            b"e9",
            b"zz",
            b"\\*",
            b"\\fonttbl",
            b"\\info",
            b"\\title",
            b"text ",
            b"\\cell",
            b"\\row",
            b"\\",
            b"\xff",
            b"\\bin",
            b"\\creatim\\yr",
        ];
        let mut seed: u64 = 0x9e3779b97f4a7c15;
        let mut rnd = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for (rname, f) in &readers {
            let (mut panics, mut errors, mut oks) = (0, 0, 0);
            let mut seed2: u64 = 0x243f6a8885a308d3;
            for _ in 0..20000 {
                let mut doc = b"{\\rtf1 ".to_vec();
                seed2 ^= seed2 << 13;
                seed2 ^= seed2 >> 7;
                seed2 ^= seed2 << 17;
                let n = (seed2 % 40) as usize;
                for _ in 0..n {
                    doc.extend_from_slice(pieces[(rnd() % 22) as usize]);
                }
                match panic::catch_unwind(|| f(&doc)) {
                    Err(_) => panics += 1,
                    Ok(Err(_)) => errors += 1,
                    Ok(Ok(_)) => oks += 1,
                }
            }
            println!("fuzz {rname:22} ok={oks} errors={errors} panics={panics}");
        }
        return;
    }
    for (case, bytes, want) in &cases {
        println!("== {case}");
        for (rname, f) in &readers {
            let got = panic::catch_unwind(|| f(bytes));
            let line = match got {
                Err(_) => "PANIC".to_string(),
                Ok(Err(e)) => format!("ERROR {e}"),
                Ok(Ok(o)) => {
                    let n = if *case == "par_vs_line" || *case == "footnote" {
                        o.text.clone()
                    } else {
                        norm(&o.text)
                    };
                    let verdict = match want {
                        Some(w) if *w == n => "ok  ",
                        Some(_) => "FAIL",
                        None => "--  ",
                    };
                    let meta = if case.contains("info") || case.starts_with("fixture single") {
                        format!(
                            " title={:?} author={:?} created={:?}",
                            o.title, o.author, o.created
                        )
                    } else {
                        String::new()
                    };
                    let shown: String = if case.starts_with("fixture") {
                        format!(
                            "{} chars, same as ours: {}",
                            n.chars().count(),
                            n == norm(&read_ours(bytes).unwrap().text)
                        )
                    } else {
                        format!("{n:?}")
                    };
                    format!("{verdict} {shown}{meta}")
                }
            };
            println!("   {rname:22} {line}");
        }
    }
}
