// A PK's life as a user plays it on its page: signing, and a Perubahan that changes one target.
import { saved } from './app.mjs';

/** An element id as a CSS selector part (ids hold '/'). */
export const esc = (id) => id.replaceAll('/', '\\/');

/** Signs the PK (or its Perubahan) open on its page on `date` (ISO). */
export async function sign(page, date) {
  await page.locator('#sign-date').fill(date);
  await page.locator('#sign').click();
}

/**
 * From the signed PK open on its page: begins Perubahan ke-n for a budget revision dated `date`
 * (with `basis` when given), sets `indicator`'s target and waits until it is saved. The editor stays open.
 */
export async function reviseTarget(page, { indicator, target, date = '2024-07-15', basis = 'DIPA revisi ke-2' }) {
  await page.locator('#revise summary').click();
  await page.locator('#revise-reason').selectOption('budget');
  if (basis) await page.locator('#revise-basis').fill(basis);
  await page.locator('#revise-date').fill(date);
  await page.locator('#revise-start').click();
  await page.locator('#editor').waitFor();
  await page.locator(`#ind-${esc(indicator)}-target`).fill(target);
  await saved(page);
}
