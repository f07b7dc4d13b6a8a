import type { ProjectFiles } from '../port';
import type { Problem } from '../problems';
import type { Settings } from '../settings/settings';
import { loadTranscript } from './loadTranscript';
import type { TranscriptFile } from './model';
import type { EarlierTexts } from './earlierTexts';
import type { LoadedTranscript, ProjectCache } from './projectCache';

/**
 * How many transcripts are read at once: enough that reading overlaps with parsing, not so many that memory fills with
 * bytes waiting.
 */
const AT_ONCE = 8;

/**
 * The transcripts at `paths`, in that order, with their problems added to `problems` in that order
 * too. Several are read at once, so that the disk is not waited for one file at a time; with a
 * cache, a transcript whose files have not changed since it was loaded is not read again.
 */
export async function loadTranscripts(
  files: ProjectFiles,
  paths: readonly string[],
  settings: Settings,
  problems: Problem[],
  cache?: ProjectCache,
  earlier?: EarlierTexts,
): Promise<TranscriptFile[]> {
  const settingsKey = cache ? JSON.stringify(settings) : '';
  const load = async (path: string): Promise<LoadedTranscript> => {
    const own: Problem[] = [];
    return { file: await loadTranscript(files, path, settings, own, earlier), problems: own };
  };
  const loaded = await inOrder(paths, AT_ONCE, (path) =>
    cache ? cache.loadTranscript(path, settingsKey, () => load(path)) : load(path),
  );
  for (const transcript of loaded) problems.push(...transcript.problems);
  return loaded.map((transcript) => transcript.file);
}

/** `work` done for every item, at most `atOnce` at a time, with the results in the items' order. */
async function inOrder<T, R>(items: readonly T[], atOnce: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker));
  return results;
}
