import assert from 'node:assert/strict';
import { staysInside } from '../../src/core/paths';
import { FileAccessError, type AccessFailure } from '../../src/core/port';
import { loadProject } from '../../src/core/project/loadProject';
import { readSettings } from '../../src/core/settings/settings';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { MemoryFiles } from '../helpers/memoryFiles';
import { codedProjectFiles, expectProblem } from '../helpers/project';

const K3 = 'transcripts/intervju-K3.txt';
const L5 = 'transcripts/intervju-L5.txt';
const K3_SIDECAR = `${K3}.annotations.yaml`;
const L5_SIDECAR = `${L5}.annotations.yaml`;

/** The coded test project, in which reading (or listing) the given paths fails as a file system would. */
class FailingFiles extends MemoryFiles {
  constructor(private readonly failures: Record<string, AccessFailure>) {
    super();
    for (const [path, bytes] of codedProjectFiles().files) this.set(path, bytes);
  }

  override async read(path: string) {
    const reason = this.failures[path];
    if (reason) throw new FileAccessError(path, reason);
    return super.read(path);
  }

  override async list(folder: string) {
    const reason = this.failures[folder];
    if (reason) throw new FileAccessError(folder, reason);
    return super.list(folder);
  }
}

function annotationCount(project: Awaited<ReturnType<typeof loadProject>>, path: string): number | undefined {
  return project.transcripts.find((t) => t.path === path)?.annotations.length;
}

describe('paths from project files', () => {
  it('stay inside the project only when relative and never climbing above it', () => {
    for (const inside of [
      'transcripts',
      './transcripts/',
      'a/../b',
      'a/b/../../c',
      '',
      '.',
      '..notes/x',
      'exports/chapter.docx',
    ])
      assert.equal(staysInside(inside), true, inside);
    for (const outside of [
      '..',
      '../x',
      'a/../../x',
      '/etc',
      '\\\\server\\share',
      'C:\\Users\\x',
      'c:x',
      '..\\x',
      'transcripts/../../..',
    ])
      assert.equal(staysInside(outside), false, outside);
  });

  it('are refused in qcode.yaml at their line and column, and the default is kept', () => {
    const file = new YamlFile(
      'qcode.yaml',
      'codebook: /etc/passwd\ninformants: ../informants.yaml\ntranscripts: ../../..\n',
    );
    const settings = readSettings(file);
    assert.deepEqual(
      [settings.codebook, settings.informants, settings.transcripts],
      ['codebook.yaml', 'informants.yaml', 'transcripts'],
    );
    const refused = file.problems.filter((p) => p.code === 'path-outside');
    assert.deepEqual(
      refused.map((p) => [p.line, p.column, p.severity]),
      [
        [1, 11, 'error'],
        [2, 13, 'error'],
        [3, 14, 'error'],
      ],
    );
    assert.match(
      refused[2]?.message ?? '',
      /"transcripts" must be a path inside the project folder, relative to qcode\.yaml, not "\.\.\/\.\.\/\.\."/,
    );
  });

  it('refuse an export preset writing outside the project, keeping its other choices', () => {
    const file = new YamlFile(
      'qcode.yaml',
      'exports:\n  kapittel:\n    format: docx\n    out: ../../kapittel.docx\n  inne:\n    out: eksport/kapittel.docx\n',
    );
    const [outside, inside] = readSettings(file).exports;
    assert.deepEqual(outside, { name: 'kapittel', format: 'docx' });
    assert.deepEqual(inside, { name: 'inne', out: 'eksport/kapittel.docx' });
    expectProblem(file.problems, {
      code: 'path-outside',
      line: 4,
      column: 10,
      says: 'Nothing is written there; give --out to choose a file outside.',
    });
  });

  it('never make loadProject read above the project', async () => {
    const files = codedProjectFiles();
    files.set('qcode.yaml', 'transcripts: ../elsewhere\n');
    const asked: string[] = [];
    const read = files.read.bind(files);
    const list = files.list.bind(files);
    files.read = async (path) => (asked.push(path), read(path));
    files.list = async (folder) => (asked.push(folder), list(folder));
    const project = await loadProject(files);
    assert.deepEqual(
      asked.filter((p) => !staysInside(p)),
      [],
    );
    assert.equal(project.transcripts.length, 2, 'the default folder is used instead');
  });
});

describe('a transcripts folder that does not exist', () => {
  it('is an error at the "transcripts:" value when qcode.yaml names it', async () => {
    const files = codedProjectFiles();
    files.set('qcode.yaml', '# settings\ntranscripts: transcriptz\n');
    const project = await loadProject(files);
    expectProblem(project.problems, {
      code: 'missing-folder',
      file: 'qcode.yaml',
      line: 2,
      column: 14,
      severity: 'error',
      says: 'The transcripts folder "transcriptz" does not exist.',
    });
  });

  it('is an error when the editor names it', async () => {
    const project = await loadProject(codedProjectFiles(), { transcripts: 'intervjuer' });
    expectProblem(project.problems, { code: 'missing-folder', file: 'qcode.yaml', severity: 'error' });
  });

  it('is no problem when it is the default and the project has no transcripts yet', async () => {
    const project = await loadProject(new MemoryFiles({ 'codebook.yaml': 'concepts: []\n' }));
    assert.deepEqual(project.problems, []);
  });

  it('is found when it exists, also below another folder', async () => {
    const files = new MemoryFiles({
      'codebook.yaml': 'concepts: []\n',
      'qcode.yaml': 'transcripts: data/intervjuer\n',
      'data/intervjuer/a.txt': 'K1: Hei.\n',
    });
    const project = await loadProject(files);
    assert.deepEqual(project.problems, []);
    assert.deepEqual(
      project.transcripts.map((t) => t.path),
      ['data/intervjuer/a.txt'],
    );
  });
});

describe('files that exist but cannot be read', () => {
  it('one unreadable sidecar (permission denied) is a problem of its own; the rest is checked', async () => {
    const project = await loadProject(new FailingFiles({ [K3_SIDECAR]: 'permission' }));
    expectProblem(project.problems, {
      code: 'unreadable-file',
      file: K3_SIDECAR,
      line: 1,
      column: 1,
      severity: 'error',
      says: 'permission denied',
    });
    assert.equal(
      project.transcripts.find((t) => t.path === K3)?.sidecarReadable,
      false,
      'nothing may be written over it',
    );
    assert.equal(annotationCount(project, L5), 2);
  });

  it('an unreadable transcript leaves its annotations orphaned, not lost, and names the file', async () => {
    const project = await loadProject(new FailingFiles({ [K3]: 'permission' }));
    expectProblem(project.problems, { code: 'unreadable-file', file: K3 });
    assert.equal(annotationCount(project, K3), 3);
    assert.ok(
      project.transcripts.find((t) => t.path === K3)?.annotations.every((a) => a.resolution.status === 'orphaned'),
    );
    assert.equal(annotationCount(project, L5), 2);
  });

  it("a pipe or device in a sidecar's place, and a link out of the project, are reported by what they are", async () => {
    const project = await loadProject(
      new FailingFiles({ [K3_SIDECAR]: 'not-a-file', [L5_SIDECAR]: 'outside-project' }),
    );
    expectProblem(project.problems, {
      code: 'not-a-file',
      file: K3_SIDECAR,
      says: 'is not a regular file (a named pipe, socket or device), so qcode does not open it',
    });
    expectProblem(project.problems, {
      code: 'outside-project',
      file: L5_SIDECAR,
      says: 'is a link to a place outside the project folder, which qcode does not follow',
    });
  });

  it('a folder that cannot be listed is reported, and the folders beside it are still searched', async () => {
    const files = new FailingFiles({ 'transcripts/privat': 'permission' });
    files.set('transcripts/privat/x.txt', 'K1: Hei.\n');
    const project = await loadProject(files);
    expectProblem(project.problems, { code: 'unreadable-file', file: 'transcripts/privat' });
    assert.deepEqual(
      project.transcripts.map((t) => t.path),
      [K3, L5],
    );
  });

  it("a folder in a sidecar's place is reported, is never written, and its transcript is still checked", async () => {
    const files = codedProjectFiles();
    const sidecar = files.files.get(L5_SIDECAR) as Uint8Array;
    files.files.delete(L5_SIDECAR);
    files.set(`${L5_SIDECAR}/annotations.yaml`, sidecar);
    const project = await loadProject(files);
    expectProblem(project.problems, {
      code: 'not-a-file',
      file: L5_SIDECAR,
      severity: 'error',
      says: 'is a folder, where the annotations of intervju-L5.txt should be a file',
    });
    const l5 = project.transcripts.find((t) => t.path === L5);
    assert.equal(l5?.sidecarReadable, false);
    assert.ok(l5?.doc, 'the transcript itself was read');
    assert.equal(annotationCount(project, K3), 3);
  });
});
