import * as vscode from 'vscode';
import type { AnchorStatus } from '../../../core/anchoring/anchor';
import { resolveAnchor } from '../../../core/anchoring/resolve';
import { moveRanges, type LiveRange } from '../../../core/anchoring/moveRanges';
import type { Annotation } from '../../../core/sidecar/annotation';
import { TranscriptText } from '../../../core/text/transcriptText';
import type { CoderFilter } from '../coderFilter/coderFilter';
import type { ProjectHost } from '../host/projectHost';

/** An annotation as it stands in an open document right now. */
export interface Passage {
  annotation: Annotation;
  status: AnchorStatus;
  /** Document offsets, kept current on every keystroke; undefined for orphans. */
  live?: LiveRange;
}

interface LiveDocument {
  document: vscode.TextDocument;
  passages: Passage[];
}

/**
 * The passages of open transcripts, anchored against the editor's text (saved or not) and moved
 * through every edit as it happens.
 */
export class LiveTranscripts implements vscode.Disposable {
  private readonly documents = new Map<string, LiveDocument>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** The passages of a document were anchored again, or some were added, or the coder filter changed. */
  readonly onDidChange = this.changed.event;
  private readonly edited = new vscode.EventEmitter<vscode.TextDocument>();
  /** A document was edited: its passages have moved with the text. */
  readonly onDidEdit = this.edited.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.edited];

  constructor(
    private readonly host: ProjectHost,
    private readonly filter: CoderFilter,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.documents.delete(d.uri.toString())),
      host.onDidChange(() => this.reanchorAll()),
      filter.onDidChange(() => this.documents.forEach(({ document }) => this.changed.fire(document))),
    );
  }

  /** The passages the coder filter lets through, in text order. */
  shown(document: vscode.TextDocument): readonly Passage[] {
    if (this.filter.view.kind === 'all') return this.passages(document);
    return this.passages(document).filter((p) => this.filter.shows(p.annotation));
  }

  /** Every passage of a transcript document, shown or not, in text order; empty for other documents. */
  passages(document: vscode.TextDocument): readonly Passage[] {
    const key = document.uri.toString();
    let live = this.documents.get(key);
    if (!live) {
      live = this.anchor(document);
      if (!live) return [];
      this.documents.set(key, live);
    }
    return live.passages;
  }

  rangeOf(document: vscode.TextDocument, passage: Passage): vscode.Range | undefined {
    return passage.live
      ? new vscode.Range(document.positionAt(passage.live.start), document.positionAt(passage.live.end))
      : undefined;
  }

  /** The shown passages under a position. */
  at(document: vscode.TextDocument, position: vscode.Position): Passage[] {
    const offset = document.offsetAt(position);
    return this.shown(document).filter((p) => p.live && p.live.start <= offset && offset <= p.live.end);
  }

  /**
   * Shows annotations just written to a transcript's sidecar in its open documents at once, before the project has
   * loaded them again (which anchors every passage afresh).
   */
  addWritten(transcriptPath: string, annotations: readonly Annotation[]): void {
    for (const live of this.documents.values()) {
      if (this.host.files.pathOf(live.document.uri) !== transcriptPath) continue;
      const text = new TranscriptText(live.document.getText());
      live.passages = sorted([...live.passages, ...annotations.map((a) => passageOf(live.document, text, a))]);
      this.changed.fire(live.document);
    }
  }

  private anchor(document: vscode.TextDocument): LiveDocument | undefined {
    const transcript = this.host.transcriptOf(document.uri);
    if (!transcript) return undefined;
    const text = new TranscriptText(document.getText());
    return {
      document,
      passages: sorted(transcript.annotations.map(({ annotation }) => passageOf(document, text, annotation))),
    };
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    const live = this.documents.get(event.document.uri.toString());
    if (!live || event.contentChanges.length === 0) return;
    const ranges = live.passages.flatMap((p) => (p.live ? [p.live] : []));
    moveRanges(ranges, event.contentChanges);
    this.edited.fire(event.document);
  }

  /** After a reload from disk, anchors open documents afresh against their current (maybe unsaved) text. */
  private reanchorAll(): void {
    for (const [key, live] of this.documents) {
      const fresh = this.anchor(live.document);
      if (fresh) this.documents.set(key, fresh);
      else this.documents.delete(key);
      this.changed.fire(live.document);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** An annotation anchored in a document's text as it is now. */
function passageOf(document: vscode.TextDocument, text: TranscriptText, annotation: Annotation): Passage {
  const resolution = resolveAnchor(text, annotation);
  if (resolution.status === 'orphaned') return { annotation, status: resolution.status };
  const { start, end } = resolution.range;
  const live = {
    start: document.offsetAt(new vscode.Position(start.line - 1, start.column - 1)),
    end: document.offsetAt(new vscode.Position(end.line - 1, end.column - 1)),
  };
  return { annotation, status: resolution.status, live };
}

/** Passages in text order, orphans last. */
function sorted(passages: Passage[]): Passage[] {
  return passages.sort((a, b) => (a.live?.start ?? Infinity) - (b.live?.start ?? Infinity));
}
