import assert from 'node:assert/strict';
import { loadProject } from '../../src/core/project/loadProject';
import { ProjectIndex } from '../../src/core/project/projectIndex';
import { renderSidecar } from '../../src/core/sidecar/render';
import {
  attributeNames,
  conceptByAttribute,
  conceptByInformant,
  conceptCooccurrence,
  type Matrix,
} from '../../src/core/stats/matrix';
import { matrixCsv, matrixJson, matrixMarkdown } from '../../src/core/stats/matrixFormats';
import { filesFromDisk, SAMPLE_PROJECT } from '../helpers/diskProject';
import { coded, codedProjectFiles, K3_TRANSCRIPT, L5_TRANSCRIPT, projectFiles } from '../helpers/project';
import { assertMatchesTally, attributeReader, registryAttributes, tallySidecars } from '../helpers/sidecarTally';

const sampleIndex = async (): Promise<ProjectIndex> =>
  new ProjectIndex(await loadProject(filesFromDisk(SAMPLE_PROJECT)));

function cell(matrix: Matrix, row: string, column: string): { count: number; refs: string[] } {
  const i = matrix.rows.findIndex((r) => r.id === row);
  const j = matrix.columns.findIndex((c) => c.id === column);
  const found = matrix.cells[i]![j]!;
  return { count: found.count, refs: found.refs.map((ref) => ref.id).sort() };
}

describe('concept matrices of the sample project', () => {
  let index: ProjectIndex;
  before(async () => {
    index = await sampleIndex();
  });

  it('counts concept x informant as the sidecars say', () => {
    const matrix = conceptByInformant(index);
    assert.equal(matrix.kind, 'informant');
    assertMatchesTally(
      matrix,
      tallySidecars(SAMPLE_PROJECT, (informant) => informant ?? ''),
    );
  });

  it('counts concept x attribute by joining the sidecars with informants.yaml', () => {
    for (const attribute of ['role', 'age_group', 'unit']) {
      const matrix = conceptByAttribute(index, attribute);
      assert.equal(matrix.attribute, attribute);
      assertMatchesTally(matrix, tallySidecars(SAMPLE_PROJECT, attributeReader(SAMPLE_PROJECT, attribute)));
    }
  });

  it('lists every value of the attribute among registered informants, passages or not, and "(none)" last', () => {
    const matrix = conceptByAttribute(index, 'age_group');
    assert.deepEqual(
      matrix.columns.map((c) => c.label),
      ['20-29', '30-39', '40-49', '50-59', '(none)'],
    );
  });

  it('names the attributes of the registry', () => {
    assert.deepEqual(attributeNames(index), registryAttributes(SAMPLE_PROJECT));
  });

  it('keeps the concepts in codebook order with their depth, and max is the largest count', () => {
    for (const matrix of [conceptByInformant(index), conceptCooccurrence(index)]) {
      assert.deepEqual(
        matrix.rows,
        [...index.project.codebook.all()].map((c) => ({ id: c.id, label: c.label, depth: c.depth })),
      );
      assert.equal(matrix.max, Math.max(...matrix.cells.flat().map((c) => c.count)));
    }
  });

  it("has a symmetric co-occurrence matrix whose diagonal is each concept's passages", () => {
    const matrix = conceptCooccurrence(index);
    const byInformant = conceptByInformant(index);
    matrix.rows.forEach((row, i) => {
      assert.equal(
        matrix.cells[i]![i]!.count,
        byInformant.cells[i]!.reduce((total, c) => total + c.count, 0),
        row.id,
      );
      matrix.rows.forEach((_, j) => assert.equal(matrix.cells[i]![j]!.count, matrix.cells[j]![i]!.count));
    });
  });

  it('survives a JSON round trip', () => {
    const matrix = conceptCooccurrence(index);
    assert.deepEqual(JSON.parse(matrixJson(matrix)), matrix);
  });
});

describe('conceptByInformant on a hand-made project', () => {
  it('counts orphans under their saved informant and passages without one under "(none)"', async () => {
    const matrix = conceptByInformant(new ProjectIndex(await loadProject(codedProjectFiles())));
    assert.deepEqual(
      matrix.columns.map((c) => c.id),
      ['K3', 'L5', 'M9', ''],
    );
    assert.deepEqual(cell(matrix, 'samordning.formell', ''), { count: 1, refs: ['k3gone00'] });
    assert.deepEqual(
      matrix.cells.map((row) => row.map((c) => c.count)),
      [
        [2, 1, 1, 1],
        [1, 1, 0, 1],
        [1, 0, 1, 0],
        [1, 0, 0, 0],
        [1, 0, 0, 0],
      ],
    );
    assert.deepEqual(cell(matrix, 'samordning', 'K3'), { count: 2, refs: ['k3numm00', 'k3team00'] });
  });

  it("counts a passage tagged with a parent and its child once in the parent's row, as the Codebook view counts it", async () => {
    const index = new ProjectIndex(
      await loadProject(
        projectFiles({
          'intervju-K3.txt': K3_TRANSCRIPT,
          'intervju-K3.txt.annotations.yaml': renderSidecar('intervju-K3.txt', [
            coded(K3_TRANSCRIPT, 'Jeg har et veldig godt team.', {
              id: 'both0000',
              concepts: ['samordning', 'samordning.formell'],
            }),
            coded(K3_TRANSCRIPT, 'Da har jeg nummeret', {
              id: 'siblings',
              concepts: ['samordning.formell', 'samordning.uformell'],
            }),
            coded(K3_TRANSCRIPT, 'Det er ikke meningen', { id: 'parent00', concepts: ['samordning'] }),
          ]),
        }),
      ),
    );
    const matrix = conceptByInformant(index);
    assert.deepEqual(cell(matrix, 'samordning', 'K3'), { count: 3, refs: ['both0000', 'parent00', 'siblings'] });
    assert.deepEqual(cell(matrix, 'samordning.formell', 'K3'), { count: 2, refs: ['both0000', 'siblings'] });
    for (const [i, row] of matrix.rows.entries()) {
      const rowTotal = matrix.cells[i]!.reduce((total, c) => total + c.count, 0);
      assert.equal(
        rowTotal,
        index.underConcept(row.id).length,
        `${row.id}: the Codebook view counts ${index.underConcept(row.id).length}`,
      );
    }
  });
});

describe('parent rows of the sample project', () => {
  it("equal the passages of their subtree, each once, and the Codebook view's count", async () => {
    const index = await sampleIndex();
    const matrix = conceptByInformant(index);
    const parents = matrix.rows.filter((row) => index.project.codebook.get(row.id)!.children.length > 0);
    assert.ok(parents.length >= 3, 'the sample codebook has parent concepts');
    for (const row of parents) {
      const i = matrix.rows.indexOf(row);
      const subtree = index.project.codebook.subtreeIds(row.id);
      const passages = new Set(
        index.all
          .filter((r) => r.annotation.concepts.some((c) => subtree.has(c)))
          .map((r) => `${r.transcript.path}#${r.annotation.id}`),
      );
      const counted = matrix.cells[i]!.flatMap((c) => c.refs.map((ref) => `${ref.transcript}#${ref.id}`));
      assert.ok(passages.size > 0, `${row.id} has passages`);
      assert.deepEqual(counted.sort(), [...passages].sort(), row.id);
      assert.equal(counted.length, index.underConcept(row.id).length, row.id);
    }
  });
});

describe('conceptCooccurrence on hand-made projects', () => {
  const FORMELL = 'samordning.formell';
  const UFORMELL = 'samordning.uformell';
  const FALLSKJERM = 'koordinator.fallskjerm';

  async function cooccurrence(
    k3: Parameters<typeof renderSidecar>[1],
    l5: Parameters<typeof renderSidecar>[1] = [],
  ): Promise<Matrix> {
    const files = projectFiles({
      'intervju-K3.txt': K3_TRANSCRIPT,
      'intervju-K3.txt.annotations.yaml': renderSidecar('intervju-K3.txt', k3),
      'intervju-L5.txt': L5_TRANSCRIPT,
      'intervju-L5.txt.annotations.yaml': renderSidecar('intervju-L5.txt', l5),
    });
    return conceptCooccurrence(new ProjectIndex(await loadProject(files)));
  }

  it("joins the concepts of one annotation and of overlapping annotations, not of touching ones or orphans' places", async () => {
    const matrix = await cooccurrence([
      coded(K3_TRANSCRIPT, 'Jeg har et veldig godt team.', { id: 'aaaaaaaa', concepts: [FORMELL, UFORMELL] }),
      coded(K3_TRANSCRIPT, 'veldig godt team. Det er ruskonsulenten', { id: 'bbbbbbbb', concepts: [FALLSKJERM] }),
      coded(K3_TRANSCRIPT, 'Da har jeg nummeret', { id: 'cccccccc', concepts: [FORMELL] }),
      coded(K3_TRANSCRIPT, 'nummeret til et par', { id: 'eeeeeeee', concepts: [FALLSKJERM] }),
      coded(K3_TRANSCRIPT, 'Det er ikke meningen', { id: 'gggggggg', concepts: [UFORMELL] }),
      coded(K3_TRANSCRIPT, ', men det hjelper', { id: 'hhhhhhhh', concepts: [FALLSKJERM] }),
      { id: 'dddddddd', concepts: [FALLSKJERM, UFORMELL], quote: 'Denne setningen finnes ikke lenger.' },
    ]);
    assert.deepEqual(cell(matrix, FORMELL, UFORMELL), { count: 1, refs: ['aaaaaaaa'] });
    assert.deepEqual(cell(matrix, FORMELL, FALLSKJERM), {
      count: 2,
      refs: ['aaaaaaaa', 'bbbbbbbb', 'cccccccc', 'eeeeeeee'],
    });
    assert.deepEqual(cell(matrix, UFORMELL, FALLSKJERM), { count: 2, refs: ['aaaaaaaa', 'bbbbbbbb', 'dddddddd'] });
    assert.deepEqual(cell(matrix, FALLSKJERM, UFORMELL), cell(matrix, UFORMELL, FALLSKJERM));
    assert.deepEqual(cell(matrix, FALLSKJERM, FALLSKJERM), {
      count: 4,
      refs: ['bbbbbbbb', 'dddddddd', 'eeeeeeee', 'hhhhhhhh'],
    });
    assert.deepEqual(cell(matrix, 'samordning', 'koordinator'), cell(matrix, 'koordinator', 'samordning'));
    assert.deepEqual(cell(matrix, 'samordning', 'koordinator'), {
      count: 3,
      refs: ['aaaaaaaa', 'bbbbbbbb', 'cccccccc', 'dddddddd', 'eeeeeeee'],
    });
    assert.deepEqual(cell(matrix, 'samordning', 'samordning'), {
      count: 4,
      refs: ['aaaaaaaa', 'cccccccc', 'dddddddd', 'gggggggg'],
    });
    assert.equal(matrix.max, 4);
  });

  it('counts each pair of passages once, and never pairs passages of different transcripts', async () => {
    const both = [FORMELL, FALLSKJERM];
    const matrix = await cooccurrence(
      [coded(K3_TRANSCRIPT, 'Jeg har et veldig', { id: 'k3first0', concepts: [FORMELL] })],
      [
        coded(L5_TRANSCRIPT, 'Vi har faste møter hver måned', { id: 'l5first0', concepts: both }),
        coded(L5_TRANSCRIPT, 'hver måned, og det er skrevet', { id: 'l5secon0', concepts: both }),
        coded(L5_TRANSCRIPT, 'Intervju med L5', { id: 'l5title0', concepts: [FALLSKJERM] }),
      ],
    );
    assert.deepEqual(cell(matrix, FORMELL, FALLSKJERM), { count: 3, refs: ['l5first0', 'l5secon0'] });
  });
});

describe('matrix formats', () => {
  const tricky: Matrix = {
    kind: 'attribute',
    attribute: 'unit',
    rows: [
      { id: 'a', label: 'Plain | piped', depth: 0 },
      { id: 'a.b', label: 'Says "hi", twice\nand more', depth: 1 },
    ],
    columns: [
      { id: 'x,y', label: 'x,y' },
      { id: '', label: '(none)' },
    ],
    cells: [
      [
        { count: 1, refs: [{ transcript: 't.txt', id: 'p1' }] },
        { count: 0, refs: [] },
      ],
      [
        { count: 1, refs: [{ transcript: 't.txt', id: 'p1' }] },
        { count: 1, refs: [{ transcript: 't.txt', id: 'p2' }] },
      ],
    ],
    max: 1,
  };

  it('quotes CSV fields with commas, quotes and line breaks as RFC 4180 says', () => {
    assert.equal(
      matrixCsv(tricky),
      '\ufeffconcept,concept_label,"x,y",(none)\r\na,Plain | piped,1,0\r\na.b,"Says ""hi"", twice\nand more",1,1\r\n',
    );
  });

  it('escapes | in Markdown, indents by depth, and totals each passage once', () => {
    assert.equal(
      matrixMarkdown(tricky),
      [
        '| Concept | x,y | (none) | Total |',
        '| --- | ---: | ---: | ---: |',
        '| Plain \\| piped | 1 |  | 1 |',
        '| \u00a0\u00a0Says "hi", twice and more | 1 | 1 | 2 |',
        '| **Passages** | 1 | 1 | 2 |',
        '',
      ].join('\n'),
    );
  });

  it('has no totals for co-occurrence, where a passage sits in several columns', () => {
    const markdown = matrixMarkdown({ ...tricky, kind: 'cooccurrence', attribute: undefined });
    assert.ok(!markdown.includes('Total') && !markdown.includes('Passages'), markdown);
  });

  it('writes JSON that reads back as the same matrix', () => {
    assert.deepEqual(JSON.parse(matrixJson(tricky)), tricky);
  });
});
