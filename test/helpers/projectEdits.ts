import assert from 'node:assert/strict';
import { diffProjects } from '../../src/core/diff/diffProjects';
import type { ProjectDiff } from '../../src/core/diff/model';
import { loadProject } from '../../src/core/project/loadProject';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { updateSidecar, type SidecarEdit } from '../../src/core/sidecar/updateSidecar';
import { MemoryFiles } from './memoryFiles';
import { codedProjectFiles } from './project';

export function copyOf(files: MemoryFiles): MemoryFiles {
  const copy = new MemoryFiles();
  for (const [path, bytes] of files.files) copy.set(path, bytes.slice());
  return copy;
}

/** The diff from a project (the coded test project by default) to a copy changed by `change`. */
export async function diffAfter(
  change: (head: MemoryFiles) => Promise<unknown> | void,
  base = codedProjectFiles(),
): Promise<ProjectDiff> {
  const head = copyOf(base);
  await change(head);
  return diffProjects(await loadProject(base), await loadProject(head));
}

/** Edits a transcript's sidecar through the core, asserting that it changed. */
export async function editSidecar(files: MemoryFiles, transcript: string, edit: SidecarEdit): Promise<void> {
  const result = await updateSidecar(files, `${transcript}.annotations.yaml`, transcript, edit);
  assert.ok(result.ok && result.changed, JSON.stringify(result));
}

export function editAnnotation(id: string, change: (a: Annotation) => Annotation): SidecarEdit {
  return (annotations) => annotations.map((a) => (a.id === id ? change(a) : a));
}

/** Replaces a file's text, asserting that the edit changed something. */
export function editText(files: MemoryFiles, path: string, change: (text: string) => string): void {
  const text = files.text(path);
  assert.ok(text !== undefined, path);
  const changed = change(text);
  assert.notEqual(changed, text, `the edit of ${path} changed nothing`);
  files.set(path, changed);
}
