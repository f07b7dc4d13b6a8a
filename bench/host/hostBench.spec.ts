// Measures qcode inside the real extension host: activation, and repainting the decorations of a
// 1 MB transcript with 5,000 annotations. Writes its figures to $QCODE_HOST_BENCH_OUT.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { captureAnchor } from '../../src/core/anchoring/capture';
import { renderSidecar } from '../../src/core/sidecar/render';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { TranscriptText } from '../../src/core/text/transcriptText';
import type { QcodeTestApi } from '../../src/extension/extension';
import { eventually, workspaceUri, writeText } from '../../test/integration/helpers';

const SENTENCES = [
  'Det er mye møter på én uke.',
  'Hun har en kalender for meg, nesten.',
  'Vi strekker oss, og folk blir igjen etter arbeidstid.',
  'Så på mandag vet ingen at det har skjedd noe.',
  'Det handler om hvem du kjenner på NAV.',
];
const PATH = 'transcripts/stor-K1.txt';

function bigTranscript(): { text: string; annotations: Annotation[] } {
  const paragraphs: string[] = [];
  for (let i = 0, size = 0; size < 1_000_000; i++) {
    const speaker = i % 2 === 0 ? 'I' : 'K1';
    const body = Array.from({ length: 6 }, (_, k) => `${SENTENCES[(i + k) % SENTENCES.length]} (${i}.${k})`).join(' ');
    paragraphs.push(`${speaker}: ${body}`);
    size += body.length + 6;
  }
  const text = paragraphs.join('\n\n') + '\n';
  const doc = new TranscriptText(text);
  const annotations: Annotation[] = [];
  const step = Math.floor(text.length / 5000);
  for (let n = 0; n < 5000; n++) {
    const start = n * step;
    const anchor = captureAnchor(doc, start, start + 60);
    annotations.push({
      id: `b${n.toString(32).padStart(7, '0')}`,
      concepts: [n % 2 ? 'koordinator.fallskjerm' : 'samordning.formell'],
      ...anchor,
    });
  }
  return { text, annotations };
}

describe('qcode in the real extension host (benchmark)', () => {
  it('activates and repaints a 1 MB transcript with 5,000 annotations', async function () {
    this.timeout(180000);
    const extension = vscode.extensions.getExtension<QcodeTestApi>('qcode.qcode');
    const api = await extension?.activate();
    assert.ok(api, 'no qcode API');
    const { text, annotations } = bigTranscript();
    await writeText(`${PATH}.annotations.yaml`, renderSidecar('stor-K1.txt', annotations));
    await writeText(PATH, text);
    await vscode.commands.executeCommand('qcode.refresh');
    const editor = await vscode.window.showTextDocument(workspaceUri(PATH));
    await eventually(
      'the big transcript to load',
      () => (api.annotationCount(editor.document) === annotations.length ? true : undefined),
      120000,
    );
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
        transcriptBytes: text.length,
        annotations: annotations.length,
        medianMs: times[10],
        maxMs: times[times.length - 1],
        afterEditMedianMs: afterEdit[5],
        afterEditMaxMs: afterEdit[afterEdit.length - 1],
      },
      vscode: vscode.version,
      measured: new Date().toISOString(),
    };
    console.log(JSON.stringify(figures));
    if (process.env.QCODE_HOST_BENCH_OUT)
      writeFileSync(process.env.QCODE_HOST_BENCH_OUT, JSON.stringify(figures, null, 2));
    assert.ok((times[10] ?? Infinity) < 1000);
  });
});
