import { didYouMean, message } from '../messages';
import { suggestSimilar } from '../codebook/codebook';
import { checkQuery } from '../query/checkQuery';
import { parseQuery } from '../query/parser';
import { passageQuote } from '../query/passageQuote';
import { runQuery } from '../query/passages';
import { findSavedQuery } from '../settings/savedQueries';
import { SETTINGS_FILE } from '../settings/settings';
import type { ChapterIndex } from './chapterIndex';
import type { Citation } from './citations';
import type { QueryReference } from './references';

/** `{{query:NAME}}`: the passages of the saved query, each quoted as a passage of its transcript. */
export function citeQuery(reference: QueryReference, index: ChapterIndex): Citation {
  const { project } = index;
  const saved = findSavedQuery(project.settings.queries, reference.name);
  if (!saved) {
    const hint = didYouMean(
      suggestSimilar(
        reference.name,
        project.settings.queries.map((q) => q.name),
      ),
    );
    return {
      reference,
      trouble: {
        code: 'unknown-query',
        text: message(
          'No query is saved as "{name}" under queries: in {settings}.{hint} Save it there, or correct the name.',
          { name: reference.name, settings: SETTINGS_FILE, hint },
        ),
      },
    };
  }
  const parsed = parseQuery(saved.text);
  const error = parsed.error ?? checkQuery(parsed.expression, project).find((p) => p.severity === 'error');
  if (error || !parsed.expression) {
    const text = message('The query "{name}" cannot be run: {problem} Correct it in {settings} (line {line}).', {
      name: saved.name,
      problem: error?.detail ?? '',
      settings: SETTINGS_FILE,
      line: saved.line,
    });
    return { reference, trouble: { code: 'broken-query', text } };
  }
  const result = runQuery(parsed.expression, project);
  const quotes = result.passages.map(passageQuote);
  if (result.orphans.length === 0) return { reference, quotes };
  const text = message(
    '{count} orphaned annotation(s) that the query "{name}" names are left out; "qcode check" lists them.',
    { count: result.orphans.length, name: saved.name },
  );
  return { reference, quotes, left: { code: 'orphans-left-out', text } };
}
