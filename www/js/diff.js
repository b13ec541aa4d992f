// Word-level differences between two wordings, for the <mark> highlights:
// text in, half-open UTF-16 spans [start, end) of the words that differ out.
// Tokens are compared normalised (lowercase, no punctuation) but spans always
// point into the original text, which is displayed as it is.

const WORD = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu;

/** Words of `text` with their UTF-16 offsets and a normalised form for comparing. */
export function words(text) {
  const out = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ start: m.index, end: m.index + m[0].length, norm: m[0].toLowerCase().replace(/['’.,]/g, '') });
  }
  return out;
}

// Past this many words a sentence is compared as a bag of words: the
// longest-common-subsequence table would cost more than it shows.
const LCS_LIMIT = 300;

/**
 * Spans of the words of `text` that are not in `reference`: a longest common
 * subsequence first, then words that merely moved count as shared too.
 */
export function differingSpans(text, reference) {
  const a = words(text);
  const b = words(reference);
  const keep = new Array(a.length).fill(false);
  if (a.length <= LCS_LIMIT && b.length <= LCS_LIMIT) {
    // Classic LCS table, filled from the end so the walk goes forwards.
    const n = a.length;
    const m = b.length;
    const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i][j] = a[i].norm === b[j].norm ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    const used = new Array(m).fill(false);
    while (i < n && j < m) {
      if (a[i].norm === b[j].norm) {
        keep[i] = true;
        used[j] = true;
        i++;
        j++;
      } else if (table[i + 1][j] >= table[i][j + 1]) i++;
      else j++;
    }
    // Words that only moved ("the council said" put first) are not new
    // wording: they match what the reference has left over, in any order.
    const left = new Map();
    b.forEach((w, k) => !used[k] && left.set(w.norm, (left.get(w.norm) || 0) + 1));
    a.forEach((w, k) => {
      if (keep[k] || !left.get(w.norm)) return;
      keep[k] = true;
      left.set(w.norm, left.get(w.norm) - 1);
    });
  } else {
    const bag = new Set(b.map((w) => w.norm));
    a.forEach((w, i) => (keep[i] = bag.has(w.norm)));
  }
  // Neighbouring differing words become one span, the space between them included.
  const spans = [];
  a.forEach((w, i) => {
    if (keep[i]) return;
    const last = spans[spans.length - 1];
    if (last && i > 0 && !keep[i - 1]) last[1] = w.end;
    else spans.push([w.start, w.end]);
  });
  return spans;
}

/** How much of `text`'s wording `reference` shares, in [0, 1]. */
export function sharedShare(text, reference) {
  const total = words(text).length;
  if (total === 0) return 1;
  const differing = differingSpans(text, reference).reduce((n, [s, e]) => n + words(text.slice(s, e)).length, 0);
  return 1 - differing / total;
}

/**
 * `text` as text nodes around <mark> elements, one per span. Spans are sorted,
 * clipped to the text and merged where they overlap; `make(span)` builds each
 * mark (given {start, end, ...extra}) so callers can add a title or a class.
 */
export function highlighted(text, spans, make) {
  const fragment = document.createDocumentFragment();
  const clean = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((x, y) => x.start - y.start);
  let at = 0;
  for (const span of clean) {
    if (span.start < at) continue; // overlaps the previous mark: the first one wins
    if (span.start > at) fragment.appendChild(document.createTextNode(text.slice(at, span.start)));
    const mark = make ? make(span) : document.createElement('mark');
    mark.appendChild(document.createTextNode(text.slice(span.start, span.end)));
    fragment.appendChild(mark);
    at = span.end;
  }
  if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
  return fragment;
}

/** A <mark class="diff"> for a differing word. */
export function diffMark() {
  const mark = document.createElement('mark');
  mark.className = 'diff';
  return mark;
}
