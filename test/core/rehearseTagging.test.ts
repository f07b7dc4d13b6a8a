import * as assert from 'node:assert/strict';
import { rehearseTagging } from '../../src/core/operations/rehearseTagging';
import { loadProject } from '../../src/core/project/loadProject';
import { codedProjectFiles, projectFiles } from '../helpers/project';

describe('rehearsing a tagging before the first one', () => {
  it('writes a sidecar in memory for a coded transcript and for one without a sidecar, and no file', async () => {
    const files = codedProjectFiles();
    const project = await loadProject(files);
    const before = files.writes.length;
    for (const transcript of project.transcripts) assert.equal(rehearseTagging(project, transcript), true, transcript.path);
    const uncodedProject = await loadProject(projectFiles({ 'intervju-K3.txt': 'K3: Bare én tur.\n' }));
    const [uncoded] = uncodedProject.transcripts;
    assert.ok(uncoded && uncoded.sidecarText === undefined);
    assert.equal(rehearseTagging(uncodedProject, uncoded), true);
    assert.equal(files.writes.length, before);
  });

  it('does nothing for a transcript without turns', async () => {
    const project = await loadProject(projectFiles({ 'intervju-K3.txt': '' }));
    const [transcript] = project.transcripts;
    assert.ok(transcript);
    assert.equal(rehearseTagging(project, transcript), false);
  });
});
