//! A ZIP writer for tests: stored or deflated entries, with sizes that can lie.
#![allow(dead_code)]

pub struct ZipEntry<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
    pub deflate: bool,
    /// Overrides the uncompressed size written in the headers.
    pub declared: Option<u32>,
    pub crc_ok: bool,
}

pub fn entry<'a>(name: &'a str, data: &'a [u8]) -> ZipEntry<'a> {
    ZipEntry {
        name,
        data,
        deflate: true,
        declared: None,
        crc_ok: true,
    }
}

pub fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

pub fn build_zip(entries: &[ZipEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let body = if e.deflate {
            miniz_oxide::deflate::compress_to_vec(e.data, 6)
        } else {
            e.data.to_vec()
        };
        let crc = if e.crc_ok {
            crc32(e.data)
        } else {
            crc32(e.data) ^ 1
        };
        let size = e.declared.unwrap_or(e.data.len() as u32);
        let method: u16 = if e.deflate { 8 } else { 0 };
        let offset = out.len() as u32;
        let common = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes()); // version needed
            v.extend(0x0800u16.to_le_bytes()); // UTF-8 names
            v.extend(method.to_le_bytes());
            v.extend([0u8; 4]); // time, date
            v.extend(crc.to_le_bytes());
            v.extend((body.len() as u32).to_le_bytes());
            v.extend(size.to_le_bytes());
            v.extend((e.name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes()); // extra
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend(e.name.as_bytes());
        out.extend(&body);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes()); // made by
        common(&mut central);
        central.extend([0u8; 6]); // comment len, disk, internal attributes
        central.extend([0u8; 4]); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(e.name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    let n = entries.len() as u16;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend(n.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}
