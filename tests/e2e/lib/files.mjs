// Files in and out of the app, as a user moves them: downloads saved to a temporary folder, files
// chosen in the import dialog.
import fs from 'node:fs/promises';
import path from 'node:path';
import { go } from './app.mjs';
import { tempDir } from './temp.mjs';

/** A temporary folder for this test file's downloads and hand-made files. */
export const tmp = tempDir('files');

/** Runs `trigger` (a click) and saves the download it starts; returns its path (named as the app named it). */
export async function download(page, trigger) {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const dir = await fs.mkdtemp(path.join(tmp, 'download-'));
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

/** Opens the Data page and chooses `files` in the import dialog; waits for the preview. */
export async function importFiles(page, files) {
  await go(page, '#/data');
  await page.locator('#import-files').setInputFiles(files);
  await page.locator('#import-preview').waitFor();
}
