// Foundation: the embedded 2024 PKs on screen, the document view, persistence and its failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, reload, texts, PK } from './lib/app.mjs';

test('first visit shows the 10 agreements in their cascade', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    await page.locator('#cascade').waitFor();
    assert.equal(await page.locator('h1').innerText(), 'Perjanjian Kinerja Tahun 2024');
    assert.equal(await page.locator('#cascade .pk-card').count(), 10);
    // One top (Sekretaris), three Kepala Bagian under it, two Kepala Sub Bagian under each.
    const top = page.locator('#cascade > li');
    assert.equal(await top.count(), 1);
    assert.match(await top.locator('> .pk-card .pk-card-title').innerText(), /^Sekretaris Komisi Pemilihan Umum Provinsi Maluku$/);
    const kabag = top.locator('> ul > li');
    assert.deepEqual(await kabag.locator('> .pk-card .pk-card-title').allInnerTexts(), [
      'Kepala Bagian Perencanaan, Data dan Informasi',
      'Kepala Bagian Keuangan, Umum dan Logistik',
      'Kepala Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat, Hukum dan SDM',
    ]);
    for (let i = 0; i < 3; i++) assert.equal(await kabag.nth(i).locator('> ul > li').count(), 2);
    const keuangan = kabag.nth(1).locator('> ul > li .pk-card-title');
    assert.deepEqual(await keuangan.allInnerTexts(), ['Kepala Sub Bagian Keuangan', 'Kepala Sub Bagian Umum dan Logistik']);
    // Who signs with whom, and the budget total of each PK.
    const sek = top.locator('> .pk-card');
    assert.match(await sek.innerText(), /Ilham dengan Syamsul Rifan Kubangun \(Ketua Komisi Pemilihan Umum Provinsi Maluku\)/);
    assert.match(await sek.innerText(), /Rp 13\.904\.576\.000/);
    assert.match(await sek.innerText(), /38 sasaran, 59 indikator/);
    assert.deepEqual(await texts(page, '#cascade .total-budget'), [
      'Rp 13.904.576.000', 'Rp 798.139.000', 'Rp 798.139.000', 'Rp 254.143.000', 'Rp 10.683.022.000',
      'Rp 5.138.411.000', 'Rp 5.544.601.000', 'Rp 2.169.272.000', 'Rp 1.885.191.000', 'Rp 284.081.000',
    ]);
    assert.match(await kabag.nth(2).locator('> .pk-card').innerText(), /\(nama belum diisi\) dengan Ilham/);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('an agreement page shows the statement, the full table, the budget and the signatures', async () => {
  const app = await startApp({ hash: `#/pk/${PK}sekretaris` });
  try {
    const { page } = app;
    await page.locator('#pk-table').waitFor();
    const statement = await page.locator('.statement').innerText();
    assert.match(statement, /KOMISI PEMILIHAN UMUM PROVINSI MALUKU/);
    assert.match(statement, /PERJANJIAN KINERJA TAHUN 2024/);
    assert.match(statement, /Nama\s*:\s*Ilham\s+Jabatan\s*:\s*Sekretaris Komisi Pemilihan Umum Provinsi Maluku/);
    assert.match(statement, /Selaku atasan pihak pertama, selanjutnya disebut pihak kedua/);
    // 38 sasaran whose cells span their indicators; 59 indicator rows in all.
    assert.equal(await page.locator('#pk-table tbody tr.objective-start').count(), 38);
    assert.equal(await page.locator('#pk-table tbody td.indicator').count(), 59);
    const second = page.locator('#pk-table tbody tr.objective-start').nth(1);
    assert.equal(await second.locator('th.objective').getAttribute('rowspan'), '3');
    assert.equal(await second.locator('td.col-no').innerText(), '2');
    const targets = await texts(page, '#pk-table td.target');
    assert.equal(targets[0], '8 kali');
    assert.ok(targets.includes('97,5%'));
    assert.ok(targets.includes('12 Satker (Provinsi/Kabupaten/Kota)'));
    assert.equal(targets.at(-1), '80%');
    // Budget, place and date, signatures.
    const budget = await texts(page, '#budget-table tbody tr');
    assert.deepEqual(budget.map((r) => r.replace(/\s+/g, ' ').trim()), [
      '1 Program Dukungan Manajemen Rp 10.252.187.000',
      '2 Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi Rp 3.652.389.000',
    ]);
    assert.equal(await page.locator('.lampiran .place-date').innerText(), 'Ambon, Januari 2024');
    assert.deepEqual(await texts(page, '.lampiran .signature .name'), ['Syamsul Rifan Kubangun', 'Ilham']);
    // Repairs are visible as notes under the document.
    assert.match(await page.locator('.pk-notes').innerText(), /Svamsul/);

    // A Kepala Sub Bagian: "-" printed in the budget is shown as such.
    await go(page, `#/pk/${PK}kasubag-keuangan`);
    await page.locator('#budget-table').getByText('Rp 5.138.411.000').waitFor();
    const rows = (await texts(page, '#budget-table tbody tr')).map((r) => r.replace(/\s+/g, ' ').trim());
    assert.deepEqual(rows, ['1 Program Dukungan Manajemen Rp 5.138.411.000', '2 Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi -']);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('printing shows the document without any app chrome', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kabag-perencanaan-data-informasi` });
  try {
    const { page } = app;
    await page.locator('#pk-table').waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.app-header', '.toolbar', '.app-footer', '.pk-notes']) {
      assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} is hidden in print`);
    }
    assert.equal(await page.locator('.statement').isVisible(), true);
    assert.equal(await page.locator('#pk-table').isVisible(), true);
    const breaks = await page.locator('.lampiran').evaluate((el) => getComputedStyle(el).breakBefore);
    assert.equal(breaks, 'page', 'the lampiran starts on its own page');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000, 'a PDF is produced');
  } finally {
    await app.stop();
  }
});

test('data and language survive a reload', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    await page.locator('#cascade').waitFor();
    const stored = await page.evaluate(() => localStorage.getItem('kinerja.v1.workspace'));
    assert.ok(stored && JSON.parse(stored).agreements.length === 10, 'the dataset is saved on the first visit');
    await page.locator('#lang-en').click();
    assert.equal(await page.locator('h1').innerText(), 'Performance Agreements 2024');
    await reload(page);
    assert.equal(await page.locator('h1').innerText(), 'Performance Agreements 2024');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.locator('#cascade').innerText(), /IDR 13,904,576,000/);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('unreadable stored data is never discarded silently', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    await page.evaluate(() => localStorage.setItem('kinerja.v1.workspace', '{"format":"kinerja-pk","version":1,"agreements":[{"id":'));
    await reload(page);
    await page.locator('#recovery-title').waitFor();
    assert.match(await page.locator('#recovery-reason').innerText(), /terpotong/);
    // The raw text can be downloaded and is still in storage.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#recovery-download').click()]);
    const fs = await import('node:fs/promises');
    assert.match(await fs.readFile(await download.path(), 'utf8'), /"agreements":\[\{"id":$/);
    assert.match(await page.evaluate(() => localStorage.getItem('kinerja.v1.workspace')), /"id":$/);
    // Starting fresh asks first, then loads the built-in data.
    await page.locator('#recovery-fresh').click();
    await page.locator('.confirm-yes').click();
    await page.locator('#cascade').waitFor();
    assert.equal(await page.locator('#cascade .pk-card').count(), 10);
    assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('kinerja.v1.workspace'))).agreements.length, 10);
  } finally {
    await app.stop();
  }
});

test('a save that does not fit says so and keeps the work in memory', async () => {
  const app = await startApp({ hash: '#/data' });
  try {
    const { page } = app;
    await page.locator('#restore-dataset').waitFor();
    const before = await page.evaluate(() => localStorage.getItem('kinerja.v1.workspace'));
    await page.evaluate(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === 'kinerja.v1.workspace') throw new DOMException('full', 'QuotaExceededError');
        return real.call(this, k, v);
      };
    });
    await page.locator('#restore-dataset').click();
    await page.locator('.confirm-yes').click();
    await page.locator('.notice.error').waitFor();
    assert.match(await page.locator('.notice.error').innerText(), /penyimpanan browser penuh/);
    assert.equal(await page.locator('#save-status').innerText(), 'Tidak tersimpan: penyimpanan penuh');
    assert.equal(await page.evaluate(() => localStorage.getItem('kinerja.v1.workspace')), before, 'the last good data survives');
  } finally {
    await app.stop();
  }
});
