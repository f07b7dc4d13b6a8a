import { joinPath } from '../core/paths';
import type { Problem } from '../core/problems';

/** `file:line:column: severity code: message`, the form editors and terminals link. */
export function problemsAsText(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}\n`).join('');
}

/**
 * GitHub Actions workflow commands, which show up as annotations on a pull request. GitHub wants
 * paths from the top of the repository: `prefix` is where the project folder is inside it ('dir/').
 */
export function problemsAsGithub(problems: readonly Problem[], prefix = ''): string {
  return problems
    .map(
      (p) =>
        `::${p.severity === 'info' ? 'notice' : p.severity} file=${escapeProperty(joinPath(prefix, p.file))},line=${p.line},col=${p.column},title=${escapeProperty(`qcode ${p.code}`)}::${escapeData(p.message)}\n`,
    )
    .join('');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
