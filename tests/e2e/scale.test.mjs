// Five hundred documents: the views page their lists and draw the
// similarity as a canvas, so the DOM grows with what is shown, not with
// documents × documents. The Report is synthetic and opened as a saved
// Report JSON, which also exercises that path without the wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot } from './browser.mjs';

function syntheticReport(docCount, claimCount) {
  const documents = [];
  const sentences = [];
  const claims = [];
  const perDoc = 8;
  for (let d = 0; d < docCount; d++) {
    const texts = Array.from({ length: perDoc }, (_, k) => `Outlet ${d} reports fact number ${k} about the harbour in its own words.`);
    const text = texts.join('\n\n');
    let at = 0;
    for (const t of texts) {
      sentences.push({ id: sentences.length, doc: d, start: at, end: at + t.length, text: t, kind: 'claim', claim: null });
      at += t.length + 2;
    }
    documents.push({ id: d, file: `outlet-${d}.txt`, format: 'text', title: `Story ${d}`, outlet: `Outlet ${d}`, date: '2026-03-11', text, removed: [], warnings: [], word_count: 100, claims_shared: 0, claims_unique: 0 });
  }
  for (let c = 0; c < claimCount; c++) {
    const members = [...new Set([c % docCount, (c * 7 + 1) % docCount, (c * 13 + 2) % docCount])];
    const ids = members.map((d, i) => d * perDoc + ((c + i) % perDoc)).filter((s) => sentences[s].claim === null);
    if (ids.length < 2) continue;
    for (const s of ids) sentences[s].claim = claims.length;
    claims.push({ id: claims.length, sentences: ids, docs: ids.map((s) => sentences[s].doc), label: sentences[ids[0]].text, label_sentence: ids[0], discrepancies: [] });
  }
  const similarity = documents.map((a) => documents.map((b) => (a.id === b.id ? 1 : ((a.id * 31 + b.id * 17) % 100) / 100)));
  // One unattributed quotation per document: a single long "speaker not identified" list.
  const quotes = documents.map((d) => {
    const s = sentences[d.id * perDoc];
    return { id: d.id, doc: d.id, sentence: s.id, start: s.start + 7, end: s.start + 20, text: s.text.slice(7, 20), speaker: null, cue: null, kind: 'statement', group: null };
  });
  return { schema: 'parallax.report/1', documents, sentences, quotes, claims, quote_groups: [], speakers: [], similarity, errors: [] };
}

test('500 documents stay usable: paged lists, compact grid, canvas heat map', async () => {
  const report = syntheticReport(500, 1500);
  const { page, consoleErrors, close } = await openPage();
  try {
    // Dropped as a string-built File: the shared helper's byte arrays are slow for megabytes.
    await page.evaluate((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'big-report.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.querySelector('#drop-zone').dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    }, JSON.stringify(report));
    await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
    assert.ok((await page.locator('.source-card').count()) <= 60, 'sources are paged');
    await page.evaluate(() => (location.hash = 'claims'));
    await page.waitForSelector('.claims-grid.compact');
    assert.ok((await page.locator('.claim-row').count()) <= 100, 'claims are paged');
    assert.equal(await page.locator('.claims-grid .mark-cell').count(), 0, 'no claims × outlets cells');
    await page.getByRole('button', { name: /Show 100 more/ }).click();
    assert.equal(await page.locator('.claim-row').count(), 200);
    await page.evaluate(() => (location.hash = 'quotes'));
    await page.waitForSelector('#panel-quotes .quote-item');
    assert.ok((await page.locator('.quote-item').count()) <= 60, 'long quotation lists are shortened');
    await page.evaluate(() => (location.hash = 'overview'));
    await page.waitForSelector('canvas.heat-canvas');
    assert.equal(await page.locator('.heatmap td').count(), 0, 'no documents × documents table');
    assert.ok((await page.locator('.pairs tbody tr').count()) > 0, 'the closest pairs as a table');
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    assert.ok(nodes < 20000, `${nodes} elements in the page`);
    await screenshot(page, 'scale-overview');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
