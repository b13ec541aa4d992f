// The Read view: one document's text, each sentence shaded by how many other
// outlets carry it, quotations marked with their speaker, headings and
// captions styled as such, what cleaning removed viewable; selecting a
// sentence lists its counterparts in the other outlets.
import { el, replace } from '../dom.js';
import { diffMark, differingSpans, highlighted } from '../diff.js';
import { outletChip, outletColor, readableDate } from './outlets.js';

/** The shade class for a count of other outlets: 0, 1, 2, or 3 and more. */
export function supportClass(n) {
  return `support-${Math.min(n, 3)}`;
}

export function legend() {
  const item = (n, text) => el('li', {}, el('span', { class: `sent ${supportClass(n)} swatch` }, n ? `+${n}` : ''), ' ', text);
  return el('ul', { class: 'legend', 'aria-label': 'Shading' },
    item(0, 'no other outlet'), item(1, '1 other outlet'), item(2, '2 others'), item(3, '3 or more'),
    el('li', {}, el('mark', { class: 'quote swatch' }, '“…”'), ' quotation (hover or focus for the speaker)'));
}

/** One sentence as a focusable span: its quotations marked, its support shown by shade and number. */
export function sentenceNode(model, s, { onSelect, label = true } = {}) {
  const others = model.corroboration(s);
  const quotes = (model.quotesBySentence.get(s.id) || []).map((q) => ({
    start: q.start - s.start,
    end: q.end - s.start,
    quote: q,
  }));
  const text = highlighted(s.text, quotes, ({ quote }) => {
    const mark = document.createElement('mark');
    mark.className = `quote kind-${quote.kind}`;
    const who = quote.speaker ? `${quote.speaker}` : 'speaker not identified';
    mark.title = `${who}${quote.kind === 'term' ? ' (term or scare quote)' : ''}`;
    // Shown by CSS while the mark has keyboard focus, where a title would not appear.
    mark.dataset.speaker = mark.title;
    mark.tabIndex = 0;
    mark.setAttribute('aria-label', `quotation, ${who}: ${quote.text}`);
    return mark;
  });
  const node = el('span', {
    class: `sent ${supportClass(others)} kind-${s.kind || 'claim'}`,
    tabindex: 0,
    role: 'button',
    'aria-pressed': 'false',
    dataset: { sentence: s.id, doc: s.doc },
    onclick: (e) => { if (!e.target.closest('a')) onSelect?.(s); },
    onkeydown: (e) => {
      if ((e.key === 'Enter' || e.key === ' ') && e.target === node) {
        e.preventDefault();
        onSelect?.(s);
      }
    },
  }, text);
  if (label && others > 0) {
    node.appendChild(el('sup', { class: 'support-badge', 'aria-label': `carried by ${others} other outlet${others > 1 ? 's' : ''}` }, `+${others}`));
  }
  return node;
}

/** A document's sentences laid out in its paragraphs; gaps with a line break start a new block. */
export function documentBody(model, doc, options) {
  const sentences = model.sentencesByDoc.get(doc.id) || [];
  const blocks = [];
  let paragraph = null;
  let at = 0;
  const flush = () => {
    if (paragraph && paragraph.childNodes.length) blocks.push(paragraph);
    paragraph = null;
  };
  for (const s of sentences) {
    const gap = doc.text.slice(at, s.start);
    // Only a blank line ends a paragraph: hard-wrapped sources break lines inside them.
    if (/\n\s*\n/.test(gap)) flush();
    const kind = s.kind || 'claim';
    if (kind === 'heading' || kind === 'caption') {
      flush();
      const block = el(kind === 'heading' ? 'h3' : 'p', { class: `block-${kind}` }, sentenceNode(model, s, options));
      blocks.push(block);
    } else {
      if (!paragraph) paragraph = el('p', { class: 'block-text' });
      else if (gap) paragraph.appendChild(document.createTextNode(gap.trim() ? gap : ' '));
      paragraph.appendChild(sentenceNode(model, s, options));
    }
    at = Math.max(at, s.end);
  }
  flush();
  if (blocks.length === 0 && doc.text) blocks.push(el('p', { class: 'block-text' }, doc.text));
  return blocks;
}

/** The text of a document's first sentence, trimmed, to spot a title repeated as a heading. */
export function firstText(model, doc) {
  return (model.sentencesByDoc.get(doc.id)?.[0]?.text || '').trim();
}

export function renderRead(panel, model, ctx) {
  const docId = Number(ctx.args[0] ?? model.documents[0]?.id ?? 0);
  const doc = model.docById.get(docId) ?? model.documents[0];
  if (!doc) {
    replace(panel, el('p', { class: 'note' }, 'No document to read.'));
    return;
  }
  const selectedId = ctx.args[1] !== undefined ? Number(ctx.args[1]) : null;
  const aside = el('aside', { class: 'counterparts', 'aria-live': 'polite', 'aria-label': 'Counterparts in other outlets' });

  const select = (s, { focus = false } = {}) => {
    for (const node of panel.querySelectorAll('.sent[aria-pressed="true"]')) node.setAttribute('aria-pressed', 'false');
    const node = panel.querySelector(`.sent[data-sentence="${s.id}"]`);
    node?.setAttribute('aria-pressed', 'true');
    if (focus && node) {
      node.scrollIntoView({ block: 'center' });
      node.focus({ preventScroll: true });
    }
    // The hash follows the selection without a new history entry per click.
    history.replaceState(null, '', `#read/${doc.id}/${s.id}`);
    showCounterparts(s);
  };

  const showCounterparts = (s) => {
    const others = model.counterparts(s);
    replace(aside,
      el('h3', {}, 'Selected sentence'),
      el('p', { class: 'selected-text' }, s.text),
      others.length
        ? [el('h4', {}, `In ${new Set(others.map((o) => o.doc)).size} other outlet${others.length > 1 ? 's' : ''}`),
          el('ul', { class: 'wordings' }, others.map((o) => el('li', { class: 'wording', style: { '--outlet': outletColor(o.doc) } },
            el('div', { class: 'wording-head' }, outletChip(model.outlet(o.doc), o.doc)),
            el('p', { class: 'wording-text' }, highlighted(o.text, differingSpans(o.text, s.text).map(([start, end]) => ({ start, end })), diffMark)),
            el('p', { class: 'links' },
              el('a', { href: `#read/${o.doc}/${o.id}` }, 'Read there'), ' · ',
              el('a', { href: `#compare/${doc.id}/${o.doc}` }, 'Compare side by side')))))]
        : el('p', { class: 'note' }, 'No other outlet carries this sentence.'));
  };

  const picker = el('select', { id: 'read-doc', 'aria-label': 'Document', onchange: (e) => ctx.navigate(`read/${e.target.value}`) },
    model.documents.map((d) => el('option', { value: d.id }, `${model.outlet(d.id)}: ${d.title || d.file}`)));
  picker.value = String(doc.id);
  const removed = Array.isArray(doc.removed) ? doc.removed : [];
  // A byline or dateline the text itself opens with is not repeated above it.
  const opening = (doc.text || '').slice(0, 400);
  const meta = [doc.date, doc.byline, doc.dateline, doc.url].filter((m) => m && !(m !== doc.date && opening.includes(m)));

  replace(panel,
    el('div', { class: 'read-toolbar' }, el('label', {}, 'Reading ', picker), legend()),
    el('div', { class: 'read-layout' },
      el('article', { class: 'reader', style: { '--outlet': outletColor(doc.id) }, 'aria-label': doc.title || doc.file },
        el('header', { class: 'reader-head' },
          outletChip(model.outlet(doc.id), doc.id),
          // The title usually opens the text as a heading already; it is not shown twice.
          firstText(model, doc) === (doc.title || '').trim() ? el('h2', { class: 'visually-hidden' }, doc.title) : el('h2', { class: 'reader-title' }, doc.title || doc.file),
          meta.length ? el('p', { class: 'source-meta' }, meta.map((m) => (m === doc.date ? readableDate(m) : m)).join(' · ')) : null),
        el('div', { class: 'reader-body' }, documentBody(model, doc, { onSelect: (s) => select(s) })),
        removed.length
          ? el('details', { class: 'removed' }, el('summary', {}, `What cleaning removed (${removed.length})`),
            el('ul', {}, removed.map((r) => el('li', {}, el('span', { class: 'reason' }, r.reason), ' ', el('span', { class: 'removed-text' }, r.text)))))
          : el('p', { class: 'note' }, 'Cleaning removed nothing from this document.')),
      aside));

  const chosen = selectedId !== null ? model.sentenceById.get(selectedId) : null;
  if (chosen && chosen.doc === doc.id) select(chosen, { focus: true });
  else replace(aside, el('h3', {}, 'Counterparts'), el('p', { class: 'note' }, 'Select a sentence (click it, or Tab to it and press Enter) to see how the other outlets word it.'));
}
