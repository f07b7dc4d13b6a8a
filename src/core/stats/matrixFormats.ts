import { csvText } from '../export/csv';
import { plain, tableRow } from '../diff/markdownText';
import type { Matrix, MatrixCell, PassageRef } from './matrix';

/**
 * The matrix as a Markdown table, concepts down. Informant and attribute matrices put each passage
 * in one column, so they get a Total column and a row of passages per column (each passage once).
 */
export function matrixMarkdown(matrix: Matrix): string {
  const totals = matrix.kind !== 'cooccurrence';
  const header = ['Concept', ...matrix.columns.map((column) => plain(column.label)), ...(totals ? ['Total'] : [])];
  const lines = [tableRow(header), tableRow(header.map((_, i) => (i === 0 ? '---' : '---:')))];
  matrix.rows.forEach((row, i) => {
    const cells = matrix.cells[i] ?? [];
    const label = '\u00a0\u00a0'.repeat(row.depth ?? 0) + plain(row.label);
    lines.push(
      tableRow([
        label,
        ...cells.map((cell) => countText(cell.count)),
        ...(totals ? [String(distinct(cells).length)] : []),
      ]),
    );
  });
  if (totals) {
    const columnTotals = matrix.columns.map((_, j) =>
      countText(distinct(matrix.cells.map((cells) => cells[j]).filter(isCell)).length),
    );
    lines.push(tableRow(['**Passages**', ...columnTotals, String(distinct(matrix.cells.flat()).length)]));
  }
  return lines.join('\n') + '\n';
}

/** One row per concept, one column per matrix column, the counts in the cells (CSV as the quote export writes it). */
export function matrixCsv(matrix: Matrix): string {
  const rows = [['concept', 'concept_label', ...matrix.columns.map((column) => column.label)]];
  matrix.rows.forEach((row, i) =>
    rows.push([row.id, row.label, ...(matrix.cells[i] ?? []).map((cell) => String(cell.count))]),
  );
  return csvText(rows);
}

export function matrixJson(matrix: Matrix): string {
  return JSON.stringify(matrix, null, 2) + '\n';
}

function countText(count: number): string {
  return count ? String(count) : '';
}

/** The passages behind some cells, each once. */
function distinct(cells: readonly MatrixCell[]): PassageRef[] {
  return [...new Map(cells.flatMap((cell) => cell.refs).map((ref) => [`${ref.transcript}#${ref.id}`, ref])).values()];
}

function isCell(cell: MatrixCell | undefined): cell is MatrixCell {
  return cell !== undefined;
}
