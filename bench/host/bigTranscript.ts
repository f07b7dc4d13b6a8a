// The 1 MB transcript with 5,000 annotations that the host benchmark decorates and types in.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { captureAnchor } from '../../src/core/anchoring/capture';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { renderSidecar } from '../../src/core/sidecar/render';
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
export const BIG_TRANSCRIPT = 'transcripts/stor-K1.txt';

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

/**
 * Writes the big transcript and its sidecar into the project unless they are there, and opens it once qcode has
 * anchored all its annotations.
 */
export async function openBigTranscript(
  api: QcodeTestApi,
): Promise<{ editor: vscode.TextEditor; annotations: number }> {
  const uri = workspaceUri(BIG_TRANSCRIPT);
  const { text, annotations } = bigTranscript();
  if (!existsSync(uri.fsPath) || !existsSync(`${uri.fsPath}.annotations.yaml`)) {
    await writeText(`${BIG_TRANSCRIPT}.annotations.yaml`, renderSidecar('stor-K1.txt', annotations));
    await writeText(BIG_TRANSCRIPT, text);
    await vscode.commands.executeCommand('qcode.refresh');
  }
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await eventually(
    'the big transcript to load',
    () => (api.annotationCount(editor.document) === annotations.length ? true : undefined),
    120000,
  );
  return { editor, annotations: annotations.length };
}
