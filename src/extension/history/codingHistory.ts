import * as vscode from 'vscode';
import { decodeUtf8, encodeUtf8 } from '../../core/text/decode';
import type { ProjectHost } from '../host/projectHost';

interface FileChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

interface CodingStep {
  label: string;
  changes: FileChange[];
}

/**
 * Undo and redo for coding: every operation records the project files it changed, before and
 * after. Undo puts the "before" back only where the file is still as the operation left it, so
 * it never throws away somebody else's later change.
 */
export class CodingHistory {
  private readonly undoStack: CodingStep[] = [];
  private readonly redoStack: CodingStep[] = [];

  constructor(private readonly host: ProjectHost) {}

  /** Runs an operation that changes `paths`, and records it as one undoable step. */
  async record<T>(label: string, paths: readonly string[], operation: () => Promise<T>): Promise<T> {
    const before = await Promise.all(paths.map((p) => this.readText(p)));
    const result = await operation();
    const after = await Promise.all(paths.map((p) => this.readText(p)));
    const changes = paths.map((path, i) => ({ path, before: before[i], after: after[i] })).filter((c) => c.before !== c.after);
    if (changes.length > 0) {
      this.undoStack.push({ label, changes });
      this.redoStack.length = 0;
      this.updateContext();
    }
    await this.host.reload();
    return result;
  }

  async undo(): Promise<void> {
    await this.move(this.undoStack, this.redoStack, 'after', 'before', vscode.l10n.t('Nothing to undo in coding.'));
  }

  async redo(): Promise<void> {
    await this.move(this.redoStack, this.undoStack, 'before', 'after', vscode.l10n.t('Nothing to redo in coding.'));
  }

  private async move(from: CodingStep[], to: CodingStep[], expected: 'before' | 'after', restore: 'before' | 'after', nothing: string): Promise<void> {
    const step = from.pop();
    if (!step) {
      void vscode.window.showInformationMessage(nothing);
      return;
    }
    const current = await Promise.all(step.changes.map((c) => this.readText(c.path)));
    const changedSince = step.changes.filter((c, i) => current[i] !== c[expected]).map((c) => c.path);
    if (changedSince.length > 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" cannot be undone or redone: {1} changed since.', step.label, changedSince.join(', ')));
      this.updateContext();
      return;
    }
    for (const change of step.changes) {
      const text = change[restore];
      if (text === undefined) await this.host.files.delete(change.path);
      else await this.host.files.write(change.path, encodeUtf8(text));
    }
    to.push(step);
    this.updateContext();
    await this.host.reload();
    vscode.window.setStatusBarMessage(vscode.l10n.t('qcode: {0}', step.label), 3000);
  }

  private async readText(path: string): Promise<string | undefined> {
    const bytes = await this.host.files.read(path);
    if (!bytes) return undefined;
    const decoded = decodeUtf8(bytes);
    return decoded.ok ? decoded.text : undefined;
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'qcode.canUndoCoding', this.undoStack.length > 0);
    void vscode.commands.executeCommand('setContext', 'qcode.canRedoCoding', this.redoStack.length > 0);
  }
}

export function register(context: vscode.ExtensionContext, history: CodingHistory): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qcode.undoCoding', () => history.undo()),
    vscode.commands.registerCommand('qcode.redoCoding', () => history.redo()),
  );
}
