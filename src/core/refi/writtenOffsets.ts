import { lineIndexIn, type TranscriptText } from '../text/transcriptText';

/**
 * Turns UTF-16 offsets of a text as written (CRLF, maybe decomposed letters) into offsets of its
 * TranscriptText, whose text has LF line breaks and composed letters, by way of line and column.
 */
export class WrittenOffsets {
  private readonly lineStarts: number[] = [0];

  constructor(
    written: string,
    private readonly doc: TranscriptText,
  ) {
    for (const match of written.matchAll(/\r\n?|\n/g)) this.lineStarts.push(match.index + match[0].length);
  }

  toDocOffset(offset: number): number {
    const line = lineIndexIn(this.lineStarts, offset);
    const position = { line: line + 1, column: offset - (this.lineStarts[line] ?? 0) + 1 };
    return this.doc.offsetAt(position) ?? this.doc.nearestOffset(position);
  }
}
