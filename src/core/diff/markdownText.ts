import { oneLine } from '../text/oneLine';

/** Helpers that keep arbitrary text (quotes, memos, labels) from turning into Markdown or HTML. */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text shown literally on one line: no emphasis, links, code, HTML or @mentions. */
export function plain(text: string): string {
  return (
    oneLine(text)
      .replace(/[\\`*_[\]~#|!]/g, '\\$&')
      .replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c)
      // A zero-width space after "@" keeps GitHub from notifying whoever has that user name.
      .replace(/@(?=\w)/gu, '@\u200b')
  );
}

let graphemeSegmenter: Intl.Segmenter | undefined;

/** At most `max` characters (whole graphemes), cut at a word where one is near, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = oneLine(text);
  // A grapheme is one UTF-16 unit or more: text no longer than `max` units is short enough.
  if (flat.length <= max) return flat;
  const cut = firstGraphemes(flat, max);
  if (cut === undefined) return flat;
  const space = cut.lastIndexOf(' ');
  return `${space > cut.length * 0.75 ? cut.slice(0, space) : cut}…`;
}

/** Below U+0300 each UTF-16 unit is a grapheme of its own: no combining marks, joiners or surrogates are there. */
const ONE_UNIT_GRAPHEMES = /^[^\u0300-\uffff]*$/;

/** The first `max - 1` graphemes of one-line text, or undefined when it has no more than `max`. */
function firstGraphemes(text: string, max: number): string | undefined {
  if (ONE_UNIT_GRAPHEMES.test(text)) return text.length > max ? text.slice(0, max - 1) : undefined;
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const graphemes: string[] = [];
  for (const { segment } of graphemeSegmenter.segment(text)) {
    graphemes.push(segment);
    if (graphemes.length > max) return graphemes.slice(0, max - 1).join('');
  }
  return undefined;
}

/** A code span that holds any text, backticks included. */
export function code(text: string): string {
  const flat = oneLine(text);
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A table row. Unescaped pipes are escaped in every cell, code spans included, as GitHub's tables require. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(escapePipes).join(' | ')} |`;
}

function escapePipes(cell: string): string {
  return cell.replace(/(\\*)\|/g, (match, backslashes: string) =>
    backslashes.length % 2 === 0 ? `${backslashes}\\|` : match,
  );
}
