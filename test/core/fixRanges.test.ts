import assert from 'node:assert/strict';
import { fixRanges } from '../../src/core/operations/fixRanges';
import { loadProject } from '../../src/core/project/loadProject';
import { renderSidecar } from '../../src/core/sidecar/render';
import { coded, K3_TRANSCRIPT, projectFiles } from '../helpers/project';

const SIDECAR = 'transcripts/k3.txt.annotations.yaml';

describe('fixRanges', () => {
  const moved = coded(K3_TRANSCRIPT, 'Jeg har et veldig godt team.', {
    id: 'moved000',
    concepts: ['samordning.formell'],
    memo: 'beholdes',
  });
  const fuzzy = coded(K3_TRANSCRIPT, 'Da har jeg nummeret til et par av dem.', {
    id: 'fuzzy000',
    concepts: ['koordinator.fallskjerm'],
  });
  const orphan = coded(K3_TRANSCRIPT, 'Det er ikke meningen, men det hjelper.', {
    id: 'orphan00',
    concepts: ['samordning.uformell'],
  });
  const edited = `Forord.\n${K3_TRANSCRIPT}`
    .replace('nummeret', 'nummerne')
    .replace('Det er ikke meningen, men det hjelper.', 'Slettet.');

  it('rewrites range and context of moved annotations, and the quote of fuzzy ones, so they resolve exactly', async () => {
    const files = projectFiles({
      'k3.txt': edited,
      'k3.txt.annotations.yaml': renderSidecar('k3.txt', [moved, fuzzy, orphan]),
    });
    const report = await fixRanges(files, await loadProject(files));
    assert.deepEqual(report, { updated: 2, files: [SIDECAR], problems: [] });
    const after = await loadProject(files);
    const byId = new Map(after.transcripts[0]?.annotations.map((r) => [r.annotation.id, r]));
    assert.equal(byId.get('moved000')?.resolution.status, 'exact');
    assert.equal(byId.get('moved000')?.annotation.memo, 'beholdes');
    assert.equal(byId.get('fuzzy000')?.resolution.status, 'exact');
    assert.equal(byId.get('fuzzy000')?.annotation.quote, 'Da har jeg nummerne til et par av dem.');
    assert.equal(byId.get('orphan00')?.resolution.status, 'orphaned', 'orphans are kept as they are');
    assert.deepEqual(byId.get('orphan00')?.annotation, orphan);
  });

  it('changes nothing in a project where everything is exact', async () => {
    const files = projectFiles({
      'k3.txt': K3_TRANSCRIPT,
      'k3.txt.annotations.yaml': renderSidecar('k3.txt', [moved, fuzzy]),
    });
    assert.deepEqual(await fixRanges(files, await loadProject(files)), { updated: 0, files: [], problems: [] });
    assert.deepEqual(files.writes, []);
  });

  it('does not touch a sidecar that could not be read', async () => {
    const sidecar = `${renderSidecar('k3.txt', [moved])}<<<<<<< HEAD\n>>>>>>> x\n`;
    const files = projectFiles({ 'k3.txt': edited, 'k3.txt.annotations.yaml': sidecar });
    assert.deepEqual(await fixRanges(files, await loadProject(files)), { updated: 0, files: [], problems: [] });
    assert.equal(files.text(SIDECAR), sidecar);
  });
});
