import { editDistance } from '../text/editDistance';

/** The concept tree that annotations refer to by id. */
export interface Concept {
  id: string;
  label: string;
  description?: string;
  /** What a passage must show to be tagged with the concept. */
  inclusion?: string;
  /** What does not belong under the concept, though it may look as if it did. */
  exclusion?: string;
  /** Anchor examples: ids of annotations that show the concept well, in the codebook's order. */
  examples?: string[];
  /** The researcher's memo on the concept: notes on how it is used, doubts, ideas. */
  memo?: string;
  color?: string;
  /** The concept's REFI-QDA GUID, kept when it was imported so that exports and re-imports match it. */
  guid?: string;
  parentId?: string;
  depth: number;
  children: Concept[];
}

/** Where a concept and each of its examples are written in codebook.yaml (1-based). */
export interface ConceptPlace {
  line: number;
  column: number;
  examples: { id: string; line: number; column: number }[];
}

export class Codebook {
  private readonly byId = new Map<string, Concept>();

  constructor(
    readonly roots: Concept[],
    readonly places: ReadonlyMap<string, ConceptPlace> = new Map(),
  ) {
    for (const concept of this.all()) this.byId.set(concept.id, concept);
  }

  static empty(): Codebook {
    return new Codebook([]);
  }

  get(id: string): Concept | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every concept, depth first, in the order of the file. */
  *all(): Generator<Concept> {
    const stack = [...this.roots].reverse();
    for (let concept = stack.pop(); concept; concept = stack.pop()) {
      yield concept;
      for (let i = concept.children.length - 1; i >= 0; i--) stack.push(concept.children[i] as Concept);
    }
  }

  /** The concept and everything below it. */
  subtreeIds(id: string): Set<string> {
    const ids = new Set<string>();
    const concept = this.byId.get(id);
    const stack = concept ? [concept] : [];
    for (let next = stack.pop(); next; next = stack.pop()) {
      ids.add(next.id);
      stack.push(...next.children);
    }
    return ids;
  }

  /** Labels from the root down to the concept. */
  pathLabels(id: string): string[] {
    const labels: string[] = [];
    for (
      let concept = this.byId.get(id);
      concept;
      concept = concept.parentId ? this.byId.get(concept.parentId) : undefined
    ) {
      labels.unshift(concept.label);
    }
    return labels;
  }

  /** Known ids close to a mistyped one, best first. */
  suggest(id: string): string[] {
    return suggestSimilar(id, [...this.byId.keys()]);
  }
}

export function suggestSimilar(word: string, candidates: readonly string[]): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(word.toLowerCase(), candidate.toLowerCase()) }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((c) => c.candidate);
}
