import * as vscode from 'vscode';
import { codersByCount } from '../../../core/coders/coderView';
import {
  AgreementError,
  computeAgreement,
  type AgreementOptions,
  type AgreementReport,
} from '../../../core/agreement/computeAgreement';
import type { Disagreement } from '../../../core/agreement/report';
import type { LoadedProject, ProjectHost } from '../../shared/host/projectHost';
import { WebviewPage } from '../../shared/webview/html';
import { agreementHtml } from './agreementHtml';
import { t, translatedText } from '../../shared/l10n/displayLanguage';

/** "Intercoder Agreement…": the coders' agreement per concept in a webview, where a disagreement opens at its place. */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  const report = new AgreementPanel(host);
  context.subscriptions.push(
    report,
    vscode.commands.registerCommand('qcode.showAgreement', async (options?: AgreementOptions) => {
      const loaded = await host.refresh();
      const chosen = options ?? (loaded && (await pickCoders(loaded)));
      return loaded && chosen ? report.show(loaded, chosen) : undefined;
    }),
    vscode.commands.registerCommand('qcode.openDisagreement', (d: Disagreement) => openDisagreement(host, d)),
  );
}

class AgreementPanel implements vscode.Disposable {
  private panel: { panel: vscode.WebviewPanel; page: WebviewPage } | undefined;
  private options: AgreementOptions = {};
  private report: AgreementReport | undefined;
  private readonly listener: vscode.Disposable;

  constructor(private readonly host: ProjectHost) {
    this.listener = host.onDidChange((loaded) => {
      if (this.panel && loaded) this.render(loaded);
    });
  }

  show(loaded: LoadedProject, options: AgreementOptions): AgreementReport | undefined {
    this.options = options;
    if (!this.panel) this.panel = this.createPanel();
    else this.panel.panel.reveal();
    return this.render(loaded);
  }

  private createPanel(): { panel: vscode.WebviewPanel; page: WebviewPage } {
    const panel = vscode.window.createWebviewPanel(
      'qcode.agreement',
      t('Intercoder agreement'),
      vscode.ViewColumn.Beside,
      { enableScripts: true, localResourceRoots: [] },
    );
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((message: { open?: unknown }) => {
      const disagreement = typeof message.open === 'number' ? this.report?.disagreements[message.open] : undefined;
      if (disagreement) void openDisagreement(this.host, disagreement);
    });
    return { panel, page: new WebviewPage(panel.webview) };
  }

  private render(loaded: LoadedProject): AgreementReport | undefined {
    if (!this.panel) return undefined;
    try {
      this.report = computeAgreement(loaded.project, this.options);
    } catch (error) {
      if (!(error instanceof AgreementError)) throw error;
      void vscode.window.showWarningMessage(t('Intercoder agreement: {0}', translatedText(error)));
      this.panel.panel.dispose();
      return undefined;
    }
    const labelOf = (id: string) => loaded.project.codebook.get(id)?.label ?? id;
    const { panel, page } = this.panel;
    const report = this.report;
    page.show((nonce) => agreementHtml(report, labelOf, panel.webview, nonce));
    return this.report;
  }

  dispose(): void {
    this.listener.dispose();
    this.panel?.panel.dispose();
  }
}

async function pickCoders(loaded: LoadedProject): Promise<AgreementOptions | undefined> {
  const coders = codersByCount(loaded.index.all.map((r) => r.annotation));
  if (coders.length < 2) {
    void vscode.window.showInformationMessage(
      t('Agreement needs annotations by at least two coders; this project has {0}.', coders.length),
    );
    return undefined;
  }
  const items = coders.map(({ coder, count }) => ({
    label: coder,
    description: t('{0} annotations', count),
    picked: true,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: t('Compare which coders?'),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.length < 2) {
    void vscode.window.showInformationMessage(t('Choose at least two coders to compare.'));
    return undefined;
  }
  return { coders: picked.map((item) => item.label) };
}

/** Opens the passage in the first editor column, beside the report rather than over it. */
async function openDisagreement(host: ProjectHost, d: Disagreement): Promise<void> {
  const selection = new vscode.Range(d.startLine - 1, d.startColumn - 1, d.endLine - 1, d.endColumn - 1);
  const editor = await vscode.window.showTextDocument(host.files.uri(d.transcript), {
    viewColumn: vscode.ViewColumn.One,
    selection,
  });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
