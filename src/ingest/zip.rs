//! ZIP archives: an archive's bytes in, its files' names and bytes out (to be
//! ingested like any other file), with zip-bomb protection: a cap on entries
//! and on total uncompressed bytes shared by nested archives, each entry
//! inflated no further than its declared size, and its checksum verified.
//!
//! A small reader of the central directory (stored and deflate entries,
//! ZIP64 sizes) over `miniz_oxide`'s inflater: the `zip` crate needs a newer
//! Rust than this crate's MSRV and brings more than these two methods.

use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

/// Most entries read from one dropped archive, nested ones included.
pub const MAX_ENTRIES: usize = 10_000;
/// Most uncompressed bytes read from one dropped archive, nested included.
pub const MAX_TOTAL_BYTES: usize = super::MAX_FILE_BYTES;
/// Archives inside archives are opened this many levels deep.
pub const MAX_DEPTH: usize = 4;

/// What is left to spend while opening one dropped archive.
#[derive(Debug, Clone)]
pub struct Budget {
    pub entries: usize,
    pub bytes: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            entries: MAX_ENTRIES,
            bytes: MAX_TOTAL_BYTES,
        }
    }
}

/// One file inside an archive: its path there, and its bytes or why they
/// could not be read.
pub struct Entry {
    pub name: String,
    pub data: Result<Vec<u8>, String>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

const EOCD: u32 = 0x0605_4b50;
const EOCD64_LOCATOR: u32 = 0x0706_4b50;
const EOCD64: u32 = 0x0606_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

fn damaged(what: &str) -> String {
    format!("the ZIP archive is damaged ({what})")
}

/// Where the central directory is and how many entries it lists.
fn central_directory(bytes: &[u8]) -> Result<(usize, usize), String> {
    // The end record is 22 bytes plus a comment of at most 65,535 bytes.
    let earliest = bytes.len().saturating_sub(22 + 65_535);
    let eocd = (earliest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| u32_at(bytes, i) == Some(EOCD))
        .ok_or_else(|| damaged("no end of central directory"))?;
    let mut count = u64::from(u16_at(bytes, eocd + 10).unwrap_or(0));
    let mut offset = u64::from(u32_at(bytes, eocd + 16).unwrap_or(0));
    if count == 0xFFFF || offset == 0xFFFF_FFFF {
        let locator = eocd
            .checked_sub(20)
            .filter(|&l| u32_at(bytes, l) == Some(EOCD64_LOCATOR))
            .ok_or_else(|| damaged("ZIP64 locator missing"))?;
        let record = u64_at(bytes, locator + 8)
            .and_then(|r| usize::try_from(r).ok())
            .filter(|&r| u32_at(bytes, r) == Some(EOCD64))
            .ok_or_else(|| damaged("ZIP64 end record missing"))?;
        count = u64_at(bytes, record + 32).unwrap_or(0);
        offset = u64_at(bytes, record + 48).unwrap_or(u64::MAX);
    }
    let offset = usize::try_from(offset)
        .ok()
        .filter(|&o| o < bytes.len() || count == 0)
        .ok_or_else(|| damaged("central directory outside the file"))?;
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    Ok((offset, count))
}

struct Header {
    name: String,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    uncompressed: u64,
    local: u64,
}

/// Reads the central directory entry at `at`; returns it and the next offset.
fn header(bytes: &[u8], at: usize) -> Option<(Header, usize)> {
    if u32_at(bytes, at)? != CENTRAL {
        return None;
    }
    let flags = u16_at(bytes, at + 8)?;
    let name_len = usize::from(u16_at(bytes, at + 28)?);
    let extra_len = usize::from(u16_at(bytes, at + 30)?);
    let comment_len = usize::from(u16_at(bytes, at + 32)?);
    let name_bytes = bytes.get(at + 46..at + 46 + name_len)?;
    let extra = bytes.get(at + 46 + name_len..at + 46 + name_len + extra_len)?;
    // Bit 11 marks UTF-8 names; older tools wrote code page 437, which
    // agrees with UTF-8 on the ASCII names nearly everyone uses.
    let name = String::from_utf8_lossy(name_bytes).into_owned();
    let mut h = Header {
        name,
        flags,
        method: u16_at(bytes, at + 10)?,
        crc: u32_at(bytes, at + 16)?,
        compressed: u64::from(u32_at(bytes, at + 20)?),
        uncompressed: u64::from(u32_at(bytes, at + 24)?),
        local: u64::from(u32_at(bytes, at + 42)?),
    };
    // ZIP64 extra field: the 64-bit values of the fields saturated above, in
    // the order uncompressed, compressed, local offset.
    let mut i = 0;
    while i + 4 <= extra.len() {
        let id = u16_at(extra, i)?;
        let len = usize::from(u16_at(extra, i + 2)?);
        if id == 0x0001 {
            let mut field = i + 4;
            for slot in [&mut h.uncompressed, &mut h.compressed, &mut h.local] {
                if *slot == 0xFFFF_FFFF {
                    *slot = u64_at(extra, field)?;
                    field += 8;
                }
            }
        }
        i += 4 + len;
    }
    Some((h, at + 46 + name_len + extra_len + comment_len))
}

/// Files worth ingesting: not folders, not macOS resource forks or hidden
/// files that archivers add on their own.
fn skipped(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    name.ends_with('/') || name.starts_with("__MACOSX/") || base.starts_with('.') || base.is_empty()
}

/// Lists and inflates the files of an archive. A whole-archive problem
/// (damaged, a zip bomb) is an `Err`; a problem with one entry is that
/// entry's `Err`.
pub fn read(bytes: &[u8], budget: &mut Budget) -> Result<Vec<Entry>, String> {
    let (mut at, count) = central_directory(bytes)?;
    if count > budget.entries {
        return Err(format!(
            "the archive lists {count} entries, more than the {MAX_ENTRIES} Parallax opens (a zip bomb?)"
        ));
    }
    let mut headers = Vec::with_capacity(count);
    for _ in 0..count {
        let (h, next) = header(bytes, at).ok_or_else(|| damaged("bad central directory entry"))?;
        at = next;
        if !skipped(&h.name) {
            headers.push(h);
        }
    }
    budget.entries -= count;
    let declared: u64 = headers.iter().map(|h| h.uncompressed).sum();
    if declared > budget.bytes as u64 {
        return Err(format!(
            "the archive would unpack to {} MB, more than the {} MB Parallax reads (a zip bomb?)",
            declared / (1024 * 1024),
            MAX_TOTAL_BYTES / (1024 * 1024)
        ));
    }
    let mut entries = Vec::with_capacity(headers.len());
    for h in headers {
        let data = entry_data(bytes, &h, budget);
        entries.push(Entry { name: h.name, data });
    }
    Ok(entries)
}

fn entry_data(bytes: &[u8], h: &Header, budget: &mut Budget) -> Result<Vec<u8>, String> {
    if h.flags & 1 != 0 {
        return Err("the entry is encrypted".to_string());
    }
    let local = usize::try_from(h.local).map_err(|_| damaged("entry offset"))?;
    if u32_at(bytes, local) != Some(LOCAL) {
        return Err(damaged("entry header missing"));
    }
    let name_len = usize::from(u16_at(bytes, local + 26).unwrap_or(0));
    let extra_len = usize::from(u16_at(bytes, local + 28).unwrap_or(0));
    let start = local + 30 + name_len + extra_len;
    let compressed = usize::try_from(h.compressed).map_err(|_| damaged("entry size"))?;
    let raw = bytes
        .get(start..start.saturating_add(compressed))
        .ok_or_else(|| damaged("entry runs past the end of the file"))?;
    let declared = usize::try_from(h.uncompressed).unwrap_or(usize::MAX);
    if declared > budget.bytes {
        return Err("the archive unpacks to more than Parallax reads (a zip bomb?)".to_string());
    }
    let data = match h.method {
        0 => raw.to_vec(),
        // A limit of 0 would refuse even an empty stream.
        8 => match decompress_to_vec_with_limit(raw, declared.max(1)) {
            Ok(data) => data,
            Err(e) if e.status == TINFLStatus::HasMoreOutput => {
                return Err(
                    "the entry inflates beyond its declared size (a zip bomb?)".to_string()
                )
            }
            Err(_) => return Err(damaged("deflate data")),
        },
        m => {
            return Err(format!(
                "the entry is compressed with method {m}, which Parallax does not read (only stored and deflate)"
            ))
        }
    };
    if data.len() != declared {
        return Err(format!(
            "the entry holds {} bytes but declares {declared}",
            data.len()
        ));
    }
    if crc32(&data) != h.crc {
        return Err(damaged("checksum mismatch"));
    }
    budget.bytes -= data.len();
    Ok(data)
}

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
}

static CRC_TABLE: [u32; 256] = crc_table();

/// CRC-32 (IEEE), as ZIP stores it.
pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[usize::from((c as u8) ^ b)] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_known_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn garbage_is_a_damaged_archive() {
        let err = read(b"PK\x03\x04 not really", &mut Budget::default())
            .err()
            .unwrap();
        assert!(err.contains("damaged"), "{err}");
    }
}
