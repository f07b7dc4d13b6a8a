import type { ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import { CONFLICT_ADVICE, findConflictMarker } from '../text/conflictMarkers';
import { decodeUtf8 } from '../text/decode';

/** Files larger than this are refused rather than read into memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The text, or why there is none: the file does not exist, or it exists but cannot be used. */
export type TextRead = { text: string; hadBom: boolean } | 'missing' | 'unreadable';

/** Reads a UTF-8 text file, adding a problem when it is missing (if required), too big, not UTF-8 or mid-merge. */
export async function readTextFile(files: ProjectFiles, path: string, problems: Problem[], required: boolean, checkConflicts = true): Promise<TextRead> {
  const bytes = await files.read(path);
  if (!bytes) {
    if (required) problems.push(problem(path, 1, 1, 'error', 'missing-file', `${path} was not found. Create it, or run "qcode init" to create the project files.`));
    return 'missing';
  }
  if (bytes.length > MAX_FILE_BYTES) {
    problems.push(problem(path, 1, 1, 'error', 'too-large', `${path} is ${Math.round(bytes.length / 1048576)} MB; qcode reads files up to ${MAX_FILE_BYTES / 1048576} MB. Split it into smaller files.`));
    return 'unreadable';
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    problems.push(problem(path, decoded.line, decoded.column, 'error', 'not-utf8', decoded.message));
    return 'unreadable';
  }
  const conflict = checkConflicts ? findConflictMarker(decoded.text) : undefined;
  if (conflict !== undefined) {
    problems.push(problem(path, conflict, 1, 'error', 'conflict-markers', CONFLICT_ADVICE));
    return 'unreadable';
  }
  return decoded;
}
