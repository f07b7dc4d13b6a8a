import assert from 'node:assert/strict';
import type { EditResult } from '../../src/core/codebook/editResult';

/** The text of an edit that must succeed. */
export function editedText(result: EditResult): string {
  if (!result.ok) assert.fail(result.message);
  return result.text;
}

/** Why an edit that must be refused was refused. */
export function refusalOf(result: EditResult): string {
  if (result.ok) assert.fail('expected the edit to be refused');
  return result.message;
}

/** Lines of `after` that differ from `before`, and the other way round (between the common start and end). */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}
