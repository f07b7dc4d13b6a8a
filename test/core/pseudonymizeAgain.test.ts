import assert from 'node:assert/strict';
import { lockBytes } from '../../src/core/lock/lockRecord';
import { loadProject } from '../../src/core/project/loadProject';
import { readKey } from '../../src/core/pseudonyms/key';
import { compileKey, type KeyEntry } from '../../src/core/pseudonyms/matcher';
import { pseudonymizeProject } from '../../src/core/pseudonyms/pseudonymizeProject';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { expectProblem, projectFiles } from '../helpers/project';

const KEY: KeyEntry[] = [
  { name: 'Kari Nordmann', replacement: '[K4]' },
  { name: 'Kari', replacement: '[K4]' },
  { name: 'Tromsø', replacement: '[by]' },
];
const transcript = (who: string, place = 'Tromsø') => `I: Hvem hjelper deg?\n\nK3: ${who} i ${place} hjelper meg.\n`;
const sidecar = (name: string, quote: string, extra = '') => `qcode: 1
transcript: ${name}
annotations:
  - id: aaaaaaaa
    concepts: [samordning]
    range: 3:5-3:${5 + quote.length}
    quote: ${JSON.stringify(quote)}
    coder: ingrid${extra}
`;
const NAMES = ['a.txt', 'b.txt', 'c.txt'];

/** A project of three transcripts that name Kari, with every read of a file counted. */
function counted(files = projectFiles(Object.fromEntries(NAMES.flatMap((n) => threeFiles(n, 'Kari'))))) {
  const reads = new Map<string, number>();
  const read = files.read.bind(files);
  files.read = (path: string) => {
    reads.set(path, (reads.get(path) ?? 0) + 1);
    return read(path);
  };
  return { files, reads };
}

function threeFiles(name: string, who: string): [string, string][] {
  return [
    [name, transcript(who)],
    [`${name}.annotations.yaml`, sidecar(name, who)],
  ];
}

async function run(files: ReturnType<typeof projectFiles>, key: readonly KeyEntry[] = KEY) {
  const project = await loadProject(files);
  return pseudonymizeProject(
    files,
    project.transcripts.map((t) => t.path),
    { codebook: 'codebook.yaml', informants: 'informants.yaml' },
    compileKey(key),
    false,
  );
}

describe('pseudonymizing a project again', () => {
  it('after a few changes, reads each file without an entry once, and the sidecar of a changed transcript only under its lock', async () => {
    const { files, reads } = counted();
    await run(files);
    files.set('transcripts/b.txt', `${files.text('transcripts/b.txt')}\nK3: Kari Nordmann sa det også.\n`);
    const project = await loadProject(files);
    reads.clear();
    const outcome = await pseudonymizeProject(
      files,
      project.transcripts.map((t) => t.path),
      { codebook: 'codebook.yaml', informants: 'informants.yaml' },
      compileKey(KEY),
      false,
    );
    assert.deepEqual(outcome.written, ['transcripts/b.txt', 'transcripts/b.txt.annotations.yaml']);
    const readsOf = (path: string) => reads.get(`transcripts/${path}`);
    assert.deepEqual(
      [...NAMES.flatMap((n) => [n, `${n}.annotations.yaml`])].map((p) => `${p} ${readsOf(p)}`),
      [
        'a.txt 1',
        'a.txt.annotations.yaml 1',
        'b.txt 2', // a first look, then again under its lock
        'b.txt.annotations.yaml 1',
        'c.txt 1',
        'c.txt.annotations.yaml 1',
      ],
    );
  });

  it('leaves a sidecar whose entries are only where nothing is replaced (its file name, a coder) alone and unlocked', async function () {
    this.timeout(10000); // a lock someone holds would be waited for 35 s
    const files = projectFiles(
      {
        'intervju-kari.txt': transcript('[K4]', '[by]'),
        'intervju-kari.txt.annotations.yaml': sidecar('intervju-kari.txt', '[K4]', '\n    memo: Tromsø er byen.'),
        'b.txt': transcript('[K4]', '[by]'),
        'b.txt.annotations.yaml': sidecar('b.txt', '[K4]').replace('coder: ingrid', 'coder: kari'),
      },
      {
        'pseudonyms.yaml': KEY.map((e) => `${e.name}: "${e.replacement}"\n`).join(''),
        'transcripts/b.txt.annotations.yaml.lock': lockBytes('another-window', Date.now()),
      },
    );
    const first = await run(files);
    assert.deepEqual(first.problems, []);
    assert.deepEqual(first.written, ['transcripts/intervju-kari.txt.annotations.yaml'], 'the memo is replaced');
    const { reads } = counted(files);
    const second = await run(files);
    assert.deepEqual([second.written, second.replacements, second.problems], [[], [], []]);
    assert.equal(reads.get('transcripts/intervju-kari.txt.annotations.yaml'), 2, 'loading once, and one look');
    const left = (await loadProject(files)).problems.filter((p) => p.code === 'pseudonym-leak');
    assert.deepEqual(
      left.map((p) => `${p.file}:${p.line}`),
      ['transcripts/b.txt.annotations.yaml:8', 'transcripts/intervju-kari.txt.annotations.yaml:2'],
      'check still names what only a person can change',
    );
  });

  it('never replaces a replacement again: one that holds a name of the key is refused, one that only starts alike stays', async () => {
    const file = new YamlFile('pseudonyms.yaml', 'Kari: Kari-Anne\nOla: Olav\n');
    const key = readKey(file);
    expectProblem(file.problems, { code: 'pseudonym-loop', line: 1, says: '"Kari-Anne"' });
    assert.deepEqual(key.entries, [{ name: 'Ola', replacement: 'Olav' }]);
    const files = projectFiles({
      't.txt': 'K3: Ola og Olas bror.\n',
      't.txt.annotations.yaml': sidecar('t.txt', 'Ola og Olas bror.').replace('3:5-3:', '1:5-1:'),
    });
    await run(files, key.entries);
    assert.equal(files.text('transcripts/t.txt'), 'K3: Olav og Olavs bror.\n');
    const again = await run(files, key.entries);
    assert.deepEqual([again.written, again.replacements], [[], []]);
    assert.equal(files.text('transcripts/t.txt'), 'K3: Olav og Olavs bror.\n');
  });
});
