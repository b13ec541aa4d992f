//! One name per speaker across documents: every quotation's speaker (as each
//! document names them) in, a canonical name per quotation and the list of
//! speakers with their aliases and documents out.
//!
//! Two names are one person when their surnames fold to the same key
//! (transliterations: "Qassem"/"Qasem") and their first names, where both
//! give one, agree. Titles and honorifics in front of a person's name ("Rep.",
//! "Representative", "Mr.", "Prime Minister") are aliases, not part of the
//! name. A surname alone ("Mr. Jordan") is the person the corpus names in
//! full only when it names exactly one person with that surname; with two
//! ("Hillary Clinton", "Bill Clinton") it stays a speaker of its own, so the
//! ambiguity shows instead of being guessed (issue 16, point 2). A speaker
//! given only by role ("Iran's supreme leader") takes the person some
//! document names in that role.

use super::names::{fold_name_word, tokenize};
use super::speakers::surname_key;
use super::Quote;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One quotation's speaker as its document gives it.
pub struct SpeakerMention<'a> {
    pub doc: usize,
    pub quote: &'a Quote,
}

#[derive(Default)]
struct Entity {
    person: bool,
    first: Option<String>,
    /// Full names by how often they were given.
    names: BTreeMap<String, usize>,
    aliases: BTreeSet<String>,
    roles: BTreeSet<String>,
    docs: BTreeSet<usize>,
}

fn name_words(name: &str) -> Vec<String> {
    tokenize(name, 0, name.len())
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.bare().to_string())
        .collect()
}

/// A person's name without the titles and honorifics in front of it
/// ("Representative Darrell Issa": "Darrell Issa"; "Mr. Jordan": "Jordan").
/// A name that is all titles is kept whole: it is a description.
fn without_titles(name: &str) -> &str {
    let toks = tokenize(name, 0, name.len());
    let first_name_word = toks
        .iter()
        .position(|t| t.is_word() && !super::names::is_title(t.text));
    match first_name_word {
        Some(i) if toks[..i].iter().any(|t| t.is_word()) => &name[toks[i].start..],
        _ => name,
    }
}

/// The longest tail of `name` the corpus confirms as a whole name, when
/// `name` has words glued in front of it ("Apologizes Jane Roe" when some
/// outlet gives "Jane Roe"); `name` itself otherwise. Issue 16, point 4.
fn confirmed_tail<'a>(name: &'a str, confirmed: &BTreeSet<String>) -> &'a str {
    let words: Vec<_> = tokenize(name, 0, name.len())
        .into_iter()
        .filter(|t| t.is_word())
        .collect();
    for k in 1..words.len().saturating_sub(1) {
        let tail = &name[words[k].start..];
        if words[k].is_capitalised() && confirmed.contains(tail) {
            // Titles just before the name stay with it: they are aliases.
            let mut from = k;
            while from > 0 && super::names::is_title(words[from - 1].text) {
                from -= 1;
            }
            return &name[words[from].start..];
        }
    }
    name
}

/// The initials of a name's capitalised words ("Syrian Arab News Agency":
/// "SANA"; "Islamic Republic News Agency": "IRNA").
fn initials(name: &str) -> String {
    name_words(name)
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// A name that is itself initials: one word of two to six capitals.
fn is_initials(name: &str) -> bool {
    (2..=6).contains(&name.chars().count()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// An organisation given by its initials ("SANA") is the one some document
/// names in full ("Syrian Arab News Agency"), when exactly one does.
fn merge_initials(entities: &mut [Entity], of_mention: &mut [Option<usize>]) {
    for a in 0..entities.len() {
        let only_initials = !entities[a].person
            && !entities[a].names.is_empty()
            && entities[a].names.keys().all(|n| is_initials(n));
        if !only_initials {
            continue;
        }
        let given: BTreeSet<&String> = entities[a].names.keys().collect();
        let full: Vec<usize> = (0..entities.len())
            .filter(|&b| {
                b != a
                    && !entities[b].person
                    && entities[b]
                        .names
                        .keys()
                        .any(|n| !is_initials(n) && given.contains(&initials(n)))
            })
            .collect();
        let [into] = full[..] else { continue };
        let moved = std::mem::take(&mut entities[a]);
        let target = &mut entities[into];
        for (name, count) in moved.names {
            *target.names.entry(name).or_default() += count;
        }
        target.roles.extend(moved.roles);
        for e in of_mention.iter_mut().filter(|e| **e == Some(a)) {
            *e = Some(into);
        }
    }
}

/// A speaker of the corpus: the canonical name, the other names its
/// documents give it, and those documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub aliases: Vec<String>,
    pub docs: Vec<usize>,
    /// True when `name` is a description ("a senior official who asked not
    /// to be named"), not a name.
    pub described: bool,
}

/// Canonical speakers: per mention (same order) its speaker's name and
/// whether that is a description rather than a name, and the speakers list.
pub struct Canonical {
    pub names: Vec<Option<String>>,
    pub described: Vec<bool>,
    pub speakers: Vec<Speaker>,
}

/// Canonical speaker per mention (same order), and the speakers list.
pub fn canonical_speakers(mentions: &[SpeakerMention]) -> Canonical {
    let mut entities: Vec<Entity> = Vec::new();
    let mut of_mention: Vec<Option<usize>> = vec![None; mentions.len()];
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    // A person's name as compared and shown: titles are aliases.
    let untitled = |q: &Quote| -> Option<String> {
        let name = q.speaker.as_deref()?;
        Some(if q.speaker_is_person {
            without_titles(name).to_string()
        } else {
            name.to_string()
        })
    };
    // Names of two words or more the corpus gives as a whole: a longer
    // run ending in one of them carries glued words in front.
    let confirmed: BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.quote.speaker_is_person)
        .filter_map(|m| untitled(m.quote))
        .filter(|n| name_words(n).len() >= 2)
        .collect();
    let bare_name = |q: &Quote| -> Option<String> {
        let name = untitled(q)?;
        Some(if q.speaker_is_person {
            without_titles(confirmed_tail(&name, &confirmed)).to_string()
        } else {
            name
        })
    };
    // Named speakers, fullest names first so surnames attach to them.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| {
        std::cmp::Reverse(bare_name(mentions[i].quote).map_or(0, |s| name_words(&s).len()))
    });
    for &i in &order {
        let q = mentions[i].quote;
        let Some(name) = q.speaker.as_deref() else {
            continue;
        };
        let described_only = q.speaker_given.as_deref() == Some(name)
            && q.speaker_role.is_some()
            && q.speaker_is_person
            && name.chars().next().is_some_and(char::is_lowercase)
            || (q.speaker_role.is_some()
                && name_words(name).iter().all(|w| {
                    super::names::is_title(w)
                        || w.to_lowercase() == "the"
                        || super::names::country_of(w).is_some()
                }));
        if described_only || q.speaker_described {
            // Resolved by role below, or a description ("a worker at the
            // plant"), which names no one and is never merged with a name.
            continue;
        }
        let bare = bare_name(q).unwrap_or_default();
        let name = bare.as_str();
        let words = name_words(name);
        let surname = surname_key(&words);
        let first = (words.len() >= 2).then(|| fold_name_word(&words[0]));
        let candidates: Vec<usize> = by_surname
            .get(&surname)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&e| {
                let e = &entities[e];
                e.person == q.speaker_is_person
                    && (first.is_none() || e.first.is_none() || e.first == first)
            })
            .collect();
        // A surname alone that fits several people is not guessed: it
        // becomes (or joins) the entity of that bare surname.
        let found = match candidates[..] {
            [one] => Some(one),
            [] => None,
            _ if first.is_some() => candidates
                .iter()
                .copied()
                .find(|&e| entities[e].first == first),
            _ => candidates
                .iter()
                .copied()
                .find(|&e| entities[e].first.is_none()),
        };
        let e = match found {
            Some(e) => e,
            None => {
                by_surname.entry(surname).or_default().push(entities.len());
                entities.push(Entity {
                    person: q.speaker_is_person,
                    first: first.clone(),
                    ..Entity::default()
                });
                entities.len() - 1
            }
        };
        let ent = &mut entities[e];
        if ent.first.is_none() {
            ent.first = first;
        }
        *ent.names.entry(name.to_string()).or_default() += 1;
        if let Some(r) = &q.speaker_role {
            ent.roles.insert(r.clone());
        }
        of_mention[i] = Some(e);
    }
    merge_initials(&mut entities, &mut of_mention);
    // Speakers given by role only: the one entity that holds the role.
    let mut role_holders: HashMap<&str, Vec<usize>> = HashMap::new();
    for (e, ent) in entities.iter().enumerate() {
        let bare: BTreeSet<&str> = ent
            .roles
            .iter()
            .map(|r| r.rsplit(' ').next().unwrap_or(r))
            .collect();
        for r in bare {
            role_holders.entry(r).or_default().push(e);
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        if of_mention[i].is_some() || m.quote.speaker.is_none() {
            continue;
        }
        let Some(role) = &m.quote.speaker_role else {
            continue;
        };
        let bare_role = role.rsplit(' ').next().unwrap_or(role);
        let holders: Vec<usize> = role_holders
            .get(bare_role)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&e| {
                entities[e].roles.iter().any(|r| {
                    r == role || (!role.contains(' ') && r.rsplit(' ').next() == Some(bare_role))
                })
            })
            .collect();
        if holders.len() == 1 {
            of_mention[i] = Some(holders[0]);
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        if let Some(e) = of_mention[i] {
            let ent = &mut entities[e];
            ent.docs.insert(m.doc);
            // Pronouns ("he") name no one on their own: not aliases.
            for alias in [m.quote.speaker.as_deref(), m.quote.speaker_given.as_deref()]
                .into_iter()
                .flatten()
                .filter(|a| !matches!(*a, "he" | "she" | "He" | "She"))
            {
                // Shown without words glued in front ("Getty Images ...").
                let alias = if m.quote.speaker_is_person {
                    confirmed_tail(alias, &confirmed)
                } else {
                    alias
                };
                ent.aliases.insert(alias.to_string());
            }
        }
    }
    let canonical: Vec<String> = entities
        .iter()
        .map(|e| {
            e.names
                .iter()
                .max_by_key(|(n, count)| (name_words(n).len() >= 2, **count, n.len()))
                .map(|(n, _)| n.clone())
                .unwrap_or_default()
        })
        .collect();
    let per_mention = (0..mentions.len())
        .map(|i| match of_mention[i] {
            Some(e) => Some(canonical[e].clone()),
            // A description no document ties to a name stays as given.
            None => mentions[i].quote.speaker.clone(),
        })
        .collect();
    let mut speakers: Vec<Speaker> = entities
        .into_iter()
        .zip(canonical)
        .filter(|(e, _)| !e.docs.is_empty())
        .map(|(e, name)| Speaker {
            aliases: e.aliases.into_iter().filter(|a| *a != name).collect(),
            name,
            docs: e.docs.into_iter().collect(),
            described: false,
        })
        .collect();
    // Unresolved descriptions are speakers too, under the words given.
    // A description and a name spelled alike stay two speakers.
    let mut unresolved: BTreeMap<(String, bool), BTreeSet<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if of_mention[i].is_none() {
            if let Some(s) = &m.quote.speaker {
                unresolved
                    .entry((s.clone(), m.quote.speaker_described))
                    .or_default()
                    .insert(m.doc);
            }
        }
    }
    speakers.extend(
        unresolved
            .into_iter()
            .map(|((name, described), docs)| Speaker {
                name,
                aliases: Vec::new(),
                docs: docs.into_iter().collect(),
                described,
            }),
    );
    crate::order::sort_by(&mut speakers, |a, b| {
        b.docs
            .len()
            .cmp(&a.docs.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    let described = (0..mentions.len())
        .map(|i| of_mention[i].is_none() && mentions[i].quote.speaker_described)
        .collect();
    Canonical {
        names: per_mention,
        described,
        speakers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::QuoteKind;

    fn quote(speaker: &str, given: &str, role: Option<&str>, person: bool) -> Quote {
        Quote {
            start: 0,
            end: 0,
            sentence: 0,
            speaker: Some(speaker.to_string()),
            cue: None,
            kind: QuoteKind::Statement,
            speaker_given: Some(given.to_string()),
            speaker_role: role.map(str::to_string),
            speaker_is_person: person,
            speaker_described: false,
            open: 0,
            close: 0,
            closed: true,
            depth: 0,
            context: (0, 0),
        }
    }

    /// Each quotation's canonical speaker ("" for none), and the speakers.
    fn speakers_of(quotes: &[(usize, Quote)]) -> (Vec<String>, Vec<Speaker>) {
        let mentions: Vec<SpeakerMention> = quotes
            .iter()
            .map(|(doc, quote)| SpeakerMention { doc: *doc, quote })
            .collect();
        let c = canonical_speakers(&mentions);
        (
            c.names.into_iter().map(Option::unwrap_or_default).collect(),
            c.speakers,
        )
    }

    #[test]
    fn words_glued_before_a_confirmed_name_are_dropped() {
        // Issue 16, point 4: one outlet glues a headline word or a credit
        // to the name another outlet gives alone.
        for glued in [
            "Apologizes Jane Roe",
            "Getty Images Jane Roe",
            "Dakota Jane Roe",
        ] {
            let quotes = [
                (0, quote(glued, glued, None, true)),
                (1, quote("Jane Roe", "Representative Jane Roe", None, true)),
                (2, quote("Jane Roe", "Roe", None, true)),
            ];
            let (names, speakers) = speakers_of(&quotes);
            assert_eq!(names, ["Jane Roe"; 3], "{glued}");
            assert_eq!(speakers.len(), 1, "{glued}");
            assert!(
                speakers[0].aliases.iter().all(|a| !a.contains(glued)),
                "{glued}: {:?}",
                speakers[0].aliases
            );
        }
        // Unconfirmed, a three-word name stays whole.
        let quotes = [(0, quote("Mary Ann Roe", "Mary Ann Roe", None, true))];
        assert_eq!(speakers_of(&quotes).0, ["Mary Ann Roe"]);
    }

    #[test]
    fn spellings_titles_and_roles_fold_to_one_speaker() {
        let quotes = [
            (0, quote("Ali Khamenei", "Khamenei", Some("leader"), true)),
            (
                1,
                quote(
                    "Ali Khamenei",
                    "Ayatollah Seyyed Ali Khamenei",
                    Some("leader"),
                    true,
                ),
            ),
            (
                2,
                quote(
                    "Khamenei",
                    "Iran's supreme leader",
                    Some("iran leader"),
                    true,
                ),
            ),
            (
                3,
                quote(
                    "Iran’s supreme leader",
                    "Iran’s supreme leader",
                    Some("iran leader"),
                    true,
                ),
            ),
            (0, quote("Qassem Soleimani", "Soleimani", None, true)),
            (2, quote("Qasem Soleimani", "Qasem Soleimani", None, true)),
            (1, quote("Hillary Clinton", "Clinton", None, true)),
            (1, quote("Bill Clinton", "Bill Clinton", None, true)),
            (4, quote("Reuters", "Reuters", None, false)),
        ];
        let (names, speakers) = speakers_of(&quotes);
        assert_eq!(
            names,
            [
                "Ali Khamenei",
                "Ali Khamenei",
                "Ali Khamenei",
                "Ali Khamenei",
                "Qassem Soleimani",
                "Qassem Soleimani",
                "Hillary Clinton",
                "Bill Clinton",
                "Reuters"
            ]
        );
        let khamenei = speakers.iter().find(|s| s.name == "Ali Khamenei").unwrap();
        assert_eq!(khamenei.docs, [0, 1, 2, 3]);
        assert!(khamenei
            .aliases
            .contains(&"Iran’s supreme leader".to_string()));
    }

    #[test]
    fn initials_are_the_organisation_named_in_full() {
        let quotes = [
            (1, quote("SANA", "SANA", None, false)),
            (
                2,
                quote(
                    "Syrian Arab News Agency",
                    "Syrian Arab News Agency",
                    None,
                    false,
                ),
            ),
            // Two organisations with these initials: "AP" stays as given.
            (0, quote("AP", "AP", None, false)),
            (
                1,
                quote("Associated Press", "Associated Press", None, false),
            ),
            (2, quote("Arab Post", "Arab Post", None, false)),
            // A person's initials are not an organisation's.
            (3, quote("JFK", "JFK", None, true)),
            (
                3,
                quote("Jersey Fire Korps", "Jersey Fire Korps", None, false),
            ),
        ];
        let (names, speakers) = speakers_of(&quotes);
        assert_eq!(
            names,
            [
                "Syrian Arab News Agency",
                "Syrian Arab News Agency",
                "AP",
                "Associated Press",
                "Arab Post",
                "JFK",
                "Jersey Fire Korps"
            ]
        );
        let sana = speakers
            .iter()
            .find(|s| s.name == "Syrian Arab News Agency")
            .expect("one speaker");
        assert_eq!(sana.aliases, ["SANA"]);
        assert_eq!(sana.docs, [1, 2]);
        assert_eq!(speakers.len(), 6);
    }

    #[test]
    fn titles_are_aliases_and_a_lone_surname_resolves_when_unambiguous() {
        let quotes = [
            (
                0,
                quote(
                    "Representative Darrell Issa",
                    "Representative Darrell Issa",
                    None,
                    true,
                ),
            ),
            (1, quote("Darrell Issa", "Rep. Darrell Issa", None, true)),
            (
                0,
                quote("Elijah E Cummings", "Elijah E Cummings", None, true),
            ),
            (
                1,
                quote("Elijah E. Cummings", "Rep. Elijah E. Cummings", None, true),
            ),
            (2, quote("Cummings", "Cummings", None, true)),
            (0, quote("Mr. Jordan", "Mr. Jordan", None, true)),
            (1, quote("Jim Jordan", "Jim Jordan", None, true)),
            (
                2,
                quote(
                    "Prime Minister Benjamin Netanyahu",
                    "Prime Minister Benjamin Netanyahu",
                    None,
                    true,
                ),
            ),
            (0, quote("Netanyahu", "Mr. Netanyahu", None, true)),
        ];
        let (names, speakers) = speakers_of(&quotes);
        assert_eq!(
            names,
            [
                "Darrell Issa",
                "Darrell Issa",
                "Elijah E. Cummings",
                "Elijah E. Cummings",
                "Elijah E. Cummings",
                "Jim Jordan",
                "Jim Jordan",
                "Benjamin Netanyahu",
                "Benjamin Netanyahu"
            ]
        );
        let issa = speakers.iter().find(|s| s.name == "Darrell Issa").unwrap();
        assert_eq!(issa.docs, [0, 1]);
        assert!(issa
            .aliases
            .contains(&"Representative Darrell Issa".to_string()));
        assert!(issa.aliases.contains(&"Rep. Darrell Issa".to_string()));
        let jordan = speakers.iter().find(|s| s.name == "Jim Jordan").unwrap();
        assert!(jordan.aliases.contains(&"Mr. Jordan".to_string()));
        assert_eq!(speakers.len(), 4);
    }

    #[test]
    fn a_lone_surname_two_people_share_stays_visible() {
        let quotes = [
            (0, quote("Hillary Clinton", "Hillary Clinton", None, true)),
            (1, quote("Bill Clinton", "Bill Clinton", None, true)),
            (2, quote("Mrs. Clinton", "Mrs. Clinton", None, true)),
            (2, quote("Clinton", "Clinton", None, true)),
        ];
        let (names, speakers) = speakers_of(&quotes);
        assert_eq!(
            names,
            ["Hillary Clinton", "Bill Clinton", "Clinton", "Clinton"]
        );
        assert_eq!(speakers.len(), 3);
        let lone = speakers.iter().find(|s| s.name == "Clinton").unwrap();
        assert_eq!(lone.docs, [2]);
    }

    #[test]
    fn a_description_is_never_merged_with_a_name() {
        let mut worker = quote(
            "a worker at the plant",
            "a worker at the plant",
            None,
            false,
        );
        worker.speaker_described = true;
        let mut plant = quote("Plant", "Plant", None, true);
        plant.speaker_described = true;
        let quotes = [
            (0, worker),
            (1, quote("Ann Plant", "Ann Plant", None, true)),
            (2, plant),
        ];
        let mentions: Vec<SpeakerMention> = quotes
            .iter()
            .map(|(doc, quote)| SpeakerMention { doc: *doc, quote })
            .collect();
        let c = canonical_speakers(&mentions);
        assert_eq!(
            c.names,
            [
                Some("a worker at the plant".to_string()),
                Some("Ann Plant".to_string()),
                Some("Plant".to_string())
            ]
        );
        assert_eq!(c.described, [true, false, true]);
        let worker = c
            .speakers
            .iter()
            .find(|s| s.name == "a worker at the plant")
            .unwrap();
        assert!(worker.described);
        assert_eq!(c.speakers.len(), 3);
    }
}
