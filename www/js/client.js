// The worker client: hides postMessage behind promises. Starts the worker
// once, waits for its ready handshake, numbers requests, and cancels by
// terminating the worker and starting a fresh one.

export class AnalysisClient {
  constructor(url = new URL('../worker.js', import.meta.url)) {
    this.url = url;
    this.nextId = 1;
    this.pending = new Map();
    this.start();
  }

  start() {
    this.worker = new Worker(this.url, { type: 'module' });
    this.ready = new Promise((resolve, reject) => {
      this.readyResolve = resolve;
      this.readyReject = reject;
    });
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => this.crash(event.message || 'the analysis worker stopped');
  }

  receive(message) {
    if (message.id === 0) {
      if (message.model) {
        // How the word vectors loaded: {ok, count, bytes, source, ms} or {ok: false, error}.
        this.model = message.model;
        this.onModel?.(message.model);
      } else if (message.ready) this.readyResolve();
      else this.readyReject(new Error(message.error));
      return;
    }
    const request = this.pending.get(message.id);
    if (!request) return;
    if (message.progress) {
      request.onProgress?.(message.progress);
      return;
    }
    if (message.part) {
      (request.parts ??= {})[message.part] = message.value;
      return;
    }
    if (message.ok && request.parts) message.result = assemble(message.result, request.parts, message.keys);
    this.pending.delete(message.id);
    if (message.ok) request.resolve(message.result);
    else request.reject(Object.assign(new Error(message.error), { stage: message.stage, file: message.file, fatal: message.fatal }));
    if (message.fatal) this.restart();
  }

  // A crash (a wasm trap or panic) ends every request in flight; the worker
  // is replaced so that the next request starts clean.
  crash(reason) {
    const error = new Error(reason);
    for (const request of this.pending.values()) request.reject(Object.assign(error, { stage: request.lastStage, file: request.lastFile }));
    this.pending.clear();
    this.readyReject(error);
    this.worker.terminate();
    this.start();
  }

  /**
   * files: [{name, bytes: ArrayBuffer}], choices: [{file, story}] (stories chosen by hand),
   * corrections: the corrections by hand (src/corrections.rs) → the Report.
   */
  async analyze(files, onProgress, choices = [], corrections = []) {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const request = { resolve, reject, onProgress: (p) => { request.lastStage = p.stage; request.lastFile = p.file; onProgress?.(p); } };
      this.pending.set(id, request);
      // Copied, not transferred: the page keeps its files to re-analyse after an exclusion or an addition.
      this.worker.postMessage({ id, type: 'analyze', files, choices, corrections });
    });
  }

  /** Replaces the worker with a fresh one (after a crash); nothing pending is kept. */
  restart() {
    this.worker.terminate();
    this.start();
  }

  /** Stops whatever is running; pending requests reject with `cancelled`. */
  cancel() {
    const error = Object.assign(new Error('cancelled'), { cancelled: true });
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
    this.worker.terminate();
    this.start();
  }
}

/** The report from its parts, its fields in the order the core wrote them (as in the CLI's JSON). */
function assemble(rest, parts, keys = []) {
  const all = { ...rest, ...parts };
  const ordered = {};
  for (const key of keys) if (key in all) ordered[key] = all[key];
  return Object.assign(ordered, all);
}
