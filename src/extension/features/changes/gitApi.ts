import * as vscode from 'vscode';

// The part of the built-in git extension's API (vscode.git, API version 1) that qcode uses.

export const enum RefType {
  Head = 0,
  RemoteHead = 1,
  Tag = 2,
}

export interface Ref {
  readonly type: RefType;
  readonly name?: string;
  readonly commit?: string;
}

/** Status values of a change, as the git extension numbers them. */
export const GIT_DELETED = [2, 6];
export const GIT_RENAMED = 3;

export interface Change {
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
  readonly status: number;
}

export interface Repository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly refs?: readonly Ref[] };
  getRefs?(query: object): Promise<Ref[]>;
  /** The file's bytes at the ref (`path` is absolute); fails when git cannot show it. */
  buffer(ref: string, path: string): Promise<Uint8Array>;
  /** What the ref has at the path; fails with gitErrorCode 'UnknownPath' when it has nothing there. */
  getObjectDetails(treeish: string, path: string): Promise<{ mode: string; object: string; size: number }>;
  diffWith(ref: string): Promise<Change[]>;
}

interface GitApi {
  readonly state?: 'uninitialized' | 'initialized';
  readonly onDidChangeState?: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): Repository | null;
  openRepository?(root: vscode.Uri): Promise<Repository | null>;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** The git repository that holds a folder, or undefined where git is not available (the web, say). */
export async function repositoryOf(folder: vscode.Uri): Promise<Repository | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  const git = extension.isActive ? extension.exports : await extension.activate();
  if (!git.enabled) return undefined;
  const api = git.getAPI(1);
  await initialized(api);
  // Until git has scanned the workspace it knows no repository; opening one asks it directly.
  return api.getRepository(folder) ?? (await api.openRepository?.(folder)) ?? undefined;
}

/** Branches first, then tags, then remote branches. */
export async function refsOf(repository: Repository): Promise<Ref[]> {
  const refs = repository.getRefs ? await repository.getRefs({}) : [...(repository.state.refs ?? [])];
  const order = [RefType.Head, RefType.Tag, RefType.RemoteHead];
  return refs
    .filter((r) => r.name)
    .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || (a.name ?? '').localeCompare(b.name ?? ''));
}

/** Waits (up to ten seconds) until the git extension has found git and scanned the workspace. */
async function initialized(api: GitApi): Promise<void> {
  if (api.state !== 'uninitialized' || !api.onDidChangeState) return;
  const onChange = api.onDidChangeState;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, 10000);
    const listener = onChange((state) => state === 'initialized' && done());
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}
