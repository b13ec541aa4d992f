// Stories as a reader meets them: files of two events dropped together show
// a story list; each view works within the chosen story, the URL keeps it,
// and merging two stories by hand re-analyses and is kept in the exported
// Report. Fixtures: tests/fixtures/stories (invented: the Arlen flood and
// the Castelbruno election).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, dropFiles, screenshot } from './browser.mjs';

const DIR = new URL('../fixtures/stories/', import.meta.url).pathname;
const FILES = readdirSync(DIR).sort().map((name) => ({ name, bytes: readFileSync(join(DIR, name)) }));

test('two events dropped together: two stories, views within one, merge by hand', async () => {
  const { page, close, consoleErrors } = await openPage();
  let twoStories;
  try {
    await dropFiles(page, '#drop-zone', FILES);
    await page.waitForSelector('#stories:not([hidden])', { timeout: 30000 });
    const options = await page.locator('#story-pick option').allInnerTexts();
    assert.equal(options.length, 2, options.join(' | '));
    assert.ok(options.some((o) => /Castelbruno|Orsini/.test(o)), options.join(' | '));
    assert.ok(options.some((o) => /Valmora|Arlen/.test(o)), options.join(' | '));

    // Pick the election: the claims grid holds its claims and none of the flood's.
    const election = options.findIndex((o) => /Castelbruno|Orsini/.test(o));
    await page.selectOption('#story-pick', String(election));
    assert.match(page.url(), new RegExp(`story=${election}`));
    await page.evaluate(() => (location.hash = 'claims'));
    await page.locator('.claim-row').first().waitFor();
    const rows = (await page.locator('.claim-row').allInnerTexts()).join('\n');
    assert.match(rows, /Orsini|Vance|312/);
    assert.doesNotMatch(rows, /Arlen|Valmora|flood/i);
    await screenshot(page, 'stories-election');

    const [before] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    twoStories = readFileSync(await before.path());

    // The URL keeps the story across a change of view.
    await page.evaluate(() => (location.hash = 'sources'));
    const sources = await page.locator('#source-list').innerText();
    assert.doesNotMatch(sources, /flood_wire/);

    // Merge the other story into this one: one story, the bar goes away.
    await page.selectOption('#story-merge', { index: 1 });
    await page.waitForSelector('#stories[hidden]', { state: 'attached', timeout: 30000 });
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.equal(exported.stories.length, 1);
    assert.equal(exported.story_choices.length, FILES.length, 'every file was put in the merged story');
    assert.equal(new Set(exported.story_choices.map((c) => c.story)).size, 1);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }

  // The exported Report opens again with its stories; without the articles
  // the page says regrouping needs them rather than offering it.
  const again = await openPage();
  try {
    await dropFiles(again.page, '#drop-zone', [{ name: 'report.json', bytes: twoStories }]);
    await again.page.waitForSelector('#stories:not([hidden])', { timeout: 30000 });
    assert.equal(await again.page.locator('#story-pick option').count(), 2);
    assert.match(await again.page.locator('#stories').innerText(), /Add the articles to move them/);
    assert.equal(await again.page.locator('#story-merge').count(), 0);
    await screenshot(again.page, 'stories-opened-report');
  } finally {
    await again.close();
  }
});
