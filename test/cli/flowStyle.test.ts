import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { readInformants } from '../../src/core/informants/registry';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { fixtureQdpx } from '../helpers/refiFixtures';
import { checkJson, qcode, read, scratchProject, write } from './cliHarness';

const K3 = 'transcripts/intervju-K3.txt';
const K3_SIDECAR = `${K3}.annotations.yaml`;

/** The reported sidecar: items as YAML flow mappings, the first one a line off (moved). */
const MOVED = '  - {id: pgtqbp19, concepts: [ressurser], range: 9:5-9:33, quote: Jeg har et veldig godt team.}';
const EXACT =
  '  - {id: shpngy5g, concepts: [samordning.horisontal], range: 12:214-12:246, quote: Så det blir tre møter på én uke.}  # a hand note';
const FLOW_SIDECAR = [
  '# Written by hand in flow style.',
  'qcode: 1',
  'transcript: intervju-K3.txt',
  'annotations:',
  MOVED,
  EXACT,
  '',
].join('\n');

function statusOf(report: Awaited<ReturnType<typeof checkJson>>, id: string): string | undefined {
  return report.files.flatMap((f) => f.annotations).find((a) => a.id === id)?.status;
}

describe('writers on sidecars in YAML flow style', () => {
  it('check --fix rewrites a moved flow-style annotation into a sidecar that stays readable, and check then finds it exact', async () => {
    const dir = scratchProject();
    write(dir, K3_SIDECAR, FLOW_SIDECAR);
    const before = await checkJson(dir);
    assert.equal(before.code, 0, JSON.stringify(before.problems));
    assert.equal(statusOf(before, 'pgtqbp19'), 'moved');

    const fix = await qcode('check', dir, '--fix');
    assert.equal(fix.code, 0, fix.stdout + fix.stderr);
    const after = await checkJson(dir);
    assert.equal(after.code, 0, JSON.stringify(after.problems));
    assert.deepEqual(
      after.problems.filter((p) => p.file === K3_SIDECAR),
      [],
    );
    assert.equal(statusOf(after, 'pgtqbp19'), 'exact');
    assert.equal(statusOf(after, 'shpngy5g'), 'exact');
    const text = read(dir, K3_SIDECAR);
    assert.ok(
      text.startsWith('# Written by hand in flow style.\nqcode: 1\ntranscript: intervju-K3.txt\nannotations:\n'),
      text,
    );
    assert.ok(text.includes(`\n${EXACT}\n`), `the untouched flow item keeps its line and comment:\n${text}`);
    assert.match(
      text,
      /\n {2}- id: pgtqbp19\n {4}concepts: \[ressurser\]\n {4}range: 8:5-8:33\n {4}quote: Jeg har et veldig godt team\.\n {4}before: .*\n {4}after: .*\n/,
    );
  });

  it('tag adds to a flow-style sidecar without touching its flow items', async () => {
    const dir = scratchProject();
    write(dir, K3_SIDECAR, FLOW_SIDECAR.replace('9:5-9:33', '8:5-8:33'));
    const result = await qcode(
      'tag',
      join(dir, K3),
      '--range',
      '8:34-8:84',
      '--concept',
      'ressurser',
      '--coder',
      'kari',
    );
    assert.equal(result.code, 0, result.stderr);
    const id = result.stdout.split(' ')[0] as string;
    const text = read(dir, K3_SIDECAR);
    assert.ok(text.includes(`\n${MOVED.replace('9:5-9:33', '8:5-8:33')}\n`) && text.includes(`\n${EXACT}\n`), text);
    const report = await checkJson(dir);
    assert.equal(report.code, 0, JSON.stringify(report.problems));
    assert.deepEqual(
      ['pgtqbp19', id, 'shpngy5g'].map((a) => statusOf(report, a)),
      ['exact', 'exact', 'exact'],
    );
  });

  it('tag into a flow list and into a sidecar written as JSON leaves a sidecar check accepts', async () => {
    const flowList =
      'qcode: 1\ntranscript: intervju-K3.txt\nannotations: [{id: pgtqbp19, concepts: [ressurser], range: 8:5-8:33, quote: Jeg har et veldig godt team.}]\n';
    const json =
      '{"qcode": 1, "transcript": "intervju-K3.txt", "annotations": [{"id": "pgtqbp19", "concepts": ["ressurser"], "range": "8:5-8:33", "quote": "Jeg har et veldig godt team."}]}\n';
    for (const sidecar of [flowList, json]) {
      const dir = scratchProject();
      write(dir, K3_SIDECAR, sidecar);
      const result = await qcode(
        'tag',
        join(dir, K3),
        '--range',
        '12:214-12:246',
        '--concept',
        'samordning.horisontal',
      );
      assert.equal(result.code, 0, result.stderr);
      const report = await checkJson(dir);
      assert.equal(report.code, 0, `${JSON.stringify(report.problems)}\n${read(dir, K3_SIDECAR)}`);
      assert.deepEqual(
        [statusOf(report, 'pgtqbp19'), statusOf(report, result.stdout.split(' ')[0] as string)],
        ['exact', 'exact'],
      );
    }
  });

  it('tag into a JSON sidecar that has no list yet adds the list inside its mapping', async () => {
    const dir = scratchProject();
    write(dir, K3_SIDECAR, '{"qcode": 1, "transcript": "intervju-K3.txt"}\n');
    const result = await qcode('tag', join(dir, K3), '--range', '8:5-8:33', '--concept', 'ressurser');
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      read(dir, K3_SIDECAR),
      /^\{"qcode": 1, "transcript": "intervju-K3\.txt", annotations: \[\{id: "[0-9a-z]{8}", concepts: \["ressurser"\], .*\}\]\}\n$/,
    );
    const report = await checkJson(dir);
    assert.equal(report.code, 0, JSON.stringify(report.problems));
    assert.equal(statusOf(report, result.stdout.split(' ')[0] as string), 'exact');
  });
});

describe('import into a project whose codebook and informants are in YAML flow style', () => {
  it('adds the imported concepts and informants, and check accepts both files after', async () => {
    const into = scratchProject(null);
    write(
      into,
      'codebook.yaml',
      '# flow style\nconcepts: [{id: samordning, label: Samordning, children: [{id: samordning.formell, label: "Formell, skriftlig"}]}]\n',
    );
    write(into, 'informants.yaml', '{"informants": [{"code": "L5", "rolle": "leder"}]}\n');
    const qdpx = join(scratchProject(null), 'nvivo.qdpx');
    writeFileSync(qdpx, fixtureQdpx('nvivo-win').bytes);
    const result = await qcode('import', qdpx, '--into', into);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const check = await checkJson(into);
    assert.equal(check.code, 0, JSON.stringify(check.problems));
    const codebook = new YamlFile('codebook.yaml', read(into, 'codebook.yaml'));
    const concepts = [...readCodebook(codebook).all()].map((c) => c.label);
    assert.deepEqual(codebook.problems, []);
    assert.deepEqual(concepts.slice(0, 2), ['Samordning', 'Formell, skriftlig']);
    assert.equal(concepts.length, 5, concepts.join(', '));
    assert.ok(read(into, 'codebook.yaml').startsWith('# flow style\n'));
    const informants = new YamlFile('informants.yaml', read(into, 'informants.yaml'));
    assert.deepEqual(
      readInformants(informants).informants.map((i) => [i.code, i.attributes.rolle]),
      [
        ['L5', 'leder'],
        ['K3', 'tjenestemottaker'],
      ],
    );
    assert.deepEqual(informants.problems, []);
  });
});
