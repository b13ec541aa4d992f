//! ZIP archives: an archive's bytes in, its files' names and bytes out (to be
//! ingested like any other file), with zip-bomb protection: a cap on entries
//! and on total uncompressed bytes shared by nested archives, each entry
//! read no further than its declared size, and its checksum verified.
//!
//! The format itself is the `rawzip` crate's job (the central directory,
//! ZIP64, local headers; no dependencies, about a fifth of the `zip` crate's
//! wasm), inflating is `miniz_oxide`'s; this module only spends the budget,
//! checks sizes and checksums, and turns errors into reasons a reader can
//! act on.

use rawzip::{CompressionMethod, ZipArchive, ZipArchiveEntryWayfinder, ZipSliceArchive};

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
fn reason(e: rawzip::Error) -> String {
    damaged(&e.to_string().to_ascii_lowercase())
}

/// Files worth ingesting: not folders, not macOS resource forks or hidden
/// files that archivers add on their own.
fn skipped(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    name.ends_with('/') || name.starts_with("__MACOSX/") || base.starts_with('.') || base.is_empty()
}

/// The archive's entries (directories, `__MACOSX/` and hidden files left
/// out), each with its bytes or the reason it could not be read. Errors
/// for the archive as a whole: unreadable, too many entries, or a declared
/// total over the budget. `budget` is shared with nested archives.
pub fn read(bytes: &[u8], budget: &mut Budget) -> Result<Vec<Entry>, String> {
    read_matching(bytes, budget, &|_| true)
}

/// [`read`], but only the entries whose path `keep` accepts are inflated
/// (a DOCX needs three parts, not its images); every entry still counts
/// against the budget's entry cap, and only the kept ones against its bytes.
pub fn read_matching(
    bytes: &[u8],
    budget: &mut Budget,
    keep: &dyn Fn(&str) -> bool,
) -> Result<Vec<Entry>, String> {
    let archive = ZipArchive::from_slice(bytes).map_err(reason)?;
    let hint = archive.entries_hint();
    if hint > budget.entries as u64 {
        return Err(format!(
            "the archive lists {hint} entries, more than the {MAX_ENTRIES} Parallax opens (a zip bomb?)"
        ));
    }
    // The directory is walked, not trusted: its own count may lie.
    let mut wanted: Vec<(String, Listed)> = Vec::new();
    let mut count = 0usize;
    let mut declared = 0u64;
    let mut records = archive.entries();
    while let Some(record) = records.next_entry().map_err(reason)? {
        count += 1;
        if count > budget.entries {
            return Err(format!(
                "the archive holds more than the {MAX_ENTRIES} entries Parallax opens (a zip bomb?)"
            ));
        }
        let name = String::from_utf8_lossy(record.file_path().as_ref()).into_owned();
        if record.is_dir() || skipped(&name) || !keep(&name) {
            continue;
        }
        declared = declared.saturating_add(record.uncompressed_size_hint());
        wanted.push((
            name,
            Listed {
                place: record.wayfinder(),
                method: record.compression_method(),
                encrypted: record.flags().is_encrypted(),
                crc: record.crc32(),
                size: record.uncompressed_size_hint(),
            },
        ));
    }
    budget.entries -= count;
    if declared > budget.bytes as u64 {
        return Err(format!(
            "the archive would unpack to {} MB, more than the {} MB Parallax reads (a zip bomb?)",
            declared / (1024 * 1024),
            MAX_TOTAL_BYTES / (1024 * 1024)
        ));
    }
    Ok(wanted
        .into_iter()
        .map(|(name, listed)| Entry {
            name,
            data: entry_data(&archive, &listed, budget),
        })
        .collect())
}

/// What the central directory says of one entry.
struct Listed {
    place: ZipArchiveEntryWayfinder,
    method: CompressionMethod,
    encrypted: bool,
    crc: u32,
    size: u64,
}

/// One entry's bytes: stored or deflated (inflated by miniz_oxide with a
/// limit of its declared size, so a lying entry stops there), checked
/// against its declared size and CRC-32.
fn entry_data(
    archive: &ZipSliceArchive<&[u8]>,
    listed: &Listed,
    budget: &mut Budget,
) -> Result<Vec<u8>, String> {
    if listed.encrypted {
        return Err("the entry is encrypted".to_string());
    }
    let declared = usize::try_from(listed.size).unwrap_or(usize::MAX);
    if declared > budget.bytes {
        return Err("the archive unpacks to more than Parallax reads (a zip bomb?)".to_string());
    }
    let entry = archive.get_entry(listed.place).map_err(reason)?;
    let raw = entry.data();
    let data = match listed.method {
        CompressionMethod::STORE => raw.to_vec(),
        CompressionMethod::DEFLATE => {
            miniz_oxide::inflate::decompress_to_vec_with_limit(raw, declared.saturating_add(1))
                .map_err(|e| match e.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                        "the entry inflates beyond its declared size (a zip bomb?)".to_string()
                    }
                    _ => damaged("the entry's deflate data is broken"),
                })?
        }
        other => {
            return Err(format!(
                "the entry is compressed with {other}, which Parallax does not read (only stored and deflate)"
            ))
        }
    };
    if data.len() > declared {
        return Err("the entry inflates beyond its declared size (a zip bomb?)".to_string());
    }
    if data.len() != declared {
        return Err(format!(
            "the entry holds {} bytes but declares {declared}",
            data.len()
        ));
    }
    if rawzip::crc32(&data) != listed.crc {
        return Err(damaged("checksum mismatch"));
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

    use rawzip::crc32;

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
