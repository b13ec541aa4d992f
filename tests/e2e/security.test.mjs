// Hostile input in the browser: nothing from an article executes, nothing
// is sent anywhere, article text shows as text, and a crash inside the wasm
// is survived with the loaded files kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, dropFiles, seedFiles, foreignRequests, screenshot, BASE_URL } from './browser.mjs';

const HOSTILE = `<!doctype html><html><head>
<title>Breaking &lt;img src=x onerror=alert(&quot;title&quot;)&gt; news</title>
<meta http-equiv="refresh" content="0;url=http://evil.example/">
<script>alert('inline')</script>
<script src="http://evil.example/x.js"></script>
<link rel="stylesheet" href="http://evil.example/x.css">
<style>body { background: url(http://evil.example/bg.png) }</style>
</head><body>
<iframe src="http://evil.example/frame"></iframe>
<h1>Breaking &lt;b&gt;not bold&lt;/b&gt; news</h1>
<p>The council said the harbour wall will be rebuilt by June, and that &lt;script&gt;alert("x")&lt;/script&gt; is only text.</p>
<img src="http://evil.example/pixel.gif" onerror="alert('img')">
<p><a href="javascript:alert('link')">Read more</a> about the wall, which cost 2 million euros.</p>
<svg onload="alert('svg')"><script>alert('svg-script')</script></svg>
<object data="http://evil.example/x.swf"></object>
</body></html>`;

test('a hostile saved page runs nothing, requests nothing and shows as text', async () => {
  const { page, requests, consoleErrors, dialogs, close } = await openPage();
  try {
    await dropFiles(page, '#drop-zone', [{ name: 'hostile.html', bytes: Buffer.from(HOSTILE) }]);
    await page.waitForSelector('.source-card', { timeout: 30000 });
    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(foreignRequests(requests), [], 'no request left the origin');
    assert.deepEqual(consoleErrors, [], 'no console error');
    const title = await page.locator('.source-card .source-title').first().textContent();
    assert.match(title, /<img src=x onerror=alert\("title"\)>/, 'markup in the title is shown as text');
    assert.equal(await page.locator('.source-card img, .source-card script, .source-card b').count(), 0);
    assert.equal(await page.evaluate(() => document.querySelectorAll('iframe, object, embed').length), 0);
    await screenshot(page, 'hostile-page');
  } finally {
    await close();
  }
});

test('the Content-Security-Policy forbids inline scripts and foreign connections', async () => {
  const { page, close } = await openPage();
  try {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /connect-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const ranInline = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.appendChild(s);
      return window.__inlineRan === true;
    });
    assert.equal(ranInline, false, 'an inline script did not run');
    const blocked = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      try {
        await fetch('http://127.0.0.2:9/');
      } catch {
        /* refused */
      }
      await new Promise((r) => setTimeout(r, 100));
      return violations;
    });
    assert.ok(blocked.includes('connect-src'), `the policy refused the connection (violations: ${blocked})`);
  } finally {
    await close();
  }
});

test('analysing the seeds requests only the page\'s own static files', async (t) => {
  const seeds = seedFiles();
  if (!seeds) return t.skip('no ../shared');
  const { page, requests, close } = await openPage();
  try {
    await dropFiles(page, '#drop-zone', seeds);
    await page.waitForSelector('.source-card', { timeout: 30000 });
    const origin = new URL(BASE_URL).origin;
    for (const url of requests) {
      assert.ok(url.startsWith(origin + '/'), `request beyond the origin: ${url}`);
      const path = new URL(url).pathname;
      assert.match(path, /^\/($|index\.html$|style\.css$|favicon\.svg$|worker\.js$|js\/|pkg\/|model\/words\.bin$|example\/)/, `unexpected request ${path}`);
    }
  } finally {
    await close();
  }
});

// A panic inside the wasm surfaces in JavaScript as a WebAssembly.RuntimeError
// ("unreachable") thrown from the call, after the progress callback has named
// the file being read. The test serves the real module behind a thin wrapper
// that does exactly that for one file, so the page's handling is exercised.
const WRAPPER = `
import init, * as real from './parallax-real.js';
export default init;
export const schema = real.schema;
export const load_words = real.load_words;
export function analyze(names, contents, progress, choices) {
  const bad = names.findIndex((n) => n.includes('boom'));
  if (bad >= 0) {
    progress('reading', bad, names.length, names[bad]);
    throw new WebAssembly.RuntimeError('unreachable');
  }
  return real.analyze(names, contents, progress, choices);
}`;

test('a crash inside the wasm is reported with file and stage, and loaded files stay', async () => {
  const { page, context, close } = await openPage('/?crash-test');
  try {
    await context.route('**/pkg/parallax.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: WRAPPER }),
    );
    await context.route('**/pkg/parallax-real.js', async (route) => {
      const response = await route.fetch({ url: `${BASE_URL}/pkg/parallax.js` });
      await route.fulfill({ response });
    });
    await page.reload();
    await page.waitForFunction(() => document.body.classList.contains('engine-ready'), null, { timeout: 30000 });
    await page.getByRole('button', { name: 'Try the example' }).click();
    await page.waitForSelector('.source-card', { timeout: 30000 });
    assert.equal(await page.locator('.source-card').count(), 4);

    await dropFiles(page, '#drop-zone', [{ name: 'boom.txt', bytes: Buffer.from('A headline\n\nSome text that crashes.') }]);
    await page.waitForFunction(() => /boom\.txt/.test(document.querySelector('#error-list')?.textContent || ''), null, { timeout: 30000 });
    const errors = await page.locator('#error-list').innerText();
    assert.match(errors, /boom\.txt/);
    assert.match(errors, /reading/);
    assert.equal(await page.locator('.source-card').count(), 4, 'the example stays loaded');
    await screenshot(page, 'crash-reported');

    // The worker was restarted: more files still load.
    await dropFiles(page, '#drop-zone', [{ name: 'after.txt', bytes: Buffer.from('After the crash\n\nThe harbour wall will be rebuilt by June, the council said.') }]);
    // A different event: it loads as a story of its own beside the example.
    await page.waitForFunction(() => /5 sources/.test(document.getElementById('summary')?.textContent || ''), null, { timeout: 30000 });
  } finally {
    await close();
  }
});
