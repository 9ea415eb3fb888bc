// Launches the system Chromium (never a downloaded browser) headless, quiet on a closed network,
// with a fresh profile per launch.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** A persistent context (a real profile directory, so localStorage and service workers behave as in use). */
/** `timezoneId` (e.g. 'Asia/Jayapura') sets the browser's local time zone; the default is the machine's.
 *  `javaScriptEnabled: false` opens pages as a browser with JavaScript turned off (the static pages). */
export async function launch({ viewport = { width: 1280, height: 900 }, locale = 'id-ID', timezoneId, javaScriptEnabled = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    locale,
    ...(timezoneId ? { timezoneId } : {}),
    acceptDownloads: true,
    javaScriptEnabled,
  });
  const close = async () => {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { context, close, dir };
}

/** Uncaught errors of every page opened in this run, newest last: a failed assertion shows them
 *  (expect.mjs), since a test that waits for the page can time out before it checks `page.errors`. */
export const recentErrors = [];

/** Opens a page and fails the test on any uncaught error or console error in it. */
export async function open(context, url, { allowConsoleErrors = false } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => {
    errors.push(`pageerror: ${e.message}`);
    recentErrors.push(`pageerror: ${e.message}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !allowConsoleErrors) errors.push(`console: ${m.text()}`);
  });
  page.errors = errors;
  await page.goto(url);
  return page;
}

/** Waits until the app has rendered its header (the wasm is loaded and mounted). */
export async function ready(page) {
  await page.locator('header.app-header').waitFor({ state: 'visible', timeout: 30000 });
}
