import { message } from '../messages';
import type { Problem } from '../problems';
import type { Project } from '../project/model';
import { savedQueryProblem } from '../settings/savedQueries';
import { SETTINGS_FILE } from '../settings/settings';
import { checkQuery } from './checkQuery';
import { parseQuery } from './parser';

/**
 * What the saved queries name that the project does not have, at the place in qcode.yaml. Syntax errors are reported as
 * qcode.yaml is read.
 */
export function savedQueryProblems(project: Project): Problem[] {
  return project.settings.queries.flatMap((query) => {
    const parsed = parseQuery(query.text);
    if (parsed.error) return [];
    return checkQuery(parsed.expression, project).map((found) =>
      savedQueryProblem(
        SETTINGS_FILE,
        query,
        found.column,
        found.severity,
        found.code,
        message('The query "{name}": {problem}', { name: query.name, problem: found.detail }),
      ),
    );
  });
}
