// Entry and state: the loaded files, the Report, and the wiring between
// loading, the worker and the views.
import { AnalysisClient } from './client.js';
import { exampleFiles, filesFromDrop, filesFromList } from './files.js';
import { el, replace } from './dom.js';
import { renderSources } from './views/sources.js';

const state = {
  files: [], // {name, bytes}
  report: null,
  loadErrors: [], // {file, reason} from the page itself (unreadable drops)
};

const $ = (id) => document.getElementById(id);
const client = new AnalysisClient();

function setBusy(busy, text = '') {
  $('status').hidden = !busy;
  $('progress-text').textContent = text;
  if (busy) $('progress').removeAttribute('value');
  document.body.classList.toggle('busy', busy);
}

function showProgress({ stage, done, total, file }) {
  const p = $('progress');
  p.max = Math.max(total, 1);
  p.value = done;
  $('progress-text').textContent = file ? `${stage}: ${file} (${done + 1} of ${total})` : `${stage}…`;
}

function showErrors(errors) {
  $('errors').hidden = errors.length === 0;
  replace($('error-list'), errors.map((e) => el('li', {}, el('strong', {}, e.file), `: ${e.reason}`)));
}

async function addFiles(files) {
  if (files.length === 0) return;
  const known = new Set(state.files.map((f) => f.name));
  for (const file of files) {
    if (!known.has(file.name)) {
      state.files.push(file);
      known.add(file.name);
    }
  }
  await analyse();
}

async function analyse() {
  setBusy(true, `reading ${state.files.length} files…`);
  try {
    const report = await client.analyze(state.files, showProgress);
    state.report = report;
    render();
  } catch (error) {
    if (error.cancelled) {
      setBusy(false);
      return;
    }
    if (error.file && state.files.some((f) => f.name === error.file)) {
      // The file that broke the analysis is set aside so the others still load.
      state.files = state.files.filter((f) => f.name !== error.file);
      state.loadErrors.push({ file: error.file, reason: `${error.message}; the file was set aside` });
      showErrors([...state.loadErrors, ...(state.report?.errors || [])]);
      if (state.files.length) await analyse();
      return;
    }
    state.loadErrors.push({ file: 'analysis', reason: error.message });
    showErrors(state.loadErrors);
  } finally {
    setBusy(false);
  }
}

function render() {
  const report = state.report;
  showErrors([...state.loadErrors, ...(report?.errors || [])]);
  if (!report) return;
  $('results').hidden = report.documents.length === 0;
  document.body.classList.toggle('has-results', report.documents.length > 0);
  const shared = report.claims.length;
  replace(
    $('summary'),
    el('p', {}, `${report.documents.length} sources, ${report.sentences.length} sentences, `,
      `${shared} claims carried by two or more outlets, ${report.quotes.length} quotations.`),
  );
  renderSources($('source-list'), report);
}

async function load(getFiles) {
  try {
    await addFiles(await getFiles());
  } catch (error) {
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
$('cancel-button').addEventListener('click', () => client.cancel());

client.ready.then(
  () => document.body.classList.add('engine-ready'),
  (error) => showErrors([{ file: 'Parallax', reason: error.message }]),
);
