import { SCRATCH_IGNORE_PATTERNS } from '../lock/scratchFiles';
import type { ProjectFiles } from '../port';
import { decodeUtf8, encodeUtf8 } from '../text/decode';

const GITIGNORE = '.gitignore';
const COMMENT = '# qcode: lock and temporary files that exist only while it writes';

/**
 * Adds the patterns of qcode's lock and temporary files to the project's .gitignore, creating it
 * if needed; lines already there are not added again. Says what it did: undefined when nothing
 * was needed, 'unreadable' when the file is not UTF-8 text (it is left alone then).
 */
export async function ignoreScratchFiles(
  files: ProjectFiles,
): Promise<'created' | 'extended' | 'unreadable' | undefined> {
  const bytes = await files.read(GITIGNORE);
  const decoded = bytes ? decodeUtf8(bytes) : { ok: true as const, text: '', hadBom: false };
  if (!decoded.ok) return 'unreadable';
  const { text, hadBom } = decoded;
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  const missing = SCRATCH_IGNORE_PATTERNS.filter((pattern) => !present.has(pattern));
  if (missing.length === 0) return undefined;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' || text.endsWith('\n') ? '' : newline;
  const lines = present.has(COMMENT) ? missing : [COMMENT, ...missing];
  await files.write(GITIGNORE, encodeUtf8(`${text}${separator}${lines.join(newline)}${newline}`, hadBom));
  return bytes ? 'extended' : 'created';
}
