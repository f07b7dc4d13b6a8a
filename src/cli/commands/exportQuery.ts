import type { Project } from '../../core/project/model';
import { checkQuery, findSavedQuery, limitToResult, parseQuery, runQuery } from '../../core/query';
import { SETTINGS_FILE } from '../../core/settings/settings';
import type { Parsed } from '../args';
import type { Output } from '../output';
import { CommandError, UsageError } from '../usage';

export const QUERY_FLAG = { query: { type: 'string' } } as const;

/**
 * `export --query NAME`: the project with only the annotations of the saved query's passages, as
 * `qcode query NAME` lists them; the project as it is without --query.
 */
export function limitToQuery(values: Parsed['values'], project: Project, io: Output): Project {
  if (values.query === undefined) return project;
  const name = String(values.query);
  if (values.format === 'qdpx' || values.format === 'qdc')
    throw new UsageError(
      `--query does not apply to --format ${String(values.format)}: it exports the whole ${values.format === 'qdc' ? 'codebook' : 'project'}.`,
    );
  const saved = findSavedQuery(project.settings.queries, name);
  if (!saved) {
    const names = project.settings.queries.map((q) => q.name);
    throw new UsageError(
      `No query "${name}" is saved under queries: in ${SETTINGS_FILE}${names.length > 0 ? `; the queries are ${names.join(', ')}` : ''}.`,
    );
  }
  const parsed = parseQuery(saved.text);
  const error = parsed.error ?? checkQuery(parsed.expression, project).find((p) => p.severity === 'error');
  if (error || !parsed.expression) {
    const column = saved.verbatim ? saved.column + (error?.column ?? 1) - 1 : saved.column;
    throw new CommandError(
      `${SETTINGS_FILE}:${saved.line}:${column}: The query "${name}": ${error?.message ?? ''} Fix it before exporting with --query ${name}.`,
    );
  }
  const result = runQuery(parsed.expression, project);
  const limited = limitToResult(project, result);
  const annotations = limited.transcripts.reduce((n, t) => n + t.annotations.length, 0);
  io.err(
    `The query "${name}" finds ${result.passages.length} passage${result.passages.length === 1 ? '' : 's'}; the export holds their ${annotations} annotation${annotations === 1 ? '' : 's'}.\n`,
  );
  return limited;
}
