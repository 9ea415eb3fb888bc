// What the monitoring grid's tests share: a KPU Kota Ambon PK as its file would bring it, and the grid's cells.
import fs from 'node:fs/promises';
import path from 'node:path';
import { tmp } from './files.mjs';

/** The row of KPU Kota Ambon in the monitoring grid. */
export const AMBON = '#monitor-table tr[data-office="kota ambon"]';
/** A cell of the grid: its row (a selector) and its deliverable's key (`tw1`, `pk`, …). */
export const cell = (page, row, key) => page.locator(`${row} td[data-key="${key}"]`);

/** A PK of KPU Kota Ambon with TW I reported for one of its six indicators, written as `name` in the
 *  test's temporary folder (as its file would bring it). */
export async function ambonFile(name = 'kpu-kota-ambon-2024.json') {
  const seed = JSON.parse(await fs.readFile(new URL('../../../public/data/kpu-maluku-2024.json', import.meta.url), 'utf8'));
  const pk = structuredClone(seed.agreements.find((a) => a.id.endsWith('kasubag-keuangan')));
  pk.id = 'ambon-2024';
  pk.parent = null;
  pk.office = 'Komisi Pemilihan Umum Kota Ambon';
  for (const o of pk.objectives) for (const i of o.indicators) delete i.parent;
  pk.objectives[0].indicators[0].measurement = { actual: [{ value: { text: '1 Lap' } }, null, null, null] };
  const file = path.join(tmp, name);
  await fs.writeFile(file, JSON.stringify({ format: 'kinerja-pk', version: 6, source: { office: 'KPU Kota Ambon', scope: 'agreement' }, agreements: [pk] }));
  return file;
}
