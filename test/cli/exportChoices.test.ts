import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { qcode, SAMPLE, scratchProject, write } from './cliHarness';

const PRESETS = `language: nb
exports:
  ledere:
    format: md
    where: { role: leder }
    citation: "({informant}, {transcript}:{line})"
  kapittel-5:
    format: docx
    concepts: [koordinator]
    where: { role: tjenestemottaker }
    memos: true
    out: kapittel-5.docx
`;

function withPresets(): string {
  const dir = scratchProject();
  write(dir, 'qcode.yaml', PRESETS);
  return dir;
}

describe('qcode export choices', () => {
  it('exports a preset, and flags take the place of its values', async () => {
    const dir = withPresets();
    const preset = await qcode('export', dir, '--preset', 'ledere');
    assert.equal(preset.code, 0, preset.stderr);
    assert.match(preset.stdout, /^> .*\(L5, intervju-L5\.txt:\d+\)$/m);
    assert.doesNotMatch(preset.stdout, /\(K\d/);
    const overridden = await qcode(
      'export',
      dir,
      '--preset',
      'ledere',
      '--where',
      'role=tjenestemottaker',
      '--citation',
      '[{informant}]',
    );
    // Brackets are escaped, so that Markdown shows them as written rather than as a link.
    assert.match(overridden.stdout, /^> .*\\\[K3\\\]$/m);
    assert.doesNotMatch(overridden.stdout, /\\\[L5\\\]/);
  });

  it("writes the preset's .docx into the project folder", async () => {
    const dir = withPresets();
    const result = await qcode('export', dir, '--preset', 'kapittel-5');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^Wrote \d+ quotes to kapittel-5\.docx\.$/m);
    assert.deepEqual([...readFileSync(join(dir, 'kapittel-5.docx')).subarray(0, 2)], [0x50, 0x4b]);
  });

  it('groups by informant in Markdown: informant headings with concepts below', async () => {
    const result = await qcode(
      'export',
      SAMPLE,
      '--group',
      'informant',
      '--where',
      'code=K3',
      '--concept',
      'koordinator',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^## K3\n\n\*role: tjenestemottaker, gender: kvinne/);
    assert.match(result.stdout, /^### Koordinatorroller$/m);
    assert.match(result.stdout, /^#### Fallskjermen$/m);
  });

  it('refuses bad choices as usage errors', async () => {
    const dir = withPresets();
    const cases: [string[], RegExp][] = [
      [['--preset', 'kapittel-9'], /No export "kapittel-9" in qcode\.yaml; the exports are ledere, kapittel-5/],
      [['--where', 'leder'], /--where takes ATTRIBUTE=VALUE/],
      [['--where', 'rolle=leder'], /No informant in informants\.yaml has the attribute "rolle"/],
      [['--group', 'tema'], /--group must be one of concept, informant/],
      [['--format', 'csv', '--memos'], /--memos apply to --format docx only/],
      [['--format', 'json', '--group', 'informant'], /--group informant applies to --format md and docx/],
      [['--format', 'qdpx', '--preset', 'ledere'], /do not apply to --format qdpx/],
      [['--preset', 'kapittel-5', '--concept', 'nope'], /Unknown concept "nope"/],
    ];
    for (const [args, message] of cases) {
      const result = await qcode('export', dir, ...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });
});
