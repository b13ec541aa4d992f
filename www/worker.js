// The analysis worker: loads the wasm once, then answers
// {id, type: 'analyze', files: [{name, bytes}]} with progress messages
// {id, progress: {stage, done, total, file}}, parts of the result as
// {id, part, value}, and one final {id, ok, result | error}.
import init, { analyze } from './pkg/parallax.js';

let memory = null;
const ready = init().then(
  (exports) => {
    memory = exports.memory;
    return { ok: true };
  },
  (error) => ({ ok: false, error: `the analysis engine failed to load: ${error}` }),
);

ready.then((state) => postMessage({ id: 0, ready: state.ok, error: state.error }));

self.onmessage = async (event) => {
  const { id, type, files } = event.data || {};
  const state = await ready;
  if (!state.ok) {
    postMessage({ id, ok: false, error: state.error });
    return;
  }
  if (type !== 'analyze') {
    postMessage({ id, ok: false, error: `unknown request '${type}'` });
    return;
  }
  let current = { stage: 'reading', file: '' };
  try {
    const names = files.map((f) => f.name);
    const contents = files.map((f) => new Uint8Array(f.bytes));
    let last = 0;
    const result = analyze(names, contents, (stage, done, total, file) => {
      current = { stage, file };
      const now = performance.now();
      // Progress is throttled: a message per file of a 5,000-file drop would flood the page.
      if (now - last > 50 || done === 0) {
        last = now;
        postMessage({ id, progress: { stage, done, total, file } });
      }
    });
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
    postMessage({ id, ok: true, result, keys, memoryBytes: memory ? memory.buffer.byteLength : null });
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
