import type { Informant } from '../informants/registry';
import type { ResolvedAnnotation } from '../project/model';
import type { ProjectIndex, QuoteFilter } from '../project/projectIndex';
import type { Grouping } from '../settings/exportPresets';
import { collectQuotes, type ConceptQuotes } from './quotes';

/** A heading of an export (level 1 is the top) with its description and passages. */
export interface Section {
  level: number;
  title: string;
  description?: string;
  quotes: ResolvedAnnotation[];
  /** Per quote, the other annotations of the same passage and concept, exported as that one quote. */
  copies?: ReadonlyMap<ResolvedAnnotation, readonly ResolvedAnnotation[]>;
}

/**
 * The passages under headings: per concept in codebook order, or per informant (registry order)
 * and within each per concept. Passages without an informant have no place under an informant.
 */
export function exportSections(index: ProjectIndex, filter: QuoteFilter, group: Grouping): Section[] {
  if (group === 'concept') return nested(conceptSections(collectQuotes(index, filter), 1), 1);
  const chosen = filter.informants?.length ? new Set(filter.informants) : undefined;
  return index
    .informantCodes()
    .filter((code) => !chosen || chosen.has(code))
    .flatMap((code) => {
      const groups = collectQuotes(index, { ...filter, informants: [code] });
      if (groups.length === 0) return [];
      return [informantSection(code, index.project.informants.get(code)), ...nested(conceptSections(groups, 2), 2)];
    });
}

/** Concept groups as sections, the top concepts at `topLevel`. */
export function conceptSections(groups: readonly ConceptQuotes[], topLevel: number): Section[] {
  return groups.map(({ concept, quotes }) => {
    const copies = passageCopies(quotes);
    return {
      level: topLevel + concept.depth,
      title: concept.label,
      ...(concept.description ? { description: concept.description } : {}),
      quotes: [...copies.keys()],
      copies,
    };
  });
}

/**
 * One quote per passage: two coders who tagged the same words with the concept give one quote
 * in a chapter, not two. Each quote maps to the other annotations of its passage, so their memos
 * are still written with it. Quotes not found in their transcript are kept each on its own.
 */
function passageCopies(quotes: readonly ResolvedAnnotation[]): Map<ResolvedAnnotation, ResolvedAnnotation[]> {
  const first = new Map<string, ResolvedAnnotation>();
  const copies = new Map<ResolvedAnnotation, ResolvedAnnotation[]>();
  for (const resolved of quotes) {
    const key = passageKey(resolved);
    const earlier = key === undefined ? undefined : first.get(key);
    if (earlier) {
      copies.get(earlier)?.push(resolved);
      continue;
    }
    if (key !== undefined) first.set(key, resolved);
    copies.set(resolved, []);
  }
  return copies;
}

function passageKey({ resolution, transcript }: ResolvedAnnotation): string | undefined {
  return resolution.status === 'orphaned'
    ? undefined
    : `${transcript.path}\u0000${resolution.start}\u0000${resolution.end}`;
}

/**
 * Raises headings whose parents were not chosen, so that every heading is at most one level
 * below the one before it: a chosen subconcept alone becomes a top heading.
 */
function nested(sections: Section[], top: number): Section[] {
  const open: number[] = [];
  return sections.map((section) => {
    while (open.length > 0 && (open[open.length - 1] as number) >= section.level) open.pop();
    open.push(section.level);
    return { ...section, level: top + open.length - 1 };
  });
}

function informantSection(code: string, informant: Informant | undefined): Section {
  const attributes = Object.entries(informant?.attributes ?? {}).map(([name, value]) => `${name}: ${String(value)}`);
  return {
    level: 1,
    title: code,
    ...(attributes.length > 0 ? { description: attributes.join(', ') } : {}),
    quotes: [],
  };
}
