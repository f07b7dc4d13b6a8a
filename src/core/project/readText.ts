import { FileAccessError, type AccessFailure, type ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import { message, type Message } from '../messages';
import { CONFLICT_ADVICE_MESSAGE, findConflictMarker } from '../text/conflictMarkers';
import { decodeUtf8 } from '../text/decode';

/** Files larger than this are refused rather than read into memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The text, or why there is none: the file does not exist, or it exists but cannot be used. */
export type TextRead = { text: string; hadBom: boolean } | 'missing' | 'unreadable';

/** Reads a UTF-8 text file, adding a problem when it is missing (if required), too big, not UTF-8 or mid-merge. */
export async function readTextFile(
  files: ProjectFiles,
  path: string,
  problems: Problem[],
  required: boolean,
  checkConflicts = true,
): Promise<TextRead> {
  const bytes = await readBytes(files, path, problems);
  if (bytes === 'unreadable') return 'unreadable';
  if (!bytes) {
    if (required)
      problems.push(
        problem(
          path,
          1,
          1,
          'error',
          'missing-file',
          message('{path} was not found. Create it, or run "qcode init" to create the project files.', { path }),
        ),
      );
    return 'missing';
  }
  if (bytes.length > MAX_FILE_BYTES) {
    problems.push(
      problem(
        path,
        1,
        1,
        'error',
        'too-large',
        message('{path} is {size} MB; qcode reads files up to {limit} MB. Split it into smaller files.', {
          path,
          size: Math.round(bytes.length / 1048576),
          limit: MAX_FILE_BYTES / 1048576,
        }),
      ),
    );
    return 'unreadable';
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    problems.push(problem(path, decoded.line, decoded.column, 'error', 'not-utf8', decoded.detail));
    return 'unreadable';
  }
  const conflict = checkConflicts ? findConflictMarker(decoded.text) : undefined;
  if (conflict !== undefined) {
    problems.push(problem(path, conflict, 1, 'error', 'conflict-markers', CONFLICT_ADVICE_MESSAGE));
    return 'unreadable';
  }
  return decoded;
}

async function readBytes(
  files: ProjectFiles,
  path: string,
  problems: Problem[],
): Promise<Uint8Array | undefined | 'unreadable'> {
  try {
    return await files.read(path);
  } catch (error) {
    if (!(error instanceof FileAccessError)) throw error;
    problems.push(accessProblem(error));
    return 'unreadable';
  }
}

const ACCESS_ADVICE: Record<AccessFailure, (path: string) => Message> = {
  permission: (path) =>
    message(
      '{path} cannot be read: permission denied. Make it readable for yourself (e.g. chmod u+r), then check again.',
      { path },
    ),
  'not-a-file': (path) =>
    message(
      '{path} is not a regular file (a named pipe, socket or device), so qcode does not open it. Put the file itself in its place.',
      { path },
    ),
  'outside-project': (path) =>
    message(
      '{path} is a link to a place outside the project folder, which qcode does not follow. Copy the file or folder into the project instead of linking to it.',
      { path },
    ),
};

/** The problem for a path that exists but cannot be read, at the path itself. */
export function accessProblem(error: FileAccessError): Problem {
  return problem(
    error.path,
    1,
    1,
    'error',
    error.reason === 'permission' ? 'unreadable-file' : error.reason,
    ACCESS_ADVICE[error.reason](error.path),
  );
}
