//! Quotation marks: a text in, paired quotation spans out (the words inside
//! the marks, and the marks' own extent), in one pass over the text.
//!
//! Rules (each pinned by a test below):
//! - double marks pair with their own kind: “…”, "…", „…“, «…»; a stray ”
//!   that starts a word opens a quotation (a common typo in web copy);
//! - single marks ‘…’ and '…' only open before a word and only close after
//!   one, and only when a single quotation is open, so the apostrophes of
//!   "Syria’s", "can't" or "enemies’ message" never pair;
//! - a double quotation still open at the end of its paragraph ends there,
//!   unless the paragraph break is a hard wrap (the text before it has no
//!   closing punctuation), or the quotation fills its paragraph and the next
//!   paragraph opens with the same mark (the convention for speech that runs
//!   over several paragraphs);
//! - nesting is bounded (`MAX_DEPTH`), so a text made of quotation marks
//!   stays linear.

/// A quotation's extent: `open..close` includes the marks, `start..end` is
/// the quoted words with surrounding spaces trimmed. Byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub close: usize,
    /// False when the closing mark is missing and the paragraph ended it.
    pub closed: bool,
    /// How many quotations enclose this one.
    pub depth: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “…”, "…" and „…“: any double closer ends any double opener, since
    /// outlets mix straight and curly marks.
    Double,
    Single,
    Guillemet,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    /// Byte offset of the opening mark and its width.
    at: usize,
    width: usize,
    low: bool,
    /// Opened at the start of its paragraph or after a colon: may run on
    /// into the next paragraph.
    leads: bool,
}

const MAX_DEPTH: usize = 6;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Paragraph ranges: text between blank lines; or between line breaks when
/// the text marks paragraphs with single line breaks (blank lines are rare).
pub(super) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    // Count single and blank-line breaks first, to know which one separates
    // paragraphs in this text.
    let (mut single, mut blank, mut run) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c == '\n' {
            run += 1;
        } else if !c.is_whitespace() {
            match run {
                0 => {}
                1 => single += 1,
                _ => blank += 1,
            }
            run = 0;
        }
    }
    let min_newlines = if single > 3 * blank.max(1) { 1 } else { 2 };
    let mut out = Vec::new();
    let mut start = 0;
    let mut newlines = 0;
    let mut line_break_at = None;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if newlines == 0 {
                line_break_at = Some(i);
            }
            newlines += 1;
        } else if c.is_whitespace() {
            continue;
        } else {
            if newlines >= min_newlines {
                if let Some(b) = line_break_at {
                    out.push((start, b));
                }
                start = i;
            }
            newlines = 0;
        }
    }
    out.push((start, text.len()));
    out
}

/// True when a paragraph break after `para` looks like a hard-wrapped line
/// rather than the end of a paragraph: no closing punctuation before it.
fn soft_break(para: &str) -> bool {
    para.trim_end().chars().last().is_some_and(|c| {
        !matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '…' | '"' | '”' | '’' | '»' | ')' | '\''
        )
    })
}

fn opens_with(para: &str, family: Family) -> bool {
    match para.trim_start().chars().next() {
        Some('“' | '"' | '„') => family == Family::Double,
        Some('«') => family == Family::Guillemet,
        _ => false,
    }
}

/// Finds every quotation in `text`, in order of their opening marks.
pub fn find_marked(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let paras = paragraphs(text);
    // Set when an open quotation carries into the next paragraph, whose
    // leading mark then re-opens nothing.
    let mut skip_mark_at: Option<usize> = None;
    for (p, &(ps, pe)) in paras.iter().enumerate() {
        let para = &text[ps..pe];
        let mut prev: Option<char> = None;
        let mut last_visible: Option<char> = None;
        let mut chars = para.char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            let at = ps + off;
            let next = chars.peek().map(|&(_, n)| n);
            let before_space = prev.map_or(true, |p| p.is_whitespace() || "([{—–-/".contains(p));
            let after_space = next.map_or(true, char::is_whitespace);
            let leads = last_visible.map_or(true, |v| v == ':');
            prev = Some(c);
            if !c.is_whitespace() {
                last_visible = Some(c);
            }
            if skip_mark_at == Some(at) {
                skip_mark_at = None;
                continue;
            }
            let width = c.len_utf8();
            let push = |stack: &mut Vec<Open>, family, low| {
                if stack.len() < MAX_DEPTH {
                    stack.push(Open {
                        family,
                        at,
                        width,
                        low,
                        leads,
                    });
                }
            };
            match c {
                '“' => {
                    if stack.last().is_some_and(|o| o.low) {
                        close(text, &mut stack, Family::Double, at, width, &mut out);
                    } else if !before_space && after_space && has_open(&stack, Family::Double) {
                        // “…“ typed for “…”.
                        close(text, &mut stack, Family::Double, at, width, &mut out);
                    } else {
                        push(&mut stack, Family::Double, false);
                    }
                }
                '„' => push(&mut stack, Family::Double, true),
                '”' => {
                    if has_open(&stack, Family::Double) {
                        close(text, &mut stack, Family::Double, at, width, &mut out);
                    } else if before_space && next.is_some_and(is_word_char) {
                        push(&mut stack, Family::Double, false);
                    }
                }
                '"' => {
                    if has_open(&stack, Family::Double) && (!before_space || after_space) {
                        close(text, &mut stack, Family::Double, at, width, &mut out);
                    } else if before_space && !after_space {
                        push(&mut stack, Family::Double, false);
                    }
                }
                '«' => push(&mut stack, Family::Guillemet, false),
                '»' => close(text, &mut stack, Family::Guillemet, at, width, &mut out),
                '‘' | '\'' | '’' => {
                    let word_before = !before_space;
                    let word_after = next.is_some_and(is_word_char);
                    let single_open = has_open(&stack, Family::Single);
                    if single_open && word_before && !word_after {
                        close(text, &mut stack, Family::Single, at, width, &mut out);
                    } else if c != '’' && before_space && word_after {
                        push(&mut stack, Family::Single, false);
                    }
                }
                _ => {}
            }
        }
        // End of paragraph: carry on, or end what is still open.
        let Some(outer) = stack.iter().position(|o| o.family != Family::Single) else {
            // Single quotation marks left open were apostrophes.
            if !soft_break(para) {
                stack.clear();
            }
            continue;
        };
        let next_para = paras.get(p + 1).map(|&(s, e)| &text[s..e]);
        let carry = next_para.is_some_and(|np| {
            let family = stack[outer].family;
            (soft_break(para) && !opens_with(np, family))
                || (stack[outer].leads && opens_with(np, family))
        });
        if carry {
            if let Some(np) = next_para {
                if opens_with(np, stack[outer].family) {
                    let lead = np.len() - np.trim_start().len();
                    skip_mark_at = paras.get(p + 1).map(|&(s, _)| s + lead);
                }
            }
            continue;
        }
        let o = stack[outer];
        push_quote(text, o.at, o.at + o.width, pe, pe, false, outer, &mut out);
        stack.clear();
    }
    crate::order::sort_by_key(&mut out, |m| (m.open, m.depth));
    out
}

fn has_open(stack: &[Open], family: Family) -> bool {
    stack.iter().any(|o| o.family == family)
}

/// Closes the innermost open quotation of `family`; quotations opened inside
/// it and still open were not quotations (a stray mark or an apostrophe).
fn close(
    text: &str,
    stack: &mut Vec<Open>,
    family: Family,
    at: usize,
    width: usize,
    out: &mut Vec<Marked>,
) {
    let Some(k) = stack.iter().rposition(|o| o.family == family) else {
        return;
    };
    let o = stack[k];
    stack.truncate(k);
    push_quote(text, o.at, o.at + o.width, at, at + width, true, k, out);
}

#[allow(clippy::too_many_arguments)]
fn push_quote(
    text: &str,
    open: usize,
    inner_start: usize,
    inner_end: usize,
    close: usize,
    closed: bool,
    depth: usize,
    out: &mut Vec<Marked>,
) {
    let inner = &text[inner_start..inner_end];
    let start = inner_start + (inner.len() - inner.trim_start().len());
    let end = inner_start + inner.trim_end().len();
    if start >= end || !text[start..end].chars().any(char::is_alphanumeric) {
        return;
    }
    out.push(Marked {
        open,
        start,
        end,
        close,
        closed,
        depth,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find_marked(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    /// (scenario, text, the quotations' words)
    const CASES: &[(&str, &str, &[&str])] = &[
        (
            "curly double",
            "He said “yes we can” today.",
            &["yes we can"],
        ),
        (
            "straight double",
            "He said \"yes we can\" today.",
            &["yes we can"],
        ),
        ("guillemets", "Il a dit «non merci» hier.", &["non merci"]),
        (
            "low-high marks",
            "Er sagte „nein danke“ gestern.",
            &["nein danke"],
        ),
        ("curly single", "with a ‘loud voice’ that", &["loud voice"]),
        (
            "single heading",
            "‘Strengthening the deterrence’\n\nIn a meeting",
            &["Strengthening the deterrence"],
        ),
        (
            "apostrophes straight",
            "Syria's allies can't say the enemies' message is 'clear' now",
            &["clear"],
        ),
        (
            "apostrophes curly",
            "Syria’s allies can’t hear the enemies’ message with a ‘loud voice’ that",
            &["loud voice"],
        ),
        (
            "apostrophe inside a quotation",
            "“Iran’s path is right,” he said.",
            &["Iran’s path is right,"],
        ),
        (
            "nested single in double",
            "“They call it ‘terror,’ we don’t,” he said.",
            &["They call it ‘terror,’ we don’t,", "terror,"],
        ),
        (
            "two quotations one sentence",
            "“A,” he said, “B.”",
            &["A,", "B."],
        ),
        (
            "unclosed ends at paragraph",
            "shown that “Iran's path is a correct path.\n\n“The destruction,” he said.",
            &["Iran's path is a correct path.", "The destruction,"],
        ),
        (
            "runs over paragraphs",
            "He said:\n\n“First part.\n\n“Second part.”\n\nAfter.",
            &["First part.\n\n“Second part."],
        ),
        (
            "hard-wrapped lines",
            "agreed\n\n“to continue cooperation for the two friendly\n\nnations”.Khamenei",
            &["to continue cooperation for the two friendly\n\nnations"],
        ),
        (
            "stray closing mark opens",
            "”Fear. I am truly afraid.” ― Sonya",
            &["Fear. I am truly afraid."],
        ),
        (
            "inches are not quotes",
            "He is 5'10\" tall and 6' wide.",
            &[],
        ),
        ("empty marks", "He said “” nothing.", &[]),
    ];

    #[test]
    fn quotation_marks_table() {
        for (name, text, want) in CASES {
            assert_eq!(inner(text), *want, "{name}");
        }
    }

    #[test]
    fn many_marks_stay_linear_and_in_bounds() {
        for unit in ["“a", "\"a", "'a", "’a", "‘a", "«a", "„a", "”a", "a\n\n“"] {
            let text = unit.repeat(20_000);
            let found = find_marked(&text);
            for m in &found {
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                assert!(m.open < m.start && m.start < m.end && m.end <= m.close);
            }
        }
    }
}
