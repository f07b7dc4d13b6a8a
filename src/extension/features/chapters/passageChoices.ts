import type { ChapterIndex } from '../../../core/chapters/chapterIndex';
import { leadingSpeakerLabel, quoteText } from '../../../core/export/quotes';
import type { ResolvedAnnotation } from '../../../core/project/model';

/** A passage as completion and Insert Quote… offer it. */
export interface PassageChoice {
  id: string;
  /** The first words of the quote, on one line. */
  start: string;
  quote: string;
  /** Informant, concept labels and coder, joined with " · ". */
  detail: string;
  /** Every word a person might type to find it. */
  filterText: string;
  resolved: ResolvedAnnotation;
}

const START_LENGTH = 60;

/**
 * The project's passages that can be cited (not orphaned), the most recently coded first. Each is
 * described only when it is shown, so that a project of many thousand passages answers at once.
 */
export class PassageChoices {
  private readonly newest: ResolvedAnnotation[];
  private readonly label: RegExp;
  /** Per passage (in `newest` order), the lower-case words it can be found by; made when first needed. */
  private searchTexts: string[] | undefined;

  constructor(private readonly index: ChapterIndex) {
    this.label = leadingSpeakerLabel(index.project.settings);
    this.newest = newestFirst(index.quotes.all.filter((r) => r.resolution.status !== 'orphaned'));
  }

  get size(): number {
    return this.newest.length;
  }

  /**
   * The passages that have every word typed (in any case) in their id, quote, informant, concepts or coder: at most
   * `limit`.
   */
  matching(typed: string, limit: number): { shown: PassageChoice[]; more: boolean } {
    const words = typed
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w !== '');
    const texts = words.length > 0 ? this.prepare() : [];
    const shown: PassageChoice[] = [];
    for (const [i, resolved] of this.newest.entries()) {
      if (words.length > 0 && !words.every((w) => (texts[i] as string).includes(w))) continue;
      if (shown.length === limit) return { shown, more: true };
      shown.push(this.choice(resolved));
    }
    return { shown, more: false };
  }

  /**
   * Makes what typed words are matched against; the editor calls it when the project has loaded, before anyone types.
   */
  prepare(): string[] {
    this.searchTexts ??= this.newest.map((resolved) => this.searchText(resolved));
    return this.searchTexts;
  }

  private choice(resolved: ResolvedAnnotation): PassageChoice {
    const quote = quoteText(resolved, this.label);
    const oneLine = quote.replace(/\s+/g, ' ');
    const concepts = resolved.annotation.concepts.map((id) => this.index.project.codebook.get(id)?.label ?? id);
    const detail = [resolved.informant, concepts.join(', '), resolved.annotation.coder]
      .filter((part) => !!part)
      .join(' · ');
    const start = oneLine.length > START_LENGTH ? `${oneLine.slice(0, START_LENGTH - 1)}…` : oneLine;
    return {
      id: resolved.annotation.id,
      start,
      quote,
      detail,
      filterText: `${resolved.annotation.id} ${oneLine} ${detail} ${resolved.annotation.concepts.join(' ')}`,
      resolved,
    };
  }

  private searchText(resolved: ResolvedAnnotation): string {
    const { id, concepts, coder } = resolved.annotation;
    let text = `${id} ${resolved.text} ${resolved.informant ?? ''} ${coder ?? ''}`;
    for (const concept of concepts) text += ` ${concept} ${this.index.project.codebook.get(concept)?.label ?? ''}`;
    return text.toLowerCase();
  }
}

/** By `created`, the newest first; undated (or unreadable dates) last, in project order. */
function newestFirst(passages: readonly ResolvedAnnotation[]): ResolvedAnnotation[] {
  const keyed = passages.map((resolved, order) => ({
    resolved,
    order,
    time: Date.parse(resolved.annotation.created ?? '') || 0,
  }));
  keyed.sort((a, b) => b.time - a.time || a.order - b.order);
  return keyed.map((k) => k.resolved);
}
