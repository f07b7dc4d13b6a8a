/**
 * The concepts a concept picker's Enter means: the ticked ones, in order and each once; when
 * none is ticked, the highlighted one, so that typing a filter and pressing Enter tags with it.
 */
export function acceptedConcepts(ticked: readonly string[], highlighted: string | undefined): string[] {
  if (ticked.length > 0) return [...new Set(ticked)];
  return highlighted === undefined ? [] : [highlighted];
}

/** A picker row as the filter sees it: its label, and the texts matched beside it. */
export interface FilterableRow {
  label: string;
  description?: string;
  detail?: string;
}

/**
 * The row a filter highlights, as VS Code's quick pick ranks its matches: a label equal to the
 * text, then one starting with it, then one containing it, then a description or definition
 * containing it; the first of the best in list order. Undefined for an empty filter or no match.
 */
export function highlightedRow<T extends FilterableRow>(rows: readonly T[], filter: string): T | undefined {
  const wanted = filter.trim().toLocaleLowerCase();
  if (!wanted) return undefined;
  const rank = (row: T): number => {
    const label = row.label.trim().toLocaleLowerCase();
    if (label === wanted) return 0;
    if (label.startsWith(wanted)) return 1;
    if (label.includes(wanted)) return 2;
    return [row.description, row.detail].some((text) => text?.toLocaleLowerCase().includes(wanted)) ? 3 : 4;
  };
  let best: T | undefined;
  let bestRank = 4;
  for (const row of rows) {
    const r = rank(row);
    if (r < bestRank) [best, bestRank] = [row, r];
  }
  return best;
}

/** "Restored: annotation «quote start…» (K3)": what undoing the removal of an annotation put back. */
export function quoteStart(quote: string, length = 40): string {
  const line = quote.replace(/\s+/g, ' ').trim();
  return line.length <= length ? line : `${line.slice(0, length - 1).trimEnd()}…`;
}
