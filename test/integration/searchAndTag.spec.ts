// Runs inside the real VS Code extension host (code-server), against a fresh copy of sample-project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SearchAndTagOutcome } from '../../src/extension/features/search';
import { activated, readText } from './helpers';

const SIDECARS = [
  'transcripts/fokusgruppe-ansatte.txt.annotations.yaml',
  'transcripts/interview-M2-en.txt.annotations.yaml',
  'transcripts/intervju-K1.txt.annotations.yaml',
  'transcripts/intervju-K2.txt.annotations.yaml',
  'transcripts/intervju-K3.txt.annotations.yaml',
  'transcripts/intervju-L5.txt.annotations.yaml',
  'transcripts/intervju-M1.txt.annotations.yaml',
];

function entries(sidecar: string): string[] {
  return sidecar
    .split(/\n(?= {2}- id: )/)
    .slice(1)
    .map((entry) => entry.replace(/\n+$/, ''));
}

/** The annotations a sidecar gained, as "quote (informant)"; each must be tagged informasjon by the tester. */
function gained(original: string, now: string): string[] {
  const old = new Set(entries(original));
  return entries(now)
    .filter((entry) => !old.has(entry))
    .map((entry) => {
      assert.match(entry, /\n {4}concepts: \[informasjon\]\n/);
      assert.match(entry, /\n {4}coder: tester\n/);
      return `${/\n {4}quote: (.*)/.exec(entry)?.[1]} (${/\n {4}informant: (.*)/.exec(entry)?.[1] ?? '-'})`;
    });
}

describe('search and tag in a real VS Code', () => {
  before(activated);

  it("tags whole words in informants' turns in one step, skips those already coded, and Undo Coding takes them all back", async () => {
    const originals = await Promise.all(SIDECARS.map(readText));
    const outcome = await vscode.commands.executeCommand<SearchAndTagOutcome>('qcode.searchAndTag', {
      pattern: 'legevakt',
      concepts: ['informasjon'],
    });
    assert.deepEqual(outcome, { tagged: 2, skipped: 2, unticked: 1 });
    const tagged = await Promise.all(SIDECARS.map(readText));
    assert.deepEqual(
      SIDECARS.map((_, i) => gained(originals[i] ?? '', tagged[i] ?? '')),
      [[], [], [], [], ['legevakten (K3)', 'legevakten (K3)'], [], []],
    );
    assert.match(tagged[4] ?? '', /range: 29:11-29:21\n {4}quote: legevakten\n {4}before: "[^"]*K3: Ringe "\n/);

    const again = await vscode.commands.executeCommand<SearchAndTagOutcome>('qcode.searchAndTag', {
      pattern: 'legevakt',
      concepts: ['informasjon'],
      allSpeakers: true,
    });
    assert.deepEqual(again, { tagged: 1, skipped: 4, unticked: 0 });
    assert.deepEqual(gained(originals[0] ?? '', await readText(SIDECARS[0]!)), ['legevakten (-)']);

    await vscode.commands.executeCommand('qcode.undoCoding');
    await vscode.commands.executeCommand('qcode.undoCoding');
    assert.deepEqual(await Promise.all(SIDECARS.map(readText)), originals);
  });

  it("tags the sentences of the hits, each once, and leaves the interviewer's unticked", async () => {
    const originals = await Promise.all(SIDECARS.map(readText));
    const outcome = await vscode.commands.executeCommand<SearchAndTagOutcome>('qcode.searchAndTag', {
      pattern: 'legevakt',
      unit: 'sentence',
      concepts: ['informasjon'],
    });
    assert.deepEqual(outcome, { tagged: 2, skipped: 2, unticked: 1 });
    const k3 = await readText(SIDECARS[4]!);
    assert.deepEqual(gained(originals[4] ?? '', k3), [
      'Ringe legevakten, sier de. (K3)',
      'Men legevakten kjenner meg ikke. (K3)',
    ]);
    assert.match(k3, /range: 29:5-29:31\n {4}quote: Ringe legevakten, sier de\.\n/);
    assert.match(k3, /range: 29:32-29:64\n {4}quote: Men legevakten kjenner meg ikke\.\n/);
    await vscode.commands.executeCommand('qcode.undoCoding');
    assert.deepEqual(await Promise.all(SIDECARS.map(readText)), originals);
  });

  it('says why and tags nothing for a unit it does not know', async () => {
    const originals = await Promise.all(SIDECARS.map(readText));
    const outcome = await vscode.commands.executeCommand('qcode.searchAndTag', {
      pattern: 'legevakt',
      unit: 'paragraph',
      concepts: ['informasjon'],
    });
    assert.equal(outcome, undefined);
    assert.deepEqual(await Promise.all(SIDECARS.map(readText)), originals);
  });

  it('tags whole turns of an informant given as argument, and one undo removes them', async () => {
    const originals = await Promise.all(SIDECARS.map(readText));
    const outcome = await vscode.commands.executeCommand<SearchAndTagOutcome>('qcode.searchAndTag', {
      informant: 'L5',
      concepts: ['informasjon'],
    });
    assert.deepEqual(outcome, { tagged: 6, skipped: 0, unticked: 0 });
    const l5 = await readText('transcripts/intervju-L5.txt.annotations.yaml');
    const wholeTurns = [
      ...l5.matchAll(/concepts: \[informasjon\]\n {4}informant: L5\n {4}range: (\d+):5-\d+:\d+\n {4}quote: (.*)/g),
    ];
    assert.deepEqual(
      wholeTurns.map((m) => m[1]),
      ['8', '12', '16', '21', '25', '29'],
    );
    assert.equal(
      wholeTurns[5]?.[2],
      'Vi strekker oss. Folk blir igjen etter arbeidstid, de bytter vakter. Det er ikke bærekraftig, men det er det vi har.',
    );
    await vscode.commands.executeCommand('qcode.undoCoding');
    assert.deepEqual(await Promise.all(SIDECARS.map(readText)), originals);
  });
});
