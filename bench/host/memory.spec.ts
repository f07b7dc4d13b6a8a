// The extension host's memory with the project of 500 transcripts / 50,000 annotations loaded and a transcript open.
// run.js runs this spec in two windows on copies of the same project, with the same steps: one with qcode, one with
// the trivial baseline extension in its place (no qcode), and takes the difference. In each, after the steps, a full
// garbage collection is forced and the resident set size (RSS) of the extension host process is sampled five times,
// 200 ms apart; the median counts. The spec runs before the others, so nothing else has been opened yet.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import * as vscode from 'vscode';
import type { QcodeTestApi } from '../../src/extension/extension';
import { workspaceUri } from '../../test/integration/helpers';
import { loadedQcode, openTranscript, recordFigures, sleep } from './benchSupport';

const TRANSCRIPT = 'transcripts/intervju-0001-K1.txt';
const MB = 1024 * 1024;

/** Node's full garbage collection, which the extension host does not expose. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('extension host memory (benchmark)', () => {
  it('with the project loaded and a transcript open', async function () {
    this.timeout(600000);
    const withQcode = vscode.extensions.getExtension<QcodeTestApi>('qcode.qcode') !== undefined;
    if (withQcode) await openTranscript(await loadedQcode(), workspaceUri(TRANSCRIPT));
    else await vscode.window.showTextDocument(workspaceUri(TRANSCRIPT), { preview: false });
    await sleep(3000);
    collectGarbage();
    await sleep(1000);
    const samples: NodeJS.MemoryUsage[] = [];
    for (let i = 0; i < 5; i++, await sleep(200)) samples.push(process.memoryUsage());
    const median = (key: 'rss' | 'heapUsed') =>
      Math.round(((samples.map((s) => s[key]).sort((a, b) => a - b)[2] ?? NaN) / MB) * 10) / 10;
    recordFigures({ memory: { withQcode, rssMB: median('rss'), heapUsedMB: median('heapUsed') } });
  });
});
