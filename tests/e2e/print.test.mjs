// The official print (issue 27): the printed PK, Perubahan and LKj stay Indonesian in the English
// interface (an English rendering only when chosen, marked on every page); a Perubahan prints as one on
// every page with its own date; names of both signature blocks on one line; Jumlah under
// Program/Anggaran; page numbers; the LKj never leaves one row alone on its last page; the office's
// letterhead. Each is read back from an A4 PDF with pdftotext (and pdfimages).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK, reload, saved } from './lib/app.mjs';
import { download, tmp } from './lib/files.mjs';
import { storedWorkspace } from './lib/stored.mjs';
import { expectCount, expectText, until } from './lib/expect.mjs';
import { audit } from './lib/axe.mjs';
import { readDocx } from './lib/docx.mjs';
import { reviseTarget, sign } from './lib/life.mjs';

// A real PNG (the app's icon) as an office logo.
const PNG_LOGO = await fs.readFile(new URL('../../public/icon-192.png', import.meta.url));

const TEKNIS = `${PK}kabag-teknis-hukum-sdm`;
const KASUBAG = `${PK}kasubag-umum-logistik`;
const ARSIP = `${KASUBAG}/s01/i1`;

/** The page printed to an A4 PDF, read back as text: one string per page. */
async function printedPages(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(tmp, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
}

/** Replaces the stored workspace by `change(file)` and reloads (the first release's key is read at start). */
async function seed(page, change) {
  const file = await until(() => storedWorkspace(page), (f) => f && f.agreements.length === 10, 'the built-in data saved');
  change(file);
  await page.evaluate((text) => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('kinerja.v2.')) localStorage.removeItem(k);
    localStorage.setItem('kinerja.v1.workspace', text);
  }, JSON.stringify(file));
  await reload(page);
}

test('in the English interface the PK and the LKj print in Indonesian, an English rendering only when chosen and marked on every page; names on one line, Jumlah, page numbers', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    await seed(page, (file) => {
      const pk = file.agreements.find((a) => a.id === TEKNIS);
      // A long position on the right (three lines) against a shorter one on the left.
      pk.first_party.name = 'Budi Santoso';
      pk.budget[0].amount = '1000000';
    });
    await page.locator('#lang-en').click();
    await go(page, `#/pk/${TEKNIS}`);
    await expectText(page.locator('#print'), 'Print');
    await expectText(page.locator('#statement-title'), 'PERJANJIAN KINERJA TAHUN 2024');
    await expectText(page.locator('#budget-jumlah'), /^Jumlah\s+Rp 2\.170\.272\.000$/);

    let pages = await printedPages(page, 'pk-id');
    let all = pages.join('\n');
    assert.match(all, /PERJANJIAN KINERJA TAHUN 2024/);
    assert.match(all, /PIHAK PERTAMA|Pihak Pertama/);
    assert.doesNotMatch(all, /PERFORMANCE AGREEMENT|First Party|Unofficial/);
    assert.match(all, /Jumlah\s+Rp 2\.170\.272\.000/, 'Jumlah under Program/Anggaran');
    assert.match(all, /Ambon, Januari 2024/);
    // Both signature blocks' names on one line, though the right-hand position takes three lines.
    assert.match(all, /^.*Ilham.*Budi Santoso.*$/m, `names on one line:\n${all.slice(-800)}`);
    // Every page numbered, "n / total".
    pages.forEach((p, i) => assert.match(p, new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\s*$`), `page ${i + 1} numbered`));

    // An English rendering, chosen near Print: on screen and on every printed page, marked as unofficial.
    await page.locator('#document-language').selectOption('en');
    await expectText(page.locator('#unofficial-note'), /^Unofficial translation — the signed Indonesian text prevails/);
    await expectText(page.locator('#statement-title'), 'PERFORMANCE AGREEMENT 2024');
    pages = await printedPages(page, 'pk-en');
    all = pages.join('\n');
    assert.match(all, /PERFORMANCE AGREEMENT 2024/);
    assert.match(all, /Total\s+IDR 2,170,272,000/);
    pages.forEach((p, i) => assert.match(p, /Unofficial translation — the signed Indonesian text prevails/, `page ${i + 1} marked`));

    // The LKj table: Indonesian by default in the English interface too.
    await go(page, `#/pk/${TEKNIS}/lkj`);
    await page.locator('#lkj-table').waitFor();
    await expectText(page.locator('#print'), 'Print');
    pages = await printedPages(page, 'lkj-id');
    all = pages.join('\n');
    assert.match(all, /Capaian Kinerja 2024/);
    assert.doesNotMatch(all, /Performance Achievement|Unofficial/);
    pages.forEach((p, i) => assert.match(p, new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\s*$`), `LKj page ${i + 1} numbered`));
    await page.locator('#document-language').selectOption('en');
    await expectText(page.locator('#lkj-title'), /^Performance Achievement 2024/);
    pages = await printedPages(page, 'lkj-en');
    pages.forEach((p, i) => assert.match(p, /Unofficial translation/, `LKj page ${i + 1} marked`));
    // Leaving the translation leaves no mark behind for the next print.
    await go(page, `#/pk/${TEKNIS}`);
    await expectText(page.locator('#statement-title'), 'PERJANJIAN KINERJA TAHUN 2024');
    assert.doesNotMatch((await printedPages(page, 'pk-again')).join('\n'), /Unofficial/);
  } finally {
    await app.stop();
  }
});

test('a Perubahan prints as a Perubahan on every page, with its own date on the place and date line', async () => {
  const app = await startApp({ hash: `#/pk/${KASUBAG}` });
  try {
    const { page } = app;
    await sign(page, '2024-01-02');
    await expectText(page.locator('#stage'), /^Ditandatangani 2 Januari 2024/);
    await reviseTarget(page, { indicator: ARSIP, target: '95%' });
    await page.locator('#done-editing').click();
    // Being prepared: the Perubahan's date.
    await expectText(page.locator('#lampiran-title'), /^PERJANJIAN KINERJA PERUBAHAN TAHUN 2024/);
    await expectText(page.locator('.lampiran .place-date'), 'Ambon, 15 Juli 2024');
    await sign(page, '2024-07-20');
    await expectText(page.locator('#stage'), /^Perubahan ke-1, ditandatangani 20 Juli 2024\./);
    const pages = await printedPages(page, 'perubahan');
    const all = pages.join('\n');
    assert.equal(all.match(/PERJANJIAN KINERJA PERUBAHAN TAHUN 2024/g)?.length, 2, 'statement and lampiran both say PERUBAHAN');
    assert.doesNotMatch(all, /PERJANJIAN KINERJA TAHUN 2024/);
    assert.equal(all.match(/Ambon, 20 Juli 2024/g)?.length, 2, 'both place and date lines');
    assert.doesNotMatch(all, /Januari 2024/);
    // The original, as first signed, keeps its heading and date.
    await go(page, `#/pk/${KASUBAG}/versi/0`);
    await expectText(page.locator('#lampiran-title'), /^PERJANJIAN KINERJA TAHUN 2024/);
    await expectText(page.locator('.lampiran .place-date'), 'Ambon, Januari 2024');
  } finally {
    await app.stop();
  }
});

test('the LKj print never leaves one row alone on its last page', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    // A PK of n sasaran of one one-line indicator each, named so that each row can be found on its page.
    // (A sasaran of several indicators spans them, and Chromium keeps such a group together by itself.)
    const rows = (n) => (file) => {
      const pk = file.agreements.find((a) => a.id === KASUBAG);
      pk.objectives = [];
      for (let i = 1; i <= n; i++) {
        const text = `Baris ${String(i).padStart(2, '0')}`;
        pk.objectives.push({ id: `${KASUBAG}/t${i}`, text: `Sasaran ${i}`, indicators: [{ id: `${KASUBAG}/t${i}/i`, text, target: { text: '1 Lap' } }] });
      }
    };
    const rowsOn = (p) => (p.match(/Baris \d\d/g) || []).length;
    await seed(page, rows(90));
    await go(page, `#/pk/${KASUBAG}/lkj`);
    await page.locator('#lkj-table').waitFor();
    const first = rowsOn((await printedPages(page, 'lkj-many'))[0]);
    assert.ok(first > 5 && first < 90, `rows on the first page: ${first}`);
    // One row more than the first page holds: without a rule it would stand alone on page two.
    await seed(page, rows(first + 1));
    await go(page, `#/pk/${KASUBAG}/lkj`);
    await page.locator('#lkj-table').waitFor();
    const pages = await printedPages(page, 'lkj-one-more');
    const counts = pages.map(rowsOn).filter((n) => n > 0);
    assert.equal(counts.reduce((a, b) => a + b, 0), first + 1);
    assert.ok(counts.length === 1 || counts.at(-1) >= 2, `rows per page: ${counts.join(', ')}`);
  } finally {
    await app.stop();
  }
});

test('an office letterhead: a logo checked on upload, printed on the PK\'s first page with the office name, kept, exported, validated, removable', async () => {
  const app = await startApp({ hash: '#/data' });
  try {
    const { page } = app;
    await expectText(page.locator('#letterhead-none'), 'Belum ada logo: PK dicetak tanpa kop surat.');
    // Too large, and not an image: refused with a message, nothing kept.
    const big = path.join(tmp, 'logo-besar.png');
    await fs.writeFile(big, Buffer.concat([PNG_LOGO, Buffer.alloc(150 * 1024)]));
    await page.locator('#letterhead-file').setInputFiles(big);
    await expectText(page.locator('.notice.error .notice-text').last(), /^Logo terlalu besar \(152,\d KB\); paling besar 100 KB\./);
    const gif = path.join(tmp, 'logo.gif');
    await fs.writeFile(gif, Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'));
    await page.locator('#letterhead-file').setInputFiles(gif);
    await expectText(page.locator('.notice.error .notice-text').last(), 'Logo harus berupa gambar PNG atau JPEG.');
    await expectCount(page.locator('#letterhead-preview'), 0);
    // A PNG logo: kept, shown, printed at the top of the PK's first page only, with the office name.
    const logo = path.join(tmp, 'logo.png');
    await fs.writeFile(logo, PNG_LOGO);
    await page.locator('#letterhead-file').setInputFiles(logo);
    await page.locator('#letterhead-preview').waitFor();
    await saved(page);
    await reload(page);
    await page.locator('#letterhead-preview').waitFor();
    assert.deepEqual(await audit(page), [], 'Data with a logo passes the accessibility audit');
    await go(page, `#/pk/${TEKNIS}`);
    await page.locator('#letterhead-logo').waitFor();
    assert.deepEqual(await audit(page), [], 'a PK with its letterhead passes the accessibility audit');
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(tmp, 'letterhead.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    // The logo (with its transparency mask, if any) on page 1 only.
    assert.ok(images.length > 0 && images.every((l) => l.trim().split(/\s+/)[0] === '1'), `the logo on page 1 only:\n${images.join('\n')}`);
    const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    assert.match(first.trim().split('\n')[0], /KOMISI PEMILIHAN UMUM PROVINSI MALUKU/);
    // The Word file of the PK carries the same logo, once, above the office name.
    await page.locator('.export-menu summary').click();
    const docx = await download(page, () => page.locator('#export-docx').click());
    const word = await readDocx(docx);
    assert.deepEqual(word.entries.get('word/media/logo.png'), PNG_LOGO, 'the logo\'s own bytes');
    assert.equal(word.xml.match(/<w:drawing>/g)?.length, 1);
    assert.ok(word.xml.indexOf('<w:drawing>') < word.xml.indexOf('KOMISI PEMILIHAN UMUM PROVINSI MALUKU'));
    // Exported with the whole workspace.
    await go(page, '#/data');
    const file = await download(page, () => page.locator('#export-all').click());
    const exported = JSON.parse(await fs.readFile(file, 'utf8'));
    assert.equal(exported.letterhead.logo, `data:image/png;base64,${PNG_LOGO.toString('base64')}`);
    // Removed, and back with Urungkan.
    await page.locator('#letterhead-remove').click();
    await page.locator('#letterhead-none').waitFor();
    await page.locator('#undo').click();
    await page.locator('#letterhead-preview').waitFor();
    // A file whose logo was damaged is refused, with the place of the problem.
    exported.letterhead.logo = 'data:image/png;base64,iVBOR!!';
    const damaged = path.join(tmp, 'rusak.json');
    await fs.writeFile(damaged, JSON.stringify(exported));
    await go(page, '#/data');
    await page.locator('#import-files').setInputFiles(damaged);
    await expectText(page.locator('#import-preview'), /Kop surat › Logo[\s\S]*Logo rusak/);
  } finally {
    await app.stop();
  }
});

test('a new browser takes the letterhead from an imported file of all data', async () => {
  const app = await startApp({ hash: '#/data' });
  try {
    const { page } = app;
    const exported = JSON.parse(await fs.readFile(new URL('../../public/data/kpu-maluku-2024.json', import.meta.url), 'utf8'));
    exported.letterhead = { logo: `data:image/png;base64,${PNG_LOGO.toString('base64')}` };
    exported.agreements[0].place = 'Tual';
    const file = path.join(tmp, 'dengan-kop.json');
    await fs.writeFile(file, JSON.stringify(exported));
    await page.locator('#letterhead-none').waitFor();
    await page.locator('#import-files').setInputFiles(file);
    await page.locator('#import-preview').waitFor();
    await page.locator('#import-confirm').click();
    await page.locator('#letterhead-preview').waitFor();
  } finally {
    await app.stop();
  }
});
