import type { ProjectFiles } from '../port';
import type { Problem } from '../problems';
import type { Project } from '../project/model';
import { ChapterIndex } from './chapterIndex';
import { readChapters } from './chapterFiles';
import { renderChapter } from './renderChapter';

/** The problems of every chapter of the project: references that cannot be rendered, unreadable files. */
export async function checkChapters(files: ProjectFiles, project: Project, index?: ChapterIndex): Promise<Problem[]> {
  const problems: Problem[] = [];
  const chapters = await readChapters(files, project.settings, problems);
  if (chapters.length === 0) return problems;
  const chapterIndex = index ?? ChapterIndex.of(project);
  for (const chapter of chapters) problems.push(...renderChapter(chapter.path, chapter.text, chapterIndex).problems);
  return problems;
}
