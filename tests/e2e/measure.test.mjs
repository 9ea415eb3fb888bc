// Measurement: a year of realisasi entered at a Kepala Sub Bagian flows up to the Kepala
// Bagian and the Sekretaris; capaian, predikat, the LKj table in print and CSV, capping, the public view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK, saved, DIST, PREFIX } from './lib/app.mjs';
import { download, tmp } from './lib/files.mjs';
import { serve } from './lib/server.mjs';
import { launch, open, ready } from './lib/browser.mjs';
import { expectCount, expectText, expectValue, eventually } from './lib/expect.mjs';
import { storedWorkspace } from './lib/stored.mjs';

const KASUBAG = `${PK}kasubag-umum-logistik`;
const KABAG = `${PK}kabag-keuangan-umum-logistik`;
const SEK = `${PK}sekretaris`;
// The archive indicator, 87,5 % at all three levels, linked down the cascade.
const ARSIP = { [KASUBAG]: `${KASUBAG}/s01/i1`, [KABAG]: `${KABAG}/s06/i1`, [SEK]: `${SEK}/s14/i1` };
const field = (page, pk, name) => page.locator(`#m-${ARSIP[pk]}-${name}`.replaceAll('/', '\\/'));
const card = (page, pk) => page.locator(`.measure-indicator[data-indicator="${ARSIP[pk]}"]`);

test('a year of realisasi at a Kepala Sub Bagian reaches the Kepala Bagian and the Sekretaris, in the LKj and the public view', async () => {
  const app = await startApp({ hash: `#/pk/${KASUBAG}` });
  let exported;
  try {
    const { page } = app;
    await page.locator('#measure-link').click();
    await page.locator('#measure-list').waitFor();
    await expectText(page.locator('#measure-status'), /indikator belum melapor TW I\./);
    // TW I–IV of the archive indicator, with a note in TW IV.
    for (const [q, value] of [[1, '50%'], [2, '70%'], [3, '80%'], [4, '90%']]) {
      await page.locator(`#tw-${q}`).click();
      await expectText(card(page, KASUBAG).locator('.measure-quarter'), `TW ${['I', 'II', 'III', 'IV'][q - 1]}`);
      await field(page, KASUBAG, 'actual').fill(value);
    }
    await field(page, KASUBAG, 'note').fill('Penataan arsip di 11 kabupaten/kota');
    await saved(page);
    // 90 % of 87,5 % (higher is better, the latest value): 102,86 %, Sangat Tinggi.
    await expectText(card(page, KASUBAG).locator('.measure-result'),
      'Realisasi s.d. TW IV: 90% · Target PK: 87,5% · Capaian: 102,86% · Predikat: Sangat Tinggi');
    await page.locator('#tw-2').click();
    await expectText(card(page, KASUBAG).locator('.measure-result'), /Realisasi s\.d\. TW II: 70% .* Capaian: 80,00% · Predikat: Tinggi$/);
    // The Rencana Aksi: a plan that does not lead to the target asks for a reason.
    await page.locator('#tw-4').click();
    await field(page, KASUBAG, 'plan').fill('85%');
    await expectText(card(page, KASUBAG).locator('.plan-check p'), 'Rencana Aksi menuju 85%, bukan target PK 87,5%. Tuliskan alasannya:');
    await field(page, KASUBAG, 'plan').fill('87,5%');
    await expectCount(card(page, KASUBAG).locator('.plan-check'), 0);

    // The Kepala Bagian receives it through the cascade.
    await go(page, `#/pk/${KABAG}/realisasi`);
    await page.locator('#tw-4').click();
    await expectText(page.locator(`#m-${ARSIP[KABAG]}-actual-hint`.replaceAll('/', '\\/')), '90% — dari Kepala Sub Bagian Umum dan Logistik');
    await expectValue(field(page, KABAG, 'actual'), '', 'nothing was typed at the Kepala Bagian');
    await expectText(card(page, KABAG).locator('.measure-result'), /Capaian: 102,86% · Predikat: Sangat Tinggi$/);

    // The Sekretaris' LKj table: the same figures, and the note.
    await go(page, `#/pk/${SEK}/lkj`);
    const row = page.locator(`#lkj-table tr[data-indicator="${ARSIP[SEK]}"]`);
    await expectText(row.locator('.actual'), '90%');
    await expectText(row.locator('.capaian'), '102,86%');
    await expectText(row.locator('.predikat'), 'Sangat Tinggi');
    await expectText(page.locator('.lkj-subtitle'), 'Laporan Kinerja Bab III.A, s.d. TW IV');
    // Printed on A4: the table, its figures, no app chrome.
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(tmp, 'lkj.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(printed, /Capaian Kinerja 2024/);
    assert.match(printed, /102,86%/);
    assert.doesNotMatch(printed, /Unduh tabel LKj|Kinerja\s+Perjanjian Kinerja KPU/, 'no buttons or header in print');
    await page.emulateMedia({ media: 'screen' });
    // The same as CSV.
    const csv = await fs.readFile(await download(page, () => page.locator('#export-lkj-csv').click()), 'utf8');
    assert.match(csv, /;90%;102,86%;Sangat Tinggi;/);

    // Capaian across the cascade: counts per predikat and who has not reported.
    await go(page, '#/capaian/2024');
    await page.locator('#tw-4').click();
    // Cards off screen are not laid out (their text reads empty): scrolled to, as a reader would.
    await page.locator(`.capaian-card[data-id="${KABAG}"]`).scrollIntoViewIfNeeded();
    await expectText(page.locator(`.capaian-card[data-id="${KABAG}"] tr[data-indicator="${ARSIP[KABAG]}"] .capaian`), '102,86%');
    await expectText(page.locator('#predikat-counts li').first(), /^3 Sangat Tinggi$/);
    await expectText(page.locator('#not-reported li').first(), /indikator$/);

    // Capping is one setting: the LKj, the page and the CSV show 100,00 % after it.
    await go(page, '#/data');
    await page.locator('#cap-setting').selectOption('at100');
    await go(page, `#/pk/${SEK}/lkj`);
    await expectText(row.locator('.capaian'), '100,00%');
    const capped = await fs.readFile(await download(page, () => page.locator('#export-lkj-csv').click()), 'utf8');
    assert.match(capped, /;90%;100,00%;Sangat Tinggi;/);
    // The predikat bands are a setting too: a band from 100 % named "Istimewa".
    await go(page, '#/data');
    await page.locator('#band-0-label').fill('Istimewa');
    await page.locator('#band-0-above').selectOption('from');
    await page.locator('#band-0-min').fill('abc');
    await expectText(page.locator('#band-0-min-msg'), 'Batas harus berupa angka, misalnya 90, 87,5 atau 90%: belum disimpan.');
    await page.locator('#band-0-min').fill('100');
    await page.locator('#cap-setting').selectOption('none');
    await go(page, `#/pk/${SEK}/lkj`);
    await expectText(row.locator('.predikat'), 'Istimewa');
    await go(page, '#/data');
    await page.locator('#reset-bands').click();
    await page.locator('#cap-setting').selectOption('at100');
    await go(page, `#/pk/${SEK}/lkj`);
    await expectText(row.locator('.predikat'), 'Sangat Tinggi');
    // The English interface prints the table in Indonesian; its English rendering, once chosen, has
    // quarters and numbers in English.
    await page.locator('#lang-en').click();
    await expectText(page.locator('.lkj-subtitle'), 'Laporan Kinerja Bab III.A, s.d. TW IV');
    await page.locator('#document-language').selectOption('en');
    await expectText(page.locator('.lkj-subtitle'), 'Performance report (LKj) chapter III.A, to Q4');
    await expectText(row.locator('.capaian'), '100.00%');
    await page.locator('#lang-id').click();
    await go(page, '#/data');
    await page.locator('#cap-setting').selectOption('none');
    await saved(page);
    exported = await download(page, () => page.locator('#export-all').click());
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }

  // Published: the office exports its data and puts it on the site; a visitor sees the capaian.
  const site = path.join(tmp, 'site');
  await fs.cp(DIST, site, { recursive: true });
  await fs.copyFile(exported, path.join(site, 'data', 'kpu-maluku-2024.json'));
  const server = await serve(site, { prefix: PREFIX });
  const { context, close } = await launch();
  try {
    const page = await open(context, `${server.url}#/publik/pk/${SEK}/lkj`);
    await ready(page);
    const row = page.locator(`#lkj-table tr[data-indicator="${ARSIP[SEK]}"]`);
    await expectText(row.locator('.capaian'), '102,86%');
    await expectCount(page.locator('#measure-link, input, textarea, select:not(#document-language)'), 0, 'read-only');
    await page.goto(`${server.url}#/publik/capaian/2024`);
    await ready(page);
    await page.locator('#tw-4').click();
    await page.locator(`.capaian-card[data-id="${SEK}"]`).scrollIntoViewIfNeeded();
    await expectText(page.locator(`.capaian-card[data-id="${SEK}"] tr[data-indicator="${ARSIP[SEK]}"] .capaian`), '102,86%');
    await eventually(() => storedWorkspace(page), null, 'a visitor stores nothing');
    assert.deepEqual(page.errors, []);
  } finally {
    await close();
    await server.close();
  }
});

test('realisasi exported from one office are merged per indicator and quarter in another, and undone', async () => {
  // Office A (the Kepala Sub Bagian) reports TW I and TW II and exports its PK.
  const a = await startApp({ hash: `#/pk/${KASUBAG}/realisasi` });
  let file;
  try {
    const { page } = a;
    await page.locator('#tw-1').click();
    await field(page, KASUBAG, 'actual').fill('50%');
    await page.locator('#tw-2').click();
    await field(page, KASUBAG, 'actual').fill('70%');
    await saved(page);
    await go(page, `#/pk/${KASUBAG}`);
    await page.locator('.export-menu summary').click();
    file = await download(page, () => page.locator('#export-pk').click());
  } finally {
    await a.stop();
  }
  // Office B (the Kepala Bagian) had entered TW I itself, differently.
  const b = await startApp({ hash: `#/pk/${KASUBAG}/realisasi` });
  try {
    const { page } = b;
    await page.locator('#tw-1').click();
    await field(page, KASUBAG, 'actual').fill('55%');
    await saved(page);
    await go(page, '#/data');
    await page.locator('#import-files').setInputFiles([file]);
    const row = page.locator(`.import-row[data-id="${KASUBAG}"]`);
    await expectValue(row.locator('select'), 'Merge', 'only realisasi differ: merged per quarter by default');
    await row.locator('summary').click();
    await expectText(row.locator('.diff-table'), /Realisasi 1\.1 TW I\s+55%\s+50%/);
    await expectText(row.locator('.diff-table'), /Realisasi 1\.1 TW II\s+\(tidak ada\)\s+70%/);
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: '1 digabung' }).waitFor();
    await go(page, `#/pk/${KASUBAG}/realisasi`);
    await page.locator('#tw-1').click();
    await expectValue(field(page, KASUBAG, 'actual'), '55%', 'entered here: kept');
    await page.locator('#tw-2').click();
    await expectValue(field(page, KASUBAG, 'actual'), '70%', 'new from the file: taken');
    // One undoable step.
    await page.locator('#undo').click();
    await expectValue(field(page, KASUBAG, 'actual'), '');
    // Merging again, taking the file's value for the quarter entered on both sides.
    await go(page, '#/data');
    await page.locator('#import-files').setInputFiles([file]);
    await row.locator('summary').click();
    await row.locator('tr', { hasText: 'Realisasi 1.1 TW I' }).locator('input.take').check();
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: '1 digabung' }).waitFor();
    await go(page, `#/pk/${KASUBAG}/realisasi`);
    await page.locator('#tw-1').click();
    await expectValue(field(page, KASUBAG, 'actual'), '50%', 'chosen: the file\'s value');
    await page.locator('#undo').click();
    await expectValue(field(page, KASUBAG, 'actual'), '55%');
    // Or the file's values for every quarter: replace.
    await go(page, '#/data');
    await page.locator('#import-files').setInputFiles([file]);
    await row.locator('select').selectOption('Replace');
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: '1 diganti' }).waitFor();
    await go(page, `#/pk/${KASUBAG}/realisasi`);
    await page.locator('#tw-1').click();
    await expectValue(field(page, KASUBAG, 'actual'), '50%');
    assert.deepEqual(page.errors, []);
  } finally {
    await b.stop();
  }
});

test('a corrected file from the office a PK came from is taken by default: the correction reaches the LKj', async () => {
  const a = await startApp({ hash: `#/pk/${KASUBAG}/realisasi` });
  const b = await startApp({ hash: '#/data' });
  try {
    // The Kepala Sub Bagian sends TW I = 50%; the Sekretariat merges it into its (unchanged) copy.
    const exportPk = async (value) => {
      await go(a.page, `#/pk/${KASUBAG}/realisasi`);
      await a.page.locator('#tw-1').click();
      await field(a.page, KASUBAG, 'actual').fill(value);
      await saved(a.page);
      await go(a.page, `#/pk/${KASUBAG}`);
      await a.page.locator('.export-menu summary').click();
      return download(a.page, () => a.page.locator('#export-pk').click());
    };
    const first = await exportPk('50%');
    const { page } = b;
    await page.locator('#import-files').setInputFiles([first]);
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: '1 digabung' }).waitFor();
    // It corrects TW I to 60% and sends again: the preview already takes the file's figure.
    const second = await exportPk('60%');
    await go(page, '#/data');
    await page.locator('#import-files').setInputFiles([second]);
    const row = page.locator(`.import-row[data-id="${KASUBAG}"]`);
    await row.locator('summary').click();
    const tw1 = row.locator('tr', { hasText: 'Realisasi 1.1 TW I' });
    await expectText(tw1, /50%\s+60%/);
    await eventually(() => tw1.locator('input.take').isChecked(), true, 'the later file from the same office is taken');
    await page.locator('#import-confirm').click();
    await expectCount(page.locator('.notice.success', { hasText: '1 digabung' }), 2);
    await go(page, `#/pk/${KASUBAG}/lkj`);
    await expectText(page.locator(`#lkj-table tr[data-indicator="${ARSIP[KASUBAG]}"] .actual`), /^60%/);
    assert.deepEqual(page.errors, []);
  } finally {
    await a.stop();
    await b.stop();
  }
});
