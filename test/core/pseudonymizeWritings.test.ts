import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Problem } from '../../src/core/problems';
import { loadProject } from '../../src/core/project/loadProject';
import { compileKey } from '../../src/core/pseudonyms/matcher';
import { runs } from '../helpers/fcRuns';
import { projectFiles } from '../helpers/project';
import { pseudonymizeLoaded } from '../helpers/pseudonymize';
import type { MemoryFiles } from '../helpers/memoryFiles';

const KEY = { 'Kari Nordmann': '[K4]', Kari: '[K4]', Tromsø: '[by]', Åse: '[Å1]' };
const KEY_TEXT = Object.entries(KEY)
  .map(([name, replacement]) => `${name}: "${replacement}"\n`)
  .join('');
const matcher = compileKey(Object.entries(KEY).map(([name, replacement]) => ({ name, replacement })));

/** As `qcode pseudonymize` and Pseudonymize Project do it: the chapters and memo files of discoverChapters. */
const pseudonymized = (files: MemoryFiles, dryRun = false) => pseudonymizeLoaded(files, matcher, dryRun);

async function leaks(files: MemoryFiles): Promise<Problem[]> {
  return (await loadProject(files)).problems.filter((p) => p.code === 'pseudonym-leak');
}

/** A leak that pseudonymizing replaces, rather than one in a reference that it keeps. */
const replaceable = (p: Problem) => /Run "qcode pseudonymize"/.test(p.message);
const place = (p: { file: string; line: number; column: number }) => `${p.file}:${p.line}:${p.column}`;

describe('pseudonymizing chapters and memo files', () => {
  const CHAPTER = 'chapters/kapittel-5.md';
  const lines = [
    '# Kapittel 5: Åse og Kari Nordmann i Tromsø',
    '',
    'Karis kontor i Tromsøs sentrum er stengt i helgene; ÅSE sier det samme: {{q:kari-0001}}',
    '',
    '{{concept:tromso.kari key}}',
    'Se også Kari.',
  ];
  const expected = [
    '# Kapittel 5: [Å1] og [K4] i [by]',
    '',
    '[K4]s kontor i [by]s sentrum er stengt i helgene; [Å1] sier det samme: {{q:kari-0001}}',
    '',
    '{{concept:tromso.kari key}}',
    'Se også [K4].',
  ];

  for (const [form, breakWith, bom] of [
    ['LF', '\n', ''],
    ['CRLF and a byte order mark', '\r\n', '\uFEFF'],
  ] as const) {
    it(`rewrites a chapter outside its references, with ${form} kept; check then names only the references, and a second run writes nothing`, async () => {
      const files = projectFiles({}, { 'pseudonyms.yaml': KEY_TEXT, [CHAPTER]: bom + lines.join(breakWith) });
      const dry = await pseudonymized(files, true);
      assert.deepEqual(
        dry.replacements.map((r) => `${place(r)} ${r.found} -> ${r.replacement}`),
        [
          `${CHAPTER}:1:15 Åse -> [Å1]`,
          `${CHAPTER}:1:22 Kari Nordmann -> [K4]`,
          `${CHAPTER}:1:38 Tromsø -> [by]`,
          `${CHAPTER}:3:1 Karis -> [K4]s`,
          `${CHAPTER}:3:16 Tromsøs -> [by]s`,
          `${CHAPTER}:3:53 ÅSE -> [Å1]`,
          `${CHAPTER}:6:9 Kari -> [K4]`,
        ],
      );
      assert.deepEqual(files.writes, [], 'a dry run writes nothing');
      const before = await leaks(files);
      assert.deepEqual(before.filter(replaceable).map(place), dry.replacements.map(place));

      const outcome = await pseudonymized(files);
      assert.deepEqual([outcome.problems, outcome.written], [[], [CHAPTER]]);
      assert.equal(files.text(CHAPTER), bom + expected.join(breakWith));
      const after = await leaks(files);
      assert.deepEqual(
        after.map((p) => `${place(p)} ${replaceable(p) ? 'replace' : 'by hand'}`),
        [`${CHAPTER}:3:${(expected[2] as string).indexOf('kari') + 1} by hand`, `${CHAPTER}:5:18 by hand`],
        'the names in {{q:kari-0001}} and {{concept:tromso.kari key}} are left for the researcher',
      );
      const again = await pseudonymized(files);
      assert.deepEqual([again.written, again.replacements], [[], []]);
    });
  }
});

describe('the files pseudonymizing rewrites are the files check searches', () => {
  const NAMED = 'Kari var der.\n';
  for (const [settings, both, neither] of [
    [
      '',
      ['chapters/del/k2.md', 'chapters/k1.md', 'memos/m.md', 'memos/runde-2/dypt/m2.md'],
      ['chapters/k3.txt', 'memos/x.txt', 'notater/n.md', 'kapittel.md'],
    ],
    [
      'chapters: "notater/**/*.md"\nmemos: "memos/*.txt"\n',
      ['memos/x.txt', 'notater/n.md', 'notater/sub/n.md'],
      ['chapters/k1.md', 'memos/m.md', 'memos/runde-2/dypt/m2.md', 'kapittel.md'],
    ],
  ] as const) {
    it(`${settings ? 'with patterns of qcode.yaml' : 'by default'}: ${both.join(', ')}, and not ${neither.join(', ')}`, async () => {
      const paths: string[] = [...both, ...neither];
      const files = projectFiles(
        {},
        { 'pseudonyms.yaml': KEY_TEXT, 'qcode.yaml': settings, ...Object.fromEntries(paths.map((p) => [p, NAMED])) },
      );
      const reported = [...new Set((await leaks(files)).map((p) => p.file))].filter((f) => paths.includes(f));
      assert.deepEqual(reported.sort(), [...both].sort());
      const outcome = await pseudonymized(files);
      assert.deepEqual([...outcome.written].sort(), [...both].sort());
      for (const path of neither) assert.equal(files.text(path), NAMED, path);
    });
  }
});

/** Files of writing that may or may not be chapters or memos, by the patterns of qcode.yaml. */
const PATHS = [
  'chapters/k1.md',
  'chapters/del/k2.md',
  'chapters/k3.txt',
  'memos/m.md',
  'memos/runde-2/dypt/m2.md',
  'memos/x.txt',
  'notater/n.md',
  'notater/sub/n.MD',
  'transcripts/notat.md',
  'kapittel.md',
];
const PATTERNS = [
  'chapters/**/*.md',
  'memos/**/*.md',
  'notater/*.md',
  'notater/**/*',
  '*.md',
  '**/*.md',
  'chapters/*.txt',
];
const TEXTS = [
  'Kari og Åse i Tromsø.\n',
  '\uFEFF# Åse\r\n\r\nKaris kontor: {{q:kari-0001}}\r\n',
  'Ingen navn her.\n',
  'Se {{concept:samordning}} om TROMSØ og {{query:tromso}}.\n',
  '',
];

describe('properties of pseudonymizing chapters and memo files', () => {
  it('rewrites exactly the files check reports, at the places it reports, and after it check names only references', async function () {
    this.timeout(120000); // each run loads the project three times
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATTERNS),
        fc.constantFrom(...PATTERNS),
        fc.uniqueArray(fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...TEXTS)), {
          selector: ([path]) => path,
          maxLength: PATHS.length,
        }),
        async (chapters, memos, written) => {
          const files = projectFiles(
            { 'intervju-K3.txt': 'K3: Ja.\n' },
            {
              'pseudonyms.yaml': KEY_TEXT,
              'qcode.yaml': `chapters: "${chapters}"\nmemos: "${memos}"\n`,
              ...Object.fromEntries(written),
            },
          );
          const outside = (p: { file: string }) => written.some(([path]) => path === p.file);
          const reported = (await leaks(files)).filter(outside);
          const dry = await pseudonymized(files, true);
          assert.deepEqual(dry.replacements.map(place).sort(), reported.filter(replaceable).map(place).sort());
          const outcome = await pseudonymized(files);
          assert.deepEqual(outcome.problems, []);
          assert.deepEqual(
            [...outcome.written].sort(),
            [...new Set(reported.filter(replaceable).map((p) => p.file))].sort(),
          );
          const left = (await leaks(files)).filter(outside);
          assert.deepEqual(left.filter(replaceable), []);
          assert.equal(left.length, reported.length - reported.filter(replaceable).length);
        },
      ),
      runs(60, 20261212),
    );
  });
});
