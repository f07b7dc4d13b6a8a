import type { Settings } from '../settings/settings';
import { formatRange } from '../text/position';
import { exportWording } from './language';
import { citation, leadingSpeakerLabel, quoteText, sidecarNote, type ConceptQuotes } from './quotes';

/**
 * The passages per concept as JSON, for scripts and other tools; `note` says when a quote is the one saved in the
 * sidecar.
 */
export function quotesToJson(groups: readonly ConceptQuotes[], settings: Settings): string {
  const label = leadingSpeakerLabel(settings);
  const wording = exportWording(settings.language);
  const concepts = groups.map(({ concept, quotes }) => ({
    id: concept.id,
    label: concept.label,
    ...(concept.description ? { description: concept.description } : {}),
    ...(concept.parentId ? { parent: concept.parentId } : {}),
    quotes: quotes.map((resolved) => ({
      id: resolved.annotation.id,
      text: quoteText(resolved, label),
      citation: citation(settings.citation, resolved),
      informant: resolved.informant ?? null,
      transcript: resolved.transcript.path,
      range: resolved.resolution.status === 'orphaned' ? null : formatRange(resolved.resolution.range),
      status: resolved.resolution.status,
      concepts: resolved.annotation.concepts,
      memo: resolved.annotation.memo ?? null,
      key: resolved.annotation.key === true,
      coder: resolved.annotation.coder ?? null,
      note: sidecarNote(resolved, wording) ?? null,
    })),
  }));
  return JSON.stringify({ concepts }, null, 2) + '\n';
}
