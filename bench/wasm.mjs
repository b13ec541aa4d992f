// The wasm build inside headless Chromium, through the worker as the page
// runs it. usage: node bench/wasm.mjs BASE_URL NAME DIR [RUNS]
// Prints `bench` lines: median analysis time (the word vectors already
// loaded), the median time from starting a fresh worker to the result
// (the engine and the word vectors loaded from the browser cache, then the
// analysis), and peak wasm memory; with NAME=page also the time from
// opening the page to ready, and the first load of the word vectors.
import { launch } from '../tests/e2e/browser.mjs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [base, name, dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);

function readCorpus(folder) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ name: path.slice(folder.length + 1), text: readFileSync(path, 'latin1') });
    }
  };
  walk(folder);
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launch();
try {
  const page = browser.page;
  const t0 = Date.now();
  await page.goto(base + '/');
  await page.waitForFunction(() => document.body.classList.contains('engine-ready'), null, { timeout: 60000 });
  const ready = await page.evaluate(() => performance.now());
  if (name === 'page') {
    console.log(`bench page_ready_ms ${ready.toFixed(0)} ms`);
  }
  const files = readCorpus(dir);
  if (name === 'page') {
    // The page's own worker fetched the word vectors from the network and
    // put them in the cache: how long that took.
    const model = await page.waitForFunction(() => document.getElementById('engine-state').textContent || null, null, { timeout: 60000 });
    console.log(`bench page_model_state "${await model.jsonValue()}"`);
  }
  const times = [];
  const cold = [];
  let memory = 0;
  for (let i = 0; i < runs; i++) {
    const result = await page.evaluate(async (files) => {
      const started = performance.now();
      const worker = new Worker('/worker.js', { type: 'module' });
      // The worker says it is ready, then how the word vectors loaded.
      const model = await new Promise((resolve) => {
        worker.onmessage = (e) => e.data.id === 0 && e.data.model && resolve(e.data.model);
      });
      const modelAt = performance.now();
      // latin1 in Node keeps bytes 1:1; turn them back into bytes here.
      const payload = files.map((f) => {
        const bytes = new Uint8Array(f.text.length);
        for (let k = 0; k < f.text.length; k++) bytes[k] = f.text.charCodeAt(k);
        return { name: f.name, bytes: bytes.buffer };
      });
      const start = performance.now();
      const reply = await new Promise((resolve) => {
        const parts = {};
        worker.onmessage = (e) => {
          if (e.data.id !== 1 || e.data.progress) return;
          if (e.data.part) parts[e.data.part] = e.data.value;
          else resolve({ ...e.data, result: e.data.ok ? { ...e.data.result, ...parts } : null });
        };
        worker.postMessage({ id: 1, type: 'analyze', files: payload });
      });
      const end = performance.now();
      worker.terminate();
      // The cold figure leaves out building the payload, which the page does while files are read.
      return { ms: end - start, cold: modelAt - started + (end - start), model, ok: reply.ok, error: reply.error, memory: reply.memoryBytes };
    }, files);
    if (!result.ok) throw new Error(result.error);
    if (!result.model.ok) throw new Error(result.model.error);
    times.push(result.ms);
    cold.push(result.cold);
    memory = Math.max(memory, result.memory || 0);
  }
  console.log(`bench wasm_${name}_from_fresh_worker_ms ${median(cold).toFixed(0)} ms`);
  console.log(`bench wasm_${name}_ms ${median(times).toFixed(0)} ms`);
  console.log(`bench wasm_${name}_peak_memory ${(memory / 1048576).toFixed(1)} MB`);
} finally {
  await browser.close();
}
