import { strict as assert } from 'node:assert';
import { strToU8 } from 'fflate';
import { importRefi } from '../../src/core/refi/importRefi';
import { RefiReadError } from '../../src/core/refi/readError';
import { MemoryFiles } from '../helpers/memoryFiles';
import { fixtureFile, fixtureQdpx, importInto } from '../helpers/refiFixtures';

const EXISTING_CODEBOOK = `# Our own codebook; this comment stays.
concepts:
  - id: samordning
    label: Koordinering
    guid: 0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9
    children:
      - id: samordning.formell
        label: Formell
  - id: egen
    label: Vårt eget begrep
`;

describe('REFI-QDA import into a project that has content', () => {
  it('changes nothing when the same file is imported twice', async () => {
    const files = new MemoryFiles();
    await importRefi(files, fixtureQdpx('nvivo-win'));
    const before = new Map(files.files);
    const writes = files.writes.length;
    const again = await importRefi(files, fixtureQdpx('nvivo-win'));
    assert.deepEqual(again.written, []);
    assert.equal(files.writes.length, writes);
    assert.deepEqual(new Map(files.files), before);
    assert.deepEqual(again.annotations, { added: 0, merged: 0, unchanged: 3, orphaned: 0, uncoded: 0 });
    assert.deepEqual(again.concepts, { added: 0, matched: 3 });
    assert.deepEqual(again.informants, { added: 0, matched: 1, speakers: 0 });
    assert.deepEqual(
      again.sources.map((s) => s.status),
      ['unchanged'],
    );
  });

  it('matches concepts by guid, then by label path, and keeps the concepts and comments that were there', async () => {
    const files = new MemoryFiles({ 'codebook.yaml': EXISTING_CODEBOOK });
    const imported = await importInto(files, fixtureQdpx('nvivo-win'));
    assert.deepEqual(imported.summary.concepts, { added: 1, matched: 2 });
    assert.deepEqual(
      imported.passages.get('transcripts/Intervju K3.txt')?.map((p) => p.concepts),
      [['samordning.formell', 'samordning'], ['samordning.uformell'], ['samordning.uformell']],
    );
    const codebook = files.text('codebook.yaml') ?? '';
    assert.ok(
      codebook.startsWith(EXISTING_CODEBOOK.split('\n  - id: egen')[0] as string),
      'the existing lines stay as they were',
    );
    assert.match(codebook, /# Our own codebook; this comment stays\./);
    assert.equal(imported.concepts.get('egen')?.label, 'Vårt eget begrep');
    assert.deepEqual(imported.concepts.get('samordning.uformell'), {
      label: 'Uformell',
      parentId: 'samordning',
      guid: '2c3d4e5f-6071-4283-9495-b6c7d8e9f0a1',
    });
  });

  it('matches informants by their guid attribute or code and leaves them as they are', async () => {
    const informants = 'informants:\n  - code: K3\n    rolle: ansatt\n';
    const files = new MemoryFiles({ 'informants.yaml': informants });
    const { summary } = await importInto(files, fixtureQdpx('nvivo-win'));
    assert.deepEqual(summary.informants, { added: 0, matched: 1, speakers: 0 });
    assert.equal(files.text('informants.yaml'), informants);
  });

  it('keeps annotations that are not in the import and adds imported concepts to one with the same id', async () => {
    const files = new MemoryFiles();
    await importRefi(files, fixtureQdpx('nvivo-win'));
    const sidecar = 'transcripts/Intervju K3.txt.annotations.yaml';
    const text = files.text(sidecar) ?? '';
    const firstId = /- id: (\w+)/.exec(text)?.[1] as string;
    const ours = text
      .replace('concepts: [koordinering.formell, koordinering]', 'concepts: [koordinering]')
      .replace(
        'annotations:\n',
        'annotations:\n  - id: zzzzzzzz\n    concepts: [koordinering]\n    quote: Jeg ringer\n',
      );
    files.set(sidecar, ours);
    const again = await importInto(files, fixtureQdpx('nvivo-win'));
    assert.deepEqual(again.summary.annotations, { added: 0, merged: 1, unchanged: 2, orphaned: 0, uncoded: 0 });
    const passages = again.passages.get('transcripts/Intervju K3.txt') ?? [];
    assert.equal(passages.length, 4);
    assert.ok(
      passages.some((p) => p.quote === 'Jeg ringer'),
      'our own annotation stays',
    );
    assert.match(
      files.text(sidecar) ?? '',
      new RegExp(`id: ${firstId}\\n {4}concepts: \\[koordinering, koordinering\\.formell\\]`),
    );
  });

  it('never overwrites a transcript with other text: reports the conflict and skips its annotations', async () => {
    const edited = 'I: Hvordan får du hjelp?\nK3: Jeg ringer koordinatoren.\n';
    const files = new MemoryFiles({ 'transcripts/Intervju K3.txt': edited });
    const { summary } = await importInto(files, fixtureQdpx('nvivo-win'));
    assert.equal(files.text('transcripts/Intervju K3.txt'), edited);
    assert.equal(files.files.has('transcripts/Intervju K3.txt.annotations.yaml'), false);
    assert.deepEqual(
      summary.sources.map((s) => s.status),
      ['conflict'],
    );
    assert.deepEqual(
      summary.problems.map((p) => [p.kind, p.path]),
      [['conflict', 'transcripts/Intervju K3.txt']],
    );
    assert.match(summary.problems[0]?.message ?? '', /not overwritten.*4 selections were not imported/);
  });

  it('keeps concept ids exactly when the package carries qcode/ids.json', async () => {
    const ids = {
      concepts: {
        '{1B2C3D4E-5F60-4172-8384-A5B6C7D8E9F0}': 'formell',
        '0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9': 'samordning',
      },
    };
    const input = fixtureQdpx('nvivo-win', (entries) => (entries['qcode/ids.json'] = strToU8(JSON.stringify(ids))));
    const { concepts } = await importInto(new MemoryFiles(), input);
    assert.deepEqual(
      [...concepts].map(([id, c]) => [id, c.parentId]),
      [
        ['samordning', undefined],
        ['formell', 'samordning'],
        ['samordning.uformell', 'samordning'],
      ],
    );
  });

  it('refuses to import over a codebook that does not parse, and writes nothing', async () => {
    const files = new MemoryFiles({ 'codebook.yaml': 'concepts:\n  - id: a\n   label: [\n' });
    await assert.rejects(importRefi(files, fixtureQdpx('nvivo-win')), (error: RefiReadError) =>
      /codebook\.yaml:\d+:\d+: does not parse .*nothing was imported/.test(error.message),
    );
    assert.deepEqual(files.writes, []);
  });
});

describe('REFI-QDA import: unreadable input', () => {
  async function failure(input: { name: string; bytes: Uint8Array }): Promise<string> {
    const files = new MemoryFiles();
    const error = await importRefi(files, input).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof RefiReadError, `expected a RefiReadError, got ${String(error)}`);
    assert.deepEqual(files.writes, [], 'nothing is written');
    return error.message;
  }

  it('a truncated project.qde names the file and the line where it ends', async () => {
    const lines = new TextDecoder().decode(fixtureFile('truncated.qde').bytes).split('\n').length;
    const message = await failure(fixtureFile('truncated.qde'));
    assert.match(
      message,
      new RegExp(`^truncated\\.qde:${lines}(:\\d+)?: the XML ends before it is complete .*truncated or damaged`),
    );
  });

  it('a truncated .qdpx archive', async () => {
    const whole = fixtureQdpx('maxqda').bytes;
    const message = await failure({ name: 'cut.qdpx', bytes: whole.slice(0, Math.floor(whole.length / 2)) });
    assert.match(message, /^cut\.qdpx: cannot be unpacked .*truncated or damaged/);
  });

  it('a .qdpx whose project.qde is truncated names the entry', async () => {
    const input = fixtureQdpx(
      'maxqda',
      (entries) => (entries['project.qde'] = (entries['project.qde'] as Uint8Array).slice(0, 300)),
    );
    assert.match(await failure(input), /^maxqda\.qdpx\/project\.qde:\d+:\d+: the XML ends before it is complete/);
  });

  it('a file that is not XML', async () => {
    assert.match(await failure(fixtureFile('not-xml.qdc')), /^not-xml\.qdc: is not XML/);
  });

  it('a .qdpx that is not a zip, and a zip without a project', async () => {
    assert.match(await failure({ name: 'x.qdpx', bytes: strToU8('<Project/>') }), /^x\.qdpx: is not a zip archive/);
    const noProject = fixtureQdpx('maxqda', (entries) => delete entries['project.qde']);
    assert.match(await failure(noProject), /^maxqda\.qdpx: holds no project\.qde/);
  });

  it('XML that is neither a project nor a codebook', async () => {
    assert.match(
      await failure({ name: 'odd.qde', bytes: strToU8('<?xml version="1.0"?><Codes/>') }),
      /root element is <Codes>/,
    );
  });
});
