import type { KeyMatch } from './matcher';
import { RawLines } from './rawLines';

/** One replacement, where it is (or would be) made. */
export interface Replacement {
  file: string;
  line: number;
  column: number;
  found: string;
  replacement: string;
}

export function listMatches(file: string, text: string, matches: readonly KeyMatch[]): Replacement[] {
  if (matches.length === 0) return [];
  const lines = new RawLines(text);
  return matches.map((match) => ({
    file,
    ...lines.positionAt(match.start),
    found: match.text,
    replacement: match.replacement,
  }));
}
