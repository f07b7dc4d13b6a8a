import * as vscode from 'vscode';
import { t } from '../../shared/l10n/displayLanguage';
import type { ChapterContext } from './chapterContext';

/** Insert Quote…: picks a passage (by its words, informant, concepts or coder) and inserts {{q:ID}} at the cursor. */
export async function insertQuote(chapters: ChapterContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(
      t('Open a Markdown chapter, place the cursor where the quote goes, and run Insert Quote… again.'),
    );
    return;
  }
  if (!chapters.host.atHand) await chapters.host.whenAtHand();
  const choices = chapters.passages()?.matching('', Number.MAX_SAFE_INTEGER).shown ?? [];
  if (choices.length === 0) {
    void vscode.window.showInformationMessage(t('The project has no coded passages to cite yet.'));
    return;
  }
  const items = choices.map((choice) => ({
    label: choice.start,
    description: choice.id,
    detail: choice.detail,
    id: choice.id,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: t('Type words of the quote, an informant, a concept or a coder'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  await editor.insertSnippet(new vscode.SnippetString().appendText(`{{q:${picked.id}}}`));
}
