import type { Concept } from '../../../core/codebook/codebook';
import { t } from '../../shared/l10n/displayLanguage';
import { escapeMarkdown } from '../../../core/text/markdownEscape';

/**
 * A concept of a passage, as its hover shows it, so that the rule is in sight while coding: the
 * label and definition, the inclusion and exclusion criteria, and whether the passage is one of
 * the concept's anchor examples. Markdown, with the project's text escaped.
 */
export function conceptHoverText(concept: Concept | undefined, id: string, annotationId: string): string {
  const lines = [
    `$(tag) **${escapeMarkdown(concept?.label ?? id)}**${concept?.description ? ` — ${escapeMarkdown(concept.description)}` : ''}`,
  ];
  if (concept?.inclusion) lines.push(`*${t('Inclusion:')}* ${escapeMarkdown(concept.inclusion)}`);
  if (concept?.exclusion) lines.push(`*${t('Exclusion:')}* ${escapeMarkdown(concept.exclusion)}`);
  if (concept?.examples?.includes(annotationId)) lines.push(`$(bookmark) ${t('An anchor example of this concept')}`);
  return `${lines.join('\n\n')}\n\n`;
}
