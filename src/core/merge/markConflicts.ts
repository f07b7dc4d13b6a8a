import { applySplices } from '../sidecar/splice';
import { resolveAll } from '../yaml/conflicts';
import type { Region } from './yamlItems';

/** The names after <<<<<<< and >>>>>>>, as git shows them (HEAD and the merged branch). */
export interface ConflictLabels {
  ours: string;
  theirs: string;
}

export const DEFAULT_LABELS: Readonly<ConflictLabels> = { ours: 'ours', theirs: 'theirs' };

/** A merge with conflicts, written three times. */
export interface ConflictedTexts {
  /** The merge with every conflicted item in place (ours' version where ours has one). */
  frame: string;
  /** The merge with every conflict decided for ours, and for theirs. */
  ours: string;
  theirs: string;
  /** The items to put between markers: ids, or 'whole' for the whole file. */
  anchors: readonly string[] | 'whole';
}

/**
 * The frame with each anchor item's lines replaced by a conflict block holding that item as ours
 * and as theirs have it. Resolving every block to one side must mean the same as that side's
 * text; when it would not (an unusual layout), the whole file becomes one block.
 */
export function markConflicts(
  texts: ConflictedTexts,
  regionsOf: (text: string) => Map<string, Region>,
  labels: ConflictLabels,
  sameMeaning: (a: string, b: string) => boolean,
): string {
  const nl = texts.frame.includes('\r\n') ? '\r\n' : '\n';
  const marked = texts.anchors === 'whole' ? undefined : wrapItems(texts, texts.anchors, regionsOf, labels, nl);
  const faithful =
    marked !== undefined &&
    sameMeaning(resolveAll(marked, 'ours'), texts.ours) &&
    sameMeaning(resolveAll(marked, 'theirs'), texts.theirs);
  return faithful ? marked : conflictBlock(texts.ours, texts.theirs, labels, nl);
}

function wrapItems(
  texts: ConflictedTexts,
  anchors: readonly string[],
  regionsOf: (text: string) => Map<string, Region>,
  labels: ConflictLabels,
  nl: string,
): string | undefined {
  const [frame, ours, theirs] = [regionsOf(texts.frame), regionsOf(texts.ours), regionsOf(texts.theirs)];
  const slice = (text: string, region: Region | undefined) => (region ? text.slice(region.start, region.end) : '');
  const splices = [];
  for (const id of anchors) {
    const at = frame.get(id);
    if (!at) return undefined;
    splices.push({
      ...at,
      text: conflictBlock(slice(texts.ours, ours.get(id)), slice(texts.theirs, theirs.get(id)), labels, nl),
    });
  }
  return applySplices(texts.frame, splices);
}

/**
 * The whole of each side between one pair of conflict markers: what a merge that cannot be made
 * item by item leaves, so that nothing of either side is lost. CRLF markers when ours uses CRLF.
 */
export function bothSidesKept(ours: string, theirs: string, labels: ConflictLabels): string {
  const model = ours === '' ? theirs : ours;
  return conflictBlock(ours, theirs, labels, model.includes('\r\n') ? '\r\n' : '\n');
}

/** Git's conflict markers around the two versions of some lines. */
export function conflictBlock(ours: string, theirs: string, labels: ConflictLabels, nl = '\n'): string {
  const line = (text: string) => (text === '' || text.endsWith('\n') ? text : text + nl);
  return `<<<<<<< ${oneLine(labels.ours)}${nl}${line(ours)}=======${nl}${line(theirs)}>>>>>>> ${oneLine(labels.theirs)}${nl}`;
}

function oneLine(label: string): string {
  return label.replace(/[\r\n]+/g, ' ').trim();
}

/** The text with the line breaks of `model` (CRLF when it has any). */
export function withLineBreaksOf(model: string, text: string): string {
  return model.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text;
}
