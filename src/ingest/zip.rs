//! ZIP archives: an archive's bytes in, its files' names and bytes out (to be
//! ingested like any other file), with zip-bomb protection: a cap on entries
//! and on total uncompressed bytes shared by nested archives, each entry
//! read no further than its declared size, and its checksum verified.
//!
//! The format itself is the `zip` crate's job (stored and deflate entries,
//! ZIP64, CP437 names, deflate through the pure-Rust `miniz_oxide`); this
//! module only spends the budget and turns the crate's errors into reasons a
//! reader can act on.

use std::io::{Cursor, Read};

use ::zip::result::ZipError;
use ::zip::{CompressionMethod, ZipArchive};

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

fn damaged(what: &str) -> String {
    format!("the ZIP archive is damaged ({what})")
}

/// The crate's error as a reason for the person who dropped the file.
fn reason(e: ZipError) -> String {
    match e {
        ZipError::InvalidArchive(what) => damaged(&what.to_ascii_lowercase()),
        ZipError::Io(e) => damaged(&e.to_string().to_ascii_lowercase()),
        ZipError::UnsupportedArchive(what) => {
            format!("the archive uses what Parallax does not read ({what})")
        }
        other => damaged(&other.to_string()),
    }
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
    // The crate reads the central directory up front; it bounds the entries
    // it believes by the directory's own size (46 bytes each at least), so
    // the memory it takes is in proportion to the archive, itself capped.
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        // A count the directory cannot hold is a damaged or hostile archive:
        // say so in the words of the entry cap.
        ZipError::InvalidArchive(what) if what.contains("entries") || what.contains("files") => {
            format!("the archive lists more entries than it holds (a zip bomb?): {what}")
        }
        e => reason(e),
    })?;
    let count = archive.len();
    if count > budget.entries {
        return Err(format!(
            "the archive lists {count} entries, more than the {MAX_ENTRIES} Parallax opens (a zip bomb?)"
        ));
    }
    budget.entries -= count;
    let mut wanted = Vec::with_capacity(count);
    let mut declared = 0u64;
    for i in 0..count {
        let entry = archive.by_index_data(i).map_err(reason)?;
        // Names marked UTF-8 are read as such; others as CP437, which
        // agrees with UTF-8 on the ASCII names nearly everyone uses.
        let name = match entry.name() {
            Ok(name) => name.into_owned(),
            Err(_) => String::from_utf8_lossy(entry.name_raw()).into_owned(),
        };
        if skipped(&name) {
            continue;
        }
        declared = declared.saturating_add(entry.size());
        wanted.push((i, name));
    }
    if declared > budget.bytes as u64 {
        return Err(format!(
            "the archive would unpack to {} MB, more than the {} MB Parallax reads (a zip bomb?)",
            declared / (1024 * 1024),
            MAX_TOTAL_BYTES / (1024 * 1024)
        ));
    }
    let mut entries = Vec::with_capacity(wanted.len());
    for (i, name) in wanted {
        let data = entry_data(&mut archive, i, budget);
        entries.push(Entry { name, data });
    }
    Ok(entries)
}

fn entry_data(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    i: usize,
    budget: &mut Budget,
) -> Result<Vec<u8>, String> {
    let meta = archive.by_index_data(i).map_err(reason)?;
    if meta.encrypted() {
        return Err("the entry is encrypted".to_string());
    }
    let method = meta.compression();
    if !matches!(
        method,
        CompressionMethod::Stored | CompressionMethod::Deflated
    ) {
        return Err(format!(
            "the entry is compressed with {method}, which Parallax does not read (only stored and deflate)"
        ));
    }
    let declared = usize::try_from(meta.size()).unwrap_or(usize::MAX);
    if declared > budget.bytes {
        return Err("the archive unpacks to more than Parallax reads (a zip bomb?)".to_string());
    }
    let file = archive.by_index(i).map_err(reason)?;
    // One byte past the declared size is enough to know it lies; reading
    // no further keeps a lying entry from inflating gigabytes.
    let mut data = Vec::with_capacity(declared.min(1 << 20));
    let read = file
        .take(declared as u64 + 1)
        .read_to_end(&mut data)
        .map_err(|e| {
            let what = e.to_string().to_ascii_lowercase();
            // The crate checks the CRC-32 when the entry's data ends.
            if what.contains("checksum") || what.contains("crc") {
                damaged("checksum mismatch")
            } else if what.contains("larger than its declared") {
                // The crate stops an entry at its declared size too.
                "the entry inflates beyond its declared size (a zip bomb?)".to_string()
            } else {
                damaged(&what)
            }
        });
    read?;
    if data.len() > declared {
        return Err("the entry inflates beyond its declared size (a zip bomb?)".to_string());
    }
    if data.len() != declared {
        return Err(format!(
            "the entry holds {} bytes but declares {declared}",
            data.len()
        ));
    }
    budget.bytes -= data.len();
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EOCD: u32 = 0x0605_4b50;
    const EOCD64_LOCATOR: u32 = 0x0706_4b50;
    const EOCD64: u32 = 0x0606_4b50;
    const CENTRAL: u32 = 0x0201_4b50;
    const LOCAL: u32 = 0x0403_4b50;

    /// CRC-32 (IEEE), bit by bit: slow, plain, enough to write test archives.
    fn crc32(data: &[u8]) -> u32 {
        !data.iter().fold(!0u32, |mut c, &b| {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            c
        })
    }

    /// One stored entry written the ZIP64 way: saturated 32-bit fields, the
    /// real values in extra fields and a ZIP64 end record.
    fn zip64_archive(name: &str, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let size = data.len() as u64;
        out.extend(LOCAL.to_le_bytes());
        out.extend([45, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, method, time, date
        out.extend(crc32(data).to_le_bytes());
        out.extend([0xFF; 8]); // sizes in the extra field
        out.extend((name.len() as u16).to_le_bytes());
        out.extend(20u16.to_le_bytes());
        out.extend(name.as_bytes());
        out.extend(1u16.to_le_bytes());
        out.extend(16u16.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(data);
        let cd_offset = out.len() as u64;
        out.extend(CENTRAL.to_le_bytes());
        out.extend([45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // made by, needed, flags, method, time, date
        out.extend(crc32(data).to_le_bytes());
        out.extend([0xFF; 8]);
        out.extend((name.len() as u16).to_le_bytes());
        out.extend(28u16.to_le_bytes()); // extra length
        out.extend([0; 10]); // comment, disk, attributes
        out.extend([0xFF; 4]); // local offset in the extra field
        out.extend(name.as_bytes());
        out.extend(1u16.to_le_bytes());
        out.extend(24u16.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(0u64.to_le_bytes());
        let cd_size = out.len() as u64 - cd_offset;
        let record = out.len() as u64;
        out.extend(EOCD64.to_le_bytes());
        out.extend(44u64.to_le_bytes());
        out.extend([45, 0, 45, 0]);
        out.extend([0; 8]); // disks
        out.extend(1u64.to_le_bytes());
        out.extend(1u64.to_le_bytes());
        out.extend(cd_size.to_le_bytes());
        out.extend(cd_offset.to_le_bytes());
        out.extend(EOCD64_LOCATOR.to_le_bytes());
        out.extend(0u32.to_le_bytes());
        out.extend(record.to_le_bytes());
        out.extend(1u32.to_le_bytes());
        out.extend(EOCD.to_le_bytes());
        out.extend([0; 4]);
        out.extend([0xFF; 4]); // entry counts
        out.extend([0xFF; 8]); // directory size and offset
        out.extend([0; 2]);
        out
    }

    #[test]
    fn zip64_sizes_and_offsets_are_read() {
        let archive = zip64_archive("wide/story.txt", b"A story in a ZIP64 archive.");
        let entries = read(&archive, &mut Budget::default()).unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].name, "wide/story.txt");
        assert_eq!(
            entries[0].data.as_deref(),
            Ok(&b"A story in a ZIP64 archive."[..])
        );
    }

    #[test]
    fn garbage_is_a_damaged_archive() {
        let err = read(b"PK\x03\x04 not really", &mut Budget::default())
            .err()
            .unwrap();
        assert!(err.contains("damaged"), "{err}");
    }
}
