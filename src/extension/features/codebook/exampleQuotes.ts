import type { Concept } from '../../../core/codebook/codebook';
import { citation, leadingSpeakerLabel, quoteText } from '../../../core/export/quotes';
import type { Annotation } from '../../../core/sidecar/annotation';
import { oneLine } from '../../../core/text/oneLine';
import type { LoadedProject } from '../../shared/host/projectHost';
import { t } from '../../shared/l10n/displayLanguage';

const QUOTE_LENGTH = 160;

/**
 * A concept's anchor examples as they read, each with its citation, those the coder filter hides
 * left out; an id no annotation has says so, once the whole project has loaded (until then its
 * transcript may not have been read).
 */
export function exampleQuotes(
  loaded: LoadedProject,
  concept: Concept,
  shows: (annotation: Annotation) => boolean,
): string[] {
  if (!concept.examples?.length) return [];
  const { settings } = loaded.project;
  const label = leadingSpeakerLabel(settings);
  return concept.examples.flatMap((id) => {
    const resolved = loaded.index.all.find((r) => r.annotation.id === id);
    if (!resolved)
      return loaded.complete ? [t('{0} (no annotation has this id; qcode check shows where it is)', id)] : [];
    if (!shows(resolved.annotation)) return [];
    return [`«${oneLine(quoteText(resolved, label), QUOTE_LENGTH)}» ${citation(settings.citation, resolved)}`];
  });
}
