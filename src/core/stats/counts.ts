import type { ProjectIndex } from '../project/projectIndex';

export interface ConceptCounts {
  conceptId: string;
  label: string;
  depth: number;
  /** Tagged passages per informant code; passages without an informant count under "". */
  byInformant: Record<string, number>;
  total: number;
}

export interface CountTable {
  informants: string[];
  rows: ConceptCounts[];
  /** Passages per informant across all concepts (each passage once). */
  totals: Record<string, number>;
  total: number;
}

/** Concept x informant counts of tagged passages, concepts in codebook order. */
export function countByConceptAndInformant(index: ProjectIndex): CountTable {
  const informants = index.informantCodes();
  const rows: ConceptCounts[] = [];
  for (const concept of index.project.codebook.all()) {
    const byInformant: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const resolved of index.byConcept(concept.id)) {
      const key = resolved.informant ?? '';
      byInformant[key] = (byInformant[key] ?? 0) + 1;
    }
    rows.push({ conceptId: concept.id, label: concept.label, depth: concept.depth, byInformant, total: index.byConcept(concept.id).length });
  }
  const totals: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const resolved of index.all) totals[resolved.informant ?? ''] = (totals[resolved.informant ?? ''] ?? 0) + 1;
  return { informants, rows, totals, total: index.all.length };
}
