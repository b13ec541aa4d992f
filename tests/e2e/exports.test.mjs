// The exports as a reader uses them: load the example, export a view as
// HTML, open the saved file with JavaScript off, and read it; export the
// sentences as CSV and count them; and, where the native CLI is built, the
// page's two CSVs equal the CLI's byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage, dropFiles, launch, screenshot, ROOT, SHOTS, show } from './browser.mjs';

const VIEWS = ['sources', 'claims', 'quotes', 'read', 'compare', 'overview'];

async function loadExample(page) {
  await page.getByRole('button', { name: 'Try the example' }).click();
  await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
}

/** Clicks an export button and returns the downloaded file's text and a saved copy's path. */
async function exported(page, button, dir, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(dir, name || download.suggestedFilename());
  await download.saveAs(path);
  return { path, text: readFileSync(path, 'utf8') };
}

/** The saved file opened from disk in a fresh browser with JavaScript off; its console errors recorded. */
async function openOffline(path) {
  const browser = await launch({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  const errors = [];
  const requests = [];
  browser.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  browser.context.on('request', (r) => requests.push(r.url()));
  await browser.page.goto(pathToFileURL(path).href);
  return { ...browser, errors, requests };
}

/** RFC 4180 rows: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The native CLI, when it is built (`cargo build`, or `cargo test` builds it too). */
function cliPath() {
  for (const p of [process.env.PARALLAX_BIN, join(ROOT, 'target', 'release', 'parallax'), join(ROOT, 'target', 'debug', 'parallax')]) {
    if (p && existsSync(p)) return p;
  }
  return null;
}

test('the Claims view exported as HTML holds every claim and wording, opens with JavaScript off, without controls or CSP errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-export-'));
  const { page, consoleErrors, close } = await openPage();
  try {
    await loadExample(page);
    const report = JSON.parse((await exported(page, '#export-json', dir)).text);
    await show(page, 'claims');
    // A row opened in the page: the file holds the others all the same.
    await page.locator('.claim-toggle').first().click();
    const html = await exported(page, '#export-html', dir);
    assert.doesNotMatch(html.text, /<script/i);
    assert.doesNotMatch(html.text, /\sstyle=/i, 'no inline style attribute');
    const csp = html.text.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
    assert.ok(csp, 'the file carries its own CSP');
    assert.match(csp[1], /default-src 'none'/);
    assert.match(csp[1], /style-src 'sha256-[A-Za-z0-9+/=]+'/, 'its one <style> allowed by hash, served from a secure origin');

    const offline = await openOffline(html.path);
    try {
      const file = offline.page;
      const claims = report.claims;
      assert.ok(claims.length >= 4);
      assert.equal(await file.locator('details.x-claim').count(), claims.length, 'one <details> per claim');
      for (const claim of claims) {
        const row = file.locator(`details#claim-${claim.id}`);
        assert.equal(await row.locator('summary .claim-label').textContent(), claim.label);
        const wordings = await row.locator('.wording-text').allTextContents();
        const expected = claim.sentences.map((s) => report.sentences[s].text);
        assert.deepEqual([...wordings].sort(), [...expected].sort(), `claim ${claim.id}: every outlet's wording`);
        for (const d of claim.discrepancies) assert.match(await row.locator('.discrepancies').textContent(), new RegExp(d.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      }
      // Sentences no other outlet carries are there too, under their outlet.
      const unshared = report.sentences.filter((s) => s.kind === 'claim' && s.claim === null);
      assert.equal(await file.locator('details[id^="only-"] .wording-text').count(), unshared.length);

      const body = await file.locator('body').textContent();
      assert.doesNotMatch(body, /Open a row|Drop more files|Select a sentence|Show \d+ more/);
      assert.equal(await file.locator('button, select, input, textarea, form, [tabindex]:not(mark.quote)').count(), 0, 'no controls');
      assert.deepEqual(await file.locator('a').count(), 0, 'no link left that leads nowhere');
      assert.deepEqual(offline.errors, [], 'no console error (a refused style would be one)');
      assert.deepEqual(offline.requests.filter((u) => !u.startsWith('file:')), [], 'opens offline');

      // Without a script, a click on a row's summary opens it.
      const first = file.locator('details.x-claim').first();
      await first.locator('summary').click();
      assert.equal(await first.getAttribute('open'), '');
      assert.ok(await first.locator('.wording-text').first().isVisible());
      await file.locator('details.x-claim').nth(1).locator('summary').click();
      await screenshot(file, 'export-claims-offline');
    } finally {
      await offline.close();
    }
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every view exports whole: no control, no dead link, no CSP error; Quotes holds every quotation', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-export-'));
  const { page, close } = await openPage();
  try {
    await loadExample(page);
    const report = JSON.parse((await exported(page, '#export-json', dir)).text);
    for (const view of VIEWS) {
      await show(page, view);
      const html = await exported(page, '#export-html', dir, `${view}.html`);
      assert.doesNotMatch(html.text, /<script|\sstyle=/i, view);
      const offline = await openOffline(html.path);
      try {
        const file = offline.page;
        assert.equal(await file.locator('button, select, input, textarea, form, [tabindex]:not(mark.quote)').count(), 0, `${view}: no controls`);
        const body = await file.locator('body').textContent();
        assert.doesNotMatch(body, /Open a row|Drop more files|Select a sentence|Pick two|Uncheck|Show all/, view);
        // A link that stays leads somewhere in the file.
        for (const href of await file.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
          assert.ok(href.startsWith('#') && (await file.locator(`[id="${href.slice(1)}"]`).count()) === 1, `${view}: ${href}`);
        }
        assert.deepEqual(offline.errors, [], view);
        if (view === 'quotes') {
          const texts = await file.locator('.quote-text').allTextContents();
          assert.deepEqual([...texts].sort(), report.quotes.map((q) => q.text).sort(), 'every quotation, terms included');
          assert.ok((await file.locator('details.quote-group').count()) >= 1);
          await file.locator('details.quote-group summary').first().click();
          await screenshot(file, 'export-quotes-offline');
        }
        if (view === 'read') {
          // What the page shows one selected sentence at a time is all there: each
          // sentence another outlet carries has its counterparts, and its badge links to them.
          const doc = report.documents[0].id;
          const claimOf = new Map();
          for (const c of report.claims) for (const id of c.sentences) claimOf.set(id, c.id);
          for (const s of report.sentences) if (s.claim !== null) claimOf.set(s.id, s.claim);
          const carried = report.sentences.filter((s) => s.doc === doc && claimOf.has(s.id)
            && report.claims.find((c) => c.id === claimOf.get(s.id)).sentences.some((id) => id !== s.id));
          assert.ok(carried.length >= 3);
          assert.equal(await file.locator('details[id^="cp-"]').count(), carried.length);
          const first = carried[0];
          const others = report.claims.find((c) => c.id === claimOf.get(first.id)).sentences.filter((id) => id !== first.id);
          assert.deepEqual((await file.locator(`#cp-${first.id} .wording-text`).allTextContents()).sort(), others.map((id) => report.sentences[id].text).sort());
          await file.locator(`.sent[data-sentence="${first.id}"] a.x-badge-link`).click();
          assert.equal(new URL(file.url()).hash, `#cp-${first.id}`);
          await file.locator(`#cp-${first.id} summary`).click();
        }
        if (view !== 'quotes') await screenshot(file, `export-${view}-offline`);
      } finally {
        await offline.close();
      }
    }
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the sentences CSV holds every sentence with its outlet, kind and claim (or none)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-export-'));
  const { page, close } = await openPage();
  try {
    await loadExample(page);
    const report = JSON.parse((await exported(page, '#export-json', dir)).text);
    const { text } = await exported(page, '#export-sentences', dir);
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], ['sentence', 'story', 'document', 'outlet', 'file', 'kind', 'claim', 'text']);
    assert.equal(rows.length - 1, report.sentences.length, 'one row per sentence');
    for (const [i, s] of report.sentences.entries()) {
      const [id, , doc, outlet, file, kind, claim, words] = rows[i + 1];
      const d = report.documents[s.doc];
      assert.deepEqual([id, doc, outlet, file, kind, claim, words],
        [String(s.id), String(s.doc), d.outlet ?? d.title ?? d.file, d.file, s.kind, s.claim === null ? '' : String(s.claim), s.text]);
    }
    assert.ok(report.sentences.some((s) => s.claim === null), 'the example has sentences no other outlet carries');
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the page\'s claims and sentences CSV equal the CLI\'s byte for byte', async (t) => {
  const cli = cliPath();
  if (!cli) return t.skip('the native CLI is not built (cargo build)');
  const dir = mkdtempSync(join(tmpdir(), 'parallax-export-'));
  const { page, close } = await openPage();
  try {
    await loadExample(page);
    // The model must be in: the CLI aligns with the same word vectors.
    await page.waitForFunction(() => /Word vectors loaded/.test(document.getElementById('engine-state').textContent));
    const claims = await exported(page, '#export-csv', dir);
    const sentences = await exported(page, '#export-sentences', dir);
    // The page names the example's files as its manifest lists them; the CLI, run beside them, the same.
    const example = join(ROOT, 'www', 'example');
    const { files } = JSON.parse(readFileSync(join(example, 'manifest.json'), 'utf8'));
    const run = (format) => execFileSync(cli, ['analyze', '--format', format, ...files], { cwd: example, encoding: 'utf8' });
    assert.equal(claims.text, run('csv'));
    assert.equal(sentences.text, run('sentences-csv'));
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with several stories, the HTML export shows the chosen story and names it', async () => {
  const DIR = join(ROOT, 'tests', 'fixtures', 'stories');
  const FILES = readdirSync(DIR).sort().map((name) => ({ name, bytes: readFileSync(join(DIR, name)) }));
  const dir = mkdtempSync(join(tmpdir(), 'parallax-export-'));
  const { page, close } = await openPage();
  try {
    await dropFiles(page, '#drop-zone', FILES);
    await page.waitForSelector('#stories:not([hidden])', { timeout: 30000 });
    const options = await page.locator('#story-pick option').allInnerTexts();
    const election = options.findIndex((o) => /Castelbruno|Orsini/.test(o));
    await page.selectOption('#story-pick', String(election));
    const report = JSON.parse((await exported(page, '#export-json', dir)).text);
    await show(page, 'claims');
    const html = await exported(page, '#export-html', dir);
    const offline = await openOffline(html.path);
    try {
      const file = offline.page;
      assert.match(await file.locator('.export-story').textContent(), new RegExp(`Story ${election + 1} of ${options.length}`));
      const mine = report.claims.filter((c) => c.story === election);
      assert.equal(await file.locator('details.x-claim').count(), mine.length, 'the chosen story\'s claims, no other');
      assert.doesNotMatch(await file.locator('.x-list').first().textContent(), /Arlen|Valmora|flood/i);
      assert.deepEqual(offline.errors, []);
      await file.locator('details.x-claim summary').first().click();
      await screenshot(file, 'export-claims-story-offline');
    } finally {
      await offline.close();
    }
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Where the screenshots are, for a person to look at.
test.after(() => console.log(`# screenshots in ${SHOTS}`));
