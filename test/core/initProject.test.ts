import assert from 'node:assert/strict';
import { initProject } from '../../src/core/operations/initProject';
import { loadProject } from '../../src/core/project/loadProject';
import { MemoryFiles } from '../helpers/memoryFiles';

describe('initProject', () => {
  it('creates settings, codebook, informants and the transcripts folder, which load without problems', async () => {
    const files = new MemoryFiles();
    assert.deepEqual(await initProject(files), ['qcode.yaml', 'codebook.yaml', 'informants.yaml', 'transcripts/']);
    assert.ok(files.files.has('transcripts/.gitkeep'));
    const project = await loadProject(files);
    assert.deepEqual(project.problems, []);
    assert.deepEqual(
      [...project.codebook.all()].map((c) => c.id),
      ['example'],
    );
    assert.deepEqual(project.informants.codes, ['K1']);
  });

  it('never overwrites existing files and creates nothing the second time', async () => {
    const files = new MemoryFiles({ 'codebook.yaml': 'concepts: []\n', 'transcripts/k1.txt': 'K1: Hei.' });
    assert.deepEqual(await initProject(files), ['qcode.yaml', 'informants.yaml']);
    assert.equal(files.text('codebook.yaml'), 'concepts: []\n');
    assert.deepEqual(await initProject(files), []);
  });
});
