import * as vscode from 'vscode';
import type { Concept } from '../core/codebook/codebook';
import * as agreement from './features/agreement';
import * as analysis from './features/analysis';
import * as annotations from './features/annotations';
import * as changes from './features/changes';
import * as chapters from './features/chapters';
import * as checkProject from './features/checkProject';
import * as codebook from './features/codebook';
import * as conflicts from './features/conflicts';
import * as decorations from './features/decorations';
import * as diagnostics from './features/diagnostics';
import * as examples from './features/examples';
import * as exportQuotes from './features/exportQuotes';
import * as hovers from './features/hovers';
import * as importTranscripts from './features/importTranscripts';
import * as informants from './features/informants';
import * as initProject from './features/initProject';
import * as memos from './features/memos';
import * as pseudonyms from './features/pseudonyms';
import * as query from './features/query';
import * as refi from './features/refi';
import * as saveRanges from './features/saveRanges';
import * as search from './features/search';
import * as showCoders from './features/showCoders';
import * as statusBar from './features/statusBar';
import * as tagging from './features/tagging';
import * as transcriptContext from './features/transcriptContext';
import * as undoCoding from './features/undoCoding';
import { CoderFilter } from './shared/coderFilter/coderFilter';
import { contextKeys, type ContextKeys } from './shared/host/contextKeys';
import { ProjectHost } from './shared/host/projectHost';
import type { LocalFiles } from './shared/host/workspaceFiles';
import { ReportDocuments } from './shared/reports/reportDocuments';
import { LiveTranscripts } from './shared/liveEdits/liveTranscripts';
import { CodingHistory } from './shared/history/codingHistory';
import { Coding } from './shared/coding/coding';
import { t } from './shared/l10n/displayLanguage';

/** A concept as the Codebook view nests it. */
export interface ConceptOutline {
  id: string;
  label: string;
  children: ConceptOutline[];
}

/** What the extension offers other extensions. */
export interface QcodeApi {
  /** How long activation took (the first load of the project goes on after it). */
  activationMs: number;
  /** The number of annotations qcode shows in a document (those the coder filter lets through). */
  annotationCount(document: vscode.TextDocument): number;
  /** The concept tree of the Codebook view (empty until the codebook has loaded). */
  conceptTree(): ConceptOutline[];
  /** The values qcode has given its context keys (whether the project has loaded, ...). */
  contextKeys(): Readonly<Partial<ContextKeys>>;
  /** What the Memos view shows: its headings with their memos (label and description of each row). */
  memoOutline(): memos.MemoOutline[];
  /** The Markdown preview's plugin (markdown.markdownItPlugins): chapters show the current quotes. */
  extendMarkdownIt: ReturnType<typeof chapters.register>['extendMarkdownIt'];
}

/**
 * What the tests and the host benchmark get besides, and only when VS Code runs the extension for tests
 * (`ExtensionMode.Test`, as `--extensionTestsPath` does).
 */
export interface QcodeTestHooks {
  /**
   * Repaints an editor's decorations (only the text's around the lines in view, as after a keystroke, if
   * `asAfterKeystroke`); returns how long it took in milliseconds.
   */
  repaint(editor: vscode.TextEditor, asAfterKeystroke?: boolean): number;
  /**
   * The ranges qcode has decorated in an editor's text: annotated passages and informant codes, in the lines in view
   * and a margin around them (the whole of a short transcript).
   */
  decoratedRanges(editor: vscode.TextEditor): vscode.Range[];
  /** Fires when qcode has set an editor's decorations. */
  onDidPaint: vscode.Event<vscode.TextEditor>;
  /** The count the Codebook view shows beside each of the concepts (undefined while it shows none). */
  codebookCounts(conceptIds: readonly string[]): Record<string, number | undefined>;
  /**
   * Forgets the project and loads it as when the window opens, the transcripts in editors first; resolves when the
   * whole has loaded.
   */
  restart(): Promise<void>;
}

/** The API as the tests and the host benchmark see it. */
export type QcodeTestApi = QcodeApi & QcodeTestHooks;

/** The extension in the web worker extension host (the Node host starts from node/main.ts). */
export function activate(context: vscode.ExtensionContext): Promise<QcodeApi | undefined> {
  return activateWith(context);
}

/** Composes the features; `local` gives the Node host's own access to a project on the local disk. */
export async function activateWith(
  context: vscode.ExtensionContext,
  local?: LocalFiles,
): Promise<QcodeApi | undefined> {
  const started = performance.now();
  const host = ProjectHost.forWorkspace(local);
  if (!host) return undefined;
  const filter = new CoderFilter(context.workspaceState);
  const live = new LiveTranscripts(host, filter);
  const codingHistory = new CodingHistory(host);
  const coding = new Coding(host, codingHistory);
  const reports = new ReportDocuments();
  context.subscriptions.push(host, live, coding, reports);
  context.subscriptions.push(
    coding.onDidTag(({ transcript, annotations }) => live.addWritten(transcript, annotations)),
  );
  showCoders.register(context, host, filter);
  undoCoding.register(context, codingHistory);
  saveRanges.register(context, host, live);
  tagging.register(context, host, live, coding);
  checkProject.register(context, host);
  exportQuotes.register(context, host);
  initProject.register(context, host);
  const codebookView = codebook.register(context, host, codingHistory, filter);
  examples.register(context, host, live, codingHistory);
  annotations.register(context, host, filter);
  informants.register(context, host);
  const memoOutline = memos.register(context, host, codingHistory, coding, filter);
  const painter = decorations.register(context, host, live);
  hovers.register(context, host, live);
  statusBar.register(context, host, live, filter);
  diagnostics.register(context, host);
  changes.register(context, host, reports);
  agreement.register(context, host);
  analysis.register(context, host, filter);
  query.register(context, host, filter);
  conflicts.register(context);
  refi.register(context, host, reports);
  importTranscripts.register(context, host);
  search.register(context, host, coding);
  pseudonyms.register(context, host, codingHistory);
  transcriptContext.register(context, host);
  const chapterPreview = chapters.register(context, host);
  // Activation does not wait for the project: views and decorations fill in when it has loaded.
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: t('qcode: loading the project') },
    () => host.reload(),
  );
  const api: QcodeApi = {
    activationMs: performance.now() - started,
    annotationCount: (document) => live.shown(document).length,
    conceptTree: () => outline(host.atHand?.project.codebook.roots ?? []),
    contextKeys,
    memoOutline,
    ...chapterPreview,
  };
  return context.extensionMode === vscode.ExtensionMode.Test
    ? { ...api, ...testHooks(host, painter, codebookView) }
    : api;
}

function testHooks(
  host: ProjectHost,
  painter: decorations.Painter,
  codebookView: codebook.CodebookView,
): QcodeTestHooks {
  return {
    repaint(editor, asAfterKeystroke = false) {
      const start = performance.now();
      if (asAfterKeystroke) painter.paintVisible(editor);
      else painter.paint(editor);
      return performance.now() - start;
    },
    decoratedRanges: (editor) => painter.paintedRanges(editor),
    onDidPaint: painter.onDidPaint,
    codebookCounts: (ids) => Object.fromEntries(ids.map((id) => [id, codebookView.countShown(id)])),
    restart: async () => void (await host.restart()),
  };
}

function outline(concepts: readonly Concept[]): ConceptOutline[] {
  return concepts.map((c) => ({ id: c.id, label: c.label, children: outline(c.children) }));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
