// Foundation: the embedded 2024 PKs on screen, the document view, persistence and its failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, reload, saved, texts, PK } from './lib/app.mjs';
import { eventually, expectAttr, expectCount, expectPage, expectText, expectTexts, expectVisible, until } from './lib/expect.mjs';
import { storedKeys, storedWorkspace } from './lib/stored.mjs';

test('first visit shows the 10 agreements in their cascade', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    await page.locator('#cascade').waitFor();
    await expectText(page.locator('h1'), 'Perjanjian Kinerja Tahun 2024');
    await expectCount(page.locator('#cascade .pk-card'), 10);
    // One top (Sekretaris), three Kepala Bagian under it, two Kepala Sub Bagian under each.
    const top = page.locator('#cascade > li');
    await expectCount(top, 1);
    await expectText(top.locator('> .pk-card .pk-card-title'), /^Sekretaris Komisi Pemilihan Umum Provinsi Maluku$/);
    const kabag = top.locator('> ul > li');
    await eventually(() => kabag.locator('> .pk-card .pk-card-title').allInnerTexts(), [
      'Kepala Bagian Perencanaan, Data dan Informasi',
      'Kepala Bagian Keuangan, Umum dan Logistik',
      'Kepala Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat, Hukum dan SDM',
    ]);
    for (let i = 0; i < 3; i++) await expectCount(kabag.nth(i).locator('> ul > li'), 2);
    const keuangan = kabag.nth(1).locator('> ul > li .pk-card-title');
    await eventually(() => keuangan.allInnerTexts(), ['Kepala Sub Bagian Keuangan', 'Kepala Sub Bagian Umum dan Logistik']);
    // Who signs with whom, and the budget total of each PK.
    const sek = top.locator('> .pk-card');
    await expectText(sek, /Ilham dengan Syamsul Rifan Kubangun \(Ketua Komisi Pemilihan Umum Provinsi Maluku\)/);
    await expectText(sek, /Rp 13\.904\.576\.000/);
    await expectText(sek, /38 sasaran, 59 indikator/);
    await expectTexts(page.locator('#cascade .total-budget'), [
      'Rp 13.904.576.000', 'Rp 798.139.000', 'Rp 798.139.000', 'Rp 254.143.000', 'Rp 10.683.022.000',
      'Rp 5.138.411.000', 'Rp 5.544.601.000', 'Rp 2.169.272.000', 'Rp 1.885.191.000', 'Rp 284.081.000',
    ]);
    await expectText(kabag.nth(2).locator('> .pk-card'), /\(nama belum diisi\) dengan Ilham/);
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
    const statement = page.locator('.statement');
    await expectText(statement, /KOMISI PEMILIHAN UMUM PROVINSI MALUKU/);
    await expectText(statement, /PERJANJIAN KINERJA TAHUN 2024/);
    await expectText(statement, /Nama\s*:\s*Ilham\s+Jabatan\s*:\s*Sekretaris Komisi Pemilihan Umum Provinsi Maluku/);
    await expectText(statement, /Selaku atasan pihak pertama, selanjutnya disebut pihak kedua/);
    // 38 sasaran whose cells span their indicators; 59 indicator rows in all.
    await expectCount(page.locator('#pk-table tbody tr.objective-start'), 38);
    await expectCount(page.locator('#pk-table tbody td.indicator'), 59);
    const second = page.locator('#pk-table tbody tr.objective-start').nth(1);
    await expectAttr(second.locator('th.objective'), 'rowspan', '3');
    await expectText(second.locator('td.col-no'), '2');
    await until(() => texts(page, '#pk-table td.target'), (t) => t[0] === '8 kali' && t.includes('97,5%')
      && t.includes('12 Satker (Provinsi/Kabupaten/Kota)') && t.at(-1) === '80%', 'the targets as printed');
    // Budget, place and date, signatures.
    await eventually(async () => (await texts(page, '#budget-table tbody tr')).map((r) => r.replace(/\s+/g, ' ').trim()), [
      '1 Program Dukungan Manajemen Rp 10.252.187.000',
      '2 Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi Rp 3.652.389.000',
    ]);
    // Jumlah: 10.252.187.000 + 3.652.389.000.
    await expectText(page.locator('#budget-jumlah'), /^Jumlah\s+Rp 13\.904\.576\.000$/);
    await expectText(page.locator('.lampiran .place-date'), 'Ambon, Januari 2024');
    await expectTexts(page.locator('.lampiran .signature .name'), ['Syamsul Rifan Kubangun', 'Ilham']);
    // Repairs are visible as notes under the document.
    await expectText(page.locator('.pk-notes'), /Svamsul/);

    // A Kepala Sub Bagian: "-" printed in the budget is shown as such.
    await go(page, `#/pk/${PK}kasubag-keuangan`);
    await page.locator('#budget-table tbody').getByText('Rp 5.138.411.000').waitFor();
    await eventually(async () => (await texts(page, '#budget-table tbody tr')).map((r) => r.replace(/\s+/g, ' ').trim()), ['1 Program Dukungan Manajemen Rp 5.138.411.000', '2 Penyelenggaraan Pemilu dalam proses Konsolidasi Demokrasi -']);
    // The "-" adds nothing to the Jumlah.
    await expectText(page.locator('#budget-jumlah'), /^Jumlah\s+Rp 5\.138\.411\.000$/);
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
      await expectVisible(page.locator(chrome).first(), false, `${chrome} is hidden in print`);
    }
    await expectVisible(page.locator('.statement'), true);
    await expectVisible(page.locator('#pk-table'), true);
    await expectPage(page, () => getComputedStyle(document.querySelector('.lampiran')).breakBefore, 'page',
      'the lampiran starts on its own page');
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
    await until(() => storedWorkspace(page),
      (stored) => stored && stored.agreements.length === 10, 'the dataset is saved on the first visit');
    await page.locator('#lang-en').click();
    await expectText(page.locator('h1'), 'Performance Agreements 2024');
    await reload(page);
    await expectText(page.locator('h1'), 'Performance Agreements 2024');
    await expectAttr(page.locator('html'), 'lang', 'en');
    await expectText(page.locator('#cascade'), /IDR 13,904,576,000/);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('unreadable stored data is never discarded silently', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    await until(() => storedWorkspace(page), (stored) => stored && stored.agreements.length === 10, 'saved');
    // One PK's piece damaged (as by a tool or a disk error): the others must not be lost.
    const damaged = `kinerja.v2.pk.${PK}kabag-keuangan-umum-logistik`;
    await page.evaluate((k) => localStorage.setItem(k, 'K  damaged'), damaged);
    await reload(page);
    await page.locator('#recovery-title').waitFor();
    await expectText(page.locator('#recovery-reason'), /^Sebagian data tersimpan rusak: 1 bagian tidak dapat dibuka/);
    // The raw text can be downloaded: every readable PK as JSON, the damaged piece as it is stored.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#recovery-download').click()]);
    const fs = await import('node:fs/promises');
    // A downloaded file is final: read it once.
    const raw = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
    assert.equal(raw.agreements.length, 10);
    assert.equal(raw.agreements.filter((a) => typeof a === 'object').length, 9);
    assert.ok(raw.agreements.includes('K  damaged'));
    await eventually(() => page.evaluate((k) => localStorage.getItem(k), damaged), 'K  damaged');
    // Starting fresh asks first, then loads the built-in data.
    await page.locator('#recovery-fresh').click();
    await page.locator('.confirm-yes').click();
    await page.locator('#cascade').waitFor();
    await expectCount(page.locator('#cascade .pk-card'), 10);
    await eventually(async () => (await storedWorkspace(page)).agreements.length, 10);
  } finally {
    await app.stop();
  }
});

test('a workspace stored by the first release (one key of JSON) is read and kept in the new layout', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    await until(() => storedWorkspace(page), (stored) => stored && stored.agreements.length === 10, 'saved');
    const file = await storedWorkspace(page);
    file.agreements[0].place = 'Tual';
    file.agreements = file.agreements.slice(0, 4);
    await page.evaluate((text) => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('kinerja.v2.')) localStorage.removeItem(k);
      localStorage.setItem('kinerja.v1.workspace', text);
    }, JSON.stringify(file));
    await reload(page);
    await expectCount(page.locator('#cascade .pk-card'), 4);
    await until(() => storedKeys(page), (keys) => keys.every(([k]) => k !== 'kinerja.v1.workspace')
      && keys.filter(([k]) => k.startsWith('kinerja.v2.pk.')).length === 4, 'rewritten as v2, v1 removed');
    const stored = await storedWorkspace(page);
    assert.equal(stored.agreements[0].place, 'Tual');
    await reload(page);
    await expectCount(page.locator('#cascade .pk-card'), 4);
  } finally {
    await app.stop();
  }
});

test('a save that does not fit says so and keeps the work in memory', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kabag-keuangan-umum-logistik/ubah` });
  try {
    const { page } = app;
    // An edit first, so that restoring the dataset below has a piece to write before the refused one.
    await page.locator('#pk-firstname').fill('Nama Baru');
    await saved(page);
    await go(page, '#/data');
    await page.locator('#restore-dataset').waitFor();
    // The workspace's keys: restore points are dropped first when storage is full (and one is kept before the
    // restore), so they are not part of the data that must survive.
    const workspaceKeys = async () => (await storedKeys(page)).filter(([k]) => !k.startsWith('kinerja.v1.point'));
    const before = await workspaceKeys();
    assert.ok(before.length > 10);
    // The last PK's piece is refused: the pieces written before it (the edited one) must get their old text back.
    await page.evaluate((last) => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === last) throw new DOMException('full', 'QuotaExceededError');
        return real.call(this, k, v);
      };
    }, `kinerja.v2.pk.${PK}kasubag-umum-logistik`);
    await page.locator('#restore-dataset').click();
    await page.locator('.confirm-yes').click();
    await page.locator('.notice.error').waitFor();
    await expectText(page.locator('.notice.error'), /penyimpanan browser penuh/);
    await expectText(page.locator('#save-status'), 'Tidak tersimpan: penyimpanan penuh');
    // Every piece written before the refusal has its old text back.
    await eventually(() => workspaceKeys(), before, 'the last good data survives');
  } finally {
    await app.stop();
  }
});
