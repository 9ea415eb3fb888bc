// The PK's life: sign, read-only, Perubahan ke-1 with a reason, a changed target of a
// realised quarter confirmed, both versions viewed, compared and printed, the fingerprint confirmed in a
// second browser profile, a tampered file flagged; next year's PKs prepared with the cascade intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { download, importFiles, tmp } from './lib/files.mjs';
import { expectCount, expectDisabled, expectText, expectValue, eventually } from './lib/expect.mjs';

const KASUBAG = `${PK}kasubag-umum-logistik`;
// The archive indicator (87,5 %), the first of the Kepala Sub Bagian's PK.
const ARSIP = `${KASUBAG}/s01/i1`;
const esc = (id) => id.replaceAll('/', '\\/');

async function printed(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(tmp, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

test('sign, revise as Perubahan ke-1, print both versions, confirm the fingerprint in another profile, flag a tampered file', async () => {
  const a = await startApp({ hash: `#/pk/${KASUBAG}` });
  let file;
  let fingerprint;
  try {
    const { page } = a;
    await expectText(page.locator('#stage'), /^Draf: belum ditandatangani/);
    await page.locator('#sign-date').fill('2024-01-02');
    await page.locator('#sign').click();
    await expectText(page.locator('#stage'), /^Ditandatangani 2 Januari 2024\. PK ini tidak dapat diubah lagi/);
    await expectText(page.locator('#fingerprint-current'), /^Sidik versi bertanda tangan: [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}$/);
    fingerprint = (await page.locator('#fingerprint-current').innerText()).split(': ')[1];
    await expectText(page.locator('#fingerprint'), `Sidik versi bertanda tangan: ${fingerprint} · versi awal · 2 Januari 2024`);
    await saved(page);

    // Read-only: the editor's fields are disabled and say why.
    await page.locator('#edit-link').click();
    await expectText(page.locator('#locked-banner'), /^PK ini sudah ditandatangani dan hanya dapat dibaca/);
    await expectDisabled(page.locator(`#ind-${esc(ARSIP)}-target`));
    await expectDisabled(page.locator('#pk-firstname'));

    // Realisasi are still entered after signing; the Rencana Aksi is part of what was signed.
    await go(page, `#/pk/${KASUBAG}/realisasi`);
    await page.locator('#tw-3').click();
    await page.locator(`#m-${esc(ARSIP)}-actual`).fill('80%');
    await expectValue(page.locator(`#m-${esc(ARSIP)}-plan`), '');
    assert.equal(await page.locator(`#m-${esc(ARSIP)}-plan`).getAttribute('readonly'), '', 'the plan is read-only');
    await saved(page);

    // Perubahan ke-1: a budget revision dated in July, then a new target.
    await go(page, `#/pk/${KASUBAG}`);
    await page.locator('#revise summary').click();
    await page.locator('#revise-reason').selectOption('budget');
    await page.locator('#revise-text').fill('Target arsip dinaikkan setelah revisi anggaran');
    await page.locator('#revise-basis').fill('DIPA revisi ke-2 tanggal 10 Juli 2024');
    await page.locator('#revise-date').fill('2024-07-15');
    await page.locator('#revise-start').click();
    await page.locator('#editor').waitFor();
    await expectText(page.locator('.notice-text').last(), 'Perubahan ke-1 dibuat sebagai draf. Ubah PK, lalu tandatangani.');
    await page.locator(`#ind-${esc(ARSIP)}-target`).fill('95%');
    await saved(page);

    await page.locator('#done-editing').click();
    await expectText(page.locator('#stage'), 'Draf Perubahan ke-1 (revisi anggaran, 15 Juli 2024). Sampai ditandatangani, yang berlaku tetap versi awal.');
    await expectText(page.locator('#statement-title'), 'PERJANJIAN KINERJA PERUBAHAN TAHUN 2024');
    await expectText(page.locator('#revision-line'), 'Perubahan ke-1 (Draf)');
    // TW III already has a realisasi: the new target needs an explicit confirmation.
    await expectText(page.locator('#realised li'), /^1\.1 .+, TW III: 87,5% → 95%$/);
    await page.locator('#sign-date').fill('2024-07-20');
    await page.locator('#sign').click();
    await expectText(page.locator('.notice.error .notice-text').last(), /mengubah target triwulan yang sudah ada realisasinya/);
    await page.locator('#realised-confirm').check();
    await page.locator('#sign').click();
    await expectText(page.locator('#stage'), /^Perubahan ke-1, ditandatangani 20 Juli 2024\./);
    await expectCount(page.locator('#versions .version-row'), 2);
    await expectText(page.locator('#revision-line'), 'Perubahan ke-1 · 20 Juli 2024');
    const revised = (await page.locator('#fingerprint-current').innerText()).split(': ')[1];
    assert.notEqual(revised, fingerprint);

    // TW III is measured against the Perubahan: 80 / 95 = 84,21 %.
    await go(page, `#/pk/${KASUBAG}/lkj`);
    await expectText(page.locator(`#lkj-table tr[data-indicator="${ARSIP}"] .capaian`), /84,21%/);

    // The current version prints as the Perubahan…
    await go(page, `#/pk/${KASUBAG}`);
    await expectText(page.locator('#statement-title'), 'PERJANJIAN KINERJA PERUBAHAN TAHUN 2024');
    let text = await printed(page, 'perubahan');
    assert.match(text, /PERJANJIAN KINERJA PERUBAHAN TAHUN 2024/);
    assert.match(text, /Perubahan ke-1 · 20 Juli 2024/);
    assert.match(text, /95%/);
    assert.match(text, new RegExp(`Sidik versi bertanda tangan: ${revised}`));
    assert.doesNotMatch(text, /Status dan versi|Buat Perubahan/, 'the life panel is not printed');

    // …and the original is still there, as signed, compared with the Perubahan.
    await page.locator('.version-row[data-version="0"] a').click();
    await expectText(page.locator('#version-note-title'), 'Anda melihat versi awal sebagaimana ditandatangani 2 Januari 2024.');
    await expectText(page.locator('#statement-title'), 'PERJANJIAN KINERJA TAHUN 2024');
    await expectCount(page.locator('#revision-line'), 0);
    await expectText(page.locator('#compare-title'), 'Yang berubah dari versi awal ke Perubahan ke-1');
    await expectText(page.locator('#compare-list li'), 'Target 1.1: 87,5% → 95%');
    text = await printed(page, 'awal');
    assert.match(text, /PERJANJIAN KINERJA TAHUN 2024/);
    assert.doesNotMatch(text, /PERUBAHAN/);
    assert.match(text, /87,5%/);
    assert.match(text, new RegExp(`Sidik versi bertanda tangan: ${fingerprint} · versi awal`));

    // The rollup and the capaian can show the original: TW III against 87,5 %: 80 / 87,5 = 91,43 %.
    await go(page, `#/rollup/2024`);
    await page.locator('#version-choice').selectOption('original');
    await expectValue(page.locator('#version-choice'), 'original');
    await go(page, '#/capaian/2024');
    await page.locator('#tw-3').click();
    const arsipRow = page.locator(`.capaian-card[data-id="${KASUBAG}"] tr[data-indicator="${ARSIP}"] .capaian`);
    // Cards off screen are not laid out (their text reads empty): scrolled to, as a reader would.
    await page.locator(`.capaian-card[data-id="${KASUBAG}"]`).scrollIntoViewIfNeeded();
    await expectText(arsipRow, '84,21%');
    await page.locator('#version-choice').selectOption('original');
    await expectText(arsipRow, '91,43%');

    // Undo goes back step by step: the signature of the Perubahan first.
    await go(page, `#/pk/${KASUBAG}`);
    await page.locator('#undo').click();
    await expectText(page.locator('#stage'), /^Draf Perubahan ke-1/);
    await page.locator('#redo').click();
    await expectText(page.locator('#stage'), /^Perubahan ke-1, ditandatangani/);

    await page.locator('.export-menu summary').click();
    file = await download(page, () => page.locator('#export-pk').click());
    fingerprint = revised;
  } finally {
    await a.stop();
  }

  // Another office, another browser profile: the same signed version, confirmed by fingerprint.
  const b = await startApp();
  try {
    const { page } = b;
    await importFiles(page, [file]);
    const row = page.locator(`.import-row[data-id="${KASUBAG}"]`);
    await expectText(row.locator('.signature-note'), `Ditandatangani (sidik ${fingerprint}).`);
    await page.locator('#import-confirm').click();
    await go(page, `#/pk/${KASUBAG}`);
    await expectText(page.locator('#fingerprint-current'), `Sidik versi bertanda tangan: ${fingerprint}`);
    await expectCount(page.locator('#versions .version-row'), 2);
    await expectCount(page.locator('#untrusted'), 0);
    // Importing the same file again: the same signed version as the one held.
    await importFiles(page, [file]);
    await expectText(row.locator('.signature-note'), `Versi bertanda tangan sama dengan milik Anda (sidik ${fingerprint}).`);

    // The file altered after signing (the original target raised by hand): flagged, not imported.
    const json = JSON.parse(await fs.readFile(file, 'utf8'));
    const pk = json.agreements.find((x) => x.id === KASUBAG);
    pk.life.versions[0].content.objectives[0].indicators[0].target.text = '50%';
    const tampered = path.join(tmp, 'diubah.json');
    await fs.writeFile(tampered, JSON.stringify(json, null, 2));
    await importFiles(page, [tampered]);
    await expectText(row.locator('.signature-note.problem'), /^Sidik tidak cocok: berkas ini diubah setelah ditandatangani/);
    await expectText(row.locator('.status'), /^Tidak dapat dipercaya: sidik tidak cocok/);
    await expectDisabled(row.locator('select.choice'));
    await expectDisabled(page.locator('#import-confirm'));
  } finally {
    await b.stop();
  }
});

test('prepare 2025 from 2024 in one step, with the cascade intact and last year remembered', async () => {
  const app = await startApp({ hash: '#/tahun/2024' });
  try {
    const { page } = app;
    await page.locator('#next-year-all').click();
    await expectText(page.locator('.next-year .confirm-question'), /^Menyalin PK, sasaran, indikator, target dan penurunan ke tahun 2025 sebagai draf/);
    await page.locator('.next-year .confirm-yes').click();
    await eventually(() => page.url(), /#\/tahun\/2025$/);
    await expectText(page.locator('.notice-text').last(), '10 PK 2025 disiapkan sebagai draf.');
    await expectText(page.locator('#home-title'), /2025/);
    await expectCount(page.locator('.year-tabs a'), 2);
    await expectCount(page.locator('.pk-card-title a'), 10);
    await saved(page);

    // The Kepala Sub Bagian's 2025 copy: its indicators still carry the Kepala Bagian's 2025 ones.
    const linked2024 = async () => {
      await go(page, `#/pk/${KASUBAG}/ubah`);
      await page.locator('#editor').waitFor();
      await expectValue(page.locator('#pk-year'), '2024');
      return page.locator('.indicator-row .linked').count();
    };
    const before = await linked2024();
    assert.ok(before > 0);
    await go(page, '#/tahun/2025');
    await page.locator('.pk-card-title a', { hasText: 'Kepala Sub Bagian Umum dan Logistik' }).click();
    await expectText(page.locator('#stage'), /^Draf/);
    await page.locator('#edit-link').click();
    await page.locator('#editor').waitFor();
    await expectValue(page.locator('#pk-year'), '2025');
    await expectCount(page.locator('.indicator-row .linked'), before);
    // Budgets left empty for next year's figures.
    await expectValue(page.locator('#budget-0-amount'), '');
    // The 2025 rollup is the same cascade: every PK is under the Sekretaris.
    await go(page, '#/rollup/2025');
    await expectCount(page.locator('#rollup-tree .node'), 10);
    // Preparing again copies nothing twice.
    await go(page, '#/tahun/2024');
    await page.locator('#next-year-all').click();
    await page.locator('.next-year .confirm-yes').click();
    await expectText(page.locator('.notice-text').last(), 'Semua PK ini sudah punya salinan 2025.');
    await expectCount(page.locator('.pk-card-title a'), 10);
  } finally {
    await app.stop();
  }
});
