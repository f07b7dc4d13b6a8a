// Chapters that cite passages, in the real extension host: completion, hover, Go to Definition,
// the Markdown preview's plugin and the Problems panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ResolvedAnnotation } from '../../src/core/project/model';
import { passageDrag, passageDrop } from '../../src/extension/features/chapters/passageDrag';
import { activated, eventually, readText, workspaceUri, writeText } from './helpers';

const CHAPTER = 'chapters/utkast.md';
const K2_QUOTE = 'Hun vet hvordan systemet fungerer, hvem hun skal ringe, hvilke skjema som må fylles ut.';
const SOURCE = `# Utkast

K2 sier {{q:6adhh8nj}} om koordinatoren.

{{q:6adhh8nj}}

Se {{q:
`;

function positionAfter(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = document.getText().indexOf(text, offset + 1);
  assert.ok(offset >= 0, `"${text}" is not in the chapter`);
  return document.positionAt(offset + text.length);
}

function emptyLine(document: vscode.TextDocument): vscode.Position {
  for (let line = 0; line < document.lineCount; line++)
    if (document.lineAt(line).isEmptyOrWhitespace) return new vscode.Position(line, 0);
  throw new Error('the chapter has no empty line');
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('chapters in a real VS Code', () => {
  let document: vscode.TextDocument;
  // The chapter cites passages that later specs remove: it goes, so they are not asked to confirm.
  after(async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(workspaceUri(CHAPTER));
  });
  before(async () => {
    await activated();
    await writeText(CHAPTER, SOURCE);
    document = await vscode.workspace.openTextDocument(workspaceUri(CHAPTER));
    await vscode.window.showTextDocument(document);
  });

  it("completes annotation ids after {{q: with the quote's start, informant and concepts, and concept ids after {{concept:", async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      positionAfter(document, 'Se {{q:'),
    );
    const k2 = list.items.find((item) => item.insertText === '6adhh8nj}}');
    assert.ok(k2, `no item inserts 6adhh8nj among ${list.items.length}`);
    const label = k2.label as vscode.CompletionItemLabel;
    assert.ok(K2_QUOTE.startsWith(label.label.replace(/…$/, '')), label.label);
    assert.match(label.description ?? '', /^K2 · /);
    assert.ok(String(k2.filterText).includes('koordinator.doraapner'), 'filters on concept ids too');
    const ordered = [...list.items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.ok(ordered.length > 20, `${ordered.length} passages offered`);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, positionAfter(document, 'Se {{q:'), '}}\n\n{{concept:');
    await vscode.workspace.applyEdit(edit);
    const concepts = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      positionAfter(document, '{{concept:'),
    );
    assert.ok(
      concepts.items.some((item) => item.insertText === 'koordinator.doraapner}}'),
      concepts.items.map((i) => String(i.insertText)).join(', '),
    );
  });

  it('shows the full quote, informant, concepts and a link to the passage on hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionAfter(document, '{{q:6adh'),
    );
    const text = hoverText(hovers).replace(/\\(.)/g, '$1');
    assert.ok(text.includes(K2_QUOTE), text);
    assert.match(text, /K2 · /);
    assert.match(text, /command:qcode\.openPassage\?/);
  });

  it('shows the concept and how many passages a concept list holds on hover', async () => {
    const chapter = await vscode.workspace.openTextDocument(workspaceUri('chapters/kapittel-5.md'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      chapter.uri,
      positionAfter(chapter, '{{concept:koord'),
    );
    const text = hoverText(hovers).replace(/\\(.)/g, '$1');
    assert.match(text, /\*\*Døråpneren\*\*/);
    assert.match(text, /5 passage\(s\) listed here now/);
  });

  it('inserts the reference of the passage picked in Insert Quote… at the cursor', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const at = positionAfter(document, 'om koordinatoren.');
    editor.selection = new vscode.Selection(at, at);
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showQuickPick;
    let offered: { description?: string; detail?: string }[] = [];
    window.showQuickPick = async (items: { description?: string; detail?: string }[]) => {
      offered = items;
      return items.find((item) => item.description === 'pgtqbp19');
    };
    try {
      await vscode.commands.executeCommand('qcode.insertQuote');
    } finally {
      window.showQuickPick = original;
    }
    assert.ok(offered.length > 20, `${offered.length} passages offered`);
    assert.ok(document.getText().includes('om koordinatoren.{{q:pgtqbp19}}'), document.getText());
  });

  it('goes to the passage in its transcript', async () => {
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionAfter(document, '{{q:6adh', 1),
    );
    const location = found[0] as vscode.Location;
    assert.ok(location.uri.path.endsWith('transcripts/intervju-K2.txt'), location.uri.toString());
    const transcript = await vscode.workspace.openTextDocument(location.uri);
    assert.equal(transcript.getText(location.range), K2_QUOTE);
  });

  it('renders the current quotes in the Markdown preview and marks a broken reference', async () => {
    const html = await vscode.commands.executeCommand<string>(
      'markdown.api.render',
      'Hun sa {{q:6adhh8nj}}.\n\n{{q:6adhh8nj}}\n\nOg {{q:zzzzzzzz}}.\n',
    );
    assert.ok(html.includes(`Hun sa \u201c${K2_QUOTE}\u201d (K2).`), html);
    assert.match(
      html,
      new RegExp(`<blockquote[^>]*>\\s*<p[^>]*>${K2_QUOTE.replace(/[.]/g, '\\.')} \\(K2\\)</p>\\s*</blockquote>`),
    );
    assert.match(
      html,
      /<mark class="qcode-broken-reference" title="No annotation has the id &quot;zzzzzzzz&quot;[^"]*">⚠ \{\{q:zzzzzzzz\}\}<\/mark>/,
    );
  });

  it('shows broken references in Problems as the chapter is typed', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), 'Feil: {{q:zzzzzzzz}}\n');
    await vscode.workspace.applyEdit(edit);
    const problem = await eventually('the unknown id in Problems', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'unknown-annotation'),
    );
    assert.deepEqual([problem.range.start.line, problem.range.start.character], [0, 6]);
    const fix = new vscode.WorkspaceEdit();
    fix.replace(document.uri, new vscode.Range(0, 10, 0, 18), '6adhh8nj');
    await vscode.workspace.applyEdit(fix);
    await eventually('the problem gone', () =>
      vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'unknown-annotation') ? undefined : true,
    );
  });

  it('finds the chapters that cite a passage from its transcript', async () => {
    const transcript = await vscode.workspace.openTextDocument(workspaceUri('transcripts/intervju-K2.txt'));
    const inPassage = transcript.positionAt(transcript.getText().indexOf(K2_QUOTE) + 5);
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      transcript.uri,
      inPassage,
    );
    const places = found
      .map((l) => `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line + 1}:${l.range.start.character + 1}`)
      .sort();
    assert.ok(places.includes('chapters/kapittel-5.md:8:1'), places.join(', '));
    assert.ok(
      places.some((p) => p.startsWith('chapters/utkast.md:')),
      places.join(', '),
    );
  });

  it('makes a reference of a passage dragged from the Annotations view and dropped in a chapter', async () => {
    const dragged = new vscode.DataTransfer();
    const passage = { annotation: { id: '6adhh8nj', concepts: [], quote: K2_QUOTE } } as unknown as ResolvedAnnotation;
    await passageDrag.handleDrag?.([passage], dragged, new vscode.CancellationTokenSource().token);
    const token = new vscode.CancellationTokenSource().token;
    const twoDragged = new vscode.DataTransfer();
    await passageDrag.handleDrag?.(
      [passage, { annotation: { id: 'pgtqbp19' } } as unknown as ResolvedAnnotation],
      twoDragged,
      new vscode.CancellationTokenSource().token,
    );
    const onEmptyLine = await passageDrop.provideDocumentDropEdits(document, emptyLine(document), twoDragged, token);
    assert.equal(
      (onEmptyLine as vscode.DocumentDropEdit).insertText,
      '{{q:6adhh8nj}}\n\n{{q:pgtqbp19}}',
      'block quotes, each alone on its line',
    );
    const inSentence = await passageDrop.provideDocumentDropEdits(
      document,
      positionAfter(document, 'K2 sier'),
      dragged,
      token,
    );
    assert.equal((inSentence as vscode.DocumentDropEdit).insertText, '{{q:6adhh8nj}}');
    assert.equal(
      await dragged.get('text/plain')?.asString(),
      '{{q:6adhh8nj}}',
      'any editor gets the reference as text',
    );
  });

  it('makes a concept list of a concept dragged from the Codebook view', async () => {
    const dragged = new vscode.DataTransfer();
    dragged.set('application/vnd.code.tree.qcode.codebook', new vscode.DataTransferItem(['koordinator.doraapner']));
    const token = new vscode.CancellationTokenSource().token;
    const onEmptyLine = await passageDrop.provideDocumentDropEdits(document, emptyLine(document), dragged, token);
    assert.equal((onEmptyLine as vscode.DocumentDropEdit).insertText, '{{concept:koordinator.doraapner}}');
    const inSentence = await passageDrop.provideDocumentDropEdits(
      document,
      positionAfter(document, 'K2 sier'),
      dragged,
      token,
    );
    assert.equal((inSentence as vscode.DocumentDropEdit).insertText, '\n\n{{concept:koordinator.doraapner}}\n\n');
  });

  it('warns with the chapters that cite a passage before removing it, and keeps it when the warning is declined', async () => {
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showWarningMessage;
    const warnings: string[] = [];
    window.showWarningMessage = async (message: string) => void warnings.push(message);
    try {
      await vscode.commands.executeCommand('qcode.removeAnnotation', {
        transcript: 'transcripts/intervju-K2.txt',
        id: '6adhh8nj',
      });
    } finally {
      window.showWarningMessage = original;
    }
    assert.equal(warnings.length, 1, 'one warning');
    assert.match(warnings[0] ?? '', /chapters\/kapittel-5\.md:8/);
    assert.match(
      await readText('transcripts/intervju-K2.txt.annotations.yaml'),
      /id: 6adhh8nj/,
      'the cited annotation is kept',
    );
  });

  it("shows a chapter's broken reference in Problems when the coding changes, and clears it when the change is undone", async () => {
    const chapter = workspaceUri('chapters/kapittel-5.md');
    const codes = () =>
      vscode.languages
        .getDiagnostics(chapter)
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);
    assert.deepEqual(codes(), [], 'the sample chapter starts clean');
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showWarningMessage;
    window.showWarningMessage = async (_message: string, _options: unknown, action: string) => action;
    try {
      await vscode.commands.executeCommand('qcode.removeAnnotation', {
        transcript: 'transcripts/intervju-K2.txt',
        id: '6adhh8nj',
      });
    } finally {
      window.showWarningMessage = original;
    }
    await eventually('the removed passage in Problems', () =>
      codes().includes('8:1 unknown-annotation') ? true : undefined,
    );
    await vscode.commands.executeCommand('qcode.undoCoding');
    await eventually('the problem gone after Undo', () => (codes().length === 0 ? true : undefined));
  });
});
