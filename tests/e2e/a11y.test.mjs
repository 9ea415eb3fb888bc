// Accessibility: axe-core (an established checker) on every kind of page, in both languages.
// No serious or critical violation is allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, go, PK } from './lib/app.mjs';
import { eventually, expectPage } from './lib/expect.mjs';
import { audit } from './lib/axe.mjs';

const PAGES = [
  ['home', '#/', '#cascade'],
  ['agreement', `#/pk/${PK}sekretaris`, '#pk-table'],
  ['editor', `#/pk/${PK}kabag-perencanaan-data-informasi/ubah`, '#editor'],
  ['cascade', `#/pk/${PK}kabag-perencanaan-data-informasi/turunkan`, '#pick-list'],
  ['rollup', '#/rollup/2024', '#rollup-summary'],
  ['rollup subtree', `#/rollup/2024/${PK}kabag-teknis-hukum-sdm`, '#rollup-summary'],
  ['measure', `#/pk/${PK}kasubag-keuangan/realisasi`, '#measure-list'],
  ['lkj', `#/pk/${PK}kabag-perencanaan-data-informasi/lkj`, '#lkj-table'],
  ['capaian', '#/capaian/2024', '#capaian-summary'],
  ['tree', '#/pohon/2024', '#tree-canvas [data-id]'],
  ['data', '#/data', '#drop-zone'],
  ['monitor', '#/pemantauan/2024', '#monitor-title'],
  ['renstra', '#/renstra', '#renstra-form'],
  ['public home', '#/publik', '#cascade'],
  ['public agreement', `#/publik/pk/${PK}kasubag-hukum-sdm`, '#pk-table'],
  ['public rollup', '#/publik/rollup/2024', '#rollup-summary'],
  ['public lkj', `#/publik/pk/${PK}kasubag-hukum-sdm/lkj`, '#lkj-table'],
  ['public capaian', '#/publik/capaian/2024', '#capaian-summary'],
  ['public tree', '#/publik/pohon/2024', '#tree-canvas [data-id]'],
  // The built-in data is published without the grid: the page says there is nothing to show (grid.test.mjs
  // audits the grid published).
  ['public monitor', '#/publik/pemantauan/2024', '#monitor-not-public'],
  ['not found', '#/tidak-ada', 'h1'],
];

const VIEWPORTS = [['1366 px', { width: 1366, height: 900 }], ['360 px', { width: 360, height: 740 }]];

for (const [size, viewport] of VIEWPORTS) for (const lang of ['id', 'en']) {
  test(`no serious accessibility violations (${lang}, ${size})`, async () => {
    const app = await startApp({ viewport });
    try {
      const { page } = app;
      await page.locator(`#lang-${lang}`).click();
      const found = [];
      for (const [name, hash, check] of PAGES) {
        await go(page, hash);
        await page.locator(check).first().waitFor();
        // Collapsed sections and menus open too (their contents are audited).
        for (const details of await page.locator('main details:not([open])').all()) {
          if (await details.isVisible()) await details.locator('summary').first().click();
        }
        for (const v of await audit(page)) found.push(`${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.join(', ')}`);
      }
      // The documents as an unofficial English translation (chosen near Print), marked as such.
      for (const [name, hash, check] of [['agreement in English', `#/pk/${PK}sekretaris`, '#pk-table'], ['lkj in English', `#/pk/${PK}kasubag-keuangan/lkj`, '#lkj-table']]) {
        await go(page, hash);
        await page.locator(check).first().waitFor();
        await page.locator('#document-language').selectOption('en');
        await page.locator('#unofficial-note').waitFor();
        for (const v of await audit(page)) found.push(`${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.join(', ')}`);
      }
      // A PK's life: signed (read-only editor), a Perubahan being prepared, a signed version's page.
      const SIGNED = `${PK}kasubag-perencanaan`;
      await go(page, `#/pk/${SIGNED}`);
      await page.locator('#sign-date').fill('2024-01-02');
      await page.locator('#sign').click();
      await page.locator('#versions').waitFor();
      await page.locator('#revise summary').click();
      for (const v of await audit(page)) found.push(`signed agreement: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      await go(page, `#/pk/${SIGNED}/ubah`);
      await page.locator('#locked-banner').waitFor();
      for (const v of await audit(page)) found.push(`locked editor: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      await go(page, `#/pk/${SIGNED}`);
      await page.locator('#revise summary').click();
      await page.locator('#revise-start').click();
      await page.locator('#editor').waitFor();
      await go(page, `#/pk/${SIGNED}`);
      await page.locator('#sign-form').waitFor();
      for (const v of await audit(page)) found.push(`revision draft: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      await go(page, `#/pk/${SIGNED}/versi/0`);
      await page.locator('#version-note').waitFor();
      for (const v of await audit(page)) found.push(`signed version: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      // Data with a restore point (the day's first change above kept one) and the reminder in the header.
      await go(page, '#/data');
      await page.locator('#points tr.point').first().waitFor();
      // With the publishing choices open.
      await page.locator('#publish-choose > summary').click();
      await page.locator('#publish-summary').waitFor();
      for (const v of await audit(page)) found.push(`data with restore points: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      // The office list (the Maluku preset) with a name refused at its field.
      await page.locator('#offices-preset').click();
      await page.locator('#office-name').fill('KPU Kota Ambon');
      await page.locator('#office-add').click();
      await page.locator('#office-name-error:not(:empty)').waitFor();
      for (const v of await audit(page)) found.push(`data with offices: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      // The monitoring grid with the offices listed.
      await go(page, '#/pemantauan/2024');
      await page.locator('#monitor-table .monitor-row').first().waitFor();
      for (const v of await audit(page)) found.push(`monitoring grid: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      await app.context.clock.setFixedTime(new Date(Date.now() + 9 * 86400000));
      await go(page, `#/pk/${PK}sekretaris`);
      await page.locator('#reminder-header').waitFor();
      for (const v of await audit(page)) found.push(`backup reminder: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      await go(page, '#/');
      await page.locator('#reminder-home').waitFor();
      for (const v of await audit(page)) found.push(`backup reminder on Beranda: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      // A page with open details, an import preview and a validation message.
      await go(page, `#/pk/${PK}kasubag-keuangan/ubah`);
      await page.locator('#pk-unit').fill('');
      await page.locator('#budget-0-amount').fill('abc');
      for (const v of await audit(page)) found.push(`editor with messages: ${v.id} ${v.help} — ${v.nodes.join(', ')}`);
      assert.deepEqual(found, []);
    } finally {
      await app.stop();
    }
  });
}

test('the app can be used with the keyboard alone', async () => {
  const app = await startApp();
  try {
    const { page } = app;
    await page.locator('#cascade').waitFor();
    // The first Tab reaches the skip link; Enter moves focus to the main content.
    await page.keyboard.press('Tab');
    await eventually(() => page.evaluate(() => document.activeElement.className), 'skip-link');
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement.id), 'main');
    // Tab to the first PK link and open it with Enter.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement.closest('.pk-card-title') !== null)) break;
    }
    await page.keyboard.press('Enter');
    await page.locator('#pk-table').waitFor();
    // Every interactive element shows where the focus is.
    await page.locator('#print').focus();
    await expectPage(page, () => getComputedStyle(document.activeElement).outlineStyle !== 'none', true, 'the focus is visible');
    // Landmarks for screen readers.
    await expectPage(page, () => document.querySelectorAll('header, nav, main, footer').length >= 4, true, 'landmarks');
  } finally {
    await app.stop();
  }
});
