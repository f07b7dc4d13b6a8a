import * as vscode from 'vscode';
import { dirname, SIDECAR_SUFFIX } from '../../../core/paths';
import type { FolderEntry } from '../../../core/port';
import { loadProject } from '../../../core/project/loadProject';
import { ProjectIndex } from '../../../core/project/projectIndex';
import { loadTranscripts } from '../../../core/project/loadTranscripts';
import type { ProjectCache } from '../../../core/project/projectCache';
import type { Project } from '../../../core/project/model';
import { isTranscriptPath, listingOnly, type Listing } from '../../../core/project/someTranscripts';
import type { Problem } from '../../../core/problems';
import { DEFAULT_SETTINGS, SETTINGS_FILE } from '../../../core/settings/settings';
import { settingsOverrides } from './configuration';
import type { LoadingHold } from './loadingHold';
import type { LoadedProject } from './projectHost';
import { WorkspaceFiles } from './workspaceFiles';

/**
 * The project's files, with only some transcripts in the listings of its folders. What loading
 * those reads (in the default places) is asked for all at once as it starts: one round of reads
 * rather than one after the other, each waiting its turn in an extension host busy starting up.
 */
class SomeTranscriptFiles extends WorkspaceFiles {
  private readonly reads = new Map<string, Promise<Uint8Array | undefined>>();
  private readonly lists = new Map<string, Promise<FolderEntry[]>>();

  constructor(
    files: WorkspaceFiles,
    private readonly listing: Listing,
    transcripts: readonly string[],
  ) {
    super(files.root, files.onDisk);
    const { codebook, informants, transcripts: folder } = DEFAULT_SETTINGS;
    for (const path of [SETTINGS_FILE, codebook, informants, ...transcripts.flatMap((t) => [t, t + SIDECAR_SUFFIX])])
      this.reads.set(path, early(super.read(path)));
    for (const path of new Set(['', folder, ...transcripts.map(dirname)]))
      this.lists.set(path, early(super.list(path)));
  }

  override read(path: string): Promise<Uint8Array | undefined> {
    return this.reads.get(path) ?? super.read(path);
  }

  override async list(folder: string): Promise<FolderEntry[]> {
    return this.listing(folder, await (this.lists.get(folder) ?? super.list(folder)));
  }
}

/**
 * The project's files for loading the whole of it: each read waits while the part loaded first is
 * (re)loading and while a coding change is being written.
 */
export class AfterTheOpenTranscripts extends WorkspaceFiles {
  constructor(
    files: WorkspaceFiles,
    private readonly first: OpenTranscriptsFirst,
    private readonly writing: LoadingHold,
  ) {
    super(files.root, files.onDisk);
  }

  override async read(path: string): Promise<Uint8Array | undefined> {
    await this.turn();
    return super.read(path);
  }

  override async list(folder: string): Promise<FolderEntry[]> {
    await this.turn();
    return super.list(folder);
  }

  private async turn(): Promise<void> {
    await this.first.idle();
    await this.writing.idle();
  }
}

/** A read started before anyone waits for it: its failure is seen by whoever does, not reported as unhandled. */
function early<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * While the whole project loads: the project with only the transcripts shown in editors (settings,
 * codebook and informants included), loaded ahead of all the others so that those transcripts
 * show their annotations and can be tagged at once. Loads again when another transcript comes into
 * view or a file changes, until `finish`.
 */
export class OpenTranscriptsFirst implements vscode.Disposable {
  private part: LoadedProject | undefined;
  private readonly tried = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private finished = false;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly files: WorkspaceFiles,
    private readonly cache: ProjectCache,
    private readonly loaded: (part: LoadedProject) => void,
  ) {
    this.listener = vscode.window.onDidChangeVisibleTextEditors(() => void this.load(false));
  }

  /** The part loaded so far; undefined once the whole project has loaded. */
  get current(): LoadedProject | undefined {
    return this.finished ? undefined : this.part;
  }

  /** Starts again from nothing, as when the window opens. */
  restart(): void {
    this.finished = false;
    this.part = undefined;
    this.tried.clear();
  }

  /**
   * Loads the part after any load of it under way: always, or only when a transcript has come into
   * view that was not loaded yet. A failure is left to the load of the whole project to report.
   */
  load(always: boolean): Promise<void> {
    this.queue = this.queue.then(() => this.loadPart(always)).catch(() => undefined);
    return this.queue;
  }

  /** Resolves when no load of the part is under way or waiting. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** The whole project has loaded: the part is not needed any more. */
  finish(): void {
    this.finished = true;
    this.part = undefined;
  }

  private async loadPart(always: boolean): Promise<void> {
    const shown = this.shownPaths();
    const added = shown.filter((path) => !this.tried.has(path));
    if (this.finished || (!always && this.part && added.length === 0)) return;
    for (const path of shown) this.tried.add(path);
    const project =
      !always && this.part
        ? await this.withTranscripts(this.part.project, added)
        : await loadProject(new SomeTranscriptFiles(this.files, listingOnly(shown), shown), settingsOverrides(), {
            cache: this.cache,
          });
    if (this.finished) return;
    this.part = { project, index: new ProjectIndex(project), complete: false };
    this.loaded(this.part);
  }

  /** The part with more transcripts, read on their own: the settings, codebook and informants are those it has. */
  private async withTranscripts(part: Project, paths: readonly string[]): Promise<Project> {
    const problems: Problem[] = [];
    const wanted = paths.filter(
      (path) => isTranscriptPath(part.settings, path) && !part.transcripts.some((t) => t.path === path),
    );
    const added = (await loadTranscripts(this.files, wanted, part.settings, problems, this.cache)).filter((t) => t.doc);
    return {
      ...part,
      transcripts: [...part.transcripts, ...added].sort((a, b) => (a.path < b.path ? -1 : 1)),
      problems: [...part.problems, ...problems],
    };
  }

  private shownPaths(): string[] {
    return vscode.window.visibleTextEditors.flatMap((editor) => this.files.pathOf(editor.document.uri) ?? []);
  }

  dispose(): void {
    this.listener.dispose();
  }
}
