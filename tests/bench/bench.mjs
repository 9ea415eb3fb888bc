// Kinerja benchmark: the release build in headless Chromium at province and national scale.
// Run with `make bench` (builds, generates the data, then runs this). Each timing is the median of
// BENCH_RUNS runs (default 5) with min and max. Results go to tests/bench/results/ as JSON, and a short
// table is printed. Timings are measured inside the page (performance.now), not from the test driver.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { startApp, DIST, PK, PREFIX } from '../e2e/lib/app.mjs';
import { serve } from '../e2e/lib/server.mjs';
import { launch } from '../e2e/lib/browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.join(HERE, '.data');
const RUNS = Number(process.env.BENCH_RUNS || 5);

const stats = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const r = (x) => Math.round(x * 100) / 100;
  return { median: r(v[Math.floor(v.length / 2)]), min: r(v[0]), max: r(v[v.length - 1]), runs: v.length };
};

/** Fresh profile, app served under a sub-path (the end-to-end tests' own start). */
const session = (hash = '') => startApp({ hash, allowConsoleErrors: true });

/** Waits for the next macrotask (all pending microtasks, i.e. Leptos' effects, have run) and a layout. */
const SETTLE = `() => new Promise((resolve) => {
  const c = new MessageChannel();
  c.port1.onmessage = () => { document.body.getBoundingClientRect(); resolve(); };
  c.port2.postMessage(0);
})`;

async function measureSize() {
  const gzip = async (f) => zlib.gzipSync(await fs.readFile(path.join(DIST, f)), { level: 9 }).length;
  const files = (await fs.readdir(DIST, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  const code = files.filter((f) => f.endsWith('.wasm') || (f.endsWith('.js') && f !== 'sw.js'));
  let wasm = 0, js = 0;
  for (const f of code) {
    if (f.endsWith('.wasm')) wasm += await gzip(f);
    else js += await gzip(f);
  }
  // The first page: the code the browser fetches to draw the list of PKs (the service worker, which
  // precaches the rest for offline use afterwards, fetches on its own and is not counted).
  const { page, stop } = await session();
  const fetched = new Set();
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (code.includes(name)) fetched.add(name);
  });
  await page.reload();
  await page.locator('main h1').first().waitFor();
  await page.evaluate(SETTLE);
  await stop();
  let first = 0;
  for (const f of fetched) first += await gzip(f);
  const pages = code.filter((f) => f.startsWith('split_')).length;
  const shared = code.filter((f) => f.startsWith('chunk_')).length;
  return { first_page_gzip_bytes: first, first_page_files: [...fetched].sort(), wasm_gzip_bytes: wasm, js_gzip_bytes: js, total_gzip_bytes: wasm + js, page_files: pages, shared_files: shared };
}

/** Serves `root` under the sub-path compressed as Apache (mod_deflate) and nginx (`gzip on`, `gzip_types`)
 *  are set up to: every text type and the WebAssembly gzip-compressed when the browser accepts it (level 6,
 *  their default), `no-cache` as `lib/server.mjs`. Compressed once per file. */
async function serveGzip(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.png': 'image/png' };
  const packed = new Map();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(PREFIX)) { res.writeHead(404); return res.end(); }
    let rel = decodeURIComponent(url.pathname.slice(PREFIX.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    let body;
    try { body = await fs.readFile(file); } catch { res.writeHead(404); return res.end(); }
    const ext = path.extname(file);
    const headers = { 'content-type': types[ext] || 'application/octet-stream', 'cache-control': 'no-cache' };
    if (ext !== '.png' && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      if (!packed.has(file)) packed.set(file, zlib.gzipSync(body, { level: 6 }));
      body = packed.get(file);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  const sockets = new Set();
  server.on('connection', (c) => { sockets.add(c); c.on('close', () => sockets.delete(c)); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  return { url, close: () => new Promise((resolve) => { for (const c of sockets) c.destroy(); server.close(resolve); }) };
}

/** Chrome's connection profiles (CDP `Network.emulateNetworkConditions`): the issue's Slow 3G (400 kbit/s,
 *  400 ms latency) and WebPageTest's 4G (9 Mbit/s down, 170 ms). */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 400e3 / 8, uploadThroughput: 400e3 / 8 };
const FOUR_G = { offline: false, latency: 170, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 };

/** Navigation to the moment `done` (a page expression) first holds, in a fresh profile each run, for the
 *  build in `dir` served under the sub-path; `network` emulates a connection (Chrome's CDP conditions).
 *  `page` is the address below the sub-path; `gzip` serves as a configured Apache or nginx; `painted`
 *  takes the next frame after `done` holds (text is read once painted, after its style sheets). */
async function startTimes(dir, done, { runs = RUNS, network, page: at = '', gzip = false, painted = false } = {}) {
  const server = gzip ? await serveGzip(dir) : await serve(dir, { prefix: PREFIX });
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      const browser = await launch();
      try {
        await browser.context.addInitScript(`new MutationObserver((_, obs) => {
          if (${done}) {
            obs.disconnect();
            if (${painted}) requestAnimationFrame(() => { window.__rendered = performance.now(); });
            else window.__rendered = performance.now();
          }
        }).observe(document, { childList: true, subtree: true });`);
        const page = await browser.context.newPage();
        if (network) {
          const cdp = await browser.context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', network);
        }
        await page.goto(server.url + at, { timeout: 120000 });
        await page.waitForFunction(() => window.__rendered !== undefined, null, { timeout: 120000 });
        times.push(await page.evaluate(() => window.__rendered));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return stats(times);
}

const TRIVIAL = path.join(HERE, '.trivial');
const APP_DRAWN = "document.querySelectorAll('#cascade .pk-card').length === 10";
const TRIVIAL_DRAWN = "document.getElementById('trivial')";

/** The trivial Leptos page (tests/bench/trivial/, built by `make bench`): navigation to its paragraph. */
const measureTrivialStart = () => startTimes(TRIVIAL, TRIVIAL_DRAWN);

/** The app with the built-in data: navigation to the year's 10 cards. */
const measureFirstRender = () => startTimes(DIST, APP_DRAWN);

/** Start to first full render on a slow connection, as on an island: 1.6 Mbit/s down, 150 ms latency (Chrome's
 *  "Fast 3G"), files sent uncompressed as a default nginx sends .wasm. The app and the trivial page. */
async function measureSlowStart() {
  const network = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
  const runs = Math.min(RUNS, 3);
  return {
    app_ms: await startTimes(DIST, APP_DRAWN, { runs, network }),
    trivial_ms: await startTimes(TRIVIAL, TRIVIAL_DRAWN, { runs, network }),
  };
}

/** First readable content on the island link of issue 32 (Slow 3G, served gzip): a public PK's address
 *  (its static page: the document's heading and table), and the staff home (the year's 10 cards). */
async function measureIslandStart() {
  const runs = Math.min(RUNS, 3);
  const opts = { runs, network: SLOW_3G, gzip: true, painted: true };
  return {
    public_pk_ms: await startTimes(DIST, "document.querySelector('#pk-document #pk-table tbody tr')", { ...opts, page: `publik-pk-${PK}sekretaris.html` }),
    public_pk_hash_ms: await startTimes(DIST, "document.querySelector('#main #pk-document #pk-table tbody tr')", { ...opts, page: `#/publik/pk/${PK}sekretaris` }),
    staff_home_ms: await startTimes(DIST, APP_DRAWN, opts),
  };
}

/** The country by office: the national data (552 offices, 5 520 PKs) published as static pages (an index of
 *  offices, a page per office, each PK's two pages; `static_pages`, as `make dist` writes them), the index's
 *  first screen on 4G (served gzip), and the largest file a reader downloads. */
async function measureNationalIndex(national) {
  const site = path.join(DATA, 'national-site');
  await fs.rm(site, { recursive: true, force: true });
  await fs.mkdir(site, { recursive: true });
  for (const f of await fs.readdir(DIST)) if (/\.(css|svg|png|webmanifest)$/.test(f)) await fs.copyFile(path.join(DIST, f), path.join(site, f));
  await fs.copyFile(path.join(DIST, 'index.html'), path.join(site, 'index.html'));
  const started = performance.now();
  execFileSync('cargo', ['run', '--locked', '--quiet', '--bin', 'static_pages', '--', site, '--data', national], { stdio: 'inherit' });
  const write_s = Math.round((performance.now() - started) / 100) / 10;
  const pages = (await fs.readdir(site)).filter((f) => /^publik.*\.html$/.test(f));
  let largest = { file: '', bytes: 0, gzip_bytes: 0 };
  let total = 0;
  for (const f of pages) {
    const body = await fs.readFile(path.join(site, f));
    total += body.length;
    if (body.length > largest.bytes) largest = { file: f, bytes: body.length, gzip_bytes: zlib.gzipSync(body, { level: 6 }).length };
  }
  const index = await fs.readFile(path.join(site, 'publik.html'));
  const result = {
    pages: pages.length,
    offices: pages.filter((f) => f.startsWith('publik-kantor-')).length,
    total_bytes: total,
    write_s,
    index_bytes: index.length,
    index_gzip_bytes: zlib.gzipSync(index, { level: 6 }).length,
    largest,
    index_first_screen_ms: await startTimes(site, "document.querySelectorAll('#static-offices tbody tr').length >= 10", { runs: Math.min(RUNS, 3), network: FOUR_G, gzip: true, painted: true, page: 'publik.html' }),
  };
  await fs.rm(site, { recursive: true, force: true });
  return result;
}

/** Imports `file` (validate + preview) `runs` times in one page; compares with JSON.parse of the same text. */
async function measureImport(file, expectedRows, runs) {
  const s = await session('#/data');
  const { page } = s;
  page.setDefaultTimeout(600000);
  const text = await fs.readFile(file, 'utf8');
  const app = [], compute = [], parse = [], longest = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate((n) => {
      window.__importStart = undefined;
      window.__importEnd = undefined;
      window.__longest = 0;
      performance.clearMeasures('kinerja:import');
      // The longest time the page was busy without a break (long tasks are those over 50 ms).
      window.__tasks?.disconnect();
      window.__tasks = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      });
      window.__tasks.observe({ type: 'longtask' });
      document.addEventListener('change', (e) => { if (e.target.id === 'import-files') window.__importStart = performance.now(); }, { capture: true, once: true });
      // The preview's first screen: its first 50 rows (the rest are drawn on demand).
      const obs = new MutationObserver(() => {
        if (document.querySelectorAll('.import-row').length === Math.min(n, 50)) { window.__importEnd = performance.now(); obs.disconnect(); }
      });
      obs.observe(document.body, { childList: true, subtree: true });
    }, expectedRows);
    await page.locator('#import-files').setInputFiles(file);
    await page.waitForFunction(() => window.__importEnd !== undefined);
    app.push(await page.evaluate(() => window.__importEnd - window.__importStart));
    await page.waitForTimeout(100);
    longest.push(await page.evaluate(() => window.__longest));
    compute.push(await page.evaluate(() => performance.getEntriesByName('kinerja:import').at(-1).duration));
    const estimate = await page.locator('#import-estimate').innerText();
    const canConfirm = !(await page.locator('#import-confirm').isDisabled());
    if (i === runs - 1) s.estimate = { estimate, canConfirm };
    await page.locator('#import-cancel').click();
  }
  // The browser's own JSON.parse of the same bytes, in the same page.
  const handle = await page.evaluateHandle((t) => t, text);
  for (let i = 0; i < runs; i++) {
    parse.push(await page.evaluate((t) => { const t0 = performance.now(); JSON.parse(t); return performance.now() - t0; }, handle));
  }
  const result = {
    bytes: Buffer.byteLength(text),
    import_ms: stats(app),
    validate_classify_ms: stats(compute),
    json_parse_ms: stats(parse),
    longest_task_ms: stats(longest),
    ratio_to_json_parse: Math.round((stats(app).median / stats(parse).median) * 10) / 10,
    storage: s.estimate,
  };
  await s.stop();
  return result;
}

/** The national workspace in use, each run in a fresh profile: confirming its import, then the home
 *  page and the rollup opened, then a start with it in storage. For each: until the first card is shown,
 *  and the longest time the page did not respond (long tasks, over 50 ms; 0 when there was none). */
async function measureNationalUse(file, runs) {
  const out = { confirm_ms: [], confirm_longest_ms: [], home_first_ms: [], home_longest_ms: [], home_shown: [], home_all_ms: [], home_all_longest_ms: [], rollup_first_ms: [], rollup_longest_ms: [], leave_longest_ms: [], capaian_first_ms: [], capaian_longest_ms: [], capaian_shown: [], quarter_all_ms: [], quarter_longest_ms: [], start_first_ms: [], start_longest_ms: [] };
  // Times (in the page) until the first `selector` is shown and until `count` of them are.
  // A national year's lists are drawn as the reader goes: opened, a page draws what fills the screen and
  // the next screens, then waits; "show all" draws the rest a step after each pause.
  const watch = (page, selector = null, count = 0) => page.evaluate(([selector, count]) => {
    window.__longest = 0;
    window.__tasks?.disconnect();
    window.__tasks = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); });
    window.__tasks.observe({ type: 'longtask' });
    window.__first = undefined;
    window.__all = undefined;
    const t0 = performance.now();
    window.__t0 = t0;
    if (!selector) return;
    const obs = new MutationObserver(() => {
      const n = document.querySelectorAll(selector).length;
      if (n > 0 && window.__first === undefined) window.__first = performance.now() - t0;
      if (n >= count) { window.__all = performance.now() - t0; obs.disconnect(); }
    });
    obs.observe(document.body, { childList: true, subtree: true });
  }, [selector, count]);
  const since = (page) => page.evaluate(() => performance.now() - window.__t0);
  // Long tasks are reported after they end: a moment for the last one (and for the steps drawn ahead of
  // the reader to be drawn).
  const longest = async (page) => { await page.waitForTimeout(1000); return page.evaluate(() => window.__longest); };
  const shown = (page, selector) => page.evaluate((s) => document.querySelectorAll(s).length, selector);
  for (let i = 0; i < runs; i++) {
    const s = await imported(file, (page) => watch(page));
    const { page } = s;
    try {
      out.confirm_ms.push(await since(page));
      out.confirm_longest_ms.push(await longest(page));
      await watch(page, '#cascade .pk-card', 1);
      await page.evaluate(() => { location.hash = '#/'; });
      await page.waitForFunction(() => window.__all !== undefined);
      out.home_first_ms.push(await page.evaluate(() => window.__first));
      out.home_longest_ms.push(await longest(page));
      out.home_shown.push(await shown(page, '#cascade .pk-card'));
      // All of them, asked for.
      await watch(page, '#cascade .pk-card', 5520);
      await page.locator('#cascade-more .more-all').click();
      await page.waitForFunction(() => window.__all !== undefined);
      out.home_all_ms.push(await page.evaluate(() => window.__all));
      out.home_all_longest_ms.push(await longest(page));
      await watch(page, '#rollup-tree .pk-card', 1);
      await page.evaluate(() => { location.hash = '#/rollup'; });
      await page.waitForFunction(() => window.__all !== undefined);
      out.rollup_first_ms.push(await page.evaluate(() => window.__first));
      out.rollup_longest_ms.push(await longest(page));
      // Leaving it takes its 5 520 cards down: measured on its own, on the way to a small page. The
      // capaian page's rows take minutes to draw whole: one run of them.
      if (i === 0) {
        await watch(page);
        await page.evaluate(() => { location.hash = '#/data'; });
        await page.locator('#import-files').waitFor();
        out.leave_longest_ms.push(await longest(page));
        await watch(page, '#capaian-list .capaian-card', 1);
        await page.evaluate(() => { location.hash = '#/capaian'; });
        await page.waitForFunction(() => window.__all !== undefined);
        out.capaian_first_ms.push(await page.evaluate(() => window.__first));
        await page.locator('#capaian-summary').waitFor();
        out.capaian_longest_ms.push(await longest(page));
        out.capaian_shown.push(await shown(page, '#capaian-list .capaian-card'));
        // Another quarter: every card drawn changes, a step of cards at a time, until the last one shows it.
        await watch(page);
        await page.evaluate(() => { const cards = document.querySelectorAll('#capaian-list > li'); window.__last = cards[cards.length - 1]; });
        await page.locator('#tw-2').click();
        await page.waitForFunction(() => window.__last.querySelector('thead th:nth-child(3)')?.textContent.includes('TW II'));
        out.quarter_all_ms.push(await since(page));
        out.quarter_longest_ms.push(await longest(page));
      }
      await page.evaluate(() => { location.hash = '#/'; });
      await page.addInitScript(() => {
        window.__longest = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });
        new MutationObserver((_, obs) => {
          if (document.querySelector('#cascade .pk-card')) { window.__rendered = performance.now(); obs.disconnect(); }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.reload();
      await page.waitForFunction(() => window.__rendered !== undefined);
      out.start_first_ms.push(await page.evaluate(() => window.__rendered));
      out.start_longest_ms.push(await longest(page));
    } finally {
      await s.stop();
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, stats(v)]));
}

/** A fresh profile with `file` imported through the Data page; `beforeConfirm(page)` runs just before the
 *  import is confirmed. Returns the open session. */
async function imported(file, beforeConfirm = async () => {}) {
  const s = await session('#/data');
  s.page.setDefaultTimeout(600000);
  try {
    await s.page.locator('#import-files').setInputFiles(file);
    await s.page.locator('#import-confirm:not([disabled])').waitFor();
    await beforeConfirm(s.page);
    await s.page.locator('#import-confirm').click();
    await s.page.locator('.notice.success', { hasText: 'Impor selesai' }).waitFor();
    return s;
  } catch (e) {
    await s.stop();
    throw e;
  }
}

/** Characters in localStorage (keys and values, as browsers count the quota), all and the workspace's. */
async function measureStorage(s) {
  return s.page.evaluate(() => {
    let chars = 0, workspace = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      const n = k.length + localStorage.getItem(k).length;
      chars += n;
      if (k.startsWith('kinerja.v2.')) workspace += n;
    }
    // src/store.rs QUOTA_CHARS: 5 MiB of UTF-16 characters.
    const quota = 5 * 1024 * 1024;
    return { chars, bytes_utf16: chars * 2, workspace_chars: workspace, share_of_quota: Math.round((chars / quota) * 1000) / 1000 };
  });
}

/** Ten province-years, each signed with four quarters of realisasi (a 23 MB file): imported through the
 *  preview, then what storage holds, saving after one realisasi typed, and a start with all of it. */
async function measureTenYears(file) {
  const s = await imported(file);
  const { page } = s;
  try {
    const storage = await measureStorage(s);
    // One realisasi typed at a time on a Kepala Sub Bagian's measurement page, each saved on its own.
    await page.evaluate((h) => { location.hash = h; }, '#/pk/gen3-2025-kabag1-sub0/realisasi');
    const input = page.locator('.measure-indicator').first().locator('input[type=text]').nth(1);
    await input.waitFor();
    const saves = [];
    for (let i = 0; i < RUNS * 2; i++) {
      await page.evaluate(() => performance.clearMeasures('kinerja:save'));
      await input.fill(String(80 + i));
      await page.waitForFunction(() => performance.getEntriesByName('kinerja:save').length > 0);
      saves.push(await page.evaluate(() => performance.getEntriesByName('kinerja:save').at(-1).duration));
    }
    // Starting with ten years in storage: reading them, then the first page drawn.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('#cascade .pk-card')) { window.__rendered = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    });
    const loads = [], renders = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate(() => { location.hash = '#/'; });
      await page.reload();
      await page.waitForFunction(() => window.__rendered !== undefined);
      renders.push(await page.evaluate(() => window.__rendered));
      loads.push(await page.evaluate(() => performance.getEntriesByName('kinerja:load').at(-1).duration));
    }
    const years = await page.evaluate(() => document.querySelectorAll('#cascade .pk-card').length);
    return { bytes: (await fs.stat(file)).size, storage, save_ms: stats(saves), load_ms: stats(loads), first_render_ms: stats(renders), cards_shown: years };
  } finally {
    await s.stop();
  }
}

async function measureRollup(s) {
  const { page } = s;
  // One edit somewhere in the province, then the rollup of its year; undo/redo are single edits.
  await page.evaluate((h) => { location.hash = h; }, '#/pk/gen3-2025-kabag1-sub0/ubah');
  await page.locator('#budget-0-amount').fill('1.234.567.000');
  await page.evaluate((h) => { location.hash = h; }, '#/rollup/2025');
  await page.locator('#rollup-summary').waitFor();
  const compute = [], view = [];
  for (let i = 0; i < RUNS * 4; i++) {
    const button = i % 2 === 0 ? '#undo' : '#redo';
    await page.evaluate(() => performance.clearMeasures('kinerja:rollup'));
    const ms = await page.evaluate(async ([sel, settle]) => {
      const wait = eval(settle);
      const t0 = performance.now();
      document.querySelector(sel).click();
      await wait();
      return performance.now() - t0;
    }, [button, SETTLE]);
    view.push(ms);
    compute.push(await page.evaluate(() => performance.getEntriesByName('kinerja:rollup').at(-1).duration));
  }
  return { recompute_ms: stats(compute), view_update_ms: stats(view) };
}

/** The longest task on the page's main thread while `action` runs, in ms, from a Chrome trace (the
 *  browser's long-task API reports only tasks over 50 ms, and one frame is 16). */
async function longestTask(page, action) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
  try {
    await action();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && e.name.includes('RunTask'));
  return Math.max(0, ...tasks.map((e) => e.dur / 1000));
}

/** Moving around at province scale: opening the Sekretaris PK, the rollup switched to one office's
 *  subtree, and switched between years (2024: the 10 built-in PKs; 2025: the province's 120). Each
 *  switch: until the first screen is drawn (the page settled after the change), until every card is
 *  drawn (the rest follow a step at a time), and the longest task meanwhile. */
async function measureSwitches(s) {
  const { page } = s;
  const cards = '#rollup-tree .pk-card';
  const go = (hash, count = 0) => page.evaluate(async ([h, settle, selector, count]) => {
    const wait = eval(settle);
    const t0 = performance.now();
    location.hash = h;
    await wait();
    const first = performance.now() - t0;
    const shown = document.querySelectorAll(selector).length;
    while (document.querySelectorAll(selector).length < count) await new Promise((r) => setTimeout(r, 0));
    return { first, shown, all: performance.now() - t0 };
  }, [hash, SETTLE, cards, count]);
  // Each page's code is fetched when first opened (measureFirstOpen); these measures are of pages
  // whose code is loaded, so each is opened once first.
  for (const [hash, drawn] of [[`#/pk/${PK}sekretaris`, '#pk-table'], ['#/rollup/2025', '#rollup-summary'], ['#/data', '#drop-zone']]) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.locator(drawn).waitFor();
  }
  const moves = {
    open_sekretaris: { before: '#/data', hash: `#/pk/${PK}sekretaris`, count: 0 },
    rollup_subtree: { before: '#/rollup/2025', hash: '#/rollup/2025/gen0-2025-sekretaris', count: 0 },
    rollup_year: { before: '#/rollup/2024', hash: '#/rollup/2025', count: 120 },
  };
  // The subtree's cards: counted once it is drawn whole.
  await go(moves.rollup_subtree.hash);
  await page.waitForTimeout(500);
  moves.rollup_subtree.count = await page.evaluate((c) => document.querySelectorAll(c).length, cards);
  const out = {};
  for (const [name, move] of Object.entries(moves)) {
    const first = [], all = [], shown = [], longest = [];
    for (let i = 0; i < RUNS; i++) {
      await go(move.before);
      const r = await go(move.hash, move.count);
      first.push(r.first);
      all.push(r.all);
      shown.push(r.shown);
    }
    for (let i = 0; i < RUNS; i++) {
      await go(move.before);
      longest.push(await longestTask(page, () => go(move.hash, move.count)));
    }
    out[`${name}_ms`] = stats(first);
    out[`${name}_all_ms`] = stats(all);
    out[`${name}_longest_task_ms`] = stats(longest);
    out[`${name}_cards`] = { first_screen: stats(shown).median, all: move.count };
  }
  return out;
}

/** A page opened for the first time: its file is fetched (from localhost here) and compiled before it is
 *  drawn. The rollup of the built-in year, from the list of PKs, in a fresh profile each run; then the same
 *  page opened again in that session, its code loaded. */
async function measureFirstOpen() {
  const first = [], again = [];
  const open = (page) => page.evaluate(async () => {
    const t0 = performance.now();
    location.hash = '#/rollup/2024';
    while (!document.getElementById('rollup-summary')) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  });
  for (let i = 0; i < RUNS; i++) {
    const { page, stop } = await session();
    try {
      await page.locator('#cascade .pk-card').first().waitFor();
      first.push(await open(page));
      await page.evaluate(() => { location.hash = '#/'; });
      await page.locator('#cascade .pk-card').first().waitFor();
      again.push(await open(page));
    } finally {
      await stop();
    }
  }
  return { first_ms: stats(first), again_ms: stats(again) };
}

/** The pohon kinerja of the province's year: from the link to every box drawn, then one box opened. */
async function measureTree(s) {
  const { page } = s;
  const open = [], toggle = [];
  // The tree page's code is loaded first (its first opening is measureFirstOpen's subject).
  await page.evaluate((h) => { location.hash = h; }, '#/pohon/2025');
  await page.locator('#tree-canvas [data-id]').first().waitFor();
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate((h) => { location.hash = h; }, '#/data');
    await page.locator('#drop-zone').waitFor();
    open.push(await page.evaluate(async ([settle]) => {
      const wait = eval(settle);
      const t0 = performance.now();
      location.hash = '#/pohon/2025';
      while (document.querySelectorAll('#tree-canvas [data-id]').length === 0) await new Promise((r) => requestAnimationFrame(r));
      await wait();
      return performance.now() - t0;
    }, [SETTLE]));
    toggle.push(await page.evaluate(async ([settle]) => {
      const wait = eval(settle);
      const box = document.querySelector('#tree-canvas [data-id]');
      const t0 = performance.now();
      box.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await wait();
      return performance.now() - t0;
    }, [SETTLE]));
  }
  const boxes = await page.locator('#tree-canvas [data-id]').count();
  return { open_ms: stats(open), toggle_ms: stats(toggle), boxes };
}

/** Types `RUNS × 12` characters into one field of a page and times each keystroke until the page settled.
 *  `pick` finds the field in the page; `value(i, old)` is what the field holds after keystroke `i`. */
async function measureTypingIn(s, hash, ready, pick, value) {
  const { page } = s;
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.locator(ready).waitFor();
  const times = await page.evaluate(async ([runs, settle, pickSrc, valueSrc]) => {
    const wait = eval(settle);
    const field = eval(pickSrc)();
    const next = eval(valueSrc);
    field.focus();
    const out = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      field.value = next(i, field.value);
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
      await wait();
      out.push(performance.now() - t0);
    }
    return out;
  }, [RUNS * 12, SETTLE, pick, value]);
  return stats(times);
}

/** Typing an indicator's text in the Sekretaris PK's editor (59 indicators). */
const measureTyping = (s) => measureTypingIn(s, `#/pk/${PK}sekretaris/ubah`, '.indicator-row >> nth=58',
  "() => document.querySelectorAll('.indicator-row textarea')[10]", '(i, old) => old + "x"');

/** Typing a realisasi on the Sekretaris' measurement page (59 indicators, every capaian through the cascade). */
const measureTypingRealisasi = (s) => measureTypingIn(s, `#/pk/${PK}sekretaris/realisasi`, '.measure-indicator >> nth=58',
  "() => document.querySelectorAll('.measure-indicator')[10].querySelectorAll('input[type=text]')[1]",
  '(i) => String((i % 9) + 1)');

const fmt = (s) => `${s.median} ms (min ${s.min}, max ${s.max})`;

/** BENCH_ONLY=size,render,island,static,import,national,province,years (comma-separated) runs only those parts. */
const ONLY = (process.env.BENCH_ONLY || '').split(',').filter(Boolean);
const want = (part) => ONLY.length === 0 || ONLY.includes(part);

async function main() {
  const province = path.join(DATA, 'province.json');
  const national = path.join(DATA, 'national.json');
  const results = { date: new Date().toISOString(), runs: RUNS, chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
  if (want('size')) results.size = await measureSize();
  if (want('render')) {
    console.log('first render, and a trivial Leptos page…');
    results.first_render_ms = await measureFirstRender();
    results.trivial_start_ms = await measureTrivialStart();
    results.first_render_ratio = Math.round((results.first_render_ms.median / results.trivial_start_ms.median) * 10) / 10;
  }
  if (want('render')) { console.log('first render on a slow connection…'); results.slow_start = await measureSlowStart(); }
  if (want('render')) { console.log('a page opened for the first time…'); results.first_open_rollup = await measureFirstOpen(); }
  if (want('island')) { console.log('first readable content on Slow 3G, gzip (public PK, staff home)…'); results.island_start = await measureIslandStart(); }
  if (want('static')) { console.log('the country by office: static index on 4G…'); results.national_index = await measureNationalIndex(national); }
  if (want('import')) { console.log('import, province…'); results.import_province = await measureImport(province, 120, RUNS * 2); }
  if (want('national')) { console.log('import, national…'); results.import_national = await measureImport(national, 5520, Math.min(RUNS, 3)); }
  if (want('national')) { console.log('national workspace in use…'); results.national_use = await measureNationalUse(national, Math.min(RUNS, 3)); }
  if (want('province')) {
    console.log('rollup, typing, storage (province loaded)…');
    const s = await imported(province);
    try {
      results.storage_province = await measureStorage(s);
      results.rollup_province = await measureRollup(s);
      results.typing_sekretaris_ms = await measureTyping(s);
      results.typing_realisasi_ms = await measureTypingRealisasi(s);
      results.tree_province = await measureTree(s);
      results.switches_province = await measureSwitches(s);
    } finally {
      await s.stop();
    }
  }
  if (want('years')) { console.log('ten province-years in storage…'); results.ten_years = await measureTenYears(path.join(DATA, 'ten-years.json')); }
  if (ONLY.length) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const goals = [
    ['App size for the first page (wasm + js, gzip)', `${(results.size.first_page_gzip_bytes / 1024).toFixed(1)} KB (${results.size.first_page_files.length} files)`, '≤ 200 KB', results.size.first_page_gzip_bytes <= 200 * 1024],
    ['App size, whole app (wasm + js, gzip)', `${(results.size.total_gzip_bytes / 1024).toFixed(1)} KB (${results.size.page_files} pages loaded on demand, ${results.size.shared_files} shared parts)`, '—', true],
    ['Start to first full render', `${fmt(results.first_render_ms)} = ${results.first_render_ratio} × a trivial Leptos page's start (${fmt(results.trivial_start_ms)})`, 'reported, brought down', true],
    ['Import province (validate + preview)', `${fmt(results.import_province.import_ms)}; ${results.import_province.ratio_to_json_parse}× JSON.parse (${results.import_province.json_parse_ms.median} ms)`, '≤ 3× JSON.parse', results.import_province.ratio_to_json_parse <= 3],
    ['Import national (validate + preview)', `${fmt(results.import_national.import_ms)}; ${results.import_national.ratio_to_json_parse}× JSON.parse (${results.import_national.json_parse_ms.median} ms)`, '—', true],
    ['Import national: longest time the page does not respond', `${fmt(results.import_national.longest_task_ms)} (progress shown while reading)`, '≤ 100 ms', results.import_national.longest_task_ms.median <= 100],
    ['Rollup recompute after one edit (province)', fmt(results.rollup_province.recompute_ms), '< 16 ms', results.rollup_province.recompute_ms.median < 16],
    ['Rollup view update after one edit (province)', fmt(results.rollup_province.view_update_ms), '—', true],
    ['Typing one character (Sekretaris, 59 indicators)', fmt(results.typing_sekretaris_ms), '< 16 ms', results.typing_sekretaris_ms.median < 16],
    ['Typing a realisasi (Sekretaris, 59 indicators, capaian through the cascade)', fmt(results.typing_realisasi_ms), '< 16 ms', results.typing_realisasi_ms.median < 16],
    ['Start to first full render on a slow connection (1.6 Mbit/s, 150 ms; uncompressed files)', `${fmt(results.slow_start.app_ms)}; the trivial page ${fmt(results.slow_start.trivial_ms)}`, '—', true],
    ['Public PK readable (its static page, Slow 3G 400 kbit/s 400 ms, gzip)', `${fmt(results.island_start.public_pk_ms)}; by its old address (#/publik/pk/…, the app) ${fmt(results.island_start.public_pk_hash_ms)}`, '≤ 2 s', results.island_start.public_pk_ms.median <= 2000],
    ['Staff home readable (Slow 3G 400 kbit/s 400 ms, gzip)', fmt(results.island_start.staff_home_ms), '≤ 5 s', results.island_start.staff_home_ms.median <= 5000],
    ['National index (552 offices, static pages): first screen on 4G (9 Mbit/s, 170 ms, gzip)', `${fmt(results.national_index.index_first_screen_ms)}; index ${(results.national_index.index_gzip_bytes / 1024).toFixed(1)} KB gzip; largest file ${(results.national_index.largest.bytes / 1024).toFixed(0)} KB (${results.national_index.largest.file}); ${results.national_index.pages} pages`, '≤ 1 s, no file over 1 MB', results.national_index.index_first_screen_ms.median <= 1000 && results.national_index.largest.bytes <= 1024 * 1024],
    ['First opening of a page (rollup, built-in year; its file fetched from localhost)', `${fmt(results.first_open_rollup.first_ms)}; opened again ${fmt(results.first_open_rollup.again_ms)}`, '—', true],
    ...[['open_sekretaris', 'Opening the Sekretaris PK (province loaded)'], ['rollup_subtree', 'Rollup switched to one office (province)'], ['rollup_year', 'Rollup switched from 2024 to 2025 (province)']].map(([k, name]) => {
      const sw = results.switches_province;
      const cards = sw[`${k}_cards`];
      const steps = cards.all ? `; ${cards.first_screen} of ${cards.all} cards on the first screen, all drawn after ${fmt(sw[`${k}_all_ms`])}` : '';
      return [`${name}: first screen${cards.all ? ', all cards' : ''}, longest task`, `${fmt(sw[`${k}_ms`])}${steps}; longest task ${fmt(sw[`${k}_longest_task_ms`])}`, '< 16 ms', sw[`${k}_ms`].median < 16 && sw[`${k}_longest_task_ms`].median < 16];
    }),
    ['Pohon kinerja, province: open (every box drawn)', `${results.tree_province.boxes} boxes, ${fmt(results.tree_province.open_ms)}`, '120 boxes', results.tree_province.boxes === 120],
    ['Pohon kinerja, province: show one PK\'s indicators', fmt(results.tree_province.toggle_ms), '< 16 ms', results.tree_province.toggle_ms.median < 16],
    ['localStorage used, province workspace', `${(results.storage_province.bytes_utf16 / 1024 / 1024).toFixed(2)} MB (${results.storage_province.chars} chars)`, '—', true],
    ['Ten province-years with realisasi (1 200 PKs, signed): localStorage used', `${(results.ten_years.storage.chars / 1e6).toFixed(2)} M chars = ${(results.ten_years.storage.share_of_quota * 100).toFixed(1)} % of the quota (file ${(results.ten_years.bytes / 1e6).toFixed(1)} MB)`, '≤ 50 % of the quota', results.ten_years.storage.share_of_quota <= 0.5],
    ['Ten province-years: saving after one realisasi typed', fmt(results.ten_years.save_ms), '< 16 ms', results.ten_years.save_ms.median < 16],
    ['Ten province-years: start (reading storage / first page drawn)', `${fmt(results.ten_years.load_ms)} / ${fmt(results.ten_years.first_render_ms)}`, '—', true],
    ['National: confirming the import (5 520 PKs merged and saved, progress shown)', `${fmt(results.national_use.confirm_ms)}; longest time the page does not respond ${fmt(results.national_use.confirm_longest_ms)}`, '≤ 100 ms', results.national_use.confirm_longest_ms.median <= 100],
    ['National: home page (first card; cards drawn ahead of the reader)', `${fmt(results.national_use.home_first_ms)}, ${results.national_use.home_shown.median} cards; longest time the page does not respond ${fmt(results.national_use.home_longest_ms)}`, '≤ 100 ms', results.national_use.home_longest_ms.median <= 100],
    ['National: home page, "show all" (5 520 cards drawn a step at a time)', `${fmt(results.national_use.home_all_ms)}; longest time the page does not respond ${fmt(results.national_use.home_all_longest_ms)}`, '≤ 100 ms', results.national_use.home_all_longest_ms.median <= 100],
    ['National: rollup page (first card)', `${fmt(results.national_use.rollup_first_ms)}; longest time the page does not respond ${fmt(results.national_use.rollup_longest_ms)}`, '≤ 100 ms', results.national_use.rollup_longest_ms.median <= 100],
    ['National: leaving the rollup page (one run)', `longest time the page does not respond ${fmt(results.national_use.leave_longest_ms)}`, '≤ 100 ms', results.national_use.leave_longest_ms.median <= 100],
    ['National: capaian page (first card; cards drawn ahead of the reader; one run)', `${fmt(results.national_use.capaian_first_ms)}, ${results.national_use.capaian_shown.median} cards; longest time the page does not respond ${fmt(results.national_use.capaian_longest_ms)}`, '≤ 100 ms', results.national_use.capaian_longest_ms.median <= 100],
    ['National: capaian page switched to another quarter (every card drawn redrawn in place, a step at a time; one run)', `${fmt(results.national_use.quarter_all_ms)} until the last card; longest time the page does not respond ${fmt(results.national_use.quarter_longest_ms)}`, '≤ 100 ms', results.national_use.quarter_longest_ms.median <= 100],
    ['National: start with it in storage (first card)', `${fmt(results.national_use.start_first_ms)}; longest time the page does not respond ${fmt(results.national_use.start_longest_ms)}`, '≤ 100 ms', results.national_use.start_longest_ms.median <= 100],
    ['National workspace fits localStorage', results.import_national.storage.canConfirm ? 'yes' : `no — the app says: "${results.import_national.storage.estimate}"`, 'says so cleanly', true],
  ];
  results.goals = goals.map(([name, value, goal, met]) => ({ name, value, goal, met }));
  await fs.mkdir(path.join(HERE, 'results'), { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-');
  const text = JSON.stringify(results, null, 2) + '\n';
  await fs.writeFile(path.join(HERE, 'results', `${stamp}.json`), text);
  await fs.writeFile(path.join(HERE, 'results', 'latest.json'), text);
  console.log('\n| measure | result | goal | met |\n|---|---|---|---|');
  for (const [name, value, goal, met] of goals) console.log(`| ${name} | ${value} | ${goal} | ${met ? 'yes' : 'NO'} |`);
  console.log(`\nwritten to tests/bench/results/${stamp}.json (and latest.json)`);
}

await main();
