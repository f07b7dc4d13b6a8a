import * as vscode from 'vscode';
import type { Project, ResolvedAnnotation } from '../../../core/project/model';
import { ProjectIndex } from '../../../core/project/projectIndex';
import {
  attributeNames,
  conceptByAttribute,
  conceptByInformant,
  conceptCooccurrence,
  type Matrix,
} from '../../../core/stats/matrix';
import type { CoderFilter } from '../../shared/coderFilter/coderFilter';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import { SAME_PAGE_NONCE, WebviewPage } from '../../shared/webview/html';
import { matrixHtml, type MatrixPage } from './matrixHtml';
import { QUERIES_VIEW, queryAxes, queryQuotes, withQueries } from './queryAxes';
import { t } from '../../shared/l10n/displayLanguage';

/** What `qcode.showAnalysis` is given by a script or test: the view, and a cell to open. */
interface AnalysisRequest {
  view?: string;
  cell?: { row: number; column: number };
}

/**
 * "Analysis": concept x informant, concept x attribute and co-occurrence matrices whose cells list
 * their quotes; the saved queries of qcode.yaml as rows of the first two and as the columns of a
 * concept x query matrix.
 */
export function register(context: vscode.ExtensionContext, host: ProjectHost, filter: CoderFilter): void {
  const panel = new AnalysisPanel(host, filter);
  context.subscriptions.push(
    panel,
    vscode.commands.registerCommand('qcode.showAnalysis', async (request?: AnalysisRequest) => {
      const loaded = host.current ?? (await host.reload());
      return loaded ? panel.show(loaded, request ?? {}) : undefined;
    }),
  );
}

class AnalysisPanel implements vscode.Disposable {
  private panel: { panel: vscode.WebviewPanel; page: WebviewPage } | undefined;
  private view = 'informant';
  private chosen: { row: number; column: number } | undefined;
  /** The cell was chosen since the last render, so its quotes take the focus. */
  private focusQuotes = false;
  private page: MatrixPage | undefined;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly host: ProjectHost,
    private readonly filter: CoderFilter,
  ) {
    const rerender = () => {
      if (this.panel && host.current) this.render(host.current);
    };
    this.listener = vscode.Disposable.from(host.onDidChange(rerender), filter.onDidChange(rerender));
  }

  show(loaded: LoadedProject, request: AnalysisRequest): MatrixPage {
    if (request.view) this.view = request.view;
    this.chosen = request.cell;
    this.focusQuotes = request.cell !== undefined;
    if (!this.panel) this.panel = this.createPanel();
    else this.panel.panel.reveal();
    return this.render(loaded);
  }

  private createPanel(): { panel: vscode.WebviewPanel; page: WebviewPage } {
    const panel = vscode.window.createWebviewPanel('qcode.analysis', t('qcode Analysis'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((message: { view?: unknown; row?: unknown; column?: unknown; open?: unknown }) =>
      this.receive(message),
    );
    return { panel, page: new WebviewPage(panel.webview) };
  }

  private receive(message: { view?: unknown; row?: unknown; column?: unknown; open?: unknown }): void {
    const loaded = this.host.current;
    if (!loaded) return;
    if (typeof message.view === 'string') {
      this.view = message.view;
      this.chosen = undefined;
      this.render(loaded);
    } else if (typeof message.row === 'number' && typeof message.column === 'number') {
      this.chosen = { row: message.row, column: message.column };
      this.focusQuotes = true;
      this.render(loaded);
    } else if (typeof message.open === 'number') {
      const quote = this.page?.chosen?.quotes[message.open];
      if (quote) void openQuote(this.host, quote);
    }
  }

  private render(loaded: LoadedProject): MatrixPage {
    const index =
      this.filter.view.kind === 'all'
        ? loaded.index
        : new ProjectIndex(shownOnly(loaded.project, (a) => this.filter.shows(a.annotation)));
    const queries = queryAxes(index);
    const view = this.view === QUERIES_VIEW && queries.length === 0 ? 'informant' : this.view;
    const matrix = withQueries(matrixFor(index, view), view, index, queries);
    const chosen = this.chosen && {
      ...this.chosen,
      quotes: quotesOf(index, matrix, this.chosen.row, this.chosen.column),
    };
    this.page = { matrix, views: viewsOf(index, queries.length > 0), view, ...(chosen ? { chosen } : {}) };
    if (this.panel) {
      const { panel, page } = this.panel;
      const shown = this.filter.describe();
      const content = this.page;
      const focus = this.focusQuotes;
      panel.title = shown ? `${t('qcode Analysis')} (${shown})` : t('qcode Analysis');
      page.show(
        (nonce) => matrixHtml(content, panel.webview, nonce, focus),
        matrixHtml(content, panel.webview, SAME_PAGE_NONCE),
      );
      this.focusQuotes = false;
    }
    return this.page;
  }

  dispose(): void {
    this.listener.dispose();
    this.panel?.panel.dispose();
  }
}

/** The project with only the annotations the coder filter shows. */
function shownOnly(project: Project, shows: (resolved: ResolvedAnnotation) => boolean): Project {
  return {
    ...project,
    transcripts: project.transcripts.map((t) => ({ ...t, annotations: t.annotations.filter(shows) })),
  };
}

function viewsOf(index: ProjectIndex, withQueries: boolean): { id: string; label: string }[] {
  return [
    { id: 'informant', label: t('Concepts × informants') },
    ...attributeNames(index).map((name) => ({ id: `attribute:${name}`, label: t('Concepts × {0}', name) })),
    { id: 'cooccurrence', label: t('Concepts × concepts (co-occurrence)') },
    ...(withQueries ? [{ id: QUERIES_VIEW, label: t('Concepts × saved queries') }] : []),
  ];
}

function matrixFor(index: ProjectIndex, view: string): Matrix {
  if (view === 'cooccurrence') return conceptCooccurrence(index);
  const attribute = /^attribute:(.+)$/.exec(view)?.[1];
  return attribute ? conceptByAttribute(index, attribute) : conceptByInformant(index);
}

function quotesOf(index: ProjectIndex, matrix: Matrix, row: number, column: number): ResolvedAnnotation[] {
  const cell = matrix.cells[row]?.[column];
  const passages = queryQuotes(cell);
  if (passages) return passages;
  const refs = cell?.refs ?? [];
  const byKey = new Map(index.all.map((r) => [`${r.transcript.path}\u0000${r.annotation.id}`, r]));
  return refs.flatMap((ref) => byKey.get(`${ref.transcript}\u0000${ref.id}`) ?? []);
}

async function openQuote(host: ProjectHost, quote: ResolvedAnnotation): Promise<void> {
  if (quote.resolution.status === 'orphaned') return;
  const { start, end } = quote.resolution.range;
  const selection = new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
  const editor = await vscode.window.showTextDocument(host.files.uri(quote.transcript.path), {
    viewColumn: vscode.ViewColumn.Beside,
    selection,
  });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
