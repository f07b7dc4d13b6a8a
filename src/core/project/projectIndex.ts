import { informantMatcher } from '../informants/where';
import type { WhereClause } from '../settings/exportPresets';
import type { Project, ResolvedAnnotation } from './model';

export interface QuoteFilter {
  /** Concept ids; each includes the concepts below it. Empty: all. */
  concepts?: readonly string[];
  /** Informant codes. Empty: all. */
  informants?: readonly string[];
  /** Informant attributes the passage's informant must have. Empty: all. */
  where?: readonly WhereClause[];
  /** Only key quotes (`key: true`). */
  keyOnly?: boolean;
}

/** The annotations of a project, queryable by concept and informant. */
export class ProjectIndex {
  private readonly byConceptId = new Map<string, ResolvedAnnotation[]>();
  private readonly byInformantCode = new Map<string, ResolvedAnnotation[]>();
  readonly all: ResolvedAnnotation[];

  constructor(readonly project: Project) {
    this.all = project.transcripts.flatMap((t) => t.annotations);
    for (const resolved of this.all) {
      for (const concept of new Set(resolved.annotation.concepts)) push(this.byConceptId, concept, resolved);
      if (resolved.informant !== undefined) push(this.byInformantCode, resolved.informant, resolved);
    }
  }

  /** Annotations tagged with the concept itself (not those below it). */
  byConcept(id: string): readonly ResolvedAnnotation[] {
    return this.byConceptId.get(id) ?? [];
  }

  /** Annotations tagged with the concept or any concept below it, each once. */
  underConcept(id: string): ResolvedAnnotation[] {
    const found = new Set<ResolvedAnnotation>();
    for (const concept of this.project.codebook.subtreeIds(id)) for (const r of this.byConcept(concept)) found.add(r);
    return [...found];
  }

  byInformant(code: string): readonly ResolvedAnnotation[] {
    return this.byInformantCode.get(code) ?? [];
  }

  /** Informant codes that have tagged passages, registry order first. */
  informantCodes(): string[] {
    const registered = this.project.informants.codes.filter((c) => this.byInformantCode.has(c));
    const others = [...this.byInformantCode.keys()].filter((c) => !this.project.informants.has(c)).sort();
    return [...registered, ...others];
  }

  /** Whether an annotation passes a filter (concept subtrees, informant codes, attributes, key quotes). */
  matcher(filter: QuoteFilter): (resolved: ResolvedAnnotation) => boolean {
    const concepts = filter.concepts?.length
      ? new Set(filter.concepts.flatMap((c) => [...this.project.codebook.subtreeIds(c), c]))
      : undefined;
    const informants = filter.informants?.length ? new Set(filter.informants) : undefined;
    const meetsWhere = informantMatcher(this.project.informants, filter.where ?? []);
    return (resolved) =>
      (!concepts || resolved.annotation.concepts.some((c) => concepts.has(c))) &&
      (!informants || (resolved.informant !== undefined && informants.has(resolved.informant))) &&
      meetsWhere(resolved.informant) &&
      (!filter.keyOnly || resolved.annotation.key === true);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
