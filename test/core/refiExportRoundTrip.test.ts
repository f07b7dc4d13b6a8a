import assert from 'node:assert/strict';
import { loadProject } from '../../src/core/project/loadProject';
import type { Project } from '../../src/core/project/model';
import { stableGuid } from '../../src/core/refi/guids';
import { importRefi } from '../../src/core/refi/importRefi';
import { packageQdpx } from '../../src/core/refi/packageQdpx';
import { projectToRefi } from '../../src/core/refi/projectToRefi';
import { filesFromDisk, SAMPLE_PROJECT } from '../helpers/diskProject';
import { MemoryFiles } from '../helpers/memoryFiles';
import { hardProjectFiles, ORPHAN_QUOTE } from '../helpers/refiProject';

/** The sample project with colours on a few concepts, as written in three ways. */
function sampleWithColours(): MemoryFiles {
  const files = filesFromDisk(SAMPLE_PROJECT);
  const codebook = files.text('codebook.yaml') ?? '';
  const coloured = codebook
    .replace('    label: Samordning\n', '    label: Samordning\n    color: "#4e79a7"\n')
    .replace('        label: Formell samordning\n', '        label: Formell samordning\n        color: "#F28E2B"\n')
    .replace(
      '            label: Den likegyldige\n',
      '            label: Den likegyldige\n            color: "#59a14f"\n',
    );
  assert.equal(coloured.split('color:').length, 4, 'the colours were not put in');
  files.set('codebook.yaml', coloured);
  return files;
}

function concepts(project: Project) {
  // Colours compare without regard to case: #F28E2B and #f28e2b are the same colour.
  return [...project.codebook.all()].map(({ id, label, description, color, parentId }) => ({
    id,
    label,
    description,
    color: color?.toLowerCase(),
    parentId,
  }));
}

/** Informants without the `guid` attribute the import adds: the GUID of the case each came from. */
function informants(project: Project) {
  return project.informants.informants.map(({ code, attributes }) => ({
    code,
    attributes: Object.fromEntries(Object.entries(attributes).filter(([name]) => name !== 'guid')),
  }));
}

function transcripts(project: Project) {
  return project.transcripts
    .map((t) => ({ name: t.path.split('/').pop(), text: t.doc?.text }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

function annotations(project: Project) {
  return project.transcripts
    .flatMap((t) =>
      t.annotations.map((r) => ({
        transcript: t.path.split('/').pop(),
        id: r.annotation.id,
        concepts: [...r.annotation.concepts].sort(),
        quote: r.annotation.quote,
        coder: r.annotation.coder,
        memo: r.annotation.memo,
        status: r.resolution.status,
      })),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('REFI-QDA export, then import', () => {
  it('brings back the transcripts, concepts, informants and annotations of the sample project', async () => {
    const original = await loadProject(sampleWithColours());
    const qdpx = await packageQdpx(projectToRefi(original, 'sample-project'));
    const target = new MemoryFiles();
    const summary = await importRefi(target, { name: 'sample-project.qdpx', bytes: qdpx });
    assert.deepEqual(summary.problems, []);
    const imported = await loadProject(target);
    assert.deepEqual(transcripts(imported), transcripts(original));
    assert.deepEqual(concepts(imported), concepts(original));
    assert.deepEqual(informants(imported), informants(original));
    for (const { code, attributes } of imported.informants.informants)
      assert.equal(attributes.guid, stableGuid('case', code), `the case GUID of ${code}`);
    const before = annotations(original).filter((a) => a.status !== 'orphaned');
    assert.ok(before.length > 50);
    assert.deepEqual(
      annotations(imported).map((a) => ({ ...a, status: a.status === 'orphaned' ? 'orphaned' : 'placed' })),
      before.map((a) => ({ ...a, status: 'placed' })),
    );
  });

  it('places every exported passage after emoji, æøå and CRLF where it was, and brings the orphan back as an orphan of its transcript', async () => {
    const original = await loadProject(new MemoryFiles(hardProjectFiles()));
    const target = new MemoryFiles();
    await importRefi(target, {
      name: 'vanskelig.qdpx',
      bytes: await packageQdpx(projectToRefi(original, 'vanskelig')),
    });
    const imported = await loadProject(target);
    assert.deepEqual(transcripts(imported), transcripts(original));
    const quotes = (project: Project) =>
      annotations(project)
        .filter((a) => a.status !== 'orphaned')
        .map((a) => a.quote)
        .sort();
    assert.deepEqual(quotes(imported), quotes(original));
    const orphans = annotations(imported).filter((a) => a.status === 'orphaned');
    assert.deepEqual(
      orphans,
      annotations(original).filter((a) => a.status === 'orphaned'),
    );
    assert.deepEqual(
      orphans.map((a) => [a.transcript, a.quote]),
      [['crlf-K1.txt', ORPHAN_QUOTE]],
    );
  });
});
