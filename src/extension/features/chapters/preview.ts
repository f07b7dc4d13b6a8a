import type { MarkdownIt } from 'markdown-it';
import { renderChapter, type BrokenMark } from '../../../core/chapters/renderChapter';
import { translate } from '../../shared/l10n/displayLanguage';
import type { ChapterContext } from './chapterContext';

const REFERENCE = /\{\{\s*(q|concept|query)\s*:/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * The markdown-it plugin of the built-in Markdown preview: references are replaced by the current
 * quotes before the text is parsed, and a reference that cannot be rendered is marked, its
 * problem as the mark's title.
 */
export function chapterPreview(chapters: ChapterContext): (md: MarkdownIt) => MarkdownIt {
  return (md) => {
    md.core.ruler.before('normalize', 'qcode_chapter_references', (state) => {
      const index = chapters.index();
      if (!index || !REFERENCE.test(state.src)) return false;
      state.src = renderChapter('', state.src, index, brokenMark).text;
      return true;
    });
    return md;
  };
}

const brokenMark: BrokenMark = (citation, written) =>
  `<mark class="qcode-broken-reference" title="${escapeHtml(translate(citation.trouble.text))}">⚠ ${escapeHtml(written.trim())}</mark>`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
}
