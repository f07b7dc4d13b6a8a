import * as vscode from 'vscode';
import { oneLine } from '../../../core/text/oneLine';
import { findConflicts, sideText, type ConflictBlock, type ConflictSide } from '../../../core/yaml/conflicts';
import { t } from '../../shared/l10n/displayLanguage';

const YAML_FILES: vscode.DocumentSelector = { pattern: '**/*.yaml' };

/** Merge conflicts left in sidecars, the codebook or the registry: quick fixes and a command that take either side. */
export function register(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(YAML_FILES, new ConflictFixes(), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.commands.registerCommand('qcode.resolveConflicts', (uri?: vscode.Uri, side?: ConflictSide) =>
      resolveConflicts(uri, side),
    ),
  );
}

class ConflictFixes implements vscode.CodeActionProvider {
  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const block = findConflicts(document.getText()).find(
      (b) => b.startLine <= range.end.line && range.start.line <= b.endLine,
    );
    if (!block) return [];
    const diagnostics = context.diagnostics.filter(
      (d) => d.source === 'qcode' && d.range.start.line >= block.startLine && d.range.start.line <= block.endLine,
    );
    return sides(block).map(({ side, title }) => {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, blockRange(block), sideText(block, side));
      action.diagnostics = diagnostics;
      return action;
    });
  }
}

function sides(block: ConflictBlock): { side: ConflictSide; title: string }[] {
  return [
    { side: 'ours', title: t('Take ours ({0})', block.oursLabel || 'HEAD') },
    { side: 'theirs', title: t('Take theirs ({0})', block.theirsLabel || t('incoming')) },
    { side: 'both', title: t('Keep both') },
  ];
}

/**
 * Walks the conflicts of a file, asking which side to take for each (or taking `side` for all),
 * then saves it so that qcode reads the file again.
 */
async function resolveConflicts(uri: vscode.Uri | undefined, side: ConflictSide | undefined): Promise<number> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) return 0;
  const document = await vscode.workspace.openTextDocument(target);
  const blocks = findConflicts(document.getText());
  if (blocks.length === 0) {
    void vscode.window.showInformationMessage(
      t('{0} has no merge conflicts.', vscode.workspace.asRelativePath(target)),
    );
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const [index, block] of blocks.entries()) {
    const chosen = side ?? (await askSide(block, index, blocks.length));
    if (!chosen) return 0;
    edit.replace(target, blockRange(block), sideText(block, chosen));
  }
  if (!(await vscode.workspace.applyEdit(edit))) return 0;
  await document.save();
  return blocks.length;
}

async function askSide(block: ConflictBlock, index: number, count: number): Promise<ConflictSide | undefined> {
  const items = sides(block).map(({ side, title }) => ({
    label: title,
    detail: oneLine(sideText(block, side), 200) || t('(nothing: this side removed it)'),
    side,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Merge conflict {0} of {1}: {2}', index + 1, count, block.ids.join(', ')),
    ignoreFocusOut: true,
  });
  return picked?.side;
}

function blockRange(block: ConflictBlock): vscode.Range {
  return new vscode.Range(block.startLine, 0, block.endLine + 1, 0);
}
