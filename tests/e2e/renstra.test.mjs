// Renstra and IKU (issue 30): a Renstra entered by paste with a preview, refused at the field while its
// period is not five years, then the 2025 head-of-office PK flagged for an IKU it lacks and one it
// carries with a weaker target, each fixed through its link into the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, saved } from './lib/app.mjs';
import { audit } from './lib/axe.mjs';
import { expectCount, expectText, expectFocus, eventually, expectNoOverflow } from './lib/expect.mjs';
import { storedWorkspace } from './lib/stored.mjs';

const OUT = new URL('./.output/', import.meta.url).pathname;

// As copied from a Word table: header, column numbers, three IKU in two sasaran strategis.
const TABLE = [
  'No\tSasaran Strategis\tIndikator Kinerja Utama\tSatuan\t2025\t2026\t2027\t2028\t2029\tTarget Akhir Periode',
  '1\t2\t3\t4\t5\t6\t7\t8\t9\t10',
  '1\tTerwujudnya tata kelola yang akuntabel\tPersentase laporan monitoring dan evaluasi yang akuntabel dan tepat waktu\t%\t75%\t80%\t85%\t90%\t95%\t95%',
  '\t\tPersentase KPU Provinsi dan KPU Kabupaten/Kota yang mendapatkan nilai akuntabilitas kinerja minimal B\t%\t80%\t85%\t90%\t95%\t100%\t100%',
  '2\tMeningkatnya kualitas data pemilih\tPersentase KPU Kabupaten/Kota yang memutakhirkan data pemilih tepat waktu\t%\t100%\t100%\t100%\t100%\t100%\t100%',
].join('\n');

async function auditHere(page, name, found) {
  for (const v of await audit(page)) found.push(`${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.join(', ')}`);
}

test('a Renstra entered by paste flags the 2025 head PK, and the links fix it', async () => {
  const app = await startApp({ hash: '#/tahun/2024' });
  try {
    const { page } = app;
    // The 2025 PKs, prepared from 2024.
    await page.locator('#next-year-all').click();
    await page.locator('.next-year .confirm-yes').click();
    await eventually(() => page.url(), /#\/tahun\/2025$/);

    await go(page, '#/data');
    await page.locator('#renstra-link').click();
    await expectText(page.locator('#renstra-none'), 'Belum ada Renstra.');
    await page.locator('#renstra-number').fill('15/PR.01.3-Kpt/81/Prov/III/2025');
    await page.locator('#renstra-date').fill('2025-03-10');
    await page.locator('#renstra-end').fill('2030');
    await page.locator('#renstra-table-input').fill(TABLE);
    await page.locator('#renstra-read').click();
    await expectText(page.locator('#renstra-preview-title'), 'Pratinjau: 3 IKU dalam 2 sasaran strategis.');
    await expectCount(page.locator('#renstra-preview tbody tr'), 3);
    // Six years: refused at the field, nothing saved.
    await page.locator('#renstra-save').click();
    await expectText(page.locator('#renstra-end-msg'), 'Periode Renstra harus lima tahun; periode ini 6 tahun.');
    await expectFocus(page, 'id', 'renstra-end');
    await expectText(page.locator('#renstra-fix'), /belum ada yang disimpan/);
    await expectText(page.locator('#renstra-none'), 'Belum ada Renstra.');
    // Fixed, saved by keyboard.
    await page.locator('#renstra-end').fill('2029');
    await expectText(page.locator('#renstra-end-msg'), '');
    await page.locator('#renstra-end').press('Enter');
    await expectText(page.locator('.notice-text').last(), 'Renstra disimpan.');
    await expectText(page.locator('#renstra-0-title'), 'Komisi Pemilihan Umum Provinsi Maluku, 2025–2029');
    await expectCount(page.locator('.renstra-table tbody tr'), 3);
    await saved(page);
    const stored = await storedWorkspace(page);
    assert.equal(stored.renstra.length, 1);
    assert.equal(stored.renstra[0].goals[1].iku[0].targets.length, 5);

    const found = [];
    for (const lang of ['en', 'id']) {
      await page.locator(`#lang-${lang}`).click();
      await auditHere(page, `renstra (${lang})`, found);
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoOverflow(page);
    await auditHere(page, 'renstra (360 px)', found);
    await page.screenshot({ path: `${OUT}renstra-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });

    // The 2025 Sekretaris' PK: one IKU missing, one weaker (70% against 80%), one carried.
    await go(page, '#/tahun/2025');
    await page.locator('.pk-card-title a', { hasText: 'Sekretaris Komisi Pemilihan Umum Provinsi Maluku' }).click();
    const flags = page.locator('#renstra-flags li');
    await expectCount(flags, 2);
    await expectText(flags.nth(0), /^IKU 1\.2 “Persentase KPU Provinsi dan KPU Kabupaten\/Kota yang mendapatkan nilai akuntabilitas kinerja minimal B”: target PK 70% lebih lemah dari target Renstra 80%\./);
    await expectText(flags.nth(1), /^IKU 2\.1 “Persentase KPU Kabupaten\/Kota yang memutakhirkan data pemilih tepat waktu” \(target 100%\) belum dimuat PK ini\./);
    for (const lang of ['en', 'id']) {
      await page.locator(`#lang-${lang}`).click();
      await auditHere(page, `flags (${lang})`, found);
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await auditHere(page, 'flags (360 px)', found);
    await page.screenshot({ path: `${OUT}renstra-flags-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    assert.deepEqual(found, []);
    const pkHash = new URL(page.url()).hash;

    // The weaker target: the link lands on it in the editor.
    await flags.nth(0).locator('a').click();
    await page.locator('#editor').waitFor();
    await expectFocus(page, 'id', /-target$/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('80%');
    await saved(page);
    await go(page, pkHash);
    await expectCount(flags, 1);

    // The missing IKU: the link lands on "add indicator" of the last sasaran.
    await flags.nth(0).locator('a').click();
    await page.locator('#editor').waitFor();
    await expectFocus(page, 'className', /add-indicator/);
    await page.keyboard.press('Enter');
    await expectFocus(page, 'tagName', 'TEXTAREA');
    await page.keyboard.type('Persentase KPU Kabupaten/Kota yang memutakhirkan data pemilih tepat waktu');
    await page.locator('.indicator-row').last().locator('[id$="-target"]').fill('100%');
    await saved(page);
    await go(page, pkHash);
    await expectText(page.locator('#renstra-ok'), 'PK ini memuat semua 3 IKU Renstra tahun 2025.');

    // 2024 is outside the Renstra: a note, no flag.
    await go(page, '#/tahun/2024');
    await page.locator('.pk-card-title a', { hasText: 'Sekretaris Komisi Pemilihan Umum Provinsi Maluku' }).click();
    await expectText(page.locator('#renstra-note'), 'Tidak ada Renstra yang mencakup tahun 2024: IKU tidak diperiksa.');
    await expectCount(page.locator('#renstra-flags'), 0);

  } finally {
    await app.stop();
  }
});
