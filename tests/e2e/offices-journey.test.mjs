// Issue 29's "done when": three browser profiles, each with its own storage, exchange files through a
// quarter. The Kepala Bagian Perencanaan, Data dan Informasi (inside the province's Sekretariat) sends TW I
// on time and has it accepted; KPU Kabupaten Buru sends TW I late, the province's grid shows it late and
// then received, the province returns it with a note, Buru sees the note, corrects and sends again, the
// province accepts; the grid, Buru's page and the exported files all agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, saved, PK } from './lib/app.mjs';
import { download, importFiles, tmp } from './lib/files.mjs';
import { expectAttr, expectCount, expectText } from './lib/expect.mjs';

const MALUKU = 'Asia/Jayapura';
const at = (day) => new Date(`2024-04-${day}T09:00:00+09:00`);
const esc = (id) => id.replaceAll('/', '\\/');
const KABAG = `${PK}kabag-perencanaan-data-informasi`;
const BURU_ROW = '#monitor-table tr[data-office="kab buru"]';
const cell = (page, row, key) => page.locator(`${row} td[data-key="${key}"]`);
const unitCell = (page, key) =>
  page.locator('#monitor-table tr.monitor-row', { hasText: 'Bagian Perencanaan, Data dan Informasi' }).locator(`td[data-key="${key}"]`);

/** Buru's own PK as it was typed there earlier in the year (the seed's Kepala Sub Bagian Keuangan under
 *  Buru's ids), nothing reported yet. */
async function buruStart() {
  const seed = JSON.parse(await fs.readFile(new URL('../../public/data/kpu-maluku-2024.json', import.meta.url), 'utf8'));
  const pk = structuredClone(seed.agreements.find((a) => a.id.endsWith('kasubag-keuangan')));
  pk.id = 'buru-2024';
  pk.parent = null;
  pk.office = 'Komisi Pemilihan Umum Kabupaten Buru';
  pk.unit = 'Sekretariat KPU Kabupaten Buru';
  pk.first_party = { name: 'Abdul Rahman', position: 'Sekretaris KPU Kabupaten Buru' };
  pk.objectives.forEach((o, s) => {
    o.id = `buru/s${s + 1}`;
    o.indicators.forEach((i, n) => { i.id = `buru/s${s + 1}/i${n + 1}`; delete i.parent; });
  });
  const file = path.join(tmp, 'buru-awal.json');
  await fs.writeFile(file, JSON.stringify({ format: 'kinerja-pk', version: 6, source: { office: 'KPU Kabupaten Buru', scope: 'agreement' }, agreements: [pk] }));
  return file;
}

/** Imports `file` and confirms; waits for the message. */
async function take(page, file, button, message) {
  await importFiles(page, [file]);
  await expectText(page.locator('#import-confirm'), button);
  await page.locator('#import-confirm').click();
  await page.locator('.notice.success', { hasText: message }).waitFor();
}

/** Exports one PK from its page; returns the file's path. */
async function exportPk(page, id) {
  await go(page, `#/pk/${id}`);
  await page.locator('.export-menu summary').click();
  return download(page, () => page.locator('#export-pk').click());
}

const json = async (file) => JSON.parse(await fs.readFile(file, 'utf8'));

test('a kabupaten, the province and a Kepala Bagian go through TW I: late, received, returned, corrected, accepted', async () => {
  const province = await startApp({ hash: '#/data', timezoneId: MALUKU, now: at('05') });
  const buru = await startApp({ hash: '#/data', timezoneId: MALUKU, now: at('05') });
  const kabag = await startApp({ hash: `#/pk/${KABAG}/realisasi`, timezoneId: MALUKU, now: at('08') });
  try {
    const p = province.page, b = buru.page, k = kabag.page;

    // The province lists its offices once: the Maluku preset and the unit of its Sekretariat.
    await p.locator('#offices-preset').click();
    await p.locator('#office-name').fill('Bagian Perencanaan, Data dan Informasi');
    await p.locator('#office-level').selectOption('unit');
    await p.locator('#office-add').click();
    await expectCount(p.locator('#offices-table .office-row'), 14);
    await saved(p);
    // Buru lists the offices too, itself as this office, and holds its own PK.
    await b.locator('#offices-preset').click();
    await b.locator('#office-own').selectOption('KPU Kabupaten Buru');
    await saved(b);
    await take(b, await buruStart(), 'Impor (1 PK berubah)', 'Impor selesai: 1 baru');

    // 8 April: the Kepala Bagian reports TW I and sends the PK; the province reads it the same day.
    await k.locator(`#m-${esc(`${KABAG}/s01/i1`)}-actual`).fill('2 kali');
    await saved(k);
    const kabagFile = await exportPk(k, KABAG);
    await province.context.clock.setFixedTime(at('08'));
    await take(p, kabagFile, 'Impor (1 PK berubah)', 'Impor selesai: 0 baru, 0 diganti, 1 digabung');
    await go(p, '#/pemantauan/2024');
    // The built-in PK, unchanged here, takes the file as where it now stands: its arrival day is recorded.
    await expectText(unitCell(p, 'tw1'), 'diterima 8 April 2024, 6 indikator belum diisi');
    await expectText(cell(p, BURU_ROW, 'tw1'), 'jatuh tempo 2 hari lagi');

    // 20 April: Buru has sent nothing; ten days late on the grid.
    await province.context.clock.setFixedTime(at('20'));
    await go(p, '#/data');
    await go(p, '#/pemantauan/2024');
    await expectText(cell(p, BURU_ROW, 'tw1'), 'terlambat 10 hari');
    await expectAttr(cell(p, BURU_ROW, 'tw1'), 'class', /cell-late/);
    // The province accepts the Kepala Bagian's TW I (on time) and sends the PK back.
    await go(p, `#/pk/${KABAG}/realisasi`);
    await p.locator('#review-accept').click();
    await expectText(p.locator('#review-status'), 'TW I diterima oleh KPU Provinsi Maluku pada 20 April 2024.');
    await go(p, '#/pemantauan/2024');
    await expectText(unitCell(p, 'tw1'), 'Diterima (diperiksa 20 April 2024)');
    const kabagBack = await exportPk(p, KABAG);

    // Buru reports TW I on 20 April (late) and sends it.
    await buru.context.clock.setFixedTime(at('20'));
    await go(b, '#/pk/buru-2024/realisasi');
    await b.locator(`#m-${esc('buru/s1/i1')}-actual`).fill('80%');
    await saved(b);
    await expectCount(b.locator('#review-form'), 0, 'Buru does not review its own PK');
    const sent1 = await exportPk(b, 'buru-2024');
    await take(p, sent1, 'Impor (1 PK berubah)', 'Impor selesai: 1 baru');
    await go(p, '#/pemantauan/2024');
    await expectText(cell(p, BURU_ROW, 'tw1'), 'diterima 20 April 2024, 5 indikator belum diisi, terlambat 10 hari');
    await expectAttr(cell(p, BURU_ROW, 'tw1'), 'class', /cell-received-late/);

    // The province returns it: a note for the quarter and one for the indicator.
    await cell(p, BURU_ROW, 'tw1').locator('a').click();
    await p.locator('#review-note').fill('Sertakan bukti dukung realisasi TW I.');
    await p.locator(`#review-note-${esc('buru/s1/i1')}`).fill('80% dari berapa pejabat? Lampirkan daftarnya.');
    await p.locator('#review-return').click();
    await expectText(p.locator('#review-status'), /TW I dikembalikan oleh KPU Provinsi Maluku pada 20 April 2024 untuk diperbaiki\./);
    await go(p, '#/pemantauan/2024');
    await expectText(cell(p, BURU_ROW, 'tw1'), 'Dikembalikan 20 April 2024: Sertakan bukti dukung realisasi TW I., terlambat 10 hari');
    const returned = await exportPk(p, 'buru-2024');

    // 22 April: Buru reads the return, sees the notes on its realisasi page, corrects and sends again.
    await buru.context.clock.setFixedTime(at('22'));
    await take(b, returned, 'Impor (1 pemeriksaan baru)', '1 pemeriksaan baru disimpan.');
    await go(b, '#/pk/buru-2024/realisasi');
    await expectText(b.locator('#review-status'), /TW I dikembalikan oleh KPU Provinsi Maluku pada 20 April 2024 untuk diperbaiki\./);
    await expectText(b.locator('#review-notes'), /Catatan: Sertakan bukti dukung realisasi TW I\.\s+1\.1 [^:]*: 80% dari berapa pejabat\? Lampirkan daftarnya\./);
    await expectText(b.locator('.measure-indicator[data-indicator="buru/s1/i1"] .review-indicator-note'), 'Catatan pemeriksa: 80% dari berapa pejabat? Lampirkan daftarnya.');
    await b.locator(`#m-${esc('buru/s1/i1')}-evidence`).fill('Daftar 10 pejabat perbendaharaan, 8 menyelesaikan (SK 12/2024)');
    await saved(b);
    await expectText(b.locator('#review-status'), /Untuk versi sebelumnya: realisasi TW I berubah sesudah diperiksa/);
    const sent2 = await exportPk(b, 'buru-2024');

    // 23 April: the province sees the new version, and accepts it.
    await province.context.clock.setFixedTime(at('23'));
    await take(p, sent2, 'Impor (1 PK berubah)', 'Impor selesai: 0 baru, 0 diganti, 1 digabung');
    await go(p, '#/pemantauan/2024');
    await expectText(cell(p, BURU_ROW, 'tw1'), 'diterima 20 April 2024, 5 indikator belum diisi, terlambat 10 hari, versi baru sesudah dikembalikan');
    await cell(p, BURU_ROW, 'tw1').locator('a').click();
    await expectText(p.locator('#review-status'), /Versi baru dikirim sesudah dikembalikan; belum diperiksa\./);
    await p.locator('#review-accept').click();
    await expectText(p.locator('#review-status'), 'TW I diterima oleh KPU Provinsi Maluku pada 23 April 2024.');
    await go(p, '#/pemantauan/2024');
    await expectText(cell(p, BURU_ROW, 'tw1'), 'Diterima (diperiksa 23 April 2024), terlambat 10 hari');
    await expectAttr(cell(p, BURU_ROW, 'tw1'), 'class', /cell-accepted/);
    const accepted = await exportPk(p, 'buru-2024');

    // 24 April: Buru reads the acceptance: TW I is locked there.
    await buru.context.clock.setFixedTime(at('24'));
    await take(b, accepted, 'Impor (1 pemeriksaan baru)', '1 pemeriksaan baru disimpan.');
    await go(b, '#/pk/buru-2024/realisasi');
    await expectText(b.locator('#review-status'), 'TW I diterima oleh KPU Provinsi Maluku pada 23 April 2024.');
    await expectText(b.locator('#review-locked'), /TW I sudah diterima: realisasinya dikunci/);
    await expectAttr(b.locator(`#m-${esc('buru/s1/i1')}-actual`), 'readonly', '');
    // The Kepala Bagian reads the province's acceptance too.
    await kabag.context.clock.setFixedTime(at('24'));
    await take(k, kabagBack, 'Impor (1 pemeriksaan baru)', '1 pemeriksaan baru disimpan.');
    await go(k, `#/pk/${KABAG}/realisasi`);
    await expectText(k.locator('#review-status'), 'TW I diterima oleh KPU Provinsi Maluku pada 20 April 2024.');
    await expectAttr(k.locator(`#m-${esc(`${KABAG}/s01/i1`)}-actual`), 'readonly', '');

    // The files agree: what the province sent and what Buru now exports hold the same figures and the same
    // three reviews (returned, then accepted: the return for the earlier figures).
    const fromBuru = await json(await exportPk(b, 'buru-2024'));
    const fromProvince = await json(accepted);
    assert.deepEqual(fromBuru.measure_settings.reviews, fromProvince.measure_settings.reviews);
    assert.deepEqual(fromBuru.measure_settings.reviews.map((r) => r.verdict), ['returned', 'accepted']);
    assert.deepEqual(fromBuru.agreements[0].objectives, fromProvince.agreements[0].objectives);
    const [ret, acc] = fromBuru.measure_settings.reviews;
    assert.notEqual(ret.figures, acc.figures, 'the return saw the figures before the correction');
    assert.equal(fromBuru.agreements[0].objectives[0].indicators[0].measurement.actual[0].evidence, 'Daftar 10 pejabat perbendaharaan, 8 menyelesaikan (SK 12/2024)');
    // The province's grid counts TW I: Buru accepted (late), the unit accepted.
    await go(p, '#/pemantauan/2024');
    await expectText(unitCell(p, 'tw1'), 'Diterima (diperiksa 20 April 2024)');
    for (const page of [p, b, k]) assert.deepEqual(page.errors, []);
  } finally {
    await kabag.stop();
    await buru.stop();
    await province.stop();
  }
});
