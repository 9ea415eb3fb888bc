// What a citizen reads in the public view (issue 27, points 8 and 9): the published documents with their
// status as the data says (signed with date and fingerprint, signed on paper and transcribed, or a
// draft), no working state, findings in plain words, touch instructions on a phone; capaian as cards
// and a legible tree on a 360 px screen. Screenshots in tests/e2e/.output/citizen-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK, DIST, PREFIX } from './lib/app.mjs';
import { expectCount, expectNoOverflow, expectText, expectVisible, until } from './lib/expect.mjs';
import { download, tmp } from './lib/files.mjs';
import { serve } from './lib/server.mjs';
import { launch, open, ready } from './lib/browser.mjs';

const OUT = new URL('./.output/', import.meta.url).pathname;
await fs.mkdir(OUT, { recursive: true });
const PHONE = { width: 360, height: 740 };
const TEKNIS = `${PK}kabag-teknis-hukum-sdm`;
const PAPER = /^Ditandatangani di atas kertas \(Ambon, Januari 2024\)\. Halaman ini adalah salinan ketiknya \(transkripsi\); sumber: Dokumen Perjanjian Kinerja Tahun 2024 yang telah ditandatangani/;
// Working state a citizen must not read: editing hints, "to fill in", "can be changed".
const WORKING = /Draf|dapat diubah|belum diisi|Perbaiki|Buang isian|Ubah|Turunkan|cocok menurut teks|belum ditautkan/;

test('a transcribed PK reads as signed on paper, with no working state, on a phone and in English (8)', async () => {
  const app = await startApp({ hash: `#/publik/pk/${TEKNIS}`, viewport: PHONE });
  try {
    const { page } = app;
    await page.locator('#pk-table').waitFor();
    await expectText(page.locator('#stage'), PAPER);
    // The Pihak Pertama's name is not in the source document: said so, not "to fill in".
    await expectText(page.locator('td.party-name').first(), '(nama tidak tercantum pada dokumen)');
    await until(() => page.locator('main').innerText(), (t) => !WORKING.test(t), 'no working state in the public PK');
    await expectNoOverflow(page);
    await page.screenshot({ path: path.join(OUT, 'citizen-pk-360.png'), fullPage: true });
    await page.locator('#lang-en').click();
    await expectText(page.locator('#stage'), /^Signed on paper \(Ambon, Januari 2024\)\. This page is its typed copy \(transcription\)/);
    // The document itself stays Indonesian in the English interface (the official text, issue 27 point 4).
    await expectText(page.locator('td.party-name').first(), '(nama tidak tercantum pada dokumen)');
    await until(() => page.locator('main').innerText(), (t) => !/Draft|can be changed|not filled in|belum diisi/.test(t), 'nor in English');
    // The public tree and rollup say the same of the missing name.
    await go(page, '#/publik/pohon/2024');
    const box = page.locator(`#tree-canvas [data-id="${TEKNIS}"]`);
    await until(() => box.evaluate((g) => g.textContent), (t) => t.includes('(name not given in the document)'), 'the tree box');
    // Staff still read that it is a draft to complete, with the transcription said beside it.
    await page.locator('#lang-id').click();
    await go(page, `#/pk/${TEKNIS}`);
    await expectText(page.locator('#stage'), /^Draf: belum ditandatangani/);
    await expectText(page.locator('#paper-note'), PAPER);
    await expectText(page.locator('td.party-name').first(), '(nama belum diisi)');
  } finally {
    await app.stop();
  }
});

test('published from Data: a signed PK shows its date and fingerprint, a PK made in Kinerja and not signed says it is a draft (8)', async () => {
  const SIGNED = `${PK}kasubag-perencanaan`;
  const ROOT = `${PK}kabag-perencanaan-data-informasi`;
  const app = await startApp({ hash: `#/pk/${SIGNED}` });
  let file;
  let fingerprint;
  try {
    const { page } = app;
    await page.locator('#sign-date').fill('2024-01-02');
    await page.locator('#sign').click();
    await page.locator('#versions').waitFor();
    fingerprint = (await page.locator('#fingerprint-current').innerText()).match(/[0-9A-F]{4}( [0-9A-F]{4}){3}/)[0];
    await go(page, '#/data');
    await page.locator('#publish-choose > summary').click();
    await page.locator('#publish-root').selectOption(ROOT);
    file = await download(page, () => page.locator('#publish-download').click());
  } finally {
    await app.stop();
  }
  // One of them made in Kinerja rather than transcribed from paper.
  const json = JSON.parse(await fs.readFile(file, 'utf8'));
  delete json.agreements.find((a) => a.id === `${PK}kasubag-data-informasi`).transcribed_from;
  const dir = path.join(tmp, `site-${Date.now()}`);
  await fs.cp(DIST, dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'data/index.json'), JSON.stringify(json));
  const server = await serve(dir, { prefix: PREFIX });
  const browser = await launch();
  try {
    const page = await open(browser.context, `${server.url}#/publik/pk/${SIGNED}`);
    await ready(page);
    await expectText(page.locator('#stage'), 'Ditandatangani 2 Januari 2024.');
    await expectText(page.locator('#fingerprint-current'), new RegExp(fingerprint));
    await expectText(page.locator('#fingerprint'), new RegExp(`${fingerprint} · versi awal · 2 Januari 2024`));
    await go(page, `#/publik/pk/${PK}kasubag-data-informasi`);
    await expectText(page.locator('#stage'), 'Rancangan, belum ditandatangani: isinya masih dapat berubah sebelum ditandatangani.');
    await go(page, `#/publik/pk/${ROOT}`);
    await expectText(page.locator('#stage'), PAPER);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the public rollup and capaian speak plainly: budget differences as findings, no editing hints (8)', async () => {
  const app = await startApp({ hash: '#/publik/rollup/2024', viewport: PHONE });
  try {
    const { page } = app;
    await page.locator('#rollup-summary').waitFor();
    await expectText(page.locator('#findings-intro'), /^Anggaran setiap PK semestinya sama dengan jumlah anggaran PK di bawahnya/);
    await expectCount(page.locator('#budget-flags li'), 3);
    await expectText(page.locator('#budget-flags li').first(), 'Sekretaris Komisi Pemilihan Umum Provinsi Maluku — Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi: PK di bawahnya bersama-sama mendapat Rp 254.143.000 lebih sedikit dari anggaran PK ini');
    await expectText(page.locator('#summary-budget'), 'Di 3 program, anggaran PK di bawahnya tidak sama dengan anggaran PK atasannya: lebih Rp 254.143.000, kurang Rp 254.153.000.');
    await expectText(page.locator('#summary-coverage'), /^0 indikator belum dijabarkan ke PK di bawahnya/);
    await until(() => page.locator('#rollup-summary').innerText(), (t) => !WORKING.test(t), 'no editing hints in the findings');
    await page.screenshot({ path: path.join(OUT, 'citizen-rollup-360.png'), fullPage: true });
    // The capaian page's way to the budgets reads as what it is (not "penurunan", a decrease).
    await go(page, '#/publik/capaian/2024');
    await expectText(page.locator('#rollup-mode'), 'Lihat rekapitulasi anggaran');
    await until(() => page.locator('.capaian-page > .toolbar, .capaian-page > p').allInnerTexts(), (t) => !/penurunan/i.test(t.join(' ')), 'no "penurunan" in its words');
    await page.locator('#lang-en').click();
    await expectText(page.locator('#rollup-mode'), 'Show the budget rollup');
    await go(page, '#/publik/rollup/2024');
    await expectText(page.locator('#budget-flags li').first(), /: the agreements below it together get IDR 254,143,000 less than this agreement's budget$/);
  } finally {
    await app.stop();
  }
});

test('capaian on a phone: each indicator a card with its figures labelled, nothing to scroll sideways (9)', async () => {
  const app = await startApp({ hash: '#/publik/capaian/2024', viewport: PHONE });
  try {
    const { page } = app;
    const row = page.locator(`.capaian-card[data-id="${PK}sekretaris"] .capaian-table tbody tr`).first();
    await row.waitFor();
    await expectNoOverflow(page);
    // No table wider than its card (before: each scrolled sideways).
    const wide = () => page.locator('.capaian-card .table-scroll').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    await until(wide, (n) => n === 0, 'no capaian table scrolls sideways');
    // Each figure stands under the indicator with its name.
    const labels = await row.locator('td[data-label]').evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
    assert.deepEqual(labels.slice(0, 4), ['"Target s.d. TW IV: "', '"Realisasi s.d. TW IV: "', '"Capaian: "', '"Predikat: "']);
    const box = await row.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `the card fits the screen: ${JSON.stringify(box)}`);
    // Legible: the indicator's text at least 12 px.
    const size = await row.locator('td.indicator').evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
    assert.ok(size >= 12, `indicator text ${size} px`);
    await page.screenshot({ path: path.join(OUT, 'citizen-capaian-360.png'), fullPage: false });
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'citizen-capaian-card-360.png'), fullPage: false });
  } finally {
    await app.stop();
  }
});

test('the tree on a phone opens legible, says how to use it with fingers, and an opened box reads as a panel (8, 9)', async () => {
  const app = await startApp({ hash: '#/publik/pohon/2024', viewport: PHONE });
  try {
    const { page } = app;
    await expectCount(page.locator('#tree-canvas [data-id]'), 10);
    // Touch words, not the mouse wheel and Tab.
    await expectText(page.locator('#tree-hint'), /Geser dengan satu jari .* cubit dengan dua jari/);
    await until(() => page.locator('#tree-hint').innerText(), (t) => !/roda tetikus|Tab /.test(t), 'no mouse wheel or Tab on a phone');
    await expectVisible(page.locator('#tree-hint .keys-desktop'), false);
    // The boxes' text at least 12 px high as drawn (before: about 4 px, the whole tree squeezed in).
    const canvas = await page.locator('#tree-canvas').boundingBox();
    const title = page.locator(`#tree-canvas [data-id="${PK}sekretaris"] text.box-title`).first();
    await until(() => title.evaluate((t) => {
      const r = t.getBoundingClientRect();
      return { h: r.height, size: parseFloat(getComputedStyle(t).fontSize) * (r.height / t.getBBox().height) };
    }), (m) => m.size >= 11.9 && m.h >= 12, 'the top box legible');
    const inSight = await title.evaluate((t) => t.getBoundingClientRect().toJSON());
    assert.ok(inSight.left >= canvas.x && inSight.right <= canvas.x + canvas.width && inSight.top >= canvas.y,
      `the top box in sight: ${JSON.stringify(inSight)} in ${JSON.stringify(canvas)}`);
    // The budget difference in the box in plain words.
    await until(() => page.locator(`#tree-canvas [data-id="${PK}sekretaris"] text`).allTextContents(),
      (t) => /PK di bawahnya bersama mendapat Rp 254\.143\.000 lebih sedikit/.test(t.join(' ')), 'the gap in plain words');
    await expectNoOverflow(page);
    await page.locator('#tree-canvas').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'citizen-tree-360.png') });
    // A tap opens the box as a panel: the canvas's width, in sight from its top.
    const kabag = page.locator(`#tree-canvas [data-id="${PK}kabag-keuangan-umum-logistik"]`);
    await kabag.dispatchEvent('click');
    await until(() => kabag.getAttribute('aria-expanded'), (v) => v === 'true', 'opened');
    const frame = kabag.locator('.box-frame');
    await until(() => frame.evaluate((r) => ({ box: r.getBoundingClientRect().toJSON(), canvas: document.getElementById('tree-canvas').getBoundingClientRect().toJSON() })),
      ({ box: r, canvas: c }) => r.left >= c.left && r.right <= c.right + 0.5 && r.width >= c.width - 24
        && r.top >= c.top && r.top < c.top + 40, 'the opened box fills the canvas across, its top in sight');
    await page.screenshot({ path: path.join(OUT, 'citizen-tree-open-360.png') });
  } finally {
    await app.stop();
  }
});
