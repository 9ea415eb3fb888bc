// What a first-time user trips over: each defect found walking the app with no manual, as
// the test that would have caught it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK, saved } from './lib/app.mjs';
import { download, importFiles, tmp } from './lib/files.mjs';
import {
  eventually, expectAttr, expectCount, expectFocus, expectNoOverflow, expectPage, expectText, expectTexts, expectValue, until,
} from './lib/expect.mjs';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };


/** Cascades a new Kepala Sub Bagian from the Kabag Keuangan carrying the 87,5 % archive indicator. */
async function cascadeArchive(page, name = 'Rina Wattimena', position = 'Kepala Sub Bagian Arsip') {
  await go(page, `#/pk/${PK}kabag-keuangan-umum-logistik/turunkan`);
  await page.locator('#pick-list').waitFor();
  await page.locator('#cascade-name').fill(name);
  await page.locator('#cascade-position').fill(position);
  await page.locator(`.pick-indicator[data-indicator="${PK}kabag-keuangan-umum-logistik/s06/i1"]`).check();
  await page.locator('#cascade-create').click();
  await page.locator('#editor').waitFor();
  return decodeURIComponent(page.url().match(/#\/pk\/([^/]+)\/ubah/)[1]);
}

test('every page starts at its top with focus on its heading (1)', async () => {
  const app = await startApp({ viewport: PHONE });
  try {
    const { page } = app;
    await page.locator('#cascade .pk-card').nth(9).waitFor();
    // Open the last PK of a long, scrolled list.
    const last = page.locator('#cascade .pk-card-title a').last();
    await last.scrollIntoViewIfNeeded();
    assert.ok(await page.evaluate(() => window.scrollY) > 300, 'the list was scrolled');
    await last.click();
    await page.locator('#pk-table').waitFor();
    await expectPage(page, () => window.scrollY, 0, 'the document opens at its top');
    await expectFocus(page, 'tagName', 'H1');
    // "Buat PK turunan" from far down the cascade page opens the editor at its identity fields.
    await go(page, `#/pk/${PK}kabag-keuangan-umum-logistik/turunkan`);
    await page.locator('#pick-list').waitFor();
    await expectFocus(page, 'tagName', 'H1');
    await page.locator('#cascade-name').fill('Rina Wattimena');
    await page.locator('#cascade-position').fill('Kepala Sub Bagian Arsip');
    await page.locator('.pick-indicator').last().check();
    await page.locator('#cascade-create').scrollIntoViewIfNeeded();
    await page.locator('#cascade-create').click();
    await page.locator('#editor').waitFor();
    await expectPage(page, () => window.scrollY, 0, 'the editor opens at its top');
    await expectPage(page, () => document.activeElement.textContent.startsWith('Ubah'), true, 'focus on the editor heading');
    await expectPage(page, () => document.getElementById('identity-title').getBoundingClientRect().top < window.innerHeight, true,
      'the identity fields the notice asks for are on screen');
    // A link that names a field still goes to that field.
    await go(page, `#/pk/${PK}kasubag-keuangan/ubah?fokus=budget-0-amount`);
    await expectFocus(page, 'id', 'budget-0-amount');
  } finally {
    await app.stop();
  }
});

test('each carrier whose target differs gets its own fix link, to its field (2)', async () => {
  const app = await startApp({ viewport: DESKTOP });
  try {
    const { page } = app;
    const id = await cascadeArchive(page);
    const target = page.locator('.indicator-row input[type=text]').first();
    await target.fill('90%');
    await saved(page);
    await go(page, `#/rollup/2024/${PK}kabag-keuangan-umum-logistik`);
    const item = page.locator('.flag-group.targets li', { hasText: 'arsip inaktif' });
    await expectText(item, /87,5%.*Kepala Sub Bagian Umum dan Logistik: 87,5%.*Kepala Sub Bagian Arsip: 90%/s);
    // One link: the carrier with 90 %, not the one that already matches.
    await expectTexts(item.locator('.fix-link'), ['Perbaiki di Kepala Sub Bagian Arsip']);
    await item.locator('.fix-link').click();
    await page.locator('#editor').waitFor();
    await eventually(() => decodeURIComponent(page.url().match(/#\/pk\/([^/]+)\/ubah/)?.[1] ?? ''), id);
    await expectFocus(page, 'value', '90%');
    await expectPage(page, () => document.activeElement.id.endsWith('-target'), true, 'the target field has focus');
  } finally {
    await app.stop();
  }
});

for (const lang of ['id', 'en']) {
  test(`no page is wider than a 360 px phone, with every menu open (3, ${lang})`, async () => {
    const app = await startApp({ viewport: PHONE });
    try {
      const { page } = app;
      await page.locator(`#lang-${lang}`).click();
      const pages = [
        ['#/', '#cascade'],
        [`#/pk/${PK}kabag-teknis-hukum-sdm`, '#pk-table'],
        [`#/pk/${PK}kabag-teknis-hukum-sdm/ubah`, '#editor'],
        [`#/pk/${PK}kabag-teknis-hukum-sdm/turunkan`, '#pick-list'],
        ['#/rollup/2024', '#rollup-summary'],
        ['#/data', '#drop-zone'],
        ['#/publik', '#cascade'],
        [`#/publik/pk/${PK}kasubag-keuangan`, '#pk-table'],
        ['#/publik/rollup/2024', '#rollup-summary'],
        [`#/pk/${PK}kasubag-keuangan/realisasi`, '#measure-list'],
        [`#/pk/${PK}kabag-teknis-hukum-sdm/lkj`, '#lkj-table'],
        ['#/capaian/2024', '#capaian-summary'],
      ];
      for (const [hash, ready] of pages) {
        await go(page, hash);
        await page.locator(ready).first().waitFor();
        await expectNoOverflow(page, `${hash}: the page fits the screen`);
        // Open every menu and every collapsed section the page has.
        for (const details of await page.locator('main details:not([open])').all()) {
          if (await details.isVisible()) await details.locator('summary').first().click();
        }
        await expectNoOverflow(page, `${hash}: with its menus open, the page still fits`);
        const menu = page.locator('.export-menu .menu button').first();
        if (await menu.count()) {
          await expectPage(page, () => {
            const b = document.querySelector('.export-menu .menu button:last-child').getBoundingClientRect();
            return b.right <= window.innerWidth && b.left >= 0;
          }, true, `${hash}: the export menu's items are on screen`);
        }
      }
    } finally {
      await app.stop();
    }
  });
}

test('"for all that differ" leaves new PKs alone, and a PK changed on both sides keeps local work (4)', async () => {
  // Office A: adds a new PK and changes two existing ones; exports everything.
  const a = await startApp({ viewport: DESKTOP });
  let file;
  try {
    await cascadeArchive(a.page);
    await go(a.page, `#/pk/${PK}kasubag-keuangan/ubah`);
    await a.page.locator('#pk-place').fill('Ambon (kantor A)');
    await go(a.page, `#/pk/${PK}kasubag-perencanaan/ubah`);
    await a.page.locator('#pk-place').fill('Ambon (revisi A)');
    await saved(a.page);
    await go(a.page, '#/data');
    file = await download(a.page, () => a.page.locator('#export-all').click());
  } finally {
    await a.stop();
  }
  // Office B changed the Kasubag Keuangan too, then imports A's file.
  const b = await startApp({ viewport: DESKTOP, hash: `#/pk/${PK}kasubag-keuangan/ubah` });
  try {
    const { page } = b;
    await page.locator('#pk-place').fill('Ambon (kantor B)');
    await saved(page);
    await importFiles(page, [file]);
    const row = (id) => page.locator(`.import-row[data-id="${id}"]`);
    const choice = (id) => row(id).locator('select.choice');
    const newRow = page.locator('.import-row.new');
    await expectCount(newRow, 1);
    await expectText(row(`${PK}kasubag-keuangan`).locator('.status'), /^Konflik: diubah di sini dan di berkas/);
    await expectValue(choice(`${PK}kasubag-keuangan`), 'KeepMine', 'a conflict never defaults to losing local work');
    await expectText(row(`${PK}kasubag-perencanaan`).locator('.status'), /^Berbeda \(1 perbedaan\)/);
    await expectValue(choice(`${PK}kasubag-perencanaan`), 'Replace', 'changed only in the file: take it');
    await expectValue(newRow.locator('select.choice'), 'Add');
    await expectText(page.locator('#import-confirm'), 'Impor (2 PK berubah)');
    // "Keep mine" for all that differ: the new PK is still added.
    await page.locator('#all-keep-mine').click();
    await expectValue(newRow.locator('select.choice'), 'Add');
    await expectValue(choice(`${PK}kasubag-perencanaan`), 'KeepMine');
    await expectText(page.locator('#import-confirm'), 'Impor (1 PK berubah)');
    await page.locator('#all-keep-both').click();
    await expectValue(newRow.locator('select.choice'), 'Add');
    await expectValue(choice(`${PK}kasubag-keuangan`), 'KeepBoth');
    await expectText(page.locator('#import-confirm'), 'Impor (3 PK berubah)');
    await page.locator('#all-replace').click();
    await expectValue(newRow.locator('select.choice'), 'Add');
    await expectText(page.locator('#import-confirm'), 'Impor (3 PK berubah)');
    // Identical PKs are not touched either.
    await expectValue(row(`${PK}sekretaris`).locator('select.choice'), 'KeepMine');
    // Import with the defaults after all: B's change stays, A's other change and new PK arrive.
    await page.locator('#all-keep-mine').click();
    await choice(`${PK}kasubag-perencanaan`).selectOption('Replace');
    await page.locator('#import-confirm').click();
    await expectCount(page.locator('#import-preview'), 0);
    await go(page, `#/pk/${PK}kasubag-keuangan/ubah`);
    await expectValue(page.locator('#pk-place'), 'Ambon (kantor B)');
    await go(page, `#/pk/${PK}kasubag-perencanaan/ubah`);
    await expectValue(page.locator('#pk-place'), 'Ambon (revisi A)');
    // Importing the same file again: the PK taken from it is now identical, B's own one still a conflict.
    await importFiles(page, [file]);
    await expectText(row(`${PK}kasubag-perencanaan`).locator('.status'), /^Sama/);
    await expectValue(choice(`${PK}kasubag-keuangan`), 'KeepMine');
  } finally {
    await b.stop();
  }
});

test('Turunkan asks for the new PK\'s First Party before creating it (5)', async () => {
  const app = await startApp({ viewport: DESKTOP, hash: `#/pk/${PK}kabag-perencanaan-data-informasi/turunkan` });
  try {
    const { page } = app;
    await page.locator('#pick-list').waitFor();
    await page.locator('.pick-indicator').first().check();
    await page.locator('#cascade-create').click();
    await expectText(page.locator('#cascade-needs-party'), 'Isi nama dan jabatan Pihak Pertama PK turunan sebelum membuatnya.');
    await expectFocus(page, 'id', 'cascade-name');
    await expectAttr(page.locator('#cascade-name'), 'aria-invalid', 'true');
    await eventually(() => page.url(), /\/turunkan$/, 'nothing was created');
    await page.locator('#cascade-name').fill('Yohanis Latuheru');
    await page.locator('#cascade-create').click();
    await expectFocus(page, 'id', 'cascade-position');
    await page.locator('#cascade-position').fill('Kepala Sub Bagian Statistik');
    await expectCount(page.locator('#cascade-needs-party'), 0);
    await page.locator('#cascade-create').click();
    await page.locator('#editor').waitFor();
    await go(page, '#/');
    await expectCount(page.locator('#cascade .pk-card'), 11);
    await expectText(page.locator('.pk-card', { hasText: 'Yohanis Latuheru' }).locator('.pk-card-title'), 'Kepala Sub Bagian Statistik');
    await expectCount(page.locator('.pk-card-parties', { hasText: '(nama belum diisi)' }), 3, 'only the three PKs the source leaves unnamed');
  } finally {
    await app.stop();
  }
});

test('input that is not valid is never shown as saved, is kept, and a PK shows its open problems (6)', async () => {
  const app = await startApp({ viewport: DESKTOP, hash: `#/pk/${PK}kasubag-keuangan/ubah` });
  try {
    const { page } = app;
    await page.locator('#pk-year').fill('20244');
    await expectText(page.locator('#save-status'), 'Ada isian belum tersimpan');
    await page.locator('#budget-0-amount').fill('sepuluh juta');
    await expectText(page.locator('#budget-0-amount-msg'), /Bukan jumlah rupiah/);
    await expectText(page.locator('#save-status'), 'Ada isian belum tersimpan');
    // Leaving the editor keeps both, and the PK's page says so.
    await page.locator('#done-editing').click();
    await page.locator('#pk-table').waitFor();
    await expectTexts(page.locator('#pk-drafts li > span'), [
      'Anggaran: “sepuluh juta” — tidak disimpan karena tidak sah.',
      'Tahun: “20244” — tidak disimpan karena tidak sah.',
    ]);
    await expectText(page.locator('#save-status'), 'Ada isian belum tersimpan');
    // Fix the year where it was typed: it is still there.
    await page.locator('#pk-drafts li', { hasText: 'Tahun' }).locator('.fix-link').click();
    await expectFocus(page, 'id', 'pk-year');
    await expectValue(page.locator('#pk-year'), '20244');
    await page.locator('#pk-year').fill('2024');
    await expectCount(page.locator('#pk-year-msg'), 0);
    await expectValue(page.locator('#budget-0-amount'), 'sepuluh juta');
    // Discard the amount on the PK's page: the saved amount stays, and now everything is saved.
    await page.locator('#done-editing').click();
    await page.locator('#pk-drafts .discard-draft').click();
    await expectCount(page.locator('#pk-drafts'), 0);
    await saved(page);
    await go(page, `#/pk/${PK}kasubag-keuangan/ubah`);
    await expectValue(page.locator('#budget-0-amount'), '5.138.411.000');
    // An empty indicator and a target without a number are saved as typed and listed on the PK's page.
    const first = page.locator('.indicator-row').first();
    await first.locator('textarea').fill('');
    await first.locator('input[type=text]').fill('abc');
    await saved(page);
    await page.locator('#done-editing').click();
    const problems = page.locator('#pk-problems li');
    await expectText(problems.filter({ hasText: 'Indikator 1.1' }), /Indikator 1\.1: Belum diisi\./);
    await expectText(problems.filter({ hasText: 'Target 1.1' }), /Target 1\.1: .*angka/);
    // Never printed.
    await page.emulateMedia({ media: 'print' });
    await expectPage(page, () => getComputedStyle(document.getElementById('pk-problems')).display, 'none');
    await page.emulateMedia({ media: 'screen' });
    await problems.filter({ hasText: 'Target 1.1' }).locator('.fix-link').click();
    await expectFocus(page, 'value', 'abc');
  } finally {
    await app.stop();
  }
});

test('a printed PK never leaves its signatures alone on the last page (7)', async () => {
  const app = await startApp({ viewport: DESKTOP });
  try {
    const { page } = app;
    const ids = await page.locator('#cascade .node').evaluateAll((els) => els.map((e) => e.dataset.id));
    assert.equal(ids.length, 10);
    await page.emulateMedia({ media: 'print' });
    for (const id of ids) {
      await go(page, `#/pk/${id}`);
      await page.locator('#budget-table').waitFor();
      const lastProgram = (await page.locator('#budget-table tbody tr').last().locator('td').nth(1).innerText()).trim();
      const pdf = path.join(tmp, `${id}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
      const signed = pages.findIndex((p) => /Januari 2024/.test(p) && /PIHAK PERTAMA|Pihak Pertama/i.test(p) && p === pages[pages.length - 1]);
      assert.ok(signed >= 1, `${id}: the last page holds the signatures`);
      const last = pages[pages.length - 1].replace(/\s+/g, ' ');
      assert.ok(last.includes(lastProgram.replace(/\s+/g, ' ').slice(0, 25)),
        `${id}: the end of the table (${lastProgram.slice(0, 25)}…) is on the page with the signatures:\n${last}`);
    }
  } finally {
    await app.stop();
  }
});

test('messages stay on their page, and deleting says so and keeps focus (8)', async () => {
  const app = await startApp({ viewport: DESKTOP });
  try {
    const { page } = app;
    await cascadeArchive(page);
    const notice = page.locator('.notices .notice', { hasText: 'PK turunan dibuat' });
    await expectCount(notice, 1, 'the notice is shown on the new PK');
    await go(page, `#/pk/${PK}kasubag-keuangan/ubah`);
    await page.locator('#editor').waitFor();
    await expectCount(notice, 0, 'and not on another PK\'s editor');
    // Two downloads: one message.
    await go(page, `#/pk/${PK}kasubag-keuangan`);
    for (let i = 0; i < 2; i++) {
      await download(page, async () => {
        await page.locator('.export-menu summary').click();
        await page.locator('#export-pk').click();
      });
    }
    await expectCount(page.locator('.notices .notice', { hasText: /diunduh|Berkas/ }), 1);
    // Deleting a sasaran: a message, and focus on the next sasaran.
    await go(page, `#/pk/${PK}kasubag-keuangan/ubah`);
    const second = await page.locator('.objective-editor').nth(1).getAttribute('data-objective');
    await page.locator('.objective-editor').first().locator('.delete-objective').click();
    await expectText(page.locator('.notices .notice').last(), /Sasaran 1 dihapus/);
    await expectFocus(page, 'id', `obj-${second}-text`);
    // Deleting an indicator keeps focus in its sasaran (the first sasaran with two indicators).
    const objectives = page.locator('.objective-editor');
    let n = 0;
    while ((await objectives.nth(n).locator('.indicator-row').count()) < 2) n += 1;
    const rows = objectives.nth(n).locator('.indicator-row');
    const next = await rows.nth(1).getAttribute('data-indicator');
    await rows.first().locator('.delete-indicator').click();
    await expectText(page.locator('.notices .notice').last(), new RegExp(`Indikator ${n + 1}\\.1 dihapus`));
    await expectFocus(page, 'id', `ind-${next}-text`);
  } finally {
    await app.stop();
  }
});

test('files and the public view speak the user\'s words, not the file\'s (9)', async () => {
  const app = await startApp({ viewport: DESKTOP, hash: `#/pk/${PK}kasubag-keuangan` });
  try {
    const { page } = app;
    await page.locator('.export-menu summary').click();
    const one = await download(page, () => page.locator('#export-pk').click());
    const json = JSON.parse(await fs.readFile(one, 'utf8'));
    assert.equal(json.agreements.length, 1);
    assert.ok(!json.notes, 'a one-PK file carries no notes about the other nine PKs');
    // A file whose superior is elsewhere, and one with a problem.
    json.agreements[0].id = 'kasubag-lain';
    json.agreements[0].parent = 'tidak-ada-di-mana-pun';
    const orphan = path.join(tmp, 'pk-tanpa-atasan.json');
    await fs.writeFile(orphan, JSON.stringify(json));
    const broken = structuredClone(json);
    broken.agreements[0].objectives[0].indicators[0].target = 5;
    const brokenFile = path.join(tmp, 'pk-rusak.json');
    await fs.writeFile(brokenFile, JSON.stringify(broken));
    await importFiles(page, [one, orphan, brokenFile]);
    const preview = page.locator('#import-preview');
    await expectText(page.locator(`.import-row[data-id="${PK}kasubag-keuangan"] .parent-note`),
      'PK atasan: Kepala Bagian Keuangan, Umum dan Logistik — ada di data Anda.');
    await expectText(page.locator('.import-row[data-id="kasubag-lain"] .parent-note'), /tidak ada di data Anda maupun di berkas ini/);
    await expectText(preview.locator('.file-result.refused .problems li').first(), /^PK ke-1 › sasaran 1 › indikator 1 › Target: /);
    await expectText(preview.locator('.file-result.accepted .warnings li').first(), /^PK ke-1 \(Kepala Sub Bagian Keuangan\) › PK atasan: /);
    // The PK whose superior is already here gets no warning per indicator about it (its row says where).
    await expectCount(preview.locator('.file-result.accepted').first().locator('.warnings li'), 0);
    const text = await preview.innerText();
    assert.ok(!/agreements\[|\.parent|objectives\[/.test(text), `no JSON paths in the preview:\n${text}`);
    // The public view: the office, no file name, no empty date, no transcription notes.
    await go(page, '#/publik');
    await expectText(page.locator('#published-info li'), 'Komisi Pemilihan Umum Provinsi Maluku');
    await go(page, `#/publik/pk/${PK}sekretaris`);
    await page.locator('#pk-table').waitFor();
    await expectCount(page.locator('.pk-notes'), 0);
    const visible = await page.locator('body').innerText();
    assert.ok(!/\.json|diekspor —|ditranskripsi|tercetak/.test(visible), 'no file names, empty dates or transcription notes');
  } finally {
    await app.stop();
  }
});

test('English has its plurals, its word for PK and its number format everywhere (10)', async () => {
  const app = await startApp({ viewport: DESKTOP });
  try {
    const { page } = app;
    await page.locator('#lang-en').click();
    await expectText(page.locator(`.node[data-id="${PK}kasubag-data-informasi"] .pk-card-facts div`).nth(2), /1 objective, 3 indicators/);
    await expectText(page.locator('#home-summary'), /^10 performance agreements/);
    await go(page, '#/rollup/2024');
    await expectText(page.locator('#summary-coverage'), /0 differing targets,/);
    await go(page, `#/pk/${PK}kasubag-keuangan/ubah`);
    const amount = page.locator('#budget-0-amount');
    await expectValue(amount, '5,138,411,000');
    await expectText(page.locator('#budget-0-amount-hint'), /IDR 5,138,411,000/);
    await expectAttr(amount, 'placeholder', '10,252,187,000');
    await amount.fill('2,500,000');
    await amount.blur();
    await expectText(page.locator('#budget-total'), /^IDR 2,500,000/);
    await expectValue(amount, '2,500,000');
    await page.locator('#lang-id').click();
    await expectValue(amount, '2.500.000');
    await page.locator('#lang-en').click();
    const all = await page.locator('body').innerText();
    assert.ok(!/superior's PK|1 objectives|1 indicators/.test(all), all);
  } finally {
    await app.stop();
  }
});

test('on a phone the document reads without broken words or gaps, and tables scroll by keyboard (11)', async () => {
  const app = await startApp({ viewport: PHONE, hash: `#/pk/${PK}kasubag-keuangan` });
  try {
    const { page } = app;
    await page.locator('#pk-table').waitFor();
    await expectPage(page, () => [...document.querySelectorAll('.sheet p')].filter((p) => p.textContent.length > 80)
      .map((p) => getComputedStyle(p).textAlign).every((a) => a === 'left'), true, 'long paragraphs are not justified');
    // No word of the lampiran is split over two lines.
    const broken = await until(() => page.evaluate(() => {
      const out = [];
      for (const cell of document.querySelectorAll('#pk-table td, #pk-table th')) {
        const node = cell.firstChild;
        if (!node || node.nodeType !== Node.TEXT_NODE) continue;
        const re = /\S+/g;
        let m;
        while ((m = re.exec(node.data))) {
          const r = document.createRange();
          r.setStart(node, m.index);
          r.setEnd(node, m.index + m[0].length);
          const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
          if (lines.size > 1) out.push(m[0]);
        }
      }
      return out;
    }), (list) => Array.isArray(list), 'words measured');
    assert.deepEqual(broken, [], 'words broken over two lines');
    await expectNoOverflow(page);
    // The rollup's wide tables: reachable with Tab and scrolled with the arrow keys.
    await go(page, '#/rollup/2024');
    const region = page.locator('.table-scroll').first();
    await region.waitFor();
    await expectAttr(region, 'tabindex', '0');
    await expectAttr(region, 'role', 'region');
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectPage(page, () => document.activeElement.scrollLeft > 0, true, 'the table scrolls with the keyboard');
  } finally {
    await app.stop();
  }
});
