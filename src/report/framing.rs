//! Framing: the Report's claims and quote groups in; each difference between
//! two outlets' wordings of one claim, classified (label, reporting verb,
//! hedge or attribution, evaluative word, detail), and per outlet the terms,
//! reporting verbs and hedges it chose, out.
//!
//! Method. Every two wordings of a claim (from different documents) are
//! aligned word by word (longest common subsequence of lower-cased words);
//! the words before a shared anchor form a *slot*, filled differently by
//! the two outlets. Two outlets putting different short expressions in the
//! same slot of two close wordings of one claim is the corpus's evidence that
//! both name the same actor or thing: labels are found that way, never from
//! a list. Word lists only sort the rest: reporting verbs, hedges and
//! attributions, evaluative and loaded words (see [`REPORTING`], [`HEDGES`],
//! [`EVALUATIVE`], [`LOADED`]); wordings too far apart for slots still give
//! the listed words only one outlet uses (`whole_claim`). Differences of
//! numbers are left to the discrepancies (`align::discrepancy`).

use crate::report::{ClaimOut, QuoteGroupOut, Report};
use crate::semantic::WordVectors;
use crate::span::Utf16Index;
use serde::Serialize;

/// Reporting verbs, lemma first then its other forms. Chosen by hand from
/// the members of VerbNet 3.3's verb classes say-37.7, complain-37.8,
/// advise-37.9, declare-29.4 and judgment-33 that news uses to report
/// speech (Kipper Schuler et al.; the class names are the source, the list
/// is our own selection), with news verbs of loaded reporting (slam, blast).
pub const REPORTING: &[&[&str]] = &[
    &["say", "said", "says", "saying"],
    &["claim", "claimed", "claiming"],
    &["stress", "stressed", "stresses", "stressing"],
    &[
        "emphasize",
        "emphasized",
        "emphasizes",
        "emphasised",
        "emphasises",
    ],
    &["insist", "insisted", "insists", "insisting"],
    &["admit", "admitted", "admits", "admitting"],
    &["acknowledge", "acknowledged", "acknowledges"],
    &["concede", "conceded", "concedes"],
    &["warn", "warned", "warns"],
    &["tell", "told", "tells"],
    &["announce", "announced", "announces"],
    &["declare", "declared", "declares"],
    &["state", "stated"],
    &["note", "noted"],
    &["add", "added", "adds"],
    &["assert", "asserted", "asserts"],
    &["argue", "argued", "argues", "arguing"],
    &["contend", "contended", "contends"],
    &["maintain", "maintained", "maintains"],
    &["allege", "alleged", "alleges"],
    &["deny", "denied", "denies"],
    &["accuse", "accused", "accuses"],
    &["charge", "charged"],
    &["explain", "explained", "explains"],
    &["suggest", "suggested", "suggests"],
    &["boast", "boasted", "boasts"],
    &["complain", "complained", "complains"],
    &["lament", "lamented", "laments"],
    &["vow", "vowed"],
    &["pledge", "pledged"],
    &["promise", "promised"],
    &["threaten", "threatened", "threatens"],
    &["urge", "urged", "urges"],
    &["confirm", "confirmed", "confirms"],
    &["reveal", "revealed", "reveals"],
    &["reported"],
    &["write", "wrote", "writes"],
    &["tweet", "tweeted"],
    &["slam", "slammed"],
    &["blast", "blasted"],
    &["criticize", "criticized", "criticizes", "criticised"],
    &["praise", "praised"],
    &["describe", "described", "describes"],
    &["call", "called"],
    &["predict", "predicted", "predicts"],
    &["insinuate", "insinuated"],
    &["concur", "concurred"],
    &["reiterate", "reiterated", "reiterates"],
    &["assure", "assured", "assures"],
    &["demand", "demanded"],
];

/// Hedges and attributions that make a statement someone's, or less than
/// sure. The epistemic hedges are a selection from Hyland's list of hedges
/// (Metadiscourse, 2005, appendix; the modals may, might and could left
/// out: in news they mostly mark a different clause, not a hedged fact),
/// the attributions (reportedly, according to) from the report-verb hedges
/// of Recasens et al., "Linguistic Models for Analyzing and Detecting Biased
/// Language" (ACL 2013). Multi-word entries are matched word by word.
pub const HEDGES: &[&str] = &[
    "according to",
    "reportedly",
    "allegedly",
    "alleged",
    "purportedly",
    "purported",
    "supposedly",
    "apparently",
    "apparent",
    "seemingly",
    "presumably",
    "probably",
    "possibly",
    "perhaps",
    "maybe",
    "likely",
    "unlikely",
    "appears",
    "appeared",
    "seems",
    "seemed",
    "suspected",
    "unconfirmed",
    "unverified",
    "it is believed",
    "is believed",
    "are believed",
    "is thought",
    "are thought",
];

/// Evaluative and intensifying words: our own list, after the "subjective
/// intensifiers" and loaded words of Recasens et al. (ACL 2013) and the
/// examples of issue 18 (brutal, so-called, key, heroic).
#[rustfmt::skip]
pub const EVALUATIVE: &[&str] = &[
    "brutal", "brutally", "so-called", "key", "heroic", "very", "extremely", "deeply",
    "highly", "massive", "huge", "major", "historic", "dramatic", "dramatically",
    "controversial", "radical", "extremist", "notorious", "infamous", "shocking",
    "stunning", "outrageous", "disastrous", "devastating", "horrific", "bloody",
    "ruthless", "vicious", "savage", "fierce", "fiercely", "sharply", "harsh",
    "harshly", "bitter", "bitterly", "strongly", "staunch", "hardline", "hard-line",
    "far-right", "far-left", "embattled", "beleaguered", "disgraced", "reckless",
    "dangerous", "alarming", "unprecedented", "sweeping", "landmark", "crucial", "vital", "clearly", "obviously", "indeed", "truly", "really",
    "tough", "aggressive", "aggressively", "bold", "boldly", "bizarre", "chaotic",
    "explosive", "furious", "angry", "angrily", "hateful", "racist", "dire", "grave",
    "slim", "narrowly", "blatant", "blatantly", "desperate", "desperately", "defiant",
    "scathing", "bombshell", "draconian", "extreme", "hostile", "infuriated",
    "inflammatory", "mere", "merely", "terrible", "terror",
    "atrocities", "atrocity", "massacre", "slaughter", "onslaught", "crackdown",
    "heavy-handed", "illegal", "illegitimate", "puppet", "lavish", "notable",
];

/// Words that carry no content of their own: a slot holding only these is
/// not a label, and a label does not start or end with them.
#[rustfmt::skip]
const FUNCTION: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "that", "this", "these", "those", "which", "who", "whom", "whose", "it",
    "its", "is", "are", "was", "were", "be", "been", "has", "have", "had", "he", "she",
    "they", "his", "her", "their", "him", "them", "we", "our", "us", "i", "you", "not",
    "also", "there", "than", "then", "into", "over", "about", "after", "before", "while",
    "during", "since", "when", "where", "will", "would", "did", "do", "does", "s",
    "upon", "all", "some", "any", "both", "such", "said", "mr", "mrs", "ms", "dr", "amid",
    "between", "against", "through", "under", "so", "if", "because", "can", "could", "may",
    "might", "should", "must", "being", "more", "most", "very", "just", "only", "even",
];

/// Words a label may hold inside it ("rebels and militants", "leader of
/// the opposition"); any other function word makes the slot a phrase.
const LABEL_GLUE: &[&str] = &["and", "of", "the", "a", "an"];

#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
    "thousand", "thousands", "million", "millions", "billion", "dozen", "dozens",
    // Ordinals and their kin: a different one is a discrepancy, not a label.
    "first", "second", "third", "fourth", "fifth", "last", "former", "latter", "same",
    "next", "previous",
];

/// A slot filled with more words than this on either side is a rephrasing,
/// not two names for one thing.
const MAX_LABEL_WORDS: usize = 4;

/// Two wordings whose content words are shared below this share (of the
/// shorter's) say different things: nothing of theirs is compared.
const MIN_SHARED: f64 = 0.3;

/// A label needs wordings this close: only then are the slots surely the
/// same place in one statement.
const MIN_SHARED_LABEL: f64 = 0.6;

/// The kind of a framing difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FramingKind {
    /// Different expressions in the same slot: two names for one referent.
    Label,
    /// A different verb of saying (said / claimed).
    ReportingVerb,
    /// A hedge or attribution on one side, absent or other on the other.
    Hedge,
    /// An evaluative or intensifying word only some outlets use.
    Evaluative,
    /// A number, a name or a clause only some outlets include.
    Detail,
}

impl FramingKind {
    /// The name used in the JSON, the CSV and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            FramingKind::Label => "label",
            FramingKind::ReportingVerb => "reporting_verb",
            FramingKind::Hedge => "hedge",
            FramingKind::Evaluative => "evaluative",
            FramingKind::Detail => "detail",
        }
    }
}

/// One classified difference: which claim (or quote group), and what each
/// outlet's wording puts there.
#[derive(Debug, Clone, Serialize)]
pub struct FramingOut {
    pub kind: FramingKind,
    /// The claim (`claims[].id`), for a difference between claim wordings.
    pub claim: Option<usize>,
    /// The quote group (`quote_groups[].id`), for one between quotations.
    pub quote_group: Option<usize>,
    /// One entry per wording compared, the label's (or first quotation's)
    /// first; `text` empty when that wording has nothing in the slot.
    pub wordings: Vec<FramingTerm>,
}

/// What one wording puts in a slot.
#[derive(Debug, Clone, Serialize)]
pub struct FramingTerm {
    pub doc: usize,
    /// The sentence (`sentences[].id`) the words are in.
    pub sentence: usize,
    /// The quotation (`quotes[].id`), in a quote group's difference.
    pub quote: Option<usize>,
    /// The words as the text gives them; empty when absent.
    pub text: String,
    /// UTF-16 range of `text` relative to the sentence's text (or, with
    /// `quote`, to the quotation's text); absent when `text` is empty or
    /// is a quotation's cue.
    pub span: Option<[usize; 2]>,
}

/// Per outlet: what it chose where others chose otherwise.
#[derive(Debug, Clone, Serialize)]
pub struct OutletFraming {
    /// The outlet's name (`documents[].outlet`, else its title or file).
    pub outlet: String,
    /// Its documents (`documents[].id`), ascending.
    pub docs: Vec<usize>,
    /// Its labels, each with what other outlets put in the same slot.
    pub labels: Vec<TermUse>,
    pub reporting_verbs: Vec<TermUse>,
    pub hedges: Vec<TermUse>,
    pub evaluative: Vec<TermUse>,
}

/// A term an outlet used, where, and what the others used instead.
#[derive(Debug, Clone, Serialize)]
pub struct TermUse {
    /// As the outlet's first use writes it.
    pub term: String,
    /// The other outlets' words in the same slots ("" for none), distinct.
    pub others: Vec<String>,
    /// Claims (`claims[].id`) where it was used, ascending.
    pub claims: Vec<usize>,
    /// Quote groups (`quote_groups[].id`) where it was used, ascending.
    pub quote_groups: Vec<usize>,
}

/// A word of a text: its byte span and lower-cased form.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    norm: String,
}

/// The words of `text`: runs of letters and digits, joined across an inner
/// apostrophe, hyphen, or a period or comma between digits or capitals
/// ("U.S.", "400,000", "so-called").
fn words(text: &str) -> Vec<Word> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].1.is_alphanumeric() {
            k += 1;
            continue;
        }
        let start = chars[k].0;
        let mut j = k + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|x| x.1);
            let prev = chars[j - 1].1;
            let joins = match c {
                '\'' | '’' | '-' => next.is_some_and(char::is_alphanumeric),
                ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                '.' => {
                    (prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()))
                        || (prev.is_uppercase() && next.is_some_and(char::is_uppercase))
                }
                _ => false,
            };
            if !joins {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |x| x.0);
        // A possessive is the same word ("president's" / "president").
        let norm = text[start..end].to_lowercase().replace('’', "'");
        let norm = match norm.strip_suffix("'s") {
            Some(stem) if !stem.is_empty() => stem.to_string(),
            _ => norm,
        };
        out.push(Word { start, end, norm });
        k = j;
    }
    out
}

/// Longest common subsequence of two word lists: the matched index pairs,
/// ascending. Inputs are capped at 300 words (a longer wording is compared
/// on its first 300) so the table stays small.
fn lcs(a: &[Word], b: &[Word]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len().min(300), b.len().min(300));
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * (m + 1) + j] = if a[i].norm == b[j].norm {
                t[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i].norm == b[j].norm {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn is_function(w: &str) -> bool {
    FUNCTION.contains(&w)
}

fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&w)
}

/// Reporting verbs that only carry the speech act (say, tell, state, note,
/// add, write, announce, explain, describe, call, confirm, reiterate,
/// report, tweet): Caldas-Coulthard's "neutral structuring" verbs
/// ("On reporting reporting", in Coulthard ed., Advances in Written Text
/// Analysis, 1994). Every other verb of [`REPORTING`] tells the reader how
/// to take the words (claim, admit, insist, concede, slam), so one outlet
/// choosing it where the others report no act of saying is itself a
/// choice of wording.
#[rustfmt::skip]
const NEUTRAL_REPORTING: &[&str] = &[
    "say", "tell", "state", "note", "add", "write", "announce", "explain", "describe", "call",
    "confirm", "reiterate", "reported", "tweet",
];

/// Whether the reporting verb `lemma` (as [`reporting_lemma`] gives it)
/// takes a stance on what was said (see [`NEUTRAL_REPORTING`]).
fn is_stance_verb(lemma: &str) -> bool {
    !NEUTRAL_REPORTING.contains(&lemma)
}

/// The lemma of a reporting verb form, if `w` is one.
pub fn reporting_lemma(w: &str) -> Option<&'static str> {
    // The lemma "state" is also a noun ("the State Department"): only its
    // past form counts.
    if w == "state" {
        return None;
    }
    REPORTING
        .iter()
        .find(|forms| forms.contains(&w))
        .map(|f| f[0])
}

/// A difference found between two wordings: kind and word ranges (indices
/// into each side's words, half-open; empty when the side has none).
#[derive(Debug, Clone, PartialEq)]
struct Found {
    kind: FramingKind,
    a: (usize, usize),
    b: (usize, usize),
}

/// Hedge phrases starting at word `k` of `ws` within `lo..hi`: the range.
/// "according to" takes the words after it up to the slot's end or a comma.
fn hedge_at(ws: &[Word], text: &str, k: usize, hi: usize) -> Option<(usize, usize)> {
    for h in HEDGES {
        let parts: Vec<&str> = h.split(' ').collect();
        if k + parts.len() > hi {
            continue;
        }
        if parts.iter().enumerate().all(|(i, p)| ws[k + i].norm == *p) {
            let mut end = k + parts.len();
            if *h == "according to" {
                while end < hi && !text[ws[end - 1].end..ws[end].start].contains([',', ';']) {
                    end += 1;
                }
            }
            return Some((k, end));
        }
    }
    None
}

/// Classifies the words of one slot: `a` words `a0..a1` of the first
/// wording against `b` words `b0..b1` of the second. `labels`: whether the
/// wordings are close enough for a label (see [`MIN_SHARED_LABEL`]).
fn classify(
    (at, aw, (a0, a1)): (&str, &[Word], (usize, usize)),
    (bt, bw, (b0, b1)): (&str, &[Word], (usize, usize)),
    labels: bool,
    vectors: Option<&WordVectors>,
) -> Vec<Found> {
    let mut found = Vec::new();
    let mut used_a = vec![false; a1 - a0];
    let mut used_b = vec![false; b1 - b0];
    // Reporting verbs: one on each side with different lemmas.
    let verb = |ws: &[Word], lo: usize, hi: usize| {
        (lo..hi).find_map(|k| reporting_lemma(&ws[k].norm).map(|l| (k, l)))
    };
    let (va, vb) = (verb(aw, a0, a1), verb(bw, b0, b1));
    if let (Some((ka, la)), Some((kb, lb))) = (va, vb) {
        if la != lb {
            found.push(Found {
                kind: FramingKind::ReportingVerb,
                a: (ka, ka + 1),
                b: (kb, kb + 1),
            });
            used_a[ka - a0] = true;
            used_b[kb - b0] = true;
        }
    }
    // Hedges: a phrase on one side the other lacks.
    let hedges = |t: &str, ws: &[Word], lo: usize, hi: usize| {
        let mut out = Vec::new();
        let mut k = lo;
        while k < hi {
            if let Some(r) = hedge_at(ws, t, k, hi) {
                out.push(r);
                k = r.1;
            } else {
                k += 1;
            }
        }
        out
    };
    let (ha, hb) = (hedges(at, aw, a0, a1), hedges(bt, bw, b0, b1));
    let key = |ws: &[Word], r: (usize, usize)| ws[r.0].norm.clone();
    for r in &ha {
        if !hb.iter().any(|s| key(bw, *s) == key(aw, *r)) {
            found.push(Found {
                kind: FramingKind::Hedge,
                a: *r,
                b: hb.first().copied().unwrap_or((b0, b0)),
            });
        }
        used_a[r.0 - a0..r.1 - a0]
            .iter_mut()
            .for_each(|u| *u = true);
    }
    for r in &hb {
        if !ha.iter().any(|s| key(aw, *s) == key(bw, *r)) && ha.is_empty() {
            found.push(Found {
                kind: FramingKind::Hedge,
                a: (a0, a0),
                b: *r,
            });
        }
        used_b[r.0 - b0..r.1 - b0]
            .iter_mut()
            .for_each(|u| *u = true);
    }
    // The rest: the longest run of unused words on each side, trimmed of
    // function words.
    // Each run as (trimmed, whole): a label is trimmed, a detail kept whole
    // ("since 2011").
    type Run = ((usize, usize), (usize, usize));
    let rest = |ws: &[Word], lo: usize, hi: usize, used: &[bool]| -> Option<Run> {
        let mut best: Option<Run> = None;
        let mut k = lo;
        while k < hi {
            if used[k - lo] {
                k += 1;
                continue;
            }
            let s = k;
            while k < hi && !used[k - lo] {
                k += 1;
            }
            let (mut s2, mut e2) = (s, k);
            while s2 < e2 && is_function(&ws[s2].norm) {
                s2 += 1;
            }
            while e2 > s2 && is_function(&ws[e2 - 1].norm) {
                e2 -= 1;
            }
            if s2 < e2
                && best.is_none_or(|b: ((usize, usize), (usize, usize))| e2 - s2 > b.0 .1 - b.0 .0)
            {
                best = Some(((s2, e2), (s, k)));
            }
        }
        best
    };
    // A slot two short expressions fill is a label, loaded words and all
    // ("Syrian [President]" / "Syrian [regime leader]"): the evaluative
    // pass leaves it whole.
    let whole_label = labels
        && matches!(
            (rest(aw, a0, a1, &used_a), rest(bw, b0, b1, &used_b)),
            (Some((ra, _)), Some((rb, _))) if is_label(aw, ra, bw, rb)
        );
    if !whole_label {
        // Evaluative words one side has and the other lacks.
        let eval = |t: &str, ws: &[Word], lo: usize, hi: usize, used: &[bool]| -> Vec<usize> {
            // A capital inside the sentence makes it a name ("Major General").
            (lo..hi)
                .filter(|&k| {
                    !used[k - lo]
                        && is_evaluative(&ws[k].norm, vectors)
                        && (k == 0 || !t[ws[k].start..].starts_with(char::is_uppercase))
                })
                .collect()
        };
        let (ea, eb) = (eval(at, aw, a0, a1, &used_a), eval(bt, bw, b0, b1, &used_b));
        // A word the other wording has elsewhere is no difference of wording.
        for &k in &ea {
            if !bw.iter().any(|x| x.norm == aw[k].norm) {
                found.push(Found {
                    kind: FramingKind::Evaluative,
                    a: (k, k + 1),
                    b: (b0, b0),
                });
                used_a[k - a0] = true;
            }
        }
        for &k in &eb {
            if !aw.iter().any(|x| x.norm == bw[k].norm) {
                found.push(Found {
                    kind: FramingKind::Evaluative,
                    a: (a0, a0),
                    b: (k, k + 1),
                });
                used_b[k - b0] = true;
            }
        }
    }
    let (ra, rb) = (rest(aw, a0, a1, &used_a), rest(bw, b0, b1, &used_b));
    match (ra, rb) {
        (Some((ra, _)), Some((rb, _))) => {
            // Differing numbers are the discrepancies' business.
            if labels && is_label(aw, ra, bw, rb) {
                found.push(Found {
                    kind: FramingKind::Label,
                    a: ra,
                    b: rb,
                });
            }
        }
        (Some((_, r)), None) => {
            if is_detail(at, aw, r) {
                found.push(Found {
                    kind: FramingKind::Detail,
                    a: r,
                    b: (b0, b0),
                });
            }
        }
        (None, Some((_, r))) => {
            if is_detail(bt, bw, r) {
                found.push(Found {
                    kind: FramingKind::Detail,
                    a: (a0, a0),
                    b: r,
                });
            }
        }
        (None, None) => {}
    }
    found
}

/// Loaded verbs, nouns and adjectives of political news, by their base
/// form (inflections are matched by [`is_evaluative`]): our own list of
/// words that take a side or raise the temperature where a plain word
/// would do (slam for criticise, regime for government, scheme for plan).
/// Words first added after reading the misses on BASIL's tuning triplets
/// and found in no usual list of loaded language (powerful, complicit,
/// eccentric, barbed, profound, failure, internecine) were taken out again:
/// they fitted those pages, not news.
#[rustfmt::skip]
pub const LOADED: &[&str] = &[
    "slam", "blast", "rail", "lash", "seize", "embrace", "tout", "decry", "denounce",
    "condemn", "assail", "bash", "rip", "scold", "chide", "hammer", "grill", "fume",
    "balk", "cave", "capitulate", "dodge", "flout", "defy", "spurn", "snub", "trumpet",
    "peddle", "spew", "smear", "exploit", "weaponize", "rig", "lurch", "scramble",
    "shameful", "disgraceful", "divisive", "fringe", "incendiary", "baseless",
    "unfounded", "bogus", "misleading", "dubious", "questionable", "heated",
    "contentious", "combative", "scandal-plagued", "troubled", "turmoil", "damning",
    "blistering", "withering", "stinging", "searing", "self-proclaimed",
    "self-styled", "enormous", "staggering", "whopping", "paltry", "meager", "regime",
    "thug", "mob", "crony", "cronies", "scheme", "ploy", "stunt", "hoax", "propaganda",
    "rhetoric", "tirade", "rant", "screed", "diatribe", "outburst", "meltdown", "debacle",
    "fiasco", "boondoggle", "giveaway", "handout", "illegals", "vitriol",
    "vitriolic", "firestorm", "uproar", "outrage", "backlash", "feud", "spat", "clash",
    "showdown", "brawl", "crusade", "purge", "power grab", "gimmick",
];

/// Whether `w` (lower case) is an evaluative word: in [`EVALUATIVE`] or
/// [`LOADED`] (then also inflected: -s, -es, -ed, -d, -ing, a doubled last
/// consonant before -ed or -ing), or, with the word vectors, rated loaded
/// by the learned model ([`crate::align::loaded`]); a manner adverb only when the
/// model cannot rate it.
fn is_evaluative(w: &str, vectors: Option<&WordVectors>) -> bool {
    let rated = vectors.and_then(|v| crate::align::loaded::probability(v, w));
    if rated.is_some_and(|p| p >= crate::align::loaded::THRESHOLD) {
        return true;
    }
    // The -ly rule guesses only where the model cannot rate the word: it
    // tells "sharply" (0.08) from "repeatedly" (0.01), which the suffix
    // does not.
    if EVALUATIVE.contains(&w) || LOADED.contains(&w) || (rated.is_none() && is_manner_adverb(w)) {
        return true;
    }
    ["s", "es", "ed", "d", "ing"].iter().any(|suffix| {
        let Some(stem) = w.strip_suffix(suffix) else {
            return false;
        };
        let undoubled = match stem.as_bytes() {
            [.., a, b] if a == b => &stem[..stem.len() - 1],
            _ => stem,
        };
        stem.len() >= 3
            && (LOADED.contains(&stem)
                || LOADED.contains(&undoubled)
                || LOADED.iter().any(|l| l.strip_suffix('e') == Some(stem)))
    })
}

/// Neutral words ending in -ly: time, frequency, degree of fact, and nouns.
#[rustfmt::skip]
const NEUTRAL_LY: &[&str] = &[
    "only", "early", "daily", "weekly", "monthly", "yearly", "quarterly", "nearly",
    "likely", "unlikely", "reportedly", "allegedly", "supposedly", "apparently",
    "currently", "recently", "previously", "formerly", "publicly", "officially",
    "largely", "mostly", "finally", "initially", "immediately", "directly", "originally",
    "eventually", "separately", "fully", "partly", "roughly", "approximately", "family",
    "july", "italy", "ally", "rally", "reply", "supply", "apply", "holy", "jointly",
    "privately", "personally", "especially", "particularly", "generally", "usually",
    "already", "simply", "actually", "certainly", "probably", "possibly", "exactly",
    "specifically", "primarily", "mainly", "slightly", "briefly", "quickly", "later",
    "lately", "shortly", "newly", "widely", "similarly", "additionally", "respectively",
    "accordingly", "subsequently", "ultimately", "instantly", "seemingly", "presumably",
    "purportedly", "entirely", "completely", "totally", "legally", "politically",
    "federally", "internationally", "nationally", "locally", "financially",
    "economically", "militarily", "socially", "openly", "collectively", "cooperatively",
    "occasionally", "hopefully", "voluntarily", "thoroughly", "early", "fairly",
    "sexually", "relatively", "potentially", "partially", "adequately", "significantly",
    "strictly", "constantly", "consistently", "closely", "uniformly",
];

/// A manner or stance adverb (an -ly word of five letters or more outside
/// [`NEUTRAL_LY`]: "sharply", "vigorously", "unabashedly"): one outlet's
/// colouring of a fact the others state plainly. After the "subjective
/// intensifiers" of Recasens et al. (ACL 2013), found by suffix because
/// the list of such adverbs is open.
fn is_manner_adverb(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ly")
        && w.chars().all(char::is_alphabetic)
        && !NEUTRAL_LY.contains(&w)
}

/// Whether words `ra` of `aw` and `rb` of `bw`, filling one slot, are two
/// labels for one thing: short noun-like phrases (at most
/// [`MAX_LABEL_WORDS`], no function word inside but [`LABEL_GLUE`], no
/// number, no verb of saying, no -ed or -ing word), and not two forms of
/// one word ("president" / "presidents").
fn is_label(aw: &[Word], ra: (usize, usize), bw: &[Word], rb: (usize, usize)) -> bool {
    let ok = |ws: &[Word], r: (usize, usize)| {
        r.1 - r.0 <= MAX_LABEL_WORDS
            && ws[r.0..r.1].iter().all(|w| {
                !is_number(&w.norm)
                    && reporting_lemma(&w.norm).is_none()
                    && (!is_function(&w.norm) || LABEL_GLUE.contains(&w.norm.as_str()))
            })
    };
    if !ok(aw, ra) || !ok(bw, rb) {
        return false;
    }
    let (la, lb) = (&aw[ra.1 - 1].norm, &bw[rb.1 - 1].norm);
    // A participle or past form makes it a verb phrase ("picked",
    // "appointed William Cowan"), not a name for a thing.
    let verb = |ws: &[Word], r: (usize, usize)| {
        ws[r.0..r.1]
            .iter()
            .any(|w| (w.norm.ends_with("ed") || w.norm.ends_with("ing")) && w.norm.len() > 4)
    };
    if verb(aw, ra) || verb(bw, rb) {
        return false;
    }
    // One name spelt two ways ("Bashar al-Assad" / "Bashar Assad",
    // "Qaddafi" / "Gadhafi" aside) is no choice of label.
    let letters = |ws: &[Word], r: (usize, usize)| -> String {
        ws[r.0..r.1]
            .iter()
            .map(|w| w.norm.strip_prefix("al-").unwrap_or(&w.norm))
            .flat_map(|w| w.chars().filter(|c| c.is_alphanumeric()))
            .collect()
    };
    if letters(aw, ra) == letters(bw, rb) {
        return false;
    }
    let one_word = ra.1 - ra.0 == 1 && rb.1 - rb.0 == 1;
    let undouble = |w: &str| {
        let mut out = String::new();
        for c in w.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    };
    let prefix = |a: &str, b: &str| a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    // "pew" / "pews", "Ark" / "Arkansas": one word inflected or cut short.
    let shorter = la.chars().count().min(lb.chars().count());
    !(one_word && (undouble(la) == undouble(lb) || prefix(la, lb) >= shorter.min(4)))
}

/// Whether words `r` of `ws`, absent from the other wording, are a detail:
/// a number, a name (a capitalised word not opening the sentence), or a
/// clause (three or more content words).
fn is_detail(text: &str, ws: &[Word], r: (usize, usize)) -> bool {
    let content = ws[r.0..r.1]
        .iter()
        .filter(|w| !is_function(&w.norm))
        .count();
    let name = (r.0..r.1).any(|k| {
        k > 0 && text[ws[k].start..].starts_with(char::is_uppercase) && !is_function(&ws[k].norm)
    });
    content >= 3 || name || ws[r.0..r.1].iter().any(|w| is_number(&w.norm))
}

/// Extends a label's range to the left by one shared content word (the
/// slot's anchor): "regime leader" / "President" after a shared "Syrian"
/// read "Syrian regime leader" / "Syrian President".
fn widen(aw: &[Word], bw: &[Word], at: &str, bt: &str, f: &mut Found) {
    if f.kind != FramingKind::Label || f.a.0 == 0 || f.b.0 == 0 {
        return;
    }
    let (pa, pb) = (&aw[f.a.0 - 1], &bw[f.b.0 - 1]);
    let tight =
        |t: &str, p: &Word, n: &Word| t.get(p.end..n.start).is_some_and(|g| g.trim().is_empty());
    if pa.norm == pb.norm
        && !is_function(&pa.norm)
        && !is_number(&pa.norm)
        && reporting_lemma(&pa.norm).is_none()
        && tight(at, pa, &aw[f.a.0])
        && tight(bt, pb, &bw[f.b.0])
    {
        f.a.0 -= 1;
        f.b.0 -= 1;
    }
}

/// All differences between wording `a` and wording `b` (texts), as word
/// ranges of each. Slots are the gaps between consecutive shared words;
/// the text before the first and after the last shared word are slots too.
fn compare(
    at: &str,
    aw: &[Word],
    bt: &str,
    bw: &[Word],
    vectors: Option<&WordVectors>,
) -> Vec<Found> {
    let anchors = lcs(aw, bw);
    // Two wordings sharing little are not one statement worded twice: no
    // slots to compare.
    let content = |ws: &[Word]| {
        ws.iter()
            .take(300)
            .filter(|w| !is_function(&w.norm))
            .count()
    };
    let shared = anchors
        .iter()
        .filter(|&&(i, _)| !is_function(&aw[i].norm))
        .count();
    let share = shared as f64 / content(aw).min(content(bw)).max(1) as f64;
    if anchors.len() < 3 || share < MIN_SHARED {
        return Vec::new();
    }
    let (qa, qb) = (quoted(at, aw), quoted(bt, bw));
    // For labels the share counts the outlets' own words only: two
    // sentences quoting one remark share it, whatever else they say.
    let own = |ws: &[Word], q: &[bool]| {
        ws.iter()
            .zip(q)
            .take(300)
            .filter(|(w, &q)| !q && !is_function(&w.norm))
            .count()
    };
    let shared_own = anchors
        .iter()
        .filter(|&&(i, j)| !qa[i] && !qb[j] && !is_function(&aw[i].norm))
        .count();
    let close =
        shared_own as f64 / own(aw, &qa).min(own(bw, &qb)).max(1) as f64 >= MIN_SHARED_LABEL;
    let mut out = Vec::new();
    let (mut pa, mut pb) = (0, 0);
    let (na, nb) = (aw.len().min(300), bw.len().min(300));
    let ends = anchors.iter().copied().chain([(na, nb)]);
    for (i, j) in ends {
        if i > pa || j > pb {
            // A label fills a slot before a shared word ("House [GOP]
            // leader" / "House [Republican] leader"), outside quotation marks (quoted words are the
            // speaker's choice, not the outlet's).
            // The slot opening the sentence (its subject) counts; the one
            // closing it, after the last shared word, is where attributions
            // and afterthoughts go, and does not.
            let interior = i < na && j < nb;
            let anchored = interior;
            let unquoted = !qa[pa..i].iter().any(|&q| q) && !qb[pb..j].iter().any(|&q| q);
            let labels = close && anchored && unquoted;
            for mut f in classify((at, aw, (pa, i)), (bt, bw, (pb, j)), labels, vectors) {
                widen(aw, bw, at, bt, &mut f);
                out.push(f);
            }
        }
        pa = i + 1;
        pb = j + 1;
    }
    out
}

/// Per word of `ws` (words of `text`), whether it stands inside quotation
/// marks: curly marks nest, a straight double mark toggles. Single marks
/// (headlines' quotation marks, and British style's) count where they
/// stand outside a word: one opens where no letter or digit comes before
/// it and a letter after, one closes right after a word or its trailing
/// punctuation ("‘We will win,’ he said"). An apostrophe inside a word
/// ("Trump's") is part of the word, and one before a digit ("the '90s")
/// opens nothing.
fn quoted(text: &str, ws: &[Word]) -> Vec<bool> {
    let (mut depth, mut straight, mut single) = (0i32, false, false);
    let mut prev_end: Option<usize> = None;
    ws.iter()
        .map(|w| {
            let from = prev_end.unwrap_or(0).min(w.start);
            let gap = text.get(from..w.start).unwrap_or("");
            for (i, c) in gap.char_indices() {
                let next = text[from + i + c.len_utf8()..].chars().next();
                match c {
                    '“' => depth += 1,
                    '”' => depth = (depth - 1).max(0),
                    '"' => straight = !straight,
                    // A closing mark stands right after the previous word,
                    // or after the punctuation that ends it.
                    '’' | '\''
                        if single
                            && prev_end.is_some()
                            && gap[..i].chars().all(|p| ",.;:?!".contains(p)) =>
                    {
                        single = false
                    }
                    '‘' | '\''
                        if next.is_some_and(char::is_alphabetic)
                            && !text[..from + i]
                                .chars()
                                .next_back()
                                .is_some_and(char::is_alphanumeric) =>
                    {
                        single = true
                    }
                    _ => {}
                }
            }
            prev_end = Some(w.end);
            depth > 0 || straight || single
        })
        .collect()
}

/// The byte offset of UTF-16 offset `unit` in `text` (the end when past it).
fn byte_at(text: &str, unit: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= unit {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// One wording as compared: its ids and the text range compared.
struct Side<'a> {
    doc: usize,
    sentence: usize,
    quote: Option<usize>,
    text: &'a str,
    words: Vec<Word>,
    /// A headline: read for evaluative words and scare quotes only (its
    /// style, title case and dropped articles, differs from any
    /// sentence's, so slots and verbs are not compared).
    headline: bool,
}

impl<'a> Side<'a> {
    fn new(
        doc: usize,
        sentence: usize,
        quote: Option<usize>,
        text: &'a str,
        range: (usize, usize),
    ) -> Self {
        let part = text.get(range.0..range.1).unwrap_or(text);
        let base = if text.get(range.0..range.1).is_some() {
            range.0
        } else {
            0
        };
        let mut words = words(part);
        for w in &mut words {
            w.start += base;
            w.end += base;
        }
        Side {
            doc,
            sentence,
            quote,
            text,
            words,
            headline: false,
        }
    }

    fn term(&self, r: (usize, usize)) -> FramingTerm {
        if r.0 >= r.1 {
            return FramingTerm {
                doc: self.doc,
                sentence: self.sentence,
                quote: self.quote,
                text: String::new(),
                span: None,
            };
        }
        let (s, mut e) = (self.words[r.0].start, self.words[r.1 - 1].end);
        // A bracket the words open is closed with them: "(SANA)".
        let open = self.text[s..e].matches('(').count() > self.text[s..e].matches(')').count();
        if open && self.text[e..].starts_with(')') {
            e += 1;
        }
        let index = Utf16Index::new(self.text);
        FramingTerm {
            doc: self.doc,
            sentence: self.sentence,
            quote: self.quote,
            text: self.text[s..e].to_string(),
            span: Some([index.to_utf16(s), index.to_utf16(e)]),
        }
    }
}

/// Compares every two sides of different documents, and joins differences
/// of one kind that share a side's words (the same sentence and span) into
/// one entry listing every outlet's words, one per document.
fn differences(
    sides: &[Side],
    claim: Option<usize>,
    group: Option<usize>,
    vectors: Option<&WordVectors>,
) -> Vec<FramingOut> {
    let mut out: Vec<FramingOut> = Vec::new();
    let same = |x: &FramingTerm, y: &FramingTerm| {
        x.span.is_some() && x.span == y.span && x.sentence == y.sentence && x.quote == y.quote
    };
    for (i, a) in sides.iter().enumerate().filter(|(_, a)| !a.headline) {
        for b in sides
            .iter()
            .skip(i + 1)
            .filter(|b| b.doc != a.doc && !b.headline)
        {
            for f in compare(a.text, &a.words, b.text, &b.words, vectors) {
                let (ta, tb) = (a.term(f.a), b.term(f.b));
                let entry = out.iter_mut().find(|e| {
                    e.kind == f.kind && e.wordings.iter().any(|w| same(w, &ta) || same(w, &tb))
                });
                match entry {
                    Some(e) => {
                        for t in [ta, tb] {
                            if !e.wordings.iter().any(|w| w.doc == t.doc) {
                                e.wordings.push(t);
                            }
                        }
                    }
                    None => out.push(FramingOut {
                        kind: f.kind,
                        claim,
                        quote_group: group,
                        wordings: vec![ta, tb],
                    }),
                }
            }
        }
    }
    whole_claim(sides, claim, group, &mut out, vectors);
    out
}

/// An entry for words `term` one document has and the others (`docs`, each
/// by its first side) lack.
fn alone(
    kind: FramingKind,
    term: FramingTerm,
    sides: &[Side],
    docs: &[usize],
    (claim, quote_group): (Option<usize>, Option<usize>),
) -> FramingOut {
    let doc = term.doc;
    let mut wordings = vec![term];
    for &d in docs.iter().filter(|&&d| d != doc) {
        if let Some(o) = sides.iter().find(|s| s.doc == d) {
            wordings.push(o.term((0, 0)));
        }
    }
    FramingOut {
        kind,
        claim,
        quote_group,
        wordings,
    }
}

/// Whether an entry of `out` already holds words of `t` (same sentence or
/// quotation, overlapping span). A detail does not: the words it holds can
/// still be a choice of wording inside it.
fn taken(out: &[FramingOut], t: &FramingTerm) -> bool {
    out.iter()
        .filter(|e| e.kind != FramingKind::Detail)
        .any(|e| {
            e.wordings.iter().any(|w| {
                w.sentence == t.sentence
                    && w.quote == t.quote
                    && matches!((w.span, t.span), (Some([a, b]), Some([c, d])) if a < d && c < b)
            })
        })
}

/// The most words a scare quote holds: a longer quotation is a remark
/// ("more than circumstantial evidence", "national emergency").
const MAX_SCARE_WORDS: usize = 2;

/// Scare quotes: a few words one outlet puts in quotation marks inside its
/// own sentence ("a massive political “cover-up”", "he had “real doubts”")
/// where no other outlet's wording of the claim has those words. Quoting
/// another's loaded word is the outlet's choice to raise it and keep its
/// distance at once; entered as evaluative, with the marks.
fn scare_quotes(
    sides: &[Side],
    title_case: &[bool],
    docs: &[usize],
    claim: Option<usize>,
    group: Option<usize>,
    out: &mut Vec<FramingOut>,
) {
    for (side, &title_case) in sides.iter().zip(title_case) {
        if side.quote.is_some() {
            continue;
        }
        let q = quoted(side.text, &side.words);
        let own = q.iter().filter(|&&x| !x).count();
        let mut k = 0;
        while k < q.len() {
            if !q[k] {
                k += 1;
                continue;
            }
            let start = k;
            while k < q.len() && q[k] {
                k += 1;
            }
            let run = &side.words[start..k];
            // The sentence must be the outlet's own words, the run short.
            if run.len() > MAX_SCARE_WORDS || own < 4 {
                continue;
            }
            let content: Vec<&str> = run
                .iter()
                .map(|w| w.norm.as_str())
                .filter(|w| !is_function(w) && !is_number(w))
                .collect();
            // A capitalised word makes it a title or a name ("HR 1", "Mo"),
            // except in a title-case headline, which capitalises them all;
            // there marks around several words mostly quote speech ("Mary
            // Is 'Dead Wrong'"), around one a label held at a distance
            // ("Trump's 'Compromise' Offer").
            let named = if title_case {
                run.len() > 1
            } else {
                run.iter()
                    .any(|w| side.text[w.start..].starts_with(char::is_uppercase))
            };
            if content.is_empty() || named {
                continue;
            }
            let elsewhere = sides.iter().any(|o| {
                o.doc != side.doc && content.iter().all(|c| o.words.iter().any(|x| x.norm == *c))
            });
            if elsewhere {
                continue;
            }
            let mut term = side.term((start, k));
            if taken(out, &term) {
                continue;
            }
            // Widen to the marks: the quoting is the choice.
            if let (Some([a, b]), Some(w0), Some(w1)) = (term.span, run.first(), run.last()) {
                let before = side.text[..w0.start].chars().next_back();
                let after = side.text[w1.end..].chars().next();
                if let (Some(o), Some(c)) = (before, after) {
                    if matches!(o, '“' | '"' | '‘' | '\'') && matches!(c, '”' | '"' | '’' | '\'')
                    {
                        term.span = Some([a - 1, b + 1]);
                        term.text = format!("{o}{}{c}", term.text);
                    }
                }
            }
            out.push(alone(
                FramingKind::Evaluative,
                term,
                sides,
                docs,
                (claim, group),
            ));
        }
    }
}

/// Whether the verb at word `k` of `side` reports speech, not an act that
/// shares its form ("denied that ..." or "..., she insisted", not "denied
/// bail" or "declared a state of emergency"): "that" or a subject pronoun
/// within the next four words, a quotation mark or colon before the fifth,
/// or a comma or closing mark just before its subject (an inverted cue).
fn introduces_speech(side: &Side, k: usize) -> bool {
    let ws = &side.words;
    let clause = ws[k + 1..].iter().take(4).any(|w| {
        matches!(
            w.norm.as_str(),
            "that" | "he" | "she" | "they" | "we" | "i" | "it"
        )
    });
    let tail_end = ws.get(k + 5).map_or(side.text.len(), |w| w.start);
    let marked = side
        .text
        .get(ws[k].end..tail_end)
        .is_some_and(|t| t.contains(['"', '“', '‘', ':']));
    let inverted = k >= 1
        && side.text[..ws[k - 1].start]
            .trim_end()
            .ends_with([',', '”', '"']);
    clause || marked || inverted
}

/// Whether a headline is set in title case: most of its words of four
/// letters or more start with a capital ("Senate Passes Sweeping Bill",
/// not "Senate passes sweeping bill"), so a capital there says nothing of
/// names.
fn is_title_case(text: &str, ws: &[Word]) -> bool {
    let long: Vec<&Word> = ws.iter().filter(|w| w.norm.chars().count() >= 4).collect();
    let capitals = long
        .iter()
        .filter(|w| text[w.start..].starts_with(char::is_uppercase))
        .count();
    long.len() >= 3 && capitals * 4 >= long.len() * 3
}

/// Word choice over the whole claim, for wordings too far apart for slots
/// (they share under [`MIN_SHARED`] of their words, yet state one claim):
/// an evaluative word some documents use where another document's wording
/// lacks it (one entry naming every document that uses it), a hedge one
/// document has where no other has it, reporting verbs when the documents
/// use different ones, and a judging verb of saying one document alone
/// reports (see [`is_stance_verb`]). Words already in an entry are not
/// entered again.
fn whole_claim(
    sides: &[Side],
    claim: Option<usize>,
    group: Option<usize>,
    out: &mut Vec<FramingOut>,
    vectors: Option<&WordVectors>,
) {
    let mut docs: Vec<usize> = sides.iter().map(|s| s.doc).collect();
    crate::order::sort(&mut docs);
    docs.dedup();
    if docs.len() < 2 {
        return;
    }
    let held = |out: &Vec<FramingOut>, side: &Side, r: (usize, usize)| taken(out, &side.term(r));
    // A title-case headline capitalises every word, so a capital there
    // does not mark a name; the model's rating of a name read as a common
    // word ("Trump") means nothing, so only the lists judge such words.
    let title_case: Vec<bool> = sides
        .iter()
        .map(|s| s.headline && is_title_case(s.text, &s.words))
        .collect();
    scare_quotes(sides, &title_case, &docs, claim, group, out);
    for (side, &title_case) in sides.iter().zip(&title_case) {
        for (k, w) in side.words.iter().enumerate() {
            let upper = side.text[w.start..].starts_with(char::is_uppercase);
            let evaluative = if upper && title_case {
                is_evaluative(&w.norm, None)
            } else {
                !(upper && k > 0) && is_evaluative(&w.norm, vectors)
            };
            if !evaluative || held(out, side, (k, k + 1)) {
                continue;
            }
            // Each other document's use of the word, if any: an entry needs
            // one that lacks it, and names every outlet that shares it.
            let uses: Vec<(usize, Option<FramingTerm>)> = docs
                .iter()
                .filter(|&&d| d != side.doc)
                .map(|&d| {
                    let used = sides.iter().filter(|o| o.doc == d).find_map(|o| {
                        let at = o.words.iter().position(|x| x.norm == w.norm)?;
                        Some(o.term((at, at + 1)))
                    });
                    (d, used)
                })
                .collect();
            if uses.iter().all(|(_, u)| u.is_some()) {
                continue;
            }
            let lacking: Vec<usize> = uses.iter().filter(|u| u.1.is_none()).map(|u| u.0).collect();
            let mut entry = alone(
                FramingKind::Evaluative,
                side.term((k, k + 1)),
                sides,
                &lacking,
                (claim, group),
            );
            entry.wordings.extend(uses.into_iter().filter_map(|u| u.1));
            out.push(entry);
        }
    }
    // Hedges and attributions one document gives and no other does.
    for side in sides.iter().filter(|s| !s.headline) {
        let mut k = 0;
        while k < side.words.len() {
            let Some(r) = hedge_at(&side.words, side.text, k, side.words.len()) else {
                k += 1;
                continue;
            };
            k = r.1;
            let head = &side.words[r.0].norm;
            let elsewhere = sides
                .iter()
                .any(|o| o.doc != side.doc && o.words.iter().any(|x| x.norm == *head));
            if elsewhere || held(out, side, r) {
                continue;
            }
            out.push(alone(
                FramingKind::Hedge,
                side.term(r),
                sides,
                &docs,
                (claim, group),
            ));
        }
    }
    // Reporting verbs: each document's first, when the lemmas differ and
    // no slot has paired them already.
    let mut verbs: Vec<(&Side, usize, &'static str)> = Vec::new();
    for &d in &docs {
        let found = sides
            .iter()
            .filter(|s| s.doc == d && !s.headline)
            .find_map(|s| {
                s.words
                    .iter()
                    .enumerate()
                    .find_map(|(k, w)| reporting_lemma(&w.norm).map(|l| (s, k, l)))
            });
        verbs.extend(found);
    }
    let differ = verbs.iter().any(|v| v.2 != verbs[0].2);
    if verbs.len() >= 2 && differ && !verbs.iter().any(|(s, k, _)| held(out, s, (*k, k + 1))) {
        out.push(FramingOut {
            kind: FramingKind::ReportingVerb,
            claim,
            quote_group: group,
            wordings: verbs.iter().map(|(s, k, _)| s.term((*k, k + 1))).collect(),
        });
    } else if let [(side, k, lemma)] = verbs[..] {
        // One outlet alone reports an act of saying, with a verb that
        // judges it ("admitted", "insisted"): the others state the matter
        // without it, so the verb is that outlet's framing.
        // The bare lemma is as often a noun ("the charge", "a pledge",
        // "his claim"): only an inflected form surely reports speech.
        let inflected = side.words[k].norm != lemma;
        if inflected
            && is_stance_verb(lemma)
            && introduces_speech(side, k)
            && !held(out, side, (k, k + 1))
        {
            out.push(alone(
                FramingKind::ReportingVerb,
                side.term((k, k + 1)),
                sides,
                &docs,
                (claim, group),
            ));
        }
    }
}

/// The claim's sides: every wording, the label's first, each limited to
/// the clause that carries the claim; headlines marked (see
/// [`Side::headline`]).
fn claim_sides<'a>(report: &'a Report, claim: &ClaimOut) -> Vec<Side<'a>> {
    let side = |w: &crate::report::WordingOut| {
        let s = report.sentences.get(w.sentence)?;
        let range = w.support.map_or((0, s.text.len()), |[a, b]| {
            (byte_at(&s.text, a), byte_at(&s.text, b))
        });
        let mut side = Side::new(w.doc, w.sentence, None, &s.text, range);
        side.headline = s.kind == crate::segment::SentenceKind::Heading;
        Some(side)
    };
    let mut order: Vec<&crate::report::WordingOut> = claim.wordings.iter().collect();
    crate::order::sort_by_key(&mut order, |w| w.sentence != claim.label_sentence);
    order.into_iter().filter_map(side).collect()
}

/// A quote group's differences: between every two quotations' words (no
/// labels: quoted words are the speaker's), and their cues' reporting
/// verbs.
fn group_differences(
    report: &Report,
    g: &QuoteGroupOut,
    vectors: Option<&WordVectors>,
) -> Vec<FramingOut> {
    let quotes: Vec<&crate::report::QuoteOut> = g
        .members
        .iter()
        .filter(|m| m.piece_of.is_none())
        .filter_map(|m| report.quotes.get(m.quote))
        .collect();
    let sides: Vec<Side> = quotes
        .iter()
        .map(|q| Side::new(q.doc, q.sentence, Some(q.id), &q.text, (0, q.text.len())))
        .collect();
    let mut out = differences(&sides, None, Some(g.id), vectors);
    // Words inside a quotation are the speaker's, not the outlet's label:
    // two outlets quoting different words of one remark choose nothing.
    out.retain(|f| f.kind != FramingKind::Label);
    // Cues: the verb each outlet introduces the remark with.
    let verbs: Vec<(&crate::report::QuoteOut, &'static str, String)> = quotes
        .iter()
        .filter_map(|q| {
            let cue = q.cue.as_deref()?;
            let w = words(cue).into_iter().find_map(|w| {
                reporting_lemma(&w.norm).map(|l| (l, cue[w.start..w.end].to_string()))
            })?;
            Some((*q, w.0, w.1))
        })
        .collect();
    let mut seen_docs: Vec<usize> = Vec::new();
    let distinct: Vec<&(&crate::report::QuoteOut, &str, String)> = verbs
        .iter()
        .filter(|(q, _, _)| {
            let fresh = !seen_docs.contains(&q.doc);
            seen_docs.push(q.doc);
            fresh
        })
        .collect();
    if distinct.iter().any(|v| v.1 != distinct[0].1) && distinct.len() > 1 {
        out.push(FramingOut {
            kind: FramingKind::ReportingVerb,
            claim: None,
            quote_group: Some(g.id),
            wordings: distinct
                .iter()
                .map(|(q, _, verb)| FramingTerm {
                    doc: q.doc,
                    sentence: q.sentence,
                    quote: Some(q.id),
                    text: verb.clone(),
                    span: None,
                })
                .collect(),
        });
    }
    out
}

/// Every framing difference of the Report: claims first (by id), then quote
/// groups. `vectors`: the word-vector table, for the learned rating of
/// loaded words ([`crate::align::loaded`]); without it the word lists alone find
/// evaluative words.
pub fn framing(report: &Report, vectors: Option<&WordVectors>) -> Vec<FramingOut> {
    let mut out = Vec::new();
    for c in &report.claims {
        out.extend(differences(
            &claim_sides(report, c),
            Some(c.id),
            None,
            vectors,
        ));
    }
    for g in &report.quote_groups {
        out.extend(group_differences(report, g, vectors));
    }
    out
}

/// The outlet name of document `doc`: as the CLI names it.
fn outlet_of(report: &Report, doc: usize) -> String {
    report.documents.get(doc).map_or_else(String::new, |d| {
        d.outlet
            .clone()
            .or_else(|| d.title.clone())
            .unwrap_or_else(|| d.file.clone())
    })
}

/// Per outlet (in order of first document), the labels, reporting verbs,
/// hedges and evaluative words of `framing` its wordings hold.
pub fn outlet_summary(report: &Report, framing: &[FramingOut]) -> Vec<OutletFraming> {
    let mut outlets: Vec<OutletFraming> = Vec::new();
    for d in &report.documents {
        let name = outlet_of(report, d.id);
        match outlets.iter_mut().find(|o| o.outlet == name) {
            Some(o) => o.docs.push(d.id),
            None => outlets.push(OutletFraming {
                outlet: name,
                docs: vec![d.id],
                labels: Vec::new(),
                reporting_verbs: Vec::new(),
                hedges: Vec::new(),
                evaluative: Vec::new(),
            }),
        }
    }
    for f in framing {
        if f.kind == FramingKind::Detail {
            continue;
        }
        for w in &f.wordings {
            if w.text.is_empty() {
                continue;
            }
            let Some(o) = outlets.iter_mut().find(|o| o.docs.contains(&w.doc)) else {
                continue;
            };
            let list = match f.kind {
                FramingKind::Label => &mut o.labels,
                FramingKind::ReportingVerb => &mut o.reporting_verbs,
                FramingKind::Hedge => &mut o.hedges,
                _ => &mut o.evaluative,
            };
            let key = w.text.to_lowercase();
            let at = match list.iter().position(|t| t.term.to_lowercase() == key) {
                Some(k) => k,
                None => {
                    list.push(TermUse {
                        term: w.text.clone(),
                        others: Vec::new(),
                        claims: Vec::new(),
                        quote_groups: Vec::new(),
                    });
                    list.len() - 1
                }
            };
            let t = &mut list[at];
            for other in f.wordings.iter().filter(|x| x.doc != w.doc) {
                let lower = other.text.to_lowercase();
                if lower != key && !t.others.iter().any(|x| x.to_lowercase() == lower) {
                    t.others.push(other.text.clone());
                }
            }
            if let Some(c) = f.claim {
                if !t.claims.contains(&c) {
                    t.claims.push(c);
                }
            }
            if let Some(g) = f.quote_group {
                if !t.quote_groups.contains(&g) {
                    t.quote_groups.push(g);
                }
            }
        }
    }
    for o in &mut outlets {
        for list in [
            &mut o.labels,
            &mut o.reporting_verbs,
            &mut o.hedges,
            &mut o.evaluative,
        ] {
            for t in list.iter_mut() {
                crate::order::sort(&mut t.claims);
                crate::order::sort(&mut t.quote_groups);
            }
        }
    }
    outlets
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (first wording, second wording, expected (kind, first's words,
    /// second's words)).
    fn diff(a: &str, b: &str) -> Vec<(FramingKind, String, String)> {
        let (aw, bw) = (words(a), words(b));
        compare(a, &aw, b, &bw, None)
            .into_iter()
            .map(|f| {
                let t = |s: &str, w: &[Word], r: (usize, usize)| {
                    if r.0 < r.1 {
                        s[w[r.0].start..w[r.1 - 1].end].to_string()
                    } else {
                        String::new()
                    }
                };
                (f.kind, t(a, &aw, f.a), t(b, &bw, f.b))
            })
            .collect()
    }

    #[test]
    fn classifies_the_seeds_kinds_of_difference() {
        use FramingKind::*;
        let cases: &[(&str, &str, &[(FramingKind, &str, &str)])] = &[
            (
                "The government has regained control from rebels and militants in most of the country.",
                "The government has regained control from rebel groups in most of the country.",
                &[(Label, "rebels and militants", "rebel groups")],
            ),
            (
                "Assad met Syrian President Bashar Assad in Tehran on Monday.",
                "Assad met the Syrian regime leader Bashar Assad in Tehran on Monday.",
                &[(Label, "Syrian President", "Syrian regime leader")],
            ),
            (
                "He said: “The government fought rebels and militants in most of the country.”",
                "He said: “The government fought rebel groups in most of the country.”",
                &[],
            ),
            (
                "Khamenei said the visit was a victory for the resistance.",
                "Khamenei claimed the visit was a victory for the resistance.",
                &[(ReportingVerb, "said", "claimed")],
            ),
            (
                "Assad met Rouhani in Tehran, according to Syria's state-run news agency.",
                "Assad met Rouhani in Tehran.",
                &[(Hedge, "according to Syria's state-run news agency", "")],
            ),
            (
                "Assad reportedly met Rouhani in Tehran on Monday.",
                "Assad met Rouhani in Tehran on Monday.",
                &[(Hedge, "reportedly", "")],
            ),
            (
                "The brutal war has killed many people in Syria.",
                "The war has killed many people in Syria.",
                &[(Evaluative, "brutal", "")],
            ),
            (
                "The war has killed many people in Syria since 2011, monitors say.",
                "The war has killed many people in Syria.",
                &[(Detail, "since 2011, monitors say", "")],
            ),
        ];
        for (a, b, want) in cases {
            let got = diff(a, b);
            let want: Vec<(FramingKind, String, String)> = want
                .iter()
                .map(|(k, x, y)| (*k, x.to_string(), y.to_string()))
                .collect();
            assert_eq!(got, want, "{a} | {b}");
        }
    }

    /// The whole-claim pass over sides (doc, text, headline): each entry's
    /// kind and first wording's text.
    fn whole(sides: &[(usize, &str, bool)]) -> Vec<(FramingKind, String)> {
        let sides: Vec<Side> = sides
            .iter()
            .enumerate()
            .map(|(k, &(doc, text, headline))| {
                let mut s = Side::new(doc, k, None, text, (0, text.len()));
                s.headline = headline;
                s
            })
            .collect();
        let mut out = Vec::new();
        whole_claim(&sides, Some(0), None, &mut out, None);
        out.into_iter()
            .map(|f| (f.kind, f.wordings[0].text.clone()))
            .collect()
    }

    #[test]
    fn scare_quotes_only_one_outlet_gives_are_evaluative() {
        use FramingKind::*;
        let got = whole(&[
            (
                0,
                "Critics said the plan was a political “cover-up” of the flood damage.",
                false,
            ),
            (
                1,
                "Critics said the plan hid the extent of the flood damage.",
                false,
            ),
        ]);
        assert_eq!(got, [(Evaluative, "“cover-up”".to_string())]);
        // Quoted by both, a title, or a remark: no choice of one outlet.
        for (a, b) in [
            (
                "Critics called the plan a political “cover-up” of the damage.",
                "Critics said the plan was a “cover-up” of the damage.",
            ),
            (
                "The senators debated the bill, dubbed “HR 1” by its sponsors, on Monday.",
                "The senators debated the bill on Monday.",
            ),
            (
                "The mayor said the river was “rising faster than forecast” on Monday.",
                "The mayor said the river rose on Monday.",
            ),
        ] {
            let got = whole(&[(0, a, false), (1, b, false)]);
            assert!(!got.iter().any(|(k, _)| *k == Evaluative), "{a}: {got:?}");
        }
    }

    #[test]
    fn single_marks_quote_in_headlines_and_british_style() {
        use FramingKind::*;
        let got = whole(&[
            (
                0,
                "Mayor's 'Compromise' Bridge Plan Includes Major Toll Rises",
                true,
            ),
            (
                1,
                "The mayor offered a new plan for the bridge tolls.",
                false,
            ),
        ]);
        assert!(
            got.contains(&(Evaluative, "'Compromise'".to_string())),
            "{got:?}"
        );
        // Several quoted words of a headline quote speech.
        let got = whole(&[
            (0, "Council Says Toll Plan Is 'Dead Wrong' For Bridge", true),
            (
                1,
                "The mayor offered a new plan for the bridge tolls.",
                false,
            ),
        ]);
        assert!(!got.iter().any(|(_, t)| t.contains("Dead")), "{got:?}");
        let got = whole(&[
            (
                0,
                "Critics said the plan was a political ‘cover-up’ of the flood damage.",
                false,
            ),
            (
                1,
                "Critics said the plan hid the extent of the flood damage.",
                false,
            ),
        ]);
        assert_eq!(got, [(Evaluative, "‘cover-up’".to_string())]);
        // Apostrophes are no marks: "the '90s", "Jones' plan", "rock 'n' roll".
        let text = "The mayor's plan recalls the '90s and Jones' old rock 'n' roll toll.";
        let ws = words(text);
        let q: Vec<&str> = ws
            .iter()
            .zip(quoted(text, &ws))
            .filter(|(_, q)| *q)
            .map(|(w, _)| &text[w.start..w.end])
            .collect();
        assert_eq!(q, ["n"]);
        // A mark closes after the punctuation ending its words; and read
        // from a clause inside the sentence, an apostrophe before it opens
        // nothing.
        let marked = |text: &str, from: usize| -> Vec<String> {
            let mut ws = words(&text[from..]);
            for w in &mut ws {
                w.start += from;
                w.end += from;
            }
            ws.iter()
                .zip(quoted(text, &ws))
                .filter(|(_, q)| *q)
                .map(|(w, _)| text[w.start..w.end].to_string())
                .collect()
        };
        assert_eq!(
            marked("‘We will win,’ he said, and the council agreed.", 0),
            ["We", "will", "win"]
        );
        assert_eq!(
            marked("He called the plan ‘a sham,’ and the council agreed.", 0),
            ["a", "sham"]
        );
        let text = "Trump's aides said the bridge will reopen in May.";
        assert!(marked(text, text.find("the").unwrap()).is_empty());
    }

    #[test]
    fn a_headline_gives_evaluative_words_but_no_verbs_or_hedges() {
        use FramingKind::*;
        let got = whole(&[
            (0, "Mayor slammed by council over bridge closure", true),
            (
                0,
                "The council criticised the mayor over the bridge closure.",
                false,
            ),
            (
                1,
                "The council voted to review the bridge closure, officials said.",
                false,
            ),
        ]);
        assert!(
            got.contains(&(Evaluative, "slammed".to_string())),
            "{got:?}"
        );
        assert!(
            !got.contains(&(ReportingVerb, "slammed".to_string())),
            "{got:?}"
        );
        let got = whole(&[
            (0, "Mayor reportedly quits", true),
            (1, "The mayor resigned on Monday, the council said.", false),
        ]);
        assert!(!got.iter().any(|(k, _)| *k == Hedge), "{got:?}");
    }

    #[test]
    fn a_title_case_headline_is_read_for_listed_words_a_sentence_case_one_keeps_names() {
        use FramingKind::*;
        let got = whole(&[
            (0, "Mayor Caves To Council On Bridge Closure", true),
            (1, "The mayor agreed to reopen the bridge on Monday.", false),
        ]);
        assert_eq!(got, [(Evaluative, "Caves".to_string())]);
        // In sentence case a capital is a name's: "Slam" the town is no verb.
        let got = whole(&[
            (0, "Mayor of Slam reopens bridge after vote", true),
            (1, "The mayor agreed to reopen the bridge on Monday.", false),
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_evaluative_word_two_outlets_share_differs_from_the_third() {
        let sides = [
            "The brutal siege of the town ended on Monday.",
            "The brutal siege of the town ended on Monday, officials said.",
            "The siege of the town ended on Monday.",
        ];
        let sides: Vec<Side> = sides
            .iter()
            .enumerate()
            .map(|(d, t)| Side::new(d, d, None, t, (0, t.len())))
            .collect();
        let mut out = Vec::new();
        whole_claim(&sides, Some(0), None, &mut out, None);
        let brutal: Vec<&FramingOut> = out
            .iter()
            .filter(|f| f.kind == FramingKind::Evaluative)
            .collect();
        assert_eq!(brutal.len(), 1, "one entry for the word: {out:?}");
        let by_doc: Vec<(usize, &str)> = brutal[0]
            .wordings
            .iter()
            .map(|w| (w.doc, w.text.as_str()))
            .collect();
        assert_eq!(by_doc, [(0, "brutal"), (2, ""), (1, "brutal")]);
        // Shared by every outlet it is no difference.
        let mut out = Vec::new();
        whole_claim(&sides[..2], Some(0), None, &mut out, None);
        assert!(
            !out.iter().any(|f| f.kind == FramingKind::Evaluative),
            "{out:?}"
        );
    }

    #[test]
    fn a_judging_reporting_verb_one_outlet_alone_uses_is_its_framing() {
        use FramingKind::*;
        let got = whole(&[
            (
                0,
                "The mayor admitted on Monday that the bridge had been closed too late.",
                false,
            ),
            (
                1,
                "The bridge was closed too late, the inquiry found.",
                false,
            ),
        ]);
        assert_eq!(got, [(ReportingVerb, "admitted".to_string())]);
        // A neutral verb, a bare lemma that may be a noun, or a verb of
        // saying used for another act, is no choice.
        for a in [
            "The mayor said on Monday that the bridge had been closed too late.",
            "The mayor faces a charge that the bridge had been closed too late.",
            "The judge denied bail as the bridge had been closed too late.",
        ] {
            let got = whole(&[
                (0, a, false),
                (
                    1,
                    "The bridge was closed too late, the inquiry found.",
                    false,
                ),
            ]);
            assert!(
                !got.iter().any(|(k, _)| *k == ReportingVerb),
                "{a}: {got:?}"
            );
        }
    }

    #[cfg(feature = "bundled-model")]
    #[test]
    fn the_learned_model_finds_loaded_words_no_list_names() {
        let v = crate::semantic::WordVectors::bundled();
        let a = "The committee issued a destructive report on the agency on Monday.";
        let b = "The committee issued a report on the agency on Monday.";
        let (aw, bw) = (words(a), words(b));
        let with: Vec<FramingKind> = compare(a, &aw, b, &bw, Some(&v))
            .iter()
            .map(|f| f.kind)
            .collect();
        assert!(!is_evaluative("destructive", None));
        assert_eq!(with, [FramingKind::Evaluative]);
        assert!(compare(a, &aw, b, &bw, None).is_empty());
    }

    #[test]
    fn unrelated_wordings_give_nothing_and_odd_text_does_not_panic() {
        assert!(diff("Rain fell.", "Markets rose sharply today.").is_empty());
        for s in ["", "’", "U.S.", "—", "a-", "1,", "é’é", "\u{feff}x"] {
            let _ = diff(s, "the war has killed many people");
            let _ = diff("the war has killed many people", s);
        }
    }

    #[test]
    fn words_keep_abbreviations_numbers_and_hyphens_whole() {
        let w: Vec<String> = words("U.S. troops, 400,000 so-called rebels' gains.")
            .into_iter()
            .map(|w| w.norm)
            .collect();
        assert_eq!(
            w,
            ["u.s", "troops", "400,000", "so-called", "rebels", "gains"]
        );
    }
}
