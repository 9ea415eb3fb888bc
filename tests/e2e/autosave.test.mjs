// Autosave to a file on disk (File System Access). Playwright cannot show the browser's own file dialog,
// so `showSaveFilePicker` is replaced by one that returns a real file handle of the Origin Private File
// System: the app writes it exactly as it would write a file the user picked, and the test reads it back.
// The browser's permission prompt is played by a stand-in of `queryPermission`/`requestPermission`
// (driven from the test), and a locked file by a `createWritable` that fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, reload, saved } from './lib/app.mjs';
import { eventually, expectCount, expectText, until } from './lib/expect.mjs';

const NAME = 'kinerja-simpan-otomatis.json';

const fakePicker = `
  window.__pickerCalls = 0;
  window.showSaveFilePicker = async (options) => {
    window.__pickerCalls += 1;
    const root = await navigator.storage.getDirectory();
    return root.getFileHandle(options?.suggestedName || 'kinerja.json', { create: true });
  };
  // The permission prompt after a reload: 'prompt' until the user allows it (test.perm in localStorage).
  const query = FileSystemHandle.prototype.queryPermission;
  FileSystemHandle.prototype.queryPermission = async function (d) {
    if (localStorage.getItem('test.perm') === 'prompt') return 'prompt';
    return query ? query.call(this, d) : 'granted';
  };
  FileSystemHandle.prototype.requestPermission = async function () {
    window.__asked = (window.__asked || 0) + 1;
    localStorage.removeItem('test.perm');
    return 'granted';
  };
  // A file locked by another program, or whose folder was moved away (test.locked in localStorage: the
  // browser's error name).
  const writable = FileSystemFileHandle.prototype.createWritable;
  FileSystemFileHandle.prototype.createWritable = function (...args) {
    const error = localStorage.getItem('test.locked');
    if (error) return Promise.reject(new DOMException('The file cannot be written', error));
    return writable.apply(this, args);
  };
`;

/** The autosave file's content, read from the Origin Private File System (null when it is not there). */
async function written(page) {
  return page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    try {
      const file = await (await root.getFileHandle(name)).getFile();
      return JSON.parse(await file.text());
    } catch {
      return null;
    }
  }, NAME);
}

/** A new PK (a change of the user's own), from Beranda. */
async function newPk(page) {
  await go(page, '#/');
  await page.locator('#new-agreement').click();
  await page.locator('#editor').waitFor();
  await saved(page);
}

test('autosave writes the whole workspace to the chosen file after each change, also after a reload', async () => {
  const app = await startApp({ hash: '#/data', init: [fakePicker] });
  try {
    const { page } = app;
    await expectText(page.locator('#autosave-state'), 'Simpan otomatis ke berkas belum aktif.');
    await page.locator('#autosave-choose').click();
    await expectText(page.locator('#autosave-state'), /^Menyimpan otomatis ke berkas kinerja-simpan-otomatis\.json\. Terakhir ditulis: \d+ \w+ \d{4}, \d\d\.\d\d\.$/);
    // Written at once, as a normal Kinerja file of the whole workspace (importable anywhere).
    let file = await until(() => written(page), (f) => f !== null, 'the file is written');
    assert.equal(file.format, 'kinerja-pk');
    assert.equal(file.source.scope, 'workspace');
    assert.equal(file.agreements.length, 10);
    // The copy counts for the reminder.
    await expectText(page.locator('#last-copy'), /^Salinan terakhir di luar browser: /);

    // A change: written about two seconds after the last one.
    await newPk(page);
    file = await until(() => written(page), (f) => f?.agreements.length === 11, 'the new PK is in the file', 8000);

    // After a reload the same file is written, without asking again where.
    await reload(page);
    await go(page, '#/data');
    await expectText(page.locator('#autosave-state'), /^Menyimpan otomatis ke berkas kinerja-simpan-otomatis\.json\. Belum ditulis sejak halaman ini dibuka/);
    await newPk(page);
    await until(() => written(page), (f) => f?.agreements.length === 12, 'written after the reload', 8000);
    assert.equal(await page.evaluate(() => window.__pickerCalls), 0, 'no file dialog after the reload');

    // When the browser asks again after a reload, one click allows writing and the file is written.
    await page.evaluate(() => localStorage.setItem('test.perm', 'prompt'));
    await reload(page);
    await go(page, '#/data');
    await expectText(page.locator('#autosave-state'),
      'Browser meminta izin lagi sebelum Kinerja menulis ke kinerja-simpan-otomatis.json. Data Anda aman di browser ini.');
    await page.locator('#autosave-allow').click();
    await expectText(page.locator('#autosave-last'), /^Terakhir ditulis: /);

    // Hentikan: no more writes, also after a reload.
    await page.locator('#autosave-stop').click();
    await expectText(page.locator('#autosave-state'), 'Simpan otomatis ke berkas belum aktif.');
    const stopped = await written(page);
    await newPk(page);
    await reload(page);
    await go(page, '#/data');
    await expectText(page.locator('#autosave-state'), 'Simpan otomatis ke berkas belum aktif.');
    assert.equal((await written(page)).agreements.length, stopped.agreements.length, 'not written after Hentikan');
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('a failed write (file locked, moved away) is said at once, and nothing is lost; a deleted file is written anew', async () => {
  const app = await startApp({ hash: '#/data', init: [fakePicker] });
  try {
    const { page } = app;
    await page.locator('#autosave-choose').click();
    await until(() => written(page), (f) => f !== null, 'the file is written');

    // Locked by another program: the notice says so at once, the work is saved in the browser.
    await page.evaluate(() => localStorage.setItem('test.locked', 'NoModificationAllowedError'));
    await newPk(page);
    await expectText(page.locator('.notice.error').first(),
      /^Simpan otomatis ke berkas gagal: berkas itu dihapus, dipindahkan, atau sedang dikunci program lain\. Tidak ada yang hilang/);
    await saved(page);
    await go(page, '#/data');
    await expectText(page.locator('#autosave-failed'), 'Penulisan terakhir gagal: berkas itu dihapus, dipindahkan, atau sedang dikunci program lain.');
    assert.equal((await written(page)).agreements.length, 10, 'the file keeps its last good content');

    // Unlocked: Tulis sekarang writes it and the message goes.
    await page.evaluate(() => localStorage.removeItem('test.locked'));
    await page.locator('#autosave-write').click();
    await expectCount(page.locator('#autosave-failed'), 0);
    await until(() => written(page), (f) => f?.agreements.length === 11, 'written again');

    // Moved away with its folder: said the same way at the next change, on Data too.
    await page.evaluate(() => localStorage.setItem('test.locked', 'NotFoundError'));
    await newPk(page);
    await expectText(page.locator('.notice.error').first(), /^Simpan otomatis ke berkas gagal: berkas itu dihapus, dipindahkan/);
    await go(page, '#/data');
    await expectText(page.locator('#autosave-failed'), /^Penulisan terakhir gagal: berkas itu dihapus, dipindahkan/);
    await saved(page);

    // Deleted from its folder: the browser writes it anew at the next write, with everything in it.
    await page.evaluate(() => localStorage.removeItem('test.locked'));
    await page.evaluate(async (name) => (await navigator.storage.getDirectory()).removeEntry(name), NAME);
    await page.locator('#autosave-write').click();
    await expectCount(page.locator('#autosave-failed'), 0);
    await until(() => written(page), (f) => f?.agreements.length === 12, 'the deleted file is written anew');
  } finally {
    await app.stop();
  }
});

test('in a browser without the File System Access API the option says why it is not there', async () => {
  const noApi = `delete window.showSaveFilePicker; delete Window.prototype.showSaveFilePicker;`;
  const app = await startApp({ hash: '#/data', init: [noApi] });
  try {
    const { page } = app;
    await expectText(page.locator('#autosave-state'), /^Browser ini tidak dapat menulis ke berkas pilihan Anda \(fitur ini ada di Chrome dan Edge di komputer\)/);
    await expectCount(page.locator('#autosave-choose'), 0);
    await page.locator('#lang-en').click();
    await expectText(page.locator('#autosave-state'), /^This browser cannot write to a file you choose/);
  } finally {
    await app.stop();
  }
});
