import { resolve } from 'node:path';
import { readMemos } from '../../core/chapters/chapterFiles';
import { ChapterIndex } from '../../core/chapters/chapterIndex';
import { exportGaps, gapsText, hasGaps } from '../../core/export/exportGaps';
import { exportMemos } from '../../core/memos/memoExport';
import type { ProjectFiles } from '../../core/port';
import type { Project } from '../../core/project/model';
import { encodeUtf8 } from '../../core/text/decode';
import { choice, type Parsed } from '../args';
import type { Output } from '../output';
import { problemsAsText } from '../problemFormats';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';
import { choicesFromFlags } from './exportChoices';

/** Export flags that choose how quotes read, which an export of memos does not take. */
const NOT_FOR_MEMOS = ['preset', 'group', 'memos', 'context'];

/** Where the export goes: a file (written by the caller's writer) or the terminal. */
export interface MemoTarget {
  out: string | undefined;
  write(path: string, bytes: Uint8Array): Promise<void>;
}

/**
 * `qcode export --memos-only`: every memo of the project (its memos/ files, the concepts',
 * the transcripts' and the passages') as Markdown or a Word document. --concept, --informant,
 * --where and --key-only choose the passages (and concepts) whose memos are written. A project
 * memo whose reference cannot be rendered is an error at its place, and then nothing is written.
 */
export async function exportMemoFile(
  values: Parsed['values'],
  files: ProjectFiles,
  project: Project,
  target: MemoTarget,
  io: Output,
): Promise<number> {
  const refused = NOT_FOR_MEMOS.filter((flag) => values[flag] !== undefined);
  if (refused.length > 0)
    throw new UsageError(
      `${refused.map((flag) => `--${flag}`).join(', ')} do not apply to --memos-only, which writes every memo as it is.`,
    );
  const format = choice(values.format, ['md', 'docx'] as const, 'md', 'format');
  const choices = choicesFromFlags(values, format, project);
  const problems: Project['problems'] = [];
  const memoFiles = await readMemos(files, project.settings, problems);
  const filter = {
    concepts: choices.concepts,
    informants: choices.informants,
    where: choices.where,
    keyOnly: choices.keyOnly,
  };
  const exported = await exportMemos(ChapterIndex.of(project), memoFiles, filter, format);
  problems.push(...exported.problems);
  if (exported.content === undefined || problems.some((p) => p.severity === 'error')) {
    io.err(`${problemsAsText(problems)}Nothing was written: fix the memos above first.\n`);
    return EXIT_PROBLEMS;
  }
  const shown = target.out ?? (format === 'docx' ? 'memos.docx' : undefined);
  if (shown === undefined) io.out(exported.content as string);
  else {
    await target.write(
      resolve(shown),
      typeof exported.content === 'string' ? encodeUtf8(exported.content) : exported.content,
    );
    io.err(`Wrote ${exported.memos} memos to ${shown}.\n`);
  }
  const gaps = exportGaps(project, exported.passages);
  io.err(gapsText(gaps));
  return hasGaps(gaps) ? EXIT_PROBLEMS : EXIT_OK;
}
