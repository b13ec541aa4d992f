//! The single-byte tables in `src/ingest/legacy.rs` agree with the Encoding
//! Standard as `encoding_rs` implements it: every label names the same
//! encoding, and every byte decodes to the same character.

use parallax::ingest::legacy::{decode, table, ENCODINGS, LABELS};

#[test]
fn labels_are_sorted_and_resolve_like_the_standard() {
    assert!(LABELS.windows(2).all(|w| w[0].0 < w[1].0));
    for (label, _) in LABELS {
        let theirs = encoding_rs::Encoding::for_label(label.as_bytes())
            .unwrap_or_else(|| panic!("{label} is not a label of the standard"));
        let (ours, _) = table(label).unwrap();
        assert_eq!(ours, theirs.name(), "{label}");
        assert_eq!(
            table(&format!("  {}  ", label.to_ascii_uppercase())).map(|t| t.0),
            Some(ours)
        );
    }
}

#[test]
fn every_high_byte_decodes_like_the_standard() {
    let high: Vec<u8> = (0x80..=0xFF).collect();
    for (name, t) in ENCODINGS {
        let enc = encoding_rs::Encoding::for_label(name.as_bytes()).unwrap();
        let (theirs, _) = enc.decode_without_bom_handling(&high);
        let (ours, _) = decode(&high, t);
        assert_eq!(ours, theirs, "{name}");
    }
}

#[test]
fn unmapped_bytes_are_counted() {
    let (_, t) = table("windows-1253").unwrap();
    // 0xAA has no character in windows-1253.
    let (text, unmapped) = decode(b"a\xAAb", t);
    assert_eq!((text.as_str(), unmapped), ("a\u{FFFD}b", 1));
}
