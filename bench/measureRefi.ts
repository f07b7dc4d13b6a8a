import type { Project } from '../src/core/project/model';
import { countCodes } from '../src/core/refi/exportCodes';
import { importRefi } from '../src/core/refi/importRefi';
import { packageQdpx } from '../src/core/refi/packageQdpx';
import { projectToRefi } from '../src/core/refi/projectToRefi';
import { writeProjectXml } from '../src/core/refi/writeXml';
import { MemoryFiles } from '../test/helpers/memoryFiles';
import { collectGarbage, memory } from './memory';

export interface RefiExportResult {
  sources: number;
  codes: number;
  cases: number;
  selections: number;
  /** Orphaned annotations, exported from their saved quotes. */
  fromSavedQuotes: number;
  /** Project -> REFI model. */
  mapMs: number;
  /** project.qde alone, measured apart from the package (which writes it again). */
  xmlMs: number;
  /** XML, source texts and ids.json zipped. */
  packageMs: number;
  /** mapMs + packageMs: what `qcode export --format qdpx` spends after loading. */
  totalMs: number;
  projectQdeBytes: number;
  qdpxBytes: number;
}

export interface RefiImportResult {
  ms: number;
  annotationsAdded: number;
  orphaned: number;
  filesWritten: number;
  problems: number;
}

/** Exports a loaded project to .qdpx in memory, timing the mapping, the XML and the package. */
export function measureRefiExport(project: Project, name: string): { result: RefiExportResult; qdpx: Uint8Array } {
  collectGarbage();
  const t0 = performance.now();
  const exported = projectToRefi(project, name);
  const t1 = performance.now();
  const qdpx = packageQdpx(exported);
  const t2 = performance.now();
  memory.sample();
  collectGarbage();
  const t3 = performance.now();
  const xml = writeProjectXml(exported.project);
  const xmlMs = performance.now() - t3;
  const { sources, cases, codes } = exported.project;
  return {
    qdpx,
    result: {
      sources: sources.length,
      codes: countCodes(codes),
      cases: cases.length,
      selections: sources.reduce((n, s) => n + s.selections.length, 0),
      fromSavedQuotes: exported.fromSidecar.length,
      mapMs: t1 - t0,
      xmlMs,
      packageMs: t2 - t1,
      totalMs: t2 - t0,
      projectQdeBytes: new TextEncoder().encode(xml).length,
      qdpxBytes: qdpx.length,
    },
  };
}

/** Imports a .qdpx into an empty in-memory project. */
export async function measureRefiImport(qdpx: Uint8Array, name: string): Promise<RefiImportResult> {
  collectGarbage();
  const files = new MemoryFiles();
  const started = performance.now();
  const summary = await importRefi(files, { name, bytes: qdpx });
  const ms = performance.now() - started;
  memory.sample();
  return { ms, annotationsAdded: summary.annotations.added, orphaned: summary.annotations.orphaned, filesWritten: files.writes.length, problems: summary.problems.length };
}
