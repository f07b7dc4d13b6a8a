import { resolve } from 'node:path';
import { appendixBlocks, type AppendixChoices } from '../../core/appendix/appendixBlocks';
import { appendixMarkdown } from '../../core/appendix/appendixMarkdown';
import { groupingAttribute } from '../../core/appendix/conceptCounts';
import { blocksToDocx } from '../../core/export/docx';
import { exportGaps, gapsText, hasGaps } from '../../core/export/exportGaps';
import { loadProject } from '../../core/project/loadProject';
import { ProjectIndex } from '../../core/project/projectIndex';
import { encodeUtf8 } from '../../core/text/decode';
import { NodeProjectFiles } from '../../node/nodeFiles';
import { choice, parse, type Parsed } from '../args';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';
import { exportRefi, writeBinary } from './exportRefi';

const OPTIONS = {
  format: { type: 'string' },
  counts: { type: 'boolean' },
  by: { type: 'string' },
  examples: { type: 'boolean' },
  out: { type: 'string' },
} as const;
const ATTRIBUTE_PREFIX = 'attribute:';

/** The codebook as an appendix (Markdown or Word), or as a REFI-QDA codebook. */
export async function codebook(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS, 1);
  const format = choice(values.format, ['md', 'docx', 'qdc'] as const, 'md', 'format');
  const folder = projectFolder(positionals[0]);
  const out = typeof values.out === 'string' ? values.out : undefined;
  const project = await loadProject(new NodeProjectFiles(folder));
  if (format === 'qdc') {
    refuseForQdc(values);
    return exportRefi('qdc', project, folder, out, io);
  }
  const index = new ProjectIndex(project);
  const appendix = appendixBlocks(index, choicesOf(values, index));
  const shown = out ?? (format === 'docx' ? 'codebook.docx' : undefined);
  if (shown === undefined) io.out(appendixMarkdown(appendix.blocks));
  else {
    const bytes =
      format === 'docx'
        ? await blocksToDocx(appendix.blocks, project.settings.language)
        : encodeUtf8(appendixMarkdown(appendix.blocks));
    await writeBinary(resolve(shown), bytes);
    io.err(
      `Wrote ${shown}: ${count(project.codebook.size, 'concept')}${values.examples ? `, ${count(appendix.quoted.length, 'anchor example')}` : ''}.\n`,
    );
  }
  for (const { concept, example } of appendix.missing) {
    io.err(
      `The example "${example}" of "${concept}" is not the id of an annotation in this project, so it was left out. Run "qcode check" to see where it is.\n`,
    );
  }
  const gaps = exportGaps(project, appendix.quoted);
  io.err(gapsText(gaps));
  return appendix.missing.length > 0 || hasGaps(gaps) ? EXIT_PROBLEMS : EXIT_OK;
}

function choicesOf(values: Parsed['values'], index: ProjectIndex): AppendixChoices {
  const asked = typeof values.by === 'string' ? values.by.replace(ATTRIBUTE_PREFIX, '') : undefined;
  const counts = values.counts === true || asked !== undefined;
  const { attribute, known } = groupingAttribute(index, asked);
  if (asked !== undefined && !known.includes(asked)) {
    const names =
      known.length > 0
        ? `The informants have: ${known.join(', ')}.`
        : 'The informants in the registry have no attributes.';
    throw new UsageError(`No informant has the attribute "${asked}". ${names}`);
  }
  return {
    ...(counts ? { counts: attribute === undefined ? {} : { attribute } } : {}),
    examples: values.examples === true,
  };
}

function refuseForQdc(values: Parsed['values']): void {
  const given = (['counts', 'by', 'examples'] as const).filter((flag) => values[flag] !== undefined);
  if (given.length === 0) return;
  const flags = given.map((flag) => `--${flag}`).join(', ');
  throw new UsageError(
    `${flags} ${given.length === 1 ? 'applies' : 'apply'} to --format md and docx: a REFI-QDA codebook (.qdc) has no place for counts or anchor examples. Its codes carry the definitions and the criteria.`,
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
