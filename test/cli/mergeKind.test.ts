import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gitLabels, mergeKindOf } from '../../src/cli/mergeKind';
import { scratchProject, write } from './cliHarness';

describe('mergeKindOf', () => {
  it('knows sidecars by their ending and the codebook and informants by their default names, in any folder', async () => {
    const dir = scratchProject(null);
    assert.equal(await mergeKindOf('transcripts/intervju-K3.txt.annotations.yaml', dir), 'sidecar');
    assert.equal(await mergeKindOf('codebook.yaml', dir), 'codebook');
    assert.equal(await mergeKindOf('studie/informants.yaml', dir), 'informants');
    assert.equal(await mergeKindOf('notes.yaml', dir), undefined);
  });

  it('reads the names from the qcode.yaml of the nearest folder above the file', async () => {
    const dir = scratchProject(null);
    mkdirSync(join(dir, 'studie', 'koder'), { recursive: true });
    write(dir, 'studie/qcode.yaml', 'codebook: koder/kodebok.yaml\ninformants: ./informanter.yaml\n');
    assert.equal(await mergeKindOf('studie/koder/kodebok.yaml', dir), 'codebook');
    assert.equal(await mergeKindOf('studie/informanter.yaml', dir), 'informants');
    assert.equal(await mergeKindOf('studie/codebook.yaml', dir), undefined, 'the project names another file');
    assert.equal(await mergeKindOf('codebook.yaml', dir), 'codebook', 'outside that project the defaults hold');
  });
});

describe('gitLabels', () => {
  it('names HEAD and the merged branch as git merge tells its drivers', () => {
    assert.deepEqual(gitLabels({ PATH: '/bin', [`GITHEAD_${'a'.repeat(40)}`]: 'feature/æøå' }), {
      ours: 'HEAD',
      theirs: 'feature/æøå',
    });
    assert.equal(gitLabels({ PATH: '/bin' }), undefined);
  });
});
