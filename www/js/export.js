// Exports: the Report as JSON (what the CLI's --format json prints), the
// claims grid and the sentences as CSV (the CLI's --format csv and
// --format sentences-csv, byte for byte), and the current
// view as one self-contained HTML file: inline CSS, the rendered DOM, no scripts.
import { outletName } from './views/outlets.js';

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

/** The claims grid, byte for byte the CLI's `--format csv`. */
export function claimsCsv(report) {
  const header = ['claim', 'support', 'label', 'discrepancies', ...report.documents.map((d) => csvField(csvOutlet(d)))];
  let out = header.join(',') + '\n';
  for (const c of report.claims) {
    const row = [
      String(c.id),
      String(c.docs.length),
      csvField(c.label),
      csvField((c.discrepancies || []).map((d) => d.summary).join('; ')),
    ];
    for (const d of report.documents) {
      const wording = c.sentences.map((s) => report.sentences[s]).filter((s) => s && s.doc === d.id).map((s) => s.text);
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

/** One HTML file: the view's DOM as it is rendered now, its text escaped by the serializer. */
export function exportHtml(panel, viewName, report) {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.lang = 'en';
  if (document.documentElement.dataset.theme) doc.documentElement.dataset.theme = document.documentElement.dataset.theme;
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  doc.head.prepend(meta);
  const viewport = doc.createElement('meta');
  viewport.name = 'viewport';
  viewport.content = 'width=device-width, initial-scale=1';
  doc.head.appendChild(viewport);
  doc.title = `Parallax: ${viewName}`;
  const style = doc.createElement('style');
  style.textContent = pageCss();
  doc.head.appendChild(style);
  const main = doc.createElement('main');
  main.className = 'exported';
  const h1 = doc.createElement('h1');
  h1.textContent = `Parallax: ${viewName}`;
  const about = doc.createElement('p');
  about.className = 'export-about';
  const sources = report.documents.map((d) => outletName(d)).join(', ');
  about.textContent = `${report.documents.length} sources (${sources}). Exported ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
  main.append(h1, about);
  const clone = doc.importNode(panel, true);
  clone.hidden = false;
  // No behaviour survives: the file holds no scripts, and controls that did something in the page are inert.
  // A select becomes the text of its current choice (a clone forgets the choice made in the page).
  const chosen = [...panel.querySelectorAll('select')].map((s) => s.selectedOptions[0]?.textContent || '');
  [...clone.querySelectorAll('select')].forEach((s, i) => {
    const text = doc.createElement('strong');
    text.textContent = chosen[i];
    s.replaceWith(text);
  });
  // Filters and paging do nothing without scripts; what they selected is what the file shows.
  for (const node of clone.querySelectorAll('script, form.filters, button.more, input, textarea')) node.remove();
  for (const node of clone.querySelectorAll('*')) {
    for (const attr of [...node.attributes]) if (/^on/i.test(attr.name)) node.removeAttribute(attr.name);
  }
  for (const a of clone.querySelectorAll('a[href^="#"]')) a.removeAttribute('href');
  main.appendChild(clone);
  doc.body.appendChild(main);
  return '<!doctype html>\n' + doc.documentElement.outerHTML;
}

export function downloadHtml(panel, viewName, report) {
  download(`parallax-${viewName.toLowerCase()}.html`, 'text/html', exportHtml(panel, viewName, report));
}

/** JSON.stringify replacer: typed rows (the similarity matrix) as plain arrays, like the CLI's JSON. */
function plainArrays(_key, value) {
  return ArrayBuffer.isView(value) ? Array.from(value) : value;
}
