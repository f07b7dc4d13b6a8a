import type { ChapterFile } from '../chapters/chapterFiles';
import { parseReferences } from '../chapters/references';
import { joinPath, SIDECAR_SUFFIX } from '../paths';
import { ListedFiles } from '../listedFiles';
import type { ProjectFiles } from '../port';
import { SETTINGS_FILE, type Settings } from '../settings/settings';

/**
 * A side of a comparison with only the transcripts that changed: a transcript whose text and
 * sidecar are the same in both revisions holds no change, so it is left out of its folder's
 * listing (and not read). Everything else reads as it is. `changed`: the project's files that
 * differ between the two sides, or are on one side only.
 */
export function changedTranscriptsOnly(
  files: ProjectFiles,
  changed: ReadonlySet<string>,
  transcripts: string,
): ProjectFiles {
  const top = joinPath(transcripts);
  const holdsChange = (path: string) => {
    const transcript = path.endsWith(SIDECAR_SUFFIX) ? path.slice(0, -SIDECAR_SUFFIX.length) : path;
    return changed.has(transcript) || changed.has(transcript + SIDECAR_SUFFIX);
  };
  return new ListedFiles(files, (folder, entries) => {
    const inside = top === '' || joinPath(folder) === top || joinPath(folder).startsWith(`${top}/`);
    return inside
      ? entries.filter((entry) => entry.kind === 'folder' || holdsChange(joinPath(folder, entry.name)))
      : entries;
  });
}

/**
 * Whether comparing needs every transcript of both sides even though only some changed: when the
 * settings changed (passages may be read differently), the codebook changed (a removed concept
 * may have been merged into another, which the passages tell; anchor examples are looked up by
 * id), or a chapter cites passages by concept or query (its quotes gather passages from everywhere).
 */
export function comparisonNeedsAll(
  changed: ReadonlySet<string>,
  settings: Settings,
  chapters: readonly ChapterFile[],
): boolean {
  if (changed.has(SETTINGS_FILE) || changed.has(joinPath(settings.codebook))) return true;
  return chapters.some((chapter) =>
    parseReferences(chapter.text).some((reference) => reference.kind === 'concept' || reference.kind === 'query'),
  );
}
