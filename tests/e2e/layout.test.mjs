// Layout defects of issue 27 (point 10), each measured as the page draws it: the LKj table at 1366 px,
// an opened tree box (its quarters' line inside its border on screen and in the downloaded SVG, the box
// in sight, one scale on every printed page), the Ekspor… menu, an old error beside a new success, the
// "in force" badge in English, and the import preview's warnings and action list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, PK } from './lib/app.mjs';
import { expectCount, expectFocus, expectNoOverflow, expectText, until } from './lib/expect.mjs';
import { download, importFiles, tmp } from './lib/files.mjs';
import { audit } from './lib/axe.mjs';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 740 };
const OUT = new URL('./.output/', import.meta.url).pathname;
await fs.mkdir(OUT, { recursive: true });

test('the LKj table fits its sheet at 1366 px: every column in sight, nothing to scroll sideways', async () => {
  const app = await startApp({ hash: `#/publik/pk/${PK}sekretaris/lkj`, viewport: DESKTOP });
  try {
    const { page } = app;
    const table = page.locator('#lkj-table');
    await table.waitFor();
    const measure = () => table.evaluate((t) => {
      const scroll = t.closest('.table-scroll');
      const sheet = t.closest('.sheet').getBoundingClientRect();
      const heads = [...t.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect());
      return { overflow: scroll.scrollWidth - scroll.clientWidth, lastRight: heads.at(-1).right, sheetRight: sheet.right };
    });
    await until(measure, (m) => m.overflow <= 1 && m.lastRight <= m.sheetRight, 'Capaian, Predikat and last year in the sheet');
    await expectNoOverflow(page);
  } finally {
    await app.stop();
  }
});

test('an opened tree box keeps its quarters inside its border, on screen and in the SVG, stays in sight, and prints at one scale', async () => {
  const LOW = `${PK}kasubag-umum-logistik`;
  const app = await startApp({ hash: `#/pk/${LOW}/realisasi`, viewport: DESKTOP });
  try {
    const { page } = app;
    // Four quarters reported: the longest line a box can hold.
    const field = `#m-${LOW}/s01/i1-actual`.replaceAll('/', '\\/');
    for (const [q, v] of [[1, '43,75%'], [2, '70%'], [3, '80%'], [4, '87,5%']]) {
      await page.locator(`#tw-${q}`).click();
      await page.locator(field).fill(v);
    }
    await go(page, '#/pohon/2024');
    const box = page.locator(`#tree-canvas [data-id="${LOW}"]`);
    await box.focus();
    await page.keyboard.press(' ');
    await until(() => box.getAttribute('aria-expanded'), (v) => v === 'true', 'opened');
    // Every line of the box ends inside its frame.
    const inside = (g) => {
      const frame = g.querySelector('.box-frame').getBBox();
      const out = [...g.querySelectorAll('text')].filter((t) => { const b = t.getBBox(); return b.x + b.width > frame.x + frame.width; });
      return { lines: g.querySelectorAll('text.tb-mark').length, out: out.map((t) => t.textContent) };
    };
    await until(() => box.evaluate(inside), (r) => r.lines > 0 && r.out.length === 0, 'no line past the border on screen');
    await until(() => box.evaluate((g) => [...g.querySelectorAll('text.tb-mark')].map((t) => t.textContent).join(' | ')),
      (t) => /TW I 50,00%.*TW IV 100,00%/.test(t), 'the quarters are all there');
    // The opened box in sight in its canvas: its whole width and its top.
    const canvas = await page.locator('#tree-canvas').boundingBox();
    await until(() => box.locator('.box-frame').evaluate((r) => r.getBoundingClientRect().toJSON()),
      (r) => r.left >= canvas.x && r.right <= canvas.x + canvas.width && r.top >= canvas.y && r.top < canvas.y + canvas.height,
      'the opened box in the canvas');
    // The downloaded SVG (the PNG is drawn from it) holds the same lines inside the same border.
    const svgFile = await download(page, () => page.locator('#tree-svg').click());
    const svg = await fs.readFile(svgFile, 'utf8');
    const other = await app.context.newPage();
    await other.setContent(`<!doctype html><body>${svg}</body>`);
    const inFile = await other.locator(`g[data-id="${LOW}"]`).evaluate(inside);
    assert.ok(inFile.lines > 0 && inFile.out.length === 0, `lines past the border in the SVG: ${inFile.out.join(' | ')}`);
    await other.close();
    // Printed with the box open (split into pages): every page at one scale.
    await page.emulateMedia({ media: 'print' });
    const scales = await page.locator('.tree-sheet svg').evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width / s.viewBox.baseVal.width));
    await page.emulateMedia({ media: 'screen' });
    assert.ok(scales.length > 1, `split into pages: ${scales.length}`);
    assert.ok(scales.every((s) => Math.abs(s - scales[0]) < scales[0] * 0.01), `one scale on every page: ${scales.join(', ')}`);
  } finally {
    await app.stop();
  }
});

test('the Ekspor… menu closes on Escape and on a click outside it', async () => {
  const app = await startApp({ hash: `#/pk/${PK}sekretaris`, viewport: DESKTOP });
  try {
    const { page } = app;
    const menu = page.locator('.export-menu');
    const isOpen = () => menu.evaluate((d) => d.open);
    await menu.locator('summary').click();
    await until(isOpen, (o) => o, 'open');
    await page.keyboard.press('Escape');
    await until(isOpen, (o) => !o, 'closed by Escape');
    await expectFocus(page, 'tagName', 'SUMMARY');
    await menu.locator('summary').click();
    await until(isOpen, (o) => o, 'open again');
    await page.locator('#pk-document').click({ position: { x: 20, y: 20 } });
    await until(isOpen, (o) => !o, 'closed by a click outside');
  } finally {
    await app.stop();
  }
});

test('a success clears the earlier error of the same action', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kasubag-perencanaan`, viewport: DESKTOP });
  try {
    const { page } = app;
    await page.locator('#sign-date').fill('');
    await page.locator('#sign').click();
    await expectCount(page.locator('.notices .notice.error'), 1);
    await page.locator('#sign-date').fill('2024-01-02');
    await page.locator('#sign').click();
    await expectCount(page.locator('.notices .notice.success'), 1);
    await expectCount(page.locator('.notices .notice.error'), 0, 'the old error is gone');
  } finally {
    await app.stop();
  }
});

test('the "in force" badge stays on one line in English on a phone', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kasubag-perencanaan`, viewport: PHONE });
  try {
    const { page } = app;
    await page.locator('#lang-en').click();
    await page.locator('#sign-date').fill('2024-01-02');
    await page.locator('#sign').click();
    const badge = page.locator('#versions strong.badge', { hasText: 'in force' });
    await badge.waitFor();
    await until(() => badge.evaluate((b) => b.getClientRects().length), (n) => n === 1, 'one line');
    await expectNoOverflow(page);
  } finally {
    await app.stop();
  }
});

test('the import preview lists only real problems, and its actions are all in sight on a phone', async () => {
  const app = await startApp({ hash: `#/pk/${PK}kasubag-keuangan`, viewport: PHONE });
  try {
    const { page } = app;
    await page.locator('.export-menu summary').click();
    const one = await download(page, () => page.locator('#export-pk').click());
    const json = JSON.parse(await fs.readFile(one, 'utf8'));
    // Its superior PK is nowhere, but every indicator it links to is in this workspace.
    json.agreements[0].id = 'kasubag-lain';
    json.agreements[0].parent = 'tidak-ada-di-mana-pun';
    const orphan = path.join(tmp, 'pk-atasan-lain.json');
    await fs.writeFile(orphan, JSON.stringify(json));
    await importFiles(page, [orphan]);
    const warnings = page.locator('#import-preview .file-result.accepted .warnings li');
    await expectCount(warnings, 1, 'only the superior PK, not a line per indicator found here');
    await expectText(warnings.first(), /PK atasan: PK atasan tidak ada di berkas ini/);
    // Nothing of the preview runs off the phone's screen: every choice and button in sight.
    await expectNoOverflow(page);
    const cut = () => page.locator('#import-preview select, #import-preview button').evaluateAll((els) => els
      .filter((e) => e.offsetParent !== null)
      .filter((e) => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth || e.scrollWidth > e.clientWidth + 1; })
      .map((e) => e.id || e.textContent));
    await page.locator('#import-preview').screenshot({ path: path.join(OUT, 'import-preview-360.png') });
    await until(cut, (c) => c.length === 0, 'no action cut off');
    // Laid out as blocks on the phone, it passes the accessibility audit in both languages.
    assert.deepEqual(await audit(page), []);
    await page.locator('#lang-en').click();
    await expectText(warnings.first(), /the superior's agreement is not in this file/);
    assert.deepEqual(await audit(page), []);
  } finally {
    await app.stop();
  }
});
