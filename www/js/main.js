// Entry and state: the loaded files (all kept, some excluded), the Report,
// the hash that names the view, and the wiring between loading, the worker
// and the views.
import { AnalysisClient } from './client.js';
import { exampleFiles, filesFromDrop, filesFromList, splitReports } from './files.js';
import { el, replace } from './dom.js';
import { indexReport } from './model.js';
import { cameFrom, renderSources } from './views/sources.js';
import { renderClaims } from './views/claims.js';
import { renderQuotes } from './views/quotes.js';
import { renderRead } from './views/read.js';
import { renderCompare } from './views/compare.js';
import { renderOverview } from './views/overview.js';
import { downloadCsv, downloadHtml, downloadJson } from './export.js';
import { setColorSlots } from './views/outlets.js';

const state = {
  files: [], // {name, bytes, included}
  report: null,
  model: null,
  fromReportFile: null, // the name of a loaded Report JSON, when that is what is shown
  loadErrors: [], // {file, reason} from the page itself (unreadable drops)
  rendered: new Map(), // view → the route it was last rendered for, with this model
};

const VIEWS = ['sources', 'claims', 'quotes', 'read', 'compare', 'overview'];
const RENDERERS = {
  sources: renderSources,
  claims: renderClaims,
  quotes: renderQuotes,
  read: renderRead,
  compare: renderCompare,
  overview: renderOverview,
};

const $ = (id) => document.getElementById(id);
const client = new AnalysisClient();

// ---------------------------------------------------------------- progress

function setBusy(busy, text = '') {
  $('status').hidden = !busy;
  $('progress-text').textContent = text;
  if (busy) $('progress').removeAttribute('value');
  document.body.classList.toggle('busy', busy);
}

// The core's stage names, as a reader would say them; an unknown stage shows as it comes.
const STAGE_NAMES = {
  reading: 'Reading',
  'sentences and quotations': 'Finding sentences and quotations in',
  'aligning claims': 'Aligning claims',
  'building the report': 'Building the report',
};

function showProgress({ stage, done, total, file }) {
  const p = $('progress');
  p.max = Math.max(total, 1);
  p.value = done;
  const name = STAGE_NAMES[stage] || stage.charAt(0).toUpperCase() + stage.slice(1);
  const of = total > 1 ? ` (${Math.min(done + 1, total)} of ${total})` : '';
  $('progress-text').textContent = file ? `${name} ${file}${of}` : `${name}…${of}`;
}

function showErrors(errors) {
  $('errors').hidden = errors.length === 0;
  replace($('error-list'), errors.map((e) => el('li', {}, el('strong', {}, e.file), `: ${e.reason}`)));
}

// ---------------------------------------------------------------- loading

async function addFiles(files) {
  if (files.length === 0) return;
  const { reports, others } = await splitReports(files);
  if (reports.length && others.length === 0) {
    // A saved Report opens as it is: nothing to analyse.
    const { name, report } = reports[reports.length - 1];
    state.files = [];
    state.fromReportFile = name;
    setReport(report);
    return;
  }
  for (const r of reports) state.loadErrors.push({ file: r.name, reason: 'a saved report opens on its own; drop it without other files' });
  if (state.fromReportFile) {
    // Articles dropped onto a loaded Report start a new analysis: a Report has no source bytes to re-analyse.
    state.fromReportFile = null;
  }
  const before = state.files.slice();
  const known = new Set(state.files.map((f) => f.name));
  let added = 0;
  for (const file of others) {
    if (!known.has(file.name)) {
      state.files.push({ ...file, included: true });
      known.add(file.name);
      added++;
    }
  }
  // The same files dropped again change nothing: no need to analyse again.
  if (added === 0 && state.report && !state.fromReportFile) return;
  // A cancelled or crashed load leaves the corpus as it was before the drop,
  // so one file that stops the engine does not stop every later analysis.
  if ((await analyse()) !== 'ok') state.files = before;
}

async function analyse() {
  const included = state.files.filter((f) => f.included);
  setBusy(true, `Reading ${included.length} files…`);
  try {
    const report = included.length
      ? await client.analyze(included.map(({ name, bytes }) => ({ name, bytes })), showProgress)
      : emptyReport();
    // The report's arrival is one task of the page's thread; indexing and
    // drawing it start in the next, so no single task holds the page long.
    await nextTask();
    setReport(report);
    return 'ok';
  } catch (error) {
    if (error.cancelled) return 'cancelled';
    if (error.file && state.files.some((f) => f.name === error.file)) {
      // The file that broke the analysis is set aside so the others still load.
      state.files = state.files.filter((f) => f.name !== error.file);
      state.loadErrors.push({ file: error.file, reason: `${error.message}; the file was set aside` });
      showErrors([...state.loadErrors, ...(state.report?.errors || [])]);
      if (state.files.some((f) => f.included)) {
        setBusy(false);
        return analyse();
      }
      return 'failed';
    }
    const where = error.stage ? ` (${error.stage})` : '';
    state.loadErrors.push({ file: 'analysis', reason: `${error.message}${where}` });
    showErrors(state.loadErrors);
    return 'failed';
  } finally {
    setBusy(false);
  }
}

/** Resolves after the page's other pending tasks (input, paint) had their turn. */
function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The file names a document's `file` may have come from: itself, and what stands before each '/' or '#'. */
function fileNamesOf(file) {
  const names = [file];
  for (let i = 0; i < file.length; i++) {
    if (file[i] === '/' || file[i] === '#') names.push(file.slice(0, i));
  }
  return names;
}

function emptyReport() {
  return { schema: 'parallax.report/1', documents: [], sentences: [], quotes: [], claims: [], quote_groups: [], speakers: [], similarity: [], errors: [] };
}

function showNotes(notes) {
  $('notes').hidden = notes.length === 0;
  replace($('note-list'), notes.map((n) => el('li', {}, n)));
}

// The footer says whether the word vectors (semantic alignment) are in use.
client.onModel = (model) => {
  $('engine-state').textContent = model.ok
    ? `Word vectors loaded (${model.count.toLocaleString('en')} words, from the ${model.source === 'cache' ? 'browser cache' : 'network'}).`
    : `Word vectors not loaded: claims are aligned by their words alone (${model.error}).`;
};

function setReport(report) {
  state.report = report;
  showNotes(report.notes || []);
  // Colours follow the files, not the documents' numbers in this analysis:
  // an excluded file keeps its slot, so the others keep their colours.
  const docs = report.documents || [];
  // Documents by the file they came from (a zip entry or JSON record names
  // its file before '/' or '#'), found in one pass instead of a scan per file.
  const byFile = new Map();
  for (const d of docs) {
    for (const name of fileNamesOf(d.file)) {
      if (!byFile.has(name)) byFile.set(name, []);
      byFile.get(name).push(d);
    }
  }
  const slots = new Map();
  let next = 0;
  for (const file of state.files) {
    const own = file.included ? (byFile.get(file.name) || []).filter((d) => cameFrom(d, file.name)) : [];
    if (own.length === 0) next++;
    for (const d of own) slots.set(d.id, next++);
  }
  setColorSlots(slots);
  state.model = indexReport(report);
  state.rendered.clear();
  lastRoute.clear();
  render();
}

/** Excludes or re-includes one file, then re-analyses what is included. */
function setIncluded(fileName, included) {
  const file = state.files.find((f) => f.name === fileName);
  if (!file || file.included === included) return;
  file.included = included;
  analyse().then((outcome) => {
    if (outcome === 'ok') return;
    file.included = !included;
    // The toggle the reader flipped goes back to what is actually analysed.
    state.rendered.delete('sources');
    route();
  });
}

// ---------------------------------------------------------------- rendering

function render() {
  const report = state.report;
  showErrors([...state.loadErrors, ...(report?.errors || [])]);
  if (!report) return;
  const hasAny = report.documents.length > 0 || state.files.length > 0;
  $('results').hidden = !hasAny;
  document.body.classList.toggle('has-results', hasAny);
  const m = state.model;
  const excluded = state.files.filter((f) => !f.included).length;
  replace(
    $('summary'),
    el(
      'p',
      {},
      el('strong', {}, `${report.documents.length} sources`),
      `, ${m.claims.length} claims carried by two or more outlets, ${m.quotes.length} quotations`,
      excluded ? ` (${excluded} excluded)` : '',
      state.fromReportFile ? `; opened from ${state.fromReportFile}` : '',
      '. ',
      el('span', { class: 'drop-more' }, 'Drop more files anywhere to add them.'),
    ),
  );
  route();
}

/** The current hash as {view, args}; an unknown hash means Sources. */
function parseHash() {
  const parts = decodeURIComponent(location.hash.replace(/^#/, '')).split('/');
  const view = VIEWS.includes(parts[0]) ? parts[0] : 'sources';
  return { view, args: parts.slice(1) };
}

function route() {
  if (!state.model) return;
  const { view, args } = parseHash();
  for (const name of VIEWS) {
    const tab = $(`tab-${name}`);
    const active = name === view;
    tab.setAttribute('aria-selected', String(active));
    tab.tabIndex = active ? 0 : -1;
    $(`panel-${name}`).hidden = !active;
  }
  const key = args.join('/');
  if (state.rendered.get(view) !== key) {
    state.rendered.set(view, key);
    RENDERERS[view]($(`panel-${view}`), state.model, { args, navigate, files: state.files, setIncluded, fromReport: Boolean(state.fromReportFile) });
  }
  document.title = `${$(`tab-${view}`).textContent} · Parallax`;
}

/** Changes the hash (so the back button returns), which re-renders through hashchange. */
function navigate(hash, { replaceEntry = false } = {}) {
  const target = `#${hash}`;
  if (location.hash === target) {
    route();
    return;
  }
  if (replaceEntry) {
    history.replaceState(null, '', target);
    route();
  } else location.hash = target;
}

// Where each view was last left (its document, its pair), so its tab returns there.
const lastRoute = new Map();
window.addEventListener('hashchange', (event) => {
  const old = decodeURIComponent(new URL(event.oldURL).hash.replace(/^#/, ''));
  const oldView = old.split('/')[0];
  // Only the views that show a chosen document remember it; #claims/ID is a one-off jump.
  if ((oldView === 'read' || oldView === 'compare') && old.includes('/')) lastRoute.set(oldView, old);
  route();
});

// Tabs: click or arrow keys; the hash is the single source of truth.
const tablist = document.querySelector('[role="tablist"]');
tablist.addEventListener('click', (event) => {
  const tab = event.target.closest('[role="tab"]');
  if (tab && tab.dataset.view !== parseHash().view) navigate(lastRoute.get(tab.dataset.view) || tab.dataset.view);
});
tablist.addEventListener('keydown', (event) => {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];
  const at = tabs.indexOf(document.activeElement);
  if (at < 0) return;
  let next = null;
  if (event.key === 'ArrowRight') next = (at + 1) % tabs.length;
  else if (event.key === 'ArrowLeft') next = (at - 1 + tabs.length) % tabs.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = tabs.length - 1;
  if (next === null) return;
  event.preventDefault();
  tabs[next].focus();
  navigate(lastRoute.get(tabs[next].dataset.view) || tabs[next].dataset.view);
});

// ---------------------------------------------------------------- export

$('export-json').addEventListener('click', () => state.report && downloadJson(state.report));
$('export-csv').addEventListener('click', () => state.report && downloadCsv(state.report));
$('export-html').addEventListener('click', () => {
  const { view } = parseHash();
  downloadHtml($(`panel-${view}`), $(`tab-${view}`).textContent, state.report);
});

// ---------------------------------------------------------------- theme

function currentTheme() {
  const chosen = document.documentElement.dataset.theme;
  if (chosen) return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
function labelThemeButton() {
  const other = currentTheme() === 'dark' ? 'light' : 'dark';
  $('theme-button').setAttribute('aria-label', `Switch to the ${other} theme`);
  $('theme-button').title = `Switch to the ${other} theme`;
}
$('theme-button').addEventListener('click', () => {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  try {
    localStorage.setItem('parallax-theme', next);
  } catch {
    // Not persisted when storage is off; the choice still holds for this visit.
  }
  labelThemeButton();
});
matchMedia('(prefers-color-scheme: dark)').addEventListener?.('change', labelThemeButton);
labelThemeButton();

// ---------------------------------------------------------------- input

async function load(getFiles) {
  try {
    setBusy(true, 'Opening the files…');
    const ticket = ++loadTicket;
    const files = await getFiles();
    setBusy(false);
    // Cancel pressed while the files were being opened: the load stops here.
    if (ticket !== loadTicket) return;
    await addFiles(files);
  } catch (error) {
    setBusy(false);
    state.loadErrors.push({ file: 'loading', reason: String(error.message || error) });
    showErrors(state.loadErrors);
  }
}

// Files may be dropped anywhere on the page, not only on the zone.
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  if (event.dataTransfer) load(() => filesFromDrop(event.dataTransfer));
});

$('file-input').addEventListener('change', (event) => {
  const input = event.target;
  load(() => filesFromList(input.files)).finally(() => (input.value = ''));
});
$('folder-input').addEventListener('change', (event) => {
  const input = event.target;
  load(() => filesFromList(input.files)).finally(() => (input.value = ''));
});
$('example-button').addEventListener('click', () => load(exampleFiles));
$('drop-zone').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    $('file-input').click();
  }
});
let loadTicket = 0;
$('cancel-button').addEventListener('click', () => {
  loadTicket++;
  client.cancel();
  setBusy(false);
});

client.ready.then(
  () => document.body.classList.add('engine-ready'),
  (error) => showErrors([{ file: 'Parallax', reason: error.message }]),
);
