// The ESM build: the UMD one that "main" names loads its parts with require calls a bundle cannot follow.
import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parseTree,
  printParseErrorCode,
  stripComments,
  type JSONPath,
  type ParseError,
} from 'jsonc-parser/lib/esm/main.js';
import { LOCK_SUFFIX } from '../lock/lockRecord';
import { TEMPORARY_SUFFIX } from '../lock/scratchFiles';
import { englishText, message, type Message } from '../messages';
import { joinPath, SIDECAR_SUFFIX } from '../paths';
import type { ProjectFiles } from '../port';
import { problem, type Problem } from '../problems';
import { readSettings, SETTINGS_FILE, type Settings } from '../settings/settings';
import { decodeUtf8, encodeUtf8 } from '../text/decode';
import { TranscriptText } from '../text/transcriptText';
import { YamlFile } from '../yaml/yamlFile';

export const EDITOR_SETTINGS_FILE = '.vscode/settings.json';

/** What setting up the editor settings did. */
export type EditorSettingsOutcome =
  { kind: 'created' | 'extended'; added: string[] } | { kind: 'unchanged' } | { kind: 'unreadable'; problem: Problem };

/** A setting by its path in settings.json, and its value. */
export interface EditorSetting {
  path: JSONPath;
  value: unknown;
}

/**
 * The VS Code settings of a qcode project: its .txt transcripts open in the Transcript language,
 * and each transcript's sidecar nests under it in the Explorer (collapsed), as do the lock and
 * temporary files that qcode makes for a moment while it writes a file.
 */
export function editorSettingsFor(settings: Settings): EditorSetting[] {
  const folder = joinPath(settings.transcripts);
  const wanted: EditorSetting[] = [];
  if (settings.extensions.some((e) => e.toLowerCase() === '.txt'))
    wanted.push({ path: ['files.associations', `${folder ? `**/${folder}` : '**'}/**/*.txt`], value: 'transcript' });
  wanted.push(
    { path: ['explorer.fileNesting.enabled'], value: true },
    { path: ['explorer.fileNesting.expand'], value: false },
  );
  for (const ending of settings.extensions)
    wanted.push({ path: ['explorer.fileNesting.patterns', `*${ending}`], value: transcriptChildren(ending) });
  wanted.push({
    path: ['explorer.fileNesting.patterns', '*.yaml'],
    value: `\${capture}.yaml${LOCK_SUFFIX}*, \${capture}.yaml.*${TEMPORARY_SUFFIX}`,
  });
  return wanted;
}

/** A transcript's sidecar, its lock, and the temporary files of writes to either nest under it. */
function transcriptChildren(ending: string): string {
  const sidecar = `\${capture}${ending}${SIDECAR_SUFFIX}`;
  return [sidecar, `${sidecar}${LOCK_SUFFIX}*`, `\${capture}${ending}.*${TEMPORARY_SUFFIX}`].join(', ');
}

/**
 * Adds the settings that settings.json (JSON with comments) lacks, keeping everything in it:
 * comments, formatting and every value already set, also where it differs from ours. Returns the
 * new text and the settings added, or where the text cannot be read as a JSON object.
 */
export function addEditorSettings(
  text: string,
  wanted: readonly EditorSetting[],
): { text: string; added: string[] } | { line: number; column: number; message: string; detail: Message } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // A file of nothing but comments is an empty settings file, as VS Code reads it.
  const base = stripComments(text).trim() !== '' ? text : `${text}${text === '' || text.endsWith('\n') ? '' : eol}{}`;
  const errors: ParseError[] = [];
  const root = parseTree(base, errors, { allowTrailingComma: true });
  const error = errors[0];
  if (error || root?.type !== 'object') {
    const at = new TranscriptText(base).positionAt(error?.offset ?? 0);
    const detail = error
      ? message('This is not valid JSON with comments ({error}).', { error: printParseErrorCode(error.error) })
      : message('The settings must be a JSON object, { ... }.');
    return { ...at, message: englishText(detail), detail };
  }
  const indent = /^([ \t]+)\S/m.exec(base)?.[1] ?? '  ';
  const formattingOptions = {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol,
  };
  let result = base;
  const added: string[] = [];
  for (const { path, value } of wanted) {
    const tree = parseTree(result, [], { allowTrailingComma: true });
    if (!tree || findNodeAtLocation(tree, path)) continue;
    const parent = path.length > 1 ? findNodeAtLocation(tree, path.slice(0, -1)) : tree;
    if (parent && parent.type !== 'object') continue;
    result = applyEdits(result, modify(result, path, value, { formattingOptions }));
    added.push(path.join(': '));
  }
  if (result !== base && !result.endsWith(eol)) result += eol;
  return { text: result, added };
}

/**
 * Gives the project the editor settings it lacks in .vscode/settings.json, creating the file if
 * needed. A file that cannot be read as JSON with comments is left alone.
 */
export async function setUpEditorSettings(files: ProjectFiles): Promise<EditorSettingsOutcome> {
  const settings = readSettings(await readYaml(files, SETTINGS_FILE));
  const bytes = await files.read(EDITOR_SETTINGS_FILE);
  const decoded = bytes ? decodeUtf8(bytes) : { ok: true as const, text: '', hadBom: false };
  if (!decoded.ok)
    return {
      kind: 'unreadable',
      problem: problem(
        EDITOR_SETTINGS_FILE,
        decoded.line,
        decoded.column,
        'warning',
        'editor-settings',
        message('{reason} qcode left it alone.', { reason: decoded.detail }),
      ),
    };
  const merged = addEditorSettings(decoded.text, editorSettingsFor(settings));
  if (!('text' in merged)) {
    const advice = message('{reason} qcode left it alone; correct it and run "qcode init" again.', {
      reason: merged.detail,
    });
    return {
      kind: 'unreadable',
      problem: problem(EDITOR_SETTINGS_FILE, merged.line, merged.column, 'warning', 'editor-settings', advice),
    };
  }
  if (merged.added.length === 0) return { kind: 'unchanged' };
  await files.write(EDITOR_SETTINGS_FILE, encodeUtf8(merged.text, decoded.hadBom));
  return { kind: bytes ? 'extended' : 'created', added: merged.added };
}

async function readYaml(files: ProjectFiles, path: string): Promise<YamlFile | undefined> {
  const bytes = await files.read(path);
  const decoded = bytes && decodeUtf8(bytes);
  return decoded?.ok ? new YamlFile(path, decoded.text) : undefined;
}

/** What the command line says about it, or undefined when nothing was needed. */
export function describeEditorSettings(outcome: EditorSettingsOutcome): string | undefined {
  const why =
    'so that .txt transcripts open as Transcripts and each sidecar nests under its transcript in the Explorer';
  if (outcome.kind === 'created') return `created ${EDITOR_SETTINGS_FILE}, ${why}`;
  if (outcome.kind === 'extended') return `added ${outcome.added.join(', ')} to ${EDITOR_SETTINGS_FILE}, ${why}`;
  if (outcome.kind === 'unreadable')
    return `${outcome.problem.file}:${outcome.problem.line}:${outcome.problem.column}: ${outcome.problem.message}`;
  return undefined;
}
