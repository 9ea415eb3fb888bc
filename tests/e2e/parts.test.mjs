// Pages loaded on demand: the first page needs only the main module; every other page's
// code is fetched when the page is first opened, and a page that cannot be fetched says so without
// harming the data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { go, DIST, PK, PREFIX } from './lib/app.mjs';
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
    assert.deepEqual(await pageFiles(page), [], 'the list of PKs needs no page file');
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await expectCount(page.locator('#budget-flags li'), 3);
    assert.deepEqual(await pageFiles(page), ['split_kinerja_views']);
    await go(page, '#/');
    await expectCount(page.locator('#cascade .pk-card'), 10);
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await go(page, '#/pohon/2024');
    await page.locator('#tree-title').waitFor();
    assert.deepEqual(await pageFiles(page), ['split_kinerja_views'], 'a file is fetched once, for its whole group');
    await go(page, `#/pk/${PK}sekretaris`);
    await page.locator('#pk-table').waitFor();
    assert.deepEqual((await pageFiles(page)).sort(), ['split_kinerja_document', 'split_kinerja_views']);
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
