import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeColor, setConceptColor } from '../../src/core/codebook/editColor';
import { setConceptDefinition } from '../../src/core/codebook/editDefinition';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { YamlFile } from '../../src/core/yaml/yamlFile';
import { changedLines, editedText as text, refusalOf as message } from '../helpers/codebookEdits';

const SAMPLE = readFileSync(join(__dirname, '../../sample-project/codebook.yaml'), 'utf8');

/** Indentless lists, a literal block, comments and quoting the yaml library would reformat. */
const HAND = `# Our codebook
concepts:   # the tree

- id: a        # first
  label: Alpha
  description: |
    Line one
      indented two
  children:
  - id: a.x
    label: "X-ray"
  # about y
  - id: a.y
    label: 'Yankee'
    description: old # keep this
- id: b
  label: Bravo
  color: '#ff0000'
  description: >
    folded
    text

# the end
`;

const TWO_PARAGRAPHS = 'Første avsnitt: tilgjengelig døgnet rundt.\n\nAndre avsnitt, med «sitat» og 🙂.';

/** A concept as check reads it, asserting that the codebook has no problems. */
function concept(yaml: string, id: string): { description?: string; color?: string; label: string } {
  const file = new YamlFile('codebook.yaml', yaml.replace(/^\uFEFF/, ''));
  const codebook = readCodebook(file);
  assert.deepEqual(file.problems, [], yaml);
  const found = codebook.get(id);
  assert.ok(found, `${id} in\n${yaml}`);
  return found;
}

describe('setConceptDefinition', () => {
  it('writes a definition of two paragraphs as a literal block in place of the old line, nothing else changing', () => {
    const out = text(setConceptDefinition(SAMPLE, 'samordning.formell', TWO_PARAGRAPHS));
    assert.equal(concept(out, 'samordning.formell').description, TWO_PARAGRAPHS);
    assert.deepEqual(changedLines(SAMPLE, out), {
      removed: [
        '        description: Written routines, agreements, responsibility groups, individual plans, shared records.',
      ],
      added: [
        '        description: |-',
        '          Første avsnitt: tilgjengelig døgnet rundt.',
        '',
        '          Andre avsnitt, med «sitat» og 🙂.',
      ],
    });
  });

  it('keeps a one-line definition on one line, and the comment after the old one', () => {
    const out = text(setConceptDefinition(HAND, 'a.y', 'Ny definisjon: æøå ÆØÅ'));
    assert.deepEqual(changedLines(HAND, out), {
      removed: ['    description: old # keep this'],
      added: ['    description: "Ny definisjon: æøå ÆØÅ" # keep this'],
    });
    assert.equal(concept(out, 'a.y').description, 'Ny definisjon: æøå ÆØÅ');
  });

  it('replaces a literal (|) or folded (>) block, with a block or one line', () => {
    const literal = text(setConceptDefinition(HAND, 'a', 'One\n\nTwo'));
    assert.deepEqual(changedLines(HAND, literal), {
      removed: ['  description: |', '    Line one', '      indented two'],
      added: ['  description: |-', '    One', '', '    Two'],
    });
    const folded = text(setConceptDefinition(HAND, 'b', 'kort'));
    assert.deepEqual(changedLines(HAND, folded), {
      removed: ['  description: >', '    folded', '    text'],
      added: ['  description: kort'],
    });
    assert.equal(concept(folded, 'b').color, '#ff0000');
  });

  it('adds a definition after the label, at the indentation of the other keys', () => {
    const out = text(setConceptDefinition(HAND, 'a.x', 'To\nlinjer'));
    assert.deepEqual(changedLines(HAND, out), {
      removed: [],
      added: ['    description: |-', '      To', '      linjer'],
    });
    assert.ok(out.includes('    label: "X-ray"\n    description: |-\n'));
  });

  it('removes the definition when the text is empty or only white space', () => {
    for (const empty of ['', '  \n\n \t']) {
      const out = text(setConceptDefinition(HAND, 'a', empty));
      assert.deepEqual(changedLines(HAND, out), {
        removed: ['  description: |', '    Line one', '      indented two'],
        added: [],
      });
      assert.equal(concept(out, 'a').description, undefined);
    }
    assert.equal(text(setConceptDefinition(HAND, 'a.x', '')), HAND, 'no definition to remove: nothing changes');
  });

  it('keeps CRLF line endings, in the block too, and a definition typed with CRLF reads as its paragraphs', () => {
    const crlf = SAMPLE.replace(/\n/g, '\r\n');
    const out = text(setConceptDefinition(crlf, 'samordning', 'A\r\n\r\nB'));
    assert.equal(out.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    assert.ok(out.includes('    description: |-\r\n      A\r\n\r\n      B\r\n    children:\r\n'));
    assert.equal(concept(out, 'samordning').description, 'A\n\nB');
  });

  it('keeps a byte order mark', () => {
    const out = text(setConceptDefinition(`\uFEFF${SAMPLE}`, 'samordning', 'Ny'));
    assert.ok(out.startsWith('\uFEFF# Codebook'));
    assert.equal(concept(out, 'samordning').description, 'Ny');
  });

  it('edits flow mappings and JSON in place, a paragraph break as \\n', () => {
    const flow =
      'concepts:\n  - {id: c, label: C}   # flow\n  - {id: d, label: D, description: gammel, color: "#123456"}\n';
    assert.equal(
      text(setConceptDefinition(flow, 'c', 'x\n\ny')),
      'concepts:\n  - {id: c, label: C, description: "x\\n\\ny"}   # flow\n  - {id: d, label: D, description: gammel, color: "#123456"}\n',
    );
    assert.equal(
      text(setConceptDefinition(flow, 'd', '')),
      'concepts:\n  - {id: c, label: C}   # flow\n  - {id: d, label: D, color: "#123456"}\n',
    );
    const json = '{"concepts": [{"id": "a", "label": "A"}]}\n';
    const out = text(setConceptDefinition(json, 'a', 'Ærlig 🙂'));
    assert.equal(out, '{"concepts": [{"id": "a", "label": "A", "description": "Ærlig 🙂"}]}\n');
    assert.deepEqual(JSON.parse(out), { concepts: [{ id: 'a', label: 'A', description: 'Ærlig 🙂' }] });
  });

  it('writes text that looks like YAML as text', () => {
    const tricky = '- not: a list\n# not a comment\n\n  indented: "quoted"\n{flow}';
    const out = text(setConceptDefinition(HAND, 'b', tricky));
    assert.equal(concept(out, 'b').description, tricky);
    assert.equal(concept(out, 'a.y').description, 'old');
  });

  it('refuses an unknown concept, a conflicted or invalid file, and says why', () => {
    assert.match(message(setConceptDefinition(SAMPLE, 'ingen', 'x')), /There is no concept "ingen"/);
    assert.match(
      message(setConceptDefinition('concepts:\n<<<<<<< ours\n  - id: a\n=======\n>>>>>>> theirs\n', 'a', 'x')),
      /codebook\.yaml/,
    );
    assert.match(message(setConceptDefinition('concepts: [\n', 'a', 'x')), /not valid YAML/);
  });
});

describe('setConceptColor', () => {
  it('adds a colour after the definition, before the children', () => {
    const out = text(setConceptColor(SAMPLE, 'samordning', '#4E79A7'));
    assert.deepEqual(changedLines(SAMPLE, out), { removed: [], added: ['    color: "#4e79a7"'] });
    assert.ok(out.includes('around the service user.\n    color: "#4e79a7"\n    children:\n'));
    assert.equal(concept(out, 'samordning').color, '#4e79a7');
  });

  it('replaces a colour in its quoting style and removes it for Automatic', () => {
    const changed = text(setConceptColor(HAND, 'b', '#0f0'));
    assert.deepEqual(changedLines(HAND, changed), { removed: ["  color: '#ff0000'"], added: ["  color: '#00ff00'"] });
    const removed = text(setConceptColor(HAND, 'b', undefined));
    assert.deepEqual(changedLines(HAND, removed), { removed: ["  color: '#ff0000'"], added: [] });
    assert.equal(concept(removed, 'b').color, undefined);
    assert.equal(concept(removed, 'b').description, 'folded text\n');
  });

  it("removes a colour written first, on the line of the item's dash", () => {
    assert.equal(
      text(setConceptColor('concepts:\n- color: "#fff"   \n  id: x\n  label: X\n', 'x', undefined)),
      'concepts:\n- id: x\n  label: X\n',
    );
  });

  it('adds one to a file without a final line break', () => {
    assert.equal(
      text(setConceptColor('concepts:\n  - id: a\n    label: A', 'a', '#abcdef')),
      'concepts:\n  - id: a\n    label: A\n    color: "#abcdef"\n',
    );
  });

  it('refuses what is not a hex colour', () => {
    for (const bad of ['blue', '#12345', '#ggg', '', 'rgb(1,2,3)'])
      assert.match(message(setConceptColor(SAMPLE, 'samordning', bad)), /is not a colour/);
  });

  it('normalizeColor takes what the codebook allows, written as qcode writes it', () => {
    assert.equal(normalizeColor('#ABC'), '#aabbcc');
    assert.equal(normalizeColor(' 4e79a7 '), '#4e79a7');
    assert.equal(normalizeColor('#4e79a780'), '#4e79a780');
    assert.equal(normalizeColor('#4e79a'), undefined);
    assert.equal(normalizeColor('red'), undefined);
  });
});
