import * as vscode from 'vscode';
import type { ProjectHost } from '../../shared/host/projectHost';
import { ChapterContext } from './chapterContext';
import { chapterDiagnostics } from './chapterDiagnostics';
import { ReferenceCompletion } from './completion';
import { ReferenceDefinition } from './definition';
import { ReferenceHover } from './hover';
import { insertQuote } from './insertQuote';
import { PassageReferences, showCitations } from './citingChapters';
import { passageDrop } from './passageDrag';
import { chapterPreview } from './preview';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/**
 * Chapters that cite passages: completion, hover and Go to Definition on references, their
 * problems, Insert Quote…, dropping passages into a chapter, the chapters that cite a passage,
 * and the Markdown preview's plugin, which activate() returns.
 */
export function register(
  context: vscode.ExtensionContext,
  host: ProjectHost,
): { extendMarkdownIt: ReturnType<typeof chapterPreview> } {
  const chapters = new ChapterContext(host);
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new ReferenceCompletion(chapters), ':'),
    vscode.languages.registerHoverProvider(MARKDOWN, new ReferenceHover(chapters)),
    vscode.languages.registerDefinitionProvider(MARKDOWN, new ReferenceDefinition(chapters)),
    chapterDiagnostics(chapters),
    vscode.commands.registerCommand('qcode.insertQuote', () => insertQuote(chapters)),
    vscode.commands.registerCommand('qcode.findCitations', (passage) => showCitations(chapters, passage)),
    vscode.languages.registerReferenceProvider({ scheme: '*' }, new PassageReferences(chapters)),
    vscode.languages.registerDocumentDropEditProvider(MARKDOWN, passageDrop),
    host.onDidChange(() => prepareCompletion(chapters)),
    host.onDidChange(() => refreshPreview(chapters)),
    vscode.workspace.onDidOpenTextDocument(() => prepareCompletion(chapters)),
  );
  return { extendMarkdownIt: chapterPreview(chapters) };
}

/** The Markdown preview renders again with the coding as it is now, when a chapter is open. */
function refreshPreview(chapters: ChapterContext): void {
  if (vscode.workspace.textDocuments.some((d) => chapters.chapterPath(d) !== undefined) && chapters.index())
    void vscode.commands.executeCommand('markdown.preview.refresh');
}

/** While a chapter is open, what completion searches is made soon after each load, not as the first "{{q:" is typed. */
function prepareCompletion(chapters: ChapterContext): void {
  if (!vscode.workspace.textDocuments.some((d) => chapters.chapterPath(d) !== undefined)) return;
  setTimeout(() => chapters.passages()?.prepare(), 100);
}
