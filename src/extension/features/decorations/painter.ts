import * as vscode from 'vscode';
import { informantMentionRegExp } from '../../../core/settings/settings';
import { decorationStyle } from '../../shared/host/configuration';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import type { LiveTranscripts, Passage } from '../../shared/liveEdits/liveTranscripts';
import { ConceptStyles } from './conceptStyles';
import { InformantStyles } from './informantStyles';
import { keyQuoteDecoration, keyQuoteRulerDecoration } from './keyQuoteStyle';
import { type LineWindow, stillCovers, windowAround, windowOffsets } from './lineWindow';

type Decorations = Map<vscode.TextEditorDecorationType, vscode.Range[]>;

/** What was last painted in an editor: for which project and text, around which lines, and the ranges of the text. */
interface Painted {
  loaded: LoadedProject;
  passages: readonly Passage[];
  version: number;
  window: LineWindow;
  ranges: vscode.Range[];
}

/**
 * Paints an editor's decorations in two layers. The text's (concept tints, key quotes, informant codes) is painted
 * for the lines in view and a margin around them, so that its cost does not grow with the transcript: at once after
 * every keystroke, and again when scrolling nears the margin's end. The overview ruler's marks are painted for the
 * whole text, but only when the passages change, not while typing: the editor moves them with the text meanwhile.
 */
export class Painter implements vscode.Disposable {
  private concepts = new ConceptStyles(decorationStyle());
  private readonly informants = new InformantStyles();
  private readonly keyQuotes = keyQuoteDecoration();
  private readonly keyQuoteRuler = keyQuoteRulerDecoration();
  private readonly painted = new WeakMap<vscode.TextEditor, Painted>();
  private readonly paintedEditor = new vscode.EventEmitter<vscode.TextEditor>();
  /** Fires when an editor's decorations have been set. */
  readonly onDidPaint = this.paintedEditor.event;

  constructor(
    private readonly host: ProjectHost,
    private readonly live: LiveTranscripts,
  ) {}

  /** Paints the text around the lines in view and the overview ruler, unless both show this project and text. */
  paint(editor: vscode.TextEditor, force = true): void {
    const loaded = this.loadedFor(editor);
    if (!loaded) return;
    const before = this.painted.get(editor);
    const passages = this.live.passages(editor.document);
    if (
      !force &&
      before?.loaded === loaded &&
      before.passages === passages &&
      before.version === editor.document.version &&
      stillCovers(before.window, editor)
    )
      return;
    this.paintText(editor, loaded);
    this.paintRuler(editor, loaded);
    this.paintedEditor.fire(editor);
  }

  /** Paints the text around the lines in view (after an edit, or scrolling beyond what was painted). */
  paintVisible(editor: vscode.TextEditor, onlyIfScrolledAway = false): void {
    const loaded = this.loadedFor(editor);
    const before = this.painted.get(editor);
    if (!loaded || (onlyIfScrolledAway && before && stillCovers(before.window, editor))) return;
    this.paintText(editor, loaded);
    this.paintedEditor.fire(editor);
  }

  /** Paints the overview ruler's marks for the whole text. */
  paintRulerOf(editor: vscode.TextEditor): void {
    const loaded = this.loadedFor(editor);
    if (loaded) this.paintRuler(editor, loaded);
  }

  /** The ranges of the text that were last painted in the editor: passages and informant codes near the lines in view. */
  paintedRanges(editor: vscode.TextEditor): vscode.Range[] {
    return this.painted.get(editor)?.ranges ?? [];
  }

  private loadedFor(editor: vscode.TextEditor): LoadedProject | undefined {
    const loaded = this.host.atHand;
    return loaded && this.host.transcriptOf(editor.document.uri) ? loaded : undefined;
  }

  private paintText(editor: vscode.TextEditor, loaded: LoadedProject): void {
    const { document } = editor;
    const window = windowAround(editor);
    const { start, end } = windowOffsets(document, window);
    const layer = this.emptyLayer([...this.concepts.allTints(), ...this.informants.all(), this.keyQuotes]);
    const { codebook } = loaded.project;
    for (const passage of this.live.shown(document)) {
      if (!passage.live || passage.live.end < start || passage.live.start > end) continue;
      const range = this.live.rangeOf(document, passage) as vscode.Range;
      for (const type of new Set(this.conceptIds(passage, loaded).map((id) => this.concepts.tintFor(codebook, id))))
        add(layer, type, range);
      if (passage.annotation.key) add(layer, this.keyQuotes, range);
    }
    const text = document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end)));
    for (const match of text.matchAll(informantMentionRegExp(loaded.project.settings))) {
      const at = start + match.index;
      const range = new vscode.Range(document.positionAt(at), document.positionAt(at + match[0].length));
      add(layer, this.informants.typeFor(loaded.project.informants, match[0]), range);
    }
    for (const [type, ranges] of layer) editor.setDecorations(type, ranges);
    this.painted.set(editor, {
      loaded,
      passages: this.live.passages(document),
      version: document.version,
      window,
      ranges: [...layer.values()].flat(),
    });
  }

  private paintRuler(editor: vscode.TextEditor, loaded: LoadedProject): void {
    const { document } = editor;
    const layer = this.emptyLayer([...this.concepts.allRulers(), this.keyQuoteRuler]);
    const { codebook } = loaded.project;
    for (const passage of this.live.shown(document)) {
      const range = this.live.rangeOf(document, passage);
      if (!range) continue;
      for (const type of new Set(this.conceptIds(passage, loaded).map((id) => this.concepts.rulerFor(codebook, id))))
        add(layer, type, range);
      if (passage.annotation.key) add(layer, this.keyQuoteRuler, range);
    }
    for (const [type, ranges] of layer) editor.setDecorations(type, ranges);
  }

  private conceptIds(passage: Passage, loaded: LoadedProject): string[] {
    return passage.annotation.concepts.filter((id) => loaded.project.codebook.has(id));
  }

  /** Every type of a layer with no ranges yet, so that painting clears what a type no longer decorates. */
  private emptyLayer(types: vscode.TextEditorDecorationType[]): Decorations {
    return new Map(types.map((type) => [type, []]));
  }

  restyle(): void {
    this.concepts.dispose();
    this.concepts = new ConceptStyles(decorationStyle());
  }

  dispose(): void {
    this.concepts.dispose();
    this.informants.dispose();
    this.keyQuotes.dispose();
    this.keyQuoteRuler.dispose();
    this.paintedEditor.dispose();
  }
}

function add(layer: Decorations, type: vscode.TextEditorDecorationType, range: vscode.Range): void {
  const list = layer.get(type);
  if (list) list.push(range);
  else layer.set(type, [range]);
}
