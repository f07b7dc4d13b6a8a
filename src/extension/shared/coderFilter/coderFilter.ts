import * as vscode from 'vscode';
import { ALL_CODERS, coderViewShows, readCoderView, type CoderView } from '../../../core/coders/coderView';
import type { Annotation } from '../../../core/sidecar/annotation';
import { t } from '../l10n/displayLanguage';
import { setContextKey } from '../host/contextKeys';

const STATE_KEY = 'qcode.coderView';

/** Whose annotations the editor, hovers and views show; remembered per workspace. */
export class CoderFilter implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoderView>();
  readonly onDidChange = this.changed.event;
  private current: CoderView;
  private me: string | undefined;
  private readonly configListener: vscode.Disposable;

  constructor(private readonly state: vscode.Memento) {
    this.current = readCoderView(state.get(STATE_KEY));
    this.me = configuredCoder();
    this.configListener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('qcode.coder')) return;
      this.me = configuredCoder();
      if (this.current.kind === 'mine') this.changed.fire(this.current);
    });
    void this.announce();
  }

  get view(): CoderView {
    return this.current;
  }

  shows(annotation: Annotation): boolean {
    return coderViewShows(this.current, annotation, this.me);
  }

  async set(view: CoderView): Promise<void> {
    this.current = view;
    await this.state.update(STATE_KEY, view.kind === 'all' ? undefined : view);
    await this.announce();
    this.changed.fire(view);
  }

  /** A short description of the view for view titles and the status bar; undefined for all coders. */
  describe(): string | undefined {
    if (this.current.kind === 'mine') return t('only mine');
    if (this.current.kind === 'coder') return t('only {0}', this.current.coder);
    return undefined;
  }

  private announce(): Thenable<unknown> {
    return setContextKey('qcode.coderFiltered', this.current.kind !== ALL_CODERS.kind);
  }

  dispose(): void {
    this.changed.dispose();
    this.configListener.dispose();
  }
}

function configuredCoder(): string | undefined {
  return vscode.workspace.getConfiguration('qcode').get<string>('coder') || undefined;
}
