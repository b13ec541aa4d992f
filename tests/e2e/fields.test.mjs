// The Report gains fields as the core grows; the page uses them when present
// (wordings with the core's own differing spans, quote conflicts, verbatim
// copying, captions) and does without them when absent. A small hand-made
// Report, opened as a saved Report JSON, pins both paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, dropFiles } from './browser.mjs';

function doc(id, outlet, sentences) {
  const text = sentences.map((s) => s.text).join('\n\n');
  return { id, file: `${outlet.toLowerCase().replace(/ /g, '-')}.txt`, format: 'text', title: `${outlet} story`, outlet, date: '2026-03-11', date_source: null, byline: null, dateline: null, url: null, language: 'en', text, removed: [{ text: 'Share this story', reason: 'boilerplate' }], warnings: [], word_count: 20, claims_shared: 1, claims_unique: 1 };
}

function report({ withNewFields }) {
  const a = [{ text: 'The bridge will reopen on Monday, the council said.', kind: 'claim' }, { text: 'Photo: the bridge at dusk.', kind: 'caption' }];
  const b = [{ text: 'The council said the bridge would reopen on Tuesday.', kind: 'claim' }, { text: '"It is safe," the engineer said.', kind: 'claim' }];
  const c = [{ text: '"It is safe," the mayor said.', kind: 'claim' }];
  const documents = [doc(0, 'Alpha News', a), doc(1, 'Beta Times', b), doc(2, 'Gamma Post', c)];
  const sentences = [];
  for (const [d, list] of [[0, a], [1, b], [2, c]]) {
    let at = 0;
    for (const s of list) {
      sentences.push({ id: sentences.length, doc: d, start: at, end: at + s.text.length, text: s.text, kind: s.kind, claim: null });
      at += s.text.length + 2;
    }
  }
  sentences[0].claim = 0;
  sentences[2].claim = 0;
  const claim = {
    id: 0, sentences: [0, 2], docs: [0, 1], label: sentences[0].text, label_sentence: 0,
    discrepancies: [{ kind: 'number', summary: 'days differ: Monday / Tuesday', values: [{ sentence: 0, doc: 0, value: 'Monday' }, { sentence: 2, doc: 1, value: 'Tuesday' }] }],
  };
  const quotes = [
    { id: 0, doc: 1, sentence: 3, start: sentences[3].start + 1, end: sentences[3].start + 12, text: 'It is safe,', speaker: 'the engineer', cue: 'said', kind: 'statement', group: 0 },
    { id: 1, doc: 2, sentence: 4, start: 1, end: 12, text: 'It is safe,', speaker: 'the mayor', cue: 'said', kind: 'statement', group: 0 },
  ];
  const out = {
    schema: 'parallax.report/1', documents, sentences, quotes, claims: [claim],
    quote_groups: [{ id: 0, speaker: 'the engineer', quotes: [0, 1], docs: [1, 2] }],
    speakers: [{ name: 'the engineer', aliases: ['engineer'], docs: [1] }, { name: 'the mayor', aliases: [], docs: [2] }],
    similarity: [[1, 0.4, 0.1], [0.4, 1, 0.2], [0.1, 0.2, 1]], errors: [],
  };
  if (withNewFields) {
    // The core's own differing spans, here deliberately one a word diff
    // would never give ("council"), so the test sees which spans are used.
    const t = sentences[2].text.indexOf('Tuesday');
    const c = sentences[2].text.indexOf('council');
    const m = sentences[0].text.indexOf('Monday');
    claim.wordings = [{ sentence: 0, doc: 0, differs: [] }, { sentence: 2, doc: 1, differs: [[c, c + 7], [t, t + 7]] }];
    claim.discrepancies[0].compatible = false;
    claim.discrepancies[0].values[0].span = [m, m + 6];
    claim.discrepancies[0].values[1].span = [t, t + 7];
    Object.assign(out.quote_groups[0], {
      conflict: true,
      conflicting_speakers: ['the engineer', 'the mayor'],
      link: 'same words',
      members: [{ quote: 0, doc: 1, speaker: 'the engineer', differing: [[0, 2]] }, { quote: 1, doc: 2, speaker: 'the mayor', differing: [] }],
    });
    quotes[0].speaker_given = 'he';
    quotes[1].closed = false;
    documents[1].verbatim_share = 0.5;
    documents[1].verbatim_with = [2];
  }
  return out;
}

async function open(page, r) {
  await dropFiles(page, '#drop-zone', [{ name: 'small-report.json', bytes: Buffer.from(JSON.stringify(r)) }]);
  await page.waitForSelector('.source-card');
}

test('new fields are used when present', async () => {
  const { page, consoleErrors, close } = await openPage();
  try {
    await open(page, report({ withNewFields: true }));
    await page.evaluate(() => (location.hash = 'claims'));
    await page.locator('.claim-row button').first().click();
    const marks = await page.locator('.claim-detail .wording mark.diff').allInnerTexts();
    assert.deepEqual(marks, ['council'], 'the core’s spans, not the page’s own diff');
    assert.deepEqual(await page.locator('.claim-detail mark.value-mark').allInnerTexts(), ['Monday', 'Tuesday', 'boxed'], 'the disputed values, located by the core');
    assert.match(await page.locator('.claim-detail .discrepancy').innerText(), /Monday \/ Tuesday/);
    await page.evaluate(() => (location.hash = 'quotes'));
    assert.match(await page.locator('.conflict-flag').innerText(), /different speakers: the engineer \/ the mayor/);
    assert.deepEqual(await page.locator('.quote-group mark.diff').allInnerTexts(), ['It'], 'the members’ own differing spans');
    const group = await page.locator('.quote-group').first().innerText();
    assert.match(group, /the same words/);
    assert.match(group, /as “he”/);
    assert.match(group, /no closing mark/i);
    assert.match(await page.locator('.speaker[data-speaker="the engineer"] .aliases').innerText(), /engineer/);
    await page.evaluate(() => (location.hash = 'overview'));
    assert.match(await page.locator('.verbatim').innerText(), /Beta Times repeats word for word \(50% of its words\):\s*Gamma Post/);
    await page.evaluate(() => (location.hash = 'read/0'));
    assert.equal(await page.locator('.reader .block-caption').count(), 1, 'captions styled as captions');
    await page.locator('.reader details.removed summary').click();
    assert.match(await page.locator('.reader details.removed').innerText(), /Share this story/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('without the new fields the page computes what it can', async () => {
  const { page, consoleErrors, close } = await openPage();
  try {
    await open(page, report({ withNewFields: false }));
    await page.evaluate(() => (location.hash = 'claims'));
    await page.locator('.claim-row button').first().click();
    const marks = await page.locator('.claim-detail .wording mark.diff').allInnerTexts();
    assert.ok(marks.some((m) => m.includes('Tuesday')), marks.join('|'));
    assert.ok(!marks.some((m) => /bridge|council/.test(m)), `shared words are not marked: ${marks.join('|')}`);
    await page.evaluate(() => (location.hash = 'quotes'));
    // Two speakers for the same words is a conflict even when the core does not say so.
    assert.match(await page.locator('.conflict-flag').innerText(), /the engineer \/ the mayor/);
    await page.evaluate(() => (location.hash = 'overview'));
    assert.match(await page.locator('#panel-overview').innerText(), /No document repeats another word for word/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
