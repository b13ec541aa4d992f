// The Sources view: one card per document with its outlet colour, title,
// date, word count, shared and unique claims, quotations and warnings.
import { el, replace } from '../dom.js';
import { outletColor, outletName } from './outlets.js';

export function renderSources(list, report) {
  const quotesPerDoc = new Map();
  for (const q of report.quotes) quotesPerDoc.set(q.doc, (quotesPerDoc.get(q.doc) || 0) + 1);
  replace(
    list,
    report.documents.map((doc) =>
      el(
        'li',
        { class: 'source-card', style: { '--outlet': outletColor(doc.id) }, dataset: { doc: doc.id } },
        el('div', { class: 'source-outlet' }, outletName(doc)),
        el('h3', { class: 'source-title' }, doc.title || doc.file),
        el(
          'p',
          { class: 'source-meta' },
          [doc.date, `${doc.word_count} words`, `${doc.claims_shared} shared`, `${doc.claims_unique} unique`,
            `${quotesPerDoc.get(doc.id) || 0} quotations`].filter(Boolean).join(' · '),
        ),
        el('p', { class: 'source-file' }, doc.file),
        doc.warnings.length ? el('ul', { class: 'warnings' }, doc.warnings.map((w) => el('li', {}, w))) : null,
      ),
    ),
  );
}
