// The pohon kinerja: the embedded year as a tree with its three budget gaps, indicators shown
// from the keyboard, a PK opened with Enter, zoom by keyboard, SVG and PNG downloads, print on A4 and
// A3, the public view, a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK } from './lib/app.mjs';
import { download, tmp } from './lib/files.mjs';
import { audit } from './lib/axe.mjs';
import { expectAttr, expectCount, expectFocus, expectText, expectNoOverflow, eventually, until } from './lib/expect.mjs';

const SEK = `${PK}sekretaris`;
const KABAG = `${PK}kabag-keuangan-umum-logistik`;
const box = (page, id) => page.locator(`#tree-canvas [data-id="${id}"]`);
const scale = (page) => page.locator('#tree-stage').evaluate((el) => Number(/scale\(([\d.]+)\)/.exec(el.style.transform)?.[1]));

test('the embedded year as a tree: gaps at a glance, keyboard, links, zoom, downloads and print', async () => {
  const app = await startApp({ hash: '#/pohon/2024' });
  try {
    const { page } = app;
    await expectCount(page.locator('#tree-canvas [data-id]'), 10);
    await expectText(page.locator('#tree-title'), 'Pohon kinerja 2024');
    // The three budget gaps of the source document, in words (the text version lists the marks).
    await page.locator('#tree-text summary').click();
    await expectCount(page.locator('#tree-text .marks li', { hasText: /: turunan (lebih|kurang) Rp / }), 3);
    // The box's lines, read as one text.
    const lines = (id) => box(page, id).evaluate((g) => [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '));
    await until(() => lines(SEK), (t) => /turunan kurang Rp 254\.143\.000/.test(t), 'the gap in the Sekretaris box');

    // Keyboard: Space shows the indicators (focus stays on the box), Enter opens the PK.
    await box(page, SEK).focus();
    await page.keyboard.press(' ');
    await expectAttr(box(page, SEK), 'aria-expanded', 'true');
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-id')), SEK);
    await until(() => box(page, SEK).locator('.box-row-objective').first().textContent(), (t) => /^1\. /.test(t ?? ''), 'the first sasaran listed in the box');
    // The Sekretaris' indicators are carried by the Kepala Bagian: with both open, lines follow them.
    await box(page, KABAG).focus();
    await page.keyboard.press(' ');
    await expectAttr(box(page, KABAG), 'aria-expanded', 'true');
    await until(() => page.locator('#tree-canvas path.edge.indicator').count(), (n) => n > 0, 'lines between linked indicators');

    // Zoom with the keyboard, then fit.
    const before = await scale(page);
    await page.locator('#tree-canvas').focus();
    await page.keyboard.press('+');
    await until(() => scale(page), (s) => s > before, 'the tree zoomed in');
    await page.keyboard.press('0');
    await until(() => scale(page), (s) => s <= 1, 'the tree fitted');

    // Downloads, named like the other exports.
    const svgFile = await download(page, () => page.locator('#tree-svg').click());
    assert.match(path.basename(svgFile), /^pohon-kinerja-komisi-pemilihan-umum-provinsi-maluku-2024-\d{8}\.svg$/);
    const svg = await fs.readFile(svgFile, 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal(svg.match(/ data-id="/g).length, 10);
    assert.match(svg, /<style>/);
    assert.match(svg, /Sekretaris Komisi Pemilihan/);
    assert.match(svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '), /turunan kurang Rp 254\.143\.000/);
    const pngFile = await download(page, () => page.locator('#tree-png').click());
    assert.match(path.basename(pngFile), /\.png$/);
    const png = await fs.readFile(pngFile);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.ok(png.length > 10000);

    // Print, opened: too tall for one readable page, so split into pages that are all printed.
    const note = await page.locator('#tree-pages').innerText();
    const pages = Number(/^Dicetak pada (\d+) halaman A4 mendatar\.$/.exec(note)?.[1]);
    assert.ok(pages > 1, note);
    // The printed pages show the drawing only while printing (a copy kept in them made every opening
    // of a box twice as slow); the text below comes from those copies.
    const copies = () => page.evaluate(() => document.querySelectorAll('.tree-sheet use').length);
    assert.equal(await copies(), 0);
    await page.emulateMedia({ media: 'print' });
    const split = path.join(tmp, 'pohon-terbuka.pdf');
    await page.pdf({ path: split, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    await until(copies, (n) => n === 0, 'the copies are gone after printing');
    assert.match(execFileSync('pdfinfo', [split], { encoding: 'utf8' }), new RegExp(`Pages:\\s+${pages}\\b`));
    // Closed: A4 landscape, one page for the embedded year; A3 too.
    await page.locator('#tree-collapse-all').click();
    await expectText(page.locator('#tree-pages'), 'Dicetak pada 1 halaman A4 mendatar.');
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(tmp, 'pohon.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(info, /Pages:\s+1\b/);
    assert.match(info, /Page size:\s+84\d\.\d+ x 59\d\.\d+ pts \(A4\)/, 'A4 landscape');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /Sekretaris Komisi Pemilihan/);
    assert.doesNotMatch(text, /Unduh SVG|Sesuaikan layar/, 'no toolbar in print');
    await page.locator('#tree-paper').selectOption('A3');
    await expectText(page.locator('#tree-pages'), 'Dicetak pada 1 halaman A3 mendatar.');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /Page size:\s+119\d\.\d+ x 84\d\.\d+ pts \(A3\)/);

    // Enter on a box opens its PK.
    await box(page, KABAG).focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.url(), new RegExp(`#/pk/${KABAG}$`));
    await page.locator('#pk-document').waitFor();

    // The same tree in the public view, from a deep link.
    await go(page, '#/publik/pohon/2024');
    await expectCount(page.locator('#tree-canvas [data-id]'), 10);
  } finally {
    await app.stop();
  }
});

test('the tree on a phone: no page overflow, a screenshot', async () => {
  const app = await startApp({ hash: '#/pohon/2024', viewport: { width: 360, height: 740 } });
  try {
    const { page } = app;
    await expectCount(page.locator('#tree-canvas [data-id]'), 10);
    await expectNoOverflow(page);
    const dir = new URL('./.output/', import.meta.url).pathname;
    await fs.mkdir(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, 'tree-360.png'), fullPage: true });
    // Opened legible (the whole tree fitted to a phone's width would be about 4 px text), to pan around;
    // fitting it whole is a button.
    await until(() => scale(page), (s) => s >= 12 / 13 - 1e-9, 'the tree opened legible on the phone');
    await page.locator('#tree-fit').click();
    await until(() => scale(page), (s) => s < 0.5, 'the tree fitted to the phone');
  } finally {
    await app.stop();
  }
});

test('small pictures in the rollup and the capaian view, each with its words', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kasubag-umum-logistik/realisasi` });
  try {
    const { page } = app;
    const arsip = `#m-${PK}kasubag-umum-logistik/s01/i1-actual`.replaceAll('/', '\\/');
    await page.locator('#tw-1').click();
    await page.locator(arsip).fill('43,75%');
    await page.locator('#tw-2').click();
    await page.locator(arsip).fill('70%');
    // The rollup: own budget against the lower PKs', per program of every PK with lower PKs.
    await go(page, '#/rollup/2024');
    const bars = page.locator('#rollup-tree svg.budget-bar');
    await until(() => bars.count(), (n) => n >= 3, 'budget bars');
    const labels = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(labels.every((l) => /^Anggaran sendiri Rp [\d.]+; PK turunan bersama Rp [\d.]+$/.test(l)), labels.join('\n'));
    // One of them is the document's gap at the Sekretaris: the lower PKs get Rp 254.143.000 less.
    const rupiah = (s) => Number(s.replaceAll('.', ''));
    const gaps = labels.map((l) => /Rp ([\d.]+); PK turunan bersama Rp ([\d.]+)/.exec(l)).map((m) => rupiah(m[1]) - rupiah(m[2]));
    assert.ok(gaps.includes(254143000), gaps.join(', '));
    // Capaian per quarter: 43,75 / 87,5 = 50,00 % in TW I, 70 / 87,5 = 80,00 % in TW II; TW III and IV are
    // not reported, and say so (never TW II's figure again).
    await go(page, '#/capaian/2024');
    const chart = page.locator(`.capaian-card[data-id="${PK}kasubag-umum-logistik"] tr[data-indicator="${PK}kasubag-umum-logistik/s01/i1"] svg.mini-chart`);
    await expectAttr(chart, 'aria-label', 'TW I 50,00%, TW II 80,00%, TW III belum dilaporkan, TW IV belum dilaporkan');
    await expectAttr(chart, 'role', 'img');
  } finally {
    await app.stop();
  }
});

test('a year of 460 PKs: the list, the rollup and the capaian are drawn as the reader goes, or whole on request; the tree, too large to draw at once, offers each office\'s tree instead', async () => {
  const app = await startApp({ hash: '#/data' });
  try {
    const { page } = app;
    // 45 offices: the embedded 2024 PKs copied with their own ids.
    const dataset = JSON.parse(await fs.readFile(new URL('../../public/data/kpu-maluku-2024.json', import.meta.url), 'utf8'));
    const file = { ...dataset, agreements: [] };
    for (let n = 0; n < 45; n++) {
      for (const a of dataset.agreements) file.agreements.push(JSON.parse(JSON.stringify(a).replaceAll(PK, `kantor${n}-`)));
    }
    const big = path.join(tmp, 'empat-puluh-lima-kantor.json');
    await fs.writeFile(big, JSON.stringify(file));
    await page.locator('#import-files').setInputFiles(big);
    await page.locator('#import-confirm:not([disabled])').click();
    await page.locator('.notice.success').waitFor();
    const count = (selector) => page.locator(selector).count();
    const shownLine = (more) => page.locator(`${more} p`).first();
    // Asked for whole, a long list is drawn a step after each pause: 460 capaian cards (tables of up to 59
    // rows with their charts) take seconds on a slow machine.
    const allDrawn = (selector) => until(() => count(selector), (n) => n === 460, `all 460 of ${selector}`, 60000);
    // The list of PKs: the first screens are drawn, and the line under them says how many of the 460.
    await go(page, '#/tahun/2024');
    await expectAttr(page.locator('#cascade > li').first(), 'data-id', SEK);
    await expectText(shownLine('#cascade-more'), /^Ditampilkan \d+ dari 460 PK\. PK berikutnya ditampilkan saat Anda menggulir ke bawah\.$/);
    const atFirst = await count('#cascade .pk-card');
    assert.ok(atFirst >= 10 && atFirst < 460, `${atFirst} cards at first`);
    assert.equal(await shownLine('#cascade-more').innerText(), `Ditampilkan ${atFirst} dari 460 PK. PK berikutnya ditampilkan saat Anda menggulir ke bawah.`);
    // Printed, the line says how many are on paper, not how to scroll.
    await page.emulateMedia({ media: 'print' });
    await expectText(shownLine('#cascade-more'), /^Ditampilkan \d+ dari 460 PK\.$/);
    await page.emulateMedia({ media: 'screen' });
    // Scrolled to the end, more come (cascade order kept).
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await until(() => count('#cascade .pk-card'), (n) => n > atFirst, 'more cards once scrolled down');
    // Asked for all of them: every card comes, in cascade order, and the line goes.
    await page.locator('#cascade-more .more-all').click();
    await allDrawn('#cascade .pk-card');
    await expectCount(page.locator('#cascade > li'), 46);
    await expectAttr(page.locator('#cascade > li').last(), 'data-id', 'kantor44-sekretaris');
    await expectAttr(page.locator('#cascade .node').last(), 'data-id', 'kantor44-kasubag-hukum-sdm');
    // The line says so, its buttons are gone, and keyboard focus is on the line.
    await expectText(shownLine('#cascade-more'), 'Ditampilkan semua 460 PK.');
    await expectCount(page.locator('#cascade-more button:visible'), 0);
    await expectFocus(page, 'id', 'cascade-more-line');
    // The rollup, by keyboard: the next step of 24 cards, then all of them.
    await go(page, '#/rollup/2024');
    await expectText(shownLine('#rollup-more'), /^Ditampilkan \d+ dari 460 PK/);
    for (const viewport of [{ width: 360, height: 740 }, { width: 1366, height: 900 }]) {
      await page.setViewportSize(viewport);
      assert.deepEqual(await audit(page), [], `the rollup with its line of more accessible at ${viewport.width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const rolled = await count('#rollup-tree .pk-card');
    assert.ok(rolled < 460, `${rolled} rollup cards at first`);
    await page.locator('#rollup-more .more-next').focus();
    await expectText(page.locator('#rollup-more .more-next'), 'Tampilkan 24 PK berikutnya (dari 460)');
    await page.keyboard.press('Enter');
    await until(() => count('#rollup-tree .pk-card'), (n) => n >= rolled + 24, '24 more cards');
    await page.locator('#rollup-more .more-all').focus();
    await page.keyboard.press('Enter');
    await expectFocus(page, 'id', 'rollup-more-line', 'focus stays on the line when the buttons go');
    await allDrawn('#rollup-tree .pk-card');
    await expectText(shownLine('#rollup-more'), 'Ditampilkan semua 460 PK.');
    await expectAttr(page.locator('#rollup-tree > li').last(), 'data-id', 'kantor44-sekretaris');
    // A long page left while its cards are still being drawn is taken down, and the next one drawn:
    // switched away at once, to an office and back, each page shows once.
    for (const hash of ['#/tahun/2024', '#/rollup/2024/kantor3-sekretaris', '#/rollup/2024']) {
      await page.evaluate((h) => { location.hash = h; }, hash);
    }
    await expectText(page.locator('#rollup-title'), 'Rekapitulasi Perjanjian Kinerja Tahun 2024');
    await expectCount(page.locator('main > section.page'), 1, 'one page in <main>');
    await page.locator('#rollup-more .more-all').click();
    await allDrawn('#rollup-tree .pk-card');
    await expectAttr(page.locator('#rollup-tree > li').last(), 'data-id', 'kantor44-sekretaris');
    // The capaian of a long year is worked out a step of PKs at a time, then shown as the reader goes.
    await go(page, '#/capaian/2024');
    await expectAttr(page.locator('#capaian-list .capaian-card').first(), 'data-id', SEK);
    // Nothing is reported anywhere yet: the first ten PKs are listed, all 460 on request (and back).
    await expectCount(page.locator('#not-reported li'), 10);
    await expectText(page.locator('#not-reported-all'), 'Tampilkan semua 460 PK yang belum melapor');
    await expectAttr(page.locator('#not-reported-all'), 'aria-expanded', 'false');
    await page.locator('#not-reported-all').click();
    await expectCount(page.locator('#not-reported li'), 460);
    await expectAttr(page.locator('#not-reported-all'), 'aria-expanded', 'true');
    await expectText(page.locator('#not-reported-all'), 'Tampilkan 10 yang pertama saja');
    await page.locator('#not-reported-all').click();
    await expectCount(page.locator('#not-reported li'), 10);
    await expectText(page.locator('#capaian-working'), '', 'no progress left once done');
    await expectText(shownLine('#capaian-more'), /^Ditampilkan \d+ dari 460 PK/);
    // Another quarter: the cards drawn are drawn again for it, and those drawn later come for it.
    await page.locator('#tw-2').click();
    await expectText(page.locator('#not-reported').locator('xpath=preceding-sibling::h3[1]'), /TW II/);
    const drawn = page.locator('#capaian-list .capaian-card').nth((await count('#capaian-list .capaian-card')) - 1);
    await until(async () => {
      await drawn.scrollIntoViewIfNeeded();
      return drawn.locator('thead th').nth(2).innerText();
    }, (t) => t === 'Target s.d. TW II', 'the last card drawn is for TW II');
    await page.locator('#capaian-more .more-all').click();
    await allDrawn('#capaian-list .capaian-card');
    await expectAttr(page.locator('#capaian-list .capaian-card').last(), 'data-id', 'kantor44-kasubag-hukum-sdm');
    // Read as a reader would, scrolled to.
    const last = page.locator('#capaian-list .capaian-card').last();
    await until(async () => {
      await last.scrollIntoViewIfNeeded();
      return last.locator('thead th').nth(2).innerText();
    }, (t) => t === 'Target s.d. TW II', 'the last card is for TW II');
    // Switched while reading further down: the cards where the reader is change first, then those below,
    // then those above.
    const reading = page.locator('#capaian-list > li').nth(300);
    await reading.scrollIntoViewIfNeeded();
    const readingId = await reading.getAttribute('data-id');
    await page.evaluate(() => {
      window.__redrawn = [];
      new MutationObserver((changes) => {
        for (const c of changes) {
          const el = c.target.nodeType === Node.ELEMENT_NODE ? c.target : c.target.parentElement;
          const card = el?.closest('#capaian-list > li');
          if (card && !window.__redrawn.includes(card.dataset.id)) window.__redrawn.push(card.dataset.id);
        }
      }).observe(document.querySelector('#capaian-list'), { childList: true, subtree: true, characterData: true, attributes: true });
      document.querySelector('#tw-3').click();
    });
    // 460 cards redrawn two at a time take seconds on a slow machine (patience, not a timing assertion).
    await until(() => last.locator('thead th').nth(2).textContent(), (t) => t === 'Target s.d. TW III', 'the last card is for TW III', 60000);
    await until(() => page.evaluate(() => window.__redrawn.length), (n) => n === 460, 'every card redrawn once', 60000);
    const order = await page.evaluate(() => window.__redrawn);
    const ids = await page.locator('#capaian-list > li').evaluateAll((cards) => cards.map((c) => c.dataset.id));
    const firstRedrawn = ids.indexOf(order[0]);
    assert.ok(firstRedrawn >= 295 && firstRedrawn <= 300, `the first card redrawn is where the reader is (${firstRedrawn}, reading ${ids.indexOf(readingId)})`);
    assert.equal(order[order.length - 1], ids[firstRedrawn - 1], 'the cards above come last');
    await go(page, '#/pohon/2024');
    await expectText(page.locator('#tree-too-large'), /^Pohon ini berisi 460 PK, terlalu banyak untuk digambar sekaligus \(paling banyak 400\)/);
    await expectCount(page.locator('#tree-choices li'), 46, 'the built-in Sekretaris and 45 copies');
    await expectCount(page.locator('#tree-canvas'), 0, 'nothing drawn');
    await expectText(page.locator('#tree-choices li').nth(1), /— 10 PK$/);
    for (const viewport of [{ width: 1366, height: 900 }, { width: 360, height: 740 }]) {
      await page.setViewportSize(viewport);
      assert.deepEqual(await audit(page), [], `accessible at ${viewport.width} px`);
    }
    // One office's tree is drawn as usual, reached by keyboard.
    await page.locator('#tree-choices li').nth(1).locator('a').focus();
    await page.keyboard.press('Enter');
    await expectCount(page.locator('#tree-canvas [data-id]'), 10);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});
