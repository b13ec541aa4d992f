//! One exported function per reader, so each wasm build measures one reader.
#[path = "../../../src/ingest/rtf.rs"]
pub mod ours;

pub struct Out {
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub created: Option<String>,
}

pub fn read_ours(b: &[u8]) -> Result<Out, String> {
    ours::read(b).map(|r| Out {
        text: r.text,
        title: r.title,
        author: r.author,
        created: r.created,
    })
}
#[cfg(feature = "rp")]
pub fn read_rp(b: &[u8]) -> Result<Out, String> {
    let s = std::str::from_utf8(b).map_err(|e| e.to_string())?;
    let d = rtf_parser::RtfDocument::try_from(s).map_err(|e| e.to_string())?;
    Ok(Out {
        text: d.get_text(),
        title: None,
        author: None,
        created: None,
    })
}
#[cfg(feature = "tt")]
pub fn read_tt(b: &[u8]) -> Result<Out, String> {
    let d = rtf_parser_tt::RtfDocument::from_bytes(b).map_err(|e| e.to_string())?;
    let opts = rtf_parser_tt::TextOptions::default()
        .headers_footers(false)
        .notes(false);
    Ok(Out {
        text: d.get_text_with(opts),
        title: d.info.title.clone(),
        author: d.info.author.clone(),
        created: None,
    })
}

// wasm size probes: one reader per build.
#[no_mangle]
pub extern "C" fn probe(ptr: *const u8, len: usize) -> usize {
    let b = unsafe { std::slice::from_raw_parts(ptr, len) };
    #[cfg(feature = "rp")]
    {
        return read_rp(b).map(|o| o.text.len()).unwrap_or(0);
    }
    #[cfg(all(feature = "tt", not(feature = "rp")))]
    {
        return read_tt(b)
            .map(|o| o.text.len() + o.title.map_or(0, |t| t.len()))
            .unwrap_or(0);
    }
    #[allow(unreachable_code)]
    read_ours(b)
        .map(|o| o.text.len() + o.title.map_or(0, |t| t.len()))
        .unwrap_or(0)
}
