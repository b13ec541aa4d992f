// The six views, with the five seed articles and with the example corpus:
// what a reader sees and can do in each, by mouse and by keyboard, and the
// screenshots (light, dark, a 1024x768 tablet) that a person looks at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, dropFiles, seedFiles, foreignRequests, screenshot, show } from './browser.mjs';

const VIEWS = ['sources', 'claims', 'quotes', 'read', 'compare', 'overview'];

async function loadSeeds(page, seeds) {
  await dropFiles(page, '#drop-zone', seeds);
  await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
}

/** Opens the page with `openArgs`, drops the seeds, runs `body`, always closes; skips without ../shared. */
async function withSeeds(t, openArgs, body) {
  const seeds = seedFiles();
  if (!seeds) return t.skip('no ../shared');
  const session = await openPage(...openArgs);
  try {
    await loadSeeds(session.page, seeds);
    return await body({ ...session, seeds });
  } finally {
    await session.close();
  }
}

async function loadExample(page) {
  await page.getByRole('button', { name: 'Try the example' }).click();
  await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
}

/** Seed documents by their file-name prefix ("000" → its document id). */
async function seedDocIds(page) {
  return page.evaluate(() => {
    const ids = {};
    for (const card of document.querySelectorAll('.source-card')) {
      const file = card.dataset.file;
      ids[file.slice(0, 3)] = Number(card.dataset.doc);
    }
    return ids;
  });
}

test('seeds: the tabs are a keyboard-driven tablist whose hash names the view', async (t) => {
  return withSeeds(t, [], async ({ page, consoleErrors }) => {
    const tabs = page.locator('[role="tablist"] [role="tab"]');
    assert.deepEqual(await tabs.allTextContents(), ['Sources', 'Claims', 'Quotes', 'Read', 'Compare', 'Overview']);
    assert.equal(await page.locator('[role="tabpanel"]:not([hidden])').count(), 1);
    await page.getByRole('tab', { name: 'Sources' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#panel-claims:not([hidden])');
    assert.equal(new URL(page.url()).hash, '#claims');
    assert.equal(await page.getByRole('tab', { name: 'Claims' }).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('End');
    await page.waitForSelector('#panel-overview:not([hidden])');
    assert.equal(new URL(page.url()).hash, '#overview');
    await page.getByRole('tab', { name: 'Quotes' }).click();
    await page.waitForSelector('#panel-quotes:not([hidden])');
    // The back button returns to the previous view.
    await page.goBack();
    await page.waitForSelector('#panel-overview:not([hidden])');
    assert.equal(await page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected'), 'true');
    assert.deepEqual(consoleErrors, []);
  });
});

test('seeds: every view renders, light and dark, and nothing leaves the page', async (t) => {
  const seeds = seedFiles();
  if (!seeds) return t.skip('no ../shared');
  for (const colorScheme of ['light', 'dark']) {
    const { page, requests, consoleErrors, close } = await openPage('/', { colorScheme });
    try {
      await loadSeeds(page, seeds);
      for (const view of VIEWS) {
        await show(page, view);
        const text = await page.locator(`#panel-${view}`).innerText();
        assert.ok(text.trim().length > 40, `${view} shows something`);
        await screenshot(page, `seeds-${view}-${colorScheme}`);
      }
      assert.deepEqual(foreignRequests(requests), []);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await close();
    }
  }
});

test('seeds: the claims grid lists shared claims; a row opens with Enter to its wordings', async (t) => {
  return withSeeds(t, [], async ({ page, consoleErrors }) => {
    await show(page, 'claims');
    const rows = page.locator('.claim-row');
    assert.ok((await rows.count()) >= 1, 'at least one shared claim');
    // Every shown row is carried by at least two outlets, as filled marks.
    for (const row of await rows.all()) assert.ok((await row.locator('.carried').count()) >= 2);
    await rows.first().locator('button.claim-toggle').focus();
    // Arrow keys move between rows.
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.closest('.claim-row')?.dataset.key), await rows.nth(1).getAttribute('data-key'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const detail = page.locator('.claim-detail').first();
    await detail.waitFor();
    assert.equal(await rows.first().locator('button.claim-toggle').getAttribute('aria-expanded'), 'true');
    assert.ok((await detail.locator('.wording').count()) >= 2, 'every outlet’s wording');
    // Details only some outlets include show three at most; the rest fold away, counted.
    const framing = detail.locator('.framing');
    if (await framing.count()) {
      assert.ok((await framing.locator(':scope > .framing-list > .framing-detail').count()) <= 3);
      const more = framing.locator('details.framing-more');
      if (await more.count()) assert.match(await more.locator('summary').innerText(), /^\d+ more details? only some outlets include$/);
    }
    // A headline is a wording of its own, never run into the sentence after it (002's title and first sentence).
    const wordingTexts = await page.locator('.claim-detail .wording-text').allInnerTexts();
    assert.ok(wordingTexts.some((t) => /^Assad meets Khamenei in Syrian president's first public visit to Iran since war began$/.test(t.trim())), wordingTexts.join('\n'));
    assert.ok(!wordingTexts.some((t) => /since war began Bashar/.test(t)), 'headline run into a sentence');
    await screenshot(page, 'seeds-claims-open');
    // "Read in context" leads to the sentence, selected, in Read.
    const link = detail.locator('a.read-link').first();
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForSelector('#panel-read:not([hidden])');
    const [, , sentence] = href.slice(1).split('/');
    await page.waitForSelector(`.sent[data-sentence="${sentence}"][aria-pressed="true"]`);
    assert.ok((await page.locator('.counterparts .wording').count()) >= 1, 'its counterparts are listed');
    // Unshared sentences are reachable through "only in".
    await show(page, 'claims');
    const only = await page.locator('#claim-outlet option[value^="only:"]').first().getAttribute('value');
    await page.selectOption('#claim-outlet', only);
    assert.ok((await page.locator('.claim-row.unique').count()) >= 1, 'unique sentences listed');
    assert.deepEqual(consoleErrors, []);
  });
});

test(
  'seeds: one claim row is carried by 000, 001, 002 and 004 (the first public visit)',
  async (t) => {
    return withSeeds(t, [], async ({ page }) => {
      const ids = await seedDocIds(page);
      await show(page, 'claims');
      const carried = await page.evaluate(() => {
      const columns = [...document.querySelectorAll('.claims-grid thead th')];
      return [...document.querySelectorAll('.claim-row')].map((row) =>
        [...row.children].map((cell, i) => (cell.querySelector('.carried') ? i : -1)).filter((i) => i >= 0).map((i) => columns[i].title));
      });
      const names = await page.evaluate((ids) => ids.map((id) => document.querySelector(`.source-card[data-doc="${id}"] .source-outlet`).textContent), [ids['000'], ids['001'], ids['002'], ids['004']]);
      assert.ok(carried.some((row) => names.every((n) => row.includes(n))), JSON.stringify(carried));
    });
  },
);

test('seeds: Quotes groups by speaker, separates terms, and shows Khamenei', async (t) => {
  return withSeeds(t, [], async ({ page }) => {
    await show(page, 'quotes');
    assert.ok(await page.locator('.speaker[data-speaker*="Khamenei"]').count(), 'a Khamenei section');
    const statements = await page.locator('.quote-item').count();
    await page.getByLabel('Terms and scare quotes').check();
    const terms = page.locator('.quote-item.kind-term');
    assert.ok((await terms.count()) >= 1, 'terms listed on their own');
    await page.getByLabel('All', { exact: true }).check();
    assert.ok((await page.locator('.quote-item').count()) > statements);
  });
});

test(
  'seeds: Khamenei’s group holds “a harsh blow” and “severe blow”',
  async (t) => {
    return withSeeds(t, [], async ({ page }) => {
      await show(page, 'quotes');
      await page.getByLabel('All', { exact: true }).check();
      const groups = await page.locator('.speaker[data-speaker*="Khamenei"] .quote-group').allInnerTexts();
      assert.ok(groups.some((g) => g.includes('a harsh blow') && g.includes('severe blow')), groups.join('\n---\n'));
    });
  },
);

test('seeds: Read marks quotations with their speaker and styles headings', async (t) => {
  return withSeeds(t, [], async ({ page }) => {
    // 003 reports the 2022 visit: it is the second story, alone.
    await page.selectOption('#story-pick', '1');
    await page.waitForFunction(() => document.querySelectorAll('#source-list .source-card').length === 1, null, { timeout: 30000 });
    const ids = await seedDocIds(page);
    await show(page, `read/${ids['003']}`);
    const quotes = page.locator('.reader mark.quote');
    assert.ok((await quotes.count()) >= 3, 'quotations highlighted');
    const titles = await quotes.evaluateAll((marks) => marks.map((m) => m.title));
    assert.ok(titles.some((t) => t.includes('Khamenei')), titles.join(' | '));
    assert.equal(await quotes.first().getAttribute('tabindex'), '0', 'focusable, so keyboard users get the speaker too');
    assert.ok((await page.locator('.reader .legend, .read-toolbar .legend').count()) === 1, 'a legend for the shading');
    assert.ok((await page.locator('.reader .block-heading').count()) >= 1, 'headings styled as headings');
    // 003 stands alone in its story: nothing in it is corroborated.
    assert.equal(await page.locator('.reader .sent:not(.support-0)').count(), 0);
    // Keyboard, in the 2019 story: Tab to a corroborated sentence of 000,
    // Enter shows its counterparts.
    await show(page, 'sources');
    await page.selectOption('#story-pick', '0');
    await page.waitForFunction(() => document.querySelectorAll('#source-list .source-card').length === 4, null, { timeout: 30000 });
    const first = await seedDocIds(page);
    await show(page, `read/${first['000']}`);
    const shared = page.locator('.reader .sent:not(.support-0)').first();
    await shared.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.counterparts .wording');
    assert.match(new URL(page.url()).hash, new RegExp(`^#read/${first['000']}/\\d+$`));
    await screenshot(page, 'seeds-read-selected');
  });
});

test('seeds: Compare links aligned sentences and keeps them level', async (t) => {
  return withSeeds(t, [], async ({ page }) => {
    const ids = await seedDocIds(page);
    // 000 and 001 both report the first public visit (see the grid test above).
    await show(page, `compare/${ids['000']}/${ids['001']}`);
    const left = page.locator('.compare-col').nth(0).locator('.sent[data-pair]');
    const right = page.locator('.compare-col').nth(1).locator('.sent[data-pair]');
    assert.ok((await left.count()) >= 1 && (await right.count()) >= 1, 'aligned sentences on both sides');
    // The last pair on the left: the first (the headlines) opens level already.
    const pick = left.nth((await left.count()) - 1);
    const pair = await pick.getAttribute('data-pair');
    // An outlet may state the claim in more than one sentence: its first is the partner.
    const partner = page.locator(`.compare-col >> nth=1 >> .sent[data-pair="${pair}"]`).first();
    assert.equal(await pick.locator('.pair-badge').innerText(), await partner.locator('.pair-badge').innerText());
    await pick.hover();
    await page.waitForSelector(`.compare-col >> nth=1 >> .sent.linked[data-pair="${pair}"]`);
    await pick.focus();
    assert.ok(await partner.evaluate((n) => n.classList.contains('linked')), 'focus lights the partner too');
    // Scrolling the left column brings the partner level on the right.
    const levels = await page.evaluate(async (pair) => {
    const [a, b] = document.querySelectorAll('.compare-body');
    const off = (body, n) => n.getBoundingClientRect().top - body.getBoundingClientRect().top;
    const left = a.querySelector(`.sent[data-pair="${pair}"]`);
    const right = b.querySelector(`.sent[data-pair="${pair}"]`);
    b.scrollTop = 0;
    a.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 100));
    a.scrollTop += off(a, left) - 10;
    await new Promise((r) => setTimeout(r, 300));
    return [off(a, left), off(b, right), b.scrollTop];
    }, pair);
    assert.ok(levels[2] > 0, `the right column scrolled: ${levels}`);
    assert.ok(Math.abs(levels[0] - levels[1]) < 4, `partners level: ${levels}`);
    // The pickers change the hash.
    await page.selectOption('#compare-b', String(ids['004']));
    await page.waitForFunction((h) => location.hash === h, `#compare/${ids['000']}/${ids['004']}`);
    await screenshot(page, 'seeds-compare-pickers');
  });
});

test('seeds: Overview has an accessible similarity table with values', async (t) => {
  return withSeeds(t, [], async ({ page }) => {
    // The story shown is the 2019 visit's: four articles (003 is the other story).
    await show(page, 'overview');
    const cells = page.locator('.heatmap tbody td');
    assert.equal(await cells.count(), 16);
    const values = await cells.allInnerTexts();
    assert.ok(values.filter((v) => /^\d\.\d\d$/.test(v)).length === 12, values.join(' '));
    assert.equal(await page.locator('.bars .bar-row').count(), 4);
  });
});

test('seeds: a document can be excluded and re-included without reloading files', async (t) => {
  return withSeeds(t, [], async ({ page }) => {
    const colourOf = (file) => page.evaluate((f) => document.querySelector(`.source-card[data-file="${f}"]`).style.getPropertyValue('--outlet'), file);
    const before = await colourOf('002_74746990a53cdcfb.txt');
    // click, not uncheck: the cards are redrawn at once, so there is no box left to verify.
    await page.locator('.source-card').first().getByLabel('Included').click();
    // The first story holds four of the five seeds (003 is the other story).
    await page.waitForFunction(() => document.querySelectorAll('.source-card').length === 3);
    assert.match(await page.locator('#excluded').innerText(), /000_79ab275896dec562\.txt/);
    assert.equal(await colourOf('002_74746990a53cdcfb.txt'), before, 'the other outlets keep their colours');
    await page.locator('#excluded input[type="checkbox"]').click();
    await page.waitForFunction(() => document.querySelectorAll('.source-card').length === 4);
  });
});

test('example: claims, a discrepancy, a shared quote, in every view and on a tablet', async () => {
  const { page, requests, consoleErrors, close } = await openPage('/', { viewport: { width: 1024, height: 768 } });
  try {
    await loadExample(page);
    await show(page, 'claims');
    const all = await page.locator('.claim-row').count();
    assert.ok(all >= 4);
    // Filters: words, minimum support; sorting keeps every row.
    await page.fill('#claim-text', 'fishing boats');
    assert.equal(await page.locator('.claim-row').count(), 1);
    await page.fill('#claim-text', '');
    await page.selectOption('#claim-min', '3');
    const wide = await page.locator('.claim-row .support').allInnerTexts();
    assert.ok(wide.length >= 1 && wide.every((n) => Number(n) >= 3), wide.join(','));
    await page.selectOption('#claim-min', '2');
    await page.selectOption('#claim-sort', 'first');
    assert.equal(await page.locator('.claim-row').count(), all);
    await page.selectOption('#claim-discrepancy', 'any');
    const flagged = page.locator('.claim-row');
    assert.ok((await flagged.count()) >= 1, 'the number the outlets disagree on');
    await flagged.first().locator('button').click();
    assert.match(await page.locator('.claim-detail').first().innerText(), /numbers?/i);
    assert.ok((await page.locator('.claim-detail mark.diff').count()) >= 1, 'differing words marked');
    await screenshot(page, 'example-claims-1024');
    await show(page, 'quotes');
    const rask = page.locator('.speaker[data-speaker*="Elena Rask"] .quote-group').first();
    assert.ok((await rask.locator('.quote-item').count()) >= 2, 'the quote two outlets carry');
    for (const view of VIEWS) {
      await show(page, view);
      await screenshot(page, `example-${view}-1024`);
    }
    assert.deepEqual(foreignRequests(requests), []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('exports download, and the JSON re-opens to the same sources', async () => {
  const { page, close } = await openPage();
  let saved;
  try {
    await loadExample(page);
    const titles = await page.locator('.source-title').allTextContents();
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    saved = readFileSync(await json.path());
    const report = JSON.parse(saved.toString('utf8'));
    assert.equal(report.schema, 'parallax.report/1');
    assert.equal(report.documents.length, 4);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const lines = readFileSync(await csv.path(), 'utf8').trimEnd().split('\n');
    const outlets = report.documents.map((d) => d.outlet ?? d.title ?? d.file);
    assert.equal(lines[0], ['claim', 'support', 'label', 'discrepancies', 'framing', ...outlets.map((o) => (/[",\n\r]/.test(o) ? `"${o.replace(/"/g, '""')}"` : o))].join(','));
    assert.equal(lines.length, report.claims.length + 1);

    await show(page, 'claims');
    const [html] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
    const page2 = readFileSync(await html.path(), 'utf8');
    assert.ok(!/<script/i.test(page2), 'no scripts in the exported file');
    assert.match(page2, /<style>/);
    assert.match(page2, /<details class="x-row x-claim"/);
    // It opens offline: no request for anything.
    const offline = await page.context().newPage();
    const asked = [];
    offline.on('request', (r) => asked.push(r.url()));
    await offline.setContent(page2);
    assert.equal(await offline.locator('details.x-claim').count(), report.claims.length);
    assert.deepEqual(asked.filter((u) => !u.startsWith('data:') && u !== 'about:blank'), []);
    await screenshot(offline, 'export-claims-html');
    await offline.close();

    await close();
    const again = await openPage();
    try {
      await dropFiles(again.page, '#drop-zone', [{ name: 'parallax-report.json', bytes: saved }]);
      await again.page.waitForSelector('#source-list .source-card', { timeout: 30000 });
      assert.deepEqual(await again.page.locator('.source-title').allTextContents(), titles);
      assert.match(await again.page.locator('#summary').innerText(), /opened from parallax-report\.json/);
    } finally {
      await again.close();
    }
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
});

test('article text is inserted as text, never as markup', async () => {
  const { page, close } = await openPage();
  try {
    const hostile = 'A test of markup\n\nThe mayor said "<img src=x onerror=alert(1)> is <b>bold</b>" on Monday.\n\nAnother sentence follows here.';
    await dropFiles(page, '#drop-zone', [{ name: 'hostile.txt', bytes: Buffer.from(hostile) }]);
    await page.waitForSelector('#source-list .source-card', { timeout: 30000 });
    for (const view of ['read/0', 'quotes', 'claims']) {
      await show(page, view);
      assert.equal(await page.locator('main img, main b').count(), 0, view);
    }
    await show(page, 'read/0');
    assert.match(await page.locator('.reader').innerText(), /<img src=x/);
    // The exported view keeps it as text too.
    // So does every view's exported file, those built from the Report (Claims, Quotes) too.
    for (const view of ['read/0', 'quotes', 'claims']) {
      await show(page, view);
      const [html] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
      const exported = readFileSync(await html.path(), 'utf8');
      assert.doesNotMatch(exported, /<img|<b>|<script/i, view);
      assert.match(exported, /&lt;img src=x onerror=alert\(1\)&gt;/, view);
    }
  } finally {
    await close();
  }
});

test('the theme toggle switches and is remembered', async () => {
  const { page, close } = await openPage();
  try {
    const label = await page.locator('#theme-button').getAttribute('aria-label');
    assert.equal(label, 'Switch to the dark theme');
    await page.click('#theme-button');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.reload();
    await page.waitForFunction(() => document.body.classList.contains('engine-ready'));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(20, 22, 26)');
    await screenshot(page, 'landing-dark');
  } finally {
    await close();
  }
});

test('loading shows progress and can be cancelled; more files join a loaded corpus', async () => {
  const { page, consoleErrors, close } = await openPage();
  try {
    // Enough files that the analysis takes a visible while.
    const many = Array.from({ length: 400 }, (_, i) => ({
      name: `bulk/story-${String(i).padStart(3, '0')}.txt`,
      bytes: Buffer.from(`Story ${i}\n\n` + Array.from({ length: 30 }, (_, k) => `The council said on Monday that bridge ${k} would reopen after repairs costing ${i * k} pounds.`).join(' ')),
    }));
    await dropFiles(page, '#drop-zone', many);
    // Cancelled while the worker analyses (not while the page opens the files).
    await page.waitForFunction(() => !document.getElementById('status').hidden && !/Opening/.test(document.getElementById('progress-text').textContent));
    assert.ok((await page.locator('#progress-text').innerText()).length > 0, 'the stage is named');
    await page.click('#cancel-button');
    await page.waitForSelector('#status', { state: 'hidden' });
    assert.equal(await page.locator('.source-card').count(), 0, 'nothing half-loaded is shown');
    // The worker was restarted: the example still loads, and a file dropped later joins it.
    await loadExample(page);
    assert.equal(await page.locator('.source-card').count(), 4);
    await dropFiles(page, 'body', [{ name: 'late.txt', bytes: Buffer.from('Harbour clean-up begins\n\nVolunteers began clearing the harbour district of Port Calder on Wednesday.') }]);
    // It joins the corpus; whether as the storm's story or the clean-up's
    // own is the story grouping's call, so the corpus count is what is checked.
    await page.waitForFunction(() => /^5 sources/.test(document.getElementById('summary')?.textContent || ''));
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
