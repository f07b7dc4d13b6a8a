import * as vscode from 'vscode';
import type { Informant } from '../../../core/informants/registry';
import type { ResolvedAnnotation } from '../../../core/project/model';
import type { ProjectHost } from '../../shared/host/projectHost';
import { passageItem } from '../annotations/passageItem';

type Node =
  { kind: 'informant'; informant: Informant } | { kind: 'passage'; resolved: ResolvedAnnotation; parent: Informant };

/** The informant registry with attributes and counts; each informant expands to their tagged passages. */
export function register(context: vscode.ExtensionContext, host: ProjectHost): void {
  const provider = new InformantsProvider(host);
  context.subscriptions.push(
    vscode.window.createTreeView('qcode.informants', { treeDataProvider: provider, showCollapseAll: true }),
    host.onDidChange(() => provider.refresh()),
  );
}

class InformantsProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly host: ProjectHost) {}

  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    const loaded = this.host.current;
    if (!loaded) return [];
    if (!node) return loaded.project.informants.informants.map((informant) => ({ kind: 'informant', informant }));
    if (node.kind === 'passage') return [];
    return loaded.index
      .byInformant(node.informant.code)
      .map((resolved) => ({ kind: 'passage', resolved, parent: node.informant }));
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'passage' ? { kind: 'informant', informant: node.parent } : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'passage') return passageItem(this.host, node.resolved);
    const count = this.host.current?.index.byInformant(node.informant.code).length ?? 0;
    const attributes = Object.entries(node.informant.attributes);
    const item = new vscode.TreeItem(
      node.informant.code,
      count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = `${attributes
      .map(([, v]) => String(v))
      .slice(0, 3)
      .join(', ')} · ${count}`;
    item.tooltip = new vscode.MarkdownString(attributes.map(([k, v]) => `- ${k}: ${String(v)}`).join('\n'));
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = 'informant';
    return item;
  }
}
