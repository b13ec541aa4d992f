//! Word lists for sentence boundaries: a lowercase word in, whether it is a
//! title, an abbreviation, a weekday or month, or a word that starts sentences.
//!
//! The lists are written for English news text. They decide only the hard
//! cases: a period after an abbreviation followed by a capitalised word.

/// Abbreviations that stand before a name and so never end a sentence
/// ("Pres. Assad", "Gen. Soleimani", "Dr. Smith", "Mt. Fuji").
const TITLES: &[&str] = &[
    "adm", "amb", "atty", "brig", "capt", "cdr", "cmdr", "col", "cpl", "dr", "fr", "gen", "gov",
    "hon", "insp", "lt", "maj", "messrs", "mlle", "mme", "mr", "mrs", "ms", "mt", "pres", "prof",
    "pvt", "rep", "rev", "sen", "sgt", "supt", "ft", "lieut", "sheikh", "vs", "v", "approx", "ca",
    "cf", "viz", "e.g", "i.e", "fig", "figs", "vol", "vols", "pp", "ch", "art", "para",
];

/// Abbreviations that may end a sentence: the period is a boundary only
/// when a word that typically starts sentences follows ("Pitt, Briggs & Co.
/// It closed" splits, "Feb. 25" and "Apple Inc. Chief Executive" do not).
const ENDING_ABBREVIATIONS: &[&str] = &[
    "co", "corp", "inc", "ltd", "llc", "plc", "bros", "jr", "esq", "etc", "dept", "univ", "assn",
    "al", "st", "ave", "rd", "blvd", "hwy", "no", "nos", "nr", "n°", "est", "govt", "intl", "sr",
    "sec",
];

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

const WEEKDAYS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
];

/// Capitalised words that usually begin a new sentence rather than continue
/// a name: pronouns, determiners, conjunctions and sentence adverbs.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "again",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "because",
    "before",
    "being",
    "both",
    "but",
    "by",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "even",
    "every",
    "few",
    "for",
    "from",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "is",
    "it",
    "its",
    "last",
    "later",
    "many",
    "meanwhile",
    "more",
    "most",
    "much",
    "my",
    "nevertheless",
    "no",
    "nor",
    "not",
    "now",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "several",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "two",
    "under",
    "unlike",
    "until",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yesterday",
    "yet",
    "you",
    "your",
    "millions",
    "thousands",
    "hundreds",
    "according",
];

/// Words after which a capitalised "The" or "In" goes on the same phrase
/// as part of a name ("against The Church", "told The Times", "and The
/// Guardian"): articles, prepositions, conjunctions, possessives and
/// auxiliaries. A heading never ends on one.
const LINKING_WORDS: &[&str] = &[
    "a", "about", "above", "across", "after", "against", "along", "amid", "among", "an", "and",
    "are", "around", "as", "at", "be", "been", "before", "behind", "being", "below", "beside",
    "between", "beyond", "both", "but", "by", "called", "despite", "did", "do", "does", "down",
    "during", "each", "either", "every", "for", "from", "had", "has", "have", "her", "his", "if",
    "in", "inside", "into", "is", "its", "like", "my", "named", "near", "neither", "no", "nor",
    "not", "of", "off", "on", "onto", "or", "our", "out", "outside", "over", "past", "per",
    "since", "than", "that", "the", "their", "these", "this", "those", "through", "to", "toward",
    "towards", "under", "unlike", "until", "up", "upon", "versus", "via", "was", "were", "what",
    "when", "where", "which", "while", "who", "whom", "whose", "with", "within", "without", "yet",
    "your",
];

/// Nouns that take a title beside them ("the band The Wanderers", "the
/// film In the Mood"): a capitalised opener after one names a work.
const TITLE_NOUNS: &[&str] = &[
    "album",
    "band",
    "blog",
    "book",
    "brand",
    "channel",
    "club",
    "column",
    "company",
    "film",
    "firm",
    "game",
    "group",
    "journal",
    "magazine",
    "movie",
    "musical",
    "newspaper",
    "novel",
    "opera",
    "paper",
    "play",
    "podcast",
    "program",
    "programme",
    "series",
    "ship",
    "show",
    "single",
    "site",
    "song",
    "station",
    "team",
    "website",
];

/// Prepositions that open a fronted time phrase ("At 5 a.m. Mr. Smith ...").
const TIME_PREPOSITIONS: &[&str] = &[
    "at", "by", "before", "after", "until", "till", "around", "about", "from", "since", "on", "in",
    "shortly", "just",
];

/// Abbreviations with inner periods that never end a sentence.
const INNER_ABBREVIATIONS: &[&str] = &["e.g", "i.e", "et al", "ph.d", "viz"];

pub fn is_title(lower: &str) -> bool {
    TITLES.contains(&lower)
}

/// Whether a period after `lower` may be an abbreviation's: a month or
/// weekday counts only in its short form ("Feb.", "Sat."), never whole
/// ("on Saturday. Assistant coach ..." ends there).
pub fn is_ending_abbreviation(lower: &str) -> bool {
    ENDING_ABBREVIATIONS.contains(&lower) || SHORT_DATE_NAMES.contains(&lower)
}

const SHORT_DATE_NAMES: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

pub fn is_month(lower: &str) -> bool {
    MONTHS.contains(&lower)
}

pub fn is_weekday(lower: &str) -> bool {
    WEEKDAYS.contains(&lower)
}

pub fn is_inner_abbreviation(lower: &str) -> bool {
    INNER_ABBREVIATIONS.contains(&lower)
}

pub fn is_time_preposition(lower: &str) -> bool {
    TIME_PREPOSITIONS.contains(&lower)
}

pub fn is_linking_word(lower: &str) -> bool {
    LINKING_WORDS.contains(&lower)
}

pub fn is_title_noun(lower: &str) -> bool {
    TITLE_NOUNS.contains(&lower)
}

pub fn is_am_pm(lower: &str) -> bool {
    matches!(lower, "a.m" | "p.m")
}

/// A capitalised word from [`SENTENCE_STARTERS`]; "The" counts, "Government"
/// does not, and neither does "THE" in an all-caps name.
pub fn is_sentence_starter(word: &str) -> bool {
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && (word.chars().count() == 1 || chars.any(char::is_lowercase));
    capitalised && SENTENCE_STARTERS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_must_be_capitalised_words_from_the_list() {
        for (word, expected) in [
            ("The", true),
            ("He", true),
            ("I", true),
            ("the", false),
            ("THE", false),
            ("Government", false),
            ("Mr", false),
        ] {
            assert_eq!(is_sentence_starter(word), expected, "{word}");
        }
    }

    #[test]
    fn classes_of_abbreviation() {
        assert!(is_title("pres") && is_title("gen") && is_title("mr"));
        assert!(is_ending_abbreviation("co") && is_ending_abbreviation("feb"));
        assert!(!is_title("co") && !is_ending_abbreviation("gen"));
        assert!(is_am_pm("p.m") && !is_am_pm("pm"));
        assert!(is_ending_abbreviation("sept") && is_ending_abbreviation("sat"));
        assert!(!is_ending_abbreviation("saturday") && !is_ending_abbreviation("may"));
        assert!(!is_ending_abbreviation("june") && !is_ending_abbreviation("july"));
    }
}
