import { readChapters, type ChapterFile } from '../core/chapters/chapterFiles';
import { changedTranscriptsOnly, comparisonNeedsAll } from '../core/diff/changedOnly';
import type { ProjectFiles } from '../core/port';
import { readSettings, SETTINGS_FILE, type Settings } from '../core/settings/settings';
import { decodeUtf8 } from '../core/text/decode';
import { YamlFile } from '../core/yaml/yamlFile';
import type { GitRefFiles } from './gitRefFiles';
import { workingTreeChanges } from './gitRepository';

/** The files qcode diff reads of each side, and the head's chapters (read once). */
export interface ComparedSides {
  base: ProjectFiles;
  head: ProjectFiles;
  chapters: ChapterFile[];
}

/**
 * Of a large project, a change touches a few transcripts: only those whose text or sidecar
 * differ are read on either side (from git's object ids, or for the working tree from git diff
 * and the files git does not track yet), unless the comparison needs them all (comparisonNeedsAll).
 */
export async function comparedSides(
  folder: string,
  base: GitRefFiles,
  head: GitRefFiles | undefined,
  headFiles: ProjectFiles,
): Promise<ComparedSides> {
  const settings = await settingsOf(headFiles);
  const chapters = await readChapters(headFiles, settings, []);
  const changed = head ? base.changedFrom(head) : await workingTreeChanges(folder, base.commit);
  if (comparisonNeedsAll(changed, settings, chapters)) return { base, head: headFiles, chapters };
  return {
    base: changedTranscriptsOnly(base, changed, settings.transcripts),
    head: changedTranscriptsOnly(headFiles, changed, settings.transcripts),
    chapters,
  };
}

async function settingsOf(files: ProjectFiles): Promise<Settings> {
  const bytes = await files.read(SETTINGS_FILE);
  const decoded = bytes && decodeUtf8(bytes);
  return readSettings(new YamlFile(SETTINGS_FILE, decoded && decoded.ok ? decoded.text : ''));
}
