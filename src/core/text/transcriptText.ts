import { toNfc } from './normalize';
import type { Position } from './position';

/**
 * A transcript prepared for anchoring. `text` is the matching form (\n line breaks, NFC letters);
 * positions are translated back to the file as it is, so that a transcript saved with CRLF or in
 * NFD (as macOS tends to) still gets the columns the editor shows.
 */
export class TranscriptText {
  readonly text: string;
  private readonly lineStarts: number[];
  /** Per changed line: normalized column -> original column, and back. Only lines NFC changed. */
  private readonly toOriginal = new Map<number, Int32Array>();
  private readonly toNormalized = new Map<number, Int32Array>();

  constructor(raw: string) {
    const lf = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    const nfc = toNfc(lf);
    this.text = nfc === lf ? lf : this.composeLines(lf);
    this.lineStarts = lineStartsOf(this.text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The original line:column of an offset into `text`. */
  positionAt(offset: number): Position {
    const line = this.lineIndexAt(offset);
    const column = offset - (this.lineStarts[line] ?? 0);
    const map = this.toOriginal.get(line);
    return { line: line + 1, column: (map ? (map[column] ?? column) : column) + 1 };
  }

  /** The offset into `text` of an original line:column, or undefined if the text has no such place. */
  offsetAt(position: Position): number | undefined {
    const line = position.line - 1;
    const start = this.lineStarts[line];
    if (start === undefined) return undefined;
    const map = this.toNormalized.get(line);
    const lineLength = map ? map.length - 1 : this.lineEnd(line) - start;
    const column = position.column - 1;
    if (column < 0 || column > lineLength) return undefined;
    return start + (map ? (map[column] ?? column) : column);
  }

  /** The offset into `text` nearest to an original position, clamped into the text. */
  nearestOffset(position: Position): number {
    const line = Math.min(Math.max(position.line - 1, 0), this.lineStarts.length - 1);
    const start = this.lineStarts[line] ?? 0;
    return Math.min(start + Math.max(position.column - 1, 0), this.lineEnd(line));
  }

  lineIndexAt(offset: number): number {
    return lineIndexIn(this.lineStarts, offset);
  }

  private lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  private composeLines(lf: string): string {
    return lf
      .split('\n')
      .map((line, index) => this.composeLine(line, index))
      .join('\n');
  }

  /** NFC per character cluster, so that each composed column maps back to an original one. */
  private composeLine(line: string, index: number): string {
    if (line.normalize('NFC') === line) return line;
    const toOriginal: number[] = [];
    const toNormalized = new Int32Array(line.length + 1);
    let composed = '';
    for (const match of line.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
      const cluster = match[0].normalize('NFC');
      for (let k = 0; k < match[0].length; k++) toNormalized[match.index + k] = composed.length;
      for (let k = 0; k < cluster.length; k++) toOriginal.push(match.index);
      composed += cluster;
    }
    toNormalized[line.length] = composed.length;
    toOriginal.push(line.length);
    this.toOriginal.set(index, Int32Array.from(toOriginal));
    this.toNormalized.set(index, toNormalized);
    return composed;
  }
}

/** The index of the line that holds an offset, given the offsets at which lines start. */
export function lineIndexIn(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
