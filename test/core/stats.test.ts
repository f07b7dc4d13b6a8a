import assert from 'node:assert/strict';
import { loadProject } from '../../src/core/project/loadProject';
import { ProjectIndex } from '../../src/core/project/projectIndex';
import { countByConceptAndInformant, type CountTable } from '../../src/core/stats/counts';
import { countsToMarkdown } from '../../src/core/stats/statsMarkdown';
import { codedProjectFiles } from '../helpers/project';

describe('countByConceptAndInformant', () => {
  let table: CountTable;
  before(async () => {
    table = countByConceptAndInformant(new ProjectIndex(await loadProject(codedProjectFiles())));
  });

  it('counts passages per concept (codebook order) and informant, "" for none', () => {
    assert.deepEqual(table.informants, ['K3', 'L5', 'M9']);
    assert.deepEqual(table.rows.map((r) => [r.conceptId, r.depth, { ...r.byInformant }, r.total]), [
      ['samordning', 0, {}, 0],
      ['samordning.formell', 1, { K3: 1, L5: 1, '': 1 }, 3],
      ['samordning.uformell', 1, { K3: 1, M9: 1 }, 2],
      ['koordinator', 0, {}, 0],
      ['koordinator.fallskjerm', 1, { K3: 1 }, 1],
    ]);
  });

  it('counts each passage once in the totals, even when tagged with two concepts', () => {
    assert.deepEqual({ ...table.totals }, { K3: 2, L5: 1, M9: 1, '': 1 });
    assert.equal(table.total, 5);
    for (const row of table.rows) assert.equal(Object.values(row.byInformant).reduce((a, b) => a + b, 0), row.total);
  });

  it('writes a Markdown table whose rows add up, with a "?" column for passages without informant', () => {
    assert.equal(countsToMarkdown(table), `| Concept | K3 | L5 | M9 | ? | Total |
| --- | ---: | ---: | ---: | ---: | ---: |
| Samordning |  |  |  |  | 0 |
| \u00a0\u00a0Formell samordning | 1 | 1 |  | 1 | 3 |
| \u00a0\u00a0Uformell samordning | 1 |  | 1 |  | 2 |
| Koordinatorroller |  |  |  |  | 0 |
| \u00a0\u00a0Fallskjerm | 1 |  |  |  | 1 |
| **Passages** | 2 | 1 | 1 | 1 | 5 |
`);
  });

  it('has no "?" column when every passage has an informant, and escapes | in labels', () => {
    const markdown = countsToMarkdown({ informants: ['K1'], rows: [{ conceptId: 'a', label: 'A | B', depth: 0, byInformant: { K1: 2 }, total: 2 }], totals: { K1: 2 }, total: 2 });
    assert.equal(markdown, '| Concept | K1 | Total |\n| --- | ---: | ---: |\n| A \\| B | 2 | 2 |\n| **Passages** | 2 | 2 |\n');
  });
});
