import { Scalar, type YAMLSeq } from 'yaml';
import { decline } from './decline';
import { doubleQuoted, singleQuoted, type Quoted } from './quoted';
import { listNode } from './nodes';
import { plainScalar, quotedScalar, trimEnd } from './scalars';

/** What a plain item of a one-line flow list may not hold here: flow brackets, a comment, a ":" that would make a pair. */
const NOT_IN_PLAIN_ITEM = /[[\]{}]|[ \t]#|:(?:[ \t]|$)/;
/** Characters a plain scalar may not start with; "-", "?" and ":" only when a space follows. */
const INDICATOR = /[,[\]{}#&*!|>'"%@`\t ]/;
const SPACE_OR_FLOW = /[ \t,[\]{}]/;

/** Whether a plain scalar may start at `at` (in a flow list, a flow indicator counts as a space after "-", "?" and ":"). */
export function plainMayStart(line: string, at: number, inFlow: boolean): boolean {
  const first = line[at];
  if (first === undefined || INDICATOR.test(first)) return false;
  if (first !== '-' && first !== '?' && first !== ':') return true;
  const next = line[at + 1];
  return next !== undefined && next !== ' ' && next !== '\t' && !(inFlow && SPACE_OR_FLOW.test(next));
}

/**
 * A flow list of scalars on one line, "[a, 'b', "c"]", starting at `start` (its "["): the list with
 * the range yaml gives it, but for the end of the line after it, which the caller sets, and where it
 * ends in the line. `base` is the offset of the line in the text.
 */
export function flowList(line: string, start: number, base: number): { list: YAMLSeq; end: number } {
  const list = listNode();
  list.flow = true;
  let at = skipSpaces(line, start + 1);
  if (line[at] !== ']') {
    for (;;) {
      const { item, end } = flowItem(line, at, base);
      list.items.push(item);
      if (line[end] === ']') {
        at = end;
        break;
      }
      if (line[end] !== ',') decline();
      at = skipSpaces(line, end + 1);
    }
  }
  list.range = [base + start, base + at + 1, base + at + 1];
  return { list, end: at + 1 };
}

/** One item and where the "," or "]" after it is. */
function flowItem(line: string, start: number, base: number): { item: Scalar; end: number } {
  const first = line[start];
  if (first === '"' || first === "'") {
    const quoted: Quoted = first === '"' ? doubleQuoted(line, start) : singleQuoted(line, start);
    const end = skipSpaces(line, quoted.end);
    const type = first === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    return { item: quotedScalar(quoted.value, type, [base + start, base + quoted.end, base + end]), end };
  }
  if (!plainMayStart(line, start, true)) decline();
  const end = nextSeparator(line, start);
  const valueEnd = trimEnd(line, start, end);
  const source = line.slice(start, valueEnd);
  if (NOT_IN_PLAIN_ITEM.test(source)) decline();
  return { item: plainScalar(source, [base + start, base + valueEnd, base + end]), end };
}

function nextSeparator(line: string, from: number): number {
  const comma = line.indexOf(',', from);
  const close = line.indexOf(']', from);
  if (close < 0) decline();
  return comma >= 0 && comma < close ? comma : close;
}

function skipSpaces(line: string, from: number): number {
  let at = from;
  while (line.charCodeAt(at) === 32) at++;
  return at;
}
