import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeProjectFiles } from '../src/node/nodeFiles';
import { loadProject } from '../src/core/project/loadProject';
import { compileKey, type KeyEntry } from '../src/core/pseudonyms/matcher';
import { pseudonymizeProject } from '../src/core/pseudonyms/pseudonymizeProject';

export interface PseudonymizeResult {
  transcripts: number;
  annotations: number;
  keyEntries: number;
  replacements: number;
  filesWritten: number;
  ms: number;
  /** Processor time of this process meanwhile: on a shared machine, nearer what the work costs than the wall clock. */
  cpuMs: number;
  exactBefore: number;
  exactAfter: number;
  leaksAfter: number;
}

/**
 * A 500-entry key: words the generated transcripts use often (so that thousands of replacements
 * are made and most annotations move) and the rest names that do not occur, as in a real key.
 */
function benchKey(): KeyEntry[] {
  const present = ['kommunen', 'fastlegen', 'koordinatoren', 'rusteamet', 'hjemmetjenesten', 'NAV', 'legevakten', 'sykehuset', 'aktivitetssenteret', 'dagsenteret', 'Øyvind', 'Åse'];
  const entries = present.map((name, i) => ({ name, replacement: `[S${i + 1}]` }));
  for (let i = entries.length; i < 500; i++) entries.push({ name: `Fornavn${i} Etternavn${i}`, replacement: `[P${i + 1}]` });
  return entries;
}

/** Pseudonymizes a copy of the project on disk (through the locks and atomic writes the command uses), once. */
export async function measurePseudonymize(root: string): Promise<PseudonymizeResult> {
  const copy = await mkdtemp(join(tmpdir(), 'qcode-bench-pseudonymize-'));
  try {
    await cp(root, copy, { recursive: true });
    const key = benchKey();
    await writeFile(join(copy, 'pseudonyms.yaml'), key.map((e) => `${JSON.stringify(e.name)}: ${JSON.stringify(e.replacement)}\n`).join(''));
    const files = new NodeProjectFiles(copy);
    const before = await loadProject(files);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const outcome = await pseudonymizeProject(files, before.transcripts.map((t) => t.path), { codebook: before.settings.codebook, informants: before.settings.informants }, compileKey(key), false);
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const after = await loadProject(files);
    const exact = (p: typeof before) => p.transcripts.reduce((n, t) => n + t.annotations.filter((a) => a.resolution.status === 'exact').length, 0);
    return {
      transcripts: before.transcripts.length,
      annotations: before.transcripts.reduce((n, t) => n + t.annotations.length, 0),
      keyEntries: key.length,
      replacements: outcome.replacements.length,
      filesWritten: outcome.written.length,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      exactBefore: exact(before),
      exactAfter: exact(after),
      leaksAfter: after.problems.filter((p) => p.code === 'pseudonym-leak').length,
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
