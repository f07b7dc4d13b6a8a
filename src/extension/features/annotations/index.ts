import * as vscode from 'vscode';
import type { ResolvedAnnotation } from '../../../core/project/model';
import type { CoderFilter } from '../../shared/coderFilter/coderFilter';
import type { ProjectHost } from '../../shared/host/projectHost';
import { hasSeveralCoders } from '../../../core/operations/passageRow';
import { passageItem } from './passageItem';
import { passageDrag } from '../chapters/passageDrag';

/** The passages of the transcript in the active editor, in text order. */
export function register(context: vscode.ExtensionContext, host: ProjectHost, filter: CoderFilter): void {
  const provider = new AnnotationsProvider(host, filter);
  const view = vscode.window.createTreeView('qcode.annotations', {
    treeDataProvider: provider,
    dragAndDropController: passageDrag,
  });
  const refresh = () => {
    provider.refresh();
    const transcript = provider.transcript();
    view.description = [transcript?.path.split('/').pop(), filter.describe()].filter(Boolean).join(' · ');
  };
  context.subscriptions.push(
    view,
    host.onDidChange(refresh),
    filter.onDidChange(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.commands.registerCommand('qcode.openPassage', async (uri: vscode.Uri, [sl, sc, el, ec]: number[]) => {
      const editor = await vscode.window.showTextDocument(uri, { preview: true });
      const range = new vscode.Range(sl ?? 0, sc ?? 0, el ?? 0, ec ?? 0);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
  refresh();
}

class AnnotationsProvider implements vscode.TreeDataProvider<ResolvedAnnotation> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private lastTranscriptUri: vscode.Uri | undefined;

  constructor(
    private readonly host: ProjectHost,
    private readonly filter: CoderFilter,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  /** The transcript of the active editor, or the last one shown while another view has focus. */
  transcript() {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (uri && this.host.transcriptOf(uri)) this.lastTranscriptUri = uri;
    return this.lastTranscriptUri && this.host.transcriptOf(this.lastTranscriptUri);
  }

  getChildren(element?: ResolvedAnnotation): ResolvedAnnotation[] {
    if (element) return [];
    const start = (r: ResolvedAnnotation) => (r.resolution.status === 'orphaned' ? Infinity : r.resolution.start);
    const shown = (this.transcript()?.annotations ?? []).filter((r) => this.filter.shows(r.annotation));
    return shown.sort((a, b) => start(a) - start(b));
  }

  getTreeItem(element: ResolvedAnnotation): vscode.TreeItem {
    const coders = (element.transcript.annotations ?? []).map((r) => r.annotation.coder);
    return passageItem(this.host, element, hasSeveralCoders(coders));
  }
}
