/** A place in a text: 1-based line and column, columns in UTF-16 code units, as the editor shows them. */
export interface Position {
  line: number;
  column: number;
}

/** From start (inclusive) to end (exclusive). */
export interface TextRange {
  start: Position;
  end: Position;
}

const RANGE = /^(\d+):(\d+)-(\d+):(\d+)$/;

/** Parses `startLine:startCol-endLine:endCol`; undefined when malformed or backwards. */
export function parseRange(value: string): TextRange | undefined {
  const match = RANGE.exec(value.trim());
  if (!match) return undefined;
  // One by one, without arrays in between: this runs for every annotation of a project as it loads.
  const startLine = Number(match[1]);
  const startColumn = Number(match[2]);
  const endLine = Number(match[3]);
  const endColumn = Number(match[4]);
  if (startLine < 1 || startColumn < 1 || endLine < 1 || endColumn < 1) return undefined;
  const range = { start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn } };
  return comparePositions(range.start, range.end) <= 0 ? range : undefined;
}

export function formatRange(range: TextRange): string {
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

export function sameRange(a: TextRange | undefined, b: TextRange | undefined): boolean {
  if (!a || !b) return a === b;
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}
