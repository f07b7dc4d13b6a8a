import { attributeNames, conceptByAttribute, NONE_COLUMN } from '../stats/matrix';
import type { ProjectIndex } from '../project/projectIndex';

/** A concept's coded passages: in all, and per group (a value of an informant attribute). */
export interface ConceptCount {
  total: number;
  /** Groups with passages, in the order of the values; '' is the group of passages without the value. */
  groups: { value: string; count: number }[];
}

/**
 * Passages per concept (its subtree, each passage once, as the Codebook view and qcode stats count
 * them), split by the value of an informant attribute when one is given.
 */
export function conceptCounts(index: ProjectIndex, attribute: string | undefined): Map<string, ConceptCount> {
  const counts = new Map<string, ConceptCount>();
  if (attribute === undefined) {
    for (const concept of index.project.codebook.all())
      counts.set(concept.id, { total: index.underConcept(concept.id).length, groups: [] });
    return counts;
  }
  const matrix = conceptByAttribute(index, attribute);
  matrix.rows.forEach((row, i) => {
    const cells = matrix.cells[i] ?? [];
    const groups = matrix.columns.map((column, j) => ({
      value: column === NONE_COLUMN ? '' : column.id,
      count: cells[j]?.count ?? 0,
    }));
    counts.set(row.id, { total: groups.reduce((n, g) => n + g.count, 0), groups: groups.filter((g) => g.count > 0) });
  });
  return counts;
}

/** The attribute to group counts by: the one asked for, else "role" when informants have it. */
export function groupingAttribute(
  index: ProjectIndex,
  asked: string | undefined,
): { attribute?: string; known: string[] } {
  const known = attributeNames(index);
  if (asked !== undefined) return { attribute: asked, known };
  return known.includes('role') ? { attribute: 'role', known } : { known };
}
