import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { quotesToCsv } from '../../core/export/csv';
import { quotesToJson } from '../../core/export/json';
import { quotesToMarkdown } from '../../core/export/markdown';
import { collectQuotes } from '../../core/export/quotes';
import { loadProject } from '../../core/project/loadProject';
import { ProjectIndex } from '../../core/project/projectIndex';
import { choice, list, parse } from '../args';
import { NodeProjectFiles } from '../nodeFiles';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';
import { exportRefi } from './exportRefi';

const WRITERS = { md: quotesToMarkdown, csv: quotesToCsv, json: quotesToJson };

export async function exportQuotes(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    concept: { type: 'string', multiple: true },
    informant: { type: 'string', multiple: true },
    out: { type: 'string' },
  }, 1);
  const format = choice(values.format, ['md', 'csv', 'json', 'qdpx', 'qdc'] as const, 'md', 'format');
  const folder = projectFolder(positionals[0]);
  const concepts = list(values.concept);
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (format === 'qdpx' || format === 'qdc') {
    if (concepts.length > 0 || values.informant !== undefined) throw new UsageError(`--concept and --informant do not apply to --format ${format}: it exports the whole ${format === 'qdc' ? 'codebook' : 'project'}.`);
    return exportRefi(format, await loadProject(new NodeProjectFiles(folder)), folder, out, io);
  }
  const project = await loadProject(new NodeProjectFiles(folder));
  const unknown = concepts.filter((id) => !project.codebook.has(id));
  if (unknown.length > 0) throw new UsageError(`Unknown concept ${unknown.map((id) => `"${id}"`).join(', ')}; use ids from ${project.settings.codebook}.`);
  const index = new ProjectIndex(project);
  const groups = collectQuotes(index, { concepts, informants: list(values.informant) });
  const text = WRITERS[format](groups, project.settings);
  if (out !== undefined) {
    await writeFile(resolve(out), text);
    io.err(`Wrote ${groups.reduce((n, g) => n + g.quotes.length, 0)} quotes to ${out}.\n`);
  } else io.out(text);
  return warnAboutOrphans(index, io);
}

function warnAboutOrphans(index: ProjectIndex, io: Output): number {
  const orphans = index.all.filter((r) => r.resolution.status === 'orphaned');
  if (orphans.length === 0) return EXIT_OK;
  io.err(`${orphans.length} orphaned annotation(s) were exported with their saved quote; run "qcode check" to see them.\n`);
  return EXIT_PROBLEMS;
}
