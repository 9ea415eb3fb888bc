// No half-typed value is ever saved. Fields are typed key by key, as a user types
// (`pressSequentially`, not `fill`): a field is committed only when its whole text is understood, the
// rest is shown as unsaved, and "Buang isian ini" brings back the value from before the typing.
import { test } from 'node:test';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { expectCount, expectText, expectValue } from './lib/expect.mjs';

const KEUANGAN = `${PK}kasubag-keuangan`;
const TARGET = `#ind-${KEUANGAN}/s01/i1-target`.replaceAll('/', '\\/');
const ACTUAL = `#m-${KEUANGAN}/s01/i1-actual`.replaceAll('/', '\\/');

/** Replaces a field's text by typing `text` one key at a time (the first key replaces the selection). */
async function typeInto(locator, text) {
  await locator.click();
  await locator.press('ControlOrMeta+a');
  await locator.pressSequentially(text);
}

test('a budget amount and the year typed key by key: Rp 1,5 is never stored, Rp 1,5 M is 1.500.000.000, and discarding brings the old value back', async () => {
  const app = await startApp({ hash: `#/pk/${KEUANGAN}/ubah` });
  try {
    const { page } = app;
    const amount = page.locator('#budget-0-amount');
    await expectValue(amount, '5.138.411.000');

    // Stopped at `Rp 1,5`: a fraction of a Rupiah is not an amount.
    await typeInto(amount, 'Rp 1,5');
    await expectText(page.locator('#save-status'), 'Ada isian belum tersimpan');
    await expectText(page.locator('#budget-0-amount-msg'), /rupiah penuh, tanpa sen/);
    await page.locator('#done-editing').click();
    await expectText(page.locator('#pk-drafts li > span'), 'Anggaran: “Rp 1,5” — tidak disimpan karena tidak sah.');
    await page.locator('#pk-drafts .discard-draft').click();
    await expectCount(page.locator('#pk-drafts'), 0);
    await expectText(page.locator('#budget-table tbody tr').first().locator('.money'), 'Rp 5.138.411.000',
      'the amount from before the typing is back');
    await saved(page);

    // The whole of `Rp 1,5 M`: exactly one and a half miliar, in the field, the total and the document.
    await go(page, `#/pk/${KEUANGAN}/ubah`);
    await typeInto(amount, 'Rp 1,5 M');
    await expectText(page.locator('#budget-0-amount-hint'), 'Tersimpan: Rp 1.500.000.000');
    await expectText(page.locator('#budget-total'), 'Rp 1.500.000.000');
    await expectCount(page.locator('#budget-0-amount-msg'), 0);
    await saved(page);
    await typeInto(amount, '250 juta');
    await expectText(page.locator('#budget-total'), 'Rp 250.000.000');
    await saved(page);
    await page.locator('#done-editing').click();
    await expectText(page.locator('#budget-table tbody tr').first().locator('.money'), 'Rp 250.000.000');

    // The year: `2025` on the way to `20255` is understood, `20255` is not; discarding brings back 2024,
    // the year before the typing, not the 2025 passed on the way.
    await go(page, `#/pk/${KEUANGAN}/ubah`);
    await typeInto(page.locator('#pk-year'), '20255');
    await expectText(page.locator('#save-status'), 'Ada isian belum tersimpan');
    await expectText(page.locator('#pk-year-msg'), 'Tahun harus berupa angka antara 1900 dan 2200: belum disimpan.');
    await page.locator('#done-editing').click();
    await page.locator('#pk-drafts li', { hasText: 'Tahun' }).locator('.discard-draft').click();
    await expectCount(page.locator('#pk-drafts'), 0);
    await saved(page);
    await go(page, `#/pk/${KEUANGAN}/ubah`);
    await expectValue(page.locator('#pk-year'), '2024');
  } finally {
    await app.stop();
  }
});

test('a target, a realisasi and a realisasi anggaran typed key by key keep a half-typed number unsaved', async () => {
  const app = await startApp({ hash: `#/pk/${KEUANGAN}/ubah` });
  try {
    const { page } = app;
    const target = page.locator(TARGET);
    await expectValue(target, '90%');
    await typeInto(target, '82,5%');
    await expectText(page.locator(`${TARGET}-hint`), 'Dipahami sebagai persentase: 82,5%');
    await saved(page);
    await target.press('Tab'); // leaving the field ends this typing: 82,5% is what it held before the next
    // `82,` on the way to `82,75%`: not a figure yet, so it is not saved as the text "82,".
    await typeInto(target, '82,');
    await expectText(page.locator('#save-status'), 'Ada isian belum tersimpan');
    await expectText(page.locator(`${TARGET}-msg`), /Angka di depan belum terbaca utuh/);
    await page.locator('#done-editing').click();
    await page.locator('#pk-drafts li', { hasText: 'Target' }).locator('.discard-draft').click();
    await expectCount(page.locator('#pk-drafts'), 0);
    await saved(page);
    await go(page, `#/pk/${KEUANGAN}/ubah`);
    await expectValue(page.locator(TARGET), '82,5%', 'the target from before the typing');

    // The realisasi page: an indicator's realisasi and the realisasi anggaran.
    await go(page, `#/pk/${KEUANGAN}/realisasi`);
    await page.locator('#measure-list').waitFor();
    await page.locator('#tw-1').click();
    const actual = page.locator(ACTUAL);
    await typeInto(actual, '70,');
    await expectText(page.locator(`${ACTUAL}-msg`), /Angka di depan belum terbaca utuh/);
    await expectText(page.locator('#save-status'), 'Ada isian belum tersimpan');
    await actual.pressSequentially('5%');
    await expectCount(page.locator(`${ACTUAL}-msg`), 0);
    await saved(page);
    await expectText(page.locator(`.measure-indicator[data-indicator="${KEUANGAN}/s01/i1"] .measure-result`),
      /^Realisasi s\.d\. TW I: 70,5% /);

    // 1250000000 typed digit by digit stays what was typed (it was shown back as 1.250 and read as 1,25).
    const spent = page.locator('#budget-0-actual-1');
    await typeInto(spent, '1250000000');
    await expectValue(spent, '1250000000');
    await page.locator('#tw-2').focus();
    await expectValue(page.locator('#budget-0-actual-1'), '1.250.000.000');
    await expectText(page.locator('.budget-actual-summary').first(), /Rp 1\.250\.000\.000/);
    await saved(page);
  } finally {
    await app.stop();
  }
});
