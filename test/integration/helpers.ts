import * as vscode from 'vscode';

export function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

export async function readText(path: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(path)));
}

export async function writeText(path: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceUri(path), new TextEncoder().encode(text));
}

/**
 * Polls until `check` returns a value other than undefined, or fails after `ms`. A check that
 * throws counts as not yet: a sidecar being replaced is briefly absent (workspace.fs renames over
 * a file by deleting it first).
 */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  ms = 10000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    const value = await Promise.resolve()
      .then(check)
      .catch((error: unknown) => void (lastError = error));
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function activated(): Promise<void> {
  const extension = vscode.extensions.getExtension('qcode.qcode');
  if (!extension) throw new Error('qcode is not loaded');
  await extension.activate();
  await vscode.workspace.getConfiguration('qcode').update('coder', 'tester', vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('qcode.refresh');
}

/** Opens a transcript and selects the first occurrence of `passage`. */
export async function selectPassage(path: string, passage: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(workspaceUri(path));
  const offset = editor.document.getText().indexOf(passage);
  if (offset < 0) throw new Error(`"${passage}" is not in ${path}`);
  editor.selection = new vscode.Selection(
    editor.document.positionAt(offset),
    editor.document.positionAt(offset + passage.length),
  );
  return editor;
}

export function diagnosticCodes(path: string): string[] {
  return vscode.languages
    .getDiagnostics(workspaceUri(path))
    .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
}
