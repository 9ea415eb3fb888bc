// Signatures travel with every import: a PK signed in one browser profile and
// imported in another with the preview's defaults arrives signed, with the same fingerprint; a backup
// of the same data previews as identical; two offices that signed different Perubahan ke-1 keep both,
// flagged, the one in force here unchanged.
import { test } from 'node:test';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { download, importFiles } from './lib/files.mjs';
import { eventually, expectCount, expectText, expectValue } from './lib/expect.mjs';
import { esc, reviseTarget, sign } from './lib/life.mjs';

const KASUBAG = `${PK}kasubag-umum-logistik`;
// The archive indicator (87,5 %), the first of the Kepala Sub Bagian's PK.
const ARSIP = `${KASUBAG}/s01/i1`;
const FINGERPRINT = /^Sidik versi bertanda tangan: ([0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4})$/;

/** Signs the Kepala Sub Bagian's PK (or its Perubahan) on `date`; returns the fingerprint shown. */
async function signAt(page, date, stage) {
  await go(page, `#/pk/${KASUBAG}`);
  await sign(page, date);
  await expectText(page.locator('#stage'), stage);
  await expectText(page.locator('#fingerprint-current'), FINGERPRINT);
  await saved(page);
  return (await page.locator('#fingerprint-current').innerText()).match(FINGERPRINT)[1];
}

/** Starts Perubahan ke-1 (a budget revision) and sets the archive indicator's target. */
async function revise(page, target) {
  await go(page, `#/pk/${KASUBAG}`);
  await reviseTarget(page, { indicator: ARSIP, target });
}

/** Exports the Kepala Sub Bagian's PK as a file. */
async function exportPk(page) {
  await go(page, `#/pk/${KASUBAG}`);
  await page.locator('.export-menu summary').click();
  return download(page, () => page.locator('#export-pk').click());
}

test('a signed PK imported in another profile with the defaults arrives signed, and a backup of the same data is identical', async () => {
  // Office A signs the Kepala Sub Bagian's PK, reports TW I, exports the PK and a full backup.
  const a = await startApp({ hash: `#/pk/${KASUBAG}` });
  let file, backup, fingerprint;
  try {
    const { page } = a;
    fingerprint = await signAt(page, '2024-01-02', /^Ditandatangani 2 Januari 2024\./);
    await go(page, `#/pk/${KASUBAG}/realisasi`);
    await page.locator('#tw-1').click();
    // The Rencana Aksi was signed with the PK: read-only, and the field says why.
    await expectText(page.locator(`#m-${esc(ARSIP)}-plan-hint`), 'Rencana Aksi disusun bersama PK dan terkunci setelah PK ditandatangani; untuk mengubahnya, buat Perubahan.');
    await page.locator(`#m-${esc(ARSIP)}-actual`).fill('50%');
    await saved(page);
    file = await exportPk(page);
    await go(page, '#/data');
    backup = await download(page, () => page.locator('#export-all').click());
  } finally {
    await a.stop();
  }

  // Office B, another browser profile, holds the same PK unsigned and imports A's file as offered.
  const b = await startApp({ hash: `#/pk/${KASUBAG}` });
  try {
    const { page } = b;
    await expectText(page.locator('#stage'), /^Draf: belum ditandatangani/);
    await importFiles(page, [file]);
    const row = page.locator(`.import-row[data-id="${KASUBAG}"]`);
    await expectText(row.locator('.signature-note'), `Ditandatangani (sidik ${fingerprint}).`);
    await expectText(row.locator('.status'), /^Berbeda \(2 perbedaan\)/);
    await expectValue(row.locator('select'), 'Merge', 'the default: Gabungkan realisasi per triwulan');
    await eventually(() => row.locator('select').evaluate((s) => s.selectedOptions[0].textContent), 'Gabungkan realisasi per triwulan');
    await row.locator('summary').click();
    await expectText(row.locator('.diff-table'), new RegExp(`Versi bertanda tangan: versi awal\\s+\\(tidak ada\\)\\s+${fingerprint}`));
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: '1 digabung' }).waitFor();

    // The same status and the same fingerprint as in A's browser, and A's realisasi.
    await go(page, `#/pk/${KASUBAG}`);
    await expectText(page.locator('#stage'), /^Ditandatangani 2 Januari 2024\. PK ini tidak dapat diubah lagi/);
    await expectText(page.locator('#fingerprint-current'), `Sidik versi bertanda tangan: ${fingerprint}`);
    await expectCount(page.locator('#versions .version-row'), 1);
    await expectCount(page.locator('#untrusted'), 0);
    await expectCount(page.locator('#versions-flagged'), 0);
    await go(page, `#/pk/${KASUBAG}/realisasi`);
    await page.locator('#tw-1').click();
    await expectValue(page.locator(`#m-${esc(ARSIP)}-actual`), '50%');
    await saved(page);

    // A's full backup now holds exactly what B holds: every PK previews as identical.
    await importFiles(page, [backup]);
    await expectCount(page.locator('.import-row'), 10);
    await expectCount(page.locator('.import-row.identical'), 10);
    await expectText(row.locator('.status'), /^Sama persis dengan yang ada\n/);
    await expectText(row.locator('.signature-note'), `Versi bertanda tangan sama dengan milik Anda (sidik ${fingerprint}).`);
  } finally {
    await b.stop();
  }
});

test('two offices that signed different Perubahan ke-1 keep both, flagged, the one in force here unchanged', async () => {
  // Both offices signed the same PK on the same day (the same fingerprint), then each its own Perubahan.
  const a = await startApp({ hash: `#/pk/${KASUBAG}` });
  let file, theirs;
  try {
    const { page } = a;
    await signAt(page, '2024-01-02', /^Ditandatangani 2 Januari 2024\./);
    await revise(page, '95%');
    theirs = await signAt(page, '2024-07-20', /^Perubahan ke-1, ditandatangani 20 Juli 2024\./);
    file = await exportPk(page);
  } finally {
    await a.stop();
  }
  const b = await startApp({ hash: `#/pk/${KASUBAG}` });
  try {
    const { page } = b;
    await signAt(page, '2024-01-02', /^Ditandatangani 2 Januari 2024\./);
    await revise(page, '90%');
    const mine = await signAt(page, '2024-07-21', /^Perubahan ke-1, ditandatangani 21 Juli 2024\./);

    await importFiles(page, [file]);
    const row = page.locator(`.import-row[data-id="${KASUBAG}"]`);
    await expectText(row.locator('.status'), /^Dua versi bertanda tangan berbeda dengan nomor yang sama/);
    await expectText(row.locator('.signature-note'), `Perubahan ke-1 ditandatangani berbeda di sini (sidik ${mine}) dan di berkas (sidik ${theirs}). Menggabungkan menyimpan keduanya dan menandainya; yang berlaku di sini tetap berlaku.`);
    await expectValue(row.locator('select'), 'Merge');
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: '1 digabung' }).waitFor();

    await go(page, `#/pk/${KASUBAG}`);
    await expectText(page.locator('#stage'), /^Perubahan ke-1, ditandatangani 21 Juli 2024\./);
    await expectText(page.locator('#fingerprint-current'), `Sidik versi bertanda tangan: ${mine}`);
    await expectText(page.locator('#versions-flagged'), `Perhatian: PK ini memegang versi bertanda tangan yang berbeda dengan nomor yang sama (Perubahan ke-1), dari berkas kantor lain. Keduanya disimpan; yang berlaku di sini tetap sidik ${mine}. Pastikan dengan para penanda tangan versi mana yang sah.`);
    await expectCount(page.locator('#versions .version-row'), 3);
    await expectText(page.locator('#versions .version-row.flagged'), new RegExp(`^Perubahan ke-1 berbeda, dari berkas lain; tidak berlaku\\s+20 Juli 2024\\s+revisi anggaran; DIPA revisi ke-2\\s+${theirs}$`));
    await expectCount(page.locator('#untrusted'), 0);
  } finally {
    await b.stop();
  }
});
