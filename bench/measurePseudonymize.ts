import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeProjectFiles } from '../src/node/nodeFiles';
import { loadProject } from '../src/core/project/loadProject';
import { compileKey, type KeyEntry } from '../src/core/pseudonyms/matcher';
import { pseudonymizeProject } from '../src/core/pseudonyms/pseudonymizeProject';
import { ensureProject, SIZES } from './generate';
import { fmt, type Target } from './report';

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

/** The target of issue 12: 200 transcripts / 20,000 annotations with a 500-entry key. */
const TARGET_MS = 5000;

/**
 * A 500-entry key: words the generated transcripts use often (so that thousands of replacements
 * are made and most annotations move) and the rest names that do not occur, as in a real key.
 */
function benchKey(): KeyEntry[] {
  const present = [
    'kommunen',
    'fastlegen',
    'koordinatoren',
    'rusteamet',
    'hjemmetjenesten',
    'NAV',
    'legevakten',
    'sykehuset',
    'aktivitetssenteret',
    'dagsenteret',
    'Øyvind',
    'Åse',
  ];
  const entries = present.map((name, i) => ({ name, replacement: `[S${i + 1}]` }));
  for (let i = entries.length; i < 500; i++)
    entries.push({ name: `Fornavn${i} Etternavn${i}`, replacement: `[P${i + 1}]` });
  return entries;
}

/** Pseudonymizes a copy of the project on disk (through the locks and atomic writes the command uses), once. */
export async function measurePseudonymize(root: string): Promise<PseudonymizeResult> {
  const copy = await mkdtemp(join(tmpdir(), 'qcode-bench-pseudonymize-'));
  try {
    await cp(root, copy, { recursive: true });
    const key = benchKey();
    await writeFile(
      join(copy, 'pseudonyms.yaml'),
      key.map((e) => `${JSON.stringify(e.name)}: ${JSON.stringify(e.replacement)}\n`).join(''),
    );
    const files = new NodeProjectFiles(copy);
    const before = await loadProject(files);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const outcome = await pseudonymizeProject(
      files,
      before.transcripts.map((t) => t.path),
      { codebook: before.settings.codebook, informants: before.settings.informants },
      compileKey(key),
      false,
    );
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const after = await loadProject(files);
    const exact = (p: typeof before) =>
      p.transcripts.reduce((n, t) => n + t.annotations.filter((a) => a.resolution.status === 'exact').length, 0);
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

export function pseudonymizeTargets(r: PseudonymizeResult): Target[] {
  return [
    {
      name: `pseudonymize ${r.transcripts} transcripts / ${r.annotations} annotations, ${r.keyEntries}-entry key`,
      target: `< ${TARGET_MS} ms`,
      value: r.ms,
      unit: 'ms',
      pass: r.ms < TARGET_MS,
    },
    {
      name: 'pseudonymize: exact annotations no longer exact',
      target: '0',
      value: r.exactBefore - r.exactAfter,
      unit: '',
      pass: r.exactBefore === r.exactAfter,
    },
  ];
}

/** One line for the bench's log. */
export function pseudonymizeLine(size: string, r: PseudonymizeResult): string {
  return `pseudonymize ${size}: ${r.replacements} replacements with a ${r.keyEntries}-entry key in ${fmt(r.ms)} ms (${fmt(r.cpuMs)} ms processor time); exact ${r.exactBefore} -> ${r.exactAfter}`;
}

const RUNS_ALONE = 3;

/**
 * Alone (`node --expose-gc --import tsx bench/measurePseudonymize.ts`): pseudonymizes copies of
 * the medium project three times and puts the run with the median time into bench/results.json,
 * with every run's times and the load average, keeping the rest of the file.
 */
async function main(): Promise<void> {
  const onDisk = await ensureProject(join(__dirname, 'tmp'), SIZES.medium, 20261123);
  const runs: PseudonymizeResult[] = [];
  for (let i = 0; i < RUNS_ALONE; i++) {
    runs.push(await measurePseudonymize(onDisk.root));
    console.log(pseudonymizeLine('medium', runs[runs.length - 1] as PseudonymizeResult));
  }
  const median = [...runs].sort((a, b) => a.ms - b.ms)[RUNS_ALONE >> 1] as PseudonymizeResult;
  const file = join(__dirname, 'results.json');
  const results = JSON.parse(await readFile(file, 'utf8')) as { pseudonymize?: unknown; targets?: Target[] };
  const targets = pseudonymizeTargets(median);
  results.pseudonymize = {
    date: new Date().toISOString(),
    ...median,
    msRuns: runs.map((r) => r.ms),
    cpuMsRuns: runs.map((r) => r.cpuMs),
    loadAverage: loadavg(),
  };
  results.targets = [...(results.targets ?? []).filter((t) => !t.name.startsWith('pseudonymize')), ...targets];
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
  console.log(
    `median of ${RUNS_ALONE}: ${fmt(median.ms)} ms ${targets.every((t) => t.pass) ? 'PASS' : 'FAIL'} (< ${TARGET_MS} ms); load average ${loadavg()
      .map((l) => fmt(l))
      .join(', ')}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
