// Never the only copy: the backup reminder (the page clock moved by days), asking the browser to keep the
// site's storage, and restore points (kept before an import, restored through the import's preview, undone;
// one that no longer reads; storage without room for one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, newTab, reload, PK, DIST, saved } from './lib/app.mjs';
import { eventually, expectCount, expectText, expectValue } from './lib/expect.mjs';
import { download, importFiles, tmp } from './lib/files.mjs';
import { storedWorkspace } from './lib/stored.mjs';

const ZONE = 'Asia/Jayapura';
const at = (day, time = '09:00') => new Date(`2026-12-${String(day).padStart(2, '0')}T${time}:00+09:00`);

/** The browser agrees to keep the site's storage, and the test counts how often it was asked. */
const persistStub = `
  window.__persistCalls = 0;
  navigator.storage.persist = async () => { window.__persistCalls += 1; window.__persisted = true; return true; };
  navigator.storage.persisted = async () => !!window.__persisted;
`;

/** A change of the user's own on Data: how capaian is shown. */
async function ownChange(page, cap) {
  await go(page, '#/data');
  await page.locator('#cap-setting').selectOption(cap);
  await saved(page);
}

test('the reminder shows after the set days with changes and no copy, and an export ends it', async () => {
  const app = await startApp({ hash: '#/', timezoneId: ZONE, now: at(1), init: [persistStub] });
  try {
    const { page, context } = app;
    // The built-in data is not a change of the user's own: no reminder, however long it stays.
    await page.locator('#cascade').waitFor();
    await context.clock.setFixedTime(at(20));
    await go(page, '#/data');
    await expectText(page.locator('#last-copy'), 'Belum pernah ada salinan di luar browser ini.');
    await go(page, '#/');
    await page.locator('#cascade').waitFor();
    await expectCount(page.locator('.backup-reminder'), 0, 'no reminder without changes of the user\'s own');

    // The first change asks the browser once to keep the site's storage; Data says what it answered.
    await context.clock.setFixedTime(at(1));
    await ownChange(page, 'at100');
    await eventually(() => page.evaluate(() => window.__persistCalls), 1);
    await expectText(page.locator('#storage-persist'), /^Browser ini berjanji menjaga data Kinerja/);
    await ownChange(page, 'at120');
    await eventually(() => page.evaluate(() => window.__persistCalls), 1, 'asked once');
    await page.locator('#lang-en').click();
    await expectText(page.locator('#storage-persist'), /^This browser promised to keep Kinerja's data/);
    await page.locator('#lang-id').click();

    // Six days later: not yet (the default is seven days).
    await context.clock.setFixedTime(at(7));
    await go(page, '#/');
    await page.locator('#cascade').waitFor();
    await expectCount(page.locator('.backup-reminder'), 0);

    // Eight days later: Beranda says so, the header says it on every other page, never in the public view.
    await context.clock.setFixedTime(at(9));
    await go(page, '#/data');
    await expectText(page.locator('#reminder-header p'), 'Belum ada salinan data selama 8 hari.');
    await expectText(page.locator('#reminder-header-export'), 'Ekspor sekarang');
    await go(page, '#/');
    await expectText(page.locator('#reminder-home p'),
      'Data yang Anda ubah belum pernah disalin ke luar browser ini (8 hari sejak perubahan pertama). Ekspor semua data ke berkas agar tidak hilang.');
    await expectCount(page.locator('#reminder-header'), 0, 'on Beranda the page says it in full');
    await go(page, '#/publik');
    await page.locator('#published-info').waitFor();
    await expectCount(page.locator('.backup-reminder'), 0, 'never in the public view');

    // One click exports the whole workspace (the same file as Data's export), and the reminder is gone.
    await go(page, '#/');
    const file = await download(page, () => page.locator('#reminder-home-export').click());
    assert.match(path.basename(file), /^kpu-provinsi-maluku.*\.json$|\.json$/);
    const json = JSON.parse(await fs.readFile(file, 'utf8'));
    assert.equal(json.format, 'kinerja-pk');
    assert.equal(json.source.scope, 'workspace');
    assert.equal(json.agreements.length, 10);
    assert.equal(json.exported_at, '2026-12-09T09:00:00+09:00');
    await expectCount(page.locator('.backup-reminder'), 0, 'gone after the export');
    await go(page, '#/data');
    await expectText(page.locator('#last-copy'), 'Salinan terakhir di luar browser: 9 Desember 2026, 09.00.');
    await expectCount(page.locator('#reminder-header'), 0);

    // After a reload it is remembered; a new change and eight days bring it back, counted from the copy.
    await reload(page);
    await ownChange(page, 'none');
    await context.clock.setFixedTime(at(17, '10:00'));
    await go(page, '#/');
    await expectText(page.locator('#reminder-home p'), /^Belum ada salinan data selama 8 hari\. Data Kinerja hanya ada di browser ini/);
    await page.locator('#lang-en').click();
    await expectText(page.locator('#reminder-home p'), /^No copy of the data for 8 days\./);
    await expectText(page.locator('#reminder-home-export'), 'Export all data now');
    await page.locator('#lang-id').click();

    // The number of days is a setting on Data; 0 turns the reminder off.
    await go(page, '#/data');
    await expectValue(page.locator('#remind-days'), '7');
    await page.locator('#remind-days').fill('10');
    await expectCount(page.locator('#reminder-header'), 0, 'not yet after 8 of 10 days');
    await page.locator('#remind-days').fill('0');
    await reload(page);
    await go(page, '#/data');
    await expectValue(page.locator('#remind-days'), '0');
    await go(page, '#/');
    await page.locator('#cascade').waitFor();
    await expectCount(page.locator('.backup-reminder'), 0, 'off');
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

/** The built-in data as a file, with one PK's unit changed (as another office might send it). */
async function changedFile(unit) {
  const data = JSON.parse(await fs.readFile(path.join(DIST, 'data/kpu-maluku-2024.json'), 'utf8'));
  const pk = data.agreements.find((a) => a.id === `${PK}kasubag-keuangan`);
  pk.unit = unit;
  const file = path.join(tmp, 'kiriman-keuangan.json');
  await fs.writeFile(file, JSON.stringify(data));
  return file;
}

const unitOf = (page) => page.locator(`#cascade li[data-id="${PK}kasubag-keuangan"] > .pk-card .pk-card-facts dd`).first();

test('a restore point kept before an import is restored through the preview and undone', async () => {
  const app = await startApp({ hash: '#/data', timezoneId: ZONE, now: at(5) });
  try {
    const { page } = app;
    await expectText(page.locator('#points-empty'), 'Belum ada titik pemulihan.');
    const file = await changedFile('Sub Bagian Keuangan (kiriman)');
    await importFiles(page, [file]);
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: /^Impor selesai/ }).waitFor();
    await go(page, '#/');
    await expectText(unitOf(page), 'Sub Bagian Keuangan (kiriman)');

    // Data lists the point: its time, what happened with the file's name, its PKs and size.
    await go(page, '#/data');
    await expectCount(page.locator('#points tr.point'), 1);
    const row = page.locator('#points tr.point').first();
    await expectText(row.locator('td').nth(0), '5 Desember 2026, 09.00');
    await expectText(row.locator('td').nth(1), 'Sebelum impor kiriman-keuangan.json');
    await expectText(row.locator('td').nth(2), '10');
    await expectText(row.locator('td').nth(3), /^\d+(,\d)? KB$/);

    // Pulihkan: the import's preview, with the PK that differs taken back; nothing changes before confirming.
    const before = await storedWorkspace(page);
    await row.getByRole('button', { name: 'Pulihkan titik pemulihan 5 Desember 2026, 09.00' }).click();
    await expectText(page.locator('#restore-preview'), /^Memulihkan titik pemulihan 5 Desember 2026, 09\.00: periksa dan konfirmasi di bawah\./);
    await page.locator('#import-preview').waitFor();
    await expectValue(page.locator(`.import-row[data-id="${PK}kasubag-keuangan"] select`), 'Replace');
    await eventually(() => storedWorkspace(page), before, 'the preview writes nothing');
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: 'Titik pemulihan dipulihkan.' }).waitFor();
    await go(page, '#/');
    await expectText(unitOf(page), 'Sekretariat KPU Provinsi Maluku');

    // The restore kept a point of its own, and one undo takes it back.
    await go(page, '#/data');
    await expectTexts2(page);
    await page.keyboard.press('Control+z');
    await go(page, '#/');
    await expectText(unitOf(page), 'Sub Bagian Keuangan (kiriman)');
    await saved(page);
    await reload(page);
    await expectText(unitOf(page), 'Sub Bagian Keuangan (kiriman)');
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

/** After a restore: the newest point is the one kept before it, the import's below it. */
async function expectTexts2(page) {
  await expectCount(page.locator('#points tr.point'), 2);
  await expectText(page.locator('#points tr.point').nth(0).locator('td').nth(1), 'Sebelum memulihkan titik pemulihan');
  await expectText(page.locator('#points tr.point').nth(1).locator('td').nth(1), 'Sebelum impor kiriman-keuangan.json');
}

test('a restore point that no longer reads is said and changes nothing; Hapus removes one', async () => {
  const app = await startApp({ hash: '#/data', timezoneId: ZONE, now: at(6) });
  try {
    const { page } = app;
    // Restoring the built-in data keeps a point first.
    await page.locator('#restore-dataset').click();
    await page.locator('.confirm-yes').click();
    await expectCount(page.locator('#points tr.point'), 1);
    await expectText(page.locator('#points tr.point td').nth(1), 'Sebelum memulihkan data bawaan');
    const id = await page.locator('#points tr.point').getAttribute('data-id');
    await page.evaluate((id) => localStorage.setItem(`kinerja.v1.point.${id}`, 'rusak'), id);
    await saved(page);
    const before = await storedWorkspace(page);
    await page.locator('.point-restore').click();
    await expectText(page.locator('.notice.error'), /Titik pemulihan ini tidak dapat dibaca lagi \(datanya hilang atau rusak\)\. Data Anda tidak diubah\./);
    await expectCount(page.locator('#import-preview'), 0, 'no preview');
    await eventually(() => storedWorkspace(page), before, 'the workspace is untouched');
    await page.locator('.point-delete').click();
    await expectText(page.locator('#points-empty'), 'Belum ada titik pemulihan.');
    await eventually(() => page.evaluate((id) => localStorage.getItem(`kinerja.v1.point.${id}`), id), null);
  } finally {
    await app.stop();
  }
});

test('with no room in storage the restore point is skipped and the import still happens', async () => {
  const app = await startApp({ hash: '#/data', timezoneId: ZONE, now: at(7) });
  try {
    const { page } = app;
    await saved(page);
    // Fill the browser's storage up to a small remainder (as years of other data would).
    await page.evaluate((pk) => {
      // Room for the import's changed PK (and the save's small keys), not for a whole copy of the workspace.
      const spare = localStorage.getItem(`kinerja.v2.pk.${pk}`).length + 3000;
      let size = 1 << 20;
      let n = 0;
      while (size >= 1024) {
        try {
          localStorage.setItem(`filler.${n}`, 'x'.repeat(size));
          n += 1;
        } catch {
          size >>= 1;
        }
      }
      localStorage.removeItem('filler.0');
      localStorage.setItem('filler.0', 'x'.repeat((1 << 20) - spare));
    }, `${PK}kasubag-keuangan`);
    const file = await changedFile('Sub Bagian Keuangan (penuh)');
    await importFiles(page, [file]);
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: /^Impor selesai/ }).waitFor();
    await expectText(page.locator('#point-skipped'), /^Titik pemulihan terakhir (tidak dibuat|tidak dapat disimpan)/);
    await expectText(page.locator('#points-empty'), 'Belum ada titik pemulihan.');
    await go(page, '#/');
    await expectText(unitOf(page), 'Sub Bagian Keuangan (penuh)');
  } finally {
    await app.stop();
  }
});

test('a restore point kept in another tab appears in the list of this one without a reload', async () => {
  const app = await startApp({ hash: '#/data', timezoneId: ZONE, now: at(5) });
  try {
    const { page } = app;
    await expectText(page.locator('#points-empty'), 'Belum ada titik pemulihan.');
    const other = await newTab(app, '#/data');
    await importFiles(other, [await changedFile('Sub Bagian Keuangan (tab lain)')]);
    await other.locator('#import-confirm').click();
    await other.locator('.notice.success', { hasText: /^Impor selesai/ }).waitFor();
    await expectCount(page.locator('#points tr.point'), 1, 'the first tab lists the point the other kept');
    await expectText(page.locator('#points tr.point td').nth(1), 'Sebelum impor kiriman-keuangan.json');
  } finally {
    await app.stop();
  }
});
