/** Minimal '/'-separated path helpers for project-relative paths. */

/** What a transcript's path is followed by to name its sidecar (`a.txt` -> `a.txt.annotations.yaml`). */
export const SIDECAR_SUFFIX = '.annotations.yaml';

export function joinPath(...parts: string[]): string {
  const segments: string[] = [];
  for (const part of parts) {
    for (const segment of part.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') segments.pop();
      else segments.push(segment);
    }
  }
  return segments.join('/');
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Whether a path from a project file stays inside the project: relative, and never climbing above
 * the project folder with "..". Backslashes count as separators and drive letters as absolute, so
 * that a project cloned on Windows is held to the same rule.
 */
export function staysInside(path: string): boolean {
  if (/^[\\/]/.test(path) || /^[A-Za-z]:/.test(path)) return false;
  let depth = 0;
  for (const segment of path.split(/[\\/]/)) {
    if (segment === '..') depth--;
    else if (segment !== '' && segment !== '.') depth++;
    if (depth < 0) return false;
  }
  return true;
}
