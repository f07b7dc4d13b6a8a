import assert from 'node:assert/strict';
import type { EditResult } from '../../src/core/codebook/editResult';
import { moveConcept } from '../../src/core/codebook/moveConcept';
import { renameConcept } from '../../src/core/codebook/renameConcept';
import { readCodebook } from '../../src/core/codebook/readCodebook';
import { findConflicts, resolveAll } from '../../src/core/yaml/conflicts';
import { mergeCodebookText } from '../../src/core/merge/mergeCodebook';
import type { TextMerge } from '../../src/core/merge/mergeText';
import { YamlFile } from '../../src/core/yaml/yamlFile';

const BASE = `# Kodebok for studien
concepts:
  - id: samordning
    label: Samordning
    children:
      - id: samordning.formell
        label: Formell samordning
        description: Rutiner og avtaler.
      # uformell kom til etter første runde
      - id: samordning.uformell
        label: Uformell samordning
  - id: koordinator
    label: Koordinatorroller
    color: "#4e79a7"
    children:
      - id: koordinator.fallskjerm
        label: Fallskjermen
  - id: ressurser
    label: Ressurser # knapphet
`;

const merge = (ours: string, theirs: string, base = BASE) =>
  mergeCodebookText({ path: 'codebook.yaml', base, ours, theirs });
const text = (result: TextMerge) => {
  assert.ok(result.ok, JSON.stringify(result));
  return result.text;
};
const edited = (result: EditResult) => {
  assert.ok(result.ok);
  return result.text;
};
/** Each concept as "id < parent: label". */
const tree = (yaml: string) => {
  const file = new YamlFile('codebook.yaml', yaml);
  const codebook = readCodebook(file);
  assert.deepEqual(file.problems, []);
  return [...codebook.all()].map(
    (c) =>
      `${c.id} < ${c.parentId ?? '-'}: ${c.label}${c.description ? ` (${c.description})` : ''}${c.color ? ` ${c.color}` : ''}`,
  );
};

describe('mergeCodebookText', () => {
  it('keeps concepts added on both sides, in their places, with comments and layout', () => {
    const ours = BASE.replace(
      '        label: Fallskjermen\n',
      '        label: Fallskjermen\n      - id: koordinator.doraapner\n        label: Døråpneren\n',
    );
    const theirs = BASE.replace(
      '    label: Ressurser # knapphet\n',
      '    label: Ressurser # knapphet\n  - id: arena\n    label: Møteplasser 😀\n',
    );
    const merged = text(merge(ours, theirs));
    assert.equal(merged, `${ours}  - id: arena\n    label: Møteplasser 😀\n`);
  });

  it('gives a concept moved on one side and relabelled on the other both changes', () => {
    const ours = edited(moveConcept(BASE, 'koordinator.fallskjerm', 'samordning'));
    const theirs = edited(
      renameConcept(
        BASE.replace('description: Rutiner og avtaler.', 'description: Rutiner, avtaler og planer.'),
        'koordinator.fallskjerm',
        'Fallskjerm og nettverk',
      ),
    );
    const merged = text(merge(ours, theirs));
    assert.deepEqual(tree(merged), [
      'samordning < -: Samordning',
      'samordning.formell < samordning: Formell samordning (Rutiner, avtaler og planer.)',
      'samordning.uformell < samordning: Uformell samordning',
      'koordinator.fallskjerm < samordning: Fallskjerm og nettverk',
      'koordinator < -: Koordinatorroller #4e79a7',
      'ressurser < -: Ressurser',
    ]);
    assert.match(merged, /# uformell kom til etter første runde\n/);
  });

  it('keeps a REFI-QDA guid one side gave a concept that the other side relabelled', () => {
    const guid = '    guid: 8a3c1f2e-5b7d-4e9a-a1c3-0f2e4d6b8a9c\n';
    const ours = BASE.replace('    label: Ressurser # knapphet\n', `    label: Ressurser # knapphet\n${guid}`);
    const theirs = edited(renameConcept(BASE, 'ressurser', 'Ressurser og tid'));
    const merged = text(merge(ours, theirs));
    assert.equal(
      readCodebook(new YamlFile('codebook.yaml', merged)).get('ressurser')?.guid,
      '8a3c1f2e-5b7d-4e9a-a1c3-0f2e4d6b8a9c',
    );
    assert.deepEqual(text(merge(theirs, ours)).includes(guid), true);
    assert.match(merged, /label: Ressurser og tid/);
  });

  it('lets a removal win over no change, and puts the children of a removed concept under its parent', () => {
    const ours = BASE.replace('      - id: samordning.uformell\n        label: Uformell samordning\n', '').replace(
      '      # uformell kom til etter første runde\n',
      '',
    );
    const theirs = BASE.replace(
      '        label: Uformell samordning\n',
      '        label: Uformell samordning\n        children:\n          - id: samordning.uformell.nettverk\n            label: Nettverk\n',
    );
    assert.deepEqual(tree(text(merge(ours, theirs))).slice(0, 3), [
      'samordning < -: Samordning',
      'samordning.formell < samordning: Formell samordning (Rutiner og avtaler.)',
      'samordning.uformell.nettverk < samordning: Nettverk',
    ]);
  });

  it("puts a label changed on both sides between markers around that concept's item alone", () => {
    const merged = text(
      merge(
        BASE.replace('label: Fallskjermen', 'label: Fallskjerm (vår)'),
        BASE.replace('label: Fallskjermen', 'label: Fallskjerm (deres)'),
      ),
    );
    const [block, ...more] = findConflicts(merged);
    assert.deepEqual(more, []);
    assert.deepEqual(
      [block?.ours, block?.theirs, block?.ids],
      [
        '      - id: koordinator.fallskjerm\n        label: Fallskjerm (vår)\n',
        '      - id: koordinator.fallskjerm\n        label: Fallskjerm (deres)\n',
        ['koordinator.fallskjerm'],
      ],
    );
    assert.equal(resolveAll(merged, 'ours'), BASE.replace('label: Fallskjermen', 'label: Fallskjerm (vår)'));
  });

  it('puts a concept moved to different places on each side between markers around the item that holds both places', () => {
    const merged = text(
      merge(
        edited(moveConcept(BASE, 'koordinator.fallskjerm', 'samordning.uformell')),
        edited(moveConcept(BASE, 'koordinator.fallskjerm', 'samordning.formell')),
      ),
    );
    const [block, ...more] = findConflicts(merged);
    assert.deepEqual(more, []);
    assert.match(block?.ours ?? '', /^ {2}- id: samordning\n/, 'the item that holds both places');
    const place = (side: 'ours' | 'theirs') =>
      tree(resolveAll(merged, side)).filter((c) => c.startsWith('koordinator.fallskjerm'));
    assert.deepEqual(
      [place('ours'), place('theirs')],
      [
        ['koordinator.fallskjerm < samordning.uformell: Fallskjermen'],
        ['koordinator.fallskjerm < samordning.formell: Fallskjermen'],
      ],
    );
  });

  it('puts a concept removed on one side and changed on the other between markers, and undoes moves that would make a loop', () => {
    const removed = text(
      merge(
        BASE.replace('  - id: ressurser\n    label: Ressurser # knapphet\n', ''),
        BASE.replace('Ressurser # knapphet', 'Ressurser og tid'),
      ),
    );
    assert.deepEqual(
      findConflicts(removed).map((b) => [b.ours, b.ids]),
      [['', ['ressurser']]],
    );
    const underKoordinator = edited(moveConcept(BASE, 'ressurser', 'koordinator'));
    const koordinatorUnder = edited(moveConcept(BASE, 'koordinator', 'ressurser'));
    const looped = tree(text(merge(underKoordinator, koordinatorUnder)));
    assert.equal(looped.length, 6);
    assert.ok(looped.includes('ressurser < koordinator: Ressurser'), looped.join('\n'));
  });

  it('keeps CRLF line breaks', () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    const merged = text(
      merge(
        crlf(BASE.replace('label: Samordning', 'label: Samordning æøå')),
        crlf(
          BASE.replace(
            '    label: Ressurser # knapphet\n',
            '    label: Ressurser # knapphet\n  - id: ny\n    label: Ny\n',
          ),
        ),
        crlf(BASE),
      ),
    );
    assert.equal(
      merged,
      crlf(
        BASE.replace('label: Samordning', 'label: Samordning æøå').replace(
          '    label: Ressurser # knapphet\n',
          '    label: Ressurser # knapphet\n  - id: ny\n    label: Ny\n',
        ),
      ),
    );
  });

  it('refuses to merge when a side is not a codebook', () => {
    const result = merge('concepts: [', BASE);
    assert.ok(!result.ok && /^ours cannot be read/.test(result.message));
  });
});
