import assert from 'node:assert/strict';
import type { ProjectFiles } from '../../src/core/port';
import type { Problem } from '../../src/core/problems';
import { discoverTranscripts } from '../../src/core/project/discover';
import { MAX_FILE_BYTES, readTextFile } from '../../src/core/project/readText';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';
import { encodeUtf8 } from '../../src/core/text/decode';
import { MemoryFiles } from '../helpers/memoryFiles';
import { expectProblem } from '../helpers/project';

describe('discoverTranscripts', () => {
  it('finds transcripts by ending in the transcripts folder and below, in path order, skipping hidden entries', async () => {
    const files = new MemoryFiles({
      'transcripts/b.txt': '',
      'transcripts/a.MD': '',
      'transcripts/sub/c.txt': '',
      'transcripts/notes.docx': '',
      'transcripts/.git/x.txt': '',
      'transcripts/.draft.txt': '',
      'other/d.txt': '',
      'transcripts/b.txt.annotations.yaml': '',
    });
    assert.deepEqual(await discoverTranscripts(files, DEFAULT_SETTINGS), {
      transcripts: ['transcripts/a.MD', 'transcripts/b.txt', 'transcripts/sub/c.txt'],
      strandedSidecars: [],
      sidecarFolders: [],
      folderFound: true,
    });
  });

  it('lists sidecars whose transcript is missing', async () => {
    const files = new MemoryFiles({
      'transcripts/gone.txt.annotations.yaml': '',
      'transcripts/here.txt': '',
      'transcripts/here.txt.annotations.yaml': '',
    });
    assert.deepEqual((await discoverTranscripts(files, DEFAULT_SETTINGS)).strandedSidecars, [
      'transcripts/gone.txt.annotations.yaml',
    ]);
  });

  it('finds nothing when the folder does not exist', async () => {
    assert.deepEqual(await discoverTranscripts(new MemoryFiles(), DEFAULT_SETTINGS), {
      transcripts: [],
      strandedSidecars: [],
      sidecarFolders: [],
      folderFound: false,
    });
  });
});

describe('readTextFile', () => {
  async function read(bytes: Uint8Array | undefined, required = true, checkConflicts = true) {
    const files: ProjectFiles = {
      read: async () => bytes,
      write: async () => undefined,
      list: async () => [],
      createExclusive: async () => false,
      remove: async () => undefined,
    };
    const problems: Problem[] = [];
    return { result: await readTextFile(files, 'transcripts/t.txt', problems, required, checkConflicts), problems };
  }

  it('gives the text and whether it had a BOM', async () => {
    const { result, problems } = await read(encodeUtf8('K3: Hei 😀', true));
    assert.deepEqual(problems, []);
    assert.ok(typeof result === 'object');
    assert.deepEqual([result.text, result.hadBom], ['K3: Hei 😀', true]);
  });

  it('says "missing" and reports it only for required files', async () => {
    const required = await read(undefined);
    assert.equal(required.result, 'missing');
    expectProblem(required.problems, {
      code: 'missing-file',
      line: 1,
      column: 1,
      says: 'transcripts/t.txt was not found',
    });
    assert.deepEqual(await read(undefined, false), { result: 'missing', problems: [] });
  });

  it('refuses files over the size limit without decoding them', async () => {
    const { result, problems } = await read(new Uint8Array(MAX_FILE_BYTES + 1));
    assert.equal(result, 'unreadable');
    expectProblem(problems, { code: 'too-large', says: 'qcode reads files up to 64 MB' });
  });

  it('refuses non-UTF-8 and conflicted text as unreadable, with line and column', async () => {
    const latin1 = await read(Uint8Array.from([0x61, 0x0a, 0x62, 0xf8]));
    assert.equal(latin1.result, 'unreadable');
    expectProblem(latin1.problems, { code: 'not-utf8', line: 2, column: 2 });
    const conflicted = await read(encodeUtf8('a\n>>>>>>> b\n'));
    expectProblem(conflicted.problems, { code: 'conflict-markers', line: 2, column: 1 });
    assert.equal(
      (await read(encodeUtf8('a\n>>>>>>> b\n'), true, false)).result.constructor,
      Object,
      'conflicts can be left to the YAML reader',
    );
  });
});
