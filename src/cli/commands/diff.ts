import { existsSync, statSync } from 'node:fs';
import { readMemos } from '../../core/chapters/chapterFiles';
import { ChapterIndex } from '../../core/chapters/chapterIndex';
import { changedCitations, changedCitationsMarkdown } from '../../core/diff/chapterCitations';
import { diffJson } from '../../core/diff/diffJson';
import { diffMarkdown } from '../../core/diff/diffMarkdown';
import { diffProjectMemos } from '../../core/diff/diffMemos';
import { diffProjects } from '../../core/diff/diffProjects';
import type { ProjectFiles } from '../../core/port';
import { loadProject } from '../../core/project/loadProject';
import type { Project } from '../../core/project/model';
import { choice, parse } from '../args';
import { comparedSides } from '../diffSides';
import { GitRefFiles } from '../gitRefFiles';
import { resolveCommit } from '../gitRepository';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { EXIT_OK, UsageError } from '../usage';

/**
 * Reports the coding changes between two revisions, or a revision and the working tree. Always exit 0: it is a report.
 */
export async function diff(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' } }, 3);
  const format = choice(values.format, ['md', 'json'] as const, 'md', 'format');
  const [baseRevision, ...rest] = positionals;
  if (baseRevision === undefined) throw new UsageError('Name the revision to compare with, e.g. "qcode diff main".');
  const { headRevision, dir } = await headAndFolder(rest);
  const folder = projectFolder(dir);
  const opened: GitRefFiles[] = [];
  try {
    const baseRef = remember(opened, await GitRefFiles.open(folder, baseRevision));
    const headRef =
      headRevision === undefined ? undefined : remember(opened, await GitRefFiles.open(folder, headRevision));
    headRef?.shareWith(baseRef);
    const headFiles: ProjectFiles = headRef ?? new NodeProjectFiles(folder);
    const sides = await comparedSides(folder, baseRef, headRef, headFiles);
    const [base, head] = await Promise.all([loadProject(sides.base), loadProject(sides.head)]);
    if (lacksCodebook(base) && lacksCodebook(head)) {
      throw new UsageError(
        `${folder} is not a qcode project: it has no ${head.settings.codebook} in ${baseRevision} nor in ${headRevision ?? 'the working tree'}. Give the project folder as the last argument.`,
      );
    }
    const changes = diffProjects(base, head);
    changes.memos.project = diffProjectMemos(
      await readMemos(baseRef, base.settings, []),
      await readMemos(headFiles, head.settings, []),
    );
    const citations =
      sides.chapters.length > 0 ? changedCitations(ChapterIndex.of(base), ChapterIndex.of(head), sides.chapters) : [];
    if (format === 'json')
      io.out(JSON.stringify({ ...JSON.parse(diffJson(changes)), chapters: citations }, null, 2) + '\n');
    else io.out(diffMarkdown(changes) + (citations.length > 0 ? `\n${changedCitationsMarkdown(citations)}` : ''));
  } finally {
    for (const files of opened) files.close();
  }
  return EXIT_OK;
}

/** `[head] [dir]`: with one word, a folder that exists is the project folder, anything else the head revision. */
async function headAndFolder(words: string[]): Promise<{ headRevision?: string; dir?: string }> {
  const [first, second] = words;
  if (first === undefined || second !== undefined) return { headRevision: first, dir: second };
  if (!isFolder(first)) return { headRevision: first };
  const alsoRevision = await resolveCommit(first, first).then(
    () => true,
    () => false,
  );
  if (alsoRevision)
    throw new UsageError(
      `"${first}" is both a folder and a revision. Give both revisions, then the folder: qcode diff <base> <head> <dir>.`,
    );
  return { dir: first };
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function remember(opened: GitRefFiles[], files: GitRefFiles): GitRefFiles {
  opened.push(files);
  return files;
}

function lacksCodebook(project: Project): boolean {
  return project.problems.some((p) => p.code === 'missing-file' && p.file === project.settings.codebook);
}
