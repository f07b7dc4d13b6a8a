import assert from 'node:assert/strict';
import { lockBytes } from '../../src/core/lock/lockRecord';
import { loadProject } from '../../src/core/project/loadProject';
import { readKey } from '../../src/core/pseudonyms/key';
import { compileKey } from '../../src/core/pseudonyms/matcher';
import { replaceKeyEntries } from '../../src/core/pseudonyms/replaceText';
import { pseudonymizeYaml } from '../../src/core/pseudonyms/yamlText';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { expectProblem, projectFiles } from '../helpers/project';
import type { MemoryFiles } from '../helpers/memoryFiles';
import { pseudonymizeLoaded } from '../helpers/pseudonymize';

const KEY = { 'Kari Nordmann': '[K4]', Kari: '[K4]', Tromsø: '[by]', Åse: '[Å1]' };
const matcher = compileKey(Object.entries(KEY).map(([name, replacement]) => ({ name, replacement })));
const replaced = (text: string) => replaceKeyEntries(text, matcher).text;

const TRANSCRIPT = 'I: Hvem hjelper deg?\n\nK3: Kari Nordmann i Tromsø. Karis kontor er i Tromsøs sentrum.\n';
const SIDECAR = `qcode: 1
transcript: intervju-K3.txt
annotations:
  - id: aaaaaaaa
    concepts: [samordning]
    informant: K3
    range: 3:5-3:28
    quote: Kari Nordmann i Tromsø.
    after: " Karis kontor er i Tromsøs sentr"
    memo: Kari er viktig.
  - id: bbbbbbbb
    concepts: [samordning]
    range: 3:10-3:34
    quote: Nordmann i Tromsø. Karis
`;

const pseudonymized = (files: MemoryFiles, dryRun = false) => pseudonymizeLoaded(files, matcher, dryRun);

describe('pseudonyms', () => {
  describe('matching', () => {
    it('replaces whole words, longest entry first, ignoring case, keeping possessive endings', () => {
      assert.equal(replaced('Kari Nordmann og KARI og kari.'), '[K4] og [K4] og [K4].');
      assert.equal(replaced("Karis, Kari's og Kari’s bil"), "[K4]s, [K4]'s og [K4]’s bil");
      assert.equal(replaced('Karin og Kariann i Tromsøs gater'), 'Karin og Kariann i [by]s gater');
      assert.equal(replaced('Kari\nNordmann'), '[K4]');
    });

    it('finds letters written decomposed, as macOS saves them', () => {
      assert.equal(replaced('A\u030ase kom'), '[Å1] kom');
    });

    it('finds a name right after a line break written as an escape in a quoted YAML value', () => {
      assert.deepEqual(
        matcher.find('after: "\\n\\nKari: ja"').map((m) => m.text),
        ['Kari'],
      );
    });

    it('lists where each replacement is made', () => {
      const found = matcher.find('x Kari y');
      assert.deepEqual(
        found.map((m) => [m.start, m.end, m.replacement]),
        [[2, 6, '[K4]']],
      );
    });
  });

  describe('the key', () => {
    it('reads name: replacement and reports entries that cannot be used', () => {
      const file = new YamlFile(
        'pseudonyms.yaml',
        'Kari: "[K4]"\nkari: "[K5]"\nOla: Per\nPer: "[P1]"\n"--": "[x]"\nNils: ""\n',
      );
      const key = readKey(file);
      assert.deepEqual(
        key.entries.map((e) => e.name),
        ['Kari', 'Per'],
      );
      expectProblem(file.problems, { code: 'duplicate-pseudonym', line: 2, column: 1 });
      expectProblem(file.problems, { code: 'pseudonym-loop', line: 3, says: '"Per"' });
      assert.equal(file.problems.filter((p) => p.code === 'bad-pseudonym').length, 2);
    });
  });

  describe('YAML copies', () => {
    it('replaces descriptions and comments in place, keeps ids, and quotes a value that would otherwise read as a list', () => {
      const text =
        '# Kodebok for Kari\nconcepts:\n  - id: kari\n    label: Kari\n    description: Det Kari sa i Tromsø.\n';
      const result = pseudonymizeYaml(text, matcher, (key) => key === 'id');
      assert.ok(result.ok);
      assert.equal(
        result.text,
        '# Kodebok for [K4]\nconcepts:\n  - id: kari\n    label: "[K4]"\n    description: Det [K4] sa i [by].\n',
      );
    });
  });

  describe('a project', () => {
    it('replaces names in transcript and sidecar, and every exact annotation stays exact', async () => {
      const files = projectFiles(
        { 'intervju-K3.txt': TRANSCRIPT, 'intervju-K3.txt.annotations.yaml': SIDECAR },
        { 'pseudonyms.yaml': 'Kari Nordmann: "[K4]"\nKari: "[K4]"\nTromsø: "[by]"\n' },
      );
      const before = await loadProject(files);
      assert.deepEqual(
        before.transcripts[0]?.annotations.map((a) => a.resolution.status),
        ['exact', 'exact'],
      );
      const leaks = before.problems.filter((p) => p.code === 'pseudonym-leak' && p.file.endsWith('.txt'));
      assert.deepEqual(
        leaks.map((p) => `${p.line}:${p.column}`),
        ['3:5', '3:21', '3:29', '3:47'],
      );
      assert.match(leaks[0]?.message ?? '', /"Kari Nordmann" is in the pseudonym key/);
      const outcome = await pseudonymized(files);
      assert.equal(
        files.text('transcripts/intervju-K3.txt'),
        'I: Hvem hjelper deg?\n\nK3: [K4] i [by]. [K4]s kontor er i [by]s sentrum.\n',
      );
      const after = await loadProject(files);
      assert.deepEqual(
        after.transcripts[0]?.annotations.map((a) => [a.resolution.status, a.annotation.quote]),
        [
          ['exact', '[K4] i [by].'],
          ['exact', '[K4] i [by]. [K4]s'],
        ],
      );
      assert.equal(after.transcripts[0]?.annotations[0]?.annotation.memo, '[K4] er viktig.');
      assert.deepEqual(
        after.problems.filter((p) => p.code === 'pseudonym-leak'),
        [],
      );
      assert.equal(outcome.annotations, 2);
      assert.deepEqual((await pseudonymized(files)).written, [], 'a second run changes nothing');
    });

    it("replaces names in the sidecar's comments, and leaves comments without one as they are", async () => {
      const commented = `# Koding av intervjuet med Kari, første runde.\n${SIDECAR}# Ferdig.\n`;
      const files = projectFiles({ 'intervju-K3.txt': TRANSCRIPT, 'intervju-K3.txt.annotations.yaml': commented });
      await pseudonymized(files);
      const sidecar = files.text('transcripts/intervju-K3.txt.annotations.yaml') ?? '';
      assert.match(sidecar, /^# Koding av intervjuet med \[K4\], første runde\.\n/);
      assert.match(sidecar, /\n# Ferdig\.\n$/);
      assert.doesNotMatch(sidecar, /Kari|Tromsø/);
    });

    it('leaves a transcript and sidecar that hold no entry alone, without waiting for their locks', async function () {
      this.timeout(10000); // a lock someone holds would be waited for 35 s
      const clean = {
        'b.txt': 'I: Hei.\n\nK1: Hei.\n',
        'b.txt.annotations.yaml': 'qcode: 1\ntranscript: b.txt\nannotations: []\n',
      };
      const files = projectFiles(
        { 'intervju-K3.txt': TRANSCRIPT, 'intervju-K3.txt.annotations.yaml': SIDECAR, ...clean },
        { 'transcripts/b.txt.annotations.yaml.lock': lockBytes('another-window', Date.now()) },
      );
      const outcome = await pseudonymized(files);
      assert.deepEqual(outcome.written, [
        'transcripts/intervju-K3.txt',
        'transcripts/intervju-K3.txt.annotations.yaml',
      ]);
      assert.deepEqual(outcome.problems, []);
    });

    it('with a dry run lists every replacement and writes nothing', async () => {
      const files = projectFiles({ 'intervju-K3.txt': TRANSCRIPT, 'intervju-K3.txt.annotations.yaml': SIDECAR });
      const outcome = await pseudonymized(files, true);
      assert.deepEqual(files.writes, []);
      const inTranscript = outcome.replacements.filter((r) => r.file === 'transcripts/intervju-K3.txt');
      assert.deepEqual(
        inTranscript.map((r) => `${r.line}:${r.column} ${r.found} -> ${r.replacement}`),
        ['3:5 Kari Nordmann -> [K4]', '3:21 Tromsø -> [by]', '3:29 Karis -> [K4]s', '3:47 Tromsøs -> [by]s'],
      );
      assert.ok(outcome.replacements.some((r) => r.file.endsWith('.annotations.yaml') && r.found === 'Kari'));
    });

    it('replaces informant attributes but never codes', async () => {
      const files = projectFiles(
        {},
        { 'informants.yaml': 'informants:\n  - code: K4\n    workplace: Tromsø legevakt\n' },
      );
      await pseudonymized(files);
      assert.equal(files.text('informants.yaml'), 'informants:\n  - code: K4\n    workplace: "[by] legevakt"\n');
    });

    it('reports leaks in chapters and memos', async () => {
      const files = projectFiles(
        {},
        { 'pseudonyms.yaml': 'Kari: "[K4]"\n', 'chapters/kapittel-5.md': '# Kapittel\n\nSom kari sa:\n' },
      );
      const project = await loadProject(files);
      expectProblem(project.problems, { code: 'pseudonym-leak', file: 'chapters/kapittel-5.md', line: 3, column: 5 });
    });
  });
});
