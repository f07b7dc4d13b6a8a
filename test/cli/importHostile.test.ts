import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handZip, type HandEntry } from '../helpers/handZip';
import { CODE_GUID, deepCodesXml, projectXml, type HandProject } from '../helpers/refiHostile';
import { treeHashes } from '../helpers/treeHash';
import { checkJson, qcode, read, scratchProject } from './cliHarness';

// Hostile REFI-QDA files: each test imports into `target` inside a sandbox and asserts the exit
// code, the message, and that nothing in the sandbox outside `target` changed.

const NOT_DEFLATE = new Uint8Array([0xff, 0xff, 0xff, 0xff]);
const TEXT = 'Jeg ringer koordinatoren min. Hun svarer nesten alltid.\n';

interface Sandbox {
  root: string;
  target: string;
  outside: () => Map<string, string>;
}

function sandbox(): Sandbox {
  const root = scratchProject(null);
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', 'canary.txt'), 'untouched\n');
  writeFileSync(join(root, 'evil.txt'), 'untouched\n');
  mkdirSync(join(root, 'work'));
  const target = join(root, 'work', 'target');
  return { root, target, outside: () => treeHashes(root, (path) => path === 'work/target') };
}

async function importInto(box: Sandbox, name: string, bytes: Uint8Array, ...flags: string[]) {
  const file = join(box.root, name);
  writeFileSync(file, bytes);
  const before = box.outside();
  const result = await qcode('import', file, '--into', box.target, ...flags);
  assert.deepEqual(box.outside(), before, 'something outside the target folder changed');
  assert.doesNotMatch(result.stdout + result.stderr, /NaN|EISDIR|Maximum call stack/);
  return result;
}

function qdpx(project: HandProject, extra: HandEntry[] = []): Uint8Array {
  const texts = (project.sources ?? []).map((s) => ({ name: `sources/${s.guid}.txt`, data: TEXT }));
  return handZip([{ name: 'project.qde', data: projectXml(project) }, ...texts, ...extra]);
}

const guid = (n: number, kind = 'a') => `${kind}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('qcode import of hostile files', () => {
  it('writes nothing outside the target for entry names and source paths that climb out', async () => {
    const box = sandbox();
    const sources = ['../../outside/pwned', '..\\..\\pwned', '/etc/pwned', 'C:\\pwned', '..'].map((name, i) => ({
      guid: guid(i + 1),
      name,
      plainTextPath: `../../outside/${i}.txt`,
      selections: [{ guid: guid(i + 1, 'b'), start: 0, end: 29 }],
    }));
    const evil = [
      '../../evil.txt',
      '/tmp/qcode-evil-abs.txt',
      '..\\..\\evil.txt',
      'sources/../../../evil.txt',
      '../../outside/0.txt',
    ].map((name) => ({ name, data: 'pwned\n' }));
    const result = await importInto(
      box,
      'slip.qdpx',
      handZip([{ name: 'project.qde', data: projectXml({ sources }) }, ...evil]),
    );
    assert.equal(result.code, 1, 'the sources whose text is missing are reported');
    assert.equal(existsSync('/tmp/qcode-evil-abs.txt'), false);
    const written = readdirSync(join(box.target, 'transcripts')).sort();
    assert.deepEqual(
      written,
      [
        'C-pwned.txt.annotations.yaml',
        'etc-pwned.txt.annotations.yaml',
        'outside-pwned.txt.annotations.yaml',
        'pwned.txt.annotations.yaml',
        'source.txt.annotations.yaml',
      ].sort(),
    );
    const check = await checkJson(box.target);
    assert.deepEqual(
      [...new Set(check.problems.filter((p) => p.severity === 'error').map((p) => p.code))].sort(),
      ['missing-transcript'],
      'check reports only what the import did: sources without their text',
    );
  });

  it('refuses a zip bomb before unpacking it, says how large, and writes nothing', async () => {
    const box = sandbox();
    const source = { guid: guid(1), name: 'K1', selections: [] };
    const bombs = [1, 2, 3, 4, 5, 6].map((n) => ({
      name: `sources/film-${n}.txt`,
      raw: NOT_DEFLATE,
      declaredSize: 2 ** 30,
    }));
    const started = Date.now();
    const result = await importInto(
      box,
      'bomb.qdpx',
      handZip([
        { name: 'project.qde', data: projectXml({ sources: [source] }) },
        { name: `sources/${guid(1)}.txt`, raw: NOT_DEFLATE, declaredSize: 2 ** 31 },
        ...bombs,
      ]),
    );
    assert.ok(Date.now() - started < 5000, 'it took too long to refuse');
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      `qcode import: bomb.qdpx: cannot be imported: sources/${guid(1)}.txt is too large (2048 MB unpacked, limit 512 MB). Nothing was written.\n`,
    );
    assert.equal(existsSync(box.target), false);
  });

  it('refuses a file larger than the total limit without reading it', async () => {
    const box = sandbox();
    const file = join(box.root, 'enorm.qdpx');
    writeFileSync(file, '');
    truncateSync(file, 1536 * 1024 * 1024);
    const result = await qcode('import', file, '--into', box.target);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      'qcode import: enorm.qdpx: is too large (1536 MB, limit 1024 MB). Nothing was written.\n',
    );
    assert.equal(existsSync(box.target), false);
  });

  it('stops unpacking an entry that gives more than it declares', async () => {
    const box = sandbox();
    const lying = { name: `sources/${guid(1)}.txt`, data: new Uint8Array(8 * 1024 * 1024), declaredSize: 64 };
    const result = await importInto(
      box,
      'lies.qdpx',
      handZip([
        { name: 'project.qde', data: projectXml({ sources: [{ guid: guid(1), name: 'K1', selections: [] }] }) },
        lying,
      ]),
    );
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /is too large: it unpacks to more than the 1 KB it declares, which only a damaged archive or a zip bomb does/,
    );
    assert.equal(existsSync(box.target), false);
  });

  it('keeps both selections that share a GUID, giving the second a new id, and check finds no duplicate id', async () => {
    const box = sandbox();
    const shared = guid(7, 'b');
    const sources = [
      {
        guid: guid(1),
        name: 'K1',
        selections: [
          { guid: shared, start: 0, end: 29 },
          { guid: shared, start: 30, end: 55 },
        ],
      },
      { guid: guid(2), name: 'K2', selections: [{ guid: shared, start: 30, end: 55 }] },
    ];
    const result = await importInto(box, 'dup.qdpx', qdpx({ sources }));
    assert.equal(result.code, 1, 'the renamed selections are reported');
    const renamed = result.stdout.split('\n').filter((line) => line.includes('duplicate-guid'));
    assert.equal(renamed.length, 2, result.stdout);
    assert.match(
      renamed[0] ?? '',
      /The selection GUID b0000000-0000-4000-8000-000000000007 is used twice \(first in "K1"\)\. Both are kept: the one at 30-55 in "K1" is imported as the annotation [0-9a-z]{8}\./,
    );
    const check = await checkJson(box.target);
    assert.equal(check.code, 0, JSON.stringify(check.problems));
    const annotations = check.files.flatMap((f) => f.annotations);
    assert.deepEqual(annotations.map((a) => [a.status, a.quote]).sort(), [
      ['exact', 'Hun svarer nesten alltid.'],
      ['exact', 'Hun svarer nesten alltid.'],
      ['exact', 'Jeg ringer koordinatoren min.'],
    ]);
    assert.equal(new Set(annotations.map((a) => a.id)).size, 3);
    const again = await qcode('import', join(box.root, 'dup.qdpx'), '--into', box.target, '--format', 'json');
    assert.equal(
      (JSON.parse(again.stdout) as { annotations: { unchanged: number } }).annotations.unchanged,
      3,
      'the new ids are stable',
    );
  });

  it('gives an annotation whose id another sidecar already holds (from an earlier import) an id of its own', async () => {
    const box = sandbox();
    const shared = guid(8, 'b');
    const first = await importInto(
      box,
      'k1.qdpx',
      qdpx({ sources: [{ guid: guid(1), name: 'K1', selections: [{ guid: shared, start: 0, end: 29 }] }] }),
    );
    assert.equal(first.code, 0, first.stdout);
    const second = await importInto(
      box,
      'k2.qdpx',
      qdpx({ sources: [{ guid: guid(2), name: 'K2', selections: [{ guid: shared, start: 30, end: 55 }] }] }),
    );
    assert.equal(second.code, 1);
    assert.match(
      second.stdout,
      /transcripts\/K2\.txt\.annotations\.yaml: duplicate-guid: The annotation id ([0-9a-z]{8}) of a selection in "K2" is already used in transcripts\/K1\.txt\.annotations\.yaml, so it is imported as (?!\1)[0-9a-z]{8}\./,
    );
    const check = await checkJson(box.target);
    assert.equal(check.code, 0, JSON.stringify(check.problems));
    assert.equal(check.files.flatMap((f) => f.annotations).length, 2);
    const again = await qcode('import', join(box.root, 'k2.qdpx'), '--into', box.target, '--format', 'json');
    assert.equal(
      (JSON.parse(again.stdout) as { annotations: { unchanged: number } }).annotations.unchanged,
      1,
      'the new id is stable',
    );
  });

  it('renames case variables that would reach an object prototype, says so, and check accepts the registry', async () => {
    const box = sandbox();
    const names = ['__proto__', 'constructor', 'prototype', 'alder'];
    const variables = names.map((name, i) => ({ guid: guid(i + 1, 'c'), name }));
    const cases = [
      { guid: guid(1, 'd'), name: 'K1', values: Object.fromEntries(names.map((name) => [name, `verdi ${name}`])) },
    ];
    const result = await importInto(
      box,
      'proto.qdpx',
      qdpx({
        variables,
        cases,
        sources: [{ guid: guid(1), name: 'K1', selections: [{ guid: guid(1, 'b'), start: 0, end: 29 }] }],
      }),
    );
    assert.equal(result.code, 1);
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      assert.ok(
        result.stdout.includes(
          `renamed-variable: The case variable "${name}" cannot be an attribute name in informants.yaml, so its values are imported as the attribute "${name} (variable)".`,
        ),
        result.stdout,
      );
    }
    const registry = read(box.target, 'informants.yaml');
    for (const name of names.slice(0, 3)) assert.ok(registry.includes(`${name} (variable): verdi ${name}`), registry);
    assert.match(registry, /alder: verdi alder/);
    const check = await checkJson(box.target);
    assert.equal(check.code, 0, JSON.stringify(check.problems));
  });

  it('refuses a code tree 500 levels deep with the file and line, and writes nothing', async () => {
    const box = sandbox();
    const result = await importInto(box, 'dyp.qde', new TextEncoder().encode(deepCodesXml(500)));
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^qcode import: dyp\.qde:53:\d+: the code "nivå 51" is nested 51 levels deep; qcode takes code trees up to 50 levels\. .* Nothing was imported\.\n$/,
    );
    assert.equal(existsSync(box.target), false);
    const fifty = await importInto(sandbox(), 'dyp.qde', new TextEncoder().encode(deepCodesXml(50)));
    assert.equal(fifty.code, 0, fifty.stderr);
  });

  it('refuses before writing anything when a folder is where a file must go', async () => {
    for (const [made, message] of [
      [
        'codebook.yaml/',
        /^qcode import: codebook\.yaml: is a folder, where the import must write a file\. Move or rename the folder, then import again\. Nothing was written\.\n$/,
      ],
      ['transcripts/K1.txt/', /^qcode import: transcripts\/K1\.txt: is a folder, where the import must write a file/],
      [
        'transcripts',
        /^qcode import: transcripts: is a file, where the import needs a folder to write transcripts\/K1\.txt\./,
      ],
    ] as const) {
      const box = sandbox();
      mkdirSync(box.target, { recursive: true });
      if (made.endsWith('/')) {
        mkdirSync(join(box.target, made), { recursive: true });
        writeFileSync(join(box.target, made, 'inni.txt'), 'something\n');
      } else writeFileSync(join(box.target, made), 'a file\n');
      const before = treeHashes(box.target);
      const result = await importInto(
        box,
        'k1.qdpx',
        qdpx({ sources: [{ guid: guid(1), name: 'K1', selections: [{ guid: guid(1, 'b'), start: 0, end: 29 }] }] }),
      );
      assert.equal(result.code, 1, made);
      assert.match(result.stderr, message);
      assert.deepEqual(treeHashes(box.target), before, `the import wrote something beside ${made}`);
    }
  });

  it('reports a position that is not a number with its value and line, never NaN', async () => {
    const box = sandbox();
    const selections = [
      { guid: guid(1, 'b'), start: 'abc', end: 29 },
      { guid: guid(2, 'b'), start: 0, end: '' },
      { guid: guid(3, 'b'), start: 30, end: 55, code: CODE_GUID },
    ];
    const result = await importInto(box, 'pos.qdpx', qdpx({ sources: [{ guid: guid(1), name: 'K1', selections }] }));
    assert.equal(result.code, 1);
    assert.match(result.stdout, /could not be placed: startPosition="abc" \(line 5\) is not a whole number\./);
    assert.match(result.stdout, /could not be placed: endPosition="" \(line 6\) is not a whole number\./);
    assert.match(result.stdout, /3 annotations added, 0 merged, 0 unchanged, 2 orphaned/);
    const check = await checkJson(box.target);
    assert.deepEqual(
      check.problems.filter((p) => p.severity === 'error').map((p) => p.code),
      ['orphaned', 'orphaned'],
    );
  });
});
