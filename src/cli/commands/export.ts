import { resolve } from 'node:path';
import type { ExportChoices } from '../../core/export/options';
import { renderExport } from '../../core/export/render';
import { loadProject } from '../../core/project/loadProject';
import { ProjectIndex } from '../../core/project/projectIndex';
import { encodeUtf8 } from '../../core/text/decode';
import { parse, type Parsed } from '../args';
import { NodeProjectFiles } from '../nodeFiles';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../usage';
import { CHOICE_FLAGS, choicesFromFlags } from './exportChoices';
import { exportRefi, writeBinary } from './exportRefi';

export async function exportQuotes(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, out: { type: 'string' }, ...CHOICE_FLAGS }, 1);
  const folder = projectFolder(positionals[0]);
  const out = typeof values.out === 'string' ? values.out : undefined;
  const project = await loadProject(new NodeProjectFiles(folder));
  if (values.format === 'qdpx' || values.format === 'qdc') {
    refuseChoices(values, values.format);
    return exportRefi(values.format, project, folder, out, io);
  }
  const choices = choicesFromFlags(values, typeof values.format === 'string' ? values.format : undefined, project);
  refuseUnsupported(values, choices);
  const index = new ProjectIndex(project);
  const shown = out ?? choices.out ?? (choices.format === 'docx' ? 'quotes.docx' : undefined);
  const { content, quotes } = await renderExport(index, project.settings, choices);
  if (shown !== undefined) {
    const fromPreset = out === undefined && choices.out !== undefined;
    await writeBinary(resolve(fromPreset ? folder : '.', shown), typeof content === 'string' ? encodeUtf8(content) : content);
    io.err(`Wrote ${quotes} quotes to ${shown}.\n`);
  } else io.out(content as string);
  return warnAboutOrphans(index, io);
}

function refuseChoices(values: Parsed['values'], format: string): void {
  if (!Object.keys(CHOICE_FLAGS).some((flag) => values[flag] !== undefined)) return;
  const whole = format === 'qdc' ? 'codebook' : 'project';
  throw new UsageError(`--preset, --where, --group, --citation, --memos, --context, --concept and --informant do not apply to --format ${format}: it exports the whole ${whole}.`);
}

/** Flags given explicitly that the chosen format cannot show. */
function refuseUnsupported(values: Parsed['values'], choices: ExportChoices): void {
  if (choices.format === 'docx') return;
  const given = (['memos', 'context'] as const).filter((flag) => values[flag] === true);
  if (given.length > 0) throw new UsageError(`${given.map((flag) => `--${flag}`).join(' and ')} apply to --format docx only.`);
  if (values.group === 'informant' && choices.format !== 'md') throw new UsageError('--group informant applies to --format md and docx; csv and json have an informant column.');
}

function warnAboutOrphans(index: ProjectIndex, io: Output): number {
  const orphans = index.all.filter((r) => r.resolution.status === 'orphaned');
  if (orphans.length === 0) return EXIT_OK;
  io.err(`${orphans.length} orphaned annotation(s) were exported with their saved quote; run "qcode check" to see them.\n`);
  return EXIT_PROBLEMS;
}
