import type { Message } from '../messages';
import type { ProjectFiles } from '../port';
import { decodeUtf8, encodeUtf8 } from '../text/decode';
import { FileLockTimeout, withFileLock } from './fileLock';

/** The new text of a file given its text now (undefined: there is no file), or why it cannot be changed. */
export type TextEdit = (
  current: string | undefined,
) => { ok: true; text: string } | { ok: false; message: string; detail?: Message };

/** A failure says why in English (`message`) and, when it can, as `detail` to translate. */
export type TextUpdate =
  { ok: true; changed: boolean } | { ok: false; line: number; column: number; message: string; detail?: Message };

/**
 * Applies an edit to a text file (codebook.yaml, informants.yaml) as it is on disk right now and
 * writes the result atomically, all under the file's lock, so that what another process wrote
 * in the meantime is edited too rather than overwritten. A byte order mark stays; a file that is
 * not UTF-8 is left alone.
 */
export async function updateTextFile(files: ProjectFiles, path: string, edit: TextEdit): Promise<TextUpdate> {
  try {
    return await withFileLock(files, path, async () => {
      const bytes = await files.read(path);
      const decoded = bytes ? decodeUtf8(bytes) : undefined;
      if (decoded && !decoded.ok) return decoded;
      const result = edit(decoded?.text);
      if (!result.ok)
        return {
          ok: false,
          line: 1,
          column: 1,
          message: result.message,
          ...(result.detail ? { detail: result.detail } : {}),
        };
      if (result.text === decoded?.text) return { ok: true, changed: false };
      await files.write(path, encodeUtf8(result.text, decoded?.hadBom ?? false));
      return { ok: true, changed: true };
    });
  } catch (error) {
    if (error instanceof FileLockTimeout)
      return { ok: false, line: 1, column: 1, message: error.message, detail: error.detail };
    throw error;
  }
}
