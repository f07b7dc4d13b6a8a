import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkJson, qcode, read, scratchProject } from './cliHarness';

const FIXTURES = join(__dirname, '..', 'fixtures', 'transcripts');

function sourceFile(name: string): string {
  const path = join(scratchProject(null), name);
  copyFileSync(join(FIXTURES, name), path);
  return path;
}

describe('qcode import of transcripts', () => {
  it('writes transcripts in qcode form, maps speakers, registers informants, and check accepts the project', async () => {
    const into = scratchProject();
    const result = await qcode(
      'import',
      sourceFile('zoom.vtt'),
      sourceFile('teams.vtt'),
      '--into',
      into,
      '--speaker',
      'Maria Hansen Berg=I',
      '--speaker',
      'Kari Nordmann=K4',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /zoom\.vtt \(webvtt, speaker labels\) -> transcripts\/zoom\.txt/);
    assert.match(result.stdout, /I {4}Maria Hansen Berg \(also Maria\): "Takk for at du ville være med\./);
    assert.match(
      read(into, 'transcripts/teams.txt'),
      /^\[00:00:03\]\nI: Da begynner vi\. Hører du meg\?\n\n\[00:00:06\]\nK4: Ja, jeg hører deg\./,
    );
    assert.match(read(into, 'informants.yaml'), /- code: K4\n/);
    const check = await checkJson(into);
    assert.equal(check.code, 0, JSON.stringify(check.problems));
  });

  it('reports unmapped speakers with neutral labels and never replaces a transcript', async () => {
    const into = scratchProject(null);
    const source = sourceFile('otter.txt');
    assert.equal((await qcode('import', source, '--into', into)).code, 0);
    const again = await qcode('import', source, '--into', into, '--format', 'json');
    assert.equal(again.code, 0, again.stderr);
    const summary = JSON.parse(again.stdout) as {
      transcripts: { transcript: string; speakers: { label: string; mapped: boolean }[] }[];
    };
    assert.equal(summary.transcripts[0]?.transcript, 'transcripts/otter-2.txt');
    assert.deepEqual(
      summary.transcripts[0]?.speakers.map((s) => [s.label, s.mapped]),
      [
        ['S1', false],
        ['S2', false],
      ],
    );
  });

  it('writes nothing when one of the files is bad, and names its line', async () => {
    const into = scratchProject(null);
    const bad = join(scratchProject(null), 'bad.srt');
    writeFileSync(bad, '1\n00:00:01,000 --> 00:00:02,000\nHei\n\n2\n00:00:0x,000 --> 00:00:03,000\nborte\n');
    const result = await qcode('import', sourceFile('zoom.vtt'), bad, '--into', into, '--speaker', 'Kari Nordmann=K4');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /bad\.srt:6: .*Nothing was imported\./);
    assert.ok(!existsSync(join(into, 'transcripts')) || readdirSync(join(into, 'transcripts')).length === 0);
    assert.ok(!existsSync(join(into, 'informants.yaml')));
  });

  it('refuses a label the speaker pattern does not take', async () => {
    const result = await qcode(
      'import',
      sourceFile('zoom.vtt'),
      '--into',
      scratchProject(null),
      '--speaker',
      'Kari Nordmann=kari nordmann',
    );
    assert.equal(result.code, 1);
    assert.match(result.stderr, /"kari nordmann" cannot be a speaker label/);
  });
});
