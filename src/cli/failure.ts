import { repository, version } from '../../package.json';
import { FileAccessError } from '../core/port';
import { accessProblem } from '../core/project/readText';
import type { Output } from './output';
import { CommandError, EXIT_CRASH, EXIT_PROBLEMS } from './usage';

const ISSUES = `${repository.url.replace(/\.git$/, '')}/issues`;

/**
 * The exit code for an error a command did not handle. Expected failures (a file that cannot be
 * read, a full disk, git missing) say what went wrong and exit 1; anything else is a bug in qcode:
 * one line that says where to report it, exit 70, and the stack only when QCODE_DEBUG is set.
 */
export function failureExit(error: unknown, who: string, io: Output): number {
  if (error instanceof FileAccessError) {
    io.err(`${who}: ${accessProblem(error).message}\n`);
    return EXIT_PROBLEMS;
  }
  if (error instanceof CommandError || isSystemError(error)) {
    io.err(`${who}: ${(error as Error).message}\n`);
    return EXIT_PROBLEMS;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(
    `${who}: unexpected error: ${firstLine(message)}. This is a bug in qcode ${version}; please report it at ${ISSUES} with the command you ran (QCODE_DEBUG=1 shows where it happened).\n`,
  );
  if (process.env.QCODE_DEBUG) io.err(`${error instanceof Error ? error.stack : message}\n`);
  return EXIT_CRASH;
}

/**
 * An error from the operating system about a file or process (EACCES, ENOSPC, EROFS, ...), not from qcode's own logic.
 */
function isSystemError(error: unknown): boolean {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string' &&
    typeof (error as NodeJS.ErrnoException).code === 'string'
  );
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/\.$/, '');
}
