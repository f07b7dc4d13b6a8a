/** What a row of the Annotations view says beside its quote. */
export interface PassageRowParts {
  informant?: string;
  conceptLabels: readonly string[];
  /** The annotation's coder, shown only when the transcript has several coders. */
  coder?: string;
  severalCoders: boolean;
  /** Where the passage starts (line:column), which tells apart rows that otherwise look alike. */
  start?: { line: number; column: number };
}

/** "K3 · Tillit · kari · 8:246": informant, concepts, coder when there are several, and place. */
export function passageRowDescription(parts: PassageRowParts): string {
  const coder = parts.severalCoders ? parts.coder : undefined;
  const place = parts.start && `${parts.start.line}:${parts.start.column}`;
  return [parts.informant, parts.conceptLabels.join(', '), coder, place].filter(Boolean).join(' · ');
}

/** Whether the annotations of a transcript come from more than one coder (one without a name counts as one). */
export function hasSeveralCoders(coders: readonly (string | undefined)[]): boolean {
  return new Set(coders.map((c) => c ?? '')).size > 1;
}
