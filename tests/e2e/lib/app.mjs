// Starts the built app (dist/) under a sub-path and a fresh headless Chromium profile.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, open, ready, recentErrors } from './browser.mjs';

export const DIST = process.env.KINERJA_DIST || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist');
export const PREFIX = '/kinerja/';
export const PK = 'kpu-maluku-2024-';

/** Serves dist/ and opens the app; `init` scripts run before the app in every page. `timezoneId` sets the
 *  browser's time zone and `now` (a Date) fixes the page clock (timers keep running). */
export async function startApp({ hash = '', viewport, init = [], allowConsoleErrors = false, timezoneId, now } = {}) {
  const server = await serve(DIST, { prefix: PREFIX });
  const browser = await launch({ viewport, timezoneId });
  if (now) await browser.context.clock.setFixedTime(now);
  for (const script of init) await browser.context.addInitScript(script);
  const page = await open(browser.context, server.url + hash, { allowConsoleErrors });
  await ready(page);
  const stop = async () => {
    await browser.close();
    await server.close();
  };
  return { page, server, context: browser.context, stop, url: server.url };
}

/** Opens another page (tab) of the same profile; `fakeClock` freezes its timers until the test runs them. */
export async function newTab(ctx, hash = '', { fakeClock = false } = {}) {
  const page = await ctx.context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => {
    page.errors.push(`pageerror: ${e.message}`);
    recentErrors.push(`pageerror: ${e.message}`);
  });
  if (fakeClock) await page.clock.install();
  await page.goto(ctx.url + hash);
  await ready(page);
  return page;
}

/** Waits until the save badge says the work is saved (in Indonesian, the default language). */
export async function saved(page) {
  await page.locator('#save-status', { hasText: /^Tersimpan$/ }).waitFor();
}

/** Goes to a hash route and waits for the main content to change. */
export async function go(page, hash) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
}

/** Reloads and waits for the app. */
export async function reload(page) {
  await page.reload();
  await ready(page);
}

/** The texts of all elements matching a selector. */
export async function texts(page, selector) {
  return page.locator(selector).allInnerTexts();
}
