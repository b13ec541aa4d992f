// Conflicts and compatible differences kept apart (issue 14, "a page an
// editor can trust"): two invented outlets report one ferry fire with one
// real conflict (3 crew killed / 5 crew killed) and one rounded figure
// (About 400 / Some 412 passengers). The Claims view's filter and the
// Overview must put each under its own heading, and each wording must mark
// the value it states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, show, textFixtures } from './browser.mjs';

const ARTICLES = textFixtures('discrepancy_views', ['harbour_gazette.txt', 'coast_courier.txt']);

/** The marked values of each wording in the open detail, outlet by outlet. */
async function markedValues(page, selector) {
  return page.locator('.claim-detail .wording').evaluateAll(
    (items, selector) => items.map((li) => [...li.querySelectorAll(selector)].map((m) => m.textContent)),
    selector,
  );
}

test('a conflict is listed under conflicts, a rounded figure apart, in Claims and in the Overview', async () => {
  const { page, consoleErrors, close } = await openPage();
  try {
    await page.setInputFiles('#file-input', ARTICLES);
    await page.waitForFunction(() => document.querySelectorAll('#source-list .source-card').length === 2, null, { timeout: 30000 });
    await show(page, 'claims');

    // Conflicts only: the crew count, flagged as a conflict.
    await page.selectOption('#claim-discrepancy', 'conflict');
    const conflictRows = page.locator('.claim-row');
    assert.equal(await conflictRows.count(), 1, 'one claim has a conflict');
    assert.match(await conflictRows.first().innerText(), /crew members/);
    assert.match(await conflictRows.first().locator('.flag').innerText(), /⚠ conflict: number/);
    assert.doesNotMatch(await conflictRows.first().locator('.flag').innerText(), /≈/);
    await conflictRows.first().locator('button').click();
    assert.match(await page.locator('.claim-detail .discrepancy').innerText(), /⚠ numbers differ/);
    // Both wordings, each with its own figure boxed as disputed.
    const hard = (await markedValues(page, 'mark.value-mark:not(.compatible)')).map((v) => v.join()).sort();
    assert.deepEqual(hard, ['3', '5']);
    await screenshot(page, 'discrepancies-claims-conflict');

    // Stated differently only: the passengers, with both approximations marked, dashed.
    await page.selectOption('#claim-discrepancy', 'compatible');
    const softRows = page.locator('.claim-row');
    assert.equal(await softRows.count(), 1, 'one claim is only stated differently');
    assert.match(await softRows.first().innerText(), /passengers/);
    assert.match(await softRows.first().locator('.flag.soft').innerText(), /≈ stated differently: number/);
    await softRows.first().locator('button').click();
    const detail = await page.locator('.claim-detail .discrepancy').innerText();
    assert.match(detail, /≈ numbers stated differently/);
    assert.match(detail, /can all hold/);
    const soft = (await markedValues(page, 'mark.value-mark.compatible')).map((v) => v.join()).sort();
    assert.deepEqual(soft, ['About 400', 'Some 412']);
    assert.equal(await page.locator('.claim-detail mark.value-mark:not(.compatible)').count(), 0, 'no value of a compatible claim is boxed as disputed');
    await screenshot(page, 'discrepancies-claims-compatible');

    // Either: both; "conflicts first" puts the conflict on top.
    await page.selectOption('#claim-discrepancy', 'any');
    await page.selectOption('#claim-sort', 'differences');
    assert.equal(await page.locator('.claim-row').count(), 2);
    assert.match(await page.locator('.claim-row').first().innerText(), /crew members/);

    // The Overview: a heading for the conflicts, and the rounded figure apart under its own.
    await show(page, 'overview');
    const conflicts = page.locator('#panel-overview section.conflicts');
    const compatible = page.locator('#panel-overview section.compatible-differences');
    assert.match(await conflicts.locator('h4').innerText(), /^Conflicts/);
    assert.match(await compatible.locator('h4').innerText(), /^Stated differently, compatible: rounding, ranges, approximations/);
    assert.equal(await conflicts.locator('li.discrepancy').count(), 1);
    assert.match(await conflicts.innerText(), /crew members/);
    assert.doesNotMatch(await conflicts.innerText(), /passengers/);
    assert.equal(await compatible.locator('li.discrepancy').count(), 1);
    assert.match(await compatible.innerText(), /passengers/);
    assert.doesNotMatch(await compatible.innerText(), /crew members/);
    // Conflicts come first on the page.
    const order = await page.evaluate(() => {
      const a = document.querySelector('#panel-overview section.conflicts');
      const b = document.querySelector('#panel-overview section.compatible-differences');
      return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(order, 'conflicts above the compatible differences');
    await screenshot(page, 'discrepancies-overview');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
