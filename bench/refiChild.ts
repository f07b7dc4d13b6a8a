/**
 * One REFI-QDA measurement in a process of its own, so that its peak memory is its own; prints one
 * line of JSON. Run by bench/measureRefi.ts:
 *
 *   refiChild.ts export <project> <transcripts> <out.qdpx>  loads the first transcripts of the project, then exports
 * them
 *   refiChild.ts import <file.qdpx>                          imports the package into an empty folder on disk, as qcode
 * import does (with Node's zlib)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ListedFiles } from '../src/core/listedFiles';
import type { ProjectFiles } from '../src/core/port';
import { loadProject } from '../src/core/project/loadProject';
import { importRefi } from '../src/core/refi/importRefi';
import { packageQdpx } from '../src/core/refi/packageQdpx';
import { projectToRefi } from '../src/core/refi/projectToRefi';
import { SIDECAR_SUFFIX } from '../src/core/paths';
import { zlibInflate } from '../src/node/inflate';
import { NodeProjectFiles } from '../src/node/nodeFiles';

export interface RefiChildExport {
  sources: number;
  selections: number;
  mapMs: number;
  packageMs: number;
  /** mapMs + packageMs: what `qcode export --format qdpx` spends after loading the project. */
  ms: number;
  cpuMs: number;
  qdpxBytes: number;
  /** Resident memory with the project loaded, before exporting. */
  loadedRssMB: number;
  peakRssMB: number;
}

export interface RefiChildImport {
  ms: number;
  cpuMs: number;
  annotationsAdded: number;
  orphaned: number;
  problems: number;
  peakRssMB: number;
}

/** The project with only its first `count` transcripts (and their sidecars) in the transcripts folder. */
function firstTranscripts(files: ProjectFiles, folder: string, count: number): ProjectFiles {
  return new ListedFiles(files, (listed, entries) => {
    if (listed !== folder) return entries;
    const kept = new Set(
      entries
        .filter((e) => e.name.endsWith('.txt'))
        .map((e) => e.name)
        .sort()
        .slice(0, count),
    );
    return entries.filter((e) => kept.has(e.name) || kept.has(e.name.slice(0, -SIDECAR_SUFFIX.length)));
  });
}

const peakRssMB = () => process.resourceUsage().maxRSS / 1024;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function exportPackage(root: string, transcripts: number, out: string): Promise<RefiChildExport> {
  const project = await loadProject(firstTranscripts(new NodeProjectFiles(root), 'transcripts', transcripts));
  globalThis.gc?.();
  const loadedRssMB = process.memoryUsage().rss / 2 ** 20;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const exported = projectToRefi(project, basename(root));
  const t1 = performance.now();
  const qdpx = await packageQdpx(exported);
  const t2 = performance.now();
  const used = cpuMs(cpu);
  await writeFile(out, qdpx);
  const { sources } = exported.project;
  const selections = sources.reduce((n, s) => n + s.selections.length, 0);
  return {
    sources: sources.length,
    selections,
    mapMs: t1 - t0,
    packageMs: t2 - t1,
    ms: t2 - t0,
    cpuMs: used,
    qdpxBytes: qdpx.length,
    loadedRssMB,
    peakRssMB: peakRssMB(),
  };
}

async function importPackage(file: string): Promise<RefiChildImport> {
  const bytes = await readFile(file);
  const target = await mkdtemp(join(tmpdir(), 'qcode-bench-refi-'));
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const summary = await importRefi(
      new NodeProjectFiles(target),
      { name: basename(file), bytes },
      { inflate: zlibInflate },
    );
    const ms = performance.now() - started;
    const used = cpuMs(cpu);
    return {
      ms,
      cpuMs: used,
      annotationsAdded: summary.annotations.added,
      orphaned: summary.annotations.orphaned,
      problems: summary.problems.length,
      peakRssMB: peakRssMB(),
    };
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [what, ...args] = process.argv.slice(2);
  if (what === 'export')
    console.log(JSON.stringify(await exportPackage(args[0] as string, Number(args[1]), args[2] as string)));
  else if (what === 'import') console.log(JSON.stringify(await importPackage(args[0] as string)));
  else throw new Error('refiChild.ts export <project> <transcripts> <out.qdpx> | import <file.qdpx>');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
