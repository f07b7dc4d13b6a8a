import { initProject } from '../../core/operations/initProject';
import { DEFAULT_SETTINGS } from '../../core/settings/settings';
import { parse } from '../args';
import { mergedPatterns, registerMergeDriver } from '../git';
import { settingsIn } from '../mergeKind';
import { NodeProjectFiles } from '../nodeFiles';
import type { Output } from '../output';
import { projectFolder } from '../projectRoot';
import { EXIT_OK } from '../usage';

export async function init(args: string[], io: Output): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const root = projectFolder(positionals[0]);
  const created = await initProject(new NodeProjectFiles(root));
  const git = await registerMergeDriver(root, mergedPatterns((await settingsIn(root)) ?? DEFAULT_SETTINGS));
  for (const path of created) io.out(`created ${path}\n`);
  for (const line of git) io.out(`${line}\n`);
  if (created.length === 0 && git.length === 0) io.out('Nothing to do: the project is already set up.\n');
  return EXIT_OK;
}
