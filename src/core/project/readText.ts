import { FileAccessError, type AccessFailure, type ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import { CONFLICT_ADVICE, findConflictMarker } from '../text/conflictMarkers';
import { decodeUtf8 } from '../text/decode';

/** Files larger than this are refused rather than read into memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The text, or why there is none: the file does not exist, or it exists but cannot be used. */
export type TextRead = { text: string; hadBom: boolean } | 'missing' | 'unreadable';

/** Reads a UTF-8 text file, adding a problem when it is missing (if required), too big, not UTF-8 or mid-merge. */
export async function readTextFile(files: ProjectFiles, path: string, problems: Problem[], required: boolean, checkConflicts = true): Promise<TextRead> {
  const bytes = await readBytes(files, path, problems);
  if (bytes === 'unreadable') return 'unreadable';
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

async function readBytes(files: ProjectFiles, path: string, problems: Problem[]): Promise<Uint8Array | undefined | 'unreadable'> {
  try {
    return await files.read(path);
  } catch (error) {
    if (!(error instanceof FileAccessError)) throw error;
    problems.push(accessProblem(error));
    return 'unreadable';
  }
}

const ACCESS_ADVICE: Record<AccessFailure, (path: string) => string> = {
  permission: (path) => `${path} cannot be read: permission denied. Make it readable for yourself (e.g. chmod u+r), then check again.`,
  'not-a-file': (path) => `${path} is not a regular file (a named pipe, socket or device), so qcode does not open it. Put the file itself in its place.`,
  'outside-project': (path) => `${path} is a link to a place outside the project folder, which qcode does not follow. Copy the file or folder into the project instead of linking to it.`,
};

/** The problem for a path that exists but cannot be read, at the path itself. */
export function accessProblem(error: FileAccessError): Problem {
  return problem(error.path, 1, 1, 'error', error.reason === 'permission' ? 'unreadable-file' : error.reason, ACCESS_ADVICE[error.reason](error.path));
}
