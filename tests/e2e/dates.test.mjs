// Dates are the office's own dates: Maluku is nine hours ahead of UTC. With the browser in Asia/Jayapura
// (WIT, UTC+9) at 07:30 on 2 January the UTC date is still 1 January; every date the app derives from
// "now" (the date of signing and of a Perubahan, file names, the export's time) must be 2 January.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { download, importFiles } from './lib/files.mjs';
import { expectText, expectValue } from './lib/expect.mjs';

const KASUBAG = `${PK}kasubag-umum-logistik`;
const MALUKU = 'Asia/Jayapura';

/** Opens the Kepala Sub Bagian's PK at `now` in Maluku; runs `body` with the page. */
async function inMaluku(now, body) {
  const app = await startApp({ hash: `#/pk/${KASUBAG}`, timezoneId: MALUKU, now: new Date(now) });
  try {
    await body(app.page);
    assert.deepEqual(app.page.errors, []);
  } finally {
    await app.stop();
  }
}

test('07:30 on 2 January in Maluku is 2 January: signing, a Perubahan, file names and the export time', async () => {
  await inMaluku('2024-01-02T07:30:00+09:00', async (page) => {
    // The clock of the page really is at 22:30 UTC on 1 January.
    assert.equal(await page.evaluate(() => new Date().toISOString()), '2024-01-01T22:30:00.000Z');

    await expectValue(page.locator('#sign-date'), '2024-01-02');
    // The due dates count from 2 January: the PK is due on 31 January, in 29 days (not 30).
    await go(page, '#/tahun/2024');
    await expectText(page.locator('#next-due'), 'Tenggat berikutnya: PK ditandatangani, 31 Januari 2024 (29 hari lagi).');
    await go(page, '#/data');
    await expectText(page.locator('#calendar tr[data-due="tw1"] .due-left'), '99 hari lagi');
    // The office's own due date for TW I (its circular says the 15th): kept, and in the exported file.
    await page.locator('#due-tw1').fill('2024-04-15');
    await expectText(page.locator('#calendar tr[data-due="tw1"] .due-left'), '104 hari lagi');
    await saved(page);
    await go(page, `#/pk/${KASUBAG}`);
    await page.locator('#sign').click();
    await expectText(page.locator('#stage'), /^Ditandatangani 2 Januari 2024\./);
    await saved(page);

    // A Perubahan proposes today's local date too.
    await page.locator('#revise summary').click();
    await expectValue(page.locator('#revise-date'), '2024-01-02');

    // Downloads are named with the local date, and the file says when it was exported, with its offset.
    await page.locator('.export-menu summary').click();
    const json = await download(page, () => page.locator('#export-pk').click());
    assert.match(path.basename(json), /^pk-.+-2024-20240102\.json$/);
    const file = JSON.parse(await fs.readFile(json, 'utf8'));
    assert.equal(file.exported_at, '2024-01-02T07:30:00+09:00');

    await go(page, `#/pk/${KASUBAG}/lkj`);
    const csv = await download(page, () => page.locator('#export-lkj-csv').click());
    assert.match(path.basename(csv), /^pk-.+-2024-20240102-lkj\.csv$/);

    await go(page, '#/data');
    const all = await download(page, () => page.locator('#export-all').click());
    assert.match(path.basename(all), /-20240102\.json$/);
    assert.deepEqual(JSON.parse(await fs.readFile(all, 'utf8')).measure_settings.calendar, { 2024: { tw1: '2024-04-15' } });

    await go(page, '#/pohon/2024');
    const svg = await download(page, () => page.locator('#tree-svg').click());
    assert.match(path.basename(svg), /^pohon-kinerja-.+-2024-20240102\.svg$/);

    // The import preview shows the export time in local time, 07.30 (not 22.30 of the day before).
    await importFiles(page, [json]);
    await expectText(page.locator('#import-preview'), /2 Januari 2024, 07\.30/);
  });
});

test('23:30 on 31 December in Maluku is still 31 December', async () => {
  await inMaluku('2024-12-31T23:30:00+09:00', async (page) => {
    await expectValue(page.locator('#sign-date'), '2024-12-31');
    await go(page, '#/tahun/2024');
    // This office's PKs (the built-in ones) were never signed here: the first deliverable not in is the PK.
    await expectText(page.locator('#next-due'), 'Belum dikirim: PK ditandatangani, tenggat 31 Januari 2024 (terlambat 335 hari).');
    await go(page, '#/data');
    await expectText(page.locator('#calendar tr[data-due="tw3"] .due-left'), 'terlambat 82 hari');
    await go(page, `#/pk/${KASUBAG}`);
    await page.locator('.export-menu summary').click();
    const json = await download(page, () => page.locator('#export-pk').click());
    assert.match(path.basename(json), /^pk-.+-2024-20241231\.json$/);
    const file = JSON.parse(await fs.readFile(json, 'utf8'));
    assert.equal(file.exported_at, '2024-12-31T23:30:00+09:00');
  });
});
