// Trunk post-build hook (see Trunk.toml): prepares the staged build for a static host.
//  1. PUBLISH=<folder>: publishes that folder's *.json files as data/ (and lists them in data/index.json)
//     instead of the built-in dataset.
//  2. Moves Trunk's inline loader script to a file and adds a strict Content-Security-Policy, so no
//     inline script, no third-party request and no HTML from data can run.
//  3. Publishes the pages loaded on demand (cut out by .ci/bin/wasm-bindgen): optimizes each file like
//     the main module, names it by its content, and points the loader and the main script at them.
//  4. Stamps the build version and writes the service worker's list of files to precache.
//  5. Writes the public view as static HTML pages (publik*.html, `core::html` through the static_pages
//     program), readable before the app loads and without it; not precached (the service worker keeps
//     the pages a visitor opened).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
const sha = (data) => crypto.createHash('sha256').update(data).digest('hex');
const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,115}\.json$/;

// 1. Published data
const publish = process.env.PUBLISH;
if (publish) {
  const dataDir = path.join(stage, 'data');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const names = fs.readdirSync(publish).filter((n) => n.endsWith('.json') && n !== 'index.json').sort();
  const files = [];
  for (const name of names) {
    if (!SAFE.test(name)) {
      console.warn(`[postbuild] skipped ${name}: use letters, digits, '-', '_' and '.' only`);
      continue;
    }
    const text = fs.readFileSync(path.join(publish, name), 'utf8');
    try {
      const json = JSON.parse(text);
      if (json.format !== 'kinerja-pk') throw new Error('not a Kinerja file');
    } catch (e) {
      throw new Error(`[postbuild] ${name} cannot be published: ${e.message}`);
    }
    fs.writeFileSync(path.join(dataDir, name), text);
    files.push(name);
  }
  fs.writeFileSync(path.join(dataDir, 'index.json'), JSON.stringify({ files }, null, 2) + '\n');
  console.log(`[postbuild] published ${files.length} file(s) from ${publish}`);
}

// 2. Loader out of the page, and the CSP
const indexPath = path.join(stage, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
html = html.replace(/<script type="module">([\s\S]*?)<\/script>/, (_, loader) => {
  // An app that cannot start (its WebAssembly missing, of another version, or failing to compile) shows the
  // rescue message of public/rescue.js instead of a blank page. A module that cannot be fetched at all is
  // caught there too (its script element fires `error`).
  const lines = loader.trim().split('\n');
  const imports = lines.filter((l) => l.startsWith('import '));
  if (imports.length === 0) throw new Error('[postbuild] the loader script has no import');
  const rest = lines.filter((l) => !l.startsWith('import '));
  const code = [
    ...imports,
    'try {',
    ...rest.map((l) => (l ? '  ' + l : l)),
    '} catch (e) {',
    '  if (self.kinerjaRescue) self.kinerjaRescue.show(e);',
    '  throw e;',
    '}',
  ].join('\n');
  const name = `boot-${sha(code).slice(0, 16)}.js`;
  fs.writeFileSync(path.join(stage, name), code.trim() + '\n');
  return `<script type="module" src="./${name}"></script>`;
});
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('[postbuild] an inline script is left in index.html');
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

// 3. Pages loaded on demand
const script = fs.readdirSync(stage).find((n) => /^kinerja-[0-9a-f]+\.js$/.test(n));
if (!script) throw new Error('[postbuild] the app script kinerja-<hash>.js is missing');
let main = fs.readFileSync(path.join(stage, script), 'utf8');
// Built by the real wasm-bindgen alone, the app would ask for a module that does not exist.
if (main.includes('"__wasm_split_placeholder__"')) {
  throw new Error('[postbuild] the app has pages loaded on demand but was not split: build with `make build` or '
    + '`make serve`, which put .ci/bin (its wasm-bindgen runs wasm-split-cli first) on PATH');
}
if (main.includes('"./__wasm_split.js"')) {
  const profile = process.env.TRUNK_PROFILE || 'release';
  const target = process.env.CARGO_TARGET_DIR || path.join(process.env.TRUNK_SOURCE_DIR || '.', 'target');
  const splitDir = path.join(target, 'wasm-bindgen', profile, 'split');
  const source = fs.readFileSync(process.env.TRUNK_HTML_FILE || 'index.html', 'utf8');
  const params = (source.match(/data-wasm-opt-params="([^"]*)"/) || [, ''])[1].split(/\s+/).filter(Boolean);
  if (!fs.existsSync(path.join(splitDir, '__wasm_split.js'))) throw new Error(`[postbuild] ${splitDir} has no __wasm_split.js`);
  let loader = fs.readFileSync(path.join(splitDir, '__wasm_split.js'), 'utf8');
  let parts = 0;
  for (const file of fs.readdirSync(splitDir).filter((n) => n.endsWith('.wasm') && n !== 'kinerja.wasm').sort()) {
    const from = path.join(splitDir, file);
    let bytes;
    if (profile === 'release') {
      const out = path.join(splitDir, `${file}.opt`);
      // wasm-opt warns about a name subsection it does not know in every part (harmless): shown only on failure.
      execFileSync('wasm-opt', ['-Oz', '--strip-debug', '--strip-producers', ...params, from, '-o', out], { stdio: ['ignore', 'inherit', 'pipe'] });
      bytes = fs.readFileSync(out);
    } else {
      bytes = fs.readFileSync(from);
    }
    const name = `${file.slice(0, -'.wasm'.length)}-${sha(bytes).slice(0, 16)}.wasm`;
    fs.writeFileSync(path.join(stage, name), bytes);
    if (!loader.includes(`"./${file}"`)) throw new Error(`[postbuild] ${file} is not named in __wasm_split.js`);
    loader = loader.split(`"./${file}"`).join(`"./${name}"`);
    parts++;
  }
  // A page file that the site does not have (an HTTP error) or that does not compile (a file of another version)
  // shows the rescue message (public/rescue.js). A failed connection is left to the page's own message:
  // opening the page again retries.
  const fetchCall = 'fetch(new URL(';
  const instantiateCall = 'WebAssembly.instantiateStreaming(';
  if (!loader.includes(fetchCall) || !loader.includes(instantiateCall)) {
    throw new Error(`[postbuild] __wasm_split.js has no ${fetchCall} or no ${instantiateCall}: see how it loads a page file`);
  }
  loader = loader.split(fetchCall).join('__kinerjaFetch(new URL(');
  loader = loader.split(instantiateCall).join('__kinerjaInstantiate(');
  loader += `
// Added by .ci/postbuild.mjs: a page file that cannot be used shows the rescue message (public/rescue.js).
function __kinerjaRescue(reason) {
  if (self.kinerjaRescue) self.kinerjaRescue.show(reason);
}
function __kinerjaFetch(url) {
  return fetch(url).then((response) => {
    if (!response.ok) __kinerjaRescue(\`\${url}: HTTP \${response.status}\`);
    return response;
  });
}
async function __kinerjaInstantiate(source, imports) {
  // A failed connection rejects here, before the rescue: the page's own message says so.
  const response = await source;
  try {
    return await WebAssembly.instantiateStreaming(response, imports);
  } catch (e) {
    __kinerjaRescue(e);
    throw e;
  }
}
`;
  if (!loader.includes('"./kinerja.js"')) throw new Error('[postbuild] __wasm_split.js does not import ./kinerja.js');
  loader = loader.split('"./kinerja.js"').join(`"./${script}"`);
  const loaderName = `split-${sha(loader).slice(0, 16)}.js`;
  fs.writeFileSync(path.join(stage, loaderName), loader);
  // Only the import statements: the import object keeps the module name the WebAssembly asks for.
  main = main.split('from "./__wasm_split.js"').join(`from "./${loaderName}"`);
  fs.writeFileSync(path.join(stage, script), main);
  // Trunk's integrity hash of the script was taken before this change.
  const integrity = 'sha384-' + crypto.createHash('sha384').update(main).digest('base64');
  const link = new RegExp(`(<link rel="modulepreload" href="\\./${script.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
  if (!link.test(html)) throw new Error('[postbuild] the modulepreload link of the app script is missing');
  html = html.replace(link, `$1${integrity}$2`);
  console.log(`[postbuild] ${parts} page file(s) loaded on demand`);
}

// 4. Version and precache list (every file of the build, data included)
const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else files.push(path.relative(stage, full).split(path.sep).join('/'));
  }
};
walk(stage);
const assets = files.filter((f) => f !== 'sw.js' && f !== 'index.html').sort();
// The service worker's own code counts too: a worker changed alone is another version (each version has its own
// cache, which a failed install deletes).
const swPath = path.join(stage, 'sw.js');
const swTemplate = fs.readFileSync(swPath, 'utf8');
const version = sha(assets.map((f) => f + ':' + sha(fs.readFileSync(path.join(stage, f)))).join('\n') + html + swTemplate).slice(0, 16);
html = html.replace(
  /<meta charset="utf-8">/,
  `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">\n  <meta name="kinerja-version" content="${version}">`,
);
fs.writeFileSync(indexPath, html);
if (!html.includes(`<meta name="kinerja-version" content="${version}">`)) throw new Error('[postbuild] the version meta is missing');
const sw = swTemplate
  .replace('__KINERJA_VERSION__', version)
  .replace('__KINERJA_ASSETS__', JSON.stringify(['./', ...assets]));
fs.writeFileSync(swPath, sw);
console.log(`[postbuild] version ${version}, ${assets.length + 1} files to precache`);

// 5. The public view as static pages, from the data just published and the head of the final index.html
// (its CSP, style sheets and scripts). Built natively: the same core renders them as the app's publish download.
{
  const source = process.env.TRUNK_SOURCE_DIR || '.';
  const args = ['run', '--locked', '--quiet', '--manifest-path', path.join(source, 'Cargo.toml'), '--bin', 'static_pages', '--', stage];
  // Trunk's environment builds for the browser; the program runs natively.
  const env = { ...process.env };
  delete env.CARGO_BUILD_TARGET;
  execFileSync('cargo', args, { stdio: 'inherit', env });
  const pages = fs.readdirSync(stage).filter((n) => /^publik.*\.html$/.test(n));
  if (!pages.includes('publik.html')) throw new Error('[postbuild] the static public pages were not written');
}
