// The exports as a reader uses them: load the example, export the
// sentences as CSV and count them; and, where the native CLI is built, the
// page's two CSVs equal the CLI's byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, ROOT } from './browser.mjs';

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

