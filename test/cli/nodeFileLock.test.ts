import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { NodeProjectFiles } from '../../src/node/nodeFiles';
import { addConcept } from '../../src/core/codebook/addConcept';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { readInformants } from '../../src/core/informants/registry';
import { FileLockTimeout, withFileLock } from '../../src/core/lock/fileLock';
import { updateTextFile } from '../../src/core/lock/updateTextFile';
import type { ImportSummary } from '../../src/core/refi/importSummary';
import { writeConcepts, writeInformants } from '../../src/core/refi/writeRegistries';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { lockFileText } from '../helpers/lockClock';
import { scratchDir } from '../helpers/scratch';

const CODEBOOK = 'codebook.yaml';
const INFORMANTS = 'informants.yaml';

function scratch(): string {
  return scratchDir('qcode-lock-');
}

/** NodeProjectFiles whose reads take a while, so that two writers surely overlap between reading and writing. */
class SlowFiles extends NodeProjectFiles {
  override async read(path: string): Promise<Uint8Array | undefined> {
    const bytes = await super.read(path);
    if (!path.endsWith('.lock')) await delay(30);
    return bytes;
  }
}

function emptySummary(): ImportSummary {
  return { written: [] } as unknown as ImportSummary;
}

describe('NodeProjectFiles.createExclusive and remove', () => {
  it('creates a file (and its folders) only when nothing is there, and removes it', async () => {
    const root = scratch();
    const files = new NodeProjectFiles(root);
    assert.equal(await files.createExclusive('a/b/x.lock', new TextEncoder().encode('first')), true);
    assert.equal(await files.createExclusive('a/b/x.lock', new TextEncoder().encode('second')), false);
    assert.equal(readFileSync(join(root, 'a/b/x.lock'), 'utf8'), 'first');
    mkdirSync(join(root, 'folder.lock'));
    assert.equal(
      await files.createExclusive('folder.lock', new Uint8Array([1])),
      false,
      'a folder in the way counts as taken',
    );
    await files.remove('a/b/x.lock');
    await files.remove('a/b/x.lock');
    assert.equal(await files.read('a/b/x.lock'), undefined);
  });

  it('lets exactly one of many simultaneous creators have the file', async () => {
    const root = scratch();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        new NodeProjectFiles(root).createExclusive('x.lock', new TextEncoder().encode(`${n}`)),
      ),
    );
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(readFileSync(join(root, 'x.lock'), 'utf8'), `${results.indexOf(true)}`);
  });
});

describe('withFileLock on NodeProjectFiles', () => {
  it('serialises read-modify-write across separate file ports, as separate processes would use', async () => {
    const root = scratch();
    writeFileSync(join(root, 'count.yaml'), '0');
    await Promise.all(
      Array.from({ length: 20 }, () => {
        const files = new NodeProjectFiles(root);
        return withFileLock(files, 'count.yaml', async () => {
          const count = Number(new TextDecoder().decode(await files.read('count.yaml')));
          await delay(2);
          await files.write('count.yaml', new TextEncoder().encode(String(count + 1)));
        });
      }),
    );
    assert.equal(readFileSync(join(root, 'count.yaml'), 'utf8'), '20');
    assert.equal(await new NodeProjectFiles(root).read('count.yaml.lock'), undefined);
  });

  it('removes a lock file left behind by a process that stopped a minute ago', async () => {
    const root = scratch();
    writeFileSync(
      join(root, 'codebook.yaml.lock'),
      lockFileText('0123456789abcdef', new Date(Date.now() - 60_000).toISOString()),
    );
    const started = Date.now();
    assert.equal(await withFileLock(new NodeProjectFiles(root), CODEBOOK, async () => 'ran'), 'ran');
    assert.ok(Date.now() - started < 5_000);
    assert.equal(await new NodeProjectFiles(root).read('codebook.yaml.lock'), undefined);
    assert.equal(await new NodeProjectFiles(root).read('codebook.yaml.lock.break'), undefined);
  });

  it('gives up on a lock another process holds, naming the lock file, and leaves it alone', async () => {
    const root = scratch();
    const held = lockFileText('fedcba9876543210', new Date().toISOString());
    writeFileSync(join(root, 'codebook.yaml.lock'), held);
    const error = await withFileLock(new NodeProjectFiles(root), CODEBOOK, async () => 'ran', { timeoutMs: 300 }).catch(
      (e: unknown) => e,
    );
    assert.ok(error instanceof FileLockTimeout, String(error));
    assert.match(error.message, /^codebook\.yaml\.lock: another qcode program .* delete codebook\.yaml\.lock\.$/);
    assert.equal(readFileSync(join(root, 'codebook.yaml.lock'), 'utf8'), held);
  });
});

describe('concurrent codebook and informant writes', () => {
  const START = 'concepts:\n  - id: samordning\n    label: Samordning\n';

  it('keeps both of two concepts added at the same time, one by a codebook edit and one by an import', async () => {
    const root = scratch();
    writeFileSync(join(root, CODEBOOK), START);
    const summary = emptySummary();
    const [edited] = await Promise.all([
      updateTextFile(new SlowFiles(root), CODEBOOK, (text) =>
        addConcept(text ?? '', 'samordning', { id: 'samordning.formell', label: 'Formell' }),
      ),
      writeConcepts(new SlowFiles(root), CODEBOOK, START, [{ id: 'ressurser', label: 'Ressurser' }], summary),
    ]);
    assert.deepEqual(edited, { ok: true, changed: true });
    assert.deepEqual(summary.written, [CODEBOOK]);
    const codebook = readCodebook(new YamlFile(CODEBOOK, readFileSync(join(root, CODEBOOK), 'utf8')));
    assert.deepEqual([...codebook.all()].map((c) => c.id).sort(), ['ressurser', 'samordning', 'samordning.formell']);
  });

  it('keeps two codebook edits made at the same time', async () => {
    const root = scratch();
    writeFileSync(join(root, CODEBOOK), START);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        updateTextFile(new SlowFiles(root), CODEBOOK, (text) =>
          addConcept(text ?? '', undefined, { id, label: id.toUpperCase() }),
        ),
      ),
    );
    assert.ok(results.every((r) => r.ok && r.changed));
    const codebook = readCodebook(new YamlFile(CODEBOOK, readFileSync(join(root, CODEBOOK), 'utf8')));
    assert.deepEqual([...codebook.all()].map((c) => c.id).sort(), ['a', 'b', 'c', 'samordning']);
  });

  it('adds the informants of two imports at the same time, each code once', async () => {
    const root = scratch();
    const previous = 'informants:\n  - code: K1\n';
    writeFileSync(join(root, INFORMANTS), previous);
    await Promise.all([
      writeInformants(
        new SlowFiles(root),
        INFORMANTS,
        previous,
        [
          { code: 'K2', attributes: { role: 'tjenestemottaker' } },
          { code: 'L5', attributes: {} },
        ],
        emptySummary(),
      ),
      writeInformants(
        new SlowFiles(root),
        INFORMANTS,
        previous,
        [
          { code: 'K3', attributes: {} },
          { code: 'L5', attributes: {} },
        ],
        emptySummary(),
      ),
    ]);
    const registry = readInformants(new YamlFile(INFORMANTS, readFileSync(join(root, INFORMANTS), 'utf8')));
    assert.deepEqual([...registry.codes].sort(), ['K1', 'K2', 'K3', 'L5']);
  });
});
