// Upgrading the website never strands anyone: a site that ran the previous release for a month
// (Apache/nginx defaults: Last-Modified a month old, no Cache-Control) is replaced with the current one, and
// the staff member who typed data in the previous version gets the current one, with the data, and never a
// blank page; a broken deploy says so in both languages and its button recovers the app.
//
// KINERJA_UPGRADE_SW=<a service worker template> makes the current release of the first test run that service
// worker instead of its own (`KINERJA_UPGRADE_SW=tests/e2e/fixtures/sw-stale-index.js` shows it failing with
// a service worker that serves a cached index.html).
import { test } from 'node:test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { go, DIST, PK, PREFIX, saved } from './lib/app.mjs';
import { expectAttr, expectCount, expectText, expectValue, until } from './lib/expect.mjs';
import { serve } from './lib/server.mjs';
import { launch, open, ready } from './lib/browser.mjs';
import { audit } from './lib/axe.mjs';
import { deploy, makeRelease, versionOf } from './lib/release.mjs';
import { tempDir } from './lib/temp.mjs';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const PLACE = 'Ambon (diketik di versi sebelumnya)';
const EDITED = `${PK}kasubag-keuangan`;

/** Waits until a service worker controls the page (it has precached its version). */
async function offlineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

const version = (page) => page.locator('meta[name=kinerja-version]');

/** The staff member's edit, typed in the editor and saved. */
async function typeEdit(page, text) {
  await go(page, `#/pk/${EDITED}/ubah`);
  await page.locator('#pk-place').fill(text);
  await saved(page);
}

async function expectEdit(page, text) {
  await go(page, `#/pk/${EDITED}/ubah`);
  await expectValue(page.locator('#pk-place'), text, 'the edit typed earlier is there');
}

/**
 * A month of the previous release (other file names, another version, a service worker that keeps serving its
 * cached index.html), during which the staff member types data; then the site is replaced with the current release (the
 * build, or the build with the service worker `currentSw`), the browser looks for an update (as at the next
 * visit), and the user clicks "Muat ulang sekarang".
 */
async function upgrade({ currentSw = process.env.KINERJA_UPGRADE_SW } = {}) {
  const tmp = tempDir('upgrade');
  const previous = path.join(tmp, 'previous');
  const site = path.join(tmp, 'site');
  const oldVersion = await makeRelease(DIST, previous, { tag: 'previous', swTemplate: path.join(FIXTURES, 'sw-stale-index.js') });
  let current = DIST;
  if (currentSw) {
    current = path.join(tmp, 'current');
    await makeRelease(DIST, current, { tag: 'current', swTemplate: path.resolve(currentSw) });
  }
  const newVersion = await versionOf(current);
  await deploy(previous, site);
  const server = await serve(site, { prefix: PREFIX, apacheDefaults: true });
  const { context, close } = await launch();
  const stop = async () => {
    await close();
    await server.close();
    await fs.rm(tmp, { recursive: true, force: true });
  };
  try {
    const page = await open(context, server.url, { allowConsoleErrors: true });
    await ready(page);
    await offlineReady(page);
    await expectAttr(version(page), 'content', oldVersion);
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await typeEdit(page, PLACE);

    await deploy(current, site);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()).catch(() => {}));
    await page.locator('#update-ready').waitFor({ timeout: 30000 });
    await Promise.all([page.waitForEvent('load'), page.locator('#update-reload').click()]);
    await ready(page);
    return { page, context, server, stop, oldVersion, newVersion };
  } catch (e) {
    await stop();
    throw e;
  }
}

test('an upgrade keeps the data and starts the new version, even once the HTTP cache lets go of the old files', async () => {
  const { page: first, context, server, stop, newVersion } = await upgrade();
  let page = first;
  try {
    await expectAttr(version(page), 'content', newVersion, 'the new version runs after "Muat ulang sekarang"');
    await expectCount(page.locator('#update-stuck'), 0);
    await go(page, '#/data');
    await expectText(page.locator('#app-version'), `Versi aplikasi: ${newVersion}`);
    await expectEdit(page, PLACE);

    // The browser's HTTP cache lets go of everything (the previous release's files are gone from the site).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.reload();
    await ready(page);
    await expectAttr(version(page), 'content', newVersion);
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await expectEdit(page, PLACE);

    // The next day, a new tab: the same.
    await page.close();
    page = await open(context, server.url + '#/pohon/2024', { allowConsoleErrors: true });
    await ready(page);
    await page.locator('#tree-title').waitFor();
    await expectAttr(version(page), 'content', newVersion);
    await expectCount(page.locator('#rescue'), 0, 'no rescue message');
    await until(() => page.errors.filter((e) => e.startsWith('pageerror')), (e) => e.length === 0, 'no uncaught error');
  } finally {
    await stop();
  }
});

test('a switch that did not happen is said, and "Muat versi terbaru" loads the current version with the data', async () => {
  // The current release with a service worker that serves a cached index.html: it installs the old one.
  const { page, stop, oldVersion, newVersion } = await upgrade({ currentSw: path.join(FIXTURES, 'sw-stale-index.js') });
  try {
    const stuck = page.locator('#update-stuck');
    await expectText(stuck.locator('.notice-text'), `Versi baru belum berjalan: halaman ini masih versi ${oldVersion}. `
      + 'Muat versi terbaru dari situs (data Anda di browser ini aman).');
    await expectAttr(version(page), 'content', oldVersion);
    const found = (await audit(page)).map((v) => `${v.id} ${v.help} — ${v.nodes.join(', ')}`);
    if (found.length) throw new Error(`accessibility: ${found.join('; ')}`);
    await Promise.all([page.waitForEvent('load'), stuck.locator('#update-load-current').click()]);
    await ready(page);
    await expectAttr(version(page), 'content', newVersion);
    await expectCount(page.locator('#update-stuck'), 0);
    await expectEdit(page, PLACE);
  } finally {
    await stop();
  }
});

test('a broken deploy says so in both languages, and its button loads the repaired site with the data', async () => {
  const tmp = tempDir('broken');
  const site = path.join(tmp, 'site');
  const aside = path.join(tmp, 'aside');
  await fs.mkdir(aside);
  await deploy(DIST, site);
  /** Takes the site's files matching `pattern` away (a deploy that missed them); returns a function putting them back. */
  const breakSite = async (pattern) => {
    const names = (await fs.readdir(site)).filter((n) => pattern.test(n));
    if (names.length === 0) throw new Error(`no file matches ${pattern}`);
    for (const n of names) await fs.rename(path.join(site, n), path.join(aside, n));
    return async () => {
      for (const n of names) await fs.rename(path.join(aside, n), path.join(site, n));
    };
  };
  let server = await serve(site, { prefix: PREFIX });
  const { context, close } = await launch();
  try {
    // 1. The file of the rollup, capaian and tree pages is missing.
    let repair = await breakSite(/^split_kinerja_views-[0-9a-f]+\.wasm$/);
    const page = await open(context, server.url, { allowConsoleErrors: true });
    await ready(page);
    await typeEdit(page, PLACE);
    await page.locator('header a', { hasText: 'Rekapitulasi' }).click();
    const rescue = page.locator('#rescue');
    await expectText(rescue.locator('h2'), 'Kinerja tidak dapat dimuat. Kinerja could not be loaded.');
    await expectText(page.locator('#rescue-body'), /Data Anda di browser ini aman\..*Your data in this browser is safe\./s);
    await expectAttr(rescue, 'role', 'alert');
    await expectText(page.locator('#rescue-load'), 'Muat versi terbaru / Load the current version');
    const found = (await audit(page)).map((v) => `${v.id} ${v.help} — ${v.nodes.join(', ')}`);
    if (found.length) throw new Error(`accessibility: ${found.join('; ')}`);
    // The site is repaired; the button loads it.
    await repair();
    await Promise.all([page.waitForEvent('load'), page.locator('#rescue-load').click()]);
    await ready(page);
    await expectCount(rescue, 0);
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await expectEdit(page, PLACE);

    // 2. The app's WebAssembly is missing, for a browser that keeps nothing of the app but the data (its
    //    service worker, caches and HTTP cache gone): the page cannot start at all.
    repair = await breakSite(/^kinerja-[0-9a-f]+_bg\.wasm$/);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const k of await caches.keys()) await caches.delete(k);
    });
    await page.reload();
    await expectText(rescue.locator('h2'), 'Kinerja tidak dapat dimuat. Kinerja could not be loaded.');
    await expectCount(page.locator('header.app-header'), 0, 'the app did not start');
    // With no connection to the site, the button deletes nothing and says so.
    const port = server.port;
    await server.close();
    await page.locator('#rescue-load').click();
    await expectText(page.locator('#rescue-status'), /Situs Kinerja tidak dapat dihubungi\. Tidak ada yang dihapus/);
    // Connected again, with the site repaired.
    await repair();
    server = await serve(site, { prefix: PREFIX, port });
    await Promise.all([page.waitForEvent('load'), page.locator('#rescue-load').click()]);
    await ready(page);
    await expectCount(rescue, 0);
    await expectEdit(page, PLACE);
  } finally {
    await close();
    await server.close();
    await fs.rm(tmp, { recursive: true, force: true });
  }
});
