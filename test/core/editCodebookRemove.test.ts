import assert from 'node:assert/strict';
import { addConcept } from '../../src/core/codebook/addConcept';
import { suggestConceptId } from '../../src/core/codebook/conceptIds';
import { removeConcept } from '../../src/core/codebook/removeConcept';
import { remapConcepts } from '../../src/core/codebook/remapConcepts';
import type { Annotation } from '../../src/core/sidecar/annotation';
import { editedText as text, refusalOf as message } from '../helpers/codebookEdits';
import { HAND, lineDiff, SAMPLE, SPACED, tree } from '../helpers/codebookFixtures';

describe('editCodebook: remove, suggest ids, remap', () => {
  describe('removeConcept', () => {
    it('deletes a leaf, removing only its lines', () => {
      const out = text(removeConcept(SAMPLE, 'samordning.horisontal', 'samordning'));
      assert.deepEqual(lineDiff(SAMPLE, out), {
        removed: [
          '      - id: samordning.horisontal',
          '        label: Horisontal samordning',
          '        description: Between services at the same level, e.g. within the municipality.',
        ],
        added: [],
      });
    });

    it('removes a "children:" left empty', () => {
      const out = text(removeConcept(SAMPLE, 'arena.aktivitetssenter', 'arena'));
      assert.ok(
        out.includes(
          '    description: Social arenas that work as informal places of cooperation.\n  - id: informasjon\n',
        ),
      );
    });

    it('delete: the children take the place of the deleted concept', () => {
      const out = text(removeConcept(SAMPLE, 'bakkebyraakrat.disposisjon', 'bakkebyraakrat'));
      assert.deepEqual(
        tree(out)
          .filter(([, parent]) => parent === 'bakkebyraakrat')
          .map(([id]) => id),
        [
          'bakkebyraakrat.skjonn',
          'bakkebyraakrat.disposisjon.likegyldig',
          'bakkebyraakrat.disposisjon.handhever',
          'bakkebyraakrat.disposisjon.forsorger',
          'bakkebyraakrat.ansvarsoversvommelse',
        ],
      );
      const top = text(removeConcept(SAMPLE, 'samordning', undefined));
      assert.deepEqual(
        tree(top)
          .slice(0, 5)
          .map(([id, parent]) => [id, parent]),
        [
          ['samordning.formell', null],
          ['samordning.uformell', null],
          ['samordning.horisontal', null],
          ['samordning.vertikal', null],
          ['tjenestemodell', null],
        ],
      );
    });

    it('merge: the children go to the end of the target', () => {
      const out = text(removeConcept(SAMPLE, 'bakkebyraakrat.disposisjon', 'koordinator'));
      assert.deepEqual(
        tree(out)
          .filter(([, parent]) => parent === 'koordinator')
          .map(([id]) => id),
        [
          'koordinator.doraapner',
          'koordinator.tilrettelegger',
          'koordinator.fallskjerm',
          'bakkebyraakrat.disposisjon.likegyldig',
          'bakkebyraakrat.disposisjon.handhever',
          'bakkebyraakrat.disposisjon.forsorger',
        ],
      );
      assert.equal(tree(out).length, tree(SAMPLE).length - 1);
      const intoLeaf = text(removeConcept(HAND, 'a', 'b'));
      assert.deepEqual(tree(intoLeaf), [
        ['b', null, 'Bravo'],
        ['a.x', 'b', 'X-ray'],
        ['a.y', 'b', 'Yankee'],
      ]);
      assert.ok(intoLeaf.startsWith('# Our codebook\nconcepts:   # the tree\n\n- id: b\n'), intoLeaf);
      assert.ok(intoLeaf.endsWith('\n# the end\n'));
    });

    it('keeps a hand-written layout when deleting', () => {
      const out = text(removeConcept(HAND, 'a.x', 'a'));
      assert.deepEqual(lineDiff(HAND, out), { removed: ['  - id: a.x', '    label: "X-ray"'], added: [] });
      const last = text(removeConcept(HAND, 'b', undefined));
      assert.equal(last, HAND.replace("- id: b\n  label: Bravo\n  color: '#ff0000'\n", ''));
    });

    it('refuses moving the children under the concept itself or below it, and unknown ids', () => {
      assert.match(
        message(removeConcept(SAMPLE, 'bakkebyraakrat', 'bakkebyraakrat.disposisjon')),
        /itself or below it/,
      );
      assert.match(message(removeConcept(SAMPLE, 'bakkebyraakrat', 'bakkebyraakrat')), /itself or below it/);
      assert.match(message(removeConcept(SAMPLE, 'nope', undefined)), /no concept "nope"/);
      assert.match(message(removeConcept(SAMPLE, 'arena', 'nope')), /no concept "nope"/);
    });

    it('gives a valid codebook for every delete and merge in the sample, by splicing', () => {
      const rows = tree(SPACED);
      const targets = rows.filter(([, parent]) => parent === null || parent === 'bakkebyraakrat').map(([id]) => id);
      for (const [id, parent] of rows) {
        for (const target of [parent ?? undefined, ...targets]) {
          const result = removeConcept(SPACED, id, target);
          if (!result.ok) continue;
          assert.equal(tree(result.text).length, rows.length - 1, `${id} -> ${target}`);
          assert.ok(result.text.startsWith(SPACED.slice(0, SPACED.indexOf('  - id:'))), 'spliced, not re-serialised');
        }
      }
    });

    it('can empty the codebook', () => {
      const out = text(removeConcept('concepts:\n  - id: a\n', 'a', undefined));
      assert.deepEqual(tree(out), []);
      assert.deepEqual(tree(text(addConcept(out, undefined, { id: 'b', label: 'B' }))), [['b', null, 'B']]);
    });
  });

  describe('suggestConceptId', () => {
    it('folds Norwegian and other letters to lowercase ASCII words joined by hyphens, one level', () => {
      assert.equal(suggestConceptId('Tillit til hjelperen'), 'tillit-til-hjelperen');
      assert.equal(suggestConceptId('Døråpneren'), 'doraapneren');
      assert.equal(suggestConceptId('Ærlig Ålesund.tjeneste'), 'aerlig-aalesund-tjeneste');
      assert.equal(suggestConceptId('  Café crème!  '), 'cafe-creme');
      assert.equal(suggestConceptId('!!!'), 'concept');
    });

    it('joins the id to the parent with a dot and avoids taken ids', () => {
      assert.equal(suggestConceptId('Tillit til hjelperen', 'relasjon'), 'relasjon.tillit-til-hjelperen');
      assert.equal(suggestConceptId('Fallskjermen', 'koordinator.roller'), 'koordinator.roller.fallskjermen');
      const taken = new Set(['x', 'x-2']);
      assert.equal(
        suggestConceptId('X', undefined, (id) => taken.has(id)),
        'x-3',
      );
    });

    it('suggests ids that addConcept accepts and check reads back under the parent', () => {
      const book = 'concepts:\n  - id: relasjon\n    label: Relasjon\n';
      const id = suggestConceptId('Tillit til hjelperen', 'relasjon');
      assert.deepEqual(tree(text(addConcept(book, 'relasjon', { id, label: 'Tillit til hjelperen' }))), [
        ['relasjon', null, 'Relasjon'],
        [id, 'relasjon', 'Tillit til hjelperen'],
      ]);
    });
  });

  describe('remapConcepts', () => {
    const annotation = (id: string, ...concepts: string[]): Annotation => ({
      id,
      concepts,
      quote: `quote ${id}`,
      memo: 'kept',
    });
    const list = [
      annotation('a', 'x'),
      annotation('b', 'x', 'y'),
      annotation('c', 'y', 'x'),
      annotation('d', 'z'),
      annotation('e', 'y'),
    ];

    it('merge: replaces the id, once, in place, and keeps every other field', () => {
      const result = remapConcepts(list, new Map([['x', 'y']]));
      assert.deepEqual(
        result.annotations.map((a) => [a.id, a.concepts]),
        [
          ['a', ['y']],
          ['b', ['y']],
          ['c', ['y']],
          ['d', ['z']],
          ['e', ['y']],
        ],
      );
      assert.equal(result.changed, 3);
      assert.equal(result.removed, 0);
      assert.equal(result.annotations[0]?.memo, 'kept');
      assert.equal(result.annotations[3], list[3], 'untouched annotations are the same objects');
      assert.deepEqual(list[1]?.concepts, ['x', 'y'], 'the input is not changed');
    });

    it('delete: drops the id and removes annotations left without concepts', () => {
      const result = remapConcepts(list, new Map([['x', null]]));
      assert.deepEqual(
        result.annotations.map((a) => [a.id, a.concepts]),
        [
          ['b', ['y']],
          ['c', ['y']],
          ['d', ['z']],
          ['e', ['y']],
        ],
      );
      assert.equal(result.changed, 3);
      assert.equal(result.removed, 1);
    });

    it('applies several mappings at once and leaves identity mappings alone', () => {
      const result = remapConcepts(
        list,
        new Map<string, string | null>([
          ['x', 'z'],
          ['y', null],
          ['z', 'z'],
        ]),
      );
      assert.deepEqual(
        result.annotations.map((a) => [a.id, a.concepts]),
        [
          ['a', ['z']],
          ['b', ['z']],
          ['c', ['z']],
          ['d', ['z']],
        ],
      );
      assert.equal(result.changed, 4);
      assert.equal(result.removed, 1);
      assert.equal(result.annotations[3], list[3]);
    });

    it('changes nothing when no annotation uses a mapped id', () => {
      const result = remapConcepts(list, new Map([['w', 'x']]));
      assert.deepEqual(result, { annotations: list, changed: 0, removed: 0 });
      assert.deepEqual(remapConcepts([], new Map([['x', null]])), { annotations: [], changed: 0, removed: 0 });
    });
  });
});
