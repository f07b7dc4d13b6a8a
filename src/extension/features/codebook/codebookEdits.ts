import * as vscode from 'vscode';
import type { EditResult } from '../../../core/codebook/editResult';
import { moveConcept } from '../../../core/codebook/moveConcept';
import { remapConcepts } from '../../../core/codebook/remapConcepts';
import type { ProjectFiles } from '../../../core/port';
import type { TranscriptFile } from '../../../core/project/model';
import { updateSidecar } from '../../../core/sidecar/updateSidecar';
import { decodeUtf8, encodeUtf8 } from '../../../core/text/decode';
import type { CodingHistory } from '../../shared/history/codingHistory';
import type { ProjectHost } from '../../shared/host/projectHost';
import { t, translatedText } from '../../shared/l10n/displayLanguage';

interface CodebookText {
  path: string;
  text: string;
  hadBom: boolean;
}

/** Writes edits of codebook.yaml (and, for merge and delete, the sidecars) as undoable coding steps. */
export class CodebookEdits {
  constructor(
    private readonly host: ProjectHost,
    private readonly history: CodingHistory,
  ) {}

  /** Applies an edit to codebook.yaml as it is on disk, under its lock; false when it was refused. */
  async codebook(label: string, edit: (text: string) => EditResult): Promise<boolean> {
    const path = this.host.current?.project.settings.codebook;
    if (path === undefined) return false;
    return this.history.record(label, [path], async (files) => {
      const next = await this.prepare(files, path, edit);
      if (next) await files.write(next.path, encodeUtf8(next.text, next.hadBom));
      return next !== undefined;
    });
  }

  async move(ids: string[], parentId: string | undefined): Promise<void> {
    const codebook = this.host.current?.project.codebook;
    if (ids.some((id) => parentId !== undefined && codebook?.subtreeIds(id).has(parentId))) {
      void vscode.window.showWarningMessage(t('A concept cannot be moved under itself or under a concept below it.'));
      return;
    }
    const label =
      ids.length === 1
        ? t('Move concept "{0}"', codebook?.get(ids[0] ?? '')?.label ?? '')
        : t('Move {0} concepts', ids.length);
    await this.codebook(label, (text) =>
      ids.reduce<EditResult>((result, id) => (result.ok ? moveConcept(result.text, id, parentId) : result), {
        ok: true,
        text,
      }),
    );
  }

  /**
   * Edits codebook.yaml and remaps the concepts of the annotations in the given transcripts'
   * sidecars, all in one undoable step.
   */
  async retag(
    label: string,
    edit: (text: string) => EditResult,
    mapping: ReadonlyMap<string, string | null>,
    transcripts: readonly TranscriptFile[],
  ): Promise<void> {
    const unreadable =
      this.host.current?.project.transcripts.filter((t) => !t.sidecarReadable).map((t) => t.sidecarPath) ?? [];
    if (unreadable.length > 0) {
      void vscode.window.showErrorMessage(
        t('Fix {0} first: qcode cannot read it, so the annotations in it cannot be retagged.', unreadable.join(', ')),
      );
      return;
    }
    const path = this.host.current?.project.settings.codebook;
    if (path === undefined) return;
    const failed: string[] = [];
    let changed = 0;
    await this.history.record(label, [path, ...transcripts.map((t) => t.sidecarPath)], async (files) => {
      const next = await this.prepare(files, path, edit);
      if (!next) return;
      await files.write(next.path, encodeUtf8(next.text, next.hadBom));
      for (const transcript of transcripts) {
        const result = await updateSidecar(files, transcript.sidecarPath, transcript.path, (current) => {
          const remapped = remapConcepts(current, mapping);
          changed += remapped.changed;
          return remapped.annotations;
        });
        if (!result.ok) failed.push(transcript.sidecarPath);
      }
    });
    if (failed.length > 0)
      void vscode.window.showWarningMessage(
        t(
          '{0} could not be changed because of errors in it. Fix them, then retag its annotations by hand.',
          failed.join(', '),
        ),
      );
    if (changed > 0) vscode.window.setStatusBarMessage(t('qcode: {0} annotations retagged', changed), 5000);
  }

  /**
   * The edited codebook text, or undefined (with a message) when the edit was refused or changes nothing. The caller
   * holds the codebook's lock.
   */
  private async prepare(
    files: ProjectFiles,
    path: string,
    edit: (text: string) => EditResult,
  ): Promise<CodebookText | undefined> {
    const bytes = await files.read(path);
    const decoded = bytes ? decodeUtf8(bytes) : { ok: true as const, text: '', hadBom: false };
    if (!decoded.ok) {
      void vscode.window.showErrorMessage(t('{0} cannot be read: {1}', path, translatedText(decoded)));
      return undefined;
    }
    const result = edit(decoded.text);
    if (!result.ok) {
      void vscode.window.showErrorMessage(translatedText(result));
      return undefined;
    }
    return result.text === decoded.text ? undefined : { path, text: result.text, hadBom: decoded.hadBom };
  }
}
