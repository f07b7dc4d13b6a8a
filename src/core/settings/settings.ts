import type { Node } from 'yaml';
import type { YamlFile } from '../yaml/yamlFile';
import { readExportPresets, type ExportPreset } from './exportPresets';
import { readSavedQueries, type SavedQuery } from './savedQueries';
import { validPath } from './settingPath';
import { message } from '../messages';

/** Project settings from qcode.yaml; every one has a default, so the file is optional. */
export interface Settings {
  codebook: string;
  informants: string;
  /** Folder searched (recursively) for transcripts. */
  transcripts: string;
  /** File endings of transcripts. */
  extensions: string[];
  /** Matches a speaker label at the start of a line; group 1 is the speaker. */
  speakerPattern: string;
  /** Matches an informant code (without anchors). */
  informantPattern: string;
  /** How a quote is cited in exports: {informant} (the code), {transcript} (file name), {line}. */
  citation: string;
  /** The language of the study's texts (nb, en, ...); exports use its quotation marks. */
  language: string;
  /** Named export choices (`exports:`), in the order of the file. */
  exports: ExportPreset[];
  /** The pseudonymisation key: real names and their replacements; kept out of git. */
  pseudonyms: string;
  /** Which Markdown files are chapters that cite passages: a pattern with * and **. */
  chapters: string;
  /** Which Markdown files are project memos (free notes that may cite passages): a pattern with * and **. */
  memos: string;
  /** Coding queries kept by name (`queries:`), in the order of the file. */
  queries: SavedQuery[];
}

export const SETTINGS_FILE = 'qcode.yaml';

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  codebook: 'codebook.yaml',
  informants: 'informants.yaml',
  transcripts: 'transcripts',
  extensions: ['.txt', '.md'],
  speakerPattern: '^([\\p{Lu}]{1,3}\\d{0,3})[ \\t]*:[ \\t]',
  informantPattern: '\\p{Lu}{1,2}\\d{1,3}',
  citation: '({informant})',
  language: 'en',
  exports: [],
  pseudonyms: 'pseudonyms.yaml',
  chapters: 'chapters/**/*.md',
  memos: 'memos/**/*.md',
  queries: [],
};

const TEXT_KEYS = [
  'codebook',
  'informants',
  'transcripts',
  'speakerPattern',
  'informantPattern',
  'citation',
  'pseudonyms',
  'chapters',
  'memos',
] as const;
type TextKey = (typeof TEXT_KEYS)[number];
/** Settings that name a file or folder, which must lie inside the project. */
const PATH_KEYS: readonly TextKey[] = ['codebook', 'informants', 'transcripts', 'pseudonyms', 'chapters', 'memos'];

export function readSettings(file: YamlFile | undefined): Settings {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    extensions: [...DEFAULT_SETTINGS.extensions],
    exports: [],
    queries: [],
  };
  const root = file?.document?.contents;
  if (!file || root === null || root === undefined) return settings;
  const map = file.asMap(root, 'qcode.yaml');
  for (const { key, keyNode, value } of map ? file.entries(map, 'qcode.yaml') : []) {
    if ((TEXT_KEYS as readonly string[]).includes(key)) {
      const text = file.asString(value, `"${key}"`, keyNode);
      if (text !== undefined && validSetting(file, key as TextKey, text, value ?? keyNode))
        settings[key as TextKey] = text;
    } else if (key === 'extensions') {
      const seq = file.asSeq(value, '"extensions"', keyNode);
      const endings = (seq?.items ?? [])
        .map((item) => file.asString(item, message('A file ending'), seq))
        .filter((e): e is string => !!e);
      if (endings.length > 0) settings.extensions = endings.map((e) => (e.startsWith('.') ? e : `.${e}`));
    } else if (key === 'language') {
      const language = file.asString(value, '"language"', keyNode);
      if (language !== undefined && validLanguage(file, language, value ?? keyNode)) settings.language = language;
    } else if (key === 'exports') settings.exports = readExportPresets(file, value, keyNode);
    else if (key === 'queries') settings.queries = readSavedQueries(file, value, keyNode);
    else file.unknownKey(keyNode, key, 'qcode.yaml', [...TEXT_KEYS, 'extensions', 'language', 'exports', 'queries']);
  }
  return settings;
}

function validSetting(file: YamlFile, key: TextKey, text: string, at: unknown): boolean {
  if (PATH_KEYS.includes(key))
    return validPath(
      file,
      key,
      text,
      at as Node,
      message('The default ({value}) is used until it is fixed.', { value: DEFAULT_SETTINGS[key] }),
    );
  if (key !== 'speakerPattern' && key !== 'informantPattern') return true;
  try {
    new RegExp(text, 'u');
    return true;
  } catch (error) {
    file.reportAt(
      at as never,
      'error',
      'bad-pattern',
      message('"{key}" is not a valid regular expression ({error}). The default is used until it is fixed.', {
        key,
        error: (error as Error).message,
      }),
    );
    return false;
  }
}

function validLanguage(file: YamlFile, language: string, at: unknown): boolean {
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) return true;
  file.reportAt(
    at as never,
    'error',
    'bad-value',
    message(
      '"language" must be a language code such as nb or en, not "{language}". English is used until it is fixed.',
      { language },
    ),
  );
  return false;
}

export function speakerRegExp(settings: Settings): RegExp {
  return new RegExp(settings.speakerPattern, 'gmu');
}

/** Matches a whole informant code. */
export function informantCodeRegExp(settings: Settings): RegExp {
  return new RegExp(`^(?:${settings.informantPattern})$`, 'u');
}

/** Finds informant codes inside running text (not inside longer words). */
export function informantMentionRegExp(settings: Settings): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${settings.informantPattern})(?![\\p{L}\\p{N}])`, 'gu');
}
