// Pages loaded on demand: the first page needs only the main module; every other page's
// code is fetched when the page is first opened, and a page that cannot be fetched says so without
// harming the data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { go, reload, startApp, DIST, PK, PREFIX } from './lib/app.mjs';
import { storedWorkspace } from './lib/stored.mjs';
import { expectCount, expectText, until } from './lib/expect.mjs';
import { serve } from './lib/server.mjs';
import { launch, open, ready } from './lib/browser.mjs';

/** The page files (split_kinerja_<group>-<hash>.wasm, src/ui/lazy.rs) this page has fetched so far. */
const pageFiles = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.split('/').pop())
      .filter((n) => n.startsWith('split_kinerja_'))
      .map((n) => n.replace(/-[0-9a-f]+\.wasm$/, '')),
  );

test('the first page fetches no other page; a page is fetched when first opened', async () => {
  const server = await serve(DIST, { prefix: PREFIX });
  const { context, close } = await launch();
  try {
    const page = await open(context, server.url);
    await ready(page);
    await expectCount(page.locator('#cascade .pk-card'), 10);
    assert.deepEqual(await pageFiles(page), ['split_kinerja_seed'], 'a first visit needs the built-in data, no page file');
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await expectCount(page.locator('#budget-flags li'), 3);
    assert.deepEqual(await pageFiles(page), ['split_kinerja_seed', 'split_kinerja_views']);
    await go(page, '#/');
    await expectCount(page.locator('#cascade .pk-card'), 10);
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await go(page, '#/pohon/2024');
    await page.locator('#tree-title').waitFor();
    assert.deepEqual(await pageFiles(page), ['split_kinerja_seed', 'split_kinerja_views'], 'a file is fetched once, for its whole group');
    await go(page, `#/pk/${PK}sekretaris`);
    await page.locator('#pk-table').waitFor();
    assert.deepEqual((await pageFiles(page)).sort(), ['split_kinerja_document', 'split_kinerja_seed', 'split_kinerja_views']);
    assert.deepEqual(page.errors, []);
  } finally {
    await close();
    await server.close();
  }
});

test('a page that cannot be fetched says so, keeps the data, and loads when opened again', async () => {
  const server = await serve(DIST, { prefix: PREFIX });
  const { context, close } = await launch();
  try {
    // The connection drops for the file of the rollup, capaian and tree pages (the service worker cannot
    // precache it either).
    const blocked = /split_kinerja_views-[0-9a-f]+\.wasm$/;
    await context.route(blocked, (route) => route.abort('internetdisconnected'));
    const page = await open(context, server.url, { allowConsoleErrors: true });
    await ready(page);
    await expectCount(page.locator('#cascade .pk-card'), 10);
    await page.locator('header a', { hasText: 'Rekapitulasi' }).click();
    const alert = page.locator('main [role="alert"]');
    await expectText(alert.locator('h1'), 'Halaman tidak dapat dimuat');
    await expectText(alert, /Data Anda aman/);
    await expectCount(page.locator('#rollup-summary'), 0);
    // Nothing else is broken: the other pages and the data are as they were.
    await alert.locator('a', { hasText: 'Kembali ke beranda' }).click();
    await expectCount(page.locator('#cascade .pk-card'), 10);
    await go(page, `#/pk/${PK}sekretaris`);
    await page.locator('#pk-table').waitFor();
    // Connected again: opening the page again fetches it.
    await context.unroute(blocked);
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await expectCount(page.locator('#budget-flags li'), 3);
    await until(() => page.errors.filter((e) => e.startsWith('pageerror')), (e) => e.length === 0, 'no uncaught error');
  } finally {
    await close();
    await server.close();
  }
});

test('stored data of an older version starts with the file reader fetched first; current data needs none', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    // The first visit stores the built-in data (the current version): read back without the reader.
    await until(() => storedWorkspace(page), (stored) => stored && stored.agreements.length === 10, 'saved');
    await reload(page);
    await expectCount(page.locator('#cascade .pk-card'), 10);
    assert.deepEqual(await pageFiles(page), [], 'current data is read by the first page alone, without the built-in data');
    // A version 5 workspace, as an earlier release stored it (the first release's key).
    const old = await fs.readFile(new URL('../fixtures/format-v5-generated-2025.json', import.meta.url), 'utf8');
    const ids = JSON.parse(old).agreements.map((a) => a.id);
    await page.evaluate((text) => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('kinerja.v2.')) localStorage.removeItem(k);
      localStorage.setItem('kinerja.v1.workspace', text);
    }, old);
    await reload(page);
    await expectCount(page.locator('#cascade .pk-card'), 10);
    assert.deepEqual(await pageFiles(page), ['split_kinerja_reader']);
    // Saved again in the current version, every PK kept; the next start reads it without the reader.
    await until(() => storedWorkspace(page), (stored) => stored && stored.version === 6, 'saved as version 6');
    assert.deepEqual((await storedWorkspace(page)).agreements.map((a) => a.id), ids);
    await reload(page);
    await expectCount(page.locator('#cascade .pk-card'), 10);
    assert.deepEqual(await pageFiles(page), []);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});
