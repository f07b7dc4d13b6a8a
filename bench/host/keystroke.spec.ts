// Keystroke -> qcode has set the editor's decorations for it, in the 1 MB transcript with 5,000 annotations: 50
// characters typed one at a time at places spread over the transcript, each place scrolled into view first, as a
// researcher types where they look. Timed from the edit (editor.edit, which goes to the window and back, as a
// keystroke goes from the window to the extension host) until qcode's paint for the new text, so any waiting qcode
// does before it paints counts.
import * as vscode from 'vscode';
import { openBigTranscript } from './bigTranscript';
import { loadedQcode, now, paintedWhen, percentiles, recordFigures, sleep } from './benchSupport';

const KEYSTROKES = 50;

describe('typing in a 1 MB transcript with 5,000 annotations (benchmark)', () => {
  it('decorates after each of 50 keystrokes', async function () {
    this.timeout(600000);
    const api = await loadedQcode();
    const { editor, annotations } = await openBigTranscript(api);
    const document = editor.document;
    const transcriptBytes = document.getText().length;
    const times = { painted: [] as number[], edit: [] as number[] };
    for (let n = 0; n < KEYSTROKES; n++) {
      const line = Math.floor(((n + 0.5) / KEYSTROKES) * (document.lineCount - 1));
      const place = new vscode.Position(line, Math.min(document.lineAt(line).text.length, 20 + ((n * 37) % 200)));
      editor.selection = new vscode.Selection(place, place);
      editor.revealRange(new vscode.Range(place, place), vscode.TextEditorRevealType.InCenter);
      await sleep(300);
      const version = document.version;
      const started = now();
      const painted = paintedWhen(api, editor, () => document.version > version, 10000);
      await editor.edit((edit) => edit.insert(place, String.fromCharCode(97 + (n % 26))));
      times.edit.push(now() - started);
      times.painted.push((await painted) - started);
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    recordFigures({
      keystroke: {
        transcriptBytes,
        annotations,
        keystrokes: KEYSTROKES,
        decoratedMs: percentiles(times.painted),
        editRoundTripMs: percentiles(times.edit),
      },
    });
  });
});
