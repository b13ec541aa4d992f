// The Overview: document-by-document similarity as a heat map (a table
// with its values; past a few dozen documents a canvas plus the closest
// pairs), claims per outlet as bars, verbatim copying, and every discrepancy.
import { el, replace } from '../dom.js';
import { words } from '../diff.js';
import { outletChip, outletColor } from './outlets.js';

const TABLE_LIMIT = 30;
const PAIRS_SHOWN = 40;

// Viridis: sequential, readable in grey and by the common colour-vision deficiencies.
const VIRIDIS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

export function scaleColor(v) {
  const x = Math.max(0, Math.min(1, v)) * (VIRIDIS.length - 1);
  const i = Math.min(Math.floor(x), VIRIDIS.length - 2);
  const t = x - i;
  const c = VIRIDIS[i].map((lo, k) => Math.round(lo + (VIRIDIS[i + 1][k] - lo) * t));
  return `rgb(${c[0]} ${c[1]} ${c[2]})`;
}
const inkOn = (v) => (v > 0.55 ? '#111' : '#fff');

function heatTable(model, sim) {
  const docs = model.documents;
  return el('table', { class: 'heatmap' },
    el('caption', { class: 'visually-hidden' }, 'Similarity between documents, from 0 (nothing shared) to 1 (the same)'),
    // Columns are numbered like the rows: long outlet names do not fit sideways.
    el('thead', {}, el('tr', {}, el('td', {}), docs.map((d, i) => el('th', { scope: 'col', title: model.outlet(d.id), class: 'heat-col', style: { '--outlet': outletColor(d.id) } },
      el('span', { 'aria-hidden': 'true' }, String(i + 1)), el('span', { class: 'visually-hidden' }, model.outlet(d.id)))))),
    el('tbody', {}, docs.map((row, i) => el('tr', {},
      el('th', { scope: 'row' }, el('span', { class: 'heat-num', 'aria-hidden': 'true' }, String(i + 1)), outletChip(model.outlet(row.id), row.id)),
      docs.map((col) => {
        if (row.id === col.id) return el('td', { class: 'self', 'aria-label': 'same document' }, '—');
        const v = Number(sim[row.id]?.[col.id] ?? 0);
        return el('td', { style: { '--heat': scaleColor(v), '--heat-ink': inkOn(v) }, title: `${model.outlet(row.id)} / ${model.outlet(col.id)}: ${v.toFixed(2)}` },
          el('a', { href: `#compare/${row.id}/${col.id}` }, v.toFixed(2)));
      })))));
}

/** The scale as RGB triples, for pixel writes. */
function scaleRgb(v) {
  const x = Math.max(0, Math.min(1, v)) * (VIRIDIS.length - 1);
  const i = Math.min(Math.floor(x), VIRIDIS.length - 2);
  const t = x - i;
  return VIRIDIS[i].map((lo, k) => Math.round(lo + (VIRIDIS[i + 1][k] - lo) * t));
}

function heatCanvas(model, sim) {
  const n = model.documents.length;
  // One pixel per pair, scaled up by CSS: n² pixel writes, no n² elements.
  const canvas = el('canvas', { width: n, height: n, class: 'heat-canvas', role: 'img', 'aria-label': `Similarity of ${n} documents; the closest pairs are listed in the table below it` });
  const ctx2d = canvas.getContext('2d');
  if (ctx2d) {
    const image = ctx2d.createImageData(n, n);
    model.documents.forEach((a, i) => model.documents.forEach((b, j) => {
      const [r, g, bl] = i === j ? [136, 136, 136] : scaleRgb(Number(sim[a.id]?.[b.id] ?? 0));
      const at = (i * n + j) * 4;
      image.data[at] = r;
      image.data[at + 1] = g;
      image.data[at + 2] = bl;
      image.data[at + 3] = 255;
    }));
    ctx2d.putImageData(image, 0, 0);
  }
  const pairs = [];
  model.documents.forEach((a) => model.documents.forEach((b) => {
    if (a.id < b.id) pairs.push([a.id, b.id, Number(sim[a.id]?.[b.id] ?? 0)]);
  }));
  pairs.sort((x, y) => y[2] - x[2]);
  return [canvas, el('table', { class: 'pairs' },
    el('caption', {}, `The ${Math.min(PAIRS_SHOWN, pairs.length)} most similar pairs`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Documents'), el('th', { scope: 'col' }, 'Similarity'))),
    el('tbody', {}, pairs.slice(0, PAIRS_SHOWN).map(([x, y, v]) => el('tr', {},
      el('td', {}, outletChip(model.outlet(x), x), ' and ', outletChip(model.outlet(y), y), ' ', el('a', { href: `#compare/${x}/${y}` }, 'compare')),
      el('td', { class: 'num' }, v.toFixed(2))))))];
}

function scaleLegend() {
  return el('div', { class: 'scale-legend', 'aria-hidden': 'true' },
    el('span', {}, '0 nothing shared'),
    el('span', { class: 'scale-bar' }, [0, 0.25, 0.5, 0.75, 1].map((v) => el('span', { style: { '--heat': scaleColor(v) } }))),
    el('span', {}, '1 the same'));
}

function bars(model) {
  const max = Math.max(1, ...model.documents.map((d) => (d.claims_shared || 0) + (d.claims_unique || 0)));
  return el('ul', { class: 'bars' }, model.documents.map((d) => {
    const shared = d.claims_shared || 0;
    const unique = d.claims_unique || 0;
    return el('li', { class: 'bar-row', style: { '--outlet': outletColor(d.id) } },
      el('span', { class: 'bar-label' }, outletChip(model.outlet(d.id), d.id)),
      el('span', { class: 'bar', 'aria-hidden': 'true' },
        el('span', { class: 'bar-shared', style: { '--w': `${(shared / max) * 100}%` } }),
        el('span', { class: 'bar-unique', style: { '--w': `${(unique / max) * 100}%` } })),
      el('span', { class: 'bar-value' }, `${shared} shared · ${unique} unique`));
  }));
}

/** Sentences that appear word for word in two documents, counted per pair. */
function verbatimPairs(model) {
  const seen = new Map(); // normalised sentence → set of docs
  for (const s of model.sentences) {
    const w = words(s.text);
    if (w.length < 6) continue; // short lines ("Read more") repeat by chance
    const key = w.map((x) => x.norm).join(' ');
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key).add(s.doc);
  }
  const pairs = new Map();
  for (const docs of seen.values()) {
    const list = [...docs].sort((a, b) => a - b);
    if (list.length < 2 || list.length > 20) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = `${list[i]}/${list[j]}`;
        pairs.set(key, (pairs.get(key) || 0) + 1);
      }
    }
  }
  return [...pairs.entries()].map(([key, n]) => [...key.split('/').map(Number), n]).sort((x, y) => y[2] - x[2]);
}

function verbatim(model) {
  const stated = model.documents.filter((d) => Array.isArray(d.verbatim_with) && d.verbatim_with.length);
  // Quotations other documents quote too are the speaker's words, not copying: listed apart.
  const quoting = model.documents.filter((d) => Array.isArray(d.quoted_with) && d.quoted_with.length);
  const items = [];
  for (const d of stated) {
    const share = typeof d.verbatim_share === 'number' ? ` (${Math.round(d.verbatim_share * 100)}% of its words)` : '';
    items.push(el('li', {}, outletChip(model.outlet(d.id), d.id), ` repeats word for word${share}: `,
      d.verbatim_with.map((o, i) => [i ? ', ' : '', outletChip(model.outlet(o), o)])));
  }
  for (const d of quoting) {
    const share = typeof d.quoted_share === 'number' ? ` (${Math.round(d.quoted_share * 100)}% of its words, inside quotation marks)` : '';
    items.push(el('li', { class: 'quoted' }, outletChip(model.outlet(d.id), d.id), ` quotes the same words as `,
      d.quoted_with.map((o, i) => [i ? ', ' : '', outletChip(model.outlet(o), o)]), `${share}: a shared quotation, not copying`));
  }
  if (!stated.length && !quoting.length) {
    for (const [x, y, n] of verbatimPairs(model).slice(0, PAIRS_SHOWN)) {
      items.push(el('li', {}, outletChip(model.outlet(x), x), ' and ', outletChip(model.outlet(y), y),
        ` share ${n} sentence${n > 1 ? 's' : ''} word for word · `, el('a', { href: `#compare/${x}/${y}` }, 'compare them')));
    }
  }
  return items.length ? el('ul', { class: 'verbatim' }, items) : el('p', { class: 'note' }, 'No document repeats another word for word.');
}

function discrepancyItem(model, claim, d) {
  return el('li', { class: `discrepancy${d.compatible ? ' compatible' : ''}` },
    el('strong', { class: 'discrepancy-kind' }, `${d.compatible ? '≈' : '⚠'} ${d.summary || d.kind}`), d.compatible ? ' (can all hold at once) ' : ' ',
    el('a', { href: `#claims/${claim.id}` }, 'see the claim'),
    el('p', { class: 'discrepancy-claim' }, claim.label),
    Array.isArray(d.values) ? el('ul', {}, d.values.map((v) => el('li', {}, outletChip(model.outlet(v.doc), v.doc), ' ', el('span', { class: 'value' }, v.value)))) : null);
}

/**
 * Conflicts (values that cannot all be true) first, under their own heading;
 * roundings, ranges and "about" apart below them. An editor checks the first
 * list; mixed together, the second buried it (issue 14).
 */
function discrepancies(model) {
  const conflicts = [];
  const compatible = [];
  for (const c of model.claims) {
    for (const d of Array.isArray(c.discrepancies) ? c.discrepancies : []) (d.compatible ? compatible : conflicts).push([c, d]);
  }
  if (!conflicts.length && !compatible.length) return el('p', { class: 'note' }, 'No difference in numbers, negations or order was found in the claims the outlets share.');
  const list = (items) => el('ul', { class: 'discrepancy-list' }, items.map(([c, d]) => discrepancyItem(model, c, d)));
  return el('div', { class: 'discrepancy-groups' },
    el('section', { class: 'conflicts', 'aria-labelledby': 'overview-conflicts' },
      el('h4', { id: 'overview-conflicts' }, `Conflicts: the values cannot all be true (${conflicts.length})`),
      conflicts.length ? list(conflicts) : el('p', { class: 'note' }, 'None: where the outlets give different values, the values can all hold at once.')),
    compatible.length
      ? el('section', { class: 'compatible-differences', 'aria-labelledby': 'overview-compatible' },
        el('h4', { id: 'overview-compatible' }, `Stated differently, compatible: rounding, ranges, approximations (${compatible.length})`),
        list(compatible))
      : null);
}

const FRAMING_COLUMNS = [
  ['label', 'Terms for the same thing (what others say instead)'],
  ['reporting_verb', 'Reporting verbs'],
  ['hedge', 'Hedges and attributions'],
  ['evaluative', 'Evaluative words'],
];

/**
 * Per outlet, the words it chose where others worded the same claim
 * otherwise (the Report's `framing`, within the story shown): terms for one
 * referent, reporting verbs, hedges, evaluative words. Each term links to
 * its claims (or, from a quotation, to the quotations).
 */
function framingTable(model) {
  const rows = new Map(); // outlet name -> kind -> term key -> use
  for (const d of model.documents) if (!rows.has(model.outlet(d.id))) rows.set(model.outlet(d.id), new Map());
  for (const f of model.framing || []) {
    if (f.kind === 'detail') continue;
    for (const w of f.wordings || []) {
      if (!w.text) continue;
      const kinds = rows.get(model.outlet(w.doc));
      if (!kinds) continue;
      if (!kinds.has(f.kind)) kinds.set(f.kind, new Map());
      const key = w.text.toLowerCase();
      const terms = kinds.get(f.kind);
      if (!terms.has(key)) terms.set(key, { term: w.text, claims: new Set(), groups: new Set(), others: new Set() });
      const use = terms.get(key);
      if (f.claim !== null && f.claim !== undefined) use.claims.add(f.claim);
      else if (f.quote_group !== null && f.quote_group !== undefined) use.groups.add(f.quote_group);
      for (const o of f.wordings) if (o.doc !== w.doc && o.text.toLowerCase() !== key) use.others.add(o.text || '(none)');
    }
  }
  const used = [...rows.values()].some((kinds) => kinds.size);
  if (!used) return el('p', { class: 'note' }, 'The outlets word the claims they share alike: no different labels, reporting verbs, hedges or evaluative words were found.');
  const cell = (kinds, kind) => {
    const terms = [...(kinds.get(kind)?.values() || [])];
    return el('td', {}, terms.length
      ? el('ul', { class: 'framing-terms' }, terms.map((t) => {
        const claims = [...t.claims].sort((a, b) => a - b);
        const href = claims.length ? `#claims/${claims[0]}` : '#quotes';
        return el('li', {},
          el('a', { href, class: 'framing-term-link', title: claims.length ? `claim${claims.length > 1 ? 's' : ''} ${claims.join(', ')}` : 'in quotations' }, t.term),
          claims.slice(1).map((c, k) => [' ', el('a', { href: `#claims/${c}`, class: 'framing-more' }, `+${k + 1}`)]),
          kind === 'label' && t.others.size ? el('span', { class: 'note' }, ` (others: ${[...t.others].join(' / ')})`) : null);
      }))
      : el('span', { class: 'note' }, '–'));
  };
  return el('div', { class: 'heat-scroll' }, el('table', { class: 'framing-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Outlet'), FRAMING_COLUMNS.map(([, name]) => el('th', { scope: 'col' }, name)))),
    el('tbody', {}, [...rows.entries()].filter(([, kinds]) => kinds.size).map(([name, kinds]) => {
      const doc = model.documents.find((d) => model.outlet(d.id) === name);
      return el('tr', {}, el('th', { scope: 'row' }, outletChip(name, doc?.id ?? 0)), FRAMING_COLUMNS.map(([kind]) => cell(kinds, kind)));
    }))));
}

export function renderOverview(panel, model) {
  const sim = Array.isArray(model.report.similarity) ? model.report.similarity : [];
  const n = model.documents.length;
  replace(panel,
    el('h2', { class: 'view-title' }, 'Overview'),
    el('div', { class: 'overview-grid' },
      el('section', { class: 'card' }, el('h3', {}, 'How alike the documents are'),
        n <= TABLE_LIMIT ? el('div', { class: 'heat-scroll' }, heatTable(model, sim)) : el('div', { class: 'heat-big' }, heatCanvas(model, sim)),
        scaleLegend()),
      el('section', { class: 'card' }, el('h3', {}, 'Claims per outlet'),
        el('p', { class: 'legend-line' }, el('span', { class: 'bar-shared demo' }), ' shared with another outlet ', el('span', { class: 'bar-unique demo' }), ' only in this outlet'),
        bars(model)),
      el('section', { class: 'card' }, el('h3', {}, 'Copied word for word'), verbatim(model)),
      el('section', { class: 'card' }, el('h3', {}, 'Where the outlets disagree'), discrepancies(model)),
      el('section', { class: 'card framing-card' }, el('h3', {}, 'How each outlet words the shared claims'), framingTable(model))));
}
