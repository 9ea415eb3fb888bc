// The website's headers, exactly as the README's Apache and nginx blocks give them (read from the README by
// lib/headers.mjs): the staff app, the public view and offline use still work under them, the two file types
// come from the configuration, hashed files are kept a year, the rest revalidated, and another site cannot
// frame Kinerja while the KPU website itself can.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DIST, PREFIX, PK, go } from './lib/app.mjs';
import { eventually, expectCount } from './lib/expect.mjs';
import { serve } from './lib/server.mjs';
import { launch, open, ready } from './lib/browser.mjs';
import { apache, nginx } from './lib/headers.mjs';
import { tempDir } from './lib/temp.mjs';

const SECURITY = {
  'content-security-policy': "frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** dist/ with two small pages that frame the app: one meant for the same origin, one for another. */
async function siteWithFrames() {
  const site = tempDir('headers');
  await fs.cp(DIST, site, { recursive: true });
  const page = (src) => `<!doctype html><html lang="id"><title>frame</title><iframe title="Kinerja" src="${src}"></iframe></html>`;
  await fs.writeFile(path.join(site, 'frame-self.html'), page('./#/publik'));
  return { site, page };
}

async function offlineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

for (const config of [apache(), nginx()]) {
  test(`${config.name}: the README's headers keep the app, the public view and offline use working`, async () => {
    assert.ok(!config.prefix || config.prefix === PREFIX, `the README's nginx location is ${PREFIX}`);
    const { site } = await siteWithFrames();
    const server = await serve(site, { prefix: PREFIX, site: config });
    const { context, close } = await launch();
    try {
      const answers = new Map();
      context.on('response', (r) => answers.set(new URL(r.url()).pathname, r));
      const page = await open(context, server.url);
      await ready(page);
      await expectCount(page.locator('#cascade .pk-card'), 10);

      // What each kind of file was answered with.
      const headers = (p) => {
        const r = answers.get(p);
        assert.ok(r, `${p} was fetched`);
        return r.headers();
      };
      const index = headers(PREFIX);
      for (const [name, value] of Object.entries(SECURITY)) assert.equal(index[name], value, `index.html: ${name}`);
      assert.equal(index['cache-control'], 'no-cache', 'index.html is revalidated');
      const wasm = [...answers.keys()].find((p) => /kinerja-[0-9a-f]+_bg\.wasm$/.test(p));
      assert.ok(wasm, 'the app module was fetched');
      assert.equal(headers(wasm)['content-type'], 'application/wasm', 'the configuration names the .wasm type');
      assert.equal(headers(wasm)['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(headers(wasm)['x-content-type-options'], 'nosniff');
      const manifest = await page.request.get(server.url + 'manifest.webmanifest');
      assert.equal(manifest.headers()['content-type'], 'application/manifest+json');
      assert.equal(manifest.headers()['cache-control'], 'no-cache');
      const sw = await page.request.get(server.url + 'sw.js');
      assert.equal(sw.headers()['cache-control'], 'no-cache', 'the service worker is revalidated');
      const data = await page.request.get(server.url + 'data/index.json');
      assert.equal(data.headers()['cache-control'], 'no-cache', 'published data is revalidated');
      const missing = await page.request.get(server.url + 'no-such-file.js');
      assert.equal(missing.status(), 404);
      assert.equal(missing.headers()['x-content-type-options'], 'nosniff', 'also on an error');

      // The staff app and the public view, with a page loaded on demand.
      await go(page, `#/pk/${PK}sekretaris`);
      await page.locator('#pk-table').waitFor();
      await go(page, '#/publik');
      await page.locator('#published-info').waitFor();
      await expectCount(page.locator('#cascade .pk-card'), 10);
      await go(page, '#/publik/rollup/2024');
      await page.locator('#rollup-summary').waitFor();
      await expectCount(page.locator('#budget-flags li'), 3);

      // Offline after the first visit.
      await offlineReady(page);
      await server.close();
      await page.reload();
      await ready(page);
      await page.locator('#rollup-summary').waitFor();
      await go(page, '#/publik');
      await page.locator('#published-info').waitFor();
      await go(page, `#/publik/pk/${PK}kasubag-keuangan`);
      await page.locator('#pk-table').waitFor();
      await expectCount(page.locator('#pk-table td.indicator'), 6);
      assert.deepEqual(page.errors, []);
    } finally {
      await close();
      await server.close();
      await fs.rm(site, { recursive: true, force: true });
    }
  });

  test(`${config.name}: the KPU website may frame Kinerja, another site may not`, async () => {
    const { site, page: framePage } = await siteWithFrames();
    const server = await serve(site, { prefix: PREFIX, site: config });
    await fs.writeFile(path.join(site, 'frame-other.html'), framePage(server.url + '#/publik'));
    const { context, close } = await launch();
    try {
      const own = await open(context, server.url + 'frame-self.html');
      const inside = own.frameLocator('iframe');
      await inside.locator('header.app-header').waitFor({ timeout: 30000 });
      await inside.locator('#published-info').waitFor();

      // The same files under another origin (another host name for this machine) frame the app at 127.0.0.1.
      const stranger = await context.newPage();
      const refused = stranger.waitForEvent('console', {
        predicate: (m) => /frame-ancestors 'self'/.test(m.text()),
        timeout: 30000,
      });
      await stranger.goto(server.url.replace('127.0.0.1', 'localhost') + 'frame-other.html');
      await refused;
      await eventually(() => stranger.frames().map((f) => f.url().split(':')[0]), ['http', 'chrome-error'], 'the frame shows the browser\'s error');
      await expectCount(stranger.frameLocator('iframe').locator('header.app-header'), 0, 'nothing of the app inside');
    } finally {
      await close();
      await server.close();
      await fs.rm(site, { recursive: true, force: true });
    }
  });
}
