import type { ProjectDiff } from './model';
import { summarize } from './summary';

/** The diff as JSON: a summary of counts, then the changes; every key is always present (null when absent). */
export function diffJson(diff: ProjectDiff): string {
  return JSON.stringify({ summary: summarize(diff), ...diff }, null, 2) + '\n';
}
