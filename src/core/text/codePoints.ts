/**
 * Turns UTF-16 offsets into a text (what JavaScript strings and the editor count) into Unicode code
 * point offsets (what REFI-QDA counts): every character outside the Basic Multilingual Plane, an
 * emoji say, is two units but one code point.
 */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const pairStarts: number[] = [];
  for (const match of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) pairStarts.push(match.index);
  return (offset) => offset - countBelow(pairStarts, offset);
}

/** How many of the ascending `values` are less than `limit`. */
export function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] as number) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The first `count` code points of a text, never splitting a surrogate pair. */
export function firstCodePoints(text: string, count: number): string {
  let end = 0;
  for (let taken = 0; taken < count && end < text.length; taken++) {
    end += isSurrogatePair(text, end) ? 2 : 1;
  }
  return text.slice(0, end);
}

function isSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
