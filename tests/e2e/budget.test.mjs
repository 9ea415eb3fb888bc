// Budget realisation rolls up the cascade: entered at a Kepala Sub Bagian, it reaches the Kepala
// Bagian and the Sekretaris (the office's LKj III.B), on screen, in the CSV and in the capaian view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { download } from './lib/files.mjs';
import { expectText, expectTexts } from './lib/expect.mjs';

const KASUBAG = `${PK}kasubag-umum-logistik`;
const KABAG = `${PK}kabag-keuangan-umum-logistik`;
const SEK = `${PK}sekretaris`;

test('Rp 1.250.000.000 entered at a Kepala Sub Bagian in TW I reaches the Kepala Bagian and the Sekretaris', async () => {
  const app = await startApp({ hash: `#/pk/${KASUBAG}/realisasi` });
  try {
    const { page } = app;
    await page.locator('#tw-1').click();
    const entry = page.locator('#budget-0-actual-1');
    // The field says it is one quarter's figure, not a running total.
    await expectText(page.locator('label[for="budget-0-actual-1"]'), 'Realisasi triwulan ini saja (bukan kumulatif)');
    await entry.fill('1.250.000.000');
    await saved(page);
    // 1.250.000.000 / 5.113.766.000 = 24,44 %.
    await expectText(page.locator('.budget-actual-summary').first(), 'Realisasi s.d. TW I: Rp 1.250.000.000 · Serapan: 24,44%');

    // The Kepala Bagian entered nothing: the figure comes from below, and says so.
    await go(page, `#/pk/${KABAG}/realisasi`);
    await page.locator('#tw-1').click();
    await expectText(page.locator('.budget-actual-summary').first(),
      'Realisasi s.d. TW I: Rp 1.250.000.000 (dijumlahkan dari PK di bawahnya) · Serapan: 12,19%');

    // The Sekretaris' LKj III.B (the office's LKj): 1.250.000.000 / 10.252.187.000 = 12,19 %.
    await go(page, `#/pk/${SEK}/lkj`);
    // It opens on TW I, the latest quarter reported below it, not on a TW IV nobody reported.
    await expectText(page.locator('.lkj-subtitle'), 'Laporan Kinerja Bab III.A, s.d. TW I');
    await expectText(page.locator('#tw-1[aria-pressed="true"]'), 'TW I');
    await expectTexts(page.locator('#lkj-budget tbody tr').first().locator('td.money'), ['Rp 10.252.187.000', 'Rp 1.250.000.000', '12,19%']);
    const csv = await fs.readFile(await download(page, () => page.locator('#export-lkj-csv').click()), 'utf8');
    assert.match(csv, /Program Dukungan Manajemen;Rp 10\.252\.187\.000;Rp 1\.250\.000\.000;12,19%/);
    // TW II has no figure anywhere: the spending so far never looks like TW II's.
    await page.locator('#tw-2').click();
    await expectTexts(page.locator('#lkj-budget tbody tr').first().locator('td.money'), ['Rp 10.252.187.000', 'Rp 1.250.000.000 (s.d. TW I)', '12,19%']);
    await page.locator('#tw-1').click();

    // The capaian view shows the same figure for the Sekretaris.
    await go(page, '#/capaian/2024');
    await page.locator('#tw-1').click();
    const sek = page.locator(`.capaian-card[data-id="${SEK}"] .capaian-budget tbody tr`).first();
    await sek.scrollIntoViewIfNeeded();
    await expectText(sek.locator('td.money').nth(1), 'Rp 1.250.000.000');

    // An own entry at the Kepala Bagian that differs from the sum below is used, and flagged.
    await go(page, `#/pk/${KABAG}/realisasi`);
    await page.locator('#tw-1').click();
    await page.locator('#budget-0-actual-1').fill('1.000.000.000');
    await saved(page);
    await expectText(page.locator('.budget-actual-summary').first(),
      /^Realisasi s\.d\. TW I: Rp 1\.000\.000\.000 · Serapan: 9,75% Isian di sini untuk TW I berbeda dengan jumlah PK di bawahnya \(mereka s\.d\. triwulan ini: Rp 1\.250\.000\.000\)/);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});
