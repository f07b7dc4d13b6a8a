import assert from 'node:assert/strict';
import type { FolderEntry } from '../../src/core/port';
import { loadProject } from '../../src/core/project/loadProject';
import type { Project } from '../../src/core/project/model';
import { isTranscriptPath, listingOnly, type Listing } from '../../src/core/project/someTranscripts';
import { DEFAULT_SETTINGS, readSettings } from '../../src/core/settings/settings';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { filesFromDisk, SAMPLE_PROJECT } from '../helpers/diskProject';
import { MemoryFiles } from '../helpers/memoryFiles';

/** The same files, listed through a narrowed listing (as the extension loads the open transcripts first). */
class ListedThrough extends MemoryFiles {
  constructor(
    files: MemoryFiles,
    private readonly listing: Listing,
  ) {
    super(Object.fromEntries(files.files));
  }

  override async list(folder: string): Promise<FolderEntry[]> {
    return this.listing(folder, await super.list(folder));
  }
}

const K3 = 'transcripts/intervju-K3.txt';

/** What a transcript's annotations came to: id, status, where, informant. */
function resolved(project: Project, path: string) {
  return project.transcripts
    .find((t) => t.path === path)
    ?.annotations.map((r) => [r.annotation.id, r.resolution.status, r.text, r.informant]);
}

describe('loading only some transcripts first', () => {
  it('loads the given transcripts, each as the whole project has it, with the codebook and informants', async () => {
    const files = filesFromDisk(SAMPLE_PROJECT);
    const whole = await loadProject(files);
    const part = await loadProject(new ListedThrough(files, listingOnly([K3])));
    assert.deepEqual(
      part.transcripts.map((t) => t.path),
      [K3],
    );
    assert.deepEqual(resolved(part, K3), resolved(whole, K3));
    assert.ok((resolved(part, K3) ?? []).length > 5);
    assert.deepEqual(
      [...part.codebook.all()].map((c) => c.id),
      [...whole.codebook.all()].map((c) => c.id),
    );
    assert.deepEqual(part.informants.codes, whole.informants.codes);
  });

  it('reports the problems of those transcripts and of the project files, not of the others', async () => {
    const files = filesFromDisk(SAMPLE_PROJECT);
    const misspell = (path: string) =>
      files.set(path, (files.text(path) ?? '').replace('concepts: [', 'concepts: [ukjent.begrep, '));
    misspell(`${K3}.annotations.yaml`);
    misspell('transcripts/intervju-K1.txt.annotations.yaml');
    files.set('informants.yaml', `${files.text('informants.yaml') ?? ''}  - kode: X1\n`);
    const whole = await loadProject(files);
    const part = await loadProject(new ListedThrough(files, listingOnly([K3])));
    const where = (project: Project) => project.problems.map((p) => `${p.file} ${p.code}`);
    assert.ok(
      where(whole).includes('transcripts/intervju-K1.txt.annotations.yaml unknown-concept'),
      where(whole).join('\n'),
    );
    assert.deepEqual(
      where(part),
      where(whole).filter((w) => !w.startsWith('transcripts/') || w.startsWith(K3)),
    );
    assert.ok(where(part).includes(`${K3}.annotations.yaml unknown-concept`));
  });

  it('finds nothing but still finds the folders: no transcript open is no missing folder', async () => {
    const files = new MemoryFiles({
      'qcode.yaml': 'transcripts: data/intervjuer\n',
      'codebook.yaml': 'concepts: []\n',
      'data/intervjuer/a/k1.txt': 'K1: Hei.\n',
    });
    const none = await loadProject(new ListedThrough(files, listingOnly([])));
    assert.deepEqual(none.transcripts, []);
    assert.deepEqual(
      none.problems.filter((p) => p.code === 'missing-folder'),
      [],
    );
    const nested = await loadProject(new ListedThrough(files, listingOnly(['data/intervjuer/a/k1.txt'])));
    assert.deepEqual(
      nested.transcripts.map((t) => t.path),
      ['data/intervjuer/a/k1.txt'],
    );
  });

  it('tells a transcript by its path exactly as loading the project finds them', async () => {
    const paths = [
      'transcripts/a.txt',
      'transcripts/sub/b.MD',
      'transcripts/a.txt.annotations.yaml',
      'transcripts/.hidden/c.txt',
      'transcripts/notes.docx',
      'codebook.yaml',
      'other/d.txt',
      'transcripts-old/e.txt',
      'data/f.txt',
    ];
    for (const qcodeYaml of ['', 'transcripts: data\n', 'transcripts: .\nextensions: [txt]\n']) {
      const files = new MemoryFiles(
        Object.fromEntries([['qcode.yaml', qcodeYaml], ...paths.map((p) => [p, 'K1: Hei.\n'])]),
      );
      const found = new Set((await loadProject(files)).transcripts.map((t) => t.path));
      const settings = qcodeYaml ? readSettings(new YamlFile('qcode.yaml', qcodeYaml)) : DEFAULT_SETTINGS;
      assert.deepEqual(
        paths.filter((p) => isTranscriptPath(settings, p)),
        paths.filter((p) => found.has(p)),
        `with qcode.yaml: ${qcodeYaml}`,
      );
    }
    assert.ok(isTranscriptPath(DEFAULT_SETTINGS, 'transcripts/sub/b.MD'));
  });
});
