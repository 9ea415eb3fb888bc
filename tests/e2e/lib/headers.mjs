// The web server configurations of the README (*Headers for the website*), read from the README itself and
// applied as Apache and nginx would, so the end-to-end test serves dist/ with exactly the documented headers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md');

/** The fenced block of `lang` in the README's section *Headers for the website*. */
export function readmeBlock(lang) {
  const text = fs.readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf('### Headers for the website'));
  const match = section.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'));
  if (!match) throw new Error(`README: no ${lang} block under "Headers for the website"`);
  return match[1];
}

/** Splits a line into words, keeping "quoted strings" (with \\ escapes kept as they are) as one word. */
function words(line) {
  const out = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m;
  while ((m = re.exec(line))) out.push(m[1] ?? m[2]);
  return out;
}

/** Apache: `AddType`, `Header always set` (every answer), `<FilesMatch>` with `Header set` (answers that
 *  succeed, matched on the file's name). */
export function apache(block = readmeBlock('apache')) {
  const types = {};
  const always = {};
  const matches = [];
  let current = null;
  for (const raw of block.split('\n')) {
    const w = words(raw.trim());
    if (!w.length) continue;
    if (w[0] === 'AddType') types[w[2]] = w[1];
    else if (w[0] === '<FilesMatch') current = { re: new RegExp(w[1].replace(/>$/, '')), headers: {} };
    else if (w[0] === '</FilesMatch>') {
      matches.push(current);
      current = null;
    } else if (w[0] === 'Header' && w[1] === 'always' && w[2] === 'set') always[w[3].toLowerCase()] = w[4];
    else if (w[0] === 'Header' && w[1] === 'set') (current ? current.headers : always)[w[2].toLowerCase()] = w[3];
    else throw new Error(`apache: not understood: ${raw}`);
  }
  return {
    name: 'Apache',
    type: (file) => types[path.extname(file)],
    headers(pathname, file, status) {
      const out = { ...always };
      if (file && status < 400) {
        for (const m of matches) if (m.re.test(path.basename(file))) Object.assign(out, m.headers);
      }
      return out;
    },
  };
}

/** nginx: `types`, one prefix `location` with regex `location`s inside it (the first that matches the path
 *  wins; a location with its own `add_header` lines does not inherit its parent's); `always` adds a header to
 *  every answer, otherwise only to 2xx and 3xx. */
export function nginx(block = readmeBlock('nginx')) {
  const types = {};
  let prefix = null;
  const stack = [];
  const regexes = [];
  for (const raw of block.split('\n')) {
    const w = words(raw.trim().replace(/;$/, ''));
    if (!w.length) continue;
    if (w[0] === 'types' && w[1] === '{') stack.push({ kind: 'types' });
    else if (w[0] === 'location' && w[1] === '~') {
      const loc = { kind: 'location', re: new RegExp(w[2]), headers: [] };
      regexes.push(loc);
      stack.push(loc);
    } else if (w[0] === 'location') {
      prefix = { kind: 'location', path: w[1], headers: [] };
      stack.push(prefix);
    } else if (w[0] === '}') stack.pop();
    else if (w[0] === 'add_header') stack.at(-1).headers.push({ name: w[1].toLowerCase(), value: w[2], always: w[3] === 'always' });
    else if (stack.at(-1)?.kind === 'types') for (const ext of w.slice(1)) types['.' + ext] = w[0];
    else throw new Error(`nginx: not understood: ${raw}`);
  }
  return {
    name: 'nginx',
    prefix: prefix.path,
    type: (file) => types[path.extname(file)],
    headers(pathname, file, status) {
      if (!pathname.startsWith(prefix.path)) return {};
      const own = regexes.find((l) => l.re.test(pathname));
      const lines = own && own.headers.length ? own.headers : prefix.headers;
      const out = {};
      for (const h of lines) if (h.always || status < 400) out[h.name] = h.value;
      return out;
    },
  };
}
