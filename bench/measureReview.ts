/**
 * Review and merge at the size of the large project, through git (bench/reviewRepo.ts makes the
 * repository): `qcode diff main head` of a branch that changed 1,000 of 2,000 sidecars, as a user
 * runs it (the built command line, dist/cli.js, in a process of its own); `git merge theirs` into
 * head, which runs qcode's merge driver on each of those sidecars, per sidecar; and the merge of
 * one sidecar in this process (what the driver does besides starting). `runs` times each (the
 * machine may be shared: every run is recorded, the best counts). Run alone
 * (`node --expose-gc --import tsx bench/measureReview.ts [--runs 2]`, after `node esbuild.js`)
 * it puts its figures and targets into bench/results.json, keeping the rest.
 */
import { execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mergeOrKeepBoth } from '../src/core/merge/mergeText';
import { ensureProject, SIZES, type ProjectOnDisk } from './generate';
import { median } from './memory';
import { recordFigures } from './recordFigures';
import { fmt, machine, targetTable, type Target } from './report';
import { ensureReviewRepo, type ReviewRepo } from './reviewRepo';

const git = promisify(execFile);
const CLI = join(__dirname, '..', 'dist', 'cli.js');
/** The targets of issue 15. */
const DIFF_TARGET_MS = 5000;
const MERGE_TARGET_MS = 50;

interface Timed {
  ms: number;
  /** Processor time of the process and all it started (git's merge drivers included). */
  cpuMs: number;
}

export interface ReviewResult {
  transcripts: number;
  changedSidecars: number;
  diff: (Timed & { exitCode: number; reportBytes: number })[];
  /** `git merge theirs` into head, which runs the merge driver once for each changed sidecar. */
  merge: (Timed & { exitCode: number; perSidecarMs: number })[];
  /** The merge of one sidecar in this process, for every changed sidecar: the median. */
  mergeInProcessMs: number;
  /** `node dist/cli.js --version`: what starting the driver costs before it merges anything (the median of five). */
  startMs: number;
  /** `node -e 0`: what starting Node costs, the least any run of the driver can take (the median of five). */
  nodeStartMs: number;
  loadAverage: { start: number[]; end: number[] };
}

/** Processor time of the finished children of this process (Linux: /proc/self/stat), or 0 where it cannot be told. */
async function childrenCpuMs(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime, fields 16 and 17 of the line, in clock ticks of (almost always) 10 ms.
  return (Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) * 10;
}

/** Runs a program to its end and times it; returns what it printed. */
async function timed(
  program: string,
  args: string[],
  cwd: string,
): Promise<Timed & { exitCode: number; output: string }> {
  const cpuBefore = await childrenCpuMs();
  const started = performance.now();
  const output: Buffer[] = [];
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(program, args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  const ms = performance.now() - started;
  return { ms, cpuMs: (await childrenCpuMs()) - cpuBefore, exitCode, output: Buffer.concat(output).toString('utf8') };
}

async function diffRun(repo: ReviewRepo): Promise<ReviewResult['diff'][number]> {
  const { output, ...run } = await timed(process.execPath, [CLI, 'diff', 'main', 'head', repo.root], repo.root);
  return { ...run, reportBytes: Buffer.byteLength(output) };
}

async function mergeRun(repo: ReviewRepo): Promise<ReviewResult['merge'][number]> {
  await git('git', ['checkout', '-q', '-f', 'head'], { cwd: repo.root });
  await git('git', ['reset', '-q', '--hard', repo.headCommit], { cwd: repo.root });
  const { ms, cpuMs, exitCode } = await timed('git', ['merge', '-q', '--no-edit', 'theirs'], repo.root);
  await git('git', ['reset', '-q', '--hard', repo.headCommit], { cwd: repo.root });
  return { ms, cpuMs, exitCode, perSidecarMs: ms / repo.changedSidecars };
}

/** The merge of every changed sidecar in this process, from the three versions git keeps of it. */
async function mergeInProcess(repo: ReviewRepo): Promise<number> {
  const { stdout } = await git('git', ['diff', '--name-only', 'main', 'head'], {
    cwd: repo.root,
    maxBuffer: 64 * 1024 * 1024,
  });
  const show = async (revision: string, path: string) =>
    (await git('git', ['show', `${revision}:${path}`], { cwd: repo.root, maxBuffer: 64 * 1024 * 1024 })).stdout;
  const times: number[] = [];
  for (const path of stdout
    .split('\n')
    .filter((p) => p.endsWith('.annotations.yaml'))
    .slice(0, 200)) {
    const [base, ours, theirs] = await Promise.all([show('main', path), show('head', path), show('theirs', path)]);
    const started = performance.now();
    const merged = mergeOrKeepBoth('sidecar', { path, base, ours, theirs });
    times.push(performance.now() - started);
    if (merged.unmerged !== undefined || merged.conflicts.length > 0)
      throw new Error(`${path} did not merge cleanly: ${merged.unmerged ?? merged.conflicts.join(', ')}`);
  }
  return median(times);
}

/** The median time of five runs of Node with these arguments. */
async function medianStart(args: string[], cwd: string): Promise<number> {
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) starts.push((await timed(process.execPath, args, cwd)).ms);
  return median(starts);
}

export async function measureReview(
  project: ProjectOnDisk,
  runs: number,
  log: (line: string) => void = () => undefined,
): Promise<ReviewResult> {
  const start = machine().loadAverage;
  const repo = await ensureReviewRepo(join(__dirname, 'tmp'), project, CLI);
  const result: ReviewResult = {
    transcripts: repo.transcripts,
    changedSidecars: repo.changedSidecars,
    diff: [],
    merge: [],
    mergeInProcessMs: 0,
    startMs: 0,
    nodeStartMs: 0,
    loadAverage: { start, end: [] },
  };
  result.startMs = await medianStart([CLI, '--version'], repo.root);
  result.nodeStartMs = await medianStart(['-e', '0'], repo.root);
  for (let run = 0; run < runs; run++) {
    const diffed = await diffRun(repo);
    result.diff.push(diffed);
    const merged = await mergeRun(repo);
    result.merge.push(merged);
    log(
      `review: qcode diff of ${repo.changedSidecars} changed sidecars ${fmt(diffed.ms)} ms (processor ${fmt(diffed.cpuMs)} ms); git merge through the driver ${fmt(merged.ms)} ms, ${fmt(merged.perSidecarMs)} ms per sidecar`,
    );
  }
  result.mergeInProcessMs = await mergeInProcess(repo);
  result.loadAverage.end = machine().loadAverage;
  return result;
}

const best = <T extends { ms: number }>(runs: readonly T[]): T => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

export function reviewTargets(r: ReviewResult): Target[] {
  const diffed = best(r.diff);
  const merged = best(r.merge);
  return [
    {
      name: `review: qcode diff of a branch changing ${r.changedSidecars} of ${r.transcripts} sidecars (best of ${r.diff.length})`,
      target: `< ${DIFF_TARGET_MS} ms`,
      value: diffed.ms,
      unit: 'ms',
      pass: diffed.ms < DIFF_TARGET_MS && diffed.exitCode === 0,
    },
    {
      name: `review: merge driver per sidecar, git merge of ${r.changedSidecars} sidecars changed on both sides (best of ${r.merge.length})`,
      target: `< ${MERGE_TARGET_MS} ms`,
      value: merged.perSidecarMs,
      unit: 'ms',
      pass: merged.perSidecarMs < MERGE_TARGET_MS && merged.exitCode === 0,
    },
  ];
}

/** Lines for the bench's log beside the target table. */
export function reviewLines(r: ReviewResult): string[] {
  return [
    `review: qcode diff ${r.diff.map((d) => `${fmt(d.ms)} ms (processor ${fmt(d.cpuMs)} ms)`).join(', ')}; report ${fmt((r.diff[0]?.reportBytes ?? 0) / 1024)} KB`,
    `review: git merge ${r.merge.map((m) => `${fmt(m.ms)} ms (processor ${fmt(m.cpuMs)} ms, exit ${m.exitCode})`).join(', ')}; per sidecar ${r.merge.map((m) => fmt(m.perSidecarMs)).join(', ')} ms`,
    `review: one sidecar merged in process ${fmt(r.mergeInProcessMs, 2)} ms (median); the command line starts in ${fmt(r.startMs)} ms, Node alone in ${fmt(r.nodeStartMs)} ms (medians of 5)`,
  ];
}

/** Alone: measures the large project and puts the figures and targets into bench/results.json, keeping the rest. */
async function main(): Promise<void> {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 2;
  const project = await ensureProject(join(__dirname, 'tmp'), SIZES.large, 20261123);
  const result = await measureReview(project, runs, (line) => console.log(line));
  const targets = reviewTargets(result);
  await recordFigures('review', result, targets);
  console.log(`\n${reviewLines(result).join('\n')}\n\n${targetTable(targets)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
