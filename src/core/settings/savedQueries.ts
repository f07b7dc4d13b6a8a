import { isScalar, type Node, type Scalar } from 'yaml';
import { message, type Message } from '../messages';
import { problem, type Problem, type Severity } from '../problems';
import { parseQuery } from '../query/parser';
import type { YamlFile } from '../yaml/yamlFile';

/** A coding query kept by name under `queries:` in qcode.yaml. */
export interface SavedQuery {
  name: string;
  /** The query as written, e.g. `koordinator and role=tjenestemottaker`. */
  text: string;
  /** Where the query's first character is in qcode.yaml (1-based). */
  line: number;
  column: number;
  /** Whether the query stands in the file as written, on one line, so that its columns follow from `column`. */
  verbatim: boolean;
}

/** Names that work on the command line and in `{{query:NAME}}`: letters, digits, _ . and -. */
const NAME = /^[\p{L}\p{N}_.-]+$/u;

/**
 * Reads `queries:`, a mapping from name to query; names and queries that cannot be used are reported at their place.
 */
export function readSavedQueries(file: YamlFile, node: unknown, keyNode: Scalar): SavedQuery[] {
  const plain = file.plain(node);
  if (plain === undefined || (isScalar(plain) && plain.value === null)) return [];
  const map = file.asMap(plain, '"queries"', keyNode);
  const queries: SavedQuery[] = [];
  for (const { key, keyNode: nameNode, value } of map ? file.entries(map, '"queries"') : []) {
    if (!isQueryName(key)) {
      file.reportAt(
        nameNode,
        'error',
        'bad-value',
        message(
          'The query name "{name}" may hold only letters, digits, _ . and -, so that it can be written as qcode query {example} and {{query:{example}}}.',
          { name: key, example: key.replace(/[^\p{L}\p{N}_.-]+/gu, '-') },
        ),
      );
      continue;
    }
    const text = file.asString(value, message('The query "{name}"', { name: key }), nameNode);
    if (text === undefined) continue;
    const query = { name: key, text, ...placeOf(file, file.plain(value) ?? nameNode, text) };
    const parsed = parseQuery(text);
    if (parsed.error)
      file.problems.push(
        savedQueryProblem(
          file.path,
          query,
          parsed.error.column,
          'error',
          'query-syntax',
          message('The query "{name}": {problem}', { name: key, problem: parsed.error.detail }),
        ),
      );
    queries.push(query);
  }
  return queries;
}

/** Where the query's text starts in the file, and whether it is written there as it reads. */
function placeOf(file: YamlFile, node: Node, text: string): Pick<SavedQuery, 'line' | 'column' | 'verbatim'> {
  const [from = 0, to = from] = node.range ?? [];
  const at = text.includes('\n') ? -1 : file.text.slice(from, to).indexOf(text);
  return { ...file.positionOf(from + Math.max(at, 0)), verbatim: at >= 0 };
}

/** A problem at a column of a saved query, placed in qcode.yaml. */
export function savedQueryProblem(
  path: string,
  query: SavedQuery,
  column: number,
  severity: Severity,
  code: string,
  text: Message,
): Problem {
  return problem(path, query.line, query.verbatim ? query.column + column - 1 : query.column, severity, code, text);
}

/** Whether a name can name a saved query. */
export function isQueryName(name: string): boolean {
  return NAME.test(name);
}

export function findSavedQuery(queries: readonly SavedQuery[], name: string): SavedQuery | undefined {
  return queries.find((query) => query.name === name);
}
