//! The same remark across outlets: quotations (words, canonical speaker,
//! claim, context) in, groups of quotations out, with each member's words
//! that differ from the other members' and a flag when the same words are
//! given to different speakers.
//!
//! Two quotations are linked when, from different documents,
//! - their words are the same after folding case, marks and punctuation;
//! - one is contained in the other (an outlet quoting more or less of it);
//! - or the same speaker says them in aligned sentences (the same claim id,
//!   or contexts sharing enough words) and they share a content word
//!   ("a harsh blow" / "severe blow").

use super::names::tokenize;
use crate::features::{fold_char, stem, FastMap};
use std::collections::{BTreeSet, HashMap};

/// Candidate pairs looked at per quotation, and other members each member's
/// wording is compared with: bounds that keep grouping near-linear.
const MAX_CANDIDATES: usize = 400;
const MAX_COMPARED: usize = 12;

/// One quotation as grouping sees it.
#[derive(Clone, Copy)]
pub struct GroupInput<'a> {
    pub doc: usize,
    /// The quoted words (a slice of the document text).
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    /// Claim id of the quotation's sentence, when alignment gave one.
    pub claim: Option<usize>,
    /// Folded content stems of the words around the quotation.
    pub context: &'a BTreeSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Link {
    SameWords,
    Contained,
    SameRemark,
}

impl Link {
    pub fn name(self) -> &'static str {
        match self {
            Link::SameWords => "same words",
            Link::Contained => "contained",
            Link::SameRemark => "same remark",
        }
    }
}

/// A group of quotations (indices into the input), two or more documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<usize>,
    /// The loosest link that holds the group together.
    pub link: Link,
    /// Per member, byte ranges into its text of words no other member has.
    pub differing: Vec<Vec<(usize, usize)>>,
    /// Different speakers given the same (or contained) words.
    pub conflicting_speakers: Vec<String>,
    /// Per member, the member (an index into the input) whose words it is
    /// a piece of: its outlet quotes the remark in two pieces or more, each
    /// inside the one another outlet quotes whole (issue 16, point 6).
    pub piece_of: Vec<Option<usize>>,
}

const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "from", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "it", "its",
    "that", "this", "these", "those", "which", "who", "he", "she", "they", "them", "his", "her",
    "their", "we", "our", "you", "i", "not", "no", "will", "would", "can", "all", "said", "says",
    "say",
];

/// A word folded for comparing, with its byte range in the quotation.
struct Word {
    start: usize,
    end: usize,
    folded: String,
}

fn words(text: &str) -> Vec<Word> {
    tokenize(text, 0, text.len())
        .into_iter()
        .filter(|t| t.is_word())
        .map(|t| Word {
            start: t.start,
            end: t.end,
            folded: t.text.chars().filter_map(fold_char).collect(),
        })
        .collect()
}

/// Folded content stems of a text: for context overlap.
pub fn content_stems(text: &str) -> BTreeSet<String> {
    stems_of(&words(text))
}

fn stems_of(words: &[Word]) -> BTreeSet<String> {
    words
        .iter()
        .filter(|w| !STOP.contains(&w.folded.as_str()) && w.folded.chars().any(char::is_alphabetic))
        .map(|w| stem(&w.folded))
        .collect()
}

fn contains_run(long: &[u32], short: &[u32]) -> bool {
    if short.is_empty() || short.len() > long.len() {
        return false;
    }
    long.windows(short.len()).any(|w| w == short)
}

/// Longest common subsequence marks: which words of `a` also occur, in
/// order, in `b`. Quotations are capped in length so this stays small.
fn shared_in_order(a: &[u32], b: &[u32]) -> Vec<bool> {
    const CAP: usize = 300;
    let (a_len, b_len) = (a.len().min(CAP), b.len().min(CAP));
    // table[i][j]: the common subsequence of a[i..] and b[j..], row-major.
    let width = b_len + 1;
    let mut table = vec![0u16; (a_len + 1) * width];
    for i in (0..a_len).rev() {
        for j in (0..b_len).rev() {
            table[i * width + j] = if a[i] == b[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let mut shared = vec![false; a.len()];
    let (mut i, mut j) = (0, 0);
    while i < a_len && j < b_len {
        if a[i] == b[j] {
            shared[i] = true;
            i += 1;
            j += 1;
        } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    shared
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Postings longer than this are too common to find candidates by.
const MAX_POSTINGS: usize = 256;

/// The quotations' words as grouping compares them: each folded word and
/// each stem interned once, so that comparing is comparing integers.
struct Interned {
    /// Per quotation, its words' ids in order.
    folded: Vec<Vec<u32>>,
    /// Per word id, its stem's id.
    stem_of: Vec<u32>,
    n_stems: usize,
}

fn intern(quotation_words: &[Vec<Word>]) -> Interned {
    let mut word_ids: HashMap<&str, u32> = HashMap::new();
    let mut stem_ids: HashMap<String, u32> = HashMap::new();
    let mut stem_of = Vec::new();
    let folded = quotation_words
        .iter()
        .map(|ws| {
            ws.iter()
                .map(|w| {
                    *word_ids.entry(w.folded.as_str()).or_insert_with(|| {
                        let next = stem_ids.len() as u32;
                        stem_of.push(*stem_ids.entry(stem(&w.folded)).or_insert(next));
                        stem_of.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    Interned {
        folded,
        stem_of,
        n_stems: stem_ids.len(),
    }
}

/// Groups quotations of the same remark across documents.
pub fn group(inputs: &[GroupInput]) -> Vec<Group> {
    let quotation_words: Vec<Vec<Word>> = crate::par::map(inputs, |q| words(q.text));
    let stems: Vec<BTreeSet<String>> = crate::par::map(&quotation_words, |ws| stems_of(ws));
    let Interned {
        folded,
        stem_of,
        n_stems,
    } = intern(&quotation_words);
    // A quotation's words without a conjunction that opens it: a remark's
    // second piece often starts with the writer's "and" ("I have nothing to
    // hide," she said, "and I kept every receipt"), which the whole lacks.
    let cores: Vec<&[u32]> = quotation_words
        .iter()
        .zip(&folded)
        .map(|(ws, f)| match ws.first() {
            Some(w) if f.len() > 1 && matches!(w.folded.as_str(), "and" | "but" | "so" | "or") => {
                &f[1..]
            }
            _ => &f[..],
        })
        .collect();
    let mut parent: Vec<usize> = (0..inputs.len()).collect();
    let mut links: Vec<(usize, usize, Link)> = Vec::new();
    // The same words, however common they are, link through one hash
    // lookup; the postings below only need to find the looser links, and
    // only between first occurrences (a repeat is grouped with its first).
    let mut first_with: HashMap<&[u32], usize> = HashMap::new();
    let mut repeat = vec![false; inputs.len()];
    for (i, words) in folded.iter().enumerate() {
        if words.len() < 2 {
            continue;
        }
        match first_with.entry(words.as_slice()) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let j = *first.get();
                repeat[i] = true;
                links.push((j, i, Link::SameWords));
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    // A quotation's distinct stems, in the order its words first give them.
    let stem_keys = |i: usize| {
        let mut seen: FastMap<u32, ()> = FastMap::default();
        folded[i]
            .iter()
            .map(|&w| stem_of[w as usize])
            .filter(|&k| seen.insert(k, ()).is_none())
            .collect::<Vec<u32>>()
    };
    let searched = |i: usize| folded[i].len() >= 2 && !repeat[i];
    // Candidate pairs come from an inverted index over word stems, so the
    // work follows the pairs that share words, not all pairs.
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); n_stems];
    for i in (0..inputs.len()).filter(|&i| searched(i)) {
        // One word ("terrorism") says nothing about whose remark it is.
        for k in stem_keys(i) {
            postings[k as usize].push(i);
        }
    }
    // Each quotation's links to later ones stand alone: they are found on
    // all threads in the CLI, then joined in order.
    let links_from = |i: usize| -> Vec<(usize, usize, Link)> {
        if !searched(i) {
            return Vec::new();
        }
        let mut keys: Vec<&Vec<usize>> = stem_keys(i)
            .into_iter()
            .map(|k| &postings[k as usize])
            .collect();
        // Rarest words first; a bounded number of candidates per quotation.
        crate::order::sort_by_key(&mut keys, |p| p.len());
        let mut candidates: Vec<usize> = Vec::new();
        for p in keys {
            // A word in hundreds of quotations ("the", "we") links nothing
            // on its own, and walking its postings for every quotation
            // would make grouping quadratic.
            if p.len() > MAX_POSTINGS {
                break;
            }
            candidates.extend(
                p.iter()
                    .filter(|&&j| j > i && inputs[j].doc != inputs[i].doc),
            );
            if candidates.len() >= MAX_CANDIDATES {
                crate::order::sort(&mut candidates);
                candidates.dedup();
                if candidates.len() >= MAX_CANDIDATES {
                    break;
                }
            }
        }
        crate::order::sort(&mut candidates);
        candidates.dedup();
        candidates.truncate(MAX_CANDIDATES);
        let (fi, found) = (&folded[i], &folded);
        candidates
            .into_iter()
            .filter_map(|j| {
                let fj = &found[j];
                if fi == fj {
                    return None; // linked above
                }
                let link = if contains_run(fi, cores[j]) && cores[j].len() >= 3
                    || contains_run(fj, cores[i]) && cores[i].len() >= 3
                {
                    Link::Contained
                } else if same_remark(&inputs[i], &inputs[j], &stems[i], &stems[j]) {
                    Link::SameRemark
                } else {
                    return None;
                };
                Some((i, j, link))
            })
            .collect()
    };
    for found in crate::par::map_range(inputs.len(), links_from) {
        for (i, j, link) in found {
            links.push((i, j, link));
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    let roots: Vec<usize> = (0..inputs.len()).map(|i| find(&mut parent, i)).collect();
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for (i, &r) in roots.iter().enumerate() {
        by_root.entry(r).or_default().push(i);
    }
    let mut links_of: HashMap<usize, Vec<(usize, usize, Link)>> = HashMap::new();
    for &l in &links {
        links_of.entry(roots[l.0]).or_default().push(l);
    }
    let grouped: Vec<(usize, Vec<usize>)> = by_root
        .into_iter()
        .filter(|(_, members)| {
            let docs: BTreeSet<usize> = members.iter().map(|&m| inputs[m].doc).collect();
            docs.len() >= 2
        })
        .collect();
    crate::par::map(&grouped, |(root, members)| {
        let group_links: &[(usize, usize, Link)] = links_of.get(root).map_or(&[], Vec::as_slice);
        let link = group_links
            .iter()
            .map(|l| l.2)
            .max()
            .unwrap_or(Link::SameWords);
        let mut conflicting: BTreeSet<String> = BTreeSet::new();
        for &(a, b, l) in group_links {
            if l != Link::SameRemark {
                if let (Some(x), Some(y)) = (inputs[a].speaker, inputs[b].speaker) {
                    if x != y {
                        conflicting.insert(x.to_string());
                        conflicting.insert(y.to_string());
                    }
                }
            }
        }
        // Every member past the first few is compared with the same first
        // few, so its marks depend on its words alone: a wording repeated
        // across many outlets is compared once. A large group's wordings are
        // compared on all threads in the CLI.
        let mut task_of_wording: HashMap<&[u32], usize> = HashMap::new();
        let mut tasks: Vec<usize> = Vec::new();
        let task: Vec<usize> = members
            .iter()
            .enumerate()
            .map(|(position, &m)| {
                let mut new_task = || {
                    tasks.push(m);
                    tasks.len() - 1
                };
                if position > MAX_COMPARED {
                    *task_of_wording
                        .entry(folded[m].as_slice())
                        .or_insert_with(new_task)
                } else {
                    new_task()
                }
            })
            .collect();
        let marks: Vec<Vec<bool>> = crate::par::map(&tasks, |&m| {
            let mut shared = vec![false; folded[m].len()];
            // Enough other wordings to mark what this one alone says.
            for &o in members.iter().filter(|&&o| o != m).take(MAX_COMPARED) {
                for (k, s) in shared_in_order(&folded[m], &folded[o])
                    .into_iter()
                    .enumerate()
                {
                    shared[k] |= s;
                }
            }
            shared
        });
        let differing = members
            .iter()
            .zip(task)
            .map(|(&m, t)| {
                quotation_words[m]
                    .iter()
                    .zip(&marks[t])
                    .filter(|(_, &s)| !s)
                    .map(|(w, _)| (w.start, w.end))
                    .collect()
            })
            .collect();
        Group {
            members: members.clone(),
            link,
            differing,
            conflicting_speakers: conflicting.into_iter().collect(),
            piece_of: pieces(members, inputs, &folded, &cores),
        }
    })
}

/// Per member, the member it is a piece of: the longest member from
/// another document that holds its words as a run and holds at least one
/// other run from the member's own document, so the member's outlet
/// split the remark ("I have nothing to hide," she said. "I kept every
/// receipt.") where that one quoted it whole. One shorter cut alone is an
/// outlet quoting less, not a piece.
fn pieces(
    members: &[usize],
    inputs: &[GroupInput],
    folded: &[Vec<u32>],
    cores: &[&[u32]],
) -> Vec<Option<usize>> {
    let inside = |p: usize, w: usize| {
        inputs[p].doc != inputs[w].doc
            && cores[p].len() >= 2
            && cores[p].len() < folded[w].len()
            && contains_run(&folded[w], cores[p])
    };
    members
        .iter()
        .map(|&p| {
            members
                .iter()
                .copied()
                .filter(|&w| inside(p, w))
                .filter(|&w| {
                    members.iter().any(|&o| {
                        o != p
                            && inputs[o].doc == inputs[p].doc
                            && folded[o] != folded[p]
                            && inside(o, w)
                    })
                })
                .max_by_key(|&w| (folded[w].len(), std::cmp::Reverse(w)))
        })
        .collect()
}

/// Same speaker, aligned sentences, and a content word in common.
fn same_remark(
    a: &GroupInput,
    b: &GroupInput,
    sa: &BTreeSet<String>,
    sb: &BTreeSet<String>,
) -> bool {
    let (Some(x), Some(y)) = (a.speaker, b.speaker) else {
        return false;
    };
    if x != y {
        return false;
    }
    let common = sa.intersection(sb).count();
    if common == 0 || common * 2 < sa.len().min(sb.len()) {
        return false;
    }
    if a.claim.is_some() && a.claim == b.claim {
        return true;
    }
    // Alignment may not have linked them: compare the words around the
    // quotations themselves.
    let ca: BTreeSet<&String> = a.context.difference(sa).collect();
    let cb: BTreeSet<&String> = b.context.difference(sb).collect();
    let shared = ca.intersection(&cb).count();
    let smaller = ca.len().min(cb.len()).max(1);
    shared >= 2 && shared as f64 / smaller as f64 >= 0.15
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(
        doc: usize,
        text: &'a str,
        speaker: Option<&'a str>,
        claim: Option<usize>,
        context: &'a BTreeSet<String>,
    ) -> GroupInput<'a> {
        GroupInput {
            doc,
            text,
            speaker,
            claim,
            context,
        }
    }

    #[test]
    fn grouping_table() {
        let empty = BTreeSet::new();
        let ctx_a = content_stems("Khamenei was quoted as saying the victories had dealt a harsh blow to US plans in the region");
        let ctx_b = content_stems("Khamenei told Assad that gains are a severe blow to Washington's policies in the region");
        // (scenario, quotations, expected groups as member lists, link of the first)
        let k = Some("Ali Khamenei");
        type Case<'a> = (&'a str, Vec<GroupInput<'a>>, Vec<Vec<usize>>, Option<Link>);
        let cases: Vec<Case> = vec![
            (
                "same words, other marks and case",
                vec![
                    input(0, "We will Stay.", k, None, &empty),
                    input(1, "we will stay", k, None, &empty),
                ],
                vec![vec![0, 1]],
                Some(Link::SameWords),
            ),
            (
                "contained",
                vec![
                    input(
                        0,
                        "to continue cooperation at all levels",
                        None,
                        None,
                        &empty,
                    ),
                    input(
                        1,
                        "agreed to continue cooperation at all levels for the nations",
                        None,
                        None,
                        &empty,
                    ),
                ],
                vec![vec![0, 1]],
                Some(Link::Contained),
            ),
            (
                "same document never groups",
                vec![
                    input(0, "we will stay", k, None, &empty),
                    input(0, "we will stay", k, None, &empty),
                ],
                vec![],
                None,
            ),
            (
                "same claim, same speaker",
                vec![
                    input(0, "a harsh blow", k, Some(3), &empty),
                    input(1, "severe blow", k, Some(3), &empty),
                ],
                vec![vec![0, 1]],
                Some(Link::SameRemark),
            ),
            (
                "similar contexts, same speaker",
                vec![
                    input(0, "a harsh blow", k, None, &ctx_a),
                    input(1, "severe blow", k, None, &ctx_b),
                ],
                vec![vec![0, 1]],
                Some(Link::SameRemark),
            ),
            (
                "different speakers, different words",
                vec![
                    input(0, "a harsh blow", k, Some(3), &empty),
                    input(1, "severe blow", Some("Assad"), Some(3), &empty),
                ],
                vec![],
                None,
            ),
            (
                "single words do not group",
                vec![
                    input(0, "terrorism", k, None, &empty),
                    input(1, "terrorism", k, None, &empty),
                ],
                vec![],
                None,
            ),
        ];
        for (scenario, inputs, want, link) in cases {
            let got = group(&inputs);
            assert_eq!(
                got.iter().map(|g| g.members.clone()).collect::<Vec<_>>(),
                want,
                "{scenario}"
            );
            assert_eq!(got.first().map(|g| g.link), link, "{scenario}");
        }
    }

    #[test]
    fn pieces_of_a_remark_quoted_whole_elsewhere() {
        let empty = BTreeSet::new();
        let s = Some("Lena Ortiz");
        let whole = "We were never told. Nobody warned the families before the water rose.";
        // (scenario, quotations, expected piece_of per member of the one group)
        type Case<'a> = (&'a str, Vec<GroupInput<'a>>, Vec<Option<usize>>);
        let cases: Vec<Case> = vec![
            (
                "two pieces in one outlet",
                vec![
                    input(0, whole, s, None, &empty),
                    input(1, "We were never told,", s, None, &empty),
                    input(
                        1,
                        "Nobody warned the families before the water rose.",
                        s,
                        None,
                        &empty,
                    ),
                ],
                vec![None, Some(0), Some(0)],
            ),
            (
                "pieces in two outlets, the whole in a third",
                vec![
                    input(0, "we were never told", s, None, &empty),
                    input(0, "nobody warned the families", s, None, &empty),
                    input(1, whole, s, None, &empty),
                    input(2, "We were never told.", s, None, &empty),
                    input(2, "before the water rose", s, None, &empty),
                ],
                vec![Some(2), Some(2), None, Some(2), Some(2)],
            ),
            (
                "the second piece opens with the writer's conjunction",
                vec![
                    input(0, "We were never told,", s, None, &empty),
                    input(
                        0,
                        "and nobody warned the families before the water rose",
                        s,
                        None,
                        &empty,
                    ),
                    input(1, whole, s, None, &empty),
                ],
                vec![Some(2), Some(2), None],
            ),
            (
                "one shorter cut is quoting less, not a piece",
                vec![
                    input(0, whole, s, None, &empty),
                    input(1, "Nobody warned the families", s, None, &empty),
                ],
                vec![None, None],
            ),
        ];
        for (scenario, inputs, want) in cases {
            let groups = group(&inputs);
            assert_eq!(groups.len(), 1, "{scenario}: {groups:?}");
            assert_eq!(groups[0].piece_of, want, "{scenario}");
        }
    }

    #[test]
    fn differing_words_and_conflicts() {
        let empty = BTreeSet::new();
        let a = "a harsh blow";
        let b = "a severe blow";
        let got = group(&[
            GroupInput {
                doc: 0,
                text: a,
                speaker: Some("Ali Khamenei"),
                claim: Some(1),
                context: &empty,
            },
            GroupInput {
                doc: 1,
                text: b,
                speaker: Some("Ali Khamenei"),
                claim: Some(1),
                context: &empty,
            },
        ]);
        let spans: Vec<Vec<&str>> = got[0]
            .differing
            .iter()
            .zip([a, b])
            .map(|(d, t)| d.iter().map(|&(s, e)| &t[s..e]).collect())
            .collect();
        assert_eq!(spans, vec![vec!["harsh"], vec!["severe"]]);
        assert!(got[0].conflicting_speakers.is_empty());

        let conflict = group(&[
            GroupInput {
                doc: 0,
                text: "the Americans will not protect you",
                speaker: Some("Bashar al-Assad"),
                claim: None,
                context: &empty,
            },
            GroupInput {
                doc: 1,
                text: "The Americans will not protect you",
                speaker: Some("Ali Khamenei"),
                claim: None,
                context: &empty,
            },
        ]);
        assert_eq!(
            conflict[0].conflicting_speakers,
            ["Ali Khamenei", "Bashar al-Assad"]
        );
    }

    /// In a large group, members past the first few are marked against the
    /// same first few, once per wording: repeats get the same marks.
    #[test]
    fn large_groups_mark_each_wording_against_the_first_members() {
        let empty = BTreeSet::new();
        let texts: Vec<&str> = (0..30)
            .map(|k| match k % 3 {
                0 | 1 if k < 14 => "a harsh blow to US plans",
                0 => "a severe blow to US plans",
                1 => "a harsh blow to US plans in the region",
                _ => "harsh blow to US plans",
            })
            .collect();
        let inputs: Vec<GroupInput> = texts
            .iter()
            .enumerate()
            .map(|(doc, text)| GroupInput {
                doc,
                text,
                speaker: Some("Ali Khamenei"),
                claim: Some(7),
                context: &empty,
            })
            .collect();
        let got = group(&inputs);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].members, (0..30).collect::<Vec<_>>());
        let marked = |m: usize| -> Vec<&str> {
            got[0].differing[m]
                .iter()
                .map(|&(s, e)| &texts[m][s..e])
                .collect()
        };
        assert_eq!(marked(15), ["severe"]);
        assert_eq!(marked(27), ["severe"]);
        assert_eq!(marked(16), ["in", "the", "region"]);
        assert!(marked(17).is_empty() && marked(0).is_empty());
    }
}
