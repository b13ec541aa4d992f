//! The five seed articles through ingest alone: every metadata fact the
//! texts state, the headings and captions they hold, what cleaning removes
//! and why, and the run-together sentences repaired without harming "U.S.".

mod common;

use parallax::ingest::{ingest, BlockKind, Document};

/// The seed whose file name starts with `prefix`, ingested.
fn seed(prefix: &str) -> Option<Document> {
    let files = common::seed_files("ingest_seeds")?;
    let (name, bytes) = files
        .into_iter()
        .find(|(name, _)| name.starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} missing"));
    let mut results = ingest(&name, &bytes);
    assert_eq!(results.len(), 1, "{name}");
    Some(results.remove(0).unwrap_or_else(|e| panic!("{e}")))
}

fn blocks_of(doc: &Document, kind: BlockKind) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| &doc.text[b.start..b.end])
        .collect()
}

fn removed_with(doc: &Document, needle: &str) -> Option<String> {
    doc.removed
        .iter()
        .find(|r| r.text.contains(needle))
        .map(|r| r.reason.clone())
}

fn assert_well_formed(doc: &Document) {
    let mut last_end = 0;
    for b in &doc.blocks {
        assert!(b.start >= last_end && b.start < b.end, "{b:?}");
        assert!(
            doc.text.get(b.start..b.end).is_some(),
            "{b:?} off a char boundary"
        );
        last_end = b.end;
    }
    assert_eq!(doc.language.as_deref(), Some("en"), "{}", doc.file);
}

#[test]
fn seed_000_hard_wrapped_wire_copy() {
    let Some(doc) = seed("000") else { return };
    assert_well_formed(&doc);
    assert_eq!(
        doc.title.as_deref(),
        Some("Assad meets Khamenei in first Iran visit since Syrian war began")
    );
    assert_eq!(doc.date.as_deref(), Some("2019-02-26"));
    assert_eq!(doc.date_source.as_deref(), Some("text"));
    assert!(
        doc.outlet
            .as_deref()
            .is_some_and(|o| o.contains("Hatha al-Youm")),
        "{:?}",
        doc.outlet
    );
    // The language switcher is gone, with its reason.
    assert_eq!(
        removed_with(&doc, "كوردى").as_deref(),
        Some("navigation or language switcher")
    );
    assert!(!doc.text.contains("عربي"));
    // Hard-wrapped pieces are one paragraph again, not dozens.
    let paragraphs = blocks_of(&doc, BlockKind::Paragraph);
    assert_eq!(paragraphs.len(), 1, "{paragraphs:#?}");
    assert!(doc
        .text
        .contains("made his first public visit to his closest regional ally Iran"));
    // Run-together sentences are apart; the glued year got its full stop.
    for glued in [
        "Reuters.Syrian",
        "nations”.Khamenei",
        "region.Assad",
        "2010Iranian",
        "Hezbollah.“Iran",
    ] {
        assert!(!doc.text.contains(glued), "{glued} still glued");
    }
    assert!(doc
        .text
        .contains("according to Reuters. Syrian and Iranian state television"));
    assert!(doc.text.contains("since 2010. Iranian-backed militias"));
    assert!(doc
        .text
        .contains("Quds Force – an overseas arm of the Iranian Revolutionary Guard"));
    assert!(
        doc.warnings.iter().any(|w| w.contains("missing space")),
        "{:?}",
        doc.warnings
    );
    assert!(
        doc.warnings.iter().any(|w| w.contains("'2010'")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn seed_001_blog_repost_with_comment_stub() {
    let Some(doc) = seed("001") else { return };
    assert_well_formed(&doc);
    assert_eq!(doc.date.as_deref(), Some("2019-02-25"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Syria's Assad Visits Iran: Deepens Alliance, 'Strategic Cooperation' Between Two Nations")
    );
    assert_eq!(doc.outlet, None, "the text names no outlet");
    assert!(blocks_of(&doc, BlockKind::Other).contains(&"Monday, February 25, 2019"));
    assert!(blocks_of(&doc, BlockKind::Heading)
        .contains(&"Iran hosts Syria’s Assad in Tehran, slams American “plots”"));
    assert_eq!(
        removed_with(&doc, "No comments").as_deref(),
        Some("comment section")
    );
    assert!(!doc.text.contains("No comments"));
    assert!(!doc.text.contains("Khamenei.The"));
    assert!(doc
        .text
        .contains("Ayatollah Ali Khamenei. The Syrian Arab News Agency"));
    // One paragraph per line: these stay apart.
    let paragraphs = blocks_of(&doc, BlockKind::Paragraph);
    assert!(paragraphs
        .iter()
        .any(|p| p.starts_with("Earlier this month, Assad warned")));
    assert!(paragraphs
        .iter()
        .any(|p| p.starts_with("“We say to those groups")));
}

#[test]
fn seed_002_footer_in_french_names_the_outlet() {
    let Some(doc) = seed("002") else { return };
    assert_well_formed(&doc);
    assert_eq!(doc.outlet.as_deref(), Some("Middle East Eye"));
    assert_eq!(
        doc.title.as_deref(),
        Some(
            "Assad meets Khamenei in Syrian president's first public visit to Iran since war began"
        )
    );
    assert_eq!(doc.date, None, "002 states no date");
    let reason = removed_with(&doc, "propose une couverture").expect("footer removed");
    assert!(reason.contains("another language (fr)"), "{reason}");
    assert!(!doc.text.contains("cliquez ici"));
    assert_eq!(blocks_of(&doc, BlockKind::Paragraph).len(), 12);
    assert!(doc
        .text
        .contains("a \"severe blow\" to Washington's policies"));
}

#[test]
fn seed_003_captions_headings_dateline_and_title_suffix() {
    let Some(doc) = seed("003") else { return };
    assert_well_formed(&doc);
    assert_eq!(
        doc.title.as_deref(),
        Some("Syria’s Assad meets top Iranian leaders during surprise visit to Tehran")
    );
    assert_eq!(doc.outlet, None, "a section suffix is not an outlet");
    assert_eq!(doc.dateline.as_deref(), Some("Tehran, Iran"));
    assert_eq!(
        doc.date, None,
        "“February 2019” in the body is not the article's date"
    );
    assert_eq!(
        removed_with(&doc, "Bashar al-Assad News").as_deref(),
        Some("section or site name after the title")
    );
    assert_eq!(
        removed_with(&doc, "Leave a Comment").as_deref(),
        Some("comment section")
    );
    let captions = blocks_of(&doc, BlockKind::Caption);
    assert_eq!(captions.len(), 4, "{captions:#?}");
    assert!(captions.contains(
        &"Syrian President Bashar al-Assad with Supreme Leader Ayatollah Ali Khamenei and President Ebrahim Raisi in Tehran"
    ));
    assert!(captions
        .iter()
        .any(|c| c.ends_with("[Courtesy of Ayatollah Ali Khamenei’s website]")));
    assert!(captions.contains(
        &"Iranian President Ebrahim Raisi meets Syrian President Bashar al-Assad in Tehran"
    ));
    let headings = blocks_of(&doc, BlockKind::Heading);
    for h in [
        "Iran’s Positions on Regional Issues",
        "‘Strengthening the deterrence’",
    ] {
        assert!(headings.contains(&h), "{h} not a heading: {headings:#?}");
    }
    let first_paragraph = blocks_of(&doc, BlockKind::Paragraph)[0];
    assert!(
        first_paragraph.starts_with("Syrian President Bashar al-Assad has met"),
        "{first_paragraph}"
    );
}

#[test]
fn seed_004_outlet_and_day_without_year() {
    let Some(doc) = seed("004") else { return };
    assert_well_formed(&doc);
    assert_eq!(doc.outlet.as_deref(), Some("The Iran Project"));
    assert_eq!(doc.date.as_deref(), Some("--02-27"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Assad’s Iran visit heralds lasting alliance between Tehran & Damascus")
    );
    let headings = blocks_of(&doc, BlockKind::Heading);
    for h in [
        "“Iran proud of backing Syria”",
        "Iran to help rebuild Syria: Rouhani",
        "The hidden message of Assad’s visit to Tehran",
        "US-Israel bids can’t persuade Syria to end alliance with Iran",
    ] {
        assert!(headings.contains(&h), "{h} not a heading: {headings:#?}");
    }
    // The paragraph that opened with a stray full stop starts cleanly.
    assert!(blocks_of(&doc, BlockKind::Paragraph)
        .iter()
        .any(|p| p.starts_with("During a visit to Tehran on Monday (Feb. 25)")));
    assert!(doc.text.contains("Pres. Assad responded"));
    assert!(doc.text.contains("aligned with al-Qaeda."));
    // Run into the first paragraph, the dateline is a block of its own.
    assert!(blocks_of(&doc, BlockKind::Other).contains(&"February 27, The Iran Project"));
}

#[test]
fn us_abbreviation_and_decimals_survive_cleaning() {
    let text = "Headline here\n\nThe U.S. said on Monday that U.S.-backed forces held 3.5 percent.Officials in\nWashington agreed.\n";
    let doc = ingest("us.txt", text.as_bytes()).remove(0).unwrap();
    assert!(doc.text.contains("The U.S. said on Monday that U.S.-backed forces held 3.5 percent. Officials in Washington agreed."), "{}", doc.text);
}
