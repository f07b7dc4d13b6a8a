import { strToU8, zipSync, type Zippable } from 'fflate';
import type { RefiExport } from './projectToRefi';
import { writeProjectXml } from './writeXml';

/**
 * qcode's own zip entry: which code GUID is which concept id, so that importing the package back
 * keeps concept ids, and which sources hold saved quotes rather than a transcript (`sidecarQuotes`,
 * source GUID -> transcript file name), so that importing it back makes them orphans again.
 */
export const IDS_ENTRY = 'qcode/ids.json';

/**
 * Every entry carries this time, so that exporting the same project twice gives the same bytes. Zip
 * stores local time, so it is built from local fields when packing: 1980-01-01 12:00 in every time zone.
 */
function fixedTime(): Date {
  return new Date(1980, 0, 1, 12);
}

/** The .qdpx package: `project.qde`, `sources/<guid>.txt` for each source, and `qcode/ids.json`. */
export function packageQdpx(exported: RefiExport): Uint8Array {
  const entries: Zippable = { 'project.qde': strToU8(writeProjectXml(exported.project)) };
  for (const [guid, text] of exported.texts) entries[`sources/${guid}.txt`] = strToU8(text);
  const quotes = exported.quoteSources.size > 0 ? { sidecarQuotes: Object.fromEntries(exported.quoteSources) } : {};
  entries[IDS_ENTRY] = strToU8(`${JSON.stringify({ concepts: Object.fromEntries(exported.conceptIds), ...quotes }, null, 2)}\n`);
  return zipSync(entries, { level: 6, mtime: fixedTime() });
}
