import * as vscode from 'vscode';
import type { ChapterContext } from './chapterContext';
import type { ChapterIndex } from '../../../core/chapters/chapterIndex';
import type { PassageChoices } from './passageChoices';

const OPENED = /\{\{\s*(q|concept|query)\s*:\s*([^\s{}]*)$/;

/** How many passages one answer lists; typing more asks again, so that every passage can be found. */
const SHOWN = 200;

/**
 * Completes an annotation id after "{{q:" (most recently coded first), a concept id after "{{concept:" and a saved
 * query's name after "{{query:".
 */
export class ReferenceCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly chapters: ChapterContext) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList | undefined {
    const index = this.chapters.index();
    const passages = this.chapters.passages();
    if (!index || !passages || this.chapters.chapterPath(document) === undefined) return undefined;
    const opened = OPENED.exec(document.lineAt(position.line).text.slice(0, position.character));
    if (!opened) return undefined;
    const typed = opened[2] as string;
    const rest = document.lineAt(position.line).text.slice(position.character);
    const close = rest.startsWith('}}') ? '' : '}}';
    const range = new vscode.Range(position.translate(0, -typed.length), position);
    if (opened[1] === 'query') return new vscode.CompletionList(this.queries(index, range, close));
    if (opened[1] !== 'q') return new vscode.CompletionList(this.concepts(index, range, close));
    const { shown, more } = passages.matching(typed, SHOWN);
    return new vscode.CompletionList(this.passageItems(shown, range, close), more);
  }

  private passageItems(
    shown: ReturnType<PassageChoices['matching']>['shown'],
    range: vscode.Range,
    close: string,
  ): vscode.CompletionItem[] {
    return shown.map((choice, rank) => {
      const item = new vscode.CompletionItem(
        { label: choice.start, detail: ` ${choice.id}`, description: choice.detail },
        vscode.CompletionItemKind.Reference,
      );
      item.insertText = `${choice.id}${close}`;
      item.filterText = choice.filterText;
      item.sortText = String(rank).padStart(6, '0');
      item.documentation = new vscode.MarkdownString().appendText(choice.quote);
      item.range = range;
      return item;
    });
  }

  private queries(index: ChapterIndex, range: vscode.Range, close: string): vscode.CompletionItem[] {
    return index.project.settings.queries.map((query, rank) => {
      const item = new vscode.CompletionItem(
        { label: query.name, description: query.text },
        vscode.CompletionItemKind.Function,
      );
      item.insertText = `${query.name}${close}`;
      item.filterText = `${query.name} ${query.text}`;
      item.sortText = String(rank).padStart(6, '0');
      item.range = range;
      return item;
    });
  }

  private concepts(index: ChapterIndex, range: vscode.Range, close: string): vscode.CompletionItem[] {
    return [...index.project.codebook.all()].map((concept, rank) => {
      const item = new vscode.CompletionItem(
        { label: concept.id, description: concept.label },
        vscode.CompletionItemKind.EnumMember,
      );
      item.insertText = `${concept.id}${close}`;
      item.filterText = `${concept.id} ${concept.label}`;
      item.sortText = String(rank).padStart(6, '0');
      if (concept.description) item.documentation = new vscode.MarkdownString().appendText(concept.description);
      item.range = range;
      return item;
    });
  }
}
