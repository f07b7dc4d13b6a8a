/**
 * REFI-QDA export and import at three sizes of the large project (its first 500, 1,000 and all
 * 2,000 transcripts: 50,000, 100,000 and 200,000 selections), each run in a process of its own
 * (bench/refiChild.ts, bundled as the command line is) so that its peak memory is its own: the export after loading the
 * project,
 * the import into an empty folder on disk, as `qcode import` does. Every size is run `runs` times
 * (the machine may be shared: every run is recorded, the best counts). Run alone
 * (`node --expose-gc --import tsx bench/measureRefi.ts [--runs 2]`) it puts its figures and
 * targets into bench/results.json, keeping the rest.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ensureProject, SIZES } from './generate';
import { recordFigures } from './recordFigures';
import { fmt, machine, table, targetTable, type Target } from './report';
import type { RefiChildExport, RefiChildImport } from './refiChild';

/** The targets of issue 15 for 200,000 selections. */
const TARGET_MS = 15_000;
const TARGET_PEAK_MB = 1536;
/** Linear growth: time per selection at the largest size at most this much above the smallest's. */
const TARGET_GROWTH = 1.2;
export const REFI_TRANSCRIPTS = [500, 1000, 2000];

export interface RefiSize {
  transcripts: number;
  selections: number;
  export: RefiChildExport[];
  import: RefiChildImport[];
}

export interface RefiResult {
  sizes: RefiSize[];
  loadAverage: { start: number[]; end: number[] };
}

/**
 * bench/refiChild.ts bundled as the command line is, so that the child runs what a user runs (no TypeScript loader).
 */
async function bundleChild(scratch: string): Promise<string> {
  const outfile = join(scratch, 'refiChild.js');
  await build({
    entryPoints: [join(__dirname, 'refiChild.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}

/** Runs the bundled child with these arguments and returns what it printed. */
async function child<T>(script: string, args: string[]): Promise<T> {
  const output: Buffer[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const run = spawn(process.execPath, ['--expose-gc', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    run.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    run.on('error', reject);
    run.on('exit', (exit) => resolve(exit ?? -1));
  });
  if (code !== 0) throw new Error(`refiChild ${args.join(' ')} failed (exit code ${code}).`);
  return JSON.parse(Buffer.concat(output).toString('utf8')) as T;
}

export async function measureRefi(
  root: string,
  runs: number,
  transcripts: readonly number[] = REFI_TRANSCRIPTS,
  log: (line: string) => void = () => undefined,
): Promise<RefiResult> {
  const start = machine().loadAverage;
  const scratch = await mkdtemp(join(tmpdir(), 'qcode-bench-qdpx-'));
  const sizes: RefiSize[] = transcripts.map((count) => ({ transcripts: count, selections: 0, export: [], import: [] }));
  try {
    const script = await bundleChild(scratch);
    for (let run = 0; run < runs; run++) {
      for (const size of sizes) {
        const qdpx = join(scratch, `${size.transcripts}.qdpx`);
        const exported = await child<RefiChildExport>(script, ['export', root, String(size.transcripts), qdpx]);
        size.selections = exported.selections;
        size.export.push(exported);
        const imported = await child<RefiChildImport>(script, ['import', qdpx]);
        size.import.push(imported);
        log(
          `REFI ${exported.selections} selections: export ${fmt(exported.ms)} ms (processor ${fmt(exported.cpuMs)} ms, peak ${fmt(exported.peakRssMB, 0)} MB), import ${fmt(imported.ms)} ms (processor ${fmt(imported.cpuMs)} ms, peak ${fmt(imported.peakRssMB, 0)} MB)`,
        );
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { sizes, loadAverage: { start, end: machine().loadAverage } };
}

const best = <T extends { ms: number }>(runs: readonly T[]): T => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
const fewest = (runs: readonly { cpuMs: number }[]): number => Math.min(...runs.map((r) => r.cpuMs));

/** Processor time per selection of the largest size over that of the smallest: 1 is linear. */
function growth(r: RefiResult, kind: 'export' | 'import'): number {
  const perSelection = (size: RefiSize) => fewest(size[kind]) / size.selections;
  return perSelection(r.sizes[r.sizes.length - 1] as RefiSize) / perSelection(r.sizes[0] as RefiSize);
}

export function refiTargets(r: RefiResult): Target[] {
  const largest = r.sizes[r.sizes.length - 1] as RefiSize;
  const [exported, imported] = [best(largest.export), best(largest.import)];
  const peak = Math.max(...largest.export.map((x) => x.peakRssMB), ...largest.import.map((i) => i.peakRssMB));
  const [smallest] = r.sizes;
  const span = `${smallest?.selections} -> ${largest.selections}`;
  return [
    {
      name: `refi: export of ${largest.selections} selections to .qdpx (best of ${largest.export.length})`,
      target: `< ${TARGET_MS} ms`,
      value: exported.ms,
      unit: 'ms',
      pass: exported.ms < TARGET_MS,
    },
    {
      name: `refi: import of ${largest.selections} selections (best of ${largest.import.length})`,
      target: `< ${TARGET_MS} ms`,
      value: imported.ms,
      unit: 'ms',
      pass: imported.ms < TARGET_MS && imported.problems === 0,
    },
    {
      name: `refi: export, processor time per selection ${span}`,
      target: `<= ${TARGET_GROWTH}`,
      value: growth(r, 'export'),
      unit: 'x',
      pass: growth(r, 'export') <= TARGET_GROWTH,
    },
    {
      name: `refi: import, processor time per selection ${span}`,
      target: `<= ${TARGET_GROWTH}`,
      value: growth(r, 'import'),
      unit: 'x',
      pass: growth(r, 'import') <= TARGET_GROWTH,
    },
    {
      name: `refi: peak memory of export (project loaded) and import, ${largest.selections} selections`,
      target: `< ${TARGET_PEAK_MB} MB`,
      value: peak,
      unit: 'MB',
      pass: peak < TARGET_PEAK_MB,
    },
  ];
}

/** Every run at every size: time, processor time and per 1,000 selections, peak memory. */
export function refiTable(r: RefiResult): string {
  const runs = <T extends { ms: number; cpuMs: number; peakRssMB: number }>(list: readonly T[], selections: number) => [
    list.map((x) => fmt(x.ms, 0)).join(' / '),
    list.map((x) => fmt(x.cpuMs, 0)).join(' / '),
    fmt((fewest(list) / selections) * 1000, 1),
    list.map((x) => fmt(x.peakRssMB, 0)).join(' / '),
  ];
  const rows = r.sizes.flatMap((size) => [
    [`export ${size.selections}`, ...runs(size.export, size.selections)],
    [`import ${size.selections}`, ...runs(size.import, size.selections)],
  ]);
  return table([['REFI-QDA', 'ms (each run)', 'processor ms', 'processor ms / 1,000 selections', 'peak MB'], ...rows]);
}

/** Alone: measures the large project and puts the figures and targets into bench/results.json, keeping the rest. */
async function main(): Promise<void> {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 2;
  const onDisk = await ensureProject(join(__dirname, 'tmp'), SIZES.large, 20261123);
  const result = await measureRefi(onDisk.root, runs, REFI_TRANSCRIPTS, (line) => console.log(line));
  const targets = refiTargets(result);
  await recordFigures('refi', result, targets);
  console.log(`\n${refiTable(result)}\n\n${targetTable(targets)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
