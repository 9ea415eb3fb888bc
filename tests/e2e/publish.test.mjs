// Publishing from Data: choose what the public sees, download index.json, put it in a copy of the site's
// data/ folder over the old one (as the webmaster would, with no toolchain), and read the public view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK, DIST, PREFIX, saved } from './lib/app.mjs';
import { expectCount, expectText, expectTexts, until } from './lib/expect.mjs';
import { download, tmp } from './lib/files.mjs';
import { serve } from './lib/server.mjs';
import { launch, open, ready } from './lib/browser.mjs';

const ZONE = 'Asia/Jayapura';
const ROOT = `${PK}kabag-perencanaan-data-informasi`;

/** Serves a copy of dist/ whose data/index.json is `file`, and opens its public view. */
async function site(file, hash = '#/publik') {
  const dir = path.join(tmp, `site-${Date.now()}`);
  await fs.cp(DIST, dir, { recursive: true });
  await fs.copyFile(file, path.join(dir, 'data/index.json'));
  const server = await serve(dir, { prefix: PREFIX });
  const browser = await launch({ timezoneId: ZONE });
  const page = await open(browser.context, server.url + hash);
  await ready(page);
  return { page, stop: async () => { await browser.close(); await server.close(); } };
}

test('a PK and those below it, published from Data, are exactly what the public view shows', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kasubag-perencanaan/ubah`, timezoneId: ZONE, now: new Date('2026-12-05T09:00:00+09:00') });
  let file;
  try {
    const { page } = app;
    // An internal note that must never reach the website.
    await page.locator('#pk-notes').fill('Catatan internal: jangan dipublikasikan');
    await saved(page);

    await go(page, '#/data');
    await page.locator('#publish-title').waitFor();
    await page.locator('#publish-choose > summary').click();
    await expectText(page.locator('#publish-summary'), 'Akan dipublikasikan: 10 PK, 0 di antaranya sudah ditandatangani; dengan realisasi.');
    await page.locator('#publish-root').selectOption(ROOT);
    await expectText(page.locator('#publish-summary'), 'Akan dipublikasikan: 3 PK, 0 di antaranya sudah ditandatangani; dengan realisasi.');
    // The built-in PKs are typed copies of signed paper documents: Data says what the public will read.
    await expectText(page.locator('#publish-paper'), /^Salinan ketik dokumen yang ditandatangani di atas kertas \(publik melihatnya demikian\): Kepala Bagian Perencanaan, Data dan Informasi/);
    await expectCount(page.locator('#publish-drafts'), 0);
    await page.locator('#publish-realisasi').uncheck();
    await expectText(page.locator('#publish-summary'), /; tanpa realisasi\.$/);
    await expectTexts(page.locator('#publish-steps li'), [/^Unduh index\.json/, /^Buka folder data\//, /^Unggah index\.json ke folder itu, menimpa berkas yang lama/, /^Buka tampilan publik situs/]);
    file = await download(page, () => page.locator('#publish-download').click());
    assert.equal(path.basename(file), 'index.json');
    // English too.
    await page.locator('#lang-en').click();
    await expectText(page.locator('#publish-summary'), 'To be published: 3 agreements, 0 of them signed; without the realisasi.');
    await page.locator('#lang-id').click();
  } finally {
    await app.stop();
  }

  const json = JSON.parse(await fs.readFile(file, 'utf8'));
  assert.equal(json.format, 'kinerja-pk');
  assert.equal(json.exported_at, '2026-12-05T09:00:00+09:00');
  assert.deepEqual(json.agreements.map((a) => a.id), [ROOT, `${PK}kasubag-perencanaan`, `${PK}kasubag-data-informasi`]);
  assert.ok(!JSON.stringify(json).includes('Catatan internal'), 'no notes in the published file');

  // The webmaster puts it in data/ over the old index.json: the public view shows exactly those PKs.
  const public_ = await site(file);
  try {
    const { page } = public_;
    await expectText(page.locator('#published-at'), 'Dipublikasikan 5 Desember 2026, 09.00');
    await expectCount(page.locator('#cascade .pk-card'), 3);
    const ids = await page.locator('#cascade li[data-id]').evaluateAll((els) => els.map((e) => e.dataset.id));
    assert.deepEqual(ids, [ROOT, `${PK}kasubag-perencanaan`, `${PK}kasubag-data-informasi`]);
    await go(page, `#/publik/pk/${PK}kasubag-perencanaan`);
    await page.locator('#pk-table').waitFor();
    await until(() => page.locator('main').innerText(), (t) => !t.includes('Catatan internal'), 'no notes in the public view');
    await expectCount(page.locator('.pk-notes'), 0);
    await page.locator('#lang-en').click();
    await go(page, '#/publik');
    await expectText(page.locator('#published-at'), 'Published 5 December 2026, 09:00');
    assert.deepEqual(page.errors, []);
  } finally {
    await public_.stop();
  }
});

test('a data/index.json that is neither a list nor a Kinerja file is said in the public view', async () => {
  const bad = path.join(tmp, 'bad-index.json');
  await fs.writeFile(bad, JSON.stringify({ format: 'kinerja-pk', version: 999, agreements: [] }));
  const public_ = await site(bad);
  try {
    await expectText(public_.page.locator('.published.problem'), /^Data yang dipublikasikan tidak dapat dimuat \(/);
    await expectCount(public_.page.locator('#cascade .pk-card'), 0);
  } finally {
    await public_.stop();
  }
});
