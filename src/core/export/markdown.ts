import type { Settings } from '../settings/settings';
import { citation, leadingSpeakerLabel, quoteText, type ConceptQuotes } from './quotes';
import { conceptSections, type Section } from './sections';

/**
 * Chapter-ready Markdown: per concept a heading, its definition, then each passage as a block
 * quote ending in its citation, as in "> ... (K3)".
 */
export function quotesToMarkdown(groups: readonly ConceptQuotes[], settings: Settings): string {
  return sectionsToMarkdown(conceptSections(groups, 1), settings);
}

/** The same for any headings: a section of level 1 is a "##" heading. */
export function sectionsToMarkdown(sections: readonly Section[], settings: Settings): string {
  const label = leadingSpeakerLabel(settings);
  const parts: string[] = [];
  for (const section of sections) {
    parts.push(`${'#'.repeat(Math.min(1 + section.level, 6))} ${section.title}`);
    if (section.description) parts.push(`*${escapeInline(section.description)}*`);
    for (const resolved of section.quotes) parts.push(blockQuote(quoteText(resolved, label), citation(settings.citation, resolved)));
  }
  return parts.join('\n\n') + '\n';
}

function blockQuote(text: string, cite: string): string {
  const lines = text.split('\n').map((line) => line.trim());
  lines[lines.length - 1] = `${lines[lines.length - 1]} ${cite}`;
  return lines.map((line) => (line === '' ? '>' : `> ${escapeLineStart(line)}`)).join('\n');
}

/** Keeps a quote's first characters from being read as Markdown structure (#, -, 1.). */
function escapeLineStart(line: string): string {
  // A backslash escapes punctuation only: "1\." is literal text, while "\1." would show its backslash.
  return line.replace(/^([#>+*-])(?=\s)/, '\\$1').replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}

function escapeInline(text: string): string {
  return text.replace(/([*_])/g, '\\$1');
}
