import * as vscode from 'vscode';
import { informantMentionRegExp } from '../../../core/settings/settings';
import { decorationStyle } from '../../shared/host/configuration';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import type { LiveTranscripts } from '../../shared/liveEdits/liveTranscripts';
import { ConceptStyles } from './conceptStyles';
import { InformantStyles } from './informantStyles';
import { keyQuoteDecoration } from './keyQuoteStyle';

const TYPING_DELAY_MS = 30;

/** Tints annotated passages with their concepts' colours and highlights informant codes. */
export function register(context: vscode.ExtensionContext, host: ProjectHost, live: LiveTranscripts): Painter {
  const painter = new Painter(host, live);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const paintVisible = () => vscode.window.visibleTextEditors.forEach((e) => painter.paint(e));
  context.subscriptions.push(
    painter,
    vscode.window.onDidChangeVisibleTextEditors(paintVisible),
    host.onDidChange(paintVisible),
    live.onDidChange((document) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(
        () => vscode.window.visibleTextEditors.filter((e) => e.document === document).forEach((e) => painter.paint(e)),
        TYPING_DELAY_MS,
      );
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('qcode.decorationStyle')) return;
      painter.restyle();
      paintVisible();
    }),
  );
  paintVisible();
  return painter;
}

export class Painter implements vscode.Disposable {
  private concepts = new ConceptStyles(decorationStyle());
  private readonly informants = new InformantStyles();
  private readonly keyQuotes = keyQuoteDecoration();

  constructor(
    private readonly host: ProjectHost,
    private readonly live: LiveTranscripts,
  ) {}

  paint(editor: vscode.TextEditor): void {
    const loaded = this.host.atHand;
    if (!loaded || !this.host.transcriptOf(editor.document.uri)) return;
    for (const [type, ranges] of this.decorations(editor.document, loaded)) editor.setDecorations(type, ranges);
  }

  /** Every decoration type with its ranges in the document (empty lists clear old ones). */
  decorations(
    document: vscode.TextDocument,
    loaded: LoadedProject,
  ): Map<vscode.TextEditorDecorationType, vscode.Range[]> {
    const result = new Map<vscode.TextEditorDecorationType, vscode.Range[]>();
    for (const type of [...this.concepts.all(), ...this.informants.all(), this.keyQuotes]) result.set(type, []);
    const add = (type: vscode.TextEditorDecorationType, range: vscode.Range) => {
      const list = result.get(type);
      if (list) list.push(range);
      else result.set(type, [range]);
    };
    const { codebook } = loaded.project;
    for (const passage of this.live.shown(document)) {
      const range = this.live.rangeOf(document, passage);
      if (!range) continue;
      const types = new Set(
        passage.annotation.concepts.filter((id) => codebook.has(id)).map((id) => this.concepts.typeFor(codebook, id)),
      );
      for (const type of types) add(type, range);
      if (passage.annotation.key) add(this.keyQuotes, range);
    }
    for (const { code, range } of this.mentions(document, loaded))
      add(this.informants.typeFor(loaded.project.informants, code), range);
    return result;
  }

  private mentionCache = new WeakMap<
    vscode.TextDocument,
    { version: number; project: LoadedProject; mentions: { code: string; range: vscode.Range }[] }
  >();

  /** Informant codes in the text, found again only when the text (or the project's patterns) changed. */
  private mentions(document: vscode.TextDocument, loaded: LoadedProject): { code: string; range: vscode.Range }[] {
    const cached = this.mentionCache.get(document);
    if (cached && cached.version === document.version && cached.project === loaded) return cached.mentions;
    const mentions = [...document.getText().matchAll(informantMentionRegExp(loaded.project.settings))].map((match) => ({
      code: match[0],
      range: new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length)),
    }));
    this.mentionCache.set(document, { version: document.version, project: loaded, mentions });
    return mentions;
  }

  restyle(): void {
    this.concepts.dispose();
    this.concepts = new ConceptStyles(decorationStyle());
  }

  dispose(): void {
    this.concepts.dispose();
    this.informants.dispose();
    this.keyQuotes.dispose();
  }
}
