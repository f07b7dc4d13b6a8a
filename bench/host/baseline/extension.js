// The host benchmark's trivial extension: what code-server alone costs until an extension's tree
// view shows its item, and until a command picked from the palette has written a file, measured
// in the same way as qcode. See bench/host/run.js.
const vscode = require('vscode');
const { TextEncoder } = require('node:util');

/**
 * A many-choice picker that behaves as qcode's concept picker does for the benchmark's steps:
 * typing highlights the first item whose label holds the text, and Enter with nothing ticked takes
 * the highlighted item.
 */
function pickOne(labels) {
  const pick = vscode.window.createQuickPick();
  Object.assign(pick, { title: 'Baseline', items: labels.map((label) => ({ label })), canSelectMany: true });
  return new Promise((resolve) => {
    let accepted;
    pick.onDidChangeValue((value) => {
      const found = pick.items.find(
        (item) => value.trim() && item.label.toLowerCase().includes(value.trim().toLowerCase()),
      );
      pick.activeItems = found ? [found] : [];
    });
    pick.onDidAccept(() => {
      accepted = pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems.slice(0, 1);
      if (accepted.length > 0) pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(accepted?.length ? accepted : undefined);
    });
    pick.show();
  });
}

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
      const picked = await pickOne(['Baseline concept']);
      if (!picked) return;
      const uri = editor.document.uri.with({ path: `${editor.document.uri.path}.baseline.yaml` });
      await vscode.workspace.fs.writeFile(
        uri,
        new TextEncoder().encode(`quote: ${JSON.stringify(editor.document.getText(editor.selection))}\n`),
      );
    }),
  );
}

module.exports = { activate, deactivate() {} };
