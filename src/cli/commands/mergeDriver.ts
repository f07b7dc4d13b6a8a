import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Annotation } from '../../core/sidecar/annotation';
import { mergeAnnotations } from '../../core/sidecar/mergeAnnotations';
import { readSidecar } from '../../core/sidecar/readSidecar';
import { writeSidecar } from '../../core/sidecar/writeSidecar';
import { parse } from '../args';
import type { Output } from '../output';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';

/** git's merge driver for sidecars: `merge-driver %O %A %B %P`; the result is written to %A. */
export async function mergeDriver(args: string[], io: Output): Promise<number> {
  const { positionals } = parse(args, {}, 4);
  const [basePath, oursPath, theirsPath, name = oursPath] = positionals;
  if (!basePath || !oursPath || !theirsPath) throw new UsageError('merge-driver needs the base, ours and theirs files (git passes %O %A %B %P).');
  const [base, ours, theirs] = await Promise.all([basePath, oursPath, theirsPath].map((p) => readFile(p, 'utf8').catch(() => '')));
  const sides = [['base', base], ['ours', ours], ['theirs', theirs]].map(([side, text]) => annotationsOf(String(name), String(side), text ?? '', io));
  if (sides.some((s) => s === undefined)) return EXIT_PROBLEMS;
  const [b, o, t] = sides as Annotation[][];
  const merged = mergeAnnotations(b ?? [], o ?? [], t ?? []);
  const transcript = basename(String(name)).replace(/\.annotations\.yaml$/, '');
  const written = writeSidecar(String(name), ours || undefined, transcript, merged.annotations);
  if (!written.ok) return EXIT_PROBLEMS;
  await writeFile(oursPath, written.text);
  for (const conflict of merged.conflicts) io.err(`qcode merge ${name}: ${conflict}\n`);
  return merged.conflicts.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function annotationsOf(name: string, side: string, text: string, io: Output): Annotation[] | undefined {
  if (text === '') return [];
  const parsed = readSidecar(name, text);
  const errors = parsed.file.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return parsed.entries.map((e) => e.annotation);
  io.err(`qcode merge ${name}: ${side} does not parse (${errors[0]?.line}:${errors[0]?.column} ${errors[0]?.message}); leaving the merge to git.\n`);
  return undefined;
}
