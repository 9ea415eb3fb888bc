// Editing: cascade a new PK, type, paste, undo, reload — through the UI only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, reload, texts, focused, PK } from './lib/app.mjs';

const saved = async (page) => {
  await page.locator('#save-status', { hasText: /^Tersimpan$/ }).waitFor();
};

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
    assert.equal(await page.locator('#cascade-create').isDisabled(), true, 'nothing picked yet');
    await page.locator('#pick-objective-12').check(); // Ketersediaan Logistik Pemilu (1 indicator)
    await page.locator('.pick-indicator').nth(0).check(); // the first indicator of sasaran 1
    assert.equal(await page.locator('.cascade-count').innerText(), '2 indikator dipilih.');
    await page.locator('#cascade-create').click();

    // The editor of the new PK: Pihak Kedua is the Kepala Bagian; the indicators are copied and linked.
    await page.locator('#editor').waitFor();
    assert.match(page.url(), /#\/pk\/.+\/ubah$/);
    assert.equal(await page.locator('#pk-firstname').inputValue(), 'Budi Santoso');
    assert.equal(await page.locator('#pk-secondname').inputValue(), 'M.Taha.Rahawarin');
    assert.equal(await page.locator('#pk-secondposition').inputValue(), 'Kepala Bagian Keuangan, Umum dan Logistik');
    assert.deepEqual(await rows(page), [
      ['Persentase pejabat perbendaharaan yang menyelesaikan pertanggungjawaban penggunaan anggaran sesuai ketentuan', '90%'],
      ['Presentase Penyediaan Logistik Pemilu', '12 Satker'],
    ]);
    assert.equal(await page.locator('.indicator-row .linked').count(), 2);

    // Targets: live feedback on how the text was understood.
    const target = page.locator('.indicator-row').nth(0).locator('input[type=text]');
    await target.fill('97,5%');
    assert.match(await page.locator('.indicator-row').nth(0).locator('.hint').innerText(), /persentase: 97,5%/);
    await target.fill('sekitar sembilan puluh');
    assert.match(await page.locator('.indicator-row').nth(0).locator('.hint').innerText(), /Bukan angka: disimpan sebagai teks/);
    assert.match(await page.locator('.indicator-row').nth(0).locator('.issue').innerText(), /Target tanpa angka/);
    await target.fill('95%');

    // Rupiah: three ways of writing it, and nonsense refused with a message.
    const amount = page.locator('#budget-0-amount');
    await amount.fill('Rp 1.234.567.000');
    assert.match(await page.locator('#budget-0-amount-hint').innerText(), /Tersimpan: Rp 1\.234\.567\.000/);
    await amount.fill('10252187000');
    assert.match(await page.locator('#budget-0-amount-hint').innerText(), /Tersimpan: Rp 10\.252\.187\.000/);
    await amount.fill('sepuluh juta');
    assert.match(await page.locator('#budget-0-amount-msg').innerText(), /Bukan jumlah rupiah/);
    assert.equal(await page.locator('#budget-total').innerText(), 'Rp 10.252.187.000', 'the last good amount is kept');
    await amount.fill('2.500.000');
    await page.locator('#budget-1-amount').fill('-');
    assert.equal(await page.locator('#budget-total').innerText(), 'Rp 2.500.000');

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
    assert.equal(await page.locator('.paste-summary').innerText(), 'Akan ditambahkan: 2 sasaran, 3 indikator.');
    assert.match(await page.locator('#paste-skipped').innerText(), /Baris 6:.*catatan tanpa kolom.*tidak ada kolom/s);
    assert.equal(await page.locator('.objective-editor').count(), 2, 'nothing added before confirming');
    await page.locator('#paste-add').click();
    assert.equal(await page.locator('.objective-editor').count(), 4);
    assert.deepEqual((await rows(page)).slice(2), [
      ['Persentase gudang yang tertata', '80%'],
      ['Jumlah laporan stok opname', '2 Lap'],
      ['Persentase logistik tepat waktu', '100%'],
    ]);

    // Undo (Ctrl+Z) removes the pasted rows, redo (Ctrl+Shift+Z) brings them back.
    await page.locator('h1').click();
    await page.keyboard.press('Control+z');
    assert.equal(await page.locator('.objective-editor').count(), 2);
    await page.keyboard.press('Control+Shift+z');
    assert.equal(await page.locator('.objective-editor').count(), 4);

    // A mistake: delete an indicator, undo it with the button.
    await page.locator('.indicator-row').nth(3).getByRole('button', { name: 'Hapus indikator' }).click();
    assert.equal(await page.locator('.indicator-row').count(), 4);
    await page.locator('#undo').click();
    assert.equal(await page.locator('.indicator-row').count(), 5);

    // Type in a field, reload: the text is there, and undo still reverts the last change.
    await page.locator('#pk-notes').fill('Disusun ulang Januari');
    await reload(page);
    await page.locator('#editor').waitFor();
    assert.equal(await page.locator('#pk-notes').inputValue(), 'Disusun ulang Januari');
    assert.equal(await page.locator('#budget-0-amount').inputValue(), '2.500.000');
    assert.equal((await rows(page)).length, 5);
    assert.equal(await page.locator('#undo').isDisabled(), false, 'the undo history survives the reload');
    await page.locator('#undo').click();
    assert.equal(await page.locator('#pk-notes').inputValue(), '');
    await saved(page);

    // The new PK sits under its Kepala Bagian in the cascade, and reads as a document.
    await go(page, '#/');
    await page.locator('#cascade').waitFor();
    const keuangan = page.locator('#cascade > li > ul > li').nth(1);
    assert.deepEqual(await keuangan.locator('> ul > li .pk-card-title').allInnerTexts(), [
      'Kepala Sub Bagian Keuangan', 'Kepala Sub Bagian Umum dan Logistik', 'Kepala Sub Bagian Logistik',
    ]);
    await keuangan.getByRole('link', { name: 'Kepala Sub Bagian Logistik' }).click();
    await page.locator('#pk-table').waitFor();
    assert.equal(await page.locator('#pk-table tbody tr.objective-start').count(), 4);
    assert.deepEqual(await texts(page, '.lampiran .signature .name'), ['M.Taha.Rahawarin', 'Budi Santoso']);
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
    assert.match(await page.locator('#parent-changes').innerText(), /^1 indikator berbeda/);
    const diff = page.locator('.parent-diff');
    assert.equal(await diff.locator('del').innerText(), 'Jumlah revisi yang dilakukan terhadap rencana kerja yang telah ditetapkan');
    assert.equal(await diff.locator('ins').innerText(), 'Jumlah revisi rencana kerja yang telah ditetapkan');
    assert.equal(await page.locator('.indicator-row').nth(0).locator('textarea').inputValue(),
      'Jumlah revisi yang dilakukan terhadap rencana kerja yang telah ditetapkan', 'never changed silently');
    await diff.locator('.take-parent').click();
    assert.equal(await page.locator('.indicator-row').nth(0).locator('textarea').inputValue(), 'Jumlah revisi rencana kerja yang telah ditetapkan');
    assert.equal(await page.locator('.parent-diff').count(), 0);
    assert.equal(await page.locator('#parent-changes').count(), 0);
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
    assert.equal(await block.locator('.indicator-row textarea').nth(1).inputValue(), firstText);
    assert.equal(await focused(page, 'value', firstText), firstText, 'focus follows the moved row');
    assert.equal(await block.locator('.indicator-row .num').nth(1).innerText(), '2.2');
    // Sasaran move with the keyboard too.
    await page.locator('.objective-editor').nth(2).locator('textarea').first().focus();
    await page.keyboard.press('Alt+ArrowUp');
    assert.match(await page.locator('.objective-editor').nth(1).locator('textarea').first().inputValue(), /^Tersedianya data/);

    // An empty indicator and a duplicate are marked, and the draft is still saved.
    const row = page.locator('.indicator-row').nth(0);
    await row.locator('textarea').fill('');
    assert.equal(await row.locator('.issue').first().innerText(), 'Belum diisi.');
    await row.locator('textarea').fill('Persentase Aplikasi KPU yang diterapkan secara terintegrasi');
    // The later copy (2.3, in the sasaran moved up above) is marked, pointing at the first one.
    const later = page.locator('.indicator-row').nth(3);
    assert.equal(await later.locator('.num').innerText(), '2.3');
    assert.equal(await later.locator('.issue').first().innerText(), 'Indikator yang sama sudah ada di 1.1.');
    await saved(page);
    await page.locator('#pk-unit').fill('');
    assert.equal(await page.locator('#pk-unit-msg').innerText(), 'Belum diisi.');
    await saved(page);

    // Deleting a PK with lower PKs asks what to do with them.
    await page.locator('#delete-agreement').click();
    assert.match(await page.locator('.confirm-question').innerText(), /diturunkan ke 2 PK lain/);
    await page.locator('#delete-all').click();
    await page.locator('#cascade').waitFor();
    assert.equal(await page.locator('#cascade .pk-card').count(), 7);
    await page.locator('#undo').click();
    assert.equal(await page.locator('#cascade .pk-card').count(), 10);
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
    assert.equal(await page.locator('#pk-year').inputValue(), '2024');
    assert.equal(await page.locator('#pk-unit').inputValue(), 'Sekretariat KPU Provinsi Maluku');
    await page.locator('#pk-firstposition').fill('Kepala Sub Bagian Baru');
    await page.locator('#pk-year').fill('20x5');
    assert.match(await page.locator('#pk-year-msg').innerText(), /antara 1900 dan 2200/);
    await page.locator('#pk-year').fill('2025');
    await page.locator('#add-objective').click();
    await page.locator('.objective-editor textarea').first().fill('Sasaran baru');
    await page.locator('#duplicate').click();
    await page.locator('#editor').waitFor();
    assert.equal(await page.locator('#pk-firstposition').inputValue(), 'Kepala Sub Bagian Baru');
    await go(page, '#/tahun/2025');
    await page.locator('#cascade').waitFor();
    assert.equal(await page.locator('#cascade .pk-card').count(), 2);
    assert.equal(await page.locator('.year-tabs a').count(), 2);
  } finally {
    await app.stop();
  }
});
