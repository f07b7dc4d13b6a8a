import * as vscode from 'vscode';
import { FileLockTimeout, withFileLocks } from '../../../core/lock/fileLock';
import type { ProjectFiles } from '../../../core/port';
import { decodeUtf8, encodeUtf8 } from '../../../core/text/decode';
import { setContextKey } from '../host/contextKeys';
import type { ProjectHost } from '../host/projectHost';
import { t } from '../l10n/displayLanguage';

interface FileChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

interface CodingStep {
  label: string;
  /** What undoing the step puts back, when the label (a removal, say) does not say it. */
  restored?: string;
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

  /**
   * Runs an operation that changes `paths`, and records it as one undoable step. The operation
   * runs holding the locks of all the paths and writes through the files it is given, so the
   * step holds the files exactly as they were just before and just after it: a change another
   * process made meanwhile is neither recorded as ours nor undone with it.
   */
  async record<T>(
    label: string,
    paths: readonly string[],
    operation: (files: ProjectFiles) => Promise<T>,
    restored?: string,
  ): Promise<T> {
    const result = await this.locked(paths, async (files) => {
      const before = await Promise.all(paths.map((p) => readText(files, p)));
      const outcome = await operation(files);
      const after = await Promise.all(paths.map((p) => readText(files, p)));
      const changes = paths
        .map((path, i) => ({ path, before: before[i], after: after[i] }))
        .filter((c) => c.before !== c.after);
      if (changes.length > 0) {
        this.undoStack.push({ label, changes, ...(restored ? { restored } : {}) });
        this.redoStack.length = 0;
        this.updateContext();
      }
      return outcome;
    });
    await this.host.reload();
    return result;
  }

  /** Undoes the last step; resolves to the message that says what it did. */
  async undo(): Promise<string> {
    const done = (step: CodingStep) =>
      step.restored ? t('Restored: {0}', step.restored) : t('Undone: {0}', step.label);
    return this.move(this.undoStack, this.redoStack, 'after', 'before', t('Nothing to undo in coding.'), done);
  }

  async redo(): Promise<string> {
    return this.move(this.redoStack, this.undoStack, 'before', 'after', t('Nothing to redo in coding.'), (step) =>
      t('Redone: {0}', step.label),
    );
  }

  private async move(
    from: CodingStep[],
    to: CodingStep[],
    expected: 'before' | 'after',
    restore: 'before' | 'after',
    nothing: string,
    done: (step: CodingStep) => string,
  ): Promise<string> {
    const step = from.pop();
    if (!step) {
      void vscode.window.showInformationMessage(nothing);
      return nothing;
    }
    let changedSince: string[];
    try {
      changedSince = await this.locked(
        step.changes.map((c) => c.path),
        (files) => restoreUnchanged(files, step, expected, restore),
      );
    } catch (error) {
      from.push(step); // kept, so that it can be tried again
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(message);
      return message;
    }
    if (changedSince.length > 0) {
      const message = t('"{0}" cannot be undone or redone: {1} changed since.', step.label, changedSince.join(', '));
      void vscode.window.showWarningMessage(message);
      this.updateContext();
      return message;
    }
    to.push(step);
    this.updateContext();
    await this.host.reload();
    const message = done(step);
    if (step.restored && restore === 'before') void vscode.window.showInformationMessage(message);
    else vscode.window.setStatusBarMessage(t('qcode: {0}', message), 3000);
    return message;
  }

  /** Runs work holding the locks of the paths; a lock that could not be had becomes an error that says what to do. */
  private async locked<T>(paths: readonly string[], work: (files: ProjectFiles) => Promise<T>): Promise<T> {
    try {
      return await withFileLocks(this.host.files, paths, work);
    } catch (error) {
      throw error instanceof FileLockTimeout ? new Error(lockTimeoutMessage(error)) : error;
    }
  }

  private updateContext(): void {
    void setContextKey('qcode.canUndoCoding', this.undoStack.length > 0);
    void setContextKey('qcode.canRedoCoding', this.redoStack.length > 0);
  }
}

/**
 * Puts back the side `restore` of every file of the step, but only if every file is still as the
 * step left it (`expected`); the caller holds their locks. Returns the files that changed since.
 */
async function restoreUnchanged(
  files: ProjectFiles,
  step: CodingStep,
  expected: 'before' | 'after',
  restore: 'before' | 'after',
): Promise<string[]> {
  const current = await Promise.all(step.changes.map((c) => readText(files, c.path)));
  const changedSince = step.changes.filter((c, i) => current[i] !== c[expected]).map((c) => c.path);
  if (changedSince.length > 0) return changedSince;
  for (const change of step.changes) {
    const text = change[restore];
    if (text === undefined) await files.remove(change.path);
    else await files.write(change.path, encodeUtf8(text));
  }
  return [];
}

/** A file's text with its byte order mark, if it has one, so that putting it back restores the bytes. */
async function readText(files: ProjectFiles, path: string): Promise<string | undefined> {
  const bytes = await files.read(path);
  if (!bytes) return undefined;
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return undefined;
  return decoded.hadBom ? `\uFEFF${decoded.text}` : decoded.text;
}

function lockTimeoutMessage(error: FileLockTimeout): string {
  return error.since === undefined
    ? t(
        'Another qcode program (a command or another window) holds {0}, so nothing was changed. Try again; if no qcode is running, delete {0}.',
        error.lockPath,
      )
    : t(
        'Another qcode program (a command or another window) has held {0} since {1}, so nothing was changed. Try again; if no qcode is running, delete {0}.',
        error.lockPath,
        new Date(error.since).toLocaleTimeString(),
      );
}
