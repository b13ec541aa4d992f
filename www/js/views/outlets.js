// One colour per outlet, used everywhere that outlet appears. The first
// eight are the Okabe-Ito palette, which stays apart for colour-blind readers.
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#999933'];

// Document id → a stable colour slot: the position of its file among all
// loaded files, so excluding one file does not repaint the others.
let slots = new Map();

/** Sets the colour slot of each document id (ids not given use their own number). */
export function setColorSlots(map) {
  slots = map;
}

export function outletColor(docId) {
  const slot = slots.get(docId) ?? docId;
  if (slot < PALETTE.length) return PALETTE[slot];
  // Past eight outlets, spread hues by the golden angle.
  return `hsl(${Math.round((slot * 137.508) % 360)} 65% 45%)`;
}

/** The outlet as the Report names it (the core names it from the page, URL, file or folder), else its file name. */
export function outletName(doc) {
  if (doc.outlet) return doc.outlet;
  const base = doc.file.split('/').pop();
  return base.replace(/\.[a-z0-9]+$/i, '') || doc.file;
}

/**
 * Outlet names that tell every document apart: where two documents share a
 * name (huffpost.txt of two events' folders), each gets what differs beside
 * it: its folder, else its date, else its file name. Returns id → label.
 */
export function distinctOutletNames(documents) {
  const names = new Map(documents.map((d) => [d.id, outletName(d)]));
  const byName = new Map();
  for (const d of documents) {
    const name = names.get(d.id);
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name).push(d);
  }
  const folderOf = (d) => d.file.split('#')[0].split('/').slice(0, -1).join('/');
  for (const [name, docs] of byName) {
    if (docs.length < 2) continue;
    const distinct = (f) => new Set(docs.map(f)).size === docs.length;
    const date = (d) => (d.date ? readableDate(d.date) : '');
    // The file's own name is enough when the folder is the outlet ("herald/a.txt", "herald/b.txt").
    const base = (d) => d.file.split('#')[0].split('/').pop();
    const tell = distinct(folderOf) ? folderOf : distinct(date) ? date : distinct(base) ? base : (d) => d.file;
    for (const d of docs) names.set(d.id, `${name} (${tell(d) || d.file})`);
  }
  return names;
}

/** A small label for an outlet: its colour dot (decorative) and its name (the real signal). */
export function outletChip(name, docId, attrs = {}) {
  const chip = document.createElement('span');
  chip.className = 'outlet-chip' + (attrs.class ? ` ${attrs.class}` : '');
  chip.style.setProperty('--outlet', outletColor(docId));
  const dot = document.createElement('span');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  chip.append(dot, document.createTextNode(name));
  return chip;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO 8601 date, possibly partial ("2019-02", "--02-27"), as a reader
 * writes it; anything else is shown as given.
 */
export function readableDate(iso) {
  if (typeof iso !== 'string') return null;
  let m = iso.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m && MONTHS[m[2] - 1]) return `${Number(m[3])} ${MONTHS[m[2] - 1]} ${m[1]}`;
  m = iso.match(/^(\d{4})-(\d{2})$/);
  if (m && MONTHS[m[2] - 1]) return `${MONTHS[m[2] - 1]} ${m[1]}`;
  m = iso.match(/^--(\d{2})-(\d{2})$/);
  if (m && MONTHS[m[1] - 1]) return `${Number(m[2])} ${MONTHS[m[1] - 1]} (year not stated)`;
  return iso;
}
