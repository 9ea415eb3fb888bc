// Word downloads (issue 27, point 7): the PK as printed and its LKj table as .docx files, in Indonesian
// whatever the interface's language, their writer fetched only when a Word file is asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startApp, go, DIST, PK, PREFIX, saved } from './lib/app.mjs';
import { serve } from './lib/server.mjs';
import { launch, open, ready } from './lib/browser.mjs';
import { download } from './lib/files.mjs';
import { readDocx } from './lib/docx.mjs';
import { expectText } from './lib/expect.mjs';
import { esc, reviseTarget, sign } from './lib/life.mjs';

const SEKRETARIS = `${PK}sekretaris`;
const KASUBAG = `${PK}kasubag-umum-logistik`;
// The archive indicator (87,5 %), the first of the Kepala Sub Bagian's PK.
const ARSIP = `${KASUBAG}/s01/i1`;

/** The page files (split_kinerja_<group>-<hash>.wasm) this page has fetched so far, but the built-in data
 *  (`split_kinerja_seed`, fetched on a first visit). */
const pageFiles = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.split('/').pop())
      .filter((n) => n.startsWith('split_kinerja_'))
      .map((n) => n.replace(/-[0-9a-f]+\.wasm$/, ''))
      .filter((n) => n !== 'split_kinerja_seed'),
  );

/** The PK's Word file, from the Ekspor… menu. */
async function pkWord(page) {
  await page.locator('.export-menu summary').click();
  return download(page, () => page.locator('#export-docx').click());
}

test('the PK downloads as Word as printed, with its Jumlah, and its writer is fetched only then', async () => {
  const app = await startApp({ hash: `#/pk/${SEKRETARIS}` });
  try {
    const { page } = app;
    await page.locator('#pk-table').waitFor();
    assert.deepEqual(await pageFiles(page), ['split_kinerja_document'], 'the document page does not carry the Word writer');

    const file = await pkWord(page);
    assert.match(path.basename(file), /^pk-sekretaris-komisi-pemilihan-umum-provinsi-maluku-2024-\d{8}\.docx$/);
    await expectText(page.locator('.notice-text').last(), `Berkas ${path.basename(file)} telah diunduh.`);
    assert.deepEqual((await pageFiles(page)).sort(), ['split_kinerja_document', 'split_kinerja_word']);

    const { xml, paragraphs, tables } = await readDocx(file);
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"\/>/, 'A4');
    assert.ok(paragraphs.includes('KOMISI PEMILIHAN UMUM PROVINSI MALUKU'));
    assert.equal(paragraphs.filter((p) => p.startsWith('PERJANJIAN KINERJA TAHUN 2024')).length, 2, 'statement and lampiran');
    assert.ok(paragraphs.includes('PERJANJIAN KINERJA TAHUN 2024\nSEKRETARIAT KPU PROVINSI MALUKU'));
    assert.equal(paragraphs.filter((p) => p === 'Ambon, Januari 2024').length, 2);
    // The page's own lampiran, row by row: the same indicators and targets in a Word table.
    const onPage = await page.locator('#pk-table tbody tr').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('.indicator').innerText, r.querySelector('.target').innerText]),
    );
    const indicators = tables.find((t) => t[0].join('|') === 'No|Sasaran Kegiatan|Indikator Kinerja|Target');
    assert.equal(onPage.length, 59);
    assert.deepEqual(indicators.slice(2).map((r) => r.slice(2)), onPage);
    // Program/Anggaran with its Jumlah: the seed (public/data/kpu-maluku-2024.json, the Sekretaris' PK) has
    // Rp 10.252.187.000 (Program Dukungan Manajemen) + Rp 3.652.389.000 (Penyelenggaraan Pemilu …)
    // = Rp 13.904.576.000.
    const budget = tables.find((t) => t[0].join('|') === 'No|Program|Anggaran');
    assert.deepEqual(budget.map((r) => r.at(-1)), ['Anggaran', 'Rp 10.252.187.000', 'Rp 3.652.389.000', 'Rp 13.904.576.000']);
    assert.deepEqual(budget.at(-1), ['Jumlah', 'Rp 13.904.576.000']);
    const signatures = tables.find((t) => t[0].join('|') === 'Pihak Kedua|Pihak Pertama');
    // Pihak Kedua (the Ketua) on the left, Pihak Pertama (the Sekretaris) on the right, as printed.
    assert.deepEqual(signatures.at(-1), ['Syamsul Rifan Kubangun', 'Ilham']);

    // By keyboard: the menu's button takes Enter; the writer is loaded, the file comes at once.
    await page.locator('.export-menu summary').focus();
    await page.keyboard.press('Enter');
    const again = await download(page, () => page.locator('#export-docx').press('Enter'));
    assert.equal(path.basename(again), path.basename(file));
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('the LKj table downloads as Word with the page’s figures', async () => {
  const app = await startApp({ hash: `#/pk/${KASUBAG}/realisasi` });
  try {
    const { page } = app;
    await page.locator('#tw-3').click();
    await page.locator(`#m-${esc(ARSIP)}-actual`).fill('80%');
    await saved(page);
    await go(page, `#/pk/${KASUBAG}/lkj`);
    // TW III, the latest reported: 80 / 87,5 = 91,43 %, Sangat Tinggi (> 90 %).
    await expectText(page.locator(`#lkj-table tr[data-indicator="${ARSIP}"] .capaian`), '91,43%');
    const file = await download(page, () => page.locator('#export-lkj-docx').click());
    assert.match(path.basename(file), /^pk-kepala-sub-bagian-umum-dan-logistik-2024-\d{8}-lkj\.docx$/);
    const { paragraphs, tables } = await readDocx(file);
    assert.ok(paragraphs.includes('Capaian Kinerja 2024\nKEPALA SUB BAGIAN UMUM DAN LOGISTIK'));
    assert.ok(paragraphs.includes('Laporan Kinerja Bab III.A, s.d. TW III'));
    assert.ok(paragraphs.includes('III.B Realisasi Anggaran'));
    const [capaian, budget] = tables;
    assert.deepEqual(capaian[0], ['No', 'Sasaran Kegiatan', 'Indikator Kinerja', 'Target', 'Realisasi s.d. TW III', 'Capaian', 'Predikat', 'Realisasi 2023']);
    assert.deepEqual(capaian[1].slice(3, 7), ['87,5%', '80%', '91,43%', 'Sangat Tinggi']);
    // Every row as the page shows it.
    const onPage = await page.locator('#lkj-table tbody tr').evaluateAll((rows) =>
      rows.map((r) => ['.indicator', '.target', '.actual', '.capaian', '.predikat', '.previous'].map((c) => r.querySelector(c).innerText)),
    );
    assert.equal(capaian.length - 1, onPage.length);
    assert.deepEqual(capaian.slice(1).map((r) => r.slice(2)), onPage);
    const spent = await page.locator('#lkj-budget tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.innerText)),
    );
    assert.deepEqual(budget.slice(1), spent);
    assert.equal(budget[1][2], 'Rp 5.113.766.000');
  } finally {
    await app.stop();
  }
});

test('a Perubahan downloads as a Perubahan with its own date, in Indonesian from the English interface', async () => {
  const app = await startApp({ hash: `#/pk/${KASUBAG}` });
  try {
    const { page } = app;
    await sign(page, '2024-01-02');
    await reviseTarget(page, { indicator: ARSIP, target: '95%', basis: '' });
    await page.locator('#done-editing').click();
    await sign(page, '2024-07-20');
    await expectText(page.locator('#revision-line'), 'Perubahan ke-1 · 20 Juli 2024');

    await page.locator('#lang-en').click();
    await page.locator('.export-menu summary').click();
    await expectText(page.locator('#export-docx'), 'Download Word (.docx)');
    const file = await download(page, () => page.locator('#export-docx').click());
    await expectText(page.locator('.notice-text').last(), `File ${path.basename(file)} was downloaded.`);
    const { paragraphs, tables } = await readDocx(file);
    assert.equal(paragraphs.filter((p) => p.startsWith('PERJANJIAN KINERJA PERUBAHAN TAHUN 2024')).length, 2, 'statement and lampiran');
    assert.ok(paragraphs.includes('Perubahan ke-1 · 20 Juli 2024'));
    assert.equal(paragraphs.filter((p) => p === 'Ambon, 20 Juli 2024').length, 2, 'the Perubahan’s date above both signatures');
    assert.ok(!paragraphs.some((p) => /Januari 2024|First Party|PERFORMANCE AGREEMENT/.test(p)), paragraphs.join(' / '));
    assert.ok(paragraphs.some((p) => p.startsWith('Sidik versi bertanda tangan: ') && p.endsWith('Perubahan ke-1 · 20 Juli 2024')));
    const indicators = tables.find((t) => t[0].join('|') === 'No|Sasaran Kegiatan|Indikator Kinerja|Target');
    assert.equal(indicators[2][3], '95%', 'the target the Perubahan signed');
    // The seed's Kepala Sub Bagian Umum dan Logistik: Rp 5.113.766.000 + Rp 430.835.000 = Rp 5.544.601.000.
    const budget = tables.find((t) => t[0].join('|') === 'No|Program|Anggaran');
    assert.deepEqual(budget.at(-1), ['Jumlah', 'Rp 5.544.601.000']);

    // The original, as signed: no PERUBAHAN, its own date line.
    await page.locator('.version-row[data-version="0"] a').click();
    await page.locator('#version-note').waitFor();
    const original = await readDocx(await pkWord(page));
    assert.equal(original.paragraphs.filter((p) => p.startsWith('PERJANJIAN KINERJA TAHUN 2024')).length, 2);
    assert.ok(!original.paragraphs.some((p) => p.includes('PERUBAHAN')));
    assert.equal(original.paragraphs.filter((p) => p === 'Ambon, Januari 2024').length, 2);
  } finally {
    await app.stop();
  }
});

test('a Word writer that cannot be fetched says so, and works once connected again', async () => {
  const server = await serve(DIST, { prefix: PREFIX });
  const { context, close } = await launch();
  try {
    // The connection drops for the Word writer's file (the service worker cannot precache it either).
    const blocked = /split_kinerja_word-[0-9a-f]+\.wasm$/;
    await context.route(blocked, (route) => route.abort('internetdisconnected'));
    const page = await open(context, `${server.url}#/pk/${SEKRETARIS}`, { allowConsoleErrors: true });
    await ready(page);
    await page.locator('#pk-table').waitFor();
    await page.locator('.export-menu summary').click();
    await page.locator('#export-docx').click();
    await expectText(page.locator('.notice.error .notice-text').last(), /^Berkas Word tidak dapat dibuat: .+ Data Anda aman\.$/);
    await expectText(page.locator('#pk-table tbody tr').first().locator('.target'), /\S/);
    await context.unroute(blocked);
    const file = await pkWord(page);
    assert.match(path.basename(file), /\.docx$/);
    await expectText(page.locator('.notice-text').last(), `Berkas ${path.basename(file)} telah diunduh.`);
  } finally {
    await close();
    await server.close();
  }
});
