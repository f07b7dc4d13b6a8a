import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadProject } from '../../src/core/project/loadProject';
import type { Project, ResolvedAnnotation } from '../../src/core/project/model';
import { passageCounts } from '../../src/core/project/passageCounts';
import { ProjectIndex } from '../../src/core/project/projectIndex';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { runs } from '../helpers/fcRuns';
import { codedProjectFiles } from '../helpers/project';

/** The counts as the Codebook view made them before: one underConcept per concept. */
function countedOneByOne(index: ProjectIndex, shows: (annotation: Annotation) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const concept of index.project.codebook.all()) {
    const count = index.underConcept(concept.id).filter((r) => shows(r.annotation)).length;
    if (count > 0) counts.set(concept.id, count);
  }
  return counts;
}

describe('passageCounts', () => {
  let project: Project;
  let template: ResolvedAnnotation;
  before(async () => {
    project = await loadProject(codedProjectFiles());
    template = project.transcripts.flatMap((t) => t.annotations)[0] as ResolvedAnnotation;
  });

  /** The project with annotations tagged with these concept lists (ids as given: unknown, repeated, nested). */
  const indexWith = (conceptLists: string[][]) => {
    const annotations = conceptLists.map((concepts, n) => ({
      ...template,
      annotation: { ...template.annotation, id: `a${n}`, concepts },
    }));
    const [first, ...rest] = project.transcripts;
    return new ProjectIndex({
      ...project,
      transcripts: [{ ...first!, annotations }, ...rest.map((t) => ({ ...t, annotations: [] }))],
    });
  };

  it('counts a passage once under a concept, though tagged with it and a concept below it', () => {
    const index = indexWith([
      ['samordning', 'samordning.formell', 'samordning.uformell'],
      ['samordning.formell'],
      ['ukjent'],
    ]);
    const counts = passageCounts(index, () => true);
    assert.equal(counts.get('samordning'), 2);
    assert.equal(counts.get('samordning.formell'), 2);
    assert.equal(counts.get('samordning.uformell'), 1);
    assert.equal(counts.get('ukjent'), undefined, 'an id not in the codebook is not counted');
  });

  it('counts only what the filter shows', () => {
    const index = indexWith([['samordning.formell'], ['samordning.formell']]);
    assert.equal(passageCounts(index, (a) => a.id === 'a1').get('samordning'), 1);
  });

  it('gives what one underConcept per concept gives, for any tagging and filter', () => {
    const ids = [...project.codebook.all()].map((c) => c.id);
    const conceptId = fc.oneof(fc.constantFrom(...ids), fc.constant('ukjent'));
    fc.assert(
      fc.property(
        fc.array(fc.array(conceptId, { maxLength: 4 }), { maxLength: 40 }),
        fc.func(fc.boolean()),
        (lists, shows) => {
          const index = indexWith(lists);
          const filter = (annotation: Annotation) => shows(annotation.id);
          assert.deepEqual(passageCounts(index, filter), countedOneByOne(index, filter));
        },
      ),
      runs(200, 4170),
    );
  });
});
