import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { bothSidesKept, DEFAULT_LABELS, type ConflictLabels } from '../../core/merge/markConflicts';
import { mergeOrKeepBoth } from '../../core/merge/mergeText';
import { decodeUtf8, encodeUtf8, type Decoded } from '../../core/text/decode';
import { parse } from '../args';
import { gitLabels, mergeKindOf } from '../mergeKind';
import type { Output } from '../output';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';

const run = promisify(execFile);

interface DriverPaths {
  base: string;
  ours: string;
  theirs: string;
  labels: ConflictLabels;
}

/**
 * git's merge driver for qcode's files: `merge-driver %O %A %B %P`. Writes the merge to %A and
 * exits 1 when it holds conflict markers. A qcode file that cannot be merged item by item (a side
 * that is empty, not UTF-8 or not readable, or a merge that would not read back) keeps the whole
 * of both sides between conflict markers and exits 1. Other files are merged line by line, as git would.
 */
export async function mergeDriver(args: string[], io: Output): Promise<number> {
  const { positionals } = parse(args, {}, 4);
  const [basePath, oursPath, theirsPath, name = oursPath] = positionals;
  if (!basePath || !oursPath || !theirsPath || !name)
    throw new UsageError('merge-driver needs the base, ours and theirs files (git passes %O %A %B %P).');
  const paths = {
    base: basePath,
    ours: oursPath,
    theirs: theirsPath,
    labels: gitLabels(process.env) ?? DEFAULT_LABELS,
  };
  const kind = await mergeKindOf(name, process.cwd());
  if (!kind)
    return lineMerge(paths, `${name}: not a qcode file (a sidecar, the codebook or the informant registry)`, io);
  const bytes = await Promise.all([basePath, oursPath, theirsPath].map((path) => readFile(path)));
  const [base, ours, theirs] = bytes.map((b) => decodeUtf8(b));
  if (!base?.ok || !ours?.ok || !theirs?.ok)
    return keepBothSides(paths, bytes, `${name}: ${notUtf8([base, ours, theirs])}`, io);
  const merged = mergeOrKeepBoth(kind, {
    path: name,
    base: base.text,
    ours: ours.text,
    theirs: theirs.text,
    labels: paths.labels,
  });
  await writeFile(oursPath, encodeUtf8(merged.text, ours.hadBom));
  if (merged.unmerged !== undefined) return unmerged(paths.labels, `${name}: ${merged.unmerged}`, io);
  for (const id of merged.conflicts)
    io.err(
      `qcode merge ${name}: ${id} was changed differently on both sides; it is between conflict markers. Keep ours or theirs, then run "qcode check".\n`,
    );
  return merged.conflicts.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** Which side is not UTF-8 text, where, and why. */
function notUtf8(decoded: (Decoded | undefined)[]): string {
  const index = decoded.findIndex((d) => !d?.ok);
  const failed = decoded[index];
  const why = failed && !failed.ok ? ` (${failed.line}:${failed.column} ${failed.message})` : '';
  return `${['base', 'ours', 'theirs'][index] ?? 'a side'} cannot be read${why}`;
}

/** The whole of ours and of theirs between conflict markers, byte for byte, written to ours; a conflict. */
async function keepBothSides(paths: DriverPaths, bytes: Uint8Array[], reason: string, io: Output): Promise<number> {
  const [, ours = new Uint8Array(), theirs = new Uint8Array()] = bytes;
  await writeFile(paths.ours, bothSidesBytes(ours, theirs, paths.labels));
  return unmerged(paths.labels, reason, io);
}

function unmerged(labels: ConflictLabels, reason: string, io: Output): number {
  const markers = `<<<<<<< ${labels.ours} ... ======= ... >>>>>>> ${labels.theirs}`;
  io.err(
    `qcode merge ${reason}. Both sides are kept whole between conflict markers (${markers}): keep the side you want, copy into it what only the other side has, delete the marker lines, then run "qcode check".\n`,
  );
  return EXIT_PROBLEMS;
}

/** Both sides between markers, as raw bytes, for sides that are not both UTF-8. */
function bothSidesBytes(ours: Uint8Array, theirs: Uint8Array, labels: ConflictLabels): Uint8Array {
  const raw = (b: Uint8Array) => Buffer.from(b).toString('latin1');
  const label = (text: string) => raw(Buffer.from(text, 'utf8'));
  return Buffer.from(
    bothSidesKept(raw(ours), raw(theirs), { ours: label(labels.ours), theirs: label(labels.theirs) }),
    'latin1',
  );
}

/** git's own line-by-line merge into ours. */
async function lineMerge(paths: DriverPaths, reason: string, io: Output): Promise<number> {
  io.err(`qcode merge ${reason}; merged line by line instead.\n`);
  const labels = ['-L', paths.labels.ours, '-L', 'base', '-L', paths.labels.theirs];
  await run('git', ['merge-file', ...labels, paths.ours, paths.base, paths.theirs]).catch(() => undefined);
  return EXIT_PROBLEMS;
}
