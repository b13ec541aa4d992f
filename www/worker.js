// The analysis worker: loads the wasm once, then answers
// {id, type: 'analyze', files: [{name, bytes}]} with progress messages
// {id, progress: {stage, done, total, file}}, parts of the result as
// {id, part, value}, and one final {id, ok, result | error}.
// It also loads the word vectors (model/words.bin, 6.6 MB) once, from the
// browser's cache storage after the first visit, while the page is already
// usable: an analysis waits for them, and runs without them (aligning by
// words alone, as the Report's notes say) if they cannot be had.
// PDF, DOCX, RTF, MHTML and news-database exports need the full engine
// (pkg/parallax_full.js, built with the PDF, office and MHTML readers, about
// 320 KB more gzipped): it is fetched only when such a file is dropped, and then
// analyses that drop in place of the main engine. A file the main engine
// finds it cannot read (an export inside a ZIP, a text export) comes back
// as an error beginning "needs the full engine": the drop is then analysed
// again with the full engine.
import init, { analyze, load_words } from './pkg/parallax.js';

let memory = null;
const ready = init().then(
  (exports) => {
    memory = exports.memory;
    return { ok: true };
  },
  (error) => ({ ok: false, error: `the analysis engine failed to load: ${error}` }),
);

ready.then((state) => postMessage({ id: 0, ready: state.ok, error: state.error }));

const MODEL_CACHE = 'parallax-model';
// The word vectors as fetched, for the full engine should it be needed.
let wordBytes = null;

// pkg/model.json (written by build.sh) names the table and its sha256: the
// cached copy is used only while it is that very file.
async function fetchWords() {
  const meta = await (await fetch(new URL('./pkg/model.json', import.meta.url), { cache: 'no-cache' })).json();
  const url = new URL(meta.file, import.meta.url);
  const key = new Request(`${url.href}?sha256=${meta.sha256}`);
  const cache = self.caches ? await self.caches.open(MODEL_CACHE).catch(() => null) : null;
  let response = cache ? await cache.match(key) : null;
  let source = 'cache';
  if (!response) {
    source = 'network';
    response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${meta.file}: HTTP ${response.status}`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  wordBytes = bytes;
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
  if (digest !== meta.sha256) {
    if (cache) await cache.delete(key);
    throw new Error(`${meta.file} does not match its checksum`);
  }
  if (cache && source === 'network') {
    // Older tables go: only the current one is kept.
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(key, new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } }));
  }
  return { bytes, source };
}

const words = ready.then(async (state) => {
  if (!state.ok) return { ok: false, error: state.error };
  const started = performance.now();
  try {
    const { bytes, source } = await fetchWords();
    const count = load_words(bytes);
    return { ok: true, count, bytes: bytes.length, source, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, error: `the word vectors could not be loaded: ${(error && error.message) || error}` };
  }
});
words.then((model) => postMessage({ id: 0, model }));

/** Whether a dropped file is known at once to need the full engine: a PDF, DOCX, RTF or MHTML, by its name or its first bytes (an MHTML without its name is found by the main engine, which names it as needing the full one). */
function needsFull(file) {
  if (/\.(pdf|docx|rtf|mhtml|mht)$/i.test(file.name)) return true;
  const head = String.fromCharCode(...new Uint8Array(file.bytes, 0, Math.min(file.bytes.byteLength, 5)));
  return head === '%PDF-' || head === '{\\rtf';
}

/** The opening words of the main engine's error for a file only the full engine reads (src/ingest/mod.rs, FULL_ENGINE). */
const FULL_ENGINE = 'needs the full engine';

let fullEngine = null;
let fullReady = null;

/** The full engine, loaded once, on first need, with the same word vectors. */
function loadFullEngine() {
  if (!fullEngine) {
    fullEngine = (async () => {
      const module = await import('./pkg/parallax_full.js');
      const exports = await module.default();
      const model = await words;
      if (model.ok && wordBytes) module.load_words(wordBytes);
      return { analyze: module.analyze, memory: exports.memory };
    })();
    // A failed load is tried again on the next such file.
    fullEngine.catch(() => {
      fullEngine = null;
    });
  }
  return fullEngine;
}

self.onmessage = async (event) => {
  const { id, type, files, choices, corrections } = event.data || {};
  const state = await ready;
  if (!state.ok) {
    postMessage({ id, ok: false, error: state.error });
    return;
  }
  await words;
  if (type !== 'analyze') {
    postMessage({ id, ok: false, error: `unknown request '${type}'` });
    return;
  }
  let current = { stage: 'reading', file: '' };
  // Once fetched, the full engine (which reads all the main one does) serves every later drop.
  let engine = fullReady || { analyze, memory };
  const useFull = async () => {
    try {
      engine = await loadFullEngine();
      fullReady = engine;
      return true;
    } catch (error) {
      postMessage({ id, ok: false, error: `the full engine (PDF, DOCX, RTF, MHTML, exports) could not be loaded: ${(error && error.message) || error}` });
      return false;
    }
  };
  if (files.some(needsFull) && !(await useFull())) return;
  try {
    const names = files.map((f) => f.name);
    const contents = files.map((f) => new Uint8Array(f.bytes));
    const run = () => {
      let last = 0;
      return engine.analyze(names, contents, (stage, done, total, file) => {
        current = { stage, file };
        const now = performance.now();
        // Progress is throttled: a message per file of a 5,000-file drop would flood the page.
        if (now - last > 50 || done === 0) {
          last = now;
          postMessage({ id, progress: { stage, done, total, file } });
        }
      }, choices || [], corrections || []);
    };
    let result = run();
    if (engine.analyze === analyze && (result.errors || []).some((e) => String(e.reason).startsWith(FULL_ENGINE))) {
      if (!(await useFull())) return;
      result = run();
    }
    // The similarity matrix arrives as typed rows (see src/wasm.rs): it
    // crosses to the page as a few memory copies, not a million values.
    // The largest parts go as messages of their own: the page rebuilds each
    // message in one task of its thread, and one 30,000-sentence report in
    // one message would hold that thread for too long.
    const keys = Object.keys(result);
    for (const part of ['sentences', 'quotes', 'documents', 'similarity']) {
      postMessage({ id, part, value: result[part] });
      delete result[part];
    }
    // Wasm memory only grows, so its size now is the peak of this run.
    postMessage({ id, ok: true, result, keys, memoryBytes: engine.memory ? engine.memory.buffer.byteLength : null });
  } catch (error) {
    const where = current.file ? ` while ${current.stage} ${current.file}` : ` while ${current.stage}`;
    // A trap (a Rust panic compiles to `unreachable`) may leave the wasm
    // instance inconsistent: the client replaces this worker.
    const fatal = error instanceof WebAssembly.RuntimeError;
    postMessage({
      id,
      ok: false,
      fatal,
      error: `${fatal ? 'the analysis crashed' : (error && error.message) || error}${where}`,
      stage: current.stage,
      file: current.file,
    });
  }
};
