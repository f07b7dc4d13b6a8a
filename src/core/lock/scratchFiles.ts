import { BREAK_SUFFIX, LOCK_SUFFIX } from './lockRecord';

/** The ending of the temporary files that writes go through before they are renamed into place. */
export const TEMPORARY_SUFFIX = '.tmp';

/**
 * A file qcode makes only while it writes (a lock, a temporary file): never project content, never a reason to reload.
 */
export function isScratchFile(path: string): boolean {
  return [LOCK_SUFFIX, BREAK_SUFFIX, TEMPORARY_SUFFIX].some((suffix) => path.endsWith(suffix));
}

/** .gitignore patterns that keep those files out of git; qcode locks YAML files only. */
export const SCRATCH_IGNORE_PATTERNS: readonly string[] = [
  `*.yaml${LOCK_SUFFIX}`,
  `*.yaml${BREAK_SUFFIX}`,
  `*${TEMPORARY_SUFFIX}`,
];
