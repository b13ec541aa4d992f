// Quotations as a researcher reads them in Claims and Overview: a quoted
// statement of several sentences is one row with balanced marks, a one-word
// answer ("Meth.") is no claim, and two outlets quoting the same statement
// are shown as quoting it, not as copying each other. Fixture:
// tests/fixtures/align/sheriff_quotation (invented: three outlets on one raid).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, dropFiles, screenshot } from './browser.mjs';

const DIR = new URL('../fixtures/align/sheriff_quotation/', import.meta.url).pathname;
const FILES = readdirSync(DIR).filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, bytes: readFileSync(join(DIR, name)) }));

const balanced = (text) => (text.match(/"/g) || []).length % 2 === 0 && (text.match(/“/g) || []).length === (text.match(/”/g) || []).length;

test('a quoted statement is one claim with balanced marks; a one-word answer is none; shared quotes are not copying', async () => {
  const { page, close, consoleErrors } = await openPage();
  try {
    await dropFiles(page, '#drop-zone', FILES);
    await page.waitForSelector('#summary:has-text("3 sources")', { timeout: 30000 });
    await page.evaluate(() => (location.hash = 'claims'));
    await page.locator('.claim-row').first().waitFor();
    const labels = await page.locator('.claim-row .claim-label').allInnerTexts();
    for (const label of labels) {
      assert.ok(balanced(label), `unbalanced marks: ${label}`);
      assert.ok(label.replace(/["“”.,!?]/g, ' ').trim().split(/\s+/).length >= 3, `a fragment as a claim: ${label}`);
    }
    // The two-sentence statement: one row, three outlets, both sentences in every wording.
    const row = page.locator('.claim-row', { hasText: 'We will close every lab' });
    assert.equal(await row.count(), 1, labels.join(' | '));
    assert.equal((await row.locator('.support').innerText()).trim(), '3');
    await row.locator('.claim-toggle').click();
    // Each outlet's wording (its sentences together) holds the whole statement.
    const wordings = await page.locator('.claim-detail .wording').evaluateAll((items) => items.map((li) => ({
      outlet: li.querySelector('.outlet-chip').textContent,
      text: li.querySelector('.wording-text').textContent,
    })));
    const byOutlet = new Map();
    for (const w of wordings) byOutlet.set(w.outlet, `${byOutlet.get(w.outlet) || ''} ${w.text}`);
    assert.equal(byOutlet.size, 3, JSON.stringify(wordings));
    for (const [outlet, text] of byOutlet) assert.ok(balanced(text), `${outlet}: ${text}`);
    // Where the statement is quoted in one piece, the wording holds it whole.
    // (The gazette interrupts it with "she said": its two quotations stay apart.)
    const whole = [...byOutlet.values()].filter((t) => /We will close every lab[\s\S]*Nobody who cooks/.test(t));
    assert.ok(whole.length >= 2, JSON.stringify([...byOutlet]));
    for (const w of wordings) assert.ok(!/^We're on it/.test(w.text.trim()), `a piece of a quotation as a wording: ${w.text}`);
    await screenshot(page, 'quotations-claims');

    // Overview: the shared statement is quoting, not copying.
    await page.evaluate(() => (location.hash = 'overview'));
    const copying = await page.locator('#panel-overview ul.verbatim').innerText();
    assert.match(copying, /quotes the same words as [\s\S]*a shared quotation, not copying/);
    const courier = (await page.locator('#panel-overview ul.verbatim li', { hasText: 'repeats word for word' }).allInnerTexts()).join('\n');
    assert.doesNotMatch(courier, /^courier repeats/im, 'the courier copies nothing of its own');
    await screenshot(page, 'quotations-overview');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

// A five-sentence statement quoted by two outlets (tests/fixtures/align/long_quotation,
// invented): cut at its sentence boundaries, every row and every wording
// shows both marks, the middle sentences too, and no "not" of one outlet's
// aside is flagged as a negation conflict.
const LONG = new URL('../fixtures/align/long_quotation/', import.meta.url).pathname;
const LONG_FILES = readdirSync(LONG).filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, bytes: readFileSync(join(LONG, name)) }));
const nested = (text) => {
  let depth = 0;
  for (const c of text) {
    if (c === '“') depth += 1;
    else if (c === '”') { if (depth === 0) return false; depth -= 1; } else if (c === '"') depth = depth ? depth - 1 : 1;
  }
  return depth === 0;
};

test('a long quotation: every claim row, wording and unshared row shows both marks', async () => {
  const { page, close, consoleErrors } = await openPage();
  try {
    await dropFiles(page, '#drop-zone', LONG_FILES);
    await page.waitForSelector('#summary:has-text("2 sources")', { timeout: 30000 });
    await page.evaluate(() => (location.hash = 'claims'));
    await page.locator('.claim-row').first().waitFor();
    const labels = await page.locator('.claim-row .claim-label').allInnerTexts();
    for (const label of labels) assert.ok(nested(label), `unbalanced marks: ${label}`);
    const middle = page.locator('.claim-row', { hasText: 'empty boats' });
    assert.equal(await middle.count(), 1, labels.join(' | '));
    assert.match(await middle.locator('.claim-label').innerText(), /^[“"]We cannot keep paying for empty boats\.[”"]$/);
    await middle.locator('.claim-toggle').click();
    const wordings = await page.locator('.claim-detail .wording .wording-text').allInnerTexts();
    assert.equal(wordings.length, 2, wordings.join(' | '));
    for (const w of wordings) assert.ok(nested(w) && /^[“"]/.test(w.trim()), `wording: ${w}`);
    assert.equal(await page.locator('.flag', { hasText: 'negation' }).count(), 0);
    // Every row, the unshared ones too.
    await page.selectOption('#claim-min', '1');
    const all = await page.locator('.claim-row .claim-label').allInnerTexts();
    assert.ok(all.length > labels.length, all.join(' | '));
    for (const label of all) assert.ok(nested(label), `unbalanced marks: ${label}`);
    await screenshot(page, 'quotations-long');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
