// Exports: the Report as JSON (what the CLI's --format json prints), the
// claims grid and the sentences as CSV (the CLI's --format csv and
// --format sentences-csv, byte for byte), and the current view as one HTML
// file that is whole (every row, every wording, in <details>), opens offline
// with no script, and keeps none of the live page's controls or instructions.
import { el, plural } from './dom.js';
import { diffMark, differingSpans, highlighted } from './diff.js';
import { shownText, uniqueSentences, unitRuns } from './model.js';
import { outletChip, outletColor, outletName } from './views/outlets.js';

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadJson(report) {
  download('parallax-report.json', 'application/json', JSON.stringify(report, plainArrays));
}

// Mirrors csv_field in src/main.rs: quoted only when it must be.
function csvField(s) {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Mirrors outlet_name in src/main.rs: outlet, else title, else file.
function csvOutlet(doc) {
  return doc.outlet ?? doc.title ?? doc.file;
}

// Mirrors framing_cell in src/main.rs: each framing difference of the claim
// as "kind: words / words", "(none)" where a wording has nothing there.
function framingCell(report, claim) {
  return (report.framing || []).filter((f) => f.claim === claim)
    .map((f) => `${f.kind}: ${f.wordings.map((w) => w.text || '(none)').join(' / ')}`)
    .join('; ');
}

/** The claims grid, byte for byte the CLI's `--format csv`. */
export function claimsCsv(report) {
  const header = ['claim', 'support', 'label', 'discrepancies', 'framing', ...report.documents.map((d) => csvField(csvOutlet(d)))];
  let out = header.join(',') + '\n';
  for (const c of report.claims) {
    const row = [
      String(c.id),
      String(c.docs.length),
      csvField(c.label),
      csvField((c.discrepancies || []).map((d) => d.summary).join('; ')),
      csvField(framingCell(report, c.id)),
    ];
    for (const d of report.documents) {
      // Each sentence between the quotation marks its wording needs to read whole.
      const wording = (c.wordings || []).filter((w) => w.doc === d.id && report.sentences[w.sentence])
        .map((w) => `${w.before || ''}${report.sentences[w.sentence].text}${w.after || ''}`);
      row.push(csvField(wording.join(' ')));
    }
    out += row.join(',') + '\n';
  }
  return out;
}

export function downloadCsv(report) {
  download('parallax-claims.csv', 'text/csv', claimsCsv(report));
}

/**
 * Every sentence of every document, one row each, byte for byte the CLI's
 * `--format sentences-csv` (sentences_csv in src/main.rs): the claims CSV
 * holds only what two outlets share, this one also what one outlet alone
 * says (an empty claim), and headings, captions and the rest by their kind.
 */
export function sentencesCsv(report) {
  const storyOf = new Map();
  for (const s of report.stories || []) for (const d of s.documents) storyOf.set(d, s.id);
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  let out = 'sentence,story,document,outlet,file,kind,claim,text\n';
  for (const s of report.sentences) {
    const d = docs.get(s.doc);
    const row = [
      String(s.id),
      storyOf.has(s.doc) ? String(storyOf.get(s.doc)) : '',
      String(s.doc),
      csvField(d ? csvOutlet(d) : ''),
      csvField(d ? d.file : ''),
      s.kind,
      s.claim === null || s.claim === undefined ? '' : String(s.claim),
      csvField(s.text),
    ];
    out += row.join(',') + '\n';
  }
  return out;
}

export function downloadSentencesCsv(report) {
  download('parallax-sentences.csv', 'text/csv', sentencesCsv(report));
}

/** JSON.stringify replacer: typed rows (the similarity matrix) as plain arrays, like the CLI's JSON. */
function plainArrays(_key, value) {
  return ArrayBuffer.isView(value) ? Array.from(value) : value;
}

// ---------------------------------------------------------------- HTML

/** The page's own stylesheet as text (same origin, so its rules are readable). */
function pageCss() {
  let css = '';
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) css += rule.cssText + '\n';
    } catch {
      // A sheet we may not read is skipped; ours is same-origin.
    }
  }
  return css;
}


/** Claims, most widely carried first (the grid's default order). */
function claimRows(model) {
  return model.claims
    .map((claim) => {
      const sentences = (claim.sentences || []).map((id) => model.sentenceById.get(id)).filter(Boolean);
      const docs = [...new Set(claim.docs || sentences.map((s) => s.doc))].sort((a, b) => a - b);
      const discrepancies = Array.isArray(claim.discrepancies) ? claim.discrepancies : [];
      return { claim, sentences, docs, discrepancies, first: Math.min(...sentences.map((s) => s.id), Infinity) };
    })
    .sort((a, b) => b.docs.length - a.docs.length || a.first - b.first);
}

function discrepancyBlock(model, discrepancies) {
  if (!discrepancies.length) return null;
  return el('div', { class: 'discrepancies', role: 'note' },
    discrepancies.map((d) => el('div', { class: `discrepancy${d.compatible ? ' compatible' : ''}` },
      el('strong', { class: 'discrepancy-kind' }, `${d.compatible ? '≈' : '⚠'} ${d.summary || d.kind || 'discrepancy'}`),
      d.compatible ? el('span', { class: 'note' }, ' (the values can all hold at once)') : null,
      Array.isArray(d.values) && d.values.length
        ? el('ul', {}, d.values.map((v) => el('li', {}, outletChip(model.outlet(v.doc), v.doc), ' ', el('span', { class: 'value' }, v.value))))
        : null)));
}

/** One claim as a <details>: its label and carriers in the summary, every wording inside. */
function claimDetails(model, row) {
  const { claim, discrepancies } = row;
  const reference = model.labelSentence(claim);
  const sentences = [...row.sentences].sort((a, b) => (b === reference) - (a === reference) || a.doc - b.doc || a.start - b.start);
  // The values the outlets disagree on are boxed; word differences elsewhere are marked.
  const valueSpans = new Map();
  for (const d of discrepancies) {
    for (const v of Array.isArray(d.values) ? d.values : []) {
      if (!Array.isArray(v.span)) continue;
      if (!valueSpans.has(v.sentence)) valueSpans.set(v.sentence, []);
      valueSpans.get(v.sentence).push({ start: v.span[0], end: v.span[1], value: true });
    }
  }
  const mark = (span) => {
    if (!span.value) return diffMark();
    const m = document.createElement('mark');
    m.className = 'value-mark';
    return m;
  };
  const wordings = el('ul', { class: 'wordings' }, sentences.map((s) => {
    const values = valueSpans.get(s.id) || [];
    const diffs = model.claimDiffs(claim, s).filter((d) => !values.some((v) => d.start < v.end && v.start < d.end));
    const wording = (Array.isArray(claim.wordings) ? claim.wordings : []).find((w) => w.sentence === s.id);
    const support = wording && Array.isArray(wording.support)
      ? el('p', { class: 'support-line' },
        wording.also ? 'This sentence reports other facts too; it carries this claim in: ' : 'Carries the claim in: ',
        el('q', { class: 'support-words' }, s.text.slice(wording.support[0], wording.support[1])))
      : null;
    return el('li', { class: 'wording', style: { '--outlet': outletColor(s.doc) } },
      el('div', { class: 'wording-head' }, outletChip(model.outlet(s.doc), s.doc),
        s === reference && sentences.length > 1 ? el('span', { class: 'kind-badge' }, 'reference wording') : null),
      el('p', { class: 'wording-text' }, wording?.before || null, highlighted(s.text, [...values, ...diffs], mark), wording?.after || null),
      support);
  }));
  const all = Array.isArray(model.report.all_claims) ? model.report.all_claims : [];
  const stories = Array.isArray(model.report.stories) ? model.report.stories : [];
  const context = (Array.isArray(claim.context) ? claim.context : []).map((id) => all.find((c) => c.id === id)).filter(Boolean);
  const soft = discrepancies.length && discrepancies.every((d) => d.compatible);
  return el('details', { class: 'x-row x-claim', id: `claim-${claim.id}` },
    el('summary', {},
      el('span', { class: 'claim-label' }, claim.label || sentences[0]?.text || ''),
      el('span', { class: 'x-meta' },
        el('span', { class: 'support' }, plural(row.docs.length, 'outlet')),
        row.docs.map((d) => outletChip(model.outlet(d), d)),
        discrepancies.length
          ? el('span', { class: `flag${soft ? ' soft' : ''}` }, [
            discrepancies.some((d) => !d.compatible) ? `⚠ conflict: ${discrepancies.filter((d) => !d.compatible).map((d) => d.kind).join(', ')}` : '',
            discrepancies.some((d) => d.compatible) ? `≈ stated differently: ${discrepancies.filter((d) => d.compatible).map((d) => d.kind).join(', ')}` : '',
          ].filter(Boolean).join(' · '))
          : null)),
    el('div', { class: 'x-body' },
      discrepancyBlock(model, discrepancies),
      wordings,
      context.length
        ? el('div', { class: 'context-claims', role: 'note' },
          el('p', {}, el('strong', {}, 'Said of another story too'), ' (context, not corroboration):'),
          el('ul', {}, context.map((c) => {
            const story = stories.find((s) => s.id === c.story);
            return el('li', {}, el('q', {}, c.label), story ? ` (${story.label})` : '');
          })))
        : null));
}

function claimsExport(model) {
  const rows = claimRows(model);
  const unique = model.documents.map((d) => ({ doc: d, sentences: uniqueSentences(model, d.id) })).filter((u) => u.sentences.length);
  return [
    el('h2', { class: 'view-title' }, 'Claims'),
    el('p', { class: 'view-intro' }, `${plural(rows.length, 'claim')} carried by two or more outlets, most widely carried first. Each one holds every outlet's wording.`),
    el('p', { class: 'legend-line' }, el('mark', { class: 'diff' }, 'Marked'), ' words differ from the reference wording',
      // The boxes are explained only where there are some.
      rows.some((r) => r.discrepancies.some((d) => (d.values || []).some((v) => Array.isArray(v.span))))
        ? ['; ', el('mark', { class: 'value-mark' }, 'boxed'), ' values are the ones the outlets disagree on']
        : null, '.'),
    rows.length ? el('div', { class: 'x-list' }, rows.map((row) => claimDetails(model, row))) : el('p', { class: 'note' }, 'No claim is carried by two outlets.'),
    unique.length
      ? el('section', { class: 'x-section' },
        el('h3', {}, 'Only in one outlet'),
        el('p', { class: 'view-intro' }, 'Statements no other outlet carries, by outlet.'),
        el('div', { class: 'x-list' }, unique.map(({ doc, sentences }) => el('details', { class: 'x-row', id: `only-${doc.id}` },
          el('summary', {}, outletChip(model.outlet(doc.id), doc.id), el('span', { class: 'x-meta' }, plural(sentences.length, 'sentence'))),
          el('ul', { class: 'wordings x-body' }, unitRuns(sentences).map((group) => el('li', { class: 'wording', style: { '--outlet': outletColor(doc.id) } },
            el('p', { class: 'wording-text' }, shownText(group, (s) => s)))))))))
      : null,
  ];
}

/** Quote groups as the Quotes view forms them: the core's groups, then one per ungrouped quotation. */
function quoteGroups(model) {
  const byId = new Map(model.quotes.map((q) => [q.id, q]));
  const grouped = new Set();
  const groups = [];
  for (const g of model.quoteGroups) {
    // The core's own word differences, when it gives them (UTF-16, relative to the quotation).
    const differs = new Map((Array.isArray(g.members) ? g.members : [])
      .map((m) => [m.quote, Array.isArray(m.differing) ? m.differing : Array.isArray(m.differs) ? m.differs : null])
      .filter(([, d]) => d));
    const quotes = (g.quotes || []).map((id) => byId.get(id)).filter(Boolean);
    if (!quotes.length) continue;
    for (const q of quotes) grouped.add(q.id);
    groups.push({ source: g, quotes, differs });
  }
  for (const q of model.quotes) if (!grouped.has(q.id)) groups.push({ source: null, quotes: [q], differs: new Map() });
  for (const g of groups) {
    const speakers = [...new Set(g.quotes.map((q) => q.speaker).filter(Boolean))];
    g.speaker = g.source?.speaker || speakers[0] || null;
    const named = g.source?.conflicting_speakers;
    g.conflict = g.source?.conflict ? (Array.isArray(named) && named.length ? named : speakers) : speakers.length > 1 ? speakers : null;
    g.docs = new Set(g.quotes.map((q) => q.doc));
    g.first = Math.min(...g.quotes.map((q) => q.id));
  }
  return groups;
}

function quoteItem(model, q, reference, group) {
  const given = group.differs.get(q.id) || (Array.isArray(q.differs) ? q.differs : null);
  const spans = given
    ? given.map(([start, end]) => ({ start, end }))
    : reference && reference.id !== q.id ? differingSpans(q.text, reference.text).map(([start, end]) => ({ start, end })) : [];
  return el('li', { class: `quote-item kind-${q.kind}`, style: { '--outlet': outletColor(q.doc) } },
    el('div', { class: 'wording-head' }, outletChip(model.outlet(q.doc), q.doc),
      q.kind !== 'statement' ? el('span', { class: `kind-badge kind-${q.kind}` }, q.kind === 'term' ? 'term / scare quote' : q.kind) : null,
      group.conflict && q.speaker ? el('span', { class: 'quote-speaker' }, `given to ${q.speaker}`) : null,
      q.cue ? el('span', { class: 'cue' }, q.cue) : null,
      q.speaker_given && q.speaker_given !== q.speaker ? el('span', { class: 'cue' }, `as “${q.speaker_given}”`) : null,
      q.closed === false ? el('span', { class: 'kind-badge' }, 'no closing mark') : null),
    el('blockquote', { class: 'quote-text' }, highlighted(q.text, spans, diffMark)));
}

function quotesExport(model) {
  const groups = quoteGroups(model);
  const bySpeaker = new Map();
  for (const g of groups) {
    const key = g.speaker ?? '';
    if (!bySpeaker.has(key)) bySpeaker.set(key, []);
    bySpeaker.get(key).push(g);
  }
  // Speakers quoted by most outlets first; unattributed quotations last, as in the view.
  const reach = (gs) => new Set(gs.flatMap((g) => [...g.docs])).size;
  const speakers = [...bySpeaker.entries()].sort(([a, ga], [b, gb]) =>
    (a === '') - (b === '') || reach(gb) - reach(ga) || gb.length - ga.length || a.localeCompare(b));
  const info = new Map(model.speakers.map((s) => [s.name, s]));
  const sections = speakers.map(([name, gs]) => {
    gs.sort((a, b) => b.docs.size - a.docs.size || a.first - b.first);
    const aliases = (info.get(name)?.aliases || []).filter((a) => a !== name);
    const shared = gs.filter((g) => g.quotes.length > 1 || g.conflict);
    const singles = gs.filter((g) => !(g.quotes.length > 1 || g.conflict));
    return el('section', { class: 'speaker' },
      el('h3', { class: 'speaker-name' }, name || 'Speaker not identified',
        el('span', { class: 'speaker-count' }, ` · ${plural(gs.reduce((n, g) => n + g.quotes.length, 0), 'quotation')}`)),
      aliases.length ? el('p', { class: 'aliases' }, 'Also named: ', aliases.join(', ')) : null,
      shared.map((g) => {
        // Differences are marked against the longest wording, the likeliest full version.
        const reference = [...g.quotes].sort((a, b) => b.text.length - a.text.length)[0];
        return el('details', { class: `x-row quote-group${g.conflict ? ' conflict' : ''}` },
          el('summary', {}, el('q', { class: 'x-quote' }, reference.text),
            el('span', { class: 'x-meta' }, `${plural(g.docs.size, 'outlet')}, ${plural(g.quotes.length, 'wording')}`,
              g.conflict ? el('span', { class: 'flag' }, `⚠ given to different speakers: ${g.conflict.join(' / ')}`) : null)),
          el('ul', { class: 'quote-list x-body' }, [...g.quotes].sort((a, b) => a.doc - b.doc).map((q) => quoteItem(model, q, reference, g))));
      }),
      singles.length
        ? el('details', { class: 'x-row quote-group singles' },
          el('summary', {}, el('span', { class: 'x-meta' }, singles.length === 1 ? 'One quotation in one outlet only' : `${singles.length} quotations, each in one outlet only`)),
          el('ul', { class: 'quote-list x-body' }, singles.map((g) => quoteItem(model, g.quotes[0], null, g))))
        : null);
  });
  return [
    el('h2', { class: 'view-title' }, 'Quotes'),
    el('p', { class: 'view-intro' }, `${plural(model.quotes.length, 'quotation')} (statements and terms alike) by ${plural(speakers.length, 'speaker')}, with the words each outlet gives them. `,
      el('mark', { class: 'diff' }, 'Marked'), ' words differ between outlets.'),
    sections.length ? sections : el('p', { class: 'note' }, 'No quotation.'),
  ];
}

// Links that only moved between the live page's views: in a file they lead nowhere and say nothing.
const NAVIGATION = /→\s*$|^(compare|compare them|compare side by side|read there|see the claim)$/i;

/**
 * Takes the live page out of a cloned view: controls, instructions, handlers
 * and the links whose target is not in the file. Links into the file stay.
 */
function stripLive(root) {
  const gone = [
    'script', 'form', 'button', 'input', 'select', 'textarea', 'canvas', '.hint', '.drop-more',
    '.source-head .include-toggle', '#excluded .note', '.read-toolbar > label', '.compare-toolbar > label', '.compare-count',
  ];
  for (const node of root.querySelectorAll(gone.join(','))) node.remove();
  // A label left without its control (an excluded file's name) keeps its text.
  for (const label of root.querySelectorAll('label')) label.replaceWith(...label.childNodes);
  for (const node of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...node.attributes]) {
      if (/^on/i.test(attr.name) || ['aria-pressed', 'aria-controls', 'aria-expanded', 'aria-live'].includes(attr.name)) node.removeAttribute(attr.name);
    }
    // A quotation keeps its focus: CSS alone shows its speaker then, script or not.
    if (!node.matches('mark.quote')) node.removeAttribute('tabindex');
    if (node.getAttribute('role') === 'button') node.removeAttribute('role');
  }
  for (const a of root.querySelectorAll('a')) {
    const href = a.getAttribute('href') || '';
    if (href.length > 1 && href.startsWith('#') && root.querySelector(`[id="${CSS.escape(href.slice(1))}"]`)) continue;
    if (/^https?:/i.test(href)) continue;
    if (a.classList.contains('read-link') || NAVIGATION.test(a.textContent.trim())) {
      // The separator before a removed link goes with it.
      const before = a.previousSibling;
      if (before?.nodeType === Node.TEXT_NODE) before.textContent = before.textContent.replace(/\s*·\s*$/, '');
      a.remove();
    } else a.replaceWith(...a.childNodes);
  }
}

// A declaration the page's own code sets (a colour, a width): custom property or plain, no url, no braces.
const DECLARATION = /^\s*(--[\w-]+|[a-z-]+)\s*:\s*([#\w\s%().,/-]+?)\s*$/i;

/**
 * Turns every style attribute (outlet colours, heat-map cells, bar widths)
 * into a class with one rule in the file's stylesheet, so that the file's
 * CSP can allow its one <style> element and no inline style at all.
 */
function stylesToClasses(root) {
  const classes = new Map();
  for (const node of root.querySelectorAll('[style]')) {
    const declarations = (node.getAttribute('style') || '').split(';').filter((d) => d.trim() && DECLARATION.test(d)).map((d) => d.trim());
    node.removeAttribute('style');
    if (!declarations.length) continue;
    const key = declarations.join('; ');
    if (!classes.has(key)) classes.set(key, `x-s${classes.size}`);
    node.classList.add(classes.get(key));
  }
  return [...classes].map(([decls, name]) => `.${name} { ${decls}; }`).join('\n');
}

/** A view that the page renders whole (not lazily) is taken as it is rendered now. */
function cloneView(panel) {
  const clone = panel.cloneNode(true);
  clone.hidden = false;
  clone.removeAttribute('role');
  clone.removeAttribute('aria-labelledby');
  return clone;
}

/**
 * The Read view as rendered, with what the page shows one selection at a
 * time laid out whole: every sentence another outlet carries gets its
 * counterparts in a <details> beside the text, and its "+N" badge links there.
 */
function readView(panel, model) {
  const clone = cloneView(panel);
  const aside = clone.querySelector('.counterparts');
  const rows = [];
  for (const node of clone.querySelectorAll('.sent[data-sentence]')) {
    const s = model.sentenceById.get(Number(node.dataset.sentence));
    const others = s ? model.counterparts(s) : [];
    if (!others.length) continue;
    const id = `cp-${s.id}`;
    const badge = node.querySelector('.support-badge');
    if (badge) {
      const link = el('a', { href: `#${id}`, class: 'x-badge-link' });
      badge.replaceWith(link);
      link.appendChild(badge);
    }
    rows.push(el('details', { class: 'x-row', id },
      el('summary', {}, el('span', { class: 'selected-text' }, s.text),
        el('span', { class: 'x-meta' }, `in ${plural(new Set(others.map((o) => o.doc)).size, 'other outlet')}`)),
      el('ul', { class: 'wordings x-body' }, others.map((o) => el('li', { class: 'wording', style: { '--outlet': outletColor(o.doc) } },
        el('div', { class: 'wording-head' }, outletChip(model.outlet(o.doc), o.doc)),
        el('p', { class: 'wording-text' }, highlighted(o.text, differingSpans(o.text, s.text).map(([start, end]) => ({ start, end })), diffMark)))))));
  }
  const side = el('aside', { class: 'counterparts x-counterparts', 'aria-label': 'Counterparts in other outlets' },
    el('h3', {}, 'Counterparts in other outlets'),
    rows.length
      ? [el('p', { class: 'note' }, 'Each sentence another outlet carries, with their wordings; ', el('mark', { class: 'diff' }, 'marked'), ' words differ from this document\'s.'), el('div', { class: 'x-list' }, rows)]
      : el('p', { class: 'note' }, 'No other outlet carries a sentence of this document.'));
  if (aside) aside.replaceWith(side);
  else clone.querySelector('.read-layout')?.appendChild(side);
  return clone;
}

/** The Sources view, rendered apart with every card shown (the page shows the first 60). */
function sourcesView(panel, render) {
  const copy = panel.cloneNode(true);
  for (const id of ['source-list', 'source-more', 'excluded']) copy.querySelector(`#${id}`)?.replaceChildren();
  render(copy);
  copy.querySelector('#source-more button')?.click();
  return cloneView(copy);
}

/** The SHA-256 of a text, base64, for a CSP source; null where SubtleCrypto is absent (a page served over plain http). */
async function sha256Base64(text) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

/**
 * One HTML file of the view `view` ("claims", …) of the story the page shows.
 * `model` is that story's model, `report` the whole Report (for the story's
 * name), `panel` the live view, `renderSources` draws Sources into a copy.
 */
export async function exportHtml({ view, title, panel, model, report, story, renderSources }) {
  let content;
  if (view === 'claims') content = el('section', { class: 'panel' }, claimsExport(model));
  else if (view === 'quotes') content = el('section', { class: 'panel' }, quotesExport(model));
  else if (view === 'sources' && renderSources) content = sourcesView(panel, renderSources);
  else if (view === 'read') content = readView(panel, model);
  else content = cloneView(panel);
  content.id = `export-${view}`;

  const stories = Array.isArray(report.stories) ? report.stories : [];
  const shown = stories.length > 1 ? stories.find((s) => s.id === story) : null;
  const sources = model.documents.map((d) => outletName(d)).join(', ');
  const main = el('main', { class: 'exported' },
    el('h1', {}, `Parallax: ${title}`),
    shown ? el('p', { class: 'export-story' }, el('strong', {}, `Story ${shown.id + 1} of ${stories.length}: `), shown.label,
      ` (the files hold ${stories.length} stories; this file shows this one).`) : null,
    el('p', { class: 'export-about' },
      `${plural(model.documents.length, 'source')} (${sources}). Exported ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC from Parallax; this file holds no script and opens offline.`),
    content);
  stripLive(main);
  const css = `${pageCss()}\n/* Outlet colours and other values the views set per element. */\n${stylesToClasses(main)}\n`
    // Our own CSS only, but a stray end tag would still end the element early.
    .replace(/<\/style/gi, '<\\/style');

  // Nothing may load or run: no script, no request. Style comes from the one
  // <style> element, allowed by its hash, so even an inline style attribute
  // is refused. Where the page cannot hash (no SubtleCrypto off a secure
  // origin), 'unsafe-inline' for styles alone: the file still has no script
  // and no article text is ever markup, so a style could only restyle it.
  const hash = await sha256Base64(css);
  const csp = `default-src 'none'; style-src ${hash ? `'sha256-${hash}'` : "'unsafe-inline'"}; base-uri 'none'; form-action 'none'`;
  const theme = document.documentElement.dataset.theme;
  // The file is written as text, not built as a document of this page: a
  // <style> put into a document made here would be checked against the
  // page's own CSP (style-src 'self'), which refuses it and says so.
  return '<!doctype html>\n'
    + `<html lang="en"${theme ? ` data-theme="${escapeAttribute(theme)}"` : ''}>\n<head>\n`
    + '<meta charset="utf-8">\n'
    + `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">\n`
    + '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    + '<meta name="referrer" content="no-referrer">\n'
    + `<title>${escapeText(`Parallax: ${title}${shown ? ` (${shown.label})` : ''}`)}</title>\n`
    + `<style>${css}</style>\n</head>\n<body>\n${main.outerHTML}\n</body>\n</html>\n`;
}

function escapeText(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s) {
  return escapeText(s).replace(/"/g, '&quot;');
}

export async function downloadHtml(options) {
  download(`parallax-${options.view}.html`, 'text/html', await exportHtml(options));
}
