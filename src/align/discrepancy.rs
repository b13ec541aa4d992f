//! Discrepancies inside a claim, and links by shared numeric facts: the
//! members' features in; numbers that disagree, negation and ordinal
//! conflicts out.
//!
//! Every quantity is an interval ("nearly 400,000" = 360,000..440,000,
//! "hundreds of thousands" = 200,000..999,999, "more than half" = 0.5..1).
//! Only like is compared with like ([`like_with_like`]): quantities of
//! different members with the same unit or counted noun, close in size,
//! naming the same thing when both name one ("293,000 jobs" is not "256,000
//! claims"), of the same moment (a figure "up from 256,000 in March 2020" or
//! "a year earlier" is not the claim's own figure) and, in lists, at the same
//! place ("a $300 jacket, a $466.30 dinner"). A group of them whose values
//! differ is one finding, flagged `compatible` (soft) when every differing
//! pair can hold at once: intervals that overlap ("hundreds of thousands" /
//! "nearly 400,000") or a round figure and the precise one it rounds to
//! ("$43,000" / "$43,350", see [`rounds`]); hard when some pair cannot both
//! be true (400,000 / 560,000; $5,587.75 / $5,687.75). Ordinals conflict only
//! when they count the same thing ("his first visit" / "his second visit");
//! the words' other uses ("last week", "at first") are not read as ordinals
//! (`features`). Hard findings come first.

use super::similarity::{intersect, Corpus};
use crate::features::{Features, Precision, Quantity};

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
    unit_ok && near_in_size(a, b, a.unit.is_some() && b.unit.is_some())
}

/// Within a factor of three of each other (both units stated) or of one
/// and a half (a unit unstated), or overlapping.
fn near_in_size(a: &Quantity, b: &Quantity, both_stated: bool) -> bool {
    if a.overlaps(b) {
        return true;
    }
    let gap = if a.high < b.low {
        b.low / a.high.max(1e-9)
    } else {
        a.low / b.high.max(1e-9)
    };
    gap <= if both_stated { 3.0 } else { 1.5 }
}

/// How far apart two values lie: 0 when their intervals meet, else the
/// natural log of the ratio of the nearer ends.
fn distance(a: &Quantity, b: &Quantity) -> f64 {
    if a.overlaps(b) {
        return 0.0;
    }
    let gap = if a.high < b.low {
        b.low / a.high.max(1e-9)
    } else {
        a.low / b.high.max(1e-9)
    };
    gap.max(1.0).ln()
}

pub fn same_value(a: &Quantity, b: &Quantity) -> bool {
    a.precision == b.precision && (a.low - b.low).abs() < 1e-9 && (a.high - b.high).abs() < 1e-9
}

/// The same value stated, hedged or not: "240" and "about 240" agree.
pub fn agree(a: &Quantity, b: &Quantity) -> bool {
    use Precision::{About, Exact};
    same_value(a, b)
        || (matches!((a.precision, b.precision), (Exact, About) | (About, Exact))
            && (a.value - b.value).abs() < 1e-9 * a.value.abs().max(1.0))
}

/// Whether the two name the same counted thing, when both name one: the
/// head noun of one is among the other's words ("new jobs" / "jobs"; not
/// "jobs" / "claims", nor "a $300 jacket" / "a $466.30 dinner").
fn same_thing(a: &Quantity, b: &Quantity) -> bool {
    match (a.thing.last(), b.thing.last()) {
        (Some(ha), Some(hb)) => b.thing.contains(ha) || a.thing.contains(hb),
        _ => true,
    }
}

/// Whether two figures of different outlets are of the same moment: both
/// the claim's own figure or both a point of comparison ("up from 256,000"),
/// and tied to the same date or period. A figure tied to another period
/// ("a year earlier", "last year", "since 2019") is not held against one
/// tied to none; a plain date ("in May") may be one outlet's detail of the
/// event's own time, so it is.
fn same_moment(a: &Quantity, b: &Quantity) -> bool {
    if a.reference != b.reference {
        return false;
    }
    let other_period =
        |x: &str| x.starts_with("rel:") || x.starts_with("since:") || x.starts_with("until:");
    match (&a.anchor, &b.anchor) {
        (Some(x), Some(y)) => x == y,
        (Some(x), None) | (None, Some(x)) => !other_period(x),
        (None, None) => true,
    }
}

/// Whether list items can be held against each other: when either does
/// not name its thing, only items at the same place of lists of the same
/// length ("$40, $65 and $120" / "$45, $65 and $120"); an item of a list is
/// never held against a lone figure that names nothing.
fn same_place(a: &Quantity, b: &Quantity) -> bool {
    if a.list.is_none() && b.list.is_none() {
        return true;
    }
    if !a.thing.is_empty() && !b.thing.is_empty() {
        return true; // same_thing decides
    }
    a.list.is_some() && a.list == b.list
}

/// Whether two quantities of different outlets count the same thing at the
/// same time, so that their values may be held against each other: close in
/// size with the same unit (see [`comparable`]) or the same counted noun
/// behind different first words ("293,000 new jobs" / "290,000 jobs"), the
/// same counted thing when both name one, the same moment, and the same
/// place in a list.
pub fn like_with_like(a: &Quantity, b: &Quantity) -> bool {
    let sized = comparable(a, b)
        || (!a.thing.is_empty()
            && !b.thing.is_empty()
            && a.unit.as_deref() != Some("date")
            && b.unit.as_deref() != Some("date")
            && same_thing(a, b)
            && near_in_size(a, b, true));
    sized && same_thing(a, b) && same_moment(a, b) && same_place(a, b)
}

/// Whether one figure is the other rounded: a round figure ("43,000", "1.2
/// million", "2.5%") and a more precise one ("43,350", "1,214,000",
/// "2.47%") within half its last written place. Round figures of a hundred
/// or more, or with decimals: "40" against "45" is two counts, not a
/// rounding.
pub fn rounds(a: &Quantity, b: &Quantity) -> bool {
    let one_way = |r: &Quantity, p: &Quantity| {
        r.precision == Precision::Exact
            && p.precision == Precision::Exact
            && (r.step >= 100.0 || r.step < 1.0)
            && r.step > p.step * 1.000_001
            && (r.value - p.value).abs() <= r.step / 2.0 * 1.000_001
    };
    one_way(a, b) || one_way(b, a)
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
        crate::order::sort(&mut c);
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

/// What an ordinal at byte `start` counts: the stems of up to two content
/// words after it in its clause ("first public visit": public, visit).
fn ordinal_thing(f: &Features, start: usize) -> Vec<&str> {
    let Some(k) = f.tokens.iter().position(|t| t.start == start) else {
        return Vec::new();
    };
    f.tokens[k + 1..]
        .iter()
        .take(3)
        .take_while(|t| !t.clause_start)
        .filter(|t| !t.skip)
        .take(2)
        .map(|t| t.stem.as_str())
        .collect()
}

/// The disagreements among a claim's members (`feats[k]` the features of
/// member `k`, `docs[k]` its document): numbers are compared across
/// documents only (one outlet's two sentences on the claim do not
/// contradict each other).
pub fn findings(feats: &[&Features], docs: &[usize]) -> Vec<Finding> {
    let mut out = Vec::new();
    // Numbers: quantities of different members that could count the same
    // thing are linked; each connected group where some values differ is one
    // finding, soft when every differing pair overlaps. A figure answers to
    // one figure of each other document, its nearest in value: a link is
    // kept only when each side is the other's nearest among the candidates
    // of that document, so "$1.4 billion for security" and "another $2.5
    // billion" do not join "$3.5 billion" / "$3.6 billion" through them.
    let mut nodes: Vec<(usize, usize)> = Vec::new();
    let mut links: Vec<(usize, usize, bool, bool)> = Vec::new();
    let node = |nodes: &mut Vec<(usize, usize)>, v: (usize, usize)| -> usize {
        nodes.iter().position(|&n| n == v).unwrap_or_else(|| {
            nodes.push(v);
            nodes.len() - 1
        })
    };
    // (member, quantity, member, quantity, distance)
    let mut candidates: Vec<(usize, usize, usize, usize, f64)> = Vec::new();
    for (i, fi) in feats.iter().enumerate() {
        for (j, fj) in feats.iter().enumerate().skip(i + 1) {
            if docs.get(i) == docs.get(j) {
                continue;
            }
            for (x, qa) in fi.quantities.iter().enumerate() {
                for (y, qb) in fj.quantities.iter().enumerate() {
                    if !like_with_like(qa, qb) {
                        continue;
                    }
                    // A member that states the very same value elsewhere agrees.
                    if !agree(qa, qb)
                        && (fj.quantities.iter().any(|q| agree(q, qa))
                            || fi.quantities.iter().any(|q| agree(q, qb)))
                    {
                        continue;
                    }
                    candidates.push((i, x, j, y, distance(qa, qb)));
                }
            }
        }
    }
    // The nearest distance of each (member, quantity) to each other
    // document: a dense table, figures × the claim's documents, so that a
    // claim carried by hundreds of documents stays linear in its candidates;
    // `first[m]` numbers member m's first figure among the claim's figures.
    let mut first = Vec::with_capacity(feats.len() + 1);
    first.push(0usize);
    for f in feats {
        first.push(first[first.len() - 1] + f.quantities.len());
    }
    let doc_of = |m: usize| docs.get(m).copied().unwrap_or(m);
    let mut doc_list: Vec<usize> = (0..feats.len()).map(doc_of).collect();
    crate::order::sort(&mut doc_list);
    doc_list.dedup();
    let slot = |m: usize, q: usize, other: usize| {
        let local = doc_list.binary_search(&doc_of(other)).unwrap_or(0);
        (first[m] + q) * doc_list.len() + local
    };
    let mut nearest = vec![f64::INFINITY; first[feats.len()] * doc_list.len()];
    for &(i, x, j, y, d) in &candidates {
        for at in [slot(i, x, j), slot(j, y, i)] {
            nearest[at] = nearest[at].min(d);
        }
    }
    for &(i, x, j, y, d) in &candidates {
        let slack = 1e-9;
        if d > nearest[slot(i, x, j)] + slack || d > nearest[slot(j, y, i)] + slack {
            continue;
        }
        let (qa, qb) = (&feats[i].quantities[x], &feats[j].quantities[y]);
        let same = agree(qa, qb);
        let (na, nb) = (node(&mut nodes, (i, x)), node(&mut nodes, (j, y)));
        // Soft when both can hold: intervals that meet, one figure the
        // other rounded, or two vague amounts ("millions" / "tens of
        // millions"), neither precise enough to deny the other.
        let vague = qa.precision == Precision::Vague && qb.precision == Precision::Vague;
        links.push((na, nb, same, qa.overlaps(qb) || rounds(qa, qb) || vague));
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
        crate::order::sort(&mut members);
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
    // sentences do not contradict each other), at the point where both say
    // the same thing: a "not" in a part of a longer unit the other outlet
    // does not carry is no conflict (see `negation_conflicts`).
    let conflicting = negation_conflicts(feats, docs);
    if conflicting.iter().any(Option::is_some) {
        out.push(Finding {
            kind: Kind::Negation,
            compatible: false,
            values: conflicting
                .iter()
                .enumerate()
                .map(|(m, n)| match n {
                    Some((s, e)) => (m, *s, *e),
                    None => (m, 0, 0),
                })
                .collect(),
        });
    }
    // Ordinals: "first" against "second" trip, counting the same thing
    // ("his first visit" / "his second visit", not "the first time" / "the
    // second fire"); one outlet's own sentences do not conflict.
    let with_ordinal: Vec<(usize, i32, usize, usize, Vec<&str>)> = feats
        .iter()
        .enumerate()
        .flat_map(|(m, f)| {
            f.ordinals
                .iter()
                .map(move |&(o, s, e)| (m, o, s, e, ordinal_thing(f, s)))
        })
        .collect();
    let mut involved: Vec<(usize, usize, usize)> = Vec::new();
    for (k, x) in with_ordinal.iter().enumerate() {
        for y in &with_ordinal[k + 1..] {
            let same_thing =
                x.4.is_empty() || y.4.is_empty() || x.4.iter().any(|t| y.4.contains(t));
            if x.1 != y.1 && docs.get(x.0) != docs.get(y.0) && same_thing {
                for v in [(x.0, x.2, x.3), (y.0, y.2, y.3)] {
                    if !involved.contains(&v) {
                        involved.push(v);
                    }
                }
            }
        }
    }
    if !involved.is_empty() {
        crate::order::sort(&mut involved);
        out.push(Finding {
            kind: Kind::Ordinal,
            compatible: false,
            values: involved,
        });
    }
    // Conflicts before what can all hold at once (a stable sort keeps
    // numbers, negation, ordinals in that order within each).
    crate::order::sort_by_key(&mut out, |f| f.compatible);
    out
}

/// Content words a negation bears on: up to [`SCOPE_WORDS`] stems of
/// compared words after it in its clause ("not *travelled abroad*"), or
/// before it when none follow ("he did *not*"). Empty when it has none.
fn negation_scope(f: &Features, at: usize) -> Vec<&str> {
    negation_scope_of(f, at, SCOPE_WORDS)
}

/// The content words a negation may bear on at all: its clause, up to
/// [`CLAUSE_WORDS`] of them. A member whose own "not" reaches the words
/// states none of them plainly ("does not extend to civil unions,
/// registered domestic partnerships").
fn negation_reach(f: &Features, at: usize) -> Vec<&str> {
    let Some(k) = f.tokens.iter().position(|t| t.start == at) else {
        return Vec::new();
    };
    // Both ways within its clause: "is neither peaceful nor stable" reaches
    // "the world today" as "today is neither" does.
    let from = (0..=k)
        .rev()
        .find(|&j| f.tokens[j].clause_start)
        .unwrap_or(0);
    let before = f.tokens[from..k].iter();
    let after = f.tokens[k + 1..].iter().take_while(|t| !t.clause_start);
    before
        .chain(after)
        .filter(|t| !t.skip)
        .take(2 * CLAUSE_WORDS)
        .map(|t| t.stem.as_str())
        .collect()
}

fn negation_scope_of(f: &Features, at: usize, words: usize) -> Vec<&str> {
    let Some(k) = f.tokens.iter().position(|t| t.start == at) else {
        return Vec::new();
    };
    let content =
        |t: &&crate::features::Token| !t.skip && !f.negations.iter().any(|n| n.0 == t.start);
    let after: Vec<&str> = f.tokens[k + 1..]
        .iter()
        .take_while(|t| !t.clause_start)
        .filter(content)
        .take(words)
        .map(|t| t.stem.as_str())
        .collect();
    if !after.is_empty() {
        return after;
    }
    // Back to the start of its own clause ("though the world today is
    // *neither*"), the clause's first word included.
    let clause_from = (0..=k)
        .rev()
        .find(|&j| f.tokens[j].clause_start)
        .unwrap_or(0);
    f.tokens[clause_from..k]
        .iter()
        .rev()
        .filter(content)
        .take(words)
        .map(|t| t.stem.as_str())
        .collect()
}

/// How many content words after a negation are its scope.
const SCOPE_WORDS: usize = 3;

/// How far in its clause a negation may reach.
const CLAUSE_WORDS: usize = 8;

/// Modal verbs: words they govern are not asserted ("they *should* be
/// creating jobs" states no fact that "not creating jobs" denies).
const MODALS: &[&str] = &[
    "should", "could", "would", "might", "may", "must", "ought", "shall", "can",
];

/// Whether a modal stands among the three words before token `k`.
fn under_modal(f: &Features, k: usize) -> bool {
    f.tokens[k.saturating_sub(3)..k]
        .iter()
        .any(|b| MODALS.contains(&b.folded.as_str()))
}

/// Whether member `f` states the word with stem `head` in the same mood as
/// the negation it is compared with: under a modal when the negation is
/// too ("would hold" against "would not hold"), else not ("should be no
/// deal" denies nothing that "get the best deal" states).
fn asserts(f: &Features, head: &str, modal_negation: bool) -> bool {
    f.tokens
        .iter()
        .enumerate()
        .any(|(k, t)| t.stem == head && under_modal(f, k) == modal_negation)
}

/// Share of the smaller member's content words that the other carries: a
/// negation only conflicts between two wordings of one statement, not
/// between two sentences a claim happens to hold.
fn shared_share(a: &std::collections::HashSet<&str>, b: &std::collections::HashSet<&str>) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / small as f64
}

/// Stems of verbs that deny what follows them ("denied", "refused",
/// "failed to"): negative implicative and factive verbs (Karttunen 1971,
/// "Implicative verbs").
const NEGATIVE_VERBS: &[&str] = &[
    "deny", "refus", "reject", "fail", "declin", "disput", "dismis",
];

/// Whether the word right after the negation is a compared word ("did not
/// *collapse*"): a scope of one word counts only then, not one found past
/// function words ("is not in these *e-mails*").
fn bears_next(f: &Features, at: usize) -> bool {
    let Some(k) = f.tokens.iter().position(|t| t.start == at) else {
        return false;
    };
    f.tokens
        .get(k + 1)
        .is_some_and(|t| !t.skip && !t.clause_start)
}

/// Words after which a negation is not a denial of a predicate: a
/// condition or question ("if", "unless", "whether") within three words,
/// or a conjunction right before it ("but not the wall").
fn asserted_negation(f: &Features, at: usize) -> bool {
    let Some(k) = f.tokens.iter().position(|t| t.start == at) else {
        return true;
    };
    let conditional = f.tokens[k.saturating_sub(3)..k]
        .iter()
        .any(|t| matches!(t.folded.as_str(), "if" | "unless" | "whether"));
    let excluding = k > 0 && matches!(f.tokens[k - 1].folded.as_str(), "but" | "and" | "or");
    !conditional && !excluding
}

/// The least [`shared_share`] for a negation conflict.
const SAME_STATEMENT: f64 = 0.5;

/// Per member, the negation that conflicts with another outlet, if any:
/// member `i` negates words that a member of another document states
/// plainly (it has every word of the negation's scope, [`negation_scope`],
/// asserts the first, not under a modal, has no negation of its own
/// reaching any of them, and shares at least half of its words with member
/// `i`), and only negates them (no member of its own document
/// states them plainly), while that other document only states them. A member that does not
/// carry the negated words is not compared: with units of different cuts
/// (one outlet quotes three sentences of a statement, another one), the
/// "not" of a sentence only one of them has is no disagreement.
fn negation_conflicts(feats: &[&Features], docs: &[usize]) -> Vec<Option<(usize, usize)>> {
    let scopes: Vec<Vec<((usize, usize), Vec<&str>)>> = feats
        .iter()
        .map(|f| {
            f.negations
                .iter()
                .map(|&n| (n, negation_scope(f, n.0)))
                .filter(|(_, scope)| !scope.is_empty())
                .collect()
        })
        .collect();
    // Only a negation that denies a predicate can conflict: not one in a
    // condition ("if we don't get it") or one excluding an item ("but not
    // the wall"); those still keep the words from being stated plainly.
    let scopes: Vec<Vec<((usize, usize), Vec<&str>)>> = scopes
        .into_iter()
        .zip(feats)
        .map(|(list, f)| {
            list.into_iter()
                .filter(|(span, scope)| {
                    asserted_negation(f, span.0) && (scope.len() > 1 || bears_next(f, span.0))
                })
                .collect()
        })
        .collect();
    let reaches: Vec<Vec<&str>> = feats
        .iter()
        .map(|f| {
            let mut reach: Vec<&str> = f
                .negations
                .iter()
                .flat_map(|&n| negation_reach(f, n.0))
                .collect();
            // "Denied they give … a back door": a verb that negates what
            // follows it (Karttunen's negative implicatives) reaches its
            // clause as "not" does.
            for (k, t) in f.tokens.iter().enumerate() {
                if NEGATIVE_VERBS.contains(&t.stem.as_str()) {
                    reach.extend(
                        f.tokens[k + 1..]
                            .iter()
                            .filter(|t| !t.skip)
                            .take(CLAUSE_WORDS)
                            .map(|t| t.stem.as_str()),
                    );
                }
            }
            reach
        })
        .collect();
    let stems: Vec<std::collections::HashSet<&str>> = feats
        .iter()
        .map(|f| {
            f.tokens
                .iter()
                .filter(|t| !t.skip)
                .map(|t| t.stem.as_str())
                .collect()
        })
        .collect();
    let mut out = vec![None; feats.len()];
    for (i, negations) in scopes.iter().enumerate() {
        for (span, scope) in negations {
            let modal_negation = feats[i]
                .tokens
                .iter()
                .position(|t| t.start == span.0)
                .is_some_and(|k| under_modal(feats[i], k));
            // Per document: does some member negate these words, does some
            // member state them plainly?
            let mut negates: Vec<usize> = Vec::new();
            let mut states: Vec<usize> = Vec::new();
            // Members stating the words in a wording of the same statement.
            let mut counterparts: Vec<usize> = Vec::new();
            for (j, doc) in docs.iter().enumerate().take(feats.len()) {
                let negated = if j == i {
                    true
                } else {
                    reaches[j].iter().any(|w| scope.contains(w))
                };
                // The words the negation bears on ("not *signed* the
                // decree"), all of them, the first asserted, in a wording
                // of the same statement.
                let carried = scope.iter().all(|w| stems[j].contains(*w));
                let head = scope
                    .first()
                    .is_some_and(|w| asserts(feats[j], w, modal_negation));
                if negated {
                    negates.push(*doc);
                } else if carried && head {
                    states.push(*doc);
                    if shared_share(&stems[i], &stems[j]) >= SAME_STATEMENT {
                        counterparts.push(*doc);
                    }
                }
            }
            let only =
                |these: &[usize], not: &[usize], d: usize| these.contains(&d) && !not.contains(&d);
            let conflict = docs.get(i).is_some_and(|&di| {
                only(&negates, &states, di)
                    && counterparts
                        .iter()
                        .any(|&d| d != di && only(&states, &negates, d))
            });
            if conflict && out[i].is_none() {
                out[i] = Some(*span);
            }
        }
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

    /// A figure answers to its nearest figure in each other document: the
    /// sum for another purpose and "another" sum stay out of the conflict.
    #[test]
    fn a_figure_answers_to_its_nearest_counterpart() {
        let texts = [
            "He signs a package that includes just $1.4 billion for border security.",
            "He would also unlock military construction money, to the tune of $3.5 billion.",
            "He can use about $3.6 billion from construction projects, along with another $2.5 billion for drug programmes.",
        ];
        let feats: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let refs: Vec<&Features> = feats.iter().collect();
        let found = findings(&refs, &[0, 0, 1]);
        let numbers: Vec<Vec<&str>> = found
            .iter()
            .filter(|f| f.kind == Kind::Number)
            .map(|f| f.values.iter().map(|&(m, s, e)| &texts[m][s..e]).collect())
            .collect();
        assert_eq!(numbers, vec![vec!["$3.5 billion", "$3.6 billion"]]);
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
            // Invented cases of the kinds that raised false negation
            // alarms on real coverage: a "not" that reaches the same words
            // in both; a modal that asserts nothing; two statements that
            // share one word.
            (
                &[
                    "The rule would not apply to domestic partnerships.",
                    "It does not extend to civil unions or registered domestic partnerships.",
                ],
                &[],
            ),
            (
                &[
                    "Mayor says the vote is not creating jobs.",
                    "The mayor said councillors should be creating jobs instead of voting.",
                ],
                &[],
            ),
            (
                &[
                    "The letters show what is and is not in the budget, the mayor said.",
                    "The budget was read out selectively to reporters, a spokesman for the mayor said.",
                ],
                &[],
            ),
            // Sums moved by different verbs are different sums; two vague
            // amounts never deny each other.
            (
                &[
                    "The couple earned $30 million from book sales.",
                    "The couple paid $43 million to the tax office.",
                ],
                &[],
            ),
            (
                &[
                    "The couple paid $43 million in federal taxes.",
                    "The couple paid $46 million in federal income taxes.",
                ],
                &[(Number, false)],
            ),
            (
                &[
                    "They paid tens of millions of dollars in taxes.",
                    "They paid millions of dollars in taxes.",
                ],
                &[(Number, true)],
            ),
            // A year that labels a thing ("the 2016 election") is not the
            // date of the claim; a year that dates it is.
            (
                &[
                    "The 2020 Democratic candidates demanded the report.",
                    "Democrats demanded the report on Russia's role in the 2016 election.",
                ],
                &[],
            ),
            (
                &["The bridge opened in 2016.", "The bridge opened in 2018."],
                &[(Number, false)],
            ),
            (
                &[
                    "It was his first visit to Tehran since 2010.",
                    "It was his first visit since the war began in 2011.",
                ],
                &[],
            ),
            (
                &[
                    "It was his first visit to Tehran since 2010.",
                    "It was his first visit to Tehran since 2008.",
                ],
                &[(Number, false)],
            ),
            (
                &[
                    "The council said the bridge did not collapse.",
                    "The council said the bridge collapsed.",
                ],
                &[(Negation, false)],
            ),
            (
                &["It was his first trip.", "It was his second trip."],
                &[(Ordinal, false)],
            ),
            (
                &["He has not travelled abroad.", "He has travelled abroad."],
                &[(Negation, false)],
            ),
            (
                &["Officials said the dam would hold.", "Officials said the dam would not hold."],
                &[(Negation, false)],
            ),
            (
                &["The minister never signed the decree.", "The minister signed the decree on Monday."],
                &[(Negation, false)],
            ),
            // Units cut differently: the "not" sits in a sentence the other
            // outlet's unit does not have.
            (
                &[
                    "“I am not afraid of the vote. We will build the bridge this year,” the mayor said.",
                    "“We will build the bridge this year,” the mayor said.",
                ],
                &[],
            ),
            // A headline aligned with another outlet's aside shares a word
            // with it, not the word the "not" bears on.
            (
                &["Mayor defends ferry cuts", "The ferry company has not commented on the cut."],
                &[],
            ),
            // Both negate the same words, in different wordings.
            (
                &["The council did not approve the budget.", "The budget wasn't approved by the council."],
                &[],
            ),
            (&["It cost $5 million.", "It killed 5 people."], &[]),
            // Rounding: a round figure and the precise one it rounds to.
            (
                &["The fee was $43,000.", "The fee was $43,350."],
                &[(Number, true)],
            ),
            (
                &["The fee was $43,000.", "The fee was $43,900."],
                &[(Number, false)],
            ),
            (
                &["The retreat cost $5,587.75.", "The retreat cost $5,687.75."],
                &[(Number, false)],
            ),
            (
                &["Tickets cost $40.", "Tickets cost $45."],
                &[(Number, false)],
            ),
            // The same value, hedged or not.
            (
                &[
                    "It carried 240 passengers.",
                    "It carried about 240 passengers.",
                ],
                &[],
            ),
            // Another period's figure, or a point of comparison.
            (
                &[
                    "Claims rose to 293,000, up from 256,000 in March 2020.",
                    "Claims stood at 256,000 at the start, and 293,000 now.",
                ],
                &[],
            ),
            (
                &[
                    "The rate hit 5.1 percent in May.",
                    "The rate was 4.4 percent a year earlier.",
                ],
                &[],
            ),
            // Different counted things, and different items of a list.
            (
                &[
                    "Employers added 293,000 new jobs.",
                    "Officials got 256,000 new claims.",
                ],
                &[],
            ),
            (
                &[
                    "He bought a $300 jacket, a $466.30 dinner and a $90 taxi ride.",
                    "He bought a $450 watch and a $120 scarf.",
                ],
                &[],
            ),
            (
                &[
                    "Seats cost $40, $65 and $120.",
                    "Seats cost $45, $65 and $120.",
                ],
                &[(Number, false)],
            ),
            // Ordinals only where they are ordinals, of the same thing.
            (&["He returned last week.", "It was his first vote."], &[]),
            (
                &["It was the first time in years.", "It was the second fire."],
                &[],
            ),
            (
                &["His first public visit.", "His second visit."],
                &[(Ordinal, false)],
            ),
        ];
        for (texts, expected) in cases {
            assert_eq!(&kinds(texts), expected, "{texts:?}");
        }
    }

    #[test]
    fn negation_an_outlet_also_states_plainly_is_no_conflict() {
        // Outlets 0 and 1 quote both "not putting people back to work" and
        // "by putting people back to work"; outlet 2 only the second.
        let texts = [
            "The vote is not putting people back to work, he said.",
            "God wants us to help ourselves by putting people back to work.",
            "That is not putting people back to work.",
            "God wants us to help ourselves by putting people back to work.",
            "God wants to see us help ourselves by putting people back to work!",
        ];
        let feats: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let refs: Vec<&Features> = feats.iter().collect();
        assert!(findings(&refs, &[0, 0, 1, 1, 2]).is_empty());
        // Without outlet 0's plain statement, outlet 0 only negates it.
        let refs = [&feats[0], &feats[4]];
        let found = findings(&refs, &[0, 2]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::Negation);
        let (m, s, e) = found[0].values[0];
        assert_eq!((m, &texts[0][s..e]), (0, "not"));
    }

    #[test]
    fn a_conflict_marks_each_outlets_number() {
        let texts = [
            "The retreat cost $5,587.75 in all.",
            "In all the retreat cost $5,687.75.",
        ];
        let feats: Vec<Features> = texts.iter().map(|t| features(t)).collect();
        let found = findings(&[&feats[0], &feats[1]], &[0, 1]);
        assert_eq!(found.len(), 1);
        let marked: Vec<&str> = found[0]
            .values
            .iter()
            .map(|&(m, s, e)| &texts[m][s..e])
            .collect();
        assert_eq!(marked, vec!["$5,587.75", "$5,687.75"]);
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
