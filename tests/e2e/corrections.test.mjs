// Corrections by hand as an editor makes them: take a wording out of a claim,
// add an unshared sentence to a claim, merge two claims, give a quotation
// another speaker, rename an outlet; every view follows, the list undoes
// them one by one, and they travel in the exported Report and come back when
// it is opened with the articles. Fixtures: tests/fixtures/align/flood_three_outlets
// and tests/fixtures/quotes (invented articles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, dropFiles, screenshot } from './browser.mjs';

const read = (dir) => {
  const path = new URL(dir, import.meta.url).pathname;
  return readdirSync(path).filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, bytes: readFileSync(join(path, name)) }));
};
const FLOOD = read('../fixtures/align/flood_three_outlets/');
const QUOTES = read('../fixtures/quotes/');

async function openClaim(page, words) {
  await page.evaluate(() => (location.hash = 'claims'));
  const row = page.locator('.claim-row', { hasText: words }).first();
  await row.waitFor();
  if ((await row.getAttribute('class')).includes('open')) return;
  await row.locator('.claim-toggle').click();
  await page.locator('.claim-detail').first().waitFor();
}

test('claims corrected by hand: detach, add a sentence, merge; listed, undone, exported and restored', async () => {
  const { page, close, consoleErrors } = await openPage();
  let exported;
  try {
    await dropFiles(page, '#drop-zone', FLOOD);
    await page.waitForSelector('#summary:has-text("3 sources")', { timeout: 30000 });

    // The bridge: one outlet says it collapsed, the other that it did not.
    await openClaim(page, 'bridge');
    const detail = page.locator('.claim-detail');
    const wire = detail.locator('.wording', { hasText: 'did not collapse' });
    await wire.locator('button.detach').click();
    await page.waitForSelector('.correction-list li', { timeout: 30000 });
    await page.waitForFunction(() => !document.body.classList.contains('busy'));
    assert.match(await page.locator('#corrections').innerText(), /Taken out of its claim: “The old stone bridge over the Arlen did not collapse/);
    await page.evaluate(() => (location.hash = 'claims'));
    const labels = (await page.locator('.claim-row .claim-label').allInnerTexts()).join('\n');
    assert.doesNotMatch(labels, /stone bridge/, 'a claim left with one outlet is no claim');

    // An unshared sentence added to a claim: the claim gains that outlet.
    await page.selectOption('#claim-min', '1');
    await openClaim(page, 'Shops along the riverfront');
    const attach = page.locator('.claim-detail select.attach-to');
    const targets = await attach.locator('option').allInnerTexts();
    const at = targets.findIndex((o) => o.startsWith('Some 20,000 residents'));
    assert.ok(at > 0, targets.join(' | '));
    await attach.selectOption({ index: at });
    await page.waitForFunction(() => document.querySelectorAll('.correction-list li').length === 2 && !document.body.classList.contains('busy'), null, { timeout: 30000 });
    await page.selectOption('#claim-min', '2');
    await openClaim(page, 'Some 20,000 residents');
    assert.match(await page.locator('.claim-detail').innerText(), /Shops along the riverfront/);
    await screenshot(page, 'corrections-claims');

    // Merge two claims: the death toll and the second-flood claim become one row.
    const rowsBefore = await page.locator('.claim-row').count();
    await openClaim(page, 'killed');
    const merge = page.locator('.claim-detail select.merge-with').first();
    const options = await merge.locator('option').allInnerTexts();
    await merge.selectOption({ index: options.findIndex((o) => /second major flood/.test(o)) });
    await page.waitForFunction(() => document.querySelectorAll('.correction-list li').length === 3 && !document.body.classList.contains('busy'), null, { timeout: 30000 });
    await page.evaluate(() => (location.hash = 'claims'));
    assert.equal(await page.locator('.claim-row').count(), rowsBefore - 1);

    // The Read view follows: the detached sentence is unshared there.
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.equal(exported.corrections.length, 3);
    assert.deepEqual(exported.corrections.map((c) => c.op), ['detach', 'attach', 'merge']);
    assert.ok(exported.claims.some((c) => c.corrected));
    const wireSentence = exported.sentences.find((s) => s.text.startsWith('The old stone bridge over the Arlen did not'));
    assert.equal(wireSentence.claim, null);

    // Undo the first: the bridge claim is back, the other two still hold.
    await page.locator('.correction-list li').first().locator('button.undo').click();
    await page.waitForFunction(() => document.querySelectorAll('.correction-list li').length === 2 && !document.body.classList.contains('busy'), null, { timeout: 30000 });
    await page.evaluate(() => (location.hash = 'claims'));
    assert.match((await page.locator('.claim-row .claim-label').allInnerTexts()).join('\n'), /stone bridge/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }

  // The exported Report with the articles: the corrections come back and apply.
  const again = await openPage();
  try {
    const report = { name: 'parallax-report.json', bytes: Buffer.from(JSON.stringify(exported)) };
    await dropFiles(again.page, '#drop-zone', [report]);
    await again.page.waitForSelector('.correction-list li', { timeout: 30000 });
    assert.equal(await again.page.locator('.correction-list li').count(), 3);
    assert.match(await again.page.locator('#corrections').innerText(), /Add the articles to change or undo/);
    await dropFiles(again.page, '#drop-zone', FLOOD);
    await again.page.waitForSelector('#summary:has-text("3 sources")', { timeout: 30000 });
    await again.page.waitForSelector('.correction-list button.undo');
    await again.page.evaluate(() => (location.hash = 'claims'));
    assert.doesNotMatch((await again.page.locator('.claim-row .claim-label').allInnerTexts()).join('\n'), /stone bridge/);
    assert.deepEqual(again.consoleErrors, []);
  } finally {
    await again.close();
  }
});

test('a quotation given to another speaker, and an outlet renamed, by hand', async () => {
  const { page, close, consoleErrors } = await openPage();
  try {
    await dropFiles(page, '#drop-zone', QUOTES);
    await page.waitForSelector('#summary:has-text("sources")', { timeout: 30000 });
    await page.evaluate(() => (location.hash = 'quotes'));
    await page.locator('input[name="quote-kind"][value="all"]').check();
    const section = page.locator('.speaker:not([data-speaker=""])').first();
    const speaker = await section.getAttribute('data-speaker');
    const words = (await section.locator('.quote-text').first().innerText()).slice(0, 25);
    const item = section.locator('.quote-item', { hasText: words }).first();
    await item.locator('button.change-speaker').click();
    await item.locator('.speaker-form input').fill('Ines Marlowe');
    await item.locator('.speaker-form button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelectorAll('.correction-list li').length === 1 && !document.body.classList.contains('busy'), null, { timeout: 30000 });
    await page.evaluate(() => (location.hash = 'quotes'));
    await page.locator('input[name="quote-kind"][value="all"]').check();
    const moved = page.locator('.quote-item', { hasText: words }).filter({ hasText: 'Ines Marlowe' });
    const under = page.locator('.speaker[data-speaker="Ines Marlowe"] .quote-item', { hasText: words });
    assert.ok((await moved.count()) + (await under.count()) >= 1, `the quotation of ${speaker} is now given to Ines Marlowe`);
    assert.match(await page.locator('#corrections').innerText(), /set to Ines Marlowe/);
    await screenshot(page, 'corrections-speaker');

    // Rename an outlet in Sources: every view uses the new name.
    await page.evaluate(() => (location.hash = 'sources'));
    const card = page.locator('.source-card').first();
    await card.locator('button.rename').click();
    await card.locator('.rename-form input').fill('The Harbour Gazette');
    await card.locator('.rename-form button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelectorAll('.correction-list li').length === 2 && !document.body.classList.contains('busy'), null, { timeout: 30000 });
    await page.evaluate(() => (location.hash = 'sources'));
    assert.match(await page.locator('.source-card').first().textContent(), /The Harbour Gazette/);
    await page.evaluate(() => (location.hash = 'claims'));
    await page.locator('#panel-claims').waitFor();
    assert.match(await page.locator('#claim-outlet').innerText(), /The Harbour Gazette/);
    await screenshot(page, 'corrections-outlet');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('two sources of one outlet name stay apart: the folder beside the name', async () => {
  const { page, close } = await openPage();
  try {
    const [a, b] = FLOOD;
    await dropFiles(page, '#drop-zone', [
      { name: 'event-one/huffpost.txt', bytes: a.bytes },
      { name: 'event-two/huffpost.txt', bytes: b.bytes },
    ]);
    await page.waitForSelector('#summary:has-text("2 sources")', { timeout: 30000 });
    const outlets = await page.locator('.source-card .source-outlet').allTextContents();
    assert.equal(outlets.length, 2);
    assert.match(outlets.join('|'), /huffpost \(event-one\)/);
    assert.match(outlets.join('|'), /huffpost \(event-two\)/);
  } finally {
    await close();
  }
});
