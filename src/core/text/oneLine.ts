/** Text for display on one line: each run of whitespace becomes a space, and long text is cut with an ellipsis. */
export function oneLine(text: string, maxLength = Infinity): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  let cut = Math.max(maxLength - 1, 0);
  if (isHighSurrogate(flat.charCodeAt(cut - 1))) cut--;
  return `${flat.slice(0, cut).trimEnd()}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
