// Sharing files between offices: export, preview, choose, undo; bad and hostile files; two tabs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { download, importFiles, tmp } from './lib/files.mjs';
import { startApp, newTab, go, reload, PK, saved } from './lib/app.mjs';
import { eventually, expectCount, expectDisabled, expectText, expectValue } from './lib/expect.mjs';
import { storedWorkspace } from './lib/stored.mjs';

const stored = (page) => storedWorkspace(page);
const cards = (page) => page.locator('#cascade .pk-card').count();


/** Drops a file on the import area, as a drag and drop from the file manager would. */
async function dropFile(page, name, text) {
  await go(page, '#/data');
  await page.locator('#drop-zone').waitFor();
  const dataTransfer = await page.evaluateHandle(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/json' }));
    return dt;
  }, { name, text });
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
  await page.locator('#import-preview').waitFor();
}

test('a PK exported in one profile goes through preview, choice and undo in another that changed it', async () => {
  // Office A exports the Kepala Bagian Perencanaan's PK with its two lower PKs, and a CSV.
  const a = await startApp({ hash: `#/pk/${PK}kabag-perencanaan-data-informasi` });
  let subtreeFile, csvFile;
  try {
    await a.page.locator('.export-menu summary').click();
    subtreeFile = await download(a.page, () => a.page.locator('#export-subtree').click());
    assert.match(path.basename(subtreeFile), /^pk-kepala-bagian-perencanaan-data-dan-informasi-dan-turunan-2024-\d{8}\.json$/);
    await a.page.locator('.export-menu summary').click();
    csvFile = await download(a.page, () => a.page.locator('#export-csv').click());
  } finally {
    await a.stop();
  }
  const json = JSON.parse(await fs.readFile(subtreeFile, 'utf8'));
  assert.equal(json.format, 'kinerja-pk');
  assert.equal(json.version, 6);
  assert.match(json.generator, /^Kinerja \d+\.\d+\.\d+$/);
  assert.deepEqual(json.source, { office: 'Komisi Pemilihan Umum Provinsi Maluku', unit: 'Sekretariat KPU Provinsi Maluku', scope: 'subtree' });
  assert.match(json.exported_at, /^\d{4}-\d\d-\d\dT/);
  assert.deepEqual(json.agreements.map((x) => x.id), [
    `${PK}kabag-perencanaan-data-informasi`, `${PK}kasubag-perencanaan`, `${PK}kasubag-data-informasi`,
  ]);
  const csv = await fs.readFile(csvFile);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark for Excel');
  assert.match(csv.toString('utf8'), /;Persentase Aplikasi KPU yang diterapkan secara terintegrasi;80%;80;%\r\n/);

  // Office B has changed its copy of the Kepala Sub Bagian Data dan Informasi's PK.
  const b = await startApp({ hash: `#/pk/${PK}kasubag-data-informasi/ubah` });
  try {
    const { page } = b;
    await page.locator('#editor').waitFor();
    await page.locator('.indicator-row').nth(2).locator('input[type=text]').fill('85%');
    await page.locator('#pk-notes').fill('Revisi kantor B');
    await saved(page);
    const before = await stored(page);

    // Preview: nothing written yet; two are identical; B's own PK was changed here since it arrived
    // and the file holds the version it had before: the file is older, and B's work is kept by default.
    await importFiles(page, [subtreeFile]);
    await eventually(() => stored(page), before, 'the preview writes nothing');
    await expectText(page.locator('.file-result.accepted'), /dari Komisi Pemilihan Umum Provinsi Maluku \(satu PK beserta turunannya\)/);
    await eventually(() => page.locator('.import-row .status').evaluateAll((els) => els.map((e) => e.firstChild.textContent)), ['Sama persis dengan yang ada', 'Sama persis dengan yang ada', 'Berkas memuat versi lama; milik Anda lebih baru']);
    const row = page.locator(`.import-row[data-id="${PK}kasubag-data-informasi"]`);
    await row.locator('summary').click();
    const diff = row.locator('.diff-table tbody');
    await expectText(diff, /Catatan\s+Revisi kantor B\s+\(tidak ada\)|Catatan\s+Revisi kantor B\s*\n?/);
    await expectText(diff, /Target 1\.3\s+85%\s+80%/);
    await expectValue(row.locator('select'), 'KeepMine');

    // Keep both: the file's version arrives as a copy that says where it came from; undo removes it.
    await row.locator('select').selectOption('KeepBoth');
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: 'Impor selesai: 0 baru, 0 diganti, 0 digabung, 1 salinan, 2 dipertahankan' }).waitFor();
    await go(page, '#/');
    await eventually(() => cards(page), 11);
    await page.locator('#cascade .pk-card-title a', { hasText: 'Kepala Sub Bagian Data dan Informasi' }).nth(1).click();
    await expectText(page.locator('#origin'), /^Diimpor dari berkas pk-kepala-bagian-perencanaan-data-dan-informasi-dan-turunan-2024-\d{8}\.json \(Komisi Pemilihan Umum Provinsi Maluku; diekspor \d+ \w+ \d{4}, \d\d\.\d\d\) pada/);
    await page.locator('#undo').click();
    await go(page, '#/');
    await eventually(() => cards(page), 10);

    // Keep mine for all: nothing would change, so there is nothing to confirm.
    await dropFile(page, 'dari-kantor-a.json', await fs.readFile(subtreeFile, 'utf8'));
    await page.locator('#all-keep-mine').click();
    await expectDisabled(page.locator('#import-confirm'), true);
    await page.locator('#import-cancel').click();
    await eventually(() => stored(page), before);

    // Replace: the file's version wins; after a reload the import can still be undone in one step.
    await importFiles(page, [subtreeFile]);
    await row.locator('select').selectOption('Replace');
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: '1 diganti' }).waitFor();
    await reload(page);
    await go(page, `#/pk/${PK}kasubag-data-informasi`);
    await page.locator('#pk-table').waitFor();
    await expectText(page.locator('#pk-table td.target').nth(2), '80%');
    await expectText(page.locator('#origin'), /Diimpor dari berkas/);
    await page.locator('#undo').click();
    await page.locator('#pk-table td.target', { hasText: '85%' }).waitFor();
    await expectCount(page.locator('#origin'), 0);
    await expectText(page.locator('.pk-notes'), /Revisi kantor B/);
    assert.deepEqual(page.errors, []);
  } finally {
    await b.stop();
  }
});

test('every bad file gets its own message and storage stays unchanged', async () => {
  const app = await startApp({ hash: '#/data' });
  try {
    const { page } = app;
    const valid = await fs.readFile(new URL('../../public/data/kpu-maluku-2024.json', import.meta.url), 'utf8');
    const broken = JSON.parse(valid);
    broken.agreements[3].year = '2024';
    broken.agreements[3].objectives[2].indicators[0].target = 75;
    broken.agreements[1].budget[1].amount = '-5000';
    const files = {
      'kosong.json': '',
      'bukan-json.json': 'Nama;Jabatan\nIlham;Sekretaris',
      'terpotong.json': valid.slice(0, 5000),
      'versi-baru.json': JSON.stringify({ format: 'kinerja-pk', version: 9, agreements: [] }),
      'lain.json': JSON.stringify({ hello: 'world' }),
      'rusak.json': JSON.stringify(broken),
    };
    const paths = [];
    for (const [name, text] of Object.entries(files)) {
      const p = path.join(tmp, name);
      await fs.writeFile(p, text);
      paths.push(p);
    }
    const huge = path.join(tmp, 'terlalu-besar.json');
    await fs.writeFile(huge, Buffer.alloc(65 * 1024 * 1024, 32));
    paths.push(huge);
    const before = await stored(page);
    await importFiles(page, paths);
    const results = page.locator('.file-result');
    await expectCount(results, 7);
    await expectText(results.nth(0), /^kosong\.json: Berkas kosong/);
    await expectText(results.nth(1), /^bukan-json\.json: Berkas bukan JSON yang sah \(kesalahan pada baris 1, kolom 1\)/);
    await expectText(results.nth(2), /^terpotong\.json: Berkas terpotong/);
    await expectText(results.nth(3), /^versi-baru\.json: Berkas ini dibuat oleh versi Kinerja yang lebih baru \(format versi 9; aplikasi ini membaca sampai versi 6\)/);
    await expectText(results.nth(4), /^lain\.json: Berkas ini JSON, tetapi bukan berkas Kinerja/);
    await expectText(results.nth(5), /^rusak\.json: Berkas Kinerja ini memiliki 3 masalah; tidak ada yang diubah\./);
    await expectText(results.nth(5), /PK ke-4 › Tahun: harus berupa bilangan bulat/);
    await expectText(results.nth(5), /PK ke-4 › sasaran 3 › indikator 1 › Target: harus berupa objek/);
    await expectText(results.nth(5), /PK ke-2 › anggaran baris 2 › Anggaran: jumlah tidak boleh negatif/);
    await expectText(results.nth(6), /^terlalu-besar\.json: Berkas terlalu besar \(65 MB\); batasnya 64 MB\./);
    await expectDisabled(page.locator('#import-confirm'), true);
    await eventually(() => stored(page), before, 'nothing in storage changed');

    // The same in English.
    await page.locator('#lang-en').click();
    await expectText(page.locator('.file-result').nth(2), /terpotong\.json: The file is truncated/);
    await expectText(page.locator('.file-result').nth(5), /agreement 4 › Year: must be a whole number/);

    // A version 1 file (the original dataset) is upgraded; a file too large for storage is refused.
    await page.locator('#import-cancel').click();
    await importFiles(page, [new URL('../fixtures/format-v1-kpu-maluku-2024.json', import.meta.url).pathname]);
    await expectText(page.locator('.file-result'), /Format version 1: upgraded automatically/);
    await expectCount(page.locator('.import-row.identical'), 10);
    await page.locator('#import-cancel').click();
    const big = JSON.parse(valid);
    const copies = [];
    // Storage is compressed: notes of random letters (which do not compress) make 800 PKs too large.
    const { randomBytes } = await import('node:crypto');
    for (let n = 0; n < 80; n++) {
      for (const a of JSON.parse(valid).agreements) {
        const s = JSON.stringify(a).replaceAll('kpu-maluku-2024-', `copy${n}-`);
        copies.push({ ...JSON.parse(s), notes: randomBytes(12000).toString('base64').slice(0, 16000) });
      }
    }
    big.agreements = copies;
    const bigFile = path.join(tmp, 'besar.json');
    await fs.writeFile(bigFile, JSON.stringify(big));
    await importFiles(page, [bigFile]);
    await expectText(page.locator('#import-estimate'), /^Does not fit: after the import the data would use about \d+(\.\d)? MB/);
    await expectDisabled(page.locator('#import-confirm'), true);
    await eventually(() => stored(page), before);
  } finally {
    await app.stop();
  }
});

test('file content is shown as text, never run as HTML', async () => {
  const app = await startApp({ hash: '#/data' });
  try {
    const { page } = app;
    const valid = JSON.parse(await fs.readFile(new URL('../../public/data/kpu-maluku-2024.json', import.meta.url), 'utf8'));
    const a = valid.agreements[5];
    a.id = 'hostile-pk';
    a.parent = null;
    a.first_party.name = '<img src=x onerror="window.__pwned=1">';
    a.objectives[0].text = '<script>window.__pwned=2</script>Sasaran';
    a.objectives.forEach((o, i) => { o.id = `h-s${i}`; o.indicators.forEach((ind, j) => { ind.id = `h-i${i}-${j}`; delete ind.parent; }); });
    const file = path.join(tmp, '<i>hostile<i>.json');
    await fs.writeFile(file, JSON.stringify({ ...valid, agreements: [a] }));
    await importFiles(page, [file]);
    await expectText(page.locator('.import-row'), /<img src=x onerror="window.__pwned=1">/);
    await page.locator('#import-confirm').click();
    await go(page, '#/pk/hostile-pk');
    await page.locator('#pk-table').waitFor();
    await expectText(page.locator('.statement'), /<img src=x onerror="window.__pwned=1">/);
    await expectText(page.locator('#pk-table'), /<script>window.__pwned=2<\/script>Sasaran/);
    await expectCount(page.locator('#pk-document img, #pk-document script'), 0);
    await eventually(() => page.evaluate(() => window.__pwned), undefined);
    await expectText(page.locator('#origin'), /<i>hostile<i>\.json/);
  } finally {
    await app.stop();
  }
});

test('two tabs never silently overwrite each other', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kasubag-keuangan/ubah` });
  try {
    const a = app.page;
    await a.locator('#editor').waitFor();
    // Tab B's clock is controlled: paused below, so its pending save is still pending when A saves.
    const b = await newTab(app, `#/pk/${PK}kasubag-keuangan`, { fakeClock: true });
    await b.locator('#pk-table').waitFor();
    // A edits; B, idle, picks the change up and says so.
    await a.locator('#pk-notes').fill('Catatan dari tab A');
    await b.locator('.notice', { hasText: 'Perubahan dari tab lain telah dimuat.' }).waitFor();
    await expectText(b.locator('.pk-notes'), /Catatan dari tab A/);

    // Both change at once: B is told, and A's saved data is not overwritten.
    await go(b, `#/pk/${PK}kasubag-keuangan/ubah`);
    await b.locator('#editor').waitFor();
    // Jump a second ahead (B has nothing pending yet) and stop time there.
    await b.clock.pauseAt(await b.evaluate(() => Date.now() + 1000));
    await b.locator('#pk-place').fill('Ambon (tab B)');
    await go(a, '#/data');
    await a.locator('#restore-dataset').click();
    await a.locator('.confirm-yes').click();
    await b.locator('.conflict').waitFor();
    await b.clock.runFor(1000);
    await b.locator('#save-status', { hasText: 'Tidak tersimpan: data diubah di tab lain' }).waitFor();
    const place = async () => (await storedWorkspace(b)).agreements.find((x) => x.id === `${PK}kasubag-keuangan`).place;
    await eventually(place, 'Ambon', "A's data stays in storage");
    // B chooses to keep its own data: it is saved, and A picks it up.
    await b.locator('#conflict-keep').click();
    await saved(b);
    await eventually(place, 'Ambon (tab B)');
    await a.locator('.notice', { hasText: 'Perubahan dari tab lain telah dimuat.' }).waitFor();
    await go(a, `#/pk/${PK}kasubag-keuangan`);
    await expectText(a.locator('.lampiran .place-date'), 'Ambon (tab B), Januari 2024');
  } finally {
    await app.stop();
  }
});

test('a file with many PKs: the preview shows the first 50 and the rest on demand', async () => {
  const app = await startApp({ hash: '#/data' });
  try {
    const { page } = app;
    const seed = JSON.parse(await fs.readFile(new URL('../../public/data/kpu-maluku-2024.json', import.meta.url), 'utf8'));
    const many = [];
    for (let n = 0; n < 6; n++) {
      for (const a of seed.agreements) {
        const copy = JSON.parse(JSON.stringify(a).replaceAll('kpu-maluku-2024-', `salinan-${n}-`));
        many.push(copy);
      }
    }
    const file = path.join(tmp, 'banyak.json');
    await fs.writeFile(file, JSON.stringify({ ...seed, agreements: many }));
    await importFiles(page, [file]);
    await expectCount(page.locator('.import-row'), 50);
    await expectText(page.locator('#import-more'), 'Tampilkan 10 PK berikutnya (dari 60)');
    await page.locator('#import-more').click();
    await expectCount(page.locator('.import-row'), 60);
    await expectCount(page.locator('#import-more'), 0);
    await expectText(page.locator('#import-confirm'), /60/);
    await expectText(page.locator('#import-progress'), '');
  } finally {
    await app.stop();
  }
});
