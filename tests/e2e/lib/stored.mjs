// Reads what the app keeps in localStorage, independently of the app's own code: layout v2 is an
// index and one key per agreement, each raw DEFLATE packed 15 bits to a character (src/core/io/pack.rs,
// src/core/io/stored.rs). Used to check what is saved, and what is not.
import zlib from 'node:zlib';

/** The text of one packed value. */
export function unpack(text) {
  if (!text.startsWith('K')) throw new Error(`not packed: ${text.slice(0, 20)}`);
  const value = (i) => text.charCodeAt(i) - 0x20;
  const len = (value(1) << 15) | value(2);
  const bytes = Buffer.alloc(len);
  let acc = 0, bits = 0, n = 0;
  for (let i = 3; i < text.length && n < len; i++) {
    acc = (acc << 15) | value(i);
    bits += 15;
    while (bits >= 8 && n < len) {
      bits -= 8;
      bytes[n++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  return zlib.inflateRawSync(bytes).toString('utf8');
}

/** Every key of the app and its raw value, sorted by key (for comparing before and after). */
export async function storedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kinerja.')).sort()
    .map((k) => [k, localStorage.getItem(k)]));
}

/** The stored workspace as a Kinerja file object, or null when nothing is stored. */
export async function storedWorkspace(page) {
  const keys = Object.fromEntries(await storedKeys(page));
  const index = keys['kinerja.v2.workspace'];
  if (index === undefined) return keys['kinerja.v1.workspace'] === undefined ? null : JSON.parse(keys['kinerja.v1.workspace']);
  const { ids, head } = JSON.parse(unpack(index));
  const file = JSON.parse(head);
  file.agreements = ids.map((id) => JSON.parse(unpack(keys[`kinerja.v2.pk.${id}`])));
  return file;
}
