// A plain static file server for the end-to-end tests and the benchmark: serves a directory under a
// URL prefix (like a sub-path of the KPU website), with no rewrite rules, on 127.0.0.1 and a free port.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts serving `root` at `http://127.0.0.1:<port><prefix>`; returns { url, origin, close, requests }.
 *  By default every answer says `Cache-Control: no-cache`. With `apacheDefaults`, it answers as Apache and nginx
 *  do out of the box: no Cache-Control, `Last-Modified` from the file's time, and 304 to a conditional request
 *  (so the browser may keep a file with an old Last-Modified "fresh" for a while by its own heuristics).
 *  With `site` (from `lib/headers.mjs`), it answers as Apache or nginx do with a configuration:
 *  `site.type(file)` may name the Content-Type and `site.headers(pathname, file, status)` adds headers, on top of
 *  the default Last-Modified and 304 behaviour. */
export async function serve(root, { prefix = '/', port = 0, apacheDefaults = false, site } = {}) {
  if (site) apacheDefaults = true;
  const extra = (pathname, file, status) => (site ? site.headers(pathname, file, status) : {});
  if (!prefix.endsWith('/')) prefix += '/';
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain', ...extra(url.pathname, null, 404) });
      return res.end('not found');
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403);
      return res.end();
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain', ...extra(url.pathname, file, 404) });
        return res.end('not found');
      }
      // With a configuration, the two types it must set are not known otherwise (as on an old mime.types).
      const known = site && ['.wasm', '.webmanifest'].includes(path.extname(file)) ? undefined : TYPES[path.extname(file)];
      const type = site?.type(file) || known || 'application/octet-stream';
      if (!apacheDefaults) {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
        return res.end(body);
      }
      let modified;
      try {
        modified = new Date(Math.floor(fs.statSync(file).mtimeMs / 1000) * 1000);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
      }
      const since = Date.parse(req.headers['if-modified-since'] || '');
      if (!Number.isNaN(since) && modified.getTime() <= since) {
        res.writeHead(304, { 'last-modified': modified.toUTCString(), ...extra(url.pathname, file, 304) });
        return res.end();
      }
      res.writeHead(200, { 'content-type': type, 'last-modified': modified.toUTCString(), ...extra(url.pathname, file, 200) });
      res.end(body);
    });
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    requests,
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
