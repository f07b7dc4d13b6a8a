import type { Settings } from '../settings/settings';
import { citation, leadingSpeakerLabel, quoteText, type ConceptQuotes } from './quotes';

/**
 * Chapter-ready Markdown: per concept a heading, its definition, then each passage as a block
 * quote ending in its citation, as in "> ... (K3)".
 */
export function quotesToMarkdown(groups: readonly ConceptQuotes[], settings: Settings): string {
  const label = leadingSpeakerLabel(settings);
  const parts: string[] = [];
  for (const { concept, quotes } of groups) {
    parts.push(`${'#'.repeat(Math.min(2 + concept.depth, 6))} ${concept.label}`);
    if (concept.description) parts.push(`*${escapeInline(concept.description)}*`);
    for (const resolved of quotes) parts.push(blockQuote(quoteText(resolved, label), citation(settings.citation, resolved)));
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
