// The wasm build inside headless Chromium, through the worker as the page
// runs it. usage: node bench/wasm.mjs BASE_URL NAME DIR [RUNS]
// Prints `bench` lines: median analysis time and peak wasm memory; with
// NAME=page also the time from opening the page to ready.
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
  const times = [];
  let memory = 0;
  for (let i = 0; i < runs; i++) {
    const result = await page.evaluate(async (files) => {
      const worker = new Worker('/worker.js', { type: 'module' });
      await new Promise((resolve) => {
        worker.onmessage = (e) => e.data.id === 0 && resolve();
      });
      const encoder = new TextEncoder();
      // latin1 in Node keeps bytes 1:1; turn them back into bytes here.
      const payload = files.map((f) => {
        const bytes = new Uint8Array(f.text.length);
        for (let k = 0; k < f.text.length; k++) bytes[k] = f.text.charCodeAt(k);
        return { name: f.name, bytes: bytes.buffer };
      });
      void encoder;
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
      const ms = performance.now() - start;
      worker.terminate();
      return { ms, ok: reply.ok, error: reply.error, memory: reply.memoryBytes, docs: reply.ok ? reply.result.documents.length : 0 };
    }, files);
    if (!result.ok) throw new Error(result.error);
    times.push(result.ms);
    memory = Math.max(memory, result.memory || 0);
  }
  console.log(`bench wasm_${name}_ms ${median(times).toFixed(0)} ms`);
  console.log(`bench wasm_${name}_peak_memory ${(memory / 1048576).toFixed(1)} MB`);
} finally {
  await browser.close();
}
