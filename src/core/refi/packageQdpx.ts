import { encodeUtf8 } from '../text/decode';
import type { RefiExport } from './projectToRefi';
import { projectXmlPieces } from './writeXml';
import { gzipBytes, gzipPieces, ZipWriter } from './zipWriter';

/**
 * qcode's own zip entry: which code GUID is which concept id, so that importing the package back
 * keeps concept ids, and which sources hold saved quotes rather than a transcript (`sidecarQuotes`,
 * source GUID -> transcript file name), so that importing it back makes them orphans again.
 */
export const IDS_ENTRY = 'qcode/ids.json';

/**
 * The .qdpx package: `project.qde`, `sources/<guid>.txt` for each source, and `qcode/ids.json`.
 * project.qde is compressed as it is written, so that a large project is never whole in memory.
 * Exporting the same project twice gives the same bytes.
 */
export async function packageQdpx(exported: RefiExport): Promise<Uint8Array> {
  const zip = new ZipWriter();
  zip.add('project.qde', await gzipPieces(projectXmlPieces(exported.project)));
  for (const [guid, text] of exported.texts) zip.add(`sources/${guid}.txt`, gzipBytes(encodeUtf8(text)));
  const quotes = exported.quoteSources.size > 0 ? { sidecarQuotes: Object.fromEntries(exported.quoteSources) } : {};
  zip.add(IDS_ENTRY, gzipBytes(encodeUtf8(`${JSON.stringify({ concepts: Object.fromEntries(exported.conceptIds), ...quotes }, null, 2)}\n`)));
  return zip.finish();
}
