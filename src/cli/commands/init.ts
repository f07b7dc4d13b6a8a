import { describeEditorSettings, setUpEditorSettings } from '../../core/operations/editorSettings';
import { SCRATCH_IGNORE_PATTERNS } from '../../core/lock/scratchFiles';
import { ignorePseudonymKey } from '../../core/operations/ignorePseudonymKey';
import { ignoreScratchFiles } from '../../core/operations/ignoreScratchFiles';
import { initProject } from '../../core/operations/initProject';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { parse } from '../args';
import { mergedPatterns, registerMergeDriver } from '../git';
import { settingsIn } from '../mergeKind';
import { NodeProjectFiles } from '../../node/nodeFiles';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { EXIT_OK } from '../usage';

export async function init(args: string[], io: Output): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const root = projectFolder(positionals[0]);
  const files = new NodeProjectFiles(root);
  const created = await initProject(files);
  const git = await registerMergeDriver(root, mergedPatterns((await settingsIn(root)) ?? DEFAULT_SETTINGS));
  const ignored = await ignoreScratchFiles(files);
  const keyPath = ((await settingsIn(root)) ?? DEFAULT_SETTINGS).pseudonyms;
  const keyIgnored = await ignorePseudonymKey(files, keyPath);
  const editor = await setUpEditorSettings(files);
  const editorLine = editor.kind === 'unreadable' ? undefined : describeEditorSettings(editor);
  const done = [
    ...git,
    ...(ignored ? [ignoredMessage(ignored)] : []),
    ...(keyIgnored ? [keyIgnoredMessage(keyIgnored, keyPath)] : []),
    ...(editorLine ? [editorLine] : []),
  ];
  for (const path of created) io.out(`created ${path}\n`);
  for (const line of done) io.out(`${line}\n`);
  if (editor.kind === 'unreadable') io.err(`${describeEditorSettings(editor)}\n`);
  if (created.length === 0 && done.length === 0 && editor.kind !== 'unreadable')
    io.out('Nothing to do: the project is already set up.\n');
  return EXIT_OK;
}

function ignoredMessage(outcome: 'created' | 'extended' | 'unreadable'): string {
  if (outcome === 'unreadable')
    return `.gitignore is not UTF-8 text, so qcode left it alone; add ${SCRATCH_IGNORE_PATTERNS.join(', ')} to it so that its lock and temporary files stay out of git`;
  return `${outcome} .gitignore, so that qcode's lock and temporary files stay out of git`;
}

function keyIgnoredMessage(outcome: 'created' | 'extended' | 'unreadable', keyPath: string): string {
  if (outcome === 'unreadable')
    return `.gitignore is not UTF-8 text, so qcode left it alone; add /${keyPath} to it so that the pseudonym key with the real names stays out of git`;
  return `added /${keyPath} to .gitignore, so that the pseudonym key with the real names stays out of git`;
}
