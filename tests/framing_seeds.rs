//! Framing on the five seeds (issue 18): which of the differences the issue
//! names come out, per outlet. What holds is asserted; the pairs that sit in
//! sentences Parallax does not align as one claim (so no slot pairs them)
//! are printed, not asserted, so that a later alignment finding them does
//! not fail here.

mod common;

use parallax::report::framing::FramingKind;
use parallax::Report;

use common::seed_doc as doc;

/// Whether one framing entry of `kind` has `a` in document `da` and `b` in
/// `db` (text, case aside; "" for none).
fn linked(
    report: &Report,
    kind: FramingKind,
    (da, a): (usize, &str),
    (db, b): (usize, &str),
) -> bool {
    let has = |f: &parallax::report::framing::FramingOut, d: usize, t: &str| {
        f.wordings.iter().any(|w| {
            w.doc == d
                && w.text.to_lowercase().starts_with(&t.to_lowercase())
                && (t.is_empty() == w.text.is_empty())
        })
    };
    report
        .framing
        .iter()
        .any(|f| f.kind == kind && has(f, da, a) && has(f, db, b))
}

#[test]
fn seeds_framing_per_outlet() {
    let Some(report) = common::seed_report("framing_seeds") else {
        return;
    };
    common::validate_report(&report);
    let (d0, d1, d2) = (
        doc(&report, "000"),
        doc(&report, "001"),
        doc(&report, "002"),
    );
    // "according to Syria's state-run news agency" on one side, none on
    // the other (002 against 001, one claim).
    assert!(
        linked(
            &report,
            FramingKind::Hedge,
            (d2, "according to Syria's state-run news agency"),
            (d1, "")
        ),
        "hedge 002 / 001"
    );
    // A reporting verb: "said" (000) against "reported" (001).
    assert!(linked(
        &report,
        FramingKind::ReportingVerb,
        (d0, "said"),
        (d1, "reported")
    ));
    // A label for one source: "Syrian television" (000) against "Syrian
    // Arab News Agency (SANA)" (001), in the same slot of one claim.
    assert!(linked(
        &report,
        FramingKind::Label,
        (d0, "Syrian television"),
        (d1, "Syrian Arab News Agency (SANA)")
    ));
    // Per outlet: 002's outlet lists its attribution among its hedges, 001's
    // its label with what 000 said instead.
    let outlet_of = |d: usize| {
        report
            .framing_outlets
            .iter()
            .find(|o| o.docs.contains(&d))
            .expect("every document has an outlet entry")
    };
    assert!(outlet_of(d2)
        .hedges
        .iter()
        .any(|t| t.term.starts_with("according to Syria") && !t.claims.is_empty()));
    let sana = outlet_of(d1)
        .labels
        .iter()
        .find(|t| t.term.starts_with("Syrian Arab News Agency"))
        .expect("001 lists its label");
    assert!(
        sana.others.iter().any(|o| o == "Syrian television"),
        "{:?}",
        sana.others
    );
    // The other pairs, reported as found or not.
    let d4 = doc(&report, "004");
    let named = [
        (
            "rebels and militants / rebel groups",
            FramingKind::Label,
            (d0, "rebels and militants"),
            (d2, "rebel groups"),
        ),
        (
            "rebel groups / Takfiri terrorists",
            FramingKind::Label,
            (d2, "rebel groups"),
            (d4, "foreign-backed Takfiri terrorists"),
        ),
        (
            "Syrian regime leader / Syrian President",
            FramingKind::Label,
            (d1, "Syrian regime leader"),
            (d0, "Syrian President"),
        ),
        (
            "said / stressed",
            FramingKind::ReportingVerb,
            (d0, "said"),
            (d4, "stressed"),
        ),
    ];
    for (name, kind, a, b) in named {
        println!(
            "{name}: {}",
            if linked(&report, kind, a, b) {
                "found"
            } else {
                "not found"
            }
        );
    }
}
