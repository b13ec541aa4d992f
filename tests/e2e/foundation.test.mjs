// A person opens the page, drops the five seed articles, sees two stories
// (003 reports the 2022 visit, the others the 2019 one) and every source in
// one of them; presses "Try the example" and sees its sources; nothing
// leaves the origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, dropFiles, seedFiles, foreignRequests, screenshot, ROOT } from './browser.mjs';

test('dropping the five seed files lists two stories and all five sources between them', async (t) => {
  const seeds = seedFiles();
  if (!seeds) return t.skip('no ../shared');
  const { page, requests, consoleErrors, close } = await openPage();
  try {
    await screenshot(page, 'landing');
    await dropFiles(page, '#drop-zone', seeds);
    await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
    await page.waitForSelector('#stories:not([hidden])', { timeout: 30000 });
    const options = await page.locator('#story-pick option').allInnerTexts();
    assert.equal(options.length, 2, options.join(' | '));
    const cards = page.locator('#source-list .source-card');
    const files = async () => (await cards.evaluateAll((cs) => cs.map((c) => c.dataset.file))).map((f) => f.slice(0, 3)).sort();
    // The first story: the four reports of the February 2019 visit.
    assert.deepEqual(await files(), ['000', '001', '002', '004']);
    const titles = await page.locator('.source-title').allTextContents();
    assert.ok(titles.some((t) => t.includes('Assad meets Khamenei')), titles.join(' | '));
    await screenshot(page, 'seeds-sources');
    // The other story: 003 alone, the 2022 visit.
    await page.selectOption('#story-pick', '1');
    await page.waitForFunction(() => document.querySelectorAll('#source-list .source-card').length === 1, null, { timeout: 30000 });
    assert.deepEqual(await files(), ['003']);
    assert.deepEqual(foreignRequests(requests), []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('"Try the example" shows the example sources', async () => {
  const { page, requests, consoleErrors, close } = await openPage();
  try {
    await page.getByRole('button', { name: 'Try the example' }).click();
    await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
    const outlets = await page.locator('.source-card').count();
    assert.equal(outlets, 4);
    const text = await page.locator('#source-list').innerText();
    assert.match(text, /Port Calder/);
    assert.deepEqual(foreignRequests(requests), []);
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm was loaded');
    assert.deepEqual(consoleErrors, []);
    await screenshot(page, 'example-sources');
  } finally {
    await close();
  }
});

test('a file that cannot be read is listed while the others load', async () => {
  const { page, close } = await openPage();
  try {
    await dropFiles(page, '#drop-zone', [
      { name: 'good.txt', bytes: Buffer.from('A headline here\n\nThe council said the bridge will reopen on Monday.') },
      { name: 'empty.txt', bytes: Buffer.alloc(0) },
      { name: 'photo.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0, 0, 0, 0]) },
    ]);
    await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
    assert.equal(await page.locator('.source-card').count(), 1);
    const errors = await page.locator('#error-list').innerText();
    assert.match(errors, /empty\.txt: the file is empty/);
    assert.match(errors, /photo\.jpg/);
  } finally {
    await close();
  }
});

test('"Add a folder…" reads every file of a folder, nested ones too', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'parallax-folder-'));
  const example = join(ROOT, 'www', 'example');
  mkdirSync(join(folder, 'storm', 'radio'), { recursive: true });
  for (const name of ['north-coast-wire.txt', 'calder-courier.md', 'daily-ledger.txt']) {
    copyFileSync(join(example, name), join(folder, 'storm', name));
  }
  copyFileSync(join(example, 'radio-estuary.html'), join(folder, 'storm', 'radio', 'radio-estuary.html'));
  const { page, consoleErrors, close } = await openPage();
  try {
    await page.locator('#folder-input').setInputFiles(join(folder, 'storm'));
    await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
    assert.equal(await page.locator('.source-card').count(), 4);
    const text = await page.locator('#source-list').innerText();
    for (const outlet of ['North Coast Wire', 'The Calder Courier', 'The Daily Ledger', 'Radio Estuary']) {
      assert.ok(text.toLowerCase().includes(outlet.toLowerCase()), `${outlet} in: ${text}`);
    }
    // Files keep their place in the folder.
    assert.ok(text.includes('storm/radio/radio-estuary.html'), text);
    assert.ok(text.includes('storm/daily-ledger.txt'), text);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
    rmSync(folder, { recursive: true, force: true });
  }
});
