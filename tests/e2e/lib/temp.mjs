// Temporary folders of one test file, removed when its process ends: a full run used to leave
// ~10 MB per file in /tmp, and CI machines have little disk to spare.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = [];
process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, named `kinerja-<name>-…`. */
export function tempDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kinerja-${name}-`));
  made.push(dir);
  return dir;
}
