import { joinPath } from '../paths';
import type { FolderEntry, ProjectFiles } from '../port';
import { RefiReadError } from './readError';

/**
 * Refuses, before anything is written, a plan of writes that cannot all be made: a folder where a
 * file is to be written (`codebook.yaml/`), or a file where a folder is needed. So an import
 * writes all of its files or none, never half a project.
 */
export async function checkWriteTargets(files: ProjectFiles, paths: Iterable<string>): Promise<void> {
  // Each folder is listed once, its entries by name: an import into a large project checks thousands of paths.
  const listings = new Map<string, Promise<Map<string, FolderEntry>>>();
  const entriesOf = (folder: string): Promise<Map<string, FolderEntry>> => {
    const listing =
      listings.get(folder) ?? files.list(folder).then((entries) => new Map(entries.map((e) => [e.name, e])));
    listings.set(folder, listing);
    return listing;
  };
  for (const path of new Set(paths)) {
    const parts = joinPath(path).split('/');
    for (let i = 0; i < parts.length; i++) {
      const entry = (await entriesOf(parts.slice(0, i).join('/'))).get(parts[i] as string);
      if (!entry) break;
      const here = parts.slice(0, i + 1).join('/');
      if (i === parts.length - 1 && entry.kind === 'folder') {
        throw new RefiReadError(
          here,
          'is a folder, where the import must write a file. Move or rename the folder, then import again. Nothing was written.',
        );
      }
      if (i < parts.length - 1 && entry.kind === 'file') {
        throw new RefiReadError(
          here,
          `is a file, where the import needs a folder to write ${path}. Move or rename the file, then import again. Nothing was written.`,
        );
      }
    }
  }
}
