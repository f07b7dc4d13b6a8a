import { inOrder } from '../inOrder';
import type { RefiExport } from './projectToRefi';
import { projectXmlPieces } from './writeXml';
import { gzipPieces, ZipWriter } from './zipWriter';

/**
 * qcode's own zip entry: which code GUID is which concept id, so that importing the package back
 * keeps concept ids, and which sources hold saved quotes rather than a transcript (`sidecarQuotes`,
 * source GUID -> transcript file name), so that importing it back makes them orphans again.
 */
export const IDS_ENTRY = 'qcode/ids.json';

/** How many source texts are compressed at once: the compressor works beside the code that writes project.qde. */
const AT_ONCE = 4;

/**
 * The .qdpx package: `project.qde`, `sources/<guid>.txt` for each source, and `qcode/ids.json`.
 * project.qde is compressed as it is written, so that a large project is never whole in memory.
 * Exporting the same project twice gives the same bytes.
 */
export async function packageQdpx(exported: RefiExport): Promise<Uint8Array> {
  const quotes = exported.quoteSources.size > 0 ? { sidecarQuotes: Object.fromEntries(exported.quoteSources) } : {};
  const ids = `${JSON.stringify({ concepts: Object.fromEntries(exported.conceptIds), ...quotes }, null, 2)}\n`;
  const [project, sources] = await Promise.all([
    gzipPieces(projectXmlPieces(exported.project)),
    inOrder([...exported.texts], AT_ONCE, async ([guid, text]) => ({
      name: `sources/${guid}.txt`,
      gzip: await gzipPieces([text]),
    })),
  ]);
  const zip = new ZipWriter();
  zip.add('project.qde', project);
  for (const source of sources) zip.add(source.name, source.gzip);
  zip.add(IDS_ENTRY, await gzipPieces([ids]));
  return zip.finish();
}
