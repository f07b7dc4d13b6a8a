import { problem, type Problem } from '../problems';
import type { Citation } from './citations';

/** A problem at the reference for each that cannot be rendered (error) or leaves passages out (warning). */
export function chapterProblems(path: string, citations: readonly Citation[]): Problem[] {
  return citations.flatMap((citation) => {
    const { line, column } = citation.reference;
    if ('trouble' in citation)
      return [problem(path, line, column, 'error', citation.trouble.code, citation.trouble.text)];
    return citation.left ? [problem(path, line, column, 'warning', citation.left.code, citation.left.text)] : [];
  });
}
