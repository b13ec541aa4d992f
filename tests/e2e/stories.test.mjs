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

    // The URL keeps the story across a reload of the view.
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
});
