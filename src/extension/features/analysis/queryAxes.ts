import { checkQuery, parseQuery, passageQuote, runQuery, type QueryPassage } from '../../../core/query';
import type { ResolvedAnnotation } from '../../../core/project/model';
import type { ProjectIndex } from '../../../core/project/projectIndex';
import type { Matrix, MatrixCell } from '../../../core/stats/matrix';
import { conceptByQuery, isQueryCell, withQueryRows, type QueryAxis } from '../../../core/stats/queryMatrix';
import { t } from '../../shared/l10n/displayLanguage';

/** The view of concepts × saved queries. */
export const QUERIES_VIEW = 'queries';

/**
 * The saved queries of qcode.yaml that can run, each with its passages in the project as the
 * matrices count it (the coder filter applied); a query with an error is left out, as the
 * Problems panel reports it.
 */
export function queryAxes(index: ProjectIndex): QueryAxis[] {
  const project = index.project;
  return project.settings.queries.flatMap((saved) => {
    const { expression } = parseQuery(saved.text);
    if (!expression || checkQuery(expression, project).some((p) => p.severity === 'error')) return [];
    return [{ name: saved.name, label: t('Query "{0}"', saved.name), result: runQuery(expression, project) }];
  });
}

/**
 * The matrix with the saved queries in it: as rows of concepts × informants or × an attribute
 * (a query's passages per informant or value), or as the columns of concepts × saved queries.
 */
export function withQueries(matrix: Matrix, view: string, index: ProjectIndex, queries: readonly QueryAxis[]): Matrix {
  if (view === QUERIES_VIEW) return conceptByQuery(index.project.codebook, queries);
  if (matrix.kind === 'informant') return withQueryRows(matrix, queries, (p) => p.informant ?? '');
  const attribute = matrix.attribute;
  if (matrix.kind !== 'attribute' || attribute === undefined) return matrix;
  return withQueryRows(matrix, queries, (p: QueryPassage) => {
    const value =
      p.informant === undefined ? undefined : index.project.informants.get(p.informant)?.attributes[attribute];
    return value === undefined ? '' : String(value);
  });
}

/** A query cell's passages, in the shape the page quotes and opens; undefined for a cell of annotations. */
export function queryQuotes(cell: MatrixCell | undefined): ResolvedAnnotation[] | undefined {
  return isQueryCell(cell) ? cell.passages.map(passageQuote) : undefined;
}
