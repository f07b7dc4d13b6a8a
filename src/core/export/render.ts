import type { ProjectIndex } from '../project/projectIndex';
import type { Settings } from '../settings/settings';
import { quotesToCsv } from './csv';
import { quotesToDocx } from './docx';
import { quotesToJson } from './json';
import { sectionsToMarkdown } from './markdown';
import { quoteFilter, type ExportChoices } from './options';
import { collectQuotes } from './quotes';
import { exportSections } from './sections';

export interface RenderedExport {
  /** Text for md, csv and json; the bytes of a Word file for docx. */
  content: string | Uint8Array;
  quotes: number;
}

/** The chosen passages in the chosen format. csv and json are flat and always per concept. */
export async function renderExport(index: ProjectIndex, settings: Settings, choices: ExportChoices): Promise<RenderedExport> {
  const cited = { ...settings, citation: choices.citation };
  if (choices.format === 'csv' || choices.format === 'json') {
    const groups = collectQuotes(index, quoteFilter(choices));
    const write = choices.format === 'csv' ? quotesToCsv : quotesToJson;
    return { content: write(groups, cited), quotes: groups.reduce((n, g) => n + g.quotes.length, 0) };
  }
  const sections = exportSections(index, quoteFilter(choices), choices.group);
  const quotes = sections.reduce((n, s) => n + s.quotes.length, 0);
  return { content: choices.format === 'md' ? sectionsToMarkdown(sections, cited) : await quotesToDocx(sections, cited, choices), quotes };
}
