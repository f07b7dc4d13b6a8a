import { SIDECAR_SUFFIX } from '../core/paths';
import type { EarlierTexts } from '../core/project/earlierTexts';
import { BlobReader } from './gitRefFiles';
import { repositoryPrefix, runGit } from './gitRepository';

interface Repository {
  /** Where the project folder is inside the repository ('' or 'dir/'). */
  prefix: string;
  /** The files git tracks below the project folder, as paths from it. */
  tracked: Set<string>;
  reader: BlobReader;
}

/**
 * Each transcript as it was in the commit that last changed its sidecar, read through git, so that
 * qcode check can move annotations through the differences since. Git is asked nothing until a
 * transcript with annotations that are not exact needs it. Whatever git cannot answer (git
 * missing, no work tree, a sidecar not committed, a transcript not in that commit) is undefined,
 * and the annotations are then resolved as they are, without a word.
 */
export class GitEarlierTexts implements EarlierTexts {
  private repository: Promise<Repository | undefined> | undefined;

  constructor(private readonly folder: string) {}

  async read(transcriptPath: string): Promise<Uint8Array | undefined> {
    try {
      const repository = await (this.repository ??= this.open());
      const sidecar = transcriptPath + SIDECAR_SUFFIX;
      if (!repository || !repository.tracked.has(sidecar) || /[\r\n]/.test(transcriptPath)) return undefined;
      const log = ['--literal-pathspecs', 'log', '-1', '--format=%H', '--', sidecar];
      const commit = (await runGit(this.folder, log)).trim();
      if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
      return await repository.reader.read(`${commit}:${repository.prefix}${transcriptPath}`);
    } catch {
      return undefined;
    }
  }

  /** Stops git's reader, if it was started. */
  async close(): Promise<void> {
    const repository = await this.repository?.catch(() => undefined);
    repository?.reader.close();
  }

  private async open(): Promise<Repository | undefined> {
    const prefix = await repositoryPrefix(this.folder).catch(() => undefined);
    if (prefix === undefined) return undefined;
    const listing = await runGit(this.folder, ['ls-files', '-z', '--full-name', '--', '.']);
    const tracked = new Set(
      listing
        .split('\0')
        .filter((path) => path.startsWith(prefix))
        .map((path) => path.slice(prefix.length)),
    );
    return { prefix, tracked, reader: new BlobReader(this.folder) };
  }
}
