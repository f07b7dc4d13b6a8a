import type { ResolvedAnnotation } from '../project/model';
import type { ProjectIndex } from '../project/projectIndex';
import type { Settings } from '../settings/settings';
import { quotesToCsv } from './csv';
import { quotesToDocx } from './docx';
import { exportGaps, type ExportGaps } from './exportGaps';
import { quotesToJson } from './json';
import { sectionsToMarkdown } from './markdown';
import { quoteFilter, type ExportChoices } from './options';
import { collectQuotes } from './quotes';
import { exportSections } from './sections';

export interface RenderedExport {
  /** Text for md, csv and json; the bytes of a Word file for docx. */
  content: string | Uint8Array;
  quotes: number;
  /** Quotes taken from the sidecar, and sidecars not fully read: the export is complete only when there are none. */
  gaps: ExportGaps;
}

/** The chosen passages in the chosen format. csv and json are flat and always per concept. */
export async function renderExport(
  index: ProjectIndex,
  settings: Settings,
  choices: ExportChoices,
): Promise<RenderedExport> {
  const cited = { ...settings, citation: choices.citation };
  if (choices.format === 'csv' || choices.format === 'json') {
    const groups = collectQuotes(index, quoteFilter(choices));
    const write = choices.format === 'csv' ? quotesToCsv : quotesToJson;
    return rendered(
      index,
      write(groups, cited),
      groups.flatMap((g) => g.quotes),
    );
  }
  const sections = exportSections(index, quoteFilter(choices), choices.group);
  const quotes = sections.flatMap((s) => s.quotes);
  return rendered(
    index,
    choices.format === 'md' ? sectionsToMarkdown(sections, cited) : await quotesToDocx(sections, cited, choices),
    quotes,
  );
}

function rendered(
  index: ProjectIndex,
  content: string | Uint8Array,
  quotes: readonly ResolvedAnnotation[],
): RenderedExport {
  return { content, quotes: quotes.length, gaps: exportGaps(index.project, quotes) };
}
