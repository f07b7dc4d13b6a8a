import { exportWording } from '../export/language';
import { blockQuote, markdownText } from '../export/markdown';
import { citation, leadingSpeakerLabel, quoteText } from '../export/quotes';
import type { ResolvedAnnotation } from '../project/model';
import type { Settings } from '../settings/settings';

/** How a chapter's quotes read: the passage's text and citation, in the project's language. */
export class QuoteWriter {
  private readonly label: RegExp;
  private readonly wording;

  constructor(private readonly settings: Settings) {
    this.label = leadingSpeakerLabel(settings);
    this.wording = exportWording(settings.language);
  }

  text(resolved: ResolvedAnnotation): string {
    return quoteText(resolved, this.label);
  }

  citation(resolved: ResolvedAnnotation): string {
    return citation(this.settings.citation, resolved);
  }

  /** In quotation marks, on one line. */
  marked(resolved: ResolvedAnnotation): string {
    return `${this.wording.open}${this.text(resolved).replace(/\s*\n\s*/g, ' ')}${this.wording.close}`;
  }

  /** "«...» (K3)" for a sentence of Markdown, the passage's text escaped. */
  inlineMarkdown(resolved: ResolvedAnnotation): string {
    return `${markdownText(this.marked(resolved))} ${markdownText(this.citation(resolved))}`;
  }

  /** "> ... (K3)": a block quote in Markdown, as export writes it. */
  blockMarkdown(resolved: ResolvedAnnotation): string {
    return blockQuote(this.text(resolved), this.citation(resolved));
  }
}
