import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { DEFAULT_LABELS, type ConflictLabels } from '../../core/merge/markConflicts';
import { mergeQcodeFile } from '../../core/merge/mergeText';
import { decodeUtf8, encodeUtf8 } from '../../core/text/decode';
import { parse } from '../args';
import { gitLabels, mergeKindOf } from '../mergeKind';
import type { Output } from '../output';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';

const run = promisify(execFile);

/**
 * git's merge driver for qcode's files: `merge-driver %O %A %B %P`. Writes the merge to %A and
 * exits 1 when it holds conflict markers. Files it cannot merge item by item are merged line by
 * line, as git would, and exit 1 so that someone looks at them.
 */
export async function mergeDriver(args: string[], io: Output): Promise<number> {
  const { positionals } = parse(args, {}, 4);
  const [basePath, oursPath, theirsPath, name = oursPath] = positionals;
  if (!basePath || !oursPath || !theirsPath || !name) throw new UsageError('merge-driver needs the base, ours and theirs files (git passes %O %A %B %P).');
  const labels = gitLabels(process.env) ?? DEFAULT_LABELS;
  const paths = { base: basePath, ours: oursPath, theirs: theirsPath, labels };
  const kind = await mergeKindOf(name, process.cwd());
  if (!kind) return lineMerge(paths, `${name}: not a qcode file (a sidecar, the codebook or the informant registry)`, io);
  const [base, ours, theirs] = await Promise.all([basePath, oursPath, theirsPath].map(readText));
  if (!base?.ok || !ours?.ok || !theirs?.ok) return lineMerge(paths, `${name}: ${[base, ours, theirs].find((t) => !t?.ok)?.message}`, io);
  const merged = mergeQcodeFile(kind, { path: name, base: base.text, ours: ours.text, theirs: theirs.text, labels });
  if (!merged.ok) return lineMerge(paths, `${name}: ${merged.message}`, io);
  await writeFile(oursPath, encodeUtf8(merged.text, ours.hadBom));
  for (const id of merged.conflicts) io.err(`qcode merge ${name}: ${id} was changed differently on both sides; it is between conflict markers. Keep ours or theirs, then run "qcode check".\n`);
  return merged.conflicts.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

type Read = { ok: true; text: string; hadBom: boolean } | { ok: false; message: string };

async function readText(path: string): Promise<Read> {
  const bytes = await readFile(path).catch(() => new Uint8Array());
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { ok: true, text: decoded.text, hadBom: decoded.hadBom } : { ok: false, message: decoded.message };
}

/** git's own line-by-line merge into ours. */
async function lineMerge(paths: { base: string; ours: string; theirs: string; labels: ConflictLabels }, reason: string, io: Output): Promise<number> {
  io.err(`qcode merge ${reason}; merged line by line instead.\n`);
  const labels = ['-L', paths.labels.ours, '-L', 'base', '-L', paths.labels.theirs];
  await run('git', ['merge-file', ...labels, paths.ours, paths.base, paths.theirs]).catch(() => undefined);
  return EXIT_PROBLEMS;
}
