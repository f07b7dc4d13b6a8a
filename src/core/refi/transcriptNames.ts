import { joinPath } from '../paths';
import type { RefiSource } from './model';
import { sourceFileNames } from './readPackage';

const DOCUMENT_ENDING = /\.(?:txt|docx?|rtf|odt|pdf|html?)$/i;
const UNSAFE = /[\\/:*?"<>|\p{Cc}]+/gu;
/** Characters of a source name kept in its file name, well within what file systems allow. */
const MAX_STEM = 120;
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/**
 * The name a source's transcript is made from: its name, or when it has none (as qc writes them),
 * the file its plainTextPath names, unless that file is named only by the source's GUID.
 */
export function sourceName(source: RefiSource): string {
  if (source.name.trim() !== '' || source.plainTextPath === undefined) return source.name;
  const file = sourceFileNames(source.plainTextPath).at(-1) ?? '';
  return GUID.test(file.replace(DOCUMENT_ENDING, '')) ? source.name : file;
}

/**
 * A safe file name for a source (`Interview K3.docx` -> `Interview K3.txt`), unique among `taken`
 * (compared without case): no separators, no leading dots (so never `..`), no control characters.
 */
export function transcriptFileName(sourceName: string, taken: Set<string>): string {
  const stem =
    [...sourceName.replace(DOCUMENT_ENDING, '').replace(UNSAFE, '-')]
      .slice(0, MAX_STEM)
      .join('')
      .replace(/^[\s.-]+|[\s.-]+$/gu, '') || 'source';
  let name = `${stem}.txt`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.txt`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The transcript of each source (by GUID) under `folder`. A source of saved quotes (see
 * exportSources) belongs to the transcript it was made for: the one of the source with that
 * name when the package has it, else one of that name.
 */
export function transcriptPaths(
  sources: readonly RefiSource[],
  quoteSources: ReadonlyMap<string, string>,
  folder: string,
): Map<string, string> {
  const taken = new Set<string>();
  const paths = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const source of sources) {
    if (quoteSources.has(source.guid)) continue;
    const path = joinPath(folder, transcriptFileName(sourceName(source), taken));
    paths.set(source.guid, path);
    if (!byName.has(source.name)) byName.set(source.name, path);
  }
  for (const source of sources) {
    const transcript = quoteSources.get(source.guid);
    if (transcript !== undefined)
      paths.set(source.guid, byName.get(transcript) ?? joinPath(folder, transcriptFileName(transcript, taken)));
  }
  return paths;
}
