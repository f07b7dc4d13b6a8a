import { unzipSync } from 'fflate';
import { basename } from '../paths';
import { decodeUtf8 } from '../text/decode';
import { normalizeGuid } from './guids';
import { RefiReadError } from './readError';
import { readRefiXml, type RefiDocument } from './readXml';

/** A file to import: its name (for messages and its kind) and its bytes. */
export interface RefiInput {
  name: string;
  bytes: Uint8Array;
}

/** What a .qdpx, .qde or .qdc holds, read into memory. */
export interface RefiPackage {
  file: string;
  document: RefiDocument;
  /** qcode's own concept ids by GUID, from the `qcode/ids.json` entry its exports carry. */
  conceptIds: Map<string, string>;
  /** The bytes of each source's text file by source GUID; absent when the package lacks it. */
  sourceFiles: Map<string, Uint8Array>;
}

const ZIP_SIGNATURE = [0x50, 0x4b];

/** Reads an input file; throws RefiReadError (naming the file, and the line when it is XML) when it cannot be read. */
export function readRefiInput(input: RefiInput): RefiPackage {
  const isZip = ZIP_SIGNATURE.every((b, i) => input.bytes[i] === b);
  if (!isZip) {
    if (/\.qdpx$/i.test(input.name)) throw new RefiReadError(input.name, 'is not a zip archive, which a .qdpx must be. Export the project again from the other tool.');
    return { file: input.name, document: readRefiXml(input.name, decodeXml(input.name, input.bytes)), conceptIds: new Map(), sourceFiles: new Map() };
  }
  const entries = unzip(input);
  const qde = findProjectEntry(entries);
  if (!qde) throw new RefiReadError(input.name, 'holds no project.qde, so it is not a REFI-QDA project. Export the project again as REFI-QDA (.qdpx).');
  const document = readRefiXml(`${input.name}/${qde}`, decodeXml(`${input.name}/${qde}`, entries[qde] as Uint8Array));
  return { file: input.name, document, conceptIds: conceptIdsOf(entries), sourceFiles: document.kind === 'project' ? sourceFilesOf(document, entries) : new Map() };
}

function unzip(input: RefiInput): Record<string, Uint8Array> {
  try {
    return unzipSync(input.bytes);
  } catch (error) {
    throw new RefiReadError(input.name, `cannot be unpacked (${(error as Error).message}); the archive is truncated or damaged. Export it again.`);
  }
}

function findProjectEntry(entries: Record<string, Uint8Array>): string | undefined {
  const names = Object.keys(entries);
  return names.find((n) => n.toLowerCase() === 'project.qde') ?? names.find((n) => n.toLowerCase().endsWith('.qde'));
}

/** XML as text: UTF-8 (a BOM is dropped), or UTF-16 when it starts with a UTF-16 BOM. */
function decodeXml(file: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new RefiReadError(file, decoded.message, decoded.line, decoded.column);
  return decoded.text;
}

/** The source files of the project's text sources, found by base name in `sources/` (any case) or at the top. */
function sourceFilesOf(document: Extract<RefiDocument, { kind: 'project' }>, entries: Record<string, Uint8Array>): Map<string, Uint8Array> {
  const byName = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(entries)) {
    const folder = name.includes('/') ? name.slice(0, name.indexOf('/')).toLowerCase() : '';
    if ((folder !== 'sources' && folder !== '') || name.endsWith('/') || basename(name) === '.root') continue;
    const key = basename(name).toLowerCase();
    if (!byName.has(key) || folder === 'sources') byName.set(key, bytes);
  }
  const found = new Map<string, Uint8Array>();
  for (const source of document.project.sources) {
    const names = source.plainTextPath === undefined ? [] : sourceFileNames(source.plainTextPath);
    const bytes = names.map((name) => byName.get(name.toLowerCase())).find((b) => b !== undefined);
    if (bytes) found.set(source.guid, bytes);
  }
  return found;
}

/** The base names a plainTextPath may mean (`internal://x.txt`, a bare `x.txt`, a path), as written and URI-decoded. */
export function sourceFileNames(plainTextPath: string): string[] {
  const name = basename(plainTextPath.replace(/^[a-z]+:\/\//i, '').replace(/\\/g, '/'));
  try {
    return [name, decodeURIComponent(name)];
  } catch {
    return [name];
  }
}

function conceptIdsOf(entries: Record<string, Uint8Array>): Map<string, string> {
  const ids = new Map<string, string>();
  const entry = Object.keys(entries).find((n) => n.toLowerCase() === 'qcode/ids.json');
  if (!entry) return ids;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(entries[entry])) as { concepts?: Record<string, unknown> };
    for (const [guid, id] of Object.entries(parsed.concepts ?? {})) if (typeof id === 'string') ids.set(normalizeGuid(guid), id);
  } catch {
    // Another tool's file of that name, or a damaged one: ids then come from the labels.
  }
  return ids;
}
