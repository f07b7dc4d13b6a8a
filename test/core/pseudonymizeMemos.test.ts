import assert from 'node:assert/strict';
import { compileKey } from '../../src/core/pseudonyms/matcher';
import { pseudonymizeProject } from '../../src/core/pseudonyms/pseudonymizeProject';
import { readSidecar } from '../../src/core/sidecar/readSidecar';
import { projectFiles } from '../helpers/project';
import type { MemoryFiles } from '../helpers/memoryFiles';
import { pseudonymizeLoaded } from '../helpers/pseudonymize';

const matcher = compileKey([
  { name: 'Kari Nordmann', replacement: '[K4]' },
  { name: 'Kari', replacement: '[K4]' },
]);
const TRANSCRIPT = 'I: Hvem hjelper deg?\n\nK3: Teamet mitt.\n';
const SIDECAR = `qcode: 1
transcript: intervju-K3.txt
memo: "Kari Nordmann var til stede.\\nKari tok notater."
annotations:
  - id: aaaaaaaa
    concepts: [samordning]
    range: 3:5-3:18
    quote: Teamet mitt.
    before: "I: Hvem hjelper deg?\\n\\nK3: "
    after: "\\n"
    key: true
`;
const PATH = 'transcripts/intervju-K3.txt.annotations.yaml';

const pseudonymized = (files: MemoryFiles, dryRun = false) => pseudonymizeLoaded(files, matcher, dryRun);

describe('pseudonymizing memos', () => {
  it('replaces names in the memo on a transcript, changing only its line, and leaves nothing on a second run', async () => {
    const files = projectFiles({ 'intervju-K3.txt': TRANSCRIPT, 'intervju-K3.txt.annotations.yaml': SIDECAR });
    const dry = await pseudonymized(files, true);
    assert.deepEqual(
      dry.replacements.map((r) => [r.file, r.line, r.found]),
      [
        [PATH, 3, 'Kari Nordmann'],
        [PATH, 3, 'Kari'],
      ],
    );
    assert.equal(files.text(PATH), SIDECAR, 'a dry run writes nothing');
    const outcome = await pseudonymized(files);
    assert.deepEqual(outcome.problems, []);
    assert.equal(
      files.text(PATH),
      SIDECAR.replace(
        'memo: "Kari Nordmann var til stede.\\nKari tok notater."',
        'memo: "[K4] var til stede.\\n[K4] tok notater."',
      ),
    );
    assert.equal(readSidecar(PATH, files.text(PATH) ?? '').entries[0]?.annotation.key, true, 'the key quote stays one');
    assert.deepEqual((await pseudonymized(files)).written, []);
  });
});

describe('pseudonymizing project memo files', () => {
  const norwegian = compileKey([
    { name: 'Kari Nordmann', replacement: '[K4]' },
    { name: 'Kari', replacement: '[K4]' },
    { name: 'Tromsø', replacement: '[by]' },
    { name: 'Åse', replacement: '[Å1]' },
  ]);
  const MEMO = 'memos/helg.md';
  /** A memo whose references hold words of the key: the id, the concept and the saved query must stay as written. */
  const lines = [
    '# Åse og Kari Nordmann i Tromsø',
    '',
    'Karis kontor i Tromsøs sentrum er stengt i helgene; ÅSE sier det samme:',
    '',
    '{{q:kari-2024}}',
    '',
    '{{concept:tromso.kari key}}',
    '{{query:kari}}',
    'Se også Kari.',
  ];
  const expected = [
    '# [Å1] og [K4] i [by]',
    '',
    '[K4]s kontor i [by]s sentrum er stengt i helgene; [Å1] sier det samme:',
    '',
    '{{q:kari-2024}}',
    '',
    '{{concept:tromso.kari key}}',
    '{{query:kari}}',
    'Se også [K4].',
  ];

  async function run(files: ReturnType<typeof projectFiles>, dryRun = false) {
    return pseudonymizeProject(
      files,
      [],
      { codebook: 'codebook.yaml', informants: 'informants.yaml' },
      norwegian,
      dryRun,
      [MEMO],
    );
  }

  for (const [form, breakWith, bom] of [
    ['LF', '\n', ''],
    ['CRLF and a byte order mark', '\r\n', '\uFEFF'],
  ] as const) {
    it(`replaces names outside the references, with ${form} kept, and a second run writes nothing`, async () => {
      const files = projectFiles({}, { [MEMO]: bom + lines.join(breakWith) + breakWith });
      const outcome = await run(files);
      assert.deepEqual(outcome.problems, []);
      assert.deepEqual(outcome.written, [MEMO]);
      assert.equal(files.text(MEMO), bom + expected.join(breakWith) + breakWith);
      assert.deepEqual(
        outcome.replacements.map((r) => `${r.line}:${r.column} ${r.found} -> ${r.replacement}`),
        [
          '1:3 Åse -> [Å1]',
          '1:10 Kari Nordmann -> [K4]',
          '1:26 Tromsø -> [by]',
          '3:1 Karis -> [K4]s',
          '3:16 Tromsøs -> [by]s',
          '3:53 ÅSE -> [Å1]',
          '9:9 Kari -> [K4]',
        ],
      );
      const again = await run(files);
      assert.deepEqual([again.written, again.replacements], [[], []]);
    });
  }

  it('with a dry run lists the replacements in memo files and writes nothing', async () => {
    const files = projectFiles({}, { [MEMO]: lines.join('\n') });
    const outcome = await run(files, true);
    assert.equal(outcome.replacements.length, 7);
    assert.ok(outcome.replacements.every((r) => r.file === MEMO));
    assert.deepEqual(files.writes, []);
  });

  it('leaves a memo that is not UTF-8 alone and says so, and writes no memo without names', async () => {
    const files = projectFiles(
      {},
      { [MEMO]: new Uint8Array([0x4b, 0x61, 0x72, 0x69, 0x20, 0xff]), 'memos/ren.md': '# Ingen navn\n' },
    );
    const outcome = await pseudonymizeProject(
      files,
      [],
      { codebook: 'codebook.yaml', informants: 'informants.yaml' },
      norwegian,
      false,
      [MEMO, 'memos/ren.md'],
    );
    assert.deepEqual(
      outcome.problems.map((p) => [p.file, p.code]),
      [[MEMO, 'not-pseudonymized']],
    );
    assert.deepEqual(files.writes, []);
  });
});
