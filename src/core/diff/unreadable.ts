import type { Project } from '../project/model';
import type { UnreadableFile } from './model';

/** Problems that mean a file was not read at all (as opposed to read with mistakes in it). */
const NOT_READ = new Set(['yaml-syntax', 'conflict-markers', 'not-utf8', 'too-large']);

/** The codebook and informant registry files of a project that could not be read. */
export function unreadableRegistries(project: Project, side: UnreadableFile['side']): UnreadableFile[] {
  const paths = [project.settings.codebook, project.settings.informants];
  return paths
    .filter((path) => project.problems.some((p) => p.file === path && p.severity === 'error' && NOT_READ.has(p.code)))
    .map((path) => ({ side, path }));
}
