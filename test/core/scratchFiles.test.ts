import assert from 'node:assert/strict';
import { isScratchFile } from '../../src/core/lock/scratchFiles';
import { ignoreScratchFiles } from '../../src/core/operations/ignoreScratchFiles';
import { loadProject } from '../../src/core/project/loadProject';
import { encodeUtf8 } from '../../src/core/text/decode';
import { MemoryFiles } from '../helpers/memoryFiles';
import { codedProjectFiles } from '../helpers/project';

const IGNORED =
  '# qcode: lock and temporary files that exist only while it writes\n*.yaml.lock\n*.yaml.lock.break\n*.tmp\n';

describe('lock and temporary files', () => {
  it('are told apart from project files', () => {
    for (const path of [
      'codebook.yaml.lock',
      'transcripts/k3.txt.annotations.yaml.lock',
      'informants.yaml.lock.break',
      'transcripts/k3.txt.annotations.yaml.1f2e3d4c.tmp',
      'codebook.yaml.lock.ab12cd34.tmp',
    ])
      assert.ok(isScratchFile(path), path);
    for (const path of [
      'codebook.yaml',
      'transcripts/k3.txt',
      'transcripts/k3.txt.annotations.yaml',
      'transcripts/lock.txt',
      'transcripts/tmp.md',
    ])
      assert.ok(!isScratchFile(path), path);
  });

  it('are neither transcripts nor sidecars when the project is loaded', async () => {
    const clean = await loadProject(codedProjectFiles());
    const files = codedProjectFiles();
    for (const path of [...files.files.keys()].filter((p) => p.startsWith('transcripts/'))) {
      files.set(`${path}.lock`, '{"owner":"0123456789abcdef","created":"2026-11-20T10:00:00Z"}\n');
      files.set(`${path}.lock.break`, '');
      files.set(`${path}.5c0ffee5.tmp`, files.text(path) ?? '');
    }
    const project = await loadProject(files);
    assert.deepEqual(
      project.transcripts.map((t) => [t.path, t.sidecarPath, t.annotations.length]),
      clean.transcripts.map((t) => [t.path, t.sidecarPath, t.annotations.length]),
    );
    assert.deepEqual(project.problems, clean.problems);
  });
});

describe('ignoreScratchFiles', () => {
  it('creates .gitignore with the patterns of lock and temporary files', async () => {
    const files = new MemoryFiles();
    assert.equal(await ignoreScratchFiles(files), 'created');
    assert.equal(files.text('.gitignore'), IGNORED);
  });

  it('adds only the missing patterns to an existing .gitignore, keeping its lines, line endings and BOM', async () => {
    const files = new MemoryFiles({ '.gitignore': encodeUtf8('node_modules/\r\n*.tmp', true) });
    assert.equal(await ignoreScratchFiles(files), 'extended');
    assert.equal(
      files.text('.gitignore'),
      '\ufeffnode_modules/\r\n*.tmp\r\n# qcode: lock and temporary files that exist only while it writes\r\n*.yaml.lock\r\n*.yaml.lock.break\r\n',
    );
  });

  it('changes nothing the second time', async () => {
    const files = new MemoryFiles();
    await ignoreScratchFiles(files);
    assert.equal(await ignoreScratchFiles(files), undefined);
    assert.equal(files.text('.gitignore'), IGNORED);
    assert.deepEqual(files.writes, ['.gitignore']);
  });

  it('leaves a .gitignore that is not UTF-8 alone, and says so', async () => {
    const files = new MemoryFiles({ '.gitignore': Uint8Array.from([0x2a, 0xe5, 0x0a]) });
    assert.equal(await ignoreScratchFiles(files), 'unreadable');
    assert.deepEqual(files.writes, []);
  });
});
