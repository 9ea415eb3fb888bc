// Issue 29 at scale and in public: Beranda's line of what is due (this office's next deliverable, and for a
// collecting office how many are late, linking to the grid), the grid read as cards on a phone in both
// languages, a national list of 552 offices drawn as its reader goes (and filtered), and the grid in the
// public view when the office publishes it (off by default).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startApp, go, reload, saved, DIST, PREFIX } from './lib/app.mjs';
import { download, importFiles, tmp } from './lib/files.mjs';
import { expectAttr, expectCount, expectFocus, expectNoOverflow, expectText, until } from './lib/expect.mjs';
import { storedWorkspace } from './lib/stored.mjs';
import { audit } from './lib/axe.mjs';
import { AMBON, ambonFile, cell } from './lib/monitor.mjs';
import { serve } from './lib/server.mjs';
import { launch, open, ready } from './lib/browser.mjs';

const OUT = new URL('./.output/', import.meta.url).pathname;
const MALUKU = 'Asia/Jayapura';
const violations = async (page) => (await audit(page)).map((v) => `${v.id} ${v.help} — ${v.nodes.join(', ')}`);

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

test('Beranda says what this office owes next and how many offices are late, linking to the grid', async () => {
  const app = await startApp({ hash: '#/tahun/2024', timezoneId: MALUKU, now: new Date('2024-04-15T09:00:00+09:00') });
  try {
    const { page } = app;
    // No office listed: the workspace's PKs are this office's; the PK, due 31 January, was never signed.
    await expectText(page.locator('#next-due'), 'Belum dikirim: PK ditandatangani, tenggat 31 Januari 2024 (terlambat 75 hari).');
    await expectCount(page.locator('#monitor-late-line'), 0);
    // The province's offices, and its own PK dates at the end of May (a circular): TW I (10 April) comes first.
    await go(page, '#/data');
    await page.locator('#offices-preset').click();
    await page.locator('#due-pk').fill('2024-05-31');
    await page.locator('#due-rencana_aksi').fill('2024-05-31');
    await saved(page);
    await go(page, '#/tahun/2024');
    await expectText(page.locator('#next-due'), 'Belum dikirim: Realisasi TW I, tenggat 10 April 2024 (terlambat 5 hari).');
    await expectText(page.locator('#monitor-late-line'), 'Kantor yang Anda pantau: 11 dari 11 terlambat. Lihat pemantauan 2024');
    assert.deepEqual(await violations(page), []);
    await page.locator('#lang-en').click();
    await expectText(page.locator('#next-due'), 'Not sent yet: Realisasi Q1, due 10 April 2024 (5 days late).');
    await expectText(page.locator('#monitor-late-line'), 'Offices you collect from: 11 of 11 late. Open the 2024 monitoring grid');
    assert.deepEqual(await violations(page), []);
    await page.setViewportSize({ width: 360, height: 740 });
    assert.deepEqual(await violations(page), []);
    await page.locator('#lang-id').click();
    assert.deepEqual(await violations(page), []);
    await expectNoOverflow(page, 'Beranda on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Five days earlier nothing is late yet: TW I is due in 5 days.
    await app.context.clock.setFixedTime(new Date('2024-04-05T09:00:00+09:00'));
    await go(page, '#/data');
    await go(page, '#/tahun/2024');
    await expectText(page.locator('#next-due'), 'Tenggat berikutnya: Realisasi TW I, 10 April 2024 (5 hari lagi).');
    await expectText(page.locator('#monitor-late-line'), 'Kantor yang Anda pantau: 0 dari 11 terlambat. Lihat pemantauan 2024');
    // The link opens the year's grid, by keyboard too.
    await page.locator('#monitor-late-line a').focus();
    await page.keyboard.press('Enter');
    await expectText(page.locator('#monitor-title'), 'Pemantauan laporan kantor 2024');
    await expectCount(page.locator('#monitor-table .monitor-row'), 11);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('on a phone each office is a card: its name, then each deliverable labelled, in words and colour', async () => {
  const app = await startApp({ hash: '#/data', timezoneId: MALUKU, now: new Date('2024-04-25T09:00:00+09:00') });
  try {
    const { page } = app;
    await page.locator('#offices-preset').click();
    await saved(page);
    await importFiles(page, [await ambonFile('grid-kpu-kota-ambon-2024.json')]);
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: 'Impor selesai: 1 baru' }).waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    await go(page, '#/pemantauan/2024');
    await expectText(cell(page, AMBON, 'tw1'), 'diterima 25 April 2024, 5 indikator belum diisi, terlambat 15 hari');
    for (const lang of ['id', 'en']) {
      await page.locator(`#lang-${lang}`).click();
      const tw1 = lang === 'id' ? 'Realisasi TW I' : 'Realisasi Q1';
      await expectAttr(cell(page, AMBON, 'tw1'), 'data-label', tw1);
      // A card: the row is a block, its cells under its name, each labelled; nothing scrolls sideways.
      const shape = await page.locator(AMBON).evaluate((tr) => {
        const [name, first] = [tr.querySelector('th'), tr.querySelector('td[data-key="tw1"]')];
        const frame = tr.closest('.table-scroll');
        return {
          display: getComputedStyle(tr).display,
          below: first.getBoundingClientRect().top >= name.getBoundingClientRect().bottom - 1,
          label: getComputedStyle(first, '::before').content,
          fits: frame.scrollWidth <= frame.clientWidth,
        };
      });
      assert.deepEqual(shape, { display: 'block', below: true, label: `"${tw1}: "`, fits: true });
      await expectNoOverflow(page, `the grid on a phone (${lang})`);
      assert.deepEqual(await violations(page), [], lang);
      await page.screenshot({ path: path.join(OUT, `phone-monitor-cards-${lang}.png`), fullPage: true });
    }
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

test('552 offices: the grid is drawn as its reader goes, keyed by office, and filtered at once', async () => {
  const app = await startApp({ hash: '#/tahun/2024', timezoneId: MALUKU, now: new Date('2024-01-15T09:00:00+09:00') });
  try {
    const { page } = app;
    const names = Array.from({ length: 552 }, (_, i) => `KPU Kabupaten Contoh ${String(i + 1).padStart(3, '0')}`);
    await seed(page, (file) => {
      file.measure_settings = {
        ...(file.measure_settings || {}),
        offices: { own: 'KPU RI', list: [{ name: 'KPU RI', level: 'ri' }, ...names.map((name) => ({ name, level: 'kab_kota', parent: 'KPU RI' }))] },
      };
    });
    await go(page, '#/pemantauan/2024');
    await expectText(page.locator('#monitor-shown'), '552 dari 552 kantor ditampilkan.');
    // Not all at once: the first screens, and a line that says how many with buttons for more.
    const drawn = async () => ({ rows: await page.locator('#monitor-table .monitor-row').count(), line: await page.locator('#monitor-more-line').innerText() });
    const first = await until(drawn, (d) => d.rows > 0 && d.line.startsWith(`Ditampilkan ${d.rows} dari 552`), 'the first rows and their line');
    assert.ok(first.rows < 552, `${first.rows} rows drawn first`);
    await expectText(page.locator('#monitor-table .monitor-row th').first(), 'KPU Kabupaten Contoh 001 (belum ada PK)');
    // Every row is keyed by its office: its element stays when more rows come.
    await page.locator('#monitor-table .monitor-row').first().evaluate((tr) => { tr.dataset.mark = 'first'; });
    await page.locator('#monitor-more .more-next').click();
    await until(drawn, (d) => d.rows > first.rows, 'a step more');
    await expectAttr(page.locator('#monitor-table .monitor-row').first(), 'data-mark', 'first');
    // Late only (15 January: nothing is late) and back: the rows follow the filter.
    await page.locator('#monitor-late-only').check();
    await expectText(page.locator('#monitor-shown'), '0 dari 552 kantor ditampilkan.');
    await expectCount(page.locator('#monitor-table .monitor-row'), 0);
    await page.locator('#monitor-late-only').uncheck();
    await until(drawn, (d) => d.rows > 0 && d.rows < 552, 'the first rows again');
    // The whole list on request (to print it or search it), the line then says so and takes the focus.
    await page.locator('#monitor-more .more-all').click();
    await expectCount(page.locator('#monitor-table .monitor-row'), 552);
    await expectText(page.locator('#monitor-more-line'), 'Ditampilkan semua 552 kantor.');
    await expectFocus(page, 'id', 'monitor-more-line');
    await expectText(page.locator('#monitor-table .monitor-row th').last(), 'KPU Kabupaten Contoh 552 (belum ada PK)');
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
});

/** Serves a copy of dist/ whose data/index.json is `file`, and opens `hash` at `now` in Maluku. */
async function site(file, hash, now) {
  const dir = path.join(tmp, `grid-site-${Date.now()}`);
  await fs.cp(DIST, dir, { recursive: true });
  await fs.copyFile(file, path.join(dir, 'data/index.json'));
  const server = await serve(dir, { prefix: PREFIX });
  const browser = await launch({ timezoneId: MALUKU });
  await browser.context.clock.setFixedTime(now);
  const page = await open(browser.context, server.url + hash);
  await ready(page);
  return { page, stop: async () => { await browser.close(); await server.close(); } };
}

test('the public view shows the grid only when the office publishes it: read-only, by keyboard, axe clean', async () => {
  const now = new Date('2024-04-25T09:00:00+09:00');
  const app = await startApp({ hash: '#/data', timezoneId: MALUKU, now });
  let off;
  let on;
  try {
    const { page } = app;
    await page.locator('#offices-preset').click();
    await saved(page);
    await importFiles(page, [await ambonFile('grid-kpu-kota-ambon-2024.json')]);
    await page.locator('#import-confirm').click();
    await page.locator('.notice.success', { hasText: 'Impor selesai: 1 baru' }).waitFor();
    await page.locator('#publish-choose > summary').click();
    // Off by default.
    await expectAttr(page.locator('#publish-monitor'), 'aria-describedby', 'publish-monitor-hint');
    assert.equal(await page.locator('#publish-monitor').isChecked(), false);
    off = await download(page, () => page.locator('#publish-download').click());
    await fs.rename(off, (off = path.join(tmp, 'grid-index-off.json')));
    await page.locator('#publish-monitor').check();
    await saved(page);
    on = await download(page, () => page.locator('#publish-download').click());
    await fs.rename(on, (on = path.join(tmp, 'grid-index-on.json')));
    // A setting of the data: kept, and in the published file with the day TW I arrived (never the file name).
    await reload(page);
    await page.locator('#publish-choose > summary').click();
    assert.equal(await page.locator('#publish-monitor').isChecked(), true);
    assert.deepEqual(page.errors, []);
  } finally {
    await app.stop();
  }
  const json = JSON.parse(await fs.readFile(on, 'utf8'));
  assert.equal(json.measure_settings.monitor_public, true);
  const ambon = json.agreements.find((a) => a.id === 'ambon-2024');
  assert.deepEqual(ambon.origin.quarters, ['2024-04-25', null, null, null]);
  assert.ok(!JSON.stringify(json).includes('grid-kpu-kota-ambon-2024.json'), 'no file name in the published file');
  assert.equal(JSON.parse(await fs.readFile(off, 'utf8')).measure_settings.monitor_public, undefined);

  // Not published: no link, and the address says there is nothing to show.
  const hidden = await site(off, '#/publik/pemantauan/2024', now);
  try {
    const { page } = hidden;
    await page.locator('#monitor-not-public').waitFor();
    await expectCount(page.locator('#nav-monitor'), 0);
    await expectCount(page.locator('#monitor-table'), 0);
  } finally {
    await hidden.stop();
  }

  const shown = await site(on, '#/publik', now);
  try {
    const { page } = shown;
    await page.locator('#nav-monitor').click();
    await expectText(page.locator('#monitor-title'), 'Pemantauan laporan kantor 2024');
    await expectCount(page.locator('#monitor-table .monitor-row'), 11);
    await expectText(cell(page, AMBON, 'tw1'), 'diterima 25 April 2024, 5 indikator belum diisi, terlambat 15 hari');
    await expectText(cell(page, '#monitor-table tr[data-office="kab buru"]', 'tw1'), 'terlambat 15 hari');
    // Read-only: the office opens its public PK, no cell links to the staff's realisasi page.
    await expectAttr(page.locator(`${AMBON} th a`), 'href', '#/publik/pk/ambon-2024');
    await expectCount(page.locator('#monitor-table td a'), 0);
    await expectCount(page.locator('#undo, a[href="#/data"]'), 0);
    // By keyboard: the late-only filter with Space.
    await page.locator('#monitor-year').focus();
    await page.keyboard.press('Tab');
    await expectFocus(page, 'id', 'monitor-late-only');
    await page.keyboard.press('Space');
    await expectText(page.locator('#monitor-shown'), '11 dari 11 kantor ditampilkan.');
    await page.keyboard.press('Space');
    for (const width of [1366, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
      for (const lang of ['id', 'en']) {
        await page.locator(`#lang-${lang}`).click();
        await expectText(page.locator('#monitor-title'), lang === 'id' ? 'Pemantauan laporan kantor 2024' : 'Office reports 2024');
        assert.deepEqual(await violations(page), [], `${width} px, ${lang}`);
      }
    }
    await expectNoOverflow(page, 'the public grid on a phone');
    await page.screenshot({ path: path.join(OUT, 'phone-public-monitor-en.png'), fullPage: true });
    assert.deepEqual(page.errors, []);
  } finally {
    await shown.stop();
  }
});
