// The host benchmark's trivial extension: what code-server alone costs until an extension's tree
// view shows its item, and until a command picked from the palette has written a file, measured
// in the same way as qcode. See bench/host/run.js.
const vscode = require('vscode');
const { TextEncoder } = require('node:util');

function activate(context) {
  const tree = {
    getChildren: (element) => (element ? [] : ['Baseline ready']),
    getTreeItem: (label) => new vscode.TreeItem(label),
  };
  context.subscriptions.push(
    vscode.window.createTreeView('baseline.view', { treeDataProvider: tree }),
    vscode.commands.registerCommand('baseline.writeSelection', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const picked = await vscode.window.showQuickPick([{ label: 'Baseline concept' }], { title: 'Baseline', canPickMany: true });
      if (!picked?.length) return;
      const uri = editor.document.uri.with({ path: `${editor.document.uri.path}.baseline.yaml` });
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`quote: ${JSON.stringify(editor.document.getText(editor.selection))}\n`));
    }),
  );
}

module.exports = { activate, deactivate() {} };
