import * as vscode from 'vscode';
import { isScratchFile } from '../../core/lock/scratchFiles';
import { loadProject } from '../../core/project/loadProject';
import type { Project, TranscriptFile } from '../../core/project/model';
import { ProjectIndex } from '../../core/project/projectIndex';
import { SIDECAR_SUFFIX } from '../../core/settings/settings';
import { settingsOverrides } from './configuration';
import { WorkspaceFiles } from './workspaceFiles';

export interface LoadedProject {
  project: Project;
  index: ProjectIndex;
}

/**
 * The qcode project of the first workspace folder: loaded once, reloaded when its files change on
 * disk (checkout, pull, a teammate's edit) or the settings change. Every feature reads from here.
 */
export class ProjectHost implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LoadedProject | undefined>();
  readonly onDidChange = this.changed.event;
  private loaded: LoadedProject | undefined;
  private queue: Promise<void> = Promise.resolve();
  private queued: Promise<LoadedProject | undefined> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(readonly files: WorkspaceFiles) {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(files.root, '**/*.{yaml,txt,md}'));
    const onFile = (uri: vscode.Uri) => isScratchFile(uri.path) || this.scheduleReload();
    this.disposables.push(watcher, watcher.onDidChange(onFile), watcher.onDidCreate(onFile), watcher.onDidDelete(onFile));
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('qcode') && this.scheduleReload()));
  }

  static forWorkspace(): ProjectHost | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? new ProjectHost(new WorkspaceFiles(folder.uri)) : undefined;
  }

  get current(): LoadedProject | undefined {
    return this.loaded;
  }

  /**
   * Loads the project after any load under way; calls made while one is waiting to start share it,
   * so that every caller sees the files as they were when it called.
   */
  reload(): Promise<LoadedProject | undefined> {
    if (this.queued) return this.queued;
    const queued = this.queue.then(() => {
      this.queued = undefined;
      return this.load();
    }).then(() => this.loaded);
    this.queued = queued;
    this.queue = queued.then(() => undefined, () => undefined);
    return queued;
  }

  private async load(): Promise<void> {
    const project = await loadProject(this.files, settingsOverrides());
    this.loaded = { project, index: new ProjectIndex(project) };
    const codebookMissing = project.problems.some((p) => p.code === 'missing-file' && p.file === project.settings.codebook);
    await vscode.commands.executeCommand('setContext', 'qcode.hasCodebook', !codebookMissing);
    this.changed.fire(this.loaded);
  }

  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Reloads shortly after a burst of file events has settled. */
  scheduleReload(delay = 150): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, delay);
  }

  /** The transcript a document shows, if it is one of this project's. */
  transcriptOf(uri: vscode.Uri): TranscriptFile | undefined {
    const path = this.files.pathOf(uri);
    return path === undefined ? undefined : this.loaded?.project.transcripts.find((t) => t.path === path);
  }

  isSidecar(uri: vscode.Uri): boolean {
    return uri.path.endsWith(SIDECAR_SUFFIX) && this.files.pathOf(uri) !== undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
