// Framing on the page (issue 18): two invented outlets word one event's
// claims differently (tests/fixtures/framing_views/README.md). An opened
// claim names its kinds of difference with each outlet's words; the filter
// "claims worded differently" keeps the claims that differ in their choice of
// words; the Overview lists each outlet's terms, verbs, hedges and evaluative
// words, each linking to its claim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, show, textFixtures } from './browser.mjs';

const ARTICLES = textFixtures('framing_views', ['valley_herald.txt', 'plains_courier.txt']);

test('an opened claim names its kinds of wording difference; a filter and the Overview table show them per outlet', async () => {
  const { page, consoleErrors, close } = await openPage();
  try {
    await page.setInputFiles('#file-input', ARTICLES);
    await page.waitForFunction(() => document.querySelectorAll('#source-list .source-card').length === 2, null, { timeout: 30000 });
    await show(page, 'claims');
    const all = await page.locator('.claim-row:not(.unique)').count();
    assert.equal(all, 4, 'four shared claims');

    // The filter: every shared claim here differs in a choice of words.
    await page.check('#claim-worded');
    assert.equal(await page.locator('.claim-row').count(), 4);

    // The rebels / insurgents claim: a different label, each outlet's word.
    const row = page.locator('.claim-row', { hasText: 'have held the northern valley' });
    await row.locator('button.claim-toggle').click();
    const framing = page.locator('.claim-detail', { hasText: 'have held the northern valley' }).locator('.framing');
    assert.match(await framing.locator('.framing-kinds').innerText(), /Worded differently: different label/);
    const terms = await framing.locator('.framing-term').allInnerTexts();
    assert.deepEqual(terms.map((t) => t.replace(/["“”]/g, '')).sort(), ['Insurgents', 'Rebels']);

    // The governor's claim: reporting verb and attribution (the first row closed).
    await row.locator('button.claim-toggle').click();
    await page.locator('.claim-row', { hasText: 'talks over the Karsa dam' }).locator('button.claim-toggle').click();
    const governor = page.locator('.claim-detail .framing');
    const kinds = await governor.locator('.framing-kinds').innerText();
    assert.match(kinds, /reporting verb/);
    assert.match(kinds, /hedge or attribution/);
    assert.match(await governor.innerText(), /\(none\)/);
    await screenshot(page, 'framing-claims');

    // The Overview: one row per outlet, terms linking to their claims.
    await show(page, 'overview');
    const table = page.locator('#panel-overview .framing-table');
    const text = await table.innerText();
    assert.match(text, /Insurgents/);
    assert.match(text, /Rebels/);
    assert.match(text, /claimed/);
    assert.match(text, /according to the provincial news office/);
    assert.match(text, /brutal/);
    const link = table.locator('a.framing-term-link', { hasText: 'Insurgents' });
    assert.match(await link.getAttribute('href'), /^#claims\/\d+$/);
    await screenshot(page, 'framing-overview');
    await link.click();
    await page.waitForSelector('#panel-claims:not([hidden]) .claim-detail .framing');
    assert.equal(await page.locator('.claim-detail .framing', { hasText: 'Insurgents' }).count(), 1, 'the linked claim is open');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
