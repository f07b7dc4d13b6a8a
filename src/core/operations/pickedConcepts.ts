/**
 * The concepts a concept picker's Enter means: the ticked ones, in order and each once; when
 * none is ticked, the highlighted one, so that typing a filter and pressing Enter tags with it.
 */
export function acceptedConcepts(ticked: readonly string[], highlighted: string | undefined): string[] {
  if (ticked.length > 0) return [...new Set(ticked)];
  return highlighted === undefined ? [] : [highlighted];
}

/** "Restored: annotation «quote start…» (K3)": what undoing the removal of an annotation put back. */
export function quoteStart(quote: string, length = 40): string {
  const line = quote.replace(/\s+/g, ' ').trim();
  return line.length <= length ? line : `${line.slice(0, length - 1).trimEnd()}…`;
}
