// Shared set-up for the browser tests: Debian's Chromium driven by
// playwright-core, a fresh profile per launch, the page's requests recorded.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:8000';
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

function chromePath() {
  for (const c of [process.env.CHROME, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (c && existsSync(c)) return c;
  }
  throw new Error('no Chromium found: set CHROME=/path/to/chromium');
}

/** Debian's Chromium, headless, in a fresh profile; `close()` also removes the profile. */
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'parallax-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless: true,
    args: FLAGS,
    ...options,
  });
  return {
    context,
    profile,
    page: context.pages()[0] || (await context.newPage()),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the page in a fresh profile (`beforeLoad(context)` first, for routes); returns {context, page, requests, consoleErrors, close}. */
export async function openPage(path = '/', { viewport = { width: 1280, height: 860 }, colorScheme = 'light', beforeLoad = null } = {}) {
  const browser = await launch({ viewport, colorScheme, acceptDownloads: true });
  const { context, page } = browser;
  const requests = [];
  const consoleErrors = [];
  const dialogs = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  // Routes (a missing file, a wrapped module) go in before the page first loads.
  if (beforeLoad) await beforeLoad(context);
  await page.goto(BASE_URL + path);
  await page.waitForFunction(() => document.body.classList.contains('engine-ready'), null, { timeout: 30000 });
  return {
    context,
    page,
    requests,
    consoleErrors,
    dialogs,
    close: browser.close,
  };
}

/** Requests that left the page's own origin (data: and blob: URLs are local). */
export function foreignRequests(requests) {
  const origin = new URL(BASE_URL).origin;
  return requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/** Drops files on a selector with a real `drop` event whose DataTransfer holds Files. */
export async function dropFiles(page, selector, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.type || '', data: Array.from(f.bytes) }));
  await page.evaluate(
    ({ selector, payload }) => {
      const dt = new DataTransfer();
      for (const f of payload) dt.items.add(new File([new Uint8Array(f.data)], f.name, { type: f.type }));
      const target = document.querySelector(selector);
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    },
    { selector, payload },
  );
}

/** The seed articles from ../shared, or null (with a message) when absent; CI=true requires them. */
export function seedFiles() {
  const dir = join(ROOT, '..', 'shared', 'seeds');
  if (!existsSync(dir)) {
    if (process.env.CI === 'true') throw new Error('../shared/seeds is missing, and CI=true requires it');
    console.log('# skipped: ../shared is not beside this checkout');
    return null;
  }
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** Opens a view by its hash ("claims", "read/3/12") and waits until its panel shows. */
export async function show(page, hash) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForSelector(`#panel-${hash.split('/')[0]}:not([hidden])`);
}

/** Text files of a fixture folder under tests/fixtures, as `setInputFiles` takes them. */
export function textFixtures(folder, names) {
  const dir = join(ROOT, 'tests', 'fixtures', folder);
  return names.map((name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(join(dir, name)) }));
}

/** An invented Nexis text export of `n` articles (cover lines, then each article's headline, outlet, date, fields, body and "End of Document"), as bytes. */
export function nexisExport(n) {
  let out = 'User Name: Sam Reader\nJob Number: 1\n\nDocuments (' + n + ')\n\n';
  for (let i = 1; i <= n; i++) {
    out +=
      `Story ${i}: the harbour council meets again\nOutlet ${i % 9}\nMarch ${1 + (i % 28)}, 2024 Tuesday\n\nLength: 40 words\nByline: Writer ${i}\n\nBody\n\n` +
      `The harbour council met for session ${i} on Monday and discussed the bridge piers at length.\n\n` +
      `Councillor ${i} said the repairs would cost more than the town had planned for this year.\n\nLoad-Date: March 9, 2024\n\nEnd of Document\n\n`;
  }
  return Buffer.from(out);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
