// A news-database export opened on the real page: picks an invented
// 200-article Nexis text export (the main engine finds it is an export and
// hands it to the full engine, fetched on that first use) and times the
// pick until the summary counts 200 sources. Each run opens a fresh page,
// so the full engine's fetch is counted every time.
// usage: node bench/export_drop.mjs BASE_URL RUNS
const [base, runsArg] = process.argv.slice(2);
// browser.mjs reads BASE_URL when it loads.
process.env.BASE_URL = base;
const { openPage, nexisExport } = await import('../tests/e2e/browser.mjs');
const runs = Number(runsArg || 3);
const bytes = nexisExport(200);
const times = [];
for (let r = 0; r < runs; r++) {
  const { page, close } = await openPage();
  try {
    const started = Date.now();
    await page.setInputFiles('#file-input', [{ name: 'nexis_200.txt', mimeType: 'text/plain', buffer: bytes }]);
    await page.waitForFunction(
      () => /^200 sources\b/.test(document.querySelector('#summary')?.innerText || '') && !document.body.classList.contains('busy'),
      null,
      { timeout: 120000, polling: 50 },
    );
    times.push(Date.now() - started);
  } finally {
    await close();
  }
}
times.sort((a, b) => a - b);
console.log(`bench page_export200_pick_to_200_sources_ms ${times[Math.floor(times.length / 2)]} ms`);
