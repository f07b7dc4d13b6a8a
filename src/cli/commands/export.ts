import { resolve } from 'node:path';
import { gapsText, hasGaps } from '../../core/export/exportGaps';
import type { ExportChoices } from '../../core/export/options';
import { renderExport } from '../../core/export/render';
import { withStrandedSidecars } from '../../core/export/strandedSidecars';
import { loadProject } from '../../core/project/loadProject';
import { ProjectIndex } from '../../core/project/projectIndex';
import { encodeUtf8 } from '../../core/text/decode';
import { parse, type Parsed } from '../args';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';
import { CHOICE_FLAGS, choicesFromFlags } from './exportChoices';
import { exportMemoFile } from './exportMemos';
import { limitToQuery, QUERY_FLAG } from './exportQuery';
import { exportRefi, writeBinary } from './exportRefi';

export async function exportQuotes(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      format: { type: 'string' },
      out: { type: 'string' },
      'memos-only': { type: 'boolean' },
      ...QUERY_FLAG,
      ...CHOICE_FLAGS,
    },
    1,
  );
  const folder = projectFolder(positionals[0]);
  const out = typeof values.out === 'string' ? values.out : undefined;
  const files = new NodeProjectFiles(folder);
  const project = limitToQuery(values, await withStrandedSidecars(files, await loadProject(files)), io);
  if (values['memos-only'] === true) return exportMemoFile(values, files, project, { out, write: writeBinary }, io);
  if (values.format === 'qdpx' || values.format === 'qdc') {
    refuseChoices(values, values.format);
    return exportRefi(values.format, project, folder, out, io);
  }
  const choices = choicesFromFlags(values, typeof values.format === 'string' ? values.format : undefined, project);
  refuseUnsupported(values, choices);
  const index = new ProjectIndex(project);
  const shown = out ?? choices.out ?? (choices.format === 'docx' ? 'quotes.docx' : undefined);
  const { content, quotes, gaps } = await renderExport(index, project.settings, choices);
  if (shown !== undefined) {
    const fromPreset = out === undefined && choices.out !== undefined;
    await writeBinary(
      resolve(fromPreset ? folder : '.', shown),
      typeof content === 'string' ? encodeUtf8(content) : content,
    );
    io.err(`Wrote ${quotes} quotes to ${shown}.\n`);
  } else io.out(content as string);
  io.err(gapsText(gaps));
  return hasGaps(gaps) ? EXIT_PROBLEMS : EXIT_OK;
}

function refuseChoices(values: Parsed['values'], format: string): void {
  if (!Object.keys(CHOICE_FLAGS).some((flag) => values[flag] !== undefined)) return;
  const whole = format === 'qdc' ? 'codebook' : 'project';
  throw new UsageError(
    `--preset, --where, --group, --citation, --memos, --context, --key-only, --concept and --informant do not apply to --format ${format}: it exports the whole ${whole}.`,
  );
}

/** Flags given explicitly that the chosen format cannot show. */
function refuseUnsupported(values: Parsed['values'], choices: ExportChoices): void {
  if (choices.format === 'docx') return;
  const given = (['memos', 'context'] as const).filter((flag) => values[flag] === true);
  if (given.length > 0)
    throw new UsageError(`${given.map((flag) => `--${flag}`).join(' and ')} apply to --format docx only.`);
  if (values.group === 'informant' && choices.format !== 'md')
    throw new UsageError('--group informant applies to --format md and docx; csv and json have an informant column.');
}
