import assert from 'node:assert/strict';
import { codebookWarnings } from '../../src/core/project/codebookChecks';
import { loadProject } from '../../src/core/project/loadProject';
import { ProjectIndex } from '../../src/core/project/projectIndex';
import { CODEBOOK, codedProjectFiles, projectFiles } from '../helpers/project';

/**
 * The coded test project with another codebook; its annotations are k3team00, k3numm00, k3gone00, l5avta00, l5pers00.
 */
async function warnings(codebook: string, files = codedProjectFiles()) {
  files.set('codebook.yaml', codebook);
  const project = await loadProject(files);
  return codebookWarnings(new ProjectIndex(project)).map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`);
}

const DEFINED = (id: string, more = '') =>
  `  - id: ${id}\n    label: ${id.toUpperCase()}\n    description: Defined.\n${more}`;

describe('codebookWarnings', () => {
  it('warns at a concept without a definition, white space counting as none', async () => {
    const found = await warnings(
      `concepts:\n${DEFINED('samordning.formell')}  - id: samordning.uformell\n    description: "  "\n${DEFINED('koordinator.fallskjerm')}`,
    );
    assert.deepEqual(found, [
      '5:5 no-definition The concept "samordning.uformell" (samordning.uformell) has no definition. Add "description:" to say what a passage must show to be tagged with it.',
    ]);
  });

  it('warns at a concept no annotation uses, a parent being used through the concepts below it', async () => {
    const codebook = `concepts:\n${DEFINED('samordning', `    children:\n${DEFINED('samordning.formell').replace(/^(?=.)/gm, '    ')}${DEFINED('samordning.uformell').replace(/^(?=.)/gm, '    ')}`)}${DEFINED('koordinator.fallskjerm')}${DEFINED('ressurser')}`;
    const found = await warnings(codebook);
    assert.deepEqual(found, [
      '15:5 unused-concept No annotation is tagged with the concept "ressurser" (RESSURSER) or a concept below it. Tag passages with it, or remove it from the codebook.',
    ]);
  });

  it('counts an orphaned annotation as a use, and says nothing of unused concepts before coding has begun', async () => {
    const orphanOnly = `concepts:\n${DEFINED('samordning.formell')}${DEFINED('samordning.uformell')}${DEFINED('koordinator.fallskjerm')}`;
    assert.deepEqual(await warnings(orphanOnly), []);
    assert.deepEqual(await warnings(`concepts:\n${DEFINED('ubrukt')}`, projectFiles()), []);
  });

  it('warns at an example that is no annotation of the project, and at one not tagged with its concept', async () => {
    const codebook = `concepts:\n${DEFINED('samordning.formell', '    examples: [k3team00, finnesikke, l5pers00]\n')}${DEFINED('samordning.uformell')}${DEFINED('koordinator.fallskjerm')}`;
    assert.deepEqual(await warnings(codebook), [
      '5:26 unknown-example The example "finnesikke" of "samordning.formell" is not the id of an annotation in this project. Correct it, or remove it from the examples.',
      '5:38 example-not-tagged The example "l5pers00" of "samordning.formell" is not tagged with "samordning.formell" or a concept below it. Tag the passage with it, or choose another example.',
    ]);
  });

  it('accepts an example tagged with a concept below its concept, and an orphaned one', async () => {
    const codebook = `concepts:\n${DEFINED('samordning', `    examples: [k3numm00, k3gone00]\n    children:\n${DEFINED('samordning.formell').replace(/^(?=.)/gm, '    ')}${DEFINED('samordning.uformell').replace(/^(?=.)/gm, '    ')}`)}${DEFINED('koordinator.fallskjerm')}`;
    assert.deepEqual(await warnings(codebook), []);
  });

  it('finds nothing in the test codebook but its missing definitions', async () => {
    const codes = (await warnings(CODEBOOK)).map((w) => w.split(' ')[1]);
    assert.deepEqual(codes, ['no-definition', 'no-definition', 'no-definition']);
  });
});
