// The Sources view: one card per document with its outlet colour, title,
// date, word count, shared and unique claims, quotations, warnings and what
// cleaning removed; a toggle per card excludes the file and re-analyses.
import { el, replace } from '../dom.js';
import { outletColor, readableDate } from './outlets.js';

const PAGE = 60;

/** Whether a document came from a loaded file: archives give `archive.zip/inner`, JSON exports `export.json#3`. */
export function cameFrom(doc, fileName) {
  return doc.file === fileName || doc.file.startsWith(`${fileName}/`) || doc.file.startsWith(`${fileName}#`);
}

function fileOf(files, doc) {
  return files.find((f) => cameFrom(doc, f.name));
}

export function renderSources(panel, model, ctx) {
  const list = panel.querySelector('#source-list');
  const more = panel.querySelector('#source-more');
  const excludedBox = panel.querySelector('#excluded');
  let shown = Math.min(PAGE, model.documents.length);

  // The outlet's name, and (when the articles are loaded) a way to rename it:
  // the new name is a correction by hand, so it stays in the exported Report.
  const outletLine = (doc) => {
    const from = doc.outlet_source && doc.outlet_source !== 'page' && doc.outlet_source !== 'hand'
      ? el('span', { class: 'outlet-source', title: 'Where the name comes from: the page does not name its outlet' }, `named from the ${doc.outlet_source === 'url' ? 'address' : doc.outlet_source}`)
      : null;
    const name = el('div', { class: 'source-outlet' }, model.outlet(doc.id));
    const box = el('div', { class: 'outlet-line' }, name, from);
    if (!ctx.correct) return box;
    const rename = el('button', { type: 'button', class: 'rename', 'aria-label': `Rename the outlet ${model.outlet(doc.id)}`, onclick: () => {
      const input = el('input', { type: 'text', class: 'outlet-input', value: doc.outlet || '', 'aria-label': 'Outlet name', required: true, maxlength: 80 });
      const form = el('form', { class: 'rename-form', onsubmit: (e) => {
        e.preventDefault();
        const value = input.value.trim();
        if (value && value !== doc.outlet) ctx.correct({ op: 'outlet', file: doc.file, outlet: value });
        else replace(box, name, from, rename);
      } }, input, el('button', { type: 'submit' }, 'Save'),
      el('button', { type: 'button', onclick: () => replace(box, name, from, rename) }, 'Cancel'));
      replace(box, form);
      input.focus();
      input.select();
    } }, 'Rename');
    box.append(rename);
    return box;
  };

  const card = (doc) => {
    const file = fileOf(ctx.files, doc);
    const quotes = model.quotesByDoc.get(doc.id) || 0;
    const removed = Array.isArray(doc.removed) ? doc.removed : [];
    const warnings = Array.isArray(doc.warnings) ? doc.warnings : [];
    const meta = [doc.date ? el('time', { datetime: doc.date }, readableDate(doc.date)) : null, doc.byline, doc.word_count !== undefined ? `${doc.word_count} words` : null].filter(Boolean);
    return el(
      'li',
      { class: 'source-card', style: { '--outlet': outletColor(doc.id) }, dataset: { doc: doc.id, file: doc.file } },
      el('div', { class: 'source-head' },
        outletLine(doc),
        file
          ? el('label', { class: 'include-toggle', title: 'Uncheck to leave this file out of the analysis' },
            el('input', { type: 'checkbox', checked: true, onchange: () => ctx.setIncluded(file.name, false) }),
            'Included')
          : null),
      el('h3', { class: 'source-title' }, el('a', { href: `#read/${doc.id}` }, doc.title || doc.file)),
      meta.length ? el('p', { class: 'source-meta' }, meta.flatMap((m, i) => (i ? [' · ', m] : [m]))) : null,
      el('dl', { class: 'source-stats' },
        el('div', {}, el('dt', {}, 'shared'), el('dd', {}, String(doc.claims_shared ?? '–'))),
        el('div', {}, el('dt', {}, 'unique'), el('dd', {}, String(doc.claims_unique ?? '–'))),
        el('div', {}, el('dt', {}, 'quotations'), el('dd', {}, String(quotes))),
        typeof doc.verbatim_share === 'number'
          ? el('div', { title: 'Share of its own words (outside quotations) found word for word in another document' },
            el('dt', {}, 'verbatim'), el('dd', {}, `${Math.round(doc.verbatim_share * 100)}%`))
          : null,
        // Quotations another document quotes too: the same statement, not copying.
        typeof doc.quoted_share === 'number' && doc.quoted_share > 0
          ? el('div', { title: 'Share of its words inside quotations that another document quotes too' },
            el('dt', {}, 'same quotes'), el('dd', {}, `${Math.round(doc.quoted_share * 100)}%`))
          : null),
      // The file name is the outlet's label when the document names no outlet; it is not repeated then.
      doc.outlet ? el('p', { class: 'source-file' }, doc.file) : null,
      warnings.length
        ? el('details', { class: 'warnings' },
          el('summary', {}, `⚠ ${warnings.length} warning${warnings.length > 1 ? 's' : ''}`),
          el('ul', {}, warnings.map((w) => el('li', {}, w))))
        : null,
      removed.length
        ? el('details', { class: 'removed' },
          el('summary', {}, `Cleaning removed ${removed.length} piece${removed.length > 1 ? 's' : ''}`),
          el('ul', {}, removed.map((r) => el('li', {}, el('span', { class: 'reason' }, r.reason), ' ', el('q', {}, r.text)))))
        : el('p', { class: 'source-clean' }, 'Nothing removed by cleaning'),
    );
  };

  const draw = () => {
    replace(list, model.documents.slice(0, shown).map(card));
    replace(
      more,
      shown < model.documents.length
        ? el('button', { type: 'button', class: 'more', onclick: () => { shown = model.documents.length; draw(); } },
          `Show all ${model.documents.length} sources (${shown} shown)`)
        : null,
    );
  };
  draw();

  const excluded = ctx.files.filter((f) => !f.included);
  replace(
    excludedBox,
    excluded.length
      ? el('section', { class: 'excluded' },
        el('h3', {}, `Left out of the analysis (${excluded.length})`),
        el('ul', {}, excluded.map((f) =>
          el('li', {}, el('label', { class: 'include-toggle' },
            el('input', { type: 'checkbox', onchange: () => ctx.setIncluded(f.name, true) }), f.name)))))
      : ctx.fromReport
        ? el('p', { class: 'note' }, 'Opened from a saved report: drop the article files themselves to exclude or add sources.')
        : null,
  );
  if (model.documents.length === 0 && excluded.length === 0) replace(list, el('li', { class: 'note' }, 'No source could be read.'));
}
