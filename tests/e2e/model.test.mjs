// The word vectors as a reader meets them: the page is usable at once while
// the table loads in the worker, it comes from the browser's cache on the
// next visit (no second download), it lets two outlets' paraphrases meet in
// one claim, and when it cannot load the page says what that means.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, dropFiles, screenshot } from './browser.mjs';

const words = (requests) => requests.filter((u) => new URL(u).pathname === '/model/words.bin');

async function engineState(page) {
  await page.waitForFunction(() => document.getElementById('engine-state').textContent !== '', null, { timeout: 30000 });
  return page.locator('#engine-state').innerText();
}

// Two invented reports of one event in different words: few words in common.
const HARBOUR = [
  { name: 'vell-gazette.txt', bytes: Buffer.from('Harbour reopens\n\nThe harbour in Vell reopened to shipping on Tuesday after storm damage was repaired, port officials said.\n\nThe mayor thanked the crews.\n') },
  { name: 'coast-news.txt', bytes: Buffer.from('Port back in service\n\nShips were allowed back into the port of Vell on Tuesday once repairs to the storm-hit quays were finished, according to the port authority.\n\nA festival is planned for the summer.\n') },
];

test('the word vectors load once, then come from the browser cache', async () => {
  const { page, requests, close, consoleErrors } = await openPage();
  try {
    assert.match(await engineState(page), /Word vectors loaded \(46,593 words, from the network\)/);
    assert.equal(words(requests).length, 1, 'one download');
    await page.reload();
    await page.waitForFunction(() => document.body.classList.contains('engine-ready'));
    assert.match(await engineState(page), /from the browser cache/);
    assert.equal(words(requests).length, 1, 'no second download');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('two outlets\' paraphrases of one fact meet in one claim', async () => {
  const { page, close } = await openPage();
  try {
    await dropFiles(page, '#drop-zone', HARBOUR);
    await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
    await page.evaluate(() => (location.hash = 'claims'));
    const row = page.locator('.claim-row', { hasText: /harbour in Vell reopened|Ships were allowed back/ });
    await row.first().waitFor();
    await row.first().locator('.claim-toggle').click();
    const wordings = page.locator('.claim-detail .wording-text');
    const texts = await wordings.allInnerTexts();
    assert.ok(texts.some((t) => t.includes('The harbour in Vell reopened')), texts.join(' | '));
    assert.ok(texts.some((t) => t.includes('Ships were allowed back into the port of Vell')), texts.join(' | '));
    assert.equal(await page.locator('#notes').isHidden(), true, 'no note: the vectors were used');
    await screenshot(page, 'model-paraphrase-claim');
  } finally {
    await close();
  }
});

test('without the word vectors the page says claims are aligned by words alone', async () => {
  const { page, close } = await openPage('/', {
    beforeLoad: (context) => context.route('**/model/words.bin', (route) => route.abort()),
  });
  try {
    assert.match(await engineState(page), /Word vectors not loaded: claims are aligned by their words alone/);
    await page.getByRole('button', { name: 'Try the example' }).click();
    await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
    assert.match(await page.locator('#notes').innerText(), /aligned by their words alone/);
    await screenshot(page, 'model-missing-note');
  } finally {
    await close();
  }
});
