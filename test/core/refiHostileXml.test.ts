import assert from 'node:assert/strict';
import { renameDuplicateSelections } from '../../src/core/refi/duplicateSelections';
import { annotationIdOfGuid } from '../../src/core/refi/guids';
import type { RefiProject, RefiSelection } from '../../src/core/refi/model';
import { RefiReadError } from '../../src/core/refi/readError';
import { MAX_CODE_DEPTH, readRefiXml } from '../../src/core/refi/readXml';
import { deepCodesXml, projectXml } from '../helpers/refiHostile';

function refused(run: () => unknown, message: RegExp, line?: number): void {
  assert.throws(
    run,
    (error: unknown) =>
      error instanceof RefiReadError && message.test(error.message) && (line === undefined || error.line === line),
    `expected a RefiReadError matching ${message}`,
  );
}

describe('reading hostile REFI-QDA XML', () => {
  it('refuses codes nested deeper than the limit at the line of the first too deep, without overflowing the stack', () => {
    refused(
      () => readRefiXml('dyp.qde', deepCodesXml(10_000)),
      /^dyp\.qde:53:\d+: the code "nivå 51" is nested 51 levels deep/,
      53,
    );
    const codebook = deepCodesXml(60)
      .replace(/^[\s\S]*?<CodeBook>/, '<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">')
      .replace('</CodeBook></Project>', '</CodeBook>');
    refused(() => readRefiXml('dyp.qdc', codebook), /nested 51 levels deep/);
    const fifty = readRefiXml('dyp.qde', deepCodesXml(MAX_CODE_DEPTH));
    assert.equal(fifty.kind, 'project');
  });

  it('expands no DOCTYPE entities (a billion laughs), and says so', () => {
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE Project [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n<Project name="&lol9;"/>\n`;
    refused(
      () => readRefiXml('lol.qde', xml),
      /uses an entity it does not define .*qcode expands no entities of a DOCTYPE/,
    );
  });

  it('keeps what a position that is not a whole number said, and where', () => {
    const xml = projectXml({
      sources: [
        {
          guid: 'a0000000-0000-4000-8000-000000000001',
          name: 'K1',
          selections: [
            { guid: 'b0000000-0000-4000-8000-000000000001', start: '1e3', end: '-4' },
            { guid: 'b0000000-0000-4000-8000-000000000002', start: 0, end: 3 },
          ],
        },
      ],
    });
    const document = readRefiXml('p.qde', xml);
    assert.ok(document.kind === 'project');
    const [bad, good] = document.project.sources[0]?.selections ?? [];
    assert.equal(bad?.badPosition, 'startPosition="1e3" and endPosition="-4" (line 5) are not whole numbers');
    assert.equal(good?.badPosition, undefined);
  });
});

describe('renameDuplicateSelections', () => {
  const selection = (guid: string, start: number, end: number): RefiSelection => ({
    guid,
    name: '',
    start,
    end,
    codings: [],
    noteGuids: [],
  });
  const project = (...sources: RefiSelection[][]): RefiProject => ({
    name: '',
    users: [],
    codes: [],
    variables: [],
    cases: [],
    notes: [],
    sources: sources.map((selections, i) => ({ guid: `s${i}`, name: `K${i}`, selections })),
  });

  it('leaves one passage written twice alone, and gives another passage with the GUID a stable one of its own', () => {
    const twice = project([selection('g', 1, 5), selection('g', 1, 5)]);
    assert.deepEqual(renameDuplicateSelections(twice), []);
    const runs = [1, 2].map(() => project([selection('g', 1, 5), selection('g', 6, 9)], [selection('g', 1, 5)]));
    const problems = runs.map(renameDuplicateSelections);
    const guids = runs.map((p) => p.sources.flatMap((s) => s.selections.map((x) => x.guid)));
    assert.deepEqual(guids[0], guids[1], 'the same file gives the same GUIDs');
    assert.equal(new Set(guids[0]).size, 3);
    assert.equal(guids[0]?.[0], 'g');
    assert.equal(problems[0]?.length, 2);
    assert.ok(problems[0]?.[1]?.message.includes(annotationIdOfGuid(guids[0]?.[2] ?? '')));
  });
});
