// Review by file (issue 29, point 4): the province returns Kota Ambon's TW I with notes (for the whole
// quarter and per indicator), sees the corrected file as a new version (the return is for an earlier
// version), accepts it (locked, reopened only with a reason), and exports the reviews with the PK. A file
// from another browser brings a second review of the same quarter: both kept, the newest in force, and
// the same file again adds nothing. Words and colours on the grid; axe and a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, saved } from './lib/app.mjs';
import { download, importFiles, tmp } from './lib/files.mjs';
import { expectAttr, expectCount, expectDisabled, expectNoOverflow, expectText } from './lib/expect.mjs';
import { audit } from './lib/axe.mjs';

const OUT = new URL('./.output/', import.meta.url).pathname;
const MALUKU = 'Asia/Jayapura';
const AMBON = '#monitor-table tr[data-office="kota ambon"]';
const tw1 = (page) => page.locator(`${AMBON} td[data-key="tw1"]`);
const esc = (id) => id.replaceAll('/', '\\/');

/** Kota Ambon's PK (the seed's Kepala Sub Bagian Keuangan under its own ids) with TW I of its first
 *  indicator reported as `value`, as its office's file brings it. */
async function ambon(value, evidence = '', name = 'kpu-kota-ambon-2024.json', extra = {}) {
  const seed = JSON.parse(await fs.readFile(new URL('../../public/data/kpu-maluku-2024.json', import.meta.url), 'utf8'));
  const pk = structuredClone(seed.agreements.find((a) => a.id.endsWith('kasubag-keuangan')));
  pk.id = 'ambon-2024';
  pk.parent = null;
  pk.office = 'Komisi Pemilihan Umum Kota Ambon';
  pk.objectives.forEach((o, s) => {
    o.id = `ambon/s${s + 1}`;
    o.indicators.forEach((i, n) => { i.id = `ambon/s${s + 1}/i${n + 1}`; delete i.parent; });
  });
  const report = { value: { text: value } };
  if (evidence) report.evidence = evidence;
  pk.objectives[0].indicators[0].measurement = { actual: [report, null, null, null] };
  const file = path.join(tmp, name);
  await fs.writeFile(file, JSON.stringify({ format: 'kinerja-pk', version: 6, source: { office: 'KPU Kota Ambon', scope: 'agreement' }, agreements: [pk], ...extra }));
  return file;
}

const axe = async (page) => (await audit(page)).map((v) => `${v.id} ${v.help} — ${v.nodes.join(', ')}`);

test('the province returns a quarter with notes, sees the new version, accepts, locks, reopens and exports it', async () => {
  const app = await startApp({ hash: '#/data', timezoneId: MALUKU, now: new Date('2024-04-25T09:00:00+09:00') });
  try {
    const { page } = app;
    await page.locator('#offices-preset').click();
    await saved(page);
    await importFiles(page, [await ambon('1 Lap')]);
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: 'Impor selesai: 1 baru' }).waitFor();

    // The realisasi page of Ambon's PK: TW I not reviewed yet, and the receiving office's form.
    await go(page, '#/pk/ambon-2024/realisasi');
    await expectText(page.locator('#review-status'), 'TW I belum diperiksa.');
    assert.equal(await page.locator('#review-by').inputValue(), 'KPU Provinsi Maluku');
    // Returning without a note is refused with a message; nothing is recorded.
    await page.locator('#review-return').click();
    await page.locator('.notice.error', { hasText: 'Tulis catatan (untuk seluruh triwulan atau per indikator) sebelum mengembalikan' }).waitFor();
    await expectCount(page.locator('#review-history'), 0);

    // Returned with a note for the whole quarter and one for the first indicator.
    await page.locator('#review-note').fill('Lengkapi bukti dukung TW I.');
    await page.locator(`#review-note-${esc('ambon/s1/i1')}`).fill('Realisasi tanpa bukti; lampirkan SK.');
    await page.locator('#review-return').click();
    await expectText(page.locator('#review-status'), /TW I dikembalikan oleh KPU Provinsi Maluku pada 25 April 2024 untuk diperbaiki\./);
    await expectText(page.locator('#review-notes'), /Catatan: Lengkapi bukti dukung TW I\.\s+1\.1 Persentase pejabat perbendaharaan[^:]*: Realisasi tanpa bukti; lampirkan SK\./);
    await expectText(page.locator('.measure-indicator[data-indicator="ambon/s1/i1"] .review-indicator-note'), 'Catatan pemeriksa: Realisasi tanpa bukti; lampirkan SK.');
    await saved(page);
    for (const v of await axe(page)) assert.fail(`returned quarter: ${v}`);

    // The grid says returned, with the note, in words and colour; the CSV the same words.
    await go(page, '#/pemantauan/2024');
    await expectText(tw1(page), 'Dikembalikan 25 April 2024: Lengkapi bukti dukung TW I., terlambat 15 hari');
    await expectAttr(tw1(page), 'class', /cell-returned/);
    const csv = await fs.readFile(await download(page, () => page.locator('#monitor-csv').click()), 'utf8');
    assert.match(csv, /\r\nKPU Kota Ambon;[^;]*;[^;]*;Dikembalikan 25 April 2024: Lengkapi bukti dukung TW I\., terlambat 15 hari;/);

    // 27 April: Ambon's corrected file. The return is for an earlier version; the new one is shown as such.
    await app.context.clock.setFixedTime(new Date('2024-04-27T10:00:00+09:00'));
    await importFiles(page, [await ambon('1 Lap', 'SK Sekretaris No. 12/2024', 'kpu-kota-ambon-2024-perbaikan.json')]);
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: /Impor selesai: 0 baru, 0 diganti, 1 digabung/ }).waitFor();
    await go(page, '#/pemantauan/2024');
    await expectText(tw1(page), 'diterima 25 April 2024, 5 indikator belum diisi, terlambat 15 hari, versi baru sesudah dikembalikan');
    await expectAttr(tw1(page), 'class', /cell-resent/);
    await go(page, '#/pk/ambon-2024/realisasi');
    await expectText(page.locator('#review-status'), /untuk diperbaiki\.\s+Untuk versi sebelumnya: realisasi TW I berubah sesudah diperiksa[^\n]*\s+Versi baru dikirim sesudah dikembalikan; belum diperiksa\./);

    // Accepted: the quarter is locked, its fields read-only with the line why.
    await page.locator('#review-accept').click();
    await expectText(page.locator('#review-status'), 'TW I diterima oleh KPU Provinsi Maluku pada 27 April 2024.');
    await expectText(page.locator('#review-locked'), /TW I sudah diterima: realisasinya dikunci/);
    await expectAttr(page.locator(`#m-${esc('ambon/s1/i1')}-actual`), 'readonly', '');
    await expectCount(page.locator('#review-form'), 0);
    await page.locator('#review-history summary').click();
    await expectCount(page.locator('#review-history .review-entry'), 2);
    await expectText(page.locator('#review-history .review-entry').first(), /Dikembalikan — .*\(digantikan pemeriksaan sesudahnya; untuk versi sebelumnya\)/);
    await expectText(page.locator('#review-history .review-entry').last(), /Diterima — .*\(berlaku\)/);
    await go(page, '#/pemantauan/2024');
    await expectText(tw1(page), 'Diterima (diperiksa 27 April 2024), terlambat 15 hari');
    await expectAttr(tw1(page), 'class', /cell-accepted/);

    // The export of the PK carries both reviews, with who, when (local time with its offset) and the figures.
    await go(page, '#/pk/ambon-2024');
    await page.locator('.export-menu summary').click();
    const exported = JSON.parse(await fs.readFile(await download(page, () => page.locator('#export-pk').click()), 'utf8'));
    const reviews = exported.measure_settings.reviews;
    assert.deepEqual(reviews.map((r) => [r.agreement, r.quarter, r.verdict, r.by]), [
      ['ambon-2024', 1, 'returned', 'KPU Provinsi Maluku'], ['ambon-2024', 1, 'accepted', 'KPU Provinsi Maluku'],
    ]);
    assert.equal(reviews[0].note, 'Lengkapi bukti dukung TW I.');
    assert.deepEqual(reviews[0].indicators, [{ indicator: 'ambon/s1/i1', note: 'Realisasi tanpa bukti; lampirkan SK.' }]);
    assert.match(reviews[1].at, /^2024-04-27T10:00:\d\d\+09:00$/);
    assert.match(reviews[1].figures, /^[0-9a-f]{16}$/);
    assert.notEqual(reviews[0].figures, reviews[1].figures, 'the return saw the figures before the correction');

    // A second browser of the province returned the same figures an hour later: its file brings one new
    // review (the two it holds already are not counted twice), and the newest is in force.
    const other = { ...reviews[1], verdict: 'returned', note: 'Angka TW I perlu dicek ulang.', by: 'Tim Perencanaan (laptop 2)', at: '2024-04-27T11:00:00+09:00' };
    const second = await ambon('1 Lap', 'SK Sekretaris No. 12/2024', 'laptop-2.json', { measure_settings: { reviews: [...reviews, other] } });
    await importFiles(page, [second]);
    await expectText(page.locator('#import-reviews'), 'Pemeriksaan baru dalam berkas: 1 (disimpan; pemeriksaan yang sudah ada tidak digandakan).');
    await expectText(page.locator('#import-confirm'), 'Impor (1 pemeriksaan baru)');
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: '1 pemeriksaan baru disimpan.' }).waitFor();
    await importFiles(page, [second]);
    await expectCount(page.locator('#import-reviews'), 0);
    await expectDisabled(page.locator('#import-confirm'));
    await page.locator('#import-cancel').click();
    await go(page, '#/pk/ambon-2024/realisasi');
    await expectText(page.locator('#review-status'), /TW I dikembalikan oleh Tim Perencanaan \(laptop 2\) pada 27 April 2024/);
    await page.locator('#review-history summary').click();
    await expectCount(page.locator('#review-history .review-entry'), 3);

    // At noon, accepted again, then reopened: a reason is asked for, and recorded.
    await app.context.clock.setFixedTime(new Date('2024-04-27T12:00:00+09:00'));
    await page.locator('#review-accept').click();
    await expectText(page.locator('#review-status'), 'TW I diterima oleh KPU Provinsi Maluku pada 27 April 2024.');
    await app.context.clock.setFixedTime(new Date('2024-04-27T12:05:00+09:00'));
    await page.locator('#review-reopen').click();
    await page.locator('#review-reopen-confirm').click();
    await page.locator('.notice.error', { hasText: 'Tulis alasan membuka kembali' }).waitFor();
    await expectAttr(page.locator(`#m-${esc('ambon/s1/i1')}-actual`), 'readonly', '');
    await page.locator('#review-reason').fill('Salah ketik satuan, diperbaiki bersama Kota Ambon.');
    await page.locator('#review-reopen-confirm').click();
    await expectText(page.locator('#review-status'), /^TW I dibuka kembali oleh KPU Provinsi Maluku pada 27 April 2024\.\s+Alasan: Salah ketik/);
    await expectText(page.locator('#review-notes'), 'Alasan: Salah ketik satuan, diperbaiki bersama Kota Ambon.');
    await expectCount(page.locator(`#m-${esc('ambon/s1/i1')}-actual[readonly]`), 0);
    await expectText(page.locator('#review-history summary'), 'Riwayat pemeriksaan TW I (5)');

    // Axe in both languages at 1366 px and 360 px, and a look at the phone.
    for (const v of await axe(page)) assert.fail(`reviewed quarter: ${v}`);
    await page.locator('#lang-en').click();
    await expectText(page.locator('#review-status'), /^Q1 reopened by KPU Provinsi Maluku on 27 April 2024\.\s+Reason: Salah ketik/);
    for (const v of await axe(page)) assert.fail(`reviewed quarter (EN): ${v}`);
    await page.setViewportSize({ width: 360, height: 740 });
    for (const v of await axe(page)) assert.fail(`reviewed quarter (EN, 360 px): ${v}`);
    await page.locator('#lang-id').click();
    for (const v of await axe(page)) assert.fail(`reviewed quarter (360 px): ${v}`);
    await expectNoOverflow(page, 'the page does not scroll sideways');
    await page.locator('#quarter-review').screenshot({ path: path.join(OUT, 'phone-review.png') });
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});
