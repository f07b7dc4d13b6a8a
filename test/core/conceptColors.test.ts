import assert from 'node:assert/strict';
import {
  CONCEPT_PALETTE,
  colorsInUse,
  conceptColor,
  distinctColor,
  shade,
} from '../../src/core/codebook/conceptColors';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { YamlFile } from '../../src/core/yaml/yamlFile';

const book = (text: string) => readCodebook(new YamlFile('codebook.yaml', text));

const TREE = `concepts:
  - id: koordinator
    label: Koordinator
    color: "#4e79a7"
    children:
      - id: koordinator.doraapner
        label: Døråpner
        children:
          - id: koordinator.doraapner.tidlig
            label: Tidlig
      - id: koordinator.fallskjerm
        label: Fallskjerm
        color: "#e15759"
  - id: samordning
    label: Samordning
    children:
      - id: samordning.formell
        label: Formell
`;

describe('concept colours', () => {
  it('gives a sub-concept without a colour a shade of the parent colour, different at each level', () => {
    const codebook = book(TREE);
    const colours = ['koordinator', 'koordinator.doraapner', 'koordinator.doraapner.tidlig'].map((id) =>
      conceptColor(codebook, id),
    );
    assert.deepEqual(colours, [{ hex: '#4e79a7' }, { hex: shade('#4e79a7', 1) }, { hex: shade('#4e79a7', 2) }]);
    assert.equal(new Set(colours.map((c) => JSON.stringify(c))).size, 3);
    assert.deepEqual(conceptColor(codebook, 'koordinator.fallskjerm'), { hex: '#e15759' }, 'a colour of its own wins');
  });

  it('gives concepts without any colour above them palette slots of their own, parent and child apart', () => {
    const codebook = book(TREE);
    const parent = conceptColor(codebook, 'samordning');
    const child = conceptColor(codebook, 'samordning.formell');
    assert.ok('slot' in parent && 'slot' in child);
    assert.notEqual(parent.slot, child.slot);
  });

  it('shades lighter then darker, staying a valid hex colour', () => {
    assert.equal(shade('#000000', 1), '#555555');
    assert.equal(shade('#ffffff', 2), '#aaaaaa');
    assert.match(shade('#4e79a7', 7), /^#[0-9a-f]{6}$/);
  });

  it('offers the first palette colour no concept shows, counting a slot as its default colour', () => {
    assert.equal(distinctColor([]), CONCEPT_PALETTE[0]);
    assert.equal(distinctColor(['#4E79A7', '#f28e2b']), CONCEPT_PALETTE[2]);
    const inUse = colorsInUse(book(TREE));
    assert.equal(inUse.length, 6);
    assert.ok(!inUse.includes(distinctColor(inUse)));
  });

  it('when every palette colour is taken, offers a colour unlike all of them', () => {
    const chosen = distinctColor(CONCEPT_PALETTE);
    assert.ok(!CONCEPT_PALETTE.includes(chosen));
    assert.match(chosen, /^#[0-9a-f]{6}$/);
  });
});
