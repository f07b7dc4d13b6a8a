// Measures qcode inside the real extension host: activation, and repainting the decorations of a
// 1 MB transcript with 5,000 annotations. Writes its figures to $QCODE_HOST_BENCH_OUT.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QcodeTestApi } from '../../src/extension/extension';
import { openBigTranscript } from './bigTranscript';
import { recordFigures } from './benchSupport';

describe('qcode in the real extension host (benchmark)', () => {
  it('activates and repaints a 1 MB transcript with 5,000 annotations', async function () {
    this.timeout(180000);
    const extension = vscode.extensions.getExtension<QcodeTestApi>('qcode.qcode');
    const api = await extension?.activate();
    assert.ok(api, 'no qcode API');
    const { editor, annotations } = await openBigTranscript(api);
    const times = Array.from({ length: 20 }, () => api.repaint(editor)).sort((a, b) => a - b);
    const afterEdit: number[] = [];
    for (let n = 0; n < 10; n++) {
      await editor.edit((edit) => edit.insert(new vscode.Position(n * 10, 0), 'x'));
      afterEdit.push(api.repaint(editor));
    }
    afterEdit.sort((a, b) => a - b);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const figures = {
      activationMs: api.activationMs,
      decorationRefresh: {
        transcriptBytes: editor.document.getText().length,
        annotations,
        medianMs: times[10],
        maxMs: times[times.length - 1],
        afterEditMedianMs: afterEdit[5],
        afterEditMaxMs: afterEdit[afterEdit.length - 1],
      },
      vscode: vscode.version,
      measured: new Date().toISOString(),
    };
    recordFigures(figures);
    assert.ok((times[10] ?? Infinity) < 1000);
  });
});
