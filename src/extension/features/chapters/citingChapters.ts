import * as vscode from 'vscode';
import { readChapters, type ChapterFile } from '../../../core/chapters/chapterFiles';
import { citationsOf } from '../../../core/chapters/citedBy';
import { t } from '../../shared/l10n/displayLanguage';
import type { ChapterContext } from './chapterContext';

/** The places in the chapters that cite any of the annotations, open editors' unsaved text included. */
export async function citingLocations(chapters: ChapterContext, ids: ReadonlySet<string>): Promise<vscode.Location[]> {
  const loaded = chapters.host.atHand;
  if (!loaded || ids.size === 0) return [];
  const files = await readChapters(chapters.host.files, loaded.project.settings, []);
  const open = new Map(vscode.workspace.textDocuments.map((d) => [chapters.host.files.pathOf(d.uri), d] as const));
  const texts: ChapterFile[] = files.map((file) => ({
    path: file.path,
    text: open.get(file.path)?.getText() ?? file.text,
  }));
  return citationsOf(ids, texts).map(({ chapter, reference }) => {
    const uri = chapters.host.files.uri(chapter);
    const text = texts.find((file) => file.path === chapter)?.text ?? '';
    return new vscode.Location(
      uri,
      new vscode.Range(positionIn(text, reference.start), positionIn(text, reference.end)),
    );
  });
}

function positionIn(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset).replace(/^\uFEFF/, '');
  const lines = before.split(/\r\n|\r|\n/);
  return new vscode.Position(lines.length - 1, (lines[lines.length - 1] ?? '').length);
}

/** Find All References in a transcript: the chapters that cite the passages at the cursor. */
export class PassageReferences implements vscode.ReferenceProvider {
  constructor(private readonly chapters: ChapterContext) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> | undefined {
    const transcript = this.chapters.host.transcriptOf(document.uri);
    if (!transcript) return undefined;
    const ids = transcript.annotations
      .filter((r) => this.chapters.passageRange(r)?.contains(position))
      .map((r) => r.annotation.id);
    return citingLocations(this.chapters, new Set(ids));
  }
}

/** A passage as a command gets it: from the Annotations view (the annotation itself) or from a link. */
type PassageArgument = { annotation: { id: string } } | { id: string };

/** Lists the chapters that cite a passage in the References view, or says that none does. */
export async function showCitations(chapters: ChapterContext, passage: PassageArgument | undefined): Promise<void> {
  const id = passage && ('annotation' in passage ? passage.annotation.id : passage.id);
  if (!id) return;
  const locations = await citingLocations(chapters, new Set([id]));
  const resolved = chapters.index()?.annotation(id);
  const range = resolved && chapters.passageRange(resolved);
  if (locations.length === 0 || !resolved || !range) {
    void vscode.window.showInformationMessage(t('No chapter cites this passage ({0}).', id));
    return;
  }
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    chapters.transcriptUri(resolved),
    range.start,
    locations,
  );
}
