// A quarter not reported never looks reported: after only TW I, TW II says "belum dilaporkan" on the
// realisasi page, in the capaian view and its chart, in the LKj and in the pohon kinerja, and the year
// to date says which quarter it runs through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { expectAttr, expectCount, expectText, until } from './lib/expect.mjs';

const KASUBAG = `${PK}kasubag-umum-logistik`;
const KABAG = `${PK}kabag-keuangan-umum-logistik`;
const ARSIP_KABAG = `${KABAG}/s06/i1`;
// The archive indicator (87,5 %) and the next one of the same PK.
const ARSIP = `${KASUBAG}/s01/i1`;
const field = (page, id, name) => page.locator(`#m-${id}-${name}`.replaceAll('/', '\\/'));
const NOT_REPORTED = 'belum dapat dinilai: belum dilaporkan';

test('after only TW I, TW II is "belum dilaporkan" everywhere, and the year to date runs through TW I', async () => {
  const app = await startApp({ hash: `#/pk/${KASUBAG}/realisasi` });
  try {
    const { page } = app;
    const card = page.locator(`.measure-indicator[data-indicator="${ARSIP}"]`);
    await page.locator('#tw-1').click();
    await field(page, ARSIP, 'actual').fill('50%');
    await saved(page);
    // 50 / 87,5 = 57,14 %.
    await expectText(card.locator('.measure-result'), /^Realisasi s\.d\. TW I: 50% · .* · Capaian: 57,14% · Predikat: Rendah$/);
    // Another indicator of the PK reports TW II, so TW II is the latest quarter of the year.
    const other = await page.locator('.measure-indicator').nth(1).getAttribute('data-indicator');
    assert.notEqual(other, ARSIP);
    await page.locator('#tw-2').click();
    await field(page, other, 'actual').fill('1');
    await saved(page);

    // The realisasi page: TW II of the archive has no capaian and no predikat.
    await expectText(card.locator('.measure-result'), `Realisasi s.d. TW I: 50% · Target PK: 87,5% · Capaian: ${NOT_REPORTED}`);

    // The capaian view: the row and its chart.
    await go(page, '#/capaian/2024');
    await page.locator('#tw-2').click();
    const row = page.locator(`.capaian-card[data-id="${KASUBAG}"] tr[data-indicator="${ARSIP}"]`);
    await row.scrollIntoViewIfNeeded();
    await expectText(row.locator('.actual'), '50% (s.d. TW I)');
    await expectText(row.locator('.capaian'), NOT_REPORTED);
    await expectText(row.locator('.predikat'), '—');
    await expectAttr(row.locator('svg.mini-chart'), 'aria-label', 'TW I 57,14%, TW II belum dilaporkan, TW III belum dilaporkan, TW IV belum dilaporkan');

    // The LKj through TW II (the latest quarter reported).
    await go(page, `#/pk/${KASUBAG}/lkj`);
    await expectText(page.locator('.lkj-subtitle'), 'Laporan Kinerja Bab III.A, s.d. TW II');
    const lkj = page.locator(`#lkj-table tr[data-indicator="${ARSIP}"]`);
    await expectText(lkj.locator('.actual'), '50% (s.d. TW I)');
    await expectText(lkj.locator('.capaian'), NOT_REPORTED);
    await expectText(lkj.locator('.predikat'), '—');
    // TW I itself is reported.
    await page.locator('#tw-1').click();
    await expectText(lkj.locator('.actual'), '50%');
    await expectText(lkj.locator('.capaian'), '57,14%');

    // The pohon kinerja: the opened box lists TW I's capaian and says TW II is not reported.
    await go(page, '#/pohon/2024');
    const box = page.locator(`#tree-canvas [data-id="${KASUBAG}"]`);
    await box.focus();
    await page.keyboard.press(' ');
    await expectAttr(box, 'aria-expanded', 'true');
    const lines = () => box.evaluate((g) => [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '));
    // The quarters wrap inside the box (issue 27): TW I and TW II on lines of their own here.
    await until(lines, (t) => t.includes('TW I 57,14% TW II belum dilaporkan'), 'TW II not reported in the tree');
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('one realisasi, one story: each level says what it measures against, and a plan being typed is not flagged', async () => {
  const app = await startApp({ hash: `#/pk/${KASUBAG}/realisasi` });
  try {
    const { page } = app;
    const card = page.locator(`.measure-indicator[data-indicator="${ARSIP}"]`);
    await page.locator('#tw-1').click();
    // The Kepala Sub Bagian plans 50 % for TW I and reports 50 %: 100 % against her Rencana Aksi.
    await field(page, ARSIP, 'plan').fill('50%');
    await field(page, ARSIP, 'actual').fill('50%');
    await saved(page);
    await expectText(card.locator('.measure-result'), 'Realisasi s.d. TW I: 50% · Rencana Aksi s.d. TW I: 50% · Capaian: 100,00% · Predikat: Sangat Tinggi');
    // The plan is still being written (TW IV decides a percentage): no warning yet.
    await expectCount(card.locator('.plan-check'), 0);
    // Once TW IV is planned short of the PK target, it asks for the reason.
    await page.locator('#tw-4').click();
    await field(page, ARSIP, 'plan').fill('85%');
    await expectText(card.locator('.plan-check p'), 'Rencana Aksi menuju 85%, bukan target PK 87,5%. Tuliskan alasannya:');

    // The Kepala Bagian has no Rencana Aksi: the same 50 % is measured against the PK target, and says so.
    await go(page, `#/pk/${KABAG}/realisasi`);
    await page.locator('#tw-1').click();
    const above = page.locator(`.measure-indicator[data-indicator="${ARSIP_KABAG}"]`);
    await expectText(above.locator('.measure-result'), 'Realisasi s.d. TW I: 50% · Target PK: 87,5% · Capaian: 57,14% · Predikat: Rendah');
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});
