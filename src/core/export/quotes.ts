import type { Concept } from '../codebook/codebook';
import { basename } from '../paths';
import type { ResolvedAnnotation } from '../project/model';
import type { ProjectIndex, QuoteFilter } from '../project/projectIndex';
import type { Settings } from '../settings/settings';
import type { ExportWording } from './language';

/** A concept with the passages tagged with it, ready to be written out. */
export interface ConceptQuotes {
  concept: Concept;
  quotes: ResolvedAnnotation[];
}

/**
 * The tagged passages per concept, in codebook order, each concept's passages in transcript and
 * text order. Concepts with no passage of their own are left out unless a concept below has one,
 * so headings keep the codebook's structure.
 */
export function collectQuotes(index: ProjectIndex, filter: QuoteFilter): ConceptQuotes[] {
  const accepts = index.matcher(filter);
  const wanted = filter.concepts?.length
    ? new Set(filter.concepts.flatMap((c) => [...index.project.codebook.subtreeIds(c)]))
    : undefined;
  const groups: ConceptQuotes[] = [];
  for (const concept of index.project.codebook.all()) {
    if (wanted && !wanted.has(concept.id)) continue;
    const quotes = index.byConcept(concept.id).filter(accepts).sort(textOrder);
    groups.push({ concept, quotes });
  }
  return groups.filter((group) => group.quotes.length > 0 || hasQuotesBelow(group.concept, groups));
}

function hasQuotesBelow(concept: Concept, groups: ConceptQuotes[]): boolean {
  return groups.some((g) => g.quotes.length > 0 && isBelow(g.concept, concept, groups));
}

function isBelow(candidate: Concept, ancestor: Concept, groups: ConceptQuotes[]): boolean {
  for (let id = candidate.parentId; id !== undefined; id = groups.find((g) => g.concept.id === id)?.concept.parentId) {
    if (id === ancestor.id) return true;
  }
  return false;
}

function textOrder(a: ResolvedAnnotation, b: ResolvedAnnotation): number {
  return a.transcript.path.localeCompare(b.transcript.path) || startOf(a) - startOf(b);
}

function startOf(resolved: ResolvedAnnotation): number {
  return resolved.resolution.status === 'orphaned' ? Number.MAX_SAFE_INTEGER : resolved.resolution.start;
}

/** A speaker label at the very start of a passage ("K3: "), which exports leave out. */
export function leadingSpeakerLabel(settings: Settings): RegExp {
  return new RegExp(settings.speakerPattern, 'u');
}

/** The passage as a reader should see it: without a leading speaker label, trimmed. */
export function quoteText(resolved: ResolvedAnnotation, speakerLabel: RegExp): string {
  return resolved.text.replace(speakerLabel, '').trim();
}

/** The citation of a passage: {informant} is its code, {transcript} the file's name, {line} where it starts. */
export function citation(template: string, resolved: ResolvedAnnotation): string {
  const values: Record<string, () => string> = {
    informant: () => resolved.informant ?? '?',
    transcript: () => basename(resolved.transcript.path),
    line: () => String(quoteLine(resolved) ?? '?'),
  };
  return template.replace(/\{(informant|transcript|line)\}/g, (_, name: string) => values[name]?.() ?? '');
}

/** The line the passage starts on now; for an orphan, where it was last saved. */
export function quoteLine(resolved: ResolvedAnnotation): number | undefined {
  return resolved.resolution.status === 'orphaned'
    ? resolved.annotation.range?.start.line
    : resolved.resolution.range.start.line;
}

/**
 * For a quote not found in its transcript (or whose transcript is missing), what the export says
 * about it: it is the quote saved in the sidecar, and why. Undefined for a quote found in the text.
 */
export function sidecarNote(resolved: ResolvedAnnotation, wording: ExportWording): string | undefined {
  if (resolved.resolution.status !== 'orphaned') return undefined;
  return `${wording.fromSidecar}: ${resolved.transcript.doc ? wording.notFound : wording.transcriptMissing}`;
}
