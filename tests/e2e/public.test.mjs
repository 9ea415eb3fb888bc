// Public transparency view on a plain static host under a sub-path: read-only published data, deep
// links, both languages, phones, offline after the first visit, clean updates, nothing third-party.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, reload, texts, PK, DIST, PREFIX, saved } from './lib/app.mjs';
import { eventually, expectAttr, expectCount, expectNoOverflow, expectText, until } from './lib/expect.mjs';
import { serve } from './lib/server.mjs';
import { launch, open, ready } from './lib/browser.mjs';
import { storedWorkspace } from './lib/stored.mjs';
import { tempDir } from './lib/temp.mjs';

const OUT = new URL('./.output/', import.meta.url).pathname;
await fs.mkdir(OUT, { recursive: true });
const workspaceKey = (page) => storedWorkspace(page);

/** Waits until the service worker controls the page and has finished precaching. */
async function offlineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

test('the public view shows the published PKs read-only and writes nothing', async () => {
  const app = await startApp({ hash: '#/publik' });
  try {
    const { page } = app;
    await page.locator('#published-info').waitFor();
    await expectText(page.locator('#published-info li'), 'Komisi Pemilihan Umum Provinsi Maluku');
    await expectCount(page.locator('#cascade .pk-card'), 10);
    await expectText(page.locator('.public-badge'), 'Tampilan publik (hanya baca)');
    for (const control of ['#new-agreement', '#undo', '#redo', '#save-status', 'a[href="#/data"]']) {
      await expectCount(page.locator(control), 0, `${control} is not in the public view`);
    }
    await page.locator('#cascade .pk-card-title a').first().click();
    await page.locator('#pk-table').waitFor();
    await eventually(() => page.url(), /#\/publik\/pk\/kpu-maluku-2024-sekretaris$/);
    await expectCount(page.locator('#edit-link, #cascade-link'), 0);
    // Nothing editable (the language the document is shown in is a choice of reading, not an edit).
    await expectCount(page.locator('input, textarea, select:not(#document-language)'), 0, 'nothing editable');
    await page.locator('.toolbar a', { hasText: 'Rekapitulasi' }).click();
    await page.locator('#rollup-summary').waitFor();
    await expectCount(page.locator('.fix-link, .confirm-link'), 0);
    await expectCount(page.locator('#budget-flags li'), 3);
    // Ctrl+Z does nothing here, and nothing of the visitor's was stored.
    await page.keyboard.press('Control+z');
    await eventually(() => workspaceKey(page), null);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('a visitor with their own workspace keeps it untouched', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kasubag-keuangan/ubah` });
  try {
    const { page } = app;
    await page.locator('#pk-notes').fill('Catatan pribadi');
    await saved(page);
    const mine = await workspaceKey(page);
    await go(page, `#/publik/pk/${PK}kasubag-keuangan`);
    await page.locator('#pk-table').waitFor();
    await expectCount(page.locator('.pk-notes'), 0, 'notes are for staff');
    await until(() => page.locator('main').innerText(), (v) => !/Catatan pribadi/.test(v), 'the published PK, not mine');
    await go(page, '#/publik');
    await page.locator('#published-info').waitFor();
    await eventually(() => workspaceKey(page), mine);
    await go(page, `#/pk/${PK}kasubag-keuangan`);
    await page.locator('.pk-notes').waitFor();
    await expectText(page.locator('.pk-notes'), /Catatan pribadi/);
    await reload(page);
    await expectText(page.locator('.pk-notes'), /Catatan pribadi/);
  } finally {
    await app.stop();
  }
});

test('deep links survive a reload under a sub-path of a plain static server', async () => {
  const server = await serve(DIST, { prefix: '/situs/kinerja/' });
  const { context, close } = await launch();
  try {
    for (const [hash, check] of [
      [`#/publik/pk/${PK}kabag-keuangan-umum-logistik`, '#pk-table'],
      [`#/publik/rollup/2024/${PK}kabag-perencanaan-data-informasi`, '#rollup-summary'],
      ['#/publik', '#cascade'],
      [`#/pk/${PK}kasubag-hukum-sdm`, '#pk-table'],
      ['#/rollup/2024', '#rollup-summary'],
    ]) {
      const page = await open(context, server.url + hash);
      await ready(page);
      await page.locator(check).waitFor();
      const heading = await page.locator('h1').first().innerText();
      await page.reload();
      await ready(page);
      await page.locator(check).waitFor();
      await expectText(page.locator('h1').first(), heading, `${hash} after reload`);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
    // Only paths under the sub-path were asked for: no rewrite rules needed, nothing outside.
    assert.ok(server.requests.every((p) => p.startsWith('/situs/kinerja/')), server.requests.filter((p) => !p.startsWith('/situs/kinerja/')).join());
  } finally {
    await close();
    await server.close();
  }
});

test('the language switch translates every screen, formats numbers, and is remembered', async () => {
  const app = await startApp({ hash: '#/publik' });
  try {
    const { page } = app;
    await page.locator('#cascade').waitFor();
    await page.locator('#lang-en').click();
    await expectText(page.locator('h1'), 'Performance Agreements 2024');
    await expectAttr(page.locator('html'), 'lang', 'en');
    await reload(page);
    await expectText(page.locator('h1'), 'Performance Agreements 2024', 'remembered');
    await expectText(page.locator('#cascade'), /IDR 13,904,576,000/);
    // Indonesian UI words must not appear on English screens (the PK texts themselves stay as written).
    const indonesianUi = /\b(Beranda|Rekapitulasi|Cetak|Ubah|Turunkan|Tersimpan|Urungkan|Ulangi|Pihak Pertama|Pihak Kedua|Jabatan|Anggaran|Sasaran Kegiatan|Indikator Kinerja|Tahun|Selisih|Sesuai|Kurang dialokasikan|Lebih dialokasikan|Tampilan publik|Catatan|Impor|Ekspor|Pratinjau|PK baru|Simpan|Hapus|Batal)\b/;
    const pages = [
      ['#/publik', '#cascade'],
      [`#/publik/pk/${PK}sekretaris`, '#pk-table'],
      ['#/publik/rollup/2024', '#rollup-summary'],
      ['#/', '#cascade'],
      [`#/pk/${PK}kasubag-keuangan`, '#pk-table'],
      [`#/pk/${PK}kasubag-keuangan/ubah`, '#editor'],
      [`#/pk/${PK}kabag-keuangan-umum-logistik/turunkan`, '#pick-list'],
      ['#/rollup/2024', '#rollup-summary'],
      ['#/data', '#drop-zone'],
      ['#/nowhere', 'h1'],
    ];
    for (const [hash, check] of pages) {
      await go(page, hash);
      await page.locator(check).first().waitFor();
      // UI text only: leave out the PK's own contents (names, positions, sasaran, indicators, notes, programs;
      // the public status quotes where a transcribed PK comes from, as the data says it: citizen.test.mjs
      // reads that sentence in English).
      const ui = () => page.evaluate(() => {
        const clone = document.body.cloneNode(true);
        clone.querySelectorAll('.party-name, .party-position, .position, .name, .pk-table tbody, .budget-table tbody td:nth-child(2), .pk-notes ul, .pk-card-title, .pk-card-parties, .pk-card-facts dd, .rollup-budget th[scope=row], .rollup-budget td, .coverage, .pick-list, .flag-item strong, .flag-item, .lead, #stage, #paper-note, #published-info li, .dataset-notes ul, .institution, #lampiran-title, .facts td, .place-date, textarea, input, select, option, h1, [lang="id"]').forEach((e) => e.remove());
        return clone.innerText;
      });
      await until(ui, (text) => !indonesianUi.test(text), `no Indonesian UI text on ${hash} in English`);
    }
    await go(page, `#/pk/${PK}sekretaris`);
    await page.locator('#pk-table').waitFor();
    // The document stays Indonesian (the signed text) in the English interface, until a translation is chosen.
    await expectText(page.locator('#statement-title'), 'PERJANJIAN KINERJA TAHUN 2024');
    await page.locator('#document-language').selectOption('en');
    await expectText(page.locator('#unofficial-note'), /^Unofficial translation — the signed Indonesian text prevails/);
    await expectText(page.locator('.statement'), /PERFORMANCE AGREEMENT 2024[\s\S]*Hereinafter referred to as the first party/);
    await until(() => texts(page, '#pk-table td.target'), (t) => t.includes('97.5%'), 'targets in English');
    await expectText(page.locator('.lampiran .place-date'), 'Ambon, January 2024');
    await expectText(page.locator('#budget-table'), /IDR 10,252,187,000/);
    await page.locator('#lang-id').click();
    // The document keeps the language chosen for it; back to the official text.
    await until(() => texts(page, '#pk-table td.target'), (t) => t.includes('97.5%'), 'the translation stays chosen');
    await page.locator('#document-language').selectOption('id');
    await until(() => texts(page, '#pk-table td.target'), (t) => t.includes('97,5%'), 'targets in Indonesian');
  } finally {
    await app.stop();
  }
});

test('every page reads on a 360 px phone', async () => {
  const app = await startApp({ hash: '#/publik', viewport: { width: 360, height: 740 } });
  try {
    const { page } = app;
    for (const [name, hash, check] of [
      ['public-home', '#/publik', '#cascade'],
      ['public-pk', `#/publik/pk/${PK}sekretaris`, '#pk-table'],
      ['public-rollup', '#/publik/rollup/2024', '#rollup-summary'],
      ['home', '#/', '#cascade'],
      ['editor', `#/pk/${PK}kasubag-keuangan/ubah`, '#editor'],
      ['data', '#/data', '#drop-zone'],
    ]) {
      await go(page, hash);
      await page.locator(check).waitFor();
      await expectNoOverflow(page, `${name}: the page does not scroll sideways`);
      const shot = await page.screenshot({ path: path.join(OUT, `phone-${name}.png`), fullPage: true });
      assert.equal(shot.readUInt32BE(16), 360, `${name} screenshot is 360 px wide`);
      await until(() => page.locator('header.app-header nav a').first().boundingBox(), (tap) => tap.height >= 24, 'navigation stays tappable');
    }
  } finally {
    await app.stop();
  }
});

test('after the first visit the app and the published data work with the server gone', async () => {
  const app = await startApp({ hash: '#/publik' });
  try {
    const { page, server } = app;
    await page.locator('#published-info').waitFor();
    await offlineReady(page);
    await server.close();
    await page.reload();
    await ready(page);
    await page.locator('#published-info').waitFor();
    await expectCount(page.locator('#cascade .pk-card'), 10);
    await go(page, `#/publik/pk/${PK}sekretaris`);
    await page.locator('#pk-table').waitFor();
    // Pages loaded on demand were precached with the rest.
    await go(page, '#/publik/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await expectCount(page.locator('#budget-flags li'), 3);
    await go(page, '#/publik/pohon/2024');
    await page.locator('#tree-title').waitFor();
    await go(page, '#/publik/capaian/2024');
    await page.locator('main h1', { hasText: 'Capaian kinerja 2024' }).waitFor();
    // The staff app too, in a new tab, with the visitor's own (stored) workspace.
    const tab = await app.context.newPage();
    await tab.goto(app.url + `#/pk/${PK}kasubag-keuangan`);
    await ready(tab);
    await tab.locator('#pk-table').waitFor();
    await expectCount(tab.locator('#pk-table td.indicator'), 6);
  } finally {
    await app.stop();
  }
});

test('a new deployed version is picked up only when the user reloads for it', async () => {
  const site = tempDir('site');
  await fs.cp(DIST, site, { recursive: true });
  const server = await serve(site, { prefix: PREFIX });
  const { context, close } = await launch();
  try {
    const page = await open(context, server.url);
    await ready(page);
    await offlineReady(page);
    const oldVersion = await page.locator('meta[name=kinerja-version]').getAttribute('content');
    // Deploy a "new version": a changed index.html and service worker.
    const newVersion = 'f'.repeat(16);
    for (const file of ['index.html', 'sw.js']) {
      const p = path.join(site, file);
      await fs.writeFile(p, (await fs.readFile(p, 'utf8')).replaceAll(oldVersion, newVersion));
    }
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.locator('#update-ready').waitFor();
    await expectAttr(page.locator('meta[name=kinerja-version]'), 'content', oldVersion, 'still the old version, whole');
    await Promise.all([page.waitForEvent('load'), page.locator('#update-reload').click()]);
    await ready(page);
    await expectAttr(page.locator('meta[name=kinerja-version]'), 'content', newVersion);
    await expectCount(page.locator('#update-ready'), 0);
  } finally {
    await close();
    await server.close();
  }
});

test('the page allows only its own scripts and asks nothing of other hosts', async () => {
  const app = await startApp({ hash: '#/publik' });
  try {
    const { page } = app;
    const csp = page.locator('meta[http-equiv="Content-Security-Policy"]');
    await expectAttr(csp, 'content', /default-src 'self'/);
    await expectAttr(csp, 'content', /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    await until(() => csp.getAttribute('content'), (v) => !/unsafe-inline|\*/.test(v), 'no inline script or wildcard');
    await expectCount(page.locator('script:not([src])'), 0, 'no inline script');
    const origins = new Set();
    page.on('request', (r) => origins.add(new URL(r.url()).origin));
    await page.reload();
    await ready(page);
    await page.locator('#cascade').waitFor();
    await go(page, `#/publik/pk/${PK}sekretaris`);
    await page.locator('#pk-table').waitFor();
    assert.deepEqual([...origins], [app.server.origin]);
    // An injected inline script is refused by the policy.
    const ran = await page.evaluate(() => {
      window.__ran = false;
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.appendChild(s);
      return window.__ran;
    });
    assert.equal(ran, false);
  } finally {
    await app.stop();
  }
});
