//! Corrections by hand applied to the claims found: the found groups (each
//! its members, its label and the sentences that carry it as a second
//! claim), a person's fixes in aligned-input indices, and the documents of
//! the inputs in; the corrected groups and which fixes applied out.
//!
//! A group that a fix leaves with members of one document only is no claim
//! and is dropped; a group that a fix changed takes as label its most
//! central remaining member (the greatest sum of links to the others).

/// One fix, in indices of the aligned inputs (see [`super::align_with`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// The sentence belongs to no claim.
    Detach(usize),
    /// The sentence leaves its own claim for the claim of `to`.
    Attach { sentence: usize, to: usize },
    /// The claims of the two sentences become one.
    Merge(usize, usize),
}

/// A claim being built: members (first claims), the label, second-claim
/// members, and whether a fix touched it.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub members: Vec<usize>,
    pub label: usize,
    pub also: Vec<usize>,
    pub corrected: bool,
}

/// Applies `fixes` in order to `groups`. `docs[i]` is the document of input
/// `i`; `pair(a, b)` the link between two inputs (0 when none was kept).
/// Returns, for each fix, whether it applied (a fix naming a sentence in
/// no claim, where it needs one, does not).
pub fn apply(
    groups: &mut Vec<Group>,
    fixes: &[Fix],
    docs: &[usize],
    pair: &dyn Fn(usize, usize) -> f32,
) -> Vec<bool> {
    let first_of = |groups: &[Group], s: usize| groups.iter().position(|g| g.members.contains(&s));
    let any_of = |groups: &[Group], s: usize| {
        first_of(groups, s).or_else(|| groups.iter().position(|g| g.also.contains(&s)))
    };
    let mut applied = Vec::with_capacity(fixes.len());
    for &fix in fixes {
        let ok = match fix {
            Fix::Detach(s) => {
                let mut any = false;
                for g in groups.iter_mut() {
                    let before = g.members.len() + g.also.len();
                    g.members.retain(|&m| m != s);
                    g.also.retain(|&m| m != s);
                    if g.members.len() + g.also.len() != before {
                        g.corrected = true;
                        any = true;
                    }
                }
                any
            }
            Fix::Attach { sentence, to } => match any_of(groups, to) {
                Some(target) => {
                    for (i, g) in groups.iter_mut().enumerate() {
                        if g.members.contains(&sentence) && i != target {
                            g.members.retain(|&m| m != sentence);
                            g.corrected = true;
                        }
                    }
                    let g = &mut groups[target];
                    g.also.retain(|&m| m != sentence);
                    if !g.members.contains(&sentence) {
                        g.members.push(sentence);
                    }
                    g.corrected = true;
                    true
                }
                None => false,
            },
            Fix::Merge(a, b) => match (any_of(groups, a), any_of(groups, b)) {
                (Some(ga), Some(gb)) if ga != gb => {
                    let moved = std::mem::replace(
                        &mut groups[gb],
                        Group {
                            members: Vec::new(),
                            label: usize::MAX,
                            also: Vec::new(),
                            corrected: true,
                        },
                    );
                    let g = &mut groups[ga];
                    for m in moved.members {
                        if !g.members.contains(&m) {
                            g.members.push(m);
                        }
                    }
                    for m in moved.also {
                        if !g.members.contains(&m) && !g.also.contains(&m) {
                            g.also.push(m);
                        }
                    }
                    g.corrected = true;
                    true
                }
                (Some(_), Some(_)) => true,
                // One side in no claim yet: the merge puts it in the other's.
                (Some(g), None) | (None, Some(g)) => {
                    let loose = if any_of(groups, a).is_none() { a } else { b };
                    groups[g].members.push(loose);
                    groups[g].corrected = true;
                    true
                }
                // Two sentences in no claim: they make one.
                (None, None) if docs.get(a) != docs.get(b) => {
                    groups.push(Group {
                        members: vec![a, b],
                        label: a,
                        also: Vec::new(),
                        corrected: true,
                    });
                    true
                }
                (None, None) => false,
            },
        };
        applied.push(ok);
    }
    for g in groups.iter_mut().filter(|g| g.corrected) {
        // A second claim carried by a first member is no second claim.
        let members = g.members.clone();
        g.also.retain(|m| !members.contains(m));
        crate::order::sort(&mut g.members);
        crate::order::sort(&mut g.also);
        let all: Vec<usize> = g.members.iter().chain(&g.also).copied().collect();
        let centrality =
            |a: usize| -> f32 { all.iter().filter(|&&m| m != a).map(|&m| pair(a, m)).sum() };
        g.label = g
            .members
            .iter()
            .copied()
            .max_by(|&a, &b| centrality(a).total_cmp(&centrality(b)).then(b.cmp(&a)))
            .unwrap_or(usize::MAX);
    }
    groups.retain(|g| {
        let mut it = g.members.iter().chain(&g.also).map(|&m| docs.get(m));
        let first = it.next();
        g.label != usize::MAX && it.any(|d| d != first.unwrap_or(None))
    });
    applied
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(members: &[usize], label: usize) -> Group {
        Group {
            members: members.to_vec(),
            label,
            also: Vec::new(),
            corrected: false,
        }
    }

    // Inputs 0-2 in document 0, 3-5 in document 1, 6-8 in document 2.
    const DOCS: [usize; 9] = [0, 0, 0, 1, 1, 1, 2, 2, 2];
    fn links(a: usize, b: usize) -> f32 {
        if (a % 3) == (b % 3) {
            0.9
        } else {
            0.1
        }
    }

    #[test]
    fn detaching_the_last_other_outlet_dissolves_the_claim() {
        let mut groups = vec![group(&[0, 3], 0), group(&[1, 4, 7], 4)];
        let applied = apply(
            &mut groups,
            &[Fix::Detach(3), Fix::Detach(4)],
            &DOCS,
            &links,
        );
        assert_eq!(applied, vec![true, true]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].members, vec![1, 7]);
        assert!(groups[0].corrected);
        // The detached label gave way to a remaining member.
        assert!(groups[0].members.contains(&groups[0].label));
    }

    #[test]
    fn attach_moves_a_sentence_and_merge_joins_claims() {
        let mut groups = vec![group(&[0, 3], 0), group(&[1, 4], 1), group(&[2, 8], 2)];
        let fixes = [Fix::Attach { sentence: 6, to: 0 }, Fix::Merge(1, 8)];
        assert_eq!(apply(&mut groups, &fixes, &DOCS, &links), vec![true, true]);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].members, vec![0, 3, 6]);
        assert_eq!(groups[1].members, vec![1, 2, 4, 8]);
        assert!(groups.iter().all(|g| g.corrected));
    }

    #[test]
    fn a_fix_naming_no_claim_is_not_applied_and_changes_nothing() {
        let mut groups = vec![group(&[0, 3], 0)];
        let before = groups.clone();
        let fixes = [
            Fix::Attach { sentence: 6, to: 7 },
            Fix::Detach(5),
            Fix::Merge(1, 2),
        ];
        assert_eq!(
            apply(&mut groups, &fixes, &DOCS, &links),
            vec![false, false, false]
        );
        assert_eq!(groups, before);
        // Two loose sentences of different outlets merged make a claim.
        assert_eq!(
            apply(&mut groups, &[Fix::Merge(1, 7)], &DOCS, &links),
            vec![true]
        );
        assert_eq!(groups[1].members, vec![1, 7]);
    }
}
