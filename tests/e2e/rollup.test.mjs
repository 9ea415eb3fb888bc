// Rollup: the source document's budget gaps are flagged; fixing an amount clears the flag; coverage
// flags (orphans, matches by text) link to their fix and can be confirmed with one click.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, PK } from './lib/app.mjs';
import { eventually, expectCount, expectFocus, expectNoOverflow, expectText, expectVisible, until } from './lib/expect.mjs';

const flagTexts = async (page) =>
  (await page.locator('#budget-flags li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

test('the rollup shows every budget gap of the source document, and an edit clears one', async () => {
  const app = await startApp({ hash: '#/rollup/2024' });
  try {
    const { page } = app;
    await page.locator('#rollup-summary').waitFor();
    await expectText(page.locator('#summary-levels'), 'jenjang 1: 1 · jenjang 2: 3 · jenjang 3: 6');
    await expectText(page.locator('#summary-indicators'), /^177 indikator; 118 dari 118/);
    await expectText(page.locator('#summary-budget'), 'Tidak konsisten di 3 baris program: kelebihan alokasi Rp 254.143.000, kekurangan alokasi Rp 254.153.000.');
    await expectText(page.locator('#summary-coverage'), /^0 belum diturunkan, 0 tanpa induk, 0 target berbeda, 0 cocok/);
    await eventually(() => flagTexts(page), [
      'Sekretaris Komisi Pemilihan Umum Provinsi Maluku — Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi: Kurang dialokasikan Rp 254.143.000 Perbaiki',
      'Kepala Bagian Perencanaan, Data dan Informasi — Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi: Lebih dialokasikan Rp 254.143.000 Perbaiki',
      'Kepala Bagian Keuangan, Umum dan Logistik — Program Dukungan Manajemen: Kurang dialokasikan Rp 10.000 Perbaiki',
    ]);
    // The Kepala Bagian Keuangan's card: own, children's sum, signed difference.
    const kul = page.locator(`li[data-id="${PK}kabag-keuangan-umum-logistik"] > .rollup-card`);
    await expectText(kul.locator('.rollup-budget tbody tr').first(),
      /^Program Dukungan Manajemen\s+Rp 10\.252\.187\.000\s+Rp 10\.252\.177\.000\s+-Rp 10\.000\s+Kurang dialokasikan Rp 10\.000$/);
    // Leaves are not flagged; a printed "-" is shown as such.
    const leaf = page.locator(`li[data-id="${PK}kasubag-keuangan"] > .rollup-card`);
    await eventually(() => leaf.evaluate((el) => el.classList.contains('flagged')), false);
    await expectText(leaf.locator('.rollup-budget'), /Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi\s+-/);

    // "Perbaiki" opens the Kepala Bagian's budget line, focused.
    await page.locator('#budget-flags li').nth(2).getByRole('link', { name: 'Perbaiki' }).click();
    await page.locator('#editor').waitFor();
    await expectFocus(page, 'id', 'budget-0-amount');
    // Lowering the Kepala Bagian's own amount would only move the gap up to the Sekretaris:
    await page.locator('#budget-0-amount').fill('10.252.177.000');
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await until(() => flagTexts(page), (f) => /^Sekretaris .* Program Dukungan Manajemen: Kurang dialokasikan Rp 10\.000/.test(f[0]),
      'the gap moved up to the Sekretaris');
    // Undo on the rollup page itself: the view updates at once.
    await page.locator('#undo').click();
    await page.locator('#budget-flags li', { hasText: 'Kepala Bagian Keuangan' }).waitFor();
    await until(() => flagTexts(page), (f) => f.length === 3 && !/Program Dukungan Manajemen/.test(f[0]), 'undo restores the three gaps');
    // The Rp 10.000 belongs to a Kepala Sub Bagian: give it there and the sums agree at both levels.
    await go(page, `#/pk/${PK}kasubag-keuangan/ubah`);
    await page.locator('#budget-0-amount').fill('5.138.421.000');
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await until(() => flagTexts(page), (f) => f.length === 2, 'the flag cleared');
    await expectText(page.locator('#summary-budget'), 'Tidak konsisten di 2 baris program: kelebihan alokasi Rp 254.143.000, kekurangan alokasi Rp 254.143.000.');
    await expectText(kul.locator('.rollup-budget tbody tr').first(), /Rp 10\.252\.187\.000\s+Rp 10\.252\.187\.000\s+Sesuai/);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('coverage: an orphan links to its fix and a match by text is confirmed into a link', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kasubag-data-informasi/ubah` });
  try {
    const { page } = app;
    await page.locator('#editor').waitFor();
    // Paste two rows: one the Kepala Bagian has (spelled differently, no link), one it does not have.
    await page.locator('#paste-input').fill([
      '1\tSasaran tambahan\tPresentase  dokumen RDP yang tersedia dengan tepat waktu.\t80%',
      '\t\tJumlah aplikasi baru\t2 Aplikasi',
    ].join('\n'));
    await page.locator('#paste-add').click();
    await go(page, `#/rollup/2024/${PK}kabag-perencanaan-data-informasi`);
    await page.locator('#rollup-summary').waitFor();
    await expectText(page.locator('h1'), /Kepala Bagian Perencanaan, Data dan Informasi dan turunannya/);
    await expectCount(page.locator('.rollup-card'), 3, 'only the subtree');
    await expectText(page.locator('#summary-coverage'), /0 belum diturunkan, 1 tanpa induk, 0 target berbeda, 1 cocok menurut teks/);
    const card = page.locator(`li[data-id="${PK}kabag-perencanaan-data-informasi"] > .rollup-card`);
    await expectText(card.locator('.orphans'), /Jumlah aplikasi baru/);
    await expectText(card.locator('.unconfirmed'), /2\.3 Persentase dokumen RDP/);
    await card.locator('.confirm-link').click();
    await page.locator('.unconfirmed').waitFor({ state: 'detached' });
    await expectText(page.locator('#summary-coverage'), /0 cocok menurut teks/);
    // Every indicator with what carries it, drawn when opened; the confirmed link is now a plain carrier.
    await expectCount(card.locator('.coverage-table'), 0, 'not drawn while closed');
    await card.locator('.coverage-all summary').click();
    await expectText(card.locator('.coverage-table tbody tr', { hasText: 'Persentase dokumen RDP' }), /Kepala Sub Bagian Data dan Informasi \(80%\)$/);
    // The orphan's fix link opens the lower PK's editor on that indicator.
    await page.locator('.orphans .fix-link').click();
    await page.locator('#editor').waitFor();
    await expectFocus(page, 'value', 'Jumlah aplikasi baru');
  } finally {
    await app.stop();
  }
});

test('the rollup prints on A4 without app chrome and fits a 360 px phone', async () => {
  const app = await startApp({ hash: '#/rollup/2024', viewport: { width: 360, height: 740 } });
  try {
    const { page } = app;
    await page.locator('#rollup-summary').waitFor();
    await expectNoOverflow(page, 'no sideways scrolling on a phone');
    await expectVisible(page.locator('#budget-flags'));
    await page.emulateMedia({ media: 'print' });
    await expectVisible(page.locator('.app-header'), false);
    await expectVisible(page.locator('.fix-link').first(), false, 'no fix links on paper');
    await expectVisible(page.locator('#rollup-summary'), true);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000);
  } finally {
    await app.stop();
  }
});

