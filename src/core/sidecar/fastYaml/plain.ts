import { decline } from './decline';

const SPACE = 32;
const TAB = 9;

/** Characters a plain scalar may not start with; "-", "?" and ":" only when a space follows. */
const INDICATOR = /[,[\]{}#&*!|>'"%@`\t ]/;
const SPACE_OR_FLOW = /[ \t,[\]{}]/;
/**
 * What a plain item of a one-line flow list may not hold here: flow brackets, a comment, a ":" that would make a pair.
 */
const NOT_IN_PLAIN_ITEM = /[[\]{}]|[ \t]#|:(?:[ \t]|$)/;

/**
 * Whether a plain scalar may start at `at` (in a flow list, a flow indicator counts as a space after "-", "?" and ":").
 */
export function plainMayStart(line: string, at: number, inFlow: boolean): boolean {
  const first = line[at];
  if (first === undefined || INDICATOR.test(first)) return false;
  if (first !== '-' && first !== '?' && first !== ':') return true;
  const next = line[at + 1];
  return next !== undefined && next !== ' ' && next !== '\t' && !(inFlow && SPACE_OR_FLOW.test(next));
}

/** Declines a plain flow item that holds what the fast reader leaves to yaml. */
export function checkPlainItem(source: string): void {
  if (NOT_IN_PLAIN_ITEM.test(source)) decline();
}

/** Where the text before `end` stops, without the spaces and tabs it ends with. */
export function trimEnd(line: string, start: number, end: number): number {
  let at = end;
  while (at > start && (line.charCodeAt(at - 1) === SPACE || line.charCodeAt(at - 1) === TAB)) at--;
  return at;
}

/** Where a comment starts in the line at or after `from` ("#" after a space or tab), else the line's length. */
function commentStart(line: string, from: number): number {
  for (let hash = line.indexOf('#', from); hash >= 0; hash = line.indexOf('#', hash + 1)) {
    const before = line.charCodeAt(hash - 1);
    if (hash > from && (before === SPACE || before === TAB)) return hash;
  }
  return line.length;
}

/** The end of a plain scalar in block context that starts at `start` and runs to the end of its line or a comment. */
export function blockPlainEnd(line: string, start: number): number {
  const end = trimEnd(line, start, commentStart(line, start));
  // "a: b" or "a:" would be a mapping.
  for (let colon = line.indexOf(':', start); colon >= 0 && colon < end; colon = line.indexOf(':', colon + 1)) {
    const next = line.charCodeAt(colon + 1);
    if (colon === end - 1 || next === SPACE || next === TAB) decline();
  }
  return end;
}
