import { basename } from '../paths';
import { decodeUtf8 } from '../text/decode';
import { normalizeGuid } from './guids';
import { IDS_ENTRY } from './packageQdpx';
import { RefiReadError } from './readError';
import { readRefiXml, type RefiDocument } from './readXml';
import {
  DamagedZipError,
  type Inflater,
  sizeText,
  TooLargeError,
  UNPACK_LIMITS,
  ZipArchive,
  type UnpackLimits,
  type ZipEntry,
} from './zipArchive';

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
  /**
   * Sources made of the saved quotes of orphaned annotations (source GUID -> transcript file name), from the same
   * entry.
   */
  quoteSources: Map<string, string>;
  /** The bytes of each source's text file by source GUID; absent when the package lacks it. */
  sourceFiles: Map<string, Uint8Array>;
}

const ZIP_SIGNATURE = [0x50, 0x4b];

/** How a package is unpacked: within these limits (UNPACK_LIMITS by default), by this inflater (the core's own). */
export interface UnpackOptions {
  limits?: UnpackLimits;
  inflate?: Inflater;
}

/** Refuses, before it is read into memory, an input file larger than everything it may unpack to. */
export function checkInputSize(name: string, size: number, limits: UnpackLimits = UNPACK_LIMITS): void {
  if (size > limits.totalBytes)
    throw new RefiReadError(
      name,
      `is too large (${sizeText(size)}, limit ${sizeText(limits.totalBytes)}). Nothing was written.`,
    );
}

/**
 * Reads an input file; throws RefiReadError (naming the file, and the line when it is XML) when it
 * cannot be read. Of a package only project.qde, the source files it names and qcode's ids.json
 * are unpacked, each within `limits`.
 */
export function readRefiInput(input: RefiInput, options: UnpackOptions = {}): RefiPackage {
  const limits = options.limits ?? UNPACK_LIMITS;
  const isZip = ZIP_SIGNATURE.every((b, i) => input.bytes[i] === b);
  if (!isZip) {
    if (/\.qdpx$/i.test(input.name))
      throw new RefiReadError(
        input.name,
        'is not a zip archive, which a .qdpx must be. Export the project again from the other tool.',
      );
    if (input.bytes.length > limits.entryBytes)
      throw new RefiReadError(
        input.name,
        `is too large (${sizeText(input.bytes.length)}, limit ${sizeText(limits.entryBytes)}).`,
      );
    return {
      file: input.name,
      document: readRefiXml(input.name, decodeXml(input.name, input.bytes)),
      conceptIds: new Map(),
      quoteSources: new Map(),
      sourceFiles: new Map(),
    };
  }
  try {
    return readArchive(input, new ZipArchive(input.bytes, limits, options.inflate));
  } catch (error) {
    if (error instanceof TooLargeError)
      throw new RefiReadError(input.name, `cannot be imported: ${error.message}. Nothing was written.`);
    if (error instanceof DamagedZipError)
      throw new RefiReadError(
        input.name,
        `cannot be unpacked (${error.message}); the archive is truncated or damaged. Export it again.`,
      );
    throw error;
  }
}

function readArchive(input: RefiInput, archive: ZipArchive): RefiPackage {
  const qde = findProjectEntry(archive.entries);
  if (!qde)
    throw new RefiReadError(
      input.name,
      'holds no project.qde, so it is not a REFI-QDA project. Export the project again as REFI-QDA (.qdpx).',
    );
  const document = readRefiXml(`${input.name}/${qde.name}`, decodeXml(`${input.name}/${qde.name}`, archive.read(qde)));
  const ids = qcodeIds(archive);
  return {
    file: input.name,
    document,
    ...ids,
    sourceFiles: document.kind === 'project' ? sourceFilesOf(document, archive) : new Map(),
  };
}

function findProjectEntry(entries: readonly ZipEntry[]): ZipEntry | undefined {
  return (
    entries.find((e) => e.name.toLowerCase() === 'project.qde') ??
    entries.find((e) => e.name.toLowerCase().endsWith('.qde'))
  );
}

/** XML as text: UTF-8 (a BOM is dropped), or UTF-16 when it starts with a UTF-16 BOM. */
function decodeXml(file: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new RefiReadError(file, decoded.message, decoded.line, decoded.column);
  return decoded.text;
}

/**
 * The source files of the project's text sources, found by base name in `sources/` (any case) or
 * at the top; only these are unpacked, after their declared sizes were checked together.
 */
function sourceFilesOf(
  document: Extract<RefiDocument, { kind: 'project' }>,
  archive: ZipArchive,
): Map<string, Uint8Array> {
  const byName = new Map<string, ZipEntry>();
  for (const entry of archive.entries) {
    const name = entry.name.replace(/\\/g, '/');
    const folder = name.includes('/') ? name.slice(0, name.indexOf('/')).toLowerCase() : '';
    if ((folder !== 'sources' && folder !== '') || name.endsWith('/') || basename(name) === '.root') continue;
    const key = basename(name).toLowerCase();
    if (!byName.has(key) || folder === 'sources') byName.set(key, entry);
  }
  const wanted = new Map<string, ZipEntry>();
  for (const source of document.project.sources) {
    const names = source.plainTextPath === undefined ? [] : sourceFileNames(source.plainTextPath);
    const entry = names.map((name) => byName.get(name.toLowerCase())).find((e) => e !== undefined);
    if (entry) wanted.set(source.guid, entry);
  }
  archive.checkSizes([...new Set(wanted.values())]);
  const unpacked = new Map<ZipEntry, Uint8Array>();
  const found = new Map<string, Uint8Array>();
  for (const [guid, entry] of wanted) {
    const bytes = unpacked.get(entry) ?? archive.read(entry);
    unpacked.set(entry, bytes);
    found.set(guid, bytes);
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

/**
 * What qcode's own ids.json says; another tool's file of that name, or a damaged one, says nothing (ids then come from
 * the labels).
 */
function qcodeIds(archive: ZipArchive): Pick<RefiPackage, 'conceptIds' | 'quoteSources'> {
  const ids = { conceptIds: new Map<string, string>(), quoteSources: new Map<string, string>() };
  const entry = archive.entries.find((e) => e.name.toLowerCase() === IDS_ENTRY.toLowerCase());
  if (!entry) return ids;
  let parsed: { concepts?: unknown; sidecarQuotes?: unknown };
  try {
    parsed = JSON.parse(new TextDecoder().decode(archive.read(entry))) as typeof parsed;
  } catch (error) {
    if (error instanceof TooLargeError) throw error;
    return ids;
  }
  for (const [guid, id] of stringEntries(parsed.concepts)) ids.conceptIds.set(normalizeGuid(guid), id);
  for (const [guid, transcript] of stringEntries(parsed.sidecarQuotes))
    ids.quoteSources.set(normalizeGuid(guid), transcript);
  return ids;
}

function stringEntries(value: unknown): [string, string][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string');
}
