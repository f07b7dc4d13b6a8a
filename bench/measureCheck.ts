/**
 * `qcode check` of a project as a user runs it: the built command line (dist/cli.js, so run
 * `node esbuild.js` or `npm run build` first) in a process of its own, against the floor of reading
 * every file and parsing every YAML file with the yaml library, in the same run and alternating
 * which goes first. Also the reload of a loaded project after a pull-like change (100 sidecars and
 * 20 transcripts written again), through a ProjectCache as the editor reloads. Run alone
 * (`node --expose-gc --import tsx bench/measureCheck.ts`) it measures the large project and puts
 * its figures and targets into bench/results.json, keeping the rest.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeProjectFiles } from '../src/node/nodeFiles';
import { loadProject } from '../src/core/project/loadProject';
import { ProjectCache } from '../src/core/project/projectCache';
import { ensureProject, SIZES } from './generate';
import { floorLoad } from './measureLoad';
import { collectGarbage, median } from './memory';
import { fmt, machine, recordResults, type Target } from './report';

/** The targets of issue 15 for `qcode check` of 2,000 transcripts / 200,000 annotations. */
const TARGET_MS = 8000;
const TARGET_RATIO = 0.3;

interface Timed {
  ms: number;
  cpuMs: number;
}

export interface CheckResult {
  transcripts: number;
  annotations: number;
  check: Timed[];
  floor: Timed[];
  checkBestMs: number;
  floorBestMs: number;
  /** Best check over best floor, in time and in processor time (less disturbed by a shared machine). */
  ratio: number;
  cpuRatio: number;
  checkMedianMs: number;
  floorMedianMs: number;
  exitCode: number;
  /**
   * Reload after every 20th sidecar and every 100th transcript changed (100 and 20 of 2,000), and the first load it
   * follows.
   */
  reload: { firstLoadMs: number; changedFiles: number; ms: number; cpuMs: number };
  loadAverage: { start: number[]; end: number[] };
}

/** Runs the built command line's check on `root`, timing the whole process. */
async function runCheck(root: string, scratch: string): Promise<Timed & { exitCode: number }> {
  const cpuFile = join(scratch, 'cpu');
  const cli = join(__dirname, '..', 'dist', 'cli.js');
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', join(__dirname, 'cpuAtExit.js'), cli, 'check', root], {
      env: { ...process.env, QCODE_BENCH_CPU_FILE: cpuFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
  const ms = performance.now() - started;
  return { ms, cpuMs: Number(await readFile(cpuFile, 'utf8')), exitCode };
}

async function runFloor(root: string): Promise<Timed> {
  collectGarbage();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await floorLoad(root);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * A load with a cache, then every 20th sidecar and every 100th transcript written again (the same bytes) and said to
 * have changed, and the reload.
 */
async function measureReload(root: string): Promise<CheckResult['reload']> {
  const files = new NodeProjectFiles(root);
  const cache = new ProjectCache();
  collectGarbage();
  let started = performance.now();
  const project = await loadProject(files, {}, { cache });
  const firstLoadMs = performance.now() - started;
  // Every 20th sidecar and every 100th transcript: 100 and 20 of 2,000.
  const paths = project.transcripts.flatMap((t, i) => [
    ...(i % 20 === 0 ? [t.sidecarPath] : []),
    ...(i % 100 === 0 ? [t.path] : []),
  ]);
  for (const path of paths) {
    await writeFile(join(root, path), (await files.read(path)) as Uint8Array);
    cache.changed(path);
  }
  collectGarbage();
  const cpu = process.cpuUsage();
  started = performance.now();
  await loadProject(files, {}, { cache });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { firstLoadMs, changedFiles: paths.length, ms, cpuMs: (used.user + used.system) / 1000 };
}

export async function measureCheck(
  root: string,
  transcripts: number,
  annotations: number,
  reps: number,
): Promise<CheckResult> {
  const start = machine().loadAverage;
  const scratch = await mkdtemp(join(tmpdir(), 'qcode-bench-check-'));
  const check: Timed[] = [];
  const floor: Timed[] = [];
  let exitCode = 0;
  try {
    await runCheck(root, scratch); // warm the disk cache and the compiled code the same for both
    for (let rep = 0; rep < reps; rep++) {
      if (rep % 2 === 1) floor.push(await runFloor(root));
      const run = await runCheck(root, scratch);
      check.push(run);
      exitCode = run.exitCode;
      if (rep % 2 === 0) floor.push(await runFloor(root));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const best = (runs: Timed[], key: keyof Timed) => Math.min(...runs.map((r) => r[key]));
  const reload = await measureReload(root);
  return {
    transcripts,
    annotations,
    check,
    floor,
    exitCode,
    reload,
    checkBestMs: best(check, 'ms'),
    floorBestMs: best(floor, 'ms'),
    ratio: best(check, 'ms') / best(floor, 'ms'),
    cpuRatio: best(check, 'cpuMs') / best(floor, 'cpuMs'),
    checkMedianMs: median(check.map((r) => r.ms)),
    floorMedianMs: median(floor.map((r) => r.ms)),
    loadAverage: { start, end: machine().loadAverage },
  };
}

export function checkTargets(r: CheckResult): Target[] {
  const size = `${r.transcripts} transcripts / ${r.annotations} annotations`;
  return [
    {
      name: `check: qcode check of ${size} (best of ${r.check.length})`,
      target: `< ${TARGET_MS} ms`,
      value: r.checkBestMs,
      unit: 'ms',
      pass: r.checkBestMs < TARGET_MS && r.exitCode === 0,
    },
    {
      name: 'check: qcode check / floor of read + yaml.parse, same run',
      target: `<= ${TARGET_RATIO}`,
      value: r.ratio,
      unit: 'x',
      pass: r.ratio <= TARGET_RATIO,
    },
  ];
}

/** One line for the bench's log. */
export function checkLine(r: CheckResult): string {
  return `check ${r.transcripts} transcripts: qcode check ${fmt(r.checkBestMs)} ms (processor ${fmt(Math.min(...r.check.map((c) => c.cpuMs)))} ms), floor ${fmt(r.floorBestMs)} ms (processor ${fmt(Math.min(...r.floor.map((c) => c.cpuMs)))} ms), ratio ${fmt(r.ratio, 3)} (processor ${fmt(r.cpuRatio, 3)}); reload after ${r.reload.changedFiles} files changed ${fmt(r.reload.ms)} ms; load average ${r.loadAverage.start.map((l) => fmt(l)).join(', ')}`;
}

/** Alone: measures the large project and puts the figures and targets into bench/results.json, keeping the rest. */
async function main(): Promise<void> {
  const reps = Number(process.argv[process.argv.indexOf('--reps') + 1]) || 3;
  const onDisk = await ensureProject(join(__dirname, 'tmp'), SIZES.large, 20261123);
  const result = await measureCheck(onDisk.root, onDisk.transcripts, onDisk.annotations, reps);
  const targets = checkTargets(result);
  await recordResults('check', result, 'check:', targets);
  console.log(
    `${checkLine(result)}\n${targets.map((t) => `${t.name}: ${fmt(t.value, 3)} ${t.unit} ${t.pass ? 'PASS' : 'FAIL'} (${t.target})`).join('\n')}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
