import { exportChoices, findPreset, type ExportChoices } from '../../core/export/options';
import { parseWhere } from '../../core/informants/where';
import type { Project } from '../../core/project/model';
import { GROUPINGS, QUOTE_FORMATS, type WhereClause } from '../../core/settings/exportPresets';
import { SETTINGS_FILE } from '../../core/settings/settings';
import { choice, list, type Parsed } from '../args';
import { CommandError, UsageError } from '../usage';

export const CHOICE_FLAGS = {
  preset: { type: 'string' },
  concept: { type: 'string', multiple: true },
  informant: { type: 'string', multiple: true },
  where: { type: 'string', multiple: true },
  group: { type: 'string' },
  citation: { type: 'string' },
  memos: { type: 'boolean' },
  context: { type: 'boolean' },
  'key-only': { type: 'boolean' },
} as const;

/** The export choices of a command line: the preset's, with the flags given taking their place. */
export function choicesFromFlags(
  values: Parsed['values'],
  format: string | undefined,
  project: Project,
): ExportChoices {
  const presetName = typeof values.preset === 'string' ? values.preset : undefined;
  const preset = presetName === undefined ? undefined : findPreset(project.settings, presetName);
  if (presetName !== undefined && !preset)
    throw new UsageError(`No export "${presetName}" in qcode.yaml${presetNames(project)}.`);
  if (presetName !== undefined) refuseBrokenSettings(project, presetName);
  const choices = exportChoices(project.settings, preset, {
    format: format === undefined ? undefined : choice(format, QUOTE_FORMATS, 'md', 'format'),
    concepts: nonEmpty(list(values.concept)),
    informants: nonEmpty(list(values.informant)),
    where: nonEmpty(list(values.where).map(whereClause)),
    group: values.group === undefined ? undefined : choice(values.group, GROUPINGS, 'concept', 'group'),
    citation: typeof values.citation === 'string' ? values.citation : undefined,
    memos: values.memos === true ? true : undefined,
    context: values.context === true ? true : undefined,
    keyOnly: values['key-only'] === true ? true : undefined,
  });
  checkAgainstProject(choices, project);
  return choices;
}

function whereClause(text: string): WhereClause {
  const clause = parseWhere(text);
  if (!clause)
    throw new UsageError(`--where takes ATTRIBUTE=VALUE, e.g. --where role=tjenestemottaker, not "${text}".`);
  return clause;
}

function checkAgainstProject(choices: ExportChoices, project: Project): void {
  const unknown = choices.concepts.filter((id) => !project.codebook.has(id));
  if (unknown.length > 0)
    throw new UsageError(
      `Unknown concept ${unknown.map((id) => `"${id}"`).join(', ')}; use ids from ${project.settings.codebook}.`,
    );
  const attributes = new Set(['code', ...project.informants.informants.flatMap((i) => Object.keys(i.attributes))]);
  const missing = choices.where.find((clause) => !attributes.has(clause.attribute));
  if (missing)
    throw new UsageError(
      `No informant in ${project.settings.informants} has the attribute "${missing.attribute}"; known: ${[...attributes].join(', ')}.`,
    );
}

/** A preset read from a qcode.yaml with errors may have lost a refused value (an `out:` outside the project, say). */
function refuseBrokenSettings(project: Project, presetName: string): void {
  const error = project.problems.find((p) => p.file === SETTINGS_FILE && p.severity === 'error');
  if (!error) return;
  throw new CommandError(
    `${SETTINGS_FILE}:${error.line}:${error.column}: ${error.message} Fix ${SETTINGS_FILE} before exporting with --preset ${presetName}.`,
  );
}

function presetNames(project: Project): string {
  const names = project.settings.exports.map((preset) => preset.name);
  return names.length > 0 ? `; the exports are ${names.join(', ')}` : '';
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
