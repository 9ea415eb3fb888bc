// Last year's realisasi can be entered when last year's PK is not in the data: typed on the realisasi
// page, shown in the LKj table, carried in the file to another office's browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { download } from './lib/files.mjs';
import { expectText, expectValue } from './lib/expect.mjs';

const KASUBAG = `${PK}kasubag-umum-logistik`;
const ARSIP = `${KASUBAG}/s01/i1`;
const previous = (page) => page.locator(`#m-${ARSIP}-previous`.replaceAll('/', '\\/'));
const lkjPrevious = (page) => page.locator(`#lkj-table tr[data-indicator="${ARSIP}"] .previous`);

test("last year's realisasi typed on the realisasi page reaches the LKj and another browser", async () => {
  let file;
  const a = await startApp({ hash: `#/pk/${KASUBAG}/realisasi` });
  try {
    const { page } = a;
    // The 2023 PK is not in the built-in data: the field says so, and the LKj shows nothing yet.
    await expectText(page.locator(`#m-${ARSIP}-previous-hint`.replaceAll('/', '\\/')), /^PK tahun lalu tidak ada di data ini/);
    await previous(page).fill('80%');
    await saved(page);
    await expectText(page.locator(`#m-${ARSIP}-previous-hint`.replaceAll('/', '\\/')), 'Diisi di sini: dipakai di kolom tahun lalu Tabel LKj.');
    await go(page, `#/pk/${KASUBAG}/lkj`);
    await expectText(lkjPrevious(page), '80%');
    await go(page, `#/pk/${KASUBAG}`);
    await page.locator('.export-menu summary').click();
    file = await download(page, () => page.locator('#export-pk').click());
    const json = JSON.parse(await fs.readFile(file, 'utf8'));
    const ind = json.agreements[0].objectives[0].indicators[0];
    assert.deepEqual(ind.measurement.previous.text, '80%');
  } finally {
    await a.stop();
  }
  // Another office imports it with the preview's defaults: the figure arrives.
  const b = await startApp({ hash: '#/data' });
  try {
    const { page } = b;
    await page.locator('#import-files').setInputFiles([file]);
    const row = page.locator(`.import-row[data-id="${KASUBAG}"]`);
    await expectValue(row.locator('select'), 'Merge');
    await row.locator('details.differences summary').click();
    await expectText(row.locator('details.differences'), /Realisasi tahun lalu 1\.1/);
    await page.locator('#import-confirm').click();
    await go(page, `#/pk/${KASUBAG}/lkj`);
    await expectText(lkjPrevious(page), '80%');
    assert.deepEqual(page.errors, []);
  } finally {
    await b.stop();
  }
});
