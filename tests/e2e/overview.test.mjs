// The planner's overview (issue 27, points 1–3): each PK's status and what is left to complete on
// Beranda, Rekapitulasi and Pohon kinerja, with the year's counts and a filter for what needs work;
// names that follow the cascade; a signing date outside the PK's year asked about; a signed PK deleted
// only with its title typed, and brought back with its versions by Undo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { audit } from './lib/axe.mjs';
import { eventually, expectAttr, expectChecked, expectCount, expectDisabled, expectNoOverflow, expectText, expectValue, expectVisible } from './lib/expect.mjs';

const OUT = new URL('./.output/', import.meta.url).pathname;
const card = (page, id) => page.locator(`#cascade li[data-id="${PK}${id}"] > .pk-card`);
const rollupCard = (page, id) => page.locator(`#rollup-tree li[data-id="${PK}${id}"] > .rollup-card`);
// The Pihak Kedua's name as the document shows it.
const secondName = (page) => page.locator('section.statement .party-name').nth(1);
const box = (page, id) => page.locator(`#tree-canvas g[data-id="${PK}${id}"]`);

async function sign(page, id, date) {
  await go(page, `#/pk/${PK}${id}`);
  await page.locator('#sign-date').fill(date);
  await page.locator('#sign').click();
}

test('status on Beranda, Rekapitulasi and Pohon kinerja, counted per year, filtered to what needs work', async () => {
  const app = await startApp({ hash: '#/' });
  try {
    const { page } = app;
    // The built-in year: ten drafts, three with a name missing.
    await expectText(page.locator('#status-tally-counts'), '0 ditandatangani, 10 draf, 3 belum lengkap');
    await expectText(card(page, 'kasubag-keuangan').locator('.pk-status dd'), 'Draf');
    await expectText(card(page, 'kabag-teknis-hukum-sdm').locator('.pk-status dd'), 'Draf · 1 belum lengkap');

    await sign(page, 'kasubag-keuangan', '2024-01-02');
    await page.locator('#versions').waitFor();
    await go(page, '#/');
    await expectText(card(page, 'kasubag-keuangan').locator('.pk-status dd'), 'Ditandatangani 2 Januari 2024');
    await expectText(page.locator('#status-tally-counts'), '1 ditandatangani, 9 draf, 3 belum lengkap');

    // The filter, by keyboard: set, the signed PK's card is hidden, the others stay.
    await page.locator('#only-work').focus();
    await page.keyboard.press('Space');
    await expectChecked(page.locator('#only-work'));
    await expectText(page.locator('label:has(#only-work)'), 'Tampilkan hanya yang perlu dikerjakan (9)');
    await expectVisible(card(page, 'kasubag-keuangan'), false);
    await expectVisible(card(page, 'kasubag-umum-logistik'));

    // The same status and the same filter on the rollup.
    await go(page, '#/rollup/2024');
    await page.locator('#rollup-summary').waitFor();
    await expectChecked(page.locator('#only-work'));
    await expectText(page.locator('#status-tally-counts'), '1 ditandatangani, 9 draf, 3 belum lengkap');
    await expectVisible(rollupCard(page, 'kasubag-keuangan'), false);
    // Cards off screen are not laid out (content-visibility): brought into view to be read.
    await rollupCard(page, 'kabag-teknis-hukum-sdm').scrollIntoViewIfNeeded();
    await expectText(rollupCard(page, 'kabag-teknis-hukum-sdm').locator('.pk-status'), 'Status: Draf · 1 belum lengkap');

    // And on the tree: each box says its status; the list below the counts names what needs work.
    await go(page, '#/pohon/2024');
    await box(page, 'kasubag-keuangan').waitFor();
    // SVG text has no innerText: read its text content.
    await eventually(() => box(page, 'kasubag-keuangan').locator('text.status-done').first().textContent(), /^Ditandatangani 2 Januari/);
    await expectAttr(box(page, 'kasubag-keuangan'), 'class', /\bsettled\b/);
    await expectCount(page.locator('#needs-work-list li'), 9);
    await expectText(page.locator('#needs-work-list li').filter({ hasText: 'Kepala Bagian Teknis' }), /— Draf · 1 belum lengkap$/);

    // Cleared by keyboard: every box is back, the list is gone; on Beranda every card again.
    await page.locator('#only-work').focus();
    await page.keyboard.press('Space');
    await expectCount(page.locator('#needs-work-list'), 0);
    await expectAttr(box(page, 'kasubag-keuangan'), 'class', /^(?!.*\bsettled\b)/);
    await go(page, '#/');
    await expectVisible(card(page, 'kasubag-keuangan'));

    // A Perubahan being prepared is a draft of it.
    await go(page, `#/pk/${PK}kasubag-keuangan`);
    await page.locator('#revise summary').click();
    await page.locator('#revise-start').click();
    await page.locator('#editor').waitFor();
    await go(page, '#/');
    await expectText(card(page, 'kasubag-keuangan').locator('.pk-status dd'), 'Draf Perubahan ke-1');
    await expectText(page.locator('#status-tally-counts'), '0 ditandatangani, 9 draf, 1 draf Perubahan, 3 belum lengkap');
    await page.locator('#lang-en').click();
    await expectText(page.locator('#status-tally-counts'), '0 signed, 9 drafts, 1 revision draft, 3 incomplete');
    await expectText(card(page, 'kabag-teknis-hukum-sdm').locator('.pk-status dd'), 'Draft · 1 thing to complete');
  } finally {
    await app.stop();
  }
});

test('names follow the cascade: drafts in one undo step, a signed PK flagged, a hand-typed name and a wrong level flagged', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kasubag-teknis-parmas` });
  try {
    const { page } = app;
    await expectText(secondName(page), '(nama belum diisi)');
    // The Kepala Bagian's name is filled in: both of his Kepala Sub Bagian drafts follow.
    await go(page, `#/pk/${PK}kabag-teknis-hukum-sdm/ubah`);
    await page.locator('#pk-firstname').fill('Budi Santoso');
    await saved(page);
    await go(page, `#/pk/${PK}kasubag-teknis-parmas`);
    await expectText(secondName(page), 'Budi Santoso');
    await go(page, `#/pk/${PK}kasubag-hukum-sdm/ubah`);
    await expectValue(page.locator('#pk-secondname'), 'Budi Santoso');
    // One Undo takes back the name and what followed it.
    await page.locator('#undo').click();
    await expectValue(page.locator('#pk-secondname'), '');
    await go(page, `#/pk/${PK}kabag-teknis-hukum-sdm/ubah`);
    await expectValue(page.locator('#pk-firstname'), '');
    await page.locator('#redo').click();
    await expectValue(page.locator('#pk-firstname'), 'Budi Santoso');

    // A name typed by hand that differs is flagged, and the parent's is taken with one button.
    await go(page, `#/pk/${PK}kasubag-hukum-sdm/ubah`);
    await page.locator('#pk-secondname').fill('Orang Lain');
    await expectText(page.locator('#party-flags li[data-flag="name"]'), 'Nama Pihak Kedua tidak sama dengan Pihak Pertama PK atasan (Budi Santoso).');
    await page.locator('#take-parent-party').click();
    await expectValue(page.locator('#pk-secondname'), 'Budi Santoso');
    await expectCount(page.locator('#party-flags'), 0);

    // A signed lower PK does not change by itself: its page shows the difference and the Perubahan.
    await sign(page, 'kasubag-keuangan', '2024-01-02');
    await page.locator('#versions').waitFor();
    await go(page, `#/pk/${PK}kabag-keuangan-umum-logistik/ubah`);
    await page.locator('#pk-firstname').fill('M. Taha Rahawarin, S.E.');
    await saved(page);
    await go(page, `#/pk/${PK}kasubag-umum-logistik/ubah`);
    await expectValue(page.locator('#pk-secondname'), 'M. Taha Rahawarin, S.E.');
    await go(page, `#/pk/${PK}kasubag-keuangan`);
    await expectText(page.locator('#party-differs'), /Nama Pihak Kedua tidak sama dengan Pihak Pertama PK atasan \(M\. Taha Rahawarin, S\.E\.\)\.\s+PK ini sudah ditandatangani: pergantian pejabat dibuat sebagai Perubahan\./);
    await expectVisible(page.locator('#revise summary'));
    await expectText(secondName(page), 'M.Taha.Rahawarin');

    // A Kepala Bagian signing as Pihak Pertama under a Kepala Bagian: flagged, never changed.
    await go(page, `#/pk/${PK}kasubag-perencanaan/ubah`);
    await expectText(page.locator('#party-flags li[data-flag="level"]'), /^Jabatan Pihak Pertama \(Kepala Bagian Perencanaan\) tidak berada di bawah jabatan atasannya \(Kepala Bagian Perencanaan, Data dan Informasi\)/);
    await expectValue(page.locator('#pk-firstposition'), 'Kepala Bagian Perencanaan');
  } finally {
    await app.stop();
  }
});

test('a signing date outside the year asks first; a signed PK is deleted only with its title typed, and Undo brings it back with its versions', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kasubag-keuangan` });
  try {
    const { page } = app;
    await page.locator('#sign-date').fill('2026-12-01');
    await page.locator('#sign').click();
    await expectText(page.locator('#sign-date-question'), 'Tanggal 1 Desember 2026 berada di luar tahun PK (2024). PK biasanya ditandatangani pada tahunnya atau pada bulan Desember sebelumnya. Tetap tandatangani dengan tanggal ini?');
    await expectText(page.locator('#stage'), /^Draf: belum ditandatangani/);
    await page.locator('#sign-date-cancel').click();
    await expectCount(page.locator('#sign-date-unusual'), 0);
    await expectText(page.locator('#stage'), /^Draf: belum ditandatangani/);
    // The December before the year is usual: signed at once.
    await page.locator('#sign-date').fill('2023-12-20');
    await page.locator('#sign').click();
    await expectText(page.locator('#stage'), /^Ditandatangani 20 Desember 2023\./);
    // Confirmed, an unusual date is kept.
    await sign(page, 'kasubag-umum-logistik', '2026-12-01');
    await page.locator('#sign-date-confirm').click();
    await expectText(page.locator('#stage'), /^Ditandatangani 1 Desember 2026\./);

    // Deleting the signed PK: its versions go with it, and its title must be typed.
    await go(page, `#/pk/${PK}kasubag-keuangan/ubah`);
    await page.locator('#delete-agreement').click();
    await expectText(page.locator('#delete-question'), /^Hapus PK ini\? \(dapat diurungkan\) PK ini sudah ditandatangani\. Menghapusnya juga menghapus 1 versi bertanda tangannya \(dapat diurungkan: Urungkan mengembalikan PK beserta versinya\)\. Untuk mengonfirmasi, ketik judulnya seperti di daftar PK: Kepala Sub Bagian Keuangan/);
    await expectDisabled(page.locator('#delete-confirm'));
    await page.locator('#delete-type-unit').fill('Kepala Sub Bagian');
    await expectDisabled(page.locator('#delete-confirm'));
    await page.locator('#delete-type-unit').fill('kepala sub bagian  keuangan');
    await expectDisabled(page.locator('#delete-confirm'), false);
    await page.locator('#delete-confirm').click();
    await page.locator('#cascade').waitFor();
    await expectCount(page.locator('#cascade .pk-card'), 9);
    await page.locator('#undo').click();
    await expectCount(page.locator('#cascade .pk-card'), 10);
    await expectText(card(page, 'kasubag-keuangan').locator('.pk-status dd'), 'Ditandatangani 20 Desember 2023');
    await go(page, `#/pk/${PK}kasubag-keuangan`);
    await expectCount(page.locator('#versions .version-row'), 1);

    // Above a signed PK: deleting only the Kepala Bagian asks nothing to type; deleting it with the PKs
    // below it (two, both signed) asks for its title.
    await go(page, `#/pk/${PK}kabag-keuangan-umum-logistik/ubah`);
    await page.locator('#delete-agreement').click();
    await expectText(page.locator('#delete-question'), 'PK ini diturunkan ke 2 PK lain. Apa yang terjadi dengan PK turunannya? 2 PK di bawahnya sudah ditandatangani: menghapus semuanya juga menghapus versi bertanda tangan mereka (dapat diurungkan). Untuk menghapus semuanya, ketik judul PK ini seperti di daftar PK: Kepala Bagian Keuangan, Umum dan Logistik');
    await expectText(page.locator('#delete-all'), 'Hapus PK ini beserta 2 PK di bawahnya (semua tingkat)');
    await expectDisabled(page.locator('#delete-detach'), false);
    await expectDisabled(page.locator('#delete-all'));
    await page.locator('#delete-type-unit').fill('Kepala Bagian Keuangan, Umum dan Logistik');
    await expectDisabled(page.locator('#delete-all'), false);
    await page.locator('.confirm-no').click();
    // The Sekretaris' PK takes all nine below it, at every level.
    await go(page, `#/pk/${PK}sekretaris/ubah`);
    await page.locator('#delete-agreement').click();
    await expectText(page.locator('#delete-all'), 'Hapus PK ini beserta 9 PK di bawahnya (semua tingkat)');

    // A draft is deleted with the plain question, nothing to type.
    await go(page, `#/pk/${PK}kasubag-data-informasi/ubah`);
    await page.locator('#delete-agreement').click();
    await expectText(page.locator('#delete-question'), 'Hapus PK ini? (dapat diurungkan)');
    await expectCount(page.locator('#delete-type-unit'), 0);
    await expectDisabled(page.locator('#delete-confirm'), false);
  } finally {
    await app.stop();
  }
});

const VIEWPORTS = [['1366', { width: 1366, height: 900 }], ['360', { width: 360, height: 740 }]];

for (const [size, viewport] of VIEWPORTS) {
  test(`the overview, the flags and the questions pass the audit at ${size} px in both languages`, async () => {
    const app = await startApp({ hash: '#/', viewport });
    try {
      const { page } = app;
      await fs.mkdir(OUT, { recursive: true });
      const found = [];
      const check = async (name) => {
        for (const v of await audit(page)) found.push(`${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.join(', ')}`);
      };
      await sign(page, 'kasubag-keuangan', '2024-01-02');
      await page.locator('#versions').waitFor();
      for (const lang of ['id', 'en']) {
        await page.locator(`#lang-${lang}`).click();
        await go(page, '#/');
        await page.locator('#status-tally').waitFor();
        await page.locator('#only-work').check();
        await expectNoOverflow(page, 'home with the filter');
        await check(`${lang} home filtered`);
        if (size === '360') await page.screenshot({ path: path.join(OUT, `overview-home-${lang}-360.png`), fullPage: true });
        await go(page, '#/rollup/2024');
        await page.locator('#rollup-summary').waitFor();
        await check(`${lang} rollup filtered`);
        await go(page, '#/pohon/2024');
        await page.locator('#needs-work-list').waitFor();
        await expectNoOverflow(page, 'tree with the list');
        await check(`${lang} tree filtered`);
        if (size === '360') await page.screenshot({ path: path.join(OUT, `overview-tree-${lang}-360.png`) });
        await page.locator('#only-work').uncheck();
        await go(page, `#/pk/${PK}kasubag-perencanaan/ubah`);
        await page.locator('#party-flags').waitFor();
        await page.locator('#delete-agreement').click();
        await check(`${lang} editor with flags and the delete question`);
        if (size === '360') await page.screenshot({ path: path.join(OUT, `overview-editor-${lang}-360.png`), fullPage: true });
        await go(page, `#/pk/${PK}kasubag-keuangan/ubah`);
        await page.locator('#delete-agreement').click();
        await page.locator('#delete-type-unit').waitFor();
        await expectNoOverflow(page, 'the signed delete question');
        await check(`${lang} signed delete question`);
        await go(page, `#/pk/${PK}kasubag-data-informasi`);
        await page.locator('#sign-date').fill('2026-12-01');
        await page.locator('#sign').click();
        await page.locator('#sign-date-unusual').waitFor();
        await check(`${lang} unusual signing date`);
        await page.locator('#sign-date-cancel').click();
      }
      // A signed PK below a changed name: the difference on its page.
      await go(page, `#/pk/${PK}kabag-keuangan-umum-logistik/ubah`);
      await page.locator('#pk-firstname').fill('Nama Baru');
      await go(page, `#/pk/${PK}kasubag-keuangan`);
      await page.locator('#party-differs').waitFor();
      await check('signed PK with a different name');
      assert.deepEqual(found, []);
    } finally {
      await app.stop();
    }
  });
}
