import type { ProjectFiles } from '../port';
import { decodeUtf8, encodeUtf8 } from '../text/decode';

const GITIGNORE = '.gitignore';
const COMMENT = '# qcode: the pseudonym key holds the real names, which must never be shared';

/**
 * Adds the pseudonym key's path to the project's .gitignore (creating it if needed), unless a
 * line names it already. Says what it did: undefined when nothing was needed, 'unreadable' when
 * the file is not UTF-8 text (it is left alone then).
 */
export async function ignorePseudonymKey(
  files: ProjectFiles,
  keyPath: string,
): Promise<'created' | 'extended' | 'unreadable' | undefined> {
  const bytes = await files.read(GITIGNORE);
  const decoded = bytes ? decodeUtf8(bytes) : { ok: true as const, text: '', hadBom: false };
  if (!decoded.ok) return 'unreadable';
  const { text, hadBom } = decoded;
  const pattern = `/${keyPath}`;
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  if (present.has(pattern) || present.has(keyPath)) return undefined;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' || text.endsWith('\n') ? '' : newline;
  await files.write(GITIGNORE, encodeUtf8(`${text}${separator}${COMMENT}${newline}${pattern}${newline}`, hadBom));
  return bytes ? 'extended' : 'created';
}
