import type { ResolvedAnnotation } from '../project/model';
import type { Settings } from '../settings/settings';
import { exportWording, type ExportWording } from './language';
import { citation, leadingSpeakerLabel, quoteText, sidecarNote, type ConceptQuotes } from './quotes';
import { conceptSections, type Section } from './sections';

/**
 * Chapter-ready Markdown: per concept a heading, its definition, then each passage as a block
 * quote ending in its citation, as in "> ... (K3)". A quote taken from the sidecar (its passage or
 * transcript is not there) is followed by a line that says so. Text from the project is escaped,
 * so that wherever the Markdown is rendered it shows as written, never as HTML or a link.
 */
export function quotesToMarkdown(groups: readonly ConceptQuotes[], settings: Settings): string {
  return sectionsToMarkdown(conceptSections(groups, 1), settings);
}

/** The same for any headings: a section of level 1 is a "##" heading. */
export function sectionsToMarkdown(sections: readonly Section[], settings: Settings): string {
  const label = leadingSpeakerLabel(settings);
  const wording = exportWording(settings.language);
  const parts: string[] = [];
  for (const section of sections) {
    parts.push(`${'#'.repeat(Math.min(1 + section.level, 6))} ${markdownText(section.title).replace(/\n/g, ' ')}`);
    if (section.description) parts.push(`*${markdownText(section.description)}*`);
    for (const resolved of section.quotes)
      parts.push(...quoteParts(resolved, quoteText(resolved, label), settings, wording));
  }
  return parts.join('\n\n') + '\n';
}

function quoteParts(resolved: ResolvedAnnotation, text: string, settings: Settings, wording: ExportWording): string[] {
  const note = sidecarNote(resolved, wording);
  return [
    blockQuote(text, citation(settings.citation, resolved)),
    ...(note ? [`*${markdownText(capitalised(note))}.*`] : []),
  ];
}

/** The text as a Markdown block quote whose last line ends in the citation. */
export function blockQuote(text: string, cite: string): string {
  const lines = markdownText(text)
    .split('\n')
    .map((line) => line.trim());
  lines[lines.length - 1] = `${lines[lines.length - 1]} ${markdownText(cite)}`;
  return lines.map((line) => (line === '' ? '>' : `> ${escapeLineStart(line)}`)).join('\n');
}

/** Keeps a quote's first characters from being read as Markdown structure (#, -, 1., a line of = or -). */
function escapeLineStart(line: string): string {
  // A backslash escapes punctuation only: "1\." is literal text, while "\1." would show its backslash.
  return line
    .replace(/^([#+-])(?=\s)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s)/, '$1\\$2')
    .replace(/^([=-])(?=[=\s-]*$)/, '\\$1');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text from a transcript, memo, label or coder, shown literally: no emphasis, code, links or
 * images (`[x](javascript:...)`), and no HTML (`<script>`, `<img onerror=...>`, `<javascript:...>`).
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]~]/g, '\\$&').replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
