// Editing: cascade a new PK, type, paste, undo, reload — through the UI only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, reload, texts, PK, saved } from './lib/app.mjs';
import { eventually, expectCount, expectDisabled, expectFocus, expectText, expectTexts, expectValue } from './lib/expect.mjs';

/** The editor's indicator rows as [text, target]. */
async function rows(page) {
  return page.locator('.indicator-row').evaluateAll((els) =>
    els.map((el) => [el.querySelector('textarea').value, el.querySelectorAll('input[type=text]')[0].value]),
  );
}

test('a new Kepala Sub Bagian PK is cascaded, edited, pasted into, undone and survives a reload', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kabag-keuangan-umum-logistik` });
  try {
    const { page } = app;
    // Cascade from the Kepala Bagian's document.
    await page.locator('#cascade-link').click();
    await page.locator('#pick-list').waitFor();
    await page.locator('#cascade-name').fill('Budi Santoso');
    await page.locator('#cascade-position').fill('Kepala Sub Bagian Logistik');
    await expectDisabled(page.locator('#cascade-create'), true, 'nothing picked yet');
    await page.locator('#pick-objective-12').check(); // Ketersediaan Logistik Pemilu (1 indicator)
    await page.locator('.pick-indicator').nth(0).check(); // the first indicator of sasaran 1
    await expectText(page.locator('.cascade-count'), '2 indikator dipilih.');
    await page.locator('#cascade-create').click();

    // The editor of the new PK: Pihak Kedua is the Kepala Bagian; the indicators are copied and linked.
    await page.locator('#editor').waitFor();
    await eventually(() => page.url(), /#\/pk\/.+\/ubah$/);
    await expectValue(page.locator('#pk-firstname'), 'Budi Santoso');
    await expectValue(page.locator('#pk-secondname'), 'M.Taha.Rahawarin');
    await expectValue(page.locator('#pk-secondposition'), 'Kepala Bagian Keuangan, Umum dan Logistik');
    await eventually(() => rows(page), [
      ['Persentase pejabat perbendaharaan yang menyelesaikan pertanggungjawaban penggunaan anggaran sesuai ketentuan', '90%'],
      ['Presentase Penyediaan Logistik Pemilu', '12 Satker'],
    ]);
    await expectCount(page.locator('.indicator-row .linked'), 2);

    // Targets: live feedback on how the text was understood.
    const target = page.locator('.indicator-row').nth(0).locator('input[type=text]');
    await target.fill('97,5%');
    await expectText(page.locator('.indicator-row').nth(0).locator('.hint'), /persentase: 97,5%/);
    await target.fill('sekitar sembilan puluh');
    await expectText(page.locator('.indicator-row').nth(0).locator('.hint'), /Bukan angka: disimpan sebagai teks/);
    await expectText(page.locator('.indicator-row').nth(0).locator('.issue'), /Target tanpa angka/);
    await target.fill('95%');

    // Rupiah: three ways of writing it, and nonsense refused with a message.
    const amount = page.locator('#budget-0-amount');
    await amount.fill('Rp 1.234.567.000');
    await expectText(page.locator('#budget-0-amount-hint'), /Tersimpan: Rp 1\.234\.567\.000/);
    await amount.fill('10252187000');
    await expectText(page.locator('#budget-0-amount-hint'), /Tersimpan: Rp 10\.252\.187\.000/);
    await amount.fill('sepuluh juta');
    await expectText(page.locator('#budget-0-amount-msg'), /Bukan jumlah rupiah/);
    await expectText(page.locator('#budget-total'), 'Rp 10.252.187.000', 'the last good amount is kept');
    await amount.fill('2.500.000');
    await page.locator('#budget-1-amount').fill('-');
    await expectText(page.locator('#budget-total'), 'Rp 2.500.000');

    // Paste rows copied from Word: a preview first, the line not understood is listed.
    const tsv = [
      'No\tSasaran Kegiatan\tIndikator kerja\tTarget',
      '1\t2\t3\t4',
      '1\tTerkelolanya gudang logistik\tPersentase gudang yang tertata\t80%',
      '\t\tJumlah laporan stok opname\t2 Lap',
      '2\tTerdistribusinya logistik\tPersentase logistik tepat waktu\t100%',
      'catatan tanpa kolom',
    ].join('\n');
    await page.locator('#paste-input').fill(tsv);
    await expectText(page.locator('.paste-summary'), 'Akan ditambahkan: 2 sasaran, 3 indikator.');
    await expectText(page.locator('#paste-skipped'), /Baris 6:.*catatan tanpa kolom.*tidak ada kolom/s);
    await expectCount(page.locator('.objective-editor'), 2, 'nothing added before confirming');
    await page.locator('#paste-add').click();
    await expectCount(page.locator('.objective-editor'), 4);
    await eventually(async () => (await rows(page)).slice(2), [
      ['Persentase gudang yang tertata', '80%'],
      ['Jumlah laporan stok opname', '2 Lap'],
      ['Persentase logistik tepat waktu', '100%'],
    ]);

    // Undo (Ctrl+Z) removes the pasted rows, redo (Ctrl+Shift+Z) brings them back.
    await page.locator('h1').click();
    await page.keyboard.press('Control+z');
    await expectCount(page.locator('.objective-editor'), 2);
    await page.keyboard.press('Control+Shift+z');
    await expectCount(page.locator('.objective-editor'), 4);

    // A mistake: delete an indicator, undo it with the button.
    await page.locator('.indicator-row').nth(3).getByRole('button', { name: 'Hapus indikator' }).click();
    await expectCount(page.locator('.indicator-row'), 4);
    await page.locator('#undo').click();
    await expectCount(page.locator('.indicator-row'), 5);

    // Type in a field, reload: the text is there, and undo still reverts the last change.
    await page.locator('#pk-notes').fill('Disusun ulang Januari');
    await reload(page);
    await page.locator('#editor').waitFor();
    await expectValue(page.locator('#pk-notes'), 'Disusun ulang Januari');
    await expectValue(page.locator('#budget-0-amount'), '2.500.000');
    await eventually(async () => (await rows(page)).length, 5);
    await expectDisabled(page.locator('#undo'), false, 'the undo history survives the reload');
    await page.locator('#undo').click();
    await expectValue(page.locator('#pk-notes'), '');
    await saved(page);

    // The new PK sits under its Kepala Bagian in the cascade, and reads as a document.
    await go(page, '#/');
    await page.locator('#cascade').waitFor();
    const keuangan = page.locator('#cascade > li > ul > li').nth(1);
    await eventually(() => keuangan.locator('> ul > li .pk-card-title').allInnerTexts(), [
      'Kepala Sub Bagian Keuangan', 'Kepala Sub Bagian Umum dan Logistik', 'Kepala Sub Bagian Logistik',
    ]);
    await keuangan.getByRole('link', { name: 'Kepala Sub Bagian Logistik' }).click();
    await page.locator('#pk-table').waitFor();
    await expectCount(page.locator('#pk-table tbody tr.objective-start'), 4);
    await expectTexts(page.locator('.lampiran .signature .name'), ['M.Taha.Rahawarin', 'Budi Santoso']);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('a change to a parent indicator shows on the child, which can take it', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kabag-perencanaan-data-informasi/ubah` });
  try {
    const { page } = app;
    await page.locator('#editor').waitFor();
    const first = page.locator('.indicator-row').nth(0).locator('textarea');
    await first.fill('Jumlah revisi rencana kerja yang telah ditetapkan');
    await go(page, `#/pk/${PK}kasubag-perencanaan/ubah`);
    await page.locator('#parent-changes').waitFor();
    await expectText(page.locator('#parent-changes'), /^1 indikator berbeda/);
    const diff = page.locator('.parent-diff');
    await expectText(diff.locator('del'), 'Jumlah revisi yang dilakukan terhadap rencana kerja yang telah ditetapkan');
    await expectText(diff.locator('ins'), 'Jumlah revisi rencana kerja yang telah ditetapkan');
    await expectValue(page.locator('.indicator-row').nth(0).locator('textarea'), 'Jumlah revisi yang dilakukan terhadap rencana kerja yang telah ditetapkan', 'never changed silently');
    await diff.locator('.take-parent').click();
    await expectValue(page.locator('.indicator-row').nth(0).locator('textarea'), 'Jumlah revisi rencana kerja yang telah ditetapkan');
    await expectCount(page.locator('.parent-diff'), 0);
    await expectCount(page.locator('#parent-changes'), 0);
  } finally {
    await app.stop();
  }
});

test('keyboard reordering keeps focus, checks show next to fields, and deleting asks about lower PKs', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kabag-perencanaan-data-informasi/ubah` });
  try {
    const { page } = app;
    await page.locator('#editor').waitFor();
    // Sasaran 2 has three indicators: move the first down with Alt+ArrowDown.
    const block = page.locator('.objective-editor').nth(1);
    const firstText = await block.locator('.indicator-row textarea').nth(0).inputValue();
    await block.locator('.indicator-row textarea').nth(0).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expectValue(block.locator('.indicator-row textarea').nth(1), firstText);
    await expectFocus(page, 'value', firstText, 'focus follows the moved row');
    await expectText(block.locator('.indicator-row .num').nth(1), '2.2');
    // Sasaran move with the keyboard too.
    await page.locator('.objective-editor').nth(2).locator('textarea').first().focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expectValue(page.locator('.objective-editor').nth(1).locator('textarea').first(), /^Tersedianya data/);

    // An empty indicator and a duplicate are marked, and the draft is still saved.
    const row = page.locator('.indicator-row').nth(0);
    await row.locator('textarea').fill('');
    await expectText(row.locator('.issue').first(), 'Belum diisi.');
    await row.locator('textarea').fill('Persentase Aplikasi KPU yang diterapkan secara terintegrasi');
    // The later copy (2.3, in the sasaran moved up above) is marked, pointing at the first one.
    const later = page.locator('.indicator-row').nth(3);
    await expectText(later.locator('.num'), '2.3');
    await expectText(later.locator('.issue').first(), 'Indikator yang sama sudah ada di 1.1.');
    await saved(page);
    await page.locator('#pk-unit').fill('');
    await expectText(page.locator('#pk-unit-msg'), 'Belum diisi.');
    await saved(page);

    // Deleting a PK with lower PKs asks what to do with them.
    await page.locator('#delete-agreement').click();
    await expectText(page.locator('.confirm-question'), /diturunkan ke 2 PK lain/);
    await page.locator('#delete-all').click();
    await page.locator('#cascade').waitFor();
    await expectCount(page.locator('#cascade .pk-card'), 7);
    await page.locator('#undo').click();
    await expectCount(page.locator('#cascade .pk-card'), 10);
  } finally {
    await app.stop();
  }
});

test('a new PK and a duplicate are created from the UI', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    await page.locator('#new-agreement').click();
    await page.locator('#editor').waitFor();
    await expectValue(page.locator('#pk-year'), '2024');
    await expectValue(page.locator('#pk-unit'), 'Sekretariat KPU Provinsi Maluku');
    await page.locator('#pk-firstposition').fill('Kepala Sub Bagian Baru');
    await page.locator('#pk-year').fill('20x5');
    await expectText(page.locator('#pk-year-msg'), /antara 1900 dan 2200/);
    await page.locator('#pk-year').fill('2025');
    await page.locator('#add-objective').click();
    await page.locator('.objective-editor textarea').first().fill('Sasaran baru');
    await page.locator('#duplicate').click();
    await page.locator('#editor').waitFor();
    await expectValue(page.locator('#pk-firstposition'), 'Kepala Sub Bagian Baru');
    await go(page, '#/tahun/2025');
    await page.locator('#cascade').waitFor();
    await expectCount(page.locator('#cascade .pk-card'), 2);
    await expectCount(page.locator('.year-tabs a'), 2);
  } finally {
    await app.stop();
  }
});
