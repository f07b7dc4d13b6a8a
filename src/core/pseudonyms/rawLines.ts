import type { Position } from '../text/position';

/**
 * Line and column in a file's own text, line breaks \n, \r\n or \r, columns in UTF-16 code units:
 * the positions sidecars and the editor use.
 */
export class RawLines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] as number) + 1 };
  }

  /** The offset of a position, or undefined when the text has no such place. */
  offsetAt(position: Position): number | undefined {
    const start = this.starts[position.line - 1];
    if (start === undefined || position.column < 1) return undefined;
    const next = this.starts[position.line];
    const lineEnd =
      next === undefined
        ? this.text.length
        : next - (this.text[next - 2] === '\r' && this.text[next - 1] === '\n' ? 2 : 1);
    const offset = start + position.column - 1;
    return offset <= lineEnd ? offset : undefined;
  }
}
