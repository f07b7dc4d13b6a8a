import type { QuoteFilter } from '../project/projectIndex';
import type { ExportPreset, Grouping, QuoteFormat, WhereClause } from '../settings/exportPresets';
import type { Settings } from '../settings/settings';

/** Everything that decides what an export of quotes holds and how it reads. */
export interface ExportChoices {
  format: QuoteFormat;
  /** Concept ids, each with the concepts below it. Empty: all. */
  concepts: string[];
  /** Informant codes. Empty: all. */
  informants: string[];
  where: WhereClause[];
  group: Grouping;
  /** Citation template, see citation(). */
  citation: string;
  memos: boolean;
  context: boolean;
  /** Only key quotes. */
  keyOnly: boolean;
  out?: string;
}

/** The project's defaults, overridden by a preset, overridden in turn by what was given explicitly. */
export function exportChoices(
  settings: Settings,
  preset: ExportPreset | undefined,
  given: Partial<ExportChoices> = {},
): ExportChoices {
  const defaults: ExportChoices = {
    format: 'md',
    concepts: [],
    informants: [],
    where: [],
    group: 'concept',
    citation: settings.citation,
    memos: false,
    context: false,
    keyOnly: false,
  };
  const fromPreset: Partial<ExportChoices> = { ...preset };
  delete (fromPreset as { name?: string }).name;
  return { ...defaults, ...definedOnly(fromPreset), ...definedOnly(given) };
}

export function findPreset(settings: Settings, name: string): ExportPreset | undefined {
  return settings.exports.find((preset) => preset.name === name);
}

export function quoteFilter(choices: ExportChoices): QuoteFilter {
  return { concepts: choices.concepts, informants: choices.informants, where: choices.where, keyOnly: choices.keyOnly };
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
