import type { Problem } from '../core/problems';

/** `file:line:column: severity code: message`, the form editors and terminals link. */
export function problemsAsText(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}\n`).join('');
}

/** GitHub Actions workflow commands, which show up as annotations on a pull request. */
export function problemsAsGithub(problems: readonly Problem[]): string {
  return problems
    .map((p) => `::${p.severity === 'info' ? 'notice' : p.severity} file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(`qcode ${p.code}`)}::${escapeData(p.message)}\n`)
    .join('');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
