// Files are never dropped silently (issue 14): what the page does with
// same-named files, the very same file again, files that are not articles,
// and identical bytes under two names, done as a person does it (the
// "Add files…" picker, or a drop) with invented articles, and the notes and
// errors the reader is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, dropFiles, screenshot } from './browser.mjs';

/** An invented article about one road closure; `n` varies the wording, so every n is different bytes but one story. */
function article(outlet, n) {
  return Buffer.from(
    `${outlet}: Harlow bridge shut for repairs\n\n` +
      `The Harlow river bridge was closed to traffic on Monday after inspectors found cracks in two of its supports, the county council said.\n\n` +
      `Drivers are being sent on a diversion through Mill Lane, which adds about twenty minutes to the journey.\n\n` +
      `The council expects the bridge to reopen within ${n + 2} weeks, a spokesman said.\n`,
  );
}

const txt = (name, buffer) => ({ name, mimeType: 'text/plain', buffer });

async function sourceFiles(page) {
  return page.locator('#source-list .source-card').evaluateAll((cards) => cards.map((c) => c.dataset.file).sort());
}

async function waitForSources(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('#source-list .source-card').length === n && !document.body.classList.contains('busy'), n, { timeout: 30000 });
}

async function pick(page, files) {
  await page.setInputFiles('#file-input', files);
}

test('"Add files…" twice with two different report.txt keeps both, and the same file again changes nothing', async () => {
  const { page, consoleErrors, close } = await openPage();
  try {
    await pick(page, [txt('report.txt', article('Harlow Herald', 1))]);
    await waitForSources(page, 1);
    await pick(page, [txt('report.txt', article('County Post', 2))]);
    await waitForSources(page, 2);
    assert.deepEqual(await sourceFiles(page), ['report (2).txt', 'report.txt']);
    const notes = await page.locator('#note-list').innerText();
    assert.match(notes, /Two different files are named report\.txt: the one added later is listed as report \(2\)\.txt\./);
    await screenshot(page, 'adding-same-name');

    // The first file once more: same name, same bytes. Nothing is added, renamed or noted.
    const notesBefore = await page.locator('#note-list li').count();
    await pick(page, [txt('report.txt', article('Harlow Herald', 1))]);
    // Nothing to wait for but the page's quiet: give the load a moment, then check.
    await page.waitForTimeout(1500);
    await waitForSources(page, 2);
    assert.deepEqual(await sourceFiles(page), ['report (2).txt', 'report.txt']);
    assert.equal(await page.locator('#note-list li').count(), notesBefore);
    assert.equal(await page.locator('#errors').isHidden(), true, 'no error either');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('six files picked at once, three pairs sharing a name, give six sources', async () => {
  const { page, consoleErrors, close } = await openPage();
  try {
    const names = ['story.txt', 'index.txt', 'article.txt'];
    const files = [];
    names.forEach((name, i) => {
      files.push(txt(name, article(`Outlet ${2 * i + 1}`, 2 * i)));
      files.push(txt(name, article(`Outlet ${2 * i + 2}`, 2 * i + 1)));
    });
    await pick(page, files);
    await waitForSources(page, 6);
    assert.deepEqual(await sourceFiles(page), ['article (2).txt', 'article.txt', 'index (2).txt', 'index.txt', 'story (2).txt', 'story.txt']);
    const notes = await page.locator('#note-list li').allInnerTexts();
    for (const name of names) {
      const stem = name.replace('.txt', '');
      assert.ok(notes.some((n) => n.includes(`named ${name}`) && n.includes(`${stem} (2).txt`)), notes.join('\n'));
    }
    await screenshot(page, 'adding-six-three-pairs');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('an icon, an image, a font and a stylesheet dropped with articles are refused, each with its reason', async () => {
  const { page, consoleErrors, close } = await openPage();
  try {
    await dropFiles(page, '#drop-zone', [
      { name: 'herald.txt', bytes: article('Harlow Herald', 1) },
      { name: 'icon.svg', bytes: Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6"/></svg>\n') },
      { name: 'photo.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
      { name: 'font.woff2', bytes: Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(44)]) },
      { name: 'site.css', bytes: Buffer.from('body { font-family: serif; }\n.headline { font-size: 2rem; }\n') },
      { name: 'post.txt', bytes: article('County Post', 2) },
    ]);
    await waitForSources(page, 2);
    assert.deepEqual(await sourceFiles(page), ['herald.txt', 'post.txt'], 'the articles still load');
    const errors = await page.locator('#error-list li').allInnerTexts();
    const reasons = {
      'icon.svg': /an SVG image \(an icon or a drawing\), not an article/,
      'photo.png': /an image, not an article/,
      'font.woff2': /a font, not an article/,
      'site.css': /a stylesheet, not an article/,
    };
    for (const [name, reason] of Object.entries(reasons)) {
      const line = errors.find((e) => e.startsWith(`${name}:`));
      assert.ok(line, `${name} is listed: ${errors.join(' | ')}`);
      assert.match(line, reason);
    }
    assert.equal(errors.length, 4, errors.join(' | '));
    await screenshot(page, 'adding-not-articles');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('the same bytes under two names load once, and the message names both', async () => {
  const { page, consoleErrors, close } = await openPage();
  try {
    const bytes = article('Harlow Herald', 1);
    await dropFiles(page, '#drop-zone', [
      { name: 'herald.txt', bytes },
      { name: 'herald-copy.txt', bytes },
      { name: 'post.txt', bytes: article('County Post', 2) },
    ]);
    await waitForSources(page, 2);
    assert.deepEqual(await sourceFiles(page), ['herald.txt', 'post.txt']);
    // A copy is not a file that could not be read: it is a note, naming both.
    const notes = page.locator('#note-list');
    assert.match(await notes.innerText(), /herald-copy\.txt is the same file as herald\.txt \(the same bytes\): it is kept once, as herald\.txt\./);
    assert.equal(await page.locator('#errors').isHidden(), true);
    // A copy picked later, on its own, is named too, and nothing is analysed again.
    await pick(page, [txt('herald-again.txt', bytes)]);
    await page.waitForFunction(() => document.querySelector('#note-list').textContent.includes('herald-again.txt'), null, { timeout: 10000 });
    assert.match(await notes.innerText(), /herald-again\.txt is the same file as herald\.txt/);
    assert.deepEqual(await sourceFiles(page), ['herald.txt', 'post.txt']);
    await screenshot(page, 'adding-identical-bytes');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('a CSV export of several articles becomes one source a row, outlets from its column; a table without text is refused by name', async () => {
  const { page, consoleErrors, close } = await openPage();
  try {
    const row = (title, outlet, n) =>
      `"${title}",${outlet},2024-03-0${n},"${article(outlet, n).toString().split('\n\n').slice(1).join('\n\n').replace(/"/g, '""')}"`;
    const csv = Buffer.from(
      'Title,Media Name,Publish Date,Full Text\n' +
        [row('Harlow bridge shut', 'Harlow Herald', 1), row('Bridge closed for repairs', 'County Post', 2), row('Cracks close bridge', 'Valley Echo', 3)].join('\n') +
        '\n',
    );
    const ids = Buffer.from('stories_id,title,url\n1,Harlow bridge shut,https://herald.example/1\n');
    await dropFiles(page, '#drop-zone', [
      { name: 'export.csv', bytes: csv },
      { name: 'ids-only.csv', bytes: ids },
    ]);
    await waitForSources(page, 3);
    assert.deepEqual(await sourceFiles(page), ['export.csv#row1', 'export.csv#row2', 'export.csv#row3']);
    const cards = await page.locator('#source-list').innerText();
    for (const outlet of ['Harlow Herald', 'County Post', 'Valley Echo']) assert.match(cards, new RegExp(outlet, 'i'));
    const errors = await page.locator('#error-list li').allInnerTexts();
    assert.equal(errors.length, 1, errors.join(' | '));
    assert.match(errors[0], /^ids-only\.csv: the table has no text column .*its columns: stories_id, title, url/);
    await screenshot(page, 'adding-csv-export');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('"Add a folder…" of one folder per outlet names each article after its folder; event folders keep the file names', async () => {
  const root = mkdtempSync(join(tmpdir(), 'parallax-outlets-'));
  // An article that names no outlet in its text: only its place on disk can.
  const plain = (n) =>
    `Harlow bridge shut for repairs\n\nThe Harlow river bridge was closed to traffic on Monday after inspectors found cracks in two of its supports, the county council said.\n\nThe council expects the bridge to reopen within ${n + 2} weeks, a spokesman said.\n`;
  const files = {
    'by-outlet/harlow-herald/bridge-shut-0412.txt': plain(1),
    'by-outlet/harlow-herald/diversion-mill-lane.txt': plain(2),
    'by-outlet/county-post/cracks-close-bridge.txt': plain(3),
    'by-event/bridge/valley-echo.txt': plain(4),
    'by-event/bridge/county-post.txt': plain(5),
    'by-event/flood/valley-echo.txt': plain(6),
    'by-event/flood/county-post.txt': plain(7),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const outlets = (page) =>
    page.locator('#source-list .source-card').evaluateAll((cards) =>
      cards.map((c) => `${c.dataset.file} = ${c.querySelector('.source-outlet').textContent} (${c.querySelector('.outlet-source')?.textContent ?? ''})`).sort());
  const { page, consoleErrors, close } = await openPage();
  try {
    await page.locator('#folder-input').setInputFiles(join(root, 'by-outlet'));
    await waitForSources(page, 3);
    assert.deepEqual(await outlets(page), [
      'by-outlet/county-post/cracks-close-bridge.txt = county-post (named from the folder)',
      // Two articles of one outlet: each file's own name tells them apart.
      'by-outlet/harlow-herald/bridge-shut-0412.txt = harlow-herald (bridge-shut-0412.txt) (named from the folder)',
      'by-outlet/harlow-herald/diversion-mill-lane.txt = harlow-herald (diversion-mill-lane.txt) (named from the folder)',
    ]);
    await screenshot(page, 'adding-outlet-folders');
  } finally {
    await close();
  }
  const second = await openPage();
  try {
    await second.page.locator('#folder-input').setInputFiles(join(root, 'by-event'));
    await waitForSources(second.page, 4);
    // The same four outlet names in two event folders: the file names are the outlets, and the folder is shown beside.
    const named = await outlets(second.page);
    assert.deepEqual(named.map((n) => n.replace(/ \(.*\)$/, '')), [
      'by-event/bridge/county-post.txt = county post',
      'by-event/bridge/valley-echo.txt = valley echo',
      'by-event/flood/county-post.txt = county post',
      'by-event/flood/valley-echo.txt = valley echo',
    ]);
    const cards = await second.page.locator('#source-list').innerText();
    assert.match(cards, /by-event\/flood/);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(second.consoleErrors, []);
  } finally {
    await second.close();
    rmSync(root, { recursive: true, force: true });
  }
});
