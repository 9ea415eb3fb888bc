// A quarter's realisasi pasted from Excel on the realisasi page: a preview matches rows to indicators
// (by number or words) and lists what it could not match; applying is one undo step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, PK, saved } from './lib/app.mjs';
import { expectCount, expectText, expectValue } from './lib/expect.mjs';

const KASUBAG = `${PK}kasubag-umum-logistik`;
const ARSIP = `${KASUBAG}/s01/i1`;
const field = (page, id, name) => page.locator(`#m-${id}-${name}`.replaceAll('/', '\\/'));

test('TW II realisasi pasted from a spreadsheet: preview, what was not matched, one undo step', async () => {
  const app = await startApp({ hash: `#/pk/${KASUBAG}/realisasi` });
  try {
    const { page } = app;
    await page.locator('#tw-2').click();
    const second = await page.locator('.measure-indicator').nth(1).getAttribute('data-indicator');
    // The second indicator is pasted by its words alone (as a sheet without numbers has it).
    const heading = page.locator('.measure-indicator').nth(1).locator('.measure-heading');
    const num = (await heading.locator('.num').innerText()).trim();
    const words = (await heading.innerText()).trim().slice(num.length).trim();
    assert.ok(words.length > 5, words);
    await page.locator('#paste-actuals summary').click();
    await expectText(page.locator('#paste-actuals summary'), 'Tempel realisasi TW II dari Excel');
    // As copied from Excel: a heading row, the archive by number with its words shortened, a note and evidence,
    // the second indicator by its words, and a row for an indicator this PK does not have.
    const rows = [
      'No\tIndikator\tRealisasi\tKeterangan\tBukti',
      '1.1\tPersentase KPU yang mengelola arsip inaktif\t70%\tPenataan arsip di 11 kab/kota\tND-12/2024',
      `${words}\t3`,
      '9.9\tIndikator yang tidak ada\t5',
    ].join('\r\n');
    await page.locator('#paste-actuals-input').fill(rows);
    await expectText(page.locator('#paste-actuals-preview .paste-summary'), 'Cocok dengan indikator PK ini: 2 baris.');
    await expectCount(page.locator('#paste-actuals-preview tbody tr'), 2);
    await expectText(page.locator('#paste-actuals-skipped li'), /^Baris 4: 9\.9\tIndikator yang tidak ada\t5 — tidak ada indikator dengan nomor atau uraian ini di PK ini$/);
    await page.locator('#paste-actuals-apply').click();
    await expectText(page.locator('.notice-text').last(), 'Realisasi TW II diisi untuk 2 indikator.');
    await expectValue(field(page, ARSIP, 'actual'), '70%');
    await expectValue(field(page, ARSIP, 'note'), 'Penataan arsip di 11 kab/kota');
    await expectValue(field(page, ARSIP, 'evidence'), 'ND-12/2024');
    await expectValue(field(page, second, 'actual'), '3');
    await saved(page);
    // TW I is untouched.
    await page.locator('#tw-1').click();
    await expectValue(field(page, ARSIP, 'actual'), '');
    // One undo step takes the whole paste back.
    await page.locator('#tw-2').click();
    await page.locator('#undo').click();
    await expectValue(field(page, ARSIP, 'actual'), '');
    await expectValue(field(page, second, 'actual'), '');
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});
