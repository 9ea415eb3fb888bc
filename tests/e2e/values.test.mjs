// Values are judged right: a negative number is said to be negative (not "not a number"); implausible
// values are kept but questioned; a realisasi in another unit is named, not silently dropped from the
// year's total; predikat bands are checked at the band, and restoring them shows the restored values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { expectCount, expectText, expectValue } from './lib/expect.mjs';

const KASUBAG = `${PK}kasubag-umum-logistik`;
const ARSIP = `${KASUBAG}/s01/i1`;
const field = (page, id, name) => page.locator(`#m-${id}-${name}`.replaceAll('/', '\\/'));

test('negative, implausible and other-unit realisasi get their own words; bands are checked and restored', async () => {
  const app = await startApp({ hash: `#/pk/${KASUBAG}/realisasi` });
  try {
    const { page } = app;
    const card = page.locator(`.measure-indicator[data-indicator="${ARSIP}"]`);
    await page.locator('#tw-1').click();
    await field(page, ARSIP, 'actual').fill('-10%');
    await saved(page);
    await expectText(card.locator('.measure-result'), /Capaian: belum dapat dinilai: nilai negatif tidak diperbolehkan di sini$/);

    // 9999 % against 87,5 %: 11.427,43 %, kept, but questioned twice.
    await field(page, ARSIP, 'actual').fill('9999%');
    await saved(page);
    await expectText(card.locator('.measure-result'), /Capaian: 11\.427,43% · Predikat: Sangat Tinggi$/);
    await expectText(card.locator('.measure-odd li').first(), 'Periksa: persentase di atas 100% (9999%, TW I).');
    await expectText(card.locator('.measure-odd li').nth(1), 'Periksa: capaian di atas 200% (11.427,43%); apakah realisasi atau targetnya salah ketik?');

    // A count in another unit: the Sekretaris' first indicator counts 'kali' (8 kali a year); TW I typed
    // in 'Dok' is named and not added to the year's total.
    await go(page, `#/pk/${PK}sekretaris/realisasi`);
    const first = page.locator('.measure-indicator').first();
    const id = await first.getAttribute('data-indicator');
    const target = (await first.locator('.measure-facts strong').innerText()).trim();
    const unit = target.replace(/^[\d.,]+\s*/, '');
    assert.ok(unit && unit !== '%', `a count target: ${target}`);
    await page.locator('#tw-1').click();
    await field(page, id, 'actual').fill('3 Dok');
    await page.locator('#tw-2').click();
    await field(page, id, 'actual').fill(`2 ${unit}`);
    await saved(page);
    await expectText(first.locator('.measure-result'), new RegExp(`^Realisasi s\\.d\\. TW II: 2 ${unit} `));
    await expectText(first.locator('.measure-odd li'), `Tidak dijumlahkan: 3 Dok (TW I), satuannya bukan satuan target (${unit}).`);

    // Bands: a bound above the band over it is flagged at the band; Kembalikan predikat shows the restored values.
    await go(page, '#/data');
    const min = page.locator('#band-1-min');
    await min.fill('95');
    await saved(page);
    await expectText(page.locator('#band-1-min-msg'), 'Batas ini harus lebih rendah dari batas predikat di atasnya (90).');
    await min.fill('7x');
    await page.locator('#reset-bands').click();
    await expectValue(min, '75');
    await expectCount(page.locator('#band-1-min-msg'), 0, 'no message left once restored');
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});
