// Pemantauan (issue 29, point 3): the province's grid of the offices it collects from, worked out from
// the data and the due dates at the office's local date: not due, due in N days, late by N days, then
// received on the day a kabupaten's file arrived (late, with the indicators still missing). Counts per
// column, the late-only filter, links to the PK and its realisasi, CSV, axe and a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, saved } from './lib/app.mjs';
import { download, importFiles } from './lib/files.mjs';
import { expectCount, expectText, expectAttr, expectNoOverflow } from './lib/expect.mjs';
import { audit } from './lib/axe.mjs';
import { AMBON, ambonFile, cell } from './lib/monitor.mjs';

const OUT = new URL('./.output/', import.meta.url).pathname;
const MALUKU = 'Asia/Jayapura';

test('the province sees TW I due, then late, then received late from Kota Ambon', async () => {
  const app = await startApp({ hash: '#/pemantauan/2024', timezoneId: MALUKU, now: new Date('2024-04-05T09:00:00+09:00') });
  try {
    const { page } = app;
    // No office listed yet: the page says where to add them.
    await expectText(page.locator('#monitor-empty'), /Belum ada kantor yang dipantau/);
    await go(page, '#/data');
    await page.locator('#offices-preset').click();
    // This year the PK and its Rencana Aksi are due at the end of May (a circular of the office).
    await page.locator('#due-pk').fill('2024-05-31');
    await page.locator('#due-rencana_aksi').fill('2024-05-31');
    await saved(page);

    // 5 April: TW I is due on 10 April, the PK in 56 days; nothing is late.
    await go(page, '#/pemantauan/2024');
    await expectCount(page.locator('#monitor-table .monitor-row'), 11);
    await expectText(cell(page, AMBON, 'tw1'), 'jatuh tempo 5 hari lagi');
    await expectText(cell(page, AMBON, 'pk'), 'belum jatuh tempo (56 hari lagi)');
    await expectText(cell(page, AMBON, 'tw2'), 'belum jatuh tempo (96 hari lagi)');
    await page.locator('#monitor-late-only').check();
    await expectText(page.locator('#monitor-shown'), '0 dari 11 kantor ditampilkan.');
    await page.locator('#monitor-late-only').uncheck();
    await expectText(page.locator('#monitor-shown'), '11 dari 11 kantor ditampilkan.');

    // 25 April: TW I is 15 days late everywhere.
    await app.context.clock.setFixedTime(new Date('2024-04-25T09:00:00+09:00'));
    await go(page, '#/data');
    await go(page, '#/pemantauan/2024');
    await expectText(cell(page, AMBON, 'tw1'), 'terlambat 15 hari');
    await expectAttr(cell(page, AMBON, 'tw1'), 'class', /cell-late/);
    await expectText(page.locator('#monitor-table tfoot td').nth(2), '11 terlambat, 0 diterima');
    await page.locator('#monitor-late-only').check();
    await expectText(page.locator('#monitor-shown'), '11 dari 11 kantor ditampilkan.');
    await page.locator('#monitor-late-only').uncheck();

    // Kota Ambon's file arrives on 25 April with one indicator of six: received, late, five missing.
    await importFiles(page, [await ambonFile()]);
    await expectText(page.locator('#import-confirm'), 'Impor (1 PK berubah)');
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: 'Impor selesai: 1 baru' }).waitFor();
    await go(page, '#/pemantauan/2024');
    await expectText(cell(page, AMBON, 'tw1'), 'diterima 25 April 2024, 5 indikator belum diisi, terlambat 15 hari');
    await expectAttr(cell(page, AMBON, 'tw1'), 'class', /cell-received-late/);
    await expectText(page.locator('#monitor-table tfoot td').nth(2), '11 terlambat, 1 diterima');
    // Links: the office to its PK, the quarter to its realisasi.
    await expectAttr(page.locator(`${AMBON} th a`), 'href', '#/pk/ambon-2024');
    await expectAttr(cell(page, AMBON, 'tw1').locator('a'), 'href', '#/pk/ambon-2024/realisasi');
    await expectText(page.locator('#monitor-table tr[data-office="kab buru"] th'), 'KPU Kabupaten Buru (belum ada PK)');

    // The same words in the CSV for Excel.
    const csv = await fs.readFile(await download(page, () => page.locator('#monitor-csv').click()), 'utf8');
    assert.match(csv, /^\ufeffKantor;PK ditandatangani;Rencana Aksi;Realisasi TW I;/);
    assert.match(csv, /\r\nKPU Kota Ambon;[^;]*;[^;]*;diterima 25 April 2024, 5 indikator belum diisi, terlambat 15 hari;/);

    assert.deepEqual((await audit(page)).map((v) => `${v.id} ${v.help} — ${v.nodes.join(', ')}`), []);
    await page.locator('#lang-en').click();
    await expectText(cell(page, AMBON, 'tw1'), 'received on 25 April 2024, 5 indicators missing, 15 days late');
    assert.deepEqual((await audit(page)).map((v) => `${v.id} ${v.help} — ${v.nodes.join(', ')}`), []);

    // On a phone each office is a card (grid.test.mjs): the page does not scroll sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoOverflow(page, 'the page does not scroll sideways');
    await page.screenshot({ path: path.join(OUT, 'phone-monitor.png'), fullPage: true });
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});
