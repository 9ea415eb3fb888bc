// July, as played through a whole year: the Sekretariat signs a Perubahan of the Kepala Sub Bagian's PK
// while she keeps reporting. Her browser imports it with the preview's defaults: the Perubahan arrives,
// and the realisasi she entered that the file does not hold stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { download, importFiles } from './lib/files.mjs';
import { expectText, expectValue } from './lib/expect.mjs';
import { reviseTarget, sign } from './lib/life.mjs';

const KASUBAG = `${PK}kasubag-umum-logistik`;
const ARSIP = `${KASUBAG}/s01/i1`;
const field = (page, name) => page.locator(`#m-${ARSIP}-${name}`.replaceAll('/', '\\/'));

async function exportPk(page) {
  await go(page, `#/pk/${KASUBAG}`);
  await page.locator('.export-menu summary').click();
  return download(page, () => page.locator('#export-pk').click());
}

test('a Perubahan imported with the defaults keeps the realisasi entered in the receiving browser', async () => {
  const sek = await startApp({ hash: `#/pk/${KASUBAG}` });
  const kasubag = await startApp({ hash: '#/data' });
  try {
    // January: signed at the Sekretariat, sent to the Kepala Sub Bagian.
    await sek.page.locator('#sign-date').fill('2024-01-02');
    await sek.page.locator('#sign').click();
    await expectText(sek.page.locator('#stage'), /^Ditandatangani 2 Januari 2024\./);
    await saved(sek.page);
    const january = await exportPk(sek.page);
    await importFiles(kasubag.page, [january]);
    await kasubag.page.locator('#import-confirm').click();
    await go(kasubag.page, `#/pk/${KASUBAG}`);
    await expectText(kasubag.page.locator('#stage'), /^Ditandatangani 2 Januari 2024\./);

    // She reports TW III.
    await go(kasubag.page, `#/pk/${KASUBAG}/realisasi`);
    await kasubag.page.locator('#tw-3').click();
    await field(kasubag.page, 'actual').fill('75%');
    await saved(kasubag.page);

    // July: the Sekretariat signs Perubahan ke-1 with a new target and sends it.
    await reviseTarget(sek.page, { indicator: ARSIP, target: '95%' });
    await sek.page.locator('#done-editing').click();
    await sign(sek.page, '2024-07-20');
    await expectText(sek.page.locator('#stage'), /^Perubahan ke-1, ditandatangani 20 Juli 2024\./);
    await saved(sek.page);
    const july = await exportPk(sek.page);

    // Her browser: the default keeps her TW III and takes the Perubahan.
    await importFiles(kasubag.page, [july]);
    await expectValue(kasubag.page.locator(`.import-row[data-id="${KASUBAG}"] select`), 'Merge');
    await kasubag.page.locator('#import-confirm').click();
    await go(kasubag.page, `#/pk/${KASUBAG}`);
    await expectText(kasubag.page.locator('#stage'), /^Perubahan ke-1, ditandatangani 20 Juli 2024\./);
    const sidik = (await sek.page.locator('#fingerprint-current').innerText()).split(': ')[1];
    await expectText(kasubag.page.locator('#fingerprint-current'), `Sidik versi bertanda tangan: ${sidik}`);
    await go(kasubag.page, `#/pk/${KASUBAG}/realisasi`);
    await kasubag.page.locator('#tw-3').click();
    await expectValue(field(kasubag.page, 'actual'), '75%');
    assert.deepEqual(kasubag.page.errors, []);
    assert.deepEqual(sek.page.errors, []);
  } finally {
    await sek.stop();
    await kasubag.stop();
  }
});
