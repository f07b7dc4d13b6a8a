import * as vscode from 'vscode';
import { newAnnotationId } from '../../../core/ids';
import { annotationFor, passageOffsets } from '../../../core/operations/tagPassage';
import { cryptoRandomBytes, type ProjectFiles } from '../../../core/port';
import type { TranscriptFile } from '../../../core/project/model';
import { speakerRegExp } from '../../../core/settings/settings';
import type { Annotation } from '../../../core/sidecar/annotation';
import { basename, SIDECAR_SUFFIX } from '../../../core/paths';
import { updateSidecar, updateSidecarMemo, type SidecarEdit } from '../../../core/sidecar/updateSidecar';
import { speakerTurns, type SpeakerTurn } from '../../../core/speakers/turns';
import { TranscriptText } from '../../../core/text/transcriptText';
import { coderName } from '../host/configuration';
import type { LoadedProject, ProjectHost } from '../host/projectHost';
import type { CodingHistory } from '../history/codingHistory';
import { t, translatedText } from '../l10n/displayLanguage';

/** A passage by its offsets into the text of a transcript as the project loaded it. */
export interface PassageOffsets {
  transcript: string;
  start: number;
  end: number;
}

/** The coding operations on a transcript's sidecar, each one undoable. */
export class Coding implements vscode.Disposable {
  private readonly tagged = new vscode.EventEmitter<{ transcript: string; annotations: Annotation[] }>();
  /** New annotations were written to a transcript's sidecar (the project has not loaded them yet). */
  readonly onDidTag = this.tagged.event;

  constructor(
    private readonly host: ProjectHost,
    private readonly history: CodingHistory,
  ) {}

  /** Tags every non-empty selection of the editor with the concepts; returns the new annotations. */
  async tag(editor: vscode.TextEditor, concepts: string[]): Promise<Annotation[]> {
    const loaded = this.host.atHand;
    const transcript = this.host.transcriptOf(editor.document.uri);
    if (!loaded || !transcript) return [];
    const annotate = await this.annotator(loaded, concepts);
    const text = new TranscriptText(editor.document.getText());
    const turns = speakerTurns(text.text, speakerRegExp(loaded.project.settings));
    const annotations: Annotation[] = [];
    for (const selection of editor.selections) {
      const offsets = passageOffsets(text, { start: toCore(selection.start), end: toCore(selection.end) });
      if (typeof offsets !== 'string') annotations.push(annotate(text, turns, offsets));
    }
    if (annotations.length === 0) {
      void vscode.window.showWarningMessage(
        t('The selection holds only spaces or line breaks, so nothing was tagged. Select the words to tag.'),
      );
      return [];
    }
    const label = t('Tag {0} passage(s)', annotations.length);
    await this.edit(label, transcript.sidecarPath, transcript.path, (current) => [...current, ...annotations], {
      written: () => this.tagged.fire({ transcript: transcript.path, annotations }),
    });
    return annotations;
  }

  /** Tags passages of any number of transcripts in one undoable step; returns the new annotations. */
  async tagPassages(passages: readonly PassageOffsets[], concepts: string[]): Promise<Annotation[]> {
    const loaded = this.host.current;
    if (!loaded) return [];
    const annotate = await this.annotator(loaded, concepts);
    const byTranscript = new Map<TranscriptFile, Annotation[]>();
    for (const { transcript: path, start, end } of passages) {
      const transcript = loaded.project.transcripts.find((t) => t.path === path);
      if (transcript?.doc)
        byTranscript.set(transcript, [
          ...(byTranscript.get(transcript) ?? []),
          annotate(transcript.doc, transcript.turns, [start, end]),
        ]);
    }
    const annotations = [...byTranscript.values()].flat();
    if (annotations.length === 0) return [];
    const failures: string[] = [];
    await this.history.record(
      t('Tag {0} passage(s)', annotations.length),
      [...byTranscript.keys()].map((t) => t.sidecarPath),
      async (files) => {
        for (const [transcript, added] of byTranscript) {
          const failure = await this.update(files, transcript.sidecarPath, transcript.path, (current) => [
            ...current,
            ...added,
          ]);
          if (failure) failures.push(failure);
        }
      },
    );
    if (failures.length > 0) throw new Error(failures.join('\n'));
    return annotations;
  }

  /** Removes an annotation; undoing it says which one came back, as `restored` describes it. */
  async remove(transcriptPath: string, id: string, restored?: string): Promise<void> {
    await this.editById(t('Remove annotation'), transcriptPath, id, () => undefined, restored);
  }

  async setConcepts(transcriptPath: string, id: string, concepts: string[]): Promise<void> {
    await this.editById(t('Change concepts'), transcriptPath, id, (a) => ({ ...a, concepts }));
  }

  async setMemo(transcriptPath: string, id: string, memo: string): Promise<void> {
    await this.editById(t('Edit memo'), transcriptPath, id, (a) => {
      const edited: Annotation = { ...a, memo };
      if (!memo) delete edited.memo;
      return edited;
    });
  }

  /** Marks a passage as a key quote (`key: true`), or unmarks it (the key is removed). */
  async setKey(transcriptPath: string, id: string, key: boolean): Promise<void> {
    await this.editById(key ? t('Mark as key quote') : t('Unmark key quote'), transcriptPath, id, (a) => {
      const edited: Annotation = { ...a, key: true };
      if (!key) delete edited.key;
      return edited;
    });
  }

  /** Sets the memo on a transcript as a whole (empty: removes it), in its sidecar as it is on disk. */
  async setTranscriptMemo(transcriptPath: string, memo: string): Promise<void> {
    const sidecarPath = this.sidecarOf(transcriptPath);
    await this.history.record(t('Edit the memo on {0}', basename(transcriptPath)), [sidecarPath], async (files) => {
      const result = await updateSidecarMemo(files, sidecarPath, transcriptPath, memo);
      if (!result.ok)
        throw new Error(
          t(
            '{0} has errors and was not changed: {1}',
            sidecarPath,
            result.problems[0] ? translatedText(result.problems[0]) : '',
          ),
        );
    });
  }

  /** Re-anchors an annotation to a new passage (an orphan to the current selection, say). */
  async reattach(editor: vscode.TextEditor, id: string): Promise<boolean> {
    const transcript = this.host.transcriptOf(editor.document.uri);
    const loaded = this.host.atHand;
    if (!transcript || !loaded) return false;
    const text = new TranscriptText(editor.document.getText());
    const offsets = passageOffsets(text, { start: toCore(editor.selection.start), end: toCore(editor.selection.end) });
    if (typeof offsets === 'string') return false;
    const turns = speakerTurns(text.text, speakerRegExp(loaded.project.settings));
    await this.editById(t('Attach annotation'), transcript.path, id, (a) => {
      const fresh = annotationFor(
        loaded.project,
        text,
        turns,
        offsets,
        { concepts: a.concepts, created: a.created ?? '' },
        a.id,
      );
      return {
        ...a,
        range: fresh.range,
        quote: fresh.quote,
        before: fresh.before,
        after: fresh.after,
        ...(fresh.informant ? { informant: fresh.informant } : {}),
      };
    });
    return true;
  }

  private async editById(
    label: string,
    transcriptPath: string,
    id: string,
    change: (a: Annotation) => Annotation | undefined,
    restored?: string,
  ): Promise<void> {
    const sidecarPath = this.sidecarOf(transcriptPath);
    await this.edit(
      label,
      sidecarPath,
      transcriptPath,
      (current) => current.flatMap((a) => (a.id === id ? (change(a) ?? []) : [a])),
      { restored },
    );
  }

  private sidecarOf(transcriptPath: string): string {
    return (
      this.host.atHand?.project.transcripts.find((t) => t.path === transcriptPath)?.sidecarPath ??
      transcriptPath + SIDECAR_SUFFIX
    );
  }

  /**
   * Writes the change with the loading of the rest of the project held back until it is written (not until the project
   * has reloaded); `written` runs once it is written, before the project reloads.
   */
  private async edit(
    label: string,
    sidecarPath: string,
    transcriptPath: string,
    edit: SidecarEdit,
    { restored, written }: { restored?: string; written?: () => void } = {},
  ): Promise<void> {
    const release = this.host.holdLoading();
    try {
      await this.history.record(
        label,
        [sidecarPath],
        async (files) => {
          try {
            const failure = await this.update(files, sidecarPath, transcriptPath, edit);
            if (failure) throw new Error(failure);
            written?.();
          } finally {
            release();
          }
        },
        restored,
      );
    } finally {
      release();
    }
  }

  /**
   * Edits a sidecar through the files of a history step, which holds its lock; returns why it was left alone, if it
   * was.
   */
  private async update(
    files: ProjectFiles,
    sidecarPath: string,
    transcriptPath: string,
    edit: SidecarEdit,
  ): Promise<string | undefined> {
    const result = await updateSidecar(files, sidecarPath, transcriptPath, edit);
    return result.ok
      ? undefined
      : t(
          '{0} has errors and was not changed: {1}',
          sidecarPath,
          result.problems[0] ? translatedText(result.problems[0]) : '',
        );
  }

  /** Makes new annotations with these concepts, the coder's name, the time now and ids nobody has. */
  private async annotator(
    loaded: LoadedProject,
    concepts: string[],
  ): Promise<(text: TranscriptText, turns: readonly SpeakerTurn[], offsets: [number, number]) => Annotation> {
    const coder = await coderName();
    // Looked up one by one rather than gathered into a set: an id is minted far more rarely than a project has ids.
    const minted = new Set<string>();
    const taken = { has: (id: string) => minted.has(id) || loaded.index.all.some((r) => r.annotation.id === id) };
    const created = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    return (text, turns, offsets) => {
      const id = newAnnotationId(cryptoRandomBytes, taken);
      minted.add(id);
      return annotationFor(
        loaded.project,
        text,
        turns,
        offsets,
        { concepts, created, ...(coder ? { coder } : {}) },
        id,
      );
    };
  }

  dispose(): void {
    this.tagged.dispose();
  }
}

function toCore(position: vscode.Position) {
  return { line: position.line + 1, column: position.character + 1 };
}
