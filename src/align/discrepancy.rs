//! Discrepancies inside a claim, and links by shared numeric facts: the
//! members' features in; numbers that disagree, negation and ordinal
//! conflicts out.
//!
//! Every quantity is an interval ("nearly 400,000" = 360,000..440,000,
//! "hundreds of thousands" = 200,000..999,999, "more than half" = 0.5..1).
//! Quantities of different members that could count the same thing (same
//! unit, close in size) are compared; a group of them whose values differ is
//! one finding, flagged `compatible` (soft) when every differing pair's
//! intervals overlap ("hundreds of thousands" / "nearly 400,000" / "between
//! 360,000 and 560,000"), and hard when some pair cannot both be true
//! (400,000 / 560,000).

use super::similarity::{intersect, Corpus};
use crate::features::{Features, Quantity};

/// What kind of disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Number,
    Negation,
    Ordinal,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Negation => "negation",
            Kind::Ordinal => "ordinal",
        }
    }
}

/// One disagreement among a claim's members.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    /// True when the values can all be true at once (a range and a figure
    /// inside it, "hundreds of thousands" and "nearly 400,000"): worth a look,
    /// not a contradiction. Negation and ordinal findings are never soft.
    pub compatible: bool,
    /// (member index into the claim's members, byte span in its text); a
    /// member with nothing to show on the point has the empty span (0, 0).
    pub values: Vec<(usize, usize, usize)>,
}

/// Whether two quantities could be counting the same thing: same unit and
/// within a factor of three of each other, or (with a unit unstated) within
/// half as much again.
pub fn comparable(a: &Quantity, b: &Quantity) -> bool {
    let unit_ok = match (&a.unit, &b.unit) {
        (Some(x), Some(y)) => x == y,
        (Some(x), None) | (None, Some(x)) => {
            !matches!(x.as_str(), "date" | "percent" | "share" | "$" | "year")
        }
        (None, None) => true,
    };
    if !unit_ok {
        return false;
    }
    if a.overlaps(b) {
        return true;
    }
    let gap = if a.high < b.low {
        b.low / a.high.max(1e-9)
    } else {
        a.low / b.high.max(1e-9)
    };
    let both_stated = a.unit.is_some() && b.unit.is_some();
    gap <= if both_stated { 3.0 } else { 1.5 }
}

pub fn same_value(a: &Quantity, b: &Quantity) -> bool {
    a.precision == b.precision && (a.low - b.low).abs() < 1e-9 && (a.high - b.high).abs() < 1e-9
}

/// Counts worth linking sentences by: not dates, and not small counts ("the
/// two countries"), which recur in every story.
pub fn is_fact_sized(q: &Quantity) -> bool {
    q.unit.as_deref() != Some("date") && q.high >= 100.0
}

/// A score for two sentences that state the same kind of number about the
/// same thing in otherwise different sentences ("a war that has killed
/// hundreds of thousands of people" / "nearly 400,000 people have died in
/// the war"): comparable quantities whose few neighbouring content words
/// share at least two terms. None when there is no such pair.
pub fn fact_link(corpus: &Corpus, fa: &Features, fb: &Features, a: usize, b: usize) -> Option<f32> {
    const WINDOW: usize = 6;
    let (va, vb) = (corpus.sent(a), corpus.sent(b));
    let context = |seq: &[u32], pos: usize| -> Vec<u32> {
        let lo = pos.saturating_sub(WINDOW);
        let hi = (pos + WINDOW + 1).min(seq.len());
        let mut c: Vec<u32> = (lo..hi).filter(|&k| k != pos).map(|k| seq[k]).collect();
        c.sort_unstable();
        c.dedup();
        c
    };
    let mut best: Option<f32> = None;
    for &(qa, pa) in &va.quantity_pos {
        let quantity_a = fa.quantities.get(qa)?;
        if !is_fact_sized(quantity_a) {
            continue;
        }
        let mut ca: Option<Vec<u32>> = None;
        for &(qb, pb) in &vb.quantity_pos {
            let quantity_b = fb.quantities.get(qb)?;
            if !is_fact_sized(quantity_b) || !comparable(quantity_a, quantity_b) {
                continue;
            }
            let ca = ca.get_or_insert_with(|| context(&va.seq, pa));
            let cb = context(&vb.seq, pb);
            let shared: Vec<u32> = intersect(ca, &cb)
                .filter(|t| !va.numbers.contains(t))
                .collect();
            if shared.len() < 2 {
                continue;
            }
            let w = |c: &[u32]| -> f32 { c.iter().map(|&t| corpus.idf[t as usize]).sum() };
            let overlap = w(&shared) / w(ca).min(w(&cb)).max(1e-6);
            let score = 0.5 + 0.5 * overlap.min(1.0);
            best = Some(best.map_or(score, |b: f32| b.max(score)));
        }
    }
    best
}

/// The disagreements among a claim's members (`feats[k]` the features of
/// member `k`, `docs[k]` its document): numbers are compared across
/// documents only (one outlet's two sentences on the claim do not
/// contradict each other).
pub fn findings(feats: &[&Features], docs: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    // Numbers: quantities of different members that could count the same
    // thing are linked; each connected group where some values differ is one
    // finding, soft when every differing pair overlaps.
    let mut nodes: Vec<(usize, usize)> = Vec::new();
    let mut links: Vec<(usize, usize, bool, bool)> = Vec::new();
    let node = |nodes: &mut Vec<(usize, usize)>, v: (usize, usize)| -> usize {
        nodes.iter().position(|&n| n == v).unwrap_or_else(|| {
            nodes.push(v);
            nodes.len() - 1
        })
    };
    for (i, fi) in feats.iter().enumerate() {
        for (j, fj) in feats.iter().enumerate().skip(i + 1) {
            if docs.get(i) == docs.get(j) {
                continue;
            }
            for (x, qa) in fi.quantities.iter().enumerate() {
                for (y, qb) in fj.quantities.iter().enumerate() {
                    if !comparable(qa, qb) {
                        continue;
                    }
                    let same = same_value(qa, qb);
                    // A member that states the very same value elsewhere agrees.
                    if !same
                        && (fj.quantities.iter().any(|q| same_value(q, qa))
                            || fi.quantities.iter().any(|q| same_value(q, qb)))
                    {
                        continue;
                    }
                    let (na, nb) = (node(&mut nodes, (i, x)), node(&mut nodes, (j, y)));
                    links.push((na, nb, same, qa.overlaps(qb)));
                }
            }
        }
    }
    let mut group: Vec<usize> = (0..nodes.len()).collect();
    fn root(group: &mut [usize], mut x: usize) -> usize {
        while group[x] != x {
            group[x] = group[group[x]];
            x = group[x];
        }
        x
    }
    for &(a, b, _, _) in &links {
        let (ra, rb) = (root(&mut group, a), root(&mut group, b));
        group[ra] = rb;
    }
    let mut roots: Vec<usize> = (0..nodes.len()).map(|n| root(&mut group, n)).collect();
    let mut seen_roots: Vec<usize> = Vec::new();
    for &r in &roots {
        if !seen_roots.contains(&r) {
            seen_roots.push(r);
        }
    }
    for r in seen_roots {
        let differing: Vec<&(usize, usize, bool, bool)> = links
            .iter()
            .filter(|l| !l.2 && root(&mut group, l.0) == r)
            .collect();
        if differing.is_empty() {
            continue;
        }
        let mut members: Vec<(usize, usize)> = (0..nodes.len())
            .filter(|&n| roots[n] == r)
            .map(|n| nodes[n])
            .collect();
        members.sort_unstable();
        out.push(Finding {
            kind: Kind::Number,
            compatible: differing.iter().all(|l| l.3),
            values: members
                .iter()
                .map(|&(m, q)| (m, feats[m].quantities[q].start, feats[m].quantities[q].end))
                .collect(),
        });
    }
    roots.clear();
    // Negation: some outlets deny what the others state (one outlet's own
    // sentences do not contradict each other).
    let negated: Vec<bool> = feats.iter().map(|f| !f.negations.is_empty()).collect();
    let across = |flags: &[bool]| {
        flags.iter().enumerate().any(|(i, &x)| {
            flags
                .iter()
                .enumerate()
                .any(|(j, &y)| x && !y && docs.get(i) != docs.get(j))
        })
    };
    if across(&negated) {
        out.push(Finding {
            kind: Kind::Negation,
            compatible: false,
            values: feats
                .iter()
                .enumerate()
                .map(|(m, f)| match f.negations.first() {
                    Some(&(s, e)) => (m, s, e),
                    None => (m, 0, 0),
                })
                .collect(),
        });
    }
    // Ordinals: "first" against "second" trip.
    let with_ordinal: Vec<(usize, i32, usize, usize)> = feats
        .iter()
        .enumerate()
        .filter_map(|(m, f)| f.ordinals.first().map(|&(o, s, e)| (m, o, s, e)))
        .collect();
    let ordinals_differ = with_ordinal.iter().any(|x| {
        with_ordinal
            .iter()
            .any(|y| x.1 != y.1 && docs.get(x.0) != docs.get(y.0))
    });
    if ordinals_differ {
        out.push(Finding {
            kind: Kind::Ordinal,
            compatible: false,
            values: with_ordinal.iter().map(|&(m, _, s, e)| (m, s, e)).collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::features;

    fn kinds(texts: &[&str]) -> Vec<(Kind, bool)> {
        let feats: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let refs: Vec<&Features> = feats.iter().collect();
        let docs: Vec<usize> = (0..refs.len()).collect();
        findings(&refs, &docs)
            .iter()
            .map(|f| (f.kind, f.compatible))
            .collect()
    }

    #[test]
    fn findings_table() {
        use Kind::*;
        let cases: &[(&[&str], &[(Kind, bool)])] = &[
            (
                &[
                    "The war killed 400,000 people.",
                    "The war killed 560,000 people.",
                ],
                &[(Number, false)],
            ),
            (
                &[
                    "Nearly 400,000 people died.",
                    "The war killed between 360,000 and 560,000 people.",
                ],
                &[(Number, true)],
            ),
            (
                &[
                    "It killed hundreds of thousands of people.",
                    "Nearly 400,000 people died.",
                ],
                &[(Number, true)],
            ),
            (
                &["He visited Iran in 2019.", "He visited Iran in 2019."],
                &[],
            ),
            (
                &["It was his first trip.", "It was his second trip."],
                &[(Ordinal, false)],
            ),
            (
                &["He has not travelled abroad.", "He has travelled abroad."],
                &[(Negation, false)],
            ),
            (&["It cost $5 million.", "It killed 5 people."], &[]),
        ];
        for (texts, expected) in cases {
            assert_eq!(&kinds(texts), expected, "{texts:?}");
        }
    }

    #[test]
    fn death_toll_sentences_link_by_their_fact() {
        let texts = [
            "Efforts failed to end a war that has killed hundreds of thousands of people and displaced about half of the population.",
            "Nearly 400,000 people have died in the 11-year war in Syria, according to the UN.",
            "The visit comes amid tensions between Israel and Iran.",
        ];
        let feats: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let corpus = Corpus::build(feats.iter().enumerate());
        assert!(fact_link(&corpus, &feats[0], &feats[1], 0, 1).is_some());
        assert!(fact_link(&corpus, &feats[0], &feats[2], 0, 2).is_none());
    }
}
