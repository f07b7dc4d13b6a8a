import * as vscode from 'vscode';
import { isScratchFile } from '../../../core/lock/scratchFiles';
import { loadProject } from '../../../core/project/loadProject';
import type { Project, TranscriptFile } from '../../../core/project/model';
import { ProjectCache } from '../../../core/project/projectCache';
import { ProjectIndex } from '../../../core/project/projectIndex';
import { SIDECAR_SUFFIX } from '../../../core/paths';
import { settingsOverrides } from './configuration';
import { setContextKey } from './contextKeys';
import { LoadingHold } from './loadingHold';
import { AfterTheOpenTranscripts, OpenTranscriptsFirst } from './openTranscriptsFirst';
import { WorkspaceFiles, type LocalFiles } from './workspaceFiles';

export interface LoadedProject {
  project: Project;
  index: ProjectIndex;
  /** False for the part loaded first: only the transcripts shown in editors, before all the others. */
  complete: boolean;
}

/**
 * The qcode project of the first workspace folder: loaded once, reloaded when its files change on
 * disk (checkout, pull, a teammate's edit) or the settings change. A reload reads again only the
 * files that changed: those the file watcher names, those saved in an editor and those written
 * through `files`. Every feature reads from here.
 */
export class ProjectHost implements vscode.Disposable {
  private readonly changing = new vscode.EventEmitter<LoadedProject | undefined>();
  /**
   * Fires just before onDidChange, for the context keys of what has loaded: VS Code gets them
   * before the views' and editors' updates, so that a command is offered as the highlights show.
   */
  readonly onWillChange = this.changing.event;
  private readonly changed = new vscode.EventEmitter<LoadedProject | undefined>();
  readonly onDidChange = this.changed.event;
  private loaded: LoadedProject | undefined;
  private queue: Promise<void> = Promise.resolve();
  private queued: Promise<LoadedProject | undefined> | undefined;
  private readonly first: OpenTranscriptsFirst;
  private readonly writing = new LoadingHold();
  /** Counts restarts, so that a load begun before one does not count as the whole project. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [this.changing, this.changed];
  /** What the last loads read and made of the files, for the next load. */
  private readonly cache = new ProjectCache();

  constructor(readonly files: WorkspaceFiles) {
    this.first = new OpenTranscriptsFirst(files, this.cache, (part) => this.publish(part));
    this.disposables.push(this.first);
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(files.root, '**/*.{yaml,txt,md}'),
    );
    const onFile = (uri: vscode.Uri) => {
      if (isScratchFile(uri.path)) return;
      const path = files.pathOf(uri);
      if (path === undefined || !files.ownWrites.has(path)) return this.changedOnDisk(uri);
      // qcode's own write has loaded the file already: its echo from the watcher needs no load.
      void files.ownWrites
        .isEcho(path, (p) => files.read(p))
        .then((echo) => {
          if (echo) return;
          files.ownWrites.forget(path);
          this.changedOnDisk(uri);
        });
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(onFile),
      watcher.onDidCreate(onFile),
      watcher.onDidDelete(onFile),
    );
    this.disposables.push(files.onDidWrite((path) => this.cache.changed(path)));
    this.disposables.push(vscode.workspace.onDidSaveTextDocument((document) => this.fileChanged(document.uri)));
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('qcode') && this.scheduleReload()),
    );
  }

  static forWorkspace(local?: LocalFiles): ProjectHost | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? new ProjectHost(new WorkspaceFiles(folder.uri, local?.(folder.uri))) : undefined;
  }

  /** The whole project, once it has loaded. */
  get current(): LoadedProject | undefined {
    return this.loaded;
  }

  /**
   * The whole project once it has loaded; until then the part loaded first, which has the
   * transcripts shown in editors: enough to show their annotations and to tag them.
   */
  get atHand(): LoadedProject | undefined {
    return this.loaded ?? this.first.current;
  }

  /**
   * Loads the project after any load under way; calls made while one is waiting to start share it,
   * so that every caller sees the files as they were when it called.
   */
  reload(): Promise<LoadedProject | undefined> {
    if (!this.loaded && this.first.current) void this.first.load(true);
    if (this.queued) return this.queued;
    const queued = this.queue
      .then(() => {
        this.queued = undefined;
        return this.load();
      })
      .then(() => this.loaded);
    this.queued = queued;
    this.queue = queued.then(
      () => undefined,
      () => undefined,
    );
    return queued;
  }

  /** What is at hand (see there), as soon as there is something. */
  whenAtHand(): Promise<LoadedProject> {
    const now = this.atHand;
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const listener = this.onDidChange((loaded) => {
        if (!loaded) return;
        listener.dispose();
        resolve(loaded);
      });
    });
  }

  /**
   * Holds back the first load of the whole project while a coding change is written (see
   * LoadingHold); returns the function that releases the hold. The change must not wait for a
   * reload of the project before releasing it.
   */
  holdLoading(): () => void {
    return this.writing.hold();
  }

  /** Loads the project reading every file again, as if all had changed. */
  refresh(): Promise<LoadedProject | undefined> {
    this.cache.clear();
    return this.reload();
  }

  /** Forgets the project and loads it as when the window opens: the transcripts in editors first, then the whole. */
  restart(): Promise<LoadedProject | undefined> {
    this.generation++;
    this.cache.clear();
    this.loaded = undefined;
    this.first.restart();
    this.publish(undefined);
    return this.reload();
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    const first = !this.loaded;
    if (first) await this.first.load(true);
    // The transcripts that come into view meanwhile go first: their part is loaded between these reads.
    const files = first ? new AfterTheOpenTranscripts(this.files, this.first, this.writing) : this.files;
    const project = await loadProject(files, settingsOverrides(), { cache: this.cache });
    if (generation !== this.generation) return;
    this.first.finish();
    this.loaded = { project, index: new ProjectIndex(project), complete: true };
    this.publish(this.loaded);
  }

  /** Sets the context keys of what has loaded, then tells every view, in the same moment. */
  private publish(loaded: LoadedProject | undefined): void {
    setContextKey('qcode.projectLoaded', loaded?.complete ?? false);
    const project = loaded?.project;
    if (project)
      setContextKey(
        'qcode.hasCodebook',
        !project.problems.some((p) => p.code === 'missing-file' && p.file === project.settings.codebook),
      );
    this.changing.fire(loaded);
    this.changed.fire(loaded);
  }

  private timer: ReturnType<typeof setTimeout> | undefined;

  private changedOnDisk(uri: vscode.Uri): void {
    this.fileChanged(uri);
    this.scheduleReload();
  }

  /** A file of the project changed on disk: the next load reads it again. */
  private fileChanged(uri: vscode.Uri): void {
    const path = this.files.pathOf(uri);
    if (path !== undefined) this.cache.changed(path);
  }

  /** Reloads shortly after a burst of file events has settled. */
  scheduleReload(delay = 50): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, delay);
  }

  /** The transcript a document shows, if it is one of this project's. */
  transcriptOf(uri: vscode.Uri): TranscriptFile | undefined {
    const path = this.files.pathOf(uri);
    return path === undefined ? undefined : this.atHand?.project.transcripts.find((t) => t.path === path);
  }

  isSidecar(uri: vscode.Uri): boolean {
    return uri.path.endsWith(SIDECAR_SUFFIX) && this.files.pathOf(uri) !== undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
