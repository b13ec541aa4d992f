// Responsiveness: drops a corpus on the real page (as a person would) and
// records main-thread long tasks with a PerformanceObserver until the
// sources are shown. usage: node bench/longtasks.mjs BASE_URL DIR
import { launch } from '../tests/e2e/browser.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, dir] = process.argv.slice(2);
const files = readdirSync(dir).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'latin1') }));

const browser = await launch();
try {
  const page = browser.page;
  await page.goto(base + '/');
  await page.waitForFunction(() => document.body.classList.contains('engine-ready'), null, { timeout: 60000 });
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bytes = new Uint8Array(f.text.length);
      for (let k = 0; k < f.text.length; k++) bytes[k] = f.text.charCodeAt(k);
      dt.items.add(new File([bytes], f.name, { type: 'text/plain' }));
    }
    window.__dt = dt;
  }, files);
  // Building the files above is the harness's work, not the page's: it
  // finishes before the observation window opens.
  await page.waitForTimeout(500);
  const started = Date.now();
  await page.evaluate(() => {
    const dt = window.__dt;
    window.__longTasks = [];
    const target = document.querySelector('#drop-zone') || document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  });
  await page.waitForFunction((n) => document.querySelectorAll('.source-card').length > 0 && !document.body.classList.contains('busy'), files.length, { timeout: 120000, polling: 50 });
  const shown = Date.now() - started;
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(() => window.__longTasks);
  const longest = tasks.length ? Math.max(...tasks) : 0;
  console.log(`bench page_scale1000_drop_to_shown_ms ${shown} ms`);
  console.log(`bench page_scale1000_longest_main_task_ms ${longest.toFixed(0)} ms`);
  console.log(`bench page_scale1000_long_tasks_over_100ms ${tasks.filter((d) => d > 100).length} tasks`);
} finally {
  await browser.close();
}
