// The public view as static HTML (core::html, written by `make dist`): readable with JavaScript turned off
// (list -> PK -> LKj and back, real titles, lang, description), clean for axe at 1366 and 360 px, and taken
// over by the app on the same address when JavaScript runs. With several offices (a whole country) the list
// is an index of offices whose pages are fetched only when opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, PREFIX, PK } from './lib/app.mjs';
import { audit } from './lib/axe.mjs';
import { launch, open, ready } from './lib/browser.mjs';
import { eventually, expectCount, expectNoOverflow, expectText, expectVisible } from './lib/expect.mjs';
import { serve } from './lib/server.mjs';
import { tempDir } from './lib/temp.mjs';
import { unzip } from './lib/docx.mjs';
import { download } from './lib/files.mjs';
import { startApp } from './lib/app.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = new URL('./.output/', import.meta.url).pathname;
fs.mkdirSync(OUT, { recursive: true });
const SEKRETARIS = `publik-pk-${PK}sekretaris.html`;

/** axe on a page with JavaScript off: a second context with it on reads the same HTML (served again, the
 *  app's scripts left out so nothing takes over). */
async function auditStatic(html, viewport) {
  const dir = tempDir('static-axe');
  for (const f of fs.readdirSync(DIST)) if (f.endsWith('.css')) fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'page.html'), html.replace(/<script[^>]*><\/script>/g, ''));
  const server = await serve(dir, { prefix: PREFIX });
  const browser = await launch({ viewport });
  try {
    const page = await open(browser.context, `${server.url}page.html`);
    return await audit(page);
  } finally {
    await browser.close();
    await server.close();
  }
}

test('with JavaScript off the public pages read and link: list, PK, LKj, titles, lang', async () => {
  const server = await serve(DIST, { prefix: PREFIX });
  const found = [];
  for (const viewport of [{ width: 1366, height: 900 }, { width: 360, height: 740 }]) {
    const browser = await launch({ viewport, javaScriptEnabled: false });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}publik.html`);
      assert.equal(await page.title(), 'Perjanjian Kinerja yang dipublikasikan — Komisi Pemilihan Umum Provinsi Maluku');
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');
      assert.match(await page.locator('meta[name="description"]').getAttribute('content'), /^Perjanjian Kinerja yang dipublikasikan Komisi/);
      await expectCount(page.locator('.static-pk'), 10);
      await expectCount(page.locator('header.app-header'), 0, 'no app without JavaScript');
      if (viewport.width === 360) {
        await expectNoOverflow(page);
        await page.screenshot({ path: `${OUT}static-list-360.png`, fullPage: false });
      }
      await page.locator('.static-pk-title', { hasText: /^Sekretaris Komisi/ }).click();
      await eventually(() => page.url(), new RegExp(`/${SEKRETARIS}$`));
      assert.equal(await page.title(), 'PERJANJIAN KINERJA TAHUN 2024 — Sekretaris Komisi Pemilihan Umum Provinsi Maluku');
      await expectText(page.locator('#statement-title'), 'PERJANJIAN KINERJA TAHUN 2024');
      await expectText(page.locator('#budget-jumlah'), /Jumlah\s+Rp 13\.904\.576\.000/);
      await expectText(page.locator('#public-stage'), /Ditandatangani di atas kertas \(Ambon, Januari 2024\)/);
      if (viewport.width === 360) await page.screenshot({ path: `${OUT}static-pk-360.png`, fullPage: false });
      for (const v of await auditStatic(await page.content(), viewport)) found.push(`PK ${viewport.width}: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      // Printed like the app's document: the page's own header and links are left out.
      await page.emulateMedia({ media: 'print' });
      await expectVisible(page.locator('.static-header'), false, 'the header is not printed');
      await expectVisible(page.locator('#pk-table'), true);
      await page.emulateMedia({ media: 'screen' });
      await page.locator('a', { hasText: 'Tabel LKj' }).click();
      await eventually(() => page.url(), new RegExp(`/publik-lkj-${PK}sekretaris\\.html$`));
      assert.match(await page.title(), /^Capaian Kinerja 2024 — Sekretaris/);
      await expectText(page.locator('#lkj-title'), /Capaian Kinerja 2024/);
      await expectCount(page.locator('#lkj-table tbody tr'), await page.locator('#lkj-table td.indicator').count());
      await expectText(page.locator('.static-counts'), /belum dapat dinilai: \d+/);
      if (viewport.width === 360) await page.screenshot({ path: `${OUT}static-lkj-360.png`, fullPage: false });
      for (const v of await auditStatic(await page.content(), viewport)) found.push(`LKj ${viewport.width}: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      await page.locator('a', { hasText: 'Kembali ke dokumen' }).click();
      await eventually(() => page.url(), new RegExp(`/${SEKRETARIS}$`));
      await page.locator('a', { hasText: '← Daftar PK' }).first().click();
      await eventually(() => page.url(), /\/publik\.html$/);
      for (const v of await auditStatic(await page.content(), viewport)) found.push(`list ${viewport.width}: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
    } finally {
      await browser.close();
    }
  }
  await server.close();
  assert.deepEqual(found, []);
});

test('with JavaScript on the app takes the static page over on the same address', async () => {
  const server = await serve(DIST, { prefix: PREFIX });
  const browser = await launch({ viewport: { width: 360, height: 740 } });
  try {
    const page = await open(browser.context, `${server.url}${SEKRETARIS}`);
    await ready(page);
    // The app's own document page, in its <main>; the static page steps aside; the address stays.
    await page.locator('#main #pk-document').waitFor();
    await expectVisible(page.locator('#static-page'), false, 'the static page steps aside');
    await expectText(page.locator('.public-badge'), 'Tampilan publik (hanya baca)');
    assert.ok(page.url().endsWith(`/${SEKRETARIS}`), page.url());
    await page.screenshot({ path: `${OUT}static-app-360.png`, fullPage: false });
    // Links inside the app are its hash routes, as before.
    await page.locator('#lkj-link').click();
    await page.locator('#main #lkj-table').waitFor();
    await eventually(() => page.url(), new RegExp(`/${SEKRETARIS}#/publik/pk/${PK}sekretaris/lkj$`));
    // An old link keeps working.
    await page.goto(`${server.url}#/publik/pk/${PK}sekretaris`);
    await ready(page);
    await page.locator('#main #pk-document').waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('several offices: an index of offices, each office page fetched only when opened', async () => {
  // The build with two offices' files published, its pages written by the same program as `make dist`.
  const dir = tempDir('static-offices');
  fs.cpSync(DIST, dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (/^publik.*\.html$/.test(f)) fs.rmSync(path.join(dir, f));
  const maluku = JSON.parse(fs.readFileSync(path.join(dir, 'data/kpu-maluku-2024.json'), 'utf8'));
  const ambon = structuredClone(maluku);
  ambon.source.office = 'KPU Kota Ambon';
  ambon.agreements = ambon.agreements.slice(0, 2).map((a) => ({ ...a, id: `ambon-${a.id}`, parent: a.parent ? `ambon-${a.parent}` : null, office: 'KPU Kota Ambon' }));
  fs.writeFileSync(path.join(dir, 'data/kpu-ambon-2024.json'), JSON.stringify(ambon));
  fs.writeFileSync(path.join(dir, 'data/index.json'), JSON.stringify({ files: ['kpu-maluku-2024.json', 'kpu-ambon-2024.json'] }));
  execFileSync('cargo', ['run', '--locked', '--quiet', '--manifest-path', path.join(ROOT, 'Cargo.toml'), '--bin', 'static_pages', '--', dir, '--no-app'], { stdio: 'inherit' });
  const server = await serve(dir, { prefix: PREFIX });
  const browser = await launch({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}publik.html`);
    await expectText(page.locator('h1'), 'Perjanjian Kinerja per kantor');
    await expectText(page.locator('.lead'), '2 kantor, 12 PK. Pilih kantor untuk membaca PK-nya.');
    await expectCount(page.locator('#static-offices tbody tr'), 2);
    await expectText(page.locator('#static-offices tbody tr').nth(1), /KPU Kota Ambon\s+2\s+2 ditandatangani, 0 rancangan/);
    assert.equal(server.requests.filter((r) => r.includes('publik-kantor')).length, 0, 'no office page before it is opened');
    await expectNoOverflow(page);
    await page.screenshot({ path: `${OUT}static-offices-360.png`, fullPage: false });
    for (const v of await auditStatic(await page.content(), { width: 360, height: 740 })) assert.fail(`${v.id} ${v.help} — ${v.nodes.join(', ')}`);
    await page.locator('a', { hasText: 'KPU Kota Ambon' }).click();
    await expectCount(page.locator('.static-pk'), 2);
    assert.equal(server.requests.filter((r) => r.includes('publik-kantor')).length, 1, 'the office page fetched when opened');
    await page.locator('.static-pk-title').first().click();
    await expectText(page.locator('#statement-title'), 'PERJANJIAN KINERJA TAHUN 2024');
    await page.locator('a', { hasText: '← Daftar PK' }).first().click();
    await expectCount(page.locator('.static-pk'), 2);
    await page.locator('a', { hasText: '← Semua kantor' }).click();
    await expectCount(page.locator('#static-offices tbody tr'), 2);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('Data\'s publish download gives index.json with its static pages, the same as the build writes', async () => {
  const app = await startApp({ hash: '#/data', now: new Date('2026-12-05T09:00:00+09:00'), timezoneId: 'Asia/Jayapura' });
  let file;
  try {
    const { page } = app;
    await page.locator('#publish-choose > summary').click();
    await expectText(page.locator('#publish-summary'), /^Akan dipublikasikan: 10 PK/);
    file = await download(page, () => page.locator('#publish-pages').click());
    assert.equal(path.basename(file), 'kinerja-publik.zip');
  } finally {
    await app.stop();
  }
  const entries = unzip(fs.readFileSync(file));
  assert.equal(entries.size, 22);
  const json = JSON.parse(entries.get('data/index.json').toString('utf8'));
  assert.equal(json.exported_at, '2026-12-05T09:00:00+09:00');
  // The webmaster extracts it into the site's folder: the pages read with JavaScript off, and are the ones
  // the build's program writes from that index.json.
  const dir = tempDir('static-zip');
  fs.cpSync(DIST, dir, { recursive: true });
  for (const [name, data] of entries) fs.writeFileSync(path.join(dir, name), data);
  const zipped = fs.readFileSync(path.join(dir, SEKRETARIS), 'utf8');
  execFileSync('cargo', ['run', '--locked', '--quiet', '--manifest-path', path.join(ROOT, 'Cargo.toml'), '--bin', 'static_pages', '--', dir], { stdio: 'inherit' });
  assert.equal(fs.readFileSync(path.join(dir, SEKRETARIS), 'utf8'), zipped, 'the same page as the build writes');
  const server = await serve(dir, { prefix: PREFIX });
  const browser = await launch({ javaScriptEnabled: false });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${SEKRETARIS}`);
    await expectText(page.locator('#budget-jumlah'), /Jumlah\s+Rp 13\.904\.576\.000/);
    await expectText(page.locator('.static-footer'), /Dipublikasikan 5 Desember 2026/);
  } finally {
    await browser.close();
    await server.close();
  }
});
