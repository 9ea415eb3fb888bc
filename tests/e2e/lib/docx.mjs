// A downloaded .docx read back with Node alone: the ZIP's central directory, each entry inflated
// (zlib.inflateRawSync) and its CRC-32 checked; the text of word/document.xml's paragraphs and tables.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import zlib from 'node:zlib';

/** The entries of a ZIP archive: name → Buffer. */
export function unzip(buf) {
  const end = buf.length - 22;
  assert.equal(buf.readUInt32LE(end), 0x06054b50, 'the end of the central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'a central directory record');
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const packed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    assert.equal(buf.readUInt32LE(local), 0x04034b50, `the local header of ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + packed);
    const data = method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
    assert.equal(data.length, size, `${name}: size`);
    assert.equal(zlib.crc32(data), crc, `${name}: CRC-32`);
    entries.set(name, data);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

const unescape = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A paragraph's text: its runs' texts, a line break as \n. */
const text = (p) =>
  [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : unescape(m[1]))).join('');

/** word/document.xml of a .docx file, with its paragraphs' texts and its tables (rows of cell texts). */
export async function readDocx(file) {
  const entries = unzip(await fs.readFile(file));
  assert.equal([...entries.keys()][0], '[Content_Types].xml', 'the content types come first');
  const xml = entries.get('word/document.xml').toString('utf8');
  const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>/gs)].map((m) => text(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((t) =>
    [...t[0].matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((r) =>
      [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((c) => [...c[0].matchAll(/<w:p>.*?<\/w:p>/gs)].map((p) => text(p[0])).join('\n')),
    ),
  );
  return { xml, entries, paragraphs, tables };
}
