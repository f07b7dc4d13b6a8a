import assert from 'node:assert/strict';
import { loadProject } from '../../src/core/project/loadProject';
import { ProjectIndex } from '../../src/core/project/projectIndex';
import type { ResolvedAnnotation } from '../../src/core/project/model';
import { renderSidecar } from '../../src/core/sidecar/render';
import { codedProjectFiles, K3_TRANSCRIPT, projectFiles } from '../helpers/project';

const ids = (list: readonly ResolvedAnnotation[]) => list.map((r) => r.annotation.id).sort();

describe('ProjectIndex', () => {
  let index: ProjectIndex;
  before(async () => {
    index = new ProjectIndex(await loadProject(codedProjectFiles()));
  });

  it('holds every annotation of every transcript, orphans included', () => {
    assert.deepEqual(ids(index.all), ['k3gone00', 'k3numm00', 'k3team00', 'l5avta00', 'l5pers00']);
  });

  it('finds annotations tagged with a concept itself', () => {
    assert.deepEqual(ids(index.byConcept('samordning.formell')), ['k3gone00', 'k3team00', 'l5avta00']);
    assert.deepEqual(ids(index.byConcept('samordning')), [], 'not those below it');
    assert.deepEqual(ids(index.byConcept('unknown')), []);
  });

  it('finds annotations under a concept, each once even when tagged with two concepts below it', () => {
    assert.deepEqual(ids(index.underConcept('samordning')), [
      'k3gone00',
      'k3numm00',
      'k3team00',
      'l5avta00',
      'l5pers00',
    ]);
    assert.deepEqual(ids(index.underConcept('koordinator')), ['k3numm00']);
  });

  it('finds annotations by informant: the saved one, else the speaker of the turn', () => {
    assert.deepEqual(ids(index.byInformant('K3')), ['k3numm00', 'k3team00']);
    assert.deepEqual(ids(index.byInformant('L5')), ['l5avta00']);
    assert.deepEqual(ids(index.byInformant('M9')), ['l5pers00']);
    assert.deepEqual(ids(index.byInformant('K1')), []);
  });

  it('lists informants with passages: registry order first, then unregistered codes sorted', () => {
    assert.deepEqual(index.informantCodes(), ['K3', 'L5', 'M9']);
  });

  it('filters by concept subtrees and informants together', () => {
    const pick = (filter: Parameters<ProjectIndex['matcher']>[0]) => ids(index.all.filter(index.matcher(filter)));
    assert.deepEqual(pick({}), ids(index.all));
    assert.deepEqual(pick({ concepts: ['koordinator'] }), ['k3numm00']);
    assert.deepEqual(pick({ concepts: ['samordning.uformell'], informants: ['M9', 'L5'] }), ['l5pers00']);
    assert.deepEqual(pick({ informants: ['K3'] }), ['k3numm00', 'k3team00'], "an orphan without informant is not K3's");
    assert.deepEqual(pick({ concepts: [], informants: [] }), ids(index.all), 'empty filters mean everything');
  });

  it('counts an annotation that repeats a concept once for it', async () => {
    const sidecar = renderSidecar('k3.txt', [
      { id: 'twice000', concepts: ['samordning.formell', 'samordning.formell'], quote: 'Jeg har et veldig godt team.' },
    ]);
    const project = await loadProject(projectFiles({ 'k3.txt': K3_TRANSCRIPT, 'k3.txt.annotations.yaml': sidecar }));
    assert.equal(new ProjectIndex(project).byConcept('samordning.formell').length, 1);
  });
});
