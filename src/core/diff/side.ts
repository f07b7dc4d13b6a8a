import { citation, leadingSpeakerLabel, quoteText } from '../export/quotes';
import type { Project, ResolvedAnnotation } from '../project/model';
import type { AnnotationEntry, ConceptRef, ExampleRef } from './model';

/** One project of a comparison, describing its annotations and concepts for a reviewer. */
export class DiffSide {
  private readonly speakerLabel: RegExp;
  private byId: Map<string, ResolvedAnnotation> | undefined;

  /** Concepts are labelled as `project` names them, else as `other` does. */
  constructor(
    readonly project: Project,
    private readonly other: Project,
  ) {
    this.speakerLabel = leadingSpeakerLabel(project.settings);
  }

  entry(resolved: ResolvedAnnotation): AnnotationEntry {
    const { annotation } = resolved;
    return {
      id: annotation.id,
      quote: quoteText(resolved, this.speakerLabel),
      informant: resolved.informant ?? null,
      citation: citation(this.project.settings.citation, resolved),
      line: lineOf(resolved),
      coder: annotation.coder ?? null,
      concepts: annotation.concepts.map((id) => this.concept(id)),
    };
  }

  /** The quote saved in the sidecar, as a reader sees it. */
  savedQuote(resolved: ResolvedAnnotation): string {
    return quoteText({ ...resolved, text: resolved.annotation.quote }, this.speakerLabel);
  }

  /** An anchor example: its passage and citation, or nulls when this side has no such annotation. */
  example(id: string): ExampleRef {
    this.byId ??= new Map(this.project.transcripts.flatMap((t) => t.annotations).map((r) => [r.annotation.id, r]));
    const resolved = this.byId.get(id);
    if (!resolved) return { id, quote: null, citation: null };
    return {
      id,
      quote: quoteText(resolved, this.speakerLabel),
      citation: citation(this.project.settings.citation, resolved),
    };
  }

  concept(id: string): ConceptRef {
    return { id, label: this.project.codebook.get(id)?.label ?? this.other.codebook.get(id)?.label ?? null };
  }

  parentOf(id: string): ConceptRef | null {
    const parentId = this.project.codebook.get(id)?.parentId;
    return parentId === undefined ? null : this.concept(parentId);
  }
}

function lineOf(resolved: ResolvedAnnotation): number | null {
  if (resolved.resolution.status !== 'orphaned') return resolved.resolution.range.start.line;
  return resolved.annotation.range?.start.line ?? null;
}
