import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import { loadProject } from '../../src/core/project/loadProject';
import { importRefi, type ImportSummary } from '../../src/core/refi/importRefi';
import type { MemoryFiles } from './memoryFiles';

/** The hand-made REFI-QDA files, each imitating one producer (see test/fixtures/refi/README.md). */
export const REFI_FIXTURES = join(__dirname, '..', 'fixtures', 'refi');

interface Encoding {
  /** Entries written with a UTF-8 BOM. */
  bom?: string[];
  /** Entries written with CRLF line ends. */
  crlf?: string[];
}

/** A fixture file's bytes, as the test hands it to the importer. */
export function fixtureFile(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(join(REFI_FIXTURES, name))) };
}

/** The entries of a fixture folder as a producer would zip them: encoding.json says which get a BOM or CRLF. */
export function fixtureEntries(folder: string): Record<string, Uint8Array> {
  const root = join(REFI_FIXTURES, folder);
  const encodingFile = join(root, 'encoding.json');
  const encoding = (existsSync(encodingFile) ? JSON.parse(readFileSync(encodingFile, 'utf8')) : {}) as Encoding;
  const entries: Record<string, Uint8Array> = {};
  for (const path of walk(root)) {
    const name = relative(root, path).split(sep).join('/');
    if (name === 'encoding.json') continue;
    let text = readFileSync(path, 'utf8');
    if (encoding.crlf?.includes(name)) text = text.replace(/\n/g, '\r\n');
    if (encoding.bom?.includes(name)) text = `\uFEFF${text}`;
    entries[name] = new TextEncoder().encode(text);
  }
  return entries;
}

/** A .qdpx of a fixture folder, zipped with fflate. */
export function fixtureQdpx(
  folder: string,
  change: (entries: Record<string, Uint8Array>) => void = () => {},
): { name: string; bytes: Uint8Array } {
  const entries = fixtureEntries(folder);
  change(entries);
  return { name: `${folder}.qdpx`, bytes: zipSync(entries) };
}

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

interface Passage {
  quote: string;
  concepts: string[];
  status: string;
  informant?: string;
  coder?: string;
  memo?: string;
}

export interface Imported {
  files: MemoryFiles;
  summary: ImportSummary;
  /** The annotations of each transcript (as loaded back by qcode), in sidecar order. */
  passages: Map<string, Passage[]>;
  concepts: Map<string, { label: string; parentId?: string; guid?: string; color?: string; description?: string }>;
}

export async function importInto(files: MemoryFiles, input: { name: string; bytes: Uint8Array }): Promise<Imported> {
  const summary = await importRefi(files, input);
  const project = await loadProject(files);
  const passages = new Map(
    project.transcripts.map((t) => [
      t.path,
      t.annotations.map((r): Passage => ({
        quote: r.annotation.quote,
        concepts: r.annotation.concepts,
        status: r.resolution.status,
        ...(r.annotation.informant ? { informant: r.annotation.informant } : {}),
        ...(r.annotation.coder ? { coder: r.annotation.coder } : {}),
        ...(r.annotation.memo ? { memo: r.annotation.memo } : {}),
      })),
    ]),
  );
  const concepts = new Map(
    [...project.codebook.all()].map((c) => [
      c.id,
      {
        label: c.label,
        ...(c.parentId ? { parentId: c.parentId } : {}),
        ...(c.guid ? { guid: c.guid } : {}),
        ...(c.color ? { color: c.color } : {}),
        ...(c.description ? { description: c.description } : {}),
      },
    ]),
  );
  return { files, summary, passages, concepts };
}
