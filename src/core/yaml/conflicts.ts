import { parse } from 'yaml';

/** One block of git conflict markers in a file. */
export interface ConflictBlock {
  /** 0-based line indexes of the <<<<<<< and >>>>>>> lines. */
  startLine: number;
  endLine: number;
  /** The text between the markers, line breaks included. */
  ours: string;
  theirs: string;
  /** The common ancestor's text, when the markers are diff3-style (|||||||). */
  base?: string;
  oursLabel: string;
  theirsLabel: string;
  /** Annotation ids, concept ids or informant codes that either side mentions. */
  ids: string[];
}

export type ConflictSide = 'ours' | 'theirs' | 'both';

const MARKER = /^(<{7}|\|{7}|={7}|>{7})(?:[ \t](.*?))?[ \t]*\r?\n?$/;
const ITEM_ID = /^[ \t]*(?:-[ \t]+)?(?:id|code):[ \t]*(.*?)[ \t]*\r?$/gm;

type Section = 'ours' | 'base' | 'theirs';

/** Every complete conflict block; a marker line that belongs to no complete block is left out. */
export function findConflicts(text: string): ConflictBlock[] {
  const blocks: ConflictBlock[] = [];
  let open: { startLine: number; oursLabel: string; section: Section; parts: Record<Section, string> } | undefined;
  linesOf(text).forEach((line, index) => {
    const [, marker, label = ''] = MARKER.exec(line) ?? [];
    if (marker?.startsWith('<'))
      open = { startLine: index, oursLabel: label, section: 'ours', parts: { ours: '', base: '', theirs: '' } };
    else if (!open) return;
    else if (marker?.startsWith('|') && open.section === 'ours') open.section = 'base';
    else if (marker?.startsWith('=') && open.section !== 'theirs' && label === '') open.section = 'theirs';
    else if (marker?.startsWith('>')) {
      if (open.section === 'theirs') blocks.push(block(open.startLine, index, open.oursLabel, label, open.parts));
      open = undefined;
    } else open.parts[open.section] += line;
  });
  return blocks;
}

function block(
  startLine: number,
  endLine: number,
  oursLabel: string,
  theirsLabel: string,
  parts: Record<Section, string>,
): ConflictBlock {
  const found: ConflictBlock = {
    startLine,
    endLine,
    ours: parts.ours,
    theirs: parts.theirs,
    oursLabel,
    theirsLabel,
    ids: mentionedIds(parts.ours + parts.theirs),
  };
  return parts.base === '' ? found : { ...found, base: parts.base };
}

/** What a block becomes when `side` is taken. */
export function sideText(block: ConflictBlock, side: ConflictSide): string {
  return side === 'ours' ? block.ours : side === 'theirs' ? block.theirs : block.ours + block.theirs;
}

/** The text with the block replaced by the chosen side ('both': ours, then theirs). */
export function resolveConflict(text: string, block: ConflictBlock, side: ConflictSide): string {
  const lines = linesOf(text);
  const start = lines[block.startLine] ?? '';
  const end = lines[block.endLine] ?? '';
  if (!start.startsWith('<'.repeat(7)) || !end.startsWith('>'.repeat(7))) {
    throw new Error(
      `There is no conflict block at lines ${block.startLine + 1}-${block.endLine + 1} any more; look for the conflicts again.`,
    );
  }
  return lines.slice(0, block.startLine).join('') + sideText(block, side) + lines.slice(block.endLine + 1).join('');
}

/** The text with every conflict resolved to the same side. */
export function resolveAll(text: string, side: ConflictSide): string {
  return findConflicts(text)
    .reverse()
    .reduce((resolved, found) => resolveConflict(resolved, found, side), text);
}

/** The lines of a text, each with its line break (the last one may have none). */
export function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function mentionedIds(text: string): string[] {
  const ids = [...text.matchAll(ITEM_ID)].map((match) => unquote(match[1] ?? '')).filter((id) => id !== '');
  return [...new Set(ids)];
}

function unquote(value: string): string {
  if (!/^["']/.test(value)) return value.replace(/[ \t]+#.*$/, '');
  try {
    return String(parse(value));
  } catch {
    return value;
  }
}
