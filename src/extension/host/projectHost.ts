import * as vscode from 'vscode';
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
  private loading: Promise<void> | undefined;
  private reloadAgain = false;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(readonly files: WorkspaceFiles) {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(files.root, '**/*.{yaml,txt,md}'));
    const onFile = () => this.scheduleReload();
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

  /** Loads the project now; concurrent calls share one load, and a call during a load queues one more. */
  async reload(): Promise<LoadedProject | undefined> {
    if (this.loading) {
      this.reloadAgain = true;
      await this.loading;
      return this.loaded;
    }
    this.loading = this.load();
    try {
      await this.loading;
    } finally {
      this.loading = undefined;
    }
    if (this.reloadAgain) {
      this.reloadAgain = false;
      return this.reload();
    }
    return this.loaded;
  }

  private async load(): Promise<void> {
    const project = await loadProject(this.files, settingsOverrides());
    this.loaded = { project, index: new ProjectIndex(project) };
    await vscode.commands.executeCommand('setContext', 'qcode.hasCodebook', project.codebook.size > 0 || (await this.files.read(project.settings.codebook)) !== undefined);
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
