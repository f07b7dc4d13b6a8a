import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { addConcept } from '../../src/core/codebook/addConcept';
import { moveConcept } from '../../src/core/codebook/moveConcept';
import { renameConcept } from '../../src/core/codebook/renameConcept';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { CODEBOOK } from '../helpers/project';

import { editedText as text, refusalOf as message } from '../helpers/codebookEdits';
import { AKTIVITETSSENTER, HAND, lineDiff, parentOf, SAMPLE, SPACED, tree } from '../helpers/codebookFixtures';

describe('editCodebook', () => {
  it('the hand-written fixture is one the yaml library would reformat', () => {
    assert.notEqual(parseDocument(HAND).toString({ lineWidth: 0 }), HAND);
    assert.equal(tree(HAND).length, 4);
  });

  describe('addConcept', () => {
    it('appends a top-level concept after the last one, touching nothing else', () => {
      const out = text(addConcept(SAMPLE, undefined, { id: 'ny', label: 'Ny ting', description: 'A new concept.' }));
      assert.equal(out, `${SAMPLE}  - id: ny\n    label: Ny ting\n    description: A new concept.\n`);
    });

    it('appends a child after the last child and its descendants', () => {
      const out = text(addConcept(SAMPLE, 'bakkebyraakrat', { id: 'bakkebyraakrat.ny', label: 'Ny' }));
      const rows = tree(out);
      assert.deepEqual(
        rows.find(([id]) => id === 'bakkebyraakrat.ny'),
        ['bakkebyraakrat.ny', 'bakkebyraakrat', 'Ny'],
      );
      assert.deepEqual(lineDiff(SAMPLE, out), {
        removed: [],
        added: ['      - id: bakkebyraakrat.ny', '        label: Ny'],
      });
      assert.ok(out.indexOf('bakkebyraakrat.ny') > out.indexOf('bakkebyraakrat.ansvarsoversvommelse'));
      assert.ok(out.indexOf('bakkebyraakrat.ny') < out.indexOf('id: arena'));
    });

    it('adds a "children:" list to a concept that has none, in the indentation style of the file', () => {
      const out = text(addConcept(SAMPLE, 'informasjon', { id: 'informasjon.journal', label: 'Journal' }));
      assert.deepEqual(lineDiff(SAMPLE, out).added, [
        '    children:',
        '      - id: informasjon.journal',
        '        label: Journal',
      ]);
      const flat = text(addConcept(HAND, 'b', { id: 'b.z', label: 'Zulu' }));
      assert.ok(flat.includes("  color: '#ff0000'\n  children:\n  - id: b.z\n    label: Zulu\n\n# the end\n"), flat);
      assert.equal(parentOf(flat, 'b.z'), 'b');
    });

    it('keeps the layout of a hand-written codebook', () => {
      const out = text(addConcept(HAND, 'a', { id: 'a.z', label: 'Zulu' }));
      assert.deepEqual(lineDiff(HAND, out), { removed: [], added: ['  - id: a.z', '    label: Zulu'] });
      assert.ok(out.includes("    label: 'Yankee'\n  - id: a.z\n"));
    });

    it('quotes values that would otherwise not read back as the same text', () => {
      const out = text(addConcept(SAMPLE, undefined, { id: '1.10', label: 'Ja: #1, "nei"', description: 'yes' }));
      const added = tree(out).find(([id]) => id === '1.10');
      assert.deepEqual(added, ['1.10', null, 'Ja: #1, "nei"']);
      const file = new YamlFile('codebook.yaml', out);
      assert.equal(readCodebook(file).get('1.10')?.description, 'yes');
    });

    it('trims the fields and leaves out an empty description', () => {
      const out = text(addConcept(CODEBOOK, undefined, { id: ' ny ', label: ' Ny ', description: '  ' }));
      assert.ok(out.endsWith('  - id: ny\n    label: Ny\n'));
    });

    it('refuses a duplicate id, an unknown parent and empty or multi-line fields', () => {
      assert.match(message(addConcept(SAMPLE, undefined, { id: 'samordning.formell', label: 'X' })), /already used/);
      assert.match(message(addConcept(SAMPLE, 'nope', { id: 'x', label: 'X' })), /no concept "nope"/);
      assert.match(message(addConcept(SAMPLE, undefined, { id: '', label: 'X' })), /needs an id/);
      assert.match(message(addConcept(SAMPLE, undefined, { id: 'a b', label: 'X' })), /spaces/);
      assert.match(message(addConcept(SAMPLE, undefined, { id: 'x', label: ' ' })), /needs a label/);
      assert.match(message(addConcept(SAMPLE, undefined, { id: 'x', label: 'X\nY' })), /single line/);
    });

    it('refuses a codebook that does not parse or has conflict markers', () => {
      assert.match(message(addConcept('concepts: [\n', undefined, { id: 'x', label: 'X' })), /not valid YAML/);
      assert.match(
        message(addConcept('<<<<<<< HEAD\nconcepts:\n=======\n>>>>>>> b\n', undefined, { id: 'x', label: 'X' })),
        /conflict/,
      );
      assert.match(message(addConcept('- a\n', undefined, { id: 'x', label: 'X' })), /mapping/);
      assert.match(message(addConcept('concepts: 3\n', undefined, { id: 'x', label: 'X' })), /must be a list/);
    });

    it('starts a codebook that is empty, only comments, or has no concepts yet', () => {
      for (const start of ['', '# Codebook\n', 'concepts:\n', 'concepts: []\n', '# c\nconcepts:\n']) {
        const out = text(addConcept(start, undefined, { id: 'a', label: 'A' }));
        assert.deepEqual(tree(out), [['a', null, 'A']], start);
        if (start.startsWith('#')) assert.ok(out.startsWith(start.split('\n')[0] as string), out);
      }
      const child = text(addConcept('concepts:\n  - id: a\n    children:\n', 'a', { id: 'a.b', label: 'B' }));
      assert.deepEqual(tree(child), [
        ['a', null, 'a'],
        ['a.b', 'a', 'B'],
      ]);
    });

    it('keeps CRLF line endings and copes with a missing final line break', () => {
      const crlf = SAMPLE.replace(/\n/g, '\r\n');
      const out = text(addConcept(crlf, 'arena', { id: 'arena.kafe', label: 'Kafé' }));
      assert.equal(out.replace(/\r\n/g, ''), out.replace(/\r\n/g, '').replace(/\n/g, ''), 'no bare LF');
      assert.equal(parentOf(out, 'arena.kafe'), 'arena');
      const bare = text(addConcept('concepts:\n  - id: a\n    label: A', undefined, { id: 'b', label: 'B' }));
      assert.equal(bare, 'concepts:\n  - id: a\n    label: A\n  - id: b\n    label: B\n');
    });

    it('still works on flow-style codebooks, by re-serialising them', () => {
      const out = text(
        addConcept('concepts: [{id: a, label: A, children: [{id: a.b}]}]\n', 'a', { id: 'a.c', label: 'C' }),
      );
      assert.deepEqual(tree(out), [
        ['a', null, 'A'],
        ['a.b', 'a', 'a.b'],
        ['a.c', 'a', 'C'],
      ]);
    });
  });

  describe('renameConcept', () => {
    it('changes only the label line; every other line stays byte for byte', () => {
      const out = text(renameConcept(SAMPLE, 'koordinator.fallskjerm', 'Sikkerhetsnettet'));
      const before = SAMPLE.split('\n');
      const after = out.split('\n');
      assert.equal(after.length, before.length);
      const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
      assert.deepEqual(
        changed.map((i) => after[i]),
        ['        label: Sikkerhetsnettet'],
      );
    });

    it('keeps comments, quoting and odd spacing of a hand-written codebook', () => {
      const out = text(renameConcept(HAND, 'a.x', 'X-ray "2"'));
      assert.deepEqual(lineDiff(HAND, out), { removed: ['    label: "X-ray"'], added: ['    label: "X-ray \\"2\\""'] });
      const single = text(renameConcept(HAND, 'a.y', "Yankee's"));
      assert.deepEqual(lineDiff(HAND, single), { removed: ["    label: 'Yankee'"], added: ["    label: 'Yankee''s'"] });
      assert.deepEqual(
        tree(single).find(([id]) => id === 'a.y'),
        ['a.y', 'a', "Yankee's"],
      );
    });

    it('keeps a comment after the label', () => {
      const yaml = 'concepts:\n  - id: a\n    label: Alpha    # was Alfa\n  - id: b\n';
      assert.equal(
        text(renameConcept(yaml, 'a', 'Beta')),
        'concepts:\n  - id: a\n    label: Beta    # was Alfa\n  - id: b\n',
      );
    });

    it('adds a label line after the id when the concept has none', () => {
      const yaml = '# c\nconcepts:\n  - id: a   # A\n    description: D\n';
      assert.equal(
        text(renameConcept(yaml, 'a', 'Alpha')),
        '# c\nconcepts:\n  - id: a   # A\n    label: Alpha\n    description: D\n',
      );
    });

    it('quotes a label that needs it and reads it back unchanged', () => {
      for (const label of ['Ja: nei', '#1', 'yes', '12', '- dash', '[x]', 'Skjønn, "fritt" og \'bundet\'']) {
        const out = text(renameConcept(HAND, 'b', label));
        assert.deepEqual(
          tree(out).find(([id]) => id === 'b'),
          ['b', null, label],
        );
        assert.equal(lineDiff(HAND, out).removed.length, 1, label);
      }
    });

    it('tells numeric-looking ids like 1.10 and 1.1 apart', () => {
      const yaml = 'concepts:\n  - id: 1.10\n    label: Ti\n  - id: 1.1\n    label: En\n';
      assert.equal(
        text(renameConcept(yaml, '1.1', 'Én')),
        'concepts:\n  - id: 1.10\n    label: Ti\n  - id: 1.1\n    label: Én\n',
      );
    });

    it('renames inside flow mappings by re-serialising', () => {
      const out = text(renameConcept('concepts: [{id: a, label: A}]\n', 'a', 'B, C'));
      assert.deepEqual(tree(out), [['a', null, 'B, C']]);
    });

    it('refuses an unknown id and an empty label', () => {
      assert.match(message(renameConcept(SAMPLE, 'nope', 'X')), /no concept "nope"/);
      assert.match(message(renameConcept(SAMPLE, 'arena', '')), /needs a label/);
    });
  });

  describe('moveConcept', () => {
    it('moves a concept with its children under another concept, re-indented', () => {
      const out = text(moveConcept(SAMPLE, 'bakkebyraakrat.disposisjon', 'koordinator'));
      assert.equal(parentOf(out, 'bakkebyraakrat.disposisjon'), 'koordinator');
      assert.equal(parentOf(out, 'bakkebyraakrat.disposisjon.handhever'), 'bakkebyraakrat.disposisjon');
      assert.equal(tree(out).length, tree(SAMPLE).length);
      assert.deepEqual(lineDiff(SAMPLE, out), { removed: [], added: [] }, 'same lines, same indentation depth');
    });

    it('moves to the top level and removes a "children:" left empty', () => {
      const out = text(moveConcept(SAMPLE, 'arena.aktivitetssenter', undefined));
      assert.equal(parentOf(out, 'arena.aktivitetssenter'), null);
      assert.deepEqual(lineDiff(SAMPLE, out), {
        removed: [
          '    children:',
          '      - id: arena.aktivitetssenter',
          '        label: Aktivitetssenteret',
          `        description: ${AKTIVITETSSENTER}`,
        ],
        added: [
          '  - id: arena.aktivitetssenter',
          '    label: Aktivitetssenteret',
          `    description: ${AKTIVITETSSENTER}`,
        ],
      });
    });

    it('keeps the layout of a hand-written codebook, and moves the comment above the concept with it', () => {
      const out = text(moveConcept(HAND, 'a.y', 'b'));
      assert.equal(parentOf(out, 'a.y'), 'b');
      assert.ok(
        out.includes("  color: '#ff0000'\n  children:\n  # about y\n  - id: a.y\n    label: 'Yankee'\n\n# the end\n"),
        out,
      );
      assert.ok(out.startsWith('# Our codebook\nconcepts:   # the tree\n\n- id: a        # first\n'));
    });

    it('re-indents literal block text without changing it', () => {
      const out = text(moveConcept(HAND, 'a', 'b'));
      const file = new YamlFile('codebook.yaml', out);
      const book = readCodebook(file);
      assert.equal(book.get('a')?.parentId, 'b');
      assert.equal(book.get('a')?.description, 'Line one\n  indented two\n');
      assert.equal(book.get('a.x')?.parentId, 'a');
      assert.ok(out.includes('# Our codebook\nconcepts:   # the tree\n'));
    });

    it('leaves the text alone when the concept is already there', () => {
      assert.equal(text(moveConcept(SAMPLE, 'samordning.formell', 'samordning')), SAMPLE);
      assert.equal(text(moveConcept(SAMPLE, 'arena', undefined)), SAMPLE);
    });

    it('refuses a move under itself or below itself, and unknown ids', () => {
      assert.match(message(moveConcept(SAMPLE, 'bakkebyraakrat', 'bakkebyraakrat')), /under itself/);
      assert.match(
        message(moveConcept(SAMPLE, 'bakkebyraakrat', 'bakkebyraakrat.disposisjon.likegyldig')),
        /under itself/,
      );
      assert.match(message(moveConcept(SAMPLE, 'nope', undefined)), /no concept "nope"/);
      assert.match(message(moveConcept(SAMPLE, 'arena', 'nope')), /no concept "nope"/);
    });

    it('gives a valid codebook for every move in the sample, by splicing', () => {
      const ids = tree(SPACED).map(([id]) => id);
      const targets = [
        undefined,
        ...tree(SPACED)
          .filter(([, parent]) => parent === null)
          .map(([id]) => id),
        'bakkebyraakrat.disposisjon',
        'samordning.vertikal',
      ];
      for (const id of ids) {
        for (const to of targets) {
          const result = moveConcept(SPACED, id, to);
          if (!result.ok) continue;
          const rows = tree(result.text);
          assert.equal(rows.find(([c]) => c === id)?.[1], to ?? null, `${id} -> ${to}`);
          assert.equal(rows.length, ids.length);
          assert.ok(result.text.startsWith(SPACED.slice(0, SPACED.indexOf('  - id:'))), 'spliced, not re-serialised');
        }
      }
    });
  });
});
