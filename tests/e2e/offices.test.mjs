// Offices (issue 29, point 1): the Maluku preset, one office never listed twice by a spelling
// difference, units inside a Sekretariat, the list handed out as a file of its own, and offices met in
// an imported file offered to be added. Two browser profiles: the province, and an office that reads
// its list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { download, importFiles, tmp } from './lib/files.mjs';
import { audit } from './lib/axe.mjs';
import { expectCount, expectText, expectValue, expectNoOverflow, expectDisabled } from './lib/expect.mjs';

const OUT = new URL('./.output/', import.meta.url).pathname;

test('the province lists its offices, hands the list out, and offices met in files are offered', async () => {
  const province = await startApp({ hash: '#/data' });
  const other = await startApp({ hash: '#/data' });
  try {
    const { page } = province;
    // No list yet: the Maluku preset is one click.
    await expectText(page.locator('#offices-empty'), 'Belum ada kantor dalam daftar.');
    await page.locator('#offices-preset').click();
    await expectCount(page.locator('#offices-table .office-row'), 13);
    await expectText(page.locator('#offices-count'), '13 kantor dalam daftar.');
    await expectValue(page.locator('#office-own'), 'KPU Provinsi Maluku');
    // The hierarchy: KPU RI, the province under it, the 11 kab/kota under the province.
    const names = await page.locator('#offices-table .office-row th').allInnerTexts();
    assert.deepEqual(names.slice(0, 3), ['KPU RI', 'KPU Provinsi Maluku', 'KPU Kabupaten Buru']);
    assert.equal(names[12], 'KPU Kota Tual');
    // The built-in PKs say "Komisi Pemilihan Umum Provinsi Maluku": they belong to the province.
    await expectText(page.locator('#offices-table .office-row').nth(1).locator('td.num'), '10');

    // Another spelling of a listed office is refused at the field, nothing added.
    await page.locator('#office-name').fill('Komisi Pemilihan Umum Kab. Buru');
    await page.locator('#office-add').click();
    await expectText(page.locator('#office-name-error'), 'Sudah ada dalam daftar sebagai KPU Kabupaten Buru.');
    await expectCount(page.locator('#offices-table .office-row'), 13);
    await page.locator('#office-name').fill('  ');
    await page.locator('#office-add').click();
    await expectText(page.locator('#office-name-error'), 'Isi nama kantor atau unit.');
    // A unit of the province's Sekretariat (under this office by default), by keyboard.
    await page.locator('#office-name').fill('Bagian Perencanaan, Data dan Informasi');
    await page.locator('#office-level').selectOption('unit');
    await page.locator('#office-name').press('Enter');
    await expectCount(page.locator('#offices-table .office-row'), 14);
    await expectText(page.locator('#office-name-error'), '');
    await expectText(page.locator('#offices-table .office-row').nth(2).locator('th'), 'Bagian Perencanaan, Data dan Informasi');
    await saved(page);

    // Exported with the data, and as a file of its own.
    const all = JSON.parse(await fs.readFile(await download(page, () => page.locator('#export-all').click()), 'utf8'));
    assert.equal(all.measure_settings.offices.own, 'KPU Provinsi Maluku');
    assert.equal(all.measure_settings.offices.list.length, 14);
    const listFile = await download(page, () => page.locator('#offices-export').click());
    assert.match(path.basename(listFile), /^kinerja-kantor-kpu-provinsi-maluku-\d{8}\.json$/);
    const list = JSON.parse(await fs.readFile(listFile, 'utf8'));
    assert.equal(list.version, 6);
    assert.deepEqual(list.agreements, []);
    assert.deepEqual(list.measure_settings.offices.list[13], { name: 'Bagian Perencanaan, Data dan Informasi', level: 'unit', parent: 'KPU Provinsi Maluku' });

    // The other office reads the list: every office offered, one left out.
    const o = other.page;
    await importFiles(o, [listFile]);
    await expectCount(o.locator('#import-offices .new-office'), 14);
    await expectText(o.locator('#import-confirm'), 'Impor (14 kantor baru)');
    assert.deepEqual((await audit(o)).map((v) => `${v.id} ${v.help} — ${v.nodes.join(', ')}`), [], 'the preview with offices passes axe');
    await o.locator('#import-offices .new-office', { hasText: 'KPU Kota Tual' }).locator('input').uncheck();
    await expectText(o.locator('#import-confirm'), 'Impor (13 kantor baru)');
    await o.locator('#import-confirm').click();
    await o.locator('.notice.success', { hasText: '13 kantor ditambahkan ke daftar kantor.' }).waitFor();
    await expectCount(o.locator('#offices-table .office-row'), 13);
    await saved(o);
    // Read again: nothing is offered twice, only the office left out.
    await importFiles(o, [listFile]);
    await expectCount(o.locator('#import-offices .new-office'), 1);
    await expectText(o.locator('#import-offices .new-office label'), 'KPU Kota Tual');
    await o.locator('#import-cancel').click();

    // A PK from an office not listed: recognised in the preview (its level from its name); the
    // province, under another spelling, is not offered.
    await go(page, `#/pk/${PK}kasubag-keuangan`);
    await page.locator('.export-menu summary').click();
    const pkFile = await download(page, () => page.locator('#export-pk').click());
    const pk = JSON.parse(await fs.readFile(pkFile, 'utf8'));
    pk.source.office = 'KPU Prov. Maluku';
    pk.agreements[0].office = 'Komisi Pemilihan Umum Kabupaten Halmahera Barat';
    const halmahera = path.join(tmp, 'halmahera.json');
    await fs.writeFile(halmahera, JSON.stringify(pk));
    await importFiles(page, [halmahera]);
    await expectCount(page.locator('#import-offices .new-office'), 1);
    // Offered under this office (a kab/kota met by the province), so the monitoring grid lists it once added.
    await expectText(page.locator('#import-offices .new-office'), /Komisi Pemilihan Umum Kabupaten Halmahera Barat\s*\(KPU Kabupaten\/Kota, di bawah KPU Provinsi Maluku\)/);
    await page.locator('#import-cancel').click();

    // A list that names one office twice is refused, the place said in words; nothing changes.
    const twice = path.join(tmp, 'twice.json');
    await fs.writeFile(twice, JSON.stringify({ format: 'kinerja-pk', version: 6, agreements: [], measure_settings: { offices: { list: [
      { name: 'KPU Kota Ambon', level: 'kab_kota' }, { name: 'Komisi Pemilihan Umum Kota Ambon', level: 'kab_kota' },
    ] } } }));
    await importFiles(page, [twice]);
    await expectText(page.locator('.file-result.refused'), /Kantor › kantor ke-2 › Nama: kantor ini sudah ada dalam daftar sebagai KPU Kota Ambon/);
    await expectDisabled(page.locator('#import-confirm'));
    await page.locator('#import-cancel').click();
    await expectCount(page.locator('#offices-table .office-row'), 14);

    // Removing an office takes its units with it; the own office is then unchosen.
    await page.locator('#offices-table .office-row', { hasText: 'KPU Provinsi Maluku' }).getByRole('button').click();
    await expectCount(page.locator('#offices-table .office-row'), 12);
    await expectValue(page.locator('#office-own'), '');
    await page.locator('#undo').click();
    await expectCount(page.locator('#offices-table .office-row'), 14);

    // The other browser, which started from the province's data, is KPU Kabupaten Buru: once it says so,
    // its files say they come from Buru, not from the province, and Beranda is Buru's.
    await go(o, '#/data');
    await o.locator('#office-own').selectOption('KPU Kabupaten Buru');
    await saved(o);
    const buru = await download(o, () => o.locator('#export-all').click());
    assert.match(path.basename(buru), /^kinerja-kpu-kabupaten-buru-2024-\d{8}\.json$/);
    assert.equal(JSON.parse(await fs.readFile(buru, 'utf8')).source.office, 'KPU Kabupaten Buru');
    await go(o, '#/');
    await expectText(o.locator('.lead').first(), 'KPU Kabupaten Buru');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(o.errors, []);
  } finally {
    await province.stop();
    await other.stop();
  }
});

test('the office list reads on a 360 px phone', async () => {
  const app = await startApp({ hash: '#/data', viewport: { width: 360, height: 740 } });
  try {
    const { page } = app;
    await page.locator('#offices-preset').click();
    await expectCount(page.locator('#offices-table .office-row'), 13);
    await expectNoOverflow(page, 'the page does not scroll sideways');
    await page.locator('#offices').scrollIntoViewIfNeeded();
    const shot = await page.locator('#offices').screenshot({ path: path.join(OUT, 'phone-offices.png') });
    assert.ok(shot.length > 0);
  } finally {
    await app.stop();
  }
});
