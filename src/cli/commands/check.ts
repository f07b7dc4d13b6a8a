import type { Resolution } from '../../core/anchoring/anchor';
import { checkChapters } from '../../core/chapters/checkChapters';
import { fixRanges } from '../../core/operations/fixRanges';
import type { ProjectFiles } from '../../core/port';
import { codebookWarnings } from '../../core/project/codebookChecks';
import { loadProject } from '../../core/project/loadProject';
import type { Project } from '../../core/project/model';
import { ProjectIndex } from '../../core/project/projectIndex';
import { compareProblems, hasErrors, type Problem } from '../../core/problems';
import { formatRange, type TextRange } from '../../core/text/position';
import { choice, parse } from '../args';
import { GitEarlierTexts } from '../earlierTexts';
import { repositoryPrefix } from '../gitRepository';
import { keyOption } from '../keyOption';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { problemsAsGithub, problemsAsText } from '../problemFormats';
import { projectFolder } from '../projectRoot';
import { EXIT_OK, EXIT_PROBLEMS } from '../usage';

export async function check(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    args,
    { fix: { type: 'boolean' }, format: { type: 'string' }, key: { type: 'string' } },
    1,
  );
  const format = choice(values.format, ['text', 'json', 'github'] as const, 'text', 'format');
  const folder = projectFolder(positionals[0]);
  const files = new NodeProjectFiles(folder);
  // Annotations that are not exact move through the differences from the committed transcript.
  const earlier = new GitEarlierTexts(folder);
  // A key from anywhere (a CI secret written outside the repository) in place of the project's.
  const options = { earlier, ...(typeof values.key === 'string' ? { key: keyOption(values.key) } : {}) };
  let project: Project;
  try {
    project = await withChapters(files, await loadProject(files, {}, options));
    if (values.fix) {
      const report = await fixRanges(files, project);
      if (format === 'text') io.err(`Updated ${report.updated} annotation(s) in ${report.files.length} sidecar(s).\n`);
      project = await withChapters(files, await loadProject(files, {}, options));
      addNew(project.problems, report.problems);
    }
  } finally {
    await earlier.close();
  }
  if (format === 'json') io.out(JSON.stringify(checkJson(project), null, 2) + '\n');
  else if (format === 'github')
    io.out(
      problemsAsGithub(project.problems, (await repositoryPrefix(folder).catch(() => undefined)) ?? '') +
        summary(project) +
        '\n',
    );
  else io.out(problemsAsText(project.problems) + summary(project) + '\n');
  return hasErrors(project.problems) ? EXIT_PROBLEMS : EXIT_OK;
}

/** The project with the problems of its chapters, and what keeps its codebook from being fit to publish, added. */
async function withChapters(files: ProjectFiles, project: Project): Promise<Project> {
  project.problems.push(...(await checkChapters(files, project)), ...codebookWarnings(new ProjectIndex(project)));
  project.problems.sort(compareProblems);
  return project;
}

/** What --fix found that checking the project again does not already say (each problem once). */
function addNew(problems: Problem[], more: readonly Problem[]): void {
  const key = (p: Problem) => `${p.file}:${p.line}:${p.column}:${p.code}:${p.message}`;
  const known = new Set(problems.map(key));
  for (const p of more) if (!known.has(key(p))) problems.push(p);
  problems.sort(compareProblems);
}

function checkJson(project: Project) {
  return {
    files: project.transcripts
      .filter((t) => t.sidecarText !== undefined)
      .map((t) => ({
        transcript: t.path,
        sidecar: t.sidecarPath,
        annotations: t.annotations.map((r) => ({
          id: r.annotation.id,
          status: r.resolution.status,
          range: rangeOf(r.resolution, r.annotation.range),
          quote: r.annotation.quote,
        })),
      })),
    problems: project.problems.map(({ file, line, column, severity, code, message }) => ({
      file,
      line,
      column,
      severity,
      code,
      message,
    })),
  };
}

function rangeOf(resolution: Resolution, saved: TextRange | undefined): string | null {
  if (resolution.status !== 'orphaned') return formatRange(resolution.range);
  return saved ? formatRange(saved) : null;
}

function summary(project: Project): string {
  const counts = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  for (const t of project.transcripts) for (const r of t.annotations) counts[r.resolution.status]++;
  const total = counts.exact + counts.moved + counts.fuzzy + counts.orphaned;
  const errors = project.problems.filter((p) => p.severity === 'error').length;
  const warnings = project.problems.filter((p) => p.severity === 'warning').length;
  return `${project.transcripts.length} transcripts, ${total} annotations: ${counts.exact} exact, ${counts.moved} moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned; ${errors} errors, ${warnings} warnings.`;
}
