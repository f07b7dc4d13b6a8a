import { discoverChapters } from '../../src/core/chapters/chapterFiles';
import type { ProjectFiles } from '../../src/core/port';
import { loadProject } from '../../src/core/project/loadProject';
import type { KeyMatcher } from '../../src/core/pseudonyms/matcher';
import { pseudonymizeProject } from '../../src/core/pseudonyms/pseudonymizeProject';

/**
 * A project pseudonymized as `qcode pseudonymize` and Pseudonymize Project do it: its transcripts,
 * codebook, informants, and the chapters and memo files discoverChapters finds.
 */
export async function pseudonymizeLoaded(files: ProjectFiles, matcher: KeyMatcher, dryRun = false) {
  const project = await loadProject(files);
  return pseudonymizeProject(
    files,
    project.transcripts.map((t) => t.path),
    { codebook: project.settings.codebook, informants: project.settings.informants },
    matcher,
    dryRun,
    await discoverChapters(files, project.settings),
  );
}
