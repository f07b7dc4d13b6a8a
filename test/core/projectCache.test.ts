import assert from 'node:assert/strict';
import fc from 'fast-check';
import { captureAnchor } from '../../src/core/anchoring/capture';
import type { ProjectFiles } from '../../src/core/port';
import { loadProject } from '../../src/core/project/loadProject';
import type { Project } from '../../src/core/project/model';
import { ProjectCache } from '../../src/core/project/projectCache';
import { renderSidecar } from '../../src/core/sidecar/render';
import { TranscriptText } from '../../src/core/text/transcriptText';
import { runs } from '../helpers/fcRuns';
import { MemoryFiles } from '../helpers/memoryFiles';
import { CODEBOOK, K3_TRANSCRIPT, projectFiles } from '../helpers/project';

/** MemoryFiles that count the reads of each path. */
class CountingFiles extends MemoryFiles {
  readonly reads = new Map<string, number>();

  override read(path: string): Promise<Uint8Array | undefined> {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return super.read(path);
  }

  /** The paths read since the last call. */
  takeReads(): string[] {
    const paths = [...this.reads.keys()].sort();
    this.reads.clear();
    return paths;
  }
}

/** A sidecar for a transcript with one annotation of `quote`. */
function sidecarOf(name: string, text: string, quote: string, id = 'abcdefgh'): string {
  const doc = new TranscriptText(text);
  const start = doc.text.indexOf(quote);
  return renderSidecar(name, [
    { id, concepts: ['samordning.formell'], ...captureAnchor(doc, start, start + quote.length) },
  ]);
}

function project(): CountingFiles {
  const files = new CountingFiles();
  for (const [path, content] of projectFiles().files) files.files.set(path, content);
  for (const name of ['a.txt', 'b.txt', 'c.txt']) {
    files.set(`transcripts/${name}`, K3_TRANSCRIPT);
    files.set(`transcripts/${name}.annotations.yaml`, sidecarOf(name, K3_TRANSCRIPT, 'Jeg har et veldig godt team.'));
  }
  return files;
}

/** What a project says, without the identity of its objects. */
function summary(loaded: Project) {
  return {
    settings: loaded.settings,
    concepts: [...loaded.codebook.all()].map((c) => c.id),
    problems: loaded.problems,
    transcripts: loaded.transcripts.map((t) => ({
      path: t.path,
      text: t.doc?.text,
      sidecarText: t.sidecarText,
      sidecarReadable: t.sidecarReadable,
      annotations: t.annotations.map(({ annotation, resolution, informant, text, line, column }) => ({
        annotation,
        resolution,
        informant,
        text,
        line,
        column,
      })),
    })),
  };
}

describe('ProjectCache', () => {
  it('reads nothing again on a reload when nothing changed, and gives the same project', async () => {
    const files = project();
    const cache = new ProjectCache();
    const first = await loadProject(files, {}, { cache });
    assert.ok(files.takeReads().length >= 8);
    const again = await loadProject(files, {}, { cache });
    assert.deepEqual(files.takeReads(), []);
    assert.deepEqual(summary(again), summary(first));
  });

  it('reads again only the transcript whose sidecar changed, and keeps the problems of the others', async () => {
    const files = project();
    files.set('transcripts/c.txt.annotations.yaml', 'qcode: 1\nannotations: [\n');
    const cache = new ProjectCache();
    await loadProject(files, {}, { cache });
    files.takeReads();
    files.set(
      'transcripts/b.txt.annotations.yaml',
      sidecarOf('b.txt', K3_TRANSCRIPT, 'Da har jeg nummeret til et par av dem.', 'bcdefghj'),
    );
    cache.changed('transcripts/b.txt.annotations.yaml');
    const loaded = await loadProject(files, {}, { cache });
    assert.deepEqual(files.takeReads(), ['transcripts/b.txt', 'transcripts/b.txt.annotations.yaml']);
    assert.deepEqual(summary(loaded), summary(await loadProject(files)));
    assert.ok(loaded.problems.some((p) => p.file === 'transcripts/c.txt.annotations.yaml' && p.code === 'yaml-syntax'));
  });

  it('reads the codebook again when it changed, and every transcript when the settings changed', async () => {
    const files = project();
    const cache = new ProjectCache();
    await loadProject(files, {}, { cache });
    files.set('codebook.yaml', CODEBOOK.replace('Formell samordning', 'Formell'));
    cache.changed('codebook.yaml');
    files.takeReads();
    await loadProject(files, {}, { cache });
    assert.deepEqual(files.takeReads(), ['codebook.yaml']);
    const loaded = await loadProject(files, { speakerPattern: '^(I|K3):' }, { cache });
    assert.equal(files.takeReads().filter((p) => p.startsWith('transcripts/')).length, 6);
    assert.deepEqual(summary(loaded), summary(await loadProject(files, { speakerPattern: '^(I|K3):' })));
  });

  it('forgets everything under a folder that changed, and what it reads through files it writes', async () => {
    const files = project();
    const cache = new ProjectCache();
    await loadProject(files, {}, { cache });
    cache.changed('transcripts');
    files.takeReads();
    await loadProject(files, {}, { cache });
    assert.equal(files.takeReads().length, 6);
    await cache.reading(files).write('informants.yaml', new TextEncoder().encode('informants: []\n'));
    await loadProject(files, {}, { cache });
    assert.deepEqual(files.takeReads(), ['informants.yaml']);
  });

  it('does not keep what it read of a file that changed while it was being read', async () => {
    const files = project();
    const cache = new ProjectCache();
    const path = 'transcripts/a.txt.annotations.yaml';
    const changing: ProjectFiles = Object.assign(Object.create(files) as ProjectFiles, {
      read: async (p: string) => {
        const bytes = await files.read(p);
        if (p === path) {
          files.set(path, sidecarOf('a.txt', K3_TRANSCRIPT, 'Hva gjør du utenom kontortid?'));
          cache.changed(path);
        }
        return bytes;
      },
    });
    await loadProject(changing, {}, { cache });
    const loaded = await loadProject(files, {}, { cache });
    assert.equal(loaded.transcripts[0]?.annotations[0]?.text, 'Hva gjør du utenom kontortid?');
  });

  it('property: after any run of changes, each told to the cache, a load with it equals a load from scratch', async () => {
    const names = ['a.txt', 'b.txt', 'sub/c.txt'];
    const quotes = [
      'Jeg har et veldig godt team.',
      'Da har jeg nummeret til et par av dem.',
      'Hva gjør du utenom kontortid?',
    ];
    const stepArb = fc.record({
      name: fc.constantFrom(...names),
      what: fc.constantFrom(
        'transcript',
        'sidecar',
        'broken sidecar',
        'remove sidecar',
        'remove transcript',
        'codebook',
        'folder',
      ),
      quote: fc.constantFrom(...quotes),
      edit: fc.constantFrom('', 'Et nytt avsnitt.\n\n', 'K3: '),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), async (steps) => {
        const files = project();
        const cache = new ProjectCache();
        await loadProject(files, {}, { cache });
        for (const step of steps) {
          const transcript = `transcripts/${step.name}`;
          const sidecar = `${transcript}.annotations.yaml`;
          const text = step.edit + K3_TRANSCRIPT;
          if (step.what === 'transcript') files.set(transcript, text);
          if (step.what === 'sidecar')
            files.set(sidecar, sidecarOf(step.name.split('/').pop() as string, text, step.quote));
          if (step.what === 'broken sidecar') files.set(sidecar, `qcode: 1\nannotations:\n  - id: [\n`);
          if (step.what === 'remove sidecar') await files.remove(sidecar);
          if (step.what === 'remove transcript') await files.remove(transcript);
          if (step.what === 'codebook') files.set('codebook.yaml', step.edit === '' ? 'concepts: []\n' : CODEBOOK);
          const changed = {
            transcript,
            sidecar,
            'broken sidecar': sidecar,
            'remove sidecar': sidecar,
            'remove transcript': transcript,
            codebook: 'codebook.yaml',
            folder: 'transcripts/sub',
          }[step.what];
          cache.changed(changed as string);
          assert.deepEqual(summary(await loadProject(files, {}, { cache })), summary(await loadProject(files)));
        }
      }),
      runs(150, 20261218),
    );
  });
});
