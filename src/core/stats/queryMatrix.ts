import type { Codebook } from '../codebook/codebook';
import type { QueryPassage, QueryResult } from '../query/passages';
import {
  groupBy,
  NONE_COLUMN,
  withMax,
  type Matrix,
  type MatrixAxisItem,
  type MatrixCell,
  type PassageRef,
} from './matrix';

// Saved queries in the analysis matrices. A query counts its passages (the text it finds, one
// passage where annotations touch or overlap), not the annotations behind them, so a cell of a
// query says how many places in the material answer the question.

/** A query's result, as one row or column of a matrix. */
export interface QueryAxis {
  /** The query's name, which makes the row's or column's id `query:NAME`. */
  name: string;
  label: string;
  result: QueryResult;
}

/** A cell of a query's row or column: its passages, each counted once. */
export interface QueryCell extends MatrixCell {
  passages: QueryPassage[];
}

export function isQueryCell(cell: MatrixCell | undefined): cell is QueryCell {
  return cell !== undefined && Array.isArray((cell as Partial<QueryCell>).passages);
}

/**
 * The matrix with one row per query after the concepts, each cell counting the query's passages
 * in its column: `columnOf` names the column of a passage (an informant code, an attribute value;
 * '' for none). A column the matrix lacks is added, with no passages in the concepts' rows.
 */
export function withQueryRows(
  matrix: Matrix,
  queries: readonly QueryAxis[],
  columnOf: (passage: QueryPassage) => string,
): Matrix {
  if (queries.length === 0) return matrix;
  const columns = [...matrix.columns];
  const grouped = queries.map((query) => groupBy(query.result.passages, columnOf));
  for (const groups of grouped)
    for (const id of groups.keys())
      if (!columns.some((c) => c.id === id)) columns.push(id === '' ? NONE_COLUMN : { id, label: id });
  const empty = columns.slice(matrix.columns.length).map(() => queryCell([]));
  const cells = [
    ...matrix.cells.map((row) => [...row, ...empty]),
    ...grouped.map((groups) => columns.map((column) => queryCell(groups.get(column.id) ?? []))),
  ];
  // The none column stays last, as the matrices put it.
  const order = [...columns.keys()].sort(
    (a, b) => Number(columns[a]?.id === '') - Number(columns[b]?.id === '') || a - b,
  );
  return withMax({
    ...matrix,
    rows: [...matrix.rows, ...queries.map(axisItem)],
    columns: order.map((i) => columns[i] as MatrixAxisItem),
    cells: cells.map((row) => order.map((i) => row[i] as MatrixCell)),
  });
}

/**
 * Concepts × queries: a column per query, the cell of a concept counting the query's passages
 * that involve the concept or a concept below it (one of the annotations behind the passage is
 * tagged with it).
 */
export function conceptByQuery(codebook: Codebook, queries: readonly QueryAxis[]): Matrix {
  const rows: MatrixAxisItem[] = [...codebook.all()].map((c) => ({ id: c.id, label: c.label, depth: c.depth }));
  const cells = rows.map((row) => {
    const subtree = codebook.subtreeIds(row.id);
    return queries.map((query) =>
      queryCell(query.result.passages.filter((p) => p.concepts.some((id) => subtree.has(id)))),
    );
  });
  return withMax({ kind: 'query', rows, columns: queries.map(axisItem), cells });
}

function axisItem(query: QueryAxis): MatrixAxisItem {
  return { id: `query:${query.name}`, label: query.label };
}

function queryCell(passages: QueryPassage[]): QueryCell {
  const refs = new Map<string, PassageRef>();
  for (const passage of passages) {
    for (const { annotation } of passage.annotations)
      refs.set(`${passage.transcript.path}#${annotation.id}`, {
        transcript: passage.transcript.path,
        id: annotation.id,
      });
  }
  return { count: passages.length, refs: [...refs.values()], passages };
}
