import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { ConflictLabels } from '../core/merge/markConflicts';
import type { MergeKind } from '../core/merge/mergeText';
import { basename, dirname, joinPath, SIDECAR_SUFFIX } from '../core/paths';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_FILE, type Settings } from '../core/settings/settings';
import { YamlFile } from '../core/yaml/yamlFile';

/**
 * Which of qcode's files `name` (as git gives it, relative to the working tree `cwd`) is: a
 * sidecar by its ending; the codebook or informant registry by the names in the qcode.yaml of
 * the nearest folder above it that has one, else by the default names. Undefined: none of them.
 */
export async function mergeKindOf(name: string, cwd: string): Promise<MergeKind | undefined> {
  if (name.endsWith(SIDECAR_SUFFIX)) return 'sidecar';
  const path = relative(cwd, resolve(cwd, name)).split(sep).join('/');
  if (!path.startsWith('../')) {
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      const settings = await settingsIn(join(cwd, folder));
      if (settings) return kindIn(folder === '' ? path : path.slice(folder.length + 1), settings);
      if (folder === '') break;
    }
  }
  return kindIn(basename(path), DEFAULT_SETTINGS);
}

/** The settings in the folder's qcode.yaml, when it has one. */
export async function settingsIn(folder: string): Promise<Settings | undefined> {
  const text = await readFile(join(folder, SETTINGS_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : readSettings(new YamlFile(SETTINGS_FILE, text));
}

function kindIn(pathInProject: string, settings: Settings): MergeKind | undefined {
  if (pathInProject === joinPath(settings.codebook)) return 'codebook';
  if (pathInProject === joinPath(settings.informants)) return 'informants';
  return undefined;
}

/** HEAD and the merged branch's name, which `git merge` tells its drivers in GITHEAD_<commit>. */
export function gitLabels(env: NodeJS.ProcessEnv): ConflictLabels | undefined {
  const heads = Object.entries(env).filter(([key, value]) => /^GITHEAD_[0-9a-f]{40,64}$/.test(key) && value);
  return heads.length === 1 ? { ours: 'HEAD', theirs: String(heads[0]?.[1]) } : undefined;
}
