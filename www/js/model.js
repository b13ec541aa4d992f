// Indexes over a Report, built once per Report so the views never search
// lists inside loops: Report in, lookup tables out. Fields the current core
// may not produce yet are read defensively (absent → empty).
import { differingSpans } from './diff.js';
import { distinctOutletNames } from './views/outlets.js';

const list = (value) => (Array.isArray(value) ? value : []);

export function indexReport(report) {
  const documents = list(report.documents);
  const sentences = list(report.sentences);
  const quotes = list(report.quotes);
  const claims = list(report.claims);
  const docById = new Map(documents.map((d) => [d.id, d]));
  const sentenceById = new Map(sentences.map((s) => [s.id, s]));
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const sentencesByDoc = new Map(documents.map((d) => [d.id, []]));
  for (const s of sentences) sentencesByDoc.get(s.doc)?.push(s);
  for (const group of sentencesByDoc.values()) group.sort((a, b) => a.start - b.start);
  const quotesBySentence = new Map();
  const quotesByDoc = new Map();
  for (const q of quotes) {
    if (!quotesBySentence.has(q.sentence)) quotesBySentence.set(q.sentence, []);
    quotesBySentence.get(q.sentence).push(q);
    quotesByDoc.set(q.doc, (quotesByDoc.get(q.doc) || 0) + 1);
  }
  // Where a sentence's claim is, the claim knows its sentences; where the core
  // left `claim` unset on a sentence, the claim's own list still counts.
  const claimOfSentence = new Map();
  for (const c of claims) for (const sid of list(c.sentences)) claimOfSentence.set(sid, c.id);
  for (const s of sentences) if (s.claim !== null && s.claim !== undefined) claimOfSentence.set(s.id, s.claim);

  // Framing (how the outlets word one claim): only entries of the claims
  // and quote groups shown, indexed by claim.
  const groupIds = new Set(list(report.quote_groups).map((g) => g.id));
  const framing = list(report.framing).filter((f) => (f.claim !== null && f.claim !== undefined ? claimById.has(f.claim) : groupIds.has(f.quote_group)));
  const framingByClaim = new Map();
  for (const f of framing) {
    if (f.claim === null || f.claim === undefined) continue;
    if (!framingByClaim.has(f.claim)) framingByClaim.set(f.claim, []);
    framingByClaim.get(f.claim).push(f);
  }

  const names = distinctOutletNames(documents);
  return {
    framing,
    framingByClaim,
    report,
    documents,
    sentences,
    quotes,
    claims,
    quoteGroups: list(report.quote_groups),
    speakers: list(report.speakers),
    docById,
    sentenceById,
    claimById,
    sentencesByDoc,
    quotesBySentence,
    quotesByDoc,
    claimOfSentence,
    outlet: (docId) => names.get(docId) ?? `document ${docId}`,
    /** A sentence or quotation as a correction by hand names it: its file and start (src/corrections.rs). */
    spanRef(item) {
      return { file: docById.get(item.doc)?.file ?? '', start: item.start, text: item.text };
    },
    /** Other documents that carry a sentence's claim. */
    corroboration(sentence) {
      const claim = claimById.get(claimOfSentence.get(sentence.id));
      if (!claim) return 0;
      return new Set(list(claim.docs).filter((d) => d !== sentence.doc)).size;
    },
    /** The claim's other sentences, in document order. */
    counterparts(sentence) {
      const claim = claimById.get(claimOfSentence.get(sentence.id));
      if (!claim) return [];
      return list(claim.sentences)
        .filter((id) => id !== sentence.id)
        .map((id) => sentenceById.get(id))
        .filter(Boolean)
        .sort((a, b) => a.doc - b.doc || a.start - b.start);
    },
    /** The sentence the claim's label comes from (or its first one). */
    labelSentence(claim) {
      return sentenceById.get(claim.label_sentence) ?? sentenceById.get(list(claim.sentences)[0]);
    },
    /**
     * Differing-word spans of a claim sentence against the claim's label:
     * from the core's `wordings` when present, else a word diff here.
     */
    claimDiffs(claim, sentence) {
      const given = list(claim.wordings).find((w) => w.sentence === sentence.id);
      if (given && Array.isArray(given.differs)) return given.differs.map(([start, end]) => ({ start, end }));
      const label = this.labelSentence(claim);
      // The label's own sentence is the reference the others are marked against.
      if (label && label.id === sentence.id) return [];
      const reference = label ? label.text : claim.label || '';
      return differingSpans(sentence.text, reference).map(([start, end]) => ({ start, end }));
    },
  };
}

/** Claim-kind sentences no other document carries, per document. */
export function uniqueSentences(model, docId) {
  return (model.sentencesByDoc.get(docId) || []).filter(
    (s) => (s.kind === 'claim' || s.kind === undefined) && !model.claimOfSentence.has(s.id),
  );
}

/** Consecutive sentences of one unit, in order, as groups (a sentence without `unit` is alone). */
export function unitRuns(sentences) {
  const groups = [];
  for (const s of sentences) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.doc === s.doc && prev.id + 1 === s.id && Number.isInteger(s.unit) && prev.unit === s.unit) last.push(s);
    else groups.push([s]);
  }
  return groups;
}

/**
 * The text of consecutive sentences as shown: joined by a space, between
 * the quotation marks the core gives to make it whole. `marks(s)` is the
 * object holding the sentence's `before` / `after` (itself, or its wording).
 */
export function shownText(group, marks) {
  const before = String(marks(group[0])?.before || '');
  const after = String(marks(group[group.length - 1])?.after || '');
  return before + group.map((s) => s.text).join(' ') + after;
}
