import { quotesToMarkdown } from '../src/core/export/markdown';
import { collectQuotes } from '../src/core/export/quotes';
import type { Project } from '../src/core/project/model';
import { ProjectIndex } from '../src/core/project/projectIndex';
import { collectGarbage, memory } from './memory';

export interface ExportResult {
  annotations: number;
  /** Block quotes written: one per annotation and concept it is tagged with. */
  quotes: number;
  indexMs: number;
  collectMs: number;
  markdownMs: number;
  totalMs: number;
  markdownBytes: number;
}

/** Index a loaded project, gather every tagged quote and write them as chapter Markdown. */
export function measureExport(project: Project): ExportResult {
  collectGarbage();
  const t0 = performance.now();
  const index = new ProjectIndex(project);
  const t1 = performance.now();
  const groups = collectQuotes(index, {});
  const t2 = performance.now();
  const markdown = quotesToMarkdown(groups, project.settings);
  const t3 = performance.now();
  memory.sample();
  return {
    annotations: index.all.length,
    quotes: groups.reduce((n, g) => n + g.quotes.length, 0),
    indexMs: t1 - t0,
    collectMs: t2 - t1,
    markdownMs: t3 - t2,
    totalMs: t3 - t0,
    markdownBytes: Buffer.byteLength(markdown),
  };
}
