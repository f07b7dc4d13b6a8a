/**
 * Coding queries on the 20,000-annotation project: every query of two operators over concepts with
 * many passages, each answered as `qcode query` does once the project is loaded (parse, check,
 * run, write JSON). Run alone with `node --expose-gc --import tsx bench/measureQuery.ts`, which
 * records its figures in bench/results.json beside the others.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../src/core/project/loadProject';
import type { Project } from '../src/core/project/model';
import { checkQuery, parseQuery, queryToJson, runQuery } from '../src/core/query';
import { NodeProjectFiles } from '../src/node/nodeFiles';
import { ensureProject, SIZES } from './generate';
import { collectGarbage } from './memory';
import { fmt, type Target } from './report';

export interface QueryTiming {
  query: string;
  passages: number;
  /** Each run, ms. */
  msRuns: number[];
  medianMs: number;
  /**
   * Processor time of this process in each run: on a shared machine, nearer what the work costs than the wall clock.
   */
  cpuMsRuns: number[];
  medianCpuMs: number;
}

export interface QueryBenchResult {
  transcripts: number;
  annotations: number;
  queries: QueryTiming[];
  /** The slowest query's median. */
  slowestMedianMs: number;
  slowestQuery: string;
  medianOfMediansMs: number;
  /** The slowest query by processor time, its median. */
  slowestMedianCpuMs: number;
  /** The machine's load average (1, 5, 15 minutes) when the measurement ended; above 2 the machine was shared. */
  loadAverage: number[];
}

const RUNS = 5;
const TARGET_MS = 200;
const BINARY = ['and', 'or', 'overlapping', 'within-turn', 'near 2', 'followed-by 2'];

/** Every way to join three operands with two operators, and `not` with each operator. */
export function twoOperatorQueries(): string[] {
  const [a, b, c] = ['samordning', 'koordinator', 'relasjon'];
  const queries: string[] = [];
  for (const first of BINARY) for (const second of BINARY) queries.push(`${a} ${first} ${b} ${second} ${c}`);
  for (const op of BINARY)
    queries.push(`not ${a} ${op} ${b}`, `${a} ${op} not ${b}`, `${a} ${op} role=tjenestemottaker and ${b}`);
  return queries;
}

export function measureQueries(project: Project): QueryBenchResult {
  const queries = twoOperatorQueries();
  for (const text of queries) answer(text, project);
  const timings = queries.map((text) => {
    collectGarbage();
    const msRuns: number[] = [];
    const cpuMsRuns: number[] = [];
    let passages = 0;
    for (let run = 0; run < RUNS; run++) {
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      passages = answer(text, project);
      msRuns.push(performance.now() - t0);
      const used = process.cpuUsage(cpu);
      cpuMsRuns.push((used.user + used.system) / 1000);
    }
    return { query: text, passages, msRuns, medianMs: median(msRuns), cpuMsRuns, medianCpuMs: median(cpuMsRuns) };
  });
  const slowest = timings.reduce((x, y) => (y.medianMs > x.medianMs ? y : x));
  return {
    transcripts: project.transcripts.length,
    annotations: project.transcripts.reduce((n, t) => n + t.annotations.length, 0),
    queries: timings,
    slowestMedianMs: slowest.medianMs,
    slowestQuery: slowest.query,
    medianOfMediansMs: median(timings.map((t) => t.medianMs)),
    slowestMedianCpuMs: Math.max(...timings.map((t) => t.medianCpuMs)),
    loadAverage: loadavg(),
  };
}

/** As `qcode query --format json` answers once the project is loaded; the number of passages. */
function answer(text: string, project: Project): number {
  const parsed = parseQuery(text);
  if (!parsed.expression) throw new Error(`${text}: ${parsed.error.message}`);
  const errors = checkQuery(parsed.expression, project).filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`${text}: ${errors[0]?.message}`);
  const result = runQuery(parsed.expression, project);
  queryToJson(text, result);
  return result.passages.length;
}

export function queryTargets(result: QueryBenchResult): Target[] {
  return [
    {
      name: `query: slowest of ${result.queries.length} two-operator queries on ${result.annotations} annotations (median of ${RUNS})`,
      target: `< ${TARGET_MS} ms`,
      value: result.slowestMedianMs,
      unit: 'ms',
      pass: result.slowestMedianMs < TARGET_MS,
    },
  ];
}

/** One line for the bench's log. */
export function queryLine(r: QueryBenchResult): string {
  return `query: ${r.queries.length} two-operator queries on ${r.annotations} annotations: slowest ${fmt(r.slowestMedianMs)} ms (${r.slowestQuery}), median ${fmt(r.medianOfMediansMs)} ms; slowest processor time ${fmt(r.slowestMedianCpuMs)} ms; load average ${r.loadAverage.map((l) => fmt(l)).join(', ')}.`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Alone: measures the medium project and puts the figures and target into bench/results.json, keeping the rest. */
async function main(): Promise<void> {
  const seed = 20261123;
  const onDisk = await ensureProject(join(__dirname, 'tmp'), SIZES.medium, seed);
  const result = measureQueries(await loadProject(new NodeProjectFiles(onDisk.root)));
  const file = join(__dirname, 'results.json');
  const results = JSON.parse(await readFile(file, 'utf8')) as { query?: unknown; targets?: Target[] };
  const targets = queryTargets(result);
  results.query = { date: new Date().toISOString(), ...result };
  results.targets = [...(results.targets ?? []).filter((t) => !t.name.startsWith('query:')), ...targets];
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
  console.log(queryLine(result) + ` ${targets.every((t) => t.pass) ? 'PASS' : 'FAIL'} (< ${TARGET_MS} ms)`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
