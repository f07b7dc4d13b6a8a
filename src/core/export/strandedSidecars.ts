import type { ProjectFiles } from '../port';
import { discoverTranscripts } from '../project/discover';
import { loadTranscript } from '../project/loadTranscript';
import type { Project } from '../project/model';
import { SIDECAR_SUFFIX } from '../paths';

/**
 * The project with the sidecars whose transcript is missing (renamed, not yet pulled, or never
 * imported with the project) read in as well, with the problems found in them. Their annotations
 * are orphans that keep their saved quotes, so that an export can still hold them.
 */
export async function withStrandedSidecars(files: ProjectFiles, project: Project): Promise<Project> {
  const { strandedSidecars } = await discoverTranscripts(files, project.settings);
  const known = new Set(project.transcripts.map((t) => t.sidecarPath));
  const stranded = strandedSidecars.filter((sidecar) => !known.has(sidecar));
  if (stranded.length === 0) return project;
  const scratch: Project['problems'] = [];
  const added = await Promise.all(
    stranded.map((sidecar) =>
      loadTranscript(files, sidecar.slice(0, -SIDECAR_SUFFIX.length), project.settings, scratch),
    ),
  );
  const transcripts = [...project.transcripts, ...added].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  return {
    ...project,
    transcripts,
    problems: [...project.problems, ...scratch.filter((p) => p.file.endsWith(SIDECAR_SUFFIX))],
  };
}
