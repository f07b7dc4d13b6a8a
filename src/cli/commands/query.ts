import { resolve } from 'node:path';
import { loadProject } from '../../core/project/loadProject';
import type { Project } from '../../core/project/model';
import {
  checkQuery,
  findSavedQuery,
  parseQuery,
  queryToCsv,
  queryToDocx,
  queryToJson,
  queryToMarkdown,
  runQuery,
  type QueryProblem,
  type QueryResult,
  type SavedQuery,
} from '../../core/query';
import { SETTINGS_FILE } from '../../core/settings/settings';
import { encodeUtf8 } from '../../core/text/decode';
import { choice, parse } from '../args';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from '../usage';
import { writeBinary } from './exportRefi';

const FORMATS = ['md', 'json', 'csv', 'docx'] as const;
type QueryFormat = (typeof FORMATS)[number];

/** `qcode query "<expression>"|NAME [dir] [--format md|json|csv|docx] [--out FILE]` */
export async function query(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, out: { type: 'string' } }, 2);
  const format = choice(values.format, FORMATS, 'md', 'format');
  const [given, dir] = positionals;
  if (given === undefined || given.trim() === '')
    throw new UsageError(
      'Give the query, e.g. qcode query "koordinator and role=tjenestemottaker", or the name of one saved under queries: in qcode.yaml.',
    );
  const project = await loadProject(new NodeProjectFiles(projectFolder(dir)));
  const saved = findSavedQuery(project.settings.queries, given);
  const text = saved?.text ?? given;
  const parsed = parseQuery(text);
  const problems = parsed.error ? [parsed.error] : checkQuery(parsed.expression, project);
  io.err(problems.map((p) => problemText(p, text, saved)).join(''));
  if (!parsed.expression || problems.some((p) => p.severity === 'error')) return saved ? EXIT_PROBLEMS : EXIT_USAGE;
  const result = runQuery(parsed.expression, project);
  const out = typeof values.out === 'string' ? values.out : format === 'docx' ? 'query.docx' : undefined;
  const content = await contentOf(format, text, result, project);
  if (out !== undefined) {
    await writeBinary(resolve(out), typeof content === 'string' ? encodeUtf8(content) : content);
    io.err(`Wrote ${count(result.passages.length, 'passage')} to ${out}.\n`);
  } else {
    io.out(content as string);
    if (result.passages.length === 0) io.err('The query found no passages.\n');
  }
  if (result.orphans.length > 0)
    io.err(
      `${count(result.orphans.length, 'orphaned annotation')} that the query names ${result.orphans.length === 1 ? 'has' : 'have'} no place in the text and ${result.orphans.length === 1 ? 'is' : 'are'} left out; "qcode check" lists them.\n`,
    );
  return EXIT_OK;
}

function contentOf(
  format: QueryFormat,
  text: string,
  result: QueryResult,
  project: Project,
): string | Promise<Uint8Array> {
  switch (format) {
    case 'json':
      return queryToJson(text, result);
    case 'csv':
      return queryToCsv(result);
    case 'md':
      return queryToMarkdown(text, result, project.settings, project.codebook);
    case 'docx':
      return queryToDocx(text, result, project.settings, project.codebook);
  }
}

/**
 * A problem of a query typed on the command line: its message, the query, and a mark under the
 * part it is about. A saved query's is placed in qcode.yaml.
 */
function problemText(problem: QueryProblem, text: string, saved: SavedQuery | undefined): string {
  const where = saved
    ? `${SETTINGS_FILE}:${saved.line}:${saved.verbatim ? saved.column + problem.column - 1 : saved.column}: query "${saved.name}"`
    : 'query';
  const shown = text.replace(/\s/g, ' ');
  const mark =
    ' '.repeat(problem.column - 1) +
    '^'.repeat(Math.max(1, Math.min(problem.endColumn, shown.length + 1) - problem.column));
  return `${where}: ${problem.severity} at column ${problem.column}: ${problem.message}\n  ${shown}\n  ${mark}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
