// Kinerja's rescue message: shown when the app cannot start or a part of it cannot be used (its script, its
// WebAssembly or a page group loaded on demand fails to load or compile), typically a browser holding parts of
// two versions after the site was upgraded. It needs no WebAssembly and no other file: a classic script loaded
// by index.html (the Content-Security-Policy allows no inline script), under a fixed name so that even a stale
// index.html finds it. Its text is in both languages, since the app that knows the chosen one did not start.
//
// The button loads the current version: it checks that the site answers, unregisters this app's service
// worker, deletes the app's caches and reloads. It never touches localStorage, where the data is.
//
// The boot script (written by .ci/postbuild.mjs) and the page-group loader call `kinerjaRescue.show(reason)`;
// a script of the page that fails to load is caught here too.
(() => {
  'use strict';
  const script = document.currentScript;
  const scope = new URL('./', script ? script.src : location.href).href;
  let section = null;
  let reasons = [];

  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const c of children) node.append(c);
    return node;
  };
  const both = (id, en) => [el('span', { lang: 'id' }, id), ' ', el('span', { lang: 'en' }, en)];

  function build() {
    if (section) return;
    const title = el('h2', { id: 'rescue-title' }, ...both('Kinerja tidak dapat dimuat.', 'Kinerja could not be loaded.'));
    const body = el('p', { id: 'rescue-body' }, ...both(
      'Sebagian aplikasi tidak dapat dimuat, mungkin karena situs baru saja diperbarui. Data Anda di browser ini aman.',
      'Part of the app could not be loaded, perhaps because the site was just updated. Your data in this browser is safe.',
    ));
    const button = el('button', { type: 'button', id: 'rescue-load', className: 'primary' },
      'Muat versi terbaru / Load the current version');
    const status = el('p', { id: 'rescue-status' });
    status.setAttribute('role', 'status');
    button.addEventListener('click', () => loadCurrent(status));
    section = el('section', { id: 'rescue', className: 'rescue' }, title, body, button, status);
    section.setAttribute('role', 'alert');
    section.setAttribute('aria-labelledby', 'rescue-title');
    // Styled here (the stylesheet may be what is missing); script-set styles are allowed by the CSP.
    Object.assign(section.style, {
      margin: '1rem', padding: '1rem 1.25rem', border: '2px solid #8e1420', borderRadius: '6px',
      background: '#fff', color: '#1a1a1a', font: '16px/1.5 system-ui, sans-serif', maxWidth: '44rem',
      position: 'relative', zIndex: '1000',
    });
    title.style.margin = '0 0 .5rem';
    title.style.fontSize = '1.25rem';
    Object.assign(button.style, {
      font: 'inherit', padding: '.5rem 1rem', background: '#8e1420', color: '#fff', border: '0',
      borderRadius: '4px', cursor: 'pointer', minHeight: '44px',
    });
    section.dataset.reason = reasons.join(' | ');
    document.body.prepend(section);
    window.scrollTo(0, 0);
  }

  /** Shows the message (once; later reasons are only recorded). */
  function show(reason) {
    reasons.push(String(reason && reason.message ? reason.message : reason));
    if (section) {
      section.dataset.reason = reasons.join(' | ');
      return;
    }
    if (document.body) build();
    else document.addEventListener('DOMContentLoaded', build, { once: true });
  }

  const say = (status, id, en) => {
    if (status) status.replaceChildren(...both(id, en));
  };

  /** Loads the current version: the service worker and the app's caches go, localStorage stays. Resolves to
   *  false (and says so) when the site does not answer: then nothing is deleted. */
  async function loadCurrent(status) {
    say(status, 'Memeriksa situs…', 'Checking the site…');
    try {
      // The service worker lets this request through to the server (see sw.js).
      const check = new URL(scope);
      check.searchParams.set('kinerja-check', String(Date.now()));
      const response = await fetch(check, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (e) {
      say(status, 'Situs Kinerja tidak dapat dihubungi. Tidak ada yang dihapus; coba lagi saat tersambung.',
        'The Kinerja site cannot be reached. Nothing was deleted; try again when connected.');
      return false;
    }
    say(status, 'Memuat versi terbaru…', 'Loading the current version…');
    try {
      if ('serviceWorker' in navigator) {
        for (const r of await navigator.serviceWorker.getRegistrations()) {
          if (r.scope === scope) await r.unregister();
        }
      }
      if ('caches' in window) {
        for (const key of await caches.keys()) {
          if (key.startsWith('kinerja-')) await caches.delete(key);
        }
      }
      // The page itself anew from the server, so the browser's HTTP cache holds the current one too.
      await fetch(scope, { cache: 'reload' }).catch(() => {});
    } finally {
      location.reload();
    }
    return true;
  }

  window.kinerjaRescue = { show, loadCurrent };

  // A script of the page (the boot script, the app's module) that cannot be fetched: its element fires
  // `error`, which does not bubble, so it is caught on the way down.
  window.addEventListener('error', (event) => {
    const t = event.target;
    if (t && t.tagName === 'SCRIPT' && t.src && t !== script) show(`${t.src || 'script'} could not be loaded`);
  }, true);
})();
