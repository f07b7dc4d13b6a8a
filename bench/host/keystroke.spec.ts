// Keystroke -> qcode has set the editor's decorations for it, in the 1 MB transcript with 5,000 annotations: 50
// characters typed one at a time at places spread over the transcript, each place scrolled into view first, as a
// researcher types where they look. Timed from the edit (editor.edit, which goes to the window and back, as a
// keystroke goes from the window to the extension host) until qcode's paint for the new text, so any waiting qcode
// does before it paints counts. Beside it, to tell qcode's share from the editor's: how long the edits themselves take
// to come back, in the transcript and in a copy of its text that is no transcript (nothing of qcode's listens to it),
// and how long qcode's paint after a keystroke takes by itself.
import * as vscode from 'vscode';
import { workspaceUri, writeText } from '../../test/integration/helpers';
import { openBigTranscript } from './bigTranscript';
import { loadedQcode, now, paintedWhen, percentiles, recordFigures, sleep } from './benchSupport';

const KEYSTROKES = 50;

/** Types a character at each of KEYSTROKES places, each scrolled into view first, through `timed`. */
async function typeAcross(
  editor: vscode.TextEditor,
  timed: (type: () => Thenable<boolean>) => Promise<void>,
): Promise<void> {
  const { document } = editor;
  for (let n = 0; n < KEYSTROKES; n++) {
    const line = Math.floor(((n + 0.5) / KEYSTROKES) * (document.lineCount - 1));
    const place = new vscode.Position(line, Math.min(document.lineAt(line).text.length, 20 + ((n * 37) % 200)));
    editor.selection = new vscode.Selection(place, place);
    editor.revealRange(new vscode.Range(place, place), vscode.TextEditorRevealType.InCenter);
    await sleep(300);
    await timed(() => editor.edit((edit) => edit.insert(place, String.fromCharCode(97 + (n % 26)))));
  }
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

describe('typing in a 1 MB transcript with 5,000 annotations (benchmark)', () => {
  it('decorates after each of 50 keystrokes', async function () {
    this.timeout(600000);
    const api = await loadedQcode();
    const { editor, annotations } = await openBigTranscript(api);
    const text = editor.document.getText();
    const times = { painted: [] as number[], edit: [] as number[], paint: [] as number[], plain: [] as number[] };
    await typeAcross(editor, async (type) => {
      const version = editor.document.version;
      const painted = paintedWhen(api, editor, () => editor.document.version > version, 10000);
      const started = now();
      await type();
      times.edit.push(now() - started);
      times.painted.push((await painted) - started);
      times.paint.push(api.repaint(editor, true));
    });
    await writeText('plain-1mb.txt', text);
    const plain = await vscode.window.showTextDocument(workspaceUri('plain-1mb.txt'), { preview: false });
    await typeAcross(plain, async (type) => {
      const started = now();
      await type();
      times.plain.push(now() - started);
    });
    recordFigures({
      keystroke: {
        transcriptBytes: text.length,
        annotations,
        keystrokes: KEYSTROKES,
        decoratedMs: percentiles(times.painted),
        editRoundTripMs: percentiles(times.edit),
        plainFileEditRoundTripMs: percentiles(times.plain),
        qcodePaintMs: percentiles(times.paint),
      },
    });
  });
});
