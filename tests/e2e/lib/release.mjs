// Releases of the app for upgrade tests: another release made from a build, and deploying a release to a
// served folder as `rsync -a --delete` does, with the files' times set back.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const sha = (data, algo = 'sha256') => crypto.createHash(algo).update(data);
const TEXT = /\.(html|js|css|json|webmanifest|svg)$/;
/** A file named by its content: `<stem>-<10 or more hex>[_bg].<ext>` (Trunk's and postbuild's names). */
const HASHED = /^(.+)-([0-9a-f]{10,})((?:_bg)?\.(?:js|wasm|css))$/;

async function files(dir, base = dir) {
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/**
 * Makes another release from the build `from` in `to`: every content-named file gets another name (so the two
 * releases share none, as two real releases do), index.html carries `version`, and sw.js is `swTemplate` (a
 * service worker as in public/, with its placeholders) stamped with that version and the release's files.
 * Returns the version.
 */
export async function makeRelease(from, to, { tag, swTemplate }) {
  const version = sha(`kinerja-release-${tag}`).digest('hex').slice(0, 16);
  await fs.rm(to, { recursive: true, force: true });
  await fs.cp(from, to, { recursive: true });
  const renames = new Map();
  for (const f of await files(to)) {
    const m = path.basename(f).match(HASHED);
    if (m) renames.set(m[2], sha(`${m[2]}-${tag}`).digest('hex').slice(0, m[2].length));
  }
  const rename = (text) => {
    for (const [a, b] of renames) text = text.split(a).join(b);
    return text;
  };
  for (const f of await files(to)) {
    const full = path.join(to, f);
    if (TEXT.test(f)) await fs.writeFile(full, rename(await fs.readFile(full, 'utf8')));
    const renamed = rename(path.basename(f));
    if (renamed !== path.basename(f)) await fs.rename(full, path.join(path.dirname(full), renamed));
  }
  const indexPath = path.join(to, 'index.html');
  let html = await fs.readFile(indexPath, 'utf8');
  // The integrity of each file the page names (their content changed with the names they refer to).
  const tags = html.match(/<(?:link|script)\b[^>]*\bintegrity="[^"]*"[^>]*>/g) || [];
  for (const t of tags) {
    const ref = (t.match(/\b(?:href|src)="\.\/([^"]+)"/) || [])[1];
    if (!ref) continue;
    const digest = sha(await fs.readFile(path.join(to, ref)), 'sha384').digest('base64');
    html = html.replace(t, t.replace(/\bintegrity="[^"]*"/, `integrity="sha384-${digest}"`));
  }
  html = html.replace(/<meta name="kinerja-version" content="[^"]*">/, `<meta name="kinerja-version" content="${version}">`);
  await fs.writeFile(indexPath, html);
  const assets = (await files(to)).filter((f) => f !== 'sw.js' && f !== 'index.html');
  const template = await fs.readFile(swTemplate, 'utf8');
  await fs.writeFile(
    path.join(to, 'sw.js'),
    template.replace('__KINERJA_VERSION__', version).replace('__KINERJA_ASSETS__', JSON.stringify(['./', ...assets])),
  );
  return version;
}

/** The version a release's index.html carries. */
export async function versionOf(dir) {
  const html = await fs.readFile(path.join(dir, 'index.html'), 'utf8');
  return html.match(/<meta name="kinerja-version" content="([^"]*)">/)[1];
}

/** Replaces the site's files with the release's (`rsync -a --delete`), every file last modified `age` ms ago. */
export async function deploy(release, site, { age = 31 * 24 * 3600 * 1000 } = {}) {
  await fs.rm(site, { recursive: true, force: true });
  await fs.cp(release, site, { recursive: true });
  const when = new Date(Date.now() - age);
  for (const f of await files(site)) await fs.utimes(path.join(site, f), when, when);
}
