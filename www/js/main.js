// Entry and state: the loaded files (all kept, some excluded), the Report,
// the hash that names the view, and the wiring between loading, the worker
// and the views.
import { AnalysisClient } from './client.js';
import { exampleFiles, filesFromDrop, filesFromList, splitReports } from './files.js';
import { el, plural, replace } from './dom.js';
import { indexReport } from './model.js';
import { cameFrom, renderSources } from './views/sources.js';
import { renderClaims } from './views/claims.js';
import { renderQuotes } from './views/quotes.js';
import { renderRead } from './views/read.js';
import { renderCompare } from './views/compare.js';
import { renderOverview } from './views/overview.js';
import { downloadCsv, downloadHtml, downloadJson, downloadSentencesCsv } from './export.js';
import { setColorSlots } from './views/outlets.js';

const state = {
  files: [], // {name, bytes, included}
  report: null,
  model: null,
  fromReportFile: null, // the name of a loaded Report JSON, when that is what is shown
  loadErrors: [], // {file, reason} from the page itself (unreadable drops)
  loadNotes: [], // what the page did to the files that the reader should know (renamed duplicates)
  rendered: new Map(), // view → the route it was last rendered for, with this model
  choices: [], // stories chosen by hand: [{file, story}], sent with every analysis
  corrections: [], // corrections by hand (src/corrections.rs), in the order made, sent with every analysis
  story: 0, // the story every view shows (the URL's ?story=)
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
  'grouping stories': 'Grouping the articles into stories',
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
  const known = new Map(state.files.map((f) => [f.name, f]));
  // Files by size, so that a copy is looked for only among files as long as it.
  const bySize = new Map();
  const remember = (f) => {
    if (!bySize.has(f.bytes.byteLength)) bySize.set(f.bytes.byteLength, []);
    bySize.get(f.bytes.byteLength).push(f);
  };
  state.files.forEach(remember);
  const notesBefore = state.loadNotes.length;
  let added = 0;
  for (const file of others) {
    const same = known.get(file.name);
    // The very same file again (same name, same bytes) changes nothing.
    if (same && sameBytes(same.bytes, file.bytes)) continue;
    // The same bytes under another name (a download saved twice) are one
    // article: kept once, and said so here, among the notes, rather than
    // listed by the core as a file that could not be read.
    const twin = (bySize.get(file.bytes.byteLength) || []).find((f) => sameBytes(f.bytes, file.bytes));
    if (twin) {
      state.loadNotes.push(`${file.name} is the same file as ${twin.name} (the same bytes): it is kept once, as ${twin.name}.`);
      continue;
    }
    // A file picked without its folder may share its name with one already
    // here (foxnews.txt of two events): both are kept, the later renamed.
    const name = same ? freeName(file.name, known) : file.name;
    if (same) state.loadNotes.push(`Two different files are named ${file.name}: the one added later is listed as ${name}.`);
    const entry = { ...file, name, included: true };
    state.files.push(entry);
    known.set(name, entry);
    remember(entry);
    added++;
  }
  // The same files dropped again change nothing: no need to analyse again,
  // but a note on a copy that was set aside is shown at once.
  if (added === 0 && state.report && !state.fromReportFile) {
    if (state.loadNotes.length > notesBefore) showNotes([...state.loadNotes, ...(state.report.notes || [])]);
    return;
  }
  // A cancelled or crashed load leaves the corpus as it was before the drop,
  // so one file that stops the engine does not stop every later analysis.
  if ((await analyse()) !== 'ok') state.files = before;
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** `name` with " (2)", " (3)"… before its extension: the first not in `taken`. */
function freeName(name, taken) {
  const slash = name.lastIndexOf('/') + 1;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > slash ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

async function analyse() {
  const included = state.files.filter((f) => f.included);
  setBusy(true, `Reading ${included.length} files…`);
  try {
    const report = included.length
      ? await client.analyze(included.map(({ name, bytes }) => ({ name, bytes })), showProgress, state.choices, state.corrections)
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
  showNotes([...state.loadNotes, ...(report.notes || [])]);
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
  // An opened Report brings the stories chosen in it; a new analysis keeps ours.
  if (Array.isArray(report.story_choices) && report.story_choices.length) state.choices = report.story_choices;
  if (Array.isArray(report.corrections) && report.corrections.length) state.corrections = report.corrections;
  const stories = report.stories || [];
  const asked = Number(new URLSearchParams(location.search).get('story'));
  state.story = stories.some((s) => s.id === asked) ? asked : stories[0]?.id ?? 0;
  state.model = indexReport(storyView(report, state.story));
  state.rendered.clear();
  lastRoute.clear();
  render();
}

/**
 * The Report as one story shows it: its documents, their sentences and
 * quotations, its claims and quote groups (ids unchanged, so links hold).
 * A Report without stories (an older export) is shown whole.
 */
function storyView(report, storyId) {
  const stories = report.stories || [];
  if (stories.length < 2) return report;
  const story = stories.find((s) => s.id === storyId) || stories[0];
  const docs = new Set(story.documents);
  return {
    ...report,
    documents: report.documents.filter((d) => docs.has(d.id)),
    sentences: (report.sentences || []).filter((s) => docs.has(s.doc)),
    quotes: (report.quotes || []).filter((q) => docs.has(q.doc)),
    claims: (report.claims || []).filter((c) => (c.story ?? story.id) === story.id),
    // Other stories' claims stay reachable as context (claims[].context).
    all_claims: report.claims || [],
    quote_groups: (report.quote_groups || []).filter((g) => (g.story ?? story.id) === story.id),
  };
}

/** Shows another story: the URL keeps it, every view redraws within it. */
function chooseStory(id) {
  const url = new URL(location.href);
  url.searchParams.set('story', String(id));
  history.replaceState(null, '', url);
  state.story = id;
  state.model = indexReport(storyView(state.report, id));
  state.rendered.clear();
  render();
}

/**
 * Puts documents in a story by hand (`ids` moved into the story of
 * `target`): every document of the target story and the moved ones share
 * one key, the target's first file; then the corpus is analysed again.
 */
function moveToStory(ids, target) {
  const report = state.report;
  const story = report.stories.find((s) => s.id === target);
  if (!story) return;
  const fileOf = (d) => report.documents.find((x) => x.id === d)?.file;
  const key = `story of ${fileOf(story.documents[0])}`;
  const files = new Set([...story.documents, ...ids].map(fileOf).filter(Boolean));
  state.choices = [...state.choices.filter((c) => !files.has(c.file)), ...[...files].map((file) => ({ file, story: key }))];
  const keep = fileOf(story.documents[0]);
  analyse().then(() => {
    const docOf = state.report.documents.find((d) => d.file === keep);
    const now = (state.report.stories || []).find((s) => docOf && s.documents.includes(docOf.id));
    if (now) chooseStory(now.id);
  });
}

function storyLine(s, report) {
  const outlets = new Set(s.documents.map((d) => report.documents[d]?.outlet || report.documents[d]?.file)).size;
  const dates = s.first_date ? (s.last_date && s.last_date !== s.first_date ? `, ${s.first_date} to ${s.last_date}` : `, ${s.first_date}`) : '';
  return `${s.label} (${plural(s.documents.length, 'document')}, ${plural(outlets, 'outlet')}${dates})${s.chosen ? ', grouped by hand' : ''}`;
}

/** The story list: which story is shown, and the hand corrections. */
function renderStories(report) {
  const stories = report.stories || [];
  const bar = $('stories');
  bar.hidden = stories.length < 2;
  if (stories.length < 2) return;
  const pick = el('select', { id: 'story-pick', 'aria-label': 'Story shown' },
    ...stories.map((s) => el('option', { value: String(s.id) }, `Story ${s.id + 1}: ${storyLine(s, report)}`)));
  pick.value = String(state.story);
  pick.addEventListener('change', () => chooseStory(Number(pick.value)));
  const others = report.documents.filter((d) => !stories[state.story]?.documents.includes(d.id));
  const move = el('select', { id: 'story-move', 'aria-label': 'Move a document into this story' },
    el('option', { value: '' }, 'Move a document here…'),
    ...others.map((d) => el('option', { value: String(d.id) }, `${d.outlet || d.file}: ${d.title || d.file}`)));
  move.addEventListener('change', () => move.value !== '' && moveToStory([Number(move.value)], state.story));
  const merge = el('select', { id: 'story-merge', 'aria-label': 'Merge another story into this one' },
    el('option', { value: '' }, 'Merge a story into this one…'),
    ...stories.filter((s) => s.id !== state.story).map((s) => el('option', { value: String(s.id) }, `Story ${s.id + 1}: ${s.label}`)));
  merge.addEventListener('change', () => {
    const from = stories.find((s) => s.id === Number(merge.value));
    if (from) moveToStory(from.documents, state.story);
  });
  const heading = el('p', {}, el('strong', {}, `${stories.length} stories in these files. `), 'Each view shows one:');
  // Regrouping analyses the articles again: an opened Report alone has none.
  const regroup = state.files.some((f) => f.included)
    ? [move, merge]
    : [el('span', { class: 'hint' }, 'Add the articles to move them between stories.')];
  replace(bar, heading, pick, ...regroup);
}

// ---------------------------------------------------------------- corrections

/** Corrections need the articles: an opened Report alone cannot be analysed again. */
function canCorrect() {
  return state.files.some((f) => f.included);
}

/** Adds a correction by hand and analyses again; a failed analysis takes it back. */
async function correct(correction) {
  state.corrections = [...state.corrections, correction];
  const outcome = await analyse();
  if (outcome !== 'ok') state.corrections = state.corrections.filter((c) => c !== correction);
  return outcome;
}

/** Takes back correction `index` (and only it): the others still apply. */
async function undoCorrection(index) {
  const before = state.corrections;
  state.corrections = before.filter((_, i) => i !== index);
  if ((await analyse()) !== 'ok') state.corrections = before;
}

const clip = (text, n = 70) => (text && text.length > n ? `${text.slice(0, n - 1)}…` : text || '');

/** A correction in a reader's words; sentences by their text, files by their name. */
function describeCorrection(c) {
  const at = (r) => (r?.text ? `“${clip(r.text)}” (${r.file})` : `${r?.file} at ${r?.start}`);
  switch (c.op) {
    case 'detach': return ['Taken out of its claim: ', at(c.sentence)];
    case 'attach': return ['Added ', at(c.sentence), ' to the claim of ', at(c.to)];
    case 'merge': return ['Merged the claims of ', at(c.a), ' and ', at(c.b)];
    case 'speaker': return ['Speaker of ', at(c.quote), c.speaker ? ` set to ${c.speaker}` : ' set to no one'];
    case 'outlet': return ['Outlet of ', c.file, ` named ${c.outlet}`];
    default: return [JSON.stringify(c)];
  }
}

/** The corrections by hand, each with Undo; they travel in the exported Report. */
function renderCorrections(report) {
  const box = $('corrections');
  const list = state.corrections;
  box.hidden = list.length === 0;
  if (!list.length) return;
  const unapplied = new Set((report.notes || []).filter((n) => n.includes('could not be applied')));
  replace(box,
    el('details', { open: true },
      el('summary', {}, el('strong', {}, `${list.length} correction${list.length === 1 ? '' : 's'} by hand`), ' (kept in the exported Report JSON)'),
      el('ol', { class: 'correction-list' }, list.map((c, i) => el('li', {}, ...describeCorrection(c), ' ',
        canCorrect()
          ? el('button', { type: 'button', class: 'undo', onclick: () => undoCorrection(i), 'aria-label': `Undo correction ${i + 1}` }, 'Undo')
          : null))),
      unapplied.size ? el('p', { class: 'note' }, 'Some could not be applied: see the notes above.') : null,
      canCorrect() ? null : el('p', { class: 'hint' }, 'Add the articles to change or undo corrections.')));
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
  renderStories(report);
  renderCorrections(report);
  const m = state.model;
  const excluded = state.files.filter((f) => !f.included).length;
  replace(
    $('summary'),
    el(
      'p',
      {},
      el('strong', {}, plural(report.documents.length, 'source')),
      (report.stories || []).length > 1 ? ` in ${report.stories.length} stories; this story: ${plural(m.documents.length, 'source')}` : '',
      `, ${plural(m.claims.length, 'claim')} carried by two or more outlets, ${plural(m.quotes.length, 'quotation')}`,
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
    RENDERERS[view]($(`panel-${view}`), state.model, { args, navigate, files: state.files, setIncluded, fromReport: Boolean(state.fromReportFile), correct: canCorrect() ? correct : null });
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
$('export-sentences').addEventListener('click', () => state.report && downloadSentencesCsv(state.report));
// The view as the reader sees it: the story shown, built whole from its model.
$('export-html').addEventListener('click', () => {
  if (!state.model) return;
  const { view } = parseHash();
  const ctx = { args: [], navigate, files: state.files, setIncluded, fromReport: Boolean(state.fromReportFile) };
  downloadHtml({
    view,
    title: $(`tab-${view}`).textContent,
    panel: $(`panel-${view}`),
    model: state.model,
    report: state.report,
    story: state.story,
    renderSources: (panel) => renderSources(panel, state.model, ctx),
  }).catch((error) => {
    state.loadErrors.push({ file: 'export', reason: String(error.message || error) });
    showErrors(state.loadErrors);
  });
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
