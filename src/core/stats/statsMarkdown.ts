import type { CountTable } from './counts';

/** The count table as a Markdown table: concepts down, informants across. */
export function countsToMarkdown(table: CountTable): string {
  // Passages without an informant get a "?" column, so that every row adds up to its total.
  const columns = table.totals[''] ? [...table.informants, ''] : table.informants;
  const header = ['Concept', ...columns.map((code) => code || '?'), 'Total'];
  const lines = [row(header), row(header.map((_, i) => (i === 0 ? '---' : '---:')))];
  for (const r of table.rows) {
    const label = `${'  '.repeat(r.depth)}${r.label}`.replace(/^ +/, (s) => '\u00a0'.repeat(s.length));
    lines.push(row([label, ...columns.map((code) => cell(r.byInformant[code])), String(r.total)]));
  }
  lines.push(row(['**Passages**', ...columns.map((code) => cell(table.totals[code])), String(table.total)]));
  return lines.join('\n') + '\n';
}

function cell(count: number | undefined): string {
  return count ? String(count) : '';
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}
