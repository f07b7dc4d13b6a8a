import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { NodeProjectFiles } from '../src/node/nodeFiles';
import { loadProject } from '../src/core/project/loadProject';
import type { Project } from '../src/core/project/model';
import { collectGarbage, median, memory } from './memory';

export interface LoadResult {
  loaderMs: number[];
  floorMs: number[];
  loaderMedianMs: number;
  floorMedianMs: number;
  loaderBestMs: number;
  floorBestMs: number;
  /** Best loader time over best floor time: the least disturbed runs, as the machine may be shared. */
  ratio: number;
  ratioOfMedians: number;
  annotations: number;
  /** Heap held by the loaded project, measured after garbage collection. */
  retainedHeapMB: number;
  statuses: Record<string, number>;
  problems: Record<string, number>;
}

/** The least any loader must do: list the folder, read every file as UTF-8 and parse every YAML file. */
export async function floorLoad(root: string): Promise<number> {
  let parsed = 0;
  for (const name of ['codebook.yaml', 'informants.yaml'])
    if (parse(await readFile(join(root, name), 'utf8'))) parsed++;
  const folder = join(root, 'transcripts');
  const names = (await readdir(folder)).filter((n) => !n.startsWith('.') && n.endsWith('.txt')).sort();
  for (const name of names) {
    const [text, sidecar] = await Promise.all([
      readFile(join(folder, name), 'utf8'),
      readFile(join(folder, `${name}.annotations.yaml`), 'utf8'),
    ]);
    if (text.length > 0 && parse(sidecar)) parsed++;
  }
  return parsed;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  collectGarbage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  memory.sample();
  return { ms, value };
}

/**
 * Loader and floor, `reps` times each, alternating which goes first and ending with the loader, so
 * that no loaded project is alive while the floor runs. Keeps the last loaded project when `keep` is set.
 */
export async function measureLoad(
  root: string,
  reps: number,
  keep = false,
): Promise<{ result: LoadResult; project?: Project }> {
  const loaderMs: number[] = [];
  const floorMs: number[] = [];
  const statuses: Record<string, number> = {};
  const problems: Record<string, number> = {};
  let annotations = 0;
  let kept: Project | undefined;
  let retainedHeapMB = 0;
  const runLoader = async (last: boolean) => {
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const { ms, value } = await timed(() => loadProject(new NodeProjectFiles(root)));
    loaderMs.push(ms);
    if (!last) return;
    for (const t of value.transcripts)
      for (const a of t.annotations) statuses[a.resolution.status] = (statuses[a.resolution.status] ?? 0) + 1;
    for (const p of value.problems) problems[p.code] = (problems[p.code] ?? 0) + 1;
    annotations = value.transcripts.reduce((n, t) => n + t.annotations.length, 0);
    collectGarbage();
    retainedHeapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    if (keep) kept = value;
  };
  const runFloor = async () => floorMs.push((await timed(() => floorLoad(root))).ms);
  for (let rep = 0; rep < reps; rep++) {
    const last = rep === reps - 1;
    if ((reps - 1 - rep) % 2 === 1) {
      await runLoader(false);
      await runFloor();
    } else {
      await runFloor();
      await runLoader(last);
    }
  }
  const result: LoadResult = {
    loaderMs,
    floorMs,
    loaderMedianMs: median(loaderMs),
    floorMedianMs: median(floorMs),
    loaderBestMs: Math.min(...loaderMs),
    floorBestMs: Math.min(...floorMs),
    ratio: Math.min(...loaderMs) / Math.min(...floorMs),
    ratioOfMedians: median(loaderMs) / median(floorMs),
    annotations,
    retainedHeapMB,
    statuses,
    problems,
  };
  return kept ? { result, project: kept } : { result };
}
