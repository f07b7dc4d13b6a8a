import type { Concept } from '../codebook/codebook';
import type { Block } from '../export/chapter';
import { exportWording } from '../export/language';
import { citation, leadingSpeakerLabel, quoteText, sidecarNote } from '../export/quotes';
import type { ResolvedAnnotation } from '../project/model';
import type { ProjectIndex } from '../project/projectIndex';
import { appendixWording, type AppendixWording } from './appendixWording';
import { conceptCounts, type ConceptCount } from './conceptCounts';

export interface AppendixChoices {
  /** Coded passages per concept; grouped by this informant attribute when it is given. */
  counts?: { attribute?: string };
  /** The anchor examples, quoted with their citations. */
  examples?: boolean;
}

/** The appendix as paragraphs, and the examples it could and could not quote. */
export interface Appendix {
  blocks: Block[];
  /** The annotations quoted as examples. */
  quoted: ResolvedAnnotation[];
  /** Examples that are no annotation of the project: concept id and annotation id. */
  missing: { concept: string; example: string }[];
}

/**
 * The codebook as an appendix: a title, then every concept in codebook order under a numbered
 * heading one level below its parent's (1, 1.1, 1.1.1), with its definition, inclusion and
 * exclusion criteria, and as chosen its coded passages (in all and per group) and its anchor
 * examples quoted with their citations.
 */
export function appendixBlocks(index: ProjectIndex, choices: AppendixChoices): Appendix {
  const { codebook, settings } = index.project;
  const wording = appendixWording(settings.language);
  const counts = choices.counts ? conceptCounts(index, choices.counts.attribute) : undefined;
  const writer = new AppendixWriter(index, wording, counts, choices.examples === true);
  const passages = counts
    ? new Set(index.all.filter((r) => r.annotation.concepts.some((id) => codebook.has(id)))).size
    : undefined;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: wording.title },
    { kind: 'paragraph', text: wording.summary(codebook.size, passages) },
    ...(counts ? [{ kind: 'paragraph' as const, text: wording.countsNote(choices.counts?.attribute) }] : []),
  ];
  codebook.roots.forEach((concept, i) => blocks.push(...writer.concept(concept, `${i + 1}`)));
  return { blocks, quoted: writer.quoted, missing: writer.missing };
}

class AppendixWriter {
  readonly quoted: ResolvedAnnotation[] = [];
  readonly missing: Appendix['missing'] = [];
  private readonly byId: Map<string, ResolvedAnnotation>;
  private readonly speakerLabel: RegExp;

  constructor(
    private readonly index: ProjectIndex,
    private readonly wording: AppendixWording,
    private readonly counts: Map<string, ConceptCount> | undefined,
    private readonly examples: boolean,
  ) {
    this.byId = new Map(index.all.map((r) => [r.annotation.id, r]));
    this.speakerLabel = leadingSpeakerLabel(index.project.settings);
  }

  concept(concept: Concept, number: string): Block[] {
    const blocks: Block[] = [
      { kind: 'heading', level: Math.min(concept.depth + 2, 6), text: `${number} ${concept.label}` },
    ];
    if (concept.description?.trim()) blocks.push({ kind: 'paragraph', text: concept.description.trim() });
    if (concept.inclusion?.trim())
      blocks.push({ kind: 'labelled', label: this.wording.inclusion, text: concept.inclusion.trim() });
    if (concept.exclusion?.trim())
      blocks.push({ kind: 'labelled', label: this.wording.exclusion, text: concept.exclusion.trim() });
    const count = this.counts?.get(concept.id);
    if (count) blocks.push({ kind: 'labelled', label: this.wording.passages, text: this.countText(count) });
    if (this.examples) blocks.push(...this.exampleBlocks(concept));
    concept.children.forEach((child, i) => blocks.push(...this.concept(child, `${number}.${i + 1}`)));
    return blocks;
  }

  private countText(count: ConceptCount): string {
    if (count.groups.length === 0) return String(count.total);
    return `${count.total} (${count.groups.map((g) => `${g.value || this.wording.none} ${g.count}`).join(', ')})`;
  }

  private exampleBlocks(concept: Concept): Block[] {
    const found = (concept.examples ?? []).flatMap((id) => {
      const resolved = this.byId.get(id);
      if (!resolved) this.missing.push({ concept: concept.id, example: id });
      return resolved ? [resolved] : [];
    });
    if (found.length === 0) return [];
    const marks = exportWording(this.index.project.settings.language);
    this.quoted.push(...found);
    return [
      { kind: 'labelled', label: this.wording.examples, text: '' },
      ...found.flatMap((resolved): Block[] => {
        const quote: Block = {
          kind: 'quote',
          text: `${marks.open}${quoteText(resolved, this.speakerLabel)}${marks.close}`,
          citation: citation(this.index.project.settings.citation, resolved),
        };
        const note = sidecarNote(resolved, marks);
        return note ? [quote, { kind: 'source', text: `${note.charAt(0).toUpperCase()}${note.slice(1)}.` }] : [quote];
      }),
    ];
  }
}
